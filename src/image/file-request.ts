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
  /** Stream the content into a sink instead of buffering it. The result is read with `FileView.sinkResult`. */
  sink?: (path: string) => ContentSink;
}

export interface CompiledRequest {
  request: FileRequest;
  paths: ReadonlySet<string>;
  globs: readonly RegExp[];
}

/** Compiles requests once; `match` is called for every regular file in every layer. */
export class RequestMatcher {
  readonly #compiled: CompiledRequest[];

  constructor(requests: readonly FileRequest[]) {
    this.#compiled = requests.map((request) => ({
      request,
      paths: new Set(request.paths ?? []),
      globs: (request.globs ?? []).map(compileGlob),
    }));
  }

  get empty(): boolean {
    return this.#compiled.length === 0;
  }

  match(path: string, entry: { type: FileType; mode: number; size: number }): CompiledRequest[] {
    let out: CompiledRequest[] | undefined;
    for (const c of this.#compiled) {
      const hit =
        c.paths.has(path) || c.globs.some((g) => g.test(path)) || (c.request.filter?.(path, entry) ?? false);
      if (hit) (out ??= []).push(c);
    }
    return out ?? NO_MATCH;
  }
}

const NO_MATCH: CompiledRequest[] = [];
