/**
 * The Action's run: inputs → scan (every report written) → outputs, job summary, PR comment, SARIF upload,
 * annotations → the conclusion. The one try/catch turns any error into a clear message and the error outcome.
 * Everything outside the process (the platform, the GitHub API, the cache, the scan) is passed in.
 */

import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError, ERROR_PREFIXES, errorKindOf, getErrorMessage, type RemoteError } from '../../common/errors.js';
import { redactSecrets, type Logger } from '../../common/logger.js';
import { outcomeOfError, type Outcome } from '../../common/outcome.js';
import { parsePlatform } from '../../image/manifest.js';
import type { ScanReport } from '../../model/index.js';
import { countBySeverity, imageLabel } from '../../output/format.js';
import { checkoutRootUri } from '../../output/formats/sarif.js';
import { OUTPUT_FORMATS } from '../../output/list.js';
import { ciKeys, targetFrom } from '../../publish/target.js';
import type { ScanConfig, StorePushConfig } from '../../scan/config.js';
import { baseBranchOf } from '../../baseline/load.js';
import type { BaselineConfig } from '../../baseline/stage.js';
import type { ScanDeps, ScanResult } from '../../scan/pipeline.js';
import { dbRoot, defaultCacheDir } from '../../vulndb/store.js';
import type { Platform } from '../platform.js';
import { foldedNotice, GITHUB_ANNOTATION_LIMITS, planAnnotations } from './annotations.js';
import type { GitHubApi } from './api.js';
import { githubContext, repositoryPath, type GitHubContext } from './context.js';
import { restoreDbCache, saveDbCache, type CacheBackend, type DbCacheState } from './db-cache.js';
import { restoreLayerCache, saveLayerCache, type LayerCacheState } from './layer-cache.js';
import { readActionInputs, type ActionInputs, type GetInput } from './inputs.js';
import { commentBody, commentMarker, upsertStickyComment, type CommentOptions } from './pr-comment.js';
import { uploadSarif, type WaitOptions } from './sarif-upload.js';

export interface ActionDeps {
  platform: Platform;
  env: NodeJS.ProcessEnv;
  getInput: GetInput;
  /** Masks a secret in the log (core.setSecret). */
  setSecret: (secret: string) => void;
  scan: (config: ScanConfig, deps: ScanDeps) => Promise<ScanResult>;
  /** Makes the GitHub API client (octokit in the entrypoint); its own warnings (rate limits) go to `logger`. */
  api?: (token: string, apiUrl: string, logger: Logger) => GitHubApi;
  cache?: CacheBackend;
  now?: () => Date;
  /** How long and how often to read the SARIF's processing status (codeql-action's 2 minutes and 5 s by default). */
  sarifWait?: WaitOptions;
}

/** The layer analyses the Action keeps (under the cache folder, so in the Actions cache): at most 1 GiB. */
export const LAYER_CACHE_MAX_BYTES = 1024 ** 3;
const layerCacheDir = (cacheDir: string): string => join(cacheDir, 'layers');

/** How many of the scan's own warnings (and errors) become annotations; later ones are plain log lines. */
const SCAN_ANNOTATION_CAP = 3;

/** Runs the Action and returns its outcome (the platform has been told). Never throws. */
export async function runAction(deps: ActionDeps): Promise<Outcome> {
  const { platform } = deps;
  const logger = countingLogger(platform.logger);
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  let inputs: ActionInputs | undefined;
  try {
    inputs = readActionInputs(deps.getInput, deps.setSecret);
    const ctx = githubContext(deps.env);
    const cwd = ctx.workspace ?? process.cwd();
    // The repository root: SARIF URIs and annotation paths are relative to it (a checkout into a subfolder too).
    const checkoutRoot = resolve(cwd, inputs.checkoutPath ?? cwd);
    const plan = planOutputs(inputs, ctx);

    const cacheDir = defaultCacheDir(deps.env);
    const cacheState: DbCacheState | undefined = inputs.dbCache && deps.cache ? await restoreDbCache(deps.cache, dbRoot(cacheDir), now(), logger) : undefined;
    // The layer analyses (issue 17): restored by prefix (this image reference's newest entry, else any image's).
    const layerState: LayerCacheState | undefined = inputs.layerCache && deps.cache ? await restoreLayerCache(deps.cache, layerCacheDir(cacheDir), inputs.image, logger) : undefined;

    const config = scanConfig(inputs, plan.outputs, cacheDir, storeConfig(inputs, deps.env), { cwd, checkoutRoot });
    if (inputs.baseline) config.baseline = baselineConfig(inputs.baseline, inputs, deps.env, cwd);
    const result = await deps.scan(config, { env: deps.env, logger, cwd, now });
    for (const w of result.written) if (w.path === undefined) platform.logger.info(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
    if (deps.cache) await saveDbCache(deps.cache, cacheState, logger);
    if (deps.cache) await saveLayerCache(deps.cache, layerState, inputs.image, result.report.image.layers.map((l) => l.digest), logger);

    const { report } = result;
    const pathOf = (format: string): string => result.written.find((w) => w.format === format && w.path)?.path ?? '';
    const counts = countBySeverity(report.findings);
    platform.setOutputs({
      decision: report.decision,
      critical: String(counts.Critical),
      high: String(counts.High),
      medium: String(counts.Medium),
      low: String(counts.Low),
      findings: String(report.findings.length),
      'sarif-file': pathOf('sarif'),
      'json-report': pathOf('json'),
      // anchore/scan-action's names for the same two files.
      sarif: pathOf('sarif'),
      json: pathOf('json'),
      sbom: plan.sbomFormat ? pathOf(plan.sbomFormat) : '',
    });

    const scope = { ...(inputs.severityCutoff ? { severityCutoff: inputs.severityCutoff } : {}), ...(inputs.onlyFixed ? { onlyFixed: true } : {}) };
    // Where the summary and the comment link: the run (the full report), the Dockerfile lines at the scanned commit.
    const links = { checkoutRoot, workingDirectory: cwd, ...(ctx.runUrl ? { reportUrl: ctx.runUrl } : {}), ...(ctx.sourceUrl ? { sourceUrl: ctx.sourceUrl } : {}) };
    if (inputs.summary) {
      try {
        await platform.summary(String(OUTPUT_FORMATS.get('markdown').render(report, { ...scope, ...links })));
      } catch (e) {
        logger.warning(`summary: the job summary could not be written: ${getErrorMessage(e)}`);
      }
    }
    let outcome = result.outcome;
    let problem: string | undefined;
    if (inputs.store?.failOnError && result.store && result.store.status !== 'pushed') problem = `the store push failed: ${result.store.error}`;
    if (inputs.commentOnPr) await commentOnPr(deps, inputs, ctx, report, { ...scope, checkoutRoot, workingDirectory: cwd }, logger);
    if (inputs.uploadSarif) {
      const sarif = result.written.find((w) => w.format === 'sarif');
      try {
        await uploadToCodeScanning(deps, inputs, ctx, sarif?.content, { checkoutRoot, startedAt }, logger);
      } catch (e) {
        problem = `the SARIF upload failed: ${getErrorMessage(e)}${(e as RemoteError).status === 403 ? '. The job needs "permissions: security-events: write" (and code scanning enabled on the repository)' : ''}`;
        if (outcome === 'go' || outcome === 'warn') outcome = e instanceof ConfigurationError ? 'configuration-error' : 'remote-error';
      }
    }

    // GitHub shows 10 errors and 10 warnings per step: the run's own (above, and the conclusion below) count too.
    const failing = outcome !== 'go' && outcome !== 'warn';
    const budget = {
      error: Math.max(0, GITHUB_ANNOTATION_LIMITS.error - logger.counts.error - (failing ? 1 : 0)),
      warning: Math.max(0, GITHUB_ANNOTATION_LIMITS.warning - logger.counts.warning - (outcome === 'warn' ? 1 : 0)),
    };
    logger.close();
    if (inputs.annotations) {
      const dockerfileFile = inputs.dockerfile && report.dockerfile ? repositoryPath(inputs.dockerfile, checkoutRoot, cwd) : undefined;
      const { annotations } = planAnnotations(report, { ...scope, ...(dockerfileFile ? { dockerfileFile } : {}), budget, folded: logger.folded });
      for (const a of annotations) platform.annotate(a);
    } else {
      const notice = foldedNotice(logger.folded);
      if (notice) platform.annotate(notice);
    }

    const message = conclusion(report, inputs, problem);
    platform.conclude(outcome, message);
    return outcome;
  } catch (error) {
    // Whose fault it is, in the words the CLI uses: configuration, image, remote or internal error.
    const outcome = outcomeOfError(error);
    const kind = errorKindOf(error);
    const text = redactSecrets(getErrorMessage(error));
    const message =
      kind === 'internal'
        ? `Portcullis: internal error: ${text}. This is a bug; please report it with the log (re-run with debug logging for the stack).`
        : `Portcullis: ${ERROR_PREFIXES[kind]}: ${text}`;
    if (outcome === 'internal-error' && error instanceof Error && error.stack) platform.logger.debug(redactSecrets(error.stack));
    if (inputs?.summary !== false) {
      try {
        await platform.summary(`## ❌ Portcullis: error\n\n${message.replace(/^Portcullis: /, '')}\n`);
      } catch (e) {
        platform.logger.debug(`job summary not written: ${getErrorMessage(e)}`);
      }
    }
    platform.conclude(outcome, message);
    return outcome;
  }
}

interface OutputPlan {
  outputs: string[];
  sbomFormat?: string;
}

/**
 * The `outputs` the user asked for, plus what the Action needs: a JSON report and a SARIF with paths (the step's
 * outputs name them), and a table for the log when nothing else goes there.
 */
export function planOutputs(inputs: ActionInputs, ctx: GitHubContext): OutputPlan {
  const dir = join(ctx.runnerTemp ?? tmpdir(), 'portcullis');
  const parsed = inputs.outputs.map((value) => {
    const eq = value.indexOf('=');
    const name = (eq < 0 ? value : value.slice(0, eq)).trim().toLowerCase();
    return { value, id: OUTPUT_FORMATS.get(name).id, hasPath: eq >= 0 };
  });
  const outputs = parsed.map((p) => p.value);
  const withPath = (id: string): boolean => parsed.some((p) => p.id === id && p.hasPath);
  if (inputs.sarifFile) {
    if (!parsed.some((p) => p.value.trim() === `sarif=${inputs.sarifFile}`)) outputs.push(`sarif=${inputs.sarifFile}`);
  } else if (!withPath('sarif')) {
    outputs.push(`sarif=${join(dir, 'portcullis.sarif')}`);
  }
  if (!withPath('json')) outputs.push(`json=${join(dir, 'portcullis-report.json')}`);
  if (!parsed.some((p) => !p.hasPath)) outputs.push('table');
  const sbom = parsed.find((p) => (p.id === 'cyclonedx' || p.id === 'spdx') && p.hasPath);
  return { outputs, ...(sbom ? { sbomFormat: sbom.id } : {}) };
}

/**
 * The baseline, from the baseline inputs: a path relative to the workspace, or `store:` (the store-url store, the
 * pull request's base branch as the tag to look for).
 */
export function baselineConfig(b: NonNullable<ActionInputs['baseline']>, inputs: ActionInputs, env: NodeJS.ProcessEnv, cwd: string): BaselineConfig {
  const store = inputs.store ? targetFrom({ storeUrl: inputs.store.url, ...(inputs.store.token ? { storeToken: inputs.store.token } : {}) }, env) : undefined;
  const baseBranch = baseBranchOf(env);
  return {
    ref: b.ref.startsWith('store:') ? b.ref : resolve(cwd, b.ref),
    failScope: b.failScope,
    optional: b.optional,
    ...(store ? { store } : {}),
    ...(baseBranch ? { baseBranch } : {}),
  };
}

/** The store push, from the store-* inputs: the token may also come from PORTCULLIS_STORE_TOKEN; keys from GitHub's run. */
export function storeConfig(inputs: ActionInputs, env: NodeJS.ProcessEnv): StorePushConfig | undefined {
  if (!inputs.store) return undefined;
  const target = targetFrom({ storeUrl: inputs.store.url, ...(inputs.store.token ? { storeToken: inputs.store.token } : {}) }, env)!;
  return { target, spoolDir: env.PORTCULLIS_SPOOL_DIR ?? '.portcullis/spool', failOnError: inputs.store.failOnError, ...ciKeys(env) };
}

/**
 * The scan the inputs ask for. `cwd` (the workspace) is what relative input paths are relative to, as on a runner;
 * `checkoutRoot` the repository root the SARIF is relative to.
 */
export function scanConfig(inputs: ActionInputs, outputs: string[], cacheDir: string, store?: StorePushConfig, paths: { cwd?: string; checkoutRoot?: string } = {}): ScanConfig {
  const at = (p: string): string => (paths.cwd ? resolve(paths.cwd, p) : p);
  return {
    image: inputs.image,
    source: {
      ...(inputs.platform ? { platform: parsePlatform(inputs.platform) } : {}),
      ...(inputs.registry ? { credentials: inputs.registry } : {}),
    },
    ...(inputs.dockerfile ? { dockerfilePath: inputs.dockerfile } : {}),
    ...(paths.checkoutRoot ? { checkoutRoot: paths.checkoutRoot } : {}),
    ...(inputs.policy ? { policyPath: inputs.policy } : {}),
    failOn: inputs.failOn,
    outputs,
    ...(inputs.severityCutoff ? { severityCutoff: inputs.severityCutoff } : {}),
    ...(inputs.onlyFixed ? { onlyFixed: true } : {}),
    color: false,
    ...(inputs.layerCache ? { layerCache: { dir: layerCacheDir(cacheDir), maxBytes: LAYER_CACHE_MAX_BYTES } } : {}),
    vulnerabilities: {
      enabled: true,
      cacheDir,
      ...(inputs.dbUrl ? { dbUrl: inputs.dbUrl } : {}),
      ...(inputs.dbRepository ? { dbRepository: inputs.dbRepository } : {}),
      offline: inputs.offline,
      maxAgeDays: 7,
      failOnStale: false,
      ...(inputs.ignoreFile ? { ignoreFile: at(inputs.ignoreFile) } : {}),
      vex: inputs.vex.map(at),
    },
    ...(store ? { store } : {}),
  };
}

async function commentOnPr(
  deps: ActionDeps,
  inputs: ActionInputs,
  ctx: GitHubContext,
  report: ScanReport,
  options: Omit<CommentOptions, 'runUrl' | 'sourceUrl'>,
  logger: Logger,
): Promise<void> {
  if (!ctx.pullRequest || !ctx.repository) {
    logger.info(`comment-on-pr: this is a ${ctx.eventName || 'non-pull-request'} event, not a pull request; no comment`);
    return;
  }
  if (ctx.pullRequest.fromFork && ctx.eventName === 'pull_request') {
    deps.platform.annotate({ level: 'notice', title: 'Portcullis: no PR comment', message: 'comment-on-pr is skipped: this pull request comes from a fork, and its token cannot write comments. The job summary has the report.' });
    return;
  }
  if (!inputs.githubToken || !deps.api) {
    logger.warning('comment-on-pr: no github-token; no comment');
    return;
  }
  try {
    const api = deps.api(inputs.githubToken, ctx.apiUrl, logger);
    const body = commentBody(report, { ...options, ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}), ...(ctx.sourceUrl ? { sourceUrl: ctx.sourceUrl } : {}) });
    const done = await upsertStickyComment(api, ctx.repository, ctx.pullRequest.number, commentMarker(report), body);
    logger.info(`comment-on-pr: ${done.action} comment ${done.comment.html_url ?? done.comment.id}`);
  } catch (e) {
    const status = (e as RemoteError).status;
    const hint = status === 403 || status === 404 ? ' The job needs "permissions: pull-requests: write".' : '';
    logger.warning(`comment-on-pr: ${getErrorMessage(e)}.${hint}`);
  }
}

async function uploadToCodeScanning(
  deps: ActionDeps,
  inputs: ActionInputs,
  ctx: GitHubContext,
  sarif: string | Buffer | undefined,
  run: { checkoutRoot: string; startedAt: Date },
  logger: Logger,
): Promise<void> {
  if (ctx.pullRequest?.fromFork && ctx.eventName === 'pull_request') {
    deps.platform.annotate({ level: 'notice', title: 'Portcullis: no SARIF upload', message: 'upload-sarif is skipped: this pull request comes from a fork, and its token cannot write security events.' });
    return;
  }
  if (sarif === undefined) throw new Error('no SARIF was rendered');
  if (!ctx.repository || !ctx.sha || !ctx.ref) throw new ConfigurationError('upload-sarif needs GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_REF (set on every GitHub runner)');
  if (!inputs.githubToken || !deps.api) throw new ConfigurationError('upload-sarif needs github-token');
  const api = deps.api(inputs.githubToken, ctx.apiUrl, logger);
  await uploadSarif(api, ctx.repository, sarif, { commitSha: ctx.sha, ref: ctx.ref, checkoutUri: checkoutRootUri(run.checkoutRoot), startedAt: run.startedAt }, logger, deps.sarifWait);
}

function conclusion(report: ScanReport, inputs: ActionInputs, problem: string | undefined): string {
  const label = imageLabel(report);
  const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && p.action !== 'go');
  const stops = fired.filter((p) => p.action === 'stop');
  const warns = fired.filter((p) => p.action === 'warn');
  const list = (xs: typeof fired): string => {
    const names = [...new Set(xs.map((p) => `${p.gate} ${p.trigger} (rule ${p.rule_id})`))];
    return names.slice(0, 3).join('; ') + (names.length > 3 ? `; and ${names.length - 3} more` : '');
  };
  const counts = countBySeverity(report.findings);
  const vulns = `${report.findings.length} vulnerabilities (${counts.Critical} critical, ${counts.High} high)`;
  let text: string;
  if (report.decision === 'STOP') text = `Portcullis: STOP for ${label}: ${stops.length} policy trigger${stops.length === 1 ? '' : 's'} stop it: ${list(stops)}. ${vulns}.`;
  else if (report.decision === 'WARN')
    text = `Portcullis: WARN for ${label}: ${warns.length} policy warning${warns.length === 1 ? '' : 's'}: ${list(warns)}. ${vulns}. ${
      inputs.failOn === 'warn' ? 'fail-on is "warn", so the step fails.' : `fail-on is "${inputs.failOn}", so the step passes.`
    }`;
  else text = `Portcullis: GO for ${label}. ${vulns}.`;
  if (report.decision === 'STOP' && inputs.failOn === 'never') text += ' fail-on is "never", so the step passes.';
  if (problem) text += ` But ${problem}.`;
  return text;
}

type RunLogger = Logger & {
  /** The run's warnings and errors that became annotations. */
  counts: { warning: number; error: number };
  /** Those that became plain log lines instead (past the cap, or after `close`). */
  folded: { warning: number; error: number };
  /** From now on no warning or error becomes an annotation: the rest of the budget is the findings'. */
  close(): void;
};

/**
 * The platform's logger, counting the warnings and errors that became annotations: the first SCAN_ANNOTATION_CAP of
 * each, so that the findings keep most of GitHub's budget; later ones, and any after `close`, are plain lines
 * ("warning: …"), counted in one notice.
 */
function countingLogger(inner: Logger): RunLogger {
  const counts = { warning: 0, error: 0 };
  const folded = { warning: 0, error: 0 };
  let cap = SCAN_ANNOTATION_CAP;
  const emit = (level: 'warning' | 'error', m: string): void => {
    if (counts[level] < cap) {
      counts[level]++;
      inner[level](m);
    } else {
      folded[level]++;
      inner.info(`${level}: ${m}`);
    }
  };
  return {
    counts,
    folded,
    close: () => {
      cap = 0;
    },
    debug: (m) => inner.debug(m),
    info: (m) => inner.info(m),
    warning: (m) => emit('warning', m),
    error: (m) => emit('error', m),
  };
}
