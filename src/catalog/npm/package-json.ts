/** Parsing of an installed package's `package.json`. */

export interface PackageJsonInfo {
  name: string;
  version: string;
  licenses: string[];
  author?: string;
  homepage?: string;
  private?: boolean;
}

/**
 * Returns the package a `package.json` declares, or null when it declares none (no name or no version: a partial
 * manifest such as `{"type": "module"}` inside a package). Throws on text that is not a JSON object.
 */
export function parsePackageJson(text: string): PackageJsonInfo | null {
  const doc: unknown = JSON.parse(text);
  if (!isRecord(doc)) throw new Error('package.json is not a JSON object');
  const name = typeof doc.name === 'string' ? doc.name.trim() : '';
  const version = typeof doc.version === 'string' ? doc.version.trim() : '';
  if (!name || !version) return null;
  const info: PackageJsonInfo = { name, version, licenses: npmLicenses(doc.license, doc.licenses) };
  const author = personText(doc.author);
  if (author) info.author = author;
  if (typeof doc.homepage === 'string') info.homepage = doc.homepage;
  if (doc.private === true) info.private = true;
  return info;
}

/** `license` as a string, `{type}`, or an array of either; the legacy `licenses` array of `{type}` objects. */
export function npmLicenses(license: unknown, licenses?: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.push(v.trim());
    else if (isRecord(v) && typeof v.type === 'string') out.push(v.type.trim());
    else if (Array.isArray(v)) v.forEach(add);
  };
  add(license);
  if (out.length === 0) add(licenses);
  return out.filter((l) => l !== '');
}

/** `"Name <email> (url)"` or `{name, email, url}` → `"Name <email> (url)"`. */
function personText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (!isRecord(v)) return undefined;
  const parts: string[] = [];
  if (typeof v.name === 'string' && v.name) parts.push(v.name);
  if (typeof v.email === 'string' && v.email) parts.push(`<${v.email}>`);
  if (typeof v.url === 'string' && v.url) parts.push(`(${v.url})`);
  return parts.length ? parts.join(' ') : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
