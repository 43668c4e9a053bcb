/**
 * The spool: a payload whose push failed is written to disk and pushed again on the next run, or by
 * `portcullis push --retry-spooled`. Credentials are never written; the retry uses the sink configured then.
 * Its idempotency key is kept, so a payload that did reach the server before the failure is not duplicated.
 */

import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getErrorMessage } from '../common/errors.js';
import { redactSecrets, type Logger } from '../common/logger.js';
import type { EvaluationPayload, PayloadFile, PushReceipt, ResultSink } from './sink.js';

interface SpooledFile {
  name: string;
  contentType: string;
  base64: string;
}

interface SpoolRecord {
  version: 1;
  sink: string;
  /** The server it was meant for (no credentials). */
  url: string;
  spooledAt: string;
  attempts: number;
  lastError: string;
  payload: Omit<EvaluationPayload, 'report' | 'sbom' | 'sarif'> & { report: SpooledFile; sbom?: SpooledFile; sarif?: SpooledFile };
}

export interface SpoolEntry {
  path: string;
  record: SpoolRecord;
  payload: EvaluationPayload;
}

const toSpooled = (f: PayloadFile): SpooledFile => ({ name: f.name, contentType: f.contentType, base64: f.data.toString('base64') });
const fromSpooled = (f: SpooledFile): PayloadFile => ({ name: f.name, contentType: f.contentType, data: Buffer.from(f.base64, 'base64') });

export class Spool {
  constructor(readonly dir: string) {}

  #fileName(sink: string, key: string): string {
    return `${sink.replace(/[^a-z0-9-]/gi, '_')}-${key.replace(/[^a-f0-9]/gi, '').slice(0, 64)}.json`;
  }

  /** Writes (or rewrites) the payload atomically; returns its path. */
  async put(sink: string, url: string, payload: EvaluationPayload, error: string, attempts = 1): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const { report, sbom, sarif, ...rest } = payload;
    const record: SpoolRecord = {
      version: 1,
      sink,
      url,
      spooledAt: new Date().toISOString(),
      attempts,
      lastError: error,
      payload: { ...rest, report: toSpooled(report), ...(sbom ? { sbom: toSpooled(sbom) } : {}), ...(sarif ? { sarif: toSpooled(sarif) } : {}) },
    };
    const path = join(this.dir, this.#fileName(sink, payload.idempotencyKey));
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, path);
    return path;
  }

  /** Every spooled payload, oldest first. Unreadable files are reported and skipped. */
  async list(logger?: Logger): Promise<SpoolEntry[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const out: SpoolEntry[] = [];
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        const record = JSON.parse(await readFile(path, 'utf8')) as SpoolRecord;
        if (record.version !== 1) throw new Error(`unknown spool record version ${String(record.version)}`);
        const { report, sbom, sarif, ...rest } = record.payload;
        out.push({
          path,
          record,
          payload: { ...rest, report: fromSpooled(report), ...(sbom ? { sbom: fromSpooled(sbom) } : {}), ...(sarif ? { sarif: fromSpooled(sarif) } : {}) },
        });
      } catch (error) {
        logger?.warning(`spool: skipping ${path}: ${getErrorMessage(error)}`);
      }
    }
    return out.sort((a, b) => a.record.spooledAt.localeCompare(b.record.spooledAt));
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
}

export type PublishResult = { status: 'pushed'; receipt: PushReceipt } | { status: 'spooled'; spoolPath: string; error: string };

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

/** Pushes every spooled payload meant for this sink and URL; a success removes it, a failure keeps it. */
export async function retrySpooled(
  sink: ResultSink,
  options: PublishOptions,
): Promise<{ pushed: PushReceipt[]; failed: { path: string; error: string }[] }> {
  const pushed: PushReceipt[] = [];
  const failed: { path: string; error: string }[] = [];
  for (const entry of await options.spool.list(options.logger)) {
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
  return { pushed, failed };
}
