import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared } from '../../test/helpers/shared.js';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import type { Finding, PolicyFindingRecord, ScanReport } from '../model/index.js';
import { checkoutRootUri } from '../output/formats/sarif.js';
import { OUTPUT_FORMATS } from '../output/list.js';
import { REDACTED_CHECKOUT_URI } from '../output/testdata/redact.js';
import { sampleReport } from '../output/testdata/report.js';
import { schemaErrors } from '../output/testdata/validate.js';
import { VERSION } from '../version-info.js';
import { compareReports, renderComparisonMarkdown, renderComparisonText } from './compare.js';
import { applyDelta, gatingDecision, newOnlyDecision } from './delta.js';
import { findingKeys, findingsByTriggerId, repositoryNames, triggerIdentity, triggerKeys } from './identity.js';
import { baseBranchOf, branchTag, isScanReport, loadBaseline, parseBaselineRef } from './load.js';
import { deltaCounts, deltaLine, renderDeltaMarkdown, renderDeltaText } from './render.js';
import { applyBaseline, checkSameRepository, parseFailScope } from './stage.js';
import { sampleBaseline, sampleWithBaseline } from './testdata/sample.js';

const redact = (text: string): string => text.split(VERSION).join('<VERSION>').split(checkoutRootUri(process.cwd())).join(REDACTED_CHECKOUT_URI);

const dir = mkdtempSync(join(tmpdir(), 'portcullis-baseline-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function trigger(over: Partial<PolicyFindingRecord>): PolicyFindingRecord {
  return { trigger_id: 'x', gate: 'files', trigger: 'name_match', message: 'm', action: 'stop', rule_action: 'stop', policy_id: 'p', rule_id: 'r', recommendation: '', allowlisted: false, ...over };
}

describe('identity: what makes a finding or a trigger the same', () => {
  const f = sampleReport().findings.find((x) => x.packageName === 'lodash')!;

  it('a finding matches under its id and every alias, and not at another version', () => {
    const asGhsa: Finding = { ...f, id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'] };
    expect(findingKeys(asGhsa).some((k) => findingKeys(f).includes(k))).toBe(true);
    expect(findingKeys({ ...f, installedVersion: '4.17.16' }).some((k) => findingKeys(f).includes(k))).toBe(false);
    expect(findingKeys({ ...f, packageType: 'python' }).some((k) => findingKeys(f).includes(k))).toBe(false);
  });

  it('a vulnerabilities trigger matches under the ids of its finding (GHSA now, CVE in the baseline)', () => {
    const now = trigger({ gate: 'vulnerabilities', trigger: 'package', trigger_id: 'GHSA-35jh-r3h4-6jhm+lodash' });
    const then = trigger({ gate: 'vulnerabilities', trigger: 'package', trigger_id: 'CVE-2021-23337+lodash' });
    const keysNow = triggerKeys(now, findingsByTriggerId([f]));
    const keysThen = triggerKeys(then, new Map());
    expect(keysThen.some((k) => keysNow.includes(k))).toBe(true);
    // Without the finding to resolve it, only the id itself.
    expect(triggerKeys(now, new Map())).toEqual(['vulnerabilities/package/GHSA-35jh-r3h4-6jhm+lodash']);
  });

  it('default (md5) ids of the metadata gate and of evaluation errors are keyed by the rule: their messages carry measured values', () => {
    const a = trigger({ gate: 'metadata', trigger: 'attribute', trigger_id: '0123456789abcdef0123456789abcdef', rule_id: 'size-rule', message: "... matched image value: '1000'" });
    const b = { ...a, trigger_id: 'fedcba9876543210fedcba9876543210', message: "... matched image value: '1001'" };
    expect(triggerIdentity(a)).toBe('metadata/attribute/rule:size-rule');
    expect(triggerIdentity(b)).toBe(triggerIdentity(a));
    const err = trigger({ trigger_id: '0123456789abcdef0123456789abcdef', message: 'Trigger could not be evaluated: boom' });
    expect(triggerIdentity(err)).toBe('files/name_match/rule:r');
    // Any other default id is the message's hash, which is stable: kept.
    expect(triggerIdentity(trigger({ trigger_id: '0123456789abcdef0123456789abcdef' }))).toBe('files/name_match/0123456789abcdef0123456789abcdef');
  });

  it('repository names: tags, registry names without Docker Hub parts, files by scheme and base name', () => {
    expect(repositoryNames({ reference: 'registry:docker.io/library/nginx:1.25', repoTags: [] })).toEqual(['nginx']);
    expect(repositoryNames({ reference: 'oci-dir:/ws/a/img.oci:app', repoTags: [] })).toEqual(['oci-dir:img.oci']);
    expect(repositoryNames({ reference: 'oci-dir:/other/ws/img.oci:minbase', repoTags: [] })).toEqual(['oci-dir:img.oci']);
    expect(repositoryNames({ reference: 'docker-archive:x.tar', repoTags: ['ghcr.io/o/App:1'] })).toEqual(['ghcr.io/o/app', 'docker-archive:x.tar']);
    expect(repositoryNames({ reference: 'sbom:/x/bom.json', repoTags: [] })).toEqual([]);
  });
});

describe('the delta', () => {
  const marked = sampleWithBaseline();
  const b = marked.baseline!;

  it('marks every finding and trigger new or existing, aliases included, and lists what was fixed apart', () => {
    const state = (name: string) => marked.findings.filter((f) => f.packageName === name).map((f) => f.baseline);
    expect(state('minimist')).toEqual(['new']);
    expect(state('lodash')).toEqual(['existing']);
    expect(marked.findings.every((f) => f.baseline === 'new' || f.baseline === 'existing')).toBe(true);
    expect(b.counts.findings).toEqual({ new: 1, existing: 8, fixed: 1 });
    expect(b.fixed.findings.map((f) => [f.id, f.baseline])).toEqual([['CVE-2020-8203', 'fixed']]);
    expect(marked.policy!.findings.map((p) => [p.trigger_id, p.baseline])).toEqual([
      ['CVE-2021-44906+minimist', 'new'],
      ['a1b2c3', 'existing'],
      ['d4e5f6', 'existing'],
      ['CVE-2023-38545+curl', 'existing'],
    ]);
    expect(b.counts.triggers).toEqual({ new: 1, existing: 3, fixed: 1, newStop: 1, newWarn: 0 });
    expect(b.fixed.triggers.map((p) => p.trigger_id)).toEqual(['GHSA-p6mc-m468-83gw+lodash']);
  });

  it('keeps the full decision and gives the new-only one beside it; the exit code follows the fail scope', () => {
    expect(marked.decision).toBe('STOP');
    expect(b.decision).toBe('STOP');
    expect(b.newDecision).toBe('STOP');
    expect(gatingDecision(marked)).toBe('STOP');
    const itself = applyDelta(sampleReport(), sampleReport(), { source: 'same.json', kind: 'report' }, 'new');
    expect(itself.baseline!.counts.findings).toEqual({ new: 0, existing: 9, fixed: 0 });
    expect(itself.decision).toBe('STOP');
    expect(itself.baseline!.newDecision).toBe('GO');
    expect(gatingDecision(itself)).toBe('GO');
    expect(gatingDecision({ ...itself, baseline: { ...itself.baseline!, failScope: 'all' } })).toBe('STOP');
  });

  it('an image deny list stops the new-only decision unless the baseline was denied too; an allow list passes it', () => {
    const denied = (r: ScanReport): ScanReport => ({ ...r, policy: { ...r.policy!, final_action_reason: 'denylisted' } });
    const none: PolicyFindingRecord[] = [];
    expect(newOnlyDecision(denied(sampleReport()), sampleReport(), none)).toBe('STOP');
    expect(newOnlyDecision(denied(sampleReport()), denied(sampleReport()), none)).toBe('GO');
    const allowed = { ...sampleReport(), policy: { ...sampleReport().policy!, final_action_reason: 'allowlisted' as const } };
    expect(newOnlyDecision(allowed, sampleReport(), [trigger({ baseline: 'new' })])).toBe('GO');
  });

  it('a new WARN alone gives WARN; a new allowlisted trigger (action go) gives GO', () => {
    const base = sampleReport();
    const now = { ...base, policy: { ...base.policy!, findings: [...base.policy!.findings, trigger({ trigger_id: 'w1', action: 'warn', rule_action: 'warn' }), trigger({ trigger_id: 'g1', action: 'go', allowlisted: true })] } };
    const d = applyDelta(now, base, { source: 'b', kind: 'report' }, 'new');
    expect(d.baseline!.counts.triggers).toMatchObject({ new: 2, newStop: 0, newWarn: 1 });
    expect(d.baseline!.newDecision).toBe('WARN');
  });
});

describe('the render helpers and the formats with a baseline (goldens)', () => {
  it('one line, plain text and Markdown', async () => {
    expect(deltaLine(sampleWithBaseline())).toBe('+1 new, -1 fixed findings; +1 new, -1 fixed policy triggers (1 STOP); decision STOP → STOP; new only: STOP (the exit code, --fail-scope new)');
    await expect(renderDeltaText(sampleWithBaseline())).toMatchFileSnapshot('testdata/snapshot/delta.txt');
    await expect(renderDeltaMarkdown(sampleWithBaseline())).toMatchFileSnapshot('testdata/snapshot/delta.md');
  });

  it('renders nothing for a report without a baseline', () => {
    expect([deltaLine(sampleReport()), renderDeltaText(sampleReport()), renderDeltaMarkdown(sampleReport())]).toEqual(['', '', '']);
  });

  it('lists at most maxRows of each list', () => {
    const many = applyDelta(sampleReport(), { ...sampleBaseline(), findings: [] }, { source: 'b', kind: 'report' }, 'all');
    const text = renderDeltaText(many, { maxRows: 2 });
    expect(text.match(/^ {4}\+ /gm)).toHaveLength(2 + 1); // two findings and the one new trigger
    expect(text).toContain('… and 7 more');
  });

  for (const [id, file] of [['json', 'json.json'], ['sarif', 'sarif.sarif'], ['junit', 'junit.xml'], ['gitlab', 'gitlab.json']] as const) {
    it(`${id} with a baseline matches testdata/snapshot/${file}`, async () => {
      await expect(redact(OUTPUT_FORMATS.get(id).render(sampleWithBaseline(), {}).toString())).toMatchFileSnapshot(`testdata/snapshot/${file}`);
    });
  }

  it('table and Markdown with a baseline match testdata/snapshot/{table.txt,markdown.md}: the golden without one, plus the delta only', async () => {
    const r = sampleWithBaseline();
    const render = (id: 'table' | 'markdown', report: ScanReport) => redact(OUTPUT_FORMATS.get(id).render(report, {}).toString());
    const table = render('table', r);
    await expect(table).toMatchFileSnapshot('testdata/snapshot/table.txt');
    // Without the headline and the delta's lists, the table is the one without a baseline (src/output/testdata's golden).
    expect(table.replace(`baseline: ${deltaLine(r)}\n`, '').replace(`\n${renderDeltaText(r)}`, '')).toBe(render('table', sampleReport()));
    const md = render('markdown', r);
    await expect(md).toMatchFileSnapshot('testdata/snapshot/markdown.md');
    const bare = md
      .replace(` · against the baseline: **${deltaCounts(r.baseline!)}**, new only → **${r.baseline!.newDecision}**`, '')
      .replace(`${renderDeltaMarkdown(r)}\n`, '')
      .replaceAll(' · **new**', '')
      .replaceAll(' (**new**)', '');
    expect(bare).toBe(render('markdown', sampleReport()));
  });

  it('table: the headline under the counts, the lists after the policy; Markdown: the section before the findings, new rows marked', () => {
    const table = OUTPUT_FORMATS.get('table').render(sampleWithBaseline(), {}).toString();
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/^Critical: /);
    expect(lines.some((l) => l.startsWith('baseline: +1 new, -1 fixed findings; +1 new, -1 fixed policy triggers (1 STOP)'))).toBe(true);
    expect(table.indexOf('Against the baseline')).toBeGreaterThan(table.indexOf('Policy '));
    expect(table).toContain('    - High CVE-2020-8203 lodash 4.17.15 (fixed in 4.17.19)');
    const md = OUTPUT_FORMATS.get('markdown').render(sampleWithBaseline(), {}).toString();
    expect(md).toMatch(/^\*\*Portcullis failed\*\*: .* · against the baseline: \*\*\+1 new, -1 fixed\*\*, new only → \*\*STOP\*\*$/m);
    expect(md.indexOf('### Against the baseline')).toBeLessThan(md.indexOf('### Findings'));
    expect(md).toMatch(/^\| [^|]+ \| CVE-2021-44906[^|]* · \*\*new\*\* \|/m);
    expect(md).toMatch(/^\| STOP \(\*\*new\*\*\) \| vulnerabilities package \| CRITICAL /m);
    expect(md).not.toMatch(/CVE-2021-23337[^|]*\*\*new\*\*/);
  });

  it('Markdown: a code span is not escaped inside (a name with _ shows as it is), and long cells are cut', () => {
    const r = sampleWithBaseline();
    const b = { ...r.baseline!, image: { ...r.baseline!.image, repoTags: ['localhost/my_app:1`x'] } };
    const long = { ...r, baseline: b, policy: { ...r.policy!, findings: r.policy!.findings.map((p) => (p.baseline === 'new' ? { ...p, message: 'x'.repeat(1000) } : p)) } };
    const md = renderDeltaMarkdown(long);
    expect(md).toContain("Baseline: `localhost/my_app:1'x`");
    expect(md).toContain(`| STOP | vulnerabilities | package | ${'x'.repeat(239)}… |`);
  });

  it('SARIF: baselineState on every result (new / unchanged), the same fingerprints as without a baseline, the delta in the run', () => {
    type Run = { results: { ruleId: string; baselineState?: string; partialFingerprints: Record<string, string>; properties: Record<string, unknown> }[]; properties: Record<string, unknown> };
    const run = (r: ScanReport) => (JSON.parse(OUTPUT_FORMATS.get('sarif').render(r, {}).toString()) as { runs: Run[] }).runs[0]!;
    const withB = run(sampleWithBaseline());
    const without = run(sampleReport());
    expect(withB.results.every((r) => r.baselineState === 'new' || r.baselineState === 'unchanged')).toBe(true);
    expect(without.results.some((r) => 'baselineState' in r)).toBe(false);
    expect(withB.results.filter((r) => r.baselineState === 'new').map((r) => r.ruleId)).toEqual(['CVE-2021-44906']);
    expect(withB.results.map((r) => r.partialFingerprints)).toEqual(without.results.map((r) => r.partialFingerprints));
    expect(withB.properties.baseline).toMatchObject({ decision: 'STOP', newDecision: 'STOP', failScope: 'new', fixed: { findings: [{ id: 'CVE-2020-8203' }] } });
  });

  it('JUnit says new or existing in each case and adds the new-only decision; GitLab puts it in details', () => {
    const xml = OUTPUT_FORMATS.get('junit').render(sampleWithBaseline(), {}).toString();
    expect(xml).toContain('message="[new] Critical: ');
    expect(xml).toContain('message="[existing] High: ');
    expect(xml).toMatch(/<testcase classname="baseline" name="new-only decision for [^"]+">\n\s+<failure message="new-only decision: STOP/);
    expect(xml).toContain('[fixed] CVE-2020-8203');
    const gl = JSON.parse(OUTPUT_FORMATS.get('gitlab').render(sampleWithBaseline(), {}).toString()) as { vulnerabilities: { name: string; details?: { baseline: { value: string } } }[] };
    expect(gl.vulnerabilities.find((v) => v.name === 'CVE-2021-44906')?.details?.baseline.value).toBe('new (not in the baseline)');
    expect(gl.vulnerabilities.find((v) => v.name === 'CVE-2021-23337')?.details?.baseline.value).toBe('existing (also in the baseline)');
  });
});

describeShared('the formats with a baseline are schema-valid', () => {
  for (const id of ['sarif', 'gitlab'] as const) {
    it(`${id}`, () => {
      expect(schemaErrors(id, JSON.parse(OUTPUT_FORMATS.get(id).render(sampleWithBaseline(), {}).toString()))).toEqual([]);
    });
  }
});

describe('loading a baseline', () => {
  const ctx = { at: (p: string) => p, repoTags: [] as string[], rescan: () => Promise.reject(new Error('no rescan expected')) };

  it('parses REF: a path, store:, store:REPO, store:REPO:TAG (a registry port is not a tag)', () => {
    expect(parseBaselineRef('out/report.json')).toEqual({ kind: 'file', path: 'out/report.json' });
    expect(parseBaselineRef('store:')).toEqual({ kind: 'store' });
    expect(parseBaselineRef('store')).toEqual({ kind: 'store' });
    expect(parseBaselineRef('store:ghcr.io/o/app')).toEqual({ kind: 'store', repository: 'ghcr.io/o/app' });
    expect(parseBaselineRef('store:localhost:5000/o/app:main')).toEqual({ kind: 'store', repository: 'localhost:5000/o/app', tag: 'main' });
    expect(() => parseBaselineRef(' ')).toThrow(ConfigurationError);
  });

  it('base branch from the CI, written as an image tag', () => {
    expect(baseBranchOf({ GITHUB_BASE_REF: 'main' })).toBe('main');
    expect(baseBranchOf({ CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release/2.0' })).toBe('release/2.0');
    expect(baseBranchOf({ CHANGE_TARGET: 'develop' })).toBe('develop');
    expect(baseBranchOf({ GITHUB_BASE_REF: '' })).toBeUndefined();
    expect(branchTag('release/2.0')).toBe('release-2.0');
  });

  it('tells a scan report from a Portcullis SBOM (no policy result)', () => {
    expect(isScanReport(sampleReport())).toBe(true);
    expect(isScanReport({ ...sampleReport(), policy: undefined })).toBe(false);
  });

  it('a file that cannot be read, is not JSON, or is neither a report nor an SBOM: one precise line each', async () => {
    await expect(loadBaseline(join(dir, 'missing.json'), ctx)).rejects.toThrow(new RegExp(`^cannot read baseline ${join(dir, 'missing.json')}: ENOENT`));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    await expect(loadBaseline(join(dir, 'bad.json'), ctx)).rejects.toThrow(/is not JSON: .*\(give a Portcullis JSON report or an SBOM\)$/);
    writeFileSync(join(dir, 'other.json'), '{"hello":1}');
    await expect(loadBaseline(join(dir, 'other.json'), ctx)).rejects.toThrow(ConfigurationError);
    const broken = { ...sampleReport(), findings: [{ id: 1 }] };
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    await expect(loadBaseline(join(dir, 'broken.json'), ctx)).rejects.toThrow(/findings\[0\] is not a finding/);
  });

  it('store: without a store, without a repository, or without a base branch: configuration errors', async () => {
    await expect(loadBaseline('store:', ctx)).rejects.toThrow(/needs a store: give --store-url/);
    const store = { url: 'http://127.0.0.1:9' };
    await expect(loadBaseline('store:', { ...ctx, store })).rejects.toThrow(/has no tag to find its repository by/);
    await expect(loadBaseline('store:', { ...ctx, store, repoTags: ['ghcr.io/o/app:pr-1'] })).rejects.toThrow(/cannot tell the base branch .*give --baseline store:ghcr.io\/o\/app:TAG$/);
  });

  it('a baseline of another repository is refused; --baseline-optional warns and goes on without one', async () => {
    const other = { ...sampleBaseline(), image: { ...sampleBaseline().image, reference: 'registry:ghcr.io/else/thing:1', repoTags: ['ghcr.io/else/thing:1'] } };
    expect(() => checkSameRepository(sampleReport(), other, 'b.json')).toThrow(/^baseline b.json is of ghcr.io\/else\/thing, not of the scanned localhost\/fixtures\/dockerfile-app: a baseline must be an earlier scan of the same repository$/);
    writeFileSync(join(dir, 'other-repo.json'), JSON.stringify(other));
    const logger = createRecordingLogger();
    const stage = { logger, at: (p: string) => p, rescan: ctx.rescan };
    await expect(applyBaseline(sampleReport(), { ref: join(dir, 'other-repo.json'), failScope: 'new', optional: false }, stage)).rejects.toThrow(ConfigurationError);
    const r = await applyBaseline(sampleReport(), { ref: join(dir, 'other-repo.json'), failScope: 'new', optional: true }, stage);
    expect(r.baseline).toBeUndefined();
    expect(gatingDecision(r)).toBe('STOP');
    expect(logger.lines.some((e) => e.level === 'warning' && /--baseline-optional: the scan goes on without a baseline/.test(e.message))).toBe(true);
  });

  it('--fail-scope takes all or new', () => {
    expect(parseFailScope('NEW')).toBe('new');
    expect(() => parseFailScope('some')).toThrow(/--fail-scope must be one of all, new, got "some"/);
  });
});

describe('compare', () => {
  it('packages added, removed and changed (with the Dockerfile line), findings new and fixed, decisions', () => {
    const base = sampleBaseline();
    const next = sampleReport();
    const b = { ...base, packages: base.packages.filter((p) => p.name !== 'minimist').map((p) => (p.name === 'express' ? { ...p, version: '4.15.0' } : p)).concat([{ ...base.packages[0]!, id: 'gone', name: 'gone-pkg' }]) };
    const c = compareReports(b, next);
    expect(c.packages.added.map((p) => [p.name, p.after, p.line])).toEqual([['minimist', ['1.2.0'], 29]]);
    expect(c.packages.removed.map((p) => p.name)).toEqual(['gone-pkg']);
    expect(c.packages.changed.map((p) => [p.name, p.before, p.after])).toEqual([['express', ['4.15.0'], ['4.16.0']]]);
    expect(c.findings.added.map((f) => f.id)).toEqual(['CVE-2021-44906']);
    expect(c.findings.fixed.map((f) => f.id)).toEqual(['CVE-2020-8203']);
    expect(c.decision).toEqual({ before: 'STOP', after: 'STOP', newOnly: 'STOP' });
    expect(renderComparisonText(c)).toMatch(/\+\s+npm\s+minimist\s+1\.2\.0\s+line 29: RUN npm ci/);
    expect(renderComparisonMarkdown(c)).toContain('| + new | Critical | CVE-2021-44906 | minimist | 1.2.0 | 1.2.6 |');
  });
});
