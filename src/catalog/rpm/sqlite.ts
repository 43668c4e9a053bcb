/**
 * A minimal read-only SQLite reader: enough to walk a table b-tree (rpm ≥ 4.16's `rpmdb.sqlite`, table
 * `Packages(hnum INTEGER PRIMARY KEY, blob BLOB)`). It reads the database file only; a `-wal` file's
 * uncheckpointed pages are not applied.
 */
export class SqliteError extends Error {
  override name = 'SqliteError';
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type SqlValue = null | number | bigint | string | Buffer;

export function isSqlite(data: Buffer): boolean {
  return data.length >= 100 && data.subarray(0, 16).equals(MAGIC);
}

export class SqliteFile {
  readonly pageSize: number;
  readonly #usable: number;
  readonly #pages: number;

  constructor(private readonly data: Buffer) {
    if (!isSqlite(data)) throw new SqliteError('not an SQLite 3 database (bad header)');
    const raw = data.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) throw new SqliteError(`bad page size ${raw}`);
    this.#usable = this.pageSize - data[20]!;
    // The file format requires at least 480 usable bytes a page (https://www.sqlite.org/fileformat.html, 1.3.4).
    if (this.#usable < 480) throw new SqliteError(`bad reserved space ${data[20]} for page size ${this.pageSize}`);
    this.#pages = Math.floor(data.length / this.pageSize);
    if (data.readUInt32BE(56) > 1) throw new SqliteError('only UTF-8 databases are read');
  }

  /** The root page of a table, from sqlite_schema. */
  tableRoot(name: string): number | undefined {
    for (const { values } of this.rows(1)) {
      if (values[0] === 'table' && typeof values[1] === 'string' && values[1].toLowerCase() === name.toLowerCase()) {
        const root = values[3];
        return typeof root === 'number' ? root : typeof root === 'bigint' ? Number(root) : undefined;
      }
    }
    return undefined;
  }

  /** Every row of the table b-tree rooted at `root`, in rowid order. */
  *rows(root: number): Generator<{ rowid: number; values: SqlValue[] }> {
    const stack: number[] = [root];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const pgno = stack.pop()!;
      if (seen.has(pgno)) throw new SqliteError(`b-tree loop at page ${pgno}`);
      seen.add(pgno);
      const page = this.#page(pgno);
      const h = pgno === 1 ? 100 : 0;
      const type = page[h];
      const cells = page.readUInt16BE(h + 3);
      const cellArray = h + (type === 0x05 ? 12 : 8);
      if (cellArray + cells * 2 > page.length) throw new SqliteError(`corrupt sqlite page ${pgno}: ${cells} cell pointers do not fit in the ${page.length}-byte page`);
      if (type === 0x05) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++) children.push(u32(page, pgno, u16(page, pgno, h + 12 + i * 2, `cell pointer ${i}`), `cell ${i}`));
        children.push(page.readUInt32BE(h + 8));
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      } else if (type === 0x0d) {
        for (let i = 0; i < cells; i++) {
          let at = u16(page, pgno, h + 8 + i * 2, `cell pointer ${i}`);
          const [payloadSize, n1] = cellVarint(page, pgno, at, i);
          at += n1;
          const [rowid, n2] = cellVarint(page, pgno, at, i);
          at += n2;
          yield { rowid: Number(rowid), values: decodeRecord(this.#payload(page, pgno, at, payloadSize)) };
        }
      } else {
        throw new SqliteError(`page ${pgno} is not a table b-tree page (type ${type})`);
      }
    }
  }

  #page(pgno: number): Buffer {
    if (pgno < 1 || pgno > this.#pages) throw new SqliteError(`page ${pgno} is outside the ${this.#pages}-page file`);
    return this.data.subarray((pgno - 1) * this.pageSize, pgno * this.pageSize);
  }

  #payload(page: Buffer, pgno: number, at: number, rawSize: bigint): Buffer {
    // A payload cannot be larger than the file that holds it: a bigger size is corruption, not an allocation.
    if (rawSize > BigInt(this.data.length)) throw new SqliteError(`corrupt sqlite page ${pgno}: payload size ${rawSize} exceeds the file`);
    const size = Number(rawSize);
    const u = this.#usable;
    const x = u - 35;
    if (size <= x) {
      if (at + size > page.length) throw new SqliteError(`corrupt sqlite page ${pgno}: payload at offset ${at} runs past the page`);
      return page.subarray(at, at + size);
    }
    const m = Math.floor(((u - 12) * 32) / 255) - 23;
    const k = m + ((size - m) % (u - 4));
    const local = k <= x ? k : m;
    const next0 = u32(page, pgno, at + local, 'overflow page number');
    const out = Buffer.allocUnsafe(size);
    page.copy(out, 0, at, at + local);
    let filled = local;
    let next = next0;
    let hops = 0;
    while (filled < size) {
      if (next === 0 || ++hops > this.#pages) throw new SqliteError('broken overflow chain');
      const ov = this.#page(next);
      const take = Math.min(u - 4, size - filled);
      ov.copy(out, filled, 4, 4 + take);
      filled += take;
      next = ov.readUInt32BE(0);
    }
    return out;
  }
}

/** A big-endian 16-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u16(page: Buffer, pgno: number, at: number, what: string): number {
  if (at + 2 > page.length) throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
  return page.readUInt16BE(at);
}

/** A big-endian 32-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u32(page: Buffer, pgno: number, at: number, what: string): number {
  if (at + 4 > page.length) throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
  return page.readUInt32BE(at);
}

function cellVarint(page: Buffer, pgno: number, at: number, cell: number): [bigint, number] {
  if (at >= page.length) throw new SqliteError(`corrupt sqlite page ${pgno}: cell ${cell} at offset ${at} is past the ${page.length}-byte page`);
  return varint(page, at);
}

function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    const byte = buf[at + i];
    if (byte === undefined) throw new SqliteError('truncated varint');
    if (i === 8) return [(value << 8n) | BigInt(byte), 9];
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [value, 9];
}

function decodeRecord(payload: Buffer): SqlValue[] {
  const [headerSize, n] = varint(payload, 0);
  const types: number[] = [];
  let at = n;
  while (at < Number(headerSize)) {
    const [t, m] = varint(payload, at);
    types.push(Number(t));
    at += m;
  }
  const values: SqlValue[] = [];
  let body = Number(headerSize);
  for (const t of types) {
    if (t === 0) values.push(null);
    else if (t >= 1 && t <= 6) {
      const len = [0, 1, 2, 3, 4, 6, 8][t]!;
      if (body + len > payload.length) throw new SqliteError('record overruns its payload');
      values.push(len <= 6 ? payload.readIntBE(body, len) : payload.readBigInt64BE(body));
      body += len;
    } else if (t === 7) {
      if (body + 8 > payload.length) throw new SqliteError('record overruns its payload');
      values.push(payload.readDoubleBE(body));
      body += 8;
    } else if (t === 8 || t === 9) values.push(t - 8);
    else if (t >= 12) {
      const len = Math.floor((t - 12) / 2);
      if (body + len > payload.length) throw new SqliteError('record overruns its payload');
      const bytes = payload.subarray(body, body + len);
      values.push(t % 2 === 0 ? bytes : bytes.toString('utf8'));
      body += len;
    } else throw new SqliteError(`reserved serial type ${t}`);
  }
  return values;
}
