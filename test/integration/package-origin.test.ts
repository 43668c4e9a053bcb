/**
 * Package origin against the dockerfile-app ground truth: for every Dockerfile-built ref in the shared layout
 * (buildah, emulated BuildKit and classic-builder histories), every catalogued deb and npm package's location must
 * carry the layer the ground truth says introduced it, and that layer must map to the ground truth's Dockerfile line.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { catalogRequests, runCatalogers, selectCatalogers } from '../../src/catalog/run.js';
import { silentLogger } from '../../src/common/logger.js';
import { loadImage } from '../../src/image/open.js';
import { mapLayersToDockerfile } from '../../src/scan/dockerfile-map.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const REFS: [ref: string, truth: string][] = [
  ['dockerfile-app-buildah-layers', 'buildah-layers'],
  ['dockerfile-app-buildkit', 'buildkit'],
  ['dockerfile-app-buildkit-index', 'buildkit'],
  ['dockerfile-app-classic', 'classic'],
  ['dockerfile-app-classic-oci', 'classic'],
];

const tsv = (...parts: string[]): string[][] =>
  readFileSync(sharedPath('fixtures/images/dockerfile-app/ground-truth', ...parts), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

describeShared('package origin on the dockerfile-app refs (ground truth for every package)', () => {
  const dockerfile = (): string => readFileSync(sharedPath('fixtures/images/dockerfile-app/context/Dockerfile'), 'utf8');

  for (const [ref, truthRef] of REFS) {
    it(`${ref}: every deb and npm package has the introducing layer and Dockerfile line of the ground truth`, async () => {
      const catalogers = selectCatalogers('image');
      const view = await loadImage(`oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:${ref}`, {
        env: {},
        logger: silentLogger,
        requests: catalogRequests(catalogers),
      });
      const { packages } = await runCatalogers(view, { catalogers, logger: silentLogger });
      const mapping = mapLayersToDockerfile(view.metadata.layers, view.metadata.config.history ?? [], dockerfile());
      expect(mapping.fits).toBe(true);
      const lineOf = (layerIndex: number | undefined): number | undefined => mapping.origins.find((o) => o.layerIndex === layerIndex)?.line;

      // deb: package, version, …, layer_idx (6), digest (7), dockerfile_start (8; empty for the base = FROM line 3).
      const debTruth = tsv(truthRef, 'app.dpkg.tsv');
      const debs = new Map(packages.filter((p) => p.type === 'deb').map((p) => [`${p.name}@${p.version}`, p]));
      expect(debs.size).toBe(debTruth.length);
      for (const [name, version, , , , , layer, digest, start] of debTruth) {
        const p = debs.get(`${name}@${version}`);
        expect(p, `${name}@${version}`).toBeDefined();
        expect(p!.locations[0]!.path).toBe('/var/lib/dpkg/status');
        expect([`${name}@${version}`, p!.locations[0]!.provenance?.layerIndex, p!.locations[0]!.provenance?.layerDigest]).toEqual([`${name}@${version}`, Number(layer), digest]);
        expect([`${name}@${version}`, lineOf(Number(layer))]).toEqual([`${name}@${version}`, start ? Number(start) : 3]);
      }

      // npm: name, version, package_json, kind, layer_idx, digest, dockerfile_start. The root project is no package.
      const npmTruth = tsv(truthRef, 'app.npm.tsv').filter((r) => r[3] === 'installed');
      const npms = new Map(packages.filter((p) => p.type === 'npm').map((p) => [p.locations[0]!.path, p]));
      expect(npms.size).toBe(npmTruth.length);
      for (const [name, version, path, , layer, digest, start] of npmTruth) {
        const p = npms.get(path!);
        expect(p, path).toMatchObject({ name, version });
        expect([path, p!.locations[0]!.provenance?.layerIndex, p!.locations[0]!.provenance?.layerDigest, lineOf(Number(layer))]).toEqual([path, Number(layer), digest, Number(start)]);
      }

      // introduced-by.tsv: ecosystem, name, version, location, ref, layer_idx, …, dockerfile_start (9).
      const reference = tsv('introduced-by.tsv').filter((r) => r[4] === truthRef);
      expect(reference).toHaveLength(6);
      for (const [ecosystem, name, version, location, , layer, , , , start] of reference) {
        const p = packages.find((x) => x.type === (ecosystem === 'dpkg' ? 'deb' : ecosystem) && x.name === name && x.version === version && x.locations[0]!.path === location);
        expect([name, p?.locations[0]?.provenance?.layerIndex, lineOf(p?.locations[0]?.provenance?.layerIndex)]).toEqual([name, Number(layer), Number(start)]);
      }
    });
  }
});
