import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, ImageWorkspace, pseudoRandomBytes, writeOciLayoutRefs, type LayerSpec } from '../../../test/helpers/image-builder.js';
import { ImageError, RemoteError } from '../../common/errors.js';
import { openImage } from '../open.js';
import { readImage } from '../read-image.js';
import { startHttpServer, sendJson, type Handler, type TestServer } from '../../../test/helpers/registry/http-server.js';
import { bearerGate, layoutRegistry } from '../../../test/helpers/registry/layout-registry.js';
import { fileSummary, testSourceOptions, writeDockerConfig } from '../../../test/helpers/registry/options.js';
import type { SourceOptions } from '../source.js';
import { openRegistryImage } from './registry.js';

const AMD64 = { os: 'linux', architecture: 'amd64' };

// The served layout: a five-layer image (ref `app`) and a two-platform index over it (ref `app-multiarch`), built
// with the project's image builder, so that these tests need nothing from ../shared.
const ws = new ImageWorkspace();
let LAYOUT: string;
let APP_MANIFEST: string;
let ARM64_MANIFEST: string;
let MULTI_INDEX: string;
let CONFIG: string;
let LAYER0: string;
beforeAll(() => {
  const layers: LayerSpec[] = [
    {
      createdBy: 'ADD rootfs.tar /',
      files: [
        { path: 'etc/', type: 'dir' },
        { path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
        { path: 'etc/motd', content: 'hello\n' },
        { path: 'usr/lib/filler.bin', content: pseudoRandomBytes(256 * 1024, 7) },
      ],
    },
    { createdBy: 'RUN mkdir /srv/app', files: [{ path: 'srv/app/', type: 'dir', mode: 0o755 }] },
    { createdBy: 'COPY server.js /srv/app/', files: [{ path: 'srv/app/server.js', content: 'console.log(1);\n', mode: 0o644, uid: 1000, gid: 1000 }] },
    { createdBy: 'RUN ln -s', files: [{ path: 'usr/bin/app', target: '../../srv/app/server.js' }] },
    { createdBy: 'RUN rm /etc/motd', files: [{ path: 'etc/motd', whiteout: true }] },
  ];
  const app = buildImage({ layers, refName: 'app' });
  const multi = buildImage({ layers, refName: 'app-multiarch', index: { platforms: [AMD64, { os: 'linux', architecture: 'arm64', variant: 'v8' }] } });
  LAYOUT = writeOciLayoutRefs(join(ws.dir, 'layout'), [app, multi]);
  APP_MANIFEST = app.manifestDigest;
  CONFIG = app.configDigest;
  LAYER0 = app.layers[0]!.digest;
  MULTI_INDEX = multi.top.digest;
  const index = JSON.parse(multi.blobs.get(MULTI_INDEX)!.toString('utf8')) as { manifests: { digest: string; platform: { architecture: string } }[] };
  ARM64_MANIFEST = index.manifests.find((m) => m.platform.architecture === 'arm64')!.digest;
});
afterAll(() => ws.cleanup());

const servers: TestServer[] = [];
const configDirs: string[] = [];
async function serve(...handlers: Handler[]): Promise<TestServer> {
  const s = await startHttpServer(...handlers);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of configDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Opens through the registry source with fast retries, then reads the whole image. */
async function pull(name: string, options: Partial<SourceOptions> = {}) {
  const opened = await openRegistryImage(name, `registry:${name}`, testSourceOptions({ platform: AMD64, ...options }), { retryBaseMs: 5 });
  return readImage(opened);
}

describe('registry source against a layout served over HTTP', () => {
  let expected: string[];
  beforeAll(async () => {
    expected = fileSummary(await readImage(await openImage(`oci-dir:${LAYOUT}:app`, testSourceOptions())));
  });

  it('reads a tagged image anonymously, with the same files as the layout', async () => {
    const reg = await serve(layoutRegistry(LAYOUT));
    const view = await readImage(await openImage(`registry:${reg.hostPort}/fixtures/app:app`, testSourceOptions({ platform: AMD64 })));
    expect(fileSummary(view)).toEqual(expected);
    expect(view.metadata.source).toBe('registry');
    expect(view.metadata.manifestDigest).toBe(APP_MANIFEST);
    expect(view.metadata.configDigest).toBe(CONFIG);
    expect(view.metadata.repoTags).toEqual([`${reg.hostPort}/fixtures/app:app`]);
    expect(view.metadata.repoDigests).toEqual([`${reg.hostPort}/fixtures/app@${APP_MANIFEST}`]);
    expect(reg.requests.every((r) => r.auth === undefined)).toBe(true);
  });

  it('reads by digest, and picks the platform from an index', async () => {
    const reg = await serve(layoutRegistry(LAYOUT));
    const byDigest = await pull(`${reg.hostPort}/fixtures/app@${APP_MANIFEST}`);
    expect(fileSummary(byDigest)).toEqual(expected);
    const arm = await pull(`${reg.hostPort}/fixtures/app:app-multiarch`, { platform: { os: 'linux', architecture: 'arm64' } });
    expect(arm.metadata.platform.architecture).toBe('arm64');
    expect(arm.metadata.manifestDigest).toBe(ARM64_MANIFEST);
    expect(arm.metadata.indexDigest).toBe(MULTI_INDEX);
    expect(arm.metadata.repoDigests).toEqual([`${reg.hostPort}/fixtures/app@${MULTI_INDEX}`]);
  });

  it('lists the platforms there when the wanted one is absent', async () => {
    const reg = await serve(layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/fixtures/app:app-multiarch`, { platform: { os: 'linux', architecture: 's390x' } })).rejects.toThrow(
      /no image for platform linux\/s390x; platforms available: linux\/amd64, linux\/arm64\/v8/,
    );
  });

  it('gets a bearer token through the WWW-Authenticate challenge, with credentials', async () => {
    let origin = '';
    const gate = bearerGate({ origin: () => origin, user: 'robot', pass: 'tok-pass' });
    const reg = await serve(gate.handler, layoutRegistry(LAYOUT));
    origin = reg.origin;
    const view = await pull(`${reg.hostPort}/fixtures/app:app`, { credentials: { username: 'robot', password: 'tok-pass' } });
    expect(fileSummary(view)).toEqual(expected);
    expect(gate.issued).toEqual([{ scope: 'repository:fixtures/app:pull', service: 'test-registry', user: 'robot' }]);
    // one challenge, then every request (manifest, config, 5 layers) carries the token
    expect(reg.requests.filter((r) => r.url.startsWith('/v2/') && r.auth === 'Bearer')).toHaveLength(7);
  });

  it('gets an anonymous bearer token (access_token) when no credentials are known', async () => {
    let origin = '';
    const gate = bearerGate({ origin: () => origin, anonymous: true, tokenField: 'access_token' });
    const reg = await serve(gate.handler, layoutRegistry(LAYOUT));
    origin = reg.origin;
    expect(fileSummary(await pull(`${reg.hostPort}/fixtures/app:app`))).toEqual(expected);
    expect(gate.issued).toHaveLength(1);
  });

  it('reads bearer credentials from a docker config.json', async () => {
    let origin = '';
    const gate = bearerGate({ origin: () => origin, user: 'cfg-user', pass: 'cfg-pass' });
    const reg = await serve(gate.handler, layoutRegistry(LAYOUT));
    origin = reg.origin;
    const options = testSourceOptions({ platform: AMD64 });
    writeDockerConfig(options.dockerConfigDir!, { auths: { [reg.hostPort]: { auth: Buffer.from('cfg-user:cfg-pass').toString('base64') } } });
    configDirs.push(options.dockerConfigDir!);
    const view = await readImage(await openRegistryImage(`${reg.hostPort}/fixtures/app:app`, 'x', options));
    expect(fileSummary(view)).toEqual(expected);
    expect(gate.issued[0]?.user).toBe('cfg-user');
  });

  it('trades an identity token from config.json for an access token (OAuth2 refresh_token POST)', async () => {
    let origin = '';
    const gate = bearerGate({ origin: () => origin, refreshToken: 'refresh-abc' });
    const reg = await serve(gate.handler, layoutRegistry(LAYOUT));
    origin = reg.origin;
    const options = testSourceOptions({ platform: AMD64 });
    writeDockerConfig(options.dockerConfigDir!, { auths: { [reg.hostPort]: { identitytoken: 'refresh-abc' } } });
    configDirs.push(options.dockerConfigDir!);
    const view = await readImage(await openRegistryImage(`${reg.hostPort}/fixtures/app:app`, 'x', options));
    expect(fileSummary(view)).toEqual(expected);
    expect(gate.issued).toEqual([{ scope: 'repository:fixtures/app:pull', service: 'test-registry', user: '<refresh-token>' }]);
  });

  it('refuses bearer auth clearly: no credentials, wrong credentials', async () => {
    let origin = '';
    const gate = bearerGate({ origin: () => origin, user: 'robot', pass: 'right' });
    const reg = await serve(gate.handler, layoutRegistry(LAYOUT));
    origin = reg.origin;
    const name = `${reg.hostPort}/fixtures/app:app`;
    await expect(pull(name)).rejects.toThrow(`authentication required for registry ${reg.hostPort} (repository fixtures/app)`);
    const wrong = pull(name, { credentials: { username: 'robot', password: 'very-wrong-secret' } });
    await expect(wrong).rejects.toThrow(RemoteError);
    await expect(wrong).rejects.toThrow(`credentials rejected for registry ${reg.hostPort} (repository fixtures/app)`);
    await expect(wrong).rejects.not.toThrow('very-wrong-secret');
  });

  it('follows blob redirects to another origin, without sending the registry token there', async () => {
    const cdn = await serve((req, res) => {
      if (req.headers.authorization) {
        sendJson(res, 400, { message: 'the registry token leaked to the CDN' });
        return true;
      }
      req.url = `/v2/x/blobs/${(req.url ?? '').split('/').pop()}`;
      return false;
    }, layoutRegistry(LAYOUT));
    let origin = '';
    const gate = bearerGate({ origin: () => origin, anonymous: true });
    const reg = await serve(gate.handler, (req, res) => {
      const m = /\/blobs\/(sha256:[0-9a-f]+)$/.exec(req.url ?? '');
      if (!m || m[1] === CONFIG) return false;
      res.writeHead(307, { location: `${cdn.origin}/cdn/${m[1]}` });
      res.end();
      return true;
    }, layoutRegistry(LAYOUT));
    origin = reg.origin;
    expect(fileSummary(await pull(`${reg.hostPort}/fixtures/app:app`))).toEqual(expected);
    expect(cdn.requests.filter((r) => r.url.startsWith('/cdn/'))).toHaveLength(5);
  });
});

describe('registry source: bad answers give clear errors', () => {
  it('401 from a basic-auth registry, without and with wrong credentials', async () => {
    const reg = await serve((_req, res) => {
      sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, { 'www-authenticate': 'Basic realm="test"' });
      return true;
    });
    await expect(pull(`${reg.hostPort}/team/app:1`)).rejects.toThrow(/^authentication required for registry 127\.0\.0\.1:\d+ \(repository team\/app\)/);
    const err = await pull(`${reg.hostPort}/team/app:1`, { credentials: { username: 'u', password: 'p4ss' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).status).toBe(401);
    expect((err as Error).message).toMatch(/^credentials rejected for registry 127\.0\.0\.1:\d+ \(repository team\/app\).*the given credentials/);
  });

  it('403', async () => {
    const reg = await serve((_req, res) => {
      sendJson(res, 403, { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] });
      return true;
    });
    const err = await pull(`${reg.hostPort}/team/app:1`).catch((e: unknown) => e);
    expect((err as RemoteError).status).toBe(403);
    expect((err as Error).message).toContain(`access denied: registry ${reg.hostPort} (repository team/app) refused manifest ${reg.hostPort}/team/app:1 (HTTP 403: DENIED: requested access`);
  });

  it('404: an unknown tag', async () => {
    const reg = await serve(layoutRegistry(LAYOUT));
    const err = await pull(`${reg.hostPort}/team/app:nope`).catch((e: unknown) => e);
    expect((err as RemoteError).status).toBe(404);
    expect((err as Error).message).toBe(
      `manifest unknown: ${reg.hostPort}/team/app:nope not found in registry ${reg.hostPort} (repository team/app) (MANIFEST_UNKNOWN: manifest unknown)`,
    );
  });

  it('429 then success: the retry works and honours Retry-After', async () => {
    let refused = 0;
    const reg = await serve((req, res) => {
      if (req.url?.includes('/manifests/') && refused < 2) {
        refused++;
        sendJson(res, 429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }, { 'retry-after': '0' });
        return true;
      }
      return false;
    }, layoutRegistry(LAYOUT));
    const options = testSourceOptions({ platform: AMD64, retries: 3 });
    const view = await readImage(await openRegistryImage(`${reg.hostPort}/team/app:app`, 'x', options, { retryBaseMs: 5 }));
    expect(view.metadata.manifestDigest).toBe(APP_MANIFEST);
    expect(refused).toBe(2);
    expect(options.logger.lines.filter((l) => l.message.includes('HTTP 429'))).toHaveLength(2);
  });

  it('persistent 500: gives up after the configured retries', async () => {
    const reg = await serve((_req, res) => {
      sendJson(res, 500, { errors: [{ code: 'UNKNOWN', message: 'storage backend down' }] });
      return true;
    });
    const err = await pull(`${reg.hostPort}/team/app:1`, { retries: 2 }).catch((e: unknown) => e);
    expect((err as RemoteError).status).toBe(500);
    expect((err as Error).message).toBe(
      `registry ${reg.hostPort} (repository team/app) answered HTTP 500 for manifest ${reg.hostPort}/team/app:1: UNKNOWN: storage backend down; gave up after 3 attempts`,
    );
    expect(reg.requests).toHaveLength(3);
  });

  it('429 for good: says it was rate-limited', async () => {
    const reg = await serve((_req, res) => {
      sendJson(res, 429, {}, { 'retry-after': '0' });
      return true;
    });
    await expect(pull(`${reg.hostPort}/team/app:1`, { retries: 1 })).rejects.toThrow(`registry ${reg.hostPort} (repository team/app) rate-limited the request (HTTP 429)`);
  });

  it('a registry that never answers times out', async () => {
    const reg = await serve(() => new Promise<boolean>(() => {}));
    const err = await pull(`${reg.hostPort}/team/app:1`, { timeoutMs: 300, retries: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toBe(`registry ${reg.hostPort} (repository team/app) did not answer within 300 ms for manifest ${reg.hostPort}/team/app:1 (2 attempts)`);
  });

  it('a layer blob that stalls half-way times out, naming the blob', async () => {
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/blobs/${LAYER0}`)) return false;
      const bytes = readFileSync(join(LAYOUT, 'blobs/sha256', LAYER0.slice(7)));
      res.writeHead(200, { 'content-length': bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 1));
      return true;
    }, layoutRegistry(LAYOUT));
    const err = await pull(`${reg.hostPort}/team/app:app`, { timeoutMs: 400 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toContain(`registry ${reg.hostPort} (repository team/app) did not answer within 400 ms for layer 0 blob ${LAYER0}`);
  });

  it('nothing listening: cannot reach', async () => {
    const reg = await serve(() => false);
    const addr = reg.hostPort;
    await reg.close();
    await expect(pull(`${addr}/team/app:1`, { retries: 0 })).rejects.toThrow(new RegExp(`^cannot reach registry ${addr} \\(repository team/app\\) at http://${addr} for manifest .*ECONNREFUSED`));
  });

  it('a manifest whose bytes do not match the pinned digest', async () => {
    const wrong = `sha256:${'1'.repeat(64)}`;
    const bytes = readFileSync(join(LAYOUT, 'blobs/sha256', APP_MANIFEST.slice(7)));
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/manifests/${wrong}`)) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      res.end(bytes);
      return true;
    }, layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/team/app@${wrong}`)).rejects.toThrow(
      `digest mismatch for manifest ${reg.hostPort}/team/app@${wrong}: registry ${reg.hostPort} (repository team/app) sent content that hashes to ${APP_MANIFEST}`,
    );
  });

  it('a tag whose Docker-Content-Digest does not match the bytes', async () => {
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith('/manifests/app')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': ARM64_MANIFEST });
      res.end(readFileSync(join(LAYOUT, 'blobs/sha256', APP_MANIFEST.slice(7))));
      return true;
    }, layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/team/app:app`)).rejects.toThrow(`says its digest is ${ARM64_MANIFEST} but the content hashes to ${APP_MANIFEST}`);
  });

  it('a layer blob whose bytes differ from its digest (the same files, compressed again)', async () => {
    const recompressed = gzipSync(gunzipSync(readFileSync(join(LAYOUT, 'blobs/sha256', LAYER0.slice(7)))), { level: 1 });
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/blobs/${LAYER0}`)) return false;
      res.writeHead(200, { 'content-length': recompressed.length });
      res.end(recompressed);
      return true;
    }, layoutRegistry(LAYOUT));
    const err = await pull(`${reg.hostPort}/team/app:app`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    // Compressed again at another level, the blob is also longer than its descriptor says: that is caught first.
    expect((err as Error).message).toMatch(new RegExp(`(digest|size) mismatch.*${LAYER0}`));
  });

  it('a layer blob that is corrupt', async () => {
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/blobs/${LAYER0}`)) return false;
      const bytes = readFileSync(join(LAYOUT, 'blobs/sha256', LAYER0.slice(7)));
      bytes[bytes.length - 20]! ^= 0xff;
      res.writeHead(200, { 'content-length': bytes.length });
      res.end(bytes);
      return true;
    }, layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/team/app:app`)).rejects.toThrow(`layer 0 (${LAYER0}): corrupt gzip data`);
  });

  it('a config blob whose bytes differ from its digest', async () => {
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/blobs/${CONFIG}`)) return false;
      sendJson(res, 200, { rootfs: { type: 'layers', diff_ids: [] } });
      return true;
    }, layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/team/app:app`)).rejects.toThrow(`digest mismatch for config blob ${CONFIG} from registry ${reg.hostPort} (repository team/app)`);
  });

  it('a missing layer blob: 404 names the blob', async () => {
    const reg = await serve((req, res) => {
      if (!req.url?.endsWith(`/blobs/${LAYER0}`)) return false;
      sendJson(res, 404, { errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' }] });
      return true;
    }, layoutRegistry(LAYOUT));
    await expect(pull(`${reg.hostPort}/team/app:app`)).rejects.toThrow(`blob unknown: ${LAYER0} not found in registry ${reg.hostPort} (repository team/app)`);
  });

  it('a schema 1 manifest is refused clearly', async () => {
    const reg = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws' });
      res.end(JSON.stringify({ schemaVersion: 1, name: 'team/app', tag: '1', fsLayers: [], history: [], signatures: [] }));
      return true;
    });
    await expect(pull(`${reg.hostPort}/team/app:1`)).rejects.toThrow(`manifest ${reg.hostPort}/team/app:1 is a Docker schema 1 manifest, which is deprecated and not supported`);
  });

  it('a manifest of an unknown media type is refused clearly', async () => {
    const reg = await serve((_req, res) => {
      sendJson(res, 200, { schemaVersion: 2, mediaType: 'application/vnd.example.thing+json' }, { 'content-type': 'application/vnd.example.thing+json' });
      return true;
    });
    await expect(pull(`${reg.hostPort}/team/app:1`)).rejects.toThrow(`has an unsupported media type "application/vnd.example.thing+json"`);
  });

  it('sends the accepted manifest types in Accept', async () => {
    let accept = '';
    const reg = await serve((req, res) => {
      accept = req.headers.accept ?? '';
      sendJson(res, 404, {});
      return true;
    });
    await pull(`${reg.hostPort}/team/app:1`).catch(() => {});
    expect(accept.split(', ').sort()).toEqual([
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
    ]);
  });
});
