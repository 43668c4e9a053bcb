import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { JsonArrayItems, NvdCollector, NvdFormatError, parseNvdMeta, readNvdDocument, readNvdPage, shortDescription } from './nvd.js';

const NVD = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'nvd', ...p);

interface SnapshotMetric {
  source: string;
  type: string;
  cvssData: { version: string; vectorString: string; baseScore: number };
}
interface SnapshotCve {
  id: string;
  published: string;
  lastModified: string;
  vulnStatus: string;
  descriptions: { lang: string; value: string }[];
  metrics?: Record<string, SnapshotMetric[]>;
}

/** vunnel's normalized output for a fixture: `snapshots/<fixture>/<year>/<cve>.json` → `item.cve`. */
function snapshots(fixture: string): SnapshotCve[] {
  const root = NVD('snapshots', fixture);
  return readdirSync(root).flatMap((year) =>
    readdirSync(join(root, year)).map((f) => (JSON.parse(readFileSync(join(root, year, f), 'utf8')) as { item: { cve: SnapshotCve } }).item.cve),
  );
}

const byKey = (a: { vector: string; source?: string }, b: { vector: string; source?: string }): number =>
  `${a.vector} ${a.source}`.localeCompare(`${b.vector} ${b.source}`);

/** A stream of `buf` in chunks of `size` bytes. */
async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describeShared('NVD CVE API 2.0 documents (vunnel fixtures)', () => {
  for (const [fixture, expected] of [
    ['single-entry', 1],
    ['full-page', 38],
  ] as const) {
    it(`${fixture}.json: every CVE's CVSS (version, vector, score, source, type), dates, status and description match vunnel's snapshots`, async () => {
      const collector = new NvdCollector();
      const res = await readNvdDocument(readFileSync(NVD(`${fixture}.json`)), `${fixture}.json`, collector);
      expect(res.cves).toBe(expected);
      expect(collector.skipped).toEqual([]);
      const records = new Map(collector.records().map((r) => [r.id, r.nvd!]));
      const snaps = snapshots(fixture);
      expect(snaps).toHaveLength(expected);
      expect([...records.keys()].sort()).toEqual(snaps.map((s) => s.id).sort());
      for (const snap of snaps) {
        const entry = records.get(snap.id)!;
        const want = Object.values(snap.metrics ?? {})
          .flat()
          .map((m) => ({ version: m.cvssData.version, vector: m.cvssData.vectorString, baseScore: m.cvssData.baseScore, source: m.source, type: m.type }))
          .sort(byKey);
        expect([...entry.cvss].sort(byKey), snap.id).toEqual(want);
        expect(entry.published).toBe(snap.published);
        expect(entry.lastModified).toBe(snap.lastModified);
        expect(entry.vulnStatus).toBe(snap.vulnStatus);
        expect(entry.description).toBe(shortDescription(snap.descriptions.find((d) => d.lang === 'en')!.value));
      }
    });
  }

  it('full-page.json: Primary and Secondary metrics are both kept, with their scorers; CVEs without metrics have none', async () => {
    const collector = new NvdCollector();
    await readNvdDocument(readFileSync(NVD('full-page.json')), 'full-page.json', collector);
    const get = (id: string) => collector.records().find((r) => r.id === id)!.nvd!;
    expect(get('CVE-2023-27314').cvss.map((c) => [c.source, c.type])).toEqual([
      ['nvd@nist.gov', 'Primary'],
      ['security-alert@netapp.com', 'Secondary'],
    ]);
    expect(get('CVE-2023-22068').cvss).toEqual([expect.objectContaining({ source: 'secalert_us@oracle.com', type: 'Primary' })]);
    expect(get('CVE-2023-43250')).toMatchObject({ cvss: [], vulnStatus: 'Awaiting Analysis' });
  });

  it('single-entry.json: v3.1 and v2 metrics, scored as NVD scored them', async () => {
    const collector = new NvdCollector();
    await readNvdDocument(readFileSync(NVD('single-entry.json')), 'single-entry.json', collector);
    expect(collector.records()).toEqual([
      {
        id: 'CVE-2022-1576',
        nvd: expect.objectContaining({
          cvss: [
            { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N', baseScore: 6.5, source: 'nvd@nist.gov', type: 'Primary' },
            { version: '2.0', vector: 'AV:N/AC:M/Au:N/C:N/I:P/A:N', baseScore: 4.3, source: 'nvd@nist.gov', type: 'Primary' },
          ],
          vulnStatus: 'Modified',
          published: '2022-07-11T13:15:08.503',
        }),
      },
    ]);
  });

  it('the streamed split agrees with JSON.parse however the bytes are chunked, gzip or not', async () => {
    const raw = readFileSync(NVD('full-page.json'));
    const whole = (JSON.parse(raw.toString('utf8')) as { vulnerabilities: unknown[] }).vulnerabilities;
    for (const size of [1, 7, 4096, raw.length]) {
      const items: unknown[] = [];
      const splitter = new JsonArrayItems('vulnerabilities', (text) => items.push(JSON.parse(text)));
      for await (const c of chunks(raw, size)) splitter.write(c);
      expect(splitter.end()).toEqual({ found: true, items: whole.length });
      expect(items).toEqual(whole);
    }
    const collector = new NvdCollector();
    const res = await readNvdDocument(chunks(gzipSync(raw), 1000), 'full-page.json.gz', collector);
    expect(res).toMatchObject({ cves: 38, size: raw.length, sha256: createHash('sha256').update(raw).digest('hex') });
    expect(collector.size).toBe(38);
  });

  it('a feed file is verified against its .meta: sha256 and size; a mismatch names the file', async () => {
    const raw = readFileSync(NVD('full-page.json'));
    const sha = createHash('sha256').update(raw).digest('hex').toUpperCase();
    const metaText = `lastModifiedDate:2023-10-18T18:04:18-04:00\r\nsize:${raw.length}\r\nzipSize:1\r\ngzSize:2\r\nsha256:${sha}\r\n`;
    const meta = parseNvdMeta(metaText, 'nvdcve-2.0-2023.meta');
    expect(meta).toEqual({ lastModifiedDate: '2023-10-18T18:04:18-04:00', size: raw.length, zipSize: 1, gzSize: 2, sha256: sha.toLowerCase() });
    await expect(readNvdDocument(gzipSync(raw), 'nvdcve-2.0-2023.json.gz', new NvdCollector(), meta)).resolves.toMatchObject({ cves: 38 });
    const wrong = { ...meta, sha256: '0'.repeat(64) };
    await expect(readNvdDocument(gzipSync(raw), 'nvdcve-2.0-2023.json.gz', new NvdCollector(), wrong)).rejects.toThrow(
      /^nvdcve-2\.0-2023\.json\.gz: sha256 [0-9a-f]{64} does not match the \.meta file's 0{64}/,
    );
    await expect(readNvdDocument(gzipSync(raw), 'nvdcve-2.0-2023.json.gz', new NvdCollector(), { ...meta, size: 5 })).rejects.toThrow(/says 5/);
    expect(() => parseNvdMeta('size:1\n', 'x.meta')).toThrow(/x\.meta: not an NVD \.meta file/);
  });

  it('a truncated or non-NVD document is an NvdFormatError naming it', async () => {
    const raw = readFileSync(NVD('full-page.json'));
    await expect(readNvdDocument(raw.subarray(0, 5000), 'cut.json', new NvdCollector())).rejects.toThrow(/^cut\.json: truncated JSON/);
    await expect(readNvdDocument(gzipSync(raw).subarray(0, 5000), 'cut.json.gz', new NvdCollector())).rejects.toThrow(/^cut\.json\.gz: unreadable/);
    const snapshot = readFileSync(NVD('snapshots', 'single-entry', '2022', 'cve-2022-1576.json'));
    await expect(readNvdDocument(snapshot, 'snap.json', new NvdCollector())).rejects.toThrow(NvdFormatError);
  });

  it('an API page gives its paging fields', () => {
    const collector = new NvdCollector();
    expect(readNvdPage(readFileSync(NVD('full-page.json'), 'utf8'), 'page', collector)).toEqual({ resultsPerPage: 38, startIndex: 0, totalResults: 38, count: 38 });
    expect(collector.size).toBe(38);
    expect(() => readNvdPage('{"x":1}', 'page', collector)).toThrow(/not a CVE API 2\.0 page/);
  });

  // The fixtures have only v2 and v3.1 metrics: the other versions, an unscorable vector, a bad metric, a rejected
  // CVE and duplicates are exercised on the fixture's CVE-2022-1576 with its metrics replaced.
  it('v4.0 and v3.0 metrics; NVD baseScore when a vector does not score; a bad metric is dropped with a reason; Rejected is kept', () => {
    const doc = JSON.parse(readFileSync(NVD('single-entry.json'), 'utf8')) as { vulnerabilities: { cve: Record<string, unknown> }[] };
    const cve = doc.vulnerabilities[0]!.cve;
    const item = {
      cve: {
        ...cve,
        vulnStatus: 'Rejected',
        descriptions: [{ lang: 'en', value: 'x'.repeat(800) }],
        metrics: {
          cvssMetricV40: [
            {
              source: 'cna@example.org',
              type: 'Secondary',
              cvssData: { version: '4.0', vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', baseScore: 9.3 },
            },
          ],
          cvssMetricV30: [{ source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.0', vectorString: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 } }],
          cvssMetricV31: [
            { source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L', baseScore: 5.3 } },
            { source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.1' } },
          ],
        },
      },
    };
    const collector = new NvdCollector();
    collector.add(item, 'test');
    const [record] = collector.records();
    expect(record!.nvd!.cvss).toEqual([
      { version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', baseScore: 9.3, source: 'cna@example.org', type: 'Secondary' },
      { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L', baseScore: 5.3, source: 'nvd@nist.gov', type: 'Primary' },
      { version: '3.0', vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'nvd@nist.gov', type: 'Primary' },
    ]);
    expect(collector.skipped).toEqual([{ where: 'test CVE-2022-1576 cvssMetricV31[1]', reason: 'no vectorString' }]);
    expect(record!.nvd!.vulnStatus).toBe('Rejected');
    expect(record!.nvd!.description).toHaveLength(500);
    // The same id again: the entry modified last wins, whichever comes first.
    collector.add({ cve: { ...cve, lastModified: '2020-01-01T00:00:00.000' } }, 'older');
    expect(collector.records()[0]!.nvd!.vulnStatus).toBe('Rejected');
    collector.add({ cve: { ...cve, lastModified: '2030-01-01T00:00:00.000' } }, 'newer');
    expect(collector.records()[0]!.nvd!.vulnStatus).toBe('Modified');
    collector.add({ cve: { id: 'GHSA-xxxx' } }, 'bad');
    expect(collector.size).toBe(1);
    expect(collector.skipped.at(-1)).toEqual({ where: 'bad', reason: 'not a CVE id: "GHSA-xxxx"' });
  });
});

describe('NVD description', () => {
  it('is kept whole up to 500 characters, else cut with an ellipsis', () => {
    expect(shortDescription(' short ')).toBe('short');
    expect(shortDescription('a'.repeat(500))).toHaveLength(500);
    expect(shortDescription('a'.repeat(501))).toBe(`${'a'.repeat(499)}…`);
  });
});
