import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildImage, type FileSpec } from '../../test/helpers/image-builder.js';
import { silentLogger } from '../common/logger.js';
import { RequestMatcher } from '../image/file-request.js';
import { FileView } from '../image/file-view.js';
import { readLayer } from '../image/layer-reader.js';
import { buildMetadata, type ImageManifest } from '../image/manifest.js';
import type { ImageConfig, Package } from '../model/index.js';
import { apkCataloger } from './apk/cataloger.js';
import { dpkgCataloger } from './dpkg/cataloger.js';
import { manifestOrigin } from './package-origin.js';
import { catalogRequests, runCatalogers } from './run.js';
import { npmInstalledCataloger } from './npm/catalogers.js';
import type { Cataloger } from './cataloger.js';

/** Builds the image in memory and reads every layer once through the real layer reader, with the catalogers' requests. */
async function viewOf(layers: FileSpec[][], catalogers: readonly Cataloger[], maxFileBytes = 1 << 20): Promise<FileView> {
  const img = buildImage({ layers: layers.map((files, i) => ({ files, createdBy: `step ${i}` })) });
  // The test's cap is the package databases' cap too (`catalogRequests` gives them their own, 512 MiB by default).
  const matcher = new RequestMatcher(catalogRequests(catalogers, { maxDatabaseBytes: maxFileBytes }));
  const metadata = buildMetadata({
    reference: 'test',
    source: 'test',
    manifest: JSON.parse(img.manifestBytes.toString()) as ImageManifest,
    config: img.config as unknown as ImageConfig,
  });
  const results = [];
  for (const [i, l] of img.layers.entries()) {
    results.push(await readLayer(Readable.from([l.stored]), { matcher, maxFileBytes, label: `layer ${i}`, expectedDigest: l.digest, layerDigest: l.digest }));
  }
  return FileView.squash(metadata, results);
}

const stanza = (name: string, version: string, status = 'install ok installed'): string =>
  `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nVersion: ${version}\n`;
const status = (...stanzas: string[]): FileSpec => ({ path: 'var/lib/dpkg/status', content: stanzas.join('\n') });

async function dpkgOrigins(layers: FileSpec[][], maxFileBytes?: number): Promise<{ origins: Record<string, number | undefined>; packages: Package[]; view: FileView }> {
  const view = await viewOf(layers, [dpkgCataloger], maxFileBytes);
  const r = await runCatalogers(view, { catalogers: [dpkgCataloger], logger: silentLogger });
  return { origins: Object.fromEntries(r.packages.map((p) => [`${p.name}@${p.version}`, p.locations[0]!.provenance?.layerIndex])), packages: r.packages, view };
}

describe('FileView.versions: every layer’s version of an everyLayer file', () => {
  it('lists what each layer wrote or deleted, lowest first; other files keep no versions', async () => {
    const view = await viewOf(
      [[status(stanza('a', '1')), { path: 'etc/motd', content: 'x' }], [{ path: 'etc/motd', content: 'y' }], [status(stanza('a', '2'))], [{ path: 'var/lib/dpkg/status', whiteout: true }], [status(stanza('a', '3'))]],
      [dpkgCataloger],
    );
    const versions = view.versions('/var/lib/dpkg/status');
    expect(versions.map((v) => [v.layerIndex, v.deleted])).toEqual([
      [0, false],
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(versions.map((v) => (v.deleted || !v.read.ok ? null : v.read.data.toString()))).toEqual([stanza('a', '1'), stanza('a', '2'), null, stanza('a', '3')]);
    expect(view.versions('/etc/motd')).toEqual([]);
    expect(view.versionedPaths()).toEqual(['/var/lib/dpkg/status']);
  });

  it('an opaque parent directory deletes the file; the same layer writing it again leaves one version for that layer', async () => {
    const view = await viewOf(
      [[status(stanza('a', '1'))], [{ path: 'var/lib/dpkg', opaque: true }], [{ path: 'var/lib/dpkg', opaque: true }, status(stanza('a', '2'))]],
      [dpkgCataloger],
    );
    expect(view.versions('/var/lib/dpkg/status').map((v) => [v.layerIndex, v.deleted])).toEqual([
      [0, false],
      [1, true],
      [2, false],
    ]);
  });

  it('a version over the content cap is kept with its reason', async () => {
    const view = await viewOf([[status(stanza('a', '1'))], [status(stanza('a', '1'), stanza('b', '1'.repeat(200)))]], [dpkgCataloger], 100);
    const v = view.versions('/var/lib/dpkg/status')[1]!;
    expect(!v.deleted && !v.read.ok && v.read.reason).toMatch(/over the 100-byte content cap/);
  });
});

describe('dpkg: the layer that introduced each package', () => {
  it('install in L1, upgrade in L3, removal in L2 and re-install in L4: each package’s origin is its own layer', async () => {
    const { origins } = await dpkgOrigins([
      [status(stanza('base', '1'), stanza('gone', '1'), stanza('back', '1'))],
      [status(stanza('base', '1'), stanza('gone', '1'), stanza('back', '1'), stanza('curl', '7.88'), stanza('libssl3', '3.0.1'))],
      [status(stanza('base', '1'), stanza('curl', '7.88'), stanza('libssl3', '3.0.1'), stanza('back', '1', 'deinstall ok config-files'))],
      [status(stanza('base', '1'), stanza('curl', '7.88'), stanza('libssl3', '3.0.2'), stanza('back', '1', 'deinstall ok config-files'))],
      [status(stanza('base', '1'), stanza('curl', '7.88'), stanza('libssl3', '3.0.2'), stanza('back', '1'))],
      [{ path: 'srv/app.js', content: 'x' }],
    ]);
    expect(origins).toEqual({ 'base@1': 0, 'curl@7.88': 1, 'libssl3@3.0.2': 3, 'back@1': 4 });
  });

  it('a whiteout of the database and a new one: the packages of the new database come from that layer', async () => {
    const { origins } = await dpkgOrigins([[status(stanza('a', '1'), stanza('b', '1'))], [{ path: 'var/lib/dpkg/status', whiteout: true }], [status(stanza('a', '1'))]]);
    expect(origins).toEqual({ 'a@1': 2 });
  });

  it('an opaque /var/lib/dpkg deletes the database; layers are compared by their end states', async () => {
    // Emptied in L1, written again in L2: the packages of L2's database come from L2.
    expect((await dpkgOrigins([[status(stanza('a', '1'))], [{ path: 'var/lib/dpkg', opaque: true }], [status(stanza('a', '1'))]])).origins).toEqual({ 'a@1': 2 });
    // Made opaque and written again by the same layer: at the end of L1 `a` is still there, so it stays L0's.
    expect((await dpkgOrigins([[status(stanza('a', '1'))], [{ path: 'var/lib/dpkg', opaque: true }, status(stanza('a', '1'), stanza('b', '1'))]])).origins).toEqual({ 'a@1': 0, 'b@1': 1 });
    expect((await dpkgOrigins([[status(stanza('a', '1'))], [{ path: 'etc/x', content: 'x' }]])).origins).toEqual({ 'a@1': 0 });
  });

  it('distroless status.d: a package rewritten in its own file with a new version comes from that layer', async () => {
    const { origins } = await dpkgOrigins([
      [{ path: 'var/lib/dpkg/status.d/a', content: stanza('a', '1') }, { path: 'var/lib/dpkg/status.d/b', content: stanza('b', '1') }],
      [{ path: 'var/lib/dpkg/status.d/b', content: stanza('b', '2') }],
    ]);
    expect(origins).toEqual({ 'a@1': 0, 'b@2': 1 });
  });

  it('an unreadable database in between: packages first seen after it get the next readable layer, with an unknown', async () => {
    const big = stanza('pad', 'x'.repeat(300));
    const view = await viewOf([[status(stanza('a', '1'))], [status(stanza('a', '1'), big)], [status(stanza('a', '1'), stanza('c', '1'))]], [dpkgCataloger], 200);
    const r = await runCatalogers(view, { catalogers: [dpkgCataloger], logger: silentLogger });
    expect(Object.fromEntries(r.packages.map((p) => [p.name, p.locations[0]!.provenance?.layerIndex]))).toEqual({ a: 0, c: 2 });
    expect(r.unknowns).toEqual([expect.objectContaining({ stage: 'dpkg/status', reason: expect.stringMatching(/layer 1 could not be read .*1 package\(s\) first seen after it/) })]);
  });
});

describe('apk: the layer that introduced each package', () => {
  it('compares the installed database of every layer', async () => {
    const rec = (p: string, v: string): string => `P:${p}\nV:${v}\nA:x86_64\n`;
    const db = (...r: string[]): FileSpec => ({ path: 'lib/apk/db/installed', content: `${r.join('\n')}\n` });
    const view = await viewOf([[db(rec('musl', '1.2'), rec('zlib', '1.3'))], [db(rec('musl', '1.2'), rec('zlib', '1.3.1'), rec('curl', '8'))]], [apkCataloger]);
    const r = await runCatalogers(view, { catalogers: [apkCataloger], logger: silentLogger });
    expect(Object.fromEntries(r.packages.map((p) => [`${p.name}@${p.version}`, p.locations[0]!.provenance?.layerIndex]))).toEqual({ 'musl@1.2': 0, 'zlib@1.3.1': 1, 'curl@8': 1 });
  });
});

describe('language packages: the layer that wrote the manifest as it is now', () => {
  const pj = (v: string): string => JSON.stringify({ name: 'lodash', version: v });
  it('a later layer rewriting the same bytes does not move the origin; a new version does', async () => {
    const path = 'srv/app/node_modules/lodash/package.json';
    const same = await viewOf([[{ path, content: pj('4.17.15') }], [{ path: 'x', content: 'x' }], [{ path, content: pj('4.17.15') }]], [npmInstalledCataloger]);
    expect(manifestOrigin(same, `/${path}`)?.layerIndex).toBe(0);
    const r = await runCatalogers(same, { catalogers: [npmInstalledCataloger], logger: silentLogger });
    expect(r.packages.map((p) => [p.version, p.locations[0]!.provenance?.layerIndex])).toEqual([['4.17.15', 0]]);
    const upgraded = await viewOf([[{ path, content: pj('4.17.15') }], [{ path, content: pj('4.17.21') }], [{ path, content: pj('4.17.21') }]], [npmInstalledCataloger]);
    const u = await runCatalogers(upgraded, { catalogers: [npmInstalledCataloger], logger: silentLogger });
    expect(u.packages.map((p) => [p.version, p.locations[0]!.provenance?.layerIndex])).toEqual([['4.17.21', 1]]);
  });
});
