// Shape checks and OCI strictness on the JSON an image is made of (issue 16 §2). Field rules follow the OCI image
// spec (github.com/opencontainers/image-spec: descriptor.md — `size` MUST match the content, sha256 and sha512 are
// registered algorithms; config.md — one diff_id per layer) and moby's `docker save` manifest.json layout.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageWorkspace, writeTar } from '../../test/helpers/image-builder.js';
import { ImageError } from '../common/errors.js';
import { silentLogger } from '../common/logger.js';
import { RequestMatcher } from './file-request.js';
import { readLayer } from './layer-reader.js';
import { buildMetadata, parseConfig, parseManifest, selectPlatform } from './manifest.js';
import { loadImage } from './open.js';
import { readVerified } from './oci-layout.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

const D = `sha256:${'a'.repeat(64)}`;
const thrown = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

describe('image JSON is shape-checked: a clear one-line ImageError naming the field', () => {
  const manifest = (layers: unknown, config: unknown = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D, size: 2 }) =>
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers });

  it.each([
    [manifest([null]), /^m is malformed: \/layers\/0 must be object$/],
    [manifest([{ digest: 7, size: 1 }]), /^m is malformed: \/layers\/0\/digest must be string$/],
    [manifest([{ digest: D, size: '12' }]), /^m is malformed: \/layers\/0\/size must be integer$/],
    [manifest([{ digest: D, size: -1 }]), /^m is malformed: \/layers\/0\/size must be >= 0$/],
    [manifest([{ digest: D }]), /^m is malformed: \/layers\/0 must have the field "size"$/],
    [manifest([], { digest: D, size: 1, annotations: { a: 1 } }), /^m is malformed: \/config\/annotations\/a must be string$/],
    [JSON.stringify({ manifests: [{ digest: D, size: 1, platform: { os: 'linux', architecture: 5 } }] }), /^m is malformed: \/manifests\/0\/platform\/architecture must be string$/],
    [JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [7] }), /^m is malformed: \/manifests\/0 must be object$/],
    [JSON.stringify([1, 2]), /^m is not a JSON object$/],
  ])('manifest or index %s', (text, message) => {
    const e = thrown(() => parseManifest(text, undefined, 'm'));
    expect(e).toBeInstanceOf(ImageError);
    expect(e.message).toMatch(message);
  });

  it.each([
    [{ rootfs: { diff_ids: [] }, history: 7 }, /^c is malformed: \/history must be array$/],
    [{ rootfs: { diff_ids: [] }, history: [{ empty_layer: 'yes' }] }, /^c is malformed: \/history\/0\/empty_layer must be boolean$/],
    [{ rootfs: { diff_ids: [7] } }, /^c is malformed: \/rootfs\/diff_ids\/0 must be string$/],
    [{ rootfs: { diff_ids: [] }, os: 1 }, /^c is malformed: \/os must be string$/],
    [{ rootfs: { diff_ids: [] }, config: { Env: ['A=1', 2] } }, /^c is malformed: \/config\/Env\/1 must be string$/],
    [{ rootfs: { diff_ids: [] }, config: { Labels: { a: {} } } }, /^c is malformed: \/config\/Labels\/a must be string$/],
  ])('config %j', (doc, message) => {
    const e = thrown(() => parseConfig(JSON.stringify(doc), 'c'));
    expect(e).toBeInstanceOf(ImageError);
    expect(e.message).toMatch(message);
  });

  it('a real-shaped config with null Env, Cmd and Labels (as Docker writes them) passes', () => {
    const c = parseConfig(JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Env: null, Cmd: null, Labels: null, Entrypoint: null }, rootfs: { type: 'layers', diff_ids: [D] } }), 'c');
    expect(c.rootfs.diff_ids).toEqual([D]);
  });

  it('10,000 levels of nesting are refused before any walk', () => {
    const deep = `{"rootfs":{"diff_ids":[]},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const e = thrown(() => parseConfig(deep, 'c'));
    expect(e).toBeInstanceOf(ImageError);
    expect(e.message).toBe('c is nested too deeply (more than 512 levels of arrays and objects)');
    expect(thrown(() => parseManifest(`{"manifests":${'['.repeat(10_000)}`, undefined, 'm')).message).toMatch(/nested too deeply/);
  });

  it('a docker-archive manifest.json with a number where a name goes', async () => {
    for (const [doc, message] of [
      [[{ Config: 7, Layers: [] }], /manifest\.json is malformed: \/0\/Config must be string$/],
      [[{ Config: 'c.json', Layers: [null] }], /manifest\.json is malformed: \/0\/Layers\/0 must be string$/],
      [[{ Config: 'c.json', Layers: [], RepoTags: [1] }], /manifest\.json is malformed: \/0\/RepoTags\/0 must be string$/],
      [{ Config: 'c.json' }, /manifest\.json is malformed: \(top level\) must be array$/],
    ] as const) {
      const tar = ws.file(`bad-${Math.random().toString(36).slice(2)}.tar`, writeTar([{ name: 'manifest.json', content: JSON.stringify(doc) }]));
      const err = await loadImage(`docker-archive:${tar}`, { env: {}, logger: silentLogger, requests: [] }).catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(ImageError);
      expect((err as Error).message).toMatch(message);
    }
  });
});

describe('OCI strictness', () => {
  const bytes = Buffer.from('{"hello":"world"}');
  const sha256 = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const sha512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`;
  const store = { get: async () => bytes };

  it('a blob whose size differs from its descriptor is an ImageError', async () => {
    await expect(readVerified(store, sha256, 'img', 'config', bytes.length)).resolves.toBe(bytes);
    const err = (await readVerified(store, sha256, 'img', 'config', bytes.length + 1).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ImageError);
    expect(err.message).toBe(`img: size mismatch for config blob ${sha256}: its descriptor says ${bytes.length + 1} bytes but the blob has ${bytes.length}`);
  });

  it('sha512 digests are accepted and verified', async () => {
    await expect(readVerified(store, sha512, 'img', 'manifest', bytes.length)).resolves.toBe(bytes);
    const wrong = `sha512:${'0'.repeat(128)}`;
    await expect(readVerified(store, wrong, 'img', 'manifest')).rejects.toThrow(/digest mismatch for manifest blob sha512:0+: its content hashes to sha512:/);
    expect(parseManifest(JSON.stringify({ config: { digest: sha512, size: 1 }, layers: [{ digest: sha512, size: 1 }] }), undefined, 'm').kind).toBe('manifest');
  });

  const layerTar = writeTar([{ name: 'etc/hello', content: 'hi' }]);
  const read = (opts: { expectedDigest?: string; expectedSize?: number; expectedDiffId?: string }) =>
    readLayer(Readable.from([layerTar]), { matcher: new RequestMatcher([]), maxFileBytes: 1 << 20, label: 'layer 0', ...opts });

  it('a layer blob longer or shorter than its descriptor is an ImageError', async () => {
    await expect(read({ expectedSize: layerTar.length })).resolves.toMatchObject({ storedBytes: layerTar.length });
    await expect(read({ expectedSize: layerTar.length - 1 })).rejects.toThrow(`size mismatch for layer 0: the manifest says ${layerTar.length - 1} bytes but the blob is longer`);
    await expect(read({ expectedSize: layerTar.length + 1 })).rejects.toThrow(`size mismatch for layer 0: the manifest says ${layerTar.length + 1} bytes but the blob has ${layerTar.length}`);
  });

  it('a layer with sha512 digest and diff_id is verified with sha512', async () => {
    const d512 = `sha512:${createHash('sha512').update(layerTar).digest('hex')}`;
    const r = await read({ expectedDigest: d512, expectedDiffId: d512 });
    expect(r.digest).toBe(d512);
    expect(r.diffId).toBe(d512);
    await expect(read({ expectedDigest: `sha512:${'1'.repeat(128)}` })).rejects.toThrow(/digest mismatch for layer 0/);
  });

  it('diff_ids must match the layer count', () => {
    const m = { schemaVersion: 2, config: { mediaType: 'x', digest: D, size: 1 }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: D, size: 1 }] };
    const e = thrown(() => buildMetadata({ reference: 'r', source: 's', manifest: m, config: { os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [D, D] } } }));
    expect(e).toBeInstanceOf(ImageError);
    expect(e.message).toBe('image config lists 2 diff_ids but the manifest has 1 layers');
  });
});

describe('any JSON value through the image parsers fails as an ImageError, never another error', () => {
  // Values shaped like manifests, with every field replaced by arbitrary JSON at random: what mutation fuzzing did.
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const descriptor = fc.record({ mediaType: fc.oneof(fc.constant('application/vnd.oci.image.layer.v1.tar'), anyJson), digest: fc.oneof(fc.constant(D), anyJson), size: fc.oneof(fc.nat(), anyJson), platform: fc.oneof(fc.record({ os: fc.constant('linux'), architecture: fc.constantFrom('amd64', 'arm64') }), anyJson) }, { requiredKeys: [] });
  const manifestLike = fc.record({ schemaVersion: fc.constant(2), config: fc.oneof(descriptor, anyJson), layers: fc.oneof(fc.array(fc.oneof(descriptor, anyJson)), anyJson), manifests: fc.oneof(fc.array(fc.oneof(descriptor, anyJson)), anyJson) }, { requiredKeys: [] });
  const configLike = fc.record({ os: fc.oneof(fc.constant('linux'), anyJson), architecture: anyJson, rootfs: fc.oneof(fc.record({ diff_ids: fc.oneof(fc.array(fc.oneof(fc.constant(D), anyJson)), anyJson) }), anyJson), history: fc.oneof(fc.array(fc.oneof(fc.record({ empty_layer: fc.oneof(fc.boolean(), anyJson) }), anyJson)), anyJson), config: anyJson }, { requiredKeys: [] });

  it('manifests, indexes and configs, then metadata and platform selection', () => {
    fc.assert(
      fc.property(fc.oneof(manifestLike, anyJson), fc.oneof(configLike, anyJson), (m, c) => {
        try {
          const parsed = parseManifest(JSON.stringify(m), undefined, 'm');
          const config = parseConfig(JSON.stringify(c), 'c');
          if (parsed.kind === 'index') selectPlatform(parsed.index, { os: 'linux', architecture: 'amd64' }, 'i');
          else buildMetadata({ reference: 'r', source: 's', manifest: parsed.manifest, config });
        } catch (e) {
          expect(e).toBeInstanceOf(ImageError);
        }
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});
