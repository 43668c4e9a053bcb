import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { COMPARISON_FORMATS, compareReports } from '../../baseline/compare.js';
import { isScanReport } from '../../baseline/load.js';
import { ConfigurationError } from '../../common/errors.js';
import type { ScanReport } from '../../model/index.js';
import type { ScanConfig } from '../../scan/config.js';
import { runScan } from '../../scan/pipeline.js';
import type { CliCommand, CliContext } from '../command.js';
import { addSourceOptions, addVulnerabilityDataOptions, buildSourceOptions, vulnerabilityDataFrom } from '../source-options.js';

const FORMATS = Object.keys(COMPARISON_FORMATS) as (keyof typeof COMPARISON_FORMATS)[];

/** A previous JSON report when `arg` is a file holding one; undefined for an image reference. */
async function reportAt(arg: string): Promise<ScanReport | undefined> {
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch {
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ConfigurationError(`${arg} is a file but not JSON: give a Portcullis JSON report (scan -o json) or an image reference`);
  }
  if (!isScanReport(doc)) throw new ConfigurationError(`${arg} is not a Portcullis JSON report (scan -o json); scan an SBOM as sbom:${arg}`);
  return doc;
}

export const compareCommand: CliCommand = {
  id: 'compare',
  register(program: Command, ctx: CliContext) {
    addVulnerabilityDataOptions(
      addSourceOptions(
        program
          .command('compare')
          .description('compare two images or two JSON reports: packages added, removed and changed, findings new and fixed, the decision before and after')
          .argument('<base>', 'the baseline: an image reference (as scan takes) or a Portcullis JSON report')
          .argument('<new>', 'the image or report to compare with it')
          .option('-o, --output <format>', `${FORMATS.join(', ')}`, 'table')
          .option('--policy <path>', 'policy bundle for the images scanned (default: the bundled default policy)')
          .option('--dockerfile <path>', 'the Dockerfile that built NEW (packages and findings get its lines)'),
      ),
    ).action(async (base: string, next: string, opts: Record<string, unknown>) => {
      const format = String(opts.output) as keyof typeof COMPARISON_FORMATS;
      if (!FORMATS.includes(format)) throw new ConfigurationError(`-o must be one of ${FORMATS.join(', ')}, got "${String(opts.output)}"`);
      const source = await buildSourceOptions(opts, ctx);
      const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
      const vulnerabilities = vulnerabilityDataFrom(opts, ctx.env, sourceRest);
      const scan = async (ref: string, dockerfile: boolean): Promise<ScanReport> => {
        const config: ScanConfig = {
          image: ref,
          source: sourceRest,
          ...(maxFileBytes ? { maxFileBytes } : {}),
          ...(dockerfile && typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
          ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
          failOn: 'never',
          outputs: ['json'],
          vulnerabilities,
        };
        return (await runScan(config, { env: ctx.env, logger: ctx.logger })).report;
      };
      const before = (await reportAt(base)) ?? (await scan(base, false));
      const after = (await reportAt(next)) ?? (await scan(next, true));
      ctx.out(COMPARISON_FORMATS[format](compareReports(before, after)));
    });
  },
};
