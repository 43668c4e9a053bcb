/**
 * The store's SQL contract: one small interface over SQLite (sql.js, WASM, persisted to one file) and PostgreSQL
 * (`pg`). Statements use `$1…` placeholders, which both accept, and only SQL both speak.
 */

export type Row = Record<string, unknown>;

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where it lives, for messages (a file path, or the URL without its password). */
  readonly label: string;
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; it is durable when the promise resolves. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SqlExecutor = Pick<SqlDb, 'query' | 'dialect'>;
