/**
 * The fallback SQLite engine, for a Node without `node:sqlite` (Node 20, < 22.13): sql.js (WASM, no native addon).
 * The whole database is in memory and written to its file after every committed transaction (write a temp file,
 * fsync, rename), so what a request acknowledged survives a crash, at the cost of rewriting the whole file per commit.
 * Writers take a lock file; operations are serialised. The page-writing engine is ./sqlite-node.ts.
 *
 * Memory: the database is held whole in JS arrays (sql.js's in-memory file system, grown by 1/8 when full) and each
 * commit exports a second whole copy to write (sql.js has no other way out of its files), so a commit needs about
 * twice the file's size, plus ~50 MB for sql.js itself (its code, a 25 MB WASM heap), and exported copies wait for
 * V8's collector. The file grows with the evaluations kept (about 2.8 KB per pushed evaluation and 7 KB per
 * re-evaluation, with its summary and difference): 99 MB at 10,000 images re-evaluated once, and a re-evaluation's
 * peak RSS comes while writing it. bench/store-sqlite.ts measures this.
 */

import { mkdirSync, openSync, closeSync, fsyncSync, renameSync, writeSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Row, SqlDb, SqlExecutor } from './db.js';
import { SerialQueue, sqliteTransaction } from './sqlite-transaction.js';

let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  // The inline build carries its WASM inside the JS file, so the bundle needs no side file. It is loaded on first use.
  // Its Node branch sets `module.exports` after undefining `module`, relying on a `typeof module` test that bundlers
  // (ncc/webpack) rewrite to `true`; so it is initialised through its non-Node branch, which it picks when
  // `process.type` is "renderer", and which needs nothing but the inlined bytes and globalThis.crypto.
  sqlJs ??= import('sql.js/dist/sql-wasm-inline.js').then(async (m) => {
    const proc = process as NodeJS.Process & { type?: string };
    const had = Object.prototype.hasOwnProperty.call(proc, 'type');
    const previous = proc.type;
    proc.type = 'renderer';
    try {
      return await m.default();
    } finally {
      if (had) proc.type = previous;
      else delete proc.type;
    }
  });
  return sqlJs;
}

function bindable(params: readonly unknown[]): Record<string, string | number | null | Uint8Array> {
  const out: Record<string, string | number | null | Uint8Array> = {};
  params.forEach((v, i) => {
    let b: string | number | null | Uint8Array;
    if (v === undefined || v === null) b = null;
    else if (typeof v === 'boolean') b = v ? 1 : 0;
    else if (typeof v === 'bigint') b = Number(v);
    else if (typeof v === 'string' || typeof v === 'number' || v instanceof Uint8Array) b = v;
    else b = JSON.stringify(v);
    out[`$${i + 1}`] = b;
  });
  return out;
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  readonly #serial: SerialQueue;
  /** What the file was when this process last read or wrote it (inode, size, mtime). */
  #stamp: string | undefined;

  constructor(
    readonly label: string,
    private readonly SQL: SqlJsStatic,
    private db: Database,
    readonly path: string | undefined,
  ) {
    this.#serial = new SerialQueue(label);
    this.#stamp = this.#currentStamp();
  }

  #currentStamp(): string | undefined {
    if (!this.path) return undefined;
    try {
      const st = statSync(this.path);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** Another process (`portcullis serve token create` while the store runs) may have written the file: reload it. */
  #refresh(): void {
    const stamp = this.#currentStamp();
    if (!this.path || stamp === undefined || stamp === this.#stamp) return;
    const fresh = new this.SQL.Database(readForSqlJs(this.path));
    this.db.close();
    this.db = fresh;
    this.db.exec('PRAGMA foreign_keys = ON');
    this.#stamp = stamp;
  }

  /** An exclusive lock file around each write, so two processes never write from stale copies. */
  async #locked<T>(fn: () => T | Promise<T>): Promise<T> {
    if (!this.path) return fn();
    const lock = `${this.path}.lock`;
    for (let i = 0; ; i++) {
      try {
        const fd = openSync(lock, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!lockHolderAlive(lock)) {
          rmSync(lock, { force: true });
          continue;
        }
        if (i > 500) throw new ConfigurationError(`${lock} is held by a running process; is another portcullis writing this store?`);
        await sleep(20);
      }
    }
    try {
      this.#refresh();
      return await fn();
    } finally {
      rmSync(lock, { force: true });
    }
  }

  #run<T extends Row>(sql: string, params: readonly unknown[]): T[] {
    const stmt = this.db.prepare(sql);
    try {
      if (params.length) stmt.bind(bindable(params));
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  #persist(): void {
    if (!this.path) return;
    const data = this.db.export();
    const tmp = `${this.path}.tmp`;
    // The store holds token hashes and every pushed report: readable by its owner only (0600, in a 0700 directory).
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
    this.#stamp = this.#currentStamp();
  }

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (/^\s*select\b/i.test(sql)) {
      return this.#serial.run(() => {
        this.#refresh();
        return this.#run<T>(sql, params);
      });
    }
    // A write outside a transaction is durable on return too.
    return this.#serial.run(() =>
      this.#locked(() => {
        const rows = this.#run<T>(sql, params);
        if (this.db.getRowsModified() > 0) this.#persist();
        return rows;
      }),
    );
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // `this.db` is read at each call: #refresh (inside #locked) may have replaced it with the file's newer copy.
    const conn = { exec: (sql: string) => this.db.exec(sql), run: <R extends Row>(sql: string, params: readonly unknown[]) => this.#run<R>(sql, params) };
    return this.#serial.run(() => this.#locked(() => sqliteTransaction(conn, fn, { afterCommit: () => this.#persist() })));
  }

  close(): Promise<void> {
    return this.#serial.close(() => this.db.close());
  }
}

function lockHolderAlive(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return true; // gone or being replaced: try again
  }
  if (text === '') {
    // Created, its pid not yet written: alive unless it has stayed empty for long.
    try {
      return Date.now() - statSync(lock).mtimeMs < 5000;
    } catch {
      return true;
    }
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The file's bytes for sql.js. A file last written by node:sqlite is in WAL mode (header bytes 18 and 19 are 2); with
 * its log checkpointed (node:sqlite does that when the last connection closes) the main file holds everything, and
 * setting those bytes to 1 (rollback journal) is what `PRAGMA journal_mode = DELETE` would do. A non-empty `-wal`
 * holds committed pages the main file lacks: refused, rather than reading an old state and overwriting the new one.
 */
function readForSqlJs(path: string): Uint8Array {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new Error(
      `${wal} holds commits of the page-writing engine (node:sqlite) that sql.js cannot read: stop the process that has the store open, or open it with Node >= 22.13`,
    );
  }
  const bytes = readFileSync(path);
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}

/** Opens (or creates) the SQLite file with sql.js; without a path, an in-memory database. */
export async function openSqlJs(path: string | undefined): Promise<SqlDb> {
  const SQL = await loadSqlJs();
  let db: Database;
  try {
    if (path) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    db = path && existsSync(path) ? new SQL.Database(readForSqlJs(path)) : new SQL.Database();
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    throw new ConfigurationError(`cannot open the SQLite store ${path ?? ':memory:'}: ${getErrorMessage(error)}`, { cause: error });
  }
  return new SqliteDb(path ?? ':memory:', SQL, db, path);
}
