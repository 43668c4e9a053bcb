/**
 * Catalog accuracy on the shared images and root file systems, against their ground truth (dpkg-query, npm ls,
 * importlib.metadata and apk's own database, recorded in ../shared): exactly the packages, with the right versions,
 * sources and install layers, and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { catalogRequests, runCatalogers, selectCatalogers, type CatalogRunResult } from '../../src/catalog/run.js';
import { silentLogger } from '../../src/common/logger.js';
import type { FileView } from '../../src/image/file-view.js';
import { loadImage } from '../../src/image/open.js';
import { viewFromTarball } from '../../src/image/tarball.js';
import type { Package } from '../../src/model/index.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const GT = (f: string): string => sharedPath('fixtures/images/ground-truth', f);
const LAYOUT = sharedPath('fixtures/images/debian-fixtures.oci');
const catalogers = selectCatalogers('image');

/** Rows of a TSV file, without a header line when it has one (`name\t…` or `package\t…`). */
function tsv(path: string): string[][] {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  return rows[0]?.[0] === 'name' || rows[0]?.[0] === 'package' ? rows.slice(1) : rows;
}

interface Catalogued {
  view: FileView;
  result: CatalogRunResult;
}

async function catalogRef(ref: string): Promise<Catalogued> {
  const view = await loadImage(`oci-dir:${LAYOUT}:${ref}`, { env: {}, logger: silentLogger, requests: catalogRequests(catalogers) });
  return { view, result: await runCatalogers(view, { catalogers, logger: silentLogger }) };
}

async function catalogTarball(path: string): Promise<Catalogued> {
  const view = await viewFromTarball(path, { requests: catalogRequests(catalogers) });
  return { view, result: await runCatalogers(view, { catalogers, logger: silentLogger }) };
}

const ofType = (r: CatalogRunResult, type: Package['type']): Package[] => r.packages.filter((p) => p.type === type);
const sorted = (xs: string[]): string[] => [...xs].sort();

/** `name version arch source source_version` lines of the dpkg ground truth. */
const dpkgTruth = (rows: string[][]): string[] => sorted(rows.map(([n, v, a, s, sv]) => [n, v, a, s || n, sv || v].join(' ')));
const dpkgFound = (r: CatalogRunResult): string[] => sorted(ofType(r, 'deb').map((p) => [p.name, p.version, p.arch, p.source?.name, p.source?.version].join(' ')));

/** The layer a deb package was installed in: that of its own `.list` file (locations[1]). */
const installLayer = (p: Package): number | undefined => p.locations.find((l) => l.path === `/var/lib/dpkg/info/${p.name}.list` || l.path === `/var/lib/dpkg/info/${p.name}:${p.arch}.list`)?.provenance?.layerIndex;

describeShared('catalog accuracy: debian-fixtures.oci ref app', () => {
  let app: Catalogued;
  let layerDigests: string[];
  let minbase: Set<string>;
  beforeAll(async () => {
    layerDigests = readFileSync(GT('app.layers.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => /gz=(sha256:[0-9a-f]{64})/.exec(l)![1]!);
    minbase = new Set(tsv(GT('minbase.dpkg.tsv')).map(([n, v]) => `${n}@${v}`));
    app = await catalogRef('app');
  });

  it('reads the image without unknowns and finds Debian 12', () => {
    expect(app.result.distro).toMatchObject({ id: 'debian', versionCodename: 'bookworm' });
    expect(app.result.distro?.versionId).toMatch(/^12(\.|$)/);
    expect([...app.view.unknowns, ...app.result.unknowns]).toEqual([]);
    expect(app.result.plugins.filter((p) => p.status !== 'succeeded')).toEqual([]);
    expect(app.view.metadata.layers.map((l) => l.digest)).toEqual(layerDigests);
  });

  it('finds exactly 137 deb, 54 npm and 10 Python packages, and nothing else', () => {
    const counts: Record<string, number> = {};
    for (const p of app.result.packages) counts[p.type] = (counts[p.type] ?? 0) + 1;
    expect(counts).toEqual({ deb: 137, npm: 54, python: 10 });
  });

  it('gives every deb package of ground truth, with its version, arch and source package', () => {
    expect(dpkgFound(app.result)).toEqual(dpkgTruth(tsv(GT('app.dpkg.tsv'))));
  });

  it('puts each deb package in the layer that installed it (minbase: layer 1, apt-get install: layer 2)', () => {
    const debs = ofType(app.result, 'deb');
    const wrong = debs
      .map((p) => ({ p, want: minbase.has(`${p.name}@${p.version}`) ? 0 : 1, got: installLayer(p) }))
      .filter((x) => x.got !== x.want)
      .map((x) => `${x.p.name}: layer ${x.got} (want ${x.want})`);
    expect(wrong).toEqual([]);
    expect(debs.filter((p) => installLayer(p) === 1).length).toBe(137 - minbase.size);
    for (const p of debs) expect(p.locations[1]?.provenance?.layerDigest).toBe(layerDigests[installLayer(p)!]);
  });

  it('gives every installed npm package directory of ground truth, nested duplicates included, from its layer', () => {
    const want = sorted(tsv(GT('app.npm-installed.tsv')).map(([dir, spec]) => `${dir}/package.json ${spec}`));
    const npm = ofType(app.result, 'npm');
    expect(sorted(npm.map((p) => `${p.locations[0]?.path} ${p.name}@${p.version}`))).toEqual(want);
    // COPY of the npm tree in layer 3; `npm install lodash@4.17.21` rewrote lodash in layer 4.
    for (const p of npm) expect(p.locations[0]?.provenance?.layerIndex, p.name).toBe(p.name === 'lodash' ? 3 : 2);
    expect(npm.filter((p) => p.name === 'http-errors').map((p) => p.version).sort()).toEqual(['1.6.2', '1.6.3']);
  });

  it('gives every Python distribution of ground truth, dpkg-owned ones marked, each from its layer', () => {
    const rows = tsv(GT('app.python.tsv'));
    const python = ofType(app.result, 'python');
    expect(sorted(python.map((p) => `${p.name} ${p.version}`))).toEqual(sorted(rows.map(([, n, v]) => `${n} ${v}`)));
    const debIds = new Set(ofType(app.result, 'deb').map((p) => p.id));
    for (const [prefix, name, , dir] of rows) {
      const p = python.find((x) => x.name === name)!;
      expect(p.locations[0]?.path.startsWith(`${dir}/`), `${name} at ${p.locations[0]?.path}`).toBe(true);
      if (prefix === '/usr') {
        expect(p.locations[0]?.provenance?.layerIndex, name).toBe(1);
        expect(p.ownedBy && debIds.has(p.ownedBy), `${name} owned by ${p.ownedBy}`).toBe(true);
      } else {
        expect(p.locations[0]?.provenance?.layerIndex, name).toBe(2);
        expect(p.ownedBy, name).toBeUndefined();
      }
    }
  });

  it('has no curl, lodash only as 4.17.21, libcurl4 from source curl', () => {
    expect(app.result.packages.filter((p) => p.name === 'curl')).toEqual([]);
    expect(app.result.packages.filter((p) => p.name === 'lodash').map((p) => p.version)).toEqual(['4.17.21']);
    expect(ofType(app.result, 'deb').find((p) => p.name === 'libcurl4')).toMatchObject({ version: '7.88.1-10+deb12u15', source: { name: 'curl' } });
  });

  it('reports nothing from flake.lock, flake.nix or the uninstalled wheels, though they are in the image', () => {
    expect(app.view.get('/app/node_modules/lodash/flake.lock')).toBeDefined();
    expect(app.view.glob('/usr/share/python-wheels/*.whl').length).toBe(2);
    const fromThere = app.result.packages.filter((p) => p.locations.some((l) => /flake\.(lock|nix)$|\.whl$|python-wheels/.test(l.path)));
    expect(fromThere).toEqual([]);
  });
});

describeShared('catalog accuracy: intermediate refs of debian-fixtures.oci', () => {
  it('minbase gives exactly its 88 deb packages and nothing else, all from layer 1', async () => {
    const { result } = await catalogRef('minbase');
    expect(dpkgFound(result)).toEqual(dpkgTruth(tsv(GT('minbase.dpkg.tsv'))));
    expect(result.packages.length).toBe(88);
    expect(ofType(result, 'deb').every((p) => installLayer(p) === 0)).toBe(true);
  });

  it('app-l2 gives exactly its 138 deb packages (curl still there) and the 8 dpkg-owned Python ones', async () => {
    const { result } = await catalogRef('app-l2');
    expect(dpkgFound(result)).toEqual(dpkgTruth(tsv(GT('app-l2.dpkg.tsv'))));
    expect(ofType(result, 'deb').some((p) => p.name === 'curl')).toBe(true);
    const python = tsv(GT('app.python.tsv')).filter(([prefix]) => prefix === '/usr');
    expect(sorted(ofType(result, 'python').map((p) => `${p.name} ${p.version}`))).toEqual(sorted(python.map(([, n, v]) => `${n} ${v}`)));
    expect(ofType(result, 'python').every((p) => p.ownedBy !== undefined)).toBe(true);
    expect(result.packages.length).toBe(138 + 8);
  });
});

const ALPINE = sharedPath('fixtures/rootfs/alpine');
const alpineTarballs = (): string[] => {
  try {
    return readdirSync(ALPINE).filter((f) => f.endsWith('.tar.gz'));
  } catch {
    return [];
  }
};

describeShared('catalog accuracy: Alpine minirootfs tarballs as one-layer images', () => {
  it('there are the four tarballs of the shared README', () => {
    expect(alpineTarballs().length).toBe(4);
  });

  it.each(alpineTarballs())('%s gives exactly its ground-truth apk packages', async (file) => {
    const [, version, arch] = /^alpine-minirootfs-([\d.]+)-(\w+)\.tar\.gz$/.exec(file)!;
    const rows = tsv(`${ALPINE}/ground-truth/${file.replace(/\.tar\.gz$/, '.apk.tsv')}`);
    const { view, result } = await catalogTarball(`${ALPINE}/${file}`);
    expect([...view.unknowns, ...result.unknowns]).toEqual([]);
    expect(result.distro).toMatchObject({ id: 'alpine', versionId: version });
    const found = ofType(result, 'apk').map((p) => [p.name, p.version, p.source?.name, p.arch, (p.metadata as { license?: string }).license].join(' '));
    expect(sorted(found)).toEqual(sorted(rows.map((r) => r.join(' '))));
    expect(result.packages.length).toBe(rows.length);
    for (const p of result.packages) {
      expect(p.arch).toBe(arch);
      expect(p.licenses.length, p.name).toBeGreaterThan(0);
      expect(p.purl).toMatch(new RegExp(`^pkg:apk/alpine/${p.name.replace(/[.+]/g, '\\$&')}@`));
    }
  });
});

describeShared('catalog accuracy: Ubuntu 20.04 debootstrap root as a one-layer image', () => {
  it('gives exactly the 91 dpkg packages of ground truth, with sources, and nothing else', async () => {
    const root = sharedPath('fixtures/rootfs/debootstrap');
    const tarball = readdirSync(root).find((f) => f.endsWith('.tar.gz'))!;
    const rows = tsv(`${root}/ground-truth/ubuntu-20.04-focal.dpkg.tsv`);
    const { view, result } = await catalogTarball(`${root}/${tarball}`);
    expect([...view.unknowns, ...result.unknowns]).toEqual([]);
    expect(result.distro).toMatchObject({ id: 'ubuntu', versionId: '20.04', versionCodename: 'focal' });
    expect(rows.length).toBe(91);
    expect(dpkgFound(result)).toEqual(dpkgTruth(rows));
    expect(result.packages.length).toBe(91);
    for (const p of result.packages) expect(p.purl).toMatch(/^pkg:deb\/ubuntu\/.+distro=ubuntu-20\.04/);
  });
});
