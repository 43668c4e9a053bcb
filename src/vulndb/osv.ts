import { parseJson, shapeChecker } from '../common/json.js';

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

const strings = { type: 'array', items: { type: 'string' } };
const severity = { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, score: { type: 'string' } }, required: ['type', 'score'] } };
const event = {
  type: 'object',
  properties: { introduced: { type: 'string' }, fixed: { type: 'string' }, last_affected: { type: 'string' }, limit: { type: 'string' } },
};

/**
 * The shape of the fields Portcullis reads, after the OSV schema (https://github.com/ossf/osv-schema,
 * validation/schema.json: `id` and `modified` required; `package` needs `ecosystem` and `name`; a range needs
 * `type` and `events`). Other fields stay open.
 */
export const OSV_RECORD_SCHEMA = {
  type: 'object',
  properties: {
    schema_version: { type: 'string' },
    id: { type: 'string', minLength: 1 },
    modified: { type: 'string' },
    published: { type: 'string' },
    withdrawn: { type: 'string' },
    aliases: strings,
    upstream: strings,
    related: strings,
    summary: { type: 'string' },
    details: { type: 'string' },
    severity,
    affected: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          package: { type: 'object', properties: { ecosystem: { type: 'string' }, name: { type: 'string' }, purl: { type: 'string' } }, required: ['ecosystem', 'name'] },
          severity,
          ranges: {
            type: 'array',
            items: { type: 'object', properties: { type: { type: 'string' }, repo: { type: 'string' }, events: { type: 'array', items: event } }, required: ['type', 'events'] },
          },
          versions: strings,
          ecosystem_specific: { type: 'object' },
          database_specific: { type: 'object' },
        },
      },
    },
    references: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, url: { type: 'string' } } } },
    database_specific: { type: 'object' },
  },
  required: ['id', 'modified'],
};

const checkOsvShape = shapeChecker(OSV_RECORD_SCHEMA);

/**
 * Checks the shape of the fields Portcullis reads (OSV_RECORD_SCHEMA) and returns the record typed. A record that
 * does not fit is an OsvFormatError naming the field by its JSON pointer; importers skip it and count it.
 */
export function asOsvRecord(value: unknown, where: string): OsvRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OsvFormatError(`${where}: not a JSON object`);
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') throw new OsvFormatError(`${where}: no "id"`);
  if (typeof r.modified !== 'string') throw new OsvFormatError(`${where}: ${r.id} has no "modified"`);
  const problem = checkOsvShape(value);
  if (problem !== undefined) throw new OsvFormatError(`${where}: ${r.id} is malformed: ${problem}`);
  return r as unknown as OsvRecord;
}

/**
 * Parses one OSV record's text with the depth guard (src/common/json.ts) and checks its shape; any failure is an
 * OsvFormatError (the record is skipped by importers).
 */
export function parseOsvRecord(text: string, where: string): OsvRecord {
  return asOsvRecord(parseJson(text, { what: where, errorClass: OsvFormatError }), where);
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
