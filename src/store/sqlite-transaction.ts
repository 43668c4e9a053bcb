/**
 * What the two SQLite engines (./sqlite-node.ts, ./sqlite-sql-js.ts) share: one connection used by one operation at a
 * time, and the transaction around `SqlDb.transaction`'s callback (BEGIN, the statements, COMMIT, or ROLLBACK on any
 * error). Each engine says only how it begins (node:sqlite: `BEGIN IMMEDIATE`, waiting for another process's lock)
 * and what follows a commit (sql.js: writing the file).
 */

import type { Row, SqlExecutor } from './db.js';

/** One SQLite connection as the engines drive it: statements run synchronously. */
export interface SqliteConnection {
  exec(sql: string): void;
  run<T extends Row>(sql: string, params: readonly unknown[]): T[];
}

export interface TransactionSteps {
  /** Starts the transaction (default: `BEGIN`). */
  begin?: () => void | Promise<void>;
  /** After COMMIT, before the transaction's promise resolves (sql.js persists the file here). */
  afterCommit?: () => void;
}

/** Runs `fn` in one transaction on `conn`; the caller makes sure nothing else uses the connection meanwhile. */
export async function sqliteTransaction<T>(conn: SqliteConnection, fn: (tx: SqlExecutor) => Promise<T>, steps: TransactionSteps = {}): Promise<T> {
  await (steps.begin ? steps.begin() : conn.exec('BEGIN'));
  const tx: SqlExecutor = { dialect: 'sqlite', query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => conn.run<R>(sql, params) };
  try {
    const result = await fn(tx);
    conn.exec('COMMIT');
    steps.afterCommit?.();
    return result;
  } catch (error) {
    try {
      conn.exec('ROLLBACK');
    } catch {
      // the failed statement may already have ended it
    }
    throw error;
  }
}

/** Runs operations one at a time, in order; after `close()`, each further one fails with "LABEL is closed". */
export class SerialQueue {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(private readonly label: string) {}

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.#queue.then(() => {
      if (this.#closed) throw new Error(`${this.label} is closed`);
      return fn();
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Runs `fn` as the last operation: anything queued after it fails. */
  close<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.run(() => {
      this.#closed = true;
      return fn();
    });
  }
}
