export const id = 744;
export const ids = [744];
export const modules = {

/***/ 59744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanCommand: () => (/* binding */ scanCommand)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _output_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6557);
/* harmony import */ var _scan_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19087);
/* harmony import */ var _source_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90166);
/* harmony import */ var _common_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(95534);





const collect = (value, previous = []) => [...previous, value];
const scanCommand = {
    id: 'scan',
    register(program, ctx) {
        (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .addSourceOptions */ .F6)((0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .addVulnerabilityDataOptions */ .w7)(program
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
            .option('-o, --output <format[=path]>', `a report to write, repeatable; standard output without a path (default: table). Formats: ${_output_list_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUT_FORMATS */ .D.ids().join(', ')}`, collect, [])
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
            .option('--baseline-optional', 'a baseline that cannot be read, or of another repository, warns and the scan fails on every trigger (--fail-scope all) instead of exiting 3'))).action(async (ref, opts) => {
            // The pipeline and what only some options need are loaded when the command runs, not when the CLI starts;
            // the publish sinks (push.js) and the baseline stage only with the option that uses them.
            const [{ defaultLayerCacheDir, parseSize }, { ciKeys, targetFrom }, { runScan }] = await Promise.all([
                __webpack_require__.e(/* import() */ 769).then(__webpack_require__.bind(__webpack_require__, 55769)),
                __webpack_require__.e(/* import() */ 18).then(__webpack_require__.bind(__webpack_require__, 47018)),
                Promise.all(/* import() */[__webpack_require__.e(339), __webpack_require__.e(279), __webpack_require__.e(83), __webpack_require__.e(138), __webpack_require__.e(338), __webpack_require__.e(566), __webpack_require__.e(558)]).then(__webpack_require__.bind(__webpack_require__, 41558)),
            ]);
            const source = await (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .buildSourceOptions */ .Qv)(opts, ctx);
            const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
            let maxDatabaseBytes;
            if (opts.maxDatabaseBytes !== undefined) {
                maxDatabaseBytes = Number(opts.maxDatabaseBytes);
                if (!Number.isInteger(maxDatabaseBytes) || maxDatabaseBytes <= 0)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-database-bytes must be a positive integer, got "${String(opts.maxDatabaseBytes)}"`);
            }
            const layerCacheMax = parseSize(String(opts.layerCacheMaxSize));
            if (layerCacheMax === undefined)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--layer-cache-max-size must be a size such as 512M, 2G or a number of bytes, got "${String(opts.layerCacheMaxSize)}"`);
            const config = {
                image: ref,
                source: sourceRest,
                ...(maxFileBytes ? { maxFileBytes } : {}),
                ...(maxDatabaseBytes ? { maxDatabaseBytes } : {}),
                ...(opts.layerCache !== false ? { layerCache: { dir: typeof opts.layerCache === 'string' ? opts.layerCache : defaultLayerCacheDir(ctx.env), maxBytes: layerCacheMax } } : {}),
                ...(typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
                ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
                failOn: (0,_scan_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFailOn */ .XV)(String(opts.failOn)),
                outputs: opts.output,
                ...(typeof opts.severityCutoff === 'string' ? { severityCutoff: (0,_scan_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSeverity */ .lv)(opts.severityCutoff) } : {}),
                ...(opts.onlyFixed ? { onlyFixed: true } : {}),
                color: opts.color !== false && (0,_common_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .wantsColor */ .zK)(process.stdout, ctx.env),
                width: (0,_common_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .terminalWidth */ .JL)(process.stdout, ctx.env),
                vulnerabilities: {
                    ...(0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .vulnerabilityDataFrom */ .JS)(opts, ctx.env, sourceRest),
                    ...(typeof opts.ignoreFile === 'string' ? { ignoreFile: opts.ignoreFile } : {}),
                    vex: opts.vex,
                },
            };
            const summaries = opts.complianceSummary;
            if (summaries.length)
                config.complianceSummaries = summaries;
            const target = targetFrom({ ...(typeof opts.storeUrl === 'string' ? { storeUrl: opts.storeUrl } : {}), ...(typeof opts.storeToken === 'string' ? { storeToken: opts.storeToken } : {}) }, ctx.env);
            if (target) {
                const { spoolDirOf } = await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(866)]).then(__webpack_require__.bind(__webpack_require__, 58485));
                config.store = { target, spoolDir: spoolDirOf(typeof opts.spoolDir === 'string' ? opts.spoolDir : undefined, ctx.env), failOnError: Boolean(opts.storeFailOnError), ...ciKeys(ctx.env) };
            }
            else if (opts.storeFailOnError || opts.complianceFromStore) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${opts.storeFailOnError ? '--store-fail-on-error' : '--compliance-from-store'} needs a store: give --store-url or PORTCULLIS_STORE_URL`);
            }
            if (target && opts.complianceFromStore)
                config.complianceStore = target;
            // --baseline (issue 18)
            const failScope = opts.failScope === 'all' ? 'all' : (await Promise.all(/* import() */[__webpack_require__.e(138), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6321))).parseFailScope(String(opts.failScope));
            if (typeof opts.baseline === 'string') {
                const baseBranch = (await Promise.all(/* import() */[__webpack_require__.e(138), __webpack_require__.e(663)]).then(__webpack_require__.bind(__webpack_require__, 47663))).baseBranchOf(ctx.env);
                config.baseline = { ref: opts.baseline, failScope, optional: Boolean(opts.baselineOptional), ...(target ? { store: target } : {}), ...(baseBranch ? { baseBranch } : {}) };
            }
            else if (failScope === 'new' || opts.baselineOptional) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${failScope === 'new' ? '--fail-scope new' : '--baseline-optional'} needs --baseline`);
            }
            const result = await runScan(config, { env: ctx.env, logger: ctx.logger });
            for (const w of result.written)
                if (w.path === undefined)
                    ctx.out(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
            // With a baseline, the new-only decision beside the full one (and which of them the exit code follows).
            const b = result.report.baseline;
            ctx.logger.info(`decision: ${result.report.decision}${b ? ` (new only: ${b.newDecision}${b.failScope === 'new' ? ', the exit code: --fail-scope new' : ''})` : ''}`);
            if (result.outcome === 'remote-error' && result.store && result.store.status !== 'pushed') {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`the evaluation was not pushed to the store (--store-fail-on-error): ${result.store.error}`);
            }
            ctx.outcome = result.outcome;
        });
    },
};


/***/ }),

/***/ 19087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XV: () => (/* binding */ parseFailOn),
/* harmony export */   lv: () => (/* binding */ parseSeverity),
/* harmony export */   sG: () => (/* binding */ outcomeOf)
/* harmony export */ });
/* unused harmony export FAIL_ON_VALUES */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

const FAIL_ON_VALUES = ['stop', 'warn', 'never'];
/** The one place a decision and `--fail-on` become an outcome (and so, through EXIT_CODES, an exit code). */
function outcomeOf(decision, failOn) {
    if (failOn === 'never' || decision === 'GO')
        return 'go';
    if (decision === 'STOP')
        return 'stop';
    return failOn === 'warn' ? 'stop' : 'warn';
}
function parseFailOn(value) {
    const v = value.trim().toLowerCase();
    if (!FAIL_ON_VALUES.includes(v))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got "${value}"`);
    return v;
}
const SEVERITY_NAMES = {
    critical: 'Critical',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    negligible: 'Negligible',
    unknown: 'Unknown',
};
function parseSeverity(value, flag = '--severity-cutoff') {
    const s = SEVERITY_NAMES[value.trim().toLowerCase()];
    if (!s)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${flag} must be one of ${Object.keys(SEVERITY_NAMES).join(', ')}, got "${value}"`);
    return s;
}


/***/ })

};
