import { compareDigits, defineScheme, isDigitCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * Composer/Packagist versions, ordered like PHP's version_compare (which Composer's Comparator uses) after
 * dropping a leading `v`: `-`, `_` and `+` become `.`, a `.` is put between digits and non-digits, then the parts
 * compare pairwise. Numbers compare numerically; words by their stability flag:
 *   unknown < dev < alpha = a < beta = b < RC = rc < # (a number) < pl = p
 * A number against a word counts as `#`. When one version runs out, a remaining number makes the longer version
 * greater; a remaining word is compared with `#` (so `1.0-beta` < `1.0` < `1.0-p1`).
 */

const FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const NUMBER_FORM = 4;

/** A part: a digit string, or a word with its stability order. */
export type ComposerPart = { num: string } | { word: string; order: number };

function formOrder(word: string): number {
  for (const [name, order] of FORMS) if (word.startsWith(name)) return order;
  return -1;
}

function isSpecial(c: number): boolean {
  return c === 45 || c === 95 || c === 43; // - _ +
}

/** PHP's canonical form, split at dots. */
export function parseComposer(input: string): ComposerPart[] {
  let s = input.trim();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  if ((s[0] === 'v' || s[0] === 'V') && isDigitCode(s.charCodeAt(1))) s = s.slice(1);
  const parts: ComposerPart[] = [];
  let current = '';
  let currentIsDigit = false;
  const flush = (): void => {
    if (current === '') return;
    parts.push(currentIsDigit ? { num: current } : { word: current, order: formOrder(current) });
    current = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || isSpecial(c)) {
      flush();
      continue;
    }
    const digit = isDigitCode(c);
    if (current !== '' && digit !== currentIsDigit) flush();
    currentIsDigit = digit;
    current += s[i];
  }
  flush();
  if (parts.length === 0) throw new VersionSyntaxError('no version parts');
  return parts;
}

function orderOf(p: ComposerPart): number {
  return 'num' in p ? NUMBER_FORM : p.order;
}

function cmp(x: number, y: number): Comparison {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares the parts of `a` from `i` with "#N#" (a lone number form), as PHP does for a longer version's tail. */
function compareTail(a: readonly ComposerPart[], i: number): Comparison {
  const first = a[i]!;
  if ('num' in first) return 1;
  const c = cmp(first.order, NUMBER_FORM);
  if (c !== 0) return c;
  // Equal to "#": whatever follows makes it longer.
  if (i + 1 >= a.length) return 0;
  return compareTail(a, i + 1);
}

export function compareComposer(a: readonly ComposerPart[], b: readonly ComposerPart[]): Comparison {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    let c: Comparison;
    if ('num' in x && 'num' in y) c = compareDigits(x.num, y.num);
    else c = cmp(orderOf(x), orderOf(y));
    if (c !== 0) return c;
  }
  if (a.length > n) return compareTail(a, n);
  if (b.length > n) return (-compareTail(b, n) || 0) as Comparison;
  return 0;
}

export const composerScheme = defineScheme<ComposerPart[]>({
  id: 'composer',
  version: 1,
  aliases: ['packagist', 'php'],
  description: "Composer/Packagist versions, as PHP version_compare with stability flags (dev < alpha < beta < RC < release < pl)",
  parse: parseComposer,
  compare: compareComposer,
});
