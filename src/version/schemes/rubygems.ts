import { compareDigits, compareStrings, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * RubyGems' Gem::Version: `-` means `.pre.`; the version is split into numeric and alphabetic segments; trailing
 * zeros of the release part and of the pre-release part are dropped ("canonical segments"); then segments compare
 * pairwise, a missing one counting as 0, numbers numerically, letters as strings, and letters before numbers
 * (so `1.0.a` is a pre-release of `1.0`).
 */

export type GemSegment = string | { n: string };

function isNumberSegment(s: GemSegment): s is { n: string } {
  return typeof s !== 'string';
}

function isValidGemVersion(s: string): boolean {
  // Gem::Version's pattern, [0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?, widened to let letters
  // follow the first number directly (`1beta`), which advisories contain.
  let i = 0;
  const n = s.length;
  const alnum = (c: number): boolean => isDigitCode(c) || isLetterCode(c);
  if (!isDigitCode(s.charCodeAt(0))) return false;
  while (i < n && alnum(s.charCodeAt(i))) i++;
  while (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && alnum(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  if (i === n) return true;
  if (s.charCodeAt(i) !== 45) return false;
  i++;
  for (;;) {
    const start = i;
    while (i < n && (alnum(s.charCodeAt(i)) || s.charCodeAt(i) === 45)) i++;
    if (i === start) return false;
    if (i === n) return true;
    if (s.charCodeAt(i) !== 46) return false;
    i++;
  }
}

function isZero(s: GemSegment): boolean {
  return isNumberSegment(s) && /^0+$/.test(s.n);
}

export function parseGem(input: string): GemSegment[] {
  let s = input.trim();
  if (s === '') s = '0';
  if (!isValidGemVersion(s)) throw new VersionSyntaxError('not a Gem::Version (digits, then dot-separated letters and digits)');
  s = s.replaceAll('-', '.pre.');
  const segments: GemSegment[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (isDigitCode(c)) {
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      segments.push({ n: s.slice(i, j) });
    } else if (isLetterCode(c)) {
      while (j < s.length && isLetterCode(s.charCodeAt(j))) j++;
      segments.push(s.slice(i, j));
    }
    i = j;
  }
  // Canonical segments: drop trailing zeros of the numeric part and of the part from the first letters on.
  const firstString = segments.findIndex((x) => !isNumberSegment(x));
  const release = firstString < 0 ? segments : segments.slice(0, firstString);
  const pre = firstString < 0 ? [] : segments.slice(firstString);
  while (release.length > 0 && isZero(release[release.length - 1]!)) release.pop();
  while (pre.length > 0 && isZero(pre[pre.length - 1]!)) pre.pop();
  return [...release, ...pre];
}

const ZERO: GemSegment = { n: '0' };

export function compareGem(a: GemSegment[], b: GemSegment[]): Comparison {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? ZERO;
    const y = b[i] ?? ZERO;
    const xn = isNumberSegment(x);
    const yn = isNumberSegment(y);
    if (xn && yn) {
      const c = compareDigits(x.n, y.n);
      if (c !== 0) return c;
    } else if (!xn && !yn) {
      const c = compareStrings(x, y);
      if (c !== 0) return c;
    } else return xn ? 1 : -1;
  }
  return 0;
}

export const rubygemsScheme = defineScheme<GemSegment[]>({
  id: 'rubygems',
  version: 1,
  aliases: ['gem', 'ruby'],
  description: 'RubyGems versions, as Gem::Version: letters mark pre-releases, trailing zeros ignored',
  parse: parseGem,
  compare: compareGem,
});
