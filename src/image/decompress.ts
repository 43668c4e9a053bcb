import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { Decompress as FzstdDecompress } from 'fzstd';

export type Compression = 'gzip' | 'zstd' | 'none';

/** Detects the compression of a blob from its first bytes (magic numbers), not from its media type. */
export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

type ZstdFactory = () => Transform;

/** Node ≥ 22.15 / 23.8 has zstd in zlib; Node 20 does not, so a pure-JS decoder (fzstd) stands in there. */
const nativeZstd = (zlib as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress;

export function zstdBackend(): 'node:zlib' | 'fzstd' {
  return nativeZstd ? 'node:zlib' : 'fzstd';
}

export function createDecompressor(compression: Compression): Transform | null {
  switch (compression) {
    case 'gzip':
      return zlib.createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 1024 * 1024 } as zlib.ZlibOptions);
    case 'zstd':
      return nativeZstd ? nativeZstd() : new FzstdTransform();
    case 'none':
      return null;
  }
}

/** A Transform over fzstd's streaming decoder. A stream that ends mid-frame is an error. */
class FzstdTransform extends Transform {
  readonly #decoder: FzstdDecompress;
  #ended = false;

  constructor() {
    super();
    this.#decoder = new FzstdDecompress((chunk: Uint8Array, final?: boolean) => {
      // Copied: the decoder may reuse its window buffer for later output.
      if (chunk.length) this.push(Buffer.from(chunk));
      if (final) this.#ended = true;
    });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      callback();
    } catch (e) {
      callback(new Error(`zstd: ${(e as Error).message}`));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#decoder.push(new Uint8Array(0), true);
      if (!this.#ended) throw new Error('unexpected end of data');
      callback();
    } catch (e) {
      callback(new Error(`zstd: ${(e as Error).message.replace(/^zstd: /, '')}`));
    }
  }
}
