import { DockerfileParser } from 'dockerfile-ast';
import type { ImageMetadata } from '../../../model/index.js';

/** `actual`: the user's Dockerfile. `guessed`: rebuilt from the image history. `unknown`: neither. */
export type DockerfileMode = 'actual' | 'guessed' | 'unknown';

export interface DockerfileLine {
  /** Upper-case directive (`RUN`). */
  directive: string;
  /** The arguments, continuations joined (as Docker records them in the history). */
  args: string;
  /** 1-based line of the instruction in the actual Dockerfile. */
  line?: number;
}

export interface ParsedDockerfile {
  mode: DockerfileMode;
  lines: DockerfileLine[];
}

/**
 * Parses an actual Dockerfile with the maintained `dockerfile-ast` parser. The arguments are joined as Anchore
 * joins them (anchore-engine gates/dockerfile.py `DockerfileGate.prepare_context`): each physical line stripped,
 * comment lines dropped, a trailing backslash removed, the pieces concatenated; so messages, and their md5 ids,
 * are Anchore's (`apt-get update && apt-get install` for a line continued after `update \`).
 */
export function parseDockerfile(text: string): DockerfileLine[] {
  const df = DockerfileParser.parse(text);
  const physical = text.split(/\r?\n/);
  return df.getInstructions().map((i) => {
    const { start, end } = i.getRange();
    const keyword = i.getKeyword();
    return { directive: keyword.toUpperCase(), args: anchoreJoin(physical.slice(start.line, end.line + 1), keyword), line: start.line + 1 };
  });
}

function anchoreJoin(lines: readonly string[], keyword: string): string {
  let buf = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    buf += line.endsWith('\\') ? line.slice(0, -1) : line;
  }
  const at = buf.toUpperCase().startsWith(keyword.toUpperCase()) ? keyword.length : 0;
  return buf.slice(at).trim();
}

const DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'];
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const SHELL_RUN = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/s;

/**
 * Rebuilds a Dockerfile from the image history, as Anchore's "guessed" mode does: it starts with `FROM scratch`
 * (the history does not record the base image; anchore-engine `anchore_engine/util/docker.py`
 * `_infer_dockerfile`), `#(nop)` entries give their directive, BuildKit entries start with it, and any other
 * command is a RUN. Instructions that leave no history but are in the image config (USER, EXPOSE, HEALTHCHECK)
 * are added from it. An image always has a guessed Dockerfile, as in Anchore.
 */
export function guessDockerfile(image: ImageMetadata): ParsedDockerfile {
  const history = image.config.history ?? [];
  const lines: DockerfileLine[] = [{ directive: 'FROM', args: 'scratch' }];
  for (const h of history) {
    const createdBy = h.created_by?.trim();
    if (!createdBy) continue;
    const l = guessLine(createdBy);
    if (l) lines.push(l);
  }
  const cfg = image.config.config ?? {};
  const has = (d: string) => lines.some((l) => l.directive === d);
  if (cfg.User && !has('USER')) lines.push({ directive: 'USER', args: cfg.User });
  const ports = Object.keys(cfg.ExposedPorts ?? {});
  if (ports.length > 0 && !has('EXPOSE')) lines.push({ directive: 'EXPOSE', args: ports.join(' ') });
  if (cfg.Healthcheck && !has('HEALTHCHECK')) {
    const test = (cfg.Healthcheck as { Test?: string[] }).Test ?? [];
    lines.push({ directive: 'HEALTHCHECK', args: test[0] === 'NONE' ? 'NONE' : `CMD ${test.slice(1).join(' ')}` });
  }
  return { mode: 'guessed', lines };
}

function guessLine(createdBy: string): DockerfileLine | undefined {
  let s = createdBy.replace(/\s+# buildkit$/, '');
  if (NOP.test(s)) s = s.replace(NOP, '');
  else {
    const run = SHELL_RUN.exec(s);
    if (run) return { directive: 'RUN', args: run[1]!.trim() };
  }
  const m = /^([A-Z]+)(?:\s+(.*))?$/s.exec(s);
  if (m && DIRECTIVES.includes(m[1]!)) {
    let args = (m[2] ?? '').trim();
    if (m[1] === 'RUN') args = SHELL_RUN.exec(args)?.[1]?.trim() ?? args.replace(/^\|\d+ (?:\S+=\S* )*/, '');
    if (m[1] === 'EXPOSE') args = args.replace(/^map\[(.*)\]$/, '$1').replace(/:\{\}/g, '');
    return { directive: m[1]!, args };
  }
  return { directive: 'RUN', args: s };
}

/** The Dockerfile the gates see: the actual one when given, otherwise the guessed one. */
export function dockerfileFor(image: ImageMetadata, actual: string | undefined): ParsedDockerfile {
  if (actual !== undefined) return { mode: 'actual', lines: parseDockerfile(actual) };
  return guessDockerfile(image);
}
