/**
 * Issue 18 on the shared images, through the CLI: `scan --baseline` against previous JSON reports (`minbase`, `app-l4`,
 * `app-l3`, the report itself), an SBOM scanned with today's data, the store's latest evaluation over a real store
 * server; `--fail-scope new`; a baseline of another repository; SARIF fingerprints stable across two scans; and
 * `portcullis compare` on two images and on two reports. The vulnerability data is the shared OSV folder, offline;
 * the policy STOPs on any vulnerability (low and up) and WARNs on the missing HEALTHCHECK and on the missing Debian:12
 * vulnerability data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderDeltaMarkdown } from '../../src/baseline/render.js';
import type { Comparison } from '../../src/baseline/compare.js';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { ConfigurationError } from '../../src/common/errors.js';
import { createRecordingLogger, silentLogger } from '../../src/common/logger.js';
import type { Outcome } from '../../src/common/outcome.js';
import type { ScanReport } from '../../src/model/index.js';
import { commentBody } from '../../src/platform/github/pr-comment.js';
import { makePayload } from '../../src/publish/sink.js';
import { storeSinkKind } from '../../src/publish/store-sink.js';
import { startTestStore, type TestStore } from '../../src/store/testing/in-process.js';
import { updateDatabase } from '../../src/vulndb/update.js';
import { STOP_ON_ANY_VULNERABILITY, testPolicyBundle } from '../helpers/policy-bundle.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const POLICY = testPolicyBundle('baseline-test', 'baseline test', [
  STOP_ON_ANY_VULNERABILITY,
  { id: 'hc', gate: 'dockerfile', trigger: 'instruction', action: 'WARN', params: [{ name: 'instruction', value: 'HEALTHCHECK' }, { name: 'check', value: 'not_exists' }] },
  // The shared OSV data (a 2023-04 copy of Debian's tracker) has no Debian:12 records: this fires on every image, with
  // a message and trigger id that do not depend on the image (a vulnerabilities-gate trigger about no finding).
  { id: 'data', gate: 'vulnerabilities', trigger: 'vulnerability_data_unavailable', action: 'WARN' },
]);

describeShared('scan --baseline and compare on the shared images', () => {
  const layout = sharedPath('fixtures/images/debian-fixtures.oci');
  const ref = (name: string, at = layout) => `oci-dir:${at}:${name}`;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let policy: string;
  const reports: Record<string, string> = {};
  let store: TestStore | undefined;

  async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ out: string; outcome: Outcome; lines: { level: string; message: string }[] }> {
    const logger = createRecordingLogger();
    let out = '';
    const ctx: CliContext = { logger, out: (s) => void (out += s), stdin: Readable.from([]), env: { ...env, ...extraEnv }, outcome: 'go' };
    await runProgram(args, ctx);
    return { out, outcome: ctx.outcome, lines: logger.lines };
  }
  const scanArgs = (image: string, json: string, ...more: string[]) => ['scan', image, '--offline', '--no-layer-cache', '--policy', policy, '-o', `json=${json}`, '-o', `table=${join(dir, 'table.txt')}`, ...more];
  const read = (path: string): ScanReport => JSON.parse(readFileSync(path, 'utf8')) as ScanReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-baseline-'));
    const cache = join(dir, 'cache');
    env = { PORTCULLIS_CACHE_DIR: cache, PORTCULLIS_SPOOL_DIR: join(dir, 'spool') };
    await updateDatabase({ cacheDir: cache, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: sharedPath('vulndata/osv') } }] });
    policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify(POLICY));
    for (const name of ['minbase', 'app-l3', 'app-l4', 'app']) {
      reports[name] = join(dir, `${name}.json`);
      await cli(scanArgs(ref(name), reports[name]));
    }
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the reports are what the tests below rely on: app STOPs on pip, app-l3 also on lodash, minbase only WARNs', () => {
    expect(read(reports.app!).decision).toBe('STOP');
    expect(read(reports.app!).findings.map((f) => `${f.id} ${f.packageName}`)).toEqual(['CVE-2023-5752 pip']);
    expect(read(reports['app-l3']!).findings.map((f) => `${f.id} ${f.packageName}`).sort()).toEqual(['CVE-2023-5752 pip', 'x_NSWG-ECO-516 lodash']);
    expect(read(reports.minbase!).decision).toBe('WARN');
    expect(read(reports.minbase!).findings).toEqual([]);
  });

  it('app against minbase: the pip finding and its STOP are new; --fail-scope new exits on them', async () => {
    const json = join(dir, 'app-vs-minbase.json');
    const r = await cli(scanArgs(ref('app'), json, '--baseline', reports.minbase!, '--fail-scope', 'new', '-o', `markdown=${join(dir, 'app-vs-minbase.md')}`));
    const report = read(json);
    expect(r.outcome).toBe('stop');
    expect(report.decision).toBe('STOP');
    expect(report.findings.map((f) => [f.id, f.baseline])).toEqual([['CVE-2023-5752', 'new']]);
    expect(report.policy!.findings.map((p) => [p.gate, p.trigger, p.baseline])).toEqual(
      expect.arrayContaining([
        ['vulnerabilities', 'package', 'new'],
        ['dockerfile', 'instruction', 'existing'],
      ]),
    );
    expect(report.baseline).toMatchObject({ kind: 'report', source: reports.minbase, decision: 'WARN', newDecision: 'STOP', failScope: 'new', image: { reference: ref('minbase') } });
    expect(report.baseline!.counts).toEqual({ findings: { new: 1, existing: 0, fixed: 0 }, triggers: { new: 1, existing: 2, fixed: 0, newStop: 1, newWarn: 0 } });
    expect(r.lines.some((l) => l.message === 'baseline: +1 new, -0 fixed findings; +1 new, -0 fixed policy triggers (1 STOP); decision WARN → STOP; new only: STOP (the exit code, --fail-scope new)')).toBe(true);
    // The full decision is shown, with the new-only one (the exit code's) beside it.
    expect(r.lines.some((l) => l.message === 'decision: STOP (new only: STOP, the exit code: --fail-scope new)')).toBe(true);
    // Every surface shows the delta: the table, the Markdown summary, and the PR comment (the same Markdown renderer).
    expect(readFileSync(join(dir, 'table.txt'), 'utf8')).toContain('baseline: +1 new, -0 fixed findings; +1 new, -0 fixed policy triggers (1 STOP)');
    const md = readFileSync(join(dir, 'app-vs-minbase.md'), 'utf8');
    expect(md).toContain(' · against the baseline: **+1 new, -0 fixed**, new only → **STOP**\n');
    expect(md).toContain(renderDeltaMarkdown(report).trimEnd());
    expect(renderDeltaMarkdown(report)).toContain('**New findings (1)**\n\n| Severity | Vulnerability | Package | Version | Fixed in |\n|---|---|---|---|---|\n| Low | CVE-2023-5752 | pip | 23.0.1 | 23.3 |\n');
    expect(md).toMatch(/^\| 🟦\u00a0Low \| CVE-2023-5752 · \*\*new\*\* \|/m);
    const comment = commentBody(report, { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(comment).toContain(renderDeltaMarkdown(report).trimEnd());
    expect(comment).toContain('| Decision | WARN | **STOP** |\n| New only | | **STOP** (the exit code: `--fail-scope new`) |');
  });

  it('app against app-l4 (the same packages): nothing new, nothing fixed; exit 0 under --fail-scope new although the decision is STOP', async () => {
    const json = join(dir, 'app-vs-l4.json');
    const r = await cli(scanArgs(ref('app'), json, '--baseline', reports['app-l4']!, '--fail-scope', 'new'));
    const report = read(json);
    expect(report.decision).toBe('STOP');
    expect(report.baseline).toMatchObject({ decision: 'STOP', newDecision: 'GO', counts: { findings: { new: 0, existing: 1, fixed: 0 }, triggers: { new: 0, fixed: 0 } } });
    expect(r.outcome).toBe('go');
    expect(r.lines.some((l) => l.message === 'decision: STOP (new only: GO, the exit code: --fail-scope new)')).toBe(true);
    // The same baseline under the default --fail-scope all: the full decision gives the exit code.
    expect((await cli(scanArgs(ref('app'), join(dir, 'all.json'), '--baseline', reports['app-l4']!))).outcome).toBe('stop');
  });

  it('a report against itself: everything existing, exit 0 under --fail-scope new', async () => {
    const json = join(dir, 'itself.json');
    const r = await cli(scanArgs(ref('app'), json, '--baseline', reports.app!, '--fail-scope', 'new'));
    const report = read(json);
    expect([...report.findings, ...report.policy!.findings].every((x) => x.baseline === 'existing')).toBe(true);
    expect(report.baseline!.fixed).toEqual({ findings: [], triggers: [] });
    expect([report.decision, report.baseline!.newDecision, r.outcome]).toEqual(['STOP', 'GO', 'go']);
  });

  it('a fixed finding: app against app-l3, where lodash 4.17.15 had x_NSWG-ECO-516 and its STOP', async () => {
    const json = join(dir, 'app-vs-l3.json');
    const md = join(dir, 'app-vs-l3.md');
    await cli(scanArgs(ref('app'), json, '--baseline', reports['app-l3']!, '--fail-scope', 'new', '-o', `markdown=${md}`));
    const report = read(json);
    expect(readFileSync(md, 'utf8')).toContain('<details><summary>Fixed since the baseline (1)</summary>\n\n| Severity | Vulnerability | Package | Version | Fixed in |\n|---|---|---|---|---|\n| Medium | x\\_NSWG-ECO-516 | lodash | 4.17.15 | 4.17.19 |');
    expect(readFileSync(join(dir, 'table.txt'), 'utf8')).toContain('  fixed since the baseline:\n    - Medium x_NSWG-ECO-516 lodash 4.17.15 (fixed in 4.17.19)\n');
    expect(report.baseline!.fixed.findings.map((f) => [f.id, f.packageName, f.installedVersion, f.baseline])).toEqual([['x_NSWG-ECO-516', 'lodash', '4.17.15', 'fixed']]);
    expect(report.baseline!.fixed.triggers.map((p) => [p.trigger_id, p.action, p.baseline])).toEqual([['x_NSWG-ECO-516+lodash', 'stop', 'fixed']]);
    expect(report.baseline!.counts.findings).toEqual({ new: 0, existing: 1, fixed: 1 });
    expect(report.findings.some((f) => f.packageName === 'lodash')).toBe(false);
  });

  it('an SBOM baseline is scanned with today\'s data and the same policy', async () => {
    const bom = join(dir, 'minbase.cdx.json');
    await cli(['sbom', ref('minbase'), '-o', 'cyclonedx-json', '--file', bom]);
    const json = join(dir, 'app-vs-sbom.json');
    await cli(scanArgs(ref('app'), json, '--baseline', bom, '--fail-scope', 'new'));
    const report = read(json);
    expect(report.baseline).toMatchObject({ kind: 'sbom', source: bom, newDecision: 'STOP' });
    expect(report.findings.map((f) => f.baseline)).toEqual(['new']);
  });

  it('a baseline of another repository, or unreadable, is a configuration error; --baseline-optional warns and fails on everything', async () => {
    const other = { ...read(reports.minbase!) };
    other.image = { ...other.image, reference: 'registry:ghcr.io/else/thing:1', repoTags: ['ghcr.io/else/thing:1'] };
    const otherPath = join(dir, 'other.json');
    writeFileSync(otherPath, JSON.stringify(other));
    await expect(cli(scanArgs(ref('app'), join(dir, 'x.json'), '--baseline', otherPath, '--fail-scope', 'new'))).rejects.toThrow(
      new ConfigurationError(`baseline ${otherPath} is of ghcr.io/else/thing, not of the scanned oci-dir:debian-fixtures.oci: a baseline must be an earlier scan of the same repository`),
    );
    await expect(cli(scanArgs(ref('app'), join(dir, 'x.json'), '--baseline', join(dir, 'nope.json')))).rejects.toThrow(/^cannot read baseline .*nope\.json: ENOENT/);
    await expect(cli(scanArgs(ref('app'), join(dir, 'x.json'), '--fail-scope', 'new'))).rejects.toThrow('--fail-scope new needs --baseline');
    const json = join(dir, 'optional.json');
    const r = await cli(scanArgs(ref('app'), json, '--baseline', otherPath, '--fail-scope', 'new', '--baseline-optional'));
    expect(read(json).baseline).toBeUndefined();
    expect(r.outcome).toBe('stop');
    expect(r.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toContainEqual(expect.stringMatching(/^baseline: baseline .* is of ghcr\.io\/else\/thing.*--baseline-optional: the scan goes on without a baseline, failing on every trigger \(--fail-scope all\)$/));
  });

  it('store: the newest evaluation of the repository tagged with the base branch, from a real store server', async () => {
    store = await startTestStore();
    const target = { url: store.url, auth: { kind: 'bearer' as const, token: store.tokens.push } };
    const sink = storeSinkKind.create(target);
    const push = (path: string, tag: string) =>
      sink.push(makePayload({ imageDigest: read(path).image.manifestDigest!, imageTag: tag, report: { name: 'portcullis-report.json', data: readFileSync(path), contentType: 'application/json' } }), { logger: silentLogger });
    await push(reports.minbase!, 'fixtures/debian-app:main');
    const newest = await push(reports['app-l3']!, 'fixtures/debian-app:main');
    await push(reports.app!, 'fixtures/debian-app:pr-7');
    const storeFlags = ['--store-url', store.url, '--store-token', store.tokens.both];

    const json = join(dir, 'app-vs-store.json');
    await cli(scanArgs(ref('app'), json, '--baseline', 'store:fixtures/debian-app', '--fail-scope', 'new', ...storeFlags), { GITHUB_BASE_REF: 'main' });
    const report = read(json);
    expect(report.baseline).toMatchObject({ kind: 'store', source: `${store.url}/v2/evaluations/${newest.id}`, image: { reference: ref('app-l3') } });
    expect(report.baseline!.fixed.findings.map((f) => f.id)).toEqual(['x_NSWG-ECO-516']);

    // An explicit tag; the PR's own evaluation is its baseline only when asked for.
    await cli(scanArgs(ref('app'), json, '--baseline', 'store:fixtures/debian-app:pr-7', '--fail-scope', 'new', ...storeFlags));
    expect(read(json).baseline).toMatchObject({ kind: 'store', image: { reference: ref('app') }, newDecision: 'GO' });

    await expect(cli(scanArgs(ref('app'), json, '--baseline', 'store:fixtures/debian-app:dev', ...storeFlags))).rejects.toThrow(`the store at ${store.url} has no evaluation of fixtures/debian-app:dev to use as the baseline`);
    // A read-less token: the store refuses, a remote error, which --baseline-optional turns into a warning.
    const pushOnly = ['--store-url', store.url, '--store-token', store.tokens.push];
    await expect(cli(scanArgs(ref('app'), json, '--baseline', 'store:fixtures/debian-app:main', ...pushOnly))).rejects.toThrow(/HTTP 403/);
  });

  it('SARIF: the same partial fingerprints for two scans (another checkout path, a baseline), and baselineState on each result', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(layout, join(elsewhere, 'debian-fixtures.oci'));
    const first = join(dir, 'first.sarif');
    const second = join(dir, 'second.sarif');
    await cli(scanArgs(ref('app'), join(dir, 'first.json'), '-o', `sarif=${first}`));
    await cli(scanArgs(ref('app', join(elsewhere, 'debian-fixtures.oci')), join(dir, 'second.json'), '-o', `sarif=${second}`, '--baseline', reports.minbase!));
    type Result = { ruleId: string; baselineState?: string; partialFingerprints: Record<string, string> };
    const results = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { runs: { results: Result[] }[] }).runs[0]!.results;
    const prints = (path: string) => results(path).map((r) => [r.ruleId, r.partialFingerprints]).sort();
    expect(results(first).length).toBeGreaterThan(1);
    expect(prints(second)).toEqual(prints(first));
    expect(results(first).some((r) => 'baselineState' in r)).toBe(false);
    expect(results(second).map((r) => [r.ruleId, r.baselineState]).sort()).toEqual([
      ['CVE-2023-5752', 'new'],
      ['policy/dockerfile/instruction', 'unchanged'],
      ['policy/vulnerabilities/vulnerability_data_unavailable', 'unchanged'],
    ]);
  });

  it('compare: two images (JSON) and two reports (Markdown, table)', async () => {
    const c = JSON.parse((await cli(['compare', ref('minbase'), ref('app'), '--offline', '--policy', policy, '-o', 'json'])).out) as Comparison;
    expect(c.decision).toEqual({ before: 'WARN', after: 'STOP', newOnly: 'STOP' });
    // One entry per package name added: app holds 201 packages under 197 names (four npm packages at two versions,
    // one nested under another's node_modules), every one of minbase's 88 names among them.
    const names = (r: ScanReport) => new Set(r.packages.map((p) => `${p.type} ${p.name}`));
    expect([read(reports.app!).packages.length, names(read(reports.app!)).size, names(read(reports.minbase!)).size]).toEqual([201, 197, 88]);
    expect(c.packages.added.length).toBe(197 - 88);
    expect(c.packages.added.find((p) => p.name === 'depd')).toMatchObject({ type: 'npm', before: [], after: ['1.1.1', '1.1.2'] });
    expect(c.packages.added.find((p) => p.name === 'lodash')).toMatchObject({ type: 'npm', after: ['4.17.21'] });
    expect(c.packages.removed).toEqual([]);
    expect(c.findings.added.map((f) => f.id)).toEqual(['CVE-2023-5752']);

    const md = (await cli(['compare', reports['app-l3']!, reports.app!, '-o', 'markdown'])).out;
    expect(md).toContain('| ~ | npm | lodash | 4.17.15 | 4.17.21 |');
    expect(md).toContain('| - fixed | Medium | x\\_NSWG-ECO-516 | lodash | 4.17.15 | 4.17.19 |');
    expect(md).toContain('| Decision | STOP | **STOP** (new only: **GO**) |');
    const table = (await cli(['compare', reports['app-l3']!, reports.app!])).out;
    expect(table).toMatch(/packages \+0 added, -0 removed, ~1 changed; findings \+0 new, -1 fixed \(1 in both\); decision STOP → STOP \(new only: GO\)/);
    await expect(cli(['compare', reports.app!, reports.app!, '-o', 'sarif'])).rejects.toThrow('-o must be one of table, markdown, json, got "sarif"');
    // The vulnerability-data options are scan's (src/cli/source-options.ts), checked the same way.
    await expect(cli(['compare', reports.app!, reports.app!, '--max-db-age', 'soon'])).rejects.toThrow('--max-db-age must be a number of days, got "soon"');
  });
});
