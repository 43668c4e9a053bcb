export const id = 795;
export const ids = [795,663];
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

/***/ 74805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareCommand: () => (/* binding */ compareCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/baseline/delta.ts
var baseline_delta = __webpack_require__(89041);
// EXTERNAL MODULE: ./src/baseline/render.ts
var render = __webpack_require__(58995);
;// CONCATENATED MODULE: ./src/baseline/compare.ts
/**
 * `portcullis compare BASE NEW`: what changed between two scans, packages added, removed and changed (with the
 * Dockerfile line that brought each in, when NEW was scanned with its Dockerfile), findings added and fixed, and the
 * decision before and after. Pure: the command scans or reads the two reports; this compares and renders them.
 */


const label = (r) => r.image.repoTags[0] ?? r.image.reference;
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
function originLine(report, p) {
    const layer = p.locations[0]?.provenance?.layerIndex;
    const o = layer === undefined ? undefined : report.dockerfile?.origins.find((x) => x.layerIndex === layer);
    return { ...(o?.line !== undefined ? { line: o.line } : {}), ...(o?.instruction ? { instruction: o.instruction } : {}) };
}
function byName(packages) {
    const out = new Map();
    for (const p of packages) {
        const k = `${p.type}\u0000${p.name}`;
        const list = out.get(k);
        if (list)
            list.push(p);
        else
            out.set(k, [p]);
    }
    return out;
}
const versions = (list) => [...new Set((list ?? []).map((p) => p.version))].sort();
function findingChange(report, f) {
    const { line } = originLine(report, f);
    return { id: f.id, aliases: f.aliases, severity: f.severity, packageType: f.packageType, packageName: f.packageName, installedVersion: f.installedVersion, fix: f.fix, ...(line !== undefined ? { line } : {}) };
}
function compareReports(base, next) {
    const before = byName(base.packages);
    const after = byName(next.packages);
    const added = [];
    const removed = [];
    const changed = [];
    for (const [k, list] of after) {
        const old = before.get(k);
        const first = list[0];
        const where = { ...originLine(next, first), ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) };
        if (!old)
            added.push({ type: first.type, name: first.name, before: [], after: versions(list), ...where });
        else if (versions(old).join('\u0000') !== versions(list).join('\u0000'))
            changed.push({ type: first.type, name: first.name, before: versions(old), after: versions(list), ...where });
    }
    for (const [k, list] of before) {
        if (after.has(k))
            continue;
        const first = list[0];
        removed.push({ type: first.type, name: first.name, before: versions(list), after: [], ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) });
    }
    const order = (a, b) => cmp(a.type, b.type) || cmp(a.name, b.name);
    const delta = (0,baseline_delta/* applyDelta */.TM)(next, base, { source: label(base), kind: 'report' }, 'all');
    const sev = (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || cmp(a.id, b.id) || cmp(a.packageName, b.packageName);
    const side = (r) => ({ reference: r.image.reference, label: label(r), ...(r.image.manifestDigest ? { manifestDigest: r.image.manifestDigest } : {}), decision: r.decision, packages: r.packages.length, findings: r.findings.length });
    return {
        base: side(base),
        new: side(next),
        packages: { added: added.sort(order), removed: removed.sort(order), changed: changed.sort(order) },
        findings: {
            added: delta.findings.filter((f) => f.baseline === 'new').map((f) => findingChange(next, f)).sort(sev),
            fixed: delta.baseline.fixed.findings.map((f) => findingChange(base, f)).sort(sev),
            existing: delta.baseline.counts.findings.existing,
        },
        decision: { before: base.decision, after: next.decision, newOnly: delta.baseline.newDecision },
    };
}
const vtext = (v) => v.join(', ') || '-';
const fixText = (f) => (f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state);
const lineText = (c) => (c.line !== undefined ? `line ${c.line}${c.instruction ? `: ${c.instruction}` : ''}` : '');
function headline(c) {
    const p = c.packages;
    return `packages +${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed; findings +${c.findings.added.length} new, -${c.findings.fixed.length} fixed (${c.findings.existing} in both); decision ${c.decision.before} → ${c.decision.after} (new only: ${c.decision.newOnly})`;
}
/** Columns padded to their widest cell. */
function columns(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}
function renderComparisonText(c) {
    const out = [`${c.base.label} → ${c.new.label}`, headline(c)];
    const p = c.packages;
    const pkgRows = [
        ...p.added.map((x) => ['+', x.type, x.name, '', vtext(x.after), lineText(x)]),
        ...p.removed.map((x) => ['-', x.type, x.name, vtext(x.before), '', '']),
        ...p.changed.map((x) => ['~', x.type, x.name, vtext(x.before), vtext(x.after), lineText(x)]),
    ];
    if (pkgRows.length)
        out.push('', 'PACKAGES', ...columns([['', 'TYPE', 'NAME', 'BEFORE', 'AFTER', 'DOCKERFILE'], ...pkgRows]));
    const fRows = [
        ...c.findings.added.map((f) => ['+', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
        ...c.findings.fixed.map((f) => ['-', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
    ];
    if (fRows.length)
        out.push('', 'FINDINGS', ...columns([['', 'SEVERITY', 'VULNERABILITY', 'PACKAGE', 'VERSION', 'FIXED IN'], ...fRows]));
    return `${out.join('\n')}\n`;
}
function md(s) {
    return s.replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
function renderComparisonMarkdown(c) {
    const p = c.packages;
    const out = [
        `### Compare ${(0,render/* codeSpan */.SS)(c.base.label)} → ${(0,render/* codeSpan */.SS)(c.new.label)}`,
        '',
        `| | Before | After |`,
        '|---|---|---|',
        `| Decision | ${c.decision.before} | **${c.decision.after}** (new only: **${c.decision.newOnly}**) |`,
        `| Packages | ${c.base.packages} | ${c.new.packages} (+${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed) |`,
        `| Findings | ${c.base.findings} | ${c.new.findings} (+${c.findings.added.length} new, -${c.findings.fixed.length} fixed) |`,
    ];
    if (p.added.length + p.removed.length + p.changed.length) {
        out.push('', '**Packages**', '', '| | Type | Name | Before | After | Dockerfile |', '|---|---|---|---|---|---|');
        for (const x of p.added)
            out.push(`| + | ${x.type} | ${md(x.name)} | | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
        for (const x of p.removed)
            out.push(`| - | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | | |`);
        for (const x of p.changed)
            out.push(`| ~ | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
    }
    if (c.findings.added.length + c.findings.fixed.length) {
        out.push('', '**Findings**', '', '| | Severity | Vulnerability | Package | Version | Fixed in |', '|---|---|---|---|---|---|');
        for (const f of c.findings.added)
            out.push(`| + new | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
        for (const f of c.findings.fixed)
            out.push(`| - fixed | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
    }
    return `${out.join('\n')}\n`;
}
function renderComparisonJson(c) {
    return `${JSON.stringify(c, null, 2)}\n`;
}
const COMPARISON_FORMATS = { table: renderComparisonText, markdown: renderComparisonMarkdown, json: renderComparisonJson };

// EXTERNAL MODULE: ./src/baseline/load.ts
var load = __webpack_require__(47663);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/scan/pipeline.ts + 4 modules
var pipeline = __webpack_require__(41558);
// EXTERNAL MODULE: ./src/cli/source-options.ts
var source_options = __webpack_require__(90166);
;// CONCATENATED MODULE: ./src/cli/commands/compare.ts






const FORMATS = Object.keys(COMPARISON_FORMATS);
/** A previous JSON report when `arg` is a file holding one; undefined for an image reference. */
async function reportAt(arg) {
    let text;
    try {
        text = await (0,promises_.readFile)(arg, 'utf8');
    }
    catch {
        return undefined;
    }
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${arg} is a file but not JSON: give a Portcullis JSON report (scan -o json) or an image reference`);
    }
    if (!(0,load.isScanReport)(doc))
        throw new errors/* ConfigurationError */.j1(`${arg} is not a Portcullis JSON report (scan -o json); scan an SBOM as sbom:${arg}`);
    return doc;
}
const compareCommand = {
    id: 'compare',
    register(program, ctx) {
        (0,source_options/* addVulnerabilityDataOptions */.w7)((0,source_options/* addSourceOptions */.F6)(program
            .command('compare')
            .description('compare two images or two JSON reports: packages added, removed and changed, findings new and fixed, the decision before and after')
            .argument('<base>', 'the baseline: an image reference (as scan takes) or a Portcullis JSON report')
            .argument('<new>', 'the image or report to compare with it')
            .option('-o, --output <format>', `${FORMATS.join(', ')}`, 'table')
            .option('--policy <path>', 'policy bundle for the images scanned (default: the bundled default policy)')
            .option('--dockerfile <path>', 'the Dockerfile that built NEW (packages and findings get its lines)'))).action(async (base, next, opts) => {
            const format = String(opts.output);
            if (!FORMATS.includes(format))
                throw new errors/* ConfigurationError */.j1(`-o must be one of ${FORMATS.join(', ')}, got "${String(opts.output)}"`);
            const source = await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx);
            const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
            const vulnerabilities = (0,source_options/* vulnerabilityDataFrom */.JS)(opts, ctx.env, sourceRest);
            const scan = async (ref, dockerfile) => {
                const config = {
                    image: ref,
                    source: sourceRest,
                    ...(maxFileBytes ? { maxFileBytes } : {}),
                    ...(dockerfile && typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
                    ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
                    failOn: 'never',
                    outputs: ['json'],
                    vulnerabilities,
                };
                return (await (0,pipeline.runScan)(config, { env: ctx.env, logger: ctx.logger })).report;
            };
            const before = (await reportAt(base)) ?? (await scan(base, false));
            const after = (await reportAt(next)) ?? (await scan(next, true));
            ctx.out(COMPARISON_FORMATS[format](compareReports(before, after)));
        });
    },
};


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
