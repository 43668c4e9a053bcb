import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../model/index.js';
import { context, evalRule, finding, NOW } from '../../test-support.js';
import { cvss3Scores } from './cvss.js';

const run = (params: Record<string, string>, findings: Finding[]) => evalRule('vulnerabilities', 'package', { package_type: 'all', ...params }, context({ findings })).findings;
const ids = (params: Record<string, string>, findings: Finding[]) => run(params, findings).map((f) => f.trigger_id);

const sev = ['Unknown', 'Negligible', 'Low', 'Medium', 'High', 'Critical'] as const;
const bySeverity = sev.map((s, i) => finding(`CVE-2024-000${i}`, `pkg${i}`, { severity: s }));

describe('vulnerabilities/package', () => {
  it.each([
    [{}, ['1', '2', '3', '4', '5']], // default: severity > unknown
    [{ severity: 'medium', severity_comparison: '=' }, ['3']],
    [{ severity: 'medium', severity_comparison: '>' }, ['4', '5']],
    [{ severity: 'high', severity_comparison: '>=' }, ['4', '5']],
    [{ severity: 'low', severity_comparison: '<' }, ['0', '1']],
    [{ severity: 'low', severity_comparison: '<=' }, ['0', '1', '2']],
    [{ severity: 'critical', severity_comparison: '!=' }, ['0', '1', '2', '3', '4']],
  ])('severity comparison %j', (params, want) => {
    expect(ids(params, bySeverity)).toEqual(want.map((i) => `CVE-2024-000${i}+pkg${i}`));
  });

  it("reproduces Anchore's message for OS packages, with and without a fix", () => {
    const [fixed, open] = run({}, [
      finding('CVE-2021-33574', 'libc-bin', { severity: 'High', fix: { state: 'fixed', versions: ['2.28-10+deb10u2'] } }),
      finding('CVE-2021-33560', 'libgcrypt20', { severity: 'Medium' }),
    ]);
    expect(fixed!.message).toBe('HIGH Vulnerability found in os package type (dpkg) - libc-bin (fixed in: 2.28-10+deb10u2)(CVE-2021-33574 - https://security-tracker.debian.org/tracker/CVE-2021-33574)');
    expect(open!.message).toBe('MEDIUM Vulnerability found in os package type (dpkg) - libgcrypt20 (CVE-2021-33560 - https://security-tracker.debian.org/tracker/CVE-2021-33560)');
  });

  it('names non-OS packages by location in messages and trigger ids (npm dir, jar file, name-version)', () => {
    const npm = finding('GHSA-1', 'lodash', { packageType: 'npm', installedVersion: '4.17.20', locations: [{ path: '/app/node_modules/lodash/package.json' }] });
    const jar = finding('CVE-2', 'log4j-core', { packageType: 'java-archive', locations: [{ path: '/opt/app/lib/log4j-core-2.14.jar' }] });
    const py = finding('PYSEC-3', 'requests', { packageType: 'python', installedVersion: '2.0.0', locations: [] });
    const out = run({}, [npm, jar, py]);
    expect(out.map((f) => f.trigger_id)).toEqual(['GHSA-1+lodash', 'CVE-2+log4j-core-2.14.jar', 'PYSEC-3+requests-2.0.0']);
    expect(out[0]!.message).toMatch(/^MEDIUM Vulnerability found in non-os package type \(npm\) - \/app\/node_modules\/lodash\/package\.json \(GHSA-1/);
  });

  it.each([
    [{ package_type: 'os' }, ['CVE-OS+zlib1g']],
    [{ package_type: 'non-os' }, ['CVE-NPM+left-pad', 'CVE-TEST+left-pad']],
    [{ package_type: 'non-os', package_path_exclude: '.*/test/.*' }, ['CVE-NPM+left-pad']],
  ])('package_type and package_path_exclude %j', (params, want) => {
    const fs = [
      finding('CVE-OS', 'zlib1g'),
      finding('CVE-NPM', 'left-pad', { packageType: 'npm', locations: [{ path: '/app/node_modules/left-pad/package.json' }] }),
      finding('CVE-TEST', 'left-pad', { packageType: 'npm', locations: [{ path: '/app/test/left-pad/package.json' }] }),
    ];
    expect(ids(params, fs)).toEqual(want);
  });

  it('fix_available and vendor_only (defaults to true: won’t-fix matches are skipped)', () => {
    const fs = [finding('CVE-F', 'a', { fix: { state: 'fixed', versions: ['2'] } }), finding('CVE-N', 'b'), finding('CVE-W', 'c', { fix: { state: 'wont-fix', versions: [] } })];
    expect(ids({}, fs)).toEqual(['CVE-F+a', 'CVE-N+b']);
    expect(ids({ vendor_only: 'false' }, fs)).toEqual(['CVE-F+a', 'CVE-N+b', 'CVE-W+c']);
    expect(ids({ fix_available: 'true' }, fs)).toEqual(['CVE-F+a']);
    expect(ids({ fix_available: 'FALSE' }, fs)).toEqual(['CVE-N+b']);
  });

  it('max_days_since_creation and max_days_since_fix', () => {
    const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
    const fs = [
      finding('CVE-OLD', 'a', { published: daysAgo(40), fix: { state: 'fixed', versions: ['1'] } }),
      finding('CVE-NEW', 'b', { published: daysAgo(3), fix: { state: 'fixed', versions: ['1'] } }),
      finding('CVE-NODATE', 'c'),
    ];
    expect(ids({ max_days_since_creation: '7' }, fs)).toEqual(['CVE-OLD+a']);
    expect(ids({ fix_available: 'true', max_days_since_fix: '30' }, fs)).toEqual(['CVE-OLD+a']);
  });

  it('compares the max NVD and vendor CVSS v3 scores (-1 when none)', () => {
    const v = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    const fs = [
      finding('CVE-NVD', 'a', { nvdCvss: [{ version: '3.1', vector: v, baseScore: 9.8, source: 'nvd@nist.gov', type: 'Primary' }], cvss: [{ version: '3.1', vector: v, baseScore: 5.0, source: 'osv:Debian' }] }),
      finding('CVE-NONE', 'b'),
    ];
    expect(ids({ cvss_v3_base_score: '9.0' }, fs)).toEqual(['CVE-NVD+a']);
    expect(ids({ cvss_v3_base_score: '9.0', cvss_v3_base_score_comparison: '<' }, fs)).toEqual(['CVE-NONE+b']);
    expect(ids({ vendor_cvss_v3_base_score: '6' }, fs)).toEqual([]);
    expect(ids({ vendor_cvss_v3_base_score: '5' }, fs)).toEqual(['CVE-NVD+a']);
    expect(ids({ cvss_v3_exploitability_score: '3.9', cvss_v3_exploitability_score_comparison: '=' }, fs)).toEqual(['CVE-NVD+a']);
    expect(ids({ cvss_v3_impact_score: '5.9', cvss_v3_impact_score_comparison: '=' }, fs)).toEqual(['CVE-NVD+a']);
  });

  it('EPSS extension params: epss_score / epss_percentile with their comparisons (-1 when no EPSS)', () => {
    const fs = [finding('CVE-HOT', 'a', { epss: { score: 0.42, percentile: 0.97 } }), finding('CVE-COLD', 'b', { epss: { score: 0.001, percentile: 0.2 } }), finding('CVE-NONE', 'c')];
    expect(ids({ epss_score: '0.1' }, fs)).toEqual(['CVE-HOT+a']);
    expect(ids({ epss_percentile: '0.95' }, fs)).toEqual(['CVE-HOT+a']);
    expect(ids({ epss_score: '0.01', epss_score_comparison: '<' }, fs)).toEqual(['CVE-COLD+b', 'CVE-NONE+c']);
    expect(ids({ epss_score: '0.1', epss_percentile: '0.99' }, fs)).toEqual([]);
  });

  it('computes CVSS v3 sub-scores from vectors (FIRST 3.1 examples)', () => {
    expect(cvss3Scores('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({ base: 9.8, exploitability: 3.9, impact: 5.9 });
    expect(cvss3Scores('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toEqual({ base: 6.1, exploitability: 2.8, impact: 2.7 });
    expect(cvss3Scores('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N')?.base).toBe(0);
    expect(cvss3Scores('garbage')).toBeUndefined();
  });
});

describe('vulnerabilities/other triggers', () => {
  it('stale_feed_data fires when the last sync is older than the window, or unknown', () => {
    const ev = (lastSync: Date | undefined) => evalRule('vulnerabilities', 'stale_feed_data', { max_days_since_sync: '2' }, context({ vulnData: { distroDataAvailable: true, ...(lastSync ? { lastSync } : {}) } })).findings.map((f) => f.message);
    expect(ev(new Date(NOW.getTime() - 86_400_000))).toEqual([]);
    expect(ev(new Date(NOW.getTime() - 3 * 86_400_000))).toEqual(['The vulnerability feed for this image distro is older than MAXAGE (2) days']);
    expect(ev(undefined)).toHaveLength(1);
  });

  it('vulnerability_data_unavailable names the distro namespace', () => {
    const ev = (available: boolean) => evalRule('vulnerabilities', 'vulnerability_data_unavailable', {}, context({ vulnData: { namespace: 'debian:13', distroDataAvailable: available } })).findings.map((f) => f.message);
    expect(ev(true)).toEqual([]);
    expect(ev(false)).toEqual(['Distro-specific feed data not found for distro namespace: debian:13. Cannot perform CVE scan OS/distro packages']);
  });

  it('blacklist (v2: denylist) fires once, listing the ids found as a Python list', () => {
    const fs = [finding('CVE-1', 'a'), finding('CVE-9', 'b', { aliases: ['GHSA-x'] }), finding('CVE-3', 'c', { fix: { state: 'wont-fix', versions: [] } })];
    const ev = (params: Record<string, string>) => evalRule('vulnerabilities', 'denylist', params, context({ findings: fs })).findings.map((f) => f.message);
    expect(ev({ vulnerability_ids: 'CVE-1,GHSA-x,CVE-3,CVE-404' })).toEqual(["Blacklisted vulnerabilities detected: ['CVE-1', 'GHSA-x']"]);
    expect(ev({ vulnerability_ids: 'CVE-3', vendor_only: 'false' })).toEqual(["Blacklisted vulnerabilities detected: ['CVE-3']"]);
    expect(ev({ vulnerability_ids: 'CVE-404' })).toEqual([]);
  });
});

// Anchore Enterprise's `kev list` trigger (docs.anchore.com, compliance_management/policy_gates/vulnerabilities,
// "Scenario 2": trigger `kev list`, no parameters). Anchore does not publish its message; ours names the KEV dates.
describe('vulnerabilities/kev_list', () => {
  const kev = finding('CVE-2024-6387', 'openssh-server', { severity: 'High', kev: { dateAdded: '2024-07-01', dueDate: '2024-07-22', knownRansomwareCampaignUse: 'Known' } });
  const plain = finding('CVE-2024-0001', 'curl', { severity: 'Critical' });

  it('fires once per finding in KEV, whatever its severity, with the package trigger id', () => {
    for (const name of ['kev_list', 'kev list']) {
      const out = evalRule('vulnerabilities', name, {}, context({ findings: [kev, plain] })).findings;
      expect(out.map((f) => f.trigger_id)).toEqual(['CVE-2024-6387+openssh-server']);
      expect(out[0]!.message).toBe(
        'HIGH Vulnerability CVE-2024-6387 in os package type (dpkg) - openssh-server is in the CISA KEV catalog (added 2024-07-01, due 2024-07-22, known ransomware campaign use)',
      );
    }
  });

  it('does not fire without KEV data', () => {
    expect(evalRule('vulnerabilities', 'kev_list', {}, context({ findings: [plain] })).findings).toEqual([]);
  });
});
