import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { applyIgnores, loadIgnoreFile } from '../match/ignore.js';
import { matchPackages, type VulnerabilityLookup } from '../match/matcher.js';
import { bucketEcosystemsFor, distroEcosystem } from '../match/target.js';
import { applyVex, loadOpenVex } from '../match/vex.js';
import type { Distro, Finding, Package, PluginRun, Unknown, VulnerabilityDataStatus } from '../model/index.js';
import type { VulnDataStatus } from '../policy/context.js';
import { dataStatus, defaultCacheDir, readMetadata, VulnerabilityDatabase, type DatabaseMetadata } from '../vulndb/store.js';
import { updateDatabase } from '../vulndb/update.js';
import type { ScanConfig } from './config.js';

export interface VulnerabilityStageInput {
  packages: readonly Package[];
  distro?: Distro;
  options: ScanConfig['vulnerabilities'];
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  now: Date;
  signal?: AbortSignal;
}

export interface VulnerabilityStageOutput {
  findings: Finding[];
  status: VulnerabilityDataStatus;
  /** What the policy's vulnerabilities gate needs to know about the data. */
  policyStatus: VulnDataStatus;
  plugins: PluginRun[];
  unknowns: Unknown[];
}

/** Packages → findings. A port, so tests and other data sources can stand in for the OSV database. */
export interface VulnerabilityStage {
  run(input: VulnerabilityStageInput): Promise<VulnerabilityStageOutput>;
}

/**
 * The OSV database stage: refresh the ecosystems the image needs (unless offline; a failed refresh keeps the
 * previous data and says so), match, then apply ignores and VEX. No data at all is not an error: the findings are
 * empty, and the policy is told the data is unavailable (the default bundle WARNs on it).
 */
export const vulnerabilityStage: VulnerabilityStage = {
  async run(input) {
    const { options, logger } = input;
    const cacheDir = options.cacheDir ?? defaultCacheDir(input.env ?? process.env);
    const ecosystems = bucketEcosystemsFor(input.packages, input.distro);
    const plugins: PluginRun[] = [];
    if (!options.offline && ecosystems.length) {
      try {
        await updateDatabase({
          cacheDir,
          requests: [{ provider: 'osv-bucket', options: { ecosystems, ...(options.dbUrl ? { url: options.dbUrl } : {}) } }],
          logger,
          now: () => input.now,
          ...(input.signal ? { signal: input.signal } : {}),
        });
        plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
      } catch (e) {
        // updateDatabase has logged the failure and kept the previous database.
        plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: getErrorMessage(e) });
      }
    }

    let meta: DatabaseMetadata | undefined;
    let lookup: VulnerabilityLookup = { lookup: () => [] };
    let db: VulnerabilityDatabase | undefined;
    try {
      meta = readMetadata(cacheDir);
      if (meta) {
        db = VulnerabilityDatabase.open(cacheDir);
        lookup = db;
      }
    } catch (e) {
      logger.warning(`cannot open the vulnerability database in ${cacheDir}: ${getErrorMessage(e)}`);
    }
    if (!db) logger.warning(`no vulnerability data in ${cacheDir}; run "portcullis db update" or "portcullis db import PATH"${options.offline ? ' (offline mode: nothing is downloaded)' : ''}`);

    try {
      const matched = matchPackages(lookup, input.packages, { distro: input.distro, logger });
      let findings = matched.findings;
      if (options.ignoreFile) {
        const outcome = applyIgnores(findings, loadIgnoreFile(options.ignoreFile), input.now);
        findings = outcome.kept;
        for (const r of outcome.expired) logger.warning(`ignore entry ${r.index} (${r.id}) expired on ${r.expires}; it no longer applies`);
        for (const r of outcome.unused) logger.warning(`ignore entry ${r.index} (${r.id}) matched no finding`);
        if (outcome.ignored.length) logger.info(`${outcome.ignored.length} finding(s) ignored by ${options.ignoreFile}`);
      }
      for (const vex of options.vex) {
        const outcome = applyVex(findings, loadOpenVex(vex));
        findings = outcome.kept;
        if (outcome.suppressed.length) logger.info(`${outcome.suppressed.length} finding(s) suppressed by VEX ${vex}`);
      }
      plugins.push({ id: 'match/osv', version: 0, status: db ? (matched.unknowns.length ? 'partial' : 'succeeded') : 'failed', ...(db ? {} : { reason: 'no vulnerability data' }) });

      const status = dataStatus(meta, { maxAgeDays: options.maxAgeDays, now: input.now, offline: options.offline });
      if (status.stale && db) {
        const msg = `vulnerability data is ${status.ageDays ?? '?'} days old (more than ${options.maxAgeDays})`;
        if (options.failOnStale) throw new ConfigurationError(`${msg}; update it with "portcullis db update"`);
        logger.warning(msg);
      }
      const namespace = distroEcosystem(input.distro);
      const covered = new Set((meta?.segments ?? []).flatMap((s) => Object.keys(s.ecosystems)));
      const oldest = status.sources.map((s) => Date.parse(s.fetchedAt ?? '')).filter((t) => !Number.isNaN(t));
      return {
        findings,
        status,
        policyStatus: {
          // Anchore's namespace names: `debian:12`, `alpine:3.20`.
          ...(namespace ? { namespace: namespace.toLowerCase().replace(':v', ':') } : {}),
          distroDataAvailable: namespace !== undefined && covered.has(namespace),
          ...(oldest.length ? { lastSync: new Date(Math.min(...oldest)) } : {}),
        },
        plugins,
        unknowns: matched.unknowns,
      };
    } finally {
      db?.close();
    }
  },
};
