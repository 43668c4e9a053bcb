import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ImageError, RemoteError } from '../common/errors.js';
import { createDecompressor, sniffCompression, type Compression } from './decompress.js';
import type { RequestMatcher } from './file-request.js';
import { LayerCollector, type LayerResult } from './layer-collector.js';
import { TarFormatError, TarParser } from './tar/tar-parser.js';

export interface ReadLayerOptions {
  matcher: RequestMatcher;
  maxFileBytes: number;
  /** How to name the layer in messages (`layer 2 (sha256:…)`). */
  label: string;
  /** Expected digest of the stored blob; checked as it streams. */
  expectedDigest?: string;
  /** Expected digest of the uncompressed tar (the config's diff_id). */
  expectedDiffId?: string;
  /** Expected size of the stored blob (the descriptor's `size`); a blob of another size is an ImageError. */
  expectedSize?: number;
  /** Hash of the stored blob when there is no expectedDigest to take it from (`sha256` unless told). */
  digestAlgorithm?: DigestAlgorithm;
  /** Digest to record on unknowns. */
  layerDigest?: string;
  signal?: AbortSignal;
}

export type DigestAlgorithm = 'sha256' | 'sha512';

/** The algorithm of a `sha256:`/`sha512:` digest; undefined for any other. */
export function digestAlgorithmOf(digest: string | undefined): DigestAlgorithm | undefined {
  const alg = digest?.slice(0, digest.indexOf(':'));
  return alg === 'sha256' || alg === 'sha512' ? alg : undefined;
}

export interface LayerReadResult extends LayerResult {
  digest: string;
  diffId: string;
  compression: Compression;
  storedBytes: number;
  tarBytes: number;
}

/**
 * Reads one layer blob in one pass: sha256 of the stored bytes, decompression chosen by magic number (gzip, zstd
 * or none), sha256 of the tar, and the tar parsed into a LayerResult. Nothing is written to disk. Digest mismatches,
 * truncation and corrupt data are ImageErrors that name the layer.
 */
export async function readLayer(blob: Readable, options: ReadLayerOptions): Promise<LayerReadResult> {
  const collector = new LayerCollector(options.matcher, options.maxFileBytes, options.layerDigest);
  const parser = new TarParser((h) => collector.add(h));
  const storedAlg = digestAlgorithmOf(options.expectedDigest) ?? options.digestAlgorithm ?? 'sha256';
  const tarAlg = digestAlgorithmOf(options.expectedDiffId) ?? 'sha256';
  const storedHash = createHash(storedAlg);
  const tarHash = createHash(tarAlg);
  let storedBytes = 0;
  const expectedSize = options.expectedSize;
  const overSize = (): void => {
    if (expectedSize !== undefined && storedBytes > expectedSize) {
      throw new ImageError(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob is longer`);
    }
  };
  let tarBytes = 0;
  let compression: Compression = 'none';
  const onTar = (chunk: Buffer): void => {
    tarHash.update(chunk);
    tarBytes += chunk.length;
    parser.push(chunk);
  };

  try {
    const it = blob[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let head: Buffer = Buffer.alloc(0);
    // Gather at least 4 bytes to recognise the compression.
    while (head.length < 4) {
      const n = await it.next();
      if (n.done) break;
      const chunk = toBuffer(n.value);
      storedHash.update(chunk);
      storedBytes += chunk.length;
      overSize();
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
    }
    compression = sniffCompression(head);
    const decompressor = createDecompressor(compression);
    if (!decompressor) {
      if (head.length) onTar(head);
      for (let n = await it.next(); !n.done; n = await it.next()) {
        throwIfAborted(options.signal);
        const chunk = toBuffer(n.value);
        storedHash.update(chunk);
        storedBytes += chunk.length;
        overSize();
        onTar(chunk);
      }
    } else {
      // The writer feeds the decompressor while this loop consumes its output. Async iteration lets zlib inflate
      // the next chunk (on the thread pool) while the main thread hashes and parses this one; the readable buffer
      // of the decompressor bounds the memory in between.
      const pump = (async () => {
        if (!decompressor.write(head)) await drained(decompressor);
        for (let n = await it.next(); !n.done; n = await it.next()) {
          if (decompressor.destroyed) return;
          throwIfAborted(options.signal);
          const chunk = toBuffer(n.value);
          storedHash.update(chunk);
          storedBytes += chunk.length;
          overSize();
          if (!decompressor.write(chunk)) await drained(decompressor);
        }
        decompressor.end();
      })();
      pump.catch((e: unknown) => decompressor.destroy(e as Error));
      try {
        for await (const chunk of decompressor) onTar(chunk as Buffer);
      } catch (e) {
        decompressor.destroy();
        await pump.catch(() => {});
        throw e;
      }
      await pump;
    }
    parser.end();
  } catch (e) {
    blob.destroy();
    throw describeFailure(e, compression, options.label);
  }

  const digest = `${storedAlg}:${storedHash.digest('hex')}`;
  const diffId = `${tarAlg}:${tarHash.digest('hex')}`;
  if (expectedSize !== undefined && storedBytes !== expectedSize) {
    throw new ImageError(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob has ${storedBytes}`);
  }
  if (options.expectedDigest && options.expectedDigest !== digest) {
    throw new ImageError(`digest mismatch for ${options.label}: the manifest says ${options.expectedDigest} but the blob's content hashes to ${digest}`);
  }
  if (options.expectedDiffId && options.expectedDiffId !== diffId) {
    throw new ImageError(`diff_id mismatch for ${options.label}: the config says ${options.expectedDiffId} but the uncompressed layer hashes to ${diffId}`);
  }
  // Assigned, not spread: a spread would read `entries` and make the Map the collector keeps its columns to avoid.
  return Object.assign(collector.result, { digest, diffId, compression, storedBytes, tarBytes });
}

function toBuffer(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
}

function drained(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (e: unknown): void => {
      stream.off('drain', onDrain);
      reject(e);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

function describeFailure(e: unknown, compression: Compression, label: string): Error {
  if (e instanceof ImageError || e instanceof RemoteError) return e;
  const msg = (e as Error)?.message ?? String(e);
  if (e instanceof TarFormatError) return new ImageError(`${label}: ${msg}`, { cause: e });
  const code = (e as { code?: string }).code;
  if (code === 'Z_BUF_ERROR' || /unexpected (end|EOF)/i.test(msg)) {
    return new ImageError(`${label}: truncated ${compression} data (${msg})`, { cause: e });
  }
  if (code?.startsWith('Z_') || code?.startsWith('ZSTD_') || /zstd/i.test(msg)) {
    return new ImageError(`${label}: corrupt ${compression} data (${msg})`, { cause: e });
  }
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') return new ImageError(`${label}: ${msg}`, { cause: e });
  if ((e as Error)?.name === 'AbortError') return e as Error;
  return e instanceof Error ? e : new Error(msg);
}
