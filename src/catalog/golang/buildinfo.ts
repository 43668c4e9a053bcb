/**
 * Go build information embedded in binaries (`runtime/debug.BuildInfo`): the `\xff Go buildinf:` header, then
 * either two varint-prefixed strings (Go ≥ 1.18, flag bit 2) or two pointers to Go string headers (older).
 */
import type { ContentSink } from '../../image/file-request.js';
import { addrToOffset, readExecutable, sniffExecFormat, type ExecFormat, type Executable } from './exec-format.js';

export const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** The 16-byte markers cmd/go wraps the module information string in. */
export const MODINFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
export const MODINFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  replace?: GoModule;
}

export interface GoBuildInfo {
  goVersion: string;
  /** The main package's import path. */
  path: string;
  main?: GoModule;
  deps: GoModule[];
  settings: Record<string, string>;
}

/** The text form written by cmd/go (`path`, `mod`, `dep`, `=>`, `build` lines, tab-separated). */
export function parseModinfo(text: string, goVersion = ''): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, path: '', deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of stripSentinels(text).split('\n')) {
    const f = line.split('\t');
    const mod = (): GoModule => ({ path: f[1] ?? '', version: f[2] ?? '', ...(f[3] ? { sum: f[3] } : {}) });
    switch (f[0]) {
      case 'go':
        info.goVersion ||= f[1] ?? '';
        break;
      case 'path':
        info.path = f[1] ?? '';
        break;
      case 'mod':
        info.main = last = mod();
        break;
      case 'dep':
        last = mod();
        info.deps.push(last);
        break;
      case '=>':
        if (last) last.replace = mod();
        break;
      case 'build': {
        const kv = f.slice(1).join('\t');
        const eq = kv.indexOf('=');
        if (eq > 0) info.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default:
        break;
    }
  }
  return info;
}

function stripSentinels(text: string): string {
  const b = Buffer.from(text, 'latin1');
  if (b.length >= 33 && b.subarray(0, 16).equals(MODINFO_START) && b[b.length - 17] === 0x0a) {
    return b.subarray(16, b.length - 16).toString('utf8');
  }
  return Buffer.from(text, 'latin1').toString('utf8');
}

/** Reads the inline (Go ≥ 1.18) form from a buffer that starts at the magic; undefined when it is incomplete. */
export function parseInlineBuildInfo(win: Buffer): { goVersion: string; modinfo: string } | undefined {
  if (win.length < 32 || !win.subarray(0, 14).equals(BUILDINFO_MAGIC) || (win[15]! & 2) === 0) return undefined;
  let p = 32;
  const str = (): string | undefined => {
    const v = uvarint(win, p);
    if (!v) return undefined;
    const [len, n] = v;
    if (p + n + len > win.length) return undefined;
    const s = win.toString('latin1', p + n, p + n + len);
    p += n + len;
    return s;
  };
  const goVersion = str();
  const modinfo = goVersion === undefined ? undefined : str();
  return goVersion === undefined || modinfo === undefined ? undefined : { goVersion, modinfo };
}

/** Bytes needed from the magic on to hold the whole inline form, once the header and lengths are known. */
function inlineNeeded(win: Buffer): number | undefined {
  if (win.length < 33) return undefined;
  const a = uvarint(win, 32);
  if (!a) return undefined;
  const bAt = 32 + a[1] + a[0];
  const b = uvarint(win, bAt);
  return b ? bAt + b[1] + b[0] : undefined;
}

function uvarint(b: Buffer, at: number): [number, number] | undefined {
  let x = 0;
  let shift = 0;
  for (let i = 0; i < 10 && at + i < b.length; i++) {
    const byte = b[at + i]!;
    x += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [x, i + 1];
    shift += 7;
  }
  return undefined;
}

/**
 * Build info from a whole binary in memory: both the inline form and the older pointer form (whose pointers are
 * virtual addresses, mapped through the ELF, PE or Mach-O section table). Undefined when it is not a Go binary.
 */
export function parseGoBinary(d: Buffer): GoBuildInfo | undefined {
  const at = findMagic(d);
  if (at < 0) return undefined;
  const win = d.subarray(at);
  const inline = parseInlineBuildInfo(win);
  if (inline) return parseModinfo(inline.modinfo, inline.goVersion);
  if (win.length < 32 || (win[15]! & 2) !== 0) throw new Error('truncated Go build info');
  const exe = readExecutable(d);
  if (!exe) throw new Error('Go build info in a file that is not ELF, PE or Mach-O');
  const ptrSize = win[14]!;
  if (ptrSize !== 4 && ptrSize !== 8) throw new Error(`Go build info with pointer size ${ptrSize}`);
  const bigEndian = (win[15]! & 1) === 1;
  const readPtr = (o: number): number => {
    if (o < 0 || o + ptrSize > d.length) throw new Error(`Go build info pointer at offset ${o} is past the end of the file`);
    return ptrSize === 8 ? Number(bigEndian ? d.readBigUInt64BE(o) : d.readBigUInt64LE(o)) : bigEndian ? d.readUInt32BE(o) : d.readUInt32LE(o);
  };
  const readGoString = (addr: number): string => {
    const hdr = addrToOffset(exe, addr, 2 * ptrSize);
    if (hdr < 0) return '';
    const dataAddr = readPtr(hdr);
    const len = readPtr(hdr + ptrSize);
    if (len <= 0 || len > 16 * 1024 * 1024) return '';
    const off = addrToOffset(exe, dataAddr, len);
    return off < 0 ? '' : d.toString('latin1', off, off + len);
  };
  const goVersion = readGoString(readPtr(at + 16));
  const modinfo = readGoString(readPtr(at + 16 + ptrSize));
  return parseModinfo(modinfo, goVersion);
}

/** Go aligns the header to 16 bytes inside its section; any occurrence is accepted here. */
function findMagic(d: Buffer): number {
  return d.indexOf(BUILDINFO_MAGIC);
}

export interface GoSinkResult {
  format?: ExecFormat;
  info?: GoBuildInfo;
  /** Why a Go binary's build info could not be read. */
  error?: string;
}

const MAX_WINDOW = 16 * 1024 * 1024;

/**
 * Finds the build info while the file streams, keeping only small windows: the header's first bytes (to skip
 * non-binaries at once), the bytes from the magic on (the inline form), and the module information between its
 * markers (which is how the older pointer form is read without random access; its Go version is then unknown).
 */
export class GoBuildInfoSink implements ContentSink {
  #head = Buffer.alloc(0);
  #format: ExecFormat | undefined;
  #done = false;
  #carry = Buffer.alloc(0);
  #window: Buffer | undefined;
  #windowDone = false;
  #modinfo: Buffer | undefined;
  #modinfoDone = false;
  #overflow = false;

  write(chunk: Buffer): void {
    if (this.#done) return;
    if (this.#format === undefined) {
      this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
      if (this.#head.length < 8) return; // the first bytes of a binary hold no build info
      this.#format = sniffExecFormat(this.#head);
      if (!this.#format) {
        this.#done = true; // not a binary: stop looking at once
        return;
      }
    }
    if (this.#window && !this.#windowDone) this.#extendWindow(chunk);
    if (this.#modinfo && !this.#modinfoDone) this.#extendModinfo(chunk);
    if (!this.#window) {
      const found = findAcross(this.#carry, chunk, BUILDINFO_MAGIC);
      if (found) this.#extendWindow(found);
    }
    if (!this.#modinfo) {
      const found = findAcross(this.#carry, chunk, MODINFO_START);
      if (found) this.#extendModinfo(found);
    }
    // The last bytes, so that a marker split across two chunks is still found (markers are 16 bytes at most).
    this.#carry = chunk.length >= 15 ? Buffer.from(chunk.subarray(chunk.length - 15)) : Buffer.concat([this.#carry, chunk]).subarray(-15);
    // The inline form is self-contained: once it is complete, the rest of the file is not needed.
    if (this.#windowDone && this.#window && this.#window.length > 15 && (this.#window[15]! & 2) !== 0) this.#done = true;
  }

  #extendWindow(b: Buffer): void {
    const win = this.#window ? Buffer.concat([this.#window, b]) : Buffer.from(b);
    if (win.length >= 16 && (win[15]! & 2) === 0) {
      // The pointer form: keep the 32-byte header; the module text comes from its markers.
      this.#window = win.subarray(0, 32);
      this.#windowDone = win.length >= 32;
      return;
    }
    const needed = inlineNeeded(win);
    if (needed !== undefined && win.length >= needed) {
      this.#window = win.subarray(0, needed);
      this.#windowDone = true;
    } else if (win.length > MAX_WINDOW) {
      this.#window = win.subarray(0, 32);
      this.#overflow = true;
      this.#windowDone = true;
    } else this.#window = win;
  }

  #extendModinfo(b: Buffer): void {
    const all = this.#modinfo ? Buffer.concat([this.#modinfo, b]) : Buffer.from(b);
    const end = all.indexOf(MODINFO_END, Math.max(16, (this.#modinfo?.length ?? 0) - 16));
    if (end >= 0) {
      this.#modinfo = all.subarray(0, end + 16);
      this.#modinfoDone = true;
    } else if (all.length > MAX_WINDOW) {
      this.#modinfo = Buffer.alloc(0);
      this.#modinfoDone = true;
    } else this.#modinfo = all;
  }

  end(): GoSinkResult {
    if (!this.#format) return {};
    const result: GoSinkResult = { format: this.#format };
    const win = this.#window;
    if (!win) return result;
    const inline = parseInlineBuildInfo(win);
    if (inline) result.info = parseModinfo(inline.modinfo, inline.goVersion);
    else if (this.#overflow) result.error = `Go build info larger than ${MAX_WINDOW} bytes`;
    else if (win.length >= 32 && (win[15]! & 2) === 0) {
      const text = this.#modinfo && this.#modinfoDone ? this.#modinfo.toString('latin1') : '';
      result.info = parseModinfo(text);
    } else result.error = 'truncated Go build info';
    return result;
  }
}

export type { Executable };

/**
 * Finds `needle` in `carry` + `chunk` without copying the chunk (this runs over every byte of every executable):
 * only a marker straddling the boundary costs a small join.
 */
function findAcross(carry: Buffer, chunk: Buffer, needle: Buffer): Buffer | undefined {
  if (carry.length) {
    const joint = Buffer.concat([carry, chunk.subarray(0, needle.length - 1)]);
    const at = joint.indexOf(needle);
    if (at >= 0) return Buffer.concat([carry.subarray(at), chunk]);
  }
  const at = chunk.indexOf(needle);
  return at >= 0 ? chunk.subarray(at) : undefined;
}
