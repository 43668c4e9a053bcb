import type { OsvAffected, OsvEvent, OsvRange } from '../vulndb/osv.js';
import type { VersionScheme } from '../version/scheme.js';

/** One interval of a range: from `introduced` (undefined = from the beginning) up to `fixed` (excluded) or `lastAffected` (included). */
export interface Interval {
  introduced?: string;
  fixed?: string;
  lastAffected?: string;
}

export interface AffectedVerdict {
  affected: boolean;
  /** The intervals (or `versions` entry) that contain the version, for `matchedBy` and the fix. */
  hits: { interval?: Interval; listed?: string; type: string }[];
  /** Ranges that could not be evaluated (a version their scheme cannot read), with why. */
  problems: string[];
}

const KIND_ORDER: Record<string, number> = { introduced: 0, fixed: 1, last_affected: 1, limit: 2 };

function eventOf(e: OsvEvent): { kind: 'introduced' | 'fixed' | 'last_affected' | 'limit'; version: string } | undefined {
  if (e.introduced !== undefined) return { kind: 'introduced', version: e.introduced };
  if (e.fixed !== undefined) return { kind: 'fixed', version: e.fixed };
  if (e.last_affected !== undefined) return { kind: 'last_affected', version: e.last_affected };
  if (e.limit !== undefined) return { kind: 'limit', version: e.limit };
  return undefined;
}

/**
 * The intervals of one ECOSYSTEM or SEMVER range, per the OSV spec: events are sorted by version (`introduced: 0`
 * first; at equal versions `introduced` before `fixed`/`last_affected`, so `[x, x)` is empty), then each
 * `introduced` opens an interval (when none is open) and the next `fixed` or `last_affected` closes it; an interval
 * left open runs to the end. `limit` events bound the whole range: a version must be below one of them (`limit: *`
 * means no bound). Throws InvalidVersionError if an event's version is invalid in the scheme.
 */
export function rangeIntervals(range: OsvRange, scheme: VersionScheme): { intervals: Interval[]; limits: string[] } {
  const events = range.events.map(eventOf).filter((e) => e !== undefined);
  const limits = events.filter((e) => e.kind === 'limit' && e.version !== '*').map((e) => e.version);
  const points = events.filter((e) => e.kind !== 'limit');
  const isZero = (e: { kind: string; version: string }): boolean => e.kind === 'introduced' && e.version === '0';
  points.sort((a, b) => {
    if (isZero(a) !== isZero(b)) return isZero(a) ? -1 : 1;
    if (isZero(a)) return 0;
    const c = scheme.compare(a.version, b.version);
    return c !== 0 ? c : KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]!;
  });
  for (const l of limits) scheme.parse(l);
  for (const e of points) if (!isZero(e)) scheme.parse(e.version);
  const intervals: Interval[] = [];
  let open: Interval | undefined;
  for (const e of points) {
    if (e.kind === 'introduced') {
      if (!open) open = e.version === '0' ? {} : { introduced: e.version };
    } else if (open) {
      intervals.push(e.kind === 'fixed' ? { ...open, fixed: e.version } : { ...open, lastAffected: e.version });
      open = undefined;
    }
  }
  if (open) intervals.push(open);
  return { intervals, limits };
}

export function inInterval(version: string, i: Interval, scheme: VersionScheme): boolean {
  if (i.introduced !== undefined && scheme.compare(version, i.introduced) < 0) return false;
  if (i.fixed !== undefined && scheme.compare(version, i.fixed) >= 0) return false;
  if (i.lastAffected !== undefined && scheme.compare(version, i.lastAffected) > 0) return false;
  return true;
}

/**
 * Whether `version` is affected by one `affected` entry: listed in `versions`, or inside an ECOSYSTEM or SEMVER
 * range. GIT ranges (commits, not versions) and unknown range types are ignored. The installed version must be
 * valid in the scheme (the caller checks); a range whose own versions are invalid is skipped and reported.
 */
export function evaluateAffected(affected: OsvAffected, version: string, scheme: VersionScheme): AffectedVerdict {
  const verdict: AffectedVerdict = { affected: false, hits: [], problems: [] };
  for (const range of affected.ranges ?? []) {
    if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
    let parsed;
    try {
      parsed = rangeIntervals(range, scheme);
    } catch (error) {
      verdict.problems.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (parsed.limits.length > 0 && !parsed.limits.some((l) => scheme.compare(version, l) < 0)) continue;
    for (const interval of parsed.intervals) {
      if (inInterval(version, interval, scheme)) verdict.hits.push({ interval, type: range.type });
    }
  }
  if (verdict.hits.length === 0 && affected.versions?.length) {
    const listed = affected.versions.find((v) => v === version || (scheme.isValid(v) && scheme.compare(v, version) === 0));
    if (listed !== undefined) verdict.hits.push({ listed, type: 'versions' });
  }
  verdict.affected = verdict.hits.length > 0;
  return verdict;
}

/** `[4.17.15, 4.17.19)`, `[0, 1.2.3]`, `listed 2.0.1`: how a hit reads in `matchedBy`. */
export function describeHit(hit: AffectedVerdict['hits'][number]): string {
  if (hit.listed !== undefined) return `version listed (${hit.listed})`;
  const i = hit.interval ?? {};
  const from = i.introduced ?? '0';
  if (i.fixed !== undefined) return `${hit.type} [${from}, ${i.fixed})`;
  if (i.lastAffected !== undefined) return `${hit.type} [${from}, ${i.lastAffected}]`;
  return `${hit.type} [${from}, ∞)`;
}
