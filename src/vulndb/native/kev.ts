import type { KevStatus } from '../../model/finding.js';
import type { EnrichmentRecord } from '../enrichment.js';
import type { SkippedInput } from '../provider.js';

/**
 * CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`): `{title, catalogVersion,
 * dateReleased, count, vulnerabilities: [{cveID, dateAdded, dueDate, knownRansomwareCampaignUse,
 * vulnerabilityName, requiredAction, …}]}`. A single entry (one `{cveID, …}` object) is read as a catalog of one.
 */

export class KevFormatError extends Error {
  override name = 'KevFormatError';
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a parsed JSON document is a KEV catalog or a single KEV entry. */
export function isKevDocument(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  const list = doc.vulnerabilities;
  if (Array.isArray(list)) return list.length === 0 ? 'catalogVersion' in doc : list.some((v) => isObject(v) && 'cveID' in v);
  return typeof doc.cveID === 'string';
}

/** One catalog entry as an enrichment record, or why it is not one (no CVE id, no `dateAdded` day). */
export function kevRecordOf(entry: unknown): EnrichmentRecord | string {
  if (!isObject(entry)) return 'not an object';
  const id = text(entry.cveID)?.toUpperCase();
  if (!id || !CVE_ID.test(id)) return `not a CVE id: ${JSON.stringify(entry.cveID ?? null)}`;
  const dateAdded = text(entry.dateAdded);
  if (!dateAdded || !DAY.test(dateAdded)) return `${id}: dateAdded ${JSON.stringify(entry.dateAdded ?? null)} is not a YYYY-MM-DD day`;
  const kev: KevStatus = { dateAdded };
  const dueDate = text(entry.dueDate);
  const ransomware = text(entry.knownRansomwareCampaignUse);
  const name = text(entry.vulnerabilityName);
  const action = text(entry.requiredAction);
  if (dueDate) kev.dueDate = dueDate;
  if (ransomware) kev.knownRansomwareCampaignUse = ransomware;
  if (name) kev.vulnerabilityName = name;
  if (action) kev.requiredAction = action;
  return { id, kev };
}

export interface KevCatalog {
  records: EnrichmentRecord[];
  skipped: SkippedInput[];
  catalogVersion?: string;
  /** The catalog's own `count`, when it has one. */
  count?: number;
}

/** Reads a catalog (or a single entry); a document that is neither is a KevFormatError. Bad entries are skipped. */
export function parseKevCatalog(doc: unknown, where: string): KevCatalog {
  if (!isKevDocument(doc)) throw new KevFormatError(`${where}: not a CISA KEV catalog (no "vulnerabilities" list of {cveID, …})`);
  const d = doc as Record<string, unknown>;
  const entries = Array.isArray(d.vulnerabilities) ? (d.vulnerabilities as unknown[]) : [d];
  const byId = new Map<string, EnrichmentRecord>();
  const skipped: SkippedInput[] = [];
  entries.forEach((entry, i) => {
    const r = kevRecordOf(entry);
    if (typeof r === 'string') skipped.push({ where: `${where} vulnerabilities[${i}]`, reason: r });
    else byId.set(r.id, r);
  });
  const out: KevCatalog = { records: [...byId.values()], skipped };
  const version = text(d.catalogVersion);
  if (version) out.catalogVersion = version;
  if (typeof d.count === 'number') out.count = d.count;
  return out;
}
