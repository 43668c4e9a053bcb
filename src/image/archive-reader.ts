import { PassThrough, Readable } from 'node:stream';
import { ImageError } from '../common/errors.js';
import { assertShape, parseJson } from '../common/json.js';
import type { ImageConfig, ImageMetadata, Platform } from '../model/index.js';
import type { RequestMatcher } from './file-request.js';
import { readLayer, type LayerReadResult } from './layer-reader.js';
import { buildMetadata, MediaTypes, parseConfig, type ImageManifest } from './manifest.js';
import { blobPath, digestOf, resolveOciLayout, type ResolvedManifest } from './oci-layout.js';
import { normalizeEntryName, resolveLinkTarget } from './paths.js';
import { checkDockerArchiveManifestShape } from './schemas/image-schemas.js';
import { TarFormatError, TarParser } from './tar/tar-parser.js';

/** Entries up to this size are kept in memory (manifests, configs, tiny layers); larger ones stream as layers. */
export const SMALL_ENTRY = 1 << 20;

/** Checks a layer read from an archive against what the manifest (size, digest) and the config (diff_id) say. */
export function checkLayerAgainst(expect: { size?: number | undefined; digest?: string | undefined; diffId: string }, result: LayerReadResult, label: string): void {
  if (expect.size !== undefined && expect.size !== result.storedBytes) {
    throw new ImageError(`size mismatch for ${label}: the manifest says ${expect.size} bytes but the blob has ${result.storedBytes}`);
  }
  if (expect.digest && expect.digest !== result.digest) {
    throw new ImageError(`digest mismatch for ${label}: the manifest says ${expect.digest} but the blob's content hashes to ${result.digest}`);
  }
  if (expect.diffId !== result.diffId) {
    throw new ImageError(`diff_id mismatch for ${label}: the config says ${expect.diffId} but the uncompressed layer hashes to ${result.diffId}`);
  }
}

export interface ArchiveReadOptions {
  label: string;
  reference: string;
  source: string;
  refName?: string;
  platform: Platform;
  matcher: RequestMatcher;
  maxFileBytes: number;
  signal?: AbortSignal;
}

export interface ArchiveReadResult {
  metadata: ImageMetadata;
  layers: LayerReadResult[];
}

interface Candidate {
  promise: Promise<LayerReadResult>;
}

/**
 * Reads a whole image archive (`docker save` output in the legacy or the Docker ≥25 layout, or an OCI layout
 * tar) in one pass, whatever the order of its entries. Large entries are read as layers while they stream, keyed
 * by their entry name; small ones are kept. Once the archive ends, the manifest says which candidates are the
 * image's layers and in what order; their digests and diff_ids are checked then.
 */
export async function readImageArchive(input: Readable, options: ArchiveReadOptions): Promise<ArchiveReadResult> {
  const small = new Map<string, Buffer>();
  const links = new Map<string, string>();
  const candidates = new Map<string, Candidate>();
  const pending: Promise<unknown>[] = [];
  let sawAnyEntry = false;
  let backpressure: PassThrough | null = null;

  const parser = new TarParser((h) => {
    sawAnyEntry = true;
    const name = normalizeEntryName(h.name);
    if (name === null) return null;
    if (h.type === 'symlink' || h.type === 'hardlink') {
      const target = h.type === 'symlink' ? resolveLinkTarget(name, h.linkname) : normalizeEntryName(h.linkname);
      if (target) links.set(name, target);
      return null;
    }
    if (h.type !== 'file') return null;
    if (h.size <= SMALL_ENTRY) {
      const buf = Buffer.allocUnsafe(h.size);
      let filled = 0;
      return {
        data(chunk) {
          chunk.copy(buf, filled);
          filled += chunk.length;
        },
        end() {
          small.set(name, buf);
        },
      };
    }
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    stream.on('error', () => {}); // the candidate's own promise carries the failure
    const promise = readLayer(stream, {
      // A content-named blob is hashed with its own algorithm (`blobs/sha512/<hex>`).
      digestAlgorithm: name.startsWith('/blobs/sha512/') ? 'sha512' : 'sha256',
      matcher: options.matcher,
      maxFileBytes: options.maxFileBytes,
      label: `${options.label}: ${name.slice(1)}`,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // A candidate that is not a layer (an attestation, say) may fail to parse; that only matters if it is used.
    promise.catch(() => {});
    candidates.set(name, { promise });
    pending.push(promise.catch(() => {}));
    return {
      data(chunk) {
        if (!stream.destroyed && !stream.write(chunk)) backpressure = stream;
      },
      end() {
        stream.end();
      },
    };
  });

  try {
    for await (const chunk of input) {
      if (options.signal?.aborted) throw options.signal.reason;
      parser.push(chunk as Buffer);
      const bp = backpressure as PassThrough | null;
      if (bp) {
        backpressure = null;
        if (!bp.destroyed) await drainedOrClosed(bp);
      }
      if (parser.done) break;
    }
    parser.end();
  } catch (e) {
    if (e instanceof TarFormatError) {
      const what = sawAnyEntry ? e.message : `not an image archive (${e.message})`;
      throw new ImageError(`${options.label}: ${what}`, { cause: e });
    }
    throw e;
  }
  await Promise.all(pending);

  const resolveName = (name: string): string => {
    let n = name;
    for (let i = 0; i < 16 && links.has(n); i++) n = links.get(n)!;
    return n;
  };
  const layerResult = async (entryName: string, expect: { digest?: string; diffId: string; size?: number }, index: number): Promise<LayerReadResult> => {
    const name = resolveName(normalizeEntryName(entryName) ?? entryName);
    const label = `${options.label}: layer ${index} (${entryName})`;
    let result: LayerReadResult;
    const candidate = candidates.get(name);
    if (candidate) {
      result = await candidate.promise.catch((e: unknown) => {
        throw e instanceof ImageError ? new ImageError(e.message.replace(`${options.label}: ${name.slice(1)}`, label), { cause: e }) : e;
      });
    } else {
      const buf = small.get(name);
      if (!buf) throw new ImageError(`${options.label}: layer ${index} (${entryName}) is missing from the archive`);
      result = await readLayer(Readable.from([buf]), {
        ...(expect.digest ? { expectedDigest: expect.digest } : {}),
        matcher: options.matcher,
        maxFileBytes: options.maxFileBytes,
        label,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }
    checkLayerAgainst(expect, result, label);
    return result;
  };

  const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
  if (isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive')) {
    return fromOciLayout(small, resolveName, layerResult, options);
  }
  if (small.has('/manifest.json')) return fromDockerManifest(small, resolveName, layerResult, options);
  if (!sawAnyEntry) throw new ImageError(`${options.label}: empty archive`);
  throw new ImageError(`${options.label}: not an image archive (no manifest.json, and no index.json with oci-layout)`);
}

export type LayerResultFn = (entryName: string, expect: { digest?: string; diffId: string; size?: number }, index: number) => Promise<LayerReadResult>;

export async function fromOciLayout(
  small: Map<string, Buffer>,
  resolveName: (n: string) => string,
  layerResult: LayerResultFn,
  options: ArchiveReadOptions,
): Promise<ArchiveReadResult> {
  const resolved: ResolvedManifest = await resolveOciLayout({
    indexJson: small.get('/index.json')!,
    store: { get: async (digest) => small.get(resolveName(`/${blobPath(digest)}`)) },
    ...(options.refName !== undefined ? { refName: options.refName } : {}),
    platform: options.platform,
    label: options.label,
  });
  const metadata = buildMetadata({
    reference: options.reference,
    source: options.source,
    manifest: resolved.manifest,
    manifestDigest: resolved.manifestDigest,
    manifestMediaType: resolved.manifestMediaType,
    ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
    config: resolved.config,
  });
  const layers: LayerReadResult[] = [];
  for (const l of metadata.layers) layers.push(await layerResult(`/${blobPath(l.digest)}`, { digest: l.digest, diffId: l.diffId, size: l.size }, l.index));
  return { metadata, layers };
}

interface DockerManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

export async function fromDockerManifest(
  small: Map<string, Buffer>,
  resolveName: (n: string) => string,
  layerResult: LayerResultFn,
  options: ArchiveReadOptions,
): Promise<ArchiveReadResult> {
  const what = `${options.label}: manifest.json`;
  const entries = parseJson(small.get('/manifest.json')!, { what, errorClass: ImageError }) as DockerManifestEntry[];
  assertShape(checkDockerArchiveManifestShape, entries, what, ImageError);
  if (entries.length === 0) throw new ImageError(`${options.label}: manifest.json lists no images`);
  let entry: DockerManifestEntry | undefined;
  if (options.refName) {
    entry = entries.find((e) => (e.RepoTags ?? []).some((t) => t === options.refName || t.endsWith(`/${options.refName}`) || t === `docker.io/library/${options.refName}`));
    if (!entry) throw new ImageError(`${options.label} has no image tagged "${options.refName}"; tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ') || '(none)'}`);
  } else if (entries.length === 1) entry = entries[0];
  else throw new ImageError(`${options.label} holds ${entries.length} images; name one by appending :TAG to the reference (tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ')})`);
  const e = entry!;
  if (typeof e.Config !== 'string' || !Array.isArray(e.Layers)) throw new ImageError(`${options.label}: manifest.json entry has no Config or Layers`);
  const configName = resolveName(normalizeEntryName(e.Config) ?? e.Config);
  const configBytes = small.get(configName);
  if (!configBytes) throw new ImageError(`${options.label}: config ${e.Config} is missing from the archive`);
  const config: ImageConfig = parseConfig(configBytes, `${options.label}: config ${e.Config}`);
  const configNamed = namedDigest(e.Config);
  const configDigest = digestOf(configBytes, configNamed?.startsWith('sha512:') ? 'sha512' : 'sha256');
  if (configNamed && configNamed !== configDigest) {
    throw new ImageError(`${options.label}: digest mismatch for config ${e.Config}: its content hashes to ${configDigest}`);
  }
  if (config.rootfs.diff_ids.length !== e.Layers.length) {
    throw new ImageError(`${options.label}: the config lists ${config.rootfs.diff_ids.length} diff_ids but manifest.json has ${e.Layers.length} layers`);
  }
  const layers: LayerReadResult[] = [];
  for (let i = 0; i < e.Layers.length; i++) {
    const digest = namedDigest(e.Layers[i]!);
    layers.push(await layerResult(e.Layers[i]!, { ...(digest ? { digest } : {}), diffId: config.rootfs.diff_ids[i]! }, i));
  }
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaTypes.dockerManifest,
    config: { mediaType: MediaTypes.dockerConfig, digest: configDigest, size: configBytes.length },
    layers: layers.map((l) => ({
      mediaType: l.compression === 'gzip' ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : l.compression === 'zstd' ? 'application/vnd.docker.image.rootfs.diff.tar.zstd' : 'application/vnd.docker.image.rootfs.diff.tar',
      digest: l.digest,
      size: l.storedBytes,
    })),
  };
  const metadata = buildMetadata({
    reference: options.reference,
    source: options.source,
    manifest,
    config,
    repoTags: e.RepoTags ?? [],
  });
  return { metadata, layers };
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}

const CONTENT_NAMED_BLOB = /^\/?blobs\/(sha256\/[0-9a-f]{64}|sha512\/[0-9a-f]{128})$/;

/** Docker ≥25 names its blobs by content (`blobs/sha256/<hex>`): such a name is a digest to check. */
function namedDigest(name: string): string | undefined {
  const m = CONTENT_NAMED_BLOB.exec(name);
  return m ? m[1]!.replace('/', ':') : undefined;
}
