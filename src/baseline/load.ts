/**
 * Loading a baseline (`scan --baseline REF`): a previous Portcullis JSON report as it is; an SBOM (CycloneDX, SPDX,
 * Portcullis JSON without a policy result), scanned by the caller with today's data; or `store:` / `store:REPO[:TAG]`,
 * the newest evaluation the store holds for that repository and tag. The store records repository, tag, commit and
 * pipeline run, but no branch: `store:` looks for the scanned image's repository tagged with the change's base branch
 * (`feature/x` → `feature-x`, as image tags are written), which the CI gives.
 */

import { readFile } from 'node:fs/promises';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { ScanReport } from '../model/index.js';
import { send, statusError, type HttpTarget } from '../publish/http.js';
import { EVALUATIONS_PATH } from '../publish/store-sink.js';
import { parseSbom } from '../sbom/read.js';

export const STORE_PREFIX = 'store:';

export type BaselineRef = { kind: 'file'; path: string } | { kind: 'store'; repository?: string; tag?: string };

/** `store:`, `store:REPO`, `store:REPO:TAG` (`store:localhost:5000/app:main` too), or a file path. */
export function parseBaselineRef(ref: string): BaselineRef {
  if (!ref.trim()) throw new ConfigurationError('--baseline needs a value: a JSON report or SBOM path, store: or store:REPO:TAG');
  if (ref === 'store' || !ref.startsWith(STORE_PREFIX)) return ref === 'store' ? { kind: 'store' } : { kind: 'file', path: ref };
  const rest = ref.slice(STORE_PREFIX.length);
  if (!rest) return { kind: 'store' };
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { kind: 'store', repository: rest.slice(0, colon), tag: rest.slice(colon + 1) };
  return { kind: 'store', repository: rest };
}

/** A branch name as an image tag: characters outside `[A-Za-z0-9_.-]` become `-`, at most 128. */
export function branchTag(branch: string): string {
  return branch.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '').slice(0, 128);
}

/** The base branch of the change from the CI's environment: GitHub Actions, GitLab CI, Jenkins (multibranch). */
export function baseBranchOf(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME || env.CHANGE_TARGET || undefined;
}

/** A previous Portcullis scan report (`-o json`), not an SBOM: it has a decision, findings and a policy result. */
export function isScanReport(doc: unknown): doc is ScanReport {
  const r = doc as Partial<ScanReport> | null;
  return (
    !!r &&
    typeof r === 'object' &&
    r.schemaVersion === '1' &&
    r.tool?.name === 'portcullis' &&
    (r.decision === 'GO' || r.decision === 'WARN' || r.decision === 'STOP') &&
    Array.isArray(r.findings) &&
    Array.isArray(r.packages) &&
    typeof r.image === 'object' &&
    r.image !== null &&
    typeof r.policy === 'object' &&
    r.policy !== null &&
    Array.isArray(r.policy.findings)
  );
}

/** Checks the parts of a report the delta reads, so that a hand-edited file fails with a line, not a TypeError. */
function checkedReport(doc: ScanReport, label: string): ScanReport {
  doc.findings.forEach((f, i) => {
    if (!f || typeof f.id !== 'string' || typeof f.packageName !== 'string' || typeof f.installedVersion !== 'string' || !Array.isArray(f.aliases)) {
      throw new ConfigurationError(`${label}: findings[${i}] is not a finding (it needs id, aliases, packageName and installedVersion)`);
    }
  });
  doc.policy!.findings.forEach((p, i) => {
    if (!p || typeof p.trigger_id !== 'string' || typeof p.gate !== 'string' || typeof p.trigger !== 'string' || typeof p.message !== 'string') {
      throw new ConfigurationError(`${label}: policy.findings[${i}] is not a policy trigger (it needs gate, trigger, trigger_id and message)`);
    }
  });
  if (typeof doc.image.reference !== 'string' || !Array.isArray(doc.image.repoTags)) throw new ConfigurationError(`${label}: image has no reference and repoTags`);
  return doc;
}

export interface LoadedBaseline {
  report: ScanReport;
  kind: 'report' | 'sbom' | 'store';
  /** The file path as given, or the store evaluation's URL. */
  source: string;
}

export interface LoadContext {
  /** Resolves a path the user gave against the scan's working directory. */
  at(path: string): string;
  /** The scanned image's tags (the repository `store:` looks for). */
  repoTags: readonly string[];
  store?: HttpTarget;
  baseBranch?: string;
  /** Scans `sbom:PATH` with today's data and the scan's policy: the baseline of an SBOM. */
  rescan(sbomReference: string): Promise<ScanReport>;
  signal?: AbortSignal;
}

export async function loadBaseline(ref: string, ctx: LoadContext): Promise<LoadedBaseline> {
  const parsed = parseBaselineRef(ref);
  if (parsed.kind === 'store') return loadFromStore(parsed, ctx);
  const path = ctx.at(parsed.path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read baseline ${parsed.path}: ${getErrorMessage(e)}`, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigurationError(`baseline ${parsed.path} is not JSON: ${getErrorMessage(e)} (give a Portcullis JSON report or an SBOM)`, { cause: e });
  }
  if (isScanReport(doc)) return { report: checkedReport(doc, `baseline ${parsed.path}`), kind: 'report', source: parsed.path };
  // Not a report: an SBOM (this throws a precise line when it is neither), whose findings today's data gives.
  parseSbom(text, `baseline ${parsed.path}`);
  return { report: await ctx.rescan(`sbom:${path}`), kind: 'sbom', source: parsed.path };
}

interface EvaluationRow {
  id: string;
  repository: string | null;
  tag: string | null;
}

async function loadFromStore(ref: { repository?: string; tag?: string }, ctx: LoadContext): Promise<LoadedBaseline> {
  const target = ctx.store;
  if (!target) throw new ConfigurationError('--baseline store: needs a store: give --store-url or PORTCULLIS_STORE_URL (the token needs the read scope)');
  const repository = ref.repository ?? (ctx.repoTags[0] ? repositoryOfTag(ctx.repoTags[0]) : undefined);
  if (!repository) throw new ConfigurationError('--baseline store: the scanned image has no tag to find its repository by; give --baseline store:REPO:TAG');
  const tag = ref.tag ?? (ctx.baseBranch ? branchTag(ctx.baseBranch) : undefined);
  if (!tag) throw new ConfigurationError(`--baseline store: cannot tell the base branch (no GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME or CHANGE_TARGET): give --baseline store:${repository}:TAG`);
  const query = `${EVALUATIONS_PATH}?repository=${encodeURIComponent(repository)}&tag=${encodeURIComponent(tag)}&limit=1`;
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  const list = await send(target, 'GET', query, signal);
  if (list.status !== 200) throw statusError('GET', target, query, list);
  const row = list.json<EvaluationRow[]>()[0];
  if (!row) throw new ConfigurationError(`the store at ${target.url} has no evaluation of ${repository}:${tag} to use as the baseline`);
  const filePath = `${EVALUATIONS_PATH}/${row.id}/files/report`;
  const res = await send(target, 'GET', filePath, signal);
  if (res.status !== 200) throw statusError('GET', target, filePath, res);
  const source = `${target.url.replace(/\/+$/, '')}${EVALUATIONS_PATH}/${row.id}`;
  let doc: unknown;
  try {
    doc = res.json();
  } catch (e) {
    throw new ConfigurationError(`baseline ${source}: the stored report is not JSON: ${getErrorMessage(e)}`, { cause: e });
  }
  if (!isScanReport(doc)) throw new ConfigurationError(`baseline ${source}: the stored report is not a Portcullis JSON report`);
  return { report: checkedReport(doc, `baseline ${source}`), kind: 'store', source };
}

/** The repository the store files a tag under (its own split: the part before the tag). */
function repositoryOfTag(tag: string): string {
  const noDigest = tag.split('@')[0]!;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}
