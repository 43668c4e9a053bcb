/**
 * A store re-evaluation reads the stored SBOM, not the image: it has no file view, no Dockerfile, no compliance or
 * malware results. The gates that need them cannot be evaluated again, so their results are carried over, unchanged,
 * from the evaluation that had the image (the push, or the carried-over results of a previous re-evaluation), and
 * the decision is the worst of the fresh and the carried triggers. Whatever the fresh SBOM evaluation fired for those
 * gates (a "cannot check" trigger such as `dockerfile/no_dockerfile_provided`) is dropped: it would duplicate or
 * replace the carried result. Never a silent GO for want of the image.
 */

import { createHash } from 'node:crypto';
import type { PolicyFindingRecord, PolicyResult, ScanReport } from '../model/index.js';
import type { PolicyBundle } from '../policy/model.js';

/** Gates every trigger of which needs the image (its files, its Dockerfile, a compliance or malware scan). */
const IMAGE_ONLY_GATES: ReadonlySet<string> = new Set(['dockerfile', 'files', 'passwd_file', 'retrieved_files', 'secret_scans', 'malware', 'compliance']);
/** Triggers of otherwise SBOM-evaluable gates that need the image's files. */
const IMAGE_ONLY_TRIGGERS: ReadonlySet<string> = new Set(['packages/verify']);

/** True when the trigger cannot be evaluated from an SBOM (canonical gate and trigger names). */
export function needsImage(gate: string, trigger: string): boolean {
  const g = gate.toLowerCase();
  return IMAGE_ONLY_GATES.has(g) || IMAGE_ONLY_TRIGGERS.has(`${g}/${trigger.toLowerCase()}`);
}

/** A fingerprint of the bundle's rules that need the image, so a policy change can tell whether they changed. */
export function imageOnlyRulesDigest(bundle: PolicyBundle): string {
  const rules = bundle.rule_sets
    .flatMap((rs) => rs.rules.map((r) => ({ rs: rs.id, r })))
    .filter(({ r }) => needsImage(r.gate, r.trigger))
    .map(({ rs, r }) => JSON.stringify([rs, r.id, r.gate, r.trigger, r.action, Object.entries(r.rawParams).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .sort();
  return `sha256:${createHash('sha256').update(rules.join('\n')).digest('hex')}`;
}

/** The evaluation notes this module writes (problem types in `policy.evaluation_problems`). */
export const CARRIED_OVER_NOTE = 'carried_over';
export const CARRIED_RULES_CHANGED_NOTE = 'carried_over_rules_changed';
const RULES_RE = /image-only rules (sha256:[0-9a-f]{64})/;

export interface PreviousEvaluation {
  id: string;
  created_at: string;
  /** Its stored report (a Portcullis ScanReport). */
  report: unknown;
}

export interface CarryOverOptions {
  /** The bundle the re-evaluation used. */
  bundle: PolicyBundle;
  /** `policy_change`: say when the image-only rules changed (or may have), since carried results cannot follow. */
  policyChange: boolean;
}

const RANK = { stop: 0, warn: 1, go: 2 } as const;
type Action = keyof typeof RANK;
const isAction = (v: unknown): v is Action => v === 'stop' || v === 'warn' || v === 'go';

function worst(actions: Iterable<Action>): Action {
  let w: Action = 'go';
  for (const a of actions) if (RANK[a] < RANK[w]) w = a;
  return w;
}

/** The image-only triggers of a stored report, each marked with the evaluation it was decided in. */
export function carriedTriggers(previous: PreviousEvaluation): PolicyFindingRecord[] {
  const policy = (previous.report as { policy?: { findings?: unknown } } | undefined)?.policy;
  const findings = Array.isArray(policy?.findings) ? (policy.findings as PolicyFindingRecord[]) : [];
  const evaluatedAt = String((previous.report as { createdAt?: unknown }).createdAt ?? previous.created_at);
  return findings
    .filter((f) => f && typeof f.gate === 'string' && typeof f.trigger === 'string' && isAction(f.action) && needsImage(f.gate, f.trigger))
    .map((f) => ({ ...f, carried_over: f.carried_over ?? { evaluation_id: previous.id, evaluated_at: evaluatedAt } }));
}

/**
 * The fresh report of the SBOM with the image-only results of `previous` put back: the fresh image-only triggers
 * dropped, the carried ones added unchanged (marked `carried_over`), the decision the worst of both (an image
 * allowlist or denylist of the bundle still decides alone, as in the policy evaluation), and a note saying so.
 */
export function applyCarryOver(fresh: ScanReport, previous: PreviousEvaluation, options: CarryOverOptions): ScanReport {
  // Nothing to carry from an evaluation without a policy result: the fresh one stands as it is.
  if (!fresh.policy || !hasPolicy(previous.report)) return fresh;
  const carried = carriedTriggers(previous);
  const rulesDigest = imageOnlyRulesDigest(options.bundle);
  const kept = fresh.policy.findings.filter((f) => !needsImage(f.gate, f.trigger));
  const dropped = fresh.policy.findings.length - kept.length;
  const findings = [...kept, ...carried];
  const reason = fresh.policy.final_action_reason;
  const finalAction: Action = reason === 'denylisted' ? 'stop' : reason === 'allowlisted' ? 'go' : worst(findings.map((f) => f.action));
  const notes: PolicyResult['evaluation_problems'] = [];
  const origins = [...new Set(carried.map((f) => f.carried_over!.evaluation_id))];
  notes.push({
    severity: 'info',
    problem_type: CARRIED_OVER_NOTE,
    details:
      `re-evaluated from the SBOM, without the image: ${carried.length} trigger(s) of gates that need the image's files or Dockerfile carried over unchanged` +
      (origins.length ? ` from evaluation ${origins.join(', ')}` : '') +
      `, ${dropped} fired from the SBOM for those gates dropped; image-only rules ${rulesDigest}`,
  });
  if (options.policyChange) {
    const before = previousRulesDigest(previous.report);
    if (before !== rulesDigest) {
      notes.push({
        severity: 'warn',
        problem_type: CARRIED_RULES_CHANGED_NOTE,
        details:
          (before === undefined
            ? 'the bundle changed and the rules the image-only results were decided with are not known to the store'
            : 'the bundle changed its rules for gates that need the image') +
          ': the carried-over results cannot be recomputed from the SBOM and are kept as they were; scan and push the image again to apply the new rules',
      });
    }
  }
  const decision = finalAction === 'stop' ? 'STOP' : finalAction === 'warn' ? 'WARN' : 'GO';
  return {
    ...fresh,
    decision,
    policy: { ...fresh.policy, final_action: finalAction, findings, evaluation_problems: [...fresh.policy.evaluation_problems, ...notes] },
  };
}

function hasPolicy(report: unknown): boolean {
  const policy = (report as { policy?: unknown } | undefined)?.policy;
  return typeof policy === 'object' && policy !== null && Array.isArray((policy as { findings?: unknown }).findings);
}

/** The image-only rules fingerprint a previous re-evaluation recorded in its note (undefined for a push). */
function previousRulesDigest(report: unknown): string | undefined {
  const problems = (report as { policy?: { evaluation_problems?: unknown } } | undefined)?.policy?.evaluation_problems;
  if (!Array.isArray(problems)) return undefined;
  for (const p of problems as { problem_type?: unknown; details?: unknown }[]) {
    if (p?.problem_type === CARRIED_OVER_NOTE && typeof p.details === 'string') {
      const m = RULES_RE.exec(p.details);
      if (m) return m[1];
    }
  }
  return undefined;
}
