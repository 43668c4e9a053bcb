/**
 * Reading package URLs back (the inverse of src/catalog/purl.ts), for SBOM input: the purl is the one field every
 * SBOM format carries for a package, so the package type, the distro and the source package are recovered from it.
 */

import type { Distro, PackageType } from '../model/index.js';

export interface ParsedPurl {
  /** Lower-cased. */
  type: string;
  /** Decoded segments joined by '/'. */
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
  subpath?: string;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Parses `pkg:type/namespace/name@version?qualifiers#subpath`; undefined when the text is not a purl. */
export function parsePurl(text: string): ParsedPurl | undefined {
  const m = /^pkg:\/*([A-Za-z][A-Za-z0-9.+-]*)\/(.*)$/.exec(text.trim());
  if (!m) return undefined;
  let rest = m[2]!;
  let subpath: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = rest
      .slice(hash + 1)
      .split('/')
      .filter((s) => s && s !== '.' && s !== '..')
      .map(decode)
      .join('/');
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const value = decode(pair.slice(eq + 1));
      if (value !== '') qualifiers[pair.slice(0, eq).toLowerCase()] = value;
    }
    rest = rest.slice(0, q);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  // An `@` before the last '/' is an encoded-less npm scope (`pkg:npm/@scope/name`), not a version.
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter(Boolean).map(decode);
  const name = segments.pop();
  if (!name) return undefined;
  return {
    type: m[1]!.toLowerCase(),
    ...(segments.length ? { namespace: segments.join('/') } : {}),
    name,
    ...(version ? { version } : {}),
    qualifiers,
    ...(subpath ? { subpath } : {}),
  };
}

/** The purl type each package type is written with (src/catalog), and so read back from. */
const TYPE_BY_PURL_TYPE: Record<string, PackageType> = {
  apk: 'apk',
  deb: 'deb',
  rpm: 'rpm',
  npm: 'npm',
  pypi: 'python',
  maven: 'java-archive',
  golang: 'go-module',
  gem: 'gem',
  composer: 'php-composer',
  cargo: 'rust-crate',
  nuget: 'dotnet',
};

const PACKAGE_TYPES: ReadonlySet<string> = new Set(Object.values(TYPE_BY_PURL_TYPE));

/** The package type of a purl type; undefined for a type Portcullis does not catalog (`github`, `generic`). */
export function packageTypeOfPurl(p: ParsedPurl): PackageType | undefined {
  return TYPE_BY_PURL_TYPE[p.type];
}

/** True for the strings that are a PackageType (`deb`, `java-archive`, …). */
export function isPackageType(s: string | undefined): s is PackageType {
  return s !== undefined && PACKAGE_TYPES.has(s);
}

/** The package name as the catalogers write it: npm and composer names keep their scope, Go its module path. */
export function packageNameOfPurl(p: ParsedPurl): string {
  if (!p.namespace) return p.name;
  if (p.type === 'npm' || p.type === 'composer' || p.type === 'golang') return `${p.namespace}/${p.name}`;
  return p.name;
}

/**
 * The source (origin) package of an OS package, as the catalogers put it into the purl: dpkg writes
 * `upstream=NAME` or `upstream=NAME@VERSION` and otherwise the binary is its own source; apk writes `upstream=ORIGIN`
 * when the origin differs; rpm writes the source rpm file name.
 */
export function sourceOfPurl(p: ParsedPurl, version: string): { name: string; version?: string } | undefined {
  const upstream = p.qualifiers.upstream;
  if (p.type === 'deb' || p.type === 'apk') {
    if (!upstream) return { name: p.name, version };
    const at = upstream.indexOf('@');
    return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version };
  }
  if (p.type === 'rpm' && upstream) {
    const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(upstream);
    return m ? { name: m[1]!, version: `${m[2]}-${m[3]}` } : { name: upstream };
  }
  return undefined;
}

/** The distro a purl's `distro` qualifier names (`debian-12`, `alpine-3.20.3`, `ubuntu-20.04`). */
export function distroOfPurl(p: ParsedPurl): Distro | undefined {
  const q = p.qualifiers.distro;
  if (!q) return undefined;
  const m = /^([a-z][a-z0-9._]*(?:-[a-z][a-z0-9._]*)*?)(?:-(\d[^-]*))?$/i.exec(q);
  if (!m) return { id: q.toLowerCase() };
  return { id: m[1]!.toLowerCase(), ...(m[2] ? { versionId: m[2] } : {}) };
}
