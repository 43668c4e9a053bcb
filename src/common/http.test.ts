import { createServer, request as nodeRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RemoteError } from './errors.js';
import { createDispatcher, httpRequest, redactUrl, RetriesExhausted, retryAfterMs, splitUrlCredentials, withRetries } from './http.js';
import { createRecordingLogger, redactSecrets } from './logger.js';
import { testServers } from '../../test/helpers/http-server.js';

const { serve, listen } = testServers();

/**
 * A tiny forward proxy: CONNECT tunnels (what undici's ProxyAgent sends) and absolute-URI requests, recording each
 * target. Only loopback targets are reached.
 */
async function proxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const up = nodeRequest({ host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  server.on('connect', (req: IncomingMessage, socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [, port] = req.url!.split(':');
    const up = connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  return { url: await listen(server), seen };
}

describe('Retry-After', () => {
  it('reads seconds and HTTP dates (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it.each([429, 503])('waits the Retry-After a %d asks for (1 s), then succeeds', async (status) => {
    const times: number[] = [];
    const url = await serve((_req, res) => {
      times.push(Date.now());
      if (times.length === 1) {
        res.writeHead(status, { 'retry-after': '1' }).end('slow down');
        return;
      }
      res.end('ok');
    });
    const logger = createRecordingLogger();
    // backoffMs 1: without Retry-After the retry would come at once, so the delay measured is the server's.
    const res = await withRetries(() => httpRequest(`${url}/x`), { retries: 2, backoffMs: 1, logger, what: 'GET x' });
    expect(res.statusCode).toBe(200);
    expect(res.attempts).toBe(2);
    expect(await res.body.text()).toBe('ok');
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(logger.lines.some((l) => l.level === 'debug' && l.message.includes(`HTTP ${status}; retry 1/2 in 1000 ms`))).toBe(true);
  });

  it('hands back the last answer when the retries run out, and does not retry a 4xx', async () => {
    let hits = 0;
    const url = await serve((req, res) => {
      hits++;
      res.writeHead(req.url === '/gone' ? 404 : 500).end();
    });
    const res = await withRetries(() => httpRequest(`${url}/boom`), { retries: 2, backoffMs: 1 });
    expect([res.statusCode, res.attempts, hits]).toEqual([500, 3, 3]);
    const gone = await withRetries(() => httpRequest(`${url}/gone`), { retries: 2, backoffMs: 1 });
    expect([gone.statusCode, gone.attempts, hits]).toEqual([404, 1, 4]);
  });

  it('a network error that outlives the retries is RetriesExhausted with the attempt count', async () => {
    const url = await serve((_req, res) => res.end());
    const dead = url.replace(/:\d+$/, ':9');
    const error = await withRetries(() => httpRequest(dead), { retries: 1, backoffMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect((error as RetriesExhausted).attempts).toBe(2);
  });

  it('a time-out is a network error: headersTimeout ends a request whose server never answers', async () => {
    const url = await serve(() => {
      // never answers
    });
    const started = Date.now();
    const error = await withRetries(() => httpRequest(url, { timeoutMs: 200 }), { retries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('credentials in URLs', () => {
  it('are split into a Basic header (percent-escapes decoded, RFC 3986 §3.2.1) and never shown', () => {
    const s = splitUrlCredentials('https://ci%40acme:p%3Ass@store.example:8228/v2?x=1');
    expect(s.url).toBe('https://store.example:8228/v2?x=1');
    expect(Buffer.from(s.authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe('ci@acme:p:ss');
    expect(redactUrl('http://user:pass@host/a')).toBe('http://host/a');
    expect(redactSecrets('GET http://user:s3cret@127.0.0.1:8080/x: HTTP 500 and postgres://u:p@db/x')).toBe('GET http://127.0.0.1:8080/x: HTTP 500 and postgres://db/x');
    expect(redactSecrets('mail me at user@example.com')).toBe('mail me at user@example.com');
  });

  it('are sent as Basic auth, not in the request line', async () => {
    const seen: { auth?: string; url?: string }[] = [];
    const url = await serve((req, res) => {
      seen.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), ...(req.url ? { url: req.url } : {}) });
      res.end();
    });
    const res = await httpRequest(url.replace('http://', 'http://ci:s3cret@') + '/v2/x');
    await res.body.dump();
    expect(seen).toEqual([{ auth: `Basic ${Buffer.from('ci:s3cret').toString('base64')}`, url: '/v2/x' }]);
    expect(res.url).not.toContain('s3cret');
  });
});

describe('redirects', () => {
  it('keep the Authorization header on the same origin and drop it on another', async () => {
    const seen: { path: string; auth: string | undefined }[] = [];
    const other = await serve((req, res) => {
      seen.push({ path: `other${req.url}`, auth: req.headers.authorization });
      res.end('there');
    });
    const origin = await serve((req, res) => {
      seen.push({ path: `origin${req.url}`, auth: req.headers.authorization });
      if (req.url === '/a') res.writeHead(302, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(307, { location: `${other}/c` }).end();
      else res.end();
    });
    const res = await httpRequest(`${origin}/a`, { headers: { Authorization: 'Bearer t0ken' } });
    expect(await res.body.text()).toBe('there');
    expect(seen).toEqual([
      { path: 'origin/a', auth: 'Bearer t0ken' },
      { path: 'origin/b', auth: 'Bearer t0ken' },
      { path: 'other/c', auth: undefined },
    ]);
    expect(res.url).toBe(`${other}/c`);
  });

  it('stop after five hops with a RemoteError', async () => {
    const url = await serve((req, res) => res.writeHead(302, { location: `/n${Number(req.url!.slice(2) || 0) + 1}` }).end());
    await expect(httpRequest(`${url}/n0`)).rejects.toThrow(RemoteError);
  });

  it('are returned as they are when following is off', async () => {
    const url = await serve((_req, res) => res.writeHead(301, { location: '/elsewhere' }).end());
    const res = await httpRequest(url, { followRedirects: false });
    expect(res.statusCode).toBe(301);
    await res.body.dump();
  });
});

describe('proxies (HTTP_PROXY / HTTPS_PROXY / NO_PROXY through EnvHttpProxyAgent)', () => {
  it('goes through the proxy the environment names', async () => {
    const origin = await serve((_req, res) => res.end('via'));
    const p = await proxy();
    const dispatcher = createDispatcher({ env: { HTTP_PROXY: p.url } });
    try {
      const res = await httpRequest(`${origin}/x`, { dispatcher });
      expect(await res.body.text()).toBe('via');
      expect(p.seen).toHaveLength(1);
      expect(p.seen[0]).toMatch(new RegExp(`^(CONNECT 127\\.0\\.0\\.1:${new URL(origin).port}|GET ${origin}/x)$`));
    } finally {
      await dispatcher.close();
    }
  });

  it('lower-case variables are read too, and NO_PROXY exempts a host', async () => {
    const origin = await serve((_req, res) => res.end('direct'));
    const p = await proxy();
    const dispatcher = createDispatcher({ env: { http_proxy: p.url, NO_PROXY: '127.0.0.1' } });
    try {
      const res = await httpRequest(`${origin}/x`, { dispatcher });
      expect(await res.body.text()).toBe('direct');
      expect(p.seen).toEqual([]);
    } finally {
      await dispatcher.close();
    }
  });

  it('without a proxy variable, connects directly', async () => {
    const origin = await serve((_req, res) => res.end('direct'));
    const dispatcher = createDispatcher({ env: {} });
    try {
      expect(await (await httpRequest(origin, { dispatcher })).body.text()).toBe('direct');
    } finally {
      await dispatcher.close();
    }
  });
});
