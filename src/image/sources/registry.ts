import { ImageError } from '../../common/errors.js';
import type { Platform } from '../../model/index.js';
import { ACCEPTED_MANIFEST_TYPES, buildMetadata, hostPlatform, parseConfig, parseManifest, selectPlatform, type ImageManifest } from '../manifest.js';
import type { RegistryClient } from '../registry/client.js';
import { formatRegistryName, manifestReference, parseRegistryName, type RegistryName } from '../registry/reference.js';
import type { ImageSource, LayeredImage, SourceOptions } from '../source.js';

/** Configs above this size are refused. */
const MAX_CONFIG_BYTES = 16 << 20;
const MAX_INDEX_DEPTH = 4;

/** `registry:NAME`: an image pulled over the OCI distribution API v2 (Docker v2 and OCI manifests and indexes). */
export const registrySource: ImageSource = {
  id: 'registry',
  version: 0,
  schemes: ['registry'],
  requires: ['network', 'registry'],
  description: 'an image in a registry (OCI distribution API v2): registry:[HOST/]REPOSITORY[:TAG][@DIGEST]',
  open: (ref, options, signal) => openRegistryImage(ref.location, ref.raw, options, { signal }),
};

/** Opens `name` in its registry; `retryBaseMs` is for tests that exercise retries. */
export async function openRegistryImage(
  location: string,
  reference: string,
  options: SourceOptions,
  extra: { signal?: AbortSignal | undefined; retryBaseMs?: number } = {},
): Promise<LayeredImage> {
  const name = parseRegistryName(location);
  // Imported on the first open: the HTTP client (undici) is memory that reading a local image would hold for nothing.
  const { connectRegistry } = await import('../registry/connect.js');
  const client = await connectRegistry(name, { ...options, ...(extra.retryBaseMs !== undefined ? { retryBaseMs: extra.retryBaseMs } : {}) });
  try {
    const resolved = await resolveManifest(client, name, options.platform ?? hostPlatform(), extra.signal);
    const configBytes = await client.getBlobBytes(resolved.manifest.config.digest, MAX_CONFIG_BYTES, 'config', extra.signal);
    checkSize(configBytes, resolved.manifest.config.size, `config ${resolved.manifest.config.digest} from ${client.where}`);
    const config = parseConfig(configBytes, `${formatRegistryName(name)}: config ${resolved.manifest.config.digest}`);
    const topDigest = resolved.indexDigest ?? resolved.manifestDigest;
    const metadata = buildMetadata({
      reference,
      source: 'registry',
      manifest: resolved.manifest,
      manifestDigest: resolved.manifestDigest,
      manifestMediaType: resolved.mediaType,
      ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
      config,
      repoTags: name.tag && !name.digest ? [`${name.registry}/${name.repository}:${name.tag}`] : [],
      repoDigests: [`${name.registry}/${name.repository}@${topDigest}`],
    });
    return {
      kind: 'layered',
      metadata,
      blob: (layer, signal) => client.openBlob(layer.digest, `layer ${layer.index}`, signal ?? extra.signal),
      close: () => client.close(),
    };
  } catch (e) {
    await client.close();
    throw e;
  }
}

interface ResolvedRegistryManifest {
  manifest: ImageManifest;
  manifestDigest: string;
  mediaType: string;
  indexDigest?: string;
}

/** Fetches the named manifest; an index is resolved to the platform's manifest (attestations skipped). */
async function resolveManifest(client: RegistryClient, name: RegistryName, platform: Platform, signal: AbortSignal | undefined): Promise<ResolvedRegistryManifest> {
  let reference = manifestReference(name);
  let indexDigest: string | undefined;
  let declared: string | undefined;
  let declaredSize: number | undefined;
  for (let depth = 0; ; depth++) {
    const fetched = await client.getManifest(reference, ACCEPTED_MANIFEST_TYPES, signal);
    const shown = depth === 0 ? formatRegistryName(name) : `${name.registry}/${name.repository}@${reference}`;
    checkSize(fetched.bytes, declaredSize, `manifest ${shown}`);
    const parsed = parseManifest(fetched.bytes, fetched.contentType ?? declared, `manifest ${shown}`);
    if (fetched.advertised && fetched.advertised.split(':')[0] === fetched.digest.split(':')[0] && fetched.advertised !== fetched.digest) {
      throw new ImageError(`digest mismatch for manifest ${shown}: ${client.where} says its digest is ${fetched.advertised} but the content hashes to ${fetched.digest}`);
    }
    if (parsed.kind === 'manifest') {
      return { manifest: parsed.manifest, manifestDigest: fetched.digest, mediaType: parsed.mediaType, ...(indexDigest ? { indexDigest } : {}) };
    }
    if (depth >= MAX_INDEX_DEPTH) throw new ImageError(`${shown}: indexes nested too deeply`);
    const chosen = selectPlatform(parsed.index, platform, `index ${shown}`);
    indexDigest ??= fetched.digest;
    reference = chosen.digest;
    declared = chosen.mediaType;
    declaredSize = chosen.size;
  }
}

/** A blob whose length differs from its descriptor's `size` is refused (OCI image-spec descriptor.md). */
function checkSize(bytes: Buffer, size: number | undefined, what: string): void {
  if (size !== undefined && bytes.length !== size) {
    throw new ImageError(`size mismatch for ${what}: its descriptor says ${size} bytes but it has ${bytes.length}`);
  }
}
