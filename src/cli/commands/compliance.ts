import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError, getErrorMessage, RemoteError } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import { validateComplianceCheck, type ComplianceApi, type ComplianceCheck, type ComplianceFile, type ComplianceFileField } from '../../publish/compliance.js';
import { targetFrom, type TargetFlags } from '../../publish/target.js';
import { publishCompliance, retrySpooledCompliance, Spool } from '../../publish/spool.js';
import { addTargetOptions, spoolDirOf } from './push.js';
import { registerOscap } from '../../compliance/command.js';

const CONTENT_TYPES: Record<string, string> = { '.xml': 'application/xml', '.html': 'text/html', '.htm': 'text/html', '.json': 'application/json', '.txt': 'text/plain' };

export async function readComplianceFile(path: string, what: string): Promise<ComplianceFile> {
  try {
    return { name: basename(path), data: await readFile(path), contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  } catch (error) {
    throw new ConfigurationError(`cannot read the ${what} ${path}: ${getErrorMessage(error)}`, { cause: error });
  }
}

export function parseApi(v: string): ComplianceApi {
  if (v !== 'v1' && v !== 'v2' && v !== 'auto') throw new ConfigurationError(`--api "${v}": use v1, v2 or auto`);
  return v;
}

interface ComplianceOpts extends TargetFlags {
  checkType?: string;
  imageDigest?: string;
  result?: string;
  pod?: string;
  namespace?: string;
  imageTag?: string;
  startTime?: string;
  endTime?: string;
  resultFile?: string;
  reportFile?: string;
  api: string;
  spoolDir?: string;
  storeFailOnError?: boolean;
}

export const complianceCommand: CliCommand = {
  id: 'compliance',
  register(program: Command, ctx: CliContext) {
    const compliance = program.command('compliance').description("runtime compliance: run OpenSCAP on an image, push checks to Anchore's runtime-compliance API or our store");
    addTargetOptions(
      compliance
        .command('push')
        .description("send one check as multipart/form-data with exactly the fields of Anchore's runtime-compliance API")
        .option('--check-type <type>', 'check_type (required), e.g. oscap')
        .option('--image-digest <digest>', 'image_digest (required)')
        .option('--result <result>', 'result: pass or fail')
        .option('--pod <name>', 'pod')
        .option('--namespace <name>', 'namespace')
        .option('--image-tag <repo:tag>', 'image_tag')
        .option('--start-time <rfc3339>', 'start_time')
        .option('--end-time <rfc3339>', 'end_time')
        .option('--result-file <file>', 'result_file (e.g. the XCCDF or ARF results)')
        .option('--report-file <file>', 'report_file (e.g. the HTML report)')
        .option('--api <v1|v2|auto>', 'v1: /v1/enterprise/runtime_compliance; v2: /v2/runtime-compliance; auto: v2, then v1 on 404', 'auto')
        .option('--spool-dir <dir>', 'where failed pushes wait for the next push (env PORTCULLIS_SPOOL_DIR)')
        .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning and spooling only (as on push)'),
    ).action(async (opts: ComplianceOpts) => {
      if (opts.result !== undefined && opts.result !== 'pass' && opts.result !== 'fail') throw new ConfigurationError(`--result "${opts.result}": use pass or fail`);
      const check: Partial<ComplianceCheck> = {
        ...(opts.checkType ? { check_type: opts.checkType } : {}),
        ...(opts.imageDigest ? { image_digest: opts.imageDigest } : {}),
        ...(opts.result ? { result: opts.result } : {}),
        ...(opts.pod ? { pod: opts.pod } : {}),
        ...(opts.namespace ? { namespace: opts.namespace } : {}),
        ...(opts.imageTag ? { image_tag: opts.imageTag } : {}),
        ...(opts.startTime ? { start_time: opts.startTime } : {}),
        ...(opts.endTime ? { end_time: opts.endTime } : {}),
      };
      const valid = validateComplianceCheck(check);
      const api = parseApi(opts.api);
      const target = targetFrom(opts, ctx.env);
      if (!target) throw new ConfigurationError('no server configured: give --store-url or PORTCULLIS_STORE_URL');
      const files: Partial<Record<ComplianceFileField, ComplianceFile>> = {};
      if (opts.resultFile) files.result_file = await readComplianceFile(opts.resultFile, 'result file');
      if (opts.reportFile) files.report_file = await readComplianceFile(opts.reportFile, 'report file');
      const options = { spool: new Spool(spoolDirOf(opts.spoolDir, ctx.env)), url: target.url, logger: ctx.logger };
      // What earlier pushes spooled goes first, so the server sees the checks in order.
      await retrySpooledCompliance(target, options);
      const res = await publishCompliance(target, { api, check: valid, files }, options);
      if (res.status === 'spooled') {
        ctx.out(`${JSON.stringify(res, null, 2)}\n`);
        if (opts.storeFailOnError) throw new RemoteError(`compliance push failed (spooled to ${res.spoolPath}): ${res.error}`);
        return;
      }
      ctx.logger.info(`pushed the ${valid.check_type} check through the ${res.api} API`);
      ctx.out(`${JSON.stringify(res.check, null, 2)}\n`);
    });
    registerOscap(compliance, ctx);
  },
};
