import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  hasZstdCli,
  IMAGE_KINDS,
  ImageWorkspace,
  pseudoRandomBytes,
  writeTar,
  ZSTD_SKIP_MESSAGE,
  type Compression,
  type Corruption,
  type ImageKind,
  type ImageSpec,
} from '../../test/helpers/image-builder.js';
import { ImageError } from '../common/errors.js';
import { silentLogger } from '../common/logger.js';
import type { FileEntry, Platform } from '../model/index.js';
import { loadImage } from './open.js';
import { itUnless } from '../../test/helpers/skip.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

const REQUESTS = [{ id: 'test', globs: ['/etc/**', '/app/**'] }];
const load = (ref: string, platform?: Platform) => loadImage(ref, { env: {}, logger: silentLogger, requests: REQUESTS, ...(platform ? { platform } : {}) });

async function failure(ref: string, platform?: Platform): Promise<string> {
  let error: unknown;
  try {
    await load(ref, platform);
  } catch (e) {
    error = e;
  }
  expect(error, `${ref} should fail`).toBeInstanceOf(ImageError);
  return (error as Error).message.split(ws.dir).join('<ws>');
}

const COMPRESSIONS: Compression[] = ['gzip', 'zstd', 'none'];
const zstdIt = (c: Compression) => (name: string, fn: () => Promise<void>) =>
  itUnless(c === 'zstd' && !hasZstdCli() ? 'the zstd CLI is not installed (apt-get install zstd)' : undefined, name, fn);
if (!hasZstdCli()) console.warn(`zstd cases ${ZSTD_SKIP_MESSAGE}`);

/** Two layers: the first over 1 MiB (so archive readers stream it while the archive is read), the second small. */
function appSpec(compression: Compression, corrupt?: Corruption): ImageSpec {
  return {
    compression,
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [
          { path: 'etc/', type: 'dir' },
          { path: 'etc/os-release', content: 'ID=synthetic\nVERSION_ID=1\n' },
          { path: 'etc/issue.net', content: 'gone later' },
          { path: 'bin/busybox', content: pseudoRandomBytes(1_200_000), mode: 0o755 },
          { path: 'bin/sh', target: 'busybox' },
          { path: 'opt/data/old.txt', content: 'old' },
        ],
      },
      {
        createdBy: 'COPY app /app',
        emptyBefore: ['ENV NODE_ENV=production'],
        files: [
          { path: 'app/config.json', content: '{"version": 2}' },
          { path: 'etc/issue.net', whiteout: true },
          { path: 'opt/data', opaque: true },
          { path: 'opt/data/new.txt', content: 'new' },
          { path: 'opt/data/new-hardlink.txt', type: 'hardlink', target: 'opt/data/new.txt' },
        ],
      },
    ],
    emptyAfter: ['CMD ["node","index.js"]'],
    ...(corrupt ? { corrupt } : {}),
  };
}

const fileSet = (entries: FileEntry[]) => entries.map((e) => `${e.type} ${e.path} ${e.size}${e.linkTarget ? ` -> ${e.linkTarget}` : ''}`);

const EXPECTED_FILES = [
  'file /app/config.json 14',
  'file /bin/busybox 1200000',
  'symlink /bin/sh 0 -> busybox',
  'dir /etc 0',
  'file /etc/os-release 26',
  'hardlink /opt/data/new-hardlink.txt 0 -> /opt/data/new.txt',
  'file /opt/data/new.txt 3',
];

describe('loadImage: every source kind and compression gives the same view', () => {
  for (const compression of COMPRESSIONS) {
    for (const kind of IMAGE_KINDS) {
      zstdIt(compression)(`${kind}, ${compression} layers`, async () => {
        const w = ws.write(appSpec(compression), kind);
        const view = await load(w.ref);
        expect(fileSet(view.list())).toEqual(EXPECTED_FILES);
        expect(view.get('/opt/data/new-hardlink.txt')?.type).toBe('hardlink');
        expect(view.readText('/app/config.json')).toBe('{"version": 2}');
        expect(view.readText('/bin/sh')).toBeUndefined(); // not requested
        expect(view.readText('/opt/data/new-hardlink.txt')).toBeUndefined();
        const prov = view.get('/app/config.json')!.provenance;
        expect(prov).toMatchObject({ layerIndex: 1, historyIndex: 2, createdBy: 'COPY app /app', diffId: w.built.layers[1]!.diffId });
        expect(view.get('/etc/os-release')!.provenance).toMatchObject({ layerIndex: 0, historyIndex: 0, createdBy: 'ADD rootfs.tar /' });
        expect(view.metadata.layers.map((l) => l.diffId)).toEqual(w.built.layers.map((l) => l.diffId));
        expect(view.stats.layers.map((l) => l.compression)).toEqual([compression, compression]);
        if (kind !== 'docker-archive') expect(view.metadata.layers.map((l) => l.digest)).toEqual(w.built.layers.map((l) => l.digest));
        expect(view.unknowns).toEqual([]);
      });
    }
  }

  it('reads an OCI archive whatever the order of index.json and the blobs', async () => {
    const built = buildImage(appSpec('gzip'));
    const first = await load(ws.write(built, 'oci-archive', { indexFirst: true }).ref);
    const last = await load(ws.write(built, 'oci-archive', { indexFirst: false }).ref);
    expect(fileSet(first.list())).toEqual(fileSet(last.list()));
    expect(first.metadata.manifestDigest).toBe(built.manifestDigest);
  });

  it('reads an image whose layers repeat the same blob', async () => {
    const layer = { files: [{ path: 'same', content: 'x' }] };
    for (const kind of IMAGE_KINDS) {
      const view = await load(ws.write({ layers: [layer, { files: [{ path: 'other', content: 'y' }] }, layer] }, kind).ref);
      expect(view.get('/same')?.provenance.layerIndex).toBe(2);
      expect(view.size).toBe(2);
    }
  });

  it('selects an oci-dir ref and a docker-archive tag, and lists what is there when it is missing', async () => {
    const oci = ws.write({ ...appSpec('gzip'), refName: 'app' }, 'oci-dir');
    expect((await load(`${oci.ref}:app`)).metadata.manifestDigest).toBe(oci.built.manifestDigest);
    expect(await failure(`${oci.ref}:nope`)).toBe(`OCI layout ${oci.path.replace(ws.dir, '<ws>')} has no image with ref "nope"; refs available: app`);
    const docker = ws.write({ ...appSpec('none'), repoTags: ['example.test/app:1.0'] }, 'docker-archive');
    expect(await failure(`${docker.ref}:2.0`)).toMatch(/^docker archive <ws>\/img-\d+\.tar has no image tagged "2\.0"; tags: example\.test\/app:1\.0$/);
  });
});

describe('loadImage: bad input is a clear ImageError', () => {
  it('a missing path, for every scheme', async () => {
    const missing = join(ws.dir, 'does-not-exist');
    expect(await failure(`oci-dir:${missing}`)).toBe('OCI layout <ws>/does-not-exist does not exist');
    expect(await failure(`oci-archive:${missing}`)).toBe('OCI archive <ws>/does-not-exist does not exist');
    expect(await failure(`docker-archive:${missing}`)).toBe('docker archive <ws>/does-not-exist does not exist');
  });

  it('the wrong kind of path', async () => {
    const file = ws.file('plain.txt', 'hello\n');
    expect(await failure(`oci-dir:${file}`)).toBe(
      'OCI layout <ws>/plain.txt is not a directory (an OCI layout is a directory with index.json and oci-layout)',
    );
    expect(await failure(`docker-archive:${ws.dir}`)).toBe('docker archive <ws> is not a file');
    const emptyDir = join(ws.dir, 'empty-dir');
    ws.file('empty-dir/.keep', '');
    expect(await failure(`oci-dir:${emptyDir}`)).toMatch(/^OCI layout <ws>\/empty-dir has no readable index\.json \(ENOENT/);
  });

  it('a file that is not an archive', async () => {
    const text = ws.file('not-an-archive.tar', '#!/bin/sh\necho hello\n'.repeat(40));
    expect(await failure(`docker-archive:${text}`)).toMatch(
      /^docker archive <ws>\/not-an-archive\.tar: not an image archive \(not a tar archive, or a corrupt one: (bad octal field|header checksum mismatch at byte 0)\)$/,
    );
    const binary = ws.file('random.bin', pseudoRandomBytes(4096, 5));
    expect(await failure(`oci-archive:${binary}`)).toMatch(/^OCI archive <ws>\/random\.bin: not an image archive \(not a tar archive, or a corrupt one: /);
    const short = ws.file('short.tar', 'hello\n');
    expect(await failure(`oci-archive:${short}`)).toBe(
      'OCI archive <ws>/short.tar: not an image archive (truncated tar archive: input ended in the middle of a header (at byte 6))',
    );
    const empty = ws.file('empty.tar', '');
    expect(await failure(`oci-archive:${empty}`)).toBe('OCI archive <ws>/empty.tar: not an image archive (empty input: not a tar archive)');
    const otherTar = ws.file('other.tar', writeTar([{ name: 'README', content: 'just a tarball' }]));
    expect(await failure(`docker-archive:${otherTar}`)).toBe(
      'docker archive <ws>/other.tar: not an image archive (no manifest.json, and no index.json with oci-layout)',
    );
    const badJson = ws.file('bad-manifest.tar', writeTar([{ name: 'manifest.json', content: '{nope' }]));
    expect(await failure(`docker-archive:${badJson}`)).toMatch(/^docker archive <ws>\/bad-manifest\.tar: manifest\.json is not valid JSON: /);
  });

  for (const kind of ['oci-archive', 'docker-archive', 'docker25-archive'] as ImageKind[]) {
    it(`a truncated ${kind}`, async () => {
      const w = ws.write(appSpec('gzip'), kind);
      truncateSync(w.path, Math.floor(readFileSync(w.path).length * 0.6));
      expect(await failure(w.ref)).toMatch(/^(OCI|docker) archive <ws>\/img-\d+\.tar: truncated tar archive: input ended \d+ bytes short of the end of an entry \(at byte \d+\)$/);
    });
  }

  const LAYER_LABEL: Record<ImageKind, RegExp> = {
    'oci-dir': /^layer 0 \(sha256:[0-9a-f]{64}\)/,
    'oci-archive': /^OCI archive <ws>\/img-\d+\.tar: layer 0 \(\/blobs\/sha256\/[0-9a-f]{64}\)/,
    'docker-archive': /^docker archive <ws>\/img-\d+\.tar: layer 0 \([0-9a-f]{64}\/layer\.tar\)/,
    'docker25-archive': /^docker archive <ws>\/img-\d+\.tar: layer 0 \(blobs\/sha256\/[0-9a-f]{64}\)/,
  };

  for (const kind of IMAGE_KINDS) {
    it(`corrupt and truncated gzip layers (${kind})`, async () => {
      const corrupt = await failure(ws.write(appSpec('gzip', { flipLayerByte: { layer: 0 } }), kind).ref);
      expect(corrupt).toMatch(LAYER_LABEL[kind]);
      expect(corrupt).toMatch(/: corrupt gzip data \(incorrect data check\)$/);
      const small = await failure(ws.write(appSpec('gzip', { flipLayerByte: { layer: 1, at: 3 } }), kind).ref);
      expect(small).toMatch(/layer 1 .*: corrupt gzip data \(unknown header flags set\)$/);
      const truncated = await failure(ws.write(appSpec('gzip', { truncateLayer: { layer: 0 } }), kind).ref);
      expect(truncated).toMatch(LAYER_LABEL[kind]);
      expect(truncated).toMatch(/: truncated gzip data \(unexpected end of file\)$/);
    });

    zstdIt('zstd')(`corrupt and truncated zstd layers (${kind})`, async () => {
      // Byte 4 is the frame header descriptor: setting every bit makes the frame invalid.
      const corrupt = await failure(ws.write(appSpec('zstd', { flipLayerByte: { layer: 0, at: 4 } }), kind).ref);
      expect(corrupt).toMatch(LAYER_LABEL[kind]);
      expect(corrupt).toMatch(/: corrupt zstd data \(/);
      const truncated = await failure(ws.write(appSpec('zstd', { truncateLayer: { layer: 0 } }), kind).ref);
      expect(truncated).toMatch(LAYER_LABEL[kind]);
      expect(truncated).toMatch(/: truncated (zstd data \(|tar archive)/);
    });

    it(`a truncated uncompressed layer (${kind})`, async () => {
      const msg = await failure(ws.write(appSpec('none', { truncateLayer: { layer: 1, keep: 700 } }), kind).ref);
      expect(msg).toMatch(/layer 1 .*: truncated tar archive: input ended in the middle of a header \(at byte 700\)$/);
      const inData = await failure(ws.write(appSpec('none', { truncateLayer: { layer: 0, keep: 100_000 } }), kind).ref);
      expect(inData).toMatch(/layer 0 .*: truncated tar archive: input ended \d+ bytes short of the end of an entry \(at byte 100000\)$/);
    });

    it(`a layer blob missing (${kind})`, async () => {
      const msg = await failure(ws.write(appSpec('gzip', { dropLayerBlob: 1 }), kind).ref);
      expect(msg).toMatch(
        kind === 'oci-dir' ? /^OCI layout <ws>\/img-\d+: layer 1 blob sha256:[0-9a-f]{64} is missing$/ : /: layer 1 \(.+\) is missing from the archive$/,
      );
    });

    it(`the config blob missing (${kind})`, async () => {
      const msg = await failure(ws.write(appSpec('gzip', { dropConfigBlob: true }), kind).ref);
      expect(msg).toMatch(/: config (blob sha256:[0-9a-f]{64} is missing|\S+ is missing from the archive)$/);
    });

    it(`a diff_id mismatch names the layer (${kind})`, async () => {
      const msg = await failure(ws.write(appSpec('gzip', { wrongDiffId: 1 }), kind).ref);
      expect(msg).toMatch(/^diff_id mismatch for .*layer 1 \(.+\): the config says sha256:[0-9a-f]{64} but the uncompressed layer hashes to sha256:[0-9a-f]{64}$/);
    });

    if (kind !== 'docker-archive') {
      it(`a blob digest mismatch names the blob (${kind})`, async () => {
        const w = ws.write(appSpec('gzip', { wrongLayerDigest: 0 }), kind);
        const msg = await failure(w.ref);
        const wrong = w.built.layers[0]!.digest;
        const actual = `sha256:${(await import('node:crypto')).createHash('sha256').update(w.built.layers[0]!.stored).digest('hex')}`;
        expect(msg).toMatch(/^digest mismatch for /);
        expect(msg).toContain(`the manifest says ${wrong} but the blob's content hashes to ${actual}`);
        expect(msg).toContain(wrong.slice('sha256:'.length));
      });
    }
  }

  it('a flipped byte in an uncompressed layer is a digest mismatch (OCI) or a diff_id mismatch (docker)', async () => {
    expect(await failure(ws.write(appSpec('none', { flipLayerByte: { layer: 0 } }), 'oci-dir').ref)).toMatch(/^digest mismatch for layer 0 /);
    expect(await failure(ws.write(appSpec('none', { flipLayerByte: { layer: 0 } }), 'docker-archive').ref)).toMatch(/^diff_id mismatch for docker archive /);
  });

  it('a tampered OCI manifest or config blob is a digest mismatch', async () => {
    const w = ws.write(appSpec('gzip'), 'oci-dir');
    const configFile = join(w.path, 'blobs/sha256', w.built.configDigest.slice(7));
    writeFileSync(configFile, readFileSync(configFile).toString().replace('"amd64"', '"arm64"'));
    expect(await failure(w.ref)).toMatch(/^OCI layout <ws>\/img-\d+: digest mismatch for config blob sha256:[0-9a-f]{64}: its content hashes to sha256:[0-9a-f]{64}$/);
  });

  it('a manifest blob missing', async () => {
    expect(await failure(ws.write(appSpec('gzip', { dropManifestBlob: true }), 'oci-dir').ref)).toMatch(
      /^OCI layout <ws>\/img-\d+: manifest blob sha256:[0-9a-f]{64} is missing$/,
    );
    expect(await failure(ws.write(appSpec('gzip', { dropManifestBlob: true }), 'oci-archive').ref)).toMatch(
      /^OCI archive <ws>\/img-\d+\.tar: manifest blob sha256:[0-9a-f]{64} is missing$/,
    );
  });

  for (const kind of ['oci-dir', 'oci-archive'] as ImageKind[]) {
    it(`a schema 1 manifest is refused (${kind})`, async () => {
      expect(await failure(ws.write(appSpec('gzip', { schema1: true }), kind).ref)).toMatch(
        /: manifest sha256:[0-9a-f]{64} is a Docker schema 1 manifest, which is deprecated and not supported; re-push the image with a current Docker or skopeo$/,
      );
    });

    it(`an unknown manifest media type is refused (${kind})`, async () => {
      expect(await failure(ws.write(appSpec('gzip', { manifestMediaType: 'application/vnd.example.thing.v1+json' }), kind).ref)).toMatch(
        /: manifest sha256:[0-9a-f]{64} has an unsupported media type "application\/vnd\.example\.thing\.v1\+json"; expected an OCI or Docker v2 manifest or index$/,
      );
    });
  }

  it('a Docker ≥25 archive read as an OCI archive checks its OCI manifest', async () => {
    const w = ws.write(appSpec('none', { schema1: true }), 'docker25-archive');
    expect(await failure(`oci-archive:${w.path}`)).toMatch(/is a Docker schema 1 manifest/);
  });

  it('a Docker ≥25 archive whose blob names do not match their content', async () => {
    const msg = await failure(ws.write(appSpec('gzip', { wrongLayerDigest: 1 }), 'docker25-archive').ref);
    expect(msg).toMatch(/^digest mismatch for docker archive <ws>\/img-\d+\.tar: layer 1 \(blobs\/sha256\/[0-9a-f]{64}\): the manifest says/);
  });
});

describe('loadImage: platforms', () => {
  const multi = (): ImageSpec => ({
    ...appSpec('gzip'),
    index: {
      attestation: true,
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
    },
  });

  for (const kind of ['oci-dir', 'oci-archive'] as ImageKind[]) {
    it(`selects by platform and skips the attestation manifest (${kind})`, async () => {
      const w = ws.write(multi(), kind);
      const amd = await load(w.ref, { os: 'linux', architecture: 'amd64' });
      expect(amd.metadata.platform).toEqual({ os: 'linux', architecture: 'amd64' });
      expect(amd.metadata.indexDigest).toBe(w.built.top.digest);
      expect(amd.metadata.manifestDigest).toBe(w.built.manifestDigest);
      const arm = await load(w.ref, { os: 'linux', architecture: 'arm64', variant: 'v8' });
      expect(arm.metadata.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
      expect(arm.metadata.manifestDigest).not.toBe(w.built.manifestDigest);
      // A request without a variant matches the arm64/v8 entry.
      expect((await load(w.ref, { os: 'linux', architecture: 'arm64' })).metadata.platform.architecture).toBe('arm64');
      expect(fileSet(arm.list())).toEqual(fileSet(amd.list()));
    });

    it(`an unknown platform lists those available, without the attestation (${kind})`, async () => {
      const w = ws.write(multi(), kind);
      expect(await failure(w.ref, { os: 'linux', architecture: 's390x' })).toMatch(
        /: index sha256:[0-9a-f]{64} has no image for platform linux\/s390x; platforms available: linux\/amd64, linux\/arm64\/v8$/,
      );
      expect(await failure(w.ref, { os: 'unknown', architecture: 'unknown' })).toMatch(/has no image for platform unknown\/unknown; platforms available: linux\/amd64, linux\/arm64\/v8$/);
    });
  }
});

describe('loadImage: path traversal stays inside the image', () => {
  const hostile: ImageSpec = {
    layers: [
      {
        files: [
          { path: 'etc/', type: 'dir' },
          { path: 'etc/passwd', content: 'root:x:0:0:image\n' },
          { path: '../../../../tmp/portcullis-escape', content: 'escaped' },
          { path: 'a/../../outside', content: 'escaped' },
          { path: '/etc/absolute.conf', content: 'absolute' },
          { path: 'etc/shadow-link', target: '../../../../../../etc/passwd' },
          { path: 'etc/host-link', target: '/../../../../etc/hostname' },
          { path: 'lib', target: '../../../usr/lib' },
          { path: 'usr/lib/libc.so', content: 'libc' },
          { path: 'etc/hl', type: 'hardlink', target: '../../etc/passwd' },
        ],
      },
    ],
  };

  for (const kind of IMAGE_KINDS) {
    it(`entries with ../, absolute names and links pointing out (${kind})`, async () => {
      const view = await loadImage(ws.write(hostile, kind).ref, { env: {}, logger: silentLogger, requests: [{ id: 'all', globs: ['**'] }] });
      expect(view.list().map((e) => e.path)).toEqual(['/etc', '/etc/absolute.conf', '/etc/host-link', '/etc/passwd', '/etc/shadow-link', '/lib', '/usr/lib/libc.so']);
      expect(view.readText('/etc/absolute.conf')).toBe('absolute');
      expect(view.readText('/etc/shadow-link')).toBe('root:x:0:0:image\n');
      expect(view.resolve('/etc/host-link', { follow: true })).toBe('/etc/hostname');
      expect(view.read('/etc/host-link')).toEqual({ ok: false, reason: '/etc/host-link: no such file' });
      expect(view.readText('/lib/libc.so')).toBe('libc');
      expect(view.unknowns.map((u) => u.reason)).toEqual([
        'entry name "../../../../tmp/portcullis-escape" climbs out of the image root; ignored',
        'entry name "a/../../outside" climbs out of the image root; ignored',
        'hardlink target "../../etc/passwd" climbs out of the image root; ignored',
      ]);
    });
  }

  it('an archive whose own entry names climb out is read without them', async () => {
    const built = buildImage(appSpec('none'));
    const tar = writeTar([
      { name: '../../evil.json', content: '{}' },
      { name: 'oci-layout', content: JSON.stringify({ imageLayoutVersion: '1.0.0' }) },
      { name: 'index.json', content: JSON.stringify({ schemaVersion: 2, manifests: [built.top] }) },
      ...[...built.blobs].map(([d, b]) => ({ name: `blobs/sha256/${d.slice(7)}`, content: b })),
    ]);
    const view = await load(`oci-archive:${ws.file('with-evil.tar', tar)}`);
    expect(view.readText('/app/config.json')).toBe('{"version": 2}');
  });
});
