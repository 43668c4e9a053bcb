import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecordingLogger } from '../common/logger.js';
import { pushCompliance } from '../publish/compliance.js';
import { makePayload } from '../publish/sink.js';
import { storeSinkKind } from '../publish/store-sink.js';
import { makeReport, randomDigest, SARIF, SBOM } from './testing/fixtures.js';
import { startTestStore, type TestStore } from './testing/in-process.js';
import { describeUnless } from '../../test/helpers/skip.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

describeUnless(hasChromium ? undefined : `${CHROMIUM} is absent (apt-get install chromium)`, `the store's web page in headless Chromium`, () => {
  let store: TestStore;
  let browser: Browser;
  let profile: string;
  const stopDigest = randomDigest();
  const goDigest = randomDigest();

  beforeAll(async () => {
    store = await startTestStore({ openRead: true });
    const sink = storeSinkKind.create({ url: store.url, auth: { kind: 'bearer', token: store.tokens.push } });
    const push = (digest: string, tag: string, decision: 'GO' | 'STOP', severities: string[]) =>
      sink.push(
        makePayload({
          imageDigest: digest,
          imageTag: tag,
          report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest, decision, severities }))) },
          sbom: { name: 'sbom.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(SBOM)) },
          sarif: { name: 'r.sarif', contentType: 'application/sarif+json', data: Buffer.from(JSON.stringify(SARIF)) },
        }),
        { logger: createRecordingLogger() },
      );
    await push(randomDigest(), 'registry.example/web:1', 'GO', []); // superseded by the next push of the same tag
    await push(stopDigest, 'registry.example/web:1', 'STOP', ['Critical', 'High', 'High']);
    await push(goDigest, 'registry.example/api:2', 'GO', ['Low']);
    await pushCompliance(
      { url: store.url, auth: { kind: 'bearer', token: store.tokens.push } },
      { check_type: 'oscap', image_digest: stopDigest, result: 'fail' },
      { report_file: { name: 'oscap-report.html', data: Buffer.from('<html><body>OpenSCAP Evaluation Report</body></html>'), contentType: 'text/html' } },
    );
    profile = mkdtempSync(join(tmpdir(), 'portcullis-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('lists each image and tag once with its latest decision, counts and compliance, and its links download the files', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const res = await page.goto(store.url);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('Portcullis store');
    const rows = page.locator('#images tbody tr');
    expect(await rows.count()).toBe(2);
    const web = page.locator(`tr[data-digest="${stopDigest}"]`);
    const cells = await web.locator('td').allInnerTexts();
    expect(cells[0]).toBe('registry.example/web:1');
    expect(cells[2]).toBe('STOP');
    expect(cells.slice(3, 9)).toEqual(['1', '2', '0', '0', '0', '0']);
    expect(await web.locator('td.compliance').innerText()).toBe('oscap: fail report');
    expect(await page.locator(`tr[data-digest="${goDigest}"] td`).nth(2).innerText()).toBe('GO');
    await page.screenshot({ path: process.env.PORTCULLIS_PAGE_SCREENSHOT ?? join(profile, 'page.png'), fullPage: true });

    const [sbom] = await Promise.all([page.waitForEvent('download'), web.getByRole('link', { name: 'sbom' }).click()]);
    expect(sbom.suggestedFilename()).toBe('sbom.json');
    expect(JSON.parse(readFileSync((await sbom.path())!, 'utf8'))).toEqual(SBOM);
    const [report] = await Promise.all([page.waitForEvent('download'), web.locator('td.compliance').getByRole('link', { name: 'report' }).click()]);
    expect(readFileSync((await report.path())!, 'utf8')).toContain('OpenSCAP Evaluation Report');
    await context.close();
  });
});
