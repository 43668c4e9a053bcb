import { ConfigurationError } from '../common/errors.js';
import type { Plugin } from '../plugin/plugin.js';

/** The sign of a comparison: -1 when a < b, 0 when equal, 1 when a > b. */
export type Comparison = -1 | 0 | 1;

/**
 * A version that its scheme cannot read. It is a ConfigurationError because, at the CLI, the version is user input;
 * a matcher that meets one inside an image catches it and records the package as an Unknown.
 */
export class InvalidVersionError extends ConfigurationError {
  override name = 'InvalidVersionError';
  constructor(
    readonly scheme: string,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`Invalid ${scheme} version "${text}": ${reason}`);
  }
}

/** Thrown by a scheme's parser; `defineScheme` turns it into an InvalidVersionError naming the scheme and text. */
export class VersionSyntaxError extends Error {
  override name = 'VersionSyntaxError';
}

/**
 * How one ecosystem orders its versions. Every method is pure; `compare` caches parses, so callers pass strings.
 * Ranges (OSV `introduced`/`fixed`/`last_affected`) are tested with `compare`.
 */
export interface VersionScheme<P = unknown> extends Plugin {
  /** Other names users and data use for it (`deb`, `pypi`, `npm`, …). */
  readonly aliases: readonly string[];
  /** True only for the fuzzy fallback: a caller holding it knows the ordering is a guess. */
  readonly fallback: boolean;
  /** Parses a version; throws InvalidVersionError. */
  parse(text: string): P;
  isValid(text: string): boolean;
  /** Compares two version strings; throws InvalidVersionError if either is invalid. */
  compare(a: string, b: string): Comparison;
  compareParsed(a: P, b: P): Comparison;
}

export interface SchemeSpec<P> {
  id: string;
  version: number;
  aliases: readonly string[];
  description: string;
  fallback?: boolean;
  /** Throws VersionSyntaxError for an invalid version. */
  parse(text: string): P;
  compare(a: P, b: P): Comparison;
}

const CACHE_LIMIT = 20_000;

type CacheEntry<P> = { ok: true; value: P } | { ok: false; reason: string };

/** Builds a scheme from a parser and a comparator, with a bounded parse cache (comparisons are a hot path). */
export function defineScheme<P>(spec: SchemeSpec<P>): VersionScheme<P> {
  const cache = new Map<string, CacheEntry<P>>();
  const lookup = (text: string): CacheEntry<P> => {
    let entry = cache.get(text);
    if (entry === undefined) {
      try {
        entry = { ok: true, value: spec.parse(text) };
      } catch (error) {
        if (!(error instanceof VersionSyntaxError)) throw error;
        entry = { ok: false, reason: error.message };
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, entry);
    }
    return entry;
  };
  const parse = (text: string): P => {
    const entry = lookup(text);
    if (!entry.ok) throw new InvalidVersionError(spec.id, text, entry.reason);
    return entry.value;
  };
  return {
    id: spec.id,
    version: spec.version,
    aliases: spec.aliases,
    description: spec.description,
    fallback: spec.fallback ?? false,
    parse,
    isValid: (text) => lookup(text).ok,
    compare: (a, b) => (a === b ? 0 : spec.compare(parse(a), parse(b))),
    compareParsed: spec.compare,
  };
}

/** Helpers shared by the schemes. */
export function sign(n: number): Comparison {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a non-empty string of ASCII digits. */
export function isAllDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Compares two strings of ASCII digits numerically, any length (leading zeros allowed). */
export function compareDigits(a: string, b: string): Comparison {
  let i = 0;
  let j = 0;
  while (i < a.length - 1 && a.charCodeAt(i) === 48) i++;
  while (j < b.length - 1 && b.charCodeAt(j) === 48) j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la < lb ? -1 : 1;
  for (; i < a.length; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Plain code-unit comparison (Java's String.compareTo, C's strcmp on ASCII). */
export function compareStrings(a: string, b: string): Comparison {
  return a < b ? -1 : a > b ? 1 : 0;
}
