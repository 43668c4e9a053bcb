import { createHash } from 'node:crypto';
import { getErrorMessage } from '../../common/errors.js';
import { scoreVector } from '../../match/severity.js';
import type { Cvss } from '../../model/finding.js';
import type { EnrichmentRecord, NvdEntry } from '../enrichment.js';
import { decodedChunks } from '../http.js';
import type { SkippedInput } from '../provider.js';

/**
 * NVD's CVE API 2.0 JSON: API pages (`{resultsPerPage, startIndex, totalResults, vulnerabilities: [{cve}]}`) and the
 * yearly feed files `nvdcve-2.0-YYYY.json.gz` (the same `vulnerabilities` shape), with their `.meta` files.
 * A feed file is streamed: each `vulnerabilities[]` element is cut out of the byte stream and parsed on its own, and
 * only the kept fields (CVSS, dates, status, a short description) survive it.
 */

/** The metric lists kept, in the order their metrics are listed in an entry. */
export const NVD_METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'] as const;
export const NVD_DESCRIPTION_MAX = 500;
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const VERSIONS: ReadonlySet<string> = new Set(['2.0', '3.0', '3.1', '4.0']);
const KEY_VERSION: Record<(typeof NVD_METRIC_KEYS)[number], Cvss['version']> = {
  cvssMetricV40: '4.0',
  cvssMetricV31: '3.1',
  cvssMetricV30: '3.0',
  cvssMetricV2: '2.0',
};

/** A parse failure of a whole NVD document or feed file (the provider names it a ConfigurationError or RemoteError). */
export class NvdFormatError extends Error {
  override name = 'NvdFormatError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Shortens a description to `max` characters (the last one an ellipsis when cut). */
export function shortDescription(text: string, max = NVD_DESCRIPTION_MAX): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One `vulnerabilities[]` element (`{cve: {...}}`, or the bare `cve` object) as an enrichment record. Every CVSS
 * metric is kept, scored with the project's calculator (NVD's `baseScore` when the vector does not score); a metric
 * without a usable vector and score is dropped with a reason. A Rejected CVE is kept, with its status.
 */
export function nvdRecordOf(item: unknown, where: string): { record?: EnrichmentRecord; skipped: SkippedInput[] } {
  const cve = isObject(item) && isObject(item.cve) ? item.cve : item;
  if (!isObject(cve)) return { skipped: [{ where, reason: 'not an NVD CVE object' }] };
  const id = str(cve.id)?.trim().toUpperCase();
  if (!id || !CVE_ID.test(id)) return { skipped: [{ where, reason: `not a CVE id: ${JSON.stringify(cve.id ?? null)}` }] };
  const skipped: SkippedInput[] = [];
  const cvss: Cvss[] = [];
  const metrics = isObject(cve.metrics) ? cve.metrics : {};
  for (const key of NVD_METRIC_KEYS) {
    const list = metrics[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      skipped.push({ where: `${where} ${id} ${key}`, reason: 'not a list' });
      continue;
    }
    list.forEach((metric: unknown, i) => {
      const c = metricOf(metric, key);
      if (typeof c === 'string') skipped.push({ where: `${where} ${id} ${key}[${i}]`, reason: c });
      else cvss.push(c);
    });
  }
  const entry: NvdEntry = { cvss };
  const published = str(cve.published);
  const lastModified = str(cve.lastModified);
  const vulnStatus = str(cve.vulnStatus);
  if (published) entry.published = published;
  if (lastModified) entry.lastModified = lastModified;
  if (vulnStatus) entry.vulnStatus = vulnStatus;
  const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions : [];
  const english = descriptions.find((d): d is { value: string } => isObject(d) && d.lang === 'en' && typeof d.value === 'string' && d.value.trim() !== '');
  if (english) entry.description = shortDescription(english.value);
  return { record: { id, nvd: entry }, skipped };
}

/** One CVSS metric as a `Cvss`, or why it is not one. */
function metricOf(metric: unknown, key: (typeof NVD_METRIC_KEYS)[number]): Cvss | string {
  if (!isObject(metric) || !isObject(metric.cvssData)) return 'no cvssData';
  const data = metric.cvssData;
  const vector = str(data.vectorString)?.trim();
  if (!vector) return 'no vectorString';
  const source = str(metric.source);
  const type = metric.type === 'Primary' || metric.type === 'Secondary' ? metric.type : undefined;
  let c = scoreVector(vector, source);
  if (!c) {
    const version = typeof data.version === 'string' && VERSIONS.has(data.version) ? (data.version as Cvss['version']) : KEY_VERSION[key];
    const score = data.baseScore;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10) return `vector ${vector} does not score and there is no baseScore`;
    c = { version, vector, baseScore: score, ...(source ? { source } : {}) };
  }
  return type ? { ...c, type } : c;
}

/**
 * Collects the records of one source, one per CVE id: when an id comes twice (overlapping pages, a year file and a
 * page), the entry modified last wins.
 */
export class NvdCollector {
  readonly #byId = new Map<string, EnrichmentRecord>();
  readonly skipped: SkippedInput[] = [];

  add(item: unknown, where: string): void {
    const { record, skipped } = nvdRecordOf(item, where);
    for (const s of skipped) this.skipped.push(s);
    if (!record) return;
    const old = this.#byId.get(record.id);
    if (old && (old.nvd?.lastModified ?? '') > (record.nvd?.lastModified ?? '')) return;
    this.#byId.set(record.id, record);
  }

  get size(): number {
    return this.#byId.size;
  }

  records(): EnrichmentRecord[] {
    return [...this.#byId.values()];
  }
}

/**
 * Cuts the elements of one top-level array (`"vulnerabilities": [...]` of the top object) out of a JSON byte stream,
 * chunk by chunk, and hands each element's text on. Structural characters are ASCII, so bytes are scanned as they
 * come; an element split across chunks is joined before it is decoded.
 */
export class JsonArrayItems {
  #depth = 0;
  #inString = false;
  #escape = false;
  #expectKey = false;
  #keyParts: Buffer[] | undefined;
  #lastKey: string | undefined;
  #inTarget = false;
  #itemParts: Buffer[] | undefined;
  #found = false;
  #items = 0;

  constructor(
    readonly key: string,
    readonly onItem: (text: string, index: number) => void,
  ) {}

  write(chunk: Buffer): void {
    let depth = this.#depth;
    let inString = this.#inString;
    let escape = this.#escape;
    let keyStart = this.#keyParts ? 0 : -1;
    let itemStart = this.#itemParts ? 0 : -1;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (inString) {
        if (escape) escape = false;
        else if (b === 0x5c) escape = true;
        else if (b === 0x22) {
          inString = false;
          if (keyStart >= 0) {
            this.#keyParts!.push(chunk.subarray(keyStart, i));
            this.#lastKey = Buffer.concat(this.#keyParts!).toString('utf8');
            this.#keyParts = undefined;
            keyStart = -1;
          }
        }
        continue;
      }
      switch (b) {
        case 0x22: // "
          inString = true;
          if (depth === 1 && this.#expectKey) {
            this.#keyParts = [];
            keyStart = i + 1;
          }
          break;
        case 0x7b: // {
        case 0x5b: // [
          if (depth === 1 && b === 0x5b && !this.#expectKey && this.#lastKey === this.key) {
            this.#inTarget = true;
            this.#found = true;
          } else if (depth === 2 && this.#inTarget) {
            this.#itemParts = [];
            itemStart = i;
          }
          depth++;
          if (depth === 1) this.#expectKey = b === 0x7b;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          depth--;
          if (depth < 0) throw new NvdFormatError('unbalanced JSON: a closing bracket without an opening one');
          if (depth === 2 && this.#inTarget && itemStart >= 0) {
            this.#itemParts!.push(chunk.subarray(itemStart, i + 1));
            const text = Buffer.concat(this.#itemParts!).toString('utf8');
            this.#itemParts = undefined;
            itemStart = -1;
            this.onItem(text, this.#items++);
          } else if (depth === 1 && this.#inTarget) this.#inTarget = false;
          break;
        case 0x2c: // ,
          if (depth === 1) this.#expectKey = true;
          break;
        case 0x3a: // :
          if (depth === 1) this.#expectKey = false;
          break;
        default:
      }
    }
    if (keyStart >= 0) this.#keyParts!.push(chunk.subarray(keyStart));
    if (itemStart >= 0) this.#itemParts!.push(chunk.subarray(itemStart));
    this.#depth = depth;
    this.#inString = inString;
    this.#escape = escape;
  }

  /** Whether the array was there; throws on a truncated document. */
  end(): { found: boolean; items: number } {
    if (this.#depth !== 0 || this.#inString) throw new NvdFormatError('truncated JSON (the document ends inside a value)');
    return { found: this.#found, items: this.#items };
  }
}

/** A feed file's `.meta`: `lastModifiedDate`, `size` (uncompressed bytes), `gzSize`, `zipSize`, `sha256` (of the uncompressed JSON). */
export interface NvdFeedMeta {
  lastModifiedDate: string;
  size?: number;
  gzSize?: number;
  zipSize?: number;
  sha256: string;
}

/** Parses a `.meta` file (`key:value` lines, CRLF or LF); a missing `lastModifiedDate` or `sha256` is an error. */
export function parseNvdMeta(text: string, where: string): NvdFeedMeta {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const lastModifiedDate = fields.get('lastModifiedDate');
  const sha256 = fields.get('sha256')?.toLowerCase();
  if (!lastModifiedDate) throw new NvdFormatError(`${where}: not an NVD .meta file (no lastModifiedDate)`);
  if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256)) throw new NvdFormatError(`${where}: not an NVD .meta file (no sha256)`);
  const num = (k: string): number | undefined => {
    const v = fields.get(k);
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const meta: NvdFeedMeta = { lastModifiedDate, sha256 };
  const size = num('size');
  const gzSize = num('gzSize');
  const zipSize = num('zipSize');
  if (size !== undefined) meta.size = size;
  if (gzSize !== undefined) meta.gzSize = gzSize;
  if (zipSize !== undefined) meta.zipSize = zipSize;
  return meta;
}

/**
 * Streams one NVD document (a feed file, gzip or not, or an API page) into `collector`. With `meta`, the
 * uncompressed bytes must have its sha256 (and size): a mismatch is an error naming the file. A document without
 * a top-level `vulnerabilities` list is an error too.
 */
export async function readNvdDocument(
  input: Buffer | AsyncIterable<Buffer>,
  where: string,
  collector: NvdCollector,
  meta?: NvdFeedMeta,
): Promise<{ cves: number; sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const splitter = new JsonArrayItems('vulnerabilities', (text, index) => {
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      collector.skipped.push({ where: `${where} vulnerabilities[${index}]`, reason: `unreadable JSON (${getErrorMessage(error)})` });
      return;
    }
    collector.add(item, where);
  });
  try {
    for await (const chunk of decodedChunks(input)) {
      hash.update(chunk);
      size += chunk.length;
      splitter.write(chunk);
    }
  } catch (error) {
    if (error instanceof NvdFormatError) throw new NvdFormatError(`${where}: ${error.message}`);
    throw new NvdFormatError(`${where}: unreadable (${getErrorMessage(error)})`);
  }
  const sha256 = hash.digest('hex');
  if (meta && sha256 !== meta.sha256) {
    throw new NvdFormatError(`${where}: sha256 ${sha256} does not match the .meta file's ${meta.sha256} (a corrupt or partial download?)`);
  }
  if (meta?.size !== undefined && size !== meta.size) {
    throw new NvdFormatError(`${where}: ${size} bytes uncompressed, the .meta file says ${meta.size}`);
  }
  let end;
  try {
    end = splitter.end();
  } catch (error) {
    throw new NvdFormatError(`${where}: ${getErrorMessage(error)}`);
  }
  if (!end.found) throw new NvdFormatError(`${where}: not an NVD CVE API 2.0 document (no top-level "vulnerabilities" list)`);
  return { cves: end.items, sha256, size };
}

/** The paging fields of an API page. */
export interface NvdPage {
  resultsPerPage: number;
  startIndex: number;
  totalResults: number;
  /** Entries on this page. */
  count: number;
}

/** Parses one (small) API page; its entries go to `collector`. */
export function readNvdPage(text: string, where: string, collector: NvdCollector): NvdPage {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new NvdFormatError(`${where}: unreadable JSON (${getErrorMessage(error)})`);
  }
  if (!isObject(doc) || !Array.isArray(doc.vulnerabilities) || typeof doc.totalResults !== 'number') {
    throw new NvdFormatError(`${where}: not a CVE API 2.0 page (no "totalResults" and "vulnerabilities")`);
  }
  doc.vulnerabilities.forEach((item: unknown) => collector.add(item, where));
  return {
    resultsPerPage: typeof doc.resultsPerPage === 'number' ? doc.resultsPerPage : doc.vulnerabilities.length,
    startIndex: typeof doc.startIndex === 'number' ? doc.startIndex : 0,
    totalResults: doc.totalResults,
    count: doc.vulnerabilities.length,
  };
}
