/**
 * An RPM header blob as the package databases store it (no lead, no magic): `il` and `dl` (big-endian int32),
 * `il` index entries of 16 bytes (tag, type, offset, count), then `dl` bytes of data.
 */
export const TAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  SUMMARY: 1004,
  SIZE: 1009,
  VENDOR: 1011,
  LICENSE: 1014,
  ARCH: 1022,
  OLDFILENAMES: 1027,
  FILEMODES: 1030,
  SOURCERPM: 1044,
  DIRINDEXES: 1116,
  BASENAMES: 1117,
  DIRNAMES: 1118,
  LONGSIZE: 5009,
  MODULARITYLABEL: 5096,
  SIGMD5: 261,
} as const;

const TYPE = { CHAR: 1, INT8: 2, INT16: 3, INT32: 4, INT64: 5, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 } as const;

export class RpmHeaderError extends Error {
  override name = 'RpmHeaderError';
}

interface Entry {
  type: number;
  offset: number;
  count: number;
}

export class RpmHeader {
  readonly #entries = new Map<number, Entry>();
  readonly #data: Buffer;

  constructor(blob: Buffer) {
    if (blob.length < 8) throw new RpmHeaderError(`header blob of ${blob.length} bytes is too short`);
    const il = blob.readUInt32BE(0);
    const dl = blob.readUInt32BE(4);
    const dataStart = 8 + il * 16;
    if (il === 0 || il > 0xffff || dataStart + dl > blob.length) {
      throw new RpmHeaderError(`header blob claims ${il} entries and ${dl} data bytes, but has ${blob.length} bytes`);
    }
    this.#data = blob.subarray(dataStart, dataStart + dl);
    for (let i = 0; i < il; i++) {
      const at = 8 + i * 16;
      const tag = blob.readUInt32BE(at);
      const type = blob.readUInt32BE(at + 4);
      const offset = blob.readInt32BE(at + 8);
      const count = blob.readUInt32BE(at + 12);
      if (offset < 0 || offset > dl) throw new RpmHeaderError(`tag ${tag}: data offset ${offset} is outside the ${dl}-byte data store`);
      this.#entries.set(tag, { type, offset, count });
    }
  }

  has(tag: number): boolean {
    return this.#entries.has(tag);
  }

  string(tag: number): string | undefined {
    const e = this.#entries.get(tag);
    if (!e) return undefined;
    if (e.type === TYPE.STRING || e.type === TYPE.I18NSTRING || e.type === TYPE.STRING_ARRAY) return this.#strings(e, 1)[0];
    return undefined;
  }

  strings(tag: number): string[] {
    const e = this.#entries.get(tag);
    if (!e) return [];
    if (e.type !== TYPE.STRING_ARRAY && e.type !== TYPE.STRING && e.type !== TYPE.I18NSTRING) return [];
    return this.#strings(e, e.type === TYPE.STRING ? 1 : e.count);
  }

  numbers(tag: number): number[] {
    const e = this.#entries.get(tag);
    if (!e) return [];
    const size = e.type === TYPE.INT8 || e.type === TYPE.CHAR ? 1 : e.type === TYPE.INT16 ? 2 : e.type === TYPE.INT32 ? 4 : e.type === TYPE.INT64 ? 8 : 0;
    if (size === 0) return [];
    if (e.offset + size * e.count > this.#data.length) throw new RpmHeaderError(`tag ${tag}: ${e.count} values overrun the data store`);
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) {
      const at = e.offset + i * size;
      out.push(size === 1 ? this.#data.readUInt8(at) : size === 2 ? this.#data.readUInt16BE(at) : size === 4 ? this.#data.readUInt32BE(at) : Number(this.#data.readBigUInt64BE(at)));
    }
    return out;
  }

  number(tag: number): number | undefined {
    return this.numbers(tag)[0];
  }

  hex(tag: number): string | undefined {
    const e = this.#entries.get(tag);
    if (!e || e.type !== TYPE.BIN) return undefined;
    if (e.offset + e.count > this.#data.length) throw new RpmHeaderError(`tag ${tag}: binary value overruns the data store`);
    return this.#data.subarray(e.offset, e.offset + e.count).toString('hex');
  }

  #strings(e: Entry, count: number): string[] {
    const out: string[] = [];
    let at = e.offset;
    for (let i = 0; i < count; i++) {
      const end = this.#data.indexOf(0, at);
      if (end < 0) throw new RpmHeaderError('unterminated string in the header data store');
      out.push(this.#data.toString('utf8', at, end));
      at = end + 1;
    }
    return out;
  }
}

export interface RpmPackageInfo {
  name: string;
  epoch?: number;
  version: string;
  release: string;
  arch?: string;
  sourceRpm?: string;
  license?: string;
  vendor?: string;
  summary?: string;
  size?: number;
  modularityLabel?: string;
  sigMd5?: string;
  files: string[];
}

/** The fields Portcullis keeps from one header. Throws RpmHeaderError on a malformed blob. */
export function readRpmPackage(blob: Buffer): RpmPackageInfo {
  const h = new RpmHeader(blob);
  const name = h.string(TAG.NAME);
  if (!name) throw new RpmHeaderError('header has no name');
  const info: RpmPackageInfo = { name, version: h.string(TAG.VERSION) ?? '', release: h.string(TAG.RELEASE) ?? '', files: fileNames(h) };
  const epoch = h.number(TAG.EPOCH);
  if (epoch !== undefined) info.epoch = epoch;
  const set = <K extends keyof RpmPackageInfo>(key: K, value: RpmPackageInfo[K] | undefined): void => {
    if (value !== undefined && value !== '' && value !== '(none)') info[key] = value;
  };
  set('arch', h.string(TAG.ARCH));
  set('sourceRpm', h.string(TAG.SOURCERPM));
  set('license', h.string(TAG.LICENSE));
  set('vendor', h.string(TAG.VENDOR));
  set('summary', h.string(TAG.SUMMARY));
  set('size', h.number(TAG.LONGSIZE) ?? h.number(TAG.SIZE));
  set('modularityLabel', h.string(TAG.MODULARITYLABEL));
  set('sigMd5', h.hex(TAG.SIGMD5));
  return info;
}

function fileNames(h: RpmHeader): string[] {
  const basenames = h.strings(TAG.BASENAMES);
  if (basenames.length === 0) return h.strings(TAG.OLDFILENAMES);
  const dirnames = h.strings(TAG.DIRNAMES);
  const indexes = h.numbers(TAG.DIRINDEXES);
  const modes = h.numbers(TAG.FILEMODES);
  const out: string[] = [];
  basenames.forEach((b, i) => {
    // Directories are owned too, but only files say which package a language package's files belong to.
    if (((modes[i] ?? 0) & 0o170000) === 0o040000) return;
    out.push(`${dirnames[indexes[i] ?? -1] ?? ''}${b}`);
  });
  return out;
}

/** `[epoch:]version-release`, the form rpm prints and matching compares. */
export function rpmVersionString(p: Pick<RpmPackageInfo, 'epoch' | 'version' | 'release'>): string {
  const vr = p.release ? `${p.version}-${p.release}` : p.version;
  return p.epoch !== undefined ? `${p.epoch}:${vr}` : vr;
}
