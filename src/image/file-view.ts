import type { FileEntry, FileProvenance, FileType, ImageMetadata, Unknown } from '../model/index.js';
import { EntryColumns, FILE_TYPES, fileTypeCode } from './entry-columns.js';
import { entryTableOf, growInt32, type CapturedContent, type LayerResult } from './layer-collector.js';
import { PathStore } from './path-store.js';
import { compileGlob, resolveLinkTarget } from './paths.js';

/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
export const MAX_SYMLINK_HOPS = 40;

const DOT_SEGMENT = /\/\.{1,2}(\/|$)|\/\//;

export type ReadResult = { ok: true; data: Buffer; entry: FileEntry } | { ok: false; reason: string };

/**
 * What one layer did to a file kept in every layer's version (`FileRequest.everyLayer`): wrote it (`read` is that
 * version's content, or why there is none) or deleted it (a whiteout, an opaque directory, a parent replaced).
 */
/** Applies layer results to a view one by one, lowest first (FileView.builder). */
export interface SquashBuilder {
  apply(layer: LayerResult): void;
  finish(): FileView;
}

export interface SquashOptions {
  /**
   * Said by a caller that drops the layer results once applied (readImage). The view never holds the results' entry
   * objects (it copies their fields into its columns), so this changes nothing any more; kept for those callers.
   */
  adopt?: boolean;
}

const T_DIR = 1;
const T_SYMLINK = 2;
const NO_TYPE = -1;

/**
 * The squashed view's per-path metadata and children index, in typed arrays indexed by path id rather than one
 * object or string per path. Every path the squash meets (entries and the directories above them) is interned once
 * in a PathStore, outside the JS heap, and keeps its id when it is deleted and written again; a live path's id
 * indexes the type and number columns (EntryColumns), a layer column and a link-target column (ids in a second
 * PathStore). 300,000 paths cost ~100 bytes each in typed arrays, and no strings that live as long as the view.
 *
 * The children index is a singly linked list per directory (`first`, `next`), holding each path at most once
 * (`linked`): a path is linked under its parent when it is first written, and stays linked (stale) when deleted,
 * until its parent's list is cleared (#deleteChildren) or compacted (#hasChildren). Invariant: every live path is
 * linked, and the parent of every linked path is linked (the root always is); so walking the lists from a
 * directory reaches every live path under it.
 */
class EntryTable {
  readonly paths = new PathStore();
  readonly #targets = new PathStore();
  readonly #columns = new EntryColumns();
  #live = new Uint8Array(256);
  #layers = new Uint32Array(256);
  #links = new Int32Array(256).fill(-1);
  /** The children index, by path id: a directory's first child, a path's next sibling (-1: none). */
  first = new Int32Array(256).fill(-1);
  next = new Int32Array(256).fill(-1);
  linked = new Uint8Array(256);
  #count = 0;
  readonly root: number;
  /** The provenance of each applied layer, by the order it was applied in (the layer column's values). */
  readonly provenances: FileProvenance[] = [];

  constructor() {
    this.root = this.intern('/');
    this.linked[this.root] = 1;
  }

  get size(): number {
    return this.#count;
  }

  /** The id of a path, interned (and given room in every column) when new. */
  intern(path: string): number {
    const id = this.paths.intern(path);
    if (id >= this.#live.length) this.#grow(id + 1);
    return id;
  }

  /** The id of a path the view has met, else -1. */
  find(path: string): number {
    return this.paths.find(path);
  }

  isLive(id: number): boolean {
    return id >= 0 && this.#live[id] === 1;
  }

  has(path: string): boolean {
    return this.isLive(this.paths.find(path));
  }

  /** The type code of a live path id, NO_TYPE when it is not live. */
  typeOfId(id: number): number {
    return this.isLive(id) ? this.#columns.type(id) : NO_TYPE;
  }

  typeOf(path: string): number {
    return this.typeOfId(this.paths.find(path));
  }

  linkOf(path: string): string | undefined {
    const id = this.paths.find(path);
    if (!this.isLive(id)) return undefined;
    const link = this.#links[id]!;
    return link < 0 ? undefined : this.#targets.pathOf(link);
  }

  /** Writes an interned path's entry (replacing a live one in place); returns whether it was live before. */
  set(id: number, e: { path: string; type: FileType; mode: number; uid: number; gid: number; size: number; mtime?: number; linkTarget?: string }, layer: number): boolean {
    const existed = this.#live[id] === 1;
    if (!existed) {
      this.#live[id] = 1;
      this.#count++;
    }
    this.#columns.write(id, fileTypeCode(e.type, e.path), e.mode, e.uid, e.gid, e.size, e.mtime);
    this.#layers[id] = layer;
    this.#links[id] = e.linkTarget === undefined ? -1 : this.#targets.intern(e.linkTarget);
    return existed;
  }

  /** Marks a path id dead; returns whether it was live. */
  kill(id: number): boolean {
    if (!this.isLive(id)) return false;
    this.#live[id] = 0;
    this.#count--;
    return true;
  }

  /** The entry at a live path, as a fresh object (fields in the order a layer entry has them). */
  get(path: string): FileEntry | undefined {
    const id = this.paths.find(path);
    return this.isLive(id) ? this.entry(path, id) : undefined;
  }

  entry(path: string, id: number): FileEntry {
    const c = this.#columns;
    const entry = { path, type: FILE_TYPES[c.type(id)]!, mode: c.num(id, 0)!, uid: c.num(id, 1)!, gid: c.num(id, 2)!, size: c.num(id, 3)! } as FileEntry;
    const mtime = c.num(id, 4);
    if (mtime !== undefined) entry.mtime = mtime;
    const link = this.#links[id]!;
    if (link >= 0) entry.linkTarget = this.#targets.pathOf(link);
    entry.provenance = this.provenances[this.#layers[id]!]!;
    return entry;
  }

  /** The layer (as applied) that wrote a live path. */
  provenanceOf(path: string): FileProvenance | undefined {
    const id = this.paths.find(path);
    return this.isLive(id) ? this.provenances[this.#layers[id]!] : undefined;
  }

  /** The ids of the live paths, in no order. */
  liveIds(): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.paths.size; id++) if (this.#live[id] === 1) ids.push(id);
    return ids;
  }

  #grow(length: number): void {
    let cap = this.#live.length;
    while (cap < length) cap *= 2;
    this.#columns.ensure(cap - 1);
    this.#live = growBytes(this.#live, cap);
    this.linked = growBytes(this.linked, cap);
    const layers = new Uint32Array(cap);
    layers.set(this.#layers);
    this.#layers = layers;
    this.#links = growInt32(this.#links, cap, -1);
    this.first = growInt32(this.first, cap, -1);
    this.next = growInt32(this.next, cap, -1);
  }
}

function growBytes(a: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(length);
  b.set(a);
  return b;
}

export type FileVersion =
  | { layerIndex: number; provenance: FileProvenance; deleted: false; read: ReadResult }
  | { layerIndex: number; provenance: FileProvenance; deleted: true };

/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
export class FileView {
  readonly #files = new EntryTable();
  readonly #contents = new Map<string, CapturedContent>();
  /** Every layer's version of the files requested with `everyLayer`, lowest layer first. */
  readonly #versions = new Map<string, FileVersion[]>();
  /** The provenance of the layer being applied (for the versions its deletions record). */
  #applying: FileProvenance | undefined;
  readonly unknowns: Unknown[] = [];

  private constructor(readonly metadata: ImageMetadata) {}

  /** Squashes layer results, lowest first, applying whiteouts and opaque directories. */
  static squash(metadata: ImageMetadata, layers: readonly LayerResult[], options: SquashOptions = {}): FileView {
    const builder = FileView.builder(metadata, options);
    for (const layer of layers) builder.apply(layer);
    return builder.finish();
  }

  /**
   * Squashes layer by layer as they arrive, lowest first: a reader applies each layer result as soon as the ones
   * below it are applied and then drops it, so that no more than the squashed view and the layers in flight are held.
   */
  static builder(metadata: ImageMetadata, _options: SquashOptions = {}): SquashBuilder {
    const view = new FileView(metadata);
    let next = 0;
    let done = false;
    return {
      apply(layer: LayerResult): void {
        if (done) throw new Error('FileView builder: apply after finish');
        view.#apply(layer, provenanceOf(metadata, next++));
      },
      finish(): FileView {
        if (!done) view.#finish();
        done = true;
        return view;
      },
    };
  }

  #finish(): void {
    this.#applying = undefined;
    // A requested file whose content was not kept (over the cap) is an unknown, if it survives the squash.
    for (const [path, captured] of this.#contents) {
      if (captured.kind !== 'unknown') continue;
      const layerDigest = this.#files.provenanceOf(path)?.layerDigest;
      this.unknowns.push({ stage: 'image', reason: captured.reason, path, ...(layerDigest ? { layerDigest } : {}) });
    }
  }

  /** The entry at `path`. Symlinks in parent directories are followed; the last component only when asked. */
  get(path: string, options: { follow?: boolean } = {}): FileEntry | undefined {
    const resolved = this.resolve(path, options);
    return resolved === undefined ? undefined : this.#files.get(resolved);
  }

  /**
   * Resolves `path` inside the image: symlinks are followed relative to the image root and never leave it, and
   * loops end after MAX_SYMLINK_HOPS hops. Returns undefined for a dangling path or a loop.
   */
  resolve(path: string, options: { follow?: boolean } = {}): string | undefined {
    // Fast path for a clean absolute path: its directory is resolved once and remembered (the view never
    // changes), so catalogers that look up thousands of files in the same directories pay for each directory once.
    if (path.length > 1 && path.startsWith('/') && !path.endsWith('/') && !DOT_SEGMENT.test(path)) {
      const i = path.lastIndexOf('/');
      const parent = i === 0 ? '' : this.#resolveDir(path.slice(0, i));
      if (parent === undefined) return undefined;
      const candidate = `${parent}/${path.slice(i + 1)}`;
      if (options.follow && this.#files.typeOf(candidate) === T_SYMLINK) return this.#walk(candidate, true);
      return candidate;
    }
    return this.#walk(path, options.follow ?? false);
  }

  readonly #dirs = new Map<string, string | undefined>();

  /** A directory's resolved path ('' for the root), or undefined when it does not exist. */
  #resolveDir(dir: string): string | undefined {
    if (this.#dirs.has(dir)) return this.#dirs.get(dir);
    let resolved = this.#walk(dir, true);
    if (resolved === '/') resolved = '';
    else if (resolved !== undefined && !this.#files.has(resolved) && !this.#hasChildren(resolved)) resolved = undefined;
    this.#dirs.set(dir, resolved);
    return resolved;
  }

  #walk(path: string, follow: boolean): string | undefined {
    let hops = 0;
    let pending = path.split('/').filter(Boolean);
    let current = '';
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        current = current.slice(0, current.lastIndexOf('/'));
        continue;
      }
      const candidate = `${current}/${part}`;
      const type = this.#files.typeOf(candidate);
      const isLast = pending.length === 0;
      if (type === T_SYMLINK && (!isLast || follow)) {
        if (++hops > MAX_SYMLINK_HOPS) return undefined;
        const target = resolveLinkTarget(candidate, this.#files.linkOf(candidate) ?? '');
        pending = [...target.split('/').filter(Boolean), ...pending];
        current = '';
        continue;
      }
      if (type === NO_TYPE && !isLast && !this.#hasChildren(candidate)) return undefined;
      current = candidate;
    }
    return current === '' ? '/' : current;
  }

  /** Every entry, sorted by path. */
  list(): FileEntry[] {
    // Sorted by UTF-16 code units, as `<` compares; the entries are made only for the sorted paths.
    const files = this.#files;
    const live = files.liveIds().map((id) => ({ path: files.paths.pathOf(id), id }));
    live.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return live.map(({ path, id }) => files.entry(path, id));
  }

  get size(): number {
    return this.#files.size;
  }

  /** Entries whose literal path matches the glob (no symlink expansion), sorted by path. */
  glob(pattern: string): FileEntry[] {
    const re = compileGlob(pattern);
    // Only the subtree of the pattern's literal leading directories can match: it is walked through the children
    // index, so that `/var/lib/dpkg/status.d/*` costs that directory, not a sorted copy of every entry.
    const segments = (pattern.startsWith('/') ? pattern : `/${pattern}`).split('/').slice(1);
    const literal = segments.findIndex((s) => /[*?{]/.test(s));
    if (literal < 0) {
      const entry = this.#files.get(`/${segments.join('/')}`);
      return entry && re.test(entry.path) ? [entry] : [];
    }
    const found: FileEntry[] = [];
    const files = this.#files;
    const top = literal === 0 ? files.root : files.find(`/${segments.slice(0, literal).join('/')}`);
    if (top < 0) return [];
    const stack = [top];
    for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
      for (let child = files.first[dir]!; child >= 0; child = files.next[child]!) {
        if (files.isLive(child)) {
          const path = files.paths.pathOf(child);
          if (re.test(path)) found.push(files.entry(path, child));
        }
        if (files.first[child]! >= 0) stack.push(child);
      }
    }
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The captured content of a file; hardlinks and (with follow) symlinks resolve to their targets. */
  read(path: string): ReadResult {
    const resolved = this.resolve(path, { follow: true });
    if (resolved === undefined) return { ok: false, reason: `${path}: no such file (or a symlink loop)` };
    let entry = this.#files.get(resolved);
    if (!entry) return { ok: false, reason: `${path}: no such file` };
    let contentPath = resolved;
    if (entry.type === 'hardlink') {
      contentPath = entry.linkTarget ?? '';
      entry = this.#files.get(contentPath) ?? entry;
    }
    if (entry.type !== 'file' && entry.type !== 'hardlink') return { ok: false, reason: `${path}: not a regular file (${entry.type})` };
    const captured = this.#contents.get(contentPath) ?? this.#contents.get(resolved);
    if (!captured) return { ok: false, reason: `${path}: content was not captured (no file request matched it)` };
    if (captured.kind === 'unknown') return { ok: false, reason: `${path}: ${captured.reason}` };
    if (captured.kind === 'sinks-only') return { ok: false, reason: `${path}: content was streamed to a sink, not kept` };
    return { ok: true, data: captured.data, entry };
  }

  /** The content as UTF-8 text, or undefined (the reason is in `read`). */
  readText(path: string): string | undefined {
    const r = this.read(path);
    return r.ok ? r.data.toString('utf8') : undefined;
  }

  /** The value a request's ContentSink returned for `path`, if the file streamed through it. */
  sinkResult(requestId: string, path: string): unknown {
    const captured = this.#contents.get(path);
    return captured && 'sinks' in captured ? captured.sinks?.get(requestId) : undefined;
  }

  /**
   * Every layer's version of a file requested with `everyLayer`, lowest layer first: one per layer that wrote or
   * deleted it (the state at the end of that layer). Empty for other files. The path is resolved in the squashed
   * view when it exists there (symlinked parents), else taken literally.
   */
  versions(path: string): readonly FileVersion[] {
    const literal = this.#versions.get(path);
    if (literal) return literal;
    const resolved = this.resolve(path, { follow: true });
    return (resolved !== undefined ? this.#versions.get(resolved) : undefined) ?? NO_VERSIONS;
  }

  /** Paths with versions kept (`everyLayer`), whether or not they survive the squash, sorted. */
  versionedPaths(): string[] {
    return [...this.#versions.keys()].sort();
  }

  /** Paths whose content was captured or streamed, sorted. */
  capturedPaths(): string[] {
    // Sorted once (the view no longer changes once squashed): every cataloger walks this list.
    this.#capturedSorted ??= [...this.#contents.keys()].sort();
    return [...this.#capturedSorted];
  }

  #capturedSorted: string[] | undefined;

  #apply(layer: LayerResult, provenance: FileProvenance): void {
    this.#applying = provenance;
    this.#capturedSorted = undefined;
    const ordinal = this.#files.provenances.push(provenance) - 1;
    const files = this.#files;
    for (const dir of layer.opaqueDirs) this.#deleteChildren(files.find(dir));
    for (const path of layer.whiteouts) {
      const id = files.find(path);
      if (id < 0) continue; // never met: nothing to delete, and nothing under it
      this.#delete(id, path);
      this.#deleteChildren(id);
    }
    // A collector's result is read from its columns, without making its `entries` Map.
    for (const e of (entryTableOf(layer) ?? layer.entries).values()) {
      const id = files.intern(e.path);
      if (files.typeOfId(id) === T_DIR && e.type !== 'dir') this.#deleteChildren(id);
      if (!files.set(id, e, ordinal)) this.#link(id, e.path);
      const content = layer.contents.get(e.path);
      if (content) this.#contents.set(e.path, content);
      else if (this.#contents.size > 0) this.#contents.delete(e.path);
      if (content?.everyLayer || (this.#versions.size > 0 && this.#versions.has(e.path))) {
        this.#record(e.path, { layerIndex: provenance.layerIndex, provenance, deleted: false, read: this.#readVersion(this.#files.get(e.path)!, content) });
      }
    }
    for (const u of layer.unknowns) this.unknowns.push(u);
  }

  /** The content a layer's version of a file has, as `read` would return it at that point of the squash. */
  #readVersion(entry: FileEntry, content: CapturedContent | undefined): ReadResult {
    let captured = content;
    if (entry.type === 'hardlink') captured = this.#contents.get(entry.linkTarget ?? '');
    else if (entry.type !== 'file') return { ok: false, reason: `${entry.path}: not a regular file (${entry.type})` };
    if (!captured) return { ok: false, reason: `${entry.path}: content was not captured (no file request matched it)` };
    if (captured.kind === 'unknown') return { ok: false, reason: `${entry.path}: ${captured.reason}` };
    if (captured.kind === 'sinks-only') return { ok: false, reason: `${entry.path}: content was streamed to a sink, not kept` };
    return { ok: true, data: captured.data, entry };
  }

  #record(path: string, version: FileVersion): void {
    const list = this.#versions.get(path);
    if (!list) this.#versions.set(path, [version]);
    // The same layer may delete a file and write it again (a whiteout or an opaque directory, then the entry).
    else if (list[list.length - 1]!.layerIndex === version.layerIndex) list[list.length - 1] = version;
    else list.push(version);
  }

  #delete(id: number, path: string): void {
    if (!this.#files.isLive(id)) return; // a dead path has no content and no version to record
    if (this.#applying && this.#versions.has(path)) {
      this.#record(path, { layerIndex: this.#applying.layerIndex, provenance: this.#applying, deleted: true });
    }
    this.#files.kill(id);
    this.#contents.delete(path);
  }

  /**
   * Deletes everything under a directory's id (not the directory itself): O(its descendants and the stale links
   * among them), through the children index, whose lists under it are cleared on the way.
   */
  #deleteChildren(dir: number): void {
    if (dir < 0) return;
    const files = this.#files;
    let child = files.first[dir]!;
    if (child < 0) return;
    files.first[dir] = -1;
    while (child >= 0) {
      const next = files.next[child]!;
      files.next[child] = -1;
      files.linked[child] = 0;
      if (files.isLive(child)) this.#delete(child, files.paths.pathOf(child));
      this.#deleteChildren(child);
      child = next;
    }
  }

  /** Links a newly live path under its parent, with every ancestor not linked yet: O(1) once the parent is. */
  #link(id: number, path: string): void {
    const files = this.#files;
    for (let child = id, childPath = path; files.linked[child] !== 1; ) {
      const parentPath = parentOf(childPath);
      const parent = files.intern(parentPath);
      files.next[child] = files.first[parent]!;
      files.first[parent] = child;
      files.linked[child] = 1;
      child = parent;
      childPath = parentPath;
    }
  }

  /**
   * Whether a path exists as a directory implied by live entries under it. Dead links at the head of its list are
   * dropped on the way (each is paid for once); a dead child that still has live paths under it stays.
   */
  #hasChildren(dir: string | number): boolean {
    const files = this.#files;
    const id = typeof dir === 'number' ? dir : files.find(dir);
    if (id < 0) return false;
    let child = files.first[id]!;
    while (child >= 0 && !files.isLive(child) && !this.#hasChildren(child)) {
      const next = files.next[child]!;
      files.next[child] = -1;
      files.linked[child] = 0;
      child = next;
    }
    files.first[id] = child;
    return child >= 0;
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

const NO_VERSIONS: readonly FileVersion[] = [];

export function provenanceOf(metadata: ImageMetadata, layerIndex: number): FileProvenance {
  const layer = metadata.layers[layerIndex];
  return {
    layerIndex,
    layerDigest: layer?.digest ?? '',
    diffId: layer?.diffId ?? '',
    ...(layer?.historyIndex !== undefined ? { historyIndex: layer.historyIndex } : {}),
    ...(layer?.history?.created_by !== undefined ? { createdBy: layer.history.created_by } : {}),
  };
}
