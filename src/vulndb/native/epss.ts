import { StringDecoder } from 'node:string_decoder';
import { getErrorMessage } from '../../common/errors.js';
import type { EnrichmentRecord } from '../enrichment.js';
import { decodedChunks } from '../http.js';
import type { SkippedInput } from '../provider.js';

/**
 * FIRST's EPSS scores CSV (`epss_scores-current.csv.gz`, gzip or plain): a first line
 * `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000`, the header `cve,epss,percentile`, then one
 * row per CVE. Read line by line: the real file has ~300,000 rows.
 */

export class EpssFormatError extends Error {
  override name = 'EpssFormatError';
}

export const EPSS_HEADER = 'cve,epss,percentile';
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

export interface EpssFile {
  records: EnrichmentRecord[];
  skipped: SkippedInput[];
  modelVersion?: string;
  /** `score_date` as a day, YYYY-MM-DD. */
  scoreDate: string;
}

/** The `#key:value,key:value` comment line; a missing or undated one is an EpssFormatError. */
export function parseEpssComment(line: string, where: string): { modelVersion?: string; scoreDate: string } {
  if (!line.startsWith('#')) throw new EpssFormatError(`${where}: not an EPSS scores file (the first line is not "#model_version:…,score_date:…")`);
  const fields = new Map<string, string>();
  for (const part of line.slice(1).split(',')) {
    const at = part.indexOf(':');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const date = fields.get('score_date');
  if (!date) throw new EpssFormatError(`${where}: the first line has no score_date (${JSON.stringify(line.slice(0, 100))})`);
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date)?.[1];
  if (!day || Number.isNaN(Date.parse(day))) throw new EpssFormatError(`${where}: score_date ${JSON.stringify(date)} is not a date`);
  const modelVersion = fields.get('model_version');
  return { ...(modelVersion ? { modelVersion } : {}), scoreDate: day };
}

/** One data row, or why it is not one. */
export function epssRecordOf(line: string, date: string): EnrichmentRecord | string {
  const cells = line.split(',').map((c) => c.trim());
  if (cells.length !== 3) return `${cells.length} columns, not 3`;
  const [cve, epss, percentile] = cells as [string, string, string];
  const id = cve.toUpperCase();
  if (!CVE_ID.test(id)) return `not a CVE id: ${JSON.stringify(cve)}`;
  if (!NUMBER.test(epss) || !NUMBER.test(percentile)) return `${id}: epss ${JSON.stringify(epss)} or percentile ${JSON.stringify(percentile)} is not a number`;
  const score = Number(epss);
  const pct = Number(percentile);
  if (score > 1 || pct > 1) return `${id}: epss ${epss} or percentile ${percentile} is not within 0..1`;
  return { id, epss: { score, percentile: pct, date } };
}

/**
 * Streams an EPSS CSV (a Buffer or a byte stream, gzip or not). A wrong header line or a missing score date is an
 * EpssFormatError; a bad row is skipped with its line number.
 */
export async function readEpss(input: Buffer | AsyncIterable<Buffer>, where: string): Promise<EpssFile> {
  const decoder = new StringDecoder('utf8');
  const records: EnrichmentRecord[] = [];
  const skipped: SkippedInput[] = [];
  let lineNo = 0;
  let meta: { modelVersion?: string; scoreDate: string } | undefined;
  let headerSeen = false;
  let rest = '';
  const take = (raw: string): void => {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!meta) {
      meta = parseEpssComment(line.replace(/^\uFEFF/, '').trim(), where);
      return;
    }
    if (!headerSeen) {
      if (line.trim().toLowerCase() !== EPSS_HEADER) {
        throw new EpssFormatError(`${where}: line ${lineNo} is ${JSON.stringify(line.slice(0, 100))}, not the header "${EPSS_HEADER}"`);
      }
      headerSeen = true;
      return;
    }
    if (line.trim() === '') return;
    const r = epssRecordOf(line, meta.scoreDate);
    if (typeof r === 'string') skipped.push({ where: `${where}:${lineNo}`, reason: r });
    else records.push(r);
  };
  try {
    for await (const chunk of decodedChunks(input)) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest !== '') take(rest);
  } catch (error) {
    if (error instanceof EpssFormatError) throw error;
    throw new EpssFormatError(`${where}: unreadable (${getErrorMessage(error)})`);
  }
  if (!meta) throw new EpssFormatError(`${where}: empty file`);
  if (!headerSeen) throw new EpssFormatError(`${where}: no "${EPSS_HEADER}" header line`);
  return { records, skipped, scoreDate: meta.scoreDate, ...(meta.modelVersion ? { modelVersion: meta.modelVersion } : {}) };
}
