import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildSbomReport, sbomOutputFormat } from '../../sbom/generate.js';
import { ConfigurationError } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import { addSourceOptions, buildSourceOptions } from '../source-options.js';

/** `FORMAT[=PATH]`, as `scan -o` takes it. */
function splitOutput(value: string): [string, string | undefined] {
  const i = value.indexOf('=');
  if (i < 0) return [value, undefined];
  const path = value.slice(i + 1);
  if (path === '') throw new ConfigurationError(`-o ${value}: the path after "=" is empty`);
  return [value.slice(0, i), path];
}

export const sbomCommand: CliCommand = {
  id: 'sbom',
  register(program: Command, ctx: CliContext) {
    addSourceOptions(
      program
        .command('sbom')
        .description('catalog an image and write its SBOM (CycloneDX 1.6, SPDX 2.3 or Portcullis JSON); sbom:PATH converts an SBOM')
        .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH')
        .option('-o, --output <format[=path]>', 'cyclonedx-json, spdx-json or portcullis-json (aliases: cyclonedx, spdx, json); =PATH writes it to a file, as scan -o does', 'cyclonedx-json')
        .option('--file <path>', 'write the SBOM to this file instead of standard output'),
    ).action(async (ref: string, opts: Record<string, unknown>) => {
      const [formatName, outputPath] = splitOutput(String(opts.output));
      if (outputPath !== undefined && typeof opts.file === 'string') throw new ConfigurationError('give the file as -o FORMAT=PATH or --file PATH, not both');
      if (outputPath !== undefined) opts.file = outputPath;
      const format = sbomOutputFormat(formatName);
      const source = await buildSourceOptions(opts, ctx);
      const report = await buildSbomReport(ref, { source, logger: ctx.logger, resolvePath: (p) => resolve(p) });
      const rendered = format.render(report, {});
      const text = typeof rendered === 'string' ? rendered : rendered.toString('utf8');
      if (typeof opts.file === 'string') {
        const path = resolve(opts.file);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
        ctx.logger.info(`wrote ${format.id} SBOM (${report.packages.length} packages) to ${opts.file}`);
      } else {
        ctx.out(text);
      }
    });
  },
};
