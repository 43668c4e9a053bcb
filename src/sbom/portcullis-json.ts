/**
 * Portcullis JSON (the `json` output: a whole ScanReport) back into the package model. Nothing is lost: packages,
 * distro and image metadata are taken as written. Findings and the policy result are not read; a scan of the SBOM
 * makes its own.
 */

import type { Distro, ImageConfig, Package, Platform, Unknown } from '../model/index.js';
import { isPackageType } from './purl-parse.js';
import { SBOM_STAGE, type SbomDocument } from './document.js';
import { asArray, asRecord, asString, compact, type JsonObject } from './json.js';

function isPackage(p: JsonObject): boolean {
  return (
    isPackageType(asString(p.type)) &&
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.version === 'string' &&
    typeof p.purl === 'string' &&
    Array.isArray(p.licenses) &&
    Array.isArray(p.locations)
  );
}

export function readPortcullisJson(doc: JsonObject): SbomDocument {
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  asArray(doc.packages).forEach((raw, i) => {
    const p = asRecord(raw);
    if (p && isPackage(p)) packages.push({ ...(p as unknown as Package), foundBy: asString(p.foundBy) ?? 'sbom/portcullis-json' });
    else unknowns.push({ stage: SBOM_STAGE, reason: `packages[${i}] is not a package (it needs type, id, name, version, purl, licenses and locations)` });
  });
  const d = asRecord(doc.distro);
  const distro = d && asString(d.id) ? (d as unknown as Distro) : undefined;
  const image = asRecord(doc.image) ?? {};
  const repoTags = asArray(image.repoTags).filter((x): x is string => typeof x === 'string');
  const repoDigests = asArray(image.repoDigests).filter((x): x is string => typeof x === 'string');
  const platform = asRecord(image.platform);
  const config = asRecord(image.config);
  return {
    format: 'portcullis-json',
    specVersion: asString(doc.schemaVersion) ?? '',
    packages,
    ...(distro ? { distro } : {}),
    image: compact({
      name: repoTags[0] ?? asString(image.reference),
      manifestDigest: asString(image.manifestDigest),
      configDigest: asString(image.configDigest),
      platform: platform && asString(platform.os) && asString(platform.architecture) ? (platform as unknown as Platform) : undefined,
      repoTags,
      repoDigests,
      config: config && asRecord(config.rootfs) ? (config as unknown as ImageConfig) : undefined,
    }),
    unknowns,
  };
}
