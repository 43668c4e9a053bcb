import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { applyIgnores, loadIgnoreFile } from '../match/ignore.js';
import { matchPackages, type VulnerabilityLookup } from '../match/matcher.js';
import { bucketEcosystemsFor, distroEcosystem, distroEcosystems, OS_PACKAGE_TYPE_SET, targetFor } from '../match/target.js';
import { applyVex, loadOpenVex } from '../match/vex.js';
import type { Distro, Finding, Package, PluginRun, Unknown, VulnerabilityDataGap, VulnerabilityDataStatus } from '../model/index.js';
import { ecosystemKey } from '../vulndb/names.js';
import type { VulnDataStatus } from '../policy/context.js';
import { dataStatus, defaultCacheDir, readMetadata, VulnerabilityDatabase, type DatabaseMetadata } from '../vulndb/store.js';
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
 * previous data and says so), match, then apply ignores and VEX. Missing data is never a silent GO: every package
 * that could not be checked for want of data is counted in a gap (one stderr line, every report format), and the
 * policy is told when the distro's data is unavailable (`vulnerability_data_unavailable`). An empty or missing
 * database in offline mode is a configuration error: the user asked for local data only, and there is none.
 */
export const vulnerabilityStage: VulnerabilityStage = {
  async run(input) {
    const { options, logger } = input;
    const cacheDir = options.cacheDir ?? defaultCacheDir(input.env ?? process.env);
    const ecosystems = bucketEcosystemsFor(input.packages, input.distro);
    const plugins: PluginRun[] = [];
    if (!options.offline && options.dbRepository) {
      try {
        // The update modules (and their HTTP client) are loaded only when the data is refreshed, not offline.
        const { updateFromRepository } = await import('../vulndb/artifact.js');
        const r = await updateFromRepository(
          cacheDir,
          options.dbRepository,
          { env: input.env ?? process.env, logger, ...(options.dbRegistry?.insecureRegistries ? { insecureRegistries: options.dbRegistry.insecureRegistries } : {}), ...(options.dbRegistry?.caFile ? { caFile: options.dbRegistry.caFile } : {}) },
          input.signal,
        );
        logger.info(`vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
        plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
      } catch (e) {
        logger.warning(getErrorMessage(e));
        plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: getErrorMessage(e) });
      }
    } else if (!options.offline && ecosystems.length) {
      try {
        const { updateDatabase } = await import('../vulndb/update.js');
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

    const data = openVulnerabilityData(cacheDir, logger);
    try {
      return matchWithData(input, plugins, data);
    } finally {
      data.db?.close();
    }
  },
};

/** The database of `cacheDir` as a scan opens it: undefined parts when there is none or it cannot be opened (warned). */
export interface OpenedVulnerabilityData {
  cacheDir: string;
  meta: DatabaseMetadata | undefined;
  db: VulnerabilityDatabase | undefined;
}

export function openVulnerabilityData(cacheDir: string, logger: Logger): OpenedVulnerabilityData {
  let meta: DatabaseMetadata | undefined;
  let db: VulnerabilityDatabase | undefined;
  try {
    meta = readMetadata(cacheDir);
    if (meta) db = VulnerabilityDatabase.open(cacheDir);
  } catch (e) {
    logger.warning(`cannot open the vulnerability database in ${cacheDir}: ${getErrorMessage(e)}`);
  }
  return { cacheDir, meta, db };
}

/**
 * A vulnerability stage over a database opened once by its caller (the store's re-evaluation job scans every stored
 * SBOM with it): the same matching, ignores, VEX, status and gaps as `vulnerabilityStage`, without a refresh (the
 * caller owns the data; it never refreshes under an open database) and without reopening the database per scan.
 * `input.options.cacheDir` is not read: the data is the one given. The caller closes the database.
 */
export function openedDatabaseStage(data: OpenedVulnerabilityData): VulnerabilityStage {
  return { run: async (input) => matchWithData(input, [], data) };
}

function matchWithData(input: VulnerabilityStageInput, plugins: PluginRun[], data: OpenedVulnerabilityData): VulnerabilityStageOutput {
  const { options, logger } = input;
  const { cacheDir, meta, db } = data;
  const lookup: VulnerabilityLookup = db ?? { lookup: () => [] };
  const totalRecords = (meta?.segments ?? []).reduce((n, s) => n + s.records, 0);
  if (options.offline && (!db || totalRecords === 0)) {
    throw new ConfigurationError(
      `offline mode and ${db ? 'the vulnerability database in ' + cacheDir + ' is empty' : 'no vulnerability database in ' + cacheDir}: run "portcullis db update" or "portcullis db import PATH" first, or pass --no-vulnerabilities to scan without vulnerability data`,
    );
  }

  const matched = matchPackages(lookup, input.packages, { distro: input.distro, logger, enrichment: db });
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
  const covered = new Set((meta?.segments ?? []).flatMap((s) => Object.keys(s.ecosystems)).map(ecosystemKey));
  const failed = plugins.filter((p) => p.status === 'failed' && p.id === 'vulndb/update');
  const gaps = dataGaps(input.packages, input.distro, db ? covered : undefined, failed.map((p) => p.reason ?? 'failed'));
  if (gaps.length) logger.warning(`not every package could be checked for vulnerabilities: ${gaps.map((g) => g.message).join('; ')}`);
  const oldest = status.sources.map((s) => Date.parse(s.fetchedAt ?? '')).filter((t) => !Number.isNaN(t));
  return {
    findings,
    status: { ...status, gaps },
    policyStatus: {
      // Anchore's namespace names: `debian:12`, `alpine:3.20`.
      ...(namespace ? { namespace: namespace.toLowerCase().replace(':v', ':') } : {}),
      distroDataAvailable: distroCovered(input.distro, covered),
      ...(oldest.length ? { lastSync: new Date(Math.min(...oldest)) } : {}),
    },
    plugins,
    unknowns: matched.unknowns,
  };
}

/** The distro's data is there when any of its ecosystems (a SUSE product or one of its modules) has records. */
function distroCovered(distro: Distro | undefined, covered: ReadonlySet<string>): boolean {
  const r = distroEcosystems(distro);
  return 'ecosystems' in r && r.ecosystems.some((e) => covered.has(ecosystemKey(e)));
}

const OS_PACKAGE_TYPES: ReadonlySet<string> = OS_PACKAGE_TYPE_SET; // derived from the exhaustive table in match/target.ts

/**
 * What could not be checked for want of data: OS packages of an unknown distro release, packages of an ecosystem
 * the database has no records for (`covered`: the database's ecosystem keys; undefined: there is no database), and
 * sources that failed to refresh. Packages skipped for other reasons (no version, owned by an OS package) are the
 * matcher's unknowns, not gaps.
 */
export function dataGaps(packages: readonly Package[], distro: Distro | undefined, covered: ReadonlySet<string> | undefined, failures: readonly string[] = []): VulnerabilityDataGap[] {
  const gaps: VulnerabilityDataGap[] = failures.map((reason) => ({ kind: 'source-failed', message: `a vulnerability data source failed: ${reason}` }));
  let unknownDistro = 0;
  const missing = new Map<string, { ecosystem: string; os: boolean; packages: number }>();
  let checkable = 0;
  for (const pkg of packages) {
    const t = targetFor(pkg, distro);
    if (!('targets' in t)) {
      if (t.unknown && OS_PACKAGE_TYPES.has(pkg.type)) unknownDistro++;
      continue;
    }
    checkable++;
    if (t.targets.some((x) => covered?.has(ecosystemKey(x.ecosystem)))) continue;
    const key = ecosystemKey(t.targets[0]!.ecosystem);
    const m = missing.get(key) ?? { ecosystem: t.targets[0]!.ecosystem, os: OS_PACKAGE_TYPES.has(pkg.type), packages: 0 };
    m.packages++;
    missing.set(key, m);
  }
  if (unknownDistro > 0) {
    const name = distro ? `${distro.prettyName ?? distro.id}${distro.versionId ? ` (${distro.id} ${distro.versionId})` : ''}` : 'an undetected distro';
    gaps.push({ kind: 'unknown-distro', message: `${unknownDistro} OS package(s) not checked: no vulnerability data source is known for ${name}`, packages: unknownDistro });
  }
  if (!covered) {
    if (checkable > 0) gaps.push({ kind: 'no-data', message: `${checkable} package(s) not checked: there is no vulnerability database`, packages: checkable });
    return gaps;
  }
  for (const m of [...missing.values()].sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1))) {
    gaps.push({
      kind: m.os ? 'no-distro-data' : 'no-ecosystem-data',
      message: `${m.packages} package(s) not checked: the vulnerability database has no ${m.ecosystem} records`,
      ecosystem: m.ecosystem,
      packages: m.packages,
    });
  }
  return gaps;
}
