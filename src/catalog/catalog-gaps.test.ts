/**
 * Issue 16 §1: a package database that cannot be read (over its cap, truncated, corrupt) is an unknown marked with
 * its package type, which the scan warns about and `packages/catalog_incomplete` fires on (STOP in `strict`, WARN
 * in `default`). The rpm reproducer uses go-rpmdb's CBL-Mariner 2.0 rpmdb.sqlite (129 packages; knqyf263/go-rpmdb,
 * pkg/testdata/cbl-mariner-2.0/rpmdb.sqlite, in ../shared); the others are written here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneLayerView } from '../../test/helpers/one-layer-view.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { silentLogger } from '../common/logger.js';
import type { FileView } from '../image/file-view.js';
import type { Unknown } from '../model/index.js';
import { resolvePolicy } from '../policy/bundled.js';
import { evaluatePolicy } from '../policy/evaluate.js';
import { context } from '../policy/test-support.js';
import { catalogGapsOf, catalogGapWarnings } from '../scan/unknowns.js';
import { apkCataloger } from './apk/cataloger.js';
import type { Cataloger } from './cataloger.js';
import { dpkgCataloger } from './dpkg/cataloger.js';
import { pythonInstalledCataloger } from './python/cataloger.js';
import { rpmCataloger } from './rpm/cataloger.js';
import { catalogRequests, DEFAULT_MAX_DATABASE_BYTES, runCatalogers } from './run.js';

/** A one-layer image of `files`, read with the scan's requests and caps (`catalogRequests`). */
function imageWith(files: Record<string, Buffer | string>, catalogers: readonly Cataloger[], caps: { maxFileBytes?: number; maxDatabaseBytes?: number } = {}): FileView {
  const requests = catalogRequests(catalogers, caps.maxDatabaseBytes ? { maxDatabaseBytes: caps.maxDatabaseBytes } : {});
  return oneLayerView(files, requests, caps.maxFileBytes);
}

async function catalog(view: FileView, catalogers: readonly Cataloger[]) {
  return runCatalogers(view, { catalogers, logger: silentLogger });
}

/** The catalog_incomplete items of the bundled `strict` and `default` policies on these gaps. */
async function decisions(unknowns: readonly Unknown[]) {
  const gaps = catalogGapsOf(unknowns);
  const out: Record<string, { action: string; trigger_id: string }[]> = {};
  for (const name of ['strict', 'default']) {
    const e = evaluatePolicy(await resolvePolicy(name), context({ catalogGaps: gaps }), { tag: 'docker.io/library/app:1.0' });
    out[name] = e.findings.filter((f) => f.trigger === 'catalog_incomplete').map((f) => ({ action: f.action, trigger_id: f.trigger_id }));
  }
  return out;
}

const DPKG_STATUS = [
  'Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b2\n',
  'Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:1.2.13.dfsg-1\n',
].join('\n');

describe('catalog gaps: dpkg', () => {
  it('a truncated status file (cut inside a stanza) keeps what parsed, and is a gap: STOP strict, WARN default', async () => {
    const cut = DPKG_STATUS.slice(0, DPKG_STATUS.indexOf('Version: 1:') + 4); // "…\nVers"
    const r = await catalog(imageWith({ '/var/lib/dpkg/status': cut }, [dpkgCataloger]), [dpkgCataloger]);
    expect(r.packages.map((p) => p.name)).toEqual(['bash']);
    const gaps = catalogGapsOf(r.unknowns);
    expect(gaps).toEqual([expect.objectContaining({ path: '/var/lib/dpkg/status', packageDatabase: 'deb', reason: expect.stringMatching(/^malformed dpkg status file: .*"Vers"/) as unknown })]);
    expect(catalogGapWarnings(gaps)).toEqual([expect.stringMatching(/^package database \/var\/lib\/dpkg\/status \(deb\) could not be read: malformed dpkg status file: .*; its packages are missing from the catalog$/)]);
    expect(await decisions(r.unknowns)).toEqual({ strict: [{ action: 'stop', trigger_id: '/var/lib/dpkg/status' }], default: [{ action: 'warn', trigger_id: '/var/lib/dpkg/status' }] });
  });

  it('a corrupt status file (binary garbage) is a gap; an intact one is not', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
    const bad = await catalog(imageWith({ '/var/lib/dpkg/status': garbage }, [dpkgCataloger]), [dpkgCataloger]);
    expect(catalogGapsOf(bad.unknowns).map((u) => [u.path, u.packageDatabase])).toEqual([['/var/lib/dpkg/status', 'deb']]);
    const good = await catalog(imageWith({ '/var/lib/dpkg/status': DPKG_STATUS }, [dpkgCataloger]), [dpkgCataloger]);
    expect(good.packages).toHaveLength(2);
    expect(good.unknowns).toEqual([]);
    expect(await decisions(good.unknowns)).toEqual({ strict: [], default: [] });
  });

  it('a distroless status.d file over the database cap is its own gap, with its own trigger id', async () => {
    const files = { '/var/lib/dpkg/status.d/bash': DPKG_STATUS.split('\n\n')[0]!, '/var/lib/dpkg/status.d/zlib1g': `${DPKG_STATUS.split('\n\n')[1]!}Description: ${'z'.repeat(300)}\n` };
    const r = await catalog(imageWith(files, [dpkgCataloger], { maxDatabaseBytes: 200 }), [dpkgCataloger]);
    expect(r.packages.map((p) => p.name)).toEqual(['bash']);
    expect((await decisions(r.unknowns)).strict).toEqual([{ action: 'stop', trigger_id: '/var/lib/dpkg/status.d/zlib1g' }]);
  });
});

describe('catalog gaps: apk and python (unit level; the CLI test is test/integration/catalog-gaps.test.ts)', () => {
  const apk = Array.from({ length: 14 }, (_, i) => `P:pkg${i}\nV:1.${i}-r0\nA:x86_64\n`).join('\n');

  it('an apk database over the database cap: 14 packages become 0 and one gap', async () => {
    expect((await catalog(imageWith({ '/lib/apk/db/installed': apk }, [apkCataloger]), [apkCataloger])).packages).toHaveLength(14);
    const r = await catalog(imageWith({ '/lib/apk/db/installed': apk }, [apkCataloger], { maxDatabaseBytes: 100 }), [apkCataloger]);
    expect(r.packages).toEqual([]);
    expect(await decisions(r.unknowns)).toEqual({ strict: [{ action: 'stop', trigger_id: '/lib/apk/db/installed' }], default: [{ action: 'warn', trigger_id: '/lib/apk/db/installed' }] });
  });

  it('the per-file cap does not apply to a package database: its own cap does', async () => {
    const r = await catalog(imageWith({ '/lib/apk/db/installed': apk }, [apkCataloger], { maxFileBytes: 100 }), [apkCataloger]);
    expect(r.packages).toHaveLength(14);
    expect(catalogRequests([apkCataloger]).find((q) => q.id === apkCataloger.id)?.capBytes).toBe(DEFAULT_MAX_DATABASE_BYTES);
    expect(DEFAULT_MAX_DATABASE_BYTES).toBe(512 * 1024 * 1024);
  });

  it("pip's METADATA past the per-file cap drops pip and is a gap; an unreadable RECORD is one too", async () => {
    const dir = '/usr/lib/python3.12/site-packages/pip-23.0.dist-info';
    const meta = `Metadata-Version: 2.1\nName: pip\nVersion: 23.0\n\n${'x'.repeat(400)}\n`;
    const r = await catalog(imageWith({ [`${dir}/METADATA`]: meta }, [pythonInstalledCataloger], { maxFileBytes: 256 }), [pythonInstalledCataloger]);
    expect(r.packages).toEqual([]);
    expect(await decisions(r.unknowns)).toEqual({ strict: [{ action: 'stop', trigger_id: `${dir}/METADATA` }], default: [{ action: 'warn', trigger_id: `${dir}/METADATA` }] });
    const record = await catalog(imageWith({ [`${dir}/METADATA`]: meta.slice(0, 60), [`${dir}/RECORD`]: 'pip/x.py,,\n'.repeat(40) }, [pythonInstalledCataloger], { maxFileBytes: 256 }), [pythonInstalledCataloger]);
    expect(record.packages.map((p) => p.name)).toEqual(['pip']);
    expect(catalogGapsOf(record.unknowns).map((u) => u.path)).toEqual([`${dir}/RECORD`]);
  });
});

describe('catalog gaps: rpm', () => {
  it('a corrupt rpmdb.sqlite (a SQLite header, then garbage) is a gap: STOP strict, WARN default', async () => {
    const corrupt = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xa5)]);
    const r = await catalog(imageWith({ '/var/lib/rpm/rpmdb.sqlite': corrupt }, [rpmCataloger]), [rpmCataloger]);
    expect(r.packages).toEqual([]);
    const gaps = catalogGapsOf(r.unknowns);
    expect(gaps).toEqual([expect.objectContaining({ path: '/var/lib/rpm/rpmdb.sqlite', packageDatabase: 'rpm', reason: expect.stringMatching(/rpm database|Packages table/) as unknown })]);
    expect(await decisions(r.unknowns)).toEqual({ strict: [{ action: 'stop', trigger_id: '/var/lib/rpm/rpmdb.sqlite' }], default: [{ action: 'warn', trigger_id: '/var/lib/rpm/rpmdb.sqlite' }] });
  });
});

describeShared('catalog gaps: a real rpmdb (CBL-Mariner 2.0, 129 packages)', () => {
  const db = (): Buffer => readFileSync(sharedPath('fixtures/catalogers/redhat/go-rpmdb/cbl-mariner-2.0/rpmdb.sqlite'));

  it('a per-file cap below its size does not drop it (the database cap applies)', async () => {
    const r = await catalog(imageWith({ '/usr/lib/sysimage/rpm/rpmdb.sqlite': db() }, [rpmCataloger], { maxFileBytes: 1024 * 1024 }), [rpmCataloger]);
    expect(r.packages).toHaveLength(129);
    expect(r.unknowns).toEqual([]);
  });

  it('over the database cap: 129 packages become 0, one gap, STOP strict, WARN default', async () => {
    const r = await catalog(imageWith({ '/usr/lib/sysimage/rpm/rpmdb.sqlite': db() }, [rpmCataloger], { maxDatabaseBytes: 1024 * 1024 }), [rpmCataloger]);
    expect(r.packages).toEqual([]);
    const gaps = catalogGapsOf(r.unknowns);
    expect(gaps).toEqual([expect.objectContaining({ path: '/usr/lib/sysimage/rpm/rpmdb.sqlite', packageDatabase: 'rpm', reason: expect.stringMatching(/over the 1048576-byte content cap/) as unknown })]);
    expect(catalogGapWarnings(gaps)[0]).toMatch(/^package database \/usr\/lib\/sysimage\/rpm\/rpmdb\.sqlite \(rpm\) could not be read: /);
    expect(await decisions(r.unknowns)).toEqual({
      strict: [{ action: 'stop', trigger_id: '/usr/lib/sysimage/rpm/rpmdb.sqlite' }],
      default: [{ action: 'warn', trigger_id: '/usr/lib/sysimage/rpm/rpmdb.sqlite' }],
    });
  });
});
