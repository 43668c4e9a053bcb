/**
 * The layer cache (src/image/layer-cache) in the GitHub Actions cache. An Actions cache entry is immutable and is
 * found by its exact key or by a key prefix (the newest entry whose key starts with it), so:
 * - before the scan, restore by prefix: the newest entry saved for this image reference, else the newest for any
 *   image (a base image's layers are what builds share most);
 * - after the scan, save under a key made of the reference and the digests of the image's layers, unless that key is
 *   what was restored or the scan added no entry (nothing new to keep).
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */

import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import type { CacheBackend } from './db-cache.js';

export const LAYER_CACHE_PREFIX = 'portcullis-layers-v1-';

export interface LayerCacheState {
  dir: string;
  /** The prefix of this image reference's entries. */
  prefix: string;
  /** The key restored, if any. */
  restored?: string;
  /** The entries in the folder once restored: a save is needed only when the scan added some. */
  before: string[];
}

const hex = (s: string, n: number): string => createHash('sha256').update(s).digest('hex').slice(0, n);

/** `portcullis-layers-v1-<reference hash>-`: what this reference's entries start with. */
export function layerCachePrefix(reference: string): string {
  return `${LAYER_CACHE_PREFIX}${hex(reference, 16)}-`;
}

/** The key of one image's cache entry: its reference's prefix and a hash of its layer digests, in order. */
export function layerCacheKey(reference: string, layerDigests: readonly string[]): string {
  return `${layerCachePrefix(reference)}${hex(layerDigests.join('\n'), 32)}`;
}

function entriesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.layer'))
      .sort();
  } catch {
    return [];
  }
}

/** Restores the newest entry for `reference` (else for any image) into `dir`. Undefined when the service is not there. */
export async function restoreLayerCache(backend: CacheBackend, dir: string, reference: string, logger: Logger): Promise<LayerCacheState | undefined> {
  if (!(await backend.available())) {
    logger.info('layer-cache: the Actions cache service is not available here; layer analyses are not kept between runs');
    return undefined;
  }
  const prefix = layerCachePrefix(reference);
  try {
    // No entry has the prefix itself as its key: this always restores by prefix.
    const restored = await backend.restore([dir], prefix, [prefix, LAYER_CACHE_PREFIX]);
    logger.info(restored ? `layer-cache: restored layer analyses from ${restored}` : 'layer-cache: no cached layer analyses yet');
    return { dir, prefix, ...(restored ? { restored } : {}), before: entriesIn(dir) };
  } catch (e) {
    logger.info(`layer-cache: restore failed, going on without it: ${getErrorMessage(e)}`);
    return { dir, prefix, before: entriesIn(dir) };
  }
}

/** Saves `dir` under the image's key, when the scan added entries and that key is not the one restored. */
export async function saveLayerCache(backend: CacheBackend, state: LayerCacheState | undefined, reference: string, layerDigests: readonly string[], logger: Logger): Promise<void> {
  if (!state || layerDigests.length === 0) return;
  const key = layerCacheKey(reference, layerDigests);
  if (state.restored === key) return;
  const before = new Set(state.before);
  const added = entriesIn(state.dir).filter((n) => !before.has(n));
  if (added.length === 0) {
    logger.debug('layer-cache: the scan added no layer analysis; nothing to save');
    return;
  }
  try {
    await backend.save([state.dir], key);
    logger.info(`layer-cache: saved ${added.length} new layer analys${added.length === 1 ? 'is' : 'es'} as ${key}`);
  } catch (e) {
    // Another job saved this key first, or the service is down: not the scan's problem.
    logger.info(`layer-cache: not saved: ${getErrorMessage(e)}`);
  }
}
