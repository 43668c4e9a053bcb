/**
 * Subscriptions and notifications, with webhook receivers written here on loopback: pushes and re-evaluations
 * give signed JSON notifications from a persisted outbox, failed deliveries are retried with backoff and logged,
 * and a store process killed mid-delivery (SIGKILL) loses nothing: the next process sends it again with the same
 * idempotency key.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import { buildStoreServer } from '../../src/store/server.js';
import { createToken } from '../../src/store/tokens.js';
import { listenStore, lodashRecord, OsvBucket, scanAndPush, seedFromBucket, SQL_BACKENDS, stopPostgres, storeApi, waitFor, writeSbom } from '../../src/store/testing/bucket.js';
import { makeReport, SBOM } from '../../src/store/testing/fixtures.js';
import type { NotificationPayload, NotificationRecord } from '../../src/notify/outbox.js';
import { describeUnless } from '../helpers/skip.js';

const SECRET = 'a-webhook-secret-of-32-characters!';
const DIGEST_A = `sha256:${'a1'.repeat(32)}`;
const DIGEST_C = `sha256:${'c3'.repeat(32)}`;
const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19');
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });

interface Receipt {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver: records every request; `behave` decides the answer (undefined: 200). */
class Receiver {
  readonly receipts: Receipt[] = [];
  #server: Server | undefined;
  url = '';
  behave: (r: Receipt, res: ServerResponse) => boolean = () => false;

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.receipts.push(r);
        if (!this.behave(r, res)) res.writeHead(200).end('ok');
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  at(path: string): Receipt[] {
    return this.receipts.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }
}

const api = storeApi;

afterAll(() => stopPostgres());

for (const backend of SQL_BACKENDS) {
  describeUnless(backend.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `notifications (${backend.name})`, () => {
    let dir: string;
    let bucket: OsvBucket;
    let receiver: Receiver;
    let db: SqlDb;
    let app: FastifyInstance;
    let url: string;
    const tokens = { push: '', read: '', admin: '' };
    const subs: Record<string, string> = {};

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-notify-it-'));
      bucket = new OsvBucket();
      bucket.setRecords([OLD]);
      await bucket.start();
      await seedFromBucket(join(dir, 'ci-vulndb'), bucket.url);
      cpSync(join(dir, 'ci-vulndb'), join(dir, 'store-vulndb'), { recursive: true });
      receiver = new Receiver();
      await receiver.start();
      // /flaky answers 500 twice per notification before accepting it.
      const failures = new Map<string, number>();
      receiver.behave = (r, res) => {
        if (r.path !== '/flaky') return false;
        const key = String(r.headers['idempotency-key']);
        const n = failures.get(key) ?? 0;
        if (n >= 2) return false;
        failures.set(key, n + 1);
        res.writeHead(500).end('down');
        return true;
      };
      db = await openDatabase({ dataDir: dir, database: await backend.database(dir) });
      tokens.push = (await createToken(db, 'ci', ['push'])).token;
      tokens.read = (await createToken(db, 'reader', ['read'])).token;
      tokens.admin = (await createToken(db, 'ops', ['admin'])).token;
      app = await buildStoreServer({
        db,
        files: new DirectoryFileStore(join(dir, 'files')),
        data: { cacheDir: join(dir, 'store-vulndb'), dbUrl: bucket.url },
        env: {},
        notifications: { pollMs: 50, baseBackoffMs: 100, maxBackoffMs: 400, leaseMs: 10_000, timeoutMs: 5000 },
      });
      url = await listenStore(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      await bucket?.stop();
      await receiver?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('creates, lists (without the secret), and refuses bad subscriptions with one clear line', async () => {
      const create = (body: unknown, token = tokens.admin) => api(url, 'POST', '/v2/subscriptions', token, body);
      const all = ['vuln_update', 'policy_eval', 'tag_update', 'analysis_update'];
      expect((await create({ events: all, webhook: { url: `${receiver.url}/hook`, secret: SECRET } }, tokens.push)).status).toBe(403);
      expect((await create({ events: ['nope'], webhook: { url: `${receiver.url}/hook` } })).json).toMatchObject({ code: 400, message: 'unknown event "nope"; known: vuln_update, policy_eval, tag_update, analysis_update' });
      expect((await create({ events: all, webhook: { url: 'ftp://x' } })).json).toMatchObject({ code: 400, message: 'webhook.url must be http or https' });
      expect((await create({ events: all, github_issue: { repository: 'o/n', token_env: 'PORTCULLIS_IT_UNSET_TOKEN' } })).json).toMatchObject({ code: 400, message: 'github_issue.token_env: the environment variable PORTCULLIS_IT_UNSET_TOKEN is not set in the store process' });
      const made = async (name: string, body: unknown) => {
        const r = await create(body);
        expect(r.status).toBe(201);
        subs[name] = (r.json as { id: string }).id;
        return r.json as Record<string, unknown>;
      };
      const hook = await made('hook', { events: all, filter: { repository: 'registry.example/team/*', tag: '*' }, webhook: { url: `${receiver.url}/hook`, secret: SECRET } });
      expect(hook).toMatchObject({ events: all, filter: { repository: 'registry.example/team/*', tag: '*' }, webhook: { url: `${receiver.url}/hook`, secret_set: true } });
      expect(JSON.stringify(hook)).not.toContain(SECRET);
      await made('other', { events: all, filter: { repository: 'other/*' }, webhook: { url: `${receiver.url}/other` } });
      await made('slack', { events: ['vuln_update'], slack: { url: `${receiver.url}/slack` } });
      await made('flaky', { events: ['policy_eval'], webhook: { url: `${receiver.url}/flaky`, secret: SECRET } });
      const listed = (await api(url, 'GET', '/v2/subscriptions', tokens.admin)).json as { id: string }[];
      expect(listed.map((s) => s.id).sort()).toEqual(Object.values(subs).sort());
      expect(JSON.stringify(listed)).not.toContain(SECRET);
    });

    it('a push, a tag moved to a new image, and a data update notify the matching subscriptions, signed, each once', async () => {
      const push = (name: string, digest: string) =>
        scanAndPush(writeSbom(dir, name, digest, [['lodash', '4.17.20']]), { store: url, token: tokens.push, cacheDir: join(dir, 'ci-vulndb'), spoolDir: join(dir, 'spool') });
      const first = await push('registry.example/team/app:1', DIGEST_A);
      await push('registry.example/team/app:1', DIGEST_C);
      bucket.setRecords([OLD, NEW]);
      const job = (await api(url, 'POST', '/v2/admin/refresh', tokens.admin)).json as { id: string };
      await waitFor('the refresh', async () => {
        const j = (await api(url, 'GET', `/v2/jobs/${job.id}`, tokens.read)).json as { state: string };
        return j.state === 'succeeded' ? j : undefined;
      });
      const settled = await waitFor('every notification delivered', async () => {
        const list = (await api(url, 'GET', '/v2/notifications', tokens.admin)).json as NotificationRecord[];
        return list.length > 0 && list.every((n) => n.state === 'delivered') ? list : undefined;
      });

      const hook = receiver.at('/hook');
      const payloads = hook.map((r) => JSON.parse(r.body) as NotificationPayload);
      for (const r of hook) {
        expect(r.headers['x-portcullis-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`);
        expect(r.headers['content-type']).toBe('application/json');
      }
      const events = payloads.map((p) => `${p.event} ${p.image.manifest_digest.slice(7, 11)} ${p.evaluation.reason}`).sort();
      expect(events).toEqual(
        [
          `analysis_update a1a1 push`,
          `policy_eval a1a1 push`,
          `analysis_update c3c3 push`,
          `tag_update c3c3 push`,
          `vuln_update a1a1 data_update`,
          `policy_eval a1a1 data_update`,
          `vuln_update c3c3 data_update`,
          `policy_eval c3c3 data_update`,
        ].sort(),
      );
      // Each notification once: a receiver dropping repeats by key sees as many keys as notifications.
      expect(new Set(payloads.map((p) => p.idempotency_key)).size).toBe(payloads.length);
      const vuln = payloads.find((p) => p.event === 'vuln_update' && p.image.manifest_digest === DIGEST_A)!;
      expect(vuln).toMatchObject({
        subscription_id: subs.hook,
        image: { repository: 'registry.example/team/app', tag: '1', manifest_digest: DIGEST_A },
        decision: { before: first.decision, after: 'STOP' },
        vulnerabilities: { added: [{ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], package: 'lodash@4.17.20' }], removed: [] },
      });
      expect(payloads.find((p) => p.event === 'tag_update')!.evaluation.previous_image_digest).toBe(DIGEST_A);
      expect(receiver.at('/other')).toEqual([]);

      const slack = receiver.at('/slack').map((r) => JSON.parse(r.body) as { text: string });
      expect(slack).toHaveLength(2);
      expect(slack[0]!.text).toMatch(/^\*vuln_update\* registry\.example\/team\/app:1 .* → STOP \(data_update\)\nnew: CVE-2021-23337$/);
      expect(receiver.at('/slack')[0]!.headers['x-portcullis-signature']).toBeUndefined();

      // /flaky failed twice per notification: three attempts each, logged, then delivered.
      const flaky = settled.filter((n) => n.subscription_id === subs.flaky);
      expect(flaky).toHaveLength(3);
      for (const n of flaky) {
        expect(n.attempts).toBe(3);
        expect(n.attempt_log.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
          [1, 'failed', 500],
          [2, 'failed', 500],
          [3, 'delivered', 200],
        ]);
        expect(Date.parse(n.attempt_log[2]!.started_at) - Date.parse(n.attempt_log[1]!.started_at)).toBeGreaterThanOrEqual(150);
      }
      expect(receiver.at('/flaky')).toHaveLength(9);
    }, 60_000);

    it('deletes a subscription; notifications need the admin scope', async () => {
      expect((await api(url, 'GET', '/v2/notifications', tokens.read)).status).toBe(403);
      expect((await api(url, 'DELETE', `/v2/subscriptions/${subs.other}`, tokens.admin)).status).toBe(204);
      expect((await api(url, 'GET', `/v2/subscriptions/${subs.other}`, tokens.admin)).status).toBe(404);
      expect((await api(url, 'DELETE', `/v2/subscriptions/${subs.other}`, tokens.admin)).status).toBe(404);
    });
  });
}

describe('a store killed mid-delivery (SIGKILL) and restarted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-notify-restart-'));
  const children: ChildProcess[] = [];
  const receiver = new Receiver();
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const startChild = async (): Promise<{ child: ChildProcess; url: string }> => {
    const script = resolve(import.meta.dirname, '../../src/store/testing/serve-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ dataDir: dir, notifications: { pollMs: 50, baseBackoffMs: 100, leaseMs: 1500, timeoutMs: 30_000 } })], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const port = await new Promise<number>((ok, fail) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /LISTENING (\d+)/.exec(out);
        if (m) ok(Number(m[1]));
      });
      child.once('exit', (code) => fail(new Error(`the store exited (${code}): ${err}`)));
    });
    return { child, url: `http://127.0.0.1:${port}` };
  };

  it('sends the notification again after the restart, with the same idempotency key, and logs the interrupted attempt', async () => {
    await receiver.start();
    let firstSeen!: () => void;
    const first = new Promise<void>((r) => (firstSeen = r));
    let held = 0;
    // The first delivery is held open (no answer) while its sender is killed.
    receiver.behave = (r) => {
      if (r.path === '/hook' && held++ === 0) {
        firstSeen();
        return true;
      }
      return false;
    };
    const db = await openDatabase({ dataDir: dir });
    const admin = (await createToken(db, 'ops', ['admin', 'push'])).token;
    await db.close();

    const one = await startChild();
    const sub = await api(one.url, 'POST', '/v2/subscriptions', admin, { events: ['analysis_update'], webhook: { url: `${receiver.url}/hook`, secret: SECRET } });
    expect(sub.status).toBe(201);
    const form = new FormData();
    form.set('image_digest', DIGEST_A);
    form.set('report', new Blob([JSON.stringify(makeReport({ digest: DIGEST_A, repoTag: 'registry.example/team/app:1' }))], { type: 'application/json' }), 'report.json');
    form.set('sbom', new Blob([JSON.stringify(SBOM)], { type: 'application/json' }), 'sbom.json');
    const pushed = await fetch(`${one.url}/v2/evaluations`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    expect(pushed.status).toBe(201);
    await first;
    one.child.kill('SIGKILL');
    await new Promise((r) => one.child.once('exit', r));

    const two = await startChild();
    await waitFor('the second delivery', async () => (receiver.at('/hook').length >= 2 ? true : undefined));
    const [a, b] = receiver.at('/hook');
    expect(b!.body).toBe(a!.body);
    expect(b!.headers['idempotency-key']).toBe(a!.headers['idempotency-key']);
    expect(b!.headers['x-portcullis-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(b!.body).digest('hex')}`);
    const list = await waitFor('the delivery recorded', async () => {
      const l = (await api(two.url, 'GET', '/v2/notifications', admin)).json as NotificationRecord[];
      return l[0]?.state === 'delivered' ? l : undefined;
    });
    expect(list).toHaveLength(1);
    expect(list[0]!.attempt_log.map((x) => [x.attempt, x.outcome, x.status])).toEqual([
      [1, 'interrupted', null],
      [2, 'delivered', 200],
    ]);
    two.child.kill('SIGTERM');
    await new Promise((r) => two.child.once('exit', r));
  }, 60_000);
});
