import { RemoteError, getErrorMessage } from '../../common/errors.js';
import { conditionalGet, sameLocation, sourceGet } from '../http.js';
import { parseOsvRecord, type OsvRecord } from '../osv.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { iterateJsonEntries, type JsonEntry } from '../zip.js';

export const DEFAULT_OSV_BUCKET_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Above this many changed records, an incremental update fetches all.zip instead. */
export const MAX_INCREMENTAL_RECORDS = 2000;
const INCREMENTAL_CONCURRENCY = 8;

/**
 * osv.dev's public bucket layout: `<base>/<Ecosystem>/all.zip`, one source per ecosystem (`osv-bucket:npm`).
 * Requests are conditional on the stored ETag / Last-Modified, so an unchanged ecosystem costs one 304.
 * A corrupt zip or any failure after the retries fails the whole fetch (the database keeps its previous state).
 */
export const osvBucketProvider: VulnerabilityProvider = {
  id: 'osv-bucket',
  version: 1,
  requires: ['network'],
  description: "osv.dev's bucket layout over HTTP(S): <base>/<Ecosystem>/all.zip",
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    const base = (options.url ?? DEFAULT_OSV_BUCKET_URL).replace(/\/+$/, '');
    const ecosystems = options.ecosystems ?? [];
    if (ecosystems.length === 0) return [];
    const out: SourceBatch[] = [];
    for (const ecosystem of ecosystems) {
      const id = `osv-bucket:${ecosystem}`;
      const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
      const prev = ctx.previous.get(id);
      // A stored state from another URL is not a valid condition for this one.
      const sameUrl = sameLocation(prev?.location, url);
      if (sameUrl && prev?.highWater) {
        const stored = ctx.previousRecords?.(id);
        if (stored) {
          const inc = await incremental(base, ecosystem, prev.highWater, stored, options, ctx);
          if (inc) {
            out.push(inc.notModified ? { ...prev, fetchedAt: ctx.now().toISOString(), notModified: true } : { ...prev, ...inc.batch, fetchedAt: ctx.now().toISOString() });
            continue;
          }
        }
      }
      const res = await sourceGet(url, prev, options, ctx);
      const fetchedAt = ctx.now().toISOString();
      const state = { id, provider: 'osv-bucket', kind: 'osv' as const, location: url, fetchedAt };
      if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
      if (res.status === 304) {
        ctx.logger.debug(`${url}: not modified`);
        out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true } as SourceBatch);
        continue;
      }
      // The central directory is read at the first step (a corrupt one fails the source); entries then inflate
      // one at a time, and a bad one is skipped and counted.
      const entries = iterateJsonEntries(res.body, url);
      let step: IteratorResult<JsonEntry>;
      try {
        step = entries.next();
      } catch (error) {
        throw new RemoteError(getErrorMessage(error), { cause: error });
      }
      const records: OsvRecord[] = [];
      const skipped: SkippedInput[] = [];
      for (; !step.done; step = entries.next()) {
        const { name, text, skipped: why } = step.value;
        const where = `${url}!${name}`;
        if (why !== undefined) {
          skipped.push({ where, reason: why });
          continue;
        }
        try {
          records.push(parseOsvRecord(text, where));
        } catch (error) {
          skipped.push({ where, reason: getErrorMessage(error) });
        }
      }
      ctx.logger.info(`${ecosystem}: ${records.length} records from ${url}`);
      const highWater = newestModified(records);
      out.push({
        ...state,
        ...(highWater ? { highWater } : {}),
        ...(res.etag ? { etag: res.etag } : {}),
        ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        notModified: false,
        records,
        skipped,
      });
    }
    return out;
  },
};

function newestModified(records: readonly OsvRecord[]): string | undefined {
  let newest: string | undefined;
  for (const r of records) if (typeof r.modified === 'string' && !Number.isNaN(Date.parse(r.modified)) && (!newest || Date.parse(r.modified) > Date.parse(newest))) newest = r.modified;
  return newest;
}

/**
 * The bucket's incremental path: `<Ecosystem>/modified_id.csv` (newest first, `<modified>,<ID>`), then
 * `<Ecosystem>/<ID>.json` for each id modified after the high-water mark, merged over the stored records.
 * Undefined means "fetch all.zip": no index, more than MAX_INCREMENTAL_RECORDS changed, or anything inconsistent.
 */
async function incremental(
  base: string,
  ecosystem: string,
  highWater: string,
  stored: readonly OsvRecord[],
  options: ProviderOptions,
  ctx: FetchContext,
): Promise<{ notModified: true } | { notModified: false; batch: { notModified: false; records: OsvRecord[]; skipped: SkippedInput[]; highWater: string } } | undefined> {
  const dir = `${base}/${encodeURIComponent(ecosystem)}`;
  const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
  const fallback = (why: string): undefined => {
    ctx.logger.info(`${ecosystem}: ${why}; fetching all.zip`);
    return undefined;
  };
  const mark = Date.parse(highWater);
  if (Number.isNaN(mark)) return fallback(`the stored high-water mark "${highWater}" is not a date`);
  const csv = await conditionalGet(`${dir}/modified_id.csv`, http);
  if (csv.status !== 200) return fallback(`no ${dir}/modified_id.csv (HTTP ${csv.status})`);
  const changed: { id: string; modified: string }[] = [];
  let previousTime = Infinity;
  let newest: string | undefined;
  for (const line of csv.body.toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const comma = line.indexOf(',');
    const modified = line.slice(0, comma).trim();
    const id = line.slice(comma + 1).trim();
    const t = Date.parse(modified);
    if (comma <= 0 || !id || Number.isNaN(t) || !/^[A-Za-z0-9._:-]+$/.test(id)) return fallback(`modified_id.csv has a bad line "${line.slice(0, 80)}"`);
    if (t > previousTime) return fallback('modified_id.csv is not newest first');
    previousTime = t;
    newest ??= modified;
    if (t <= mark) break;
    changed.push({ id, modified });
    if (changed.length > MAX_INCREMENTAL_RECORDS) return fallback(`more than ${MAX_INCREMENTAL_RECORDS} records changed`);
  }
  if (!newest) return fallback('modified_id.csv is empty');
  if (changed.length === 0) {
    ctx.logger.debug(`${ecosystem}: nothing modified after ${highWater}`);
    return { notModified: true };
  }
  const fetched = new Map<string, OsvRecord>();
  let failed: string | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < changed.length && !failed) {
      const { id } = changed[next++]!;
      const url = `${dir}/${encodeURIComponent(id)}.json`;
      const res = await conditionalGet(url, http);
      if (res.status !== 200) {
        failed = `${url}: HTTP ${res.status}`;
        return;
      }
      try {
        const record = parseOsvRecord(res.body.toString('utf8'), url);
        if (record.id !== id) throw new Error(`its id is ${record.id}`);
        fetched.set(id, record);
      } catch (error) {
        failed = `${url}: ${getErrorMessage(error)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(INCREMENTAL_CONCURRENCY, changed.length) }, worker));
  if (failed) return fallback(failed);
  const records = stored.filter((r) => !fetched.has(r.id));
  records.push(...fetched.values());
  ctx.logger.info(`${ecosystem}: ${fetched.size} record(s) modified after ${highWater}, ${records.length} in all`);
  return { notModified: false, batch: { notModified: false, records, skipped: [], highWater: newest } };
}
