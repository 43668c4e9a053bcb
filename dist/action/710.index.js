export const id = 710;
export const ids = [710,298];
export const modules = {

/***/ 47663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oU: () => (/* binding */ loadBaseline),
/* harmony export */   vr: () => (/* binding */ baseBranchOf)
/* harmony export */ });
/* unused harmony exports STORE_PREFIX, parseBaselineRef, branchTag, isScanReport */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _publish_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62211);
/* harmony import */ var _publish_store_sink_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67408);
/* harmony import */ var _sbom_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22138);
/**
 * Loading a baseline (`scan --baseline REF`): a previous Portcullis JSON report as it is; an SBOM (CycloneDX, SPDX,
 * Portcullis JSON without a policy result), scanned by the caller with today's data; or `store:` / `store:REPO[:TAG]`,
 * the newest evaluation the store holds for that repository and tag. The store records repository, tag, commit and
 * pipeline run, but no branch: `store:` looks for the scanned image's repository tagged with the change's base branch
 * (`feature/x` → `feature-x`, as image tags are written), which the CI gives.
 */





const STORE_PREFIX = 'store:';
/** `store:`, `store:REPO`, `store:REPO:TAG` (`store:localhost:5000/app:main` too), or a file path. */
function parseBaselineRef(ref) {
    if (!ref.trim())
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--baseline needs a value: a JSON report or SBOM path, store: or store:REPO:TAG');
    if (ref === 'store' || !ref.startsWith(STORE_PREFIX))
        return ref === 'store' ? { kind: 'store' } : { kind: 'file', path: ref };
    const rest = ref.slice(STORE_PREFIX.length);
    if (!rest)
        return { kind: 'store' };
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        return { kind: 'store', repository: rest.slice(0, colon), tag: rest.slice(colon + 1) };
    return { kind: 'store', repository: rest };
}
/** A branch name as an image tag: characters outside `[A-Za-z0-9_.-]` become `-`, at most 128. */
function branchTag(branch) {
    return branch.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '').slice(0, 128);
}
/** The base branch of the change from the CI's environment: GitHub Actions, GitLab CI, Jenkins (multibranch). */
function baseBranchOf(env) {
    return env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME || env.CHANGE_TARGET || undefined;
}
/** A previous Portcullis scan report (`-o json`), not an SBOM: it has a decision, findings and a policy result. */
function isScanReport(doc) {
    const r = doc;
    return (!!r &&
        typeof r === 'object' &&
        r.schemaVersion === '1' &&
        r.tool?.name === 'portcullis' &&
        (r.decision === 'GO' || r.decision === 'WARN' || r.decision === 'STOP') &&
        Array.isArray(r.findings) &&
        Array.isArray(r.packages) &&
        typeof r.image === 'object' &&
        r.image !== null &&
        typeof r.policy === 'object' &&
        r.policy !== null &&
        Array.isArray(r.policy.findings));
}
/** Checks the parts of a report the delta reads, so that a hand-edited file fails with a line, not a TypeError. */
function checkedReport(doc, label) {
    doc.findings.forEach((f, i) => {
        if (!f || typeof f.id !== 'string' || typeof f.packageName !== 'string' || typeof f.installedVersion !== 'string' || !Array.isArray(f.aliases)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label}: findings[${i}] is not a finding (it needs id, aliases, packageName and installedVersion)`);
        }
    });
    doc.policy.findings.forEach((p, i) => {
        if (!p || typeof p.trigger_id !== 'string' || typeof p.gate !== 'string' || typeof p.trigger !== 'string' || typeof p.message !== 'string') {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label}: policy.findings[${i}] is not a policy trigger (it needs gate, trigger, trigger_id and message)`);
        }
    });
    if (typeof doc.image.reference !== 'string' || !Array.isArray(doc.image.repoTags))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label}: image has no reference and repoTags`);
    return doc;
}
async function loadBaseline(ref, ctx) {
    const parsed = parseBaselineRef(ref);
    if (parsed.kind === 'store')
        return loadFromStore(parsed, ctx);
    const path = ctx.at(parsed.path);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot read baseline ${parsed.path}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e)}`, { cause: e });
    }
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (e) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`baseline ${parsed.path} is not JSON: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e)} (give a Portcullis JSON report or an SBOM)`, { cause: e });
    }
    if (isScanReport(doc))
        return { report: checkedReport(doc, `baseline ${parsed.path}`), kind: 'report', source: parsed.path };
    // Not a report: an SBOM (this throws a precise line when it is neither), whose findings today's data gives.
    (0,_sbom_read_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSbom */ .rl)(text, `baseline ${parsed.path}`);
    return { report: await ctx.rescan(`sbom:${path}`), kind: 'sbom', source: parsed.path };
}
async function loadFromStore(ref, ctx) {
    const target = ctx.store;
    if (!target)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--baseline store: needs a store: give --store-url or PORTCULLIS_STORE_URL (the token needs the read scope)');
    const repository = ref.repository ?? (ctx.repoTags[0] ? repositoryOfTag(ctx.repoTags[0]) : undefined);
    if (!repository)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--baseline store: the scanned image has no tag to find its repository by; give --baseline store:REPO:TAG');
    const tag = ref.tag ?? (ctx.baseBranch ? branchTag(ctx.baseBranch) : undefined);
    if (!tag)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`--baseline store: cannot tell the base branch (no GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME or CHANGE_TARGET): give --baseline store:${repository}:TAG`);
    const query = `${_publish_store_sink_js__WEBPACK_IMPORTED_MODULE_3__/* .EVALUATIONS_PATH */ .WL}?repository=${encodeURIComponent(repository)}&tag=${encodeURIComponent(tag)}&limit=1`;
    const signal = ctx.signal ? { signal: ctx.signal } : {};
    const list = await (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(target, 'GET', query, signal);
    if (list.status !== 200)
        throw (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_2__/* .statusError */ .$C)('GET', target, query, list);
    const row = list.json()[0];
    if (!row)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the store at ${target.url} has no evaluation of ${repository}:${tag} to use as the baseline`);
    const filePath = `${_publish_store_sink_js__WEBPACK_IMPORTED_MODULE_3__/* .EVALUATIONS_PATH */ .WL}/${row.id}/files/report`;
    const res = await (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(target, 'GET', filePath, signal);
    if (res.status !== 200)
        throw (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_2__/* .statusError */ .$C)('GET', target, filePath, res);
    const source = `${target.url.replace(/\/+$/, '')}${_publish_store_sink_js__WEBPACK_IMPORTED_MODULE_3__/* .EVALUATIONS_PATH */ .WL}/${row.id}`;
    let doc;
    try {
        doc = res.json();
    }
    catch (e) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`baseline ${source}: the stored report is not JSON: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e)}`, { cause: e });
    }
    if (!isScanReport(doc))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`baseline ${source}: the stored report is not a Portcullis JSON report`);
    return { report: checkedReport(doc, `baseline ${source}`), kind: 'store', source };
}
/** The repository the store files a tag under (its own split: the part before the tag). */
function repositoryOfTag(tag) {
    const noDigest = tag.split('@')[0];
    const colon = noDigest.lastIndexOf(':');
    return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}


/***/ }),

/***/ 83298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsCache: () => (/* binding */ actionsCache),
/* harmony export */   cacheBackendOf: () => (/* binding */ cacheBackendOf),
/* harmony export */   dbCacheKey: () => (/* binding */ dbCacheKey),
/* harmony export */   quietly: () => (/* binding */ quietly),
/* harmony export */   restoreDbCache: () => (/* binding */ restoreDbCache),
/* harmony export */   saveDbCache: () => (/* binding */ saveDbCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70318);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);
/**
 * The vulnerability database in the GitHub Actions cache, keyed by day: the first run of a day downloads (and saves
 * under today's key), later runs restore today's entry, or yesterday's as a start when today's is not there yet.
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */




/**
 * @actions/cache reports its own failures as workflow commands (`::warning::Failed to save: …`, `::error::` for a
 * 5xx) and returns as if nothing happened (saveCache answers -1). A cache problem is not the user's: while the
 * library runs, what it prints is held back; its lines go to the debug log, and its warnings and errors come back as
 * `problems` for one info line of ours, never an annotation.
 */
async function quietly(fn, stream = process.stdout) {
    let held = '';
    const original = stream.write;
    stream.write = ((chunk, ...rest) => {
        held += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const cb = rest.find((r) => typeof r === 'function');
        cb?.();
        return true;
    });
    const problems = [];
    const drain = () => {
        stream.write = original;
        for (const line of held.split(/\r?\n/)) {
            if (!line)
                continue;
            const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
            const text = command ? unescapeCommandData(command[2]) : line;
            if (command ? command[1] === 'warning' || command[1] === 'error' : /^(Failed to (save|restore)|Cache (save|restore) skipped)/.test(text))
                problems.push(text);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(command?.[1] === 'debug' ? text : `@actions/cache: ${text}`);
        }
    };
    try {
        const value = await fn();
        drain();
        return { value, problems };
    }
    catch (e) {
        drain();
        throw e;
    }
}
function unescapeCommandData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
/**
 * A cache library as a CacheBackend: a failure it only printed is thrown, so that the caller logs it once. A library
 * without the functions (or whose availability check throws) is an absent service, not an error.
 */
function cacheBackendOf(lib) {
    return {
        available: () => {
            try {
                return typeof lib.isFeatureAvailable === 'function' && typeof lib.restoreCache === 'function' && typeof lib.saveCache === 'function' && lib.isFeatureAvailable();
            }
            catch {
                return false;
            }
        },
        restore: async (paths, key, restoreKeys) => {
            const { value, problems } = await quietly(() => lib.restoreCache(paths, key, restoreKeys));
            if (problems.length)
                throw new Error(problems.join('; '));
            return value;
        },
        save: async (paths, key) => {
            const { value, problems } = await quietly(() => lib.saveCache(paths, key));
            if (value === -1 || problems.length)
                throw new Error(problems.join('; ') || 'the cache service did not store it');
        },
    };
}
/** The Actions cache through @actions/cache. */
const actionsCache = cacheBackendOf(_actions_cache__WEBPACK_IMPORTED_MODULE_1__);
const PREFIX = 'portcullis-vulndb-v1-';
function dbCacheKey(now) {
    return `${PREFIX}${now.toISOString().slice(0, 10)}`;
}
async function restoreDbCache(backend, dir, now, logger) {
    if (!(await backend.available())) {
        logger.info('db-cache: the Actions cache service is not available here; the vulnerability data is not cached');
        return undefined;
    }
    const key = dbCacheKey(now);
    try {
        const restored = await backend.restore([dir], key, [PREFIX]);
        logger.info(restored ? `db-cache: restored the vulnerability data from ${restored}` : 'db-cache: no cached vulnerability data yet');
        return { key, dir, ...(restored ? { restored } : {}) };
    }
    catch (e) {
        logger.info(`db-cache: the Actions cache failed, so the vulnerability data is neither restored nor saved in this run: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}`);
        return { key, dir, failed: true };
    }
}
/** Saves under today's key unless that is what was restored (a cache entry is immutable). */
async function saveDbCache(backend, state, logger) {
    if (!state || state.failed || state.restored === state.key)
        return;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(state.dir)) {
        logger.debug(`db-cache: ${state.dir} does not exist; nothing to save`);
        return;
    }
    try {
        await backend.save([state.dir], state.key);
        logger.info(`db-cache: saved the vulnerability data as ${state.key}`);
    }
    catch (e) {
        // Another job of the same day saved first (the key is reserved), or the service is down: not the scan's problem.
        logger.info(`db-cache: not saved: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}`);
    }
}


/***/ }),

/***/ 91710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: LAYER_CACHE_MAX_BYTES, baselineConfig, planOutputs, scanConfig, storeConfig

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
// EXTERNAL MODULE: ./src/common/outcome.ts
var common_outcome = __webpack_require__(84793);
// EXTERNAL MODULE: ./src/image/manifest.ts
var manifest = __webpack_require__(20596);
// EXTERNAL MODULE: ./src/output/format.ts
var format = __webpack_require__(77550);
// EXTERNAL MODULE: ./src/output/formats/sarif.ts
var formats_sarif = __webpack_require__(24711);
// EXTERNAL MODULE: ./src/output/list.ts + 8 modules
var list = __webpack_require__(36054);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/publish/target.ts
/** Where pushes go, from flags and the environment (the CI wrappers pass `store-url`/`store-token` as env). */


/** The configured target, or undefined when no URL is set (pushing is optional). */
function targetFrom(flags, env) {
    const url = flags.storeUrl ?? env.PORTCULLIS_STORE_URL;
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new common_errors/* ConfigurationError */.j1(`store URL "${(0,http/* redactUrl */.BO)(url)}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new common_errors/* ConfigurationError */.j1(`store URL "${(0,http/* redactUrl */.BO)(url)}" must be http or https`);
    // `https://user:pass@host` means Basic auth; the URL kept (in messages, logs and the spool) has no credentials.
    const inUrl = parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined;
    const token = flags.storeToken ?? env.PORTCULLIS_STORE_TOKEN;
    let username = flags.username ?? env.PORTCULLIS_STORE_USERNAME ?? env.ANCHORECTL_USERNAME;
    let password = flags.password ?? env.PORTCULLIS_STORE_PASSWORD ?? env.ANCHORECTL_PASSWORD;
    if (inUrl) {
        if (token || username)
            throw new common_errors/* ConfigurationError */.j1('the store URL holds credentials: give them there or as a token / username, not both');
        ({ username, password } = inUrl);
    }
    if (token && username)
        throw new common_errors/* ConfigurationError */.j1('give a store token or a username and password, not both');
    if (username && !password)
        throw new common_errors/* ConfigurationError */.j1('a store username needs a password (PORTCULLIS_STORE_PASSWORD)');
    const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0))
        throw new common_errors/* ConfigurationError */.j1(`--timeout "${flags.timeout}" is not a number of seconds`);
    const account = flags.account ?? env.PORTCULLIS_STORE_ACCOUNT;
    return {
        url: inUrl ? (0,http/* redactUrl */.BO)(url) : url,
        ...(token ? { auth: { kind: 'bearer', token } } : {}),
        ...(username && password ? { auth: { kind: 'basic', username, password } } : {}),
        ...(account ? { account } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
    };
}
/** The commit and pipeline run from the CI's environment: GitHub Actions, GitLab CI, Jenkins. */
function ciKeys(env) {
    const commit = env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.GIT_COMMIT;
    let pipelineRun;
    if (env.GITHUB_RUN_ID)
        pipelineRun = `github:${env.GITHUB_REPOSITORY ?? ''}/${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
    else if (env.CI_PIPELINE_ID)
        pipelineRun = `gitlab:${env.CI_PROJECT_PATH ?? ''}/${env.CI_PIPELINE_ID}/${env.CI_JOB_ID ?? ''}`;
    else if (env.BUILD_TAG)
        pipelineRun = `jenkins:${env.BUILD_TAG}`;
    return { ...(commit ? { commit } : {}), ...(pipelineRun ? { pipelineRun } : {}) };
}

// EXTERNAL MODULE: ./src/baseline/load.ts
var load = __webpack_require__(47663);
// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
// EXTERNAL MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts + 1 modules
var vulnerabilities = __webpack_require__(41589);
;// CONCATENATED MODULE: ./src/platform/github/annotations.ts
/**
 * Annotations on Dockerfile lines. GitHub shows at most 10 errors and 10 warnings per step and drops the rest
 * silently, so the plan is made here, most severe first, within a budget, with one notice that counts what is not
 * shown. A finding sits on the line of the instruction that created the layer holding its package (base-image layers
 * on the FROM line); the same vulnerability in several packages on one line is one annotation.
 */


/** GitHub's per-step limits for workflow-command annotations (docs.github.com, "Workflow commands"). */
const GITHUB_ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10 };
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 };
function planAnnotations(report, options) {
    const triggers = new Map();
    const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
    for (const p of fired)
        if (p.gate === 'vulnerabilities')
            triggers.set(p.trigger_id, p);
    // The findings in the report scope only (severity-cutoff, only-fixed), as in the SARIF: a policy trigger about a
    // finding outside the scope is still annotated, as a policy annotation (it is why the step fails), not as a finding.
    const findings = (0,format/* scopedFindings */.td)(report, options);
    const candidates = [];
    let lower = 0;
    const groups = new Map();
    const usedTriggers = new Set();
    for (const f of findings) {
        const trigger = triggers.get(triggerKey(f, triggers));
        if (trigger)
            usedTriggers.add(trigger.trigger_id);
        if (!trigger && levelOfSeverity(f) === undefined) {
            lower++;
            continue;
        }
        const origin = options.dockerfileFile ? (0,format/* originOf */.yv)(report, f.locations[0]) : undefined;
        const key = `${f.id}\u0000${origin?.line ?? ''}\u0000${trigger?.action ?? ''}`;
        const g = groups.get(key);
        if (g)
            g.findings.push(f);
        else
            groups.set(key, {
                findings: [f],
                ...(trigger ? { trigger } : {}),
                ...(origin?.line !== undefined ? { line: origin.line } : {}),
                ...(origin?.endLine !== undefined ? { endLine: origin.endLine } : {}),
                ...(origin?.base ? { base: true } : {}),
            });
    }
    for (const g of groups.values()) {
        const first = g.findings[0];
        const level = g.trigger ? (g.trigger.action === 'stop' ? 'error' : 'warning') : levelOfSeverity(first);
        const packages = g.findings.map((f) => `${f.packageName} ${f.installedVersion}`).join(', ');
        const fix = first.fix.state === 'fixed' && first.fix.versions.length ? `fixed in ${first.fix.versions.join(', ')}` : `no fix (${first.fix.state})`;
        const lines = [
            `${first.severity} ${first.id} in ${packages}: ${fix}.`,
            ...(first.summary ? [first.summary] : []),
            `Found in ${first.locations[0]?.path ?? 'the image'}${g.base ? ', from the base image' : ''}.`,
            ...(g.trigger ? [`Policy rule ${g.trigger.rule_id} → ${g.trigger.action.toUpperCase()}.${g.trigger.recommendation ? ` ${g.trigger.recommendation}` : ''}`] : []),
        ];
        candidates.push({
            annotation: {
                level,
                title: `${first.severity} ${first.id} (${first.packageName})`,
                message: lines.join('\n'),
                ...(options.dockerfileFile && g.line !== undefined ? { file: options.dockerfileFile, line: g.line, ...(g.endLine !== undefined && g.endLine > g.line ? { endLine: g.endLine } : {}) } : {}),
            },
            policy: Boolean(g.trigger),
            severity: (0,format/* severityRank */.qs)(first.severity),
            order: candidates.length,
        });
    }
    for (const p of fired) {
        if (p.gate === 'vulnerabilities' && usedTriggers.has(p.trigger_id))
            continue;
        const line = p.location?.line;
        const inDockerfile = options.dockerfileFile && line !== undefined && !(p.location?.path ?? '').startsWith('/');
        candidates.push({
            annotation: {
                level: p.action === 'stop' ? 'error' : 'warning',
                title: `Policy ${p.action.toUpperCase()}: ${p.gate} ${p.trigger}`,
                message: [p.message, ...(p.recommendation ? [p.recommendation] : []), `Rule ${p.rule_id}.`].join('\n'),
                ...(inDockerfile ? { file: options.dockerfileFile, line } : {}),
            },
            policy: true,
            severity: -1,
            order: candidates.length,
        });
    }
    candidates.sort((a, b) => LEVEL_RANK[a.annotation.level] - LEVEL_RANK[b.annotation.level] ||
        Number(b.policy) - Number(a.policy) ||
        a.severity - b.severity ||
        a.order - b.order);
    const left = { ...options.budget };
    const annotations = [];
    const omitted = { error: 0, warning: 0, lower };
    for (const c of candidates) {
        const level = c.annotation.level;
        if (left[level] > 0) {
            left[level]--;
            annotations.push(c.annotation);
        }
        else {
            omitted[level]++;
        }
    }
    const summary = [summarise(omitted), foldedText(options.folded)].filter(Boolean).join(' ');
    if (summary)
        annotations.push({ level: 'notice', title: 'Portcullis: more findings', message: summary });
    return { annotations, omitted };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function summarise(o) {
    const parts = [o.error ? plural(o.error, 'error') : '', o.warning ? plural(o.warning, 'warning') : '', o.lower ? plural(o.lower, 'low, negligible or unknown finding') : ''].filter(Boolean);
    if (!parts.length)
        return undefined;
    const why = o.error || o.warning ? ' (GitHub shows at most 10 errors and 10 warnings per step)' : '';
    return `${parts.join(', ')} not annotated${why}. The job summary, the JSON report and the SARIF list them all.`;
}
function foldedText(f) {
    if (!f || (!f.error && !f.warning))
        return undefined;
    const parts = [f.error ? plural(f.error, 'error') : '', f.warning ? plural(f.warning, 'warning') : ''].filter(Boolean);
    return `${parts.join(' and ')} of the run ${f.error + f.warning === 1 ? 'is a plain log line' : 'are plain log lines'} ("error: …", "warning: …"), to keep within GitHub's 10 errors and 10 warnings per step.`;
}
/** The one notice for the run's folded warnings and errors, when there are no finding annotations to carry it. */
function foldedNotice(f) {
    const message = foldedText(f);
    return message ? { level: 'notice', title: 'Portcullis: more warnings in the log', message } : undefined;
}
/** Anchore's vulnerability trigger id: `<vulnerability id>+<package name>`, as the vulnerabilities gate makes it. */
function triggerKey(f, triggers) {
    // A language finding's id is Anchore's GHSA id (GHSA-…+pkg); a report written before that used its CVE id.
    const anchore = (0,vulnerabilities/* vulnerabilityTriggerId */.GT)(f);
    const legacy = `${f.id}+${(0,vulnerabilities/* triggerPackageName */._F)(f)}`;
    return triggers.has(anchore) || !triggers.has(legacy) ? anchore : legacy;
}
function levelOfSeverity(f) {
    const r = (0,format/* severityRank */.qs)(f.severity);
    return r <= (0,format/* severityRank */.qs)('High') ? 'error' : r === (0,format/* severityRank */.qs)('Medium') ? 'warning' : undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/platform/github/context.ts
/** The parts of the runner's environment and event payload that the Action uses, read once into plain data. */


function readEvent(path) {
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function githubContext(env, event = readEvent(env.GITHUB_EVENT_PATH)) {
    const full = env.GITHUB_REPOSITORY ?? event.repository?.full_name;
    const [owner, repo] = (full ?? '').split('/');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pr = event.pull_request;
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const ctx = {
        eventName,
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    };
    if (owner && repo)
        ctx.repository = { owner, repo };
    if (env.GITHUB_SHA)
        ctx.sha = env.GITHUB_SHA;
    if (env.GITHUB_REF)
        ctx.ref = env.GITHUB_REF;
    if (env.GITHUB_WORKSPACE)
        ctx.workspace = env.GITHUB_WORKSPACE;
    if (env.RUNNER_TEMP)
        ctx.runnerTemp = env.RUNNER_TEMP;
    if (full && env.GITHUB_RUN_ID)
        ctx.runUrl = `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID}`;
    if (full && env.GITHUB_SHA)
        ctx.sourceUrl = `${serverUrl}/${full}/blob/${env.GITHUB_SHA}`;
    if (pr && typeof pr.number === 'number') {
        const head = pr.head?.repo?.full_name;
        // A deleted fork has no head repository: treat it as a fork.
        ctx.pullRequest = { number: pr.number, fromFork: !head || (full !== undefined && head.toLowerCase() !== full.toLowerCase()) };
    }
    return ctx;
}
/**
 * A path as annotations want it, agreeing with the SARIF's artifact URIs: `path` (relative to `cwd`, or absolute)
 * made relative to the repository root `checkoutRoot`, with forward slashes; undefined for a file outside the
 * checkout (GitHub could not place it). Without a root, the path as given, normalized.
 */
function repositoryPath(path, checkoutRoot, cwd = checkoutRoot ?? process.cwd()) {
    if (!checkoutRoot)
        return (0,external_node_path_.normalize)(path).split(external_node_path_.sep).join('/');
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(cwd, checkoutRoot), (0,external_node_path_.resolve)(cwd, path));
    if (rel === '' || rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}

// EXTERNAL MODULE: ./src/platform/github/db-cache.ts
var db_cache = __webpack_require__(83298);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/platform/github/layer-cache.ts
/**
 * The layer cache (src/image/layer-cache) in the GitHub Actions cache. An Actions cache entry is immutable and is
 * found by its exact key or by a key prefix (the newest entry whose key starts with it), so:
 * - before the scan, restore by prefix: the newest entry saved for this image reference, else the newest for any
 *   image (a base image's layers are what builds share most);
 * - after the scan, save under a key made of the reference and the digests of the image's layers, unless that key is
 *   what was restored or the scan added no entry (nothing new to keep).
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */



const LAYER_CACHE_PREFIX = 'portcullis-layers-v1-';
const hex = (s, n) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex').slice(0, n);
/** `portcullis-layers-v1-<reference hash>-`: what this reference's entries start with. */
function layerCachePrefix(reference) {
    return `${LAYER_CACHE_PREFIX}${hex(reference, 16)}-`;
}
/** The key of one image's cache entry: its reference's prefix and a hash of its layer digests, in order. */
function layerCacheKey(reference, layerDigests) {
    return `${layerCachePrefix(reference)}${hex(layerDigests.join('\n'), 32)}`;
}
function entriesIn(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir)
            .filter((n) => n.endsWith('.layer'))
            .sort();
    }
    catch {
        return [];
    }
}
/** Restores the newest entry for `reference` (else for any image) into `dir`. Undefined when the service is not there. */
async function restoreLayerCache(backend, dir, reference, logger) {
    if (!(await backend.available())) {
        logger.info('layer-cache: the Actions cache service is not available here; layer analyses are not kept between runs');
        return undefined;
    }
    const prefix = layerCachePrefix(reference);
    try {
        // No entry has the prefix itself as its key: this always restores by prefix.
        const restored = await backend.restore([dir], prefix, [prefix, LAYER_CACHE_PREFIX]);
        logger.info(restored ? `layer-cache: restored layer analyses from ${restored}` : 'layer-cache: no cached layer analyses yet');
        return { dir, prefix, ...(restored ? { restored } : {}), before: entriesIn(dir) };
    }
    catch (e) {
        logger.info(`layer-cache: restore failed, going on without it: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
        return { dir, prefix, before: entriesIn(dir) };
    }
}
/** Saves `dir` under the image's key, when the scan added entries and that key is not the one restored. */
async function saveLayerCache(backend, state, reference, layerDigests, logger) {
    if (!state || layerDigests.length === 0)
        return;
    const key = layerCacheKey(reference, layerDigests);
    if (state.restored === key)
        return;
    const before = new Set(state.before);
    const added = entriesIn(state.dir).filter((n) => !before.has(n));
    if (added.length === 0) {
        logger.debug('layer-cache: the scan added no layer analysis; nothing to save');
        return;
    }
    try {
        await backend.save([state.dir], key);
        logger.info(`layer-cache: saved ${added.length} new layer analys${added.length === 1 ? 'is' : 'es'} as ${key}`);
    }
    catch (e) {
        // Another job saved this key first, or the service is down: not the scan's problem.
        logger.info(`layer-cache: not saved: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
    }
}

// EXTERNAL MODULE: ./src/platform/github/inputs.ts
var github_inputs = __webpack_require__(80358);
;// CONCATENATED MODULE: ./src/platform/github/pr-comment.ts
/**
 * The sticky PR comment: one comment per image and platform, found again by a hidden marker and updated in place,
 * so a pull request carries the latest result instead of one comment per push.
 */


/** The hidden marker: the image's repository (without tag or digest, so the next push finds it) and platform. */
function commentMarker(report) {
    const key = `${(0,format/* imageRepository */.an)(report)} ${(0,format/* platformText */.VQ)(report)}`.replace(/--/g, '-');
    return `<!-- portcullis:comment ${key} -->`;
}
/**
 * The comment's body: the marker, then the markdown report (decision, findings, policy triggers) in the same report
 * scope as the summary and the SARIF, fitted to GitHub's 65,536 characters by shrinking its tables' caps, so that
 * the findings table is always there; the tables' "N more" lines and the last line link the run.
 */
function commentBody(report, options) {
    const marker = commentMarker(report);
    const markdown = list/* OUTPUT_FORMATS */.D.get('markdown').render(report, {
        ...(options.severityCutoff ? { severityCutoff: options.severityCutoff } : {}),
        ...(options.onlyFixed ? { onlyFixed: true } : {}),
        ...(options.checkoutRoot ? { checkoutRoot: options.checkoutRoot } : {}),
        ...(options.workingDirectory ? { workingDirectory: options.workingDirectory } : {}),
        ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
        ...(options.runUrl ? { reportUrl: options.runUrl } : {}),
        maxChars: format/* GITHUB_COMMENT_MAX_CHARS */.tR - marker.length - 1,
        maxBytes: Number.MAX_SAFE_INTEGER,
    });
    return `${marker}\n${String(markdown)}`;
}
async function upsertStickyComment(api, repo, issueNumber, marker, body) {
    const existing = await api.findIssueComment(repo, issueNumber, (c) => (c.body ?? '').includes(marker));
    if (existing)
        return { action: 'updated', comment: await api.updateIssueComment(repo, existing.id, body) };
    return { action: 'created', comment: await api.createIssueComment(repo, issueNumber, body) };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/platform/github/sarif-upload.ts
/**
 * Uploads SARIF through the code-scanning API (gzip, then base64, with the commit, the ref and the checkout it
 * concerns), then waits for GitHub to process it, as github/codeql-action's upload-sarif does: the status is read
 * until it is `complete` or `failed`, for a bounded time. A failed upload or a failed processing is a RemoteError
 * naming GitHub's errors; a processing that takes longer than the wait is a warning (it goes on in the background).
 */




function sarifUploadBody(sarif, target) {
    const gz = (0,external_node_zlib_.gzipSync)(typeof sarif === 'string' ? Buffer.from(sarif, 'utf8') : sarif, { level: 9 });
    if (gz.length > format/* GITHUB_SARIF_LIMITS */.RC.maxGzipBytes) {
        throw new common_errors/* RemoteError */.Hi(`the SARIF is ${gz.length} bytes gzipped, over GitHub's ${format/* GITHUB_SARIF_LIMITS */.RC.maxGzipBytes}-byte upload limit, so it was not sent; narrow it with severity-cutoff or only-fixed`);
    }
    return {
        commit_sha: target.commitSha,
        ref: target.ref,
        sarif: gz.toString('base64'),
        checkout_uri: target.checkoutUri,
        ...(target.startedAt ? { started_at: target.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
        tool_name: 'Portcullis',
    };
}
const SARIF_WAIT_DEFAULTS = { timeoutMs: 120_000, intervalMs: 5_000 };
async function uploadSarif(api, repo, sarif, target, logger, options = {}) {
    const res = await api.uploadSarif(repo, sarifUploadBody(sarif, target));
    logger.info(`upload-sarif: uploaded for ${target.ref} at ${target.commitSha}${res.id ? ` (id ${res.id}); waiting for GitHub to process it` : ''}`);
    if (!res.id)
        return { processing: 'not-waited' };
    return { id: res.id, processing: await waitForProcessing(api, repo, res.id, logger, options) };
}
/** Reads the processing status until it is final or the time is up. A `failed` processing throws a RemoteError with GitHub's errors. */
async function waitForProcessing(api, repo, sarifId, logger, options = {}) {
    const timeoutMs = options.timeoutMs ?? SARIF_WAIT_DEFAULTS.timeoutMs;
    const intervalMs = options.intervalMs ?? SARIF_WAIT_DEFAULTS.intervalMs;
    const now = options.now ?? Date.now;
    const pause = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms));
    const start = now();
    for (;;) {
        let state;
        try {
            state = await api.sarifProcessing(repo, sarifId);
        }
        catch (e) {
            // Right after the upload GitHub may not know the id yet: a 404 is read as "pending".
            if (e.status !== 404) {
                logger.warning(`upload-sarif: the SARIF (id ${sarifId}) was uploaded, but its processing status could not be read: ${(0,common_errors/* getErrorMessage */.u1)(e)}. GitHub processes it in the background; processing errors are not reported here.`);
                return 'timed-out';
            }
        }
        if (state?.status === 'complete') {
            logger.info(`upload-sarif: GitHub processed the SARIF (id ${sarifId})`);
            return 'complete';
        }
        if (state?.status === 'failed') {
            const errors = state.errors.length ? state.errors.join('; ') : 'GitHub gave no reason';
            throw new common_errors/* RemoteError */.Hi(`GitHub could not process the uploaded SARIF (id ${sarifId}): ${errors}`);
        }
        logger.debug(`upload-sarif: processing of ${sarifId} is ${state ? state.status : 'not visible yet'}`);
        if (now() - start + intervalMs > timeoutMs)
            break;
        await pause(intervalMs);
    }
    logger.warning(`upload-sarif: GitHub had not finished processing the SARIF (id ${sarifId}) after ${Math.round(timeoutMs / 1000)} s; it goes on in the background, but processing errors are not reported here (see the repository's code scanning page).`);
    return 'timed-out';
}

;// CONCATENATED MODULE: ./src/platform/github/run-action.ts
/**
 * The Action's run: inputs → scan (every report written) → outputs, job summary, PR comment, SARIF upload,
 * annotations → the conclusion. The one try/catch turns any error into a clear message and the error outcome.
 * Everything outside the process (the platform, the GitHub API, the cache, the scan) is passed in.
 */



















/** The layer analyses the Action keeps (under the cache folder, so in the Actions cache): at most 1 GiB. */
const LAYER_CACHE_MAX_BYTES = 1024 ** 3;
const layerCacheDir = (cacheDir) => (0,external_node_path_.join)(cacheDir, 'layers');
/** How many of the scan's own warnings (and errors) become annotations; later ones are plain log lines. */
const SCAN_ANNOTATION_CAP = 3;
/** Runs the Action and returns its outcome (the platform has been told). Never throws. */
async function runAction(deps) {
    const { platform } = deps;
    const logger = countingLogger(platform.logger);
    const now = deps.now ?? (() => new Date());
    const startedAt = now();
    let inputs;
    try {
        inputs = (0,github_inputs/* readActionInputs */.Ui)(deps.getInput, deps.setSecret);
        const ctx = githubContext(deps.env);
        const cwd = ctx.workspace ?? process.cwd();
        // The repository root: SARIF URIs and annotation paths are relative to it (a checkout into a subfolder too).
        const checkoutRoot = (0,external_node_path_.resolve)(cwd, inputs.checkoutPath ?? cwd);
        const plan = planOutputs(inputs, ctx);
        const cacheDir = (0,store/* defaultCacheDir */.$g)(deps.env);
        const cacheState = inputs.dbCache && deps.cache ? await (0,db_cache.restoreDbCache)(deps.cache, (0,store/* dbRoot */.hH)(cacheDir), now(), logger) : undefined;
        // The layer analyses (issue 17): restored by prefix (this image reference's newest entry, else any image's).
        const layerState = inputs.layerCache && deps.cache ? await restoreLayerCache(deps.cache, layerCacheDir(cacheDir), inputs.image, logger) : undefined;
        const config = scanConfig(inputs, plan.outputs, cacheDir, storeConfig(inputs, deps.env), { cwd, checkoutRoot });
        if (inputs.baseline)
            config.baseline = baselineConfig(inputs.baseline, inputs, deps.env, cwd);
        const result = await deps.scan(config, { env: deps.env, logger, cwd, now });
        for (const w of result.written)
            if (w.path === undefined)
                platform.logger.info(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
        if (deps.cache)
            await (0,db_cache.saveDbCache)(deps.cache, cacheState, logger);
        if (deps.cache)
            await saveLayerCache(deps.cache, layerState, inputs.image, result.report.image.layers.map((l) => l.digest), logger);
        const { report } = result;
        const pathOf = (format) => result.written.find((w) => w.format === format && w.path)?.path ?? '';
        const counts = (0,format/* countBySeverity */.Ot)(report.findings);
        platform.setOutputs({
            decision: report.decision,
            critical: String(counts.Critical),
            high: String(counts.High),
            medium: String(counts.Medium),
            low: String(counts.Low),
            findings: String(report.findings.length),
            'sarif-file': pathOf('sarif'),
            'json-report': pathOf('json'),
            // anchore/scan-action's names for the same two files.
            sarif: pathOf('sarif'),
            json: pathOf('json'),
            sbom: plan.sbomFormat ? pathOf(plan.sbomFormat) : '',
        });
        const scope = { ...(inputs.severityCutoff ? { severityCutoff: inputs.severityCutoff } : {}), ...(inputs.onlyFixed ? { onlyFixed: true } : {}) };
        // Where the summary and the comment link: the run (the full report), the Dockerfile lines at the scanned commit.
        const links = { checkoutRoot, workingDirectory: cwd, ...(ctx.runUrl ? { reportUrl: ctx.runUrl } : {}), ...(ctx.sourceUrl ? { sourceUrl: ctx.sourceUrl } : {}) };
        if (inputs.summary) {
            try {
                await platform.summary(String(list/* OUTPUT_FORMATS */.D.get('markdown').render(report, { ...scope, ...links })));
            }
            catch (e) {
                logger.warning(`summary: the job summary could not be written: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
            }
        }
        let outcome = result.outcome;
        let problem;
        if (inputs.store?.failOnError && result.store && result.store.status !== 'pushed')
            problem = `the store push failed: ${result.store.error}`;
        if (inputs.commentOnPr)
            await commentOnPr(deps, inputs, ctx, report, { ...scope, checkoutRoot, workingDirectory: cwd }, logger);
        if (inputs.uploadSarif) {
            const sarif = result.written.find((w) => w.format === 'sarif');
            try {
                await uploadToCodeScanning(deps, inputs, ctx, sarif?.content, { checkoutRoot, startedAt }, logger);
            }
            catch (e) {
                problem = `the SARIF upload failed: ${(0,common_errors/* getErrorMessage */.u1)(e)}${e.status === 403 ? '. The job needs "permissions: security-events: write" (and code scanning enabled on the repository)' : ''}`;
                if (outcome === 'go' || outcome === 'warn')
                    outcome = e instanceof common_errors/* ConfigurationError */.j1 ? 'configuration-error' : 'remote-error';
            }
        }
        // GitHub shows 10 errors and 10 warnings per step: the run's own (above, and the conclusion below) count too.
        const failing = outcome !== 'go' && outcome !== 'warn';
        const budget = {
            error: Math.max(0, GITHUB_ANNOTATION_LIMITS.error - logger.counts.error - (failing ? 1 : 0)),
            warning: Math.max(0, GITHUB_ANNOTATION_LIMITS.warning - logger.counts.warning - (outcome === 'warn' ? 1 : 0)),
        };
        logger.close();
        if (inputs.annotations) {
            const dockerfileFile = inputs.dockerfile && report.dockerfile ? repositoryPath(inputs.dockerfile, checkoutRoot, cwd) : undefined;
            const { annotations } = planAnnotations(report, { ...scope, ...(dockerfileFile ? { dockerfileFile } : {}), budget, folded: logger.folded });
            for (const a of annotations)
                platform.annotate(a);
        }
        else {
            const notice = foldedNotice(logger.folded);
            if (notice)
                platform.annotate(notice);
        }
        const message = conclusion(report, inputs, problem);
        platform.conclude(outcome, message);
        return outcome;
    }
    catch (error) {
        // Whose fault it is, in the words the CLI uses: configuration, image, remote or internal error.
        const outcome = (0,common_outcome/* outcomeOfError */.Sg)(error);
        const kind = (0,common_errors/* errorKindOf */.AI)(error);
        const text = (0,common_logger/* redactSecrets */.fp)((0,common_errors/* getErrorMessage */.u1)(error));
        const message = kind === 'internal'
            ? `Portcullis: internal error: ${text}. This is a bug; please report it with the log (re-run with debug logging for the stack).`
            : `Portcullis: ${common_errors/* ERROR_PREFIXES */.s4[kind]}: ${text}`;
        if (outcome === 'internal-error' && error instanceof Error && error.stack)
            platform.logger.debug((0,common_logger/* redactSecrets */.fp)(error.stack));
        if (inputs?.summary !== false) {
            try {
                await platform.summary(`## ❌ Portcullis: error\n\n${message.replace(/^Portcullis: /, '')}\n`);
            }
            catch (e) {
                platform.logger.debug(`job summary not written: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
            }
        }
        platform.conclude(outcome, message);
        return outcome;
    }
}
/**
 * The `outputs` the user asked for, plus what the Action needs: a JSON report and a SARIF with paths (the step's
 * outputs name them), and a table for the log when nothing else goes there.
 */
function planOutputs(inputs, ctx) {
    const dir = (0,external_node_path_.join)(ctx.runnerTemp ?? (0,external_node_os_.tmpdir)(), 'portcullis');
    const parsed = inputs.outputs.map((value) => {
        const eq = value.indexOf('=');
        const name = (eq < 0 ? value : value.slice(0, eq)).trim().toLowerCase();
        return { value, id: list/* OUTPUT_FORMATS */.D.get(name).id, hasPath: eq >= 0 };
    });
    const outputs = parsed.map((p) => p.value);
    const withPath = (id) => parsed.some((p) => p.id === id && p.hasPath);
    if (inputs.sarifFile) {
        if (!parsed.some((p) => p.value.trim() === `sarif=${inputs.sarifFile}`))
            outputs.push(`sarif=${inputs.sarifFile}`);
    }
    else if (!withPath('sarif')) {
        outputs.push(`sarif=${(0,external_node_path_.join)(dir, 'portcullis.sarif')}`);
    }
    if (!withPath('json'))
        outputs.push(`json=${(0,external_node_path_.join)(dir, 'portcullis-report.json')}`);
    if (!parsed.some((p) => !p.hasPath))
        outputs.push('table');
    const sbom = parsed.find((p) => (p.id === 'cyclonedx' || p.id === 'spdx') && p.hasPath);
    return { outputs, ...(sbom ? { sbomFormat: sbom.id } : {}) };
}
/**
 * The baseline, from the baseline inputs: a path relative to the workspace, or `store:` (the store-url store, the
 * pull request's base branch as the tag to look for).
 */
function baselineConfig(b, inputs, env, cwd) {
    const store = inputs.store ? targetFrom({ storeUrl: inputs.store.url, ...(inputs.store.token ? { storeToken: inputs.store.token } : {}) }, env) : undefined;
    const baseBranch = (0,load/* baseBranchOf */.vr)(env);
    return {
        ref: b.ref.startsWith('store:') ? b.ref : (0,external_node_path_.resolve)(cwd, b.ref),
        failScope: b.failScope,
        optional: b.optional,
        ...(store ? { store } : {}),
        ...(baseBranch ? { baseBranch } : {}),
    };
}
/** The store push, from the store-* inputs: the token may also come from PORTCULLIS_STORE_TOKEN; keys from GitHub's run. */
function storeConfig(inputs, env) {
    if (!inputs.store)
        return undefined;
    const target = targetFrom({ storeUrl: inputs.store.url, ...(inputs.store.token ? { storeToken: inputs.store.token } : {}) }, env);
    return { target, spoolDir: env.PORTCULLIS_SPOOL_DIR ?? '.portcullis/spool', failOnError: inputs.store.failOnError, ...ciKeys(env) };
}
/**
 * The scan the inputs ask for. `cwd` (the workspace) is what relative input paths are relative to, as on a runner;
 * `checkoutRoot` the repository root the SARIF is relative to.
 */
function scanConfig(inputs, outputs, cacheDir, store, paths = {}) {
    const at = (p) => (paths.cwd ? (0,external_node_path_.resolve)(paths.cwd, p) : p);
    return {
        image: inputs.image,
        source: {
            ...(inputs.platform ? { platform: (0,manifest/* parsePlatform */.FL)(inputs.platform) } : {}),
            ...(inputs.registry ? { credentials: inputs.registry } : {}),
        },
        ...(inputs.dockerfile ? { dockerfilePath: inputs.dockerfile } : {}),
        ...(paths.checkoutRoot ? { checkoutRoot: paths.checkoutRoot } : {}),
        ...(inputs.policy ? { policyPath: inputs.policy } : {}),
        failOn: inputs.failOn,
        outputs,
        ...(inputs.severityCutoff ? { severityCutoff: inputs.severityCutoff } : {}),
        ...(inputs.onlyFixed ? { onlyFixed: true } : {}),
        color: false,
        ...(inputs.layerCache ? { layerCache: { dir: layerCacheDir(cacheDir), maxBytes: LAYER_CACHE_MAX_BYTES } } : {}),
        vulnerabilities: {
            enabled: true,
            cacheDir,
            ...(inputs.dbUrl ? { dbUrl: inputs.dbUrl } : {}),
            ...(inputs.dbRepository ? { dbRepository: inputs.dbRepository } : {}),
            offline: inputs.offline,
            maxAgeDays: 7,
            failOnStale: false,
            ...(inputs.ignoreFile ? { ignoreFile: at(inputs.ignoreFile) } : {}),
            vex: inputs.vex.map(at),
        },
        ...(store ? { store } : {}),
    };
}
async function commentOnPr(deps, inputs, ctx, report, options, logger) {
    if (!ctx.pullRequest || !ctx.repository) {
        logger.info(`comment-on-pr: this is a ${ctx.eventName || 'non-pull-request'} event, not a pull request; no comment`);
        return;
    }
    if (ctx.pullRequest.fromFork && ctx.eventName === 'pull_request') {
        deps.platform.annotate({ level: 'notice', title: 'Portcullis: no PR comment', message: 'comment-on-pr is skipped: this pull request comes from a fork, and its token cannot write comments. The job summary has the report.' });
        return;
    }
    if (!inputs.githubToken || !deps.api) {
        logger.warning('comment-on-pr: no github-token; no comment');
        return;
    }
    try {
        const api = deps.api(inputs.githubToken, ctx.apiUrl, logger);
        const body = commentBody(report, { ...options, ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}), ...(ctx.sourceUrl ? { sourceUrl: ctx.sourceUrl } : {}) });
        const done = await upsertStickyComment(api, ctx.repository, ctx.pullRequest.number, commentMarker(report), body);
        logger.info(`comment-on-pr: ${done.action} comment ${done.comment.html_url ?? done.comment.id}`);
    }
    catch (e) {
        const status = e.status;
        const hint = status === 403 || status === 404 ? ' The job needs "permissions: pull-requests: write".' : '';
        logger.warning(`comment-on-pr: ${(0,common_errors/* getErrorMessage */.u1)(e)}.${hint}`);
    }
}
async function uploadToCodeScanning(deps, inputs, ctx, sarif, run, logger) {
    if (ctx.pullRequest?.fromFork && ctx.eventName === 'pull_request') {
        deps.platform.annotate({ level: 'notice', title: 'Portcullis: no SARIF upload', message: 'upload-sarif is skipped: this pull request comes from a fork, and its token cannot write security events.' });
        return;
    }
    if (sarif === undefined)
        throw new Error('no SARIF was rendered');
    if (!ctx.repository || !ctx.sha || !ctx.ref)
        throw new common_errors/* ConfigurationError */.j1('upload-sarif needs GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_REF (set on every GitHub runner)');
    if (!inputs.githubToken || !deps.api)
        throw new common_errors/* ConfigurationError */.j1('upload-sarif needs github-token');
    const api = deps.api(inputs.githubToken, ctx.apiUrl, logger);
    await uploadSarif(api, ctx.repository, sarif, { commitSha: ctx.sha, ref: ctx.ref, checkoutUri: (0,formats_sarif/* checkoutRootUri */.jd)(run.checkoutRoot), startedAt: run.startedAt }, logger, deps.sarifWait);
}
function conclusion(report, inputs, problem) {
    const label = (0,format/* imageLabel */.ec)(report);
    const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && p.action !== 'go');
    const stops = fired.filter((p) => p.action === 'stop');
    const warns = fired.filter((p) => p.action === 'warn');
    const list = (xs) => {
        const names = [...new Set(xs.map((p) => `${p.gate} ${p.trigger} (rule ${p.rule_id})`))];
        return names.slice(0, 3).join('; ') + (names.length > 3 ? `; and ${names.length - 3} more` : '');
    };
    const counts = (0,format/* countBySeverity */.Ot)(report.findings);
    const vulns = `${report.findings.length} vulnerabilities (${counts.Critical} critical, ${counts.High} high)`;
    let text;
    if (report.decision === 'STOP')
        text = `Portcullis: STOP for ${label}: ${stops.length} policy trigger${stops.length === 1 ? '' : 's'} stop it: ${list(stops)}. ${vulns}.`;
    else if (report.decision === 'WARN')
        text = `Portcullis: WARN for ${label}: ${warns.length} policy warning${warns.length === 1 ? '' : 's'}: ${list(warns)}. ${vulns}. ${inputs.failOn === 'warn' ? 'fail-on is "warn", so the step fails.' : `fail-on is "${inputs.failOn}", so the step passes.`}`;
    else
        text = `Portcullis: GO for ${label}. ${vulns}.`;
    if (report.decision === 'STOP' && inputs.failOn === 'never')
        text += ' fail-on is "never", so the step passes.';
    if (problem)
        text += ` But ${problem}.`;
    return text;
}
/**
 * The platform's logger, counting the warnings and errors that became annotations: the first SCAN_ANNOTATION_CAP of
 * each, so that the findings keep most of GitHub's budget; later ones, and any after `close`, are plain lines
 * ("warning: …"), counted in one notice.
 */
function countingLogger(inner) {
    const counts = { warning: 0, error: 0 };
    const folded = { warning: 0, error: 0 };
    let cap = SCAN_ANNOTATION_CAP;
    const emit = (level, m) => {
        if (counts[level] < cap) {
            counts[level]++;
            inner[level](m);
        }
        else {
            folded[level]++;
            inner.info(`${level}: ${m}`);
        }
    };
    return {
        counts,
        folded,
        close: () => {
            cap = 0;
        },
        debug: (m) => inner.debug(m),
        info: (m) => inner.info(m),
        warning: (m) => emit('warning', m),
        error: (m) => emit('error', m),
    };
}


/***/ }),

/***/ 62211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ statusError),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony exports joinUrl, authHeaders */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45069);
/** The HTTP client every sink shares (over src/common/http.ts): auth, an account header, a timeout, retries, and precise errors. */


function joinUrl(base, path) {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
function authHeaders(target) {
    const h = {};
    if (target.auth?.kind === 'bearer')
        h.authorization = `Bearer ${target.auth.token}`;
    if (target.auth?.kind === 'basic') {
        h.authorization = `Basic ${Buffer.from(`${target.auth.username}:${target.auth.password}`).toString('base64')}`;
    }
    if (target.account)
        h['x-anchore-account'] = target.account;
    return h;
}
/**
 * Sends one request through the shared HTTP module (proxy variables, time-out, redirects). Requests that are safe to
 * repeat (GET, HEAD, PUT, or a POST with an Idempotency-Key) are retried on 429, 5xx and network errors, with
 * Retry-After honoured. Network failures become a RemoteError without a status. Never throws on an HTTP status.
 */
async function send(target, method, path, init = {}) {
    const url = joinUrl(target.url, path);
    const shown = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url);
    const timeoutMs = target.timeoutMs ?? 30_000;
    const headers = { ...authHeaders(target), ...init.headers };
    const repeatable = method === 'GET' || method === 'HEAD' || method === 'PUT' || Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');
    const attempt = async () => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        const res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)(url, { method: method, headers, body: init.body, signal, timeoutMs });
        return { ...res, bytes: Buffer.from(await res.body.arrayBuffer()), body: { dump: async () => undefined } };
    };
    let res;
    try {
        res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .LH)(attempt, { retries: repeatable ? (init.retries ?? target.retries ?? 2) : 0, backoffMs: init.backoffMs ?? 500, signal: init.signal, what: `${method} ${shown}` });
    }
    catch (error) {
        if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi)
            throw error;
        const cause = error instanceof _common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RetriesExhausted */ .w1 ? error.cause : error;
        const tries = error instanceof _common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RetriesExhausted */ .w1 && error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${method} ${shown}: ${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeNetworkError */ .gl)(cause, timeoutMs)}${tries}`, { cause });
    }
    const body = res.bytes;
    const responseHeaders = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined)
            continue;
        for (const one of Array.isArray(v) ? v : [v])
            responseHeaders.append(k, one);
    }
    return {
        status: res.statusCode,
        headers: responseHeaders,
        body,
        json() {
            return JSON.parse(body.toString('utf8'));
        },
    };
}
/** A RemoteError for an unexpected status, quoting the server's message when it sent one. */
function statusError(method, target, path, res) {
    let detail = res.body.toString('utf8').slice(0, 300).trim();
    try {
        const parsed = JSON.parse(detail);
        if (typeof parsed.message === 'string')
            detail = parsed.message;
    }
    catch {
        // keep the raw text
    }
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${method} ${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(joinUrl(target.url, path))}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`, { status: res.status });
}


/***/ }),

/***/ 67408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L2: () => (/* binding */ storeSinkKind),
/* harmony export */   WL: () => (/* binding */ EVALUATIONS_PATH)
/* harmony export */ });
/* unused harmony export buildEvaluationForm */
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62211);
/** Pushes an evaluation to our store (`portcullis serve`): `POST /v2/evaluations`, multipart, with an Idempotency-Key. */

const EVALUATIONS_PATH = '/v2/evaluations';
function buildEvaluationForm(p) {
    const form = new FormData();
    form.append('image_digest', p.imageDigest);
    if (p.imageTag)
        form.append('image_tag', p.imageTag);
    if (p.commit)
        form.append('commit', p.commit);
    if (p.pipelineRun)
        form.append('pipeline_run', p.pipelineRun);
    for (const key of ['report', 'sbom', 'sarif']) {
        const f = p[key];
        if (f)
            form.append(key, new Blob([new Uint8Array(f.data)], { type: f.contentType }), f.name);
    }
    return form;
}
class StoreSink {
    target;
    id = 'store';
    constructor(target) {
        this.target = target;
    }
    async push(payload, ctx) {
        const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .send */ .tN)(this.target, 'POST', EVALUATIONS_PATH, {
            body: buildEvaluationForm(payload),
            headers: { 'idempotency-key': payload.idempotencyKey },
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (res.status !== 200 && res.status !== 201)
            throw (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .statusError */ .$C)('POST', this.target, EVALUATIONS_PATH, res);
        const body = res.json();
        return { sink: this.id, id: body.id, duplicate: res.status === 200, url: `${this.target.url.replace(/\/+$/, '')}${EVALUATIONS_PATH}/${body.id}` };
    }
}
const storeSinkKind = {
    id: 'store',
    version: 1,
    aliases: ['portcullis'],
    requires: ['network'],
    description: 'our store (portcullis serve): the JSON report, the SBOM and the SARIF, keyed by image digest, commit and pipeline run',
    create: (target) => new StoreSink(target),
};


/***/ })

};
