import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ImageError } from '../../common/errors.js';
import type { ImageMetadata, LayerInfo, Platform } from '../../model/index.js';
import { checkLayerAgainst, fromDockerManifest, fromOciLayout, SMALL_ENTRY, type ArchiveReadResult, type LayerResultFn } from '../archive-reader.js';
import { sniffCompression, type Compression } from '../decompress.js';
import type { RequestMatcher } from '../file-request.js';
import type { LayerCacheSession } from '../layer-cache/session.js';
import { readLayer, type LayerReadResult } from '../layer-reader.js';
import { normalizeEntryName, resolveLinkTarget } from '../paths.js';
import type { ImageArchive } from '../source.js';
import { TarFormatError, TarParser } from '../tar/tar-parser.js';

/**
 * An image archive that is a regular file on disk (`docker-archive:`, `oci-archive:`, a bare path): with a layer
 * cache, it is read by offsets (its members indexed from their headers alone) instead of streamed whole.
 */
export const ARCHIVE_FILE = Symbol('portcullis.archive-file');

/** The path of an archive file, when the archive is one. */
export function archiveFileOf(opened: ImageArchive): string | undefined {
  const path = (opened as ImageArchive & { [ARCHIVE_FILE]?: string })[ARCHIVE_FILE];
  return typeof path === 'string' ? path : undefined;
}

/** Bytes read from archive files by this module (headers, JSON members, layer bodies), for tests and benchmarks. */
let bytesReadTotal = 0;
export function archiveBytesRead(): number {
  return bytesReadTotal;
}

/** Where one regular-file member's body lies in the archive. */
export interface ArchiveMember {
  offset: number;
  size: number;
}

export interface ArchiveIndex {
  members: Map<string, ArchiveMember>;
  /** Symlinks and hardlinks between members (normalised names), as the streaming reader resolves them. */
  links: Map<string, string>;
  size: number;
}

const BLOCK = 512;
const ZEROS = Buffer.alloc(1 << 20);

/**
 * Indexes an uncompressed tar file by reading only its headers (and its PAX / GNU long-name records) through the
 * project's TarParser; each member's body is skipped, not read: the parser is advanced over it with zeros it never
 * hands to anyone. Undefined when the file is not a plain tar this index can stand for (compressed, truncated, corrupt,
 * a name stored twice): the caller then streams it as before, which gives the same errors as ever.
 */
export function indexArchiveFile(fd: number): ArchiveIndex | undefined {
  const size = fstatSync(fd).size;
  const members = new Map<string, ArchiveMember>();
  const links = new Map<string, string>();
  const block = Buffer.alloc(BLOCK);
  let pos = 0;
  let skip = 0;
  let usable = true;
  const parser = new TarParser((h) => {
    skip = h.size + ((BLOCK - (h.size % BLOCK)) % BLOCK);
    const name = normalizeEntryName(h.name);
    if (name === null) return null;
    if (members.has(name) || links.has(name)) usable = false;
    if (h.type === 'symlink' || h.type === 'hardlink') {
      const target = h.type === 'symlink' ? resolveLinkTarget(name, h.linkname) : normalizeEntryName(h.linkname);
      if (target) links.set(name, target);
    } else if (h.type === 'file') members.set(name, { offset: pos, size: h.size });
    return null;
  });
  try {
    while (!parser.done && usable) {
      const n = readSync(fd, block, 0, BLOCK, pos);
      bytesReadTotal += n;
      if (n === 0) break;
      pos += n;
      parser.push(n === BLOCK ? block : block.subarray(0, n));
      if (skip > 0) {
        if (pos + skip > size) return undefined; // a body past the end: the streaming read reports the truncation
        for (let left = skip; left > 0; left -= ZEROS.length) parser.push(left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left));
        pos += skip;
        skip = 0;
      }
    }
    parser.end();
  } catch (e) {
    if (e instanceof TarFormatError) return undefined;
    throw e;
  }
  return usable && members.size > 0 ? { members, links, size } : undefined;
}

export interface IndexedReadOptions {
  label: string;
  reference: string;
  source: string;
  refName?: string;
  platform: Platform;
  matcher: RequestMatcher;
  maxFileBytes: number;
  signal?: AbortSignal;
}

export interface IndexedReadResult extends ArchiveReadResult {
  /** Indexes (in manifest order) of the layers answered by the cache, their bodies unread. */
  cached: Set<number>;
}

/**
 * Reads an archive file with a layer cache: its members are indexed from their headers, manifest.json / index.json
 * and the config are read from their offsets and checked as the streaming reader checks them (the same code), each
 * layer is looked up by its diff_id, and only the layers the cache lacks are read (by offset range; digest, size and
 * diff_id verified) and written to it. Undefined when the file cannot be read so (see indexArchiveFile): stream it.
 */
export async function readIndexedArchive(path: string, session: LayerCacheSession, options: IndexedReadOptions): Promise<IndexedReadResult | undefined> {
  const fd = openSync(path, 'r');
  try {
    const index = indexArchiveFile(fd);
    if (!index) return undefined;
    const resolveName = (name: string): string => {
      let n = name;
      for (let i = 0; i < 16 && index.links.has(n); i++) n = index.links.get(n)!;
      return n;
    };
    const small = new SmallMembers(fd, index);
    const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
    const useOci = isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive');
    if (!useOci && !small.has('/manifest.json')) return undefined; // not an image archive: the streaming read says so

    const cached = new Set<number>();
    const layerResult: LayerResultFn = async (entryName, expect, i) => {
      const name = resolveName(normalizeEntryName(entryName) ?? entryName);
      const label = `${options.label}: layer ${i} (${entryName})`;
      const member = index.members.get(name);
      if (!member) throw new ImageError(`${options.label}: layer ${i} (${entryName}) is missing from the archive`);
      const compression = sniffMember(fd, member);
      // The blob's digest, known without reading it: named by the manifest (OCI, Docker ≥25), or for an uncompressed
      // layer (legacy `docker save`) its diff_id.
      const digest = expect.digest ?? (compression === 'none' ? expect.diffId : undefined);
      const layer: LayerInfo = { index: i, digest: digest ?? '', diffId: expect.diffId, mediaType: mediaTypeOf(compression), size: member.size };
      if (digest !== undefined && (expect.size === undefined || expect.size === member.size)) {
        const hit = await session.lookup(layer);
        if (hit && (compression !== 'none' || hit.tarBytes === member.size)) {
          cached.add(i);
          return hit;
        }
      }
      const result = await readLayer(memberStream(path, member), {
        ...(member.size <= SMALL_ENTRY && expect.digest ? { expectedDigest: expect.digest } : { digestAlgorithm: name.startsWith('/blobs/sha512/') ? ('sha512' as const) : ('sha256' as const) }),
        matcher: options.matcher,
        maxFileBytes: options.maxFileBytes,
        label,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      checkLayerAgainst(expect, result, label);
      session.save({ ...layer, digest: result.digest, size: result.storedBytes }, result);
      return result;
    };
    const readOptions = {
      label: options.label,
      reference: options.reference,
      source: options.source,
      ...(options.refName !== undefined ? { refName: options.refName } : {}),
      platform: options.platform,
      matcher: options.matcher,
      maxFileBytes: options.maxFileBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const read: { metadata: ImageMetadata; layers: LayerReadResult[] } = useOci ? await fromOciLayout(small, resolveName, layerResult, readOptions) : await fromDockerManifest(small, resolveName, layerResult, readOptions);
    return { ...read, cached };
  } finally {
    closeSync(fd);
  }
}

/**
 * The archive's small members (at most SMALL_ENTRY bytes, as the streaming reader keeps them), read from their
 * offsets when first asked for: the JSON documents the manifest code looks up, never a layer it does not ask for.
 */
class SmallMembers extends Map<string, Buffer> {
  readonly #fd: number;
  readonly #index: ArchiveIndex;

  constructor(fd: number, index: ArchiveIndex) {
    super();
    this.#fd = fd;
    this.#index = index;
  }

  override has(name: string): boolean {
    const m = this.#index.members.get(name);
    return m !== undefined && m.size <= SMALL_ENTRY;
  }

  override get(name: string): Buffer | undefined {
    if (super.has(name)) return super.get(name);
    const m = this.#index.members.get(name);
    if (!m || m.size > SMALL_ENTRY) return undefined;
    const buf = Buffer.alloc(m.size);
    let filled = 0;
    while (filled < m.size) {
      const n = readSync(this.#fd, buf, filled, m.size - filled, m.offset + filled);
      if (n === 0) throw new ImageError(`archive member ${name.slice(1)} ends early`);
      filled += n;
    }
    bytesReadTotal += filled;
    super.set(name, buf);
    return buf;
  }
}

/** The compression of a member, from its first 4 bytes (all that is read of a cached layer). */
function sniffMember(fd: number, member: ArchiveMember): Compression {
  const head = Buffer.alloc(Math.min(4, member.size));
  const n = head.length > 0 ? readSync(fd, head, 0, head.length, member.offset) : 0;
  bytesReadTotal += n;
  return sniffCompression(head.subarray(0, n));
}

function mediaTypeOf(compression: Compression): string {
  return compression === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : compression === 'zstd' ? 'application/vnd.oci.image.layer.v1.tar+zstd' : 'application/vnd.oci.image.layer.v1.tar';
}

/** A member's body as a stream, counted. */
function memberStream(path: string, member: ArchiveMember): Readable {
  if (member.size === 0) return Readable.from([Buffer.alloc(0)]);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024, start: member.offset, end: member.offset + member.size - 1 });
  return Readable.from(
    (async function* counted() {
      for await (const chunk of stream) {
        bytesReadTotal += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    })(),
    { objectMode: false },
  );
}
