export const id = 321;
export const ids = [321,663];
export const modules = {

/***/ 47663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STORE_PREFIX: () => (/* binding */ STORE_PREFIX),
/* harmony export */   baseBranchOf: () => (/* binding */ baseBranchOf),
/* harmony export */   branchTag: () => (/* binding */ branchTag),
/* harmony export */   isScanReport: () => (/* binding */ isScanReport),
/* harmony export */   loadBaseline: () => (/* binding */ loadBaseline),
/* harmony export */   parseBaselineRef: () => (/* binding */ parseBaselineRef)
/* harmony export */ });
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
        const loaded = await (0,_load_js__WEBPACK_IMPORTED_MODULE_3__.loadBaseline)(config.ref, { ...ctx, repoTags: report.image.repoTags, ...(config.store ? { store: config.store } : {}), ...(config.baseBranch ? { baseBranch: config.baseBranch } : {}) });
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
