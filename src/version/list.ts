import type { PackageType } from '../model/package.js';
import { Registry } from '../plugin/registry.js';
import type { VersionScheme } from './scheme.js';
import { apkScheme } from './schemes/apk.js';
import { composerScheme } from './schemes/composer.js';
import { cranScheme } from './schemes/cran.js';
import { dpkgScheme } from './schemes/dpkg.js';
import { fuzzyScheme } from './schemes/fuzzy.js';
import { hackageScheme } from './schemes/hackage.js';
import { mavenScheme } from './schemes/maven.js';
import { nugetScheme } from './schemes/nuget.js';
import { pep440Scheme } from './schemes/pep440.js';
import { pubScheme } from './schemes/pub.js';
import { rpmScheme } from './schemes/rpm.js';
import { rubygemsScheme } from './schemes/rubygems.js';
import { semverScheme } from './schemes/semver.js';

/** Every version scheme. The only place a scheme is wired in. */
export const VERSION_SCHEMES = new Registry<VersionScheme>(
  'version scheme',
  [
    dpkgScheme,
    rpmScheme,
    apkScheme,
    semverScheme,
    pep440Scheme,
    mavenScheme,
    rubygemsScheme,
    nugetScheme,
    composerScheme,
    pubScheme,
    cranScheme,
    hackageScheme,
    fuzzyScheme,
  ],
  (s) => s.aliases,
);

/** Looks a scheme up by id or alias; an unknown name is a ConfigurationError listing the known ones. */
export function getScheme(idOrAlias: string): VersionScheme {
  return VERSION_SCHEMES.get(idOrAlias.toLowerCase());
}

/** The scheme for each package type the catalogers produce. Exhaustive: a new type must be mapped here. */
const BY_PACKAGE_TYPE: Record<PackageType, VersionScheme> = {
  apk: apkScheme,
  deb: dpkgScheme,
  rpm: rpmScheme,
  npm: semverScheme,
  python: pep440Scheme,
  'java-archive': mavenScheme,
  'go-module': semverScheme,
  gem: rubygemsScheme,
  'php-composer': composerScheme,
  'rust-crate': semverScheme,
  dotnet: nugetScheme,
};

export function schemeForPackageType(type: PackageType): VersionScheme {
  return BY_PACKAGE_TYPE[type];
}

/**
 * OSV ecosystem names (the part before the first `:`, so `Debian:12`, `Alpine:v3.20` and
 * `Red Hat:enterprise_linux:9::appstream` all work), compared case-insensitively.
 */
const ECOSYSTEMS: readonly (readonly [string, VersionScheme])[] = [
  ['Debian', dpkgScheme],
  ['Ubuntu', dpkgScheme],
  ['Alpine', apkScheme],
  ['Wolfi', apkScheme],
  ['Chainguard', apkScheme],
  ['Alpaquita', apkScheme],
  ['MinimOS', apkScheme],
  ['Red Hat', rpmScheme],
  ['AlmaLinux', rpmScheme],
  ['Rocky Linux', rpmScheme],
  ['Oracle Linux', rpmScheme],
  ['Amazon Linux', rpmScheme],
  ['openSUSE', rpmScheme],
  ['SUSE', rpmScheme],
  ['Mageia', rpmScheme],
  ['Photon OS', rpmScheme],
  ['openEuler', rpmScheme],
  ['Azure Linux', rpmScheme],
  ['npm', semverScheme],
  ['Go', semverScheme],
  ['crates.io', semverScheme],
  ['Hex', semverScheme],
  ['Bitnami', semverScheme],
  ['SwiftURL', semverScheme],
  ['PyPI', pep440Scheme],
  ['Maven', mavenScheme],
  ['RubyGems', rubygemsScheme],
  ['NuGet', nugetScheme],
  ['Packagist', composerScheme],
  ['Pub', pubScheme],
  ['CRAN', cranScheme],
  ['Hackage', hackageScheme],
];
const BY_ECOSYSTEM: ReadonlyMap<string, VersionScheme> = new Map(ECOSYSTEMS.map(([name, scheme]) => [name.toLowerCase(), scheme]));

/** A scheme chosen for an ecosystem. `fallback` is true when no scheme is known and the fuzzy guess is used. */
export type SchemeLookup =
  | { scheme: VersionScheme; fallback: false }
  | { scheme: VersionScheme; fallback: true; reason: string };

export function schemeForEcosystem(ecosystem: string): SchemeLookup {
  const colon = ecosystem.indexOf(':');
  const base = (colon < 0 ? ecosystem : ecosystem.slice(0, colon)).trim().toLowerCase();
  const scheme = BY_ECOSYSTEM.get(base);
  if (scheme) return { scheme, fallback: false };
  return {
    scheme: fuzzyScheme,
    fallback: true,
    reason: `no version scheme is known for ecosystem "${ecosystem}"; versions are compared with the fuzzy fallback`,
  };
}

/** The OSV ecosystem names mapped to a scheme, for documentation and tests. */
export function knownEcosystems(): { ecosystem: string; scheme: string }[] {
  return ECOSYSTEMS.map(([ecosystem, scheme]) => ({ ecosystem, scheme: scheme.id }));
}

/**
 * Version ordering by package type: the scheme the matcher uses for that type. A type with no scheme falls back,
 * explicitly, to `fuzzy`.
 */
export function compareForPackageType(packageType: string, a: string, b: string): number {
  const scheme = (BY_PACKAGE_TYPE as Partial<Record<string, VersionScheme>>)[packageType] ?? getScheme('fuzzy');
  return scheme.compare(a, b);
}
