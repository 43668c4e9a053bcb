/**
 * Package URLs (https://github.com/package-url/purl-spec), built one way for every cataloger.
 *
 * `pkg:type/namespace/name@version?qualifiers#subpath`: the type is lower-cased; each namespace and subpath
 * segment, the name, the version and every qualifier value are percent-encoded (everything but `A-Za-z0-9.-_~`
 * and `:`, so `+` becomes `%2B` and a Debian epoch stays `1:2.3-1`); qualifier keys are lower-cased and sorted,
 * and qualifiers with an empty or undefined value are left out.
 *
 * The colon: the purl specification (ECMA-427, https://github.com/package-url/purl-spec, docs/specification/
 * standard/specification.md, "Character encoding") says the colon `:` "shall not be percent-encoded, whether used
 * as a Separator Character or otherwise", and its test suite's canonical forms keep it
 * (`checksum=sha1:ad9503c3e994a4f`, tests/spec/specification-test.json). packageurl-go, and so osv-scalibr, syft
 * and trivy, write it unencoded too. Older Portcullis versions wrote `%3A`; the reader (src/sbom/purl-parse.ts)
 * decodes both, so both compare equal there.
 */
import type { PackageType } from '../model/index.js';

/**
 * The purl type each package type is written with. Exhaustive: a new package type must name its purl type here,
 * and the SBOM reader (src/sbom/purl-parse.ts) reads purls back through the inverse of this table.
 */
export const PURL_TYPE: Readonly<Record<PackageType, string>> = {
  apk: 'apk',
  deb: 'deb',
  rpm: 'rpm',
  npm: 'npm',
  python: 'pypi',
  'java-archive': 'maven',
  'go-module': 'golang',
  gem: 'gem',
  'php-composer': 'composer',
  'rust-crate': 'cargo',
  dotnet: 'nuget',
};

export interface PurlParts {
  type: string;
  /** Segments separated by '/'; each segment is encoded on its own. Empty segments are dropped. */
  namespace?: string | undefined;
  name: string;
  version?: string | undefined;
  qualifiers?: Readonly<Record<string, string | undefined>> | undefined;
  /** Segments separated by '/'; `.` and `..` segments are dropped, as the spec says. */
  subpath?: string | undefined;
}

export function purl(parts: PurlParts): string {
  const type = parts.type.toLowerCase();
  if (!/^[a-z][a-z0-9.+-]*$/.test(type)) throw new Error(`invalid purl type "${parts.type}"`);
  if (parts.name === '') throw new Error('a purl needs a name');
  const names = normalisePurlNames(type, segments(parts.namespace).join('/') || undefined, parts.name);
  let out = `pkg:${type}/`;
  const namespace = segments(names.namespace);
  if (namespace.length > 0) out += `${namespace.map(encodePurlComponent).join('/')}/`;
  out += encodePurlComponent(names.name);
  if (parts.version !== undefined && parts.version !== '') out += `@${encodePurlComponent(parts.version)}`;
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => {
      const key = k.toLowerCase();
      if (!QUALIFIER_KEY.test(key)) throw new Error(`invalid purl qualifier key "${k}"`);
      return [key, v] as const;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (qualifiers.length > 0) out += `?${qualifiers.map(([k, v]) => `${k}=${encodePurlComponent(v)}`).join('&')}`;
  const subpath = segments(parts.subpath).filter((s) => s !== '.' && s !== '..');
  if (subpath.length > 0) out += `#${subpath.map(encodePurlComponent).join('/')}`;
  return out;
}

/** Percent-encodes UTF-8 bytes of everything except the unreserved characters `A-Za-z0-9.-_~` and the colon. */
export function encodePurlComponent(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += UNRESERVED.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const UNRESERVED = /^[A-Za-z0-9._~:-]$/;
/** A qualifier key: ASCII letters, digits, `.`, `-`, `_`, not starting with a digit (purl-spec). */
export const QUALIFIER_KEY = /^[a-z._-][a-z0-9._-]*$/;

function segments(value: string | undefined): string[] {
  return (value ?? '').split('/').filter((s) => s !== '');
}

/**
 * Type-specific normalisation of a purl's namespace and name, from the purl-spec type definitions
 * (package-url/purl-spec, types/<type>-definition.json: `case_sensitive: false`, `normalization_rules`). Types not
 * listed are case-sensitive and kept as written. Applied when a purl is built and when one is read.
 */
const NORMALISE: Readonly<Record<string, { namespace?: (s: string) => string; name?: (s: string) => string }>> = {
  apk: { namespace: lower, name: lower },
  deb: { namespace: lower, name: lower },
  alpm: { namespace: lower, name: lower },
  rpm: { namespace: lower },
  composer: { namespace: lower, name: lower },
  hex: { namespace: lower, name: lower },
  bitbucket: { namespace: lower, name: lower },
  github: { namespace: lower, name: lower },
  pypi: { name: (s) => s.toLowerCase().replace(/_/g, '-') },
  pub: { name: lower },
};

function lower(s: string): string {
  return s.toLowerCase();
}

/** The namespace and name as purl-spec's normalisation for the type writes them. */
export function normalisePurlNames(type: string, namespace: string | undefined, name: string): { namespace?: string; name: string } {
  const rule = Object.hasOwn(NORMALISE, type) ? NORMALISE[type] : undefined;
  const ns = namespace && rule?.namespace ? rule.namespace(namespace) : namespace;
  return { ...(ns ? { namespace: ns } : {}), name: rule?.name ? rule.name(name) : name };
}
