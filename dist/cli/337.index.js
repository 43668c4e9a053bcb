export const id = 337;
export const ids = [337,971,363];
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

/***/ 50759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseInterval: () => (/* binding */ parseInterval),
  serveCommand: () => (/* binding */ serveCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(71922);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/store/files.ts
/**
 * Where the store keeps files (compliance results and reports, reports, SBOMs, SARIF). Ids are generated by the
 * store, never taken from a client, so a file name can never steer a path; the client's name is only metadata.
 */




const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Files in a directory, `<dir>/<id[0..2]>/<id>`, each written to a temp name, fsynced, then renamed. */
class DirectoryFileStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    get label() {
        return this.dir;
    }
    #path(id) {
        if (!ID_RE.test(id))
            throw new Error(`bad file id ${JSON.stringify(id)}`);
        return (0,external_node_path_.join)(this.dir, id.slice(0, 2), id);
    }
    async put(data) {
        const id = (0,external_node_crypto_.randomUUID)();
        const path = this.#path(id);
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, id.slice(0, 2)), { recursive: true, mode: 0o700 });
        const tmp = `${path}.tmp`;
        const fh = await (0,promises_.open)(tmp, 'wx', 0o600);
        try {
            await fh.writeFile(data);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,promises_.rename)(tmp, path);
        return { id, size: data.length, sha256: (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex') };
    }
    async get(id) {
        if (!ID_RE.test(id))
            return undefined;
        const path = this.#path(id);
        try {
            await (0,promises_.stat)(path);
        }
        catch {
            return undefined;
        }
        return (0,external_node_fs_.createReadStream)(path);
    }
    async delete(id) {
        if (!ID_RE.test(id))
            return;
        await (0,promises_.rm)(this.#path(id), { force: true });
    }
}

;// CONCATENATED MODULE: ./src/store/migrations.ts
/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction that also records it in
 * `schema_migrations`; a database newer than this build is refused. Append new versions; never edit old ones.
 */

const MIGRATIONS = [
    {
        version: 1,
        name: 'tokens, files, runtime compliance checks, evaluations',
        statements: [
            `CREATE TABLE tokens (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, scopes TEXT NOT NULL,
        created_at TEXT NOT NULL, revoked_at TEXT)`,
            `CREATE TABLE files (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL,
        sha256 TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE compliance_checks (
        id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE, check_type TEXT NOT NULL, image_digest TEXT NOT NULL,
        result TEXT, pod TEXT, namespace TEXT, image_tag TEXT, start_time TEXT, end_time TEXT,
        result_file_id TEXT REFERENCES files(id), report_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
            `CREATE INDEX compliance_checks_digest ON compliance_checks (image_digest, created_at)`,
            `CREATE TABLE evaluations (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, image_digest TEXT NOT NULL,
        repository TEXT, tag TEXT, commit_sha TEXT, pipeline_run TEXT, decision TEXT NOT NULL, counts TEXT NOT NULL,
        report_file_id TEXT NOT NULL REFERENCES files(id), sbom_file_id TEXT REFERENCES files(id),
        sarif_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
            `CREATE INDEX evaluations_digest ON evaluations (image_digest, created_at)`,
            `CREATE INDEX evaluations_repo_tag ON evaluations (repository, tag, created_at)`,
        ],
    },
    {
        version: 2,
        name: 're-evaluation (reason, bundle, difference), policies, jobs, subscriptions, notification outbox',
        statements: [
            `ALTER TABLE evaluations ADD COLUMN reason TEXT NOT NULL DEFAULT 'push'`,
            `ALTER TABLE evaluations ADD COLUMN policy_name TEXT`,
            `ALTER TABLE evaluations ADD COLUMN bundle_id TEXT`,
            `ALTER TABLE evaluations ADD COLUMN bundle_digest TEXT`,
            `ALTER TABLE evaluations ADD COLUMN summary TEXT`,
            `ALTER TABLE evaluations ADD COLUMN diff TEXT`,
            `ALTER TABLE evaluations ADD COLUMN previous_id TEXT`,
            `CREATE TABLE bundles (digest TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE policies (
        name TEXT PRIMARY KEY, bundle_digest TEXT NOT NULL REFERENCES bundles(digest), updated_at TEXT NOT NULL)`,
            `CREATE TABLE jobs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT, state TEXT NOT NULL, counts TEXT NOT NULL,
        error TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`,
            `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY, events TEXT NOT NULL, filter_repository TEXT, filter_tag TEXT, channel TEXT NOT NULL,
        config TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE notifications (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, subscription_id TEXT NOT NULL, event TEXT NOT NULL,
        evaluation_id TEXT, payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL,
        locked_until TEXT, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT)`,
            `CREATE INDEX notifications_due ON notifications (state, next_attempt_at)`,
            `CREATE TABLE notification_attempts (
        id TEXT PRIMARY KEY, notification_id TEXT NOT NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL,
        outcome TEXT NOT NULL, status INTEGER, error TEXT, duration_ms INTEGER)`,
            `CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id, attempt)`,
        ],
    },
    {
        version: 3,
        name: 'registry watches',
        statements: [
            `CREATE TABLE watches (
        id TEXT PRIMARY KEY, repository TEXT NOT NULL, tags TEXT NOT NULL, interval_text TEXT NOT NULL, interval_ms BIGINT NOT NULL,
        policy TEXT, created_at TEXT NOT NULL, last_polled_at TEXT, last_error TEXT, next_poll_at TEXT NOT NULL, locked_until TEXT)`,
            `CREATE UNIQUE INDEX watches_repository_tags ON watches (repository, tags)`,
            `CREATE INDEX watches_due ON watches (next_poll_at)`,
            `CREATE TABLE watch_tags (
        watch_id TEXT NOT NULL REFERENCES watches(id), tag TEXT NOT NULL, digest TEXT NOT NULL, evaluation_id TEXT,
        seen_at TEXT NOT NULL, PRIMARY KEY (watch_id, tag))`,
        ],
    },
    {
        version: 4,
        name: 'tokens scoped to repository globs',
        // A JSON array of globs; NULL (every existing token): every repository.
        statements: [`ALTER TABLE tokens ADD COLUMN repositories TEXT`],
    },
    {
        version: 5,
        name: 'github_issue channel: issue numbers',
        // Keyed as the issue's marker is (subscription, image repository or '', digest); a missing row is found by listing.
        statements: [
            `CREATE TABLE github_issues (
        subscription_id TEXT NOT NULL, image_repository TEXT NOT NULL, image_digest TEXT NOT NULL,
        github_repository TEXT NOT NULL, issue_number BIGINT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, image_repository, image_digest))`,
        ],
    },
    {
        version: 6,
        name: 'jobs leased like the outbox and the watches',
        // locked_until: the process running (or sending) the job holds it until then, and renews it; attempts: runs started.
        statements: [`ALTER TABLE jobs ADD COLUMN locked_until TEXT`, `ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`],
    },
    {
        version: 7,
        name: 're-evaluation batches, run by any replica',
        // A re-evaluation job's images split into batches (items: the evaluations to re-evaluate, with the bundle each
        // was resolved to; emptied once the batch succeeded), each leased and retried like a job; runner: the process
        // that last took it. The job's
        // data_fingerprint: the vulnerability data its batches are to run with (a replica behind it catches up).
        statements: [
            `CREATE TABLE job_batches (
        id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES jobs(id), seq INTEGER NOT NULL, items TEXT NOT NULL,
        state TEXT NOT NULL, counts TEXT NOT NULL, error TEXT, runner TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`,
            `CREATE UNIQUE INDEX job_batches_job_seq ON job_batches (job_id, seq)`,
            `CREATE INDEX job_batches_state ON job_batches (state)`,
            `ALTER TABLE jobs ADD COLUMN data_fingerprint TEXT`,
        ],
    },
];
/** Applies the pending migrations; returns the versions applied. */
async function migrate(db, migrations = MIGRATIONS) {
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((await db.query('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const ahead = [...applied].filter((v) => v > newest);
    if (ahead.length) {
        throw new common_errors/* ConfigurationError */.j1(`${db.label} has schema version ${Math.max(...ahead)}, newer than this portcullis knows (${newest}); upgrade portcullis`);
    }
    const done = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(m.version))
            continue;
        await db.transaction(async (tx) => {
            for (const s of m.statements)
                await tx.query(s);
            await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        });
        done.push(m.version);
    }
    return done;
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/store/postgres.ts
/** PostgreSQL through `pg` (pure JS). */



/** The URL without its user info: the credentials never reach a message or the startup line. */
function redact(url) {
    try {
        return (0,http/* redactUrl */.BO)(url);
    }
    catch {
        return 'postgres';
    }
}
/** Each PostgreSQL store's connection URL, for the job queue (pg-boss) to open its own pool on; never in a message. */
const URLS = new WeakMap();
/** The connection URL `db` was opened with (a PostgreSQL store), or undefined. */
function postgresUrlOf(db) {
    return URLS.get(db);
}
class PostgresDb {
    label;
    pool;
    dialect = 'postgres';
    constructor(label, pool) {
        this.label = label;
        this.pool = pool;
    }
    async query(sql, params = []) {
        const res = await this.pool.query(sql, params);
        return res.rows;
    }
    async transaction(fn) {
        const client = await this.pool.connect();
        try {
            await client.query('BEGIN');
            const tx = {
                dialect: 'postgres',
                query: async (sql, params = []) => (await client.query(sql, params)).rows,
            };
            const result = await fn(tx);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        finally {
            client.release();
        }
    }
    async close() {
        await this.pool.end();
    }
}
async function openPostgres(url) {
    const pool = new esm/* default.Pool */.Ay.Pool({ connectionString: url, max: 10 });
    pool.on('error', () => undefined);
    try {
        await pool.query('SELECT 1');
    }
    catch (error) {
        await pool.end().catch(() => undefined);
        throw new common_errors/* ConfigurationError */.j1(`cannot connect to PostgreSQL ${redact(url)}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    const db = new PostgresDb(redact(url), pool);
    URLS.set(db, url);
    return db;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
;// CONCATENATED MODULE: ./src/store/s3-files.ts
/**
 * Files in S3-compatible object storage (`@aws-sdk/client-s3`): `s3://bucket/prefix`, with an optional endpoint
 * for MinIO and friends (path-style addressing then). Credentials come from the SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). Ids are generated by the store.
 */



const s3_files_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function parseS3Url(url) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`"${url}" is not s3://BUCKET[/PREFIX]`);
    const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
    return { bucket: m[1], prefix: prefix ? `${prefix}/` : '' };
}
class S3FileStore {
    location;
    #client;
    constructor(location, options = {}) {
        this.location = location;
        this.#client = new dist_cjs/* S3Client */.YxF({
            region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
            // S3-compatible servers do not all speak the SDK's default flexible checksums.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        });
    }
    get label() {
        return `s3://${this.location.bucket}/${this.location.prefix}`;
    }
    #key(id) {
        return `${this.location.prefix}${id}`;
    }
    async put(data) {
        const id = (0,external_node_crypto_.randomUUID)();
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
        await this.#client.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: this.location.bucket, Key: this.#key(id), Body: data, ContentLength: data.length }));
        return { id, size: data.length, sha256 };
    }
    async get(id) {
        if (!s3_files_ID_RE.test(id))
            return undefined;
        try {
            const res = await this.#client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.location.bucket, Key: this.#key(id) }));
            return res.Body;
        }
        catch (error) {
            if (error.name === 'NoSuchKey')
                return undefined;
            throw error;
        }
    }
    async delete(id) {
        if (!s3_files_ID_RE.test(id))
            return;
        await this.#client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.location.bucket, Key: this.#key(id) }));
    }
    destroy() {
        this.#client.destroy();
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/store/sqlite-transaction.ts
/**
 * What the two SQLite engines (./sqlite-node.ts, ./sqlite-sql-js.ts) share: one connection used by one operation at a
 * time, and the transaction around `SqlDb.transaction`'s callback (BEGIN, the statements, COMMIT, or ROLLBACK on any
 * error). Each engine says only how it begins (node:sqlite: `BEGIN IMMEDIATE`, waiting for another process's lock)
 * and what follows a commit (sql.js: writing the file).
 */
/** Runs `fn` in one transaction on `conn`; the caller makes sure nothing else uses the connection meanwhile. */
async function sqliteTransaction(conn, fn, steps = {}) {
    await (steps.begin ? steps.begin() : conn.exec('BEGIN'));
    const tx = { dialect: 'sqlite', query: async (sql, params = []) => conn.run(sql, params) };
    try {
        const result = await fn(tx);
        conn.exec('COMMIT');
        steps.afterCommit?.();
        return result;
    }
    catch (error) {
        try {
            conn.exec('ROLLBACK');
        }
        catch {
            // the failed statement may already have ended it
        }
        throw error;
    }
}
/** Runs operations one at a time, in order; after `close()`, each further one fails with "LABEL is closed". */
class SerialQueue {
    label;
    #queue = Promise.resolve();
    #closed = false;
    constructor(label) {
        this.label = label;
    }
    run(fn) {
        const next = this.#queue.then(() => {
            if (this.#closed)
                throw new Error(`${this.label} is closed`);
            return fn();
        });
        this.#queue = next.catch(() => undefined);
        return next;
    }
    /** Runs `fn` as the last operation: anything queued after it fails. */
    close(fn) {
        return this.run(() => {
            this.#closed = true;
            return fn();
        });
    }
}

;// CONCATENATED MODULE: ./src/store/sqlite-node.ts
/**
 * The page-writing SQLite engine: Node's built-in `node:sqlite` (DatabaseSync, unflagged from Node 22.13 and 23.4).
 * A commit writes the pages it changed to the write-ahead log and fsyncs it; the database file is never rewritten.
 *
 * - `journal_mode = WAL`: readers (another `serve`, `serve token create`) read while a writer writes, and a commit
 *   appends pages to `<file>-wal`, checkpointed into the file by SQLite (every 1000 pages, and when the last
 *   connection closes).
 * - `synchronous = FULL`: the log is fsynced at every commit. The store's contract is that a write is durable when its
 *   promise resolves, and a pipeline drops its spooled push once the store acknowledged it; NORMAL would only fsync at
 *   checkpoints, so an acknowledged push could be lost on power failure (never corrupt, but lost). FULL costs one fsync
 *   of the log per commit, which sql.js paid too, for a whole-file write.
 * - busy: `busy_timeout` makes a statement wait (briefly, synchronously) for another connection's lock; past it, the
 *   statement is retried asynchronously, so a writer in this process (a transaction awaiting between statements) can
 *   finish, for up to BUSY_WAIT_MS before the store answers with an error.
 * - transactions start with `BEGIN IMMEDIATE`: the write lock is taken first, so two writers never deadlock upgrading.
 *
 * The module is loaded through `process.getBuiltinModule` when first needed, so a Node without it never loads it and
 * the bundles (ncc) see no import of it.
 */





/** `busy_timeout`: how long one statement waits synchronously for another connection's lock. */
const BUSY_TIMEOUT_MS = 100;
/** How long a statement keeps trying (asynchronously, after BUSY_TIMEOUT_MS) before it fails. */
const BUSY_WAIT_MS = 15_000;
const STATEMENT_CACHE = 256;
/** Node versions whose `node:sqlite` needs no flag: 22.13+, 23.4+, 24+. */
function nodeHasSqlite(version = process.versions.node) {
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return major > 23 || (major === 23 && minor >= 4) || (major === 22 && minor >= 13);
}
let loaded;
/** `node:sqlite`, or undefined when this Node lacks it. Node 22 prints an ExperimentalWarning on first load: kept quiet. */
function loadNodeSqlite() {
    if (loaded)
        return loaded;
    if (!nodeHasSqlite())
        return undefined;
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const text = typeof warning === 'string' ? warning : warning.message;
        if (/SQLite is an experimental feature/i.test(text))
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        const mod = process.getBuiltinModule('node:sqlite');
        loaded = mod && typeof mod.DatabaseSync === 'function' ? mod : undefined;
    }
    catch {
        loaded = undefined;
    }
    finally {
        process.emitWarning = emitWarning;
    }
    return loaded;
}
/** The store's `$1…` parameters as named values; integers bound as integers (a JS number alone binds as a double). */
function bindable(params, names) {
    const out = {};
    for (const n of names) {
        const v = params[n - 1];
        let b;
        if (v === undefined || v === null)
            b = null;
        else if (typeof v === 'boolean')
            b = v ? 1n : 0n;
        else if (typeof v === 'number')
            b = Number.isSafeInteger(v) ? BigInt(v) : v;
        else if (typeof v === 'bigint' || typeof v === 'string' || v instanceof Uint8Array)
            b = v;
        else
            b = JSON.stringify(v);
        out[`$${n}`] = b;
    }
    return out;
}
function isBusy(error) {
    const e = error;
    return e?.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number' && ((e.errcode & 0xff) === 5 || (e.errcode & 0xff) === 6);
}
class NodeSqliteDb {
    label;
    db;
    dialect = 'sqlite';
    engine = 'node:sqlite';
    #serial;
    #statements = new Map();
    constructor(label, db) {
        this.label = label;
        this.db = db;
        this.#serial = new SerialQueue(label);
    }
    #prepare(sql) {
        let p = this.#statements.get(sql);
        if (p) {
            // Most recently used last, so the oldest goes first when the cache is full.
            this.#statements.delete(sql);
            this.#statements.set(sql, p);
            return p;
        }
        const stmt = this.db.prepare(sql);
        stmt.setAllowUnknownNamedParameters?.(true);
        const names = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))];
        p = { stmt, names };
        this.#statements.set(sql, p);
        if (this.#statements.size > STATEMENT_CACHE)
            this.#statements.delete(this.#statements.keys().next().value);
        return p;
    }
    #run(sql, params) {
        const { stmt, names } = this.#prepare(sql);
        // Plain objects (node:sqlite's rows have a null prototype).
        return stmt.all(bindable(params, names)).map((r) => ({ ...r }));
    }
    /** Runs `fn`, retrying it while another connection holds the lock, for up to BUSY_WAIT_MS. */
    async #whenFree(fn) {
        const deadline = Date.now() + BUSY_WAIT_MS;
        for (let pause = 5;; pause = Math.min(pause * 2, 100)) {
            try {
                return fn();
            }
            catch (error) {
                if (!isBusy(error))
                    throw error;
                if (Date.now() > deadline) {
                    throw new Error(`${this.label} stayed locked by another connection for ${BUSY_WAIT_MS / 1000} s: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
                }
                await (0,external_node_timers_promises_.setTimeout)(pause);
            }
        }
    }
    query(sql, params = []) {
        // Outside a transaction each statement is its own transaction: with synchronous=FULL, durable on return.
        return this.#serial.run(() => this.#whenFree(() => this.#run(sql, params)));
    }
    transaction(fn) {
        const conn = { exec: (sql) => this.db.exec(sql), run: (sql, params) => this.#run(sql, params) };
        return this.#serial.run(() => sqliteTransaction(conn, fn, { begin: () => this.#whenFree(() => this.db.exec('BEGIN IMMEDIATE')) }));
    }
    close() {
        return this.#serial.close(() => {
            this.#statements.clear();
            this.db.close();
        });
    }
}
/** Opens (or creates) the SQLite file with node:sqlite; without a path, an in-memory database. */
async function openNodeSqlite(path) {
    const mod = loadNodeSqlite();
    if (!mod)
        throw new common_errors/* ConfigurationError */.j1(`node:sqlite is not available on Node ${process.version} (it needs Node >= 22.13)`);
    let db;
    try {
        if (path) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
            // The store holds token hashes and every pushed report: its owner's only. SQLite gives `-wal` and `-shm` the
            // main file's mode, so creating it 0600 (an empty file is an empty database) covers all three.
            if (!(0,external_node_fs_.existsSync)(path))
                (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(path, 'a', 0o600));
        }
        db = new mod.DatabaseSync(path ?? ':memory:');
        db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
        const conn = db;
        const pragma = (sql) => untilFree(() => conn.prepare(sql).all({}));
        // Switching to WAL needs the file to itself for a moment; another connection already in WAL makes it a no-op.
        if (path)
            await pragma('PRAGMA journal_mode = WAL');
        await pragma('PRAGMA synchronous = FULL');
        await pragma('PRAGMA foreign_keys = ON');
        await pragma('SELECT count(*) FROM sqlite_master');
    }
    catch (error) {
        try {
            db?.close();
        }
        catch {
            // not open
        }
        throw new common_errors/* ConfigurationError */.j1(`cannot open the SQLite store ${path ?? ':memory:'}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return new NodeSqliteDb(path ?? ':memory:', db);
}
/** At open time: wait (up to BUSY_WAIT_MS) for a lock held by another connection. */
async function untilFree(fn) {
    const deadline = Date.now() + BUSY_WAIT_MS;
    for (;;) {
        try {
            return fn();
        }
        catch (error) {
            if (!isBusy(error) || Date.now() > deadline)
                throw error;
            await (0,external_node_timers_promises_.setTimeout)(20);
        }
    }
}

;// CONCATENATED MODULE: ./src/store/sqlite-sql-js.ts
/**
 * The fallback SQLite engine, for a Node without `node:sqlite` (Node 20, < 22.13): sql.js (WASM, no native addon).
 * The whole database is in memory and written to its file after every committed transaction (write a temp file,
 * fsync, rename), so what a request acknowledged survives a crash, at the cost of rewriting the whole file per commit.
 * Writers take a lock file; operations are serialised. The page-writing engine is ./sqlite-node.ts.
 *
 * Memory: the database is held whole in JS arrays (sql.js's in-memory file system, grown by 1/8 when full) and each
 * commit exports a second whole copy to write (sql.js has no other way out of its files), so a commit needs about
 * twice the file's size, plus ~50 MB for sql.js itself (its code, a 25 MB WASM heap), and exported copies wait for
 * V8's collector. The file grows with the evaluations kept (about 2.8 KB per pushed evaluation and 7 KB per
 * re-evaluation, with its summary and difference): 99 MB at 10,000 images re-evaluated once, and a re-evaluation's
 * peak RSS comes while writing it. bench/store-sqlite.ts measures this.
 */





let sqlJs;
function loadSqlJs() {
    // The inline build carries its WASM inside the JS file, so the bundle needs no side file. It is loaded on first use.
    // Its Node branch sets `module.exports` after undefining `module`, relying on a `typeof module` test that bundlers
    // (ncc/webpack) rewrite to `true`; so it is initialised through its non-Node branch, which it picks when
    // `process.type` is "renderer", and which needs nothing but the inlined bytes and globalThis.crypto.
    sqlJs ??= __webpack_require__.e(/* import() */ 865).then(__webpack_require__.t.bind(__webpack_require__, 28865, 23)).then(async (m) => {
        const proc = process;
        const had = Object.prototype.hasOwnProperty.call(proc, 'type');
        const previous = proc.type;
        proc.type = 'renderer';
        try {
            return await m.default();
        }
        finally {
            if (had)
                proc.type = previous;
            else
                delete proc.type;
        }
    });
    return sqlJs;
}
function sqlite_sql_js_bindable(params) {
    const out = {};
    params.forEach((v, i) => {
        let b;
        if (v === undefined || v === null)
            b = null;
        else if (typeof v === 'boolean')
            b = v ? 1 : 0;
        else if (typeof v === 'bigint')
            b = Number(v);
        else if (typeof v === 'string' || typeof v === 'number' || v instanceof Uint8Array)
            b = v;
        else
            b = JSON.stringify(v);
        out[`$${i + 1}`] = b;
    });
    return out;
}
class SqliteDb {
    label;
    SQL;
    db;
    path;
    dialect = 'sqlite';
    #serial;
    /** What the file was when this process last read or wrote it (inode, size, mtime). */
    #stamp;
    constructor(label, SQL, db, path) {
        this.label = label;
        this.SQL = SQL;
        this.db = db;
        this.path = path;
        this.#serial = new SerialQueue(label);
        this.#stamp = this.#currentStamp();
    }
    #currentStamp() {
        if (!this.path)
            return undefined;
        try {
            const st = (0,external_node_fs_.statSync)(this.path);
            return `${st.ino}:${st.size}:${st.mtimeMs}`;
        }
        catch {
            return undefined;
        }
    }
    /** Another process (`portcullis serve token create` while the store runs) may have written the file: reload it. */
    #refresh() {
        const stamp = this.#currentStamp();
        if (!this.path || stamp === undefined || stamp === this.#stamp)
            return;
        const fresh = new this.SQL.Database(readForSqlJs(this.path));
        this.db.close();
        this.db = fresh;
        this.db.exec('PRAGMA foreign_keys = ON');
        this.#stamp = stamp;
    }
    /** An exclusive lock file around each write, so two processes never write from stale copies. */
    async #locked(fn) {
        if (!this.path)
            return fn();
        const lock = `${this.path}.lock`;
        for (let i = 0;; i++) {
            try {
                const fd = (0,external_node_fs_.openSync)(lock, 'wx', 0o600);
                (0,external_node_fs_.writeSync)(fd, String(process.pid));
                (0,external_node_fs_.closeSync)(fd);
                break;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
                if (!lockHolderAlive(lock)) {
                    (0,external_node_fs_.rmSync)(lock, { force: true });
                    continue;
                }
                if (i > 500)
                    throw new common_errors/* ConfigurationError */.j1(`${lock} is held by a running process; is another portcullis writing this store?`);
                await (0,external_node_timers_promises_.setTimeout)(20);
            }
        }
        try {
            this.#refresh();
            return await fn();
        }
        finally {
            (0,external_node_fs_.rmSync)(lock, { force: true });
        }
    }
    #run(sql, params) {
        const stmt = this.db.prepare(sql);
        try {
            if (params.length)
                stmt.bind(sqlite_sql_js_bindable(params));
            const rows = [];
            while (stmt.step())
                rows.push(stmt.getAsObject());
            return rows;
        }
        finally {
            stmt.free();
        }
    }
    #persist() {
        if (!this.path)
            return;
        const data = this.db.export();
        const tmp = `${this.path}.tmp`;
        // The store holds token hashes and every pushed report: readable by its owner only (0600, in a 0700 directory).
        const fd = (0,external_node_fs_.openSync)(tmp, 'w', 0o600);
        try {
            (0,external_node_fs_.writeSync)(fd, data);
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.renameSync)(tmp, this.path);
        this.#stamp = this.#currentStamp();
    }
    query(sql, params = []) {
        if (/^\s*select\b/i.test(sql)) {
            return this.#serial.run(() => {
                this.#refresh();
                return this.#run(sql, params);
            });
        }
        // A write outside a transaction is durable on return too.
        return this.#serial.run(() => this.#locked(() => {
            const rows = this.#run(sql, params);
            if (this.db.getRowsModified() > 0)
                this.#persist();
            return rows;
        }));
    }
    transaction(fn) {
        // `this.db` is read at each call: #refresh (inside #locked) may have replaced it with the file's newer copy.
        const conn = { exec: (sql) => this.db.exec(sql), run: (sql, params) => this.#run(sql, params) };
        return this.#serial.run(() => this.#locked(() => sqliteTransaction(conn, fn, { afterCommit: () => this.#persist() })));
    }
    close() {
        return this.#serial.close(() => this.db.close());
    }
}
function lockHolderAlive(lock) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(lock, 'utf8');
    }
    catch {
        return true; // gone or being replaced: try again
    }
    if (text === '') {
        // Created, its pid not yet written: alive unless it has stayed empty for long.
        try {
            return Date.now() - (0,external_node_fs_.statSync)(lock).mtimeMs < 5000;
        }
        catch {
            return true;
        }
    }
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * The file's bytes for sql.js. A file last written by node:sqlite is in WAL mode (header bytes 18 and 19 are 2); with
 * its log checkpointed (node:sqlite does that when the last connection closes) the main file holds everything, and
 * setting those bytes to 1 (rollback journal) is what `PRAGMA journal_mode = DELETE` would do. A non-empty `-wal`
 * holds committed pages the main file lacks: refused, rather than reading an old state and overwriting the new one.
 */
function readForSqlJs(path) {
    const wal = `${path}-wal`;
    if ((0,external_node_fs_.existsSync)(wal) && (0,external_node_fs_.statSync)(wal).size > 0) {
        throw new Error(`${wal} holds commits of the page-writing engine (node:sqlite) that sql.js cannot read: stop the process that has the store open, or open it with Node >= 22.13`);
    }
    const bytes = (0,external_node_fs_.readFileSync)(path);
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
        bytes[18] = 1;
        bytes[19] = 1;
    }
    return bytes;
}
/** Opens (or creates) the SQLite file with sql.js; without a path, an in-memory database. */
async function openSqlJs(path) {
    const SQL = await loadSqlJs();
    let db;
    try {
        if (path)
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
        db = path && (0,external_node_fs_.existsSync)(path) ? new SQL.Database(readForSqlJs(path)) : new SQL.Database();
        db.exec('PRAGMA foreign_keys = ON');
        db.exec('SELECT count(*) FROM sqlite_master');
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`cannot open the SQLite store ${path ?? ':memory:'}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return new SqliteDb(path ?? ':memory:', SQL, db, path);
}

;// CONCATENATED MODULE: ./src/store/sqlite.ts
/**
 * The store's SQLite: one SQL dialect, one file format and the same migrations on two engines.
 * - Node >= 22.13 (24 recommended; the Action and the container image run 24): `node:sqlite`, which writes pages
 *   (WAL, synchronous=FULL, busy waits), ./sqlite-node.ts.
 * - An older Node (the scanning CLI still supports 20.18): sql.js, which rewrites the whole file on every commit,
 *   ./sqlite-sql-js.ts, with one warning line per process saying so.
 * A file written by either opens with the other (sql.js refuses only a file whose `-wal` still holds commits).
 */


/** The engine `openSqlite` picks on this Node. */
function defaultSqliteEngine() {
    return loadNodeSqlite() ? 'node:sqlite' : 'sql.js';
}
const SQL_JS_FALLBACK_WARNING = `Node ${process.version} has no node:sqlite, so the SQLite store runs on sql.js, which rewrites the whole database file on every commit; ` +
    'Node >= 22.13 (24 recommended) is needed for the page-writing engine';
let warned = false;
/** Opens (or creates) the SQLite file; without a path, an in-memory database. */
async function openSqlite(path, options = {}) {
    const engine = options.engine ?? defaultSqliteEngine();
    if (engine === 'node:sqlite')
        return openNodeSqlite(path);
    if (path && !options.engine && !warned && options.logger) {
        warned = true;
        options.logger.warning(SQL_JS_FALLBACK_WARNING);
    }
    return openSqlJs(path);
}

;// CONCATENATED MODULE: ./src/store/open.ts
/** Opens the store's database (SQLite file by default, PostgreSQL for a postgres:// URL) and its file directory. */






async function openDatabase(location) {
    const url = location.database ?? (0,external_node_path_.join)(location.dataDir, 'store.sqlite');
    const db = /^postgres(ql)?:\/\//.test(url) ? await openPostgres(url) : await openSqlite((0,external_node_path_.resolve)(url), location.logger ? { logger: location.logger } : {});
    try {
        await migrate(db);
    }
    catch (error) {
        await db.close();
        throw error;
    }
    return db;
}
async function openStore(location) {
    const db = await openDatabase(location);
    const files = location.filesDir?.startsWith('s3://')
        ? new S3FileStore(parseS3Url(location.filesDir), location.s3)
        : new DirectoryFileStore(location.filesDir ?? (0,external_node_path_.join)(location.dataDir, 'files'));
    return { db, files };
}

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
// EXTERNAL MODULE: ./node_modules/@fastify/multipart/index.js
var multipart = __webpack_require__(99138);
var multipart_default = /*#__PURE__*/__webpack_require__.n(multipart);
// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
// EXTERNAL MODULE: ./src/publish/compliance.ts
var compliance = __webpack_require__(65348);
// EXTERNAL MODULE: ./src/output/format.ts
var format = __webpack_require__(77550);
;// CONCATENATED MODULE: ./src/store/web-html.ts
/** What every page of the store shares: escaping, the style sheet, the frame (title, navigation, logout). */
/** Escapes text for HTML element content and quoted attribute values. */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The Content-Security-Policy of every page: no script at all, styles only from the page's own <style>. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const STYLE = `body{font:14px system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{display:flex;align-items:center;gap:1em;padding:.6em 2em;background:#24292f;color:#fff}header a{color:#fff;text-decoration:none;font-weight:600}
header form{margin-left:auto}main{padding:1em 2em;max-width:1400px}
h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.2em;margin:1.4em 0 .5em}
table{border-collapse:collapse;background:#fff;margin-bottom:1em}td,th{border:1px solid #d1d9e0;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f0f2f4}
.n{text-align:right}.digest,code{font-family:ui-monospace,monospace;font-size:92%}
.d-STOP,.c-fail{color:#b00;font-weight:bold}.d-WARN{color:#9a5b00;font-weight:bold}.d-GO,.c-pass{color:#070;font-weight:bold}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:.5em 0}.card{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.6em}.error{color:#b00;font-weight:600}.muted{color:#59636e}
form.filter input{width:22em}dl.meta{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
svg.chart{background:#fff;border:1px solid #d1d9e0;max-width:100%;height:auto}svg .grid{stroke:#e5e7ea}svg .axis{stroke:#59636e}svg .tick{font-size:11px;fill:#59636e}
svg .line{stroke-width:2}svg .s-total{stroke:#0969da}svg .s-critical{stroke:#8b0000}svg .s-high{stroke:#d1242f;stroke-dasharray:4 3}
svg circle.d-STOP,svg rect.d-STOP{fill:#cf222e}svg circle.d-WARN,svg rect.d-WARN{fill:#bf8700}svg circle.d-GO,svg rect.d-GO{fill:#1a7f37}svg circle{stroke:#fff;stroke-width:1.5}
.diff-add{color:#b00}.diff-del{color:#070}td.diff{min-width:18em}td.when{white-space:nowrap}td.policy{overflow-wrap:anywhere;max-width:14em}`;
function web_html_frame(o, body) {
    const logout = o.loggedIn ? `<form method="post" action="/logout"><button type="submit">Log out</button></form>` : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(o.title)}</title>
<style>${STYLE}</style></head>
<body><header><a href="/">Portcullis store</a>${logout}</header>
<main>
${body}
</main></body></html>
`;
}

;// CONCATENATED MODULE: ./src/store/web-chart.ts
/**
 * The image page's history chart: inline SVG made on the server (no script, no library). One point per evaluation,
 * oldest on the left: its findings count (a line per severity that has any, and the total) and its decision (the
 * point's colour and a band along the bottom). The SVG names itself (`<title>`, `<desc>`) and points at the table
 * that holds the same numbers, for readers that cannot see it.
 */

const SERIES = [
    { key: 'total', label: 'All findings', cls: 's-total' },
    { key: 'Critical', label: 'Critical', cls: 's-critical' },
    { key: 'High', label: 'High', cls: 's-high' },
];
const W = 760;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 58 };
function total(f) {
    return Object.values(f).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}
/** A round upper bound for the y axis (1, 2, 5, 10, 20, 50 …), at least 1. */
function niceMax(n) {
    if (n <= 1)
        return 1;
    const p = 10 ** Math.floor(Math.log10(n));
    for (const m of [1, 2, 5, 10])
        if (m * p >= n)
            return m * p;
    return 10 * p;
}
/** `points` oldest first. `tableId`: the table with the same data (aria-describedby). */
function renderHistoryChart(points, tableId) {
    const values = points.map((p) => ({ ...p.findings, total: total(p.findings) }));
    const max = niceMax(Math.max(0, ...values.map((v) => v.total ?? 0)));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const x = (i) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
    const y = (v) => PAD.top + plotH - (v / max) * plotH;
    const fmt = (n) => n.toFixed(1);
    const ticks = [0, max / 2, max].filter((t, i, a) => Number.isInteger(t) && a.indexOf(t) === i);
    const grid = ticks
        .map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/><text class="tick" x="${PAD.left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${t}</text>`)
        .join('');
    const shown = SERIES.filter((s) => s.key === 'total' || values.some((v) => (v[s.key] ?? 0) > 0));
    const lines = shown
        .map((s) => (points.length > 1 ? `<polyline class="line ${s.cls}" fill="none" points="${values.map((v, i) => `${fmt(x(i))},${fmt(y(v[s.key] ?? 0))}`).join(' ')}"/>` : ''))
        .join('');
    const band = points
        .map((p, i) => {
        const half = points.length <= 1 ? plotW / 2 : plotW / (points.length - 1) / 2;
        const x0 = Math.max(PAD.left, x(i) - half);
        const x1 = Math.min(W - PAD.right, x(i) + half);
        return `<rect class="band d-${esc(p.decision)}" x="${fmt(x0)}" y="${H - PAD.bottom + 8}" width="${fmt(x1 - x0)}" height="8"/>`;
    })
        .join('');
    const dots = points
        .map((p, i) => {
        const v = values[i];
        const label = `${p.at}: ${p.decision} (${p.reason}), ${v.total} findings`;
        return `<circle class="point d-${esc(p.decision)}" cx="${fmt(x(i))}" cy="${fmt(y(v.total ?? 0))}" r="5" data-decision="${esc(p.decision)}" data-total="${v.total}"><title>${esc(label)}</title></circle>`;
    })
        .join('');
    // At most about eight time labels, always the first and the last.
    const every = Math.max(1, Math.ceil(points.length / 8));
    const labels = points
        .map((p, i) => (i % every === 0 || i === points.length - 1 ? `<text class="tick" x="${fmt(x(i))}" y="${H - PAD.bottom + 32}" text-anchor="${points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle'}">${esc(p.at.slice(5, 16).replace('T', ' '))}</text>` : ''))
        .join('');
    const legend = shown.map((s, i) => `<g transform="translate(${PAD.left + i * 120},${H - 12})"><line class="line ${s.cls}" x1="0" x2="18" y1="-4" y2="-4"/><text class="tick" x="24" y="0">${esc(s.label)}</text></g>`).join('');
    const last = points[points.length - 1];
    const desc = points.length
        ? `${points.length} evaluation${points.length === 1 ? '' : 's'} from ${points[0].at} to ${last.at}; the latest is ${last.decision} with ${total(last.findings)} findings. The same numbers are in the history table.`
        : 'No evaluations.';
    return `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-labelledby="chart-title chart-desc" aria-describedby="${esc(tableId)}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Decision and findings over time</title>
<desc id="chart-desc">${esc(desc)}</desc>
${grid}<line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}"/><line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}"/>
${lines}${band}${dots}${labels}${legend}
</svg>`;
}

;// CONCATENATED MODULE: ./src/store/page.ts
/**
 * The store's web pages, rendered on the server as plain HTML (no script): the portfolio (each image and tag's
 * latest decision, STOPs first, counts by severity, a repository filter), one image's page (its history as a chart
 * and a table, the latest findings with their Dockerfile lines, the policy that decided, the commit and pipeline
 * that pushed it, the reasons and differences of its evaluations, the notifications sent), and the login form.
 * Everything taken from the store is escaped.
 */




/** The image page's address. */
const imageHref = (digest) => `/images/${encodeURIComponent(digest)}`;
/** A stored file of an evaluation, through the page routes (the login cookie is good there). */
const fileHref = (e, kind) => `${imageHref(e.image_digest)}/evaluations/${encodeURIComponent(e.id)}/${kind}`;
/** A runtime compliance check's file (`result_file` or `report_file`), through the page routes too. */
const complianceFileHref = (c, field) => `/compliance/${encodeURIComponent(c.id)}/${encodeURIComponent(field.replace(/_file$/, ''))}`;
const nameOf = (e) => `${e.repository ?? '(untagged)'}${e.tag ? `:${e.tag}` : ''}`;
const page_short = (digest) => `${digest.slice(0, 19)}…`;
const decisionCell = (d) => `<td class="d-${esc(d)}">${esc(d)}</td>`;
function files(e) {
    return [
        `<a href="${esc(fileHref(e, 'report'))}">report</a>`,
        e.files.sbom ? `<a href="${esc(fileHref(e, 'sbom'))}">sbom</a>` : '',
        e.files.sarif ? `<a href="${esc(fileHref(e, 'sarif'))}">sarif</a>` : '',
    ]
        .filter(Boolean)
        .join(' ');
}
function complianceCell(c) {
    if (!c)
        return '—';
    const links = Object.entries(c.compliance_file_ids)
        .map(([k]) => `<a href="${esc(complianceFileHref(c, k))}">${esc(k.replace('_file', ''))}</a>`)
        .join(' ');
    return `<span class="c-${esc(c.result ?? 'none')}">${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</span> ${links}`;
}
function renderPortfolio(data, o) {
    const latestCompliance = new Map();
    for (const c of data.compliance)
        if (!latestCompliance.has(c.image_digest))
            latestCompliance.set(c.image_digest, c);
    const byDecision = { STOP: 0, WARN: 0, GO: 0 };
    const bySeverity = Object.fromEntries(format/* SEVERITIES */.oC.map((s) => [s, 0]));
    for (const e of data.images) {
        byDecision[e.decision] = (byDecision[e.decision] ?? 0) + 1;
        for (const s of format/* SEVERITIES */.oC)
            bySeverity[s] = (bySeverity[s] ?? 0) + (e.counts.findings[s] ?? 0);
    }
    const cards = (id, entries, cls) => `<div class="cards" id="${id}">${entries.map(([k, n]) => `<div class="card" data-key="${esc(k)}"><b class="${cls(k)}">${n}</b>${esc(k)}</div>`).join('')}</div>`;
    const rows = data.images.map((e) => {
        const counts = format/* SEVERITIES */.oC.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('');
        return `<tr data-digest="${esc(e.image_digest)}"><td><a href="${esc(imageHref(e.image_digest))}">${esc(nameOf(e))}</a></td><td class="digest">${esc(page_short(e.image_digest))}</td>${decisionCell(e.decision)}${counts}<td class="when">${esc(e.created_at)}</td><td>${esc(e.reason)}</td><td>${files(e)}</td><td class="compliance">${complianceCell(latestCompliance.get(e.image_digest))}</td></tr>`;
    });
    const shown = new Set(data.images.map((e) => e.image_digest));
    const orphan = data.filter ? [] : [...latestCompliance.values()].filter((c) => !shown.has(c.image_digest));
    const filtered = data.filter ? ` <span class="muted">(${data.images.length} of ${data.total} match “${esc(data.filter)}”; <a href="/">clear</a>)</span>` : '';
    return web_html_frame({ title: 'Portcullis store', loggedIn: o.loggedIn }, `<h1>Images</h1>
<form class="filter" method="get" action="/" role="search"><label for="repository">Repository</label> <input id="repository" name="repository" type="search" value="${esc(data.filter)}" placeholder="registry.example/team/*"> <button type="submit">Filter</button>${filtered}</form>
<h2>By decision</h2>
${cards('by-decision', Object.entries(byDecision), (k) => `d-${esc(k)}`)}
<h2>Findings by severity</h2>
${cards('by-severity', format/* SEVERITIES */.oC.map((s) => [s, bySeverity[s] ?? 0]), () => '')}
<h2>Latest evaluation of each image</h2>
<table id="images"><thead><tr><th>Image</th><th>Digest</th><th>Decision</th>${format/* SEVERITIES */.oC.map((s) => `<th>${s}</th>`).join('')}<th>Evaluated</th><th>Reason</th><th>Files</th><th>Compliance</th></tr></thead>
<tbody>${rows.join('\n') || `<tr><td colspan="${format/* SEVERITIES */.oC.length + 7}">${data.filter ? 'No image matches.' : 'No evaluations yet.'}</td></tr>`}</tbody></table>
${orphan.length ? `<h2>Compliance checks without an evaluation</h2><ul id="orphans">${orphan.map((c) => `<li>${esc(c.image_digest)} ${complianceCell(c)}</li>`).join('')}</ul>` : ''}`);
}
function diffText(d) {
    if (!d)
        return '—';
    const parts = [];
    if (d.decision.before !== d.decision.after)
        parts.push(`decision ${esc(d.decision.before ?? 'none')} → ${esc(d.decision.after)}`);
    // A vulnerability is listed once, however many packages it is in (the count is of packages).
    const list = (xs, max = 8) => {
        const ids = [...new Set(xs.map((x) => x.id))];
        return `${ids.slice(0, max).map(esc).join(', ')}${ids.length > max ? ` and ${ids.length - max} more` : ''}`;
    };
    if (d.vulnerabilities.added.length)
        parts.push(`<span class="diff-add">+${d.vulnerabilities.added.length} vulnerable packages: ${list(d.vulnerabilities.added)}</span>`);
    if (d.vulnerabilities.removed.length)
        parts.push(`<span class="diff-del">−${d.vulnerabilities.removed.length} vulnerable packages: ${list(d.vulnerabilities.removed)}</span>`);
    if (d.triggers.added.length)
        parts.push(`<span class="diff-add">+${d.triggers.added.length} triggers</span>`);
    if (d.triggers.removed.length)
        parts.push(`<span class="diff-del">−${d.triggers.removed.length} triggers</span>`);
    return parts.join('<br>') || 'no change';
}
function page_total(counts) {
    return Object.values(counts).reduce((a, b) => a + b, 0);
}
/**
 * `Dockerfile:14–21 RUN apt-get …` for the layer that brought the finding's package in, when the report mapped it;
 * for a re-evaluation's report (no image, so no layers), through the same package in `placement`, the report of the
 * push that had the image.
 */
function dockerfileCell(report, f, placement) {
    let where = report;
    let location = f.locations[0];
    if (!report.dockerfile && placement?.dockerfile) {
        const pkg = placement.packages.find((p) => p.id === f.packageId) ?? placement.packages.find((p) => p.name === f.packageName && p.version === f.installedVersion && p.type === f.packageType);
        where = placement;
        location = pkg?.locations[0];
    }
    return originCell(where, location);
}
function originCell(report, location) {
    const origin = (0,format/* originOf */.yv)(report, location);
    if (!origin || origin.line === undefined || !report.dockerfile)
        return '<span class="muted">—</span>';
    const lines = origin.endLine && origin.endLine !== origin.line ? `${origin.line}–${origin.endLine}` : String(origin.line);
    const where = `${report.dockerfile.path.split('/').pop() ?? 'Dockerfile'}:${lines}`;
    return `<code class="dockerfile-line">${esc(where)}</code>${origin.instruction ? ` <code class="instruction">${esc(origin.instruction.slice(0, 120))}</code>` : ''}${origin.base ? ' <span class="muted">(base image)</span>' : ''}`;
}
const MAX_FINDINGS = 200;
function findingsTable(report, placement) {
    const sorted = [...report.findings].sort((a, b) => (0,format/* severityRank */.qs)(a.severity) - (0,format/* severityRank */.qs)(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = sorted.slice(0, MAX_FINDINGS).map((f) => {
        const fix = f.fix?.versions?.length ? esc(f.fix.versions.join(', ')) : esc(f.fix?.state ?? 'unknown');
        return `<tr data-id="${esc(f.id)}"><td>${esc(f.id)}</td><td class="sev-${esc(f.severity)}">${esc(f.severity)}</td><td>${esc(f.packageName)} ${esc(f.installedVersion)}</td><td>${fix}</td><td>${esc(f.locations[0]?.path ?? '')}</td><td>${dockerfileCell(report, f, placement?.report)}</td></tr>`;
    });
    const more = sorted.length > MAX_FINDINGS ? `<p class="muted">The ${MAX_FINDINGS} most severe of ${sorted.length} findings; all are in the report.</p>` : '';
    const note = placement ? `<p class="muted" id="placement">Dockerfile lines as mapped by the push of ${esc(placement.evaluation.created_at)} (a re-evaluation reads the SBOM, not the image).</p>` : '';
    return `<table id="findings"><thead><tr><th>Vulnerability</th><th>Severity</th><th>Package</th><th>Fix</th><th>File</th><th>Dockerfile</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="6">No findings.</td></tr>'}</tbody></table>${more}${note}`;
}
function triggersTable(report) {
    const fired = (report.policy?.findings ?? []).filter((t) => t.action !== 'go');
    if (!fired.length)
        return '<p>No STOP or WARN triggers.</p>';
    const rank = (a) => (a === 'stop' ? 0 : 1);
    const rows = [...fired]
        .sort((a, b) => rank(a.action) - rank(b.action))
        .slice(0, MAX_FINDINGS)
        .map((t) => {
        const line = t.location?.line !== undefined ? `<code class="dockerfile-line">${esc(`${(report.dockerfile?.path ?? 'Dockerfile').split('/').pop()}:${t.location.line}`)}</code>` : '';
        return `<tr><td class="d-${esc(t.action.toUpperCase())}">${esc(t.action.toUpperCase())}</td><td>${esc(t.gate)} / ${esc(t.trigger)}</td><td>${esc(t.message.slice(0, 300))}</td><td>${line}</td></tr>`;
    });
    return `<table id="triggers"><thead><tr><th>Action</th><th>Gate / trigger</th><th>Message</th><th>Dockerfile</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
function notificationsTable(list) {
    if (!list.length)
        return '<p id="notifications-none">No notifications were sent for this image.</p>';
    const rows = list.map((n) => `<tr data-event="${esc(n.event)}"><td>${esc(n.created_at)}</td><td>${esc(n.event)}</td><td class="digest">${esc(n.subscription_id.slice(0, 8))}</td><td>${esc(n.state)}</td><td class="n">${n.attempts}</td><td>${esc(n.delivered_at ?? '')}</td><td>${esc(n.last_error ?? '')}</td><td><a href="#ev-${esc(n.evaluation_id ?? '')}">evaluation</a></td></tr>`);
    return `<table id="notifications"><thead><tr><th>Queued</th><th>Event</th><th>Subscription</th><th>State</th><th>Attempts</th><th>Delivered</th><th>Last error</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
function renderImagePage(data, o) {
    const latest = data.evaluations[0];
    const oldestFirst = [...data.evaluations].reverse();
    const chart = renderHistoryChart(oldestFirst.map((e) => ({ at: e.created_at, decision: e.decision, reason: e.reason, findings: e.counts.findings })), 'history');
    const pushed = data.evaluations.find((e) => e.commit || e.pipeline_run);
    const tags = [...new Set(data.evaluations.filter((e) => e.repository).map(nameOf))];
    const report = data.report;
    const policyName = latest.policy_name ?? (report?.policy?.bundle_name ? `${report.policy.bundle_name} (the pipeline's bundle)` : "the pipeline's bundle");
    const history = data.evaluations.map((e) => `<tr id="ev-${esc(e.id)}" data-reason="${esc(e.reason)}"><td class="when">${esc(e.created_at)}</td><td>${esc(e.reason)}</td>${decisionCell(e.decision)}${format/* SEVERITIES */.oC.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('')}<td class="n">${page_total(e.counts.findings)}</td><td class="policy"${e.bundle_id ? ` title="bundle ${esc(e.bundle_id)}"` : ''}>${esc(e.policy_name ?? (e.bundle_id ? `bundle ${e.bundle_id.slice(0, 8)}` : ''))}</td><td>${esc(e.commit?.slice(0, 12) ?? '')}</td><td>${esc(e.pipeline_run ?? '')}</td><td class="diff">${diffText(e.diff)}</td><td>${files(e)}</td></tr>`);
    const body = `<h1>${esc(tags[0] ?? '(untagged)')} <span class="decision d-${esc(latest.decision)}" id="decision">${esc(latest.decision)}</span></h1>
<dl class="meta" id="meta">
<dt>Digest</dt><dd class="digest">${esc(data.digest)}</dd>
${tags.length > 1 ? `<dt>Tags</dt><dd>${tags.map(esc).join(', ')}</dd>` : ''}
<dt>Latest evaluation</dt><dd>${esc(latest.created_at)} (${esc(latest.reason)})</dd>
<dt>Policy</dt><dd id="policy">${esc(policyName)}</dd>
<dt>Bundle</dt><dd id="bundle">${esc(latest.bundle_id ?? report?.policy?.bundle_id ?? '—')}${latest.bundle_digest ? ` <code>${esc(latest.bundle_digest)}</code>` : ''}</dd>
<dt>Commit</dt><dd id="commit"><code>${esc(pushed?.commit ?? '—')}</code></dd>
<dt>Pipeline</dt><dd id="pipeline">${esc(pushed?.pipeline_run ?? '—')}</dd>
</dl>
<h2>History</h2>
${chart}
<table id="history"><caption class="muted">Each evaluation, newest first: the numbers the chart draws, and what changed.</caption><thead><tr><th>Evaluated</th><th>Reason</th><th>Decision</th>${format/* SEVERITIES */.oC.map((s) => `<th>${s}</th>`).join('')}<th>Total</th><th>Policy</th><th>Commit</th><th>Pipeline</th><th>Difference</th><th>Files</th></tr></thead>
<tbody>${history.join('\n')}</tbody></table>
<h2>Latest findings</h2>
${report ? findingsTable(report, data.placement) : '<p class="error">The latest report could not be read.</p>'}
<h2>Policy triggers</h2>
${report ? triggersTable(report) : ''}
<h2>Notifications</h2>
${notificationsTable(data.notifications)}`;
    return web_html_frame({ title: `${tags[0] ?? page_short(data.digest)}: Portcullis store`, loggedIn: o.loggedIn }, body);
}
function renderLogin(o) {
    return web_html_frame({ title: 'Log in: Portcullis store', loggedIn: false }, `<h1>Log in</h1>
<p>Give a store token with the <code>read</code> scope (<code>portcullis serve token create --scope read</code>). It is kept in a cookie for this site only.</p>
${o.error ? `<p class="error" id="login-error" role="alert">${esc(o.error)}</p>` : ''}
<form method="post" action="/login"><label for="token">Read token</label> <input id="token" name="token" type="password" autocomplete="off" required size="50">
<input type="hidden" name="next" value="${esc(o.next ?? '/')}"> <button type="submit">Log in</button></form>`);
}
function renderNotFound(message, o) {
    return web_html_frame({ title: 'Not found: Portcullis store', loggedIn: o.loggedIn }, `<h1>Not found</h1><p>${esc(message)}</p><p><a href="/">All images</a></p>`);
}

// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
;// CONCATENATED MODULE: ./src/store/web-data.ts
/** What the store's pages show, read from the store: the portfolio (latest per image and tag) and one image's history. */

const DECISION_RANK = { STOP: 0, WARN: 1, GO: 2 };
/** STOP first, then WARN, then GO; within one decision the newest first. */
function portfolioOrder(a, b) {
    const d = (DECISION_RANK[a.decision] ?? 3) - (DECISION_RANK[b.decision] ?? 3);
    if (d)
        return d;
    return a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1;
}
/**
 * A repository filter as the form gives it: a glob (`*` any run of characters, as the policy's mappings), matched
 * against the whole repository name (`registry.example/team/*`); a text without `*` matches as a substring.
 */
function repositoryMatches(filter, repository, digest) {
    const name = repository ?? digest;
    const f = filter.trim();
    if (!f)
        return true;
    if (f.includes('*'))
        return (0,match/* matchesPattern */.MT)(f.replace(/^regexp:/, ''), name);
    return name.includes(f);
}
/** `scope`: the reader's token's repositories (server.ts repositoryScopeOf); only those images are shown. */
async function loadPortfolio(repo, filter, scope) {
    const latest = await repo.latestEvaluations(scope);
    const images = latest.filter((e) => repositoryMatches(filter, e.repository, e.image_digest)).sort(portfolioOrder);
    const compliance = await repo.listCompliance({ limit: 1000, ...scope });
    return { images, total: latest.length, compliance, filter };
}
/** The notifications the outbox holds for these evaluations, newest first (read only). */
async function notificationsFor(db, evaluationIds) {
    const out = [];
    for (let i = 0; i < evaluationIds.length; i += 200) {
        const ids = evaluationIds.slice(i, i + 200);
        const rows = await db.query(`SELECT id, subscription_id, event, evaluation_id, state, attempts, last_error, created_at, delivered_at FROM notifications
       WHERE evaluation_id IN (${ids.map((_, j) => `$${j + 1}`).join(', ')})`, ids);
        for (const r of rows) {
            out.push({
                id: String(r.id),
                subscription_id: String(r.subscription_id),
                event: String(r.event),
                evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null,
                state: String(r.state),
                attempts: Number(r.attempts),
                last_error: r.last_error ? String(r.last_error) : null,
                created_at: String(r.created_at),
                delivered_at: r.delivered_at ? String(r.delivered_at) : null,
            });
        }
    }
    return out.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
}
/** One image's page data; undefined when the store has no evaluation of it the reader's token may see. */
async function loadImage(repo, digest, scope) {
    const evaluations = await repo.listEvaluations({ image_digest: digest, limit: 1000, ...scope });
    const latest = evaluations[0];
    if (!latest)
        return undefined;
    const report = await readReport(repo, latest);
    let placement;
    if (report && !report.dockerfile) {
        for (const e of evaluations.slice(1)) {
            if (e.reason !== 'push' && e.reason !== 'watch')
                continue;
            const r = await readReport(repo, e);
            if (r?.dockerfile)
                placement = { report: r, evaluation: e };
            break;
        }
    }
    return { digest, evaluations, report, notifications: await notificationsFor(repo.db, evaluations.map((e) => e.id)), ...(placement ? { placement } : {}) };
}
async function readReport(repo, e) {
    try {
        const data = await repo.readFile(e.files.report);
        const parsed = data ? JSON.parse(data.toString('utf8')) : undefined;
        return parsed && Array.isArray(parsed.findings) && Array.isArray(parsed.packages) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/store/web-auth.ts
/**
 * Reading the store's pages without `--open-read`: a login form takes a read token, checks it, and keeps it in a
 * cookie (`portcullis_read`: HttpOnly, SameSite=Strict, Path=/, 8 hours; Secure when the request came over HTTPS,
 * directly or through a reverse proxy that says so with `X-Forwarded-Proto: https`).
 *
 * The cookie is a credential only for GET (and HEAD) of the page routes: their guard turns it into the bearer
 * header and hands the request to the server's own token check (`needs('read')` in server.ts), so whatever that
 * check enforces (scopes, revocation, repository scoping) applies to the pages as to the API. No route that changes
 * state reads the cookie: the API reads only the Authorization header, login takes the token from its form body,
 * and logout only clears the cookie. Login and logout refuse a cross-site form (Origin or Sec-Fetch-Site).
 */
const SESSION_COOKIE = 'portcullis_read';
const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** A token as the login form may give it: printable, no separators a cookie or header would split on. */
const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{1,512}$/;
/** The requests a page guard let in with the cookie (they get a logout button). */
const COOKIE_REQUESTS = new WeakSet();
/** The requests of the page routes (their 401/403 answers become the login page). */
const PAGE_REQUESTS = new WeakSet();
function isTokenText(token) {
    return TOKEN_RE.test(token);
}
/** The value of one cookie of the request, or undefined. */
function readCookie(header, name) {
    if (!header)
        return undefined;
    for (const part of header.split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0)
            continue;
        if (part.slice(0, eq).trim() !== name)
            continue;
        let v = part.slice(eq + 1).trim();
        if (v.startsWith('"') && v.endsWith('"') && v.length >= 2)
            v = v.slice(1, -1);
        return v;
    }
    return undefined;
}
/** The session token the cookie holds, when it looks like a token. */
function sessionToken(req) {
    const v = readCookie(req.headers.cookie, SESSION_COOKIE);
    return v !== undefined && isTokenText(v) ? v : undefined;
}
/** HTTPS: a TLS socket, or a reverse proxy's `X-Forwarded-Proto: https` (its first value). */
function isHttps(req) {
    if (req.raw.socket.encrypted)
        return true;
    const h = req.headers['x-forwarded-proto'];
    const first = (Array.isArray(h) ? h[0] : h)?.split(',')[0]?.trim().toLowerCase();
    return first === 'https';
}
function sessionCookie(token, secure) {
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure ? '; Secure' : ''}`;
}
function clearedCookie(secure) {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
/** A same-site form post: no Origin (an older client) or the store's own, and not a cross-site fetch. */
function isSameOrigin(req) {
    // A browser says where the form came from (Fetch Metadata); older ones only send Origin.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined)
        return site === 'same-origin' || site === 'none';
    const origin = req.headers.origin;
    if (origin === undefined)
        return true;
    try {
        return new URL(origin).host === req.headers.host;
    }
    catch {
        return false; // "null" and other opaque origins
    }
}
/** Where to go after login: a path of this site only (never `//host` or a scheme). */
function safeNext(next) {
    if (typeof next !== 'string' || next.length > 2000)
        return '/';
    return /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}
/** True when the guard let this request in with the login cookie. */
function cameWithCookie(req) {
    return COOKIE_REQUESTS.has(req);
}
function isPageRequest(req) {
    return PAGE_REQUESTS.has(req);
}
/**
 * The guard of a page route (GET only). A request with its own Authorization header goes to `readCheck` as it is;
 * one with the cookie goes with the cookie's token as its bearer header; a browser's with neither (it accepts
 * text/html) is sent to the login form, unless reads are open; any other goes to `readCheck` (a 401).
 */
function pageGuard(readCheck, openRead) {
    return async (req, reply) => {
        PAGE_REQUESTS.add(req);
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            void reply.status(405).send({ code: 405, message: 'the pages are read with GET' });
            return reply;
        }
        if (req.headers.authorization === undefined) {
            const token = sessionToken(req);
            if (token) {
                req.headers.authorization = `Bearer ${token}`;
                COOKIE_REQUESTS.add(req);
            }
            else if (!openRead && /\btext\/html\b/.test(req.headers.accept ?? '')) {
                // A browser goes to the form; any other client gets the server's 401 (as the login page).
                void reply.redirect(`/login?next=${encodeURIComponent(safeNext(req.url))}`, 303);
                return reply;
            }
        }
        return readCheck(req, reply);
    };
}

// EXTERNAL MODULE: ./src/policy/params.ts
var params = __webpack_require__(76734);
;// CONCATENATED MODULE: ./src/store/tokens.ts
/**
 * Bearer tokens with scopes (`push`, `read`, `admin`: policies, subscriptions, refreshes), and optionally repository
 * globs: a token with globs pushes and reads only images whose repository matches one (an image with no repository
 * is visible to unscoped tokens only). Globs are the subscription filter's (`*` matches anything, `/` included;
 * `regexp:` gives a regex). Admin tokens are never scoped. Only a SHA-256 of each token is stored; the token is
 * shown once.
 */




const SCOPES = ['push', 'read', 'admin'];
const PREFIX = 'pcs_';
function hashToken(token) {
    return (0,external_node_crypto_.createHash)('sha256').update(token).digest('hex');
}
function parseScopes(text) {
    const scopes = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (scopes.length === 0)
        throw new common_errors/* ConfigurationError */.j1(`give at least one scope (${SCOPES.join(', ')})`);
    for (const s of scopes) {
        if (!SCOPES.includes(s))
            throw new common_errors/* ConfigurationError */.j1(`unknown scope "${s}"; known: ${SCOPES.join(', ')}`);
    }
    return [...new Set(scopes)];
}
/** `--repository` values (each one glob or a comma-separated list), checked; [] when none is given. */
function parseRepositoryGlobs(values) {
    const globs = values.flatMap((v) => v.split(',')).map((g) => g.trim());
    for (const g of globs) {
        if (!g)
            throw new common_errors/* ConfigurationError */.j1('--repository has an empty glob');
        if (g.length > 512 || [...g].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c)))
            throw new common_errors/* ConfigurationError */.j1(`--repository "${g.slice(0, 100)}" must be a glob of at most 512 printable characters without spaces`);
        if (g.startsWith('regexp:')) {
            try {
                (0,params/* compileRegex */.DL)(g.slice('regexp:'.length), { anchor: 'start' });
            }
            catch (error) {
                throw new common_errors/* ConfigurationError */.j1(`--repository "${g.slice(0, 100)}" is not a valid regular expression: ${error.message}`);
            }
        }
    }
    return [...new Set(globs)];
}
/** Admin tokens are never limited to repositories. */
function checkTokenAccess(scopes, repositories) {
    if (repositories.length && scopes.includes('admin'))
        throw new common_errors/* ConfigurationError */.j1('--repository cannot be given with --scope admin: admin tokens are never limited to repositories');
}
/** May a token with these globs see or push an image of this repository? (No globs: yes; no repository: only then.) */
function repositoryAllowed(globs, repository) {
    if (globs.length === 0)
        return true;
    if (!repository)
        return false;
    return globs.some((g) => (0,match/* matchesPattern */.MT)(g, repository));
}
async function createToken(db, name, scopes, repositories = []) {
    checkTokenAccess(scopes, repositories);
    const token = `${PREFIX}${(0,external_node_crypto_.randomBytes)(32).toString('base64url')}`;
    const info = { id: (0,external_node_crypto_.randomUUID)(), name, scopes, repositories: [...repositories], created_at: new Date().toISOString(), revoked_at: null };
    await db.query('INSERT INTO tokens (id, hash, name, scopes, repositories, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        info.id,
        hashToken(token),
        name,
        scopes.join(','),
        repositories.length ? JSON.stringify(repositories) : null,
        info.created_at,
    ]);
    return { token, info };
}
/** Revokes by id or by name; returns how many were revoked. */
async function revokeToken(db, idOrName) {
    const rows = await db.query('SELECT id FROM tokens WHERE (id = $1 OR name = $1) AND revoked_at IS NULL', [idOrName]);
    for (const r of rows)
        await db.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [new Date().toISOString(), r.id]);
    return rows.length;
}
function globsOf(text) {
    return text ? JSON.parse(text) : [];
}
async function listTokens(db) {
    const rows = await db.query('SELECT id, name, scopes, repositories, created_at, revoked_at FROM tokens ORDER BY created_at, id');
    return rows.map((r) => ({ ...r, scopes: r.scopes.split(','), repositories: globsOf(r.repositories) }));
}
/** The scopes and repository globs of a live token, or undefined for an unknown or revoked one. */
async function accessOf(db, token) {
    const rows = await db.query('SELECT scopes, repositories FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
    return rows[0] ? { scopes: rows[0].scopes.split(','), repositories: globsOf(rows[0].repositories) } : undefined;
}
/** The scopes of a live token, or undefined for an unknown or revoked one. */
async function scopesOf(db, token) {
    return (await accessOf(db, token))?.scopes;
}

;// CONCATENATED MODULE: ./src/store/web-routes.ts
/**
 * The store's web pages as routes, in their own Fastify scope (the form parser and the headers stay here):
 * `GET /` the portfolio (`?repository=GLOB`), `GET /images/{digest}` one image, `GET /images/{digest}/evaluations/{id}/{report|sbom|sarif}`
 * its files, `GET /compliance/{id}/{result|report}` a runtime compliance check's files, `GET|POST /login`,
 * `POST /logout`. A file outside the reader's repositories is the same 404 as an unknown one. Every page answer carries a Content-Security-Policy without any
 * script source, `nosniff`, no framing, no referrer to other sites and no caching. Auth: web-auth.ts.
 */






const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function html(reply, body, status = 200) {
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').send(body);
}
function safeFileName(name) {
    return (name.split(/[\\/]/).pop() ?? '').replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '').slice(0, 128) || 'file';
}
/** A stored file as a download, shown sandboxed if a browser opens it (an OpenSCAP report is HTML). */
function download(reply, file) {
    return reply
        .header('content-type', file.meta.content_type)
        .header('content-length', String(file.meta.size))
        .header('content-disposition', `attachment; filename="${safeFileName(file.meta.name)}"`)
        .header('content-security-policy', 'sandbox')
        .send(file.stream);
}
/** Registers the pages on `app` (call once, from buildStoreServer). */
async function registerWebPages(app, o) {
    await app.register(async (scope) => {
        const guard = pageGuard(o.readCheck, o.openRead);
        scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
            done(null, Object.fromEntries(new URLSearchParams(String(body))));
        });
        scope.addHook('onSend', async (req, reply, payload) => {
            if (!reply.hasHeader('content-security-policy'))
                void reply.header('content-security-policy', PAGE_CSP);
            void reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'same-origin').header('cache-control', 'no-store');
            // The server's token check answers JSON; a reader of the pages gets the login form, saying why.
            const status = reply.statusCode;
            if (isPageRequest(req) && (status === 401 || status === 403) && String(reply.getHeader('content-type') ?? '').includes('json')) {
                let message = status === 401 ? 'Log in with a read token.' : 'This token may not read this page.';
                try {
                    message = JSON.parse(String(payload)).message ?? message;
                }
                catch {
                    // keep the default
                }
                if (status === 401 && cameWithCookie(req))
                    void reply.header('set-cookie', clearedCookie(isHttps(req)));
                void reply.header('content-type', 'text/html; charset=utf-8');
                return renderLogin({ error: cameWithCookie(req) ? `Your session's token was refused: ${message}` : message, next: safeNext(req.url) });
            }
            return payload;
        });
        scope.get('/', { onRequest: guard }, async (req, reply) => {
            const q = req.query;
            const filter = typeof q.repository === 'string' ? q.repository.slice(0, 256) : '';
            return html(reply, renderPortfolio(await loadPortfolio(o.repo, filter, o.scopeOf(req)), { loggedIn: cameWithCookie(req) }));
        });
        scope.get('/images/:digest', { onRequest: guard }, async (req, reply) => {
            const { digest } = req.params;
            const page = { loggedIn: cameWithCookie(req) };
            if (!compliance/* DIGEST_RE */.Vt.test(digest))
                return html(reply, renderNotFound(`"${digest.slice(0, 100)}" is not an image digest.`, page), 404);
            const data = await loadImage(o.repo, digest, o.scopeOf(req));
            if (!data)
                return html(reply, renderNotFound(`The store has no evaluation of ${digest}.`, page), 404);
            return html(reply, renderImagePage(data, page));
        });
        scope.get('/images/:digest/evaluations/:id/:kind', { onRequest: guard }, async (req, reply) => {
            const { digest, id, kind } = req.params;
            const rec = UUID_RE.test(id) ? await o.repo.getEvaluation(id, o.scopeOf(req)) : undefined;
            const fileId = rec && rec.image_digest === digest && (kind === 'report' || kind === 'sbom' || kind === 'sarif') ? rec.files[kind] : null;
            const file = fileId ? await o.repo.getFile(fileId) : undefined;
            if (!file)
                return html(reply, renderNotFound('No such file.', { loggedIn: cameWithCookie(req) }), 404);
            return download(reply, file);
        });
        scope.get('/compliance/:id/:kind', { onRequest: guard }, async (req, reply) => {
            const { id, kind } = req.params;
            // The check as the reader's token sees it: one outside its repositories is not there.
            const check = UUID_RE.test(id) && (kind === 'result' || kind === 'report') ? await o.repo.getVisibleCompliance(id, o.scopeOf(req)) : undefined;
            const fileId = check?.compliance_file_ids[`${kind}_file`];
            const file = fileId ? await o.repo.getFile(fileId) : undefined;
            if (!file)
                return html(reply, renderNotFound('No such file.', { loggedIn: cameWithCookie(req) }), 404);
            return download(reply, file);
        });
        scope.get('/login', async (req, reply) => {
            const q = req.query;
            return html(reply, renderLogin({ next: safeNext(q.next) }));
        });
        scope.post('/login', async (req, reply) => {
            if (!isSameOrigin(req))
                return html(reply, renderLogin({ error: 'A login from another site is refused.' }), 403);
            const body = (req.body && typeof req.body === 'object' ? req.body : {});
            const next = safeNext(body.next);
            const token = typeof body.token === 'string' ? body.token.trim() : '';
            if (!token)
                return html(reply, renderLogin({ error: 'Give a read token.', next }), 400);
            // The same check as the API's: a live token with the read scope.
            const scopes = isTokenText(token) ? await scopesOf(o.db, token) : undefined;
            if (!scopes)
                return html(reply, renderLogin({ error: 'Unknown or revoked token.', next }), 401);
            if (!scopes.includes('read'))
                return html(reply, renderLogin({ error: 'This token lacks the "read" scope.', next }), 403);
            return reply.header('set-cookie', sessionCookie(token, isHttps(req))).redirect(next, 303);
        });
        scope.post('/logout', async (req, reply) => {
            if (!isSameOrigin(req))
                return html(reply, renderLogin({ error: 'A logout from another site is refused.' }), 403);
            return reply.header('set-cookie', clearedCookie(isHttps(req))).redirect('/login', 303);
        });
    });
}

;// CONCATENATED MODULE: ./src/store/evaluation-diff.ts
/**
 * What an evaluation found, reduced to what a difference needs (the vulnerabilities by id and package, the fired
 * triggers), and the difference between two evaluations: what a re-evaluation record and a notification carry.
 */
const REASONS = (/* unused pure expression or super */ null && (['push', 'data_update', 'policy_change', 'watch']));
const evaluation_diff_text = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** The summary of a Portcullis ScanReport (already shape-checked by summariseReport). */
function summariseFindings(report) {
    const r = (report ?? {});
    const vulns = new Map();
    for (const f of Array.isArray(r.findings) ? r.findings : []) {
        const v = {
            id: evaluation_diff_text(f?.id),
            aliases: Array.isArray(f?.aliases) ? f.aliases.filter((a) => typeof a === 'string') : [],
            package: `${evaluation_diff_text(f?.packageName)}@${evaluation_diff_text(f?.installedVersion)}`,
            ...(typeof f?.severity === 'string' ? { severity: f.severity } : {}),
        };
        vulns.set(vulnKey(v), v);
    }
    const triggers = new Map();
    for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
        const key = `${evaluation_diff_text(f?.gate)}/${evaluation_diff_text(f?.trigger)}/${evaluation_diff_text(f?.trigger_id)}`;
        triggers.set(key, {
            key,
            action: evaluation_diff_text(f?.action),
            ...(typeof f?.message === 'string' ? { message: f.message.slice(0, 500) } : {}),
            ...(f?.carried_over && typeof f.carried_over === 'object' ? { carried_over: true } : {}),
        });
    }
    return { vulnerabilities: [...vulns.values()].sort(byKey(vulnKey)), triggers: [...triggers.values()].sort(byKey((t) => t.key)) };
}
function vulnKey(v) {
    return `${v.id}\u0000${v.package}`;
}
function byKey(key) {
    return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
function minus(a, b, key) {
    const have = new Set(b.map(key));
    return a.filter((x) => !have.has(key(x)));
}
/** The difference from `before` (none: the first evaluation, everything is added) to `after`. */
function diffEvaluations(before, after) {
    const b = before?.summary ?? { vulnerabilities: [], triggers: [] };
    // A trigger whose action changed (an allowlist, a new rule action) counts as removed and added. A carried-over
    // trigger (carry-over.ts) keeps its key and action, so it is neither removed nor added.
    const triggerKey = (t) => `${t.key}\u0000${t.action}`;
    return {
        decision: { before: before?.decision ?? null, after: after.decision },
        vulnerabilities: { added: minus(after.summary.vulnerabilities, b.vulnerabilities, vulnKey), removed: minus(b.vulnerabilities, after.summary.vulnerabilities, vulnKey) },
        triggers: { added: minus(after.summary.triggers, b.triggers, triggerKey), removed: minus(b.triggers, after.summary.triggers, triggerKey) },
    };
}
function diffIsEmpty(d) {
    return d.decision.before === d.decision.after && !d.vulnerabilities.added.length && !d.vulnerabilities.removed.length && !d.triggers.added.length && !d.triggers.removed.length;
}

;// CONCATENATED MODULE: ./src/store/repo.ts
/** The store's records: runtime-compliance checks and evaluations, over any SqlDb and FileStore. */



const COMPLIANCE_COLUMNS = 'id, check_type, image_digest, result, pod, namespace, image_tag, start_time, end_time, result_file_id, report_file_id, created_at';
const EVALUATION_COLUMNS = 'id, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts, report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, previous_id, diff';
function str(v) {
    return v === null || v === undefined ? undefined : String(v);
}
function toCompliance(r) {
    const ids = {};
    if (r.result_file_id)
        ids.result_file = String(r.result_file_id);
    if (r.report_file_id)
        ids.report_file = String(r.report_file_id);
    const out = {
        id: String(r.id),
        check_type: String(r.check_type),
        image_digest: String(r.image_digest),
        compliance_file_ids: ids,
        created_at: String(r.created_at),
    };
    for (const k of ['result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time']) {
        const v = str(r[k]);
        if (v !== undefined)
            out[k] = v;
    }
    return out;
}
function toEvaluation(r) {
    return {
        id: String(r.id),
        image_digest: String(r.image_digest),
        repository: str(r.repository) ?? null,
        tag: str(r.tag) ?? null,
        commit: str(r.commit_sha) ?? null,
        pipeline_run: str(r.pipeline_run) ?? null,
        decision: String(r.decision),
        counts: JSON.parse(String(r.counts)),
        files: { report: String(r.report_file_id), sbom: str(r.sbom_file_id) ?? null, sarif: str(r.sarif_file_id) ?? null },
        created_at: String(r.created_at),
        reason: (str(r.reason) ?? 'push'),
        policy_name: str(r.policy_name) ?? null,
        bundle_id: str(r.bundle_id) ?? null,
        bundle_digest: str(r.bundle_digest) ?? null,
        previous_id: str(r.previous_id) ?? null,
        diff: r.diff ? JSON.parse(String(r.diff)) : null,
    };
}
/** A timestamp that sorts as text: always UTC with milliseconds. */
function isoNow() {
    return new Date().toISOString();
}
function normaliseTime(v) {
    return new Date(v).toISOString();
}
/** Splits `registry/repo:tag` at the tag's colon (not a registry port's). */
function splitTag(ref) {
    const at = ref.indexOf('@');
    const noDigest = at >= 0 ? ref.slice(0, at) : ref;
    const colon = noDigest.lastIndexOf(':');
    if (colon > noDigest.lastIndexOf('/'))
        return { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
    return { repository: noDigest };
}
/** The repository a compliance check is about: its image_tag's (none without one). */
function complianceRepository(c) {
    return c.image_tag ? splitTag(c.image_tag).repository : undefined;
}
/** Is this evaluation's image visible to a token with these globs? */
function evaluationVisible(scope, e) {
    return repositoryAllowed(scope.repositories ?? [], e.repository);
}
function complianceVisible(scope, c) {
    return repositoryAllowed(scope.repositories ?? [], complianceRepository(c));
}
/**
 * Runs an ordered query (its last two parameters are LIMIT and OFFSET) page by page until `limit` rows pass `keep`:
 * the globs are matched in JavaScript, by the same matcher as the subscription filters, not translated to SQL.
 */
async function selectKept(db, sql, params, limit, keep) {
    if (!keep)
        return db.query(sql, [...params, limit, 0]);
    const page = Math.max(limit, 500);
    const out = [];
    for (let offset = 0;; offset += page) {
        const rows = await db.query(sql, [...params, page, offset]);
        for (const r of rows) {
            if (keep(r))
                out.push(r);
            if (out.length >= limit)
                return out;
        }
        if (rows.length < page)
            return out;
    }
}
function scoped(scope) {
    return (scope.repositories?.length ?? 0) > 0;
}
class StoreRepo {
    db;
    files;
    #hooks = [];
    constructor(db, files) {
        this.db = db;
        this.files = files;
    }
    /** Runs `hook` in the transaction of every new evaluation (the notification outbox). */
    onEvaluation(hook) {
        this.#hooks.push(hook);
    }
    async readFile(id) {
        const stream = await this.files.get(id);
        if (!stream)
            return undefined;
        const chunks = [];
        for await (const c of stream)
            chunks.push(c);
        return Buffer.concat(chunks);
    }
    /** The stored summary of an evaluation; one stored before summaries existed is summarised from its report. */
    async #summaryOf(q, id) {
        const rows = await q.query('SELECT summary, report_file_id FROM evaluations WHERE id = $1', [id]);
        const r = rows[0];
        if (!r)
            return { vulnerabilities: [], triggers: [] };
        if (r.summary)
            return JSON.parse(r.summary);
        const data = await this.readFile(r.report_file_id);
        try {
            return summariseFindings(data ? JSON.parse(data.toString('utf8')) : undefined);
        }
        catch {
            return { vulnerabilities: [], triggers: [] };
        }
    }
    /** The evaluation a new one of this image is compared with: the image's newest, else its tag's newest. */
    async #previous(q, digest, repository, tag) {
        const same = await q.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE image_digest = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [digest]);
        if (same[0])
            return toEvaluation(same[0]);
        if (!repository)
            return undefined;
        const tagged = await q.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE repository = $1 AND COALESCE(tag, '') = $2 ORDER BY created_at DESC, id DESC LIMIT 1`, [repository, tag ?? '']);
        return tagged[0] ? toEvaluation(tagged[0]) : undefined;
    }
    async #putFile(tx, f, created, stored) {
        const blob = stored ?? (await this.files.put(f.data));
        if (!stored)
            created.push(blob.id);
        await tx.query('INSERT INTO files (id, name, content_type, size, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            blob.id,
            f.name,
            f.contentType,
            blob.size,
            blob.sha256,
            isoNow(),
        ]);
        return blob.id;
    }
    /**
     * Files are written (and fsynced) first, then the rows in one transaction; when the transaction fails or the
     * idempotency key already exists, the new files are removed. Returns the record and whether it already existed.
     */
    async #ingest(insert, existing) {
        const created = [];
        try {
            const record = await this.db.transaction(async (tx) => insert(tx, (f) => this.#putFile(tx, f, created)));
            if (record !== undefined)
                return { record, duplicate: false };
        }
        catch (error) {
            await Promise.all(created.map((id) => this.files.delete(id)));
            // Two concurrent pushes with one key: the loser's unique violation means the winner has it.
            const found = await existing();
            if (found !== undefined)
                return { record: found, duplicate: true };
            throw error;
        }
        await Promise.all(created.map((id) => this.files.delete(id)));
        const found = await existing();
        if (found === undefined)
            throw new Error('idempotent insert found neither a new nor an existing row');
        return { record: found, duplicate: true };
    }
    async createCompliance(input) {
        const key = input.idempotencyKey;
        const existing = async () => {
            if (!key)
                return undefined;
            const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE idempotency_key = $1`, [key]);
            return rows[0] ? toCompliance(rows[0]) : undefined;
        };
        if (key) {
            const found = await existing();
            if (found)
                return { record: found, duplicate: true };
        }
        return this.#ingest(async (tx, putFile) => {
            const id = (0,external_node_crypto_.randomUUID)();
            const resultId = input.result_file ? await putFile(input.result_file) : null;
            const reportId = input.report_file ? await putFile(input.report_file) : null;
            const rows = await tx.query(`INSERT INTO compliance_checks (id, idempotency_key, check_type, image_digest, result, pod, namespace, image_tag, start_time,
           end_time, result_file_id, report_file_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COMPLIANCE_COLUMNS}`, [
                id,
                key ?? null,
                input.check_type,
                input.image_digest,
                input.result ?? null,
                input.pod ?? null,
                input.namespace ?? null,
                input.image_tag ?? null,
                input.start_time ? normaliseTime(input.start_time) : null,
                input.end_time ? normaliseTime(input.end_time) : null,
                resultId,
                reportId,
                isoNow(),
            ]);
            return rows[0] ? toCompliance(rows[0]) : undefined;
        }, existing);
    }
    async listCompliance(filter = {}) {
        const where = [];
        const params = [];
        const add = (sql, v) => {
            params.push(v);
            where.push(sql.replace('?', `$${params.length}`));
        };
        if (filter.image_digest)
            add('image_digest = ?', filter.image_digest);
        if (filter.namespace)
            add('namespace = ?', filter.namespace);
        if (filter.pod)
            add('pod = ?', filter.pod);
        if (filter.check_type)
            add('check_type = ?', filter.check_type);
        if (filter.since)
            add('COALESCE(start_time, created_at) >= ?', normaliseTime(filter.since));
        if (filter.until)
            add('COALESCE(start_time, created_at) <= ?', normaliseTime(filter.until));
        const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
        const rows = await selectKept(this.db, `SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, params, limit, scoped(filter) ? (r) => complianceVisible(filter, { ...(r.image_tag ? { image_tag: String(r.image_tag) } : {}) }) : undefined);
        return rows.map(toCompliance);
    }
    async getCompliance(id) {
        const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE id = $1`, [id]);
        return rows[0] ? toCompliance(rows[0]) : undefined;
    }
    async getFile(id) {
        const rows = await this.db.query('SELECT id, name, content_type, size, sha256, created_at FROM files WHERE id = $1', [id]);
        const r = rows[0];
        if (!r)
            return undefined;
        const stream = await this.files.get(id);
        if (!stream)
            return undefined;
        return {
            meta: {
                id: String(r.id),
                name: String(r.name),
                content_type: String(r.content_type),
                size: Number(r.size),
                sha256: String(r.sha256),
                created_at: String(r.created_at),
            },
            stream,
        };
    }
    async ingestEvaluation(input) {
        const existing = async () => {
            const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE idempotency_key = $1`, [input.idempotencyKey]);
            return rows[0] ? toEvaluation(rows[0]) : undefined;
        };
        const found = await existing();
        if (found)
            return { record: found, duplicate: true };
        const summary = summariseFindings(input.parsedReport ?? JSON.parse(input.report.data.toString('utf8')));
        return this.#ingest((tx, putFile) => this.#insertEvaluation(tx, input, summary, putFile), existing);
    }
    /**
     * Stores several evaluations (a re-evaluation job's batch) in ONE transaction: the same rows, diffs and hooks as
     * ingestEvaluation called for each input in order, with one commit. Inputs whose key is already stored are
     * duplicates, as there. When the batch fails, its new files are removed and each input is ingested on its own.
     */
    async ingestEvaluations(inputs) {
        const out = [];
        const todo = [];
        for (const [i, input] of inputs.entries()) {
            const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE idempotency_key = $1`, [input.idempotencyKey]);
            out.push(rows[0] ? { record: toEvaluation(rows[0]), duplicate: true } : undefined);
            if (!rows[0])
                todo.push({ i, input, summary: summariseFindings(input.parsedReport ?? JSON.parse(input.report.data.toString('utf8'))) });
        }
        if (todo.length) {
            const created = [];
            let records;
            try {
                // The batch's files are written (and fsynced) concurrently, before the transaction.
                const stored = new Map();
                const incoming = todo.flatMap((t) => [t.input.report, t.input.sbom, t.input.sarif]).filter((f) => f !== undefined);
                await Promise.all(incoming.map(async (f) => {
                    const blob = await this.files.put(f.data);
                    created.push(blob.id);
                    stored.set(f, blob);
                }));
                records = await this.db.transaction(async (tx) => {
                    const done = [];
                    for (const t of todo)
                        done.push(await this.#insertEvaluation(tx, t.input, t.summary, (f) => this.#putFile(tx, f, created, stored.get(f))));
                    return done;
                });
            }
            catch {
                await Promise.all(created.map((id) => this.files.delete(id)));
            }
            for (const [k, t] of todo.entries()) {
                const r = records?.[k];
                out[t.i] = r ? { record: r, duplicate: false } : await this.ingestEvaluation(t.input);
            }
        }
        return out;
    }
    async #insertEvaluation(tx, input, summary, putFile) {
        {
            const reportId = await putFile(input.report);
            const sbomId = input.sbom ? await putFile(input.sbom) : (input.sbomFileId ?? null);
            const sarifId = input.sarif ? await putFile(input.sarif) : null;
            const previous = await this.#previous(tx, input.image_digest, input.repository, input.tag);
            const diff = diffEvaluations(previous ? { decision: previous.decision, summary: await this.#summaryOf(tx, previous.id) } : undefined, { decision: input.decision, summary });
            const rows = await tx.query(`INSERT INTO evaluations (id, idempotency_key, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts,
           report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, summary, diff, previous_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${EVALUATION_COLUMNS}`, [
                (0,external_node_crypto_.randomUUID)(),
                input.idempotencyKey,
                input.image_digest,
                input.repository ?? null,
                input.tag ?? null,
                input.commit ?? null,
                input.pipeline_run ?? null,
                input.decision,
                JSON.stringify(input.counts),
                reportId,
                sbomId,
                sarifId,
                isoNow(),
                input.reason ?? 'push',
                input.policy_name ?? null,
                input.bundle_id ?? bundleIdOf(input.parsedReport) ?? null,
                input.bundle_digest ?? null,
                JSON.stringify(summary),
                JSON.stringify(diff),
                previous?.id ?? null,
            ]);
            const record = rows[0] ? toEvaluation(rows[0]) : undefined;
            if (record)
                for (const hook of this.#hooks)
                    await hook(tx, record, previous);
            return record;
        }
    }
    /** The newest evaluation of each stored image (by digest) that has an SBOM to re-evaluate. */
    async latestPerImage() {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE e.sbom_file_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM evaluations n WHERE n.image_digest = e.image_digest AND n.sbom_file_id IS NOT NULL
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY e.image_digest`);
        return rows.map(toEvaluation);
    }
    async listEvaluations(filter = {}) {
        const where = [];
        const params = [];
        for (const k of ['image_digest', 'repository', 'tag']) {
            const v = filter[k];
            if (v) {
                params.push(v);
                where.push(`${k} = $${params.length}`);
            }
        }
        const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
        const rows = await selectKept(this.db, `SELECT ${EVALUATION_COLUMNS} FROM evaluations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, params, limit, scoped(filter) ? (r) => evaluationVisible(filter, { repository: str(r.repository) ?? null }) : undefined);
        return rows.map(toEvaluation);
    }
    /** The newest evaluation of each repository and tag (an untagged image counts by its digest). */
    async latestEvaluations(scope = {}) {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE NOT EXISTS (
         SELECT 1 FROM evaluations n
         WHERE COALESCE(n.repository, n.image_digest) = COALESCE(e.repository, e.image_digest)
           AND COALESCE(n.tag, '') = COALESCE(e.tag, '')
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY COALESCE(repository, image_digest), COALESCE(tag, '')`);
        return rows.map(toEvaluation).filter((e) => evaluationVisible(scope, e));
    }
    /** An evaluation by id; undefined, as for an unknown id, when its image is outside the scope. */
    async getEvaluation(id, scope = {}) {
        const e = await this.#getEvaluation(id);
        return e && evaluationVisible(scope, e) ? e : undefined;
    }
    /** A compliance check by id; undefined, as for an unknown id, when its image is outside the scope. */
    async getVisibleCompliance(id, scope) {
        const c = await this.getCompliance(id);
        return c && complianceVisible(scope, c) ? c : undefined;
    }
    /**
     * Is this stored file part of something visible in the scope (an evaluation's report, SBOM or SARIF, or a
     * compliance check's result or report)? Always for an unscoped token.
     */
    async fileVisible(id, scope) {
        if (!scoped(scope))
            return true;
        const evs = await this.db.query('SELECT repository FROM evaluations WHERE report_file_id = $1 OR sbom_file_id = $1 OR sarif_file_id = $1', [id]);
        if (evs.some((e) => evaluationVisible(scope, { repository: str(e.repository) ?? null })))
            return true;
        const checks = await this.db.query('SELECT image_tag FROM compliance_checks WHERE result_file_id = $1 OR report_file_id = $1', [id]);
        return checks.some((c) => complianceVisible(scope, { ...(c.image_tag ? { image_tag: String(c.image_tag) } : {}) }));
    }
    async #getEvaluation(id) {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE id = $1`, [id]);
        return rows[0] ? toEvaluation(rows[0]) : undefined;
    }
}
function bundleIdOf(report) {
    const p = report?.policy;
    return typeof p?.bundle_id === 'string' ? p.bundle_id : undefined;
}

// EXTERNAL MODULE: ./src/policy/bundle.ts + 1 modules
var policy_bundle = __webpack_require__(45566);
// EXTERNAL MODULE: ./src/policy/bundled.ts + 5 modules
var policy_bundled = __webpack_require__(72116);
;// CONCATENATED MODULE: ./src/store/policies.ts
/**
 * The store's policy bundles: named (`PUT /v2/policies/{name}`, `serve policy set NAME FILE`), each name pointing at
 * a bundle document kept by its sha256, so every evaluation can say which bundle decided it.
 *
 * The bundle that re-evaluates an image: the store policy named as the image's last evaluation's bundle id (the id
 * the pipeline's bundle carried), else the store policy `default`, else the bundled `default` policy.
 */




const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
function bundleDigest(content) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(content).digest('hex')}`;
}
/** Checks a bundle document (JSON or YAML) the way `scan --policy` would; returns its canonical JSON text. */
function checkedBundle(text, source) {
    const doc = (0,policy_bundle/* parseDocument */.Tp)(text, source);
    const bundle = (0,policy_bundle/* buildBundle */.bS)(doc, source);
    return { content: JSON.stringify(doc), bundle };
}
class PolicyStore {
    db;
    #cache = new Map();
    constructor(db) {
        this.db = db;
    }
    /** Stores the bundle under `name`; returns the policy and whether the bundle changed. */
    async set(name, text, source = `policy ${name}`) {
        const { content, bundle } = checkedBundle(text, source);
        const digest = bundleDigest(content);
        const now = isoNow();
        const changed = await this.db.transaction(async (tx) => {
            await tx.query('INSERT INTO bundles (digest, content, created_at) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING', [digest, content, now]);
            const before = await tx.query('SELECT bundle_digest FROM policies WHERE name = $1', [name]);
            if (before[0]?.bundle_digest === digest)
                return false;
            if (before[0])
                await tx.query('UPDATE policies SET bundle_digest = $1, updated_at = $2 WHERE name = $3', [digest, now, name]);
            else
                await tx.query('INSERT INTO policies (name, bundle_digest, updated_at) VALUES ($1, $2, $3)', [name, digest, now]);
            return true;
        });
        const row = (await this.list()).find((p) => p.name === name);
        this.#cache.set(digest, { name, digest, content, bundle });
        return { policy: row, changed };
    }
    async list() {
        const rows = await this.db.query('SELECT p.name, p.bundle_digest, p.updated_at, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest ORDER BY p.name');
        return rows.map((r) => ({ name: r.name, bundle_digest: r.bundle_digest, updated_at: r.updated_at, bundle_id: JSON.parse(r.content).id }));
    }
    async get(name, q = this.db) {
        const rows = await q.query('SELECT p.bundle_digest, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest WHERE p.name = $1', [name]);
        const r = rows[0];
        if (!r)
            return undefined;
        const cached = this.#cache.get(r.bundle_digest);
        if (cached && cached.name === name)
            return cached;
        const resolved = { name, digest: r.bundle_digest, content: r.content, bundle: (0,policy_bundle/* loadBundle */.po)(r.content, `policy ${name}`) };
        this.#cache.set(r.bundle_digest, resolved);
        return resolved;
    }
    async delete(name) {
        const rows = await this.db.query('DELETE FROM policies WHERE name = $1 RETURNING name', [name]);
        return rows.length > 0;
    }
    /** The bundle an image is re-evaluated with (see the file comment). */
    async resolve(evaluation) {
        for (const name of [evaluation.policy_name, evaluation.bundle_id, 'default']) {
            if (!name || !NAME_RE.test(name))
                continue;
            const found = await this.get(name);
            if (found)
                return found;
        }
        const content = JSON.stringify(policy_bundled/* BUNDLED_POLICIES */.Yy.default);
        const digest = bundleDigest(content);
        let bundled = this.#cache.get(digest);
        if (!bundled) {
            bundled = { name: 'bundled:default', digest, content, bundle: (0,policy_bundle/* loadBundle */.po)(content, 'the bundled default policy') };
            this.#cache.set(digest, bundled);
        }
        return bundled;
    }
}

// EXTERNAL MODULE: ./src/scan/pipeline.ts + 4 modules
var pipeline = __webpack_require__(41558);
// EXTERNAL MODULE: ./src/scan/vulnerabilities.ts + 4 modules
var vulnerabilities = __webpack_require__(58731);
// EXTERNAL MODULE: ./src/sbom/read.ts + 7 modules
var read = __webpack_require__(22138);
// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
;// CONCATENATED MODULE: ./src/store/carry-over.ts
/**
 * A store re-evaluation reads the stored SBOM, not the image: it has no file view, no Dockerfile, no compliance or
 * malware results. The gates that need them cannot be evaluated again, so their results are carried over, unchanged,
 * from the evaluation that had the image (the push, or the carried-over results of a previous re-evaluation), and
 * the decision is the worst of the fresh and the carried triggers. Whatever the fresh SBOM evaluation fired for those
 * gates (a "cannot check" trigger such as `dockerfile/no_dockerfile_provided`) is dropped: it would duplicate or
 * replace the carried result. Never a silent GO for want of the image.
 */

/** Gates every trigger of which needs the image (its files, its Dockerfile, a compliance or malware scan). */
const IMAGE_ONLY_GATES = new Set(['dockerfile', 'files', 'passwd_file', 'retrieved_files', 'secret_scans', 'malware', 'compliance']);
/** Triggers of otherwise SBOM-evaluable gates that need the image's files. */
const IMAGE_ONLY_TRIGGERS = new Set(['packages/verify']);
/** True when the trigger cannot be evaluated from an SBOM (canonical gate and trigger names). */
function needsImage(gate, trigger) {
    const g = gate.toLowerCase();
    return IMAGE_ONLY_GATES.has(g) || IMAGE_ONLY_TRIGGERS.has(`${g}/${trigger.toLowerCase()}`);
}
/** A fingerprint of the bundle's rules that need the image, so a policy change can tell whether they changed. */
function imageOnlyRulesDigest(bundle) {
    const rules = bundle.rule_sets
        .flatMap((rs) => rs.rules.map((r) => ({ rs: rs.id, r })))
        .filter(({ r }) => needsImage(r.gate, r.trigger))
        .map(({ rs, r }) => JSON.stringify([rs, r.id, r.gate, r.trigger, r.action, Object.entries(r.rawParams).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
        .sort();
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(rules.join('\n')).digest('hex')}`;
}
/** The evaluation notes this module writes (problem types in `policy.evaluation_problems`). */
const CARRIED_OVER_NOTE = 'carried_over';
const CARRIED_RULES_CHANGED_NOTE = 'carried_over_rules_changed';
const RULES_RE = /image-only rules (sha256:[0-9a-f]{64})/;
/** The only fields of a stored report carry-over reads (`policy`: its triggers and notes; `createdAt`). */
const CARRY_OVER_FIELDS = ['policy', 'createdAt'];
/**
 * The previous report as carry-over needs it, read narrowly from the stored file: only the top-level `policy` and
 * `createdAt` are parsed (a report of a thousand packages is about 1 MB, its policy result about 1 kB). The rest is
 * scanned for its structure only, without building it: stored reports were parsed when they were stored (a push)
 * or written by the store (a re-evaluation). What the scan cannot take apart is parsed whole; a file that is not a
 * JSON object is an error naming `what`.
 */
function readCarryOverReport(data, what) {
    const fields = topLevelJsonFields(data, CARRY_OVER_FIELDS);
    if (fields)
        return fields;
    // Not an object, or broken: JSON.parse says where.
    let parsed;
    try {
        parsed = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
    }
    catch (error) {
        throw new Error(`${what} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error(`${what} is not a JSON object (${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed})`);
    const { policy, createdAt } = parsed;
    return { ...(policy !== undefined ? { policy } : {}), ...(createdAt !== undefined ? { createdAt } : {}) };
}
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
function isSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/**
 * The values of the named keys of a JSON object (UTF-8 bytes), each parsed alone; the other values are skipped by
 * one flat pass over the bytes (strings with their escapes, nesting counted, no recursion, nothing built). A key
 * that appears twice gives its last value, as JSON.parse does; a key written with escapes is decoded before it is
 * compared. Undefined when the bytes are not one object with balanced nesting (the caller parses them whole for the
 * error), or when a wanted value is not JSON.
 */
function topLevelJsonFields(data, keys) {
    const wanted = new Set(keys);
    const n = data.length;
    let i = 0;
    if (n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
        i = 3;
    while (i < n && isSpace(data[i]))
        i++;
    if (data[i] !== 0x7b)
        return undefined;
    i++;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const spans = [];
    let depth = 1;
    let expectKey = true;
    let key;
    let valueStart = -1;
    const endValue = (end) => {
        if (key !== undefined && valueStart >= 0)
            spans.push([key, valueStart, end]);
        key = undefined;
        valueStart = -1;
    };
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (; i < n; i++) {
        const c = data[i];
        if (c === QUOTE) {
            const start = i;
            // The closing quote (found natively): the next one not escaped by an odd run of backslashes.
            for (;;) {
                i = bytes.indexOf(QUOTE, i + 1);
                if (i < 0)
                    return undefined;
                let k = i - 1;
                while (data[k] === BACKSLASH)
                    k--;
                if ((i - 1 - k) % 2 === 0)
                    break;
            }
            if (depth === 1 && expectKey) {
                expectKey = false;
                const raw = data.subarray(start + 1, i);
                let name;
                try {
                    name = raw.includes(BACKSLASH) ? JSON.parse(decoder.decode(data.subarray(start, i + 1))) : decoder.decode(raw);
                }
                catch {
                    return undefined;
                }
                key = wanted.has(name) ? name : undefined;
            }
        }
        else if (c === 0x7b || c === 0x5b) {
            depth++;
        }
        else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) {
                endValue(i);
                break;
            }
        }
        else if (depth === 1) {
            if (c === COLON)
                valueStart = key === undefined ? -1 : i + 1;
            else if (c === COMMA) {
                endValue(i);
                expectKey = true;
            }
        }
    }
    if (depth !== 0)
        return undefined;
    for (i++; i < n; i++)
        if (!isSpace(data[i]))
            return undefined;
    const out = {};
    for (const [k, from, to] of spans) {
        try {
            out[k] = JSON.parse(decoder.decode(data.subarray(from, to)));
        }
        catch {
            return undefined;
        }
    }
    return out;
}
const RANK = { stop: 0, warn: 1, go: 2 };
const isAction = (v) => v === 'stop' || v === 'warn' || v === 'go';
function worst(actions) {
    let w = 'go';
    for (const a of actions)
        if (RANK[a] < RANK[w])
            w = a;
    return w;
}
/** The image-only triggers of a stored report, each marked with the evaluation it was decided in. */
function carriedTriggers(previous) {
    const policy = previous.report?.policy;
    const findings = Array.isArray(policy?.findings) ? policy.findings : [];
    const evaluatedAt = String(previous.report.createdAt ?? previous.created_at);
    return findings
        .filter((f) => f && typeof f.gate === 'string' && typeof f.trigger === 'string' && isAction(f.action) && needsImage(f.gate, f.trigger))
        .map((f) => ({ ...f, carried_over: f.carried_over ?? { evaluation_id: previous.id, evaluated_at: evaluatedAt } }));
}
/**
 * The fresh report of the SBOM with the image-only results of `previous` put back: the fresh image-only triggers
 * dropped, the carried ones added unchanged (marked `carried_over`), the decision the worst of both (an image
 * allowlist or denylist of the bundle still decides alone, as in the policy evaluation), and a note saying so.
 */
function applyCarryOver(fresh, previous, options) {
    // Nothing to carry from an evaluation without a policy result: the fresh one stands as it is.
    if (!fresh.policy || !hasPolicy(previous.report))
        return fresh;
    const carried = carriedTriggers(previous);
    const rulesDigest = imageOnlyRulesDigest(options.bundle);
    const kept = fresh.policy.findings.filter((f) => !needsImage(f.gate, f.trigger));
    const dropped = fresh.policy.findings.length - kept.length;
    const findings = [...kept, ...carried];
    const reason = fresh.policy.final_action_reason;
    const finalAction = reason === 'denylisted' ? 'stop' : reason === 'allowlisted' ? 'go' : worst(findings.map((f) => f.action));
    const notes = [];
    const origins = [...new Set(carried.map((f) => f.carried_over.evaluation_id))];
    notes.push({
        severity: 'info',
        problem_type: CARRIED_OVER_NOTE,
        details: `re-evaluated from the SBOM, without the image: ${carried.length} trigger(s) of gates that need the image's files or Dockerfile carried over unchanged` +
            (origins.length ? ` from evaluation ${origins.join(', ')}` : '') +
            `, ${dropped} fired from the SBOM for those gates dropped; image-only rules ${rulesDigest}`,
    });
    if (options.policyChange) {
        const before = previousRulesDigest(previous.report);
        if (before !== rulesDigest) {
            notes.push({
                severity: 'warn',
                problem_type: CARRIED_RULES_CHANGED_NOTE,
                details: (before === undefined
                    ? 'the bundle changed and the rules the image-only results were decided with are not known to the store'
                    : 'the bundle changed its rules for gates that need the image') +
                    ': the carried-over results cannot be recomputed from the SBOM and are kept as they were; scan and push the image again to apply the new rules',
            });
        }
    }
    const decision = finalAction === 'stop' ? 'STOP' : finalAction === 'warn' ? 'WARN' : 'GO';
    return {
        ...fresh,
        decision,
        policy: { ...fresh.policy, final_action: finalAction, findings, evaluation_problems: [...fresh.policy.evaluation_problems, ...notes] },
    };
}
function hasPolicy(report) {
    const policy = report?.policy;
    return typeof policy === 'object' && policy !== null && Array.isArray(policy.findings);
}
/** The image-only rules fingerprint a previous re-evaluation recorded in its note (undefined for a push). */
function previousRulesDigest(report) {
    const problems = report?.policy?.evaluation_problems;
    if (!Array.isArray(problems))
        return undefined;
    for (const p of problems) {
        if (p?.problem_type === CARRIED_OVER_NOTE && typeof p.details === 'string') {
            const m = RULES_RE.exec(p.details);
            if (m)
                return m[1];
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/cli/commands/db.ts
var db = __webpack_require__(73971);
// EXTERNAL MODULE: ./src/vulndb/artifact.ts
var artifact = __webpack_require__(3427);
// EXTERNAL MODULE: ./src/vulndb/providers/osv-bucket.ts
var osv_bucket = __webpack_require__(46703);
// EXTERNAL MODULE: ./src/vulndb/update.ts
var update = __webpack_require__(23744);
;// CONCATENATED MODULE: ./src/store/refresh.ts
/**
 * The store's vulnerability data refresh: what `portcullis db update` does with the same sources and options
 * (`--db-repository`: the compiled database from a registry; `--db-url`: the OSV bucket layout, refreshing the
 * ecosystems already in the database), and whether the data changed.
 */






/** What identifies the data (not when it was last confirmed unchanged). */
function dataFingerprint(meta) {
    if (!meta)
        return 'none';
    return JSON.stringify({
        compiled: meta.compiled?.checksum ?? null,
        segments: meta.segments.map((s) => [s.id, s.records, s.bytes, s.data, s.index, s.etag ?? null, s.lastModified ?? null, s.highWater ?? null]).sort(),
    });
}
async function refreshVulnerabilityData(options) {
    const { cacheDir, logger } = options;
    const before = dataFingerprint((0,store/* readMetadata */._6)(cacheDir));
    let repository = options.dbRepository;
    const plan = repository ? undefined : (0,db.defaultUpdatePlan)((0,store/* readMetadata */._6)(cacheDir), Boolean(options.dbUrl));
    if (plan?.kind === 'repository')
        repository = plan.repository;
    if (repository) {
        const r = await (0,artifact.updateFromRepository)(cacheDir, repository, { env: options.env, logger, ...options.registry }, options.signal);
        logger.info(`store: vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
    }
    else {
        if (plan?.kind !== 'refresh') {
            throw new common_errors/* ConfigurationError */.j1(`no vulnerability database in ${cacheDir} to refresh from ${options.dbUrl ?? osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP}: run "portcullis db update --db-cache-dir ${cacheDir} --ecosystem NAME" once, or give --db-repository`);
        }
        const requests = [];
        const url = options.dbUrl ?? osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP;
        if (plan.ecosystems.length)
            requests.push({ provider: 'osv-bucket', options: { url, ecosystems: plan.ecosystems } });
        if (plan.branches.length)
            requests.push({ provider: 'alpine-secdb', options: { ecosystems: plan.branches } });
        await (0,update.updateDatabase)({ cacheDir, requests, logger, ...(options.signal ? { signal: options.signal } : {}) });
    }
    const after = dataFingerprint((0,store/* readMetadata */._6)(cacheDir));
    return { changed: after !== before, fingerprint: after };
}

;// CONCATENATED MODULE: ./src/store/jobs/local.ts
/**
 * The in-process queue of the embedded store (SQLite, one process): each queue name runs its jobs one at a time,
 * in the order sent. It holds nothing durable: a job it held when the process stopped is not retried, so its
 * `jobs` row is failed as interrupted once the row's lease expires (reevaluate.ts).
 */
class LocalJobQueue {
    kind = 'local';
    #handlers = new Map();
    #chains = new Map();
    /** Job ids sent and not finished, and singleton keys queued and not started. */
    #pending = new Map();
    #queuedKeys = new Set();
    /** Sent before a handler was registered: run once it is. */
    #early = new Map();
    #closed = false;
    async work(name, handler) {
        if (this.#handlers.has(name))
            throw new Error(`a handler for ${name} is registered already`);
        this.#handlers.set(name, handler);
        for (const { work, options } of this.#early.get(name) ?? [])
            this.#chain(name, work, options);
        this.#early.delete(name);
    }
    async send(name, work, options = {}) {
        if (this.#closed)
            return;
        const key = options.singletonKey === undefined ? undefined : `${name}\n${options.singletonKey}`;
        if (key !== undefined) {
            if (this.#queuedKeys.has(key))
                return;
            this.#queuedKeys.add(key);
        }
        if (options.jobId)
            this.#pending.set(options.jobId, (this.#pending.get(options.jobId) ?? 0) + 1);
        if (!this.#handlers.has(name)) {
            const early = this.#early.get(name) ?? [];
            early.push({ work, options });
            this.#early.set(name, early);
            return;
        }
        this.#chain(name, work, options);
    }
    async sendAll(name, jobs) {
        for (const { work, jobId } of jobs)
            await this.send(name, work, { jobId });
    }
    #chain(name, work, options) {
        const previous = this.#chains.get(name) ?? Promise.resolve();
        const next = previous.then(async () => {
            if (options.singletonKey !== undefined)
                this.#queuedKeys.delete(`${name}\n${options.singletonKey}`);
            try {
                if (!this.#closed)
                    await this.#handlers.get(name)(work);
            }
            catch {
                // The handlers record their own failures on their rows; this queue does not retry.
            }
            finally {
                if (options.jobId) {
                    // A job sent again while it ran (a batch retried here) is still pending.
                    const left = (this.#pending.get(options.jobId) ?? 1) - 1;
                    if (left > 0)
                        this.#pending.set(options.jobId, left);
                    else
                        this.#pending.delete(options.jobId);
                }
            }
        });
        this.#chains.set(name, next);
    }
    async pending(_name, jobId) {
        return this.#pending.has(jobId);
    }
    async idle() {
        for (;;) {
            const chains = [...this.#chains.values()];
            await Promise.all(chains);
            if (chains.every((c, i) => c === [...this.#chains.values()][i]) && chains.length === this.#chains.size)
                return;
        }
    }
    async close() {
        this.#closed = true;
        await this.idle();
    }
}

;// CONCATENATED MODULE: ./src/store/jobs/lease.ts
/**
 * A row lease, the one mechanism the store's background work shares (the outbox's and the watches' `locked_until`,
 * the `jobs` rows' and their batches'): a process works on a row only while `locked_until` is in the future and holds the value it
 * wrote there; it renews the lease while it works, and a process that died stops renewing, so its lease expires
 * and another process may take the row. Every write the holder makes after it is conditional on still holding it.
 */
function leaseUntil(leaseMs, now = Date.now()) {
    return new Date(now + leaseMs).toISOString();
}
/** Renews `table`'s row `id` lease every third of `leaseMs` while work runs; notices when it was taken over. */
class RowLease {
    db;
    table;
    id;
    leaseMs;
    #until;
    #lost = false;
    #timer;
    #renewing = Promise.resolve();
    constructor(db, table, id, until, leaseMs) {
        this.db = db;
        this.table = table;
        this.id = id;
        this.leaseMs = leaseMs;
        this.#until = until;
    }
    /** The value in `locked_until` while this process holds the row. */
    get until() {
        return this.#until;
    }
    get lost() {
        return this.#lost;
    }
    start() {
        this.#timer = setInterval(() => {
            this.#renewing = this.#renewing.then(async () => void (await this.renew())).catch(() => undefined);
        }, Math.max(50, Math.floor(this.leaseMs / 3)));
        this.#timer.unref();
    }
    async renew() {
        if (this.#lost)
            return false;
        const next = leaseUntil(this.leaseMs);
        const rows = await this.db.query(`UPDATE ${this.table} SET locked_until = $1 WHERE id = $2 AND locked_until = $3 RETURNING id`, [next, this.id, this.#until]);
        if (rows[0])
            this.#until = next;
        else
            this.#lost = true;
        return !this.#lost;
    }
    /** Stops renewing (waiting for a renewal in flight): afterwards `until` is what the row holds, unless `lost`. */
    async stop() {
        clearInterval(this.#timer);
        await this.#renewing;
    }
}

;// CONCATENATED MODULE: ./src/store/reevaluate.ts
/**
 * Re-evaluation: every stored image's latest SBOM is scanned again, through the same pipeline as `portcullis scan
 * sbom:FILE` (the same matcher, the same policy evaluation), with the store's vulnerability database (offline: the
 * refresh is the store's own job) and the store's bundle for the image. Each result is a new evaluation record with
 * its reason and its difference from the previous one. Jobs are recorded in `jobs`, so `GET /v2/jobs/{id}` can say
 * how far one got; one runs at a time per process, in order. A re-evaluation is split into batches (`job_batches`,
 * queue `store-batch`) that whichever replica takes them runs, each leased and retried like a job; the job waits
 * for its batches and sums their counts. The embedded store runs its batches in the process, by the same path.
 * The results of gates that need the image (its files, its Dockerfile) cannot come from the SBOM: they are carried
 * over from the evaluation re-evaluated (carry-over.ts).
 */
















/** A job id made from `parts`: every replica asking for the same work (one policy change, one scheduled refresh) gets one job. */
function jobIdOf(...parts) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** Images per batch: re-evaluations stored per transaction, and the unit of work a replica takes. */
const BATCH = 50;
/** How long this process keeps its database open after its last batch, for the next batch of the same data. */
const DATA_IDLE_MS = 5_000;
/** Images re-evaluated at once within a batch. */
const IN_FLIGHT = 4;
const EMPTY_COUNTS = { images: 0, reevaluated: 0, changed: 0, failed: 0 };
function toJob(r) {
    return {
        id: String(r.id),
        kind: String(r.kind),
        reason: String(r.reason),
        detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
        state: String(r.state),
        counts: JSON.parse(String(r.counts)),
        error: r.error === null || r.error === undefined ? null : String(r.error),
        created_at: String(r.created_at),
        started_at: r.started_at ? String(r.started_at) : null,
        finished_at: r.finished_at ? String(r.finished_at) : null,
    };
}
class Reevaluator {
    options;
    #db;
    #repo;
    #policies;
    #logger;
    #env;
    #jobs;
    #leaseMs;
    #batchSize;
    #batchAttempts;
    #batchPollMs;
    #runner;
    /** This process's open vulnerability database, and the job data (fingerprint) it was opened for. */
    #data;
    #dataIdle;
    #lock = Promise.resolve();
    /** Jobs here waiting for their batches, woken when a batch finishes here. */
    #wake = new Set();
    /** Bundles by policy name and digest, as batches resolve them. */
    #bundles = new Map();
    /** The queue's worker for store jobs, registered at construction. */
    #working;
    #ownsQueue;
    /** Jobs this process queued and has not seen finish (idle()). */
    #sent = new Set();
    #closed = false;
    /** The policies' bundle digests as last seen, to notice a change made by another process (`serve policy set`). */
    #known;
    constructor(options) {
        this.options = options;
        this.#db = options.db;
        this.#repo = options.repo;
        this.#policies = options.policies;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#env = options.env ?? process.env;
        this.#jobs = options.queue ?? new LocalJobQueue();
        this.#ownsQueue = !options.queue;
        this.#leaseMs = options.leaseMs ?? 30_000;
        this.#batchSize = Math.max(1, options.batchSize ?? BATCH);
        this.#batchAttempts = Math.max(1, options.batchAttempts ?? 3);
        this.#batchPollMs = Math.max(10, options.batchPollMs ?? 1000);
        this.#runner = options.runner ?? `${(0,external_node_os_.hostname)()}:${process.pid}`;
        this.#working = Promise.all([this.#jobs.work('store-job', (work) => this.#run(work.id)), this.#jobs.work('store-batch', (work) => this.#runBatch(work.id))])
            .then(() => undefined)
            .catch((e) => this.#logger.warning(`store: cannot take jobs: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
    }
    /**
     * The lease sweep, at startup and then periodically: a queued or running job whose lease expired (its process
     * stopped renewing it) and that the queue will not run or retry is failed as interrupted (start a new one). A job
     * another replica runs, or that pg-boss will retry, is left alone (a job waiting for its batches holds its lease
     * while it waits, wherever they run). Batches of a finished job that nothing will run are failed too. Returns how
     * many jobs were failed.
     */
    async recover() {
        const now = isoNow();
        const rows = await this.#db.query(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $1)`, [now]);
        let failed = 0;
        for (const r of rows) {
            if (await this.#jobs.pending('store-job', String(r.id)))
                continue;
            const done = await this.#db.query(`UPDATE jobs SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
         WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2) RETURNING id`, ['interrupted: the store stopped before the job finished', isoNow(), r.id]);
            failed += done.length;
        }
        const orphans = await this.#db.query(`SELECT b.id FROM job_batches b JOIN jobs j ON j.id = b.job_id
       WHERE b.state IN ('queued', 'running') AND j.state IN ('succeeded', 'failed') AND (b.locked_until IS NULL OR b.locked_until < $1)`, [now]);
        for (const r of orphans) {
            if (await this.#jobs.pending('store-batch', String(r.id)))
                continue;
            await this.#db.query(`UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
         WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2)`, ['interrupted: its job finished before the batch did', isoNow(), r.id]);
        }
        return failed;
    }
    async getJob(id) {
        const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
        return rows[0] ? toJob(rows[0]) : undefined;
    }
    /**
     * Queues a data refresh, then (when the data changed) a re-evaluation of every image. Returns the job at once.
     * `every`: a scheduled refresh (`serve --db-refresh`); replicas ticking in the same interval get one job.
     */
    async startRefresh(schedule = {}) {
        const id = schedule.every ? jobIdOf('refresh', String(schedule.every), String(Math.floor(Date.now() / schedule.every))) : (0,external_node_crypto_.randomUUID)();
        return this.#enqueue(id, 'refresh', 'data_update', null);
    }
    /** Refreshes this replica's data (its open database closed first, batches here waiting); records whether it changed. */
    async #refresh(job) {
        const { changed, fingerprint } = await this.#exclusive(async () => {
            this.#dropData();
            return refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
        });
        if (changed || job.detail !== 'data changed')
            await this.#db.query('UPDATE jobs SET detail = $1 WHERE id = $2', [changed ? 'data changed' : 'data unchanged', job.id]);
        this.#logger.info(`store: vulnerability data ${changed ? 'changed' : 'unchanged'} (${fingerprint.length > 80 ? 'refreshed' : fingerprint})`);
        return { changed, fingerprint };
    }
    /**
     * Queues a re-evaluation of the images the policy `name` decides (after it changed). `change`: the change seen
     * (bundle digest and time), so replicas that all notice it queue one job.
     */
    async startPolicyChange(name, change) {
        const id = change ? jobIdOf('policy_change', name, change.digest, change.updated_at) : (0,external_node_crypto_.randomUUID)();
        return this.#enqueue(id, 'reevaluate', 'policy_change', `policy ${name}`);
    }
    /**
     * Compares the stored policies with those last seen, and queues a policy_change re-evaluation for each new or
     * changed one. The first call only takes the snapshot. Returns the jobs started, by policy name.
     */
    async checkPolicyChanges() {
        const policies = await this.#policies.list();
        const now = new Map(policies.map((p) => [p.name, p.bundle_digest]));
        const started = new Map();
        const known = this.#known;
        this.#known = now;
        if (!known)
            return started;
        for (const [name, digest] of now) {
            const updated_at = policies.find((p) => p.name === name).updated_at;
            if (known.get(name) !== digest)
                started.set(name, await this.startPolicyChange(name, { digest, updated_at }));
        }
        return started;
    }
    /** Resolves when every job this process queued has finished, here or (pg-boss) on another replica. */
    async idle() {
        await this.#working;
        for (;;) {
            await this.#jobs.idle();
            if (this.#closed || !this.#sent.size)
                return;
            const ids = [...this.#sent];
            const open = await this.#db.query(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
            const still = new Set(open.map((r) => String(r.id)));
            for (const id of ids)
                if (!still.has(id))
                    this.#sent.delete(id);
            if (!this.#sent.size)
                return;
            await new Promise((r) => setTimeout(r, 50));
        }
    }
    /**
     * Stops taking jobs; a job waiting here for its batches stops waiting and is left to its lease (and pg-boss's
     * retry); a batch running here finishes, one not started is left to the queue.
     */
    async close() {
        this.#closed = true;
        await this.#working;
        if (this.#ownsQueue)
            await this.#jobs.close();
        else
            await this.#jobs.idle();
        await this.#exclusive(async () => this.#dropData());
    }
    /**
     * Records the job (`queued`, leased to this process until the queue has it) and sends it to the queue. A job
     * with this id already recorded (another replica queued the same work) is answered as it stands.
     */
    async #enqueue(id, kind, reason, detail) {
        const job = { id, kind, reason, detail, state: 'queued', counts: { ...EMPTY_COUNTS }, error: null, created_at: isoNow(), started_at: null, finished_at: null };
        const inserted = await this.#db.query('INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at, locked_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id', [job.id, kind, reason, detail, 'queued', JSON.stringify(job.counts), job.created_at, leaseUntil(this.#leaseMs)]);
        if (!inserted[0])
            return (await this.getJob(id)) ?? job;
        this.#sent.add(job.id);
        await this.#jobs.send('store-job', { id: job.id }, { jobId: job.id });
        return job;
    }
    /**
     * Runs the job `id` for the queue: takes its lease (a queued job, or a running one whose process stopped renewing
     * it), runs it with a fresh count, and records the outcome only while still holding the lease, so a job is never
     * completed twice. A job finished already is done; one another process holds is left to it (pg-boss asks again
     * later). A re-evaluation is split into batches (`job_batches`, once: a re-run finds them) that any replica runs
     * (`store-batch`); the job waits for them, holding its lease, and sums their counts. A re-run of a half-done batch
     * stores nothing twice: each image's new evaluation has the key `reason:job:digest`, and ingest answers a stored
     * key with the stored evaluation.
     */
    async #run(id) {
        if (this.#closed) {
            if (this.#jobs.kind === 'local')
                return;
            throw new Error('the store is stopping');
        }
        const now = isoNow();
        const until = leaseUntil(this.#leaseMs);
        const claimed = await this.#db.query(`UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, $1), locked_until = $2, attempts = attempts + 1, counts = $3
       WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND (locked_until IS NULL OR locked_until < $1))) RETURNING *`, [now, until, JSON.stringify(EMPTY_COUNTS), id]);
        if (!claimed[0]) {
            const row = await this.getJob(id);
            if (!row || row.state === 'succeeded' || row.state === 'failed')
                return;
            throw new Error(`job ${id} is running in another process`);
        }
        const job = toJob(claimed[0]);
        const attempt = Number(claimed[0].attempts);
        this.#logger.info(`store: job ${id} (${job.kind}) started${attempt > 1 ? ' again' : ''} on ${this.#runner}${attempt > 1 ? ` (attempt ${attempt}): the process running it stopped` : ''}`);
        const lease = new RowLease(this.#db, 'jobs', id, until, this.#leaseMs);
        lease.start();
        let failure;
        let ok = false;
        try {
            const split = await this.#db.query('SELECT COUNT(*) AS n FROM job_batches WHERE job_id = $1', [id]);
            if (Number(split[0]?.n ?? 0) > 0) {
                // A re-run: the batches were made by an earlier run; those not finished are sent again (a batch queued
                // already is not queued twice).
                const open = await this.#db.query(`SELECT id FROM job_batches WHERE job_id = $1 AND state IN ('queued', 'running') ORDER BY seq`, [id]);
                await this.#jobs.sendAll('store-batch', open.map((r) => ({ work: { id: String(r.id) }, jobId: String(r.id) })));
                await this.#awaitBatches(job, lease);
            }
            else if (job.kind === 'refresh') {
                // An earlier run that refreshed and stopped before its batches existed said so in `detail`.
                const earlier = job.detail === 'data changed';
                const { changed, fingerprint } = await this.#refresh(job);
                if (changed || earlier) {
                    await this.#split(job, 'data_update', fingerprint);
                    await this.#awaitBatches(job, lease);
                }
            }
            else {
                await this.#split(job, job.reason, this.#localFingerprint(), job.detail?.startsWith('policy ') ? job.detail.slice('policy '.length) : undefined);
                await this.#awaitBatches(job, lease);
            }
            ok = true;
        }
        catch (error) {
            failure = error;
        }
        finally {
            await lease.stop();
        }
        if (!ok && this.#closed) {
            // Stopping: the job is not a failure; its lease is given up at once, for pg-boss to run it on another replica
            // (the in-process queue's job is failed as interrupted by the next sweep, as nothing retries it).
            await this.#db.query('UPDATE jobs SET locked_until = $1 WHERE id = $2 AND locked_until = $3', [isoNow(), id, lease.until]).catch(() => undefined);
            throw failure;
        }
        if (!ok)
            this.#logger.warning(`store: job ${id} (${job.kind}) failed: ${(0,common_errors/* getErrorMessage */.u1)(failure)}`);
        const finished = await this.#db
            .query(ok
            ? `UPDATE jobs SET state = 'succeeded', counts = $1, finished_at = $2, locked_until = NULL WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`
            : `UPDATE jobs SET state = 'failed', counts = $1, finished_at = $2, locked_until = NULL, error = $5 WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`, [JSON.stringify(job.counts), isoNow(), id, lease.until, ...(ok ? [] : [(0,common_errors/* getErrorMessage */.u1)(failure).slice(0, 2000)])])
            .catch((e) => {
            this.#logger.warning(`store: job ${id}: cannot record its outcome: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
            return undefined;
        });
        // The job's batches are done: this replica's open database is closed now, not when it idles.
        await this.#exclusive(async () => this.#dropData());
        if (!finished)
            return;
        if (finished[0] && ok)
            this.#logger.info(`store: job ${id} (${job.kind}) succeeded`);
        if (!finished[0])
            this.#logger.warning(`store: job ${id} (${job.kind}) was taken over by another process before it finished here; its outcome is theirs`);
    }
    /**
     * Splits the re-evaluation into batches: every stored image's latest evaluation (those the policy `policyName`
     * decides, for a policy change), with the bundle it resolves to, `#batchSize` per batch. The batches and the job's
     * image count and data fingerprint are recorded in one transaction, then sent to the queue.
     */
    async #split(job, reason, fingerprint, policyName) {
        const latest = await this.#repo.latestPerImage();
        const work = [];
        // Many images resolve to one bundle: resolved once per (policy name, bundle id) in the job.
        const resolved = new Map();
        for (const ev of latest) {
            const key = JSON.stringify([ev.policy_name, ev.bundle_id]);
            let bundle = resolved.get(key);
            if (!bundle)
                resolved.set(key, (bundle = await this.#policies.resolve(ev)));
            if (policyName !== undefined && bundle.name !== policyName)
                continue;
            this.#bundles.set(`${bundle.name}\n${bundle.digest}`, bundle);
            const { id, image_digest, repository, tag, commit, pipeline_run, files, created_at, policy_name, bundle_id } = ev;
            work.push({ id, image_digest, repository, tag, commit, pipeline_run, files, created_at, policy_name, bundle_id, bundle: { name: bundle.name, digest: bundle.digest } });
        }
        job.counts.images = work.length;
        const now = isoNow();
        const batches = [];
        await this.#db.transaction(async (tx) => {
            for (let at = 0, seq = 0; at < work.length; at += this.#batchSize, seq++) {
                const items = work.slice(at, at + this.#batchSize);
                const id = jobIdOf(job.id, 'batch', String(seq));
                await tx.query(`INSERT INTO job_batches (id, job_id, seq, items, state, counts, created_at) VALUES ($1, $2, $3, $4, 'queued', $5, $6) ON CONFLICT (id) DO NOTHING`, [
                    id,
                    job.id,
                    seq,
                    JSON.stringify(items),
                    JSON.stringify({ ...EMPTY_COUNTS, images: items.length }),
                    now,
                ]);
                batches.push({ id, work: { id }, jobId: id });
            }
            await tx.query('UPDATE jobs SET counts = $1, data_fingerprint = $2 WHERE id = $3', [JSON.stringify(job.counts), fingerprint, job.id]);
        });
        this.#logger.info(`store: job ${job.id}: ${work.length} images in ${batches.length} batches of up to ${this.#batchSize}`);
        await this.#jobs.sendAll('store-batch', batches);
    }
    /**
     * Waits, holding the job's lease, until every batch of `job` has finished (here or on another replica), keeping
     * the job's counts the sum of its batches'. A batch whose queue job is gone while its row is unfinished (its
     * replica died on its last attempt, or it was never queued) is failed, so the wait ends. Throws when a batch failed.
     */
    async #awaitBatches(job, lease) {
        let seen = '';
        let movedAt = Date.now();
        for (;;) {
            if (this.#closed)
                throw new Error('the store is stopping');
            if (lease.lost)
                throw new Error('its lease was lost (another process took the job over)');
            const rows = await this.#db.query('SELECT id, seq, state, counts, error, attempts, locked_until FROM job_batches WHERE job_id = $1 ORDER BY seq', [job.id]);
            const counts = { ...EMPTY_COUNTS };
            for (const r of rows) {
                const c = JSON.parse(String(r.counts));
                counts.images += c.images;
                counts.reevaluated += c.reevaluated;
                counts.changed += c.changed;
                counts.failed += c.failed;
            }
            job.counts = counts;
            const open = rows.filter((r) => r.state === 'queued' || r.state === 'running');
            if (!open.length) {
                const failed = rows.filter((r) => r.state === 'failed');
                if (failed.length) {
                    const first = failed[0];
                    throw new Error(`${failed.length} of ${rows.length} batches failed; batch ${Number(first.seq) + 1}: ${String(first.error ?? 'failed')}`);
                }
                return;
            }
            await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(counts), job.id]);
            const now = isoNow();
            const state = rows.map((r) => `${String(r.state)}/${String(r.attempts)}`).join(',');
            if (state !== seen)
                [seen, movedAt] = [state, Date.now()];
            // A running batch whose lease expired is asked about at once; a queued one only when nothing moved for a lease.
            const stalled = Date.now() - movedAt > this.#leaseMs;
            for (const r of open) {
                const expired = r.locked_until === null || r.locked_until === undefined ? stalled : String(r.locked_until) < now;
                if (!expired || (r.state === 'queued' && !stalled))
                    continue;
                if (await this.#jobs.pending('store-batch', String(r.id)))
                    continue;
                await this.#db.query(`UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
           WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2)`, [`lost after ${String(r.attempts)} attempt(s): its process stopped and the queue will not run it again`, now, r.id]);
            }
            await new Promise((resolve) => {
                const done = () => {
                    clearTimeout(timer);
                    this.#wake.delete(done);
                    resolve();
                };
                const timer = setTimeout(done, this.#batchPollMs);
                this.#wake.add(done);
            });
        }
    }
    /**
     * Runs the batch `id` for the queue: takes its lease as a job's is taken, re-evaluates its images with this
     * replica's vulnerability data (opened once for the job's data and kept while batches of it run here, brought to
     * the job's data first when it is behind), and records its counts while still holding the lease. A batch that
     * fails is retried (pg-boss, on any replica; the in-process queue, here) until its `batchAttempts`-th attempt,
     * then failed with its error, which fails the job.
     */
    async #runBatch(id) {
        if (this.#closed) {
            if (this.#jobs.kind === 'local')
                return;
            throw new Error('the store is stopping');
        }
        const now = isoNow();
        const until = leaseUntil(this.#leaseMs);
        const claimed = await this.#db.query(`UPDATE job_batches SET state = 'running', runner = $1, started_at = COALESCE(started_at, $2), locked_until = $3, attempts = attempts + 1
       WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND (locked_until IS NULL OR locked_until < $2))) RETURNING id, job_id, seq, items, attempts`, [this.#runner, now, until, id]);
        if (!claimed[0]) {
            const row = await this.#db.query('SELECT state FROM job_batches WHERE id = $1', [id]);
            if (!row[0] || row[0].state === 'succeeded' || row[0].state === 'failed')
                return;
            throw new Error(`batch ${id} is running in another process`);
        }
        const jobId = String(claimed[0].job_id);
        const name = `batch ${Number(claimed[0].seq) + 1} of job ${jobId}`;
        const attempt = Number(claimed[0].attempts);
        const items = JSON.parse(String(claimed[0].items));
        const counts = { ...EMPTY_COUNTS, images: items.length };
        const lease = new RowLease(this.#db, 'job_batches', id, until, this.#leaseMs);
        const parent = (await this.#db.query('SELECT state, reason, data_fingerprint FROM jobs WHERE id = $1', [jobId]))[0];
        if (parent?.state !== 'running') {
            await this.#db.query(`UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL WHERE id = $3 AND locked_until = $4`, [
                `not run: its job is ${parent?.state ?? 'gone'}`,
                isoNow(),
                id,
                until,
            ]);
            return;
        }
        this.#logger.info(`store: ${name} started on ${this.#runner}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        lease.start();
        let failure;
        let ok = false;
        try {
            await this.#withData(parent.data_fingerprint, (vulnerabilities) => this.#evaluate(jobId, parent.reason, items, vulnerabilities, counts));
            ok = !lease.lost;
            if (!ok)
                failure = new Error('its lease was lost (another process took the batch over)');
        }
        catch (error) {
            failure = error;
        }
        finally {
            await lease.stop();
        }
        const message = (0,common_errors/* getErrorMessage */.u1)(failure).slice(0, 1500);
        const last = attempt >= this.#batchAttempts;
        if (!ok && (!last || this.#closed)) {
            // Retried: the lease is given up at once, and the row queued again for whoever runs it next.
            const released = await this.#db.query(`UPDATE job_batches SET state = 'queued', locked_until = NULL, error = $1 WHERE id = $2 AND state = 'running' AND locked_until = $3 RETURNING id`, [
                message,
                id,
                lease.until,
            ]);
            if (!released[0])
                return;
            this.#logger.warning(`store: ${name} failed on ${this.#runner} (attempt ${attempt} of ${this.#batchAttempts}), to be retried: ${message}`);
            if (this.#jobs.kind === 'pg-boss')
                throw failure;
            if (!this.#closed)
                await this.#jobs.send('store-batch', { id }, { jobId: id });
            return;
        }
        const finished = await this.#db.query(ok
            ? `UPDATE job_batches SET state = 'succeeded', counts = $1, finished_at = $2, locked_until = NULL, error = NULL, items = '[]' WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`
            : `UPDATE job_batches SET state = 'failed', counts = $1, finished_at = $2, locked_until = NULL, error = $5 WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`, [JSON.stringify(counts), isoNow(), id, lease.until, ...(ok ? [] : [`failed after ${attempt} attempts: ${message}`])]);
        for (const wake of [...this.#wake])
            wake();
        if (!finished[0])
            this.#logger.warning(`store: ${name} was taken over by another process before it finished on ${this.#runner}; its outcome is theirs`);
        else if (ok)
            this.#logger.info(`store: ${name} succeeded on ${this.#runner}: ${counts.reevaluated} re-evaluated, ${counts.changed} changed, ${counts.failed} failed`);
        else
            this.#logger.warning(`store: ${name} failed on ${this.#runner} after ${attempt} attempts: ${message}`);
    }
    /** Re-evaluates a batch's images (a few in flight at once) and stores them together; counts what it did in `counts`. */
    async #evaluate(jobId, reason, items, vulnerabilities, counts) {
        // A few images in flight at once, so one's file reads and writes overlap another's matching; stored in order.
        const inputs = new Array(items.length);
        let next = 0;
        const worker = async () => {
            for (let i = next++; i < items.length; i = next++) {
                const item = items[i];
                try {
                    inputs[i] = await this.reevaluate(item, await this.#bundleOf(item), { reason, key: `${jobId}:${item.image_digest}`, vulnerabilities });
                }
                catch (error) {
                    counts.failed++;
                    this.#logger.warning(`store: re-evaluating ${item.image_digest} failed: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
        await this.#store(counts, items.flatMap((item, i) => (inputs[i] ? [{ item, input: inputs[i] }] : [])));
    }
    /** The bundle an item was resolved to when the job was split (by name and digest: a later change is another job's). */
    async #bundleOf(item) {
        const key = `${item.bundle.name}\n${item.bundle.digest}`;
        const cached = this.#bundles.get(key);
        if (cached)
            return cached;
        let bundle = await this.#policies.resolve(item);
        if (bundle.name !== item.bundle.name || bundle.digest !== item.bundle.digest) {
            const rows = await this.#db.query('SELECT content FROM bundles WHERE digest = $1', [item.bundle.digest]);
            if (!rows[0])
                throw new Error(`the bundle ${item.bundle.digest} of policy ${item.bundle.name} is no longer stored`);
            bundle = { name: item.bundle.name, digest: item.bundle.digest, content: rows[0].content, bundle: (0,policy_bundle/* loadBundle */.po)(rows[0].content, `policy ${item.bundle.name}`) };
        }
        if (this.#bundles.size > 256)
            this.#bundles.clear();
        this.#bundles.set(key, bundle);
        return bundle;
    }
    /** Runs `fn` alone among this replica's uses of its vulnerability data (batches, the refresh that rewrites it). */
    #exclusive(fn) {
        const run = this.#lock.then(fn, fn);
        this.#lock = run.catch(() => undefined);
        return run;
    }
    /**
     * Runs `fn` with this replica's database opened for the job's data `wanted` (its fingerprint): the one open
     * already when it was opened for that data, else opened now, after a refresh when this replica's data is not the
     * job's (another replica refreshed its own copy). Kept open for the next batch; closed once batches stop coming.
     */
    async #withData(wanted, fn) {
        return this.#exclusive(async () => {
            clearTimeout(this.#dataIdle);
            try {
                return await fn(await this.#dataFor(wanted ?? ''));
            }
            finally {
                this.#dataIdle = setTimeout(() => void this.#exclusive(async () => this.#dropData()), DATA_IDLE_MS);
                this.#dataIdle.unref();
            }
        });
    }
    async #dataFor(wanted) {
        if (this.#data && this.#data.wanted === wanted)
            return this.#data.stage;
        this.#dropData();
        const { cacheDir } = this.options.data;
        if (wanted && dataFingerprint((0,store/* readMetadata */._6)(cacheDir)) !== wanted) {
            this.#logger.info(`store: the vulnerability data in ${cacheDir} is not the job's; refreshing it first`);
            const { fingerprint } = await refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
            if (fingerprint !== wanted)
                this.#logger.warning(`store: the vulnerability data in ${cacheDir} still differs from the job's after a refresh (its source changed since); re-evaluating with it`);
        }
        let problem = '';
        const opened = (0,vulnerabilities.openVulnerabilityData)(cacheDir, { ...common_logger/* silentLogger */.qq, warning: (m) => void (problem = m) });
        if (!opened.db)
            throw new Error(problem || `no vulnerability database in ${cacheDir}`);
        this.#data = { wanted, opened, stage: (0,vulnerabilities.openedDatabaseStage)(opened) };
        return this.#data.stage;
    }
    /** This replica's data as a policy change's batches are to use it ('': whatever each replica has, when unreadable here). */
    #localFingerprint() {
        try {
            return dataFingerprint((0,store/* readMetadata */._6)(this.options.data.cacheDir));
        }
        catch {
            return '';
        }
    }
    #dropData() {
        clearTimeout(this.#dataIdle);
        this.#data?.opened.db?.close();
        this.#data = undefined;
    }
    /** Stores a batch of new evaluations in one transaction; when that fails, each on its own (one bad row fails alone). */
    async #store(counts, batch) {
        if (!batch.length)
            return;
        let records;
        try {
            records = await this.#repo.ingestEvaluations(batch.map((b) => b.input));
        }
        catch (error) {
            this.#logger.warning(`store: storing ${batch.length} re-evaluations together failed (${(0,common_errors/* getErrorMessage */.u1)(error)}); storing them one by one`);
        }
        for (const [i, { item, input }] of batch.entries()) {
            try {
                const record = records?.[i]?.record ?? (await this.#repo.ingestEvaluation(input)).record;
                counts.reevaluated++;
                if (record.diff && !diffIsEmpty(record.diff))
                    counts.changed++;
            }
            catch (error) {
                counts.failed++;
                this.#logger.warning(`store: re-evaluating ${item.image_digest} failed: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
            }
        }
    }
    /**
     * Scans the evaluation's SBOM again with today's data and `bundle` (the scan pipeline, with the job's open
     * database as its vulnerability stage, the SBOM and the bundle passed in parsed, no output rendered), and returns
     * the new evaluation to store. Of the previous report only what carry-over uses is read (carry-over.ts).
     */
    async reevaluate(ev, bundle, at) {
        const { reason, key } = at;
        if (!ev.files.sbom)
            throw new Error('the evaluation has no SBOM');
        const sbom = await this.#repo.readFile(ev.files.sbom);
        if (!sbom)
            throw new Error(`the SBOM file ${ev.files.sbom} is missing`);
        const config = {
            // Names the image in the report (the SBOM's own name and tags still come first).
            image: `sbom:${ev.files.sbom}`,
            source: {},
            failOn: 'never',
            outputs: [],
            vulnerabilities: { enabled: true, cacheDir: this.options.data.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
        };
        const document = (0,read/* parseSbom */.rl)(sbom.toString('utf8'), `the SBOM file ${ev.files.sbom}`);
        const { report: fresh } = await (0,pipeline.runScan)(config, { env: this.#env, logger: common_logger/* silentLogger */.qq, vulnerabilities: at.vulnerabilities, sbom: document, bundle: bundle.bundle, render: false });
        // The SBOM has no file view and no Dockerfile: the results of the gates that need them come from the
        // evaluation that had the image (see carry-over.ts), never dropped to GO.
        const previousReport = await this.#repo.readFile(ev.files.report);
        if (!previousReport)
            throw new Error(`the report file ${ev.files.report} is missing`);
        const previous = readCarryOverReport(previousReport, `the report file ${ev.files.report}`);
        const report = applyCarryOver(fresh, { id: ev.id, created_at: ev.created_at, report: previous }, { bundle: bundle.bundle, policyChange: reason === 'policy_change' });
        const summary = summariseReport(report);
        const data = Buffer.from(JSON.stringify(report));
        return {
            image_digest: ev.image_digest,
            ...(ev.repository ? { repository: ev.repository } : {}),
            ...(ev.tag ? { tag: ev.tag } : {}),
            ...(ev.commit ? { commit: ev.commit } : {}),
            ...(ev.pipeline_run ? { pipeline_run: ev.pipeline_run } : {}),
            decision: summary.decision,
            counts: summary.counts,
            report: { name: 'portcullis-report.json', contentType: 'application/json', data },
            sbomFileId: ev.files.sbom,
            idempotencyKey: `${reason}:${key}`,
            reason,
            policy_name: bundle.name,
            ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
            bundle_digest: bundle.digest,
            parsedReport: report,
        };
    }
}

// EXTERNAL MODULE: ./src/image/manifest.ts
var manifest = __webpack_require__(20596);
// EXTERNAL MODULE: ./src/image/registry/connect.ts + 3 modules
var connect = __webpack_require__(89100);
// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
// EXTERNAL MODULE: ./src/output/list.ts + 9 modules
var list = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/scan/store-push.ts
var store_push = __webpack_require__(65561);
;// CONCATENATED MODULE: ./src/store/watch.ts
/**
 * Watch mode: the store polls registries for new digests of subscribed tags (`POST /v2/watches`) and analyses each
 * new one itself, through the same pipeline as `portcullis scan registry:REF` (layers streamed, one analysis at a
 * time in a process, so memory stays bounded), evaluates it with the mapped bundle (policies.ts), and stores it
 * with the reason `watch`; the evaluation's transaction enqueues `analysis_update` and, when the tag moved,
 * `tag_update` notifications (notify/outbox.ts). A poll that fails is recorded on the watch (`last_error`,
 * `last_polled_at`) and tried again at the next interval; it never stops the server. A watch being polled is
 * leased (`locked_until`), so two processes over one database do not poll it at once.
 */
















const DEFAULT_MIN_INTERVAL_MS = 10_000;
const MAX_INTERVAL_MS = 7 * 86_400_000;
/** Tags a watch analyses at most per poll (the rest wait for the next poll). */
const MAX_TAGS_PER_POLL = 100;
class WatchError extends Error {
}
/** `30s`, `5m`, `6h`, `1d`. */
function parseWatchInterval(text, minMs = DEFAULT_MIN_INTERVAL_MS) {
    const m = /^(\d{1,9})\s*(s|m|h|d)$/i.exec(text.trim());
    if (!m)
        throw new WatchError(`interval "${text}" is not an interval (e.g. 30s, 5m, 6h, 1d)`);
    const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2].toLowerCase()];
    if (ms < minMs)
        throw new WatchError(`interval "${text}" is under this store's minimum of ${minMs / 1000} seconds`);
    if (ms > MAX_INTERVAL_MS)
        throw new WatchError(`interval "${text}" is over 7 days`);
    return ms;
}
/** Checks a `POST /v2/watches` body; every problem is one line. */
function parseWatch(body, minIntervalMs = DEFAULT_MIN_INTERVAL_MS) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new WatchError('the body must be a JSON object with repository, tags and interval');
    const b = body;
    const unknown = Object.keys(b).filter((k) => !['repository', 'tags', 'interval', 'policy'].includes(k));
    if (unknown.length)
        throw new WatchError(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (expected repository, tags, interval, policy)`);
    if (typeof b.repository !== 'string' || !b.repository.trim())
        throw new WatchError('repository is required: "registry/name"');
    const text = b.repository.trim();
    if (text.includes('@') || text.slice(text.lastIndexOf('/') + 1).includes(':'))
        throw new WatchError(`repository "${text}" must have neither a tag nor a digest (the tags go in "tags")`);
    let repository;
    try {
        const name = (0,reference/* parseRegistryName */.O8)(text);
        repository = `${name.registry}/${name.repository}`;
    }
    catch (error) {
        throw new WatchError((0,common_errors/* getErrorMessage */.u1)(error));
    }
    const tags = b.tags === undefined ? 'latest' : b.tags;
    if (typeof tags !== 'string' || !tags.trim() || tags.length > 256)
        throw new WatchError('tags must be a tag or a pattern of at most 256 characters ("*" matches anything)');
    if (tags.startsWith('regexp:')) {
        try {
            new RegExp(tags.slice('regexp:'.length));
        }
        catch (error) {
            throw new WatchError(`tags: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
        }
    }
    else if (!/^[A-Za-z0-9_.*-]+$/.test(tags)) {
        throw new WatchError(`tags "${tags}" may hold only tag characters (A-Z a-z 0-9 _ . -) and "*", or start with "regexp:"`);
    }
    if (typeof b.interval !== 'string')
        throw new WatchError('interval is required (e.g. "5m")');
    const interval_ms = parseWatchInterval(b.interval, minIntervalMs);
    if (b.policy !== undefined && b.policy !== null && (typeof b.policy !== 'string' || !NAME_RE.test(b.policy)))
        throw new WatchError('policy must be a store policy name');
    return { repository, tags: tags.trim(), interval: b.interval.trim(), interval_ms, policy: typeof b.policy === 'string' ? b.policy : null };
}
function isPattern(tags) {
    return tags.startsWith('regexp:') || tags.includes('*');
}
function toWatch(r, tags) {
    const s = (v) => (v === null || v === undefined ? null : String(v));
    return {
        id: String(r.id),
        repository: String(r.repository),
        tags: String(r.tags),
        interval: String(r.interval_text),
        interval_ms: Number(r.interval_ms),
        policy: s(r.policy),
        created_at: String(r.created_at),
        last_polled_at: s(r.last_polled_at),
        last_error: s(r.last_error),
        next_poll_at: String(r.next_poll_at),
        tag_state: tags,
    };
}
class Watcher {
    options;
    #db;
    #logger;
    #env;
    #abort = new AbortController();
    minIntervalMs;
    #timer;
    #running;
    #closed = false;
    #warnedNoData = false;
    #working;
    constructor(options) {
        this.options = options;
        this.#db = options.db;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#env = options.env ?? process.env;
        this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    }
    async create(spec) {
        const existing = await this.#db.query('SELECT id FROM watches WHERE repository = $1 AND tags = $2', [spec.repository, spec.tags]);
        if (existing[0])
            return { watch: (await this.get(String(existing[0].id))), created: false };
        const id = (0,external_node_crypto_.randomUUID)();
        const now = isoNow();
        await this.#db.query('INSERT INTO watches (id, repository, tags, interval_text, interval_ms, policy, created_at, next_poll_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)', [id, spec.repository, spec.tags, spec.interval, spec.interval_ms, spec.policy, now]);
        this.kick();
        return { watch: (await this.get(id)), created: true };
    }
    async list() {
        const rows = await this.#db.query('SELECT * FROM watches ORDER BY created_at, id');
        const out = [];
        for (const r of rows)
            out.push(toWatch(r, await this.#tags(String(r.id))));
        return out;
    }
    async get(id) {
        const rows = await this.#db.query('SELECT * FROM watches WHERE id = $1', [id]);
        return rows[0] ? toWatch(rows[0], await this.#tags(id)) : undefined;
    }
    async delete(id) {
        const rows = await this.#db.transaction(async (tx) => {
            await tx.query('DELETE FROM watch_tags WHERE watch_id = $1', [id]);
            return tx.query('DELETE FROM watches WHERE id = $1 RETURNING id', [id]);
        });
        return rows.length > 0;
    }
    async #tags(id) {
        const rows = await this.#db.query('SELECT tag, digest, evaluation_id, seen_at FROM watch_tags WHERE watch_id = $1 ORDER BY tag', [id]);
        return rows.map((r) => ({ tag: String(r.tag), digest: String(r.digest), evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null, seen_at: String(r.seen_at) }));
    }
    start() {
        if (this.#closed || this.#timer)
            return;
        if (this.options.queue) {
            const queue = this.options.queue;
            this.#working = queue.work('watch-poll', async ({ id }) => void (await this.#leaseAndPoll(id))).catch((e) => this.#logger.warning(`store: cannot take watch polls: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
        }
        this.#schedule(0);
    }
    /** Looks for due watches now (after a watch is created). */
    kick() {
        if (this.#closed || !this.#timer || this.#running)
            return;
        this.#schedule(0);
    }
    #schedule(ms) {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#running = this.pollDue()
                .then(() => undefined)
                .catch((e) => this.#logger.warning(`store: watch poll loop: ${(0,common_errors/* getErrorMessage */.u1)(e)}`))
                .finally(() => {
                this.#running = undefined;
                if (!this.#closed)
                    this.#schedule(this.options.tickMs ?? 1000);
            });
        }, ms);
        this.#timer.unref();
    }
    async close() {
        this.#closed = true;
        clearTimeout(this.#timer);
        this.#abort.abort(new Error('the store is stopping'));
        await this.#running;
        await this.#working;
    }
    /**
     * Polls every due watch, one after the other; answers how many were polled. With a queue (replicas), each due
     * watch not leased is sent to it instead (one queued poll per watch), and answers how many were sent.
     */
    async pollDue() {
        const now = isoNow();
        const due = await this.#db.query('SELECT id FROM watches WHERE next_poll_at <= $1 AND (locked_until IS NULL OR locked_until < $1) ORDER BY next_poll_at, id', [now]);
        let polled = 0;
        for (const { id } of due) {
            if (this.#closed)
                break;
            if (this.options.queue)
                await this.options.queue.send('watch-poll', { id: String(id) }, { singletonKey: String(id) });
            else if (!(await this.#leaseAndPoll(String(id))))
                continue;
            polled++;
        }
        return polled;
    }
    /** Leases the watch (when it is due and nobody holds it) and polls it. Answers whether it was polled. */
    async #leaseAndPoll(id) {
        if (this.#closed)
            return false;
        const until = this.#leaseUntil();
        const leased = await this.#db.query('UPDATE watches SET locked_until = $1 WHERE id = $2 AND next_poll_at <= $3 AND (locked_until IS NULL OR locked_until < $3) RETURNING id', [until, id, isoNow()]);
        if (!leased[0])
            return false;
        const watch = await this.get(id);
        if (!watch)
            return false;
        await this.poll(watch);
        return true;
    }
    /** One poll: the matching tags, their digests, an analysis of each new one. Failures land on the watch. */
    async poll(watch) {
        const errors = [];
        try {
            const name = (0,reference/* parseRegistryName */.O8)(`${watch.repository}:latest`);
            const client = await (0,connect.connectRegistry)(name, { ...this.#registryOptions(), env: this.#env, logger: this.#logger });
            try {
                const signal = this.#abort.signal;
                let tags = isPattern(watch.tags) ? (await client.listTags(signal)).filter((t) => (0,match/* matchesPattern */.MT)(watch.tags, t)).sort() : [watch.tags];
                if (tags.length > MAX_TAGS_PER_POLL) {
                    errors.push(`${tags.length} tags match; ${MAX_TAGS_PER_POLL} are looked at per poll`);
                    tags = tags.slice(0, MAX_TAGS_PER_POLL);
                }
                const known = new Map(watch.tag_state.map((t) => [t.tag, t.digest]));
                for (const tag of tags) {
                    if (this.#closed)
                        break;
                    try {
                        const { digest } = await client.getManifest(tag, manifest/* ACCEPTED_MANIFEST_TYPES */.ke, signal);
                        if (known.get(tag) === digest)
                            continue;
                        await this.#db.query('UPDATE watches SET locked_until = $1 WHERE id = $2', [this.#leaseUntil(), watch.id]);
                        this.#logger.info(`store: watch ${watch.id}: ${watch.repository}:${tag} is now ${digest}; analysing it`);
                        const record = await this.#analyse(watch, tag, digest);
                        await this.#db.query('DELETE FROM watch_tags WHERE watch_id = $1 AND tag = $2', [watch.id, tag]);
                        await this.#db.query('INSERT INTO watch_tags (watch_id, tag, digest, evaluation_id, seen_at) VALUES ($1, $2, $3, $4, $5)', [watch.id, tag, digest, record.id, isoNow()]);
                    }
                    catch (error) {
                        if (this.#closed)
                            throw error;
                        errors.push(`${tag}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
                    }
                }
            }
            finally {
                await client.close();
            }
        }
        catch (error) {
            errors.push((0,common_errors/* getErrorMessage */.u1)(error));
        }
        if (this.#closed) {
            // Stopping: the interrupted poll is not a failure of the watch; the next process polls it at once.
            await this.#db.query('UPDATE watches SET locked_until = NULL WHERE id = $1', [watch.id]).catch(() => undefined);
            return;
        }
        if (errors.length)
            this.#logger.warning(`store: watch ${watch.id} (${watch.repository} ${watch.tags}): ${errors.join('; ')}`);
        const now = Date.now();
        await this.#db
            .query('UPDATE watches SET last_polled_at = $1, last_error = $2, next_poll_at = $3, locked_until = NULL WHERE id = $4', [
            new Date(now).toISOString(),
            errors.length ? errors.join('; ').slice(0, 2000) : null,
            new Date(now + watch.interval_ms).toISOString(),
            watch.id,
        ])
            .catch((e) => this.#logger.warning(`store: watch ${watch.id}: cannot record the poll: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
    }
    #leaseUntil() {
        return new Date(Date.now() + (this.options.leaseMs ?? 600_000)).toISOString();
    }
    #registryOptions() {
        const r = this.options.registry ?? {};
        return {
            ...(r.dockerConfigDir ? { dockerConfigDir: r.dockerConfigDir } : {}),
            ...(r.credentials ? { credentials: r.credentials } : {}),
            ...(r.insecureRegistries ? { insecureRegistries: r.insecureRegistries } : {}),
            ...(r.caFile ? { caFile: r.caFile } : {}),
            ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
            ...(r.retries !== undefined ? { retries: r.retries } : {}),
        };
    }
    /** The bundle for a watched image: the watch's policy, else the one mapped from the tag's last evaluation. */
    async #bundle(watch, tag) {
        if (watch.policy) {
            const found = await this.options.policies.get(watch.policy);
            if (!found)
                throw new Error(`the watch's policy "${watch.policy}" is not in the store`);
            return found;
        }
        const last = (await this.options.repo.listEvaluations({ repository: watch.repository, tag, limit: 1 }))[0];
        return this.options.policies.resolve(last ?? { policy_name: null, bundle_id: null });
    }
    async #analyse(watch, tag, digest) {
        const bundle = await this.#bundle(watch, tag);
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-watch-'));
        try {
            const bundlePath = (0,external_node_path_.join)(dir, 'bundle.json');
            await (0,promises_.writeFile)(bundlePath, bundle.content);
            if (!this.options.cacheDir && !this.#warnedNoData) {
                this.#warnedNoData = true;
                this.#logger.warning('store: no vulnerability database is configured (serve --db-cache-dir); watched images are analysed without vulnerability matching');
            }
            const config = {
                image: `registry:${watch.repository}:${tag}@${digest}`,
                source: this.#registryOptions(),
                policyPath: bundlePath,
                failOn: 'never',
                outputs: ['json'],
                vulnerabilities: { enabled: Boolean(this.options.cacheDir), cacheDir: this.options.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
            };
            const { report } = await (0,pipeline.runScan)(config, { env: this.#env, logger: common_logger/* silentLogger */.qq, cwd: dir, signal: this.#abort.signal });
            const imageDigest = (0,store_push.storeDigest)(report.image);
            if (!imageDigest)
                throw new Error('the analysed image has no digest');
            const render = (format) => {
                const content = list/* OUTPUT_FORMATS */.D.get(format).render(report, {});
                return Buffer.isBuffer(content) ? content : Buffer.from(content);
            };
            const data = render('json');
            const summary = summariseReport(JSON.parse(data.toString('utf8')));
            const { record, duplicate } = await this.options.repo.ingestEvaluation({
                image_digest: imageDigest,
                repository: watch.repository,
                tag,
                decision: summary.decision,
                counts: summary.counts,
                report: { name: 'portcullis-report.json', contentType: 'application/json', data },
                sbom: { name: 'portcullis.cdx.json', contentType: 'application/json', data: render('cyclonedx') },
                idempotencyKey: `watch:${watch.id}:${tag}:${digest}`,
                reason: 'watch',
                policy_name: bundle.name,
                ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
                bundle_digest: bundle.digest,
                parsedReport: summary.parsed,
            });
            if (!duplicate)
                this.options.onEvaluation?.(record);
            return record;
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./src/store/jobs/open-queue.ts
/** Chooses the store's job queue: pg-boss for a store on PostgreSQL (replicas), the in-process queue for SQLite. */


async function openJobQueue(db, settings = {}, logger) {
    if (db.dialect !== 'postgres')
        return new LocalJobQueue();
    const connectionString = postgresUrlOf(db);
    if (!connectionString)
        throw new Error(`${db.label}: the job queue needs the store's connection URL`);
    const { PgBossJobQueue } = await __webpack_require__.e(/* import() */ 599).then(__webpack_require__.bind(__webpack_require__, 3599));
    return PgBossJobQueue.open({ connectionString, ...settings, ...(logger ? { logger } : {}) });
}

;// CONCATENATED MODULE: ./src/notify/github-issue.ts
/**
 * The `github_issue` channel: one issue per image (repository and manifest digest) and subscription, in a GitHub
 * repository, kept through the REST API.
 *
 * - The issue carries the label `portcullis` and, at the very end of its body, one hidden marker
 *   (`<!-- portcullis-issue {...} -->`) with a hash of the subscription and the image, the time of the state the body
 *   shows, and the idempotency keys (shortened) of the notifications it has taken. The issue is found again by
 *   listing the repository's open issues with that label (`GET /repos/{owner}/{repo}/issues`, which reads the
 *   issues themselves, not the search index that lags behind), oldest first.
 * - The store keeps each issue's number (table `github_issues`, keyed as the marker is: subscription, image repository
 *   and digest), so after a restart the next notification goes straight to its issue. A stored number is checked
 *   against the issue at each use (still open, the same marker); when it is missing (an issue opened before the table
 *   existed, or one whose answer was lost) or stale, the listing finds the issue and the number is stored again.
 * - The first notification of an image opens the issue; each later one adds a comment with the event and rewrites
 *   the body to the newest state (a late retry of an older notification adds its comment but leaves the newer state).
 * - Delivery is at least once, as for every channel (outbox.ts): a notification whose key is already in the marker
 *   is not sent again, and one whose issue was opened but whose answer was lost finds that issue at its retry.
 * - GitHub's errors go to the attempt log with GitHub's message. 5xx, 408, 409 and network errors are retried with
 *   the outbox's backoff; 429 and rate-limit 403s no sooner than GitHub says (`Retry-After`, else
 *   `x-ratelimit-reset`, else a minute); any other 4xx (401, 403, 404, 410, 422) is final.
 * - Bodies and comments stay under GitHub's 65,536 characters: lists are cut with "and N more".
 */


const GITHUB_API_URL = 'https://api.github.com';
const ISSUE_LABEL = 'portcullis';
/**
 * `serve --github-api-url URL`: GitHub's REST API root (GitHub Enterprise Server: `https://HOST/api/v3`). http or
 * https, with no credentials (the token comes from `token_env`), no query and no fragment; given without its
 * trailing slash.
 */
function parseGitHubApiUrl(text, flag = '--github-api-url') {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new common_errors/* ConfigurationError */.j1(`${flag} is not a URL (e.g. https://github.example.com/api/v3)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new common_errors/* ConfigurationError */.j1(`${flag} must be an http or https URL, not ${url.protocol.replace(/:$/, '')}`);
    if (url.username || url.password)
        throw new common_errors/* ConfigurationError */.j1(`${flag} must not hold credentials; the token comes from the subscription's token_env`);
    if (url.search || url.hash)
        throw new common_errors/* ConfigurationError */.j1(`${flag} must not have a query or a fragment`);
    return url.href.replace(/\/+$/, '');
}
/** GitHub refuses longer issue and comment bodies (422 "body is too long"). */
const BODY_LIMIT = 65_536;
const TITLE_LIMIT = 256;
/** Notification keys remembered in the marker (the newest). */
const KEPT_KEYS = 100;
const PER_PAGE = 100;
const MAX_PAGES = 100;
/** GitHub's advice for a secondary rate limit that says nothing about when: wait at least a minute. */
const RATE_LIMIT_DEFAULT_MS = 60_000;
function issueKey(payload) {
    return { subscription_id: payload.subscription_id, image_repository: payload.image.repository ?? '', image_digest: payload.image.manifest_digest };
}
/** The issue numbers the store keeps: one row per (subscription, image repository, digest). */
class StoredIssueNumbers {
    db;
    constructor(db) {
        this.db = db;
    }
    /** The stored number of this image's issue in `repository`, if any. */
    async get(key, repository) {
        const rows = await this.db.query('SELECT github_repository, issue_number FROM github_issues WHERE subscription_id = $1 AND image_repository = $2 AND image_digest = $3', [key.subscription_id, key.image_repository, key.image_digest]);
        const row = rows[0];
        return row && row.github_repository === repository ? Number(row.issue_number) : undefined;
    }
    async set(key, repository, issue) {
        await this.db.query(`INSERT INTO github_issues (subscription_id, image_repository, image_digest, github_repository, issue_number, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (subscription_id, image_repository, image_digest)
       DO UPDATE SET github_repository = excluded.github_repository, issue_number = excluded.issue_number, updated_at = excluded.updated_at`, [key.subscription_id, key.image_repository, key.image_digest, repository, issue, new Date().toISOString()]);
    }
    /** Forgets a number that no longer holds (the issue was closed, deleted or lost its marker). */
    async forget(key, issue) {
        await this.db.query('DELETE FROM github_issues WHERE subscription_id = $1 AND image_repository = $2 AND image_digest = $3 AND issue_number = $4', [
            key.subscription_id,
            key.image_repository,
            key.image_digest,
            issue,
        ]);
    }
}
class GitHubApiError extends Error {
    status;
    retry;
    constructor(status, message, retry) {
        super(message);
        this.status = status;
        this.retry = retry;
    }
}
/** The hash that names an image's issue for one subscription. */
function imageMarker(payload) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${payload.subscription_id}\n${payload.image.repository ?? ''}\n${payload.image.manifest_digest}`).digest('hex').slice(0, 32);
}
const shortKey = (key) => key.slice(0, 32);
const MARKER_RE = /<!-- portcullis-issue (\{[^<>]*\}) -->\s*$/;
/** The marker at the end of an issue body, if it has a well-formed one. */
function parseMarker(body) {
    const m = MARKER_RE.exec(body ?? '');
    if (!m)
        return undefined;
    try {
        const j = JSON.parse(m[1]);
        if (typeof j.image !== 'string' || typeof j.at !== 'string' || !Array.isArray(j.delivered) || !j.delivered.every((k) => typeof k === 'string'))
            return undefined;
        return { image: j.image, at: j.at, delivered: j.delivered };
    }
    catch {
        return undefined;
    }
}
function renderMarker(m) {
    return `<!-- portcullis-issue ${JSON.stringify({ image: m.image, at: m.at, delivered: m.delivered.slice(-KEPT_KEYS) })} -->`;
}
/** Room kept at the end of a body for the longest marker, so that adding keys never takes it over the limit. */
const MARKER_ROOM = renderMarker({ image: '0'.repeat(32), at: '0'.repeat(40), delivered: Array.from({ length: KEPT_KEYS }, () => '0'.repeat(32)) }).length + 2;
/** Inline code that nothing in it can break out of (no backticks, no newlines), so no mention or markup works. */
function code(s, max = 300) {
    const t = s.replace(/[`\r\n\t]/g, ' ').slice(0, max);
    return `\`${t || ' '}\``;
}
function imageName(p) {
    const repo = p.image.repository ?? p.image.manifest_digest;
    return p.image.tag ? `${repo}:${p.image.tag}` : repo;
}
function issueTitle(p) {
    const t = `Portcullis ${p.decision.after}: ${imageName(p)} (${p.image.manifest_digest.slice(0, 19)})`;
    return t.length > TITLE_LIMIT ? `${t.slice(0, TITLE_LIMIT - 1)}…` : t;
}
function evaluationLink(p, channel) {
    const path = `/v2/evaluations/${encodeURIComponent(p.evaluation.id)}`;
    return channel.store_url ? `[${code(p.evaluation.id)}](${channel.store_url.replace(/\/+$/, '')}${path})` : `${code(`GET ${path}`)} on the store`;
}
function decisionText(p) {
    return `${p.decision.before ?? 'none'} → **${p.decision.after}**`;
}
/** The lists of a payload, each cut at `cap` entries. */
function sections(p, cap, heading) {
    const list = (title, items, line) => {
        if (!items.length)
            return [];
        const shown = items.slice(0, cap).map(line);
        const more = items.length - shown.length;
        return ['', `${heading} ${title} (${items.length})`, '', ...shown, ...(more > 0 ? [`- and ${more} more`] : [])];
    };
    const vuln = (v) => {
        const aliases = v.aliases.slice(0, 10).map((a) => code(a, 100));
        const moreAliases = v.aliases.length - aliases.length;
        return `- ${code(v.id, 100)}${aliases.length ? ` (${aliases.join(', ')}${moreAliases > 0 ? ` and ${moreAliases} more` : ''})` : ''} in ${code(v.package, 200)}${v.severity ? `, ${code(v.severity, 20)}` : ''}`;
    };
    const trigger = (t) => `- ${code(t.key, 200)} ${code(t.action, 20)}${t.message ? `: ${code(t.message, 300)}` : ''}`;
    return [
        ...list('Vulnerabilities added', p.vulnerabilities.added, vuln),
        ...list('Vulnerabilities removed', p.vulnerabilities.removed, vuln),
        ...list('Triggers added', p.triggers.added, trigger),
        ...list('Triggers removed', p.triggers.removed, trigger),
    ];
}
/** The longest rendering (lists cut at 100, 50, … 0 entries) that fits in `limit` characters. */
function fit(render, limit) {
    for (const cap of [100, 50, 20, 10, 5, 1, 0]) {
        const text = render(cap);
        if (text.length <= limit)
            return text;
    }
    return render(0).slice(0, limit);
}
function facts(p, channel) {
    return [
        `- **Event:** ${code(p.event)}, reason ${code(p.evaluation.reason)}, at ${p.created_at}`,
        `- **Image:** ${code(p.image.repository ?? '(none)')}`,
        `- **Tag:** ${code(p.image.tag ?? '(none)')}`,
        `- **Manifest digest:** ${code(p.image.manifest_digest)}`,
        `- **Decision:** ${decisionText(p)}`,
        `- **Evaluation:** ${evaluationLink(p, channel)}`,
    ];
}
/** The issue body: the image's newest state, then the marker. */
function issueBody(p, channel, marker) {
    const tail = `\n\n${renderMarker(marker)}`;
    return (fit((cap) => [
        `Portcullis keeps this issue up to date for one image of the store; each later notification adds a comment.`,
        '',
        ...facts(p, channel),
        ...sections(p, cap, '###'),
    ].join('\n'), BODY_LIMIT - MARKER_ROOM) + tail);
}
/** A comment for one notification on an existing issue. */
function commentBody(p, channel) {
    const tail = `\n\n<!-- portcullis-notification ${shortKey(p.idempotency_key)} -->`;
    return fit((cap) => [`**${p.event}**: ${decisionText(p)}`, '', ...facts(p, channel), ...sections(p, cap, '####')].join('\n'), BODY_LIMIT - tail.length) + tail;
}
function retryAfterMs(status, headers, message, now) {
    const after = headers.get('retry-after');
    const afterMs = after !== null && /^\d+$/.test(after.trim()) ? Number(after) * 1000 : after ? Math.max(0, Date.parse(after) - now) || undefined : undefined;
    const exhausted = headers.get('x-ratelimit-remaining') === '0';
    const reset = Number(headers.get('x-ratelimit-reset'));
    const resetMs = exhausted && Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
    const rateLimited = status === 429 || (status === 403 && (afterMs !== undefined || exhausted || /rate limit/i.test(message)));
    if (rateLimited)
        return afterMs ?? resetMs ?? RATE_LIMIT_DEFAULT_MS;
    if (status >= 500 || status === 408 || status === 409)
        return afterMs;
    return 'never';
}
function githubMessage(json, text) {
    if (json && typeof json === 'object') {
        const j = json;
        const errors = Array.isArray(j.errors)
            ? j.errors
                .map((e) => {
                if (typeof e === 'string')
                    return e;
                const x = (e ?? {});
                return typeof x.message === 'string' ? x.message : [x.resource, x.field, x.code].filter((v) => typeof v === 'string').join(' ');
            })
                .filter(Boolean)
            : [];
        if (typeof j.message === 'string')
            return `${j.message}${errors.length ? ` (${errors.join('; ')})` : ''}`;
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'no message';
}
class GitHubClient {
    ctx;
    token;
    repository;
    stored;
    constructor(ctx, token, repository) {
        this.ctx = ctx;
        this.token = token;
        this.repository = repository;
        this.stored = ctx.db ? new StoredIssueNumbers(ctx.db) : undefined;
    }
    async call(method, path, query = {}, body) {
        const url = new URL(`${this.ctx.apiUrl.replace(/\/+$/, '')}/repos/${this.repository}${path}`);
        for (const [k, v] of Object.entries(query))
            url.searchParams.set(k, v);
        const signals = [AbortSignal.timeout(this.ctx.timeoutMs), ...(this.ctx.signal ? [this.ctx.signal] : [])];
        const res = await this.ctx.fetch(url, {
            method,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${this.token}`,
                'x-github-api-version': '2022-11-28',
                'user-agent': 'portcullis-store',
                ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
            signal: AbortSignal.any(signals),
        });
        const text = await res.text();
        let json;
        try {
            json = text ? JSON.parse(text) : undefined;
        }
        catch {
            json = undefined;
        }
        if (!res.ok) {
            const message = githubMessage(json, text);
            throw new GitHubApiError(res.status, `GitHub answered ${res.status} to ${method} /repos/${this.repository}${path}: ${message}`.slice(0, 1000), retryAfterMs(res.status, res.headers, message, Date.now()));
        }
        return { status: res.status, json: json };
    }
    /** Issue `number` if it is still this image's open issue; undefined if not (closed, gone, another marker). */
    async #check(number, image) {
        try {
            const { json } = await this.call('GET', `/issues/${number}`);
            const marker = parseMarker(json.body);
            if (json.state === 'open' && marker?.image === image)
                return { issue: json, marker };
        }
        catch (e) {
            if (!(e instanceof GitHubApiError) || (e.status !== 404 && e.status !== 410))
                throw e;
        }
        return undefined;
    }
    /**
     * The open issue with this marker: the stored number if it still holds, else the one remembered from a listing,
     * else the oldest listed. The number found is stored.
     */
    async find(image, key) {
        const stored = await this.stored?.get(key, this.repository);
        if (stored !== undefined) {
            const found = await this.#check(stored, image);
            if (found)
                return found;
            await this.stored.forget(key, stored);
        }
        const found = await this.#findListed(image);
        // Not stored (a database error) is no loss: the listing finds it again next time.
        if (found)
            await this.stored?.set(key, this.repository, found.issue.number).catch(() => undefined);
        return found;
    }
    async #findListed(image) {
        const cacheKey = (m) => `${this.repository}#${m}`;
        const known = this.ctx.known.get(cacheKey(image));
        if (known !== undefined) {
            const found = await this.#check(known, image);
            if (found)
                return found;
            this.ctx.known.delete(cacheKey(image));
        }
        let found;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const { json } = await this.call('GET', '/issues', {
                state: 'open',
                labels: ISSUE_LABEL,
                sort: 'created',
                direction: 'asc',
                per_page: String(PER_PAGE),
                page: String(page),
            });
            if (!Array.isArray(json))
                throw new Error(`GitHub's list of issues of ${this.repository} is not a list`);
            for (const issue of json) {
                if (issue.pull_request)
                    continue;
                const marker = parseMarker(issue.body);
                if (!marker)
                    continue;
                if (!this.ctx.known.has(cacheKey(marker.image)))
                    this.ctx.known.set(cacheKey(marker.image), issue.number);
                if (!found && marker.image === image)
                    found = { issue, marker };
            }
            if (found || json.length < PER_PAGE)
                return found;
        }
        throw new Error(`more than ${MAX_PAGES * PER_PAGE} open issues labelled ${ISSUE_LABEL} in ${this.repository}`);
    }
}
/** Delivers one notification to its image's issue. */
async function sendGitHubIssue(channel, payload, ctx) {
    const token = ctx.env[channel.token_env];
    if (!token)
        return { status: null, error: `the environment variable ${channel.token_env} (github_issue.token_env) is not set in the store process` };
    const client = new GitHubClient(ctx, token, channel.repository);
    const image = imageMarker(payload);
    const key = shortKey(payload.idempotency_key);
    try {
        const found = await client.find(image, issueKey(payload));
        if (!found) {
            const marker = { image, at: payload.created_at, delivered: [key] };
            const { status, json } = await client.call('POST', '/issues', {}, { title: issueTitle(payload), body: issueBody(payload, channel, marker), labels: [ISSUE_LABEL] });
            if (typeof json?.number === 'number') {
                ctx.known.set(`${channel.repository}#${image}`, json.number);
                // Not stored (a database error) is no loss: the next notification finds the issue by its marker.
                await client.stored?.set(issueKey(payload), channel.repository, json.number).catch(() => undefined);
            }
            return { status, error: null };
        }
        const { issue, marker } = found;
        if (marker.delivered.includes(key))
            return { status: 200, error: null };
        await client.call('POST', `/issues/${issue.number}/comments`, {}, { body: commentBody(payload, channel) });
        const delivered = [...marker.delivered, key];
        const newer = payload.created_at >= marker.at;
        const update = newer
            ? { title: issueTitle(payload), body: issueBody(payload, channel, { image, at: payload.created_at, delivered }) }
            : { body: (issue.body ?? '').replace(MARKER_RE, renderMarker({ ...marker, delivered })) };
        const { status } = await client.call('PATCH', `/issues/${issue.number}`, {}, update);
        return { status, error: null };
    }
    catch (e) {
        if (e instanceof GitHubApiError)
            return { status: e.status, error: e.message, ...(e.retry !== undefined ? { retry: e.retry } : {}) };
        return { status: null, error: (0,common_errors/* getErrorMessage */.u1)(e) };
    }
}

;// CONCATENATED MODULE: ./src/notify/subscriptions.ts
/**
 * Subscriptions: which events of which images go where. A webhook (signed with the subscription's secret), a
 * Slack-compatible incoming webhook, or a GitHub issue per image (github-issue.ts), with a token the store process
 * reads from the environment variable the subscription names (it must be set when the subscription is created).
 */

const EVENTS = ['vuln_update', 'policy_eval', 'tag_update', 'analysis_update'];
/** A subscription as the API shows it: the webhook secret is never given back. */
function publicSubscription(s) {
    const { channel, ...rest } = s;
    switch (channel.kind) {
        case 'webhook':
            return { ...rest, webhook: { url: channel.url, secret_set: channel.secret !== undefined } };
        case 'slack':
            return { ...rest, slack: { url: channel.url } };
        case 'github_issue': {
            const { kind: _kind, ...config } = channel;
            return { ...rest, github_issue: config };
        }
    }
}
class SubscriptionError extends Error {
}
function checkUrl(v, what, field = 'url') {
    if (typeof v !== 'string')
        throw new SubscriptionError(`${what}.${field} is required`);
    let u;
    try {
        u = new URL(v);
    }
    catch {
        throw new SubscriptionError(`${what}.${field} "${v.slice(0, 100)}" is not a URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new SubscriptionError(`${what}.${field} must be http or https`);
    if (u.username || u.password)
        throw new SubscriptionError(`${what}.${field} must not carry credentials`);
    return u.toString();
}
const GITHUB_REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** `github_issue`: the repository, and the environment variable with the token, which must be set in `env` now. */
function parseGitHubIssue(v, env) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        throw new SubscriptionError('github_issue must be an object with repository and token_env');
    const g = v;
    const known = ['repository', 'token_env', 'store_url'];
    const unknown = Object.keys(g).filter((k) => !known.includes(k));
    if (unknown.length)
        throw new SubscriptionError(`unknown field "github_issue.${unknown[0]}"; known: ${known.join(', ')}`);
    if (typeof g.repository !== 'string' || !GITHUB_REPOSITORY_RE.test(g.repository) || /\/\.\.?$/.test(g.repository)) {
        throw new SubscriptionError('github_issue.repository must be a GitHub repository as "owner/name"');
    }
    if (typeof g.token_env !== 'string' || !ENV_NAME_RE.test(g.token_env))
        throw new SubscriptionError('github_issue.token_env must be the name of an environment variable of the store process');
    if (!env[g.token_env])
        throw new SubscriptionError(`github_issue.token_env: the environment variable ${g.token_env} is not set in the store process`);
    return {
        kind: 'github_issue',
        repository: g.repository,
        token_env: g.token_env,
        ...(g.store_url !== undefined ? { store_url: checkUrl(g.store_url, 'github_issue', 'store_url') } : {}),
    };
}
function checkGlob(v, what) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string' || v.length > 512 || [...v].some((c) => c.charCodeAt(0) < 0x20))
        throw new SubscriptionError(`${what} must be a glob of at most 512 printable characters`);
    return v;
}
/** Validates a `POST /v2/subscriptions` body; `env` is the store process's environment (for `github_issue.token_env`). */
function parseSubscription(body, env = process.env) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new SubscriptionError('the body must be a JSON object');
    const b = body;
    const known = ['events', 'filter', 'webhook', 'slack', 'github_issue'];
    const unknown = Object.keys(b).filter((k) => !known.includes(k));
    if (unknown.length)
        throw new SubscriptionError(`unknown field "${unknown[0]}"; known: ${known.join(', ')}`);
    if (!Array.isArray(b.events) || b.events.length === 0)
        throw new SubscriptionError(`events must be a non-empty list of ${EVENTS.join(', ')}`);
    for (const e of b.events) {
        if (!EVENTS.includes(e))
            throw new SubscriptionError(`unknown event "${String(e)}"; known: ${EVENTS.join(', ')}`);
    }
    const f = (b.filter ?? {});
    if (typeof f !== 'object' || Array.isArray(f))
        throw new SubscriptionError('filter must be an object with repository and tag globs');
    const filter = { ...opt('repository', checkGlob(f.repository, 'filter.repository')), ...opt('tag', checkGlob(f.tag, 'filter.tag')) };
    const channels = ['webhook', 'slack', 'github_issue'].filter((k) => b[k] !== undefined);
    if (channels.length !== 1)
        throw new SubscriptionError('give exactly one of webhook, slack, github_issue');
    let channel;
    if (b.github_issue !== undefined) {
        channel = parseGitHubIssue(b.github_issue, env);
    }
    else if (b.webhook !== undefined) {
        const w = b.webhook;
        const url = checkUrl(w?.url, 'webhook');
        if (w.secret !== undefined && (typeof w.secret !== 'string' || w.secret.length < 16 || w.secret.length > 256))
            throw new SubscriptionError('webhook.secret must be 16–256 characters');
        channel = { kind: 'webhook', url, ...(typeof w.secret === 'string' ? { secret: w.secret } : {}) };
    }
    else {
        channel = { kind: 'slack', url: checkUrl(b.slack?.url, 'slack') };
    }
    return { events: [...new Set(b.events)], filter, channel };
}
function toSubscription(r) {
    return {
        id: String(r.id),
        events: String(r.events).split(','),
        filter: { ...opt('repository', r.filter_repository ? String(r.filter_repository) : undefined), ...opt('tag', r.filter_tag ? String(r.filter_tag) : undefined) },
        channel: JSON.parse(String(r.config)),
        created_at: String(r.created_at),
    };
}
class Subscriptions {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(s) {
        const sub = { ...s, id: (0,external_node_crypto_.randomUUID)(), created_at: new Date().toISOString() };
        await this.db.query('INSERT INTO subscriptions (id, events, filter_repository, filter_tag, channel, config, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            sub.id,
            sub.events.join(','),
            sub.filter.repository ?? null,
            sub.filter.tag ?? null,
            sub.channel.kind,
            JSON.stringify(sub.channel),
            sub.created_at,
        ]);
        return sub;
    }
    async list(q = this.db) {
        return (await q.query('SELECT * FROM subscriptions ORDER BY created_at, id')).map(toSubscription);
    }
    async get(id) {
        const rows = await this.db.query('SELECT * FROM subscriptions WHERE id = $1', [id]);
        return rows[0] ? toSubscription(rows[0]) : undefined;
    }
    async delete(id) {
        return (await this.db.query('DELETE FROM subscriptions WHERE id = $1 RETURNING id', [id])).length > 0;
    }
}
function opt(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/notify/outbox.ts
/**
 * The notification outbox. Notifications are written in the same transaction as the evaluation that causes them
 * (so none is lost between the two), one row per subscription and event, keyed by an idempotency key that is also
 * in the payload (a receiver drops repeats). A deliverer sends what is due: it leases a row (`locked_until`), posts
 * it, and records the attempt; a failure is retried with exponential backoff until `maxAttempts` (sooner given up
 * when the channel says retrying cannot help, later when it says when to come back). A process that dies
 * mid-delivery leaves the lease to expire, and the next deliverer (after a restart) sends it again: delivery is at
 * least once. How each channel kind sends is the SENDERS table.
 */






const SIGNATURE_HEADER = 'x-portcullis-signature';
/** The events an evaluation gives rise to. */
function eventsOf(record, previous) {
    const d = record.diff;
    const events = [];
    if (record.reason === 'push' || record.reason === 'watch')
        events.push('analysis_update');
    if (previous && previous.image_digest !== record.image_digest)
        events.push('tag_update');
    if (d && (d.vulnerabilities.added.length || d.vulnerabilities.removed.length))
        events.push('vuln_update');
    if (d && d.decision.before !== d.decision.after)
        events.push('policy_eval');
    return events;
}
function selects(sub, record) {
    if (sub.filter.repository && !(0,match/* matchesPattern */.MT)(sub.filter.repository, record.repository ?? ''))
        return false;
    if (sub.filter.tag && !(0,match/* matchesPattern */.MT)(sub.filter.tag, record.tag ?? ''))
        return false;
    return true;
}
/** The evaluation hook: enqueues, in the evaluation's transaction, one notification per subscription and event. */
function outboxHook() {
    return async (tx, record, previous) => {
        const events = eventsOf(record, previous);
        if (!events.length)
            return;
        const subs = (await new Subscriptions(tx).list(tx)).filter((s) => selects(s, record));
        const now = new Date().toISOString();
        for (const sub of subs) {
            for (const event of sub.events.filter((e) => events.includes(e))) {
                const key = (0,external_node_crypto_.createHash)('sha256').update(`${sub.id}\n${event}\n${record.id}`).digest('hex');
                const payload = {
                    event,
                    idempotency_key: key,
                    created_at: now,
                    subscription_id: sub.id,
                    image: { repository: record.repository, tag: record.tag, manifest_digest: record.image_digest },
                    evaluation: { id: record.id, reason: record.reason, previous_id: previous?.id ?? null, previous_image_digest: previous?.image_digest ?? null },
                    decision: record.diff?.decision ?? { before: previous?.decision ?? null, after: record.decision },
                    vulnerabilities: record.diff?.vulnerabilities ?? { added: [], removed: [] },
                    triggers: record.diff?.triggers ?? { added: [], removed: [] },
                };
                await tx.query(`INSERT INTO notifications (id, idempotency_key, subscription_id, event, evaluation_id, payload, state, attempts, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING`, [(0,external_node_crypto_.randomUUID)(), key, sub.id, event, record.id, JSON.stringify(payload), now]);
            }
        }
    };
}
function sign(secret, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/** The body a channel receives: the payload itself for a webhook; a short text for Slack. */
function bodyFor(channel, payload) {
    if (channel.kind === 'webhook')
        return JSON.stringify(payload);
    const name = `${payload.image.repository ?? payload.image.manifest_digest}${payload.image.tag ? `:${payload.image.tag}` : ''}`;
    const added = payload.vulnerabilities.added.map((v) => v.id);
    const removed = payload.vulnerabilities.removed.map((v) => v.id);
    const parts = [
        `*${payload.event}* ${name} (${payload.image.manifest_digest.slice(0, 19)}…): ${payload.decision.before ?? 'none'} → ${payload.decision.after} (${payload.evaluation.reason})`,
        ...(added.length ? [`new: ${added.slice(0, 20).join(', ')}${added.length > 20 ? ` and ${added.length - 20} more` : ''}`] : []),
        ...(removed.length ? [`gone: ${removed.slice(0, 20).join(', ')}${removed.length > 20 ? ` and ${removed.length - 20} more` : ''}`] : []),
    ];
    return JSON.stringify({ text: parts.join('\n') });
}
/** A webhook or Slack: one POST of the body; any non-2xx answer and any network error is retried. */
async function post(channel, payload, ctx) {
    const body = bodyFor(channel, payload);
    const headers = {
        'content-type': 'application/json',
        'user-agent': 'portcullis-store',
        'x-portcullis-event': payload.event,
        'x-portcullis-delivery': payload.idempotency_key,
        'idempotency-key': payload.idempotency_key,
    };
    if (channel.kind === 'webhook' && channel.secret)
        headers[SIGNATURE_HEADER] = sign(channel.secret, body);
    try {
        const signal = AbortSignal.any([AbortSignal.timeout(ctx.timeoutMs), ctx.signal]);
        const res = await ctx.fetch(channel.url, { method: 'POST', headers, body, signal, redirect: 'manual' });
        await res.arrayBuffer().catch(() => undefined);
        return { status: res.status, error: res.status < 200 || res.status >= 300 ? `HTTP ${res.status}` : null };
    }
    catch (e) {
        return { status: null, error: (0,common_errors/* getErrorMessage */.u1)(e) };
    }
}
/** How each kind of channel sends one notification. */
const SENDERS = {
    webhook: post,
    slack: post,
    github_issue: (channel, payload, ctx) => sendGitHubIssue(channel, payload, ctx.github),
};
/** Where a channel sends, for log lines (never a secret). */
const WHERE = {
    webhook: (c) => new URL(c.url).host,
    slack: (c) => new URL(c.url).host,
    github_issue: (c) => `GitHub ${c.repository}`,
};
function send(channel, payload, ctx) {
    return SENDERS[channel.kind](channel, payload, ctx);
}
function destination(channel) {
    return WHERE[channel.kind](channel);
}
async function listNotifications(db, filter = {}) {
    const where = [];
    const params = [];
    for (const k of ['subscription_id', 'state']) {
        if (filter[k]) {
            params.push(filter[k]);
            where.push(`${k} = $${params.length}`);
        }
    }
    params.push(Math.min(Math.max(filter.limit ?? 500, 1), 5000));
    const rows = await db.query(`SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
    const out = [];
    for (const r of rows) {
        const attempts = await db.query('SELECT attempt, started_at, outcome, status, error, duration_ms FROM notification_attempts WHERE notification_id = $1 ORDER BY attempt', [r.id]);
        out.push({
            id: String(r.id),
            idempotency_key: String(r.idempotency_key),
            subscription_id: String(r.subscription_id),
            event: String(r.event),
            evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null,
            state: String(r.state),
            attempts: Number(r.attempts),
            next_attempt_at: String(r.next_attempt_at),
            last_error: r.last_error ? String(r.last_error) : null,
            created_at: String(r.created_at),
            delivered_at: r.delivered_at ? String(r.delivered_at) : null,
            payload: JSON.parse(String(r.payload)),
            attempt_log: attempts.map((a) => ({
                attempt: Number(a.attempt),
                started_at: String(a.started_at),
                outcome: String(a.outcome),
                status: a.status === null || a.status === undefined ? null : Number(a.status),
                error: a.error ? String(a.error) : null,
                duration_ms: a.duration_ms === null || a.duration_ms === undefined ? null : Number(a.duration_ms),
            })),
        });
    }
    return out;
}
class Deliverer {
    #db;
    #logger;
    #o;
    #queue;
    #working;
    #fetch;
    #env;
    #githubApiUrl;
    /** Issue numbers learned by the github_issue channel (a cache, checked at each use). */
    #knownIssues = new Map();
    #timer;
    #running;
    #stopped = false;
    #wake = false;
    #abort = new AbortController();
    constructor(options) {
        this.#db = options.db;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#fetch = options.fetch ?? fetch;
        this.#env = options.env ?? process.env;
        this.#githubApiUrl = options.githubApiUrl ?? GITHUB_API_URL;
        this.#queue = options.queue;
        this.#o = {
            pollMs: options.pollMs ?? 1000,
            baseBackoffMs: options.baseBackoffMs ?? 5000,
            maxBackoffMs: options.maxBackoffMs ?? 3_600_000,
            maxAttempts: options.maxAttempts ?? 10,
            timeoutMs: options.timeoutMs ?? 10_000,
            leaseMs: options.leaseMs ?? 60_000,
        };
    }
    start() {
        this.#stopped = false;
        if (this.#queue && !this.#working) {
            this.#working = this.#queue
                .work('notify-deliver', async ({ id }) => {
                if (!this.#stopped)
                    await this.#deliver(id);
            })
                .catch((e) => this.#logger.warning(`notifications: cannot take deliveries: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
        }
        this.#schedule(0);
    }
    /** Asks for a pass soon (a new notification was written). */
    kick() {
        if (this.#running)
            this.#wake = true;
        else
            this.#schedule(0);
    }
    #schedule(ms) {
        if (this.#stopped)
            return;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#running = this.runOnce()
                .then(() => undefined)
                .catch((e) => this.#logger.warning(`notifications: ${(0,common_errors/* getErrorMessage */.u1)(e)}`))
                .finally(() => {
                this.#running = undefined;
                const again = this.#wake;
                this.#wake = false;
                this.#schedule(again ? 0 : this.#o.pollMs);
            });
        }, ms);
        this.#timer.unref?.();
    }
    /** Stops polling and waits for the deliveries in flight (their outcome is recorded). */
    async stop() {
        this.#stopped = true;
        clearTimeout(this.#timer);
        await this.#running;
        await this.#working;
    }
    /**
     * One pass: every due notification, leased and sent. Returns how many were attempted. With a queue (replicas),
     * each is sent to the queue instead (a notification already queued is not queued again); returns how many.
     */
    async runOnce() {
        const now = new Date();
        const due = await this.#db.query(`SELECT id, subscription_id FROM notifications WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
       ORDER BY created_at, id LIMIT 100`, [now.toISOString()]);
        let n = 0;
        for (const { id, subscription_id } of due) {
            if (this.#stopped)
                break;
            if (this.#queue) {
                // One subscription's deliveries one at a time across the replicas, as in one process.
                await this.#queue.send('notify-deliver', { id: String(id) }, { singletonKey: String(id), group: String(subscription_id) });
                n++;
            }
            else if (await this.#deliver(id))
                n++;
        }
        return n;
    }
    async #deliver(id) {
        const now = new Date();
        const lease = new Date(now.getTime() + this.#o.leaseMs).toISOString();
        // The lease is taken with a conditional update, so two deliverers never send one row at the same time, and only
        // once the row is due (a delivery queued while the previous attempt ran waits out that attempt's backoff); the
        // attempt is counted and logged before the request, so one cut short by a dying process still shows.
        const attemptId = (0,external_node_crypto_.randomUUID)();
        const row = await this.#db.transaction(async (tx) => {
            const claimed = await tx.query(`UPDATE notifications SET locked_until = $1, attempts = attempts + 1 WHERE id = $2 AND state = 'pending' AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3)
         RETURNING id, attempts, payload, subscription_id`, [lease, id, now.toISOString()]);
            if (!claimed[0])
                return undefined;
            await tx.query(`UPDATE notification_attempts SET outcome = 'interrupted' WHERE notification_id = $1 AND outcome = 'in_flight'`, [id]);
            await tx.query(`INSERT INTO notification_attempts (id, notification_id, attempt, started_at, outcome) VALUES ($1, $2, $3, $4, 'in_flight')`, [
                attemptId,
                id,
                Number(claimed[0].attempts),
                now.toISOString(),
            ]);
            return claimed[0];
        });
        if (!row)
            return false;
        const attempt = Number(row.attempts);
        const sub = await new Subscriptions(this.#db).get(row.subscription_id);
        if (!sub) {
            await this.#db.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, ['the subscription was deleted', id]);
            await this.#db.query(`UPDATE notification_attempts SET outcome = 'failed', error = $1 WHERE id = $2`, ['the subscription was deleted', attemptId]);
            return false;
        }
        const payload = JSON.parse(row.payload);
        const started = now.getTime();
        const ctx = {
            fetch: this.#fetch,
            timeoutMs: this.#o.timeoutMs,
            signal: this.#abort.signal,
            github: { fetch: this.#fetch, env: this.#env, apiUrl: this.#githubApiUrl, timeoutMs: this.#o.timeoutMs, signal: this.#abort.signal, known: this.#knownIssues, db: this.#db },
        };
        const { status, error, retry } = await send(sub.channel, payload, ctx);
        const duration = Date.now() - started;
        const finished = new Date().toISOString();
        await this.#db.transaction(async (tx) => {
            await tx.query('UPDATE notification_attempts SET outcome = $1, status = $2, error = $3, duration_ms = $4 WHERE id = $5', [
                error ? 'failed' : 'delivered',
                status,
                error,
                duration,
                attemptId,
            ]);
            if (!error) {
                await tx.query(`UPDATE notifications SET state = 'delivered', delivered_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2`, [finished, id]);
            }
            else if (attempt >= this.#o.maxAttempts || retry === 'never') {
                await tx.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, [error, id]);
            }
            else {
                const backoff = Math.min(this.#o.maxBackoffMs, this.#o.baseBackoffMs * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
                // A channel that says when to come back (GitHub's Retry-After) is not asked sooner.
                const next = new Date(Date.now() + Math.max(backoff, typeof retry === 'number' ? retry : 0)).toISOString();
                await tx.query(`UPDATE notifications SET last_error = $1, next_attempt_at = $2, locked_until = NULL WHERE id = $3`, [error, next, id]);
            }
        });
        if (error)
            this.#logger.warning(`notification ${id} (${payload.event}) to ${destination(sub.channel)}: attempt ${attempt} failed${retry === 'never' ? ' (not retried)' : ''}: ${error}`);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/store/server.ts
/**
 * `portcullis serve`: the store's HTTP API (Fastify).
 * - Anchore's runtime-compliance API, at both its v1 (`/v1/enterprise/runtime_compliance`) and v2
 *   (`/v2/runtime-compliance`) paths, same fields and shapes, plus filters and a get-by-id.
 * - Evaluations: ingest (idempotent), list per image, latest per image and tag, get with the SBOM and SARIF.
 * - Re-evaluation: policies (`PUT /v2/policies/{name}`), data refreshes (`POST /v2/admin/refresh`), jobs, and each
 *   image's evaluations with their reason and difference.
 * - Subscriptions and the notification outbox (`/v2/subscriptions`, `/v2/notifications`).
 * - Registry watches (`/v2/watches`): the store polls tags and analyses new digests itself (watch.ts).
 * - Bearer tokens with scopes `push`, `read` and `admin`; size limits with clear 4xx answers; a small web page.
 */

















const DEFAULT_LIMITS = { maxFileBytes: 50 * 1024 * 1024, maxFieldBytes: 4096, maxBodyBytes: 1024 * 1024 };
const DEFAULT_TIMEOUTS = { headersMs: 30_000, requestMs: 300_000, idleMs: 60_000, keepAliveMs: 5_000 };
const SERVICES = new WeakMap();
function storeServices(app) {
    const s = SERVICES.get(app);
    if (!s)
        throw new Error('not a store server');
    return s;
}
class HttpError extends Error {
    statusCode;
    constructor(statusCode, message) {
        super(message);
        this.statusCode = statusCode;
    }
}
/** The repository globs of the token a request was let in with (none: every repository). Set by the auth hook. */
const REQUEST_SCOPE = new WeakMap();
/** What a request may see: pass it to the repo's lists and gets (a scoped token's images only). */
function repositoryScopeOf(req) {
    return { repositories: REQUEST_SCOPE.get(req) ?? [] };
}
/** A scoped token pushes only for images whose repository matches one of its globs: else one 403 line. */
function checkPushScope(req, repository, what) {
    const globs = REQUEST_SCOPE.get(req) ?? [];
    if (repositoryAllowed(globs, repository))
        return;
    const allowed = `this token pushes only to repositories matching ${globs.join(', ')}`;
    throw new HttpError(403, repository ? `${allowed}; ${what} is for "${repository}"` : `${allowed}; ${what} names no repository (give image_tag)`);
}
const COMPLIANCE_BASES = ['/v1/enterprise/runtime_compliance', '/v2/runtime-compliance'];
const server_UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RESULTS = ['pass', 'fail', 'error'];
/** A client's file name, reduced to a safe base name for metadata and Content-Disposition; never used as a path. */
function server_safeFileName(name, fallback) {
    const base = (name ?? '').split(/[\\/]/).pop() ?? '';
    const cleaned = base.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '').slice(0, 128);
    return cleaned || fallback;
}
async function readForm(req, allowed, limits) {
    if (!req.isMultipart())
        throw new HttpError(415, 'expected multipart/form-data');
    try {
        return await readParts(req, allowed, limits);
    }
    catch (error) {
        // A body that is not well-formed multipart (no closing boundary, a bad part header, …) is the client's fault:
        // busboy's errors carry no status, and would otherwise be a 500 with a stack in the log.
        if (error instanceof HttpError || error.statusCode !== undefined)
            throw error;
        throw new HttpError(400, `malformed multipart/form-data body: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
    }
}
async function readParts(req, allowed, limits) {
    const fields = new Map();
    const files = new Map();
    for await (const part of req.parts({ limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes, files: allowed.files.length, fields: allowed.fields.length + 2 } })) {
        const name = part.fieldname;
        if (part.type === 'file') {
            if (!allowed.files.includes(name)) {
                part.file.resume();
                throw new HttpError(400, allowed.fields.includes(name) ? `${name} must be a text field, not a file` : `unknown file field "${name}"; allowed: ${allowed.files.join(', ')}`);
            }
            if (files.has(name))
                throw new HttpError(400, `${name} given twice`);
            const data = await part.toBuffer();
            files.set(name, { name: server_safeFileName(part.filename, name), contentType: part.mimetype || 'application/octet-stream', data });
        }
        else {
            if (!allowed.fields.includes(name)) {
                throw new HttpError(400, allowed.files.includes(name) ? `${name} must be a file part, not a text field` : `unknown field "${name}"; allowed: ${[...allowed.fields, ...allowed.files].join(', ')}`);
            }
            if (fields.has(name))
                throw new HttpError(400, `${name} given twice`);
            if (part.valueTruncated)
                throw new HttpError(413, `${name} is over ${limits.maxFieldBytes} bytes`);
            fields.set(name, String(part.value));
        }
    }
    return { fields, files };
}
function requireDigest(v, name = 'image_digest') {
    if (!v)
        throw new HttpError(400, `${name} is required`);
    if (!compliance/* DIGEST_RE */.Vt.test(v))
        throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not a digest (algorithm:hex)`);
    return v;
}
function optionalTime(v, name) {
    if (v === undefined || v === '')
        return undefined;
    if (!(0,compliance/* isDateTime */.Ar)(v))
        throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not an RFC 3339 date-time`);
    return v;
}
function optionalText(v, name, max = 253) {
    if (v === undefined || v === '')
        return undefined;
    if (v.length > max || [...v].some((c) => c.charCodeAt(0) < 0x20))
        throw new HttpError(400, `${name} must be at most ${max} printable characters`);
    return v;
}
function parseJsonFile(f, what) {
    try {
        return JSON.parse(f.data.toString('utf8'));
    }
    catch (error) {
        throw new HttpError(400, `${what} is not JSON: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
    }
}

/** Checks the report is a Portcullis ScanReport and derives what the lists show. */
function summariseReport(report) {
    const r = report;
    if (!r || typeof r !== 'object' || r.schemaVersion !== '1')
        throw new HttpError(400, 'report is not a Portcullis ScanReport (schemaVersion "1")');
    if (r.decision !== 'GO' && r.decision !== 'WARN' && r.decision !== 'STOP')
        throw new HttpError(400, 'report.decision must be GO, WARN or STOP');
    const findings = {};
    for (const f of Array.isArray(r.findings) ? r.findings : []) {
        const s = typeof f?.severity === 'string' ? f.severity : 'Unknown';
        findings[s] = (findings[s] ?? 0) + 1;
    }
    const policy = { stop: 0, warn: 0, go: 0 };
    for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
        if (f.action === 'stop' || f.action === 'warn' || f.action === 'go')
            policy[f.action]++;
    }
    const tags = Array.isArray(r.image?.repoTags) ? r.image.repoTags.filter((t) => typeof t === 'string') : [];
    return {
        decision: r.decision,
        counts: { packages: Array.isArray(r.packages) ? r.packages.length : 0, findings, policy },
        ...(tags[0] ? { repoTag: tags[0] } : {}),
        parsed: report,
    };
}
function evaluationKey(fields, files) {
    const h = (b) => (b ? (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex') : '');
    const parts = [
        fields.get('image_digest') ?? '',
        fields.get('image_tag') ?? '',
        fields.get('commit') ?? '',
        fields.get('pipeline_run') ?? '',
        h(files.get('report')?.data),
        h(files.get('sbom')?.data),
        h(files.get('sarif')?.data),
    ];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex');
}
function idempotencyHeader(req) {
    const v = req.headers['idempotency-key'];
    if (v === undefined)
        return undefined;
    const s = Array.isArray(v) ? v[0] ?? '' : v;
    if (!/^[A-Za-z0-9._:-]{1,128}$/.test(s))
        throw new HttpError(400, 'Idempotency-Key must be 1–128 characters of A-Z a-z 0-9 . _ : -');
    return s;
}
async function buildStoreServer(options) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const logger = options.logger ?? common_logger/* silentLogger */.qq;
    const repo = new StoreRepo(options.db, options.files);
    const policies = new PolicyStore(options.db);
    repo.onEvaluation(outboxHook());
    // pg-boss on PostgreSQL (replicas share the work), the in-process queue on SQLite; a store on PostgreSQL on a
    // Node.js older than pg-boss needs refuses here, in one line.
    const { leaseMs: jobLeaseMs, batchSize, ...queueSettings } = options.jobs ?? {};
    const queue = await openJobQueue(options.db, queueSettings, logger);
    const shared = queue.kind === 'pg-boss' ? { queue } : {};
    const reevaluator = new Reevaluator({ db: options.db, repo, policies, data: options.data ?? { cacheDir: '' }, logger, queue, ...(jobLeaseMs ? { leaseMs: jobLeaseMs } : {}), ...(batchSize ? { batchSize } : {}), ...(options.env ? { env: options.env } : {}) });
    await reevaluator.recover();
    await reevaluator.checkPolicyChanges();
    const deliverer = options.notifications === false ? undefined : new Deliverer({ db: options.db, logger, ...options.notifications, ...shared });
    const subscriptions = new Subscriptions(options.db);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    // Node checks the headers and request time-outs every connectionsCheckingInterval (30 s by default): often enough
    // here that a time-out means what it says.
    const serverTimeouts = {
        headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(timeouts.headersMs / 2))),
    };
    const app = fastify_default()({
        http: serverTimeouts,
        logger: false,
        bodyLimit: limits.maxBodyBytes,
        routerOptions: { maxParamLength: 200 },
        connectionTimeout: timeouts.idleMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert, ...serverTimeouts } } : {}),
    });
    await app.register((multipart_default()), { limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes }, throwFileSizeLimit: true });
    app.setErrorHandler((error, _req, reply) => {
        let status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
        let message = error.message;
        if (error.code === 'FST_REQ_FILE_TOO_LARGE')
            message = `a file is over the ${limits.maxFileBytes}-byte limit`;
        if (error.code === 'FST_FILES_LIMIT')
            message = 'too many files in the form';
        if (error.code === 'FST_FIELDS_LIMIT' || error.code === 'FST_PARTS_LIMIT')
            message = 'too many fields in the form';
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
            message = `the body is over the ${limits.maxBodyBytes}-byte limit`;
        if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
            status = 415;
            message = 'expected multipart/form-data';
        }
        if (status >= 500) {
            logger.error(`store: ${error.stack ?? error.message}`);
            message = 'internal error';
        }
        void reply.status(status).send({ code: status, message });
    });
    const watchOptions = options.watch === false ? {} : (options.watch ?? {});
    const watcher = new Watcher({
        db: options.db,
        repo,
        policies,
        cacheDir: options.data?.cacheDir ?? '',
        logger,
        ...(options.env ? { env: options.env } : {}),
        ...watchOptions,
        ...shared,
        onEvaluation: () => deliverer?.kick(),
    });
    SERVICES.set(app, { repo, policies, reevaluator, deliverer, watcher });
    if (options.watch !== false)
        watcher.start();
    deliverer?.start();
    const policyTimer = setInterval(() => {
        reevaluator.checkPolicyChanges().catch((e) => logger.warning(`store: checking policies: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
        // The lease sweep: a job whose process stopped renewing it and that nothing retries is failed as interrupted.
        reevaluator.recover().catch((e) => logger.warning(`store: sweeping jobs: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
    }, options.policyPollMs ?? 5000);
    policyTimer.unref();
    app.addHook('onClose', async () => {
        clearInterval(policyTimer);
        await reevaluator.close();
        await deliverer?.stop();
        await watcher.close();
        await queue.close();
    });
    app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.setNotFoundHandler((req, reply) => {
        void reply.status(404).send({ code: 404, message: `no route ${req.method} ${req.url.split('?')[0]}` });
    });
    const needs = (scope) => async (req, reply) => {
        if (scope === 'read' && options.openRead)
            return;
        const header = req.headers.authorization ?? '';
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m) {
            void reply.header('www-authenticate', 'Bearer').status(401).send({ code: 401, message: 'a bearer token is required' });
            return reply;
        }
        const access = await accessOf(options.db, m[1]);
        const scopes = access?.scopes;
        if (!scopes) {
            void reply.header('www-authenticate', 'Bearer error="invalid_token"').status(401).send({ code: 401, message: 'unknown or revoked token' });
            return reply;
        }
        if (!scopes.includes(scope)) {
            void reply.status(403).send({ code: 403, message: `this token lacks the "${scope}" scope` });
            return reply;
        }
        if (access.repositories.length)
            REQUEST_SCOPE.set(req, access.repositories);
        return undefined;
    };
    const sendFile = async (reply, id, scope = {}) => {
        const file = server_UUID_RE.test(id) && (await repo.fileVisible(id, scope)) ? await repo.getFile(id) : undefined;
        if (!file)
            throw new HttpError(404, 'No runtime compliance results found');
        return reply
            .header('content-type', file.meta.content_type)
            .header('content-length', String(file.meta.size))
            .header('content-disposition', `attachment; filename="${server_safeFileName(file.meta.name, 'file')}"`)
            .header('x-content-type-options', 'nosniff')
            // Uploaded HTML (an OpenSCAP report) is shown sandboxed: no script runs with the store's origin.
            .header('content-security-policy', 'sandbox')
            .header('etag', `"${file.meta.sha256}"`)
            .send(file.stream);
    };
    app.get('/healthz', async () => ({ status: 'ok' }));
    for (const base of COMPLIANCE_BASES) {
        app.post(base, { onRequest: needs('push') }, async (req, reply) => {
            const key = idempotencyHeader(req);
            const form = await readForm(req, { fields: ['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'], files: ['result_file', 'report_file'] }, limits);
            const f = form.fields;
            const checkType = f.get('check_type');
            if (!checkType)
                throw new HttpError(400, 'check_type is required');
            if (!/^[a-z0-9_-]{1,64}$/.test(checkType))
                throw new HttpError(400, 'check_type must be 1–64 characters of a-z 0-9 _ -');
            const result = f.get('result') || undefined;
            if (result !== undefined && !RESULTS.includes(result))
                throw new HttpError(400, `result must be one of ${RESULTS.join(', ')}`);
            const input = {
                check_type: checkType,
                image_digest: requireDigest(f.get('image_digest')),
                ...(result ? { result } : {}),
                ...server_opt('pod', optionalText(f.get('pod'), 'pod')),
                ...server_opt('namespace', optionalText(f.get('namespace'), 'namespace')),
                ...server_opt('image_tag', optionalText(f.get('image_tag'), 'image_tag', 512)),
                ...server_opt('start_time', optionalTime(f.get('start_time'), 'start_time')),
                ...server_opt('end_time', optionalTime(f.get('end_time'), 'end_time')),
                ...server_opt('result_file', form.files.get('result_file')),
                ...server_opt('report_file', form.files.get('report_file')),
                ...server_opt('idempotencyKey', key),
            };
            checkPushScope(req, complianceRepository(input), 'this compliance check');
            const { record, duplicate } = await repo.createCompliance(input);
            if (duplicate && !complianceVisible(repositoryScopeOf(req), record))
                throw new HttpError(409, 'this Idempotency-Key is already used by another push');
            return reply.status(duplicate ? 200 : 200).send(record);
        });
        app.get(base, { onRequest: needs('read') }, async (req, reply) => {
            const q = req.query;
            const list = await repo.listCompliance({
                ...server_opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
                ...server_opt('namespace', q.namespace),
                ...server_opt('pod', q.pod),
                ...server_opt('check_type', q.check_type),
                ...server_opt('since', optionalTime(q.since ?? q.start_time, 'since')),
                ...server_opt('until', optionalTime(q.until ?? q.end_time, 'until')),
                ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
                ...repositoryScopeOf(req),
            });
            // Anchore answers 404 when there are none.
            if (list.length === 0)
                return reply.status(404).send({ code: 404, message: 'No runtime compliance checks found' });
            return list;
        });
        app.get(`${base}/result/:fileId`, { onRequest: needs('read') }, async (req, reply) => sendFile(reply, req.params.fileId, repositoryScopeOf(req)));
        app.get(`${base}/:id`, { onRequest: needs('read') }, async (req) => {
            const id = req.params.id;
            const rec = server_UUID_RE.test(id) ? await repo.getVisibleCompliance(id, repositoryScopeOf(req)) : undefined;
            if (!rec)
                throw new HttpError(404, 'No runtime compliance check found');
            return rec;
        });
    }
    app.post('/v2/evaluations', { onRequest: needs('push') }, async (req, reply) => {
        const header = idempotencyHeader(req);
        const form = await readForm(req, { fields: ['image_digest', 'image_tag', 'commit', 'pipeline_run'], files: ['report', 'sbom', 'sarif'] }, limits);
        const digest = requireDigest(form.fields.get('image_digest'));
        const reportFile = form.files.get('report');
        if (!reportFile)
            throw new HttpError(400, 'report is required (the JSON ScanReport)');
        const summary = summariseReport(parseJsonFile(reportFile, 'report'));
        const sbom = form.files.get('sbom');
        if (sbom)
            parseJsonFile(sbom, 'sbom');
        const sarif = form.files.get('sarif');
        if (sarif) {
            const s = parseJsonFile(sarif, 'sarif');
            if (s?.version !== '2.1.0')
                throw new HttpError(400, 'sarif must be SARIF 2.1.0 (version "2.1.0")');
        }
        const imageTag = optionalText(form.fields.get('image_tag'), 'image_tag', 512) ?? summary.repoTag;
        const split = imageTag ? splitTag(imageTag) : undefined;
        checkPushScope(req, split?.repository, 'this evaluation');
        const { record, duplicate } = await repo.ingestEvaluation({
            image_digest: digest,
            ...server_opt('repository', split?.repository),
            ...server_opt('tag', split?.tag),
            ...server_opt('commit', optionalText(form.fields.get('commit'), 'commit', 128)),
            ...server_opt('pipeline_run', optionalText(form.fields.get('pipeline_run'), 'pipeline_run', 512)),
            decision: summary.decision,
            counts: summary.counts,
            report: { ...reportFile, contentType: 'application/json' },
            ...server_opt('sbom', sbom ? { ...sbom, contentType: 'application/json' } : undefined),
            ...server_opt('sarif', sarif ? { ...sarif, contentType: 'application/sarif+json' } : undefined),
            idempotencyKey: header ?? evaluationKey(form.fields, form.files),
            parsedReport: summary.parsed,
        });
        if (duplicate && !repositoryAllowed(repositoryScopeOf(req).repositories ?? [], record.repository))
            throw new HttpError(409, 'this Idempotency-Key is already used by another push');
        if (!duplicate)
            deliverer?.kick();
        return reply.status(duplicate ? 200 : 201).send(record);
    });
    app.get('/v2/evaluations', { onRequest: needs('read') }, async (req) => {
        const q = req.query;
        return repo.listEvaluations({
            ...server_opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
            ...server_opt('repository', q.repository),
            ...server_opt('tag', q.tag),
            ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
            ...repositoryScopeOf(req),
        });
    });
    app.get('/v2/evaluations/latest', { onRequest: needs('read') }, async (req) => repo.latestEvaluations(repositoryScopeOf(req)));
    app.get('/v2/images/:digest/evaluations', { onRequest: needs('read') }, async (req) => {
        const scope = repositoryScopeOf(req);
        const list = await repo.listEvaluations({ image_digest: requireDigest(req.params.digest), ...scope });
        // A scoped token is told nothing of an image outside its repositories: the same 404 as for an unknown one.
        if (list.length === 0 && scope.repositories?.length)
            throw new HttpError(404, 'No image found');
        return list;
    });
    app.get('/v2/evaluations/:id', { onRequest: needs('read') }, async (req) => {
        const id = req.params.id;
        const rec = server_UUID_RE.test(id) ? await repo.getEvaluation(id, repositoryScopeOf(req)) : undefined;
        if (!rec)
            throw new HttpError(404, 'No evaluation found');
        const q = req.query;
        const links = {
            report: `/v2/evaluations/${rec.id}/files/report`,
            ...(rec.files.sbom ? { sbom: `/v2/evaluations/${rec.id}/files/sbom` } : {}),
            ...(rec.files.sarif ? { sarif: `/v2/evaluations/${rec.id}/files/sarif` } : {}),
        };
        if (q.embed !== 'true')
            return { ...rec, links };
        const embed = async (fileId) => {
            if (!fileId)
                return null;
            const f = await repo.getFile(fileId);
            if (!f)
                return null;
            const chunks = [];
            for await (const c of f.stream)
                chunks.push(c);
            return JSON.parse(Buffer.concat(chunks).toString('utf8'));
        };
        return { ...rec, links, sbom: await embed(rec.files.sbom), sarif: await embed(rec.files.sarif) };
    });
    app.get('/v2/evaluations/:id/files/:kind', { onRequest: needs('read') }, async (req, reply) => {
        const { id, kind } = req.params;
        if (kind !== 'report' && kind !== 'sbom' && kind !== 'sarif')
            throw new HttpError(404, `no file "${kind}"; files: report, sbom, sarif`);
        const rec = server_UUID_RE.test(id) ? await repo.getEvaluation(id, repositoryScopeOf(req)) : undefined;
        const fileId = rec?.files[kind];
        if (!fileId)
            throw new HttpError(404, `No ${kind} for this evaluation`);
        return sendFile(reply, fileId);
    });
    app.put('/v2/policies/:name', { onRequest: needs('admin') }, async (req, reply) => {
        const name = req.params.name;
        if (!NAME_RE.test(name))
            throw new HttpError(400, 'a policy name is 1–128 characters of A-Z a-z 0-9 . _ - (starting with a letter or digit)');
        const text = typeof req.body === 'string' ? req.body : req.body === undefined ? '' : JSON.stringify(req.body);
        if (!text.trim())
            throw new HttpError(400, 'the body must be a policy bundle (JSON or YAML)');
        let result;
        try {
            result = await policies.set(name, text, `policy ${name}`);
        }
        catch (error) {
            if (error instanceof policy_bundle/* PolicyValidationError */.e9 || error instanceof common_errors/* ConfigurationError */.j1)
                throw new HttpError(400, (0,common_errors/* getErrorMessage */.u1)(error).split('\n').slice(0, 20).join('\n'));
            throw error;
        }
        const job = result.changed ? (await reevaluator.checkPolicyChanges()).get(name) : undefined;
        return reply.status(200).send({ ...result.policy, changed: result.changed, ...(job ? { job: { id: job.id, href: `/v2/jobs/${job.id}` } } : {}) });
    });
    app.get('/v2/policies', { onRequest: needs('read') }, async () => policies.list());
    app.get('/v2/policies/:name', { onRequest: needs('read') }, async (req) => {
        const found = await policies.get(req.params.name);
        if (!found)
            throw new HttpError(404, 'No policy with this name');
        return { name: found.name, bundle_digest: found.digest, bundle: JSON.parse(found.content) };
    });
    app.post('/v2/admin/refresh', { onRequest: needs('admin') }, async (_req, reply) => {
        if (!options.data?.cacheDir)
            throw new HttpError(409, 'this store has no vulnerability database configured (serve --db-cache-dir)');
        const job = await reevaluator.startRefresh();
        return reply.status(202).header('location', `/v2/jobs/${job.id}`).send({ id: job.id, state: job.state, href: `/v2/jobs/${job.id}` });
    });
    app.get('/v2/jobs/:id', { onRequest: needs('read') }, async (req) => {
        const id = req.params.id;
        const job = server_UUID_RE.test(id) ? await reevaluator.getJob(id) : undefined;
        if (!job)
            throw new HttpError(404, 'No job found');
        return job;
    });
    app.post('/v2/subscriptions', { onRequest: needs('admin') }, async (req, reply) => {
        let parsed;
        try {
            parsed = parseSubscription(req.body);
        }
        catch (error) {
            if (error instanceof SubscriptionError)
                throw new HttpError(400, error.message);
            throw error;
        }
        return reply.status(201).send(publicSubscription(await subscriptions.create(parsed)));
    });
    app.get('/v2/subscriptions', { onRequest: needs('admin') }, async () => (await subscriptions.list()).map(publicSubscription));
    app.get('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req) => {
        const id = req.params.id;
        const sub = server_UUID_RE.test(id) ? await subscriptions.get(id) : undefined;
        if (!sub)
            throw new HttpError(404, 'No subscription found');
        return publicSubscription(sub);
    });
    app.delete('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req, reply) => {
        const id = req.params.id;
        if (!server_UUID_RE.test(id) || !(await subscriptions.delete(id)))
            throw new HttpError(404, 'No subscription found');
        return reply.status(204).send();
    });
    app.post('/v2/watches', { onRequest: needs('admin') }, async (req, reply) => {
        let spec;
        try {
            spec = parseWatch(req.body, watcher.minIntervalMs);
        }
        catch (error) {
            if (error instanceof WatchError)
                throw new HttpError(400, error.message);
            throw error;
        }
        const { watch, created } = await watcher.create(spec);
        if (!created)
            return reply.status(409).header('location', `/v2/watches/${watch.id}`).send({ code: 409, message: `a watch of ${watch.repository} tags ${watch.tags} exists: ${watch.id}`, id: watch.id });
        return reply.status(201).header('location', `/v2/watches/${watch.id}`).send(watch);
    });
    app.get('/v2/watches', { onRequest: needs('admin') }, async () => watcher.list());
    app.get('/v2/watches/:id', { onRequest: needs('admin') }, async (req) => {
        const id = req.params.id;
        const watch = server_UUID_RE.test(id) ? await watcher.get(id) : undefined;
        if (!watch)
            throw new HttpError(404, 'No watch found');
        return watch;
    });
    app.delete('/v2/watches/:id', { onRequest: needs('admin') }, async (req, reply) => {
        const id = req.params.id;
        if (!server_UUID_RE.test(id) || !(await watcher.delete(id)))
            throw new HttpError(404, 'No watch found');
        return reply.status(204).send();
    });
    app.get('/v2/notifications', { onRequest: needs('admin') }, async (req) => {
        const q = req.query;
        if (q.state && !['pending', 'delivered', 'failed'].includes(q.state))
            throw new HttpError(400, 'state must be pending, delivered or failed');
        const globs = repositoryScopeOf(req).repositories ?? [];
        return (await listNotifications(options.db, {
            ...server_opt('subscription_id', q.subscription_id),
            ...server_opt('state', q.state),
            ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
        })).filter((n) => repositoryAllowed(globs, n.payload.image.repository));
    });
    // The web pages (web-routes.ts): every page request goes through needs('read') and its repository scope.
    await registerWebPages(app, { repo, db: options.db, readCheck: needs('read'), scopeOf: repositoryScopeOf, openRead: options.openRead === true });
    return app;
}
function server_opt(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/cli/commands/serve.ts













function serve_location(opts, ctx) {
    return {
        dataDir: opts.dataDir,
        ...((opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE) ? { database: opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE } : {}),
        ...(opts.filesDir ? { filesDir: opts.filesDir } : {}),
        s3: { ...(opts.s3Endpoint ? { endpoint: opts.s3Endpoint } : {}), ...(opts.s3Region ? { region: opts.s3Region } : {}) },
    };
}
function addStoreOptions(cmd) {
    return cmd
        .option('--data-dir <dir>', 'where the SQLite file and the files live', 'portcullis-store')
        .option('--database <url-or-path>', 'a postgres:// URL, or a SQLite file (default: DATA_DIR/store.sqlite; env PORTCULLIS_STORE_DATABASE)')
        .option('--files-dir <dir-or-s3-url>', 'where uploaded files go: a directory, or s3://BUCKET/PREFIX (default: DATA_DIR/files)')
        .option('--s3-endpoint <url>', 'S3-compatible endpoint (MinIO, …); path-style addressing. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY')
        .option('--s3-region <region>', 'S3 region (default AWS_REGION or us-east-1)');
}
function parseListen(text) {
    const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
    const port = m ? Number(m[3]) : NaN;
    if (!m || !(port >= 0 && port < 65536))
        throw new common_errors/* ConfigurationError */.j1(`--listen "${text}" is not HOST:PORT or PORT`);
    return { host: m[1] || m[2] || '127.0.0.1', port };
}
function parseBytes(text, flag) {
    const m = /^(\d+)\s*(k|m|g)?i?b?$/i.exec(text.trim());
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is not a size (e.g. 50MB, 512KB, 1048576)`);
    const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
    return Number(m[1]) * unit;
}
async function readTls(certFile, keyFile) {
    if (!certFile && !keyFile)
        return undefined;
    if (!certFile || !keyFile)
        throw new common_errors/* ConfigurationError */.j1('--tls-cert and --tls-key go together');
    const read = async (file, flag, marker) => {
        let data;
        try {
            data = await (0,promises_.readFile)(file);
        }
        catch (error) {
            throw new common_errors/* ConfigurationError */.j1(`${flag}: cannot read ${file}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
        }
        if (!marker.test(data.toString('latin1')))
            throw new common_errors/* ConfigurationError */.j1(`${flag}: ${file} is not a PEM file`);
        return data;
    };
    const cert = await read(certFile, '--tls-cert', /-----BEGIN CERTIFICATE-----/);
    const key = await read(keyFile, '--tls-key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    try {
        (0,external_node_tls_.createSecureContext)({ cert, key });
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`--tls-cert / --tls-key: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return { cert, key };
}
/** `90s`, `30m`, `6h`, `1d` (at least 10 seconds). */
function parseInterval(text, flag) {
    const m = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is not an interval (e.g. 30m, 6h, 1d)`);
    const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2].toLowerCase()];
    if (ms < 10_000)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is under 10 seconds`);
    return ms;
}
/**
 * `--registry-credentials FILE`: a docker config.json for the store's registry watches. The credential lookup reads
 * DIR/config.json, so a file by another name is reached through a private directory holding a symlink to it (the
 * file stays where it is, and an update to it is seen).
 */
async function registryCredentialsDir(file) {
    const path = (0,external_node_path_.resolve)(file);
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`--registry-credentials: cannot read ${file} as a docker config.json: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new common_errors/* ConfigurationError */.j1(`--registry-credentials: ${file} is not a docker config.json (a JSON object with "auths")`);
    if ((0,external_node_path_.basename)(path) === 'config.json')
        return { dir: (0,external_node_path_.dirname)(path), temporary: false };
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-registry-credentials-'));
    await (0,promises_.symlink)(path, (0,external_node_path_.join)(dir, 'config.json'));
    return { dir, temporary: true };
}
function isLoopback(host) {
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
const serveCommand = {
    id: 'serve',
    register(program, ctx) {
        const serve = addStoreOptions(program
            .command('serve')
            .description("run the central store: Anchore's runtime-compliance API, evaluations, and a small web page")
            .option('--listen <host:port>', 'address to listen on', '127.0.0.1:8228')
            .option('--max-file-size <size>', 'largest accepted file', `${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024}MB`)
            .option('--open-read', 'serve reads (lists, files, the page) without a token; pushes still need one')
            .option('--tls-cert <pem>', 'serve HTTPS directly with this certificate (chain) file; with --tls-key')
            .option('--tls-key <pem>', 'the private key of --tls-cert')
            .option('--db-refresh <interval>', 'refresh the vulnerability database this often (30m, 6h, 1d) and re-evaluate every stored image when it changed')
            .option('--db-cache-dir <dir>', 'the store\'s vulnerability database (default: as db update, $PORTCULLIS_CACHE_DIR or ~/.cache/portcullis)')
            .option('--db-url <url>', 'refresh from the OSV bucket layout at this URL, as db update --db-url (or $PORTCULLIS_DB_URL)')
            .option('--db-repository [ref]', `refresh the compiled database from this OCI repository, as db update --db-repository (bare flag: ${artifact/* DEFAULT_DB_REPOSITORY */.ax})`)
            .option('--insecure-registry <host...>', 'plain-http registries for --db-repository and watches (localhost is always plain http)')
            .option('--registry-credentials <file>', 'a docker config.json with the credentials for watched registries (default: DOCKER_CONFIG or ~/.docker)')
            .option('--github-api-url <url>', "GitHub's REST API for github_issue subscriptions (GitHub Enterprise Server: https://HOST/api/v3)", GITHUB_API_URL)).action(async (opts) => {
            const { host, port } = parseListen(opts.listen);
            const githubApiUrl = parseGitHubApiUrl(opts.githubApiUrl);
            const refreshMs = opts.dbRefresh ? parseInterval(opts.dbRefresh, '--db-refresh') : undefined;
            const dbUrl = opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL;
            const dbRepository = opts.dbRepository === true ? artifact/* DEFAULT_DB_REPOSITORY */.ax : (opts.dbRepository ?? (dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
            if (dbUrl && dbRepository)
                throw new common_errors/* ConfigurationError */.j1('--db-repository replaces the whole database; do not combine it with --db-url');
            const data = {
                cacheDir: opts.dbCacheDir ?? (0,store/* defaultCacheDir */.$g)(ctx.env),
                ...(dbUrl ? { dbUrl } : {}),
                ...(dbRepository ? { dbRepository } : {}),
                ...(opts.insecureRegistry ? { registry: { insecureRegistries: opts.insecureRegistry } } : {}),
            };
            const tls = await readTls(opts.tlsCert, opts.tlsKey);
            const credentials = opts.registryCredentials ? await registryCredentialsDir(opts.registryCredentials) : undefined;
            // The private directory holding the symlink goes when the server stops, whichever way it stops.
            const removeCredentialsDir = () => {
                if (credentials?.temporary)
                    (0,external_node_fs_.rmSync)(credentials.dir, { recursive: true, force: true });
            };
            process.once('exit', removeCredentialsDir);
            const dockerConfigDir = credentials?.dir;
            const watch = { registry: { ...(dockerConfigDir ? { dockerConfigDir } : {}), ...(opts.insecureRegistry ? { insecureRegistries: opts.insecureRegistry } : {}) } };
            const maxFileBytes = parseBytes(opts.maxFileSize, '--max-file-size');
            if (opts.openRead) {
                ctx.logger.warning('--open-read: anyone who can reach this address can read every stored report, SBOM, SARIF and compliance file without a token');
            }
            // Only the server says when its SQLite engine rewrites the whole file per commit; a one-shot token command does not.
            const { db, files } = await openStore({ ...serve_location(opts, ctx), logger: ctx.logger });
            const app = await buildStoreServer({ db, files, logger: ctx.logger, env: ctx.env, data, openRead: Boolean(opts.openRead), limits: { maxFileBytes }, watch, notifications: { githubApiUrl }, ...(tls ? { tls } : {}) });
            try {
                await app.listen({ host, port });
            }
            catch (error) {
                await db.close();
                throw new common_errors/* ConfigurationError */.j1(`cannot listen on ${opts.listen}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
            const addr = app.server.address();
            const actual = typeof addr === 'object' && addr ? addr.port : port;
            ctx.logger.info(`portcullis store listening on ${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actual} (database ${db.label}, files ${files.label})`);
            if (!tls && !isLoopback(host)) {
                ctx.logger.warning(`serving plain HTTP on ${host}: tokens and reports cross the network in clear; put it behind a TLS proxy or give --tls-cert and --tls-key`);
            }
            let refreshTimer;
            if (refreshMs) {
                ctx.logger.info(`refreshing the vulnerability database in ${data.cacheDir} every ${opts.dbRefresh}`);
                const { reevaluator } = storeServices(app);
                const tick = () => void reevaluator.startRefresh({ every: refreshMs }).catch((e) => ctx.logger.warning(`store: cannot start a refresh: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
                tick();
                refreshTimer = setInterval(tick, refreshMs);
            }
            await new Promise((resolve) => {
                const stop = () => resolve();
                process.once('SIGINT', stop);
                process.once('SIGTERM', stop);
            });
            clearInterval(refreshTimer);
            ctx.logger.info('stopping: finishing requests in flight');
            await app.close();
            await db.close();
            removeCredentialsDir();
        });
        const policy = serve.command('policy').description('manage the store\'s policy bundles (a change re-evaluates the images the policy decides)');
        policy
            .command('set')
            .description('store a bundle (JSON or YAML) under NAME; a running serve notices the change and re-evaluates')
            .argument('<name>')
            .argument('<file>')
            .action(async (name, file, _o, cmd) => {
            const opts = cmd.optsWithGlobals();
            let text;
            try {
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (error) {
                throw new common_errors/* ConfigurationError */.j1(`cannot read policy bundle ${file}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const { policy: p, changed } = await new PolicyStore(db).set(name, text, file);
                ctx.out(`${changed ? 'set' : 'unchanged'} policy ${p.name}: bundle ${p.bundle_id} ${p.bundle_digest}\n`);
            }
            finally {
                await db.close();
            }
        });
        policy
            .command('list')
            .description('list the stored policies')
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                for (const p of await new PolicyStore(db).list())
                    ctx.out(`${p.name}  ${p.bundle_id}  ${p.bundle_digest}  ${p.updated_at}\n`);
            }
            finally {
                await db.close();
            }
        });
        // The store options are `serve`'s own (commander gives a parent's options to it wherever they appear), so the
        // token commands read them with optsWithGlobals.
        const token = serve.command('token').description('manage the bearer tokens of the store (with serve\'s --data-dir / --database)');
        token
            .command('create')
            .description('create a token and print it once (only its hash is stored)')
            .requiredOption('--name <name>', 'what the token is for (e.g. ci-main)')
            .option('--scope <scopes>', 'comma-separated: push, read, admin (policies, subscriptions, refreshes)', 'push')
            .option('--repository <globs>', 'only images whose repository matches one of these globs (repeatable or comma-separated, e.g. registry.example/team-a/*); not with admin', (v, prev = []) => [...prev, v])
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const scopes = parseScopes(opts.scope);
            const repositories = parseRepositoryGlobs(opts.repository ?? []);
            checkTokenAccess(scopes, repositories);
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const { token: secret, info } = await createToken(db, opts.name, scopes, repositories);
                ctx.logger.info(`created token ${info.id} "${info.name}" with scopes ${info.scopes.join(', ')}${info.repositories.length ? ` for repositories ${info.repositories.join(', ')}` : ''}`);
                ctx.out(`${secret}\n`);
            }
            finally {
                await db.close();
            }
        });
        token
            .command('revoke')
            .description('revoke a token by id or name')
            .argument('<id-or-name>')
            .action(async (idOrName, _o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const n = await revokeToken(db, idOrName);
                if (n === 0)
                    throw new common_errors/* ConfigurationError */.j1(`no live token with id or name "${idOrName}"`);
                ctx.out(`revoked ${n} token${n === 1 ? '' : 's'}\n`);
            }
            finally {
                await db.close();
            }
        });
        token
            .command('list')
            .description('list tokens (never their secrets)')
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                for (const t of await listTokens(db)) {
                    ctx.out(`${t.id}  ${t.name}  ${t.scopes.join(',')}  ${t.revoked_at ? `revoked ${t.revoked_at}` : 'live'}  ${t.repositories.length ? `repositories ${t.repositories.join(',')}` : 'all repositories'}\n`);
                }
            }
            finally {
                await db.close();
            }
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
