/**
 * Data joined to vulnerability records by CVE id at match time: NVD's CVSS, CISA KEV and FIRST EPSS. Each comes
 * from its own source (`nvd`, `kev`, `epss`) and is stored in the database as an enrichment segment, indexed by id.
 */
import type { Cvss, EpssScore, KevStatus } from '../model/finding.js';

/** NVD's view of one CVE (CVE API 2.0, `vulnerabilities[].cve`). */
export interface NvdEntry {
  /** Every scorable CVSS metric (v2, v3.0, v3.1, v4.0), Primary and Secondary, with `source` and `type` set. */
  cvss: Cvss[];
  published?: string;
  lastModified?: string;
  /** `Analyzed`, `Modified`, `Rejected`… */
  vulnStatus?: string;
  /** The English description, shortened to 500 characters. */
  description?: string;
}

/** One id's enrichment, as a source provides it. A source fills one of the three fields. */
export interface EnrichmentRecord {
  /** The CVE id (`CVE-2021-44228`), upper case. */
  id: string;
  nvd?: NvdEntry;
  kev?: KevStatus;
  epss?: EpssScore;
}

/** Everything known about one id, merged over the sources. */
export type Enrichment = Omit<EnrichmentRecord, 'id'>;

/** The join, as the matcher sees it. */
export interface EnrichmentLookup {
  enrichment(id: string): Enrichment | undefined;
}

/** The index key of an enrichment id. */
export function enrichmentKey(id: string): string {
  return `id\u0000${id.trim().toUpperCase()}`;
}

/** Merges enrichments of one id from several sources: a later source's field replaces an earlier one's. */
export function mergeEnrichment(into: Enrichment | undefined, add: Enrichment): Enrichment {
  return { ...(into ?? {}), ...(add.nvd ? { nvd: add.nvd } : {}), ...(add.kev ? { kev: add.kev } : {}), ...(add.epss ? { epss: add.epss } : {}) };
}

/** An in-memory enrichment index: for tests, and for data passed in directly. */
export class MemoryEnrichment implements EnrichmentLookup {
  readonly #map = new Map<string, Enrichment>();
  constructor(records: readonly EnrichmentRecord[]) {
    for (const { id, ...rest } of records) this.#map.set(enrichmentKey(id), mergeEnrichment(this.#map.get(enrichmentKey(id)), rest));
  }
  enrichment(id: string): Enrichment | undefined {
    return this.#map.get(enrichmentKey(id));
  }
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;

/**
 * The CVE ids through which a record joins NVD, KEV and EPSS: its own id, `aliases`, `upstream` and `related`
 * (upper-cased, sorted, without duplicates). An ALSA advisory joins the CVEs it lists in `related`; a
 * DEBIAN-CVE or ALPINE-CVE record joins its `upstream` CVE.
 */
export function joinIds(record: { id: string; aliases?: readonly string[]; upstream?: readonly string[]; related?: readonly string[] }): string[] {
  const out = new Set<string>();
  for (const id of [record.id, ...(record.aliases ?? []), ...(record.upstream ?? []), ...(record.related ?? [])]) {
    if (typeof id === 'string' && CVE_ID.test(id.trim())) out.add(id.trim().toUpperCase());
  }
  return [...out].sort();
}
