import { createHash } from 'node:crypto';
import type { FileRequest } from '../file-request.js';

/**
 * Bumped whenever the entry layout, the codec, or what a layer's analysis holds changes in a way a generic
 * round-trip would not cover. Part of every key, so an older entry is never read, only evicted.
 */
export const LAYER_CACHE_FORMAT = 1;

/**
 * A version of everything that shapes one layer's analysis, besides the layer's bytes: the cache format, the
 * per-file cap, every request (id, paths, globs, caps, flags, and the source text of its filter and sink, in
 * declaration order), and `salt` (the caller's plugin versions and the tool's version). Two scans whose versions
 * differ never share an entry.
 */
export function analysisVersion(requests: readonly FileRequest[], maxFileBytes: number, salt = ''): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: LAYER_CACHE_FORMAT, maxFileBytes, salt }));
  for (const r of requests) {
    h.update('\n');
    h.update(
      JSON.stringify([
        r.id,
        r.paths ?? [],
        r.globs ?? [],
        r.maxBytes ?? null,
        r.capBytes ?? null,
        Boolean(r.database),
        Boolean(r.everyLayer),
        r.filter ? r.filter.toString() : null,
        r.sink ? r.sink.toString() : null,
      ]),
    );
  }
  return h.digest('hex');
}

/** The entry's key: the layer's diff_id under one analysis version (hex, a file name). */
export function entryKey(diffId: string, version: string): string {
  return createHash('sha256').update(`${LAYER_CACHE_FORMAT}\n${version}\n${diffId}`).digest('hex');
}
