import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedEntries, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { viewFromTarball } from '../../image/tarball.js';
import { silentLogger } from '../../common/logger.js';
import { DISTRO_REQUESTS, detectDistro } from '../distro/detect.js';
import { apkCataloger, apkPurl } from './cataloger.js';
import { apkLicenses, parseApkDb, resolveApkDependencies } from './parse.js';

const FIX = 'fixtures/catalogers/alpine';
const raw = (...p: string[]) => readFileSync(sharedPath(FIX, ...p), 'utf8');

async function catalogDir(dir: string) {
  const view = await viewFromDirectory(sharedPath(FIX, dir), { requests: apkCataloger.requests });
  return apkCataloger.catalog({ view, logger: silentLogger });
}

describeShared('apk database parser on the syft and osv-scalibr fixtures (alpine/EXPECTED.md)', () => {
  it('syft/single: musl-utils with every field', () => {
    const { records, errors } = parseApkDb(raw('syft/single'));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r).toMatchObject({ name: 'musl-utils', version: '1.1.24-r2', origin: 'musl', arch: 'x86_64', size: 37944, installedSize: 151552 });
    expect(r.checksum).toBe('Q1bTtF5526tETKfL+lnigzIDvm+2o=');
    expect(apkLicenses(r.license)).toEqual(['MIT', 'BSD', 'GPL2+']);
    expect(r.depends).toEqual(['scanelf', 'so:libc.musl-x86_64.so.1']);
    expect(r.provides).toEqual(['cmd:getconf', 'cmd:getent', 'cmd:iconv', 'cmd:ldconfig', 'cmd:ldd']);
    expect(r.files).toEqual(['/sbin/ldconfig', '/usr/bin/iconv', '/usr/bin/ldd', '/usr/bin/getconf', '/usr/bin/getent']);
  });

  it('syft/empty-deps-and-provides: empty D: and p: give empty lists', () => {
    const r = parseApkDb(raw('syft/empty-deps-and-provides')).records;
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ name: 'alpine-baselayout-data', version: '3.4.0-r0', origin: 'alpine-baselayout', depends: [], provides: [] });
  });

  it('syft/base and syft/extra-file-attributes', () => {
    const base = parseApkDb(raw('syft/base')).records;
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ name: 'alpine-baselayout', version: '3.2.0-r6', license: 'GPL-2.0-only', maintainer: 'Natanael Copa <ncopa@alpinelinux.org>' });
    expect(base[0]!.files.length).toBeGreaterThan(10);
    const extra = parseApkDb(raw('syft/extra-file-attributes'));
    expect(extra.errors).toEqual([]);
    expect(extra.records.map((r) => r.name)).toEqual(['openjdk8-jre']);
    expect(extra.records[0]!.files).toEqual(['/usr/lib/jvm/java-1.8-openjdk/bin/policytool']);
  });

  it('syft/multiple-1: four packages and their dependency edges', () => {
    const { records } = parseApkDb(raw('syft/multiple-1/lib/apk/db/installed'));
    expect(records.map((r) => `${r.name} ${r.version}`)).toEqual(['bash 5.2.21-r0', 'busybox-binsh 1.36.1-r15', 'musl 1.2.4_git20230717-r4', 'readline 8.2.1-r2']);
    expect(records[1]!.origin).toBe('busybox');
    const deps = resolveApkDependencies(records);
    expect(deps.get('bash')).toEqual(['busybox-binsh', 'musl', 'readline']);
    expect(deps.get('readline')).toEqual(['musl']);
  });

  it('syft/multiple-2: the dependency map of a 14-package base image', () => {
    const { records } = parseApkDb(raw('syft/multiple-2/lib/apk/db/installed'));
    expect(records).toHaveLength(14);
    const deps = Object.fromEntries([...resolveApkDependencies(records)].filter(([, d]) => d.length > 0));
    const sorted = (a: string[]) => [...a].sort();
    expect(deps).toEqual({
      'alpine-baselayout': sorted(['busybox', 'alpine-baselayout-data', 'musl']),
      'apk-tools': sorted(['ca-certificates-bundle', 'musl', 'libcrypto1.1', 'libssl1.1', 'zlib']),
      busybox: ['musl'],
      'libc-utils': ['musl-utils'],
      'libcrypto1.1': ['musl'],
      'libssl1.1': sorted(['musl', 'libcrypto1.1']),
      'musl-utils': sorted(['scanelf', 'musl']),
      scanelf: ['musl'],
      ssl_client: sorted(['musl', 'libcrypto1.1', 'libssl1.1']),
      zlib: ['musl'],
    });
  });

  it('osv-scalibr: installed (15), no-origin, different-arch, empty, invalid', () => {
    const installed = parseApkDb(raw('osv-scalibr/installed'));
    expect(installed.errors).toEqual([]);
    expect(installed.records).toHaveLength(15);
    expect(installed.records.every((r) => r.name && r.version)).toBe(true);
    const noOrigin = parseApkDb(raw('osv-scalibr/no-origin')).records;
    expect(noOrigin).toHaveLength(1);
    expect(noOrigin[0]!.origin).toBeUndefined();
    expect(parseApkDb(raw('osv-scalibr/different-arch')).records).toHaveLength(1);
    expect(parseApkDb(raw('osv-scalibr/single')).records).toHaveLength(1);
    expect(parseApkDb(raw('osv-scalibr/empty'))).toEqual({ records: [], errors: [] });
    const invalid = parseApkDb(raw('osv-scalibr/invalid'));
    expect(invalid.records).toEqual([]);
    expect(invalid.errors.length).toBeGreaterThan(0);
  });
});

describeShared('apk cataloger on fixture trees', () => {
  it('catalogs syft/multiple-1 with locations, purls and owned files', async () => {
    const { packages, unknowns } = await catalogDir('syft/multiple-1');
    expect(unknowns).toEqual([]);
    expect(packages.map((p) => p.purl)).toEqual([
      'pkg:apk/bash@5.2.21-r0?arch=x86_64',
      'pkg:apk/busybox-binsh@1.36.1-r15?arch=x86_64&upstream=busybox',
      'pkg:apk/musl@1.2.4_git20230717-r4?arch=x86_64',
      'pkg:apk/readline@8.2.1-r2?arch=x86_64',
    ]);
    const binsh = packages[1]!;
    expect(binsh).toMatchObject({ type: 'apk', foundBy: 'apk/installed', source: { name: 'busybox', version: '1.36.1-r15' }, licenses: ['GPL-2.0-only'] });
    expect(binsh.locations).toEqual([{ path: '/lib/apk/db/installed', provenance: { layerIndex: 0, layerDigest: '', diffId: '' } }]);
    expect(binsh.metadata?.files).toEqual(['/bin/sh']);
    expect(packages[0]!.metadata?.dependsOn).toEqual(['busybox-binsh', 'musl', 'readline']);
  });

  it('a corrupt database is an unknown with its reason; the stanza after the garbage is kept', async () => {
    const { packages, unknowns } = await catalogDir('syft/corrupt');
    expect(packages.map((p) => `${p.name} ${p.version}`)).toEqual(['alpine-baselayout-data 3.2.0-r22']);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]).toMatchObject({ stage: 'apk/installed', path: '/lib/apk/db/installed' });
    expect(unknowns[0]!.reason).toMatch(/malformed apk database: line 1 is not a "X:value" field/);
  });

  it('glob-paths: the database path is discovered (its placeholder content is an unknown); no database gives nothing', async () => {
    const found = await catalogDir('syft/glob-paths');
    expect(found.packages).toEqual([]);
    expect(found.unknowns.map((u) => u.reason)).toEqual(['malformed apk database: line 1 is not a "X:value" field: "bogus db contents"']);
    const none = await catalogDir('syft/single/..');
    expect(none).toEqual({ packages: [], unknowns: [] });
  });
});

describe('apk purl rules (package_test.go)', () => {
  it('namespace is the distro id, upstream only when the origin differs, arch omitted when missing', () => {
    expect(apkPurl({ name: 'musl', version: '1.2.5-r0', arch: 'x86_64', origin: 'musl' }, { id: 'alpine', versionId: '3.20.3' })).toBe(
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3',
    );
    expect(apkPurl({ name: 'p', version: 'v', arch: 'a' }, { id: 'wolfi', versionId: '20221230' })).toBe('pkg:apk/wolfi/p@v?arch=a&distro=wolfi-20221230');
    expect(apkPurl({ name: 'g++', version: '1', origin: 'gcc' }, { id: 'alpine', versionId: '3.20.3' })).toBe(
      'pkg:apk/alpine/g%2B%2B@1?distro=alpine-3.20.3&upstream=gcc',
    );
  });
});

const ROOTFS = 'fixtures/rootfs/alpine';

describeShared('apk cataloger on the Alpine minirootfs tarballs (ground-truth/*.apk.tsv)', () => {
  const tarballs = sharedEntries(() => readdirSync(sharedPath(ROOTFS)).filter((f) => f.endsWith('.tar.gz')));

  it('has the four tarballs', () => {
    expect(tarballs).toHaveLength(4);
  });

  it.each(tarballs)('%s equals its ground truth', async (tarball) => {
    const view = await viewFromTarball(sharedPath(ROOTFS, tarball), { requests: [...apkCataloger.requests, ...DISTRO_REQUESTS] });
    const distro = detectDistro(view);
    expect(distro?.id).toBe('alpine');
    const version = /minirootfs-([\d.]+)-/.exec(tarball)![1]!;
    expect(distro?.versionId).toBe(version);
    const { packages, unknowns } = await apkCataloger.catalog({ view, distro, logger: silentLogger });
    expect(unknowns).toEqual([]);
    const got = packages.map((p) => [p.name, p.version, p.source?.name ?? '', p.arch ?? '', String(p.metadata?.license ?? '')].join('\t')).sort();
    const want = readFileSync(sharedPath(ROOTFS, 'ground-truth', tarball.replace(/\.tar\.gz$/, '.apk.tsv')), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .sort();
    expect(got).toEqual(want);
    const musl = packages.find((p) => p.name === 'musl')!;
    expect(musl.purl).toBe(`pkg:apk/alpine/musl@${musl.version}?arch=${musl.arch}&distro=alpine-${version}`);
    expect(musl.locations[0]!.provenance?.diffId).toMatch(/^sha256:/);
    expect((musl.metadata?.files as string[]).some((f) => f.startsWith('/lib/ld-musl-'))).toBe(true);
  });
});
