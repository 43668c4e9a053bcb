/** Hand-built payloads for the store and publish tests. */

import { randomBytes } from 'node:crypto';
import type { ScanReport } from '../../model/index.js';

export function randomDigest(): string {
  return `sha256:${randomBytes(32).toString('hex')}`;
}

export function makeReport(options: { digest: string; repoTag?: string; decision?: 'GO' | 'WARN' | 'STOP'; severities?: string[] }): ScanReport {
  const severities = options.severities ?? ['High', 'Low', 'Low'];
  return {
    schemaVersion: '1',
    tool: { name: 'portcullis', version: '0.1.0' },
    createdAt: '2026-11-29T10:00:00.000Z',
    image: {
      reference: options.repoTag ?? options.digest,
      source: 'oci-dir',
      manifestDigest: options.digest,
      configDigest: `sha256:${'c'.repeat(64)}`,
      platform: { os: 'linux', architecture: 'amd64' },
      layers: [],
      config: { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
      repoTags: options.repoTag ? [options.repoTag] : [],
      repoDigests: [],
    },
    packages: [],
    findings: severities.map((severity, i) => ({
      id: `CVE-2026-${1000 + i}`,
      aliases: [],
      packageId: 'deb:curl@7.88.1-10',
      packageName: 'curl',
      packageType: 'deb',
      installedVersion: '7.88.1-10',
      locations: [],
      fix: { state: 'fixed', versions: ['7.88.1-10+deb12u5'] },
      severity: severity as ScanReport['findings'][number]['severity'],
      cvss: [],
      nvdCvss: [],
      severitySource: 'none',
      references: [],
      dataSource: 'osv:Debian',
      matchedBy: 'distro:Debian:12',
    })),
    unknowns: [],
    plugins: [],
    decision: options.decision ?? 'STOP',
  };
}

export const SBOM = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'library', name: 'curl', version: '7.88.1-10' }] };
export const SARIF = { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [{ tool: { driver: { name: 'portcullis' } }, results: [] }] };
