export const id = 976;
export const ids = [976,69];
export const modules = {

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

/***/ 61295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ENRICHMENT_KINDS)
/* harmony export */ });
/** Source kinds whose batches carry `enrichments` rather than `records`. */
const ENRICHMENT_KINDS = new Set(['nvd', 'kev', 'epss']);


/***/ }),

/***/ 90976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ defaultCacheDir),
/* harmony export */   BL: () => (/* binding */ newDatabaseDir),
/* harmony export */   K3: () => (/* binding */ readSourceRecords),
/* harmony export */   TW: () => (/* binding */ dataStatus),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   hH: () => (/* binding */ dbRoot),
/* harmony export */   kN: () => (/* binding */ DB_SCHEMA_VERSION),
/* harmony export */   ls: () => (/* binding */ activateDatabase),
/* harmony export */   oz: () => (/* binding */ VulnerabilityDatabase),
/* harmony export */   tW: () => (/* binding */ writeDatabase)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_AGE_DAYS, sourceEcosystems */
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
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(61295);









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
    return [...new Set(Object.keys(meta.ecosystems).map(baseEcosystem))].sort();
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


/***/ })

};
