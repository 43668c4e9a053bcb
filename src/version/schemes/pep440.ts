import { compareDigits, compareStrings, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison } from '../scheme.js';

/*
 * PEP 440 (Python packaging's Version), with the normalisations of the spec: case, a leading `v`, separators
 * `.`/`-`/`_` around pre/post/dev markers, the alternative spellings (alpha, beta, c, pre, preview, rev, r) and the
 * implicit post release `1.0-1`. A string that is not PEP 440 is read as a legacy version (the rules of packaging's
 * former LegacyVersion), which sorts before every PEP 440 version, so old advisories still order sensibly.
 */

export type Pep440Version = ModernVersion | LegacyVersion;

interface ModernVersion {
  legacy: false;
  epoch: string;
  /** Release numbers with trailing zeros removed. */
  release: string[];
  /** Pre-release: 0 alpha, 1 beta, 2 rc; with its number. */
  pre: { kind: number; n: string } | undefined;
  post: string | undefined;
  dev: string | undefined;
  /** Local segments: numbers (as digit strings, marked) or lower-case words. */
  local: LocalSegment[] | undefined;
}

type LocalSegment = { num: string } | { word: string };

interface LegacyVersion {
  legacy: true;
  parts: string[];
}

const PRE_KINDS: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(offset = 0): number {
    return this.s.charCodeAt(this.pos + offset);
  }
  digits(): string | undefined {
    const start = this.pos;
    while (isDigitCode(this.peek())) this.pos++;
    return this.pos > start ? this.s.slice(start, this.pos) : undefined;
  }
  letters(): string {
    const start = this.pos;
    while (isLetterCode(this.peek())) this.pos++;
    return this.s.slice(start, this.pos);
  }
  /** Skips one optional `.`, `-` or `_`. */
  sep(): boolean {
    const c = this.peek();
    if (c === 46 || c === 45 || c === 95) {
      this.pos++;
      return true;
    }
    return false;
  }
}

/** Reads `[sep] word [sep] [number]` when the word is one of `words`; restores the position otherwise. */
function marker(r: Reader, words: (w: string) => boolean): { word: string; n: string } | undefined {
  const start = r.pos;
  r.sep();
  const word = r.letters();
  if (word === '' || !words(word)) {
    r.pos = start;
    return undefined;
  }
  const afterWord = r.pos;
  r.sep();
  const n = r.digits();
  if (n === undefined) r.pos = afterWord;
  return { word, n: n ?? '0' };
}

function parseModern(s: string): ModernVersion | undefined {
  const r = new Reader(s);
  if (r.peek() === 118) r.pos++; // v
  let epoch = '0';
  let first = r.digits();
  if (first === undefined) return undefined;
  if (r.peek() === 33) {
    // `!`
    r.pos++;
    epoch = first;
    first = r.digits();
    if (first === undefined) return undefined;
  }
  const release = [first];
  while (r.peek() === 46 && isDigitCode(r.peek(1))) {
    r.pos++;
    release.push(r.digits()!);
  }
  while (release.length > 1 && /^0+$/.test(release[release.length - 1]!)) release.pop();
  if (release.length === 1 && /^0+$/.test(release[0]!)) release[0] = '0';

  let pre: ModernVersion['pre'];
  const p = marker(r, (w) => w in PRE_KINDS);
  if (p) pre = { kind: PRE_KINDS[p.word]!, n: p.n };

  let post: string | undefined;
  const start = r.pos;
  if (r.peek() === 45 && isDigitCode(r.peek(1))) {
    r.pos++;
    post = r.digits();
  } else {
    r.pos = start;
    const m = marker(r, (w) => w === 'post' || w === 'rev' || w === 'r');
    if (m) post = m.n;
  }

  let dev: string | undefined;
  const d = marker(r, (w) => w === 'dev');
  if (d) dev = d.n;

  let local: LocalSegment[] | undefined;
  if (r.peek() === 43) {
    r.pos++;
    const text = s.slice(r.pos);
    if (text === '') return undefined;
    local = [];
    for (const seg of text.split(/[-_.]/)) {
      if (seg === '' || !/^[a-z0-9]+$/.test(seg)) return undefined;
      local.push(/^[0-9]+$/.test(seg) ? { num: seg } : { word: seg });
    }
    r.pos = s.length;
  }
  if (!r.done) return undefined;
  return { legacy: false, epoch, release, pre, post, dev, local };
}

const LEGACY_REPLACEMENTS: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** packaging's former LegacyVersion key: numbers zero-padded to 8, words prefixed with `*`, then `*final`. */
function parseLegacy(s: string): LegacyVersion {
  const raw: string[] = [];
  let i = 0;
  let other = '';
  const flushOther = (): void => {
    if (other !== '') raw.push(other);
    other = '';
  };
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i;
    if (isDigitCode(c)) {
      while (isDigitCode(s.charCodeAt(j))) j++;
    } else if (c >= 97 && c <= 122) {
      while (s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
    } else if (c === 46 || c === 45) {
      j = i + 1;
    } else {
      other += s[i];
      i++;
      continue;
    }
    flushOther();
    raw.push(s.slice(i, j));
    i = j;
  }
  flushOther();
  const parts: string[] = [];
  for (const piece of [...raw, '*final-sentinel']) {
    let part: string;
    if (piece === '*final-sentinel') part = '*final';
    else {
      const mapped = LEGACY_REPLACEMENTS[piece] ?? piece;
      if (mapped === '' || mapped === '.') continue;
      part = isDigitCode(mapped.charCodeAt(0)) ? mapped.padStart(8, '0') : '*' + mapped;
    }
    if (part.startsWith('*')) {
      if (part < '*final') while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return { legacy: true, parts };
}

export function parsePep440(input: string): Pep440Version {
  const s = input.trim().toLowerCase();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  return parseModern(s) ?? parseLegacy(s);
}

/** Compares optional numbers where "absent" sorts before (`low`) or after (`high`) any present value. */
function compareOptional(a: string | undefined, b: string | undefined, absent: 'low' | 'high'): Comparison {
  if (a === undefined || b === undefined) {
    if (a === b) return 0;
    const aAbsent = a === undefined;
    return (absent === 'low') === aAbsent ? -1 : 1;
  }
  return compareDigits(a, b);
}

function compareLocal(a: LocalSegment[] | undefined, b: LocalSegment[] | undefined): Comparison {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ('num' in x && 'num' in y) {
      const c = compareDigits(x.num, y.num);
      if (c !== 0) return c;
    } else if ('num' in x) return 1;
    else if ('num' in y) return -1;
    else {
      const c = compareStrings(x.word, y.word);
      if (c !== 0) return c;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function comparePre(a: ModernVersion, b: ModernVersion): Comparison {
  // No pre-release: a dev release alone sorts before any pre-release; a final release after them.
  const rank = (v: ModernVersion): number => (v.pre ? 1 : v.post === undefined && v.dev !== undefined ? 0 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.pre && b.pre) {
    if (a.pre.kind !== b.pre.kind) return a.pre.kind < b.pre.kind ? -1 : 1;
    return compareDigits(a.pre.n, b.pre.n);
  }
  return 0;
}

export function comparePep440(a: Pep440Version, b: Pep440Version): Comparison {
  if (a.legacy || b.legacy) {
    if (!a.legacy) return 1;
    if (!b.legacy) return -1;
    const n = Math.min(a.parts.length, b.parts.length);
    for (let i = 0; i < n; i++) {
      const c = compareStrings(a.parts[i]!, b.parts[i]!);
      if (c !== 0) return c;
    }
    return a.parts.length === b.parts.length ? 0 : a.parts.length < b.parts.length ? -1 : 1;
  }
  const e = compareDigits(a.epoch, b.epoch);
  if (e !== 0) return e;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a.release[i] ?? '0', b.release[i] ?? '0');
    if (c !== 0) return c;
  }
  return (
    comparePre(a, b) ||
    compareOptional(a.post, b.post, 'low') ||
    compareOptional(a.dev, b.dev, 'high') ||
    compareLocal(a.local, b.local)
  );
}

export const pep440Scheme = defineScheme<Pep440Version>({
  id: 'pep440',
  version: 1,
  aliases: ['pypi', 'python'],
  description: 'Python PEP 440 versions (epoch, pre/post/dev releases, local versions); legacy versions sort first',
  parse: parsePep440,
  compare: comparePep440,
});
