/** A table for the terminal, most severe first, in colour only when asked. */

import { unknownsSummary } from './unknowns.js';
import { deltaLine, renderDeltaText } from '../../baseline/render.js';
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

/** Colour is wanted on a TTY unless NO_COLOR is set; FORCE_COLOR forces it (the rules: `common/progress.ts`). */
export { wantsColor } from '../../common/progress.js';

/**
 * How a column gives way when the table is wider than the terminal: `keep` never (short, fixed values), `cut` ends
 * the cell with an ellipsis, `wrap` continues it on the next lines. `min` is the narrowest it gets (its title's
 * width at least) before the last resort of `layout`.
 */
interface Column {
  title: string;
  fit: 'keep' | 'cut' | 'wrap';
  min?: number;
  /** May go when the table does not fit and no row has a value in it. */
  optional?: boolean;
}

/** Terminal columns a text takes: one per code point (the table holds no wide characters). */
const widthOf = (s: string): number => [...s].length;

function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Breaks a text into lines of at most `width` columns, at spaces where it can, inside a word where it must. */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0 || widthOf(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (widthOf(w) > width) {
      const room = line === '' ? width : width - widthOf(line) - 1;
      if (room >= Math.min(8, width)) {
        const chars = [...w];
        lines.push(line === '' ? chars.slice(0, room).join('') : `${line} ${chars.slice(0, room).join('')}`);
        w = chars.slice(room).join('');
        line = '';
      } else {
        lines.push(line);
        line = '';
      }
    }
    if (line === '') line = w;
    else if (widthOf(line) + 1 + widthOf(w) <= width) line = `${line} ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Fits the columns into `width`, in steps, each taken only when the last did not fit: the widest column that can
 * give way gives one column at a time, down to its minimum; then columns empty in every row (`optional`) go; then
 * the gaps between columns narrow from two spaces to one; then every column but the first may shrink to 3, its
 * title cut too. No limit: the natural widths.
 */
function layout(columns: readonly Column[], rows: string[][], width: number | undefined): { keep: number[]; widths: number[]; gap: number } {
  let keep = columns.map((_c, i) => i);
  const natural = columns.map((c, i) => Math.max(widthOf(c.title), ...rows.map((r) => widthOf(r[i] ?? ''))));
  if (!width) return { keep, widths: natural, gap: 2 };
  const shrink = (min: number[], gap: number): { widths: number[]; over: number } => {
    const widths = keep.map((i) => natural[i]!);
    let over = widths.reduce((a, b) => a + b, 0) + gap * (keep.length - 1) - width;
    while (over > 0) {
      let best = -1;
      for (let k = 0; k < widths.length; k++) if (widths[k]! > min[k]! && (best < 0 || widths[k]! > widths[best]!)) best = k;
      if (best < 0) break;
      widths[best]!--;
      over--;
    }
    return { widths, over };
  };
  const mins = () => keep.map((i) => (columns[i]!.fit === 'keep' ? natural[i]! : Math.min(natural[i]!, Math.max(widthOf(columns[i]!.title), columns[i]!.min ?? 4))));
  let fit = shrink(mins(), 2);
  if (fit.over <= 0) return { keep, widths: fit.widths, gap: 2 };
  keep = keep.filter((i) => !columns[i]!.optional || rows.some((r) => (r[i] ?? '') !== ''));
  fit = shrink(mins(), 2);
  if (fit.over <= 0) return { keep, widths: fit.widths, gap: 2 };
  fit = shrink(mins(), 1);
  if (fit.over <= 0) return { keep, widths: fit.widths, gap: 1 };
  fit = shrink(keep.map((i, k) => (k === 0 ? natural[i]! : Math.min(natural[i]!, 3))), 1);
  return { keep, widths: fit.widths, gap: 1 };
}

function grid(columns: readonly Column[], rows: string[][], width: number | undefined, paint: (row: number, col: number, text: string) => string): string[] {
  const { keep, widths, gap } = layout(columns, rows, width);
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - widthOf(text)));
  const render = (all: string[], row: number): string[] => {
    const pieces = keep.map((i, k) => {
      const c = all[i] ?? '';
      const w = widths[k]!;
      if (widthOf(c) <= w) return [c];
      return columns[i]!.fit === 'wrap' && row >= 0 ? wrapText(c, w) : [cut(c, w)];
    });
    const height = Math.max(...pieces.map((p) => p.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) {
      lines.push(
        pieces
          .map((p, k) => {
            const text = p[l] ?? '';
            const padded = k === pieces.length - 1 ? text : pad(text, widths[k]!);
            return row < 0 || text === '' ? padded : paint(row, keep[k]!, padded);
          })
          .join(' '.repeat(gap))
          .trimEnd(),
      );
    }
    return lines;
  };
  return [...render(columns.map((c) => c.title), -1), ...rows.flatMap((r, i) => render(r, i))];
}

/** A fix state in words, with a space, so that a narrow column wraps it between them. */
const FIX_STATE: Record<string, string> = { 'not-fixed': 'not fixed', 'wont-fix': "won't fix", unknown: 'unknown' };

const FINDING_COLUMNS: readonly Column[] = [
  { title: 'SEVERITY', fit: 'keep' },
  { title: 'ID', fit: 'keep' },
  { title: 'PACKAGE', fit: 'cut', min: 7 },
  { title: 'INSTALLED', fit: 'cut', min: 9 },
  { title: 'FIXED IN', fit: 'wrap', min: 8 },
  { title: 'TYPE', fit: 'keep' },
  { title: 'KEV', fit: 'keep', optional: true },
  { title: 'EPSS', fit: 'keep', optional: true },
  { title: 'DOCKERFILE', fit: 'wrap', min: 10, optional: true },
];

/** The policy's fired triggers. The rule's id (a 36-character UUID in most bundles) is in the JSON report only. */
const POLICY_COLUMNS: readonly Column[] = [
  { title: 'ACTION', fit: 'keep' },
  { title: 'TRIGGER', fit: 'wrap', min: 12 },
  { title: 'MESSAGE', fit: 'wrap', min: 20 },
];

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
    const width = options.width && options.width > 0 ? options.width : undefined;
    const prose = (text: string): string[] => (width ? wrapText(text, width) : [text]);
    const out: string[] = [];
    const [first, ...rest] = prose(`${report.decision}  ${imageLabel(report)} (${platformText(report)})  ${report.packages.length} packages, ${findings.length} vulnerabilities`);
    out.push(`${colour(report.decision, report.decision)}${first!.slice(report.decision.length)}`, ...rest);
    out.push(...prose(SEVERITIES.map((s) => `${s}: ${counts[s]}`).join('  ')));
    const warning = dataWarning(report);
    if (warning) out.push(...prose(`warning: ${warning}`));
    for (const g of report.vulnerabilityData?.gaps ?? []) out.push(...prose(`not checked: ${g.message}`));
    // Against the baseline (`--baseline`): the delta's headline here, its lists after the policy.
    if (report.baseline) out.push(...prose(`baseline: ${deltaLine(report)}`));
    out.push('');
    if (findings.length) {
      const rows = findings.map((f) => {
        const o = originOf(report, f.locations[0]);
        const fix = f.fix.state === 'fixed' ? f.fix.versions.join(', ') : `(${FIX_STATE[f.fix.state]})`;
        return [f.severity, f.id, f.packageName, f.installedVersion, fix, f.packageType, f.kev ? '✓' : '', epssText(f), o ? (o.base ? `FROM (line ${o.line})` : `line ${o.line}`) : ''];
      });
      out.push(...grid(FINDING_COLUMNS, rows, width, (r, c, t) => (c === 0 ? colour(findings[r]!.severity, t) : t)));
    } else out.push('No vulnerabilities in the report scope.');
    const fired = report.policy?.findings ?? [];
    if (report.policy) {
      out.push('', ...prose(`Policy ${report.policy.bundle_name}: ${report.policy.final_action.toUpperCase()}`));
      if (fired.length) {
        const order = (a: string) => (a === 'stop' ? 0 : a === 'warn' ? 1 : 2);
        const sorted = [...fired].sort((a, b) => order(a.action) - order(b.action));
        const rows = sorted.map((p) => [p.allowlisted ? 'GO (allowlisted)' : p.action.toUpperCase(), `${p.gate}/${p.trigger}`, p.message]);
        out.push(
          ...grid(POLICY_COLUMNS, rows, width, (r, c, t) => {
            const a = sorted[r]!;
            return c === 0 && !a.allowlisted && a.action !== 'go' ? colour(a.action === 'stop' ? 'STOP' : 'WARN', t) : t;
          }),
        );
      }
    }
    const delta = renderDeltaText(report);
    if (delta) out.push('', ...delta.trimEnd().split('\n').flatMap(prose));
    const unknowns = unknownsSummary(report.unknowns, 'the JSON report');
    if (unknowns) out.push('', ...prose(`${unknowns}.`));
    return `${out.join('\n')}\n`;
  },
};

/** EPSS as a percentage of probability (`26.3%`), empty when the CVE has no score. */
export function epssText(f: { epss?: { score: number } }): string {
  return f.epss ? `${(f.epss.score * 100).toFixed(f.epss.score < 0.001 ? 2 : 1)}%` : '';
}
