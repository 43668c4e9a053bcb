export const id = 485;
export const ids = [485,18,866];
export const modules = {

/***/ 58485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addTargetOptions: () => (/* binding */ addTargetOptions),
/* harmony export */   pushCommand: () => (/* binding */ pushCommand),
/* harmony export */   spoolDirOf: () => (/* binding */ spoolDirOf)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _publish_compliance_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65348);
/* harmony import */ var _publish_list_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65655);
/* harmony import */ var _publish_sink_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22568);
/* harmony import */ var _publish_spool_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62744);
/* harmony import */ var _publish_target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47018);
/* harmony import */ var _scan_store_push_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(65561);









function addTargetOptions(cmd, options = {}) {
    const c = cmd
        .option('--store-url <url>', 'the server (env PORTCULLIS_STORE_URL)')
        .option('--store-token <token>', 'bearer token for our store (env PORTCULLIS_STORE_TOKEN)')
        .option('--username <name>', 'Anchore Enterprise user (env PORTCULLIS_STORE_USERNAME)')
        .option('--password <password>', 'Anchore Enterprise password (env PORTCULLIS_STORE_PASSWORD)')
        .option('--account <account>', 'Anchore account, sent as x-anchore-account (env PORTCULLIS_STORE_ACCOUNT)');
    return options.timeout === false ? c : c.option('--timeout <seconds>', 'per-request timeout', '30');
}
async function readPayloadFile(path, contentType, what) {
    try {
        return { name: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path), data: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path), contentType };
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot read the ${what} ${path}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
}
/**
 * The digest and tag a report keys its evaluation by, as `scan --store-url` keys it (storeDigest): the manifest
 * digest, or for an image read from `docker save` (no manifest digest until it is pushed) its config digest.
 */
function digestFromReport(report) {
    try {
        const r = JSON.parse(report.toString('utf8'));
        const image = r.image ?? {};
        const digest = typeof image.configDigest === 'string' || typeof image.manifestDigest === 'string' ? (0,_scan_store_push_js__WEBPACK_IMPORTED_MODULE_8__.storeDigest)({ configDigest: '', ...image }) : undefined;
        const tag = Array.isArray(image.repoTags) && typeof image.repoTags[0] === 'string' ? image.repoTags[0] : undefined;
        return { ...(digest ? { digest } : {}), ...(digest && !image.manifestDigest ? { fromConfig: true } : {}), ...(tag ? { tag } : {}) };
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`the report is not JSON: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
}
function spoolDirOf(flag, env) {
    return flag ?? env.PORTCULLIS_SPOOL_DIR ?? '.portcullis/spool';
}
const pushCommand = {
    id: 'push',
    register(program, ctx) {
        addTargetOptions(program
            .command('push')
            .description('push an evaluation (JSON report, SBOM, SARIF) to a store, keyed by image digest, commit and pipeline run; idempotent')
            .option('--report <file>', 'the JSON report of the scan')
            .option('--sbom <file>', 'the SBOM (Syft JSON for Anchore Enterprise)')
            .option('--sarif <file>', 'the SARIF file')
            .option('--image-digest <digest>', 'the image digest (default: the report\'s manifest digest)')
            .option('--image-tag <repo:tag>', 'the tag (default: the report\'s first repo tag)')
            .option('--commit <sha>', 'the commit (default: GITHUB_SHA, CI_COMMIT_SHA or GIT_COMMIT)')
            .option('--pipeline-run <id>', 'the pipeline run (default: from the CI environment)')
            .option('--sink <id>', `where to push: ${_publish_list_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_SINKS */ .J.ids().join(', ')}`, 'store')
            .option('--spool-dir <dir>', 'where failed pushes wait (env PORTCULLIS_SPOOL_DIR)')
            .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning and spooling only (as on scan)')
            .option('--retry-spooled', 'push what earlier failed pushes spooled, and nothing else')).action(async (opts) => {
            const target = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__.targetFrom)(opts, ctx.env);
            const kind = _publish_list_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_SINKS */ .J.get(opts.sink);
            if (!target) {
                if (opts.retrySpooled || opts.storeFailOnError)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('no store configured: give --store-url or PORTCULLIS_STORE_URL');
                ctx.logger.warning('push: no store configured (--store-url or PORTCULLIS_STORE_URL); nothing was pushed');
                return;
            }
            const sink = kind.create(target);
            const spool = new _publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .Spool */ .QX(spoolDirOf(opts.spoolDir, ctx.env));
            const publishOptions = { spool, url: target.url, logger: ctx.logger, target };
            // What earlier runs spooled goes first, so the store sees evaluations in order.
            const retried = await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .retrySpooled */ .nt)(sink, publishOptions);
            if (opts.retrySpooled) {
                ctx.out(`${JSON.stringify({ pushed: retried.pushed, failed: retried.failed }, null, 2)}\n`);
                if (retried.failed.length && opts.storeFailOnError)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`${retried.failed.length} spooled push(es) still fail: ${retried.failed[0].error}`);
                return;
            }
            if (!opts.report)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('push needs --report FILE (or --retry-spooled)');
            const report = await readPayloadFile(opts.report, 'application/json', 'report');
            const fromReport = digestFromReport(report.data);
            const imageDigest = opts.imageDigest ?? fromReport.digest;
            if (!imageDigest)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the report has no image digest; give --image-digest');
            if (!opts.imageDigest && fromReport.fromConfig)
                ctx.logger.info(`the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}, as scan does`);
            if (!_publish_compliance_js__WEBPACK_IMPORTED_MODULE_3__/* .DIGEST_RE */ .Vt.test(imageDigest))
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--image-digest "${imageDigest}" is not a digest (algorithm:hex)`);
            const keys = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__.ciKeys)(ctx.env);
            const commit = opts.commit ?? keys.commit;
            const pipelineRun = opts.pipelineRun ?? keys.pipelineRun;
            const imageTag = opts.imageTag ?? fromReport.tag;
            const payload = (0,_publish_sink_js__WEBPACK_IMPORTED_MODULE_5__/* .makePayload */ .r)({
                imageDigest,
                ...(imageTag ? { imageTag } : {}),
                ...(commit ? { commit } : {}),
                ...(pipelineRun ? { pipelineRun } : {}),
                report,
                ...(opts.sbom ? { sbom: await readPayloadFile(opts.sbom, 'application/json', 'SBOM') } : {}),
                ...(opts.sarif ? { sarif: await readPayloadFile(opts.sarif, 'application/sarif+json', 'SARIF') } : {}),
            });
            const result = await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .publish */ .mk)(sink, payload, publishOptions);
            ctx.out(`${JSON.stringify(result.status === 'pushed' ? { status: 'pushed', ...result.receipt } : result, null, 2)}\n`);
            if (result.status === 'spooled' && opts.storeFailOnError)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`push failed (spooled to ${result.spoolPath}): ${result.error}`);
        });
    },
};


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

/***/ 47018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ciKeys: () => (/* binding */ ciKeys),
/* harmony export */   targetFrom: () => (/* binding */ targetFrom)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45069);
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
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`store URL "${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`store URL "${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)}" must be http or https`);
    // `https://user:pass@host` means Basic auth; the URL kept (in messages, logs and the spool) has no credentials.
    const inUrl = parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined;
    const token = flags.storeToken ?? env.PORTCULLIS_STORE_TOKEN;
    let username = flags.username ?? env.PORTCULLIS_STORE_USERNAME ?? env.ANCHORECTL_USERNAME;
    let password = flags.password ?? env.PORTCULLIS_STORE_PASSWORD ?? env.ANCHORECTL_PASSWORD;
    if (inUrl) {
        if (token || username)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('the store URL holds credentials: give them there or as a token / username, not both');
        ({ username, password } = inUrl);
    }
    if (token && username)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('give a store token or a username and password, not both');
    if (username && !password)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a store username needs a password (PORTCULLIS_STORE_PASSWORD)');
    const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--timeout "${flags.timeout}" is not a number of seconds`);
    const account = flags.account ?? env.PORTCULLIS_STORE_ACCOUNT;
    return {
        url: inUrl ? (0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url) : url,
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


/***/ })

};
