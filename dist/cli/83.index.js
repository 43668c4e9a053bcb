export const id = 83;
export const ids = [83];
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

/***/ 21321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yt: () => (/* binding */ loadImage)
});

// UNUSED EXPORTS: knownSchemes, openImage

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/image/manifest.ts
var image_manifest = __webpack_require__(20596);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/image/oci-layout.ts



const REF_NAME = 'org.opencontainers.image.ref.name';
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;
/**
 * Resolves an OCI layout's `index.json` to one image: by ref name (`org.opencontainers.image.ref.name`), or the
 * only entry when there is one; then through nested indexes by platform. Every blob read is digest-checked.
 */
async function resolveOciLayout(args) {
    const { store, label } = args;
    const top = (0,image_manifest/* parseManifest */.Ng)(args.indexJson, undefined, `${label}: index.json`);
    if (top.kind !== 'index')
        throw new errors/* ImageError */.C8(`${label}: index.json is not an image index`);
    const entries = top.index.manifests;
    let chosen;
    if (args.refName !== undefined) {
        chosen = entries.find((d) => d.annotations?.[REF_NAME] === args.refName) ?? entries.find((d) => d.digest === args.refName);
        if (!chosen) {
            throw new errors/* ImageError */.C8(`${label} has no image with ref "${args.refName}"; refs available: ${refList(entries)}`);
        }
    }
    else if (entries.length === 1) {
        chosen = entries[0];
    }
    else if (entries.length === 0) {
        throw new errors/* ImageError */.C8(`${label}: index.json lists no images`);
    }
    else {
        throw new errors/* ImageError */.C8(`${label} holds ${entries.length} images; name one by appending :REF to the reference (refs available: ${refList(entries)})`);
    }
    return resolveDescriptor(store, chosen, args.platform, label, undefined, 0);
}
async function resolveDescriptor(store, desc, platform, label, indexDigest, depth) {
    if (depth > 4)
        throw new errors/* ImageError */.C8(`${label}: indexes nested too deeply`);
    const bytes = await readVerified(store, desc.digest, label, 'manifest', desc.size);
    const parsed = (0,image_manifest/* parseManifest */.Ng)(bytes, desc.mediaType, `${label}: manifest ${desc.digest}`);
    if (parsed.kind === 'index') {
        const next = (0,image_manifest/* selectPlatform */.md)(parsed.index, platform, `${label}: index ${desc.digest}`);
        return resolveDescriptor(store, next, platform, label, desc.digest, depth + 1);
    }
    const configBytes = await readVerified(store, parsed.manifest.config.digest, label, 'config', parsed.manifest.config.size);
    return {
        manifest: parsed.manifest,
        manifestDigest: desc.digest,
        manifestMediaType: parsed.mediaType,
        ...(indexDigest ? { indexDigest } : {}),
        config: (0,image_manifest/* parseConfig */.o4)(configBytes, `${label}: config ${parsed.manifest.config.digest}`),
    };
}
/** Reads a blob and checks its digest (sha256 or sha512) and, when the descriptor gives it, its size. */
async function readVerified(store, digest, label, what, size) {
    if (!DIGEST.test(digest))
        throw new errors/* ImageError */.C8(`${label}: ${what} has an invalid or unsupported digest "${digest}"`);
    const bytes = await store.get(digest);
    if (!bytes)
        throw new errors/* ImageError */.C8(`${label}: ${what} blob ${digest} is missing`);
    if (size !== undefined && bytes.length !== size) {
        throw new errors/* ImageError */.C8(`${label}: size mismatch for ${what} blob ${digest}: its descriptor says ${size} bytes but the blob has ${bytes.length}`);
    }
    const actual = digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256');
    if (actual !== digest)
        throw new errors/* ImageError */.C8(`${label}: digest mismatch for ${what} blob ${digest}: its content hashes to ${actual}`);
    return bytes;
}
/** The `<algorithm>:<hex>` digest of some bytes (sha256 unless told). */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Path of a blob inside a layout: `blobs/<algorithm>/<hex>`. */
function blobPath(digest) {
    const [alg, hex] = digest.split(':');
    return `blobs/${alg}/${hex}`;
}
function isDigest(s) {
    return DIGEST.test(s);
}
function refList(entries) {
    const refs = entries.map((d) => d.annotations?.[REF_NAME] ?? d.digest);
    return refs.join(', ') || '(none)';
}

;// CONCATENATED MODULE: ./src/image/reference.ts

const SCHEME = /^([a-z][a-z0-9-]*):(.*)$/s;
/**
 * Splits `scheme:location`. A string whose prefix is not one of the known schemes is a bare image name
 * (`alpine:3.20`, `localhost:5000/app:1`), which tries the daemon first and then the registry.
 */
function parseReference(raw, knownSchemes) {
    const input = raw.trim();
    if (input === '')
        throw new errors/* ConfigurationError */.j1('empty image reference');
    const m = SCHEME.exec(input);
    if (m && knownSchemes.includes(m[1])) {
        if (m[2] === '')
            throw new errors/* ConfigurationError */.j1(`image reference "${raw}" has no location after "${m[1]}:"`);
        return { raw, scheme: m[1], location: m[2] };
    }
    return { raw, scheme: undefined, location: input };
}
/**
 * For `oci-dir:PATH[:REF]` and `oci-archive:PATH[:REF]`: the path, and the ref after the last colon when the whole
 * location is not itself an existing path.
 */
function splitPathAndRef(location, exists) {
    if (exists(location))
        return { path: location };
    // The path is the longest prefix, ending before a colon, that exists; the rest is the ref (which may itself
    // hold a colon, as a docker-archive's `repo:tag` does).
    for (let i = location.lastIndexOf(':'); i > 0; i = location.lastIndexOf(':', i - 1)) {
        if (exists(location.slice(0, i)))
            return { path: location.slice(0, i), ref: location.slice(i + 1) };
    }
    const i = location.lastIndexOf(':');
    if (i > 0 && !location.slice(i + 1).includes('/'))
        return { path: location.slice(0, i), ref: location.slice(i + 1) };
    return { path: location };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/image/sources/file-helpers.ts



/** Stats a user-given path, turning "missing" and "wrong kind" into clear image errors. */
async function statInput(path, want, what) {
    let st;
    try {
        st = await (0,promises_.stat)(path);
    }
    catch (e) {
        const code = e.code;
        throw new errors/* ImageError */.C8(code === 'ENOENT' ? `${what} ${path} does not exist` : `cannot read ${what} ${path}: ${e.message}`, { cause: e });
    }
    if (want === 'file' && !st.isFile())
        throw new errors/* ImageError */.C8(`${what} ${path} is not a file`);
    if (want === 'dir' && !st.isDirectory())
        throw new errors/* ImageError */.C8(`${what} ${path} is not a directory (an OCI layout is a directory with index.json and oci-layout)`);
    return st;
}
function fileStream(path, start, end) {
    return (0,external_node_fs_.createReadStream)(path, { highWaterMark: 256 * 1024, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
}
const pathExists = (p) => (0,external_node_fs_.existsSync)(p);

;// CONCATENATED MODULE: ./src/image/sources/oci-dir.ts







/** `oci-dir:PATH[:REF]`: an OCI image layout directory. */
const ociDirSource = {
    id: 'oci-dir',
    version: 0,
    schemes: ['oci-dir', 'oci'],
    description: 'an OCI image layout directory: oci-dir:PATH[:REF]',
    async open(ref, options) {
        const { path, ref: refName } = splitPathAndRef(ref.location, pathExists);
        await statInput(path, 'dir', 'OCI layout');
        const label = `OCI layout ${path}`;
        const indexJson = await (0,promises_.readFile)((0,external_node_path_.join)(path, 'index.json')).catch((e) => {
            throw new errors/* ImageError */.C8(`${label} has no readable index.json (${e.message})`, { cause: e });
        });
        const store = {
            get: async (digest) => (isDigest(digest) ? (0,promises_.readFile)((0,external_node_path_.join)(path, blobPath(digest))).catch(() => undefined) : undefined),
        };
        const resolved = await resolveOciLayout({
            indexJson,
            store,
            ...(refName !== undefined ? { refName } : {}),
            platform: options.platform ?? (0,image_manifest/* hostPlatform */.ol)(),
            label,
        });
        const metadata = (0,image_manifest/* buildMetadata */.KP)({
            reference: ref.raw,
            source: 'oci-dir',
            manifest: resolved.manifest,
            manifestDigest: resolved.manifestDigest,
            manifestMediaType: resolved.manifestMediaType,
            ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
            config: resolved.config,
        });
        return {
            kind: 'layered',
            metadata,
            async blob(layer) {
                if (!isDigest(layer.digest))
                    throw new errors/* ImageError */.C8(`${label}: layer ${layer.index} has an invalid digest "${layer.digest}"`);
                const file = (0,external_node_path_.join)(path, blobPath(layer.digest));
                await statInput(file, 'file', `${label}: layer ${layer.index} blob`).catch((e) => {
                    throw new errors/* ImageError */.C8(`${label}: layer ${layer.index} blob ${layer.digest} is missing`, { cause: e });
                });
                return fileStream(file);
            },
            async close() { },
        };
    },
};

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(68339);
;// CONCATENATED MODULE: ./src/image/decompress.ts



/** Detects the compression of a blob from its first bytes (magic numbers), not from its media type. */
function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
        return 'zstd';
    return 'none';
}
/** Node ≥ 22.15 / 23.8 has zstd in zlib; Node 20 does not, so a pure-JS decoder (fzstd) stands in there. */
const nativeZstd = external_node_zlib_.createZstdDecompress;
function zstdBackend() {
    return nativeZstd ? 'node:zlib' : 'fzstd';
}
function createDecompressor(compression) {
    switch (compression) {
        case 'gzip':
            return external_node_zlib_.createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 1024 * 1024 });
        case 'zstd':
            return nativeZstd ? nativeZstd() : new FzstdTransform();
        case 'none':
            return null;
    }
}
/** A Transform over fzstd's streaming decoder. A stream that ends mid-frame is an error. */
class FzstdTransform extends external_node_stream_.Transform {
    #decoder;
    #ended = false;
    constructor() {
        super();
        this.#decoder = new esm/* Decompress */.YM((chunk, final) => {
            // Copied: the decoder may reuse its window buffer for later output.
            if (chunk.length)
                this.push(Buffer.from(chunk));
            if (final)
                this.#ended = true;
        });
    }
    _transform(chunk, _enc, callback) {
        try {
            this.#decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message}`));
        }
    }
    _flush(callback) {
        try {
            this.#decoder.push(new Uint8Array(0), true);
            if (!this.#ended)
                throw new Error('unexpected end of data');
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message.replace(/^zstd: /, '')}`));
        }
    }
}

;// CONCATENATED MODULE: ./src/image/entry-columns.ts
/** The file types, by their code in a type column. */
const FILE_TYPES = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo'];
const TYPE_CODE = new Map(FILE_TYPES.map((t, i) => [t, i]));
function fileTypeCode(type, path) {
    const code = TYPE_CODE.get(type);
    if (code === undefined)
        throw new Error(`${path}: unknown file type "${type}"`);
    return code;
}
/** The numbers of an entry, in this order: mode, uid, gid, size, mtime. */
const ENTRY_NUMS = 5;
/**
 * Per-slot entry metadata in columns: a type code and the five numbers of an entry, each as a 32-bit unsigned
 * integer (what nearly every mode, owner, size and mtime is), and exactly, in a side map, any that is not (a size
 * over 4 GiB, a fractional or negative mtime, an absent one). ~25 bytes a slot instead of an object.
 */
class EntryColumns {
    #types = new Uint8Array(256);
    #nums = new Uint32Array(256 * ENTRY_NUMS);
    /** `slot * ENTRY_NUMS + field` to a value the Uint32 column cannot hold (undefined included). */
    #wide = new Map();
    /** Makes room for `slot` (slots are used from 0 up). */
    ensure(slot) {
        if (slot < this.#types.length)
            return;
        let cap = this.#types.length;
        while (cap <= slot)
            cap *= 2;
        const types = new Uint8Array(cap);
        types.set(this.#types);
        this.#types = types;
        const nums = new Uint32Array(cap * ENTRY_NUMS);
        nums.set(this.#nums);
        this.#nums = nums;
    }
    type(slot) {
        return this.#types[slot];
    }
    write(slot, type, mode, uid, gid, size, mtime) {
        this.#types[slot] = type;
        const n = slot * ENTRY_NUMS;
        this.#num(n, mode);
        this.#num(n + 1, uid);
        this.#num(n + 2, gid);
        this.#num(n + 3, size);
        this.#num(n + 4, mtime);
    }
    /** A number written at `slot`: 0 mode, 1 uid, 2 gid, 3 size, 4 mtime. */
    num(slot, field) {
        const i = slot * ENTRY_NUMS + field;
        const v = this.#nums[i];
        // Only a slot holding a wide value can say 0xffffffff (a narrow 0xffffffff is stored wide too).
        return v === 0xffffffff && this.#wide.has(i) ? this.#wide.get(i) : v;
    }
    #num(i, v) {
        if (v !== undefined && v >>> 0 === v && v !== 0xffffffff && (v !== 0 || 1 / v > 0)) {
            this.#nums[i] = v;
            if (this.#wide.size > 0)
                this.#wide.delete(i);
        }
        else {
            this.#nums[i] = 0xffffffff;
            this.#wide.set(i, v);
        }
    }
}

;// CONCATENATED MODULE: ./src/image/path-store.ts
/**
 * An interning set of paths kept outside the JS heap: each distinct path gets a small integer id, from 0 up, that it
 * keeps for the store's life. The paths' UTF-8 bytes are packed end to end in one growable buffer, and an
 * open-addressing hash table in an Int32Array maps a path to its id. A million paths are a few typed arrays, not a
 * million strings that survive every young-generation collection (which is what made V8 grow its new space, and so
 * the process's peak RSS, with the file count). Strings are made only when a path is asked for (`pathOf`).
 *
 * Exact for every JS string: a string that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot
 * represent) is kept in a small side map instead, so that two different strings never share an id.
 */
class PathStore {
    /** The UTF-8 bytes of every path, end to end. */
    #bytes = new Uint8Array(1 << 16);
    /** #bytes as a Buffer, to decode a path without making a Buffer object for it. */
    #view = Buffer.from(this.#bytes.buffer);
    #byteLength = 0;
    /** Where path `id` starts in #bytes; `#starts[id + 1]` is where it ends. */
    #starts = new Uint32Array(1024);
    #hashes = new Uint32Array(1024);
    #count = 0;
    /** Open addressing, linear probing: id + 1 per cell, 0 for an empty one; at most half full. */
    #table = new Int32Array(2048);
    #mask = 2047;
    /** Ill-formed strings (lone surrogates), which have no UTF-8 form: their ids, and back. */
    #odd = new Map();
    #oddById = new Map();
    /** Scratch for encoding a non-ASCII string. */
    #scratch = Buffer.allocUnsafe(1024);
    /** How many distinct paths were interned. Ids are 0 … size - 1. */
    get size() {
        return this.#count;
    }
    /** The id of `path`, interning it when it is new. */
    intern(path) {
        if (isAscii(path)) {
            // The common case, hashed once for the lookup and the insertion.
            const hash = hashAscii(path);
            const found = this.#findAscii(path, hash);
            if (found >= 0)
                return found;
            const length = path.length;
            this.#reserveBytes(length);
            const bytes = this.#bytes;
            const at = this.#byteLength;
            for (let i = 0; i < length; i++)
                bytes[at + i] = path.charCodeAt(i);
            this.#byteLength += length;
            const id = this.#newId(hash, this.#byteLength);
            this.#insert(id, hash);
            return id;
        }
        const found = this.find(path);
        if (found >= 0)
            return found;
        if (LONE_SURROGATE.test(path)) {
            const id = this.#newId(0, 0);
            this.#odd.set(path, id);
            this.#oddById.set(id, path);
            return id;
        }
        const length = this.#encode(path);
        this.#reserveBytes(length);
        this.#bytes.set(this.#scratch.subarray(0, length), this.#byteLength);
        this.#byteLength += length;
        const hash = hashBytes(this.#scratch, 0, length);
        const id = this.#newId(hash, this.#byteLength);
        this.#insert(id, hash);
        return id;
    }
    /** The id of `path`, or -1 when it was never interned. */
    find(path) {
        if (isAscii(path))
            return this.#findAscii(path, hashAscii(path));
        if (LONE_SURROGATE.test(path))
            return this.#odd.get(path) ?? -1;
        const length = this.#encode(path);
        const scratch = this.#scratch;
        const hash = hashBytes(scratch, 0, length);
        for (let cell = hash & this.#mask;; cell = (cell + 1) & this.#mask) {
            const v = this.#table[cell];
            if (v === 0)
                return -1;
            const id = v - 1;
            if (this.#hashes[id] === hash && this.#equalsBytes(id, scratch, length))
                return id;
        }
    }
    #findAscii(path, hash) {
        for (let cell = hash & this.#mask;; cell = (cell + 1) & this.#mask) {
            const v = this.#table[cell];
            if (v === 0)
                return -1;
            const id = v - 1;
            if (this.#hashes[id] === hash && this.#equalsAscii(id, path))
                return id;
        }
    }
    /** The path of an id this store gave. */
    pathOf(id) {
        if (id < 0 || id >= this.#count)
            throw new RangeError(`path id ${id} out of range`);
        const start = this.#starts[id];
        const end = this.#starts[id + 1];
        if (start === end) {
            const odd = this.#oddById.get(id);
            if (odd !== undefined)
                return odd;
        }
        return this.#view.toString('utf8', start, end);
    }
    /** The UTF-8 length of `pathOf(id)` (0 for an ill-formed one). */
    byteLengthOf(id) {
        return this.#starts[id + 1] - this.#starts[id];
    }
    /** Bytes held in the typed arrays, for the benches. */
    get heldBytes() {
        return this.#bytes.byteLength + this.#starts.byteLength + this.#hashes.byteLength + this.#table.byteLength;
    }
    #newId(hash, end) {
        const id = this.#count++;
        if (id + 1 >= this.#starts.length) {
            this.#starts = grow32(this.#starts, this.#starts.length * 2);
            this.#hashes = grow32(this.#hashes, this.#starts.length);
        }
        this.#hashes[id] = hash;
        // An ill-formed string takes no bytes: its end is its start.
        this.#starts[id + 1] = end === 0 ? this.#byteLength : end;
        return id;
    }
    #insert(id, hash) {
        if ((this.#count - this.#odd.size) * 2 > this.#table.length)
            this.#rehash(this.#table.length * 2);
        const table = this.#table;
        let cell = hash & this.#mask;
        while (table[cell] !== 0)
            cell = (cell + 1) & this.#mask;
        table[cell] = id + 1;
    }
    #rehash(cells) {
        const table = new Int32Array(cells);
        const mask = cells - 1;
        for (let id = 0; id < this.#count; id++) {
            if (this.#starts[id] === this.#starts[id + 1] && this.#oddById.has(id))
                continue;
            let cell = this.#hashes[id] & mask;
            while (table[cell] !== 0)
                cell = (cell + 1) & mask;
            table[cell] = id + 1;
        }
        this.#table = table;
        this.#mask = mask;
    }
    #reserveBytes(more) {
        const need = this.#byteLength + more;
        if (need <= this.#bytes.length)
            return;
        let cap = this.#bytes.length * 2;
        while (cap < need)
            cap *= 2;
        const bytes = new Uint8Array(cap);
        bytes.set(this.#bytes.subarray(0, this.#byteLength));
        this.#bytes = bytes;
        this.#view = Buffer.from(bytes.buffer);
    }
    /** Encodes a string into the scratch buffer, returning its UTF-8 length. */
    #encode(path) {
        const most = path.length * 3;
        if (most > this.#scratch.length)
            this.#scratch = Buffer.allocUnsafe(Math.max(most, this.#scratch.length * 2));
        return this.#scratch.write(path, 0, 'utf8');
    }
    #equalsAscii(id, path) {
        const start = this.#starts[id];
        if (this.#starts[id + 1] - start !== path.length)
            return false;
        const bytes = this.#bytes;
        for (let i = path.length - 1; i >= 0; i--)
            if (bytes[start + i] !== path.charCodeAt(i))
                return false;
        return true;
    }
    #equalsBytes(id, other, length) {
        const start = this.#starts[id];
        if (this.#starts[id + 1] - start !== length)
            return false;
        const bytes = this.#bytes;
        for (let i = length - 1; i >= 0; i--)
            if (bytes[start + i] !== other[i])
                return false;
        return true;
    }
}
/** A surrogate that is not half of a pair (in `u` mode a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
function isAscii(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 0x7f)
            return false;
    return true;
}
// FNV-1a over the UTF-8 bytes (for an ASCII string, its char codes are its bytes), then a final mix.
function hashAscii(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return mix(h);
}
function hashBytes(b, start, end) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++)
        h = Math.imul(h ^ b[i], 0x01000193);
    return mix(h);
}
function mix(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h >>> 0;
}
function grow32(a, length) {
    const b = new Uint32Array(length);
    b.set(a);
    return b;
}

// EXTERNAL MODULE: ./src/image/paths.ts
var paths = __webpack_require__(80469);
;// CONCATENATED MODULE: ./src/image/layer-collector.ts



/**
 * One layer's entries in columns instead of one object each, with the paths and link targets outside the JS heap
 * (PathStore): a layer of 300,000 files costs ~70 bytes a path in typed arrays while it is read, then nothing once
 * squashed. Same order and replacement rule as a Map: a later entry for a path replaces the earlier one and moves to
 * the end.
 */
class LayerEntryTable {
    #paths = new PathStore();
    /** Path id to its slot, -1 when none. */
    #slotOf = new Int32Array(256).fill(-1);
    /** Slot to path id; -1 for a slot a later entry of the same path replaced. */
    #pathAt = new Int32Array(256);
    #slots = 0;
    #live = 0;
    #columns = new EntryColumns();
    /** Slot to link target id (in #targets), -1 when none. */
    #linkAt = new Int32Array(256);
    #targets = new PathStore();
    get size() {
        return this.#live;
    }
    add(e) {
        const id = this.#paths.intern(e.path);
        if (id >= this.#slotOf.length)
            this.#slotOf = growInt32(this.#slotOf, id + 1, -1);
        const old = this.#slotOf[id];
        if (old >= 0)
            this.#pathAt[old] = -1;
        else
            this.#live++;
        const slot = this.#slots++;
        this.#columns.ensure(slot);
        if (slot >= this.#pathAt.length) {
            this.#pathAt = growInt32(this.#pathAt, slot + 1, 0);
            this.#linkAt = growInt32(this.#linkAt, slot + 1, 0);
        }
        this.#pathAt[slot] = id;
        this.#slotOf[id] = slot;
        this.#columns.write(slot, fileTypeCode(e.type, e.path), e.mode, e.uid, e.gid, e.size, e.mtime);
        this.#linkAt[slot] = e.linkTarget === undefined ? -1 : this.#targets.intern(e.linkTarget);
    }
    /** The entries in order, each a fresh object (short-lived: the squash copies it into its own columns). */
    *values() {
        const c = this.#columns;
        for (let slot = 0; slot < this.#slots; slot++) {
            const id = this.#pathAt[slot];
            if (id < 0)
                continue;
            const entry = { path: this.#paths.pathOf(id), type: FILE_TYPES[c.type(slot)], mode: c.num(slot, 0), uid: c.num(slot, 1), gid: c.num(slot, 2), size: c.num(slot, 3), mtime: c.num(slot, 4) };
            const link = this.#linkAt[slot];
            if (link >= 0)
                entry.linkTarget = this.#targets.pathOf(link);
            yield entry;
        }
    }
    toMap() {
        const map = new Map();
        for (const e of this.values())
            map.set(e.path, e);
        return map;
    }
}
/** A copy of `a` with room for `length` (at least doubled), the new cells set to `fill`. */
function growInt32(a, length, fill) {
    let cap = Math.max(a.length * 2, 16);
    while (cap < length)
        cap *= 2;
    const b = new Int32Array(cap);
    b.set(a);
    if (fill !== 0)
        b.fill(fill, a.length);
    return b;
}
const TABLE = Symbol('layer entry table');
/**
 * The compact entries of a layer result a LayerCollector made, while nobody has asked for its `entries` Map (which
 * is then made from them once, on first access, and is the one to use).
 */
function entryTableOf(result) {
    return result[TABLE];
}
/** A LayerResult whose `entries` Map is made from `table` only when asked for (the layer cache, tests). */
function lazyEntries(result, table) {
    let map;
    Object.defineProperty(result, TABLE, { value: table, enumerable: false, configurable: true, writable: true });
    Object.defineProperty(result, 'entries', {
        enumerable: true,
        configurable: true,
        get() {
            if (!map) {
                map = table.toMap();
                result[TABLE] = undefined;
            }
            return map;
        },
        set(value) {
            map = value;
            result[TABLE] = undefined;
        },
    });
    return result;
}
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/**
 * Turns raw entries (from a tar stream or a directory walk) into a LayerResult: normalises names, refuses
 * traversal, records whiteouts, and captures the requested content within the caps.
 */
class layer_collector_LayerCollector {
    matcher;
    maxFileBytes;
    layerDigest;
    /** The layer's result; its `entries` are kept in columns (entryTableOf) until someone reads the Map. */
    result = lazyEntries({
        whiteouts: [],
        opaqueDirs: [],
        contents: new Map(),
        unknowns: [],
        stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    }, new LayerEntryTable());
    constructor(matcher, maxFileBytes, layerDigest) {
        this.matcher = matcher;
        this.maxFileBytes = maxFileBytes;
        this.layerDigest = layerDigest;
    }
    /** Adds one entry; returns a sink for its data when the content is wanted. */
    add(raw) {
        const r = this.result;
        r.stats.entries++;
        const path = (0,paths/* normalizeEntryName */.Lw)(raw.name);
        if (path === null) {
            this.#unknown(`entry name "${raw.name}" climbs out of the image root; ignored`, raw.name);
            return null;
        }
        if (path === '/')
            return null;
        if (path.includes(`/${WHITEOUT}${WHITEOUT}`) && !path.endsWith(OPAQUE)) {
            // AUFS bookkeeping (`.wh..wh.plnk/…`, `.wh..wh.aufs`): not part of the file system.
            return null;
        }
        const base = (0,paths/* basename */.P8)(path);
        if (base.startsWith(WHITEOUT)) {
            if (base === OPAQUE) {
                r.opaqueDirs.push((0,paths/* dirname */.pD)(path));
                r.stats.opaque++;
            }
            else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
                const dir = (0,paths/* dirname */.pD)(path);
                r.whiteouts.push(dir === '/' ? `/${base.slice(WHITEOUT.length)}` : `${dir}/${base.slice(WHITEOUT.length)}`);
                r.stats.whiteouts++;
            }
            return null;
        }
        if (raw.type === 'other') {
            this.#unknown(`unsupported tar entry type; ignored`, path);
            return null;
        }
        const entry = {
            path,
            type: raw.type,
            mode: raw.mode & 0o7777,
            uid: raw.uid,
            gid: raw.gid,
            size: raw.type === 'file' ? raw.size : 0,
            mtime: raw.mtime,
        };
        if (raw.type === 'symlink') {
            entry.linkTarget = raw.linkname;
            r.stats.symlinks++;
        }
        else if (raw.type === 'hardlink') {
            const target = (0,paths/* normalizeEntryName */.Lw)(raw.linkname);
            if (target === null) {
                this.#unknown(`hardlink target "${raw.linkname}" climbs out of the image root; ignored`, path);
                return null;
            }
            entry.linkTarget = target;
            r.stats.hardlinks++;
        }
        else if (raw.type === 'dir')
            r.stats.dirs++;
        else if (raw.type === 'file')
            r.stats.files++;
        // A later entry for the same path in the same layer replaces the earlier one.
        const table = entryTableOf(r);
        if (table)
            table.add(entry);
        else {
            r.entries.delete(path);
            r.entries.set(path, entry);
        }
        r.contents.delete(path);
        if (raw.type !== 'file' || this.matcher.empty)
            return null;
        const wanted = this.matcher.match(path, entry);
        if (wanted.length === 0)
            return null;
        return this.#capture(path, raw.size, wanted);
    }
    #capture(path, size, wanted) {
        const buffering = wanted.filter((c) => !c.request.sink);
        const sinks = wanted
            .filter((c) => c.request.sink)
            .map((c) => [c.request.id, c.request.sink(path)]);
        // The content is kept once for every buffering request, so the largest of their caps applies (each bounded by
        // the global cap, or by its own capBytes for package databases): a request with a small maxBytes must not
        // starve another request for the same file.
        const cap = Math.max(0, ...buffering.map((c) => Math.min(c.request.capBytes ?? this.maxFileBytes, c.request.maxBytes ?? Infinity)));
        let buffer = null;
        let filled = 0;
        let overCap = null;
        if (buffering.length > 0) {
            if (size > cap)
                overCap = `file is ${size} bytes, over the ${cap}-byte content cap (requested by ${buffering.map((c) => c.request.id).join(', ')})`;
            else
                buffer = Buffer.allocUnsafe(size);
        }
        const contents = this.result.contents;
        const layered = wanted.some((c) => c.request.everyLayer) ? { everyLayer: true } : {};
        return {
            data(chunk) {
                if (buffer) {
                    chunk.copy(buffer, filled);
                    filled += chunk.length;
                }
                for (const [, s] of sinks)
                    s.write(chunk);
            },
            end() {
                const sinkResults = sinks.length ? new Map(sinks.map(([id, s]) => [id, s.end()])) : undefined;
                if (buffer)
                    contents.set(path, { kind: 'content', data: buffer, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
                else if (overCap)
                    contents.set(path, { kind: 'unknown', reason: overCap, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
                else if (sinkResults)
                    contents.set(path, { kind: 'sinks-only', sinks: sinkResults, ...layered });
            },
        };
    }
    #unknown(reason, path) {
        this.result.unknowns.push({ stage: 'image', reason, path, ...(this.layerDigest ? { layerDigest: this.layerDigest } : {}) });
    }
}

;// CONCATENATED MODULE: ./src/image/tar/tar-parser.ts
/**
 * A streaming tar parser: push chunks in, get entries out. Zero-copy for file data (sinks receive subarrays of
 * the chunks pushed in). Supports ustar, GNU long names/links ('L'/'K'), PAX extended headers ('x'/'g'),
 * base-256 sizes, and verifies each header's checksum. It never touches the disk.
 */
class TarFormatError extends Error {
    name = 'TarFormatError';
}
const BLOCK = 512;
const META_LIMIT = 1 << 20; // PAX and GNU long-name records larger than this are refused.
class TarParser {
    onEntry;
    #state = 'header';
    #header = Buffer.alloc(BLOCK);
    #headerFill = 0;
    #remaining = 0; // bytes of entry data still to come
    #padding = 0; // bytes of padding still to skip
    #sink = null;
    #meta = null;
    #globalPax = {};
    #nextPax = null;
    #nextLongName = null;
    #nextLongLink = null;
    #zeroBlocks = 0;
    #entries = 0;
    #offset = 0;
    constructor(onEntry) {
        this.onEntry = onEntry;
    }
    get entries() {
        return this.#entries;
    }
    /** True once the end-of-archive marker (two zero blocks) has been seen. */
    get done() {
        return this.#state === 'done';
    }
    push(chunk) {
        let pos = 0;
        const len = chunk.length;
        while (pos < len) {
            switch (this.#state) {
                case 'header': {
                    const take = Math.min(BLOCK - this.#headerFill, len - pos);
                    if (this.#headerFill === 0 && take === BLOCK) {
                        // Fast path: the whole header is inside this chunk.
                        this.#onHeader(chunk.subarray(pos, pos + BLOCK));
                    }
                    else {
                        chunk.copy(this.#header, this.#headerFill, pos, pos + take);
                        this.#headerFill += take;
                        if (this.#headerFill === BLOCK) {
                            this.#headerFill = 0;
                            this.#onHeader(this.#header);
                        }
                    }
                    pos += take;
                    this.#offset += take;
                    break;
                }
                case 'data':
                case 'meta': {
                    const take = Math.min(this.#remaining, len - pos);
                    const piece = chunk.subarray(pos, pos + take);
                    if (this.#state === 'data')
                        this.#sink?.data(piece);
                    else
                        this.#meta.parts.push(Buffer.from(piece));
                    this.#remaining -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#remaining === 0)
                        this.#finishEntry();
                    break;
                }
                case 'padding': {
                    const take = Math.min(this.#padding, len - pos);
                    this.#padding -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#padding === 0)
                        this.#state = 'header';
                    break;
                }
                case 'done':
                    // Anything after the end marker is ignored (tar writers pad to a record size).
                    return;
            }
        }
    }
    /** Call when the input ends. Throws when the archive stops in the middle of an entry. */
    end() {
        if (this.#state === 'done')
            return;
        if (this.#state === 'header' && this.#headerFill === 0 && this.#meta === null) {
            // Many writers omit the end marker or one of its blocks; a stream that ends on an entry boundary is complete.
            if (this.#entries === 0 && this.#zeroBlocks === 0 && this.#offset === 0) {
                throw new TarFormatError('empty input: not a tar archive');
            }
            this.#state = 'done';
            return;
        }
        const where = this.#state === 'data' || this.#state === 'meta' ? `${this.#remaining} bytes short of the end of an entry` : 'in the middle of a header';
        throw new TarFormatError(`truncated tar archive: input ended ${where} (at byte ${this.#offset})`);
    }
    #onHeader(block) {
        if (isZeroBlock(block)) {
            this.#zeroBlocks++;
            if (this.#zeroBlocks >= 2)
                this.#state = 'done';
            return;
        }
        this.#zeroBlocks = 0;
        verifyChecksum(block, this.#offset);
        const typeflag = block[156] === 0 ? '0' : String.fromCharCode(block[156]);
        const size = readNumber(block, 124, 12);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new TarFormatError(`invalid entry size at byte ${this.#offset}`);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > META_LIMIT)
                throw new TarFormatError(`tar extended header of ${size} bytes is too large`);
            this.#meta = { flag: typeflag, parts: [], size };
            this.#remaining = size;
            this.#state = size > 0 ? 'meta' : 'header';
            if (size === 0)
                this.#finishMeta();
            return;
        }
        const pax = this.#nextPax;
        const header = this.#parseHeader(block, typeflag, size, pax);
        this.#nextPax = null;
        this.#nextLongName = null;
        this.#nextLongLink = null;
        this.#entries++;
        // Only regular files carry data in practice; hardlinks/symlinks/dirs may declare a size, which is skipped.
        const dataSize = header.size;
        this.#sink = null;
        const sink = this.onEntry(header);
        if (header.type === 'file' || header.type === 'other')
            this.#sink = sink;
        else
            sink?.end();
        this.#remaining = dataSize;
        this.#padding = (BLOCK - (dataSize % BLOCK)) % BLOCK;
        if (dataSize === 0)
            this.#finishEntry();
        else
            this.#state = 'data';
    }
    #parseHeader(block, typeflag, size, pax) {
        const magic = block.toString('latin1', 257, 263);
        let name = readString(block, 0, 100);
        if (magic === 'ustar\0') {
            const prefix = readString(block, 345, 155);
            if (prefix)
                name = `${prefix}/${name}`;
        }
        let linkname = readString(block, 157, 100);
        const merged = pax || Object.keys(this.#globalPax).length ? { ...this.#globalPax, ...(pax ?? {}) } : null;
        if (this.#nextLongName !== null)
            name = this.#nextLongName;
        if (this.#nextLongLink !== null)
            linkname = this.#nextLongLink;
        let effectiveSize = size;
        let mtime = readNumber(block, 136, 12);
        let uid = readNumber(block, 108, 8);
        let gid = readNumber(block, 116, 8);
        if (merged) {
            if (merged.path !== undefined)
                name = merged.path;
            if (merged.linkpath !== undefined)
                linkname = merged.linkpath;
            if (merged.size !== undefined)
                effectiveSize = Number(merged.size);
            if (merged.mtime !== undefined)
                mtime = Math.floor(Number(merged.mtime));
            if (merged.uid !== undefined)
                uid = Number(merged.uid);
            if (merged.gid !== undefined)
                gid = Number(merged.gid);
            if (!Number.isSafeInteger(effectiveSize) || effectiveSize < 0)
                throw new TarFormatError(`invalid PAX size for "${name}"`);
        }
        return {
            name,
            type: typeOf(typeflag),
            typeflag,
            mode: readNumber(block, 100, 8),
            uid,
            gid,
            size: effectiveSize,
            mtime,
            linkname,
            uname: readString(block, 265, 32),
            gname: readString(block, 297, 32),
            devmajor: readNumber(block, 329, 8),
            devminor: readNumber(block, 337, 8),
            ...(merged ? { pax: merged } : {}),
        };
    }
    #finishEntry() {
        if (this.#state === 'meta') {
            this.#finishMeta();
            return;
        }
        this.#sink?.end();
        this.#sink = null;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
    #finishMeta() {
        const meta = this.#meta;
        this.#meta = null;
        const body = Buffer.concat(meta.parts);
        switch (meta.flag) {
            case 'x':
                this.#nextPax = { ...(this.#nextPax ?? {}), ...parsePax(body) };
                break;
            case 'g':
                Object.assign(this.#globalPax, parsePax(body));
                break;
            case 'L':
                this.#nextLongName = readString(body, 0, body.length);
                break;
            case 'K':
                this.#nextLongLink = readString(body, 0, body.length);
                break;
        }
        this.#padding = (BLOCK - (meta.size % BLOCK)) % BLOCK;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
}
function typeOf(flag) {
    switch (flag) {
        case '0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '3':
            return 'char';
        case '4':
            return 'block';
        case '5':
            return 'dir';
        case '6':
            return 'fifo';
        default:
            return 'other';
    }
}
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i += 4) {
        if (block.readUInt32LE(i) !== 0)
            return false;
    }
    return true;
}
function verifyChecksum(block, offset) {
    const stored = readNumber(block, 148, 8);
    // The checksum counts its own 8-byte field as spaces. Most writers use unsigned bytes; a few historic ones
    // used signed bytes, which is only worked out when the unsigned sum does not match.
    let unsigned = 0;
    for (let i = 0; i < BLOCK; i++)
        unsigned += block[i];
    for (let i = 148; i < 156; i++)
        unsigned += 32 - block[i];
    if (stored === unsigned)
        return;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 32 : block[i];
        signed += b > 127 ? b - 256 : b;
    }
    if (stored !== signed) {
        throw new TarFormatError(`not a tar archive, or a corrupt one: header checksum mismatch at byte ${offset}`);
    }
}
function readString(buf, start, length) {
    let end = start;
    const max = start + length;
    while (end < max && buf[end] !== 0)
        end++;
    return buf.toString('utf8', start, end);
}
function readNumber(buf, start, length) {
    const first = buf[start];
    if (first & 0x80) {
        // base-256: big-endian two's complement in the remaining bytes (positive values only in practice).
        let value = first & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + buf[i];
        return value;
    }
    let value = 0;
    let seen = false;
    for (let i = start; i < start + length; i++) {
        const c = buf[i];
        if (c === 0 || c === 32) {
            if (seen)
                break;
            continue;
        }
        if (c < 48 || c > 55)
            throw new TarFormatError(`not a tar archive, or a corrupt one: bad octal field`);
        value = value * 8 + (c - 48);
        seen = true;
    }
    return value;
}
function parsePax(body) {
    const out = {};
    let pos = 0;
    while (pos < body.length) {
        const space = body.indexOf(32, pos);
        if (space < 0)
            break;
        const len = Number(body.toString('latin1', pos, space));
        if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length)
            throw new TarFormatError('corrupt PAX extended header');
        const record = body.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/image/layer-reader.ts





/** The algorithm of a `sha256:`/`sha512:` digest; undefined for any other. */
function digestAlgorithmOf(digest) {
    const alg = digest?.slice(0, digest.indexOf(':'));
    return alg === 'sha256' || alg === 'sha512' ? alg : undefined;
}
/**
 * Reads one layer blob in one pass: sha256 of the stored bytes, decompression chosen by magic number (gzip, zstd
 * or none), sha256 of the tar, and the tar parsed into a LayerResult. Nothing is written to disk. Digest mismatches,
 * truncation and corrupt data are ImageErrors that name the layer.
 */
async function readLayer(blob, options) {
    const collector = new layer_collector_LayerCollector(options.matcher, options.maxFileBytes, options.layerDigest);
    const parser = new TarParser((h) => collector.add(h));
    const storedAlg = digestAlgorithmOf(options.expectedDigest) ?? options.digestAlgorithm ?? 'sha256';
    const tarAlg = digestAlgorithmOf(options.expectedDiffId) ?? 'sha256';
    const storedHash = (0,external_node_crypto_.createHash)(storedAlg);
    const tarHash = (0,external_node_crypto_.createHash)(tarAlg);
    let storedBytes = 0;
    const expectedSize = options.expectedSize;
    const overSize = () => {
        if (expectedSize !== undefined && storedBytes > expectedSize) {
            throw new errors/* ImageError */.C8(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob is longer`);
        }
    };
    let tarBytes = 0;
    let compression = 'none';
    const onTar = (chunk) => {
        tarHash.update(chunk);
        tarBytes += chunk.length;
        parser.push(chunk);
    };
    try {
        const it = blob[Symbol.asyncIterator]();
        let head = Buffer.alloc(0);
        // Gather at least 4 bytes to recognise the compression.
        while (head.length < 4) {
            const n = await it.next();
            if (n.done)
                break;
            const chunk = toBuffer(n.value);
            storedHash.update(chunk);
            storedBytes += chunk.length;
            overSize();
            head = head.length ? Buffer.concat([head, chunk]) : chunk;
        }
        compression = sniffCompression(head);
        const decompressor = createDecompressor(compression);
        if (!decompressor) {
            if (head.length)
                onTar(head);
            for (let n = await it.next(); !n.done; n = await it.next()) {
                throwIfAborted(options.signal);
                const chunk = toBuffer(n.value);
                storedHash.update(chunk);
                storedBytes += chunk.length;
                overSize();
                onTar(chunk);
            }
        }
        else {
            // The writer feeds the decompressor while this loop consumes its output. Async iteration lets zlib inflate
            // the next chunk (on the thread pool) while the main thread hashes and parses this one; the readable buffer
            // of the decompressor bounds the memory in between.
            const pump = (async () => {
                if (!decompressor.write(head))
                    await drained(decompressor);
                for (let n = await it.next(); !n.done; n = await it.next()) {
                    if (decompressor.destroyed)
                        return;
                    throwIfAborted(options.signal);
                    const chunk = toBuffer(n.value);
                    storedHash.update(chunk);
                    storedBytes += chunk.length;
                    overSize();
                    if (!decompressor.write(chunk))
                        await drained(decompressor);
                }
                decompressor.end();
            })();
            pump.catch((e) => decompressor.destroy(e));
            try {
                for await (const chunk of decompressor)
                    onTar(chunk);
            }
            catch (e) {
                decompressor.destroy();
                await pump.catch(() => { });
                throw e;
            }
            await pump;
        }
        parser.end();
    }
    catch (e) {
        blob.destroy();
        throw describeFailure(e, compression, options.label);
    }
    const digest = `${storedAlg}:${storedHash.digest('hex')}`;
    const diffId = `${tarAlg}:${tarHash.digest('hex')}`;
    if (expectedSize !== undefined && storedBytes !== expectedSize) {
        throw new errors/* ImageError */.C8(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob has ${storedBytes}`);
    }
    if (options.expectedDigest && options.expectedDigest !== digest) {
        throw new errors/* ImageError */.C8(`digest mismatch for ${options.label}: the manifest says ${options.expectedDigest} but the blob's content hashes to ${digest}`);
    }
    if (options.expectedDiffId && options.expectedDiffId !== diffId) {
        throw new errors/* ImageError */.C8(`diff_id mismatch for ${options.label}: the config says ${options.expectedDiffId} but the uncompressed layer hashes to ${diffId}`);
    }
    // Assigned, not spread: a spread would read `entries` and make the Map the collector keeps its columns to avoid.
    return Object.assign(collector.result, { digest, diffId, compression, storedBytes, tarBytes });
}
function toBuffer(chunk) {
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}
function drained(stream) {
    return new Promise((resolve, reject) => {
        const onDrain = () => {
            stream.off('error', onError);
            resolve();
        };
        const onError = (e) => {
            stream.off('drain', onDrain);
            reject(e);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
    });
}
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
function describeFailure(e, compression, label) {
    if (e instanceof errors/* ImageError */.C8 || e instanceof errors/* RemoteError */.Hi)
        return e;
    const msg = e?.message ?? String(e);
    if (e instanceof TarFormatError)
        return new errors/* ImageError */.C8(`${label}: ${msg}`, { cause: e });
    const code = e.code;
    if (code === 'Z_BUF_ERROR' || /unexpected (end|EOF)/i.test(msg)) {
        return new errors/* ImageError */.C8(`${label}: truncated ${compression} data (${msg})`, { cause: e });
    }
    if (code?.startsWith('Z_') || code?.startsWith('ZSTD_') || /zstd/i.test(msg)) {
        return new errors/* ImageError */.C8(`${label}: corrupt ${compression} data (${msg})`, { cause: e });
    }
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
        return new errors/* ImageError */.C8(`${label}: ${msg}`, { cause: e });
    if (e?.name === 'AbortError')
        return e;
    return e instanceof Error ? e : new Error(msg);
}

// EXTERNAL MODULE: ./src/image/schemas/image-schemas.ts
var image_schemas = __webpack_require__(85246);
;// CONCATENATED MODULE: ./src/image/archive-reader.ts









/** Entries up to this size are kept in memory (manifests, configs, tiny layers); larger ones stream as layers. */
const SMALL_ENTRY = 1 << 20;
/** Checks a layer read from an archive against what the manifest (size, digest) and the config (diff_id) say. */
function checkLayerAgainst(expect, result, label) {
    if (expect.size !== undefined && expect.size !== result.storedBytes) {
        throw new errors/* ImageError */.C8(`size mismatch for ${label}: the manifest says ${expect.size} bytes but the blob has ${result.storedBytes}`);
    }
    if (expect.digest && expect.digest !== result.digest) {
        throw new errors/* ImageError */.C8(`digest mismatch for ${label}: the manifest says ${expect.digest} but the blob's content hashes to ${result.digest}`);
    }
    if (expect.diffId !== result.diffId) {
        throw new errors/* ImageError */.C8(`diff_id mismatch for ${label}: the config says ${expect.diffId} but the uncompressed layer hashes to ${result.diffId}`);
    }
}
/**
 * Reads a whole image archive (`docker save` output in the legacy or the Docker ≥25 layout, or an OCI layout
 * tar) in one pass, whatever the order of its entries. Large entries are read as layers while they stream, keyed
 * by their entry name; small ones are kept. Once the archive ends, the manifest says which candidates are the
 * image's layers and in what order; their digests and diff_ids are checked then.
 */
async function readImageArchive(input, options) {
    const small = new Map();
    const links = new Map();
    const candidates = new Map();
    const pending = [];
    let sawAnyEntry = false;
    let backpressure = null;
    const parser = new TarParser((h) => {
        sawAnyEntry = true;
        const name = (0,paths/* normalizeEntryName */.Lw)(h.name);
        if (name === null)
            return null;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? (0,paths/* resolveLinkTarget */.w0)(name, h.linkname) : (0,paths/* normalizeEntryName */.Lw)(h.linkname);
            if (target)
                links.set(name, target);
            return null;
        }
        if (h.type !== 'file')
            return null;
        if (h.size <= SMALL_ENTRY) {
            const buf = Buffer.allocUnsafe(h.size);
            let filled = 0;
            return {
                data(chunk) {
                    chunk.copy(buf, filled);
                    filled += chunk.length;
                },
                end() {
                    small.set(name, buf);
                },
            };
        }
        const stream = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        stream.on('error', () => { }); // the candidate's own promise carries the failure
        const promise = readLayer(stream, {
            // A content-named blob is hashed with its own algorithm (`blobs/sha512/<hex>`).
            digestAlgorithm: name.startsWith('/blobs/sha512/') ? 'sha512' : 'sha256',
            matcher: options.matcher,
            maxFileBytes: options.maxFileBytes,
            label: `${options.label}: ${name.slice(1)}`,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        // A candidate that is not a layer (an attestation, say) may fail to parse; that only matters if it is used.
        promise.catch(() => { });
        candidates.set(name, { promise });
        pending.push(promise.catch(() => { }));
        return {
            data(chunk) {
                if (!stream.destroyed && !stream.write(chunk))
                    backpressure = stream;
            },
            end() {
                stream.end();
            },
        };
    });
    try {
        for await (const chunk of input) {
            if (options.signal?.aborted)
                throw options.signal.reason;
            parser.push(chunk);
            const bp = backpressure;
            if (bp) {
                backpressure = null;
                if (!bp.destroyed)
                    await drainedOrClosed(bp);
            }
            if (parser.done)
                break;
        }
        parser.end();
    }
    catch (e) {
        if (e instanceof TarFormatError) {
            const what = sawAnyEntry ? e.message : `not an image archive (${e.message})`;
            throw new errors/* ImageError */.C8(`${options.label}: ${what}`, { cause: e });
        }
        throw e;
    }
    await Promise.all(pending);
    const resolveName = (name) => {
        let n = name;
        for (let i = 0; i < 16 && links.has(n); i++)
            n = links.get(n);
        return n;
    };
    const layerResult = async (entryName, expect, index) => {
        const name = resolveName((0,paths/* normalizeEntryName */.Lw)(entryName) ?? entryName);
        const label = `${options.label}: layer ${index} (${entryName})`;
        let result;
        const candidate = candidates.get(name);
        if (candidate) {
            result = await candidate.promise.catch((e) => {
                throw e instanceof errors/* ImageError */.C8 ? new errors/* ImageError */.C8(e.message.replace(`${options.label}: ${name.slice(1)}`, label), { cause: e }) : e;
            });
        }
        else {
            const buf = small.get(name);
            if (!buf)
                throw new errors/* ImageError */.C8(`${options.label}: layer ${index} (${entryName}) is missing from the archive`);
            result = await readLayer(external_node_stream_.Readable.from([buf]), {
                ...(expect.digest ? { expectedDigest: expect.digest } : {}),
                matcher: options.matcher,
                maxFileBytes: options.maxFileBytes,
                label,
                ...(options.signal ? { signal: options.signal } : {}),
            });
        }
        checkLayerAgainst(expect, result, label);
        return result;
    };
    const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
    if (isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive')) {
        return fromOciLayout(small, resolveName, layerResult, options);
    }
    if (small.has('/manifest.json'))
        return fromDockerManifest(small, resolveName, layerResult, options);
    if (!sawAnyEntry)
        throw new errors/* ImageError */.C8(`${options.label}: empty archive`);
    throw new errors/* ImageError */.C8(`${options.label}: not an image archive (no manifest.json, and no index.json with oci-layout)`);
}
async function fromOciLayout(small, resolveName, layerResult, options) {
    const resolved = await resolveOciLayout({
        indexJson: small.get('/index.json'),
        store: { get: async (digest) => small.get(resolveName(`/${blobPath(digest)}`)) },
        ...(options.refName !== undefined ? { refName: options.refName } : {}),
        platform: options.platform,
        label: options.label,
    });
    const metadata = (0,image_manifest/* buildMetadata */.KP)({
        reference: options.reference,
        source: options.source,
        manifest: resolved.manifest,
        manifestDigest: resolved.manifestDigest,
        manifestMediaType: resolved.manifestMediaType,
        ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
        config: resolved.config,
    });
    const layers = [];
    for (const l of metadata.layers)
        layers.push(await layerResult(`/${blobPath(l.digest)}`, { digest: l.digest, diffId: l.diffId, size: l.size }, l.index));
    return { metadata, layers };
}
async function fromDockerManifest(small, resolveName, layerResult, options) {
    const what = `${options.label}: manifest.json`;
    const entries = (0,json/* parseJson */.qF)(small.get('/manifest.json'), { what, errorClass: errors/* ImageError */.C8 });
    (0,json/* assertShape */.kl)(image_schemas/* checkDockerArchiveManifestShape */.tR, entries, what, errors/* ImageError */.C8);
    if (entries.length === 0)
        throw new errors/* ImageError */.C8(`${options.label}: manifest.json lists no images`);
    let entry;
    if (options.refName) {
        entry = entries.find((e) => (e.RepoTags ?? []).some((t) => t === options.refName || t.endsWith(`/${options.refName}`) || t === `docker.io/library/${options.refName}`));
        if (!entry)
            throw new errors/* ImageError */.C8(`${options.label} has no image tagged "${options.refName}"; tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ') || '(none)'}`);
    }
    else if (entries.length === 1)
        entry = entries[0];
    else
        throw new errors/* ImageError */.C8(`${options.label} holds ${entries.length} images; name one by appending :TAG to the reference (tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ')})`);
    const e = entry;
    if (typeof e.Config !== 'string' || !Array.isArray(e.Layers))
        throw new errors/* ImageError */.C8(`${options.label}: manifest.json entry has no Config or Layers`);
    const configName = resolveName((0,paths/* normalizeEntryName */.Lw)(e.Config) ?? e.Config);
    const configBytes = small.get(configName);
    if (!configBytes)
        throw new errors/* ImageError */.C8(`${options.label}: config ${e.Config} is missing from the archive`);
    const config = (0,image_manifest/* parseConfig */.o4)(configBytes, `${options.label}: config ${e.Config}`);
    const configNamed = namedDigest(e.Config);
    const configDigest = digestOf(configBytes, configNamed?.startsWith('sha512:') ? 'sha512' : 'sha256');
    if (configNamed && configNamed !== configDigest) {
        throw new errors/* ImageError */.C8(`${options.label}: digest mismatch for config ${e.Config}: its content hashes to ${configDigest}`);
    }
    if (config.rootfs.diff_ids.length !== e.Layers.length) {
        throw new errors/* ImageError */.C8(`${options.label}: the config lists ${config.rootfs.diff_ids.length} diff_ids but manifest.json has ${e.Layers.length} layers`);
    }
    const layers = [];
    for (let i = 0; i < e.Layers.length; i++) {
        const digest = namedDigest(e.Layers[i]);
        layers.push(await layerResult(e.Layers[i], { ...(digest ? { digest } : {}), diffId: config.rootfs.diff_ids[i] }, i));
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: image_manifest/* MediaTypes */.mI.dockerManifest,
        config: { mediaType: image_manifest/* MediaTypes */.mI.dockerConfig, digest: configDigest, size: configBytes.length },
        layers: layers.map((l) => ({
            mediaType: l.compression === 'gzip' ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : l.compression === 'zstd' ? 'application/vnd.docker.image.rootfs.diff.tar.zstd' : 'application/vnd.docker.image.rootfs.diff.tar',
            digest: l.digest,
            size: l.storedBytes,
        })),
    };
    const metadata = (0,image_manifest/* buildMetadata */.KP)({
        reference: options.reference,
        source: options.source,
        manifest,
        config,
        repoTags: e.RepoTags ?? [],
    });
    return { metadata, layers };
}
function drainedOrClosed(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.once('drain', done);
        stream.once('close', done);
    });
}
const CONTENT_NAMED_BLOB = /^\/?blobs\/(sha256\/[0-9a-f]{64}|sha512\/[0-9a-f]{128})$/;
/** Docker ≥25 names its blobs by content (`blobs/sha256/<hex>`): such a name is a digest to check. */
function namedDigest(name) {
    const m = CONTENT_NAMED_BLOB.exec(name);
    return m ? m[1].replace('/', ':') : undefined;
}

;// CONCATENATED MODULE: ./src/image/sources/archive-index.ts








/**
 * An image archive that is a regular file on disk (`docker-archive:`, `oci-archive:`, a bare path): with a layer
 * cache, it is read by offsets (its members indexed from their headers alone) instead of streamed whole.
 */
const ARCHIVE_FILE = Symbol('portcullis.archive-file');
/** The path of an archive file, when the archive is one. */
function archiveFileOf(opened) {
    const path = opened[ARCHIVE_FILE];
    return typeof path === 'string' ? path : undefined;
}
/** Bytes read from archive files by this module (headers, JSON members, layer bodies), for tests and benchmarks. */
let bytesReadTotal = 0;
function archiveBytesRead() {
    return bytesReadTotal;
}
const archive_index_BLOCK = 512;
const ZEROS = Buffer.alloc(1 << 20);
/**
 * Indexes an uncompressed tar file by reading only its headers (and its PAX / GNU long-name records) through the
 * project's TarParser; each member's body is skipped, not read: the parser is advanced over it with zeros it never
 * hands to anyone. Undefined when the file is not a plain tar this index can stand for (compressed, truncated, corrupt,
 * a name stored twice): the caller then streams it as before, which gives the same errors as ever.
 */
function indexArchiveFile(fd) {
    const size = (0,external_node_fs_.fstatSync)(fd).size;
    const members = new Map();
    const links = new Map();
    const block = Buffer.alloc(archive_index_BLOCK);
    let pos = 0;
    let skip = 0;
    let usable = true;
    const parser = new TarParser((h) => {
        skip = h.size + ((archive_index_BLOCK - (h.size % archive_index_BLOCK)) % archive_index_BLOCK);
        const name = (0,paths/* normalizeEntryName */.Lw)(h.name);
        if (name === null)
            return null;
        if (members.has(name) || links.has(name))
            usable = false;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? (0,paths/* resolveLinkTarget */.w0)(name, h.linkname) : (0,paths/* normalizeEntryName */.Lw)(h.linkname);
            if (target)
                links.set(name, target);
        }
        else if (h.type === 'file')
            members.set(name, { offset: pos, size: h.size });
        return null;
    });
    try {
        while (!parser.done && usable) {
            const n = (0,external_node_fs_.readSync)(fd, block, 0, archive_index_BLOCK, pos);
            bytesReadTotal += n;
            if (n === 0)
                break;
            pos += n;
            parser.push(n === archive_index_BLOCK ? block : block.subarray(0, n));
            if (skip > 0) {
                if (pos + skip > size)
                    return undefined; // a body past the end: the streaming read reports the truncation
                for (let left = skip; left > 0; left -= ZEROS.length)
                    parser.push(left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left));
                pos += skip;
                skip = 0;
            }
        }
        parser.end();
    }
    catch (e) {
        if (e instanceof TarFormatError)
            return undefined;
        throw e;
    }
    return usable && members.size > 0 ? { members, links, size } : undefined;
}
/**
 * Reads an archive file with a layer cache: its members are indexed from their headers, manifest.json / index.json
 * and the config are read from their offsets and checked as the streaming reader checks them (the same code), each
 * layer is looked up by its diff_id, and only the layers the cache lacks are read (by offset range; digest, size and
 * diff_id verified) and written to it. Undefined when the file cannot be read so (see indexArchiveFile): stream it.
 */
async function readIndexedArchive(path, session, options) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const index = indexArchiveFile(fd);
        if (!index)
            return undefined;
        const resolveName = (name) => {
            let n = name;
            for (let i = 0; i < 16 && index.links.has(n); i++)
                n = index.links.get(n);
            return n;
        };
        const small = new SmallMembers(fd, index);
        const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
        const useOci = isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive');
        if (!useOci && !small.has('/manifest.json'))
            return undefined; // not an image archive: the streaming read says so
        const cached = new Set();
        const layerResult = async (entryName, expect, i) => {
            const name = resolveName((0,paths/* normalizeEntryName */.Lw)(entryName) ?? entryName);
            const label = `${options.label}: layer ${i} (${entryName})`;
            const member = index.members.get(name);
            if (!member)
                throw new errors/* ImageError */.C8(`${options.label}: layer ${i} (${entryName}) is missing from the archive`);
            const compression = sniffMember(fd, member);
            // The blob's digest, known without reading it: named by the manifest (OCI, Docker ≥25), or for an uncompressed
            // layer (legacy `docker save`) its diff_id.
            const digest = expect.digest ?? (compression === 'none' ? expect.diffId : undefined);
            const layer = { index: i, digest: digest ?? '', diffId: expect.diffId, mediaType: mediaTypeOf(compression), size: member.size };
            if (digest !== undefined && (expect.size === undefined || expect.size === member.size)) {
                const hit = await session.lookup(layer);
                if (hit && (compression !== 'none' || hit.tarBytes === member.size)) {
                    cached.add(i);
                    return hit;
                }
            }
            const result = await readLayer(memberStream(path, member), {
                ...(member.size <= SMALL_ENTRY && expect.digest ? { expectedDigest: expect.digest } : { digestAlgorithm: name.startsWith('/blobs/sha512/') ? 'sha512' : 'sha256' }),
                matcher: options.matcher,
                maxFileBytes: options.maxFileBytes,
                label,
                ...(options.signal ? { signal: options.signal } : {}),
            });
            checkLayerAgainst(expect, result, label);
            session.save({ ...layer, digest: result.digest, size: result.storedBytes }, result);
            return result;
        };
        const readOptions = {
            label: options.label,
            reference: options.reference,
            source: options.source,
            ...(options.refName !== undefined ? { refName: options.refName } : {}),
            platform: options.platform,
            matcher: options.matcher,
            maxFileBytes: options.maxFileBytes,
            ...(options.signal ? { signal: options.signal } : {}),
        };
        const read = useOci ? await fromOciLayout(small, resolveName, layerResult, readOptions) : await fromDockerManifest(small, resolveName, layerResult, readOptions);
        return { ...read, cached };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * The archive's small members (at most SMALL_ENTRY bytes, as the streaming reader keeps them), read from their
 * offsets when first asked for: the JSON documents the manifest code looks up, never a layer it does not ask for.
 */
class SmallMembers extends Map {
    #fd;
    #index;
    constructor(fd, index) {
        super();
        this.#fd = fd;
        this.#index = index;
    }
    has(name) {
        const m = this.#index.members.get(name);
        return m !== undefined && m.size <= SMALL_ENTRY;
    }
    get(name) {
        if (super.has(name))
            return super.get(name);
        const m = this.#index.members.get(name);
        if (!m || m.size > SMALL_ENTRY)
            return undefined;
        const buf = Buffer.alloc(m.size);
        let filled = 0;
        while (filled < m.size) {
            const n = (0,external_node_fs_.readSync)(this.#fd, buf, filled, m.size - filled, m.offset + filled);
            if (n === 0)
                throw new errors/* ImageError */.C8(`archive member ${name.slice(1)} ends early`);
            filled += n;
        }
        bytesReadTotal += filled;
        super.set(name, buf);
        return buf;
    }
}
/** The compression of a member, from its first 4 bytes (all that is read of a cached layer). */
function sniffMember(fd, member) {
    const head = Buffer.alloc(Math.min(4, member.size));
    const n = head.length > 0 ? (0,external_node_fs_.readSync)(fd, head, 0, head.length, member.offset) : 0;
    bytesReadTotal += n;
    return sniffCompression(head.subarray(0, n));
}
function mediaTypeOf(compression) {
    return compression === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : compression === 'zstd' ? 'application/vnd.oci.image.layer.v1.tar+zstd' : 'application/vnd.oci.image.layer.v1.tar';
}
/** A member's body as a stream, counted. */
function memberStream(path, member) {
    if (member.size === 0)
        return external_node_stream_.Readable.from([Buffer.alloc(0)]);
    const stream = (0,external_node_fs_.createReadStream)(path, { highWaterMark: 256 * 1024, start: member.offset, end: member.offset + member.size - 1 });
    return external_node_stream_.Readable.from((async function* counted() {
        for await (const chunk of stream) {
            bytesReadTotal += chunk.length;
            yield chunk;
        }
    })(), { objectMode: false });
}

;// CONCATENATED MODULE: ./src/image/sources/archive-file.ts



/** `docker-archive:PATH[:TAG]`: `docker save` output, legacy or Docker ≥25 layout, read in one pass. */
const dockerArchiveSource = {
    id: 'docker-archive',
    version: 0,
    schemes: ['docker-archive'],
    description: 'a `docker save` tarball (legacy or Docker ≥25 layout): docker-archive:PATH[:TAG]',
    open: (ref) => openArchive(ref.location, ref.raw, 'docker-archive', 'docker archive'),
};
/** `oci-archive:PATH[:REF]`: a tar of an OCI image layout, read in one pass. */
const ociArchiveSource = {
    id: 'oci-archive',
    version: 0,
    schemes: ['oci-archive'],
    description: 'a tar of an OCI image layout: oci-archive:PATH[:REF]',
    open: (ref) => openArchive(ref.location, ref.raw, 'oci-archive', 'OCI archive'),
};
async function openArchive(location, raw, source, what) {
    const { path, ref } = splitPathAndRef(location, pathExists);
    await statInput(path, 'file', what);
    const archive = {
        kind: 'archive',
        label: `${what} ${path}`,
        reference: raw,
        source,
        ...(ref !== undefined ? { refName: ref } : {}),
        open: async () => fileStream(path),
        close: async () => { },
    };
    // A file on disk can be read by offsets: with a layer cache, only the layers it lacks are read (archive-index.ts).
    return Object.assign(archive, { [ARCHIVE_FILE]: path });
}

// EXTERNAL MODULE: ./src/image/registry/reference.ts
var registry_reference = __webpack_require__(42388);
;// CONCATENATED MODULE: ./src/image/sources/registry.ts



/** Configs above this size are refused. */
const MAX_CONFIG_BYTES = 16 << 20;
const MAX_INDEX_DEPTH = 4;
/** `registry:NAME`: an image pulled over the OCI distribution API v2 (Docker v2 and OCI manifests and indexes). */
const registrySource = {
    id: 'registry',
    version: 0,
    schemes: ['registry'],
    requires: ['network', 'registry'],
    description: 'an image in a registry (OCI distribution API v2): registry:[HOST/]REPOSITORY[:TAG][@DIGEST]',
    open: (ref, options, signal) => openRegistryImage(ref.location, ref.raw, options, { signal }),
};
/** Opens `name` in its registry; `retryBaseMs` is for tests that exercise retries. */
async function openRegistryImage(location, reference, options, extra = {}) {
    const name = (0,registry_reference/* parseRegistryName */.O8)(location);
    // Imported on the first open: the HTTP client (undici) is memory that reading a local image would hold for nothing.
    const { connectRegistry } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89100));
    const client = await connectRegistry(name, { ...options, ...(extra.retryBaseMs !== undefined ? { retryBaseMs: extra.retryBaseMs } : {}) });
    try {
        const resolved = await resolveManifest(client, name, options.platform ?? (0,image_manifest/* hostPlatform */.ol)(), extra.signal);
        const configBytes = await client.getBlobBytes(resolved.manifest.config.digest, MAX_CONFIG_BYTES, 'config', extra.signal);
        checkSize(configBytes, resolved.manifest.config.size, `config ${resolved.manifest.config.digest} from ${client.where}`);
        const config = (0,image_manifest/* parseConfig */.o4)(configBytes, `${(0,registry_reference/* formatRegistryName */.sM)(name)}: config ${resolved.manifest.config.digest}`);
        const topDigest = resolved.indexDigest ?? resolved.manifestDigest;
        const metadata = (0,image_manifest/* buildMetadata */.KP)({
            reference,
            source: 'registry',
            manifest: resolved.manifest,
            manifestDigest: resolved.manifestDigest,
            manifestMediaType: resolved.mediaType,
            ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
            config,
            repoTags: name.tag && !name.digest ? [`${name.registry}/${name.repository}:${name.tag}`] : [],
            repoDigests: [`${name.registry}/${name.repository}@${topDigest}`],
        });
        return {
            kind: 'layered',
            metadata,
            blob: (layer, signal) => client.openBlob(layer.digest, `layer ${layer.index}`, signal ?? extra.signal),
            close: () => client.close(),
        };
    }
    catch (e) {
        await client.close();
        throw e;
    }
}
/** Fetches the named manifest; an index is resolved to the platform's manifest (attestations skipped). */
async function resolveManifest(client, name, platform, signal) {
    let reference = (0,registry_reference/* manifestReference */.Tn)(name);
    let indexDigest;
    let declared;
    let declaredSize;
    for (let depth = 0;; depth++) {
        const fetched = await client.getManifest(reference, image_manifest/* ACCEPTED_MANIFEST_TYPES */.ke, signal);
        const shown = depth === 0 ? (0,registry_reference/* formatRegistryName */.sM)(name) : `${name.registry}/${name.repository}@${reference}`;
        checkSize(fetched.bytes, declaredSize, `manifest ${shown}`);
        const parsed = (0,image_manifest/* parseManifest */.Ng)(fetched.bytes, fetched.contentType ?? declared, `manifest ${shown}`);
        if (fetched.advertised && fetched.advertised.split(':')[0] === fetched.digest.split(':')[0] && fetched.advertised !== fetched.digest) {
            throw new errors/* ImageError */.C8(`digest mismatch for manifest ${shown}: ${client.where} says its digest is ${fetched.advertised} but the content hashes to ${fetched.digest}`);
        }
        if (parsed.kind === 'manifest') {
            return { manifest: parsed.manifest, manifestDigest: fetched.digest, mediaType: parsed.mediaType, ...(indexDigest ? { indexDigest } : {}) };
        }
        if (depth >= MAX_INDEX_DEPTH)
            throw new errors/* ImageError */.C8(`${shown}: indexes nested too deeply`);
        const chosen = (0,image_manifest/* selectPlatform */.md)(parsed.index, platform, `index ${shown}`);
        indexDigest ??= fetched.digest;
        reference = chosen.digest;
        declared = chosen.mediaType;
        declaredSize = chosen.size;
    }
}
/** A blob whose length differs from its descriptor's `size` is refused (OCI image-spec descriptor.md). */
function checkSize(bytes, size, what) {
    if (size !== undefined && bytes.length !== size) {
        throw new errors/* ImageError */.C8(`size mismatch for ${what}: its descriptor says ${size} bytes but it has ${bytes.length}`);
    }
}

;// CONCATENATED MODULE: ./src/image/sources/docker-daemon.ts


const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
const DEFAULT_TIMEOUT_MS = 60_000;
/** Reads DOCKER_HOST (`unix:///path`, `tcp://host:port`); the default socket when it is unset. */
function daemonEndpoint(env) {
    const host = env.DOCKER_HOST?.trim();
    if (!host)
        return { kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, label: `unix://${DEFAULT_DOCKER_SOCKET}` };
    if (host.startsWith('unix://')) {
        const socketPath = host.slice('unix://'.length);
        if (!socketPath.startsWith('/'))
            throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" must name an absolute socket path, e.g. unix:///var/run/docker.sock`);
        return { kind: 'unix', socketPath, label: host };
    }
    if (host.startsWith('tcp://') || host.startsWith('http://')) {
        if (env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0') {
            throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" with DOCKER_TLS_VERIFY (TLS to the daemon) is not supported; use a unix socket`);
        }
        const url = new URL(host.replace(/^tcp:/, 'http:'));
        return { kind: 'tcp', origin: url.origin, label: host };
    }
    throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" is not supported; use unix:///path/to/docker.sock or tcp://host:port`);
}
/** `docker:NAME`: an image in a Docker Engine (or podman's Docker-compatible API), exported with `GET /images/{name}/get`. */
const dockerDaemonSource = {
    id: 'docker',
    version: 0,
    schemes: ['docker'],
    requires: ['daemon'],
    description: 'an image in the Docker daemon named by DOCKER_HOST (a podman socket works too): docker:NAME[:TAG]',
    open: (ref, options, signal) => openDaemonImage(ref.location, ref.raw, options, signal),
};
async function openDaemonImage(name, reference, options, signal) {
    const imageName = name.trim();
    if (imageName === '' || /[\s?#]/.test(imageName) || imageName.split('/').some((p) => p === '..' || p === '.' || p === '')) {
        throw new errors/* ConfigurationError */.j1(`invalid image name "${name}" for the Docker daemon`);
    }
    const endpoint = daemonEndpoint(options.env);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Imported on the first open: the HTTP client is memory that reading a local image would hold for nothing.
    const { Agent, errors: undiciErrors, request } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
    const daemonError = (e, at, what, ms) => daemonErrorOf(undiciErrors, e, at, what, ms);
    const agent = new Agent({
        connect: endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath, timeout: timeoutMs } : { timeout: timeoutMs },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
    });
    const origin = endpoint.kind === 'unix' ? 'http://localhost' : endpoint.origin;
    // as the docker CLI sends it: slashes, colons and @ kept, anything else escaped
    const path = `/images/${imageName
        .split('/')
        .map((p) => encodeURIComponent(p).replace(/%3A/gi, ':').replace(/%40/g, '@'))
        .join('/')}`;
    let identity;
    const call = async (p, what) => {
        try {
            return await request(`${origin}${p}`, { dispatcher: agent, method: 'GET', ...(signal ? { signal } : {}) });
        }
        catch (e) {
            throw daemonError(e, endpoint, what, timeoutMs);
        }
    };
    try {
        const ping = await call('/_ping', 'ping');
        const pingBody = await ping.body.text().catch(() => '');
        if (ping.statusCode !== 200) {
            throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} answered HTTP ${ping.statusCode} to /_ping${pingBody ? `: ${pingBody.trim().slice(0, 200)}` : ''}`, {
                status: ping.statusCode,
            });
        }
        const inspect = await call(`${path}/json`, `inspecting image ${imageName}`);
        const inspectText = await inspect.body.text().catch(() => '');
        if (inspect.statusCode === 404) {
            throw new errors/* RemoteError */.Hi(`image "${imageName}" not found in the Docker daemon at ${endpoint.label}`, { status: 404 });
        }
        if (inspect.statusCode !== 200) {
            throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} answered HTTP ${inspect.statusCode} for image "${imageName}"${apiMessage(inspectText)}`, { status: inspect.statusCode });
        }
        options.logger.debug(`docker: image ${imageName} found in the daemon at ${endpoint.label}`);
        identity = identityOf(inspectText);
    }
    catch (e) {
        await agent.destroy().catch(() => { });
        throw e;
    }
    let opened = false;
    return {
        kind: 'archive',
        label: `docker image ${imageName} (daemon at ${endpoint.label})`,
        reference,
        source: 'docker',
        ...(identity ? { identity } : {}),
        async open(openSignal) {
            if (opened)
                throw new Error('a docker image archive can only be opened once');
            opened = true;
            let res;
            try {
                res = await request(`${origin}${path}/get`, { dispatcher: agent, method: 'GET', ...((openSignal ?? signal) ? { signal: openSignal ?? signal } : {}) });
            }
            catch (e) {
                throw daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs);
            }
            if (res.statusCode !== 200) {
                const text = await res.body.text().catch(() => '');
                throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} could not export image "${imageName}" (HTTP ${res.statusCode})${apiMessage(text)}`, { status: res.statusCode });
            }
            const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
            res.body.on('error', (e) => out.destroy(daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs)));
            out.on('close', () => {
                if (!res.body.destroyed)
                    res.body.destroy();
            });
            res.body.pipe(out);
            return out;
        },
        close: () => agent.destroy().catch(() => { }),
    };
}
const docker_daemon_DIGEST = /^sha(256:[0-9a-f]{64}|512:[0-9a-f]{128})$/;
/** The image id and the layers' diff_ids from `GET /images/{name}/json`, when the answer has them well-formed. */
function identityOf(inspectText) {
    try {
        const doc = JSON.parse(inspectText);
        const layers = doc.RootFS?.Layers;
        const id = typeof doc.Id === 'string' && /^[0-9a-f]{64}$/.test(doc.Id) ? `sha256:${doc.Id}` : doc.Id;
        if (typeof id !== 'string' || !docker_daemon_DIGEST.test(id) || !Array.isArray(layers) || layers.length === 0)
            return undefined;
        if (!layers.every((l) => typeof l === 'string' && docker_daemon_DIGEST.test(l)))
            return undefined;
        return { imageId: id, diffIds: layers };
    }
    catch {
        return undefined;
    }
}
function apiMessage(text) {
    try {
        const doc = JSON.parse(text);
        if (typeof doc.message === 'string')
            return `: ${doc.message.slice(0, 300)}`;
    }
    catch {
        // not JSON
    }
    return text.trim() ? `: ${text.trim().split('\n')[0].slice(0, 200)}` : '';
}
function daemonErrorOf(undiciErrors, e, endpoint, what, timeoutMs) {
    if (e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi)
        return e;
    if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError) {
        return new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} did not answer within ${timeoutMs / 1000} s (${what})`, { cause: e });
    }
    const code = e.code ?? e.cause?.code;
    if (code === 'ENOENT') {
        return new errors/* RemoteError */.Hi(`no Docker daemon at ${endpoint.label}: the socket does not exist; start the daemon, or point DOCKER_HOST at its socket`, { cause: e });
    }
    if (code === 'ECONNREFUSED')
        return new errors/* RemoteError */.Hi(`no Docker daemon at ${endpoint.label}: the connection was refused`, { cause: e });
    if (code === 'EACCES')
        return new errors/* RemoteError */.Hi(`no access to the Docker daemon at ${endpoint.label}: permission denied on the socket`, { cause: e });
    return new errors/* RemoteError */.Hi(`cannot talk to the Docker daemon at ${endpoint.label} (${what}): ${code ? `${code}: ` : ''}${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
}

;// CONCATENATED MODULE: ./src/image/list.ts





/** Every image source. A bare name (no scheme) tries BARE_NAME_ORDER in turn. */
const IMAGE_SOURCES = [ociDirSource, ociArchiveSource, dockerArchiveSource, registrySource, dockerDaemonSource];
const imageSourceRegistry = new registry/* Registry */.O('image source', IMAGE_SOURCES);
/** Sources tried, in order, for a reference without a scheme. */
const BARE_NAME_ORDER = ['docker', 'registry'];

// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
;// CONCATENATED MODULE: ./src/image/file-view.ts




/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
const DOT_SEGMENT = /\/\.{1,2}(\/|$)|\/\//;
const T_DIR = 1;
const T_SYMLINK = 2;
const NO_TYPE = -1;
/**
 * The squashed view's per-path metadata and children index, in typed arrays indexed by path id rather than one
 * object or string per path. Every path the squash meets (entries and the directories above them) is interned once
 * in a PathStore, outside the JS heap, and keeps its id when it is deleted and written again; a live path's id
 * indexes the type and number columns (EntryColumns), a layer column and a link-target column (ids in a second
 * PathStore). 300,000 paths cost ~100 bytes each in typed arrays, and no strings that live as long as the view.
 *
 * The children index is a singly linked list per directory (`first`, `next`), holding each path at most once
 * (`linked`): a path is linked under its parent when it is first written, and stays linked (stale) when deleted,
 * until its parent's list is cleared (#deleteChildren) or compacted (#hasChildren). Invariant: every live path is
 * linked, and the parent of every linked path is linked (the root always is); so walking the lists from a
 * directory reaches every live path under it.
 */
class EntryTable {
    paths = new PathStore();
    #targets = new PathStore();
    #columns = new EntryColumns();
    #live = new Uint8Array(256);
    #layers = new Uint32Array(256);
    #links = new Int32Array(256).fill(-1);
    /** The children index, by path id: a directory's first child, a path's next sibling (-1: none). */
    first = new Int32Array(256).fill(-1);
    next = new Int32Array(256).fill(-1);
    linked = new Uint8Array(256);
    #count = 0;
    root;
    /** The provenance of each applied layer, by the order it was applied in (the layer column's values). */
    provenances = [];
    constructor() {
        this.root = this.intern('/');
        this.linked[this.root] = 1;
    }
    get size() {
        return this.#count;
    }
    /** The id of a path, interned (and given room in every column) when new. */
    intern(path) {
        const id = this.paths.intern(path);
        if (id >= this.#live.length)
            this.#grow(id + 1);
        return id;
    }
    /** The id of a path the view has met, else -1. */
    find(path) {
        return this.paths.find(path);
    }
    isLive(id) {
        return id >= 0 && this.#live[id] === 1;
    }
    has(path) {
        return this.isLive(this.paths.find(path));
    }
    /** The type code of a live path id, NO_TYPE when it is not live. */
    typeOfId(id) {
        return this.isLive(id) ? this.#columns.type(id) : NO_TYPE;
    }
    typeOf(path) {
        return this.typeOfId(this.paths.find(path));
    }
    linkOf(path) {
        const id = this.paths.find(path);
        if (!this.isLive(id))
            return undefined;
        const link = this.#links[id];
        return link < 0 ? undefined : this.#targets.pathOf(link);
    }
    /** Writes an interned path's entry (replacing a live one in place); returns whether it was live before. */
    set(id, e, layer) {
        const existed = this.#live[id] === 1;
        if (!existed) {
            this.#live[id] = 1;
            this.#count++;
        }
        this.#columns.write(id, fileTypeCode(e.type, e.path), e.mode, e.uid, e.gid, e.size, e.mtime);
        this.#layers[id] = layer;
        this.#links[id] = e.linkTarget === undefined ? -1 : this.#targets.intern(e.linkTarget);
        return existed;
    }
    /** Marks a path id dead; returns whether it was live. */
    kill(id) {
        if (!this.isLive(id))
            return false;
        this.#live[id] = 0;
        this.#count--;
        return true;
    }
    /** The entry at a live path, as a fresh object (fields in the order a layer entry has them). */
    get(path) {
        const id = this.paths.find(path);
        return this.isLive(id) ? this.entry(path, id) : undefined;
    }
    entry(path, id) {
        const c = this.#columns;
        const entry = { path, type: FILE_TYPES[c.type(id)], mode: c.num(id, 0), uid: c.num(id, 1), gid: c.num(id, 2), size: c.num(id, 3) };
        const mtime = c.num(id, 4);
        if (mtime !== undefined)
            entry.mtime = mtime;
        const link = this.#links[id];
        if (link >= 0)
            entry.linkTarget = this.#targets.pathOf(link);
        entry.provenance = this.provenances[this.#layers[id]];
        return entry;
    }
    /** The layer (as applied) that wrote a live path. */
    provenanceOf(path) {
        const id = this.paths.find(path);
        return this.isLive(id) ? this.provenances[this.#layers[id]] : undefined;
    }
    /** The ids of the live paths, in no order. */
    liveIds() {
        const ids = [];
        for (let id = 0; id < this.paths.size; id++)
            if (this.#live[id] === 1)
                ids.push(id);
        return ids;
    }
    #grow(length) {
        let cap = this.#live.length;
        while (cap < length)
            cap *= 2;
        this.#columns.ensure(cap - 1);
        this.#live = growBytes(this.#live, cap);
        this.linked = growBytes(this.linked, cap);
        const layers = new Uint32Array(cap);
        layers.set(this.#layers);
        this.#layers = layers;
        this.#links = growInt32(this.#links, cap, -1);
        this.first = growInt32(this.first, cap, -1);
        this.next = growInt32(this.next, cap, -1);
    }
}
function growBytes(a, length) {
    const b = new Uint8Array(length);
    b.set(a);
    return b;
}
/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
class file_view_FileView {
    metadata;
    #files = new EntryTable();
    #contents = new Map();
    /** Every layer's version of the files requested with `everyLayer`, lowest layer first. */
    #versions = new Map();
    /** The provenance of the layer being applied (for the versions its deletions record). */
    #applying;
    unknowns = [];
    constructor(metadata) {
        this.metadata = metadata;
    }
    /** Squashes layer results, lowest first, applying whiteouts and opaque directories. */
    static squash(metadata, layers, options = {}) {
        const builder = file_view_FileView.builder(metadata, options);
        for (const layer of layers)
            builder.apply(layer);
        return builder.finish();
    }
    /**
     * Squashes layer by layer as they arrive, lowest first: a reader applies each layer result as soon as the ones
     * below it are applied and then drops it, so that no more than the squashed view and the layers in flight are held.
     */
    static builder(metadata, _options = {}) {
        const view = new file_view_FileView(metadata);
        let next = 0;
        let done = false;
        return {
            apply(layer) {
                if (done)
                    throw new Error('FileView builder: apply after finish');
                view.#apply(layer, provenanceOf(metadata, next++));
            },
            finish() {
                if (!done)
                    view.#finish();
                done = true;
                return view;
            },
        };
    }
    #finish() {
        this.#applying = undefined;
        // A requested file whose content was not kept (over the cap) is an unknown, if it survives the squash.
        for (const [path, captured] of this.#contents) {
            if (captured.kind !== 'unknown')
                continue;
            const layerDigest = this.#files.provenanceOf(path)?.layerDigest;
            this.unknowns.push({ stage: 'image', reason: captured.reason, path, ...(layerDigest ? { layerDigest } : {}) });
        }
    }
    /** The entry at `path`. Symlinks in parent directories are followed; the last component only when asked. */
    get(path, options = {}) {
        const resolved = this.resolve(path, options);
        return resolved === undefined ? undefined : this.#files.get(resolved);
    }
    /**
     * Resolves `path` inside the image: symlinks are followed relative to the image root and never leave it, and
     * loops end after MAX_SYMLINK_HOPS hops. Returns undefined for a dangling path or a loop.
     */
    resolve(path, options = {}) {
        // Fast path for a clean absolute path: its directory is resolved once and remembered (the view never
        // changes), so catalogers that look up thousands of files in the same directories pay for each directory once.
        if (path.length > 1 && path.startsWith('/') && !path.endsWith('/') && !DOT_SEGMENT.test(path)) {
            const i = path.lastIndexOf('/');
            const parent = i === 0 ? '' : this.#resolveDir(path.slice(0, i));
            if (parent === undefined)
                return undefined;
            const candidate = `${parent}/${path.slice(i + 1)}`;
            if (options.follow && this.#files.typeOf(candidate) === T_SYMLINK)
                return this.#walk(candidate, true);
            return candidate;
        }
        return this.#walk(path, options.follow ?? false);
    }
    #dirs = new Map();
    /** A directory's resolved path ('' for the root), or undefined when it does not exist. */
    #resolveDir(dir) {
        if (this.#dirs.has(dir))
            return this.#dirs.get(dir);
        let resolved = this.#walk(dir, true);
        if (resolved === '/')
            resolved = '';
        else if (resolved !== undefined && !this.#files.has(resolved) && !this.#hasChildren(resolved))
            resolved = undefined;
        this.#dirs.set(dir, resolved);
        return resolved;
    }
    #walk(path, follow) {
        let hops = 0;
        let pending = path.split('/').filter(Boolean);
        let current = '';
        while (pending.length > 0) {
            const part = pending.shift();
            if (part === '.')
                continue;
            if (part === '..') {
                current = current.slice(0, current.lastIndexOf('/'));
                continue;
            }
            const candidate = `${current}/${part}`;
            const type = this.#files.typeOf(candidate);
            const isLast = pending.length === 0;
            if (type === T_SYMLINK && (!isLast || follow)) {
                if (++hops > MAX_SYMLINK_HOPS)
                    return undefined;
                const target = (0,paths/* resolveLinkTarget */.w0)(candidate, this.#files.linkOf(candidate) ?? '');
                pending = [...target.split('/').filter(Boolean), ...pending];
                current = '';
                continue;
            }
            if (type === NO_TYPE && !isLast && !this.#hasChildren(candidate))
                return undefined;
            current = candidate;
        }
        return current === '' ? '/' : current;
    }
    /** Every entry, sorted by path. */
    list() {
        // Sorted by UTF-16 code units, as `<` compares; the entries are made only for the sorted paths.
        const files = this.#files;
        const live = files.liveIds().map((id) => ({ path: files.paths.pathOf(id), id }));
        live.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return live.map(({ path, id }) => files.entry(path, id));
    }
    get size() {
        return this.#files.size;
    }
    /** Entries whose literal path matches the glob (no symlink expansion), sorted by path. */
    glob(pattern) {
        const re = (0,paths/* compileGlob */.SO)(pattern);
        // Only the subtree of the pattern's literal leading directories can match: it is walked through the children
        // index, so that `/var/lib/dpkg/status.d/*` costs that directory, not a sorted copy of every entry.
        const segments = (pattern.startsWith('/') ? pattern : `/${pattern}`).split('/').slice(1);
        const literal = segments.findIndex((s) => /[*?{]/.test(s));
        if (literal < 0) {
            const entry = this.#files.get(`/${segments.join('/')}`);
            return entry && re.test(entry.path) ? [entry] : [];
        }
        const found = [];
        const files = this.#files;
        const top = literal === 0 ? files.root : files.find(`/${segments.slice(0, literal).join('/')}`);
        if (top < 0)
            return [];
        const stack = [top];
        for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
            for (let child = files.first[dir]; child >= 0; child = files.next[child]) {
                if (files.isLive(child)) {
                    const path = files.paths.pathOf(child);
                    if (re.test(path))
                        found.push(files.entry(path, child));
                }
                if (files.first[child] >= 0)
                    stack.push(child);
            }
        }
        return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /** The captured content of a file; hardlinks and (with follow) symlinks resolve to their targets. */
    read(path) {
        const resolved = this.resolve(path, { follow: true });
        if (resolved === undefined)
            return { ok: false, reason: `${path}: no such file (or a symlink loop)` };
        let entry = this.#files.get(resolved);
        if (!entry)
            return { ok: false, reason: `${path}: no such file` };
        let contentPath = resolved;
        if (entry.type === 'hardlink') {
            contentPath = entry.linkTarget ?? '';
            entry = this.#files.get(contentPath) ?? entry;
        }
        if (entry.type !== 'file' && entry.type !== 'hardlink')
            return { ok: false, reason: `${path}: not a regular file (${entry.type})` };
        const captured = this.#contents.get(contentPath) ?? this.#contents.get(resolved);
        if (!captured)
            return { ok: false, reason: `${path}: content was not captured (no file request matched it)` };
        if (captured.kind === 'unknown')
            return { ok: false, reason: `${path}: ${captured.reason}` };
        if (captured.kind === 'sinks-only')
            return { ok: false, reason: `${path}: content was streamed to a sink, not kept` };
        return { ok: true, data: captured.data, entry };
    }
    /** The content as UTF-8 text, or undefined (the reason is in `read`). */
    readText(path) {
        const r = this.read(path);
        return r.ok ? r.data.toString('utf8') : undefined;
    }
    /** The value a request's ContentSink returned for `path`, if the file streamed through it. */
    sinkResult(requestId, path) {
        const captured = this.#contents.get(path);
        return captured && 'sinks' in captured ? captured.sinks?.get(requestId) : undefined;
    }
    /**
     * Every layer's version of a file requested with `everyLayer`, lowest layer first: one per layer that wrote or
     * deleted it (the state at the end of that layer). Empty for other files. The path is resolved in the squashed
     * view when it exists there (symlinked parents), else taken literally.
     */
    versions(path) {
        const literal = this.#versions.get(path);
        if (literal)
            return literal;
        const resolved = this.resolve(path, { follow: true });
        return (resolved !== undefined ? this.#versions.get(resolved) : undefined) ?? NO_VERSIONS;
    }
    /** Paths with versions kept (`everyLayer`), whether or not they survive the squash, sorted. */
    versionedPaths() {
        return [...this.#versions.keys()].sort();
    }
    /** Paths whose content was captured or streamed, sorted. */
    capturedPaths() {
        // Sorted once (the view no longer changes once squashed): every cataloger walks this list.
        this.#capturedSorted ??= [...this.#contents.keys()].sort();
        return [...this.#capturedSorted];
    }
    #capturedSorted;
    #apply(layer, provenance) {
        this.#applying = provenance;
        this.#capturedSorted = undefined;
        const ordinal = this.#files.provenances.push(provenance) - 1;
        const files = this.#files;
        for (const dir of layer.opaqueDirs)
            this.#deleteChildren(files.find(dir));
        for (const path of layer.whiteouts) {
            const id = files.find(path);
            if (id < 0)
                continue; // never met: nothing to delete, and nothing under it
            this.#delete(id, path);
            this.#deleteChildren(id);
        }
        // A collector's result is read from its columns, without making its `entries` Map.
        for (const e of (entryTableOf(layer) ?? layer.entries).values()) {
            const id = files.intern(e.path);
            if (files.typeOfId(id) === T_DIR && e.type !== 'dir')
                this.#deleteChildren(id);
            if (!files.set(id, e, ordinal))
                this.#link(id, e.path);
            const content = layer.contents.get(e.path);
            if (content)
                this.#contents.set(e.path, content);
            else if (this.#contents.size > 0)
                this.#contents.delete(e.path);
            if (content?.everyLayer || (this.#versions.size > 0 && this.#versions.has(e.path))) {
                this.#record(e.path, { layerIndex: provenance.layerIndex, provenance, deleted: false, read: this.#readVersion(this.#files.get(e.path), content) });
            }
        }
        for (const u of layer.unknowns)
            this.unknowns.push(u);
    }
    /** The content a layer's version of a file has, as `read` would return it at that point of the squash. */
    #readVersion(entry, content) {
        let captured = content;
        if (entry.type === 'hardlink')
            captured = this.#contents.get(entry.linkTarget ?? '');
        else if (entry.type !== 'file')
            return { ok: false, reason: `${entry.path}: not a regular file (${entry.type})` };
        if (!captured)
            return { ok: false, reason: `${entry.path}: content was not captured (no file request matched it)` };
        if (captured.kind === 'unknown')
            return { ok: false, reason: `${entry.path}: ${captured.reason}` };
        if (captured.kind === 'sinks-only')
            return { ok: false, reason: `${entry.path}: content was streamed to a sink, not kept` };
        return { ok: true, data: captured.data, entry };
    }
    #record(path, version) {
        const list = this.#versions.get(path);
        if (!list)
            this.#versions.set(path, [version]);
        // The same layer may delete a file and write it again (a whiteout or an opaque directory, then the entry).
        else if (list[list.length - 1].layerIndex === version.layerIndex)
            list[list.length - 1] = version;
        else
            list.push(version);
    }
    #delete(id, path) {
        if (!this.#files.isLive(id))
            return; // a dead path has no content and no version to record
        if (this.#applying && this.#versions.has(path)) {
            this.#record(path, { layerIndex: this.#applying.layerIndex, provenance: this.#applying, deleted: true });
        }
        this.#files.kill(id);
        this.#contents.delete(path);
    }
    /**
     * Deletes everything under a directory's id (not the directory itself): O(its descendants and the stale links
     * among them), through the children index, whose lists under it are cleared on the way.
     */
    #deleteChildren(dir) {
        if (dir < 0)
            return;
        const files = this.#files;
        let child = files.first[dir];
        if (child < 0)
            return;
        files.first[dir] = -1;
        while (child >= 0) {
            const next = files.next[child];
            files.next[child] = -1;
            files.linked[child] = 0;
            if (files.isLive(child))
                this.#delete(child, files.paths.pathOf(child));
            this.#deleteChildren(child);
            child = next;
        }
    }
    /** Links a newly live path under its parent, with every ancestor not linked yet: O(1) once the parent is. */
    #link(id, path) {
        const files = this.#files;
        for (let child = id, childPath = path; files.linked[child] !== 1;) {
            const parentPath = parentOf(childPath);
            const parent = files.intern(parentPath);
            files.next[child] = files.first[parent];
            files.first[parent] = child;
            files.linked[child] = 1;
            child = parent;
            childPath = parentPath;
        }
    }
    /**
     * Whether a path exists as a directory implied by live entries under it. Dead links at the head of its list are
     * dropped on the way (each is paid for once); a dead child that still has live paths under it stays.
     */
    #hasChildren(dir) {
        const files = this.#files;
        const id = typeof dir === 'number' ? dir : files.find(dir);
        if (id < 0)
            return false;
        let child = files.first[id];
        while (child >= 0 && !files.isLive(child) && !this.#hasChildren(child)) {
            const next = files.next[child];
            files.next[child] = -1;
            files.linked[child] = 0;
            child = next;
        }
        files.first[id] = child;
        return child >= 0;
    }
}
function parentOf(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
const NO_VERSIONS = [];
function provenanceOf(metadata, layerIndex) {
    const layer = metadata.layers[layerIndex];
    return {
        layerIndex,
        layerDigest: layer?.digest ?? '',
        diffId: layer?.diffId ?? '',
        ...(layer?.historyIndex !== undefined ? { historyIndex: layer.historyIndex } : {}),
        ...(layer?.history?.created_by !== undefined ? { createdBy: layer.history.created_by } : {}),
    };
}

;// CONCATENATED MODULE: ./src/image/directory.ts







/**
 * A FileView of a directory on disk, as a one-layer image. For cataloger tests on real package databases, and
 * for the `dir:` scan of an unpacked root file system. Symlinks are recorded, never followed on the host.
 */
async function viewFromDirectory(root, options = {}) {
    const rootStat = await lstat(root).catch((e) => {
        throw new ImageError(`cannot read directory ${root}: ${e.message}`, { cause: e });
    });
    if (!rootStat.isDirectory())
        throw new ImageError(`${root} is not a directory`);
    const collector = new LayerCollector(new RequestMatcher(options.requests ?? []), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, undefined);
    await walk(root, '', collector);
    const metadata = {
        reference: `dir:${root}`,
        source: 'dir',
        configDigest: '',
        platform: { os: 'linux', architecture: 'unknown' },
        layers: [{ index: 0, digest: '', diffId: '', mediaType: 'directory', size: 0 }],
        config: { architecture: 'unknown', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
        repoTags: [],
        repoDigests: [],
    };
    return FileView.squash(metadata, [collector.result]);
}
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
async function walk(root, rel, collector) {
    const names = (await readdir(join(root, rel))).sort();
    for (const name of names) {
        const relPath = rel ? `${rel}/${name}` : name;
        const full = join(root, relPath);
        const st = await lstat(full);
        const type = st.isDirectory()
            ? 'dir'
            : st.isSymbolicLink()
                ? 'symlink'
                : st.isFile()
                    ? 'file'
                    : st.isCharacterDevice()
                        ? 'char'
                        : st.isBlockDevice()
                            ? 'block'
                            : 'fifo';
        const sink = collector.add({
            name: relPath,
            type,
            mode: st.mode,
            uid: st.uid,
            gid: st.gid,
            size: type === 'file' ? st.size : 0,
            mtime: Math.floor(st.mtimeMs / 1000),
            linkname: type === 'symlink' ? await readlink(full) : '',
        });
        if (sink) {
            for await (const chunk of createReadStream(full))
                sink.data(chunk);
            sink.end();
        }
        if (type === 'dir')
            await walk(root, relPath, collector);
    }
}

;// CONCATENATED MODULE: ./src/image/file-request.ts

/**
 * Compiles requests once; `match` is called for every regular file in every layer. A glob whose last segment is
 * literal (`package.json`, `METADATA`) is indexed by that base name, so a path only meets the globs that could
 * match it, plus the few whose last segment has a wildcard and the requests with a filter.
 */
class file_request_RequestMatcher {
    #compiled;
    /** Exact paths → the requests that name them. */
    #byPath = new Map();
    /** Literal base name → [request, glob] pairs. */
    #byBasename = new Map();
    /**
     * Globs with a wildcard in their last segment, and requests with a filter: tested for every path. A glob's
     * literal head and tail (`/var/lib/dpkg/info/`, `.list`) are compared before its regex runs.
     */
    #generic = [];
    constructor(requests) {
        this.#compiled = requests.map((request) => ({
            request,
            paths: new Set(request.paths ?? []),
            globs: (request.globs ?? []).map(paths/* compileGlob */.SO),
        }));
        for (const c of this.#compiled) {
            for (const p of c.paths)
                push(this.#byPath, p, c);
            (c.request.globs ?? []).forEach((glob, i) => {
                const last = glob.slice(glob.lastIndexOf('/') + 1);
                if (/[*?{[]/.test(last) || last === '')
                    this.#generic.push({ request: c, re: c.globs[i], ...literalEnds(glob) });
                else
                    push(this.#byBasename, last, [c, c.globs[i]]);
            });
            if (c.request.filter)
                this.#generic.push({ request: c, re: undefined, head: '', tail: '' });
        }
    }
    get empty() {
        return this.#compiled.length === 0;
    }
    match(path, entry) {
        let hits;
        const exact = this.#byPath.get(path);
        if (exact)
            hits = new Set(exact);
        const named = this.#byBasename.get(path.slice(path.lastIndexOf('/') + 1));
        if (named)
            for (const [c, re] of named)
                if (re.test(path))
                    (hits ??= new Set()).add(c);
        for (const g of this.#generic) {
            const c = g.request;
            if (g.re ? path.startsWith(g.head) && path.endsWith(g.tail) && g.re.test(path) : c.request.filter(path, entry))
                (hits ??= new Set()).add(c);
        }
        // In declaration order, each request once.
        return hits ? this.#compiled.filter((c) => hits.has(c)) : NO_MATCH;
    }
}
/**
 * The literal text before a glob's first wildcard and after its last (compileGlob's `*`, `?` and `{…}`), which
 * every path it matches starts and ends with. A glob with braces gets none (a `{` without its `}` is literal there).
 */
function literalEnds(glob) {
    const g = glob.startsWith('/') ? glob : `/${glob}`;
    if (/[{}]/.test(g))
        return { head: '', tail: '' };
    const first = g.search(/[*?]/);
    if (first < 0)
        return { head: '', tail: '' };
    let last = first;
    for (let i = first; i < g.length; i++)
        if (g[i] === '*' || g[i] === '?')
            last = i;
    return { head: g.slice(0, first), tail: g.slice(last + 1) };
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const NO_MATCH = [];

// EXTERNAL MODULE: ./src/image/layer-cache/codec.ts
var codec = __webpack_require__(21822);
// EXTERNAL MODULE: ./src/image/layer-cache/key.ts
var layer_cache_key = __webpack_require__(59951);
;// CONCATENATED MODULE: ./src/image/layer-cache/session.ts


/**
 * One image read's use of a layer cache: looks each layer up by its diff_id before the layer is opened, and writes
 * what a fresh read found. A cache problem never changes a result nor fails the read: an untrusted entry is one info
 * line and the layer is read (and its entry rewritten); a failed write is one info line.
 */
class LayerCacheSession {
    #cache;
    #version;
    #logger;
    #pending = [];
    #fromCache = 0;
    #read = 0;
    constructor(option, requests, maxFileBytes, logger) {
        this.#cache = option.cache;
        this.#version = (0,layer_cache_key/* analysisVersion */.xG)(requests, maxFileBytes, option.salt ?? '');
        this.#logger = logger;
    }
    /** The cached analysis of `layer`, made to look as a fresh read of this image's blob would; undefined to read it. */
    async lookup(layer) {
        if (!layer.diffId)
            return undefined;
        const found = await this.#cache.get((0,layer_cache_key/* entryKey */.k2)(layer.diffId, this.#version), layer.diffId);
        if (found.kind === 'hit') {
            const result = asLayerResult(found.value, layer);
            if (typeof result !== 'string') {
                this.#fromCache++;
                return result;
            }
            this.#cache.stats.hits--;
            this.#cache.stats.rejected++;
            this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${result}; reading the layer`);
        }
        else if (found.kind === 'corrupt') {
            this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${found.reason}; reading the layer`);
        }
        return undefined;
    }
    /**
     * An archive whose source knows its identity (`docker:`): when the cache holds the metadata of this export and
     * every layer's analysis, answers them, and the archive is not exported. Undefined (nothing counted) otherwise.
     */
    async lookupArchive(opened, platform) {
        const identity = opened.identity;
        if (!identity)
            return undefined;
        const key = (0,layer_cache_key/* entryKey */.k2)(archiveId(opened, platform), this.#version);
        const found = await this.#cache.get(key, identity.imageId);
        if (found.kind === 'corrupt')
            this.#logger.info(`layer-cache: ignoring the cached metadata of ${opened.label}: ${found.reason}; exporting the image`);
        if (found.kind !== 'hit')
            return undefined;
        const metadata = found.value?.metadata;
        if (!metadata || !Array.isArray(metadata.layers) || metadata.layers.map((l) => l.diffId).join('\n') !== identity.diffIds.join('\n'))
            return undefined;
        const layers = [];
        for (const layer of metadata.layers) {
            const hit = await this.lookup(layer);
            if (!hit) {
                this.#fromCache = 0;
                this.#logger.debug(`layer-cache: layer ${layer.index} of ${opened.label} is not cached; exporting the image`);
                return undefined;
            }
            layers.push(hit);
        }
        return { metadata, layers };
    }
    /** After an archive with an identity was read: queues the writes of its metadata and of every layer's analysis. */
    saveArchive(opened, platform, metadata, layers) {
        if (!opened.identity)
            return;
        metadata.layers.forEach((layer, i) => this.save(layer, layers[i]));
        const key = (0,layer_cache_key/* entryKey */.k2)(archiveId(opened, platform), this.#version);
        this.#pending.push(this.#cache.put(key, opened.identity.imageId, { metadata }).then(() => { }, (e) => this.#logger.info(`layer-cache: the metadata of ${opened.label} not cached: ${e.message}`)));
    }
    /** Queues the write of a freshly read layer's analysis (awaited by `finish`). */
    save(layer, result) {
        this.#read++;
        if (!layer.diffId || result.diffId !== layer.diffId)
            return;
        const key = (0,layer_cache_key/* entryKey */.k2)(layer.diffId, this.#version);
        this.#pending.push(this.#cache.put(key, layer.diffId, result).then(() => { }, (e) => {
            const why = e instanceof codec/* UncacheableError */.O$ ? `its analysis cannot be cached (${e.message})` : e.message;
            this.#logger.info(`layer-cache: layer ${layer.index} (${layer.diffId}) not cached: ${why}`);
        }));
    }
    /** Waits for the writes, then evicts down to the cache's size. Never throws. */
    async finish() {
        await Promise.all(this.#pending);
        if (this.#pending.length > 0) {
            try {
                const { removed } = await this.#cache.evict();
                if (removed > 0)
                    this.#logger.debug(`layer-cache: evicted ${removed} least recently used entr${removed === 1 ? 'y' : 'ies'} from ${this.#cache.dir}`);
            }
            catch (e) {
                this.#logger.info(`layer-cache: eviction in ${this.#cache.dir} failed: ${e.message}`);
            }
        }
        this.#logger.info(`layer-cache: ${this.#fromCache} of ${this.#fromCache + this.#read} layers from the cache in ${this.#cache.dir}, ${this.#read} read`);
    }
    /** Drops queued writes' results (the read failed); never throws. */
    async abandon() {
        await Promise.all(this.#pending);
    }
}
/** What names one export of an image: its source, reference, the source's image id and the platform asked for. */
function archiveId(opened, platform) {
    return ['archive', opened.source, opened.reference, opened.refName ?? '', opened.identity?.imageId ?? '', JSON.stringify(platform)].join('\n');
}
/** A decoded entry as the result of reading `layer`, or why it cannot be one. */
function asLayerResult(value, layer) {
    const v = value;
    if (v === null || typeof v !== 'object')
        return 'the entry holds no layer analysis';
    if (!(v.entries instanceof Map) || !(v.contents instanceof Map) || !Array.isArray(v.whiteouts) || !Array.isArray(v.opaqueDirs) || !Array.isArray(v.unknowns) || typeof v.stats !== 'object' || v.stats === null) {
        return 'the entry holds no layer analysis';
    }
    if (v.diffId !== layer.diffId)
        return 'the entry is for another layer';
    const written = v.digest;
    // The same tar can be stored under another blob digest (compressed otherwise): what names this image's blob is ours.
    const unknowns = v.unknowns.map((u) => (written !== undefined && u.layerDigest === written && layer.digest ? { ...u, layerDigest: layer.digest } : u));
    return {
        ...v,
        unknowns,
        digest: layer.digest,
        storedBytes: layer.size,
        ...(written !== layer.digest ? { compression: compressionOf(layer) } : {}),
    };
}
/** How this image stores the layer, when the entry was written from another blob of the same tar. */
function compressionOf(layer) {
    if (/zstd/.test(layer.mediaType))
        return 'zstd';
    if (/gzip/.test(layer.mediaType))
        return 'gzip';
    return 'none';
}

;// CONCATENATED MODULE: ./src/image/read-image.ts









/** Layers read at once: enough to overlap inflating one with parsing another, and no more (memory stays bounded). */
const LAYER_CONCURRENCY = 2;
/**
 * Reads an opened image in one pass and returns its squashed FileView. Each layer is streamed exactly once,
 * never written to disk, with its digests checked as it streams.
 */
async function readImage(opened, options = {}) {
    const matcher = new file_request_RequestMatcher(options.requests ?? []);
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const logger = options.logger ?? common_logger/* silentLogger */.qq;
    try {
        if (opened.kind === 'archive') {
            const platform = options.platform ?? (0,image_manifest/* hostPlatform */.ol)();
            // A streamed archive is read whole, whatever is cached; but one whose source knows the image (`docker:`) is not
            // even exported when the cache holds its metadata and every layer's analysis, and an archive file on disk is
            // read by offsets, only the layers the cache lacks (sources/archive-index.ts).
            const file = archiveFileOf(opened);
            const archiveOptions = {
                label: opened.label,
                reference: opened.reference,
                source: opened.source,
                ...(opened.refName !== undefined ? { refName: opened.refName } : {}),
                platform,
                matcher,
                maxFileBytes,
                ...(options.signal ? { signal: options.signal } : {}),
            };
            const session = options.layerCache && (opened.identity || file !== undefined) ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
            if (session && file !== undefined) {
                // An archive file on disk: indexed from its headers, and only the layers the cache lacks are read.
                logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
                const indexed = await readIndexedArchive(file, session, archiveOptions).catch(async (e) => {
                    await session.abandon();
                    throw e;
                });
                if (indexed) {
                    logger.progress?.({ task: 'layers', label: '', end: true });
                    await session.finish();
                    return squashDropping(indexed.metadata, indexed.layers, indexed.cached);
                }
            }
            const warm = await session?.lookupArchive(opened, platform);
            if (warm) {
                await session.finish();
                return withStats(file_view_FileView.squash(warm.metadata, warm.layers, { adopt: true }), warm.layers, new Set(warm.layers.map((_, i) => i)));
            }
            logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
            const stream = await opened.open(options.signal);
            const { metadata, layers } = await readImageArchive(stream, archiveOptions);
            logger.progress?.({ task: 'layers', label: '', end: true });
            if (session) {
                session.saveArchive(opened, platform, metadata, layers);
                await session.finish();
            }
            return squashDropping(metadata, layers);
        }
        // Layers stream in manifest order, each exactly once. The next layer starts while the current one finishes
        // (at most LAYER_CONCURRENCY at a time), so the thread pool inflates one while the main thread hashes and
        // parses the other; each result is squashed as soon as the layers below it are, then dropped (only the view
        // and the layers in flight are held, whatever the layer count).
        const layers = opened.metadata.layers;
        const results = new Array(layers.length);
        const summaries = [];
        const squash = file_view_FileView.builder(opened.metadata, { adopt: true });
        const applyReady = () => {
            for (let r = results[summaries.length]; r; r = results[summaries.length]) {
                squash.apply(r);
                results[summaries.length] = undefined;
                summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
            }
        };
        let read = 0;
        const progress = (end) => logger.progress?.({ task: 'layers', label: `reading layers of ${opened.metadata.reference}`, done: read, total: layers.length, unit: 'items', ...(end ? { end } : {}) });
        const cached = new Set();
        const session = options.layerCache ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
        const readOne = async (layer) => {
            const label = `layer ${layer.index} (${layer.digest})`;
            // A layer whose analysis is cached (under the same requests) is not opened: for a registry, not downloaded.
            const hit = await session?.lookup(layer);
            if (hit) {
                logger.debug(`${label}: analysis from the layer cache`);
                cached.add(layer.index);
                return hit;
            }
            const result = await readFresh(layer, label);
            session?.save(layer, result);
            return result;
        };
        const readFresh = async (layer, label) => {
            logger.debug(`reading ${label}`);
            progress();
            return readLayer(await opened.blob(layer, options.signal), {
                matcher,
                maxFileBytes,
                label,
                expectedDigest: layer.digest,
                expectedDiffId: layer.diffId,
                expectedSize: layer.size,
                layerDigest: layer.digest,
                ...(options.signal ? { signal: options.signal } : {}),
            });
        };
        let next = 0;
        const worker = async () => {
            while (next < layers.length) {
                const layer = layers[next++];
                try {
                    results[layer.index] = await readOne(layer);
                    applyReady();
                    read++;
                    progress();
                }
                catch (e) {
                    next = layers.length; // the other worker stops after its current layer
                    throw e;
                }
            }
        };
        try {
            await Promise.all(Array.from({ length: Math.min(LAYER_CONCURRENCY, layers.length) }, worker)).finally(() => progress(true));
        }
        catch (e) {
            await session?.abandon();
            throw e;
        }
        await session?.finish();
        return withStats(squash.finish(), summaries, cached);
    }
    finally {
        await opened.close();
    }
}
/**
 * Squashes an archive's layers (all read before the manifest said their order) in order, dropping each from the
 * array once applied, so that its entry map and the entries the layers above replace become garbage as the squash
 * goes instead of living to its end.
 */
function squashDropping(metadata, layers, cached) {
    const squash = file_view_FileView.builder(metadata, { adopt: true });
    const summaries = [];
    for (let i = 0; i < layers.length; i++) {
        const r = layers[i];
        layers[i] = undefined;
        squash.apply(r);
        summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
    }
    return withStats(squash.finish(), summaries, cached);
}
function withStats(view, layers, cached = new Set()) {
    return Object.assign(view, {
        stats: {
            layers: layers.map((l, index) => ({
                index,
                digest: l.digest,
                compression: l.compression,
                storedBytes: l.storedBytes,
                tarBytes: l.tarBytes,
                entries: l.stats.entries,
                ...(cached.has(index) ? { fromCache: true } : {}),
            })),
        },
    });
}

;// CONCATENATED MODULE: ./src/image/sniff.ts
/**
 * A bare path given as an image (`portcullis scan app.tar`): what it is, from its content, not its name. A tar with
 * `manifest.json` is `docker save` output (Docker ≥ 25's has an OCI layout beside it, and the docker-archive reader
 * reads both, keeping the repo tags); a tar with `index.json` or `oci-layout` and no `manifest.json` is an OCI archive;
 * a directory with them is an OCI layout. What is plainly a path but none of these gets an error that names the
 * scheme to use; anything else is left to the bare-name lookup (daemon, then registry).
 */





const MARKERS = new Set(['manifest.json', 'index.json', 'oci-layout']);
/** Looks like a path to a file rather than an image name: a slash, a leading dot, or an archive's extension. */
function looksLikePath(location) {
    return location.includes('/') || location.startsWith('.') || /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd|oci)$/i.test(location);
}
const topLevel = (name) => {
    const n = name.replace(/^\.\//, '');
    return MARKERS.has(n) ? n : undefined;
};
/** The top-level marker files of an uncompressed tar, by walking its headers (data is skipped, not read). */
async function tarMarkers(path) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const found = new Set();
        const header = Buffer.alloc(512);
        let offset = 0;
        let longName;
        for (let i = 0; i < 1_000_000; i++) {
            const { bytesRead } = await fh.read(header, 0, 512, offset);
            if (bytesRead < 512)
                return i === 0 ? undefined : found;
            if (header.every((b) => b === 0))
                break;
            if (i === 0 && header.toString('latin1', 257, 262) !== 'ustar' && !validChecksum(header))
                return undefined;
            const typeflag = String.fromCharCode(header[156]);
            const size = octal(header.subarray(124, 136));
            if (size === undefined)
                return i === 0 ? undefined : found;
            const dataStart = offset + 512;
            let name = cString(header, 0, 100);
            const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
            if (prefix)
                name = `${prefix}/${name}`;
            if (typeflag === 'L') {
                const buf = Buffer.alloc(Math.min(size, 4096));
                await fh.read(buf, 0, buf.length, dataStart);
                longName = cString(buf, 0, buf.length);
            }
            else if (typeflag !== 'x' && typeflag !== 'g') {
                const m = topLevel(longName ?? name);
                if (m)
                    found.add(m);
                longName = undefined;
            }
            offset = dataStart + Math.ceil(size / 512) * 512;
        }
        return found;
    }
    finally {
        await fh.close();
    }
}
/** The top-level marker files of a compressed tar, streaming it through the decompressor and the tar parser. */
async function streamedMarkers(path, compression) {
    const found = new Set();
    const parser = new TarParser((h) => {
        const m = topLevel(h.name);
        if (m)
            found.add(m);
        return null;
    });
    const input = (0,external_node_fs_.createReadStream)(path).pipe(createDecompressor(compression));
    try {
        for await (const chunk of input) {
            parser.push(chunk);
            if (parser.done)
                break;
        }
    }
    catch {
        return found.size ? found : undefined;
    }
    finally {
        input.destroy();
    }
    return found;
}
function validChecksum(h) {
    const stored = octal(h.subarray(148, 156));
    if (stored === undefined)
        return false;
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    return sum === stored;
}
function octal(field) {
    if (field[0] & 0x80) {
        let n = 0;
        for (let i = 1; i < field.length; i++)
            n = n * 256 + field[i];
        return n;
    }
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (text === '')
        return 0;
    return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}
function cString(buf, start, length) {
    const end = buf.indexOf(0, start);
    return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}
function schemeOf(markers) {
    if (markers.has('manifest.json'))
        return 'docker-archive';
    if (markers.has('index.json') || markers.has('oci-layout'))
        return 'oci-archive';
    return undefined;
}
const SCHEMES_HINT = 'docker-archive:PATH (docker save), oci-archive:PATH (a tar of an OCI layout) or oci-dir:PATH (an OCI layout directory)';
/**
 * The scheme a bare location should be read with, when it is a path to an image on disk; undefined when it is not a
 * path (a bare image name). A path that is no image Portcullis can read is a ConfigurationError that says what to do.
 */
async function sniffImagePath(location) {
    let st;
    try {
        st = await (0,promises_.stat)(location);
    }
    catch {
        if (!location.includes(':') && /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd)$/i.test(location)) {
            throw new errors/* ConfigurationError */.j1(`${location} does not exist (an image archive is read as ${SCHEMES_HINT})`);
        }
        return undefined;
    }
    if (st.isDirectory()) {
        const has = async (name) => (0,promises_.stat)(`${location}/${name}`).then(() => true, () => false);
        if ((await has('index.json')) || (await has('oci-layout')))
            return 'oci-dir';
        if (!looksLikePath(location))
            return undefined;
        throw new errors/* ConfigurationError */.j1(`${location} is a directory but not an OCI image layout (no index.json or oci-layout); use ${SCHEMES_HINT}`);
    }
    if (!st.isFile())
        return undefined;
    const head = Buffer.alloc(4);
    const fh = await (0,promises_.open)(location, 'r');
    try {
        await fh.read(head, 0, 4, 0);
    }
    finally {
        await fh.close();
    }
    const compression = sniffCompression(head);
    if (compression !== 'none') {
        const scheme = schemeOf((await streamedMarkers(location, compression)) ?? new Set());
        const tool = compression === 'gzip' ? 'gunzip -k' : 'zstd -d';
        throw new errors/* ConfigurationError */.j1(scheme
            ? `${location} is a ${compression}-compressed ${scheme === 'docker-archive' ? 'docker archive' : 'OCI archive'}; image archives are read uncompressed: run "${tool} ${location}" and scan ${scheme}:${location.replace(/\.(gz|tgz|zst|zstd)$/i, (e) => (e.toLowerCase() === '.tgz' ? '.tar' : ''))}`
            : `${location} is ${compression}-compressed and not an image archive; decompress it, then use ${SCHEMES_HINT}`);
    }
    const markers = await tarMarkers(location);
    const scheme = markers ? schemeOf(markers) : undefined;
    if (scheme)
        return scheme;
    if (!looksLikePath(location))
        return undefined;
    throw new errors/* ConfigurationError */.j1(`${location} is ${markers ? 'a tar without manifest.json, index.json or oci-layout' : 'not a tar file'}, so not an image archive; use ${SCHEMES_HINT}, or sbom:PATH for an SBOM`);
}

;// CONCATENATED MODULE: ./src/image/open.ts





function knownSchemes() {
    return IMAGE_SOURCES.flatMap((s) => s.schemes);
}
function sourceForScheme(scheme) {
    const s = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
    if (!s)
        throw new errors/* ConfigurationError */.j1(`unknown image scheme "${scheme}"; known: ${knownSchemes().join(', ')}`);
    return s;
}
/**
 * Opens `scheme:location`. A bare name tries the daemon, then the registry; when every one fails, the error
 * says what each said.
 */
async function openImage(raw, options, signal) {
    const ref = parseReference(raw, knownSchemes());
    if (ref.scheme)
        return sourceForScheme(ref.scheme).open(ref, options, signal);
    // A path on disk (`scan app.tar`, `scan ./layout`) is read by what its content is; see sniff.ts.
    const sniffed = await sniffImagePath(ref.location);
    if (sniffed) {
        options.logger.info(`${ref.location}: reading it as ${sniffed}:${ref.location}`);
        return sourceForScheme(sniffed).open({ ...ref, scheme: sniffed }, options, signal);
    }
    const tried = [];
    for (const scheme of BARE_NAME_ORDER) {
        const source = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
        if (!source)
            continue;
        try {
            return await source.open({ ...ref, scheme }, options, signal);
        }
        catch (e) {
            options.logger.debug(`${scheme}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            tried.push(`${scheme}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
    }
    if (tried.length === 0) {
        throw new errors/* ConfigurationError */.j1(`"${raw}" has no scheme; use one of ${knownSchemes().map((s) => `${s}:`).join(', ')}`);
    }
    throw new errors/* ImageError */.C8(`cannot open image "${raw}": ${tried.join('; ')}`);
}
/** Opens and reads an image in one go. */
async function loadImage(raw, options) {
    const opened = await openImage(raw, options, options.signal);
    return readImage(opened, options);
}


/***/ }),

/***/ 80469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ normalizeEntryName),
/* harmony export */   P8: () => (/* binding */ basename),
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   pD: () => (/* binding */ dirname),
/* harmony export */   w0: () => (/* binding */ resolveLinkTarget)
/* harmony export */ });
/**
 * Paths inside an image are absolute, '/'-separated and normalised. A tar name that would climb out of the
 * image root (`../x`, `a/../../x`) is refused: the caller records it as an unknown.
 */
function normalizeEntryName(name) {
    // Fast path, for nearly every entry: already clean apart from a leading './' or '/' and a trailing '/'.
    let clean = name.startsWith('./') ? name.slice(2) : name.startsWith('/') ? name.slice(1) : name;
    if (clean.endsWith('/'))
        clean = clean.slice(0, -1);
    if (clean !== '' && !clean.includes('//') && !clean.includes('/./') && !clean.includes('..') && !clean.startsWith('./') && !clean.startsWith('/') && clean !== '.' && !clean.endsWith('/.')) {
        // One slice of the name where it already holds the leading '/' (`./x`, `/x`): a path string per entry the view
        // keeps, not a concatenation over a slice.
        const from = name.length - clean.length - (name.endsWith('/') ? 1 : 0) - 1;
        if (from >= 0 && name.charCodeAt(from) === 0x2f)
            return name.slice(from, from + 1 + clean.length);
        return `/${clean}`;
    }
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return null;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return `/${parts.join('/')}`;
}
/** Resolves `target` (a symlink's text) against the directory holding `linkPath`, clamped at the root. */
function resolveLinkTarget(linkPath, target) {
    const base = target.startsWith('/') ? [] : dirname(linkPath).split('/').filter(Boolean);
    for (const part of target.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            base.pop(); // ".." at the root stays at the root, as the kernel does in a chroot
        else
            base.push(part);
    }
    return `/${base.join('/')}`;
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Compiles a glob over absolute image paths once. `**` matches any number of path segments (including none),
 * `*` and `?` stay within one segment, `{a,b}` alternates. A pattern without a leading '/' is anchored at the root.
 */
function compileGlob(glob) {
    const g = glob.startsWith('/') ? glob : `/${glob}`;
    let re = '^';
    for (let i = 0; i < g.length; i++) {
        const c = g[i];
        if (c === '*') {
            if (g[i + 1] === '*') {
                const slashAfter = g[i + 2] === '/';
                re += slashAfter ? '(?:[^/]*/)*' : '.*';
                i += slashAfter ? 2 : 1;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            const close = g.indexOf('}', i);
            if (close < 0)
                re += '\\{';
            else {
                re += `(?:${g.slice(i + 1, close).split(',').map(escapeRegex).join('|')})`;
                i = close;
            }
        }
        else
            re += escapeRegex(c);
    }
    return new RegExp(`${re}$`);
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


/***/ })

};
