export const id = 775;
export const ids = [775];
export const modules = {

/***/ 17775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   octokitApi: () => (/* binding */ octokitApi),
/* harmony export */   octokitApiForRun: () => (/* binding */ octokitApiForRun)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48282);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86856);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/**
 * The few GitHub REST calls the Action makes, behind an interface (the unit tests record them; the end-to-end test
 * checks the real client's requests against GitHub's OpenAPI description).
 */





/**
 * The real client: octokit from @actions/github, against GITHUB_API_URL (GitHub Enterprise Server included), with
 * @octokit/plugin-retry: 5xx answers and network errors are retried (not 400, 401, 403, 404, 410, 422, 451), and
 * @octokit/plugin-throttling: writes are spaced out as GitHub asks integrators to, and a 403/429 that is a rate limit
 * (`x-ratelimit-remaining: 0`, or a "secondary rate limit" message) is retried once after its `retry-after`, when
 * that wait is short (the plugin order and the retry-once rule follow octokit.js, src/octokit.ts).
 */
function octokitApi(token, apiUrl, options = {}) {
    const maxWait = options.maxRateLimitWaitSeconds ?? 60;
    const warn = options.warn ?? ((m) => console.warn(m));
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount === 0 && retryAfter <= maxWait;
        warn(`GitHub API: ${kind} hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : `not retrying (GitHub asks to wait ${retryAfter} s)`}`);
        return again;
    };
    const debug = options.debug ?? (() => { });
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: apiUrl,
        // octokit's own log (console.warn and console.error by default, which would bypass the step's budget). The
        // request layer reads it from `request.log`; `request` replaces @actions/github's (a shallow merge), so its proxy
        // settings are carried over.
        log: { debug, info: debug, warn, error: warn },
        request: { ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request, log: { debug, info: debug, warn, error: warn } },
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseMs ?? 1000 },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            ...(options.retryAfterBaseMs !== undefined ? { retryAfterBaseValue: options.retryAfterBaseMs } : {}),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
    const call = async (what, fn) => {
        try {
            return await fn();
        }
        catch (e) {
            const status = e.status;
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e)}`, { cause: e, ...(status ? { status } : {}) });
        }
    };
    return {
        findIssueComment: (repo, issueNumber, match) => call('listing the pull request comments', async () => {
            for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 })) {
                const hit = page.data.find((c) => match({ id: c.id, ...(c.body ? { body: c.body } : {}) }));
                if (hit)
                    return { id: hit.id, ...(hit.body ? { body: hit.body } : {}), html_url: hit.html_url };
            }
            return undefined;
        }),
        createIssueComment: (repo, issueNumber, body) => call('creating the pull request comment', async () => {
            const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
            return { id: data.id, html_url: data.html_url };
        }),
        updateIssueComment: (repo, commentId, body) => call('updating the pull request comment', async () => {
            const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
            return { id: data.id, html_url: data.html_url };
        }),
        uploadSarif: (repo, upload) => call('uploading the SARIF to code scanning', async () => {
            const { data } = await octokit.rest.codeScanning.uploadSarif({ ...repo, ...upload });
            return { ...(data.id ? { id: data.id } : {}), ...(data.url ? { url: data.url } : {}) };
        }),
        sarifProcessing: (repo, sarifId) => call('reading the SARIF processing status', async () => {
            const { data } = await octokit.rest.codeScanning.getSarif({ ...repo, sarif_id: sarifId });
            return { status: data.processing_status ?? 'pending', errors: [...(data.errors ?? [])] };
        }),
    };
}
/**
 * The client as the Action makes it for a run: every warning of the client and its libraries (rate limits,
 * deprecations) goes through the run's logger, so it counts against the step's annotation budget; its debug lines
 * go to the debug log.
 */
function octokitApiForRun(token, apiUrl, logger) {
    return octokitApi(token, apiUrl, { warn: (m) => logger.warning(m), debug: (m) => logger.debug(m) });
}


/***/ })

};
