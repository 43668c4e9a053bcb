import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneLayerView } from '../../../test/helpers/one-layer-view.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import type { FileRequest } from '../../image/file-request.js';
import type { FileView } from '../../image/file-view.js';
import { silentLogger } from '../../common/logger.js';
import { BdbError, readBdbHashValues } from './bdb.js';
import { readDatabase, parseSourceRpm, rpmCataloger, rpmPurl } from './cataloger.js';
import { readRpmPackage, rpmVersionString } from './header.js';
import { parseRpmManifest, rpmManifestCataloger } from './manifest.js';
import { SqliteError, SqliteFile } from './sqlite.js';

const FIX = 'fixtures/catalogers/redhat';
const bytes = (...p: string[]) => readFileSync(sharedPath(FIX, ...p));

/** A one-layer image holding real fixture databases at the paths rpm uses. */
function imageWith(files: Record<string, Buffer>, requests: readonly FileRequest[] = rpmCataloger.requests): FileView {
  return oneLayerView(files, requests);
}

function tsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(sharedPath(FIX, path), 'utf8').trimEnd().split('\n');
  const cols = head!.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i]!, v])));
}

const qa = (infos: { epoch?: number; name: string; version: string; release: string; arch?: string; sourceRpm?: string; license?: string }[], epochNone: string) =>
  infos.map((p) => [p.epoch === undefined ? epochNone : String(p.epoch), p.name, p.version, p.release, p.arch, p.sourceRpm, p.license].join('\t')).sort();

describeShared('rpm databases (redhat/EXPECTED.md)', () => {
  it('BerkeleyDB syft/Packages: exactly dive 0.9.2-1', () => {
    const { infos, errors } = readDatabase(bytes('syft/Packages'));
    expect(errors).toEqual([]);
    expect(infos.map((p) => [p.name, rpmVersionString(p), p.epoch, p.arch, p.sourceRpm, p.license])).toEqual([
      ['dive', '0.9.2-1', undefined, 'x86_64', 'dive-0.9.2-1.src.rpm', 'MIT'],
    ]);
    expect(rpmPurl(infos[0]!, undefined)).toBe('pkg:rpm/dive@0.9.2-1?arch=x86_64&upstream=dive-0.9.2-1.src.rpm');
  });

  it('BerkeleyDB go-rpmdb/libuuid: equals expected-rpm-qa.tsv, with vendor, size and SigMD5', () => {
    const { infos, errors } = readDatabase(bytes('go-rpmdb/libuuid/Packages'));
    expect(errors).toEqual([]);
    const want = tsv('go-rpmdb/libuuid/expected-rpm-qa.tsv').map((r) => Object.values(r).join('\t'));
    expect(qa(infos, '(none)')).toEqual(want);
    expect(infos[0]).toMatchObject({ vendor: 'Red Hat, Inc.', size: 35104, sigMd5: 'c1e561f13d39aee443a1f00258fba000' });
    expect(infos[0]!.files.every((f) => f.startsWith('/'))).toBe(true);
  });

  it('BerkeleyDB osv-scalibr/Packages_epoch: hello with epoch 1', () => {
    const { infos } = readDatabase(bytes('osv-scalibr/Packages_epoch'));
    expect(infos.map((p) => [p.name, p.epoch, rpmVersionString(p), p.arch, p.sourceRpm])).toEqual([['hello', 1, '1:0.0.1-rls', 'x86_64', 'hello-0.0.1-rls.src.rpm']]);
    expect(rpmPurl(infos[0]!, { id: 'fedora', versionId: '32' })).toBe(
      'pkg:rpm/fedora/hello@0.0.1-rls?arch=x86_64&distro=fedora-32&epoch=1&upstream=hello-0.0.1-rls.src.rpm',
    );
  });

  it('SQLite go-rpmdb/cbl-mariner-2.0: all 129 packages equal expected-rpm-qa.tsv', () => {
    const { infos, errors } = readDatabase(bytes('go-rpmdb/cbl-mariner-2.0/rpmdb.sqlite'));
    expect(errors).toEqual([]);
    const want = tsv('go-rpmdb/cbl-mariner-2.0/expected-rpm-qa.tsv').map((r) => Object.values(r).join('\t')).sort();
    expect(want).toHaveLength(129);
    expect(qa(infos, '(none)')).toEqual(want);
    const curl = infos.find((p) => p.name === 'curl')!;
    expect(curl).toMatchObject({ version: '7.76.0', release: '6.cm2', size: 326023, license: 'MIT', vendor: 'Microsoft Corporation', sigMd5: 'b5f5369ae91df3672fa3338669ec5ca2' });
    expect(infos.filter((p) => p.epoch === 1).map((p) => p.name).every((n) => n.startsWith('ca-certificates'))).toBe(true);
    expect(infos.filter((p) => p.epoch === 1)).toHaveLength(3);
  });

  it('ndb go-rpmdb/sle15-bci: all 35 packages equal expected-rpm-qa.tsv, vendor and SigMD5 included', () => {
    const { infos, errors } = readDatabase(bytes('go-rpmdb/sle15-bci/Packages.db'));
    expect(errors).toEqual([]);
    const rows = tsv('go-rpmdb/sle15-bci/expected-rpm-qa.tsv');
    expect(rows).toHaveLength(35);
    const got = infos.map((p) => [p.epoch ?? '', p.name, p.version, p.release, p.arch, p.sourceRpm, p.size, p.license, p.vendor, p.summary, p.sigMd5].join('\t')).sort();
    expect(got).toEqual(rows.map((r) => Object.values(r).join('\t')).sort());
  });

  it('the raw header blob parses; corrupt input is an error, never a throw', () => {
    const blob = readRpmPackage(bytes('go-rpmdb/blob.bin'));
    expect([blob.name, rpmVersionString(blob), blob.arch]).toEqual(['publicsuffix-list-dafsa', '20210518-2.fc35', 'noarch']);
    expect(readDatabase(bytes('syft/bad/bad.rpm')).errors).toEqual(['not an rpm database: neither BerkeleyDB hash, SQLite nor ndb']);
    const truncated = bytes('go-rpmdb/libuuid/Packages').subarray(0, 8192);
    expect(readDatabase(truncated).errors[0]).toMatch(/^unreadable rpm database: truncated/);
    expect(() => readBdbHashValues(Buffer.alloc(600))).toThrow(BdbError);
    const sqlite = Buffer.from(bytes('go-rpmdb/cbl-mariner-2.0/rpmdb.sqlite').subarray(0, 4096 * 3));
    expect(readDatabase(sqlite).errors[0]).toMatch(/^unreadable rpm database: page \d+ is outside/);
    expect(() => new SqliteFile(Buffer.alloc(200))).toThrow(SqliteError);
  });
});

describeShared('rpm cataloger', () => {
  it('catalogs a real sqlite database at /usr/lib/sysimage/rpm, with provenance and owned files', async () => {
    const view = imageWith({ '/usr/lib/sysimage/rpm/rpmdb.sqlite': bytes('go-rpmdb/cbl-mariner-2.0/rpmdb.sqlite') });
    const { packages, unknowns } = await rpmCataloger.catalog({ view, distro: { id: 'mariner', versionId: '2.0' }, logger: silentLogger });
    expect(unknowns).toEqual([]);
    expect(packages).toHaveLength(129);
    const curl = packages.find((p) => p.name === 'curl')!;
    expect(curl).toMatchObject({
      id: 'rpm:curl@7.76.0-6.cm2:/usr/lib/sysimage/rpm/rpmdb.sqlite',
      type: 'rpm',
      version: '7.76.0-6.cm2',
      arch: 'x86_64',
      licenses: ['MIT'],
      foundBy: 'rpm/db',
      source: { name: 'curl', version: '7.76.0-6.cm2' },
      purl: 'pkg:rpm/mariner/curl@7.76.0-6.cm2?arch=x86_64&distro=mariner-2.0&upstream=curl-7.76.0-6.cm2.src.rpm',
    });
    expect(curl.locations).toEqual([{ path: '/usr/lib/sysimage/rpm/rpmdb.sqlite', provenance: { layerIndex: 0, layerDigest: 'sha256:test', diffId: 'sha256:diff' } }]);
    expect(curl.metadata?.files).toContain('/usr/bin/curl');
    expect(curl.metadata?.files).not.toContain('/usr/bin');
    const ca = packages.find((p) => p.name.startsWith('ca-certificates') && p.metadata?.epoch === 1)!;
    expect(ca.version.startsWith('1:')).toBe(true);
    expect(ca.purl).toMatch(/&epoch=1&/);
  });

  it('reads each directory once, preferring sqlite over a left-over Packages, and reports a corrupt one', async () => {
    const view = imageWith({
      '/var/lib/rpm/rpmdb.sqlite': bytes('go-rpmdb/cbl-mariner-2.0/rpmdb.sqlite'),
      '/var/lib/rpm/Packages': bytes('syft/Packages'),
      '/usr/share/rpm/Packages': bytes('syft/bad/bad.rpm'),
    });
    const { packages, unknowns } = await rpmCataloger.catalog({ view, logger: silentLogger });
    expect(packages).toHaveLength(129);
    expect(packages.some((p) => p.name === 'dive')).toBe(false);
    expect(unknowns).toEqual([
      { stage: 'rpm/db', path: '/usr/share/rpm/Packages', reason: 'not an rpm database: neither BerkeleyDB hash, SQLite nor ndb', layerDigest: 'sha256:test', packageDatabase: 'rpm' },
    ]);
  });

  it('glob-paths: the database paths are discovered; their placeholder contents are unknowns', async () => {
    const view = await viewFromDirectory(sharedPath(FIX, 'syft/glob-paths'), { requests: rpmCataloger.requests });
    const { packages, unknowns } = await rpmCataloger.catalog({ view, logger: silentLogger });
    expect(packages).toEqual([]);
    expect(unknowns.map((u) => u.path)).toEqual(['/var/lib/rpm/rpmdb.sqlite', '/usr/lib/sysimage/rpm/rpmdb.sqlite', '/usr/share/rpm/rpmdb.sqlite']);
  });
});

describe('rpm helpers', () => {
  it('splits a source rpm name', () => {
    expect(parseSourceRpm('util-linux-2.32.1-42.el8_8.src.rpm')).toEqual({ name: 'util-linux', version: '2.32.1-42.el8_8' });
    expect(parseSourceRpm('vim-9.0-1.cm2.src.rpm')).toEqual({ name: 'vim', version: '9.0-1.cm2' });
    expect(parseSourceRpm('garbage')).toBeUndefined();
  });

  it('prints epoch 0 and omits a missing epoch', () => {
    expect(rpmVersionString({ epoch: 0, version: '1', release: '2' })).toBe('0:1-2');
    expect(rpmVersionString({ version: '1', release: '2' })).toBe('1-2');
  });
});

describeShared('rpm manifest (CBL-Mariner distroless)', () => {
  it('syft/container-manifest-2: five packages, vim with epoch 2', () => {
    const { infos, errors } = parseRpmManifest(readFileSync(sharedPath(FIX, 'syft/container-manifest-2'), 'utf8'));
    expect(errors).toEqual([]);
    expect(infos.map((p) => [p.name, rpmVersionString(p), p.arch])).toEqual([
      ['mariner-release', '2.0-12.cm2', 'noarch'],
      ['filesystem', '1.1-9.cm2', 'x86_64'],
      ['glibc', '2.35-2.cm2', 'x86_64'],
      ['openssl-libs', '1.1.1k-15.cm2', 'x86_64'],
      ['vim', '2:9.0-1.cm2', 'x86_64'],
    ]);
    expect(infos[3]!.sourceRpm).toBe('openssl-1.1.1k-15.cm2.src.rpm');
    expect(rpmPurl(infos[4]!, undefined)).toBe('pkg:rpm/vim@9.0-1.cm2?arch=x86_64&epoch=2&upstream=vim-9.0-1.cm2.src.rpm');
  });

  it('epoch rules and errors', () => {
    const line = (epoch: string, vr = '1.0-1') => `p\t${vr}\t0\t0\tV\t${epoch}\t1\tx86_64\t0\tp-1.0-1.src.rpm`;
    expect(parseRpmManifest(line('(none)')).infos[0]!.epoch).toBeUndefined();
    expect(parseRpmManifest(line('0')).infos[0]!.epoch).toBe(0);
    expect(parseRpmManifest(line('x')).infos[0]!.epoch).toBeUndefined();
    expect(parseRpmManifest('p\t1.0').errors[0]).toMatch(/2 fields/);
    expect(parseRpmManifest(line('0', '1.0')).errors[0]).toMatch(/no release/);
  });

  it('the cataloger reads the manifest only where there is no rpm database', async () => {
    const manifest = bytes('syft/container-manifest-2');
    const alone = await rpmManifestCataloger.catalog({ view: imageWith({ '/var/lib/rpmmanifest/container-manifest-2': manifest }, rpmManifestCataloger.requests), logger: silentLogger });
    expect(alone.packages.map((p) => p.name)).toEqual(['mariner-release', 'filesystem', 'glibc', 'openssl-libs', 'vim']);
    expect(alone.packages[4]).toMatchObject({ version: '2:9.0-1.cm2', foundBy: 'rpm/manifest', source: { name: 'vim', version: '9.0-1.cm2' } });
    const both = await rpmManifestCataloger.catalog({
      view: imageWith({ '/var/lib/rpmmanifest/container-manifest-2': manifest, '/var/lib/rpm/Packages': bytes('syft/Packages') }, rpmManifestCataloger.requests),
      logger: silentLogger,
    });
    expect(both.packages).toEqual([]);
  });
});
