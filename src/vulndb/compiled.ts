import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { joinIds, type EnrichmentRecord } from './enrichment.js';
import { VULNERABILITY_PROVIDERS } from './list.js';
import type { OsvRecord } from './osv.js';
import { ENRICHMENT_KINDS, type ProviderOptions, type SourceBatch } from './provider.js';
import { DB_SCHEMA_VERSION, activateDatabase, newDatabaseDir, writeDatabase, type CompiledOrigin, type DatabaseMetadata } from './store.js';

/**
 * A compiled vulnerability database: the whole live database (metadata.json and every segment) in ONE file, for
 * shipping (`db build`, `db push`, `db update --db-repository`).
 *
 * Format (version 1), gzip'd with fixed settings (level 9, no name, mtime 0):
 *   line 1: `portcullis-vulndb <format version> sha256:<hex>`: the hex is the sha256 of every byte after this line;
 *   line 2: the header, one JSON object (`CompiledHeader`): schema version, built-at, sources, the files;
 *   then the files' bytes, one after the other, in the header's order.
 * The same inputs give the same bytes: sources and records are sorted, and the only times inside are `--built-at`
 * (default: the newest `modified` among the records) and what the sources say themselves.
 */
export const COMPILED_MAGIC = 'portcullis-vulndb';
export const COMPILED_FORMAT_VERSION = 1;
const FILE_NAME = /^(metadata\.json|s\d+\.jsonl|s\d+\.idx\.json)$/;

export interface CompiledSource {
  id: string;
  provider: string;
  kind: string;
  location: string;
  fetchedAt: string;
  lastModified?: string;
  etag?: string;
  records: number;
  skipped: number;
}

export interface CompiledHeader {
  formatVersion: number;
  /** The database schema (`DB_SCHEMA_VERSION`) of the files inside. */
  schemaVersion: number;
  builtAt: string;
  sources: CompiledSource[];
  /** NVD/KEV/EPSS rows the feeds had, and the ones kept (referenced by some record through `joinIds`). */
  enrichment: { fetched: number; kept: number; fetchedBytes: number; keptBytes: number };
  files: { name: string; bytes: number; sha256: string }[];
}

export interface BuildSource {
  /** A provider id of VULNERABILITY_PROVIDERS (`osv-local`, `osv-bucket`, `nvd`, `kev`, `epss`…). */
  provider: string;
  options: ProviderOptions;
}

export interface BuildOptions {
  sources: readonly BuildSource[];
  logger: Logger;
  /** Written into the file; default: the newest `modified` among the records (else 1970-01-01). */
  builtAt?: Date;
  signal?: AbortSignal;
}

export interface BuildResult {
  bytes: Buffer;
  header: CompiledHeader;
  /** sha256 of the content (line 1's checksum). */
  checksum: string;
}

/** Parses `KIND:PATH|URL` (`osv-local:../data/osv`, `osv-bucket:https://…`, `kev:https://…`). */
export function parseBuildSource(text: string, extra: ProviderOptions = {}): BuildSource {
  const colon = text.indexOf(':');
  const provider = colon > 0 ? text.slice(0, colon) : '';
  const where = colon > 0 ? text.slice(colon + 1) : '';
  if (!provider || !where) throw new ConfigurationError(`--source "${text}" is not KIND:PATH or KIND:URL (for example osv-local:./osv or osv-bucket:https://host/bucket)`);
  if (!VULNERABILITY_PROVIDERS.find(provider)) {
    throw new ConfigurationError(`--source "${text}": unknown provider "${provider}" (known: ${VULNERABILITY_PROVIDERS.ids().join(', ')})`);
  }
  const location = /^https?:\/\//i.test(where) ? { url: where } : { path: where };
  // `--ecosystem` names OSV bucket ecosystems; other providers read `ecosystems` as something else (NVD: years)
  const { ecosystems, ...common } = extra;
  return { provider, options: { ...common, ...(provider === 'osv-bucket' && ecosystems ? { ecosystems } : {}), ...location } };
}

/** Runs every source's provider into a fresh temporary database and packs it into one compiled file. */
export async function buildCompiled(options: BuildOptions): Promise<BuildResult> {
  if (options.sources.length === 0) throw new ConfigurationError('db build needs at least one --source');
  const fixed = options.builtAt;
  const now = (): Date => fixed ?? new Date(0);
  const batches: SourceBatch[] = [];
  for (const source of options.sources) {
    const provider = VULNERABILITY_PROVIDERS.get(source.provider);
    const got = await provider.fetch(source.options, { logger: options.logger, previous: new Map(), now, ...(options.signal ? { signal: options.signal } : {}) });
    batches.push(...got);
  }
  const full = batches.filter((b): b is Extract<SourceBatch, { notModified: false }> => !b.notModified);
  const ids = new Set<string>();
  let newest = '';
  for (const b of full) {
    if (ENRICHMENT_KINDS.has(b.kind)) continue;
    for (const r of b.records) {
      for (const id of joinIds(r)) ids.add(id);
      if (typeof r.modified === 'string' && r.modified > newest) newest = r.modified;
    }
  }
  const builtAt = fixed ?? (newest && !Number.isNaN(Date.parse(newest)) ? new Date(newest) : new Date(0));
  const enrichment = { fetched: 0, kept: 0, fetchedBytes: 0, keptBytes: 0 };
  const sorted = full
    .map((b) => {
      const stamped = fixed ? b : { ...b, fetchedAt: b.fetchedAt === new Date(0).toISOString() ? builtAt.toISOString() : b.fetchedAt };
      if (ENRICHMENT_KINDS.has(b.kind)) {
        const all = b.enrichments ?? [];
        const kept = all.filter((e) => ids.has(e.id.trim().toUpperCase()));
        enrichment.fetched += all.length;
        enrichment.kept += kept.length;
        for (const e of all) enrichment.fetchedBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
        for (const e of kept) enrichment.keptBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
        return { ...stamped, enrichments: [...kept].sort(byId) };
      }
      return { ...stamped, records: [...b.records].sort(byRecord) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  for (const b of sorted) {
    if (seen.has(b.id)) throw new ConfigurationError(`db build: two sources are both "${b.id}"; name each source once`);
    seen.add(b.id);
  }
  const temp = mkdtempSync(join(tmpdir(), 'portcullis-build-'));
  try {
    const { dir, metadata } = writeDatabase(temp, sorted, builtAt);
    const files = ['metadata.json', ...metadata.segments.flatMap((s) => [s.data, s.index])];
    const sources: CompiledSource[] = metadata.segments.map((s) => ({
      id: s.id,
      provider: s.provider,
      kind: s.kind,
      location: s.location,
      fetchedAt: s.fetchedAt,
      ...(s.lastModified ? { lastModified: s.lastModified } : {}),
      ...(s.etag ? { etag: s.etag } : {}),
      records: s.records,
      skipped: s.skipped,
    }));
    const bodies = files.map((name) => ({ name, body: readFileSync(join(dir, name)) }));
    const header: CompiledHeader = {
      formatVersion: COMPILED_FORMAT_VERSION,
      schemaVersion: DB_SCHEMA_VERSION,
      builtAt: builtAt.toISOString(),
      sources,
      enrichment,
      files: bodies.map(({ name, body }) => ({ name, bytes: body.length, sha256: sha256(body) })),
    };
    const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => b.body)]);
    const checksum = sha256(content);
    const plain = Buffer.concat([Buffer.from(`${COMPILED_MAGIC} ${COMPILED_FORMAT_VERSION} sha256:${checksum}\n`), content]);
    const bytes = gzipSync(plain, { level: 9, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
    return { bytes, header, checksum };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function byId(a: EnrichmentRecord, b: EnrichmentRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byRecord(a: OsvRecord, b: OsvRecord): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ReadCompiled {
  header: CompiledHeader;
  checksum: string;
  files: { name: string; body: Buffer }[];
}

/**
 * Reads a compiled file and checks it whole: gzip, the magic line, its checksum, the format and schema versions,
 * each file's size and sha256. Anything wrong is a ConfigurationError naming what (`what` names the file).
 */
export function readCompiled(bytes: Buffer, what: string): ReadCompiled {
  const bad = (why: string): ConfigurationError => new ConfigurationError(`${what} is not a usable compiled vulnerability database: ${why}`);
  let plain: Buffer;
  try {
    plain = gunzipSync(bytes);
  } catch (error) {
    throw bad(`it does not gunzip (${getErrorMessage(error)})`);
  }
  const nl = plain.indexOf(0x0a);
  const first = (nl > 0 ? plain.subarray(0, Math.min(nl, 200)) : plain.subarray(0, 0)).toString('utf8');
  const m = /^portcullis-vulndb (\d+) sha256:([a-f0-9]{64})$/.exec(first);
  if (!m) throw bad('it does not start with the portcullis-vulndb line');
  if (Number(m[1]) !== COMPILED_FORMAT_VERSION) throw bad(`its format version is ${m[1]}, this Portcullis reads ${COMPILED_FORMAT_VERSION}; update Portcullis`);
  const content = plain.subarray(nl + 1);
  const checksum = sha256(content);
  if (checksum !== m[2]) throw bad(`its checksum does not match (sha256:${checksum}, expected sha256:${m[2]}); the file is corrupt`);
  const hl = content.indexOf(0x0a);
  let header: CompiledHeader;
  try {
    header = JSON.parse(content.subarray(0, hl).toString('utf8')) as CompiledHeader;
  } catch (error) {
    throw bad(`its header is not JSON (${getErrorMessage(error)})`);
  }
  if (header.schemaVersion !== DB_SCHEMA_VERSION) {
    throw bad(`its database schema version is ${String(header.schemaVersion)}, this Portcullis reads ${DB_SCHEMA_VERSION}`);
  }
  if (!Array.isArray(header.files) || !header.files.some((f) => f.name === 'metadata.json')) throw bad('it lists no metadata.json');
  const files: { name: string; body: Buffer }[] = [];
  let at = hl + 1;
  for (const f of header.files) {
    if (!FILE_NAME.test(f.name)) throw bad(`it holds a file with an unexpected name "${f.name}"`);
    const body = content.subarray(at, at + f.bytes);
    if (body.length !== f.bytes || sha256(body) !== f.sha256) throw bad(`${f.name} does not match its size or sha256`);
    files.push({ name: f.name, body });
    at += f.bytes;
  }
  if (at !== content.length) throw bad(`${content.length - at} trailing byte(s) after the last file`);
  return { header, checksum, files };
}

/**
 * Unpacks a compiled file into a new database folder and makes it live. The file is checked whole first; on any
 * failure the half-written folder is removed and the live database is left alone.
 */
export function openCompiled(
  input: Buffer | string,
  cacheDir: string,
  origin: Omit<CompiledOrigin, 'builtAt' | 'checksum'> = {},
): { metadata: DatabaseMetadata; header: CompiledHeader } {
  let bytes: Buffer;
  if (typeof input === 'string') {
    try {
      bytes = readFileSync(input);
    } catch (error) {
      throw new ConfigurationError(`cannot read the compiled database ${input}: ${getErrorMessage(error)}`);
    }
  } else bytes = input;
  const what = typeof input === 'string' ? input : (origin.repository ?? 'the compiled database');
  const { header, checksum, files } = readCompiled(bytes, what);
  let metadata: DatabaseMetadata;
  try {
    metadata = JSON.parse(files.find((f) => f.name === 'metadata.json')!.body.toString('utf8')) as DatabaseMetadata;
  } catch (error) {
    throw new ConfigurationError(`${what}: its metadata.json is not JSON (${getErrorMessage(error)})`);
  }
  const names = new Set(files.map((f) => f.name));
  for (const s of metadata.segments ?? []) {
    if (!names.has(s.data) || !names.has(s.index)) throw new ConfigurationError(`${what}: source ${s.id} names files that are not inside`);
  }
  metadata = { ...metadata, compiled: { builtAt: header.builtAt, checksum: `sha256:${checksum}`, ...origin } };
  const dir = newDatabaseDir(cacheDir);
  try {
    for (const f of files) if (f.name !== 'metadata.json') writeFileSync(join(dir, f.name), f.body);
    writeFileSync(join(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
    activateDatabase(cacheDir, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { metadata, header };
}
