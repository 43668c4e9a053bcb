import { compareDigits, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/** `[epoch:]upstream[-revision]`, as dpkg reads it (deb-version(7)). */
export interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

/** Parses like dpkg's parseversion: its hard errors are errors here; its warnings (odd characters) are accepted. */
export function parseDpkg(input: string): DpkgVersion {
  const text = input.trim();
  if (text === '') throw new VersionSyntaxError('version string is empty');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) throw new VersionSyntaxError('version string has embedded spaces');
  }
  let epoch = '0';
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    epoch = text.slice(0, colon);
    if (epoch === '') throw new VersionSyntaxError('epoch in version is empty');
    for (let i = 0; i < epoch.length; i++) {
      if (!isDigitCode(epoch.charCodeAt(i))) throw new VersionSyntaxError('epoch in version is not number');
    }
    if (compareDigits(epoch, '2147483647') > 0) throw new VersionSyntaxError('epoch in version is too big');
    rest = text.slice(colon + 1);
    if (rest === '') throw new VersionSyntaxError('nothing after colon in version number');
  }
  const dash = rest.lastIndexOf('-');
  let upstream = rest;
  let revision = '';
  if (dash >= 0) {
    upstream = rest.slice(0, dash);
    revision = rest.slice(dash + 1);
    if (revision === '') throw new VersionSyntaxError('revision number is empty');
  }
  if (upstream === '') throw new VersionSyntaxError('version number is empty');
  return { epoch, upstream, revision };
}

/** dpkg's character order: `~` first (even before the end), then the end, then letters, then everything else. */
function order(c: number): number {
  if (isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 126) return -1;
  if (Number.isNaN(c)) return 0;
  return c + 256;
}

/** dpkg's verrevcmp: alternating non-digit and digit runs. */
export function verrevcmp(a: string, b: string): Comparison {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigitCode(a.charCodeAt(i))) || (j < b.length && !isDigitCode(b.charCodeAt(j)))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (isDigitCode(a.charCodeAt(i)) && isDigitCode(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigitCode(a.charCodeAt(i))) return 1;
    if (isDigitCode(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}

export function compareDpkg(a: DpkgVersion, b: DpkgVersion): Comparison {
  if (a.epoch !== b.epoch) {
    const e = compareDigits(a.epoch, b.epoch);
    if (e !== 0) return e;
  }
  return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

export const dpkgScheme = defineScheme<DpkgVersion>({
  id: 'dpkg',
  version: 1,
  aliases: ['deb', 'debian', 'ubuntu'],
  description: 'Debian and Ubuntu package versions (epoch, upstream, revision; ~ sorts first), as dpkg --compare-versions',
  parse: parseDpkg,
  compare: compareDpkg,
});
