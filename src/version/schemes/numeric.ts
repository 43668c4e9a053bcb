import { compareDigits, isDigitCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/** Splits a version made only of numbers and the given separators; throws on anything else. */
export function parseNumbers(input: string, separators: string): string[] {
  const s = input.trim();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && isDigitCode(s.charCodeAt(i))) continue;
    if (i < s.length && !separators.includes(s[i]!)) throw new VersionSyntaxError(`unexpected "${s[i]}" at offset ${i}`);
    if (i === start) throw new VersionSyntaxError(`empty component at offset ${i}`);
    out.push(s.slice(start, i));
    start = i + 1;
  }
  return out;
}

/** Component by component, numerically; when one is a prefix of the other, the longer one is greater. */
export function compareNumberLists(a: readonly string[], b: readonly string[]): Comparison {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
