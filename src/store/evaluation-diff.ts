/**
 * What an evaluation found, reduced to what a difference needs (the vulnerabilities by id and package, the fired
 * triggers), and the difference between two evaluations: what a re-evaluation record and a notification carry.
 */

export const REASONS = ['push', 'data_update', 'policy_change', 'watch'] as const;
export type EvaluationReason = (typeof REASONS)[number];

export interface VulnRef {
  id: string;
  aliases: string[];
  /** `name@version` of the affected package. */
  package: string;
  severity?: string;
}

export interface TriggerRef {
  /** `gate/trigger/trigger_id`. */
  key: string;
  action: string;
  message?: string;
  /** Carried over from the evaluation that had the image (a re-evaluation reads only the SBOM; carry-over.ts). */
  carried_over?: true;
}

export interface EvaluationSummary {
  vulnerabilities: VulnRef[];
  triggers: TriggerRef[];
}

export interface EvaluationDiff {
  decision: { before: string | null; after: string };
  vulnerabilities: { added: VulnRef[]; removed: VulnRef[] };
  triggers: { added: TriggerRef[]; removed: TriggerRef[] };
}

interface ReportLike {
  findings?: { id?: unknown; aliases?: unknown; packageName?: unknown; installedVersion?: unknown; severity?: unknown }[];
  policy?: { findings?: { gate?: unknown; trigger?: unknown; trigger_id?: unknown; action?: unknown; message?: unknown; carried_over?: unknown }[] };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** The summary of a Portcullis ScanReport (already shape-checked by summariseReport). */
export function summariseFindings(report: unknown): EvaluationSummary {
  const r = (report ?? {}) as ReportLike;
  const vulns = new Map<string, VulnRef>();
  for (const f of Array.isArray(r.findings) ? r.findings : []) {
    const v: VulnRef = {
      id: text(f?.id),
      aliases: Array.isArray(f?.aliases) ? (f.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [],
      package: `${text(f?.packageName)}@${text(f?.installedVersion)}`,
      ...(typeof f?.severity === 'string' ? { severity: f.severity } : {}),
    };
    vulns.set(vulnKey(v), v);
  }
  const triggers = new Map<string, TriggerRef>();
  for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
    const key = `${text(f?.gate)}/${text(f?.trigger)}/${text(f?.trigger_id)}`;
    triggers.set(key, {
      key,
      action: text(f?.action),
      ...(typeof f?.message === 'string' ? { message: f.message.slice(0, 500) } : {}),
      ...(f?.carried_over && typeof f.carried_over === 'object' ? { carried_over: true as const } : {}),
    });
  }
  return { vulnerabilities: [...vulns.values()].sort(byKey(vulnKey)), triggers: [...triggers.values()].sort(byKey((t) => t.key)) };
}

function vulnKey(v: VulnRef): string {
  return `${v.id}\u0000${v.package}`;
}

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function minus<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): T[] {
  const have = new Set(b.map(key));
  return a.filter((x) => !have.has(key(x)));
}

/** The difference from `before` (none: the first evaluation, everything is added) to `after`. */
export function diffEvaluations(before: { decision: string; summary: EvaluationSummary } | undefined, after: { decision: string; summary: EvaluationSummary }): EvaluationDiff {
  const b = before?.summary ?? { vulnerabilities: [], triggers: [] };
  // A trigger whose action changed (an allowlist, a new rule action) counts as removed and added. A carried-over
  // trigger (carry-over.ts) keeps its key and action, so it is neither removed nor added.
  const triggerKey = (t: TriggerRef) => `${t.key}\u0000${t.action}`;
  return {
    decision: { before: before?.decision ?? null, after: after.decision },
    vulnerabilities: { added: minus(after.summary.vulnerabilities, b.vulnerabilities, vulnKey), removed: minus(b.vulnerabilities, after.summary.vulnerabilities, vulnKey) },
    triggers: { added: minus(after.summary.triggers, b.triggers, triggerKey), removed: minus(b.triggers, after.summary.triggers, triggerKey) },
  };
}

export function diffIsEmpty(d: EvaluationDiff): boolean {
  return d.decision.before === d.decision.after && !d.vulnerabilities.added.length && !d.vulnerabilities.removed.length && !d.triggers.added.length && !d.triggers.removed.length;
}
