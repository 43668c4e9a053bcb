export const id = 363;
export const ids = [363];
export const modules = {

/***/ 23744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   updateDatabase: () => (/* binding */ updateDatabase)
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
