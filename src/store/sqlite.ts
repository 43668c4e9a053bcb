/**
 * The store's SQLite: one SQL dialect, one file format and the same migrations on two engines.
 * - Node >= 22.13 (24 recommended; the Action and the container image run 24): `node:sqlite`, which writes pages
 *   (WAL, synchronous=FULL, busy waits), ./sqlite-node.ts.
 * - An older Node (the scanning CLI still supports 20.18): sql.js, which rewrites the whole file on every commit,
 *   ./sqlite-sql-js.ts, with one warning line per process saying so.
 * A file written by either opens with the other (sql.js refuses only a file whose `-wal` still holds commits).
 */

import type { Logger } from '../common/logger.js';
import type { SqlDb } from './db.js';
import { loadNodeSqlite, openNodeSqlite } from './sqlite-node.js';
import { openSqlJs } from './sqlite-sql-js.js';

export type SqliteEngine = 'node:sqlite' | 'sql.js';

export interface OpenSqliteOptions {
  /** Force an engine (tests, the benchmark). Default: node:sqlite when this Node has it, else sql.js. */
  engine?: SqliteEngine;
  /** Where the fallback warning goes (`serve` gives its logger); without one, no warning (one-shot commands, tests). */
  logger?: Pick<Logger, 'warning'>;
}

/** The engine `openSqlite` picks on this Node. */
export function defaultSqliteEngine(): SqliteEngine {
  return loadNodeSqlite() ? 'node:sqlite' : 'sql.js';
}

export const SQL_JS_FALLBACK_WARNING =
  `Node ${process.version} has no node:sqlite, so the SQLite store runs on sql.js, which rewrites the whole database file on every commit; ` +
  'Node >= 22.13 (24 recommended) is needed for the page-writing engine';

let warned = false;

/** Opens (or creates) the SQLite file; without a path, an in-memory database. */
export async function openSqlite(path: string | undefined, options: OpenSqliteOptions = {}): Promise<SqlDb> {
  const engine = options.engine ?? defaultSqliteEngine();
  if (engine === 'node:sqlite') return openNodeSqlite(path);
  if (path && !options.engine && !warned && options.logger) {
    warned = true;
    options.logger.warning(SQL_JS_FALLBACK_WARNING);
  }
  return openSqlJs(path);
}
