/**
 * SBOM input: `sbom:PATH` names a CycloneDX, SPDX or Portcullis JSON document to use in place of an image. The
 * format is recognised from the content. The result stands in for the image read and the catalog: a synthetic
 * ImageMetadata without layers, and the packages.
 */

import { readFile } from 'node:fs/promises';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import { DEFAULT_MAX_JSON_DEPTH, jsonDepth, jsonValueDepth } from '../common/json.js';
import type { CatalogRunResult } from '../catalog/run.js';
import type { ImageMetadata } from '../model/index.js';
import { readCycloneDx } from './cyclonedx.js';
import type { SbomDocument } from './document.js';
import { asRecord, asString } from './json.js';
import { readPortcullisJson } from './portcullis-json.js';
import { readSpdx } from './spdx.js';

/** The reference prefix that names an SBOM file. */
export const SBOM_SCHEME = 'sbom:';

export function isSbomReference(ref: string): boolean {
  return ref.startsWith(SBOM_SCHEME);
}

/**
 * Parses an SBOM document; `label` names it in errors. Not JSON, nested deeper than DEFAULT_MAX_JSON_DEPTH, or no
 * known format, is a ConfigurationError. The depth is measured on the parsed value (V8's JSON.parse does not
 * recurse, so parsing deep text is safe; the walks after it are what the bound protects), which costs a tenth of
 * a scan of every character; a deep value that a repeated key replaced is not there to walk, so not refused. Text
 * that fails to parse is measured as text, so that too deep is said first, as before.
 */
export function parseSbom(text: string, label: string): SbomDocument {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    if (jsonDepth(text, DEFAULT_MAX_JSON_DEPTH) > DEFAULT_MAX_JSON_DEPTH) throw tooDeep(label);
    throw new ConfigurationError(`${label} is not JSON: ${getErrorMessage(e)} (SBOM input reads CycloneDX JSON, SPDX JSON or Portcullis JSON)`, { cause: e });
  }
  if (jsonValueDepth(json, DEFAULT_MAX_JSON_DEPTH) > DEFAULT_MAX_JSON_DEPTH) throw tooDeep(label);
  const doc = asRecord(json);
  if (doc && asString(doc.bomFormat) === 'CycloneDX') return readCycloneDx(doc);
  if (doc && /^SPDX-2\./.test(asString(doc.spdxVersion) ?? '')) return readSpdx(doc);
  if (doc && asString(asRecord(doc.tool)?.name) === 'portcullis' && Array.isArray(doc.packages)) return readPortcullisJson(doc);
  if (doc && /^SPDX-/.test(asString(doc.spdxVersion) ?? '')) {
    throw new ConfigurationError(`${label} is ${asString(doc.spdxVersion)}; SBOM input reads SPDX 2.x JSON`);
  }
  throw new ConfigurationError(`${label} is not a CycloneDX, SPDX 2.x or Portcullis JSON document (no bomFormat "CycloneDX", spdxVersion "SPDX-2.x", or tool.name "portcullis")`);
}

function tooDeep(label: string): ConfigurationError {
  return new ConfigurationError(`${label} is nested too deeply (more than ${DEFAULT_MAX_JSON_DEPTH} levels of arrays and objects)`);
}

/** Reads and parses the SBOM at `path`. */
export async function loadSbom(path: string): Promise<SbomDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read SBOM ${path}: ${getErrorMessage(e)}`, { cause: e });
  }
  return parseSbom(text, `SBOM ${path}`);
}

/** A name that is an image tag (`debian:12`, `ghcr.io/o/app:1@sha256:…`), not a reference with a scheme or a path. */
const TAG = /^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const SCHEMES = /^(oci-dir|oci-archive|docker-archive|registry|docker|tarball|dir|sbom):/;

/** The image as far as the SBOM describes it: no layers, no files. */
export function sbomImageMetadata(doc: SbomDocument, reference: string): ImageMetadata {
  const img = doc.image;
  const platform = img.platform ?? { os: 'linux', architecture: 'unknown' };
  const repoTags = img.repoTags ?? (img.name && TAG.test(img.name) && !SCHEMES.test(img.name) ? [img.name] : []);
  return {
    reference,
    source: 'sbom',
    ...(img.manifestDigest ? { manifestDigest: img.manifestDigest } : {}),
    configDigest: img.configDigest ?? '',
    platform,
    layers: [],
    config: img.config ?? { architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [] } },
    repoTags,
    repoDigests: img.repoDigests ?? [],
  };
}

/** What a scan of `sbom:PATH` uses in place of reading and cataloging an image. */
export async function sbomInput(path: string, reference: string): Promise<{ image: ImageMetadata; catalog: CatalogRunResult; document: SbomDocument }> {
  return sbomInputOf(await loadSbom(path), reference);
}

/** The same, from an SBOM document already parsed (`reference` names the image in the report). */
export function sbomInputOf(document: SbomDocument, reference: string): { image: ImageMetadata; catalog: CatalogRunResult; document: SbomDocument } {
  const unknowns = document.unknowns;
  return {
    image: sbomImageMetadata(document, reference),
    catalog: {
      ...(document.distro ? { distro: document.distro } : {}),
      packages: document.packages,
      unknowns,
      plugins: [
        {
          id: `sbom/${document.format}`,
          version: 1,
          status: unknowns.length ? 'partial' : 'succeeded',
          ...(unknowns.length ? { reason: `${unknowns.length} element(s) are not packages Portcullis models` } : {}),
        },
      ],
    },
    document,
  };
}
