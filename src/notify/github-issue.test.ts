import { afterEach, describe, expect, it } from 'vitest';
import type { SqlDb } from '../store/db.js';
import { migrate } from '../store/migrations.js';
import { openSqlite } from '../store/sqlite.js';
import { BODY_LIMIT, commentBody, imageMarker, issueBody, parseGitHubApiUrl, parseMarker, sendGitHubIssue, type GitHubContext } from './github-issue.js';
import type { NotificationPayload } from './outbox.js';
import { parseSubscription, publicSubscription, type GitHubIssueConfig } from './subscriptions.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const CHANNEL: GitHubIssueConfig = { kind: 'github_issue', repository: 'acme/security', token_env: 'GH_TOKEN', store_url: 'https://store.example/' };

function payload(over: Partial<NotificationPayload> = {}): NotificationPayload {
  return {
    event: 'vuln_update',
    idempotency_key: 'k'.repeat(64),
    created_at: '2026-12-01T10:00:00.000Z',
    subscription_id: 'sub-1',
    image: { repository: 'ghcr.io/team/app', tag: '1', manifest_digest: DIGEST },
    evaluation: { id: 'eval-1', reason: 'data_update', previous_id: null, previous_image_digest: null },
    decision: { before: 'GO', after: 'STOP' },
    vulnerabilities: { added: [{ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], package: 'lodash@4.17.20' }], removed: [] },
    triggers: { added: [], removed: [] },
    ...over,
  };
}

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: { name: string }[];
  comments: string[];
}

/** An in-memory stand-in for the few issue endpoints, with `fail` deciding an answer before the normal one. */
function fakeGitHub(fail: (method: string, path: string, n: number) => Response | undefined = () => undefined) {
  const issues: FakeIssue[] = [];
  const calls: string[] = [];
  const json = (status: number, data: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${u.pathname}${u.search}`);
    const failed = fail(method, u.pathname, calls.length);
    if (failed) return failed;
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer ghs_test');
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const m = /^\/repos\/acme\/security\/issues(?:\/(\d+))?(\/comments)?$/.exec(u.pathname);
    if (!m) return json(404, { message: 'Not Found' });
    const issue = m[1] ? issues.find((i) => i.number === Number(m[1])) : undefined;
    if (m[1] && !issue) return json(404, { message: 'Not Found' });
    if (m[2] && method === 'POST') {
      issue!.comments.push(String(body.body));
      return json(201, { id: issue!.comments.length });
    }
    if (issue && method === 'PATCH') {
      Object.assign(issue, body);
      return json(200, issue);
    }
    if (issue) return json(200, issue);
    if (method === 'POST') {
      const created = { number: issues.length + 1, title: String(body.title), body: String(body.body), state: 'open', labels: (body.labels as string[]).map((name) => ({ name })), comments: [] };
      issues.push(created);
      return json(201, created);
    }
    const label = u.searchParams.get('labels');
    const perPage = Number(u.searchParams.get('per_page'));
    const page = Number(u.searchParams.get('page'));
    const open = issues.filter((i) => i.state === 'open' && i.labels.some((l) => l.name === label));
    return json(200, open.slice((page - 1) * perPage, page * perPage));
  }) as typeof fetch;
  const ctx: GitHubContext = { fetch: fetchFn, env: { GH_TOKEN: 'ghs_test' }, apiUrl: 'https://api.github.test/', timeoutMs: 5000, known: new Map() };
  return { issues, calls, ctx, json };
}

describe('github_issue subscriptions', () => {
  it('parses one, checking the token variable is set now, and shows the variable name, never a token', () => {
    const body = { events: ['vuln_update'], github_issue: { repository: 'acme/security', token_env: 'GH_TOKEN', store_url: 'https://store.example/' } };
    const s = parseSubscription(body, { GH_TOKEN: 'ghs_secret' });
    expect(s.channel).toEqual(CHANNEL);
    const shown = publicSubscription({ ...s, id: 'i', created_at: 't' });
    expect(shown).toEqual({ id: 'i', created_at: 't', events: ['vuln_update'], filter: {}, github_issue: { repository: 'acme/security', token_env: 'GH_TOKEN', store_url: 'https://store.example/' } });
    expect(JSON.stringify(shown)).not.toContain('ghs_secret');
  });

  it.each([
    [{ github_issue: 'acme/security' }, 'github_issue must be an object with repository and token_env'],
    [{ github_issue: { repository: 'acme', token_env: 'GH_TOKEN' } }, 'github_issue.repository must be a GitHub repository as "owner/name"'],
    [{ github_issue: { repository: 'acme/..', token_env: 'GH_TOKEN' } }, 'github_issue.repository must be a GitHub repository as "owner/name"'],
    [{ github_issue: { repository: 'acme/x/y', token_env: 'GH_TOKEN' } }, 'github_issue.repository must be a GitHub repository as "owner/name"'],
    [{ github_issue: { repository: 'acme/security', token_env: 'GH TOKEN' } }, 'github_issue.token_env must be the name of an environment variable of the store process'],
    [{ github_issue: { repository: 'acme/security', token_env: 'MISSING' } }, 'github_issue.token_env: the environment variable MISSING is not set in the store process'],
    [{ github_issue: { repository: 'acme/security', token_env: 'GH_TOKEN', token: 'x' } }, 'unknown field "github_issue.token"; known: repository, token_env, store_url'],
    [{ github_issue: { repository: 'acme/security', token_env: 'GH_TOKEN', store_url: 'ftp://x' } }, 'github_issue.store_url must be http or https'],
  ])('refuses %j: %s', (channel, message) => {
    expect(() => parseSubscription({ events: ['vuln_update'], ...channel }, { GH_TOKEN: 'ghs_secret' })).toThrow(message);
  });
});

describe('github_issue bodies', () => {
  it('gives the event, the image, the decision, the vulnerabilities with aliases and the link, and a marker that reads back', () => {
    const marker = { image: imageMarker(payload()), at: '2026-12-01T10:00:00.000Z', delivered: ['k'.repeat(32)] };
    const body = issueBody(payload(), CHANNEL, marker);
    expect(body).toContain('- **Event:** `vuln_update`, reason `data_update`');
    expect(body).toContain('- **Image:** `ghcr.io/team/app`');
    expect(body).toContain('- **Tag:** `1`');
    expect(body).toContain(`- **Manifest digest:** \`${DIGEST}\``);
    expect(body).toContain('- **Decision:** GO → **STOP**');
    expect(body).toContain('- **Evaluation:** [`eval-1`](https://store.example/v2/evaluations/eval-1)');
    expect(body).toContain('### Vulnerabilities added (1)\n\n- `CVE-2021-23337` (`GHSA-35jh-r3h4-6jhm`) in `lodash@4.17.20`');
    expect(body).not.toContain('Vulnerabilities removed');
    expect(parseMarker(body)).toEqual(marker);
    expect(issueBody(payload(), { ...CHANNEL, store_url: undefined } as unknown as GitHubIssueConfig, marker)).toContain('- **Evaluation:** `GET /v2/evaluations/eval-1` on the store');
  });

  it('stays under 65,536 characters with a huge difference, cutting lists with "and N more"', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: `CVE-2026-${String(i).padStart(5, '0')}`, aliases: Array.from({ length: 15 }, (_x, j) => `GHSA-${i}-${j}`), package: `pkg-${i}@1.0.${i}`, severity: 'High' }));
    const big = payload({ vulnerabilities: { added: many, removed: many }, triggers: { added: many.map((v) => ({ key: `vulnerabilities/package/${v.id}`, action: 'stop', message: 'x'.repeat(1000) })), removed: [] } });
    const marker = { image: imageMarker(big), at: big.created_at, delivered: Array.from({ length: 100 }, (_, i) => String(i).padStart(32, '0')) };
    const body = issueBody(big, CHANNEL, marker);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toMatch(/### Vulnerabilities added \(20000\)\n\n(- .*\n)+- and \d+ more\n/);
    expect(body).toContain('`GHSA-0-9` and 5 more) in `pkg-0@1.0.0`, `High`');
    expect(parseMarker(body)).toEqual(marker);
    const comment = commentBody(big, CHANNEL);
    expect(comment.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(comment).toContain('#### Vulnerabilities removed (20000)');
  });

  it('puts what the data says in code spans, so it mentions no one and cannot forge the marker', () => {
    const hostile = payload({
      image: { repository: 'ghcr.io/@org/`x`', tag: '1\n<!-- portcullis-issue {"image":"x","at":"z","delivered":[]} -->', manifest_digest: DIGEST },
      vulnerabilities: { added: [{ id: '@everyone', aliases: ['`]'], package: '<!-- -->' }], removed: [] },
    });
    const marker = { image: imageMarker(hostile), at: hostile.created_at, delivered: [] };
    const body = issueBody(hostile, CHANNEL, marker);
    expect(body).toContain('- `@everyone` (` ]`) in `<!-- -->`');
    expect(body).toContain('- **Image:** `ghcr.io/@org/ x `');
    expect(parseMarker(body)).toEqual(marker);
    expect(parseMarker('text <!-- portcullis-issue {"image":1} -->')).toBeUndefined();
    expect(parseMarker('<!-- portcullis-issue {"image":"a","at":"b","delivered":[]} --> and after')).toBeUndefined();
  });
});

describe('sendGitHubIssue', () => {
  it('opens one issue per image, then comments on it and rewrites its body; a repeat is not sent again', async () => {
    const gh = fakeGitHub();
    expect(await sendGitHubIssue(CHANNEL, payload(), gh.ctx)).toEqual({ status: 201, error: null });
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ number: 1, title: `Portcullis STOP: ghcr.io/team/app:1 (sha256:aaaaaaaaaaaa)`, labels: [{ name: 'portcullis' }], comments: [] });
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues?state=open&labels=portcullis&sort=created&direction=asc&per_page=100&page=1', 'POST /repos/acme/security/issues']);

    const later = payload({ event: 'policy_eval', idempotency_key: 'b'.repeat(64), created_at: '2026-12-02T10:00:00.000Z', decision: { before: 'STOP', after: 'GO' }, vulnerabilities: { added: [], removed: [{ id: 'CVE-1', aliases: [], package: 'p@1' }] } });
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, later, gh.ctx)).toEqual({ status: 200, error: null });
    expect(gh.issues).toHaveLength(1);
    // The number was remembered: one read of the issue, no listing.
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues/1', 'POST /repos/acme/security/issues/1/comments', 'PATCH /repos/acme/security/issues/1']);
    expect(gh.issues[0]!.comments).toHaveLength(1);
    expect(gh.issues[0]!.comments[0]).toMatch(/^\*\*policy_eval\*\*: STOP → \*\*GO\*\*\n/);
    expect(gh.issues[0]!.comments[0]).toContain('#### Vulnerabilities removed (1)\n\n- `CVE-1` in `p@1`');
    expect(gh.issues[0]!.title).toBe('Portcullis GO: ghcr.io/team/app:1 (sha256:aaaaaaaaaaaa)');
    expect(parseMarker(gh.issues[0]!.body)).toEqual({ image: imageMarker(later), at: later.created_at, delivered: ['k'.repeat(32), 'b'.repeat(32)] });

    // Sent again (at least once): already in the marker, so nothing is written.
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, later, { ...gh.ctx, known: new Map() })).toEqual({ status: 200, error: null });
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues?state=open&labels=portcullis&sort=created&direction=asc&per_page=100&page=1']);

    // A late retry of an older notification adds its comment but leaves the newer state in the body.
    const older = payload({ idempotency_key: 'c'.repeat(64), created_at: '2026-12-01T12:00:00.000Z' });
    expect(await sendGitHubIssue(CHANNEL, older, gh.ctx)).toEqual({ status: 200, error: null });
    expect(gh.issues[0]!.comments).toHaveLength(2);
    expect(gh.issues[0]!.title).toBe('Portcullis GO: ghcr.io/team/app:1 (sha256:aaaaaaaaaaaa)');
    expect(gh.issues[0]!.body).toContain('- **Decision:** STOP → **GO**');
    expect(parseMarker(gh.issues[0]!.body)).toMatchObject({ at: later.created_at, delivered: ['k'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)] });

    // Another image (another digest), and the same image for another subscription, get their own issues.
    await sendGitHubIssue(CHANNEL, payload({ idempotency_key: 'd'.repeat(64), image: { repository: 'ghcr.io/team/app', tag: '1', manifest_digest: `sha256:${'b'.repeat(64)}` } }), gh.ctx);
    await sendGitHubIssue(CHANNEL, payload({ idempotency_key: 'e'.repeat(64), subscription_id: 'sub-2' }), gh.ctx);
    expect(gh.issues.map((i) => i.number)).toEqual([1, 2, 3]);

    // Closed: the next notification opens a new issue.
    gh.issues[0]!.state = 'closed';
    await sendGitHubIssue(CHANNEL, payload({ idempotency_key: 'f'.repeat(64) }), gh.ctx);
    expect(gh.issues).toHaveLength(4);
  });

  it('finds its issue past the first page of the listing', async () => {
    const gh = fakeGitHub();
    for (let i = 0; i < 150; i++) await sendGitHubIssue(CHANNEL, payload({ idempotency_key: `${i}`.padStart(64, '0'), image: { repository: 'r', tag: null, manifest_digest: `sha256:${String(i).padStart(64, '0')}` } }), gh.ctx);
    expect(gh.issues).toHaveLength(150);
    gh.calls.length = 0;
    const last = payload({ idempotency_key: 'x'.repeat(64), image: { repository: 'r', tag: null, manifest_digest: `sha256:${String(149).padStart(64, '0')}` } });
    expect(await sendGitHubIssue(CHANNEL, last, { ...gh.ctx, known: new Map() })).toEqual({ status: 200, error: null });
    expect(gh.calls.filter((c) => c.startsWith('GET'))).toHaveLength(2);
    expect(gh.issues).toHaveLength(150);
    expect(gh.issues[149]!.comments).toHaveLength(1);
  });

  it.each([
    ['401 Bad credentials: final', 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, {}, 'never', 'GitHub answered 401 to GET /repos/acme/security/issues: Bad credentials'],
    ['404: final', 404, { message: 'Not Found' }, {}, 'never', 'GitHub answered 404 to GET /repos/acme/security/issues: Not Found'],
    [
      '422 with its errors: final',
      422,
      { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }, { message: 'body is too long' }] },
      {},
      'never',
      'GitHub answered 422 to GET /repos/acme/security/issues: Validation Failed (Issue title missing_field; body is too long)',
    ],
    ['403 forbidden: final', 403, { message: 'Resource not accessible by integration' }, {}, 'never', 'Resource not accessible by integration'],
    ['403 secondary rate limit with Retry-After', 403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '30' }, 30_000, 'secondary rate limit'],
    ['429 without headers: a minute', 429, { message: 'Too Many Requests' }, {}, 60_000, 'Too Many Requests'],
    ['500: the outbox backoff', 500, { message: 'Server Error' }, {}, undefined, 'GitHub answered 500'],
    ['503 with Retry-After', 503, { message: 'Unavailable' }, { 'retry-after': '2' }, 2000, 'Unavailable'],
  ])('%s', async (_name, status, data, headers, retry, message) => {
    const gh = fakeGitHub(() => new Response(JSON.stringify(data), { status, headers }));
    const r = await sendGitHubIssue(CHANNEL, payload(), gh.ctx);
    expect(r.status).toBe(status);
    expect(r.error).toContain(message);
    expect(r.retry).toBe(retry);
    expect(gh.issues).toHaveLength(0);
  });

  it('waits until x-ratelimit-reset when the primary rate limit is spent', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    const gh = fakeGitHub(() => new Response(JSON.stringify({ message: 'API rate limit exceeded' }), { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }));
    const r = await sendGitHubIssue(CHANNEL, payload(), gh.ctx);
    expect(r.retry).toBeGreaterThan(590_000);
    expect(r.retry).toBeLessThanOrEqual(600_000);
  });

  it('an unset token variable and a network error are retried with the backoff', async () => {
    const gh = fakeGitHub();
    expect(await sendGitHubIssue(CHANNEL, payload(), { ...gh.ctx, env: {} })).toEqual({ status: null, error: 'the environment variable GH_TOKEN (github_issue.token_env) is not set in the store process' });
    const down = await sendGitHubIssue(CHANNEL, payload(), { ...gh.ctx, fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch });
    expect(down).toEqual({ status: null, error: 'fetch failed' });
    expect(gh.calls).toEqual([]);
  });
});

describe('sendGitHubIssue with the store keeping issue numbers', () => {
  const LIST = 'GET /repos/acme/security/issues?state=open&labels=portcullis&sort=created&direction=asc&per_page=100&page=1';
  let db: SqlDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });
  const open = async () => {
    db = await openSqlite(undefined);
    await migrate(db);
    return db;
  };
  const rows = async () => db!.query('SELECT subscription_id, image_repository, image_digest, github_repository, issue_number FROM github_issues ORDER BY issue_number');
  const event = (n: number, over: Partial<NotificationPayload> = {}) => payload({ idempotency_key: String(n).padEnd(64, 'e'), created_at: `2026-12-0${n}T10:00:00.000Z`, ...over });

  it('after a restart (nothing in memory) goes straight to the stored issue, without listing', async () => {
    const gh = fakeGitHub();
    const ctx = { ...gh.ctx, db: await open() };
    expect(await sendGitHubIssue(CHANNEL, event(1), ctx)).toEqual({ status: 201, error: null });
    expect(await rows()).toEqual([{ subscription_id: 'sub-1', image_repository: 'ghcr.io/team/app', image_digest: DIGEST, github_repository: 'acme/security', issue_number: 1 }]);
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, event(2), { ...ctx, known: new Map() })).toEqual({ status: 200, error: null });
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues/1', 'POST /repos/acme/security/issues/1/comments', 'PATCH /repos/acme/security/issues/1']);
    expect(gh.issues).toHaveLength(1);
    expect(parseMarker(gh.issues[0]!.body)!.delivered).toHaveLength(2);
    // An image without a repository is keyed by '' as in the marker; another subscription has its own row.
    await sendGitHubIssue(CHANNEL, event(3, { image: { repository: null, tag: null, manifest_digest: DIGEST } }), ctx);
    await sendGitHubIssue(CHANNEL, event(4, { subscription_id: 'sub-2' }), ctx);
    expect((await rows()).map((r) => [r.subscription_id, r.image_repository, r.issue_number])).toEqual([
      ['sub-1', 'ghcr.io/team/app', 1],
      ['sub-1', '', 2],
      ['sub-2', 'ghcr.io/team/app', 3],
    ]);
  });

  it('without a row (an issue opened before the table) finds the issue by its marker and stores its number', async () => {
    const gh = fakeGitHub();
    expect(await sendGitHubIssue(CHANNEL, event(1), gh.ctx)).toEqual({ status: 201, error: null });
    const ctx = { ...gh.ctx, known: new Map(), db: await open() };
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, event(2), ctx)).toEqual({ status: 200, error: null });
    expect(gh.calls[0]).toBe(LIST);
    expect((await rows()).map((r) => r.issue_number)).toEqual([1]);
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, event(3), { ...ctx, known: new Map() })).toEqual({ status: 200, error: null });
    expect(gh.calls).not.toContain(LIST);
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.comments).toHaveLength(2);
  });

  it('a stale row (the issue closed or deleted) falls back to the listing and is replaced', async () => {
    const gh = fakeGitHub();
    const ctx = { ...gh.ctx, db: await open() };
    await sendGitHubIssue(CHANNEL, event(1), ctx);
    gh.issues[0]!.state = 'closed';
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, event(2), { ...ctx, known: new Map() })).toEqual({ status: 201, error: null });
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues/1', LIST, 'POST /repos/acme/security/issues']);
    expect((await rows()).map((r) => r.issue_number)).toEqual([2]);
    // Deleted (GitHub answers 404 for it): the same.
    gh.issues.splice(1, 1);
    gh.calls.length = 0;
    expect(await sendGitHubIssue(CHANNEL, event(3), { ...ctx, known: new Map() })).toEqual({ status: 201, error: null });
    expect(gh.calls).toEqual(['GET /repos/acme/security/issues/2', LIST, 'POST /repos/acme/security/issues']);
    expect((await rows()).map((r) => r.issue_number)).toEqual([2]);
    expect(gh.issues.map((i) => [i.number, i.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });

  it('an issue whose answer was lost is found at the retry by its marker, not opened twice, and stored', async () => {
    const gh = fakeGitHub();
    const ctx = { ...gh.ctx, db: await open() };
    // The create reaches GitHub, but its answer does not reach the store.
    const realFetch = gh.ctx.fetch;
    const losing = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if ((init?.method ?? 'GET') === 'POST' && new URL(String(input)).pathname === '/repos/acme/security/issues') return new Response('{"message":"Bad Gateway"}', { status: 502 });
      return res;
    }) as typeof fetch;
    expect((await sendGitHubIssue(CHANNEL, event(1), { ...ctx, fetch: losing })).status).toBe(502);
    expect(await rows()).toEqual([]);
    expect(await sendGitHubIssue(CHANNEL, event(1), { ...ctx, known: new Map() })).toEqual({ status: 200, error: null });
    expect(gh.issues).toHaveLength(1);
    expect((await rows()).map((r) => r.issue_number)).toEqual([1]);
  });
});

describe('serve --github-api-url', () => {
  it('takes an http(s) API root, without its trailing slash', () => {
    expect(parseGitHubApiUrl('https://api.github.com')).toBe('https://api.github.com');
    expect(parseGitHubApiUrl('https://ghe.example/api/v3/')).toBe('https://ghe.example/api/v3');
    expect(parseGitHubApiUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['ghe.example/api/v3', '--github-api-url is not a URL (e.g. https://github.example.com/api/v3)'],
    ['ftp://ghe.example/api/v3', '--github-api-url must be an http or https URL, not ftp'],
    ['https://bot:ghp_secret@ghe.example/api/v3', "--github-api-url must not hold credentials; the token comes from the subscription's token_env"],
    ['https://ghe.example/api/v3?x=1', '--github-api-url must not have a query or a fragment'],
  ])('refuses %s in one line', (text, message) => {
    expect(() => parseGitHubApiUrl(text)).toThrow(message);
    try {
      parseGitHubApiUrl(text);
    } catch (e) {
      expect((e as Error).message).not.toContain('ghp_secret');
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('is where the channel sends its requests', async () => {
    const gh = fakeGitHub();
    const seen: string[] = [];
    const fetchFn = ((input: string | URL | Request, init?: RequestInit) => {
      seen.push(String(input));
      return gh.ctx.fetch(input, init);
    }) as typeof fetch;
    await sendGitHubIssue(CHANNEL, payload(), { ...gh.ctx, fetch: fetchFn, apiUrl: parseGitHubApiUrl('https://ghe.example/api/v3/') });
    expect(seen[0]).toBe('https://ghe.example/api/v3/repos/acme/security/issues?state=open&labels=portcullis&sort=created&direction=asc&per_page=100&page=1');
  });
});
