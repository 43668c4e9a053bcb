import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compress, hasZstdCli, ImageWorkspace, layerEntries, writeTar, type FileSpec } from '../../test/helpers/image-builder.js';
import { skipUnless } from '../../test/helpers/skip.js';
import { ImageError } from '../common/errors.js';
import { sniffCompression, zstdBackend } from './decompress.js';
import { viewFromDirectory } from './directory.js';
import { RequestMatcher } from './file-request.js';
import { readLayer } from './layer-reader.js';
import { viewFromTarball } from './tarball.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

const ROOTFS: FileSpec[] = [
  { path: 'etc/', type: 'dir' },
  { path: 'etc/alpine-release', content: '3.20.0\n' },
  { path: 'bin/busybox', content: 'BB', mode: 0o755 },
  { path: 'bin/sh', target: '/bin/busybox' },
  { path: 'bin/.wh.gone' },
];

describe('sniffCompression and the zstd backend', () => {
  it('recognises gzip and zstd by magic number, anything else as none', () => {
    const tar = writeTar(layerEntries(ROOTFS));
    expect(sniffCompression(compress(tar, 'gzip'))).toBe('gzip');
    if (hasZstdCli()) expect(sniffCompression(compress(tar, 'zstd'))).toBe('zstd');
    expect(sniffCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBe('zstd');
    expect(sniffCompression(tar)).toBe('none');
    expect(sniffCompression(Buffer.from([0x1f]))).toBe('none');
    expect(sniffCompression(Buffer.alloc(0))).toBe('none');
  });

  it('uses node:zlib when it has zstd, fzstd otherwise', () => {
    const zlibHasZstd = typeof (zlib as Record<string, unknown>).createZstdDecompress === 'function';
    expect(zstdBackend()).toBe(zlibHasZstd ? 'node:zlib' : 'fzstd');
  });
});

describe('readLayer', () => {
  const tar = writeTar(layerEntries(ROOTFS));

  it.for(['gzip', 'zstd', 'none'] as const)('reads a %s layer and reports its digests and sizes', async (compression, ctx) => {
    skipUnless(ctx, compression === 'zstd' && !hasZstdCli() ? 'the zstd CLI is not installed (apt-get install zstd)' : undefined);
    const stored = compress(tar, compression);
    // Feed it in small chunks to cross every boundary inside the decompressor and the parser.
    const chunks: Buffer[] = [];
    for (let i = 0; i < stored.length; i += 97) chunks.push(stored.subarray(i, i + 97));
    const r = await readLayer(Readable.from(chunks), { matcher: new RequestMatcher([{ id: 'r', paths: ['/etc/alpine-release'] }]), maxFileBytes: 100, label: 'L' });
    expect(r.compression).toBe(compression);
    expect(r.storedBytes).toBe(stored.length);
    expect(r.tarBytes).toBe(tar.length);
    expect(r.diffId).toBe(`sha256:${(await import('node:crypto')).createHash('sha256').update(tar).digest('hex')}`);
    expect(r.stats).toEqual({ entries: 5, files: 2, dirs: 1, symlinks: 1, hardlinks: 0, whiteouts: 1, opaque: 0 });
    expect(r.whiteouts).toEqual(['/bin/gone']);
    expect(r.contents.get('/etc/alpine-release')).toMatchObject({ kind: 'content' });
  });

  it('an empty blob is not a tar archive', async () => {
    await expect(readLayer(Readable.from([]), { matcher: new RequestMatcher([]), maxFileBytes: 1, label: 'layer 9' })).rejects.toThrow(
      new ImageError('layer 9: empty input: not a tar archive'),
    );
  });
});

describe('viewFromTarball', () => {
  it.each(['gzip', 'none'] as const)('reads a %s root file system tarball as a one-layer image', async (compression) => {
    const path = ws.file(`rootfs-${compression}.tar`, compress(writeTar(layerEntries(ROOTFS)), compression));
    const view = await viewFromTarball(path, { requests: [{ id: 'distro', paths: ['/etc/alpine-release'] }] });
    expect(view.list().map((e) => e.path)).toEqual(['/bin/busybox', '/bin/sh', '/etc', '/etc/alpine-release']);
    expect(view.readText('/etc/alpine-release')).toBe('3.20.0\n');
    expect(view.metadata.source).toBe('tarball');
    expect(view.get('/bin/sh')?.provenance.diffId).toBe(view.metadata.layers[0]!.diffId);
  });

  it('refuses a missing tarball and a corrupt one', async () => {
    await expect(viewFromTarball(join(ws.dir, 'nope.tar.gz'))).rejects.toThrow(`tarball ${join(ws.dir, 'nope.tar.gz')} does not exist`);
    const bad = compress(writeTar(layerEntries(ROOTFS)), 'gzip');
    const path = ws.file('bad.tar.gz', bad.subarray(0, bad.length - 20));
    await expect(viewFromTarball(path)).rejects.toThrow(/^tarball .*bad\.tar\.gz: truncated gzip data \(unexpected end of file\)$/);
  });
});

describe('viewFromDirectory', () => {
  it('records files, directories and symlinks without following them on the host', async () => {
    const root = join(ws.dir, 'rootfs');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/os-release'), 'ID=dir\n');
    symlinkSync('/etc/passwd', join(root, 'etc/host-passwd')); // would escape if followed on the host
    const view = await viewFromDirectory(root, { requests: [{ id: 'all', globs: ['**'] }] });
    expect(view.list().map((e) => `${e.type} ${e.path}`)).toEqual(['dir /etc', 'symlink /etc/host-passwd', 'file /etc/os-release']);
    expect(view.readText('/etc/os-release')).toBe('ID=dir\n');
    expect(view.read('/etc/host-passwd')).toEqual({ ok: false, reason: '/etc/host-passwd: no such file' });
    await expect(viewFromDirectory(join(root, 'etc/os-release'))).rejects.toThrow(/is not a directory$/);
  });
});
