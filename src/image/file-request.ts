import type { FileType } from '../model/index.js';
import { compileGlob } from './paths.js';

/** Receives a file's content while its layer streams, instead of buffering it. `end()`'s result is kept. */
export interface ContentSink {
  write(chunk: Buffer): void;
  end(): unknown;
}

/**
 * What a later stage (a cataloger, a gate) needs from the image, declared before the single pass over the
 * layers. Every file's metadata is always kept; content is kept only for the files some request matches.
 */
export interface FileRequest {
  /** Who asks (`dpkg/status`, `gate/passwd_file`). */
  id: string;
  /** Absolute paths, exact. */
  paths?: readonly string[];
  /** Globs over absolute paths (`**` across segments, `*` within one, `{a,b}`). */
  globs?: readonly string[];
  /** A cheap test on the entry (plain comparisons, no regex), e.g. "executable and over 1 MB". */
  filter?: (path: string, entry: { type: FileType; mode: number; size: number }) => boolean;
  /** A lower content cap for this request, in bytes. The view's global cap still applies. */
  maxBytes?: number;
  /**
   * The file is a known package database (dpkg status, apk installed, an rpmdb), whose loss drops every package it
   * lists: `catalogRequests` gives it the package-database cap (`capBytes`) instead of the per-file cap.
   */
  database?: boolean;
  /** A content cap that replaces the view's global cap for this request, in bytes (still bounded: never Infinity). */
  capBytes?: number;
  /** Stream the content into a sink instead of buffering it. The result is read with `FileView.sinkResult`. */
  sink?: (path: string) => ContentSink;
  /**
   * Keep every layer's version of the matched files (each within the content cap), not only the squashed one:
   * `FileView.versions(path)` lists what each layer wrote or deleted. For small databases whose history matters
   * (which layer installed a package); the memory is the sum of the versions, so not for large or numerous files.
   */
  everyLayer?: boolean;
}

export interface CompiledRequest {
  request: FileRequest;
  paths: ReadonlySet<string>;
  globs: readonly RegExp[];
}

/**
 * Compiles requests once; `match` is called for every regular file in every layer. A glob whose last segment is
 * literal (`package.json`, `METADATA`) is indexed by that base name, so a path only meets the globs that could
 * match it, plus the few whose last segment has a wildcard and the requests with a filter.
 */
export class RequestMatcher {
  readonly #compiled: CompiledRequest[];
  /** Exact paths → the requests that name them. */
  readonly #byPath = new Map<string, CompiledRequest[]>();
  /** Literal base name → [request, glob] pairs. */
  readonly #byBasename = new Map<string, [CompiledRequest, RegExp][]>();
  /**
   * Globs with a wildcard in their last segment, and requests with a filter: tested for every path. A glob's
   * literal head and tail (`/var/lib/dpkg/info/`, `.list`) are compared before its regex runs.
   */
  readonly #generic: Generic[] = [];

  constructor(requests: readonly FileRequest[]) {
    this.#compiled = requests.map((request) => ({
      request,
      paths: new Set(request.paths ?? []),
      globs: (request.globs ?? []).map(compileGlob),
    }));
    for (const c of this.#compiled) {
      for (const p of c.paths) push(this.#byPath, p, c);
      (c.request.globs ?? []).forEach((glob, i) => {
        const last = glob.slice(glob.lastIndexOf('/') + 1);
        if (/[*?{[]/.test(last) || last === '') this.#generic.push({ request: c, re: c.globs[i]!, ...literalEnds(glob) });
        else push(this.#byBasename, last, [c, c.globs[i]!]);
      });
      if (c.request.filter) this.#generic.push({ request: c, re: undefined, head: '', tail: '' });
    }
  }

  get empty(): boolean {
    return this.#compiled.length === 0;
  }

  match(path: string, entry: { type: FileType; mode: number; size: number }): CompiledRequest[] {
    let hits: Set<CompiledRequest> | undefined;
    const exact = this.#byPath.get(path);
    if (exact) hits = new Set(exact);
    const named = this.#byBasename.get(path.slice(path.lastIndexOf('/') + 1));
    if (named) for (const [c, re] of named) if (re.test(path)) (hits ??= new Set()).add(c);
    for (const g of this.#generic) {
      const c = g.request;
      if (g.re ? path.startsWith(g.head) && path.endsWith(g.tail) && g.re.test(path) : c.request.filter!(path, entry)) (hits ??= new Set()).add(c);
    }
    // In declaration order, each request once.
    return hits ? this.#compiled.filter((c) => hits!.has(c)) : NO_MATCH;
  }
}

interface Generic {
  request: CompiledRequest;
  /** The glob's regex; undefined for a request's filter. */
  re: RegExp | undefined;
  /** What every path the glob matches starts and ends with ('' when nothing is certain). */
  head: string;
  tail: string;
}

/**
 * The literal text before a glob's first wildcard and after its last (compileGlob's `*`, `?` and `{…}`), which
 * every path it matches starts and ends with. A glob with braces gets none (a `{` without its `}` is literal there).
 */
export function literalEnds(glob: string): { head: string; tail: string } {
  const g = glob.startsWith('/') ? glob : `/${glob}`;
  if (/[{}]/.test(g)) return { head: '', tail: '' };
  const first = g.search(/[*?]/);
  if (first < 0) return { head: '', tail: '' };
  let last = first;
  for (let i = first; i < g.length; i++) if (g[i] === '*' || g[i] === '?') last = i;
  return { head: g.slice(0, first), tail: g.slice(last + 1) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_MATCH: CompiledRequest[] = [];
