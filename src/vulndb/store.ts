import { closeSync, existsSync, fstatSync, writeSync, linkSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import { storedLocation } from './http.js';
import { baseEcosystem, slimRecord, type OsvRecord } from './osv.js';
import { enrichmentKey, mergeEnrichment, type Enrichment, type EnrichmentLookup, type EnrichmentRecord } from './enrichment.js';
import { packageKey } from './names.js';
import { ENRICHMENT_KINDS, type SkippedInput, type SourceBatch, type SourceState } from './provider.js';

/**
 * The local vulnerability database.
 *
 * Layout, under `<cache dir>/vulndb/`:
 * - `CURRENT`: the name of the live database folder. It is replaced by a rename, so a reader sees either the old
 *   database or the new one, and a failed update leaves the old one live;
 * - `db-XXXXXX/metadata.json`: schema version, and per source its provider, location, fetch time, validators,
 *   record counts (in all and per ecosystem) and skipped inputs;
 * - `db-XXXXXX/s<n>.jsonl`: one source's records, one minified OSV record a line (`details` and `credits` dropped);
 *   for an enrichment source (NVD, KEV, EPSS), one `EnrichmentRecord` a line;
 * - `db-XXXXXX/s<n>.idx.json`: `{ "<ecosystem>\0<name>": [offset, length, offset, length, …] }` into that file
 *   (for an enrichment source, `{ "id\0<CVE id>": [offset, length] }`), split in hashed buckets behind a header
 *   line so that a lookup parses one bucket (see SegmentIndex).
 *
 * Opening reads the metadata and the index headers only; a bucket of an index, and a record, are read and parsed
 * when a package asks for them.
 */
export const DB_SCHEMA_VERSION = 1;
export const DEFAULT_MAX_AGE_DAYS = 7;
const SKIPPED_EXAMPLES = 20;

export interface SegmentMeta extends SourceState {
  /** OSV records, or for an enrichment source (nvd, kev, epss) the ids it has data for. */
  records: number;
  /** Records per affected ecosystem (`Debian:12`, `npm`). */
  ecosystems: Record<string, number>;
  skipped: number;
  skippedExamples: SkippedInput[];
  data: string;
  index: string;
  bytes: number;
}

export interface DatabaseMetadata {
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  segments: SegmentMeta[];
  /** Set when the database was unpacked from a compiled file (`db update --db-repository`, `openCompiled`). */
  compiled?: CompiledOrigin;
}

/** Where a database unpacked from a compiled file came from. */
export interface CompiledOrigin {
  builtAt: string;
  /** sha256 of the compiled file's content (its own checksum). */
  checksum: string;
  /** `registry/repository:tag` it was pulled from, the manifest's and the layer's digests. */
  repository?: string;
  manifestDigest?: string;
  layerDigest?: string;
}

/** `$PORTCULLIS_CACHE_DIR`, else `$XDG_CACHE_HOME/portcullis`, else `~/.cache/portcullis`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PORTCULLIS_CACHE_DIR) return env.PORTCULLIS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'portcullis');
  return join(env.HOME ?? homedir(), '.cache', 'portcullis');
}

/** The folder the database lives in, inside the cache dir: what the Action caches between runs. */
export function dbRoot(cacheDir: string): string {
  return join(cacheDir, 'vulndb');
}

function currentDir(cacheDir: string): string | undefined {
  const pointer = join(dbRoot(cacheDir), 'CURRENT');
  if (!existsSync(pointer)) return undefined;
  const name = readFileSync(pointer, 'utf8').trim();
  if (!/^db-[A-Za-z0-9_-]+$/.test(name)) throw new ConfigurationError(`The vulnerability database pointer ${pointer} is corrupt; run "portcullis db update"`);
  return join(dbRoot(cacheDir), name);
}

/** The live database's metadata, or undefined when there is none yet. */
export function readMetadata(cacheDir: string): DatabaseMetadata | undefined {
  const dir = currentDir(cacheDir);
  if (!dir) return undefined;
  let meta: DatabaseMetadata;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as DatabaseMetadata;
  } catch (error) {
    throw new ConfigurationError(`The vulnerability database in ${dir} is unreadable (${getErrorMessage(error)}); run "portcullis db update"`);
  }
  if (meta.schemaVersion !== DB_SCHEMA_VERSION) {
    throw new ConfigurationError(
      `The vulnerability database in ${dir} has schema version ${meta.schemaVersion}, this Portcullis reads ${DB_SCHEMA_VERSION}; run "portcullis db update"`,
    );
  }
  return meta;
}

/** A record as read from the database, with the source it came from. */
export interface StoredRecord {
  record: OsvRecord;
  source: SegmentMeta;
}

interface OpenSegment {
  meta: SegmentMeta;
  path: string;
  fd?: number;
  index?: SegmentIndex;
}

type Hit = { seg: number; offset: number; length: number };

/**
 * A segment's index, read lazily. Version 2 (what `writeSegment` writes): a header line
 * `{"v":2,"buckets":N,"keys":K,"offsets":[…N+1 numbers]}`, then N JSON objects `{key: [offset, length, …]}`, one per
 * bucket (`bucketOf(key, N)`), at those offsets after the header line. Opening the database reads the headers only;
 * a lookup parses the one bucket its key falls in, so open time and memory follow what a scan asks for, not the
 * size of the data. Version 1 (one JSON object, databases written before) is read as a single bucket.
 */
class SegmentIndex {
  readonly #buckets = new Map<number, Record<string, number[]>>();
  private constructor(
    readonly path: string,
    readonly bucketCount: number,
    private readonly offsets: readonly number[],
    private readonly base: number,
    private readonly fd: number,
  ) {}

  static open(path: string): SegmentIndex {
    const fd = openSync(path, 'r');
    // Version 2 starts with its header line; anything else is a version 1 index, read as one bucket.
    let buf = Buffer.alloc(0);
    let nl = -1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(65536);
      const n = readSync(fd, chunk, 0, chunk.length, buf.length);
      buf = Buffer.concat([buf, chunk.subarray(0, n)]);
      if (buf.length >= 6 && buf.subarray(0, 6).toString() !== '{"v":2') break;
      nl = buf.indexOf(0x0a);
      if (nl >= 0) break;
      if (n === 0) {
        if (buf.length >= 6) throw new Error(`${path}: truncated index header`);
        break;
      }
    }
    if (nl < 0) return new SegmentIndex(path, 1, [0, fstatSync(fd).size], 0, fd);
    const header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as { v: 2; buckets: number; keys: number; offsets: number[] };
    return new SegmentIndex(path, header.buckets, header.offsets, nl + 1, fd);
  }

  /** The `[offset, length, …]` list of one key, or undefined. */
  get(key: string): number[] | undefined {
    return this.#bucket(this.bucketCount === 1 ? 0 : bucketOf(key, this.bucketCount))[key];
  }

  /** Every key (loads every bucket: for diagnostics and counts, not for scans). */
  allKeys(): string[] {
    const out: string[] = [];
    for (let b = 0; b < this.bucketCount; b++) out.push(...Object.keys(this.#bucket(b)));
    return out;
  }

  #bucket(b: number): Record<string, number[]> {
    let m = this.#buckets.get(b);
    if (!m) {
      const start = this.offsets[b]!;
      const length = this.offsets[b + 1]! - start;
      const buf = Buffer.allocUnsafe(length);
      readSync(this.fd, buf, 0, length, this.base + start);
      m = length === 0 ? {} : (JSON.parse(buf.toString('utf8')) as Record<string, number[]>);
      this.#buckets.set(b, m);
    }
    return m;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** FNV-1a of the key's UTF-16 code units, modulo the bucket count: the same in the writer and the reader. */
function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/** About 256 keys a bucket, at most 4,096 buckets. */
function bucketCountFor(keys: number): number {
  return Math.max(1, Math.min(4096, Math.ceil(keys / 256)));
}

/** Serialises an index in version 2 (see SegmentIndex). */
function serialiseIndex(index: Record<string, number[]>): string {
  const keys = Object.keys(index).sort();
  const n = bucketCountFor(keys.length);
  const buckets: Record<string, number[]>[] = Array.from({ length: n }, () => ({}));
  for (const k of keys) buckets[bucketOf(k, n)]![k] = index[k]!;
  const bodies = buckets.map((b) => JSON.stringify(b));
  const offsets = [0];
  for (const body of bodies) offsets.push(offsets.at(-1)! + Buffer.byteLength(body));
  return `${JSON.stringify({ v: 2, buckets: n, keys: keys.length, offsets })}\n${bodies.join('')}`;
}

export class VulnerabilityDatabase implements EnrichmentLookup {
  readonly #segments: OpenSegment[];
  readonly #recordSegs: number[] = [];
  readonly #enrichSegs: number[] = [];
  readonly #cache = new Map<string, OsvRecord>();

  private constructor(
    readonly dir: string,
    readonly metadata: DatabaseMetadata,
  ) {
    this.#segments = metadata.segments.map((meta) => ({ meta, path: join(dir, meta.data) }));
    metadata.segments.forEach((meta, seg) => {
      this.#segments[seg]!.index = SegmentIndex.open(join(dir, meta.index));
      (ENRICHMENT_KINDS.has(meta.kind) ? this.#enrichSegs : this.#recordSegs).push(seg);
    });
  }

  #hits(segs: readonly number[], key: string): Hit[] {
    const out: Hit[] = [];
    for (const seg of segs) {
      const pairs = this.#segments[seg]!.index!.get(key);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) out.push({ seg, offset: pairs[i]!, length: pairs[i + 1]! });
    }
    return out;
  }

  #distinctKeys(segs: readonly number[]): number {
    const keys = new Set<string>();
    for (const seg of segs) for (const k of this.#segments[seg]!.index!.allKeys()) keys.add(k);
    return keys.size;
  }

  /** Opens the live database; a missing one is a ConfigurationError that says how to make one. */
  static open(cacheDir: string): VulnerabilityDatabase {
    const meta = readMetadata(cacheDir);
    const dir = currentDir(cacheDir);
    if (!meta || !dir) throw new ConfigurationError(`No vulnerability database in ${cacheDir}; run "portcullis db update" or "portcullis db import PATH"`);
    return new VulnerabilityDatabase(dir, meta);
  }

  /** Number of distinct (ecosystem, name) keys in the index. */
  get keyCount(): number {
    return this.#distinctKeys(this.#recordSegs);
  }

  /** Every record naming this package in this ecosystem (`Debian:12`, `npm`), from every source. */
  lookup(ecosystem: string, name: string): StoredRecord[] {
    const hits = this.#hits(this.#recordSegs, packageKey(ecosystem, name));
    if (hits.length === 0) return [];
    return hits.map((h) => {
      const seg = this.#segments[h.seg]!;
      const cacheKey = `${h.seg}:${h.offset}`;
      let record = this.#cache.get(cacheKey);
      if (!record) {
        record = JSON.parse(this.#read(h.seg, h.offset, h.length)) as OsvRecord;
        this.#cache.set(cacheKey, record);
      }
      return { record, source: seg.meta };
    });
  }

  /** NVD, KEV and EPSS data for one id (CVE), merged over the enrichment sources; undefined when none has it. */
  enrichment(id: string): Enrichment | undefined {
    const hits = this.#hits(this.#enrichSegs, enrichmentKey(id));
    if (hits.length === 0) return undefined;
    let out: Enrichment | undefined;
    for (const h of hits) {
      const { id: _id, ...rest } = JSON.parse(this.#read(h.seg, h.offset, h.length)) as EnrichmentRecord;
      out = mergeEnrichment(out, rest);
    }
    return out;
  }

  /** Number of ids with enrichment data. */
  get enrichmentCount(): number {
    return this.#distinctKeys(this.#enrichSegs);
  }

  #read(seg: number, offset: number, length: number): string {
    const s = this.#segments[seg]!;
    s.fd ??= openSync(s.path, 'r');
    const buf = Buffer.allocUnsafe(length);
    readSync(s.fd, buf, 0, length, offset);
    return buf.toString('utf8');
  }

  close(): void {
    for (const s of this.#segments) {
      if (s.fd !== undefined) closeSync(s.fd);
      delete s.fd;
      s.index?.close();
      delete s.index;
    }
  }
}

export interface WriteResult {
  metadata: DatabaseMetadata;
  dir: string;
}

/**
 * Writes a new database from the previous one and a set of fetched sources, then makes it live. A source in
 * `batches` replaces the stored source with the same id (a not-modified batch keeps its records and takes the new
 * fetch time); every other stored source is kept. Any failure removes the half-written folder and leaves the
 * previous database live.
 */
export function writeDatabase(cacheDir: string, batches: readonly SourceBatch[], now: Date = new Date()): WriteResult {
  const root = dbRoot(cacheDir);
  mkdirSync(root, { recursive: true });
  const previousDir = currentDir(cacheDir);
  const previous = previousDir ? readMetadata(cacheDir) : undefined;
  const dir = mkdtempSync(join(root, 'db-'));
  try {
    const segments: SegmentMeta[] = [];
    const byId = new Map(batches.map((b) => [b.id, b]));
    let n = 0;
    const reuse = (old: SegmentMeta, state: SourceState): void => {
      if (!previousDir) throw new Error(`no previous database for ${old.id}`);
      const data = `s${n}.jsonl`;
      const index = `s${n}.idx.json`;
      n++;
      linkOrCopy(join(previousDir, old.data), join(dir, data));
      linkOrCopy(join(previousDir, old.index), join(dir, index));
      segments.push({ ...old, ...state, data, index });
    };
    for (const old of previous?.segments ?? []) {
      const batch = byId.get(old.id);
      if (!batch) reuse(old, stateOf(old));
      else if (batch.notModified) {
        reuse(old, stateOf(batch));
        byId.delete(old.id);
      }
    }
    for (const batch of byId.values()) {
      if (batch.notModified) throw new Error(`${batch.id}: "not modified" but there is no stored copy`);
      segments.push(writeSegment(dir, `s${n++}`, batch));
    }
    const metadata: DatabaseMetadata = {
      schemaVersion: DB_SCHEMA_VERSION,
      createdAt: previous?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      segments,
    };
    writeFileSync(join(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
    activateDatabase(cacheDir, dir);
    return { metadata, dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A new, empty database folder beside the live one (made live by `activateDatabase`, or removed by the caller). */
export function newDatabaseDir(cacheDir: string): string {
  const root = dbRoot(cacheDir);
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, 'db-'));
}

/** Makes a complete database folder (inside the db root) live by replacing `CURRENT`, then removes the previous one. */
export function activateDatabase(cacheDir: string, dir: string): void {
  const root = dbRoot(cacheDir);
  const previousDir = currentDir(cacheDir);
  const tmpPointer = join(root, `CURRENT.${process.pid}.${basename(dir)}`);
  writeFileSync(tmpPointer, `${basename(dir)}\n`);
  renameSync(tmpPointer, join(root, 'CURRENT'));
  if (previousDir && previousDir !== dir) rmSync(previousDir, { recursive: true, force: true });
}

function stateOf(s: SourceState): SourceState {
  return {
    id: s.id,
    provider: s.provider,
    kind: s.kind,
    location: storedLocation(s.location),
    fetchedAt: s.fetchedAt,
    ...(s.etag ? { etag: s.etag } : {}),
    ...(s.lastModified ? { lastModified: s.lastModified } : {}),
    ...(s.highWater ? { highWater: s.highWater } : {}),
  };
}

/** Every stored record of one source of the live database (as stored: slimmed), or undefined when it is not there. */
export function readSourceRecords(cacheDir: string, id: string): OsvRecord[] | undefined {
  const meta = readMetadata(cacheDir);
  const dir = currentDir(cacheDir);
  const seg = meta?.segments.find((s) => s.id === id);
  if (!dir || !seg || ENRICHMENT_KINDS.has(seg.kind)) return undefined;
  const text = readFileSync(join(dir, seg.data), 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as OsvRecord);
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function writeSegment(dir: string, stem: string, batch: Extract<SourceBatch, { notModified: false }>): SegmentMeta {
  const index: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  const ecosystems: Record<string, number> = {};
  const data = `${stem}.jsonl`;
  const indexName = `${stem}.idx.json`;
  // Lines go to the file in chunks of about 1 MiB: the segment is never held whole as one string.
  const fd = openSync(join(dir, data), 'w');
  let offset = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  const put = (line: string, keys: Iterable<string>): void => {
    const length = Buffer.byteLength(line);
    for (const key of keys) (index[key] ??= []).push(offset, length);
    pending.push(line, '\n');
    pendingBytes += length + 1;
    offset += length + 1;
    if (pendingBytes >= 1 << 20) flush();
  };
  try {
    for (const e of ENRICHMENT_KINDS.has(batch.kind) ? (batch.enrichments ?? []) : []) put(JSON.stringify(e), [enrichmentKey(e.id)]);
    for (const record of ENRICHMENT_KINDS.has(batch.kind) ? [] : batch.records) {
      const keys = new Set<string>();
      const ecos = new Set<string>();
      for (const a of record.affected ?? []) {
        if (!a.package?.ecosystem || !a.package.name) continue;
        keys.add(packageKey(a.package.ecosystem, a.package.name));
        ecos.add(a.package.ecosystem);
      }
      put(JSON.stringify(slimRecord(record)), keys);
      for (const e of ecos) ecosystems[e] = (ecosystems[e] ?? 0) + 1;
    }
    flush();
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(dir, indexName), serialiseIndex(index));
  return {
    ...stateOf(batch),
    records: ENRICHMENT_KINDS.has(batch.kind) ? (batch.enrichments?.length ?? 0) : batch.records.length,
    ecosystems,
    skipped: batch.skipped.length,
    skippedExamples: batch.skipped.slice(0, SKIPPED_EXAMPLES),
    data,
    index: indexName,
    bytes: offset,
  };
}

/** The ecosystems a source covers, by bucket name (`Debian`, `npm`). */
export function sourceEcosystems(meta: SegmentMeta): string[] {
  return [...new Set(Object.keys(meta.ecosystems).map(baseEcosystem))].sort();
}

/** Age and staleness of the data: the age of the oldest source's fetch time, in whole days. */
export function dataStatus(
  meta: DatabaseMetadata | undefined,
  options: { maxAgeDays?: number; now?: Date; offline?: boolean } = {},
): { sources: { id: string; fetchedAt?: string; records: number }[]; ageDays?: number; stale: boolean; offline: boolean } {
  const now = options.now ?? new Date();
  const maxAge = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const sources = (meta?.segments ?? []).map((s) => ({ id: s.id, fetchedAt: s.fetchedAt, records: s.records }));
  const times = sources.map((s) => Date.parse(s.fetchedAt)).filter((t) => !Number.isNaN(t));
  const oldest = times.length ? Math.min(...times) : undefined;
  const ageDays = oldest === undefined ? undefined : Math.floor((now.getTime() - oldest) / 86_400_000);
  return { sources, ...(ageDays !== undefined ? { ageDays } : {}), stale: ageDays === undefined || ageDays > maxAge, offline: options.offline ?? false };
}
