/** The store's records: runtime-compliance checks and evaluations, over any SqlDb and FileStore. */

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { SqlDb, SqlExecutor } from './db.js';
import type { FileStore, StoredBlob } from './files.js';
import type { ComplianceCheck } from '../publish/compliance.js';
import { diffEvaluations, summariseFindings, type EvaluationDiff, type EvaluationReason, type EvaluationSummary } from './evaluation-diff.js';
import { repositoryAllowed } from './tokens.js';

export interface IncomingFile {
  name: string;
  contentType: string;
  data: Buffer;
}

export interface FileMeta {
  id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

/** Anchore's `RuntimeComplianceCheck`, plus our id and creation time. */
export interface ComplianceRecord extends ComplianceCheck {
  id: string;
  compliance_file_ids: Record<string, string>;
  created_at: string;
}

export interface ComplianceInput extends ComplianceCheck {
  result_file?: IncomingFile;
  report_file?: IncomingFile;
  idempotencyKey?: string;
}

export interface ComplianceFilter {
  image_digest?: string;
  namespace?: string;
  pod?: string;
  check_type?: string;
  /** Checks whose start (or, without one, creation) time is at or after / before. ISO date-times. */
  since?: string;
  until?: string;
  limit?: number;
  /** A scoped token's repository globs: only checks whose image_tag's repository matches one. */
  repositories?: readonly string[];
}

/** A scoped token's repository globs (tokens.ts): only what matches one is listed. Empty or absent: everything. */
export interface RepositoryScope {
  repositories?: readonly string[];
}

export interface EvaluationFilter extends RepositoryScope {
  image_digest?: string;
  repository?: string;
  tag?: string;
  limit?: number;
}

export interface EvaluationCounts {
  packages: number;
  findings: Record<string, number>;
  policy: { stop: number; warn: number; go: number };
}

export interface EvaluationRecord {
  id: string;
  image_digest: string;
  repository: string | null;
  tag: string | null;
  commit: string | null;
  pipeline_run: string | null;
  decision: string;
  counts: EvaluationCounts;
  files: { report: string; sbom: string | null; sarif: string | null };
  created_at: string;
  /** Why this evaluation exists: a pipeline's push, or the store's re-evaluation after new data or a new bundle. */
  reason: EvaluationReason;
  /** The store policy it was evaluated with (null for a push: the pipeline's own bundle, named by bundle_id). */
  policy_name: string | null;
  bundle_id: string | null;
  /** sha256 of the bundle document the store evaluated with (null for a push, whose bundle the store never sees). */
  bundle_digest: string | null;
  /** The evaluation this one is compared with: the image's previous one, or the tag's previous image. */
  previous_id: string | null;
  diff: EvaluationDiff | null;
}

/** Called inside the transaction that stores an evaluation: what must be recorded with it (notifications). */
export type EvaluationHook = (tx: SqlExecutor, record: EvaluationRecord, previous: EvaluationRecord | undefined) => Promise<void>;

export interface EvaluationInput {
  image_digest: string;
  repository?: string;
  tag?: string;
  commit?: string;
  pipeline_run?: string;
  decision: string;
  counts: EvaluationCounts;
  report: IncomingFile;
  sbom?: IncomingFile;
  sarif?: IncomingFile;
  idempotencyKey: string;
  reason?: EvaluationReason;
  /** An SBOM already stored (a re-evaluation reuses the evaluation's SBOM file). */
  sbomFileId?: string;
  policy_name?: string;
  bundle_id?: string;
  bundle_digest?: string;
  /** The parsed report, when the caller has it (saves parsing it again). */
  parsedReport?: unknown;
}

const COMPLIANCE_COLUMNS = 'id, check_type, image_digest, result, pod, namespace, image_tag, start_time, end_time, result_file_id, report_file_id, created_at';
const EVALUATION_COLUMNS =
  'id, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts, report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, previous_id, diff';

type Raw = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

function toCompliance(r: Raw): ComplianceRecord {
  const ids: Record<string, string> = {};
  if (r.result_file_id) ids.result_file = String(r.result_file_id);
  if (r.report_file_id) ids.report_file = String(r.report_file_id);
  const out: ComplianceRecord = {
    id: String(r.id),
    check_type: String(r.check_type),
    image_digest: String(r.image_digest),
    compliance_file_ids: ids,
    created_at: String(r.created_at),
  };
  for (const k of ['result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'] as const) {
    const v = str(r[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function toEvaluation(r: Raw): EvaluationRecord {
  return {
    id: String(r.id),
    image_digest: String(r.image_digest),
    repository: str(r.repository) ?? null,
    tag: str(r.tag) ?? null,
    commit: str(r.commit_sha) ?? null,
    pipeline_run: str(r.pipeline_run) ?? null,
    decision: String(r.decision),
    counts: JSON.parse(String(r.counts)) as EvaluationCounts,
    files: { report: String(r.report_file_id), sbom: str(r.sbom_file_id) ?? null, sarif: str(r.sarif_file_id) ?? null },
    created_at: String(r.created_at),
    reason: (str(r.reason) ?? 'push') as EvaluationReason,
    policy_name: str(r.policy_name) ?? null,
    bundle_id: str(r.bundle_id) ?? null,
    bundle_digest: str(r.bundle_digest) ?? null,
    previous_id: str(r.previous_id) ?? null,
    diff: r.diff ? (JSON.parse(String(r.diff)) as EvaluationDiff) : null,
  };
}

/** A timestamp that sorts as text: always UTC with milliseconds. */
export function isoNow(): string {
  return new Date().toISOString();
}

export function normaliseTime(v: string): string {
  return new Date(v).toISOString();
}

/** Splits `registry/repo:tag` at the tag's colon (not a registry port's). */
export function splitTag(ref: string): { repository: string; tag?: string } {
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  if (colon > noDigest.lastIndexOf('/')) return { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { repository: noDigest };
}

/** The repository a compliance check is about: its image_tag's (none without one). */
export function complianceRepository(c: Pick<ComplianceCheck, 'image_tag'>): string | undefined {
  return c.image_tag ? splitTag(c.image_tag).repository : undefined;
}

/** Is this evaluation's image visible to a token with these globs? */
export function evaluationVisible(scope: RepositoryScope, e: Pick<EvaluationRecord, 'repository'>): boolean {
  return repositoryAllowed(scope.repositories ?? [], e.repository);
}

export function complianceVisible(scope: RepositoryScope, c: Pick<ComplianceCheck, 'image_tag'>): boolean {
  return repositoryAllowed(scope.repositories ?? [], complianceRepository(c));
}

/**
 * Runs an ordered query (its last two parameters are LIMIT and OFFSET) page by page until `limit` rows pass `keep`:
 * the globs are matched in JavaScript, by the same matcher as the subscription filters, not translated to SQL.
 */
async function selectKept(db: SqlExecutor, sql: string, params: readonly unknown[], limit: number, keep: ((r: Raw) => boolean) | undefined): Promise<Raw[]> {
  if (!keep) return db.query(sql, [...params, limit, 0]);
  const page = Math.max(limit, 500);
  const out: Raw[] = [];
  for (let offset = 0; ; offset += page) {
    const rows = await db.query(sql, [...params, page, offset]);
    for (const r of rows) {
      if (keep(r)) out.push(r);
      if (out.length >= limit) return out;
    }
    if (rows.length < page) return out;
  }
}

function scoped(scope: RepositoryScope): boolean {
  return (scope.repositories?.length ?? 0) > 0;
}

export class StoreRepo {
  readonly #hooks: EvaluationHook[] = [];

  constructor(
    readonly db: SqlDb,
    readonly files: FileStore,
  ) {}

  /** Runs `hook` in the transaction of every new evaluation (the notification outbox). */
  onEvaluation(hook: EvaluationHook): void {
    this.#hooks.push(hook);
  }

  async readFile(id: string): Promise<Buffer | undefined> {
    const stream = await this.files.get(id);
    if (!stream) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  /** The stored summary of an evaluation; one stored before summaries existed is summarised from its report. */
  async #summaryOf(q: SqlExecutor, id: string): Promise<EvaluationSummary> {
    const rows = await q.query<{ summary: string | null; report_file_id: string }>('SELECT summary, report_file_id FROM evaluations WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return { vulnerabilities: [], triggers: [] };
    if (r.summary) return JSON.parse(r.summary) as EvaluationSummary;
    const data = await this.readFile(r.report_file_id);
    try {
      return summariseFindings(data ? JSON.parse(data.toString('utf8')) : undefined);
    } catch {
      return { vulnerabilities: [], triggers: [] };
    }
  }

  /** The evaluation a new one of this image is compared with: the image's newest, else its tag's newest. */
  async #previous(q: SqlExecutor, digest: string, repository: string | undefined, tag: string | undefined): Promise<EvaluationRecord | undefined> {
    const same = await q.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE image_digest = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [digest]);
    if (same[0]) return toEvaluation(same[0]);
    if (!repository) return undefined;
    const tagged = await q.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE repository = $1 AND COALESCE(tag, '') = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [repository, tag ?? ''],
    );
    return tagged[0] ? toEvaluation(tagged[0]) : undefined;
  }

  async #putFile(tx: SqlExecutor, f: IncomingFile, created: string[], stored?: StoredBlob): Promise<string> {
    const blob = stored ?? (await this.files.put(f.data));
    if (!stored) created.push(blob.id);
    await tx.query('INSERT INTO files (id, name, content_type, size, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      blob.id,
      f.name,
      f.contentType,
      blob.size,
      blob.sha256,
      isoNow(),
    ]);
    return blob.id;
  }

  /**
   * Files are written (and fsynced) first, then the rows in one transaction; when the transaction fails or the
   * idempotency key already exists, the new files are removed. Returns the record and whether it already existed.
   */
  async #ingest<T>(
    insert: (tx: SqlExecutor, putFile: (f: IncomingFile) => Promise<string>) => Promise<T | undefined>,
    existing: () => Promise<T | undefined>,
  ): Promise<{ record: T; duplicate: boolean }> {
    const created: string[] = [];
    try {
      const record = await this.db.transaction(async (tx) => insert(tx, (f) => this.#putFile(tx, f, created)));
      if (record !== undefined) return { record, duplicate: false };
    } catch (error) {
      await Promise.all(created.map((id) => this.files.delete(id)));
      // Two concurrent pushes with one key: the loser's unique violation means the winner has it.
      const found = await existing();
      if (found !== undefined) return { record: found, duplicate: true };
      throw error;
    }
    await Promise.all(created.map((id) => this.files.delete(id)));
    const found = await existing();
    if (found === undefined) throw new Error('idempotent insert found neither a new nor an existing row');
    return { record: found, duplicate: true };
  }

  async createCompliance(input: ComplianceInput): Promise<{ record: ComplianceRecord; duplicate: boolean }> {
    const key = input.idempotencyKey;
    const existing = async () => {
      if (!key) return undefined;
      const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE idempotency_key = $1`, [key]);
      return rows[0] ? toCompliance(rows[0]) : undefined;
    };
    if (key) {
      const found = await existing();
      if (found) return { record: found, duplicate: true };
    }
    return this.#ingest(async (tx, putFile) => {
      const id = randomUUID();
      const resultId = input.result_file ? await putFile(input.result_file) : null;
      const reportId = input.report_file ? await putFile(input.report_file) : null;
      const rows = await tx.query(
        `INSERT INTO compliance_checks (id, idempotency_key, check_type, image_digest, result, pod, namespace, image_tag, start_time,
           end_time, result_file_id, report_file_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COMPLIANCE_COLUMNS}`,
        [
          id,
          key ?? null,
          input.check_type,
          input.image_digest,
          input.result ?? null,
          input.pod ?? null,
          input.namespace ?? null,
          input.image_tag ?? null,
          input.start_time ? normaliseTime(input.start_time) : null,
          input.end_time ? normaliseTime(input.end_time) : null,
          resultId,
          reportId,
          isoNow(),
        ],
      );
      return rows[0] ? toCompliance(rows[0]) : undefined;
    }, existing);
  }

  async listCompliance(filter: ComplianceFilter = {}): Promise<ComplianceRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.image_digest) add('image_digest = ?', filter.image_digest);
    if (filter.namespace) add('namespace = ?', filter.namespace);
    if (filter.pod) add('pod = ?', filter.pod);
    if (filter.check_type) add('check_type = ?', filter.check_type);
    if (filter.since) add('COALESCE(start_time, created_at) >= ?', normaliseTime(filter.since));
    if (filter.until) add('COALESCE(start_time, created_at) <= ?', normaliseTime(filter.until));
    const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
    const rows = await selectKept(
      this.db,
      `SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      params,
      limit,
      scoped(filter) ? (r) => complianceVisible(filter, { ...(r.image_tag ? { image_tag: String(r.image_tag) } : {}) }) : undefined,
    );
    return rows.map(toCompliance);
  }

  async getCompliance(id: string): Promise<ComplianceRecord | undefined> {
    const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE id = $1`, [id]);
    return rows[0] ? toCompliance(rows[0]) : undefined;
  }

  async getFile(id: string): Promise<{ meta: FileMeta; stream: Readable } | undefined> {
    const rows = await this.db.query<Raw>('SELECT id, name, content_type, size, sha256, created_at FROM files WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return undefined;
    const stream = await this.files.get(id);
    if (!stream) return undefined;
    return {
      meta: {
        id: String(r.id),
        name: String(r.name),
        content_type: String(r.content_type),
        size: Number(r.size),
        sha256: String(r.sha256),
        created_at: String(r.created_at),
      },
      stream,
    };
  }

  async ingestEvaluation(input: EvaluationInput): Promise<{ record: EvaluationRecord; duplicate: boolean }> {
    const existing = async () => {
      const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE idempotency_key = $1`, [input.idempotencyKey]);
      return rows[0] ? toEvaluation(rows[0]) : undefined;
    };
    const found = await existing();
    if (found) return { record: found, duplicate: true };
    const summary = summariseFindings(input.parsedReport ?? JSON.parse(input.report.data.toString('utf8')));
    return this.#ingest((tx, putFile) => this.#insertEvaluation(tx, input, summary, putFile), existing);
  }

  /**
   * Stores several evaluations (a re-evaluation job's batch) in ONE transaction: the same rows, diffs and hooks as
   * ingestEvaluation called for each input in order, with one commit. Inputs whose key is already stored are
   * duplicates, as there. When the batch fails, its new files are removed and each input is ingested on its own.
   */
  async ingestEvaluations(inputs: readonly EvaluationInput[]): Promise<{ record: EvaluationRecord; duplicate: boolean }[]> {
    const out: ({ record: EvaluationRecord; duplicate: boolean } | undefined)[] = [];
    const todo: { i: number; input: EvaluationInput; summary: EvaluationSummary }[] = [];
    for (const [i, input] of inputs.entries()) {
      const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE idempotency_key = $1`, [input.idempotencyKey]);
      out.push(rows[0] ? { record: toEvaluation(rows[0]), duplicate: true } : undefined);
      if (!rows[0]) todo.push({ i, input, summary: summariseFindings(input.parsedReport ?? JSON.parse(input.report.data.toString('utf8'))) });
    }
    if (todo.length) {
      const created: string[] = [];
      let records: (EvaluationRecord | undefined)[] | undefined;
      try {
        // The batch's files are written (and fsynced) concurrently, before the transaction.
        const stored = new Map<IncomingFile, StoredBlob>();
        const incoming = todo.flatMap((t) => [t.input.report, t.input.sbom, t.input.sarif]).filter((f): f is IncomingFile => f !== undefined);
        await Promise.all(
          incoming.map(async (f) => {
            const blob = await this.files.put(f.data);
            created.push(blob.id);
            stored.set(f, blob);
          }),
        );
        records = await this.db.transaction(async (tx) => {
          const done: (EvaluationRecord | undefined)[] = [];
          for (const t of todo) done.push(await this.#insertEvaluation(tx, t.input, t.summary, (f) => this.#putFile(tx, f, created, stored.get(f))));
          return done;
        });
      } catch {
        await Promise.all(created.map((id) => this.files.delete(id)));
      }
      for (const [k, t] of todo.entries()) {
        const r = records?.[k];
        out[t.i] = r ? { record: r, duplicate: false } : await this.ingestEvaluation(t.input);
      }
    }
    return out as { record: EvaluationRecord; duplicate: boolean }[];
  }

  async #insertEvaluation(tx: SqlExecutor, input: EvaluationInput, summary: EvaluationSummary, putFile: (f: IncomingFile) => Promise<string>): Promise<EvaluationRecord | undefined> {
    {
      const reportId = await putFile(input.report);
      const sbomId = input.sbom ? await putFile(input.sbom) : (input.sbomFileId ?? null);
      const sarifId = input.sarif ? await putFile(input.sarif) : null;
      const previous = await this.#previous(tx, input.image_digest, input.repository, input.tag);
      const diff = diffEvaluations(previous ? { decision: previous.decision, summary: await this.#summaryOf(tx, previous.id) } : undefined, { decision: input.decision, summary });
      const rows = await tx.query(
        `INSERT INTO evaluations (id, idempotency_key, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts,
           report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, summary, diff, previous_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${EVALUATION_COLUMNS}`,
        [
          randomUUID(),
          input.idempotencyKey,
          input.image_digest,
          input.repository ?? null,
          input.tag ?? null,
          input.commit ?? null,
          input.pipeline_run ?? null,
          input.decision,
          JSON.stringify(input.counts),
          reportId,
          sbomId,
          sarifId,
          isoNow(),
          input.reason ?? 'push',
          input.policy_name ?? null,
          input.bundle_id ?? bundleIdOf(input.parsedReport) ?? null,
          input.bundle_digest ?? null,
          JSON.stringify(summary),
          JSON.stringify(diff),
          previous?.id ?? null,
        ],
      );
      const record = rows[0] ? toEvaluation(rows[0]) : undefined;
      if (record) for (const hook of this.#hooks) await hook(tx, record, previous);
      return record;
    }
  }

  /** The newest evaluation of each stored image (by digest) that has an SBOM to re-evaluate. */
  async latestPerImage(): Promise<EvaluationRecord[]> {
    const rows = await this.db.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE e.sbom_file_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM evaluations n WHERE n.image_digest = e.image_digest AND n.sbom_file_id IS NOT NULL
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY e.image_digest`,
    );
    return rows.map(toEvaluation);
  }

  async listEvaluations(filter: EvaluationFilter = {}): Promise<EvaluationRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const k of ['image_digest', 'repository', 'tag'] as const) {
      const v = filter[k];
      if (v) {
        params.push(v);
        where.push(`${k} = $${params.length}`);
      }
    }
    const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
    const rows = await selectKept(
      this.db,
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      params,
      limit,
      scoped(filter) ? (r) => evaluationVisible(filter, { repository: str(r.repository) ?? null }) : undefined,
    );
    return rows.map(toEvaluation);
  }

  /** The newest evaluation of each repository and tag (an untagged image counts by its digest). */
  async latestEvaluations(scope: RepositoryScope = {}): Promise<EvaluationRecord[]> {
    const rows = await this.db.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE NOT EXISTS (
         SELECT 1 FROM evaluations n
         WHERE COALESCE(n.repository, n.image_digest) = COALESCE(e.repository, e.image_digest)
           AND COALESCE(n.tag, '') = COALESCE(e.tag, '')
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY COALESCE(repository, image_digest), COALESCE(tag, '')`,
    );
    return rows.map(toEvaluation).filter((e) => evaluationVisible(scope, e));
  }

  /** An evaluation by id; undefined, as for an unknown id, when its image is outside the scope. */
  async getEvaluation(id: string, scope: RepositoryScope = {}): Promise<EvaluationRecord | undefined> {
    const e = await this.#getEvaluation(id);
    return e && evaluationVisible(scope, e) ? e : undefined;
  }

  /** A compliance check by id; undefined, as for an unknown id, when its image is outside the scope. */
  async getVisibleCompliance(id: string, scope: RepositoryScope): Promise<ComplianceRecord | undefined> {
    const c = await this.getCompliance(id);
    return c && complianceVisible(scope, c) ? c : undefined;
  }

  /**
   * Is this stored file part of something visible in the scope (an evaluation's report, SBOM or SARIF, or a
   * compliance check's result or report)? Always for an unscoped token.
   */
  async fileVisible(id: string, scope: RepositoryScope): Promise<boolean> {
    if (!scoped(scope)) return true;
    const evs = await this.db.query<{ repository: string | null }>(
      'SELECT repository FROM evaluations WHERE report_file_id = $1 OR sbom_file_id = $1 OR sarif_file_id = $1',
      [id],
    );
    if (evs.some((e) => evaluationVisible(scope, { repository: str(e.repository) ?? null }))) return true;
    const checks = await this.db.query<{ image_tag: string | null }>('SELECT image_tag FROM compliance_checks WHERE result_file_id = $1 OR report_file_id = $1', [id]);
    return checks.some((c) => complianceVisible(scope, { ...(c.image_tag ? { image_tag: String(c.image_tag) } : {}) }));
  }

  async #getEvaluation(id: string): Promise<EvaluationRecord | undefined> {
    const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE id = $1`, [id]);
    return rows[0] ? toEvaluation(rows[0]) : undefined;
  }
}

function bundleIdOf(report: unknown): string | undefined {
  const p = (report as { policy?: { bundle_id?: unknown } } | undefined)?.policy;
  return typeof p?.bundle_id === 'string' ? p.bundle_id : undefined;
}
