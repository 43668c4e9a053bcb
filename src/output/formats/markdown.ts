/**
 * Markdown for the GitHub job summary and the PR comment. It leads with the decision and the image (with its digest,
 * whatever the source), then the findings that decide it (those a policy rule fired on first, most severe first, each
 * with its Dockerfile line), then the policy triggers and what could not be read. Every table is capped, says how
 * many rows it leaves out and links the full report; within a size budget (GitHub's 1 MiB summary, a comment's 65,536
 * characters) the caps shrink, the findings table last, so that its header and first rows are always there.
 */
import { unknownsSummary } from './unknowns.js';
import { epssText } from './table.js';
import { deltaCounts, renderDeltaMarkdown } from '../../baseline/render.js';

import type { PolicyFindingRecord, ScanReport, Severity } from '../../model/index.js';
import {
  GITHUB_SUMMARY_MAX_BYTES,
  SEVERITIES,
  countBySeverity,
  imageLabel,
  originOf,
  platformText,
  repositoryPath,
  reportScope,
  type OutputFormat,
  type RenderOptions,
} from '../format.js';

const ICON = { GO: '✅', WARN: '⚠️', STOP: '🛑' } as const;
const VERDICT = { GO: 'passed', WARN: 'passed with warnings', STOP: 'failed' } as const;
const SEVERITY_ICON: Record<Severity, string> = { Critical: '🟥', High: '🟧', Medium: '🟨', Low: '🟦', Negligible: '⬜', Unknown: '⬜' };

/** Default caps: rows of the findings table, and of the policy-trigger and unknowns tables. */
export const DEFAULT_TOP_FINDINGS = 25;
export const DEFAULT_TABLE_ROWS = 25;
/** Longest cell text kept (before escaping), so that one row cannot eat the budget. */
const MAX_CELL = 240;
/** Data-gap lines kept in the header. */
const MAX_GAPS = 10;

/** Text cut to `max` characters, with an ellipsis. */
export function clip(s: string, max = MAX_CELL): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** A web address in running text; it ends before a space, a pipe, angle brackets or quotes. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>|"`\\]+/g;

/**
 * Plain text for a paragraph or a table cell: one line, every Markdown-active character backslash-escaped (so a
 * package called `a|b` or `<script>` is text, not a column break or HTML), `@` and `#` kept from becoming mentions
 * and issue links (a zero-width space after them, as bots do), and web addresses as `<…>` autolinks (GFM's bare-URL
 * autolinks would swallow the escapes).
 */
export function text(s: string): string {
  const one = s.replace(/\r\n|\r|\n/g, ' ');
  let out = '';
  let at = 0;
  for (const m of one.matchAll(URL_IN_TEXT)) {
    // Trailing sentence punctuation, and a closing parenthesis the address did not open, are not part of it.
    let url = m[0];
    while (/[.,;:!?']$/.test(url) || (url.endsWith(')') && count(url, '(') < count(url, ')'))) url = url.slice(0, -1);
    out += escapeText(one.slice(at, m.index)) + `<${url}>`;
    at = m.index + url.length;
  }
  return out + escapeText(one.slice(at));
}

const count = (s: string, c: string): number => s.split(c).length - 1;

function escapeText(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#+!|~&$]/g, (c) => `\\${c}`).replace(/([@#])(?=[\p{L}\p{N}])/gu, '$1&#8203;');
}

/**
 * A code span holding `s` verbatim: one line, a fence longer than any run of backticks inside, padded when the text
 * starts or ends with a backtick or a space. In a table cell (`inTable`) a pipe is escaped as `\|`, which GFM's table
 * parser turns back into `|` before the span is read.
 */
export function code(s: string, inTable = true): string {
  let body = s.replace(/\r\n|\r|\n/g, ' ');
  if (body === '') return '';
  if (inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link; the URL's spaces and parentheses percent-encoded so that it cannot end early. */
function link(label: string, url: string): string {
  return `[${label}](${url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Where the report's Dockerfile lines link to, and how they are named. */
interface DockerfileRef {
  name: string;
  url?: string;
}

function dockerfileRef(report: ScanReport, options: RenderOptions): DockerfileRef | undefined {
  const df = report.dockerfile;
  if (!df) return undefined;
  const cwd = options.workingDirectory ?? process.cwd();
  const repoPath = repositoryPath(df.path, options.checkoutRoot ?? cwd, cwd);
  // The label is the file's name (`Dockerfile:12`); the link has the whole path.
  const name = df.path.split(/[\\/]/).pop() || df.path;
  const url = repoPath && options.sourceUrl ? `${options.sourceUrl.replace(/\/+$/, '')}/${repoPath.split('/').map(encodeURIComponent).join('/')}` : undefined;
  return { name, ...(url ? { url } : {}) };
}

/** `Dockerfile:12`, linked to the line (or the lines of a continued instruction) where the URL is known. */
function lineRef(ref: DockerfileRef, line: number, endLine?: number): string {
  const label = text(`${ref.name}:${line}`);
  if (!ref.url) return label;
  return link(label, `${ref.url}#L${line}${endLine !== undefined && endLine > line ? `-L${endLine}` : ''}`);
}

/** The image's digest, whatever the source: the manifest's (and the index's), else the config's (an image ID). */
export function digestText(report: ScanReport, inTable = true): string {
  const img = report.image;
  const parts: string[] = [];
  if (img.manifestDigest) parts.push(`manifest ${code(img.manifestDigest, inTable)}`);
  if (img.indexDigest) parts.push(`index ${code(img.indexDigest, inTable)}`);
  if (!parts.length && img.configDigest) parts.push(`image ID ${code(img.configDigest, inTable)} (the ${text(img.source)} source has no manifest digest)`);
  if (!parts.length) parts.push(`none (the ${text(img.source)} source has no digest)`);
  return parts.join(' · ');
}

const ACTION_RANK = { stop: 0, warn: 1, go: 2 } as const;

/** How a finding sorts by the policy: 0 a STOP trigger fired on it, 1 a WARN, 2 none (or only allowlisted ones). */
function decisiveRank(triggers: readonly PolicyFindingRecord[]): number {
  return Math.min(2, ...triggers.filter((t) => !t.allowlisted).map((t) => ACTION_RANK[t.action]));
}

interface Section {
  /** Lines before the rows (heading, table header), or the line saying there is nothing. */
  title: string[];
  rows: string[];
  /** The line after the rows when `shown` of them are: how many more, and where they are. */
  more: (shown: number) => string | undefined;
  cap: number;
}

/** Renders the job summary / PR comment markdown within `maxBytes` (and `maxChars`, when given). */
export function renderMarkdown(report: ScanReport, options: RenderOptions): string {
  const scope = reportScope(report, options);
  const findings = scope.findings;
  const where = `the JSON report and the SARIF have them all${options.reportUrl ? ` (${link('workflow run', options.reportUrl)})` : ''}`;
  const df = dockerfileRef(report, options);

  // 1. The decision, the image and its digest.
  const head: string[] = [];
  head.push(`## ${ICON[report.decision]} ${report.decision}: ${code(imageLabel(report), false)}`, '');
  const counts = countBySeverity(findings);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => (s === 'Critical' || s === 'High' ? `**${plural(counts[s], s, s)}**` : plural(counts[s], s, s)));
  const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
  const stops = fired.filter((p) => p.action === 'stop').length;
  const warns = fired.length - stops;
  const policy = report.policy;
  const because = policy
    ? `policy ${text(policy.bundle_name)} → **${policy.final_action.toUpperCase()}** (${[stops ? plural(stops, 'STOP trigger') : '', warns ? plural(warns, 'WARN trigger') : ''].filter(Boolean).join(', ') || 'no trigger fired'})`
    : 'no policy evaluated';
  const inScope = findings.length !== report.findings.length ? ` in the report scope (of ${report.findings.length.toLocaleString('en-US')})` : '';
  head.push(
    `**Portcullis ${VERDICT[report.decision]}**: ${because} · ${plural(findings.length, 'vulnerability', 'vulnerabilities')}${inScope}${bySeverity.length ? `: ${bySeverity.join(', ')}` : ''}${report.baseline ? ` · against the baseline: **${deltaCounts(report.baseline)}**, new only → **${report.baseline.newDecision}**` : ''}`,
    '',
  );
  // Lines, not a table: a digest does not wrap, and a table cell holding one would scroll sideways.
  head.push(`**Digest:** ${digestText(report, false)}\\`, `**Platform:** ${text(platformText(report))} · **source:** ${text(report.image.source)}`, '');
  const facts = [report.distro?.prettyName ? text(report.distro.prettyName) : undefined, plural(report.packages.length, 'package')];
  const vd = report.vulnerabilityData;
  if (vd) {
    const age = vd.ageDays !== undefined ? `${vd.ageDays} day${vd.ageDays === 1 ? '' : 's'} old` : 'age unknown';
    facts.push(`vulnerability data: ${vd.sources.map((s) => text(s.id)).join(', ') || 'none'}, ${age}${vd.stale ? ' — **stale**' : ''}${vd.offline ? ' (offline)' : ''}`);
  }
  head.push(facts.filter(Boolean).join(' · '), '');
  const gaps = vd?.gaps ?? [];
  for (const g of gaps.slice(0, MAX_GAPS)) head.push(`> **Not checked:** ${text(clip(g.message))}`, '');
  if (gaps.length > MAX_GAPS) head.push(`> … and ${plural(gaps.length - MAX_GAPS, 'more gap')}: ${where}.`, '');
  // Against the baseline (`--baseline`): what this change brings in and what it fixed, before the full lists.
  const delta = renderDeltaMarkdown(report, { headingLevel: 3 });
  if (delta) head.push(delta.trimEnd(), '');

  const sections: Section[] = [];

  // 2. The findings that decide it.
  const decisive = findings
    .map((f, i) => {
      const triggers = scope.triggersOf(f);
      return { f, i, triggers, rank: decisiveRank(triggers) };
    })
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const hasPolicyColumn = decisive.some((d) => d.triggers.length > 0);
  const findingRow = ({ f, triggers }: (typeof decisive)[number]): string => {
    const origin = originOf(report, f.locations[0]);
    const line = origin && df ? `${lineRef(df, origin.line!, origin.endLine)}${origin.base ? ' (base)' : ''}` : origin ? `line ${origin.line}${origin.base ? ' (base)' : ''}` : '';
    const fix = f.fix.state === 'fixed' && f.fix.versions.length ? code(clip(f.fix.versions.join(', '))) : text(f.fix.state === 'fixed' ? 'fixed' : f.fix.state.replace('-', ' '));
    const exploit = [f.kev ? '**KEV**' : '', f.epss ? `EPSS ${epssText(f)}` : ''].filter(Boolean).join(' · ');
    const id = `${text(clip(f.id, 80))}${exploit ? ` · ${exploit}` : ''}${f.baseline === 'new' ? ' · **new**' : ''}`;
    const pkg = `${code(clip(f.packageName))} ${text(`(${f.packageType})`)}`;
    const verdict = triggers.map((t) => (t.allowlisted ? `allowlisted (${t.rule_action.toUpperCase()})` : `**${t.action.toUpperCase()}**`));
    const cells = [`${SEVERITY_ICON[f.severity]}\u00a0${f.severity}`, id, pkg, code(clip(f.installedVersion)), fix, line];
    if (hasPolicyColumn) cells.push([...new Set(verdict)].join(', '));
    return `| ${cells.join(' | ')} |`;
  };
  const findingHeader = ['Severity', 'Vulnerability', 'Package', 'Installed', 'Fixed in', 'Dockerfile', ...(hasPolicyColumn ? ['Policy'] : [])];
  const order = decisive.some((d) => d.rank < 2) ? 'those a policy rule fired on first, most severe first' : 'most severe first';
  sections.push({
    title: [
      `### Findings`,
      '',
      ...(findings.length
        ? [`${plural(findings.length, 'vulnerability', 'vulnerabilities')} in the report scope, ${order}.`, '', `| ${findingHeader.join(' | ')} |`, `|${findingHeader.map(() => '---').join('|')}|`]
        : ['No vulnerabilities in the report scope.']),
    ],
    rows: decisive.map(findingRow),
    more: (shown) => (shown < findings.length ? `_${plural(findings.length - shown, 'more finding')} not shown: ${where}._` : undefined),
    cap: options.topFindings ?? DEFAULT_TOP_FINDINGS,
  });

  // 3. The policy triggers.
  if (policy) {
    const records = [...policy.findings].sort((a, b) => ACTION_RANK[a.action] - ACTION_RANK[b.action]);
    const triggerRow = (p: PolicyFindingRecord): string => {
      const action = `${p.allowlisted ? `${p.rule_action.toUpperCase()} → GO (allowlisted: ${text(clip(p.allowlist_match?.name ?? '', 80))})` : p.action.toUpperCase()}${p.baseline === 'new' ? ' (**new**)' : ''}`;
      const line = p.location?.line !== undefined && df && !(p.location.path ?? '').startsWith('/') ? lineRef(df, p.location.line) : p.location?.path ? code(clip(p.location.path)) : '';
      // A trigger about a finding the report scope leaves out is still a reason for the decision: listed, and said so.
      const note = scope.outOfScope(p) ? ' _(the finding is outside the report scope)_' : '';
      return `| ${action} | ${text(clip(`${p.gate} ${p.trigger}`))} | ${text(clip(p.message))}${note} | ${line} | ${text(clip(p.rule_id))} |`;
    };
    sections.push({
      title: [
        `### Policy: ${text(policy.bundle_name)} → ${policy.final_action.toUpperCase()}`,
        '',
        ...(records.length ? ['| Action | Gate, trigger | Message | Where | Rule |', '|---|---|---|---|---|'] : ['No trigger fired.']),
      ],
      rows: records.map(triggerRow),
      more: (shown) => (shown < records.length ? `_${plural(records.length - shown, 'more policy trigger')} not shown: ${where}._` : undefined),
      cap: options.maxTableRows ?? DEFAULT_TABLE_ROWS,
    });
  }

  // 4. What could not be read.
  if (report.unknowns.length) {
    sections.push({
      title: ['### Not fully read', '', `${unknownsSummary(report.unknowns, 'below')}.`, '', '| Stage | Path | Package database | Reason |', '|---|---|---|---|'],
      rows: report.unknowns.map((u) => `| ${text(clip(u.stage))} | ${u.path ? code(clip(u.path)) : ''} | ${text(clip(u.packageDatabase ?? ''))} | ${text(clip(u.reason))} |`),
      more: (shown) => (shown < report.unknowns.length ? `_${plural(report.unknowns.length - shown, 'more unknown')} not shown: ${where}._` : undefined),
      cap: options.maxTableRows ?? DEFAULT_TABLE_ROWS,
    });
  }

  const footer = options.reportUrl ? ['---', '', `${link('Workflow run', options.reportUrl)} · the full report is the JSON report (and the SARIF) that the step wrote.`] : [];
  return fit(head, sections, footer, options);
}

/**
 * Joins the parts, shrinking the caps until the text fits the budget: first the unknowns and the policy triggers
 * (down to 5 rows), then the findings (down to 5), then the unknowns and triggers to none, then the findings to 1.
 */
function fit(head: string[], sections: Section[], footer: string[], options: RenderOptions): string {
  const maxBytes = options.maxBytes ?? GITHUB_SUMMARY_MAX_BYTES;
  const maxChars = options.maxChars ?? Infinity;
  const join = (caps: number[]): string => {
    const out = [...head];
    sections.forEach((s, i) => {
      out.push(...s.title, ...s.rows.slice(0, caps[i]));
      const more = s.more(Math.min(caps[i]!, s.rows.length));
      if (more) out.push('', more);
      out.push('');
    });
    out.push(...footer);
    return `${out.join('\n').trimEnd()}\n`;
  };
  const fits = (t: string): boolean => t.length <= maxChars && Buffer.byteLength(t) <= maxBytes;
  const caps = sections.map((s) => Math.max(0, Math.min(s.cap, s.rows.length)));
  let textOut = join(caps);
  if (fits(textOut)) return textOut;

  const findingsIndex = 0;
  const others = sections.map((_, i) => i).filter((i) => i !== findingsIndex).reverse();
  const stages: [index: number, floor: number][] = [...others.map((i): [number, number] => [i, 5]), [findingsIndex, 5], ...others.map((i): [number, number] => [i, 0]), [findingsIndex, 1]];
  for (const [i, floor] of stages) {
    if (caps[i]! <= floor) continue;
    // The largest cap at or above the floor that fits (binary search: the size grows with the cap).
    let lo = floor;
    let hi = caps[i]!;
    const at = (n: number): string => join(caps.map((c, j) => (j === i ? n : c)));
    if (!fits(at(lo))) {
      caps[i] = lo;
      continue;
    }
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(at(mid))) lo = mid;
      else hi = mid - 1;
    }
    caps[i] = lo;
    textOut = join(caps);
    if (fits(textOut)) return textOut;
  }
  textOut = join(caps);
  if (fits(textOut)) return textOut;
  // Only a budget smaller than the header gets here: cut it, and say so.
  const note = '\n\n_Cut to fit the size limit._\n';
  let cut = textOut.slice(0, Math.max(0, Math.min(maxChars, maxBytes) - note.length));
  while (!fits(cut + note)) cut = cut.slice(0, -16);
  return cut + note;
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
