/**
 * `portcullis compare BASE NEW`: what changed between two scans, packages added, removed and changed (with the
 * Dockerfile line that brought each in, when NEW was scanned with its Dockerfile), findings added and fixed, and the
 * decision before and after. Pure: the command scans or reads the two reports; this compares and renders them.
 */

import type { Decision, Finding, Package, ScanReport } from '../model/index.js';
import { applyDelta } from './delta.js';
import { codeSpan } from './render.js';

export interface PackageChange {
  type: string;
  name: string;
  /** Versions before (removed, changed) and after (added, changed). */
  before: string[];
  after: string[];
  /** Where NEW has it: the Dockerfile line and instruction of the layer that wrote its first file. */
  line?: number;
  instruction?: string;
  path?: string;
}

export interface FindingChange {
  id: string;
  aliases: string[];
  severity: Finding['severity'];
  packageType: string;
  packageName: string;
  installedVersion: string;
  fix: Finding['fix'];
  line?: number;
}

export interface Comparison {
  base: { reference: string; label: string; manifestDigest?: string; decision: Decision; packages: number; findings: number };
  new: { reference: string; label: string; manifestDigest?: string; decision: Decision; packages: number; findings: number };
  packages: { added: PackageChange[]; removed: PackageChange[]; changed: PackageChange[] };
  findings: { added: FindingChange[]; fixed: FindingChange[]; existing: number };
  decision: { before: Decision; after: Decision; newOnly: Decision };
}

const label = (r: ScanReport): string => r.image.repoTags[0] ?? r.image.reference;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];

function originLine(report: ScanReport, p: { locations: Package['locations'] }): { line?: number; instruction?: string } {
  const layer = p.locations[0]?.provenance?.layerIndex;
  const o = layer === undefined ? undefined : report.dockerfile?.origins.find((x) => x.layerIndex === layer);
  return { ...(o?.line !== undefined ? { line: o.line } : {}), ...(o?.instruction ? { instruction: o.instruction } : {}) };
}

function byName(packages: readonly Package[]): Map<string, Package[]> {
  const out = new Map<string, Package[]>();
  for (const p of packages) {
    const k = `${p.type}\u0000${p.name}`;
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

const versions = (list: readonly Package[] | undefined): string[] => [...new Set((list ?? []).map((p) => p.version))].sort();

function findingChange(report: ScanReport, f: Finding): FindingChange {
  const { line } = originLine(report, f);
  return { id: f.id, aliases: f.aliases, severity: f.severity, packageType: f.packageType, packageName: f.packageName, installedVersion: f.installedVersion, fix: f.fix, ...(line !== undefined ? { line } : {}) };
}

export function compareReports(base: ScanReport, next: ScanReport): Comparison {
  const before = byName(base.packages);
  const after = byName(next.packages);
  const added: PackageChange[] = [];
  const removed: PackageChange[] = [];
  const changed: PackageChange[] = [];
  for (const [k, list] of after) {
    const old = before.get(k);
    const first = list[0]!;
    const where = { ...originLine(next, first), ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) };
    if (!old) added.push({ type: first.type, name: first.name, before: [], after: versions(list), ...where });
    else if (versions(old).join('\u0000') !== versions(list).join('\u0000')) changed.push({ type: first.type, name: first.name, before: versions(old), after: versions(list), ...where });
  }
  for (const [k, list] of before) {
    if (after.has(k)) continue;
    const first = list[0]!;
    removed.push({ type: first.type, name: first.name, before: versions(list), after: [], ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) });
  }
  const order = (a: PackageChange, b: PackageChange) => cmp(a.type, b.type) || cmp(a.name, b.name);
  const delta = applyDelta(next, base, { source: label(base), kind: 'report' }, 'all');
  const sev = (a: FindingChange, b: FindingChange) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || cmp(a.id, b.id) || cmp(a.packageName, b.packageName);
  const side = (r: ScanReport) => ({ reference: r.image.reference, label: label(r), ...(r.image.manifestDigest ? { manifestDigest: r.image.manifestDigest } : {}), decision: r.decision, packages: r.packages.length, findings: r.findings.length });
  return {
    base: side(base),
    new: side(next),
    packages: { added: added.sort(order), removed: removed.sort(order), changed: changed.sort(order) },
    findings: {
      added: delta.findings.filter((f) => f.baseline === 'new').map((f) => findingChange(next, f)).sort(sev),
      fixed: delta.baseline!.fixed.findings.map((f) => findingChange(base, f)).sort(sev),
      existing: delta.baseline!.counts.findings.existing,
    },
    decision: { before: base.decision, after: next.decision, newOnly: delta.baseline!.newDecision },
  };
}

const vtext = (v: readonly string[]): string => v.join(', ') || '-';
const fixText = (f: FindingChange): string => (f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state);
const lineText = (c: { line?: number; instruction?: string }): string => (c.line !== undefined ? `line ${c.line}${c.instruction ? `: ${c.instruction}` : ''}` : '');

function headline(c: Comparison): string {
  const p = c.packages;
  return `packages +${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed; findings +${c.findings.added.length} new, -${c.findings.fixed.length} fixed (${c.findings.existing} in both); decision ${c.decision.before} → ${c.decision.after} (new only: ${c.decision.newOnly})`;
}

/** Columns padded to their widest cell. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

export function renderComparisonText(c: Comparison): string {
  const out = [`${c.base.label} → ${c.new.label}`, headline(c)];
  const p = c.packages;
  const pkgRows = [
    ...p.added.map((x) => ['+', x.type, x.name, '', vtext(x.after), lineText(x)]),
    ...p.removed.map((x) => ['-', x.type, x.name, vtext(x.before), '', '']),
    ...p.changed.map((x) => ['~', x.type, x.name, vtext(x.before), vtext(x.after), lineText(x)]),
  ];
  if (pkgRows.length) out.push('', 'PACKAGES', ...columns([['', 'TYPE', 'NAME', 'BEFORE', 'AFTER', 'DOCKERFILE'], ...pkgRows]));
  const fRows = [
    ...c.findings.added.map((f) => ['+', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
    ...c.findings.fixed.map((f) => ['-', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
  ];
  if (fRows.length) out.push('', 'FINDINGS', ...columns([['', 'SEVERITY', 'VULNERABILITY', 'PACKAGE', 'VERSION', 'FIXED IN'], ...fRows]));
  return `${out.join('\n')}\n`;
}

function md(s: string): string {
  return s.replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

export function renderComparisonMarkdown(c: Comparison): string {
  const p = c.packages;
  const out = [
    `### Compare ${codeSpan(c.base.label)} → ${codeSpan(c.new.label)}`,
    '',
    `| | Before | After |`,
    '|---|---|---|',
    `| Decision | ${c.decision.before} | **${c.decision.after}** (new only: **${c.decision.newOnly}**) |`,
    `| Packages | ${c.base.packages} | ${c.new.packages} (+${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed) |`,
    `| Findings | ${c.base.findings} | ${c.new.findings} (+${c.findings.added.length} new, -${c.findings.fixed.length} fixed) |`,
  ];
  if (p.added.length + p.removed.length + p.changed.length) {
    out.push('', '**Packages**', '', '| | Type | Name | Before | After | Dockerfile |', '|---|---|---|---|---|---|');
    for (const x of p.added) out.push(`| + | ${x.type} | ${md(x.name)} | | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
    for (const x of p.removed) out.push(`| - | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | | |`);
    for (const x of p.changed) out.push(`| ~ | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
  }
  if (c.findings.added.length + c.findings.fixed.length) {
    out.push('', '**Findings**', '', '| | Severity | Vulnerability | Package | Version | Fixed in |', '|---|---|---|---|---|---|');
    for (const f of c.findings.added) out.push(`| + new | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
    for (const f of c.findings.fixed) out.push(`| - fixed | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
  }
  return `${out.join('\n')}\n`;
}

export function renderComparisonJson(c: Comparison): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}

export const COMPARISON_FORMATS = { table: renderComparisonText, markdown: renderComparisonMarkdown, json: renderComparisonJson } as const;
