import { ConfigurationError } from '../common/errors.js';
import type { ImageReference } from './source.js';

const SCHEME = /^([a-z][a-z0-9-]*):(.*)$/s;

/**
 * Splits `scheme:location`. A string whose prefix is not one of the known schemes is a bare image name
 * (`alpine:3.20`, `localhost:5000/app:1`), which tries the daemon first and then the registry.
 */
export function parseReference(raw: string, knownSchemes: readonly string[]): ImageReference {
  const input = raw.trim();
  if (input === '') throw new ConfigurationError('empty image reference');
  const m = SCHEME.exec(input);
  if (m && knownSchemes.includes(m[1]!)) {
    if (m[2] === '') throw new ConfigurationError(`image reference "${raw}" has no location after "${m[1]}:"`);
    return { raw, scheme: m[1]!, location: m[2]! };
  }
  return { raw, scheme: undefined, location: input };
}

/**
 * For `oci-dir:PATH[:REF]` and `oci-archive:PATH[:REF]`: the path, and the ref after the last colon when the whole
 * location is not itself an existing path.
 */
export function splitPathAndRef(location: string, exists: (p: string) => boolean): { path: string; ref?: string } {
  if (exists(location)) return { path: location };
  // The path is the longest prefix, ending before a colon, that exists; the rest is the ref (which may itself
  // hold a colon, as a docker-archive's `repo:tag` does).
  for (let i = location.lastIndexOf(':'); i > 0; i = location.lastIndexOf(':', i - 1)) {
    if (exists(location.slice(0, i))) return { path: location.slice(0, i), ref: location.slice(i + 1) };
  }
  const i = location.lastIndexOf(':');
  if (i > 0 && !location.slice(i + 1).includes('/')) return { path: location.slice(0, i), ref: location.slice(i + 1) };
  return { path: location };
}
