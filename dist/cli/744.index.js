export const id = 744;
export const ids = [744];
export const modules = {

/***/ 89041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ applyDelta),
/* harmony export */   Zz: () => (/* binding */ gatingDecision)
/* harmony export */ });
/* unused harmony export newOnlyDecision */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79733);
/**
 * The delta of a scan against its baseline: every finding and fired trigger marked `new` or `existing`, what the
 * baseline had and the scan lacks listed apart as `fixed`, and the decision of the new triggers alone. Pure.
 */

const RANK = { GO: 0, WARN: 1, STOP: 2 };
function worst(decisions) {
    let out = 'GO';
    for (const d of decisions)
        if (RANK[d] > RANK[out])
            out = d;
    return out;
}
const decisionOfAction = (a) => (a === 'stop' ? 'STOP' : a === 'warn' ? 'WARN' : 'GO');
function keySet(lists) {
    const out = new Set();
    for (const keys of lists)
        for (const k of keys)
            out.add(k);
    return out;
}
const hasAny = (set, keys) => keys.some((k) => set.has(k));
/**
 * The decision of the new triggers only. The image deny list still stops (unless the baseline was denied too: then
 * it is not new), the image allow list still passes, and an image no mapping selects is GO, as in the full decision.
 */
function newOnlyDecision(current, baseline, triggers) {
    const reason = current.policy?.final_action_reason;
    if (reason === 'allowlisted')
        return 'GO';
    if (reason === 'denylisted' && baseline.policy?.final_action_reason !== 'denylisted')
        return 'STOP';
    return worst(triggers.filter((t) => t.baseline === 'new').map((t) => decisionOfAction(t.action)));
}
/** The scan report with its findings and triggers marked against `baseline`, and `report.baseline` set. */
function applyDelta(current, baseline, from, failScope) {
    const baseFindings = keySet(baseline.findings.map(_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux));
    const nowFindings = keySet(current.findings.map(_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux));
    const findings = current.findings.map((f) => ({ ...f, baseline: hasAny(baseFindings, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux)(f)) ? 'existing' : 'new' }));
    const fixedFindings = baseline.findings.filter((f) => !hasAny(nowFindings, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux)(f))).map((f) => ({ ...f, baseline: 'fixed' }));
    const baseIndex = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingsByTriggerId */ .TS)(baseline.findings);
    const nowIndex = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingsByTriggerId */ .TS)(current.findings);
    const baseTriggers = keySet((baseline.policy?.findings ?? []).map((p) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, baseIndex)));
    const nowTriggers = keySet((current.policy?.findings ?? []).map((p) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, nowIndex)));
    const triggers = (current.policy?.findings ?? []).map((p) => ({ ...p, baseline: hasAny(baseTriggers, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, nowIndex)) ? 'existing' : 'new' }));
    const fixedTriggers = (baseline.policy?.findings ?? []).filter((p) => !hasAny(nowTriggers, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, baseIndex))).map((p) => ({ ...p, baseline: 'fixed' }));
    const fresh = triggers.filter((t) => t.baseline === 'new');
    const summary = {
        source: from.source,
        kind: from.kind,
        image: { reference: baseline.image.reference, ...(baseline.image.manifestDigest ? { manifestDigest: baseline.image.manifestDigest } : {}), repoTags: baseline.image.repoTags },
        createdAt: baseline.createdAt,
        decision: baseline.decision,
        newDecision: newOnlyDecision(current, baseline, triggers),
        failScope,
        counts: {
            findings: { new: findings.filter((f) => f.baseline === 'new').length, existing: findings.filter((f) => f.baseline === 'existing').length, fixed: fixedFindings.length },
            triggers: {
                new: fresh.length,
                existing: triggers.length - fresh.length,
                fixed: fixedTriggers.length,
                newStop: fresh.filter((t) => t.action === 'stop').length,
                newWarn: fresh.filter((t) => t.action === 'warn').length,
            },
        },
        fixed: { findings: fixedFindings, triggers: fixedTriggers },
    };
    return { ...current, findings, ...(current.policy ? { policy: { ...current.policy, findings: triggers } } : {}), baseline: summary };
}
/** The decision the exit code is taken from: the new-only one under `--fail-scope new`, the full one otherwise. */
function gatingDecision(report) {
    return report.baseline?.failScope === 'new' ? report.baseline.newDecision : report.decision;
}


/***/ }),

/***/ 47663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oU: () => (/* binding */ loadBaseline),
/* harmony export */   vr: () => (/* binding */ baseBranchOf),
/* harmony export */   wW: () => (/* binding */ isScanReport)
/* harmony export */ });
/* unused harmony exports STORE_PREFIX, parseBaselineRef, branchTag */
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ applyBaseline),
/* harmony export */   gb: () => (/* binding */ parseFailScope)
/* harmony export */ });
/* unused harmony exports FAIL_SCOPES, checkSameRepository */
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

/***/ 58485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ addTargetOptions),
/* harmony export */   Ct: () => (/* binding */ spoolDirOf),
/* harmony export */   Wf: () => (/* binding */ pushCommand)
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
        const digest = typeof image.configDigest === 'string' || typeof image.manifestDigest === 'string' ? (0,_scan_store_push_js__WEBPACK_IMPORTED_MODULE_8__/* .storeDigest */ .s)({ configDigest: '', ...image }) : undefined;
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
            const target = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__/* .targetFrom */ .C)(opts, ctx.env);
            const kind = _publish_list_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_SINKS */ .J.get(opts.sink);
            if (!target) {
                if (opts.retrySpooled || opts.storeFailOnError)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('no store configured: give --store-url or PORTCULLIS_STORE_URL');
                ctx.logger.warning('push: no store configured (--store-url or PORTCULLIS_STORE_URL); nothing was pushed');
                return;
            }
            const sink = kind.create(target);
            const spool = new _publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .Spool */ .QX(spoolDirOf(opts.spoolDir, ctx.env));
            const publishOptions = { spool, url: target.url, logger: ctx.logger };
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
            const keys = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__/* .ciKeys */ .R)(ctx.env);
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

/***/ 59744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanCommand: () => (/* binding */ scanCommand)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _image_layer_cache_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55769);
/* harmony import */ var _output_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20571);
/* harmony import */ var _publish_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47018);
/* harmony import */ var _scan_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19087);
/* harmony import */ var _scan_pipeline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96153);
/* harmony import */ var _source_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90166);
/* harmony import */ var _push_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58485);
/* harmony import */ var _common_progress_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(95534);
/* harmony import */ var _baseline_load_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47663);
/* harmony import */ var _baseline_stage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6321);











const collect = (value, previous = []) => [...previous, value];
const scanCommand = {
    id: 'scan',
    register(program, ctx) {
        (0,_source_options_js__WEBPACK_IMPORTED_MODULE_6__/* .addSourceOptions */ .F6)((0,_source_options_js__WEBPACK_IMPORTED_MODULE_6__/* .addVulnerabilityDataOptions */ .w7)(program
            .command('scan')
            .description('scan an image: catalog its packages, match vulnerabilities, evaluate the policy bundle, write reports')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH (a CycloneDX, SPDX or Portcullis JSON SBOM instead of an image)')
            .option('--max-database-bytes <n>', 'content cap of each known package database (dpkg status, the apk database, rpmdbs), in bytes; default 512 MiB, or --max-file-bytes (64 MiB by default) when larger. A database over it is an unknown, a warning and a packages/catalog_incomplete trigger')
            .option('--layer-cache <dir>', 'the per-layer analysis cache: layers analysed before are not read again, nor downloaded (default: $XDG_CACHE_HOME/portcullis/layers, or layers in $PORTCULLIS_CACHE_DIR)')
            .option('--no-layer-cache', 'read every layer; neither use nor write the layer cache')
            .option('--layer-cache-max-size <size>', 'bound of the layer cache (512M, 2G, or bytes); least recently used entries go first', '2G')
            .option('--dockerfile <path>', 'the Dockerfile that built the image (dockerfile gate; findings mapped to its lines)')
            .option('--policy <path>', 'policy bundle, JSON or YAML (default: the bundled default policy)')
            .option('--fail-on <when>', 'stop: exit 1 on STOP and 2 on WARN; warn: exit 1 on WARN or STOP; never: always exit 0', 'stop')
            .option('-o, --output <format[=path]>', `a report to write, repeatable; standard output without a path (default: table). Formats: ${_output_list_js__WEBPACK_IMPORTED_MODULE_2__/* .OUTPUT_FORMATS */ .D.ids().join(', ')}`, collect, [])
            .option('--severity-cutoff <severity>', 'report scope: leave out findings below this severity (critical, high, medium, low, negligible)')
            .option('--only-fixed', 'report scope: show only findings that have a fix')
            .option('--no-color', 'no colour in the table, even on a terminal (or NO_COLOR; FORCE_COLOR forces it)')
            .option('--ignore-file <path>', 'vulnerability ignores (.portcullis-ignore.yaml)')
            .option('--vex <path>', 'an OpenVEX document, repeatable', collect, [])
            .option('--compliance-summary <file>', 'an oscap-summary.json from portcullis compliance oscap, for the compliance gate; repeatable', collect, [])
            .option('--compliance-from-store', 'also read the image\'s latest compliance checks from the store (--store-url; the token needs the read scope)')
            .option('--store-url <url>', 'push the evaluation (JSON report, SBOM, SARIF) to this store after the reports are written (env PORTCULLIS_STORE_URL)')
            .option('--store-token <token>', 'bearer token for the store, push scope (env PORTCULLIS_STORE_TOKEN)')
            .option('--store-fail-on-error', 'a failed push fails the scan (exit 3 unless it STOPs) instead of warning and spooling only')
            .option('--spool-dir <dir>', 'where failed pushes wait for the next run (env PORTCULLIS_SPOOL_DIR)')
            // --baseline (issue 18): one block.
            .option('--baseline <ref>', 'mark findings and triggers new or existing against a baseline: a previous JSON report, an SBOM (scanned with today\'s data), store: (the store\'s latest evaluation of this repository tagged with the base branch) or store:REPO:TAG')
            .option('--fail-scope <scope>', 'all: exit on every STOP/WARN trigger; new: only on the new ones (needs --baseline; the decision shown stays the full one)', 'all')
            .option('--baseline-optional', 'a baseline that cannot be read, or of another repository, warns and the scan fails on every trigger (--fail-scope all) instead of exiting 3'))).action(async (ref, opts) => {
            const source = await (0,_source_options_js__WEBPACK_IMPORTED_MODULE_6__/* .buildSourceOptions */ .Qv)(opts, ctx);
            const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
            let maxDatabaseBytes;
            if (opts.maxDatabaseBytes !== undefined) {
                maxDatabaseBytes = Number(opts.maxDatabaseBytes);
                if (!Number.isInteger(maxDatabaseBytes) || maxDatabaseBytes <= 0)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-database-bytes must be a positive integer, got "${String(opts.maxDatabaseBytes)}"`);
            }
            const layerCacheMax = (0,_image_layer_cache_store_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSize */ .DB)(String(opts.layerCacheMaxSize));
            if (layerCacheMax === undefined)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--layer-cache-max-size must be a size such as 512M, 2G or a number of bytes, got "${String(opts.layerCacheMaxSize)}"`);
            const config = {
                image: ref,
                source: sourceRest,
                ...(maxFileBytes ? { maxFileBytes } : {}),
                ...(maxDatabaseBytes ? { maxDatabaseBytes } : {}),
                ...(opts.layerCache !== false ? { layerCache: { dir: typeof opts.layerCache === 'string' ? opts.layerCache : (0,_image_layer_cache_store_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultLayerCacheDir */ .ke)(ctx.env), maxBytes: layerCacheMax } } : {}),
                ...(typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
                ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
                failOn: (0,_scan_config_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFailOn */ .XV)(String(opts.failOn)),
                outputs: opts.output,
                ...(typeof opts.severityCutoff === 'string' ? { severityCutoff: (0,_scan_config_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSeverity */ .lv)(opts.severityCutoff) } : {}),
                ...(opts.onlyFixed ? { onlyFixed: true } : {}),
                color: opts.color !== false && (0,_common_progress_js__WEBPACK_IMPORTED_MODULE_10__/* .wantsColor */ .zK)(process.stdout, ctx.env),
                width: (0,_common_progress_js__WEBPACK_IMPORTED_MODULE_10__/* .terminalWidth */ .JL)(process.stdout, ctx.env),
                vulnerabilities: {
                    ...(0,_source_options_js__WEBPACK_IMPORTED_MODULE_6__/* .vulnerabilityDataFrom */ .JS)(opts, ctx.env, sourceRest),
                    ...(typeof opts.ignoreFile === 'string' ? { ignoreFile: opts.ignoreFile } : {}),
                    vex: opts.vex,
                },
            };
            const summaries = opts.complianceSummary;
            if (summaries.length)
                config.complianceSummaries = summaries;
            const target = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_3__/* .targetFrom */ .C)({ ...(typeof opts.storeUrl === 'string' ? { storeUrl: opts.storeUrl } : {}), ...(typeof opts.storeToken === 'string' ? { storeToken: opts.storeToken } : {}) }, ctx.env);
            if (target) {
                config.store = { target, spoolDir: (0,_push_js__WEBPACK_IMPORTED_MODULE_7__/* .spoolDirOf */ .Ct)(typeof opts.spoolDir === 'string' ? opts.spoolDir : undefined, ctx.env), failOnError: Boolean(opts.storeFailOnError), ...(0,_publish_target_js__WEBPACK_IMPORTED_MODULE_3__/* .ciKeys */ .R)(ctx.env) };
            }
            else if (opts.storeFailOnError || opts.complianceFromStore) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${opts.storeFailOnError ? '--store-fail-on-error' : '--compliance-from-store'} needs a store: give --store-url or PORTCULLIS_STORE_URL`);
            }
            if (target && opts.complianceFromStore)
                config.complianceStore = target;
            // --baseline (issue 18)
            const failScope = (0,_baseline_stage_js__WEBPACK_IMPORTED_MODULE_9__/* .parseFailScope */ .gb)(String(opts.failScope));
            if (typeof opts.baseline === 'string') {
                const baseBranch = (0,_baseline_load_js__WEBPACK_IMPORTED_MODULE_8__/* .baseBranchOf */ .vr)(ctx.env);
                config.baseline = { ref: opts.baseline, failScope, optional: Boolean(opts.baselineOptional), ...(target ? { store: target } : {}), ...(baseBranch ? { baseBranch } : {}) };
            }
            else if (failScope === 'new' || opts.baselineOptional) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${failScope === 'new' ? '--fail-scope new' : '--baseline-optional'} needs --baseline`);
            }
            const result = await (0,_scan_pipeline_js__WEBPACK_IMPORTED_MODULE_5__/* .runScan */ .H)(config, { env: ctx.env, logger: ctx.logger });
            for (const w of result.written)
                if (w.path === undefined)
                    ctx.out(typeof w.content === 'string' ? w.content : w.content.toString('utf8'));
            // With a baseline, the new-only decision beside the full one (and which of them the exit code follows).
            const b = result.report.baseline;
            ctx.logger.info(`decision: ${result.report.decision}${b ? ` (new only: ${b.newDecision}${b.failScope === 'new' ? ', the exit code: --fail-scope new' : ''})` : ''}`);
            if (result.outcome === 'remote-error' && result.store && result.store.status !== 'pushed') {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`the evaluation was not pushed to the store (--store-fail-on-error): ${result.store.error}`);
            }
            ctx.outcome = result.outcome;
        });
    },
};


/***/ }),

/***/ 55769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   ke: () => (/* binding */ defaultLayerCacheDir),
/* harmony export */   y_: () => (/* binding */ LayerCache)
/* harmony export */ });
/* unused harmony export DEFAULT_LAYER_CACHE_MAX_BYTES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _codec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21822);
/* harmony import */ var _key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59951);






/** What a cache holds at most unless told (`--layer-cache-max-size`). */
const DEFAULT_LAYER_CACHE_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** The first bytes of every entry. */
const MAGIC = Buffer.from('portcullis layer cache\n', 'ascii');
const ENTRY = /^[0-9a-f]{64}\.layer$/;
const TEMP_PREFIX = '.tmp-';
/** A temporary file older than this was left by a process that died; eviction removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/**
 * `layers` in the cache folder the vulnerability database uses: `$PORTCULLIS_CACHE_DIR/layers`, else
 * `$XDG_CACHE_HOME/portcullis/layers`, else `~/.cache/portcullis/layers`.
 */
function defaultLayerCacheDir(env = process.env) {
    if (env.PORTCULLIS_CACHE_DIR)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.PORTCULLIS_CACHE_DIR, 'layers');
    if (env.XDG_CACHE_HOME)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_CACHE_HOME, 'portcullis', 'layers');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache', 'portcullis', 'layers');
}
/** `512M`, `2G`, `1.5GiB`, `1000000` (bytes): a size for `--layer-cache-max-size`; undefined when it is not one. */
function parseSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?\s*$/i.exec(text);
    if (!m)
        return undefined;
    const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[(m[2] ?? '').toLowerCase()] ?? 1;
    const n = Math.floor(Number(m[1]) * unit);
    return Number.isSafeInteger(n) ? n : undefined;
}
/**
 * A folder of layer analyses, one file per key. An entry is a magic line, a JSON header line (format, key, diff_id,
 * body length, sha256 of the body) and the body; it is trusted only when all of them agree. Entries are written to a
 * temporary file and renamed into place, so a reader sees a whole entry or none, whatever other scans do at the
 * same time. Each hit sets the entry's access time; once a scan has written, the least recently used entries are
 * removed until the folder is within `maxBytes`.
 */
class LayerCache {
    dir;
    maxBytes;
    stats = { hits: 0, misses: 0, rejected: 0, written: 0, bytesRead: 0, bytesWritten: 0, evicted: 0 };
    constructor(dir, maxBytes = DEFAULT_LAYER_CACHE_MAX_BYTES) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }
    pathOf(key) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.dir, `${key}.layer`);
    }
    /** Looks an entry up. An entry that is there but fails a check is `corrupt`, with why; the caller reads the layer. */
    async get(key, diffId) {
        const path = this.pathOf(key);
        let bytes;
        try {
            bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path);
        }
        catch (e) {
            if (e.code === 'ENOENT') {
                this.stats.misses++;
                return { kind: 'absent' };
            }
            this.stats.rejected++;
            return { kind: 'corrupt', reason: `cannot read ${path} (${e.message})` };
        }
        const checked = checkEntry(bytes, key, diffId);
        if (typeof checked === 'string') {
            this.stats.rejected++;
            return { kind: 'corrupt', reason: checked };
        }
        let value;
        try {
            value = (0,_codec_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeValue */ .wz)(checked);
        }
        catch (e) {
            this.stats.rejected++;
            return { kind: 'corrupt', reason: e.message };
        }
        this.stats.hits++;
        this.stats.bytesRead += bytes.length;
        // The access time is what eviction goes by (mounts with noatime or relatime would not keep it).
        const now = new Date();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path)
            .then((s) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.utimes)(path, now, s.mtime))
            .catch(() => { });
        return { kind: 'hit', value, bytes: bytes.length };
    }
    /** Writes an entry atomically (temporary file, fsync, rename). Answers the entry's size. Throws UncacheableError for a value the codec refuses. */
    async put(key, diffId, value) {
        const body = (0,_codec_js__WEBPACK_IMPORTED_MODULE_5__/* .encodeValue */ .It)(value);
        const header = Buffer.from(`${JSON.stringify({ format: _key_js__WEBPACK_IMPORTED_MODULE_4__/* .LAYER_CACHE_FORMAT */ .tb, key, diffId, bodyBytes: body.length, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex') })}\n`, 'utf8');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(this.dir, { recursive: true });
        const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.dir, `${TEMP_PREFIX}${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temp, 'wx', 0o600);
        try {
            await handle.writev([MAGIC, header, body]);
            await handle.sync();
        }
        catch (e) {
            await handle.close().catch(() => { });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => { });
            throw e;
        }
        await handle.close();
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, this.pathOf(key));
        }
        catch (e) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => { });
            throw e;
        }
        const size = MAGIC.length + header.length + body.length;
        this.stats.written++;
        this.stats.bytesWritten += size;
        return size;
    }
    /** Every entry with its size and access time, and the total. */
    async list() {
        let names;
        try {
            names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(this.dir);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return { entries: [], totalBytes: 0 };
            throw e;
        }
        const entries = [];
        const now = Date.now();
        for (const name of names) {
            const isEntry = ENTRY.test(name);
            if (!isEntry && !name.startsWith(TEMP_PREFIX))
                continue;
            const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.dir, name)).catch(() => undefined);
            if (!s?.isFile())
                continue;
            if (!isEntry) {
                if (now - s.mtimeMs > STALE_TEMP_MS)
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.dir, name)).catch(() => { });
                continue;
            }
            entries.push({ name, bytes: s.size, atimeMs: s.atimeMs });
        }
        return { entries, totalBytes: entries.reduce((n, e) => n + e.bytes, 0) };
    }
    /**
     * Removes the least recently used entries until the folder holds at most `maxBytes`. An entry another scan is
     * reading stays readable to it (it holds the file open); another scan evicting at the same time is harmless.
     */
    async evict() {
        const { entries, totalBytes } = await this.list();
        let total = totalBytes;
        let removed = 0;
        let bytes = 0;
        if (total <= this.maxBytes)
            return { removed, bytes };
        entries.sort((a, b) => a.atimeMs - b.atimeMs || (a.name < b.name ? -1 : 1));
        for (const e of entries) {
            if (total <= this.maxBytes)
                break;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.dir, e.name));
                removed++;
                bytes += e.bytes;
            }
            catch {
                // gone already (another scan evicted it)
            }
            total -= e.bytes;
        }
        this.stats.evicted += removed;
        return { removed, bytes };
    }
}
/** The body of a well-formed entry for `key` and `diffId`, or why it is not one. */
function checkEntry(bytes, key, diffId) {
    if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
        return 'not a Portcullis layer-cache entry';
    const eol = bytes.indexOf(0x0a, MAGIC.length);
    if (eol < 0)
        return 'truncated header';
    let header;
    try {
        header = JSON.parse(bytes.toString('utf8', MAGIC.length, eol));
    }
    catch {
        return 'unreadable header';
    }
    if (header === null || typeof header !== 'object')
        return 'unreadable header';
    if (header.format !== _key_js__WEBPACK_IMPORTED_MODULE_4__/* .LAYER_CACHE_FORMAT */ .tb)
        return `cache format ${String(header.format)}, not ${_key_js__WEBPACK_IMPORTED_MODULE_4__/* .LAYER_CACHE_FORMAT */ .tb}`;
    if (header.key !== key || header.diffId !== diffId)
        return 'the entry is for another layer or analysis';
    const body = bytes.subarray(eol + 1);
    if (body.length !== header.bodyBytes)
        return `truncated or padded: the header says ${String(header.bodyBytes)} bytes, the body has ${body.length}`;
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex') !== header.sha256)
        return 'checksum mismatch';
    return body;
}


/***/ }),

/***/ 45566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e9: () => (/* binding */ PolicyValidationError),
  bS: () => (/* binding */ buildBundle),
  Jp: () => (/* binding */ checkBundle),
  po: () => (/* binding */ loadBundle),
  Du: () => (/* binding */ loadBundleFile),
  Tp: () => (/* binding */ parseDocument)
});

// UNUSED EXPORTS: yamlDepth

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
// EXTERNAL MODULE: ./src/policy/gate.ts
var policy_gate = __webpack_require__(55375);
;// CONCATENATED MODULE: ./src/policy/gates/eol.ts
const EOL_GATES = {
    anchoresec: { supersededBy: 'vulnerabilities', triggers: ['vulnlow', 'vulnmedium', 'vulnhigh', 'vulncritical', 'vulnunknown', 'feedoutofdate', 'unsupporteddistro'] },
    dockerfilecheck: { supersededBy: 'dockerfile', triggers: ['directivecheck', 'effectiveuser', 'expose', 'nofrom', 'fromscratch', 'notag', 'sudo', 'volumepresent', 'nohealthcheck', 'nodockerfile'] },
    pkgblacklist: { supersededBy: 'packages', triggers: ['pkgfullmatch', 'pkgnamematch'] },
    pkgcheck: { supersededBy: 'packages', triggers: ['pkgnotpresent', 'verify'] },
    pkgdiff: { triggers: ['pkgversiondiff', 'pkgadd', 'pkgdel', 'pkgdiff'] },
    suiddiff: { triggers: ['suidmodediff', 'suidfileadd', 'suidfiledel', 'suiddiff'] },
    imagecheck: { triggers: ['baseoutofdate'] },
    filecheck: { supersededBy: 'files', triggers: ['contentmatch', 'filenamematch', 'suidsgidcheck'] },
    fileparse_passwd: { supersededBy: 'passwd_file', triggers: ['filenotstored', 'usernamematch', 'useridmatch', 'groupidmatch', 'shellmatch', 'pentrymatch'] },
    gemcheck: { supersededBy: 'ruby_gems', triggers: ['gemnotlatest', 'gemnotofficial', 'gembadversion', 'gempkgfullmatch', 'gempkgnamematch', 'gemnofeed'] },
    npmcheck: { supersededBy: 'npms', triggers: ['npmnotlatest', 'npmnotofficial', 'npmbadversion', 'npmpkgfullmatch', 'npmpkgnamematch', 'npmnofeed'] },
    licblacklist: { supersededBy: 'licenses', triggers: ['licfullmatch', 'licsubmatch'] },
    metadatacheck: { supersededBy: 'metadata', triggers: ['attributecheck'] },
    secretcheck: { supersededBy: 'secret_scans', triggers: ['contentmatch', 'filenamematch'] },
};

// EXTERNAL MODULE: ./src/policy/gates/list.ts + 16 modules
var list = __webpack_require__(79975);
// EXTERNAL MODULE: ./src/policy/params.ts
var policy_params = __webpack_require__(76734);
;// CONCATENATED MODULE: ./src/policy/bundle.ts








/** A bundle that does not load. It never half-loads: every problem is listed, and nothing is evaluated. */
class PolicyValidationError extends errors/* ConfigurationError */.j1 {
    source;
    problems;
    name = 'PolicyValidationError';
    constructor(source, problems) {
        // The first line stands alone (CLIs print only it); the full list follows.
        super(`${source}: invalid policy bundle: ${problems[0]?.path}: ${problems[0]?.message}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '') +
            `\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        this.source = source;
        this.problems = problems;
    }
}
/** Parses JSON or YAML text (YAML is a superset; JSON is tried first for its precise errors). */
function parseDocument(text, source) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        return (0,json/* parseJson */.qF)(text, { what: source });
    }
    // YAML's parser recurses per level of nesting: the same bound is checked on its flow and block structure first.
    const depth = yamlDepth(text, json/* DEFAULT_MAX_JSON_DEPTH */.kF);
    if (depth > json/* DEFAULT_MAX_JSON_DEPTH */.kF)
        throw new errors/* ConfigurationError */.j1(`${source} is nested too deeply (more than ${json/* DEFAULT_MAX_JSON_DEPTH */.kF} levels)`);
    try {
        return (0,js_yaml/* load */.Hh)(text, { filename: source });
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${source}: not valid YAML: ${e.message.split('\n')[0]}`, { cause: e });
    }
}
/**
 * An upper bound on a YAML document's nesting, without parsing it: the deepest flow nesting (`[`, `{`) and, per
 * line, the indentation plus the compact `- ` sequence starts, since each block level needs one of them.
 */
function yamlDepth(text, stopAbove) {
    let max = (0,json/* jsonDepth */.QV)(text, stopAbove);
    for (const line of text.split('\n')) {
        const m = /^([ \t]*)((?:-[ \t]+)*)/.exec(line);
        const depth = m[1].length + (m[2].match(/-/g)?.length ?? 0);
        if (depth > max)
            max = depth;
        if (max > stopAbove)
            break;
    }
    return max;
}
async function loadBundleFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read policy bundle ${path}: ${e.message}`, { cause: e });
    }
    return loadBundle(text, path);
}
function loadBundle(text, source = 'bundle') {
    return buildBundle(parseDocument(text, source), source);
}
/** Validates and normalises a parsed document. Throws PolicyValidationError listing every problem. */
function buildBundle(doc, source = 'bundle') {
    const { bundle, problems } = checkBundle(doc);
    if (problems.length > 0 || !bundle)
        throw new PolicyValidationError(source, problems);
    return bundle;
}
/** Every problem of a document, and the bundle when there are none. */
function checkBundle(doc) {
    const v = new Validator();
    const bundle = v.bundle(doc);
    return v.problems.length > 0 ? { problems: v.problems } : { bundle, problems: [] };
}
/** Bundle keys of each format, and the keys that mark a format. */
const V1_KEYS = {
    bundle: ['id', 'name', 'comment', 'version', 'policies', 'whitelists', 'mappings', 'whitelisted_images', 'blacklisted_images', 'description', 'last_updated'],
};
const V2_MARKERS = ['rule_sets', 'allowlists', 'allowlisted_images', 'denylisted_images', 'source_mappings', 'sbom_mappings'];
const V1_MARKERS = ['policies', 'whitelists', 'whitelisted_images', 'blacklisted_images'];
const V2_SCHEMA = {
    policy: { required: ['id', 'name', 'version', 'rule_sets', 'mappings'], optional: ['description', 'allowlists', 'allowlisted_images', 'denylisted_images', 'source_mappings', 'sbom_mappings', 'last_updated'] },
    ruleSet: { required: ['id', 'name', 'version', 'rules'], optional: ['description', 'artifact_type', 'last_updated'] },
    rule: { required: ['id', 'gate', 'trigger', 'action', 'params'], optional: ['description', 'recommendation'] },
    param: { required: ['name', 'value'], optional: [] },
    allowlist: { required: ['id', 'name', 'version', 'items'], optional: ['description', 'last_updated'] },
    item: { required: ['id', 'gate', 'trigger_id'], optional: ['expires_on', 'description'] },
    mapping: { required: ['id', 'name', 'registry', 'repository', 'image', 'rule_set_ids', 'allowlist_ids'], optional: ['description'] },
    selection: { required: ['id', 'name', 'registry', 'repository', 'image'], optional: ['description'] },
    imageRef: { required: ['type', 'value'], optional: [] },
};
const V1_SCHEMA = {
    policy: { required: ['id', 'rules'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
    rule: { required: ['gate', 'trigger', 'action'], optional: ['id', 'params', 'comment', 'description', 'recommendation'] },
    param: { required: ['name', 'value'], optional: [] },
    whitelist: { required: ['id', 'items'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
    item: { required: ['gate', 'trigger_id'], optional: ['id', 'expires_on', 'comment', 'description'] },
    mapping: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'policy_id', 'policy_ids', 'whitelist_ids', 'comment', 'description'] },
    selection: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'comment', 'description'] },
    imageRef: { required: ['type', 'value'], optional: [] },
};
/** Anchore's swagger pattern for expires_on (RFC 3339 date-time). */
const EXPIRES_ON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}|:\d+)?$/;
class Validator {
    problems = [];
    format = 'v1';
    problem(path, message) {
        this.problems.push({ path, message });
    }
    bundle(doc) {
        if (!isObj(doc)) {
            this.problem('$', `a policy bundle must be an object, got ${kind(doc)}`);
            return undefined;
        }
        const hasV2 = V2_MARKERS.filter((k) => k in doc);
        const hasV1 = V1_MARKERS.filter((k) => k in doc);
        if (hasV2.length > 0 && hasV1.length > 0) {
            this.problem('$', `mixes v1 keys (${hasV1.join(', ')}) with Enterprise v2 keys (${hasV2.join(', ')}); use one format`);
            return undefined;
        }
        this.format = hasV2.length > 0 || (hasV1.length === 0 && doc.version !== '1_0' && 'version' in doc) ? 'v2' : 'v1';
        return this.format === 'v1' ? this.v1(doc) : this.v2(doc);
    }
    // ---- v1 ---------------------------------------------------------------------------------------------------
    v1(doc) {
        this.keys('$', doc, ['id', 'version', 'policies', 'mappings'], V1_KEYS.bundle, false);
        if ('version' in doc && doc.version !== '1_0')
            this.problem('$.version', `unsupported bundle version ${JSON.stringify(doc.version)}; v1 bundles use "1_0"`);
        const ruleSets = this.list(doc, 'policies', '$', (p, path) => this.v1Policy(p, path));
        const allowlists = this.list(doc, 'whitelists', '$', (w, path) => this.v1Whitelist(w, path));
        const mappings = this.list(doc, 'mappings', '$', (m, path) => this.v1Mapping(m, path));
        const allowed = this.list(doc, 'whitelisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
        const denied = this.list(doc, 'blacklisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
        return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'policies', 'whitelists', 'policy_ids', 'whitelist_ids', typeof doc.comment === 'string' ? doc.comment : undefined);
    }
    v1Policy(p, path) {
        this.keys(path, p, V1_SCHEMA.policy.required, [...V1_SCHEMA.policy.required, ...V1_SCHEMA.policy.optional], false);
        if ('version' in p && p.version !== '1_0')
            this.problem(`${path}.version`, `unsupported policy version ${JSON.stringify(p.version)}; use "1_0"`);
        const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, false));
        this.duplicates(rules, `${path}.rules`, (r) => r.id);
        return { id: str(p.id), name: str(p.name ?? p.id), ...optDescription(p), rules };
    }
    v1Whitelist(w, path) {
        this.keys(path, w, V1_SCHEMA.whitelist.required, [...V1_SCHEMA.whitelist.required, ...V1_SCHEMA.whitelist.optional], false);
        if ('version' in w && w.version !== '1_0')
            this.problem(`${path}.version`, `unsupported whitelist version ${JSON.stringify(w.version)}; use "1_0"`);
        const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V1_SCHEMA.item, false));
        this.duplicates(items, `${path}.items`, (i) => i.id || undefined);
        return { id: str(w.id), name: str(w.name ?? w.id), ...optDescription(w), items };
    }
    v1Mapping(m, path) {
        const sel = this.selection(m, path, V1_SCHEMA.mapping, false);
        let ruleSetIds = [];
        const hasOne = 'policy_id' in m;
        const hasMany = 'policy_ids' in m;
        if (hasOne && hasMany)
            this.problem(path, 'has both policy_id and policy_ids; use one');
        else if (!hasOne && !hasMany)
            this.problem(path, 'has neither policy_id nor policy_ids');
        else if (hasOne) {
            if (typeof m.policy_id !== 'string')
                this.problem(`${path}.policy_id`, `must be a string, got ${kind(m.policy_id)}`);
            else
                ruleSetIds = [m.policy_id];
        }
        else
            ruleSetIds = this.stringList(m.policy_ids, `${path}.policy_ids`);
        // Anchore crashes when whitelist_ids is missing; an absent list means "no allowlists".
        const allowlistIds = 'whitelist_ids' in m ? this.stringList(m.whitelist_ids, `${path}.whitelist_ids`) : [];
        return { ...sel, rule_set_ids: ruleSetIds, allowlist_ids: allowlistIds };
    }
    // ---- v2 ---------------------------------------------------------------------------------------------------
    v2(doc) {
        this.keys('$', doc, V2_SCHEMA.policy.required, [...V2_SCHEMA.policy.required, ...V2_SCHEMA.policy.optional], true);
        if ('version' in doc && typeof doc.version !== 'string')
            this.problem('$.version', `must be a string, got ${kind(doc.version)}`);
        if ('version' in doc && doc.version === '1_0')
            this.problem('$.version', 'version "1_0" is the v1 format, but the bundle uses Enterprise v2 keys');
        if (typeof doc.name === 'string' && doc.name === '')
            this.problem('$.name', 'must not be empty');
        const ruleSets = this.list(doc, 'rule_sets', '$', (p, path) => {
            this.keys(path, p, V2_SCHEMA.ruleSet.required, [...V2_SCHEMA.ruleSet.required, ...V2_SCHEMA.ruleSet.optional], true);
            if ('artifact_type' in p && p.artifact_type !== 'image')
                this.problem(`${path}.artifact_type`, `only "image" rule sets can be evaluated on an image, got ${JSON.stringify(p.artifact_type)}`);
            const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, true));
            this.duplicates(rules, `${path}.rules`, (r) => r.id);
            return { id: str(p.id), name: str(p.name), ...optDescription(p), rules };
        });
        const allowlists = this.list(doc, 'allowlists', '$', (w, path) => {
            this.keys(path, w, V2_SCHEMA.allowlist.required, [...V2_SCHEMA.allowlist.required, ...V2_SCHEMA.allowlist.optional], true);
            const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V2_SCHEMA.item, true));
            this.duplicates(items, `${path}.items`, (i) => i.id);
            return { id: str(w.id), name: str(w.name), ...optDescription(w), items };
        });
        const mappings = this.list(doc, 'mappings', '$', (m, path) => {
            const sel = this.selection(m, path, V2_SCHEMA.mapping, true);
            return { ...sel, rule_set_ids: this.stringList(m.rule_set_ids, `${path}.rule_set_ids`), allowlist_ids: this.stringList(m.allowlist_ids, `${path}.allowlist_ids`) };
        });
        const allowed = this.list(doc, 'allowlisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
        const denied = this.list(doc, 'denylisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
        if (Array.isArray(doc.source_mappings) && doc.source_mappings.length > 0)
            this.problem('$.source_mappings', 'source mappings evaluate source repositories, not images; remove them for an image gate');
        return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'rule_sets', 'allowlists', 'rule_set_ids', 'allowlist_ids', typeof doc.description === 'string' ? doc.description : undefined);
    }
    // ---- shared -----------------------------------------------------------------------------------------------
    finish(doc, ruleSets, allowlists, mappings, allowed, denied, rsKey, alKey, rsRef, alRef, description) {
        this.duplicates(ruleSets, `$.${rsKey}`, (r) => r.id);
        this.duplicates(allowlists, `$.${alKey}`, (a) => a.id);
        this.duplicates(mappings, '$.mappings', (m) => m.id);
        const rsIds = new Set(ruleSets.map((r) => r.id));
        const alIds = new Set(allowlists.map((a) => a.id));
        mappings.forEach((m, i) => {
            const raw = doc.mappings[i];
            const refKey = this.format === 'v1' && typeof raw === 'object' && raw !== null && 'policy_id' in raw ? 'policy_id' : rsRef;
            m.rule_set_ids.forEach((id, j) => {
                if (!rsIds.has(id))
                    this.problem(`$.mappings[${i}].${refKey}${refKey === 'policy_id' ? '' : `[${j}]`}`, `refers to ${rsKey === 'policies' ? 'policy' : 'rule set'} ${JSON.stringify(id)}, which is not in $.${rsKey}`);
            });
            m.allowlist_ids.forEach((id, j) => {
                if (!alIds.has(id))
                    this.problem(`$.mappings[${i}].${alRef}[${j}]`, `refers to ${alKey === 'whitelists' ? 'whitelist' : 'allowlist'} ${JSON.stringify(id)}, which is not in $.${alKey}`);
            });
        });
        if (this.problems.length > 0)
            return undefined;
        return {
            format: this.format,
            id: str(doc.id),
            name: str(doc.name ?? doc.id),
            ...(description !== undefined ? { description } : {}),
            version: str(doc.version ?? (this.format === 'v1' ? '1_0' : '2_0')),
            rule_sets: ruleSets,
            allowlists,
            mappings,
            allowlisted_images: allowed,
            denylisted_images: denied,
            source: doc,
        };
    }
    rule(r, path, strict) {
        const schema = strict ? V2_SCHEMA.rule : V1_SCHEMA.rule;
        this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
        if ('id' in r && typeof r.id !== 'string')
            this.problem(`${path}.id`, `must be a string, got ${kind(r.id)}`);
        const action = this.action(r.action, `${path}.action`);
        let gate;
        let triggerName = str(r.trigger).toLowerCase();
        if (typeof r.gate !== 'string') {
            if ('gate' in r)
                this.problem(`${path}.gate`, `must be a string, got ${kind(r.gate)}`);
        }
        else {
            gate = (0,list/* findGate */.Z)(r.gate);
            if (!gate) {
                const eol = EOL_GATES[r.gate.toLowerCase()];
                this.problem(`${path}.gate`, eol
                    ? `gate ${JSON.stringify(r.gate)} has been End-of-Lifed by Anchore${eol.supersededBy ? `; use the ${JSON.stringify(eol.supersededBy)} gate` : ''} (\`portcullis policy convert\` migrates 1.x policies)`
                    : `unknown gate ${JSON.stringify(r.gate)}; known gates: ${knownGates().join(', ')}`);
            }
        }
        const rawParams = {};
        const params = {};
        if (typeof r.trigger !== 'string') {
            if ('trigger' in r)
                this.problem(`${path}.trigger`, `must be a string, got ${kind(r.trigger)}`);
        }
        else if (gate) {
            const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, r.trigger);
            if (!trigger) {
                this.problem(`${path}.trigger`, `unknown trigger ${JSON.stringify(r.trigger)} for gate ${gate.name}; known triggers: ${gate.triggers.map((t) => t.name).join(', ')}`);
            }
            else {
                triggerName = trigger.name;
                const written = new Map();
                const paramsIn = r.params ?? [];
                if (!Array.isArray(paramsIn))
                    this.problem(`${path}.params`, `must be a list of {name, value}, got ${kind(paramsIn)}`);
                else {
                    paramsIn.forEach((p, i) => {
                        const pp = `${path}.params[${i}]`;
                        if (!isObj(p))
                            return this.problem(pp, `must be an object {name, value}, got ${kind(p)}`);
                        this.keys(pp, p, ['name', 'value'], ['name', 'value'], strict);
                        if (typeof p.name !== 'string')
                            return;
                        const spec = (0,policy_gate/* findParam */.tv)(trigger, p.name);
                        if (!spec) {
                            const names = trigger.params.map((s) => s.name);
                            return this.problem(`${pp}.name`, `unknown param ${JSON.stringify(p.name)} for ${gate.name}/${trigger.name}; ${names.length ? `known params: ${names.join(', ')}` : 'it takes no params'}`);
                        }
                        if (written.has(spec.name))
                            return this.problem(`${pp}.name`, `duplicate param ${JSON.stringify(spec.name)} (also at ${written.get(spec.name)})`);
                        written.set(spec.name, pp);
                        if ('value' in p)
                            rawParams[spec.name] = p.value;
                    });
                    for (const spec of trigger.params) {
                        const at = written.get(spec.name);
                        const value = rawParams[spec.name];
                        if (at === undefined || value === undefined) {
                            if (spec.required)
                                this.problem(`${path}.params`, `missing required param ${JSON.stringify(spec.name)} for ${gate.name}/${trigger.name}`);
                            else if (spec.default !== undefined)
                                params[spec.name] = (0,policy_params/* parseParamValue */.G5)(spec, spec.default);
                            continue;
                        }
                        const err = (0,policy_params/* checkParamValue */.H5)(spec, value, rawParams);
                        if (err)
                            this.problem(`${at}.value`, `param ${spec.name} ${err}`);
                        else
                            params[spec.name] = (0,policy_params/* parseParamValue */.G5)(spec, value);
                    }
                    for (const err of trigger.validate?.(rawParams) ?? [])
                        this.problem(`${path}.params`, err);
                }
            }
        }
        return {
            id: typeof r.id === 'string' ? r.id : '',
            gate: gate?.name ?? str(r.gate).toLowerCase(),
            trigger: triggerName,
            action: action ?? 'stop',
            params,
            rawParams,
            ...(typeof r.recommendation === 'string' ? { recommendation: r.recommendation } : {}),
            ...optDescription(r),
        };
    }
    action(value, path) {
        if (typeof value !== 'string' || !['go', 'warn', 'stop'].includes(value.toLowerCase())) {
            if (value !== undefined)
                this.problem(path, `must be one of GO, WARN, STOP, got ${JSON.stringify(value)}`);
            return undefined;
        }
        return value.toLowerCase();
    }
    item(i, path, schema, strict) {
        this.keys(path, i, schema.required, [...schema.required, ...schema.optional], strict);
        this.typed(i, path, ['id', 'gate', 'trigger_id', 'description', 'comment']);
        if (typeof i.gate === 'string' && !(0,list/* findGate */.Z)(i.gate) && !EOL_GATES[i.gate.toLowerCase()]) {
            this.problem(`${path}.gate`, `unknown gate ${JSON.stringify(i.gate)}; the item would never match`);
        }
        if (typeof i.trigger_id === 'string')
            this.pattern(i.trigger_id, `${path}.trigger_id`);
        let expires;
        if (i.expires_on !== undefined && i.expires_on !== null) {
            const raw = i.expires_on instanceof Date ? i.expires_on.toISOString() : i.expires_on;
            if (typeof raw !== 'string' || !EXPIRES_ON.test(raw) || Number.isNaN(Date.parse(raw))) {
                this.problem(`${path}.expires_on`, `must be an RFC 3339 date-time such as "2025-01-31T00:00:00Z", got ${JSON.stringify(raw)}`);
            }
            else
                expires = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw.replace(/:\d+$/, '')}Z`);
        }
        return {
            id: typeof i.id === 'string' ? i.id : '',
            gate: str(i.gate).toLowerCase(),
            trigger_id: str(i.trigger_id),
            ...(expires ? { expires_on: expires } : {}),
            ...optDescription(i),
        };
    }
    selection(r, path, schema, strict) {
        this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
        this.typed(r, path, ['id', 'name', 'registry', 'repository', 'description', 'comment']);
        for (const k of ['registry', 'repository'])
            if (typeof r[k] === 'string')
                this.pattern(r[k], `${path}.${k}`);
        let image = { type: 'tag', value: '*' };
        if ('image' in r) {
            if (!isObj(r.image))
                this.problem(`${path}.image`, `must be an object {type, value}, got ${kind(r.image)}`);
            else {
                this.keys(`${path}.image`, r.image, ['type', 'value'], ['type', 'value'], strict);
                const t = r.image.type;
                if (t !== undefined && !['tag', 'digest', 'id'].includes(t))
                    this.problem(`${path}.image.type`, `must be one of "tag", "digest", "id", got ${JSON.stringify(t)}`);
                if (r.image.value !== undefined && typeof r.image.value !== 'string')
                    this.problem(`${path}.image.value`, `must be a string, got ${kind(r.image.value)}`);
                else if (t === 'tag' && typeof r.image.value === 'string')
                    this.pattern(r.image.value, `${path}.image.value`);
                image = { type: t ?? 'tag', value: str(r.image.value) };
            }
        }
        return {
            ...(typeof r.id === 'string' ? { id: r.id } : {}),
            name: str(r.name ?? r.id ?? ''),
            registry: str(r.registry),
            repository: str(r.repository),
            image,
        };
    }
    pattern(value, path) {
        if (value.startsWith('regexp:')) {
            const err = (0,policy_params/* regexError */.ur)(value.slice('regexp:'.length));
            if (err)
                this.problem(path, `invalid regular expression after "regexp:": ${err}`);
        }
    }
    stringList(value, path) {
        if (value === undefined)
            return [];
        if (!Array.isArray(value)) {
            this.problem(path, `must be a list of ids, got ${kind(value)}`);
            return [];
        }
        return value.flatMap((v, i) => {
            if (typeof v !== 'string') {
                this.problem(`${path}[${i}]`, `must be a string id, got ${kind(v)}`);
                return [];
            }
            return [v];
        });
    }
    list(parent, key, path, each) {
        const value = parent[key];
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value)) {
            this.problem(`${path}.${key}`, `must be a list, got ${kind(value)}`);
            return [];
        }
        return value.flatMap((item, i) => {
            const p = `${path}.${key}[${i}]`;
            if (!isObj(item)) {
                this.problem(p, `must be an object, got ${kind(item)}`);
                return [];
            }
            if ('id' in item && typeof item.id !== 'string')
                this.problem(`${p}.id`, `must be a string, got ${kind(item.id)}`);
            return [each(item, p)];
        });
    }
    keys(path, obj, required, allowed, rejectUnknown) {
        for (const k of required)
            if (!(k in obj))
                this.problem(path, `missing required key ${JSON.stringify(k)}`);
        if (!rejectUnknown)
            return;
        for (const k of Object.keys(obj)) {
            if (!allowed.includes(k))
                this.problem(`${path}.${k}`, `unknown key ${JSON.stringify(k)} (Enterprise v2 objects allow no extra keys)`);
        }
    }
    typed(obj, path, keys) {
        for (const k of keys)
            if (k in obj && obj[k] !== null && typeof obj[k] !== 'string')
                this.problem(`${path}.${k}`, `must be a string, got ${kind(obj[k])}`);
    }
    duplicates(items, path, idOf) {
        const seen = new Map();
        items.forEach((item, i) => {
            const id = idOf(item);
            if (id === undefined || id === '')
                return;
            const first = seen.get(id);
            if (first !== undefined)
                this.problem(`${path}[${i}].id`, `duplicate id ${JSON.stringify(id)} (first at ${path}[${first}])`);
            else
                seen.set(id, i);
        });
    }
}
function knownGates() {
    return list/* GATES */.J.map((g) => g.name);
}
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function kind(v) {
    if (v === null)
        return 'null';
    if (v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
function str(v) {
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}
function optDescription(o) {
    const d = o.description ?? o.comment;
    return typeof d === 'string' ? { description: d } : {};
}


/***/ }),

/***/ 72116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yy: () => (/* binding */ BUNDLED_POLICIES),
  nZ: () => (/* binding */ resolvePolicy)
});

// UNUSED EXPORTS: bundledPolicy

;// CONCATENATED MODULE: ./policies/default.json
const default_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"2c53a13c-1765-11e8-82ef-23527761d060","version":"1_0","name":"Default bundle","comment":"Anchore Engine\'s default bundle behaviour: medium vulnerabilities WARN, high and critical STOP, port 22 exposed STOP, no HEALTHCHECK WARN, stale or missing vulnerability data WARN.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"2c53a13c-1765-11e8-82ef-23527761d060-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["48e6f7d6-1765-11e8-b5f9-8b6f228548b6"],"whitelist_ids":["37fd763e-1765-11e8-add4-3b16c029ac5c"]}],"whitelists":[{"id":"37fd763e-1765-11e8-add4-3b16c029ac5c","name":"Global Whitelist","version":"1_0","items":[]}],"policies":[{"id":"48e6f7d6-1765-11e8-b5f9-8b6f228548b6","name":"DefaultPolicy","version":"1_0","comment":"Anchore Engine\'s default bundle behaviour: medium vulnerabilities WARN, high and critical STOP, port 22 exposed STOP, no HEALTHCHECK WARN, stale or missing vulnerability data WARN.","rules":[{"id":"ce7b8000-829b-4c27-8122-69cd59018400","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"312d9e41-1c05-4e2f-ad89-b7d34b0855bb","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"6b5c14e7-a6f7-48cc-99d2-959273a2c6fa","gate":"vulnerabilities","trigger":"stale_feed_data","action":"WARN","params":[{"name":"max_days_since_sync","value":"2"}]},{"id":"3e79ea94-18c4-4d26-9e29-3b9172a62c2e","gate":"vulnerabilities","trigger":"vulnerability_data_unavailable","action":"WARN","params":[]},{"id":"6063fdde-b1c5-46af-973a-915739451ac4","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"}]},{"id":"b30e8abc-444f-45b1-8a37-55be1b8c8bb5","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":">"},{"name":"severity","value":"medium"}]},{"id":"catalog-incomplete","gate":"packages","trigger":"catalog_incomplete","action":"WARN","params":[]}]}]}');
;// CONCATENATED MODULE: ./policies/dockerfile-best-practices.json
const dockerfile_best_practices_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-dockerfile-best-practices","version":"1_0","name":"Dockerfile best practices (CIS Docker Benchmark section 4)","comment":"The CIS Docker Benchmark 4.x items that can be checked from the image or its Dockerfile. With no Dockerfile given, the Dockerfile is reconstructed from the image history.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-dockerfile-best-practices-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["cis-docker-4"],"whitelist_ids":["portcullis-dockerfile-best-practices-allowlist"]}],"whitelists":[{"id":"portcullis-dockerfile-best-practices-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"cis-docker-4","name":"CIS Docker Benchmark 4","version":"1_0","comment":"The CIS Docker Benchmark 4.x items that can be checked from the image or its Dockerfile. With no Dockerfile given, the Dockerfile is reconstructed from the image history.","rules":[{"id":"cis-4.1-non-root-user","gate":"dockerfile","trigger":"effective_user","action":"STOP","params":[{"name":"users","value":"root,0"},{"name":"type","value":"blacklist"}]},{"id":"cis-4.6-healthcheck","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"cis-4.7-update-alone","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"RUN"},{"name":"check","value":"like"},{"name":"value","value":"^\\\\s*(apt-get|apt|yum|dnf|apk)\\\\s+(-\\\\S+\\\\s+)*(update|upgrade)\\\\s*$"}]},{"id":"cis-4.8-setuid-files","gate":"files","trigger":"suid_or_guid_set","action":"WARN","params":[]},{"id":"cis-4.9-copy-not-add","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"ADD"},{"name":"check","value":"exists"}]},{"id":"cis-4.9-add-from-url","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ADD"},{"name":"check","value":"like"},{"name":"value","value":"(--\\\\S+\\\\s+)*https?://.*"}]},{"id":"cis-4.10-secret-in-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"cis-4.10-secret-in-arg","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ARG"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"no-sudo-in-run","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"RUN"},{"name":"check","value":"like"},{"name":"value","value":".*\\\\bsudo\\\\b.*"}]},{"id":"no-sudo-package","gate":"packages","trigger":"blacklist","action":"WARN","params":[{"name":"name","value":"sudo"}]},{"id":"pinned-base-image","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"actual_dockerfile_only","value":"true"},{"name":"instruction","value":"FROM"},{"name":"check","value":"like"},{"name":"value","value":"^(--\\\\S+\\\\s+)*(\\\\S*/)?[^:/@\\\\s]+(:latest)?(\\\\s.*)?$"}]},{"id":"no-ssh-port","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"no-ssh-server","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"openssh-server"}]},{"id":"dockerfile-given","gate":"dockerfile","trigger":"no_dockerfile_provided","action":"GO","params":[]}]}]}');
;// CONCATENATED MODULE: ./policies/licenses.json
const licenses_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-licenses","version":"1_0","name":"Licenses: deny copyleft","comment":"An example licence policy that denies strong copyleft (GPL, AGPL, SSPL and friends) and warns on weak copyleft (LGPL, MPL, EPL). Suited to application images you distribute; an OS base image (Debian, Ubuntu) is full of GPL packages and will STOP.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-licenses-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["licenses"],"whitelist_ids":["portcullis-licenses-allowlist"]}],"whitelists":[{"id":"portcullis-licenses-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"licenses","name":"Deny copyleft","version":"1_0","comment":"An example licence policy that denies strong copyleft (GPL, AGPL, SSPL and friends) and warns on weak copyleft (LGPL, MPL, EPL). Suited to application images you distribute; an OS base image (Debian, Ubuntu) is full of GPL packages and will STOP.","rules":[{"id":"network-copyleft","gate":"licenses","trigger":"blacklist_partial_match","action":"STOP","params":[{"name":"licenses","value":"AGPL,SSPL"}]},{"id":"strong-copyleft","gate":"licenses","trigger":"blacklist_exact_match","action":"STOP","params":[{"name":"licenses","value":"GPL-1.0-only,GPL-1.0-or-later,GPL-2.0,GPL-2.0-only,GPL-2.0-or-later,GPL-3.0,GPL-3.0-only,GPL-3.0-or-later,GPL-2,GPL-2+,GPL-3,GPL-3+,GPLv2,GPLv2+,GPLv3,GPLv3+,EUPL-1.1,EUPL-1.2,OSL-3.0"},{"name":"match_spdx","value":"true"}]},{"id":"weak-copyleft","gate":"licenses","trigger":"blacklist_partial_match","action":"WARN","params":[{"name":"licenses","value":"LGPL,MPL,EPL,CDDL"}]}]}]}');
;// CONCATENATED MODULE: ./policies/secrets.json
const secrets_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-secrets","version":"1_0","name":"Secrets","comment":"Stops images that carry credentials: secret patterns in file contents, credential files by name, and secrets in ENV or ARG.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-secrets-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["secrets"],"whitelist_ids":["portcullis-secrets-allowlist"]}],"whitelists":[{"id":"portcullis-secrets-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"secrets","name":"Secrets","version":"1_0","comment":"Stops images that carry credentials: secret patterns in file contents, credential files by name, and secrets in ENV or ARG.","rules":[{"id":"secret-content","gate":"secret_scans","trigger":"content_regex_checks","action":"STOP","params":[]},{"id":"ssh-private-key-file","gate":"files","trigger":"name_match","action":"STOP","params":[{"name":"regex","value":".*/\\\\.ssh/id_[a-z0-9]+$"}]},{"id":"cloud-credential-file","gate":"files","trigger":"name_match","action":"STOP","params":[{"name":"regex","value":".*/(\\\\.aws/credentials|\\\\.git-credentials|\\\\.config/gcloud/credentials\\\\.db|\\\\.azure/accessTokens\\\\.json)$"}]},{"id":"registry-auth-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*/(\\\\.docker/config\\\\.json|\\\\.npmrc|\\\\.pypirc|\\\\.netrc)$"}]},{"id":"key-store-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*\\\\.(key|p12|pfx|jks|keystore)$"}]},{"id":"dotenv-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*/\\\\.env$"}]},{"id":"secret-in-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"secret-in-arg","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ARG"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]}]}]}');
;// CONCATENATED MODULE: ./policies/strict.json
const strict_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-strict","version":"1_0","name":"Strict","comment":"For production images: every fixable vulnerability of medium or higher severity, any high or critical one, secrets, a root user, port 22 and stale vulnerability data STOP.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-strict-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["strict"],"whitelist_ids":["portcullis-strict-allowlist"]}],"whitelists":[{"id":"portcullis-strict-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"strict","name":"Strict","version":"1_0","comment":"For production images: every fixable vulnerability of medium or higher severity, any high or critical one, secrets, a root user, port 22 and stale vulnerability data STOP.","rules":[{"id":"vuln-high-critical","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":">="},{"name":"severity","value":"high"}]},{"id":"vuln-medium-fixable","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"},{"name":"fix_available","value":"true"}]},{"id":"vuln-medium","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"},{"name":"fix_available","value":"false"}]},{"id":"vuln-low","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"low"},{"name":"fix_available","value":"true"}]},{"id":"vuln-data-stale","gate":"vulnerabilities","trigger":"stale_feed_data","action":"STOP","params":[{"name":"max_days_since_sync","value":"1"}]},{"id":"vuln-data-missing","gate":"vulnerabilities","trigger":"vulnerability_data_unavailable","action":"STOP","params":[]},{"id":"root-user","gate":"dockerfile","trigger":"effective_user","action":"STOP","params":[{"name":"users","value":"root,0"},{"name":"type","value":"blacklist"}]},{"id":"ssh-port","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"no-healthcheck","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"secret-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"secrets","gate":"secret_scans","trigger":"content_regex_checks","action":"STOP","params":[]},{"id":"ssh-server","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"openssh-server"}]},{"id":"telnetd","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"telnetd"}]},{"id":"catalog-incomplete","gate":"packages","trigger":"catalog_incomplete","action":"STOP","params":[]},{"id":"suid-files","gate":"files","trigger":"suid_or_guid_set","action":"WARN","params":[]}]}]}');
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/policy/bundle.ts + 1 modules
var bundle = __webpack_require__(45566);
;// CONCATENATED MODULE: ./src/policy/bundled.ts







/** The bundles in `policies/`, embedded (so they ship inside the built action), by name. */
const BUNDLED_POLICIES = {
    default: default_namespaceObject,
    strict: strict_namespaceObject,
    'dockerfile-best-practices': dockerfile_best_practices_namespaceObject,
    secrets: secrets_namespaceObject,
    licenses: licenses_namespaceObject,
};
/** A bundled policy by name (`default`, `strict`, …). */
function bundledPolicy(name) {
    const doc = BUNDLED_POLICIES[name];
    if (!doc)
        throw new errors/* ConfigurationError */.j1(`unknown bundled policy "${name}"; bundled: ${Object.keys(BUNDLED_POLICIES).join(', ')}`);
    return (0,bundle/* buildBundle */.bS)(structuredClone(doc), `policies/${name}.json`);
}
/**
 * The `--policy` value: a bundled policy name, or a file (JSON or YAML). Without one, the default bundle, which
 * behaves as Anchore Engine's default.
 */
async function resolvePolicy(value) {
    if (value === undefined || value === '')
        return bundledPolicy('default');
    if (Object.hasOwn(BUNDLED_POLICIES, value))
        return bundledPolicy(value);
    return (0,bundle/* loadBundleFile */.Du)(value);
}


/***/ }),

/***/ 79975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ GATES),
  Z: () => (/* binding */ findGate)
});

;// CONCATENATED MODULE: ./src/policy/gates/always/always.ts
const alwaysGate = {
    name: 'always',
    description: 'Triggers that fire unconditionally if present in policy, useful for things like testing and blacklisting.',
    triggers: [
        {
            name: 'always',
            description: 'Fires if present in a policy being evaluated. Useful for things like blacklisting images or testing mappings and whitelists by using this trigger in combination with policy mapping rules.',
            params: [],
            evaluate: () => [{ message: 'Unconditional trigger match', triggerId: 'always' }],
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/compliance/compliance.ts
/**
 * A Portcullis extension (Anchore has no such gate): compliance checks of the image, such as the OpenSCAP runs of
 * `portcullis compliance oscap`, fed to the scan with `--compliance-summary FILE` or read from a store
 * (`--compliance-from-store`). Trigger ids are
 * `<check_type>+<result>` (`oscap+fail`, `oscap+error`, `oscap+missing`), so an allowlist can accept one.
 * Without compliance data in the context, `check_failed` and `check_error` cannot fire and say so in the evaluation
 * problems; `check_missing` fires.
 */
const PARAMS = [
    { name: 'check_type', description: 'The compliance check type, as the runtime-compliance API names it.', type: 'string', required: false, default: 'oscap', example: 'oscap' },
    {
        name: 'max_age_days',
        description: 'Only checks that ended within this many days count (by end_time, else start_time). All checks count when absent.',
        type: 'integer',
        required: false,
        example: '7',
    },
];
const DAY_MS = 86_400_000;
function checkTypeOf(run) {
    return String(run.params.check_type ?? 'oscap').trim().toLowerCase();
}
/** The checks of the wanted type and age, or undefined (with a problem) when the context has no compliance data. */
function relevantChecks(run, problemWhenAbsent) {
    const type = checkTypeOf(run);
    const all = run.ctx.compliance;
    if (!all) {
        if (problemWhenAbsent) {
            run.problem({
                problem_type: 'compliance_data_unavailable',
                details: 'no compliance check results were given to the scan (--compliance-summary FILE or --compliance-from-store), so this trigger cannot fire',
            });
        }
        return undefined;
    }
    const ofType = all.filter((c) => c.check_type.trim().toLowerCase() === type);
    const maxAge = run.params.max_age_days;
    if (maxAge === undefined)
        return ofType;
    const oldest = run.ctx.now.getTime() - maxAge * DAY_MS;
    const out = [];
    let stale = 0;
    for (const c of ofType) {
        const when = c.end_time ?? c.start_time;
        const t = when === undefined ? NaN : Date.parse(when);
        if (Number.isNaN(t)) {
            run.problem({ problem_type: 'compliance_check_time_unknown', details: `the ${type} check from ${c.source} has no valid end_time or start_time and was not counted (max_age_days=${maxAge})` });
        }
        else if (t < oldest)
            stale++;
        else
            out.push(c);
    }
    if (stale > 0) {
        run.problem({ severity: 'info', problem_type: 'compliance_check_stale', details: `${stale} ${type} check(s) older than ${maxAge} day(s) were not counted` });
    }
    return out;
}
function describeCheck(c) {
    const when = c.end_time ?? c.start_time;
    return `source=${c.source}${when ? ` time=${when}` : ''}`;
}
function resultTrigger(name, description, matches, verb) {
    return {
        name,
        description,
        params: PARAMS,
        evaluate: (run) => {
            const checks = relevantChecks(run, true);
            if (!checks)
                return [];
            const type = checkTypeOf(run);
            if (checks.length === 0) {
                run.problem({ severity: 'info', problem_type: 'compliance_check_missing', details: `no ${type} check was found, so this trigger cannot fire (check_missing fires for that)` });
                return [];
            }
            return checks
                .filter((c) => matches(c.result.trim().toLowerCase()))
                .map((c) => {
                const result = c.result.trim().toLowerCase();
                return { message: `Compliance check ${verb}: check_type=${type} result=${result} ${describeCheck(c)}`, triggerId: `${type}+${result}` };
            });
        },
    };
}
const complianceGate = {
    name: 'compliance',
    description: 'Portcullis extension: checks the results of compliance checks (such as OpenSCAP) run on the image',
    triggers: [
        resultTrigger('check_failed', 'Triggers for each compliance check of the given type whose result is fail.', (r) => r === 'fail', 'failed'),
        {
            name: 'check_missing',
            description: 'Triggers if no compliance check of the given type (within max_age_days, when given) was found for the image.',
            params: PARAMS,
            evaluate: (run) => {
                const checks = relevantChecks(run, false);
                if (checks && checks.length > 0)
                    return [];
                const type = checkTypeOf(run);
                const age = run.params.max_age_days;
                return [{ message: `No ${type} compliance check found for the image${age === undefined ? '' : ` within the last ${age} day(s)`}`, triggerId: `${type}+missing` }];
            },
        },
        resultTrigger('check_error', 'Triggers for each compliance check of the given type that did not complete: result error (nothing was checked, or the checker failed) or any result other than pass or fail.', (r) => r !== 'pass' && r !== 'fail', 'did not complete'),
    ],
};

;// CONCATENATED MODULE: ./src/policy/context.ts
const memos = new WeakMap();
/** Computes a derived value once per context (a parsed Dockerfile, the passwd entries). */
function memo(ctx, key, compute) {
    let m = memos.get(ctx);
    if (!m)
        memos.set(ctx, (m = new Map()));
    if (!m.has(key))
        m.set(key, compute());
    return m.get(key);
}

// EXTERNAL MODULE: ./src/policy/params.ts
var policy_params = __webpack_require__(76734);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/policy/gates/dockerfile/parse.ts

/**
 * Parses an actual Dockerfile with the maintained `dockerfile-ast` parser. The arguments are joined as Anchore
 * joins them (anchore-engine gates/dockerfile.py `DockerfileGate.prepare_context`): each physical line stripped,
 * comment lines dropped, a trailing backslash removed, the pieces concatenated; so messages, and their md5 ids,
 * are Anchore's (`apt-get update && apt-get install` for a line continued after `update \`).
 */
function parseDockerfile(text) {
    const df = main.DockerfileParser.parse(text);
    const physical = text.split(/\r?\n/);
    return df.getInstructions().map((i) => {
        const { start, end } = i.getRange();
        const keyword = i.getKeyword();
        return { directive: keyword.toUpperCase(), args: anchoreJoin(physical.slice(start.line, end.line + 1), keyword), line: start.line + 1 };
    });
}
function anchoreJoin(lines, keyword) {
    let buf = '';
    for (const raw of lines) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        buf += line.endsWith('\\') ? line.slice(0, -1) : line;
    }
    const at = buf.toUpperCase().startsWith(keyword.toUpperCase()) ? keyword.length : 0;
    return buf.slice(at).trim();
}
const DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'];
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const SHELL_RUN = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/s;
/**
 * Rebuilds a Dockerfile from the image history, as Anchore's "guessed" mode does: it starts with `FROM scratch`
 * (the history does not record the base image; anchore-engine `anchore_engine/util/docker.py`
 * `_infer_dockerfile`), `#(nop)` entries give their directive, BuildKit entries start with it, and any other
 * command is a RUN. Instructions that leave no history but are in the image config (USER, EXPOSE, HEALTHCHECK)
 * are added from it. An image always has a guessed Dockerfile, as in Anchore.
 */
function guessDockerfile(image) {
    const history = image.config.history ?? [];
    const lines = [{ directive: 'FROM', args: 'scratch' }];
    for (const h of history) {
        const createdBy = h.created_by?.trim();
        if (!createdBy)
            continue;
        const l = guessLine(createdBy);
        if (l)
            lines.push(l);
    }
    const cfg = image.config.config ?? {};
    const has = (d) => lines.some((l) => l.directive === d);
    if (cfg.User && !has('USER'))
        lines.push({ directive: 'USER', args: cfg.User });
    const ports = Object.keys(cfg.ExposedPorts ?? {});
    if (ports.length > 0 && !has('EXPOSE'))
        lines.push({ directive: 'EXPOSE', args: ports.join(' ') });
    if (cfg.Healthcheck && !has('HEALTHCHECK')) {
        const test = cfg.Healthcheck.Test ?? [];
        lines.push({ directive: 'HEALTHCHECK', args: test[0] === 'NONE' ? 'NONE' : `CMD ${test.slice(1).join(' ')}` });
    }
    return { mode: 'guessed', lines };
}
function guessLine(createdBy) {
    let s = createdBy.replace(/\s+# buildkit$/, '');
    if (NOP.test(s))
        s = s.replace(NOP, '');
    else {
        const run = SHELL_RUN.exec(s);
        if (run)
            return { directive: 'RUN', args: run[1].trim() };
    }
    const m = /^([A-Z]+)(?:\s+(.*))?$/s.exec(s);
    if (m && DIRECTIVES.includes(m[1])) {
        let args = (m[2] ?? '').trim();
        if (m[1] === 'RUN')
            args = SHELL_RUN.exec(args)?.[1]?.trim() ?? args.replace(/^\|\d+ (?:\S+=\S* )*/, '');
        if (m[1] === 'EXPOSE')
            args = args.replace(/^map\[(.*)\]$/, '$1').replace(/:\{\}/g, '');
        return { directive: m[1], args };
    }
    return { directive: 'RUN', args: s };
}
/** The Dockerfile the gates see: the actual one when given, otherwise the guessed one. */
function dockerfileFor(image, actual) {
    if (actual !== undefined)
        return { mode: 'actual', lines: parseDockerfile(actual) };
    return guessDockerfile(image);
}

;// CONCATENATED MODULE: ./src/policy/gates/dockerfile/dockerfile.ts



const dockerfile_DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'];
const CHECKS = ['=', '!=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'];
const NEEDS_VALUE = new Set(['=', '!=', 'like', 'not_like', 'in', 'not_in']);
const actualOnly = {
    name: 'actual_dockerfile_only',
    description: 'Only evaluate against a user-provided dockerfile, skip evaluation on inferred/guessed dockerfiles. Default is False.',
    type: 'boolean',
    required: false,
    default: 'false',
    example: 'true',
};
const listType = {
    name: 'type',
    description: 'Whether the list is an allowed list (whitelist) or a denied list (blacklist). The v2 words allowlist and denylist are accepted.',
    type: 'enum',
    required: true,
    allowed: ['whitelist', 'blacklist', 'allowlist', 'denylist'],
    example: 'blacklist',
};
/** The Dockerfile in use for this evaluation, parsed once. */
function dockerfileOf(run) {
    return memo(run.ctx, 'dockerfile', () => dockerfileFor(run.ctx.image, run.ctx.dockerfile?.text));
}
/** Whether a trigger should look at this Dockerfile; reports why not when it cannot. */
function usable(run, actualOnlyParam) {
    const df = dockerfileOf(run);
    if (df.mode === 'unknown') {
        run.problem({ problem_type: 'dockerfile_unavailable', details: 'no Dockerfile was given and none could be reconstructed from the image history; the trigger cannot fire' });
        return undefined;
    }
    if (actualOnlyParam && df.mode !== 'actual')
        return undefined;
    return df;
}
const isDenied = (t) => t === 'blacklist' || t === 'denylist';
/**
 * The user of a USER line: Anchore's `\s*USER\s+\[?([^\]]+)\]?\s*` strips brackets (`USER [app]` is `app`;
 * anchore-engine tests/integration/.../gates/test_dockerfile.py). Unlike Anchore, a `:group` part is dropped,
 * so `USER root:root` is root. No USER line: root.
 */
function effectiveUser(args) {
    const bare = (args ?? 'root').trim().replace(/^\[([^\]]+)\]$/, '$1');
    return bare.split(':')[0].trim() || 'root';
}
const dockerfileGate = {
    name: 'dockerfile',
    description: 'Checks against the content of a dockerfile if provided, or a guessed dockerfile based on docker layer history if the dockerfile is not provided.',
    triggers: [
        {
            name: 'instruction',
            description: 'Triggers if any directives in the list are found to match the described condition in the dockerfile.',
            params: [
                actualOnly,
                {
                    name: 'instruction',
                    description: 'The Dockerfile instruction to check. Anchore accepts upper case only; Portcullis accepts any case (its own documented example `from` fails in Anchore).',
                    type: 'enum',
                    required: true,
                    allowed: dockerfile_DIRECTIVES,
                    caseInsensitive: true,
                    example: 'FROM',
                },
                { name: 'check', description: 'The type of check to perform.', type: 'enum', required: true, allowed: CHECKS, example: '=' },
                { name: 'value', description: 'The value to check the dockerfile instruction against (a regex for like / not_like, a comma list for in / not_in).', type: 'string', required: false, example: 'scratch' },
            ],
            evaluate: (run) => {
                const df = usable(run, run.params.actual_dockerfile_only === true);
                if (!df)
                    return [];
                const directive = run.params.instruction;
                const check = run.params.check;
                const value = run.params.value;
                // Anchore loads a rule whose check needs a value without one, and it never fires (gates/dockerfile.py).
                if (NEEDS_VALUE.has(check) && value === undefined) {
                    run.problem({ problem_type: 'missing_param', details: `check ${check} needs a value; the rule cannot fire` });
                    return [];
                }
                const lines = df.lines.filter((l) => l.directive === directive);
                if (check === 'not_exists') {
                    return lines.length === 0 ? [{ message: `Dockerfile directive '${directive}' not found, matching condition 'not_exists' check` }] : [];
                }
                const list = () => (value ?? '').split(',').map((s) => s.trim());
                const hit = (args) => {
                    switch (check) {
                        case 'exists':
                            return true;
                        case '=':
                            return args === value;
                        case '!=':
                            return args !== value;
                        case 'like':
                            return (0,policy_params/* reMatch */.$D)(value ?? '', args);
                        case 'not_like':
                            return !(0,policy_params/* reMatch */.$D)(value ?? '', args);
                        case 'in':
                            return list().includes(args);
                        case 'not_in':
                            return !list().includes(args);
                        default:
                            return false;
                    }
                };
                return lines
                    .filter((l) => hit(l.args))
                    .map((l) => ({
                    message: `Dockerfile directive '${directive}' check '${check}' matched against '${value ?? ''}' for line '${l.args}'`,
                    ...(df.mode === 'actual' && l.line ? { location: { line: l.line } } : {}),
                }));
            },
        },
        {
            name: 'effective_user',
            description: 'Checks if the effective user matches the provided user names, either as a whitelist or blacklist depending on the type parameter setting.',
            params: [{ name: 'users', description: 'User names to check against as the effective user (last user entry) in the images history.', type: 'string-list', required: true, example: 'root,docker' }, listType],
            evaluate: (run) => {
                const df = usable(run, false);
                if (!df)
                    return [];
                const userLines = df.lines.filter((l) => l.directive === 'USER');
                const last = userLines[userLines.length - 1];
                const user = effectiveUser(last?.args);
                const users = run.params.users;
                const location = df.mode === 'actual' && last?.line ? { location: { line: last.line } } : {};
                if (isDenied(run.params.type))
                    return users.includes(user) ? [{ message: `User ${user} found as effective user, which is explicity not allowed`, ...location }] : [];
                return users.includes(user) ? [] : [{ message: `User ${user} found as effective user, which is not on the allowed list`, ...location }];
            },
        },
        {
            name: 'exposed_ports',
            description: 'Evaluates the set of ports exposed. Allows configuring whitelist or blacklist behavior. If type=whitelist, then any ports found exposed that are not in the list will cause the trigger to fire. If type=blacklist, then any ports exposed that are in the list will cause the trigger to fire.',
            params: [actualOnly, { name: 'ports', description: 'List of port numbers.', type: 'integer-list', required: true, example: '80,8080,8088' }, listType],
            evaluate: (run) => {
                const df = usable(run, run.params.actual_dockerfile_only === true);
                if (!df)
                    return [];
                // Anchore (gates/dockerfile.py ExposedPortsTrigger) works per EXPOSE line on its tokens as written: a listed
                // port matches `p`, `p/tcp` or `p/udp`, and the message names the token (`22/tcp`).
                const ports = run.params.ports.map(String);
                const denied = isDenied(run.params.type);
                const out = [];
                for (const l of df.lines.filter((x) => x.directive === 'EXPOSE')) {
                    const tokens = l.args.split(/\s+/).filter(Boolean);
                    const at = df.mode === 'actual' && l.line ? { location: { line: l.line } } : {};
                    if (denied) {
                        for (const p of ports) {
                            const token = [p, `${p}/tcp`, `${p}/udp`].find((t) => tokens.includes(t));
                            if (token)
                                out.push({ message: `Dockerfile exposes port (${token}) which is in policy file DENIEDPORTS list`, ...at });
                        }
                    }
                    else {
                        for (const token of tokens.filter((t) => !ports.some((p) => t === p || t === `${p}/tcp` || t === `${p}/udp`))) {
                            out.push({ message: `Dockerfile exposes port (${token}) which is not in policy file ALLOWEDPORTS list`, ...at });
                        }
                    }
                }
                return out;
            },
        },
        {
            name: 'no_dockerfile_provided',
            description: 'Triggers if anchore analysis was performed without supplying the actual image Dockerfile.',
            params: [],
            evaluate: (run) => (dockerfileOf(run).mode === 'actual' ? [] : [{ message: 'Image was not analyzed with an actual Dockerfile' }]),
        },
    ],
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/policy/gates/content-scan.ts

/**
 * The default secret regexes (a private key needs its base64 body: programs such as libssh2 carry the bare header), under Anchore's default names. Anchore leaves their text to the analyzer config;
 * these are Portcullis's own, documented in policies/README.md.
 */
const DEFAULT_SECRET_REGEXES = [
    { name: 'AWS_ACCESS_KEY', regex: '(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])' },
    { name: 'AWS_SECRET_KEY', regex: '(?i)aws_?secret_?access_?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])' },
    { name: 'PRIV_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
    { name: 'DOCKER_AUTH', regex: '"auths"\\s*:\\s*\\{[\\s\\S]*?"auth"\\s*:\\s*"[A-Za-z0-9+/=]{8,}"' },
    { name: 'API_KEY', regex: '(?i)api[-_]?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9_\\-]{20,60}(?![A-Za-z0-9_\\-])' },
];
/**
 * Anchore's default `secret_search` entries, as its analyzer config writes them (anchore-engine
 * `anchore_engine/conf/analyzer_config.yaml`). Findings quote these texts (`regexp=NAME=<regex>`) so that their
 * md5 trigger ids are Anchore's; detection uses the regexes above, under the same names (policies/README.md).
 */
const ANCHORE_SECRET_SEARCH = {
    AWS_ACCESS_KEY: '(?i).*aws_access_key_id( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9]).*',
    AWS_SECRET_KEY: '(?i).*aws_secret_access_key( *=+ *).*(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=]).*',
    PRIV_KEY: '(?i)-+BEGIN(.*)PRIVATE KEY-+',
    DOCKER_AUTH: '(?i).*"auth": *".+"',
    API_KEY: '(?i).*api(-|_)key( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20,60}(?![A-Z0-9]).*',
};
/** The default content-search regexes of the files gate (Anchore ships none enabled). */
const DEFAULT_CONTENT_REGEXES = [
    { name: 'PASSWORD_ASSIGNMENT', regex: '(?i)(?:password|passwd|pwd)\\s*[:=]\\s*["\']?[^\\s"\']{4,}' },
    { name: 'PRIVATE_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
    { name: 'URL_WITH_CREDENTIALS', regex: '\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s:@]+@' },
];
/** Files larger than this are not searched (documented default). */
const CONTENT_SCAN_MAX_BYTES = 1024 * 1024;
const SKIPPED = /^\/(?:proc|sys|dev)\//;
/**
 * A request that streams every regular file up to the cap through the regexes during the image pass; the
 * content is not kept. Each file's result is the list of regex names that matched.
 */
function contentScanRequest(id, regexes, maxBytes = CONTENT_SCAN_MAX_BYTES) {
    const compiled = regexes.map((r) => ({ name: r.name, re: withFlags((0,policy_params/* compileRegex */.DL)(r.regex), 'm') }));
    return {
        id,
        filter: (path, e) => e.type === 'file' && e.size > 0 && e.size <= maxBytes && !SKIPPED.test(path),
        sink: () => {
            const chunks = [];
            let size = 0;
            return {
                write(chunk) {
                    if (size < maxBytes)
                        chunks.push(chunk);
                    size += chunk.length;
                },
                end() {
                    const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('latin1');
                    return compiled.filter((c) => c.re.test(text)).map((c) => c.name);
                },
            };
        },
    };
}
/** The files whose content matched, with the names that matched, sorted by path. */
function contentScanResults(files, id) {
    const out = [];
    for (const path of files.capturedPaths()) {
        const r = files.sinkResult(id, path);
        if (Array.isArray(r) && r.length > 0)
            out.push({ path, names: r });
    }
    return out;
}
function withFlags(re, extra) {
    return new RegExp(re.source, [...new Set((re.flags + extra).split(''))].join(''));
}

;// CONCATENATED MODULE: ./src/policy/gates/files/files.ts



const CONTENT_SEARCH_REQUEST_ID = 'gate/files/content_search';
const checksumRequestId = (filename) => `gate/files/checksum:${filename}`;
/** The content-search regexes: the defaults, plus a rule's `regex_name` when it is not a default name. */
function contentRegexes(extra) {
    const out = [...DEFAULT_CONTENT_REGEXES];
    if (extra !== undefined && !out.some((r) => r.name === extra) && (0,policy_params/* regexError */.ur)(extra) === undefined)
        out.push({ name: extra, regex: extra });
    return out;
}
function sha256Request(filename) {
    return {
        id: checksumRequestId(filename),
        paths: [filename],
        sink: () => {
            const h = (0,external_node_crypto_.createHash)('sha256');
            return { write: (c) => void h.update(c), end: () => h.digest('hex') };
        },
    };
}
/** Python's oct(): `0o777`. */
const pyOct = (mode) => `0o${mode.toString(8)}`;
const filesGate = {
    name: 'files',
    description: 'Checks against files in the analyzed image including file content, file names, and filesystem attributes.',
    triggers: [
        {
            name: 'content_regex_match',
            description: 'Triggers for each file where the content search analyzer has found a match using configured regexes in the analyzer_config.yaml "content_search" section. If the parameter is set, the trigger will only fire for files that matched the named regex. Refer to your analyzer_config.yaml for the regex values.',
            params: [
                {
                    name: 'regex_name',
                    description: `Regex string that also appears in the FILECHECK_CONTENTMATCH analyzer parameter in analyzer configuration, to limit the check to. If set, will only fire trigger when the specific named regex was found in a file. Default names: ${DEFAULT_CONTENT_REGEXES.map((r) => r.name).join(', ')}; any other value is searched for as a regex.`,
                    type: 'string',
                    required: false,
                    regex: true,
                    example: '.*password.*',
                },
            ],
            // One shared scan: every rule's extra regex joins the same request.
            requests: (params) => [contentScanRequest(`${CONTENT_SEARCH_REQUEST_ID}:${params.regex_name ?? ''}`, contentRegexes(params.regex_name))],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
                    return [];
                }
                const name = params.regex_name;
                const regexes = contentRegexes(name);
                if (name !== undefined && !regexes.some((r) => r.name === name)) {
                    // Anchore compares regex_name with the configured names and regexes as strings; this one is neither.
                    problem({ problem_type: 'unknown_regex_name', details: `regex_name ${JSON.stringify(name)} is not a configured content regex name and does not compile as a regex (${(0,policy_params/* regexError */.ur)(name)}); it matches nothing` });
                    return [];
                }
                return contentScanResults(ctx.files, `${CONTENT_SEARCH_REQUEST_ID}:${name ?? ''}`).flatMap((h) => h.names
                    .filter((n) => name === undefined || n === name)
                    .map((n) => {
                    const r = regexes.find((x) => x.name === n);
                    const decoded = r.name === r.regex ? r.regex : `${r.name}=${r.regex}`;
                    return { message: `File content analyzer found regexp match in container: file=${h.path} regexp=${decoded}`, location: { path: h.path } };
                }));
            },
        },
        {
            name: 'name_match',
            description: 'Triggers if a file exists in the container that has a filename that matches the provided regex. This does have a performance impact on policy evaluation.',
            params: [{ name: 'regex', description: 'Regex to apply to file names for match.', type: 'string', required: true, regex: true, example: '.*\\.pem' }],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const regex = params.regex;
                return ctx.files
                    .list()
                    .filter((e) => (0,policy_params/* reMatch */.$D)(regex, e.path))
                    .map((e) => ({ message: `Application of regex matched file found in container: file=${e.path} regexp=${regex}`, location: { path: e.path } }));
            },
        },
        {
            name: 'attribute_match',
            description: 'Triggers if a filename exists in the container that has attributes that match those which are provided . This check has a performance impact on policy evaluation.',
            params: [
                { name: 'filename', description: 'Filename to check against provided checksum.', type: 'string', required: true, example: '/etc/passwd' },
                { name: 'checksum_algorithm', description: 'Checksum algorithm', type: 'enum', required: false, allowed: ['sha256'], default: 'sha256', example: 'sha256' },
                { name: 'checksum', description: 'Checksum of file.', type: 'string', required: false, example: '832cd0f75b227d13aac82b1f70b7f90191a4186c151f9db50851d209c45ede11' },
                { name: 'checksum_match', description: 'Checksum operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
                {
                    name: 'mode',
                    description: 'File mode of file (octal).',
                    type: 'string',
                    required: false,
                    example: '00644',
                    validate: (v) => (/^[0-7]{1,6}$/.test(v.trim()) ? undefined : `must be an octal file mode such as 00644, got ${JSON.stringify(v)}`),
                },
                { name: 'mode_op', description: 'File mode operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
                { name: 'skip_missing', description: 'If set to true, do not fire this trigger if the file is not present. If set to false, fire this trigger ignoring the other parameter settings.', type: 'boolean', required: false, default: 'true', example: 'true' },
            ],
            requests: (params) => (typeof params.checksum === 'string' ? [sha256Request(params.filename)] : []),
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const filename = params.filename;
                const entry = ctx.files.get(filename, { follow: true });
                // Anchore's texts (anchore-engine gates/files.py FileAttributeMatchTrigger, asserted in tests/unit/.../gates/test_files.py).
                if (!entry)
                    return params.skip_missing ? [] : [{ message: `filename=${filename} and skip_missing=False`, location: { path: filename } }];
                const parts = [`filename=${filename}`];
                if (typeof params.checksum === 'string') {
                    const resolved = ctx.files.resolve(filename, { follow: true }) ?? filename;
                    let actual = ctx.files.sinkResult(checksumRequestId(filename), resolved) ?? ctx.files.sinkResult(checksumRequestId(filename), filename);
                    if (typeof actual !== 'string') {
                        const r = ctx.files.read(filename);
                        actual = r.ok ? (0,external_node_crypto_.createHash)('sha256').update(r.data).digest('hex') : undefined;
                    }
                    if (typeof actual !== 'string') {
                        problem({ problem_type: 'file_content_unavailable', details: `the content of ${filename} was not captured; its checksum cannot be checked` });
                        return [];
                    }
                    const equal = actual.toLowerCase() === params.checksum.toLowerCase();
                    if (equal !== (params.checksum_match === 'equals'))
                        return [];
                    parts.push(`and checksum=${actual} op=${params.checksum_match} specified_checksum=${params.checksum}`);
                }
                if (typeof params.mode === 'string') {
                    const want = Number.parseInt(params.mode, 8) & 0o7777;
                    const equal = (entry.mode & 0o7777) === want;
                    if (equal !== (params.mode_op === 'equals'))
                        return [];
                    parts.push(`and mode=${pyOct(entry.mode & 0o7777)} op=${params.mode_op} specified_mode=${pyOct(want)}`);
                }
                // Neither a checksum nor a mode to compare: nothing to report, as in Anchore.
                if (parts.length === 1)
                    return [];
                return [{ message: parts.join(' '), location: { path: filename } }];
            },
        },
        {
            name: 'suid_or_guid_set',
            description: 'Fires for each file found to have suid or sgid bit set.',
            params: [],
            evaluate: ({ ctx, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                return ctx.files
                    .list()
                    .filter((e) => e.type !== 'symlink' && (e.mode & 0o6000) !== 0)
                    .map((e) => ({ message: `SUID or SGID found set on file ${e.path}. Mode: 0o${(e.mode & 0o7777).toString(8)}`, location: { path: e.path } }));
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/licenses/licenses.ts
/**
 * The licence names Anchore's gate compares: the package's licence field split on whitespace
 * (anchore-engine `gates/licenses.py` `LicensesGate.prepare_context`: `pkg.license.split()`), from the names as
 * the package writes them (`declaredLicenses`: Debian's `GPL-2+`, `BSD-2-clause`) where the catalog mapped them to
 * SPDX. Each name once per package.
 */
function declaredLicenseNames(p) {
    return [...new Set((p.declaredLicenses ?? p.licenses).flatMap((l) => l.split(/\s+/)).filter((l) => l !== ''))];
}
/** The SPDX licence strings of a package, plus each identifier inside an SPDX expression (`MIT OR GPL-2.0-only`). */
function licenseTerms(p) {
    const out = new Set();
    for (const l of p.licenses) {
        out.add(l);
        for (const id of l.replace(/[()]/g, ' ').split(/\s+(?:AND|OR|WITH)\s+|\s+/))
            if (id && !['AND', 'OR', 'WITH'].includes(id))
                out.add(id);
    }
    return [...out];
}
/** Names as written first, then (with `match_spdx`) the SPDX forms not already among them. */
function namesOf(p, spdx) {
    const names = declaredLicenseNames(p);
    if (!spdx)
        return names;
    return [...new Set([...names, ...licenseTerms(p)])];
}
/** `pkg(lic)` for every (package, licence, wanted value) that hits, in that order, as Anchore lists them. */
function offenders(pkgs, spdx, wanted, hit, perValue) {
    const out = [];
    for (const p of pkgs) {
        for (const l of namesOf(p, spdx)) {
            if (perValue)
                for (const w of wanted)
                    if (hit(l, w))
                        out.push(`${p.name}(${l})`);
            if (!perValue && wanted.some((w) => hit(l, w)))
                out.push(`${p.name}(${l})`);
        }
    }
    return out;
}
const matchSpdx = {
    name: 'match_spdx',
    description: 'Portcullis extension (not in Anchore): also match the SPDX form of each licence (GPL-2.0-or-later for Debian\'s GPL-2+) and each id inside an SPDX expression. Default false: licences are matched as the package writes them, as Anchore does.',
    type: 'boolean',
    required: false,
    default: 'false',
    example: 'true',
};
const licensesGate = {
    name: 'licenses',
    description: 'License checks against found software licenses in the container image',
    triggers: [
        {
            name: 'blacklist_exact_match',
            aliases: ['denylist_exact_match'],
            description: 'Triggers if the evaluated image has a package installed with software distributed under the specified (exact match) license(s).',
            params: [{ name: 'licenses', description: 'List of license names to blacklist exactly.', type: 'string-list', required: true, example: 'GPLv2+,GPL-3+,BSD-2-clause' }, matchSpdx],
            evaluate: ({ ctx, params }) => {
                const found = offenders(ctx.packages, params.match_spdx === true, params.licenses, (l, w) => l === w, false);
                return found.length > 0 ? [{ message: `LICFULLMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
            },
        },
        {
            name: 'blacklist_partial_match',
            aliases: ['denylist_partial_match'],
            description: 'triggers if the evaluated image has a package installed with software distributed under the specified (substring match) license(s)',
            params: [{ name: 'licenses', description: 'List of strings to do substring match for blacklist.', type: 'string-list', required: true, example: 'LGPL,BSD' }, matchSpdx],
            evaluate: ({ ctx, params }) => {
                // One entry per matching value, as Anchore's loop over the values does.
                const found = offenders(ctx.packages, params.match_spdx === true, params.licenses, (l, w) => l.includes(w), true);
                return found.length > 0 ? [{ message: `LICSUBMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/malware/malware.ts

/**
 * Portcullis runs no malware scanner itself. A scan result can be put in the context (`ctx.malware`); without one,
 * `scans` cannot fire and says so in the evaluation problems, and `scan_not_run` fires.
 */
const malwareGate = {
    name: 'malware',
    description: 'Checks for malware scan findings in the image',
    triggers: [
        {
            name: 'scans',
            description: 'Triggers if any malware scanner has found any matches in the image.',
            params: [],
            evaluate: ({ ctx, problem }) => {
                if (!ctx.malware) {
                    problem({ problem_type: 'malware_scan_unavailable', details: 'no malware scanner ran on this image, so this trigger cannot fire' });
                    return [];
                }
                const scanner = ctx.malware.scanner;
                return ctx.malware.findings.map((f) => ({
                    message: `Malware scan finding: scanner=${scanner} file=${f.path} signature=${f.signature}`,
                    triggerId: `${scanner}+${f.signature}+${md5(f.path)}`,
                }));
            },
        },
        {
            name: 'scan_not_run',
            description: 'Triggers if no malware scan has been run on the image.',
            params: [],
            evaluate: ({ ctx }) => (ctx.malware ? [] : [{ message: 'No malware scans found for image' }]),
        },
    ],
};
function md5(s) {
    return (0,external_node_crypto_.createHash)('md5').update(s).digest('hex');
}

// EXTERNAL MODULE: ./src/policy/gates/metadata/metadata.ts
var metadata = __webpack_require__(68402);
// EXTERNAL MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts + 1 modules
var vulnerabilities = __webpack_require__(41589);
;// CONCATENATED MODULE: ./src/policy/gates/feed-gate.ts

/** Installed versions by package name, in catalog order, each once (Anchore's name → versions listing). */
function listing(pkgs) {
    const out = new Map();
    for (const p of pkgs) {
        const versions = out.get(p.name) ?? [];
        if (!versions.includes(p.version))
            versions.push(p.version);
        out.set(p.name, versions);
    }
    return out;
}
function feedGate(spec) {
    const pkgs = (run) => run.ctx.packages.filter((p) => p.type === spec.packageType);
    const feed = (run) => {
        const f = run.ctx.feeds?.[spec.feedKey];
        if (!f)
            run.problem({ problem_type: 'feed_unavailable', details: `no ${spec.label.toLowerCase()} feed data is available; the trigger cannot fire` });
        return f;
    };
    const P = spec.label;
    return {
        name: spec.gate,
        description: spec.description,
        triggers: [
            {
                name: spec.names.newer,
                description: spec.descriptions.newer,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run))].flatMap(([name, versions]) => {
                        const latest = f.latest(name);
                        if (latest === undefined)
                            return [];
                        return versions.filter((v) => v !== latest).map((v) => ({ message: `${spec.notLatestPrefix}Package (${name}) version (${v}) installed but is not the latest version (${latest})` }));
                    });
                },
            },
            {
                name: spec.names.notFound,
                description: spec.descriptions.notFound,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run)).keys()].flatMap((name) => (f.versions(name) === undefined ? [{ message: `${P}NOTOFFICIAL Package (${name}) in container but not in official ${P} feed.` }] : []));
                },
            },
            {
                name: spec.names.badVersion,
                description: spec.descriptions.badVersion,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run))].flatMap(([name, installed]) => {
                        const versions = f.versions(name);
                        if (versions === undefined)
                            return [];
                        // The feed's versions as a Python list repr, as Anchore formats them.
                        return installed.filter((v) => !versions.includes(v)).map((v) => ({ message: `${P}BADVERSION Package (${name}) version (${v}) installed but version is not in the official feed for this package (${(0,vulnerabilities/* pyList */._r)(versions)})` }));
                    });
                },
            },
            {
                name: spec.names.deny,
                aliases: [spec.names.denyV2],
                description: spec.descriptions.deny,
                params: [
                    { name: 'name', description: `${P} package name to blacklist.`, type: 'string', required: true, example: 'time_diff' },
                    { name: 'version', description: `${P} package version to blacklist specifically.`, type: 'string', required: false, example: '0.2.9' },
                ],
                evaluate: (run) => {
                    const name = run.params.name;
                    const version = run.params.version;
                    // Once per rule, as Anchore's blacklist triggers fire (gems.py BlacklistedGemTrigger, npms.py PkgMatchTrigger).
                    const installed = listing(pkgs(run)).get(name);
                    if (!installed)
                        return [];
                    if (version === undefined)
                        return [{ message: `${spec.denyPrefix}${name}` }];
                    return installed.includes(version) ? [{ message: `${spec.denyPrefix}${name}-${version}` }] : [];
                },
            },
            {
                name: spec.names.unavailable,
                description: spec.descriptions.unavailable,
                params: [],
                evaluate: (run) => (run.ctx.feeds?.[spec.feedKey] || pkgs(run).length === 0 ? [] : [{ message: spec.unavailableMessage }]),
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/policy/gates/npms/npms.ts

const npmsGate = feedGate({
    gate: 'npms',
    description: 'NPM Checks',
    packageType: 'npm',
    feedKey: 'npm',
    label: 'NPM',
    names: { newer: 'newer_version_in_feed', notFound: 'unknown_in_feeds', badVersion: 'version_not_in_feeds', deny: 'blacklisted_name_version', denyV2: 'denylisted_name_version', unavailable: 'feed_data_unavailable' },
    descriptions: {
        newer: 'Triggers if an installed NPM is not the latest version according to NPM data feed.',
        notFound: 'Triggers if an installed NPM is not in the official NPM database, according to NPM data feed.',
        badVersion: 'Triggers if an installed NPM version is not listed in the official NPM feed as a valid version.',
        deny: 'Triggers if the evaluated image has an NPM package installed that matches the name and optionally a version specified in the parameters.',
        unavailable: 'Triggers if the engine does not have access to the NPM data feed.',
    },
    notLatestPrefix: 'NPMNOTLATEST ',
    denyPrefix: 'NPM Package is blacklisted: ',
    unavailableMessage: 'NPM packages are present but the anchore npm feed is not available - will be unable to perform checks that require feed data',
});

// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
// EXTERNAL MODULE: ./src/version/list.ts + 13 modules
var list = __webpack_require__(29561);
;// CONCATENATED MODULE: ./src/policy/gates/packages/packages.ts


/** Every package type, for `catalog_incomplete`'s `package_types` (exhaustive: a new type must be listed here). */
const PACKAGE_TYPES = {
    apk: true,
    deb: true,
    rpm: true,
    npm: true,
    python: true,
    'java-archive': true,
    'go-module': true,
    gem: true,
    'php-composer': true,
    'rust-crate': true,
    dotnet: true,
};
function osPackages(ctx) {
    return ctx.packages.filter((p) => (0,target/* isOsPackageType */.PH)(p.type));
}
function compare(ctx, type, a, b) {
    return (ctx.compareVersions ?? list/* compareForPackageType */.Xl)(type, a, b);
}
/** A package's file list as the cataloger records it (`metadata.files`: paths, or objects with a `path`). */
function packageFiles(meta) {
    const files = meta?.files;
    if (!Array.isArray(files))
        return undefined;
    return files.flatMap((f) => (typeof f === 'string' ? [f] : typeof f === 'object' && f !== null && typeof f.path === 'string' ? [f.path] : []));
}
/**
 * The version without its release, as Anchore's `version` column holds it for rpm (`1.0.2k` of `1:1.0.2k-19.el7`)
 * and apk (`1.2.3` of `1.2.3-r0`); a deb version is kept whole (Anchore's deb release is "N/A").
 */
function versionWithoutRelease(type, version) {
    if (type !== 'rpm' && type !== 'apk')
        return undefined;
    const dash = version.lastIndexOf('-');
    const noRelease = dash > 0 ? version.slice(0, dash) : version;
    return type === 'rpm' ? noRelease.replace(/^\d+:/, '') : noRelease;
}
const packagesGate = {
    name: 'packages',
    description: 'Distro package checks',
    triggers: [
        {
            name: 'required_package',
            description: 'Triggers if the specified package and optionally a specific version is not found in the image.',
            params: [
                { name: 'name', description: 'Name of package that must be found installed in image.', type: 'string', required: true, example: 'libssl' },
                { name: 'version', description: 'Optional version of package for exact version match.', type: 'string', required: false, example: '1.10.3rc3' },
                { name: 'version_match_type', description: 'The type of comparison to use for version if a version is provided.', type: 'enum', required: false, allowed: ['exact', 'minimum'], default: 'exact', example: 'exact' },
            ],
            evaluate: ({ ctx, params }) => {
                const name = params.name;
                const version = params.version;
                // Every package, as Anchore's loader (engine/loaders.py) puts language packages in the same table.
                const found = ctx.packages.filter((p) => p.name === name);
                if (found.length === 0)
                    return [{ message: `Required input package (${name}${version ? `,${version}` : ''}) is not present in container image` }];
                if (!version)
                    return [];
                if (params.version_match_type === 'minimum') {
                    return found.some((p) => compare(ctx, p.type, p.version, version) >= 0)
                        ? []
                        : found.map((p) => ({ message: `Required min-version input package (${name}) is present (${p.version}), but is lower version than what is specified in policy (${version})` }));
                }
                if (found.some((p) => p.version === version))
                    return [];
                // Anchore's message repeats the package name where the version belongs; kept so trigger ids match.
                return found.map((p) => ({ message: `Required input package (${name}) is present (${p.version}), but not at the version specified in policy (${name})` }));
            },
        },
        {
            name: 'verify',
            description: 'Check package integrity against package db in the image. Triggers for changes or removal or content in all or the selected "dirs" parameter if provided, and can filter type of check with the "check_only" parameter.',
            params: [
                { name: 'only_packages', description: 'List of package names to limit verification.', type: 'string-list', required: false, example: 'libssl,openssl' },
                { name: 'only_directories', description: 'List of directories to limit checks so as to avoid checks on all dir.', type: 'string-list', required: false, example: '/usr,/var/lib' },
                { name: 'check', description: 'Check to perform instead of all.', type: 'enum', required: false, allowed: ['changed', 'missing'], example: 'changed' },
            ],
            evaluate: ({ ctx, params, problem }) => {
                const only = params.only_packages;
                const dirs = params.only_directories;
                if (params.check !== 'missing')
                    problem({ problem_type: 'verify_changed_unsupported', details: 'the "changed" check needs file digests from the package database, which Portcullis does not collect yet; only missing files are verified' });
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const out = [];
                let withLists = 0;
                for (const p of osPackages(ctx)) {
                    if (only && !only.includes(p.name))
                        continue;
                    const files = packageFiles(p.metadata);
                    if (!files)
                        continue;
                    withLists++;
                    for (const path of files) {
                        if (dirs && !dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : `${d}/`)))
                            continue;
                        if (params.check !== 'changed' && !ctx.files.get(path)) {
                            out.push({ message: `VERIFY check against package db for package '${p.name}' failed on entry '${path}' with status: 'missing'`, location: { path } });
                        }
                    }
                }
                if (withLists === 0)
                    problem({ problem_type: 'verify_no_file_lists', details: 'no package in the image has a recorded file list; nothing was verified' });
                return out;
            },
        },
        {
            // A Portcullis extension (Anchore has no such trigger): the catalog Anchore's engine builds has no notion of an
            // unreadable database, so a bundle using this trigger loads only in Portcullis.
            name: 'catalog_incomplete',
            description: 'Portcullis extension (not in Anchore): triggers once per package database the scan could not read (over the content cap, truncated or corrupt: a dpkg status, an apk or rpm database, python METADATA/RECORD, package.json or a lockfile, a gemspec, composer installed.json, a .NET deps.json, a Java archive, Go or Rust build info). Its packages are missing from the catalog, so no other trigger sees them. The trigger id is the database\'s path.',
            params: [
                {
                    name: 'package_types',
                    description: `Only these package types (comma-separated: ${Object.keys(PACKAGE_TYPES).join(', ')}). Default: every type.`,
                    type: 'string-list',
                    required: false,
                    example: 'rpm,deb,apk',
                    validate: (value) => {
                        const bad = value.split(',').map((t) => t.trim()).filter((t) => t !== '' && !Object.hasOwn(PACKAGE_TYPES, t));
                        return bad.length ? `unknown package type${bad.length > 1 ? 's' : ''} ${bad.map((t) => JSON.stringify(t)).join(', ')} (known: ${Object.keys(PACKAGE_TYPES).join(', ')})` : undefined;
                    },
                },
            ],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.catalogGaps) {
                    problem({ problem_type: 'catalog_gaps_unavailable', details: 'the scan did not say which package databases it could not read; the trigger cannot fire' });
                    return [];
                }
                const only = params.package_types;
                const seen = new Set();
                const out = [];
                for (const u of ctx.catalogGaps) {
                    if (!u.packageDatabase || (only && !only.includes(u.packageDatabase)))
                        continue;
                    const path = u.path ?? `(${u.stage})`;
                    // One item per database, whatever the number of problems the cataloger found in it.
                    if (seen.has(path))
                        continue;
                    seen.add(path);
                    out.push({
                        message: `Package database ${path} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`,
                        triggerId: path,
                        ...(u.path ? { location: { path: u.path } } : {}),
                    });
                }
                return out;
            },
        },
        {
            name: 'blacklist',
            aliases: ['denylist'],
            description: 'Triggers if the evaluated image has a package installed that matches the named package optionally with a specific version as well.',
            params: [
                { name: 'name', description: 'Package name to blacklist.', type: 'string', required: true, example: 'openssh-server' },
                { name: 'version', description: 'Specific version of package to blacklist.', type: 'string', required: false, example: '1.0.1' },
            ],
            evaluate: ({ ctx, params }) => {
                const name = params.name;
                const version = params.version;
                // Every package, as in Anchore (a bundle's blacklist of `lodash` fires on the npm package).
                return ctx.packages.flatMap((p) => {
                    if (p.name !== name)
                        return [];
                    if (version === undefined)
                        return [{ message: `Package is blacklisted: ${p.name}` }];
                    if (p.version === version)
                        return [{ message: `Package is blacklisted: ${p.name}-${p.version}` }];
                    // Anchore compares its `version` column, which for rpm and apk has no release; the message shows it.
                    const upstream = versionWithoutRelease(p.type, p.version);
                    return upstream === version ? [{ message: `Package is blacklisted: ${p.name}-${upstream}` }] : [];
                });
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/passwd-file/passwd-file.ts

const PASSWD = '/etc/passwd';
const REQUEST = { id: 'gate/passwd_file', paths: [PASSWD] };
/** The entries of /etc/passwd, or undefined (with a problem) when its content was not captured. */
function entries(run) {
    const text = memo(run.ctx, 'passwd', () => run.ctx.files?.readText(PASSWD));
    if (text === undefined) {
        run.problem({ problem_type: 'passwd_unavailable', details: `${PASSWD} is not present or was not read; the trigger cannot fire` });
        return undefined;
    }
    return text
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((line) => {
        const f = line.split(':');
        return { line, user: f[0] ?? '', uid: f[2] ?? '', gid: f[3] ?? '', shell: f[6] ?? '' };
    });
}
function denyTrigger(name, v2, description, param, field, word) {
    return {
        name,
        aliases: [v2],
        description,
        params: [{ ...param, required: true }],
        requests: () => [REQUEST],
        evaluate: (run) => {
            const list = run.params[param.name].map(String);
            return (entries(run) ?? []).filter((e) => list.includes(e[field])).map((e) => ({ message: `Blacklisted ${word} '${e[field]}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
        },
    };
}
const passwdFileGate = {
    name: 'passwd_file',
    description: 'Content checks for /etc/passwd for things like usernames, group ids, shells, or full entries.',
    triggers: [
        {
            name: 'content_not_available',
            description: 'Triggers if the /etc/passwd file is not present/stored in the evaluated image.',
            params: [],
            requests: () => [REQUEST],
            evaluate: ({ ctx }) => (ctx.files?.readText(PASSWD) === undefined ? [{ message: 'Cannot locate /etc/passwd in image stored files archive: check analyzer settings.' }] : []),
        },
        denyTrigger('blacklist_usernames', 'denylist_usernames', 'Triggers if specified username is found in the /etc/passwd file', { name: 'user_names', aliases: ['usernameblacklist'], description: 'List of usernames that will cause the trigger to fire if found in /etc/passwd.', type: 'string-list', example: 'daemon,ftp' }, 'user', 'user'),
        denyTrigger('blacklist_userids', 'denylist_userids', 'Triggers if specified user id is found in the /etc/passwd file', { name: 'user_ids', aliases: ['useridblacklist'], description: 'List of userids (numeric) that will cause the trigger to fire if found in /etc/passwd.', type: 'integer-list', example: '0,1' }, 'uid', 'uid'),
        denyTrigger('blacklist_groupids', 'denylist_groupids', 'Triggers if specified group id is found in the /etc/passwd file', { name: 'group_ids', aliases: ['groupidblacklist'], description: 'List of groupids (numeric) that will cause the trigger ot fire if found in /etc/passwd.', type: 'integer-list', example: '999,20' }, 'gid', 'gid'),
        denyTrigger('blacklist_shells', 'denylist_shells', 'Triggers if specified login shell for any user is found in the /etc/passwd file', { name: 'shells', aliases: ['shellblacklist'], description: 'List of shell commands to blacklist.', type: 'string-list', example: '/bin/bash,/bin/zsh' }, 'shell', 'shell'),
        {
            name: 'blacklist_full_entry',
            aliases: ['denylist_full_entry'],
            description: 'Triggers if entire specified passwd entry is found in the /etc/passwd file.',
            params: [{ name: 'entry', aliases: ['pentryblacklist'], description: 'Full entry to match in /etc/passwd.', type: 'string', required: true, example: 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin' }],
            requests: () => [REQUEST],
            evaluate: (run) => {
                const entry = run.params.entry;
                return (entries(run) ?? []).filter((e) => e.line === entry).map((e) => ({ message: `Blacklisted pentry '${entry}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/retrieved-files/retrieved-files.ts

const request = (path) => ({ id: `gate/retrieved_files:${path}`, paths: [path] });
function content(run, path) {
    return run.ctx.files?.readText(path);
}
const retrievedFilesGate = {
    name: 'retrieved_files',
    description: 'Checks against content and/or presence of files retrieved at analysis time from an image',
    triggers: [
        {
            name: 'content_not_available',
            description: 'Triggers if the specified file is not present/stored in the evaluated image.',
            params: [{ name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' }],
            requests: (params) => [request(params.path)],
            evaluate: (run) => {
                const path = run.params.path;
                return content(run, path) === undefined ? [{ message: 'Cannot locate file in the image analysis', location: { path } }] : [];
            },
        },
        {
            name: 'content_regex',
            description: 'Evaluation of regex on retrieved file content',
            params: [
                { name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' },
                { name: 'regex', description: 'The regex to evaluate against the content of the file', type: 'string', required: true, regex: true, example: '.*SSlEnabled.*' },
                { name: 'check', description: 'The type of check to perform with the regex', type: 'enum', required: true, allowed: ['match', 'no_match'], example: 'match' },
            ],
            requests: (params) => [request(params.path)],
            evaluate: (run) => {
                const path = run.params.path;
                const regex = run.params.regex;
                const check = run.params.check;
                const text = content(run, path);
                if (text === undefined) {
                    run.problem({ problem_type: 'file_content_unavailable', details: `${path} is not present or was not read; the trigger cannot fire` });
                    return [];
                }
                const matched = text.split(/\s+/).some((tok) => tok !== '' && (0,policy_params/* reMatch */.$D)(regex, tok));
                if (matched !== (check === 'match'))
                    return [];
                return [{ message: `Content regex '${regex}' check '${check}' found in retrieved file '${path}'`, triggerId: `${run.ruleId}+file://${path}`, location: { path } }];
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/ruby-gems/ruby-gems.ts

const rubyGemsGate = feedGate({
    gate: 'ruby_gems',
    description: 'Ruby Gem Checks',
    packageType: 'gem',
    feedKey: 'gem',
    label: 'GEM',
    names: { newer: 'newer_version_found_in_feed', notFound: 'not_found_in_feed', badVersion: 'version_not_found_in_feed', deny: 'blacklist', denyV2: 'denylist', unavailable: 'feed_data_unavailable' },
    descriptions: {
        newer: 'Triggers if an installed GEM is not the latest version according to GEM data feed.',
        notFound: 'Triggers if an installed GEM is not in the official GEM database, according to GEM data feed.',
        badVersion: 'Triggers if an installed GEM version is not listed in the official GEM feed as a valid version.',
        deny: 'Triggers if the evaluated image has a GEM package installed that matches the specified name and version.',
        unavailable: 'Triggers if anchore does not have access to the GEM data feed.',
    },
    notLatestPrefix: '',
    denyPrefix: 'Gem Package is blacklisted: ',
    unavailableMessage: 'Gem packages are present but the anchore gem feed is not available - will be unable to perform checks that require feed data',
});

;// CONCATENATED MODULE: ./src/policy/gates/secret-scans/secret-scans.ts


const SECRET_SCAN_REQUEST_ID = 'gate/secret_scans';
const secretScansGate = {
    name: 'secret_scans',
    description: 'Checks for secrets and content found in the image using configured regexes found in the "secret_search" section of analyzer_config.yaml.',
    triggers: [
        {
            name: 'content_regex_checks',
            description: 'Triggers if the secret content search analyzer has found any matches with the configured and named regexes. Checks can be configured to trigger if a match is found or is not found (selected using match_type parameter). Matches are filtered by the content_regex_name and filename_regex if they are set. The content_regex_name should be a value from the "secret_search" section of the analyzer_config.yaml.',
            params: [
                {
                    name: 'content_regex_name',
                    description: `Name of content regexps configured in the analyzer that match if found in the image, instead of matching all. Names available by default are: ['${DEFAULT_SECRET_REGEXES.map((r) => r.name).join("', '")}']`,
                    type: 'string',
                    required: false,
                    example: 'AWS_ACCESS_KEY',
                },
                { name: 'filename_regex', description: 'Regexp to filter the content matched files by.', type: 'string', required: false, regex: true, example: '/etc/.*' },
                { name: 'match_type', description: 'Set to define the type of match - trigger if match is found (default) or not found.', type: 'enum', required: false, allowed: ['notfound', 'found'], default: 'found', example: 'found' },
            ],
            requests: () => [contentScanRequest(SECRET_SCAN_REQUEST_ID, DEFAULT_SECRET_REGEXES)],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
                    return [];
                }
                const name = params.content_regex_name;
                if (name !== undefined && !DEFAULT_SECRET_REGEXES.some((r) => r.name === name)) {
                    // Anchore loads any name (its all-rules test bundle has `test-regex`); a name not configured matches nothing.
                    problem({ problem_type: 'unknown_regex_name', details: `content_regex_name ${JSON.stringify(name)} is not one of the secret regexes (${DEFAULT_SECRET_REGEXES.map((r) => r.name).join(', ')}); it matches nothing` });
                }
                const fileRe = params.filename_regex;
                const hits = contentScanResults(ctx.files, SECRET_SCAN_REQUEST_ID)
                    .filter((h) => fileRe === undefined || (0,policy_params/* reMatch */.$D)(fileRe, h.path))
                    .flatMap((h) => h.names.filter((n) => name === undefined || n === name).map((n) => ({ path: h.path, name: n })));
                if (params.match_type === 'notfound') {
                    return hits.length === 0
                        ? [{ message: `Secret content search analyzer did not find regexp match in container: filename_regex=${fileRe ?? '*'} content_regex_name=${name ?? 'all'}` }]
                        : [];
                }
                return hits.map((h) => {
                    const regex = ANCHORE_SECRET_SEARCH[h.name] ?? DEFAULT_SECRET_REGEXES.find((r) => r.name === h.name).regex;
                    return { message: `Secret content search analyzer found regexp match in container: file=${h.path} regexp=${h.name}=${regex}`, location: { path: h.path } };
                });
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/list.ts














/** Every gate of the engine, in Anchore's order. */
const GATES = [
    alwaysGate,
    dockerfileGate,
    filesGate,
    rubyGemsGate,
    metadata/* metadataGate */.l3,
    licensesGate,
    malwareGate,
    npmsGate,
    packagesGate,
    passwdFileGate,
    retrievedFilesGate,
    secretScansGate,
    vulnerabilities/* vulnerabilitiesGate */.uF,
    complianceGate,
];
/** Case-insensitive gate lookup. `gems` is accepted for `ruby_gems` (the name Anchore's EOL table uses). */
function findGate(name) {
    const n = name.toLowerCase();
    return GATES.find((g) => g.name === n) ?? (n === 'gems' ? rubyGemsGate : undefined);
}


/***/ }),

/***/ 6563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ matchesPattern),
/* harmony export */   ko: () => (/* binding */ selects)
/* harmony export */ });
/* unused harmony export parseImageTag */
/* harmony import */ var _params_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76734);

function parseImageTag(input) {
    let s = input.trim();
    if (s.startsWith('dockerhub/'))
        s = `docker.io/${s.slice('dockerhub/'.length)}`;
    let digest;
    const at = s.indexOf('@');
    if (at >= 0) {
        digest = s.slice(at + 1);
        s = s.slice(0, at);
    }
    let registry = 'docker.io';
    const slash = s.indexOf('/');
    if (slash > 0) {
        const first = s.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            s = s.slice(slash + 1);
        }
    }
    let tag = 'latest';
    const colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
        tag = s.slice(colon + 1);
        s = s.slice(0, colon);
    }
    else if (digest)
        tag = '';
    return { registry, repository: s, tag, ...(digest ? { digest } : {}) };
}
/**
 * Anchore's pattern matching for mappings, image lists and allowlist trigger ids: a `regexp:` prefix gives a raw
 * regex (matched from the start, as Python's `re.match`); otherwise `*` matches anything and every other character
 * is literal, anchored at both ends.
 */
function matchesPattern(pattern, value) {
    if (pattern.startsWith('regexp:'))
        return (0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .reMatch */ .$D)(pattern.slice('regexp:'.length), value);
    if (!pattern.includes('*'))
        return pattern === value;
    const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
    return re.test(value);
}
/** Does an image selection rule (or mapping) select this image? Digest and id rules compare exactly. */
function selects(rule, target) {
    const t = parseImageTag(target.tag);
    if (!matchesPattern(rule.registry, t.registry) || !matchesPattern(rule.repository, t.repository))
        return false;
    switch (rule.image.type) {
        case 'tag':
            return matchesPattern(rule.image.value, t.tag);
        case 'digest':
            return sameDigest(rule.image.value, target.digest ?? t.digest);
        case 'id':
            return sameDigest(rule.image.value, target.imageId);
    }
}
function sameDigest(want, have) {
    if (!have)
        return false;
    const strip = (d) => d.replace(/^sha256:/, '');
    return strip(want) === strip(have);
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 65348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ isDateTime),
/* harmony export */   Nk: () => (/* binding */ COMPLIANCE_PATHS),
/* harmony export */   On: () => (/* binding */ pushCompliance),
/* harmony export */   Vt: () => (/* binding */ DIGEST_RE),
/* harmony export */   k5: () => (/* binding */ validateComplianceCheck)
/* harmony export */ });
/* unused harmony exports COMPLIANCE_TEXT_FIELDS, COMPLIANCE_FILE_FIELDS, buildComplianceForm, complianceKey */
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
 * Pushes an evaluation's SBOM to Anchore Enterprise ≥ 5 through its image import API: `POST /v2/imports/images`,
 * then `…/{operation}/sbom` (and `…/image-config` when the report carries the config), then `POST /v2/images`
 * with `source.import`. Anchore computes the policy result itself; nobody uploads one.
 */


class AnchoreImportSink {
    target;
    id = 'anchore-enterprise';
    constructor(target) {
        this.target = target;
    }
    async #post(path, body, ctx, ok = [200, 201]) {
        const res = await (0,http/* send */.tN)(this.target, 'POST', path, {
            body,
            headers: { 'content-type': 'application/json' },
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (!ok.includes(res.status))
            throw (0,http/* statusError */.$C)('POST', this.target, path, res);
        return res.json();
    }
    async push(payload, ctx) {
        if (!payload.sbom)
            throw new errors/* ConfigurationError */.j1('Anchore Enterprise import needs an SBOM (--sbom, Syft JSON as anchorectl sends it)');
        const op = await this.#post('/v2/imports/images', '{}', ctx);
        if (!op.uuid)
            throw new errors/* ConfigurationError */.j1('Anchore Enterprise answered the import request without an operation uuid');
        const base = `/v2/imports/images/${encodeURIComponent(op.uuid)}`;
        ctx.logger.debug(`anchore import operation ${op.uuid}`);
        const contents = {};
        contents.sbom = (await this.#post(`${base}/sbom`, payload.sbom.data.toString('utf8'), ctx)).digest;
        const config = imageConfigOf(payload.report.data);
        if (config)
            contents.image_config = (await this.#post(`${base}/image-config`, config, ctx)).digest;
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
                    ...(payload.imageTag ? { tags: [payload.imageTag] } : {}),
                    contents,
                },
            },
            annotations,
        };
        // Anchore keys images by digest: adding the same digest again updates it rather than duplicating it.
        const added = await this.#post('/v2/images?force=true&auto_subscribe=false', JSON.stringify(request), ctx);
        const record = Array.isArray(added) ? added[0] : added;
        const digest = typeof record?.image_digest === 'string' ? record.image_digest : payload.imageDigest;
        return { sink: this.id, id: digest, duplicate: false, url: `${this.target.url.replace(/\/+$/, '')}/v2/images/${digest}` };
    }
}
/** The image config from the JSON report, re-serialised, when the report has it. */
function imageConfigOf(report) {
    try {
        const parsed = JSON.parse(report.toString('utf8'));
        return parsed.image?.config ? JSON.stringify(parsed.image.config) : undefined;
    }
    catch {
        return undefined;
    }
}
const anchoreImportSinkKind = {
    id: 'anchore-enterprise',
    version: 1,
    aliases: ['anchore'],
    requires: ['network'],
    description: 'Anchore Enterprise ≥ 5: the SBOM through the image import API (/v2/imports/images, then POST /v2/images)',
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
/* harmony export */   QX: () => (/* binding */ Spool),
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   nt: () => (/* binding */ retrySpooled)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _common_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49353);
/**
 * The spool: a payload whose push failed is written to disk and pushed again on the next run, or by
 * `portcullis push --retry-spooled`. Credentials are never written; the retry uses the sink configured then.
 * Its idempotency key is kept, so a payload that did reach the server before the failure is not duplicated.
 */




const toSpooled = (f) => ({ name: f.name, contentType: f.contentType, base64: f.data.toString('base64') });
const fromSpooled = (f) => ({ name: f.name, contentType: f.contentType, data: Buffer.from(f.base64, 'base64') });
class Spool {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    #fileName(sink, key) {
        return `${sink.replace(/[^a-z0-9-]/gi, '_')}-${key.replace(/[^a-f0-9]/gi, '').slice(0, 64)}.json`;
    }
    /** Writes (or rewrites) the payload atomically; returns its path. */
    async put(sink, url, payload, error, attempts = 1) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(this.dir, { recursive: true });
        const { report, sbom, sarif, ...rest } = payload;
        const record = {
            version: 1,
            sink,
            url,
            spooledAt: new Date().toISOString(),
            attempts,
            lastError: error,
            payload: { ...rest, report: toSpooled(report), ...(sbom ? { sbom: toSpooled(sbom) } : {}), ...(sarif ? { sarif: toSpooled(sarif) } : {}) },
        };
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, this.#fileName(sink, payload.idempotencyKey));
        const tmp = `${path}.${process.pid}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tmp, JSON.stringify(record));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, path);
        return path;
    }
    /** Every spooled payload, oldest first. Unreadable files are reported and skipped. */
    async list(logger) {
        let names;
        try {
            names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(this.dir)).filter((n) => n.endsWith('.json')).sort();
        }
        catch {
            return [];
        }
        const out = [];
        for (const name of names) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, name);
            try {
                const record = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
                if (record.version !== 1)
                    throw new Error(`unknown spool record version ${String(record.version)}`);
                const { report, sbom, sarif, ...rest } = record.payload;
                out.push({
                    path,
                    record,
                    payload: { ...rest, report: fromSpooled(report), ...(sbom ? { sbom: fromSpooled(sbom) } : {}), ...(sarif ? { sarif: fromSpooled(sarif) } : {}) },
                });
            }
            catch (error) {
                logger?.warning(`spool: skipping ${path}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`);
            }
        }
        return out.sort((a, b) => a.record.spooledAt.localeCompare(b.record.spooledAt));
    }
    async remove(path) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { force: true });
    }
}
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
/** Pushes every spooled payload meant for this sink and URL; a success removes it, a failure keeps it. */
async function retrySpooled(sink, options) {
    const pushed = [];
    const failed = [];
    for (const entry of await options.spool.list(options.logger)) {
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

/***/ 47018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ targetFrom),
/* harmony export */   R: () => (/* binding */ ciKeys)
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

/***/ 96153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ runScan)
});

// UNUSED EXPORTS: targetTag

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/run.ts + 33 modules
var run = __webpack_require__(33338);
// EXTERNAL MODULE: ./src/image/layer-cache/store.ts
var layer_cache_store = __webpack_require__(55769);
// EXTERNAL MODULE: ./src/image/open.ts + 20 modules
var image_open = __webpack_require__(59030);
// EXTERNAL MODULE: ./src/output/list.ts + 10 modules
var list = __webpack_require__(20571);
// EXTERNAL MODULE: ./src/policy/bundled.ts + 5 modules
var bundled = __webpack_require__(72116);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/policy/gate.ts
var policy_gate = __webpack_require__(55375);
// EXTERNAL MODULE: ./src/policy/gates/list.ts + 16 modules
var gates_list = __webpack_require__(79975);
// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
;// CONCATENATED MODULE: ./src/policy/model.ts
/** STOP beats WARN beats GO (Anchore's GateAction ordering STOP < WARN < GO, the minimum wins). */
const ACTION_RANK = { stop: -1, warn: 0, go: 1 };
function worstAction(actions) {
    let worst = 'go';
    for (const a of actions)
        if (ACTION_RANK[a] < ACTION_RANK[worst])
            worst = a;
    return worst;
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts





/** Anchore's default trigger id: md5 of gate name + trigger name + message, no separators, hex. */
function md5TriggerId(gate, trigger, message) {
    return (0,external_node_crypto_.createHash)('md5').update(gate + trigger + message).digest('hex');
}
/**
 * Evaluates a loaded bundle for one image (reference §1.6): the first matching mapping's rule sets run to
 * completion; allowlists turn matches into `go`; the worst remaining action wins; then an image deny beats an
 * image allow, which beats the policy result.
 */
function evaluatePolicy(bundle, ctx, target) {
    const problems = [];
    const mapping = bundle.mappings.find((m) => (0,match/* selects */.ko)(m, target));
    const findings = [];
    if (!mapping) {
        problems.push({
            severity: 'warn',
            problem_type: 'no_mapping',
            details: `no mapping of bundle ${bundle.id} matches ${target.tag}; no policy was evaluated and the result is GO`,
        });
    }
    else {
        const allowlists = mapping.allowlist_ids.map((id) => bundle.allowlists.find((a) => a.id === id));
        const active = activeItems(allowlists, ctx.now, problems);
        const warned = new Set();
        for (const rsId of mapping.rule_set_ids) {
            const ruleSet = bundle.rule_sets.find((r) => r.id === rsId);
            for (const rule of ruleSet.rules) {
                for (const f of runRule(rule, ctx, problems)) {
                    const hit = active.find(({ item }) => itemMatches(item, rule.gate, f.triggerId));
                    if (!hit)
                        warnBareIds(active, rule.gate, f.triggerId, warned, problems);
                    findings.push({
                        trigger_id: f.triggerId,
                        gate: rule.gate,
                        trigger: rule.trigger,
                        message: f.message,
                        action: hit ? 'go' : rule.action,
                        rule_action: rule.action,
                        policy_id: ruleSet.id,
                        rule_id: rule.id,
                        recommendation: rule.recommendation ?? '',
                        allowlisted: hit !== undefined,
                        ...(hit ? { allowlist_match: { id: hit.list.id, name: hit.list.name, matched_rule_id: hit.item.id } } : {}),
                        ...(f.location ? { location: f.location } : {}),
                    });
                }
            }
        }
    }
    const policyAction = worstAction(findings.map((f) => f.action));
    const denied = bundle.denylisted_images.find((r) => (0,match/* selects */.ko)(r, target));
    const allowed = denied ? undefined : bundle.allowlisted_images.find((r) => (0,match/* selects */.ko)(r, target));
    const finalAction = denied ? 'stop' : allowed ? 'go' : policyAction;
    const reason = denied ? 'denylisted' : allowed ? 'allowlisted' : 'policy_evaluation';
    return {
        bundle_id: bundle.id,
        bundle_name: bundle.name,
        evaluated_tag: target.tag,
        ...(target.digest ? { image_digest: target.digest } : {}),
        ...(target.imageId ? { image_id: target.imageId } : {}),
        status: finalAction === 'stop' ? 'fail' : 'pass',
        final_action: finalAction,
        final_action_reason: reason,
        policy_action: policyAction,
        image_mapped_to_rule: mapping !== undefined,
        ...(mapping ? { matched_mapping_rule: mapping } : {}),
        image_allowlisted: allowed !== undefined,
        ...(allowed ? { matched_allowlisted_images_rule: allowed } : {}),
        image_denylisted: denied !== undefined,
        ...(denied ? { matched_denylisted_images_rule: denied } : {}),
        findings,
        number_of_findings: findings.length,
        evaluation_problems: problems,
        evaluation_time: ctx.now.toISOString(),
    };
}
function runRule(rule, ctx, problems) {
    const gate = (0,gates_list/* findGate */.Z)(rule.gate);
    const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, rule.trigger);
    try {
        const fired = trigger.evaluate({
            ctx,
            params: rule.params,
            ruleId: rule.id,
            problem: (p) => problems.push({ severity: p.severity ?? 'warn', problem_type: p.problem_type, details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${p.details}` }),
        });
        return fired.map((f) => ({ message: f.message, triggerId: f.triggerId ?? md5TriggerId(gate.name, trigger.name, f.message), ...(f.location ? { location: f.location } : {}) }));
    }
    catch (e) {
        // A trigger that cannot run must not pass silently: report it, and fire the rule with its own action.
        problems.push({ severity: 'error', problem_type: 'trigger_evaluation_error', details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${e.message}` });
        const message = `Trigger could not be evaluated: ${e.message}`;
        return [{ message, triggerId: md5TriggerId(gate.name, trigger.name, message) }];
    }
}
function activeItems(lists, now, problems) {
    const out = [];
    for (const list of lists) {
        for (const item of list.items) {
            if (item.expires_on && now.getTime() >= item.expires_on.getTime()) {
                problems.push({
                    severity: 'warn',
                    problem_type: 'allowlist_item_expired',
                    details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${item.trigger_id}) expired on ${item.expires_on.toISOString()} and was ignored`,
                });
                continue;
            }
            out.push({ list, item });
        }
    }
    return out;
}
/**
 * An allowlist item matches when the gate names are equal (case-insensitive) and the trigger id is equal or
 * matches as a wildcard / `regexp:` pattern, and only then, as in Anchore Engine (anchore-engine
 * `policy/bundles.py` `ExecutableWhitelistItem.matches`): an item naming only a vulnerability (`CVE-2023-1234`)
 * does not match `CVE-2023-1234+openssl`; `CVE-2023-1234+*` does.
 */
function itemMatches(item, gate, triggerId) {
    if (item.gate.toLowerCase() !== gate.toLowerCase())
        return false;
    return (0,match/* matchesPattern */.MT)(item.trigger_id, triggerId);
}
/** A vulnerabilities item naming only a vulnerability that this finding has: it allowlists nothing, so say so once. */
function warnBareIds(active, gate, triggerId, warned, problems) {
    if (gate.toLowerCase() !== 'vulnerabilities')
        return;
    for (const { list, item } of active) {
        if (warned.has(item) || item.gate.toLowerCase() !== 'vulnerabilities')
            continue;
        const id = item.trigger_id;
        if (id.includes('+') || id.includes('*') || id.startsWith('regexp:') || !triggerId.startsWith(`${id}+`))
            continue;
        warned.add(item);
        problems.push({
            severity: 'warn',
            problem_type: 'allowlist_item_unmatched',
            details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${id}) names only a vulnerability; trigger ids are ${id}+<package>, so it allowlists nothing, as in Anchore Engine: write ${id}+* for every package`,
        });
    }
}
/** The `anchore-cli evaluate check --detail` table: Gate | Trigger | Detail | Status. */
function renderTable(evaluation) {
    const rows = evaluation.findings.map((f) => [f.gate, f.trigger, f.message, f.allowlist_match ? `allowlisted(${f.allowlist_match.name})` : f.action]);
    const header = ['Gate', 'Trigger', 'Detail', 'Status'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('   ').trimEnd();
    return [line(header), ...rows.map(line)].join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/policy/requests.ts


/** The file requests of every rule in the bundle, for the scan's single pass over the layers. */
function policyFileRequests(bundle) {
    const out = new Map();
    for (const rs of bundle.rule_sets) {
        for (const rule of rs.rules) {
            const gate = (0,gates_list/* findGate */.Z)(rule.gate);
            const trigger = gate && (0,policy_gate/* findTrigger */.Ob)(gate, rule.trigger);
            for (const req of trigger?.requests?.(rule.params) ?? []) {
                const prev = out.get(req.id);
                out.set(req.id, prev ? mergeRequests(prev, req) : req);
            }
        }
    }
    return [...out.values()];
}
function mergeRequests(a, b) {
    if (a.sink || b.sink || a.filter || b.filter)
        return a; // same id, same computed request
    return {
        id: a.id,
        paths: [...new Set([...(a.paths ?? []), ...(b.paths ?? [])])],
        globs: [...new Set([...(a.globs ?? []), ...(b.globs ?? [])])],
        ...(a.maxBytes !== undefined ? { maxBytes: a.maxBytes } : {}),
    };
}

// EXTERNAL MODULE: ./src/sbom/read.ts + 7 modules
var read = __webpack_require__(22138);
// EXTERNAL MODULE: ./src/version-info.ts
var version_info = __webpack_require__(7720);
// EXTERNAL MODULE: ./src/scan/config.ts
var scan_config = __webpack_require__(19087);
// EXTERNAL MODULE: ./src/baseline/stage.ts
var baseline_stage = __webpack_require__(6321);
// EXTERNAL MODULE: ./src/baseline/delta.ts
var delta = __webpack_require__(89041);
// EXTERNAL MODULE: ./src/publish/compliance.ts
var compliance = __webpack_require__(65348);
// EXTERNAL MODULE: ./src/publish/http.ts
var http = __webpack_require__(62211);
// EXTERNAL MODULE: ./src/scan/store-push.ts
var store_push = __webpack_require__(65561);
;// CONCATENATED MODULE: ./src/scan/compliance-input.ts





/** Reads an `oscap-summary.json` (`portcullis compliance oscap`); `shown` is the path as the user gave it. */
async function readComplianceSummary(shown, path) {
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read compliance summary ${shown}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
    const s = (data ?? {});
    if (typeof s.check_type !== 'string' || !s.check_type || typeof s.result !== 'string' || !s.result) {
        throw new errors/* ConfigurationError */.j1(`compliance summary ${shown} has no check_type and result; give the oscap-summary.json written by portcullis compliance oscap`);
    }
    const time = (v) => (typeof v === 'string' && v ? v : undefined);
    const start = time(s.start_time);
    const end = time(s.end_time);
    const digest = time(s.image?.digest);
    return { check: { check_type: s.check_type, result: s.result, ...(start ? { start_time: start } : {}), ...(end ? { end_time: end } : {}), source: shown }, ...(digest ? { digest } : {}) };
}
/** The checks that were run on this image; one run on another image (another digest) is left out, with a warning. */
function complianceFor(image, summaries, logger) {
    return summaries.flatMap(({ check, digest }) => {
        if (digest && image.manifestDigest && digest !== image.manifestDigest) {
            logger.warning(`compliance summary ${check.source} is for image ${digest}, not the scanned ${image.manifestDigest}; it is not counted`);
            return [];
        }
        return [check];
    });
}
/** The latest check of each type recorded for this image in a store's runtime-compliance API (Anchore's 404: none). */
async function storedCompliance(target, image, logger, signal) {
    const digest = (0,store_push/* storeDigest */.s)(image);
    if (!digest)
        throw new errors/* ConfigurationError */.j1('--compliance-from-store: the image has no digest to look its compliance checks up by');
    const path = `${compliance/* COMPLIANCE_PATHS */.Nk.v2}?image_digest=${encodeURIComponent(digest)}`;
    const res = await (0,http/* send */.tN)(target, 'GET', path, signal ? { signal } : {});
    if (res.status === 404) {
        logger.info(`compliance: the store has no compliance check for ${digest}`);
        return [];
    }
    if (res.status !== 200)
        throw (0,http/* statusError */.$C)('GET', target, path, res);
    const records = res.json();
    const latest = new Map();
    const when = (r) => r.end_time ?? r.start_time ?? r.created_at ?? '';
    for (const r of records) {
        const seen = latest.get(r.check_type);
        if (!seen || Date.parse(when(r)) > Date.parse(when(seen)))
            latest.set(r.check_type, r);
    }
    const base = target.url.replace(/\/+$/, '');
    return [...latest.values()].map((r) => {
        logger.info(`compliance: ${r.check_type} check ${r.id} from the store: ${r.result ?? 'no result'}`);
        return {
            check_type: r.check_type,
            result: r.result ?? 'unknown',
            ...(r.start_time ? { start_time: r.start_time } : {}),
            // A check recorded without times is as old as its record.
            ...(r.end_time ? { end_time: r.end_time } : !r.start_time && r.created_at ? { end_time: r.created_at } : {}),
            source: `${base}${compliance/* COMPLIANCE_PATHS */.Nk.v2}/${r.id}`,
        };
    });
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/scan/dockerfile-map.ts
/**
 * Maps image layers to the Dockerfile instructions that created them.
 *
 * Every builder (BuildKit, buildah, the classic builder) writes one history entry per instruction of the built stage,
 * oldest first, after the base image's entries. The entries are aligned with the instructions of the final stage (and
 * of the stages it is built `FROM`), by keyword and, for RUN and COPY, by text. Entries before the aligned part belong
 * to the base image: their layers map to the root stage's FROM line.
 */

const METADATA_ONLY = new Set(['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME']);
const KEYWORDS = new Set([...METADATA_ONLY, 'ADD', 'COPY', 'FROM', 'RUN', 'WORKDIR']);
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const collapse = (s) => s.replace(/\s+/g, ' ').trim();
/** Parses a Dockerfile into stages. Parser directives, comments and continuations are handled by dockerfile-ast. */
function parseDockerfileStages(text) {
    const stages = [];
    for (const ins of main.DockerfileParser.parse(text).getInstructions()) {
        const keyword = ins.getKeyword().toUpperCase();
        const range = ins.getRange();
        const raw = (ins.getRawArgumentsContent() ?? '')
            .replace(/\r?\n[ \t]*#[^\n]*/g, '')
            .replace(/\\\r?\n/g, '');
        const flags = 'getFlags' in ins && typeof ins.getFlags === 'function' ? ins.getFlags().map((f) => f.toString()) : [];
        const instruction = { keyword, args: raw.trim(), flags, line: range.start.line + 1, endLine: range.end.line + 1 };
        if (keyword === 'FROM') {
            const tokens = instruction.args.split(/\s+/).filter((t) => t && !t.startsWith('--'));
            const asAt = tokens.findIndex((t) => t.toUpperCase() === 'AS');
            const stage = { index: stages.length, from: tokens[0] ?? '', fromText: collapse(instruction.args), fromLine: instruction.line, instructions: [] };
            if (asAt > 0 && tokens[asAt + 1])
                stage.name = tokens[asAt + 1].toLowerCase();
            stages.push(stage);
        }
        else if (stages.length > 0) {
            stages[stages.length - 1].instructions.push(instruction);
        }
    }
    return stages;
}
/** The final stage and the stages it is built FROM, root first. */
function stageChain(stages) {
    const chain = [];
    let current = stages[stages.length - 1];
    while (current && !chain.includes(current)) {
        chain.unshift(current);
        const ref = current.from.toLowerCase();
        const before = stages.slice(0, current.index);
        current = before.find((s) => s.name === ref) ?? (/^\d+$/.test(ref) ? before[Number(ref)] : undefined);
    }
    return chain;
}
/** Reads the keyword (and RUN/COPY text) of a history entry in BuildKit's, buildah's or the classic builder's format. */
function classifyHistoryEntry(createdBy) {
    let s = (createdBy ?? '').trim().replace(/\s+# buildkit$/, '');
    if (NOP.test(s)) {
        s = s.replace(NOP, '');
        const m = /^([A-Z]+)\b\s*(.*)$/s.exec(s);
        if (m && KEYWORDS.has(m[1]))
            return { keyword: m[1], text: m[2] };
        return { keyword: 'UNKNOWN' };
    }
    const m = /^([A-Z]+)\s+(.*)$/s.exec(s);
    if (m && KEYWORDS.has(m[1]) && m[1] !== 'RUN')
        return { keyword: m[1], text: m[2] };
    if (m && m[1] === 'RUN')
        s = m[2];
    return { keyword: 'RUN', text: runCommand(s) };
}
/** The command of a RUN entry: after `/bin/sh -c ` (shell form), else after the `|N k=v` build-arg prefix. */
function runCommand(s) {
    const shell = s.indexOf('/bin/sh -c ');
    if (shell >= 0)
        return s.slice(shell + '/bin/sh -c '.length);
    return s.replace(/^\|\d+ (?:\S+=\S* )*/, '');
}
function sameKeyword(entry, ins) {
    if (entry === ins)
        return true;
    // A classic ADD of a local file is recorded as COPY by some builders and the other way round.
    return (entry === 'ADD' || entry === 'COPY') && (ins === 'ADD' || ins === 'COPY');
}
/** An exec-form argument list (`["/bin/x", "-y"]`) as the words BuildKit and the classic builder record. */
function execWords(args) {
    if (!args.startsWith('['))
        return undefined;
    try {
        const parsed = JSON.parse(args);
        return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed.join(' ') : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether a history entry's text agrees with the instruction's: true, false, or undefined when the entry says
 * nothing checkable (metadata instructions, a COPY in JSON form).
 * - RUN: the collapsed command equals (or contains, or is contained in) the collapsed arguments, or their exec words;
 * - COPY/ADD in BuildKit's format: the literal sources and destination end the entry (flags such as `--from` may
 *   be left out); in buildah's and the classic builder's `file:<hash> in <dest>` format: the destination agrees.
 */
function textAgrees(entry, ins) {
    if (entry.text === undefined)
        return undefined;
    const a = collapse(entry.text);
    if (ins.keyword === 'RUN') {
        const candidates = [collapse(ins.args), ...[execWords(ins.args)].filter((w) => w !== undefined).map(collapse)];
        return candidates.some((b) => a === b || (a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a))));
    }
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD')
        return undefined;
    const b = collapse(ins.args);
    if (b.startsWith('['))
        return undefined;
    const hashed = /^(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(a);
    if (hashed)
        return hashed[1] === b.split(' ').pop();
    return a === b || a.endsWith(` ${b}`);
}
function pairScore(entry, ins) {
    if (!sameKeyword(entry.keyword, ins.keyword))
        return Number.NEGATIVE_INFINITY;
    return textAgrees(entry, ins) === true ? 3 : 2;
}
/** Instructions whose history entry a builder may leave out (older BuildKit wrote no ARG entries). */
const MAY_LACK_ENTRY = METADATA_ONLY;
/** Why the Dockerfile does not fit the aligned history, or undefined when it does. */
function misfit(entries, instructions, pairOf, firstPaired) {
    if (instructions.length === 0)
        return 'it has no instruction after FROM';
    if (firstPaired >= entries.length)
        return `none of the image's ${entries.length} history entries pairs with one of its ${instructions.length} instructions`;
    const paired = new Set(pairOf.filter((p) => p >= 0));
    const missing = instructions.filter((ins, i) => !paired.has(i) && !MAY_LACK_ENTRY.has(ins.keyword));
    if (missing.length > 0) {
        return `${missing.length} instruction(s) have no entry in the image history (first: line ${missing[0].line} ${describeInstruction(missing[0])})`;
    }
    const extra = pairOf.map((p, i) => (i >= firstPaired && p < 0 ? i : -1)).filter((i) => i >= 0);
    if (extra.length > 0)
        return `${extra.length} history entr${extra.length === 1 ? 'y has' : 'ies have'} no instruction (first: entry ${extra[0]})`;
    for (let i = firstPaired; i < entries.length; i++) {
        const ins = instructions[pairOf[i]];
        if (textAgrees(entries[i], ins) === false)
            return `line ${ins.line} ${describeInstruction(ins)} differs from history entry ${i}`;
    }
    return undefined;
}
/**
 * Aligns the history with the instructions: entries before the alignment are free (they are the base image's), an
 * instruction without an entry or an entry without an instruction costs 1, a pair gains 2 (3 when the text agrees).
 * Returns, for each history entry, the index of its instruction or -1.
 */
function align(entries, instructions) {
    const n = entries.length;
    const m = instructions.length;
    const score = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    const move = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let b = 1; b <= m; b++) {
        score[0][b] = -b;
        move[0][b] = 2;
    }
    for (let a = 1; a <= n; a++) {
        for (let b = 1; b <= m; b++) {
            const pair = score[a - 1][b - 1] + pairScore(entries[a - 1], instructions[b - 1]);
            const skipEntry = score[a - 1][b] - 1;
            const skipIns = score[a][b - 1] - 1;
            let best = pair;
            let mv = 0;
            if (skipEntry > best)
                [best, mv] = [skipEntry, 1];
            if (skipIns > best)
                [best, mv] = [skipIns, 2];
            score[a][b] = best;
            move[a][b] = mv;
        }
    }
    const pairOf = new Array(n).fill(-1);
    let a = n;
    let b = m;
    let firstPaired = n;
    while (a > 0 && b > 0) {
        const mv = move[a][b];
        if (mv === 0) {
            pairOf[a - 1] = b - 1;
            firstPaired = a - 1;
            a--;
            b--;
        }
        else if (mv === 1)
            a--;
        else
            b--;
    }
    return { pairOf, firstPaired };
}
function describeInstruction(ins) {
    const text = collapse(`${ins.keyword} ${[...ins.flags, ins.args].join(' ')}`);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
/**
 * Computes, for every layer, the Dockerfile line of the instruction that created it. `history` is the image
 * config's full history (with empty_layer entries); each layer's `historyIndex` points into it.
 */
function mapLayersToDockerfile(layers, history, dockerfileText) {
    const stages = parseDockerfileStages(dockerfileText);
    const chain = stageChain(stages);
    const root = chain[0];
    const instructions = chain.flatMap((s) => s.instructions);
    const entries = history.map((h) => classifyHistoryEntry(h.created_by));
    const { pairOf, firstPaired } = align(entries, instructions);
    const matched = pairOf.filter((p) => p >= 0).length;
    const mismatch = misfit(entries, instructions, pairOf, firstPaired);
    if (mismatch !== undefined) {
        return {
            origins: layers.map((l) => ({ layerIndex: l.index })),
            ...(root ? { baseFromLine: root.fromLine } : {}),
            squashed: false,
            matched,
            instructions: instructions.length,
            fits: false,
            mismatch: `the Dockerfile does not fit the image's history: ${mismatch}`,
        };
    }
    const final = chain[chain.length - 1];
    const stageStart = final?.instructions[0]?.line;
    const stageEnd = final?.instructions[final.instructions.length - 1]?.endLine;
    const layerEntries = layers.map((l) => l.historyIndex).filter((i) => i !== undefined && i >= firstPaired);
    const squashed = layerEntries.some((i) => pairOf[i] >= 0 && METADATA_ONLY.has(instructions[pairOf[i]].keyword)) ||
        (layerEntries.length === 1 &&
            history.filter((h, i) => i >= firstPaired && h.empty_layer === true && pairOf[i] >= 0 && ['RUN', 'COPY', 'ADD'].includes(instructions[pairOf[i]].keyword)).length >= 2);
    const origins = layers.map((layer) => {
        const hi = layer.historyIndex;
        if (hi === undefined || instructions.length === 0 || !root)
            return { layerIndex: layer.index };
        if (hi < firstPaired)
            return { layerIndex: layer.index, line: root.fromLine, instruction: `FROM ${root.fromText}`, base: true };
        const p = pairOf[hi];
        if (squashed && stageStart !== undefined) {
            return { layerIndex: layer.index, line: stageStart, endLine: stageEnd ?? stageStart, instruction: 'squashed stage', squashed: true };
        }
        if (p < 0)
            return { layerIndex: layer.index };
        const ins = instructions[p];
        return { layerIndex: layer.index, line: ins.line, endLine: ins.endLine, instruction: describeInstruction(ins) };
    });
    return { origins, ...(root ? { baseFromLine: root.fromLine } : {}), squashed, matched, instructions: instructions.length, fits: true };
}

// EXTERNAL MODULE: ./src/version/list.ts + 13 modules
var version_list = __webpack_require__(29561);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/match/ignore.ts



function parseIgnoreFile(text, where = '.portcullis-ignore.yaml') {
    let doc;
    try {
        doc = (0,js_yaml/* load */.Hh)(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${where}: not valid YAML (${(0,errors/* getErrorMessage */.u1)(error).split('\n')[0]})`);
    }
    if (doc === undefined || doc === null)
        return [];
    const list = Array.isArray(doc) ? doc : doc.ignore ?? doc.ignores;
    if (!Array.isArray(list))
        throw new errors/* ConfigurationError */.j1(`${where}: expected a list under "ignore"`);
    return list.map((raw, i) => {
        const at = `${where}: entry ${i + 1}`;
        if (typeof raw !== 'object' || raw === null)
            throw new errors/* ConfigurationError */.j1(`${at} is not a mapping`);
        const r = raw;
        const id = r.id ?? r.vulnerability;
        if (typeof id !== 'string' || id.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} has no "id"`);
        if (typeof r.reason !== 'string' || r.reason.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}) has no "reason"`);
        const pkg = r.package ?? r.purl;
        if (pkg !== undefined && typeof pkg !== 'string')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}): "package" must be a name or a purl`);
        let expires;
        if (r.expires !== undefined) {
            // YAML reads an unquoted date as a Date.
            const d = r.expires instanceof Date ? r.expires : typeof r.expires === 'string' ? new Date(r.expires) : undefined;
            if (!d || Number.isNaN(d.getTime()))
                throw new errors/* ConfigurationError */.j1(`${at} (${id}): "expires" is not a date (YYYY-MM-DD)`);
            expires = r.expires instanceof Date ? d.toISOString().slice(0, 10) : String(r.expires);
        }
        return { id: id.trim(), ...(pkg ? { package: pkg.trim() } : {}), reason: r.reason.trim(), ...(expires ? { expires } : {}), index: i + 1 };
    });
}
function loadIgnoreFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read ignore file ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseIgnoreFile(text, path);
}
/** `*` any run, `?` one character; everything else literal; case-insensitive. */
function globToRegExp(glob) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** True when an entry's date has passed: a date-only `expires` lasts through that whole day (UTC). */
function isExpired(rule, now) {
    if (!rule.expires)
        return false;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(rule.expires);
    const end = dateOnly ? Date.parse(`${rule.expires}T23:59:59.999Z`) : Date.parse(rule.expires);
    return now.getTime() > end;
}
/** Whether a rule's `package` (name or purl) names the finding's package. */
function packageMatches(spec, finding) {
    if (!spec.startsWith('pkg:'))
        return spec === finding.packageName;
    if (!finding.purl)
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(finding.purl);
    if (want.base.toLowerCase() !== have.base.toLowerCase())
        return false;
    if (want.version !== undefined && want.version !== have.version)
        return false;
    return true;
}
/** `pkg:type/ns/name@version?q#s` → base `pkg:type/ns/name` and the decoded version. */
function splitPurl(p) {
    const noSub = p.split('#', 1)[0].split('?', 1)[0];
    const at = noSub.lastIndexOf('@');
    const slash = noSub.lastIndexOf('/');
    if (at > slash)
        return { base: noSub.slice(0, at), version: decodeURIComponent(noSub.slice(at + 1)) };
    return { base: noSub };
}
function applyIgnores(findings, rules, now = new Date()) {
    const active = rules.filter((r) => !isExpired(r, now));
    const expired = rules.filter((r) => isExpired(r, now));
    const patterns = new Map(active.map((r) => [r, globToRegExp(r.id)]));
    const used = new Set();
    const kept = [];
    const ignored = [];
    for (const f of findings) {
        const ids = [f.id, ...f.aliases];
        const rule = active.find((r) => ids.some((id) => patterns.get(r).test(id)) && (!r.package || packageMatches(r.package, f)));
        if (rule) {
            used.add(rule);
            ignored.push({ finding: f, rule });
        }
        else
            kept.push(f);
    }
    return { kept, ignored, expired, unused: active.filter((r) => !used.has(r)) };
}

// EXTERNAL MODULE: ./src/vulndb/osv.ts
var osv = __webpack_require__(48173);
// EXTERNAL MODULE: ./src/vulndb/names.ts
var names = __webpack_require__(59289);
;// CONCATENATED MODULE: ./src/match/ranges.ts
const KIND_ORDER = { introduced: 0, fixed: 1, last_affected: 1, limit: 2 };
function eventOf(e) {
    if (e.introduced !== undefined)
        return { kind: 'introduced', version: e.introduced };
    if (e.fixed !== undefined)
        return { kind: 'fixed', version: e.fixed };
    if (e.last_affected !== undefined)
        return { kind: 'last_affected', version: e.last_affected };
    if (e.limit !== undefined)
        return { kind: 'limit', version: e.limit };
    return undefined;
}
/**
 * The intervals of one ECOSYSTEM or SEMVER range, per the OSV spec: events are sorted by version (`introduced: 0`
 * first; at equal versions `introduced` before `fixed`/`last_affected`, so `[x, x)` is empty), then each
 * `introduced` opens an interval (when none is open) and the next `fixed` or `last_affected` closes it; an interval
 * left open runs to the end. `limit` events bound the whole range: a version must be below one of them (`limit: *`
 * means no bound). Throws InvalidVersionError if an event's version is invalid in the scheme.
 */
function rangeIntervals(range, scheme) {
    const events = range.events.map(eventOf).filter((e) => e !== undefined);
    const limits = events.filter((e) => e.kind === 'limit' && e.version !== '*').map((e) => e.version);
    const points = events.filter((e) => e.kind !== 'limit');
    const isZero = (e) => e.kind === 'introduced' && e.version === '0';
    points.sort((a, b) => {
        if (isZero(a) !== isZero(b))
            return isZero(a) ? -1 : 1;
        if (isZero(a))
            return 0;
        const c = scheme.compare(a.version, b.version);
        return c !== 0 ? c : KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    });
    for (const l of limits)
        scheme.parse(l);
    for (const e of points)
        if (!isZero(e))
            scheme.parse(e.version);
    const intervals = [];
    let open;
    for (const e of points) {
        if (e.kind === 'introduced') {
            if (!open)
                open = e.version === '0' ? {} : { introduced: e.version };
        }
        else if (open) {
            intervals.push(e.kind === 'fixed' ? { ...open, fixed: e.version } : { ...open, lastAffected: e.version });
            open = undefined;
        }
    }
    if (open)
        intervals.push(open);
    return { intervals, limits };
}
function inInterval(version, i, scheme) {
    if (i.introduced !== undefined && scheme.compare(version, i.introduced) < 0)
        return false;
    if (i.fixed !== undefined && scheme.compare(version, i.fixed) >= 0)
        return false;
    if (i.lastAffected !== undefined && scheme.compare(version, i.lastAffected) > 0)
        return false;
    return true;
}
/**
 * Whether `version` is affected by one `affected` entry: listed in `versions`, or inside an ECOSYSTEM or SEMVER
 * range. GIT ranges (commits, not versions) and unknown range types are ignored. The installed version must be
 * valid in the scheme (the caller checks); a range whose own versions are invalid is skipped and reported.
 */
function evaluateAffected(affected, version, scheme) {
    const verdict = { affected: false, hits: [], problems: [] };
    for (const range of affected.ranges ?? []) {
        if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER')
            continue;
        let parsed;
        try {
            parsed = rangeIntervals(range, scheme);
        }
        catch (error) {
            verdict.problems.push(error instanceof Error ? error.message : String(error));
            continue;
        }
        if (parsed.limits.length > 0 && !parsed.limits.some((l) => scheme.compare(version, l) < 0))
            continue;
        for (const interval of parsed.intervals) {
            if (inInterval(version, interval, scheme))
                verdict.hits.push({ interval, type: range.type });
        }
    }
    if (verdict.hits.length === 0 && affected.versions?.length) {
        const listed = affected.versions.find((v) => v === version || (scheme.isValid(v) && scheme.compare(v, version) === 0));
        if (listed !== undefined)
            verdict.hits.push({ listed, type: 'versions' });
    }
    verdict.affected = verdict.hits.length > 0;
    return verdict;
}
/** `[4.17.15, 4.17.19)`, `[0, 1.2.3]`, `listed 2.0.1`: how a hit reads in `matchedBy`. */
function describeHit(hit) {
    if (hit.listed !== undefined)
        return `version listed (${hit.listed})`;
    const i = hit.interval ?? {};
    const from = i.introduced ?? '0';
    if (i.fixed !== undefined)
        return `${hit.type} [${from}, ${i.fixed})`;
    if (i.lastAffected !== undefined)
        return `${hit.type} [${from}, ${i.lastAffected}]`;
    return `${hit.type} [${from}, ∞)`;
}

// EXTERNAL MODULE: ./src/match/severity.ts
var severity = __webpack_require__(37794);
// EXTERNAL MODULE: ./src/vulndb/enrichment.ts
var enrichment = __webpack_require__(55972);
// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
;// CONCATENATED MODULE: ./src/match/matcher.ts






/** The join a match uses: the option, else the lookup's own `enrichment` method. */
function enrichmentOf(db, options) {
    if (options.enrichment)
        return options.enrichment;
    const e = db.enrichment;
    return typeof e === 'function' ? { enrichment: (id) => e.call(db, id) } : undefined;
}
/**
 * Matches packages against the vulnerability data. One finding per vulnerability per package: records that are
 * aliases of each other (`aliases`, or a single `upstream` id such as ALPINE-CVE-x or DEBIAN-CVE-x → CVE-x) are
 * merged, shown under a CVE id where there is one. A package may have several targets (an rpm by binary and by
 * source name; SUSE's product and modules): their hits are merged the same way, and one record found through two
 * targets counts once. Withdrawn records are ignored.
 */
function matchPackages(db, packages, options = {}) {
    const findings = [];
    const unknowns = [];
    let looked = 0;
    let skipped = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, options.distro);
        if (!('targets' in t)) {
            skipped++;
            options.logger?.debug(`match: ${t.skip}`);
            if (t.unknown)
                unknowns.push({ stage: 'match', reason: t.skip, ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}) });
            continue;
        }
        const valid = t.targets.filter((target) => target.scheme.isValid(target.version));
        if (valid.length === 0) {
            skipped++;
            const target = t.targets[0];
            unknowns.push({
                stage: 'match',
                reason: `${pkg.name}: version "${target.version}" is not a valid ${target.scheme.id} version; not matched`,
                ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}),
            });
            continue;
        }
        looked++;
        const hits = [];
        const targetOf = new Map();
        const seen = new Set();
        for (const target of valid) {
            for (const hit of hitsFor(forBinary(db.lookup(target.ecosystem, target.name), target), target, options.logger, pkg.arch)) {
                // The same record found through the binary and the source name, or through a product and its module.
                // By id, not identity: the database may parse a record again, and `forBinary` copies the ones it narrows.
                const key = `${hit.dataSource}\u0000${hit.record.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                hits.push(hit);
                targetOf.set(hit, target);
            }
        }
        findings.push(...mergeHits(hits, pkg, (h) => targetOf.get(h) ?? valid[0], enrichmentOf(db, options)));
    }
    return { findings, unknowns, stats: { packages: packages.length, looked, skipped, findings: findings.length } };
}
/**
 * For a lookup by source rpm name: drops the affected entries whose `ecosystem_specific.binaries` (SUSE and
 * openSUSE records list the binary rpms the fix ships in that product) do not name the installed binary. Entries
 * without such a list, and lookups by the package's own name, are kept as they are.
 */
function forBinary(stored, target) {
    const binary = target.binary;
    if (binary === undefined)
        return stored;
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const out = [];
    for (const s of stored) {
        const affected = s.record.affected ?? [];
        const keep = affected.filter((a) => !a.package || (0,names/* packageKey */.MO)(a.package.ecosystem, a.package.name) !== key || listsBinary(a, binary) !== false);
        if (keep.length === affected.length)
            out.push(s);
        else if (keep.length > 0)
            out.push({ ...s, record: { ...s.record, affected: keep } });
    }
    return out;
}
/** True or false when the entry lists its binaries (`[{"krb5-libs": "1.0-1"}]`, `[{binary_name: …}]`, `["…"]`); undefined when not. */
function listsBinary(affected, binary) {
    const list = affected.ecosystem_specific?.binaries;
    if (!Array.isArray(list) || list.length === 0)
        return undefined;
    const names = new Set();
    for (const item of list) {
        if (typeof item === 'string')
            names.add(item);
        else if (item && typeof item === 'object') {
            const o = item;
            if (typeof o.binary_name === 'string')
                names.add(o.binary_name);
            else
                for (const k of Object.keys(o))
                    names.add(k);
        }
    }
    return names.has(binary);
}
/**
 * An entry scoped to other architectures (`ecosystem_specific.arch`, as Oracle's per-arch ELSA fixes are) does not
 * apply to this package; `noarch` packages and packages of unknown arch take every entry.
 */
function archApplies(affected, arch) {
    const want = affected.ecosystem_specific?.arch;
    if (!arch || arch === 'noarch' || want === undefined)
        return true;
    const list = Array.isArray(want) ? want : [want];
    return list.some((a) => a === arch || a === 'noarch');
}
function hitsFor(stored, target, logger, arch) {
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const hits = [];
    for (const { record, source } of stored) {
        if (record.withdrawn)
            continue;
        for (const affected of record.affected ?? []) {
            const p = affected.package;
            if (!p || (0,names/* packageKey */.MO)(p.ecosystem, p.name) !== key)
                continue;
            if (!archApplies(affected, arch))
                continue;
            const verdict = evaluateAffected(affected, target.version, target.scheme);
            for (const problem of verdict.problems)
                logger?.debug(`match: ${record.id}: ${problem}`);
            if (!verdict.affected)
                continue;
            const fixed = verdict.hits.map((h) => h.interval?.fixed).filter((f) => f !== undefined);
            hits.push({
                record,
                affected,
                dataSource: source.kind === 'alpine-secdb' ? 'alpine-secdb' : `osv:${(0,osv/* baseEcosystem */.sz)(p.ecosystem)}`,
                fixed,
                fixState: fixed.length > 0 ? 'fixed' : noFixState(affected),
                how: verdict.hits.map(describeHit).join(', '),
            });
        }
    }
    return hits;
}
const WONT_FIX = /\b(wont[-_ ]?fix|won't fix|will not (be )?fix|no[-_]dsa|ignored|end[-_ ]of[-_ ]life|unimportant)\b/i;
/**
 * No fixed version: "won't fix" when the data says so (a `fix_state`, Debian's `urgency: unimportant`, or a
 * `no-dsa` / `ignored` / `end-of-life` note in `ecosystem_specific` or `database_specific`), "not fixed" otherwise.
 */
function noFixState(affected) {
    for (const obj of [affected.ecosystem_specific, affected.database_specific, ...(affected.ranges ?? []).map((r) => r.database_specific)]) {
        if (!obj)
            continue;
        for (const [k, v] of Object.entries(obj)) {
            if (typeof v !== 'string')
                continue;
            if (/^(fix_?state|status|urgency|note|notes|resolution)$/i.test(k) && WONT_FIX.test(v))
                return 'wont-fix';
        }
    }
    return 'not-fixed';
}
function idsOf(record) {
    return [record.id, ...(record.aliases ?? []), ...(record.upstream?.length === 1 ? record.upstream : [])];
}
function preferredId(ids, own) {
    const list = [...ids].sort();
    return list.find((i) => i.startsWith('CVE-')) ?? list.find((i) => i.startsWith('GHSA-')) ?? own;
}
function mergeHits(hits, pkg, targetOf, join) {
    if (hits.length === 0)
        return [];
    // Union-find over ids: two hits are one vulnerability when they share an id.
    const parent = new Map();
    const find = (x) => {
        let r = x;
        while (parent.get(r) !== r)
            r = parent.get(r);
        parent.set(x, r);
        return r;
    };
    for (const h of hits) {
        const ids = idsOf(h.record);
        for (const id of ids)
            if (!parent.has(id))
                parent.set(id, id);
        for (const id of ids.slice(1)) {
            const a = find(ids[0]);
            const b = find(id);
            if (a !== b)
                parent.set(b, a);
        }
    }
    // An advisory about several CVEs (a DSA/DLA, an ALSA listing them in `upstream`) joins the per-CVE findings of
    // the same package (osv.dev's DEBIAN-CVE-x records) instead of standing beside them as a second finding; with no
    // per-CVE finding it stands alone.
    const joins = new Map();
    for (const h of hits) {
        const upstream = h.record.upstream ?? [];
        if (upstream.length < 2)
            continue;
        const own = find(h.record.id);
        const roots = [...new Set(upstream.filter((u) => parent.has(u)).map(find))].filter((r) => r !== own);
        const othersInOwn = hits.some((o) => o !== h && find(o.record.id) === own);
        if (roots.length > 0 && !othersInOwn)
            joins.set(h, roots);
    }
    const groups = new Map();
    const add = (root, h) => {
        let g = groups.get(root);
        if (!g)
            groups.set(root, (g = []));
        g.push(h);
    };
    for (const h of hits)
        for (const root of joins.get(h) ?? [find(h.record.id)])
            add(root, h);
    const out = [];
    for (const group of groups.values())
        out.push(toFinding(group, pkg, groupTarget(group, targetOf), join));
    return out;
}
/** The target a finding is shown under: its first hit's, with every lookup that found it in `via`. */
function groupTarget(group, targetOf) {
    const targets = [...new Set(group.map(targetOf))];
    const first = targets[0];
    if (targets.length === 1)
        return first;
    const vias = [...new Set(targets.map((t) => t.via))];
    return { ...first, via: vias.join(' and ') };
}
function toFinding(group, pkg, target, join) {
    group.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
    const ids = new Set();
    const related = new Set();
    for (const h of group) {
        for (const id of idsOf(h.record))
            ids.add(id);
        for (const u of h.record.upstream ?? [])
            related.add(u);
    }
    const id = preferredId(ids, group[0].record.id);
    const aliases = [...new Set([...ids, ...related])].filter((x) => x !== id).sort();
    const primary = group.find((h) => h.record.id === id) ?? group[0];
    const cvss = [];
    const seenVectors = new Set();
    const ratings = [];
    for (const h of group) {
        for (const c of (0,severity/* cvssOf */.bW)(h.record, h.affected, h.dataSource)) {
            if (!seenVectors.has(c.vector)) {
                seenVectors.add(c.vector);
                cvss.push(c);
            }
        }
        const r = (0,severity/* sourceRatingOf */.Y1)(h.record, h.affected);
        if (r)
            ratings.push({ severity: r, dataSource: h.dataSource });
    }
    const { nvdCvss, kev, epss } = joined(group, join);
    const decided = (0,severity/* decideFindingSeverity */.pe)({ packageType: pkg.type, ratings, cvss, nvdCvss });
    const fixedVersions = sortVersions([...new Set(group.flatMap((h) => h.fixed))], target.scheme);
    const state = fixedVersions.length > 0 ? 'fixed' : group.some((h) => h.fixState === 'wont-fix') ? 'wont-fix' : 'not-fixed';
    const references = [...new Set(group.flatMap((h) => (h.record.references ?? []).map((r) => r.url)))];
    const published = group.map((h) => h.record.published).filter((x) => !!x).sort()[0];
    const modified = group.map((h) => h.record.modified).filter((x) => !!x).sort().at(-1);
    const summary = primary.record.summary ?? group.find((h) => h.record.summary)?.record.summary;
    const versionNote = target.version === pkg.version ? '' : ` at ${target.version}`;
    return {
        id,
        aliases,
        packageId: pkg.id,
        packageName: pkg.name,
        packageType: pkg.type,
        installedVersion: pkg.version,
        ...(pkg.purl ? { purl: pkg.purl } : {}),
        locations: pkg.locations,
        fix: { state, versions: fixedVersions },
        severity: decided.severity,
        severitySource: decided.source,
        cvss,
        nvdCvss,
        ...(kev ? { kev } : {}),
        ...(epss ? { epss } : {}),
        ...(summary ? { summary } : {}),
        references,
        ...(published ? { published } : {}),
        ...(modified ? { modified } : {}),
        dataSource: [...new Set(group.map((h) => h.dataSource))].join(', '),
        matchedBy: `${target.via}${versionNote}: ${group.map((h) => `${h.record.id} ${h.how}`).join('; ')}`,
    };
}
/**
 * NVD's CVSS, KEV and EPSS of a finding, joined through every record's id, aliases, upstream and related CVE ids
 * (`joinIds`): NVD's vectors of every id (without duplicates), KEV of the first id in the catalog, the highest EPSS.
 */
function joined(group, join) {
    const nvdCvss = [];
    if (!join)
        return { nvdCvss };
    const ids = [...new Set(group.flatMap((h) => (0,enrichment/* joinIds */.VS)(h.record)))].sort();
    const seen = new Set();
    let kev;
    let epss;
    for (const id of ids) {
        const e = join.enrichment(id);
        if (!e)
            continue;
        for (const c of e.nvd?.cvss ?? []) {
            const key = `${c.source ?? ''}\u0000${c.type ?? ''}\u0000${c.vector}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            nvdCvss.push(c);
        }
        if (e.kev && !kev)
            kev = e.kev;
        if (e.epss && (!epss || e.epss.score > epss.score))
            epss = e.epss;
    }
    return { nvdCvss, ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
}
function sortVersions(list, scheme) {
    return list.sort((a, b) => {
        try {
            return scheme.compare(a, b);
        }
        catch {
            return a < b ? -1 : a > b ? 1 : 0;
        }
    });
}

// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/match/vex.ts




const STATUSES = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);
const component = {
    anyOf: [
        { type: 'string' },
        {
            type: 'object',
            properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } } },
        },
    ],
};
/**
 * The shape of the fields Portcullis reads, after the OpenVEX spec (github.com/openvex/spec, OPENVEX-SPEC.md:
 * a document has `@context` and `statements`; a statement has `vulnerability`, `status`, optional `products` with
 * `subcomponents`, `justification`, `impact_statement`, `timestamp`). A string vulnerability or product (older
 * documents) is accepted.
 */
const OPENVEX_SCHEMA = {
    type: 'object',
    properties: {
        '@context': { type: 'string' },
        timestamp: { type: 'string' },
        statements: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    vulnerability: {
                        anyOf: [
                            { type: 'string' },
                            { type: 'object', properties: { name: { type: 'string' }, '@id': { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } } } },
                        ],
                    },
                    products: {
                        type: 'array',
                        items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } }, subcomponents: { type: 'array', items: component } } }] },
                    },
                    status: { type: 'string' },
                    justification: { type: 'string' },
                    impact_statement: { type: 'string' },
                    timestamp: { type: 'string' },
                },
                required: ['vulnerability', 'status'],
            },
        },
    },
    required: ['statements'],
};
const checkOpenVexShape = (0,json/* shapeChecker */.Dr)(OPENVEX_SCHEMA);
function parseOpenVex(text, where) {
    // Depth-guarded: a document nested deeper than 512 levels is refused before any walk.
    const d = (0,json/* parseJson */.qF)(text, { what: where });
    if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d['@context'] !== 'string' || !d['@context'].includes('openvex')) {
        throw new errors/* ConfigurationError */.j1(`${where}: not an OpenVEX document (no openvex @context)`);
    }
    if (!Array.isArray(d.statements))
        throw new errors/* ConfigurationError */.j1(`${where}: OpenVEX document without "statements"`);
    (0,json/* assertShape */.kl)(checkOpenVexShape, d, `${where}: OpenVEX document`);
    const docTime = typeof d.timestamp === 'string' ? d.timestamp : undefined;
    return d.statements.map((raw, i) => {
        const s = raw;
        const at = `${where}: statement ${i + 1}`;
        const status = s.status;
        if (typeof status !== 'string' || !STATUSES.has(status))
            throw new errors/* ConfigurationError */.j1(`${at}: unknown status "${String(status)}"`);
        const v = s.vulnerability;
        let vulnerability;
        if (typeof v === 'string')
            vulnerability = [v];
        else if (v && typeof v === 'object') {
            const o = v;
            vulnerability = [o.name, o['@id'], ...(Array.isArray(o.aliases) ? o.aliases : [])].filter((x) => typeof x === 'string' && !x.startsWith('http'));
        }
        else
            vulnerability = [];
        if (vulnerability.length === 0)
            throw new errors/* ConfigurationError */.j1(`${at}: no vulnerability name`);
        const products = [];
        const subcomponents = [];
        for (const p of Array.isArray(s.products) ? s.products : []) {
            const id = productPurl(p);
            if (id)
                products.push(id);
            for (const sub of Array.isArray(p?.subcomponents) ? p.subcomponents : []) {
                const sid = productPurl(sub);
                if (sid)
                    subcomponents.push(sid);
            }
        }
        const ts = typeof s.timestamp === 'string' ? s.timestamp : docTime;
        return {
            vulnerability,
            products,
            subcomponents,
            status: status,
            ...(typeof s.justification === 'string' ? { justification: s.justification } : {}),
            ...(typeof s.impact_statement === 'string' ? { impactStatement: s.impact_statement } : {}),
            ...(ts ? { timestamp: ts } : {}),
            document: where,
            order: i,
        };
    });
}
function productPurl(p) {
    if (typeof p === 'string')
        return p;
    if (!p || typeof p !== 'object')
        return undefined;
    const o = p;
    const ids = o.identifiers;
    if (typeof ids?.purl === 'string')
        return ids.purl;
    return typeof o['@id'] === 'string' ? o['@id'] : undefined;
}
function loadOpenVex(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read VEX document ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseOpenVex(text, path);
}
function purlCovers(spec, purl) {
    if (!purl || !spec.startsWith('pkg:'))
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(purl);
    return want.base.toLowerCase() === have.base.toLowerCase() && (want.version === undefined || want.version === have.version);
}
const IMAGE_PURL = /^pkg:(oci|docker)\//i;
function statementCovers(s, f) {
    const ids = new Set([f.id, ...f.aliases]);
    if (!s.vulnerability.some((v) => ids.has(v)))
        return false;
    if (s.subcomponents.length > 0)
        return s.subcomponents.some((c) => purlCovers(c, f.purl));
    if (s.products.length === 0)
        return true;
    // A product that is the image itself covers everything in it.
    return s.products.some((p) => purlCovers(p, f.purl) || IMAGE_PURL.test(p));
}
function applyVex(findings, statements) {
    const ordered = [...statements].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || 0);
    const kept = [];
    const suppressed = [];
    for (const f of findings) {
        let last;
        for (const s of ordered)
            if (statementCovers(s, f))
                last = s;
        if (last && (last.status === 'not_affected' || last.status === 'fixed'))
            suppressed.push({ finding: f, statement: last });
        else
            kept.push(f);
    }
    return { kept, suppressed };
}

// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
// EXTERNAL MODULE: ./src/vulndb/update.ts
var update = __webpack_require__(23744);
// EXTERNAL MODULE: ./src/vulndb/artifact.ts
var artifact = __webpack_require__(3427);
;// CONCATENATED MODULE: ./src/scan/vulnerabilities.ts









/**
 * The OSV database stage: refresh the ecosystems the image needs (unless offline; a failed refresh keeps the
 * previous data and says so), match, then apply ignores and VEX. Missing data is never a silent GO: every package
 * that could not be checked for want of data is counted in a gap (one stderr line, every report format), and the
 * policy is told when the distro's data is unavailable (`vulnerability_data_unavailable`). An empty or missing
 * database in offline mode is a configuration error: the user asked for local data only, and there is none.
 */
const vulnerabilityStage = {
    async run(input) {
        const { options, logger } = input;
        const cacheDir = options.cacheDir ?? (0,store/* defaultCacheDir */.$g)(input.env ?? process.env);
        const ecosystems = (0,target/* bucketEcosystemsFor */.Th)(input.packages, input.distro);
        const plugins = [];
        if (!options.offline && options.dbRepository) {
            try {
                const r = await (0,artifact/* updateFromRepository */.GO)(cacheDir, options.dbRepository, { env: input.env ?? process.env, logger, ...(options.dbRegistry?.insecureRegistries ? { insecureRegistries: options.dbRegistry.insecureRegistries } : {}), ...(options.dbRegistry?.caFile ? { caFile: options.dbRegistry.caFile } : {}) }, input.signal);
                logger.info(`vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                logger.warning((0,errors/* getErrorMessage */.u1)(e));
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        else if (!options.offline && ecosystems.length) {
            try {
                await (0,update/* updateDatabase */.X)({
                    cacheDir,
                    requests: [{ provider: 'osv-bucket', options: { ecosystems, ...(options.dbUrl ? { url: options.dbUrl } : {}) } }],
                    logger,
                    now: () => input.now,
                    ...(input.signal ? { signal: input.signal } : {}),
                });
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                // updateDatabase has logged the failure and kept the previous database.
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        let meta;
        let lookup = { lookup: () => [] };
        let db;
        try {
            meta = (0,store/* readMetadata */._6)(cacheDir);
            if (meta) {
                db = store/* VulnerabilityDatabase */.oz.open(cacheDir);
                lookup = db;
            }
        }
        catch (e) {
            logger.warning(`cannot open the vulnerability database in ${cacheDir}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
        const totalRecords = (meta?.segments ?? []).reduce((n, s) => n + s.records, 0);
        if (options.offline && (!db || totalRecords === 0)) {
            db?.close();
            throw new errors/* ConfigurationError */.j1(`offline mode and ${db ? 'the vulnerability database in ' + cacheDir + ' is empty' : 'no vulnerability database in ' + cacheDir}: run "portcullis db update" or "portcullis db import PATH" first, or pass --no-vulnerabilities to scan without vulnerability data`);
        }
        try {
            const matched = matchPackages(lookup, input.packages, { distro: input.distro, logger, enrichment: db });
            let findings = matched.findings;
            if (options.ignoreFile) {
                const outcome = applyIgnores(findings, loadIgnoreFile(options.ignoreFile), input.now);
                findings = outcome.kept;
                for (const r of outcome.expired)
                    logger.warning(`ignore entry ${r.index} (${r.id}) expired on ${r.expires}; it no longer applies`);
                for (const r of outcome.unused)
                    logger.warning(`ignore entry ${r.index} (${r.id}) matched no finding`);
                if (outcome.ignored.length)
                    logger.info(`${outcome.ignored.length} finding(s) ignored by ${options.ignoreFile}`);
            }
            for (const vex of options.vex) {
                const outcome = applyVex(findings, loadOpenVex(vex));
                findings = outcome.kept;
                if (outcome.suppressed.length)
                    logger.info(`${outcome.suppressed.length} finding(s) suppressed by VEX ${vex}`);
            }
            plugins.push({ id: 'match/osv', version: 0, status: db ? (matched.unknowns.length ? 'partial' : 'succeeded') : 'failed', ...(db ? {} : { reason: 'no vulnerability data' }) });
            const status = (0,store/* dataStatus */.TW)(meta, { maxAgeDays: options.maxAgeDays, now: input.now, offline: options.offline });
            if (status.stale && db) {
                const msg = `vulnerability data is ${status.ageDays ?? '?'} days old (more than ${options.maxAgeDays})`;
                if (options.failOnStale)
                    throw new errors/* ConfigurationError */.j1(`${msg}; update it with "portcullis db update"`);
                logger.warning(msg);
            }
            const namespace = (0,target/* distroEcosystem */.m1)(input.distro);
            const covered = new Set((meta?.segments ?? []).flatMap((s) => Object.keys(s.ecosystems)).map(names/* ecosystemKey */.i9));
            const failed = plugins.filter((p) => p.status === 'failed' && p.id === 'vulndb/update');
            const gaps = dataGaps(input.packages, input.distro, db ? covered : undefined, failed.map((p) => p.reason ?? 'failed'));
            if (gaps.length)
                logger.warning(`not every package could be checked for vulnerabilities: ${gaps.map((g) => g.message).join('; ')}`);
            const oldest = status.sources.map((s) => Date.parse(s.fetchedAt ?? '')).filter((t) => !Number.isNaN(t));
            return {
                findings,
                status: { ...status, gaps },
                policyStatus: {
                    // Anchore's namespace names: `debian:12`, `alpine:3.20`.
                    ...(namespace ? { namespace: namespace.toLowerCase().replace(':v', ':') } : {}),
                    distroDataAvailable: distroCovered(input.distro, covered),
                    ...(oldest.length ? { lastSync: new Date(Math.min(...oldest)) } : {}),
                },
                plugins,
                unknowns: matched.unknowns,
            };
        }
        finally {
            db?.close();
        }
    },
};
/** The distro's data is there when any of its ecosystems (a SUSE product or one of its modules) has records. */
function distroCovered(distro, covered) {
    const r = (0,target/* distroEcosystems */.fO)(distro);
    return 'ecosystems' in r && r.ecosystems.some((e) => covered.has((0,names/* ecosystemKey */.i9)(e)));
}
const OS_PACKAGE_TYPES = target/* OS_PACKAGE_TYPE_SET */.oQ; // derived from the exhaustive table in match/target.ts
/**
 * What could not be checked for want of data: OS packages of an unknown distro release, packages of an ecosystem
 * the database has no records for (`covered`: the database's ecosystem keys; undefined: there is no database), and
 * sources that failed to refresh. Packages skipped for other reasons (no version, owned by an OS package) are the
 * matcher's unknowns, not gaps.
 */
function dataGaps(packages, distro, covered, failures = []) {
    const gaps = failures.map((reason) => ({ kind: 'source-failed', message: `a vulnerability data source failed: ${reason}` }));
    let unknownDistro = 0;
    const missing = new Map();
    let checkable = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, distro);
        if (!('targets' in t)) {
            if (t.unknown && OS_PACKAGE_TYPES.has(pkg.type))
                unknownDistro++;
            continue;
        }
        checkable++;
        if (t.targets.some((x) => covered?.has((0,names/* ecosystemKey */.i9)(x.ecosystem))))
            continue;
        const key = (0,names/* ecosystemKey */.i9)(t.targets[0].ecosystem);
        const m = missing.get(key) ?? { ecosystem: t.targets[0].ecosystem, os: OS_PACKAGE_TYPES.has(pkg.type), packages: 0 };
        m.packages++;
        missing.set(key, m);
    }
    if (unknownDistro > 0) {
        const name = distro ? `${distro.prettyName ?? distro.id}${distro.versionId ? ` (${distro.id} ${distro.versionId})` : ''}` : 'an undetected distro';
        gaps.push({ kind: 'unknown-distro', message: `${unknownDistro} OS package(s) not checked: no vulnerability data source is known for ${name}`, packages: unknownDistro });
    }
    if (!covered) {
        if (checkable > 0)
            gaps.push({ kind: 'no-data', message: `${checkable} package(s) not checked: there is no vulnerability database`, packages: checkable });
        return gaps;
    }
    for (const m of [...missing.values()].sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1))) {
        gaps.push({
            kind: m.os ? 'no-distro-data' : 'no-ecosystem-data',
            message: `${m.packages} package(s) not checked: the vulnerability database has no ${m.ecosystem} records`,
            ecosystem: m.ecosystem,
            packages: m.packages,
        });
    }
    return gaps;
}

// EXTERNAL MODULE: ./src/output/formats/unknowns.ts
var formats_unknowns = __webpack_require__(84315);
;// CONCATENATED MODULE: ./src/scan/unknowns.ts

/**
 * What the scan says on stderr about its unknowns: one warning per package database that could not be read (its
 * packages are missing, so the policy's `packages/catalog_incomplete` trigger sees it too), and one summary line
 * for every unknown, by kind. The unknowns themselves are in every report.
 */
/** The unknowns that are package databases Portcullis could not read: the catalog is incomplete there. */
function catalogGapsOf(unknowns) {
    return unknowns.filter((u) => u.packageDatabase !== undefined);
}
function catalogGapWarnings(gaps) {
    return gaps.map((u) => `package database ${u.path ?? '(no path)'} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`);
}

;// CONCATENATED MODULE: ./src/scan/pipeline.ts





















/**
 * The whole pipeline: policy (loaded first, so a bad bundle fails before any work) → image (one pass, reading
 * what the catalogers and gates asked for) → catalog → vulnerabilities → Dockerfile mapping → policy → outputs
 * → the store push, when configured. Every report is written before the outcome is returned. No CI knowledge.
 */
async function runScan(config, deps) {
    const now = deps.now ?? (() => new Date());
    const cwd = deps.cwd ?? process.cwd();
    const at = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
    const { logger } = deps;
    const outputs = (0,list/* parseOutputSpecs */.L)(config.outputs.length ? config.outputs : ['table']);
    const policy = config.policyPath;
    const bundle = await (0,bundled/* resolvePolicy */.nZ)(policy && !Object.hasOwn(bundled/* BUNDLED_POLICIES */.Yy, policy) ? at(policy) : policy);
    const dockerfile = config.dockerfilePath ? await readDockerfile(at(config.dockerfilePath)) : undefined;
    const compliance = config.complianceSummaries ? await Promise.all(config.complianceSummaries.map((p) => readComplianceSummary(p, at(p)))) : undefined;
    // `sbom:PATH`: the packages come from an SBOM and there is no file view, so the file-based gates say they cannot check.
    let view;
    let image;
    let catalog;
    if ((0,read/* isSbomReference */.HX)(config.image)) {
        ({ image, catalog } = await (0,read/* sbomInput */.OM)(at(config.image.slice(read/* SBOM_SCHEME */.cA.length)), config.image));
    }
    else {
        const catalogers = (0,run/* selectCatalogers */.Ap)('image');
        view = await (0,image_open/* loadImage */.yt)(config.image, {
            ...config.source,
            env: deps.env,
            logger,
            requests: [...(0,run/* catalogRequests */._z)(catalogers, { maxDatabaseBytes: config.maxDatabaseBytes ?? Math.max(run/* DEFAULT_MAX_DATABASE_BYTES */.B4, config.maxFileBytes ?? 0) }), ...policyFileRequests(bundle)],
            ...(config.maxFileBytes ? { maxFileBytes: config.maxFileBytes } : {}),
            ...(config.layerCache ? { layerCache: { cache: new layer_cache_store/* LayerCache */.y_(at(config.layerCache.dir), config.layerCache.maxBytes), salt: analysisSalt(catalogers) } } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        image = view.metadata;
        logger.info(`read ${image.reference}: ${image.layers.length} layers, ${view.size} paths`);
        catalog = await (0,run/* runCatalogers */.X0)(view, { catalogers, logger, ...(deps.signal ? { signal: deps.signal } : {}) });
    }
    logger.info(`catalogued ${catalog.packages.length} packages${catalog.distro ? ` on ${catalog.distro.prettyName ?? catalog.distro.id}` : ''}`);
    const catalogGaps = catalogGapsOf(catalog.unknowns);
    for (const line of catalogGapWarnings(catalogGaps))
        logger.warning(line);
    const stage = deps.vulnerabilities ?? vulnerabilityStage;
    const vulns = config.vulnerabilities.enabled
        ? await stage.run({ packages: catalog.packages, ...(catalog.distro ? { distro: catalog.distro } : {}), options: config.vulnerabilities, env: deps.env, logger, now: now(), ...(deps.signal ? { signal: deps.signal } : {}) })
        : undefined;
    const mapping = dockerfile ? mapLayersToDockerfile(image.layers, image.config.history ?? [], dockerfile.text) : undefined;
    // A Dockerfile that does not fit the history maps nothing: findings keep their image paths rather than wrong lines.
    if (mapping && !mapping.fits)
        logger.warning(`${config.dockerfilePath}: ${mapping.mismatch}; findings are reported at their image paths`);
    const origins = mapping?.fits ? mapping.origins : undefined;
    const ctx = {
        image,
        ...(view ? { files: view } : {}),
        packages: catalog.packages,
        catalogGaps,
        findings: vulns?.findings ?? [],
        ...(catalog.distro ? { distro: catalog.distro } : {}),
        ...(vulns ? { vulnData: vulns.policyStatus } : {}),
        ...(dockerfile ? { dockerfile } : {}),
        ...(compliance || config.complianceStore
            ? { compliance: [...complianceFor(image, compliance ?? [], logger), ...(config.complianceStore ? await storedCompliance(config.complianceStore, image, logger, deps.signal) : [])] }
            : {}),
        now: now(),
        compareVersions: version_list/* compareForPackageType */.Xl,
    };
    const evaluation = evaluatePolicy(bundle, ctx, { tag: targetTag(image), ...(image.manifestDigest ? { digest: image.manifestDigest } : {}), imageId: image.configDigest });
    const decision = decisionOf(evaluation);
    // A package database over the cap is reported once, by its cataloger (with the package type), not also by the image.
    const gapPaths = new Set(catalogGaps.map((u) => u.path));
    const unknowns = [...(view?.unknowns ?? []).filter((u) => !(u.stage === 'image' && gapPaths.has(u.path))), ...catalog.unknowns, ...(vulns?.unknowns ?? [])];
    const summary = (0,formats_unknowns/* unknownsSummary */._)(unknowns);
    if (summary)
        logger.warning(summary);
    const built = buildReport({
        image,
        ...(catalog.distro ? { distro: catalog.distro } : {}),
        packages: catalog.packages,
        findings: vulns?.findings ?? [],
        unknowns,
        plugins: [...catalog.plugins, ...(vulns?.plugins ?? [])],
        ...(vulns ? { vulnerabilityData: vulns.status } : {}),
        policy: policyResult(evaluation),
        ...(dockerfile && origins ? { dockerfile: { path: config.dockerfilePath, origins } } : {}),
        decision,
        createdAt: now().toISOString(),
    });
    // --baseline (issue 18): mark what is new against a previous scan; an SBOM baseline is scanned with today's data.
    const { baseline: _baseline, store: _store, ...rescanConfig } = config;
    const report = await (0,baseline_stage/* applyBaseline */.Qp)(built, config.baseline, {
        logger,
        at,
        rescan: async (ref) => (await runScan({ ...rescanConfig, image: ref, outputs: ['json'] }, deps)).report,
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const written = [];
    for (const spec of outputs) {
        const content = spec.format.render(report, {
            ...(config.severityCutoff ? { severityCutoff: config.severityCutoff } : {}),
            ...(config.onlyFixed ? { onlyFixed: true } : {}),
            ...(config.color !== undefined && spec.path === undefined ? { color: config.color } : {}),
            ...(config.width !== undefined && spec.path === undefined ? { width: config.width } : {}),
            workingDirectory: cwd,
            ...(config.checkoutRoot ? { checkoutRoot: at(config.checkoutRoot) } : {}),
        });
        if (spec.path !== undefined) {
            const path = at(spec.path);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            await (0,promises_.writeFile)(path, content);
            logger.info(`wrote ${spec.format.id} report to ${spec.path}`);
        }
        written.push({ format: spec.format.id, ...(spec.path !== undefined ? { path: at(spec.path) } : {}), content });
    }
    // `--fail-scope new`: the exit code from the new triggers' decision; the report's decision stays the full one.
    let outcome = (0,scan_config/* outcomeOf */.sG)((0,delta/* gatingDecision */.Zz)(report), config.failOn);
    const store = config.store ? await (0,store_push/* pushEvaluation */.P)(config.store, report, at, logger, deps.signal) : undefined;
    // A failed push has been warned about; with failOnError it also fails a run that would pass (the caller says why).
    if (store && store.status !== 'pushed' && config.store?.failOnError && (outcome === 'go' || outcome === 'warn'))
        outcome = 'remote-error';
    return { report, outcome, written, ...(store ? { store } : {}) };
}
/** The layer cache's part of the analysis version that the requests do not show: the tool's and the catalogers' versions. */
function analysisSalt(catalogers) {
    return [`portcullis@${version_info/* VERSION */.x}`, ...catalogers.map((c) => `${c.id}@${c.version}`)].join(',');
}
async function readDockerfile(path) {
    try {
        return { text: await (0,promises_.readFile)(path, 'utf8'), path };
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read Dockerfile ${path}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
}
/** The tag a mapping rule sees: the image's own tag when it has one, else a name derived from the reference. */
function targetTag(image) {
    if (image.repoTags[0])
        return image.repoTags[0];
    const ref = image.reference.replace(/^[a-z-]+:/, '');
    if (image.source === 'registry' || image.source === 'docker')
        return ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
    const base = ref.split('/').filter(Boolean).pop() ?? 'image';
    const [name, tag] = base.split(':');
    return `localhost/${(name ?? 'image').toLowerCase().replace(/[^a-z0-9._-]/g, '-')}:${tag ?? 'latest'}`;
}
function decisionOf(e) {
    return e.final_action === 'stop' ? 'STOP' : e.final_action === 'warn' ? 'WARN' : 'GO';
}
function policyResult(e) {
    return {
        bundle_id: e.bundle_id,
        bundle_name: e.bundle_name,
        final_action: e.final_action,
        final_action_reason: e.final_action_reason,
        image_mapped_to_rule: e.image_mapped_to_rule,
        findings: e.findings,
        evaluation_problems: e.evaluation_problems,
        evaluation_time: e.evaluation_time,
    };
}
function buildReport(parts) {
    return { schemaVersion: '1', tool: { name: 'portcullis', version: version_info/* VERSION */.x }, ...parts };
}


/***/ }),

/***/ 65561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ pushEvaluation),
/* harmony export */   s: () => (/* binding */ storeDigest)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _output_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20571);
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


/***/ }),

/***/ 23744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ updateDatabase)
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
