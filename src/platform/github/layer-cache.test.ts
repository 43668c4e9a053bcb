import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../common/logger.js';
import type { CacheBackend } from './db-cache.js';
import { LAYER_CACHE_PREFIX, layerCacheKey, layerCachePrefix, restoreLayerCache, saveLayerCache } from './layer-cache.js';

/** An Actions cache: exact key first, else the newest entry (last saved) whose key starts with a restore key, in order. */
function fakeCache(entries: string[], available = true): CacheBackend & { saved: string[]; restores: { key: string; restoreKeys: string[] }[] } {
  const saved: string[] = [];
  const restores: { key: string; restoreKeys: string[] }[] = [];
  return {
    saved,
    restores,
    available: () => available,
    async restore(_paths, key, restoreKeys) {
      restores.push({ key, restoreKeys });
      if (entries.includes(key)) return key;
      for (const k of restoreKeys) {
        const hit = entries.filter((e) => e.startsWith(k)).at(-1);
        if (hit) return hit;
      }
      return undefined;
    },
    async save(_paths, key) {
      if (entries.includes(key)) throw new Error(`Unable to reserve cache with key ${key}, another job may be creating this cache.`);
      saved.push(key);
      entries.push(key);
    },
  };
}

const REF = 'registry:ghcr.io/acme/app:pr-12';
const DIGESTS = ['sha256:aaa', 'sha256:bbb'];
const entry = (dir: string, c: string) => writeFileSync(join(dir, `${c.repeat(64)}.layer`), 'x');

describe('the layer cache in the Actions cache', () => {
  it('keys: a prefix per reference, then the layer digests in order', () => {
    expect(layerCachePrefix(REF)).toMatch(/^portcullis-layers-v1-[0-9a-f]{16}-$/);
    expect(layerCacheKey(REF, DIGESTS).startsWith(layerCachePrefix(REF))).toBe(true);
    expect(layerCacheKey(REF, DIGESTS)).not.toBe(layerCacheKey(REF, [...DIGESTS].reverse()));
    expect(layerCacheKey(REF, DIGESTS)).not.toBe(layerCacheKey('registry:ghcr.io/acme/other:1', DIGESTS));
  });

  it('restores by prefix: this reference first, then any image; saves the new entries under the image key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-'));
    const other = `${LAYER_CACHE_PREFIX}0123456789abcdef-ffff`;
    const cache = fakeCache([other]);
    const logger = createRecordingLogger();
    const state = await restoreLayerCache(cache, dir, REF, logger);
    expect(cache.restores).toEqual([{ key: layerCachePrefix(REF), restoreKeys: [layerCachePrefix(REF), LAYER_CACHE_PREFIX] }]);
    expect(state?.restored).toBe(other);
    entry(dir, 'a');
    await saveLayerCache(cache, state, REF, DIGESTS, logger);
    expect(cache.saved).toEqual([layerCacheKey(REF, DIGESTS)]);
    expect(logger.lines.map((l) => l.message)).toEqual([`layer-cache: restored layer analyses from ${other}`, `layer-cache: saved 1 new layer analysis as ${layerCacheKey(REF, DIGESTS)}`]);
    // the next run of the same reference restores its own entry
    const next = await restoreLayerCache(cache, dir, REF, createRecordingLogger());
    expect(next?.restored).toBe(layerCacheKey(REF, DIGESTS));
  });

  it('does not save when nothing was added, nor over the key it restored; a failed save is only a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-'));
    entry(dir, 'a');
    const cache = fakeCache([layerCacheKey(REF, DIGESTS)]);
    const logger = createRecordingLogger();
    const state = await restoreLayerCache(cache, dir, REF, logger);
    expect(state?.before).toEqual([`${'a'.repeat(64)}.layer`]);
    await saveLayerCache(cache, state, REF, ['sha256:new'], logger); // a new image, but no new entry
    entry(dir, 'b');
    await saveLayerCache(cache, state, REF, DIGESTS, logger); // the key restored
    expect(cache.saved).toEqual([]);
    const failing = { ...fakeCache([]), save: async () => Promise.reject(new Error('cache service down')) };
    const s2 = await restoreLayerCache(failing, dir, 'registry:x/y:1', logger);
    entry(dir, 'c');
    await saveLayerCache(failing, s2, 'registry:x/y:1', DIGESTS, logger);
    expect(logger.lines.at(-1)).toEqual({ level: 'info', message: 'layer-cache: not saved: cache service down' });
  });

  it('no cache service: one info line, and nothing saved', async () => {
    const cache = fakeCache([], false);
    const logger = createRecordingLogger();
    const state = await restoreLayerCache(cache, '/nonexistent', REF, logger);
    expect(state).toBeUndefined();
    await saveLayerCache(cache, state, REF, DIGESTS, logger);
    expect(cache.saved).toEqual([]);
    expect(logger.lines).toEqual([{ level: 'info', message: 'layer-cache: the Actions cache service is not available here; layer analyses are not kept between runs' }]);
  });
});
