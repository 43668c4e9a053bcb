/** Parsing of an installed package's `package.json`. */
import { ImageError } from '../../common/errors.js';
import { parseJson } from '../../common/json.js';

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
 * manifest such as `{"type": "module"}` inside a package). Throws an ImageError on text that is not JSON (or is
 * nested too deeply to walk safely) and an Error on JSON that is not an object.
 */
export function parsePackageJson(text: string): PackageJsonInfo | null {
  const doc = parseJson(text, { what: 'package.json', errorClass: ImageError });
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

/**
 * `license` as a string, `{type}`, or an array of either; the legacy `licenses` array of `{type}` objects. Arrays
 * are read one level deep (no manifest nests them), so a value of any shape is walked without recursion.
 */
export function npmLicenses(license: unknown, licenses?: unknown): string[] {
  const out: string[] = [];
  const one = (v: unknown): void => {
    if (typeof v === 'string') out.push(v.trim());
    else if (isRecord(v) && typeof v.type === 'string') out.push(v.type.trim());
  };
  const add = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(one);
    else one(v);
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
