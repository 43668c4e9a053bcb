import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { SourceBatch } from '../provider.js';
import { amazonProvider } from '../providers/amazon.js';
import { convertAmazon, parseAlasRss, parseNevra } from './amazon.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'amazon', ...p);
const ctx = { logger: silentLogger, previous: new Map(), now: () => new Date('2026-01-01T00:00:00Z') };
/** ALAS's word ↔ vunnel's Severity. */
const VUNNEL_SEVERITY: Record<string, string> = { Critical: 'Critical', Important: 'High', Medium: 'Medium', Low: 'Low' };

interface Vuln {
  Name: string;
  Severity: string;
  Link: string;
  FixedIn: { Name: string; Version: string }[];
  Metadata: { CVE?: { Name: string }[] };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describeShared('amazon ALAS against vunnel snapshots', () => {
  it('every snapshot: each FixedIn is an affected entry of Amazon Linux:<release>, same version, same severity', async () => {
    const batches = (await amazonProvider.fetch({ path: FIX('input') }, ctx)) as (SourceBatch & { notModified: false })[];
    expect(batches).toHaveLength(3);
    const counts: Record<string, [number, number]> = {};
    for (const [release, rss] of [['2', '2_rss.xml'], ['2022', '2022_rss.xml'], ['2023', '2023_rss.xml']] as const) {
      const batch = batches.find((b) => b.location === FIX('input', rss))!;
      expect(batch.skipped).toEqual([]);
      const dir = FIX('snapshots', `amzn:${release}`);
      for (const f of readdirSync(dir)) {
        const v = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { item: { Vulnerability: Vuln } }).item.Vulnerability;
        const r = batch.records.find((x) => x.id === v.Name)!;
        expect(r, v.Name).toBeDefined();
        expect(VUNNEL_SEVERITY[r.database_specific?.severity as string]).toBe(v.Severity);
        expect(r.references?.[0]?.url).toBe(v.Link);
        expect([...(r.aliases ?? []), ...(r.related ?? [])].sort()).toEqual((v.Metadata.CVE ?? []).map((c) => c.Name).sort());
        for (const fi of v.FixedIn) {
          const a = r.affected!.filter((x) => x.package?.name === fi.Name && x.package.ecosystem === `Amazon Linux:${release}`);
          expect(a.map((x) => x.ranges![0]!.events), `${v.Name} ${fi.Name}`).toEqual([[{ introduced: '0' }, { fixed: fi.Version }]]);
        }
        // nothing beyond what vunnel has
        expect(r.affected!.map((x) => x.package!.name).sort()).toEqual(v.FixedIn.map((x) => x.Name).sort());
        counts[release] = [batch.records.length, r.affected!.length];
      }
    }
    expect(counts).toEqual({ '2': [1, 13], '2022': [1, 13], '2023': [1, 11] });
    const r126 = batches.find((b) => b.location === FIX('input', '2023_rss.xml'))!.records[0]!;
    expect(r126).toMatchObject({ id: 'ALAS-2023-126', published: '2023-03-07T00:29:00.000Z', modified: '2023-03-08T00:51:00.000Z', database_specific: { severity: 'Important' } });
  });

  it('the mock RSS: 97 items, the one with a page converts, the others are skipped as page-less', () => {
    const rss = readFileSync(FIX('mock_rss'), 'utf8');
    const { items, skipped } = parseAlasRss(rss, 'mock_rss');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(97);
    expect(new Set(items.map((i) => i.release))).toEqual(new Set(['2']));
    const out = convertAmazon({ rss, pages: new Map([['ALAS-2018-949', readFileSync(FIX('mock_html'), 'utf8')]]) }, 'mock_rss');
    expect(out.records.map((r) => r.id)).toEqual(['ALAS-2018-949']);
    expect(out.records[0]!.affected!.map((a) => a.package!.name)).toContain('java-1.8.0-openjdk-headless');
    expect(out.records[0]!.affected!.every((a) => (a.ranges![0]!.events[1] as { fixed: string }).fixed === '1.8.0.161-0.b14.amzn2')).toBe(true);
    expect(out.skipped).toHaveLength(96);
    expect(out.skipped[0]!.reason).toBe('no advisory page');
  });

  it('GETs the RSS, then each listed page, sequentially; 304 keeps the records', async () => {
    const rss = readFileSync(FIX('input', '2023_rss.xml'), 'utf8');
    const page = readFileSync(FIX('input', '2023_html', 'ALAS-2023-126'));
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url!);
      if (req.url === '/AL2023/alas.rss') {
        if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { etag: '"r1"' }).end(rss.replaceAll('https://alas.aws.amazon.com', `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      }
      if (req.url === '/AL2023/ALAS-2023-126.html') return void res.writeHead(200).end(page);
      res.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/AL2023/alas.rss`;
    const [b] = (await amazonProvider.fetch({ url, retries: 0 }, ctx)) as [SourceBatch & { notModified: false }];
    expect(paths).toEqual(['/AL2023/alas.rss', '/AL2023/ALAS-2023-126.html']);
    expect(b.records.map((r) => [r.id, r.affected!.length, r.affected![0]!.package!.ecosystem])).toEqual([['ALAS-2023-126', 11, 'Amazon Linux:2023']]);
    const [again] = await amazonProvider.fetch({ url, retries: 0 }, { ...ctx, previous: new Map([[b.id, b]]) });
    expect(again!.notModified).toBe(true);
  });
});

describe('amazon bad input', () => {
  it('malformed RSS is one skip', () => {
    expect(convertAmazon({ rss: '<html>nope</html>', pages: new Map() }, 'x.rss').skipped).toEqual([{ where: 'x.rss', reason: 'not an RSS document (no <rss><channel>)' }]);
  });
  it('an item without an id, a package line without a version, a page without packages: skipped, the rest kept', () => {
    const item = (title: string, link: string): string =>
      `<item><title>${title}</title><description>CVE-2024-1111</description><pubDate>Tue, 07 Mar 2023 00:29:00 GMT</pubDate><link>${link}</link></item>`;
    const rss = `<rss><channel>${item('Something else', 'https://x/AL2/a.html')}${item('ALAS-2024-1 (low): zlib', 'https://alas.aws.amazon.com/AL2/ALAS-2024-1.html')}${item('ALAS-2024-2 (low): bash', 'https://alas.aws.amazon.com/AL2/ALAS-2024-2.html')}</channel></rss>`;
    const page1 = '<b>New Packages:</b><pre>x86_64:<br />&nbsp;&nbsp;&nbsp; zlib-1.2.7-19.amzn2.x86_64<br />&nbsp;&nbsp;&nbsp; zlib-devel.x86_64<br /></pre>';
    const out = convertAmazon({ rss, pages: new Map([['ALAS-2024-1', page1], ['ALAS-2024-2', '<html><body>no list</body></html>']]) }, 'feed');
    expect(out.records.map((r) => [r.id, r.affected!.map((a) => a.package!.name), r.database_specific?.severity, r.aliases])).toEqual([['ALAS-2024-1', ['zlib'], 'Low', ['CVE-2024-1111']]]);
    expect(out.skipped.map((s) => s.reason)).toEqual([
      'no ALAS id in the title "Something else"',
      '"zlib-devel.x86_64" is not a package NEVRA',
      'the advisory page lists no new packages',
    ]);
  });
  it('NEVRAs with epochs', () => {
    expect(parseNevra('java-1.8.0-openjdk-1:1.8.0.161-0.b14.amzn2.x86_64')).toEqual({ name: 'java-1.8.0-openjdk', epoch: '1', version: '1.8.0.161', release: '0.b14.amzn2', arch: 'x86_64' });
    expect(parseNevra('2:vim-X11-8.2.3512-1.amzn2022.aarch64')).toMatchObject({ name: 'vim-X11', epoch: '2', version: '8.2.3512' });
  });
});
