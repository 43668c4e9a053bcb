/** What an SBOM read back gives: the package model, and what the document says about the image and its distro. */

import type { Distro, ImageConfig, Package, PackageLocation, PackageType, Platform, Unknown } from '../model/index.js';
import { distroOfPurl, isPackageType, packageNameOfPurl, packageTypeOfPurl, parsePurl, sourceOfPurl } from './purl-parse.js';

export type SbomFormatId = 'cyclonedx' | 'spdx' | 'portcullis-json';

export interface SbomImage {
  /** The image's name (a tag or a reference) as the document gives it. */
  name?: string;
  manifestDigest?: string;
  configDigest?: string;
  platform?: Platform;
  repoTags?: string[];
  repoDigests?: string[];
  /** The image config, when the document carries it (Portcullis JSON). */
  config?: ImageConfig;
}

export interface SbomDocument {
  format: SbomFormatId;
  /** The format's own version (`1.6`, `SPDX-2.3`, `1`). */
  specVersion: string;
  packages: Package[];
  distro?: Distro;
  image: SbomImage;
  /** Components that are not packages Portcullis models (no purl, or a purl type it does not catalog). */
  unknowns: Unknown[];
}

export const SBOM_STAGE = 'sbom';

/** The id the catalogers give a package: `type:name@version`, then its first path. */
export function packageId(type: PackageType, name: string, version: string, firstPath: string | undefined): string {
  return `${type}:${name}@${version}${firstPath ? `:${firstPath}` : ''}`;
}

/**
 * A licence expression split at its top-level ANDs, back into the list the SBOM writers joined
 * (`(A OR B) AND C` → `A OR B`, `C`). A single licence stays as it is.
 */
export function splitLicenseExpression(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const s = expression.trim();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && s.startsWith(' AND ', i)) {
      parts.push(s.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => unwrap(p.trim())).filter(Boolean);
}

/** Drops one pair of parentheses around the whole text. */
function unwrap(s: string): string {
  if (!s.startsWith('(') || !s.endsWith(')')) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    if (depth === 0 && i < s.length - 1) return s; // `(A) OR (B)`: the first group closes early.
  }
  return s.slice(1, -1).trim();
}

/** What a format gives for one package; the rest is derived from the purl. */
export interface PackageFields {
  /** The id the document gives (a CycloneDX bom-ref); a new one is made when absent. */
  id?: string;
  /** The package type the document states (a `portcullis:package:type` property). */
  type?: string;
  name?: string;
  version?: string;
  purl: string;
  licenses: string[];
  locations: PackageLocation[];
  foundBy?: string;
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  ownedBy?: string;
}

/**
 * Builds a Package from what a format carries, or an Unknown saying why it cannot be one. The type comes from the
 * document when it states one Portcullis knows, else from the purl; the source package from the document, else the
 * purl's `upstream` qualifier (OS packages only).
 */
export function toPackage(f: PackageFields, format: SbomFormatId, label: string): { package: Package } | { unknown: Unknown } {
  const parsed = parsePurl(f.purl);
  if (!parsed) return { unknown: { stage: SBOM_STAGE, reason: `${label}: no package URL ("${f.purl}"), so it is not a package Portcullis can match` } };
  const type = isPackageType(f.type) ? f.type : packageTypeOfPurl(parsed);
  if (!type) return { unknown: { stage: SBOM_STAGE, reason: `${label}: package type "${parsed.type}" (${f.purl}) is not one Portcullis catalogs` } };
  const name = f.name || packageNameOfPurl(parsed);
  const version = f.version || parsed.version || '';
  const purlSource = sourceOfPurl(parsed, version);
  let source = purlSource;
  if (f.sourceName) {
    const v = f.sourceVersion ?? (purlSource?.name === f.sourceName ? purlSource.version : undefined);
    source = { name: f.sourceName, ...(v ? { version: v } : {}) };
  }
  const arch = f.arch ?? parsed.qualifiers.arch;
  return {
    package: {
      id: f.id || packageId(type, name, version, f.locations[0]?.path),
      type,
      name,
      version,
      purl: f.purl,
      licenses: f.licenses,
      locations: f.locations,
      foundBy: f.foundBy ?? `sbom/${format}`,
      ...(source ? { source } : {}),
      ...(arch ? { arch } : {}),
      ...(f.ownedBy ? { ownedBy: f.ownedBy } : {}),
    },
  };
}

/** The distro the OS packages' purls name, when the document does not say (SPDX has no operating-system element). */
export function distroFromPackages(packages: readonly Package[]): Distro | undefined {
  for (const p of packages) {
    if (p.type !== 'deb' && p.type !== 'apk' && p.type !== 'rpm') continue;
    const parsed = parsePurl(p.purl);
    const d = parsed && distroOfPurl(parsed);
    if (d) return d;
  }
  return undefined;
}
