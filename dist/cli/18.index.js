export const id = 18;
export const ids = [18];
export const modules = {

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
