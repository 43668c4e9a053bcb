import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../model/index.js';
import type { EvaluationRecord } from './repo.js';
import { renderImagePage, renderLogin, renderPortfolio } from './page.js';
import { niceMax, renderHistoryChart } from './web-chart.js';
import { portfolioOrder, repositoryMatches } from './web-data.js';
import { readCookie, safeNext, SESSION_COOKIE } from './web-auth.js';
import { makeReport, randomDigest } from './testing/fixtures.js';
import { startTestStore, type TestStore } from './testing/in-process.js';
import { createRecordingLogger } from '../common/logger.js';
import { makePayload } from '../publish/sink.js';
import { createToken } from './tokens.js';
import { storeSinkKind } from '../publish/store-sink.js';

function record(over: Partial<EvaluationRecord> = {}): EvaluationRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    image_digest: `sha256:${'a'.repeat(64)}`,
    repository: 'registry.example/team/web',
    tag: '1',
    commit: null,
    pipeline_run: null,
    decision: 'GO',
    counts: { packages: 3, findings: {}, policy: { stop: 0, warn: 0, go: 0 } },
    files: { report: 'r', sbom: null, sarif: null },
    created_at: '2026-12-01T10:00:00.000Z',
    reason: 'push',
    policy_name: null,
    bundle_id: 'default',
    bundle_digest: null,
    previous_id: null,
    diff: null,
    ...over,
  };
}

/** The text of an element in an HTML string (tags removed), found by a regex on its opening tag. */
const textOf = (html: string, open: RegExp): string => {
  const m = open.exec(html);
  if (!m) throw new Error(`no ${open}`);
  const rest = html.slice(m.index);
  const tag = /^<(\w+)/.exec(rest)![1]!;
  const end = rest.indexOf(`</${tag}>`);
  return rest.slice(0, end).replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
};

describe('the portfolio', () => {
  it('orders STOP before WARN before GO, newest first within each', () => {
    const list = [
      record({ id: '1', decision: 'GO', created_at: '2026-12-03T00:00:00.000Z' }),
      record({ id: '2', decision: 'STOP', created_at: '2026-12-01T00:00:00.000Z' }),
      record({ id: '3', decision: 'WARN', created_at: '2026-12-02T00:00:00.000Z' }),
      record({ id: '4', decision: 'STOP', created_at: '2026-12-02T00:00:00.000Z' }),
    ].sort(portfolioOrder);
    expect(list.map((e) => e.id)).toEqual(['4', '2', '3', '1']);
  });

  it('filters by a repository glob, or a substring without *', () => {
    expect(repositoryMatches('registry.example/team/*', 'registry.example/team/web', 'd')).toBe(true);
    expect(repositoryMatches('registry.example/other/*', 'registry.example/team/web', 'd')).toBe(false);
    expect(repositoryMatches('team', 'registry.example/team/web', 'd')).toBe(true);
    expect(repositoryMatches('', null, 'sha256:x')).toBe(true);
    expect(repositoryMatches('web', null, 'sha256:x')).toBe(false);
  });

  it('counts images by decision and findings by severity, links each image, and escapes what the store holds', () => {
    const evil = record({ id: '5', repository: '<script>alert(1)</script>', decision: 'STOP', counts: { packages: 1, findings: { Critical: 2, High: 1 }, policy: { stop: 1, warn: 0, go: 0 } } });
    const html = renderPortfolio({ images: [evil, record()], total: 2, compliance: [], filter: '"><b>x' }, { loggedIn: true });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('value="&#34;&#62;&#60;b&#62;x"');
    const cards = (id: string) => {
      const part = html.slice(html.indexOf(`id="${id}"`), html.indexOf('</h2>', html.indexOf(`id="${id}"`)));
      return Object.fromEntries([...part.matchAll(/data-key="(\w+)"><b[^>]*>(\d+)<\/b>/g)].map((m) => [m[1], Number(m[2])]));
    };
    expect(cards('by-decision')).toEqual({ STOP: 1, WARN: 0, GO: 1 });
    expect(cards('by-severity')).toEqual({ Critical: 2, High: 1, Medium: 0, Low: 0, Negligible: 0, Unknown: 0 });
    expect(html).toContain(`<a href="/images/sha256%3A${'a'.repeat(64)}">`);
    expect(html).toContain('<form method="post" action="/logout">');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the image page', () => {
  const digest = `sha256:${'b'.repeat(64)}`;
  const report: ScanReport = {
    ...makeReport({ digest, decision: 'STOP', severities: ['High', 'Critical'] }),
    dockerfile: { path: 'ctx/Dockerfile', origins: [{ layerIndex: 1, line: 14, endLine: 21, instruction: 'RUN apt-get update' }] },
  };
  report.findings[0]!.locations = [{ path: '/var/lib/dpkg/status', provenance: { layerIndex: 1, layerDigest: 'sha256:l', diffId: 'sha256:d' } }];
  const older = record({ id: 'e1', image_digest: digest, decision: 'GO', commit: '2f1c0ffee2f1c0ffee', pipeline_run: 'github:acme/app/42/1', created_at: '2026-12-01T10:00:00.000Z' });
  const newer = record({
    id: 'e2',
    image_digest: digest,
    decision: 'STOP',
    reason: 'data_update',
    policy_name: 'bundled:default',
    bundle_digest: `sha256:${'9'.repeat(64)}`,
    created_at: '2026-12-02T10:00:00.000Z',
    counts: { packages: 3, findings: { Critical: 1, High: 1 }, policy: { stop: 1, warn: 0, go: 0 } },
    diff: { decision: { before: 'GO', after: 'STOP' }, vulnerabilities: { added: [{ id: 'CVE-2026-1001', aliases: [], package: 'curl@7' }], removed: [] }, triggers: { added: [], removed: [] } },
  });
  const html = renderImagePage(
    {
      digest,
      evaluations: [newer, older],
      report,
      notifications: [{ id: 'n1', subscription_id: '11111111-2222', event: 'policy_eval', evaluation_id: 'e2', state: 'delivered', attempts: 1, last_error: null, created_at: '2026-12-02T10:00:01.000Z', delivered_at: '2026-12-02T10:00:02.000Z' }],
    },
    { loggedIn: false },
  );

  it('draws one point per evaluation, oldest first, with a title, a description and the table it stands for', () => {
    const points = [...html.matchAll(/<circle class="point d-(\w+)"/g)].map((m) => m[1]);
    expect(points).toEqual(['GO', 'STOP']);
    expect(html).toMatch(/<svg class="chart" role="img"[^>]*aria-labelledby="chart-title chart-desc"[^>]*aria-describedby="history"/);
    expect(html).toContain('<title id="chart-title">Decision and findings over time</title>');
    expect(html).toMatch(/<desc id="chart-desc">2 evaluations from 2026-12-01T10:00:00.000Z to 2026-12-02T10:00:00.000Z; the latest is STOP with 2 findings/);
    expect(html).toContain('<table id="history">');
  });

  it('lists the latest findings, most severe first, with their Dockerfile lines', () => {
    const rows = [...html.matchAll(/<tr data-id="([^"]+)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]*>/g, '|')]);
    expect(rows.map((r) => r[0])).toEqual(['CVE-2026-1001', 'CVE-2026-1000']);
    expect(rows[1]![1]).toContain('Dockerfile:14–21');
    expect(rows[1]![1]).toContain('RUN apt-get update');
  });

  it('shows the policy, the bundle, the commit and pipeline, the reasons and differences, and the notifications', () => {
    expect(textOf(html, /<dd id="policy">/)).toBe('bundled:default');
    expect(textOf(html, /<dd id="bundle">/)).toBe(`default sha256:${'9'.repeat(64)}`);
    expect(textOf(html, /<dd id="commit">/)).toBe('2f1c0ffee2f1c0ffee');
    expect(textOf(html, /<dd id="pipeline">/)).toBe('github:acme/app/42/1');
    expect(textOf(html, /<tr id="ev-e2"/)).toContain('data_update');
    expect(textOf(html, /<tr id="ev-e2"/)).toContain('decision GO → STOP');
    expect(textOf(html, /<tr id="ev-e2"/)).toContain('+1 vulnerable packages: CVE-2026-1001');
    expect(textOf(html, /<tr data-event="policy_eval">/)).toContain('delivered');
    expect(html).not.toMatch(/<script/i);
  });

  it('a chart of one evaluation has its point in the middle; the y axis is a round number', () => {
    const svg = renderHistoryChart([{ at: '2026-12-01T00:00:00.000Z', decision: 'WARN', reason: 'push', findings: { Low: 3 } }], 't');
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).toContain('cx="396.0"');
    expect([niceMax(0), niceMax(3), niceMax(7), niceMax(11), niceMax(2000)]).toEqual([1, 5, 10, 20, 2000]);
  });
});

describe('login helpers', () => {
  it('reads the cookie, and sends only to paths of this site after login', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=pcs_x; b=2`, SESSION_COOKIE)).toBe('pcs_x');
    expect(readCookie('a=1', SESSION_COOKIE)).toBeUndefined();
    expect(safeNext('/images/sha256%3Aab?x=1')).toBe('/images/sha256%3Aab?x=1');
    for (const bad of ['//evil.example/', 'https://evil.example/', '/\\evil', 'javascript:alert(1)', 42]) expect(safeNext(bad)).toBe('/');
    expect(renderLogin({ error: '<b>', next: '/' })).toContain('&#60;b&#62;');
  });
});

describe('the pages over HTTP, without --open-read', () => {
  let store: TestStore;
  const digest = randomDigest();

  beforeAll(async () => {
    store = await startTestStore();
    const sink = storeSinkKind.create({ url: store.url, auth: { kind: 'bearer', token: store.tokens.push } });
    const report = makeReport({ digest, decision: 'STOP', severities: ['Critical'] });
    await sink.push(
      makePayload({ imageDigest: digest, imageTag: 'registry.example/web:1', report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(report)) } }),
      { logger: createRecordingLogger() },
    );
  });
  afterAll(() => store?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${store.url}${path}`, { headers, redirect: 'manual' });
  const login = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${store.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ token, next: '/images/x' }) });

  it('sends a reader without a token to the login form; a bearer header still works, with the page headers', async () => {
    const anon = await get('/', { accept: 'text/html,application/xhtml+xml' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/login?next=%2F');
    const client = await get('/');
    expect(client.status).toBe(401);
    expect(client.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await client.text()).toContain('a bearer token is required');
    const page = await get('/', { authorization: `Bearer ${store.tokens.read}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe-eval/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain(`data-digest="${digest}"`);
  });

  it('login sets an HttpOnly SameSite=Strict cookie (Secure behind X-Forwarded-Proto: https) that reads the pages', async () => {
    const res = await login(store.tokens.read);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/images/x');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=pcs_[^;]+; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800$`));
    const secure = await login(store.tokens.read, { 'x-forwarded-proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
    const pair = cookie.split(';')[0]!;
    const page = await get(`/images/${encodeURIComponent(digest)}`, { cookie: pair });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/logout">');
    expect(html).toContain('CVE-2026-1000');
  });

  it('refuses a wrong token, a push-only token, and a login posted from another site', async () => {
    const wrong = await login('pcs_not-a-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('Unknown or revoked token.');
    const push = await login(store.tokens.push);
    expect(push.status).toBe(403);
    expect(await push.text()).toContain('lacks the &#34;read&#34; scope');
    const cross = await login(store.tokens.read, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('set-cookie')).toBeNull();
  });

  it('the cookie is no credential for the API, nor for anything but GET; a revoked cookie is cleared; a repository-scoped token sees only its images', async () => {
    const pair = (await login(store.tokens.read)).headers.get('set-cookie')!.split(';')[0]!;
    expect((await get('/v2/evaluations', { cookie: pair })).status).toBe(401);
    const post = await fetch(`${store.url}/v2/evaluations`, { method: 'POST', headers: { cookie: pair } });
    expect(post.status).toBe(401);
    const stale = await get('/', { cookie: `${SESSION_COOKIE}=pcs_revoked` });
    expect(stale.status).toBe(401);
    expect(stale.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await stale.text()).toContain('id="login-error"');
    const scoped = (await createToken(store.db, 'team-b', ['read'], ['registry.example/team-b/*'])).token;
    const scopedPair = (await login(scoped)).headers.get('set-cookie')!.split(';')[0]!;
    const portfolio = await (await get('/', { cookie: scopedPair })).text();
    expect(portfolio).not.toContain(`data-digest="${digest}"`);
    expect(portfolio).toContain('No evaluations yet.');
    expect((await get(`/images/${encodeURIComponent(digest)}`, { cookie: scopedPair })).status).toBe(404);
    const out = await fetch(`${store.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: pair, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
  });
});
