import type { FileEntry, FileProvenance, FileType, ImageMetadata, Unknown } from '../model/index.js';
import { EntryColumns, FILE_TYPES, fileTypeCode } from './entry-columns.js';
import { entryTableOf, type CapturedContent, type LayerResult } from './layer-collector.js';
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
 * The squashed view's per-path metadata, in columns rather than one object per path: a path's slot indexes the
 * type and number columns (EntryColumns) and a layer column, with link targets only for the slots that have one. A
 * deleted path's slot is reused. 300,000 paths cost their path strings, the index's map entries and ~30 bytes
 * each, instead of an entry object and its provenance slot.
 */
class EntryTable {
  /** Live path to its slot. */
  readonly index = new Map<string, number>();
  readonly #columns = new EntryColumns();
  #layers = new Uint32Array(256);
  #used = 0;
  readonly #free: number[] = [];
  readonly #links = new Map<number, string>();
  /** The provenance of each applied layer, by the order it was applied in (the layer column's values). */
  readonly provenances: FileProvenance[] = [];

  get size(): number {
    return this.index.size;
  }

  has(path: string): boolean {
    return this.index.has(path);
  }

  /** The type code of a live path, NO_TYPE when there is none. */
  typeOf(path: string): number {
    const slot = this.index.get(path);
    return slot === undefined ? NO_TYPE : this.#columns.type(slot);
  }

  linkOf(path: string): string | undefined {
    const slot = this.index.get(path);
    return slot === undefined ? undefined : this.#links.get(slot);
  }

  /** Writes a path's entry (replacing a live one in place); returns whether the path was live before. */
  set(e: { path: string; type: FileType; mode: number; uid: number; gid: number; size: number; mtime?: number; linkTarget?: string }, layer: number): boolean {
    let slot = this.index.get(e.path);
    const existed = slot !== undefined;
    if (slot === undefined) {
      slot = this.#free.pop() ?? this.#grow();
      this.index.set(e.path, slot);
    }
    this.#columns.write(slot, fileTypeCode(e.type, e.path), e.mode, e.uid, e.gid, e.size, e.mtime);
    this.#layers[slot] = layer;
    if (e.linkTarget !== undefined) this.#links.set(slot, e.linkTarget);
    else this.#links.delete(slot);
    return existed;
  }

  delete(path: string): void {
    const slot = this.index.get(path);
    if (slot === undefined) return;
    this.index.delete(path);
    this.#links.delete(slot);
    this.#free.push(slot);
  }

  /** The entry at a live path, as a fresh object (fields in the order a layer entry has them). */
  get(path: string): FileEntry | undefined {
    const slot = this.index.get(path);
    return slot === undefined ? undefined : this.entry(path, slot);
  }

  entry(path: string, slot: number): FileEntry {
    const c = this.#columns;
    const entry = { path, type: FILE_TYPES[c.type(slot)]!, mode: c.num(slot, 0)!, uid: c.num(slot, 1)!, gid: c.num(slot, 2)!, size: c.num(slot, 3)! } as FileEntry;
    const mtime = c.num(slot, 4);
    if (mtime !== undefined) entry.mtime = mtime;
    const link = this.#links.get(slot);
    if (link !== undefined) entry.linkTarget = link;
    entry.provenance = this.provenances[this.#layers[slot]!]!;
    return entry;
  }

  /** The layer (as applied) that wrote a live path. */
  provenanceOf(path: string): FileProvenance | undefined {
    const slot = this.index.get(path);
    return slot === undefined ? undefined : this.provenances[this.#layers[slot]!];
  }

  #grow(): number {
    const slot = this.#used++;
    this.#columns.ensure(slot);
    if (slot >= this.#layers.length) {
      const layers = new Uint32Array(this.#layers.length * 2);
      layers.set(this.#layers);
      this.#layers = layers;
    }
    return slot;
  }
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
    const paths = [...this.#files.index.keys()].sort();
    return paths.map((p) => this.#files.entry(p, this.#files.index.get(p)!));
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
    const seen = new Set<string>();
    const stack = [literal === 0 ? '/' : `/${segments.slice(0, literal).join('/')}`];
    for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
      for (const child of this.#children.get(dir) ?? []) {
        if (seen.has(child)) continue; // a path deleted and written again is linked twice
        seen.add(child);
        if (re.test(child)) {
          const entry = this.#files.get(child);
          if (entry) found.push(entry);
        }
        if (this.#children.has(child)) stack.push(child);
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
    return [...this.#contents.keys()].sort();
  }

  #apply(layer: LayerResult, provenance: FileProvenance): void {
    this.#applying = provenance;
    const ordinal = this.#files.provenances.push(provenance) - 1;
    for (const dir of layer.opaqueDirs) this.#deleteChildren(dir);
    for (const path of layer.whiteouts) {
      this.#delete(path);
      this.#deleteChildren(path);
    }
    // A collector's result is read from its columns, without making its `entries` Map.
    for (const e of (entryTableOf(layer) ?? layer.entries).values()) {
      if (this.#files.typeOf(e.path) === T_DIR && e.type !== 'dir') this.#deleteChildren(e.path);
      if (!this.#files.set(e, ordinal)) this.#link(e.path);
      const content = layer.contents.get(e.path);
      if (content) this.#contents.set(e.path, content);
      else this.#contents.delete(e.path);
      if (content?.everyLayer || this.#versions.has(e.path)) {
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

  #delete(path: string): void {
    if (this.#applying && this.#versions.has(path) && this.#files.has(path)) {
      this.#record(path, { layerIndex: this.#applying.layerIndex, provenance: this.#applying, deleted: true });
    }
    this.#files.delete(path);
    this.#contents.delete(path);
  }

  /**
   * Deletes everything under `dir` (not `dir` itself): O(its descendants and the stale links among them), through
   * the children index. The index entries of the descendants go with it.
   */
  #deleteChildren(dir: string): void {
    const children = this.#children.get(dir);
    if (!children) return;
    this.#children.delete(dir);
    for (const child of children) {
      this.#delete(child);
      this.#deleteChildren(child);
    }
  }

  /**
   * The children index: a directory's path ('/' for the root) to the paths linked under it, as entries or as
   * directories the tar implies by holding entries under it without one of their own. Links are only ever added
   * (a deletion leaves its link behind, stale, and a path deleted and written again is linked twice), so that a
   * squash step costs O(1) per entry; what is live is decided by #files, and a directory's list is compacted when
   * its existence is asked for. Invariant: every key's path is in its parent's list, and every path in #files is
   * in its parent's list; so walking the lists from a directory reaches every live path under it.
   */
  readonly #children = new Map<string, string[]>();

  /** Links a new entry's path into the index, with every ancestor not linked yet: O(1) once the parent is. */
  #link(path: string): void {
    for (let child = path; child !== '/'; ) {
      const parent = parentOf(child);
      const list = this.#children.get(parent);
      if (list) {
        list.push(child);
        return;
      }
      this.#children.set(parent, [child]);
      if (this.#files.has(parent)) return;
      child = parent;
    }
  }

  /**
   * Whether a path that has no entry of its own exists as a directory implied by live entries under it. Dead links
   * at the end of its list are dropped on the way (and a list left empty), so each is paid for once.
   */
  #hasChildren(dir: string): boolean {
    const list = this.#children.get(dir);
    if (!list) return false;
    // A dead child's own list is gone with it (#hasChildren deletes an empty list), so dropping it keeps the invariant.
    while (list.length > 0 && !this.#files.has(list[list.length - 1]!) && !this.#hasChildren(list[list.length - 1]!)) list.pop();
    if (list.length === 0) this.#children.delete(dir);
    return list.length > 0;
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
