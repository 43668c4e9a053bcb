export const id = 150;
export const ids = [150];
export const modules = {

/***/ 55769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_LAYER_CACHE_MAX_BYTES: () => (/* binding */ DEFAULT_LAYER_CACHE_MAX_BYTES),
/* harmony export */   LayerCache: () => (/* binding */ LayerCache),
/* harmony export */   defaultLayerCacheDir: () => (/* binding */ defaultLayerCacheDir),
/* harmony export */   parseSize: () => (/* binding */ parseSize)
/* harmony export */ });
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


/***/ })

};
