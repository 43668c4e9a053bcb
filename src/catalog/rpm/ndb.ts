/**
 * Reads the header blobs of rpm's native `ndb` package database (`Packages.db`, SUSE): a 32-byte header
 * (`RpmP`, version, generation, slot page count, …), then 16-byte slots (`Slot`, package index, block offset,
 * block count), each pointing at a blob (`BlbS`, package index, checksum, length, then the header). Little-endian;
 * blocks are 16 bytes, slot pages 4096 bytes.
 */
export class NdbError extends Error {
  override name = 'NdbError';
}

const HEADER_MAGIC = 0x506d7052; // 'RpmP'
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const PAGE = 4096;
const BLOCK = 16;

export function isNdb(data: Buffer): boolean {
  return data.length >= 32 && data.readUInt32LE(0) === HEADER_MAGIC;
}

export function readNdbBlobs(data: Buffer): { blobs: Buffer[]; errors: string[] } {
  if (!isNdb(data)) throw new NdbError('not an rpm ndb database (bad magic)');
  const version = data.readUInt32LE(4);
  if (version !== 0) throw new NdbError(`unsupported ndb version ${version}`);
  const slotPages = data.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE > data.length) throw new NdbError(`bad slot page count ${slotPages}`);
  const blobs: Buffer[] = [];
  const errors: string[] = [];
  const slots = (slotPages * PAGE) / 16 - 2;
  for (let i = 0; i < slots; i++) {
    const at = 32 + i * 16;
    if (data.readUInt32LE(at) !== SLOT_MAGIC) {
      errors.push(`slot ${i} has a bad magic`);
      continue;
    }
    const pkgIndex = data.readUInt32LE(at + 4);
    if (pkgIndex === 0) continue; // a free slot
    const offset = data.readUInt32LE(at + 8) * BLOCK;
    if (offset + 16 > data.length) {
      errors.push(`slot ${i}: blob offset ${offset} is past the end`);
      continue;
    }
    if (data.readUInt32LE(offset) !== BLOB_MAGIC || data.readUInt32LE(offset + 4) !== pkgIndex) {
      errors.push(`slot ${i}: no blob for package ${pkgIndex} at offset ${offset}`);
      continue;
    }
    const len = data.readUInt32LE(offset + 12);
    if (offset + 16 + len > data.length) {
      errors.push(`slot ${i}: blob of ${len} bytes is truncated`);
      continue;
    }
    blobs.push(data.subarray(offset + 16, offset + 16 + len));
  }
  return { blobs, errors };
}
