export const id = 321;
export const ids = [321,69];
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

/***/ 6321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FAIL_SCOPES: () => (/* binding */ FAIL_SCOPES),
/* harmony export */   applyBaseline: () => (/* binding */ applyBaseline),
/* harmony export */   checkSameRepository: () => (/* binding */ checkSameRepository),
/* harmony export */   parseFailScope: () => (/* binding */ parseFailScope)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _delta_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89041);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79733);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47663);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58995);
/**
 * The scan's baseline step (after the policy evaluation, before the outputs): load the baseline, check that it is of
 * the same repository, mark the delta. A baseline that cannot be read, or of another repository, is an error, unless
 * it is optional: then a warning, and the exit code comes from every trigger (`--fail-scope all`).
 */





const FAIL_SCOPES = ['all', 'new'];
function parseFailScope(value) {
    const v = value.trim().toLowerCase();
    if (!FAIL_SCOPES.includes(v))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--fail-scope must be one of ${FAIL_SCOPES.join(', ')}, got "${value}"`);
    return v;
}
/** Fails when both images name their repository and no name is shared. */
function checkSameRepository(current, baseline, source) {
    const now = (0,_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryNames */ .L0)(current.image);
    const then = (0,_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryNames */ .L0)(baseline.image);
    if (now.length === 0 || then.length === 0 || then.some((n) => now.includes(n)))
        return;
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`baseline ${source} is of ${then[0]}, not of the scanned ${now[0]}: a baseline must be an earlier scan of the same repository`);
}
/** The report with its delta against the baseline, or (optional baseline that failed) the report as it was. */
async function applyBaseline(report, config, ctx) {
    if (!config)
        return report;
    let marked;
    try {
        const loaded = await (0,_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadBaseline */ .oU)(config.ref, { ...ctx, repoTags: report.image.repoTags, ...(config.store ? { store: config.store } : {}), ...(config.baseBranch ? { baseBranch: config.baseBranch } : {}) });
        checkSameRepository(report, loaded.report, loaded.source);
        marked = (0,_delta_js__WEBPACK_IMPORTED_MODULE_1__/* .applyDelta */ .TM)(report, loaded.report, loaded, config.failScope);
    }
    catch (e) {
        if (!config.optional || !(e instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 || e instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi))
            throw e;
        ctx.logger.warning(`baseline: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}; --baseline-optional: the scan goes on without a baseline, failing on every trigger (--fail-scope all)`);
        return report;
    }
    ctx.logger.info(`baseline: ${(0,_render_js__WEBPACK_IMPORTED_MODULE_4__/* .deltaLine */ .lz)(marked)}`);
    return marked;
}


/***/ }),

/***/ 45069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   SM: () => (/* binding */ createDispatcher),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   c8: () => (/* binding */ isTimeoutError),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   w1: () => (/* binding */ RetriesExhausted)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, MAX_REDIRECTS, proxyEnv, sharedDispatcher, splitUrlCredentials, retryAfterMs, isRetryableStatus, readBody */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49353);
/**
 * The one HTTP module every client uses (registries, the OSV bucket and the other feeds, the store, Anchore): a
 * dispatcher that honours `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (undici's EnvHttpProxyAgent), per-request
 * time-outs, redirects that keep the Authorization header only on the same origin, credentials in a URL used as
 * Basic auth and never shown, and retries with exponential back-off on 429, 5xx and network errors that honour the
 * server's Retry-After.
 */





const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 500;
/** No back-off is longer than this, and a Retry-After longer than MAX_RETRY_AFTER_MS is cut to it. */
const MAX_BACKOFF_MS = 10_000;
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'portcullis';
/** The proxy settings from an environment, lower case first as curl reads them. */
function proxyEnv(env) {
    return {
        httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
        httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
        noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
    };
}
/** A connection pool that goes through the environment's proxy (if any) for every origin NO_PROXY does not exempt. */
function createDispatcher(options = {}) {
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const tls = options.ca ? { ca: options.ca } : {};
    return new undici__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({
        ...proxyEnv(options.env ?? process.env),
        connect: { timeout, ...tls },
        ...(options.ca ? { requestTls: tls } : {}),
        headersTimeout: timeout,
        bodyTimeout: timeout,
    });
}
let shared;
/** The process-wide dispatcher for clients without TLS options of their own, made from process.env on first use. */
function sharedDispatcher() {
    shared ??= createDispatcher();
    return shared;
}
/**
 * A URL without its user info, and the Basic authorization the user info meant (`https://user:pass@host/x`).
 * Percent-escapes in the user info are decoded, as RFC 3986 §3.2.1 writes them.
 */
function splitUrlCredentials(url) {
    const u = new URL(url.toString());
    if (!u.username && !u.password)
        return { url: u.toString() };
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    u.username = '';
    u.password = '';
    return { url: u.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}
/** The URL as it may be shown: no user info. Unparseable text is shown with any `user:pass@` removed. */
function redactUrl(url) {
    try {
        const u = new URL(url.toString());
        if (!u.username && !u.password)
            return url.toString();
        u.username = '';
        u.password = '';
        return u.toString();
    }
    catch {
        return (0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(String(url));
    }
}
/**
 * One HTTP exchange, following redirects. Credentials in the URL become a Basic Authorization header (unless the
 * caller sent one) and are removed from the URL; the Authorization header goes only to the origin it was meant for:
 * a redirect to another origin drops it (as fetch does, WHATWG Fetch §4.4 "HTTP-redirect fetch", step 13).
 */
async function httpRequest(url, init = {}) {
    const split = splitUrlCredentials(url);
    let current = split.url;
    let method = init.method ?? 'GET';
    let headers = { 'user-agent': USER_AGENT, ...lowerKeys(init.headers ?? {}) };
    if (split.authorization && !headers.authorization)
        headers.authorization = split.authorization;
    let body = await bodyOf(init.body, headers);
    const timeout = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (let hop = 0;; hop++) {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__.request)(current, {
            dispatcher: init.dispatcher ?? sharedDispatcher(),
            method,
            headers,
            ...(body !== undefined ? { body } : {}),
            ...(init.signal ? { signal: init.signal } : {}),
            headersTimeout: timeout,
            bodyTimeout: timeout,
        });
        const location = headerValue(res.headers.location);
        if (init.followRedirects === false || ![301, 302, 303, 307, 308].includes(res.statusCode) || !location) {
            return { statusCode: res.statusCode, headers: res.headers, body: res.body, url: redactUrl(current), attempts: 1 };
        }
        await res.body.dump().catch(() => { });
        if (hop >= MAX_REDIRECTS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`too many redirects (more than ${MAX_REDIRECTS}) for ${method} ${redactUrl(url)}`);
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`${redactUrl(current)} redirected to a ${next.protocol} URL`);
        if (next.origin !== new URL(current).origin) {
            const { authorization: _dropped, ...rest } = headers;
            headers = rest;
        }
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
            const { 'content-type': _t, 'content-length': _l, ...rest } = headers;
            headers = rest;
        }
        // Credentials a Location carries are not sent: only the user's own URL may say who they are.
        next.username = '';
        next.password = '';
        current = next.toString();
    }
}
async function bodyOf(body, headers) {
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
        return body;
    // A FormData is encoded once, so that a retry or a redirect can send the same bytes again.
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type');
    return Buffer.from(await encoded.arrayBuffer());
}
function lowerKeys(h) {
    return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    const v = headerValue(value)?.trim();
    if (!v)
        return undefined;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const when = Date.parse(v);
    return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}
/** Network errors that outlived the retries; `cause` is the last one. */
class RetriesExhausted extends Error {
    attempts;
    constructor(attempts, cause) {
        super((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(cause), { cause });
        this.attempts = attempts;
    }
}
/** Whether an answer is worth another try: 429 and 5xx (a 501 Not Implemented is not). */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status !== 501);
}
async function withRetries(send, options = {}) {
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    const base = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    for (let attempt = 0;; attempt++) {
        let wait;
        let why;
        try {
            const res = await send();
            if (!isRetryableStatus(res.statusCode) || attempt >= retries)
                return { ...res, attempts: attempt + 1 };
            await res.body.dump().catch(() => { });
            const after = retryAfterMs(res.headers['retry-after']);
            if (after !== undefined)
                wait = Math.min(after, options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS);
            why = `HTTP ${res.statusCode}`;
        }
        catch (error) {
            if (options.signal?.aborted || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1 || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi)
                throw error;
            if (attempt >= retries)
                throw new RetriesExhausted(attempt + 1, error);
            why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error);
        }
        wait ??= Math.min(MAX_BACKOFF_MS, base * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        options.logger?.debug(`${options.what ? `${(0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(options.what)}: ` : ''}${(0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(why)}; retry ${attempt + 1}/${retries} in ${Math.round(wait)} ms`);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait, undefined, options.signal ? { signal: options.signal } : {});
    }
}
/** A network error in words: a time-out names the limit, a socket error its code. No credentials. */
function describeNetworkError(error, timeoutMs) {
    const e = error instanceof RetriesExhausted ? error.cause : error;
    if (e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.HeadersTimeoutError || e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.BodyTimeoutError || e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.ConnectTimeoutError) {
        return `no answer within ${formatMs(timeoutMs)}`;
    }
    if (e instanceof DOMException && e.name === 'TimeoutError')
        return `no answer within ${formatMs(timeoutMs)}`;
    const code = e.code ?? e.cause?.code;
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e);
    return (0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(code && !message.includes(code) ? `${code}: ${message}` : message);
}
function isTimeoutError(error) {
    const e = error instanceof RetriesExhausted ? error.cause : error;
    return (e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.HeadersTimeoutError ||
        e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.BodyTimeoutError ||
        e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.ConnectTimeoutError ||
        (e instanceof DOMException && e.name === 'TimeoutError'));
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
/** Reads a whole body, refusing more than `maxBytes` (the stream is destroyed then). */
async function readBody(body, maxBytes, tooLarge) {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        total += chunk.length;
        if (total > maxBytes) {
            body.destroy();
            throw tooLarge();
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
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
