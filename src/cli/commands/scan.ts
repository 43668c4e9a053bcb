import type { Command } from 'commander';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { OUTPUT_FORMATS } from '../../output/list.js';
import { parseFailOn, parseSeverity, type ScanConfig } from '../../scan/config.js';
import type { CliCommand, CliContext } from '../command.js';
import { addSourceOptions, addVulnerabilityDataOptions, buildSourceOptions, vulnerabilityDataFrom } from '../source-options.js';
import { terminalWidth, wantsColor } from '../../common/progress.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const scanCommand: CliCommand = {
  id: 'scan',
  register(program: Command, ctx: CliContext) {
    addSourceOptions(
      addVulnerabilityDataOptions(program
        .command('scan')
        .description('scan an image: catalog its packages, match vulnerabilities, evaluate the policy bundle, write reports')
        .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH (a CycloneDX, SPDX or Portcullis JSON SBOM instead of an image)')
        .option('--max-database-bytes <n>', 'content cap of each known package database (dpkg status, the apk database, rpmdbs), in bytes; default 512 MiB, or --max-file-bytes (64 MiB by default) when larger. A database over it is an unknown, a warning and a packages/catalog_incomplete trigger')
        .option('--layer-cache <dir>', 'the per-layer analysis cache: layers analysed before are not read again, nor downloaded (default: $XDG_CACHE_HOME/portcullis/layers, or layers in $PORTCULLIS_CACHE_DIR)')
        .option('--no-layer-cache', 'read every layer; neither use nor write the layer cache')
        .option('--layer-cache-max-size <size>', 'bound of the layer cache (512M, 2G, or bytes); least recently used entries go first', '2G')
        .option('--dockerfile <path>', 'the Dockerfile that built the image (dockerfile gate; findings mapped to its lines)')
        .option('--policy <path>', 'policy bundle, JSON or YAML (default: the bundled default policy)')
        .option('--fail-on <when>', 'stop: exit 1 on STOP and 2 on WARN; warn: exit 1 on WARN or STOP; never: always exit 0', 'stop')
        .option('-o, --output <format[=path]>', `a report to write, repeatable; standard output without a path (default: table). Formats: ${OUTPUT_FORMATS.ids().join(', ')}`, collect, [])
        .option('--severity-cutoff <severity>', 'report scope: leave out findings below this severity (critical, high, medium, low, negligible)')
        .option('--only-fixed', 'report scope: show only findings that have a fix')
        .option('--no-color', 'no colour in the table, even on a terminal (or NO_COLOR; FORCE_COLOR forces it)')
        .option('--ignore-file <path>', 'vulnerability ignores (.portcullis-ignore.yaml)')
        .option('--vex <path>', 'an OpenVEX document, repeatable', collect, [])
        .option('--compliance-summary <file>', 'an oscap-summary.json from portcullis compliance oscap, for the compliance gate; repeatable', collect, [])
        .option('--compliance-from-store', 'also read the image\'s latest compliance checks from the store (--store-url; the token needs the read scope)')
        .option('--store-url <url>', 'push the evaluation (JSON report, SBOM, SARIF) to this store after the reports are written (env PORTCULLIS_STORE_URL)')
        .option('--store-token <token>', 'bearer token for the store, push scope (env PORTCULLIS_STORE_TOKEN)')
        .option('--store-fail-on-error', 'a failed push fails the scan (exit 3 unless it STOPs) instead of warning and spooling only')
        .option('--spool-dir <dir>', 'where failed pushes wait for the next run (env PORTCULLIS_SPOOL_DIR)')
        // --baseline (issue 18): one block.
        .option('--baseline <ref>', 'mark findings and triggers new or existing against a baseline: a previous JSON report, an SBOM (scanned with today\'s data), store: (the store\'s latest evaluation of this repository tagged with the base branch) or store:REPO:TAG')
        .option('--fail-scope <scope>', 'all: exit on every STOP/WARN trigger; new: only on the new ones (needs --baseline; the decision shown stays the full one)', 'all')
        .option('--baseline-optional', 'a baseline that cannot be read, or of another repository, warns and the scan fails on every trigger (--fail-scope all) instead of exiting 3')),
    ).action(async (ref: string, opts: Record<string, unknown>) => {
      // The pipeline and what only some options need are loaded when the command runs, not when the CLI starts;
      // the publish sinks (push.js) and the baseline stage only with the option that uses them.
      const [{ defaultLayerCacheDir, parseSize }, { ciKeys, targetFrom }, { runScan }] = await Promise.all([
        import('../../image/layer-cache/store.js'),
        import('../../publish/target.js'),
        import('../../scan/pipeline.js'),
      ]);
      const source = await buildSourceOptions(opts, ctx);
      const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
      let maxDatabaseBytes: number | undefined;
      if (opts.maxDatabaseBytes !== undefined) {
        maxDatabaseBytes = Number(opts.maxDatabaseBytes);
        if (!Number.isInteger(maxDatabaseBytes) || maxDatabaseBytes <= 0) throw new ConfigurationError(`--max-database-bytes must be a positive integer, got "${String(opts.maxDatabaseBytes)}"`);
      }
      const layerCacheMax = parseSize(String(opts.layerCacheMaxSize));
      if (layerCacheMax === undefined) throw new ConfigurationError(`--layer-cache-max-size must be a size such as 512M, 2G or a number of bytes, got "${String(opts.layerCacheMaxSize)}"`);
      const config: ScanConfig = {
        image: ref,
        source: sourceRest,
        ...(maxFileBytes ? { maxFileBytes } : {}),
        ...(maxDatabaseBytes ? { maxDatabaseBytes } : {}),
        ...(opts.layerCache !== false ? { layerCache: { dir: typeof opts.layerCache === 'string' ? opts.layerCache : defaultLayerCacheDir(ctx.env), maxBytes: layerCacheMax } } : {}),
        ...(typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
        ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
        failOn: parseFailOn(String(opts.failOn)),
        outputs: opts.output as string[],
        ...(typeof opts.severityCutoff === 'string' ? { severityCutoff: parseSeverity(opts.severityCutoff) } : {}),
        ...(opts.onlyFixed ? { onlyFixed: true } : {}),
        color: opts.color !== false && wantsColor(process.stdout, ctx.env),
        width: terminalWidth(process.stdout, ctx.env),
        vulnerabilities: {
          ...vulnerabilityDataFrom(opts, ctx.env, sourceRest),
          ...(typeof opts.ignoreFile === 'string' ? { ignoreFile: opts.ignoreFile } : {}),
          vex: opts.vex as string[],
        },
      };
      const summaries = opts.complianceSummary as string[];
      if (summaries.length) config.complianceSummaries = summaries;
      const target = targetFrom({ ...(typeof opts.storeUrl === 'string' ? { storeUrl: opts.storeUrl } : {}), ...(typeof opts.storeToken === 'string' ? { storeToken: opts.storeToken } : {}) }, ctx.env);
      if (target) {
        const { spoolDirOf } = await import('./push.js');
        config.store = { target, spoolDir: spoolDirOf(typeof opts.spoolDir === 'string' ? opts.spoolDir : undefined, ctx.env), failOnError: Boolean(opts.storeFailOnError), ...ciKeys(ctx.env) };
      } else if (opts.storeFailOnError || opts.complianceFromStore) {
        throw new ConfigurationError(`${opts.storeFailOnError ? '--store-fail-on-error' : '--compliance-from-store'} needs a store: give --store-url or PORTCULLIS_STORE_URL`);
      }
      if (target && opts.complianceFromStore) config.complianceStore = target;
      // --baseline (issue 18)
      const failScope = opts.failScope === 'all' ? 'all' : (await import('../../baseline/stage.js')).parseFailScope(String(opts.failScope));
      if (typeof opts.baseline === 'string') {
        const baseBranch = (await import('../../baseline/load.js')).baseBranchOf(ctx.env);
        config.baseline = { ref: opts.baseline, failScope, optional: Boolean(opts.baselineOptional), ...(target ? { store: target } : {}), ...(baseBranch ? { baseBranch } : {}) };
      } else if (failScope === 'new' || opts.baselineOptional) {
        throw new ConfigurationError(`${failScope === 'new' ? '--fail-scope new' : '--baseline-optional'} needs --baseline`);
      }
      const result = await runScan(config, { env: ctx.env, logger: ctx.logger });
      for (const w of result.written) if (w.path === undefined) ctx.out(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
      // With a baseline, the new-only decision beside the full one (and which of them the exit code follows).
      const b = result.report.baseline;
      ctx.logger.info(`decision: ${result.report.decision}${b ? ` (new only: ${b.newDecision}${b.failScope === 'new' ? ', the exit code: --fail-scope new' : ''})` : ''}`);
      if (result.outcome === 'remote-error' && result.store && result.store.status !== 'pushed') {
        throw new RemoteError(`the evaluation was not pushed to the store (--store-fail-on-error): ${result.store.error}`);
      }
      ctx.outcome = result.outcome;
    });
  },
};
