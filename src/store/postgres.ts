/** PostgreSQL through `pg` (pure JS). */

import pg from 'pg';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import { redactUrl } from '../common/http.js';
import type { Row, SqlDb, SqlExecutor } from './db.js';

/** The URL without its user info: the credentials never reach a message or the startup line. */
function redact(url: string): string {
  try {
    return redactUrl(url);
  } catch {
    return 'postgres';
  }
}

/** Each PostgreSQL store's connection URL, for the job queue (pg-boss) to open its own pool on; never in a message. */
const URLS = new WeakMap<SqlDb, string>();

/** The connection URL `db` was opened with (a PostgreSQL store), or undefined. */
export function postgresUrlOf(db: SqlDb): string | undefined {
  return URLS.get(db);
}

class PostgresDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  constructor(
    readonly label: string,
    readonly pool: pg.Pool,
  ) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params as unknown[]);
    return res.rows as T[];
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        dialect: 'postgres',
        query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as R[],
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export async function openPostgres(url: string): Promise<SqlDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new ConfigurationError(`cannot connect to PostgreSQL ${redact(url)}: ${getErrorMessage(error)}`, { cause: error });
  }
  const db = new PostgresDb(redact(url), pool);
  URLS.set(db, url);
  return db;
}
