/** What the store's pages show, read from the store: the portfolio (latest per image and tag) and one image's history. */

import type { SqlDb } from './db.js';
import type { ComplianceRecord, EvaluationRecord, RepositoryScope, StoreRepo } from './repo.js';
import type { ScanReport } from '../model/index.js';
import { matchesPattern } from '../policy/match.js';

const DECISION_RANK: Record<string, number> = { STOP: 0, WARN: 1, GO: 2 };

/** STOP first, then WARN, then GO; within one decision the newest first. */
export function portfolioOrder(a: EvaluationRecord, b: EvaluationRecord): number {
  const d = (DECISION_RANK[a.decision] ?? 3) - (DECISION_RANK[b.decision] ?? 3);
  if (d) return d;
  return a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1;
}

/**
 * A repository filter as the form gives it: a glob (`*` any run of characters, as the policy's mappings), matched
 * against the whole repository name (`registry.example/team/*`); a text without `*` matches as a substring.
 */
export function repositoryMatches(filter: string, repository: string | null, digest: string): boolean {
  const name = repository ?? digest;
  const f = filter.trim();
  if (!f) return true;
  if (f.includes('*')) return matchesPattern(f.replace(/^regexp:/, ''), name);
  return name.includes(f);
}

export interface PortfolioData {
  images: EvaluationRecord[];
  /** How many images there are before the filter. */
  total: number;
  compliance: ComplianceRecord[];
  filter: string;
}

/** `scope`: the reader's token's repositories (server.ts repositoryScopeOf); only those images are shown. */
export async function loadPortfolio(repo: StoreRepo, filter: string, scope: RepositoryScope): Promise<PortfolioData> {
  const latest = await repo.latestEvaluations(scope);
  const images = latest.filter((e) => repositoryMatches(filter, e.repository, e.image_digest)).sort(portfolioOrder);
  const compliance = await repo.listCompliance({ limit: 1000, ...scope });
  return { images, total: latest.length, compliance, filter };
}

/** A notification of the outbox as the image page lists it (the payload and attempt log stay in the API). */
export interface PageNotification {
  id: string;
  subscription_id: string;
  event: string;
  evaluation_id: string | null;
  state: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface ImageData {
  digest: string;
  /** Newest first. */
  evaluations: EvaluationRecord[];
  /** The newest evaluation's stored JSON report; undefined when it cannot be read or parsed. */
  report: ScanReport | undefined;
  notifications: PageNotification[];
  /**
   * Where the Dockerfile lines come from when the newest report has none (a re-evaluation reads the SBOM, not the
   * image): the report of the newest evaluation that had the image (a push or a watch) and mapped its Dockerfile.
   */
  placement?: { report: ScanReport; evaluation: EvaluationRecord };
}

/** The notifications the outbox holds for these evaluations, newest first (read only). */
export async function notificationsFor(db: SqlDb, evaluationIds: readonly string[]): Promise<PageNotification[]> {
  const out: PageNotification[] = [];
  for (let i = 0; i < evaluationIds.length; i += 200) {
    const ids = evaluationIds.slice(i, i + 200);
    const rows = await db.query(
      `SELECT id, subscription_id, event, evaluation_id, state, attempts, last_error, created_at, delivered_at FROM notifications
       WHERE evaluation_id IN (${ids.map((_, j) => `$${j + 1}`).join(', ')})`,
      ids,
    );
    for (const r of rows) {
      out.push({
        id: String(r.id),
        subscription_id: String(r.subscription_id),
        event: String(r.event),
        evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null,
        state: String(r.state),
        attempts: Number(r.attempts),
        last_error: r.last_error ? String(r.last_error) : null,
        created_at: String(r.created_at),
        delivered_at: r.delivered_at ? String(r.delivered_at) : null,
      });
    }
  }
  return out.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
}

/** One image's page data; undefined when the store has no evaluation of it the reader's token may see. */
export async function loadImage(repo: StoreRepo, digest: string, scope: RepositoryScope): Promise<ImageData | undefined> {
  const evaluations = await repo.listEvaluations({ image_digest: digest, limit: 1000, ...scope });
  const latest = evaluations[0];
  if (!latest) return undefined;
  const report = await readReport(repo, latest);
  let placement: ImageData['placement'];
  if (report && !report.dockerfile) {
    for (const e of evaluations.slice(1)) {
      if (e.reason !== 'push' && e.reason !== 'watch') continue;
      const r = await readReport(repo, e);
      if (r?.dockerfile) placement = { report: r, evaluation: e };
      break;
    }
  }
  return { digest, evaluations, report, notifications: await notificationsFor(repo.db, evaluations.map((e) => e.id)), ...(placement ? { placement } : {}) };
}

async function readReport(repo: StoreRepo, e: EvaluationRecord): Promise<ScanReport | undefined> {
  try {
    const data = await repo.readFile(e.files.report);
    const parsed = data ? (JSON.parse(data.toString('utf8')) as ScanReport) : undefined;
    return parsed && Array.isArray(parsed.findings) && Array.isArray(parsed.packages) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
