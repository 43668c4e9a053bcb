import { createHash } from 'node:crypto';
import type { PolicyContext } from './context.js';
import { findTrigger, type EvaluationProblem, type FiredItem } from './gate.js';
import { findGate } from './gates/list.js';
import { matchesPattern, selects, type ImageTarget } from './match.js';
import type { Action, Allowlist, AllowlistItem, ImageSelectionRule, MappingRule, PolicyBundle, PolicyRule } from './model.js';
import { worstAction } from './model.js';
import type { PolicyFindingRecord } from '../model/index.js';

export type FinalActionReason = 'policy_evaluation' | 'allowlisted' | 'denylisted';

/** One fired trigger, as Anchore's v2 `PolicyEvaluationFinding` (the report's type: the scan hands it on as is). */
export type PolicyFinding = PolicyFindingRecord;

export interface PolicyEvaluation {
  bundle_id: string;
  bundle_name: string;
  evaluated_tag: string;
  image_digest?: string;
  image_id?: string;
  /** Anchore's `status`: `pass` for GO and WARN, `fail` for STOP. */
  status: 'pass' | 'fail';
  final_action: Action;
  final_action_reason: FinalActionReason;
  /** The policy result before the image allow and deny lists. */
  policy_action: Action;
  image_mapped_to_rule: boolean;
  matched_mapping_rule?: MappingRule;
  image_allowlisted: boolean;
  matched_allowlisted_images_rule?: ImageSelectionRule;
  image_denylisted: boolean;
  matched_denylisted_images_rule?: ImageSelectionRule;
  findings: PolicyFinding[];
  number_of_findings: number;
  evaluation_problems: EvaluationProblem[];
  evaluation_time: string;
}

/** Anchore's default trigger id: md5 of gate name + trigger name + message, no separators, hex. */
export function md5TriggerId(gate: string, trigger: string, message: string): string {
  return createHash('md5').update(gate + trigger + message).digest('hex');
}

/**
 * Evaluates a loaded bundle for one image (reference §1.6): the first matching mapping's rule sets run to
 * completion; allowlists turn matches into `go`; the worst remaining action wins; then an image deny beats an
 * image allow, which beats the policy result.
 */
export function evaluatePolicy(bundle: PolicyBundle, ctx: PolicyContext, target: ImageTarget): PolicyEvaluation {
  const problems: EvaluationProblem[] = [];
  const mapping = bundle.mappings.find((m) => selects(m, target));
  const findings: PolicyFinding[] = [];
  if (!mapping) {
    problems.push({
      severity: 'warn',
      problem_type: 'no_mapping',
      details: `no mapping of bundle ${bundle.id} matches ${target.tag}; no policy was evaluated and the result is GO`,
    });
  } else {
    const allowlists = mapping.allowlist_ids.map((id) => bundle.allowlists.find((a) => a.id === id)!);
    const active = activeItems(allowlists, ctx.now, problems);
    const warned = new Set<AllowlistItem>();
    for (const rsId of mapping.rule_set_ids) {
      const ruleSet = bundle.rule_sets.find((r) => r.id === rsId)!;
      for (const rule of ruleSet.rules) {
        for (const f of runRule(rule, ctx, problems)) {
          const hit = active.find(({ item }) => itemMatches(item, rule.gate, f.triggerId));
          if (!hit) warnBareIds(active, rule.gate, f.triggerId, warned, problems);
          findings.push({
            trigger_id: f.triggerId,
            gate: rule.gate,
            trigger: rule.trigger,
            message: f.message,
            action: hit ? 'go' : rule.action,
            rule_action: rule.action,
            policy_id: ruleSet.id,
            rule_id: rule.id,
            recommendation: rule.recommendation ?? '',
            allowlisted: hit !== undefined,
            ...(hit ? { allowlist_match: { id: hit.list.id, name: hit.list.name, matched_rule_id: hit.item.id } } : {}),
            ...(f.location ? { location: f.location } : {}),
          });
        }
      }
    }
  }
  const policyAction = worstAction(findings.map((f) => f.action));
  const denied = bundle.denylisted_images.find((r) => selects(r, target));
  const allowed = denied ? undefined : bundle.allowlisted_images.find((r) => selects(r, target));
  const finalAction: Action = denied ? 'stop' : allowed ? 'go' : policyAction;
  const reason: FinalActionReason = denied ? 'denylisted' : allowed ? 'allowlisted' : 'policy_evaluation';
  return {
    bundle_id: bundle.id,
    bundle_name: bundle.name,
    evaluated_tag: target.tag,
    ...(target.digest ? { image_digest: target.digest } : {}),
    ...(target.imageId ? { image_id: target.imageId } : {}),
    status: finalAction === 'stop' ? 'fail' : 'pass',
    final_action: finalAction,
    final_action_reason: reason,
    policy_action: policyAction,
    image_mapped_to_rule: mapping !== undefined,
    ...(mapping ? { matched_mapping_rule: mapping } : {}),
    image_allowlisted: allowed !== undefined,
    ...(allowed ? { matched_allowlisted_images_rule: allowed } : {}),
    image_denylisted: denied !== undefined,
    ...(denied ? { matched_denylisted_images_rule: denied } : {}),
    findings,
    number_of_findings: findings.length,
    evaluation_problems: problems,
    evaluation_time: ctx.now.toISOString(),
  };
}

function runRule(rule: PolicyRule, ctx: PolicyContext, problems: EvaluationProblem[]): { message: string; triggerId: string; location?: FiredItem['location'] }[] {
  const gate = findGate(rule.gate)!;
  const trigger = findTrigger(gate, rule.trigger)!;
  try {
    const fired = trigger.evaluate({
      ctx,
      params: rule.params,
      ruleId: rule.id,
      problem: (p) => problems.push({ severity: p.severity ?? 'warn', problem_type: p.problem_type, details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${p.details}` }),
    });
    return fired.map((f) => ({ message: f.message, triggerId: f.triggerId ?? md5TriggerId(gate.name, trigger.name, f.message), ...(f.location ? { location: f.location } : {}) }));
  } catch (e) {
    // A trigger that cannot run must not pass silently: report it, and fire the rule with its own action.
    problems.push({ severity: 'error', problem_type: 'trigger_evaluation_error', details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${(e as Error).message}` });
    const message = `Trigger could not be evaluated: ${(e as Error).message}`;
    return [{ message, triggerId: md5TriggerId(gate.name, trigger.name, message) }];
  }
}

function activeItems(lists: Allowlist[], now: Date, problems: EvaluationProblem[]): { list: Allowlist; item: AllowlistItem }[] {
  const out: { list: Allowlist; item: AllowlistItem }[] = [];
  for (const list of lists) {
    for (const item of list.items) {
      if (item.expires_on && now.getTime() >= item.expires_on.getTime()) {
        problems.push({
          severity: 'warn',
          problem_type: 'allowlist_item_expired',
          details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${item.trigger_id}) expired on ${item.expires_on.toISOString()} and was ignored`,
        });
        continue;
      }
      out.push({ list, item });
    }
  }
  return out;
}

/**
 * An allowlist item matches when the gate names are equal (case-insensitive) and the trigger id is equal or
 * matches as a wildcard / `regexp:` pattern, and only then, as in Anchore Engine (anchore-engine
 * `policy/bundles.py` `ExecutableWhitelistItem.matches`): an item naming only a vulnerability (`CVE-2023-1234`)
 * does not match `CVE-2023-1234+openssl`; `CVE-2023-1234+*` does.
 */
export function itemMatches(item: AllowlistItem, gate: string, triggerId: string): boolean {
  if (item.gate.toLowerCase() !== gate.toLowerCase()) return false;
  return matchesPattern(item.trigger_id, triggerId);
}

/** A vulnerabilities item naming only a vulnerability that this finding has: it allowlists nothing, so say so once. */
function warnBareIds(active: readonly { list: Allowlist; item: AllowlistItem }[], gate: string, triggerId: string, warned: Set<AllowlistItem>, problems: EvaluationProblem[]): void {
  if (gate.toLowerCase() !== 'vulnerabilities') return;
  for (const { list, item } of active) {
    if (warned.has(item) || item.gate.toLowerCase() !== 'vulnerabilities') continue;
    const id = item.trigger_id;
    if (id.includes('+') || id.includes('*') || id.startsWith('regexp:') || !triggerId.startsWith(`${id}+`)) continue;
    warned.add(item);
    problems.push({
      severity: 'warn',
      problem_type: 'allowlist_item_unmatched',
      details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${id}) names only a vulnerability; trigger ids are ${id}+<package>, so it allowlists nothing, as in Anchore Engine: write ${id}+* for every package`,
    });
  }
}

/** The `anchore-cli evaluate check --detail` table: Gate | Trigger | Detail | Status. */
export function renderTable(evaluation: PolicyEvaluation): string {
  const rows = evaluation.findings.map((f) => [f.gate, f.trigger, f.message, f.allowlist_match ? `allowlisted(${f.allowlist_match.name})` : f.action]);
  const header = ['Gate', 'Trigger', 'Detail', 'Status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('   ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
