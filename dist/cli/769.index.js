export const id = 769;
export const ids = [769,150];
export const modules = {

/***/ 21822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ encodeValue),
/* harmony export */   O$: () => (/* binding */ UncacheableError),
/* harmony export */   wz: () => (/* binding */ decodeValue)
/* harmony export */ });
/* unused harmony export CorruptEntryError */
/**
 * The layer cache's serialisation: any value built of plain objects, arrays, Maps, Sets, Buffers (and Uint8Arrays),
 * strings, numbers (NaN, ±Infinity and -0 included), booleans, null, undefined, bigints and Dates round-trips, so
 * that a field added to `LayerResult` (or a sink's result) later is kept without a change here. Anything else (a
 * function, a class instance, a symbol) is refused: such a result is not cached at all.
 *
 * The value becomes a JSON skeleton `[shapes, root]` in which every array is tagged by its first element, so that no
 * data can be mistaken for a tag: `["o", shape, …values]` a plain object whose keys are `shapes[shape]` (each set of
 * keys is written once, however many objects have it), `["a", …items]` an array, `["m", k1, v1, …]` a Map, `["s", …]`
 * a Set, `["b", offset, length]` a Buffer whose bytes follow the JSON (read back without a copy), `["u"]` undefined,
 * `["f", "NaN"]` a number JSON cannot hold, `["n", "123"]` a bigint, `["d", iso]` a Date.
 */
/** A value the codec cannot represent. */
class UncacheableError extends Error {
    name = 'UncacheableError';
}
/** A cache body that does not decode. */
class CorruptEntryError extends Error {
    name = 'CorruptEntryError';
}
/** Encodes `value` into one body: a 4-byte big-endian JSON length, the JSON skeleton, then the bytes of every Buffer. */
function encodeValue(value) {
    const blobs = [];
    let offset = 0;
    const shapes = [];
    const shapeIds = new Map();
    const enc = (v, where) => {
        switch (typeof v) {
            case 'string':
            case 'boolean':
                return v;
            case 'number':
                if (Number.isNaN(v))
                    return ['f', 'NaN'];
                if (v === Infinity)
                    return ['f', 'Infinity'];
                if (v === -Infinity)
                    return ['f', '-Infinity'];
                if (Object.is(v, -0))
                    return ['f', '-0'];
                return v;
            case 'undefined':
                return ['u'];
            case 'bigint':
                return ['n', v.toString()];
            case 'object': {
                if (v === null)
                    return null;
                if (Array.isArray(v))
                    return ['a', ...v.map((x, i) => enc(x, `${where}[${i}]`))];
                if (v instanceof Uint8Array) {
                    blobs.push(v);
                    const ref = ['b', offset, v.length];
                    offset += v.length;
                    return ref;
                }
                if (v instanceof Map) {
                    const out = ['m'];
                    for (const [k, x] of v)
                        out.push(enc(k, `${where} key`), enc(x, `${where}.get(${String(k)})`));
                    return out;
                }
                if (v instanceof Set)
                    return ['s', ...[...v].map((x) => enc(x, `${where} item`))];
                if (v instanceof Date)
                    return ['d', Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()];
                const proto = Object.getPrototypeOf(v);
                if (proto !== Object.prototype && proto !== null)
                    throw new UncacheableError(`${where} is a ${v.constructor?.name ?? 'non-plain'} object`);
                const keys = Object.keys(v);
                const id = keys.join('\u0000');
                let shape = shapeIds.get(id);
                if (shape === undefined) {
                    shape = shapes.length;
                    shapes.push(keys);
                    shapeIds.set(id, shape);
                }
                const out = ['o', shape];
                for (const k of keys)
                    out.push(enc(v[k], `${where}.${k}`));
                return out;
            }
            default:
                throw new UncacheableError(`${where} is a ${typeof v}`);
        }
    };
    const root = enc(value, 'value');
    const json = Buffer.from(JSON.stringify([shapes, root]), 'utf8');
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32BE(json.length, 0);
    return Buffer.concat([head, json, ...blobs], 4 + json.length + offset);
}
/** Decodes a body made by `encodeValue`. Buffers are views into `body`. A body that does not decode is a CorruptEntryError. */
function decodeValue(body) {
    if (body.length < 4)
        throw new CorruptEntryError('the body is shorter than its length field');
    const jsonLength = body.readUInt32BE(0);
    if (4 + jsonLength > body.length)
        throw new CorruptEntryError('the body is shorter than its JSON');
    let skeleton;
    try {
        skeleton = JSON.parse(body.toString('utf8', 4, 4 + jsonLength));
    }
    catch (e) {
        throw new CorruptEntryError(`the body's JSON does not parse (${e.message})`);
    }
    const blobs = body.subarray(4 + jsonLength);
    if (!Array.isArray(skeleton) || skeleton.length !== 2 || !Array.isArray(skeleton[0]))
        throw new CorruptEntryError('the body is not a [shapes, value] pair');
    const shapes = skeleton[0];
    for (const shape of shapes) {
        if (!Array.isArray(shape) || shape.some((k) => typeof k !== 'string'))
            throw new CorruptEntryError('an object shape is not a list of keys');
    }
    const dec = (j) => {
        if (j === null || typeof j !== 'object')
            return j;
        if (!Array.isArray(j))
            throw new CorruptEntryError('an untagged object');
        switch (j[0]) {
            case 'o': {
                const keys = shapes[j[1]];
                if (!keys || keys.length !== j.length - 2)
                    throw new CorruptEntryError('an object does not fit its shape');
                const out = {};
                for (let i = 0; i < keys.length; i++) {
                    const k = keys[i];
                    // An own "__proto__" key stays a key (assigning it would set the prototype).
                    if (k === '__proto__')
                        Object.defineProperty(out, k, { value: dec(j[i + 2]), enumerable: true, writable: true, configurable: true });
                    else
                        out[k] = dec(j[i + 2]);
                }
                return out;
            }
            case 'a':
                return j.slice(1).map(dec);
            case 'm': {
                if (j.length % 2 !== 1)
                    throw new CorruptEntryError('a Map has an odd number of items');
                const m = new Map();
                for (let i = 1; i < j.length; i += 2)
                    m.set(dec(j[i]), dec(j[i + 1]));
                return m;
            }
            case 's':
                return new Set(j.slice(1).map(dec));
            case 'b': {
                const [, off, len] = j;
                if (typeof off !== 'number' || typeof len !== 'number' || !Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > blobs.length) {
                    throw new CorruptEntryError('a Buffer reference points outside the body');
                }
                return blobs.subarray(off, off + len);
            }
            case 'u':
                return undefined;
            case 'f':
                if (j[1] === 'NaN')
                    return NaN;
                if (j[1] === 'Infinity')
                    return Infinity;
                if (j[1] === '-Infinity')
                    return -Infinity;
                if (j[1] === '-0')
                    return -0;
                throw new CorruptEntryError(`unknown number tag ${JSON.stringify(j[1])}`);
            case 'n':
                if (typeof j[1] !== 'string' || !/^-?\d+$/.test(j[1]))
                    throw new CorruptEntryError('a bigint is not a number');
                return BigInt(j[1]);
            case 'd':
                return new Date(j[1] === 'invalid' ? NaN : String(j[1]));
            default:
                throw new CorruptEntryError(`unknown tag ${JSON.stringify(j[0])}`);
        }
    };
    return dec(skeleton[1]);
}


/***/ }),

/***/ 59951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k2: () => (/* binding */ entryKey),
/* harmony export */   tb: () => (/* binding */ LAYER_CACHE_FORMAT),
/* harmony export */   xG: () => (/* binding */ analysisVersion)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Bumped whenever the entry layout, the codec, or what a layer's analysis holds changes in a way a generic
 * round-trip would not cover. Part of every key, so an older entry is never read, only evicted.
 */
const LAYER_CACHE_FORMAT = 1;
/**
 * A version of everything that shapes one layer's analysis, besides the layer's bytes: the cache format, the
 * per-file cap, every request (id, paths, globs, caps, flags, and the source text of its filter and sink, in
 * declaration order), and `salt` (the caller's plugin versions and the tool's version). Two scans whose versions
 * differ never share an entry.
 */
function analysisVersion(requests, maxFileBytes, salt = '') {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    h.update(JSON.stringify({ format: LAYER_CACHE_FORMAT, maxFileBytes, salt }));
    for (const r of requests) {
        h.update('\n');
        h.update(JSON.stringify([
            r.id,
            r.paths ?? [],
            r.globs ?? [],
            r.maxBytes ?? null,
            r.capBytes ?? null,
            Boolean(r.database),
            Boolean(r.everyLayer),
            r.filter ? r.filter.toString() : null,
            r.sink ? r.sink.toString() : null,
        ]));
    }
    return h.digest('hex');
}
/** The entry's key: the layer's diff_id under one analysis version (hex, a file name). */
function entryKey(diffId, version) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${LAYER_CACHE_FORMAT}\n${version}\n${diffId}`).digest('hex');
}


/***/ }),

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
