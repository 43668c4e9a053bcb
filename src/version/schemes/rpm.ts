import { compareDigits, compareStrings, isAllDigits, defineScheme, isDigitCode, isLetterCode, VersionSyntaxError, type Comparison, type VersionScheme } from '../scheme.js';

/** `[epoch:]version[-release]`. The epoch is compared with rpmvercmp too, so odd data still orders sensibly. */
export interface RpmVersion {
  /** `0` when the text has none (rpm's rule); see `epochGiven`. */
  epoch: string;
  /** False when the text has no `epoch:` part: `rpmSchemeAssumingEpoch` then puts the package's epoch there. */
  epochGiven: boolean;
  version: string;
  /** Undefined when there is no `-`: a version without a release sorts before the same version with one. */
  release: string | undefined;
}

/**
 * Reads `[epoch:]version[-release]`. Only an all-digit prefix before the first `:` is an epoch (rpm's own
 * parseEVR); a version such as `2.0:beta` with a non-numeric prefix keeps its colon in the version.
 */
export function parseRpm(input: string, defaultEpoch = '0'): RpmVersion {
  const text = input.trim();
  if (text === '') throw new VersionSyntaxError('version string is empty');
  let epoch = defaultEpoch;
  let epochGiven = false;
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0 && /^\d*$/.test(text.slice(0, colon))) {
    epoch = text.slice(0, colon) || '0';
    epochGiven = true;
    rest = text.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash < 0) return { epoch, epochGiven, version: rest, release: undefined };
  return { epoch, epochGiven, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

const TILDE = 126;
const CARET = 94;

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/** rpm's rpmvercmp, with `~` (sorts before anything, even the end) and `^` (sorts after the end, before anything else). */
export function rpmvercmp(a: string, b: string): Comparison {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    while (i < la && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET) i++;
    while (j < lb && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET) j++;
    const ca = i < la ? a.charCodeAt(i) : -1;
    const cb = j < lb ? b.charCodeAt(j) : -1;
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (ca === -1) return -1;
      if (cb === -1) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === -1 || cb === -1) break;
    const numeric = isDigitCode(ca);
    const test = numeric ? isDigitCode : isLetterCode;
    const si = i;
    const sj = j;
    while (i < la && test(a.charCodeAt(i))) i++;
    while (j < lb && test(b.charCodeAt(j))) j++;
    const sa = a.slice(si, i);
    const sb = b.slice(sj, j);
    // Segments of different kinds: a number is newer than letters.
    if (sb === '') return numeric ? 1 : -1;
    const rc = numeric ? compareDigits(sa, sb) : compareStrings(sa, sb);
    if (rc !== 0) return rc;
  }
  const restA = i < la;
  const restB = j < lb;
  if (!restA && !restB) return 0;
  return restA ? 1 : -1;
}

/** rpm's full EVR comparison: epoch (numerically), then version, then release, each with rpmvercmp. */
export function compareRpm(a: RpmVersion, b: RpmVersion): Comparison {
  const e = compareDigitsOrVercmp(a.epoch, b.epoch);
  if (e !== 0) return e;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0) return v;
  if (a.release === undefined) return b.release === undefined ? 0 : -1;
  if (b.release === undefined) return 1;
  return rpmvercmp(a.release, b.release);
}

export const rpmScheme = defineScheme<RpmVersion>({
  id: 'rpm',
  version: 1,
  aliases: ['redhat', 'rhel', 'red-hat'],
  description: 'RPM versions (Red Hat, AlmaLinux, Rocky, SUSE, …): epoch, rpmvercmp with ~ and ^',
  parse: parseRpm,
  compare: compareRpm,
});

function compareDigitsOrVercmp(a: string, b: string): Comparison {
  return isAllDigits(a) && isAllDigits(b) ? compareDigits(a, b) : rpmvercmp(a, b);
}

const ASSUMING = new Map<string, VersionScheme<RpmVersion>>();

/**
 * The rpm scheme for matching one installed package whose epoch is `epoch`: a version written without an epoch
 * (most advisories write `3.0.7-28.el9`, not `1:3.0.7-28.el9`) is read as having the package's epoch. This is
 * grype's rule (its rpm comparison ignores the epoch unless both sides state one): advisories and source rpm
 * names leave the epoch out even when the package has one, and comparing `1:3.0.7-27.el9` with `0:3.0.7-28.el9`
 * would call every epoch package fixed (or, the other way round, affected forever).
 */
export function rpmSchemeAssumingEpoch(epoch: string): VersionScheme<RpmVersion> {
  const e = epoch === '' ? '0' : epoch;
  if (e === '0') return rpmScheme;
  let scheme = ASSUMING.get(e);
  if (!scheme) {
    scheme = defineScheme<RpmVersion>({
      id: 'rpm',
      version: 1,
      aliases: [],
      description: `RPM versions, a missing epoch read as ${e}`,
      parse: (text) => parseRpm(text, e),
      compare: compareRpm,
    });
    if (ASSUMING.size > 64) ASSUMING.clear();
    ASSUMING.set(e, scheme);
  }
  return scheme;
}
