/** Markdown for the GitHub job summary and the PR comment: decision, counts, policy table, top findings. */
import { unknownsSummary } from './unknowns.js';
import { epssText } from './table.js';

import type { Finding, ScanReport } from '../../model/index.js';
import {
  GITHUB_SUMMARY_MAX_BYTES,
  SEVERITIES,
  countBySeverity,
  imageLabel,
  originOf,
  platformText,
  scopedFindings,
  type OutputFormat,
  type RenderOptions,
} from '../format.js';

const ICON = { GO: '✅', WARN: '⚠️', STOP: '🛑' } as const;

/** Escapes text for a table cell. */
export function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
}

function findingRow(report: ScanReport, f: Finding): string {
  const origin = originOf(report, f.locations[0]);
  const where = origin ? (origin.base ? `base image (line ${origin.line})` : `line ${origin.line}`) : '';
  const fix = f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state;
  return `| ${f.severity} | ${cell(f.id)} | ${cell(f.packageName)} | ${cell(f.installedVersion)} | ${cell(fix)} | ${f.packageType} | ${f.kev ? '✓' : ''} | ${epssText(f)} | ${where} |`;
}

/** Joins sections while they fit the budget; the table rows that do not fit are summarised in one line. */
export function renderMarkdown(report: ScanReport, options: RenderOptions): string {
  const budget = options.maxBytes ?? GITHUB_SUMMARY_MAX_BYTES;
  const findings = scopedFindings(report, options);
  const counts = countBySeverity(findings);
  const head: string[] = [];
  head.push(`## ${ICON[report.decision]} Portcullis: ${report.decision} for \`${cell(imageLabel(report))}\``, '');
  const facts = [
    `platform ${platformText(report)}`,
    report.image.manifestDigest ? `digest \`${report.image.manifestDigest}\`` : undefined,
    report.distro?.prettyName ? cell(report.distro.prettyName) : undefined,
    `${report.packages.length} packages`,
    `${report.findings.length} vulnerabilities${findings.length !== report.findings.length ? ` (${findings.length} in the report scope)` : ''}`,
  ].filter(Boolean);
  head.push(facts.join(' · '), '');
  const vd = report.vulnerabilityData;
  if (vd) {
    const age = vd.ageDays !== undefined ? `${vd.ageDays} day${vd.ageDays === 1 ? '' : 's'} old` : 'age unknown';
    head.push(`Vulnerability data: ${vd.sources.map((s) => cell(s.id)).join(', ') || 'none'}, ${age}${vd.stale ? ' — **stale**' : ''}${vd.offline ? ' (offline)' : ''}.`, '');
    for (const g of vd.gaps ?? []) head.push(`> **Not checked:** ${cell(g.message)}`, '');
  }
  head.push(`| ${SEVERITIES.join(' | ')} |`, `|${SEVERITIES.map(() => '---:').join('|')}|`, `| ${SEVERITIES.map((s) => counts[s]).join(' | ')} |`, '');

  const sections: { title: string[]; rows: string[]; what: string }[] = [];
  const policy = report.policy;
  if (policy) {
    const fired = [...policy.findings].sort((a, b) => rankAction(a.action) - rankAction(b.action));
    sections.push({
      what: 'policy triggers',
      title: [
        `### Policy: ${cell(policy.bundle_name)} → ${policy.final_action.toUpperCase()}`,
        '',
        ...(fired.length ? ['| Action | Gate | Trigger | Message | Rule |', '|---|---|---|---|---|'] : ['No trigger fired.']),
      ],
      rows: fired.map((p) => `| ${p.allowlisted ? `${p.action.toUpperCase()} (allowlisted: ${cell(p.allowlist_match?.name ?? '')})` : p.action.toUpperCase()} | ${cell(p.gate)} | ${cell(p.trigger)} | ${cell(p.message)} | ${cell(p.rule_id)} |`),
    });
  }
  const top = findings.slice(0, options.topFindings ?? 50);
  sections.push({
    what: 'findings',
    title: [`### Top findings`, '', ...(top.length ? ['| Severity | ID | Package | Installed | Fixed in | Type | KEV | EPSS | Dockerfile |', '|---|---|---|---|---|---|---|---:|---|'] : ['No vulnerabilities in the report scope.'])],
    rows: top.map((f) => findingRow(report, f)),
  });
  if (report.unknowns.length) {
    sections.push({
      what: 'unknowns',
      title: ['### Not fully read', '', `${unknownsSummary(report.unknowns, 'below')}.`, '', '| Stage | Path | Package database | Reason |', '|---|---|---|---|'],
      rows: report.unknowns.map((u) => `| ${cell(u.stage)} | ${cell(u.path ?? '')} | ${cell(u.packageDatabase ?? '')} | ${cell(u.reason)} |`),
    });
  }

  const out: string[] = [...head];
  let used = Buffer.byteLength(out.join('\n'));
  const reserve = 200;
  for (const s of sections) {
    const title = [...s.title];
    const titleBytes = Buffer.byteLength(title.join('\n')) + 1;
    if (used + titleBytes + reserve > budget) break;
    out.push(...title);
    used += titleBytes;
    let shown = 0;
    for (const row of s.rows) {
      const b = Buffer.byteLength(row) + 1;
      if (used + b + reserve > budget) break;
      out.push(row);
      used += b;
      shown++;
    }
    const total = s === sections.find((x) => x.what === 'findings') ? findings.length : s.rows.length;
    if (shown < total) {
      const line = `\n_${total - shown} more ${s.what} not shown; the JSON report and the SARIF have them all._`;
      out.push(line);
      used += Buffer.byteLength(line) + 1;
    }
    out.push('');
    used += 1;
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function rankAction(a: string): number {
  return a === 'stop' ? 0 : a === 'warn' ? 1 : 2;
}

export const markdownFormat: OutputFormat = {
  id: 'markdown',
  version: 1,
  aliases: ['md'],
  mediaType: 'text/markdown',
  defaultFileName: 'portcullis.md',
  description: 'markdown for the job summary and the PR comment, within GitHub size limits',
  render: renderMarkdown,
};
