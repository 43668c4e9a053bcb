/**
 * A store server in its own process, for tests that kill it (SIGKILL) mid-work and start another on the same
 * database, and for replicas (several of them over one PostgreSQL and one S3 bucket):
 * `node --import tsx serve-child.ts '<json options>'`. Prints `LISTENING <port>` once it listens.
 */

import { join } from 'node:path';
import type { Logger } from '../../common/logger.js';
import { openStore } from '../open.js';
import { buildStoreServer, type StoreServerOptions } from '../server.js';

interface ChildOptions {
  dataDir: string;
  database?: string;
  /** `s3://bucket/prefix` (with `s3Endpoint`), else `<dataDir>/files`. */
  filesDir?: string;
  s3Endpoint?: string;
  data?: StoreServerOptions['data'];
  notifications?: StoreServerOptions['notifications'];
  jobs?: StoreServerOptions['jobs'];
  watch?: StoreServerOptions['watch'];
  policyPollMs?: number;
}

/** The store's log lines on stderr (tests read which replica ran which job). */
const logger: Logger = {
  debug: () => undefined,
  info: (m) => void process.stderr.write(`info: ${m}\n`),
  warning: (m) => void process.stderr.write(`warning: ${m}\n`),
  error: (m) => void process.stderr.write(`error: ${m}\n`),
};

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const { db, files } = await openStore({
  dataDir: options.dataDir,
  ...(options.database ? { database: options.database } : {}),
  filesDir: options.filesDir ?? join(options.dataDir, 'files'),
  ...(options.s3Endpoint ? { s3: { endpoint: options.s3Endpoint } } : {}),
});
const app = await buildStoreServer({
  db,
  files,
  logger,
  env: {},
  ...(options.data ? { data: options.data } : {}),
  ...(options.notifications !== undefined ? { notifications: options.notifications } : {}),
  ...(options.jobs ? { jobs: options.jobs } : {}),
  ...(options.watch !== undefined ? { watch: options.watch } : {}),
  ...(options.policyPollMs ? { policyPollMs: options.policyPollMs } : {}),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => process.exit(0));
});
