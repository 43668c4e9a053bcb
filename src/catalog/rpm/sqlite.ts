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
      if (type === 0x05) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++) children.push(page.readUInt32BE(page.readUInt16BE(h + 12 + i * 2)));
        children.push(page.readUInt32BE(h + 8));
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      } else if (type === 0x0d) {
        for (let i = 0; i < cells; i++) {
          let at = page.readUInt16BE(h + 8 + i * 2);
          const [payloadSize, n1] = varint(page, at);
          at += n1;
          const [rowid, n2] = varint(page, at);
          at += n2;
          yield { rowid: Number(rowid), values: decodeRecord(this.#payload(page, at, Number(payloadSize))) };
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

  #payload(page: Buffer, at: number, size: number): Buffer {
    const u = this.#usable;
    const x = u - 35;
    if (size <= x) return page.subarray(at, at + size);
    const m = Math.floor(((u - 12) * 32) / 255) - 23;
    const k = m + ((size - m) % (u - 4));
    const local = k <= x ? k : m;
    const out = Buffer.allocUnsafe(size);
    page.copy(out, 0, at, at + local);
    let filled = local;
    let next = page.readUInt32BE(at + local);
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
