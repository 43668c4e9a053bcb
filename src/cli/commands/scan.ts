import type { Command } from 'commander';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { OUTPUT_FORMATS } from '../../output/list.js';
import { ciKeys, targetFrom } from '../../publish/target.js';
import { parseFailOn, parseSeverity, type ScanConfig } from '../../scan/config.js';
import { runScan } from '../../scan/pipeline.js';
import type { CliCommand, CliContext } from '../command.js';
import { addSourceOptions, buildSourceOptions } from '../source-options.js';
import { spoolDirOf } from './push.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const scanCommand: CliCommand = {
  id: 'scan',
  register(program: Command, ctx: CliContext) {
    addSourceOptions(
      program
        .command('scan')
        .description('scan an image: catalog its packages, match vulnerabilities, evaluate the policy bundle, write reports')
        .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH (a CycloneDX, SPDX or Portcullis JSON SBOM instead of an image)')
        .option('--max-database-bytes <n>', 'content cap of each known package database (dpkg status, the apk database, rpmdbs), in bytes; default 512 MiB, or --max-file-bytes (64 MiB by default) when larger. A database over it is an unknown, a warning and a packages/catalog_incomplete trigger')
        .option('--dockerfile <path>', 'the Dockerfile that built the image (dockerfile gate; findings mapped to its lines)')
        .option('--policy <path>', 'policy bundle, JSON or YAML (default: the bundled default policy)')
        .option('--fail-on <when>', 'stop: exit 1 on STOP and 2 on WARN; warn: exit 1 on WARN or STOP; never: always exit 0', 'stop')
        .option('-o, --output <format[=path]>', `a report to write, repeatable; standard output without a path (default: table). Formats: ${OUTPUT_FORMATS.ids().join(', ')}`, collect, [])
        .option('--severity-cutoff <severity>', 'report scope: leave out findings below this severity (critical, high, medium, low, negligible)')
        .option('--only-fixed', 'report scope: show only findings that have a fix')
        .option('--no-color', 'no colour in the table, even on a terminal')
        .option('--no-vulnerabilities', 'skip vulnerability matching (the policy sees no vulnerability data)')
        .option('--offline', 'never download vulnerability data; use the local database only (no database then is an error)')
        .option('--db-repository <ref>', 'refresh the vulnerability database from this OCI repository (a compiled database pushed with db push; env PORTCULLIS_DB_REPOSITORY) instead of the OSV bucket')
        .option('--db-cache-dir <dir>', 'where the vulnerability database lives (default: $XDG_CACHE_HOME/portcullis)')
        .option('--db-url <url>', 'base URL of the OSV bucket layout (<url>/<Ecosystem>/all.zip)')
        .option('--max-db-age <days>', 'vulnerability data older than this warns', '7')
        .option('--fail-on-stale-db', 'stale vulnerability data is an error instead of a warning')
        .option('--ignore-file <path>', 'vulnerability ignores (.portcullis-ignore.yaml)')
        .option('--vex <path>', 'an OpenVEX document, repeatable', collect, [])
        .option('--compliance-summary <file>', 'an oscap-summary.json from portcullis compliance oscap, for the compliance gate; repeatable', collect, [])
        .option('--compliance-from-store', 'also read the image\'s latest compliance checks from the store (--store-url; the token needs the read scope)')
        .option('--store-url <url>', 'push the evaluation (JSON report, SBOM, SARIF) to this store after the reports are written (env PORTCULLIS_STORE_URL)')
        .option('--store-token <token>', 'bearer token for the store, push scope (env PORTCULLIS_STORE_TOKEN)')
        .option('--store-fail-on-error', 'a failed push fails the scan (exit 3 unless it STOPs) instead of warning and spooling only')
        .option('--spool-dir <dir>', 'where failed pushes wait for the next run (env PORTCULLIS_SPOOL_DIR)'),
    ).action(async (ref: string, opts: Record<string, unknown>) => {
      const source = await buildSourceOptions(opts, ctx);
      const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
      let maxDatabaseBytes: number | undefined;
      if (opts.maxDatabaseBytes !== undefined) {
        maxDatabaseBytes = Number(opts.maxDatabaseBytes);
        if (!Number.isInteger(maxDatabaseBytes) || maxDatabaseBytes <= 0) throw new ConfigurationError(`--max-database-bytes must be a positive integer, got "${String(opts.maxDatabaseBytes)}"`);
      }
      const maxAge = Number(opts.maxDbAge);
      if (!Number.isFinite(maxAge) || maxAge < 0) throw new ConfigurationError(`--max-db-age must be a number of days, got "${String(opts.maxDbAge)}"`);
      const config: ScanConfig = {
        image: ref,
        source: sourceRest,
        ...(maxFileBytes ? { maxFileBytes } : {}),
        ...(maxDatabaseBytes ? { maxDatabaseBytes } : {}),
        ...(typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
        ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
        failOn: parseFailOn(String(opts.failOn)),
        outputs: opts.output as string[],
        ...(typeof opts.severityCutoff === 'string' ? { severityCutoff: parseSeverity(opts.severityCutoff) } : {}),
        ...(opts.onlyFixed ? { onlyFixed: true } : {}),
        color: opts.color !== false && Boolean((process.stdout as { isTTY?: boolean }).isTTY) && !ctx.env.NO_COLOR,
        vulnerabilities: {
          enabled: opts.vulnerabilities !== false,
          ...(typeof opts.dbCacheDir === 'string' ? { cacheDir: opts.dbCacheDir } : {}),
          ...(typeof opts.dbUrl === 'string' ? { dbUrl: opts.dbUrl } : {}),
          ...(typeof opts.dbRepository === 'string' || ctx.env.PORTCULLIS_DB_REPOSITORY ? { dbRepository: (opts.dbRepository as string | undefined) ?? ctx.env.PORTCULLIS_DB_REPOSITORY! } : {}),
          dbRegistry: { ...(sourceRest.insecureRegistries ? { insecureRegistries: [...sourceRest.insecureRegistries] } : {}), ...(sourceRest.caFile ? { caFile: sourceRest.caFile } : {}) },
          offline: Boolean(opts.offline),
          maxAgeDays: maxAge,
          failOnStale: Boolean(opts.failOnStaleDb),
          ...(typeof opts.ignoreFile === 'string' ? { ignoreFile: opts.ignoreFile } : {}),
          vex: opts.vex as string[],
        },
      };
      const summaries = opts.complianceSummary as string[];
      if (summaries.length) config.complianceSummaries = summaries;
      const target = targetFrom({ ...(typeof opts.storeUrl === 'string' ? { storeUrl: opts.storeUrl } : {}), ...(typeof opts.storeToken === 'string' ? { storeToken: opts.storeToken } : {}) }, ctx.env);
      if (target) {
        config.store = { target, spoolDir: spoolDirOf(typeof opts.spoolDir === 'string' ? opts.spoolDir : undefined, ctx.env), failOnError: Boolean(opts.storeFailOnError), ...ciKeys(ctx.env) };
      } else if (opts.storeFailOnError || opts.complianceFromStore) {
        throw new ConfigurationError(`${opts.storeFailOnError ? '--store-fail-on-error' : '--compliance-from-store'} needs a store: give --store-url or PORTCULLIS_STORE_URL`);
      }
      if (target && opts.complianceFromStore) config.complianceStore = target;
      const result = await runScan(config, { env: ctx.env, logger: ctx.logger });
      for (const w of result.written) if (w.path === undefined) ctx.out(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
      ctx.logger.info(`decision: ${result.report.decision}`);
      if (result.outcome === 'remote-error' && result.store && result.store.status !== 'pushed') {
        throw new RemoteError(`the evaluation was not pushed to the store (--store-fail-on-error): ${result.store.error}`);
      }
      ctx.outcome = result.outcome;
    });
  },
};
