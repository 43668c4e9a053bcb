import { ImageError } from '../common/errors.js';
import { assertShape, parseJson } from '../common/json.js';
import type { Descriptor, ImageConfig, ImageMetadata, LayerInfo, Platform } from '../model/index.js';
import { checkConfigShape, checkIndexShape, checkManifestShape } from './schemas/image-schemas.js';

export const MediaTypes = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const;

const LAYER_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.oci.image.layer.nondistributable.v1.tar',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
  'application/vnd.docker.image.rootfs.diff.tar',
  'application/vnd.docker.image.rootfs.diff.tar.gzip',
  'application/vnd.docker.image.rootfs.diff.tar.zstd',
  'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
]);

export const ACCEPTED_MANIFEST_TYPES = [MediaTypes.ociIndex, MediaTypes.dockerList, MediaTypes.ociManifest, MediaTypes.dockerManifest];

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
}

export type ParsedManifest = { kind: 'manifest'; manifest: ImageManifest; mediaType: string } | { kind: 'index'; index: ImageIndex; mediaType: string };

/**
 * Classifies a manifest document. `declaredType` is the Content-Type or descriptor media type, when known
 * (umoci writes manifests without a `mediaType` field, so the shape decides then). Schema 1 and unknown media
 * types are refused with a clear message.
 */
export function parseManifest(bytes: Buffer | string, declaredType: string | undefined, what: string): ParsedManifest {
  const doc = parseJson(bytes, { what, errorClass: ImageError }) as Record<string, unknown>;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ImageError(`${what} is not a JSON object`);
  const type = (typeof doc.mediaType === 'string' ? doc.mediaType : undefined) ?? cleanType(declaredType);
  if (doc.schemaVersion === 1 || type === MediaTypes.dockerSchema1 || type === MediaTypes.dockerSchema1Signed) {
    throw new ImageError(`${what} is a Docker schema 1 manifest, which is deprecated and not supported; re-push the image with a current Docker or skopeo`);
  }
  if (type === MediaTypes.ociIndex || type === MediaTypes.dockerList || (!type && Array.isArray(doc.manifests))) {
    if (!Array.isArray(doc.manifests)) throw new ImageError(`${what} is an index without "manifests"`);
    assertShape(checkIndexShape, doc, what, ImageError);
    return { kind: 'index', index: doc as unknown as ImageIndex, mediaType: type ?? MediaTypes.ociIndex };
  }
  if (type === MediaTypes.ociManifest || type === MediaTypes.dockerManifest || (!type && doc.config && Array.isArray(doc.layers))) {
    const m = doc as unknown as ImageManifest;
    if (!m.config || !Array.isArray(m.layers)) throw new ImageError(`${what} is missing its config or layers`);
    assertShape(checkManifestShape, doc, what, ImageError);
    return { kind: 'manifest', manifest: m, mediaType: type ?? MediaTypes.ociManifest };
  }
  throw new ImageError(`${what} has an unsupported media type "${type ?? '(none)'}"; expected an OCI or Docker v2 manifest or index`);
}

function cleanType(t: string | undefined): string | undefined {
  return t?.split(';')[0]?.trim() || undefined;
}

/** The platform of the machine running Portcullis, in OCI terms. */
export function hostPlatform(): Platform {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  const p: Platform = { os: 'linux', architecture: arch[process.arch] ?? process.arch };
  if (p.architecture === 'arm64') p.variant = 'v8';
  return p;
}

/** Parses `os/arch[/variant]`. */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new ImageError(`invalid platform "${text}": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
  }
  return { os: parts[0]!, architecture: parts[1]!, ...(parts[2] ? { variant: parts[2] } : {}) };
}

export function formatPlatform(p: Platform | undefined): string {
  if (!p) return 'unknown';
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/**
 * Picks the manifest for `wanted` from an index. Attestation manifests (`unknown/unknown`) are skipped. A missing
 * variant matches any (arm64 images often omit `v8`). When nothing matches, the error lists what is there.
 */
export function selectPlatform(index: ImageIndex, wanted: Platform, what: string): Descriptor {
  const candidates = index.manifests.filter(
    (d) => d.platform && !(d.platform.os === 'unknown' && d.platform.architecture === 'unknown') && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const matches = candidates.filter(
    (d) =>
      d.platform!.os === wanted.os &&
      d.platform!.architecture === wanted.architecture &&
      (!wanted.variant || !d.platform!.variant || d.platform!.variant === wanted.variant),
  );
  const exact = matches.find((d) => d.platform!.variant === wanted.variant);
  const chosen = exact ?? matches[0];
  if (!chosen) {
    const there = candidates.map((d) => formatPlatform(d.platform)).join(', ') || '(none)';
    throw new ImageError(`${what} has no image for platform ${formatPlatform(wanted)}; platforms available: ${there}`);
  }
  return chosen;
}

export function parseConfig(bytes: Buffer | string, what: string): ImageConfig {
  const doc = parseJson(bytes, { what, errorClass: ImageError }) as ImageConfig;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.rootfs || !Array.isArray(doc.rootfs.diff_ids)) {
    throw new ImageError(`${what} is not an image config (no rootfs.diff_ids)`);
  }
  assertShape(checkConfigShape, doc, what, ImageError);
  return doc;
}

/**
 * Joins a manifest and its config into ImageMetadata: one LayerInfo per layer with its diff_id and the history
 * entry that created it (entries marked empty_layer are skipped when pairing).
 */
export function buildMetadata(args: {
  reference: string;
  source: string;
  manifest: ImageManifest;
  manifestDigest?: string;
  manifestMediaType?: string;
  indexDigest?: string;
  config: ImageConfig;
  repoTags?: string[];
  repoDigests?: string[];
}): ImageMetadata {
  const { manifest, config } = args;
  const diffIds = config.rootfs.diff_ids;
  if (diffIds.length !== manifest.layers.length) {
    throw new ImageError(`image config lists ${diffIds.length} diff_ids but the manifest has ${manifest.layers.length} layers`);
  }
  const history = config.history ?? [];
  const layerHistory: number[] = [];
  history.forEach((h, i) => {
    if (!h.empty_layer) layerHistory.push(i);
  });
  const pairHistory = layerHistory.length === manifest.layers.length;
  const layers: LayerInfo[] = manifest.layers.map((d, index) => {
    if (d.mediaType && !LAYER_MEDIA_TYPES.has(d.mediaType)) {
      throw new ImageError(`layer ${index} (${d.digest}) has unsupported media type "${d.mediaType}"`);
    }
    const hi = pairHistory ? layerHistory[index] : undefined;
    return {
      index,
      digest: d.digest,
      diffId: diffIds[index]!,
      mediaType: d.mediaType ?? 'application/vnd.oci.image.layer.v1.tar',
      size: d.size,
      ...(hi !== undefined ? { history: history[hi]!, historyIndex: hi } : {}),
    };
  });
  return {
    reference: args.reference,
    source: args.source,
    ...(args.manifestDigest ? { manifestDigest: args.manifestDigest } : {}),
    ...(args.manifestMediaType ? { manifestMediaType: args.manifestMediaType } : {}),
    ...(args.indexDigest ? { indexDigest: args.indexDigest } : {}),
    configDigest: args.manifest.config.digest,
    platform: { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) },
    layers,
    config,
    repoTags: args.repoTags ?? [],
    repoDigests: args.repoDigests ?? [],
  };
}
