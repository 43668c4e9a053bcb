/**
 * Rust binaries built with cargo-auditable: the `.dep-v0` section holds zlib-compressed JSON listing every crate
 * compiled in (`{"packages":[{"name","version","source","kind","dependencies","root"}]}`).
 */
import { constants, inflateSync } from 'node:zlib';
import type { ContentSink } from '../../image/file-request.js';
import { readExecutable, sectionData, sniffExecFormat, type ExecFormat } from '../golang/exec-format.js';

export interface AuditableCrate {
  name: string;
  version: string;
  source: string;
  kind: string;
  root: boolean;
  dependencies: number[];
}

const SECTION_NAMES = ['.dep-v0', '__DATA,.dep-v0'];
const MAX_COMPRESSED = 8 * 1024 * 1024;
const MAX_JSON = 64 * 1024 * 1024;

export function parseAuditableJson(json: string): AuditableCrate[] {
  const doc = JSON.parse(json) as { packages?: unknown };
  if (!doc || !Array.isArray(doc.packages)) throw new Error('cargo-auditable data without a "packages" array');
  return doc.packages
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .filter((p) => typeof p.name === 'string' && typeof p.version === 'string')
    .map((p) => ({
      name: p.name as string,
      version: p.version as string,
      source: typeof p.source === 'string' ? p.source : 'crates.io',
      kind: typeof p.kind === 'string' ? p.kind : 'runtime',
      root: p.root === true,
      dependencies: Array.isArray(p.dependencies) ? p.dependencies.filter((d): d is number => typeof d === 'number') : [],
    }));
}

export function inflateAuditable(compressed: Buffer): string {
  return inflateSync(compressed, { maxOutputLength: MAX_JSON }).toString('utf8');
}

/** From a whole binary: the named section, inflated. Undefined when the binary has no such section. */
export function parseAuditableBinary(d: Buffer): AuditableCrate[] | undefined {
  const exe = readExecutable(d);
  if (!exe) return undefined;
  for (const name of SECTION_NAMES) {
    const data = sectionData(d, exe, name);
    if (data) return parseAuditableJson(inflateAuditable(data));
  }
  return undefined;
}

export interface AuditableSinkResult {
  format?: ExecFormat;
  crates?: AuditableCrate[];
  error?: string;
}

const PROBE = 64;
const JSON_START = Buffer.from('{"packages":');

/**
 * Finds the compressed dependency list while the file streams. ELF section headers sit at the end of the file,
 * so the section cannot be located before its bytes pass; instead every zlib stream header (0x78 and a valid
 * flag byte) is probed by inflating its first bytes, and the one that starts `{"packages":` is kept.
 */
export class AuditableSink implements ContentSink {
  #head = Buffer.alloc(0);
  #format: ExecFormat | undefined;
  #done = false;
  #carry = Buffer.alloc(0);
  #captured: Buffer[] | undefined;
  #capturedLength = 0;

  write(chunk: Buffer): void {
    if (this.#done) return;
    if (this.#format === undefined) {
      this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
      if (this.#head.length < 8) return;
      this.#format = sniffExecFormat(this.#head);
      if (!this.#format) {
        this.#done = true;
        return;
      }
    }
    if (this.#captured) {
      this.#capture(chunk);
      return;
    }
    const buf = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
    const limit = buf.length - PROBE;
    let i = buf.indexOf(0x78);
    while (i >= 0 && i < limit) {
      const flg = buf[i + 1];
      if ((flg === 0xda || flg === 0x9c || flg === 0x01 || flg === 0x5e) && plausibleDeflate(buf[i + 2]!) && probe(buf.subarray(i, i + PROBE))) {
        this.#captured = [];
        this.#capture(buf.subarray(i));
        return;
      }
      i = buf.indexOf(0x78, i + 1);
    }
    this.#carry = Buffer.from(buf.subarray(Math.max(0, limit)));
  }

  #capture(b: Buffer): void {
    const room = MAX_COMPRESSED - this.#capturedLength;
    const part = b.subarray(0, room);
    this.#captured!.push(Buffer.from(part));
    this.#capturedLength += part.length;
    if (this.#capturedLength >= MAX_COMPRESSED) this.#done = true;
  }

  end(): AuditableSinkResult {
    if (!this.#format) return {};
    const result: AuditableSinkResult = { format: this.#format };
    if (!this.#captured) {
      // The last bytes were never a full probe window: look at them now.
      const tail = this.#carry;
      for (let i = tail.indexOf(0x78); i >= 0 && !this.#captured; i = tail.indexOf(0x78, i + 1)) {
        if (probe(tail.subarray(i))) this.#captured = [tail.subarray(i)];
      }
      if (!this.#captured) return result;
    }
    try {
      result.crates = parseAuditableJson(inflateAuditable(Buffer.concat(this.#captured)));
    } catch (e) {
      result.error = `unreadable cargo-auditable data: ${(e as Error).message}`;
    }
    return result;
  }
}

/**
 * A cheap test of the first deflate block header before paying for an inflate: BTYPE 11 is invalid, and the JSON
 * document, hundreds of bytes of text, is never written as a stored block (BTYPE 00).
 */
function plausibleDeflate(firstByte: number): boolean {
  const btype = (firstByte >> 1) & 3;
  return btype === 1 || btype === 2;
}

function probe(bytes: Buffer): boolean {
  // Almost every probe lands on bytes that only look like a zlib header, and zlib throws for them; a thrown
  // error's stack trace costs far more than the inflate, so none is captured here.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const out = inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 4096 });
    return out.length >= JSON_START.length && out.subarray(0, JSON_START.length).equals(JSON_START);
  } catch {
    return false;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
