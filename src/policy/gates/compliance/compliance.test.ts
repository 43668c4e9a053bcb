import { describe, expect, it } from 'vitest';
import type { ComplianceCheck } from '../../context.js';
import { bundleOf, context, evalRule, NOW } from '../../test-support.js';
import { evaluatePolicy } from '../../evaluate.js';

const daysAgo = (d: number): string => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const check = (result: string, over: Partial<ComplianceCheck> = {}): ComplianceCheck => ({
  check_type: 'oscap',
  result,
  start_time: daysAgo(1),
  end_time: daysAgo(1),
  source: 'out/oscap-summary.json',
  ...over,
});
const run = (trigger: string, compliance: ComplianceCheck[] | undefined, params: Record<string, string> = {}) =>
  evalRule('compliance', trigger, params, context(compliance ? { compliance } : {}));
const ids = (e: ReturnType<typeof run>) => e.findings.map((f) => f.trigger_id);

describe('compliance', () => {
  it('check_failed fires per failed check of the type, with <check_type>+fail ids and the source in the message', () => {
    const e = run('check_failed', [check('fail'), check('pass', { source: 'b.json' }), check('fail', { check_type: 'other', source: 'c.json' })]);
    expect(e.findings.map((f) => [f.trigger_id, f.message, f.action])).toEqual([
      ['oscap+fail', `Compliance check failed: check_type=oscap result=fail source=out/oscap-summary.json time=${daysAgo(1)}`, 'stop'],
    ]);
    expect(e.final_action).toBe('stop');
    expect(e.evaluation_problems).toEqual([]);
    expect(ids(run('check_failed', [check('pass')]))).toEqual([]);
    expect(ids(run('check_failed', [check('fail', { check_type: 'other' })], { check_type: 'OTHER' }))).toEqual(['other+fail']);
  });

  it('without compliance data, check_failed and check_error cannot fire and say so; check_missing fires', () => {
    for (const trigger of ['check_failed', 'check_error']) {
      const e = run(trigger, undefined);
      expect(e.findings).toEqual([]);
      expect(e.evaluation_problems).toEqual([
        {
          severity: 'warn',
          problem_type: 'compliance_data_unavailable',
          details: `compliance/${trigger} (rule r1): no compliance check results were given to the scan (--compliance-summary FILE or --compliance-from-store), so this trigger cannot fire`,
        },
      ]);
    }
    const missing = run('check_missing', undefined);
    expect(missing.findings.map((f) => [f.trigger_id, f.message])).toEqual([['oscap+missing', 'No oscap compliance check found for the image']]);
    expect(missing.evaluation_problems).toEqual([]);
  });

  it('check_missing fires when no check of the type is given, and not when one is', () => {
    expect(ids(run('check_missing', []))).toEqual(['oscap+missing']);
    expect(ids(run('check_missing', [check('pass', { check_type: 'other' })]))).toEqual(['oscap+missing']);
    expect(ids(run('check_missing', [check('fail')]))).toEqual([]);
    // A check that is there but checked nothing is still a check: check_error is for it.
    expect(ids(run('check_missing', [check('error')]))).toEqual([]);
  });

  it('check_error fires for error and unknown results, not for pass or fail', () => {
    const e = run('check_error', [check('error'), check('pass'), check('fail'), check('Timeout', { source: 'x.json' })]);
    expect(e.findings.map((f) => [f.trigger_id, f.message])).toEqual([
      ['oscap+error', `Compliance check did not complete: check_type=oscap result=error source=out/oscap-summary.json time=${daysAgo(1)}`],
      ['oscap+timeout', `Compliance check did not complete: check_type=oscap result=timeout source=x.json time=${daysAgo(1)}`],
    ]);
  });

  it('max_age_days leaves older checks out (by end_time, else start_time), and says so', () => {
    const old = check('fail', { end_time: daysAgo(10), source: 'old.json' });
    const e = run('check_failed', [old, check('fail', { source: 'new.json' })], { max_age_days: '7' });
    expect(e.findings.map((f) => f.message)).toEqual([`Compliance check failed: check_type=oscap result=fail source=new.json time=${daysAgo(1)}`]);
    expect(e.evaluation_problems).toEqual([{ severity: 'info', problem_type: 'compliance_check_stale', details: 'compliance/check_failed (rule r1): 1 oscap check(s) older than 7 day(s) were not counted' }]);

    const missing = run('check_missing', [old], { max_age_days: '7' });
    expect(missing.findings.map((f) => f.message)).toEqual(['No oscap compliance check found for the image within the last 7 day(s)']);
    expect(ids(run('check_missing', [old], { max_age_days: '30' }))).toEqual([]);
    const { end_time: _e, ...startOnly } = check('fail', { start_time: daysAgo(3) });
    expect(ids(run('check_failed', [startOnly], { max_age_days: '2' }))).toEqual([]);
    expect(ids(run('check_failed', [startOnly], { max_age_days: '4' }))).toEqual(['oscap+fail']);
  });

  it('a check without a usable time is not counted under max_age_days, with a problem', () => {
    const e = run('check_failed', [check('fail', { start_time: 'yesterday', end_time: 'soon' })], { max_age_days: '7' });
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems.map((p) => p.problem_type)).toEqual(['compliance_check_time_unknown', 'compliance_check_missing']);
  });

  it('an allowlist item for oscap+fail turns the STOP into GO', () => {
    const bundle = bundleOf([{ gate: 'compliance', trigger: 'check_failed' }], {
      whitelists: [{ id: 'w1', name: 'accepted', version: '1_0', items: [{ id: 'i1', gate: 'compliance', trigger_id: 'oscap+fail' }] }],
      mappings: [{ id: 'm1', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p1'], whitelist_ids: ['w1'] }],
    });
    const e = evaluatePolicy(bundle, context({ compliance: [check('fail')] }), { tag: 'docker.io/library/app:1.0' });
    expect(e.findings.map((f) => [f.trigger_id, f.action, f.allowlisted])).toEqual([['oscap+fail', 'go', true]]);
    expect(e.final_action).toBe('go');
  });

  it('rejects a max_age_days that is not a whole number of days', () => {
    expect(() => bundleOf([{ gate: 'compliance', trigger: 'check_failed', params: { max_age_days: 'week' } }])).toThrow(/max_age_days must be a non-negative integer/);
  });
});
