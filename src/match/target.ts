import { ALPINE_PRERELEASE } from '../catalog/distro/detect.js';
import type { Distro, Package, PackageType } from '../model/package.js';
import { schemeForEcosystem } from '../version/list.js';
import type { VersionScheme } from '../version/scheme.js';
import { parseRpm, rpmSchemeAssumingEpoch } from '../version/schemes/rpm.js';

/** What one package is looked up as: an OSV ecosystem, a name and a version in that ecosystem's scheme. */
export interface MatchTarget {
  /** Full OSV ecosystem (`Debian:12`, `Alpine:v3.20`, `npm`). */
  ecosystem: string;
  name: string;
  /** The version compared with the ranges (a distro package's source version; a Go version without its `v`). */
  version: string;
  scheme: VersionScheme;
  /** How the package got here, for `matchedBy` (`distro:Debian:12 via source curl`, `ecosystem:npm`). */
  via: string;
  /**
   * Set when an rpm is looked up by its source rpm's name: the installed binary's name, so that a record listing
   * the binaries it covers (SUSE's and openSUSE's `ecosystem_specific.binaries`) is applied only to those.
   */
  binary?: string;
}

/** One package's targets (one or more: a distro with several products, an rpm by binary and by source name). */
export type TargetResult = { targets: MatchTarget[] } | { skip: string; unknown?: boolean };

/** The ecosystems one distro release is matched against, or why it cannot be. */
export type DistroEcosystems = { ecosystems: string[]; osvBucket: boolean } | { reason: string };

/** How a distro id's releases map to ecosystems (the contract in notes/ecosystems.md, osv.dev's spelling). */
interface DistroRule {
  /** The ecosystems for a release, or a reason when the release is not one the data knows. */
  ecosystems(d: Distro): string[] | string;
  /** True when osv.dev publishes this ecosystem as a bucket folder (`db update` can fetch it). */
  osvBucket: boolean;
}

const major = (d: Distro): string | undefined => /^(\d+)/.exec(d.versionId ?? '')?.[1];
const majorMinor = (d: Distro): [string, string] | undefined => {
  const m = /^(\d+)\.(\d+)/.exec(d.versionId ?? '');
  return m ? [m[1]!, m[2]!] : undefined;
};
const noRelease = (d: Distro): string => `${d.id} has no VERSION_ID`;
const byMajor = (prefix: string): DistroRule['ecosystems'] => (d) => {
  const m = major(d);
  return m ? [`${prefix}:${m}`] : noRelease(d);
};

/** Debian codenames for an os-release without VERSION_ID (testing images); osv.dev names releases by number. */
const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  duke: '15',
};

function debian(d: Distro): string[] | string {
  const m = major(d);
  if (m) return [`Debian:${m}`];
  const code = d.versionCodename?.toLowerCase();
  if (code === 'sid' || code === 'unstable') return 'Debian sid (unstable) has no release data';
  const n = code ? DEBIAN_CODENAMES[code] : undefined;
  return n ? [`Debian:${n}`] : noRelease(d);
}

/**
 * Alpine: `Alpine:v<X.Y>`. An edge image (a prerelease VERSION_ID such as `3.21.0_alpha20240807`) is matched
 * against `Alpine:edge`, the branch the detector read from `/etc/apk/repositories` (`versionCodename`), as grype
 * does (its `alpine:edge` namespace, fed by secdb's edge branch; osv.dev has no Alpine:edge, so only an
 * alpine-secdb import covers it). A prerelease whose repositories name a release branch (`v3.21`) uses that branch.
 */
function alpine(d: Distro): string[] | string {
  const branch = d.versionCodename?.toLowerCase();
  if (branch === 'edge') return ['Alpine:edge'];
  if (branch && /^v\d+\.\d+$/.test(branch)) return [`Alpine:${branch}`];
  if (ALPINE_PRERELEASE.test(d.versionId ?? '')) return ['Alpine:edge'];
  const mm = majorMinor(d);
  return mm ? [`Alpine:v${mm[0]}.${mm[1]}`] : noRelease(d);
}

/**
 * SUSE Linux Enterprise: the product and, from 15 on, the modules every installation has (Basesystem) or that a
 * server image has (Server Applications), for the same service pack: SUSE files a package fix under the module
 * that ships it. The Server's LTSS stream of that service pack too (`15 SP3-LTSS`: fixes after general support).
 * VERSION_ID `15.5` → `15 SP5`; `15` → `15`.
 */
function suse(product: string, modules: readonly string[], ltss = false): DistroRule['ecosystems'] {
  return (d) => {
    const m = /^(\d+)(?:\.(\d+))?/.exec(d.versionId ?? '');
    if (!m) return noRelease(d);
    const release = m[2] && m[2] !== '0' ? `${m[1]} SP${m[2]}` : m[1]!;
    const products = [`${product} ${release}`, ...(ltss ? [`${product} ${release}-LTSS`] : []), ...(Number(m[1]) >= 15 ? modules.map((x) => `${x} ${release}`) : [])];
    return products.map((p) => `SUSE:SUSE Linux Enterprise ${p}`);
  };
}

/** openEuler: `openEuler:22.03-LTS-SP1` from VERSION_ID 22.03 and the `(LTS-SP1)` of PRETTY_NAME / VERSION. */
function openEuler(d: Distro): string[] | string {
  const mm = majorMinor(d);
  if (!mm) return noRelease(d);
  const qualifier = /\((LTS(?:-SP\d+)?)\)/i.exec(d.prettyName ?? '')?.[1]?.toUpperCase();
  return [`openEuler:${mm[0]}.${mm[1]}${qualifier ? `-${qualifier}` : ''}`];
}

/** Keyed by os-release ID (lower-cased). A distro not listed here gets no OS matching, and its packages say so. */
const DISTROS: Readonly<Record<string, DistroRule>> = {
  debian: { ecosystems: debian, osvBucket: true },
  ubuntu: {
    ecosystems: (d) => {
      const mm = majorMinor(d);
      return mm ? [`Ubuntu:${mm[0]}.${mm[1]}`] : noRelease(d);
    },
    osvBucket: true,
  },
  alpine: { ecosystems: alpine, osvBucket: true },
  rhel: { ecosystems: byMajor('Red Hat'), osvBucket: true },
  centos: { ecosystems: byMajor('Red Hat'), osvBucket: true },
  almalinux: { ecosystems: byMajor('AlmaLinux'), osvBucket: true },
  rocky: { ecosystems: byMajor('Rocky Linux'), osvBucket: true },
  ol: { ecosystems: byMajor('Oracle Linux'), osvBucket: false },
  amzn: {
    ecosystems: (d) => {
      const v = d.versionId ?? '';
      return ['2', '2022', '2023'].includes(v) ? [`Amazon Linux:${v}`] : `Amazon Linux ${v || '(no VERSION_ID)'} has no advisory data (ALAS covers 2, 2022 and 2023)`;
    },
    osvBucket: false,
  },
  sles: { ecosystems: suse('Server', ['Module for Basesystem', 'Module for Server Applications'], true), osvBucket: true },
  sles_sap: {
    ecosystems: suse('Server for SAP Applications', ['Module for Basesystem', 'Module for Server Applications']),
    osvBucket: true,
  },
  sled: { ecosystems: suse('Desktop', ['Module for Basesystem', 'Module for Desktop Applications']), osvBucket: true },
  'opensuse-leap': {
    ecosystems: (d) => {
      const mm = majorMinor(d);
      return mm ? [`openSUSE:openSUSE Leap ${mm[0]}.${mm[1]}`] : noRelease(d);
    },
    osvBucket: true,
  },
  'opensuse-tumbleweed': { ecosystems: () => ['openSUSE:openSUSE Tumbleweed'], osvBucket: true },
  photon: {
    ecosystems: (d) => {
      const m = /^(\d+)(?:\.(\d+))?/.exec(d.versionId ?? '');
      return m ? [`Photon OS:${m[1]}.${m[2] ?? '0'}`] : noRelease(d);
    },
    osvBucket: true,
  },
  mariner: { ecosystems: byMajor('Azure Linux'), osvBucket: true },
  azurelinux: { ecosystems: byMajor('Azure Linux'), osvBucket: true },
  wolfi: { ecosystems: () => ['Wolfi'], osvBucket: true },
  chainguard: { ecosystems: () => ['Chainguard'], osvBucket: true },
  mageia: { ecosystems: byMajor('Mageia'), osvBucket: true },
  openeuler: { ecosystems: openEuler, osvBucket: true },
};

/** The distro ids with OS matching, for documentation and tests. */
export const MATCHED_DISTROS: readonly string[] = Object.keys(DISTROS);

/** The ecosystems a distro release is matched against: one for most, several for SUSE (product and modules). */
export function distroEcosystems(distro: Distro | undefined): DistroEcosystems {
  if (!distro) return { reason: 'the distro release is unknown' };
  const rule = Object.hasOwn(DISTROS, distro.id.toLowerCase()) ? DISTROS[distro.id.toLowerCase()] : undefined;
  if (!rule) return { reason: `no vulnerability data source is known for distro "${distro.id}"` };
  const r = rule.ecosystems(distro);
  return typeof r === 'string' ? { reason: r } : { ecosystems: r, osvBucket: rule.osvBucket };
}

/**
 * The main OSV ecosystem of a distro release (`Debian:12`, `Ubuntu:22.04`, `Alpine:v3.20`, `Red Hat:9`; for SUSE
 * the product, not its modules). Undefined when the distro or its release is not known.
 */
export function distroEcosystem(distro: Distro | undefined): string | undefined {
  const r = distroEcosystems(distro);
  return 'ecosystems' in r ? r.ecosystems[0] : undefined;
}

/** The bucket folders (`Debian`, `npm`, `PyPI`) a set of packages needs: what `db update` fetches for an image. */
export function bucketEcosystemsFor(packages: readonly Package[], distro?: Distro): string[] {
  const d = distroEcosystems(distro);
  const distroInBucket = 'ecosystems' in d && d.osvBucket;
  const out = new Set<string>();
  for (const p of packages) {
    const r = targetFor(p, distro);
    if (!('targets' in r)) continue;
    if (OS_TYPE[p.type] !== undefined && !distroInBucket) continue;
    for (const t of r.targets) out.add(t.ecosystem.split(':', 1)[0]!);
  }
  return [...out].sort();
}

/** How each package type is matched. Exhaustive: a new package type must say how, or fail to compile. */
type Rule = { os: 'deb' | 'apk' | 'rpm' } | { language: string };
const RULES: Record<PackageType, Rule> = {
  apk: { os: 'apk' },
  deb: { os: 'deb' },
  rpm: { os: 'rpm' },
  npm: { language: 'npm' },
  python: { language: 'PyPI' },
  'go-module': { language: 'Go' },
  'java-archive': { language: 'Maven' },
  gem: { language: 'RubyGems' },
  'rust-crate': { language: 'crates.io' },
  'php-composer': { language: 'Packagist' },
  dotnet: { language: 'NuGet' },
};
const OS_TYPE: Record<PackageType, 'deb' | 'apk' | 'rpm' | undefined> = Object.fromEntries(
  Object.entries(RULES).map(([type, rule]) => [type, 'os' in rule ? rule.os : undefined]),
) as Record<PackageType, 'deb' | 'apk' | 'rpm' | undefined>;

/**
 * True for the package types matched by distro release (deb, apk, rpm), false for language packages: derived from
 * the exhaustive RULES, so a new package type is classed once, here. Use this rather than a list of OS types.
 */
export const OS_PACKAGE_TYPE: Readonly<Record<PackageType, boolean>> = Object.fromEntries(
  Object.entries(RULES).map(([type, rule]) => [type, 'os' in rule]),
) as Record<PackageType, boolean>;

/** The OS package types as a set of strings (a finding's `packageType`), derived from OS_PACKAGE_TYPE. */
export const OS_PACKAGE_TYPE_SET: ReadonlySet<string> = new Set(Object.entries(OS_PACKAGE_TYPE).filter(([, os]) => os).map(([type]) => type));

/** True when `type` is an OS package type; false for a language type and for a string that is no package type. */
export function isOsPackageType(type: string): boolean {
  return Object.hasOwn(OS_PACKAGE_TYPE, type) && OS_PACKAGE_TYPE[type as PackageType];
}

/**
 * Decides how a package is matched:
 * - deb and apk packages by the distro release and their source / origin name and source version: distro
 *   advisories name source packages, and their fixed versions are source versions;
 * - rpm packages twice, as grype's rpm matcher does: by the binary name with the binary's full EVR (epoch
 *   included), and by the source rpm's name with the source version carrying the binary's epoch (Red Hat, SUSE,
 *   Mageia, openEuler and Azure Linux name source rpms; AlmaLinux, Rocky, Oracle, Amazon and Photon name
 *   binaries). A version in the data without an epoch is read with the package's epoch (`rpmSchemeAssumingEpoch`);
 * - language packages by ecosystem and name (Maven as `group:artifact`);
 * - a language package owned by an OS package (`ownedBy`) only through that OS package: the distro may have
 *   backported fixes without changing the upstream version the language metadata shows.
 */
export function targetFor(pkg: Package, distro: Distro | undefined): TargetResult {
  const rule = RULES[pkg.type];
  if ('os' in rule) {
    const d = distroEcosystems(distro);
    if (!('ecosystems' in d)) {
      return { skip: `${pkg.type} package ${pkg.name}: ${d.reason}, so distro advisories cannot be matched`, unknown: true };
    }
    const targets = d.ecosystems.flatMap((ecosystem) => (rule.os === 'rpm' ? rpmTargets(pkg, ecosystem) : [sourceTarget(pkg, ecosystem)]));
    return { targets };
  }
  if (pkg.ownedBy) return { skip: `${pkg.name} is owned by ${pkg.ownedBy}: matched through the distro only` };
  const ecosystem = rule.language;
  let name = pkg.name;
  let version = pkg.version;
  if (ecosystem === 'Maven') {
    const group = typeof pkg.metadata?.groupId === 'string' ? pkg.metadata.groupId : mavenGroupFromPurl(pkg.purl);
    if (!group) return { skip: `Maven package ${pkg.name} has no groupId` };
    name = `${group}:${pkg.name}`;
  }
  if (ecosystem === 'Go') {
    if (version === '' || version === '(devel)') return { skip: `Go module ${pkg.name} has no release version (${version || 'none'})` };
    version = version.replace(/^(v|go)(?=\d)/, '');
  }
  if (version === '') return { skip: `${pkg.name} has no version` };
  const { scheme } = schemeForEcosystem(ecosystem);
  return { targets: [{ ecosystem, name, version, scheme, via: `ecosystem:${ecosystem}` }] };
}

function sourceTarget(pkg: Package, ecosystem: string): MatchTarget {
  const name = pkg.source?.name ?? pkg.name;
  const version = pkg.source?.version ?? pkg.version;
  const { scheme } = schemeForEcosystem(ecosystem);
  const via = name === pkg.name ? `distro:${ecosystem} via ${name}` : `distro:${ecosystem} via source ${name}`;
  return { ecosystem, name, version, scheme, via };
}

/** The package's epoch: `metadata.epoch` (the rpm database's), else the version's `N:` prefix, else none (`0`). */
export function rpmEpochOf(pkg: Package): string {
  const meta = pkg.metadata?.epoch;
  if (typeof meta === 'number' && Number.isInteger(meta) && meta >= 0) return String(meta);
  if (typeof meta === 'string' && /^\d+$/.test(meta)) return meta;
  try {
    const v = parseRpm(pkg.version);
    return v.epochGiven ? v.epoch : '0';
  } catch {
    return '0';
  }
}

const hasEpoch = (version: string): boolean => /^\d*:/.test(version.trim());

function rpmTargets(pkg: Package, ecosystem: string): MatchTarget[] {
  const epoch = rpmEpochOf(pkg);
  // An rpm's versions are rpm versions whatever the ecosystem's registered scheme.
  const scheme = rpmSchemeAssumingEpoch(epoch);
  const withEpoch = (v: string): string => (hasEpoch(v) || epoch === '0' ? v : `${epoch}:${v}`);
  const binary: MatchTarget = { ecosystem, name: pkg.name, version: withEpoch(pkg.version), scheme, via: `distro:${ecosystem} via ${pkg.name}` };
  const src = pkg.source;
  if (!src || src.name === pkg.name || src.name === '') return [binary];
  const source: MatchTarget = {
    ecosystem,
    name: src.name,
    version: withEpoch(src.version ?? pkg.version),
    scheme,
    via: `distro:${ecosystem} via source ${src.name}`,
    binary: pkg.name,
  };
  return [binary, source];
}

function mavenGroupFromPurl(p: string): string | undefined {
  const m = /^pkg:maven\/([^@?#]+)\/[^/@?#]+/.exec(p);
  return m ? decodeURIComponent(m[1]!).replace(/\//g, '.') : undefined;
}
