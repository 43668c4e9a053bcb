import type { ComplianceCheck } from '../../context.js';
import type { Gate, ParamSpec, TriggerRun } from '../../gate.js';

/**
 * A Portcullis extension (Anchore has no such gate): compliance checks of the image, such as the OpenSCAP runs of
 * `portcullis compliance oscap`, fed to the scan with `--compliance-summary FILE` or read from a store
 * (`--compliance-from-store`). Trigger ids are
 * `<check_type>+<result>` (`oscap+fail`, `oscap+error`, `oscap+missing`), so an allowlist can accept one.
 * Without compliance data in the context, `check_failed` and `check_error` cannot fire and say so in the evaluation
 * problems; `check_missing` fires.
 */

const PARAMS: readonly ParamSpec[] = [
  { name: 'check_type', description: 'The compliance check type, as the runtime-compliance API names it.', type: 'string', required: false, default: 'oscap', example: 'oscap' },
  {
    name: 'max_age_days',
    description: 'Only checks that ended within this many days count (by end_time, else start_time). All checks count when absent.',
    type: 'integer',
    required: false,
    example: '7',
  },
];

const DAY_MS = 86_400_000;

function checkTypeOf(run: TriggerRun): string {
  return String(run.params.check_type ?? 'oscap').trim().toLowerCase();
}

/** The checks of the wanted type and age, or undefined (with a problem) when the context has no compliance data. */
function relevantChecks(run: TriggerRun, problemWhenAbsent: boolean): ComplianceCheck[] | undefined {
  const type = checkTypeOf(run);
  const all = run.ctx.compliance;
  if (!all) {
    if (problemWhenAbsent) {
      run.problem({
        problem_type: 'compliance_data_unavailable',
        details: 'no compliance check results were given to the scan (--compliance-summary FILE or --compliance-from-store), so this trigger cannot fire',
      });
    }
    return undefined;
  }
  const ofType = all.filter((c) => c.check_type.trim().toLowerCase() === type);
  const maxAge = run.params.max_age_days as number | undefined;
  if (maxAge === undefined) return ofType;
  const oldest = run.ctx.now.getTime() - maxAge * DAY_MS;
  const out: ComplianceCheck[] = [];
  let stale = 0;
  for (const c of ofType) {
    const when = c.end_time ?? c.start_time;
    const t = when === undefined ? NaN : Date.parse(when);
    if (Number.isNaN(t)) {
      run.problem({ problem_type: 'compliance_check_time_unknown', details: `the ${type} check from ${c.source} has no valid end_time or start_time and was not counted (max_age_days=${maxAge})` });
    } else if (t < oldest) stale++;
    else out.push(c);
  }
  if (stale > 0) {
    run.problem({ severity: 'info', problem_type: 'compliance_check_stale', details: `${stale} ${type} check(s) older than ${maxAge} day(s) were not counted` });
  }
  return out;
}

function describeCheck(c: ComplianceCheck): string {
  const when = c.end_time ?? c.start_time;
  return `source=${c.source}${when ? ` time=${when}` : ''}`;
}

function resultTrigger(name: string, description: string, matches: (result: string) => boolean, verb: string): Gate['triggers'][number] {
  return {
    name,
    description,
    params: PARAMS,
    evaluate: (run) => {
      const checks = relevantChecks(run, true);
      if (!checks) return [];
      const type = checkTypeOf(run);
      if (checks.length === 0) {
        run.problem({ severity: 'info', problem_type: 'compliance_check_missing', details: `no ${type} check was found, so this trigger cannot fire (check_missing fires for that)` });
        return [];
      }
      return checks
        .filter((c) => matches(c.result.trim().toLowerCase()))
        .map((c) => {
          const result = c.result.trim().toLowerCase();
          return { message: `Compliance check ${verb}: check_type=${type} result=${result} ${describeCheck(c)}`, triggerId: `${type}+${result}` };
        });
    },
  };
}

export const complianceGate: Gate = {
  name: 'compliance',
  description: 'Portcullis extension: checks the results of compliance checks (such as OpenSCAP) run on the image',
  triggers: [
    resultTrigger('check_failed', 'Triggers for each compliance check of the given type whose result is fail.', (r) => r === 'fail', 'failed'),
    {
      name: 'check_missing',
      description: 'Triggers if no compliance check of the given type (within max_age_days, when given) was found for the image.',
      params: PARAMS,
      evaluate: (run) => {
        const checks = relevantChecks(run, false);
        if (checks && checks.length > 0) return [];
        const type = checkTypeOf(run);
        const age = run.params.max_age_days as number | undefined;
        return [{ message: `No ${type} compliance check found for the image${age === undefined ? '' : ` within the last ${age} day(s)`}`, triggerId: `${type}+missing` }];
      },
    },
    resultTrigger(
      'check_error',
      'Triggers for each compliance check of the given type that did not complete: result error (nothing was checked, or the checker failed) or any result other than pass or fail.',
      (r) => r !== 'pass' && r !== 'fail',
      'did not complete',
    ),
  ],
};
