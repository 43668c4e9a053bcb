/**
 * The spool: a payload whose push failed is written to disk and pushed again on the next run, or by
 * `portcullis push --retry-spooled`. Credentials are never written; the retry uses the sink configured then.
 * Its idempotency key is kept, so a payload that did reach the server before the failure is not duplicated.
 *
 * Two kinds of record share it: evaluations (`push`, `scan --store-url`) and runtime-compliance checks
 * (`compliance push`), each with the URL it was meant for. A file that cannot be read back is reported in one line
 * and left where it is, never deleted.
 */

import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getErrorMessage, RemoteError } from '../common/errors.js';
import { redactSecrets, type Logger } from '../common/logger.js';
import {
  COMPLIANCE_FILE_FIELDS,
  complianceKey,
  pushCompliance,
  validateComplianceCheck,
  type ComplianceApi,
  type ComplianceCheck,
  type ComplianceFile,
  type ComplianceFileField,
  type RuntimeComplianceCheck,
} from './compliance.js';
import type { HttpTarget } from './http.js';
import type { EvaluationPayload, PayloadFile, PushReceipt, ResultSink } from './sink.js';

interface SpooledFile {
  name: string;
  contentType: string;
  base64: string;
}

interface SpoolRecordBase {
  version: 1;
  sink: string;
  /** The server it was meant for (no credentials). */
  url: string;
  spooledAt: string;
  attempts: number;
  lastError: string;
}

interface EvaluationRecord extends SpoolRecordBase {
  /** Absent in records written before compliance checks were spooled. */
  kind?: 'evaluation';
  payload: Omit<EvaluationPayload, 'report' | 'sbom' | 'sarif'> & { report: SpooledFile; sbom?: SpooledFile; sarif?: SpooledFile };
}

interface ComplianceRecord extends SpoolRecordBase {
  kind: 'compliance';
  compliance: { api: ComplianceApi; check: ComplianceCheck; files: Partial<Record<ComplianceFileField, SpooledFile>>; idempotencyKey: string };
}

type SpoolRecord = EvaluationRecord | ComplianceRecord;

export interface SpoolEntry {
  path: string;
  record: EvaluationRecord;
  payload: EvaluationPayload;
}

/** A runtime-compliance check as `compliance push` sends it. */
export interface ComplianceSubmission {
  api: ComplianceApi;
  check: ComplianceCheck;
  files: Partial<Record<ComplianceFileField, ComplianceFile>>;
}

export interface ComplianceSpoolEntry {
  path: string;
  record: ComplianceRecord;
  submission: ComplianceSubmission;
}

/** The sink id compliance records carry (and their file names start with). */
export const COMPLIANCE_SPOOL_SINK = 'compliance';

const toSpooled = (f: PayloadFile): SpooledFile => ({ name: f.name, contentType: f.contentType, base64: f.data.toString('base64') });
const fromSpooled = (f: SpooledFile, where: string): PayloadFile => {
  if (!f || typeof f !== 'object' || typeof f.name !== 'string' || typeof f.contentType !== 'string' || typeof f.base64 !== 'string') {
    throw new Error(`${where} is not a spooled file (name, contentType, base64)`);
  }
  return { name: f.name, contentType: f.contentType, data: Buffer.from(f.base64, 'base64') };
};

/** Throws a one-line reason when a parsed file is not a record this version can replay. */
function checkRecord(r: unknown): asserts r is SpoolRecord {
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new Error('not a JSON object');
  const o = r as Record<string, unknown>;
  if (o.version !== 1) throw new Error(`unknown spool record version ${JSON.stringify(o.version)}`);
  for (const k of ['sink', 'url', 'spooledAt', 'lastError'] as const) if (typeof o[k] !== 'string') throw new Error(`"${k}" is not a string`);
  if (typeof o.attempts !== 'number') throw new Error('"attempts" is not a number');
  if (o.kind === 'compliance') {
    const c = o.compliance as Record<string, unknown> | undefined;
    if (!c || typeof c !== 'object') throw new Error('"compliance" is missing');
    if (c.api !== 'v1' && c.api !== 'v2' && c.api !== 'auto') throw new Error('"compliance.api" is not v1, v2 or auto');
    if (typeof c.idempotencyKey !== 'string') throw new Error('"compliance.idempotencyKey" is not a string');
    if (!c.files || typeof c.files !== 'object') throw new Error('"compliance.files" is missing');
    validateComplianceCheck((c.check ?? {}) as Partial<ComplianceCheck>);
  } else if (o.kind === undefined || o.kind === 'evaluation') {
    const p = o.payload as Record<string, unknown> | undefined;
    if (!p || typeof p !== 'object') throw new Error('"payload" is missing');
    if (typeof p.imageDigest !== 'string' || typeof p.idempotencyKey !== 'string') throw new Error('"payload" has no imageDigest or idempotencyKey');
  } else {
    throw new Error(`unknown spool record kind ${JSON.stringify(o.kind)}`);
  }
}

export class Spool {
  constructor(readonly dir: string) {}

  #fileName(sink: string, key: string): string {
    return `${sink.replace(/[^a-z0-9-]/gi, '_')}-${key.replace(/[^a-f0-9]/gi, '').slice(0, 64)}.json`;
  }

  async #write(record: SpoolRecord, key: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, this.#fileName(record.sink, key));
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, path);
    return path;
  }

  /** Writes (or rewrites) the payload atomically; returns its path. */
  async put(sink: string, url: string, payload: EvaluationPayload, error: string, attempts = 1): Promise<string> {
    const { report, sbom, sarif, ...rest } = payload;
    return this.#write(
      {
        version: 1,
        kind: 'evaluation',
        sink,
        url,
        spooledAt: new Date().toISOString(),
        attempts,
        lastError: error,
        payload: { ...rest, report: toSpooled(report), ...(sbom ? { sbom: toSpooled(sbom) } : {}), ...(sarif ? { sarif: toSpooled(sarif) } : {}) },
      },
      payload.idempotencyKey,
    );
  }

  /** Writes (or rewrites) a compliance check and its files atomically; returns its path. */
  async putCompliance(url: string, submission: ComplianceSubmission, error: string, attempts = 1): Promise<string> {
    const idempotencyKey = complianceKey(submission.check, submission.files);
    const files: Partial<Record<ComplianceFileField, SpooledFile>> = {};
    for (const key of COMPLIANCE_FILE_FIELDS) {
      const f = submission.files[key];
      if (f) files[key] = toSpooled({ name: f.name, data: f.data, contentType: f.contentType ?? 'application/octet-stream' });
    }
    return this.#write(
      {
        version: 1,
        kind: 'compliance',
        sink: COMPLIANCE_SPOOL_SINK,
        url,
        spooledAt: new Date().toISOString(),
        attempts,
        lastError: error,
        compliance: { api: submission.api, check: submission.check, files, idempotencyKey },
      },
      idempotencyKey,
    );
  }

  /**
   * Every readable record, oldest first, by kind. A file that cannot be read back is reported in one warning line
   * and kept in place (never deleted), so nothing is lost silently.
   */
  async read(logger?: Logger): Promise<{ evaluations: SpoolEntry[]; compliance: ComplianceSpoolEntry[] }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return { evaluations: [], compliance: [] };
    }
    const evaluations: SpoolEntry[] = [];
    const compliance: ComplianceSpoolEntry[] = [];
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        const record: unknown = JSON.parse(await readFile(path, 'utf8'));
        checkRecord(record);
        if (record.kind === 'compliance') {
          const files: Partial<Record<ComplianceFileField, ComplianceFile>> = {};
          for (const key of COMPLIANCE_FILE_FIELDS) {
            const f = record.compliance.files[key];
            if (f) files[key] = fromSpooled(f, `compliance.files.${key}`);
          }
          compliance.push({ path, record, submission: { api: record.compliance.api, check: record.compliance.check, files } });
        } else {
          const { report, sbom, sarif, ...rest } = record.payload;
          evaluations.push({
            path,
            record,
            payload: {
              ...rest,
              report: fromSpooled(report, 'payload.report'),
              ...(sbom ? { sbom: fromSpooled(sbom, 'payload.sbom') } : {}),
              ...(sarif ? { sarif: fromSpooled(sarif, 'payload.sarif') } : {}),
            },
          });
        }
      } catch (error) {
        logger?.warning(`spool: cannot read ${path}, kept and not retried (fix or delete it): ${getErrorMessage(error).split('\n')[0]}`);
      }
    }
    const byTime = (a: { record: SpoolRecordBase }, b: { record: SpoolRecordBase }) => a.record.spooledAt.localeCompare(b.record.spooledAt);
    return { evaluations: evaluations.sort(byTime), compliance: compliance.sort(byTime) };
  }

  /** Every spooled evaluation, oldest first. Unreadable files are reported and kept. */
  async list(logger?: Logger): Promise<SpoolEntry[]> {
    return (await this.read(logger)).evaluations;
  }

  /** Every spooled compliance check, oldest first. Unreadable files are reported and kept. */
  async listCompliance(logger?: Logger): Promise<ComplianceSpoolEntry[]> {
    return (await this.read(logger)).compliance;
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}

export interface PublishOptions {
  spool: Spool;
  /** The server URL, recorded in the spool for the retry. */
  url: string;
  logger: Logger;
  signal?: AbortSignal;
  /**
   * The server with its credentials: when given, the retry also sends the compliance checks spooled for `url`
   * (`portcullis push --retry-spooled` delivers them as well as evaluations).
   */
  target?: HttpTarget;
}

export type PublishResult = { status: 'pushed'; receipt: PushReceipt } | { status: 'spooled'; spoolPath: string; error: string };

const RETRY_HINT = 'retried by the next push, or portcullis push --retry-spooled';

/** Pushes; on failure warns and spools. Never throws for a remote failure: the caller decides whether it fails the build. */
export async function publish(sink: ResultSink, payload: EvaluationPayload, options: PublishOptions): Promise<PublishResult> {
  try {
    const receipt = await sink.push(payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
    options.logger.info(`pushed to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
    return { status: 'pushed', receipt };
  } catch (error) {
    const message = redactSecrets(getErrorMessage(error));
    const spoolPath = await options.spool.put(sink.id, options.url, payload, message);
    options.logger.warning(`push to ${sink.id} failed: ${message}; spooled to ${spoolPath} (retry with portcullis push --retry-spooled)`);
    return { status: 'spooled', spoolPath, error: message };
  }
}

export interface RetryResult {
  pushed: PushReceipt[];
  failed: { path: string; error: string }[];
}

/**
 * Pushes every spooled payload meant for this sink and URL (and, with `options.target`, every compliance check
 * meant for that URL); a success removes it, a failure keeps it.
 */
export async function retrySpooled(sink: ResultSink, options: PublishOptions): Promise<RetryResult> {
  const pushed: PushReceipt[] = [];
  const failed: { path: string; error: string }[] = [];
  const all = await options.spool.read(options.logger);
  for (const entry of all.evaluations) {
    if (entry.record.sink !== sink.id || entry.record.url !== options.url) continue;
    try {
      const receipt = await sink.push(entry.payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
      await options.spool.remove(entry.path);
      pushed.push(receipt);
      options.logger.info(`pushed spooled ${entry.path} to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
    } catch (error) {
      const message = redactSecrets(getErrorMessage(error));
      await options.spool.put(entry.record.sink, entry.record.url, entry.payload, message, entry.record.attempts + 1);
      failed.push({ path: entry.path, error: message });
      options.logger.warning(`spooled ${entry.path} still fails: ${message}`);
    }
  }
  if (options.target) {
    const more = await retryComplianceEntries(all.compliance, options.target, options);
    pushed.push(...more.pushed);
    failed.push(...more.failed);
  }
  return { pushed, failed };
}

/** Whether a failed compliance push is worth spooling: not when the server has no runtime-compliance API at all. */
function spoolable(error: unknown): error is RemoteError {
  return error instanceof RemoteError && error.status !== 404;
}

export type CompliancePublishResult =
  | { status: 'pushed'; api: 'v1' | 'v2'; check: RuntimeComplianceCheck }
  | { status: 'spooled'; spoolPath: string; error: string };

/**
 * Sends one compliance check as `publish` sends an evaluation: a remote failure (network, time-out, 401, 403, 429,
 * 5xx…) warns in one line and spools the check and its files, to be sent by the next `compliance push` or
 * `portcullis push --retry-spooled`; the caller decides whether it fails the run. A 404 (no runtime-compliance
 * API on that server) and anything that is not a remote failure are thrown: retrying cannot help.
 */
export async function publishCompliance(target: HttpTarget, submission: ComplianceSubmission, options: PublishOptions): Promise<CompliancePublishResult> {
  try {
    const res = await pushCompliance(target, submission.check, submission.files, { api: submission.api, ...(options.signal ? { signal: options.signal } : {}) });
    return { status: 'pushed', ...res };
  } catch (error) {
    if (!spoolable(error)) throw error;
    const message = redactSecrets(getErrorMessage(error));
    const spoolPath = await options.spool.putCompliance(options.url, submission, message);
    options.logger.warning(`compliance push failed: ${message}; spooled to ${spoolPath} (${RETRY_HINT})`);
    return { status: 'spooled', spoolPath, error: message };
  }
}

/** Sends every compliance check spooled for `options.url`, oldest first; a success removes it, a failure keeps it. */
export async function retrySpooledCompliance(target: HttpTarget, options: PublishOptions): Promise<RetryResult> {
  return retryComplianceEntries(await options.spool.listCompliance(options.logger), target, options);
}

async function retryComplianceEntries(entries: ComplianceSpoolEntry[], target: HttpTarget, options: PublishOptions): Promise<RetryResult> {
  const pushed: PushReceipt[] = [];
  const failed: { path: string; error: string }[] = [];
  for (const entry of entries) {
    if (entry.record.url !== options.url) continue;
    const { check, files, api } = entry.submission;
    try {
      const res = await pushCompliance(target, check, files, { api, ...(options.signal ? { signal: options.signal } : {}) });
      await options.spool.remove(entry.path);
      const id = typeof res.check.id === 'string' ? res.check.id : entry.record.compliance.idempotencyKey;
      pushed.push({ sink: COMPLIANCE_SPOOL_SINK, id, duplicate: false });
      options.logger.info(`pushed spooled ${entry.path}: the ${check.check_type} check for ${check.image_digest} through the ${res.api} API`);
    } catch (error) {
      const message = redactSecrets(getErrorMessage(error));
      await options.spool.putCompliance(entry.record.url, entry.submission, message, entry.record.attempts + 1);
      failed.push({ path: entry.path, error: message });
      options.logger.warning(`spooled ${entry.path} still fails: ${message}`);
    }
  }
  return { pushed, failed };
}
