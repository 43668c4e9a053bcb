import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { silentLogger } from '../../common/logger.js';
import { ACCEPTED_MANIFEST_TYPES } from '../manifest.js';
import { RegistryClient, retryAfterMs } from './client.js';
import { parseRegistryName } from './reference.js';
import { hasCommand } from '../../../test/helpers/registry/real-services.js';
import { describeUnless } from '../../../test/helpers/skip.js';

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: 'sha256:x' }, layers: [] }));
const MANIFEST_DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const answer: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
  res.end(MANIFEST);
};
// 127.0.0.2 is loopback on Linux but not one of the names that are always plain http, so it exercises https.
const HOST = '127.0.0.2';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  return `${HOST}:${(server.address() as AddressInfo).port}`;
}

async function client(endpoint: string, extra: { caFile?: string; insecureRegistries?: string[] } = {}): Promise<RegistryClient> {
  return RegistryClient.create({ name: parseRegistryName(`${endpoint}/team/app:1`), credentials: async () => undefined, retries: 0, timeoutMs: 5000, logger: silentLogger, ...extra });
}

const skipTls = hasCommand('openssl') ? undefined : 'openssl is not installed';
describeUnless(skipTls, `registry client transport: https with a custom CA, insecure registries`, () => {
  let dir: string;
  let https: Server;
  let http: Server;
  let httpsAddr: string;
  let httpAddr: string;
  const clients: RegistryClient[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=IP:${HOST}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    https = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, answer);
    http = createHttpServer(answer);
    httpsAddr = await listen(https);
    httpAddr = await listen(http);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    for (const s of [https, http]) {
      s?.closeAllConnections();
      await new Promise((r) => s?.close(r));
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const make = async (...args: Parameters<typeof client>): Promise<RegistryClient> => {
    const c = await client(...args);
    clients.push(c);
    return c;
  };

  it('refuses a certificate from an unknown CA, and accepts it with --ca-file', async () => {
    const plain = await make(httpsAddr);
    expect(plain.baseUrl).toBe(`https://${httpsAddr}/v2/team/app`);
    const err = await plain.getManifest('1', ACCEPTED_MANIFEST_TYPES).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(new RegExp(`^cannot reach registry ${httpsAddr} \\(repository team/app\\) at https://${httpsAddr} for manifest .*certificate`, 'i'));
    const trusted = await make(httpsAddr, { caFile: join(dir, 'cert.pem') });
    const got = await trusted.getManifest('1', ACCEPTED_MANIFEST_TYPES);
    expect(got.digest).toBe(MANIFEST_DIGEST);
    expect(got.contentType).toBe('application/vnd.oci.image.manifest.v1+json');
  });

  it('uses plain http for a registry listed as insecure, and https otherwise', async () => {
    await expect((await make(httpAddr)).getManifest('1', ACCEPTED_MANIFEST_TYPES)).rejects.toThrow(`cannot reach registry ${httpAddr}`);
    const insecure = await make(httpAddr, { insecureRegistries: [httpAddr] });
    expect(insecure.baseUrl).toBe(`http://${httpAddr}/v2/team/app`);
    expect((await insecure.getManifest('1', ACCEPTED_MANIFEST_TYPES)).digest).toBe(MANIFEST_DIGEST);
  });

  it('refuses a CA file that is missing or holds no certificate', async () => {
    await expect(client(httpsAddr, { caFile: join(dir, 'absent.pem') })).rejects.toThrow(`cannot read the CA bundle ${join(dir, 'absent.pem')}`);
    writeFileSync(join(dir, 'empty.pem'), 'nothing here\n');
    await expect(client(httpsAddr, { caFile: join(dir, 'empty.pem') })).rejects.toThrow(ConfigurationError);
  });
});

describe('registry client push: bearer tokens with push scope, HEAD, monolithic upload, manifest PUT', () => {
  let server: Server;
  let addr: string;
  const scopes: string[] = [];
  const calls: string[] = [];
  const blobs = new Map<string, Buffer>();
  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (url.pathname === '/token') {
          scopes.push(url.searchParams.get('scope') ?? '');
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'push-token' }));
        }
        calls.push(`${req.method} ${url.pathname}`);
        if (req.headers.authorization !== 'Bearer push-token') {
          return void res
            .writeHead(401, { 'www-authenticate': `Bearer realm="http://${addr}/token",service="fake",scope="repository:team/db:pull"` })
            .end();
        }
        const blob = /^\/v2\/team\/db\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
        if (req.method === 'HEAD' && blob) return void res.writeHead(blobs.has(blob[1]!) ? 200 : 404).end();
        if (req.method === 'POST' && url.pathname === '/v2/team/db/blobs/uploads/') return void res.writeHead(202, { location: '/v2/team/db/blobs/uploads/u1?state=x' }).end();
        if (req.method === 'PUT' && url.pathname === '/v2/team/db/blobs/uploads/u1') {
          const digest = url.searchParams.get('digest')!;
          if (url.searchParams.get('state') !== 'x' || `sha256:${createHash('sha256').update(body).digest('hex')}` !== digest) return void res.writeHead(400).end();
          blobs.set(digest, body);
          return void res.writeHead(201).end();
        }
        if (req.method === 'PUT' && url.pathname === '/v2/team/db/manifests/v1') return void res.writeHead(201).end();
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    addr = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('asks for repository:<name>:pull,push, uploads once, then skips a blob the registry has', async () => {
    const pusher = await RegistryClient.create({ name: parseRegistryName(`${addr}/team/db:v1`), push: true, credentials: () => Promise.resolve(undefined), logger: silentLogger });
    const bytes = Buffer.from('a compiled database');
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    expect(await pusher.pushBlob(bytes, digest)).toBe(true);
    expect(await pusher.pushBlob(bytes, digest)).toBe(false);
    await expect(pusher.pushBlob(bytes, `sha256:${'0'.repeat(64)}`)).rejects.toThrow(/its content hashes to sha256:/);
    const manifest = Buffer.from('{"schemaVersion":2}');
    expect(await pusher.putManifest('v1', manifest, 'application/vnd.oci.image.manifest.v1+json')).toBe(`sha256:${createHash('sha256').update(manifest).digest('hex')}`);
    await pusher.close();
    expect(scopes).toEqual(['repository:team/db:pull,push']);
    expect(blobs.get(digest)?.equals(bytes)).toBe(true);
    expect(calls).toEqual([
      `HEAD /v2/team/db/blobs/${digest}`,
      `HEAD /v2/team/db/blobs/${digest}`,
      'POST /v2/team/db/blobs/uploads/',
      'PUT /v2/team/db/blobs/uploads/u1',
      `HEAD /v2/team/db/blobs/${digest}`,
      'PUT /v2/team/db/manifests/v1',
    ]);
  });
});
