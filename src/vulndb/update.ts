import { ConfigurationError, RemoteError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { VULNERABILITY_PROVIDERS } from './list.js';
import type { ProviderOptions, SourceBatch, SourceState } from './provider.js';
import { readMetadata, writeDatabase, type DatabaseMetadata } from './store.js';

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
    for (const req of options.requests) {
      const provider = VULNERABILITY_PROVIDERS.get(req.provider);
      batches.push(...(await provider.fetch(req.options, { logger: options.logger, previous, now, ...(options.signal ? { signal: options.signal } : {}) })));
    }
    const { metadata } = writeDatabase(options.cacheDir, batches, now());
    return {
      metadata,
      batches: batches.map((b) => (b.notModified ? { id: b.id, notModified: true } : { id: b.id, notModified: false, records: b.records.length, skipped: b.skipped.length })),
    };
  } catch (error) {
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
