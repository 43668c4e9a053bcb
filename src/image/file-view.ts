import type { FileEntry, FileProvenance, ImageMetadata, Unknown } from '../model/index.js';
import type { CapturedContent, LayerResult } from './layer-collector.js';
import { compileGlob, resolveLinkTarget } from './paths.js';

/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
export const MAX_SYMLINK_HOPS = 40;

const DOT_SEGMENT = /\/\.{1,2}(\/|$)|\/\//;

export type ReadResult = { ok: true; data: Buffer; entry: FileEntry } | { ok: false; reason: string };

/**
 * What one layer did to a file kept in every layer's version (`FileRequest.everyLayer`): wrote it (`read` is that
 * version's content, or why there is none) or deleted it (a whiteout, an opaque directory, a parent replaced).
 */
export type FileVersion =
  | { layerIndex: number; provenance: FileProvenance; deleted: false; read: ReadResult }
  | { layerIndex: number; provenance: FileProvenance; deleted: true };

/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
export class FileView {
  readonly #files = new Map<string, FileEntry>();
  readonly #contents = new Map<string, CapturedContent>();
  /** Every layer's version of the files requested with `everyLayer`, lowest layer first. */
  readonly #versions = new Map<string, FileVersion[]>();
  /** The provenance of the layer being applied (for the versions its deletions record). */
  #applying: FileProvenance | undefined;
  readonly unknowns: Unknown[] = [];

  private constructor(
    readonly metadata: ImageMetadata,
    readonly layers: readonly LayerResult[],
  ) {}

  /** Squashes layer results, lowest first, applying whiteouts and opaque directories. */
  static squash(metadata: ImageMetadata, layers: readonly LayerResult[]): FileView {
    const view = new FileView(metadata, layers);
    layers.forEach((layer, i) => view.#apply(layer, provenanceOf(metadata, i)));
    view.#applying = undefined;
    // A requested file whose content was not kept (over the cap) is an unknown, if it survives the squash.
    for (const [path, captured] of view.#contents) {
      if (captured.kind !== 'unknown') continue;
      const layerDigest = view.#files.get(path)?.provenance.layerDigest;
      view.unknowns.push({ stage: 'image', reason: captured.reason, path, ...(layerDigest ? { layerDigest } : {}) });
    }
    return view;
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
      if (options.follow && this.#files.get(candidate)?.type === 'symlink') return this.#walk(candidate, true);
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
      const entry = this.#files.get(candidate);
      const isLast = pending.length === 0;
      if (entry?.type === 'symlink' && (!isLast || follow)) {
        if (++hops > MAX_SYMLINK_HOPS) return undefined;
        const target = resolveLinkTarget(candidate, entry.linkTarget ?? '');
        pending = [...target.split('/').filter(Boolean), ...pending];
        current = '';
        continue;
      }
      if (!entry && !isLast && !this.#hasChildren(candidate)) return undefined;
      current = candidate;
    }
    return current === '' ? '/' : current;
  }

  /** Every entry, sorted by path. */
  list(): FileEntry[] {
    return [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get size(): number {
    return this.#files.size;
  }

  /** Entries whose literal path matches the glob (no symlink expansion), sorted by path. */
  glob(pattern: string): FileEntry[] {
    const re = compileGlob(pattern);
    return this.list().filter((e) => re.test(e.path));
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
    for (const dir of layer.opaqueDirs) this.#deleteChildren(dir);
    for (const path of layer.whiteouts) {
      this.#delete(path);
      this.#deleteChildren(path);
    }
    for (const e of layer.entries.values()) {
      const previous = this.#files.get(e.path);
      if (previous?.type === 'dir' && e.type !== 'dir') this.#deleteChildren(e.path);
      const entry: FileEntry = {
        path: e.path,
        type: e.type,
        mode: e.mode,
        uid: e.uid,
        gid: e.gid,
        size: e.size,
        mtime: e.mtime,
        ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
        provenance,
      };
      this.#files.set(e.path, entry);
      const content = layer.contents.get(e.path);
      if (content) this.#contents.set(e.path, content);
      else this.#contents.delete(e.path);
      if (content?.everyLayer || this.#versions.has(e.path)) {
        this.#record(e.path, { layerIndex: provenance.layerIndex, provenance, deleted: false, read: this.#readVersion(entry, content) });
      }
    }
    this.unknowns.push(...layer.unknowns);
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

  #deleteChildren(dir: string): void {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const key of this.#files.keys()) {
      if (key.startsWith(prefix)) this.#delete(key);
    }
  }

  /** Directories that hold entries without having one of their own (tars may omit them). Built on first need. */
  #impliedDirs: Set<string> | undefined;

  #hasChildren(dir: string): boolean {
    if (!this.#impliedDirs) {
      this.#impliedDirs = new Set();
      for (const key of this.#files.keys()) {
        for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
          const parent = key.slice(0, i);
          if (this.#impliedDirs.has(parent)) break;
          this.#impliedDirs.add(parent);
        }
      }
    }
    return this.#impliedDirs.has(dir);
  }
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
