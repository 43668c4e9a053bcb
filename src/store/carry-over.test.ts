import { describe, expect, it } from 'vitest';
import type { PolicyFindingRecord, ScanReport } from '../model/index.js';
import { loadBundle } from '../policy/bundle.js';
import { applyCarryOver, CARRIED_OVER_NOTE, CARRIED_RULES_CHANGED_NOTE, imageOnlyRulesDigest, needsImage, readCarryOverReport, topLevelJsonFields } from './carry-over.js';
import { diffEvaluations, summariseFindings } from './evaluation-diff.js';

const bundleYaml = (portAction: string, vulnAction = 'STOP', extra = '') => `
id: b
name: b
version: "2_0"
rule_sets:
  - id: rs
    name: rules
    version: "2_0"
    artifact_type: image
    rules:
      - { id: port, gate: dockerfile, trigger: exposed_ports, action: ${portAction}, params: [{ name: ports, value: "22" }, { name: type, value: denylist }] }
      - { id: nodf, gate: dockerfile, trigger: no_dockerfile_provided, action: WARN, params: [] }
      - { id: vuln, gate: vulnerabilities, trigger: package, action: ${vulnAction}, params: [{ name: package_type, value: all }, { name: severity_comparison, value: ">=" }, { name: severity, value: high }] }
${extra}allowlists: []
mappings:
  - { id: all, name: all, registry: "*", repository: "*", image: { type: tag, value: "*" }, rule_set_ids: [rs], allowlist_ids: [] }
`;
const BUNDLE = loadBundle(bundleYaml('STOP'));

const trigger = (gate: string, trig: string, id: string, action: 'go' | 'warn' | 'stop', extra: Partial<PolicyFindingRecord> = {}): PolicyFindingRecord => ({
  trigger_id: id,
  gate,
  trigger: trig,
  message: `${gate} ${trig} ${id}`,
  action,
  rule_action: action,
  policy_id: 'rs',
  rule_id: id,
  recommendation: '',
  allowlisted: false,
  ...extra,
});

const report = (decision: ScanReport['decision'], findings: PolicyFindingRecord[], reason: 'policy_evaluation' | 'allowlisted' | 'denylisted' = 'policy_evaluation', problems: ScanReport['policy'] extends infer P ? (P extends { evaluation_problems: infer E } ? E : never) : never = []): ScanReport =>
  ({
    schemaVersion: '1',
    tool: { name: 'portcullis', version: '0' },
    createdAt: '2026-12-01T00:00:00.000Z',
    image: {} as ScanReport['image'],
    packages: [],
    findings: [],
    unknowns: [],
    plugins: [],
    decision,
    policy: {
      bundle_id: 'b',
      bundle_name: 'b',
      final_action: decision.toLowerCase() as 'go',
      final_action_reason: reason,
      image_mapped_to_rule: true,
      findings,
      evaluation_problems: problems,
      evaluation_time: '2026-12-01T00:00:00.000Z',
    },
  }) as ScanReport;

const PORT = trigger('dockerfile', 'exposed_ports', 'port22', 'stop');
const PUSH = report('STOP', [PORT, trigger('vulnerabilities', 'package', 'CVE-1', 'warn')]);
const pushed = { id: 'ev-push', created_at: '2026-12-01T00:00:01Z', report: PUSH };

describe('carry-over of the image-only gates in a re-evaluation', () => {
  it('knows which gates and triggers need the image', () => {
    for (const g of ['dockerfile', 'files', 'passwd_file', 'retrieved_files', 'secret_scans', 'malware', 'compliance']) expect(needsImage(g, 'any')).toBe(true);
    expect(needsImage('packages', 'verify')).toBe(true);
    for (const [g, t] of [['vulnerabilities', 'package'], ['packages', 'required_package'], ['licenses', 'denylist_exact_match'], ['metadata', 'attribute'], ['always', 'always']] as const) expect(needsImage(g, t)).toBe(false);
  });

  it('keeps the pushed Dockerfile STOP unchanged and marked, drops the SBOM "cannot check" trigger, and the diff lists neither', () => {
    // The SBOM re-evaluation: the vulnerability is gone, the dockerfile gate fires only its "no Dockerfile" trigger.
    const fresh = report('WARN', [trigger('dockerfile', 'no_dockerfile_provided', 'nodf', 'warn')]);
    const out = applyCarryOver(fresh, pushed, { bundle: BUNDLE, policyChange: false });
    expect(out.decision).toBe('STOP');
    expect(out.policy!.final_action).toBe('stop');
    expect(out.policy!.findings).toEqual([{ ...PORT, carried_over: { evaluation_id: 'ev-push', evaluated_at: '2026-12-01T00:00:00.000Z' } }]);
    expect(out.policy!.evaluation_problems.map((p) => p.problem_type)).toEqual([CARRIED_OVER_NOTE]);
    expect(out.policy!.evaluation_problems[0]!.details).toContain('1 trigger(s)');
    const diff = diffEvaluations({ decision: PUSH.decision, summary: summariseFindings(PUSH) }, { decision: out.decision, summary: summariseFindings(out) });
    expect(diff.triggers.removed.map((t) => t.key)).toEqual(['vulnerabilities/package/CVE-1']);
    expect(diff.triggers.added).toEqual([]);
    expect(summariseFindings(out).triggers).toEqual([expect.objectContaining({ key: 'dockerfile/exposed_ports/port22', action: 'stop', carried_over: true })]);
  });

  it('a carried trigger keeps its first origin through later re-evaluations, and fresh SBOM gates still decide', () => {
    const first = applyCarryOver(report('GO', []), pushed, { bundle: BUNDLE, policyChange: false });
    const fresh = report('STOP', [trigger('vulnerabilities', 'package', 'CVE-2', 'stop')]);
    const second = applyCarryOver(fresh, { id: 'ev-reeval-1', created_at: 'x', report: first }, { bundle: BUNDLE, policyChange: false });
    expect(second.decision).toBe('STOP');
    expect(second.policy!.findings.map((f) => [f.trigger_id, f.carried_over?.evaluation_id])).toEqual([
      ['CVE-2', undefined],
      ['port22', 'ev-push'],
    ]);
    // Only one note (the fresh evaluation's own problems are kept, the previous note is not repeated).
    expect(second.policy!.evaluation_problems.filter((p) => p.problem_type === CARRIED_OVER_NOTE)).toHaveLength(1);
  });

  it('an image allowlist or denylist of the bundle still decides alone', () => {
    expect(applyCarryOver(report('GO', [], 'allowlisted'), pushed, { bundle: BUNDLE, policyChange: false }).decision).toBe('GO');
    const warnOnly = report('WARN', [trigger('dockerfile', 'exposed_ports', 'p', 'warn')]);
    expect(applyCarryOver(report('STOP', [], 'denylisted'), { ...pushed, report: warnOnly }, { bundle: BUNDLE, policyChange: false }).decision).toBe('STOP');
  });

  it('a carried allowlisted trigger stays go (its action as decided), a WARN one gives WARN', () => {
    const prev = report('WARN', [trigger('files', 'content_regex_match', 'f', 'go', { rule_action: 'stop', allowlisted: true }), trigger('secret_scans', 'content_regex_checks', 's', 'warn')]);
    const out = applyCarryOver(report('GO', []), { ...pushed, report: prev }, { bundle: BUNDLE, policyChange: false });
    expect(out.decision).toBe('WARN');
    expect(out.policy!.findings).toHaveLength(2);
  });

  it('without a policy result to carry from, the fresh report stands unchanged', () => {
    const fresh = report('WARN', [trigger('dockerfile', 'no_dockerfile_provided', 'nodf', 'warn')]);
    expect(applyCarryOver(fresh, { ...pushed, report: { schemaVersion: '1' } }, { bundle: BUNDLE, policyChange: false })).toBe(fresh);
  });

  it('on a policy change, says when the image-only rules changed or are unknown, and keeps the carried results', () => {
    // After a push the store never saw the push's bundle: unknown.
    const fromPush = applyCarryOver(report('GO', []), pushed, { bundle: BUNDLE, policyChange: true });
    expect(fromPush.decision).toBe('STOP');
    expect(fromPush.policy!.evaluation_problems.find((p) => p.problem_type === CARRIED_RULES_CHANGED_NOTE)?.details).toMatch(/not known to the store.*kept as they were/);
    const reeval = applyCarryOver(report('GO', []), pushed, { bundle: BUNDLE, policyChange: false });
    const prev = { id: 'ev-r', created_at: 'x', report: reeval };
    // Only the vulnerability rule changed: the image-only rules are the same, no warning.
    const vulnOnly = loadBundle(bundleYaml('STOP', 'WARN'));
    expect(imageOnlyRulesDigest(vulnOnly)).toBe(imageOnlyRulesDigest(BUNDLE));
    expect(applyCarryOver(report('GO', []), prev, { bundle: vulnOnly, policyChange: true }).policy!.evaluation_problems.map((p) => p.problem_type)).toEqual([CARRIED_OVER_NOTE]);
    // The port rule became WARN: the carried STOP cannot be recomputed, it is kept, and the note says so.
    const portWarn = loadBundle(bundleYaml('WARN'));
    expect(imageOnlyRulesDigest(portWarn)).not.toBe(imageOnlyRulesDigest(BUNDLE));
    const out = applyCarryOver(report('GO', []), prev, { bundle: portWarn, policyChange: true });
    expect(out.decision).toBe('STOP');
    expect(out.policy!.evaluation_problems.find((p) => p.problem_type === CARRIED_RULES_CHANGED_NOTE)?.details).toMatch(/changed its rules for gates that need the image/);
  });
});

describe('the narrow read of a previous report', () => {
  const fields = (text: string) => topLevelJsonFields(Buffer.from(text), ['policy', 'createdAt']);

  it('gives what JSON.parse gives for the top-level policy and createdAt, compact or indented, and skips nested keys', () => {
    const stored = {
      schemaVersion: '1',
      image: { labels: { policy: 'nested, not this', 'a"b': 'x\\"y', createdAt: 'nested too' }, note: 'brackets in text: }]{[ "policy": 1' },
      packages: [{ name: 'p\\', paths: ['/a\\\\', '"quoted"'] }, []],
      policy: { findings: [trigger('dockerfile', 'exposed_ports', 'p1', 'stop')], evaluation_problems: [], bundle_id: 'b' },
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    for (const text of [JSON.stringify(stored), JSON.stringify(stored, null, 2), `\uFEFF  ${JSON.stringify(stored, null, '\t')}\n`]) {
      expect(fields(text)).toEqual({ policy: stored.policy, createdAt: stored.createdAt });
      expect(readCarryOverReport(Buffer.from(text), 'r')).toEqual({ policy: stored.policy, createdAt: stored.createdAt });
    }
  });

  it('takes the last of a repeated key and decodes escaped keys, as JSON.parse does', () => {
    const text = '{"policy": {"findings": []}, "x": [1, {"y": "}"}], "\\u0070olicy": {"findings": [], "bundle_id": "second"}, "createdAt": "t"}';
    const { policy, createdAt } = JSON.parse(text) as { policy: unknown; createdAt: unknown };
    expect(fields(text)).toEqual({ policy, createdAt });
    expect(fields(text)).toEqual({ policy: { findings: [], bundle_id: 'second' }, createdAt: 't' });
    expect(fields('{"other": 1}')).toEqual({});
  });

  it('is undefined for what is not one balanced object, and readCarryOverReport says what is wrong in one line', () => {
    for (const bad of ['[1, 2]', '{"policy": {"findings": [}', '{"policy": 1} trailing', '{"policy": "unterminated}', '{"policy": nope}', '']) expect(fields(bad)).toBeUndefined();
    expect(() => readCarryOverReport(Buffer.from('{"policy": {"findings": [}'), 'the report file f1')).toThrow(/^the report file f1 is not JSON: /);
    expect(() => readCarryOverReport(Buffer.from('[1]'), 'the report file f2')).toThrow('the report file f2 is not a JSON object (an array)');
    expect(() => readCarryOverReport(Buffer.from('null'), 'the report file f3')).toThrow('the report file f3 is not a JSON object (null)');
  });

  it('carries over from the narrow read exactly what it carries over from the whole report', () => {
    const previous = report('STOP', [trigger('dockerfile', 'exposed_ports', 'p1', 'stop'), trigger('vulnerabilities', 'package', 'v1', 'stop')]);
    const fresh = report('GO', []);
    const whole = applyCarryOver(fresh, { id: 'e1', created_at: 't0', report: JSON.parse(JSON.stringify(previous)) }, { bundle: BUNDLE, policyChange: true });
    const narrow = applyCarryOver(fresh, { id: 'e1', created_at: 't0', report: readCarryOverReport(Buffer.from(JSON.stringify(previous, null, 2)), 'r') }, { bundle: BUNDLE, policyChange: true });
    expect(narrow).toEqual(whole);
    expect(narrow.decision).toBe('STOP');
  });
});
