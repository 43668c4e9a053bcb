import { inflateRawSync } from 'node:zlib';

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
export class CorruptArchiveError extends Error {
  override name = 'CorruptArchiveError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

/**
 * Reads every `.json` entry of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), in
 * central-directory order, as text. A small reader: the central directory, then each local header, then the
 * stored or deflated data inflated by node:zlib (native, so it is fast on many small entries). ZIP64 archives
 * (over 4 GiB or 65,535 entries) and encrypted entries are refused, which no OSV export needs.
 */
export function readJsonEntries(data: Uint8Array, where: string): { name: string; text: string }[] {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fail = (reason: string): never => {
    throw new CorruptArchiveError(`${where}: not a readable zip archive (${reason})`);
  };
  let eocd = -1;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('no end of central directory');
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) fail('ZIP64 archives are not supported');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) fail('central directory out of bounds');
  const out: { name: string; text: string }[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) fail(`bad central directory entry ${n}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!name.endsWith('.json')) continue;
    if (flags & 1) fail(`${name} is encrypted`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) fail(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const end = start + compressedSize;
    if (end > buf.length) fail(`${name} is truncated`);
    let bytes: Buffer;
    if (method === 0) bytes = buf.subarray(start, end);
    else if (method === 8) {
      try {
        bytes = inflateRawSync(buf.subarray(start, end));
      } catch (error) {
        return fail(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else return fail(`${name} uses compression method ${method}`);
    if (bytes.length !== size) fail(`${name} inflates to ${bytes.length} bytes, not ${size}`);
    out.push({ name, text: bytes.toString('utf8') });
  }
  return out;
}
