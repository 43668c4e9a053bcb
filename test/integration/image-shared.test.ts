import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/common/logger.js';
import { loadImage, openImage } from '../../src/image/open.js';
import type { FileView } from '../../src/image/file-view.js';
import type { ImageReadStats } from '../../src/image/read-image.js';
import type { FileEntry, Platform } from '../../src/model/index.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const IMAGES = 'fixtures/images';
const img = (...p: string[]) => sharedPath(IMAGES, ...p);
// /etc/os-release is a symlink to ../usr/lib/os-release in Debian: a request names the file that holds the content.
const REQUESTS = [{ id: 'test', paths: ['/app/config.json', '/opt/data/new.txt', '/usr/lib/os-release'] }];
const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64', variant: 'v8' };

type LoadedView = FileView & { stats: ImageReadStats };
const load = (ref: string, platform: Platform = AMD64): Promise<LoadedView> => loadImage(ref, { env: {}, logger: silentLogger, requests: REQUESTS, platform });

/** The comparable file set: path, type and size of every entry of the squashed view. */
const fileSet = (view: FileView) => view.list().map((e: FileEntry) => `${e.path}\t${e.type}\t${e.size}`);

/** ground-truth/app.layers.txt: `L1 gz=sha256:… gzsize=… diff_id=sha256:… …`. */
function groundTruthLayers(): { digest: string; diffId: string; size: number }[] {
  return readFileSync(img('ground-truth/app.layers.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const f = Object.fromEntries(line.split(' ').slice(1).map((kv) => kv.split('=') as [string, string]));
      return { digest: f.gz!, diffId: f.diff_id!, size: Number(f.gzsize) };
    });
}

/** What summary.json says must be absent and present, as file checks. */
function checkMustBeAbsentAndPresent(view: FileView): void {
  for (const p of ['/usr/bin/curl', '/etc/issue.net', '/opt/data/old1.txt', '/opt/data/old2.txt']) {
    expect(view.get(p), `${p} must be absent`).toBeUndefined();
  }
  expect(view.get('/opt/data/new.txt')?.type).toBe('file');
  expect(view.get('/opt/data/new-hardlink.txt')).toMatchObject({ type: 'hardlink', linkTarget: '/opt/data/new.txt' });
  expect(view.get('/opt/data/new-symlink.txt')?.type).toBe('symlink');
  expect(view.readText('/opt/data/new-hardlink.txt')).toBe(view.readText('/opt/data/new.txt'));
  expect(view.readText('/opt/data/new-symlink.txt')).toBe(view.readText('/opt/data/new.txt'));
  expect(view.readText('/app/config.json')?.trim()).toBe('{"version": 2, "layer": 4}');
  // /etc/issue.net was whited out in layer 3 (index 2); /app/config.json was last written by layer 4 (index 3).
  const prov = view.get('/app/config.json')!.provenance;
  expect(prov.layerIndex).toBe(3);
  expect(prov.diffId).toBe(view.metadata.layers[3]!.diffId);
  expect(prov.createdBy).toBe(view.metadata.config.history![prov.historyIndex!]!.created_by);
  expect(prov.createdBy).toMatch(/overwrite \/app\/config\.json/);
  expect(view.metadata.config.history![prov.historyIndex!]!.empty_layer).toBeFalsy();
  expect(view.readText('/etc/os-release')).toMatch(/^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"/);
  expect(view.unknowns).toEqual([]);
}

describeShared('shared images: the mini image in every format', () => {
  const MINI: [string, string, Platform?][] = [
    ['oci-dir', `oci-dir:${img('mini/debian-app-mini.oci')}:app`],
    ['oci-archive gzip', `oci-archive:${img('mini/app-mini.oci-archive.tar')}`],
    ['oci-archive zstd', `oci-archive:${img('mini/app-mini-zstd.oci-archive.tar')}`],
    ['docker-archive legacy', `docker-archive:${img('mini/app-mini.docker-archive.tar')}`],
    ['docker-archive ≥25', `docker-archive:${img('mini/app-mini.docker25-archive.tar')}`],
    ['docker ≥25 as oci-archive', `oci-archive:${img('mini/app-mini.docker25-archive.tar')}:latest`],
    ['multi-arch index, amd64', `oci-dir:${img('mini/debian-app-mini.oci')}:app-multiarch`, AMD64],
    ['multi-arch index, arm64/v8', `oci-dir:${img('mini/debian-app-mini.oci')}:app-multiarch`, ARM64],
  ];
  const views = new Map<string, LoadedView>();
  beforeAll(async () => {
    for (const [name, ref, platform] of MINI) views.set(name, await load(ref, platform));
  });

  it.each(MINI.map(([name]) => name))('%s: gives the same squashed file set as the OCI layout', (name) => {
    const reference = fileSet(views.get('oci-dir')!);
    expect(reference.length).toBe(605);
    expect(fileSet(views.get(name)!)).toEqual(reference);
  });

  it.each(MINI.map(([name]) => name))('%s: must-be-absent paths are absent, must-be-present ones present', (name) => {
    checkMustBeAbsentAndPresent(views.get(name)!);
  });

  it('every format has the same five diff_ids; layer 5 is byte-identical to the full image’s', () => {
    const diffIds = views.get('oci-dir')!.metadata.layers.map((l) => l.diffId);
    expect(diffIds).toHaveLength(5);
    expect(diffIds[4]).toBe(groundTruthLayers()[4]!.diffId);
    for (const v of views.values()) expect(v.metadata.layers.map((l) => l.diffId)).toEqual(diffIds);
  });

  it('each format reports its own layer compression and manifest', () => {
    const compression = (name: string) => views.get(name)!.stats.layers.map((l) => l.compression);
    expect(compression('oci-dir')).toEqual(Array(5).fill('gzip'));
    expect(compression('oci-archive zstd')).toEqual(Array(5).fill('zstd'));
    expect(compression('docker-archive legacy')).toEqual(Array(5).fill('none'));
    expect(compression('docker-archive ≥25')).toEqual(Array(5).fill('none'));
    expect(views.get('oci-dir')!.metadata.manifestDigest).toBe('sha256:b6e32c0d905af80f507b3b20e1cee34b0e3d27dd366b9a0ff66519a592373515');
    expect(views.get('oci-dir')!.metadata.configDigest).toBe('sha256:8708a7fcb893265722c296d993c3da9a9e09d9f440f12d23d71bf6a2856f26d3');
    expect(views.get('docker ≥25 as oci-archive')!.metadata.manifestDigest).toBe(
      'sha256:09f8138055e0681b3e46e4839305d977f5768262b3a4d9ea1d9d90c3c1d5f23a',
    );
    expect(views.get('docker-archive legacy')!.metadata.repoTags).toEqual(['docker.io/fixtures/debian-app-mini:latest']);
    const multi = views.get('multi-arch index, arm64/v8')!.metadata;
    expect(multi.platform).toEqual(ARM64);
    expect(multi.indexDigest).toBe('sha256:82d0820c9f72c6cedcd39b501230386dec1a64893df33ad8d090f68d8adde3ee');
    expect(views.get('multi-arch index, amd64')!.metadata.platform).toEqual(AMD64);
  });

  it('an unknown platform names the ones the index has', async () => {
    await expect(load(`oci-dir:${img('mini/debian-app-mini.oci')}:app-multiarch`, { os: 'linux', architecture: 'riscv64' })).rejects.toThrow(
      /has no image for platform linux\/riscv64; platforms available: linux\/amd64, linux\/arm64\/v8$/,
    );
  });
});

describeShared('shared images: the full debian-fixtures.oci app image', () => {
  let app: LoadedView;
  let arm: LoadedView;
  let mini: LoadedView;
  beforeAll(async () => {
    app = await load(`oci-dir:${img('debian-fixtures.oci')}:app`);
    arm = await load(`oci-dir:${img('debian-fixtures.oci')}:app-multiarch`, ARM64);
    mini = await load(`oci-dir:${img('mini/debian-app-mini.oci')}:app`);
  });

  it('has the ground-truth layers, with history paired past the empty_layer entries', () => {
    const truth = groundTruthLayers();
    expect(app.metadata.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.size }))).toEqual(truth);
    expect(app.metadata.manifestDigest).toBe('sha256:e30b604b4fe7f516f38d7f602936eb799c5a047bf79f2203893a4f3c7dd185f9');
    expect(app.metadata.configDigest).toBe('sha256:4cf59d25a61dc960761602b6ef14ea65d10f57a43baff9f7399c5dc2e54ace68');
    expect(app.metadata.config.history).toHaveLength(7);
    expect(app.metadata.config.history!.filter((h) => h.empty_layer)).toHaveLength(2);
    for (const l of app.metadata.layers) expect(l.history?.empty_layer).toBeFalsy();
    expect(app.stats.layers.map((l) => l.tarBytes)).toEqual([121423360, 67519488, 30821888, 2307584, 10240]);
    expect(app.stats.layers.map((l) => l.entries)).toEqual([6674, 3414, 3217, 1061, 6]);
  });

  it('has the 13,215 merged paths, with must-be-absent paths absent and must-be-present ones present', () => {
    // The README counts 13,215 paths on disk, the root directory among them; the view does not list "/".
    expect(app.size + 1).toBe(13215);
    checkMustBeAbsentAndPresent(app);
  });

  it('gives the same file set for the multi-arch index’s arm64/v8 entry', () => {
    expect(arm.metadata.platform).toEqual(ARM64);
    expect(arm.metadata.indexDigest).toBe('sha256:df81a0a9a598b60e3e17bf9847af50c9288b69ae7418c4996c7ab60d48aba405');
    expect(fileSet(arm)).toEqual(fileSet(app));
  });

  it('contains every entry of the mini image, with the same type and size', () => {
    const full = new Set(fileSet(app));
    const missing = fileSet(mini).filter((line) => !full.has(line));
    expect(missing).toEqual([]);
    // The full image has much more: the mini one keeps package metadata only.
    expect(app.size).toBeGreaterThan(mini.size * 20);
  });
});

describeShared('shared images: the dockerfile-app refs open', () => {
  const layersTsv = (dir: string) =>
    readFileSync(img('dockerfile-app/ground-truth', dir, 'app.layers.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map((f) => ({ digest: f[1]!, diffId: f[3]!, historyIndex: Number(f[7]) }));

  const REFS: [string, string | undefined][] = [
    ['dockerfile-app-buildah-layers', 'buildah-layers'],
    ['dockerfile-app-buildkit', 'buildkit'],
    ['dockerfile-app-buildkit-index', undefined],
    ['dockerfile-app-classic', 'classic'],
    ['dockerfile-app-classic-oci', undefined],
  ];

  it.each(REFS)('%s', async (ref, truthDir) => {
    const opened = await openImage(`oci-dir:${img('debian-fixtures.oci')}:${ref}`, { env: {}, logger: silentLogger, platform: AMD64 });
    try {
      expect(opened.kind).toBe('layered');
      if (opened.kind !== 'layered') return;
      const m = opened.metadata;
      expect(m.layers.length).toBeGreaterThan(3);
      for (const l of m.layers) {
        expect(l.history?.created_by, `layer ${l.index} has a history entry`).toBeTruthy();
        expect(l.history?.empty_layer).toBeFalsy();
      }
      if (truthDir) {
        expect(m.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, historyIndex: l.historyIndex }))).toEqual(layersTsv(truthDir));
      } else {
        const twin = ref === 'dockerfile-app-buildkit-index' ? 'buildkit' : 'classic';
        expect(m.layers.map((l) => l.diffId)).toEqual(layersTsv(twin).map((l) => l.diffId));
      }
    } finally {
      await opened.close();
    }
  });
});
