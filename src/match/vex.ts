import { readFileSync } from 'node:fs';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import { assertShape, parseJson, shapeChecker } from '../common/json.js';
import type { Finding } from '../model/finding.js';
import { splitPurl } from './ignore.js';

/**
 * OpenVEX input (https://github.com/openvex/spec): statements whose status is `not_affected` or `fixed` remove the
 * findings they name. A statement names a vulnerability (`vulnerability.name`, its `aliases`, or the v0.0.1 string
 * form) and products by purl (`@id`, or `identifiers.purl`); a product's `subcomponents` narrow it to those packages.
 * A product purl without a version covers every version; a product that is the image itself (`pkg:oci/…`,
 * `pkg:docker/…`) without subcomponents covers every package. `affected` and `under_investigation` statements remove nothing. When statements conflict for the
 * same vulnerability and package, the latest (by `timestamp`, then document order) wins.
 */
export interface VexStatement {
  vulnerability: string[];
  /** Product purls; empty = every product. */
  products: string[];
  /** Subcomponent purls; empty = the products themselves (or, for an image product, everything in it). */
  subcomponents: string[];
  status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
  justification?: string;
  impactStatement?: string;
  timestamp?: string;
  document: string;
  order: number;
}

export interface VexOutcome {
  kept: Finding[];
  suppressed: { finding: Finding; statement: VexStatement }[];
}

const STATUSES = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);

const component = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } } },
    },
  ],
};

/**
 * The shape of the fields Portcullis reads, after the OpenVEX spec (github.com/openvex/spec, OPENVEX-SPEC.md:
 * a document has `@context` and `statements`; a statement has `vulnerability`, `status`, optional `products` with
 * `subcomponents`, `justification`, `impact_statement`, `timestamp`). A string vulnerability or product (older
 * documents) is accepted.
 */
export const OPENVEX_SCHEMA = {
  type: 'object',
  properties: {
    '@context': { type: 'string' },
    timestamp: { type: 'string' },
    statements: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          vulnerability: {
            anyOf: [
              { type: 'string' },
              { type: 'object', properties: { name: { type: 'string' }, '@id': { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } } } },
            ],
          },
          products: {
            type: 'array',
            items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } }, subcomponents: { type: 'array', items: component } } }] },
          },
          status: { type: 'string' },
          justification: { type: 'string' },
          impact_statement: { type: 'string' },
          timestamp: { type: 'string' },
        },
        required: ['vulnerability', 'status'],
      },
    },
  },
  required: ['statements'],
};

const checkOpenVexShape = shapeChecker(OPENVEX_SCHEMA);

export function parseOpenVex(text: string, where: string): VexStatement[] {
  // Depth-guarded: a document nested deeper than 512 levels is refused before any walk.
  const d = parseJson(text, { what: where }) as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d['@context'] !== 'string' || !d['@context'].includes('openvex')) {
    throw new ConfigurationError(`${where}: not an OpenVEX document (no openvex @context)`);
  }
  if (!Array.isArray(d.statements)) throw new ConfigurationError(`${where}: OpenVEX document without "statements"`);
  assertShape(checkOpenVexShape, d, `${where}: OpenVEX document`);
  const docTime = typeof d.timestamp === 'string' ? d.timestamp : undefined;
  return d.statements.map((raw: unknown, i: number) => {
    const s = raw as Record<string, unknown>;
    const at = `${where}: statement ${i + 1}`;
    const status = s.status;
    if (typeof status !== 'string' || !STATUSES.has(status)) throw new ConfigurationError(`${at}: unknown status "${String(status)}"`);
    const v = s.vulnerability;
    let vulnerability: string[];
    if (typeof v === 'string') vulnerability = [v];
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      vulnerability = [o.name, o['@id'], ...(Array.isArray(o.aliases) ? o.aliases : [])].filter((x): x is string => typeof x === 'string' && !x.startsWith('http'));
    } else vulnerability = [];
    if (vulnerability.length === 0) throw new ConfigurationError(`${at}: no vulnerability name`);
    const products: string[] = [];
    const subcomponents: string[] = [];
    for (const p of Array.isArray(s.products) ? s.products : []) {
      const id = productPurl(p);
      if (id) products.push(id);
      for (const sub of Array.isArray((p as Record<string, unknown>)?.subcomponents) ? ((p as Record<string, unknown>).subcomponents as unknown[]) : []) {
        const sid = productPurl(sub);
        if (sid) subcomponents.push(sid);
      }
    }
    const ts = typeof s.timestamp === 'string' ? s.timestamp : docTime;
    return {
      vulnerability,
      products,
      subcomponents,
      status: status as VexStatement['status'],
      ...(typeof s.justification === 'string' ? { justification: s.justification } : {}),
      ...(typeof s.impact_statement === 'string' ? { impactStatement: s.impact_statement } : {}),
      ...(ts ? { timestamp: ts } : {}),
      document: where,
      order: i,
    };
  });
}

function productPurl(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const ids = o.identifiers as Record<string, unknown> | undefined;
  if (typeof ids?.purl === 'string') return ids.purl;
  return typeof o['@id'] === 'string' ? o['@id'] : undefined;
}

export function loadOpenVex(path: string): VexStatement[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read VEX document ${path}: ${getErrorMessage(error)}`);
  }
  return parseOpenVex(text, path);
}

function purlCovers(spec: string, purl: string | undefined): boolean {
  if (!purl || !spec.startsWith('pkg:')) return false;
  const want = splitPurl(spec);
  const have = splitPurl(purl);
  return want.base.toLowerCase() === have.base.toLowerCase() && (want.version === undefined || want.version === have.version);
}

const IMAGE_PURL = /^pkg:(oci|docker)\//i;

function statementCovers(s: VexStatement, f: Finding): boolean {
  const ids = new Set([f.id, ...f.aliases]);
  if (!s.vulnerability.some((v) => ids.has(v))) return false;
  if (s.subcomponents.length > 0) return s.subcomponents.some((c) => purlCovers(c, f.purl));
  if (s.products.length === 0) return true;
  // A product that is the image itself covers everything in it.
  return s.products.some((p) => purlCovers(p, f.purl) || IMAGE_PURL.test(p));
}

export function applyVex(findings: readonly Finding[], statements: readonly VexStatement[]): VexOutcome {
  const ordered = [...statements].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || 0);
  const kept: Finding[] = [];
  const suppressed: VexOutcome['suppressed'] = [];
  for (const f of findings) {
    let last: VexStatement | undefined;
    for (const s of ordered) if (statementCovers(s, f)) last = s;
    if (last && (last.status === 'not_affected' || last.status === 'fixed')) suppressed.push({ finding: f, statement: last });
    else kept.push(f);
  }
  return { kept, suppressed };
}
