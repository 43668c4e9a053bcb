/**
 * The delta of a scan against its baseline: every finding and fired trigger marked `new` or `existing`, what the
 * baseline had and the scan lacks listed apart as `fixed`, and the decision of the new triggers alone. Pure.
 */

import type { BaselineSummary, Decision, FailScope, Finding, PolicyFindingRecord, ScanReport } from '../model/index.js';
import { findingKeys, findingsByTriggerId, triggerKeys } from './identity.js';

export interface DeltaSource {
  source: string;
  kind: BaselineSummary['kind'];
}

const RANK: Record<Decision, number> = { GO: 0, WARN: 1, STOP: 2 };

function worst(decisions: Iterable<Decision>): Decision {
  let out: Decision = 'GO';
  for (const d of decisions) if (RANK[d] > RANK[out]) out = d;
  return out;
}

const decisionOfAction = (a: PolicyFindingRecord['action']): Decision => (a === 'stop' ? 'STOP' : a === 'warn' ? 'WARN' : 'GO');

function keySet(lists: Iterable<string[]>): Set<string> {
  const out = new Set<string>();
  for (const keys of lists) for (const k of keys) out.add(k);
  return out;
}

const hasAny = (set: ReadonlySet<string>, keys: readonly string[]): boolean => keys.some((k) => set.has(k));

/**
 * The decision of the new triggers only. The image deny list still stops (unless the baseline was denied too: then
 * it is not new), the image allow list still passes, and an image no mapping selects is GO, as in the full decision.
 */
export function newOnlyDecision(current: ScanReport, baseline: ScanReport, triggers: readonly PolicyFindingRecord[]): Decision {
  const reason = current.policy?.final_action_reason;
  if (reason === 'allowlisted') return 'GO';
  if (reason === 'denylisted' && baseline.policy?.final_action_reason !== 'denylisted') return 'STOP';
  return worst(triggers.filter((t) => t.baseline === 'new').map((t) => decisionOfAction(t.action)));
}

/** The scan report with its findings and triggers marked against `baseline`, and `report.baseline` set. */
export function applyDelta(current: ScanReport, baseline: ScanReport, from: DeltaSource, failScope: FailScope): ScanReport {
  const baseFindings = keySet(baseline.findings.map(findingKeys));
  const nowFindings = keySet(current.findings.map(findingKeys));
  const findings: Finding[] = current.findings.map((f) => ({ ...f, baseline: hasAny(baseFindings, findingKeys(f)) ? 'existing' : 'new' }));
  const fixedFindings: Finding[] = baseline.findings.filter((f) => !hasAny(nowFindings, findingKeys(f))).map((f) => ({ ...f, baseline: 'fixed' }));

  const baseIndex = findingsByTriggerId(baseline.findings);
  const nowIndex = findingsByTriggerId(current.findings);
  const baseTriggers = keySet((baseline.policy?.findings ?? []).map((p) => triggerKeys(p, baseIndex)));
  const nowTriggers = keySet((current.policy?.findings ?? []).map((p) => triggerKeys(p, nowIndex)));
  const triggers: PolicyFindingRecord[] = (current.policy?.findings ?? []).map((p) => ({ ...p, baseline: hasAny(baseTriggers, triggerKeys(p, nowIndex)) ? 'existing' : 'new' }));
  const fixedTriggers: PolicyFindingRecord[] = (baseline.policy?.findings ?? []).filter((p) => !hasAny(nowTriggers, triggerKeys(p, baseIndex))).map((p) => ({ ...p, baseline: 'fixed' }));

  const fresh = triggers.filter((t) => t.baseline === 'new');
  const summary: BaselineSummary = {
    source: from.source,
    kind: from.kind,
    image: { reference: baseline.image.reference, ...(baseline.image.manifestDigest ? { manifestDigest: baseline.image.manifestDigest } : {}), repoTags: baseline.image.repoTags },
    createdAt: baseline.createdAt,
    decision: baseline.decision,
    newDecision: newOnlyDecision(current, baseline, triggers),
    failScope,
    counts: {
      findings: { new: findings.filter((f) => f.baseline === 'new').length, existing: findings.filter((f) => f.baseline === 'existing').length, fixed: fixedFindings.length },
      triggers: {
        new: fresh.length,
        existing: triggers.length - fresh.length,
        fixed: fixedTriggers.length,
        newStop: fresh.filter((t) => t.action === 'stop').length,
        newWarn: fresh.filter((t) => t.action === 'warn').length,
      },
    },
    fixed: { findings: fixedFindings, triggers: fixedTriggers },
  };
  return { ...current, findings, ...(current.policy ? { policy: { ...current.policy, findings: triggers } } : {}), baseline: summary };
}

/** The decision the exit code is taken from: the new-only one under `--fail-scope new`, the full one otherwise. */
export function gatingDecision(report: ScanReport): Decision {
  return report.baseline?.failScope === 'new' ? report.baseline.newDecision : report.decision;
}
