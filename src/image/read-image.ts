import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { readImageArchive } from './archive-reader.js';
import { DEFAULT_MAX_FILE_BYTES } from './directory.js';
import { RequestMatcher, type FileRequest } from './file-request.js';
import { FileView } from './file-view.js';
import { readLayer, type LayerReadResult } from './layer-reader.js';
import { hostPlatform } from './manifest.js';
import type { OpenedImage } from './source.js';
import type { LayerInfo, Platform } from '../model/index.js';

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
}

export interface ImageReadStats {
  layers: { index: number; digest: string; compression: string; storedBytes: number; tarBytes: number; entries: number }[];
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
      const stream = await opened.open(options.signal);
      const { metadata, layers } = await readImageArchive(stream, {
        label: opened.label,
        reference: opened.reference,
        source: opened.source,
        ...(opened.refName !== undefined ? { refName: opened.refName } : {}),
        platform: options.platform ?? hostPlatform(),
        matcher,
        maxFileBytes,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return withStats(FileView.squash(metadata, layers), layers);
    }
    // Layers stream in manifest order, each exactly once. The next layer starts while the current one finishes
    // (at most LAYER_CONCURRENCY at a time), so the thread pool inflates one while the main thread hashes and
    // parses the other; the results are squashed in order once all are read.
    const layers = opened.metadata.layers;
    const results: LayerReadResult[] = new Array(layers.length);
    const readOne = async (layer: LayerInfo): Promise<LayerReadResult> => {
      const label = `layer ${layer.index} (${layer.digest})`;
      logger.debug(`reading ${label}`);
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
        } catch (e) {
          next = layers.length; // the other worker stops after its current layer
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LAYER_CONCURRENCY, layers.length) }, worker));
    return withStats(FileView.squash(opened.metadata, results), results);
  } finally {
    await opened.close();
  }
}

function withStats(view: FileView, layers: LayerReadResult[]): FileView & { stats: ImageReadStats } {
  return Object.assign(view, {
    stats: {
      layers: layers.map((l, index) => ({
        index,
        digest: l.digest,
        compression: l.compression,
        storedBytes: l.storedBytes,
        tarBytes: l.tarBytes,
        entries: l.stats.entries,
      })),
    },
  });
}
