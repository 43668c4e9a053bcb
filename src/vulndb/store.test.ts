import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { silentLogger } from '../common/logger.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { dataStatus, defaultCacheDir, readMetadata, VulnerabilityDatabase, writeDatabase } from './store.js';
import { updateDatabase } from './update.js';
import { readJsonEntries, CorruptArchiveError } from './zip.js';
import { secdbToOsv } from './providers/secdb.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'portcullis-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the local database', () => {
  it('defaults to XDG_CACHE_HOME/portcullis, overridable', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/portcullis');
    expect(defaultCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/portcullis');
    expect(defaultCacheDir({ PORTCULLIS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
  });

  it('a missing database is a configuration error that says what to run', () => {
    expect(() => VulnerabilityDatabase.open(tmp())).toThrow(/No vulnerability database in .*; run "portcullis db update"/);
  });

  it('staleness: older than N days is stale; no data is stale', () => {
    const now = new Date('2024-01-10T00:00:00Z');
    const meta = { schemaVersion: 1, createdAt: '', updatedAt: '', segments: [{ id: 'a', fetchedAt: '2024-01-01T00:00:00Z', records: 1 }, { id: 'b', fetchedAt: '2024-01-09T00:00:00Z', records: 2 }] } as never;
    expect(dataStatus(meta, { now, maxAgeDays: 7 })).toMatchObject({ ageDays: 9, stale: true });
    expect(dataStatus(meta, { now, maxAgeDays: 10 })).toMatchObject({ ageDays: 9, stale: false });
    expect(dataStatus(undefined, { now })).toMatchObject({ stale: true, sources: [] });
  });

  it('a write that fails half-way leaves the previous database live', () => {
    const cache = tmp();
    const rec = { id: 'X-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
    writeDatabase(cache, [{ id: 's1', provider: 'osv-local', kind: 'osv', location: '/', fetchedAt: 'now', notModified: false, records: [rec], skipped: [] }]);
    const before = readMetadata(cache);
    // A batch that cannot be serialised (a cycle) fails inside the write.
    const cyclic: Record<string, unknown> = { ...rec, id: 'X-2' };
    cyclic.self = cyclic;
    expect(() =>
      writeDatabase(cache, [{ id: 's2', provider: 'osv-local', kind: 'osv', location: '/', fetchedAt: 'now', notModified: false, records: [cyclic as never], skipped: [] }]),
    ).toThrow();
    expect(readMetadata(cache)).toEqual(before);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.lookup('npm', 'a').map((r) => r.record.id)).toEqual(['X-1']);
  });

  it('a corrupt pointer or schema version is reported, not crashed on', () => {
    const cache = tmp();
    mkdirSync(join(cache, 'vulndb'), { recursive: true });
    writeFileSync(join(cache, 'vulndb', 'CURRENT'), '../../etc\n');
    expect(() => readMetadata(cache)).toThrow(ConfigurationError);
  });

  it('the zip reader refuses data that is not a zip', () => {
    expect(() => readJsonEntries(Buffer.from('not a zip at all, just text that is long enough'), 'x.zip')).toThrow(CorruptArchiveError);
  });
});

describe('Alpine secdb conversion', () => {
  it('one record per CVE, one affected entry per package/branch/fix, non-CVE entries and fixed 0 skipped', () => {
    const { records, skipped } = secdbToOsv(
      [
        {
          where: 'main.yaml',
          doc: {
            distroversion: 'v3.8',
            packages: [
              { pkg: { name: 'xen', secfixes: { '4.10.1-r3': ['CVE-2018-3639 XSA-263'], '4.9.0-r0': ['XSA-207'] } } },
              { pkg: { name: 'db', secfixes: { '0': ['CVE-2016-0682'] } } },
              { pkg: { name: 'openssl', secfixes: { '1.0.2o-r1': ['CVE-2018-0732'] } } },
              { pkg: { name: 'libressl', secfixes: { '2.7.4-r0': ['CVE-2018-0732'] } } },
            ],
          },
        },
      ],
      '2024-01-01T00:00:00Z',
    );
    expect(records.map((r) => r.id).sort()).toEqual(['ALPINE-CVE-2018-0732', 'ALPINE-CVE-2018-3639']);
    const r = records.find((x) => x.id === 'ALPINE-CVE-2018-0732')!;
    expect(r.upstream).toEqual(['CVE-2018-0732']);
    expect(r.affected!.map((a) => [a.package!.ecosystem, a.package!.name, a.ranges![0]!.events])).toEqual([
      ['Alpine:v3.8', 'openssl', [{ introduced: '0' }, { fixed: '1.0.2o-r1' }]],
      ['Alpine:v3.8', 'libressl', [{ introduced: '0' }, { fixed: '2.7.4-r0' }]],
    ]);
    expect(skipped.map((s) => s.reason)).toEqual(['xen 4.9.0-r0: "XSA-207" names no CVE']);
  });
});

describeShared('importing the shared data', () => {
  it('imports every record of ../shared/vulndata/osv and the secdb folder, with counts per source and ecosystem', async () => {
    const cache = tmp();
    const r = await updateDatabase({
      cacheDir: cache,
      logger: silentLogger,
      now: () => new Date('2024-05-01T00:00:00Z'),
      requests: [
        { provider: 'osv-local', options: { path: sharedPath('vulndata/osv') } },
        { provider: 'alpine-secdb', options: { path: sharedPath('vulndata/alpine-secdb') } },
      ],
    });
    // Counts from vulndata/osv/README.md: 2,432 + 8,911 + 467 + 2,654 + 4,291.
    expect(r.batches[0]).toMatchObject({ notModified: false, records: 18_755 });
    // conversion-report.json is not a record: listed as skipped.
    expect(r.batches[0]!.skipped).toBe(1);
    const meta = readMetadata(cache)!;
    expect(meta.schemaVersion).toBe(1);
    const osv = meta.segments[0]!;
    expect(osv.fetchedAt).toBe('2024-05-01T00:00:00.000Z');
    expect(osv.ecosystems['npm']).toBe(467);
    expect(osv.ecosystems['PyPI']).toBe(2654);
    expect(osv.ecosystems['Debian:11']).toBe(410);
    expect(osv.skippedExamples[0]!.where).toMatch(/conversion-report\.json$/);
    const secdb = meta.segments[1]!;
    expect(secdb.kind).toBe('alpine-secdb');
    // The zip in the bucket layout equals the folder: one all.zip per folder is read, not its JSON copies too.
    const zipCount = ['Alpine', 'Debian', 'Go', 'PyPI', 'npm']
      .map((e) => readJsonEntries(readFileSync(sharedPath('vulndata/osv', e, 'all.zip')), e).length)
      .reduce((a, b) => a + b, 0);
    expect(zipCount).toBe(18_755);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.lookup('Debian:11', 'openssl').map((x) => x.record.id)).toContain('DSA-4963-1');
    expect(db.lookup('Alpine:v3.10', 'musl').map((x) => `${x.source.kind} ${x.record.id}`)).toEqual(
      expect.arrayContaining(['osv ALPINE-CVE-2019-14697', 'alpine-secdb ALPINE-CVE-2019-14697']),
    );
    // Records keep what findings need and drop the long texts.
    const go = db.lookup('Go', 'stdlib').find((x) => x.record.id === 'GO-2022-0969')!.record;
    expect(go.details).toBeUndefined();
    expect(go.summary).toBeTruthy();
    db.close();
  }, 120_000);

  it('importing a missing path or a corrupt zip is a configuration error, and the database is unchanged', async () => {
    const cache = tmp();
    await expect(updateDatabase({ cacheDir: cache, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: '/nonexistent/osv' } }] })).rejects.toThrow(
      /not found: \/nonexistent\/osv; there is no previous database/,
    );
    const bad = join(tmp(), 'bad.zip');
    writeFileSync(bad, readFileSync(sharedPath('vulndata/osv/npm/all.zip')).subarray(0, 5000));
    await expect(updateDatabase({ cacheDir: cache, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: bad } }] })).rejects.toThrow(/corrupt archive: /);
    expect(readMetadata(cache)).toBeUndefined();
  });
});

describe('the bucketed index: a lookup parses one bucket', () => {
  const rec = (i: number) => ({ id: `GHSA-${i}`, modified: '2026-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: `pkg-${i}` }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] });
  const batch = (n: number) => ({ id: 'osv-local:many', provider: 'osv-local', kind: 'osv' as const, location: 'x', fetchedAt: '2026-01-01T00:00:00Z', notModified: false as const, records: Array.from({ length: n }, (_, i) => rec(i)), skipped: [] });

  it('5,000 keys in 20 buckets: every key is found, an absent one is not, and the header says so', () => {
    const cacheDir = tmp();
    const { dir, metadata } = writeDatabase(cacheDir, [batch(5000)]);
    const header = JSON.parse(readFileSync(join(dir, metadata.segments[0]!.index), 'utf8').split('\n', 1)[0]!) as { v: number; buckets: number; keys: number };
    expect(header).toMatchObject({ v: 2, buckets: 20, keys: 5000 });
    const db = VulnerabilityDatabase.open(cacheDir);
    for (const i of [0, 1, 777, 4999]) expect(db.lookup('npm', `pkg-${i}`).map((h) => h.record.id)).toEqual([`GHSA-${i}`]);
    expect(db.lookup('npm', 'pkg-5000')).toEqual([]);
    expect(db.keyCount).toBe(5000);
    db.close();
  });

  it('reads an index written before the buckets (one JSON object)', () => {
    const cacheDir = tmp();
    const { dir, metadata } = writeDatabase(cacheDir, [batch(3)]);
    const seg = metadata.segments[0]!;
    const lines = readFileSync(join(dir, seg.data), 'utf8').split('\n').filter(Boolean);
    const v1: Record<string, number[]> = {};
    let offset = 0;
    lines.forEach((l, i) => {
      v1[`npm\u0000pkg-${i}`] = [offset, Buffer.byteLength(l)];
      offset += Buffer.byteLength(l) + 1;
    });
    writeFileSync(join(dir, seg.index), JSON.stringify(v1));
    const db = VulnerabilityDatabase.open(cacheDir);
    expect(db.lookup('npm', 'pkg-2').map((h) => h.record.id)).toEqual(['GHSA-2']);
    expect(db.keyCount).toBe(3);
    db.close();
  });
});
