/** The store's one web page: each image's latest decision, findings counts and compliance results, with links. */

import type { ComplianceRecord, EvaluationRecord } from './repo.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];

export function renderPage(latest: EvaluationRecord[], compliance: ComplianceRecord[]): string {
  const latestCompliance = new Map<string, ComplianceRecord>();
  for (const c of compliance) if (!latestCompliance.has(c.image_digest)) latestCompliance.set(c.image_digest, c);
  const rows = latest.map((e) => {
    const c = latestCompliance.get(e.image_digest);
    const counts = SEVERITIES.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('');
    const files = [
      `<a href="/v2/evaluations/${e.id}/files/report">report</a>`,
      e.files.sbom ? `<a href="/v2/evaluations/${e.id}/files/sbom">sbom</a>` : '',
      e.files.sarif ? `<a href="/v2/evaluations/${e.id}/files/sarif">sarif</a>` : '',
    ].filter(Boolean).join(' ');
    const comp = c
      ? `<span class="c-${esc(c.result ?? 'none')}">${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</span> ${Object.entries(c.compliance_file_ids)
          .map(([k, id]) => `<a href="/v2/runtime-compliance/result/${esc(id)}">${esc(k.replace('_file', ''))}</a>`)
          .join(' ')}`
      : '—';
    return `<tr data-digest="${esc(e.image_digest)}"><td>${esc(e.repository ?? '(untagged)')}${e.tag ? `:${esc(e.tag)}` : ''}</td><td class="digest">${esc(e.image_digest.slice(0, 19))}…</td><td class="d-${esc(e.decision)}">${esc(e.decision)}</td>${counts}<td>${esc(e.created_at)}</td><td>${files}</td><td class="compliance">${comp}</td></tr>`;
  });
  const orphan = compliance.filter((c) => !latest.some((e) => e.image_digest === c.image_digest));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portcullis store</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}
.n{text-align:right}.d-STOP,.c-fail{color:#b00;font-weight:bold}.d-WARN{color:#a60}.d-GO,.c-pass{color:#070}.digest{font-family:monospace}</style></head>
<body><h1>Portcullis store</h1>
<h2>Images: latest evaluation</h2>
<table id="images"><thead><tr><th>Image</th><th>Digest</th><th>Decision</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>Evaluated</th><th>Files</th><th>Compliance</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="12">No evaluations yet.</td></tr>'}</tbody></table>
<h2>Compliance checks without an evaluation</h2>
<ul id="orphans">${orphan.map((c) => `<li>${esc(c.image_digest)} ${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</li>`).join('') || '<li>None.</li>'}</ul>
</body></html>
`;
}
