import type { Logger } from '../../common/logger.js';
import type { ImageMetadata, LayerInfo, Platform } from '../../model/index.js';
import type { FileRequest } from '../file-request.js';
import type { LayerReadResult } from '../layer-reader.js';
import type { ImageArchive } from '../source.js';
import { UncacheableError } from './codec.js';
import { analysisVersion, entryKey } from './key.js';
import type { LayerCache } from './store.js';

/** What `readImage` is given to use a layer cache. */
export interface LayerCacheOption {
  cache: LayerCache;
  /** The caller's part of the analysis version: its plugins' ids and versions, the tool's version. */
  salt?: string;
}

/**
 * One image read's use of a layer cache: looks each layer up by its diff_id before the layer is opened, and writes
 * what a fresh read found. A cache problem never changes a result nor fails the read: an untrusted entry is one info
 * line and the layer is read (and its entry rewritten); a failed write is one info line.
 */
export class LayerCacheSession {
  readonly #cache: LayerCache;
  readonly #version: string;
  readonly #logger: Logger;
  readonly #pending: Promise<void>[] = [];
  #fromCache = 0;
  #read = 0;

  constructor(option: LayerCacheOption, requests: readonly FileRequest[], maxFileBytes: number, logger: Logger) {
    this.#cache = option.cache;
    this.#version = analysisVersion(requests, maxFileBytes, option.salt ?? '');
    this.#logger = logger;
  }

  /** The cached analysis of `layer`, made to look as a fresh read of this image's blob would; undefined to read it. */
  async lookup(layer: LayerInfo): Promise<LayerReadResult | undefined> {
    if (!layer.diffId) return undefined;
    const found = await this.#cache.get(entryKey(layer.diffId, this.#version), layer.diffId);
    if (found.kind === 'hit') {
      const result = asLayerResult(found.value, layer);
      if (typeof result !== 'string') {
        this.#fromCache++;
        return result;
      }
      this.#cache.stats.hits--;
      this.#cache.stats.rejected++;
      this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${result}; reading the layer`);
    } else if (found.kind === 'corrupt') {
      this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${found.reason}; reading the layer`);
    }
    return undefined;
  }

  /**
   * An archive whose source knows its identity (`docker:`): when the cache holds the metadata of this export and
   * every layer's analysis, answers them, and the archive is not exported. Undefined (nothing counted) otherwise.
   */
  async lookupArchive(opened: ImageArchive, platform: Platform): Promise<{ metadata: ImageMetadata; layers: LayerReadResult[] } | undefined> {
    const identity = opened.identity;
    if (!identity) return undefined;
    const key = entryKey(archiveId(opened, platform), this.#version);
    const found = await this.#cache.get(key, identity.imageId);
    if (found.kind === 'corrupt') this.#logger.info(`layer-cache: ignoring the cached metadata of ${opened.label}: ${found.reason}; exporting the image`);
    if (found.kind !== 'hit') return undefined;
    const metadata = (found.value as { metadata?: ImageMetadata } | null)?.metadata;
    if (!metadata || !Array.isArray(metadata.layers) || metadata.layers.map((l) => l.diffId).join('\n') !== identity.diffIds.join('\n')) return undefined;
    const layers: LayerReadResult[] = [];
    for (const layer of metadata.layers) {
      const hit = await this.lookup(layer);
      if (!hit) {
        this.#fromCache = 0;
        this.#logger.debug(`layer-cache: layer ${layer.index} of ${opened.label} is not cached; exporting the image`);
        return undefined;
      }
      layers.push(hit);
    }
    return { metadata, layers };
  }

  /** After an archive with an identity was read: queues the writes of its metadata and of every layer's analysis. */
  saveArchive(opened: ImageArchive, platform: Platform, metadata: ImageMetadata, layers: readonly LayerReadResult[]): void {
    if (!opened.identity) return;
    metadata.layers.forEach((layer, i) => this.save(layer, layers[i]!));
    const key = entryKey(archiveId(opened, platform), this.#version);
    this.#pending.push(
      this.#cache.put(key, opened.identity.imageId, { metadata }).then(
        () => {},
        (e: unknown) => this.#logger.info(`layer-cache: the metadata of ${opened.label} not cached: ${(e as Error).message}`),
      ),
    );
  }

  /** Queues the write of a freshly read layer's analysis (awaited by `finish`). */
  save(layer: LayerInfo, result: LayerReadResult): void {
    this.#read++;
    if (!layer.diffId || result.diffId !== layer.diffId) return;
    const key = entryKey(layer.diffId, this.#version);
    this.#pending.push(
      this.#cache.put(key, layer.diffId, result).then(
        () => {},
        (e: unknown) => {
          const why = e instanceof UncacheableError ? `its analysis cannot be cached (${e.message})` : (e as Error).message;
          this.#logger.info(`layer-cache: layer ${layer.index} (${layer.diffId}) not cached: ${why}`);
        },
      ),
    );
  }

  /** Waits for the writes, then evicts down to the cache's size. Never throws. */
  async finish(): Promise<void> {
    await Promise.all(this.#pending);
    if (this.#pending.length > 0) {
      try {
        const { removed } = await this.#cache.evict();
        if (removed > 0) this.#logger.debug(`layer-cache: evicted ${removed} least recently used entr${removed === 1 ? 'y' : 'ies'} from ${this.#cache.dir}`);
      } catch (e) {
        this.#logger.info(`layer-cache: eviction in ${this.#cache.dir} failed: ${(e as Error).message}`);
      }
    }
    this.#logger.info(`layer-cache: ${this.#fromCache} of ${this.#fromCache + this.#read} layers from the cache in ${this.#cache.dir}, ${this.#read} read`);
  }

  /** Drops queued writes' results (the read failed); never throws. */
  async abandon(): Promise<void> {
    await Promise.all(this.#pending);
  }
}

/** What names one export of an image: its source, reference, the source's image id and the platform asked for. */
function archiveId(opened: ImageArchive, platform: Platform): string {
  return ['archive', opened.source, opened.reference, opened.refName ?? '', opened.identity?.imageId ?? '', JSON.stringify(platform)].join('\n');
}

/** A decoded entry as the result of reading `layer`, or why it cannot be one. */
function asLayerResult(value: unknown, layer: LayerInfo): LayerReadResult | string {
  const v = value as Partial<LayerReadResult> | null;
  if (v === null || typeof v !== 'object') return 'the entry holds no layer analysis';
  if (!(v.entries instanceof Map) || !(v.contents instanceof Map) || !Array.isArray(v.whiteouts) || !Array.isArray(v.opaqueDirs) || !Array.isArray(v.unknowns) || typeof v.stats !== 'object' || v.stats === null) {
    return 'the entry holds no layer analysis';
  }
  if (v.diffId !== layer.diffId) return 'the entry is for another layer';
  const written = v.digest;
  // The same tar can be stored under another blob digest (compressed otherwise): what names this image's blob is ours.
  const unknowns = v.unknowns.map((u) => (written !== undefined && u.layerDigest === written && layer.digest ? { ...u, layerDigest: layer.digest } : u));
  return {
    ...(v as LayerReadResult),
    unknowns,
    digest: layer.digest,
    storedBytes: layer.size,
    ...(written !== layer.digest ? { compression: compressionOf(layer) } : {}),
  };
}

/** How this image stores the layer, when the entry was written from another blob of the same tar. */
function compressionOf(layer: LayerInfo): LayerReadResult['compression'] {
  if (/zstd/.test(layer.mediaType)) return 'zstd';
  if (/gzip/.test(layer.mediaType)) return 'gzip';
  return 'none';
}
