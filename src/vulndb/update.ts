import { ConfigurationError, RemoteError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { VULNERABILITY_PROVIDERS } from './list.js';
import { ENRICHMENT_KINDS, type ProviderOptions, type SourceBatch, type SourceState } from './provider.js';
import { readMetadata, readSourceRecords, writeDatabase, type DatabaseMetadata } from './store.js';

export interface UpdateRequest {
  provider: string;
  options: ProviderOptions;
}

export interface UpdateOptions {
  cacheDir: string;
  requests: readonly UpdateRequest[];
  logger: Logger;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface UpdateResult {
  metadata: DatabaseMetadata;
  batches: { id: string; notModified: boolean; records?: number; skipped?: number }[];
}

/**
 * Fetches every requested source, then writes the new database in one step. If any fetch or the write fails, the
 * previous database stays live; the error says so (and names the previous database's date).
 */
export async function updateDatabase(options: UpdateOptions): Promise<UpdateResult> {
  const now = options.now ?? (() => new Date());
  let previousMeta: DatabaseMetadata | undefined;
  try {
    previousMeta = readMetadata(options.cacheDir);
  } catch (error) {
    options.logger.warning(`${getErrorMessage(error)}; building a new one`);
  }
  const previous = new Map<string, SourceState>((previousMeta?.segments ?? []).map((s) => [s.id, s]));
  const batches: SourceBatch[] = [];
  try {
    for (const [i, req] of options.requests.entries()) {
      const provider = VULNERABILITY_PROVIDERS.get(req.provider);
      options.logger.progress?.({ task: 'update', label: `fetching ${req.provider}${req.options.ecosystems?.length ? ` (${req.options.ecosystems.join(', ')})` : ''}`, done: i, total: options.requests.length, unit: 'items' });
      const previousRecords = (id: string): ReturnType<typeof readSourceRecords> => (previous.has(id) ? readSourceRecords(options.cacheDir, id) : undefined);
      batches.push(...(await provider.fetch(req.options, { logger: options.logger, previous, previousRecords, now, ...(options.signal ? { signal: options.signal } : {}) })));
    }
    for (const b of batches) {
      if (b.notModified || b.skipped.length === 0) continue;
      const first = b.skipped[0]!;
      options.logger.warning(`${b.id}: skipped ${b.skipped.length} bad record(s), e.g. ${first.where}: ${first.reason}`);
    }
    options.logger.progress?.({ task: 'update', label: `importing ${batches.reduce((n, b) => n + (b.notModified ? 0 : b.records.length), 0)} records into ${options.cacheDir}` });
    const { metadata } = writeDatabase(options.cacheDir, batches, now());
    options.logger.progress?.({ task: 'update', label: '', end: true });
    return {
      metadata,
      batches: batches.map((b) => (b.notModified ? { id: b.id, notModified: true } : { id: b.id, notModified: false, records: ENRICHMENT_KINDS.has(b.kind) ? (b.enrichments?.length ?? 0) : b.records.length, skipped: b.skipped.length })),
    };
  } catch (error) {
    options.logger.progress?.({ task: 'update', label: '', end: true });
    const kept = previousMeta
      ? `the previous database (updated ${previousMeta.updatedAt}, ${previousMeta.segments.length} source(s)) is kept`
      : 'there is no previous database';
    const message = `Vulnerability data update failed: ${getErrorMessage(error)}; ${kept}`;
    options.logger.error(message);
    if (error instanceof RemoteError) throw new RemoteError(message, { cause: error, ...(error.status !== undefined ? { status: error.status } : {}) });
    if (error instanceof ConfigurationError) throw new ConfigurationError(message, { cause: error });
    throw new Error(message, { cause: error });
  }
}
