/**
 * The vulnerability database in the GitHub Actions cache, keyed by day: the first run of a day downloads (and saves
 * under today's key), later runs restore today's entry, or yesterday's as a start when today's is not there yet.
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */

import { existsSync } from 'node:fs';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';

export interface CacheBackend {
  /** Whether the service is there (a promise when the library behind it is loaded on first use). */
  available(): boolean | Promise<boolean>;
  /** The key that was restored, or undefined on a miss. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/**
 * @actions/cache reports its own failures as workflow commands (`::warning::Failed to save: …`, `::error::` for a
 * 5xx) and returns as if nothing happened (saveCache answers -1). A cache problem is not the user's: while the
 * library runs, what it prints is held back; its lines go to the debug log, and its warnings and errors come back as
 * `problems` for one info line of ours, never an annotation.
 */
export async function quietly<T>(fn: () => Promise<T>, stream: NodeJS.WriteStream = process.stdout): Promise<{ value: T; problems: string[] }> {
  let held = '';
  const original = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    held += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof stream.write;
  const problems: string[] = [];
  const drain = (): void => {
    stream.write = original;
    for (const line of held.split(/\r?\n/)) {
      if (!line) continue;
      const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
      const text = command ? unescapeCommandData(command[2]!) : line;
      if (command ? command[1] === 'warning' || command[1] === 'error' : /^(Failed to (save|restore)|Cache (save|restore) skipped)/.test(text)) problems.push(text);
      else core.debug(command?.[1] === 'debug' ? text : `@actions/cache: ${text}`);
    }
  };
  try {
    const value = await fn();
    drain();
    return { value, problems };
  } catch (e) {
    drain();
    throw e;
  }
}

function unescapeCommandData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** The part of @actions/cache used; a harness may stand in for it with less (local-action has no isFeatureAvailable). */
export type CacheLibrary = Partial<Pick<typeof cache, 'isFeatureAvailable' | 'restoreCache' | 'saveCache'>>;

/**
 * A cache library as a CacheBackend: a failure it only printed is thrown, so that the caller logs it once. A library
 * without the functions (or whose availability check throws) is an absent service, not an error.
 */
export function cacheBackendOf(lib: CacheLibrary): CacheBackend & { available(): boolean } {
  return {
    available: () => {
      try {
        return typeof lib.isFeatureAvailable === 'function' && typeof lib.restoreCache === 'function' && typeof lib.saveCache === 'function' && lib.isFeatureAvailable();
      } catch {
        return false;
      }
    },
    restore: async (paths, key, restoreKeys) => {
      const { value, problems } = await quietly(() => lib.restoreCache!(paths, key, restoreKeys));
      if (problems.length) throw new Error(problems.join('; '));
      return value;
    },
    save: async (paths, key) => {
      const { value, problems } = await quietly(() => lib.saveCache!(paths, key));
      if (value === -1 || problems.length) throw new Error(problems.join('; ') || 'the cache service did not store it');
    },
  };
}

/** The Actions cache through @actions/cache. */
export const actionsCache: CacheBackend = cacheBackendOf(cache);

const PREFIX = 'portcullis-vulndb-v1-';

export function dbCacheKey(now: Date): string {
  return `${PREFIX}${now.toISOString().slice(0, 10)}`;
}

export interface DbCacheState {
  key: string;
  dir: string;
  /** The key restored, if any. */
  restored?: string;
  /** The restore failed (the service is down or refused): no save is tried, and nothing more is logged. */
  failed?: boolean;
}

export async function restoreDbCache(backend: CacheBackend, dir: string, now: Date, logger: Logger): Promise<DbCacheState | undefined> {
  if (!(await backend.available())) {
    logger.info('db-cache: the Actions cache service is not available here; the vulnerability data is not cached');
    return undefined;
  }
  const key = dbCacheKey(now);
  try {
    const restored = await backend.restore([dir], key, [PREFIX]);
    logger.info(restored ? `db-cache: restored the vulnerability data from ${restored}` : 'db-cache: no cached vulnerability data yet');
    return { key, dir, ...(restored ? { restored } : {}) };
  } catch (e) {
    logger.info(`db-cache: the Actions cache failed, so the vulnerability data is neither restored nor saved in this run: ${getErrorMessage(e)}`);
    return { key, dir, failed: true };
  }
}

/** Saves under today's key unless that is what was restored (a cache entry is immutable). */
export async function saveDbCache(backend: CacheBackend, state: DbCacheState | undefined, logger: Logger): Promise<void> {
  if (!state || state.failed || state.restored === state.key) return;
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
