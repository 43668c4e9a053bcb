import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { ConfigurationError, RemoteError, getErrorMessage, throwIfAborted } from '../../common/errors.js';
import { conditionalGet, type ConditionalGetOptions } from '../http.js';
import { localFeedFiles } from '../local-files.js';
import { NvdCollector, NvdFormatError, parseNvdMeta, readNvdDocument, readNvdPage, type NvdFeedMeta } from '../native/nvd.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';

export const DEFAULT_NVD_FEED_URL = 'https://nvd.nist.gov/feeds/json/cve/2.0';
export const NVD_API_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0';
/** The first year of NVD's yearly feeds (`nvdcve-2.0-2002.json.gz` also holds 1999–2001). */
export const NVD_FIRST_YEAR = 2002;
export const NVD_PAGE_SIZE = 2000;
/** NVD's public rate limits: 5 requests in 30 s without an API key, 50 with one. */
export const NVD_DELAY_MS = 6_000;
export const NVD_DELAY_WITH_KEY_MS = 600;

export interface NvdProviderDeps {
  /** Waits between API requests (tests pass a recorder). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where `NVD_API_KEY` is read from (process.env by default). */
  env?: NodeJS.ProcessEnv;
}

/** Whether a URL is the CVE API (`…/rest/json/cves/2.0`) rather than a feed folder. */
export function isNvdApiUrl(url: string): boolean {
  try {
    return /\/rest\/json\/cves\//.test(new URL(url).pathname);
  } catch {
    throw new ConfigurationError(`Not a URL: ${url}`);
  }
}

/** The years to fetch: `ecosystems` (`2023`, `2024`), else 2002 to this year. */
export function nvdYears(ecosystems: readonly string[] | undefined, now: Date): string[] {
  const current = now.getUTCFullYear();
  if (!ecosystems || ecosystems.length === 0) {
    return Array.from({ length: current - NVD_FIRST_YEAR + 1 }, (_, i) => String(NVD_FIRST_YEAR + i));
  }
  for (const y of ecosystems) {
    if (!/^\d{4}$/.test(y) || Number(y) < NVD_FIRST_YEAR || Number(y) > current) {
      throw new ConfigurationError(`NVD feed year "${y}" is not a year from ${NVD_FIRST_YEAR} to ${current}`);
    }
  }
  return [...new Set(ecosystems)].sort();
}

const isNvdFileName = (name: string): boolean => /\.json(\.gz)?$/i.test(name);

/** `nvdcve-2.0-2024.json.gz` → `nvdcve-2.0-2024.meta` beside it. */
function metaPathOf(file: string): string {
  return join(dirname(file), `${basename(file).replace(/\.json(\.gz)?$/i, '')}.meta`);
}

/**
 * NVD's CVE data (CVE API 2.0 JSON) as enrichment: every CVSS metric (v2, v3.0, v3.1, v4.0; Primary and Secondary,
 * with their source), dates, status and the English description, joined to findings by CVE id.
 * - `path`: a `.json` / `.json.gz` file or a folder of them (yearly feed files, API pages); a feed file's `.meta`
 *   beside it is verified. One source, `nvd:<path>`.
 * - `url` = a feed folder (default https://nvd.nist.gov/feeds/json/cve/2.0): `nvdcve-2.0-YYYY.json.gz` for each year
 *   in `ecosystems` (default 2002 to this year), one source per year (`nvd:2024`). The `.meta` is fetched first;
 *   when its `lastModifiedDate` is the stored one, the year is not downloaded again.
 * - `url` = the CVE API (https://services.nvd.nist.gov/rest/json/cves/2.0): every CVE, 2000 a page, with the
 *   `apiKey` header from `NVD_API_KEY` when set, paced to NVD's rate limits. One source, `nvd:api`.
 */
export function createNvdProvider(deps: NvdProviderDeps = {}): VulnerabilityProvider {
  const sleep = deps.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  return {
    id: 'nvd',
    version: 1,
    requires: ['network'],
    description: "NVD's CVE data (CVE API 2.0 pages or the yearly nvdcve-2.0 feeds): CVSS v2/v3/v4, joined by CVE id",
    async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
      if (options.path) return [await fetchLocal(options.path, ctx)];
      const url = (options.url ?? DEFAULT_NVD_FEED_URL).replace(/\/+$/, '');
      const env = deps.env ?? process.env;
      if (isNvdApiUrl(url)) {
        if (options.ecosystems?.length) ctx.logger.warning('nvd: years (ecosystems) apply to the yearly feeds; the API fetches every CVE');
        return [await fetchApi(url, options, ctx, env.NVD_API_KEY?.trim() || undefined, sleep)];
      }
      const out: SourceBatch[] = [];
      const thisYear = String(ctx.now().getUTCFullYear());
      for (const year of nvdYears(options.ecosystems, ctx.now())) {
        throwIfAborted(ctx.signal);
        const batch = await fetchYear(url, year, options, ctx, year === thisYear);
        if (batch) out.push(batch);
      }
      return out;
    },
  };
}

export const nvdProvider: VulnerabilityProvider = createNvdProvider();

function httpOptions(options: ProviderOptions, ctx: FetchContext, extra: Partial<ConditionalGetOptions> = {}): ConditionalGetOptions {
  return { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger, ...extra };
}

async function fetchLocal(path: string, ctx: FetchContext): Promise<SourceBatch> {
  const { root, files, isDir } = localFeedFiles(path, isNvdFileName);
  const collector = new NvdCollector();
  const skippedFiles: SkippedInput[] = [];
  let documents = 0;
  for (const file of files) {
    throwIfAborted(ctx.signal);
    const metaPath = metaPathOf(file);
    let meta: NvdFeedMeta | undefined;
    try {
      if (existsSync(metaPath)) meta = parseNvdMeta(readFileSync(metaPath, 'utf8'), metaPath);
      await readNvdDocument(createReadStream(file), file, collector, meta);
      documents++;
    } catch (error) {
      const notNvd = error instanceof NvdFormatError && /not an NVD CVE API 2\.0 document/.test(error.message);
      if (isDir && notNvd) skippedFiles.push({ where: file, reason: 'not an NVD CVE API 2.0 document' });
      else throw new ConfigurationError(getErrorMessage(error), { cause: error });
    }
  }
  if (documents === 0) throw new ConfigurationError(`No NVD CVE API 2.0 documents (.json, .json.gz) in ${path}`);
  ctx.logger.info(`nvd: ${collector.size} CVEs from ${documents} file(s) in ${root}`);
  return {
    id: `nvd:${root}`,
    provider: 'nvd',
    kind: 'nvd',
    location: root,
    fetchedAt: ctx.now().toISOString(),
    notModified: false,
    records: [],
    enrichments: collector.records(),
    skipped: [...skippedFiles, ...collector.skipped],
  };
}

/** One year's feed; undefined when this year's file is not published yet (early January). */
async function fetchYear(base: string, year: string, options: ProviderOptions, ctx: FetchContext, isThisYear: boolean): Promise<SourceBatch | undefined> {
  const id = `nvd:${year}`;
  const name = `nvdcve-2.0-${year}.json.gz`;
  const location = `${base}/${name}`;
  const metaUrl = `${base}/nvdcve-2.0-${year}.meta`;
  const prev = ctx.previous.get(id);
  const metaRes = await conditionalGet(metaUrl, httpOptions(options, ctx));
  if (metaRes.status === 404 && isThisYear) {
    ctx.logger.warning(`${metaUrl}: HTTP 404; NVD has no ${year} feed yet, skipped`);
    return undefined;
  }
  if (metaRes.status === 404) throw new RemoteError(`${metaUrl}: HTTP 404 (is ${base} an NVD 2.0 feed folder with year ${year}?)`, { status: 404 });
  if (metaRes.status === 304) throw new RemoteError(`${metaUrl}: unexpected HTTP 304 to an unconditional request`);
  let meta: NvdFeedMeta;
  try {
    meta = parseNvdMeta(metaRes.body.toString('utf8'), metaUrl);
  } catch (error) {
    throw new RemoteError(getErrorMessage(error), { cause: error });
  }
  const state = { id, provider: 'nvd', kind: 'nvd' as const, location, lastModified: meta.lastModifiedDate };
  if (prev && prev.location === location && prev.lastModified === meta.lastModifiedDate) {
    ctx.logger.debug(`${name}: unchanged since ${meta.lastModifiedDate}`);
    return { ...state, fetchedAt: ctx.now().toISOString(), notModified: true };
  }
  const res = await conditionalGet(location, httpOptions(options, ctx));
  if (res.status !== 200) throw new RemoteError(`${location}: HTTP ${res.status} after its .meta was served`, res.status === 404 ? { status: 404 } : {});
  const collector = new NvdCollector();
  try {
    await readNvdDocument(res.body, name, collector, meta);
  } catch (error) {
    throw new RemoteError(`${location}: ${getErrorMessage(error)}`, { cause: error });
  }
  ctx.logger.info(`nvd: ${collector.size} CVEs from ${name} (modified ${meta.lastModifiedDate})`);
  return { ...state, fetchedAt: ctx.now().toISOString(), notModified: false, records: [], enrichments: collector.records(), skipped: collector.skipped };
}

async function fetchApi(
  url: string,
  options: ProviderOptions,
  ctx: FetchContext,
  apiKey: string | undefined,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
): Promise<SourceBatch> {
  const collector = new NvdCollector();
  const delay = apiKey ? NVD_DELAY_WITH_KEY_MS : NVD_DELAY_MS;
  const headers = apiKey ? { apiKey } : undefined;
  let startIndex = 0;
  let total: number | undefined;
  for (let request = 0; total === undefined || startIndex < total; request++) {
    if (request > 0) await sleep(delay, ctx.signal);
    throwIfAborted(ctx.signal);
    const pageUrl = new URL(url);
    pageUrl.searchParams.set('startIndex', String(startIndex));
    pageUrl.searchParams.set('resultsPerPage', String(NVD_PAGE_SIZE));
    const res = await conditionalGet(pageUrl.toString(), httpOptions(options, ctx, { headers }));
    if (res.status !== 200) throw new RemoteError(`${pageUrl.toString()}: HTTP ${res.status}`, res.status === 404 ? { status: 404 } : {});
    let page;
    try {
      page = readNvdPage(res.body.toString('utf8'), pageUrl.toString(), collector);
    } catch (error) {
      throw new RemoteError(getErrorMessage(error), { cause: error });
    }
    total = page.totalResults;
    if (page.count === 0) {
      if (startIndex < total) throw new RemoteError(`${pageUrl.toString()}: an empty page at ${startIndex} of ${total} results`);
      break;
    }
    startIndex += page.count;
    ctx.logger.debug(`nvd: ${startIndex}/${total} CVEs`);
  }
  ctx.logger.info(`nvd: ${collector.size} CVEs from ${url}`);
  return {
    id: 'nvd:api',
    provider: 'nvd',
    kind: 'nvd',
    location: url,
    fetchedAt: ctx.now().toISOString(),
    notModified: false,
    records: [],
    enrichments: collector.records(),
    skipped: collector.skipped,
  };
}
