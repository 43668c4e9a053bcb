import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildImage, pseudoRandomBytes, type FileSpec, type ImageSpec } from '../../test/helpers/image-builder.js';
import { RequestMatcher, type ContentSink, type FileRequest } from './file-request.js';
import { FileView, MAX_SYMLINK_HOPS } from './file-view.js';
import { readLayer } from './layer-reader.js';
import { buildMetadata, type ImageManifest } from './manifest.js';
import type { ImageConfig } from '../model/index.js';

/** Builds the image in memory and squashes it, reading each layer blob through the real layer reader. */
async function squash(spec: ImageSpec | FileSpec[][], options: { requests?: FileRequest[]; maxFileBytes?: number } = {}): Promise<FileView> {
  const img = buildImage(Array.isArray(spec) ? { layers: spec.map((files, i) => ({ files, createdBy: `step ${i}` })) } : spec);
  const matcher = new RequestMatcher(options.requests ?? []);
  const metadata = buildMetadata({
    reference: 'test',
    source: 'test',
    manifest: JSON.parse(img.manifestBytes.toString()) as ImageManifest,
    config: img.config as unknown as ImageConfig,
  });
  const layers = [];
  for (const [i, l] of img.layers.entries()) {
    layers.push(
      await readLayer(Readable.from([l.stored]), {
        matcher,
        maxFileBytes: options.maxFileBytes ?? 1 << 20,
        label: `layer ${i}`,
        expectedDigest: l.digest,
        expectedDiffId: l.diffId,
        layerDigest: l.digest,
      }),
    );
  }
  return FileView.squash(metadata, layers);
}

const paths = (v: FileView) => v.list().map((e) => e.path);
const ALL: FileRequest = { id: 'all', globs: ['**'] };

describe('FileView: whiteouts and opaque directories', () => {
  it('a whiteout deletes a file, and a directory with everything under it', async () => {
    const v = await squash([
      [
        { path: 'etc/', type: 'dir' },
        { path: 'etc/issue', content: 'a' },
        { path: 'etc/issue.net', content: 'b' },
        { path: 'usr/share/doc/curl/copyright', content: 'c' },
        { path: 'usr/share/doc/curl/README', content: 'd' },
        { path: 'usr/share/doc/curlish', content: 'e' },
      ],
      [
        { path: 'etc/issue.net', whiteout: true },
        { path: 'usr/share/doc/curl', whiteout: true },
      ],
    ]);
    expect(paths(v)).toEqual(['/etc', '/etc/issue', '/usr/share/doc/curlish']);
    expect(v.get('/etc/issue.net')).toBeUndefined();
  });

  it('a whiteout in the root directory works, and one written literally as .wh.NAME too', async () => {
    const v = await squash([[{ path: 'top', content: 'x' }, { path: 'a/b', content: 'y' }], [{ path: '.wh.top' }, { path: 'a/.wh.b' }]]);
    expect(paths(v)).toEqual([]);
  });

  it('a whiteout hides lower layers only: the same layer may write the path again', async () => {
    const v = await squash([[{ path: 'f', content: 'old' }], [{ path: 'f', whiteout: true }, { path: 'f', content: 'new' }]], { requests: [ALL] });
    expect(v.readText('/f')).toBe('new');
    expect(v.get('/f')?.provenance.layerIndex).toBe(1);
  });

  it('an opaque directory hides lower content but keeps its own layer’s children', async () => {
    const v = await squash([
      [
        { path: 'opt/data/', type: 'dir' },
        { path: 'opt/data/old1.txt', content: '1' },
        { path: 'opt/data/sub/old2.txt', content: '2' },
        { path: 'opt/other', content: 'keep' },
      ],
      [{ path: 'opt/data/', type: 'dir' }, { path: 'opt/data', opaque: true }, { path: 'opt/data/new.txt', content: 'n' }],
    ]);
    expect(paths(v)).toEqual(['/opt/data', '/opt/data/new.txt', '/opt/other']);
  });

  it('AUFS metadata entries (.wh..wh.*) other than the opaque marker are ignored', async () => {
    const v = await squash([[{ path: 'x', content: 'x' }], [{ path: '.wh..wh.aufs' }, { path: 'd/.wh..wh.orph' }]]);
    expect(paths(v)).toEqual(['/x']);
  });

  it('a directory replaced by a file loses its children; a file replaced by a directory becomes one', async () => {
    const v = await squash([
      [{ path: 'd/', type: 'dir' }, { path: 'd/x', content: 'x' }, { path: 'd/y/z', content: 'z' }, { path: 'f', content: 'f' }],
      [{ path: 'd', content: 'now a file' }, { path: 'f/', type: 'dir' }, { path: 'f/inner', content: 'i' }],
    ]);
    expect(v.list().map((e) => [e.path, e.type])).toEqual([
      ['/d', 'file'],
      ['/f', 'dir'],
      ['/f/inner', 'file'],
    ]);
  });

  it('a later write replaces content, mode and provenance', async () => {
    const v = await squash(
      [
        [{ path: 'etc/issue', content: 'Debian 12', mode: 0o600 }],
        [{ path: 'etc/issue', content: 'Debian 12 + banner', mode: 0o644, uid: 7 }],
      ],
      { requests: [{ id: 'issue', paths: ['/etc/issue'] }] },
    );
    expect(v.readText('/etc/issue')).toBe('Debian 12 + banner');
    expect(v.get('/etc/issue')).toMatchObject({ mode: 0o644, uid: 7, size: 18, provenance: { layerIndex: 1 } });
  });
});

describe('FileView: links', () => {
  const LINKS: FileSpec[][] = [
    [
      { path: 'bin/busybox', content: 'BUSYBOX', mode: 0o755 },
      { path: 'bin/sh', target: 'busybox' },
      { path: 'bin/ash', type: 'hardlink', target: 'bin/busybox' },
      { path: 'usr/lib/libz.so.1', content: 'ZLIB' },
      { path: 'lib', target: 'usr/lib' },
      { path: 'etc/alternatives/z', target: '/lib/libz.so.1' },
      { path: 'etc/passwd', content: 'root:x:0:0\n' },
      { path: 'etc/escape', target: '../../../../../../etc/passwd' },
      { path: 'etc/abs-escape', target: '/../../etc/passwd' },
      { path: 'loop/a', target: 'b' },
      { path: 'loop/b', target: 'a' },
      { path: 'loop/self', target: 'self' },
      { path: 'dangling', target: '/nowhere/file' },
    ],
  ];

  it('follows relative and absolute symlinks, and symlinked parent directories', async () => {
    const v = await squash(LINKS, { requests: [ALL] });
    expect(v.readText('/bin/sh')).toBe('BUSYBOX');
    expect(v.readText('/lib/libz.so.1')).toBe('ZLIB');
    expect(v.readText('/etc/alternatives/z')).toBe('ZLIB');
    expect(v.resolve('/lib/libz.so.1')).toBe('/usr/lib/libz.so.1');
    expect(v.get('/bin/sh')?.type).toBe('symlink');
    expect(v.get('/bin/sh', { follow: true })?.path).toBe('/bin/busybox');
    expect(v.get('/lib/libz.so.1')?.path).toBe('/usr/lib/libz.so.1');
  });

  it('clamps .. at the image root: a link pointing out resolves inside the image', async () => {
    const v = await squash(LINKS, { requests: [ALL] });
    expect(v.resolve('/etc/escape', { follow: true })).toBe('/etc/passwd');
    expect(v.readText('/etc/escape')).toBe('root:x:0:0\n');
    expect(v.readText('/etc/abs-escape')).toBe('root:x:0:0\n');
    expect(v.resolve('/../../../etc/./passwd')).toBe('/etc/passwd');
    expect(v.resolve('/..')).toBe('/');
  });

  it('bounds symlink loops and reports them as unreadable', async () => {
    const v = await squash(LINKS, { requests: [ALL] });
    expect(v.resolve('/loop/a', { follow: true })).toBeUndefined();
    expect(v.resolve('/loop/self/x')).toBeUndefined();
    expect(v.read('/loop/a')).toEqual({ ok: false, reason: '/loop/a: no such file (or a symlink loop)' });
    // Without following the last component, the link itself is found.
    expect(v.get('/loop/a')?.linkTarget).toBe('b');
  });

  it('allows a chain of MAX_SYMLINK_HOPS links and refuses one more', async () => {
    const chain = (n: number): FileSpec[] => [
      { path: 'target', content: 'end' },
      ...Array.from({ length: n }, (_, i): FileSpec => ({ path: `l${i}`, target: i === n - 1 ? 'target' : `l${i + 1}` })),
    ];
    const ok = await squash([chain(MAX_SYMLINK_HOPS)], { requests: [ALL] });
    expect(ok.readText('/l0')).toBe('end');
    const tooLong = await squash([chain(MAX_SYMLINK_HOPS + 1)], { requests: [ALL] });
    expect(tooLong.resolve('/l0', { follow: true })).toBeUndefined();
  });

  it('reads a hardlink through its target', async () => {
    const v = await squash(LINKS, { requests: [{ id: 'bb', paths: ['/bin/busybox'] }] });
    const r = v.read('/bin/ash');
    expect(r.ok && r.data.toString()).toBe('BUSYBOX');
    expect(r.ok && r.entry.path).toBe('/bin/busybox');
    expect(v.get('/bin/ash')).toMatchObject({ type: 'hardlink', linkTarget: '/bin/busybox', size: 0 });
  });

  it('reports dangling links and non-files', async () => {
    const v = await squash(LINKS, { requests: [ALL] });
    expect(v.read('/dangling')).toEqual({ ok: false, reason: '/dangling: no such file (or a symlink loop)' });
    expect(v.read('/bin/nothing')).toEqual({ ok: false, reason: '/bin/nothing: no such file' });
    const withDir = await squash([[{ path: 'd/', type: 'dir' }]]);
    expect(withDir.read('/d')).toEqual({ ok: false, reason: '/d: not a regular file (dir)' });
  });
});

describe('FileView: provenance', () => {
  it('names the layer that last wrote each file, with its history entry (empty_layer entries skipped)', async () => {
    const v = await squash({
      layers: [
        { files: [{ path: 'etc/os-release', content: 'ID=x' }], createdBy: 'ADD rootfs.tar /', emptyBefore: ['ARG V=1'] },
        { files: [{ path: 'app/config.json', content: '{}' }], createdBy: 'COPY config.json /app/', emptyBefore: ['ENV A=1', 'LABEL x=y'] },
        { files: [{ path: 'app/config.json', content: '{"v":2}' }], createdBy: 'RUN write config' },
      ],
      emptyAfter: ['CMD ["app"]'],
    });
    const img = v.metadata;
    expect(img.config.history).toHaveLength(7);
    expect(v.get('/etc/os-release')?.provenance).toEqual({
      layerIndex: 0,
      layerDigest: img.layers[0]!.digest,
      diffId: img.layers[0]!.diffId,
      historyIndex: 1,
      createdBy: 'ADD rootfs.tar /',
    });
    expect(v.get('/app/config.json')?.provenance).toMatchObject({ layerIndex: 2, historyIndex: 5, createdBy: 'RUN write config' });
  });

  it('leaves createdBy out when the history does not pair with the layers', async () => {
    const v = await squash({
      layers: [{ files: [{ path: 'a', content: 'a' }] }, { files: [{ path: 'b', content: 'b' }] }],
      config: { history: [{ created_by: 'only one entry' }] },
    });
    const p = v.get('/b')!.provenance;
    expect(p.layerIndex).toBe(1);
    expect(p.createdBy).toBeUndefined();
    expect(p.historyIndex).toBeUndefined();
  });
});

describe('FileView: content capture', () => {
  const FILES: FileSpec[][] = [
    [
      { path: 'etc/os-release', content: 'ID=debian\n' },
      { path: 'etc/lsb-release', content: 'DISTRIB_ID=x\n' },
      { path: 'etc/passwd', content: 'root:x:0:0\n' },
      { path: 'app/package.json', content: '{"name":"app"}' },
      { path: 'app/node_modules/a/package.json', content: '{"name":"a"}' },
      { path: 'app/node_modules/a/index.js', content: 'module.exports=1' },
      { path: 'usr/bin/big', content: pseudoRandomBytes(5000), mode: 0o755 },
      { path: 'usr/bin/small', content: 'x', mode: 0o755 },
      { path: 'var/lib/dpkg/status', content: 'Package: a\n'.repeat(100) },
    ],
  ];

  it('keeps content only for the files some request matches', async () => {
    const v = await squash(FILES, {
      requests: [
        { id: 'os', globs: ['/etc/*-release'] },
        { id: 'npm', globs: ['**/package.json'] },
        { id: 'exec', filter: (_p, e) => e.type === 'file' && (e.mode & 0o111) !== 0 && e.size > 1000 },
      ],
    });
    expect(v.capturedPaths()).toEqual([
      '/app/node_modules/a/package.json',
      '/app/package.json',
      '/etc/lsb-release',
      '/etc/os-release',
      '/usr/bin/big',
    ]);
    expect(v.readText('/etc/os-release')).toBe('ID=debian\n');
    expect(v.read('/etc/passwd')).toEqual({ ok: false, reason: '/etc/passwd: content was not captured (no file request matched it)' });
    expect(v.readText('/etc/passwd')).toBeUndefined();
    // Metadata is kept for every entry, captured or not.
    expect(v.get('/etc/passwd')?.size).toBe(11);
  });

  it('makes a file over the global cap an unknown with its reason', async () => {
    const v = await squash(FILES, { requests: [{ id: 'dpkg', paths: ['/var/lib/dpkg/status', '/etc/passwd'] }], maxFileBytes: 1000 });
    const reason = 'file is 1100 bytes, over the 1000-byte content cap (requested by dpkg)';
    expect(v.read('/var/lib/dpkg/status')).toEqual({ ok: false, reason: `/var/lib/dpkg/status: ${reason}` });
    expect(v.readText('/etc/passwd')).toBe('root:x:0:0\n');
    expect(v.unknowns).toEqual([{ stage: 'image', reason, path: '/var/lib/dpkg/status', layerDigest: v.metadata.layers[0]!.digest }]);
  });

  it('applies a per-request maxBytes, while another request for the same file keeps the content', async () => {
    const capped = await squash(FILES, { requests: [{ id: 'small', paths: ['/var/lib/dpkg/status'], maxBytes: 100 }] });
    expect(capped.read('/var/lib/dpkg/status')).toEqual({
      ok: false,
      reason: '/var/lib/dpkg/status: file is 1100 bytes, over the 100-byte content cap (requested by small)',
    });
    const both = await squash(FILES, {
      requests: [
        { id: 'small', globs: ['/var/**'], maxBytes: 100 },
        { id: 'dpkg', paths: ['/var/lib/dpkg/status'] },
      ],
    });
    expect(both.readText('/var/lib/dpkg/status')).toBe('Package: a\n'.repeat(100));
    expect(both.unknowns).toEqual([]);
  });

  it('drops the unknown of a capped file that a later layer deletes', async () => {
    const v = await squash([[{ path: 'big', content: 'x'.repeat(50) }], [{ path: 'big', whiteout: true }]], {
      requests: [{ id: 'r', paths: ['/big'] }],
      maxFileBytes: 10,
    });
    expect(v.unknowns).toEqual([]);
  });

  it('streams content to sinks and keeps what their end() returns', async () => {
    const hashSink = (): ContentSink => {
      const h = createHash('sha256');
      let chunks = 0;
      return {
        write(c) {
          chunks++;
          h.update(c);
        },
        end: () => ({ sha256: h.digest('hex'), chunks }),
      };
    };
    const v = await squash(FILES, {
      requests: [
        { id: 'hash', globs: ['/usr/bin/*'], sink: hashSink },
        { id: 'keep', paths: ['/usr/bin/small'] },
      ],
    });
    const big = v.sinkResult('hash', '/usr/bin/big') as { sha256: string; chunks: number };
    expect(big.sha256).toBe(createHash('sha256').update(pseudoRandomBytes(5000)).digest('hex'));
    expect(big.chunks).toBeGreaterThan(0);
    expect(v.read('/usr/bin/big')).toEqual({ ok: false, reason: '/usr/bin/big: content was streamed to a sink, not kept' });
    // A file both streamed and kept: both results are there.
    expect(v.readText('/usr/bin/small')).toBe('x');
    expect((v.sinkResult('hash', '/usr/bin/small') as { sha256: string }).sha256).toBe(createHash('sha256').update('x').digest('hex'));
    expect(v.sinkResult('other', '/usr/bin/big')).toBeUndefined();
  });

  it('lists and globs the squashed paths', async () => {
    const v = await squash(FILES);
    expect(v.size).toBe(9);
    expect(v.glob('/app/**/package.json').map((e) => e.path)).toEqual(['/app/node_modules/a/package.json', '/app/package.json']);
    expect(v.glob('etc/{passwd,os-release}').map((e) => e.path)).toEqual(['/etc/os-release', '/etc/passwd']);
    expect(paths(v)).toEqual([...paths(v)].sort());
  });
});

describe('FileView: hostile entry names', () => {
  it('refuses names that climb out of the root, keeps absolute names inside it', async () => {
    const v = await squash(
      [
        [
          { path: '../escape.txt', content: 'no' },
          { path: 'a/../../escape2', content: 'no' },
          { path: '/etc/absolute', content: 'abs' },
          { path: './etc/dot', content: 'dot' },
          { path: 'a/./b/../c', content: 'c' },
          { path: 'hl', type: 'hardlink', target: '../../etc/shadow' },
        ],
      ],
      { requests: [ALL] },
    );
    expect(paths(v)).toEqual(['/a/c', '/etc/absolute', '/etc/dot']);
    expect(v.readText('/etc/absolute')).toBe('abs');
    expect(v.unknowns.map((u) => u.reason)).toEqual([
      'entry name "../escape.txt" climbs out of the image root; ignored',
      'entry name "a/../../escape2" climbs out of the image root; ignored',
      'hardlink target "../../etc/shadow" climbs out of the image root; ignored',
    ]);
    expect(v.unknowns[0]).toMatchObject({ stage: 'image', path: '../escape.txt', layerDigest: v.metadata.layers[0]!.digest });
  });

  it('records unsupported entry types as unknowns', async () => {
    const v = await squash([[{ path: 'sparse', type: 'sparse', content: 'abc' }, { path: 'ok', content: 'ok' }]]);
    expect(paths(v)).toEqual(['/ok']);
    expect(v.unknowns).toMatchObject([{ reason: 'unsupported tar entry type; ignored', path: '/sparse' }]);
  });
});
