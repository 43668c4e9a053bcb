/**
 * Reads the values of a Berkeley DB hash database (rpm ≤ 4.15's `/var/lib/rpm/Packages`): every value on the
 * hash pages, whether stored on the page (H_KEYDATA) or on a chain of overflow pages (H_OFFPAGE). Read-only,
 * in memory, both byte orders.
 */
const HASH_MAGIC = 0x061561;
const P_HASH = 13;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
const PAGE_HEADER = 26;

export class BdbError extends Error {
  override name = 'BdbError';
}

export function isBerkeleyHash(data: Buffer): boolean {
  return data.length >= 512 && (data.readUInt32LE(12) === HASH_MAGIC || data.readUInt32BE(12) === HASH_MAGIC);
}

export function readBdbHashValues(data: Buffer): Buffer[] {
  if (!isBerkeleyHash(data)) throw new BdbError('not a Berkeley DB hash database (bad magic)');
  const le = data.readUInt32LE(12) === HASH_MAGIC;
  const u32 = (at: number): number => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const u16 = (at: number): number => (le ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw new BdbError(`bad page size ${pageSize}`);
  const lastPage = u32(32);
  const pages = Math.min(lastPage + 1, Math.floor(data.length / pageSize));
  if (pages < lastPage + 1) throw new BdbError(`truncated: the metadata page says ${lastPage + 1} pages, the file holds ${pages}`);

  const overflow = (first: number, total: number): Buffer => {
    const out = Buffer.allocUnsafe(total);
    let filled = 0;
    let pgno = first;
    let hops = 0;
    while (filled < total) {
      if (pgno === 0 || pgno >= pages || ++hops > pages) throw new BdbError(`broken overflow chain at page ${pgno}`);
      const base = pgno * pageSize;
      if (data[base + 25] !== P_OVERFLOW) throw new BdbError(`page ${pgno} is not an overflow page`);
      const len = u16(base + 22); // hf_offset holds the byte count on overflow pages
      const take = Math.min(len, total - filled, pageSize - PAGE_HEADER);
      data.copy(out, filled, base + PAGE_HEADER, base + PAGE_HEADER + take);
      filled += take;
      pgno = u32(base + 16);
      if (take === 0) throw new BdbError(`empty overflow page ${pgno}`);
    }
    return out;
  };

  const values: Buffer[] = [];
  for (let pgno = 1; pgno < pages; pgno++) {
    const base = pgno * pageSize;
    const type = data[base + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = u16(base + 20);
    if (PAGE_HEADER + entries * 2 > pageSize) throw new BdbError(`page ${pgno} claims ${entries} entries`);
    // Entries alternate key, value; each index slot is an offset within the page, items packed from the end.
    for (let i = 1; i < entries; i += 2) {
      const offset = u16(base + PAGE_HEADER + i * 2);
      const prev = u16(base + PAGE_HEADER + (i - 1) * 2);
      if (offset >= pageSize) throw new BdbError(`page ${pgno}: item offset ${offset} is past the page`);
      const itemType = data[base + offset];
      if (itemType === H_OFFPAGE) {
        const first = u32(base + offset + 4);
        const total = u32(base + offset + 8);
        values.push(overflow(first, total));
      } else if (itemType === H_KEYDATA) {
        const end = Math.min(prev, pageSize);
        if (end <= offset) throw new BdbError(`page ${pgno}: bad item bounds`);
        values.push(Buffer.from(data.subarray(base + offset + 1, base + end)));
      }
    }
  }
  return values;
}
