/**
 * The page-writing SQLite engine: Node's built-in `node:sqlite` (DatabaseSync, unflagged from Node 22.13 and 23.4).
 * A commit writes the pages it changed to the write-ahead log and fsyncs it; the database file is never rewritten.
 *
 * - `journal_mode = WAL`: readers (another `serve`, `serve token create`) read while a writer writes, and a commit
 *   appends pages to `<file>-wal`, checkpointed into the file by SQLite (every 1000 pages, and when the last
 *   connection closes).
 * - `synchronous = FULL`: the log is fsynced at every commit. The store's contract is that a write is durable when its
 *   promise resolves, and a pipeline drops its spooled push once the store acknowledged it; NORMAL would only fsync at
 *   checkpoints, so an acknowledged push could be lost on power failure (never corrupt, but lost). FULL costs one fsync
 *   of the log per commit, which sql.js paid too, for a whole-file write.
 * - busy: `busy_timeout` makes a statement wait (briefly, synchronously) for another connection's lock; past it, the
 *   statement is retried asynchronously, so a writer in this process (a transaction awaiting between statements) can
 *   finish, for up to BUSY_WAIT_MS before the store answers with an error.
 * - transactions start with `BEGIN IMMEDIATE`: the write lock is taken first, so two writers never deadlock upgrading.
 *
 * The module is loaded through `process.getBuiltinModule` when first needed, so a Node without it never loads it and
 * the bundles (ncc) see no import of it.
 */

import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Row, SqlDb, SqlExecutor } from './db.js';
import { SerialQueue, sqliteTransaction } from './sqlite-transaction.js';

/** The part of `node:sqlite` used here (the project's @types/node is Node 20's, which has no node:sqlite). */
interface StatementSyncLike {
  all(params: Record<string, SqlValue>): Row[];
  setAllowUnknownNamedParameters?(enabled: boolean): void;
}
interface DatabaseSyncLike {
  exec(sql: string): void;
  prepare(sql: string): StatementSyncLike;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string, options?: { open?: boolean; enableForeignKeyConstraints?: boolean }) => DatabaseSyncLike;
}
type SqlValue = null | number | bigint | string | Uint8Array;

/** `busy_timeout`: how long one statement waits synchronously for another connection's lock. */
export const BUSY_TIMEOUT_MS = 100;
/** How long a statement keeps trying (asynchronously, after BUSY_TIMEOUT_MS) before it fails. */
export const BUSY_WAIT_MS = 15_000;
const STATEMENT_CACHE = 256;

/** Node versions whose `node:sqlite` needs no flag: 22.13+, 23.4+, 24+. */
export function nodeHasSqlite(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 4) || (major === 22 && minor >= 13);
}

let loaded: NodeSqliteModule | undefined;

/** `node:sqlite`, or undefined when this Node lacks it. Node 22 prints an ExperimentalWarning on first load: kept quiet. */
export function loadNodeSqlite(): NodeSqliteModule | undefined {
  if (loaded) return loaded;
  if (!nodeHasSqlite()) return undefined;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/i.test(text)) return;
    (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const mod = (process.getBuiltinModule as (id: string) => unknown)('node:sqlite') as NodeSqliteModule | undefined;
    loaded = mod && typeof mod.DatabaseSync === 'function' ? mod : undefined;
  } catch {
    loaded = undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}

/** The store's `$1…` parameters as named values; integers bound as integers (a JS number alone binds as a double). */
function bindable(params: readonly unknown[], names: readonly number[]): Record<string, SqlValue> {
  const out: Record<string, SqlValue> = {};
  for (const n of names) {
    const v = params[n - 1];
    let b: SqlValue;
    if (v === undefined || v === null) b = null;
    else if (typeof v === 'boolean') b = v ? 1n : 0n;
    else if (typeof v === 'number') b = Number.isSafeInteger(v) ? BigInt(v) : v;
    else if (typeof v === 'bigint' || typeof v === 'string' || v instanceof Uint8Array) b = v;
    else b = JSON.stringify(v);
    out[`$${n}`] = b;
  }
  return out;
}

function isBusy(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number };
  return e?.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number' && ((e.errcode & 0xff) === 5 || (e.errcode & 0xff) === 6);
}

interface Prepared {
  stmt: StatementSyncLike;
  names: number[];
}

class NodeSqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  readonly engine = 'node:sqlite' as const;
  readonly #serial: SerialQueue;
  #statements = new Map<string, Prepared>();

  constructor(
    readonly label: string,
    private readonly db: DatabaseSyncLike,
  ) {
    this.#serial = new SerialQueue(label);
  }

  #prepare(sql: string): Prepared {
    let p = this.#statements.get(sql);
    if (p) {
      // Most recently used last, so the oldest goes first when the cache is full.
      this.#statements.delete(sql);
      this.#statements.set(sql, p);
      return p;
    }
    const stmt = this.db.prepare(sql);
    stmt.setAllowUnknownNamedParameters?.(true);
    const names = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))];
    p = { stmt, names };
    this.#statements.set(sql, p);
    if (this.#statements.size > STATEMENT_CACHE) this.#statements.delete(this.#statements.keys().next().value!);
    return p;
  }

  #run<T extends Row>(sql: string, params: readonly unknown[]): T[] {
    const { stmt, names } = this.#prepare(sql);
    // Plain objects (node:sqlite's rows have a null prototype).
    return stmt.all(bindable(params, names)).map((r) => ({ ...r }) as T);
  }

  /** Runs `fn`, retrying it while another connection holds the lock, for up to BUSY_WAIT_MS. */
  async #whenFree<T>(fn: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_WAIT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        return fn();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() > deadline) {
          throw new Error(`${this.label} stayed locked by another connection for ${BUSY_WAIT_MS / 1000} s: ${getErrorMessage(error)}`, { cause: error });
        }
        await sleep(pause);
      }
    }
  }

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    // Outside a transaction each statement is its own transaction: with synchronous=FULL, durable on return.
    return this.#serial.run(() => this.#whenFree(() => this.#run<T>(sql, params)));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const conn = { exec: (sql: string) => this.db.exec(sql), run: <R extends Row>(sql: string, params: readonly unknown[]) => this.#run<R>(sql, params) };
    return this.#serial.run(() => sqliteTransaction(conn, fn, { begin: () => this.#whenFree(() => this.db.exec('BEGIN IMMEDIATE')) }));
  }

  close(): Promise<void> {
    return this.#serial.close(() => {
      this.#statements.clear();
      this.db.close();
    });
  }
}

/** Opens (or creates) the SQLite file with node:sqlite; without a path, an in-memory database. */
export async function openNodeSqlite(path: string | undefined): Promise<SqlDb> {
  const mod = loadNodeSqlite();
  if (!mod) throw new ConfigurationError(`node:sqlite is not available on Node ${process.version} (it needs Node >= 22.13)`);
  let db: DatabaseSyncLike | undefined;
  try {
    if (path) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // The store holds token hashes and every pushed report: its owner's only. SQLite gives `-wal` and `-shm` the
      // main file's mode, so creating it 0600 (an empty file is an empty database) covers all three.
      if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    }
    db = new mod.DatabaseSync(path ?? ':memory:');
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const conn = db;
    const pragma = (sql: string) => untilFree(() => conn.prepare(sql).all({}));
    // Switching to WAL needs the file to itself for a moment; another connection already in WAL makes it a no-op.
    if (path) await pragma('PRAGMA journal_mode = WAL');
    await pragma('PRAGMA synchronous = FULL');
    await pragma('PRAGMA foreign_keys = ON');
    await pragma('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    try {
      db?.close();
    } catch {
      // not open
    }
    throw new ConfigurationError(`cannot open the SQLite store ${path ?? ':memory:'}: ${getErrorMessage(error)}`, { cause: error });
  }
  return new NodeSqliteDb(path ?? ':memory:', db);
}

/** At open time: wait (up to BUSY_WAIT_MS) for a lock held by another connection. */
async function untilFree<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}
