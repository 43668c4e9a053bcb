import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { createRecordingLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { SourceBatch } from '../provider.js';
import { providerTestKit } from './test-support.js';
import { VulnerabilityDatabase, readMetadata, writeDatabase } from '../store.js';
import { createNvdProvider, nvdProvider, nvdYears, NVD_DELAY_MS, NVD_DELAY_WITH_KEY_MS } from './nvd.js';

const NVD = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'nvd', ...p);
const NOW = new Date('2024-06-01T00:00:00Z');

const { tmp, servers, ctx } = providerTestKit('portcullis-nvd-', NOW);

function metaOf(json: Buffer, lastModifiedDate: string, sha256 = createHash('sha256').update(json).digest('hex').toUpperCase()): string {
  const gz = gzipSync(json);
  return `lastModifiedDate:${lastModifiedDate}\r\nsize:${json.length}\r\nzipSize:${gz.length}\r\ngzSize:${gz.length}\r\nsha256:${sha256}\r\n`;
}

/** A local server: `routes` by path; every request is recorded. */
async function serve(routes: Record<string, (req: IncomingMessage) => { status?: number; body: Buffer | string }>): Promise<{ base: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const route = routes[new URL(req.url!, 'http://x').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const { status = 200, body } = route(req);
    res.writeHead(status).end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const fresh = (b: SourceBatch): Extract<SourceBatch, { notModified: false }> => {
  if (b.notModified) throw new Error(`${b.id} not modified`);
  return b;
};

describe('NVD feed years', () => {
  it('default to 2002..this year; a bad year is a configuration error', () => {
    expect(nvdYears(undefined, NOW)).toHaveLength(2024 - 2002 + 1);
    expect(nvdYears(['2023', '2022', '2023'], NOW)).toEqual(['2022', '2023']);
    expect(() => nvdYears(['1999'], NOW)).toThrow(ConfigurationError);
    expect(() => nvdYears(['v3.20'], NOW)).toThrow(/"v3.20" is not a year from 2002 to 2024/);
  });
});

describeShared('the nvd provider', () => {
  it('path: a file, or a folder of feed files (.json.gz + .meta) and pages; round trip through the database', async () => {
    const [single] = await nvdProvider.fetch({ path: NVD('single-entry.json') }, ctx());
    expect(fresh(single!)).toMatchObject({ id: `nvd:${NVD('single-entry.json')}`, kind: 'nvd', records: [], skipped: [] });
    expect(fresh(single!).enrichments).toHaveLength(1);

    const dir = tmp();
    const page = readFileSync(NVD('full-page.json'));
    writeFileSync(join(dir, 'nvdcve-2.0-2023.json.gz'), gzipSync(page));
    writeFileSync(join(dir, 'nvdcve-2.0-2023.meta'), metaOf(page, '2023-10-18T18:04:18-04:00'));
    writeFileSync(join(dir, 'page.json'), readFileSync(NVD('single-entry.json')));
    writeFileSync(join(dir, 'other.json'), readFileSync(NVD('snapshots', 'single-entry', '2022', 'cve-2022-1576.json')));
    const [batch] = await nvdProvider.fetch({ path: dir }, ctx());
    const b = fresh(batch!);
    expect(b.enrichments).toHaveLength(39);
    expect(b.skipped).toEqual([{ where: join(dir, 'other.json'), reason: 'not an NVD CVE API 2.0 document' }]);

    const cache = tmp();
    writeDatabase(cache, [b], NOW);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.enrichmentCount).toBe(39);
    expect(db.enrichment('cve-2022-1576')).toEqual({
      nvd: expect.objectContaining({
        cvss: [
          { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N', baseScore: 6.5, source: 'nvd@nist.gov', type: 'Primary' },
          { version: '2.0', vector: 'AV:N/AC:M/Au:N/C:N/I:P/A:N', baseScore: 4.3, source: 'nvd@nist.gov', type: 'Primary' },
        ],
        vulnStatus: 'Modified',
      }),
    });
    expect(db.enrichment('CVE-2023-27314')?.nvd?.cvss.map((c) => c.type)).toEqual(['Primary', 'Secondary']);
    expect(db.enrichment('CVE-1999-0001')).toBeUndefined();
    expect(readMetadata(cache)!.segments[0]).toMatchObject({ kind: 'nvd', records: 39 });
    db.close();
  });

  it('path: a .meta whose sha256 does not match is a configuration error naming the file', async () => {
    const dir = tmp();
    const page = readFileSync(NVD('full-page.json'));
    writeFileSync(join(dir, 'nvdcve-2.0-2023.json.gz'), gzipSync(page));
    writeFileSync(join(dir, 'nvdcve-2.0-2023.meta'), metaOf(page, 'x', 'AB'.repeat(32)));
    const err = await nvdProvider.fetch({ path: dir }, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/nvdcve-2\.0-2023\.json\.gz: sha256 [0-9a-f]{64} does not match the \.meta file's (ab){32}/);
    await expect(nvdProvider.fetch({ path: join(dir, 'none') }, ctx())).rejects.toThrow(/not found/);
  });

  it('feeds over HTTP: the .meta first; an unchanged lastModifiedDate costs only the .meta request', async () => {
    const page = readFileSync(NVD('full-page.json'));
    let lastModified = '2023-10-18T18:04:18-04:00';
    const { base, requests } = await serve({
      '/feeds/nvdcve-2.0-2023.meta': () => ({ body: metaOf(page, lastModified) }),
      '/feeds/nvdcve-2.0-2023.json.gz': () => ({ body: gzipSync(page) }),
    });
    const url = `${base}/feeds`;
    const cache = tmp();
    const [cold] = await nvdProvider.fetch({ url, ecosystems: ['2023'] }, ctx());
    expect(requests.map((r) => r.url)).toEqual(['/feeds/nvdcve-2.0-2023.meta', '/feeds/nvdcve-2.0-2023.json.gz']);
    expect(cold).toMatchObject({ id: 'nvd:2023', location: `${url}/nvdcve-2.0-2023.json.gz`, lastModified, notModified: false });
    expect(fresh(cold!).enrichments).toHaveLength(38);
    writeDatabase(cache, [cold!], NOW);

    requests.length = 0;
    const previous = readMetadata(cache)!.segments;
    const [warm] = await nvdProvider.fetch({ url, ecosystems: ['2023'] }, ctx(previous));
    expect(requests.map((r) => r.url)).toEqual(['/feeds/nvdcve-2.0-2023.meta']);
    expect(warm).toMatchObject({ id: 'nvd:2023', notModified: true, lastModified });
    writeDatabase(cache, [warm!], NOW);
    const db = VulnerabilityDatabase.open(cache);
    expect(db.enrichment('CVE-2023-45109')?.nvd?.cvss).toHaveLength(2);
    db.close();

    requests.length = 0;
    lastModified = '2023-10-19T03:00:01-04:00';
    const [changed] = await nvdProvider.fetch({ url, ecosystems: ['2023'] }, ctx(readMetadata(cache)!.segments));
    expect(requests).toHaveLength(2);
    expect(changed).toMatchObject({ notModified: false, lastModified });
  });

  it('feeds over HTTP: a download that does not match its .meta sha256 is a remote error naming the file', async () => {
    const page = readFileSync(NVD('full-page.json'));
    const { base } = await serve({
      '/nvdcve-2.0-2023.meta': () => ({ body: metaOf(page, 'x') }),
      '/nvdcve-2.0-2023.json.gz': () => ({ body: gzipSync(Buffer.concat([page, Buffer.from(' ')])) }),
    });
    const err = await nvdProvider.fetch({ url: base, ecosystems: ['2023'], retries: 0 }, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/nvdcve-2\.0-2023\.json\.gz: sha256 .* does not match the \.meta file's/);
    await expect(nvdProvider.fetch({ url: base, ecosystems: ['2022'], retries: 0 }, ctx())).rejects.toThrow(/nvdcve-2\.0-2022\.meta: HTTP 404/);
    // This year's file may not be published yet (early January): skipped with a warning.
    const logger = createRecordingLogger();
    await expect(nvdProvider.fetch({ url: base, ecosystems: ['2024'], retries: 0 }, { ...ctx(), logger })).resolves.toEqual([]);
    expect(logger.lines).toContainEqual({ level: 'warning', message: expect.stringMatching(/nvdcve-2\.0-2024\.meta: HTTP 404; NVD has no 2024 feed yet, skipped/) });
  });

  it('the CVE API: paged by startIndex, resultsPerPage=2000, paced (6 s without a key, 0.6 s with one), apiKey header from NVD_API_KEY', async () => {
    const doc = JSON.parse(readFileSync(NVD('full-page.json'), 'utf8')) as { vulnerabilities: unknown[] };
    const PAGE = 15; // the server caps pages, as NVD may
    const { base, requests } = await serve({
      '/rest/json/cves/2.0': (req) => {
        const q = new URL(req.url!, 'http://x').searchParams;
        const start = Number(q.get('startIndex'));
        const slice = doc.vulnerabilities.slice(start, start + Math.min(PAGE, Number(q.get('resultsPerPage'))));
        return { body: JSON.stringify({ resultsPerPage: slice.length, startIndex: start, totalResults: doc.vulnerabilities.length, vulnerabilities: slice }) };
      },
    });
    const url = `${base}/rest/json/cves/2.0`;
    for (const [env, delay] of [
      [{}, NVD_DELAY_MS],
      [{ NVD_API_KEY: 'k-123' }, NVD_DELAY_WITH_KEY_MS],
    ] as const) {
      requests.length = 0;
      const sleeps: number[] = [];
      const provider = createNvdProvider({ env, sleep: (ms) => (sleeps.push(ms), Promise.resolve()) });
      const [batch] = await provider.fetch({ url }, ctx());
      expect(fresh(batch!)).toMatchObject({ id: 'nvd:api', location: url });
      expect(fresh(batch!).enrichments).toHaveLength(38);
      expect(requests.map((r) => new URL(r.url!, 'http://x').search)).toEqual([
        '?startIndex=0&resultsPerPage=2000',
        '?startIndex=15&resultsPerPage=2000',
        '?startIndex=30&resultsPerPage=2000',
      ]);
      expect(sleeps).toEqual([delay, delay]);
      expect(requests.map((r) => r.headers.apikey)).toEqual(Array(3).fill('NVD_API_KEY' in env ? 'k-123' : undefined));
    }
  });
});
