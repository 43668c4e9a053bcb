import type { FetchContext, ProviderOptions, SourceBatch, VulnerabilityProvider } from '../provider.js';
import { ConfigurationError } from '../../common/errors.js';
import { scanLocal } from './local.js';
import { secdbToOsv } from './secdb.js';

/**
 * Local data for air-gapped use: a folder (any depth) or a file of OSV records, osv.dev zips, or Alpine secdb
 * documents. OSV records become the source `osv-local:<path>`; secdb documents found on the way become
 * `alpine-secdb:<path>`, so each is labelled with its own feed.
 */
export const osvLocalProvider: VulnerabilityProvider = {
  id: 'osv-local',
  version: 1,
  description: 'local folders and zips of OSV records (and Alpine secdb files found among them)',
  fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]> {
    if (!options.path) throw new ConfigurationError('osv-local needs a path');
    const scan = scanLocal(options.path);
    const fetchedAt = ctx.now().toISOString();
    const out: SourceBatch[] = [];
    if (scan.osv.length > 0 || scan.secdb.length === 0) {
      out.push({
        id: `osv-local:${scan.root}`,
        provider: 'osv-local',
        kind: 'osv',
        location: scan.root,
        fetchedAt,
        notModified: false,
        records: scan.osv,
        skipped: scan.skipped,
      });
    }
    if (scan.secdb.length > 0) {
      const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
      out.push({
        id: `alpine-secdb:${scan.root}`,
        provider: 'alpine-secdb',
        kind: 'alpine-secdb',
        location: scan.root,
        fetchedAt,
        notModified: false,
        records,
        skipped: scan.osv.length > 0 ? skipped : [...scan.skipped, ...skipped],
      });
    }
    for (const b of out) if (!b.notModified) ctx.logger.info(`${b.id}: ${b.records.length} records`);
    return Promise.resolve(out);
  },
};
