/**
 * A small in-memory ZIP reader: the central directory (with ZIP64 sizes and offsets, and data prepended before
 * the archive, as in executable jars), and stored or deflated entries inflated with node:zlib.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header, already corrected for data prepended to the archive. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {
  override name = 'ZipError';
}

export class ZipReader {
  readonly entries: ZipEntry[];

  /** Reads the central directory; a corrupt or truncated one is a ZipError (`corrupt archive: …`), never a RangeError. */
  constructor(private readonly data: Buffer) {
    try {
      this.entries = readCentralDirectory(data);
    } catch (e) {
      if (e instanceof ZipError) throw e;
      // A field read past the end of the buffer (node's ERR_OUT_OF_RANGE) or any other slip on hostile bytes.
      throw new ZipError(`corrupt archive: ${(e as Error).message}`, { cause: e });
    }
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /**
   * The entry's content; refuses output larger than `maxBytes` whatever the header declares (a guard against zip
   * bombs: inflation stops at the cap, so memory stays bounded by it).
   */
  read(entry: ZipEntry, maxBytes = 64 * 1024 * 1024): Buffer {
    const d = this.data;
    const at = entry.localOffset;
    if (!Number.isSafeInteger(at) || at < 0 || at + 30 > d.length || d.readUInt32LE(at) !== LOCAL) throw new ZipError(`${entry.name}: bad local header`);
    const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > d.length) throw new ZipError(`${entry.name}: entry data runs past the end of the archive`);
    if (entry.size > maxBytes) throw new ZipError(`${entry.name}: ${entry.size} bytes, over the ${maxBytes}-byte limit`);
    const raw = d.subarray(start, end);
    if (entry.method === 0) {
      if (raw.length > maxBytes) throw new ZipError(`${entry.name}: ${raw.length} bytes, over the ${maxBytes}-byte limit`);
      return raw;
    }
    if (entry.method === 8) {
      let out: Buffer;
      try {
        // One byte over the cap tells "too large" apart from "exactly the cap".
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes + 1) });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`, { cause: e });
        throw new ZipError(`${entry.name}: cannot inflate: ${(e as Error).message}`, { cause: e });
      }
      if (out.length > maxBytes) throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`);
      return out;
    }
    throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  }
}

function readCentralDirectory(d: Buffer): ZipEntry[] {
  const eocd = findEocd(d);
  if (eocd < 0) throw new ZipError('not a zip archive (no end-of-central-directory record)');
  if (eocd + 22 > d.length) throw new ZipError('corrupt archive: truncated end-of-central-directory record');
  let count = d.readUInt16LE(eocd + 10);
  let cdSize = d.readUInt32LE(eocd + 12);
  let cdOffset = d.readUInt32LE(eocd + 16);
  let recordStart = eocd;
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && d.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(d.readBigUInt64LE(eocd - 20 + 8));
    if (!Number.isSafeInteger(z) || z + 56 > d.length || d.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipError('bad ZIP64 end-of-central-directory record');
    count = Number(d.readBigUInt64LE(z + 32));
    cdSize = Number(d.readBigUInt64LE(z + 40));
    cdOffset = Number(d.readBigUInt64LE(z + 48));
    recordStart = z;
  }
  // Bytes prepended to the archive (a launcher script) shift every offset by the same amount.
  const shift = recordStart - cdSize - cdOffset;
  if (shift < 0) throw new ZipError('central directory lies outside the archive');
  const entries: ZipEntry[] = [];
  let p = cdOffset + shift;
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL) throw new ZipError(`bad central directory entry ${i}`);
    const method = d.readUInt16LE(p + 10);
    let compressedSize = d.readUInt32LE(p + 20);
    let size = d.readUInt32LE(p + 24);
    const nameLen = d.readUInt16LE(p + 28);
    const extraLen = d.readUInt16LE(p + 30);
    const commentLen = d.readUInt16LE(p + 32);
    let localOffset = d.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > d.length) throw new ZipError(`corrupt archive: central directory entry ${i} runs past the end of the archive`);
    const name = d.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field: the 0xffffffff values follow in order size, compressed size, offset.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      if (x + 4 + d.readUInt16LE(x + 2) > xEnd) break;
      const id = d.readUInt16LE(x);
      const len = d.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff && q + 8 <= x + 4 + len) {
          size = Number(d.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          compressedSize = Number(d.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = Number(d.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset: localOffset + shift });
    p = xEnd + commentLen;
  }
  return entries;
}

function findEocd(d: Buffer): number {
  if (d.length < 22) return -1;
  const min = Math.max(0, d.length - 22 - 0xffff);
  for (let i = d.length - 22; i >= min; i--) if (d.readUInt32LE(i) === EOCD) return i;
  return -1;
}
