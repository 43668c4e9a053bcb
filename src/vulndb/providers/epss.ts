import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, RemoteError, getErrorMessage } from '../../common/errors.js';
import { sourceGet } from '../http.js';
import { readEpss } from '../native/epss.js';
import type { FetchContext, ProviderOptions, SourceBatch, VulnerabilityProvider } from '../provider.js';

export const DEFAULT_EPSS_URL = 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz';

/**
 * FIRST's EPSS scores as enrichment (`epss` score, percentile and date on findings, joined by CVE id).
 * `path`: one scores file, `.csv` or `.csv.gz` (`epss:<path>`). Otherwise `url` (default the current scores),
 * fetched conditionally on the stored ETag / Last-Modified (`epss:first`). The CSV is read line by line.
 */
export const epssProvider: VulnerabilityProvider = {
  id: 'epss',
  version: 1,
  requires: ['network'],
  description: "FIRST's EPSS scores (CSV, gzip or plain), joined by CVE id",
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    if (options.path) {
      const file = resolve(options.path);
      let isFile: boolean;
      try {
        isFile = statSync(file).isFile();
      } catch {
        throw new ConfigurationError(`EPSS scores file not found: ${options.path}`);
      }
      if (!isFile) throw new ConfigurationError(`EPSS: ${options.path} is not a file (pass the .csv or .csv.gz scores file)`);
      let scores;
      try {
        scores = await readEpss(createReadStream(file), file);
      } catch (error) {
        throw new ConfigurationError(getErrorMessage(error), { cause: error });
      }
      ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${file}`);
      return [
        {
          id: `epss:${file}`,
          provider: 'epss',
          kind: 'epss',
          location: file,
          fetchedAt: ctx.now().toISOString(),
          notModified: false,
          records: [],
          enrichments: scores.records,
          skipped: scores.skipped,
        },
      ];
    }
    const url = options.url ?? DEFAULT_EPSS_URL;
    const id = 'epss:first';
    const prev = ctx.previous.get(id);
    const res = await sourceGet(url, prev, options, ctx);
    const state = { id, provider: 'epss', kind: 'epss' as const, location: url, fetchedAt: ctx.now().toISOString() };
    if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (not an EPSS scores URL?)`, { status: 404 });
    if (res.status === 304) {
      ctx.logger.debug(`${url}: not modified`);
      const etag = res.etag ?? prev?.etag;
      const lastModified = res.lastModified ?? prev?.lastModified;
      return [{ ...state, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), notModified: true }];
    }
    let scores;
    try {
      scores = await readEpss(res.body, url);
    } catch (error) {
      throw new RemoteError(getErrorMessage(error), { cause: error });
    }
    ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${url}`);
    return [
      {
        ...state,
        ...(res.etag ? { etag: res.etag } : {}),
        ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        notModified: false,
        records: [],
        enrichments: scores.records,
        skipped: scores.skipped,
      },
    ];
  },
};
