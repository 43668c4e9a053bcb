import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../common/logger.js';
import { cacheBackendOf, dbCacheKey, restoreDbCache, saveDbCache, type CacheBackend } from './db-cache.js';

function fakeCache(entries: string[], available = true): CacheBackend & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    available: () => available,
    async restore(_paths, key, restoreKeys) {
      if (entries.includes(key)) return key;
      return entries.filter((e) => restoreKeys.some((k) => e.startsWith(k))).sort().at(-1);
    },
    async save(_paths, key) {
      if (entries.includes(key)) throw new Error(`Unable to reserve cache with key ${key}, another job may be creating this cache.`);
      saved.push(key);
      entries.push(key);
    },
  };
}

const DAY = new Date('2026-11-23T08:30:00Z');

describe('the vulnerability data cache', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'dbc-')), 'vulndb');
  mkdirSync(dir);

  it('is keyed by day', () => {
    expect(dbCacheKey(DAY)).toBe('portcullis-vulndb-v1-2026-11-23');
  });

  it('restores yesterday as a start and saves today', async () => {
    const cache = fakeCache(['portcullis-vulndb-v1-2026-11-22']);
    const logger = createRecordingLogger();
    const state = await restoreDbCache(cache, dir, DAY, logger);
    expect(state).toEqual({ key: 'portcullis-vulndb-v1-2026-11-23', dir, restored: 'portcullis-vulndb-v1-2026-11-22' });
    await saveDbCache(cache, state, logger);
    expect(cache.saved).toEqual(['portcullis-vulndb-v1-2026-11-23']);
  });

  it('does not save again after an exact hit', async () => {
    const cache = fakeCache(['portcullis-vulndb-v1-2026-11-23']);
    const logger = createRecordingLogger();
    await saveDbCache(cache, await restoreDbCache(cache, dir, DAY, logger), logger);
    expect(cache.saved).toEqual([]);
  });

  it('never fails the scan: a failed save is a log line', async () => {
    const cache = fakeCache([]);
    const logger = createRecordingLogger();
    const state = await restoreDbCache(cache, dir, DAY, logger);
    cache.saved.length = 0;
    await cache.save([dir], state!.key); // another job got there first
    await saveDbCache(cache, state, logger);
    expect(logger.lines.at(-1)!.message).toMatch(/^db-cache: not saved: Unable to reserve cache/);
  });

  it('does nothing when the cache service is not there (outside GitHub)', async () => {
    const logger = createRecordingLogger();
    expect(await restoreDbCache(fakeCache([], false), dir, DAY, logger)).toBeUndefined();
    expect(logger.lines[0]!.message).toContain('not available');
  });
});

describe('cacheBackendOf: the cache library as the Action uses it', () => {
  it('a library without isFeatureAvailable (a harness such as local-action), or whose check throws, is an absent service', async () => {
    const restoreCache = async () => undefined;
    const saveCache = async () => 1;
    expect(cacheBackendOf({ restoreCache, saveCache }).available()).toBe(false);
    const throwing = cacheBackendOf({ restoreCache, saveCache, isFeatureAvailable: () => { throw new Error('ACTIONS_RUNTIME_TOKEN is not set'); } });
    expect(throwing.available()).toBe(false);
    expect(cacheBackendOf({ restoreCache, saveCache, isFeatureAvailable: () => true }).available()).toBe(true);
    // And so the run says so in one info line.
    const logger = createRecordingLogger();
    expect(await restoreDbCache(cacheBackendOf({ restoreCache, saveCache }), '/nonexistent', DAY, logger)).toBeUndefined();
    expect(logger.lines).toEqual([{ level: 'info', message: 'db-cache: the Actions cache service is not available here; the vulnerability data is not cached' }]);
  });

  it('a save the library only printed a warning about (and answered -1) is thrown, never logged as saved', async () => {
    const backend = cacheBackendOf({
      isFeatureAvailable: () => true,
      restoreCache: async () => undefined,
      saveCache: async () => {
        process.stdout.write('::warning::Failed to save: Cache service responded with 503\n');
        return -1;
      },
    });
    await expect(backend.save(['/x'], 'k')).rejects.toThrow('Failed to save: Cache service responded with 503');
  });
});
