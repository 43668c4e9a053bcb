import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeValue, encodeValue } from './codec.js';
import { LAYER_CACHE_FORMAT } from './key.js';

/** What a cache holds at most unless told (`--layer-cache-max-size`). */
export const DEFAULT_LAYER_CACHE_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** The first bytes of every entry. */
const MAGIC = Buffer.from('portcullis layer cache\n', 'ascii');
const ENTRY = /^[0-9a-f]{64}\.layer$/;
const TEMP_PREFIX = '.tmp-';
/** A temporary file older than this was left by a process that died; eviction removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * `layers` in the cache folder the vulnerability database uses: `$PORTCULLIS_CACHE_DIR/layers`, else
 * `$XDG_CACHE_HOME/portcullis/layers`, else `~/.cache/portcullis/layers`.
 */
export function defaultLayerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PORTCULLIS_CACHE_DIR) return join(env.PORTCULLIS_CACHE_DIR, 'layers');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'portcullis', 'layers');
  return join(env.HOME ?? homedir(), '.cache', 'portcullis', 'layers');
}

/** `512M`, `2G`, `1.5GiB`, `1000000` (bytes): a size for `--layer-cache-max-size`; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}

export type CacheLookup = { kind: 'hit'; value: unknown; bytes: number } | { kind: 'absent' } | { kind: 'corrupt'; reason: string };

export interface LayerCacheStats {
  hits: number;
  misses: number;
  /** Entries found but not trusted (corrupt, truncated, foreign), each then read afresh and rewritten. */
  rejected: number;
  written: number;
  bytesRead: number;
  bytesWritten: number;
  evicted: number;
}

/**
 * A folder of layer analyses, one file per key. An entry is a magic line, a JSON header line (format, key, diff_id,
 * body length, sha256 of the body) and the body; it is trusted only when all of them agree. Entries are written to a
 * temporary file and renamed into place, so a reader sees a whole entry or none, whatever other scans do at the
 * same time. Each hit sets the entry's access time; once a scan has written, the least recently used entries are
 * removed until the folder is within `maxBytes`.
 */
export class LayerCache {
  readonly stats: LayerCacheStats = { hits: 0, misses: 0, rejected: 0, written: 0, bytesRead: 0, bytesWritten: 0, evicted: 0 };

  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_LAYER_CACHE_MAX_BYTES,
  ) {}

  pathOf(key: string): string {
    return join(this.dir, `${key}.layer`);
  }

  /** Looks an entry up. An entry that is there but fails a check is `corrupt`, with why; the caller reads the layer. */
  async get(key: string, diffId: string): Promise<CacheLookup> {
    const path = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.stats.misses++;
        return { kind: 'absent' };
      }
      this.stats.rejected++;
      return { kind: 'corrupt', reason: `cannot read ${path} (${(e as Error).message})` };
    }
    const checked = checkEntry(bytes, key, diffId);
    if (typeof checked === 'string') {
      this.stats.rejected++;
      return { kind: 'corrupt', reason: checked };
    }
    let value: unknown;
    try {
      value = decodeValue(checked);
    } catch (e) {
      this.stats.rejected++;
      return { kind: 'corrupt', reason: (e as Error).message };
    }
    this.stats.hits++;
    this.stats.bytesRead += bytes.length;
    // The access time is what eviction goes by (mounts with noatime or relatime would not keep it).
    const now = new Date();
    await stat(path)
      .then((s) => utimes(path, now, s.mtime))
      .catch(() => {});
    return { kind: 'hit', value, bytes: bytes.length };
  }

  /** Writes an entry atomically (temporary file, fsync, rename). Answers the entry's size. Throws UncacheableError for a value the codec refuses. */
  async put(key: string, diffId: string, value: unknown): Promise<number> {
    const body = encodeValue(value);
    const header = Buffer.from(
      `${JSON.stringify({ format: LAYER_CACHE_FORMAT, key, diffId, bodyBytes: body.length, sha256: createHash('sha256').update(body).digest('hex') })}\n`,
      'utf8',
    );
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writev([MAGIC, header, body]);
      await handle.sync();
    } catch (e) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw e;
    }
    await handle.close();
    try {
      await rename(temp, this.pathOf(key));
    } catch (e) {
      await unlink(temp).catch(() => {});
      throw e;
    }
    const size = MAGIC.length + header.length + body.length;
    this.stats.written++;
    this.stats.bytesWritten += size;
    return size;
  }

  /** Every entry with its size and access time, and the total. */
  async list(): Promise<{ entries: { name: string; bytes: number; atimeMs: number }[]; totalBytes: number }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], totalBytes: 0 };
      throw e;
    }
    const entries: { name: string; bytes: number; atimeMs: number }[] = [];
    const now = Date.now();
    for (const name of names) {
      const isEntry = ENTRY.test(name);
      if (!isEntry && !name.startsWith(TEMP_PREFIX)) continue;
      const s = await stat(join(this.dir, name)).catch(() => undefined);
      if (!s?.isFile()) continue;
      if (!isEntry) {
        if (now - s.mtimeMs > STALE_TEMP_MS) await unlink(join(this.dir, name)).catch(() => {});
        continue;
      }
      entries.push({ name, bytes: s.size, atimeMs: s.atimeMs });
    }
    return { entries, totalBytes: entries.reduce((n, e) => n + e.bytes, 0) };
  }

  /**
   * Removes the least recently used entries until the folder holds at most `maxBytes`. An entry another scan is
   * reading stays readable to it (it holds the file open); another scan evicting at the same time is harmless.
   */
  async evict(): Promise<{ removed: number; bytes: number }> {
    const { entries, totalBytes } = await this.list();
    let total = totalBytes;
    let removed = 0;
    let bytes = 0;
    if (total <= this.maxBytes) return { removed, bytes };
    entries.sort((a, b) => a.atimeMs - b.atimeMs || (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      try {
        await unlink(join(this.dir, e.name));
        removed++;
        bytes += e.bytes;
      } catch {
        // gone already (another scan evicted it)
      }
      total -= e.bytes;
    }
    this.stats.evicted += removed;
    return { removed, bytes };
  }
}

/** The body of a well-formed entry for `key` and `diffId`, or why it is not one. */
function checkEntry(bytes: Buffer, key: string, diffId: string): Buffer | string {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'not a Portcullis layer-cache entry';
  const eol = bytes.indexOf(0x0a, MAGIC.length);
  if (eol < 0) return 'truncated header';
  let header: { format?: unknown; key?: unknown; diffId?: unknown; bodyBytes?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length, eol)) as typeof header;
  } catch {
    return 'unreadable header';
  }
  if (header === null || typeof header !== 'object') return 'unreadable header';
  if (header.format !== LAYER_CACHE_FORMAT) return `cache format ${String(header.format)}, not ${LAYER_CACHE_FORMAT}`;
  if (header.key !== key || header.diffId !== diffId) return 'the entry is for another layer or analysis';
  const body = bytes.subarray(eol + 1);
  if (body.length !== header.bodyBytes) return `truncated or padded: the header says ${String(header.bodyBytes)} bytes, the body has ${body.length}`;
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return 'checksum mismatch';
  return body;
}
