import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { silentLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { SourceBatch } from '../provider.js';
import { providerTestKit } from './test-support.js';
import { VulnerabilityDatabase, readMetadata, writeDatabase } from '../store.js';
import { updateDatabase } from '../update.js';
import { epssProvider } from './epss.js';
import { kevProvider } from './kev.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', ...p);
const NOW = new Date('2025-02-21T00:00:00Z');

const { tmp, servers, ctx } = providerTestKit('portcullis-kev-epss-', NOW);

/** Serves one body at `path` with an ETag, answering 304 to a matching If-None-Match; records the requests. */
async function serveWithEtag(path: string, body: Buffer): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    if (req.url !== path) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { etag: '"v1"' }).end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, requests };
}

const fresh = (b: SourceBatch | undefined): Extract<SourceBatch, { notModified: false }> => {
  if (!b || b.notModified) throw new Error('expected fresh data');
  return b;
};

describeShared('the kev and epss providers', () => {
  it('kev path: the catalog file, or a folder (non-KEV JSON beside it skipped)', async () => {
    const [file] = await kevProvider.fetch({ path: FIX('kev', 'valid-catalog-1.json') }, ctx());
    expect(fresh(file)).toMatchObject({ id: `kev:${FIX('kev', 'valid-catalog-1.json')}`, kind: 'kev', records: [], skipped: [] });
    expect(fresh(file).enrichments!.map((r) => r.id)).toEqual(['CVE-2025-0108', 'CVE-2024-53704', 'CVE-2024-57727']);
    const [dir] = await kevProvider.fetch({ path: FIX('kev') }, ctx());
    expect(fresh(dir).enrichments).toHaveLength(3); // the catalog and single-entry/example1.json (the same CVE)
    expect(fresh(dir).skipped).toHaveLength(3); // vunnel's snapshots are not KEV documents
    await expect(kevProvider.fetch({ path: FIX('nvd', 'single-entry.json') }, ctx())).rejects.toThrow(ConfigurationError);
  });

  it('kev over HTTP: conditional on the stored ETag (304 keeps the data)', async () => {
    const { url, requests } = await serveWithEtag('/kev.json', readFileSync(FIX('kev', 'valid-catalog-1.json')));
    const cache = tmp();
    const [cold] = await kevProvider.fetch({ url }, ctx());
    expect(fresh(cold)).toMatchObject({ id: 'kev:cisa', location: url, etag: '"v1"' });
    writeDatabase(cache, [cold!], NOW);
    const [warm] = await kevProvider.fetch({ url }, ctx(readMetadata(cache)!.segments));
    expect(warm).toMatchObject({ id: 'kev:cisa', notModified: true, etag: '"v1"' });
    expect(requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    writeDatabase(cache, [warm!], NOW);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.enrichment('CVE-2024-57727')?.kev).toMatchObject({ dateAdded: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    db.close();
    await expect(kevProvider.fetch({ url: url.replace('kev.json', 'nope.json'), retries: 0 }, ctx())).rejects.toThrow(/HTTP 404/);
  });

  it('epss path and HTTP (gzip, conditional); a bad file is an error of the right kind', async () => {
    const [local] = await epssProvider.fetch({ path: FIX('epss', 'example-1.csv') }, ctx());
    expect(fresh(local).enrichments).toHaveLength(5);
    const bad = await epssProvider.fetch({ path: FIX('epss', 'missing-date.csv') }, ctx()).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConfigurationError);
    expect((bad as Error).message).toMatch(/missing-date\.csv: the first line has no score_date/);
    await expect(epssProvider.fetch({ path: FIX('epss') }, ctx())).rejects.toThrow(/is not a file/);

    const { url, requests } = await serveWithEtag('/epss_scores-current.csv.gz', gzipSync(readFileSync(FIX('epss', 'example-1.csv'))));
    const [cold] = await epssProvider.fetch({ url }, ctx());
    expect(fresh(cold)).toMatchObject({ id: 'epss:first', etag: '"v1"' });
    expect(fresh(cold).enrichments![4]).toEqual({ id: 'CVE-1999-0005', epss: { score: 0.91963, percentile: 0.99214, date: '2025-02-20' } });
    const [warm] = await epssProvider.fetch({ url }, ctx([cold!]));
    expect(warm).toMatchObject({ notModified: true });
    expect(requests).toHaveLength(2);

    const header = await serveWithEtag('/bad.csv', readFileSync(FIX('epss', 'invalid-header.csv')));
    const remote = await epssProvider.fetch({ url: header.url }, ctx()).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(RemoteError);
    expect((remote as Error).message).toMatch(/bad\.csv: line 2 is "invalid,header,format"/);
  });

  it('db update with nvd, kev and epss from paths: one database, each id joined to its enrichment', async () => {
    const cache = tmp();
    const res = await updateDatabase({
      cacheDir: cache,
      logger: silentLogger,
      now: () => NOW,
      requests: [
        { provider: 'nvd', options: { path: FIX('nvd', 'full-page.json') } },
        { provider: 'kev', options: { path: FIX('kev', 'valid-catalog-1.json') } },
        { provider: 'epss', options: { path: FIX('epss', 'example-1.csv') } },
      ],
    });
    expect(res.metadata.segments.map((s) => [s.kind, s.records])).toEqual([
      ['nvd', 38],
      ['kev', 3],
      ['epss', 5],
    ]);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.enrichmentCount).toBe(46);
    expect(db.enrichment('CVE-2025-0108')).toEqual({
      kev: {
        dateAdded: '2025-02-18',
        dueDate: '2025-03-11',
        knownRansomwareCampaignUse: 'Unknown',
        vulnerabilityName: 'Palo Alto Networks PAN-OS Authentication Bypass Vulnerability',
        requiredAction: 'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.',
      },
    });
    expect(db.enrichment('cve-1999-0003')).toEqual({ epss: { score: 0.04409, percentile: 0.9244, date: '2025-02-20' } });
    expect(db.enrichment('CVE-2023-45628')?.nvd).toMatchObject({ vulnStatus: 'Awaiting Analysis', cvss: [expect.objectContaining({ source: 'audit@patchstack.com', type: 'Secondary' })] });
    db.close();
  });
});
