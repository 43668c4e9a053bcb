export const id = 298;
export const ids = [298];
export const modules = {

/***/ 83298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsCache: () => (/* binding */ actionsCache),
/* harmony export */   cacheBackendOf: () => (/* binding */ cacheBackendOf),
/* harmony export */   dbCacheKey: () => (/* binding */ dbCacheKey),
/* harmony export */   quietly: () => (/* binding */ quietly),
/* harmony export */   restoreDbCache: () => (/* binding */ restoreDbCache),
/* harmony export */   saveDbCache: () => (/* binding */ saveDbCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70318);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);
/**
 * The vulnerability database in the GitHub Actions cache, keyed by day: the first run of a day downloads (and saves
 * under today's key), later runs restore today's entry, or yesterday's as a start when today's is not there yet.
 * A cache problem never fails the scan: it is logged and the scan goes on.
 */




/**
 * @actions/cache reports its own failures as workflow commands (`::warning::Failed to save: …`, `::error::` for a
 * 5xx) and returns as if nothing happened (saveCache answers -1). A cache problem is not the user's: while the
 * library runs, what it prints is held back; its lines go to the debug log, and its warnings and errors come back as
 * `problems` for one info line of ours, never an annotation.
 */
async function quietly(fn, stream = process.stdout) {
    let held = '';
    const original = stream.write;
    stream.write = ((chunk, ...rest) => {
        held += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const cb = rest.find((r) => typeof r === 'function');
        cb?.();
        return true;
    });
    const problems = [];
    const drain = () => {
        stream.write = original;
        for (const line of held.split(/\r?\n/)) {
            if (!line)
                continue;
            const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
            const text = command ? unescapeCommandData(command[2]) : line;
            if (command ? command[1] === 'warning' || command[1] === 'error' : /^(Failed to (save|restore)|Cache (save|restore) skipped)/.test(text))
                problems.push(text);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(command?.[1] === 'debug' ? text : `@actions/cache: ${text}`);
        }
    };
    try {
        const value = await fn();
        drain();
        return { value, problems };
    }
    catch (e) {
        drain();
        throw e;
    }
}
function unescapeCommandData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
/**
 * A cache library as a CacheBackend: a failure it only printed is thrown, so that the caller logs it once. A library
 * without the functions (or whose availability check throws) is an absent service, not an error.
 */
function cacheBackendOf(lib) {
    return {
        available: () => {
            try {
                return typeof lib.isFeatureAvailable === 'function' && typeof lib.restoreCache === 'function' && typeof lib.saveCache === 'function' && lib.isFeatureAvailable();
            }
            catch {
                return false;
            }
        },
        restore: async (paths, key, restoreKeys) => {
            const { value, problems } = await quietly(() => lib.restoreCache(paths, key, restoreKeys));
            if (problems.length)
                throw new Error(problems.join('; '));
            return value;
        },
        save: async (paths, key) => {
            const { value, problems } = await quietly(() => lib.saveCache(paths, key));
            if (value === -1 || problems.length)
                throw new Error(problems.join('; ') || 'the cache service did not store it');
        },
    };
}
/** The Actions cache through @actions/cache. */
const actionsCache = cacheBackendOf(_actions_cache__WEBPACK_IMPORTED_MODULE_1__);
const PREFIX = 'portcullis-vulndb-v1-';
function dbCacheKey(now) {
    return `${PREFIX}${now.toISOString().slice(0, 10)}`;
}
async function restoreDbCache(backend, dir, now, logger) {
    if (!(await backend.available())) {
        logger.info('db-cache: the Actions cache service is not available here; the vulnerability data is not cached');
        return undefined;
    }
    const key = dbCacheKey(now);
    try {
        const restored = await backend.restore([dir], key, [PREFIX]);
        logger.info(restored ? `db-cache: restored the vulnerability data from ${restored}` : 'db-cache: no cached vulnerability data yet');
        return { key, dir, ...(restored ? { restored } : {}) };
    }
    catch (e) {
        logger.info(`db-cache: the Actions cache failed, so the vulnerability data is neither restored nor saved in this run: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}`);
        return { key, dir, failed: true };
    }
}
/** Saves under today's key unless that is what was restored (a cache entry is immutable). */
async function saveDbCache(backend, state, logger) {
    if (!state || state.failed || state.restored === state.key)
        return;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(state.dir)) {
        logger.debug(`db-cache: ${state.dir} does not exist; nothing to save`);
        return;
    }
    try {
        await backend.save([state.dir], state.key);
        logger.info(`db-cache: saved the vulnerability data as ${state.key}`);
    }
    catch (e) {
        // Another job of the same day saved first (the key is reserved), or the service is down: not the scan's problem.
        logger.info(`db-cache: not saved: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}`);
    }
}


/***/ })

};
