import { RemoteError, getErrorMessage } from '../../common/errors.js';
import { conditionalGet } from '../http.js';
import { asOsvRecord, type OsvRecord } from '../osv.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { readJsonEntries } from '../zip.js';

export const DEFAULT_OSV_BUCKET_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

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
      const sameUrl = prev?.location === url;
      const res = await conditionalGet(url, {
        etag: sameUrl ? prev?.etag : undefined,
        lastModified: sameUrl ? prev?.lastModified : undefined,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        backoffMs: options.backoffMs,
        signal: ctx.signal,
        logger: ctx.logger,
      });
      const fetchedAt = ctx.now().toISOString();
      const state = { id, provider: 'osv-bucket', kind: 'osv' as const, location: url, fetchedAt };
      if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
      if (res.status === 304) {
        ctx.logger.debug(`${url}: not modified`);
        out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true } as SourceBatch);
        continue;
      }
      let entries;
      try {
        entries = readJsonEntries(res.body, url);
      } catch (error) {
        throw new RemoteError(getErrorMessage(error), { cause: error });
      }
      const records: OsvRecord[] = [];
      const skipped: SkippedInput[] = [];
      for (const { name, text } of entries) {
        try {
          records.push(asOsvRecord(JSON.parse(text), `${url}!${name}`));
        } catch (error) {
          skipped.push({ where: `${url}!${name}`, reason: getErrorMessage(error) });
        }
      }
      ctx.logger.info(`${ecosystem}: ${records.length} records from ${url}`);
      out.push({
        ...state,
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
