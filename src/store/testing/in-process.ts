/** An in-process store on loopback, for tests: SQLite in memory (or a file), files in a temp dir. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDb } from '../db.js';
import { DirectoryFileStore } from '../files.js';
import { migrate } from '../migrations.js';
import { buildStoreServer, type StoreServerOptions } from '../server.js';
import { openSqlite } from '../sqlite.js';
import { createToken } from '../tokens.js';

export interface TestStore {
  url: string;
  dir: string;
  db: SqlDb;
  tokens: { push: string; read: string; both: string };
  close(): Promise<void>;
}

export async function startTestStore(options: Partial<StoreServerOptions> = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-test-store-'));
  const db = await openSqlite(undefined);
  await migrate(db);
  const tokens = {
    push: (await createToken(db, 'push', ['push'])).token,
    read: (await createToken(db, 'read', ['read'])).token,
    both: (await createToken(db, 'both', ['push', 'read'])).token,
  };
  const app = await buildStoreServer({ db, files: new DirectoryFileStore(join(dir, 'files')), ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url,
    dir,
    db,
    tokens,
    async close() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
