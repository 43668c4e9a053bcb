/**
 * Watch mode against a real Docker Distribution registry on loopback (images pushed with skopeo), on SQLite and on
 * PostgreSQL: a watched tag is analysed by the store itself (the scan pipeline, `registry:REF`), evaluated and
 * stored with the reason `watch`; an image pushed to the tag later is found within the watch's interval, and the
 * evaluation and a signed `tag_update` notification (received by a webhook receiver written here) follow. A watch
 * whose registry or repository fails records the error on the watch, and the server goes on. Watches persist.
 */

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NotificationPayload } from '../../src/notify/outbox.js';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import type { EvaluationRecord } from '../../src/store/repo.js';
import { buildStoreServer, type StoreServerOptions } from '../../src/store/server.js';
import { listenStore, lodashRecord, OsvBucket, seedFromBucket, SQL_BACKENDS, stopPostgres, storeApi, waitFor } from '../../src/store/testing/bucket.js';
import { createToken } from '../../src/store/tokens.js';
import type { WatchRecord } from '../../src/store/watch.js';
import { missingTools, skopeoPush, startRegistry, type RunningRegistry } from '../helpers/registry/real-services.js';
import { PROJECT_ROOT, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';

const SECRET = 'a-webhook-secret-of-32-characters!';
const INTERVAL_MS = 10_000;

interface Receipt {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A webhook receiver that records every request and answers 200. */
class Receiver {
  readonly receipts: Receipt[] = [];
  #server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.receipts.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        res.writeHead(200).end('ok');
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  payloads(): (NotificationPayload & { _receipt: Receipt })[] {
    return this.receipts.map((r) => ({ ...(JSON.parse(r.body) as NotificationPayload), _receipt: r }));
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }
}

const api = storeApi;

/** The manifest digests of the shared layout's images, by ref name. */
function layoutDigests(layout: string): Map<string, string> {
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  return new Map(index.manifests.map((m) => [m.annotations?.['org.opencontainers.image.ref.name'] ?? '', m.digest]));
}

const blocker = missingTools('docker-registry', 'skopeo');

afterAll(() => stopPostgres());

for (const backend of SQL_BACKENDS) {
  describeUnless(blocker ?? (backend.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)'), `registry watches (${backend.name})`, () => {
    const LAYOUT = sharedPath('fixtures/images/debian-fixtures.oci');
    let dir: string;
    let registry: RunningRegistry;
    let bucket: OsvBucket;
    let receiver: Receiver;
    let db: SqlDb;
    let app: FastifyInstance;
    let url: string;
    let options: StoreServerOptions;
    let repository: string;
    let digests: Map<string, string>;
    let watchId = '';
    const tokens = { read: '', admin: '' };

    const start = async () => {
      app = await buildStoreServer(options);
      url = await listenStore(app);
    };
    const evaluations = async () => ((await api(url, 'GET', `/v2/evaluations?repository=${encodeURIComponent(repository)}&tag=latest`, tokens.read)).json as EvaluationRecord[]) ?? [];
    const getWatch = async (id: string) => (await api(url, 'GET', `/v2/watches/${id}`, tokens.admin)).json as WatchRecord;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-watch-it-'));
      digests = layoutDigests(LAYOUT);
      registry = await startRegistry();
      repository = `${registry.addr}/watched/app`;
      await skopeoPush(LAYOUT, 'app-l3', `${repository}:latest`);
      await skopeoPush(LAYOUT, 'minbase', `${repository}:other`);
      bucket = new OsvBucket();
      bucket.setRecords([lodashRecord('GHSA-0000-old0-0001', '4.17.19')]);
      await bucket.start();
      await seedFromBucket(join(dir, 'vulndb'), bucket.url);
      receiver = new Receiver();
      await receiver.start();
      db = await openDatabase({ dataDir: dir, database: await backend.database(dir) });
      tokens.read = (await createToken(db, 'reader', ['read'])).token;
      tokens.admin = (await createToken(db, 'ops', ['admin'])).token;
      options = {
        db,
        files: new DirectoryFileStore(join(dir, 'files')),
        data: { cacheDir: join(dir, 'vulndb'), dbUrl: bucket.url },
        env: {},
        notifications: { pollMs: 50, baseBackoffMs: 100, maxBackoffMs: 400, leaseMs: 10_000, timeoutMs: 5000 },
        watch: { tickMs: 200, registry: { retries: 0, timeoutMs: 5000 } },
      };
      await start();
      const sub = await api(url, 'POST', '/v2/subscriptions', tokens.admin, {
        events: ['tag_update', 'analysis_update'],
        filter: { repository: '*/watched/app' },
        webhook: { url: `${receiver.url}/hook`, secret: SECRET },
      });
      expect(sub.status).toBe(201);
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      registry?.stop();
      await bucket?.stop();
      await receiver?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('refuses bad watches with one clear line, and needs the admin scope', async () => {
      const post = (body: unknown, token = tokens.admin) => api(url, 'POST', '/v2/watches', token, body);
      const good = { repository, tags: 'latest', interval: '5m' };
      expect((await post(good, '')).status).toBe(401);
      expect((await post(good, tokens.read)).status).toBe(403);
      expect((await api(url, 'GET', '/v2/watches', tokens.read)).status).toBe(403);
      expect((await post({ ...good, interval: '5s' })).json).toEqual({ code: 400, message: 'interval "5s" is under this store\'s minimum of 10 seconds' });
      expect((await post({ ...good, interval: 'soon' })).json).toEqual({ code: 400, message: 'interval "soon" is not an interval (e.g. 30s, 5m, 6h, 1d)' });
      expect((await post({ ...good, interval: '8d' })).json).toEqual({ code: 400, message: 'interval "8d" is over 7 days' });
      expect((await post({ tags: 'latest', interval: '5m' })).json).toEqual({ code: 400, message: 'repository is required: "registry/name"' });
      expect((await post({ ...good, repository: `${repository}:latest` })).json).toEqual({
        code: 400,
        message: `repository "${repository}:latest" must have neither a tag nor a digest (the tags go in "tags")`,
      });
      expect((await post({ ...good, repository: 'Bad/Name' })).json).toEqual({ code: 400, message: 'invalid image name "Bad/Name": repository names must be lowercase' });
      expect((await post({ ...good, tags: 'a b' })).json).toMatchObject({ code: 400, message: expect.stringMatching(/^tags "a b" may hold only tag characters/) });
      expect((await post({ ...good, tags: 'regexp:(' })).json).toMatchObject({ code: 400, message: expect.stringMatching(/^tags: Invalid regular expression/) });
      expect((await post({ ...good, every: '5m' })).json).toEqual({ code: 400, message: 'unknown field "every" (expected repository, tags, interval, policy)' });
      expect((await api(url, 'GET', '/v2/watches', tokens.admin)).json).toEqual([]);
    });

    it('analyses the watched tag, then finds an image pushed to it within the interval: evaluation and tag_update', async () => {
      const created = await api(url, 'POST', '/v2/watches', tokens.admin, { repository, tags: 'lat*', interval: '10s' });
      expect(created.status).toBe(201);
      const watch = created.json as WatchRecord;
      watchId = watch.id;
      expect(watch).toMatchObject({ repository, tags: 'lat*', interval: '10s', interval_ms: INTERVAL_MS, policy: null, last_polled_at: null, last_error: null, tag_state: [] });
      expect((await api(url, 'POST', '/v2/watches', tokens.admin, { repository, tags: 'lat*', interval: '1m' })).json).toMatchObject({ code: 409, id: watch.id });

      // The first poll (at once): the tag's image is analysed in the store; `other` does not match `lat*`.
      const first = await waitFor('the first watch evaluation', async () => (await evaluations())[0], 60_000);
      expect(first).toMatchObject({ image_digest: digests.get('app-l3'), repository, tag: 'latest', reason: 'watch', policy_name: 'bundled:default', previous_id: null });
      expect(['GO', 'WARN', 'STOP']).toContain(first.decision);
      expect(first.files.sbom).toBeTruthy();
      expect(first.bundle_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const report = (await api(url, 'GET', `/v2/evaluations/${first.id}/files/report`, tokens.read)).json as { image: { manifestDigest: string }; packages: unknown[] };
      expect(report.image.manifestDigest).toBe(digests.get('app-l3'));
      expect(report.packages.length).toBeGreaterThan(0);
      const polled = await waitFor('the poll recorded', async () => {
        const w = await getWatch(watch.id);
        return w.tag_state.length ? w : undefined;
      });
      expect(polled).toMatchObject({ last_error: null, tag_state: [{ tag: 'latest', digest: digests.get('app-l3'), evaluation_id: first.id }] });
      expect(polled.last_polled_at).not.toBeNull();
      const analysed = await waitFor('the analysis_update notification', async () => receiver.payloads().find((p) => p.event === 'analysis_update'));
      expect(analysed).toMatchObject({ image: { repository, tag: 'latest', manifest_digest: digests.get('app-l3') }, evaluation: { id: first.id, reason: 'watch', previous_id: null } });
      expect(receiver.payloads().filter((p) => p.event === 'tag_update')).toEqual([]);

      // A new image pushed to the watched tag: found by the next poll, within the interval (plus the analysis).
      const pushedAt = Date.now();
      await skopeoPush(LAYOUT, 'app', `${repository}:latest`);
      const second = await waitFor('the watch evaluation of the new image', async () => (await evaluations()).find((e) => e.image_digest === digests.get('app')), INTERVAL_MS + 30_000);
      const elapsed = Date.now() - pushedAt;
      expect(elapsed).toBeLessThan(INTERVAL_MS + 10_000);
      expect(second).toMatchObject({ repository, tag: 'latest', reason: 'watch', previous_id: first.id });
      expect(second.diff?.decision.before).toBe(first.decision);
      const moved = await waitFor('the tag_update notification', async () => receiver.payloads().find((p) => p.event === 'tag_update'));
      expect(moved._receipt.at - pushedAt).toBeLessThan(INTERVAL_MS + 10_000);
      expect(moved).toMatchObject({
        event: 'tag_update',
        image: { repository, tag: 'latest', manifest_digest: digests.get('app') },
        evaluation: { id: second.id, reason: 'watch', previous_id: first.id, previous_image_digest: digests.get('app-l3') },
        decision: { before: first.decision, after: second.decision },
      });
      expect(moved._receipt.headers['x-portcullis-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(moved._receipt.body).digest('hex')}`);
      // Delivery is at least once and unordered across events: the second analysis_update may arrive after tag_update.
      const analyses = await waitFor('both analysis_update notifications', async () => {
        const ids = receiver.payloads().filter((p) => p.event === 'analysis_update').map((p) => p.evaluation.id);
        return ids.length >= 2 ? ids : undefined;
      });
      expect(analyses).toEqual([first.id, second.id]);
      const after = await waitFor('the tag state updated', async () => {
        const w = await getWatch(watch.id);
        return w.tag_state[0]?.digest === digests.get('app') ? w : undefined;
      });
      expect(after.tag_state).toEqual([{ tag: 'latest', digest: digests.get('app'), evaluation_id: second.id, seen_at: expect.any(String) }]);
      // Polls go on; an unchanged tag is not analysed again.
      const seen = after.last_polled_at!;
      await waitFor('another poll', async () => ((await getWatch(watch.id)).last_polled_at !== seen ? true : undefined), INTERVAL_MS + 10_000);
      expect((await evaluations()).length).toBe(2);
    }, 120_000);

    it('a failing poll is recorded on the watch (last_error, last_polled_at) and the server goes on', async () => {
      const missing = (await api(url, 'POST', '/v2/watches', tokens.admin, { repository: `${registry.addr}/watched/absent`, tags: 'v1', interval: '10s' })).json as WatchRecord;
      const closed = (await api(url, 'POST', '/v2/watches', tokens.admin, { repository: '127.0.0.1:1/nobody/here', tags: '*', interval: '10s' })).json as WatchRecord;
      const failed = async (id: string) => {
        const w = await getWatch(id);
        return w.last_polled_at && w.last_error ? w : undefined;
      };
      const a = await waitFor('the missing tag recorded', () => failed(missing.id), 30_000);
      expect(a.last_error).toMatch(/^v1: manifest unknown: .*watched\/absent:v1 not found in registry 127\.0\.0\.1:\d+/);
      expect(a.tag_state).toEqual([]);
      const b = await waitFor('the unreachable registry recorded', () => failed(closed.id), 30_000);
      expect(b.last_error).toMatch(/^cannot reach registry 127\.0\.0\.1:1 \(repository nobody\/here\)/);
      expect(Date.parse(b.next_poll_at) - Date.parse(b.last_polled_at!)).toBe(INTERVAL_MS);
      expect((await api(url, 'GET', '/healthz', undefined)).json).toEqual({ status: 'ok' });
      for (const id of [missing.id, closed.id]) expect((await api(url, 'DELETE', `/v2/watches/${id}`, tokens.admin)).status).toBe(204);
      expect((await api(url, 'GET', `/v2/watches/${missing.id}`, tokens.admin)).status).toBe(404);
      expect((await api(url, 'DELETE', `/v2/watches/${missing.id}`, tokens.admin)).status).toBe(404);
    }, 60_000);

    it('watches persist across a restart, and a digest already analysed is not analysed again', async () => {
      await app.close();
      await start();
      const listed = (await api(url, 'GET', '/v2/watches', tokens.admin)).json as WatchRecord[];
      expect(listed.map((w) => w.id)).toEqual([watchId]);
      expect(listed[0]!.tag_state.map((t) => t.digest)).toEqual([digests.get('app')]);
      const seen = listed[0]!.last_polled_at;
      await waitFor('a poll after the restart', async () => ((await getWatch(watchId)).last_polled_at !== seen ? true : undefined), INTERVAL_MS + 10_000);
      expect((await getWatch(watchId)).last_error).toBeNull();
      expect((await evaluations()).length).toBe(2);
      expect((await api(url, 'DELETE', `/v2/watches/${watchId}`, tokens.admin)).status).toBe(204);
      expect((await api(url, 'GET', '/v2/watches', tokens.admin)).json).toEqual([]);
    }, 60_000);
  });
}


describeUnless(blocker, 'registry watches with credentials: serve --registry-credentials FILE (a registry with htpasswd)', () => {
  const LAYOUT = sharedPath('fixtures/images/debian-fixtures.oci');
  const CREDS = { user: 'watcher', pass: 'a-registry-password' };
  const CLI = join(PROJECT_ROOT, 'src/entrypoints/cli.ts');
  let dir: string;
  let registry: RunningRegistry;
  let repository: string;
  let child: ChildProcess | undefined;
  let admin = '';
  let read = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-watch-creds-it-'));
    registry = await startRegistry(CREDS);
    repository = `${registry.addr}/private/app`;
    await skopeoPush(LAYOUT, 'minbase', `${repository}:1`, CREDS);
    const bucket = new OsvBucket();
    bucket.setRecords([lodashRecord('GHSA-0000-old0-0001', '4.17.19')]);
    await bucket.start();
    await seedFromBucket(join(dir, 'vulndb'), bucket.url);
    await bucket.stop();
    const db = await openDatabase({ dataDir: join(dir, 'store') });
    admin = (await createToken(db, 'ops', ['admin'])).token;
    read = (await createToken(db, 'reader', ['read'])).token;
    await db.close();
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('without credentials a poll records "authentication required"; serve --registry-credentials gets it analysed', async () => {
    // In process, with an empty HOME (no ~/.docker/config.json): the registry's 401 lands on the watch.
    const db = await openDatabase({ dataDir: join(dir, 'anonymous') });
    const token = (await createToken(db, 'ops', ['admin'])).token;
    const app = await buildStoreServer({ db, files: new DirectoryFileStore(join(dir, 'anonymous', 'files')), env: { HOME: dir }, watch: { tickMs: 200, registry: { retries: 0 } } });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const w = (await api(url, 'POST', '/v2/watches', token, { repository, tags: '1', interval: '10s' })).json as WatchRecord;
      const failed = await waitFor('the 401 recorded', async () => {
        const got = (await api(url, 'GET', `/v2/watches/${w.id}`, token)).json as WatchRecord;
        return got.last_error ? got : undefined;
      });
      expect(failed.last_error).toMatch(new RegExp(`^1: authentication required for registry ${registry.addr.replace(/\./g, '\\.')} \\(repository private/app\\)`));
      expect(failed.last_error).not.toContain(CREDS.pass);
    } finally {
      await app.close();
      await db.close();
    }

    // A bad credentials file is one line, and serve does not start.
    const run = promisify(execFile);
    const env = { ...process.env, HOME: dir, DOCKER_CONFIG: join(dir, 'no-docker-config') };
    const bad = await run(process.execPath, ['--import', 'tsx', CLI, 'serve', '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'store'), '--registry-credentials', join(dir, 'absent.json')], {
      env,
      cwd: PROJECT_ROOT,
      timeout: 60_000,
    }).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(bad?.code).toBe(3);
    expect(bad?.stderr?.trim().split('\n').filter((l) => l.includes('--registry-credentials'))).toEqual([expect.stringMatching(/--registry-credentials: cannot read .*absent\.json as a docker config\.json: ENOENT/)]);

    // The real CLI with a docker config.json by another name.
    const file = join(dir, 'registry-auth.json');
    writeFileSync(file, JSON.stringify({ auths: { [registry.addr]: { auth: Buffer.from(`${CREDS.user}:${CREDS.pass}`).toString('base64') } } }), { mode: 0o600 });
    child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'store'), '--registry-credentials', file, '--db-cache-dir', join(dir, 'vulndb')], {
      env,
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (c: Buffer) => void (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => void (log += c.toString()));
    const port = await waitFor('serve to listen', async () => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1], 60_000);
    const url = `http://127.0.0.1:${port}`;
    const w = (await api(url, 'POST', '/v2/watches', admin, { repository, tags: '1', interval: '10s' })).json as WatchRecord;
    const evaluation = await waitFor(
      'the evaluation of the private image',
      async () => ((await api(url, 'GET', `/v2/evaluations?repository=${encodeURIComponent(repository)}`, read)).json as EvaluationRecord[])[0],
      60_000,
    ).catch(async (e: unknown) => {
      // The watch's state and the server's log say why.
      throw new Error(`${String(e)}; watch: ${JSON.stringify((await api(url, 'GET', `/v2/watches/${w.id}`, admin)).json)}; log: ${log}`);
    });
    expect(evaluation).toMatchObject({ repository, tag: '1', reason: 'watch', image_digest: layoutDigests(LAYOUT).get('minbase') });
    expect(((await api(url, 'GET', `/v2/watches/${w.id}`, admin)).json as WatchRecord).last_error).toBeNull();
    expect(log).not.toContain(CREDS.pass);
  }, 180_000);
});
