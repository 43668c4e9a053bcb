import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageWorkspace, pseudoRandomBytes, writeTar, type ImageKind, type ImageSpec } from '../../../test/helpers/image-builder.js';
import { fileSummary } from '../../../test/helpers/registry/options.js';
import { createRecordingLogger } from '../../common/logger.js';
import type { FileRequest } from '../file-request.js';
import { LayerCache } from '../layer-cache/store.js';
import { openImage } from '../open.js';
import { readImage } from '../read-image.js';
import type { ImageArchive } from '../source.js';
import { archiveBytesRead, archiveFileOf, indexArchiveFile } from './archive-index.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

function indexOf(data: Buffer) {
  const path = ws.file(`t-${Math.random().toString(36).slice(2)}.tar`, data);
  const fd = openSync(path, 'r');
  const before = archiveBytesRead();
  try {
    return { index: indexArchiveFile(fd), read: archiveBytesRead() - before, data };
  } finally {
    closeSync(fd);
  }
}

describe('indexArchiveFile', () => {
  it('finds every member from its header alone: PAX and GNU long names, base-256 sizes, links; bodies are not read', () => {
    const long = `dir/${'n'.repeat(150)}.json`;
    const big = pseudoRandomBytes(3 << 20, 5);
    const { index, read: headerBytes, data } = indexOf(
      writeTar([
        { name: 'dir/', type: 'dir' },
        { name: 'manifest.json', content: '[1]' },
        { name: long, content: 'pax', longNames: 'pax' },
        { name: `g/${'g'.repeat(120)}`, content: 'gnu', longNames: 'gnu' },
        { name: 'big.tar', content: big, base256Size: true },
        { name: 'v1/layer.tar', type: 'symlink', linkname: '../big.tar' },
        { name: 'hard', type: 'hardlink', linkname: 'manifest.json' },
        { name: 'p.bin', content: 'x', pax: { size: '1' } },
      ]),
    );
    expect(index).toBeDefined();
    const body = (name: string) => {
      const m = index!.members.get(name)!;
      return data.subarray(m.offset, m.offset + m.size);
    };
    expect(body('/manifest.json').toString()).toBe('[1]');
    expect(body(`/${long}`).toString()).toBe('pax');
    expect(body(`/g/${'g'.repeat(120)}`).toString()).toBe('gnu');
    expect(body('/big.tar').equals(big)).toBe(true);
    expect(body('/p.bin').toString()).toBe('x');
    expect(index!.links).toEqual(new Map([['/v1/layer.tar', '/big.tar'], ['/hard', '/manifest.json']]));
    expect([...index!.members.keys()].sort()).toEqual(['/big.tar', '/g/' + 'g'.repeat(120), `/${long}`, '/manifest.json', '/p.bin'].sort());
    // headers and the long-name records only: a few KiB of a 3 MiB archive
    expect(headerBytes).toBeLessThanOrEqual(16 * 512); // 8 headers, 2 PAX and 1 GNU record (header + body), the end marker
  });

  it('answers undefined for what only the streaming read can judge: compressed, truncated, corrupt, empty, a name twice', () => {
    const tar = writeTar([{ name: 'manifest.json', content: '[]' }, { name: 'layer.tar', content: pseudoRandomBytes(5000, 1) }]);
    expect(indexOf(tar).index).toBeDefined();
    expect(indexOf(gzipSync(tar)).index).toBeUndefined();
    expect(indexOf(tar.subarray(0, 2048)).index).toBeUndefined();
    const corrupt = Buffer.from(tar);
    corrupt[10] ^= 0x20;
    expect(indexOf(corrupt).index).toBeUndefined();
    expect(indexOf(Buffer.alloc(0)).index).toBeUndefined();
    expect(indexOf(writeTar([{ name: 'a', content: '1' }, { name: './a', content: '2' }])).index).toBeUndefined();
  });
});

const REQUESTS: FileRequest[] = [{ id: 'text', globs: ['/etc/**', '/srv/**'] }];
const SPEC = (top: string, compression: 'gzip' | 'none'): ImageSpec => ({
  compression,
  layers: [
    { files: [{ path: 'etc/os-release', content: 'ID=synthetic\n' }, { path: 'usr/bin/tool', content: pseudoRandomBytes(200_000, 2), mode: 0o755 }] },
    { files: [{ path: 'etc/issue', content: 'hello' }, { path: 'usr/bin/tool', whiteout: true }] },
    { files: [{ path: 'srv/app.txt', content: top }] },
  ],
});

async function read(ref: string, cache?: LayerCache) {
  const logger = createRecordingLogger();
  const opened = await openImage(ref, { env: {}, logger });
  const before = archiveBytesRead();
  const view = await readImage(opened, { requests: REQUESTS, logger, ...(cache ? { layerCache: { cache, salt: 'test' } } : {}) });
  return {
    bytes: archiveBytesRead() - before,
    fromCache: view.stats.layers.map((l) => l.fromCache ?? false),
    seen: {
      files: fileSummary(view),
      provenance: view.list().map((e) => `${e.path} ${e.provenance.layerIndex} ${e.provenance.layerDigest}`),
      texts: ['/etc/os-release', '/etc/issue', '/srv/app.txt'].map((p) => view.readText(p)),
      unknowns: view.unknowns,
      metadata: view.metadata,
      stats: view.stats.layers.map(({ fromCache: _f, ...l }) => l),
    },
  };
}

describe('readImage of an archive file with a layer cache', () => {
  const kinds: [ImageKind, 'gzip' | 'none'][] = [
    ['oci-archive', 'gzip'],
    ['docker-archive', 'none'],
    ['docker25-archive', 'gzip'],
  ];
  it.each(kinds)('%s (%s layers): cold and warm see what a read without cache sees; warm reads no layer body, a new top layer only that one', async (kind, compression) => {
    const img = ws.write(SPEC('top', compression), kind);
    expect(archiveFileOf((await openImage(img.ref, { env: {}, logger: createRecordingLogger() })) as ImageArchive)).toBe(img.path);
    const cache = new LayerCache(join(ws.dir, `cache-${kind}`));
    const none = await read(img.ref);
    const cold = await read(img.ref, cache);
    const warm = await read(img.ref, cache);
    expect(none.bytes).toBe(0); // no cache: today's streaming read
    expect(cold.seen).toEqual(none.seen);
    expect(warm.seen).toEqual(none.seen);
    expect(cold.fromCache).toEqual([false, false, false]);
    expect(warm.fromCache).toEqual([true, true, true]);
    const layerBytes = img.built.layers.reduce((n, l) => n + l.stored.length, 0);
    const size = readFileSync(img.path).length;
    expect(cold.bytes).toBeGreaterThanOrEqual(layerBytes);
    expect(warm.bytes).toBeLessThanOrEqual(size - layerBytes + 4 * 3);

    const next = ws.write(SPEC('a new top layer', compression), kind);
    const changed = await read(next.ref, cache);
    expect(changed.seen).toEqual((await read(next.ref)).seen);
    expect(changed.fromCache).toEqual([true, true, false]);
    const top = next.built.layers[2]!.stored.length;
    expect(changed.bytes).toBeGreaterThanOrEqual(top);
    expect(changed.bytes).toBeLessThanOrEqual(readFileSync(next.path).length - next.built.layers.reduce((n, l) => n + l.stored.length, 0) + top + 4 * 3);
  });

  it('a layer that is not cached is still verified: a flipped byte is the same error as without cache', async () => {
    const spec: ImageSpec = { ...SPEC('another top', 'gzip'), corrupt: { flipLayerByte: { layer: 2 } } };
    const img = ws.write(spec, 'oci-archive');
    const cache = new LayerCache(join(ws.dir, 'cache-flip'));
    await read(ws.write(SPEC('top', 'gzip'), 'oci-archive').ref, cache); // layers 0 and 1 cached, not layer 2's bytes
    const message = (p: Promise<unknown>) => p.then(() => 'read', (e: Error) => e.message);
    const withCache = await message(read(img.ref, cache));
    expect(withCache).toMatch(/layer 2/);
    expect(withCache).toBe(await message(read(img.ref)));
  });
});
