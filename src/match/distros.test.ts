import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectDistro, DISTRO_REQUESTS } from '../catalog/distro/detect.js';
import { viewFromDirectory } from '../image/directory.js';
import type { Finding } from '../model/finding.js';
import type { Distro, Package } from '../model/package.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { MemoryLookup } from '../vulndb/memory.js';
import { VulnerabilityDatabase, writeDatabase } from '../vulndb/store.js';
import type { OsvRecord } from '../vulndb/osv.js';
import { readJsonEntries } from '../vulndb/zip.js';
import { matchPackages } from './matcher.js';
import { bucketEcosystemsFor, distroEcosystems, MATCHED_DISTROS, targetFor } from './target.js';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: packages as the catalogers make them, records through MemoryLookup + matchPackages.

function pkg(type: Package['type'], name: string, version: string, extra: Partial<Package> = {}): Package {
  return { id: `${type}:${name}@${version}`, type, name, version, purl: `pkg:${type}/${name}@${version}`, licenses: [], locations: [{ path: `/x/${name}` }], foundBy: 'test', ...extra };
}

/** An rpm as the rpm cataloger makes it: version `[epoch:]version-release`, `metadata.epoch`, the source rpm's name and version (no epoch). */
function rpm(name: string, evr: string, source?: string, sourceVersion?: string): Package {
  const m = /^(\d+):(.*)$/.exec(evr);
  const vr = m ? m[2]! : evr;
  return pkg('rpm', name, evr, {
    ...(source ? { source: { name: source, version: sourceVersion ?? vr } } : {}),
    ...(m ? { metadata: { epoch: Number(m[1]) } } : {}),
  });
}

const deb = (name: string, version: string, source = name, sourceVersion = version): Package => pkg('deb', name, version, { source: { name: source, version: sourceVersion } });
const apk = (name: string, version: string, origin = name): Package => pkg('apk', name, version, { source: { name: origin, version } });

function match(records: OsvRecord[], packages: Package[], distro: Distro): Finding[] {
  return matchPackages(new MemoryLookup([{ id: 'test', kind: 'osv', records }]), packages, { distro }).findings;
}
/** The ids of the findings of each package, with their aliases: `{ 'krb5-libs': ['CVE-…', 'ALBA-…'] }`. */
function idsByPackage(findings: Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.packageName] ??= []).push(f.id, ...f.aliases);
  return out;
}

const fixed = (ecosystem: string, name: string, version: string, extra: Record<string, unknown> = {}) => ({
  package: { ecosystem, name },
  ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }],
  ...extra,
});
const notFixed = (ecosystem: string, name: string, extra: Record<string, unknown> = {}) => ({
  package: { ecosystem, name },
  ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
  ...extra,
});

function readVunnel(path: string): OsvRecord {
  return JSON.parse(readFileSync(sharedPath('vulndata/vunnel-provider-fixtures', path), 'utf8')) as OsvRecord;
}

// ---------------------------------------------------------------------------------------------------------------

describe('distro → ecosystems (the contract table)', () => {
  const eco = (d: Distro) => {
    const r = distroEcosystems(d);
    return 'ecosystems' in r ? r.ecosystems : r.reason;
  };

  it('every distro id with public data', () => {
    expect(eco({ id: 'debian', versionId: '12.7' })).toEqual(['Debian:12']);
    expect(eco({ id: 'debian', versionCodename: 'trixie' })).toEqual(['Debian:13']);
    expect(eco({ id: 'debian', versionCodename: 'sid' })).toMatch(/sid .* no release data/);
    expect(eco({ id: 'ubuntu', versionId: '22.04' })).toEqual(['Ubuntu:22.04']);
    expect(eco({ id: 'alpine', versionId: '3.20.3' })).toEqual(['Alpine:v3.20']);
    expect(eco({ id: 'alpine', versionId: '3.21.0_alpha20240606', versionCodename: 'edge' })).toEqual(['Alpine:edge']);
    expect(eco({ id: 'alpine', versionId: '3.21.0_alpha20240606' })).toEqual(['Alpine:edge']);
    expect(eco({ id: 'alpine', versionId: '3.21.0_rc1', versionCodename: 'v3.21' })).toEqual(['Alpine:v3.21']);
    expect(eco({ id: 'rhel', versionId: '9.4' })).toEqual(['Red Hat:9']);
    expect(eco({ id: 'centos', versionId: '7' })).toEqual(['Red Hat:7']);
    expect(eco({ id: 'almalinux', versionId: '9.6' })).toEqual(['AlmaLinux:9']);
    expect(eco({ id: 'rocky', versionId: '8.10' })).toEqual(['Rocky Linux:8']);
    expect(eco({ id: 'ol', versionId: '8.3' })).toEqual(['Oracle Linux:8']);
    expect(eco({ id: 'amzn', versionId: '2' })).toEqual(['Amazon Linux:2']);
    expect(eco({ id: 'amzn', versionId: '2023' })).toEqual(['Amazon Linux:2023']);
    expect(eco({ id: 'amzn', versionId: '2018.03' })).toMatch(/no advisory data/);
    expect(eco({ id: 'sles', versionId: '15.5' })).toEqual([
      'SUSE:SUSE Linux Enterprise Server 15 SP5',
      'SUSE:SUSE Linux Enterprise Server 15 SP5-LTSS',
      'SUSE:SUSE Linux Enterprise Module for Basesystem 15 SP5',
      'SUSE:SUSE Linux Enterprise Module for Server Applications 15 SP5',
    ]);
    expect(eco({ id: 'sles', versionId: '12.5' })).toEqual(['SUSE:SUSE Linux Enterprise Server 12 SP5', 'SUSE:SUSE Linux Enterprise Server 12 SP5-LTSS']);
    expect(eco({ id: 'sles_sap', versionId: '15.4' })[0]).toBe('SUSE:SUSE Linux Enterprise Server for SAP Applications 15 SP4');
    expect(eco({ id: 'sled', versionId: '15' })).toEqual([
      'SUSE:SUSE Linux Enterprise Desktop 15',
      'SUSE:SUSE Linux Enterprise Module for Basesystem 15',
      'SUSE:SUSE Linux Enterprise Module for Desktop Applications 15',
    ]);
    expect(eco({ id: 'opensuse-leap', versionId: '15.5' })).toEqual(['openSUSE:openSUSE Leap 15.5']);
    expect(eco({ id: 'opensuse-tumbleweed', versionId: '20240101' })).toEqual(['openSUSE:openSUSE Tumbleweed']);
    expect(eco({ id: 'photon', versionId: '4.0' })).toEqual(['Photon OS:4.0']);
    expect(eco({ id: 'mariner', versionId: '2.0' })).toEqual(['Azure Linux:2']);
    expect(eco({ id: 'azurelinux', versionId: '3.0' })).toEqual(['Azure Linux:3']);
    expect(eco({ id: 'wolfi', versionId: '20230201' })).toEqual(['Wolfi']);
    expect(eco({ id: 'chainguard' })).toEqual(['Chainguard']);
    expect(eco({ id: 'mageia', versionId: '9' })).toEqual(['Mageia:9']);
    // os-release of openEuler 22.03 LTS SP1: ID="openEuler", VERSION_ID="22.03", PRETTY_NAME="openEuler 22.03 (LTS-SP1)".
    expect(eco({ id: 'openeuler', versionId: '22.03', prettyName: 'openEuler 22.03 (LTS-SP1)' })).toEqual(['openEuler:22.03-LTS-SP1']);
    expect(eco({ id: 'openeuler', versionId: '24.03', prettyName: 'openEuler 24.03 (LTS)' })).toEqual(['openEuler:24.03-LTS']);
    expect(eco({ id: 'fedora', versionId: '40' })).toMatch(/no vulnerability data source is known for distro "fedora"/);
    expect([...MATCHED_DISTROS].sort()).toEqual(['almalinux', 'alpine', 'amzn', 'azurelinux', 'centos', 'chainguard', 'debian', 'mageia', 'mariner', 'ol', 'openeuler', 'opensuse-leap', 'opensuse-tumbleweed', 'photon', 'rhel', 'rocky', 'sled', 'sles', 'sles_sap', 'ubuntu', 'wolfi']);
  });

  it('db update fetches osv.dev buckets only for distros osv.dev publishes (not Amazon Linux, Oracle Linux)', () => {
    const p = [rpm('bash', '5.2.15-2.amzn2023.0.2'), pkg('npm', 'lodash', '4.17.20')];
    expect(bucketEcosystemsFor(p, { id: 'amzn', versionId: '2023' })).toEqual(['npm']);
    expect(bucketEcosystemsFor(p, { id: 'ol', versionId: '9' })).toEqual(['npm']);
    expect(bucketEcosystemsFor(p, { id: 'rhel', versionId: '9.4' })).toEqual(['Red Hat', 'npm']);
    expect(bucketEcosystemsFor(p, { id: 'sles', versionId: '15.5' })).toEqual(['SUSE', 'npm']);
  });

  it('an rpm is looked up by binary name with its full EVR and by source name with the binary\'s epoch', () => {
    const r = targetFor(rpm('openssl-libs', '1:3.0.7-27.el9', 'openssl'), { id: 'almalinux', versionId: '9.6' });
    expect('targets' in r && r.targets.map((t) => [t.ecosystem, t.name, t.version, t.binary])).toEqual([
      ['AlmaLinux:9', 'openssl-libs', '1:3.0.7-27.el9', undefined],
      ['AlmaLinux:9', 'openssl', '1:3.0.7-27.el9', 'openssl-libs'],
    ]);
    // The epoch from metadata when the version string has none.
    const m = targetFor(pkg('rpm', 'openssl-libs', '3.0.7-27.el9', { metadata: { epoch: 1 }, source: { name: 'openssl', version: '3.0.7-27.el9' } }), { id: 'rhel', versionId: '9' });
    expect('targets' in m && m.targets.map((t) => t.version)).toEqual(['1:3.0.7-27.el9', '1:3.0.7-27.el9']);
    // Same binary and source name: one lookup.
    const one = targetFor(rpm('krb5', '1.15.2-4.20', 'krb5'), { id: 'sles', versionId: '15' });
    expect('targets' in one && one.targets.map((t) => t.name)).toEqual(['krb5', 'krb5', 'krb5', 'krb5']);
  });
});

describeShared('distro detection from the real os-release files → ecosystems', () => {
  const FIXTURES = 'fixtures/catalogers/os-release/syft/os';
  const cases: [string, string[]][] = [
    ['alpine', ['Alpine:v3.11']],
    ['amazon', ['Amazon Linux:2']],
    ['centos', ['Red Hat:8']],
    ['debian/from-os-release', ['Debian:8']],
    ['debian/with-point-release', ['Debian:13']],
    ['redhat/from-os-release', ['Red Hat:7']],
    ['redhat/from-redhat-release', ['Red Hat:8']],
    ['ubuntu', ['Ubuntu:20.04']],
    ['oraclelinux', ['Oracle Linux:8']],
    ['opensuse-leap', ['openSUSE:openSUSE Leap 15.2']],
    ['sles', ['SUSE:SUSE Linux Enterprise Server 15 SP2', 'SUSE:SUSE Linux Enterprise Server 15 SP2-LTSS', 'SUSE:SUSE Linux Enterprise Module for Basesystem 15 SP2', 'SUSE:SUSE Linux Enterprise Module for Server Applications 15 SP2']],
    ['photon', ['Photon OS:2.0']],
    ['mariner', ['Azure Linux:1']],
    ['rockylinux/from-os-release', ['Rocky Linux:8']],
    ['almalinux/from-os-release', ['AlmaLinux:8']],
    ['wolfi', ['Wolfi']],
  ];
  it.each(cases)('%s', async (dir, want) => {
    const d = detectDistro(await viewFromDirectory(sharedPath(FIXTURES, dir), { requests: DISTRO_REQUESTS }));
    const r = distroEcosystems(d);
    expect('ecosystems' in r ? r.ecosystems : r.reason).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describeShared('Debian: DSA/DLA from osv Debian/all.zip, and osv.dev DEBIAN-CVE records merged with them', () => {
  let debian: OsvRecord[];
  beforeAll(() => {
    debian = readJsonEntries(readFileSync(sharedPath('vulndata/osv/Debian/all.zip')), 'Debian').map((e) => JSON.parse(e.text) as OsvRecord);
  });
  const bullseye = { id: 'debian', versionId: '11.6' };

  it('DSA-5379-1 (dino-im, one CVE): a binary of the source below the fix matches, at the fix it does not', () => {
    const dsa = debian.find((r) => r.id === 'DSA-5379-1')!;
    expect(dsa.affected![0]!.ranges![0]!.events).toEqual([{ introduced: '0' }, { fixed: '0.2.0-3+deb11u1' }]);
    const f = match(debian, [deb('dino-im', '0.2.0-3', 'dino-im'), deb('dino-im-common', '0.2.0-3+deb11u1', 'dino-im')], bullseye);
    expect(f.map((x) => [x.packageName, x.id, x.aliases])).toEqual([['dino-im', 'CVE-2023-28686', ['DSA-5379-1']]]);
  });

  it('a DEBIAN-CVE record (per CVE, no fix) and the DSA of the same CVE are one finding; an advisory of several CVEs joins the per-CVE findings', () => {
    // osv.dev's DEBIAN-CVE records: id DEBIAN-CVE-<cve>, `upstream: [<cve>]`, the release's source package.
    const debianCve = (cve: string, affected: object): OsvRecord => ({ id: `DEBIAN-CVE-${cve.slice(4)}`, modified: '2024-01-01T00:00:00Z', upstream: [cve], affected: [affected] as OsvRecord['affected'] });
    const records = [
      ...debian.filter((r) => r.id === 'DSA-5379-1' || r.id === 'DSA-4960-1'),
      debianCve('CVE-2023-28686', fixed('Debian:11', 'dino-im', '0.2.0-3+deb11u1')),
      debianCve('CVE-2021-39240', fixed('Debian:11', 'haproxy', '2.2.9-2+deb11u1')),
      debianCve('CVE-2021-39241', fixed('Debian:11', 'haproxy', '2.2.9-2+deb11u1')),
      debianCve('CVE-2024-0001', notFixed('Debian:11', 'haproxy')),
    ];
    const f = match(records, [deb('dino-im', '0.2.0-3'), deb('haproxy', '2.2.9-2')], bullseye);
    expect(f.map((x) => [x.packageName, x.id, x.fix.state, x.fix.versions])).toEqual([
      ['dino-im', 'CVE-2023-28686', 'fixed', ['0.2.0-3+deb11u1']],
      ['haproxy', 'CVE-2021-39240', 'fixed', ['2.2.9-2+deb11u1']],
      ['haproxy', 'CVE-2021-39241', 'fixed', ['2.2.9-2+deb11u1']],
      ['haproxy', 'CVE-2024-0001', 'not-fixed', []],
    ]);
    expect(f[0]!.aliases).toEqual(['DEBIAN-CVE-2023-28686', 'DSA-5379-1']);
    expect(f[1]!.aliases).toEqual(expect.arrayContaining(['DEBIAN-CVE-2021-39240', 'DSA-4960-1']));
    expect(f[1]!.matchedBy).toContain('DSA-4960-1');
    // Without per-CVE records the DSA of several CVEs stands alone.
    expect(match(records.slice(0, 2), [deb('haproxy', '2.2.9-2')], bullseye).map((x) => x.id)).toEqual(['DSA-4960-1']);
  });
});

describeShared('Ubuntu: vunnel ubuntu/osv (UBUNTU-CVE-2021-3782 and USN-5614-1), LTS and Pro ecosystems folded', () => {
  const records = () => [readVunnel('ubuntu/osv/cve/2021/UBUNTU-CVE-2021-3782.json'), readVunnel('ubuntu/osv/usn/USN-5614-1.json')];

  it('22.04: libwayland-client0 (source wayland) below 1.20.0-1ubuntu0.1 is one finding under the CVE', () => {
    const f = match(records(), [deb('libwayland-client0', '1.20.0-1', 'wayland'), deb('libwayland-server0', '1.20.0-1ubuntu0.1', 'wayland')], { id: 'ubuntu', versionId: '22.04' });
    expect(f.map((x) => [x.packageName, x.id, x.aliases, x.fix.versions])).toEqual([
      ['libwayland-client0', 'CVE-2021-3782', ['UBUNTU-CVE-2021-3782', 'USN-5614-1'], ['1.20.0-1ubuntu0.1']],
    ]);
  });

  it('16.04: the fix exists only under Ubuntu:Pro:16.04:LTS, and still applies to the release', () => {
    const f = match(records(), [deb('libwayland-client0', '1.12.0-1~ubuntu16.04.3', 'wayland')], { id: 'ubuntu', versionId: '16.04' });
    expect(f.map((x) => [x.id, x.fix.versions])).toEqual([['CVE-2021-3782', ['1.12.0-1~ubuntu16.04.3+esm1']]]);
  });
});

describeShared('Alpine: osv Alpine/all.zip; edge', () => {
  let alpine: OsvRecord[];
  beforeAll(() => {
    alpine = readJsonEntries(readFileSync(sharedPath('vulndata/osv/Alpine/all.zip')), 'Alpine').map((e) => JSON.parse(e.text) as OsvRecord);
  });

  it('ALPINE-CVE-2019-9956 (imagemagick, fixed 7.0.8.38-r0 on v3.11): a subpackage by origin, inside and at the fix', () => {
    const f = match(alpine, [apk('imagemagick-libs', '7.0.8.35-r0', 'imagemagick'), apk('imagemagick-c++', '7.0.8.38-r0', 'imagemagick')], { id: 'alpine', versionId: '3.11.6' });
    expect(idsByPackage(f)['imagemagick-libs']).toEqual(expect.arrayContaining(['CVE-2019-9956', 'ALPINE-CVE-2019-9956']));
    expect(idsByPackage(f)['imagemagick-c++']).not.toContain('CVE-2019-9956');
  });

  it('an edge image is matched against Alpine:edge only, never a release branch', () => {
    const edge = { id: 'alpine', versionId: '3.21.0_alpha20240606', versionCodename: 'edge' };
    expect(match(alpine, [apk('imagemagick', '7.0.8.35-r0')], edge)).toEqual([]);
    // A record in the contract's edge ecosystem (what an alpine-secdb import of the edge branch writes).
    const rec: OsvRecord = { id: 'ALPINE-CVE-2019-9956', modified: '2024-01-01T00:00:00Z', upstream: ['CVE-2019-9956'], affected: [fixed('Alpine:edge', 'imagemagick', '7.0.8.38-r0')] as OsvRecord['affected'] };
    expect(match([rec], [apk('imagemagick', '7.0.8.35-r0')], edge).map((x) => x.id)).toEqual(['CVE-2019-9956']);
  });
});

describeShared('AlmaLinux: vunnel alma (ALBA-2021:4378, ALSA-2023:5259) and the epoch rule', () => {
  const alma8 = { id: 'almalinux', versionId: '8.10' };

  it('krb5-libs (source krb5) is matched by its binary name: ALBA-2021:4378 names krb5-libs, fixed 1.18.2-14.el8', () => {
    const rec = readVunnel('alma/osv-database/advisories/almalinux8/ALBA-2021:4378.json');
    const f = match([rec], [rpm('krb5-libs', '1.18.2-13.el8', 'krb5'), rpm('krb5-workstation', '1.18.2-14.el8', 'krb5')], alma8);
    expect(f.map((x) => [x.packageName, x.id, x.fix.versions])).toEqual([['krb5-libs', 'ALBA-2021:4378', ['1.18.2-14.el8']]]);
    expect(f[0]!.matchedBy).toMatch(/^distro:AlmaLinux:8 via krb5-libs/);
  });

  it('mariadb with epoch 3 (ALSA-2023:5259 writes the epoch): below and at the fix', () => {
    const rec = readVunnel('alma/osv-database/advisories/almalinux8/ALSA-2023:5259.json');
    const f = match([rec], [rpm('mariadb', '3:10.3.35-1.module_el8.6.0+3106+7d0e8b6a', 'mariadb'), rpm('mariadb-server', '3:10.3.39-1.module_el8.8.0+3609+204d4ab0', 'mariadb')], alma8);
    expect(f.map((x) => [x.packageName, x.fix.versions])).toEqual([['mariadb', ['3:10.3.39-1.module_el8.8.0+3609+204d4ab0']]]);
  });

  it('openssl-libs 1:3.0.7-27.el9 vs a fix 1:3.0.7-28.el9 → affected; at the fixed version with epoch 1 vs a fix without epoch → not affected', () => {
    // ALSA-shaped records (AlmaLinux writes binary names; some advisories carry the epoch, some do not).
    const withEpoch: OsvRecord = { id: 'ALSA-TEST-1', modified: '2024-01-01T00:00:00Z', related: ['CVE-2023-5678'], affected: [fixed('AlmaLinux:9', 'openssl-libs', '1:3.0.7-28.el9')] as OsvRecord['affected'] };
    const noEpoch: OsvRecord = { id: 'ALSA-TEST-2', modified: '2024-01-01T00:00:00Z', related: ['CVE-2024-0727'], affected: [fixed('AlmaLinux:9', 'openssl-libs', '3.0.7-28.el9')] as OsvRecord['affected'] };
    const alma9 = { id: 'almalinux', versionId: '9.6' };
    expect(match([withEpoch], [rpm('openssl-libs', '1:3.0.7-27.el9', 'openssl')], alma9).map((x) => x.id)).toEqual(['ALSA-TEST-1']);
    expect(match([noEpoch], [rpm('openssl-libs', '1:3.0.7-28.el9', 'openssl')], alma9)).toEqual([]);
    expect(match([withEpoch], [rpm('openssl-libs', '1:3.0.7-28.el9', 'openssl')], alma9)).toEqual([]);
    expect(match([noEpoch], [rpm('openssl-libs', '1:3.0.7-27.el9', 'openssl')], alma9).map((x) => x.id)).toEqual(['ALSA-TEST-2']);
  });
});

describeShared('Rocky Linux: vunnel rocky RLSA-2021:3891 (java-11-openjdk, fixed 1:11.0.13.0.8-1.el8_4)', () => {
  const rec = () => readVunnel('rocky/osv/RLSA-2021_3891.json');
  const rocky8 = { id: 'rocky', versionId: '8.4' };

  it('java-11-openjdk-headless is matched through its source rpm, with the binary\'s epoch on the source version', () => {
    const f = match([rec()], [rpm('java-11-openjdk-headless', '1:11.0.12.0.7-0.el8_4', 'java-11-openjdk')], rocky8);
    expect(f.map((x) => [x.id, x.fix.versions])).toEqual([['RLSA-2021:3891', ['1:11.0.13.0.8-1.el8_4']]]);
    expect(f[0]!.matchedBy).toBe('distro:Rocky Linux:8 via source java-11-openjdk: RLSA-2021:3891 ECOSYSTEM [0, 1:11.0.13.0.8-1.el8_4)');
    // At the fix: the source rpm's version has no epoch, the binary's epoch makes it 1:11.0.13.0.8-1.el8_4.
    expect(match([rec()], [rpm('java-11-openjdk-headless', '1:11.0.13.0.8-1.el8_4', 'java-11-openjdk')], rocky8)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Native feeds: records in the contract's ecosystems, as the converters write them, with the values of the
// vunnel snapshots named in each test.

const native = (id: string, affected: object[], extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: affected as OsvRecord['affected'],
  ...extra,
});

describe('Red Hat (rhel, centos, UBI): native per-CVE records and osv.dev\'s CPE-stream records', () => {
  it('vunnel rhel:7/cve-2017-3509 (java-1.8.0-openjdk, fixed 1:1.8.0.131-2.b11.el7_3): the headless binary through its source', () => {
    const rec = native('CVE-2017-3509', [fixed('Red Hat:7', 'java-1.8.0-openjdk', '1:1.8.0.131-2.b11.el7_3')], { database_specific: { severity: 'Moderate' } });
    const f = match([rec], [rpm('java-1.8.0-openjdk-headless', '1:1.8.0.121-0.b13.el7_3', 'java-1.8.0-openjdk'), rpm('java-1.8.0-openjdk', '1:1.8.0.131-2.b11.el7_3', 'java-1.8.0-openjdk')], { id: 'centos', versionId: '7' });
    expect(f.map((x) => [x.packageName, x.id])).toEqual([['java-1.8.0-openjdk-headless', 'CVE-2017-3509']]);
  });

  it('krb5-libs through source krb5 (Red Hat names source rpms; the fix of RHBA-2021:4378, 1.18.2-14.el8, as vunnel alma ALBA-2021:4378 rebuilds it)', () => {
    const rec = native('RHBA-2021:4378', [fixed('Red Hat:8', 'krb5', '1.18.2-14.el8')]);
    const f = match([rec], [rpm('krb5-libs', '1.18.2-13.el8', 'krb5')], { id: 'rhel', versionId: '8.4' });
    expect(f.map((x) => [x.packageName, x.id, x.matchedBy])).toEqual([['krb5-libs', 'RHBA-2021:4378', 'distro:Red Hat:8 via source krb5: RHBA-2021:4378 ECOSYSTEM [0, 1.18.2-14.el8)']]);
  });

  it('one record found by the binary and by the source name counts once; two records of one CVE found by each are one finding', () => {
    const both = native('RHBA-2021:4378', [fixed('Red Hat:8', 'krb5', '1.18.2-14.el8'), fixed('Red Hat:8', 'krb5-libs', '1.18.2-14.el8')]);
    const f = match([both], [rpm('krb5-libs', '1.18.2-13.el8', 'krb5')], { id: 'rhel', versionId: '8.4' });
    expect(f).toHaveLength(1);
    expect(f[0]!.matchedBy).toBe('distro:Red Hat:8 via krb5-libs: RHBA-2021:4378 ECOSYSTEM [0, 1.18.2-14.el8)');
    const bin = native('RHSA-TEST-1', [fixed('Red Hat:8', 'krb5-libs', '1.18.2-14.el8')], { aliases: ['CVE-2021-0001'] });
    const src = native('RHSA-TEST-2', [fixed('Red Hat:8', 'krb5', '1.18.2-14.el8')], { aliases: ['CVE-2021-0001'] });
    const g = match([bin, src], [rpm('krb5-libs', '1.18.2-13.el8', 'krb5')], { id: 'rhel', versionId: '8.4' });
    expect(g.map((x) => [x.id, x.aliases])).toEqual([['CVE-2021-0001', ['RHSA-TEST-1', 'RHSA-TEST-2']]]);
    expect(g[0]!.matchedBy).toMatch(/^distro:Red Hat:8 via krb5-libs and distro:Red Hat:8 via source krb5: /);
  });

  it('vunnel rhel/csaf RHSA-2024:0811 (sudo) as osv.dev writes it: the main stream applies to RHEL 9.3, the EUS streams do not', () => {
    const rec = native('RHSA-2024:0811', [
      fixed('Red Hat:enterprise_linux:9::baseos', 'sudo', '0:1.9.5p2-10.el9_3'),
      fixed('Red Hat:rhel_eus:9.2::baseos', 'sudo', '0:1.9.5p2-9.el9_2.2'),
      fixed('Red Hat:rhel_eus:9.0::appstream', 'sudo', '0:1.9.5p2-7.el9_0.4'),
    ], { related: ['CVE-2023-28486', 'CVE-2023-28487', 'CVE-2023-42465'] });
    const ubi9 = { id: 'rhel', versionId: '9.3' };
    const f = match([rec], [rpm('sudo', '1.9.5p2-9.el9_2.2', 'sudo')], ubi9);
    expect(f.map((x) => [x.id, x.fix.versions])).toEqual([['RHSA-2024:0811', ['0:1.9.5p2-10.el9_3']]]);
    expect(match([rec], [rpm('sudo', '1.9.5p2-10.el9_3', 'sudo')], ubi9)).toEqual([]);
  });
});

describe('Oracle Linux and Amazon Linux (binary names)', () => {
  it('vunnel oracle ol:6/elsa-2018-4250 (kernel-uek, fixed 0:2.6.39-400.302.2.el6uek)', () => {
    const rec = native('ELSA-2018-4250', [fixed('Oracle Linux:6', 'kernel-uek', '0:2.6.39-400.302.2.el6uek')], { related: ['CVE-2018-13405', 'CVE-2018-7566'] });
    const f = match([rec], [rpm('kernel-uek', '2.6.39-400.302.1.el6uek', 'kernel-uek'), rpm('kernel-uek-devel', '2.6.39-400.302.1.el6uek', 'kernel-uek')], { id: 'ol', versionId: '6.10' });
    expect(f.map((x) => [x.packageName, x.id])).toEqual([
      ['kernel-uek', 'ELSA-2018-4250'],
      ['kernel-uek-devel', 'ELSA-2018-4250'],
    ]);
  });

  it('vunnel amazon amzn:2023/alas-2023-126 (device-mapper-multipath-libs, fixed 0.8.7-16.amzn2023.0.1)', () => {
    const rec = native('ALAS-2023-126', [fixed('Amazon Linux:2023', 'device-mapper-multipath-libs', '0.8.7-16.amzn2023.0.1'), fixed('Amazon Linux:2023', 'kpartx', '0.8.7-16.amzn2023.0.1')], {
      related: ['CVE-2022-3787', 'CVE-2022-41973', 'CVE-2022-41974'],
      database_specific: { severity: 'High' },
    });
    const f = match([rec], [rpm('device-mapper-multipath-libs', '0.8.7-12.amzn2023.0.1', 'device-mapper-multipath'), rpm('kpartx', '0.8.7-16.amzn2023.0.1', 'device-mapper-multipath')], { id: 'amzn', versionId: '2023' });
    expect(f.map((x) => [x.packageName, x.id])).toEqual([['device-mapper-multipath-libs', 'ALAS-2023-126']]);
  });
});

describe('SUSE and openSUSE (source rpm names with ecosystem_specific.binaries)', () => {
  // vunnel sles sles:15/cve-2010-1323: krb5 fixed 0:1.15.2-4.25, the binaries below; as osv.dev writes SUSE records.
  const binaries = ['krb5', 'krb5-32bit', 'krb5-client', 'krb5-devel', 'krb5-plugin-kdb-ldap', 'krb5-plugin-preauth-otp', 'krb5-plugin-preauth-pkinit', 'krb5-server'];
  const rec = native('CVE-2010-1323', [
    fixed('SUSE:Linux Enterprise Module for Basesystem 15', 'krb5', '1.15.2-4.25', { ecosystem_specific: { binaries: [Object.fromEntries(binaries.map((b) => [b, '1.15.2-4.25']))] } }),
    fixed('SUSE:Linux Enterprise Server 15', 'krb5', '1.15.2-4.25', { ecosystem_specific: { binaries: [Object.fromEntries(binaries.map((b) => [b, '1.15.2-4.25']))] } }),
  ], { database_specific: { severity: 'Medium' } });
  const sles15 = { id: 'sles', versionId: '15' };

  it('krb5-client through source krb5, once although the record names the product and its module', () => {
    const f = match([rec], [rpm('krb5-client', '1.15.2-4.20', 'krb5'), rpm('krb5', '1.15.2-4.25', 'krb5')], sles15);
    expect(f.map((x) => [x.packageName, x.id, x.fix.versions])).toEqual([['krb5-client', 'CVE-2010-1323', ['1.15.2-4.25']]]);
    expect(f[0]!.matchedBy.match(/CVE-2010-1323/g)).toHaveLength(1);
  });

  it('a binary of the same source that the record does not list is not matched through the source', () => {
    expect(match([rec], [rpm('krb5-doc', '1.15.2-4.20', 'krb5')], sles15)).toEqual([]);
  });

  it('openSUSE Leap 15.2 (the os-release of the shared fixture) against an openSUSE:Leap 15.2 record', () => {
    const leap = native('openSUSE-SU-2021:0001-1', [fixed('openSUSE:Leap 15.2', 'krb5', '1.16.3-lp152.5.13.1')]);
    expect(match([leap], [rpm('krb5', '1.16.3-lp152.5.10.1', 'krb5')], { id: 'opensuse-leap', versionId: '15.2' }).map((x) => x.id)).toEqual(['openSUSE-SU-2021:0001-1']);
  });
});

describe('Photon OS and Azure Linux (per-CVE feeds)', () => {
  it('vunnel photon photon:4.0/CVE-2023-38545 (curl, fixed 7.88.1-4.ph4, PHSA-2023-4.0-0500): curl-libs through source curl', () => {
    const rec = native('CVE-2023-38545', [fixed('Photon OS:4.0', 'curl', '7.88.1-4.ph4')], {
      database_specific: { severity: 'Critical' },
      references: [{ type: 'ADVISORY', url: 'https://github.com/vmware/photon/wiki/Security-Update-4.0-500' }],
    });
    const f = match([rec], [rpm('curl-libs', '7.88.1-3.ph4', 'curl')], { id: 'photon', versionId: '4.0' });
    expect(f.map((x) => [x.packageName, x.id])).toEqual([['curl-libs', 'CVE-2023-38545']]);
  });

  it('vunnel mariner mariner:2.0/CVE-2022-3736 (bind, no fix) on CBL-Mariner 2.0', () => {
    const rec = native('CVE-2022-3736', [notFixed('Azure Linux:2', 'bind', { database_specific: { fix_state: 'not-fixed' } })]);
    const f = match([rec], [rpm('bind-libs', '9.16.33-1.cm2', 'bind')], { id: 'mariner', versionId: '2.0' });
    expect(f.map((x) => [x.packageName, x.id, x.fix.state])).toEqual([['bind-libs', 'CVE-2022-3736', 'not-fixed']]);
  });

  it('vunnel mariner azure-linux-truncated-3.0-oval.xml CVE-2024-24258 (freeglut < 0:3.4.0-1.azl3) on Azure Linux 3.0', () => {
    const rec = native('CVE-2024-24258', [fixed('Azure Linux:3', 'freeglut', '0:3.4.0-1.azl3')]);
    const az3 = { id: 'azurelinux', versionId: '3.0' };
    expect(match([rec], [rpm('freeglut', '3.2.2-1.azl3', 'freeglut')], az3).map((x) => x.id)).toEqual(['CVE-2024-24258']);
    expect(match([rec], [rpm('freeglut', '3.4.0-1.azl3', 'freeglut')], az3)).toEqual([]);
  });
});

describeShared('Wolfi and Chainguard: vunnel chainguard/input/osv CGA-224q-ccj5-2p53', () => {
  const rec = () => readVunnel('chainguard/input/osv/CGA-224q-ccj5-2p53.json');

  it('haproxy-2.2 on Chainguard (fixed 2.2.34-r0) and haproxy-3.0 on Wolfi (fixed 3.0.10-r0), each only in its own ecosystem', () => {
    const cg = match([rec()], [apk('haproxy-2.2', '2.2.33-r0'), apk('haproxy-3.0', '3.0.9-r0')], { id: 'chainguard' });
    // Two `upstream` ids: the finding keeps the CGA id and lists them.
    expect(cg.map((x) => [x.packageName, x.id, x.aliases])).toEqual([['haproxy-2.2', 'CGA-224q-ccj5-2p53', ['CVE-2025-32464', 'GHSA-frg5-h47x-75j9']]]);
    const wolfi = match([rec()], [apk('haproxy-2.2', '2.2.33-r0'), apk('haproxy-3.0', '3.0.9-r0'), apk('haproxy-3.1', '3.1.7-r0')], { id: 'wolfi', versionId: '20230201' });
    expect(wolfi.map((x) => [x.packageName, x.id])).toEqual([['haproxy-3.0', 'CGA-224q-ccj5-2p53']]);
  });
});

describe('Mageia and openEuler (osv.dev ecosystems; no snapshot in ../shared, so records in the contract\'s shape)', () => {
  it('Mageia 9: a source-named MGASA record matches a binary of that source', () => {
    const rec = native('MGASA-2024-0001', [fixed('Mageia:9', 'curl', '8.4.0-1.1.mga9')], { related: ['CVE-2023-38545'] });
    expect(match([rec], [rpm('lib64curl4', '8.3.0-1.mga9', 'curl')], { id: 'mageia', versionId: '9' }).map((x) => x.id)).toEqual(['MGASA-2024-0001']);
  });

  it('openEuler 22.03 LTS SP1: the ecosystem carries the LTS-SP qualifier from PRETTY_NAME', () => {
    const rec = native('OESA-2024-0001', [fixed('openEuler:22.03-LTS-SP1', 'openssl', '1:1.1.1m-23.oe2203sp1')]);
    const f = match([rec], [rpm('openssl-libs', '1:1.1.1m-22.oe2203sp1', 'openssl')], { id: 'openeuler', versionId: '22.03', prettyName: 'openEuler 22.03 (LTS-SP1)' });
    expect(f.map((x) => [x.packageName, x.id])).toEqual([['openssl-libs', 'OESA-2024-0001']]);
  });
});

describe('through the real database (records parsed per lookup): the same record found twice still counts once', () => {
  it('SUSE product + module entries and a binary + source lookup of one record: one finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-distros-'));
    try {
      const rec = native('SUSE-SU-TEST:1', [
        fixed('SUSE:Linux Enterprise Server 15 SP5', 'krb5', '1.20.1-150500.3.9.1', { ecosystem_specific: { binaries: [{ 'krb5-client': '1.20.1-150500.3.9.1' }] } }),
        fixed('SUSE:Linux Enterprise Module for Basesystem 15 SP5', 'krb5', '1.20.1-150500.3.9.1', { ecosystem_specific: { binaries: [{ 'krb5-client': '1.20.1-150500.3.9.1' }] } }),
        fixed('SUSE:Linux Enterprise Module for Basesystem 15 SP5', 'krb5-client', '1.20.1-150500.3.9.1'),
      ], { aliases: ['CVE-2024-26458'] });
      writeDatabase(dir, [{ id: 'osv-local:test', provider: 'osv-local', kind: 'osv', location: 'test', fetchedAt: '2024-01-01T00:00:00Z', notModified: false, records: [rec], skipped: [] }], new Date('2024-01-02T00:00:00Z'));
      const db = VulnerabilityDatabase.open(dir);
      try {
        const r = matchPackages(db, [rpm('krb5-client', '1.20.1-150500.3.3.1', 'krb5')], { distro: { id: 'sles', versionId: '15.5' } });
        expect(r.findings.map((f) => [f.id, f.aliases])).toEqual([['CVE-2024-26458', ['SUSE-SU-TEST:1']]]);
        expect(r.findings[0]!.matchedBy.match(/SUSE-SU-TEST:1/g)).toHaveLength(1);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
