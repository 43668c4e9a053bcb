/** SPDX 2.3 JSON: the image as the described package, CONTAINS every catalogued package. */

import { unknownLine, unknownsSummary } from './unknowns.js';
import { createHash } from 'node:crypto';
import type { Package, ScanReport } from '../../model/index.js';
import { imageLabel, imageRepository, stableJson, type OutputFormat } from '../format.js';
import { combinedExpression, uuidFrom } from './sbom-common.js';

/** SPDX ids allow letters, digits, `.` and `-`; a hash suffix keeps them unique. */
function spdxId(kind: string, key: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 60);
  return `SPDXRef-${kind}-${safe}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

function spdxPackage(p: Package): object {
  return {
    SPDXID: spdxId('Package', p.id, `${p.type}-${p.name}`),
    name: p.name,
    versionInfo: p.version,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: combinedExpression(p.licenses) ?? 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    sourceInfo: `found by ${p.foundBy} at ${p.locations.map((l) => l.path).join(', ') || 'an unknown path'}`,
    ...(p.source ? { comment: `source package ${p.source.name}${p.source.version ? ` ${p.source.version}` : ''}` } : {}),
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
  };
}

export const spdxFormat: OutputFormat = {
  id: 'spdx',
  version: 1,
  aliases: ['spdx-json'],
  mediaType: 'application/spdx+json',
  defaultFileName: 'portcullis.spdx.json',
  description: 'SPDX 2.3 JSON SBOM',
  render(report: ScanReport) {
    const imageId = 'SPDXRef-Image';
    const name = imageLabel(report);
    const packages = report.packages.map(spdxPackage) as { SPDXID: string }[];
    const doc = {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name,
      documentNamespace: `https://spdx.org/spdxdocs/portcullis-${imageRepository(report).replace(/[^A-Za-z0-9.-]/g, '-')}-${uuidFrom([report.image.configDigest, report.createdAt].join('\u0000'))}`,
      creationInfo: { created: report.createdAt.replace(/\.\d+Z$/, 'Z'), creators: [`Tool: portcullis-${report.tool.version}`] },
      // What could not be read (a package database there means its packages are missing from this SBOM).
      ...(report.unknowns.length ? { comment: [unknownsSummary(report.unknowns, 'below'), ...report.unknowns.map(unknownLine)].join('\n') } : {}),
      packages: [
        {
          SPDXID: imageId,
          name: imageRepository(report),
          versionInfo: report.image.manifestDigest ?? report.image.configDigest,
          downloadLocation: 'NOASSERTION',
          filesAnalyzed: false,
          licenseConcluded: 'NOASSERTION',
          licenseDeclared: 'NOASSERTION',
          copyrightText: 'NOASSERTION',
          primaryPackagePurpose: 'CONTAINER',
          comment: `image ${name}, config ${report.image.configDigest}`,
        },
        ...packages,
      ],
      relationships: [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
        ...packages.map((p) => ({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })),
      ],
    };
    return stableJson(doc, ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'documentNamespace', 'creationInfo', 'packages', 'relationships']);
  },
};
