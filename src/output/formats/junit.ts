/**
 * JUnit XML for the test views of Jenkins and GitLab: one testcase per fired policy trigger (plus the final decision)
 * and one per finding. STOP triggers and findings fail; WARN triggers pass with their message in system-out;
 * allowlisted triggers are skipped.
 */

import { imageLabel, scopedFindings, type OutputFormat } from '../format.js';
import { renderDeltaText } from '../../baseline/render.js';
import type { BaselineState } from '../../model/index.js';
import { unknownLine, unknownsSummary } from './unknowns.js';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `[new] ` / `[existing] ` before a case's message, against the scan's baseline (nothing without one). */
function mark(state: BaselineState | undefined): string {
  return state ? `[${state}] ` : '';
}

/** The case's line saying where it stands against the baseline. */
function baselineNote(state: BaselineState | undefined): string {
  return state === 'new' ? '\nBaseline: new (not in the baseline)' : state === 'existing' ? '\nBaseline: existing (also in the baseline)' : '';
}

interface Case {
  classname: string;
  name: string;
  body: string;
  failed: boolean;
  skipped: boolean;
}

function suite(name: string, cases: Case[]): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const lines = [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`];
  for (const c of cases) {
    if (c.body) lines.push(`    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}">`, c.body, '    </testcase>');
    else lines.push(`    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"/>`);
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

export const junitFormat: OutputFormat = {
  id: 'junit',
  version: 1,
  aliases: ['junit-xml'],
  mediaType: 'application/xml',
  defaultFileName: 'portcullis-junit.xml',
  description: 'JUnit XML: a testcase per fired policy trigger and per finding',
  render(report, options) {
    const image = imageLabel(report);
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    const policy = report.policy;
    if (policy) {
      const cases: Case[] = [
        {
          classname: 'policy',
          name: `final action for ${image}`,
          failed: policy.final_action === 'stop',
          skipped: false,
          body: policy.final_action === 'stop' ? `      <failure message="${xml(`policy ${policy.bundle_name}: STOP`)}" type="STOP">${xml(`${policy.findings.filter((f) => f.action === 'stop').length} STOP triggers fired (${policy.final_action_reason})`)}</failure>` : '',
        },
      ];
      for (const p of policy.findings) {
        const text = `${p.message}${p.recommendation ? `\nRecommendation: ${p.recommendation}` : ''}${baselineNote(p.baseline)}`;
        const base = { classname: `policy.${p.gate}`, name: `${p.gate}/${p.trigger} ${p.rule_id} ${p.trigger_id}` };
        if (p.allowlisted) cases.push({ ...base, failed: false, skipped: true, body: `      <skipped message="${xml(`allowlisted by ${p.allowlist_match?.name ?? p.allowlist_match?.id ?? 'an allowlist'}`)}"/>` });
        else if (p.action === 'stop') cases.push({ ...base, failed: true, skipped: false, body: `      <failure message="${xml(`${mark(p.baseline)}${p.message}`)}" type="STOP">${xml(text)}</failure>` });
        else cases.push({ ...base, failed: false, skipped: false, body: `      <system-out>${xml(`${mark(p.baseline)}${p.action.toUpperCase()}: ${text}`)}</system-out>` });
      }
      suites.push(suite(`policy ${policy.bundle_name} (${image})`, cases));
      tests += cases.length;
      failures += cases.filter((c) => c.failed).length;
    }
    const findings = scopedFindings(report, options);
    const cases: Case[] = findings.map((f) => {
      const fix = f.fix.state === 'fixed' ? `fixed in ${f.fix.versions.join(', ')}` : `no fix (${f.fix.state})`;
      const exploit = [f.kev ? `in CISA KEV since ${f.kev.dateAdded}` : '', f.epss ? `EPSS ${(f.epss.score * 100).toFixed(2)}% (percentile ${(f.epss.percentile * 100).toFixed(0)})` : '', `severity source ${f.severitySource}`].filter(Boolean).join('; ');
      const detail = [`${f.id} (${f.severity}) in ${f.packageName} ${f.installedVersion} (${f.packageType}), ${fix}`, exploit, f.summary ?? '', ...f.locations.map((l) => `at ${l.path}`), ...f.references, baselineNote(f.baseline).trim()].filter(Boolean).join('\n');
      return {
        classname: `vulnerabilities.${f.packageType}`,
        name: `${f.id} ${f.packageName}@${f.installedVersion}`,
        failed: true,
        skipped: false,
        body: `      <failure message="${xml(`${mark(f.baseline)}${f.severity}: ${f.summary ?? f.id}`)}" type="${f.severity}">${xml(detail)}</failure>`,
      };
    });
    // What could not be checked for want of data: skipped cases, one line each.
    for (const g of report.vulnerabilityData?.gaps ?? []) {
      cases.push({ classname: 'vulnerabilities.data', name: `not checked: ${g.ecosystem ?? g.kind}`, failed: false, skipped: true, body: `      <skipped message="${xml(g.message)}"/>` });
    }
    suites.push(suite(`vulnerabilities (${image})`, cases));
    tests += cases.length;
    failures += cases.filter((c) => c.failed).length;
    // Against the baseline: the new-only decision (fails on a new STOP), and a passing case per fixed finding.
    const b = report.baseline;
    if (b) {
      const delta: Case[] = [
        {
          classname: 'baseline',
          name: `new-only decision for ${image}`,
          failed: b.newDecision === 'STOP',
          skipped: false,
          body: b.newDecision === 'STOP' ? `      <failure message="${xml(`new-only decision: STOP (${b.counts.triggers.newStop} new STOP triggers)`)}" type="STOP">${xml(renderDeltaText(report))}</failure>` : `      <system-out>${xml(renderDeltaText(report))}</system-out>`,
        },
        ...b.fixed.findings.map((f) => ({ classname: `baseline.fixed.${f.packageType}`, name: `${f.id} ${f.packageName}@${f.installedVersion}`, failed: false, skipped: false, body: `      <system-out>${xml(`[fixed] ${f.id} (${f.severity}) in ${f.packageName} ${f.installedVersion}: in the baseline, not in this scan`)}</system-out>` })),
      ];
      suites.push(suite(`baseline (${image} against ${b.image.repoTags[0] ?? b.image.reference})`, delta));
      tests += delta.length;
      failures += delta.filter((c) => c.failed).length;
    }
    // What could not be read: a skipped case each (a package database's gap fails through its policy trigger).
    if (report.unknowns.length) {
      const unread: Case[] = report.unknowns.map((u) => ({ classname: `unknowns.${u.stage}`, name: `not read: ${u.path ?? u.stage}`, failed: false, skipped: true, body: `      <skipped message="${xml(unknownLine(u))}"/>` }));
      suites.push(suite(`unknowns (${image}): ${unknownsSummary(report.unknowns, 'the skipped cases') ?? ''}`, unread));
      tests += unread.length;
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="portcullis" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
  },
};
