import * as cvssModule from 'ae-cvss-calculator';
import type { Cvss, Severity } from '../model/finding.js';
import { OS_PACKAGE_TYPE_SET } from './target.js';
import type { OsvAffected, OsvRecord, OsvSeverity } from '../vulndb/osv.js';

// A CommonJS (UMD) package: Node's ESM loader puts its exports on `default`, a bundler on the namespace itself.
const cvss = ((cvssModule as unknown as { default?: typeof cvssModule }).default ?? cvssModule) as typeof cvssModule;
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss;

/**
 * Scores one CVSS vector with ae-cvss-calculator (v2, v3.0, v3.1, v4.0). Undefined when the vector is malformed or
 * its base metrics are incomplete.
 */
export function scoreVector(vector: string, source?: string): Cvss | undefined {
  const v = vector.trim();
  try {
    let version: Cvss['version'];
    let baseScore: number | undefined;
    if (v.startsWith('CVSS:4.0/')) {
      version = '4.0';
      const c = new Cvss4P0(v);
      baseScore = c.calculateScores().base;
    } else if (v.startsWith('CVSS:3.1/')) {
      version = '3.1';
      const c = new Cvss3P1(v);
      if (!c.isBaseFullyDefined()) return undefined;
      baseScore = c.calculateScores().base;
    } else if (v.startsWith('CVSS:3.0/')) {
      version = '3.0';
      const c = new Cvss3P0(v);
      if (!c.isBaseFullyDefined()) return undefined;
      baseScore = c.calculateScores().base;
    } else if (/^(\(?AV:)/.test(v)) {
      version = '2.0';
      const c = new Cvss2(v.replace(/^\(|\)$/g, ''));
      if (!c.isBaseFullyDefined()) return undefined;
      baseScore = c.calculateScores().base;
    } else return undefined;
    if (typeof baseScore !== 'number' || Number.isNaN(baseScore)) return undefined;
    return { version, vector: v, baseScore, ...(source ? { source } : {}) };
  } catch {
    return undefined;
  }
}

/** The qualitative rating of a base score, per the scale of its CVSS version (v2 has no Critical and no None). */
export function severityOfScore(c: Pick<Cvss, 'version' | 'baseScore'>): Severity {
  const s = c.baseScore;
  if (c.version === '2.0') return s >= 7 ? 'High' : s >= 4 ? 'Medium' : 'Low';
  if (s >= 9) return 'Critical';
  if (s >= 7) return 'High';
  if (s >= 4) return 'Medium';
  if (s > 0) return 'Low';
  return 'Negligible';
}

const VERSION_RANK: Record<Cvss['version'], number> = { '2.0': 0, '3.0': 1, '3.1': 2, '4.0': 3 };

const RATINGS: Record<string, Severity> = {
  critical: 'Critical',
  high: 'High',
  important: 'High',
  moderate: 'Medium',
  medium: 'Medium',
  low: 'Low',
  negligible: 'Negligible',
  unimportant: 'Negligible',
  none: 'Negligible',
};

/** A source's own word for severity (GHSA `MODERATE`, Ubuntu `negligible`, Debian urgency `unimportant`, `low**`). */
export function ratingOf(text: unknown): Severity | undefined {
  if (typeof text !== 'string') return undefined;
  return RATINGS[text.trim().toLowerCase().replace(/\*+$/, '')];
}

function cvssEntries(list: readonly OsvSeverity[] | undefined, source: string): Cvss[] {
  const out: Cvss[] = [];
  for (const s of list ?? []) {
    if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
      const c = scoreVector(s.score, source);
      if (c) out.push(c);
    }
  }
  return out;
}

/** Every scorable CVSS vector of a record and of the matched `affected` entry, without duplicates. */
export function cvssOf(record: OsvRecord, affected: OsvAffected | undefined, source: string): Cvss[] {
  const all = [...cvssEntries(record.severity, source), ...cvssEntries(affected?.severity, source)];
  const seen = new Set<string>();
  return all.filter((c) => (seen.has(c.vector) ? false : (seen.add(c.vector), true)));
}

/** The source's own rating, from the matched `affected` entry first, then the record. */
export function sourceRatingOf(record: OsvRecord, affected: OsvAffected | undefined): Severity | undefined {
  const places: (Record<string, unknown> | undefined)[] = [affected?.ecosystem_specific, affected?.database_specific, record.database_specific];
  for (const p of places) {
    if (!p) continue;
    const r = ratingOf(p.severity) ?? ratingOf(p.urgency) ?? ratingOf(p.priority);
    if (r) return r;
  }
  for (const s of [...(affected?.severity ?? []), ...(record.severity ?? [])]) {
    if (s.type === 'Ubuntu') {
      const r = ratingOf(s.score);
      if (r) return r;
    }
  }
  // osv.dev's AlmaLinux and Rocky records carry Red Hat's rating only in the summary: "Moderate: avahi security update".
  if (/^(ALSA|RLSA|ALBA|ALEA|RXSA)-/.test(record.id) && typeof record.summary === 'string') {
    const m = /^\s*(Critical|Important|Moderate|Low)\s*:/i.exec(record.summary);
    if (m) return ratingOf(m[1]);
  }
  return undefined;
}

/**
 * The severity precedence rule:
 * 1. CVSS vectors (from `severity` of the record and of the matched `affected` entry, of every merged record) are
 *    scored with ae-cvss-calculator. The newest CVSS version present decides (4.0 > 3.1 > 3.0 > 2.0); among vectors
 *    of that version the highest base score decides; the rating is that version's qualitative scale.
 * 2. Without a scorable vector: the source's own rating (`ecosystem_specific` / `database_specific` `severity`,
 *    `urgency` or `priority`, or an `Ubuntu` severity entry), the highest among merged records.
 * 3. Otherwise `Unknown`.
 */
export function decideSeverity(cvssList: readonly Cvss[], sourceRatings: readonly Severity[]): Severity {
  if (cvssList.length > 0) {
    const best = [...cvssList].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0]!;
    return severityOfScore(best);
  }
  const order: Severity[] = ['Critical', 'High', 'Medium', 'Low', 'Negligible'];
  for (const s of order) if (sourceRatings.includes(s)) return s;
  return 'Unknown';
}

export const SEVERITY_ORDER: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];

/** Package types whose records come from a distro (their rating is the distro's own, as grype and trivy use it). */
export const OS_PACKAGE_TYPES: ReadonlySet<string> = OS_PACKAGE_TYPE_SET; // derived from the exhaustive table in target.ts

/** The best of a set of vectors: the newest CVSS version, then the highest base score. */
export function bestCvss(list: readonly Cvss[]): Cvss | undefined {
  return [...list].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
}

/** NVD's deciding vector: its Primary metrics (NVD's own) first, else the Secondary ones (a CNA's); then `bestCvss`. */
export function bestNvdCvss(list: readonly Cvss[]): Cvss | undefined {
  const primary = list.filter((c) => c.type !== 'Secondary');
  return bestCvss(primary.length > 0 ? primary : list);
}

/** A source's rating of one finding. */
export interface VendorRating {
  severity: Severity;
  dataSource: string;
}

export interface SeverityInput {
  packageType: string;
  /** The records' own ratings (distro priority / advisory label), with their data source. */
  ratings: readonly VendorRating[];
  /** The records' CVSS vectors (`source` = their data source). */
  cvss: readonly Cvss[];
  /** NVD's CVSS for the finding's CVE ids. */
  nvdCvss: readonly Cvss[];
}

const RANK: Record<Severity, number> = { Critical: 5, High: 4, Medium: 3, Low: 2, Negligible: 1, Unknown: 0 };

/**
 * The severity precedence (README, "Severity"), as grype and trivy decide it:
 * - OS packages (deb, apk, rpm): the distro's own rating, then NVD's CVSS, then the record's CVSS.
 * - Language packages: the advisory's own label (GHSA's wins over a vector that disagrees), then the record's
 *   CVSS, then NVD's.
 * Among ratings the highest wins; among vectors the newest CVSS version, then the highest base score (NVD:
 * Primary metrics first). `source` is `vendor:<data source>`, `cvss:<data source>`, `nvd` or `none` (Unknown).
 */
export function decideFindingSeverity(input: SeverityInput): { severity: Severity; source: string } {
  const vendor = (): { severity: Severity; source: string } | undefined => {
    const best = [...input.ratings].filter((r) => r.severity !== 'Unknown').sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
    return best ? { severity: best.severity, source: `vendor:${best.dataSource}` } : undefined;
  };
  const record = (): { severity: Severity; source: string } | undefined => {
    const best = bestCvss(input.cvss);
    return best ? { severity: severityOfScore(best), source: `cvss:${best.source ?? 'record'}` } : undefined;
  };
  const nvd = (): { severity: Severity; source: string } | undefined => {
    const best = bestNvdCvss(input.nvdCvss);
    return best ? { severity: severityOfScore(best), source: 'nvd' } : undefined;
  };
  const order = OS_PACKAGE_TYPES.has(input.packageType) ? [vendor, nvd, record] : [vendor, record, nvd];
  for (const step of order) {
    const r = step();
    if (r) return r;
  }
  return { severity: 'Unknown', source: 'none' };
}
