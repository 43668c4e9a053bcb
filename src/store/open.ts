/** Opens the store's database (SQLite file by default, PostgreSQL for a postgres:// URL) and its file directory. */

import { join, resolve } from 'node:path';
import type { Logger } from '../common/logger.js';
import type { SqlDb } from './db.js';
import { DirectoryFileStore, type FileStore } from './files.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import { parseS3Url, S3FileStore, type S3Options } from './s3-files.js';
import { openSqlite } from './sqlite.js';

export interface StoreLocation {
  /** `postgres://…` / `postgresql://…`, or a SQLite file path. Default: `<dataDir>/store.sqlite`. */
  database?: string;
  /** Where files go: a directory, or `s3://bucket/prefix`. Default: `<dataDir>/files`. */
  filesDir?: string;
  s3?: S3Options;
  dataDir: string;
  /** Gets the one startup warning of a SQLite store on a Node without node:sqlite (stderr by default). */
  logger?: Pick<Logger, 'warning'>;
}

export async function openDatabase(location: StoreLocation): Promise<SqlDb> {
  const url = location.database ?? join(location.dataDir, 'store.sqlite');
  const db = /^postgres(ql)?:\/\//.test(url) ? await openPostgres(url) : await openSqlite(resolve(url), location.logger ? { logger: location.logger } : {});
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export async function openStore(location: StoreLocation): Promise<{ db: SqlDb; files: FileStore }> {
  const db = await openDatabase(location);
  const files = location.filesDir?.startsWith('s3://')
    ? new S3FileStore(parseS3Url(location.filesDir), location.s3)
    : new DirectoryFileStore(location.filesDir ?? join(location.dataDir, 'files'));
  return { db, files };
}
