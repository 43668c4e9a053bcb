/**
 * SBOMs written by syft, trivy and cdxgen, read back into the package model. The fixtures in testdata/peers/ follow
 * the shape of each tool's own golden or fixture SBOMs (testdata/peers/README.md names each source); what is
 * asserted is what the matcher needs to give the same findings as an image scan: the package type, the installed
 * version with its epoch, the source package, the distro as os-release names it, and ownership.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../match/target.js';
import type { Package } from '../model/index.js';
import { distroOfPurl, normaliseDistro } from './distro.js';
import { parsePurl } from './purl-parse.js';
import { parseSbom } from './read.js';

const fixture = (name: string) => parseSbom(readFileSync(join(import.meta.dirname, 'testdata/peers', name), 'utf8'), name);
const byName = (packages: readonly Package[], name: string): Package => {
  const p = packages.find((x) => x.name === name);
  if (!p) throw new Error(`no package ${name}`);
  return p;
};
const summary = (p: Package) => ({ type: p.type, name: p.name, version: p.version, source: p.source, ownedBy: p.ownedBy });

describe('syft', () => {
  it('CycloneDX: syft:package:type, syft:metadata:source/sourceVersion, the epoch kept, the distro from syft:distro:*', () => {
    const doc = fixture('syft-debian.cdx.json');
    expect(doc.distro).toEqual({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', versionCodename: 'bookworm' });
    expect(summary(byName(doc.packages, 'bsdutils'))).toEqual({ type: 'deb', name: 'bsdutils', version: '1:2.38.1-5+deb12u3', source: { name: 'util-linux', version: '2.38.1-5+deb12u3' }, ownedBy: undefined });
    // `upstream=openssl` without a version: the source has the binary's version, as dpkg says when Source: has none.
    expect(byName(doc.packages, 'libssl3').source).toEqual({ name: 'openssl', version: '3.0.20-1~deb12u2' });
    expect(byName(doc.packages, '@xmldom/xmldom')).toMatchObject({ type: 'npm', version: '0.8.10', locations: [{ path: '/app/node_modules/@xmldom/xmldom/package.json' }] });
    expect(doc.unknowns).toEqual([]);
  });

  it('CycloneDX carries no ownership: a Python package in dist-packages (only dpkg writes there) is owned by its deb', () => {
    const doc = fixture('syft-debian.cdx.json');
    const requests = byName(doc.packages, 'requests');
    expect(requests.ownedBy).toBe(byName(doc.packages, 'python3-requests').id);
    expect(targetFor(requests, doc.distro)).toEqual({ skip: `requests is owned by ${requests.ownedBy}: matched through the distro only` });
    // pip in a virtualenv is the user's: matched on PyPI.
    const pip = byName(doc.packages, 'pip');
    expect(pip.ownedBy).toBeUndefined();
    expect(targetFor(pip, doc.distro)).toMatchObject({ targets: [{ ecosystem: 'PyPI', name: 'pip', version: '23.0.1' }] });
  });

  it('SPDX: %3A in purl versions, the distro from the purls, ownership from ownership-by-file-overlap relationships', () => {
    const doc = fixture('syft-debian.spdx.json');
    expect(doc.distro).toEqual({ id: 'debian', versionId: '12' });
    expect(doc.image).toMatchObject({ manifestDigest: 'sha256:e30b604b4fe7f516f38d7f602936eb799c5a047bf79f2203893a4f3c7dd185f9' });
    expect(summary(byName(doc.packages, 'bsdutils'))).toMatchObject({ version: '1:2.38.1-5+deb12u3', source: { name: 'util-linux', version: '2.38.1-5+deb12u3' } });
    expect(byName(doc.packages, 'bsdutils').locations.map((l) => l.path)).toContain('/var/lib/dpkg/status');
    // requests is outside dist-packages: only syft's relationship says the deb owns it.
    expect(byName(doc.packages, 'requests').ownedBy).toBe(byName(doc.packages, 'python3-requests').id);
    // PyYAML has no relationship here, but lives in dist-packages; no python3-pyyaml deb in this document.
    expect(byName(doc.packages, 'PyYAML').ownedBy).toBe('dpkg (/usr/lib/python3/dist-packages)');
    expect(doc.packages.map((p) => p.name).sort()).toEqual(['PyYAML', 'bsdutils', 'python3-requests', 'requests']);
  });
});

describe('trivy', () => {
  it('CycloneDX (Debian): the epoch qualifier, SrcName/SrcVersion/SrcRelease/SrcEpoch, FilePath, the OS component', () => {
    const doc = fixture('trivy-debian.cdx.json');
    // trivy reads /etc/debian_version (12.7); os-release's VERSION_ID, Anchore's distro_version, says 12.
    expect(doc.distro).toEqual({ id: 'debian', versionId: '12.7', releaseVersionId: '12' });
    expect(summary(byName(doc.packages, 'bsdutils'))).toMatchObject({ version: '1:2.38.1-5+deb12u3', source: { name: 'util-linux', version: '2.38.1-5+deb12u3' } });
    expect(summary(byName(doc.packages, 'libgmp10'))).toMatchObject({ version: '2:6.2.1+dfsg1-1.1', source: { name: 'gmp', version: '2:6.2.1+dfsg1-1.1' } });
    expect(byName(doc.packages, 'lodash').locations).toEqual([{ path: '/app/node_modules/lodash/package.json' }]);
    expect(doc.image).toMatchObject({ name: 'registry.example/fixtures/debian-app:latest', configDigest: 'sha256:4cf59d25a61dc960761602b6ef14ea65d10f57a43baff9f7399c5dc2e54ace68', repoTags: ['registry.example/fixtures/debian-app:latest'] });
    expect(targetFor(byName(doc.packages, 'bsdutils'), doc.distro)).toMatchObject({ targets: [{ ecosystem: 'Debian:12', name: 'util-linux', version: '2.38.1-5+deb12u3' }] });
  });

  it('CycloneDX (CentOS): the rpm epoch comes back from `epoch=1`, so the EVR compared is 1:1.0.2k-16.el7', () => {
    const doc = fixture('trivy-centos.cdx.json');
    expect(doc.distro).toEqual({ id: 'centos', versionId: '7.6.1810' });
    const ssl = byName(doc.packages, 'openssl-libs');
    expect(summary(ssl)).toMatchObject({ type: 'rpm', version: '1:1.0.2k-16.el7', source: { name: 'openssl', version: '1:1.0.2k-16.el7' } });
    expect(byName(doc.packages, 'bash').version).toBe('4.2.46-31.el7');
    const t = targetFor(ssl, doc.distro);
    expect(t).toMatchObject({ targets: [{ ecosystem: 'Red Hat:7', name: 'openssl-libs', version: '1:1.0.2k-16.el7' }, { name: 'openssl', version: '1:1.0.2k-16.el7' }] });
  });

  it('SPDX: the OperatingSystem element is the distro, built-package-from and annotations give the source', () => {
    const doc = fixture('trivy-centos.spdx.json');
    expect(doc.distro).toEqual({ id: 'centos', versionId: '7.6.1810' });
    expect(doc.unknowns).toEqual([]);
    expect(summary(byName(doc.packages, 'openssl-libs'))).toMatchObject({ version: '1:1.0.2k-16.el7', source: { name: 'openssl', version: '1:1.0.2k-16.el7' } });
    expect(summary(byName(doc.packages, 'shadow-utils'))).toMatchObject({ version: '2:4.6-5.el7', source: { name: 'shadow-utils', version: '2:4.6-5.el7' } });
    expect(byName(doc.packages, 'npm').locations).toEqual([{ path: '/usr/lib/node_modules/npm/package.json' }]);
  });

  it("names distros by trivy's OS family: redhat, alma, amazon (2 (Karoo)), oracle, cbl-mariner, opensuse.leap, sles", () => {
    expect(normaliseDistro('redhat', '8.9')).toEqual({ id: 'rhel', versionId: '8.9' });
    expect(normaliseDistro('alma', '9.3')).toEqual({ id: 'almalinux', versionId: '9.3' });
    expect(normaliseDistro('amazon', '2 (Karoo)')).toEqual({ id: 'amzn', versionId: '2' });
    expect(normaliseDistro('amazon', '2023.6.20241010')).toEqual({ id: 'amzn', versionId: '2023' });
    expect(normaliseDistro('oracle', '8.9')).toEqual({ id: 'ol', versionId: '8.9' });
    expect(normaliseDistro('cbl-mariner', '2.0')).toEqual({ id: 'mariner', versionId: '2.0' });
    expect(normaliseDistro('opensuse.leap', '15.5')).toEqual({ id: 'opensuse-leap', versionId: '15.5' });
    expect(normaliseDistro('suse linux enterprise server', '15.5')).toEqual({ id: 'sles', versionId: '15.5' });
    // The purl's distro qualifier: trivy's `redhat-8` (pkg/purl/purl_test.go), its apk `3.14.2`, purl-spec's `jessie`.
    const d = (p: string) => distroOfPurl(parsePurl(p)!);
    expect(d('pkg:rpm/redhat/acl@2.2.53-1.el8?arch=aarch64&distro=redhat-8&epoch=1')).toEqual({ id: 'rhel', versionId: '8' });
    expect(d('pkg:apk/alpine/alpine-baselayout@3.2.0-r16?distro=3.14.2&epoch=1')).toEqual({ id: 'alpine', versionId: '3.14.2' });
    expect(d('pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie')).toEqual({ id: 'debian', versionId: '8', versionCodename: 'jessie' });
    expect(d('pkg:deb/ubuntu/zlib1g@1:1.2.11?distro=jammy')).toEqual({ id: 'ubuntu', versionId: '22.04', versionCodename: 'jammy' });
    expect(d('pkg:rpm/amazon/bash@4.2?distro=amazon-2 (Karoo)')).toEqual({ id: 'amzn', versionId: '2' });
  });
});

describe('cdxgen', () => {
  it('drops the source-tagged copies and gives their source to the binaries; distro from distro=debian-12', () => {
    const doc = fixture('cdxgen-debian.cdx.json');
    expect(doc.distro).toEqual({ id: 'debian', versionId: '12' });
    expect(doc.packages.map((p) => p.name)).toEqual(['bsdutils', 'libssl3', 'lodash']);
    expect(summary(byName(doc.packages, 'bsdutils'))).toMatchObject({ version: '1:2.38.1-5+deb12u3', source: { name: 'util-linux', version: '2.38.1-5+deb12u3' } });
    expect(byName(doc.packages, 'libssl3').source).toEqual({ name: 'openssl', version: '3.0.20-1~deb12u2' });
    expect(byName(doc.packages, 'lodash').locations).toEqual([{ path: '/app/node_modules/lodash/package.json' }]);
    expect(doc.unknowns).toEqual([]);
  });
});

describe('package types Portcullis does not catalog', () => {
  it('CocoaPods, Conan, Hex, Pub, Swift and any other purl type become unknowns with their reason', () => {
    const doc = fixture('uncatalogued.cdx.json');
    expect(doc.packages.map((p) => p.name)).toEqual(['lodash']);
    expect(doc.unknowns.map((u) => u.reason)).toEqual([
      'component "GoogleUtilities" (pkg:cocoapods/GoogleUtilities@7.5.2#NSData+zlib): CocoaPods packages (purl type "cocoapods") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "openssl" (pkg:conan/openssl.org/openssl@3.0.3?user=bincrafters&channel=stable): Conan packages (purl type "conan") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "plug" (pkg:hex/plug@1.14.0): Hex packages (purl type "hex") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "http" (pkg:pub/http@0.13.2): Pub (Dart) packages (purl type "pub") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "http" (pkg:dart/http@0.13.2): Pub (Dart) packages (purl type "dart") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "swift-atomics" (pkg:swift/github.com/apple/swift-atomics@1.1.0): Swift packages (purl type "swift") are not cataloged by Portcullis, so it is not checked for vulnerabilities',
      'component "made-up" (pkg:madeup/made-up@1): purl type "madeup" is not cataloged by Portcullis, so it is not checked for vulnerabilities',
    ]);
    expect(doc.unknowns.every((u) => u.stage === 'sbom')).toBe(true);
  });
});

describe('ownership written by Portcullis itself', () => {
  it('is taken as written: a Portcullis CycloneDX package in dist-packages without ownedBy stays unowned', () => {
    const doc = parseSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        metadata: { tools: { components: [{ type: 'application', name: 'portcullis', version: '1' }] } },
        components: [
          { type: 'library', name: 'python3-six', version: '1.16.0-4', purl: 'pkg:deb/debian/python3-six@1.16.0-4?distro=debian-12' },
          { type: 'library', name: 'six', version: '1.16.0', purl: 'pkg:pypi/six@1.16.0', properties: [{ name: 'portcullis:location:0:path', value: '/usr/lib/python3/dist-packages/six-1.16.0.egg-info' }] },
        ],
      }),
      'test',
    );
    expect(byName(doc.packages, 'six').ownedBy).toBeUndefined();
    // The same document from another tool: the deb python3-six owns it.
    const other = parseSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'library', name: 'python3-six', version: '1.16.0-4', purl: 'pkg:deb/debian/python3-six@1.16.0-4?distro=debian-12' }, { type: 'library', name: 'six', version: '1.16.0', purl: 'pkg:pypi/six@1.16.0', properties: [{ name: 'syft:location:0:path', value: '/usr/lib/python3/dist-packages/six-1.16.0.egg-info' }] }] }), 'test');
    expect(byName(other.packages, 'six').ownedBy).toBe(byName(other.packages, 'python3-six').id);
  });
});

describe('the distro of a document that describes an operating system', () => {
  it('reads metadata.component of type operating-system, after an operating-system component and before the purls', () => {
    const doc = (extra: object[]) =>
      parseSbom(
        JSON.stringify({
          bomFormat: 'CycloneDX',
          specVersion: '1.6',
          metadata: { component: { type: 'operating-system', name: 'ubuntu', version: '22.04' } },
          components: [{ type: 'library', name: 'bash', version: '5.1-6ubuntu1', purl: 'pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-20.04' }, ...extra],
        }),
        'test',
      );
    expect(doc([]).distro).toEqual({ id: 'ubuntu', versionId: '22.04' });
    expect(doc([{ type: 'operating-system', name: 'ubuntu', version: '24.04' }]).distro).toEqual({ id: 'ubuntu', versionId: '24.04' });
  });
});
