/**
 * A store server in its own process, for tests that kill it (SIGKILL) mid-work and start another on the same
 * database: `node --import tsx serve-child.ts '<json options>'`. Prints `LISTENING <port>` once it listens.
 */

import { join } from 'node:path';
import { openStore } from '../open.js';
import { buildStoreServer, type StoreServerOptions } from '../server.js';

interface ChildOptions {
  dataDir: string;
  database?: string;
  data?: StoreServerOptions['data'];
  notifications?: StoreServerOptions['notifications'];
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const { db, files } = await openStore({ dataDir: options.dataDir, ...(options.database ? { database: options.database } : {}), filesDir: join(options.dataDir, 'files') });
const app = await buildStoreServer({ db, files, env: {}, ...(options.data ? { data: options.data } : {}), ...(options.notifications !== undefined ? { notifications: options.notifications } : {}) });
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => process.exit(0));
});
