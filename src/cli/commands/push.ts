import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError, getErrorMessage, RemoteError } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import { DIGEST_RE } from '../../publish/compliance.js';
import { RESULT_SINKS } from '../../publish/list.js';
import { makePayload, type PayloadFile } from '../../publish/sink.js';
import { publish, retrySpooled, Spool } from '../../publish/spool.js';
import { ciKeys, targetFrom, type TargetFlags } from '../../publish/target.js';
import type { ImageMetadata } from '../../model/index.js';
import { storeDigest } from '../../scan/store-push.js';

interface PushOpts extends TargetFlags {
  report?: string;
  sbom?: string;
  sarif?: string;
  imageDigest?: string;
  imageTag?: string;
  commit?: string;
  pipelineRun?: string;
  sink: string;
  spoolDir?: string;
  storeFailOnError?: boolean;
  retrySpooled?: boolean;
}

export function addTargetOptions(cmd: Command, options: { timeout?: boolean } = {}): Command {
  const c = cmd
    .option('--store-url <url>', 'the server (env PORTCULLIS_STORE_URL)')
    .option('--store-token <token>', 'bearer token for our store (env PORTCULLIS_STORE_TOKEN)')
    .option('--username <name>', 'Anchore Enterprise user (env PORTCULLIS_STORE_USERNAME)')
    .option('--password <password>', 'Anchore Enterprise password (env PORTCULLIS_STORE_PASSWORD)')
    .option('--account <account>', 'Anchore account, sent as x-anchore-account (env PORTCULLIS_STORE_ACCOUNT)');
  return options.timeout === false ? c : c.option('--timeout <seconds>', 'per-request timeout', '30');
}

async function readPayloadFile(path: string, contentType: string, what: string): Promise<PayloadFile> {
  try {
    return { name: basename(path), data: await readFile(path), contentType };
  } catch (error) {
    throw new ConfigurationError(`cannot read the ${what} ${path}: ${getErrorMessage(error)}`, { cause: error });
  }
}

/**
 * The digest and tag a report keys its evaluation by, as `scan --store-url` keys it (storeDigest): the manifest
 * digest, or for an image read from `docker save` (no manifest digest until it is pushed) its config digest.
 */
function digestFromReport(report: Buffer): { digest?: string; tag?: string; fromConfig?: boolean } {
  try {
    const r = JSON.parse(report.toString('utf8')) as { image?: Partial<Pick<ImageMetadata, 'manifestDigest' | 'configDigest' | 'repoTags'>> };
    const image = r.image ?? {};
    const digest = typeof image.configDigest === 'string' || typeof image.manifestDigest === 'string' ? storeDigest({ configDigest: '', ...image } as ImageMetadata) : undefined;
    const tag = Array.isArray(image.repoTags) && typeof image.repoTags[0] === 'string' ? image.repoTags[0] : undefined;
    return { ...(digest ? { digest } : {}), ...(digest && !image.manifestDigest ? { fromConfig: true } : {}), ...(tag ? { tag } : {}) };
  } catch (error) {
    throw new ConfigurationError(`the report is not JSON: ${getErrorMessage(error)}`, { cause: error });
  }
}

export function spoolDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.PORTCULLIS_SPOOL_DIR ?? '.portcullis/spool';
}

export const pushCommand: CliCommand = {
  id: 'push',
  register(program: Command, ctx: CliContext) {
    addTargetOptions(
      program
        .command('push')
        .description('push an evaluation (JSON report, SBOM, SARIF) to a store, keyed by image digest, commit and pipeline run; idempotent')
        .option('--report <file>', 'the JSON report of the scan')
        .option('--sbom <file>', 'the SBOM (Syft JSON for Anchore Enterprise)')
        .option('--sarif <file>', 'the SARIF file')
        .option('--image-digest <digest>', 'the image digest (default: the report\'s manifest digest)')
        .option('--image-tag <repo:tag>', 'the tag (default: the report\'s first repo tag)')
        .option('--commit <sha>', 'the commit (default: GITHUB_SHA, CI_COMMIT_SHA or GIT_COMMIT)')
        .option('--pipeline-run <id>', 'the pipeline run (default: from the CI environment)')
        .option('--sink <id>', `where to push: ${RESULT_SINKS.ids().join(', ')}`, 'store')
        .option('--spool-dir <dir>', 'where failed pushes wait (env PORTCULLIS_SPOOL_DIR)')
        .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning and spooling only (as on scan)')
        .option('--retry-spooled', 'push what earlier failed pushes spooled, and nothing else'),
    ).action(async (opts: PushOpts) => {
      const target = targetFrom(opts, ctx.env);
      const kind = RESULT_SINKS.get(opts.sink);
      if (!target) {
        if (opts.retrySpooled || opts.storeFailOnError) throw new ConfigurationError('no store configured: give --store-url or PORTCULLIS_STORE_URL');
        ctx.logger.warning('push: no store configured (--store-url or PORTCULLIS_STORE_URL); nothing was pushed');
        return;
      }
      const sink = kind.create(target);
      const spool = new Spool(spoolDirOf(opts.spoolDir, ctx.env));
      const publishOptions = { spool, url: target.url, logger: ctx.logger, target };

      // What earlier runs spooled goes first, so the store sees evaluations in order.
      const retried = await retrySpooled(sink, publishOptions);
      if (opts.retrySpooled) {
        ctx.out(`${JSON.stringify({ pushed: retried.pushed, failed: retried.failed }, null, 2)}\n`);
        if (retried.failed.length && opts.storeFailOnError) throw new RemoteError(`${retried.failed.length} spooled push(es) still fail: ${retried.failed[0]!.error}`);
        return;
      }
      if (!opts.report) throw new ConfigurationError('push needs --report FILE (or --retry-spooled)');
      const report = await readPayloadFile(opts.report, 'application/json', 'report');
      const fromReport = digestFromReport(report.data);
      const imageDigest = opts.imageDigest ?? fromReport.digest;
      if (!imageDigest) throw new ConfigurationError('the report has no image digest; give --image-digest');
      if (!opts.imageDigest && fromReport.fromConfig) ctx.logger.info(`the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}, as scan does`);
      if (!DIGEST_RE.test(imageDigest)) throw new ConfigurationError(`--image-digest "${imageDigest}" is not a digest (algorithm:hex)`);
      const keys = ciKeys(ctx.env);
      const commit = opts.commit ?? keys.commit;
      const pipelineRun = opts.pipelineRun ?? keys.pipelineRun;
      const imageTag = opts.imageTag ?? fromReport.tag;
      const payload = makePayload({
        imageDigest,
        ...(imageTag ? { imageTag } : {}),
        ...(commit ? { commit } : {}),
        ...(pipelineRun ? { pipelineRun } : {}),
        report,
        ...(opts.sbom ? { sbom: await readPayloadFile(opts.sbom, 'application/json', 'SBOM') } : {}),
        ...(opts.sarif ? { sarif: await readPayloadFile(opts.sarif, 'application/sarif+json', 'SARIF') } : {}),
      });
      const result = await publish(sink, payload, publishOptions);
      ctx.out(`${JSON.stringify(result.status === 'pushed' ? { status: 'pushed', ...result.receipt } : result, null, 2)}\n`);
      if (result.status === 'spooled' && opts.storeFailOnError) throw new RemoteError(`push failed (spooled to ${result.spoolPath}): ${result.error}`);
    });
  },
};
