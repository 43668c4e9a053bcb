/**
 * Pushes an evaluation's SBOM to Anchore Enterprise ≥ 5 through its image import API, as its API description
 * (the Enterprise swagger) defines it:
 *
 * 1. `POST /v2/imports/images` (no body) opens an import operation;
 * 2. `POST …/{operation}/packages` the Syft JSON SBOM (`ImagePackageManifest`);
 * 3. `POST …/{operation}/manifest` the image manifest, as its own media type;
 * 4. `POST …/{operation}/image-config` the image config;
 * 5. `POST /v2/images` with `source.import` (`ImageImportManifest`: the operation, the digest, the tags and the
 *    three content digests, all required).
 *
 * The manifest and the config are the image's own bytes when the Syft SBOM carries them (`source.metadata`, or
 * `source.target` in older syft JSON: `manifest` and `config`, base64, as syft writes them for an image); otherwise
 * they come from the JSON report (its config, and a manifest rebuilt from its layer descriptors), with a warning.
 * Anchore computes the policy result itself; nobody uploads one. Checked in test/integration/anchore-enterprise.test.ts against an excerpt of that description.
 */

import { ConfigurationError, RemoteError } from '../common/errors.js';
import { send, statusError, type HttpTarget } from './http.js';
import type { EvaluationPayload, PushReceipt, ResultSink, ResultSinkKind, SinkContext } from './sink.js';

interface ImportOperation {
  uuid?: string;
  status?: string;
}

/** The manifest media types `import_image_manifest` accepts, as request content types. */
export const ANCHORE_MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
] as const;

export interface ImportContents {
  /** The Syft JSON document (`ImagePackageManifest`). */
  packages: string;
  manifest: { body: string; contentType: string };
  imageConfig: string;
  /** Set when the SBOM did not carry the image's own manifest and config, and the report's were used. */
  fromReport?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(data: Buffer, what: string): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    throw new ConfigurationError(`Anchore Enterprise import: the ${what} is not JSON`);
  }
}

/** What kind of SBOM a document is, for the error message. */
function sbomKind(doc: unknown): string {
  if (isObject(doc) && doc.bomFormat === 'CycloneDX') return 'a CycloneDX SBOM';
  if (isObject(doc) && typeof doc.spdxVersion === 'string') return 'an SPDX SBOM';
  return 'not a Syft JSON SBOM';
}

function decodeBase64Json(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '' || !/^[A-Za-z0-9+/=\s]+$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('utf8');
  try {
    return isObject(JSON.parse(text)) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's content type: its own `mediaType`, else the report's, else (schema 2 without one) OCI. */
function manifestContentType(manifest: string, fallback: unknown): string {
  let own: unknown;
  try {
    own = (JSON.parse(manifest) as Json).mediaType;
  } catch {
    // checked by the caller
  }
  for (const t of [own, fallback]) if (typeof t === 'string' && (ANCHORE_MANIFEST_TYPES as readonly string[]).includes(t)) return t;
  for (const t of [own, fallback]) {
    if (typeof t === 'string' && t !== '') throw new ConfigurationError(`Anchore Enterprise import: manifest media type ${t} is not one Anchore accepts (${ANCHORE_MANIFEST_TYPES.join(', ')})`);
  }
  return ANCHORE_MANIFEST_TYPES[0];
}

/**
 * A manifest rebuilt from the report's descriptors, when the SBOM does not carry the image's own: the same layers
 * and config digest, but not the image's bytes (its digest differs, and the config's size is unknown, so 0).
 */
function manifestFromReport(image: Json): string | undefined {
  const layers = image.layers;
  if (typeof image.configDigest !== 'string' || !Array.isArray(layers)) return undefined;
  const docker = image.manifestMediaType === 'application/vnd.docker.distribution.manifest.v2+json';
  const mediaType = docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json';
  const configType = docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json';
  return JSON.stringify({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: configType, digest: image.configDigest, size: 0 },
    layers: layers.filter(isObject).map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
  });
}

/**
 * The three documents an import needs, from the payload; each problem is one ConfigurationError, raised before
 * anything is sent.
 */
export function importContentsOf(payload: EvaluationPayload): ImportContents {
  if (!payload.sbom) throw new ConfigurationError('Anchore Enterprise import needs an SBOM (--sbom, Syft JSON as anchorectl sends it)');
  const sbom = parseJson(payload.sbom.data, 'SBOM');
  const missing = isObject(sbom) ? (['artifacts', 'source', 'distro'] as const).filter((k) => (k === 'artifacts' ? !Array.isArray(sbom[k]) : !isObject(sbom[k]))) : ['artifacts', 'source', 'distro'];
  if (missing.length) {
    throw new ConfigurationError(`Anchore Enterprise import needs a Syft JSON SBOM (syft -o json), with ${missing.map((k) => `"${k}"`).join(', ')}: this one is ${sbomKind(sbom)}`);
  }
  // syft writes the image's metadata under source.metadata (current syft JSON) or source.target (older).
  const source = isObject(sbom) && isObject(sbom.source) ? sbom.source : {};
  const target = [source.metadata, source.target].find((t): t is Json => isObject(t) && typeof t.manifest === 'string') ?? {};
  const report = parseJson(payload.report.data, 'report');
  const image = isObject(report) && isObject(report.image) ? report.image : {};

  const ownManifest = decodeBase64Json(target.manifest);
  const ownConfig = decodeBase64Json(target.config);
  const manifest = ownManifest ?? manifestFromReport(image);
  const imageConfig = ownConfig ?? (isObject(image.config) ? JSON.stringify(image.config) : undefined);
  if (!manifest || !imageConfig) {
    throw new ConfigurationError('Anchore Enterprise import needs the image manifest and config: neither the SBOM (source.metadata) nor the report has them');
  }
  const fromReport = [...(ownManifest ? [] : ['a manifest rebuilt from its layers']), ...(ownConfig ? [] : ['its parsed config'])].join(' and ');
  return {
    packages: payload.sbom.data.toString('utf8'),
    manifest: { body: manifest, contentType: manifestContentType(manifest, target.mediaType ?? image.manifestMediaType) },
    imageConfig,
    ...(fromReport ? { fromReport } : {}),
  };
}

class AnchoreImportSink implements ResultSink {
  readonly id = 'anchore-enterprise';
  constructor(readonly target: HttpTarget) {}

  async #post<T>(path: string, body: { data: string; contentType: string } | undefined, ctx: SinkContext): Promise<T> {
    const res = await send(this.target, 'POST', path, {
      ...(body ? { body: body.data, headers: { 'content-type': body.contentType } } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (res.status !== 200 && res.status !== 201) throw statusError('POST', this.target, path, res);
    try {
      return res.json<T>();
    } catch {
      throw new RemoteError(`POST ${path}: HTTP ${res.status} with a body that is not JSON`);
    }
  }

  async #digest(path: string, body: { data: string; contentType: string }, ctx: SinkContext): Promise<string> {
    const r = await this.#post<{ digest?: unknown }>(path, body, ctx);
    if (!isObject(r) || typeof r.digest !== 'string' || r.digest === '') throw new RemoteError(`POST ${path}: the answer has no content digest`);
    return r.digest;
  }

  async push(payload: EvaluationPayload, ctx: SinkContext): Promise<PushReceipt> {
    const contents = importContentsOf(payload);
    if (contents.fromReport) {
      ctx.logger.warning(`anchore import: the SBOM does not carry the image's manifest and config (source.metadata, as syft writes for an image); sending the report's: ${contents.fromReport}`);
    }
    const op = await this.#post<ImportOperation>('/v2/imports/images', undefined, ctx);
    if (!isObject(op) || typeof op.uuid !== 'string' || op.uuid === '') throw new RemoteError('Anchore Enterprise answered the import request without an operation uuid');
    const base = `/v2/imports/images/${encodeURIComponent(op.uuid)}`;
    ctx.logger.debug(`anchore import operation ${op.uuid}`);
    const json = (data: string) => ({ data, contentType: 'application/json' });
    const digests = {
      packages: await this.#digest(`${base}/packages`, json(contents.packages), ctx),
      manifest: await this.#digest(`${base}/manifest`, { data: contents.manifest.body, contentType: contents.manifest.contentType }, ctx),
      image_config: await this.#digest(`${base}/image-config`, json(contents.imageConfig), ctx),
    };
    const annotations: Record<string, string> = { 'portcullis.idempotency-key': payload.idempotencyKey };
    if (payload.commit) annotations['portcullis.commit'] = payload.commit;
    if (payload.pipelineRun) annotations['portcullis.pipeline-run'] = payload.pipelineRun;
    const request = {
      source: {
        import: {
          operation_uuid: op.uuid,
          digest: payload.imageDigest,
          tags: payload.imageTag ? [payload.imageTag] : [],
          contents: digests,
        },
      },
      annotations,
    };
    // Anchore keys images by digest: adding the same digest again updates it rather than duplicating it.
    const added = await this.#post<unknown>('/v2/images?force=true&auto_subscribe=false', json(JSON.stringify(request)), ctx);
    // The description answers one AnchoreImage; older servers answered a list of them.
    const record = Array.isArray(added) ? (added[0] as unknown) : added;
    const digest = isObject(record) && typeof record.image_digest === 'string' ? record.image_digest : payload.imageDigest;
    return { sink: this.id, id: digest, duplicate: false, url: `${this.target.url.replace(/\/+$/, '')}/v2/images/${digest}` };
  }
}

export const anchoreImportSinkKind: ResultSinkKind = {
  id: 'anchore-enterprise',
  version: 1,
  aliases: ['anchore'],
  requires: ['network'],
  description: 'Anchore Enterprise ≥ 5: the Syft JSON SBOM, manifest and config through the image import API (/v2/imports/images, then POST /v2/images)',
  create: (target) => new AnchoreImportSink(target),
};
