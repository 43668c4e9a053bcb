/**
 * The store's pages as a security lead meets them, in headless Chromium (playwright-core, Debian's chromium), over a
 * real store (SQLite, files on disk, the notification deliverer and a webhook receiver written here) that holds
 * real scans of the shared images, pushed the way a pipeline pushes (the scan's own push, with a commit and a
 * pipeline run): dockerfile-app scanned with its Dockerfile twice (a Low advisory, then Critical and High ones:
 * GO or WARN, then STOP), the minimal base image once, then a store policy change that re-evaluates both.
 *
 * Without --open-read: the reader logs in with a read token (a wrong one is refused on the form), sees the
 * portfolio with the STOP first, filters by repository, opens the image, and reads the chart (one point per
 * evaluation), a finding with its Dockerfile line, the policy and bundle, the commit and pipeline, the reasons and
 * differences, and the notifications. The portfolio's compliance-file links download with the cookie too, and a
 * team-b token's cookie reads no team-a file (the same 404 as an unknown one). Full-page screenshots are kept in test-artifacts/ (store-portfolio.png,
 * store-image.png), beside the summary-render test's.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/common/logger.js';
import type { ScanReport } from '../../src/model/index.js';
import type { NotificationRecord } from '../../src/notify/outbox.js';
import { BUNDLED_POLICIES } from '../../src/policy/bundled.js';
import { pushCompliance } from '../../src/publish/compliance.js';
import { runScan } from '../../src/scan/pipeline.js';
import { pushEvaluation } from '../../src/scan/store-push.js';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import type { ComplianceRecord, EvaluationRecord } from '../../src/store/repo.js';
import { buildStoreServer } from '../../src/store/server.js';
import { listenStore, storeApi, waitFor } from '../../src/store/testing/bucket.js';
import { createToken } from '../../src/store/tokens.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import { PROJECT_ROOT, sharedBlocker, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase, SEED_RECORDS } from '../helpers/vulndb.js';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const chromiumBlocker = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent (apt-get install chromium)`;

const TEAM_A = 'registry.example/team-a/dockerfile-app';
const TEAM_B = 'registry.example/team-b/minbase';
const COMMIT = '2f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddb';
const PIPELINE = 'github:acme/dockerfile-app/4242/1';

const VECTORS = { Critical: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', High: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', Medium: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', Low: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N' };

/** A Debian 12 advisory for every version of a source package (dockerfile-app installs curl, openssl and python3 over the base). */
function advisory(id: string, source: string, severity: keyof typeof VECTORS): OsvRecord {
  return {
    id,
    modified: '2026-11-22T00:00:00Z',
    summary: `Test advisory for ${source}`,
    severity: [{ type: 'CVSS_V3', score: VECTORS[severity] }],
    affected: [{ package: { ecosystem: 'Debian:12', name: source }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
  } as OsvRecord;
}

const LOW = [advisory('CVE-2099-0001', 'python3.11', 'Low')];
const SEVERE = [...LOW, advisory('CVE-2099-0002', 'curl', 'Critical'), advisory('CVE-2099-0003', 'openssl', 'High'), advisory('CVE-2099-0004', 'python3.11', 'Medium')];

/** A webhook receiver: answers 200 to everything. */
class Receiver {
  count = 0;
  #server: Server | undefined;
  url = '';
  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.count++;
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

describeUnless(sharedBlocker() ?? chromiumBlocker, "the store's pages in headless Chromium, logged in with a read token", () => {
  let dir: string;
  let db: SqlDb;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const receiver = new Receiver();
  const tokens = { push: '', read: '', admin: '', teamB: '' };
  const checks: Record<'a' | 'b', ComplianceRecord | undefined> = { a: undefined, b: undefined };
  const OSCAP_HTML = (team: string) => `<html><body><script>alert(1)</script>OpenSCAP report of ${team}</body></html>`;
  let digestA = '';
  let digestB = '';
  let historyA: EvaluationRecord[] = [];
  let stopReport: ScanReport;
  const consoleErrors: string[] = [];

  const api = (method: string, path: string, token: string, body?: unknown) => storeApi(url, method, path, token, body);

  /** What a pipeline does: scan the image (offline, with its database), then push the evaluation with its tag, commit and run. */
  async function scanAndPush(ref: string, tag: string, cacheDir: string, dockerfile?: string, run = PIPELINE): Promise<ScanReport> {
    const result = await runScan(
      {
        image: `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:${ref}`,
        source: {},
        ...(dockerfile ? { dockerfilePath: dockerfile } : {}),
        failOn: 'never',
        outputs: [],
        vulnerabilities: { enabled: true, cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
      },
      { env: {}, logger: silentLogger },
    );
    // An OCI layout has no registry name: the pipeline pushes under the name it gave the image (`docker push`'s).
    const report = { ...result.report, image: { ...result.report.image, repoTags: [tag] } };
    const pushed = await pushEvaluation(
      { target: { url, auth: { kind: 'bearer', token: tokens.push }, retries: 0 }, spoolDir: join(dir, 'spool'), failOnError: true, commit: COMMIT, pipelineRun: run },
      report,
      (p) => p,
      silentLogger,
    );
    if (pushed.status !== 'pushed') throw new Error(`push failed: ${JSON.stringify(pushed)}`);
    return report;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-store-page-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const lowDb = join(dir, 'db-low');
    const severeDb = join(dir, 'db-severe');
    seedDatabase(lowDb, [...SEED_RECORDS, ...LOW]);
    seedDatabase(severeDb, [...SEED_RECORDS, ...SEVERE]);
    await receiver.start();
    db = await openDatabase({ dataDir: dir, database: join(dir, 'store.sqlite') });
    tokens.push = (await createToken(db, 'ci', ['push'])).token;
    tokens.read = (await createToken(db, 'lead', ['read'])).token;
    tokens.admin = (await createToken(db, 'ops', ['admin'])).token;
    tokens.teamB = (await createToken(db, 'team-b lead', ['read'], ['registry.example/team-b/*'])).token;
    app = await buildStoreServer({
      db,
      files: new DirectoryFileStore(join(dir, 'files')),
      data: { cacheDir: severeDb },
      env: {},
      notifications: { pollMs: 50, baseBackoffMs: 100, maxBackoffMs: 400, leaseMs: 10_000, timeoutMs: 5000 },
      watch: false,
    });
    url = await listenStore(app);
    const sub = await api('POST', '/v2/subscriptions', tokens.admin, { events: ['vuln_update', 'policy_eval', 'tag_update', 'analysis_update'], webhook: { url: `${receiver.url}/hook`, secret: 'a-webhook-secret-of-32-characters!' } });
    expect(sub.status).toBe(201);

    const dockerfile = sharedPath('fixtures/images/dockerfile-app/context/Dockerfile');
    const first = await scanAndPush('dockerfile-app-buildah-layers', `${TEAM_A}:1.4.2`, lowDb, dockerfile, `${PIPELINE.slice(0, -6)}4241/1`);
    stopReport = await scanAndPush('dockerfile-app-buildah-layers', `${TEAM_A}:1.4.2`, severeDb, dockerfile);
    const base = await scanAndPush('minbase', `${TEAM_B}:bookworm`, lowDb);
    digestA = stopReport.image.manifestDigest!;
    digestB = base.image.manifestDigest!;
    expect(first.decision).not.toBe('STOP');
    expect(stopReport.decision).toBe('STOP');
    expect(base.decision).not.toBe('STOP');
    // A runtime compliance check of each image, with its files, as `portcullis oscap` pushes it.
    for (const [k, digest, tag] of [
      ['a', digestA, `${TEAM_A}:1.4.2`],
      ['b', digestB, `${TEAM_B}:bookworm`],
    ] as const) {
      const pushed = await pushCompliance(
        { url, auth: { kind: 'bearer', token: tokens.push } },
        { check_type: 'oscap', image_digest: digest, result: k === 'a' ? 'fail' : 'pass', image_tag: tag, pod: `web-${k}`, namespace: 'prod' },
        {
          result_file: { name: 'results.xml', data: Buffer.from(`<Benchmark id="${k}"/>`), contentType: 'application/xml' },
          report_file: { name: 'report.html', data: Buffer.from(OSCAP_HTML(k)), contentType: 'text/html' },
        },
      );
      checks[k] = pushed.check as unknown as ComplianceRecord;
    }

    // The store's `default` policy: the bundled one, STOPping on Medium too. Both images are re-evaluated.
    const bundle = structuredClone(BUNDLED_POLICIES.default) as { policies: { rules: { action: string; gate: string; params?: { name: string; value: string }[] }[] }[] };
    for (const r of bundle.policies[0]!.rules) {
      if (r.gate === 'vulnerabilities' && r.action === 'STOP') for (const p of r.params ?? []) if (p.name === 'severity_comparison') p.value = '>=';
    }
    const put = await api('PUT', '/v2/policies/default', tokens.admin, bundle);
    expect(put.status).toBe(200);
    const jobId = ((put.json as { job: { id: string } }).job).id;
    await waitFor('the policy_change job', async () => {
      const j = (await api('GET', `/v2/jobs/${jobId}`, tokens.read)).json as { state: string };
      return j.state === 'succeeded' || j.state === 'failed' ? j : undefined;
    }, 60_000);
    historyA = (await api('GET', `/v2/images/${digestA}/evaluations`, tokens.read)).json as EvaluationRecord[];
    expect(historyA.map((e) => e.reason)).toEqual(['policy_change', 'push', 'push']);
    // Every notification delivered before the page is read.
    await waitFor('the notifications', async () => {
      const list = (await api('GET', '/v2/notifications', tokens.admin)).json as NotificationRecord[];
      return list.length > 0 && list.every((n) => n.state === 'delivered') ? list : undefined;
    });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('console', (m) => {
      // (Not the 401 and 403 of the refused logins, nor the favicon's 404: what the CSP refused.)
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await db?.close();
    await receiver.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a reader without a token lands on the login form; a wrong token is refused there; the read token logs in', async () => {
    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Read token').fill('pcs_this-is-not-a-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('#login-error').innerText()).toBe('Unknown or revoked token.');
    expect(await context.cookies()).toEqual([]);
    // A push token is a token, but not one that reads.
    await page.getByLabel('Read token').fill(tokens.push);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('#login-error').innerText()).toBe('This token lacks the "read" scope.');

    await page.getByLabel('Read token').fill(tokens.read);
    await Promise.all([page.waitForURL(`${url}/`), page.getByRole('button', { name: 'Log in' }).click()]);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'portcullis_read', httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
  });

  it('the portfolio: the STOP first, counts by decision and severity, each image linked', async () => {
    expect(await page.title()).toBe('Portcullis store');
    const rows = page.locator('#images tbody tr');
    expect(await rows.count()).toBe(2);
    const first = await rows.nth(0).locator('td').allInnerTexts();
    expect(first[0]).toBe(`${TEAM_A}:1.4.2`);
    expect(first[2]).toBe('STOP');
    expect(first[3]).toBe(String(stopReport.findings.filter((f) => f.severity === 'Critical').length));
    expect((await rows.nth(1).locator('td').allInnerTexts())[0]).toBe(`${TEAM_B}:bookworm`);
    expect(await page.locator('#by-decision [data-key="STOP"] b').innerText()).toBe('1');
    const critical = Number(await page.locator('#by-severity [data-key="Critical"] b').innerText());
    expect(critical).toBeGreaterThanOrEqual(1);
    expect(await rows.nth(0).getByRole('link', { name: `${TEAM_A}:1.4.2` }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'store-portfolio.png'), fullPage: true });
  });

  it('filters by repository with the form (a glob), and clears it', async () => {
    await page.getByLabel('Repository').fill('registry.example/team-b/*');
    await Promise.all([page.waitForURL(/\?repository=/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(new URL(page.url()).searchParams.get('repository')).toBe('registry.example/team-b/*');
    const rows = page.locator('#images tbody tr');
    expect(await rows.count()).toBe(1);
    expect((await rows.nth(0).locator('td').allInnerTexts())[0]).toBe(`${TEAM_B}:bookworm`);
    expect(await page.locator('#by-decision [data-key="STOP"] b').innerText()).toBe('0');
    await page.getByRole('link', { name: 'clear' }).click();
    await page.waitForURL(`${url}/`);
    expect(await page.locator('#images tbody tr').count()).toBe(2);
  });

  it("opens the STOP image: the chart has one point per evaluation, and the page tells who pushed it and what decided", async () => {
    await Promise.all([page.waitForURL(/\/images\//), page.getByRole('link', { name: `${TEAM_A}:1.4.2` }).click()]);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/images/${digestA}`);
    expect(await page.locator('h1').innerText()).toBe(`${TEAM_A}:1.4.2 STOP`);
    const chart = page.getByRole('img', { name: 'Decision and findings over time' });
    expect(await chart.isVisible()).toBe(true);
    const points = chart.locator('circle.point');
    expect(await points.count()).toBe(historyA.length);
    // Oldest on the left: the decisions read left to right are the history's, oldest first; every point is drawn.
    const drawn = await points.evaluateAll((els) => els.map((e) => ({ decision: e.getAttribute('data-decision'), box: e.getBoundingClientRect() })).map((p) => ({ decision: p.decision, x: p.box.x, w: p.box.width })));
    expect(drawn.map((p) => p.decision)).toEqual([...historyA].reverse().map((e) => e.decision));
    expect(drawn.every((p) => p.w > 0)).toBe(true);
    expect(drawn.map((p) => p.x)).toEqual([...drawn.map((p) => p.x)].sort((a, b) => a - b));
    // The table fallback holds the same evaluations, with their reasons.
    const history = page.locator('#history tbody tr');
    expect(await history.count()).toBe(historyA.length);
    expect(await history.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reason')))).toEqual(['policy_change', 'push', 'push']);
    expect(await history.nth(1).innerText()).toMatch(/\+\d+ vulnerable packages: .*CVE-2099-0002/);

    expect(await page.locator('#policy').innerText()).toBe('default');
    expect(await page.locator('#bundle').innerText()).toContain(historyA[0]!.bundle_digest!);
    expect(await page.locator('#commit').innerText()).toBe(COMMIT);
    expect(await page.locator('#pipeline').innerText()).toBe(PIPELINE);
  });

  it('the latest findings name their Dockerfile line, and the notifications sent for the image are listed', async () => {
    const curl = page.locator('#findings tbody tr[data-id="CVE-2099-0002"]').first();
    expect(await curl.isVisible()).toBe(true);
    const cells = await curl.locator('td').allInnerTexts();
    expect(cells[1]).toBe('Critical');
    // dockerfile-app's `RUN apt-get update … install … curl …` is lines 14–21 of its Dockerfile.
    expect(cells[5]).toMatch(/^Dockerfile:14–21 RUN /);
    const notifications = page.locator('#notifications tbody tr');
    expect(await notifications.count()).toBeGreaterThanOrEqual(3);
    const events = await notifications.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')));
    expect(events).toContain('analysis_update');
    expect(events).toContain('policy_eval');
    expect(await notifications.first().locator('td').nth(3).innerText()).toBe('delivered');
    await page.screenshot({ path: join(ARTIFACTS, 'store-image.png'), fullPage: true });
    // The page has no script, and the CSP refused nothing it has (its inline style, its inline SVG).
    expect(await page.locator('script').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("the portfolio's compliance links download with the cookie; a team-b token's cookie reads no team-a file", async () => {
    await page.goto(url);
    const rowA = page.locator(`#images tbody tr[data-digest="${digestA}"]`);
    expect(await rowA.locator('td.compliance').innerText()).toBe('oscap: fail result report');
    const [report] = await Promise.all([page.waitForEvent('download'), rowA.locator('td.compliance').getByRole('link', { name: 'report' }).click()]);
    expect(report.suggestedFilename()).toBe('report.html');
    expect(readFileSync((await report.path())!, 'utf8')).toBe(OSCAP_HTML('a'));
    const [result] = await Promise.all([page.waitForEvent('download'), rowA.locator('td.compliance').getByRole('link', { name: 'result' }).click()]);
    expect(readFileSync((await result.path())!, 'utf8')).toBe('<Benchmark id="a"/>');
    const hrefA = await rowA.locator('td.compliance').getByRole('link', { name: 'report' }).getAttribute('href');
    expect(hrefA).toBe(`/compliance/${checks.a!.id}/report`);
    // The cookie is good for the page's route, never for the API's.
    expect((await context.request.get(`${url}/v2/runtime-compliance/result/${checks.a!.compliance_file_ids.report_file}`)).status()).toBe(401);
    const viaPage = await context.request.get(`${url}${hrefA}`);
    expect(viaPage.status()).toBe(200);
    expect(viaPage.headers()['content-security-policy']).toBe('sandbox');
    expect(viaPage.headers()['content-disposition']).toBe('attachment; filename="report.html"');

    // A team-b lead, logged in in another browser: sees team-b only, downloads team-b's file, and team-a's is not there.
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await other.newPage();
      await p.goto(`${url}/login`);
      await p.getByLabel('Read token').fill(tokens.teamB);
      await Promise.all([p.waitForURL(`${url}/`), p.getByRole('button', { name: 'Log in' }).click()]);
      expect(await p.locator('#images tbody tr').count()).toBe(1);
      const rowB = p.locator(`#images tbody tr[data-digest="${digestB}"]`);
      const [own] = await Promise.all([p.waitForEvent('download'), rowB.locator('td.compliance').getByRole('link', { name: 'report' }).click()]);
      expect(readFileSync((await own.path())!, 'utf8')).toBe(OSCAP_HTML('b'));
      const unknown = await other.request.get(`${url}/compliance/00000000-0000-4000-8000-000000000000/report`);
      expect(unknown.status()).toBe(404);
      for (const kind of ['report', 'result']) {
        const theirs = await other.request.get(`${url}/compliance/${checks.a!.id}/${kind}`);
        expect(theirs.status()).toBe(404);
        expect(await theirs.text()).toBe(await unknown.text());
      }
      // And in the browser, the same "not found" page.
      await p.goto(`${url}/compliance/${checks.a!.id}/report`);
      expect(await p.locator('h1').innerText()).toBe('Not found');
      expect(await p.locator('main p').first().innerText()).toBe('No such file.');
    } finally {
      await other.close();
    }
  });

  it('a file link downloads with the cookie; after logging out the pages ask for the token again', async () => {
    await page.goto(`${url}/images/${encodeURIComponent(digestA)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#history tbody tr').first().getByRole('link', { name: 'report' }).click()]);
    const path = await download.path();
    expect(path).toBeTruthy();
    await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: 'Log out' }).click()]);
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${url}/images/${encodeURIComponent(digestB)}`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
