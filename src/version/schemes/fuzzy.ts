import { compareDigits, compareStrings, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * The fallback for ecosystems without a scheme. It is never chosen silently: `fallback` is true, and the lookups in
 * `list.ts` say when they returned it. Versions are split into numbers and words (other characters separate them);
 * numbers compare numerically, words alphabetically (case-insensitive), a word sorts before a number (so
 * `1.0rc1` < `1.0` < `1.0.1`), and a missing token counts as 0.
 */
export type FuzzyToken = { num: string } | { word: string };

export function parseFuzzy(input: string): FuzzyToken[] {
  let s = input.trim().toLowerCase();
  if (s.length > 1 && s[0] === 'v' && isDigitCode(s.charCodeAt(1))) s = s.slice(1);
  const tokens: FuzzyToken[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (isDigitCode(c)) {
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      tokens.push({ num: s.slice(i, j) });
    } else if (isLetterCode(c)) {
      while (j < s.length && isLetterCode(s.charCodeAt(j))) j++;
      tokens.push({ word: s.slice(i, j) });
    }
    i = j;
  }
  if (tokens.length === 0) throw new VersionSyntaxError('no digits or letters');
  return tokens;
}

const ZERO: FuzzyToken = { num: '0' };

export function compareFuzzy(a: FuzzyToken[], b: FuzzyToken[]): Comparison {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? ZERO;
    const y = b[i] ?? ZERO;
    if ('num' in x && 'num' in y) {
      const c = compareDigits(x.num, y.num);
      if (c !== 0) return c;
    } else if ('word' in x && 'word' in y) {
      const c = compareStrings(x.word, y.word);
      if (c !== 0) return c;
    } else return 'num' in x ? 1 : -1;
  }
  return 0;
}

export const fuzzyScheme = defineScheme<FuzzyToken[]>({
  id: 'fuzzy',
  version: 1,
  aliases: ['unknown'],
  description: 'Fallback guess for unknown ecosystems: numbers and words, words before numbers (never chosen silently)',
  fallback: true,
  parse: parseFuzzy,
  compare: compareFuzzy,
});
