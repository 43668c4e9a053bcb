import { ConfigurationError, RemoteError, getErrorMessage } from '../../common/errors.js';
import { conditionalGet } from '../http.js';
import type { FetchContext, ProviderOptions, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { scanLocal } from './local.js';
import { isSecdbDocument, secdbToOsv, type SecdbDocument } from './secdb.js';

export const DEFAULT_SECDB_URL = 'https://secdb.alpinelinux.org';
const REPOS = ['main', 'community'] as const;

/**
 * Alpine's secdb as a native provider. With `path`: the secdb files of a folder or one file (`alpine-secdb:<path>`).
 * Otherwise, for each branch in `ecosystems` (`v3.20`): `<url>/<branch>/{main,community}.json`
 * (`alpine-secdb:v3.20`); a repository the server does not have (404) is skipped, `community` being absent on
 * old branches. Conditional requests use the stored `main.json` validators.
 */
export const alpineSecdbProvider: VulnerabilityProvider = {
  id: 'alpine-secdb',
  version: 1,
  description: 'Alpine secdb (secdb.alpinelinux.org JSON, or the YAML files) turned into OSV records',
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    if (options.path) {
      const scan = scanLocal(options.path);
      if (scan.secdb.length === 0) throw new ConfigurationError(`No Alpine secdb documents in ${options.path}`);
      const fetchedAt = ctx.now().toISOString();
      const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
      return [
        {
          id: `alpine-secdb:${scan.root}`,
          provider: 'alpine-secdb',
          kind: 'alpine-secdb',
          location: scan.root,
          fetchedAt,
          notModified: false,
          records,
          skipped: [...scan.skipped, ...skipped],
        },
      ];
    }
    const base = (options.url ?? DEFAULT_SECDB_URL).replace(/\/+$/, '');
    const out: SourceBatch[] = [];
    for (const branch of options.ecosystems ?? []) {
      const id = `alpine-secdb:${branch}`;
      const location = `${base}/${branch}`;
      const prev = ctx.previous.get(id);
      const docs: { doc: SecdbDocument; where: string }[] = [];
      let validators: { etag?: string; lastModified?: string } = {};
      let unchanged = true;
      for (const repo of REPOS) {
        const url = `${location}/${repo}.json`;
        const conditional = repo === 'main' && prev?.location === location;
        const res = await conditionalGet(url, {
          etag: conditional ? prev?.etag : undefined,
          lastModified: conditional ? prev?.lastModified : undefined,
          timeoutMs: options.timeoutMs,
          retries: options.retries,
          backoffMs: options.backoffMs,
          signal: ctx.signal,
          logger: ctx.logger,
        });
        if (res.status === 404) {
          if (repo === 'main') throw new RemoteError(`${url}: HTTP 404 (is "${branch}" an Alpine branch such as v3.20?)`, { status: 404 });
          continue;
        }
        if (res.status === 304) {
          validators = { ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}) };
          break; // main unchanged: the branch is taken as unchanged (secdb regenerates both together)
        }
        unchanged = false;
        if (repo === 'main') validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
        let doc: unknown;
        try {
          doc = JSON.parse(res.body.toString('utf8'));
        } catch (error) {
          throw new RemoteError(`${url}: unreadable JSON (${getErrorMessage(error)})`);
        }
        if (!isSecdbDocument(doc)) throw new RemoteError(`${url}: not an Alpine secdb document`);
        docs.push({ doc, where: url });
      }
      const fetchedAt = ctx.now().toISOString();
      const state = { id, provider: 'alpine-secdb', kind: 'alpine-secdb' as const, location, fetchedAt, ...validators };
      if (unchanged) {
        out.push({ ...state, notModified: true });
        continue;
      }
      const { records, skipped } = secdbToOsv(docs, fetchedAt);
      out.push({ ...state, notModified: false, records, skipped });
    }
    return out;
  },
};
