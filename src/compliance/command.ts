import type { Command } from 'commander';
import { ConfigurationError, getErrorMessage, RemoteError } from '../common/errors.js';
import type { CliContext } from '../cli/command.js';
import { addSourceOptions, buildSourceOptions } from '../cli/source-options.js';
import { addTargetOptions } from '../cli/commands/push.js';
import { pushCompliance, type ComplianceApi } from '../publish/compliance.js';
import { targetFrom, type TargetFlags } from '../publish/target.js';
import { runOscapCheck } from './check.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

interface OscapOpts extends TargetFlags {
  profile: string;
  datastream?: string;
  outputDir: string;
  pod?: string;
  namespace?: string;
  api: string;
  storeFailOnError?: boolean;
}

/**
 * `portcullis compliance oscap REF --profile P [--datastream DS]`. Exit codes follow the outcome table: 0 when
 * every applicable rule passed, 1 (STOP) when one failed, 3 when nothing was checked or oscap failed.
 */
export function registerOscap(compliance: Command, ctx: CliContext): void {
  addTargetOptions(
    addSourceOptions(
      compliance
        .command('oscap')
        .description('unpack the image safely, run OpenSCAP (oscap-chroot) with SCAP Security Guide content, write the results and HTML report, and push them when a store is configured')
        .argument('<ref>', 'image reference (as for image inspect)')
        .requiredOption('--profile <id>', 'XCCDF profile, e.g. xccdf_org.ssgproject.content_profile_standard')
        .option('--datastream <file>', 'SCAP source datastream (default: the ssg content for the image\'s OS)')
        .option('--output-dir <dir>', 'where the results, ARF, HTML report and summary go', 'portcullis-oscap')
        .option('--pod <name>', 'pod, for the pushed check')
        .option('--namespace <name>', 'namespace, for the pushed check')
        .option('--api <v1|v2|auto>', 'runtime-compliance API version to push to', 'auto')
        .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning (as on scan)'),
    ),
    { timeout: false },
  ).action(async (ref: string, opts: OscapOpts & Record<string, unknown>) => {
    const api = opts.api as ComplianceApi;
    if (!['v1', 'v2', 'auto'].includes(api)) throw new ConfigurationError(`--api "${opts.api}": use v1, v2 or auto`);
    const target = targetFrom({ ...opts, timeout: undefined } as TargetFlags, ctx.env);
    const summary = await runOscapCheck({
      ref,
      profile: opts.profile,
      ...(opts.datastream ? { datastream: opts.datastream } : {}),
      outDir: opts.outputDir,
      source: await buildSourceOptions(opts, ctx),
      logger: ctx.logger,
    });
    const c = summary.counts;
    ctx.logger.info(`oscap ${summary.result}: ${summary.reason} (pass ${c.pass}, fail ${c.fail}, error ${c.error}, notapplicable ${c.notapplicable})`);
    ctx.out(`${JSON.stringify(summary, null, 2)}\n`);
    if (target) {
      if (!summary.image.digest) throw new ConfigurationError('the image has no manifest digest to push the check under');
      try {
        const res = await pushCompliance(
          target,
          {
            check_type: 'oscap',
            image_digest: summary.image.digest,
            result: summary.result,
            ...(opts.pod ? { pod: opts.pod } : {}),
            ...(opts.namespace ? { namespace: opts.namespace } : {}),
            ...(summary.image.tag ? { image_tag: summary.image.tag } : {}),
            start_time: summary.start_time,
            end_time: summary.end_time,
          },
          {
            result_file: { name: basename(summary.files.arf), data: await readFile(summary.files.arf), contentType: 'application/xml' },
            report_file: { name: basename(summary.files.report), data: await readFile(summary.files.report), contentType: 'text/html' },
          },
          { api },
        );
        ctx.logger.info(`pushed the check through the ${res.api} API (files ${Object.values(res.check.compliance_file_ids ?? {}).join(', ')})`);
      } catch (error) {
        if (opts.storeFailOnError || !(error instanceof RemoteError)) throw error;
        // Never silent: the files stay in --output-dir for `portcullis compliance push`.
        ctx.logger.warning(`compliance push failed: ${getErrorMessage(error)}; the files are in ${opts.outputDir} (push them with portcullis compliance push)`);
      }
    }
    if (summary.result === 'error') throw new ConfigurationError(`compliance check did not run: ${summary.reason}`);
    ctx.outcome = summary.result === 'fail' ? 'stop' : 'go';
  });
}
