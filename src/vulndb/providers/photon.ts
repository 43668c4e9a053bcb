import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { sourceGet } from '../http.js';
import { localFeedFiles } from '../local-files.js';
import { convertPhoton, parsePhotonAdvisory, photonReleaseOf, type PhotonAdvisory } from '../native/photon.js';
import type { FetchContext, ProviderOptions, SourceBatch, VulnerabilityProvider } from '../provider.js';

export const PHOTON_CVE_BASE = 'https://packages.vmware.com/photon/photon_cve_metadata';
const DEFAULT_RELEASES = ['3.0', '4.0', '5.0'];
const NO_DATE = '1970-01-01T00:00:00.000Z';


/**
 * Photon OS: with `path`, a `cve_data_photon<X.0>.json` file or a folder of them, with the photon wiki's
 * `Security-Update-*.md` advisories anywhere in the folder (they give PHSA ids, dates and the vendor's severity
 * words); one source per release, `photon:<X.0>:<path>`. Otherwise, for each release in `ecosystems` (default
 * 3.0, 4.0, 5.0), a conditional GET of `<url>/cve_data_photon<X.0>.json` (`photon:<X.0>`); `modified` then is
 * the answer's Last-Modified.
 */
export const photonProvider: VulnerabilityProvider = {
  id: 'photon',
  version: 1,
  description: 'Photon OS CVE metadata (cve_data_photon<X.0>.json, and the wiki advisories) turned into OSV records (Photon OS:<X.0>)',
  async fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    const fetchedAt = ctx.now().toISOString();
    if (options.path) {
      const { files } = localFeedFiles(options.path, () => true);
      const advisories: PhotonAdvisory[] = [];
      for (const f of files.filter((x) => /\.md$/i.test(x))) {
        const a = parsePhotonAdvisory(readFileSync(f, 'utf8'), basename(f));
        if (a) advisories.push(a);
      }
      const data = files.filter((f) => photonReleaseOf(basename(f)) !== undefined);
      if (data.length === 0) throw new ConfigurationError(`photon: no cve_data_photon<X.0>.json file in ${options.path}`);
      return data.map((f) => {
        const release = photonReleaseOf(basename(f))!;
        const { records, skipped } = convertPhoton(readFileSync(f, 'utf8'), f, { release, advisories, inputDate: statSync(f).mtime.toISOString() });
        ctx.logger.info(`photon:${release}: ${records.length} records`);
        return { id: `photon:${release}:${f}`, provider: 'photon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
      });
    }
    const base = (options.url ?? PHOTON_CVE_BASE).replace(/\/+$/, '');
    const out: SourceBatch[] = [];
    for (const release of options.ecosystems?.length ? options.ecosystems : DEFAULT_RELEASES) {
      if (!/^\d+\.\d+$/.test(release)) throw new ConfigurationError(`photon: "${release}" is not a Photon OS release such as 4.0`);
      const url = `${base}/cve_data_photon${release}.json`;
      const id = `photon:${release}`;
      const prev = ctx.previous.get(id);
      const res = await sourceGet(url, prev, options, ctx);
      const state = { id, provider: 'photon', kind: 'native' as const, location: url, fetchedAt };
      if (res.status === 404) throw new RemoteError(`${url}: HTTP 404 (is "${release}" a Photon OS release?)`, { status: 404 });
      if (res.status === 304) {
        out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
        continue;
      }
      const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
      const { records, skipped } = convertPhoton(res.body.toString('utf8'), url, { release, inputDate: Number.isNaN(at) ? NO_DATE : new Date(at).toISOString() });
      ctx.logger.info(`${id}: ${records.length} records`);
      out.push({ ...state, ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}), notModified: false, records, skipped });
    }
    return out;
  },
};
