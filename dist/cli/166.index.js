export const id = 166;
export const ids = [166];
export const modules = {

/***/ 90166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F6: () => (/* binding */ addSourceOptions),
/* harmony export */   JS: () => (/* binding */ vulnerabilityDataFrom),
/* harmony export */   Qv: () => (/* binding */ buildSourceOptions),
/* harmony export */   us: () => (/* binding */ registryOptionsFrom),
/* harmony export */   w7: () => (/* binding */ addVulnerabilityDataOptions)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _image_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20596);
/* harmony import */ var _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3427);



/** The options every image-reading command shares. */
function addSourceOptions(cmd) {
    return cmd
        .option('--platform <os/arch[/variant]>', "platform to pick from a multi-platform image (default: the host's)")
        .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME)')
        .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
        .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
        .option('--ca-file <pem>', 'extra CA certificates for registries')
        .option('--timeout <seconds>', 'per-request timeout for registries and the daemon', '60')
        .option('--retries <n>', 'retries with backoff on registry 429/5xx answers and network errors', '3')
        .option('--max-file-bytes <n>', 'content kept in memory per file; larger files become unknowns');
}
/** Turns shared flags, standard input and the environment into SourceOptions fields. */
async function registryOptionsFrom(opts, env, stdin) {
    const out = {};
    const username = opts.registryUsername ?? env.PORTCULLIS_REGISTRY_USERNAME;
    let password = env.PORTCULLIS_REGISTRY_PASSWORD;
    if (opts.registryPasswordStdin) {
        if (!username)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('--registry-password-stdin needs --registry-username (or PORTCULLIS_REGISTRY_USERNAME)');
        password = (await readAll(stdin)).replace(/\r?\n$/, '');
        if (!password)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('--registry-password-stdin: standard input was empty');
    }
    if (username && !password)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a registry user name was given without a password (use --registry-password-stdin or PORTCULLIS_REGISTRY_PASSWORD)');
    if (username && password)
        out.credentials = { username, password };
    if (Array.isArray(opts.insecureRegistry))
        out.insecureRegistries = opts.insecureRegistry;
    if (typeof opts.caFile === 'string')
        out.caFile = opts.caFile;
    if (opts.timeout !== undefined) {
        const t = Number(opts.timeout);
        if (!Number.isFinite(t) || t <= 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--timeout must be a positive number of seconds, got "${String(opts.timeout)}"`);
        out.timeoutMs = t * 1000;
    }
    if (opts.retries !== undefined) {
        const r = Number(opts.retries);
        if (!Number.isInteger(r) || r < 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--retries must be a whole number, got "${String(opts.retries)}"`);
        out.retries = r;
    }
    if (opts.maxFileBytes !== undefined) {
        const n = Number(opts.maxFileBytes);
        if (!Number.isInteger(n) || n <= 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-file-bytes must be a positive integer, got "${String(opts.maxFileBytes)}"`);
        out.maxFileBytes = n;
    }
    return out;
}
async function readAll(stream) {
    const chunks = [];
    for await (const c of stream)
        chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
    return Buffer.concat(chunks).toString('utf8');
}
/** SourceOptions (and the content cap) from a command's parsed options and the CLI context. */
async function buildSourceOptions(opts, ctx) {
    return {
        ...(await registryOptionsFrom(opts, ctx.env, ctx.stdin)),
        ...(typeof opts.platform === 'string' ? { platform: (0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(opts.platform) } : {}),
        env: ctx.env,
        logger: ctx.logger,
    };
}
/**
 * The vulnerability-data options of a command that scans (`compare`), named and described as `scan` names them:
 * `--no-vulnerabilities`, `--offline`, `--db-repository`, `--db-cache-dir`, `--db-url`, `--max-db-age`,
 * `--fail-on-stale-db`.
 */
function addVulnerabilityDataOptions(cmd) {
    return cmd
        .option('--no-vulnerabilities', 'skip vulnerability matching (the policy sees no vulnerability data)')
        .option('--offline', 'never download vulnerability data; use the local database only (no database then is an error)')
        .option('--db-repository [ref]', `refresh the vulnerability database from this OCI repository (a compiled database pushed with db push; bare flag: ${_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DB_REPOSITORY */ .ax}; env PORTCULLIS_DB_REPOSITORY) instead of the OSV bucket`)
        .option('--db-cache-dir <dir>', 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)')
        .option('--db-url <url>', 'base URL of the OSV bucket layout (<url>/<Ecosystem>/all.zip; or $PORTCULLIS_DB_URL)')
        .option('--max-db-age <days>', 'vulnerability data older than this warns', '7')
        .option('--fail-on-stale-db', 'stale vulnerability data is an error instead of a warning');
}
/** ScanConfig.vulnerabilities from the options addVulnerabilityDataOptions declares (no ignore file, no VEX). */
function vulnerabilityDataFrom(opts, env, source) {
    const maxAge = Number(opts.maxDbAge ?? 7);
    if (!Number.isFinite(maxAge) || maxAge < 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-db-age must be a number of days, got "${String(opts.maxDbAge)}"`);
    return {
        enabled: opts.vulnerabilities !== false,
        ...(typeof opts.dbCacheDir === 'string' ? { cacheDir: opts.dbCacheDir } : {}),
        ...(typeof opts.dbUrl === 'string' || env.PORTCULLIS_DB_URL ? { dbUrl: opts.dbUrl ?? env.PORTCULLIS_DB_URL } : {}),
        ...(opts.dbRepository !== undefined || env.PORTCULLIS_DB_REPOSITORY ? { dbRepository: opts.dbRepository === true ? _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DB_REPOSITORY */ .ax : (opts.dbRepository ?? env.PORTCULLIS_DB_REPOSITORY) } : {}),
        dbRegistry: { ...(source.insecureRegistries ? { insecureRegistries: [...source.insecureRegistries] } : {}), ...(source.caFile ? { caFile: source.caFile } : {}) },
        offline: Boolean(opts.offline),
        maxAgeDays: maxAge,
        failOnStale: Boolean(opts.failOnStaleDb),
        vex: [],
    };
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

/***/ 29927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ shapeChecker),
/* harmony export */   QV: () => (/* binding */ jsonDepth),
/* harmony export */   XT: () => (/* binding */ jsonValueDepth),
/* harmony export */   kF: () => (/* binding */ DEFAULT_MAX_JSON_DEPTH),
/* harmony export */   kl: () => (/* binding */ assertShape),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/**
 * Reading JSON that comes from outside (an image, a VEX document, an OSV record, a policy, an SBOM) safely:
 * - `parseJson` refuses text nested deeper than a bound before parsing it, so that no later walk of the value can
 *   recurse past the stack (the depth is measured by a flat scan of the text, without recursion);
 * - `shapeChecker` compiles a JSON Schema once (ajv) into a check whose failure is one line naming the field by
 *   its JSON pointer (`/layers/0 must be object`), so that a malformed document is a clear error, never a crash.
 *
 * The errors are ConfigurationErrors unless the caller names another class (ImageError for what an image holds).
 */


/** The nesting bound used when the caller does not choose one: far above any real document, far below the stack. */
const DEFAULT_MAX_JSON_DEPTH = 512;
/**
 * The deepest nesting of arrays and objects in JSON text, measured by one flat pass that skips strings (with their
 * escapes). It stops as soon as `stopAbove` is passed and answers that depth, so a huge document costs little.
 * The text need not be valid JSON: the count is what a parser would reach before finding the error.
 */
function jsonDepth(text, stopAbove = Number.POSITIVE_INFINITY) {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c /* \ */)
                i++;
            else if (c === 0x22 /* " */)
                inString = false;
            continue;
        }
        if (c === 0x22)
            inString = true;
        else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
            depth++;
            if (depth > max) {
                max = depth;
                if (max > stopAbove)
                    return max;
            }
        }
        else if (c === 0x5d /* ] */ || c === 0x7d /* } */)
            depth--;
    }
    return max;
}
/**
 * The deepest nesting of arrays and objects in a parsed JSON value (0 for a scalar), walked with a stack of its own
 * (no recursion), stopping as soon as `stopAbove` is passed. For the value of valid JSON text this is the nesting
 * the text has (jsonDepth), unless a repeated key replaced a deeper value, measured on a few
 * thousand containers instead of every character.
 */
function jsonValueDepth(value, stopAbove = Number.POSITIVE_INFINITY) {
    if (value === null || typeof value !== 'object')
        return 0;
    const containers = [value];
    const depths = [1];
    let max = 0;
    while (containers.length > 0) {
        const v = containers.pop();
        const depth = depths.pop();
        if (depth > max) {
            max = depth;
            if (max > stopAbove)
                return max;
        }
        if (Array.isArray(v)) {
            for (const child of v) {
                if (child !== null && typeof child === 'object') {
                    containers.push(child);
                    depths.push(depth + 1);
                }
            }
            continue;
        }
        // A parsed object's keys are all its own (JSON.parse makes plain objects); `for in` allocates no key list.
        for (const key in v) {
            const child = v[key];
            if (child !== null && typeof child === 'object') {
                containers.push(child);
                depths.push(depth + 1);
            }
        }
    }
    return max;
}
/**
 * JSON.parse with a depth guard: text nested deeper than `maxDepth` is refused before it is parsed, with a
 * one-line error; so is text that is not JSON. A Buffer is read as UTF-8 (a leading byte-order mark is dropped).
 */
function parseJson(input, options) {
    const Err = options.errorClass ?? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
    let text = typeof input === 'string' ? input : input.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const depth = jsonDepth(text, maxDepth);
    if (depth > maxDepth)
        throw new Err(`${options.what} is nested too deeply (more than ${maxDepth} levels of arrays and objects)`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Err(`${options.what} is not valid JSON: ${error.message}`, { cause: error });
    }
}
let ajv;
/**
 * Compiles a JSON Schema (draft-07) once into a ShapeCheck. Schemas describe only what Portcullis reads and leave
 * other fields open (OCI and OSV documents carry extensions). Call it at module level or cache the result: each
 * call compiles.
 */
function shapeChecker(schema) {
    ajv ??= new ajv__WEBPACK_IMPORTED_MODULE_1__.Ajv({ allErrors: false, strict: true, allowUnionTypes: true, validateSchema: false });
    let validate;
    return (value) => {
        validate ??= ajv.compile(schema);
        if (validate(value))
            return undefined;
        return describeShapeError(validate.errors?.[0]);
    };
}
/** Checks a value against a compiled shape and throws a one-line error naming the field when it does not fit. */
function assertShape(check, value, what, errorClass = _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) {
    const problem = check(value);
    if (problem !== undefined)
        throw new errorClass(`${what} is malformed: ${problem}`);
}
function describeShapeError(e) {
    if (!e)
        return 'does not match its schema';
    const where = e.instancePath === '' ? '(top level)' : e.instancePath;
    if (e.keyword === 'required')
        return `${where} must have the field "${e.params.missingProperty}"`;
    if (e.keyword === 'enum')
        return `${where} must be one of ${(e.params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    return `${where} ${e.message ?? 'is invalid'}`;
}


/***/ }),

/***/ 64074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ZipError),
/* harmony export */   z: () => (/* binding */ ZipReader)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A small in-memory ZIP reader: the central directory (with ZIP64 sizes and offsets, and data prepended before
 * the archive, as in executable jars), and stored or deflated entries inflated with node:zlib.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
class ZipError extends Error {
    name = 'ZipError';
}
class ZipReader {
    data;
    entries;
    /** Reads the central directory; a corrupt or truncated one is a ZipError (`corrupt archive: …`), never a RangeError. */
    constructor(data) {
        this.data = data;
        try {
            this.entries = readCentralDirectory(data);
        }
        catch (e) {
            if (e instanceof ZipError)
                throw e;
            // A field read past the end of the buffer (node's ERR_OUT_OF_RANGE) or any other slip on hostile bytes.
            throw new ZipError(`corrupt archive: ${e.message}`, { cause: e });
        }
    }
    find(name) {
        return this.entries.find((e) => e.name === name);
    }
    /**
     * The entry's content; refuses output larger than `maxBytes` whatever the header declares (a guard against zip
     * bombs: inflation stops at the cap, so memory stays bounded by it).
     */
    read(entry, maxBytes = 64 * 1024 * 1024) {
        const d = this.data;
        const at = entry.localOffset;
        if (!Number.isSafeInteger(at) || at < 0 || at + 30 > d.length || d.readUInt32LE(at) !== LOCAL)
            throw new ZipError(`${entry.name}: bad local header`);
        const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
        const end = start + entry.compressedSize;
        if (end > d.length)
            throw new ZipError(`${entry.name}: entry data runs past the end of the archive`);
        if (entry.size > maxBytes)
            throw new ZipError(`${entry.name}: ${entry.size} bytes, over the ${maxBytes}-byte limit`);
        const raw = d.subarray(start, end);
        if (entry.method === 0) {
            if (raw.length > maxBytes)
                throw new ZipError(`${entry.name}: ${raw.length} bytes, over the ${maxBytes}-byte limit`);
            return raw;
        }
        if (entry.method === 8) {
            let out;
            try {
                // One byte over the cap tells "too large" apart from "exactly the cap".
                out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync)(raw, { maxOutputLength: Math.max(1, maxBytes + 1) });
            }
            catch (e) {
                const code = e.code;
                if (code === 'ERR_BUFFER_TOO_LARGE')
                    throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`, { cause: e });
                throw new ZipError(`${entry.name}: cannot inflate: ${e.message}`, { cause: e });
            }
            if (out.length > maxBytes)
                throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`);
            return out;
        }
        throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
    }
}
function readCentralDirectory(d) {
    const eocd = findEocd(d);
    if (eocd < 0)
        throw new ZipError('not a zip archive (no end-of-central-directory record)');
    if (eocd + 22 > d.length)
        throw new ZipError('corrupt archive: truncated end-of-central-directory record');
    let count = d.readUInt16LE(eocd + 10);
    let cdSize = d.readUInt32LE(eocd + 12);
    let cdOffset = d.readUInt32LE(eocd + 16);
    let recordStart = eocd;
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && d.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
        const z = Number(d.readBigUInt64LE(eocd - 20 + 8));
        if (!Number.isSafeInteger(z) || z + 56 > d.length || d.readUInt32LE(z) !== ZIP64_EOCD)
            throw new ZipError('bad ZIP64 end-of-central-directory record');
        count = Number(d.readBigUInt64LE(z + 32));
        cdSize = Number(d.readBigUInt64LE(z + 40));
        cdOffset = Number(d.readBigUInt64LE(z + 48));
        recordStart = z;
    }
    // Bytes prepended to the archive (a launcher script) shift every offset by the same amount.
    const shift = recordStart - cdSize - cdOffset;
    if (shift < 0)
        throw new ZipError('central directory lies outside the archive');
    const entries = [];
    let p = cdOffset + shift;
    for (let i = 0; i < count; i++) {
        if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL)
            throw new ZipError(`bad central directory entry ${i}`);
        const method = d.readUInt16LE(p + 10);
        let compressedSize = d.readUInt32LE(p + 20);
        let size = d.readUInt32LE(p + 24);
        const nameLen = d.readUInt16LE(p + 28);
        const extraLen = d.readUInt16LE(p + 30);
        const commentLen = d.readUInt16LE(p + 32);
        let localOffset = d.readUInt32LE(p + 42);
        if (p + 46 + nameLen + extraLen + commentLen > d.length)
            throw new ZipError(`corrupt archive: central directory entry ${i} runs past the end of the archive`);
        const name = d.toString('utf8', p + 46, p + 46 + nameLen);
        // ZIP64 extra field: the 0xffffffff values follow in order size, compressed size, offset.
        let x = p + 46 + nameLen;
        const xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            if (x + 4 + d.readUInt16LE(x + 2) > xEnd)
                break;
            const id = d.readUInt16LE(x);
            const len = d.readUInt16LE(x + 2);
            if (id === 0x0001) {
                let q = x + 4;
                if (size === 0xffffffff && q + 8 <= x + 4 + len) {
                    size = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
                    compressedSize = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (localOffset === 0xffffffff && q + 8 <= x + 4 + len)
                    localOffset = Number(d.readBigUInt64LE(q));
            }
            x += 4 + len;
        }
        entries.push({ name, method, compressedSize, size, localOffset: localOffset + shift });
        p = xEnd + commentLen;
    }
    return entries;
}
function findEocd(d) {
    if (d.length < 22)
        return -1;
    const min = Math.max(0, d.length - 22 - 0xffff);
    for (let i = d.length - 22; i >= min; i--)
        if (d.readUInt32LE(i) === EOCD)
            return i;
    return -1;
}


/***/ }),

/***/ 20596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   KP: () => (/* binding */ buildMetadata),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   ke: () => (/* binding */ ACCEPTED_MANIFEST_TYPES),
/* harmony export */   mI: () => (/* binding */ MediaTypes),
/* harmony export */   md: () => (/* binding */ selectPlatform),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ol: () => (/* binding */ hostPlatform)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29927);
/* harmony import */ var _schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85246);



const MediaTypes = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
};
const LAYER_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.oci.image.layer.v1.tar+gzip',
    'application/vnd.oci.image.layer.v1.tar+zstd',
    'application/vnd.oci.image.layer.nondistributable.v1.tar',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
    'application/vnd.docker.image.rootfs.diff.tar',
    'application/vnd.docker.image.rootfs.diff.tar.gzip',
    'application/vnd.docker.image.rootfs.diff.tar.zstd',
    'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
]);
const ACCEPTED_MANIFEST_TYPES = [MediaTypes.ociIndex, MediaTypes.dockerList, MediaTypes.ociManifest, MediaTypes.dockerManifest];
/**
 * Classifies a manifest document. `declaredType` is the Content-Type or descriptor media type, when known
 * (umoci writes manifests without a `mediaType` field, so the shape decides then). Schema 1 and unknown media
 * types are refused with a clear message.
 */
function parseManifest(bytes, declaredType, what) {
    const doc = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes, { what, errorClass: _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8 });
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is not a JSON object`);
    const type = (typeof doc.mediaType === 'string' ? doc.mediaType : undefined) ?? cleanType(declaredType);
    if (doc.schemaVersion === 1 || type === MediaTypes.dockerSchema1 || type === MediaTypes.dockerSchema1Signed) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is a Docker schema 1 manifest, which is deprecated and not supported; re-push the image with a current Docker or skopeo`);
    }
    if (type === MediaTypes.ociIndex || type === MediaTypes.dockerList || (!type && Array.isArray(doc.manifests))) {
        if (!Array.isArray(doc.manifests))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is an index without "manifests"`);
        (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkIndexShape */ .os, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
        return { kind: 'index', index: doc, mediaType: type ?? MediaTypes.ociIndex };
    }
    if (type === MediaTypes.ociManifest || type === MediaTypes.dockerManifest || (!type && doc.config && Array.isArray(doc.layers))) {
        const m = doc;
        if (!m.config || !Array.isArray(m.layers))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is missing its config or layers`);
        (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkManifestShape */ .xP, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
        return { kind: 'manifest', manifest: m, mediaType: type ?? MediaTypes.ociManifest };
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} has an unsupported media type "${type ?? '(none)'}"; expected an OCI or Docker v2 manifest or index`);
}
function cleanType(t) {
    return t?.split(';')[0]?.trim() || undefined;
}
/** The platform of the machine running Portcullis, in OCI terms. */
function hostPlatform() {
    const arch = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
    const p = { os: 'linux', architecture: arch[process.arch] ?? process.arch };
    if (p.architecture === 'arm64')
        p.variant = 'v8';
    return p;
}
/** Parses `os/arch[/variant]`. */
function parsePlatform(text) {
    const parts = text.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`invalid platform "${text}": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
    }
    return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}
function formatPlatform(p) {
    if (!p)
        return 'unknown';
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/**
 * Picks the manifest for `wanted` from an index. Attestation manifests (`unknown/unknown`) are skipped. A missing
 * variant matches any (arm64 images often omit `v8`). When nothing matches, the error lists what is there.
 */
function selectPlatform(index, wanted, what) {
    const candidates = index.manifests.filter((d) => d.platform && !(d.platform.os === 'unknown' && d.platform.architecture === 'unknown') && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const matches = candidates.filter((d) => d.platform.os === wanted.os &&
        d.platform.architecture === wanted.architecture &&
        (!wanted.variant || !d.platform.variant || d.platform.variant === wanted.variant));
    const exact = matches.find((d) => d.platform.variant === wanted.variant);
    const chosen = exact ?? matches[0];
    if (!chosen) {
        const there = candidates.map((d) => formatPlatform(d.platform)).join(', ') || '(none)';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} has no image for platform ${formatPlatform(wanted)}; platforms available: ${there}`);
    }
    return chosen;
}
function parseConfig(bytes, what) {
    const doc = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes, { what, errorClass: _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8 });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.rootfs || !Array.isArray(doc.rootfs.diff_ids)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is not an image config (no rootfs.diff_ids)`);
    }
    (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkConfigShape */ .q7, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
    return doc;
}
/**
 * Joins a manifest and its config into ImageMetadata: one LayerInfo per layer with its diff_id and the history
 * entry that created it (entries marked empty_layer are skipped when pairing).
 */
function buildMetadata(args) {
    const { manifest, config } = args;
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`image config lists ${diffIds.length} diff_ids but the manifest has ${manifest.layers.length} layers`);
    }
    const history = config.history ?? [];
    const layerHistory = [];
    history.forEach((h, i) => {
        if (!h.empty_layer)
            layerHistory.push(i);
    });
    const pairHistory = layerHistory.length === manifest.layers.length;
    const layers = manifest.layers.map((d, index) => {
        if (d.mediaType && !LAYER_MEDIA_TYPES.has(d.mediaType)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`layer ${index} (${d.digest}) has unsupported media type "${d.mediaType}"`);
        }
        const hi = pairHistory ? layerHistory[index] : undefined;
        return {
            index,
            digest: d.digest,
            diffId: diffIds[index],
            mediaType: d.mediaType ?? 'application/vnd.oci.image.layer.v1.tar',
            size: d.size,
            ...(hi !== undefined ? { history: history[hi], historyIndex: hi } : {}),
        };
    });
    return {
        reference: args.reference,
        source: args.source,
        ...(args.manifestDigest ? { manifestDigest: args.manifestDigest } : {}),
        ...(args.manifestMediaType ? { manifestMediaType: args.manifestMediaType } : {}),
        ...(args.indexDigest ? { indexDigest: args.indexDigest } : {}),
        configDigest: args.manifest.config.digest,
        platform: { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) },
        layers,
        config,
        repoTags: args.repoTags ?? [],
        repoDigests: args.repoDigests ?? [],
    };
}


/***/ }),

/***/ 89100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectRegistry: () => (/* binding */ connectRegistry)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/image/registry/challenge.ts
/**
 * Parses a `WWW-Authenticate` header (RFC 7235), which may hold several challenges separated by commas. Scheme
 * names are lower-cased; parameter names too; quoted values are unescaped.
 */
function parseChallenges(header) {
    if (header === undefined)
        return [];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const out = [];
    let i = 0;
    const skip = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === ','))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < text.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z/]/.test(text[i]))
            i++;
        return text.slice(start, i);
    };
    while (i < text.length) {
        skip();
        const name = token();
        if (name === '') {
            i++;
            continue;
        }
        let j = i;
        while (j < text.length && text[j] === ' ')
            j++;
        if (text[j] === '=' && out.length > 0) {
            // a parameter of the current challenge
            i = j + 1;
            while (i < text.length && text[i] === ' ')
                i++;
            let value = '';
            if (text[i] === '"') {
                i++;
                while (i < text.length && text[i] !== '"') {
                    if (text[i] === '\\' && i + 1 < text.length)
                        i++;
                    value += text[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < text.length && text[i] !== ',' && text[i] !== ' ')
                    i++;
                value = text.slice(start, i);
            }
            out[out.length - 1].params[name.toLowerCase()] = value;
        }
        else {
            out.push({ scheme: name.toLowerCase(), params: {} });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
;// CONCATENATED MODULE: ./src/image/registry/client.ts








const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
const MAX_RETRY_AFTER_MS = 60_000;
/** Manifests and indexes above this size are refused (the distribution spec suggests 4 MiB). */
const MAX_MANIFEST_BYTES = 4 << 20;
/**
 * Talks the OCI distribution API v2 to one repository of one registry: manifests and blobs, anonymous, basic or
 * bearer-token authentication (from the `WWW-Authenticate` challenge), retries with exponential backoff on 429, 5xx
 * and network errors (honouring Retry-After), and a per-request time-out. Every error names the registry and the
 * repository; no secret is ever logged or put in a message.
 */
class RegistryClient {
    #name;
    #base;
    #agent;
    #options;
    #timeoutMs;
    #retries;
    #retryBaseMs;
    #authorization;
    #credentials = null;
    constructor(options, agent) {
        this.#options = options;
        this.#name = options.name;
        this.#base = `${(0,reference/* registryScheme */.FG)(options.name.endpoint, options.insecureRegistries)}://${options.name.endpoint}/v2/${options.name.repository}`;
        this.#agent = agent;
        this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.#retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
        this.#retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    }
    static async create(options) {
        let ca;
        if (options.caFile) {
            const pem = await (0,promises_.readFile)(options.caFile, 'utf8').catch((e) => {
                throw new errors/* ConfigurationError */.j1(`cannot read the CA bundle ${options.caFile}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
            });
            if (!pem.includes('-----BEGIN CERTIFICATE-----'))
                throw new errors/* ConfigurationError */.j1(`the CA bundle ${options.caFile} holds no PEM certificate`);
            ca = [...external_node_tls_.rootCertificates, pem];
        }
        // The shared HTTP module's pool: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, the time-outs, the CA bundle.
        const agent = (0,http/* createDispatcher */.SM)({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ca });
        return new RegistryClient(options, agent);
    }
    /** `registry R (repository X)`, for messages. */
    get where() {
        return `registry ${this.#name.registry} (repository ${this.#name.repository})`;
    }
    /** The base URL, `http(s)://host/v2/<repository>`. */
    get baseUrl() {
        return this.#base;
    }
    /** Fetches a manifest or index by tag or digest. A digest reference is verified against the bytes. */
    async getManifest(reference, accept, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        const shown = reference.includes(':') ? `${this.#name.registry}/${this.#name.repository}@${reference}` : `${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#get(`manifests/${reference}`, { accept: accept.join(', '), what: `manifest ${shown}`, signal });
        const bytes = await this.#readBody(res, MAX_MANIFEST_BYTES, `manifest ${shown}`);
        const contentType = headerValue(res.headers['content-type'])?.split(';')[0]?.trim() || undefined;
        const pinned = reference.includes(':') ? reference : undefined;
        const advertised = headerValue(res.headers['docker-content-digest']);
        const algorithm = (pinned ?? advertised ?? 'sha256:').split(':')[0];
        const digest = digestOf(bytes, algorithm, `manifest ${shown}`);
        if (pinned && digest !== pinned) {
            throw new errors/* ImageError */.C8(`digest mismatch for manifest ${shown}: ${this.where} sent content that hashes to ${digest}`);
        }
        return { bytes, contentType, digest, ...(advertised ? { advertised } : {}) };
    }
    /** The repository's tags (`GET tags/list`), following `Link` pagination, at most `max` of them. */
    async listTags(signal, max = 10_000) {
        const tags = [];
        let path = 'tags/list?n=1000';
        while (path && tags.length < max) {
            const res = await this.#get(path, { what: 'tag list', signal });
            const link = headerValue(res.headers.link);
            const body = await this.#readBody(res, MAX_MANIFEST_BYTES, 'tag list');
            let doc;
            try {
                doc = JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list with something that is not JSON`);
            }
            if (doc.tags !== null && doc.tags !== undefined && !Array.isArray(doc.tags))
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list without a tags array`);
            for (const t of doc.tags ?? [])
                if (typeof t === 'string' && SAFE_TAG.test(t) && tags.length < max)
                    tags.push(t);
            const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
            const nextUrl = next ? new URL(next, `${this.#base}/`) : undefined;
            // Only a next page of this repository's own tag list is followed.
            path = nextUrl && `${nextUrl.origin}${nextUrl.pathname}` === `${this.#base}/tags/list` ? `tags/list${nextUrl.search}` : undefined;
        }
        return tags;
    }
    /** Fetches a small blob (a config) whole, and checks its digest. */
    async getBlobBytes(digest, maxBytes, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const bytes = await this.#readBody(res, maxBytes, `${what} blob ${digest}`);
        const actual = digestOf(bytes, digest.split(':')[0], `${what} blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`digest mismatch for ${what} blob ${digest} from ${this.where}: its content hashes to ${actual}`);
        return bytes;
    }
    /** Streams a blob; the caller checks its digest while reading. Errors while streaming name the blob and registry. */
    async openBlob(digest, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        res.body.on('error', (e) => out.destroy(this.#networkError(e, `${what} blob ${digest}`, 1)));
        out.on('close', () => {
            if (!res.body.destroyed)
                res.body.destroy();
        });
        res.body.pipe(out);
        return out;
    }
    /** Whether the repository holds this blob (HEAD). */
    async hasBlob(digest, signal) {
        checkDigest(digest, 'blob');
        const what = `blob ${digest}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/${digest}`, undefined, signal, { method: 'HEAD' }));
        await res.body.dump().catch(() => { });
        if (res.statusCode === 200)
            return true;
        if (res.statusCode === 404)
            return false;
        throw await this.#failure(res, `HEAD ${what}`);
    }
    /**
     * Uploads a blob in one piece (POST to start the upload, then a monolithic PUT with `?digest=`), unless the
     * repository already has it. Answers whether it was uploaded.
     */
    async pushBlob(bytes, digest, signal) {
        checkDigest(digest, 'blob');
        const actual = digestOf(bytes, digest.split(':')[0], `blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`blob ${digest}: its content hashes to ${actual}`);
        if (await this.hasBlob(digest, signal))
            return false;
        const what = `upload of blob ${digest}`;
        const start = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/uploads/`, undefined, signal, { method: 'POST', body: Buffer.alloc(0) }));
        if (start.statusCode !== 202)
            throw await this.#failure(start, `start of the ${what}`);
        await start.body.dump().catch(() => { });
        const location = headerValue(start.headers.location);
        if (!location)
            throw new errors/* RemoteError */.Hi(`${this.where} started the ${what} without a Location header`);
        const target = new URL(location, `${this.#base}/`);
        target.searchParams.set('digest', digest);
        const put = await this.#withRetries(what, signal, () => this.#authorizedRequest(target.toString(), undefined, signal, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
            body: bytes,
        }));
        if (put.statusCode !== 201)
            throw await this.#failure(put, what);
        await put.body.dump().catch(() => { });
        return true;
    }
    /** PUTs a manifest under a tag (or its digest); answers the digest of the bytes. */
    async putManifest(reference, bytes, mediaType, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        if (bytes.length > MAX_MANIFEST_BYTES)
            throw new errors/* ImageError */.C8(`the manifest for ${this.where} is larger than ${MAX_MANIFEST_BYTES} bytes`);
        const what = `manifest ${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/manifests/${reference}`, undefined, signal, { method: 'PUT', headers: { 'content-type': mediaType }, body: bytes }));
        if (res.statusCode !== 201 && res.statusCode !== 200)
            throw await this.#failure(res, `PUT ${what}`);
        await res.body.dump().catch(() => { });
        return digestOf(bytes, 'sha256', what);
    }
    /** The error for an unexpected answer to a push request. */
    async #failure(res, what) {
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 401)
            return this.#unauthorized(detail);
        if (status === 403)
            return new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may push to this repository`, { status });
        return new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Ends every connection, including a blob stream that a failed reader left open. */
    async close() {
        await this.#agent.destroy().catch(() => { });
    }
    async #get(path, args) {
        const url = `${this.#base}/${path}`;
        const res = await this.#withRetries(args.what, args.signal, () => this.#authorizedRequest(url, args.accept, args.signal));
        if (res.statusCode === 200)
            return res;
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 404) {
            const kind = path.startsWith('manifests/') ? 'manifest unknown' : path.startsWith('tags/') ? 'repository unknown' : 'blob unknown';
            throw new errors/* RemoteError */.Hi(`${kind}: ${args.what.replace(/^(manifest|.* blob) /, '')} not found in ${this.where}${detail ? ` (${detail})` : ''}`, { status });
        }
        if (status === 403) {
            throw new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${args.what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may pull this repository`, { status });
        }
        if (status === 401) {
            // #authorizedRequest already handled the challenge; a 401 here means the credentials were not accepted
            throw await this.#unauthorized(detail);
        }
        throw new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${args.what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Sends a request (GET unless told), answering one authentication challenge when the registry asks. */
    async #authorizedRequest(url, accept, signal, init = {}) {
        const headers = { ...(init.headers ?? {}) };
        if (accept)
            headers.accept = accept;
        const send = () => this.#send(url, {
            method: init.method ?? 'GET',
            headers: { ...headers, ...(this.#authorization ? { authorization: this.#authorization } : {}) },
            ...(init.body !== undefined ? { body: init.body } : {}),
            signal,
        });
        let res = await send();
        if (res.statusCode !== 401)
            return res;
        const challenges = parseChallenges(res.headers['www-authenticate']);
        await res.body.dump().catch(() => { });
        const authorization = await this.#answerChallenge(challenges, signal);
        if (authorization === undefined)
            throw await this.#unauthorized('');
        this.#authorization = authorization;
        res = await send();
        return res;
    }
    /** The Authorization header for a challenge, fetching a bearer token when that is what is asked. */
    async #answerChallenge(challenges, signal) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const creds = await this.#lookupCredentials();
        if (bearer)
            return `Bearer ${await this.#fetchToken(bearer, creds, signal)}`;
        if (basic || challenges.length === 0) {
            if (!creds)
                return undefined;
            if (creds.kind !== 'basic')
                throw new errors/* ConfigurationError */.j1(`${this.where} asks for basic authentication, but the credentials (${creds.from}) are an identity token`);
            return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        }
        throw new errors/* RemoteError */.Hi(`${this.where} asks for an unsupported authentication scheme "${challenges[0].scheme}"`, { status: 401 });
    }
    async #lookupCredentials() {
        if (this.#credentials === null) {
            this.#credentials = await this.#options.credentials();
            this.#options.logger.debug(`${this.where}: ${this.#credentials ? `using credentials from ${this.#credentials.from}` : 'no credentials found; trying anonymously'}`);
        }
        return this.#credentials;
    }
    /** Gets a token from the challenge's realm: GET with basic credentials, or the OAuth2 refresh-token POST. */
    async #fetchToken(challenge, creds, signal) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge without a realm`, { status: 401 });
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge with an invalid realm "${realm}"`, { status: 401 });
        }
        const service = challenge.params.service;
        const scope = this.#options.push ? `repository:${this.#name.repository}:pull,push` : (challenge.params.scope ?? `repository:${this.#name.repository}:pull`);
        const what = `a token from ${realmUrl.origin}${realmUrl.pathname}`;
        const res = await this.#withRetries(what, signal, async () => {
            if (creds?.kind === 'identity-token') {
                const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'portcullis', scope });
                if (service)
                    form.set('service', service);
                return this.#send(realmUrl.toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal });
            }
            const url = new URL(realmUrl);
            if (service)
                url.searchParams.set('service', service);
            url.searchParams.set('scope', scope);
            const headers = creds ? { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } : {};
            return this.#send(url.toString(), { method: 'GET', headers, signal });
        });
        if (res.statusCode === 401 || res.statusCode === 403) {
            await res.body.dump().catch(() => { });
            throw await this.#unauthorized(`the token server ${realmUrl.origin} answered HTTP ${res.statusCode}`);
        }
        if (res.statusCode !== 200) {
            const detail = await errorDetail(res);
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered HTTP ${res.statusCode}${detail ? `: ${detail}` : ''}`, { status: res.statusCode });
        }
        const body = await this.#readBody(res, 1 << 20, what);
        let doc;
        try {
            doc = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered with something that is not JSON`);
        }
        const token = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' && doc.access_token ? doc.access_token : undefined;
        if (!token)
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered without a token`);
        return token;
    }
    async #unauthorized(detail) {
        const creds = await this.#lookupCredentials().catch(() => undefined);
        const tail = detail ? ` (${detail})` : '';
        if (!creds) {
            return new errors/* RemoteError */.Hi(`authentication required for ${this.where}${tail}: no credentials were found; use --registry-username with PORTCULLIS_REGISTRY_PASSWORD, or docker login`, { status: 401 });
        }
        return new errors/* RemoteError */.Hi(`credentials rejected for ${this.where}${tail}; they came from ${creds.from}`, { status: 401 });
    }
    /** One HTTP exchange through the shared HTTP module, following redirects (dropping Authorization when the origin changes). */
    async #send(url, init) {
        return (0,http/* httpRequest */.aj)(url, { ...init, dispatcher: this.#agent, timeoutMs: this.#timeoutMs });
    }
    /** Runs `fn`, retrying 429, 5xx and network errors with exponential backoff (or Retry-After), through the shared HTTP module. */
    async #withRetries(what, signal, fn) {
        let res;
        try {
            res = await (0,http/* withRetries */.LH)(fn, { retries: this.#retries, backoffMs: this.#retryBaseMs, maxRetryAfterMs: MAX_RETRY_AFTER_MS, signal, logger: this.#options.logger, what: `${this.where}: ${what}` });
        }
        catch (e) {
            if (e instanceof http/* RetriesExhausted */.w1)
                throw this.#networkError(e.cause, what, e.attempts);
            throw e;
        }
        if (res.statusCode !== 429 && res.statusCode < 500)
            return res;
        const detail = await errorDetail(res);
        const attempts = res.attempts;
        const kind = res.statusCode === 429 ? 'rate-limited the request (HTTP 429)' : `answered HTTP ${res.statusCode}`;
        throw new errors/* RemoteError */.Hi(`${this.where} ${kind} for ${what}${detail ? `: ${detail}` : ''}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, {
            status: res.statusCode,
        });
    }
    #networkError(e, what, attempts) {
        if (e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi)
            return e;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
        if ((0,http/* isTimeoutError */.c8)(e)) {
            return new errors/* RemoteError */.Hi(`${this.where} did not answer within ${(0,http/* formatMs */._V)(this.#timeoutMs)} for ${what}${tries}`, { cause: e });
        }
        return new errors/* RemoteError */.Hi(`cannot reach ${this.where} at ${this.#base.replace(/\/v2\/.*$/, '')} for ${what}: ${(0,http/* describeNetworkError */.gl)(e, this.#timeoutMs)}${tries}`, { cause: e });
    }
    async #readBody(res, maxBytes, what) {
        const chunks = [];
        let total = 0;
        try {
            for await (const chunk of res.body) {
                total += chunk.length;
                if (total > maxBytes) {
                    res.body.destroy();
                    throw new errors/* ImageError */.C8(`${what} from ${this.where} is larger than ${maxBytes} bytes; refusing it`);
                }
                chunks.push(chunk);
            }
        }
        catch (e) {
            throw this.#networkError(e, what, 1);
        }
        return Buffer.concat(chunks);
    }
}
const SAFE_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SAFE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function checkDigest(digest, what) {
    if (!SAFE_DIGEST.test(digest))
        throw new errors/* ImageError */.C8(`${what} has an invalid digest "${digest}"`);
}
function digestOf(bytes, algorithm, what) {
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        throw new errors/* ImageError */.C8(`${what} uses an unsupported digest algorithm "${algorithm}"`);
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
/** The registry's own words, from its JSON error body (`{"errors":[{"code","message"}]}`), short. */
async function errorDetail(res) {
    let text;
    try {
        let total = 0;
        const chunks = [];
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > 64 * 1024) {
                res.body.destroy();
                break;
            }
            chunks.push(chunk);
        }
        text = Buffer.concat(chunks).toString('utf8');
    }
    catch {
        return '';
    }
    try {
        const doc = JSON.parse(text);
        if (Array.isArray(doc.errors) && doc.errors.length > 0) {
            return doc.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
        }
        if (typeof doc.message === 'string')
            return doc.message.slice(0, 300);
    }
    catch {
        // not JSON
    }
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
/** Retry-After as seconds or an HTTP date (the shared HTTP module's reading). */
function retryAfterMs(value, now = Date.now()) {
    return retryAfterHeaderMs(value, now);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/image/registry/credentials.ts






/** The directory holding docker's config.json. */
function dockerConfigDir(lookup) {
    return lookup.dockerConfigDir ?? lookup.env.DOCKER_CONFIG ?? (0,external_node_path_.join)(lookup.env.HOME ?? (0,external_node_os_.homedir)(), '.docker');
}
/**
 * Finds credentials for `registry` (`docker.io`, `host:port`): explicit ones first (flags, environment), then
 * docker's config.json: a `credHelpers` entry, the `credsStore`, then `auths`. Undefined means anonymous.
 * Secrets never reach the logger or an error message.
 */
async function resolveCredentials(registry, lookup) {
    if (lookup.explicit)
        return { kind: 'basic', ...lookup.explicit, from: 'the given credentials' };
    const dir = dockerConfigDir(lookup);
    const file = (0,external_node_path_.join)(dir, 'config.json');
    const config = await readDockerConfig(file);
    if (!config)
        return undefined;
    const keys = authKeys(registry);
    const helper = keys.map((k) => config.credHelpers?.[k]).find((h) => typeof h === 'string' && h !== '');
    if (helper) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${helper} (credHelpers in ${file})`);
        return runCredentialHelper(helper, serverUrlFor(registry), lookup.env, `credHelpers in ${file}`);
    }
    if (config.credsStore) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${config.credsStore} (credsStore in ${file})`);
        const found = await runCredentialHelper(config.credsStore, serverUrlFor(registry), lookup.env, `credsStore in ${file}`);
        if (found)
            return found;
    }
    const entry = findAuthEntry(config, keys);
    if (!entry)
        return undefined;
    const from = `auths in ${file}`;
    if (entry.identitytoken)
        return { kind: 'identity-token', token: entry.identitytoken, from };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        if (i <= 0)
            throw new errors/* ConfigurationError */.j1(`the "auth" value for ${registry} in ${file} is not base64 of user:password`);
        return { kind: 'basic', username: decoded.slice(0, i), password: decoded.slice(i + 1), from };
    }
    if (entry.username && entry.password)
        return { kind: 'basic', username: entry.username, password: entry.password, from };
    return undefined;
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* ConfigurationError */.j1(`cannot read docker config ${file}: ${e.message}`, { cause: e });
    }
    try {
        const doc = JSON.parse(text);
        if (!doc || typeof doc !== 'object' || Array.isArray(doc))
            throw new Error('not a JSON object');
        return doc;
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`docker config ${file} is not valid JSON: ${e.message}`, { cause: e });
    }
}
/** The names a registry may be filed under in config.json. */
function authKeys(registry) {
    if (registry === reference/* DOCKER_HUB */.Xb)
        return [reference/* DOCKER_HUB_AUTH_KEY */.s1, 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1'];
    return [registry];
}
function findAuthEntry(config, keys) {
    const auths = config.auths ?? {};
    for (const k of keys)
        if (auths[k])
            return auths[k];
    // docker also accepts keys written as URLs: https://host:port/v1/, http://host:port
    for (const [k, v] of Object.entries(auths)) {
        const host = k.replace(/^https?:\/\//, '').split('/')[0];
        if (host && keys.includes(host))
            return v;
    }
    return undefined;
}
/** What docker passes to credential helpers: Docker Hub's v1 URL, else host[:port]. */
function serverUrlFor(registry) {
    return registry === reference/* DOCKER_HUB */.Xb ? reference/* DOCKER_HUB_AUTH_KEY */.s1 : registry;
}
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Runs `docker-credential-<name> get` with the server URL on stdin; stdout is `{"Username", "Secret"}`. A helper that
 * says "credentials not found" means anonymous; one that is missing or fails is a clear error.
 */
async function runCredentialHelper(name, serverUrl, env, from) {
    if (!HELPER_NAME.test(name))
        throw new errors/* ConfigurationError */.j1(`invalid credential helper name "${name}" (${from})`);
    const program = `docker-credential-${name}`;
    const { code, stdout, stderr, spawnError } = await new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        child.on('error', (e) => resolve({ code: null, stdout: '', stderr: '', spawnError: e }));
        child.on('close', (c) => resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { });
        child.stdin.end(serverUrl);
    });
    if (spawnError) {
        if (spawnError.code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) is not installed or not on PATH`);
        }
        throw new errors/* ConfigurationError */.j1(`cannot run credential helper ${program} (${from}): ${spawnError.message}`);
    }
    if (code !== 0) {
        const said = (stdout.trim() || stderr.trim()).split('\n')[0]?.slice(0, 200) ?? '';
        if (/credentials not found/i.test(said))
            return undefined;
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) failed for ${serverUrl} with exit code ${String(code)}${said ? `: ${said}` : ''}`);
    }
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) printed something that is not JSON for ${serverUrl}`);
    }
    if (typeof doc.Secret !== 'string' || doc.Secret === '')
        return undefined;
    const username = typeof doc.Username === 'string' ? doc.Username : '';
    if (username === '<token>')
        return { kind: 'identity-token', token: doc.Secret, from: `${program} (${from})` };
    return { kind: 'basic', username, password: doc.Secret, from: `${program} (${from})` };
}

;// CONCATENATED MODULE: ./src/image/registry/connect.ts


/**
 * A registry client for one repository, with credentials looked up only when the registry asks: the explicit ones,
 * else docker's config (`auths`, `credHelpers`, `credsStore`). `push` asks for pull,push tokens.
 */
function connectRegistry(name, options, push = false) {
    return RegistryClient.create({
        name,
        ...(push ? { push } : {}),
        credentials: () => resolveCredentials(name.registry, {
            ...(options.credentials ? { explicit: options.credentials } : {}),
            ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
            env: options.env,
            logger: options.logger,
        }),
        ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
        ...(options.caFile ? { caFile: options.caFile } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
        ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
        logger: options.logger,
    });
}


/***/ }),

/***/ 42388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ registryScheme),
/* harmony export */   O8: () => (/* binding */ parseRegistryName),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   s1: () => (/* binding */ DOCKER_HUB_AUTH_KEY),
/* harmony export */   sM: () => (/* binding */ formatRegistryName)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_ENDPOINT, hostOf */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

/** Docker Hub's canonical name, and the host that actually serves its pulls. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/** The key docker uses for Docker Hub in config.json and with credential helpers. */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?$/;
/**
 * Parses `[registry/]repository[:tag][@digest]` like docker: a first component with a dot or a colon, or
 * `localhost`, is the registry; otherwise it is Docker Hub, where one-component names get `library/`. Neither tag
 * nor digest means `latest`; with both, the digest decides what is pulled.
 */
function parseRegistryName(input) {
    const text = input.trim();
    const bad = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`invalid image name "${input}": ${why}`);
    if (text === '')
        throw bad('it is empty');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (expected sha256:<64 hex digits>)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a valid tag`);
    }
    let registry = DOCKER_HUB;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
            if (!HOST.test(first))
                throw bad(`"${first}" is not a valid registry host`);
            registry = first;
            path = rest.slice(slash + 1);
        }
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT)
        registry = DOCKER_HUB;
    if (path === '')
        throw bad('the repository is empty');
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    for (const part of path.split('/')) {
        if (!COMPONENT.test(part)) {
            throw bad(part.toLowerCase() !== part ? 'repository names must be lowercase' : `"${part}" is not a valid repository path component`);
        }
    }
    if (path.length > 255)
        throw bad('the repository name is longer than 255 characters');
    const endpoint = registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
    return { registry, endpoint, repository: path, ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}
/** `registry/repository:tag` or `registry/repository@digest`, as users write it. */
function formatRegistryName(name) {
    const base = `${name.registry}/${name.repository}`;
    if (name.digest)
        return `${base}@${name.digest}`;
    return `${base}:${name.tag ?? 'latest'}`;
}
/** What to ask for: the digest when pinned, else the tag. */
function manifestReference(name) {
    return name.digest ?? name.tag ?? 'latest';
}
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Splits `host[:port]`, keeping IPv6 brackets. */
function hostOf(hostPort) {
    if (hostPort.startsWith('['))
        return hostPort.slice(0, hostPort.indexOf(']') + 1);
    const i = hostPort.lastIndexOf(':');
    return i >= 0 ? hostPort.slice(0, i) : hostPort;
}
/** Plain http for loopback registries and the ones the user listed as insecure (by host:port or host). */
function registryScheme(endpoint, insecure = []) {
    const host = hostOf(endpoint).toLowerCase();
    if (LOOPBACK.has(host))
        return 'http';
    const wanted = insecure.map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, ''));
    if (wanted.includes(endpoint.toLowerCase()) || wanted.includes(host))
        return 'http';
    return 'https';
}


/***/ }),

/***/ 85246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   os: () => (/* binding */ checkIndexShape),
/* harmony export */   q7: () => (/* binding */ checkConfigShape),
/* harmony export */   tR: () => (/* binding */ checkDockerArchiveManifestShape),
/* harmony export */   xP: () => (/* binding */ checkManifestShape)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA, INDEX_SCHEMA, CONFIG_SCHEMA, DOCKER_ARCHIVE_MANIFEST_SCHEMA */
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29927);
/**
 * The shapes of the JSON documents an image is made of, as JSON Schemas (draft-07) covering the fields Portcullis
 * reads; other fields stay open (annotations, extensions). Written from the OCI image spec
 * (https://github.com/opencontainers/image-spec: descriptor.md, manifest.md, image-index.md, config.md) and
 * Docker's `docker save` layout (moby image/tarexport: manifest.json is a list of {Config, RepoTags, Layers}).
 * Compiled once, at first use, by src/common/json.ts.
 */

/** The grammar of a digest (image-spec descriptor.md); which algorithms are supported is checked where it is used. */
const digest = { type: 'string', pattern: '^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const nullableStringMap = { type: ['object', 'null'], additionalProperties: { type: 'string' } };
const strings = { type: 'array', items: { type: 'string' } };
const nullableStrings = { type: ['array', 'null'], items: { type: 'string' } };
const platform = {
    type: 'object',
    properties: {
        os: { type: 'string' },
        architecture: { type: 'string' },
        variant: { type: 'string' },
        'os.version': { type: 'string' },
        'os.features': strings,
    },
    required: ['os', 'architecture'],
};
const descriptor = {
    type: 'object',
    properties: {
        mediaType: { type: 'string' },
        digest,
        size: { type: 'integer', minimum: 0 },
        urls: strings,
        annotations: stringMap,
        platform,
    },
    required: ['digest', 'size'],
};
const MANIFEST_SCHEMA = {
    type: 'object',
    properties: {
        schemaVersion: { type: 'integer' },
        mediaType: { type: 'string' },
        config: descriptor,
        layers: { type: 'array', items: descriptor },
        annotations: stringMap,
    },
    required: ['config', 'layers'],
};
const INDEX_SCHEMA = {
    type: 'object',
    properties: {
        schemaVersion: { type: 'integer' },
        mediaType: { type: 'string' },
        manifests: { type: 'array', items: descriptor },
        annotations: stringMap,
    },
    required: ['manifests'],
};
const history = {
    type: 'object',
    properties: {
        created: { type: 'string' },
        created_by: { type: 'string' },
        author: { type: 'string' },
        comment: { type: 'string' },
        empty_layer: { type: 'boolean' },
    },
};
const CONFIG_SCHEMA = {
    type: 'object',
    properties: {
        architecture: { type: 'string' },
        os: { type: 'string' },
        variant: { type: 'string' },
        created: { type: 'string' },
        author: { type: 'string' },
        config: {
            type: ['object', 'null'],
            properties: {
                User: { type: 'string' },
                Env: nullableStrings,
                Entrypoint: nullableStrings,
                Cmd: nullableStrings,
                WorkingDir: { type: 'string' },
                Labels: nullableStringMap,
                ExposedPorts: { type: ['object', 'null'] },
                Volumes: { type: ['object', 'null'] },
                StopSignal: { type: 'string' },
            },
        },
        rootfs: {
            type: 'object',
            properties: { type: { type: 'string' }, diff_ids: { type: 'array', items: digest } },
            required: ['diff_ids'],
        },
        history: { type: 'array', items: history },
    },
    required: ['rootfs'],
};
const DOCKER_ARCHIVE_MANIFEST_SCHEMA = {
    type: 'array',
    items: {
        type: 'object',
        properties: {
            Config: { type: 'string' },
            RepoTags: nullableStrings,
            Layers: strings,
        },
        required: ['Config', 'Layers'],
    },
};
const checkManifestShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(MANIFEST_SCHEMA);
const checkIndexShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(INDEX_SCHEMA);
const checkConfigShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(CONFIG_SCHEMA);
const checkDockerArchiveManifestShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(DOCKER_ARCHIVE_MANIFEST_SCHEMA);


/***/ }),

/***/ 37794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ sourceRatingOf),
/* harmony export */   YE: () => (/* binding */ scoreVector),
/* harmony export */   bW: () => (/* binding */ cvssOf),
/* harmony export */   pe: () => (/* binding */ decideFindingSeverity)
/* harmony export */ });
/* unused harmony exports severityOfScore, ratingOf, decideSeverity, SEVERITY_ORDER, OS_PACKAGE_TYPES, bestCvss, bestNvdCvss */
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44353);
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64020);


// A CommonJS (UMD) package: Node's ESM loader puts its exports on `default`, a bundler on the namespace itself.
const cvss = ((ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default()) ?? ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss;
/**
 * Scores one CVSS vector with ae-cvss-calculator (v2, v3.0, v3.1, v4.0). Undefined when the vector is malformed or
 * its base metrics are incomplete.
 */
function scoreVector(vector, source) {
    const v = vector.trim();
    try {
        let version;
        let baseScore;
        if (v.startsWith('CVSS:4.0/')) {
            version = '4.0';
            const c = new Cvss4P0(v);
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.1/')) {
            version = '3.1';
            const c = new Cvss3P1(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.0/')) {
            version = '3.0';
            const c = new Cvss3P0(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (/^(\(?AV:)/.test(v)) {
            version = '2.0';
            const c = new Cvss2(v.replace(/^\(|\)$/g, ''));
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else
            return undefined;
        if (typeof baseScore !== 'number' || Number.isNaN(baseScore))
            return undefined;
        return { version, vector: v, baseScore, ...(source ? { source } : {}) };
    }
    catch {
        return undefined;
    }
}
/** The qualitative rating of a base score, per the scale of its CVSS version (v2 has no Critical and no None). */
function severityOfScore(c) {
    const s = c.baseScore;
    if (c.version === '2.0')
        return s >= 7 ? 'High' : s >= 4 ? 'Medium' : 'Low';
    if (s >= 9)
        return 'Critical';
    if (s >= 7)
        return 'High';
    if (s >= 4)
        return 'Medium';
    if (s > 0)
        return 'Low';
    return 'Negligible';
}
const VERSION_RANK = { '2.0': 0, '3.0': 1, '3.1': 2, '4.0': 3 };
const RATINGS = {
    critical: 'Critical',
    high: 'High',
    important: 'High',
    moderate: 'Medium',
    medium: 'Medium',
    low: 'Low',
    negligible: 'Negligible',
    unimportant: 'Negligible',
    none: 'Negligible',
};
/** A source's own word for severity (GHSA `MODERATE`, Ubuntu `negligible`, Debian urgency `unimportant`, `low**`). */
function ratingOf(text) {
    if (typeof text !== 'string')
        return undefined;
    return RATINGS[text.trim().toLowerCase().replace(/\*+$/, '')];
}
function cvssEntries(list, source) {
    const out = [];
    for (const s of list ?? []) {
        if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
            const c = scoreVector(s.score, source);
            if (c)
                out.push(c);
        }
    }
    return out;
}
/** Every scorable CVSS vector of a record and of the matched `affected` entry, without duplicates. */
function cvssOf(record, affected, source) {
    const all = [...cvssEntries(record.severity, source), ...cvssEntries(affected?.severity, source)];
    const seen = new Set();
    return all.filter((c) => (seen.has(c.vector) ? false : (seen.add(c.vector), true)));
}
/** The source's own rating, from the matched `affected` entry first, then the record. */
function sourceRatingOf(record, affected) {
    const places = [affected?.ecosystem_specific, affected?.database_specific, record.database_specific];
    for (const p of places) {
        if (!p)
            continue;
        const r = ratingOf(p.severity) ?? ratingOf(p.urgency) ?? ratingOf(p.priority);
        if (r)
            return r;
    }
    for (const s of [...(affected?.severity ?? []), ...(record.severity ?? [])]) {
        if (s.type === 'Ubuntu') {
            const r = ratingOf(s.score);
            if (r)
                return r;
        }
    }
    // osv.dev's AlmaLinux and Rocky records carry Red Hat's rating only in the summary: "Moderate: avahi security update".
    if (/^(ALSA|RLSA|ALBA|ALEA|RXSA)-/.test(record.id) && typeof record.summary === 'string') {
        const m = /^\s*(Critical|Important|Moderate|Low)\s*:/i.exec(record.summary);
        if (m)
            return ratingOf(m[1]);
    }
    return undefined;
}
/**
 * The severity precedence rule:
 * 1. CVSS vectors (from `severity` of the record and of the matched `affected` entry, of every merged record) are
 *    scored with ae-cvss-calculator. The newest CVSS version present decides (4.0 > 3.1 > 3.0 > 2.0); among vectors
 *    of that version the highest base score decides; the rating is that version's qualitative scale.
 * 2. Without a scorable vector: the source's own rating (`ecosystem_specific` / `database_specific` `severity`,
 *    `urgency` or `priority`, or an `Ubuntu` severity entry), the highest among merged records.
 * 3. Otherwise `Unknown`.
 */
function decideSeverity(cvssList, sourceRatings) {
    if (cvssList.length > 0) {
        const best = [...cvssList].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
        return severityOfScore(best);
    }
    const order = ['Critical', 'High', 'Medium', 'Low', 'Negligible'];
    for (const s of order)
        if (sourceRatings.includes(s))
            return s;
    return 'Unknown';
}
const SEVERITY_ORDER = (/* unused pure expression or super */ null && (['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown']));
/** Package types whose records come from a distro (their rating is the distro's own, as grype and trivy use it). */
const OS_PACKAGE_TYPES = _target_js__WEBPACK_IMPORTED_MODULE_1__/* .OS_PACKAGE_TYPE_SET */ .oQ; // derived from the exhaustive table in target.ts
/** The best of a set of vectors: the newest CVSS version, then the highest base score. */
function bestCvss(list) {
    return [...list].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
}
/** NVD's deciding vector: its Primary metrics (NVD's own) first, else the Secondary ones (a CNA's); then `bestCvss`. */
function bestNvdCvss(list) {
    const primary = list.filter((c) => c.type !== 'Secondary');
    return bestCvss(primary.length > 0 ? primary : list);
}
const RANK = { Critical: 5, High: 4, Medium: 3, Low: 2, Negligible: 1, Unknown: 0 };
/**
 * The severity precedence (README, "Severity"), as grype and trivy decide it:
 * - OS packages (deb, apk, rpm): the distro's own rating, then NVD's CVSS, then the record's CVSS.
 * - Language packages: the advisory's own label (GHSA's wins over a vector that disagrees), then the record's
 *   CVSS, then NVD's.
 * Among ratings the highest wins; among vectors the newest CVSS version, then the highest base score (NVD:
 * Primary metrics first). `source` is `vendor:<data source>`, `cvss:<data source>`, `nvd` or `none` (Unknown).
 */
function decideFindingSeverity(input) {
    const vendor = () => {
        const best = [...input.ratings].filter((r) => r.severity !== 'Unknown').sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
        return best ? { severity: best.severity, source: `vendor:${best.dataSource}` } : undefined;
    };
    const record = () => {
        const best = bestCvss(input.cvss);
        return best ? { severity: severityOfScore(best), source: `cvss:${best.source ?? 'record'}` } : undefined;
    };
    const nvd = () => {
        const best = bestNvdCvss(input.nvdCvss);
        return best ? { severity: severityOfScore(best), source: 'nvd' } : undefined;
    };
    const order = OS_PACKAGE_TYPES.has(input.packageType) ? [vendor, nvd, record] : [vendor, record, nvd];
    for (const step of order) {
        const r = step();
        if (r)
            return r;
    }
    return { severity: 'Unknown', source: 'none' };
}


/***/ }),

/***/ 3427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ pushCompiled),
/* harmony export */   ax: () => (/* binding */ DEFAULT_DB_REPOSITORY),
/* harmony export */   updateFromRepository: () => (/* binding */ updateFromRepository)
/* harmony export */ });
/* unused harmony exports VULNDB_ARTIFACT_TYPE, VULNDB_LAYER_TYPE, OCI_MANIFEST_TYPE, OCI_EMPTY_TYPE, parseDbRepository, artifactManifest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _image_registry_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89100);
/* harmony import */ var _image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42388);
/* harmony import */ var _compiled_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92210);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90976);






/**
 * The compiled vulnerability database as an OCI artifact: an image manifest with
 * `artifactType: application/vnd.portcullis.vulndb.v1`, the empty config, and one layer (the compiled file).
 */
const DEFAULT_DB_REPOSITORY = 'ghcr.io/portcullis/vulndb:v1';
const VULNDB_ARTIFACT_TYPE = 'application/vnd.portcullis.vulndb.v1';
const VULNDB_LAYER_TYPE = 'application/vnd.portcullis.vulndb.layer.v1+gzip';
const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
/** A compiled database larger than this is refused. */
const MAX_LAYER_BYTES = 2 ** 31;
/** Strips an optional `registry:` prefix and parses the name. */
function parseDbRepository(ref) {
    return (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRegistryName */ .O8)(ref.replace(/^registry:/, ''));
}
function clientFor(name, options, push) {
    return (0,_image_registry_connect_js__WEBPACK_IMPORTED_MODULE_2__.connectRegistry)(name, options, push);
}
function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** The artifact's manifest for a compiled file (deterministic: the same file gives the same manifest). */
function artifactManifest(file, header) {
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_TYPE,
        artifactType: VULNDB_ARTIFACT_TYPE,
        config: { mediaType: OCI_EMPTY_TYPE, digest: sha256(EMPTY_CONFIG), size: EMPTY_CONFIG.length, data: EMPTY_CONFIG.toString('base64') },
        layers: [{ mediaType: VULNDB_LAYER_TYPE, digest: sha256(file), size: file.length, annotations: { 'org.opencontainers.image.title': 'vulndb.pcdb.gz' } }],
        annotations: { 'org.opencontainers.image.created': header.builtAt, 'io.portcullis.vulndb.schema': String(header.schemaVersion) },
    };
    return Buffer.from(JSON.stringify(manifest));
}
/** Publishes a compiled file (checked first) as the artifact `ref` (`registry:host/repo:tag` or `host/repo:tag`). */
async function pushCompiled(file, what, ref, options, signal) {
    const { header } = (0,_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .readCompiled */ .OR)(file, what);
    const name = parseDbRepository(ref);
    if (name.digest)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`db push needs a tag to push to, not a digest: ${ref}`);
    const client = await clientFor(name, options, true);
    try {
        await client.pushBlob(EMPTY_CONFIG, sha256(EMPTY_CONFIG), signal);
        const layerDigest = sha256(file);
        const uploaded = await client.pushBlob(file, layerDigest, signal);
        const manifest = artifactManifest(file, header);
        const manifestDigest = await client.putManifest((0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestReference */ .Tn)(name), manifest, OCI_MANIFEST_TYPE, signal);
        return { reference: (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRegistryName */ .sM)(name), manifestDigest, layerDigest, bytes: file.length, uploaded };
    }
    finally {
        await client.close();
    }
}
/**
 * `db update --db-repository`: GETs the manifest; when its digest is the one the live database came from, stops
 * there. Otherwise streams the layer (checking its sha256 and size), checks the compiled file and swaps it in.
 * Any failure is a RemoteError that says the previous database is kept (and it is).
 */
async function updateFromRepository(cacheDir, ref, options, signal) {
    let previous;
    try {
        previous = (0,_store_js__WEBPACK_IMPORTED_MODULE_5__/* .readMetadata */ ._6)(cacheDir);
    }
    catch (error) {
        options.logger.warning(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}; replacing it`);
    }
    const name = parseDbRepository(ref);
    const shown = (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRegistryName */ .sM)(name);
    const kept = previous ? `the previous database (updated ${previous.updatedAt}${previous.compiled?.manifestDigest ? `, ${previous.compiled.manifestDigest}` : ''}) is kept` : 'there is no previous database';
    const client = await clientFor(name, options, false);
    try {
        const got = await client.getManifest((0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestReference */ .Tn)(name), [OCI_MANIFEST_TYPE], signal);
        if (got.advertised && got.advertised.split(':')[0] === got.digest.split(':')[0] && got.advertised !== got.digest) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`digest mismatch for manifest ${shown}: the registry says ${got.advertised}, its content hashes to ${got.digest}`);
        }
        if (previous?.compiled?.manifestDigest === got.digest) {
            return { reference: shown, manifestDigest: got.digest, unchanged: true, metadata: previous };
        }
        let manifest;
        try {
            manifest = JSON.parse(got.bytes.toString('utf8'));
        }
        catch {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the manifest of ${shown} is not JSON`);
        }
        const layer = manifest.layers?.find((l) => l.mediaType === VULNDB_LAYER_TYPE);
        if (manifest.artifactType !== VULNDB_ARTIFACT_TYPE || !layer?.digest || typeof layer.size !== 'number') {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`${shown} is not a Portcullis vulnerability database (artifactType ${String(manifest.artifactType)}, expected ${VULNDB_ARTIFACT_TYPE} with one ${VULNDB_LAYER_TYPE} layer)`);
        }
        if (layer.size > MAX_LAYER_BYTES)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer of ${shown} is ${layer.size} bytes, more than ${MAX_LAYER_BYTES}`);
        const algorithm = layer.digest.split(':')[0];
        if (algorithm !== 'sha256' && algorithm !== 'sha512')
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer of ${shown} uses an unsupported digest ${layer.digest}`);
        const stream = await client.openBlob(layer.digest, 'vulnerability database', signal);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
        const chunks = [];
        let total = 0;
        for await (const chunk of stream) {
            const c = chunk;
            total += c.length;
            if (total > layer.size) {
                stream.destroy();
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer ${layer.digest} of ${shown} is larger than its manifest says (${layer.size} bytes)`);
            }
            hash.update(c);
            chunks.push(c);
        }
        const actual = `${algorithm}:${hash.digest('hex')}`;
        if (actual !== layer.digest)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`digest mismatch for the database layer of ${shown}: expected ${layer.digest}, the content hashes to ${actual}`);
        if (total !== layer.size)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer ${layer.digest} of ${shown} is ${total} bytes, its manifest says ${layer.size}`);
        const { metadata } = (0,_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .openCompiled */ .SJ)(Buffer.concat(chunks), cacheDir, { repository: shown, manifestDigest: got.digest, layerDigest: layer.digest });
        return { reference: shown, manifestDigest: got.digest, unchanged: false, metadata, bytes: total };
    }
    catch (error) {
        const message = `Vulnerability database update from ${shown} failed: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}; ${kept}`;
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(message, { cause: error, ...(error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && error.status !== undefined ? { status: error.status } : {}) });
    }
    finally {
        await client.close();
    }
}


/***/ }),

/***/ 92210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ parseBuildSource),
/* harmony export */   OR: () => (/* binding */ readCompiled),
/* harmony export */   SJ: () => (/* binding */ openCompiled),
/* harmony export */   Uz: () => (/* binding */ buildCompiled)
/* harmony export */ });
/* unused harmony exports COMPILED_MAGIC, COMPILED_FORMAT_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71922);
/* harmony import */ var _enrichment_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(55972);
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94399);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83676);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90976);










/**
 * A compiled vulnerability database: the whole live database (metadata.json and every segment) in ONE file, for
 * shipping (`db build`, `db push`, `db update --db-repository`).
 *
 * Format (version 1), gzip'd with fixed settings (level 9, no name, mtime 0):
 *   line 1: `portcullis-vulndb <format version> sha256:<hex>`: the hex is the sha256 of every byte after this line;
 *   line 2: the header, one JSON object (`CompiledHeader`): schema version, built-at, sources, the files;
 *   then the files' bytes, one after the other, in the header's order.
 * The same inputs give the same bytes: sources and records are sorted, and the only times inside are `--built-at`
 * (default: the newest `modified` among the records) and what the sources say themselves.
 */
const COMPILED_MAGIC = 'portcullis-vulndb';
const COMPILED_FORMAT_VERSION = 1;
const FILE_NAME = /^(metadata\.json|s\d+\.jsonl|s\d+\.idx\.json)$/;
/** Parses `KIND:PATH|URL` (`osv-local:../data/osv`, `osv-bucket:https://…`, `kev:https://…`). */
function parseBuildSource(text, extra = {}) {
    const colon = text.indexOf(':');
    const provider = colon > 0 ? text.slice(0, colon) : '';
    const where = colon > 0 ? text.slice(colon + 1) : '';
    if (!provider || !where)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--source "${text}" is not KIND:PATH or KIND:URL (for example osv-local:./osv or osv-bucket:https://host/bucket)`);
    if (!_list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.find(provider)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--source "${text}": unknown provider "${provider}" (known: ${_list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.ids().join(', ')})`);
    }
    const location = /^https?:\/\//i.test(where) ? { url: where } : { path: where };
    // `--ecosystem` names OSV bucket ecosystems; other providers read `ecosystems` as something else (NVD: years)
    const { ecosystems, ...common } = extra;
    return { provider, options: { ...common, ...(provider === 'osv-bucket' && ecosystems ? { ecosystems } : {}), ...location } };
}
/** Runs every source's provider into a fresh temporary database and packs it into one compiled file. */
async function buildCompiled(options) {
    if (options.sources.length === 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('db build needs at least one --source');
    const fixed = options.builtAt;
    const now = () => fixed ?? new Date(0);
    const batches = [];
    for (const source of options.sources) {
        const provider = _list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.get(source.provider);
        const got = await provider.fetch(source.options, { logger: options.logger, previous: new Map(), now, ...(options.signal ? { signal: options.signal } : {}) });
        batches.push(...got);
    }
    const full = batches.filter((b) => !b.notModified);
    const ids = new Set();
    let newest = '';
    for (const b of full) {
        if (_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .ENRICHMENT_KINDS */ .U.has(b.kind))
            continue;
        for (const r of b.records) {
            for (const id of (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_9__/* .joinIds */ .VS)(r))
                ids.add(id);
            if (typeof r.modified === 'string' && r.modified > newest)
                newest = r.modified;
        }
    }
    const builtAt = fixed ?? (newest && !Number.isNaN(Date.parse(newest)) ? new Date(newest) : new Date(0));
    const enrichment = { fetched: 0, kept: 0, fetchedBytes: 0, keptBytes: 0 };
    const sorted = full
        .map((b) => {
        const stamped = fixed ? b : { ...b, fetchedAt: b.fetchedAt === new Date(0).toISOString() ? builtAt.toISOString() : b.fetchedAt };
        if (_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .ENRICHMENT_KINDS */ .U.has(b.kind)) {
            const all = b.enrichments ?? [];
            const kept = all.filter((e) => ids.has(e.id.trim().toUpperCase()));
            enrichment.fetched += all.length;
            enrichment.kept += kept.length;
            for (const e of all)
                enrichment.fetchedBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            for (const e of kept)
                enrichment.keptBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            return { ...stamped, enrichments: [...kept].sort(byId) };
        }
        return { ...stamped, records: [...b.records].sort(byRecord) };
    })
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seen = new Set();
    for (const b of sorted) {
        if (seen.has(b.id))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`db build: two sources are both "${b.id}"; name each source once`);
        seen.add(b.id);
    }
    const temp = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'portcullis-build-'));
    try {
        const { dir, metadata } = (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .writeDatabase */ .tW)(temp, sorted, builtAt);
        const files = ['metadata.json', ...metadata.segments.flatMap((s) => [s.data, s.index])];
        const sources = metadata.segments.map((s) => ({
            id: s.id,
            provider: s.provider,
            kind: s.kind,
            location: s.location,
            fetchedAt: s.fetchedAt,
            ...(s.lastModified ? { lastModified: s.lastModified } : {}),
            ...(s.etag ? { etag: s.etag } : {}),
            records: s.records,
            skipped: s.skipped,
        }));
        const bodies = files.map((name) => ({ name, body: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name)) }));
        const header = {
            formatVersion: COMPILED_FORMAT_VERSION,
            schemaVersion: _store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN,
            builtAt: builtAt.toISOString(),
            sources,
            enrichment,
            files: bodies.map(({ name, body }) => ({ name, bytes: body.length, sha256: sha256(body) })),
        };
        const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => b.body)]);
        const checksum = sha256(content);
        const plain = Buffer.concat([Buffer.from(`${COMPILED_MAGIC} ${COMPILED_FORMAT_VERSION} sha256:${checksum}\n`), content]);
        const bytes = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.gzipSync)(plain, { level: 9, memLevel: 9, strategy: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.Z_DEFAULT_STRATEGY });
        return { bytes, header, checksum };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { recursive: true, force: true });
    }
}
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function byRecord(a, b) {
    if (a.id !== b.id)
        return a.id < b.id ? -1 : 1;
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Reads a compiled file and checks it whole: gzip, the magic line, its checksum, the format and schema versions,
 * each file's size and sha256. Anything wrong is a ConfigurationError naming what (`what` names the file).
 */
function readCompiled(bytes, what) {
    const bad = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what} is not a usable compiled vulnerability database: ${why}`);
    let plain;
    try {
        plain = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.gunzipSync)(bytes);
    }
    catch (error) {
        throw bad(`it does not gunzip (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    const nl = plain.indexOf(0x0a);
    const first = (nl > 0 ? plain.subarray(0, Math.min(nl, 200)) : plain.subarray(0, 0)).toString('utf8');
    const m = /^portcullis-vulndb (\d+) sha256:([a-f0-9]{64})$/.exec(first);
    if (!m)
        throw bad('it does not start with the portcullis-vulndb line');
    if (Number(m[1]) !== COMPILED_FORMAT_VERSION)
        throw bad(`its format version is ${m[1]}, this Portcullis reads ${COMPILED_FORMAT_VERSION}; update Portcullis`);
    const content = plain.subarray(nl + 1);
    const checksum = sha256(content);
    if (checksum !== m[2])
        throw bad(`its checksum does not match (sha256:${checksum}, expected sha256:${m[2]}); the file is corrupt`);
    const hl = content.indexOf(0x0a);
    let header;
    try {
        header = JSON.parse(content.subarray(0, hl).toString('utf8'));
    }
    catch (error) {
        throw bad(`its header is not JSON (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    if (header.schemaVersion !== _store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN) {
        throw bad(`its database schema version is ${String(header.schemaVersion)}, this Portcullis reads ${_store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN}`);
    }
    if (!Array.isArray(header.files) || !header.files.some((f) => f.name === 'metadata.json'))
        throw bad('it lists no metadata.json');
    const files = [];
    let at = hl + 1;
    for (const f of header.files) {
        if (!FILE_NAME.test(f.name))
            throw bad(`it holds a file with an unexpected name "${f.name}"`);
        const body = content.subarray(at, at + f.bytes);
        if (body.length !== f.bytes || sha256(body) !== f.sha256)
            throw bad(`${f.name} does not match its size or sha256`);
        files.push({ name: f.name, body });
        at += f.bytes;
    }
    if (at !== content.length)
        throw bad(`${content.length - at} trailing byte(s) after the last file`);
    return { header, checksum, files };
}
/**
 * Unpacks a compiled file into a new database folder and makes it live. The file is checked whole first; on any
 * failure the half-written folder is removed and the live database is left alone.
 */
function openCompiled(input, cacheDir, origin = {}) {
    let bytes;
    if (typeof input === 'string') {
        try {
            bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(input);
        }
        catch (error) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`cannot read the compiled database ${input}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    else
        bytes = input;
    const what = typeof input === 'string' ? input : (origin.repository ?? 'the compiled database');
    const { header, checksum, files } = readCompiled(bytes, what);
    let metadata;
    try {
        metadata = JSON.parse(files.find((f) => f.name === 'metadata.json').body.toString('utf8'));
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what}: its metadata.json is not JSON (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    const names = new Set(files.map((f) => f.name));
    for (const s of metadata.segments ?? []) {
        if (!names.has(s.data) || !names.has(s.index))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what}: source ${s.id} names files that are not inside`);
    }
    metadata = { ...metadata, compiled: { builtAt: header.builtAt, checksum: `sha256:${checksum}`, ...origin } };
    const dir = (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .newDatabaseDir */ .BL)(cacheDir);
    try {
        for (const f of files)
            if (f.name !== 'metadata.json')
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, f.name), f.body);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
        (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .activateDatabase */ .ls)(cacheDir, dir);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
    return { metadata, header };
}


/***/ }),

/***/ 55972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ enrichmentKey),
/* harmony export */   VS: () => (/* binding */ joinIds),
/* harmony export */   iZ: () => (/* binding */ mergeEnrichment)
/* harmony export */ });
/* unused harmony export MemoryEnrichment */
/** The index key of an enrichment id. */
function enrichmentKey(id) {
    return `id\u0000${id.trim().toUpperCase()}`;
}
/** Merges enrichments of one id from several sources: a later source's field replaces an earlier one's. */
function mergeEnrichment(into, add) {
    return { ...(into ?? {}), ...(add.nvd ? { nvd: add.nvd } : {}), ...(add.kev ? { kev: add.kev } : {}), ...(add.epss ? { epss: add.epss } : {}) };
}
/** An in-memory enrichment index: for tests, and for data passed in directly. */
class MemoryEnrichment {
    #map = new Map();
    constructor(records) {
        for (const { id, ...rest } of records)
            this.#map.set(enrichmentKey(id), mergeEnrichment(this.#map.get(enrichmentKey(id)), rest));
    }
    enrichment(id) {
        return this.#map.get(enrichmentKey(id));
    }
}
const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
/**
 * The CVE ids through which a record joins NVD, KEV and EPSS: its own id, `aliases`, `upstream` and `related`
 * (upper-cased, sorted, without duplicates). An ALSA advisory joins the CVEs it lists in `related`; a
 * DEBIAN-CVE or ALPINE-CVE record joins its `upstream` CVE.
 */
function joinIds(record) {
    const out = new Set();
    for (const id of [record.id, ...(record.aliases ?? []), ...(record.upstream ?? []), ...(record.related ?? [])]) {
        if (typeof id === 'string' && CVE_ID.test(id.trim()))
            out.add(id.trim().toUpperCase());
    }
    return [...out].sort();
}


/***/ }),

/***/ 6729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ sameLocation),
/* harmony export */   Rd: () => (/* binding */ decodedChunks),
/* harmony export */   a6: () => (/* binding */ sourceGet),
/* harmony export */   bD: () => (/* binding */ storedLocation),
/* harmony export */   fl: () => (/* binding */ conditionalGet)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_BACKOFF_MS */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45069);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);




const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 1_000;
const MAX_WAIT_MS = 30_000;
/**
 * A GET with `If-None-Match` / `If-Modified-Since`, through the shared HTTP module: retried with exponential
 * back-off on 429, 5xx, time-outs and network errors (Retry-After honoured), redirects followed (the Authorization
 * header kept on the same origin only), credentials in the URL sent as Basic auth and never shown. 404 is an answer
 * (the ecosystem is not in the bucket); any other status is a RemoteError.
 */
async function conditionalGet(url, options = {}) {
    const retries = options.retries ?? DEFAULT_RETRIES;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const shown = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url);
    const headers = { ...options.headers };
    if (options.etag)
        headers['if-none-match'] = options.etag;
    if (options.lastModified)
        headers['if-modified-since'] = options.lastModified;
    const attempt = async () => {
        // The time-out covers the whole exchange, body included, for each attempt.
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        const res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpRequest */ .aj)(url, { headers, signal, timeoutMs });
        const bytes = res.statusCode === 200 ? await readWithProgress(res.body, (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers['content-length']), shown, options.logger) : undefined;
        return { ...res, bytes };
    };
    let res;
    try {
        res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(attempt, { retries, backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS, maxRetryAfterMs: MAX_WAIT_MS, signal: options.signal, logger: options.logger, what: `GET ${shown}` });
    }
    catch (error) {
        if (!(error instanceof _common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .RetriesExhausted */ .w1))
            throw error;
        const why = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .isTimeoutError */ .c8)(error) ? `timed out after ${timeoutMs} ms` : (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .describeNetworkError */ .gl)(error, timeoutMs);
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown} failed after ${error.attempts} attempt(s): ${why}`, { cause: error.cause });
    }
    const etag = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers.etag);
    const lastModified = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers['last-modified']);
    const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (res.statusCode === 200)
        return { status: 200, body: res.bytes, ...validators };
    await res.body.dump().catch(() => undefined);
    if (res.statusCode === 304)
        return { status: 304, ...validators };
    if (res.statusCode === 404)
        return { status: 404 };
    if (res.statusCode === 429 || res.statusCode >= 500) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown} failed after ${res.attempts} attempt(s): HTTP ${res.statusCode}`, { status: res.statusCode });
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown}: HTTP ${res.statusCode}`, { status: res.statusCode });
}
/** The whole body; with a logger that draws progress, the bytes so far against Content-Length, as they come. */
async function readWithProgress(body, length, shown, logger) {
    if (!logger?.progress)
        return Buffer.from(await body.arrayBuffer());
    const total = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    const task = `download:${shown}`;
    const label = `downloading ${shown.replace(/^https?:\/\/[^/]+\//, '')}`;
    const chunks = [];
    let done = 0;
    try {
        for await (const chunk of body) {
            chunks.push(chunk);
            done += chunk.length;
            logger.progress({ task, label, done, ...(total !== undefined ? { total } : {}), unit: 'bytes' });
        }
    }
    finally {
        logger.progress({ task, label, end: true });
    }
    return Buffer.concat(chunks);
}
/**
 * The bytes of a body or a file stream, gunzipped when they start with the gzip magic (`.json.gz`, `.csv.gz`
 * feeds are served as gzip files, not with a Content-Encoding), else as they are. Streams: nothing is buffered whole.
 */
async function* decodedChunks(input) {
    const iterator = (Buffer.isBuffer(input) ? node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([input]) : input)[Symbol.asyncIterator]();
    const rest = { [Symbol.asyncIterator]: () => iterator };
    const first = await iterator.next();
    if (first.done)
        return;
    const head = Buffer.from(first.value);
    if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
        yield head;
        yield* rest;
        return;
    }
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)();
    const source = node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from((async function* () {
        yield head;
        yield* rest;
    })());
    source.on('error', (error) => gunzip.destroy(error));
    source.pipe(gunzip);
    for await (const chunk of gunzip)
        yield chunk;
}
/** The location a source state keeps on disk: a URL without its credentials (a path as it is). */
function storedLocation(location) {
    return (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(location);
}
/** Whether a stored state's location is this URL (the stored one has no credentials). */
function sameLocation(stored, url) {
    return stored !== undefined && (stored === url || stored === storedLocation(url));
}
/**
 * A provider's conditional GET: the stored source's validators are sent only when it was fetched from this same URL
 * (a stored state from another URL is not a valid condition for this one); time-out, retries and back-off come from
 * the provider options, the signal and logger from the fetch context.
 */
function sourceGet(url, prev, options, ctx, extra = {}) {
    const same = sameLocation(prev?.location, url);
    return conditionalGet(url, {
        etag: same ? prev.etag : undefined,
        lastModified: same ? prev.lastModified : undefined,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        backoffMs: options.backoffMs,
        signal: ctx.signal,
        logger: ctx.logger,
        ...extra,
    });
}


/***/ }),

/***/ 94399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ VULNERABILITY_PROVIDERS)
});

// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/vulndb/http.ts
var vulndb_http = __webpack_require__(6729);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/vulndb/local-files.ts



/** A local vulnerability data path, resolved: a file or a folder; one that does not exist is a ConfigurationError. */
function dataPath(path) {
    const root = (0,external_node_path_.resolve)(path);
    try {
        return { root, isDir: (0,external_node_fs_.statSync)(root).isDirectory() };
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Vulnerability data path not found: ${path}`);
    }
}
/** A folder's entries, sorted by name (so that imports are deterministic). */
function sortedEntries(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** The data files under a path (a file, or a folder at any depth), sorted; `accept` picks them by name. */
function localFeedFiles(path, accept) {
    const { root, isDir } = dataPath(path);
    if (!isDir)
        return { root, files: [root], isDir: false };
    const files = [];
    const walk = (dir) => {
        for (const e of sortedEntries(dir)) {
            const p = (0,external_node_path_.join)(dir, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile() && accept(e.name))
                files.push(p);
        }
    };
    walk(root);
    return { root, files, isDir: true };
}

// EXTERNAL MODULE: ./src/vulndb/osv.ts
var osv = __webpack_require__(48173);
// EXTERNAL MODULE: ./src/vulndb/zip.ts
var zip = __webpack_require__(3166);
;// CONCATENATED MODULE: ./src/vulndb/providers/secdb.ts
function isSecdbDocument(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const v = value;
    return typeof v.distroversion === 'string' && Array.isArray(v.packages);
}
const CVE = /^CVE-\d{4}-\d{4,}$/;
/** Alpine's secdb, as osv.dev converts it. */
const ALPINE_SECDB = {
    idPrefix: 'ALPINE-',
    ecosystem: (doc) => `Alpine:${doc.distroversion}`,
    purl: (name) => `pkg:apk/alpine/${name}?arch=source`,
    advisoryUrl: (cve) => `https://security.alpinelinux.org/vuln/${cve}`,
    ids: CVE,
};
/**
 * Turns secdb documents into OSV records, as osv.dev's Alpine converter does: one record per CVE, `ALPINE-<CVE>`
 * with `upstream: [CVE]`, one `affected` entry per (origin package, branch, fixed version) with the ECOSYSTEM
 * events `introduced 0`, `fixed <version>`, ecosystem `Alpine:<branch>`.
 * - Every whitespace-separated token of an entry that is a well-formed CVE id counts (`CVE-2018-3639 XSA-263`).
 * - Entries with no CVE id (`XSA-207`, `CVE 2018-16859`) are skipped, and reported.
 * - Fixed version `0` means the branch was never affected: no entry.
 */
function secdbToOsv(docs, modified, flavour = ALPINE_SECDB) {
    const byCve = new Map();
    const seen = new Set();
    const skipped = [];
    for (const { doc, where } of docs) {
        const ecosystem = flavour.ecosystem(doc);
        for (const entry of doc.packages) {
            const name = entry?.pkg?.name;
            if (typeof name !== 'string' || name === '') {
                skipped.push({ where, reason: 'a package without a name' });
                continue;
            }
            for (const [fixed, ids] of Object.entries(entry.pkg.secfixes ?? {})) {
                for (const raw of ids ?? []) {
                    const text = String(raw ?? '');
                    const cves = text.split(/\s+/).filter((t) => flavour.ids.test(t));
                    if (cves.length === 0) {
                        skipped.push({ where, reason: `${name} ${fixed}: "${text}" names no ${flavour.ids === CVE ? 'CVE' : 'vulnerability id'}` });
                        continue;
                    }
                    if (fixed === '0')
                        continue;
                    for (const cve of cves) {
                        const key = `${cve}\u0000${ecosystem}\u0000${name}\u0000${fixed}`;
                        if (seen.has(key))
                            continue;
                        seen.add(key);
                        let list = byCve.get(cve);
                        if (!list)
                            byCve.set(cve, (list = []));
                        list.push({
                            package: { ecosystem, name, purl: flavour.purl(name) },
                            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
                        });
                    }
                }
            }
        }
    }
    const records = [];
    for (const [cve, affected] of byCve) {
        records.push({
            schema_version: '1.7.5',
            id: `${flavour.idPrefix}${cve}`,
            modified,
            upstream: [cve],
            affected,
            references: [{ type: 'ADVISORY', url: flavour.advisoryUrl(cve) }],
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/local.ts









/**
 * Reads a folder or a file for vulnerability data: OSV records (`.json` files and zips of them, such as osv.dev's
 * `all.zip`) and Alpine secdb documents (`.json`, `.yaml`, `.yml`). In a folder holding an `all.zip`, the zip is
 * read and the `.json` files beside it are not (in the bucket layout they are the same records). Files that are
 * neither are skipped and listed; a corrupt zip or a path that does not exist is a ConfigurationError.
 */
function scanLocal(path) {
    const { root, isDir } = dataPath(path);
    const scan = { root, osv: [], secdb: [], skipped: [] };
    if (isDir)
        walk(root, scan);
    else
        readFile(root, scan, true);
    return scan;
}
function walk(dir, scan) {
    const entries = sortedEntries(dir);
    const hasAllZip = entries.some((e) => e.isFile() && e.name === 'all.zip');
    for (const e of entries) {
        const full = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            walk(full, scan);
        else if (e.isFile()) {
            if (hasAllZip && e.name.endsWith('.json'))
                continue;
            readFile(full, scan, false);
        }
    }
}
function readFile(file, scan, explicit) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.zip')) {
        // The central directory is read at the first step, so that a corrupt one is a ConfigurationError; the entries
        // then inflate one at a time (a bad entry is skipped and listed).
        const it = (0,zip/* iterateJsonEntries */.fn)((0,external_node_fs_.readFileSync)(file), file);
        let step;
        try {
            step = it.next();
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        for (; !step.done; step = it.next()) {
            const e = step.value;
            if (e.skipped !== undefined)
                scan.skipped.push({ where: `${file}!${e.name}`, reason: e.skipped });
            else
                addJson(e.text, `${file}!${e.name}`, scan);
        }
    }
    else if (lower.endsWith('.json')) {
        addJson((0,external_node_fs_.readFileSync)(file, 'utf8'), file, scan);
    }
    else if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
        let doc;
        try {
            doc = (0,js_yaml/* load */.Hh)((0,external_node_fs_.readFileSync)(file, 'utf8'), { schema: js_yaml/* FAILSAFE_SCHEMA */.uH });
        }
        catch (error) {
            scan.skipped.push({ where: file, reason: `unreadable YAML: ${(0,errors/* getErrorMessage */.u1)(error)}` });
            return;
        }
        if (isSecdbDocument(doc))
            scan.secdb.push({ doc, where: file });
        else
            scan.skipped.push({ where: file, reason: 'not an Alpine secdb document' });
    }
    else if (explicit) {
        throw new errors/* ConfigurationError */.j1(`Not a vulnerability data file (expected .zip, .json, .yaml): ${file}`);
    }
}
function addJson(text, where, scan) {
    let value;
    try {
        value = (0,json/* parseJson */.qF)(text, { what: 'the record' });
    }
    catch (error) {
        scan.skipped.push({ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` });
        return;
    }
    if (isSecdbDocument(value)) {
        scan.secdb.push({ doc: value, where });
        return;
    }
    if (typeof value !== 'object' || value === null || !('id' in value)) {
        scan.skipped.push({ where, reason: 'not an OSV record' });
        return;
    }
    try {
        // Slimmed at once (the database drops `details` and `credits`): a large import does not hold the long texts.
        scan.osv.push((0,osv/* slimRecord */.V6)((0,osv/* asOsvRecord */.W1)(value, where)));
    }
    catch (error) {
        scan.skipped.push({ where, reason: (0,errors/* getErrorMessage */.u1)(error) });
    }
}

;// CONCATENATED MODULE: ./src/vulndb/providers/alpine-secdb.ts




const DEFAULT_SECDB_URL = 'https://secdb.alpinelinux.org';
const REPOS = ['main', 'community'];
/**
 * Alpine's secdb as a native provider. With `path`: the secdb files of a folder or one file (`alpine-secdb:<path>`).
 * Otherwise, for each branch in `ecosystems` (`v3.20`): `<url>/<branch>/{main,community}.json`
 * (`alpine-secdb:v3.20`); a repository the server does not have (404) is skipped, `community` being absent on
 * old branches. Conditional requests use the stored `main.json` validators.
 */
const alpineSecdbProvider = {
    id: 'alpine-secdb',
    version: 1,
    description: 'Alpine secdb (secdb.alpinelinux.org JSON, or the YAML files) turned into OSV records',
    async fetch(options, ctx) {
        if (options.path) {
            const scan = scanLocal(options.path);
            if (scan.secdb.length === 0)
                throw new errors/* ConfigurationError */.j1(`No Alpine secdb documents in ${options.path}`);
            const fetchedAt = ctx.now().toISOString();
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            return [
                {
                    id: `alpine-secdb:${scan.root}`,
                    provider: 'alpine-secdb',
                    kind: 'alpine-secdb',
                    location: scan.root,
                    fetchedAt,
                    notModified: false,
                    records,
                    skipped: [...scan.skipped, ...skipped],
                },
            ];
        }
        const base = (options.url ?? DEFAULT_SECDB_URL).replace(/\/+$/, '');
        const out = [];
        for (const branch of options.ecosystems ?? []) {
            const id = `alpine-secdb:${branch}`;
            const location = `${base}/${branch}`;
            const prev = ctx.previous.get(id);
            const docs = [];
            let validators = {};
            let unchanged = true;
            for (const repo of REPOS) {
                const url = `${location}/${repo}.json`;
                const conditional = repo === 'main' && prev?.location === location;
                const res = await (0,vulndb_http/* conditionalGet */.fl)(url, {
                    etag: conditional ? prev?.etag : undefined,
                    lastModified: conditional ? prev?.lastModified : undefined,
                    timeoutMs: options.timeoutMs,
                    retries: options.retries,
                    backoffMs: options.backoffMs,
                    signal: ctx.signal,
                    logger: ctx.logger,
                });
                if (res.status === 404) {
                    if (repo === 'main')
                        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${branch}" an Alpine branch such as v3.20?)`, { status: 404 });
                    continue;
                }
                if (res.status === 304) {
                    validators = { ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}) };
                    break; // main unchanged: the branch is taken as unchanged (secdb regenerates both together)
                }
                unchanged = false;
                if (repo === 'main')
                    validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
                let doc;
                try {
                    doc = JSON.parse(res.body.toString('utf8'));
                }
                catch (error) {
                    throw new errors/* RemoteError */.Hi(`${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
                }
                if (!isSecdbDocument(doc))
                    throw new errors/* RemoteError */.Hi(`${url}: not an Alpine secdb document`);
                docs.push({ doc, where: url });
            }
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'alpine-secdb', kind: 'alpine-secdb', location, fetchedAt, ...validators };
            if (unchanged) {
                out.push({ ...state, notModified: true });
                continue;
            }
            const { records, skipped } = secdbToOsv(docs, fetchedAt);
            out.push({ ...state, notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/amazon.ts
const ALAS_ID = /^ALAS\d*-\d{4}-\d+$/;
const amazon_CVE = /CVE-\d{4}-\d{4,}/g;
const RELEASES = new Set(['2', '2022', '2023']);
const decode = (s) => s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);?/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
const tag = (xml, name) => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
    return m ? decode(m[1]).trim() : undefined;
};
function rfc822(text) {
    if (!text)
        return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
/** The items of an ALAS RSS document; an item without an ALAS id or a link is skipped with the reason. */
function parseAlasRss(xml, where) {
    if (!/<rss[\s>]/.test(xml) || !/<channel[\s>]/.test(xml))
        return { items: [], skipped: [{ where, reason: 'not an RSS document (no <rss><channel>)' }] };
    const items = [];
    const skipped = [];
    const blocks = xml.match(/<item(?:\s[^>]*)?>[\s\S]*?<\/item>/g) ?? [];
    const opened = (xml.match(/<item[\s>]/g) ?? []).length;
    if (opened > blocks.length)
        skipped.push({ where, reason: `${opened - blocks.length} <item> element(s) not closed` });
    blocks.forEach((block, i) => {
        const at = `${where} item ${i + 1}`;
        const title = tag(block, 'title') ?? '';
        const m = /^(ALAS\d*-\d{4}-\d+)\s*(?:\((\w+)\))?\s*:?\s*(.*)$/.exec(title);
        const link = tag(block, 'link') ?? tag(block, 'guid');
        if (!m || !ALAS_ID.test(m[1])) {
            skipped.push({ where: at, reason: `no ALAS id in the title "${title.slice(0, 80)}"` });
            return;
        }
        if (!link || !/^https?:\/\//.test(link)) {
            skipped.push({ where: at, reason: `${m[1]}: no advisory link` });
            return;
        }
        const release = /\/AL(2|2022|2023)\//.exec(link)?.[1];
        const published = rfc822(tag(block, 'pubDate'));
        const modified = rfc822(tag(block, 'lastBuildDate')) ?? published;
        items.push({
            id: m[1],
            ...(m[2] ? { severity: capital(m[2]) } : {}),
            ...(m[3] ? { package: m[3].trim() } : {}),
            cves: [...new Set((tag(block, 'description') ?? '').match(amazon_CVE) ?? [])],
            ...(published ? { published } : {}),
            ...(modified ? { modified } : {}),
            link,
            ...(release ? { release } : {}),
        });
    });
    return { items, skipped };
}
/**
 * `name-[epoch:]version-release.arch` → its parts; undefined when the text is not a NEVRA.
 * Amazon writes the epoch before the version (`1:2.3-4.amzn2.x86_64`) or before the name (`1:name-2.3-…`).
 */
function parseNevra(text) {
    let s = text.trim();
    let epoch;
    const lead = /^(\d+):(.*)$/.exec(s);
    if (lead) {
        epoch = lead[1];
        s = lead[2];
    }
    const dot = s.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    const arch = s.slice(dot + 1);
    const nvr = s.slice(0, dot);
    const r = nvr.lastIndexOf('-');
    if (r <= 0)
        return undefined;
    const v = nvr.lastIndexOf('-', r - 1);
    if (v <= 0)
        return undefined;
    const name = nvr.slice(0, v);
    let version = nvr.slice(v + 1, r);
    const release = nvr.slice(r + 1);
    const ev = /^(\d+):(.+)$/.exec(version);
    if (ev) {
        epoch = ev[1];
        version = ev[2];
    }
    if (!name || !version || !release || !/^[A-Za-z0-9_]+$/.test(arch) || /\s/.test(nvr))
        return undefined;
    return { name, ...(epoch ? { epoch } : {}), version, release, arch };
}
/** The fields of an advisory page; `packages` is empty when the page has no "New Packages" list. */
function parseAlasPage(html, where, skipped) {
    const sevBlock = /<b>\s*Severity:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const sevWord = sevBlock ? /\b(Critical|Important|Medium|Moderate|Low)\b/i.exec(decode(sevBlock.replace(/<[^>]*>/g, ' ')))?.[1] : undefined;
    const refs = /<div id=['"]references['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '';
    const cves = [...new Set(refs.match(amazon_CVE) ?? [])];
    const overviewHtml = /Issue Overview:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? /<div id=['"]issue_overview['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const overview = overviewHtml
        ? decode(overviewHtml.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ' '))
            .replace(/^\s*Issue Overview:\s*/i, '')
            .replace(/[ \t]+/g, ' ')
            .replace(/\s*\n\s*/g, '\n')
            .trim()
        : undefined;
    const list = /New Packages:\s*(?:<\/b>)?\s*<pre>([\s\S]*?)<\/pre>/i.exec(html)?.[1];
    const byKey = new Map();
    if (list !== undefined) {
        for (const rawLine of decode(list.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')).split('\n')) {
            const line = rawLine.trim();
            if (!line)
                continue;
            if (/^[A-Za-z0-9_]+:$/.test(line))
                continue; // an architecture heading; each NEVRA names its own
            const n = parseNevra(line);
            if (!n) {
                skipped.push({ where, reason: `"${line.slice(0, 100)}" is not a package NEVRA` });
                continue;
            }
            const evr = `${n.epoch ? `${n.epoch}:` : ''}${n.version}-${n.release}`;
            const key = `${n.name}\u0000${evr}`;
            let e = byKey.get(key);
            if (!e)
                byKey.set(key, (e = { name: n.name, evr, arches: [] }));
            if (!e.arches.includes(n.arch))
                e.arches.push(n.arch);
        }
    }
    const packages = [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.evr < b.evr ? -1 : a.evr > b.evr ? 1 : 0));
    return { ...(sevWord ? { severity: capital(sevWord) } : {}), cves, ...(overview ? { overview } : {}), packages };
}
/**
 * An ALAS RSS feed and its advisory pages as OSV records, one per advisory (id = the ALAS id):
 * ecosystem `Amazon Linux:<2|2022|2023>`, one `affected` entry per package name of "New Packages" (binaries and the source rpm, as vunnel) with
 * `introduced 0`, `fixed [epoch:]version-release` (and `ecosystem_specific.arches`); the CVEs in `aliases` (one)
 * or `related` (several); the vendor's severity (`Important`) in `database_specific.severity`; `published` =
 * `pubDate`, `modified` = `lastBuildDate` (else `pubDate`). Items of Amazon Linux 1, items without a page or a
 * date, and pages without a package list are skipped with the reason.
 */
function convertAmazon(input, where) {
    const { items, skipped } = parseAlasRss(input.rss, where);
    const records = [];
    const seen = new Set();
    for (const item of items) {
        const at = `${where} ${item.id}`;
        const release = item.release ?? input.release;
        if (!release || !RELEASES.has(release)) {
            skipped.push({ where: at, reason: `${item.link} is not an Amazon Linux 2, 2022 or 2023 advisory` });
            continue;
        }
        if (seen.has(item.id))
            continue;
        const html = input.pages.get(item.id);
        if (html === undefined) {
            skipped.push({ where: at, reason: 'no advisory page' });
            continue;
        }
        if (!item.modified) {
            skipped.push({ where: at, reason: 'no date (pubDate / lastBuildDate)' });
            continue;
        }
        const page = parseAlasPage(html, `${at} page`, skipped);
        if (page.packages.length === 0) {
            skipped.push({ where: at, reason: 'the advisory page lists no new packages' });
            continue;
        }
        seen.add(item.id);
        const ecosystem = `Amazon Linux:${release}`;
        const affected = page.packages.map((p) => ({
            package: { ecosystem, name: p.name, purl: `pkg:rpm/amazon/${p.name}?distro=amzn-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: p.evr }] }],
            ecosystem_specific: { arches: p.arches },
        }));
        const cves = [...new Set([...item.cves, ...page.cves])].sort();
        const severity = page.severity ?? item.severity;
        records.push({
            schema_version: '1.7.5',
            id: item.id,
            modified: item.modified,
            ...(item.published ? { published: item.published } : {}),
            ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
            ...(item.package ? { summary: `${item.package} security update` } : {}),
            ...(page.overview ? { details: page.overview } : {}),
            affected,
            references: [{ type: 'ADVISORY', url: item.link }, ...cves.map((c) => ({ type: 'WEB', url: `https://alas.aws.amazon.com/cve/html/${c}.html` }))],
            database_specific: { ...(severity ? { severity } : {}), source: 'amazon' },
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/amazon.ts






const ALAS_BASE = 'https://alas.aws.amazon.com';
const DEFAULT_RELEASES = ['2', '2023'];
/** At most this many advisory pages are fetched per feed (the AL2 feed lists about 2,500). */
const MAX_ALAS_PAGES = 10_000;
function alasRssUrl(release) {
    if (!/^(2|2022|2023)$/.test(release))
        throw new errors/* ConfigurationError */.j1(`amazon: "${release}" is not an Amazon Linux release (2, 2022 or 2023)`);
    return `${ALAS_BASE}/AL${release}/alas.rss`;
}
const isRssName = (n) => /(^|_)rss\.xml$|\.rss$|^alas.*\.xml$/i.test(n);
/** The advisory pages of a local RSS file: the folder `<stem>_html` beside `<stem>_rss.xml`, else the RSS's folder. */
function localPages(rssFile) {
    const stem = (0,external_node_path_.basename)(rssFile).replace(/_?rss\.xml$|\.rss$|\.xml$/i, '');
    const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)(rssFile), `${stem}_html`);
    const dir = stem && (0,external_node_fs_.existsSync)(beside) && (0,external_node_fs_.statSync)(beside).isDirectory() ? beside : (0,external_node_path_.dirname)(rssFile);
    const pages = new Map();
    for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const id = e.name.replace(/\.html?$/i, '');
        if (e.isFile() && /^ALAS\d*-\d{4}-\d+$/.test(id))
            pages.set(id, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, e.name), 'utf8'));
    }
    return pages;
}
/**
 * Amazon Linux ALAS. With `path`: an RSS file (`2023_rss.xml`, `alas.rss`) or a folder of them, each with its
 * advisory pages in `<stem>_html/ALAS-…` beside it (else in its own folder); one source per RSS file. Otherwise,
 * for `url` (an RSS URL) or each release in `ecosystems` (2, 2022, 2023; default 2 and 2023): a conditional GET
 * of the RSS, then each advisory page it lists, one after the other (at most MAX_ALAS_PAGES); a page that fails
 * is skipped with the reason. An unchanged RSS (304) keeps the stored records.
 */
const amazonProvider = {
    id: 'amazon',
    version: 1,
    description: 'Amazon Linux ALAS (RSS and advisory pages) turned into OSV records (Amazon Linux:2|2022|2023)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, isRssName);
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j1(`amazon: no ALAS RSS file (*_rss.xml, *.rss) in ${options.path}`);
            return files.map((f) => {
                const { records, skipped } = convertAmazon({ rss: (0,external_node_fs_.readFileSync)(f, 'utf8'), pages: localPages(f) }, f);
                ctx.logger.info(`amazon:${f}: ${records.length} records`);
                return { id: `amazon:${f}`, provider: 'amazon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const urls = options.url ? [options.url] : (options.ecosystems?.length ? options.ecosystems : DEFAULT_RELEASES).map(alasRssUrl);
        const out = [];
        const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
        for (const url of urls) {
            const release = /\/AL(2|2022|2023)\//.exec(url)?.[1];
            const id = release && !options.url ? `amazon:${release}` : `amazon:${url}`;
            const prev = ctx.previous.get(id);
            const conditional = prev?.location === url;
            const res = await (0,vulndb_http/* conditionalGet */.fl)(url, { ...http, etag: conditional ? prev.etag : undefined, lastModified: conditional ? prev.lastModified : undefined });
            const state = { id, provider: 'amazon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const rss = res.body.toString('utf8');
            const { items } = parseAlasRss(rss, url);
            if (!/<rss[\s>]/.test(rss))
                throw new errors/* RemoteError */.Hi(`${url}: not an RSS document`);
            const pages = new Map();
            const pageSkips = [];
            let fetched = 0;
            for (const item of items) {
                if (pages.has(item.id))
                    continue;
                if (fetched >= MAX_ALAS_PAGES) {
                    pageSkips.push({ where: item.link, reason: `not fetched: more than ${MAX_ALAS_PAGES} advisory pages` });
                    continue;
                }
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                fetched++;
                try {
                    const page = await (0,vulndb_http/* conditionalGet */.fl)(item.link, http);
                    if (page.status === 200)
                        pages.set(item.id, page.body.toString('utf8'));
                    else
                        pageSkips.push({ where: item.link, reason: `advisory page: HTTP ${page.status}` });
                }
                catch (error) {
                    if (ctx.signal?.aborted)
                        throw error;
                    pageSkips.push({ where: item.link, reason: `advisory page: ${error instanceof Error ? error.message : String(error)}` });
                }
            }
            const { records, skipped } = convertAmazon({ rss, pages, ...(release ? { release } : {}) }, url);
            ctx.logger.info(`${id}: ${records.length} records (${fetched} pages)`);
            out.push({
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped: [...pageSkips, ...skipped],
            });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/providers/wolfi.ts






/** The fixed date used when an HTTP answer has no Last-Modified (the secdb carries no date of its own). */
const NO_DATE = '1970-01-01T00:00:00.000Z';
/** Wolfi and Chainguard write CVE and GHSA ids in their secdb. */
const APK_IDS = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;
function apkFlavour(ecosystem) {
    const lower = ecosystem.toLowerCase();
    return {
        idPrefix: `${ecosystem.toUpperCase()}-`,
        ecosystem: () => ecosystem,
        purl: (name) => `pkg:apk/${lower}/${name}`,
        advisoryUrl: (id) => `https://images.chainguard.dev/security/${id}`,
        ids: APK_IDS,
    };
}
const WOLFI_FEED = {
    id: 'wolfi',
    description: 'Wolfi secdb (packages.wolfi.dev/os/security.json) turned into OSV records (ecosystem Wolfi)',
    defaultUrl: 'https://packages.wolfi.dev/os/security.json',
    flavour: apkFlavour('Wolfi'),
};
const CHAINGUARD_FEED = {
    id: 'chainguard',
    description: 'Chainguard secdb (packages.cgr.dev/chainguard/security.json) turned into OSV records (ecosystem Chainguard)',
    defaultUrl: 'https://packages.cgr.dev/chainguard/security.json',
    flavour: apkFlavour('Chainguard'),
};
/**
 * An apk secdb as Wolfi and Chainguard publish it: `{ apkurl, archs, reponame, urlprefix, packages }`, with no
 * `distroversion` (both are rolling). A `packages` list is all it takes.
 */
function parseApkSecdb(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { error: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` };
    }
    if (typeof value !== 'object' || value === null || !Array.isArray(value.packages)) {
        return { error: `${where}: not an apk secdb document (no "packages" list)` };
    }
    const v = value;
    const packages = v.packages.filter((p) => typeof p === 'object' && p !== null);
    return {
        doc: {
            distroversion: typeof v.distroversion === 'string' ? v.distroversion : 'rolling',
            ...(typeof v.reponame === 'string' ? { reponame: v.reponame } : {}),
            packages,
        },
    };
}
/** Converts one or more secdb texts; a document that does not parse is skipped with its reason. */
function convertApkSecdb(inputs, modified, flavour) {
    const docs = [];
    const skipped = [];
    for (const { text, where } of inputs) {
        const parsed = parseApkSecdb(text, where);
        if ('error' in parsed)
            skipped.push({ where, reason: parsed.error });
        else
            docs.push({ doc: parsed.doc, where });
    }
    const out = secdbToOsv(docs, modified, flavour);
    return { records: out.records, skipped: [...skipped, ...out.skipped] };
}
/**
 * A provider for a rolling apk secdb. With `path`: the file, or every `.json` file of a folder (source
 * `<id>:<path>`, `modified` = the newest file's mtime). Otherwise a conditional GET of `url` (default: the feed's
 * security.json; source `<id>:<url>`), `modified` = the answer's Last-Modified.
 */
function apkSecdbProvider(feed) {
    return {
        id: feed.id,
        version: 1,
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path) {
                const { files } = localFeedFiles(options.path, (name) => name.toLowerCase().endsWith('.json'));
                if (files.length === 0)
                    throw new errors/* ConfigurationError */.j1(`${feed.id}: no .json secdb file in ${options.path}`);
                const mtime = Math.max(...files.map((f) => (0,external_node_fs_.statSync)(f).mtimeMs));
                const inputs = files.map((f) => ({ text: (0,external_node_fs_.readFileSync)(f, 'utf8'), where: f }));
                const { records, skipped } = convertApkSecdb(inputs, new Date(mtime).toISOString(), feed.flavour);
                const location = (0,external_node_path_.resolve)(options.path);
                ctx.logger.info(`${feed.id}:${location}: ${records.length} records`);
                return [
                    { id: `${feed.id}:${location}`, provider: feed.id, kind: 'native', location, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped },
                ];
            }
            const url = options.url ?? feed.defaultUrl;
            const id = `${feed.id}:${url}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const base = { id, provider: feed.id, kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                return [{ ...base, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true }];
            }
            const parsed = parseApkSecdb(res.body.toString('utf8'), url);
            if ('error' in parsed)
                throw new errors/* RemoteError */.Hi(`${url}: ${parsed.error}`);
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const modified = Number.isNaN(at) ? NO_DATE : new Date(at).toISOString();
            const { records, skipped } = secdbToOsv([{ doc: parsed.doc, where: url }], modified, feed.flavour);
            ctx.logger.info(`${id}: ${records.length} records`);
            return [
                {
                    ...base,
                    ...(res.etag ? { etag: res.etag } : {}),
                    ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                    notModified: false,
                    records,
                    skipped,
                },
            ];
        },
    };
}
const wolfiProvider = apkSecdbProvider(WOLFI_FEED);

;// CONCATENATED MODULE: ./src/vulndb/providers/chainguard.ts

/**
 * Chainguard's secdb (`packages.cgr.dev/chainguard/security.json`), ecosystem `Chainguard`. Chainguard's OSV
 * feed (`CGA-…` records, already in ecosystem `Chainguard`) imports through `osv-local` / an OSV URL instead.
 */
const chainguardProvider = apkSecdbProvider(CHAINGUARD_FEED);

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/vulndb/native/epss.ts



/**
 * FIRST's EPSS scores CSV (`epss_scores-current.csv.gz`, gzip or plain): a first line
 * `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000`, the header `cve,epss,percentile`, then one
 * row per CVE. Read line by line: the real file has ~300,000 rows.
 */
class EpssFormatError extends Error {
    name = 'EpssFormatError';
}
const EPSS_HEADER = 'cve,epss,percentile';
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** The `#key:value,key:value` comment line; a missing or undated one is an EpssFormatError. */
function parseEpssComment(line, where) {
    if (!line.startsWith('#'))
        throw new EpssFormatError(`${where}: not an EPSS scores file (the first line is not "#model_version:…,score_date:…")`);
    const fields = new Map();
    for (const part of line.slice(1).split(',')) {
        const at = part.indexOf(':');
        if (at > 0)
            fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const date = fields.get('score_date');
    if (!date)
        throw new EpssFormatError(`${where}: the first line has no score_date (${JSON.stringify(line.slice(0, 100))})`);
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date)?.[1];
    if (!day || Number.isNaN(Date.parse(day)))
        throw new EpssFormatError(`${where}: score_date ${JSON.stringify(date)} is not a date`);
    const modelVersion = fields.get('model_version');
    return { ...(modelVersion ? { modelVersion } : {}), scoreDate: day };
}
/** One data row, or why it is not one. */
function epssRecordOf(line, date) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3)
        return `${cells.length} columns, not 3`;
    const [cve, epss, percentile] = cells;
    const id = cve.toUpperCase();
    if (!CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(cve)}`;
    if (!NUMBER.test(epss) || !NUMBER.test(percentile))
        return `${id}: epss ${JSON.stringify(epss)} or percentile ${JSON.stringify(percentile)} is not a number`;
    const score = Number(epss);
    const pct = Number(percentile);
    if (score > 1 || pct > 1)
        return `${id}: epss ${epss} or percentile ${percentile} is not within 0..1`;
    return { id, epss: { score, percentile: pct, date } };
}
/**
 * Streams an EPSS CSV (a Buffer or a byte stream, gzip or not). A wrong header line or a missing score date is an
 * EpssFormatError; a bad row is skipped with its line number.
 */
async function readEpss(input, where) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    const records = [];
    const skipped = [];
    let lineNo = 0;
    let meta;
    let headerSeen = false;
    let rest = '';
    const take = (raw) => {
        lineNo++;
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!meta) {
            meta = parseEpssComment(line.replace(/^\uFEFF/, '').trim(), where);
            return;
        }
        if (!headerSeen) {
            if (line.trim().toLowerCase() !== EPSS_HEADER) {
                throw new EpssFormatError(`${where}: line ${lineNo} is ${JSON.stringify(line.slice(0, 100))}, not the header "${EPSS_HEADER}"`);
            }
            headerSeen = true;
            return;
        }
        if (line.trim() === '')
            return;
        const r = epssRecordOf(line, meta.scoreDate);
        if (typeof r === 'string')
            skipped.push({ where: `${where}:${lineNo}`, reason: r });
        else
            records.push(r);
    };
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            const text = rest + decoder.write(chunk);
            let start = 0;
            for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                take(text.slice(start, nl));
                start = nl + 1;
            }
            rest = text.slice(start);
        }
        rest += decoder.end();
        if (rest !== '')
            take(rest);
    }
    catch (error) {
        if (error instanceof EpssFormatError)
            throw error;
        throw new EpssFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!meta)
        throw new EpssFormatError(`${where}: empty file`);
    if (!headerSeen)
        throw new EpssFormatError(`${where}: no "${EPSS_HEADER}" header line`);
    return { records, skipped, scoreDate: meta.scoreDate, ...(meta.modelVersion ? { modelVersion: meta.modelVersion } : {}) };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/epss.ts





const DEFAULT_EPSS_URL = 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz';
/**
 * FIRST's EPSS scores as enrichment (`epss` score, percentile and date on findings, joined by CVE id).
 * `path`: one scores file, `.csv` or `.csv.gz` (`epss:<path>`). Otherwise `url` (default the current scores),
 * fetched conditionally on the stored ETag / Last-Modified (`epss:first`). The CSV is read line by line.
 */
const epssProvider = {
    id: 'epss',
    version: 1,
    requires: ['network'],
    description: "FIRST's EPSS scores (CSV, gzip or plain), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path) {
            const file = (0,external_node_path_.resolve)(options.path);
            let isFile;
            try {
                isFile = (0,external_node_fs_.statSync)(file).isFile();
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`EPSS scores file not found: ${options.path}`);
            }
            if (!isFile)
                throw new errors/* ConfigurationError */.j1(`EPSS: ${options.path} is not a file (pass the .csv or .csv.gz scores file)`);
            let scores;
            try {
                scores = await readEpss((0,external_node_fs_.createReadStream)(file), file);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
            }
            ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${file}`);
            return [
                {
                    id: `epss:${file}`,
                    provider: 'epss',
                    kind: 'epss',
                    location: file,
                    fetchedAt: ctx.now().toISOString(),
                    notModified: false,
                    records: [],
                    enrichments: scores.records,
                    skipped: scores.skipped,
                },
            ];
        }
        const url = options.url ?? DEFAULT_EPSS_URL;
        const id = 'epss:first';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'epss', kind: 'epss', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not an EPSS scores URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            const etag = res.etag ?? prev?.etag;
            const lastModified = res.lastModified ?? prev?.lastModified;
            return [{ ...state, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), notModified: true }];
        }
        let scores;
        try {
            scores = await readEpss(res.body, url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${url}`);
        return [
            {
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records: [],
                enrichments: scores.records,
                skipped: scores.skipped,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/kev.ts
/**
 * CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`): `{title, catalogVersion,
 * dateReleased, count, vulnerabilities: [{cveID, dateAdded, dueDate, knownRansomwareCampaignUse,
 * vulnerabilityName, requiredAction, …}]}`. A single entry (one `{cveID, …}` object) is read as a catalog of one.
 */
class KevFormatError extends Error {
    name = 'KevFormatError';
}
const kev_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kev_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Whether a parsed JSON document is a KEV catalog or a single KEV entry. */
function isKevDocument(doc) {
    if (!isObject(doc))
        return false;
    const list = doc.vulnerabilities;
    if (Array.isArray(list))
        return list.length === 0 ? 'catalogVersion' in doc : list.some((v) => isObject(v) && 'cveID' in v);
    return typeof doc.cveID === 'string';
}
/** One catalog entry as an enrichment record, or why it is not one (no CVE id, no `dateAdded` day). */
function kevRecordOf(entry) {
    if (!isObject(entry))
        return 'not an object';
    const id = kev_text(entry.cveID)?.toUpperCase();
    if (!id || !kev_CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(entry.cveID ?? null)}`;
    const dateAdded = kev_text(entry.dateAdded);
    if (!dateAdded || !DAY.test(dateAdded))
        return `${id}: dateAdded ${JSON.stringify(entry.dateAdded ?? null)} is not a YYYY-MM-DD day`;
    const kev = { dateAdded };
    const dueDate = kev_text(entry.dueDate);
    const ransomware = kev_text(entry.knownRansomwareCampaignUse);
    const name = kev_text(entry.vulnerabilityName);
    const action = kev_text(entry.requiredAction);
    if (dueDate)
        kev.dueDate = dueDate;
    if (ransomware)
        kev.knownRansomwareCampaignUse = ransomware;
    if (name)
        kev.vulnerabilityName = name;
    if (action)
        kev.requiredAction = action;
    return { id, kev };
}
/** Reads a catalog (or a single entry); a document that is neither is a KevFormatError. Bad entries are skipped. */
function parseKevCatalog(doc, where) {
    if (!isKevDocument(doc))
        throw new KevFormatError(`${where}: not a CISA KEV catalog (no "vulnerabilities" list of {cveID, …})`);
    const d = doc;
    const entries = Array.isArray(d.vulnerabilities) ? d.vulnerabilities : [d];
    const byId = new Map();
    const skipped = [];
    entries.forEach((entry, i) => {
        const r = kevRecordOf(entry);
        if (typeof r === 'string')
            skipped.push({ where: `${where} vulnerabilities[${i}]`, reason: r });
        else
            byId.set(r.id, r);
    });
    const out = { records: [...byId.values()], skipped };
    const version = kev_text(d.catalogVersion);
    if (version)
        out.catalogVersion = version;
    if (typeof d.count === 'number')
        out.count = d.count;
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/providers/kev.ts





const DEFAULT_KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
/**
 * CISA's Known Exploited Vulnerabilities catalog as enrichment (`kev` status on findings, joined by CVE id).
 * `path`: the catalog file, or a folder of catalogs / single entries (`kev:<path>`). Otherwise `url` (default
 * CISA's feed), fetched conditionally on the stored ETag / Last-Modified (`kev:cisa`).
 */
const kevProvider = {
    id: 'kev',
    version: 1,
    requires: ['network'],
    description: "CISA's Known Exploited Vulnerabilities catalog (JSON), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path)
            return [fetchLocal(options.path, ctx)];
        const url = options.url ?? DEFAULT_KEV_URL;
        const id = 'kev:cisa';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'kev', kind: 'kev', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not a KEV catalog URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            return [{ ...state, ...validators(res.etag ?? prev?.etag, res.lastModified ?? prev?.lastModified), notModified: true }];
        }
        let catalog;
        try {
            catalog = parseKevCatalog(JSON.parse(res.body.toString('utf8')), url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi(error instanceof KevFormatError ? error.message : `${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`, { cause: error });
        }
        ctx.logger.info(`kev: ${catalog.records.length} CVEs from ${url}${catalog.catalogVersion ? ` (catalog ${catalog.catalogVersion})` : ''}`);
        return [{ ...state, ...validators(res.etag, res.lastModified), notModified: false, records: [], enrichments: catalog.records, skipped: catalog.skipped }];
    },
};
function validators(etag, lastModified) {
    return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
function fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, (name) => name.toLowerCase().endsWith('.json'));
    const byId = new Map();
    const skipped = [];
    let documents = 0;
    for (const file of files) {
        let doc;
        try {
            doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            if (!isDir)
                throw new errors/* ConfigurationError */.j1(`${file}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
            skipped.push({ where: file, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            continue;
        }
        if (isDir && !isKevDocument(doc)) {
            skipped.push({ where: file, reason: 'not a CISA KEV catalog or entry' });
            continue;
        }
        try {
            const catalog = parseKevCatalog(doc, file);
            for (const r of catalog.records)
                byId.set(r.id, r);
            skipped.push(...catalog.skipped);
            documents++;
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No CISA KEV catalog in ${path}`);
    ctx.logger.info(`kev: ${byId.size} CVEs from ${root}`);
    return {
        id: `kev:${root}`,
        provider: 'kev',
        kind: 'kev',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: [...byId.values()],
        skipped,
    };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
;// CONCATENATED MODULE: ./src/vulndb/native/oval.ts

/**
 * A small reader of OVAL definition documents (OVAL 5, https://oval.mitre.org/language/version5.11/) as the
 * distributions publish them for patch / vulnerability data: Oracle ELSA, SUSE, CBL-Mariner / Azure Linux. It keeps
 * what the converters need: each definition's metadata (title, platforms, references, severity, CVEs, dates), its
 * criteria tree, and the `rpminfo` tests, objects (package name) and states (`evr` / `version` / `arch`).
 *
 * The document is parsed once. Criteria trees are converted and walked iteratively, at most
 * `OVAL_MAX_CRITERIA_DEPTH` levels deep (a deeper definition is skipped with a reason); the XML parser itself
 * refuses documents nested more than `OVAL_MAX_NESTED_TAGS` deep.
 */
const OVAL_MAX_CRITERIA_DEPTH = 40;
const OVAL_MAX_NESTED_TAGS = 100;
/** The whole document is not OVAL, or is not well-formed XML. */
class OvalFormatError extends Error {
    name = 'OvalFormatError';
}
const ARRAYS = new Set([
    'definition',
    'platform',
    'reference',
    'cve',
    'criteria',
    'criterion',
    'extend_definition',
    'rpminfo_test',
    'rpminfo_object',
    'rpminfo_state',
    'state',
    'states',
    'tests',
    'objects',
]);
const isNode = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** The text of an element (`<x>text</x>`, or `#text` beside attributes), trimmed; undefined when empty. */
function oval_text(v) {
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (isNode(v))
        return oval_text(v['#text']);
    if (Array.isArray(v))
        return oval_text(v[0]);
    return undefined;
}
function attr(node, name) {
    if (!isNode(node))
        return undefined;
    const v = node[`@${name}`];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
const oval_CVE_ID = /\bCVE-\d{4}-\d{4,}\b/i;
/**
 * Parses an OVAL definitions document. Throws OvalFormatError when the text is not well-formed XML or has no
 * `oval_definitions` root; a definition that cannot be read is listed in `skipped` and the rest are kept.
 */
function parseOval(xml, where) {
    const valid = fxp/* XMLValidator */.iI.validate(xml);
    if (valid !== true) {
        throw new OvalFormatError(`${where}: not well-formed XML (line ${valid.err.line}, col ${valid.err.col}: ${valid.err.msg})`);
    }
    const parser = new XMLParser/* default */.A({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        removeNSPrefix: true,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: true,
        processEntities: true,
        htmlEntities: true,
        ignoreDeclaration: true,
        ignorePiTags: true,
        maxNestedTags: OVAL_MAX_NESTED_TAGS,
        isArray: (name) => ARRAYS.has(name),
    });
    let tree;
    try {
        tree = parser.parse(xml);
    }
    catch (error) {
        throw new OvalFormatError(`${where}: unreadable XML (${error instanceof Error ? error.message : String(error)})`);
    }
    const root = isNode(tree) ? tree.oval_definitions : undefined;
    if (!isNode(root))
        throw new OvalFormatError(`${where}: not an OVAL definitions document (no <oval_definitions> root)`);
    const gen = isNode(root.generator) ? root.generator : {};
    const generator = {};
    const productName = oval_text(gen.product_name);
    const productVersion = oval_text(gen.product_version);
    const schemaVersion = oval_text(gen.schema_version);
    const timestamp = oval_text(gen.timestamp);
    if (productName)
        generator.productName = productName;
    if (productVersion)
        generator.productVersion = productVersion;
    if (schemaVersion)
        generator.schemaVersion = schemaVersion;
    if (timestamp)
        generator.timestamp = timestamp;
    const doc = { generator, definitions: [], tests: new Map(), objects: new Map(), states: new Map(), skipped: [] };
    const defsNode = isNode(root.definitions) ? root.definitions : undefined;
    list(defsNode?.definition).forEach((d, i) => {
        const r = readDefinition(d, `${where} definition[${i}]`);
        if ('reason' in r)
            doc.skipped.push(r);
        else
            doc.definitions.push(r);
    });
    // Tests, objects and states sit in <tests>, <objects>, <states> (SUSE's files also use <state>).
    for (const section of [...list(root.tests), ...list(root.objects), ...list(root.states), ...list(root.state)]) {
        if (!isNode(section))
            continue;
        for (const t of list(section.rpminfo_test)) {
            const id = attr(t, 'id');
            if (!id || !isNode(t))
                continue;
            const test = { id, stateRefs: [] };
            const comment = attr(t, 'comment');
            if (comment)
                test.comment = comment;
            const obj = Array.isArray(t.object) ? t.object[0] : t.object;
            const objectRef = attr(obj, 'object_ref');
            if (objectRef)
                test.objectRef = objectRef;
            for (const s of list(t.state)) {
                const ref = attr(s, 'state_ref');
                if (ref)
                    test.stateRefs.push(ref);
            }
            doc.tests.set(id, test);
        }
        for (const o of list(section.rpminfo_object)) {
            const id = attr(o, 'id');
            if (!id || !isNode(o))
                continue;
            const name = oval_text(o.name);
            doc.objects.set(id, name ? { id, name } : { id });
        }
        for (const s of list(section.rpminfo_state)) {
            const id = attr(s, 'id');
            if (!id || !isNode(s))
                continue;
            const state = { id };
            const evr = stateField(s.evr);
            const version = stateField(s.version);
            const release = stateField(s.release);
            const arch = stateField(s.arch);
            const signatureKeyid = stateField(s.signature_keyid);
            if (evr)
                state.evr = evr;
            if (version)
                state.version = version;
            if (release)
                state.release = release;
            if (arch)
                state.arch = arch;
            if (signatureKeyid)
                state.signatureKeyid = signatureKeyid;
            doc.states.set(id, state);
        }
    }
    return doc;
}
function stateField(v) {
    const value = oval_text(v);
    if (value === undefined)
        return undefined;
    const f = { operation: attr(v, 'operation') ?? 'equals', value };
    const datatype = attr(v, 'datatype');
    if (datatype)
        f.datatype = datatype;
    return f;
}
const METADATA_KNOWN = new Set(['title', 'affected', 'reference', 'description', 'advisory', 'severity']);
function readDefinition(d, where) {
    const id = attr(d, 'id');
    if (!isNode(d) || !id)
        return { where, reason: 'a definition without an id' };
    const at = `${where} ${id}`;
    const meta = isNode(d.metadata) ? d.metadata : {};
    const def = {
        id,
        version: attr(d, 'version') ?? '0',
        class: attr(d, 'class') ?? '',
        title: oval_text(meta.title) ?? '',
        platforms: [],
        references: [],
        cves: [],
        extra: {},
    };
    for (const a of list(meta.affected)) {
        if (!isNode(a))
            continue;
        for (const p of list(a.platform)) {
            const t = oval_text(p);
            if (t)
                def.platforms.push(t);
        }
    }
    for (const r of list(meta.reference)) {
        const refId = attr(r, 'ref_id');
        if (!refId)
            continue;
        const ref = { source: attr(r, 'source') ?? '', refId };
        const refUrl = attr(r, 'ref_url');
        if (refUrl)
            ref.refUrl = refUrl;
        def.references.push(ref);
    }
    const description = oval_text(meta.description);
    if (description)
        def.description = description;
    const advisory = Array.isArray(meta.advisory) ? meta.advisory[0] : meta.advisory;
    const adv = isNode(advisory) ? advisory : {};
    const severity = oval_text(adv.severity) ?? oval_text(meta.severity);
    if (severity)
        def.severity = severity;
    const issued = attr(adv.issued, 'date');
    const updated = attr(adv.updated, 'date');
    if (issued)
        def.issued = issued;
    if (updated)
        def.updated = updated;
    for (const c of list(adv.cve)) {
        const t = oval_text(c);
        if (!t)
            continue;
        const cve = { text: t };
        const m = oval_CVE_ID.exec(t);
        if (m)
            cve.id = m[0].toUpperCase();
        for (const k of ['href', 'cvss3', 'cvss2', 'impact']) {
            const v = attr(c, k);
            if (v)
                cve[k] = v;
        }
        def.cves.push(cve);
    }
    for (const [k, v] of Object.entries(meta)) {
        if (METADATA_KNOWN.has(k) || k.startsWith('@'))
            continue;
        const t = oval_text(v);
        if (t)
            def.extra[k] = t;
    }
    const top = list(d.criteria)[0];
    if (top !== undefined) {
        const criteria = readCriteria(top);
        if (typeof criteria === 'string')
            return { where: at, reason: criteria };
        def.criteria = criteria;
    }
    return def;
}
/** Converts a `<criteria>` element into a tree, iteratively, refusing trees deeper than OVAL_MAX_CRITERIA_DEPTH. */
function readCriteria(top) {
    const make = (n) => ({
        kind: 'criteria',
        operator: (attr(n, 'operator') ?? 'AND').toUpperCase(),
        negate: attr(n, 'negate') === 'true',
        children: [],
    });
    const root = make(top);
    const stack = [{ xml: top, node: root, depth: 1 }];
    while (stack.length > 0) {
        const { xml, node, depth } = stack.pop();
        if (!isNode(xml))
            continue;
        for (const c of list(xml.criterion)) {
            node.children.push({
                kind: 'criterion',
                testRef: attr(c, 'test_ref') ?? '',
                comment: attr(c, 'comment') ?? '',
                negate: attr(c, 'negate') === 'true',
            });
        }
        for (const sub of list(xml.criteria)) {
            if (depth + 1 > OVAL_MAX_CRITERIA_DEPTH)
                return `criteria nested deeper than ${OVAL_MAX_CRITERIA_DEPTH} levels`;
            const child = make(sub);
            node.children.push(child);
            stack.push({ xml: sub, node: child, depth: depth + 1 });
        }
    }
    return root;
}
/**
 * The package criteria of a tree, each with the criteria that gate it: `isContext` tells which criteria are
 * conditions (a platform "is installed", an arch, a module, "is signed with") rather than package tests. In an
 * AND, the context criteria among its children (directly, or as an OR of context criteria only: one platform of a
 * list) gate every package criterion below the AND; an OR passes its inherited context to each branch. Negated
 * criteria are ignored. Iterative.
 */
function gatedCriteria(root, isContext) {
    const out = [];
    const stack = [{ node: root, inherited: [] }];
    while (stack.length > 0) {
        const { node, inherited } = stack.pop();
        if (node.negate)
            continue;
        const local = [];
        const pureContext = new Set();
        if (node.operator === 'AND') {
            for (const c of node.children) {
                if (c.kind === 'criterion' && !c.negate && isContext(c))
                    local.push(c);
                else if (c.kind === 'criteria' && !c.negate && c.children.length > 0 && c.children.every((g) => g.kind === 'criterion' && !g.negate && isContext(g))) {
                    pureContext.add(c);
                    for (const g of c.children)
                        local.push(g);
                }
            }
        }
        const context = local.length > 0 ? [...inherited, ...local] : inherited;
        const subtrees = [];
        for (const c of node.children) {
            if (c.kind === 'criterion') {
                if (!c.negate && !isContext(c))
                    out.push({ criterion: c, context });
            }
            else if (!pureContext.has(c))
                subtrees.push(c);
        }
        for (let i = subtrees.length - 1; i >= 0; i--)
            stack.push({ node: subtrees[i], inherited: context });
    }
    return out;
}
function rpmTest(doc, testRef) {
    const test = doc.tests.get(testRef);
    if (!test?.objectRef)
        return undefined;
    const name = doc.objects.get(test.objectRef)?.name;
    if (!name)
        return undefined;
    const states = test.stateRefs.map((r) => doc.states.get(r)).filter((s) => s !== undefined);
    return { name, states };
}
/**
 * OVAL's operation names. Some generators write the position in OVAL's OperationEnumeration instead of its name
 * (SUSE's data has `operation="6"` on an `evr`, "less than"), counted from 1 as the schema lists them.
 */
const OPERATIONS = [
    'equals',
    'not equal',
    'case insensitive equals',
    'case insensitive not equal',
    'greater than',
    'less than',
    'greater than or equal',
    'less than or equal',
    'bitwise and',
    'bitwise or',
    'pattern match',
    'subset of',
    'superset of',
];
function operationName(op) {
    const t = op.trim().toLowerCase();
    if (/^\d+$/.test(t))
        return OPERATIONS[Number(t) - 1] ?? t;
    return t;
}
/** An rpm `[epoch:]version[-release]` as the feeds write it (no spaces, no empty parts). */
const RPM_EVR = /^(?:\d+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?$/;
/** The document's date (the generator's timestamp) as an ISO date-time, else the definition's own dates. */
function isoDate(value) {
    if (!value)
        return undefined;
    const t = value.trim();
    const day = /^(\d{4}-\d{2}-\d{2})$/.exec(t);
    if (day)
        return `${day[1]}T00:00:00Z`;
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
    if (Number.isNaN(ms))
        return undefined;
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
/** `7/CVSS:3.1/AV:…` (SUSE, Oracle) or a bare vector → the vector, when it is a CVSS v3 vector. */
function cvss3Vector(value) {
    if (!value)
        return undefined;
    const i = value.indexOf('CVSS:3');
    if (i < 0)
        return undefined;
    const v = value.slice(i).trim();
    return /^CVSS:3\.[01]\/[A-Z]+:[A-Z]/.test(v) ? v : undefined;
}
/** The vendor word as a rating (`MODERATE` → `Moderate`, `n/a` → `Negligible`); undefined when it is none of them. */
function vendorSeverity(value) {
    if (!value)
        return undefined;
    const t = value.trim().toLowerCase();
    const known = {
        'n/a': 'Negligible',
        none: 'Negligible',
        negligible: 'Negligible',
        low: 'Low',
        moderate: 'Moderate',
        medium: 'Medium',
        important: 'Important',
        high: 'High',
        critical: 'Critical',
    };
    return known[t];
}
/** The latest of several dates (ISO date-times from `isoDate`), or undefined when there is none. */
function latestDate(...dates) {
    let best;
    for (const d of dates)
        if (d && (!best || Date.parse(d) > Date.parse(best)))
            best = d;
    return best;
}

;// CONCATENATED MODULE: ./src/vulndb/native/mariner-oval.ts

/**
 * CBL-Mariner and Azure Linux OVAL (https://github.com/microsoft/AzureLinuxVulnerabilityData: `cbl-mariner-2.0-oval.xml`,
 * `azurelinux-3.0-oval.xml`) as OSV records, one per CVE (the feed has one definition per CVE and package; the
 * definitions of one CVE are merged):
 * - ecosystem `Azure Linux:<major>` (CBL-Mariner 2.0 → `Azure Linux:2`). The document does not name its release:
 *   it is read from the file name (`…-2.0-oval.xml`, as vunnel does) unless `release` is given;
 * - each package's range from its `rpminfo` tests (object `name`, state `evr`): "less than" → `fixed`, "less than
 *   or equal" → `last_affected` (no fix yet, `database_specific.fix_state: not-fixed`), "greater than" /
 *   "greater than or equal" → `introduced` (OSV has no exclusive lower bound: "greater than" includes the bound);
 *   without the tests, from the criterion comments ("Package golang is earlier than 1.20.7-1, …");
 * - definitions whose `patchable` is "Not Applicable" (the CVE no longer or never applied) are left out, as vunnel;
 * - vendor severity (`Critical`, `High`, `Medium`, `Low`) in `database_specific.severity` (the highest of the merged
 *   definitions; an `affected` entry carries its own when it differs);
 * - `modified`: the latest of the document's timestamp and the definitions' `advisory_date`.
 */
function convertMarinerOval(xmlText, where, options = {}) {
    const doc = parseOval(xmlText, where);
    const release = options.release ?? marinerReleaseOf(where);
    const major = release ? /^(\d+)(?:\.\d+)*$/.exec(release)?.[1] : undefined;
    if (!major) {
        throw new OvalFormatError(`${where}: cannot tell the Azure Linux / CBL-Mariner release (name the file like azurelinux-3.0-oval.xml or cbl-mariner-2.0-oval.xml)`);
    }
    const ecosystem = `Azure Linux:${major}`;
    const skipped = [...doc.skipped];
    const docDate = isoDate(doc.generator.timestamp);
    const byCve = new Map();
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        if (/^not applicable$/i.test(def.extra.patchable ?? ''))
            continue;
        const id = def.references.find((r) => r.source === 'CVE' && mariner_oval_CVE.test(r.refId))?.refId ?? CVE_IN.exec(def.title)?.[0];
        if (!id) {
            skipped.push({ where: at, reason: `no CVE id (title "${def.title.slice(0, 80)}")` });
            continue;
        }
        if (!def.criteria) {
            skipped.push({ where: at, reason: `${id}: a definition without criteria` });
            continue;
        }
        const severity = vendorSeverity(def.severity);
        const affected = affectedOf(doc, def.criteria, ecosystem, id, at, skipped);
        if (affected.length === 0)
            continue;
        const advisoryDate = isoDate(def.extra.advisory_date);
        const rank = RANK[severity ?? ''] ?? 0;
        let slot = byCve.get(id);
        if (!slot) {
            const url = def.references.find((r) => r.refId === id)?.refUrl ?? `https://nvd.nist.gov/vuln/detail/${id}`;
            slot = {
                rank,
                dates: [],
                record: {
                    schema_version: '1.7.5',
                    id,
                    modified: '',
                    ...(def.description ? { details: def.description } : {}),
                    affected: [],
                    references: [{ type: 'ADVISORY', url }],
                    database_specific: { ...(severity ? { severity } : {}), source: 'mariner-oval', oval_ids: [] },
                },
            };
            byCve.set(id, slot);
        }
        slot.dates.push(advisoryDate);
        const db = slot.record.database_specific;
        db.oval_ids.push(def.id);
        if (rank > slot.rank && severity) {
            slot.rank = rank;
            db.severity = severity;
        }
        for (const a of affected) {
            const specific = { ...a.database_specific };
            if (severity)
                specific.severity = severity;
            if (def.extra.advisory_id)
                specific.advisory_id = def.extra.advisory_id;
            if (def.extra.patchable)
                specific.patchable = def.extra.patchable;
            slot.record.affected.push({ ...a, database_specific: specific });
        }
    }
    const records = [];
    for (const { record, dates } of byCve.values()) {
        const modified = latestDate(docDate, ...dates);
        if (!modified) {
            skipped.push({ where, reason: `${record.id}: no date (neither the document's timestamp nor an advisory_date)` });
            continue;
        }
        record.modified = modified;
        const recordSeverity = record.database_specific?.severity;
        for (const a of record.affected ?? []) {
            if (a.database_specific && a.database_specific.severity === recordSeverity)
                delete a.database_specific.severity;
        }
        records.push(record);
    }
    return { records, skipped };
}
const mariner_oval_CVE = /^CVE-\d{4}-\d{4,}$/;
const CVE_IN = /\bCVE-\d{4}-\d{4,}\b/;
const RANK = { Negligible: 1, Low: 2, Medium: 3, Moderate: 3, High: 4, Important: 4, Critical: 5 };
/** `…/cbl-mariner-2.0-oval.xml` → `2.0`; `azurelinux-3.0-oval.xml.gz` → `3.0`. */
function marinerReleaseOf(where) {
    return /(\d+\.\d+)-oval\.xml(?:\.gz)?$/i.exec(where.split(/[?#]/, 1)[0])?.[1];
}
const COMMENTS = [
    { re: /^Package (\S+) is earlier than (\S+?),? (?:affected by|$)/, op: 'less than' },
    { re: /^Package (\S+) is installed with version (\S+) or earlier/, op: 'less than or equal' },
    { re: /^Package (\S+) is greater than or equal to (\S+?),? /, op: 'greater than or equal' },
    { re: /^Package (\S+) is greater than (\S+?),? /, op: 'greater than' },
];
/** One package test: its name, operation and version, from the rpminfo test, else from the comment. */
function testOf(doc, c) {
    const t = rpmTest(doc, c.testRef);
    if (t) {
        const evr = t.states.find((s) => s.evr)?.evr;
        if (!evr)
            return `${t.name}: test ${c.testRef} has no evr state`;
        return { name: t.name, op: operationName(evr.operation), value: evr.value };
    }
    for (const { re, op } of COMMENTS) {
        const m = re.exec(`${c.comment} `);
        if (m)
            return { name: m[1], op, value: m[2] };
    }
    return `"${c.comment}": test ${c.testRef || '(none)'} is not in the document and the comment names no version`;
}
function affectedOf(doc, criteria, ecosystem, id, at, skipped) {
    // The AND of a definition's tests bounds one package; group the bounds by package name.
    const bounds = new Map();
    const stack = [criteria];
    while (stack.length > 0) {
        const node = stack.pop();
        for (const c of node.children) {
            if (c.kind === 'criteria') {
                stack.push(c);
                continue;
            }
            const t = testOf(doc, c);
            if (typeof t === 'string') {
                skipped.push({ where: at, reason: `${id}: ${t}` });
                continue;
            }
            let b = bounds.get(t.name);
            if (!b)
                bounds.set(t.name, (b = {}));
            if (!RPM_EVR.test(t.value)) {
                skipped.push({ where: at, reason: `${id}: ${t.name}: "${t.value}" is not an rpm version` });
                b.bad = true;
                continue;
            }
            if (t.op === 'less than')
                b.upper = { kind: 'fixed', value: t.value };
            else if (t.op === 'less than or equal')
                b.upper = { kind: 'last_affected', value: t.value };
            else if (t.op === 'greater than' || t.op === 'greater than or equal')
                b.lower = t.value;
            else {
                skipped.push({ where: at, reason: `${id}: ${t.name}: evr operation "${t.op}" is not a bound` });
                b.bad = true;
            }
        }
    }
    const out = [];
    for (const [name, b] of [...bounds].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) {
        if (b.bad)
            continue;
        if (!b.upper) {
            skipped.push({ where: at, reason: `${id}: ${name}: no upper bound ("less than" or "less than or equal")` });
            continue;
        }
        const events = [{ introduced: b.lower ?? '0' }, b.upper.kind === 'fixed' ? { fixed: b.upper.value } : { last_affected: b.upper.value }];
        out.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events }],
            ...(b.upper.kind === 'last_affected' ? { database_specific: { fix_state: 'not-fixed' } } : {}),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/native/oracle-oval.ts

/**
 * Oracle Linux ELSA OVAL (https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2 and the yearly
 * `com.oracle.elsa-YYYY.xml.bz2`, decompressed) as OSV records, one per ELSA:
 * - ecosystem `Oracle Linux:<major>` from the "Oracle Linux N is installed" criterion gating each package;
 * - one `affected` entry per binary package and fixed EVR, read from the criterion comments "NAME is earlier than
 *   EVR" (as Oracle writes them, and as vunnel reads them: the tests need not be in the document);
 * - per-architecture fixes (`Oracle Linux arch is aarch64` branches): when the fixed versions of a package differ
 *   between architectures, each entry carries `ecosystem_specific.arch`; when every version covers the same
 *   architectures, the entries carry none (vunnel's rule);
 * - ksplice fixes (a release containing `ksplice`, gated by "NAME is ksplice-based") are left out, as vunnel
 *   does: matching them needs the running kernel's ksplice state. The ELSA itself is kept;
 * - `Module NAME:STREAM is enabled` → `ecosystem_specific.module`;
 * - vendor severity (`IMPORTANT` → `Important`) in `database_specific.severity`, the CVEs in `aliases` (one) or
 *   `related` (several), the CVSS v3 vector in `severity` when the ELSA is about one CVE;
 * - `modified`: the later of the document's generator timestamp and the ELSA's issue date; `published`: the issue
 *   date.
 * When an ELSA comes twice, the definition with the higher `version` wins.
 */
function convertOracleOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const byId = new Map();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        const r = convertDefinition(def, at, docDate, skipped);
        if (!r)
            continue;
        const version = Number(def.version) || 0;
        const old = byId.get(r.id);
        if (old && old.version >= version)
            continue;
        byId.set(r.id, { version, record: r });
    }
    return { records: [...byId.values()].map((v) => v.record), skipped };
}
const INSTALLED = /^Oracle Linux (\d+)\b.*\bis installed$/;
const EARLIER = /^(\S+) is earlier than (.+)$/;
const ARCH = /^Oracle Linux arch is (\S+)$/;
const MODULE = /^Module (\S+) is enabled$/;
const KSPLICE_BASED = / is ksplice-based$/;
const ELSA_ID = /^ELSA-\d{4}-\d+$/;
const isContext = (c) => !EARLIER.test(c.comment);
function convertDefinition(def, at, docDate, skipped) {
    const ref = def.references.find((r) => r.source.toLowerCase() === 'elsa');
    const titleId = /^\s*(ELSA-\d{4}-\d+)/.exec(def.title)?.[1];
    const id = ref?.refId ?? titleId;
    if (!id || !ELSA_ID.test(id)) {
        skipped.push({ where: at, reason: `no ELSA id (title "${def.title.slice(0, 80)}")` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published);
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor an issue date)` });
        return undefined;
    }
    // (ecosystem, name, module) → version → arches (undefined: not arch-gated)
    const found = new Map();
    let packages = 0;
    for (const { criterion, context } of gatedCriteria(def.criteria, isContext)) {
        const m = EARLIER.exec(criterion.comment);
        const name = m[1];
        const evr = m[2].trim();
        packages++;
        let major;
        let arch;
        let module;
        let ksplice = false;
        for (const c of context) {
            const inst = INSTALLED.exec(c.comment);
            if (inst)
                major = inst[1];
            const a = ARCH.exec(c.comment);
            if (a)
                arch = a[1];
            const mod = MODULE.exec(c.comment);
            if (mod)
                module = mod[1];
            if (KSPLICE_BASED.test(c.comment))
                ksplice = true;
        }
        if (!major) {
            skipped.push({ where: at, reason: `${id}: ${name} is not gated by an "Oracle Linux N is installed" criterion` });
            continue;
        }
        if (!RPM_EVR.test(evr)) {
            skipped.push({ where: at, reason: `${id}: ${name}: "${evr}" is not an rpm version` });
            continue;
        }
        if (ksplice || /ksplice/.test(evr.slice(evr.lastIndexOf('-') + 1)))
            continue;
        const key = `${major}\u0000${name}\u0000${module ?? ''}`;
        let entry = found.get(key);
        if (!entry) {
            entry = { ecosystem: `Oracle Linux:${major}`, name, ...(module ? { module } : {}), versions: new Map() };
            found.set(key, entry);
        }
        let arches = entry.versions.get(evr);
        if (!arches)
            entry.versions.set(evr, (arches = new Set()));
        arches.add(arch);
    }
    if (packages === 0)
        skipped.push({ where: at, reason: `${id}: no "NAME is earlier than VERSION" criterion` });
    const affected = [];
    for (const e of [...found.values()].sort((a, b) => cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.module ?? '', b.module ?? ''))) {
        const archSets = new Set([...e.versions.values()].map((s) => [...s].map((x) => x ?? '').sort().join(',')));
        const byArch = archSets.size > 1;
        const rows = [];
        for (const [fixed, arches] of e.versions) {
            if (byArch)
                for (const a of arches)
                    rows.push(a ? { fixed, arch: a } : { fixed });
            else
                rows.push({ fixed });
        }
        rows.sort((a, b) => cmp(a.arch ?? '', b.arch ?? '') || cmp(a.fixed, b.fixed));
        for (const row of rows) {
            const specific = {};
            if (row.arch)
                specific.arch = row.arch;
            if (e.module)
                specific.module = e.module;
            affected.push({
                package: { ecosystem: e.ecosystem, name: e.name },
                ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: row.fixed }] }],
                ...(Object.keys(specific).length > 0 ? { ecosystem_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set(def.cves.map((c) => c.id).filter((c) => c !== undefined))];
    for (const r of def.references) {
        if (r.source.toUpperCase() === 'CVE' && /^CVE-\d{4}-\d{4,}$/i.test(r.refId) && !cves.includes(r.refId.toUpperCase()))
            cves.push(r.refId.toUpperCase());
    }
    const severity = vendorSeverity(def.severity) ?? vendorSeverity(/\((\w+)\)\s*$/.exec(def.title)?.[1]);
    const vectors = cves.length === 1 ? [...new Set(def.cves.map((c) => cvss3Vector(c.cvss3)).filter((v) => v !== undefined))].map((score) => ({ type: 'CVSS_V3', score })) : [];
    const url = ref?.refUrl ?? `https://linux.oracle.com/errata/${id}.html`;
    const summary = def.title.replace(/^\s*ELSA-\d{4}-\d+:\s*/, '').replace(/\s+/g, ' ').trim();
    const record = {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
        ...(summary ? { summary } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url },
            ...cves.map((c) => ({ type: 'WEB', url: def.cves.find((x) => x.id === c)?.href ?? `https://linux.oracle.com/cve/${c}.html` })),
        ],
        database_specific: { ...(severity ? { severity } : {}), source: 'oracle-oval', oval_id: def.id },
    };
    return record;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/vulndb/native/suse-oval.ts

/**
 * SUSE's OVAL (https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.server.15.xml.gz and the
 * other product files) as OSV records, one per definition (a CVE in the vulnerability files, an advisory in the
 * `-patch` files):
 * - ecosystem `SUSE:<product>` for the operating-system products an image can be (`SUSE Linux Enterprise Server
 *   15 SP1`, `… Server for SAP Applications 15`, `… Desktop 15 SP3`), from the "<product> is installed" criteria
 *   gating each package. Module and extension products (`Module for Basesystem 15`…) are not images and are left
 *   out, as vunnel does. A support variant (`15 SP1-LTSS`, `15 SP1-BCL`) counts as its base release; when a CVE
 *   has several groups for one release, the plain release (`sles-release`) wins over LTSS (`sles-ltss-release`),
 *   which wins over other variants (vunnel's rule), and groups of the same rank are merged;
 * - package name and version from the `rpminfo` test (object `name`, state `evr` "less than" → `fixed`; "less
 *   than or equal" → `last_affected`; `version` "equals 0", SUSE's "is not affected", → `fixed: "0"`, no version
 *   affected, with `database_specific.fix_state: not-affected`); without the test, from the criterion comment
 *   (`krb5-1.15.2-4.25 is installed`);
 * - vendor severity (`Moderate`, `Important`…) in `database_specific.severity`, SUSE's CVSS v3 vectors (not the
 *   NVD ones SUSE quotes) in `severity`;
 * - `modified`: the latest of the document's timestamp and the definition's issued / updated dates.
 */
function convertSuseOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const records = [];
    const seen = new Set();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const r = suse_oval_convertDefinition(doc, def, `${where} ${def.id}`, docDate, skipped);
        if (!r || r.affected?.length === 0)
            continue; // nothing for an image product (a module-only CVE): no record, as vunnel
        if (seen.has(r.id)) {
            skipped.push({ where: `${where} ${def.id}`, reason: `${r.id} comes twice; the first definition is kept` });
            continue;
        }
        seen.add(r.id);
        records.push(r);
    }
    return { records, skipped };
}
/** Packages: one token, then "is installed" (name-version-release) or "is not affected". */
const PACKAGE = /^(\S+) is (installed|not affected)$/;
const PRODUCT = /^(SUSE Linux Enterprise (?:Server for SAP Applications|Server|Desktop) \d+(?: SP\d+)?)(?:-(\S+))? is installed$/;
const RECORD_ID = /^(CVE-\d{4}-\d{4,}|(?:open)?SUSE-[A-Za-z]+-\d{4}:\d+-\d+)$/;
const suse_oval_isContext = (c) => !PACKAGE.test(c.comment);
function suse_oval_convertDefinition(doc, def, at, docDate, skipped) {
    const id = def.title.trim();
    if (!RECORD_ID.test(id)) {
        skipped.push({ where: at, reason: `title "${id.slice(0, 80)}" is not a CVE or SUSE advisory id` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published, isoDate(def.updated));
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor issued / updated dates)` });
        return undefined;
    }
    // product → rank → packages (name + events, deduplicated)
    const byProduct = new Map();
    for (const { criterion, context } of gatedCriteria(def.criteria, suse_oval_isContext)) {
        const products = context
            .map((c) => ({ c, m: PRODUCT.exec(c.comment) }))
            .filter((x) => x.m !== null);
        if (products.length === 0)
            continue; // a module or another product: not an image
        const pkg = packageOf(doc, criterion, id, at, skipped);
        if (!pkg)
            continue;
        for (const { c, m } of products) {
            const product = m[1];
            const variant = m[2];
            const release = rpmTest(doc, c.testRef)?.name;
            const rank = release ? (/ltss/i.test(release) ? 1 : 0) : variant === undefined ? 0 : /^LTSS$/i.test(variant) ? 1 : 2;
            let slot = byProduct.get(product);
            if (!slot || rank < slot.rank)
                byProduct.set(product, (slot = { rank, pkgs: new Map(), variants: new Set() }));
            if (rank > slot.rank)
                continue;
            slot.variants.add(variant ?? '');
            slot.pkgs.set(`${pkg.name}\u0000${JSON.stringify(pkg.events)}`, pkg);
        }
    }
    const affected = [];
    for (const product of [...byProduct.keys()].sort()) {
        const slot = byProduct.get(product);
        const pkgs = [...slot.pkgs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const p of pkgs) {
            const specific = {};
            if (p.notAffected)
                specific.fix_state = 'not-affected';
            else if (!p.events.some((e) => e.fixed !== undefined))
                specific.fix_state = 'not-fixed';
            const variants = [...slot.variants].filter((v) => v !== '');
            if (variants.length > 0)
                specific.product_variants = variants.sort();
            affected.push({
                package: { ecosystem: `SUSE:${product}`, name: p.name },
                ranges: [{ type: 'ECOSYSTEM', events: p.events }],
                ...(Object.keys(specific).length > 0 ? { database_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set([...def.cves.map((c) => c.id), ...def.references.filter((r) => r.source === 'CVE').map((r) => suse_oval_CVE.exec(r.refId)?.[0])])].filter((c) => c !== undefined);
    const others = cves.filter((c) => c !== id);
    const vectors = [
        ...new Set(def.cves.filter((c) => !/nvd\.nist\.gov/.test(c.href ?? '') && !/\bat NVD\b/.test(c.text)).map((c) => cvss3Vector(c.cvss3))),
    ]
        .filter((v) => v !== undefined)
        .map((score) => ({ type: 'CVSS_V3', score }));
    const severity = vendorSeverity(def.severity);
    const references = [];
    const suseCve = def.references.find((r) => r.source === 'SUSE CVE' && r.refUrl);
    if (suseCve?.refUrl)
        references.push({ type: 'ADVISORY', url: suseCve.refUrl });
    for (const r of def.references) {
        if (r === suseCve || !r.refUrl)
            continue;
        references.push({ type: r.source === 'SUSE-SU' ? 'ADVISORY' : 'WEB', url: r.refUrl });
    }
    if (references.length === 0 && id.startsWith('CVE-'))
        references.push({ type: 'ADVISORY', url: `https://www.suse.com/security/cve/${id}/` });
    const advisories = def.references.filter((r) => r.source === 'SUSE-SU').map((r) => r.refId);
    return {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(others.length === 1 && !id.startsWith('CVE-') ? { aliases: others } : others.length > 0 ? { related: others } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references,
        database_specific: {
            ...(severity ? { severity } : {}),
            source: 'suse-oval',
            oval_id: def.id,
            ...(advisories.length > 0 ? { advisories } : {}),
        },
    };
}
const suse_oval_CVE = /\bCVE-\d{4}-\d{4,}\b/;
/** The package a criterion tests and its events, from the rpminfo test or, without it, from the comment. */
function packageOf(doc, c, id, at, skipped) {
    const m = PACKAGE.exec(c.comment);
    const notAffectedComment = m[2] === 'not affected';
    const test = rpmTest(doc, c.testRef);
    if (test) {
        const state = test.states.find((s) => s.evr) ?? test.states.find((s) => s.version);
        const field = state?.evr ?? state?.version;
        if (!field) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: test ${c.testRef} has no evr or version state` });
            return undefined;
        }
        const op = operationName(field.operation);
        if (!state?.evr && op === 'equals' && field.value === '0')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
        if (!state?.evr || !RPM_EVR.test(field.value)) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: "${field.value}" (${op}) is not an rpm version` });
            return undefined;
        }
        if (op === 'less than')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: field.value }], notAffected: false };
        if (op === 'less than or equal')
            return { name: test.name, events: [{ introduced: '0' }, { last_affected: field.value }], notAffected: false };
        skipped.push({ where: at, reason: `${id}: ${test.name}: evr operation "${field.operation}" is not "less than"` });
        return undefined;
    }
    if (notAffectedComment)
        return { name: m[1], events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
    const nvr = /^(.+)-([^-]+-[^-]+)$/.exec(m[1]);
    if (!nvr || !RPM_EVR.test(nvr[2])) {
        skipped.push({ where: at, reason: `${id}: "${c.comment}" names no package version, and test ${c.testRef || '(none)'} is not in the document` });
        return undefined;
    }
    return { name: nvr[1], events: [{ introduced: '0' }, { fixed: nvr[2] }], notAffected: false };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/native-oval.ts









const ORACLE_OVAL_URL = 'https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2';
const SUSE_OVAL_BASE = 'https://ftp.suse.com/pub/projects/security/oval';
const AZURE_LINUX_OVAL_BASE = 'https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main';
/** The largest text V8 makes a string of (2^29 - 24 characters); a bigger document must be split (yearly files). */
const MAX_TEXT = 0x1fffffe8;
/** `15` → SUSE's SLES 15 file; `15-sp5`-like values are not files SUSE publishes (one file per major). */
function suseOvalUrl(major) {
    if (!/^\d+$/.test(major))
        throw new errors/* ConfigurationError */.j1(`sles: "${major}" is not a SUSE Linux Enterprise Server major release such as 15`);
    return `${SUSE_OVAL_BASE}/suse.linux.enterprise.server.${major}.xml.gz`;
}
/** `2.0` → `cbl-mariner-2.0-oval.xml`; `3.0` and later → `azurelinux-3.0-oval.xml`. */
function azureLinuxOvalUrl(release) {
    const m = /^(\d+)(?:\.0)?$/.exec(release.trim());
    if (!m)
        throw new errors/* ConfigurationError */.j1(`mariner: "${release}" is not an Azure Linux / CBL-Mariner release such as 2.0 or 3.0`);
    const major = Number(m[1]);
    return major < 3 ? `${AZURE_LINUX_OVAL_BASE}/cbl-mariner-${major}.0-oval.xml` : `${AZURE_LINUX_OVAL_BASE}/azurelinux-${major}.0-oval.xml`;
}
const FEEDS = {
    oracle: {
        id: 'oracle',
        description: 'Oracle Linux ELSA OVAL (com.oracle.elsa-*.xml, decompressed) turned into OSV records (Oracle Linux:<major>)',
        convert: convertOracleOval,
        noDefault: `Oracle publishes its OVAL only as .bz2 (${ORACLE_OVAL_URL}), which Node cannot decompress: decompress it (bunzip2 -k) and give the .xml as the path, or serve it as .xml / .xml.gz and give that url`,
    },
    sles: {
        id: 'sles',
        description: "SUSE Linux Enterprise OVAL (ftp.suse.com suse.linux.enterprise.server.<major>.xml.gz) turned into OSV records (SUSE:<product>)",
        convert: convertSuseOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['15']).map(suseOvalUrl),
    },
    mariner: {
        id: 'mariner',
        description: 'Azure Linux / CBL-Mariner OVAL (AzureLinuxVulnerabilityData) turned into OSV records (Azure Linux:<major>)',
        convert: convertMarinerOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['2.0', '3.0']).map(azureLinuxOvalUrl),
    },
};
const isOvalFileName = (name) => /\.xml(\.gz)?$/i.test(name);
function bz2Error(what) {
    return new errors/* ConfigurationError */.j1(`${what} is bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k) and use the .xml, or a .xml.gz`);
}
/** The document's text: gunzipped when it starts with the gzip magic; a bzip2 file is refused. */
function ovalText(bytes, where) {
    let data = bytes;
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
        try {
            data = (0,external_node_zlib_.gunzipSync)(data);
        }
        catch (error) {
            throw new OvalFormatError(`${where}: corrupt gzip data (${(0,errors/* getErrorMessage */.u1)(error)})`);
        }
    }
    if (data.length >= 3 && data.toString('latin1', 0, 3) === 'BZh')
        throw bz2Error(where);
    if (data.length > MAX_TEXT) {
        throw new OvalFormatError(`${where}: ${data.length} bytes is more than one document can be read as (${MAX_TEXT}); use the yearly / per-release files`);
    }
    return data.toString('utf8');
}
/**
 * A native OVAL feed as a provider (`oracle`, `sles`, `mariner`):
 * - `path`: an OVAL file (`.xml`, `.xml.gz`) or a folder of them, one source `<id>:<path>`; a `.bz2` is refused
 *   with how to decompress it. In a folder, a file that is not OVAL is skipped and listed.
 * - `url`: one document (`.xml`, or gzip, by name or content), fetched with a conditional GET; one source
 *   `<id>:<url>`; 304 keeps the stored records.
 * - neither: `sles` fetches `suse.linux.enterprise.server.<major>.xml.gz` for each major in `ecosystems` (default
 *   15), `mariner` `cbl-mariner-2.0-oval.xml` / `azurelinux-3.0-oval.xml` for each release in `ecosystems`
 *   (default 2.0 and 3.0), one source per URL; `oracle` has no usable default (Oracle publishes only .bz2).
 */
function createOvalProvider(id) {
    const feed = FEEDS[id];
    return {
        id: feed.id,
        version: 1,
        requires: ['network'],
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path)
                return [native_oval_fetchLocal(feed, options.path, ctx)];
            if (options.url)
                return [await fetchUrl(feed, options.url, options, ctx)];
            if (!feed.defaultUrls)
                throw new errors/* ConfigurationError */.j1(`${feed.id}: no url or path given. ${feed.noDefault ?? ''}`.trim());
            const out = [];
            for (const url of feed.defaultUrls(options.ecosystems ?? [])) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                out.push(await fetchUrl(feed, url, options, ctx));
            }
            return out;
        },
    };
}
function native_oval_fetchLocal(feed, path, ctx) {
    if (/\.bz2$/i.test(path))
        throw bz2Error(path);
    const { root, files, isDir } = localFeedFiles(path, (name) => isOvalFileName(name) || /\.xml\.bz2$/i.test(name));
    const records = [];
    const skipped = [];
    const seen = new Set();
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        if (/\.bz2$/i.test(file)) {
            skipped.push({ where: file, reason: 'bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k)' });
            continue;
        }
        let result;
        try {
            result = feed.convert(ovalText((0,external_node_fs_.readFileSync)(file), file), file);
        }
        catch (error) {
            if (isDir && error instanceof OvalFormatError) {
                skipped.push({ where: file, reason: error.message.replace(`${file}: `, '') });
                continue;
            }
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        documents++;
        for (const r of result.records) {
            if (seen.has(r.id)) {
                skipped.push({ where: file, reason: `${r.id} is also in an earlier file; the first is kept` });
                continue;
            }
            seen.add(r.id);
            records.push(r);
        }
        skipped.push(...result.skipped);
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No ${feed.id} OVAL documents (.xml, .xml.gz) in ${path}${skipped.length > 0 ? ` (${skipped[0].where}: ${skipped[0].reason})` : ''}`);
    ctx.logger.info(`${feed.id}: ${records.length} records from ${documents} OVAL file(s) in ${root}`);
    return { id: `${feed.id}:${root}`, provider: feed.id, kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped };
}
async function fetchUrl(feed, url, options, ctx) {
    let pathname;
    try {
        pathname = new URL(url).pathname;
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${feed.id}: not a URL: ${url}`);
    }
    if (/\.bz2$/i.test(pathname))
        throw bz2Error(url);
    const id = `${feed.id}:${url}`;
    const prev = ctx.previous.get(id);
    const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
    if (res.status === 404)
        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (no ${feed.id} OVAL document there)`, { status: 404 });
    const validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const state = { id, provider: feed.id, kind: 'native', location: url, fetchedAt: ctx.now().toISOString() };
    if (res.status === 304) {
        return { ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), ...validators, notModified: true };
    }
    let result;
    try {
        result = feed.convert(ovalText(res.body, url), url);
    }
    catch (error) {
        if (error instanceof OvalFormatError)
            throw new errors/* RemoteError */.Hi(error.message, { cause: error });
        throw error;
    }
    ctx.logger.info(`${feed.id}: ${result.records.length} records from ${url}`);
    return { ...state, ...validators, notModified: false, records: result.records, skipped: result.skipped };
}
const oracleOvalProvider = createOvalProvider('oracle');
const slesOvalProvider = createOvalProvider('sles');
const marinerOvalProvider = createOvalProvider('mariner');

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/match/severity.ts
var severity = __webpack_require__(37794);
;// CONCATENATED MODULE: ./src/vulndb/native/nvd.ts




/**
 * NVD's CVE API 2.0 JSON: API pages (`{resultsPerPage, startIndex, totalResults, vulnerabilities: [{cve}]}`) and the
 * yearly feed files `nvdcve-2.0-YYYY.json.gz` (the same `vulnerabilities` shape), with their `.meta` files.
 * A feed file is streamed: each `vulnerabilities[]` element is cut out of the byte stream and parsed on its own, and
 * only the kept fields (CVSS, dates, status, a short description) survive it.
 */
/** The metric lists kept, in the order their metrics are listed in an entry. */
const NVD_METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'];
const NVD_DESCRIPTION_MAX = 500;
const nvd_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const VERSIONS = new Set(['2.0', '3.0', '3.1', '4.0']);
const KEY_VERSION = {
    cvssMetricV40: '4.0',
    cvssMetricV31: '3.1',
    cvssMetricV30: '3.0',
    cvssMetricV2: '2.0',
};
/** A parse failure of a whole NVD document or feed file (the provider names it a ConfigurationError or RemoteError). */
class NvdFormatError extends Error {
    name = 'NvdFormatError';
}
function nvd_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** Shortens a description to `max` characters (the last one an ellipsis when cut). */
function shortDescription(text, max = NVD_DESCRIPTION_MAX) {
    const t = text.trim();
    return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
/**
 * One `vulnerabilities[]` element (`{cve: {...}}`, or the bare `cve` object) as an enrichment record. Every CVSS
 * metric is kept, scored with the project's calculator (NVD's `baseScore` when the vector does not score); a metric
 * without a usable vector and score is dropped with a reason. A Rejected CVE is kept, with its status.
 */
function nvdRecordOf(item, where) {
    const cve = nvd_isObject(item) && nvd_isObject(item.cve) ? item.cve : item;
    if (!nvd_isObject(cve))
        return { skipped: [{ where, reason: 'not an NVD CVE object' }] };
    const id = str(cve.id)?.trim().toUpperCase();
    if (!id || !nvd_CVE_ID.test(id))
        return { skipped: [{ where, reason: `not a CVE id: ${JSON.stringify(cve.id ?? null)}` }] };
    const skipped = [];
    const cvss = [];
    const metrics = nvd_isObject(cve.metrics) ? cve.metrics : {};
    for (const key of NVD_METRIC_KEYS) {
        const list = metrics[key];
        if (list === undefined)
            continue;
        if (!Array.isArray(list)) {
            skipped.push({ where: `${where} ${id} ${key}`, reason: 'not a list' });
            continue;
        }
        list.forEach((metric, i) => {
            const c = metricOf(metric, key);
            if (typeof c === 'string')
                skipped.push({ where: `${where} ${id} ${key}[${i}]`, reason: c });
            else
                cvss.push(c);
        });
    }
    const entry = { cvss };
    const published = str(cve.published);
    const lastModified = str(cve.lastModified);
    const vulnStatus = str(cve.vulnStatus);
    if (published)
        entry.published = published;
    if (lastModified)
        entry.lastModified = lastModified;
    if (vulnStatus)
        entry.vulnStatus = vulnStatus;
    const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions : [];
    const english = descriptions.find((d) => nvd_isObject(d) && d.lang === 'en' && typeof d.value === 'string' && d.value.trim() !== '');
    if (english)
        entry.description = shortDescription(english.value);
    return { record: { id, nvd: entry }, skipped };
}
/** One CVSS metric as a `Cvss`, or why it is not one. */
function metricOf(metric, key) {
    if (!nvd_isObject(metric) || !nvd_isObject(metric.cvssData))
        return 'no cvssData';
    const data = metric.cvssData;
    const vector = str(data.vectorString)?.trim();
    if (!vector)
        return 'no vectorString';
    const source = str(metric.source);
    const type = metric.type === 'Primary' || metric.type === 'Secondary' ? metric.type : undefined;
    let c = (0,severity/* scoreVector */.YE)(vector, source);
    if (!c) {
        const version = typeof data.version === 'string' && VERSIONS.has(data.version) ? data.version : KEY_VERSION[key];
        const score = data.baseScore;
        if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10)
            return `vector ${vector} does not score and there is no baseScore`;
        c = { version, vector, baseScore: score, ...(source ? { source } : {}) };
    }
    return type ? { ...c, type } : c;
}
/**
 * Collects the records of one source, one per CVE id: when an id comes twice (overlapping pages, a year file and a
 * page), the entry modified last wins.
 */
class NvdCollector {
    #byId = new Map();
    skipped = [];
    add(item, where) {
        const { record, skipped } = nvdRecordOf(item, where);
        for (const s of skipped)
            this.skipped.push(s);
        if (!record)
            return;
        const old = this.#byId.get(record.id);
        if (old && (old.nvd?.lastModified ?? '') > (record.nvd?.lastModified ?? ''))
            return;
        this.#byId.set(record.id, record);
    }
    get size() {
        return this.#byId.size;
    }
    records() {
        return [...this.#byId.values()];
    }
}
/**
 * Cuts the elements of one top-level array (`"vulnerabilities": [...]` of the top object) out of a JSON byte stream,
 * chunk by chunk, and hands each element's text on. Structural characters are ASCII, so bytes are scanned as they
 * come; an element split across chunks is joined before it is decoded.
 */
class JsonArrayItems {
    key;
    onItem;
    #depth = 0;
    #inString = false;
    #escape = false;
    #expectKey = false;
    #keyParts;
    #lastKey;
    #inTarget = false;
    #itemParts;
    #found = false;
    #items = 0;
    constructor(key, onItem) {
        this.key = key;
        this.onItem = onItem;
    }
    write(chunk) {
        let depth = this.#depth;
        let inString = this.#inString;
        let escape = this.#escape;
        let keyStart = this.#keyParts ? 0 : -1;
        let itemStart = this.#itemParts ? 0 : -1;
        const n = chunk.length;
        for (let i = 0; i < n; i++) {
            const b = chunk[i];
            if (inString) {
                if (escape)
                    escape = false;
                else if (b === 0x5c)
                    escape = true;
                else if (b === 0x22) {
                    inString = false;
                    if (keyStart >= 0) {
                        this.#keyParts.push(chunk.subarray(keyStart, i));
                        this.#lastKey = Buffer.concat(this.#keyParts).toString('utf8');
                        this.#keyParts = undefined;
                        keyStart = -1;
                    }
                }
                continue;
            }
            switch (b) {
                case 0x22: // "
                    inString = true;
                    if (depth === 1 && this.#expectKey) {
                        this.#keyParts = [];
                        keyStart = i + 1;
                    }
                    break;
                case 0x7b: // {
                case 0x5b: // [
                    if (depth === 1 && b === 0x5b && !this.#expectKey && this.#lastKey === this.key) {
                        this.#inTarget = true;
                        this.#found = true;
                    }
                    else if (depth === 2 && this.#inTarget) {
                        this.#itemParts = [];
                        itemStart = i;
                    }
                    depth++;
                    if (depth === 1)
                        this.#expectKey = b === 0x7b;
                    break;
                case 0x7d: // }
                case 0x5d: // ]
                    depth--;
                    if (depth < 0)
                        throw new NvdFormatError('unbalanced JSON: a closing bracket without an opening one');
                    if (depth === 2 && this.#inTarget && itemStart >= 0) {
                        this.#itemParts.push(chunk.subarray(itemStart, i + 1));
                        const text = Buffer.concat(this.#itemParts).toString('utf8');
                        this.#itemParts = undefined;
                        itemStart = -1;
                        this.onItem(text, this.#items++);
                    }
                    else if (depth === 1 && this.#inTarget)
                        this.#inTarget = false;
                    break;
                case 0x2c: // ,
                    if (depth === 1)
                        this.#expectKey = true;
                    break;
                case 0x3a: // :
                    if (depth === 1)
                        this.#expectKey = false;
                    break;
                default:
            }
        }
        if (keyStart >= 0)
            this.#keyParts.push(chunk.subarray(keyStart));
        if (itemStart >= 0)
            this.#itemParts.push(chunk.subarray(itemStart));
        this.#depth = depth;
        this.#inString = inString;
        this.#escape = escape;
    }
    /** Whether the array was there; throws on a truncated document. */
    end() {
        if (this.#depth !== 0 || this.#inString)
            throw new NvdFormatError('truncated JSON (the document ends inside a value)');
        return { found: this.#found, items: this.#items };
    }
}
/** Parses a `.meta` file (`key:value` lines, CRLF or LF); a missing `lastModifiedDate` or `sha256` is an error. */
function parseNvdMeta(text, where) {
    const fields = new Map();
    for (const line of text.split(/\r?\n/)) {
        const at = line.indexOf(':');
        if (at > 0)
            fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    const lastModifiedDate = fields.get('lastModifiedDate');
    const sha256 = fields.get('sha256')?.toLowerCase();
    if (!lastModifiedDate)
        throw new NvdFormatError(`${where}: not an NVD .meta file (no lastModifiedDate)`);
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256))
        throw new NvdFormatError(`${where}: not an NVD .meta file (no sha256)`);
    const num = (k) => {
        const v = fields.get(k);
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
    };
    const meta = { lastModifiedDate, sha256 };
    const size = num('size');
    const gzSize = num('gzSize');
    const zipSize = num('zipSize');
    if (size !== undefined)
        meta.size = size;
    if (gzSize !== undefined)
        meta.gzSize = gzSize;
    if (zipSize !== undefined)
        meta.zipSize = zipSize;
    return meta;
}
/**
 * Streams one NVD document (a feed file, gzip or not, or an API page) into `collector`. With `meta`, the
 * uncompressed bytes must have its sha256 (and size): a mismatch is an error naming the file. A document without
 * a top-level `vulnerabilities` list is an error too.
 */
async function readNvdDocument(input, where, collector, meta) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const splitter = new JsonArrayItems('vulnerabilities', (text, index) => {
        let item;
        try {
            item = JSON.parse(text);
        }
        catch (error) {
            collector.skipped.push({ where: `${where} vulnerabilities[${index}]`, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            return;
        }
        collector.add(item, where);
    });
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            hash.update(chunk);
            size += chunk.length;
            splitter.write(chunk);
        }
    }
    catch (error) {
        if (error instanceof NvdFormatError)
            throw new NvdFormatError(`${where}: ${error.message}`);
        throw new NvdFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    const sha256 = hash.digest('hex');
    if (meta && sha256 !== meta.sha256) {
        throw new NvdFormatError(`${where}: sha256 ${sha256} does not match the .meta file's ${meta.sha256} (a corrupt or partial download?)`);
    }
    if (meta?.size !== undefined && size !== meta.size) {
        throw new NvdFormatError(`${where}: ${size} bytes uncompressed, the .meta file says ${meta.size}`);
    }
    let end;
    try {
        end = splitter.end();
    }
    catch (error) {
        throw new NvdFormatError(`${where}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    if (!end.found)
        throw new NvdFormatError(`${where}: not an NVD CVE API 2.0 document (no top-level "vulnerabilities" list)`);
    return { cves: end.items, sha256, size };
}
/** Parses one (small) API page; its entries go to `collector`. */
function readNvdPage(text, where, collector) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        throw new NvdFormatError(`${where}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!nvd_isObject(doc) || !Array.isArray(doc.vulnerabilities) || typeof doc.totalResults !== 'number') {
        throw new NvdFormatError(`${where}: not a CVE API 2.0 page (no "totalResults" and "vulnerabilities")`);
    }
    doc.vulnerabilities.forEach((item) => collector.add(item, where));
    return {
        resultsPerPage: typeof doc.resultsPerPage === 'number' ? doc.resultsPerPage : doc.vulnerabilities.length,
        startIndex: typeof doc.startIndex === 'number' ? doc.startIndex : 0,
        totalResults: doc.totalResults,
        count: doc.vulnerabilities.length,
    };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/nvd.ts







const DEFAULT_NVD_FEED_URL = 'https://nvd.nist.gov/feeds/json/cve/2.0';
const NVD_API_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0';
/** The first year of NVD's yearly feeds (`nvdcve-2.0-2002.json.gz` also holds 1999–2001). */
const NVD_FIRST_YEAR = 2002;
const NVD_PAGE_SIZE = 2000;
/** NVD's public rate limits: 5 requests in 30 s without an API key, 50 with one. */
const NVD_DELAY_MS = 6_000;
const NVD_DELAY_WITH_KEY_MS = 600;
/** Whether a URL is the CVE API (`…/rest/json/cves/2.0`) rather than a feed folder. */
function isNvdApiUrl(url) {
    try {
        return /\/rest\/json\/cves\//.test(new URL(url).pathname);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Not a URL: ${url}`);
    }
}
/** The years to fetch: `ecosystems` (`2023`, `2024`), else 2002 to this year. */
function nvdYears(ecosystems, now) {
    const current = now.getUTCFullYear();
    if (!ecosystems || ecosystems.length === 0) {
        return Array.from({ length: current - NVD_FIRST_YEAR + 1 }, (_, i) => String(NVD_FIRST_YEAR + i));
    }
    for (const y of ecosystems) {
        if (!/^\d{4}$/.test(y) || Number(y) < NVD_FIRST_YEAR || Number(y) > current) {
            throw new errors/* ConfigurationError */.j1(`NVD feed year "${y}" is not a year from ${NVD_FIRST_YEAR} to ${current}`);
        }
    }
    return [...new Set(ecosystems)].sort();
}
const isNvdFileName = (name) => /\.json(\.gz)?$/i.test(name);
/** `nvdcve-2.0-2024.json.gz` → `nvdcve-2.0-2024.meta` beside it. */
function metaPathOf(file) {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${(0,external_node_path_.basename)(file).replace(/\.json(\.gz)?$/i, '')}.meta`);
}
/**
 * NVD's CVE data (CVE API 2.0 JSON) as enrichment: every CVSS metric (v2, v3.0, v3.1, v4.0; Primary and Secondary,
 * with their source), dates, status and the English description, joined to findings by CVE id.
 * - `path`: a `.json` / `.json.gz` file or a folder of them (yearly feed files, API pages); a feed file's `.meta`
 *   beside it is verified. One source, `nvd:<path>`.
 * - `url` = a feed folder (default https://nvd.nist.gov/feeds/json/cve/2.0): `nvdcve-2.0-YYYY.json.gz` for each year
 *   in `ecosystems` (default 2002 to this year), one source per year (`nvd:2024`). The `.meta` is fetched first;
 *   when its `lastModifiedDate` is the stored one, the year is not downloaded again.
 * - `url` = the CVE API (https://services.nvd.nist.gov/rest/json/cves/2.0): every CVE, 2000 a page, with the
 *   `apiKey` header from `NVD_API_KEY` when set, paced to NVD's rate limits. One source, `nvd:api`.
 */
function createNvdProvider(deps = {}) {
    const sleep = deps.sleep ?? ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }));
    return {
        id: 'nvd',
        version: 1,
        requires: ['network'],
        description: "NVD's CVE data (CVE API 2.0 pages or the yearly nvdcve-2.0 feeds): CVSS v2/v3/v4, joined by CVE id",
        async fetch(options, ctx) {
            if (options.path)
                return [await nvd_fetchLocal(options.path, ctx)];
            const url = (options.url ?? DEFAULT_NVD_FEED_URL).replace(/\/+$/, '');
            const env = deps.env ?? process.env;
            if (isNvdApiUrl(url)) {
                if (options.ecosystems?.length)
                    ctx.logger.warning('nvd: years (ecosystems) apply to the yearly feeds; the API fetches every CVE');
                return [await fetchApi(url, options, ctx, env.NVD_API_KEY?.trim() || undefined, sleep)];
            }
            const out = [];
            const thisYear = String(ctx.now().getUTCFullYear());
            for (const year of nvdYears(options.ecosystems, ctx.now())) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                const batch = await fetchYear(url, year, options, ctx, year === thisYear);
                if (batch)
                    out.push(batch);
            }
            return out;
        },
    };
}
const nvdProvider = createNvdProvider();
function httpOptions(options, ctx, extra = {}) {
    return { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger, ...extra };
}
async function nvd_fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, isNvdFileName);
    const collector = new NvdCollector();
    const skippedFiles = [];
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const metaPath = metaPathOf(file);
        let meta;
        try {
            if ((0,external_node_fs_.existsSync)(metaPath))
                meta = parseNvdMeta((0,external_node_fs_.readFileSync)(metaPath, 'utf8'), metaPath);
            await readNvdDocument((0,external_node_fs_.createReadStream)(file), file, collector, meta);
            documents++;
        }
        catch (error) {
            const notNvd = error instanceof NvdFormatError && /not an NVD CVE API 2\.0 document/.test(error.message);
            if (isDir && notNvd)
                skippedFiles.push({ where: file, reason: 'not an NVD CVE API 2.0 document' });
            else
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No NVD CVE API 2.0 documents (.json, .json.gz) in ${path}`);
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${documents} file(s) in ${root}`);
    return {
        id: `nvd:${root}`,
        provider: 'nvd',
        kind: 'nvd',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: [...skippedFiles, ...collector.skipped],
    };
}
/** One year's feed; undefined when this year's file is not published yet (early January). */
async function fetchYear(base, year, options, ctx, isThisYear) {
    const id = `nvd:${year}`;
    const name = `nvdcve-2.0-${year}.json.gz`;
    const location = `${base}/${name}`;
    const metaUrl = `${base}/nvdcve-2.0-${year}.meta`;
    const prev = ctx.previous.get(id);
    const metaRes = await (0,vulndb_http/* conditionalGet */.fl)(metaUrl, httpOptions(options, ctx));
    if (metaRes.status === 404 && isThisYear) {
        ctx.logger.warning(`${metaUrl}: HTTP 404; NVD has no ${year} feed yet, skipped`);
        return undefined;
    }
    if (metaRes.status === 404)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: HTTP 404 (is ${base} an NVD 2.0 feed folder with year ${year}?)`, { status: 404 });
    if (metaRes.status === 304)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: unexpected HTTP 304 to an unconditional request`);
    let meta;
    try {
        meta = parseNvdMeta(metaRes.body.toString('utf8'), metaUrl);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
    }
    const state = { id, provider: 'nvd', kind: 'nvd', location, lastModified: meta.lastModifiedDate };
    if (prev && prev.location === location && prev.lastModified === meta.lastModifiedDate) {
        ctx.logger.debug(`${name}: unchanged since ${meta.lastModifiedDate}`);
        return { ...state, fetchedAt: ctx.now().toISOString(), notModified: true };
    }
    const res = await (0,vulndb_http/* conditionalGet */.fl)(location, httpOptions(options, ctx));
    if (res.status !== 200)
        throw new errors/* RemoteError */.Hi(`${location}: HTTP ${res.status} after its .meta was served`, res.status === 404 ? { status: 404 } : {});
    const collector = new NvdCollector();
    try {
        await readNvdDocument(res.body, name, collector, meta);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi(`${location}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${name} (modified ${meta.lastModifiedDate})`);
    return { ...state, fetchedAt: ctx.now().toISOString(), notModified: false, records: [], enrichments: collector.records(), skipped: collector.skipped };
}
async function fetchApi(url, options, ctx, apiKey, sleep) {
    const collector = new NvdCollector();
    const delay = apiKey ? NVD_DELAY_WITH_KEY_MS : NVD_DELAY_MS;
    const headers = apiKey ? { apiKey } : undefined;
    let startIndex = 0;
    let total;
    for (let request = 0; total === undefined || startIndex < total; request++) {
        if (request > 0)
            await sleep(delay, ctx.signal);
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const pageUrl = new URL(url);
        pageUrl.searchParams.set('startIndex', String(startIndex));
        pageUrl.searchParams.set('resultsPerPage', String(NVD_PAGE_SIZE));
        const res = await (0,vulndb_http/* conditionalGet */.fl)(pageUrl.toString(), httpOptions(options, ctx, { headers }));
        if (res.status !== 200)
            throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: HTTP ${res.status}`, res.status === 404 ? { status: 404 } : {});
        let page;
        try {
            page = readNvdPage(res.body.toString('utf8'), pageUrl.toString(), collector);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        total = page.totalResults;
        if (page.count === 0) {
            if (startIndex < total)
                throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: an empty page at ${startIndex} of ${total} results`);
            break;
        }
        startIndex += page.count;
        ctx.logger.debug(`nvd: ${startIndex}/${total} CVEs`);
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${url}`);
    return {
        id: 'nvd:api',
        provider: 'nvd',
        kind: 'nvd',
        location: url,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: collector.skipped,
    };
}

// EXTERNAL MODULE: ./src/vulndb/providers/osv-bucket.ts
var osv_bucket = __webpack_require__(46703);
;// CONCATENATED MODULE: ./src/vulndb/providers/osv-local.ts



/**
 * Local data for air-gapped use: a folder (any depth) or a file of OSV records, osv.dev zips, or Alpine secdb
 * documents. OSV records become the source `osv-local:<path>`; secdb documents found on the way become
 * `alpine-secdb:<path>`, so each is labelled with its own feed.
 */
const osvLocalProvider = {
    id: 'osv-local',
    version: 1,
    description: 'local folders and zips of OSV records (and Alpine secdb files found among them)',
    fetch(options, ctx) {
        if (!options.path)
            throw new errors/* ConfigurationError */.j1('osv-local needs a path');
        const scan = scanLocal(options.path);
        const fetchedAt = ctx.now().toISOString();
        const out = [];
        if (scan.osv.length > 0 || scan.secdb.length === 0) {
            out.push({
                id: `osv-local:${scan.root}`,
                provider: 'osv-local',
                kind: 'osv',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records: scan.osv,
                skipped: scan.skipped,
            });
        }
        if (scan.secdb.length > 0) {
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            out.push({
                id: `alpine-secdb:${scan.root}`,
                provider: 'alpine-secdb',
                kind: 'alpine-secdb',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records,
                skipped: scan.osv.length > 0 ? skipped : [...scan.skipped, ...skipped],
            });
        }
        for (const b of out)
            if (!b.notModified)
                ctx.logger.info(`${b.id}: ${b.records.length} records`);
        return Promise.resolve(out);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/photon.ts

const photon_CVE = /^CVE-\d{4}-\d{4,}$/;
/** An rpm version-release, optionally with an epoch: `7.88.1-4.ph4`. */
const RPM_VR = /^(\d+:)?[^\s:-]+-[^\s:-]+$/;
const WIKI_BASE = 'https://github.com/vmware/photon/wiki';
/** The release of a `cve_data_photon4.0.json` file name. */
function photonReleaseOf(where) {
    return /cve_data_photon(\d+\.\d+)\.json/i.exec(where)?.[1];
}
/** Parses one wiki advisory; undefined when it is not one (no `Advisory Id`). */
function parsePhotonAdvisory(markdown, fileName) {
    const field = (label) => new RegExp(`^${label}\\s*:\\s*(.+?)\\s*$`, 'm').exec(markdown)?.[1];
    const id = field('Advisory Id');
    const release = field('Affected Release');
    if (!id || !/^PHSA-/.test(id) || !release)
        return undefined;
    const issued = field('Issue date');
    const page = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
    const items = new Map();
    let section;
    const body = markdown.slice(markdown.search(/^## Affected Packages/m) >= 0 ? markdown.search(/^## Affected Packages/m) : 0);
    for (const line of body.split(/\r?\n/)) {
        const h = /^###\s+(\w+)/.exec(line);
        if (h) {
            section = h[1];
            continue;
        }
        if (/^##\s/.test(line) && !/Affected Packages/.test(line))
            break;
        const m = /^(\S+)\s+-\s+\[(.*)\]\s*$/.exec(line.trim());
        if (!m)
            continue;
        for (const cve of m[2].match(/CVE-\d{4}-\d{4,}/g) ?? [])
            items.set(`${cve}\u0000${m[1]}`, section);
    }
    return { id, release, ...(issued && /^\d{4}-\d\d-\d\d$/.test(issued) ? { issued } : {}), url: `${WIKI_BASE}/${page}`, items };
}
/** A CVSS base score as a severity word (NVD's v3 bands, as vunnel does). */
function scoreWord(score) {
    if (score >= 9)
        return 'Critical';
    if (score >= 7)
        return 'High';
    if (score >= 4)
        return 'Medium';
    if (score > 0)
        return 'Low';
    return 'None';
}
/**
 * One Photon CVE file as OSV records, one per CVE (id = the CVE), ecosystem `Photon OS:<X.0>`, binary names:
 * - `status: Fixed` with a `res_ver` → `introduced 0`, `fixed res_ver`; `Fixed` without a usable `res_ver`
 *   (`NA`), or any other affected status → `introduced 0` only and `database_specific.fix_state` `not-fixed`
 *   (`wont-fix` for a "Won't Fix" status); `Not Affected` → no entry.
 * - vendor severity: the wiki advisory's section word (`Important`) when an advisory lists the (CVE, package),
 *   else the CVSS score's band (`High`); the score in `database_specific.cvss_score`.
 * - `published` / `modified`: the earliest / latest issue date of the advisories naming the CVE, else `inputDate`.
 * Non-CVE ids (`BDSA-…`) and entries without a package are skipped with a reason.
 */
function convertPhoton(text, where, options) {
    const skipped = [];
    const release = options.release ?? photonReleaseOf(where);
    if (!release)
        return { records: [], skipped: [{ where, reason: 'no Photon release (expected a cve_data_photon<X.0>.json file name)' }] };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (!Array.isArray(value))
        return { records: [], skipped: [{ where, reason: 'not a Photon CVE list (expected a JSON array)' }] };
    const advisories = (options.advisories ?? []).filter((a) => a.release === release);
    const ecosystem = `Photon OS:${release}`;
    const byCve = new Map();
    const seen = new Set();
    value.forEach((raw, i) => {
        const at = `${where}[${i}]`;
        if (typeof raw !== 'object' || raw === null) {
            skipped.push({ where: at, reason: 'not an object' });
            return;
        }
        const e = raw;
        const cve = typeof e.cve_id === 'string' ? e.cve_id.trim() : '';
        const name = typeof e.pkg === 'string' ? e.pkg.trim() : '';
        if (!photon_CVE.test(cve)) {
            skipped.push({ where: at, reason: `"${String(e.cve_id)}" is not a CVE id` });
            return;
        }
        if (!name) {
            skipped.push({ where: at, reason: `${cve}: no package name` });
            return;
        }
        const status = typeof e.status === 'string' ? e.status.trim() : '';
        if (/^not affected$/i.test(status))
            return;
        const resVer = typeof e.res_ver === 'string' ? e.res_ver.trim() : '';
        const fixed = /^fixed$/i.test(status) && RPM_VR.test(resVer) ? resVer : undefined;
        if (/^fixed$/i.test(status) && resVer && !/^(NA|None)$/i.test(resVer) && !fixed) {
            skipped.push({ where: at, reason: `${cve} ${name}: "${resVer}" is not an rpm version` });
            return;
        }
        const key = `${cve}\u0000${name}\u0000${fixed ?? ''}`;
        if (seen.has(key))
            return;
        seen.add(key);
        let rec = byCve.get(cve);
        if (!rec)
            byCve.set(cve, (rec = { affected: [], words: new Set(), phsa: [] }));
        if (typeof e.cve_score === 'number' && Number.isFinite(e.cve_score))
            rec.score = Math.max(rec.score ?? 0, e.cve_score);
        const phsa = advisories.filter((a) => a.items.has(`${cve}\u0000${name}`));
        for (const a of phsa) {
            if (!rec.phsa.includes(a))
                rec.phsa.push(a);
            const word = a.items.get(`${cve}\u0000${name}`);
            if (word)
                rec.words.add(word);
        }
        const fixState = fixed ? undefined : /won'?t fix/i.test(status) ? 'wont-fix' : 'not-fixed';
        rec.affected.push({
            package: { ecosystem, name, purl: `pkg:rpm/photon/${name}?distro=photon-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: fixed ? [{ introduced: '0' }, { fixed }] : [{ introduced: '0' }] }],
            ...(fixState || phsa.length > 0
                ? { database_specific: { ...(fixState ? { fix_state: fixState } : {}), ...(phsa.length > 0 ? { advisories: phsa.map((a) => a.id) } : {}) } }
                : {}),
        });
    });
    const records = [];
    for (const [cve, rec] of byCve) {
        const dates = rec.phsa.map((a) => a.issued).filter((d) => d !== undefined).sort();
        const published = dates[0] ? `${dates[0]}T00:00:00Z` : undefined;
        const modified = dates.length > 0 ? `${dates[dates.length - 1]}T00:00:00Z` : options.inputDate;
        const word = photon_RANK.find((w) => rec.words.has(w)) ?? (rec.score !== undefined ? scoreWord(rec.score) : undefined);
        const fixState = rec.affected.every((a) => a.database_specific?.fix_state) ? rec.affected[0].database_specific.fix_state : undefined;
        records.push({
            schema_version: '1.7.5',
            id: cve,
            modified,
            ...(published ? { published } : {}),
            affected: rec.affected,
            references: [
                ...rec.phsa.map((a) => ({ type: 'ADVISORY', url: a.url })),
                { type: 'WEB', url: `https://www.cve.org/CVERecord?id=${cve}` },
            ],
            database_specific: {
                ...(word && word !== 'None' ? { severity: word } : {}),
                ...(rec.score !== undefined ? { cvss_score: rec.score } : {}),
                ...(fixState ? { fix_state: fixState } : {}),
                source: 'photon',
            },
        });
    }
    return { records, skipped };
}
/** The wiki's words, most severe first (a CVE in two sections takes the worse). */
const photon_RANK = ['Critical', 'Important', 'High', 'Moderate', 'Medium', 'Low'];

;// CONCATENATED MODULE: ./src/vulndb/providers/photon.ts






const PHOTON_CVE_BASE = 'https://packages.vmware.com/photon/photon_cve_metadata';
const photon_DEFAULT_RELEASES = ['3.0', '4.0', '5.0'];
const photon_NO_DATE = '1970-01-01T00:00:00.000Z';
/**
 * Photon OS: with `path`, a `cve_data_photon<X.0>.json` file or a folder of them, with the photon wiki's
 * `Security-Update-*.md` advisories anywhere in the folder (they give PHSA ids, dates and the vendor's severity
 * words); one source per release, `photon:<X.0>:<path>`. Otherwise, for each release in `ecosystems` (default
 * 3.0, 4.0, 5.0), a conditional GET of `<url>/cve_data_photon<X.0>.json` (`photon:<X.0>`); `modified` then is
 * the answer's Last-Modified.
 */
const photonProvider = {
    id: 'photon',
    version: 1,
    description: 'Photon OS CVE metadata (cve_data_photon<X.0>.json, and the wiki advisories) turned into OSV records (Photon OS:<X.0>)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, () => true);
            const advisories = [];
            for (const f of files.filter((x) => /\.md$/i.test(x))) {
                const a = parsePhotonAdvisory((0,external_node_fs_.readFileSync)(f, 'utf8'), (0,external_node_path_.basename)(f));
                if (a)
                    advisories.push(a);
            }
            const data = files.filter((f) => photonReleaseOf((0,external_node_path_.basename)(f)) !== undefined);
            if (data.length === 0)
                throw new errors/* ConfigurationError */.j1(`photon: no cve_data_photon<X.0>.json file in ${options.path}`);
            return data.map((f) => {
                const release = photonReleaseOf((0,external_node_path_.basename)(f));
                const { records, skipped } = convertPhoton((0,external_node_fs_.readFileSync)(f, 'utf8'), f, { release, advisories, inputDate: (0,external_node_fs_.statSync)(f).mtime.toISOString() });
                ctx.logger.info(`photon:${release}: ${records.length} records`);
                return { id: `photon:${release}:${f}`, provider: 'photon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const base = (options.url ?? PHOTON_CVE_BASE).replace(/\/+$/, '');
        const out = [];
        for (const release of options.ecosystems?.length ? options.ecosystems : photon_DEFAULT_RELEASES) {
            if (!/^\d+\.\d+$/.test(release))
                throw new errors/* ConfigurationError */.j1(`photon: "${release}" is not a Photon OS release such as 4.0`);
            const url = `${base}/cve_data_photon${release}.json`;
            const id = `photon:${release}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const state = { id, provider: 'photon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${release}" a Photon OS release?)`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const { records, skipped } = convertPhoton(res.body.toString('utf8'), url, { release, inputDate: Number.isNaN(at) ? photon_NO_DATE : new Date(at).toISOString() });
            ctx.logger.info(`${id}: ${records.length} records`);
            out.push({ ...state, ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}), notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/rhel-security-data.ts

const rhel_security_data_CVE = /^CVE-\d{4}-\d{4,}$/;
/** `cpe:/o:redhat:enterprise_linux:9`, `cpe:/a:redhat:enterprise_linux:8::appstream` → `9`, `8`. */
const MAIN_CPE = /^cpe:\/[ao]:redhat:enterprise_linux:(\d+)(?::|$)/;
/** `cpe:/a:redhat:rhel_eus:8.6` → `8.6` (Extended Update Support). */
const EUS_CPE = /^cpe:\/[ao]:redhat:rhel_eus:(\d+\.\d+)(?::|$)/;
/** `thunderbird-0:102.15.1-1.el7_9` → name, `0:102.15.1-1.el7_9`. */
const NEVR = /^(.+)-((?:\d+:)?[^-:\s]+-[^-:\s]+)$/;
/** The stream a CPE names: `Red Hat:9`, `Red Hat:8.6+eus`; undefined for other products (extras, AUS, TUS, E4S…). */
function redHatEcosystem(cpe) {
    const main = MAIN_CPE.exec(cpe);
    if (main)
        return `Red Hat:${main[1]}`;
    const eus = EUS_CPE.exec(cpe);
    if (eus)
        return `Red Hat:${eus[1]}+eus`;
    return undefined;
}
/** Red Hat's fix states → the contract's `fix_state`; undefined: not affected (no entry). */
function fixState(state) {
    const s = state.trim().toLowerCase();
    if (s === 'not affected')
        return undefined;
    if (s === 'will not fix' || s === 'out of support scope')
        return 'wont-fix';
    return 'not-fixed'; // Affected, Fix deferred, Under investigation
}
const iso = (v) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined);
/**
 * One CVE's security data as one OSV record (id = the CVE):
 * - `affected_release` of RHEL main streams (`enterprise_linux:N` → `Red Hat:N`) and EUS streams (`rhel_eus:X.Y` →
 *   `Red Hat:X.Y+eus`): `introduced 0`, `fixed <epoch:version-release>`, the RHSA in `database_specific.advisory`;
 *   other products (extras, Oracle Java, Satellite, AUS/TUS/E4S) are left out, as vunnel does;
 * - `package_state` of those streams: "Not affected" → no entry; "Will not fix" / "Out of support scope" →
 *   `introduced 0` only, `fix_state: wont-fix`; "Affected" and the rest → `fix_state: not-fixed`. A package that
 *   has a fix in a stream is not also listed unfixed there. `module:stream/name` → `ecosystem_specific.module`;
 *   flatpak and container names (`firefox:flatpak/firefox`) are left out;
 * - `threat_severity` (`Important`) in `database_specific.severity`, the CVSS v3 vector in `severity`;
 * - `published` = `public_date`; `modified` = the latest of `public_date` and the fixes' release dates.
 */
function convertRhelCve(text, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (typeof doc !== 'object' || doc === null || typeof doc.name !== 'string' || !rhel_security_data_CVE.test(doc.name)) {
        return { records: [], skipped: [{ where, reason: 'not a Red Hat CVE document (no CVE "name")' }] };
    }
    const cve = doc.name;
    const skipped = [];
    const affected = [];
    const fixedKeys = new Set();
    const seen = new Set();
    const dates = [];
    const published = iso(doc.public_date);
    if (published)
        dates.push(published);
    const releases = Array.isArray(doc.affected_release) ? doc.affected_release : [];
    for (const raw of releases) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const r = raw;
        const ecosystem = typeof r.cpe === 'string' ? redHatEcosystem(r.cpe) : undefined;
        if (!ecosystem)
            continue;
        const pkg = typeof r.package === 'string' ? r.package.trim() : '';
        const m = NEVR.exec(pkg);
        if (!m || m[1].includes(':') || m[1].includes('/')) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: "${pkg || String(r.package)}" is not a package name-version (advisory ${String(r.advisory)})` });
            continue;
        }
        const [, name, evr] = m;
        const key = `${ecosystem}\u0000${name}\u0000${evr}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        fixedKeys.add(`${ecosystem}\u0000${name}`);
        const date = iso(r.release_date);
        if (date)
            dates.push(date);
        const advisory = typeof r.advisory === 'string' ? r.advisory : undefined;
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: evr }] }],
            ...(advisory ? { database_specific: { advisory, advisory_url: `https://access.redhat.com/errata/${advisory}` } } : {}),
        });
    }
    const states = Array.isArray(doc.package_state) ? doc.package_state : [];
    for (const raw of states) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const s = raw;
        const ecosystem = typeof s.cpe === 'string' ? redHatEcosystem(s.cpe) : undefined;
        if (!ecosystem)
            continue;
        const full = typeof s.package_name === 'string' ? s.package_name.trim() : '';
        if (!full) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: a package state without a package name` });
            continue;
        }
        const state = fixState(typeof s.fix_state === 'string' ? s.fix_state : 'Affected');
        if (!state)
            continue;
        let name = full;
        let module;
        const mod = /^([^:/\s]+:[^/\s]+)\/(.+)$/.exec(full);
        if (mod) {
            if (/flatpak|container|image/i.test(mod[1]))
                continue;
            module = mod[1];
            name = mod[2];
        }
        else if (/[:/]/.test(full))
            continue; // container images (`rhel8/…`), not rpms
        const key = `${ecosystem}\u0000${name}`;
        if (!module && fixedKeys.has(key))
            continue;
        const dup = `${key}\u0000${module ?? ''}\u0000state`;
        if (seen.has(dup))
            continue;
        seen.add(dup);
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
            ...(module ? { ecosystem_specific: { module } } : {}),
            database_specific: { fix_state: state, red_hat_state: String(s.fix_state) },
        });
    }
    const modified = dates.sort().at(-1);
    if (!modified)
        return { records: [], skipped: [...skipped, { where, reason: `${cve}: no date (public_date, release_date)` }] };
    const vector = typeof doc.cvss3?.cvss3_scoring_vector === 'string' ? doc.cvss3.cvss3_scoring_vector : undefined;
    const severity = vector && /^CVSS:3\.[01]\//.test(vector) ? [{ type: 'CVSS_V3', score: vector }] : [];
    const threat = typeof doc.threat_severity === 'string' && doc.threat_severity ? doc.threat_severity : undefined;
    const details = Array.isArray(doc.details) ? doc.details.filter((d) => typeof d === 'string').join('\n\n') : undefined;
    const summary = typeof doc.bugzilla?.description === 'string' ? doc.bugzilla.description.trim() : undefined;
    const advisories = [...new Set(affected.map((a) => a.database_specific?.advisory).filter((a) => typeof a === 'string'))].sort();
    const record = {
        schema_version: '1.7.5',
        id: cve,
        modified,
        ...(published ? { published } : {}),
        ...(summary ? { summary } : {}),
        ...(details ? { details } : {}),
        ...(severity.length > 0 ? { severity } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url: `https://access.redhat.com/security/cve/${cve}` },
            ...advisories.map((a) => ({ type: 'ADVISORY', url: `https://access.redhat.com/errata/${a}` })),
        ],
        database_specific: { ...(threat ? { severity: threat } : {}), source: 'rhel' },
    };
    return { records: [record], skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/rhel.ts





const isCveFile = (name) => /^CVE-\d{4}-\d{4,}(\.json)?$/i.test(name);
/**
 * Red Hat's per-CVE security data (the Security Data API's `cve/CVE-….json` documents, as vunnel keeps them in
 * `input/cve/full/`), from a local file or folder: one source `rhel:<path>`, one record per CVE in `Red Hat:<major>`
 * and `Red Hat:<x.y>+eus`. Fetching the API itself (one request per CVE) is not done: download the documents
 * (vunnel, or the API) and give their folder as `path`.
 */
const rhelProvider = {
    id: 'rhel',
    version: 1,
    description: "Red Hat per-CVE security data (Security Data API CVE documents, local) turned into OSV records (Red Hat:<major>, Red Hat:<x.y>+eus)",
    fetch(options, ctx) {
        if (!options.path) {
            throw new errors/* ConfigurationError */.j1('rhel: give a path to a folder of Red Hat security data CVE documents (CVE-YYYY-NNNN.json); fetching the Security Data API per CVE is not supported');
        }
        const { root, files } = localFeedFiles(options.path, isCveFile);
        if (files.length === 0)
            throw new errors/* ConfigurationError */.j1(`rhel: no CVE-YYYY-NNNN(.json) document in ${options.path}`);
        const records = [];
        const skipped = [];
        const ids = new Set();
        for (const f of files) {
            const out = convertRhelCve((0,external_node_fs_.readFileSync)(f, 'utf8'), f);
            skipped.push(...out.skipped);
            for (const r of out.records) {
                if (ids.has(r.id)) {
                    skipped.push({ where: f, reason: `${r.id} comes twice (${(0,external_node_path_.basename)(f)}); the first is kept` });
                    continue;
                }
                ids.add(r.id);
                records.push(r);
            }
        }
        ctx.logger.info(`rhel:${root}: ${records.length} records`);
        return Promise.resolve([{ id: `rhel:${root}`, provider: 'rhel', kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped }]);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/list.ts













/** Every vulnerability data provider. The only place a provider is wired in. */
const VULNERABILITY_PROVIDERS = new registry/* Registry */.O('vulnerability data provider', [
    osv_bucket/* osvBucketProvider */.El,
    osvLocalProvider,
    alpineSecdbProvider,
    nvdProvider,
    kevProvider,
    epssProvider,
    oracleOvalProvider,
    slesOvalProvider,
    marinerOvalProvider,
    amazonProvider,
    photonProvider,
    wolfiProvider,
    chainguardProvider,
    rhelProvider,
]);


/***/ }),

/***/ 59289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ packageKey),
/* harmony export */   i9: () => (/* binding */ ecosystemKey)
/* harmony export */ });
/* unused harmony export normalizeName */
/**
 * Keys of the database index: one ecosystem and one package name, normalised the way each ecosystem compares
 * names, so that the importer and the matcher agree without either knowing the other.
 */
/**
 * One key per distro release, whichever way a feed spells it (osv.dev, or our converters of native feeds):
 * - `Debian:12` → `debian:12`; `Alpine:v3.20` → `alpine:v3.20`; language ecosystems lower-cased (`PyPI` → `pypi`);
 * - Ubuntu: `Ubuntu:22.04:LTS`, `Ubuntu:Pro:22.04:LTS` and `Ubuntu:22.04` → `ubuntu:22.04` (the support level does
 *   not change what is installed);
 * - Red Hat CPE streams: `Red Hat:enterprise_linux:9::appstream` (and `::baseos`, `::crb`…) and `Red Hat:9` →
 *   `red hat:9`; the extended streams keep their minor and name: `Red Hat:rhel_eus:8.6::appstream` →
 *   `red hat:8.6+eus` (likewise `aus`, `e4s`, `tus`, `els`), never used for a plain image; other Red Hat products
 *   (`Red Hat:openshift:4.14::el9`) are only lower-cased;
 * - SUSE and openSUSE products: lower-cased, spaces collapsed, a leading `SUSE ` / `openSUSE ` of the product
 *   dropped (`SUSE:SUSE Linux Enterprise Server 15 SP5` = `SUSE:Linux Enterprise Server 15 SP5`);
 * - Azure Linux: `Azure Linux:3.0`, `Azure Linux:3`, `CBL-Mariner:2.0`, `Mariner:2.0` → `azure linux:<major>`;
 * - Photon OS: `Photon OS:4` and `Photon OS:4.0` → `photon os:4.0`.
 */
function ecosystemKey(ecosystem) {
    const lower = ecosystem.trim().toLowerCase();
    const colon = lower.indexOf(':');
    if (colon < 0)
        return lower;
    const base = lower.slice(0, colon).trim();
    const rest = lower.slice(colon + 1).trim();
    switch (base) {
        case 'ubuntu': {
            const m = /(\d+\.\d+)/.exec(rest);
            return m ? `ubuntu:${m[1]}` : lower;
        }
        case 'red hat':
            return `red hat:${redHatStream(rest)}`;
        case 'suse':
        case 'opensuse': {
            const product = rest.replace(/\s+/g, ' ').replace(/^(suse|opensuse) /, '');
            return `${base}:${product}`;
        }
        case 'azure linux':
        case 'cbl-mariner':
        case 'mariner': {
            const m = /^(\d+)(?:\.\d+)*$/.exec(rest);
            return m ? `azure linux:${m[1]}` : `${base}:${rest}`;
        }
        case 'photon os': {
            const m = /^(\d+)(?:\.(\d+))?$/.exec(rest);
            return m ? `photon os:${m[1]}.${m[2] ?? '0'}` : `${base}:${rest}`;
        }
        default:
            return lower;
    }
}
/** `enterprise_linux:9::appstream` → `9`; `rhel_eus:8.6::baseos` → `8.6+eus`; `9` → `9`; anything else as it is. */
function redHatStream(rest) {
    if (/^\d+(\.\d+)*$/.test(rest))
        return rest.split('.')[0];
    if (/^\d+(\.\d+)*\+[a-z0-9]+$/.test(rest))
        return rest; // already a key: `8.6+eus`
    const m = /^([a-z0-9_]+):([0-9.]+)(?::|$)/.exec(rest);
    if (!m)
        return rest;
    const [, product, version] = m;
    if (product === 'enterprise_linux' || product === 'rhel')
        return version.split('.')[0];
    const stream = /^rhel_([a-z0-9]+)$/.exec(product);
    if (stream)
        return `${version}+${stream[1]}`;
    return rest;
}
/**
 * Names as the ecosystem compares them: PyPI by PEP 503 (case-folded, runs of `-_.` as one `-`); crates.io,
 * NuGet and Packagist case-insensitively (crates.io also treats `_` as `-`); everything else exactly.
 */
function normalizeName(ecosystem, name) {
    const eco = ecosystemKey(ecosystem);
    const base = eco.split(':', 1)[0];
    switch (base) {
        case 'pypi':
            return name.toLowerCase().replace(/[-_.]+/g, '-');
        case 'crates.io':
            return name.toLowerCase().replace(/_/g, '-');
        case 'nuget':
        case 'packagist':
            return name.toLowerCase();
        default:
            return name;
    }
}
/** The index key for one ecosystem and package name. */
function packageKey(ecosystem, name) {
    return `${ecosystemKey(ecosystem)}\u0000${normalizeName(ecosystem, name)}`;
}


/***/ }),

/***/ 48173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V6: () => (/* binding */ slimRecord),
/* harmony export */   W1: () => (/* binding */ asOsvRecord),
/* harmony export */   sz: () => (/* binding */ baseEcosystem),
/* harmony export */   x4: () => (/* binding */ parseOsvRecord)
/* harmony export */ });
/* unused harmony exports OsvFormatError, OSV_RECORD_SCHEMA */
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29927);

/** A record failed the minimal shape check: it has no id, no `modified`, or a malformed `affected` list. */
class OsvFormatError extends Error {
    name = 'OsvFormatError';
}
const strings = { type: 'array', items: { type: 'string' } };
const severity = { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, score: { type: 'string' } }, required: ['type', 'score'] } };
const event = {
    type: 'object',
    properties: { introduced: { type: 'string' }, fixed: { type: 'string' }, last_affected: { type: 'string' }, limit: { type: 'string' } },
};
/**
 * The shape of the fields Portcullis reads, after the OSV schema (https://github.com/ossf/osv-schema,
 * validation/schema.json: `id` and `modified` required; `package` needs `ecosystem` and `name`; a range needs
 * `type` and `events`). Other fields stay open.
 */
const OSV_RECORD_SCHEMA = {
    type: 'object',
    properties: {
        schema_version: { type: 'string' },
        id: { type: 'string', minLength: 1 },
        modified: { type: 'string' },
        published: { type: 'string' },
        withdrawn: { type: 'string' },
        aliases: strings,
        upstream: strings,
        related: strings,
        summary: { type: 'string' },
        details: { type: 'string' },
        severity,
        affected: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    package: { type: 'object', properties: { ecosystem: { type: 'string' }, name: { type: 'string' }, purl: { type: 'string' } }, required: ['ecosystem', 'name'] },
                    severity,
                    ranges: {
                        type: 'array',
                        items: { type: 'object', properties: { type: { type: 'string' }, repo: { type: 'string' }, events: { type: 'array', items: event } }, required: ['type', 'events'] },
                    },
                    versions: strings,
                    ecosystem_specific: { type: 'object' },
                    database_specific: { type: 'object' },
                },
            },
        },
        references: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, url: { type: 'string' } } } },
        database_specific: { type: 'object' },
    },
    required: ['id', 'modified'],
};
const checkOsvShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(OSV_RECORD_SCHEMA);
/**
 * Checks the shape of the fields Portcullis reads (OSV_RECORD_SCHEMA) and returns the record typed. A record that
 * does not fit is an OsvFormatError naming the field by its JSON pointer; importers skip it and count it.
 */
function asOsvRecord(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new OsvFormatError(`${where}: not a JSON object`);
    const r = value;
    if (typeof r.id !== 'string' || r.id === '')
        throw new OsvFormatError(`${where}: no "id"`);
    if (typeof r.modified !== 'string')
        throw new OsvFormatError(`${where}: ${r.id} has no "modified"`);
    const problem = checkOsvShape(value);
    if (problem !== undefined)
        throw new OsvFormatError(`${where}: ${r.id} is malformed: ${problem}`);
    return r;
}
/**
 * Parses one OSV record's text with the depth guard (src/common/json.ts) and checks its shape; any failure is an
 * OsvFormatError (the record is skipped by importers).
 */
function parseOsvRecord(text, where) {
    return asOsvRecord((0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, { what: where, errorClass: OsvFormatError }), where);
}
/**
 * The record as stored in the local database: what matching and findings need. `details` and `credits` (the
 * long texts) are dropped to keep the database small; the rest is kept as it came.
 */
function slimRecord(r) {
    const { details: _details, credits: _credits, ...rest } = r;
    return rest;
}
/** The ecosystem as osv.dev's bucket names its folders: the part before the first `:` (`Debian:12` → `Debian`). */
function baseEcosystem(ecosystem) {
    const colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}


/***/ }),

/***/ 83676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ENRICHMENT_KINDS)
/* harmony export */ });
/** Source kinds whose batches carry `enrichments` rather than `records`. */
const ENRICHMENT_KINDS = new Set(['nvd', 'kev', 'epss']);


/***/ }),

/***/ 46703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ osvBucketProvider),
/* harmony export */   qP: () => (/* binding */ DEFAULT_OSV_BUCKET_URL)
/* harmony export */ });
/* unused harmony export MAX_INCREMENTAL_RECORDS */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6729);
/* harmony import */ var _osv_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48173);
/* harmony import */ var _zip_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3166);




const DEFAULT_OSV_BUCKET_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Above this many changed records, an incremental update fetches all.zip instead. */
const MAX_INCREMENTAL_RECORDS = 2000;
const INCREMENTAL_CONCURRENCY = 8;
/**
 * osv.dev's public bucket layout: `<base>/<Ecosystem>/all.zip`, one source per ecosystem (`osv-bucket:npm`).
 * Requests are conditional on the stored ETag / Last-Modified, so an unchanged ecosystem costs one 304.
 * A corrupt zip or any failure after the retries fails the whole fetch (the database keeps its previous state).
 */
const osvBucketProvider = {
    id: 'osv-bucket',
    version: 1,
    requires: ['network'],
    description: "osv.dev's bucket layout over HTTP(S): <base>/<Ecosystem>/all.zip",
    async fetch(options, ctx) {
        const base = (options.url ?? DEFAULT_OSV_BUCKET_URL).replace(/\/+$/, '');
        const ecosystems = options.ecosystems ?? [];
        if (ecosystems.length === 0)
            return [];
        const out = [];
        for (const ecosystem of ecosystems) {
            const id = `osv-bucket:${ecosystem}`;
            const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
            const prev = ctx.previous.get(id);
            // A stored state from another URL is not a valid condition for this one.
            const sameUrl = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sameLocation */ .It)(prev?.location, url);
            if (sameUrl && prev?.highWater) {
                const stored = ctx.previousRecords?.(id);
                if (stored) {
                    const inc = await incremental(base, ecosystem, prev.highWater, stored, options, ctx);
                    if (inc) {
                        out.push(inc.notModified ? { ...prev, fetchedAt: ctx.now().toISOString(), notModified: true } : { ...prev, ...inc.batch, fetchedAt: ctx.now().toISOString() });
                        continue;
                    }
                }
            }
            const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceGet */ .a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'osv-bucket', kind: 'osv', location: url, fetchedAt };
            if (res.status === 404)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
            if (res.status === 304) {
                ctx.logger.debug(`${url}: not modified`);
                out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true });
                continue;
            }
            // The central directory is read at the first step (a corrupt one fails the source); entries then inflate
            // one at a time, and a bad one is skipped and counted.
            const entries = (0,_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .iterateJsonEntries */ .fn)(res.body, url);
            let step;
            try {
                step = entries.next();
            }
            catch (error) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error), { cause: error });
            }
            const records = [];
            const skipped = [];
            for (; !step.done; step = entries.next()) {
                const { name, text, skipped: why } = step.value;
                const where = `${url}!${name}`;
                if (why !== undefined) {
                    skipped.push({ where, reason: why });
                    continue;
                }
                try {
                    records.push((0,_osv_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOsvRecord */ .x4)(text, where));
                }
                catch (error) {
                    skipped.push({ where, reason: (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error) });
                }
            }
            ctx.logger.info(`${ecosystem}: ${records.length} records from ${url}`);
            const highWater = newestModified(records);
            out.push({
                ...state,
                ...(highWater ? { highWater } : {}),
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped,
            });
        }
        return out;
    },
};
function newestModified(records) {
    let newest;
    for (const r of records)
        if (typeof r.modified === 'string' && !Number.isNaN(Date.parse(r.modified)) && (!newest || Date.parse(r.modified) > Date.parse(newest)))
            newest = r.modified;
    return newest;
}
/**
 * The bucket's incremental path: `<Ecosystem>/modified_id.csv` (newest first, `<modified>,<ID>`), then
 * `<Ecosystem>/<ID>.json` for each id modified after the high-water mark, merged over the stored records.
 * Undefined means "fetch all.zip": no index, more than MAX_INCREMENTAL_RECORDS changed, or anything inconsistent.
 */
async function incremental(base, ecosystem, highWater, stored, options, ctx) {
    const dir = `${base}/${encodeURIComponent(ecosystem)}`;
    const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
    const fallback = (why) => {
        ctx.logger.info(`${ecosystem}: ${why}; fetching all.zip`);
        return undefined;
    };
    const mark = Date.parse(highWater);
    if (Number.isNaN(mark))
        return fallback(`the stored high-water mark "${highWater}" is not a date`);
    const csv = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .conditionalGet */ .fl)(`${dir}/modified_id.csv`, http);
    if (csv.status !== 200)
        return fallback(`no ${dir}/modified_id.csv (HTTP ${csv.status})`);
    const changed = [];
    let previousTime = Infinity;
    let newest;
    for (const line of csv.body.toString('utf8').split('\n')) {
        if (line.trim() === '')
            continue;
        const comma = line.indexOf(',');
        const modified = line.slice(0, comma).trim();
        const id = line.slice(comma + 1).trim();
        const t = Date.parse(modified);
        if (comma <= 0 || !id || Number.isNaN(t) || !/^[A-Za-z0-9._:-]+$/.test(id))
            return fallback(`modified_id.csv has a bad line "${line.slice(0, 80)}"`);
        if (t > previousTime)
            return fallback('modified_id.csv is not newest first');
        previousTime = t;
        newest ??= modified;
        if (t <= mark)
            break;
        changed.push({ id, modified });
        if (changed.length > MAX_INCREMENTAL_RECORDS)
            return fallback(`more than ${MAX_INCREMENTAL_RECORDS} records changed`);
    }
    if (!newest)
        return fallback('modified_id.csv is empty');
    if (changed.length === 0) {
        ctx.logger.debug(`${ecosystem}: nothing modified after ${highWater}`);
        return { notModified: true };
    }
    const fetched = new Map();
    let failed;
    let next = 0;
    const worker = async () => {
        while (next < changed.length && !failed) {
            const { id } = changed[next++];
            const url = `${dir}/${encodeURIComponent(id)}.json`;
            const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .conditionalGet */ .fl)(url, http);
            if (res.status !== 200) {
                failed = `${url}: HTTP ${res.status}`;
                return;
            }
            try {
                const record = (0,_osv_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOsvRecord */ .x4)(res.body.toString('utf8'), url);
                if (record.id !== id)
                    throw new Error(`its id is ${record.id}`);
                fetched.set(id, record);
            }
            catch (error) {
                failed = `${url}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}`;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(INCREMENTAL_CONCURRENCY, changed.length) }, worker));
    if (failed)
        return fallback(failed);
    const records = stored.filter((r) => !fetched.has(r.id));
    records.push(...fetched.values());
    ctx.logger.info(`${ecosystem}: ${fetched.size} record(s) modified after ${highWater}, ${records.length} in all`);
    return { notModified: false, batch: { notModified: false, records, skipped: [], highWater: newest } };
}


/***/ }),

/***/ 90976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ defaultCacheDir),
/* harmony export */   BL: () => (/* binding */ newDatabaseDir),
/* harmony export */   K3: () => (/* binding */ readSourceRecords),
/* harmony export */   TW: () => (/* binding */ dataStatus),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   f1: () => (/* binding */ sourceEcosystems),
/* harmony export */   kN: () => (/* binding */ DB_SCHEMA_VERSION),
/* harmony export */   ls: () => (/* binding */ activateDatabase),
/* harmony export */   oz: () => (/* binding */ VulnerabilityDatabase),
/* harmony export */   tW: () => (/* binding */ writeDatabase),
/* harmony export */   xp: () => (/* binding */ DEFAULT_MAX_AGE_DAYS)
/* harmony export */ });
/* unused harmony export dbRoot */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6729);
/* harmony import */ var _osv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48173);
/* harmony import */ var _enrichment_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(55972);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59289);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83676);









/**
 * The local vulnerability database.
 *
 * Layout, under `<cache dir>/vulndb/`:
 * - `CURRENT`: the name of the live database folder. It is replaced by a rename, so a reader sees either the old
 *   database or the new one, and a failed update leaves the old one live;
 * - `db-XXXXXX/metadata.json`: schema version, and per source its provider, location, fetch time, validators,
 *   record counts (in all and per ecosystem) and skipped inputs;
 * - `db-XXXXXX/s<n>.jsonl`: one source's records, one minified OSV record a line (`details` and `credits` dropped);
 *   for an enrichment source (NVD, KEV, EPSS), one `EnrichmentRecord` a line;
 * - `db-XXXXXX/s<n>.idx.json`: `{ "<ecosystem>\0<name>": [offset, length, offset, length, …] }` into that file
 *   (for an enrichment source, `{ "id\0<CVE id>": [offset, length] }`), split in hashed buckets behind a header
 *   line so that a lookup parses one bucket (see SegmentIndex).
 *
 * Opening reads the metadata and the index headers only; a bucket of an index, and a record, are read and parsed
 * when a package asks for them.
 */
const DB_SCHEMA_VERSION = 1;
const DEFAULT_MAX_AGE_DAYS = 7;
const SKIPPED_EXAMPLES = 20;
/** `$PORTCULLIS_CACHE_DIR`, else `$XDG_CACHE_HOME/portcullis`, else `~/.cache/portcullis`. */
function defaultCacheDir(env = process.env) {
    if (env.PORTCULLIS_CACHE_DIR)
        return env.PORTCULLIS_CACHE_DIR;
    if (env.XDG_CACHE_HOME)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CACHE_HOME, 'portcullis');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache', 'portcullis');
}
/** The folder the database lives in, inside the cache dir: what the Action caches between runs. */
function dbRoot(cacheDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'vulndb');
}
function currentDir(cacheDir) {
    const pointer = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dbRoot(cacheDir), 'CURRENT');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(pointer))
        return undefined;
    const name = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(pointer, 'utf8').trim();
    if (!/^db-[A-Za-z0-9_-]+$/.test(name))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database pointer ${pointer} is corrupt; run "portcullis db update"`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dbRoot(cacheDir), name);
}
/** The live database's metadata, or undefined when there is none yet. */
function readMetadata(cacheDir) {
    const dir = currentDir(cacheDir);
    if (!dir)
        return undefined;
    let meta;
    try {
        meta = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'metadata.json'), 'utf8'));
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database in ${dir} is unreadable (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}); run "portcullis db update"`);
    }
    if (meta.schemaVersion !== DB_SCHEMA_VERSION) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database in ${dir} has schema version ${meta.schemaVersion}, this Portcullis reads ${DB_SCHEMA_VERSION}; run "portcullis db update"`);
    }
    return meta;
}
/**
 * A segment's index, read lazily. Version 2 (what `writeSegment` writes): a header line
 * `{"v":2,"buckets":N,"keys":K,"offsets":[…N+1 numbers]}`, then N JSON objects `{key: [offset, length, …]}`, one per
 * bucket (`bucketOf(key, N)`), at those offsets after the header line. Opening the database reads the headers only;
 * a lookup parses the one bucket its key falls in, so open time and memory follow what a scan asks for, not the
 * size of the data. Version 1 (one JSON object, databases written before) is read as a single bucket.
 */
class SegmentIndex {
    path;
    bucketCount;
    offsets;
    base;
    fd;
    #buckets = new Map();
    constructor(path, bucketCount, offsets, base, fd) {
        this.path = path;
        this.bucketCount = bucketCount;
        this.offsets = offsets;
        this.base = base;
        this.fd = fd;
    }
    static open(path) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
        // Version 2 starts with its header line; anything else is a version 1 index, read as one bucket.
        let buf = Buffer.alloc(0);
        let nl = -1;
        for (;;) {
            const chunk = Buffer.allocUnsafe(65536);
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, 0, chunk.length, buf.length);
            buf = Buffer.concat([buf, chunk.subarray(0, n)]);
            if (buf.length >= 6 && buf.subarray(0, 6).toString() !== '{"v":2')
                break;
            nl = buf.indexOf(0x0a);
            if (nl >= 0)
                break;
            if (n === 0) {
                if (buf.length >= 6)
                    throw new Error(`${path}: truncated index header`);
                break;
            }
        }
        if (nl < 0)
            return new SegmentIndex(path, 1, [0, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size], 0, fd);
        const header = JSON.parse(buf.subarray(0, nl).toString('utf8'));
        return new SegmentIndex(path, header.buckets, header.offsets, nl + 1, fd);
    }
    /** The `[offset, length, …]` list of one key, or undefined. */
    get(key) {
        return this.#bucket(this.bucketCount === 1 ? 0 : bucketOf(key, this.bucketCount))[key];
    }
    /** Every key (loads every bucket: for diagnostics and counts, not for scans). */
    allKeys() {
        const out = [];
        for (let b = 0; b < this.bucketCount; b++)
            out.push(...Object.keys(this.#bucket(b)));
        return out;
    }
    #bucket(b) {
        let m = this.#buckets.get(b);
        if (!m) {
            const start = this.offsets[b];
            const length = this.offsets[b + 1] - start;
            const buf = Buffer.allocUnsafe(length);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, buf, 0, length, this.base + start);
            m = length === 0 ? {} : JSON.parse(buf.toString('utf8'));
            this.#buckets.set(b, m);
        }
        return m;
    }
    close() {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(this.fd);
    }
}
/** FNV-1a of the key's UTF-16 code units, modulo the bucket count: the same in the writer and the reader. */
function bucketOf(key, buckets) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
        h ^= key.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0) % buckets;
}
/** About 256 keys a bucket, at most 4,096 buckets. */
function bucketCountFor(keys) {
    return Math.max(1, Math.min(4096, Math.ceil(keys / 256)));
}
/** Serialises an index in version 2 (see SegmentIndex). */
function serialiseIndex(index) {
    const keys = Object.keys(index).sort();
    const n = bucketCountFor(keys.length);
    const buckets = Array.from({ length: n }, () => ({}));
    for (const k of keys)
        buckets[bucketOf(k, n)][k] = index[k];
    const bodies = buckets.map((b) => JSON.stringify(b));
    const offsets = [0];
    for (const body of bodies)
        offsets.push(offsets.at(-1) + Buffer.byteLength(body));
    return `${JSON.stringify({ v: 2, buckets: n, keys: keys.length, offsets })}\n${bodies.join('')}`;
}
class VulnerabilityDatabase {
    dir;
    metadata;
    #segments;
    #recordSegs = [];
    #enrichSegs = [];
    #cache = new Map();
    constructor(dir, metadata) {
        this.dir = dir;
        this.metadata = metadata;
        this.#segments = metadata.segments.map((meta) => ({ meta, path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, meta.data) }));
        metadata.segments.forEach((meta, seg) => {
            this.#segments[seg].index = SegmentIndex.open((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, meta.index));
            (_provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(meta.kind) ? this.#enrichSegs : this.#recordSegs).push(seg);
        });
    }
    #hits(segs, key) {
        const out = [];
        for (const seg of segs) {
            const pairs = this.#segments[seg].index.get(key);
            if (!pairs)
                continue;
            for (let i = 0; i < pairs.length; i += 2)
                out.push({ seg, offset: pairs[i], length: pairs[i + 1] });
        }
        return out;
    }
    #distinctKeys(segs) {
        const keys = new Set();
        for (const seg of segs)
            for (const k of this.#segments[seg].index.allKeys())
                keys.add(k);
        return keys.size;
    }
    /** Opens the live database; a missing one is a ConfigurationError that says how to make one. */
    static open(cacheDir) {
        const meta = readMetadata(cacheDir);
        const dir = currentDir(cacheDir);
        if (!meta || !dir)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`No vulnerability database in ${cacheDir}; run "portcullis db update" or "portcullis db import PATH"`);
        return new VulnerabilityDatabase(dir, meta);
    }
    /** Number of distinct (ecosystem, name) keys in the index. */
    get keyCount() {
        return this.#distinctKeys(this.#recordSegs);
    }
    /** Every record naming this package in this ecosystem (`Debian:12`, `npm`), from every source. */
    lookup(ecosystem, name) {
        const hits = this.#hits(this.#recordSegs, (0,_names_js__WEBPACK_IMPORTED_MODULE_7__/* .packageKey */ .MO)(ecosystem, name));
        if (hits.length === 0)
            return [];
        return hits.map((h) => {
            const seg = this.#segments[h.seg];
            const cacheKey = `${h.seg}:${h.offset}`;
            let record = this.#cache.get(cacheKey);
            if (!record) {
                record = JSON.parse(this.#read(h.seg, h.offset, h.length));
                this.#cache.set(cacheKey, record);
            }
            return { record, source: seg.meta };
        });
    }
    /** NVD, KEV and EPSS data for one id (CVE), merged over the enrichment sources; undefined when none has it. */
    enrichment(id) {
        const hits = this.#hits(this.#enrichSegs, (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .enrichmentKey */ .$c)(id));
        if (hits.length === 0)
            return undefined;
        let out;
        for (const h of hits) {
            const { id: _id, ...rest } = JSON.parse(this.#read(h.seg, h.offset, h.length));
            out = (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .mergeEnrichment */ .iZ)(out, rest);
        }
        return out;
    }
    /** Number of ids with enrichment data. */
    get enrichmentCount() {
        return this.#distinctKeys(this.#enrichSegs);
    }
    #read(seg, offset, length) {
        const s = this.#segments[seg];
        s.fd ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(s.path, 'r');
        const buf = Buffer.allocUnsafe(length);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(s.fd, buf, 0, length, offset);
        return buf.toString('utf8');
    }
    close() {
        for (const s of this.#segments) {
            if (s.fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(s.fd);
            delete s.fd;
            s.index?.close();
            delete s.index;
        }
    }
}
/**
 * Writes a new database from the previous one and a set of fetched sources, then makes it live. A source in
 * `batches` replaces the stored source with the same id (a not-modified batch keeps its records and takes the new
 * fetch time); every other stored source is kept. Any failure removes the half-written folder and leaves the
 * previous database live.
 */
function writeDatabase(cacheDir, batches, now = new Date()) {
    const root = dbRoot(cacheDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(root, { recursive: true });
    const previousDir = currentDir(cacheDir);
    const previous = previousDir ? readMetadata(cacheDir) : undefined;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'db-'));
    try {
        const segments = [];
        const byId = new Map(batches.map((b) => [b.id, b]));
        let n = 0;
        const reuse = (old, state) => {
            if (!previousDir)
                throw new Error(`no previous database for ${old.id}`);
            const data = `s${n}.jsonl`;
            const index = `s${n}.idx.json`;
            n++;
            linkOrCopy((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(previousDir, old.data), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, data));
            linkOrCopy((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(previousDir, old.index), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, index));
            segments.push({ ...old, ...state, data, index });
        };
        for (const old of previous?.segments ?? []) {
            const batch = byId.get(old.id);
            if (!batch)
                reuse(old, stateOf(old));
            else if (batch.notModified) {
                reuse(old, stateOf(batch));
                byId.delete(old.id);
            }
        }
        for (const batch of byId.values()) {
            if (batch.notModified)
                throw new Error(`${batch.id}: "not modified" but there is no stored copy`);
            segments.push(writeSegment(dir, `s${n++}`, batch));
        }
        const metadata = {
            schemaVersion: DB_SCHEMA_VERSION,
            createdAt: previous?.createdAt ?? now.toISOString(),
            updatedAt: now.toISOString(),
            segments,
        };
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
        activateDatabase(cacheDir, dir);
        return { metadata, dir };
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
}
/** A new, empty database folder beside the live one (made live by `activateDatabase`, or removed by the caller). */
function newDatabaseDir(cacheDir) {
    const root = dbRoot(cacheDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(root, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'db-'));
}
/** Makes a complete database folder (inside the db root) live by replacing `CURRENT`, then removes the previous one. */
function activateDatabase(cacheDir, dir) {
    const root = dbRoot(cacheDir);
    const previousDir = currentDir(cacheDir);
    const tmpPointer = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, `CURRENT.${process.pid}.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir)}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmpPointer, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir)}\n`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmpPointer, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'CURRENT'));
    if (previousDir && previousDir !== dir)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(previousDir, { recursive: true, force: true });
}
function stateOf(s) {
    return {
        id: s.id,
        provider: s.provider,
        kind: s.kind,
        location: (0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .storedLocation */ .bD)(s.location),
        fetchedAt: s.fetchedAt,
        ...(s.etag ? { etag: s.etag } : {}),
        ...(s.lastModified ? { lastModified: s.lastModified } : {}),
        ...(s.highWater ? { highWater: s.highWater } : {}),
    };
}
/** Every stored record of one source of the live database (as stored: slimmed), or undefined when it is not there. */
function readSourceRecords(cacheDir, id) {
    const meta = readMetadata(cacheDir);
    const dir = currentDir(cacheDir);
    const seg = meta?.segments.find((s) => s.id === id);
    if (!dir || !seg || _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(seg.kind))
        return undefined;
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, seg.data), 'utf8');
    return text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l));
}
function linkOrCopy(from, to) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(from, to);
    }
    catch {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.copyFileSync)(from, to);
    }
}
function writeSegment(dir, stem, batch) {
    const index = Object.create(null);
    const ecosystems = {};
    const data = `${stem}.jsonl`;
    const indexName = `${stem}.idx.json`;
    // Lines go to the file in chunks of about 1 MiB: the segment is never held whole as one string.
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, data), 'w');
    let offset = 0;
    let pending = [];
    let pendingBytes = 0;
    const flush = () => {
        if (pending.length)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, pending.join(''));
        pending = [];
        pendingBytes = 0;
    };
    const put = (line, keys) => {
        const length = Buffer.byteLength(line);
        for (const key of keys)
            (index[key] ??= []).push(offset, length);
        pending.push(line, '\n');
        pendingBytes += length + 1;
        offset += length + 1;
        if (pendingBytes >= 1 << 20)
            flush();
    };
    try {
        for (const e of _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? (batch.enrichments ?? []) : [])
            put(JSON.stringify(e), [(0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .enrichmentKey */ .$c)(e.id)]);
        for (const record of _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? [] : batch.records) {
            const keys = new Set();
            const ecos = new Set();
            for (const a of record.affected ?? []) {
                if (!a.package?.ecosystem || !a.package.name)
                    continue;
                keys.add((0,_names_js__WEBPACK_IMPORTED_MODULE_7__/* .packageKey */ .MO)(a.package.ecosystem, a.package.name));
                ecos.add(a.package.ecosystem);
            }
            put(JSON.stringify((0,_osv_js__WEBPACK_IMPORTED_MODULE_5__/* .slimRecord */ .V6)(record)), keys);
            for (const e of ecos)
                ecosystems[e] = (ecosystems[e] ?? 0) + 1;
        }
        flush();
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, indexName), serialiseIndex(index));
    return {
        ...stateOf(batch),
        records: _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? (batch.enrichments?.length ?? 0) : batch.records.length,
        ecosystems,
        skipped: batch.skipped.length,
        skippedExamples: batch.skipped.slice(0, SKIPPED_EXAMPLES),
        data,
        index: indexName,
        bytes: offset,
    };
}
/** The ecosystems a source covers, by bucket name (`Debian`, `npm`). */
function sourceEcosystems(meta) {
    return [...new Set(Object.keys(meta.ecosystems).map(_osv_js__WEBPACK_IMPORTED_MODULE_5__/* .baseEcosystem */ .sz))].sort();
}
/** Age and staleness of the data: the age of the oldest source's fetch time, in whole days. */
function dataStatus(meta, options = {}) {
    const now = options.now ?? new Date();
    const maxAge = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
    const sources = (meta?.segments ?? []).map((s) => ({ id: s.id, fetchedAt: s.fetchedAt, records: s.records }));
    const times = sources.map((s) => Date.parse(s.fetchedAt)).filter((t) => !Number.isNaN(t));
    const oldest = times.length ? Math.min(...times) : undefined;
    const ageDays = oldest === undefined ? undefined : Math.floor((now.getTime() - oldest) / 86_400_000);
    return { sources, ...(ageDays !== undefined ? { ageDays } : {}), stale: ageDays === undefined || ageDays > maxAge, offline: options.offline ?? false };
}


/***/ }),

/***/ 3166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fn: () => (/* binding */ iterateJsonEntries)
/* harmony export */ });
/* unused harmony exports CorruptArchiveError, MAX_ZIP_ENTRY_BYTES, readJsonEntries */
/* harmony import */ var _common_zip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64074);

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
class CorruptArchiveError extends Error {
    name = 'CorruptArchiveError';
}
/**
 * The largest inflated entry read from a data zip, whatever its header declares. The largest record in osv.dev's
 * buckets is well under 2 MiB; an entry over this is skipped (a 400 KB zip cannot make the import hold 400 MB).
 */
const MAX_ZIP_ENTRY_BYTES = 16 * 1024 * 1024;
/**
 * Reads the `.json` entries of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), one at
 * a time, in central-directory order, as text, with the shared zip reader (node:zlib inflates: fast on many small
 * entries). An entry that cannot be read (over `maxEntryBytes`, corrupt data, a size other than the declared one)
 * is yielded with the reason it is skipped; a central directory that cannot be read is a CorruptArchiveError.
 */
function* iterateJsonEntries(data, where, maxEntryBytes = MAX_ZIP_ENTRY_BYTES) {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let zip;
    try {
        zip = new _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipReader */ .z(buf);
    }
    catch (error) {
        if (error instanceof _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W)
            throw new CorruptArchiveError(`${where}: corrupt archive: ${error.message}`, { cause: error });
        throw error;
    }
    for (const entry of zip.entries) {
        if (!entry.name.endsWith('.json'))
            continue;
        let bytes;
        try {
            bytes = zip.read(entry, maxEntryBytes);
            if (bytes.length !== entry.size)
                throw new _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W(`${entry.name} inflates to ${bytes.length} bytes, not the ${entry.size} its header declares`);
        }
        catch (error) {
            if (!(error instanceof _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W))
                throw error;
            yield { name: entry.name, skipped: `unreadable zip entry: ${error.message}` };
            continue;
        }
        yield { name: entry.name, text: bytes.toString('utf8') };
    }
}
/** Every readable `.json` entry of a zip, as text (entries that cannot be read are left out). */
function readJsonEntries(data, where) {
    const out = [];
    for (const e of iterateJsonEntries(data, where))
        if (e.skipped === undefined)
            out.push({ name: e.name, text: e.text });
    return out;
}


/***/ })

};
