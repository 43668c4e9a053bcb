/** A table for the terminal, most severe first, in colour only when asked. */

import { unknownsSummary } from './unknowns.js';
import type { Severity } from '../../model/index.js';
import { SEVERITIES, countBySeverity, dataWarning, imageLabel, originOf, platformText, scopedFindings, type OutputFormat } from '../format.js';

const COLOURS: Record<Severity | 'STOP' | 'WARN' | 'GO', string> = {
  Critical: '\u001b[1;31m',
  High: '\u001b[31m',
  Medium: '\u001b[33m',
  Low: '\u001b[36m',
  Negligible: '\u001b[2m',
  Unknown: '\u001b[2m',
  STOP: '\u001b[1;31m',
  WARN: '\u001b[1;33m',
  GO: '\u001b[1;32m',
};
const RESET = '\u001b[0m';

/** Colour is wanted on a TTY, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function grid(header: string[], rows: string[][], paint: (row: number, col: number, text: string) => string): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], row: number) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .map((c, i) => (row < 0 ? c : paint(row, i, c)))
      .join('  ')
      .trimEnd();
  return [line(header, -1), ...rows.map((r, i) => line(r, i))];
}

export const tableFormat: OutputFormat = {
  id: 'table',
  version: 1,
  aliases: ['text'],
  mediaType: 'text/plain',
  defaultFileName: 'portcullis.txt',
  description: 'a table for the terminal, most severe first',
  render(report, options) {
    const colour = (key: keyof typeof COLOURS, text: string) => (options.color ? `${COLOURS[key]}${text}${RESET}` : text);
    const findings = scopedFindings(report, options);
    const counts = countBySeverity(findings);
    const out: string[] = [];
    out.push(`${colour(report.decision, report.decision)}  ${imageLabel(report)} (${platformText(report)})  ${report.packages.length} packages, ${findings.length} vulnerabilities`);
    out.push(SEVERITIES.map((s) => `${s}: ${counts[s]}`).join('  '));
    const warning = dataWarning(report);
    if (warning) out.push(`warning: ${warning}`);
    for (const g of report.vulnerabilityData?.gaps ?? []) out.push(`not checked: ${g.message}`);
    out.push('');
    if (findings.length) {
      const rows = findings.map((f) => {
        const o = originOf(report, f.locations[0]);
        const fix = f.fix.state === 'fixed' ? f.fix.versions.join(', ') : `(${f.fix.state})`;
        return [f.severity, f.id, f.packageName, f.installedVersion, fix, f.packageType, f.kev ? '✓' : '', epssText(f), o ? (o.base ? `FROM (line ${o.line})` : `line ${o.line}`) : ''];
      });
      out.push(...grid(['SEVERITY', 'ID', 'PACKAGE', 'INSTALLED', 'FIXED IN', 'TYPE', 'KEV', 'EPSS', 'DOCKERFILE'], rows, (r, c, t) => (c === 0 ? colour(findings[r]!.severity, t) : t)));
    } else out.push('No vulnerabilities in the report scope.');
    const fired = report.policy?.findings ?? [];
    if (report.policy) {
      out.push('', `Policy ${report.policy.bundle_name}: ${report.policy.final_action.toUpperCase()}`);
      if (fired.length) {
        const order = (a: string) => (a === 'stop' ? 0 : a === 'warn' ? 1 : 2);
        const sorted = [...fired].sort((a, b) => order(a.action) - order(b.action));
        const rows = sorted.map((p) => [p.allowlisted ? 'GO (allowlisted)' : p.action.toUpperCase(), `${p.gate}/${p.trigger}`, p.rule_id, p.message]);
        out.push(
          ...grid(['ACTION', 'TRIGGER', 'RULE', 'MESSAGE'], rows, (r, c, t) => {
            const a = sorted[r]!;
            return c === 0 && !a.allowlisted && a.action !== 'go' ? colour(a.action === 'stop' ? 'STOP' : 'WARN', t) : t;
          }),
        );
      }
    }
    const unknowns = unknownsSummary(report.unknowns, 'the JSON report');
    if (unknowns) out.push('', `${unknowns}.`);
    return `${out.join('\n')}\n`;
  },
};

/** EPSS as a percentage of probability (`26.3%`), empty when the CVE has no score. */
export function epssText(f: { epss?: { score: number } }): string {
  return f.epss ? `${(f.epss.score * 100).toFixed(f.epss.score < 0.001 ? 2 : 1)}%` : '';
}
