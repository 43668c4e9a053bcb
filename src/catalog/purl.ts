/**
 * Package URLs (https://github.com/package-url/purl-spec), built one way for every cataloger.
 *
 * `pkg:type/namespace/name@version?qualifiers#subpath`: the type is lower-cased; each namespace and subpath
 * segment, the name, the version and every qualifier value are percent-encoded (everything but `A-Za-z0-9.-_~`,
 * so `:` in a Debian epoch becomes `%3A` and `+` becomes `%2B`); qualifier keys are lower-cased and sorted, and
 * qualifiers with an empty or undefined value are left out.
 */
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
  let out = `pkg:${type}/`;
  const namespace = segments(parts.namespace);
  if (namespace.length > 0) out += `${namespace.map(encodePurlComponent).join('/')}/`;
  out += encodePurlComponent(parts.name);
  if (parts.version !== undefined && parts.version !== '') out += `@${encodePurlComponent(parts.version)}`;
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (qualifiers.length > 0) out += `?${qualifiers.map(([k, v]) => `${k}=${encodePurlComponent(v)}`).join('&')}`;
  const subpath = segments(parts.subpath).filter((s) => s !== '.' && s !== '..');
  if (subpath.length > 0) out += `#${subpath.map(encodePurlComponent).join('/')}`;
  return out;
}

/** Percent-encodes UTF-8 bytes of everything except the unreserved characters `A-Za-z0-9.-_~`. */
export function encodePurlComponent(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += UNRESERVED.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

function segments(value: string | undefined): string[] {
  return (value ?? '').split('/').filter((s) => s !== '');
}
