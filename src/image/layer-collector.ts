import type { FileType, Unknown } from '../model/index.js';
import type { CompiledRequest, ContentSink, RequestMatcher } from './file-request.js';
import { EntryColumns, FILE_TYPES, fileTypeCode } from './entry-columns.js';
import { PathStore } from './path-store.js';
import { basename, dirname, normalizeEntryName } from './paths.js';

/** One entry of one layer, before squashing. */
export interface LayerEntry {
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  /** Symlink text, or the normalised absolute target of a hardlink. */
  linkTarget?: string;
}

/**
 * What a file's content became during the pass. `everyLayer` marks a file some request wants in every layer's
 * version (`FileRequest.everyLayer`): the squash then keeps this layer's version beside the newest one.
 */
export type CapturedContent = (
  | { kind: 'content'; data: Buffer; sinks?: Map<string, unknown> }
  | { kind: 'sinks-only'; sinks: Map<string, unknown> }
  | { kind: 'unknown'; reason: string; sinks?: Map<string, unknown> }
) & { everyLayer?: true };

/** Everything one pass over one layer yields. Bounded: metadata for every entry, content only where requested. */
export interface LayerResult {
  entries: Map<string, LayerEntry>;
  /** Paths a `.wh.NAME` whiteout deleted from the layers below. */
  whiteouts: string[];
  /** Directories whose lower-layer content an opaque whiteout hides. */
  opaqueDirs: string[];
  contents: Map<string, CapturedContent>;
  unknowns: Unknown[];
  stats: { entries: number; files: number; dirs: number; symlinks: number; hardlinks: number; whiteouts: number; opaque: number };
}

/**
 * One layer's entries in columns instead of one object each, with the paths and link targets outside the JS heap
 * (PathStore): a layer of 300,000 files costs ~70 bytes a path in typed arrays while it is read, then nothing once
 * squashed. Same order and replacement rule as a Map: a later entry for a path replaces the earlier one and moves to
 * the end.
 */
export class LayerEntryTable {
  readonly #paths = new PathStore();
  /** Path id to its slot, -1 when none. */
  #slotOf = new Int32Array(256).fill(-1);
  /** Slot to path id; -1 for a slot a later entry of the same path replaced. */
  #pathAt = new Int32Array(256);
  #slots = 0;
  #live = 0;
  readonly #columns = new EntryColumns();
  /** Slot to link target id (in #targets), -1 when none. */
  #linkAt = new Int32Array(256);
  readonly #targets = new PathStore();

  get size(): number {
    return this.#live;
  }

  add(e: LayerEntry): void {
    const id = this.#paths.intern(e.path);
    if (id >= this.#slotOf.length) this.#slotOf = growInt32(this.#slotOf, id + 1, -1);
    const old = this.#slotOf[id]!;
    if (old >= 0) this.#pathAt[old] = -1;
    else this.#live++;
    const slot = this.#slots++;
    this.#columns.ensure(slot);
    if (slot >= this.#pathAt.length) {
      this.#pathAt = growInt32(this.#pathAt, slot + 1, 0);
      this.#linkAt = growInt32(this.#linkAt, slot + 1, 0);
    }
    this.#pathAt[slot] = id;
    this.#slotOf[id] = slot;
    this.#columns.write(slot, fileTypeCode(e.type, e.path), e.mode, e.uid, e.gid, e.size, e.mtime);
    this.#linkAt[slot] = e.linkTarget === undefined ? -1 : this.#targets.intern(e.linkTarget);
  }

  /** The entries in order, each a fresh object (short-lived: the squash copies it into its own columns). */
  *values(): Generator<LayerEntry> {
    const c = this.#columns;
    for (let slot = 0; slot < this.#slots; slot++) {
      const id = this.#pathAt[slot]!;
      if (id < 0) continue;
      const entry: LayerEntry = { path: this.#paths.pathOf(id), type: FILE_TYPES[c.type(slot)]!, mode: c.num(slot, 0)!, uid: c.num(slot, 1)!, gid: c.num(slot, 2)!, size: c.num(slot, 3)!, mtime: c.num(slot, 4)! };
      const link = this.#linkAt[slot]!;
      if (link >= 0) entry.linkTarget = this.#targets.pathOf(link);
      yield entry;
    }
  }

  toMap(): Map<string, LayerEntry> {
    const map = new Map<string, LayerEntry>();
    for (const e of this.values()) map.set(e.path, e);
    return map;
  }
}

/** A copy of `a` with room for `length` (at least doubled), the new cells set to `fill`. */
export function growInt32(a: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  let cap = Math.max(a.length * 2, 16);
  while (cap < length) cap *= 2;
  const b = new Int32Array(cap);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

const TABLE = Symbol('layer entry table');

/**
 * The compact entries of a layer result a LayerCollector made, while nobody has asked for its `entries` Map (which
 * is then made from them once, on first access, and is the one to use).
 */
export function entryTableOf(result: LayerResult): LayerEntryTable | undefined {
  return (result as { [TABLE]?: LayerEntryTable })[TABLE];
}

/** A LayerResult whose `entries` Map is made from `table` only when asked for (the layer cache, tests). */
function lazyEntries(result: Omit<LayerResult, 'entries'>, table: LayerEntryTable): LayerResult {
  let map: Map<string, LayerEntry> | undefined;
  Object.defineProperty(result, TABLE, { value: table, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(result, 'entries', {
    enumerable: true,
    configurable: true,
    get() {
      if (!map) {
        map = table.toMap();
        (result as { [TABLE]?: LayerEntryTable })[TABLE] = undefined;
      }
      return map;
    },
    set(value: Map<string, LayerEntry>) {
      map = value;
      (result as { [TABLE]?: LayerEntryTable })[TABLE] = undefined;
    },
  });
  return result as LayerResult;
}

export interface RawEntry {
  name: string;
  type: FileType | 'other';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkname: string;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * Turns raw entries (from a tar stream or a directory walk) into a LayerResult: normalises names, refuses
 * traversal, records whiteouts, and captures the requested content within the caps.
 */
export class LayerCollector {
  /** The layer's result; its `entries` are kept in columns (entryTableOf) until someone reads the Map. */
  readonly result: LayerResult = lazyEntries(
    {
      whiteouts: [],
      opaqueDirs: [],
      contents: new Map(),
      unknowns: [],
      stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    },
    new LayerEntryTable(),
  );

  constructor(
    private readonly matcher: RequestMatcher,
    private readonly maxFileBytes: number,
    private readonly layerDigest: string | undefined,
  ) {}

  /** Adds one entry; returns a sink for its data when the content is wanted. */
  add(raw: RawEntry): { data(chunk: Buffer): void; end(): void } | null {
    const r = this.result;
    r.stats.entries++;
    const path = normalizeEntryName(raw.name);
    if (path === null) {
      this.#unknown(`entry name "${raw.name}" climbs out of the image root; ignored`, raw.name);
      return null;
    }
    if (path === '/') return null;
    if (path.includes(`/${WHITEOUT}${WHITEOUT}`) && !path.endsWith(OPAQUE)) {
      // AUFS bookkeeping (`.wh..wh.plnk/…`, `.wh..wh.aufs`): not part of the file system.
      return null;
    }
    const base = basename(path);
    if (base.startsWith(WHITEOUT)) {
      if (base === OPAQUE) {
        r.opaqueDirs.push(dirname(path));
        r.stats.opaque++;
      } else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
        const dir = dirname(path);
        r.whiteouts.push(dir === '/' ? `/${base.slice(WHITEOUT.length)}` : `${dir}/${base.slice(WHITEOUT.length)}`);
        r.stats.whiteouts++;
      }
      return null;
    }
    if (raw.type === 'other') {
      this.#unknown(`unsupported tar entry type; ignored`, path);
      return null;
    }
    const entry: LayerEntry = {
      path,
      type: raw.type,
      mode: raw.mode & 0o7777,
      uid: raw.uid,
      gid: raw.gid,
      size: raw.type === 'file' ? raw.size : 0,
      mtime: raw.mtime,
    };
    if (raw.type === 'symlink') {
      entry.linkTarget = raw.linkname;
      r.stats.symlinks++;
    } else if (raw.type === 'hardlink') {
      const target = normalizeEntryName(raw.linkname);
      if (target === null) {
        this.#unknown(`hardlink target "${raw.linkname}" climbs out of the image root; ignored`, path);
        return null;
      }
      entry.linkTarget = target;
      r.stats.hardlinks++;
    } else if (raw.type === 'dir') r.stats.dirs++;
    else if (raw.type === 'file') r.stats.files++;
    // A later entry for the same path in the same layer replaces the earlier one.
    const table = entryTableOf(r);
    if (table) table.add(entry);
    else {
      r.entries.delete(path);
      r.entries.set(path, entry);
    }
    r.contents.delete(path);

    if (raw.type !== 'file' || this.matcher.empty) return null;
    const wanted = this.matcher.match(path, entry);
    if (wanted.length === 0) return null;
    return this.#capture(path, raw.size, wanted);
  }

  #capture(path: string, size: number, wanted: CompiledRequest[]): { data(chunk: Buffer): void; end(): void } | null {
    const buffering = wanted.filter((c) => !c.request.sink);
    const sinks: [string, ContentSink][] = wanted
      .filter((c) => c.request.sink)
      .map((c) => [c.request.id, c.request.sink!(path)]);
    // The content is kept once for every buffering request, so the largest of their caps applies (each bounded by
    // the global cap, or by its own capBytes for package databases): a request with a small maxBytes must not
    // starve another request for the same file.
    const cap = Math.max(0, ...buffering.map((c) => Math.min(c.request.capBytes ?? this.maxFileBytes, c.request.maxBytes ?? Infinity)));
    let buffer: Buffer | null = null;
    let filled = 0;
    let overCap: string | null = null;
    if (buffering.length > 0) {
      if (size > cap) overCap = `file is ${size} bytes, over the ${cap}-byte content cap (requested by ${buffering.map((c) => c.request.id).join(', ')})`;
      else buffer = Buffer.allocUnsafe(size);
    }
    const contents = this.result.contents;
    const layered = wanted.some((c) => c.request.everyLayer) ? ({ everyLayer: true } as const) : {};
    return {
      data(chunk: Buffer) {
        if (buffer) {
          chunk.copy(buffer, filled);
          filled += chunk.length;
        }
        for (const [, s] of sinks) s.write(chunk);
      },
      end() {
        const sinkResults = sinks.length ? new Map(sinks.map(([id, s]) => [id, s.end()])) : undefined;
        if (buffer) contents.set(path, { kind: 'content', data: buffer, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
        else if (overCap) contents.set(path, { kind: 'unknown', reason: overCap, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
        else if (sinkResults) contents.set(path, { kind: 'sinks-only', sinks: sinkResults, ...layered });
      },
    };
  }

  #unknown(reason: string, path: string): void {
    this.result.unknowns.push({ stage: 'image', reason, path, ...(this.layerDigest ? { layerDigest: this.layerDigest } : {}) });
  }
}
