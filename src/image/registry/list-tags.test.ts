import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import { RegistryClient } from './client.js';
import { parseRegistryName } from './reference.js';

/** The distribution API's tag list, paginated with `Link: <…>; rel="next"` as Docker Distribution does. */
describe('RegistryClient.listTags', () => {
  let server: Server;
  let addr = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const url = new URL(req.url ?? '', 'http://x');
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      if (url.pathname === '/v2/team/app/tags/list') {
        if (!url.searchParams.get('last')) return json(200, { name: 'team/app', tags: ['a', 'b'] }, { link: '</v2/team/app/tags/list?n=2&last=b>; rel="next"' });
        return json(200, { name: 'team/app', tags: ['c', 'bad tag', 7] });
      }
      if (url.pathname === '/v2/team/away/tags/list') return json(200, { tags: ['x'] }, { link: '<http://elsewhere.example/v2/team/away/tags/list?last=x>; rel="next"' });
      if (url.pathname === '/v2/team/none/tags/list') return json(200, { name: 'team/none', tags: null });
      if (url.pathname === '/v2/team/text/tags/list') return void res.writeHead(200).end('<html>');
      return json(404, { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    addr = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const tags = async (repo: string, max?: number) => {
    const client = await RegistryClient.create({ name: parseRegistryName(`${addr}/${repo}`), credentials: async () => undefined, retries: 0, timeoutMs: 5000, logger: silentLogger });
    try {
      return await client.listTags(undefined, max);
    } finally {
      await client.close();
    }
  };

  it('follows next links of the same list, keeps only valid tags, and stops at max', async () => {
    expect(await tags('team/app')).toEqual(['a', 'b', 'c']);
    expect(seen).toContain('/v2/team/app/tags/list?n=2&last=b');
    expect(await tags('team/app', 1)).toEqual(['a']);
    expect(await tags('team/away')).toEqual(['x']);
    expect(await tags('team/none')).toEqual([]);
  });

  it('says what went wrong, naming the registry and repository', async () => {
    await expect(tags('team/text')).rejects.toThrow(`registry ${addr} (repository team/text) answered the tag list with something that is not JSON`);
    await expect(tags('team/gone')).rejects.toThrow(`repository unknown: tag list not found in registry ${addr} (repository team/gone) (NAME_UNKNOWN: repository name not known to registry)`);
  });
});
