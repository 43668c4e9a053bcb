/**
 * A bare path given as an image (`portcullis scan app.tar`): what it is, from its content, not its name. A tar with
 * `manifest.json` is `docker save` output (Docker ≥ 25's has an OCI layout beside it, and the docker-archive reader
 * reads both, keeping the repo tags); a tar with `index.json` or `oci-layout` and no `manifest.json` is an OCI archive;
 * a directory with them is an OCI layout. What is plainly a path but none of these gets an error that names the
 * scheme to use; anything else is left to the bare-name lookup (daemon, then registry).
 */

import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { ConfigurationError } from '../common/errors.js';
import { createDecompressor, sniffCompression } from './decompress.js';
import { TarParser } from './tar/tar-parser.js';

export type SniffedScheme = 'docker-archive' | 'oci-archive' | 'oci-dir';

const MARKERS = new Set(['manifest.json', 'index.json', 'oci-layout']);

/** Looks like a path to a file rather than an image name: a slash, a leading dot, or an archive's extension. */
function looksLikePath(location: string): boolean {
  return location.includes('/') || location.startsWith('.') || /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd|oci)$/i.test(location);
}

const topLevel = (name: string): string | undefined => {
  const n = name.replace(/^\.\//, '');
  return MARKERS.has(n) ? n : undefined;
};

/** The top-level marker files of an uncompressed tar, by walking its headers (data is skipped, not read). */
async function tarMarkers(path: string): Promise<Set<string> | undefined> {
  const fh = await open(path, 'r');
  try {
    const found = new Set<string>();
    const header = Buffer.alloc(512);
    let offset = 0;
    let longName: string | undefined;
    for (let i = 0; i < 1_000_000; i++) {
      const { bytesRead } = await fh.read(header, 0, 512, offset);
      if (bytesRead < 512) return i === 0 ? undefined : found;
      if (header.every((b) => b === 0)) break;
      if (i === 0 && header.toString('latin1', 257, 262) !== 'ustar' && !validChecksum(header)) return undefined;
      const typeflag = String.fromCharCode(header[156]!);
      const size = octal(header.subarray(124, 136));
      if (size === undefined) return i === 0 ? undefined : found;
      const dataStart = offset + 512;
      let name = cString(header, 0, 100);
      const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
      if (prefix) name = `${prefix}/${name}`;
      if (typeflag === 'L') {
        const buf = Buffer.alloc(Math.min(size, 4096));
        await fh.read(buf, 0, buf.length, dataStart);
        longName = cString(buf, 0, buf.length);
      } else if (typeflag !== 'x' && typeflag !== 'g') {
        const m = topLevel(longName ?? name);
        if (m) found.add(m);
        longName = undefined;
      }
      offset = dataStart + Math.ceil(size / 512) * 512;
    }
    return found;
  } finally {
    await fh.close();
  }
}

/** The top-level marker files of a compressed tar, streaming it through the decompressor and the tar parser. */
async function streamedMarkers(path: string, compression: 'gzip' | 'zstd'): Promise<Set<string> | undefined> {
  const found = new Set<string>();
  const parser = new TarParser((h) => {
    const m = topLevel(h.name);
    if (m) found.add(m);
    return null;
  });
  const input = createReadStream(path).pipe(createDecompressor(compression)!);
  try {
    for await (const chunk of input) {
      parser.push(chunk as Buffer);
      if (parser.done) break;
    }
  } catch {
    return found.size ? found : undefined;
  } finally {
    input.destroy();
  }
  return found;
}

function validChecksum(h: Buffer): boolean {
  const stored = octal(h.subarray(148, 156));
  if (stored === undefined) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === stored;
}

function octal(field: Buffer): number | undefined {
  if (field[0]! & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

function schemeOf(markers: Set<string>): SniffedScheme | undefined {
  if (markers.has('manifest.json')) return 'docker-archive';
  if (markers.has('index.json') || markers.has('oci-layout')) return 'oci-archive';
  return undefined;
}

const SCHEMES_HINT = 'docker-archive:PATH (docker save), oci-archive:PATH (a tar of an OCI layout) or oci-dir:PATH (an OCI layout directory)';

/**
 * The scheme a bare location should be read with, when it is a path to an image on disk; undefined when it is not a
 * path (a bare image name). A path that is no image Portcullis can read is a ConfigurationError that says what to do.
 */
export async function sniffImagePath(location: string): Promise<SniffedScheme | undefined> {
  let st;
  try {
    st = await stat(location);
  } catch {
    if (!location.includes(':') && /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd)$/i.test(location)) {
      throw new ConfigurationError(`${location} does not exist (an image archive is read as ${SCHEMES_HINT})`);
    }
    return undefined;
  }
  if (st.isDirectory()) {
    const has = async (name: string) => stat(`${location}/${name}`).then(() => true, () => false);
    if ((await has('index.json')) || (await has('oci-layout'))) return 'oci-dir';
    if (!looksLikePath(location)) return undefined;
    throw new ConfigurationError(`${location} is a directory but not an OCI image layout (no index.json or oci-layout); use ${SCHEMES_HINT}`);
  }
  if (!st.isFile()) return undefined;
  const head = Buffer.alloc(4);
  const fh = await open(location, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const compression = sniffCompression(head);
  if (compression !== 'none') {
    const scheme = schemeOf((await streamedMarkers(location, compression)) ?? new Set());
    const tool = compression === 'gzip' ? 'gunzip -k' : 'zstd -d';
    throw new ConfigurationError(
      scheme
        ? `${location} is a ${compression}-compressed ${scheme === 'docker-archive' ? 'docker archive' : 'OCI archive'}; image archives are read uncompressed: run "${tool} ${location}" and scan ${scheme}:${location.replace(/\.(gz|tgz|zst|zstd)$/i, (e) => (e.toLowerCase() === '.tgz' ? '.tar' : ''))}`
        : `${location} is ${compression}-compressed and not an image archive; decompress it, then use ${SCHEMES_HINT}`,
    );
  }
  const markers = await tarMarkers(location);
  const scheme = markers ? schemeOf(markers) : undefined;
  if (scheme) return scheme;
  if (!looksLikePath(location)) return undefined;
  throw new ConfigurationError(`${location} is ${markers ? 'a tar without manifest.json, index.json or oci-layout' : 'not a tar file'}, so not an image archive; use ${SCHEMES_HINT}, or sbom:PATH for an SBOM`);
}
