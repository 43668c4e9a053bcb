/** The store's records: runtime-compliance checks and evaluations, over any SqlDb and FileStore. */

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { SqlDb, SqlExecutor } from './db.js';
import type { FileStore } from './files.js';
import type { ComplianceCheck } from '../publish/compliance.js';

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
}

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
}

const COMPLIANCE_COLUMNS = 'id, check_type, image_digest, result, pod, namespace, image_tag, start_time, end_time, result_file_id, report_file_id, created_at';
const EVALUATION_COLUMNS =
  'id, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts, report_file_id, sbom_file_id, sarif_file_id, created_at';

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
  };
}

/** A timestamp that sorts as text: always UTC with milliseconds. */
export function isoNow(): string {
  return new Date().toISOString();
}

export function normaliseTime(v: string): string {
  return new Date(v).toISOString();
}

export class StoreRepo {
  constructor(
    readonly db: SqlDb,
    readonly files: FileStore,
  ) {}

  async #putFile(tx: SqlExecutor, f: IncomingFile, created: string[]): Promise<string> {
    const blob = await this.files.put(f.data);
    created.push(blob.id);
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
    params.push(Math.min(Math.max(filter.limit ?? 1000, 1), 10_000));
    const rows = await this.db.query(
      `SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
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
    return this.#ingest(async (tx, putFile) => {
      const reportId = await putFile(input.report);
      const sbomId = input.sbom ? await putFile(input.sbom) : null;
      const sarifId = input.sarif ? await putFile(input.sarif) : null;
      const rows = await tx.query(
        `INSERT INTO evaluations (id, idempotency_key, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts,
           report_file_id, sbom_file_id, sarif_file_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
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
        ],
      );
      return rows[0] ? toEvaluation(rows[0]) : undefined;
    }, existing);
  }

  async listEvaluations(filter: { image_digest?: string; repository?: string; tag?: string; limit?: number } = {}): Promise<EvaluationRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const k of ['image_digest', 'repository', 'tag'] as const) {
      const v = filter[k];
      if (v) {
        params.push(v);
        where.push(`${k} = $${params.length}`);
      }
    }
    params.push(Math.min(Math.max(filter.limit ?? 1000, 1), 10_000));
    const rows = await this.db.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toEvaluation);
  }

  /** The newest evaluation of each repository and tag (an untagged image counts by its digest). */
  async latestEvaluations(): Promise<EvaluationRecord[]> {
    const rows = await this.db.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE NOT EXISTS (
         SELECT 1 FROM evaluations n
         WHERE COALESCE(n.repository, n.image_digest) = COALESCE(e.repository, e.image_digest)
           AND COALESCE(n.tag, '') = COALESCE(e.tag, '')
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY COALESCE(repository, image_digest), COALESCE(tag, '')`,
    );
    return rows.map(toEvaluation);
  }

  async getEvaluation(id: string): Promise<EvaluationRecord | undefined> {
    const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE id = $1`, [id]);
    return rows[0] ? toEvaluation(rows[0]) : undefined;
  }
}
