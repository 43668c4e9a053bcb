/**
 * Annotations on Dockerfile lines. GitHub shows at most 10 errors and 10 warnings per step and drops the rest
 * silently, so the plan is made here, most severe first, within a budget, with one notice that counts what is not
 * shown. A finding sits on the line of the instruction that created the layer holding its package (base-image layers
 * on the FROM line); the same vulnerability in several packages on one line is one annotation.
 */

import type { Finding, PolicyFindingRecord, ScanReport } from '../../model/index.js';
import { originOf, scopedFindings, severityRank, type RenderOptions } from '../../output/format.js';
import { triggerPackageName, vulnerabilityTriggerId } from '../../policy/gates/vulnerabilities/vulnerabilities.js';
import type { Annotation } from '../platform.js';

/** GitHub's per-step limits for workflow-command annotations (docs.github.com, "Workflow commands"). */
export const GITHUB_ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10 } as const;

export interface AnnotationPlanOptions extends Pick<RenderOptions, 'severityCutoff' | 'onlyFixed'> {
  /** The Dockerfile as a repository path (what annotations are attached to). */
  dockerfileFile?: string;
  /** How many errors and warnings may still be shown in this step. */
  budget: { error: number; warning: number };
  /** The run's own warnings and errors that were logged as plain lines (over its share of the budget): counted in the notice. */
  folded?: { error: number; warning: number };
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Counted in the summarising notice. */
  omitted: { error: number; warning: number; lower: number };
}

interface Candidate {
  annotation: Annotation;
  /** Fired by a policy rule (the reason the step fails or warns): shown before severity-only findings. */
  policy: boolean;
  severity: number;
  order: number;
}

const LEVEL_RANK = { error: 0, warning: 1, notice: 2 } as const;

export function planAnnotations(report: ScanReport, options: AnnotationPlanOptions): AnnotationPlan {
  const triggers = new Map<string, PolicyFindingRecord>();
  const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
  for (const p of fired) if (p.gate === 'vulnerabilities') triggers.set(p.trigger_id, p);

  // The findings in the report scope only (severity-cutoff, only-fixed), as in the SARIF: a policy trigger about a
  // finding outside the scope is still annotated, as a policy annotation (it is why the step fails), not as a finding.
  const findings = scopedFindings(report, options);

  const candidates: Candidate[] = [];
  let lower = 0;
  const groups = new Map<string, { findings: Finding[]; trigger?: PolicyFindingRecord; line?: number; endLine?: number; base?: boolean }>();
  const usedTriggers = new Set<string>();
  for (const f of findings) {
    const trigger = triggers.get(triggerKey(f, triggers));
    if (trigger) usedTriggers.add(trigger.trigger_id);
    if (!trigger && levelOfSeverity(f) === undefined) {
      lower++;
      continue;
    }
    const origin = options.dockerfileFile ? originOf(report, f.locations[0]) : undefined;
    const key = `${f.id}\u0000${origin?.line ?? ''}\u0000${trigger?.action ?? ''}`;
    const g = groups.get(key);
    if (g) g.findings.push(f);
    else
      groups.set(key, {
        findings: [f],
        ...(trigger ? { trigger } : {}),
        ...(origin?.line !== undefined ? { line: origin.line } : {}),
        ...(origin?.endLine !== undefined ? { endLine: origin.endLine } : {}),
        ...(origin?.base ? { base: true } : {}),
      });
  }
  for (const g of groups.values()) {
    const first = g.findings[0]!;
    const level = g.trigger ? (g.trigger.action === 'stop' ? 'error' : 'warning') : levelOfSeverity(first)!;
    const packages = g.findings.map((f) => `${f.packageName} ${f.installedVersion}`).join(', ');
    const fix = first.fix.state === 'fixed' && first.fix.versions.length ? `fixed in ${first.fix.versions.join(', ')}` : `no fix (${first.fix.state})`;
    const lines = [
      `${first.severity} ${first.id} in ${packages}: ${fix}.`,
      ...(first.summary ? [first.summary] : []),
      `Found in ${first.locations[0]?.path ?? 'the image'}${g.base ? ', from the base image' : ''}.`,
      ...(g.trigger ? [`Policy rule ${g.trigger.rule_id} → ${g.trigger.action.toUpperCase()}.${g.trigger.recommendation ? ` ${g.trigger.recommendation}` : ''}`] : []),
    ];
    candidates.push({
      annotation: {
        level,
        title: `${first.severity} ${first.id} (${first.packageName})`,
        message: lines.join('\n'),
        ...(options.dockerfileFile && g.line !== undefined ? { file: options.dockerfileFile, line: g.line, ...(g.endLine !== undefined && g.endLine > g.line ? { endLine: g.endLine } : {}) } : {}),
      },
      policy: Boolean(g.trigger),
      severity: severityRank(first.severity),
      order: candidates.length,
    });
  }
  for (const p of fired) {
    if (p.gate === 'vulnerabilities' && usedTriggers.has(p.trigger_id)) continue;
    const line = p.location?.line;
    const inDockerfile = options.dockerfileFile && line !== undefined && !(p.location?.path ?? '').startsWith('/');
    candidates.push({
      annotation: {
        level: p.action === 'stop' ? 'error' : 'warning',
        title: `Policy ${p.action.toUpperCase()}: ${p.gate} ${p.trigger}`,
        message: [p.message, ...(p.recommendation ? [p.recommendation] : []), `Rule ${p.rule_id}.`].join('\n'),
        ...(inDockerfile ? { file: options.dockerfileFile!, line } : {}),
      },
      policy: true,
      severity: -1,
      order: candidates.length,
    });
  }

  candidates.sort(
    (a, b) =>
      LEVEL_RANK[a.annotation.level] - LEVEL_RANK[b.annotation.level] ||
      Number(b.policy) - Number(a.policy) ||
      a.severity - b.severity ||
      a.order - b.order,
  );
  const left = { ...options.budget };
  const annotations: Annotation[] = [];
  const omitted = { error: 0, warning: 0, lower };
  for (const c of candidates) {
    const level = c.annotation.level as 'error' | 'warning';
    if (left[level] > 0) {
      left[level]--;
      annotations.push(c.annotation);
    } else {
      omitted[level]++;
    }
  }
  const summary = [summarise(omitted), foldedText(options.folded)].filter(Boolean).join(' ');
  if (summary) annotations.push({ level: 'notice', title: 'Portcullis: more findings', message: summary });
  return { annotations, omitted };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summarise(o: AnnotationPlan['omitted']): string | undefined {
  const parts = [o.error ? plural(o.error, 'error') : '', o.warning ? plural(o.warning, 'warning') : '', o.lower ? plural(o.lower, 'low, negligible or unknown finding') : ''].filter(Boolean);
  if (!parts.length) return undefined;
  const why = o.error || o.warning ? ' (GitHub shows at most 10 errors and 10 warnings per step)' : '';
  return `${parts.join(', ')} not annotated${why}. The job summary, the JSON report and the SARIF list them all.`;
}

function foldedText(f: AnnotationPlanOptions['folded']): string | undefined {
  if (!f || (!f.error && !f.warning)) return undefined;
  const parts = [f.error ? plural(f.error, 'error') : '', f.warning ? plural(f.warning, 'warning') : ''].filter(Boolean);
  return `${parts.join(' and ')} of the run ${f.error + f.warning === 1 ? 'is a plain log line' : 'are plain log lines'} ("error: …", "warning: …"), to keep within GitHub's 10 errors and 10 warnings per step.`;
}

/** The one notice for the run's folded warnings and errors, when there are no finding annotations to carry it. */
export function foldedNotice(f: AnnotationPlanOptions['folded']): Annotation | undefined {
  const message = foldedText(f);
  return message ? { level: 'notice', title: 'Portcullis: more warnings in the log', message } : undefined;
}

/** Anchore's vulnerability trigger id: `<vulnerability id>+<package name>`, as the vulnerabilities gate makes it. */
function triggerKey(f: Finding, triggers: ReadonlyMap<string, unknown>): string {
  // A language finding's id is Anchore's GHSA id (GHSA-…+pkg); a report written before that used its CVE id.
  const anchore = vulnerabilityTriggerId(f);
  const legacy = `${f.id}+${triggerPackageName(f)}`;
  return triggers.has(anchore) || !triggers.has(legacy) ? anchore : legacy;
}

function levelOfSeverity(f: Finding): 'error' | 'warning' | undefined {
  const r = severityRank(f.severity);
  return r <= severityRank('High') ? 'error' : r === severityRank('Medium') ? 'warning' : undefined;
}
