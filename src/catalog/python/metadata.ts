/** Parsing of installed Python distributions' metadata: METADATA / PKG-INFO, RECORD, installed-files.txt. */

export interface PythonMetadata {
  name: string;
  version: string;
  licenses: string[];
  author?: string;
  homePage?: string;
  summary?: string;
  requiresDist: string[];
}

/**
 * The core-metadata header block (RFC 822 style; continuation lines start with whitespace). Returns null when the
 * text declares no distribution (no Name header, as in an empty egg-info file).
 */
export function parseCoreMetadata(text: string): PythonMetadata | null {
  const headers = new Map<string, string[]>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break; // the body (long description) follows the first blank line
    if (/^[ \t]/.test(line)) {
      if (last) {
        const values = headers.get(last)!;
        values[values.length - 1] += `\n${line.trim()}`;
      }
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(last) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(last, values);
  }
  const one = (key: string): string | undefined => headers.get(key)?.[0];
  const name = one('name');
  if (!name) return null;
  const meta: PythonMetadata = {
    name,
    version: one('version') ?? '',
    licenses: pythonLicenses(one('license-expression'), one('license'), headers.get('classifier') ?? []),
    requiresDist: headers.get('requires-dist') ?? [],
  };
  const author = one('author') ?? one('author-email');
  if (author) meta.author = author;
  const home = one('home-page');
  if (home) meta.homePage = home;
  const summary = one('summary');
  if (summary) meta.summary = summary;
  return meta;
}

/** License-Expression wins; then a short License field (not a pasted licence text); then License classifiers. */
function pythonLicenses(expression: string | undefined, license: string | undefined, classifiers: string[]): string[] {
  if (expression) return [expression];
  if (license && license.toUpperCase() !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100) return [license];
  return classifiers
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').pop()!.trim())
    .filter((l) => l !== '' && l !== 'OSI Approved');
}

/** PEP 503 normalisation, as purls for pypi use: lower case, runs of `-_.` become one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** RECORD (CSV: path,hash,size) → the listed paths; malformed lines are skipped. */
export function parseRecord(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const path = line.startsWith('"') ? /^"((?:[^"]|"")*)"/.exec(line)?.[1]?.replace(/""/g, '"') : line.split(',')[0];
    if (path) out.push(path);
  }
  return out;
}

/** installed-files.txt: one path per line, relative to the egg-info directory. */
export function parseInstalledFiles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** direct_url.json with VCS info → the purl `vcs_url` qualifier (`git+https://…@commit`). */
export function vcsUrl(directUrlJson: string): string | undefined {
  try {
    const doc = JSON.parse(directUrlJson) as { url?: unknown; vcs_info?: { vcs?: unknown; commit_id?: unknown } };
    if (typeof doc.url !== 'string' || !doc.vcs_info || typeof doc.vcs_info.vcs !== 'string') return undefined;
    const commit = typeof doc.vcs_info.commit_id === 'string' ? `@${doc.vcs_info.commit_id}` : '';
    return `${doc.vcs_info.vcs}+${doc.url}${commit}`;
  } catch {
    return undefined;
  }
}
