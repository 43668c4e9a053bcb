import type { Distro, Package, PackageType } from '../model/package.js';
import { schemeForEcosystem } from '../version/list.js';
import type { VersionScheme } from '../version/scheme.js';

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
}

export type TargetResult = { target: MatchTarget } | { skip: string; unknown?: boolean };

const LANGUAGE_ECOSYSTEMS: Partial<Record<PackageType, string>> = {
  npm: 'npm',
  python: 'PyPI',
  'go-module': 'Go',
  'java-archive': 'Maven',
  gem: 'RubyGems',
  'rust-crate': 'crates.io',
  'php-composer': 'Packagist',
  dotnet: 'NuGet',
};

const OS_TYPES: ReadonlySet<PackageType> = new Set(['deb', 'apk', 'rpm']);

/**
 * The OSV ecosystem of a distro release, as osv.dev names it: `Debian:12`, `Ubuntu:22.04`, `Alpine:v3.20`.
 * Undefined when the distro or its release is not known (then OS packages cannot be matched, and say so).
 */
export function distroEcosystem(distro: Distro | undefined): string | undefined {
  if (!distro) return undefined;
  const id = distro.id.toLowerCase();
  const v = distro.versionId ?? '';
  const majorMinor = /^(\d+)\.(\d+)/.exec(v);
  const major = /^(\d+)/.exec(v)?.[1];
  switch (id) {
    case 'debian':
      return major ? `Debian:${major}` : undefined;
    case 'ubuntu':
      return majorMinor ? `Ubuntu:${majorMinor[1]}.${majorMinor[2]}` : undefined;
    case 'alpine':
      return majorMinor ? `Alpine:v${majorMinor[1]}.${majorMinor[2]}` : undefined;
    case 'rocky':
      return major ? `Rocky Linux:${major}` : undefined;
    case 'almalinux':
      return major ? `AlmaLinux:${major}` : undefined;
    case 'wolfi':
      return 'Wolfi';
    case 'chainguard':
      return 'Chainguard';
    default:
      return undefined;
  }
}

/** The bucket folders (`Debian`, `npm`, `PyPI`) a set of packages needs: what `db update` fetches for an image. */
export function bucketEcosystemsFor(packages: readonly Package[], distro?: Distro): string[] {
  const out = new Set<string>();
  for (const p of packages) {
    const r = targetFor(p, distro);
    if ('target' in r) out.add(r.target.ecosystem.split(':', 1)[0]!);
  }
  return [...out].sort();
}

/**
 * Decides how a package is matched:
 * - OS packages (deb, apk, rpm) by the distro release and their source / origin name and source version: distro
 *   advisories name source packages, and their fixed versions are source versions;
 * - language packages by ecosystem and name (Maven as `group:artifact`);
 * - a language package owned by an OS package (`ownedBy`) only through that OS package: the distro may have
 *   backported fixes without changing the upstream version the language metadata shows.
 */
export function targetFor(pkg: Package, distro: Distro | undefined): TargetResult {
  if (OS_TYPES.has(pkg.type)) {
    const ecosystem = distroEcosystem(distro);
    if (!ecosystem) {
      return { skip: `${pkg.type} package ${pkg.name}: the distro release is unknown, so distro advisories cannot be matched`, unknown: true };
    }
    const name = pkg.source?.name ?? pkg.name;
    const version = pkg.source?.version ?? pkg.version;
    const { scheme } = schemeForEcosystem(ecosystem);
    const via = name === pkg.name ? `distro:${ecosystem} via ${name}` : `distro:${ecosystem} via source ${name}`;
    return { target: { ecosystem, name, version, scheme, via } };
  }
  if (pkg.ownedBy) return { skip: `${pkg.name} is owned by ${pkg.ownedBy}: matched through the distro only` };
  const ecosystem = LANGUAGE_ECOSYSTEMS[pkg.type];
  if (!ecosystem) return { skip: `no vulnerability ecosystem for package type ${pkg.type}` };
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
  return { target: { ecosystem, name, version, scheme, via: `ecosystem:${ecosystem}` } };
}

function mavenGroupFromPurl(p: string): string | undefined {
  const m = /^pkg:maven\/([^@?#]+)\/[^/@?#]+/.exec(p);
  return m ? decodeURIComponent(m[1]!).replace(/\//g, '.') : undefined;
}
