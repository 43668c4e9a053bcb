import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { readImageArchive } from './archive-reader.js';
import { DEFAULT_MAX_FILE_BYTES } from './directory.js';
import { RequestMatcher, type FileRequest } from './file-request.js';
import { FileView } from './file-view.js';
import { LayerCacheSession, type LayerCacheOption } from './layer-cache/session.js';
import { readLayer, type LayerReadResult } from './layer-reader.js';
import { hostPlatform } from './manifest.js';
import { archiveFileOf, readIndexedArchive } from './sources/archive-index.js';
import type { OpenedImage } from './source.js';
import type { ImageMetadata, LayerInfo, Platform } from '../model/index.js';

/** Layers read at once: enough to overlap inflating one with parsing another, and no more (memory stays bounded). */
export const LAYER_CONCURRENCY = 2;

export interface ReadImageOptions {
  /** What later stages need from the files; all declared before the single pass. */
  requests?: readonly FileRequest[];
  /** Cap on the content kept in memory per file (bytes). Larger files become unknowns. */
  maxFileBytes?: number;
  platform?: Platform;
  logger?: Logger;
  signal?: AbortSignal;
  /**
   * A per-layer analysis cache (src/image/layer-cache): a layer whose analysis it holds under the same requests is
   * not opened at all (for a registry, not downloaded); the others are read and written to it. Only for requests
   * whose sinks have no side effect (a scan's), and only for sources that know their layers before reading them.
   */
  layerCache?: LayerCacheOption;
}

export interface ImageReadStats {
  layers: { index: number; digest: string; compression: string; storedBytes: number; tarBytes: number; entries: number; fromCache?: true }[];
}

/**
 * Reads an opened image in one pass and returns its squashed FileView. Each layer is streamed exactly once,
 * never written to disk, with its digests checked as it streams.
 */
export async function readImage(opened: OpenedImage, options: ReadImageOptions = {}): Promise<FileView & { stats: ImageReadStats }> {
  const matcher = new RequestMatcher(options.requests ?? []);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const logger = options.logger ?? silentLogger;
  try {
    if (opened.kind === 'archive') {
      const platform = options.platform ?? hostPlatform();
      // A streamed archive is read whole, whatever is cached; but one whose source knows the image (`docker:`) is not
      // even exported when the cache holds its metadata and every layer's analysis, and an archive file on disk is
      // read by offsets, only the layers the cache lacks (sources/archive-index.ts).
      const file = archiveFileOf(opened);
      const archiveOptions = {
        label: opened.label,
        reference: opened.reference,
        source: opened.source,
        ...(opened.refName !== undefined ? { refName: opened.refName } : {}),
        platform,
        matcher,
        maxFileBytes,
        ...(options.signal ? { signal: options.signal } : {}),
      };
      const session = options.layerCache && (opened.identity || file !== undefined) ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
      if (session && file !== undefined) {
        // An archive file on disk: indexed from its headers, and only the layers the cache lacks are read.
        logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
        const indexed = await readIndexedArchive(file, session, archiveOptions).catch(async (e: unknown) => {
          await session.abandon();
          throw e;
        });
        if (indexed) {
          logger.progress?.({ task: 'layers', label: '', end: true });
          await session.finish();
          return squashDropping(indexed.metadata, indexed.layers, indexed.cached);
        }
      }
      const warm = await session?.lookupArchive(opened, platform);
      if (warm) {
        await session!.finish();
        return withStats(FileView.squash(warm.metadata, warm.layers, { adopt: true }), warm.layers, new Set(warm.layers.map((_, i) => i)));
      }
      logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
      const stream = await opened.open(options.signal);
      const { metadata, layers } = await readImageArchive(stream, archiveOptions);
      logger.progress?.({ task: 'layers', label: '', end: true });
      if (session) {
        session.saveArchive(opened, platform, metadata, layers);
        await session.finish();
      }
      return squashDropping(metadata, layers);
    }
    // Layers stream in manifest order, each exactly once. The next layer starts while the current one finishes
    // (at most LAYER_CONCURRENCY at a time), so the thread pool inflates one while the main thread hashes and
    // parses the other; each result is squashed as soon as the layers below it are, then dropped (only the view
    // and the layers in flight are held, whatever the layer count).
    const layers = opened.metadata.layers;
    const results: (LayerReadResult | undefined)[] = new Array(layers.length);
    const summaries: LayerSummary[] = [];
    const squash = FileView.builder(opened.metadata, { adopt: true });
    const applyReady = (): void => {
      for (let r = results[summaries.length]; r; r = results[summaries.length]) {
        squash.apply(r);
        results[summaries.length] = undefined;
        summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
      }
    };
    let read = 0;
    const progress = (end?: boolean) => logger.progress?.({ task: 'layers', label: `reading layers of ${opened.metadata.reference}`, done: read, total: layers.length, unit: 'items', ...(end ? { end } : {}) });
    const cached = new Set<number>();
    const session = options.layerCache ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
    const readOne = async (layer: LayerInfo): Promise<LayerReadResult> => {
      const label = `layer ${layer.index} (${layer.digest})`;
      // A layer whose analysis is cached (under the same requests) is not opened: for a registry, not downloaded.
      const hit = await session?.lookup(layer);
      if (hit) {
        logger.debug(`${label}: analysis from the layer cache`);
        cached.add(layer.index);
        return hit;
      }
      const result = await readFresh(layer, label);
      session?.save(layer, result);
      return result;
    };
    const readFresh = async (layer: LayerInfo, label: string): Promise<LayerReadResult> => {
      logger.debug(`reading ${label}`);
      progress();
      return readLayer(await opened.blob(layer, options.signal), {
        matcher,
        maxFileBytes,
        label,
        expectedDigest: layer.digest,
        expectedDiffId: layer.diffId,
        expectedSize: layer.size,
        layerDigest: layer.digest,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < layers.length) {
        const layer = layers[next++]!;
        try {
          results[layer.index] = await readOne(layer);
          applyReady();
          read++;
          progress();
        } catch (e) {
          next = layers.length; // the other worker stops after its current layer
          throw e;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(LAYER_CONCURRENCY, layers.length) }, worker)).finally(() => progress(true));
    } catch (e) {
      await session?.abandon();
      throw e;
    }
    await session?.finish();
    return withStats(squash.finish(), summaries, cached);
  } finally {
    await opened.close();
  }
}

/**
 * Squashes an archive's layers (all read before the manifest said their order) in order, dropping each from the
 * array once applied, so that its entry map and the entries the layers above replace become garbage as the squash
 * goes instead of living to its end.
 */
function squashDropping(metadata: ImageMetadata, layers: (LayerReadResult | undefined)[], cached?: ReadonlySet<number>): FileView & { stats: ImageReadStats } {
  const squash = FileView.builder(metadata, { adopt: true });
  const summaries: LayerSummary[] = [];
  for (let i = 0; i < layers.length; i++) {
    const r = layers[i]!;
    layers[i] = undefined;
    squash.apply(r);
    summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
  }
  return withStats(squash.finish(), summaries, cached);
}

type LayerSummary = Pick<LayerReadResult, 'digest' | 'compression' | 'storedBytes' | 'tarBytes'> & { stats: Pick<LayerReadResult['stats'], 'entries'> };

function withStats(view: FileView, layers: readonly LayerSummary[], cached: ReadonlySet<number> = new Set()): FileView & { stats: ImageReadStats } {
  return Object.assign(view, {
    stats: {
      layers: layers.map((l, index) => ({
        index,
        digest: l.digest,
        compression: l.compression,
        storedBytes: l.storedBytes,
        tarBytes: l.tarBytes,
        entries: l.stats.entries,
        ...(cached.has(index) ? { fromCache: true as const } : {}),
      })),
    },
  });
}
