export const id = 866;
export const ids = [866,18];
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
