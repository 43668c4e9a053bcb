/**
 * The scan's baseline step (after the policy evaluation, before the outputs): load the baseline, check that it is of
 * the same repository, mark the delta. A baseline that cannot be read, or of another repository, is an error, unless
 * it is optional: then a warning, and the exit code comes from every trigger (`--fail-scope all`).
 */

import { ConfigurationError, getErrorMessage, RemoteError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { FailScope, ScanReport } from '../model/index.js';
import type { HttpTarget } from '../publish/http.js';
import { applyDelta } from './delta.js';
import { repositoryNames } from './identity.js';
import { loadBaseline, type LoadContext } from './load.js';
import { deltaLine } from './render.js';

export const FAIL_SCOPES: readonly FailScope[] = ['all', 'new'];

export interface BaselineConfig {
  /** A JSON report or SBOM path, `store:`, or `store:REPO[:TAG]`. */
  ref: string;
  /** `new`: the exit code comes from the new STOP and WARN triggers only. */
  failScope: FailScope;
  /** A baseline that cannot be read or is of another repository warns (and the fail scope is `all`) instead of failing. */
  optional: boolean;
  /** The store `store:` reads from (read scope). */
  store?: HttpTarget;
  /** The change's base branch, from the CI: the tag `store:` looks for. */
  baseBranch?: string;
}

export function parseFailScope(value: string): FailScope {
  const v = value.trim().toLowerCase() as FailScope;
  if (!FAIL_SCOPES.includes(v)) throw new ConfigurationError(`--fail-scope must be one of ${FAIL_SCOPES.join(', ')}, got "${value}"`);
  return v;
}

/** Fails when both images name their repository and no name is shared. */
export function checkSameRepository(current: ScanReport, baseline: ScanReport, source: string): void {
  const now = repositoryNames(current.image);
  const then = repositoryNames(baseline.image);
  if (now.length === 0 || then.length === 0 || then.some((n) => now.includes(n))) return;
  throw new ConfigurationError(`baseline ${source} is of ${then[0]}, not of the scanned ${now[0]}: a baseline must be an earlier scan of the same repository`);
}

export interface StageContext extends Omit<LoadContext, 'repoTags' | 'store' | 'baseBranch'> {
  logger: Logger;
}

/** The report with its delta against the baseline, or (optional baseline that failed) the report as it was. */
export async function applyBaseline(report: ScanReport, config: BaselineConfig | undefined, ctx: StageContext): Promise<ScanReport> {
  if (!config) return report;
  let marked: ScanReport;
  try {
    const loaded = await loadBaseline(config.ref, { ...ctx, repoTags: report.image.repoTags, ...(config.store ? { store: config.store } : {}), ...(config.baseBranch ? { baseBranch: config.baseBranch } : {}) });
    checkSameRepository(report, loaded.report, loaded.source);
    marked = applyDelta(report, loaded.report, loaded, config.failScope);
  } catch (e) {
    if (!config.optional || !(e instanceof ConfigurationError || e instanceof RemoteError)) throw e;
    ctx.logger.warning(`baseline: ${getErrorMessage(e)}; --baseline-optional: the scan goes on without a baseline, failing on every trigger (--fail-scope all)`);
    return report;
  }
  ctx.logger.info(`baseline: ${deltaLine(marked)}`);
  return marked;
}
