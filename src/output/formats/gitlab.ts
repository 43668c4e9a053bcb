/** GitLab's container-scanning report, schema 15.0.7. */

import { unknownLine, unknownsSummary } from './unknowns.js';
import type { Finding, ScanReport, Severity } from '../../model/index.js';
import { dataWarning, imageLabel, scopedFindings, stableJson, type OutputFormat } from '../format.js';
import { uuidFrom } from './sbom-common.js';
import { deltaLine } from '../../baseline/render.js';

const SCHEMA_VERSION = '15.0.7';
const SEVERITY: Record<Severity, string> = { Critical: 'Critical', High: 'High', Medium: 'Medium', Low: 'Low', Negligible: 'Info', Unknown: 'Unknown' };
const URL = /^(https?|ftp):\/\/.+/;

/** yyyy-mm-ddThh:mm:ss, as the schema wants. */
function gitlabTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

function identifier(id: string): { type: string; name: string; value: string; url?: string } {
  if (/^CVE-\d+-\d+$/i.test(id)) return { type: 'cve', name: id, value: id, url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (/^GHSA-/i.test(id)) return { type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${id}` };
  return { type: id.split('-')[0]!.toLowerCase() || 'id', name: id, value: id };
}

function vulnerability(report: ScanReport, f: Finding, os: string, image: string): object {
  const fix = f.fix.state === 'fixed' && f.fix.versions.length ? `Upgrade ${f.packageName} to ${f.fix.versions.join(' or ')}.` : undefined;
  const cvss = f.cvss.filter((c) => c.version !== '4.0' && c.vector.length >= 16).map((c) => ({ vendor: c.source ?? 'unknown', vector: c.version === '2.0' ? c.vector.replace(/^CVSS:2\.0\//, '') : c.vector }));
  return {
    id: uuidFrom([imageLabel(report), f.id, f.packageType, f.packageName, f.installedVersion, f.locations[0]?.path ?? ''].join('\u0000')),
    name: f.id,
    description: [f.summary ?? `${f.id} in ${f.packageName}`, ...exploitNotes(f)].join(' ').slice(0, 1_048_576),
    severity: SEVERITY[f.severity],
    ...(fix ? { solution: fix } : {}),
    identifiers: [identifier(f.id), ...f.aliases.map(identifier)],
    ...(cvss.length ? { cvss_vectors: cvss.slice(0, 10) } : {}),
    links: f.references.filter((r) => URL.test(r)).map((url) => ({ url })),
    // Against the scan's baseline (`--baseline`): a text detail, where the 15.0.7 schema allows named fields.
    ...(f.baseline ? { details: { baseline: { type: 'text', name: 'Baseline', value: f.baseline === 'new' ? 'new (not in the baseline)' : 'existing (also in the baseline)' } } } : {}),
    location: {
      dependency: { package: { name: f.packageName }, version: f.installedVersion },
      operating_system: os,
      image,
    },
  };
}

/** KEV, EPSS and where the severity came from, as sentences of the description (the 15.0.7 schema has no field for them). */
function exploitNotes(f: Finding): string[] {
  return [
    ...(f.kev ? [`In CISA KEV since ${f.kev.dateAdded}.`] : []),
    ...(f.epss ? [`EPSS ${(f.epss.score * 100).toFixed(2)}% (percentile ${(f.epss.percentile * 100).toFixed(0)}).`] : []),
    `Severity source: ${f.severitySource}.`,
  ];
}

export const gitlabFormat: OutputFormat = {
  id: 'gitlab',
  version: 1,
  aliases: ['gitlab-container-scanning'],
  mediaType: 'application/json',
  defaultFileName: 'gl-container-scanning-report.json',
  description: `GitLab container-scanning report (schema ${SCHEMA_VERSION})`,
  render(report, options) {
    const d = report.distro;
    const os = d ? [d.id, d.versionId ?? d.versionCodename].filter(Boolean).join(' ') : 'unknown';
    const image = imageLabel(report);
    const time = gitlabTime(report.createdAt);
    const scanner = { id: 'portcullis', name: 'Portcullis', version: report.tool.version, vendor: { name: 'Portcullis' } };
    const messages = [
      ...(dataWarning(report) ? [{ level: 'warn', value: `Warning: ${dataWarning(report)}.` }] : []),
      ...(report.vulnerabilityData?.gaps ?? []).map((g) => ({ level: 'warn', value: `Not checked: ${g.message}.` })),
      ...(report.unknowns.length ? [{ level: 'warn', value: `${unknownsSummary(report.unknowns, 'the Portcullis JSON report')}.` }] : []),
      ...report.unknowns.filter((u) => u.packageDatabase).map((u) => ({ level: 'warn', value: `Not read: ${unknownLine(u)}.` })),
      ...(report.policy ? [{ level: 'info', value: `Policy ${report.policy.bundle_name}: ${report.policy.final_action.toUpperCase()} (decision ${report.decision}).` }] : []),
      ...(report.baseline ? [{ level: 'info', value: `Against the baseline ${report.baseline.image.repoTags[0] ?? report.baseline.image.reference}: ${deltaLine(report)}.` }] : []),
    ];
    const doc = {
      version: SCHEMA_VERSION,
      scan: {
        analyzer: scanner,
        scanner,
        type: 'container_scanning',
        start_time: time,
        end_time: time,
        status: 'success',
        ...(messages.length ? { messages } : {}),
      },
      vulnerabilities: scopedFindings(report, options).map((f) => vulnerability(report, f, os, image)),
      remediations: [],
    };
    return stableJson(doc, ['version', 'scan', 'vulnerabilities', 'remediations']);
  },
};
