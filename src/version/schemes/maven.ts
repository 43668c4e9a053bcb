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
    items.splice(0, 1, ...inner);
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

/** Item comparison; `b` undefined means "nothing there" (the other version is shorter). */
function compareItem(a: MavenItem, b: MavenItem | undefined): Comparison {
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
    case 'list': {
      if (b === undefined) {
        for (const item of a.items) {
          const r = compareItem(item, undefined);
          if (r !== 0) return r;
        }
        return 0;
      }
      if (b.kind === 'int') return -1;
      if (b.kind === 'str') return 1;
      const n = Math.max(a.items.length, b.items.length);
      for (let i = 0; i < n; i++) {
        const l = a.items[i];
        const r = b.items[i];
        const c = l === undefined ? (r === undefined ? 0 : (-compareItem(r, undefined) as Comparison)) : compareItem(l, r);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

export function compareMaven(a: MavenItem, b: MavenItem): Comparison {
  return compareItem(a, b);
}

export const mavenScheme = defineScheme<MavenItem>({
  id: 'maven',
  version: 1,
  aliases: ['java'],
  description: 'Maven versions, as ComparableVersion: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final < sp',
  parse: parseMaven,
  compare: compareMaven,
});
