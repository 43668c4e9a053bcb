export const id = 561;
export const ids = [561];
export const modules = {

/***/ 65348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ isDateTime),
/* harmony export */   Nk: () => (/* binding */ COMPLIANCE_PATHS),
/* harmony export */   On: () => (/* binding */ pushCompliance),
/* harmony export */   RV: () => (/* binding */ COMPLIANCE_FILE_FIELDS),
/* harmony export */   Vt: () => (/* binding */ DIGEST_RE),
/* harmony export */   k5: () => (/* binding */ validateComplianceCheck),
/* harmony export */   zF: () => (/* binding */ complianceKey)
/* harmony export */ });
/* unused harmony exports COMPLIANCE_TEXT_FIELDS, buildComplianceForm */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62211);
/**
 * Anchore's runtime-compliance API (Enterprise 3.1–4.x, and our store): `multipart/form-data` with exactly the
 * fields of `add_runtime_compliance_check`. `check_type` and `image_digest` are required.
 */



const COMPLIANCE_TEXT_FIELDS = ['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'];
const COMPLIANCE_FILE_FIELDS = ['result_file', 'report_file'];
const COMPLIANCE_PATHS = {
    v1: '/v1/enterprise/runtime_compliance',
    v2: '/v2/runtime-compliance',
};
/** An OCI digest: sha256 or sha512 in lowercase hex, or another registered-style algorithm with a long encoding. */
const DIGEST_RE = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}|(?!sha256:|sha512:)[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,})$/;
/** Checks the fields before anything is sent; each problem is one precise ConfigurationError. */
function validateComplianceCheck(check) {
    if (!check.check_type)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('check_type is required (e.g. --check-type oscap)');
    if (!check.image_digest)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('image_digest is required (e.g. --image-digest sha256:…)');
    if (!DIGEST_RE.test(check.image_digest)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`image_digest "${check.image_digest}" is not a digest (algorithm:hex, e.g. sha256:…)`);
    }
    for (const key of ['start_time', 'end_time']) {
        const v = check[key];
        if (v !== undefined && !isDateTime(v))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${key} "${v}" is not an RFC 3339 date-time (e.g. 2021-03-22T15:12:24Z)`);
    }
    return check;
}
function isDateTime(v) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
}
/** Builds the form: the text fields that are set, in Anchore's order, then the files. */
function buildComplianceForm(check, files = {}) {
    const form = new FormData();
    for (const key of COMPLIANCE_TEXT_FIELDS) {
        const v = check[key];
        if (v !== undefined && v !== '')
            form.append(key, v);
    }
    for (const key of COMPLIANCE_FILE_FIELDS) {
        const f = files[key];
        if (f)
            form.append(key, new Blob([new Uint8Array(f.data)], { type: f.contentType ?? 'application/octet-stream' }), f.name);
    }
    return form;
}
/**
 * A digest of every field and file: sent as `Idempotency-Key`, so that our store keeps one check when a push is
 * retried. Anchore ignores the header.
 */
function complianceKey(check, files = {}) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const key of COMPLIANCE_TEXT_FIELDS)
        h.update(`${key}=${check[key] ?? ''}\n`);
    for (const key of COMPLIANCE_FILE_FIELDS)
        h.update(`${key}=${files[key] ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(files[key].data).digest('hex') : ''}\n`);
    return h.digest('hex');
}
/**
 * Sends one check. With `auto`, tries v2 and falls back to v1 on a 404 (the v2 path is absent on Enterprise 3.x);
 * a 404 on both means the server has no runtime-compliance API (Enterprise ≥ 5 removed it).
 */
async function pushCompliance(target, check, files = {}, options = {}) {
    const api = options.api ?? 'auto';
    const order = api === 'auto' ? ['v2', 'v1'] : [api];
    validateComplianceCheck(check);
    for (const version of order) {
        const path = COMPLIANCE_PATHS[version];
        // A FormData body is consumed by a request, so each attempt builds its own.
        const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(target, 'POST', path, {
            body: buildComplianceForm(check, files),
            headers: { 'idempotency-key': complianceKey(check, files) },
            ...(options.signal ? { signal: options.signal } : {}),
        });
        if (res.status === 404 && api === 'auto' && version === 'v2')
            continue;
        if (res.status === 404) {
            const e = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .statusError */ .$C)('POST', target, path, res);
            e.message += ' (no runtime-compliance API here: Anchore Enterprise ≥ 5 removed it)';
            throw e;
        }
        if (res.status < 200 || res.status >= 300)
            throw (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .statusError */ .$C)('POST', target, path, res);
        return { api: version, check: res.json() };
    }
    throw new Error('unreachable');
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

/***/ 65655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ RESULT_SINKS)
});

// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/publish/http.ts
var http = __webpack_require__(62211);
;// CONCATENATED MODULE: ./src/publish/anchore-import-sink.ts
/**
 * Pushes an evaluation's SBOM to Anchore Enterprise ≥ 5 through its image import API, as its API description
 * (the Enterprise swagger) defines it:
 *
 * 1. `POST /v2/imports/images` (no body) opens an import operation;
 * 2. `POST …/{operation}/packages` the Syft JSON SBOM (`ImagePackageManifest`);
 * 3. `POST …/{operation}/manifest` the image manifest, as its own media type;
 * 4. `POST …/{operation}/image-config` the image config;
 * 5. `POST /v2/images` with `source.import` (`ImageImportManifest`: the operation, the digest, the tags and the
 *    three content digests, all required).
 *
 * The manifest and the config are the image's own bytes when the Syft SBOM carries them (`source.metadata`, or
 * `source.target` in older syft JSON: `manifest` and `config`, base64, as syft writes them for an image); otherwise
 * they come from the JSON report (its config, and a manifest rebuilt from its layer descriptors), with a warning.
 * Anchore computes the policy result itself; nobody uploads one. Checked in test/integration/anchore-enterprise.test.ts against an excerpt of that description.
 */


/** The manifest media types `import_image_manifest` accepts, as request content types. */
const ANCHORE_MANIFEST_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v1+prettyjws',
];
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function parseJson(data, what) {
    try {
        return JSON.parse(data.toString('utf8'));
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Anchore Enterprise import: the ${what} is not JSON`);
    }
}
/** What kind of SBOM a document is, for the error message. */
function sbomKind(doc) {
    if (isObject(doc) && doc.bomFormat === 'CycloneDX')
        return 'a CycloneDX SBOM';
    if (isObject(doc) && typeof doc.spdxVersion === 'string')
        return 'an SPDX SBOM';
    return 'not a Syft JSON SBOM';
}
function decodeBase64Json(v) {
    if (typeof v !== 'string' || v === '' || !/^[A-Za-z0-9+/=\s]+$/.test(v))
        return undefined;
    const text = Buffer.from(v, 'base64').toString('utf8');
    try {
        return isObject(JSON.parse(text)) ? text : undefined;
    }
    catch {
        return undefined;
    }
}
/** The manifest's content type: its own `mediaType`, else the report's, else (schema 2 without one) OCI. */
function manifestContentType(manifest, fallback) {
    let own;
    try {
        own = JSON.parse(manifest).mediaType;
    }
    catch {
        // checked by the caller
    }
    for (const t of [own, fallback])
        if (typeof t === 'string' && ANCHORE_MANIFEST_TYPES.includes(t))
            return t;
    for (const t of [own, fallback]) {
        if (typeof t === 'string' && t !== '')
            throw new errors/* ConfigurationError */.j1(`Anchore Enterprise import: manifest media type ${t} is not one Anchore accepts (${ANCHORE_MANIFEST_TYPES.join(', ')})`);
    }
    return ANCHORE_MANIFEST_TYPES[0];
}
/**
 * A manifest rebuilt from the report's descriptors, when the SBOM does not carry the image's own: the same layers
 * and config digest, but not the image's bytes (its digest differs, and the config's size is unknown, so 0).
 */
function manifestFromReport(image) {
    const layers = image.layers;
    if (typeof image.configDigest !== 'string' || !Array.isArray(layers))
        return undefined;
    const docker = image.manifestMediaType === 'application/vnd.docker.distribution.manifest.v2+json';
    const mediaType = docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json';
    const configType = docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json';
    return JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: { mediaType: configType, digest: image.configDigest, size: 0 },
        layers: layers.filter(isObject).map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    });
}
/**
 * The three documents an import needs, from the payload; each problem is one ConfigurationError, raised before
 * anything is sent.
 */
function importContentsOf(payload) {
    if (!payload.sbom)
        throw new errors/* ConfigurationError */.j1('Anchore Enterprise import needs an SBOM (--sbom, Syft JSON as anchorectl sends it)');
    const sbom = parseJson(payload.sbom.data, 'SBOM');
    const missing = isObject(sbom) ? ['artifacts', 'source', 'distro'].filter((k) => (k === 'artifacts' ? !Array.isArray(sbom[k]) : !isObject(sbom[k]))) : ['artifacts', 'source', 'distro'];
    if (missing.length) {
        throw new errors/* ConfigurationError */.j1(`Anchore Enterprise import needs a Syft JSON SBOM (syft -o json), with ${missing.map((k) => `"${k}"`).join(', ')}: this one is ${sbomKind(sbom)}`);
    }
    // syft writes the image's metadata under source.metadata (current syft JSON) or source.target (older).
    const source = isObject(sbom) && isObject(sbom.source) ? sbom.source : {};
    const target = [source.metadata, source.target].find((t) => isObject(t) && typeof t.manifest === 'string') ?? {};
    const report = parseJson(payload.report.data, 'report');
    const image = isObject(report) && isObject(report.image) ? report.image : {};
    const ownManifest = decodeBase64Json(target.manifest);
    const ownConfig = decodeBase64Json(target.config);
    const manifest = ownManifest ?? manifestFromReport(image);
    const imageConfig = ownConfig ?? (isObject(image.config) ? JSON.stringify(image.config) : undefined);
    if (!manifest || !imageConfig) {
        throw new errors/* ConfigurationError */.j1('Anchore Enterprise import needs the image manifest and config: neither the SBOM (source.metadata) nor the report has them');
    }
    const fromReport = [...(ownManifest ? [] : ['a manifest rebuilt from its layers']), ...(ownConfig ? [] : ['its parsed config'])].join(' and ');
    return {
        packages: payload.sbom.data.toString('utf8'),
        manifest: { body: manifest, contentType: manifestContentType(manifest, target.mediaType ?? image.manifestMediaType) },
        imageConfig,
        ...(fromReport ? { fromReport } : {}),
    };
}
class AnchoreImportSink {
    target;
    id = 'anchore-enterprise';
    constructor(target) {
        this.target = target;
    }
    async #post(path, body, ctx) {
        const res = await (0,http/* send */.tN)(this.target, 'POST', path, {
            ...(body ? { body: body.data, headers: { 'content-type': body.contentType } } : {}),
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (res.status !== 200 && res.status !== 201)
            throw (0,http/* statusError */.$C)('POST', this.target, path, res);
        try {
            return res.json();
        }
        catch {
            throw new errors/* RemoteError */.Hi(`POST ${path}: HTTP ${res.status} with a body that is not JSON`);
        }
    }
    async #digest(path, body, ctx) {
        const r = await this.#post(path, body, ctx);
        if (!isObject(r) || typeof r.digest !== 'string' || r.digest === '')
            throw new errors/* RemoteError */.Hi(`POST ${path}: the answer has no content digest`);
        return r.digest;
    }
    async push(payload, ctx) {
        const contents = importContentsOf(payload);
        if (contents.fromReport) {
            ctx.logger.warning(`anchore import: the SBOM does not carry the image's manifest and config (source.metadata, as syft writes for an image); sending the report's: ${contents.fromReport}`);
        }
        const op = await this.#post('/v2/imports/images', undefined, ctx);
        if (!isObject(op) || typeof op.uuid !== 'string' || op.uuid === '')
            throw new errors/* RemoteError */.Hi('Anchore Enterprise answered the import request without an operation uuid');
        const base = `/v2/imports/images/${encodeURIComponent(op.uuid)}`;
        ctx.logger.debug(`anchore import operation ${op.uuid}`);
        const json = (data) => ({ data, contentType: 'application/json' });
        const digests = {
            packages: await this.#digest(`${base}/packages`, json(contents.packages), ctx),
            manifest: await this.#digest(`${base}/manifest`, { data: contents.manifest.body, contentType: contents.manifest.contentType }, ctx),
            image_config: await this.#digest(`${base}/image-config`, json(contents.imageConfig), ctx),
        };
        const annotations = { 'portcullis.idempotency-key': payload.idempotencyKey };
        if (payload.commit)
            annotations['portcullis.commit'] = payload.commit;
        if (payload.pipelineRun)
            annotations['portcullis.pipeline-run'] = payload.pipelineRun;
        const request = {
            source: {
                import: {
                    operation_uuid: op.uuid,
                    digest: payload.imageDigest,
                    tags: payload.imageTag ? [payload.imageTag] : [],
                    contents: digests,
                },
            },
            annotations,
        };
        // Anchore keys images by digest: adding the same digest again updates it rather than duplicating it.
        const added = await this.#post('/v2/images?force=true&auto_subscribe=false', json(JSON.stringify(request)), ctx);
        // The description answers one AnchoreImage; older servers answered a list of them.
        const record = Array.isArray(added) ? added[0] : added;
        const digest = isObject(record) && typeof record.image_digest === 'string' ? record.image_digest : payload.imageDigest;
        return { sink: this.id, id: digest, duplicate: false, url: `${this.target.url.replace(/\/+$/, '')}/v2/images/${digest}` };
    }
}
const anchoreImportSinkKind = {
    id: 'anchore-enterprise',
    version: 1,
    aliases: ['anchore'],
    requires: ['network'],
    description: 'Anchore Enterprise ≥ 5: the Syft JSON SBOM, manifest and config through the image import API (/v2/imports/images, then POST /v2/images)',
    create: (target) => new AnchoreImportSink(target),
};

// EXTERNAL MODULE: ./src/publish/store-sink.ts
var store_sink = __webpack_require__(67408);
;// CONCATENATED MODULE: ./src/publish/list.ts



/** Every kind of result sink, by id (`--sink`). */
const RESULT_SINKS = new registry/* Registry */.O('result sink', [store_sink/* storeSinkKind */.L2, anchoreImportSinkKind], (s) => s.aliases);


/***/ }),

/***/ 22568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ makePayload)
/* harmony export */ });
/* unused harmony export idempotencyKeyOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/** The result-sink contract: where an evaluation is pushed after the scan (our store, Anchore Enterprise). */

function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** The idempotency key: a digest of the key fields and of every file's content. */
function idempotencyKeyOf(p) {
    const parts = [
        p.imageDigest,
        p.imageTag ?? '',
        p.commit ?? '',
        p.pipelineRun ?? '',
        sha256(p.report.data),
        p.sbom ? sha256(p.sbom.data) : '',
        p.sarif ? sha256(p.sarif.data) : '',
    ];
    return sha256(parts.join('\n'));
}
function makePayload(p) {
    return { ...p, idempotencyKey: idempotencyKeyOf(p) };
}


/***/ }),

/***/ 62744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ publishCompliance),
/* harmony export */   QX: () => (/* binding */ Spool),
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   nt: () => (/* binding */ retrySpooled),
/* harmony export */   u3: () => (/* binding */ retrySpooledCompliance)
/* harmony export */ });
/* unused harmony export COMPLIANCE_SPOOL_SINK */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _common_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49353);
/* harmony import */ var _compliance_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65348);
/**
 * The spool: a payload whose push failed is written to disk and pushed again on the next run, or by
 * `portcullis push --retry-spooled`. Credentials are never written; the retry uses the sink configured then.
 * Its idempotency key is kept, so a payload that did reach the server before the failure is not duplicated.
 *
 * Two kinds of record share it: evaluations (`push`, `scan --store-url`) and runtime-compliance checks
 * (`compliance push`), each with the URL it was meant for. A file that cannot be read back is reported in one line
 * and left where it is, never deleted.
 */





/** The sink id compliance records carry (and their file names start with). */
const COMPLIANCE_SPOOL_SINK = 'compliance';
const toSpooled = (f) => ({ name: f.name, contentType: f.contentType, base64: f.data.toString('base64') });
const fromSpooled = (f, where) => {
    if (!f || typeof f !== 'object' || typeof f.name !== 'string' || typeof f.contentType !== 'string' || typeof f.base64 !== 'string') {
        throw new Error(`${where} is not a spooled file (name, contentType, base64)`);
    }
    return { name: f.name, contentType: f.contentType, data: Buffer.from(f.base64, 'base64') };
};
/** Throws a one-line reason when a parsed file is not a record this version can replay. */
function checkRecord(r) {
    if (!r || typeof r !== 'object' || Array.isArray(r))
        throw new Error('not a JSON object');
    const o = r;
    if (o.version !== 1)
        throw new Error(`unknown spool record version ${JSON.stringify(o.version)}`);
    for (const k of ['sink', 'url', 'spooledAt', 'lastError'])
        if (typeof o[k] !== 'string')
            throw new Error(`"${k}" is not a string`);
    if (typeof o.attempts !== 'number')
        throw new Error('"attempts" is not a number');
    if (o.kind === 'compliance') {
        const c = o.compliance;
        if (!c || typeof c !== 'object')
            throw new Error('"compliance" is missing');
        if (c.api !== 'v1' && c.api !== 'v2' && c.api !== 'auto')
            throw new Error('"compliance.api" is not v1, v2 or auto');
        if (typeof c.idempotencyKey !== 'string')
            throw new Error('"compliance.idempotencyKey" is not a string');
        if (!c.files || typeof c.files !== 'object')
            throw new Error('"compliance.files" is missing');
        (0,_compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .validateComplianceCheck */ .k5)((c.check ?? {}));
    }
    else if (o.kind === undefined || o.kind === 'evaluation') {
        const p = o.payload;
        if (!p || typeof p !== 'object')
            throw new Error('"payload" is missing');
        if (typeof p.imageDigest !== 'string' || typeof p.idempotencyKey !== 'string')
            throw new Error('"payload" has no imageDigest or idempotencyKey');
    }
    else {
        throw new Error(`unknown spool record kind ${JSON.stringify(o.kind)}`);
    }
}
class Spool {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    #fileName(sink, key) {
        return `${sink.replace(/[^a-z0-9-]/gi, '_')}-${key.replace(/[^a-f0-9]/gi, '').slice(0, 64)}.json`;
    }
    async #write(record, key) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(this.dir, { recursive: true });
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, this.#fileName(record.sink, key));
        const tmp = `${path}.${process.pid}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tmp, JSON.stringify(record));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, path);
        return path;
    }
    /** Writes (or rewrites) the payload atomically; returns its path. */
    async put(sink, url, payload, error, attempts = 1) {
        const { report, sbom, sarif, ...rest } = payload;
        return this.#write({
            version: 1,
            kind: 'evaluation',
            sink,
            url,
            spooledAt: new Date().toISOString(),
            attempts,
            lastError: error,
            payload: { ...rest, report: toSpooled(report), ...(sbom ? { sbom: toSpooled(sbom) } : {}), ...(sarif ? { sarif: toSpooled(sarif) } : {}) },
        }, payload.idempotencyKey);
    }
    /** Writes (or rewrites) a compliance check and its files atomically; returns its path. */
    async putCompliance(url, submission, error, attempts = 1) {
        const idempotencyKey = (0,_compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .complianceKey */ .zF)(submission.check, submission.files);
        const files = {};
        for (const key of _compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .COMPLIANCE_FILE_FIELDS */ .RV) {
            const f = submission.files[key];
            if (f)
                files[key] = toSpooled({ name: f.name, data: f.data, contentType: f.contentType ?? 'application/octet-stream' });
        }
        return this.#write({
            version: 1,
            kind: 'compliance',
            sink: COMPLIANCE_SPOOL_SINK,
            url,
            spooledAt: new Date().toISOString(),
            attempts,
            lastError: error,
            compliance: { api: submission.api, check: submission.check, files, idempotencyKey },
        }, idempotencyKey);
    }
    /**
     * Every readable record, oldest first, by kind. A file that cannot be read back is reported in one warning line
     * and kept in place (never deleted), so nothing is lost silently.
     */
    async read(logger) {
        let names;
        try {
            names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(this.dir)).filter((n) => n.endsWith('.json')).sort();
        }
        catch {
            return { evaluations: [], compliance: [] };
        }
        const evaluations = [];
        const compliance = [];
        for (const name of names) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, name);
            try {
                const record = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
                checkRecord(record);
                if (record.kind === 'compliance') {
                    const files = {};
                    for (const key of _compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .COMPLIANCE_FILE_FIELDS */ .RV) {
                        const f = record.compliance.files[key];
                        if (f)
                            files[key] = fromSpooled(f, `compliance.files.${key}`);
                    }
                    compliance.push({ path, record, submission: { api: record.compliance.api, check: record.compliance.check, files } });
                }
                else {
                    const { report, sbom, sarif, ...rest } = record.payload;
                    evaluations.push({
                        path,
                        record,
                        payload: {
                            ...rest,
                            report: fromSpooled(report, 'payload.report'),
                            ...(sbom ? { sbom: fromSpooled(sbom, 'payload.sbom') } : {}),
                            ...(sarif ? { sarif: fromSpooled(sarif, 'payload.sarif') } : {}),
                        },
                    });
                }
            }
            catch (error) {
                logger?.warning(`spool: cannot read ${path}, kept and not retried (fix or delete it): ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error).split('\n')[0]}`);
            }
        }
        const byTime = (a, b) => a.record.spooledAt.localeCompare(b.record.spooledAt);
        return { evaluations: evaluations.sort(byTime), compliance: compliance.sort(byTime) };
    }
    /** Every spooled evaluation, oldest first. Unreadable files are reported and kept. */
    async list(logger) {
        return (await this.read(logger)).evaluations;
    }
    /** Every spooled compliance check, oldest first. Unreadable files are reported and kept. */
    async listCompliance(logger) {
        return (await this.read(logger)).compliance;
    }
    async remove(path) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { force: true });
    }
}
const RETRY_HINT = 'retried by the next push, or portcullis push --retry-spooled';
/** Pushes; on failure warns and spools. Never throws for a remote failure: the caller decides whether it fails the build. */
async function publish(sink, payload, options) {
    try {
        const receipt = await sink.push(payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
        options.logger.info(`pushed to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
        return { status: 'pushed', receipt };
    }
    catch (error) {
        const message = (0,_common_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error));
        const spoolPath = await options.spool.put(sink.id, options.url, payload, message);
        options.logger.warning(`push to ${sink.id} failed: ${message}; spooled to ${spoolPath} (retry with portcullis push --retry-spooled)`);
        return { status: 'spooled', spoolPath, error: message };
    }
}
/**
 * Pushes every spooled payload meant for this sink and URL (and, with `options.target`, every compliance check
 * meant for that URL); a success removes it, a failure keeps it.
 */
async function retrySpooled(sink, options) {
    const pushed = [];
    const failed = [];
    const all = await options.spool.read(options.logger);
    for (const entry of all.evaluations) {
        if (entry.record.sink !== sink.id || entry.record.url !== options.url)
            continue;
        try {
            const receipt = await sink.push(entry.payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
            await options.spool.remove(entry.path);
            pushed.push(receipt);
            options.logger.info(`pushed spooled ${entry.path} to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
        }
        catch (error) {
            const message = (0,_common_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error));
            await options.spool.put(entry.record.sink, entry.record.url, entry.payload, message, entry.record.attempts + 1);
            failed.push({ path: entry.path, error: message });
            options.logger.warning(`spooled ${entry.path} still fails: ${message}`);
        }
    }
    if (options.target) {
        const more = await retryComplianceEntries(all.compliance, options.target, options);
        pushed.push(...more.pushed);
        failed.push(...more.failed);
    }
    return { pushed, failed };
}
/** Whether a failed compliance push is worth spooling: not when the server has no runtime-compliance API at all. */
function spoolable(error) {
    return error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi && error.status !== 404;
}
/**
 * Sends one compliance check as `publish` sends an evaluation: a remote failure (network, time-out, 401, 403, 429,
 * 5xx…) warns in one line and spools the check and its files, to be sent by the next `compliance push` or
 * `portcullis push --retry-spooled`; the caller decides whether it fails the run. A 404 (no runtime-compliance
 * API on that server) and anything that is not a remote failure are thrown: retrying cannot help.
 */
async function publishCompliance(target, submission, options) {
    try {
        const res = await (0,_compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .pushCompliance */ .On)(target, submission.check, submission.files, { api: submission.api, ...(options.signal ? { signal: options.signal } : {}) });
        return { status: 'pushed', ...res };
    }
    catch (error) {
        if (!spoolable(error))
            throw error;
        const message = (0,_common_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error));
        const spoolPath = await options.spool.putCompliance(options.url, submission, message);
        options.logger.warning(`compliance push failed: ${message}; spooled to ${spoolPath} (${RETRY_HINT})`);
        return { status: 'spooled', spoolPath, error: message };
    }
}
/** Sends every compliance check spooled for `options.url`, oldest first; a success removes it, a failure keeps it. */
async function retrySpooledCompliance(target, options) {
    return retryComplianceEntries(await options.spool.listCompliance(options.logger), target, options);
}
async function retryComplianceEntries(entries, target, options) {
    const pushed = [];
    const failed = [];
    for (const entry of entries) {
        if (entry.record.url !== options.url)
            continue;
        const { check, files, api } = entry.submission;
        try {
            const res = await (0,_compliance_js__WEBPACK_IMPORTED_MODULE_4__/* .pushCompliance */ .On)(target, check, files, { api, ...(options.signal ? { signal: options.signal } : {}) });
            await options.spool.remove(entry.path);
            const id = typeof res.check.id === 'string' ? res.check.id : entry.record.compliance.idempotencyKey;
            pushed.push({ sink: COMPLIANCE_SPOOL_SINK, id, duplicate: false });
            options.logger.info(`pushed spooled ${entry.path}: the ${check.check_type} check for ${check.image_digest} through the ${res.api} API`);
        }
        catch (error) {
            const message = (0,_common_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error));
            await options.spool.putCompliance(entry.record.url, entry.submission, message, entry.record.attempts + 1);
            failed.push({ path: entry.path, error: message });
            options.logger.warning(`spooled ${entry.path} still fails: ${message}`);
        }
    }
    return { pushed, failed };
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


/***/ }),

/***/ 65561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pushEvaluation: () => (/* binding */ pushEvaluation),
/* harmony export */   storeDigest: () => (/* binding */ storeDigest)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _output_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6557);
/* harmony import */ var _publish_compliance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65348);
/* harmony import */ var _publish_list_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65655);
/* harmony import */ var _publish_sink_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22568);
/* harmony import */ var _publish_spool_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62744);






/** The digest a store keys the image by: the manifest digest, or the config digest (image id) of a `docker save` image. */
function storeDigest(image) {
    return image.manifestDigest ?? (_publish_compliance_js__WEBPACK_IMPORTED_MODULE_2__/* .DIGEST_RE */ .Vt.test(image.configDigest) ? image.configDigest : undefined);
}
/**
 * Pushes the evaluation to our store as `portcullis push` does: what earlier runs spooled first, then the JSON
 * report, the SBOM (CycloneDX) and the SARIF, all unscoped. A failure warns and spools; it never throws.
 */
async function pushEvaluation(store, report, at, logger, signal) {
    // An image read from `docker save` has no manifest digest until it is pushed: its config digest (the image id) keys it then.
    const imageDigest = storeDigest(report.image);
    if (imageDigest && !report.image.manifestDigest)
        logger.info(`store: the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}`);
    if (!imageDigest) {
        const error = 'the image has no digest to key the evaluation by';
        logger.warning(`store: ${error}; nothing was pushed`);
        return { status: 'skipped', error };
    }
    const sink = _publish_list_js__WEBPACK_IMPORTED_MODULE_3__/* .RESULT_SINKS */ .J.get('store').create(store.target);
    const options = { spool: new _publish_spool_js__WEBPACK_IMPORTED_MODULE_5__/* .Spool */ .QX(at(store.spoolDir)), url: store.target.url, logger, ...(signal ? { signal } : {}) };
    const file = (format, name, contentType) => {
        const content = _output_list_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUT_FORMATS */ .D.get(format).render(report, {});
        return { name, data: Buffer.isBuffer(content) ? content : Buffer.from(content), contentType };
    };
    const payload = (0,_publish_sink_js__WEBPACK_IMPORTED_MODULE_4__/* .makePayload */ .r)({
        imageDigest,
        ...(report.image.repoTags[0] ? { imageTag: report.image.repoTags[0] } : {}),
        ...(store.commit ? { commit: store.commit } : {}),
        ...(store.pipelineRun ? { pipelineRun: store.pipelineRun } : {}),
        report: file('json', 'portcullis-report.json', 'application/json'),
        sbom: file('cyclonedx', 'portcullis.cdx.json', 'application/json'),
        sarif: file('sarif', 'portcullis.sarif', 'application/sarif+json'),
    });
    try {
        // What earlier runs spooled goes first, so the store sees evaluations in order.
        await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_5__/* .retrySpooled */ .nt)(sink, options);
        return await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_5__/* .publish */ .mk)(sink, payload, options);
    }
    catch (e) {
        // Remote failures are spooled by publish; what is left (an unwritable spool directory) must not lose the reports.
        const error = `the push failed and could not be spooled: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}`;
        logger.warning(`store: ${error}`);
        return { status: 'skipped', error };
    }
}


/***/ })

};
