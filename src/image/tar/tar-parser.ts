/**
 * A streaming tar parser: push chunks in, get entries out. Zero-copy for file data (sinks receive subarrays of
 * the chunks pushed in). Supports ustar, GNU long names/links ('L'/'K'), PAX extended headers ('x'/'g'),
 * base-256 sizes, and verifies each header's checksum. It never touches the disk.
 */

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'char' | 'block' | 'dir' | 'fifo' | 'other';

export interface TarHeader {
  /** The name as stored, after PAX / GNU overrides. Not normalised. */
  name: string;
  type: TarEntryType;
  /** The raw typeflag character. */
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** PAX records that applied to this entry (extended attributes among them), when there were any. */
  pax?: Record<string, string>;
}

/** Receives the data of one entry. */
export interface EntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

const BLOCK = 512;
const META_LIMIT = 1 << 20; // PAX and GNU long-name records larger than this are refused.

type State = 'header' | 'data' | 'padding' | 'meta' | 'done';

export class TarParser {
  #state: State = 'header';
  #header = Buffer.alloc(BLOCK);
  #headerFill = 0;
  #remaining = 0; // bytes of entry data still to come
  #padding = 0; // bytes of padding still to skip
  #sink: EntrySink | null = null;
  #meta: { flag: string; parts: Buffer[]; size: number } | null = null;
  #globalPax: Record<string, string> = {};
  #nextPax: Record<string, string> | null = null;
  #nextLongName: string | null = null;
  #nextLongLink: string | null = null;
  #zeroBlocks = 0;
  #entries = 0;
  #offset = 0;

  constructor(private readonly onEntry: (header: TarHeader) => EntrySink | null) {}

  get entries(): number {
    return this.#entries;
  }

  /** True once the end-of-archive marker (two zero blocks) has been seen. */
  get done(): boolean {
    return this.#state === 'done';
  }

  push(chunk: Buffer): void {
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      switch (this.#state) {
        case 'header': {
          const take = Math.min(BLOCK - this.#headerFill, len - pos);
          if (this.#headerFill === 0 && take === BLOCK) {
            // Fast path: the whole header is inside this chunk.
            this.#onHeader(chunk.subarray(pos, pos + BLOCK));
          } else {
            chunk.copy(this.#header, this.#headerFill, pos, pos + take);
            this.#headerFill += take;
            if (this.#headerFill === BLOCK) {
              this.#headerFill = 0;
              this.#onHeader(this.#header);
            }
          }
          pos += take;
          this.#offset += take;
          break;
        }
        case 'data':
        case 'meta': {
          const take = Math.min(this.#remaining, len - pos);
          const piece = chunk.subarray(pos, pos + take);
          if (this.#state === 'data') this.#sink?.data(piece);
          else this.#meta!.parts.push(Buffer.from(piece));
          this.#remaining -= take;
          pos += take;
          this.#offset += take;
          if (this.#remaining === 0) this.#finishEntry();
          break;
        }
        case 'padding': {
          const take = Math.min(this.#padding, len - pos);
          this.#padding -= take;
          pos += take;
          this.#offset += take;
          if (this.#padding === 0) this.#state = 'header';
          break;
        }
        case 'done':
          // Anything after the end marker is ignored (tar writers pad to a record size).
          return;
      }
    }
  }

  /** Call when the input ends. Throws when the archive stops in the middle of an entry. */
  end(): void {
    if (this.#state === 'done') return;
    if (this.#state === 'header' && this.#headerFill === 0 && this.#meta === null) {
      // Many writers omit the end marker or one of its blocks; a stream that ends on an entry boundary is complete.
      if (this.#entries === 0 && this.#zeroBlocks === 0 && this.#offset === 0) {
        throw new TarFormatError('empty input: not a tar archive');
      }
      this.#state = 'done';
      return;
    }
    const where = this.#state === 'data' || this.#state === 'meta' ? `${this.#remaining} bytes short of the end of an entry` : 'in the middle of a header';
    throw new TarFormatError(`truncated tar archive: input ended ${where} (at byte ${this.#offset})`);
  }

  #onHeader(block: Buffer): void {
    if (isZeroBlock(block)) {
      this.#zeroBlocks++;
      if (this.#zeroBlocks >= 2) this.#state = 'done';
      return;
    }
    this.#zeroBlocks = 0;
    verifyChecksum(block, this.#offset);
    const typeflag = block[156] === 0 ? '0' : String.fromCharCode(block[156]!);
    const size = readNumber(block, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`invalid entry size at byte ${this.#offset}`);

    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > META_LIMIT) throw new TarFormatError(`tar extended header of ${size} bytes is too large`);
      this.#meta = { flag: typeflag, parts: [], size };
      this.#remaining = size;
      this.#state = size > 0 ? 'meta' : 'header';
      if (size === 0) this.#finishMeta();
      return;
    }

    const pax = this.#nextPax;
    const header = this.#parseHeader(block, typeflag, size, pax);
    this.#nextPax = null;
    this.#nextLongName = null;
    this.#nextLongLink = null;
    this.#entries++;

    // Only regular files carry data in practice; hardlinks/symlinks/dirs may declare a size, which is skipped.
    const dataSize = header.size;
    this.#sink = null;
    const sink = this.onEntry(header);
    if (header.type === 'file' || header.type === 'other') this.#sink = sink;
    else sink?.end();
    this.#remaining = dataSize;
    this.#padding = (BLOCK - (dataSize % BLOCK)) % BLOCK;
    if (dataSize === 0) this.#finishEntry();
    else this.#state = 'data';
  }

  #parseHeader(block: Buffer, typeflag: string, size: number, pax: Record<string, string> | null): TarHeader {
    const magic = block.toString('latin1', 257, 263);
    let name = readString(block, 0, 100);
    if (magic === 'ustar\0') {
      const prefix = readString(block, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    let linkname = readString(block, 157, 100);
    const merged = pax || Object.keys(this.#globalPax).length ? { ...this.#globalPax, ...(pax ?? {}) } : null;
    if (this.#nextLongName !== null) name = this.#nextLongName;
    if (this.#nextLongLink !== null) linkname = this.#nextLongLink;
    let effectiveSize = size;
    let mtime = readNumber(block, 136, 12);
    let uid = readNumber(block, 108, 8);
    let gid = readNumber(block, 116, 8);
    if (merged) {
      if (merged.path !== undefined) name = merged.path;
      if (merged.linkpath !== undefined) linkname = merged.linkpath;
      if (merged.size !== undefined) effectiveSize = Number(merged.size);
      if (merged.mtime !== undefined) mtime = Math.floor(Number(merged.mtime));
      if (merged.uid !== undefined) uid = Number(merged.uid);
      if (merged.gid !== undefined) gid = Number(merged.gid);
      if (!Number.isSafeInteger(effectiveSize) || effectiveSize < 0) throw new TarFormatError(`invalid PAX size for "${name}"`);
    }
    return {
      name,
      type: typeOf(typeflag),
      typeflag,
      mode: readNumber(block, 100, 8),
      uid,
      gid,
      size: effectiveSize,
      mtime,
      linkname,
      uname: readString(block, 265, 32),
      gname: readString(block, 297, 32),
      devmajor: readNumber(block, 329, 8),
      devminor: readNumber(block, 337, 8),
      ...(merged ? { pax: merged } : {}),
    };
  }

  #finishEntry(): void {
    if (this.#state === 'meta') {
      this.#finishMeta();
      return;
    }
    this.#sink?.end();
    this.#sink = null;
    this.#state = this.#padding > 0 ? 'padding' : 'header';
  }

  #finishMeta(): void {
    const meta = this.#meta!;
    this.#meta = null;
    const body = Buffer.concat(meta.parts);
    switch (meta.flag) {
      case 'x':
        this.#nextPax = { ...(this.#nextPax ?? {}), ...parsePax(body) };
        break;
      case 'g':
        Object.assign(this.#globalPax, parsePax(body));
        break;
      case 'L':
        this.#nextLongName = readString(body, 0, body.length);
        break;
      case 'K':
        this.#nextLongLink = readString(body, 0, body.length);
        break;
    }
    this.#padding = (BLOCK - (meta.size % BLOCK)) % BLOCK;
    this.#state = this.#padding > 0 ? 'padding' : 'header';
  }
}

function typeOf(flag: string): TarEntryType {
  switch (flag) {
    case '0':
    case '7':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '3':
      return 'char';
    case '4':
      return 'block';
    case '5':
      return 'dir';
    case '6':
      return 'fifo';
    default:
      return 'other';
  }
}

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i += 4) {
    if (block.readUInt32LE(i) !== 0) return false;
  }
  return true;
}

function verifyChecksum(block: Buffer, offset: number): void {
  const stored = readNumber(block, 148, 8);
  // The checksum counts its own 8-byte field as spaces. Most writers use unsigned bytes; a few historic ones
  // used signed bytes, which is only worked out when the unsigned sum does not match.
  let unsigned = 0;
  for (let i = 0; i < BLOCK; i++) unsigned += block[i]!;
  for (let i = 148; i < 156; i++) unsigned += 32 - block[i]!;
  if (stored === unsigned) return;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : block[i]!;
    signed += b > 127 ? b - 256 : b;
  }
  if (stored !== signed) {
    throw new TarFormatError(`not a tar archive, or a corrupt one: header checksum mismatch at byte ${offset}`);
  }
}

function readString(buf: Buffer, start: number, length: number): string {
  let end = start;
  const max = start + length;
  while (end < max && buf[end] !== 0) end++;
  return buf.toString('utf8', start, end);
}

function readNumber(buf: Buffer, start: number, length: number): number {
  const first = buf[start]!;
  if (first & 0x80) {
    // base-256: big-endian two's complement in the remaining bytes (positive values only in practice).
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + buf[i]!;
    return value;
  }
  let value = 0;
  let seen = false;
  for (let i = start; i < start + length; i++) {
    const c = buf[i]!;
    if (c === 0 || c === 32) {
      if (seen) break;
      continue;
    }
    if (c < 48 || c > 55) throw new TarFormatError(`not a tar archive, or a corrupt one: bad octal field`);
    value = value * 8 + (c - 48);
    seen = true;
  }
  return value;
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(32, pos);
    if (space < 0) break;
    const len = Number(body.toString('latin1', pos, space));
    if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length) throw new TarFormatError('corrupt PAX extended header');
    const record = body.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}
