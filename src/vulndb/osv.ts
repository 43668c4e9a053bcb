/**
 * The OSV record (https://ossf.github.io/osv-schema/), the interchange format of every vulnerability source.
 * Only the fields Portcullis reads are typed; everything else is kept as it came.
 */

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: 'ECOSYSTEM' | 'SEMVER' | 'GIT' | (string & {});
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvSeverity {
  type: 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu' | (string & {});
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  type: string;
  url: string;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: OsvReference[];
  credits?: unknown[];
  database_specific?: Record<string, unknown>;
}

/** A record failed the minimal shape check: it has no id, no `modified`, or a malformed `affected` list. */
export class OsvFormatError extends Error {
  override name = 'OsvFormatError';
}

/**
 * Checks the fields the matcher relies on and returns the record typed. It does not validate the whole schema
 * (the shared data is validated upstream); it rejects what would make the matcher misbehave.
 */
export function asOsvRecord(value: unknown, where: string): OsvRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OsvFormatError(`${where}: not a JSON object`);
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') throw new OsvFormatError(`${where}: no "id"`);
  if (typeof r.modified !== 'string') throw new OsvFormatError(`${where}: ${r.id} has no "modified"`);
  if (r.affected !== undefined && !Array.isArray(r.affected)) throw new OsvFormatError(`${where}: ${r.id} "affected" is not a list`);
  for (const a of (r.affected as unknown[] | undefined) ?? []) {
    if (typeof a !== 'object' || a === null) throw new OsvFormatError(`${where}: ${r.id} has a malformed "affected" entry`);
    const ranges = (a as OsvAffected).ranges;
    if (ranges !== undefined && (!Array.isArray(ranges) || ranges.some((g) => !g || !Array.isArray(g.events)))) {
      throw new OsvFormatError(`${where}: ${r.id} has a malformed range`);
    }
  }
  return r as unknown as OsvRecord;
}

/**
 * The record as stored in the local database: what matching and findings need. `details` and `credits` (the
 * long texts) are dropped to keep the database small; the rest is kept as it came.
 */
export function slimRecord(r: OsvRecord): OsvRecord {
  const { details: _details, credits: _credits, ...rest } = r;
  return rest;
}

/** The ecosystem as osv.dev's bucket names its folders: the part before the first `:` (`Debian:12` → `Debian`). */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}
