/**
 * The image page's history chart: inline SVG made on the server (no script, no library). One point per evaluation,
 * oldest on the left: its findings count (a line per severity that has any, and the total) and its decision (the
 * point's colour and a band along the bottom). The SVG names itself (`<title>`, `<desc>`) and points at the table
 * that holds the same numbers, for readers that cannot see it.
 */

import { esc } from './web-html.js';

export interface ChartPoint {
  /** ISO time of the evaluation. */
  at: string;
  decision: string;
  reason: string;
  /** Findings by severity. */
  findings: Record<string, number>;
}

const SERIES: { key: string; label: string; cls: string }[] = [
  { key: 'total', label: 'All findings', cls: 's-total' },
  { key: 'Critical', label: 'Critical', cls: 's-critical' },
  { key: 'High', label: 'High', cls: 's-high' },
];

const W = 760;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 58 };

function total(f: Record<string, number>): number {
  return Object.values(f).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

/** A round upper bound for the y axis (1, 2, 5, 10, 20, 50 …), at least 1. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/** `points` oldest first. `tableId`: the table with the same data (aria-describedby). */
export function renderHistoryChart(points: readonly ChartPoint[], tableId: string): string {
  const values = points.map((p) => ({ ...p.findings, total: total(p.findings) }) as Record<string, number>);
  const max = niceMax(Math.max(0, ...values.map((v) => v.total ?? 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const fmt = (n: number) => n.toFixed(1);
  const ticks = [0, max / 2, max].filter((t, i, a) => Number.isInteger(t) && a.indexOf(t) === i);
  const grid = ticks
    .map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/><text class="tick" x="${PAD.left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${t}</text>`)
    .join('');
  const shown = SERIES.filter((s) => s.key === 'total' || values.some((v) => (v[s.key] ?? 0) > 0));
  const lines = shown
    .map((s) => (points.length > 1 ? `<polyline class="line ${s.cls}" fill="none" points="${values.map((v, i) => `${fmt(x(i))},${fmt(y(v[s.key] ?? 0))}`).join(' ')}"/>` : ''))
    .join('');
  const band = points
    .map((p, i) => {
      const half = points.length <= 1 ? plotW / 2 : plotW / (points.length - 1) / 2;
      const x0 = Math.max(PAD.left, x(i) - half);
      const x1 = Math.min(W - PAD.right, x(i) + half);
      return `<rect class="band d-${esc(p.decision)}" x="${fmt(x0)}" y="${H - PAD.bottom + 8}" width="${fmt(x1 - x0)}" height="8"/>`;
    })
    .join('');
  const dots = points
    .map((p, i) => {
      const v = values[i]!;
      const label = `${p.at}: ${p.decision} (${p.reason}), ${v.total} findings`;
      return `<circle class="point d-${esc(p.decision)}" cx="${fmt(x(i))}" cy="${fmt(y(v.total ?? 0))}" r="5" data-decision="${esc(p.decision)}" data-total="${v.total}"><title>${esc(label)}</title></circle>`;
    })
    .join('');
  // At most about eight time labels, always the first and the last.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const labels = points
    .map((p, i) => (i % every === 0 || i === points.length - 1 ? `<text class="tick" x="${fmt(x(i))}" y="${H - PAD.bottom + 32}" text-anchor="${points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle'}">${esc(p.at.slice(5, 16).replace('T', ' '))}</text>` : ''))
    .join('');
  const legend = shown.map((s, i) => `<g transform="translate(${PAD.left + i * 120},${H - 12})"><line class="line ${s.cls}" x1="0" x2="18" y1="-4" y2="-4"/><text class="tick" x="24" y="0">${esc(s.label)}</text></g>`).join('');
  const last = points[points.length - 1];
  const desc = points.length
    ? `${points.length} evaluation${points.length === 1 ? '' : 's'} from ${points[0]!.at} to ${last!.at}; the latest is ${last!.decision} with ${total(last!.findings)} findings. The same numbers are in the history table.`
    : 'No evaluations.';
  return `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-labelledby="chart-title chart-desc" aria-describedby="${esc(tableId)}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Decision and findings over time</title>
<desc id="chart-desc">${esc(desc)}</desc>
${grid}<line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}"/><line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}"/>
${lines}${band}${dots}${labels}${legend}
</svg>`;
}
