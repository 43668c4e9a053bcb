/**
 * The delta against the baseline as people read it, for the formats and surfaces that show it (the table, the
 * Markdown summary and PR comment, the Action's summary, the CI wrappers' logs): a one-line form, plain text, and a
 * Markdown section. Each returns '' for a report without a baseline, so callers need no test of their own.
 */

import type { BaselineSummary, Finding, PolicyFindingRecord, ScanReport } from '../model/index.js';

const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
const bySeverity = (a: Finding, b: Finding): number => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.packageName < b.packageName ? -1 : a.packageName > b.packageName ? 1 : 0);
const byAction = (a: PolicyFindingRecord, b: PolicyFindingRecord): number => (a.action === b.action ? 0 : a.action === 'stop' ? -1 : b.action === 'stop' ? 1 : a.action === 'warn' ? -1 : 1);

export interface DeltaRenderOptions {
  /** How many new findings, fixed findings and new triggers each list shows at most (10 by default). */
  maxRows?: number;
  /** Markdown: the section's heading level (3 by default: `###`). */
  headingLevel?: number;
}

function baselineName(b: BaselineSummary): string {
  return b.image.repoTags[0] ?? b.image.reference;
}

function kindText(b: BaselineSummary): string {
  return b.kind === 'report' ? 'JSON report' : b.kind === 'sbom' ? 'SBOM, scanned with today\'s data' : 'the store\'s latest evaluation';
}

/** `+N new, -M fixed`: the headline of the delta, findings first. */
export function deltaCounts(b: BaselineSummary): string {
  return `+${b.counts.findings.new} new, -${b.counts.findings.fixed} fixed`;
}

/** One line: `+1 new, -0 fixed findings; +1 new triggers (1 STOP); decision WARN → STOP; new only: STOP`. */
export function deltaLine(report: ScanReport): string {
  const b = report.baseline;
  if (!b) return '';
  const t = b.counts.triggers;
  const acts = [t.newStop ? `${t.newStop} STOP` : '', t.newWarn ? `${t.newWarn} WARN` : ''].filter(Boolean).join(', ');
  return `${deltaCounts(b)} findings; +${t.new} new, -${t.fixed} fixed policy triggers${acts ? ` (${acts})` : ''}; decision ${b.decision} → ${report.decision}; new only: ${b.newDecision}${b.failScope === 'new' ? ' (the exit code, --fail-scope new)' : ''}`;
}

const findingText = (f: Finding): string => `${f.severity} ${f.id} ${f.packageName} ${f.installedVersion}${f.fix.state === 'fixed' && f.fix.versions.length ? ` (fixed in ${f.fix.versions.join(', ')})` : ''}`;
const triggerText = (p: PolicyFindingRecord): string => `${p.action.toUpperCase()} ${p.gate}/${p.trigger}: ${p.message}`;

function listed<T>(items: readonly T[], max: number, line: (t: T) => string, more: (n: number) => string): string[] {
  return [...items.slice(0, max).map(line), ...(items.length > max ? [more(items.length - max)] : [])];
}

/** Plain text for the table and logs: the counts, the decisions, and short lists of what is new and what was fixed. */
export function renderDeltaText(report: ScanReport, options: DeltaRenderOptions = {}): string {
  const b = report.baseline;
  if (!b) return '';
  const max = options.maxRows ?? 10;
  const t = b.counts.triggers;
  const newFindings = report.findings.filter((f) => f.baseline === 'new').sort(bySeverity);
  const newTriggers = (report.policy?.findings ?? []).filter((p) => p.baseline === 'new' && p.action !== 'go').sort(byAction);
  const lines = [
    `Against the baseline ${baselineName(b)} (${kindText(b)}: ${b.source})`,
    `  findings: ${deltaCounts(b)}, ${b.counts.findings.existing} existing`,
    `  policy triggers: +${t.new} new (${t.newStop} STOP, ${t.newWarn} WARN), -${t.fixed} fixed, ${t.existing} existing`,
    `  decision: ${b.decision} → ${report.decision}; new only: ${b.newDecision}${b.failScope === 'new' ? ' (the exit code: --fail-scope new)' : ''}`,
  ];
  if (newFindings.length) lines.push('  new findings:', ...listed(newFindings, max, (f) => `    + ${findingText(f)}`, (n) => `    … and ${n} more`));
  if (newTriggers.length) lines.push('  new STOP/WARN triggers:', ...listed(newTriggers, max, (p) => `    + ${triggerText(p)}`, (n) => `    … and ${n} more`));
  if (b.fixed.findings.length) lines.push('  fixed since the baseline:', ...listed([...b.fixed.findings].sort(bySeverity), max, (f) => `    - ${findingText(f)}`, (n) => `    … and ${n} more`));
  return `${lines.join('\n')}\n`;
}

/** A cell's text at most this long (a trigger's message can run long; the JSON report has it whole). */
const MAX_CELL = 240;

/** Escapes text for a Markdown table cell or inline text, cut to MAX_CELL characters. */
function md(s: string): string {
  const one = s.replace(/\r?\n/g, ' ');
  const cut = one.length > MAX_CELL ? `${one.slice(0, MAX_CELL - 1)}…` : one;
  return cut.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
}

/** Text as an inline code span: no escapes inside one (they would show), so a backtick becomes a quote. */
export function codeSpan(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}

/** A Markdown section (the job summary, the PR comment): counts, decisions before → after, new and fixed lists. */
export function renderDeltaMarkdown(report: ScanReport, options: DeltaRenderOptions = {}): string {
  const b = report.baseline;
  if (!b) return '';
  const max = options.maxRows ?? 10;
  const h = '#'.repeat(options.headingLevel ?? 3);
  const t = b.counts.triggers;
  const newFindings = report.findings.filter((f) => f.baseline === 'new').sort(bySeverity);
  const newTriggers = (report.policy?.findings ?? []).filter((p) => p.baseline === 'new' && p.action !== 'go').sort(byAction);
  const fixed = [...b.fixed.findings].sort(bySeverity);
  const findingRow = (f: Finding): string => `| ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state)} |`;
  const findingTable = (list: readonly Finding[]): string[] => ['| Severity | Vulnerability | Package | Version | Fixed in |', '|---|---|---|---|---|', ...listed(list, max, findingRow, (n) => `| | … and ${n} more | | | |`)];
  const out = [
    `${h} Against the baseline`,
    '',
    `**${deltaCounts(b)}** findings (${b.counts.findings.existing} existing) · policy triggers **+${t.new} new** (${t.newStop} STOP, ${t.newWarn} WARN), **-${t.fixed} fixed**, ${t.existing} existing`,
    '',
    '| | Baseline | This change |',
    '|---|---|---|',
    `| Decision | ${b.decision} | **${report.decision}** |`,
    `| New only | | **${b.newDecision}**${b.failScope === 'new' ? ' (the exit code: `--fail-scope new`)' : ''} |`,
    '',
    `Baseline: ${codeSpan(baselineName(b))}${b.image.manifestDigest ? ` (\`${b.image.manifestDigest.slice(0, 19)}…\`)` : ''}, ${kindText(b)} ${md(b.source)}, ${b.createdAt}.`,
  ];
  if (newFindings.length) out.push('', `**New findings (${newFindings.length})**`, '', ...findingTable(newFindings));
  if (newTriggers.length) {
    out.push('', `**New STOP/WARN triggers (${newTriggers.length})**`, '', '| Action | Gate | Trigger | Detail |', '|---|---|---|---|');
    out.push(...listed(newTriggers, max, (p) => `| ${p.action.toUpperCase()} | ${md(p.gate)} | ${md(p.trigger)} | ${md(p.message)} |`, (n) => `| | | | … and ${n} more |`));
  }
  if (fixed.length) out.push('', `<details><summary>Fixed since the baseline (${fixed.length})</summary>`, '', ...findingTable(fixed), '', '</details>');
  return `${out.join('\n')}\n`;
}
