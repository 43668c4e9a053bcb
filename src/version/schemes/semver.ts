import { compareDigits, compareStrings, defineScheme, isAllDigits, isDigitCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/**
 * A SemVer 2.0 version, read leniently as npm, Go and crates.io data need it: an optional `v`, one or more numeric
 * components (missing ones of the first three are 0), an optional `-pre.release` and `+build`. Numbers may be of
 * any size. Numeric components after the third (`1.2.3.4`, as advisories write them) take part in the order, as in
 * hashicorp/go-version (which grype uses for semver), so `1.2.3.4` < `1.2.3.5` and `1.2.3.0` = `1.2.3`. A
 * non-numeric part after a third component that starts with `.` (`1.2.3.Final`) is taken as build metadata. Go's
 * `+incompatible` is build metadata too, so it does not take part in the order.
 */
export interface SemverVersion {
  major: string;
  minor: string;
  patch: string;
  /** Numeric components after the third (`1.2.3.4` → ['4']); absent when there are none. */
  extra?: string[];
  /** Pre-release identifiers; empty for a release. */
  pre: string[];
  /** Build identifiers; ignored by SemVer ordering (Pub orders them). */
  build: string[];
}

export function parseSemver(input: string): SemverVersion {
  let s = input.trim();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  if (s[0] === 'v' || s[0] === 'V') s = s.slice(1);
  const nums: string[] = [];
  let pos = 0;
  let build = '';
  for (;;) {
    let end = pos;
    while (end < s.length && isDigitCode(s.charCodeAt(end))) end++;
    const next = s.charCodeAt(end);
    if (nums.length >= 3 && (end === pos || (end < s.length && next !== 46 && next !== 45 && next !== 43))) {
      // `1.2.3.Final`, `1.2.3.4rc`: what follows the last dot is build metadata.
      const plus = s.indexOf('+', pos);
      build = plus < 0 ? s.slice(pos) : s.slice(pos, plus) + '.' + s.slice(plus + 1);
      pos = s.length;
      break;
    }
    if (end === pos) throw new VersionSyntaxError(nums.length === 0 ? 'it does not start with a number' : `expected a number at offset ${pos}`);
    nums.push(s.slice(pos, end));
    pos = end;
    if (s.charCodeAt(pos) !== 46) break;
    pos++;
  }
  let pre = '';
  if (pos < s.length) {
    const c = s[pos];
    if (c === '-') {
      const plus = s.indexOf('+', pos);
      pre = plus < 0 ? s.slice(pos + 1) : s.slice(pos + 1, plus);
      if (pre === '') throw new VersionSyntaxError('empty pre-release');
      if (plus >= 0) build = s.slice(plus + 1);
    } else if (c === '+') {
      build = s.slice(pos + 1);
    } else {
      throw new VersionSyntaxError(`unexpected "${c}" at offset ${pos}`);
    }
  }
  return {
    major: nums[0]!,
    minor: nums[1] ?? '0',
    patch: nums[2] ?? '0',
    ...(nums.length > 3 ? { extra: nums.slice(3) } : {}),
    pre: pre === '' ? [] : pre.split('.'),
    build: build === '' ? [] : build.split('.'),
  };
}

/** SemVer 2.0 identifier lists: numeric identifiers numerically and below alphanumeric ones; a shorter prefix first. */
export function compareIdentifiers(a: readonly string[], b: readonly string[]): Comparison {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const xn = isAllDigits(x);
    const yn = isAllDigits(y);
    if (xn && yn) {
      const c = compareDigits(x, y);
      if (c !== 0) return c;
    } else if (xn) return -1;
    else if (yn) return 1;
    else return compareStrings(x, y);
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareSemverCore(a: SemverVersion, b: SemverVersion): Comparison {
  const c = compareDigits(a.major, b.major) || compareDigits(a.minor, b.minor) || compareDigits(a.patch, b.patch);
  if (c !== 0 || (a.extra === undefined && b.extra === undefined)) return c;
  // Components after the third, a missing one counting as 0 (a loop: a 100 KB version has 50,000 of them).
  const x = a.extra ?? [];
  const y = b.extra ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = compareDigits(x[i] ?? '0', y[i] ?? '0');
    if (d !== 0) return d;
  }
  return 0;
}

export function compareSemver(a: SemverVersion, b: SemverVersion): Comparison {
  const core = compareSemverCore(a, b);
  if (core !== 0) return core;
  if (a.pre.length === 0 || b.pre.length === 0) {
    return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  }
  return compareIdentifiers(a.pre, b.pre);
}

export const semverScheme = defineScheme<SemverVersion>({
  id: 'semver',
  version: 1,
  aliases: ['npm', 'go', 'golang', 'cargo', 'crates.io', 'hex'],
  description: 'SemVer 2.0 (npm, Go modules with v prefix and +incompatible, crates.io, Hex); build metadata ignored',
  parse: parseSemver,
  compare: compareSemver,
});
