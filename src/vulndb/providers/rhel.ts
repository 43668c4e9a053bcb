import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigurationError } from '../../common/errors.js';
import { localFeedFiles } from '../local-files.js';
import { convertRhelCve } from '../native/rhel-security-data.js';
import type { OsvRecord } from '../osv.js';
import type { FetchContext, ProviderOptions, SkippedInput, SourceBatch, VulnerabilityProvider } from '../provider.js';

const isCveFile = (name: string): boolean => /^CVE-\d{4}-\d{4,}(\.json)?$/i.test(name);


/**
 * Red Hat's per-CVE security data (the Security Data API's `cve/CVE-….json` documents, as vunnel keeps them in
 * `input/cve/full/`), from a local file or folder: one source `rhel:<path>`, one record per CVE in `Red Hat:<major>`
 * and `Red Hat:<x.y>+eus`. Fetching the API itself (one request per CVE) is not done: download the documents
 * (vunnel, or the API) and give their folder as `path`.
 */
export const rhelProvider: VulnerabilityProvider = {
  id: 'rhel',
  version: 1,
  description: "Red Hat per-CVE security data (Security Data API CVE documents, local) turned into OSV records (Red Hat:<major>, Red Hat:<x.y>+eus)",
  fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    if (!options.path) {
      throw new ConfigurationError('rhel: give a path to a folder of Red Hat security data CVE documents (CVE-YYYY-NNNN.json); fetching the Security Data API per CVE is not supported');
    }
    const { root, files } = localFeedFiles(options.path, isCveFile);
    if (files.length === 0) throw new ConfigurationError(`rhel: no CVE-YYYY-NNNN(.json) document in ${options.path}`);
    const records: OsvRecord[] = [];
    const skipped: SkippedInput[] = [];
    const ids = new Set<string>();
    for (const f of files) {
      const out = convertRhelCve(readFileSync(f, 'utf8'), f);
      skipped.push(...out.skipped);
      for (const r of out.records) {
        if (ids.has(r.id)) {
          skipped.push({ where: f, reason: `${r.id} comes twice (${basename(f)}); the first is kept` });
          continue;
        }
        ids.add(r.id);
        records.push(r);
      }
    }
    ctx.logger.info(`rhel:${root}: ${records.length} records`);
    return Promise.resolve([{ id: `rhel:${root}`, provider: 'rhel', kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped }]);
  },
};
