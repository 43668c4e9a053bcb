import { readFileSync } from 'node:fs';
import { ConfigurationError, RemoteError, getErrorMessage } from '../../common/errors.js';
import type { EnrichmentRecord } from '../enrichment.js';
import { sourceGet } from '../http.js';
import { KevFormatError, isKevDocument, parseKevCatalog } from '../native/kev.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { localFeedFiles } from '../local-files.js';

export const DEFAULT_KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';

/**
 * CISA's Known Exploited Vulnerabilities catalog as enrichment (`kev` status on findings, joined by CVE id).
 * `path`: the catalog file, or a folder of catalogs / single entries (`kev:<path>`). Otherwise `url` (default
 * CISA's feed), fetched conditionally on the stored ETag / Last-Modified (`kev:cisa`).
 */
export const kevProvider: VulnerabilityProvider = {
  id: 'kev',
  version: 1,
  requires: ['network'],
  description: "CISA's Known Exploited Vulnerabilities catalog (JSON), joined by CVE id",
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    if (options.path) return [fetchLocal(options.path, ctx)];
    const url = options.url ?? DEFAULT_KEV_URL;
    const id = 'kev:cisa';
    const prev = ctx.previous.get(id);
    const res = await sourceGet(url, prev, options, ctx);
    const state = { id, provider: 'kev', kind: 'kev' as const, location: url, fetchedAt: ctx.now().toISOString() };
    if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (not a KEV catalog URL?)`, { status: 404 });
    if (res.status === 304) {
      ctx.logger.debug(`${url}: not modified`);
      return [{ ...state, ...validators(res.etag ?? prev?.etag, res.lastModified ?? prev?.lastModified), notModified: true }];
    }
    let catalog;
    try {
      catalog = parseKevCatalog(JSON.parse(res.body.toString('utf8')), url);
    } catch (error) {
      throw new RemoteError(error instanceof KevFormatError ? error.message : `${url}: unreadable JSON (${getErrorMessage(error)})`, { cause: error });
    }
    ctx.logger.info(`kev: ${catalog.records.length} CVEs from ${url}${catalog.catalogVersion ? ` (catalog ${catalog.catalogVersion})` : ''}`);
    return [{ ...state, ...validators(res.etag, res.lastModified), notModified: false, records: [], enrichments: catalog.records, skipped: catalog.skipped }];
  },
};

function validators(etag: string | undefined, lastModified: string | undefined): { etag?: string; lastModified?: string } {
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function fetchLocal(path: string, ctx: FetchContext): SourceBatch {
  const { root, files, isDir } = localFeedFiles(path, (name) => name.toLowerCase().endsWith('.json'));
  const byId = new Map<string, EnrichmentRecord>();
  const skipped: SkippedInput[] = [];
  let documents = 0;
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if (!isDir) throw new ConfigurationError(`${file}: unreadable JSON (${getErrorMessage(error)})`);
      skipped.push({ where: file, reason: `unreadable JSON (${getErrorMessage(error)})` });
      continue;
    }
    if (isDir && !isKevDocument(doc)) {
      skipped.push({ where: file, reason: 'not a CISA KEV catalog or entry' });
      continue;
    }
    try {
      const catalog = parseKevCatalog(doc, file);
      for (const r of catalog.records) byId.set(r.id, r);
      skipped.push(...catalog.skipped);
      documents++;
    } catch (error) {
      throw new ConfigurationError(getErrorMessage(error), { cause: error });
    }
  }
  if (documents === 0) throw new ConfigurationError(`No CISA KEV catalog in ${path}`);
  ctx.logger.info(`kev: ${byId.size} CVEs from ${root}`);
  return {
    id: `kev:${root}`,
    provider: 'kev',
    kind: 'kev',
    location: root,
    fetchedAt: ctx.now().toISOString(),
    notModified: false,
    records: [],
    enrichments: [...byId.values()],
    skipped,
  };
}
