import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import {
  BusyboxBannerSink,
  DISTRO_REQUESTS,
  detectDistro,
  distroQualifier,
  parseOsRelease,
  parseRedhatRelease,
  parseSystemReleaseCpe,
  refineAlpineBranch,
} from './detect.js';

const FIXTURES = 'fixtures/catalogers/os-release/syft';

async function detect(dir: string) {
  return detectDistro(await viewFromDirectory(sharedPath(FIXTURES, dir), { requests: DISTRO_REQUESTS }));
}

/** Every row of os-release/EXPECTED.md: fixture → [ID, VERSION_ID, and one more field that the table names]. */
const EXPECTED: [string, string | undefined, string | undefined, Record<string, unknown>][] = [
  ['os/alpine', 'alpine', '3.11.6', { prettyName: 'Alpine Linux v3.11' }],
  ['os/amazon', 'amzn', '2', { prettyName: 'Amazon Linux 2' }],
  ['os/busybox', 'busybox', '1.31.1', { prettyName: 'BusyBox v1.31.1' }],
  ['os/centos', 'centos', '8', { prettyName: 'CentOS Linux 8 (Core)' }],
  ['os/centos5', 'centos', '5.7', { prettyName: 'CentOS release 5.7 (Final)' }],
  ['os/centos6', 'centos', '6', { prettyName: 'centos' }],
  ['os/debian/from-os-release', 'debian', '8', { prettyName: 'Debian GNU/Linux 8 (jessie)' }],
  ['os/debian/from-debian_version', 'debian', '10.8', { prettyName: 'Distroless' }],
  ['os/debian/with-point-release', 'debian', '13.5', { prettyName: 'Debian GNU/Linux 13 (trixie)' }],
  ['os/fedora', 'fedora', '36', { prettyName: 'Fedora Linux 36 (Container Image)', variantId: 'container' }],
  ['os/redhat/from-os-release', 'rhel', '7.3', { prettyName: 'Red Hat Enterprise Linux Server 7.3 (Maipo)' }],
  ['os/redhat/from-redhat-release', 'rhel', '8.10', { prettyName: 'Red Hat Enterprise Linux release 8.10 (Ootpa)' }],
  ['os/ubuntu', 'ubuntu', '20.04', { version: '20.04 LTS (Focal Fossa)', versionCodename: 'focal' }],
  ['os/oraclelinux', 'ol', '8.3', { prettyName: 'Oracle Linux Server 8.3', variantId: 'server' }],
  ['os/custom', 'scientific', '8', { version: '16 (Core)' }],
  ['os/opensuse-leap', 'opensuse-leap', '15.2', { prettyName: 'openSUSE Leap 15.2' }],
  ['os/sles', 'sles', '15.2', { prettyName: 'SUSE Linux Enterprise Server 15 SP2', version: '15-SP2' }],
  ['os/photon', 'photon', '2.0', { prettyName: 'VMware Photon OS/Linux' }],
  ['os/arch', 'arch', undefined, { buildId: 'rolling' }],
  ['os/mariner', 'mariner', '1.0', { prettyName: 'CBL-Mariner/Linux', version: '1.0.20210901' }],
  ['os/rockylinux/from-os-release', 'rocky', '8.4', { prettyName: 'Rocky Linux 8.4 (Green Obsidian)' }],
  ['os/rockylinux/from-redhat-release', 'rocky', '8.10', { prettyName: 'Rocky Linux release 8.10 (Green Obsidian)' }],
  ['os/almalinux/from-os-release', 'almalinux', '8.4', { prettyName: 'AlmaLinux 8.4 (Electric Cheetah)' }],
  ['os/almalinux/from-redhat-release', 'almalinux', '8.10', { prettyName: 'AlmaLinux release 8.10 (Cerulean Leopard)' }],
  ['os/scientific/from-os-release', 'scientific', '7.5', { prettyName: 'Scientific Linux 7.5 (Nitrogen)' }],
  ['os/scientific/from-redhat-release', 'scientific', '7.9', { prettyName: 'Scientific Linux release 7.9 (Nitrogen)' }],
  ['os/wolfi', 'wolfi', '20220914', { prettyName: 'Wolfi' }],
  ['partial-fields/missing-id', '', '8', { idLike: ['debian'] }],
  ['partial-fields/unknown-id', 'my-awesome-distro', '8', { idLike: ['debian'] }],
];

describeShared('detectDistro on the os-release fixtures (EXPECTED.md)', () => {
  it.each(EXPECTED)('%s → %s %s', async (dir, id, versionId, more) => {
    const distro = await detect(dir);
    expect(distro).toBeDefined();
    expect(distro!.id).toBe(id);
    expect(distro!.versionId).toBe(versionId);
    expect(distro).toMatchObject(more);
  });

  // Anchore's distro_version is VERSION_ID, or the major of /etc/debian_version where os-release has none
  // (anchore/anchore-engine anchore_engine/analyzers/utils.py get_distro_from_squashtar); the refined point
  // release stays in versionId for matching.
  it.each([
    ['os/debian/with-point-release', '13.5', '13'],
    ['os/debian/from-debian_version', '10.8', '10'],
    ['os/debian/from-os-release', '8', undefined],
  ])('%s keeps os-release VERSION_ID as releaseVersionId', async (dir, versionId, releaseVersionId) => {
    const distro = await detect(dir);
    expect(distro).toMatchObject({ id: 'debian', versionId });
    expect(distro!.releaseVersionId).toBe(releaseVersionId);
  });

  it('finds no release in os/empty', async () => {
    expect(await detect('os/empty')).toBeUndefined();
  });

  it('partial-fields/missing-version has neither ID nor VERSION_ID, only NAME and ID_LIKE', async () => {
    const distro = await detect('partial-fields/missing-version');
    expect(distro).toMatchObject({ id: '', name: 'Debian GNU/Linux', idLike: ['debian'] });
    expect(distro!.versionId).toBeUndefined();
  });

  it('parses the raw inputs without crashing, CRLF included', () => {
    const raw = (name: string) => readFileSync(sharedPath(FIXTURES, name), 'utf8');
    expect(parseOsRelease(raw('centos-8'))).toMatchObject({ id: 'centos', versionId: '8', idLike: ['rhel', 'fedora'], cpeName: 'cpe:/o:centos:centos:8' });
    expect(parseOsRelease(raw('debian-8'))).toMatchObject({ id: 'debian', versionId: '8' });
    expect(parseOsRelease(raw('rhel-8'))).toMatchObject({ id: 'rhel', versionId: '8.1' });
    expect(parseOsRelease(raw('ubuntu-20.04'))).toMatchObject({ id: 'ubuntu', versionId: '20.04', versionCodename: 'focal' });
    expect(parseOsRelease(raw('unprintable'))).toMatchObject({ id: 'debian', versionId: '8', prettyName: 'Debian GNU/Linux 8 (jessie)' });
    expect(parseRedhatRelease(raw('bad-redhat-release'))).toMatchObject({ id: 'centos', versionId: '5' });
    // `cpe:/o:centos:6:GA` has no product: its "version" is GA, not a release.
    expect(parseSystemReleaseCpe(raw('bad-system-release-cpe'))).toBeUndefined();
  });
});

describe('distro helpers', () => {
  it('finds the busybox banner split across chunks', () => {
    const sink = new BusyboxBannerSink();
    const text = `${'x'.repeat(5000)}BusyBox v1.36.1 (2024-06-10) multi-call binary${'y'.repeat(100)}`;
    const buf = Buffer.from(text);
    for (let i = 0; i < buf.length; i += 7) sink.write(buf.subarray(i, i + 7));
    expect(sink.end()).toBe('1.36.1');
    const none = new BusyboxBannerSink();
    none.write(Buffer.from('BusyBox vX and nothing'));
    expect(none.end()).toBeUndefined();
  });

  it('builds the purl distro qualifier, cutting Debian point releases', () => {
    expect(distroQualifier({ id: 'debian', versionId: '12.7' })).toBe('debian-12');
    expect(distroQualifier({ id: 'alpine', versionId: '3.20.3' })).toBe('alpine-3.20.3');
    expect(distroQualifier({ id: 'arch' })).toBe('arch');
    expect(distroQualifier({ id: '' })).toBeUndefined();
    expect(distroQualifier(undefined)).toBeUndefined();
  });
});

describe('Alpine edge: the branch from /etc/apk/repositories', () => {
  // The os-release of the alpine:edge image (quoted in chef/os_release#33, 2024-06-12).
  const EDGE_OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0_alpha20240606\nPRETTY_NAME="Alpine Linux edge"\nHOME_URL="https://alpinelinux.org/"\n';
  const rootfs = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-alpine-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
  const detectIn = async (files: Record<string, string>) => {
    const dir = rootfs(files);
    try {
      return detectDistro(await viewFromDirectory(dir, { requests: DISTRO_REQUESTS }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reads the edge repositories of an edge image', async () => {
    const d = await detectIn({
      'etc/os-release': EDGE_OS_RELEASE,
      'etc/apk/repositories': 'https://dl-cdn.alpinelinux.org/alpine/edge/main\nhttps://dl-cdn.alpinelinux.org/alpine/edge/community\n',
    });
    expect(d).toMatchObject({ id: 'alpine', versionId: '3.21.0_alpha20240606', versionCodename: 'edge' });
  });

  it('a prerelease pinned to a release branch takes that branch; no repositories means edge', () => {
    const rc = { id: 'alpine', versionId: '3.21.0_rc1', source: '/etc/os-release' };
    refineAlpineBranch(rc, '# local mirror\nhttp://mirror.example/alpine/v3.21/main\n@testing https://dl-cdn.alpinelinux.org/alpine/edge/testing\n');
    expect(rc).toMatchObject({ versionCodename: 'v3.21' });
    const none = { id: 'alpine', versionId: '3.17_alpha20220715', source: '/etc/os-release' };
    refineAlpineBranch(none, undefined);
    expect(none).toMatchObject({ versionCodename: 'edge' });
  });

  it('a release is left alone, whatever its repositories say', async () => {
    const d = await detectIn({
      'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
      'etc/apk/repositories': 'https://dl-cdn.alpinelinux.org/alpine/edge/main\n',
    });
    expect(d).toMatchObject({ id: 'alpine', versionId: '3.20.3' });
    expect(d!.versionCodename).toBeUndefined();
  });
});
