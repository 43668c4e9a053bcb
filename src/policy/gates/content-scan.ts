import type { FileRequest } from '../../image/file-request.js';
import type { FileView } from '../../image/file-view.js';
import { compileRegex } from '../params.js';

/** A named content regex, as Anchore's analyzer_config `secret_search` / `content_search` entries (`NAME=regex`). */
export interface NamedRegex {
  name: string;
  regex: string;
}

/**
 * The default secret regexes (a private key needs its base64 body: programs such as libssh2 carry the bare header), under Anchore's default names. Anchore leaves their text to the analyzer config;
 * these are Portcullis's own, documented in policies/README.md.
 */
export const DEFAULT_SECRET_REGEXES: readonly NamedRegex[] = [
  { name: 'AWS_ACCESS_KEY', regex: '(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])' },
  { name: 'AWS_SECRET_KEY', regex: '(?i)aws_?secret_?access_?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])' },
  { name: 'PRIV_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
  { name: 'DOCKER_AUTH', regex: '"auths"\\s*:\\s*\\{[\\s\\S]*?"auth"\\s*:\\s*"[A-Za-z0-9+/=]{8,}"' },
  { name: 'API_KEY', regex: '(?i)api[-_]?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9_\\-]{20,60}(?![A-Za-z0-9_\\-])' },
];

/**
 * Anchore's default `secret_search` entries, as its analyzer config writes them (anchore-engine
 * `anchore_engine/conf/analyzer_config.yaml`). Findings quote these texts (`regexp=NAME=<regex>`) so that their
 * md5 trigger ids are Anchore's; detection uses the regexes above, under the same names (policies/README.md).
 */
export const ANCHORE_SECRET_SEARCH: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY: '(?i).*aws_access_key_id( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9]).*',
  AWS_SECRET_KEY: '(?i).*aws_secret_access_key( *=+ *).*(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=]).*',
  PRIV_KEY: '(?i)-+BEGIN(.*)PRIVATE KEY-+',
  DOCKER_AUTH: '(?i).*"auth": *".+"',
  API_KEY: '(?i).*api(-|_)key( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20,60}(?![A-Z0-9]).*',
};

/** The default content-search regexes of the files gate (Anchore ships none enabled). */
export const DEFAULT_CONTENT_REGEXES: readonly NamedRegex[] = [
  { name: 'PASSWORD_ASSIGNMENT', regex: '(?i)(?:password|passwd|pwd)\\s*[:=]\\s*["\']?[^\\s"\']{4,}' },
  { name: 'PRIVATE_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
  { name: 'URL_WITH_CREDENTIALS', regex: '\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s:@]+@' },
];

/** Files larger than this are not searched (documented default). */
export const CONTENT_SCAN_MAX_BYTES = 1024 * 1024;
const SKIPPED = /^\/(?:proc|sys|dev)\//;

/**
 * A request that streams every regular file up to the cap through the regexes during the image pass; the
 * content is not kept. Each file's result is the list of regex names that matched.
 */
export function contentScanRequest(id: string, regexes: readonly NamedRegex[], maxBytes = CONTENT_SCAN_MAX_BYTES): FileRequest {
  const compiled = regexes.map((r) => ({ name: r.name, re: withFlags(compileRegex(r.regex), 'm') }));
  return {
    id,
    filter: (path, e) => e.type === 'file' && e.size > 0 && e.size <= maxBytes && !SKIPPED.test(path),
    sink: () => {
      const chunks: Buffer[] = [];
      let size = 0;
      return {
        write(chunk: Buffer) {
          if (size < maxBytes) chunks.push(chunk);
          size += chunk.length;
        },
        end() {
          const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('latin1');
          return compiled.filter((c) => c.re.test(text)).map((c) => c.name);
        },
      };
    },
  };
}

/** The files whose content matched, with the names that matched, sorted by path. */
export function contentScanResults(files: FileView, id: string): { path: string; names: string[] }[] {
  const out: { path: string; names: string[] }[] = [];
  for (const path of files.capturedPaths()) {
    const r = files.sinkResult(id, path);
    if (Array.isArray(r) && r.length > 0) out.push({ path, names: r as string[] });
  }
  return out;
}

function withFlags(re: RegExp, extra: string): RegExp {
  return new RegExp(re.source, [...new Set((re.flags + extra).split(''))].join(''));
}
