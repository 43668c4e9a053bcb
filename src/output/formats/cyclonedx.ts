/**
 * CycloneDX 1.6 JSON: the image as the main component, the OS and every package as components, and the findings in
 * the report scope as vulnerabilities. Written directly (no library), and validated against the 1.6 schema in tests.
 */

import { unknownLine } from './unknowns.js';
import type { Finding, Package, ScanReport, Severity } from '../../model/index.js';
import { imageLabel, imageRepository, scopedFindings, stableJson, type OutputFormat } from '../format.js';
import { combinedExpression, uuidFrom } from './sbom-common.js';

const SEVERITY: Record<Severity, string> = { Critical: 'critical', High: 'high', Medium: 'medium', Low: 'low', Negligible: 'info', Unknown: 'unknown' };
const METHOD: Record<string, string> = { '2.0': 'CVSSv2', '3.0': 'CVSSv3', '3.1': 'CVSSv31', '4.0': 'CVSSv4' };

function licenses(p: Package): object[] | undefined {
  if (p.licenses.length === 0) return undefined;
  const expression = combinedExpression(p.licenses);
  if (expression) return [{ expression }];
  return [...new Set(p.licenses)].map((name) => ({ license: { name } }));
}

function component(p: Package): object {
  const lic = licenses(p);
  return {
    'bom-ref': p.id,
    type: 'library',
    name: p.name,
    version: p.version,
    purl: p.purl,
    ...(lic ? { licenses: lic } : {}),
    properties: [
      { name: 'portcullis:package:type', value: p.type },
      { name: 'portcullis:package:foundBy', value: p.foundBy },
      ...(p.source ? [{ name: 'portcullis:package:sourceName', value: p.source.name }] : []),
      ...(p.arch ? [{ name: 'portcullis:package:arch', value: p.arch }] : []),
      ...p.locations.map((l, i) => ({ name: `portcullis:location:${i}:path`, value: l.path })),
      ...p.locations.flatMap((l, i) => (l.provenance ? [{ name: `portcullis:location:${i}:layerDigest`, value: l.provenance.layerDigest }] : [])),
    ],
  };
}

function vulnerability(f: Finding, known: Set<string>): object | undefined {
  if (!known.has(f.packageId)) return undefined;
  const ratings = f.cvss.length
    ? f.cvss.map((c) => ({ ...(c.source ? { source: { name: c.source } } : {}), score: c.baseScore, severity: SEVERITY[f.severity], method: METHOD[c.version] ?? 'other', vector: c.vector }))
    : [{ severity: SEVERITY[f.severity] }];
  return {
    'bom-ref': `${f.id}:${f.packageId}`,
    id: f.id,
    source: { name: f.dataSource },
    ratings,
    ...(f.summary ? { description: f.summary } : {}),
    ...(f.fix.state === 'fixed' && f.fix.versions.length ? { recommendation: `Upgrade ${f.packageName} to ${f.fix.versions.join(' or ')}.` } : {}),
    ...(f.references.length ? { advisories: f.references.map((url) => ({ url })) } : {}),
    ...(f.published ? { published: f.published } : {}),
    ...(f.aliases.length ? { references: f.aliases.map((id) => ({ id, source: { name: id.startsWith('GHSA-') ? 'GitHub' : 'alias' } })) } : {}),
    affects: [{ ref: f.packageId, versions: [{ version: f.installedVersion, status: 'affected' }] }],
  };
}

export const cyclonedxFormat: OutputFormat = {
  id: 'cyclonedx',
  version: 1,
  aliases: ['cyclonedx-json', 'cdx'],
  mediaType: 'application/vnd.cyclonedx+json; version=1.6',
  defaultFileName: 'portcullis.cdx.json',
  description: 'CycloneDX 1.6 JSON SBOM, with the findings as vulnerabilities',
  render(report: ScanReport, options) {
    const imageRef = 'image';
    const d = report.distro;
    const known = new Set(report.packages.map((p) => p.id));
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: `urn:uuid:${uuidFrom([report.image.configDigest, report.image.manifestDigest ?? '', report.createdAt].join('\u0000'))}`,
      version: 1,
      metadata: {
        timestamp: report.createdAt,
        tools: { components: [{ type: 'application', name: 'portcullis', version: report.tool.version }] },
        component: {
          'bom-ref': imageRef,
          type: 'container',
          name: imageRepository(report),
          version: report.image.manifestDigest ?? report.image.configDigest,
          properties: [
            { name: 'portcullis:image:reference', value: imageLabel(report) },
            { name: 'portcullis:image:configDigest', value: report.image.configDigest },
            { name: 'portcullis:image:platform', value: [report.image.platform.os, report.image.platform.architecture, report.image.platform.variant].filter(Boolean).join('/') },
            ...report.image.repoDigests.map((value) => ({ name: 'portcullis:image:repoDigest', value })),
          ],
        },
        // What could not be read (a package database there means its packages are missing from this SBOM).
        ...(report.unknowns.length ? { properties: report.unknowns.map((u) => ({ name: 'portcullis:unknown', value: unknownLine(u) })) } : {}),
      },
      components: [
        ...(d ? [{ 'bom-ref': `os:${d.id}`, type: 'operating-system', name: d.id, ...(d.versionId ? { version: d.versionId } : {}), ...(d.prettyName ? { description: d.prettyName } : {}) }] : []),
        ...report.packages.map(component),
      ],
      dependencies: [{ ref: imageRef, dependsOn: [...(d ? [`os:${d.id}`] : []), ...report.packages.map((p) => p.id)] }],
      vulnerabilities: scopedFindings(report, options)
        .map((f) => vulnerability(f, known))
        .filter((v): v is object => v !== undefined),
    };
    return stableJson(doc, ['bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components', 'dependencies', 'vulnerabilities']);
  },
};
