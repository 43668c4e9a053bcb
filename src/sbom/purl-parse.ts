/**
 * Reading package URLs back (the inverse of src/catalog/purl.ts), for SBOM input: the purl is the one field every
 * SBOM format carries for a package, so the package type, the distro and the source package are recovered from it.
 */

import { normalisePurlNames, PURL_TYPE, QUALIFIER_KEY } from '../catalog/purl.js';
import { assertNever } from '../common/errors.js';
import type { PackageType } from '../model/index.js';

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
  // Without a '%' there is nothing to decode (decodeURIComponent would give the text back unchanged).
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const TYPE = /^[a-z][a-z0-9.+-]*$/;

/**
 * Parses `pkg:type/namespace/name@version?qualifiers#subpath` as purl-spec's "how to parse" says
 * (docs/specification/how-to-parse.md); undefined when the text is not a purl. Lenient where real SBOMs differ from
 * the canonical form, and says so in src/sbom/purl-parse.test.ts: every percent-encoding is decoded (`1%3A2.3` and
 * `1:2.3` are the same version), an unencoded `@` in an npm scope is a namespace, upper-case qualifier keys are
 * lower-cased, and a type's namespace requirement is not enforced.
 */
export function parsePurl(text: string): ParsedPurl | undefined {
  const m = /^pkg:\/*([^/]*)\/(.*)$/i.exec(text.trim());
  if (!m) return undefined;
  const type = m[1]!.toLowerCase();
  if (!TYPE.test(type)) return undefined;
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
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      if (!QUALIFIER_KEY.test(key)) return undefined;
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      if (value !== '') qualifiers[key] = value;
    }
    rest = rest.slice(0, q);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  // An `@` before the last '/' is an unencoded npm scope (`pkg:npm/@scope/name`), not a version.
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  // `ns/name/@1.0`: the name before the version is empty.
  if (rest.endsWith('/')) return undefined;
  const segments = rest.split('/').filter(Boolean).map(decode);
  const rawName = segments.pop();
  if (!rawName) return undefined;
  const { namespace, name } = normalisePurlNames(type, segments.length ? segments.join('/') : undefined, rawName);
  return {
    type,
    ...(namespace ? { namespace } : {}),
    name,
    ...(version ? { version } : {}),
    qualifiers,
    ...(subpath ? { subpath } : {}),
  };
}

/** Purl type → package type: the inverse of PURL_TYPE (src/catalog/purl.ts), which is exhaustive. */
const TYPE_BY_PURL_TYPE: ReadonlyMap<string, PackageType> = new Map(Object.entries(PURL_TYPE).map(([type, purlType]) => [purlType, type as PackageType]));

const PACKAGE_TYPES: ReadonlySet<string> = new Set(Object.keys(PURL_TYPE));

/** The package type of a purl type; undefined for a type Portcullis does not catalog (`cocoapods`, `github`, `generic`). */
export function packageTypeOfPurl(p: ParsedPurl): PackageType | undefined {
  return TYPE_BY_PURL_TYPE.get(p.type);
}

/** True for the strings that are a PackageType (`deb`, `java-archive`, …). */
export function isPackageType(s: string | undefined): s is PackageType {
  return s !== undefined && PACKAGE_TYPES.has(s);
}

/**
 * Whether a package type's name includes the purl namespace, as the catalogers write names: npm and composer keep
 * their scope or vendor (`@babel/core`, `symfony/console`), Go its module path; Maven's group is metadata, the
 * name is the artifact. Exhaustive.
 */
const NAME_HAS_NAMESPACE: Readonly<Record<PackageType, boolean>> = {
  apk: false,
  deb: false,
  rpm: false,
  npm: true,
  python: false,
  'java-archive': false,
  'go-module': true,
  gem: false,
  'php-composer': true,
  'rust-crate': false,
  dotnet: false,
};

/** The package name as the catalogers write it (see NAME_HAS_NAMESPACE). */
export function packageNameOfPurl(p: ParsedPurl): string {
  const type = packageTypeOfPurl(p);
  return p.namespace && type && NAME_HAS_NAMESPACE[type] ? `${p.namespace}/${p.name}` : p.name;
}

/**
 * The source (origin) package of an OS package, from the purl's qualifiers:
 * - `upstream=NAME` or `upstream=NAME@VERSION` (deb, apk: Portcullis and syft; the binary is its own source when
 *   absent), `upstream=NAME-V-R.src.rpm` (rpm);
 * - osv-scalibr's `source` and `sourceversion` (deb), `origin` (apk), `sourcerpm` (rpm).
 * A deb or apk source without its own version has the binary's.
 */
export function sourceOfPurl(p: ParsedPurl, version: string): { name: string; version?: string } | undefined {
  const q = p.qualifiers;
  const type = packageTypeOfPurl(p);
  if (!type) return undefined;
  switch (type) {
    case 'deb':
    case 'apk': {
      const upstream = q.upstream ?? q.source ?? q.origin;
      if (!upstream) return { name: p.name, version };
      const at = upstream.indexOf('@');
      if (at > 0) return { name: upstream.slice(0, at), version: upstream.slice(at + 1) };
      return { name: upstream, version: q.sourceversion ?? version };
    }
    case 'rpm': {
      const srpm = q.upstream ?? q.sourcerpm;
      return srpm ? (sourceOfRpmFile(srpm) ?? { name: srpm }) : undefined;
    }
    case 'npm':
    case 'python':
    case 'java-archive':
    case 'go-module':
    case 'gem':
    case 'php-composer':
    case 'rust-crate':
    case 'dotnet':
      return undefined;
    default:
      return assertNever(type, 'package type');
  }
}

/** `openssl-1.1.1k-9.el8_7.src.rpm` → openssl, 1.1.1k-9.el8_7. */
export function sourceOfRpmFile(file: string): { name: string; version: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
  return m ? { name: m[1]!, version: `${m[2]}-${m[3]}` } : undefined;
}
