import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageWorkspace, type ImageSpec } from '../../../test/helpers/image-builder.js';
import { sendJson, startHttpServer } from '../../../test/helpers/registry/http-server.js';
import { fileSummary } from '../../../test/helpers/registry/options.js';
import { createRecordingLogger } from '../../common/logger.js';
import type { FileRequest } from '../file-request.js';
import { openImage } from '../open.js';
import { readImage } from '../read-image.js';
import type { LayeredImage } from '../source.js';
import { LayerCache } from './store.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

/** Sinks: a byte count (plain object) and a hash (string); a glob that buffers; one request kept in every layer. */
const REQUESTS: FileRequest[] = [
  { id: 'text', globs: ['/etc/**', '/srv/**'] },
  { id: 'db', paths: ['/var/lib/db'], everyLayer: true },
  {
    id: 'count',
    filter: (_p, e) => e.type === 'file' && e.size > 0,
    sink: () => {
      let n = 0;
      return { write: (c: Buffer) => void (n += c.length), end: () => ({ bytes: n, none: undefined }) };
    },
  },
];

const SPEC = (top: string, compression: 'gzip' | 'none' = 'gzip'): ImageSpec => ({
  compression,
  layers: [
    { files: [{ path: 'etc/os-release', content: 'ID=synthetic\n' }, { path: 'var/lib/db', content: 'v1' }, { path: '../escape', content: 'x' }, { path: 'usr/bin/tool', content: 'binary', mode: 0o755 }] },
    { files: [{ path: 'etc/issue', content: 'hello' }, { path: 'var/lib/db', content: 'v2' }, { path: 'usr/bin/tool', whiteout: true }] },
    { files: [{ path: 'srv/app.txt', content: top }] },
  ],
});

/** Reads `ref` through a counting wrapper: which layers' blobs were opened. */
async function read(ref: string, cache: LayerCache | undefined, requests: FileRequest[] = REQUESTS) {
  const logger = createRecordingLogger();
  const opened = (await openImage(ref, { env: {}, logger })) as LayeredImage;
  const blobs: number[] = [];
  const blob = opened.blob.bind(opened);
  opened.blob = (layer, signal) => {
    blobs.push(layer.index);
    return blob(layer, signal);
  };
  const view = await readImage(opened, { requests, logger, ...(cache ? { layerCache: { cache, salt: 'test' } } : {}) });
  return { view, blobs, logger };
}

/** Everything a later stage can see of a view. */
function seen(view: Awaited<ReturnType<typeof readImage>>) {
  return {
    files: fileSummary(view),
    provenance: view.list().map((e) => `${e.path} ${e.provenance.layerIndex} ${e.provenance.layerDigest}`),
    texts: ['/etc/os-release', '/etc/issue', '/var/lib/db'].map((p) => view.readText(p)),
    versions: view.versions('/var/lib/db').map((v) => (v.deleted ? 'deleted' : v.read.ok ? v.read.data.toString() : v.read.reason)),
    sinks: view.list().map((e) => [e.path, view.sinkResult('count', e.path)]),
    unknowns: view.unknowns,
    metadata: view.metadata,
    stats: view.stats.layers.map(({ fromCache: _f, ...l }) => l),
  };
}

describe('readImage with a layer cache', () => {
  it('a warm read opens no blob and sees exactly what a read without the cache sees', async () => {
    const img = ws.write(SPEC('top'), 'oci-dir');
    const cache = new LayerCache(join(ws.dir, 'cache-warm'));
    const none = await read(img.ref, undefined);
    const cold = await read(img.ref, cache);
    const warm = await read(img.ref, cache);
    expect(cold.blobs.sort()).toEqual([0, 1, 2]);
    expect(warm.blobs).toEqual([]);
    expect(warm.view.stats.layers.map((l) => l.fromCache)).toEqual([true, true, true]);
    expect(seen(cold.view)).toEqual(seen(none.view));
    expect(seen(warm.view)).toEqual(seen(none.view));
    // the sink's result, undefined field included, and the escaping entry's unknown came back from the cache
    expect(warm.view.sinkResult('count', '/etc/issue')).toEqual({ bytes: 5, none: undefined });
    expect(warm.view.unknowns.map((u) => u.reason)).toEqual([expect.stringContaining('climbs out of the image root')]);
    expect(warm.logger.lines.filter((l) => l.level === 'info' && l.message.startsWith('layer-cache:'))).toEqual([
      { level: 'info', message: `layer-cache: 3 of 3 layers from the cache in ${cache.dir}, 0 read` },
    ]);
  });

  it('only the changed top layer is read when the layers below are cached', async () => {
    const cache = new LayerCache(join(ws.dir, 'cache-top'));
    await read(ws.write(SPEC('build 1'), 'oci-dir').ref, cache);
    const next = ws.write(SPEC('build 2'), 'oci-dir');
    const warm = await read(next.ref, cache);
    expect(warm.blobs).toEqual([2]);
    expect(seen(warm.view)).toEqual(seen((await read(next.ref, undefined)).view));
    expect(warm.view.readText('/srv/app.txt')).toBe('build 2');
  });

  it('other requests, or another per-file cap, do not share entries', async () => {
    const img = ws.write(SPEC('top'), 'oci-dir');
    const cache = new LayerCache(join(ws.dir, 'cache-requests'));
    await read(img.ref, cache);
    const other = await read(img.ref, cache, [...REQUESTS, { id: 'more', globs: ['/usr/**'] }]);
    expect(other.blobs.sort()).toEqual([0, 1, 2]);
    expect(other.view.versions('/var/lib/db')).toHaveLength(2);
    expect(readdirSync(cache.dir)).toHaveLength(6);
  });

  it('a corrupt entry is one info line, is read afresh and rewritten, and changes nothing', async () => {
    const img = ws.write(SPEC('top'), 'oci-dir');
    const cache = new LayerCache(join(ws.dir, 'cache-corrupt'));
    const none = await read(img.ref, undefined);
    await read(img.ref, cache);
    const [victim, ...rest] = readdirSync(cache.dir).sort();
    const path = join(cache.dir, victim!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(path, bytes);
    writeFileSync(join(cache.dir, rest[0]!), bytes.subarray(0, 40)); // a second one, truncated
    const again = await read(img.ref, cache);
    expect(again.blobs).toHaveLength(2);
    const notes = again.logger.lines.filter((l) => l.message.includes('ignoring the cached analysis'));
    expect(notes.map((l) => l.level)).toEqual(['info', 'info']);
    expect(notes.every((l) => l.message.endsWith('; reading the layer'))).toBe(true);
    expect(notes.map((l) => /(checksum mismatch|truncated header)/.exec(l.message)?.[1]).sort()).toEqual(['checksum mismatch', 'truncated header']);
    expect(seen(again.view)).toEqual(seen(none.view));
    // rewritten: the next read opens nothing
    const after = await read(img.ref, cache);
    expect(after.blobs).toEqual([]);
    expect(after.logger.lines.filter((l) => l.message.includes('ignoring'))).toEqual([]);
  });

  it('the same tar stored compressed otherwise: unknowns name this image\'s blob digest', async () => {
    const cache = new LayerCache(join(ws.dir, 'cache-digest'));
    await read(ws.write(SPEC('top', 'gzip'), 'oci-dir').ref, cache);
    const plain = ws.write(SPEC('top', 'none'), 'oci-dir');
    const warm = await read(plain.ref, cache);
    expect(warm.blobs).toEqual([]);
    const none = await read(plain.ref, undefined);
    expect(seen(warm.view)).toEqual(seen(none.view));
    expect(warm.view.unknowns[0]!.layerDigest).toBe(plain.built.layers[0]!.digest);
  });

  it('a sink result the cache cannot hold: one info line, the result unchanged, nothing cached for that layer', async () => {
    class Opaque {
      constructor(readonly n: number) {}
    }
    const requests: FileRequest[] = [{ id: 'opaque', paths: ['/srv/app.txt'], sink: () => ({ write() {}, end: () => new Opaque(1) }) }];
    const img = ws.write(SPEC('top'), 'oci-dir');
    const cache = new LayerCache(join(ws.dir, 'cache-opaque'));
    const cold = await read(img.ref, cache, requests);
    expect(cold.view.sinkResult('opaque', '/srv/app.txt')).toEqual(new Opaque(1));
    expect(cold.logger.lines.filter((l) => l.message.includes('not cached'))).toEqual([
      { level: 'info', message: expect.stringMatching(/^layer-cache: layer 2 \(sha256:[0-9a-f]+\) not cached: its analysis cannot be cached \(.*Opaque/) },
    ]);
    expect((await read(img.ref, cache, requests)).blobs).toEqual([2]);
  });
});

describe('readImage with a layer cache: docker: (an archive whose source knows the image)', () => {
  it('exports the image once; a warm read uses the cache and does not export; a changed image is exported again', async () => {
    const first = ws.write(SPEC('build 1'), 'docker-archive');
    const second = ws.write(SPEC('build 2'), 'docker-archive');
    let current = first;
    const inspect = () => ({ Id: current.built.configDigest, RootFS: { Type: 'layers', Layers: current.built.layers.map((l) => l.diffId) } });
    const api = await startHttpServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/_ping') res.end('OK');
      else if (url === '/images/fixtures/app:1/json') sendJson(res, 200, inspect());
      else if (url === '/images/fixtures/app:1/get') {
        res.writeHead(200, { 'content-type': 'application/x-tar' });
        createReadStream(current.path).pipe(res);
      } else return false;
      return true;
    });
    try {
      const cache = new LayerCache(join(ws.dir, 'cache-docker'));
      const logger = createRecordingLogger();
      const env = { DOCKER_HOST: `tcp://${api.hostPort}` };
      const readDocker = async (withCache: boolean) => readImage(await openImage('docker:fixtures/app:1', { env, logger }), { requests: REQUESTS, logger, ...(withCache ? { layerCache: { cache, salt: 'test' } } : {}) });
      const exports = () => api.requests.filter((r) => r.url.endsWith('/get')).length;
      const none = await readDocker(false);
      const cold = await readDocker(true);
      expect(exports()).toBe(2);
      const warm = await readDocker(true);
      expect(exports()).toBe(2);
      expect(warm.stats.layers.map((l) => l.fromCache)).toEqual([true, true, true]);
      expect(seen(cold)).toEqual(seen(none));
      expect(seen(warm)).toEqual(seen(none));
      // a rebuilt image (new top layer): the daemon's inspect differs, so it is exported and read
      current = second;
      const rebuilt = await readDocker(true);
      expect(exports()).toBe(3);
      expect(rebuilt.readText('/srv/app.txt')).toBe('build 2');
      expect(seen(rebuilt)).toEqual(seen(await readDocker(false)));
    } finally {
      await api.close();
    }
  });
});
