/** What an SBOM read back gives: the package model, and what the document says about the image and its distro. */

import type { Distro, ImageConfig, Package, PackageLocation, PackageType, Platform, Unknown } from '../model/index.js';
import { PURL_TYPE } from '../catalog/purl.js';
import { OS_PACKAGE_TYPE } from '../match/target.js';
import { distroOfPurl, osReleaseId } from './distro.js';
import { isPackageType, packageNameOfPurl, packageTypeOfPurl, parsePurl, sourceOfPurl, type ParsedPurl } from './purl-parse.js';

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
  const s = expression.trim();
  // Most are one licence: nothing to split.
  if (!s.includes(' AND ')) {
    const one = unwrap(s);
    return one ? [one] : [];
  }
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
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
  /** The package type the document states (a `portcullis:package:type` or `syft:package:type` property). */
  type?: string;
  name?: string;
  version?: string;
  /** An epoch the document states apart from the version (syft's `syft:metadata:epoch`). */
  epoch?: string;
  purl: string;
  licenses: string[];
  locations: PackageLocation[];
  foundBy?: string;
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  ownedBy?: string;
}

/** The package types whose versions carry an epoch that a purl may write apart, as an `epoch` qualifier. Exhaustive. */
const HAS_EPOCH: Readonly<Record<PackageType, boolean>> = {
  apk: false,
  deb: true,
  rpm: true,
  npm: false,
  python: false,
  'java-archive': false,
  'go-module': false,
  gem: false,
  'php-composer': false,
  'rust-crate': false,
  dotnet: false,
};
const EPOCH = /^\d+:/;

/**
 * The installed version. For OS packages the purl's version, with the epoch put back where a producer writes it as
 * a qualifier (trivy: `pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?epoch=1`, component version `1.0.2k-16.el7`;
 * syft: `?epoch=1` beside the version `1:1.1.1k-9.el8_7`): the distro's advisories compare `epoch:version-release`.
 * A document version that is the purl's with an epoch wins. Language packages: the document's version, else the
 * purl's.
 */
function versionOf(type: PackageType, f: PackageFields, parsed: ParsedPurl, os: boolean): string {
  if (!os) return f.version || parsed.version || '';
  const base = parsed.version || f.version || '';
  if (!base || EPOCH.test(base)) return base;
  if (f.version && EPOCH.test(f.version) && f.version.replace(EPOCH, '') === base) return f.version;
  const epoch = f.epoch ?? parsed.qualifiers.epoch;
  return HAS_EPOCH[type] && epoch && /^\d+$/.test(epoch) && epoch !== '0' ? `${epoch}:${base}` : base;
}

/**
 * Builds a Package from what a format carries, or an Unknown saying why it cannot be one. The type comes from the
 * document when it states one Portcullis knows, else from the purl; the source package from the document, else the
 * purl's qualifiers (OS packages only).
 */
export function toPackage(f: PackageFields, format: SbomFormatId, label: string): { package: Package } | { unknown: Unknown } {
  const parsed = parsePurl(f.purl);
  if (!parsed) return { unknown: { stage: SBOM_STAGE, reason: `${label}: no package URL ("${f.purl}"), so it is not a package Portcullis can match` } };
  const type = isPackageType(f.type) && PURL_TYPE[f.type] === parsed.type ? f.type : packageTypeOfPurl(parsed);
  if (!type) return { unknown: { stage: SBOM_STAGE, reason: `${label} (${f.purl}): ${uncatalogued(parsed.type)} not cataloged by Portcullis, so it is not checked for vulnerabilities` } };
  const os = OS_PACKAGE_TYPE[type];
  const name = f.name || packageNameOfPurl(parsed);
  const version = versionOf(type, f, parsed, os);
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

/** Ecosystem names for the purl types an SBOM may hold that Portcullis does not catalog, for the unknown's text. */
const UNCATALOGUED: Readonly<Record<string, string>> = {
  cocoapods: 'CocoaPods',
  conan: 'Conan',
  hex: 'Hex',
  pub: 'Pub (Dart)',
  dart: 'Pub (Dart)',
  swift: 'Swift',
  conda: 'Conda',
  cran: 'CRAN',
  hackage: 'Hackage',
  bitnami: 'Bitnami',
  github: 'GitHub',
  generic: 'generic',
  alpm: 'Arch Linux (alpm)',
  luarocks: 'LuaRocks',
  cpan: 'CPAN',
};

function uncatalogued(purlType: string): string {
  return Object.hasOwn(UNCATALOGUED, purlType) ? `${UNCATALOGUED[purlType]} packages (purl type "${purlType}") are` : `purl type "${purlType}" is`;
}

/**
 * Directories only Debian's package manager writes (Debian Python policy 2.5: `/usr/lib/python3/dist-packages` is
 * for Debian packages, pip installs to `/usr/local`; likewise the nodejs, ruby and php policy directories).
 */
const DEB_OWNED_DIRS: readonly string[] = [
  '/usr/lib/python3/dist-packages/',
  '/usr/share/nodejs/',
  '/usr/lib/nodejs/',
  '/usr/lib/ruby/vendor_ruby/',
  '/usr/share/rubygems-integration/',
  '/usr/share/php/',
];

/**
 * Marks the language packages an OS package owns when the SBOM does not say so (syft's CycloneDX carries no
 * ownership; an image scan finds it from dpkg's file lists): on an SBOM with deb packages, a language package found
 * in a directory only dpkg writes is owned by the deb whose name is `python3-NAME` / `node-NAME` / `ruby-NAME` /
 * `php-NAME` when there is one, else by "dpkg" (the directory is named). Such packages are matched through the
 * distro, as on the image. Returns how many it marked.
 */
export function inferOwnership(packages: Package[]): number {
  const debs = new Map(packages.filter((p) => p.type === 'deb').map((p) => [p.name, p.id]));
  if (debs.size === 0) return 0;
  let marked = 0;
  for (const p of packages) {
    if (OS_PACKAGE_TYPE[p.type] || p.ownedBy) continue;
    const path = p.locations[0]?.path;
    const dir = path ? DEB_OWNED_DIRS.find((d) => path.startsWith(d)) : undefined;
    if (!path || !dir) continue;
    const short = p.name.toLowerCase().replace(/^.*\//, '').replace(/_/g, '-');
    const guess = ['python3-', 'node-', 'ruby-', 'php-'].map((prefix) => debs.get(`${prefix}${short}`)).find((id) => id !== undefined);
    p.ownedBy = guess ?? `dpkg (${dir.slice(0, -1)})`;
    marked++;
  }
  return marked;
}

/** The distro the OS packages' purls name, when the document does not say (SPDX has no operating-system element). */
export function distroFromPackages(packages: readonly Package[]): Distro | undefined {
  let fromNamespace: Distro | undefined;
  for (const p of packages) {
    if (!OS_PACKAGE_TYPE[p.type]) continue;
    const parsed = parsePurl(p.purl);
    if (!parsed) continue;
    const d = distroOfPurl(parsed);
    if (d) return d;
    if (parsed.namespace) fromNamespace ??= { id: osReleaseId(parsed.namespace) };
  }
  return fromNamespace;
}
