/**
 * A baseline for the golden sample (src/output/testdata/report.ts): the same repository one release earlier
 * (`:1.4.1`). It lacks the minimist finding and its STOP (so both are new in the sample), names the lodash finding by
 * its GHSA where the sample names it by its CVE (the same finding), and had a second lodash finding and its STOP,
 * which the sample no longer has (fixed).
 */

import type { Finding, ScanReport } from '../../model/index.js';
import { sampleReport } from '../../output/testdata/report.js';
import { applyDelta } from '../delta.js';

export function sampleBaseline(): ScanReport {
  const r = sampleReport();
  const lodash = r.findings.find((f) => f.packageName === 'lodash')!;
  const fixed: Finding = {
    ...lodash,
    id: 'CVE-2020-8203',
    aliases: ['GHSA-p6mc-m468-83gw'],
    severity: 'High',
    summary: 'Prototype pollution in lodash zipObjectDeep',
    fix: { state: 'fixed', versions: ['4.17.19'] },
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2020-8203'],
  };
  const findings = r.findings
    .filter((f) => f.packageName !== 'minimist')
    .map((f) => (f === lodash ? { ...f, id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'] } : f));
  const policy = r.policy!;
  return {
    ...r,
    createdAt: '2026-11-20T08:00:00.000Z',
    image: { ...r.image, manifestDigest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111', repoTags: ['localhost/fixtures/dockerfile-app:1.4.1'] },
    findings: [...findings, fixed],
    policy: {
      ...policy,
      findings: [
        ...policy.findings.filter((p) => p.trigger_id !== 'CVE-2021-44906+minimist'),
        {
          trigger_id: 'GHSA-p6mc-m468-83gw+lodash',
          gate: 'vulnerabilities',
          trigger: 'package',
          message: 'HIGH Vulnerability found in non-os package type (npm) - /srv/app/node_modules/lodash/package.json (fixed in: 4.17.19)(GHSA-p6mc-m468-83gw - https://nvd.nist.gov/vuln/detail/CVE-2020-8203)',
          action: 'stop',
          rule_action: 'stop',
          policy_id: 'default',
          rule_id: 'rule-vuln-high',
          recommendation: '',
          allowlisted: false,
        },
      ],
    },
    decision: 'STOP',
  };
}

/** The golden sample marked against sampleBaseline(), as `scan --baseline base.json --fail-scope new` makes it. */
export function sampleWithBaseline(): ScanReport {
  return applyDelta(sampleReport(), sampleBaseline(), { source: 'base/portcullis-report.json', kind: 'report' }, 'new');
}
