/**
 * The store's vulnerability data refresh: what `portcullis db update` does with the same sources and options
 * (`--db-repository`: the compiled database from a registry; `--db-url`: the OSV bucket layout, refreshing the
 * ecosystems already in the database), and whether the data changed.
 */

import { ConfigurationError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { defaultUpdatePlan } from '../cli/commands/db.js';
import { updateFromRepository, type ArtifactRegistryOptions } from '../vulndb/artifact.js';
import { DEFAULT_OSV_BUCKET_URL } from '../vulndb/providers/osv-bucket.js';
import { readMetadata, type DatabaseMetadata } from '../vulndb/store.js';
import { updateDatabase, type UpdateRequest } from '../vulndb/update.js';

export interface DataRefreshOptions {
  cacheDir: string;
  /** The OSV bucket layout's base URL (`db update --db-url`). */
  dbUrl?: string;
  /** The compiled database's OCI repository (`db update --db-repository`). */
  dbRepository?: string;
  registry?: Omit<ArtifactRegistryOptions, 'logger' | 'env'>;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
}

/** What identifies the data (not when it was last confirmed unchanged). */
export function dataFingerprint(meta: DatabaseMetadata | undefined): string {
  if (!meta) return 'none';
  return JSON.stringify({
    compiled: meta.compiled?.checksum ?? null,
    segments: meta.segments.map((s) => [s.id, s.records, s.bytes, s.data, s.index, s.etag ?? null, s.lastModified ?? null, s.highWater ?? null]).sort(),
  });
}

export async function refreshVulnerabilityData(options: DataRefreshOptions): Promise<{ changed: boolean; fingerprint: string }> {
  const { cacheDir, logger } = options;
  const before = dataFingerprint(readMetadata(cacheDir));
  let repository = options.dbRepository;
  const plan = repository ? undefined : defaultUpdatePlan(readMetadata(cacheDir), Boolean(options.dbUrl));
  if (plan?.kind === 'repository') repository = plan.repository;
  if (repository) {
    const r = await updateFromRepository(cacheDir, repository, { env: options.env, logger, ...options.registry }, options.signal);
    logger.info(`store: vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
  } else {
    if (plan?.kind !== 'refresh') {
      throw new ConfigurationError(
        `no vulnerability database in ${cacheDir} to refresh from ${options.dbUrl ?? DEFAULT_OSV_BUCKET_URL}: run "portcullis db update --db-cache-dir ${cacheDir} --ecosystem NAME" once, or give --db-repository`,
      );
    }
    const requests: UpdateRequest[] = [];
    const url = options.dbUrl ?? DEFAULT_OSV_BUCKET_URL;
    if (plan.ecosystems.length) requests.push({ provider: 'osv-bucket', options: { url, ecosystems: plan.ecosystems } });
    if (plan.branches.length) requests.push({ provider: 'alpine-secdb', options: { ecosystems: plan.branches } });
    await updateDatabase({ cacheDir, requests, logger, ...(options.signal ? { signal: options.signal } : {}) });
  }
  const after = dataFingerprint(readMetadata(cacheDir));
  return { changed: after !== before, fingerprint: after };
}
