import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, RemoteError, getErrorMessage } from '../../common/errors.js';
import { sourceGet } from '../http.js';
import { localFeedFiles } from '../local-files.js';
import type { OsvRecord } from '../osv.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { secdbToOsv, type SecdbDocument, type SecdbFlavour } from './secdb.js';

/** The fixed date used when an HTTP answer has no Last-Modified (the secdb carries no date of its own). */
const NO_DATE = '1970-01-01T00:00:00.000Z';

/** Wolfi and Chainguard write CVE and GHSA ids in their secdb. */
const APK_IDS = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;

export interface ApkSecdbFeed {
  id: 'wolfi' | 'chainguard';
  description: string;
  defaultUrl: string;
  flavour: SecdbFlavour;
}

function apkFlavour(ecosystem: 'Wolfi' | 'Chainguard'): SecdbFlavour {
  const lower = ecosystem.toLowerCase();
  return {
    idPrefix: `${ecosystem.toUpperCase()}-`,
    ecosystem: () => ecosystem,
    purl: (name) => `pkg:apk/${lower}/${name}`,
    advisoryUrl: (id) => `https://images.chainguard.dev/security/${id}`,
    ids: APK_IDS,
  };
}

export const WOLFI_FEED: ApkSecdbFeed = {
  id: 'wolfi',
  description: 'Wolfi secdb (packages.wolfi.dev/os/security.json) turned into OSV records (ecosystem Wolfi)',
  defaultUrl: 'https://packages.wolfi.dev/os/security.json',
  flavour: apkFlavour('Wolfi'),
};

export const CHAINGUARD_FEED: ApkSecdbFeed = {
  id: 'chainguard',
  description: 'Chainguard secdb (packages.cgr.dev/chainguard/security.json) turned into OSV records (ecosystem Chainguard)',
  defaultUrl: 'https://packages.cgr.dev/chainguard/security.json',
  flavour: apkFlavour('Chainguard'),
};

/**
 * An apk secdb as Wolfi and Chainguard publish it: `{ apkurl, archs, reponame, urlprefix, packages }`, with no
 * `distroversion` (both are rolling). A `packages` list is all it takes.
 */
export function parseApkSecdb(text: string, where: string): { doc: SecdbDocument } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `unreadable JSON: ${getErrorMessage(error)}` };
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { packages?: unknown }).packages)) {
    return { error: `${where}: not an apk secdb document (no "packages" list)` };
  }
  const v = value as { packages: unknown[]; distroversion?: unknown; reponame?: unknown };
  const packages = v.packages.filter((p): p is SecdbDocument['packages'][number] => typeof p === 'object' && p !== null);
  return {
    doc: {
      distroversion: typeof v.distroversion === 'string' ? v.distroversion : 'rolling',
      ...(typeof v.reponame === 'string' ? { reponame: v.reponame } : {}),
      packages,
    },
  };
}

/** Converts one or more secdb texts; a document that does not parse is skipped with its reason. */
export function convertApkSecdb(
  inputs: readonly { text: string; where: string }[],
  modified: string,
  flavour: SecdbFlavour,
): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const docs: { doc: SecdbDocument; where: string }[] = [];
  const skipped: SkippedInput[] = [];
  for (const { text, where } of inputs) {
    const parsed = parseApkSecdb(text, where);
    if ('error' in parsed) skipped.push({ where, reason: parsed.error });
    else docs.push({ doc: parsed.doc, where });
  }
  const out = secdbToOsv(docs, modified, flavour);
  return { records: out.records, skipped: [...skipped, ...out.skipped] };
}


/**
 * A provider for a rolling apk secdb. With `path`: the file, or every `.json` file of a folder (source
 * `<id>:<path>`, `modified` = the newest file's mtime). Otherwise a conditional GET of `url` (default: the feed's
 * security.json; source `<id>:<url>`), `modified` = the answer's Last-Modified.
 */
export function apkSecdbProvider(feed: ApkSecdbFeed): VulnerabilityProvider {
  return {
    id: feed.id,
    version: 1,
    description: feed.description,
    async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
      if (options.path) {
        const { files } = localFeedFiles(options.path, (name) => name.toLowerCase().endsWith('.json'));
        if (files.length === 0) throw new ConfigurationError(`${feed.id}: no .json secdb file in ${options.path}`);
        const mtime = Math.max(...files.map((f) => statSync(f).mtimeMs));
        const inputs = files.map((f) => ({ text: readFileSync(f, 'utf8'), where: f }));
        const { records, skipped } = convertApkSecdb(inputs, new Date(mtime).toISOString(), feed.flavour);
        const location = resolve(options.path);
        ctx.logger.info(`${feed.id}:${location}: ${records.length} records`);
        return [
          { id: `${feed.id}:${location}`, provider: feed.id, kind: 'native', location, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped },
        ];
      }
      const url = options.url ?? feed.defaultUrl;
      const id = `${feed.id}:${url}`;
      const prev = ctx.previous.get(id);
      const res = await sourceGet(url, prev, options, ctx);
      const fetchedAt = ctx.now().toISOString();
      const base = { id, provider: feed.id, kind: 'native' as const, location: url, fetchedAt };
      if (res.status === 404) throw new RemoteError(`${url}: HTTP 404`, { status: 404 });
      if (res.status === 304) {
        return [{ ...base, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true }];
      }
      const parsed = parseApkSecdb(res.body.toString('utf8'), url);
      if ('error' in parsed) throw new RemoteError(`${url}: ${parsed.error}`);
      const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
      const modified = Number.isNaN(at) ? NO_DATE : new Date(at).toISOString();
      const { records, skipped } = secdbToOsv([{ doc: parsed.doc, where: url }], modified, feed.flavour);
      ctx.logger.info(`${id}: ${records.length} records`);
      return [
        {
          ...base,
          ...(res.etag ? { etag: res.etag } : {}),
          ...(res.lastModified ? { lastModified: res.lastModified } : {}),
          notModified: false,
          records,
          skipped,
        },
      ];
    },
  };
}

export const wolfiProvider = apkSecdbProvider(WOLFI_FEED);
