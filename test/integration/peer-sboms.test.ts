/**
 * `scan sbom:PATH` gives the same findings for an SBOM written by syft, trivy or cdxgen as for the image itself.
 *
 * The shared Debian 12 image (debian-fixtures.oci, ref `app`) is scanned directly; its catalog is then written out
 * as syft, trivy and cdxgen would write it (the shapes of anchore/syft's syft/format/cyclonedxjson and spdxjson
 * testdata/snapshot/*.golden, aquasecurity/trivy's integration/testdata/fixtures/sbom/centos-7-cyclonedx.json, and
 * CycloneDX/cdxgen's lib/managers/binary.js rewrite of trivy's output; see src/sbom/testdata/peers/README.md), and
 * each SBOM is scanned with the same seeded database. Each producer's own habits are kept, because they are what
 * breaks matching: syft writes `1%3A…` and carries no ownership in CycloneDX; trivy moves the epoch into an `epoch`
 * qualifier, splits the source version, names the release `12.x`, and leaves out the Python packages dpkg owns;
 * cdxgen strips trivy's properties and adds source-named copies tagged `source`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/common/logger.js';
import type { Finding, Package, ScanReport } from '../../src/model/index.js';
import type { ScanConfig } from '../../src/scan/config.js';
import { runScan } from '../../src/scan/pipeline.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import { describeShared, sharedPath } from '../helpers/shared.js';
import { seedDatabase } from '../helpers/vulndb.js';

const APP = `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:app`;
const NOW = new Date('2026-12-01T00:00:00Z');

const record = (id: string, ecosystem: string, name: string, fixed: string): OsvRecord => ({
  id,
  modified: '2026-11-22T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
});

/**
 * Records chosen so that a reader that loses what a producer moved elsewhere gets a different answer:
 * - util-linux: the binary bsdutils has epoch 1, the source none: matched by source name and source version;
 * - gmp (libgmp10 2:6.2.1+dfsg1-1.1) is affected only if the epoch 2 is kept on both sides;
 * - shadow (login, passwd 1:4.13+dfsg1-1+deb12u2) and diffutils (1:3.8-4) are fixed in versions below theirs with
 *   the epoch, above them without: an epoch lost becomes a false finding;
 * - requests and PyYAML are owned by debs (dist-packages), so PyPI records must not match them; pip in the
 *   virtualenv and lodash in /app are the user's and must.
 */
const RECORDS: OsvRecord[] = [
  record('DSA-9001-1', 'Debian:12', 'util-linux', '2.38.1-5+deb12u4'),
  record('DSA-9002-1', 'Debian:12', 'gmp', '2:6.2.1+dfsg1-1.2'),
  record('DSA-9003-1', 'Debian:12', 'shadow', '1:4.13+dfsg1-1+deb12u1'),
  record('DSA-9004-1', 'Debian:12', 'diffutils', '1:3.8-3'),
  record('DSA-9005-1', 'Debian:12', 'openssl', '3.0.21-1~deb12u1'),
  record('GHSA-9006-0000-0000', 'npm', 'lodash', '4.17.22'),
  record('PYSEC-9007-1', 'PyPI', 'pip', '23.3'),
  record('PYSEC-9008-1', 'PyPI', 'requests', '2.32.0'),
  record('PYSEC-9009-1', 'PyPI', 'pyyaml', '6.0.1'),
];

const key = (f: Finding): string => `${f.id} ${f.packageName}@${f.installedVersion}`;
const isOs = (p: Package): boolean => p.type === 'deb';
const EPOCH = /^(\d+):/;

/** `1:2.38.1-5+b1` → epoch 1, version 2.38.1, release 5+b1 (trivy's split, pkg/fanal/analyzer/pkg/dpkg). */
function split(v: string): { epoch?: string; version: string; release?: string } {
  const epoch = EPOCH.exec(v)?.[1];
  const rest = v.replace(EPOCH, '');
  const dash = rest.lastIndexOf('-');
  return { ...(epoch ? { epoch } : {}), version: dash > 0 ? rest.slice(0, dash) : rest, ...(dash > 0 ? { release: rest.slice(dash + 1) } : {}) };
}

/** purl-style encoding as packageurl-go writes it (syft): `:` as %3A, `+` as %2B. */
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const npmName = (name: string): { group?: string; name: string } => (name.startsWith('@') ? { group: name.split('/')[0]!, name: name.split('/')[1]! } : { name });
const langPurl = (p: Package): string => {
  if (p.type === 'npm') {
    const n = npmName(p.name);
    return `pkg:npm/${n.group ? `${enc(n.group)}/` : ''}${enc(n.name)}@${enc(p.version)}`;
  }
  return `pkg:pypi/${enc(p.name.toLowerCase().replace(/_/g, '-'))}@${enc(p.version)}`;
};

function syftDebPurl(p: Package): string {
  const src = p.source!;
  const upstream = src.version && src.version !== p.version ? `${src.name}@${src.version}` : src.name;
  return `pkg:deb/debian/${enc(p.name)}@${enc(p.version)}?arch=${p.arch}${src.name !== p.name || src.version !== p.version ? `&upstream=${enc(upstream)}` : ''}&distro=debian-12`;
}

const SYFT_FINDER: Record<string, string> = { deb: 'dpkg-db-cataloger', npm: 'javascript-package-cataloger', python: 'python-installed-package-cataloger' };

/** syft's CycloneDX: every package (owned ones too, without saying so), syft:* properties, the OS component. */
function syftCycloneDx(report: ScanReport): object {
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { tools: { components: [{ type: 'application', author: 'anchore', name: 'syft', version: '1.18.0' }] }, component: { 'bom-ref': 'img', type: 'container', name: 'fixtures/debian-app', version: report.image.manifestDigest } },
    components: [
      ...report.packages.map((p, i) => {
        const purl = isOs(p) ? syftDebPurl(p) : langPurl(p);
        const n = p.type === 'npm' ? npmName(p.name) : { name: p.name };
        return {
          'bom-ref': `${purl}${purl.includes('?') ? '&' : '?'}package-id=${i.toString(16)}`,
          type: 'library',
          ...n,
          version: p.version,
          purl,
          properties: [
            { name: 'syft:package:foundBy', value: SYFT_FINDER[p.type] },
            ...(isOs(p) ? [] : [{ name: 'syft:package:language', value: p.type === 'npm' ? 'javascript' : 'python' }]),
            { name: 'syft:package:type', value: p.type },
            ...p.locations.slice(0, 1).map((l) => ({ name: 'syft:location:0:path', value: l.path })),
            ...(isOs(p) && p.source ? [{ name: 'syft:metadata:source', value: p.source.name }, ...(p.source.version ? [{ name: 'syft:metadata:sourceVersion', value: p.source.version }] : [])] : []),
          ],
        };
      }),
      {
        'bom-ref': 'os:debian@12',
        type: 'operating-system',
        name: 'debian',
        version: '12',
        description: 'Debian GNU/Linux 12 (bookworm)',
        properties: [
          { name: 'syft:distro:id', value: 'debian' },
          { name: 'syft:distro:versionCodename', value: 'bookworm' },
          { name: 'syft:distro:versionID', value: '12' },
        ],
      },
    ],
  };
}

/** syft's SPDX: no OS element (the distro is in the purls), ownership as OTHER relationships. */
function syftSpdx(report: ScanReport): object {
  const spdxId = new Map(report.packages.map((p, i) => [p.id, `SPDXRef-Package-${p.type}-${p.name.replace(/[^A-Za-z0-9.-]/g, '-')}-${i.toString(16)}`]));
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'fixtures/debian-app',
    packages: [
      ...report.packages.map((p) => ({
        name: p.name,
        SPDXID: spdxId.get(p.id),
        versionInfo: p.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        sourceInfo: `acquired package info from ${isOs(p) ? 'DPKG DB' : 'installed package manifest file'}: ${p.locations.map((l) => l.path).join(', ')}`,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: isOs(p) ? syftDebPurl(p) : langPurl(p) }],
      })),
      { name: 'fixtures/debian-app', SPDXID: 'SPDXRef-DocumentRoot-Image-fixtures-debian-app', versionInfo: report.image.manifestDigest, downloadLocation: 'NOASSERTION', filesAnalyzed: false, primaryPackagePurpose: 'CONTAINER' },
    ],
    relationships: [
      ...report.packages
        .filter((p) => p.ownedBy && spdxId.has(p.ownedBy))
        .map((p) => ({ spdxElementId: spdxId.get(p.ownedBy!), relatedSpdxElement: spdxId.get(p.id), relationshipType: 'OTHER', comment: 'ownership-by-file-overlap: indicates that the parent package claims ownership of a child package' })),
      { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-DocumentRoot-Image-fixtures-debian-app', relationshipType: 'DESCRIBES' },
    ],
  };
}

interface TrivyComponent {
  'bom-ref': string;
  type: string;
  name: string;
  version: string;
  purl: string;
  properties: { name: string; value: string }[];
  [k: string]: unknown;
}

/** trivy's CycloneDX: epoch as a qualifier, the release named as /etc/debian_version has it, no dpkg-owned packages. */
function trivyComponents(report: ScanReport): TrivyComponent[] {
  const release = report.distro!.versionId!;
  return report.packages
    .filter((p) => !p.ownedBy)
    .map((p): TrivyComponent => {
      if (!isOs(p)) {
        const purl = langPurl(p);
        return {
          'bom-ref': purl,
          type: 'library',
          name: p.name,
          version: p.version,
          purl,
          properties: [
            { name: 'aquasecurity:trivy:FilePath', value: p.locations[0]!.path.slice(1) },
            { name: 'aquasecurity:trivy:PkgType', value: p.type === 'npm' ? 'node-pkg' : 'python-pkg' },
          ],
        };
      }
      const bin = split(p.version);
      const src = split(p.source!.version ?? p.version);
      const purl = `pkg:deb/debian/${p.name}@${enc(`${bin.version}${bin.release ? `-${bin.release}` : ''}`)}?arch=${p.arch}&distro=debian-${release}${bin.epoch ? `&epoch=${bin.epoch}` : ''}`;
      return {
        'bom-ref': purl,
        type: 'library',
        name: p.name,
        version: p.version,
        purl,
        properties: [
          { name: 'aquasecurity:trivy:PkgID', value: `${p.name}@${p.version}` },
          { name: 'aquasecurity:trivy:PkgType', value: 'debian' },
          ...(src.epoch ? [{ name: 'aquasecurity:trivy:SrcEpoch', value: src.epoch }] : []),
          { name: 'aquasecurity:trivy:SrcName', value: p.source!.name },
          ...(src.release ? [{ name: 'aquasecurity:trivy:SrcRelease', value: src.release }] : []),
          { name: 'aquasecurity:trivy:SrcVersion', value: src.version },
        ],
      };
    });
}

function trivyCycloneDx(report: ScanReport): object {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy', version: '0.58.0' }] },
      component: { 'bom-ref': 'img', type: 'container', name: 'fixtures/debian-app:latest', properties: [{ name: 'aquasecurity:trivy:ImageID', value: report.image.configDigest }] },
    },
    components: [
      { 'bom-ref': 'os', type: 'operating-system', name: 'debian', version: report.distro!.versionId, properties: [{ name: 'aquasecurity:trivy:Class', value: 'os-pkgs' }, { name: 'aquasecurity:trivy:Type', value: 'debian' }] },
      ...trivyComponents(report),
    ],
  };
}

/** trivy's SPDX: the OperatingSystem element without a purpose, trivy's fields as `Key: value` annotations. */
function trivySpdx(report: ScanReport): object {
  const annotate = (c: TrivyComponent) => c.properties.map((p) => ({ annotator: 'Tool: trivy-0.58.0', annotationDate: '2026-11-22T00:00:00Z', annotationType: 'OTHER', comment: `${p.name.replace('aquasecurity:trivy:', '')}: ${p.value}` }));
  return {
    SPDXID: 'SPDXRef-DOCUMENT',
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    name: 'fixtures/debian-app:latest',
    packages: [
      { SPDXID: 'SPDXRef-ContainerImage-1', name: 'fixtures/debian-app:latest', filesAnalyzed: false, attributionTexts: [`ImageID: ${report.image.configDigest}`] },
      { SPDXID: 'SPDXRef-OperatingSystem-1', name: 'debian', versionInfo: report.distro!.versionId, filesAnalyzed: false },
      ...trivyComponents(report).map((c, i) => ({
        SPDXID: `SPDXRef-Package-${i.toString(16)}`,
        name: c.name,
        versionInfo: c.version,
        filesAnalyzed: false,
        annotations: annotate(c),
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }],
      })),
    ],
    relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-ContainerImage-1', relationshipType: 'DESCRIBES' }],
  };
}

/** cdxgen's rewrite of trivy's output: properties dropped, the epoch back in the version, `source` copies added. */
function cdxgenCycloneDx(report: ScanReport): object {
  const components = trivyComponents(report).flatMap((c): object[] => {
    if (!c.purl.startsWith('pkg:deb/')) return [{ ...c, properties: [{ name: 'SrcFile', value: `/${c.properties[0]!.value}` }] }];
    const prop = (n: string) => c.properties.find((p) => p.name === `aquasecurity:trivy:${n}`)?.value;
    const epoch = /[?&]epoch=(\d+)/.exec(c.purl)?.[1];
    const purl = `${c.purl.replace(/@[^?]+/, (v) => `@${epoch ? `${epoch}:` : ''}${v.slice(1)}`).replace(/distro=[^&]+/, 'distro=debian-12&distro_name=bookworm')}`;
    const binary = { group: 'debian', name: c.name, version: c.version, purl, type: 'library', 'bom-ref': decodeURIComponent(purl) };
    const srcName = prop('SrcName')!;
    const srcEpoch = prop('SrcEpoch');
    const srcVersion = `${srcEpoch ? `${srcEpoch}:` : ''}${prop('SrcVersion')}${prop('SrcRelease') ? `-${prop('SrcRelease')}` : ''}`;
    if (srcName === c.name) return [binary];
    const srcPurl = `pkg:deb/debian/${enc(srcName)}@${enc(srcVersion)}?arch=${/arch=([^&]+)/.exec(c.purl)![1]}&distro=debian-12&distro_name=bookworm`;
    const source = {
      ...binary,
      name: srcName,
      version: srcVersion,
      purl: srcPurl,
      'bom-ref': decodeURIComponent(srcPurl),
      tags: ['source'],
      evidence: { identity: [{ field: 'purl', confidence: 0, methods: [{ technique: 'filename', confidence: 0, value: c.name }] }] },
    };
    return [binary, source];
  });
  return { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, metadata: { tools: { components: [{ group: '@cyclonedx', name: 'cdxgen', version: '12.8.4', type: 'application' }] } }, components };
}

describeShared('SBOMs by other tools give the same findings as the image (debian-fixtures.oci:app)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-peer-sboms-'));
  const cacheDir = join(dir, 'db');
  const config = (image: string): ScanConfig => ({
    image,
    source: {},
    failOn: 'never',
    outputs: ['json'],
    vulnerabilities: { enabled: true, cacheDir, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] },
  });
  const scan = async (image: string): Promise<ScanReport> => (await runScan(config(image), { env: {}, logger: silentLogger, now: () => NOW, cwd: dir })).report;
  let image: ScanReport;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    seedDatabase(cacheDir, RECORDS, NOW);
    image = await scan(APP);
    const docs: Record<string, object> = {
      'syft-cyclonedx': syftCycloneDx(image),
      'syft-spdx': syftSpdx(image),
      'trivy-cyclonedx': trivyCycloneDx(image),
      'trivy-spdx': trivySpdx(image),
      'cdxgen-cyclonedx': cdxgenCycloneDx(image),
    };
    for (const [name, doc] of Object.entries(docs)) {
      files[name] = join(dir, `${name}.json`);
      writeFileSync(files[name], JSON.stringify(doc, null, 1));
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the image scan: the findings the records were chosen for, and none on dpkg-owned Python packages', () => {
    const keys = image.findings.map(key);
    for (const k of ['DSA-9001-1 bsdutils@1:2.38.1-5+deb12u3', 'DSA-9001-1 libblkid1@2.38.1-5+deb12u3', 'DSA-9002-1 libgmp10@2:6.2.1+dfsg1-1.1', 'DSA-9005-1 libssl3@3.0.20-1~deb12u2', 'GHSA-9006-0000-0000 lodash@4.17.21', 'PYSEC-9007-1 pip@23.0.1']) {
      expect(keys).toContain(k);
    }
    expect(keys.filter((k) => /^(DSA-9003|DSA-9004|PYSEC-9008|PYSEC-9009)/.test(k))).toEqual([]);
    expect(image.packages.filter((p) => p.ownedBy).map((p) => p.name).sort()).toEqual(['PyYAML', 'certifi', 'chardet', 'charset-normalizer', 'idna', 'requests', 'six', 'urllib3']);
  });

  it.each(['syft-cyclonedx', 'syft-spdx', 'trivy-cyclonedx', 'trivy-spdx', 'cdxgen-cyclonedx'])('%s: the same findings as the image, on the same distro', async (name) => {
    const r = await scan(`sbom:${files[name]}`);
    expect(r.image.source).toBe('sbom');
    expect(r.findings.map(key).sort()).toEqual(image.findings.map(key).sort());
    expect(r.findings.length).toBeGreaterThan(10);
    expect(r.distro?.id).toBe('debian');
    expect(r.distro?.releaseVersionId ?? r.distro?.versionId).toBe(image.distro?.releaseVersionId ?? image.distro?.versionId);
    expect(r.vulnerabilityData?.gaps ?? []).toEqual(image.vulnerabilityData?.gaps ?? []);
    expect(r.unknowns).toEqual([]);
  });
});
