import type { Command } from 'commander';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ConfigurationError, getErrorMessage } from '../../common/errors.js';
import { registryOptionsFrom } from '../source-options.js';
import { DEFAULT_DB_REPOSITORY, pushCompiled, updateFromRepository, type ArtifactRegistryOptions } from '../../vulndb/artifact.js';
import { buildCompiled, openCompiled, parseBuildSource } from '../../vulndb/compiled.js';
import { VULNERABILITY_PROVIDERS } from '../../vulndb/list.js';
import type { CliCommand, CliContext } from '../command.js';
import type { UpdateRequest } from '../../vulndb/update.js';
import { updateDatabase } from '../../vulndb/update.js';
import { DEFAULT_OSV_BUCKET_URL } from '../../vulndb/providers/osv-bucket.js';
import { DEFAULT_MAX_AGE_DAYS, dataStatus, defaultCacheDir, readMetadata, sourceEcosystems, type DatabaseMetadata } from '../../vulndb/store.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

function positiveNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ConfigurationError(`--${name} must be a non-negative number, got "${String(value)}"`);
  return n;
}

export type UpdatePlan = { kind: 'repository'; repository: string } | { kind: 'refresh'; ecosystems: string[]; branches: string[] };

/**
 * What `db update` with no source named does. A database that has sources fetched from a URL: refresh those (unchanged
 * data costs a 304). A fresh machine (no database): the compiled database from DEFAULT_DB_REPOSITORY, which holds every
 * source in one download, unless a bucket mirror was named (--db-url, PORTCULLIS_DB_URL): then the ecosystems must be
 * named (undefined: nothing to do, and the caller says how to name them).
 */
export function defaultUpdatePlan(meta: DatabaseMetadata | undefined, bucketNamed: boolean): UpdatePlan | undefined {
  if (!meta) return bucketNamed ? undefined : { kind: 'repository', repository: DEFAULT_DB_REPOSITORY };
  const remote = meta.segments.filter((s) => s.provider === 'osv-bucket' || (s.provider === 'alpine-secdb' && !s.location.startsWith('/')));
  const ecosystems = [...new Set(remote.filter((s) => s.provider === 'osv-bucket').map((s) => s.id.slice('osv-bucket:'.length)))];
  const branches = remote.filter((s) => s.provider === 'alpine-secdb').map((s) => s.id.slice('alpine-secdb:'.length));
  if (ecosystems.length || branches.length) return { kind: 'refresh', ecosystems, branches };
  // A database that came whole from a registry (db update --db-repository, db import FILE.pcdb.gz): refresh it the same way.
  if (meta.compiled?.repository) return { kind: 'repository', repository: meta.compiled.repository };
  return undefined;
}

export const dbCommand: CliCommand = {
  id: 'db',
  register(program: Command, ctx: CliContext) {
    const db = program.command('db').description('the local vulnerability database: update it, import data for air-gapped use, show its status');
    const cacheDirOf = (opts: Record<string, unknown>): string => (typeof opts.dbCacheDir === 'string' ? opts.dbCacheDir : defaultCacheDir(ctx.env));
    const CACHE_DIR_HELP = 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)';

    const registryFlags = (cmd: Command): Command =>
      cmd
        .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME; docker credentials otherwise)')
        .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
        .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
        .option('--ca-file <pem>', 'extra CA certificates for registries');
    const artifactOptions = async (opts: Record<string, unknown>): Promise<ArtifactRegistryOptions> => {
      const { timeout: _t, retries: _r, ...flags } = opts;
      const reg = await registryOptionsFrom(flags, ctx.env, ctx.stdin);
      return {
        ...(reg.credentials ? { credentials: reg.credentials } : {}),
        ...(reg.insecureRegistries ? { insecureRegistries: reg.insecureRegistries } : {}),
        ...(reg.caFile ? { caFile: reg.caFile } : {}),
        timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000,
        retries: Math.floor(positiveNumber('retries', opts.retries, 3)),
        env: ctx.env,
        logger: ctx.logger,
      };
    };

    db.command('build')
      .description('run providers into a fresh database and write it as ONE compiled, deterministic file (for db push)')
      .requiredOption('--source <KIND:PATH|URL...>', 'a provider and where its data is: osv-local:./osv, osv-bucket:https://…, nvd:PATH, kev:URL (repeatable)', collect)
      .requiredOption('-o, --output <file>', 'the compiled file to write')
      .option('--ecosystem <name...>', 'OSV ecosystems for osv-bucket sources', collect)
      .option('--built-at <iso>', 'the build time written into the file (default: the newest `modified` of the records)')
      .option('--timeout <seconds>', 'time-out of each request', '60')
      .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
      .action(async (opts: Record<string, unknown>) => {
        let builtAt: Date | undefined;
        if (typeof opts.builtAt === 'string') {
          builtAt = new Date(opts.builtAt);
          if (Number.isNaN(builtAt.getTime())) throw new ConfigurationError(`--built-at must be an ISO date, got "${opts.builtAt}"`);
        }
        const common = {
          timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000,
          retries: Math.floor(positiveNumber('retries', opts.retries, 3)),
          ...(opts.ecosystem ? { ecosystems: opts.ecosystem as string[] } : {}),
        };
        const sources = (opts.source as string[]).map((s) => parseBuildSource(s, common));
        const result = await buildCompiled({ sources, logger: ctx.logger, ...(builtAt ? { builtAt } : {}) });
        const output = opts.output as string;
        const tmp = `${output}.${process.pid}.tmp`;
        try {
          writeFileSync(tmp, result.bytes);
          renameSync(tmp, output);
        } catch (error) {
          throw new ConfigurationError(`cannot write ${output}: ${getErrorMessage(error)}`);
        }
        for (const s of result.header.sources) ctx.out(`${s.id}: ${s.records} records${s.skipped ? `, ${s.skipped} skipped` : ''}\n`);
        const e = result.header.enrichment;
        if (e.fetched) ctx.out(`enrichment: kept ${e.kept} of ${e.fetched} ids referenced by a record (${e.keptBytes} of ${e.fetchedBytes} bytes)\n`);
        ctx.out(`Wrote ${output}: ${result.bytes.length} bytes, schema ${result.header.schemaVersion}, built ${result.header.builtAt}, sha256:${result.checksum}\n`);
      });

    registryFlags(
      db
        .command('push')
        .description('publish a compiled database (db build) as an OCI artifact: registry:HOST/REPOSITORY:TAG')
        .argument('<file>', 'the compiled database file')
        .argument('<ref>', 'registry:HOST/REPOSITORY:TAG'),
    )
      .option('--timeout <seconds>', 'time-out of each request', '60')
      .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
      .action(async (file: string, ref: string, opts: Record<string, unknown>) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          throw new ConfigurationError(`cannot read ${file}: ${getErrorMessage(error)}`);
        }
        const r = await pushCompiled(bytes, file, ref, await artifactOptions(opts));
        ctx.out(`Pushed ${r.reference}@${r.manifestDigest} (layer ${r.layerDigest}, ${r.bytes} bytes${r.uploaded ? '' : ', already there'})\n`);
      });

    registryFlags(db.command('update'))
      .description(
        `fetch the compiled database from an OCI registry (--db-repository, default ${DEFAULT_DB_REPOSITORY}, or $PORTCULLIS_DB_REPOSITORY; one request when unchanged), or OSV data from the bucket layout (<url>/<Ecosystem>/all.zip) and Alpine secdb (unchanged data costs a 304)`,
      )
      .option('--db-repository [ref]', `OCI repository of the compiled database (bare flag: ${DEFAULT_DB_REPOSITORY}; or $PORTCULLIS_DB_REPOSITORY)`)
      .option('--ecosystem <name...>', `OSV ecosystems to fetch (Debian, Alpine, npm, PyPI, Go, Maven…); default: those already in the database, or on a fresh machine the compiled database (${DEFAULT_DB_REPOSITORY})`, collect)
      .option('--alpine-secdb <branch...>', 'also fetch Alpine secdb for these branches (v3.20)', collect)
      .option('--db-url <url>', `base URL of the OSV bucket layout (default ${DEFAULT_OSV_BUCKET_URL}, or $PORTCULLIS_DB_URL)`)
      .option('--secdb-url <url>', 'base URL of Alpine secdb (default https://secdb.alpinelinux.org)')
      .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
      .option('--timeout <seconds>', 'time-out of each request', '60')
      .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
      .action(async (opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        let repository = opts.dbRepository === true ? DEFAULT_DB_REPOSITORY : ((opts.dbRepository as string | undefined) ?? (opts.ecosystem || opts.alpineSecdb || opts.dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
        const plan = repository || opts.ecosystem || opts.alpineSecdb ? undefined : defaultUpdatePlan(readMetadata(cacheDir), Boolean(opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL));
        if (plan?.kind === 'repository') {
          repository = plan.repository;
          ctx.logger.info(`No vulnerability database in ${cacheDir} yet and no --ecosystem: fetching the compiled database ${repository} (every source: OSV, the distros' feeds, NVD, KEV, EPSS). --ecosystem NAME fetches single OSV ecosystems instead.`);
        }
        if (repository) {
          if (opts.ecosystem || opts.alpineSecdb || opts.dbUrl) throw new ConfigurationError('--db-repository replaces the whole database; do not combine it with --ecosystem, --alpine-secdb or --db-url');
          const r = await updateFromRepository(cacheDir, repository, await artifactOptions(opts));
          ctx.out(
            r.unchanged
              ? `${r.reference}: not modified (${r.manifestDigest})\n`
              : `${r.reference}: ${r.manifestDigest}, ${r.bytes} bytes, built ${r.metadata.compiled?.builtAt ?? '?'}, ${r.metadata.segments.length} source(s)\nDatabase updated in ${cacheDir}\n`,
          );
          return;
        }
        const url = (opts.dbUrl as string | undefined) ?? ctx.env.PORTCULLIS_DB_URL ?? DEFAULT_OSV_BUCKET_URL;
        const common = { timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000, retries: Math.floor(positiveNumber('retries', opts.retries, 3)) };
        let ecosystems = (opts.ecosystem as string[] | undefined) ?? [];
        let branches = (opts.alpineSecdb as string[] | undefined) ?? [];
        if (ecosystems.length === 0 && branches.length === 0 && plan?.kind === 'refresh') {
          ({ ecosystems, branches } = plan);
          ctx.logger.info(`Refreshing the sources already in ${cacheDir}: ${[...ecosystems, ...branches.map((b) => `Alpine secdb ${b}`)].join(', ')}`);
        }
        if (ecosystems.length === 0 && branches.length === 0) {
          throw new ConfigurationError(
            `Nothing to update in ${cacheDir}: name the ecosystems with --ecosystem (for example --ecosystem Debian --ecosystem npm), or fetch the compiled database with --db-repository`,
          );
        }
        const requests: UpdateRequest[] = [];
        if (ecosystems.length) requests.push({ provider: 'osv-bucket', options: { ...common, url, ecosystems } });
        if (branches.length) {
          requests.push({ provider: 'alpine-secdb', options: { ...common, ecosystems: branches, ...(opts.secdbUrl ? { url: opts.secdbUrl as string } : {}) } });
        }
        const result = await updateDatabase({ cacheDir, requests, logger: ctx.logger });
        for (const b of result.batches) {
          ctx.out(b.notModified ? `${b.id}: not modified\n` : `${b.id}: ${b.records} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
        }
        ctx.out(`Database updated in ${cacheDir}\n`);
      });

    db.command('import')
      .description(
        'import local vulnerability data for air-gapped use: a compiled database (db build), a folder or zip of OSV records (the bucket layout works), or any provider\'s local files with --kind (nvd, kev, epss, alpine-secdb, amazon, rhel, oracle, sles, mariner, photon, wolfi, chainguard)',
      )
      .argument('<path>', 'a .pcdb.gz file from db build, or a folder / file of the kind\'s data')
      .option('--kind <provider>', 'what the data is: compiled, or a provider id (default: compiled for *.pcdb.gz, else osv-local)')
      .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
      .action(async (path: string, opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        const kind = typeof opts.kind === 'string' ? opts.kind : /\.pcdb(\.gz)?$/.test(path) ? 'compiled' : 'osv-local';
        if (kind === 'compiled') {
          let bytes: Buffer;
          try {
            bytes = readFileSync(path);
          } catch (e) {
            throw new ConfigurationError(`Cannot read the compiled database ${path}: ${getErrorMessage(e)}`);
          }
          const { metadata } = openCompiled(bytes, cacheDir);
          for (const s of metadata.segments) ctx.out(`${s.id}: ${s.records} records\n`);
          ctx.out(`Database updated in ${cacheDir}\n`);
          return;
        }
        if (!VULNERABILITY_PROVIDERS.find(kind)) throw new ConfigurationError(`--kind must be compiled or one of ${VULNERABILITY_PROVIDERS.ids().join(', ')}, got "${kind}"`);
        const result = await updateDatabase({ cacheDir, requests: [{ provider: kind, options: { path } }], logger: ctx.logger });
        for (const b of result.batches) ctx.out(`${b.id}: ${b.records ?? 0} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
        ctx.out(`Database updated in ${cacheDir}\n`);
      });

    db.command('status')
      .description('show the sources, their fetch times and record counts, and whether the data is stale')
      .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
      .option('--max-db-age <days>', 'data older than this is stale', String(DEFAULT_MAX_AGE_DAYS))
      .option('--fail-on-stale-db', 'exit with an error when the data is stale or missing')
      .option('--json', 'print JSON')
      .action((opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        const maxAgeDays = positiveNumber('max-db-age', opts.maxDbAge, DEFAULT_MAX_AGE_DAYS);
        const meta = readMetadata(cacheDir);
        const status = dataStatus(meta, { maxAgeDays });
        if (opts.json) {
          ctx.out(`${JSON.stringify({ cacheDir, schemaVersion: meta?.schemaVersion ?? null, updatedAt: meta?.updatedAt ?? null, maxAgeDays, ...status, details: meta?.segments ?? [] }, null, 2)}\n`);
        } else if (!meta) {
          ctx.out(`No vulnerability database in ${cacheDir}\n`);
        } else {
          const lines = [`Database:   ${cacheDir} (schema ${meta.schemaVersion}, updated ${meta.updatedAt})`, 'Sources:'];
          for (const s of meta.segments) {
            lines.push(`  ${s.id}  ${s.records} records (${sourceEcosystems(s).join(', ') || 'none'})  fetched ${s.fetchedAt}${s.skipped ? `  ${s.skipped} skipped` : ''}`);
          }
          lines.push(`Age:        ${status.ageDays ?? '?'} day(s) (stale after ${maxAgeDays})`);
          ctx.out(`${lines.join('\n')}\n`);
        }
        if (status.stale) {
          const msg = meta ? `Vulnerability data is ${status.ageDays} day(s) old (more than ${maxAgeDays}); run "portcullis db update"` : 'No vulnerability data; run "portcullis db update"';
          if (opts.failOnStaleDb) throw new ConfigurationError(msg);
          ctx.logger.warning(msg);
        }
      });
  },
};
