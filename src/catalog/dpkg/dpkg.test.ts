import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, itShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { viewFromTarball } from '../../image/tarball.js';
import { silentLogger } from '../../common/logger.js';
import { DISTRO_REQUESTS, detectDistro } from '../distro/detect.js';
import { dpkgCataloger, debPurl } from './cataloger.js';
import { parseDebianCopyright, parseDebianCopyrightNames, toSpdxExpression } from './copyright.js';
import { isInstalled, parseDpkgStatus, parseInstalledSize, resolveDpkgDependencies } from './parse.js';

const FIX = 'fixtures/catalogers/debian';
const raw = (...p: string[]) => readFileSync(sharedPath(FIX, ...p), 'utf8');
const statusD = (name: string) => raw('syft/var/lib/dpkg/status.d', name);

async function catalogDir(dir: string, withDistro = true) {
  const view = await viewFromDirectory(sharedPath(FIX, dir), { requests: [...dpkgCataloger.requests, ...DISTRO_REQUESTS] });
  const distro = withDistro ? detectDistro(view) : undefined;
  return dpkgCataloger.catalog({ view, distro, logger: silentLogger });
}

function depMap(text: string): Record<string, string[]> {
  const records = parseDpkgStatus(text).records.filter(isInstalled);
  return Object.fromEntries([...resolveDpkgDependencies(records)].filter(([, d]) => d.length > 0));
}

describeShared('dpkg status parser on the syft fixtures (debian/EXPECTED.md)', () => {
  it('single: apt 1.8.2 from apt-dev, with its size, maintainer and multi-line description', () => {
    const { records, errors } = parseDpkgStatus(statusD('single'));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: 'apt', version: '1.8.2', sourceName: 'apt-dev', arch: 'amd64', installedSize: 4064, maintainer: 'APT Development Team <deity@lists.debian.org>' });
    expect(records[0]!.description!.split('\n').length).toBeGreaterThan(3);
  });

  it('installed-size-4KB: a unit suffix is accepted; an unknown unit is not', () => {
    expect(parseDpkgStatus(statusD('installed-size-4KB')).records.map((r) => [r.name, r.version, r.installedSize])).toEqual([['apt', '1.8.2', 4]]);
    expect(parseInstalledSize('4064')).toBe(4064);
    expect(parseInstalledSize('2 MiB')).toBe(2048);
    expect(parseInstalledSize('4 parsecs')).toBeUndefined();
  });

  it('multiple: no-version, tzdata and util-linux; the empty Package: stanza is skipped', () => {
    const { records } = parseDpkgStatus(statusD('multiple'));
    expect(records.map((r) => [r.name, r.version])).toEqual([
      ['no-version', ''],
      ['tzdata', '2020a-0+deb10u1'],
      ['util-linux', '2.33.1-0.1'],
    ]);
    expect(records[1]).toMatchObject({ sourceName: 'tzdata-dev', arch: 'all', installedSize: 3036, provides: ['tzdata-buster'], depends: ['debconf (>= 0.5) | debconf-2.0'] });
    expect(records[2]).toMatchObject({ arch: 'amd64', installedSize: 4327 });
    expect(records[2]!.depends).toEqual(['fdisk', 'login (>= 1:4.5-1.1~)']);
    expect(records[2]!.preDepends).toHaveLength(13);
  });

  it('deinstall: only the installed kernel image is kept', () => {
    const installed = parseDpkgStatus(statusD('deinstall')).records.filter(isInstalled);
    expect(installed.map((r) => [r.name, r.version, r.sourceName])).toEqual([['linux-image-6.14.0-1012-aws', '6.14.0-1012.12~24.04.1', 'linux-signed-aws-6.14']]);
  });

  it('corrupt gives an error; empty gives nothing', () => {
    const corrupt = parseDpkgStatus(statusD('corrupt'));
    expect(corrupt.records).toEqual([]);
    expect(corrupt.errors[0]).toMatch(/line 5 is not a "Field: value" line/);
    expect(parseDpkgStatus(statusD('empty'))).toEqual({ records: [], errors: [] });
  });

  it('dependency maps: coreutils-relationships, doc-examples, libpam-runtime', () => {
    expect(depMap(statusD('coreutils-relationships'))).toEqual({
      coreutils: ['libacl1', 'libattr1', 'libc6', 'libgmp10', 'libselinux1'],
      libacl1: ['libc6'],
      libattr1: ['libc6'],
      libc6: ['libgcc-s1'],
      'libgcc-s1': ['gcc-12-base', 'libc6'],
      libgmp10: ['libc6'],
      'libpcre2-8-0': ['libc6'],
      libselinux1: ['libc6', 'libpcre2-8-0'],
    });
    expect(depMap(statusD('doc-examples'))).toEqual({
      'made-up-package-1': ['gnumach-dev', 'hurd-dev', 'kernel-headers-2.2.10'],
      'made-up-package-2': ['liblua5.1-dev', 'libluajit5.1-dev'],
      'made-up-package-3': ['bar', 'foo'],
      'made-up-package-4': ['made-up-package-5'],
      mutt: ['default-mta', 'libc6', 'mail-transport-agent'],
    });
    expect(depMap(statusD('libpam-runtime'))).toEqual({ 'libpam-runtime': ['cdebconf', 'debconf-2.0', 'debconf1', 'debconf2', 'libpam-modules'] });
  });
});

describeShared('dpkg status parser on the osv-scalibr fixtures', () => {
  const scalibr = (name: string) => raw('osv-scalibr/dpkg', name);
  it('valid: 7 stanzas, the first accountsservice', () => {
    const { records, errors } = parseDpkgStatus(scalibr('valid'));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(7);
    expect(records[0]).toMatchObject({ name: 'accountsservice', version: '22.08.8-6', status: 'install ok installed' });
  });

  it('statusfield: installed means the third Status word is `installed`', () => {
    const names = parseDpkgStatus(scalibr('statusfield')).records.filter(isInstalled).map((r) => r.name);
    // wantnostatus has no Status field, which only distroless status.d files omit; it is kept as such a file would be.
    expect(names).toEqual(['wantinstall_installed', 'wantdeinstall_installed', 'wantpurge_installed', 'wantnostatus']);
  });

  it('nopackage skips the stanza without Package; invalid is an error', () => {
    expect(parseDpkgStatus(scalibr('nopackage')).records.map((r) => r.name)).toEqual(['foo', 'bar']);
    expect(parseDpkgStatus(scalibr('invalid')).errors.length).toBeGreaterThan(0);
    expect(parseDpkgStatus(scalibr('empty')).records).toEqual([]);
  });

  it('transitional packages keep their source', () => {
    const r = parseDpkgStatus(scalibr('transitional')).records[0]!;
    expect([r.name, r.version, r.sourceName]).toEqual(['iceweasel', '78.13.0esr-1~deb10u1', 'firefox-esr']);
  });
});

describeShared('dpkg cataloger on fixture trees', () => {
  it('image-dpkg: libpam-runtime with its purl, source, licences and files from md5sums + conffiles', async () => {
    const { packages, unknowns } = await catalogDir('syft/image-dpkg');
    expect(unknowns).toEqual([]);
    expect(packages).toHaveLength(1);
    const p = packages[0]!;
    expect(p).toMatchObject({ name: 'libpam-runtime', version: '1.1.8-3.6', type: 'deb', foundBy: 'dpkg/status', source: { name: 'pam', version: '1.1.8-3.6' } });
    expect(p.purl).toBe('pkg:deb/debian/libpam-runtime@1.1.8-3.6?arch=all&distro=debian-12&upstream=pam');
    expect(p.licenses).toEqual(['GPL-2.0-only', 'LGPL-2.1-only']);
    const files = p.metadata?.files as string[];
    expect(files).toContain('/etc/pam.conf');
    expect(files).toContain('/etc/pam.d/other');
    expect(files.length).toBeGreaterThan(2);
    const provenance = { layerIndex: 0, layerDigest: '', diffId: '' };
    expect(p.locations).toEqual([
      { path: '/var/lib/dpkg/status', provenance },
      { path: '/var/lib/dpkg/info/libpam-runtime.md5sums', provenance },
    ]);
  });

  it('image-distroless-deb: libsqlite3-0 from status.d, files from its md5sums', async () => {
    const { packages, unknowns } = await catalogDir('syft/image-distroless-deb');
    expect(unknowns).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.source?.name, p.purl])).toEqual([
      ['libsqlite3-0', '3.34.1-3', 'sqlite3', 'pkg:deb/libsqlite3-0@3.34.1-3?arch=arm64&upstream=sqlite3'],
    ]);
    expect(packages[0]!.locations[0]!.path).toBe('/var/lib/dpkg/status.d/libsqlite3-0');
    expect(packages[0]!.licenses).toEqual(['public-domain', 'GPL-2.0-or-later']);
    expect((packages[0]!.metadata?.files as string[]).length).toBeGreaterThan(0);
  });

  it('a corrupt status file is an unknown, and the other status.d files are still read', async () => {
    const { packages, unknowns } = await catalogDir('syft');
    expect(unknowns.map((u) => u.path)).toEqual(['/var/lib/dpkg/status.d/corrupt']);
    expect(unknowns[0]!.reason).toMatch(/^malformed dpkg status file: /);
    expect(packages.some((p) => p.name === 'tzdata')).toBe(true);
    expect(packages.some((p) => p.name === 'linux-image-6.8.0-1029-aws')).toBe(false);
  });
});

describe('deb purls and copyright licences', () => {
  it('keeps the epoch colon unencoded (purl-spec) and omits the namespace without a distro', () => {
    expect(debPurl({ name: 'zlib1g', version: '1:1.3.dfsg-3.1ubuntu2.1', arch: 'amd64', sourceName: 'zlib' }, undefined)).toBe(
      'pkg:deb/zlib1g@1:1.3.dfsg-3.1ubuntu2.1?arch=amd64&upstream=zlib',
    );
    expect(debPurl({ name: 'bash', version: '5.2.15-2+b13', arch: 'amd64', sourceName: 'bash', sourceVersion: '5.2.15-2' }, { id: 'debian', versionId: '12.7' })).toBe(
      'pkg:deb/debian/bash@5.2.15-2%2Bb13?arch=amd64&distro=debian-12&upstream=bash%405.2.15-2',
    );
  });

  itShared('maps DEP-5 short names to SPDX and keeps the rest', () => {
    expect(toSpdxExpression('GPL-2+ or Artistic')).toBe('GPL-2.0-or-later OR Artistic-1.0-Perl');
    expect(toSpdxExpression('Expat')).toBe('MIT');
    expect(toSpdxExpression('permissive-fsf')).toBe('permissive-fsf');
    expect(parseDebianCopyright(raw('syft/copyright/libaudit-common'))).toEqual(['GPL-2.0-only', 'LGPL-2.1-only']);
    expect(parseDebianCopyright(raw('syft/copyright/dev-kit'))).toEqual([]);
    const lzma = parseDebianCopyright(raw('syft/copyright/liblzma5'));
    expect(lzma).toContain('GPL-2.0-or-later');
    expect(lzma).toContain('PD');
    expect(lzma).not.toContain('none');
  });

  // Anchore matches licences as the copyright file writes them (anchore/anchore-engine
  // tests/unit/anchore_engine/services/policy_engine/engine/policy/gates/test_licenses.py: `LGPL-2.1+`, `BSD-2-clause`).
  itShared('keeps the DEP-5 short names as written, once each, for the licenses gate', () => {
    expect(parseDebianCopyrightNames(raw('syft/copyright/libaudit-common'))).toEqual(['GPL-2', 'LGPL-2.1']);
    const lzma = parseDebianCopyrightNames(raw('syft/copyright/liblzma5'));
    expect(lzma).toEqual(expect.arrayContaining(['GPL-2+', 'LGPL-2.1+', 'PD', 'permissive-fsf']));
    expect(lzma).not.toContain('none');
    expect(lzma).not.toContain('GPL-2.0-or-later');
    expect(new Set(lzma).size).toBe(lzma.length);
  });
});

const DEBOOTSTRAP = 'fixtures/rootfs/debootstrap';

describeShared('dpkg cataloger on the Ubuntu 20.04 debootstrap root (ground-truth/ubuntu-20.04-focal.dpkg.tsv)', () => {
  it('gives exactly the 91 ground-truth packages, with owned files from info/*.list', async () => {
    const view = await viewFromTarball(sharedPath(DEBOOTSTRAP, 'ubuntu-20.04-focal-minbase-amd64.rootfs.mini.tar.gz'), {
      requests: [...dpkgCataloger.requests, ...DISTRO_REQUESTS],
    });
    const distro = detectDistro(view);
    expect(distro).toMatchObject({ id: 'ubuntu', versionId: '20.04', versionCodename: 'focal' });
    const { packages, unknowns } = await dpkgCataloger.catalog({ view, distro, logger: silentLogger });
    expect(unknowns).toEqual([]);
    const got = packages.map((p) => [p.name, p.version, p.arch, p.source?.name, p.source?.version].join('\t')).sort();
    const want = readFileSync(sharedPath(DEBOOTSTRAP, 'ground-truth/ubuntu-20.04-focal.dpkg.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t').slice(0, 5).join('\t'))
      .sort();
    expect(want).toHaveLength(91);
    expect(got).toEqual(want);
    const bash = packages.find((p) => p.name === 'bash')!;
    expect(bash.purl).toBe(`pkg:deb/ubuntu/bash@${bash.version.replace('+', '%2B')}?arch=amd64&distro=ubuntu-20.04`);
    expect(bash.metadata?.files).toContain('/bin/bash');
    expect(bash.metadata?.files).not.toContain('/bin');
    expect(bash.locations.map((l) => l.path)).toEqual(['/var/lib/dpkg/status', '/var/lib/dpkg/info/bash.list']);
    expect(packages.every((p) => (p.metadata?.files as string[]).length > 0)).toBe(true);
    expect(packages.filter((p) => p.licenses.length > 0).length).toBeGreaterThan(0);
  });
});
