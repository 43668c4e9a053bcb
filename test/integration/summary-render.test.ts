/**
 * The job summary and the PR comment as a user meets them: rendered from Markdown to HTML (GitHub Flavored Markdown:
 * `marked` when installed, else GitHub's own cmark-gfm at /usr/bin/cmark-gfm) and opened in headless Chromium at
 * 1280 px. What is above the fold (the first 900 px) is asserted: the decision, the image digest, the findings table's
 * header and first rows. Screenshots of that fold are kept in test-artifacts/ (summary.png, comment.png, and
 * summary-app.png for the real `app` scan).
 *
 * Reports: the shared image `app` scanned with the shared OSV data (../shared/vulndata/osv: real advisories, 2023-04,
 * older than the image's packages, so it has few findings), and dockerfile-app scanned, with its Dockerfile, against
 * 2,000 synthetic advisories for its real packages (a real scan, policy evaluation and Dockerfile mapping: a big
 * report). Also here, without a browser: the severity cutoff across every format.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import type { Package, ScanReport } from '../../src/model/index.js';
import type { RenderOptions } from '../../src/output/format.js';
import { renderMarkdown } from '../../src/output/formats/markdown.js';
import { OUTPUT_FORMATS } from '../../src/output/list.js';
import { sampleReport } from '../../src/output/testdata/report.js';
import { commentBody } from '../../src/platform/github/pr-comment.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import { PROJECT_ROOT, sharedBlocker, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';

const CHROMIUM = '/usr/bin/chromium';
const CMARK = '/usr/bin/cmark-gfm';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const FOLD = { width: 1280, height: 900 };
const RUN_URL = 'https://github.com/acme/app/actions/runs/4242';
const SOURCE_URL = 'https://github.com/acme/app/blob/2f1c0ffee';

type Render = (markdown: string) => string;

/** GitHub Flavored Markdown to HTML: `marked` (a devDependency) when installed, else cmark-gfm; undefined with neither. */
async function markdownRenderer(): Promise<Render | undefined> {
  const name = 'marked';
  try {
    const mod = (await import(name)) as { marked: { parse(md: string, o: { gfm: boolean; async: false }): string } };
    return (md) => mod.marked.parse(md, { gfm: true, async: false });
  } catch {
    // not installed
  }
  if (!existsSync(CMARK)) return undefined;
  return (md) => {
    // GitHub's own extensions; raw HTML is let through (GitHub sanitises it), so an escaping slip would show.
    const r = spawnSync(CMARK, ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'], { input: md, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`cmark-gfm failed: ${r.stderr}`);
    return r.stdout;
  };
}

const rendererBlocker = existsSync(CMARK) || existsSync(join(PROJECT_ROOT, 'node_modules/marked')) ? undefined : `no Markdown renderer (the devDependency marked, or ${CMARK}: apt-get install cmark-gfm)`;
const chromiumBlocker = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent (apt-get install chromium)`;

/**
 * A page that looks like a GitHub Markdown body (system fonts, 14 px, bordered tables, grey code), `width` px wide as
 * the summary pane or a comment is at a 1280 px window. (An emoji font must not come before the text fonts: its
 * digits and spaces are wide.)
 */
function page(html: string, width: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f6f8fa; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans Condensed", sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; }
.markdown-body { box-sizing: border-box; width: ${width}px; margin: 16px auto; padding: 16px 24px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; word-wrap: break-word; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 0 0 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; }
p, blockquote, table { margin: 0 0 16px; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 85%; padding: .2em .4em; background: rgba(129,139,152,.12); border-radius: 6px; white-space: break-spaces; }
hr { border: 0; height: .25em; background: #d1d9e0; }
a { color: #0969da; text-decoration: none; }
</style></head><body><div class="markdown-body">${html}</div></body></html>`;
}

/** A cell's text, the way the user reads it. */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Fold {
  heading: string;
  headingBottom: number;
  digest?: { text: string; bottom: number };
  findingsHeader: string[];
  findingsHeaderBottom: number;
  rows: { cells: string[]; bottom: number }[];
  /** Rows whose cell count is not the header's (an escaping slip breaks a row). */
  ragged: number;
  scrollWidth: number;
  /** Text that is still Markdown syntax after rendering. */
  leaked: string[];
}

/** What the page shows and where: the decision heading, the digest, the findings table (all rows, with their bottoms). */
async function readFold(p: Page): Promise<Fold> {
  // Runs in the page (a string: the project's TypeScript has no DOM types).
  return p.evaluate<Fold>(`(() => {
    const bottom = (e) => e.getBoundingClientRect().bottom + window.scrollY;
    const h2 = document.querySelector('h2');
    const digest = [...document.querySelectorAll('code')].find((c) => /^sha256:[0-9a-f]{64}$/.test(c.textContent ?? ''));
    const h3 = [...document.querySelectorAll('h3')].find((h) => h.textContent === 'Findings');
    let table = h3.nextElementSibling;
    while (table && table.tagName !== 'TABLE') table = table.nextElementSibling;
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({ cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''), bottom: bottom(tr) }));
    const all = [...document.querySelectorAll('tbody tr')];
    const width = (tr) => tr.closest('table').querySelectorAll('thead th').length;
    const body = document.querySelector('.markdown-body').textContent ?? '';
    return {
      heading: h2.textContent ?? '',
      headingBottom: bottom(h2),
      ...(digest ? { digest: { text: digest.textContent ?? '', bottom: bottom(digest) } } : {}),
      findingsHeader: header,
      findingsHeaderBottom: bottom(table.querySelector('thead')),
      rows,
      ragged: all.filter((tr) => tr.querySelectorAll('td').length !== width(tr)).length,
      scrollWidth: document.documentElement.scrollWidth,
      leaked: ['\\\\|', '**', '\u0060', '\\\\_', '&#8203;', '](http'].filter((s) => body.includes(s)),
    };
  })()`);
}

/** Synthetic advisories for the packages of a scanned image: `n` records, severities spread, most with a fix. */
function advisoriesFor(packages: readonly Package[], n: number): OsvRecord[] {
  const vectors = [
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // 9.8 Critical
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', // 7.5 High
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', // 5.4 Medium
    'CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', // 2.9 Low
  ];
  const weights = [1, 4, 9, 6]; // of 20
  const targets = packages.filter((p) => p.type === 'deb' || p.type === 'npm');
  const bump = (p: Package): string => (p.type === 'deb' ? `${p.version}+fix1` : p.version.replace(/(\d+)(?!.*\d)/, (d) => String(Number(d) + 1)));
  return Array.from({ length: n }, (_, i): OsvRecord => {
    const p = targets[(i * 7) % targets.length]!;
    let w = i % 20;
    const s = weights.findIndex((x) => (w -= x) < 0);
    const name = p.type === 'deb' ? (p.source?.name ?? p.name) : p.name;
    const events = i % 5 === 4 ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed: bump(p) }];
    return {
      id: `CVE-2099-${String(10000 + i)}`,
      modified: '2026-11-22T00:00:00Z',
      summary: `Synthetic advisory ${i} for ${name}`,
      severity: [{ type: 'CVSS_V3', score: vectors[s]! }],
      affected: [{ package: { ecosystem: p.type === 'deb' ? 'Debian:12' : 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events }] }],
    };
  });
}

describeUnless(sharedBlocker() ?? chromiumBlocker ?? rendererBlocker, 'the summary and the PR comment in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  let render: Render;
  let app: ScanReport;
  let big: ScanReport;
  const dockerfile = sharedPath('fixtures/images/dockerfile-app/context/Dockerfile');
  const checkoutRoot = dirname(dirname(dockerfile));

  async function scan(args: string[], cache: string): Promise<ScanReport> {
    const out = join(dir, `scan-${Math.random().toString(36).slice(2)}.json`);
    const ctx: CliContext = { logger: createRecordingLogger(), out: () => undefined, stdin: Readable.from([]), env: { PORTCULLIS_CACHE_DIR: cache }, outcome: 'go' };
    await runProgram(['scan', ...args, '--offline', '-o', `json=${out}`], ctx);
    return JSON.parse(readFileSync(out, 'utf8')) as ScanReport;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-summary-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    render = (await markdownRenderer())!;
    // The real image with the real advisories.
    const osv = join(dir, 'osv-cache');
    const ctx: CliContext = { logger: createRecordingLogger(), out: () => undefined, stdin: Readable.from([]), env: {}, outcome: 'go' };
    await runProgram(['db', 'import', sharedPath('vulndata/osv'), '--cache-dir', osv], ctx);
    app = await scan([`oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:app`], osv);
    // dockerfile-app, against 2,000 advisories for the packages it has.
    const image = `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:dockerfile-app-buildah-layers`;
    const seeded = join(dir, 'seed-cache');
    seedDatabase(seeded);
    const packages = (await scan([image], seeded)).packages;
    const synthetic = join(dir, 'synthetic-cache');
    seedDatabase(synthetic, advisoriesFor(packages, 2000));
    big = await scan([image, '--dockerfile', dockerfile], synthetic);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the rendered Markdown at the fold's size, keeps a screenshot of the fold, and reads the page. */
  async function open(markdown: string, width: number, screenshot: string): Promise<Fold> {
    const context = await browser.newContext({ viewport: FOLD, deviceScaleFactor: 1 });
    try {
      const p = await context.newPage();
      await p.setContent(page(render(markdown), width), { waitUntil: 'load' });
      await p.screenshot({ path: join(ARTIFACTS, screenshot), clip: { x: 0, y: 0, ...FOLD } });
      return await readFold(p);
    } finally {
      await context.close();
    }
  }

  it('the scans: app with the real advisories, dockerfile-app with 2,000 findings mapped to its Dockerfile', () => {
    expect(app.image.manifestDigest).toBe('sha256:e30b604b4fe7f516f38d7f602936eb799c5a047bf79f2203893a4f3c7dd185f9');
    expect(app.findings.length).toBeGreaterThan(0);
    expect(big.findings.length).toBeGreaterThanOrEqual(2000);
    expect(big.decision).toBe('STOP');
    expect(big.findings.filter((f) => f.severity === 'Critical').length).toBeGreaterThan(25);
    expect(big.dockerfile?.origins.some((o) => o.line === 14)).toBe(true);
  });

  it('the job summary of the 2,000-finding scan: decision, digest, the findings header and first rows above the fold', async () => {
    const options = { reportUrl: RUN_URL, sourceUrl: SOURCE_URL, checkoutRoot };
    const markdown = renderMarkdown(big, options);
    const fold = await open(markdown, 920, 'summary.png');
    expectFold(fold, big, markdown);
  });

  it('the PR comment of the 2,000-finding scan: within 65,536 characters, the same fold in a comment-wide column', async () => {
    const body = commentBody(big, { runUrl: RUN_URL, sourceUrl: SOURCE_URL, checkoutRoot });
    expect(body.length).toBeLessThanOrEqual(65_536);
    const fold = await open(body, 780, 'comment.png');
    expectFold(fold, big, body);
  });

  it('the job summary of app (the real advisories): the decision, the digest and its finding above the fold', async () => {
    const markdown = renderMarkdown(app, { reportUrl: RUN_URL });
    const fold = await open(markdown, 920, 'summary-app.png');
    expectFold(fold, app, markdown);
  });
});

/** The decision, the digest, the findings table header and at least its first 3 rows end above the fold. */
function expectFold(fold: Fold, report: ScanReport, markdown: string): void {
  const decision = report.decision;
  expect(fold.heading.startsWith(`${{ GO: '✅', WARN: '⚠️', STOP: '🛑' }[decision]} ${decision}: `)).toBe(true);
  expect(fold.headingBottom).toBeLessThan(FOLD.height);
  expect(fold.digest).toEqual({ text: report.image.manifestDigest, bottom: expect.any(Number) });
  expect(fold.digest!.bottom).toBeLessThan(FOLD.height);
  expect(fold.findingsHeader.slice(0, 6)).toEqual(['Severity', 'Vulnerability', 'Package', 'Installed', 'Fixed in', 'Dockerfile']);
  expect(fold.findingsHeaderBottom).toBeLessThan(FOLD.height);
  const shown = Math.min(3, report.findings.length);
  const above = fold.rows.filter((r) => r.bottom <= FOLD.height);
  expect(above.length).toBeGreaterThanOrEqual(shown);
  // The first rows are the ones the markdown lists first (those the policy fired on, most severe first).
  const firstIds = markdown
    .split('\n')
    .filter((l) => /^\| \S+\u00a0(Critical|High|Medium|Low|Negligible|Unknown) \|/.test(l))
    .slice(0, shown)
    .map((l) => l.split(' | ')[1]!.split(' ')[0]);
  expect(above.slice(0, shown).map((r) => norm(r.cells[1]!).split(' ')[0])).toEqual(firstIds);
  for (const r of above.slice(0, shown)) {
    expect(norm(r.cells[0]!)).toMatch(/^\S+ (Critical|High|Medium|Low|Negligible|Unknown)$/);
    expect(norm(r.cells[3]!)).not.toBe('');
  }
  // Readable: no table row broken by an escaping slip, no Markdown syntax left as text, no sideways scrolling.
  expect(fold.ragged).toBe(0);
  expect(fold.leaked).toEqual([]);
  expect(fold.scrollWidth).toBeLessThanOrEqual(FOLD.width);
}

describe('the severity cutoff across every format', () => {
  it('no finding below it in any format (SARIF, markdown, PR comment, …), and the same decision', () => {
    const report = sampleReport();
    // A WARN rule fired on the Medium express finding: below the High cutoff, it stays a reason for the decision.
    report.policy!.findings.push({
      ...report.policy!.findings[0]!,
      trigger_id: 'GHSA-rv95-896h-c2vc+express',
      message: 'MEDIUM Vulnerability found in non-os package type (npm) - /srv/app/node_modules/express/package.json (fixed in: 4.19.2)(GHSA-rv95-896h-c2vc)',
      action: 'warn',
      rule_action: 'warn',
      rule_id: 'rule-vuln-medium',
      location: { path: '/srv/app/node_modules/express/package.json' },
    });
    const below = report.findings.filter((f) => ['Medium', 'Low', 'Negligible', 'Unknown'].includes(f.severity)).map((f) => f.id);
    expect(below).toEqual(['CVE-2024-29041', 'CVE-2024-13176', 'CVE-2005-2541', 'CVE-2019-1010022']);
    const options: RenderOptions = { severityCutoff: 'High' };
    const out: Record<string, string> = Object.fromEntries(OUTPUT_FORMATS.ids().map((id) => [id, OUTPUT_FORMATS.get(id).render(report, options).toString()]));
    out.comment = commentBody(report, options);
    for (const [id, text] of Object.entries(out)) for (const cve of below) expect(text, `${id} shows ${cve}`).not.toContain(cve);
    // What is in scope is all there.
    for (const id of ['sarif', 'markdown', 'comment', 'table', 'json', 'gitlab', 'junit']) {
      for (const cve of ['CVE-2021-44906', 'CVE-2021-23337', 'CVE-2022-24999', 'CVE-2023-38545']) expect(out[id], `${id} lacks ${cve}`).toContain(cve);
    }

    // SARIF: a result for each finding in scope and none other; the WARN trigger a policy result of its own; STOP.
    const run = (JSON.parse(out.sarif!) as { runs: { results: { ruleId: string; message: { text: string } }[]; properties: { decision: string } }[] }).runs[0]!;
    expect(new Set(run.results.filter((r) => !r.ruleId.startsWith('policy/')).map((r) => r.ruleId))).toEqual(new Set(['CVE-2021-44906', 'CVE-2021-23337', 'CVE-2022-24999', 'CVE-2023-38545']));
    expect(run.results.filter((r) => r.ruleId === 'policy/vulnerabilities/package').map((r) => r.message.text)).toEqual([expect.stringContaining('GHSA-rv95-896h-c2vc')]);
    expect(run.properties.decision).toBe('STOP');

    // Markdown and the comment: the same decision; the trigger among the policy triggers, not among the findings.
    for (const id of ['markdown', 'comment']) {
      const md = out[id]!;
      expect(md).toContain('## 🛑 STOP: `localhost/fixtures/dockerfile-app:1.4.2`');
      expect(md).toContain('5 vulnerabilities in the report scope (of 9)');
      expect(md).toMatch(/\| WARN \| vulnerabilities package \| MEDIUM Vulnerability found .*_\(the finding is outside the report scope\)_ \|/);
      const rows = md.split('\n').filter((l) => /^\| \S+\u00a0(Critical|High|Medium|Low|Negligible|Unknown) \|/.test(l));
      expect(rows.map((l) => l.split(/\s/)[2])).toEqual(['Critical', 'High', 'High', 'High', 'High']);
    }
    // JSON: the findings in scope; the decision and the whole policy evaluation kept.
    const json = JSON.parse(out.json!) as ScanReport;
    expect(json.findings.map((f) => f.severity)).toEqual(['Critical', 'High', 'High', 'High', 'High']);
    expect(json.decision).toBe('STOP');
    expect(json.policy!.findings).toHaveLength(5);
    // Without the cutoff the decision is the same, and the findings below it are back.
    const all = OUTPUT_FORMATS.get('markdown').render(report, {}).toString();
    expect(all).toContain('## 🛑 STOP');
    for (const cve of below) expect(all).toContain(cve);
  });
});
