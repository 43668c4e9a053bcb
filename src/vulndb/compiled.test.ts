import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { buildCompiled, openCompiled, parseBuildSource } from './compiled.js';
import { VulnerabilityDatabase, readMetadata, writeDatabase } from './store.js';

const FIXTURES = (...p: string[]): string => sharedPath('vulndata/vunnel-provider-fixtures', ...p);

describeShared('compiled vulnerability database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-compiled-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const logger = createRecordingLogger();
  const alpine = sharedPath('vulndata/osv/Alpine');

  it('parses KIND:PATH and KIND:URL, and refuses unknown kinds', () => {
    expect(parseBuildSource('osv-local:../x')).toEqual({ provider: 'osv-local', options: { path: '../x' } });
    expect(parseBuildSource('osv-bucket:https://h/b', { ecosystems: ['npm'] })).toEqual({ provider: 'osv-bucket', options: { ecosystems: ['npm'], url: 'https://h/b' } });
    expect(() => parseBuildSource('nope:/x')).toThrow(/unknown provider "nope" \(known: .*osv-local/);
    expect(() => parseBuildSource('osv-local')).toThrow(ConfigurationError);
  });

  it('is deterministic, round-trips into a live database, and trims enrichment to the joined ids', async () => {
    // one real Alpine record, re-pointed at a CVE the NVD fixture page has, so the join keeps exactly that id
    const osv = join(dir, 'osv');
    mkdirSync(osv);
    const record = JSON.parse(readFileSync(join(alpine, 'ALPINE-CVE-2012-2738.json'), 'utf8')) as { upstream: string[] };
    record.upstream = ['CVE-2023-27314'];
    writeFileSync(join(osv, 'r.json'), JSON.stringify(record));
    const sources = [
      parseBuildSource(`osv-local:${alpine}`),
      parseBuildSource(`osv-local:${osv}`),
      parseBuildSource(`nvd:${FIXTURES('nvd/full-page.json')}`),
      parseBuildSource(`kev:${FIXTURES('kev/valid-catalog-1.json')}`),
    ];
    const a = await buildCompiled({ sources, logger });
    const b = await buildCompiled({ sources: [...sources].reverse(), logger });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    // no --built-at: the newest `modified` among the records
    expect(a.header.builtAt).toBe('2026-11-22T00:00:00.000Z');
    expect(a.header.schemaVersion).toBe(1);
    expect(a.header.enrichment.fetched).toBe(38 + 3);
    expect(a.header.enrichment.kept).toBe(1);
    expect(a.header.enrichment.keptBytes).toBeLessThan(a.header.enrichment.fetchedBytes / 10);
    const counts = a.header.sources.map((s) => [s.provider, s.records]);
    expect(a.header.sources.map((s) => s.id)).toEqual([...a.header.sources.map((s) => s.id)].sort());
    expect(counts).toContainEqual(['kev', 0]);
    expect(counts).toContainEqual(['nvd', 1]);
    expect(counts).toContainEqual(['osv-local', 1]);
    expect(counts.filter(([p]) => p === 'osv-local')).toHaveLength(2);
    const fixed = await buildCompiled({ sources, logger, builtAt: new Date('2026-12-01T00:00:00Z') });
    expect(fixed.header.builtAt).toBe('2026-12-01T00:00:00.000Z');
    expect(fixed.bytes.equals(a.bytes)).toBe(false);

    const cache = join(dir, 'cache');
    const { metadata } = openCompiled(a.bytes, cache);
    expect(metadata.compiled?.checksum).toBe(`sha256:${a.checksum}`);
    expect(readMetadata(cache)?.compiled?.builtAt).toBe('2026-11-22T00:00:00.000Z');
    const db = VulnerabilityDatabase.open(cache);
    try {
      const hits = db.lookup('Alpine:v3.6', 'vte').map((h) => h.record.id);
      expect(hits).toContain('ALPINE-CVE-2012-2738');
      expect(db.enrichment('CVE-2023-27314')?.nvd?.cvss.length).toBeGreaterThan(0);
      expect(db.enrichment('CVE-2023-45109')).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('a corrupt or foreign file is a clear error and leaves the live database alone', async () => {
    const cache = join(dir, 'live');
    writeDatabase(cache, [{ id: 'osv-local:x', provider: 'osv-local', kind: 'osv', location: 'x', fetchedAt: '2026-01-01T00:00:00.000Z', notModified: false, records: [], skipped: [] }]);
    const before = readFileSync(join(cache, 'vulndb/CURRENT'), 'utf8');
    const good = (await buildCompiled({ sources: [parseBuildSource(`osv-local:${alpine}`)], logger })).bytes;
    const plain = gunzipSync(good);
    const flipped = Buffer.from(plain);
    flipped[plain.length - 10] = flipped[plain.length - 10]! ^ 1;
    const wrongFormat = Buffer.from(plain.toString('utf8').replace(/^portcullis-vulndb 1 /, 'portcullis-vulndb 9 '));
    const wrongSchema = (() => {
      const text = plain.toString('utf8');
      const nl = text.indexOf('\n');
      const body = text.slice(nl + 1).replace('"schemaVersion":1', '"schemaVersion":7');
      const sum = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');
      return Buffer.from(`portcullis-vulndb 1 sha256:${sum}\n${body}`);
    })();
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('not gzip'), /does not gunzip/],
      [gzipSync(flipped), /its checksum does not match .* the file is corrupt/],
      [gzipSync(wrongFormat), /its format version is 9, this Portcullis reads 1; update Portcullis/],
      [gzipSync(wrongSchema), /its database schema version is 7, this Portcullis reads 1/],
      [good.subarray(0, good.length - 20), /does not gunzip/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => openCompiled(bytes, cache)).toThrow(message);
      expect(readFileSync(join(cache, 'vulndb/CURRENT'), 'utf8')).toBe(before);
    }
    expect(() => openCompiled(join(dir, 'missing.gz'), cache)).toThrow(/cannot read the compiled database/);
    expect(readMetadata(cache)?.segments.map((s) => s.id)).toEqual(['osv-local:x']);
  });
});
