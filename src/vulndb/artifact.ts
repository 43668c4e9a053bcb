import { createHash } from 'node:crypto';
import { ConfigurationError, RemoteError, getErrorMessage } from '../common/errors.js';
import type { RegistryClient } from '../image/registry/client.js';
import { connectRegistry, type RegistryConnectOptions } from '../image/registry/connect.js';
import { formatRegistryName, manifestReference, parseRegistryName, type RegistryName } from '../image/registry/reference.js';
import { openCompiled, readCompiled, type CompiledHeader } from './compiled.js';
import { readMetadata, type DatabaseMetadata } from './store.js';

/**
 * The compiled vulnerability database as an OCI artifact: an image manifest with
 * `artifactType: application/vnd.portcullis.vulndb.v1`, the empty config, and one layer (the compiled file).
 */
export const DEFAULT_DB_REPOSITORY = 'ghcr.io/portcullis/vulndb:v1';
export const VULNDB_ARTIFACT_TYPE = 'application/vnd.portcullis.vulndb.v1';
export const VULNDB_LAYER_TYPE = 'application/vnd.portcullis.vulndb.layer.v1+gzip';
export const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
/** A compiled database larger than this is refused. */
const MAX_LAYER_BYTES = 2 ** 31;

/** How `db push` and `db update` reach the registry: the same settings as an image source's. */
export type ArtifactRegistryOptions = RegistryConnectOptions;

/** Strips an optional `registry:` prefix and parses the name. */
export function parseDbRepository(ref: string): RegistryName {
  return parseRegistryName(ref.replace(/^registry:/, ''));
}

function clientFor(name: RegistryName, options: ArtifactRegistryOptions, push: boolean): Promise<RegistryClient> {
  return connectRegistry(name, options, push);
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The artifact's manifest for a compiled file (deterministic: the same file gives the same manifest). */
export function artifactManifest(file: Buffer, header: CompiledHeader): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_TYPE,
    artifactType: VULNDB_ARTIFACT_TYPE,
    config: { mediaType: OCI_EMPTY_TYPE, digest: sha256(EMPTY_CONFIG), size: EMPTY_CONFIG.length, data: EMPTY_CONFIG.toString('base64') },
    layers: [{ mediaType: VULNDB_LAYER_TYPE, digest: sha256(file), size: file.length, annotations: { 'org.opencontainers.image.title': 'vulndb.pcdb.gz' } }],
    annotations: { 'org.opencontainers.image.created': header.builtAt, 'io.portcullis.vulndb.schema': String(header.schemaVersion) },
  };
  return Buffer.from(JSON.stringify(manifest));
}

export interface PushResult {
  reference: string;
  manifestDigest: string;
  layerDigest: string;
  bytes: number;
  uploaded: boolean;
}

/** Publishes a compiled file (checked first) as the artifact `ref` (`registry:host/repo:tag` or `host/repo:tag`). */
export async function pushCompiled(file: Buffer, what: string, ref: string, options: ArtifactRegistryOptions, signal?: AbortSignal): Promise<PushResult> {
  const { header } = readCompiled(file, what);
  const name = parseDbRepository(ref);
  if (name.digest) throw new ConfigurationError(`db push needs a tag to push to, not a digest: ${ref}`);
  const client = await clientFor(name, options, true);
  try {
    await client.pushBlob(EMPTY_CONFIG, sha256(EMPTY_CONFIG), signal);
    const layerDigest = sha256(file);
    const uploaded = await client.pushBlob(file, layerDigest, signal);
    const manifest = artifactManifest(file, header);
    const manifestDigest = await client.putManifest(manifestReference(name), manifest, OCI_MANIFEST_TYPE, signal);
    return { reference: formatRegistryName(name), manifestDigest, layerDigest, bytes: file.length, uploaded };
  } finally {
    await client.close();
  }
}

export interface PullResult {
  reference: string;
  manifestDigest: string;
  /** True when the live database already is this artifact (one manifest request, nothing else). */
  unchanged: boolean;
  metadata: DatabaseMetadata;
  bytes?: number;
}

interface ArtifactManifest {
  artifactType?: string;
  config?: { mediaType?: string };
  layers?: { mediaType?: string; digest?: string; size?: number }[];
}

/**
 * `db update --db-repository`: GETs the manifest; when its digest is the one the live database came from, stops
 * there. Otherwise streams the layer (checking its sha256 and size), checks the compiled file and swaps it in.
 * Any failure is a RemoteError that says the previous database is kept (and it is).
 */
export async function updateFromRepository(cacheDir: string, ref: string, options: ArtifactRegistryOptions, signal?: AbortSignal): Promise<PullResult> {
  let previous: DatabaseMetadata | undefined;
  try {
    previous = readMetadata(cacheDir);
  } catch (error) {
    options.logger.warning(`${getErrorMessage(error)}; replacing it`);
  }
  const name = parseDbRepository(ref);
  const shown = formatRegistryName(name);
  const kept = previous ? `the previous database (updated ${previous.updatedAt}${previous.compiled?.manifestDigest ? `, ${previous.compiled.manifestDigest}` : ''}) is kept` : 'there is no previous database';
  const client = await clientFor(name, options, false);
  try {
    const got = await client.getManifest(manifestReference(name), [OCI_MANIFEST_TYPE], signal);
    if (got.advertised && got.advertised.split(':')[0] === got.digest.split(':')[0] && got.advertised !== got.digest) {
      throw new RemoteError(`digest mismatch for manifest ${shown}: the registry says ${got.advertised}, its content hashes to ${got.digest}`);
    }
    if (previous?.compiled?.manifestDigest === got.digest) {
      return { reference: shown, manifestDigest: got.digest, unchanged: true, metadata: previous };
    }
    let manifest: ArtifactManifest;
    try {
      manifest = JSON.parse(got.bytes.toString('utf8')) as ArtifactManifest;
    } catch {
      throw new RemoteError(`the manifest of ${shown} is not JSON`);
    }
    const layer = manifest.layers?.find((l) => l.mediaType === VULNDB_LAYER_TYPE);
    if (manifest.artifactType !== VULNDB_ARTIFACT_TYPE || !layer?.digest || typeof layer.size !== 'number') {
      throw new RemoteError(`${shown} is not a Portcullis vulnerability database (artifactType ${String(manifest.artifactType)}, expected ${VULNDB_ARTIFACT_TYPE} with one ${VULNDB_LAYER_TYPE} layer)`);
    }
    if (layer.size > MAX_LAYER_BYTES) throw new RemoteError(`the database layer of ${shown} is ${layer.size} bytes, more than ${MAX_LAYER_BYTES}`);
    const algorithm = layer.digest.split(':')[0]!;
    if (algorithm !== 'sha256' && algorithm !== 'sha512') throw new RemoteError(`the database layer of ${shown} uses an unsupported digest ${layer.digest}`);
    const stream = await client.openBlob(layer.digest, 'vulnerability database', signal);
    const hash = createHash(algorithm);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      const c = chunk as Buffer;
      total += c.length;
      if (total > layer.size) {
        stream.destroy();
        throw new RemoteError(`the database layer ${layer.digest} of ${shown} is larger than its manifest says (${layer.size} bytes)`);
      }
      hash.update(c);
      chunks.push(c);
    }
    const actual = `${algorithm}:${hash.digest('hex')}`;
    if (actual !== layer.digest) throw new RemoteError(`digest mismatch for the database layer of ${shown}: expected ${layer.digest}, the content hashes to ${actual}`);
    if (total !== layer.size) throw new RemoteError(`the database layer ${layer.digest} of ${shown} is ${total} bytes, its manifest says ${layer.size}`);
    const { metadata } = openCompiled(Buffer.concat(chunks), cacheDir, { repository: shown, manifestDigest: got.digest, layerDigest: layer.digest });
    return { reference: shown, manifestDigest: got.digest, unchanged: false, metadata, bytes: total };
  } catch (error) {
    const message = `Vulnerability database update from ${shown} failed: ${getErrorMessage(error)}; ${kept}`;
    throw new RemoteError(message, { cause: error, ...(error instanceof RemoteError && error.status !== undefined ? { status: error.status } : {}) });
  } finally {
    await client.close();
  }
}
