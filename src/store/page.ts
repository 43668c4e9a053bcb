/**
 * The store's web pages, rendered on the server as plain HTML (no script): the portfolio (each image and tag's
 * latest decision, STOPs first, counts by severity, a repository filter), one image's page (its history as a chart
 * and a table, the latest findings with their Dockerfile lines, the policy that decided, the commit and pipeline
 * that pushed it, the reasons and differences of its evaluations, the notifications sent), and the login form.
 * Everything taken from the store is escaped.
 */

import type { ComplianceRecord, EvaluationRecord } from './repo.js';
import type { EvaluationDiff } from './evaluation-diff.js';
import type { Finding, PolicyFindingRecord, ScanReport } from '../model/index.js';
import { originOf, SEVERITIES, severityRank } from '../output/format.js';
import { renderHistoryChart } from './web-chart.js';
import type { ImageData, PageNotification, PortfolioData } from './web-data.js';
import { esc, frame } from './web-html.js';

export { esc } from './web-html.js';

export interface PageOptions {
  loggedIn: boolean;
}

/** The image page's address. */
export const imageHref = (digest: string): string => `/images/${encodeURIComponent(digest)}`;

/** A stored file of an evaluation, through the page routes (the login cookie is good there). */
export const fileHref = (e: EvaluationRecord, kind: 'report' | 'sbom' | 'sarif'): string => `${imageHref(e.image_digest)}/evaluations/${encodeURIComponent(e.id)}/${kind}`;

/** A runtime compliance check's file (`result_file` or `report_file`), through the page routes too. */
export const complianceFileHref = (c: ComplianceRecord, field: string): string => `/compliance/${encodeURIComponent(c.id)}/${encodeURIComponent(field.replace(/_file$/, ''))}`;

const nameOf = (e: EvaluationRecord): string => `${e.repository ?? '(untagged)'}${e.tag ? `:${e.tag}` : ''}`;
const short = (digest: string): string => `${digest.slice(0, 19)}…`;
const decisionCell = (d: string): string => `<td class="d-${esc(d)}">${esc(d)}</td>`;

function files(e: EvaluationRecord): string {
  return [
    `<a href="${esc(fileHref(e, 'report'))}">report</a>`,
    e.files.sbom ? `<a href="${esc(fileHref(e, 'sbom'))}">sbom</a>` : '',
    e.files.sarif ? `<a href="${esc(fileHref(e, 'sarif'))}">sarif</a>` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function complianceCell(c: ComplianceRecord | undefined): string {
  if (!c) return '—';
  const links = Object.entries(c.compliance_file_ids)
    .map(([k]) => `<a href="${esc(complianceFileHref(c, k))}">${esc(k.replace('_file', ''))}</a>`)
    .join(' ');
  return `<span class="c-${esc(c.result ?? 'none')}">${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</span> ${links}`;
}

export function renderPortfolio(data: PortfolioData, o: PageOptions): string {
  const latestCompliance = new Map<string, ComplianceRecord>();
  for (const c of data.compliance) if (!latestCompliance.has(c.image_digest)) latestCompliance.set(c.image_digest, c);
  const byDecision: Record<string, number> = { STOP: 0, WARN: 0, GO: 0 };
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const e of data.images) {
    byDecision[e.decision] = (byDecision[e.decision] ?? 0) + 1;
    for (const s of SEVERITIES) bySeverity[s] = (bySeverity[s] ?? 0) + (e.counts.findings[s] ?? 0);
  }
  const cards = (id: string, entries: [string, number][], cls: (k: string) => string) =>
    `<div class="cards" id="${id}">${entries.map(([k, n]) => `<div class="card" data-key="${esc(k)}"><b class="${cls(k)}">${n}</b>${esc(k)}</div>`).join('')}</div>`;
  const rows = data.images.map((e) => {
    const counts = SEVERITIES.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('');
    return `<tr data-digest="${esc(e.image_digest)}"><td><a href="${esc(imageHref(e.image_digest))}">${esc(nameOf(e))}</a></td><td class="digest">${esc(short(e.image_digest))}</td>${decisionCell(e.decision)}${counts}<td class="when">${esc(e.created_at)}</td><td>${esc(e.reason)}</td><td>${files(e)}</td><td class="compliance">${complianceCell(latestCompliance.get(e.image_digest))}</td></tr>`;
  });
  const shown = new Set(data.images.map((e) => e.image_digest));
  const orphan = data.filter ? [] : [...latestCompliance.values()].filter((c) => !shown.has(c.image_digest));
  const filtered = data.filter ? ` <span class="muted">(${data.images.length} of ${data.total} match “${esc(data.filter)}”; <a href="/">clear</a>)</span>` : '';
  return frame(
    { title: 'Portcullis store', loggedIn: o.loggedIn },
    `<h1>Images</h1>
<form class="filter" method="get" action="/" role="search"><label for="repository">Repository</label> <input id="repository" name="repository" type="search" value="${esc(data.filter)}" placeholder="registry.example/team/*"> <button type="submit">Filter</button>${filtered}</form>
<h2>By decision</h2>
${cards('by-decision', Object.entries(byDecision), (k) => `d-${esc(k)}`)}
<h2>Findings by severity</h2>
${cards('by-severity', SEVERITIES.map((s) => [s, bySeverity[s] ?? 0]), () => '')}
<h2>Latest evaluation of each image</h2>
<table id="images"><thead><tr><th>Image</th><th>Digest</th><th>Decision</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>Evaluated</th><th>Reason</th><th>Files</th><th>Compliance</th></tr></thead>
<tbody>${rows.join('\n') || `<tr><td colspan="${SEVERITIES.length + 7}">${data.filter ? 'No image matches.' : 'No evaluations yet.'}</td></tr>`}</tbody></table>
${orphan.length ? `<h2>Compliance checks without an evaluation</h2><ul id="orphans">${orphan.map((c) => `<li>${esc(c.image_digest)} ${complianceCell(c)}</li>`).join('')}</ul>` : ''}`,
  );
}

function diffText(d: EvaluationDiff | null): string {
  if (!d) return '—';
  const parts: string[] = [];
  if (d.decision.before !== d.decision.after) parts.push(`decision ${esc(d.decision.before ?? 'none')} → ${esc(d.decision.after)}`);
  // A vulnerability is listed once, however many packages it is in (the count is of packages).
  const list = (xs: { id: string }[], max = 8) => {
    const ids = [...new Set(xs.map((x) => x.id))];
    return `${ids.slice(0, max).map(esc).join(', ')}${ids.length > max ? ` and ${ids.length - max} more` : ''}`;
  };
  if (d.vulnerabilities.added.length) parts.push(`<span class="diff-add">+${d.vulnerabilities.added.length} vulnerable packages: ${list(d.vulnerabilities.added)}</span>`);
  if (d.vulnerabilities.removed.length) parts.push(`<span class="diff-del">−${d.vulnerabilities.removed.length} vulnerable packages: ${list(d.vulnerabilities.removed)}</span>`);
  if (d.triggers.added.length) parts.push(`<span class="diff-add">+${d.triggers.added.length} triggers</span>`);
  if (d.triggers.removed.length) parts.push(`<span class="diff-del">−${d.triggers.removed.length} triggers</span>`);
  return parts.join('<br>') || 'no change';
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * `Dockerfile:14–21 RUN apt-get …` for the layer that brought the finding's package in, when the report mapped it;
 * for a re-evaluation's report (no image, so no layers), through the same package in `placement`, the report of the
 * push that had the image.
 */
function dockerfileCell(report: ScanReport, f: Finding, placement: ScanReport | undefined): string {
  let where = report;
  let location: Finding['locations'][number] | undefined = f.locations[0];
  if (!report.dockerfile && placement?.dockerfile) {
    const pkg = placement.packages.find((p) => p.id === f.packageId) ?? placement.packages.find((p) => p.name === f.packageName && p.version === f.installedVersion && p.type === f.packageType);
    where = placement;
    location = pkg?.locations[0];
  }
  return originCell(where, location);
}

function originCell(report: ScanReport, location: Finding['locations'][number] | undefined): string {
  const origin = originOf(report, location);
  if (!origin || origin.line === undefined || !report.dockerfile) return '<span class="muted">—</span>';
  const lines = origin.endLine && origin.endLine !== origin.line ? `${origin.line}–${origin.endLine}` : String(origin.line);
  const where = `${report.dockerfile.path.split('/').pop() ?? 'Dockerfile'}:${lines}`;
  return `<code class="dockerfile-line">${esc(where)}</code>${origin.instruction ? ` <code class="instruction">${esc(origin.instruction.slice(0, 120))}</code>` : ''}${origin.base ? ' <span class="muted">(base image)</span>' : ''}`;
}

const MAX_FINDINGS = 200;

function findingsTable(report: ScanReport, placement: ImageData['placement']): string {
  const sorted = [...report.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = sorted.slice(0, MAX_FINDINGS).map((f) => {
    const fix = f.fix?.versions?.length ? esc(f.fix.versions.join(', ')) : esc(f.fix?.state ?? 'unknown');
    return `<tr data-id="${esc(f.id)}"><td>${esc(f.id)}</td><td class="sev-${esc(f.severity)}">${esc(f.severity)}</td><td>${esc(f.packageName)} ${esc(f.installedVersion)}</td><td>${fix}</td><td>${esc(f.locations[0]?.path ?? '')}</td><td>${dockerfileCell(report, f, placement?.report)}</td></tr>`;
  });
  const more = sorted.length > MAX_FINDINGS ? `<p class="muted">The ${MAX_FINDINGS} most severe of ${sorted.length} findings; all are in the report.</p>` : '';
  const note = placement ? `<p class="muted" id="placement">Dockerfile lines as mapped by the push of ${esc(placement.evaluation.created_at)} (a re-evaluation reads the SBOM, not the image).</p>` : '';
  return `<table id="findings"><thead><tr><th>Vulnerability</th><th>Severity</th><th>Package</th><th>Fix</th><th>File</th><th>Dockerfile</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="6">No findings.</td></tr>'}</tbody></table>${more}${note}`;
}

function triggersTable(report: ScanReport): string {
  const fired = (report.policy?.findings ?? []).filter((t: PolicyFindingRecord) => t.action !== 'go');
  if (!fired.length) return '<p>No STOP or WARN triggers.</p>';
  const rank = (a: string) => (a === 'stop' ? 0 : 1);
  const rows = [...fired]
    .sort((a, b) => rank(a.action) - rank(b.action))
    .slice(0, MAX_FINDINGS)
    .map((t) => {
      const line = t.location?.line !== undefined ? `<code class="dockerfile-line">${esc(`${(report.dockerfile?.path ?? 'Dockerfile').split('/').pop()}:${t.location.line}`)}</code>` : '';
      return `<tr><td class="d-${esc(t.action.toUpperCase())}">${esc(t.action.toUpperCase())}</td><td>${esc(t.gate)} / ${esc(t.trigger)}</td><td>${esc(t.message.slice(0, 300))}</td><td>${line}</td></tr>`;
    });
  return `<table id="triggers"><thead><tr><th>Action</th><th>Gate / trigger</th><th>Message</th><th>Dockerfile</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function notificationsTable(list: readonly PageNotification[]): string {
  if (!list.length) return '<p id="notifications-none">No notifications were sent for this image.</p>';
  const rows = list.map(
    (n) =>
      `<tr data-event="${esc(n.event)}"><td>${esc(n.created_at)}</td><td>${esc(n.event)}</td><td class="digest">${esc(n.subscription_id.slice(0, 8))}</td><td>${esc(n.state)}</td><td class="n">${n.attempts}</td><td>${esc(n.delivered_at ?? '')}</td><td>${esc(n.last_error ?? '')}</td><td><a href="#ev-${esc(n.evaluation_id ?? '')}">evaluation</a></td></tr>`,
  );
  return `<table id="notifications"><thead><tr><th>Queued</th><th>Event</th><th>Subscription</th><th>State</th><th>Attempts</th><th>Delivered</th><th>Last error</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function renderImagePage(data: ImageData, o: PageOptions): string {
  const latest = data.evaluations[0]!;
  const oldestFirst = [...data.evaluations].reverse();
  const chart = renderHistoryChart(
    oldestFirst.map((e) => ({ at: e.created_at, decision: e.decision, reason: e.reason, findings: e.counts.findings })),
    'history',
  );
  const pushed = data.evaluations.find((e) => e.commit || e.pipeline_run);
  const tags = [...new Set(data.evaluations.filter((e) => e.repository).map(nameOf))];
  const report = data.report;
  const policyName = latest.policy_name ?? (report?.policy?.bundle_name ? `${report.policy.bundle_name} (the pipeline's bundle)` : "the pipeline's bundle");
  const history = data.evaluations.map(
    (e) =>
      `<tr id="ev-${esc(e.id)}" data-reason="${esc(e.reason)}"><td class="when">${esc(e.created_at)}</td><td>${esc(e.reason)}</td>${decisionCell(e.decision)}${SEVERITIES.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('')}<td class="n">${total(e.counts.findings)}</td><td class="policy"${e.bundle_id ? ` title="bundle ${esc(e.bundle_id)}"` : ''}>${esc(e.policy_name ?? (e.bundle_id ? `bundle ${e.bundle_id.slice(0, 8)}` : ''))}</td><td>${esc(e.commit?.slice(0, 12) ?? '')}</td><td>${esc(e.pipeline_run ?? '')}</td><td class="diff">${diffText(e.diff)}</td><td>${files(e)}</td></tr>`,
  );
  const body = `<h1>${esc(tags[0] ?? '(untagged)')} <span class="decision d-${esc(latest.decision)}" id="decision">${esc(latest.decision)}</span></h1>
<dl class="meta" id="meta">
<dt>Digest</dt><dd class="digest">${esc(data.digest)}</dd>
${tags.length > 1 ? `<dt>Tags</dt><dd>${tags.map(esc).join(', ')}</dd>` : ''}
<dt>Latest evaluation</dt><dd>${esc(latest.created_at)} (${esc(latest.reason)})</dd>
<dt>Policy</dt><dd id="policy">${esc(policyName)}</dd>
<dt>Bundle</dt><dd id="bundle">${esc(latest.bundle_id ?? report?.policy?.bundle_id ?? '—')}${latest.bundle_digest ? ` <code>${esc(latest.bundle_digest)}</code>` : ''}</dd>
<dt>Commit</dt><dd id="commit"><code>${esc(pushed?.commit ?? '—')}</code></dd>
<dt>Pipeline</dt><dd id="pipeline">${esc(pushed?.pipeline_run ?? '—')}</dd>
</dl>
<h2>History</h2>
${chart}
<table id="history"><caption class="muted">Each evaluation, newest first: the numbers the chart draws, and what changed.</caption><thead><tr><th>Evaluated</th><th>Reason</th><th>Decision</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>Total</th><th>Policy</th><th>Commit</th><th>Pipeline</th><th>Difference</th><th>Files</th></tr></thead>
<tbody>${history.join('\n')}</tbody></table>
<h2>Latest findings</h2>
${report ? findingsTable(report, data.placement) : '<p class="error">The latest report could not be read.</p>'}
<h2>Policy triggers</h2>
${report ? triggersTable(report) : ''}
<h2>Notifications</h2>
${notificationsTable(data.notifications)}`;
  return frame({ title: `${tags[0] ?? short(data.digest)}: Portcullis store`, loggedIn: o.loggedIn }, body);
}

export function renderLogin(o: { error?: string; next?: string }): string {
  return frame(
    { title: 'Log in: Portcullis store', loggedIn: false },
    `<h1>Log in</h1>
<p>Give a store token with the <code>read</code> scope (<code>portcullis serve token create --scope read</code>). It is kept in a cookie for this site only.</p>
${o.error ? `<p class="error" id="login-error" role="alert">${esc(o.error)}</p>` : ''}
<form method="post" action="/login"><label for="token">Read token</label> <input id="token" name="token" type="password" autocomplete="off" required size="50">
<input type="hidden" name="next" value="${esc(o.next ?? '/')}"> <button type="submit">Log in</button></form>`,
  );
}

export function renderNotFound(message: string, o: PageOptions): string {
  return frame({ title: 'Not found: Portcullis store', loggedIn: o.loggedIn }, `<h1>Not found</h1><p>${esc(message)}</p><p><a href="/">All images</a></p>`);
}
