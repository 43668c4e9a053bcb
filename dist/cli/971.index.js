export const id = 971;
export const ids = [971,363];
export const modules = {

/***/ 73971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dbCommand: () => (/* binding */ dbCommand),
/* harmony export */   defaultUpdatePlan: () => (/* binding */ defaultUpdatePlan)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _source_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90166);
/* harmony import */ var _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3427);
/* harmony import */ var _vulndb_compiled_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92210);
/* harmony import */ var _vulndb_list_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(94399);
/* harmony import */ var _vulndb_update_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(23744);
/* harmony import */ var _vulndb_providers_osv_bucket_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46703);
/* harmony import */ var _vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90976);









const collect = (value, previous = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
function positiveNumber(name, value, fallback) {
    if (value === undefined)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`--${name} must be a non-negative number, got "${String(value)}"`);
    return n;
}
/**
 * What `db update` with no source named does. A database that has sources fetched from a URL: refresh those (unchanged
 * data costs a 304). A fresh machine (no database): the compiled database from DEFAULT_DB_REPOSITORY, which holds every
 * source in one download, unless a bucket mirror was named (--db-url, PORTCULLIS_DB_URL): then the ecosystems must be
 * named (undefined: nothing to do, and the caller says how to name them).
 */
function defaultUpdatePlan(meta, bucketNamed) {
    if (!meta)
        return bucketNamed ? undefined : { kind: 'repository', repository: _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DB_REPOSITORY */ .ax };
    const remote = meta.segments.filter((s) => s.provider === 'osv-bucket' || (s.provider === 'alpine-secdb' && !s.location.startsWith('/')));
    const ecosystems = [...new Set(remote.filter((s) => s.provider === 'osv-bucket').map((s) => s.id.slice('osv-bucket:'.length)))];
    const branches = remote.filter((s) => s.provider === 'alpine-secdb').map((s) => s.id.slice('alpine-secdb:'.length));
    if (ecosystems.length || branches.length)
        return { kind: 'refresh', ecosystems, branches };
    // A database that came whole from a registry (db update --db-repository, db import FILE.pcdb.gz): refresh it the same way.
    if (meta.compiled?.repository)
        return { kind: 'repository', repository: meta.compiled.repository };
    return undefined;
}
const dbCommand = {
    id: 'db',
    register(program, ctx) {
        const db = program.command('db').description('the local vulnerability database: update it, import data for air-gapped use, show its status');
        const cacheDirOf = (opts) => (typeof opts.dbCacheDir === 'string' ? opts.dbCacheDir : (0,_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .defaultCacheDir */ .$g)(ctx.env));
        const CACHE_DIR_HELP = 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)';
        const registryFlags = (cmd) => cmd
            .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME; docker credentials otherwise)')
            .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
            .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
            .option('--ca-file <pem>', 'extra CA certificates for registries');
        const artifactOptions = async (opts) => {
            const { timeout: _t, retries: _r, ...flags } = opts;
            const reg = await (0,_source_options_js__WEBPACK_IMPORTED_MODULE_2__/* .registryOptionsFrom */ .us)(flags, ctx.env, ctx.stdin);
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
            .action(async (opts) => {
            let builtAt;
            if (typeof opts.builtAt === 'string') {
                builtAt = new Date(opts.builtAt);
                if (Number.isNaN(builtAt.getTime()))
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`--built-at must be an ISO date, got "${opts.builtAt}"`);
            }
            const common = {
                timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000,
                retries: Math.floor(positiveNumber('retries', opts.retries, 3)),
                ...(opts.ecosystem ? { ecosystems: opts.ecosystem } : {}),
            };
            const sources = opts.source.map((s) => (0,_vulndb_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBuildSource */ .$r)(s, common));
            const result = await (0,_vulndb_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .buildCompiled */ .Uz)({ sources, logger: ctx.logger, ...(builtAt ? { builtAt } : {}) });
            const output = opts.output;
            const tmp = `${output}.${process.pid}.tmp`;
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, result.bytes);
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, output);
            }
            catch (error) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot write ${output}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
            }
            for (const s of result.header.sources)
                ctx.out(`${s.id}: ${s.records} records${s.skipped ? `, ${s.skipped} skipped` : ''}\n`);
            const e = result.header.enrichment;
            if (e.fetched)
                ctx.out(`enrichment: kept ${e.kept} of ${e.fetched} ids referenced by a record (${e.keptBytes} of ${e.fetchedBytes} bytes)\n`);
            ctx.out(`Wrote ${output}: ${result.bytes.length} bytes, schema ${result.header.schemaVersion}, built ${result.header.builtAt}, sha256:${result.checksum}\n`);
        });
        registryFlags(db
            .command('push')
            .description('publish a compiled database (db build) as an OCI artifact: registry:HOST/REPOSITORY:TAG')
            .argument('<file>', 'the compiled database file')
            .argument('<ref>', 'registry:HOST/REPOSITORY:TAG'))
            .option('--timeout <seconds>', 'time-out of each request', '60')
            .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
            .action(async (file, ref, opts) => {
            let bytes;
            try {
                bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
            }
            catch (error) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot read ${file}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
            }
            const r = await (0,_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .pushCompiled */ .Kn)(bytes, file, ref, await artifactOptions(opts));
            ctx.out(`Pushed ${r.reference}@${r.manifestDigest} (layer ${r.layerDigest}, ${r.bytes} bytes${r.uploaded ? '' : ', already there'})\n`);
        });
        registryFlags(db.command('update'))
            .description(`fetch the compiled database from an OCI registry (--db-repository, default ${_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DB_REPOSITORY */ .ax}, or $PORTCULLIS_DB_REPOSITORY; one request when unchanged), or OSV data from the bucket layout (<url>/<Ecosystem>/all.zip) and Alpine secdb (unchanged data costs a 304)`)
            .option('--db-repository [ref]', `OCI repository of the compiled database (bare flag: ${_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DB_REPOSITORY */ .ax}; or $PORTCULLIS_DB_REPOSITORY)`)
            .option('--ecosystem <name...>', `OSV ecosystems to fetch (Debian, Alpine, npm, PyPI, Go, Maven…); default: those already in the database, or on a fresh machine the compiled database (${_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DB_REPOSITORY */ .ax})`, collect)
            .option('--alpine-secdb <branch...>', 'also fetch Alpine secdb for these branches (v3.20)', collect)
            .option('--db-url <url>', `base URL of the OSV bucket layout (default ${_vulndb_providers_osv_bucket_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_OSV_BUCKET_URL */ .qP}, or $PORTCULLIS_DB_URL)`)
            .option('--secdb-url <url>', 'base URL of Alpine secdb (default https://secdb.alpinelinux.org)')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .option('--timeout <seconds>', 'time-out of each request', '60')
            .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
            .action(async (opts) => {
            const cacheDir = cacheDirOf(opts);
            let repository = opts.dbRepository === true ? _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DB_REPOSITORY */ .ax : (opts.dbRepository ?? (opts.ecosystem || opts.alpineSecdb || opts.dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
            const plan = repository || opts.ecosystem || opts.alpineSecdb ? undefined : defaultUpdatePlan((0,_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .readMetadata */ ._6)(cacheDir), Boolean(opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL));
            if (plan?.kind === 'repository') {
                repository = plan.repository;
                ctx.logger.info(`No vulnerability database in ${cacheDir} yet and no --ecosystem: fetching the compiled database ${repository} (every source: OSV, the distros' feeds, NVD, KEV, EPSS). --ecosystem NAME fetches single OSV ecosystems instead.`);
            }
            if (repository) {
                if (opts.ecosystem || opts.alpineSecdb || opts.dbUrl)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--db-repository replaces the whole database; do not combine it with --ecosystem, --alpine-secdb or --db-url');
                const r = await (0,_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_3__.updateFromRepository)(cacheDir, repository, await artifactOptions(opts));
                ctx.out(r.unchanged
                    ? `${r.reference}: not modified (${r.manifestDigest})\n`
                    : `${r.reference}: ${r.manifestDigest}, ${r.bytes} bytes, built ${r.metadata.compiled?.builtAt ?? '?'}, ${r.metadata.segments.length} source(s)\nDatabase updated in ${cacheDir}\n`);
                return;
            }
            const url = opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL ?? _vulndb_providers_osv_bucket_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_OSV_BUCKET_URL */ .qP;
            const common = { timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000, retries: Math.floor(positiveNumber('retries', opts.retries, 3)) };
            let ecosystems = opts.ecosystem ?? [];
            let branches = opts.alpineSecdb ?? [];
            if (ecosystems.length === 0 && branches.length === 0 && plan?.kind === 'refresh') {
                ({ ecosystems, branches } = plan);
                ctx.logger.info(`Refreshing the sources already in ${cacheDir}: ${[...ecosystems, ...branches.map((b) => `Alpine secdb ${b}`)].join(', ')}`);
            }
            if (ecosystems.length === 0 && branches.length === 0) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Nothing to update in ${cacheDir}: name the ecosystems with --ecosystem (for example --ecosystem Debian --ecosystem npm), or fetch the compiled database with --db-repository`);
            }
            const requests = [];
            if (ecosystems.length)
                requests.push({ provider: 'osv-bucket', options: { ...common, url, ecosystems } });
            if (branches.length) {
                requests.push({ provider: 'alpine-secdb', options: { ...common, ecosystems: branches, ...(opts.secdbUrl ? { url: opts.secdbUrl } : {}) } });
            }
            const result = await (0,_vulndb_update_js__WEBPACK_IMPORTED_MODULE_6__.updateDatabase)({ cacheDir, requests, logger: ctx.logger });
            for (const b of result.batches) {
                ctx.out(b.notModified ? `${b.id}: not modified\n` : `${b.id}: ${b.records} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
            }
            ctx.out(`Database updated in ${cacheDir}\n`);
        });
        db.command('import')
            .description('import local vulnerability data for air-gapped use: a compiled database (db build), a folder or zip of OSV records (the bucket layout works), or any provider\'s local files with --kind (nvd, kev, epss, alpine-secdb, amazon, rhel, oracle, sles, mariner, photon, wolfi, chainguard)')
            .argument('<path>', 'a .pcdb.gz file from db build, or a folder / file of the kind\'s data')
            .option('--kind <provider>', 'what the data is: compiled, or a provider id (default: compiled for *.pcdb.gz, else osv-local)')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .action(async (path, opts) => {
            const cacheDir = cacheDirOf(opts);
            const kind = typeof opts.kind === 'string' ? opts.kind : /\.pcdb(\.gz)?$/.test(path) ? 'compiled' : 'osv-local';
            if (kind === 'compiled') {
                let bytes;
                try {
                    bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
                }
                catch (e) {
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Cannot read the compiled database ${path}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e)}`);
                }
                const { metadata } = (0,_vulndb_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .openCompiled */ .SJ)(bytes, cacheDir);
                for (const s of metadata.segments)
                    ctx.out(`${s.id}: ${s.records} records\n`);
                ctx.out(`Database updated in ${cacheDir}\n`);
                return;
            }
            if (!_vulndb_list_js__WEBPACK_IMPORTED_MODULE_5__/* .VULNERABILITY_PROVIDERS */ .I.find(kind))
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`--kind must be compiled or one of ${_vulndb_list_js__WEBPACK_IMPORTED_MODULE_5__/* .VULNERABILITY_PROVIDERS */ .I.ids().join(', ')}, got "${kind}"`);
            const result = await (0,_vulndb_update_js__WEBPACK_IMPORTED_MODULE_6__.updateDatabase)({ cacheDir, requests: [{ provider: kind, options: { path } }], logger: ctx.logger });
            for (const b of result.batches)
                ctx.out(`${b.id}: ${b.records ?? 0} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
            ctx.out(`Database updated in ${cacheDir}\n`);
        });
        db.command('status')
            .description('show the sources, their fetch times and record counts, and whether the data is stale')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .option('--max-db-age <days>', 'data older than this is stale', String(_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_MAX_AGE_DAYS */ .xp))
            .option('--fail-on-stale-db', 'exit with an error when the data is stale or missing')
            .option('--json', 'print JSON')
            .action((opts) => {
            const cacheDir = cacheDirOf(opts);
            const maxAgeDays = positiveNumber('max-db-age', opts.maxDbAge, _vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_MAX_AGE_DAYS */ .xp);
            const meta = (0,_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .readMetadata */ ._6)(cacheDir);
            const status = (0,_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .dataStatus */ .TW)(meta, { maxAgeDays });
            if (opts.json) {
                ctx.out(`${JSON.stringify({ cacheDir, schemaVersion: meta?.schemaVersion ?? null, updatedAt: meta?.updatedAt ?? null, maxAgeDays, ...status, details: meta?.segments ?? [] }, null, 2)}\n`);
            }
            else if (!meta) {
                ctx.out(`No vulnerability database in ${cacheDir}\n`);
            }
            else {
                const lines = [`Database:   ${cacheDir} (schema ${meta.schemaVersion}, updated ${meta.updatedAt})`, 'Sources:'];
                for (const s of meta.segments) {
                    lines.push(`  ${s.id}  ${s.records} records (${(0,_vulndb_store_js__WEBPACK_IMPORTED_MODULE_8__/* .sourceEcosystems */ .f1)(s).join(', ') || 'none'})  fetched ${s.fetchedAt}${s.skipped ? `  ${s.skipped} skipped` : ''}`);
                }
                lines.push(`Age:        ${status.ageDays ?? '?'} day(s) (stale after ${maxAgeDays})`);
                ctx.out(`${lines.join('\n')}\n`);
            }
            if (status.stale) {
                const msg = meta ? `Vulnerability data is ${status.ageDays} day(s) old (more than ${maxAgeDays}); run "portcullis db update"` : 'No vulnerability data; run "portcullis db update"';
                if (opts.failOnStaleDb)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(msg);
                ctx.logger.warning(msg);
            }
        });
    },
};


/***/ }),

/***/ 23744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   updateDatabase: () => (/* binding */ updateDatabase)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94399);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83676);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90976);




/**
 * Fetches every requested source, then writes the new database in one step. If any fetch or the write fails, the
 * previous database stays live; the error says so (and names the previous database's date).
 */
async function updateDatabase(options) {
    const now = options.now ?? (() => new Date());
    let previousMeta;
    try {
        previousMeta = (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .readMetadata */ ._6)(options.cacheDir);
    }
    catch (error) {
        options.logger.warning(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}; building a new one`);
    }
    const previous = new Map((previousMeta?.segments ?? []).map((s) => [s.id, s]));
    const batches = [];
    try {
        for (const [i, req] of options.requests.entries()) {
            const provider = _list_js__WEBPACK_IMPORTED_MODULE_1__/* .VULNERABILITY_PROVIDERS */ .I.get(req.provider);
            options.logger.progress?.({ task: 'update', label: `fetching ${req.provider}${req.options.ecosystems?.length ? ` (${req.options.ecosystems.join(', ')})` : ''}`, done: i, total: options.requests.length, unit: 'items' });
            const previousRecords = (id) => (previous.has(id) ? (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .readSourceRecords */ .K3)(options.cacheDir, id) : undefined);
            batches.push(...(await provider.fetch(req.options, { logger: options.logger, previous, previousRecords, now, ...(options.signal ? { signal: options.signal } : {}) })));
        }
        for (const b of batches) {
            if (b.notModified || b.skipped.length === 0)
                continue;
            const first = b.skipped[0];
            options.logger.warning(`${b.id}: skipped ${b.skipped.length} bad record(s), e.g. ${first.where}: ${first.reason}`);
        }
        options.logger.progress?.({ task: 'update', label: `importing ${batches.reduce((n, b) => n + (b.notModified ? 0 : b.records.length), 0)} records into ${options.cacheDir}` });
        const { metadata } = (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .writeDatabase */ .tW)(options.cacheDir, batches, now());
        options.logger.progress?.({ task: 'update', label: '', end: true });
        return {
            metadata,
            batches: batches.map((b) => (b.notModified ? { id: b.id, notModified: true } : { id: b.id, notModified: false, records: _provider_js__WEBPACK_IMPORTED_MODULE_2__/* .ENRICHMENT_KINDS */ .U.has(b.kind) ? (b.enrichments?.length ?? 0) : b.records.length, skipped: b.skipped.length })),
        };
    }
    catch (error) {
        options.logger.progress?.({ task: 'update', label: '', end: true });
        const kept = previousMeta
            ? `the previous database (updated ${previousMeta.updatedAt}, ${previousMeta.segments.length} source(s)) is kept`
            : 'there is no previous database';
        const message = `Vulnerability data update failed: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}; ${kept}`;
        options.logger.error(message);
        if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(message, { cause: error, ...(error.status !== undefined ? { status: error.status } : {}) });
        if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message, { cause: error });
        throw new Error(message, { cause: error });
    }
}


/***/ })

};
