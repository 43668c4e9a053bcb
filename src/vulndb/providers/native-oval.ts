import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ConfigurationError, RemoteError, getErrorMessage, throwIfAborted } from '../../common/errors.js';
import { sourceGet } from '../http.js';
import { convertMarinerOval } from '../native/mariner-oval.js';
import { convertOracleOval } from '../native/oracle-oval.js';
import { OvalFormatError } from '../native/oval.js';
import { convertSuseOval } from '../native/suse-oval.js';
import type { OsvRecord } from '../osv.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { localFeedFiles } from '../local-files.js';

type Convert = (xmlText: string, where: string) => { records: OsvRecord[]; skipped: SkippedInput[] };

interface OvalFeed {
  id: 'oracle' | 'sles' | 'mariner';
  description: string;
  convert: Convert;
  /** The URLs fetched without `url` or `path`, one source each, from `ecosystems`; undefined: there is no default. */
  defaultUrls?: (ecosystems: readonly string[]) => string[];
  /** Why there is no default, for the error. */
  noDefault?: string;
}

export const ORACLE_OVAL_URL = 'https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2';
export const SUSE_OVAL_BASE = 'https://ftp.suse.com/pub/projects/security/oval';
export const AZURE_LINUX_OVAL_BASE = 'https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main';

/** The largest text V8 makes a string of (2^29 - 24 characters); a bigger document must be split (yearly files). */
const MAX_TEXT = 0x1fffffe8;

/** `15` → SUSE's SLES 15 file; `15-sp5`-like values are not files SUSE publishes (one file per major). */
export function suseOvalUrl(major: string): string {
  if (!/^\d+$/.test(major)) throw new ConfigurationError(`sles: "${major}" is not a SUSE Linux Enterprise Server major release such as 15`);
  return `${SUSE_OVAL_BASE}/suse.linux.enterprise.server.${major}.xml.gz`;
}

/** `2.0` → `cbl-mariner-2.0-oval.xml`; `3.0` and later → `azurelinux-3.0-oval.xml`. */
export function azureLinuxOvalUrl(release: string): string {
  const m = /^(\d+)(?:\.0)?$/.exec(release.trim());
  if (!m) throw new ConfigurationError(`mariner: "${release}" is not an Azure Linux / CBL-Mariner release such as 2.0 or 3.0`);
  const major = Number(m[1]);
  return major < 3 ? `${AZURE_LINUX_OVAL_BASE}/cbl-mariner-${major}.0-oval.xml` : `${AZURE_LINUX_OVAL_BASE}/azurelinux-${major}.0-oval.xml`;
}

const FEEDS: Record<OvalFeed['id'], OvalFeed> = {
  oracle: {
    id: 'oracle',
    description: 'Oracle Linux ELSA OVAL (com.oracle.elsa-*.xml, decompressed) turned into OSV records (Oracle Linux:<major>)',
    convert: convertOracleOval,
    noDefault: `Oracle publishes its OVAL only as .bz2 (${ORACLE_OVAL_URL}), which Node cannot decompress: decompress it (bunzip2 -k) and give the .xml as the path, or serve it as .xml / .xml.gz and give that url`,
  },
  sles: {
    id: 'sles',
    description: "SUSE Linux Enterprise OVAL (ftp.suse.com suse.linux.enterprise.server.<major>.xml.gz) turned into OSV records (SUSE:<product>)",
    convert: convertSuseOval,
    defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['15']).map(suseOvalUrl),
  },
  mariner: {
    id: 'mariner',
    description: 'Azure Linux / CBL-Mariner OVAL (AzureLinuxVulnerabilityData) turned into OSV records (Azure Linux:<major>)',
    convert: convertMarinerOval,
    defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['2.0', '3.0']).map(azureLinuxOvalUrl),
  },
};

const isOvalFileName = (name: string): boolean => /\.xml(\.gz)?$/i.test(name);

function bz2Error(what: string): ConfigurationError {
  return new ConfigurationError(`${what} is bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k) and use the .xml, or a .xml.gz`);
}

/** The document's text: gunzipped when it starts with the gzip magic; a bzip2 file is refused. */
export function ovalText(bytes: Buffer, where: string): string {
  let data = bytes;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch (error) {
      throw new OvalFormatError(`${where}: corrupt gzip data (${getErrorMessage(error)})`);
    }
  }
  if (data.length >= 3 && data.toString('latin1', 0, 3) === 'BZh') throw bz2Error(where);
  if (data.length > MAX_TEXT) {
    throw new OvalFormatError(`${where}: ${data.length} bytes is more than one document can be read as (${MAX_TEXT}); use the yearly / per-release files`);
  }
  return data.toString('utf8');
}

/**
 * A native OVAL feed as a provider (`oracle`, `sles`, `mariner`):
 * - `path`: an OVAL file (`.xml`, `.xml.gz`) or a folder of them, one source `<id>:<path>`; a `.bz2` is refused
 *   with how to decompress it. In a folder, a file that is not OVAL is skipped and listed.
 * - `url`: one document (`.xml`, or gzip, by name or content), fetched with a conditional GET; one source
 *   `<id>:<url>`; 304 keeps the stored records.
 * - neither: `sles` fetches `suse.linux.enterprise.server.<major>.xml.gz` for each major in `ecosystems` (default
 *   15), `mariner` `cbl-mariner-2.0-oval.xml` / `azurelinux-3.0-oval.xml` for each release in `ecosystems`
 *   (default 2.0 and 3.0), one source per URL; `oracle` has no usable default (Oracle publishes only .bz2).
 */
export function createOvalProvider(id: OvalFeed['id']): VulnerabilityProvider {
  const feed = FEEDS[id];
  return {
    id: feed.id,
    version: 1,
    requires: ['network'],
    description: feed.description,
    async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
      if (options.path) return [fetchLocal(feed, options.path, ctx)];
      if (options.url) return [await fetchUrl(feed, options.url, options, ctx)];
      if (!feed.defaultUrls) throw new ConfigurationError(`${feed.id}: no url or path given. ${feed.noDefault ?? ''}`.trim());
      const out: SourceBatch[] = [];
      for (const url of feed.defaultUrls(options.ecosystems ?? [])) {
        throwIfAborted(ctx.signal);
        out.push(await fetchUrl(feed, url, options, ctx));
      }
      return out;
    },
  };
}

function fetchLocal(feed: OvalFeed, path: string, ctx: FetchContext): SourceBatch {
  if (/\.bz2$/i.test(path)) throw bz2Error(path);
  const { root, files, isDir } = localFeedFiles(path, (name) => isOvalFileName(name) || /\.xml\.bz2$/i.test(name));
  const records: OsvRecord[] = [];
  const skipped: SkippedInput[] = [];
  const seen = new Set<string>();
  let documents = 0;
  for (const file of files) {
    throwIfAborted(ctx.signal);
    if (/\.bz2$/i.test(file)) {
      skipped.push({ where: file, reason: 'bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k)' });
      continue;
    }
    let result;
    try {
      result = feed.convert(ovalText(readFileSync(file), file), file);
    } catch (error) {
      if (isDir && error instanceof OvalFormatError) {
        skipped.push({ where: file, reason: error.message.replace(`${file}: `, '') });
        continue;
      }
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(getErrorMessage(error), { cause: error });
    }
    documents++;
    for (const r of result.records) {
      if (seen.has(r.id)) {
        skipped.push({ where: file, reason: `${r.id} is also in an earlier file; the first is kept` });
        continue;
      }
      seen.add(r.id);
      records.push(r);
    }
    skipped.push(...result.skipped);
  }
  if (documents === 0) throw new ConfigurationError(`No ${feed.id} OVAL documents (.xml, .xml.gz) in ${path}${skipped.length > 0 ? ` (${skipped[0]!.where}: ${skipped[0]!.reason})` : ''}`);
  ctx.logger.info(`${feed.id}: ${records.length} records from ${documents} OVAL file(s) in ${root}`);
  return { id: `${feed.id}:${root}`, provider: feed.id, kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped };
}

async function fetchUrl(feed: OvalFeed, url: string, options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch> {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    throw new ConfigurationError(`${feed.id}: not a URL: ${url}`);
  }
  if (/\.bz2$/i.test(pathname)) throw bz2Error(url);
  const id = `${feed.id}:${url}`;
  const prev = ctx.previous.get(id);
  const res = await sourceGet(url, prev, options, ctx);
  if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (no ${feed.id} OVAL document there)`, { status: 404 });
  const validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
  const state = { id, provider: feed.id, kind: 'native' as const, location: url, fetchedAt: ctx.now().toISOString() };
  if (res.status === 304) {
    return { ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), ...validators, notModified: true };
  }
  let result;
  try {
    result = feed.convert(ovalText(res.body, url), url);
  } catch (error) {
    if (error instanceof OvalFormatError) throw new RemoteError(error.message, { cause: error });
    throw error;
  }
  ctx.logger.info(`${feed.id}: ${result.records.length} records from ${url}`);
  return { ...state, ...validators, notModified: false, records: result.records, skipped: result.skipped };
}

export const oracleOvalProvider: VulnerabilityProvider = createOvalProvider('oracle');
export const slesOvalProvider: VulnerabilityProvider = createOvalProvider('sles');
export const marinerOvalProvider: VulnerabilityProvider = createOvalProvider('mariner');
