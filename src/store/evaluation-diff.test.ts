import { describe, expect, it } from 'vitest';
import { diffEvaluations, diffIsEmpty, summariseFindings } from './evaluation-diff.js';

const report = (findings: [string, string, string][], triggers: [string, string][]) => ({
  findings: findings.map(([id, pkg, version]) => ({ id, aliases: [`GHSA-${id}`], packageName: pkg, installedVersion: version, severity: 'High' })),
  policy: { findings: triggers.map(([id, action]) => ({ gate: 'vulnerabilities', trigger: 'package', trigger_id: id, action, message: `m ${id}` })) },
});

describe('evaluation summaries and differences', () => {
  it('keys vulnerabilities by id and package, and triggers by gate/trigger/id and action', () => {
    const before = summariseFindings(report([['CVE-1', 'curl', '1'], ['CVE-2', 'curl', '1']], [['t1', 'stop']]));
    const after = summariseFindings(report([['CVE-2', 'curl', '1'], ['CVE-2', 'openssl', '3'], ['CVE-3', 'curl', '1']], [['t1', 'warn'], ['t2', 'stop']]));
    const d = diffEvaluations({ decision: 'STOP', summary: before }, { decision: 'WARN', summary: after });
    expect(d.decision).toEqual({ before: 'STOP', after: 'WARN' });
    expect(d.vulnerabilities.added.map((v) => `${v.id} ${v.package}`)).toEqual(['CVE-2 openssl@3', 'CVE-3 curl@1']);
    expect(d.vulnerabilities.removed.map((v) => `${v.id} ${v.package} ${v.aliases.join()}`)).toEqual(['CVE-1 curl@1 GHSA-CVE-1']);
    // t1 changed its action: removed as stop, added as warn.
    expect(d.triggers.added.map((t) => `${t.key} ${t.action}`)).toEqual(['vulnerabilities/package/t1 warn', 'vulnerabilities/package/t2 stop']);
    expect(d.triggers.removed.map((t) => `${t.key} ${t.action}`)).toEqual(['vulnerabilities/package/t1 stop']);
    expect(diffIsEmpty(d)).toBe(false);
  });

  it('the first evaluation adds everything; the same result twice is an empty difference', () => {
    const s = summariseFindings(report([['CVE-1', 'curl', '1']], [['t1', 'stop']]));
    const first = diffEvaluations(undefined, { decision: 'STOP', summary: s });
    expect(first.decision).toEqual({ before: null, after: 'STOP' });
    expect(first.vulnerabilities.added).toHaveLength(1);
    expect(diffIsEmpty(diffEvaluations({ decision: 'STOP', summary: s }, { decision: 'STOP', summary: s }))).toBe(true);
  });

  it('a report without findings or policy summarises to nothing', () => {
    expect(summariseFindings({})).toEqual({ vulnerabilities: [], triggers: [] });
    expect(summariseFindings(undefined)).toEqual({ vulnerabilities: [], triggers: [] });
  });
});
