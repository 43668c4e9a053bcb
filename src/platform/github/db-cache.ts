/**
 * The vulnerability database in the GitHub Actions cache, keyed by day: the first run of a day downloads (and saves
 * under today's key), later runs restore today's entry, or yesterday's as a start when today's is not there yet.
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */

import { existsSync } from 'node:fs';
import * as cache from '@actions/cache';
import { getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';

export interface CacheBackend {
  available(): boolean;
  /** The key that was restored, or undefined on a miss. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export const actionsCache: CacheBackend = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
  save: async (paths, key) => {
    await cache.saveCache(paths, key);
  },
};

const PREFIX = 'portcullis-vulndb-v1-';

export function dbCacheKey(now: Date): string {
  return `${PREFIX}${now.toISOString().slice(0, 10)}`;
}

export interface DbCacheState {
  key: string;
  dir: string;
  /** The key restored, if any. */
  restored?: string;
}

export async function restoreDbCache(backend: CacheBackend, dir: string, now: Date, logger: Logger): Promise<DbCacheState | undefined> {
  if (!backend.available()) {
    logger.info('db-cache: the Actions cache service is not available here; the vulnerability data is not cached');
    return undefined;
  }
  const key = dbCacheKey(now);
  try {
    const restored = await backend.restore([dir], key, [PREFIX]);
    logger.info(restored ? `db-cache: restored the vulnerability data from ${restored}` : 'db-cache: no cached vulnerability data yet');
    return { key, dir, ...(restored ? { restored } : {}) };
  } catch (e) {
    logger.info(`db-cache: restore failed, going on without it: ${getErrorMessage(e)}`);
    return { key, dir };
  }
}

/** Saves under today's key unless that is what was restored (a cache entry is immutable). */
export async function saveDbCache(backend: CacheBackend, state: DbCacheState | undefined, logger: Logger): Promise<void> {
  if (!state || state.restored === state.key) return;
  if (!existsSync(state.dir)) {
    logger.debug(`db-cache: ${state.dir} does not exist; nothing to save`);
    return;
  }
  try {
    await backend.save([state.dir], state.key);
    logger.info(`db-cache: saved the vulnerability data as ${state.key}`);
  } catch (e) {
    // Another job of the same day saved first (the key is reserved), or the service is down: not the scan's problem.
    logger.info(`db-cache: not saved: ${getErrorMessage(e)}`);
  }
}
