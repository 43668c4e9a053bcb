import { compareDigits, compareStrings, defineScheme, isDigitCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * Maven's ComparableVersion: a version is a list of items split at `.`, `-` and at digit/letter transitions; a `-`
 * or a transition opens a nested list. Numbers compare numerically; qualifiers in the order
 * alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < anything else (alphabetically);
 * `a1`, `b1`, `m1` mean alpha-1, beta-1, milestone-1. Trailing null items (0, "", empty lists) are dropped.
 */

export type MavenItem =
  | { kind: 'int'; value: string }
  | { kind: 'str'; value: string; key: string }
  | { kind: 'list'; items: MavenItem[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_KEY = String(QUALIFIERS.indexOf(''));

function stringItem(text: string, followedByDigit: boolean): MavenItem {
  let value = text;
  if (followedByDigit && value.length === 1) {
    if (value === 'a') value = 'alpha';
    else if (value === 'b') value = 'beta';
    else if (value === 'm') value = 'milestone';
  }
  value = ALIASES[value] ?? value;
  const index = QUALIFIERS.indexOf(value);
  return { kind: 'str', value, key: index < 0 ? `${QUALIFIERS.length}-${value}` : String(index) };
}

function intItem(text: string): MavenItem {
  let i = 0;
  while (i < text.length - 1 && text.charCodeAt(i) === 48) i++;
  return { kind: 'int', value: text.slice(i) };
}

function parseItem(isDigit: boolean, text: string): MavenItem {
  return isDigit ? intItem(text) : stringItem(text, false);
}

const ZERO: MavenItem = { kind: 'int', value: '0' };

function isNull(item: MavenItem): boolean {
  switch (item.kind) {
    case 'int':
      return item.value === '0';
    case 'str':
      return item.value === '';
    case 'list':
      return item.items.length === 0;
  }
}

/**
 * Drops trailing null items, as ComparableVersion does. In a nested (`-`) list, a leading null qualifier followed by
 * another `-` list is a no-op too (`1-ga-1` = `1-1`, as the Maven version-order spec trims nulls at each hyphen).
 */
function normalize(items: MavenItem[], nested: boolean): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNull(item)) items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
  if (nested && items.length === 1 && items[0]!.kind === 'list') {
    const inner = items[0].items;
    items.length = 0;
    for (const item of inner) items.push(item);
  }
}

export function parseMaven(input: string): MavenItem {
  const v = input.trim().toLowerCase();
  if (v === '') throw new VersionSyntaxError('version string is empty');
  const root: MavenItem[] = [];
  let list = root;
  const stack: MavenItem[][] = [root];
  const open = (): void => {
    const sub: MavenItem[] = [];
    list.push({ kind: 'list', items: sub });
    list = sub;
    stack.push(sub);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 || c === 45) {
      list.push(i === start ? ZERO : parseItem(isDigit, v.slice(start, i)));
      start = i + 1;
      if (c === 45) open();
    } else if (isDigitCode(c)) {
      if (!isDigit && i > start) {
        list.push(stringItem(v.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, v.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (v.length > start) list.push(parseItem(isDigit, v.slice(start)));
  while (stack.length > 0) normalize(stack.pop()!, stack.length > 0);
  return { kind: 'list', items: root };
}

/**
 * Item comparison for two items that are not both lists (lists are walked by compareMaven); `b` undefined means
 * "nothing there" (the other version is shorter). A list against nothing, an int or a string is decided here.
 */
function compareLeaf(a: MavenItem, b: MavenItem | undefined): Comparison {
  switch (a.kind) {
    case 'int':
      if (b === undefined) return a.value === '0' ? 0 : 1;
      if (b.kind === 'int') return compareDigits(a.value, b.value);
      return 1;
    case 'str':
      if (b === undefined) return compareStrings(a.key, RELEASE_KEY);
      if (b.kind === 'int') return -1;
      if (b.kind === 'str') return compareStrings(a.key, b.key);
      return -1;
    case 'list':
      if (b === undefined || b.kind === 'list') throw new Error('compareLeaf: two lists are walked by compareMaven');
      return b.kind === 'int' ? -1 : 1;
  }
}

/** One pair of lists being compared item by item; `ys` undefined is "nothing there"; `sign` flips a swapped pair. */
interface Frame {
  xs: MavenItem[];
  ys: MavenItem[] | undefined;
  i: number;
  sign: 1 | -1;
}

/**
 * ComparableVersion's order. Nested lists (one per `-` or digit/letter transition) are walked with an explicit
 * stack, not by recursion, so a 100 KB version (50,000 levels of nesting) compares without overflowing the stack.
 */
export function compareMaven(a: MavenItem, b: MavenItem): Comparison {
  const stack: Frame[] = [];
  // Compares x with y (y undefined: nothing there) under `sign`; answers a decided result, or 0 after pushing a frame.
  const pair = (x: MavenItem, y: MavenItem | undefined, sign: 1 | -1): Comparison => {
    if (x.kind === 'list' && (y === undefined || y.kind === 'list')) {
      stack.push({ xs: x.items, ys: y?.items, i: 0, sign });
      return 0;
    }
    return (sign * compareLeaf(x, y)) as Comparison;
  };
  let c = pair(a, b, 1);
  while (c === 0 && stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const n = f.ys === undefined ? f.xs.length : Math.max(f.xs.length, f.ys.length);
    if (f.i >= n) {
      stack.pop();
      continue;
    }
    const l = f.xs[f.i];
    const r = f.ys?.[f.i];
    f.i++;
    if (l === undefined) c = r === undefined ? 0 : pair(r, undefined, (-f.sign) as 1 | -1);
    else c = pair(l, r, f.sign);
  }
  return c;
}

export const mavenScheme = defineScheme<MavenItem>({
  id: 'maven',
  version: 1,
  aliases: ['java'],
  description: 'Maven versions, as ComparableVersion: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final < sp',
  parse: parseMaven,
  compare: compareMaven,
});
