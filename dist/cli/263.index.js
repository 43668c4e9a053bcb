export const id = 263;
export const ids = [263];
export const modules = {

/***/ 3263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   complianceFor: () => (/* binding */ complianceFor),
/* harmony export */   readComplianceSummary: () => (/* binding */ readComplianceSummary),
/* harmony export */   storedCompliance: () => (/* binding */ storedCompliance)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _publish_compliance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65348);
/* harmony import */ var _publish_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62211);
/* harmony import */ var _store_push_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65561);





/** Reads an `oscap-summary.json` (`portcullis compliance oscap`); `shown` is the path as the user gave it. */
async function readComplianceSummary(shown, path) {
    let data;
    try {
        data = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
    }
    catch (e) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot read compliance summary ${shown}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e)}`, { cause: e });
    }
    const s = (data ?? {});
    if (typeof s.check_type !== 'string' || !s.check_type || typeof s.result !== 'string' || !s.result) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`compliance summary ${shown} has no check_type and result; give the oscap-summary.json written by portcullis compliance oscap`);
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
    const digest = (0,_store_push_js__WEBPACK_IMPORTED_MODULE_4__.storeDigest)(image);
    if (!digest)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--compliance-from-store: the image has no digest to look its compliance checks up by');
    const path = `${_publish_compliance_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPLIANCE_PATHS */ .Nk.v2}?image_digest=${encodeURIComponent(digest)}`;
    const res = await (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_3__/* .send */ .tN)(target, 'GET', path, signal ? { signal } : {});
    if (res.status === 404) {
        logger.info(`compliance: the store has no compliance check for ${digest}`);
        return [];
    }
    if (res.status !== 200)
        throw (0,_publish_http_js__WEBPACK_IMPORTED_MODULE_3__/* .statusError */ .$C)('GET', target, path, res);
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
            source: `${base}${_publish_compliance_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPLIANCE_PATHS */ .Nk.v2}/${r.id}`,
        };
    });
}


/***/ })

};
