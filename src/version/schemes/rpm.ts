import { compareDigits, compareStrings, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/** `[epoch:]version[-release]`. The epoch is compared with rpmvercmp too, so odd data still orders sensibly. */
export interface RpmVersion {
  epoch: string;
  version: string;
  /** Undefined when there is no `-`: a version without a release sorts before the same version with one. */
  release: string | undefined;
}

export function parseRpm(input: string): RpmVersion {
  const text = input.trim();
  if (text === '') throw new VersionSyntaxError('version string is empty');
  let epoch = '0';
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    epoch = text.slice(0, colon) || '0';
    rest = text.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash < 0) return { epoch, version: rest, release: undefined };
  return { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

const TILDE = 126;
const CARET = 94;

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/** rpm's rpmvercmp, with `~` (sorts before anything, even the end) and `^` (sorts after the end, before anything else). */
export function rpmvercmp(a: string, b: string): Comparison {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    while (i < la && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET) i++;
    while (j < lb && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET) j++;
    const ca = i < la ? a.charCodeAt(i) : -1;
    const cb = j < lb ? b.charCodeAt(j) : -1;
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (ca === -1) return -1;
      if (cb === -1) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === -1 || cb === -1) break;
    const numeric = isDigitCode(ca);
    const test = numeric ? isDigitCode : isLetterCode;
    const si = i;
    const sj = j;
    while (i < la && test(a.charCodeAt(i))) i++;
    while (j < lb && test(b.charCodeAt(j))) j++;
    const sa = a.slice(si, i);
    const sb = b.slice(sj, j);
    // Segments of different kinds: a number is newer than letters.
    if (sb === '') return numeric ? 1 : -1;
    const rc = numeric ? compareDigits(sa, sb) : compareStrings(sa, sb);
    if (rc !== 0) return rc;
  }
  const restA = i < la;
  const restB = j < lb;
  if (!restA && !restB) return 0;
  return restA ? 1 : -1;
}

export function compareRpm(a: RpmVersion, b: RpmVersion): Comparison {
  const e = rpmvercmp(a.epoch, b.epoch);
  if (e !== 0) return e;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0) return v;
  if (a.release === undefined) return b.release === undefined ? 0 : -1;
  if (b.release === undefined) return 1;
  return rpmvercmp(a.release, b.release);
}

export const rpmScheme = defineScheme<RpmVersion>({
  id: 'rpm',
  version: 1,
  aliases: ['redhat', 'rhel', 'red-hat'],
  description: 'RPM versions (Red Hat, AlmaLinux, Rocky, SUSE, …): epoch, rpmvercmp with ~ and ^',
  parse: parseRpm,
  compare: compareRpm,
});
