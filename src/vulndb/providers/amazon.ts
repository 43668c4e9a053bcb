import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigurationError, RemoteError, throwIfAborted } from '../../common/errors.js';
import { conditionalGet } from '../http.js';
import { localFeedFiles } from '../local-files.js';
import { convertAmazon, parseAlasRss } from '../native/amazon.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';

export const ALAS_BASE = 'https://alas.aws.amazon.com';
const DEFAULT_RELEASES = ['2', '2023'];
/** At most this many advisory pages are fetched per feed (the AL2 feed lists about 2,500). */
export const MAX_ALAS_PAGES = 10_000;

export function alasRssUrl(release: string): string {
  if (!/^(2|2022|2023)$/.test(release)) throw new ConfigurationError(`amazon: "${release}" is not an Amazon Linux release (2, 2022 or 2023)`);
  return `${ALAS_BASE}/AL${release}/alas.rss`;
}

const isRssName = (n: string): boolean => /(^|_)rss\.xml$|\.rss$|^alas.*\.xml$/i.test(n);


/** The advisory pages of a local RSS file: the folder `<stem>_html` beside `<stem>_rss.xml`, else the RSS's folder. */
function localPages(rssFile: string): Map<string, string> {
  const stem = basename(rssFile).replace(/_?rss\.xml$|\.rss$|\.xml$/i, '');
  const beside = join(dirname(rssFile), `${stem}_html`);
  const dir = stem && existsSync(beside) && statSync(beside).isDirectory() ? beside : dirname(rssFile);
  const pages = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const id = e.name.replace(/\.html?$/i, '');
    if (e.isFile() && /^ALAS\d*-\d{4}-\d+$/.test(id)) pages.set(id, readFileSync(join(dir, e.name), 'utf8'));
  }
  return pages;
}

/**
 * Amazon Linux ALAS. With `path`: an RSS file (`2023_rss.xml`, `alas.rss`) or a folder of them, each with its
 * advisory pages in `<stem>_html/ALAS-…` beside it (else in its own folder); one source per RSS file. Otherwise,
 * for `url` (an RSS URL) or each release in `ecosystems` (2, 2022, 2023; default 2 and 2023): a conditional GET
 * of the RSS, then each advisory page it lists, one after the other (at most MAX_ALAS_PAGES); a page that fails
 * is skipped with the reason. An unchanged RSS (304) keeps the stored records.
 */
export const amazonProvider: VulnerabilityProvider = {
  id: 'amazon',
  version: 1,
  description: 'Amazon Linux ALAS (RSS and advisory pages) turned into OSV records (Amazon Linux:2|2022|2023)',
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    const fetchedAt = ctx.now().toISOString();
    if (options.path) {
      const { files } = localFeedFiles(options.path, isRssName);
      if (files.length === 0) throw new ConfigurationError(`amazon: no ALAS RSS file (*_rss.xml, *.rss) in ${options.path}`);
      return files.map((f) => {
        const { records, skipped } = convertAmazon({ rss: readFileSync(f, 'utf8'), pages: localPages(f) }, f);
        ctx.logger.info(`amazon:${f}: ${records.length} records`);
        return { id: `amazon:${f}`, provider: 'amazon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
      });
    }
    const urls = options.url ? [options.url] : (options.ecosystems?.length ? options.ecosystems : DEFAULT_RELEASES).map(alasRssUrl);
    const out: SourceBatch[] = [];
    const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
    for (const url of urls) {
      const release = /\/AL(2|2022|2023)\//.exec(url)?.[1];
      const id = release && !options.url ? `amazon:${release}` : `amazon:${url}`;
      const prev = ctx.previous.get(id);
      const conditional = prev?.location === url;
      const res = await conditionalGet(url, { ...http, etag: conditional ? prev.etag : undefined, lastModified: conditional ? prev.lastModified : undefined });
      const state = { id, provider: 'amazon', kind: 'native' as const, location: url, fetchedAt };
      if (res.status === 404) throw new RemoteError(`${url}: HTTP 404`, { status: 404 });
      if (res.status === 304) {
        out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
        continue;
      }
      const rss = res.body.toString('utf8');
      const { items } = parseAlasRss(rss, url);
      if (!/<rss[\s>]/.test(rss)) throw new RemoteError(`${url}: not an RSS document`);
      const pages = new Map<string, string>();
      const pageSkips: SkippedInput[] = [];
      let fetched = 0;
      for (const item of items) {
        if (pages.has(item.id)) continue;
        if (fetched >= MAX_ALAS_PAGES) {
          pageSkips.push({ where: item.link, reason: `not fetched: more than ${MAX_ALAS_PAGES} advisory pages` });
          continue;
        }
        throwIfAborted(ctx.signal);
        fetched++;
        try {
          const page = await conditionalGet(item.link, http);
          if (page.status === 200) pages.set(item.id, page.body.toString('utf8'));
          else pageSkips.push({ where: item.link, reason: `advisory page: HTTP ${page.status}` });
        } catch (error) {
          if (ctx.signal?.aborted) throw error;
          pageSkips.push({ where: item.link, reason: `advisory page: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
      const { records, skipped } = convertAmazon({ rss, pages, ...(release ? { release } : {}) }, url);
      ctx.logger.info(`${id}: ${records.length} records (${fetched} pages)`);
      out.push({
        ...state,
        ...(res.etag ? { etag: res.etag } : {}),
        ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        notModified: false,
        records,
        skipped: [...pageSkips, ...skipped],
      });
    }
    return out;
  },
};
