/**
 * The `github_issue` channel over the real store: pushes and a data update notify a GitHub repository's issues,
 * through a stand-in for api.github.com written here that checks every request against GitHub's published OpenAPI
 * description (the Action's checker, test/e2e/action-github-server.ts). One issue per image: the first notification
 * opens it, later ones comment on it and rewrite its body; another image gets its own. A revoked token (401) is
 * logged and given up at once; GitHub's 5xx and 429 are retried (429 no sooner than its Retry-After), and an issue
 * opened by an attempt whose answer was lost is found again rather than opened twice.
 */

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ISSUE_LABEL, parseMarker } from '../../src/notify/github-issue.js';
import type { NotificationRecord } from '../../src/notify/outbox.js';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import { buildStoreServer } from '../../src/store/server.js';
import { listenStore, lodashRecord, OsvBucket, scanAndPush, seedFromBucket, SQL_BACKENDS, stopPostgres, storeApi, waitFor, writeSbom } from '../../src/store/testing/bucket.js';
import { createToken } from '../../src/store/tokens.js';
import { checkRequest } from '../e2e/action-github-server.js';
import { describeUnless } from '../helpers/skip.js';

const DIGEST_A = `sha256:${'a1'.repeat(32)}`;
const DIGEST_C = `sha256:${'c3'.repeat(32)}`;
const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19');
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });
const GOOD_ENV = 'PORTCULLIS_IT_GITHUB_TOKEN';
const REVOKED_ENV = 'PORTCULLIS_IT_GITHUB_TOKEN_REVOKED';
const GOOD = 'ghs_itGoodToken0123456789';
const REVOKED = 'ghs_itRevokedToken0123456789';

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  comments: { id: number; body: string }[];
}

interface Seen {
  method: string;
  path: string;
  operationId: string | undefined;
  authorization: string | undefined;
  status: number;
}

/**
 * api.github.com for issues, in memory. `acme/flaky` refuses each new issue first with a 500, then with a 429
 * (Retry-After: 1), then opens it but answers 502 (the answer lost), and then behaves.
 */
class FakeGitHub {
  readonly repos = new Map<string, FakeIssue[]>();
  readonly seen: Seen[] = [];
  readonly violations: string[] = [];
  readonly #createTries = new Map<string, number>();
  #server: Server | undefined;
  #ids = 5000;
  url = '';

  issues(repo: string): FakeIssue[] {
    let list = this.repos.get(repo);
    if (!list) this.repos.set(repo, (list = []));
    return list;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
  }

  #issueJson(repo: string, i: FakeIssue): Record<string, unknown> {
    return {
      id: 100_000 + i.number,
      node_id: `I_${i.number}`,
      url: `${this.url}/repos/${repo}/issues/${i.number}`,
      html_url: `https://github.com/${repo}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      title: i.title,
      body: i.body,
      labels: i.labels.map((name, n) => ({ id: n + 1, name, color: 'ededed', default: false })),
      user: { login: 'portcullis-bot[bot]', id: 1, type: 'Bot' },
      comments: i.comments.length,
      created_at: '2026-12-01T00:00:00Z',
      updated_at: '2026-12-01T00:00:00Z',
    };
  }

  #handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const op: { id?: string } = {};
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      this.seen.push({ method, path: u.pathname, operationId: op.id, authorization: req.headers.authorization, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(data));
    };
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      this.violations.push(`${method} ${u.pathname}: the body is not JSON`);
      return send(400, { message: 'Problems parsing JSON' });
    }
    const checked = checkRequest(method, u.pathname, Object.fromEntries(u.searchParams), body);
    const operationId = checked.operationId;
    op.id = operationId;
    const problems = [...checked.problems];
    if (req.headers.accept !== 'application/vnd.github+json') problems.push(`${method} ${u.pathname}: accept is ${String(req.headers.accept)}`);
    if (req.headers['x-github-api-version'] !== '2022-11-28') problems.push(`${method} ${u.pathname}: no X-GitHub-Api-Version`);
    if (body !== undefined && !String(req.headers['content-type']).startsWith('application/json')) problems.push(`${method} ${u.pathname}: content-type is ${String(req.headers['content-type'])}`);
    if (problems.length) {
      this.violations.push(...problems);
      return send(422, { message: problems.join('; ') });
    }
    if (req.headers.authorization !== `Bearer ${GOOD}`) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const [, , owner, name, , num, sub] = u.pathname.split('/');
    const repo = `${owner}/${name}`;
    const issues = this.issues(repo);
    const b = (body ?? {}) as Record<string, unknown>;
    const issue = num ? issues.find((i) => i.number === Number(num)) : undefined;
    if (num && !issue) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues', status: '404' });
    switch (operationId) {
      case 'issues/list-for-repo': {
        const q = u.searchParams;
        let list = issues.filter((i) => (q.get('state') ?? 'open') === 'all' || i.state === (q.get('state') ?? 'open'));
        if (q.get('labels')) list = list.filter((i) => q.get('labels')!.split(',').every((l) => i.labels.includes(l)));
        list = [...list].sort((x, y) => (q.get('direction') === 'asc' ? x.number - y.number : y.number - x.number));
        const perPage = Number(q.get('per_page') ?? 30);
        const page = Number(q.get('page') ?? 1);
        return send(200, list.slice((page - 1) * perPage, page * perPage).map((i) => this.#issueJson(repo, i)));
      }
      case 'issues/get':
        return send(200, this.#issueJson(repo, issue!));
      case 'issues/create': {
        const key = `${repo} ${parseMarker(String(b.body))?.image}`;
        const tries = (this.#createTries.get(key) ?? 0) + 1;
        this.#createTries.set(key, tries);
        if (repo === 'acme/flaky' && tries === 1) return send(500, { message: 'Server Error' });
        if (repo === 'acme/flaky' && tries === 2) return send(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
        const created: FakeIssue = { number: issues.length + 1, title: String(b.title), body: String(b.body ?? ''), state: 'open', labels: (b.labels as string[] | undefined) ?? [], comments: [] };
        issues.push(created);
        if (repo === 'acme/flaky' && tries === 3) return send(502, { message: 'Bad Gateway' });
        return send(201, this.#issueJson(repo, created));
      }
      case 'issues/update':
        if (typeof b.title === 'string') issue!.title = b.title;
        if (typeof b.body === 'string') issue!.body = b.body;
        if (b.state === 'open' || b.state === 'closed') issue!.state = b.state;
        return send(200, this.#issueJson(repo, issue!));
      case 'issues/create-comment': {
        if (sub !== 'comments') break;
        const c = { id: this.#ids++, body: String(b.body) };
        issue!.comments.push(c);
        return send(201, { id: c.id, node_id: `IC_${c.id}`, body: c.body, html_url: `https://github.com/${repo}/issues/${issue!.number}#issuecomment-${c.id}`, created_at: '2026-12-01T00:00:00Z' });
      }
    }
    this.violations.push(`${operationId}: valid, but this stand-in does not answer it`);
    return send(501, { message: 'Not Implemented' });
  }
}

const api = storeApi;

afterAll(() => stopPostgres());

for (const backend of SQL_BACKENDS) {
  describeUnless(backend.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `github_issue notifications (${backend.name})`, () => {
    let dir: string;
    let bucket: OsvBucket;
    let github: FakeGitHub;
    let db: SqlDb;
    let app: FastifyInstance;
    let url: string;
    let database: string;
    const tokens = { push: '', read: '', admin: '' };
    const subs: Record<string, string> = {};
    const saved = { good: process.env[GOOD_ENV], revoked: process.env[REVOKED_ENV] };

    const notifications = async () => (await api(url, 'GET', '/v2/notifications', tokens.admin)).json as NotificationRecord[];
    const settled = (what: string) =>
      waitFor(what, async () => {
        const list = await notifications();
        return list.length > 0 && list.every((n) => n.state !== 'pending') ? list : undefined;
      });
    const push = (name: string, digest: string) =>
      scanAndPush(writeSbom(dir, name, digest, [['lodash', '4.17.20']]), { store: url, token: tokens.push, cacheDir: join(dir, 'ci-vulndb'), spoolDir: join(dir, 'spool') });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-notify-gh-it-'));
      bucket = new OsvBucket();
      bucket.setRecords([OLD]);
      await bucket.start();
      await seedFromBucket(join(dir, 'ci-vulndb'), bucket.url);
      cpSync(join(dir, 'ci-vulndb'), join(dir, 'store-vulndb'), { recursive: true });
      github = new FakeGitHub();
      await github.start();
      // The store runs in this process: these are the server process's environment variables.
      process.env[GOOD_ENV] = GOOD;
      process.env[REVOKED_ENV] = REVOKED;
      database = await backend.database(dir);
      db = await openDatabase({ dataDir: dir, database });
      tokens.push = (await createToken(db, 'ci', ['push'])).token;
      tokens.read = (await createToken(db, 'reader', ['read'])).token;
      tokens.admin = (await createToken(db, 'ops', ['admin'])).token;
      await startStore();
    }, 60_000);

    const startStore = async () => {
      app = await buildStoreServer({
        db,
        files: new DirectoryFileStore(join(dir, 'files')),
        data: { cacheDir: join(dir, 'store-vulndb'), dbUrl: bucket.url },
        notifications: { pollMs: 50, baseBackoffMs: 100, maxBackoffMs: 400, leaseMs: 10_000, timeoutMs: 5000, githubApiUrl: github.url },
      });
      url = await listenStore(app);
    };
    const refresh = async () => {
      const job = (await api(url, 'POST', '/v2/admin/refresh', tokens.admin)).json as { id: string };
      await waitFor('the refresh', async () => {
        const j = (await api(url, 'GET', `/v2/jobs/${job.id}`, tokens.read)).json as { state: string };
        return j.state === 'succeeded' ? j : undefined;
      });
    };

    afterAll(async () => {
      await app?.close();
      await db?.close();
      await bucket?.stop();
      await github?.stop();
      for (const [k, v] of [
        [GOOD_ENV, saved.good],
        [REVOKED_ENV, saved.revoked],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('creates github_issue subscriptions, refusing an unset token variable with one clear line', async () => {
      const create = (body: unknown) => api(url, 'POST', '/v2/subscriptions', tokens.admin, body);
      expect(await create({ events: ['vuln_update'], github_issue: { repository: 'acme/security', token_env: 'PORTCULLIS_IT_NO_SUCH_VARIABLE' } })).toEqual({
        status: 400,
        json: { code: 400, message: 'github_issue.token_env: the environment variable PORTCULLIS_IT_NO_SUCH_VARIABLE is not set in the store process' },
      });
      expect((await create({ events: ['vuln_update'], github_issue: { repository: 'https://github.com/acme/security', token_env: GOOD_ENV } })).json).toEqual({
        code: 400,
        message: 'github_issue.repository must be a GitHub repository as "owner/name"',
      });
      const made = async (name: string, body: unknown) => {
        const r = await create(body);
        expect(r.status).toBe(201);
        subs[name] = (r.json as { id: string }).id;
        return r.json as Record<string, unknown>;
      };
      const main = await made('main', { events: ['policy_eval', 'vuln_update'], filter: { repository: 'registry.example/team/*' }, github_issue: { repository: 'acme/security', token_env: GOOD_ENV, store_url: url } });
      expect(main.github_issue).toEqual({ repository: 'acme/security', token_env: GOOD_ENV, store_url: `${url}/` });
      await made('revoked', { events: ['analysis_update'], github_issue: { repository: 'acme/security', token_env: REVOKED_ENV } });
      await made('flaky', { events: ['analysis_update'], github_issue: { repository: 'acme/flaky', token_env: GOOD_ENV } });
      const listed = JSON.stringify((await api(url, 'GET', '/v2/subscriptions', tokens.admin)).json);
      expect(listed).not.toContain(GOOD);
      expect(listed).not.toContain(REVOKED);
    });

    it('opens one issue per image, comments on it for later events, gives up on a 401 and retries a 500 until delivered', async () => {
      // The first push: the decision's first value opens image A's issue.
      const first = await push('registry.example/team/app:1', DIGEST_A);
      await settled('the first push delivered');
      const security = github.issues('acme/security');
      expect(security).toHaveLength(1);
      const a = security[0]!;
      expect(a).toMatchObject({ number: 1, state: 'open', labels: [ISSUE_LABEL], comments: [] });
      expect(a.title).toBe(`Portcullis ${first.decision}: registry.example/team/app:1 (sha256:a1a1a1a1a1a1)`);
      expect(a.body).toContain('- **Event:** `policy_eval`, reason `push`');
      expect(a.body).toContain(`- **Decision:** none → **${first.decision}**`);

      // The tag moves to image C; then new vulnerability data re-evaluates both images.
      await push('registry.example/team/app:1', DIGEST_C);
      bucket.setRecords([OLD, NEW]);
      await refresh();
      const list = await settled('every notification delivered or given up');
      const byId = (name: string) => list.filter((n) => n.subscription_id === subs[name]);

      // main: A's two data_update events are comments on A's issue; C has its own issue (opened by one of its two
      // events, the other a comment). No second issue for A.
      expect(byId('main').map((n) => [n.event, n.payload.image.manifest_digest.slice(7, 11), n.state, n.attempts]).sort()).toEqual(
        [
          ['policy_eval', 'a1a1', 'delivered', 1],
          ['policy_eval', 'a1a1', 'delivered', 1],
          ['vuln_update', 'a1a1', 'delivered', 1],
          ['policy_eval', 'c3c3', 'delivered', 1],
          ['vuln_update', 'c3c3', 'delivered', 1],
        ].sort(),
      );
      expect(security).toHaveLength(2);
      expect(security.map((i) => i.number)).toEqual([1, 2]);
      const c = security[1]!;
      expect(a.comments).toHaveLength(2);
      expect(c.comments).toHaveLength(1);
      expect(c.title).toBe('Portcullis STOP: registry.example/team/app:1 (sha256:c3c3c3c3c3c3)');
      expect(a.title).toBe('Portcullis STOP: registry.example/team/app:1 (sha256:a1a1a1a1a1a1)');
      const latestA = byId('main')
        .filter((n) => n.payload.image.manifest_digest === DIGEST_A && n.payload.evaluation.reason === 'data_update')
        .map((n) => n.payload)[0]!;
      expect(a.body).toContain('- **Image:** `registry.example/team/app`\n- **Tag:** `1`');
      expect(a.body).toContain(`- **Manifest digest:** \`${DIGEST_A}\``);
      expect(a.body).toContain(`- **Decision:** ${first.decision} → **STOP**`);
      expect(a.body).toContain(`- **Evaluation:** [\`${latestA.evaluation.id}\`](${url}/v2/evaluations/${latestA.evaluation.id})`);
      expect(a.comments.some((x) => x.body.includes('#### Vulnerabilities added (1)\n\n- `CVE-2021-23337` (`GHSA-35jh-r3h4-6jhm`) in `lodash@4.17.20`'))).toBe(true);
      expect(a.comments.some((x) => x.body.startsWith(`**policy_eval**: ${first.decision} → **STOP**`))).toBe(true);
      // The marker holds the three notifications A's issue took.
      expect(parseMarker(a.body)!.delivered).toHaveLength(3);
      expect(parseMarker(c.body)!.delivered).toHaveLength(2);

      // revoked: each of its two notifications tried once, GitHub's message logged, given up.
      const revoked = byId('revoked');
      expect(revoked).toHaveLength(2);
      for (const n of revoked) {
        expect(n.state).toBe('failed');
        expect(n.attempts).toBe(1);
        expect(n.attempt_log.map((x) => [x.attempt, x.outcome, x.status])).toEqual([[1, 'failed', 401]]);
        expect(n.attempt_log[0]!.error).toBe('GitHub answered 401 to GET /repos/acme/security/issues: Bad credentials');
        expect(n.last_error).toBe(n.attempt_log[0]!.error);
      }
      const revokedCalls = () => github.seen.filter((s) => s.authorization === `Bearer ${REVOKED}`).length;
      expect(revokedCalls()).toBe(2);
      await new Promise((r) => setTimeout(r, 1000)); // more than twice the longest backoff (400 ms)
      expect(revokedCalls()).toBe(2);

      // flaky: 500, then 429 (Retry-After: 1 s honoured), then the issue opened but its answer lost (502); the next
      // attempt finds that issue and opens no second one.
      const flaky = byId('flaky');
      expect(flaky).toHaveLength(2);
      for (const n of flaky) {
        expect(n.state).toBe('delivered');
        expect(n.attempt_log.map((x) => [x.attempt, x.outcome, x.status])).toEqual([
          [1, 'failed', 500],
          [2, 'failed', 429],
          [3, 'failed', 502],
          [4, 'delivered', 200],
        ]);
        expect(n.attempt_log[0]!.error).toBe('GitHub answered 500 to POST /repos/acme/flaky/issues: Server Error');
        expect(n.attempt_log[1]!.error).toBe('GitHub answered 429 to POST /repos/acme/flaky/issues: You have exceeded a secondary rate limit.');
        expect(Date.parse(n.attempt_log[2]!.started_at) - Date.parse(n.attempt_log[1]!.started_at)).toBeGreaterThanOrEqual(1000);
      }
      expect(github.issues('acme/flaky').map((i) => [i.number, i.comments.length, parseMarker(i.body)!.delivered.length])).toEqual([
        [1, 0, 1],
        [2, 0, 1],
      ]);

      // Every request was an operation of GitHub's REST API, with valid parameters and bodies.
      expect(github.violations).toEqual([]);
      expect(new Set(github.seen.map((s) => s.operationId))).toEqual(new Set(['issues/list-for-repo', 'issues/get', 'issues/create', 'issues/create-comment', 'issues/update']));

      // The store keeps each issue's number, keyed as the marker is: flaky's two were stored when the retry found them.
      const stored = await db.query<{ subscription_id: string; image_digest: string; github_repository: string; issue_number: number | string }>(
        'SELECT subscription_id, image_digest, github_repository, issue_number FROM github_issues',
      );
      expect(stored.map((r) => [r.subscription_id === subs.main ? 'main' : r.subscription_id === subs.flaky ? 'flaky' : r.subscription_id, r.image_digest.slice(7, 11), r.github_repository, Number(r.issue_number)]).sort()).toEqual(
        [
          ['main', 'a1a1', 'acme/security', 1],
          ['main', 'c3c3', 'acme/security', 2],
          ['flaky', 'a1a1', 'acme/flaky', github.issues('acme/flaky').find((i) => i.body.includes(DIGEST_A))!.number],
          ['flaky', 'c3c3', 'acme/flaky', github.issues('acme/flaky').find((i) => i.body.includes(DIGEST_C))!.number],
        ].sort(),
      );
    }, 90_000);

    it('after a store restart, the next events update the same issues without listing issues', async () => {
      await app.close();
      await db.close();
      db = await openDatabase({ dataDir: dir, database });
      // A new process: nothing in memory; another port (the client's pooled connections went with the old one).
      await startStore();
      const old = new Set((await notifications()).map((n) => n.id));
      const seenBefore = github.seen.length;
      const security = github.issues('acme/security');
      const comments = security.map((i) => i.comments.length);

      // New vulnerability data: both images' findings change (vuln_update for each).
      bucket.setRecords([OLD, NEW, lodashRecord('GHSA-1111-new1-0002', '4.17.22', { aliases: ['CVE-2026-11111'] })]);
      await refresh();
      const list = await waitFor('the new notifications delivered', async () => {
        const all = await notifications();
        return all.length > old.size && all.every((n) => n.state !== 'pending') ? all : undefined;
      });
      const fresh = list.filter((n) => !old.has(n.id));
      expect(fresh.map((n) => [n.subscription_id === subs.main, n.event, n.payload.image.manifest_digest.slice(7, 11), n.state, n.attempts]).sort()).toEqual(
        [
          [true, 'vuln_update', 'a1a1', 'delivered', 1],
          [true, 'vuln_update', 'c3c3', 'delivered', 1],
        ].sort(),
      );
      const since = github.seen.slice(seenBefore);
      expect(since.filter((s) => s.operationId === 'issues/list-for-repo')).toEqual([]);
      expect(since.filter((s) => s.operationId === 'issues/create')).toEqual([]);
      expect(since.filter((s) => s.operationId === 'issues/get').map((s) => s.path).sort()).toEqual(['/repos/acme/security/issues/1', '/repos/acme/security/issues/2']);
      expect(security).toHaveLength(2);
      expect(security.map((i) => i.comments.length)).toEqual(comments.map((n) => n + 1));
      expect(security.every((i) => i.body.includes('CVE-2026-11111'))).toBe(true);
      expect(github.violations).toEqual([]);
    }, 90_000);
  });
}
