import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/index.js';
import { sampleReport as shared } from '../../output/testdata/report.js';

// The sample shares its arrays between calls: each test mutates its own deep copy.
const sampleReport = () => structuredClone(shared());
import { planAnnotations } from './annotations.js';

const FULL = { error: 9, warning: 9 };

describe('planAnnotations', () => {
  it('puts findings on the Dockerfile line of their layer, policy STOP first, most severe first', () => {
    const { annotations, omitted } = planAnnotations(sampleReport(), { dockerfileFile: 'app/Dockerfile', budget: FULL });
    expect(annotations.map((a) => [a.level, a.title, a.line])).toEqual([
      ['error', 'Critical CVE-2021-44906 (minimist)', 29],
      ['error', 'High CVE-2021-23337 (lodash)', 29],
      ['error', 'High CVE-2022-24999 (qs)', 29],
      ['error', 'High CVE-2023-38545 (curl)', 14],
      ['warning', 'Policy WARN: dockerfile instruction', undefined],
      ['warning', 'Policy WARN: dockerfile effective_user', 34],
      ['warning', 'Medium CVE-2024-29041 (express)', 29],
      ['notice', 'Portcullis: more findings', undefined],
    ]);
    expect(annotations[0]!.file).toBe('app/Dockerfile');
    expect(annotations[0]!.message).toContain('Policy rule rule-vuln-critical → STOP. Upgrade minimist to 1.2.6 or later.');
    expect(annotations[0]!.message).toContain('fixed in 1.2.6');
    // The same CVE in curl and libcurl4, both from the RUN on line 14: one annotation naming both.
    expect(annotations[3]!.message).toMatch(/^High CVE-2023-38545 in curl 7\.88\.1-10\+deb12u15, libcurl4 7\.88\.1-10\+deb12u15: no fix \(not-fixed\)\./);
    expect(annotations[4]!.file).toBeUndefined();
    expect(omitted).toEqual({ error: 0, warning: 0, lower: 3 });
    expect(annotations.at(-1)!.message).toBe('3 low, negligible or unknown findings not annotated. The job summary, the JSON report and the SARIF list them all.');
  });

  it('maps base-image findings to the FROM line', () => {
    const r = sampleReport();
    const libc = r.findings.find((f) => f.packageName === 'libc6')!;
    libc.severity = 'Critical';
    const { annotations } = planAnnotations(r, { dockerfileFile: 'Dockerfile', budget: FULL });
    const a = annotations.find((x) => x.title === 'Critical CVE-2019-1010022 (libc6)')!;
    expect(a.line).toBe(3);
    expect(a.message).toContain('from the base image');
  });

  it('keeps within the budget and counts the rest in one notice', () => {
    const r = sampleReport();
    const base = r.findings[1]!;
    const many: Finding[] = Array.from({ length: 30 }, (_, i) => ({ ...base, id: `CVE-2099-${1000 + i}`, severity: i % 2 ? 'High' : 'Medium' }));
    r.findings.push(...many);
    const { annotations, omitted } = planAnnotations(r, { dockerfileFile: 'Dockerfile', budget: { error: 9, warning: 9 } });
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(9);
    expect(annotations.filter((a) => a.level === 'notice')).toHaveLength(1);
    // 4 + 15 errors, 3 + 15 warnings in all.
    expect(omitted).toEqual({ error: 10, warning: 9, lower: 3 });
    expect(annotations.at(-1)!.message).toMatch(/^10 errors, 9 warnings, 3 low, negligible or unknown findings not annotated \(GitHub shows at most 10 errors and 10 warnings per step\)/);
    // The policy STOP is never the one dropped.
    expect(annotations[0]!.title).toBe('Critical CVE-2021-44906 (minimist)');
  });

  it('respects the report scope, but keeps findings a policy rule fired on', () => {
    const { annotations } = planAnnotations(sampleReport(), { severityCutoff: 'Critical', dockerfileFile: 'Dockerfile', budget: FULL });
    expect(annotations.filter((a) => a.title?.startsWith('High') || a.title?.startsWith('Medium'))).toEqual([]);
    expect(annotations[0]!.title).toBe('Critical CVE-2021-44906 (minimist)');
  });

  it('without a Dockerfile, annotations go on the run, not on a file', () => {
    const { annotations } = planAnnotations(sampleReport(), { budget: FULL });
    expect(annotations.every((a) => a.file === undefined && a.line === undefined)).toBe(true);
  });

  it('a zero budget shows nothing but the notice', () => {
    const { annotations, omitted } = planAnnotations(sampleReport(), { dockerfileFile: 'Dockerfile', budget: { error: 0, warning: 0 } });
    expect(annotations).toHaveLength(1);
    expect(omitted).toEqual({ error: 4, warning: 3, lower: 3 });
  });
});
