import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { VULNERABILITY_PROVIDERS } from '../list.js';
import type { SourceBatch } from '../provider.js';
import { providerTestKit } from './test-support.js';
import { VulnerabilityDatabase, writeDatabase } from '../store.js';
import { azureLinuxOvalUrl, marinerOvalProvider, oracleOvalProvider, slesOvalProvider, suseOvalUrl } from './native-oval.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', ...p);
const NOW = new Date('2026-01-01T00:00:00Z');

const { tmp, servers, ctx } = providerTestKit('portcullis-oval-', NOW);

async function serve(routes: Record<string, (req: IncomingMessage) => { status?: number; body?: Buffer | string; headers?: Record<string, string> }>): Promise<{ base: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const route = routes[new URL(req.url!, 'http://x').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const { status = 200, body = '', headers = {} } = route(req);
    res.writeHead(status, headers).end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const fresh = (b: SourceBatch | undefined): Extract<SourceBatch, { notModified: false }> => {
  if (!b || b.notModified) throw new Error(`${b?.id} not modified`);
  return b;
};

describe('the OVAL providers', () => {
  it('are registered as oracle, sles and mariner', () => {
    for (const id of ['oracle', 'sles', 'mariner']) expect(VULNERABILITY_PROVIDERS.get(id).id).toBe(id);
  });

  it('default URLs: SUSE per major, Azure Linux per release; bad values and .bz2 are configuration errors', async () => {
    expect(suseOvalUrl('15')).toBe('https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.server.15.xml.gz');
    expect(azureLinuxOvalUrl('2.0')).toBe('https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main/cbl-mariner-2.0-oval.xml');
    expect(azureLinuxOvalUrl('3')).toBe('https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main/azurelinux-3.0-oval.xml');
    expect(() => suseOvalUrl('15 SP5')).toThrow(ConfigurationError);
    expect(() => azureLinuxOvalUrl('3.1')).toThrow(/not an Azure Linux \/ CBL-Mariner release/);
    await expect(oracleOvalProvider.fetch({}, ctx())).rejects.toThrow(/Oracle publishes its OVAL only as \.bz2 .*decompress it \(bunzip2 -k\)/);
    await expect(oracleOvalProvider.fetch({ url: 'https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2' }, ctx())).rejects.toThrow(
      /bzip2-compressed, which Node cannot decompress: decompress it first/,
    );
    await expect(oracleOvalProvider.fetch({ path: '/data/com.oracle.elsa-all.xml.bz2' }, ctx())).rejects.toThrow(ConfigurationError);
    await expect(oracleOvalProvider.fetch({ path: '/nowhere/at/all.xml' }, ctx())).rejects.toThrow(/path not found/);
  });
});

describeShared('the OVAL providers on the vunnel fixtures', () => {
  it('oracle path: one file → one native source of ELSA records', async () => {
    const [batch] = await oracleOvalProvider.fetch({ path: FIX('oracle', 'mock_data') }, ctx());
    const b = fresh(batch);
    expect(b).toMatchObject({ id: `oracle:${FIX('oracle', 'mock_data')}`, provider: 'oracle', kind: 'native', fetchedAt: NOW.toISOString(), skipped: [] });
    expect(b.records.map((r) => r.id)).toEqual(['ELSA-2007-0057', 'ELSA-2018-4250']);
  });

  it('oracle path: a folder of .xml and .xml.gz; .bz2 and non-OVAL files are skipped and listed; a malformed single file is an error', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'com.oracle.elsa-2007.xml'), readFileSync(FIX('oracle', 'mock_data')));
    writeFileSync(join(dir, 'com.oracle.elsa-2022.xml.gz'), gzipSync(readFileSync(FIX('oracle', 'mock_per_arch_data'))));
    writeFileSync(join(dir, 'com.oracle.elsa-2021.xml.bz2'), 'BZh91AY&SY');
    writeFileSync(join(dir, 'notes.xml'), '<notes><note>hello</note></notes>');
    const b = fresh((await oracleOvalProvider.fetch({ path: dir }, ctx()))[0]);
    expect(b.id).toBe(`oracle:${dir}`);
    expect(b.records.map((r) => r.id).sort()).toEqual(['ELSA-2007-0057', 'ELSA-2018-4250', 'ELSA-2022-4803', 'ELSA-2024-2961', 'ELSA-2025-10073']);
    expect(b.skipped).toEqual([
      { where: join(dir, 'com.oracle.elsa-2021.xml.bz2'), reason: 'bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k)' },
      { where: join(dir, 'notes.xml'), reason: 'not an OVAL definitions document (no <oval_definitions> root)' },
    ]);
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, readFileSync(FIX('oracle', 'mock_data')).subarray(0, 3000));
    await expect(oracleOvalProvider.fetch({ path: broken }, ctx())).rejects.toThrow(ConfigurationError);
    await expect(oracleOvalProvider.fetch({ path: broken }, ctx())).rejects.toThrow(/broken\.xml: not well-formed XML/);
  });

  it('sles url: gzip served as a file, conditional GET (304 keeps the records), 404 and malformed bodies are remote errors', async () => {
    const gz = gzipSync(readFileSync(FIX('sles', 'suse_truncated.xml')));
    const { base, requests } = await serve({
      '/oval/suse.linux.enterprise.server.15.xml.gz': (req) => (req.headers['if-none-match'] === '"v1"' ? { status: 304 } : { body: gz, headers: { etag: '"v1"' } }),
      '/oval/broken.xml': () => ({ body: '<oval_definitions><definitions>' }),
    });
    const url = `${base}/oval/suse.linux.enterprise.server.15.xml.gz`;
    const b = fresh((await slesOvalProvider.fetch({ url }, ctx()))[0]);
    expect(b).toMatchObject({ id: `sles:${url}`, kind: 'native', location: url, etag: '"v1"' });
    expect(b.records.map((r) => r.id)).toEqual(['CVE-2021-29154', 'CVE-2010-1323', 'CVE-2026-34073']);
    const [again] = await slesOvalProvider.fetch({ url }, ctx([b]));
    expect(again).toMatchObject({ id: `sles:${url}`, notModified: true, etag: '"v1"' });
    expect(requests[1]!.headers['if-none-match']).toBe('"v1"');
    await expect(slesOvalProvider.fetch({ url: `${base}/oval/missing.xml`, retries: 0 }, ctx())).rejects.toThrow(RemoteError);
    await expect(slesOvalProvider.fetch({ url: `${base}/oval/broken.xml` }, ctx())).rejects.toThrow(/broken\.xml: not well-formed XML/);
  });

  it('mariner url: the release comes from the file name; the records round-trip through the database', async () => {
    const { base } = await serve({
      '/main/cbl-mariner-2.0-oval.xml': () => ({ body: readFileSync(FIX('mariner', 'mariner-truncated-2.0-oval.xml')) }),
      '/main/azurelinux-3.0-oval.xml': () => ({ body: readFileSync(FIX('mariner', 'azure-linux-truncated-3.0-oval.xml')) }),
    });
    const two = fresh((await marinerOvalProvider.fetch({ url: `${base}/main/cbl-mariner-2.0-oval.xml` }, ctx()))[0]);
    const three = fresh((await marinerOvalProvider.fetch({ url: `${base}/main/azurelinux-3.0-oval.xml` }, ctx()))[0]);
    expect(two.records).toHaveLength(4);
    expect(three.records.map((r) => r.affected?.[0]?.package?.ecosystem)).toEqual(['Azure Linux:3', 'Azure Linux:3', 'Azure Linux:3']);
    const oracle = fresh((await oracleOvalProvider.fetch({ path: FIX('oracle', 'mock_data') }, ctx()))[0]);
    const cache = tmp();
    writeDatabase(cache, [two, three, oracle], NOW);
    const db = VulnerabilityDatabase.open(cache);
    try {
      expect(db.lookup('CBL-Mariner:2.0', 'mysql').map((s) => s.record.id).sort()).toEqual(['CVE-2023-21977', 'CVE-2023-21980']);
      expect(db.lookup('Azure Linux:3', 'ceph').map((s) => s.record.id)).toEqual(['CVE-2020-27304']);
      expect(db.lookup('Oracle Linux:5', 'bind').map((s) => s.record.id)).toEqual(['ELSA-2007-0057']);
    } finally {
      db.close();
    }
  });
});
