import { describe, expect, it } from 'vitest';
import { RemoteError } from '../common/errors.js';
import { conditionalGet, sameLocation, storedLocation } from './http.js';
import { testServers } from '../../test/helpers/http-server.js';

const { serve } = testServers();

const BASIC = `Basic ${Buffer.from('mirror:s3cret').toString('base64')}`;

describe('db update through a mirror (--db-url with credentials, redirects)', () => {
  it('sends the URL credentials as Basic auth and keeps them on a same-origin redirect', async () => {
    const seen: { url: string; auth: string | undefined }[] = [];
    const url = await serve((req, res) => {
      seen.push({ url: req.url!, auth: req.headers.authorization });
      if (req.url === '/npm/all.zip') res.writeHead(302, { location: '/blobs/npm-all.zip' }).end();
      else res.writeHead(200, { etag: '"v1"' }).end('zip bytes');
    });
    const r = await conditionalGet(`${url.replace('http://', 'http://mirror:s3cret@')}/npm/all.zip`, { retries: 0 });
    expect(r).toEqual({ status: 200, body: Buffer.from('zip bytes'), etag: '"v1"' });
    expect(seen).toEqual([
      { url: '/npm/all.zip', auth: BASIC },
      { url: '/blobs/npm-all.zip', auth: BASIC },
    ]);
  });

  it('drops the Authorization header on a redirect to another origin (a signed bucket URL)', async () => {
    const seen: (string | undefined)[] = [];
    const bucket = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.end('from the bucket');
    });
    const mirror = await serve((_req, res) => res.writeHead(307, { location: `${bucket}/signed?sig=1` }).end());
    const r = await conditionalGet(`${mirror.replace('http://', 'http://mirror:s3cret@')}/npm/all.zip`, { retries: 0 });
    expect(r.status).toBe(200);
    expect(seen).toEqual([undefined]);
  });

  it('a failure names the URL without its credentials', async () => {
    const url = await serve((_req, res) => res.writeHead(403).end());
    const error = await conditionalGet(`${url.replace('http://', 'http://mirror:s3cret@')}/npm/all.zip`, { retries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as Error).message).toBe(`GET ${url}/npm/all.zip: HTTP 403`);
  });
});

describe('stored source locations', () => {
  it('keep no credentials, and still match the URL they came from', () => {
    expect(storedLocation('https://mirror:s3cret@mirror.example/osv/npm/all.zip')).toBe('https://mirror.example/osv/npm/all.zip');
    expect(storedLocation('/srv/feeds/alpine')).toBe('/srv/feeds/alpine');
    expect(sameLocation('https://mirror.example/osv/npm/all.zip', 'https://mirror:s3cret@mirror.example/osv/npm/all.zip')).toBe(true);
    expect(sameLocation('https://other.example/osv/npm/all.zip', 'https://mirror:s3cret@mirror.example/osv/npm/all.zip')).toBe(false);
    expect(sameLocation(undefined, 'https://mirror.example/')).toBe(false);
  });
});
