import { compareDigits, compareStrings, defineScheme, isDigitCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * Alpine's apk versions (apk-package(5)): number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}
 * - numbers compare numerically, except that a later component with a leading zero compares as text
 *   (apk reads `1.05` like a decimal fraction);
 * - one optional lower-case letter; none sorts first;
 * - suffixes: _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p, each with an optional number;
 * - `~hash` is ignored; `-rN` is the package release (missing = 0).
 * A version with text that fits none of this is "invalid": it compares by the parts that fit, then the leftover
 * text makes it sort below the same version without any (as current apk-tools does), two invalid leftovers
 * compare as text, and a tail at a `-` is ignored (`1-ruff2` = `1--ruff1` = `1-ruff1`). An empty component (`1.` then a letter: an invalid token to apk) sorts below any other, a missing one included. Each
 * step is a total preorder, so the whole is one (older code compared two invalid versions as whole strings, which
 * made `10_pa` < `1_pa` < `2` < `10_pa` a cycle).
 */
export interface ApkVersion {
  original: string;
  invalid: boolean;
  /** Number components as written (digit strings; `''` for an empty one as in `1.`). */
  numbers: string[];
  letter: string;
  suffixes: ApkSuffix[];
  release: string;
  remainder: string;
}

interface ApkSuffix {
  weight: number;
  number: string;
}

const SUFFIXES: readonly (readonly [string, number])[] = [
  ['alpha', 0],
  ['beta', 1],
  ['pre', 2],
  ['rc', 3],
  ['cvs', 5],
  ['svn', 6],
  ['git', 7],
  ['hg', 8],
  ['p', 9],
];
const NO_SUFFIX: ApkSuffix = { weight: 4, number: '0' };

function isLowerHex(c: number): boolean {
  return isDigitCode(c) || (c >= 97 && c <= 102);
}

function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
  return i;
}

export function parseApk(input: string): ApkVersion {
  const s = input.trim();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  let pos = 0;
  const numbers: string[] = [];
  // Digit runs, each optionally followed by one '.'.
  for (;;) {
    const end = digitsEnd(s, pos);
    if (end === pos) break;
    numbers.push(s.slice(pos, end));
    pos = end;
    if (s.charCodeAt(pos) !== 46) break;
    pos++;
    if (!isDigitCode(s.charCodeAt(pos))) {
      numbers.push('');
      break;
    }
  }
  let letter = '';
  const lc = s.charCodeAt(pos);
  if (lc >= 97 && lc <= 122) {
    letter = s[pos]!;
    pos++;
  }
  const suffixes: ApkSuffix[] = [];
  suffixLoop: while (s.charCodeAt(pos) === 95) {
    for (const [name, weight] of SUFFIXES) {
      if (s.startsWith(name, pos + 1)) {
        const start = pos + 1 + name.length;
        const end = digitsEnd(s, start);
        suffixes.push({ weight, number: s.slice(start, end) || '0' });
        pos = end;
        continue suffixLoop;
      }
    }
    break;
  }
  if (s.charCodeAt(pos) === 126 && isLowerHex(s.charCodeAt(pos + 1))) {
    pos++;
    while (isLowerHex(s.charCodeAt(pos))) pos++;
  }
  let release = '0';
  let invalid = false;
  if (pos < s.length) {
    if (s.charCodeAt(pos) === 45 && s.charCodeAt(pos + 1) === 114) {
      const end = digitsEnd(s, pos + 2);
      release = s.slice(pos + 2, end) || '0';
      pos = end;
    } else {
      invalid = true;
    }
  }
  return { original: s, invalid, numbers, letter, suffixes, release, remainder: s.slice(pos) };
}

function compareNumber(a: string | undefined, b: string | undefined, index: number): Comparison {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  const x = a || '0';
  const y = b || '0';
  // Later components with a leading zero compare as text; a missing component counts as "0", under the
  // same rule (so `1` = `1.0` < `1.00`, not `1` = `1.00` too: equality stays transitive). Texts starting with 0
  // sort below every number that does not, so the two rules together are one total order.
  if (index > 0 && (x.charCodeAt(0) === 48 || y.charCodeAt(0) === 48)) return compareStrings(x, y);
  return compareDigits(x, y);
}

function tailKey(v: ApkVersion): string {
  return !v.invalid || v.remainder.charCodeAt(0) === 45 ? '' : v.remainder;
}

export function compareApk(a: ApkVersion, b: ApkVersion): Comparison {
  const n = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumber(a.numbers[i], b.numbers[i], i);
    if (c !== 0) return c;
  }
  if (a.letter !== b.letter) {
    if (a.letter === '') return -1;
    if (b.letter === '') return 1;
    return compareStrings(a.letter, b.letter);
  }
  const m = Math.max(a.suffixes.length, b.suffixes.length);
  for (let i = 0; i < m; i++) {
    const sa = a.suffixes[i] ?? NO_SUFFIX;
    const sb = b.suffixes[i] ?? NO_SUFFIX;
    if (sa.weight !== sb.weight) return sa.weight < sb.weight ? -1 : 1;
    const c = compareDigits(sa.number, sb.number);
    if (c !== 0) return c;
  }
  const r = compareDigits(a.release, b.release);
  if (r !== 0) return r;
  if (a.remainder === '' && b.remainder !== '') return 1;
  if (a.remainder !== '' && b.remainder === '') return -1;
  // Two leftovers compare as text, except a tail at a `-` (after a release, `-r0-1`, or a bad one, `--ruff1`),
  // which apk ignores (counted as "").
  return compareStrings(tailKey(a), tailKey(b));
}

export const apkScheme = defineScheme<ApkVersion>({
  id: 'apk',
  version: 1,
  aliases: ['alpine', 'wolfi', 'chainguard'],
  description: 'Alpine apk versions: numbers, a letter, _alpha/_beta/_pre/_rc < release < _cvs/_svn/_git/_hg/_p, -rN',
  parse: parseApk,
  compare: compareApk,
});
