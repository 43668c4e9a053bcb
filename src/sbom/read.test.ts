import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { jsonDepth } from '../common/json.js';
import { splitLicenseExpression } from './document.js';
import { loadSbom, parseSbom, sbomImageMetadata, sbomInput } from './read.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const CONFIG = `sha256:${'b'.repeat(64)}`;

/** A CycloneDX document shaped as syft writes one: syft properties, group + name, licence ids, nested components. */
const syftCycloneDx = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  metadata: { component: { 'bom-ref': 'x', type: 'container', name: 'alpine:3.20', version: DIGEST } },
  components: [
    {
      'bom-ref': 'pkg:apk/alpine/libssl3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl',
      type: 'library',
      name: 'libssl3',
      version: '3.3.2-r0',
      licenses: [{ license: { id: 'Apache-2.0' } }],
      purl: 'pkg:apk/alpine/libssl3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl',
      properties: [
        { name: 'syft:package:foundBy', value: 'apk-db-cataloger' },
        { name: 'syft:package:type', value: 'apk' },
        { name: 'syft:location:0:path', value: '/lib/apk/db/installed' },
        { name: 'syft:metadata:originPackage', value: 'openssl' },
      ],
      components: [{ type: 'library', group: '@babel', name: 'core', version: '7.0.0', purl: 'pkg:npm/%40babel/core@7.0.0', licenses: [{ expression: '(MIT OR Apache-2.0) AND BSD-3-Clause' }] }],
    },
    { type: 'operating-system', name: 'alpine', version: '3.20.3', description: 'Alpine Linux v3.20' },
    { type: 'file', name: '/etc/passwd' },
    { type: 'library', name: 'no-purl', version: '1' },
    { type: 'library', name: 'action', version: 'v4', purl: 'pkg:github/actions/checkout@v4' },
  ],
};

/** An SPDX document shaped as syft writes one: the image described, an OPERATING-SYSTEM element, syft's sourceInfo. */
const syftSpdx = {
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'debian:12',
  documentDescribes: ['SPDXRef-DocumentRoot-Image-debian'],
  packages: [
    { SPDXID: 'SPDXRef-DocumentRoot-Image-debian', name: 'debian', versionInfo: DIGEST, primaryPackagePurpose: 'CONTAINER' },
    { SPDXID: 'SPDXRef-OperatingSystem-debian', name: 'debian', versionInfo: '12', primaryPackagePurpose: 'OPERATING-SYSTEM' },
    {
      SPDXID: 'SPDXRef-Package-deb-libgcc-s1',
      name: 'libgcc-s1',
      versionInfo: '12.2.0-14',
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'GPL-3.0-only AND (GPL-2.0-only WITH GCC-exception-3.1)',
      sourceInfo: 'acquired package info from DPKG DB: /var/lib/dpkg/status, /var/lib/dpkg/info/libgcc-s1:amd64.list',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&upstream=gcc-12&distro=debian-12' }],
    },
    { SPDXID: 'SPDXRef-Package-x', name: 'no-purl', versionInfo: '1', licenseDeclared: 'NONE' },
  ],
  relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-DocumentRoot-Image-debian' }],
};

describe('SBOMs from other producers', () => {
  it('reads a syft-style CycloneDX document: types, scoped names, licences, nested components, distro, image', () => {
    const doc = parseSbom(JSON.stringify(syftCycloneDx), 'test');
    expect(doc.format).toBe('cyclonedx');
    expect(doc.distro).toEqual({ id: 'alpine', versionId: '3.20.3', prettyName: 'Alpine Linux v3.20' });
    expect(doc.image).toEqual({ name: 'alpine:3.20', manifestDigest: DIGEST });
    expect(doc.packages.map((p) => [p.type, p.name, p.version, p.foundBy, p.arch, p.source, p.licenses, p.locations])).toEqual([
      ['apk', 'libssl3', '3.3.2-r0', 'apk-db-cataloger', 'x86_64', { name: 'openssl', version: '3.3.2-r0' }, ['Apache-2.0'], [{ path: '/lib/apk/db/installed' }]],
      ['npm', '@babel/core', '7.0.0', 'sbom/cyclonedx', undefined, undefined, ['MIT OR Apache-2.0', 'BSD-3-Clause'], []],
    ]);
    expect(doc.packages[1]!.id).toBe('npm:@babel/core@7.0.0');
    // The file is not a package; the component without a purl and the github action are unknowns, with reasons.
    expect(doc.unknowns.map((u) => u.reason)).toEqual([
      'component "no-purl": no package URL (""), so it is not a package Portcullis can match',
      'component "action" (pkg:github/actions/checkout@v4): GitHub packages (purl type "github") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
    ]);
  });

  it('reads a syft-style SPDX document: the image and OS elements are not packages, paths come from sourceInfo', () => {
    const doc = parseSbom(JSON.stringify(syftSpdx), 'test');
    expect(doc.format).toBe('spdx');
    expect(doc.distro).toEqual({ id: 'debian', versionId: '12' });
    expect(doc.image).toEqual({ name: 'debian:12', manifestDigest: DIGEST });
    expect(doc.packages).toEqual([
      {
        id: 'deb:libgcc-s1@12.2.0-14:/var/lib/dpkg/status',
        type: 'deb',
        name: 'libgcc-s1',
        version: '12.2.0-14',
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&upstream=gcc-12&distro=debian-12',
        licenses: ['GPL-3.0-only', 'GPL-2.0-only WITH GCC-exception-3.1'],
        locations: [{ path: '/var/lib/dpkg/status' }, { path: '/var/lib/dpkg/info/libgcc-s1:amd64.list' }],
        foundBy: 'sbom/spdx',
        source: { name: 'gcc-12', version: '12.2.0-14' },
        arch: 'amd64',
      },
    ]);
    expect(doc.unknowns).toHaveLength(1);
  });

  it('makes image metadata without layers; a tag-like name becomes the repo tag, a reference does not', () => {
    const fromSyft = sbomImageMetadata(parseSbom(JSON.stringify(syftSpdx), 'test'), 'sbom:x.json');
    expect(fromSyft).toMatchObject({ reference: 'sbom:x.json', source: 'sbom', manifestDigest: DIGEST, configDigest: '', layers: [], repoTags: ['debian:12'] });
    const withRef = { ...syftSpdx, name: 'oci-dir:/tmp/layout:app' };
    expect(sbomImageMetadata(parseSbom(JSON.stringify(withRef), 'test'), 'sbom:x.json').repoTags).toEqual([]);
  });

  it('takes the distro from the purls when the document names none', () => {
    const noOs = { ...syftSpdx, packages: syftSpdx.packages.filter((p) => p.primaryPackagePurpose !== 'OPERATING-SYSTEM') };
    expect(parseSbom(JSON.stringify(noOs), 'test').distro).toEqual({ id: 'debian', versionId: '12' });
  });

  it('reads Portcullis CycloneDX properties that carry full provenance, the source version and the owner', () => {
    const doc = parseSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [
          {
            'bom-ref': 'python:requests@2.28.1:/p/PKG-INFO',
            type: 'library',
            name: 'requests',
            version: '2.28.1',
            purl: 'pkg:pypi/requests@2.28.1',
            properties: [
              { name: 'portcullis:package:type', value: 'python' },
              { name: 'portcullis:package:ownedBy', value: 'deb:python3-requests@2.28.1+dfsg-1:/var/lib/dpkg/status' },
              { name: 'portcullis:location:0:path', value: '/p/PKG-INFO' },
              { name: 'portcullis:location:0:layerIndex', value: '1' },
              { name: 'portcullis:location:0:layerDigest', value: DIGEST },
              { name: 'portcullis:location:0:diffId', value: CONFIG },
              { name: 'portcullis:package:sourceName', value: 'requests' },
              { name: 'portcullis:package:sourceVersion', value: '2.28.1+dfsg-1' },
            ],
          },
        ],
      }),
      'test',
    );
    expect(doc.packages[0]).toMatchObject({
      id: 'python:requests@2.28.1:/p/PKG-INFO',
      ownedBy: 'deb:python3-requests@2.28.1+dfsg-1:/var/lib/dpkg/status',
      source: { name: 'requests', version: '2.28.1+dfsg-1' },
      locations: [{ path: '/p/PKG-INFO', provenance: { layerIndex: 1, layerDigest: DIGEST, diffId: CONFIG } }],
    });
  });
});

describe('SBOM input errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-sbom-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says what is wrong with a document that is not one it reads', () => {
    expect(() => parseSbom('{"bomFormat": ', 'SBOM x.json')).toThrow(/^SBOM x\.json is not JSON: .*CycloneDX JSON, SPDX JSON or Portcullis JSON/);
    expect(() => parseSbom('{"spdxVersion": "SPDX-3.0"}', 'SBOM x.json')).toThrow('SBOM x.json is SPDX-3.0; SBOM input reads SPDX 2.x JSON');
    expect(() => parseSbom('[1, 2]', 'SBOM x.json')).toThrow(ConfigurationError);
    expect(() => parseSbom('{"schemaVersion": "1"}', 'SBOM x.json')).toThrow(/is not a CycloneDX, SPDX 2\.x or Portcullis JSON document/);
  });

  it('names a missing file; a BOM at the start of the file is fine', async () => {
    await expect(loadSbom(join(dir, 'absent.json'))).rejects.toThrow(/^cannot read SBOM .*absent\.json: ENOENT/);
    const path = join(dir, 'bom.json');
    writeFileSync(path, `\uFEFF${JSON.stringify(syftCycloneDx)}`);
    const input = await sbomInput(path, `sbom:${path}`);
    expect(input.catalog.packages).toHaveLength(2);
    expect(input.catalog.plugins).toEqual([{ id: 'sbom/cyclonedx', version: 1, status: 'partial', reason: '2 element(s) are not packages Portcullis models' }]);
  });

  it('skips Portcullis JSON packages that lack required fields, as unknowns', () => {
    const doc = parseSbom(JSON.stringify({ schemaVersion: '1', tool: { name: 'portcullis' }, packages: [{ type: 'deb', name: 'x' }, { type: 'toy', id: 'a', name: 'a', version: '1', purl: '', licenses: [], locations: [] }] }), 'test');
    expect(doc.packages).toEqual([]);
    expect(doc.unknowns.map((u) => u.reason)).toEqual([
      'packages[0] is not a package (it needs type, id, name, version, purl, licenses and locations)',
      'packages[1] is not a package (it needs type, id, name, version, purl, licenses and locations)',
    ]);
  });
});

describe('splitLicenseExpression', () => {
  it.each([
    ['MIT', ['MIT']],
    ['MIT AND Apache-2.0', ['MIT', 'Apache-2.0']],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', ['MIT OR Apache-2.0', 'BSD-3-Clause']],
    ['(A) OR (B)', ['(A) OR (B)']],
    ['((A AND B))', ['(A AND B)']],
    ['GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only WITH Classpath-exception-2.0']],
  ])('%s', (expression, parts) => {
    expect(splitLicenseExpression(expression)).toEqual(parts);
  });
});

describe('a deeply nested SBOM is refused with one line (issue 16 §2)', () => {
  it('refuses 10,000 levels of nesting before parsing', () => {
    const text = `{"bomFormat":"CycloneDX","components":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(() => parseSbom(text, 'deep.cdx.json')).toThrow(ConfigurationError);
    expect(() => parseSbom(text, 'deep.cdx.json')).toThrow(/deep\.cdx\.json is nested too deeply/);
  });
});

describe('the depth bound, measured on the parsed value (issue 19)', () => {
  /** A CycloneDX document whose deepest part is `depth` levels of arrays and objects (the document itself counts 1). */
  const nested = (depth: number) => `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it('reads 512 levels and refuses 513, the same bound as a scan of the text', () => {
    expect(jsonDepth(nested(512))).toBe(512);
    expect(parseSbom(nested(512), 'ok.cdx.json').packages).toEqual([]);
    expect(() => parseSbom(nested(513), 'deep.cdx.json')).toThrow('deep.cdx.json is nested too deeply (more than 512 levels of arrays and objects)');
  });

  it('says too deep, not "not JSON", for deep text that does not parse, as when the text was measured first', () => {
    const unclosed = `{"bomFormat":"CycloneDX","components":${'['.repeat(10_000)}`;
    expect(() => parseSbom(unclosed, 'deep.cdx.json')).toThrow(/^deep\.cdx\.json is nested too deeply/);
    expect(() => parseSbom(`${nested(20)}]`, 'x.cdx.json')).toThrow(/^x\.cdx\.json is not JSON: /);
  });

  it('measures the value parsed: a deep value that a repeated key replaced is not refused (it is not there)', () => {
    const text = `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${'['.repeat(600)}${']'.repeat(600)},"x":1}`;
    expect(jsonDepth(text)).toBe(601);
    expect(parseSbom(text, 'x.cdx.json').specVersion).toBe('1.6');
  });

  it('counts brackets inside strings as text, not as nesting', () => {
    const text = JSON.stringify({ bomFormat: 'CycloneDX', metadata: { component: { type: 'container', name: `${'['.repeat(600)}"\\{` } } });
    expect(parseSbom(text, 'x.cdx.json').image.name).toBe(`${'['.repeat(600)}"\\{`);
  });
});

describe('CycloneDX properties read in one pass keep what a search of the list gave', () => {
  const component = (properties: { name: string; value?: unknown }[]) =>
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0', properties }] });

  it('takes the first property of a name; an empty first one gives way to the next name, not to a later copy', () => {
    const doc = parseSbom(
      component([
        { name: 'portcullis:package:foundBy', value: '' },
        { name: 'portcullis:package:foundBy', value: 'later-copy' },
        { name: 'syft:package:foundBy', value: 'syft-cataloger' },
        { name: 'syft:package:foundBy', value: 'second-syft' },
        { name: 'portcullis:package:arch', value: 7 },
        { name: 'syft:metadata:architecture', value: 'x86_64' },
      ]),
      'x',
    );
    expect(doc.packages[0]).toMatchObject({ foundBy: 'syft-cataloger', arch: 'x86_64' });
  });

  it('orders locations by index, lets a later field replace an earlier one, and needs all three layer fields', () => {
    const d = `sha256:${'d'.repeat(64)}`;
    const doc = parseSbom(
      component([
        { name: 'portcullis:location:10:path', value: '/ten' },
        { name: 'portcullis:location:2:path', value: '/two-old' },
        { name: 'portcullis:location:2:layerIndex', value: '3' },
        { name: 'portcullis:location:2:layerDigest', value: d },
        { name: 'portcullis:location:2:diffId', value: d },
        { name: 'portcullis:location:2:path', value: '/two' },
        { name: 'syft:location:5:path', value: '/five' },
        { name: 'syft:location:5:layerIndex', value: '1' },
        { name: 'portcullis:location:7:layerIndex', value: '0' },
        { name: 'portcullis:location:x:path', value: '/not-an-index' },
      ]),
      'x',
    );
    expect(doc.packages[0]!.locations).toEqual([{ path: '/two', provenance: { layerIndex: 3, layerDigest: d, diffId: d } }, { path: '/five' }, { path: '/ten' }]);
  });

  it("falls back to trivy's FilePath only when no location property is given, even one without a path", () => {
    expect(parseSbom(component([{ name: 'aquasecurity:trivy:FilePath', value: 'app/package.json' }]), 'x').packages[0]!.locations).toEqual([{ path: '/app/package.json' }]);
    const withIndexOnly = component([
      { name: 'portcullis:location:0:layerIndex', value: '1' },
      { name: 'aquasecurity:trivy:FilePath', value: 'app/package.json' },
    ]);
    expect(parseSbom(withIndexOnly, 'x').packages[0]!.locations).toEqual([]);
  });
});
