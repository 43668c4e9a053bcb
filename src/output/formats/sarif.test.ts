import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/helpers/shared.js';
import type { Finding, ScanReport } from '../../model/index.js';
import { GITHUB_SARIF_LIMITS } from '../format.js';
import { sampleReport } from '../testdata/report.js';
import { schemaErrors } from '../testdata/validate.js';
import { artifactLocation, renderSarif, securitySeverity } from './sarif.js';

interface Run {
  automationDetails: { id: string };
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: { toolExecutionNotifications?: { descriptor: { id: string }; message: { text: string } }[] }[];
  tool: { driver: { informationUri: string; rules: { id: string; defaultConfiguration: { level: string }; properties: { 'security-severity'?: string; tags: string[] } }[] } };
  results: {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    partialFingerprints: Record<string, string>;
    properties: Record<string, unknown> & { tags?: string[]; policy?: { action: string; ruleId: string; triggerId: string }[] };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations?: { name: string; fullyQualifiedName: string }[] }[];
  }[];
}

const runOf = (report: ScanReport, options = {}): Run => (JSON.parse(renderSarif(report, options)) as { runs: Run[] }).runs[0]!;

/** A report with `n` findings, each on its own package and id, spread over `paths` locations each. */
function bigReport(n: number, paths = 1, distinctIds = n): ScanReport {
  const base = sampleReport();
  const template = base.findings[0]!;
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ...template,
    id: `CVE-2099-${String(i % distinctIds).padStart(6, '0')}`,
    packageId: `npm:pkg-${i}`,
    packageName: `pkg-${i}`,
    severity: (['Critical', 'High', 'Medium', 'Low'] as const)[i % 4],
    locations: Array.from({ length: paths }, (_p, j) => ({ path: `/srv/app/node_modules/pkg-${i}/sub-${j}/package.json`, provenance: template.locations[0]!.provenance! })),
  }));
  return { ...base, findings };
}

describe('SARIF locations on Dockerfile lines', () => {
  it('places each finding on the line of the layer that holds its file, base-image files on FROM', () => {
    const run = runOf(sampleReport());
    const line = (ruleId: string, text: string) => run.results.find((r) => r.ruleId === ruleId && r.message.text.includes(text))!.locations[0]!.physicalLocation.region.startLine;
    expect(line('CVE-2021-44906', 'minimist')).toBe(29);
    expect(line('CVE-2023-38545', 'libcurl4')).toBe(14);
    expect(line('CVE-2019-1010022', 'libc6')).toBe(3);
    const minimist = run.results.find((r) => r.ruleId === 'CVE-2021-44906')!;
    expect(minimist.locations[0]!.logicalLocations![0]).toEqual({
      name: '/srv/app/node_modules/minimist/package.json',
      fullyQualifiedName: 'localhost/fixtures/dockerfile-app:1.4.2@sha256:fe2787f474d2d0ec9edbac2606cbd2c7d56f05cd26b8a0f3fe79be8c23df7f17:/srv/app/node_modules/minimist/package.json',
      kind: 'resource',
    });
    expect(minimist.message.text).toContain('in image localhost/fixtures/dockerfile-app:1.4.2');
  });

  it('puts STOP and WARN results first, and leaves allowlisted triggers out', () => {
    const run = runOf(sampleReport());
    expect(run.results.slice(0, 3).map((r) => [r.ruleId, r.level])).toEqual([
      ['CVE-2021-44906', 'error'],
      ['policy/dockerfile/instruction', 'warning'],
      ['policy/dockerfile/effective_user', 'warning'],
    ]);
    // The USER trigger is on its own line; HEALTHCHECK-not-found has no line: FROM.
    expect(run.results[1]!.locations[0]!.physicalLocation.region.startLine).toBe(3);
    expect(run.results[2]!.locations[0]!.physicalLocation.region.startLine).toBe(34);
    expect(run.results.filter((r) => r.ruleId.startsWith('policy/'))).toHaveLength(2);
    // The allowlisted curl trigger leaves curl's result as it was.
    expect(run.results.filter((r) => r.ruleId === 'CVE-2023-38545').every((r) => r.properties.policy === undefined)).toBe(true);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('without a Dockerfile, locations are the paths inside the image', () => {
    const run = runOf({ ...sampleReport(), dockerfile: undefined });
    const r = run.results.find((x) => x.ruleId === 'CVE-2021-44906')!;
    expect(r.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'srv/app/node_modules/minimist/package.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
  });

  it('rules carry security-severity as a numeric string and the security, severity and ecosystem tags', () => {
    const rule = runOf(sampleReport()).tool.driver.rules.find((r) => r.id === 'CVE-2023-38545')!;
    // CVSS 9.8 disagrees with the distro's High: the High band wins.
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.properties.tags).toEqual(['security', 'vulnerability', 'high', 'deb']);
    expect(securitySeverity('Critical', [9.8])).toBe('9.8');
    expect(securitySeverity('Medium', [])).toBe('5.5');
    // Unknown: the CVSS score, or 0.0 (anchore/grype, grype/presenter/sarif: securitySeverityValue falls back to "0.0").
    expect(securitySeverity('Unknown', [5])).toBe('5.0');
    expect(securitySeverity('Unknown', [])).toBe('0.0');
  });

  it('fingerprints are stable across versions and rebuilds, and differ between packages', () => {
    const a = runOf(sampleReport());
    const bumped = sampleReport();
    bumped.findings = bumped.findings.map((f) => ({ ...f, installedVersion: `${f.installedVersion}+rebuild` }));
    bumped.image = { ...bumped.image, manifestDigest: 'sha256:0000', repoTags: ['localhost/fixtures/dockerfile-app:1.5.0'] };
    const b = runOf(bumped);
    const fp = (run: Run) => run.results.map((r) => r.partialFingerprints['portcullisFinding/v1']);
    expect(fp(b)).toEqual(fp(a));
    expect(new Set(fp(a)).size).toBe(a.results.length);
  });

  it('sets automationDetails.id per image and platform', () => {
    const amd = runOf(sampleReport()).automationDetails.id;
    const arm = sampleReport();
    arm.image = { ...arm.image, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } };
    expect(amd).toBe('portcullis/container/localhost/fixtures/dockerfile-app/linux/amd64/');
    expect(runOf(arm).automationDetails.id).toBe('portcullis/container/localhost/fixtures/dockerfile-app/linux/arm64/v8/');
  });
});

/** The sample report with its Dockerfile path as given on the command line. */
const withDockerfile = (path: string): ScanReport => {
  const r = sampleReport();
  return { ...r, dockerfile: { ...r.dockerfile!, path } };
};
const uris = (run: Run) => new Set(run.results.flatMap((r) => r.locations.map((l) => JSON.stringify(l.physicalLocation.artifactLocation))));

describe('SARIF artifact URIs relative to the checkout root', () => {
  // GitHub: "uri ... relative to the root of the repository" with uriBaseId %SRCROOT% (docs.github.com, "SARIF support
  // for code scanning", physicalLocation); codeql-action/upload-sarif takes the checkout root as `checkout_path`.
  const root = resolve('/tmp/ws/repo');
  const want = JSON.stringify({ uri: 'build/app/Dockerfile', uriBaseId: '%SRCROOT%' });

  it('gives the same URI for a relative, ./ and absolute Dockerfile path', () => {
    for (const [path, cwd] of [
      ['build/app/Dockerfile', root],
      ['./build/app/Dockerfile', root],
      [`${root}/build/app/Dockerfile`, '/'],
      ['app/Dockerfile', `${root}/build`],
    ] as const) {
      expect(artifactLocation(path, root, cwd)).toEqual(JSON.parse(want));
    }
  });

  it('makes every location relative to the checkout root given in originalUriBaseIds', () => {
    const run = runOf(withDockerfile(`${root}/build/app/Dockerfile`), { checkoutRoot: root });
    expect([...uris(run)]).toEqual([want]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } });
    // A checkout into a subfolder (actions/checkout path:): the URI is relative to that folder.
    const sub = runOf(withDockerfile(`${root}/build/app/Dockerfile`), { checkoutRoot: `${root}/build` });
    expect([...uris(sub)]).toEqual([JSON.stringify({ uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' })]);
    // A relative path is relative to the scan's working directory (the Action's workspace), not the process's.
    const rel = runOf(withDockerfile('./app/Dockerfile'), { checkoutRoot: root, workingDirectory: `${root}/build` });
    expect([...uris(rel)]).toEqual([want]);
    expect(runOf(withDockerfile('build/app/Dockerfile'), { workingDirectory: root }).originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(root).href}/`);
  });

  it('defaults the checkout root to the working directory, and encodes what a URI cannot hold', () => {
    const run = runOf(withDockerfile('./docker files/Dockerfile'));
    expect([...uris(run)]).toEqual([JSON.stringify({ uri: 'docker%20files/Dockerfile', uriBaseId: '%SRCROOT%' })]);
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(process.cwd()).href}/`);
  });

  it('a Dockerfile outside the checkout keeps its absolute file URI', () => {
    expect(artifactLocation('/etc/Dockerfile', root, '/')).toEqual({ uri: 'file:///etc/Dockerfile' });
  });
});

describe('SARIF policy results: one alert per problem', () => {
  it('puts a vulnerabilities trigger on the finding it is about instead of a second alert', () => {
    const run = runOf(sampleReport());
    expect(run.results.some((r) => r.ruleId === 'policy/vulnerabilities/package')).toBe(false);
    expect(run.tool.driver.rules.some((r) => r.id === 'policy/vulnerabilities/package')).toBe(false);
    const minimist = run.results.filter((r) => r.ruleId === 'CVE-2021-44906');
    expect(minimist).toHaveLength(1);
    expect(minimist[0]!.level).toBe('error');
    expect(minimist[0]!.properties.tags).toEqual(['policy', 'policy-stop']);
    expect(minimist[0]!.properties.policy).toEqual([expect.objectContaining({ action: 'stop', ruleId: 'rule-vuln-critical', triggerId: 'CVE-2021-44906+minimist' })]);
    expect(minimist[0]!.message.text).toContain('STOP by rule rule-vuln-critical');
  });

  it('a WARN raises a note to a warning, and the fingerprint stays the vulnerability result\'s', () => {
    const base = sampleReport();
    const plain = runOf({ ...base, policy: { ...base.policy!, findings: [] } });
    const report = sampleReport();
    const libc = report.findings.find((f) => f.id === 'CVE-2019-1010022')!;
    report.policy!.findings = [{ ...report.policy!.findings[0]!, trigger_id: `CVE-2019-1010022+${libc.packageName}`, action: 'warn', rule_action: 'warn', rule_id: 'rule-warn' }];
    const run = runOf(report);
    const r = run.results.find((x) => x.ruleId === 'CVE-2019-1010022')!;
    expect(r.level).toBe('warning');
    expect(run.results[0]).toEqual(r);
    expect(r.partialFingerprints).toEqual(plain.results.find((x) => x.ruleId === 'CVE-2019-1010022')!.partialFingerprints);
    expect(run.results).toHaveLength(plain.results.length);
  });

  it('a trigger about a finding out of the report scope is its own result, on that finding\'s line', () => {
    const report = sampleReport();
    const curl = report.findings.find((f) => f.id === 'CVE-2023-38545')!;
    report.policy!.findings = [{ ...report.policy!.findings[0]!, trigger_id: `CVE-2023-38545+${curl.packageName}`, location: undefined }];
    // High curl is below the Critical cutoff: no result of its own, so the trigger is one, on the apt-get line.
    const run = runOf(report, { severityCutoff: 'Critical' });
    expect(run.results.some((r) => r.ruleId === 'CVE-2023-38545')).toBe(false);
    const p = run.results.find((r) => r.ruleId === 'policy/vulnerabilities/package')!;
    expect(p.level).toBe('error');
    expect(p.locations[0]!.physicalLocation.region.startLine).toBe(14);
  });

  it('folds the trigger into the grouped result when a run is grouped', () => {
    const report = bigReport(30, 1, 10);
    // npm trigger ids name the package's folder (…/pkg-3/sub-0/package.json: sub-0), as the vulnerabilities gate does.
    report.policy!.findings = [{ ...report.policy!.findings[0]!, trigger_id: 'CVE-2099-000003+sub-0' }];
    const run = runOf(report, { sarifLimits: { ...GITHUB_SARIF_LIMITS, maxResultsPerRun: 20 } });
    const grouped = run.results.find((r) => r.ruleId === 'CVE-2099-000003')!;
    expect(grouped.message.text).toContain('affects 3 packages');
    expect(grouped.properties.tags).toEqual(['policy', 'policy-stop']);
    expect(run.results[0]).toEqual(grouped);
    expect(run.results.some((r) => r.ruleId.startsWith('policy/vulnerabilities'))).toBe(false);
  });

  it('every rule has a numeric security-severity; security gates are tagged security, licenses is not', () => {
    const report = sampleReport();
    report.policy!.findings.push({ ...report.policy!.findings[1]!, gate: 'licenses', trigger: 'denylist_exact_match', trigger_id: 'l1', action: 'stop', rule_id: 'rule-lic' });
    const run = runOf(report);
    for (const rule of run.tool.driver.rules) expect(rule.properties['security-severity'], rule.id).toMatch(/^\d+\.\d$/);
    const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
    expect(rule('policy/dockerfile/effective_user').properties.tags).toEqual(['security', 'policy', 'dockerfile']);
    expect(rule('policy/dockerfile/effective_user').properties['security-severity']).toBe('5.5');
    expect(rule('policy/licenses/denylist_exact_match').properties).toEqual({ 'security-severity': '8.0', tags: ['policy', 'licenses'] });
    expect(rule('policy/licenses/denylist_exact_match').defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });
});

describe('SARIF within GitHub limits', () => {
  it('groups a run over 25,000 results by vulnerability id, and says so', () => {
    const report = bigReport(30_000, 1, 6_000);
    const run = runOf(report);
    expect(run.results.length).toBe(6_000 + 3);
    expect(run.results.length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.maxResultsPerRun);
    const notes = run.invocations[0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor.id)).toEqual(['portcullis/grouped', 'portcullis/unknowns']);
    expect(notes[0]!.message.text).toContain('30000 findings');
    const grouped = run.results.find((r) => r.ruleId === 'CVE-2099-000000')!;
    expect(grouped.message.text).toContain('affects 5 packages');
    expect(grouped.locations).toHaveLength(5);
  });

  it('trims results past the limit when grouping is not enough, least severe first', () => {
    const run = runOf(bigReport(30_000));
    expect(run.results).toHaveLength(25_000);
    expect(run.results.slice(0, 3).every((r) => r.ruleId.startsWith('policy/'))).toBe(true);
    const notes = run.invocations[0]!.toolExecutionNotifications!.map((n) => n.descriptor.id);
    expect(notes).toEqual(['portcullis/grouped', 'portcullis/results-trimmed', 'portcullis/unknowns']);
    // The STOP trigger and every Critical and High result are kept: the 5,003 left out are Low.
    expect(run.results.filter((r) => r.level === 'error')).toHaveLength(1 + 15_000);
    expect(run.results.filter((r) => r.level === 'note')).toHaveLength(7_500 - 5_003);
  });

  it('keeps at most 1,000 locations per result', () => {
    const run = runOf(bigReport(2, 1_500));
    expect(Math.max(...run.results.map((r) => r.locations.length))).toBe(1_000);
    expect(run.invocations[0]!.toolExecutionNotifications!.map((n) => n.descriptor.id)).toEqual(['portcullis/locations-trimmed', 'portcullis/unknowns']);
  });

  it('drops the least severe results until the gzipped file fits the size limit', () => {
    const limits = { ...GITHUB_SARIF_LIMITS, maxGzipBytes: 60_000 };
    const report = bigReport(4_000);
    const untrimmed = renderSarif(report, {});
    expect(gzipSync(untrimmed).length).toBeGreaterThan(limits.maxGzipBytes);
    const text = renderSarif(report, { sarifLimits: limits });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limits.maxGzipBytes);
    const run = (JSON.parse(text) as { runs: Run[] }).runs[0]!;
    expect(run.results.length).toBeGreaterThan(10);
    expect(run.results.length).toBeLessThan(4_003);
    const note = run.invocations[0]!.toolExecutionNotifications!.find((n) => n.descriptor.id === 'portcullis/size-trimmed')!;
    expect(note.message.text).toMatch(/^The SARIF file was over GitHub's 60000 bytes gzipped: \d+ of 4003 results were left out/);
    // Rules without results are dropped with them.
    expect(run.tool.driver.rules.length).toBe(new Set(run.results.map((r) => r.ruleId)).size);
  });
});

describeShared('SARIF schema validation of trimmed runs', () => {
  it('a grouped and trimmed run is still valid SARIF 2.1.0', () => {
    const doc = JSON.parse(renderSarif(bigReport(300, 3, 100), { sarifLimits: { maxResultsPerRun: 50, maxLocationsPerResult: 2, maxGzipBytes: 10_000_000 } })) as unknown;
    expect(schemaErrors('sarif', doc)).toEqual([]);
  });
});
