import { createHash } from 'node:crypto';
import { ImageError } from '../common/errors.js';
import type { Descriptor, ImageConfig, Platform } from '../model/index.js';
import { parseConfig, parseManifest, selectPlatform, type ImageManifest } from './manifest.js';

/** Reads small blobs (indexes, manifests, configs) of an OCI layout, wherever it lives. */
export interface BlobStore {
  /** The blob's bytes, or undefined when it is missing. */
  get(digest: string): Promise<Buffer | undefined>;
}

export interface ResolvedManifest {
  manifest: ImageManifest;
  manifestDigest: string;
  manifestMediaType: string;
  indexDigest?: string;
  config: ImageConfig;
}

const REF_NAME = 'org.opencontainers.image.ref.name';
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

/**
 * Resolves an OCI layout's `index.json` to one image: by ref name (`org.opencontainers.image.ref.name`), or the
 * only entry when there is one; then through nested indexes by platform. Every blob read is digest-checked.
 */
export async function resolveOciLayout(args: {
  indexJson: Buffer;
  store: BlobStore;
  refName?: string;
  platform: Platform;
  label: string;
}): Promise<ResolvedManifest> {
  const { store, label } = args;
  const top = parseManifest(args.indexJson, undefined, `${label}: index.json`);
  if (top.kind !== 'index') throw new ImageError(`${label}: index.json is not an image index`);
  const entries = top.index.manifests;
  let chosen: Descriptor | undefined;
  if (args.refName !== undefined) {
    chosen = entries.find((d) => d.annotations?.[REF_NAME] === args.refName) ?? entries.find((d) => d.digest === args.refName);
    if (!chosen) {
      throw new ImageError(`${label} has no image with ref "${args.refName}"; refs available: ${refList(entries)}`);
    }
  } else if (entries.length === 1) {
    chosen = entries[0];
  } else if (entries.length === 0) {
    throw new ImageError(`${label}: index.json lists no images`);
  } else {
    throw new ImageError(`${label} holds ${entries.length} images; name one by appending :REF to the reference (refs available: ${refList(entries)})`);
  }
  return resolveDescriptor(store, chosen!, args.platform, label, undefined, 0);
}

async function resolveDescriptor(
  store: BlobStore,
  desc: Descriptor,
  platform: Platform,
  label: string,
  indexDigest: string | undefined,
  depth: number,
): Promise<ResolvedManifest> {
  if (depth > 4) throw new ImageError(`${label}: indexes nested too deeply`);
  const bytes = await readVerified(store, desc.digest, label, 'manifest', desc.size);
  const parsed = parseManifest(bytes, desc.mediaType, `${label}: manifest ${desc.digest}`);
  if (parsed.kind === 'index') {
    const next = selectPlatform(parsed.index, platform, `${label}: index ${desc.digest}`);
    return resolveDescriptor(store, next, platform, label, desc.digest, depth + 1);
  }
  const configBytes = await readVerified(store, parsed.manifest.config.digest, label, 'config', parsed.manifest.config.size);
  return {
    manifest: parsed.manifest,
    manifestDigest: desc.digest,
    manifestMediaType: parsed.mediaType,
    ...(indexDigest ? { indexDigest } : {}),
    config: parseConfig(configBytes, `${label}: config ${parsed.manifest.config.digest}`),
  };
}

/** Reads a blob and checks its digest (sha256 or sha512) and, when the descriptor gives it, its size. */
export async function readVerified(store: BlobStore, digest: string, label: string, what: string, size?: number): Promise<Buffer> {
  if (!DIGEST.test(digest)) throw new ImageError(`${label}: ${what} has an invalid or unsupported digest "${digest}"`);
  const bytes = await store.get(digest);
  if (!bytes) throw new ImageError(`${label}: ${what} blob ${digest} is missing`);
  if (size !== undefined && bytes.length !== size) {
    throw new ImageError(`${label}: size mismatch for ${what} blob ${digest}: its descriptor says ${size} bytes but the blob has ${bytes.length}`);
  }
  const actual = digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256');
  if (actual !== digest) throw new ImageError(`${label}: digest mismatch for ${what} blob ${digest}: its content hashes to ${actual}`);
  return bytes;
}

/** The `<algorithm>:<hex>` digest of some bytes (sha256 unless told). */
export function digestOf(bytes: Buffer, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Path of a blob inside a layout: `blobs/<algorithm>/<hex>`. */
export function blobPath(digest: string): string {
  const [alg, hex] = digest.split(':');
  return `blobs/${alg}/${hex}`;
}

export function isDigest(s: string): boolean {
  return DIGEST.test(s);
}

function refList(entries: Descriptor[]): string {
  const refs = entries.map((d) => d.annotations?.[REF_NAME] ?? d.digest);
  return refs.join(', ') || '(none)';
}
