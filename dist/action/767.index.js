export const id = 767;
export const ids = [767];
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

/***/ 64074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ZipError),
/* harmony export */   z: () => (/* binding */ ZipReader)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A small in-memory ZIP reader: the central directory (with ZIP64 sizes and offsets, and data prepended before
 * the archive, as in executable jars), and stored or deflated entries inflated with node:zlib.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
class ZipError extends Error {
    name = 'ZipError';
}
class ZipReader {
    data;
    entries;
    /** Reads the central directory; a corrupt or truncated one is a ZipError (`corrupt archive: …`), never a RangeError. */
    constructor(data) {
        this.data = data;
        try {
            this.entries = readCentralDirectory(data);
        }
        catch (e) {
            if (e instanceof ZipError)
                throw e;
            // A field read past the end of the buffer (node's ERR_OUT_OF_RANGE) or any other slip on hostile bytes.
            throw new ZipError(`corrupt archive: ${e.message}`, { cause: e });
        }
    }
    find(name) {
        return this.entries.find((e) => e.name === name);
    }
    /**
     * The entry's content; refuses output larger than `maxBytes` whatever the header declares (a guard against zip
     * bombs: inflation stops at the cap, so memory stays bounded by it).
     */
    read(entry, maxBytes = 64 * 1024 * 1024) {
        const d = this.data;
        const at = entry.localOffset;
        if (!Number.isSafeInteger(at) || at < 0 || at + 30 > d.length || d.readUInt32LE(at) !== LOCAL)
            throw new ZipError(`${entry.name}: bad local header`);
        const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
        const end = start + entry.compressedSize;
        if (end > d.length)
            throw new ZipError(`${entry.name}: entry data runs past the end of the archive`);
        if (entry.size > maxBytes)
            throw new ZipError(`${entry.name}: ${entry.size} bytes, over the ${maxBytes}-byte limit`);
        const raw = d.subarray(start, end);
        if (entry.method === 0) {
            if (raw.length > maxBytes)
                throw new ZipError(`${entry.name}: ${raw.length} bytes, over the ${maxBytes}-byte limit`);
            return raw;
        }
        if (entry.method === 8) {
            let out;
            try {
                // One byte over the cap tells "too large" apart from "exactly the cap".
                out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync)(raw, { maxOutputLength: Math.max(1, maxBytes + 1) });
            }
            catch (e) {
                const code = e.code;
                if (code === 'ERR_BUFFER_TOO_LARGE')
                    throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`, { cause: e });
                throw new ZipError(`${entry.name}: cannot inflate: ${e.message}`, { cause: e });
            }
            if (out.length > maxBytes)
                throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`);
            return out;
        }
        throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
    }
}
function readCentralDirectory(d) {
    const eocd = findEocd(d);
    if (eocd < 0)
        throw new ZipError('not a zip archive (no end-of-central-directory record)');
    if (eocd + 22 > d.length)
        throw new ZipError('corrupt archive: truncated end-of-central-directory record');
    let count = d.readUInt16LE(eocd + 10);
    let cdSize = d.readUInt32LE(eocd + 12);
    let cdOffset = d.readUInt32LE(eocd + 16);
    let recordStart = eocd;
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && d.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
        const z = Number(d.readBigUInt64LE(eocd - 20 + 8));
        if (!Number.isSafeInteger(z) || z + 56 > d.length || d.readUInt32LE(z) !== ZIP64_EOCD)
            throw new ZipError('bad ZIP64 end-of-central-directory record');
        count = Number(d.readBigUInt64LE(z + 32));
        cdSize = Number(d.readBigUInt64LE(z + 40));
        cdOffset = Number(d.readBigUInt64LE(z + 48));
        recordStart = z;
    }
    // Bytes prepended to the archive (a launcher script) shift every offset by the same amount.
    const shift = recordStart - cdSize - cdOffset;
    if (shift < 0)
        throw new ZipError('central directory lies outside the archive');
    const entries = [];
    let p = cdOffset + shift;
    for (let i = 0; i < count; i++) {
        if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL)
            throw new ZipError(`bad central directory entry ${i}`);
        const method = d.readUInt16LE(p + 10);
        let compressedSize = d.readUInt32LE(p + 20);
        let size = d.readUInt32LE(p + 24);
        const nameLen = d.readUInt16LE(p + 28);
        const extraLen = d.readUInt16LE(p + 30);
        const commentLen = d.readUInt16LE(p + 32);
        let localOffset = d.readUInt32LE(p + 42);
        if (p + 46 + nameLen + extraLen + commentLen > d.length)
            throw new ZipError(`corrupt archive: central directory entry ${i} runs past the end of the archive`);
        const name = d.toString('utf8', p + 46, p + 46 + nameLen);
        // ZIP64 extra field: the 0xffffffff values follow in order size, compressed size, offset.
        let x = p + 46 + nameLen;
        const xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            if (x + 4 + d.readUInt16LE(x + 2) > xEnd)
                break;
            const id = d.readUInt16LE(x);
            const len = d.readUInt16LE(x + 2);
            if (id === 0x0001) {
                let q = x + 4;
                if (size === 0xffffffff && q + 8 <= x + 4 + len) {
                    size = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
                    compressedSize = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (localOffset === 0xffffffff && q + 8 <= x + 4 + len)
                    localOffset = Number(d.readBigUInt64LE(q));
            }
            x += 4 + len;
        }
        entries.push({ name, method, compressedSize, size, localOffset: localOffset + shift });
        p = xEnd + commentLen;
    }
    return entries;
}
function findEocd(d) {
    if (d.length < 22)
        return -1;
    const min = Math.max(0, d.length - 22 - 0xffff);
    for (let i = d.length - 22; i >= min; i--)
        if (d.readUInt32LE(i) === EOCD)
            return i;
    return -1;
}


/***/ }),

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

/***/ 42388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ registryScheme),
/* harmony export */   O8: () => (/* binding */ parseRegistryName),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   s1: () => (/* binding */ DOCKER_HUB_AUTH_KEY),
/* harmony export */   sM: () => (/* binding */ formatRegistryName)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_ENDPOINT, hostOf */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

/** Docker Hub's canonical name, and the host that actually serves its pulls. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/** The key docker uses for Docker Hub in config.json and with credential helpers. */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?$/;
/**
 * Parses `[registry/]repository[:tag][@digest]` like docker: a first component with a dot or a colon, or
 * `localhost`, is the registry; otherwise it is Docker Hub, where one-component names get `library/`. Neither tag
 * nor digest means `latest`; with both, the digest decides what is pulled.
 */
function parseRegistryName(input) {
    const text = input.trim();
    const bad = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`invalid image name "${input}": ${why}`);
    if (text === '')
        throw bad('it is empty');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (expected sha256:<64 hex digits>)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a valid tag`);
    }
    let registry = DOCKER_HUB;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
            if (!HOST.test(first))
                throw bad(`"${first}" is not a valid registry host`);
            registry = first;
            path = rest.slice(slash + 1);
        }
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT)
        registry = DOCKER_HUB;
    if (path === '')
        throw bad('the repository is empty');
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    for (const part of path.split('/')) {
        if (!COMPONENT.test(part)) {
            throw bad(part.toLowerCase() !== part ? 'repository names must be lowercase' : `"${part}" is not a valid repository path component`);
        }
    }
    if (path.length > 255)
        throw bad('the repository name is longer than 255 characters');
    const endpoint = registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
    return { registry, endpoint, repository: path, ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}
/** `registry/repository:tag` or `registry/repository@digest`, as users write it. */
function formatRegistryName(name) {
    const base = `${name.registry}/${name.repository}`;
    if (name.digest)
        return `${base}@${name.digest}`;
    return `${base}:${name.tag ?? 'latest'}`;
}
/** What to ask for: the digest when pinned, else the tag. */
function manifestReference(name) {
    return name.digest ?? name.tag ?? 'latest';
}
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Splits `host[:port]`, keeping IPv6 brackets. */
function hostOf(hostPort) {
    if (hostPort.startsWith('['))
        return hostPort.slice(0, hostPort.indexOf(']') + 1);
    const i = hostPort.lastIndexOf(':');
    return i >= 0 ? hostPort.slice(0, i) : hostPort;
}
/** Plain http for loopback registries and the ones the user listed as insecure (by host:port or host). */
function registryScheme(endpoint, insecure = []) {
    const host = hostOf(endpoint).toLowerCase();
    if (LOOPBACK.has(host))
        return 'http';
    const wanted = insecure.map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, ''));
    if (wanted.includes(endpoint.toLowerCase()) || wanted.includes(host))
        return 'http';
    return 'https';
}


/***/ }),

/***/ 61767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runScan: () => (/* binding */ runScan),
  targetTag: () => (/* binding */ targetTag)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/distro/detect.ts
var detect = __webpack_require__(22836);
// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
;// CONCATENATED MODULE: ./src/catalog/distro/os-package.ts
/** Helpers shared by the OS package catalogers (apk, dpkg, rpm). */
/** A stable id within one scan: type, name, version and the database that listed the package. */
function osPackageId(type, name, version, dbPath) {
    return `${type}:${name}@${version}:${dbPath}`;
}
/** The database's location, with the provenance of the layer that last wrote it. */
function dbLocation(view, path) {
    const provenance = view.get(path, { follow: true })?.provenance;
    return provenance ? { path, provenance } : { path };
}
/** `packageDatabase`: the file is the package database of that type, whose packages are missing (a catalog gap). */
function dbUnknown(view, stage, path, reason, packageDatabase) {
    const layerDigest = view.get(path, { follow: true })?.provenance.layerDigest;
    return { stage, path, reason, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}
/** Joins a database-relative path (`usr/bin/x`, `./usr/bin/x`, `/usr/bin/x`) into an absolute image path. */
function absolutePath(path) {
    const trimmed = path.replace(/^\.?\/+/, '');
    return `/${trimmed}`;
}
/** Files that exist in the view but whose content was not captured are reported; missing files are not. */
function readIfPresent(view, path) {
    if (!view.get(path, { follow: true }))
        return {};
    const r = view.read(path);
    return r.ok ? { text: r.data.toString('utf8') } : { reason: r.reason };
}
/** Package names by what satisfies a dependency on them: each package's own name and each name it provides. */
function providerIndex(records, name, provides) {
    const providers = new Map();
    const add = (key, pkg) => {
        let set = providers.get(key);
        if (!set)
            providers.set(key, (set = new Set()));
        set.add(pkg);
    };
    for (const r of records) {
        add(name(r), name(r));
        for (const p of provides(r))
            add(p, name(r));
    }
    return providers;
}

;// CONCATENATED MODULE: ./src/catalog/package-origin.ts
/**
 * Which layer introduced each package. The layer that last wrote a package database (`/var/lib/dpkg/status`) is not
 * the one that installed every package in it: each `apt-get install` rewrites the whole file. A package's origin is
 * the first layer of its current, unbroken presence in the database: the OS catalogers compare the database of every
 * layer (requested with `FileRequest.everyLayer`, so the image is still read once) and an upgrade, or a removal and a
 * later re-install, moves the origin to the layer that did it. A language package's manifest is its own file, so its
 * origin is the layer that wrote that manifest, or the first of the layers that wrote the very same bytes since.
 */
/**
 * Replays the databases at `paths` layer by layer. `keysAt` reads one snapshot the way the cataloger reads the
 * squashed view (same format rules) and returns its package keys (`name\0version\0arch`). Only layers that
 * changed one of the files are snapshots; a key gets the layer where it appears, and loses it where it disappears.
 */
function packageOrigins(view, paths, keysAt) {
    const byLayer = new Map();
    for (const path of new Set(paths)) {
        for (const v of view.versions(path)) {
            const list = byLayer.get(v.layerIndex);
            if (list)
                list.push([path, v]);
            else
                byLayer.set(v.layerIndex, [[path, v]]);
        }
    }
    const state = new Map();
    const origins = new Map();
    const gaps = [];
    for (const layerIndex of [...byLayer.keys()].sort((a, b) => a - b)) {
        const changed = byLayer.get(layerIndex);
        for (const [path, v] of changed)
            state.set(path, v);
        const provenance = changed[0][1].provenance;
        const snapshot = {
            layerIndex,
            read(path) {
                const v = state.get(path);
                return v === undefined || v.deleted ? undefined : v.read;
            },
        };
        const r = keysAt(snapshot);
        if ('reason' in r) {
            gaps.push({ layerIndex, reason: r.reason });
            continue;
        }
        const now = new Set(r.keys);
        for (const key of origins.keys())
            if (!now.has(key))
                origins.delete(key);
        for (const key of now)
            if (!origins.has(key))
                origins.set(key, provenance);
    }
    return { origins, gaps };
}
/** The package with its first location (the database) carrying the provenance of the layer that introduced it. */
function withOrigin(pkg, provenance) {
    const [first, ...rest] = pkg.locations;
    if (!first || !provenance)
        return pkg;
    return { ...pkg, locations: [{ ...first, provenance }, ...rest] };
}
/**
 * One unknown per unreadable layer database whose gap leaves some package's origin open: the origin given is the
 * first layer where the package was seen, and it may have come in earlier.
 */
function gapUnknowns(stage, path, gaps, origins) {
    const out = [];
    for (const gap of gaps) {
        const after = [...origins.values()].filter((p) => p.layerIndex > gap.layerIndex).length;
        if (after === 0)
            continue;
        out.push({
            stage,
            path,
            reason: `the package database of layer ${gap.layerIndex} could not be read (${gap.reason}); ${after} package(s) first seen after it may have come in earlier`,
        });
    }
    return out;
}
/**
 * The origin of a package found in its own manifest file (package.json, METADATA, a .gemspec): the layer that
 * wrote the manifest as it is now, moved back over the layers below that wrote the very same bytes (a `COPY . .`
 * that rewrites an unchanged file does not introduce the package). Any difference, or a deletion in between, stops
 * the walk: the later layer then brought this version. Files without kept versions keep their provenance.
 */
function manifestOrigin(view, path) {
    const versions = view.versions(path);
    const last = versions[versions.length - 1];
    if (!last || last.deleted || !last.read.ok)
        return undefined;
    const data = last.read.data;
    let origin = last.provenance;
    for (let i = versions.length - 2; i >= 0; i--) {
        const v = versions[i];
        if (v.deleted || !v.read.ok || !v.read.data.equals(data))
            break;
        origin = v.provenance;
    }
    return origin;
}

// EXTERNAL MODULE: ./src/catalog/purl.ts
var purl = __webpack_require__(92502);
;// CONCATENATED MODULE: ./src/catalog/apk/parse.ts
/**
 * The apk `installed` database: blank-line-separated stanzas of `X:value` lines (P name, V version, o origin,
 * A arch, L license, D depends, p provides, F directory, R file in the last F directory, and more).
 */

function parseApkDb(text) {
    const records = [];
    const errors = [];
    const lines = text.split('\n');
    let current;
    let stanzaStart = 0;
    let stanzaHasFields = false;
    let dir = '';
    const finish = () => {
        if (current)
            records.push(current);
        else if (stanzaHasFields)
            errors.push(`stanza at line ${stanzaStart} has no P: (name) field`);
        current = undefined;
        stanzaHasFields = false;
        dir = '';
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line === '') {
            finish();
            continue;
        }
        if (!stanzaHasFields && !current)
            stanzaStart = i + 1;
        if (line.length < 2 || line[1] !== ':' || !/[A-Za-z]/.test(line[0])) {
            errors.push(`line ${i + 1} is not a "X:value" field: ${JSON.stringify(line.slice(0, 60))}`);
            continue;
        }
        const key = line[0];
        const value = line.slice(2);
        stanzaHasFields = true;
        if (key === 'P') {
            if (current && current.name === '') {
                current.name = value; // fields before P: (C: often comes first) belong to this record
                continue;
            }
            if (current) {
                // A new P: without a blank line: the previous stanza ends here.
                records.push(current);
                dir = '';
            }
            current = { name: value, version: '', depends: [], provides: [], files: [] };
            continue;
        }
        if (!current) {
            current = { name: '', version: '', depends: [], provides: [], files: [] };
        }
        applyField(current, key, value, () => dir, (d) => (dir = d));
    }
    finish();
    const named = records.filter((r) => {
        if (r.name !== '')
            return true;
        errors.push('stanza has no P: (name) field');
        return false;
    });
    return { records: named, errors };
}
function applyField(r, key, value, getDir, setDir) {
    switch (key) {
        case 'V':
            r.version = value;
            break;
        case 'o':
            if (value)
                r.origin = value;
            break;
        case 'A':
            if (value)
                r.arch = value;
            break;
        case 'L':
            if (value)
                r.license = value;
            break;
        case 'T':
            r.description = value;
            break;
        case 'U':
            r.url = value;
            break;
        case 'm':
            r.maintainer = value;
            break;
        case 'S':
            r.size = toInt(value);
            break;
        case 'I':
            r.installedSize = toInt(value);
            break;
        case 'C':
            r.checksum = value;
            break;
        case 'c':
            r.commit = value;
            break;
        case 't':
            r.buildTime = toInt(value);
            break;
        case 'D':
            r.depends = splitWords(value);
            break;
        case 'p':
            r.provides = splitWords(value);
            break;
        case 'F':
            setDir(value);
            break;
        case 'R': {
            const dir = getDir();
            r.files.push(dir ? `/${dir}/${value}` : `/${value}`);
            break;
        }
        default:
            // a:, M:, Z:, r:, i:, k:, q:, s:, … are tolerated and not kept.
            break;
    }
}
/**
 * `L:` is a list of licences separated by spaces in older databases (`MIT BSD GPL2+`), and an SPDX expression in
 * newer ones (`MPL-2.0 AND MIT`). An expression stays whole; a list is split.
 */
function apkLicenses(raw) {
    if (!raw)
        return [];
    const words = splitWords(raw);
    if (words.some((w) => /^(AND|OR|WITH)$/i.test(w) || w.includes('(')))
        return [raw.trim()];
    return words;
}
function splitWords(value) {
    return value.split(/\s+/).filter(Boolean);
}
function toInt(value) {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) ? n : undefined;
}
/**
 * Resolves each record's `D:` entries to the installed packages that satisfy them: by name, or by a `p:`
 * provide (`so:libc.musl-x86_64.so.1`, `/bin/sh`, `cmd:sh`). Conflicts (`!x`) are not dependencies.
 * Returns the names each package depends on, sorted.
 */
function resolveApkDependencies(records) {
    const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(stripConstraint));
    const out = new Map();
    for (const r of records) {
        const deps = new Set();
        for (const d of r.depends) {
            if (d.startsWith('!'))
                continue;
            for (const name of providers.get(stripConstraint(d)) ?? [])
                if (name !== r.name)
                    deps.add(name);
        }
        out.set(r.name, [...deps].sort());
    }
    return out;
}
function stripConstraint(dep) {
    const m = /^([^=<>~]+)/.exec(dep);
    return m ? m[1] : dep;
}

;// CONCATENATED MODULE: ./src/catalog/apk/cataloger.ts





const APK_DB_PATH = '/lib/apk/db/installed';
const ID = 'apk/installed';
const apkCataloger = {
    id: ID,
    version: 0,
    description: 'Alpine and Wolfi packages from the apk database (/lib/apk/db/installed)',
    tags: ['image', 'directory', 'installed', 'os', 'apk'],
    // Every layer's version of the database: the layer that introduced each package is found by comparing them.
    requests: [{ id: ID, paths: [APK_DB_PATH], everyLayer: true, database: true }],
    catalog(ctx) {
        return Promise.resolve(catalogApk(ctx));
    },
};
function catalogApk(ctx) {
    const { view } = ctx;
    const { text, reason } = readIfPresent(view, APK_DB_PATH);
    if (text === undefined)
        return { packages: [], unknowns: reason ? [dbUnknown(view, ID, APK_DB_PATH, reason, 'apk')] : [] };
    const parsed = parseApkDb(text);
    const unknowns = [];
    if (parsed.errors.length > 0) {
        const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
        unknowns.push(dbUnknown(view, ID, APK_DB_PATH, `malformed apk database: ${parsed.errors[0]}${more}`, 'apk'));
    }
    const location = dbLocation(view, APK_DB_PATH);
    const deps = resolveApkDependencies(parsed.records);
    const { origins, gaps } = packageOrigins(view, [APK_DB_PATH], (snapshot) => {
        const r = snapshot.read(APK_DB_PATH);
        if (r === undefined)
            return { keys: [] };
        if (!r.ok)
            return { reason: r.reason };
        return { keys: parseApkDb(r.data.toString('utf8')).records.map(apkKey) };
    });
    unknowns.push(...gapUnknowns(ID, APK_DB_PATH, gaps, origins));
    const packages = parsed.records.map((r) => withOrigin(toPackage(r, ctx.distro, location, deps.get(r.name) ?? []), origins.get(apkKey(r))));
    return { packages, unknowns };
}
function apkKey(r) {
    return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}
function apkPurl(r, distro) {
    return (0,purl/* purl */.EV)({
        type: 'apk',
        namespace: distro?.id ? distro.id : undefined,
        name: r.name,
        version: r.version,
        qualifiers: {
            arch: r.arch,
            distro: (0,detect/* distroQualifier */.sE)(distro),
            upstream: r.origin && r.origin !== r.name ? r.origin : undefined,
        },
    });
}
function toPackage(r, distro, location, dependsOn) {
    return {
        id: osPackageId('apk', r.name, r.version, APK_DB_PATH),
        type: 'apk',
        name: r.name,
        version: r.version,
        purl: apkPurl(r, distro),
        licenses: apkLicenses(r.license),
        locations: [location],
        foundBy: ID,
        ...(r.origin ? { source: { name: r.origin, version: r.version } } : {}),
        ...(r.arch ? { arch: r.arch } : {}),
        metadata: {
            ...(r.origin !== undefined ? { origin: r.origin } : {}),
            ...(r.license !== undefined ? { license: r.license } : {}),
            ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
            ...(r.description !== undefined ? { description: r.description } : {}),
            ...(r.url !== undefined ? { url: r.url } : {}),
            ...(r.size !== undefined ? { size: r.size } : {}),
            ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
            ...(r.checksum !== undefined ? { checksum: r.checksum } : {}),
            ...(r.commit !== undefined ? { commit: r.commit } : {}),
            depends: r.depends,
            provides: r.provides,
            dependsOn,
            files: r.files,
        },
    };
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/copyright.ts
/**
 * Licences from a Debian `copyright` file, cheaply: the `License:` fields of a machine-readable (DEP-5) file,
 * first line only, each short name mapped to SPDX where there is a clear equivalent and kept as written
 * otherwise. Free-form copyright files give nothing.
 */
function parseDebianCopyright(text) {
    return dedupe(parseDebianCopyrightNames(text).map(toSpdxExpression));
}
/**
 * The same `License:` fields as written (`GPL-2+`, `BSD-2-clause`, `GPL-2+ or Artistic`), each once, in file
 * order: the names Anchore's licenses gate matches (anchore-engine
 * `tests/unit/anchore_engine/services/policy_engine/engine/policy/gates/test_licenses.py`).
 */
function parseDebianCopyrightNames(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^License:[ \t]*(\S.*?)\s*$/i.exec(line);
        if (!m)
            continue;
        if (m[1].toLowerCase() === 'none')
            continue;
        out.push(m[1]);
    }
    return dedupe(out);
}
function dedupe(values) {
    return [...new Set(values.filter((v) => v !== ''))];
}
/** `GPL-2+ or Artistic` → `GPL-2.0-or-later OR Artistic-1.0-Perl`; a name with no SPDX equivalent stays as written. */
function toSpdxExpression(value) {
    const parts = value.trim().split(/\s+(or|and)\s+/i);
    let out = '';
    for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 1)
            out += ` ${parts[i].toUpperCase()} `;
        else
            out += toSpdxId(parts[i].replace(/,$/, ''));
    }
    return out;
}
function toSpdxId(name) {
    const trimmed = name.trim();
    const withException = /^(.+?)\s+with\s+(.+?)\s+exception$/i.exec(trimmed);
    if (withException)
        return `${toSpdxId(withException[1])} WITH ${withException[2]}-exception`;
    return DEP5_TO_SPDX.get(trimmed.toLowerCase()) ?? trimmed;
}
const DEP5_TO_SPDX = new Map([
    ...gnu('gpl', 'GPL', ['1', '2', '3']),
    ...gnu('lgpl', 'LGPL', ['2', '2.1', '3']),
    ...gnu('agpl', 'AGPL', ['3']),
    ...gnu('gfdl', 'GFDL', ['1.1', '1.2', '1.3']),
    ['apache-2', 'Apache-2.0'],
    ['apache-2.0', 'Apache-2.0'],
    ['artistic', 'Artistic-1.0-Perl'],
    ['artistic-2.0', 'Artistic-2.0'],
    ['bsd-2-clause', 'BSD-2-Clause'],
    ['bsd-3-clause', 'BSD-3-Clause'],
    ['bsd-4-clause', 'BSD-4-Clause'],
    ['expat', 'MIT'],
    ['mit', 'MIT'],
    ['isc', 'ISC'],
    ['zlib', 'Zlib'],
    ['mpl-1.1', 'MPL-1.1'],
    ['mpl-2.0', 'MPL-2.0'],
    ['cc0-1.0', 'CC0-1.0'],
    ['psf-2', 'PSF-2.0'],
    ['python-2.0', 'Python-2.0'],
    ['openssl', 'OpenSSL'],
    ['curl', 'curl'],
    ['x11', 'X11'],
    ['unicode-dfs-2016', 'Unicode-DFS-2016'],
    ['bsl-1.0', 'BSL-1.0'],
]);
function gnu(prefix, spdx, versions) {
    const out = [];
    for (const v of versions) {
        const full = v.includes('.') ? v : `${v}.0`;
        out.push([`${prefix}-${v}`, `${spdx}-${full}-only`], [`${prefix}-${v}+`, `${spdx}-${full}-or-later`]);
        if (full !== v)
            out.push([`${prefix}-${full}`, `${spdx}-${full}-only`], [`${prefix}-${full}+`, `${spdx}-${full}-or-later`]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/parse.ts
/**
 * dpkg's status database (`/var/lib/dpkg/status`, and one file per package in distroless `status.d/`):
 * blank-line-separated stanzas of `Field: value` lines, continued by lines that start with a space or a tab.
 */

function parseDpkgStatus(text) {
    const records = [];
    const errors = [];
    let fields = new Map();
    let lastKey;
    let broken = false;
    let start = 1;
    const finish = () => {
        if (fields.size > 0 && !broken) {
            const record = toRecord(fields);
            if (record)
                records.push(record);
        }
        fields = new Map();
        lastKey = undefined;
        broken = false;
    };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.trim() === '') {
            finish();
            start = i + 2;
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (lastKey === undefined) {
                if (!broken)
                    errors.push(`line ${i + 1}: a continuation line with no field before it`);
                broken = true;
                continue;
            }
            fields.set(lastKey, `${fields.get(lastKey)}\n${line.slice(1)}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
            if (!broken)
                errors.push(`stanza at line ${start}: line ${i + 1} is not a "Field: value" line: ${JSON.stringify(line.slice(0, 60))}`);
            broken = true;
            continue;
        }
        lastKey = line.slice(0, colon).toLowerCase();
        fields.set(lastKey, line.slice(colon + 1).trim());
    }
    finish();
    return { records, errors };
}
function toRecord(f) {
    const name = f.get('package')?.trim();
    if (!name)
        return undefined; // an empty `Package:` stanza is skipped
    const r = {
        name,
        version: f.get('version')?.trim() ?? '',
        depends: splitRelations(f.get('depends')),
        preDepends: splitRelations(f.get('pre-depends')),
        provides: splitRelations(f.get('provides')),
        conffiles: (f.get('conffiles') ?? '')
            .split('\n')
            .map((l) => l.trim().split(/\s+/)[0] ?? '')
            .filter((p) => p.startsWith('/')),
    };
    const arch = f.get('architecture')?.trim();
    if (arch)
        r.arch = arch;
    const source = f.get('source')?.trim();
    if (source) {
        const m = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(source);
        if (m) {
            r.sourceName = m[1];
            if (m[2])
                r.sourceVersion = m[2].trim();
        }
    }
    const status = f.get('status');
    if (status !== undefined)
        r.status = status.trim();
    const maintainer = f.get('maintainer');
    if (maintainer)
        r.maintainer = maintainer;
    const size = parseInstalledSize(f.get('installed-size'));
    if (size !== undefined)
        r.installedSize = size;
    const multiArch = f.get('multi-arch');
    if (multiArch)
        r.multiArch = multiArch;
    const description = f.get('description');
    if (description)
        r.description = description;
    return r;
}
/** `Installed-Size` is KiB; a unit suffix (`4KB`, `4 KiB`, `2MB`) is accepted, an unknown unit is not. */
function parseInstalledSize(value) {
    if (!value)
        return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    const bytesPer = { '': 1024, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };
    const mult = bytesPer[unit];
    if (mult === undefined)
        return undefined;
    return Math.round((n * mult) / 1024);
}
/** `a (>= 1), b | c:any` → [`a (>= 1)`, `b | c:any`]: one entry per relation, alternatives kept together. */
function splitRelations(value) {
    if (!value)
        return [];
    return value
        .replace(/\n/g, ' ')
        .split(',')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
}
/** Installed means the Status' third word is `installed`; distroless `status.d` stanzas have no Status at all. */
function isInstalled(record) {
    if (record.status === undefined)
        return true;
    return record.status.split(/\s+/)[2] === 'installed';
}
/**
 * Resolves Depends and Pre-Depends to the installed packages that satisfy them, by name or through a Provides
 * virtual name. Every installed alternative of `a | b` counts. Returns, per package name, the names it depends on.
 */
function resolveDpkgDependencies(records) {
    const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(relationName));
    const out = new Map();
    for (const r of records) {
        const deps = new Set(out.get(r.name) ?? []);
        for (const relation of [...r.preDepends, ...r.depends]) {
            for (const alt of relation.split('|')) {
                for (const name of providers.get(relationName(alt)) ?? [])
                    if (name !== r.name)
                        deps.add(name);
            }
        }
        out.set(r.name, [...deps].sort());
    }
    return out;
}
function relationName(relation) {
    const name = relation.trim().split(/[\s(]/)[0] ?? '';
    const colon = name.indexOf(':');
    return colon >= 0 ? name.slice(0, colon) : name;
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/cataloger.ts






const DPKG_STATUS_PATH = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d';
const INFO = '/var/lib/dpkg/info';
const cataloger_ID = 'dpkg/status';
/** Files in `status.d/` beside the per-package stanzas that are not databases. */
const NOT_A_STATUS_FILE = /\.(md5sums|conffiles|list|preinst|postinst|prerm|postrm|config|templates|triggers|shlibs|symbols)$/;
const dpkgCataloger = {
    id: cataloger_ID,
    version: 0,
    description: 'Debian and Ubuntu packages from the dpkg status database (and distroless status.d)',
    tags: ['image', 'directory', 'installed', 'os', 'dpkg', 'deb'],
    requests: [
        // The databases in every layer's version: the layer that introduced each package is found by comparing them.
        { id: cataloger_ID, paths: [DPKG_STATUS_PATH], globs: [`${STATUS_D}/*`], everyLayer: true, database: true },
        { id: cataloger_ID, globs: [`${INFO}/*.list`, `${INFO}/*.md5sums`, `${INFO}/*.conffiles`] },
        { id: cataloger_ID, globs: ['/usr/share/doc/*/copyright'], maxBytes: 1024 * 1024 },
    ],
    catalog(ctx) {
        return Promise.resolve(catalogDpkg(ctx));
    },
};
function catalogDpkg(ctx) {
    const { view } = ctx;
    const packages = [];
    const unknowns = [];
    const isStatusD = (path) => path.startsWith(`${STATUS_D}/`) && !path.slice(STATUS_D.length + 1).includes('/') && !NOT_A_STATUS_FILE.test(path);
    const databases = [DPKG_STATUS_PATH, ...view.glob(`${STATUS_D}/*`).filter((e) => e.type !== 'dir' && isStatusD(e.path)).map((e) => e.path)];
    for (const dbPath of databases) {
        const { text, reason } = readIfPresent(view, dbPath);
        if (text === undefined) {
            if (reason)
                unknowns.push(dbUnknown(view, cataloger_ID, dbPath, reason, 'deb'));
            continue;
        }
        const parsed = parseDpkgStatus(text);
        if (parsed.errors.length > 0) {
            const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
            unknowns.push(dbUnknown(view, cataloger_ID, dbPath, `malformed dpkg status file: ${parsed.errors[0]}${more}`, 'deb'));
        }
        const installed = parsed.records.filter(isInstalled);
        const deps = resolveDpkgDependencies(installed);
        const location = dbLocation(view, dbPath);
        const distroless = dbPath !== DPKG_STATUS_PATH;
        for (const r of installed) {
            packages.push(cataloger_toPackage(view, r, ctx.distro, dbPath, location, deps.get(r.name) ?? [], distroless, unknowns));
        }
    }
    // Every database that existed in some layer: a package may move from one to another (status.d rewritten).
    const history = [DPKG_STATUS_PATH, ...view.versionedPaths().filter(isStatusD)];
    const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
        const keys = [];
        for (const path of history) {
            const r = snapshot.read(path);
            if (r === undefined)
                continue;
            if (!r.ok)
                return { reason: r.reason };
            for (const rec of parseDpkgStatus(r.data.toString('utf8')).records)
                if (isInstalled(rec))
                    keys.push(dpkgKey(rec));
        }
        return { keys };
    });
    unknowns.push(...gapUnknowns(cataloger_ID, DPKG_STATUS_PATH, gaps, origins));
    return { packages: packages.map((p) => withOrigin(p, origins.get(dpkgKey({ name: p.name, version: p.version, arch: p.arch })))), unknowns };
}
function dpkgKey(r) {
    return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}
function debPurl(r, distro) {
    const upstream = r.sourceName ? (r.sourceVersion ? `${r.sourceName}@${r.sourceVersion}` : r.sourceName) : undefined;
    return (0,purl/* purl */.EV)({
        type: 'deb',
        namespace: distro?.id ? distro.id : undefined,
        name: r.name,
        version: r.version,
        qualifiers: { arch: r.arch, distro: (0,detect/* distroQualifier */.sE)(distro), upstream },
    });
}
function cataloger_toPackage(view, r, distro, dbPath, location, dependsOn, distroless, unknowns) {
    const copyrightPath = `/usr/share/doc/${r.name}/copyright`;
    const copyright = readIfPresent(view, copyrightPath);
    if (copyright.reason)
        unknowns.push(dbUnknown(view, cataloger_ID, copyrightPath, copyright.reason));
    const declared = copyright.text === undefined ? [] : parseDebianCopyrightNames(copyright.text);
    const licenses = copyright.text === undefined ? [] : parseDebianCopyright(copyright.text);
    const files = ownedFiles(view, r, distroless);
    return {
        id: osPackageId('deb', r.name, r.version, dbPath),
        type: 'deb',
        name: r.name,
        version: r.version,
        purl: debPurl(r, distro),
        licenses,
        ...(declared.length > 0 ? { declaredLicenses: declared } : {}),
        // The database first; then the package's own file list, whose layer is the one that installed the package.
        locations: files.from[0] ? [location, dbLocation(view, files.from[0])] : [location],
        foundBy: cataloger_ID,
        source: { name: r.sourceName ?? r.name, version: r.sourceVersion ?? r.version },
        ...(r.arch ? { arch: r.arch } : {}),
        metadata: {
            ...(r.sourceName !== undefined ? { sourceName: r.sourceName } : {}),
            ...(r.sourceVersion !== undefined ? { sourceVersion: r.sourceVersion } : {}),
            ...(r.status !== undefined ? { status: r.status } : {}),
            ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
            ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
            ...(r.multiArch !== undefined ? { multiArch: r.multiArch } : {}),
            depends: r.depends,
            preDepends: r.preDepends,
            provides: r.provides,
            dependsOn,
            ...(copyright.text !== undefined ? { copyrightPath } : {}),
            filesFrom: files.from,
            files: files.paths,
        },
    };
}
/**
 * Owned files: `info/<pkg>[:arch].list` (without its directories), or, where there is no list (distroless, some
 * minimal images), the `md5sums` and `conffiles` entries.
 */
function ownedFiles(view, r, distroless) {
    const bases = distroless ? [`${STATUS_D}/${r.name}`] : [...(r.arch ? [`${INFO}/${r.name}:${r.arch}`] : []), `${INFO}/${r.name}`];
    for (const base of bases) {
        const list = view.readText(`${base}.list`);
        if (list === undefined)
            continue;
        // Directories are listed too: drop those that hold other listed paths, or that are directories in the image.
        const listed = list
            .split('\n')
            .map((l) => l.trim())
            .filter((p) => p !== '' && p !== '/.' && p !== '/')
            .sort();
        const paths = listed.filter((p, i) => !listed[i + 1]?.startsWith(`${p}/`) && view.get(p)?.type !== 'dir');
        return { paths, from: [`${base}.list`] };
    }
    const paths = new Set();
    const from = [];
    for (const base of bases) {
        const md5 = view.readText(`${base}.md5sums`);
        if (md5 === undefined)
            continue;
        from.push(`${base}.md5sums`);
        for (const line of md5.split('\n')) {
            const m = /^[0-9a-fA-F]+\s+(.+)$/.exec(line.trim());
            if (m)
                paths.add(absolutePath(m[1]));
        }
        break;
    }
    for (const base of bases) {
        const conf = view.readText(`${base}.conffiles`);
        if (conf === undefined)
            continue;
        from.push(`${base}.conffiles`);
        for (const line of conf.split('\n'))
            if (line.trim().startsWith('/'))
                paths.add(line.trim());
        break;
    }
    for (const c of r.conffiles)
        paths.add(c);
    return { paths: [...paths].sort(), from };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/bdb.ts
/**
 * Reads the values of a Berkeley DB hash database (rpm ≤ 4.15's `/var/lib/rpm/Packages`): every value on the
 * hash pages, whether stored on the page (H_KEYDATA) or on a chain of overflow pages (H_OFFPAGE). Read-only,
 * in memory, both byte orders.
 */
const HASH_MAGIC = 0x061561;
const P_HASH = 13;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
const PAGE_HEADER = 26;
class BdbError extends Error {
    name = 'BdbError';
}
function isBerkeleyHash(data) {
    return data.length >= 512 && (data.readUInt32LE(12) === HASH_MAGIC || data.readUInt32BE(12) === HASH_MAGIC);
}
function readBdbHashValues(data) {
    if (!isBerkeleyHash(data))
        throw new BdbError('not a Berkeley DB hash database (bad magic)');
    const le = data.readUInt32LE(12) === HASH_MAGIC;
    const u32 = (at) => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
    const u16 = (at) => (le ? data.readUInt16LE(at) : data.readUInt16BE(at));
    const pageSize = u32(20);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
        throw new BdbError(`bad page size ${pageSize}`);
    const lastPage = u32(32);
    const pages = Math.min(lastPage + 1, Math.floor(data.length / pageSize));
    if (pages < lastPage + 1)
        throw new BdbError(`truncated: the metadata page says ${lastPage + 1} pages, the file holds ${pages}`);
    const overflow = (first, total) => {
        const out = Buffer.allocUnsafe(total);
        let filled = 0;
        let pgno = first;
        let hops = 0;
        while (filled < total) {
            if (pgno === 0 || pgno >= pages || ++hops > pages)
                throw new BdbError(`broken overflow chain at page ${pgno}`);
            const base = pgno * pageSize;
            if (data[base + 25] !== P_OVERFLOW)
                throw new BdbError(`page ${pgno} is not an overflow page`);
            const len = u16(base + 22); // hf_offset holds the byte count on overflow pages
            const take = Math.min(len, total - filled, pageSize - PAGE_HEADER);
            data.copy(out, filled, base + PAGE_HEADER, base + PAGE_HEADER + take);
            filled += take;
            pgno = u32(base + 16);
            if (take === 0)
                throw new BdbError(`empty overflow page ${pgno}`);
        }
        return out;
    };
    const values = [];
    for (let pgno = 1; pgno < pages; pgno++) {
        const base = pgno * pageSize;
        const type = data[base + 25];
        if (type !== P_HASH && type !== P_HASH_UNSORTED)
            continue;
        const entries = u16(base + 20);
        if (PAGE_HEADER + entries * 2 > pageSize)
            throw new BdbError(`page ${pgno} claims ${entries} entries`);
        // Entries alternate key, value; each index slot is an offset within the page, items packed from the end.
        for (let i = 1; i < entries; i += 2) {
            const offset = u16(base + PAGE_HEADER + i * 2);
            const prev = u16(base + PAGE_HEADER + (i - 1) * 2);
            if (offset >= pageSize)
                throw new BdbError(`page ${pgno}: item offset ${offset} is past the page`);
            const itemType = data[base + offset];
            if (itemType === H_OFFPAGE) {
                const first = u32(base + offset + 4);
                const total = u32(base + offset + 8);
                values.push(overflow(first, total));
            }
            else if (itemType === H_KEYDATA) {
                const end = Math.min(prev, pageSize);
                if (end <= offset)
                    throw new BdbError(`page ${pgno}: bad item bounds`);
                values.push(Buffer.from(data.subarray(base + offset + 1, base + end)));
            }
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/header.ts
/**
 * An RPM header blob as the package databases store it (no lead, no magic): `il` and `dl` (big-endian int32),
 * `il` index entries of 16 bytes (tag, type, offset, count), then `dl` bytes of data.
 */
const TAG = {
    NAME: 1000,
    VERSION: 1001,
    RELEASE: 1002,
    EPOCH: 1003,
    SUMMARY: 1004,
    SIZE: 1009,
    VENDOR: 1011,
    LICENSE: 1014,
    ARCH: 1022,
    OLDFILENAMES: 1027,
    FILEMODES: 1030,
    SOURCERPM: 1044,
    DIRINDEXES: 1116,
    BASENAMES: 1117,
    DIRNAMES: 1118,
    LONGSIZE: 5009,
    MODULARITYLABEL: 5096,
    SIGMD5: 261,
};
const TYPE = { CHAR: 1, INT8: 2, INT16: 3, INT32: 4, INT64: 5, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 };
class RpmHeaderError extends Error {
    name = 'RpmHeaderError';
}
class RpmHeader {
    #entries = new Map();
    #data;
    constructor(blob) {
        if (blob.length < 8)
            throw new RpmHeaderError(`header blob of ${blob.length} bytes is too short`);
        const il = blob.readUInt32BE(0);
        const dl = blob.readUInt32BE(4);
        const dataStart = 8 + il * 16;
        if (il === 0 || il > 0xffff || dataStart + dl > blob.length) {
            throw new RpmHeaderError(`header blob claims ${il} entries and ${dl} data bytes, but has ${blob.length} bytes`);
        }
        this.#data = blob.subarray(dataStart, dataStart + dl);
        for (let i = 0; i < il; i++) {
            const at = 8 + i * 16;
            const tag = blob.readUInt32BE(at);
            const type = blob.readUInt32BE(at + 4);
            const offset = blob.readInt32BE(at + 8);
            const count = blob.readUInt32BE(at + 12);
            if (offset < 0 || offset > dl)
                throw new RpmHeaderError(`tag ${tag}: data offset ${offset} is outside the ${dl}-byte data store`);
            this.#entries.set(tag, { type, offset, count });
        }
    }
    has(tag) {
        return this.#entries.has(tag);
    }
    string(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return undefined;
        if (e.type === TYPE.STRING || e.type === TYPE.I18NSTRING || e.type === TYPE.STRING_ARRAY)
            return this.#strings(e, 1)[0];
        return undefined;
    }
    strings(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return [];
        if (e.type !== TYPE.STRING_ARRAY && e.type !== TYPE.STRING && e.type !== TYPE.I18NSTRING)
            return [];
        return this.#strings(e, e.type === TYPE.STRING ? 1 : e.count);
    }
    numbers(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return [];
        const size = e.type === TYPE.INT8 || e.type === TYPE.CHAR ? 1 : e.type === TYPE.INT16 ? 2 : e.type === TYPE.INT32 ? 4 : e.type === TYPE.INT64 ? 8 : 0;
        if (size === 0)
            return [];
        if (e.offset + size * e.count > this.#data.length)
            throw new RpmHeaderError(`tag ${tag}: ${e.count} values overrun the data store`);
        const out = [];
        for (let i = 0; i < e.count; i++) {
            const at = e.offset + i * size;
            out.push(size === 1 ? this.#data.readUInt8(at) : size === 2 ? this.#data.readUInt16BE(at) : size === 4 ? this.#data.readUInt32BE(at) : Number(this.#data.readBigUInt64BE(at)));
        }
        return out;
    }
    number(tag) {
        return this.numbers(tag)[0];
    }
    hex(tag) {
        const e = this.#entries.get(tag);
        if (!e || e.type !== TYPE.BIN)
            return undefined;
        if (e.offset + e.count > this.#data.length)
            throw new RpmHeaderError(`tag ${tag}: binary value overruns the data store`);
        return this.#data.subarray(e.offset, e.offset + e.count).toString('hex');
    }
    #strings(e, count) {
        const out = [];
        let at = e.offset;
        for (let i = 0; i < count; i++) {
            const end = this.#data.indexOf(0, at);
            if (end < 0)
                throw new RpmHeaderError('unterminated string in the header data store');
            out.push(this.#data.toString('utf8', at, end));
            at = end + 1;
        }
        return out;
    }
}
/** The fields Portcullis keeps from one header. Throws RpmHeaderError on a malformed blob. */
function readRpmPackage(blob) {
    const h = new RpmHeader(blob);
    const name = h.string(TAG.NAME);
    if (!name)
        throw new RpmHeaderError('header has no name');
    const info = { name, version: h.string(TAG.VERSION) ?? '', release: h.string(TAG.RELEASE) ?? '', files: fileNames(h) };
    const epoch = h.number(TAG.EPOCH);
    if (epoch !== undefined)
        info.epoch = epoch;
    const set = (key, value) => {
        if (value !== undefined && value !== '' && value !== '(none)')
            info[key] = value;
    };
    set('arch', h.string(TAG.ARCH));
    set('sourceRpm', h.string(TAG.SOURCERPM));
    set('license', h.string(TAG.LICENSE));
    set('vendor', h.string(TAG.VENDOR));
    set('summary', h.string(TAG.SUMMARY));
    set('size', h.number(TAG.LONGSIZE) ?? h.number(TAG.SIZE));
    set('modularityLabel', h.string(TAG.MODULARITYLABEL));
    set('sigMd5', h.hex(TAG.SIGMD5));
    return info;
}
function fileNames(h) {
    const basenames = h.strings(TAG.BASENAMES);
    if (basenames.length === 0)
        return h.strings(TAG.OLDFILENAMES);
    const dirnames = h.strings(TAG.DIRNAMES);
    const indexes = h.numbers(TAG.DIRINDEXES);
    const modes = h.numbers(TAG.FILEMODES);
    const out = [];
    basenames.forEach((b, i) => {
        // Directories are owned too, but only files say which package a language package's files belong to.
        if (((modes[i] ?? 0) & 0o170000) === 0o040000)
            return;
        out.push(`${dirnames[indexes[i] ?? -1] ?? ''}${b}`);
    });
    return out;
}
/** `[epoch:]version-release`, the form rpm prints and matching compares. */
function rpmVersionString(p) {
    const vr = p.release ? `${p.version}-${p.release}` : p.version;
    return p.epoch !== undefined ? `${p.epoch}:${vr}` : vr;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/ndb.ts
/**
 * Reads the header blobs of rpm's native `ndb` package database (`Packages.db`, SUSE): a 32-byte header
 * (`RpmP`, version, generation, slot page count, …), then 16-byte slots (`Slot`, package index, block offset,
 * block count), each pointing at a blob (`BlbS`, package index, checksum, length, then the header). Little-endian;
 * blocks are 16 bytes, slot pages 4096 bytes.
 */
class NdbError extends Error {
    name = 'NdbError';
}
const HEADER_MAGIC = 0x506d7052; // 'RpmP'
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const PAGE = 4096;
const BLOCK = 16;
function isNdb(data) {
    return data.length >= 32 && data.readUInt32LE(0) === HEADER_MAGIC;
}
function readNdbBlobs(data) {
    if (!isNdb(data))
        throw new NdbError('not an rpm ndb database (bad magic)');
    const version = data.readUInt32LE(4);
    if (version !== 0)
        throw new NdbError(`unsupported ndb version ${version}`);
    const slotPages = data.readUInt32LE(12);
    if (slotPages === 0 || slotPages * PAGE > data.length)
        throw new NdbError(`bad slot page count ${slotPages}`);
    const blobs = [];
    const errors = [];
    const slots = (slotPages * PAGE) / 16 - 2;
    for (let i = 0; i < slots; i++) {
        const at = 32 + i * 16;
        if (data.readUInt32LE(at) !== SLOT_MAGIC) {
            errors.push(`slot ${i} has a bad magic`);
            continue;
        }
        const pkgIndex = data.readUInt32LE(at + 4);
        if (pkgIndex === 0)
            continue; // a free slot
        const offset = data.readUInt32LE(at + 8) * BLOCK;
        if (offset + 16 > data.length) {
            errors.push(`slot ${i}: blob offset ${offset} is past the end`);
            continue;
        }
        if (data.readUInt32LE(offset) !== BLOB_MAGIC || data.readUInt32LE(offset + 4) !== pkgIndex) {
            errors.push(`slot ${i}: no blob for package ${pkgIndex} at offset ${offset}`);
            continue;
        }
        const len = data.readUInt32LE(offset + 12);
        if (offset + 16 + len > data.length) {
            errors.push(`slot ${i}: blob of ${len} bytes is truncated`);
            continue;
        }
        blobs.push(data.subarray(offset + 16, offset + 16 + len));
    }
    return { blobs, errors };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/sqlite.ts
/**
 * A minimal read-only SQLite reader: enough to walk a table b-tree (rpm ≥ 4.16's `rpmdb.sqlite`, table
 * `Packages(hnum INTEGER PRIMARY KEY, blob BLOB)`). It reads the database file only; a `-wal` file's
 * uncheckpointed pages are not applied.
 */
class SqliteError extends Error {
    name = 'SqliteError';
}
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
function isSqlite(data) {
    return data.length >= 100 && data.subarray(0, 16).equals(MAGIC);
}
class SqliteFile {
    data;
    pageSize;
    #usable;
    #pages;
    constructor(data) {
        this.data = data;
        if (!isSqlite(data))
            throw new SqliteError('not an SQLite 3 database (bad header)');
        const raw = data.readUInt16BE(16);
        this.pageSize = raw === 1 ? 65536 : raw;
        if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
            throw new SqliteError(`bad page size ${raw}`);
        this.#usable = this.pageSize - data[20];
        // The file format requires at least 480 usable bytes a page (https://www.sqlite.org/fileformat.html, 1.3.4).
        if (this.#usable < 480)
            throw new SqliteError(`bad reserved space ${data[20]} for page size ${this.pageSize}`);
        this.#pages = Math.floor(data.length / this.pageSize);
        if (data.readUInt32BE(56) > 1)
            throw new SqliteError('only UTF-8 databases are read');
    }
    /** The root page of a table, from sqlite_schema. */
    tableRoot(name) {
        for (const { values } of this.rows(1)) {
            if (values[0] === 'table' && typeof values[1] === 'string' && values[1].toLowerCase() === name.toLowerCase()) {
                const root = values[3];
                return typeof root === 'number' ? root : typeof root === 'bigint' ? Number(root) : undefined;
            }
        }
        return undefined;
    }
    /** Every row of the table b-tree rooted at `root`, in rowid order. */
    *rows(root) {
        const stack = [root];
        const seen = new Set();
        while (stack.length > 0) {
            const pgno = stack.pop();
            if (seen.has(pgno))
                throw new SqliteError(`b-tree loop at page ${pgno}`);
            seen.add(pgno);
            const page = this.#page(pgno);
            const h = pgno === 1 ? 100 : 0;
            const type = page[h];
            const cells = page.readUInt16BE(h + 3);
            const cellArray = h + (type === 0x05 ? 12 : 8);
            if (cellArray + cells * 2 > page.length)
                throw new SqliteError(`corrupt sqlite page ${pgno}: ${cells} cell pointers do not fit in the ${page.length}-byte page`);
            if (type === 0x05) {
                const children = [];
                for (let i = 0; i < cells; i++)
                    children.push(u32(page, pgno, u16(page, pgno, h + 12 + i * 2, `cell pointer ${i}`), `cell ${i}`));
                children.push(page.readUInt32BE(h + 8));
                for (let i = children.length - 1; i >= 0; i--)
                    stack.push(children[i]);
            }
            else if (type === 0x0d) {
                for (let i = 0; i < cells; i++) {
                    let at = u16(page, pgno, h + 8 + i * 2, `cell pointer ${i}`);
                    const [payloadSize, n1] = cellVarint(page, pgno, at, i);
                    at += n1;
                    const [rowid, n2] = cellVarint(page, pgno, at, i);
                    at += n2;
                    yield { rowid: Number(rowid), values: decodeRecord(this.#payload(page, pgno, at, payloadSize)) };
                }
            }
            else {
                throw new SqliteError(`page ${pgno} is not a table b-tree page (type ${type})`);
            }
        }
    }
    #page(pgno) {
        if (pgno < 1 || pgno > this.#pages)
            throw new SqliteError(`page ${pgno} is outside the ${this.#pages}-page file`);
        return this.data.subarray((pgno - 1) * this.pageSize, pgno * this.pageSize);
    }
    #payload(page, pgno, at, rawSize) {
        // A payload cannot be larger than the file that holds it: a bigger size is corruption, not an allocation.
        if (rawSize > BigInt(this.data.length))
            throw new SqliteError(`corrupt sqlite page ${pgno}: payload size ${rawSize} exceeds the file`);
        const size = Number(rawSize);
        const u = this.#usable;
        const x = u - 35;
        if (size <= x) {
            if (at + size > page.length)
                throw new SqliteError(`corrupt sqlite page ${pgno}: payload at offset ${at} runs past the page`);
            return page.subarray(at, at + size);
        }
        const m = Math.floor(((u - 12) * 32) / 255) - 23;
        const k = m + ((size - m) % (u - 4));
        const local = k <= x ? k : m;
        const next0 = u32(page, pgno, at + local, 'overflow page number');
        const out = Buffer.allocUnsafe(size);
        page.copy(out, 0, at, at + local);
        let filled = local;
        let next = next0;
        let hops = 0;
        while (filled < size) {
            if (next === 0 || ++hops > this.#pages)
                throw new SqliteError('broken overflow chain');
            const ov = this.#page(next);
            const take = Math.min(u - 4, size - filled);
            ov.copy(out, filled, 4, 4 + take);
            filled += take;
            next = ov.readUInt32BE(0);
        }
        return out;
    }
}
/** A big-endian 16-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u16(page, pgno, at, what) {
    if (at + 2 > page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
    return page.readUInt16BE(at);
}
/** A big-endian 32-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u32(page, pgno, at, what) {
    if (at + 4 > page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
    return page.readUInt32BE(at);
}
function cellVarint(page, pgno, at, cell) {
    if (at >= page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: cell ${cell} at offset ${at} is past the ${page.length}-byte page`);
    return varint(page, at);
}
function varint(buf, at) {
    let value = 0n;
    for (let i = 0; i < 9; i++) {
        const byte = buf[at + i];
        if (byte === undefined)
            throw new SqliteError('truncated varint');
        if (i === 8)
            return [(value << 8n) | BigInt(byte), 9];
        value = (value << 7n) | BigInt(byte & 0x7f);
        if ((byte & 0x80) === 0)
            return [value, i + 1];
    }
    return [value, 9];
}
function decodeRecord(payload) {
    const [headerSize, n] = varint(payload, 0);
    const types = [];
    let at = n;
    while (at < Number(headerSize)) {
        const [t, m] = varint(payload, at);
        types.push(Number(t));
        at += m;
    }
    const values = [];
    let body = Number(headerSize);
    for (const t of types) {
        if (t === 0)
            values.push(null);
        else if (t >= 1 && t <= 6) {
            const len = [0, 1, 2, 3, 4, 6, 8][t];
            if (body + len > payload.length)
                throw new SqliteError('record overruns its payload');
            values.push(len <= 6 ? payload.readIntBE(body, len) : payload.readBigInt64BE(body));
            body += len;
        }
        else if (t === 7) {
            if (body + 8 > payload.length)
                throw new SqliteError('record overruns its payload');
            values.push(payload.readDoubleBE(body));
            body += 8;
        }
        else if (t === 8 || t === 9)
            values.push(t - 8);
        else if (t >= 12) {
            const len = Math.floor((t - 12) / 2);
            if (body + len > payload.length)
                throw new SqliteError('record overruns its payload');
            const bytes = payload.subarray(body, body + len);
            values.push(t % 2 === 0 ? bytes : bytes.toString('utf8'));
            body += len;
        }
        else
            throw new SqliteError(`reserved serial type ${t}`);
    }
    return values;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/cataloger.ts








const rpm_cataloger_ID = 'rpm/db';
const DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm', '/usr/share/rpm'];
/** In one directory, the newest format wins: rpm reads only one, and a migration may leave the old one behind. */
const FILES = ['rpmdb.sqlite', 'Packages.db', 'Packages'];
const RPM_DB_PATHS = DIRS.flatMap((d) => FILES.map((f) => `${d}/${f}`));
const rpmCataloger = {
    id: rpm_cataloger_ID,
    version: 0,
    description: 'RPM packages from the rpm database: BerkeleyDB Packages, rpmdb.sqlite and ndb Packages.db',
    tags: ['image', 'directory', 'installed', 'os', 'rpm'],
    // Every layer's version of the databases: the layer that introduced each package is found by comparing them.
    requests: [{ id: rpm_cataloger_ID, paths: RPM_DB_PATHS, everyLayer: true, database: true }],
    catalog(ctx) {
        return Promise.resolve(catalogRpm(ctx));
    },
};
function catalogRpm(ctx) {
    const { view } = ctx;
    const packages = [];
    const unknowns = [];
    const readDirs = new Set();
    const seen = new Set();
    const keyOf = new Map();
    for (const dir of DIRS) {
        const realDir = view.resolve(dir, { follow: true });
        if (realDir === undefined || readDirs.has(realDir))
            continue;
        for (const file of FILES) {
            const path = `${dir}/${file}`;
            if (!view.get(path, { follow: true }))
                continue;
            readDirs.add(realDir);
            const read = view.read(path);
            if (!read.ok) {
                unknowns.push(dbUnknown(view, rpm_cataloger_ID, path, read.reason, 'rpm'));
                break;
            }
            const { infos, errors } = readDatabase(read.data);
            if (errors.length > 0) {
                const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
                unknowns.push(dbUnknown(view, rpm_cataloger_ID, path, `${errors[0]}${more}`, 'rpm'));
            }
            const location = dbLocation(view, path);
            for (const info of infos) {
                const key = rpmKey(info);
                if (seen.has(key))
                    continue;
                seen.add(key);
                packages.push(rpmPackage(info, ctx.distro, path, location));
                keyOf.set(packages[packages.length - 1], key);
            }
            break;
        }
    }
    // Each layer's databases, read with the same rules (per real directory, the newest format that exists then).
    const dirs = [...new Set(DIRS.map((d) => view.resolve(d, { follow: true }) ?? d))];
    const history = dirs.flatMap((d) => FILES.map((f) => `${d}/${f}`));
    const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
        const keys = [];
        for (const dir of dirs) {
            for (const file of FILES) {
                const r = snapshot.read(`${dir}/${file}`);
                if (r === undefined)
                    continue;
                if (!r.ok)
                    return { reason: r.reason };
                for (const info of readDatabase(r.data).infos)
                    keys.push(rpmKey(info));
                break;
            }
        }
        return { keys };
    });
    const rpmdb = packages[0]?.locations[0]?.path ?? RPM_DB_PATHS[0];
    unknowns.push(...gapUnknowns(rpm_cataloger_ID, rpmdb, gaps, origins));
    return { packages: packages.map((p) => withOrigin(p, origins.get(keyOf.get(p)))), unknowns };
}
function rpmKey(info) {
    return `${info.name}\0${rpmVersionString(info)}\0${info.arch ?? ''}`;
}
/** Reads every package of a database file, whatever its format. Problems are returned, never thrown. */
function readDatabase(data) {
    const errors = [];
    let blobs;
    try {
        if (isSqlite(data)) {
            const db = new SqliteFile(data);
            const root = db.tableRoot('Packages');
            if (root === undefined)
                return { infos: [], errors: ['rpmdb.sqlite has no Packages table'] };
            blobs = [];
            for (const row of db.rows(root)) {
                const blob = row.values[1];
                if (Buffer.isBuffer(blob))
                    blobs.push(blob);
                else
                    errors.push(`Packages row ${row.rowid} has no header blob`);
            }
        }
        else if (isNdb(data)) {
            const r = readNdbBlobs(data);
            blobs = r.blobs;
            errors.push(...r.errors);
        }
        else if (isBerkeleyHash(data)) {
            // Key 0 holds a 4-byte record counter, not a header.
            blobs = readBdbHashValues(data).filter((b) => b.length > 8);
        }
        else {
            return { infos: [], errors: ['not an rpm database: neither BerkeleyDB hash, SQLite nor ndb'] };
        }
    }
    catch (e) {
        return { infos: [], errors: [`unreadable rpm database: ${e.message}`] };
    }
    const infos = [];
    for (const blob of blobs) {
        try {
            const info = readRpmPackage(blob);
            if (info.name === 'gpg-pubkey')
                continue; // imported signing keys, not packages
            infos.push(info);
        }
        catch (e) {
            errors.push(`bad package header: ${e.message}`);
        }
    }
    return { infos, errors };
}
/** `util-linux-2.32.1-42.el8_8.src.rpm` → util-linux, 2.32.1-42.el8_8. */
function parseSourceRpm(sourceRpm) {
    const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
    return m ? { name: m[1], version: `${m[2]}-${m[3]}` } : undefined;
}
function rpmPurl(info, distro) {
    return (0,purl/* purl */.EV)({
        type: 'rpm',
        namespace: distro?.id ? distro.id : undefined,
        name: info.name,
        version: info.release ? `${info.version}-${info.release}` : info.version,
        qualifiers: {
            arch: info.arch,
            distro: (0,detect/* distroQualifier */.sE)(distro),
            epoch: info.epoch !== undefined ? String(info.epoch) : undefined,
            upstream: info.sourceRpm,
        },
    });
}
/** One rpm header's package: shared by the database cataloger and the distroless manifest cataloger. */
function rpmPackage(info, distro, dbPath, location, foundBy = rpm_cataloger_ID) {
    const version = rpmVersionString(info);
    const source = info.sourceRpm ? parseSourceRpm(info.sourceRpm) : undefined;
    return {
        id: osPackageId('rpm', info.name, version, dbPath),
        type: 'rpm',
        name: info.name,
        version,
        purl: rpmPurl(info, distro),
        licenses: info.license ? [info.license] : [],
        locations: [location],
        foundBy,
        ...(source ? { source } : {}),
        ...(info.arch ? { arch: info.arch } : {}),
        metadata: {
            ...(info.epoch !== undefined ? { epoch: info.epoch } : {}),
            version: info.version,
            release: info.release,
            ...(info.sourceRpm !== undefined ? { sourceRpm: info.sourceRpm } : {}),
            ...(info.license !== undefined ? { license: info.license } : {}),
            ...(info.vendor !== undefined ? { vendor: info.vendor } : {}),
            ...(info.modularityLabel !== undefined ? { modularityLabel: info.modularityLabel } : {}),
            ...(info.size !== undefined ? { size: info.size } : {}),
            ...(info.sigMd5 !== undefined ? { sigMd5: info.sigMd5 } : {}),
            files: info.files,
        },
    };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/manifest.ts


const RPM_MANIFEST_PATH = '/var/lib/rpmmanifest/container-manifest-2';
const manifest_ID = 'rpm/manifest';
/**
 * CBL-Mariner distroless images have no rpm database, only a text manifest: one package a line, tab-separated
 * name, version-release, install time, build time, vendor, epoch or `(none)`, size, arch, 0, source rpm.
 */
function parseRpmManifest(text) {
    const infos = [];
    const errors = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '')
            return;
        const f = line.split('\t');
        if (f.length < 10) {
            errors.push(`line ${i + 1} has ${f.length} fields, not 10`);
            return;
        }
        const vr = f[1];
        const dash = vr.lastIndexOf('-');
        if (dash <= 0 || dash === vr.length - 1) {
            errors.push(`line ${i + 1}: version "${vr}" has no release`);
            return;
        }
        const info = { name: f[0], version: vr.slice(0, dash), release: vr.slice(dash + 1), files: [] };
        if (/^\d+$/.test(f[5]))
            info.epoch = Number(f[5]); // "(none)" and unparsable epochs mean no epoch
        if (f[4])
            info.vendor = f[4];
        if (/^\d+$/.test(f[6]))
            info.size = Number(f[6]);
        if (f[7])
            info.arch = f[7];
        if (f[9] && f[9] !== '(none)')
            info.sourceRpm = f[9];
        infos.push(info);
    });
    return { infos, errors };
}
const rpmManifestCataloger = {
    id: manifest_ID,
    version: 0,
    description: 'RPM packages from the CBL-Mariner distroless manifest, when the image has no rpm database',
    tags: ['image', 'directory', 'installed', 'os', 'rpm'],
    requests: [{ id: manifest_ID, paths: [RPM_MANIFEST_PATH], database: true }],
    catalog(ctx) {
        const { view } = ctx;
        if (RPM_DB_PATHS.some((p) => view.get(p, { follow: true })))
            return Promise.resolve({ packages: [], unknowns: [] });
        const { text, reason } = readIfPresent(view, RPM_MANIFEST_PATH);
        const unknowns = [];
        if (text === undefined)
            return Promise.resolve({ packages: [], unknowns: reason ? [dbUnknown(view, manifest_ID, RPM_MANIFEST_PATH, reason, 'rpm')] : [] });
        const { infos, errors } = parseRpmManifest(text);
        if (errors.length > 0)
            unknowns.push(dbUnknown(view, manifest_ID, RPM_MANIFEST_PATH, `malformed rpm manifest: ${errors[0]}`, 'rpm'));
        const location = dbLocation(view, RPM_MANIFEST_PATH);
        const packages = infos.map((info) => rpmPackage(info, ctx.distro, RPM_MANIFEST_PATH, location, manifest_ID));
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/image/paths.ts
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

;// CONCATENATED MODULE: ./src/catalog/npm/language-package.ts
/** A Package located at `path`, with its provenance taken from the view when the view knows the path. */
function languagePackage(view, input) {
    const provenance = view?.get(input.path)?.provenance;
    const pkg = {
        id: `${input.type}:${input.name}@${input.version}:${input.path}`,
        type: input.type,
        name: input.name,
        version: input.version,
        purl: input.purl,
        licenses: language_package_dedupe((input.licenses ?? []).map(toSpdx).filter((l) => l !== '')),
        locations: [{ path: input.path, ...(provenance ? { provenance } : {}) }],
        foundBy: input.foundBy,
    };
    if (input.metadata && Object.keys(input.metadata).length > 0)
        pkg.metadata = input.metadata;
    return pkg;
}
/** `packageDatabase`: the file lists packages of that type, which are missing from the catalog (a catalog gap). */
function catalogUnknown(view, foundBy, path, reason, packageDatabase) {
    const layerDigest = view?.get(path)?.provenance.layerDigest;
    return { stage: `catalog/${foundBy}`, reason, path, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
function language_package_dedupe(items) {
    return [...new Set(items)];
}
/** Common licence names (lower-cased, punctuation-trimmed) and their SPDX ids. */
const SPDX_ALIASES = {
    'apache 2.0': 'Apache-2.0',
    'apache 2': 'Apache-2.0',
    'apache-2': 'Apache-2.0',
    'apache license 2.0': 'Apache-2.0',
    'apache license, version 2.0': 'Apache-2.0',
    'apache license version 2.0': 'Apache-2.0',
    'the apache software license, version 2.0': 'Apache-2.0',
    'the apache license, version 2.0': 'Apache-2.0',
    'apache-2.0 license': 'Apache-2.0',
    'mit license': 'MIT',
    'the mit license': 'MIT',
    'new bsd license': 'BSD-3-Clause',
    'bsd 3-clause': 'BSD-3-Clause',
    '3-clause bsd license': 'BSD-3-Clause',
    'bsd-3': 'BSD-3-Clause',
    'bsd 2-clause': 'BSD-2-Clause',
    'simplified bsd license': 'BSD-2-Clause',
    'isc license': 'ISC',
    'isc license (iscl)': 'ISC',
    'mozilla public license 2.0': 'MPL-2.0',
    'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
    'mpl 2.0': 'MPL-2.0',
    'psf license': 'PSF-2.0',
    'python software foundation license': 'PSF-2.0',
    'unlicense': 'Unlicense',
    'the unlicense': 'Unlicense',
    'artistic-2.0': 'Artistic-2.0',
    'eclipse public license - v 1.0': 'EPL-1.0',
    'eclipse public license 2.0': 'EPL-2.0',
    'zlib license': 'Zlib',
    'ruby': 'Ruby',
};
/** SPDX ids known to be valid, used to fix their case (`mit` → `MIT`). */
const KNOWN_IDS = [
    'MIT', 'ISC', 'Apache-2.0', 'Apache-1.1', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-3-Clause-Clear', '0BSD', 'GPL-2.0', 'GPL-3.0',
    'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0', 'LGPL-2.0-only',
    'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MPL-2.0', 'MPL-1.1', 'AGPL-3.0',
    'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Artistic-2.0', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-3.0', 'EPL-1.0',
    'EPL-2.0', 'Zlib', 'PSF-2.0', 'Python-2.0', 'WTFPL', 'BlueOak-1.0.0', 'Ruby', 'BSL-1.0', 'MIT-0', 'OpenSSL', 'X11',
];
const KNOWN_BY_LOWER = new Map(KNOWN_IDS.map((id) => [id.toLowerCase(), id]));
/**
 * Licence text → an SPDX id or expression where it is one or a well-known alias of one, else the trimmed text.
 * `(MIT OR Apache-2.0)` stays an expression; `Apache 2.0` becomes `Apache-2.0`.
 */
function toSpdx(raw) {
    const text = raw.trim();
    if (text === '' || text.toUpperCase() === 'UNKNOWN')
        return '';
    const key = text.toLowerCase().replace(/\s+/g, ' ').replace(/[.;]+$/, '');
    const alias = SPDX_ALIASES[key];
    if (alias)
        return alias;
    const known = KNOWN_BY_LOWER.get(key);
    if (known)
        return known;
    return text;
}

// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/catalog/npm/package-json.ts
/** Parsing of an installed package's `package.json`. */


/**
 * Returns the package a `package.json` declares, or null when it declares none (no name or no version: a partial
 * manifest such as `{"type": "module"}` inside a package). Throws an ImageError on text that is not JSON (or is
 * nested too deeply to walk safely) and an Error on JSON that is not an object.
 */
function parsePackageJson(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'package.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc))
        throw new Error('package.json is not a JSON object');
    const name = typeof doc.name === 'string' ? doc.name.trim() : '';
    const version = typeof doc.version === 'string' ? doc.version.trim() : '';
    if (!name || !version)
        return null;
    const info = { name, version, licenses: npmLicenses(doc.license, doc.licenses) };
    const author = personText(doc.author);
    if (author)
        info.author = author;
    if (typeof doc.homepage === 'string')
        info.homepage = doc.homepage;
    if (doc.private === true)
        info.private = true;
    return info;
}
/**
 * `license` as a string, `{type}`, or an array of either; the legacy `licenses` array of `{type}` objects. Arrays
 * are read one level deep (no manifest nests them), so a value of any shape is walked without recursion.
 */
function npmLicenses(license, licenses) {
    const out = [];
    const one = (v) => {
        if (typeof v === 'string')
            out.push(v.trim());
        else if (isRecord(v) && typeof v.type === 'string')
            out.push(v.type.trim());
    };
    const add = (v) => {
        if (Array.isArray(v))
            v.forEach(one);
        else
            one(v);
    };
    add(license);
    if (out.length === 0)
        add(licenses);
    return out.filter((l) => l !== '');
}
/** `"Name <email> (url)"` or `{name, email, url}` → `"Name <email> (url)"`. */
function personText(v) {
    if (typeof v === 'string')
        return v.trim() || undefined;
    if (!isRecord(v))
        return undefined;
    const parts = [];
    if (typeof v.name === 'string' && v.name)
        parts.push(v.name);
    if (typeof v.email === 'string' && v.email)
        parts.push(`<${v.email}>`);
    if (typeof v.url === 'string' && v.url)
        parts.push(`(${v.url})`);
    return parts.length ? parts.join(' ') : undefined;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/catalog/npm/lockfiles.ts
/** Parsers for npm's package-lock.json (v1/v2/v3), yarn.lock (v1 and berry) and pnpm-lock.yaml (v5 to v9). */




// ---------------------------------------------------------------------------------------------- package-lock.json
function parsePackageLock(text, options = {}) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'package-lock.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc))
        throw new Error('package-lock.json is not a JSON object');
    const out = new EntrySet();
    if (isRecord(doc.packages)) {
        // lockfileVersion 2 and 3: a flat map from install path to entry; "" is the root project.
        for (const [key, raw] of Object.entries(doc.packages)) {
            if (!isRecord(raw))
                continue;
            if (raw.dev === true && !options.includeDev)
                continue;
            if (raw.link === true)
                continue; // a workspace link; its target is listed under its own path
            const name = typeof raw.name === 'string' ? raw.name : key === '' ? '' : nameFromInstallPath(key);
            const version = typeof raw.version === 'string' ? raw.version : '';
            if (!name || !version)
                continue;
            const alias = parseAlias(version);
            out.add(alias?.name ?? name, alias?.version ?? version, npmLicenses(raw.license, raw.licenses));
        }
        return out.entries();
    }
    if (isRecord(doc.dependencies)) {
        // lockfileVersion 1: nested `dependencies`; the root project is not an entry.
        const walk = (deps) => {
            for (const [name, raw] of Object.entries(deps)) {
                if (!isRecord(raw))
                    continue;
                if (raw.dev === true && !options.includeDev)
                    continue;
                const version = typeof raw.version === 'string' ? raw.version : '';
                if (version) {
                    const alias = parseAlias(version);
                    out.add(alias?.name ?? name, alias?.version ?? version, []);
                }
                if (isRecord(raw.dependencies))
                    walk(raw.dependencies);
            }
        };
        walk(doc.dependencies);
        return out.entries();
    }
    return [];
}
/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromInstallPath(key) {
    const i = key.lastIndexOf('node_modules/');
    return i < 0 ? '' : key.slice(i + 'node_modules/'.length);
}
/** `npm:@scope/real@1.2.3` (an npm alias) → the real name and version. */
function parseAlias(version) {
    if (!version.startsWith('npm:'))
        return undefined;
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    if (at <= 0)
        return undefined;
    return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}
function parseYarnLock(text, options = {}) {
    const berry = /^__metadata:/m.test(text);
    const blocks = berry ? berryBlocks(text) : yarnV1Blocks(text);
    const keep = options.includeDev ? undefined : prodClosure(blocks, options.packageJson, berry);
    const out = new EntrySet();
    for (const b of blocks) {
        if (keep && !keep.has(b))
            continue;
        const name = (!berry && b.resolved && nameFromRegistryUrl(b.resolved)) || specName(b.specs[0] ?? '');
        if (name && b.version)
            out.add(name, b.version, []);
    }
    return out.entries();
}
function yarnV1Blocks(text) {
    const blocks = [];
    let current;
    let inDeps = false;
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const indent = line.length - line.trimStart().length;
        const body = line.trim();
        if (indent === 0) {
            if (!body.endsWith(':'))
                throw new Error(`yarn.lock: unexpected line "${body.slice(0, 60)}"`);
            current = { specs: splitSpecs(body.slice(0, -1)), version: '', dependencies: [] };
            blocks.push(current);
            inDeps = false;
            continue;
        }
        if (!current)
            throw new Error(`yarn.lock: field outside an entry: "${body.slice(0, 60)}"`);
        if (indent === 2) {
            inDeps = body === 'dependencies:' || body === 'optionalDependencies:';
            const [key, value] = splitField(body);
            if (key === 'version')
                current.version = value;
            else if (key === 'resolved')
                current.resolved = value;
        }
        else if (inDeps) {
            const [key, value] = splitField(body);
            current.dependencies.push(`${key}@${value}`);
        }
    }
    return blocks;
}
function berryBlocks(text) {
    // `json: true` lets a duplicated key (seen in real lockfiles) override instead of failing.
    const docs = (0,js_yaml/* loadAll */.gh)(text, null, { json: true });
    const doc = docs[0];
    if (!isRecord(doc))
        throw new Error('yarn.lock is not a YAML mapping');
    const blocks = [];
    for (const [key, raw] of Object.entries(doc)) {
        if (key === '__metadata' || !isRecord(raw))
            continue;
        const deps = isRecord(raw.dependencies) ? raw.dependencies : {};
        blocks.push({
            specs: splitSpecs(key),
            version: scalarText(raw.version) ?? '',
            dependencies: Object.entries(deps).flatMap(([n, r]) => {
                const range = scalarText(r);
                if (range === undefined)
                    return [];
                return [/^[a-z]+:/.test(range) ? `${n}@${range}` : `${n}@npm:${range}`];
            }),
        });
    }
    return blocks;
}
/** `"a@^1", a@~1.2` → [`a@^1`, `a@~1.2`]. */
function splitSpecs(header) {
    return header
        .split(',')
        .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
        .filter(Boolean);
}
function splitField(body) {
    const m = /^("[^"]*"|\S+?):?\s+(.*)$/.exec(body);
    if (!m)
        return [body.replace(/:$/, ''), ''];
    return [m[1].replace(/^"(.*)"$/, '$1'), m[2].trim().replace(/^"(.*)"$/, '$1')];
}
/** `@scope/name@^1.0` → `@scope/name`. */
function specName(spec) {
    const at = spec.indexOf('@', 1);
    return at < 0 ? spec : spec.slice(0, at);
}
/** `https://registry.yarnpkg.com/@scope/name/-/name-1.0.0.tgz#sha` → `@scope/name`. */
function nameFromRegistryUrl(url) {
    const i = url.indexOf('/-/');
    if (i < 0)
        return undefined;
    const segments = url.slice(0, i).split('/');
    const last = segments[segments.length - 1];
    const prev = segments[segments.length - 2];
    if (!last)
        return undefined;
    const scope = prev?.startsWith('@') ? decodeUriSegment(prev) : '';
    const name = decodeUriSegment(last);
    if (scope === undefined || name === undefined)
        return undefined;
    return scope ? `${scope}/${name}` : name;
}
/** decodeURIComponent, or undefined for a malformed escape (`%zz`): such a URL names no package. */
function decodeUriSegment(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return undefined;
    }
}
/**
 * The blocks reachable from the project's non-dev dependencies, when a package.json beside the lockfile declares
 * devDependencies; undefined (keep everything) otherwise.
 */
function prodClosure(blocks, packageJson, berry) {
    if (!packageJson)
        return undefined;
    let manifest;
    try {
        manifest = (0,json/* parseJson */.qF)(packageJson, { what: 'package.json', errorClass: errors/* ImageError */.C8 });
    }
    catch {
        return undefined;
    }
    if (!isRecord(manifest) || !isRecord(manifest.devDependencies))
        return undefined;
    const bySpec = new Map();
    for (const b of blocks)
        for (const s of b.specs)
            bySpec.set(s, b);
    const roots = [];
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
        const deps = manifest[field];
        if (!isRecord(deps))
            continue;
        for (const [n, r] of Object.entries(deps)) {
            const range = scalarText(r);
            if (range === undefined)
                continue;
            roots.push(berry && !/^[a-z]+:/.test(range) ? `${n}@npm:${range}` : `${n}@${range}`);
        }
    }
    const keep = new Set();
    // The workspace (root project) itself ships.
    for (const b of blocks)
        if (b.specs.some((s) => s.includes('@workspace:')))
            keep.add(b);
    const queue = [...roots];
    while (queue.length > 0) {
        const b = bySpec.get(queue.pop());
        if (!b || keep.has(b))
            continue;
        keep.add(b);
        queue.push(...b.dependencies);
    }
    return keep;
}
// ------------------------------------------------------------------------------------------------- pnpm-lock.yaml
function parsePnpmLock(text, options = {}) {
    const out = new EntrySet();
    let docs;
    try {
        docs = (0,js_yaml/* loadAll */.gh)(text);
    }
    catch (e) {
        throw new Error(`pnpm-lock.yaml is not valid YAML: ${e.message.split('\n')[0]}`, { cause: e });
    }
    let sawLockfile = false;
    for (const doc of docs) {
        if (!isRecord(doc))
            continue;
        if (doc.lockfileVersion === undefined)
            continue;
        sawLockfile = true;
        const major = Number.parseFloat(scalarText(doc.lockfileVersion) ?? '');
        // Direct dependencies of the project(s): v5 `dependencies: {name: version}`, v6 `{name: {version}}`, v9 importers.
        const importers = [doc];
        if (isRecord(doc.importers))
            for (const imp of Object.values(doc.importers))
                if (isRecord(imp))
                    importers.push(imp);
        for (const imp of importers) {
            // Dev dependencies are known from the `dev: true` flag of their `packages` entries (as syft reads them).
            for (const field of ['dependencies', 'optionalDependencies']) {
                const deps = imp[field];
                if (!isRecord(deps))
                    continue;
                for (const [name, raw] of Object.entries(deps)) {
                    const v = isRecord(raw) ? raw.version : raw;
                    if (typeof v !== 'string' && typeof v !== 'number')
                        continue;
                    const version = stripPeerSuffix(String(v), major);
                    if (version.startsWith('link:') || version.startsWith('file:'))
                        continue;
                    out.add(name, version, []);
                }
            }
        }
        if (isRecord(doc.packages)) {
            for (const [key, raw] of Object.entries(doc.packages)) {
                if (isRecord(raw) && raw.dev === true && !options.includeDev)
                    continue;
                const parsed = parsePnpmKey(key, major);
                if (!parsed)
                    continue;
                const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : parsed.name;
                const version = isRecord(raw) && typeof raw.version === 'string' ? raw.version : parsed.version;
                out.add(name, version, []);
            }
        }
    }
    if (!sawLockfile)
        throw new Error('pnpm-lock.yaml has no lockfileVersion');
    return out.entries();
}
/** v5 `/name/1.0.0_peer@1`, v6 `/name@1.0.0(peer@1)`, v9 `name@1.0.0(peer@1)` → name and version. */
function parsePnpmKey(key, major) {
    let k = key.startsWith('/') ? key.slice(1) : key;
    if (major < 6 && !/^(@[^/]+\/)?[^/@]+@/.test(k)) {
        const slash = k.lastIndexOf('/');
        if (slash <= 0)
            return undefined;
        return { name: k.slice(0, slash), version: stripPeerSuffix(k.slice(slash + 1), major) };
    }
    k = k.replace(/\(.*$/, '');
    const at = k.lastIndexOf('@');
    if (at <= 0)
        return undefined;
    return { name: k.slice(0, at), version: k.slice(at + 1) };
}
function stripPeerSuffix(version, major) {
    const v = version.replace(/\(.*$/, '');
    return major < 6 ? v.replace(/_.*$/, '') : v;
}
// -------------------------------------------------------------------------------------------------------- helpers
/** A string or number as text; undefined for any other value (never stringified: it may be nested arbitrarily). */
function scalarText(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
class EntrySet {
    #map = new Map();
    add(name, version, licenses) {
        const key = `${name}@${version}`;
        const existing = this.#map.get(key);
        if (existing) {
            if (existing.licenses.length === 0)
                existing.licenses = licenses;
            return;
        }
        this.#map.set(key, { name, version, licenses });
    }
    entries() {
        return [...this.#map.values()];
    }
}

;// CONCATENATED MODULE: ./src/catalog/npm/catalogers.ts





function npmPurl(name, version) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'npm', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'npm', name, version });
}
/**
 * Installed packages: `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json` at any
 * depth, so nested duplicates count. Other package.json files inside a package (`esm/package.json` markers,
 * test fixtures) are not packages, and the globs do not capture them; the root project is not under node_modules.
 */
const INSTALLED_GLOBS = ['**/node_modules/*/package.json', '**/node_modules/@*/*/package.json'];
function isInstalledManifest(path) {
    const parts = path.split('/');
    const n = parts.length;
    if (parts[n - 1] !== 'package.json')
        return false;
    if (parts[n - 3] === 'node_modules')
        return !parts[n - 2].startsWith('.') && !parts[n - 2].startsWith('@');
    return parts[n - 4] === 'node_modules' && parts[n - 3].startsWith('@');
}
const npmInstalledCataloger = {
    id: 'npm/installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'npm'],
    description: 'npm packages installed under node_modules (package.json of each package directory)',
    requests: [{ id: 'npm/installed', globs: INSTALLED_GLOBS }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of capturedMatching(ctx.view, isInstalledManifest)) {
            const text = ctx.view.readText(path);
            if (text === undefined) {
                const r = ctx.view.read(path);
                if (!r.ok)
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
                continue;
            }
            try {
                const info = parsePackageJson(text);
                if (!info)
                    continue;
                packages.push(languagePackage(ctx.view, {
                    type: 'npm',
                    name: info.name,
                    version: info.version,
                    purl: npmPurl(info.name, info.version),
                    path,
                    foundBy: this.id,
                    licenses: info.licenses,
                    metadata: {
                        ...(info.author ? { author: info.author } : {}),
                        ...(info.homepage ? { homepage: info.homepage } : {}),
                        ...(info.private ? { private: true } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid package.json: ${errorMessage(e)}`, 'npm'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
const LOCKFILE_GLOBS = ['**/package-lock.json', '**/yarn.lock', '**/pnpm-lock.yaml'];
/** The project manifest beside a yarn.lock, read to tell dev-only dependencies apart. */
const PROJECT_MANIFEST_GLOB = '**/package.json';
/**
 * Lockfiles count only where nothing is installed: a lockfile with a `node_modules` directory beside it is
 * covered by npm/installed, and lockfiles inside node_modules (shipped in a package's tarball) are not installs.
 */
function isCountedLockfile(view, path) {
    if (path.split('/').includes('node_modules'))
        return false;
    const dir = dirname(path);
    const nm = view.get(`${dir === '/' ? '' : dir}/node_modules`, { follow: true });
    return nm === undefined;
}
function parseLockfile(path, text, packageJson) {
    const name = basename(path);
    if (name === 'package-lock.json')
        return parsePackageLock(text);
    if (name === 'yarn.lock')
        return parseYarnLock(text, packageJson === undefined ? {} : { packageJson });
    return parsePnpmLock(text);
}
const npmLockfileCataloger = {
    id: 'npm/lockfile',
    version: 0,
    tags: ['image', 'directory', 'declared', 'language', 'npm'],
    description: 'npm, yarn and pnpm lockfiles of projects with no node_modules installed',
    requests: [
        { id: 'npm/lockfile', globs: LOCKFILE_GLOBS },
        // The project manifests beside a lockfile (no lower cap: the same files are npm/installed's, whose cap must win).
        { id: 'npm/lockfile-manifest', globs: [PROJECT_MANIFEST_GLOB] },
    ],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        const lockNames = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']);
        for (const path of capturedMatching(ctx.view, (p) => lockNames.has(basename(p)))) {
            if (!isCountedLockfile(ctx.view, path))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
                continue;
            }
            const dir = dirname(path);
            const manifest = ctx.view.readText(`${dir === '/' ? '' : dir}/package.json`);
            try {
                for (const e of parseLockfile(path, r.data.toString('utf8'), manifest)) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'npm',
                        name: e.name,
                        version: e.version,
                        purl: npmPurl(e.name, e.version),
                        path,
                        foundBy: this.id,
                        licenses: e.licenses,
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid ${basename(path)}: ${errorMessage(e)}`, 'npm'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
/** Captured paths (sorted) that pass `test`. */
function capturedMatching(view, test) {
    return view.capturedPaths().filter(test);
}

;// CONCATENATED MODULE: ./src/catalog/python/metadata.ts
/** Parsing of installed Python distributions' metadata: METADATA / PKG-INFO, RECORD, installed-files.txt. */
/**
 * The core-metadata header block (RFC 822 style; continuation lines start with whitespace). Returns null when the
 * text declares no distribution (no Name header, as in an empty egg-info file).
 */
function parseCoreMetadata(text) {
    const headers = new Map();
    let last;
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break; // the body (long description) follows the first blank line
        if (/^[ \t]/.test(line)) {
            if (last) {
                const values = headers.get(last);
                values[values.length - 1] += `\n${line.trim()}`;
            }
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        last = line.slice(0, colon).trim().toLowerCase();
        const values = headers.get(last) ?? [];
        values.push(line.slice(colon + 1).trim());
        headers.set(last, values);
    }
    const one = (key) => headers.get(key)?.[0];
    const name = one('name');
    if (!name)
        return null;
    const meta = {
        name,
        version: one('version') ?? '',
        licenses: pythonLicenses(one('license-expression'), one('license'), headers.get('classifier') ?? []),
        requiresDist: headers.get('requires-dist') ?? [],
    };
    const author = one('author') ?? one('author-email');
    if (author)
        meta.author = author;
    const home = one('home-page');
    if (home)
        meta.homePage = home;
    const summary = one('summary');
    if (summary)
        meta.summary = summary;
    return meta;
}
/** License-Expression wins; then a short License field (not a pasted licence text); then License classifiers. */
function pythonLicenses(expression, license, classifiers) {
    if (expression)
        return [expression];
    if (license && license.toUpperCase() !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100)
        return [license];
    return classifiers
        .filter((c) => c.startsWith('License ::'))
        .map((c) => c.split('::').pop().trim())
        .filter((l) => l !== '' && l !== 'OSI Approved');
}
/** PEP 503 normalisation, as purls for pypi use: lower case, runs of `-_.` become one `-`. */
function normalizePythonName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** RECORD (CSV: path,hash,size) → the listed paths; malformed lines are skipped. */
function parseRecord(text) {
    const out = [];
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const path = line.startsWith('"') ? /^"((?:[^"]|"")*)"/.exec(line)?.[1]?.replace(/""/g, '"') : line.split(',')[0];
        if (path)
            out.push(path);
    }
    return out;
}
/** installed-files.txt: one path per line, relative to the egg-info directory. */
function parseInstalledFiles(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/** direct_url.json with VCS info → the purl `vcs_url` qualifier (`git+https://…@commit`). */
function vcsUrl(directUrlJson) {
    try {
        const doc = JSON.parse(directUrlJson);
        if (typeof doc.url !== 'string' || !doc.vcs_info || typeof doc.vcs_info.vcs !== 'string')
            return undefined;
        const commit = typeof doc.vcs_info.commit_id === 'string' ? `@${doc.vcs_info.commit_id}` : '';
        return `${doc.vcs_info.vcs}+${doc.url}${commit}`;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/catalog/python/cataloger.ts




/** The metadata file of an installed distribution (directory names are matched case-insensitively). */
function isPythonMetadataPath(path) {
    const base = basename(path);
    if (base === 'METADATA')
        return dirname(path).toLowerCase().endsWith('dist-info');
    if (base === 'PKG-INFO')
        return dirname(path).toLowerCase().endsWith('egg-info');
    return base.toLowerCase().endsWith('.egg-info');
}
const SIDECARS = new Set(['RECORD', 'installed-files.txt', 'direct_url.json']);
/** A file next to the metadata that the cataloger reads: the file list and the VCS origin. */
function isPythonSidecarPath(path) {
    if (!SIDECARS.has(basename(path)))
        return false;
    const dir = dirname(path).toLowerCase();
    return dir.endsWith('dist-info') || dir.endsWith('egg-info');
}
const pythonInstalledCataloger = {
    id: 'python/installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'python'],
    description: 'installed Python distributions (dist-info and egg-info, system-wide and in virtualenvs)',
    requests: [
        {
            id: 'python/installed',
            filter: (path, entry) => entry.type === 'file' && (isPythonMetadataPath(path) || isPythonSidecarPath(path)),
            maxBytes: 16 * 1024 * 1024,
        },
    ],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        const view = ctx.view;
        for (const path of view.capturedPaths().filter(isPythonMetadataPath)) {
            const r = view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(view, this.id, path, r.reason, 'python'));
                continue;
            }
            if (r.data.length === 0)
                continue; // an empty egg-info file declares nothing
            try {
                const meta = parseCoreMetadata(r.data.toString('utf8'));
                if (!meta) {
                    unknowns.push(catalogUnknown(view, this.id, path, 'python metadata without a Name header', 'python'));
                    continue;
                }
                // The interpreter's own `Python-X.Y.egg-info` (lib-dynload) describes CPython itself, not a pypi package.
                if (meta.name === 'Python' && basename(path).startsWith('Python-') && basename(path).endsWith('.egg-info'))
                    continue;
                const isDir = basename(path) === 'METADATA' || basename(path) === 'PKG-INFO';
                const infoDir = isDir ? dirname(path) : undefined;
                const sitePackages = dirname(infoDir ?? path);
                const files = infoDir ? listFiles(view, infoDir, sitePackages, (file, reason) => unknowns.push(catalogUnknown(view, this.id, file, reason, 'python'))) : [];
                const directUrl = infoDir ? view.readText(`${infoDir}/direct_url.json`) : undefined;
                const vcs = directUrl ? vcsUrl(directUrl) : undefined;
                packages.push(languagePackage(view, {
                    type: 'python',
                    name: meta.name,
                    version: meta.version,
                    purl: (0,purl/* purl */.EV)({ type: 'pypi', name: normalizePythonName(meta.name), version: meta.version, qualifiers: { vcs_url: vcs } }),
                    path,
                    foundBy: this.id,
                    licenses: meta.licenses,
                    metadata: {
                        kind: infoDir?.toLowerCase().endsWith('dist-info') ? 'dist-info' : 'egg-info',
                        sitePackages,
                        ...(infoDir ? { metadataDir: infoDir } : {}),
                        ...(meta.author ? { author: meta.author } : {}),
                        ...(meta.homePage ? { homePage: meta.homePage } : {}),
                        ...(files.length ? { files } : {}),
                        ...(vcs ? { vcsUrl: vcs } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(view, this.id, path, `unreadable python metadata: ${errorMessage(e)}`, 'python'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
/** RECORD paths are relative to site-packages; installed-files.txt paths to the egg-info directory. */
function listFiles(view, infoDir, sitePackages, unreadable) {
    const recordPath = `${infoDir}/RECORD`;
    const record = view.readText(recordPath);
    // A RECORD that exists but could not be read (over the cap): the package's files are not known (a catalog gap).
    if (record === undefined && view.get(recordPath, { follow: true })) {
        const r = view.read(recordPath);
        if (!r.ok)
            unreadable(recordPath, r.reason);
    }
    const installed = view.readText(`${infoDir}/installed-files.txt`);
    const out = [];
    if (record !== undefined)
        for (const p of parseRecord(record))
            out.push(absolute(sitePackages, p));
    else if (installed !== undefined)
        for (const p of parseInstalledFiles(installed))
            out.push(absolute(infoDir, p));
    return out.filter((p) => p !== '');
}
function absolute(base, rel) {
    return normalizeEntryName(rel.startsWith('/') ? rel : `${base}/${rel}`) ?? '';
}

;// CONCATENATED MODULE: ./src/catalog/java/manifest.ts
/** META-INF/MANIFEST.MF: `Key: value` lines, 72-byte continuation lines starting with one space, sections. */
function parseManifest(text) {
    const sections = [];
    let current = {};
    let lastKey;
    const flush = () => {
        if (Object.keys(current).length > 0)
            sections.push(current);
        current = {};
        lastKey = undefined;
    };
    for (const line of text.split(/\r\n|\r|\n/)) {
        if (line.trim() === '') {
            flush();
            continue;
        }
        if (line.startsWith(' ')) {
            if (lastKey !== undefined)
                current[lastKey] += line.slice(1);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = line.slice(0, colon).trim();
        current[lastKey] = line.slice(colon + 1).trim();
    }
    flush();
    const [main = {}, ...rest] = sections;
    return { main, sections: rest };
}

;// CONCATENATED MODULE: ./src/catalog/java/pom.ts
/** pom.properties and the few pom.xml fields the Java cataloger needs. */
/** `key=value` or `key:value` lines (the first separator wins); `#` and `!` start comments. */
function parsePomProperties(text) {
    const props = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const eq = line.indexOf('=');
        const colon = line.indexOf(':');
        const sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
        if (sep <= 0)
            continue;
        props[line.slice(0, sep).trim()] = line.slice(sep + 1).trim();
    }
    const { groupId = '', artifactId = '', version = '', name, ...extra } = props;
    return { groupId, artifactId, version, ...(name !== undefined ? { name } : {}), extra };
}
/**
 * The `<name>` of each `<license>…</license>` block. Blocks are cut with indexOf, not one lazy regex across the
 * text: that regex backtracks over every later `<name>` for each unclosed `<license>` (seconds on 60 KB).
 */
function licenseNames(text) {
    const out = [];
    let from = 0;
    for (;;) {
        const open = text.indexOf('<license>', from);
        if (open < 0)
            break;
        const close = text.indexOf('</license>', open);
        if (close < 0)
            break;
        const m = /<name>([\s\S]*?)<\/name>/.exec(text.slice(open + '<license>'.length, close));
        if (m)
            out.push(xmlText(m[1]));
        from = close + '</license>'.length;
    }
    return out;
}
/** The project coordinates, parent, name and licence names of a pom.xml, without a full XML parser. */
function parsePomXml(text) {
    const noComments = text.replace(/<!--[\s\S]*?-->/g, '');
    const parentBlock = /<parent>([\s\S]*?)<\/parent>/.exec(noComments)?.[1];
    const licenses = licenseNames(noComments);
    // Keep only the project's own top-level fields: drop the blocks that hold other coordinates.
    const top = noComments.replace(/<(parent|dependencies|dependencyManagement|build|profiles|plugins|reporting|modules|licenses|developers|contributors|organization|scm|issueManagement|ciManagement|distributionManagement|mailingLists|repositories|pluginRepositories|properties)>[\s\S]*?<\/\1>/g, '');
    const field = (src, tag) => {
        const m = src === undefined ? null : new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(src);
        return m ? xmlText(m[1]) : '';
    };
    const parent = parentBlock
        ? { groupId: field(parentBlock, 'groupId'), artifactId: field(parentBlock, 'artifactId'), version: field(parentBlock, 'version') }
        : undefined;
    let version = field(top, 'version') || parent?.version || '';
    const groupId = field(top, 'groupId') || parent?.groupId || '';
    // Only the simplest property references are resolved; anything else is not a version.
    version = version.replace(/\$\{(project\.)?parent\.version\}/g, parent?.version ?? '').replace(/\$\{project\.version\}/g, '');
    if (version.includes('${'))
        version = '';
    const project = { groupId, artifactId: field(top, 'artifactId'), version, licenses };
    const name = field(top, 'name');
    if (name)
        project.name = name;
    if (parent)
        project.parent = parent;
    return project;
}
function xmlText(s) {
    return s
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&')
        .trim();
}

// EXTERNAL MODULE: ./src/common/zip.ts
var common_zip = __webpack_require__(64074);
;// CONCATENATED MODULE: ./src/catalog/java/archive.ts
/**
 * Java archives (jar, war, ear, and Jenkins hpi/jpi), including archives nested inside them: the packages they
 * declare through `pom.properties`, `META-INF/maven/<groupId>/<artifactId>/pom.xml` and `MANIFEST.MF`.
 */




const ARCHIVE_EXTENSIONS = ['.jar', '.war', '.ear', '.hpi', '.jpi', '.par', '.sar', '.nar', '.kar', '.rar', '.lpkg', '.far', '.zap'];
function isJavaArchiveName(path) {
    const lower = path.toLowerCase();
    return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
/** `api-all-2.0.0-sources` → name `api-all`, version `2.0.0-sources`: the version starts at the first `-<digit>`. */
function splitArchiveFilename(path) {
    const base = basename(path).replace(/\.[^.]+$/, '');
    const m = /^(.+?)-(\d[^/]*)$/.exec(base);
    return m ? { name: m[1], version: m[2] } : { name: base, version: '' };
}
function parseJavaArchive(data, path, options = {}) {
    const out = { artifacts: [], problems: [] };
    walk(data, path, path, 0, options, out);
    return out;
}
function walk(data, name, virtualPath, depth, options, out) {
    const maxDepth = options.maxDepth ?? 16;
    if (depth > maxDepth) {
        out.problems.push({ virtualPath, reason: `archive nested more than ${maxDepth} levels deep; not read` });
        return;
    }
    let zip;
    try {
        zip = new common_zip/* ZipReader */.z(data);
    }
    catch (e) {
        out.problems.push({ virtualPath, reason: `not a readable java archive: ${e.message}` });
        return;
    }
    const text = (entry) => zip.read(entry, 4 * 1024 * 1024).toString('utf8');
    let manifest;
    const mf = zip.find('META-INF/MANIFEST.MF');
    try {
        if (mf)
            manifest = parseManifest(text(mf));
    }
    catch (e) {
        out.problems.push({ virtualPath, reason: `unreadable MANIFEST.MF: ${e.message}` });
    }
    // An agent's instrumentation module (New Relic weaving) describes the library it instruments, not itself.
    if (manifest?.main['Weave-Classes'] !== undefined)
        return;
    const kind = /\.(hpi|jpi)$/i.test(name) ? 'jenkins-plugin' : 'java-archive';
    const candidates = [];
    const sorted = [...zip.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of sorted) {
        if (e.name !== 'pom.properties' && !e.name.endsWith('/pom.properties'))
            continue;
        try {
            const p = parsePomProperties(text(e));
            if (!p.groupId || !p.artifactId || !p.version)
                continue; // incomplete coordinates identify nothing
            const pomXml = zip.find(e.name.replace(/pom\.properties$/, 'pom.xml'));
            const xml = pomXml ? safe(() => parsePomXml(text(pomXml))) : undefined;
            candidates.push({
                groupId: p.groupId,
                artifactId: p.artifactId,
                version: p.version,
                licenses: xml?.licenses ?? [],
                source: 'pom.properties',
                ...((p.name ?? xml?.name) ? { name: p.name ?? xml?.name } : {}),
            });
        }
        catch (err) {
            out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: err.message });
        }
    }
    if (candidates.length === 0) {
        // No pom.properties: `META-INF/maven/<groupId>/<artifactId>/pom.xml` still names the artifact.
        for (const e of sorted) {
            const m = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.xml$/.exec(e.name);
            if (!m)
                continue;
            const xml = safe(() => parsePomXml(text(e)));
            const version = xml?.version || splitArchiveFilename(name).version || manifestVersion(manifest);
            if (!version)
                continue;
            candidates.push({
                groupId: xml?.groupId || m[1],
                artifactId: xml?.artifactId || m[2],
                version,
                licenses: xml?.licenses ?? [],
                source: 'pom.xml',
                ...(xml?.name ? { name: xml.name } : {}),
            });
        }
    }
    const file = splitArchiveFilename(name);
    const matches = (c) => file.name !== '' && (c.artifactId.startsWith(file.name) || file.name.endsWith(c.artifactId));
    const matching = candidates.filter(matches);
    let main = matching.find((c) => file.name.includes(c.groupId)) ?? matching[0];
    if (!main && candidates.length === 1)
        main = candidates[0];
    if (!main && candidates.length === 0)
        main = fromManifest(manifest, file, options);
    if (main)
        out.artifacts.push({ ...main, virtualPath, depth, kind });
    for (const c of candidates) {
        if (c === main)
            continue;
        out.artifacts.push({
            ...c,
            virtualPath: `${virtualPath}:${c.groupId}:${c.artifactId}`,
            depth,
            kind: 'java-archive',
            ...(main ? { parentArtifact: `${main.groupId}:${main.artifactId}` } : {}),
        });
    }
    for (const e of sorted) {
        if (e.name.endsWith('/') || !isJavaArchiveName(e.name))
            continue;
        let inner;
        try {
            inner = zip.read(e);
        }
        catch (err) {
            out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: err.message });
            continue;
        }
        walk(inner, e.name, `${virtualPath}:${e.name}`, depth + 1, options, out);
    }
}
function manifestVersion(m) {
    const f = m?.main ?? {};
    return f['Implementation-Version'] || f['Specification-Version'] || f['Plugin-Version'] || f['Bundle-Version'] || '';
}
/** The archive's identity from its manifest and file name, when it carries no Maven metadata. */
function fromManifest(manifest, file, options) {
    const f = manifest?.main ?? {};
    const symbolic = (f['Bundle-SymbolicName'] ?? '').split(';')[0].trim();
    const fromManifestName = f['Short-Name'] || f['Extension-Name'] || f['Implementation-Title'] || symbolic;
    const hasManifestIdentity = fromManifestName !== '' && manifestVersion(manifest) !== '';
    if (!hasManifestIdentity && !options.identifyByFilename)
        return undefined;
    const artifactId = (hasManifestIdentity ? file.name || fromManifestName : file.name).trim();
    const version = (file.version || manifestVersion(manifest)).trim();
    if (!artifactId || !version || /\s/.test(artifactId))
        return undefined;
    const groupId = f['Group-Id'] ||
        f['Implementation-Vendor-Id'] ||
        (symbolic.includes('.') && !/\s/.test(symbolic) ? groupFromDotted(symbolic) : '') ||
        (artifactId.includes('.') ? groupFromDotted(artifactId) : artifactId);
    const licenses = f['Bundle-License'] ? [f['Bundle-License']] : [];
    return { groupId, artifactId, version, licenses, source: hasManifestIdentity ? 'manifest' : 'filename' };
}
/** `org.eclipse.sisu.inject` → `org.eclipse.sisu`. */
function groupFromDotted(name) {
    return name.slice(0, name.lastIndexOf('.'));
}
function safe(fn) {
    try {
        return fn();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/catalog/java/cataloger.ts



function mavenPurl(a) {
    return (0,purl/* purl */.EV)({ type: 'maven', namespace: a.groupId, name: a.artifactId, version: a.version });
}
function artifactPackages(view, path, artifacts, foundBy) {
    return artifacts.map((a) => {
        const pkg = languagePackage(view, {
            type: 'java-archive',
            name: a.artifactId,
            version: a.version,
            purl: mavenPurl(a),
            path,
            foundBy,
            licenses: a.licenses,
            metadata: {
                kind: a.kind,
                groupId: a.groupId,
                artifactId: a.artifactId,
                virtualPath: a.virtualPath,
                source: a.source,
                ...(a.depth > 0 ? { nestingDepth: a.depth } : {}),
                ...(a.name ? { pomName: a.name } : {}),
                ...(a.parentArtifact ? { parentArtifact: a.parentArtifact } : {}),
            },
        });
        pkg.id = `java-archive:${a.groupId}:${a.artifactId}@${a.version}:${a.virtualPath}`;
        return pkg;
    });
}
function createJavaArchiveCataloger(options = {}) {
    return {
        id: 'java/archive',
        version: 0,
        tags: ['image', 'directory', 'installed', 'language', 'java'],
        description: 'Java archives (jar, war, ear, hpi/jpi) and the archives nested in them',
        requests: [{ id: 'java/archive', filter: (path, entry) => entry.type === 'file' && isJavaArchiveName(path) }],
        catalog(ctx) {
            const packages = [];
            const unknowns = [];
            for (const path of ctx.view.capturedPaths()) {
                if (!isJavaArchiveName(path))
                    continue;
                const r = ctx.view.read(path);
                if (!r.ok) {
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'java-archive'));
                    continue;
                }
                const { artifacts, problems } = parseJavaArchive(r.data, path, options);
                packages.push(...artifactPackages(ctx.view, path, artifacts, this.id));
                for (const p of problems)
                    unknowns.push({ ...catalogUnknown(ctx.view, this.id, path, p.reason, 'java-archive'), path: p.virtualPath });
            }
            return Promise.resolve({ packages, unknowns });
        },
    };
}
const javaArchiveCataloger = createJavaArchiveCataloger();

;// CONCATENATED MODULE: ./src/catalog/golang/exec-format.ts
/**
 * Just enough of ELF, PE and Mach-O to find sections and map virtual addresses to file offsets, for binaries held
 * in memory. Shared by the Go build-info and Rust cargo-auditable readers. Every header field is bounds-checked
 * before it is read: a truncated or corrupt table answers undefined (not an executable), never a RangeError.
 */
/** The format from the first bytes, or undefined for anything else (scripts, data). */
function sniffExecFormat(head) {
    if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46)
        return 'elf';
    if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a)
        return 'pe';
    if (head.length >= 4) {
        const m = head.readUInt32BE(0);
        if (m === 0xfeedface || m === 0xfeedfacf || m === 0xcefaedfe || m === 0xcffaedfe || m === 0xcafebabe)
            return 'macho';
    }
    return undefined;
}
function exec_format_readExecutable(d) {
    switch (sniffExecFormat(d)) {
        case 'elf':
            return readElf(d);
        case 'pe':
            return readPe(d);
        case 'macho':
            return readMachO(d);
        default:
            return undefined;
    }
}
/** File offset of `size` bytes at virtual address `addr`, or -1 when no section holds them. */
function exec_format_addrToOffset(exe, addr, size) {
    for (const s of exe.sections) {
        if (s.offset === 0 && s.size === 0)
            continue;
        if (addr >= s.addr && addr + size <= s.addr + s.size)
            return s.offset + (addr - s.addr);
    }
    return -1;
}
function exec_format_sectionData(d, exe, name) {
    const s = exe.sections.find((x) => x.name === name);
    if (!s || s.offset + s.size > d.length)
        return undefined;
    return d.subarray(s.offset, s.offset + s.size);
}
function readElf(d) {
    const is64 = d[4] === 2;
    // The ELF header is 52 bytes (32-bit) or 64 bytes (64-bit); a section header is at least 40 or 64 bytes.
    if (d.length < (is64 ? 64 : 52))
        return undefined;
    const le = d[5] === 1;
    const u16 = (o) => (le ? d.readUInt16LE(o) : d.readUInt16BE(o));
    const u32 = (o) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
    const uptr = (o) => (is64 ? Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o)) : u32(o));
    const shoff = uptr(is64 ? 0x28 : 0x20);
    const shentsize = u16(is64 ? 0x3a : 0x2e);
    const shnum = u16(is64 ? 0x3c : 0x30);
    const shstrndx = u16(is64 ? 0x3e : 0x32);
    if (shnum > 0 && shentsize < (is64 ? 64 : 40))
        return undefined;
    const raw = [];
    for (let i = 0; i < shnum; i++) {
        const o = shoff + i * shentsize;
        if (o + shentsize > d.length)
            return undefined;
        raw.push({
            nameOff: u32(o),
            type: u32(o + 4),
            addr: uptr(is64 ? o + 0x10 : o + 0x0c),
            offset: uptr(is64 ? o + 0x18 : o + 0x10),
            size: uptr(is64 ? o + 0x20 : o + 0x14),
        });
    }
    const strtab = raw[shstrndx];
    const name = (off) => {
        if (!strtab)
            return '';
        const start = strtab.offset + off;
        const end = d.indexOf(0, start);
        return d.toString('latin1', start, end < 0 ? start : end);
    };
    const SHT_NOBITS = 8;
    return {
        format: 'elf',
        littleEndian: le,
        ptrSize: is64 ? 8 : 4,
        sections: raw.map((s) => ({ name: name(s.nameOff), addr: s.addr, offset: s.offset, size: s.type === SHT_NOBITS ? 0 : s.size })),
    };
}
function readPe(d) {
    if (d.length < 0x40)
        return undefined;
    const pe = d.readUInt32LE(0x3c);
    // The COFF header (24 bytes with the signature) and the optional header's first 32 bytes (up to the image base).
    if (pe + 24 + 32 > d.length || d.readUInt32LE(pe) !== 0x00004550)
        return undefined;
    const nsections = d.readUInt16LE(pe + 6);
    const optSize = d.readUInt16LE(pe + 20);
    const opt = pe + 24;
    const magic = d.readUInt16LE(opt);
    const is64 = magic === 0x20b;
    const imageBase = is64 ? Number(d.readBigUInt64LE(opt + 24)) : d.readUInt32LE(opt + 28);
    const sections = [];
    let s = opt + optSize;
    for (let i = 0; i < nsections; i++, s += 40) {
        if (s + 40 > d.length)
            return undefined;
        const name = d.toString('latin1', s, s + 8).replace(/\0.*$/, '');
        const virtualSize = d.readUInt32LE(s + 8);
        const rva = d.readUInt32LE(s + 12);
        const rawSize = d.readUInt32LE(s + 16);
        const rawPtr = d.readUInt32LE(s + 20);
        sections.push({ name, addr: imageBase + rva, offset: rawPtr, size: Math.min(virtualSize || rawSize, rawSize) });
    }
    return { format: 'pe', littleEndian: true, ptrSize: is64 ? 8 : 4, sections };
}
/** A Java class file shares the universal magic; its "architecture count" (the class version) is 43 or more. */
const MAX_FAT_ARCHS = 42;
function readMachO(d, nested = false) {
    if (d.length < 4)
        return undefined;
    const m = d.readUInt32BE(0);
    if (m === 0xcafebabe) {
        // Universal binary: read the first architecture (fat_header, then fat_arch entries of 20 bytes).
        if (nested || d.length < 28)
            return undefined;
        const narch = d.readUInt32BE(4);
        if (narch === 0 || narch > MAX_FAT_ARCHS)
            return undefined;
        const off = d.readUInt32BE(16);
        // The slice must start after the header and its arch table and hold at least a Mach-O header.
        if (off < 8 + narch * 20 || off + 28 > d.length)
            return undefined;
        const inner = readMachO(d.subarray(off), true);
        return inner && { ...inner, sections: inner.sections.map((s) => ({ ...s, offset: s.offset + off })) };
    }
    const le = m === 0xcefaedfe || m === 0xcffaedfe;
    const is64 = m === 0xfeedfacf || m === 0xcffaedfe;
    if (!le && !is64 && m !== 0xfeedface)
        return undefined;
    if (d.length < (is64 ? 32 : 28))
        return undefined;
    const u32 = (o) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
    const u64 = (o) => Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o));
    const ncmds = u32(16);
    let p = is64 ? 32 : 28;
    const sections = [];
    for (let i = 0; i < ncmds; i++) {
        if (p + 8 > d.length)
            return undefined;
        const cmd = u32(p);
        const size = u32(p + 4);
        if (cmd === 0x19 || cmd === 0x1) {
            if (p + (is64 ? 72 : 56) > d.length)
                return undefined;
            const nsects = u32(p + (is64 ? 64 : 48));
            let s = p + (is64 ? 72 : 56);
            for (let j = 0; j < nsects; j++, s += is64 ? 80 : 68) {
                if (s + (is64 ? 80 : 68) > d.length)
                    return undefined;
                const sect = d.toString('latin1', s, s + 16).replace(/\0.*$/, '');
                const seg = d.toString('latin1', s + 16, s + 32).replace(/\0.*$/, '');
                sections.push({
                    name: `${seg},${sect}`,
                    addr: is64 ? u64(s + 32) : u32(s + 32),
                    size: is64 ? u64(s + 40) : u32(s + 36),
                    offset: is64 ? u32(s + 48) : u32(s + 40),
                });
            }
        }
        if (size <= 0)
            return undefined;
        p += size;
    }
    return { format: 'macho', littleEndian: le, ptrSize: is64 ? 8 : 4, sections };
}

;// CONCATENATED MODULE: ./src/catalog/golang/buildinfo.ts

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** The 16-byte markers cmd/go wraps the module information string in. */
const MODINFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MODINFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
/** The text form written by cmd/go (`path`, `mod`, `dep`, `=>`, `build` lines, tab-separated). */
function parseModinfo(text, goVersion = '') {
    const info = { goVersion, path: '', deps: [], settings: {} };
    let last;
    for (const line of stripSentinels(text).split('\n')) {
        const f = line.split('\t');
        const mod = () => ({ path: f[1] ?? '', version: f[2] ?? '', ...(f[3] ? { sum: f[3] } : {}) });
        switch (f[0]) {
            case 'go':
                info.goVersion ||= f[1] ?? '';
                break;
            case 'path':
                info.path = f[1] ?? '';
                break;
            case 'mod':
                info.main = last = mod();
                break;
            case 'dep':
                last = mod();
                info.deps.push(last);
                break;
            case '=>':
                if (last)
                    last.replace = mod();
                break;
            case 'build': {
                const kv = f.slice(1).join('\t');
                const eq = kv.indexOf('=');
                if (eq > 0)
                    info.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
                break;
            }
            default:
                break;
        }
    }
    return info;
}
function stripSentinels(text) {
    const b = Buffer.from(text, 'latin1');
    if (b.length >= 33 && b.subarray(0, 16).equals(MODINFO_START) && b[b.length - 17] === 0x0a) {
        return b.subarray(16, b.length - 16).toString('utf8');
    }
    return Buffer.from(text, 'latin1').toString('utf8');
}
/** Reads the inline (Go ≥ 1.18) form from a buffer that starts at the magic; undefined when it is incomplete. */
function parseInlineBuildInfo(win) {
    if (win.length < 32 || !win.subarray(0, 14).equals(BUILDINFO_MAGIC) || (win[15] & 2) === 0)
        return undefined;
    let p = 32;
    const str = () => {
        const v = uvarint(win, p);
        if (!v)
            return undefined;
        const [len, n] = v;
        if (p + n + len > win.length)
            return undefined;
        const s = win.toString('latin1', p + n, p + n + len);
        p += n + len;
        return s;
    };
    const goVersion = str();
    const modinfo = goVersion === undefined ? undefined : str();
    return goVersion === undefined || modinfo === undefined ? undefined : { goVersion, modinfo };
}
/** Bytes needed from the magic on to hold the whole inline form, once the header and lengths are known. */
function inlineNeeded(win) {
    if (win.length < 33)
        return undefined;
    const a = uvarint(win, 32);
    if (!a)
        return undefined;
    const bAt = 32 + a[1] + a[0];
    const b = uvarint(win, bAt);
    return b ? bAt + b[1] + b[0] : undefined;
}
function uvarint(b, at) {
    let x = 0;
    let shift = 0;
    for (let i = 0; i < 10 && at + i < b.length; i++) {
        const byte = b[at + i];
        x += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80)
            return [x, i + 1];
        shift += 7;
    }
    return undefined;
}
/**
 * Build info from a whole binary in memory: both the inline form and the older pointer form (whose pointers are
 * virtual addresses, mapped through the ELF, PE or Mach-O section table). Undefined when it is not a Go binary.
 */
function parseGoBinary(d) {
    const at = findMagic(d);
    if (at < 0)
        return undefined;
    const win = d.subarray(at);
    const inline = parseInlineBuildInfo(win);
    if (inline)
        return parseModinfo(inline.modinfo, inline.goVersion);
    if (win.length < 32 || (win[15] & 2) !== 0)
        throw new Error('truncated Go build info');
    const exe = readExecutable(d);
    if (!exe)
        throw new Error('Go build info in a file that is not ELF, PE or Mach-O');
    const ptrSize = win[14];
    if (ptrSize !== 4 && ptrSize !== 8)
        throw new Error(`Go build info with pointer size ${ptrSize}`);
    const bigEndian = (win[15] & 1) === 1;
    const readPtr = (o) => {
        if (o < 0 || o + ptrSize > d.length)
            throw new Error(`Go build info pointer at offset ${o} is past the end of the file`);
        return ptrSize === 8 ? Number(bigEndian ? d.readBigUInt64BE(o) : d.readBigUInt64LE(o)) : bigEndian ? d.readUInt32BE(o) : d.readUInt32LE(o);
    };
    const readGoString = (addr) => {
        const hdr = addrToOffset(exe, addr, 2 * ptrSize);
        if (hdr < 0)
            return '';
        const dataAddr = readPtr(hdr);
        const len = readPtr(hdr + ptrSize);
        if (len <= 0 || len > 16 * 1024 * 1024)
            return '';
        const off = addrToOffset(exe, dataAddr, len);
        return off < 0 ? '' : d.toString('latin1', off, off + len);
    };
    const goVersion = readGoString(readPtr(at + 16));
    const modinfo = readGoString(readPtr(at + 16 + ptrSize));
    return parseModinfo(modinfo, goVersion);
}
/** Go aligns the header to 16 bytes inside its section; any occurrence is accepted here. */
function findMagic(d) {
    return d.indexOf(BUILDINFO_MAGIC);
}
const MAX_WINDOW = 16 * 1024 * 1024;
/**
 * Finds the build info while the file streams, keeping only small windows: the header's first bytes (to skip
 * non-binaries at once), the bytes from the magic on (the inline form), and the module information between its
 * markers (which is how the older pointer form is read without random access; its Go version is then unknown).
 */
class GoBuildInfoSink {
    #head = Buffer.alloc(0);
    #format;
    #done = false;
    #carry = Buffer.alloc(0);
    #window;
    #windowDone = false;
    #modinfo;
    #modinfoDone = false;
    #overflow = false;
    write(chunk) {
        if (this.#done)
            return;
        if (this.#format === undefined) {
            this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
            if (this.#head.length < 8)
                return; // the first bytes of a binary hold no build info
            this.#format = sniffExecFormat(this.#head);
            if (!this.#format) {
                this.#done = true; // not a binary: stop looking at once
                return;
            }
        }
        if (this.#window && !this.#windowDone)
            this.#extendWindow(chunk);
        if (this.#modinfo && !this.#modinfoDone)
            this.#extendModinfo(chunk);
        if (!this.#window) {
            const found = findAcross(this.#carry, chunk, BUILDINFO_MAGIC);
            if (found)
                this.#extendWindow(found);
        }
        if (!this.#modinfo) {
            const found = findAcross(this.#carry, chunk, MODINFO_START);
            if (found)
                this.#extendModinfo(found);
        }
        // The last bytes, so that a marker split across two chunks is still found (markers are 16 bytes at most).
        this.#carry = chunk.length >= 15 ? Buffer.from(chunk.subarray(chunk.length - 15)) : Buffer.concat([this.#carry, chunk]).subarray(-15);
        // The inline form is self-contained: once it is complete, the rest of the file is not needed.
        if (this.#windowDone && this.#window && this.#window.length > 15 && (this.#window[15] & 2) !== 0)
            this.#done = true;
    }
    #extendWindow(b) {
        const win = this.#window ? Buffer.concat([this.#window, b]) : Buffer.from(b);
        if (win.length >= 16 && (win[15] & 2) === 0) {
            // The pointer form: keep the 32-byte header; the module text comes from its markers.
            this.#window = win.subarray(0, 32);
            this.#windowDone = win.length >= 32;
            return;
        }
        const needed = inlineNeeded(win);
        if (needed !== undefined && win.length >= needed) {
            this.#window = win.subarray(0, needed);
            this.#windowDone = true;
        }
        else if (win.length > MAX_WINDOW) {
            this.#window = win.subarray(0, 32);
            this.#overflow = true;
            this.#windowDone = true;
        }
        else
            this.#window = win;
    }
    #extendModinfo(b) {
        const all = this.#modinfo ? Buffer.concat([this.#modinfo, b]) : Buffer.from(b);
        const end = all.indexOf(MODINFO_END, Math.max(16, (this.#modinfo?.length ?? 0) - 16));
        if (end >= 0) {
            this.#modinfo = all.subarray(0, end + 16);
            this.#modinfoDone = true;
        }
        else if (all.length > MAX_WINDOW) {
            this.#modinfo = Buffer.alloc(0);
            this.#modinfoDone = true;
        }
        else
            this.#modinfo = all;
    }
    end() {
        if (!this.#format)
            return {};
        const result = { format: this.#format };
        const win = this.#window;
        if (!win)
            return result;
        const inline = parseInlineBuildInfo(win);
        if (inline)
            result.info = parseModinfo(inline.modinfo, inline.goVersion);
        else if (this.#overflow)
            result.error = `Go build info larger than ${MAX_WINDOW} bytes`;
        else if (win.length >= 32 && (win[15] & 2) === 0) {
            const text = this.#modinfo && this.#modinfoDone ? this.#modinfo.toString('latin1') : '';
            result.info = parseModinfo(text);
        }
        else
            result.error = 'truncated Go build info';
        return result;
    }
}
/**
 * Finds `needle` in `carry` + `chunk` without copying the chunk (this runs over every byte of every executable):
 * only a marker straddling the boundary costs a small join.
 */
function findAcross(carry, chunk, needle) {
    if (carry.length) {
        const joint = Buffer.concat([carry, chunk.subarray(0, needle.length - 1)]);
        const at = joint.indexOf(needle);
        if (at >= 0)
            return Buffer.concat([carry.subarray(at), chunk]);
    }
    const at = chunk.indexOf(needle);
    return at >= 0 ? chunk.subarray(at) : undefined;
}

;// CONCATENATED MODULE: ./src/catalog/golang/cataloger.ts



const golang_cataloger_ID = 'golang/binary';
/** Regular files that are executable (or Windows executables), and large enough to be a linked binary. */
function isCandidateExecutable(path, entry) {
    if (entry.type !== 'file' || entry.size < 1024)
        return false;
    if ((entry.mode & 0o111) !== 0)
        return true;
    const lower = path.toLowerCase();
    return lower.endsWith('.exe') || lower.endsWith('.dll') || lower.endsWith('.so');
}
function goPurl(path, version) {
    const slash = path.lastIndexOf('/');
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'golang', namespace: path.slice(0, slash), name: path.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'golang', name: path, version });
}
/** One package per module: the main module, each dependency (as replaced), and the Go standard library. */
function goPackages(view, path, info, foundBy = golang_cataloger_ID) {
    const common = {
        goVersion: info.goVersion,
        mainModule: info.main?.path ?? info.path,
        ...(info.settings.GOARCH ? { goArch: info.settings.GOARCH } : {}),
        ...(info.settings.GOOS ? { goOS: info.settings.GOOS } : {}),
    };
    const out = [];
    const add = (m, kind) => {
        // A replacement is what was compiled in; one by a local directory (`=> ../x`) keeps the module's own path.
        const local = m.replace !== undefined && isLocalPath(m.replace.path);
        const effective = m.replace ? { path: local ? m.path : m.replace.path, version: m.replace.version, sum: m.replace.sum } : m;
        const name = effective.path;
        out.push(languagePackage(view, {
            type: 'go-module',
            name,
            version: effective.version,
            purl: goPurl(name, effective.version),
            path,
            foundBy,
            metadata: {
                ...common,
                kind,
                ...(effective.sum ? { h1Digest: effective.sum } : {}),
                ...(m.replace ? { replaces: `${m.path}@${m.version}` } : {}),
                ...(kind === 'main' ? { buildSettings: info.settings } : {}),
            },
        }));
    };
    if (info.main?.path)
        add(info.main, 'main');
    for (const d of info.deps)
        add(d, 'dependency');
    if (info.goVersion) {
        out.push(languagePackage(view, {
            type: 'go-module',
            name: 'stdlib',
            version: info.goVersion,
            purl: (0,purl/* purl */.EV)({ type: 'golang', name: 'stdlib', version: info.goVersion }),
            path,
            foundBy,
            metadata: { ...common, kind: 'stdlib' },
        }));
    }
    return out;
}
function isLocalPath(p) {
    return p.startsWith('./') || p.startsWith('../') || p.startsWith('/');
}
const GO_BINARY_REQUEST = { id: golang_cataloger_ID, filter: isCandidateExecutable, sink: () => new GoBuildInfoSink() };
const goBinaryCataloger = {
    id: golang_cataloger_ID,
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'go'],
    description: 'Go modules compiled into binaries (embedded build info; ELF, PE and Mach-O)',
    requests: [GO_BINARY_REQUEST],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            const r = ctx.view.sinkResult(golang_cataloger_ID, path);
            if (!r)
                continue;
            if (r.error)
                unknowns.push(catalogUnknown(ctx.view, golang_cataloger_ID, path, r.error, 'go-module'));
            if (r.info)
                packages.push(...goPackages(ctx.view, path, r.info));
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/ruby/gemspec.ts


/** Reads the `s.field = value` assignments of a gemspec; returns null when it names no gem. */
function parseGemspec(text) {
    const fields = new Map();
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*\w+\.(\w+)\s*=\s*(.+)$/.exec(line);
        if (!m)
            continue;
        const value = m[2].replace(/\s+if\s+\w+\.respond_to\?.*$/, '');
        fields.set(m[1], stringLiterals(value));
    }
    const name = fields.get('name')?.[0];
    if (!name)
        return null;
    const version = fields.get('version')?.[0] ?? '';
    const interpolate = (s) => s.replace(/#\{\s*\w+\.(\w+)\s*\}/g, (_, f) => (f === 'name' ? name : f === 'version' ? version : '')).replace(/#\{[^}]*\}/g, '');
    const spec = {
        name,
        version,
        licenses: [...(fields.get('licenses') ?? []), ...(fields.get('license') ?? [])].map(interpolate),
        authors: (fields.get('authors') ?? fields.get('author') ?? []).map(interpolate),
        files: (fields.get('files') ?? []).map(interpolate),
    };
    const homepage = fields.get('homepage')?.[0];
    if (homepage)
        spec.homepage = interpolate(homepage);
    return spec;
}
/** Every double- or single-quoted string literal in a Ruby expression, unescaped. */
function stringLiterals(expr) {
    const out = [];
    const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
    for (let m = re.exec(expr); m; m = re.exec(expr)) {
        if (m[1] !== undefined)
            out.push(unescapeDouble(m[1]));
        else
            out.push(m[2].replace(/\\(['\\])/g, '$1'));
    }
    return out;
}
function unescapeDouble(s) {
    return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, esc) => {
        if (esc.startsWith('u{'))
            return String.fromCodePoint(Number.parseInt(esc.slice(2, -1), 16));
        if (esc.length === 5 && esc[0] === 'u')
            return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
        return { n: '\n', t: '\t', '"': '"', '\\': '\\', '#': '#' }[esc] ?? esc;
    });
}
const GEMSPEC_GLOBS = ['**/specifications/**/*.gemspec'];
const rubyGemspecCataloger = {
    id: 'ruby/gemspec',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'ruby'],
    description: 'installed Ruby gems (specifications/*.gemspec)',
    requests: [{ id: 'ruby/gemspec', globs: GEMSPEC_GLOBS, maxBytes: 4 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if (!path.endsWith('.gemspec') || !path.split('/').includes('specifications'))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'gem'));
                continue;
            }
            try {
                const spec = parseGemspec(r.data.toString('utf8'));
                if (!spec) {
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, 'gemspec without a name', 'gem'));
                    continue;
                }
                packages.push(languagePackage(ctx.view, {
                    type: 'gem',
                    name: spec.name,
                    version: spec.version,
                    purl: (0,purl/* purl */.EV)({ type: 'gem', name: spec.name, version: spec.version }),
                    path,
                    foundBy: this.id,
                    licenses: spec.licenses,
                    metadata: {
                        ...(spec.authors.length ? { authors: spec.authors } : {}),
                        ...(spec.homepage ? { homepage: spec.homepage } : {}),
                        ...(spec.files.length ? { files: spec.files } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `unreadable gemspec: ${errorMessage(e)}`, 'gem'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/php/composer-installed.ts






/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely); returns null for JSON that
 * is not a Composer installed.json. Only strings count as names (of packages, dev packages and authors).
 */
function parseComposerInstalled(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'installed.json', errorClass: errors/* ImageError */.C8 });
    const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.packages) ? doc.packages : null;
    if (!list)
        return null;
    const devNames = new Set(isRecord(doc) && Array.isArray(doc['dev-package-names']) ? doc['dev-package-names'].filter((n) => typeof n === 'string') : []);
    const out = [];
    for (const raw of list) {
        if (!isRecord(raw) || typeof raw.name !== 'string' || typeof raw.version !== 'string')
            continue;
        const p = {
            name: raw.name,
            version: raw.version,
            licenses: npmLicenses(raw.license),
            authors: Array.isArray(raw.authors) ? raw.authors.filter(isRecord).flatMap((a) => (typeof a.name === 'string' && a.name ? [a.name] : [])) : [],
            dev: devNames.has(raw.name),
        };
        if (typeof raw.homepage === 'string')
            p.homepage = raw.homepage;
        out.push(p);
    }
    return out;
}
/** `vendor/name` → namespace `vendor`, name `name` (the purl spec's composer type). */
function composerPurl(name, version) {
    const slash = name.indexOf('/');
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'composer', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'composer', name, version });
}
const phpComposerInstalledCataloger = {
    id: 'php/composer-installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'php'],
    description: 'PHP packages installed by Composer (installed.json v1 and v2)',
    requests: [{ id: 'php/composer-installed', globs: ['**/installed.json'], maxBytes: 32 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if (basename(path) !== 'installed.json')
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'php-composer'));
                continue;
            }
            try {
                const list = parseComposerInstalled(r.data.toString('utf8'));
                for (const p of list ?? []) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'php-composer',
                        name: p.name,
                        version: p.version,
                        purl: composerPurl(p.name, p.version),
                        path,
                        foundBy: this.id,
                        licenses: p.licenses,
                        metadata: {
                            ...(p.authors.length ? { authors: p.authors } : {}),
                            ...(p.homepage ? { homepage: p.homepage } : {}),
                            ...(p.dev ? { dev: true } : {}),
                        },
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid installed.json: ${errorMessage(e)}`, 'php-composer'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/catalog/rust/auditable.ts
/**
 * Rust binaries built with cargo-auditable: the `.dep-v0` section holds zlib-compressed JSON listing every crate
 * compiled in (`{"packages":[{"name","version","source","kind","dependencies","root"}]}`).
 */


const SECTION_NAMES = (/* unused pure expression or super */ null && (['.dep-v0', '__DATA,.dep-v0']));
const MAX_COMPRESSED = 8 * 1024 * 1024;
const MAX_JSON = 64 * 1024 * 1024;
function parseAuditableJson(json) {
    const doc = JSON.parse(json);
    if (!doc || !Array.isArray(doc.packages))
        throw new Error('cargo-auditable data without a "packages" array');
    return doc.packages
        .filter((p) => typeof p === 'object' && p !== null)
        .filter((p) => typeof p.name === 'string' && typeof p.version === 'string')
        .map((p) => ({
        name: p.name,
        version: p.version,
        source: typeof p.source === 'string' ? p.source : 'crates.io',
        kind: typeof p.kind === 'string' ? p.kind : 'runtime',
        root: p.root === true,
        dependencies: Array.isArray(p.dependencies) ? p.dependencies.filter((d) => typeof d === 'number') : [],
    }));
}
function inflateAuditable(compressed) {
    return (0,external_node_zlib_.inflateSync)(compressed, { maxOutputLength: MAX_JSON }).toString('utf8');
}
/** From a whole binary: the named section, inflated. Undefined when the binary has no such section. */
function parseAuditableBinary(d) {
    const exe = readExecutable(d);
    if (!exe)
        return undefined;
    for (const name of SECTION_NAMES) {
        const data = sectionData(d, exe, name);
        if (data)
            return parseAuditableJson(inflateAuditable(data));
    }
    return undefined;
}
const PROBE = 64;
const JSON_START = Buffer.from('{"packages":');
/**
 * Finds the compressed dependency list while the file streams. ELF section headers sit at the end of the file,
 * so the section cannot be located before its bytes pass; instead every zlib stream header (0x78 and a valid
 * flag byte) is probed by inflating its first bytes, and the one that starts `{"packages":` is kept.
 */
class AuditableSink {
    #head = Buffer.alloc(0);
    #format;
    #done = false;
    #carry = Buffer.alloc(0);
    #captured;
    #capturedLength = 0;
    write(chunk) {
        if (this.#done)
            return;
        if (this.#format === undefined) {
            this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
            if (this.#head.length < 8)
                return;
            this.#format = sniffExecFormat(this.#head);
            if (!this.#format) {
                this.#done = true;
                return;
            }
        }
        if (this.#captured) {
            this.#capture(chunk);
            return;
        }
        const buf = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
        const limit = buf.length - PROBE;
        let i = buf.indexOf(0x78);
        while (i >= 0 && i < limit) {
            const flg = buf[i + 1];
            if ((flg === 0xda || flg === 0x9c || flg === 0x01 || flg === 0x5e) && plausibleDeflate(buf[i + 2]) && probe(buf.subarray(i, i + PROBE))) {
                this.#captured = [];
                this.#capture(buf.subarray(i));
                return;
            }
            i = buf.indexOf(0x78, i + 1);
        }
        this.#carry = Buffer.from(buf.subarray(Math.max(0, limit)));
    }
    #capture(b) {
        const room = MAX_COMPRESSED - this.#capturedLength;
        const part = b.subarray(0, room);
        this.#captured.push(Buffer.from(part));
        this.#capturedLength += part.length;
        if (this.#capturedLength >= MAX_COMPRESSED)
            this.#done = true;
    }
    end() {
        if (!this.#format)
            return {};
        const result = { format: this.#format };
        if (!this.#captured) {
            // The last bytes were never a full probe window: look at them now.
            const tail = this.#carry;
            for (let i = tail.indexOf(0x78); i >= 0 && !this.#captured; i = tail.indexOf(0x78, i + 1)) {
                if (probe(tail.subarray(i)))
                    this.#captured = [tail.subarray(i)];
            }
            if (!this.#captured)
                return result;
        }
        try {
            result.crates = parseAuditableJson(inflateAuditable(Buffer.concat(this.#captured)));
        }
        catch (e) {
            result.error = `unreadable cargo-auditable data: ${e.message}`;
        }
        return result;
    }
}
/**
 * A cheap test of the first deflate block header before paying for an inflate: BTYPE 11 is invalid, and the JSON
 * document, hundreds of bytes of text, is never written as a stored block (BTYPE 00).
 */
function plausibleDeflate(firstByte) {
    const btype = (firstByte >> 1) & 3;
    return btype === 1 || btype === 2;
}
function probe(bytes) {
    // Almost every probe lands on bytes that only look like a zlib header, and zlib throws for them; a thrown
    // error's stack trace costs far more than the inflate, so none is captured here.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        const out = (0,external_node_zlib_.inflateSync)(bytes, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: 4096 });
        return out.length >= JSON_START.length && out.subarray(0, JSON_START.length).equals(JSON_START);
    }
    catch {
        return false;
    }
    finally {
        Error.stackTraceLimit = limit;
    }
}

;// CONCATENATED MODULE: ./src/catalog/rust/cataloger.ts




const rust_cataloger_ID = 'rust/cargo-auditable';
function cratePackages(view, path, crates) {
    return crates.map((c) => languagePackage(view, {
        type: 'rust-crate',
        name: c.name,
        version: c.version,
        purl: (0,purl/* purl */.EV)({ type: 'cargo', name: c.name, version: c.version }),
        path,
        foundBy: rust_cataloger_ID,
        metadata: {
            source: c.source,
            kind: c.kind,
            ...(c.root ? { root: true } : {}),
            ...(c.dependencies.length ? { dependsOn: c.dependencies.map((i) => crates[i] && `${crates[i].name}@${crates[i].version}`).filter(Boolean) } : {}),
        },
    }));
}
const rustAuditableCataloger = {
    id: rust_cataloger_ID,
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'rust'],
    description: 'Rust crates compiled into binaries built with cargo-auditable (.dep-v0)',
    requests: [{ id: rust_cataloger_ID, filter: isCandidateExecutable, sink: () => new AuditableSink() }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            const r = ctx.view.sinkResult(rust_cataloger_ID, path);
            if (!r)
                continue;
            if (r.error)
                unknowns.push(catalogUnknown(ctx.view, rust_cataloger_ID, path, r.error, 'rust-crate'));
            if (r.crates)
                packages.push(...cratePackages(ctx.view, path, r.crates));
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/dotnet/deps-json.ts





/** Library types that are not packages: reference assemblies are facades of the framework, not shipped code. */
const NOT_PACKAGES = new Set(['referenceassembly', 'reference']);
/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely) and an Error on JSON
 * without a `libraries` object. A dependency whose version is not a string is skipped.
 */
function parseDepsJson(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'deps.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc) || !isRecord(doc.libraries))
        throw new Error('not a deps.json: no "libraries" object');
    const deps = new Map();
    if (isRecord(doc.targets)) {
        for (const target of Object.values(doc.targets)) {
            if (!isRecord(target))
                continue;
            for (const [key, entry] of Object.entries(target)) {
                if (!isRecord(entry) || !isRecord(entry.dependencies))
                    continue;
                const set = deps.get(key) ?? new Set();
                for (const [n, v] of Object.entries(entry.dependencies))
                    if (typeof v === 'string')
                        set.add(`${n}/${v}`);
                deps.set(key, set);
            }
        }
    }
    const out = [];
    for (const [key, raw] of Object.entries(doc.libraries)) {
        if (!isRecord(raw))
            continue;
        const kind = typeof raw.type === 'string' ? raw.type : '';
        if (NOT_PACKAGES.has(kind.toLowerCase()))
            continue;
        const slash = key.lastIndexOf('/');
        if (slash <= 0)
            continue;
        const lib = { name: key.slice(0, slash), version: key.slice(slash + 1), kind, dependsOn: [...(deps.get(key) ?? [])] };
        if (typeof raw.sha512 === 'string' && raw.sha512)
            lib.sha512 = raw.sha512;
        if (typeof raw.path === 'string')
            lib.path = raw.path;
        out.push(lib);
    }
    return out;
}
const dotnetDepsJsonCataloger = {
    id: 'dotnet/deps-json',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'dotnet'],
    description: '.NET application dependencies (*.deps.json)',
    requests: [{ id: 'dotnet/deps-json', globs: ['**/*.deps.json'], maxBytes: 32 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if (!path.endsWith('.deps.json'))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'dotnet'));
                continue;
            }
            try {
                for (const lib of parseDepsJson(r.data.toString('utf8'))) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'dotnet',
                        name: lib.name,
                        version: lib.version,
                        purl: (0,purl/* purl */.EV)({ type: 'nuget', name: lib.name, version: lib.version }),
                        path,
                        foundBy: this.id,
                        metadata: {
                            kind: lib.kind,
                            ...(lib.sha512 ? { sha512: lib.sha512 } : {}),
                            ...(lib.path ? { path: lib.path } : {}),
                            ...(lib.dependsOn.length ? { dependsOn: lib.dependsOn } : {}),
                        },
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid deps.json: ${errorMessage(e)}`, 'dotnet'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/list.ts













/** Every cataloger, in run order. One line per cataloger; nothing registers itself. */
const CATALOGERS = [
    apkCataloger,
    dpkgCataloger,
    rpmCataloger,
    rpmManifestCataloger,
    npmInstalledCataloger,
    npmLockfileCataloger,
    pythonInstalledCataloger,
    javaArchiveCataloger,
    goBinaryCataloger,
    rubyGemspecCataloger,
    phpComposerInstalledCataloger,
    rustAuditableCataloger,
    dotnetDepsJsonCataloger,
];
const catalogerRegistry = new registry/* Registry */.O('cataloger', CATALOGERS);

;// CONCATENATED MODULE: ./src/catalog/ownership.ts

/** Which package types are OS packages (own files) and which are language packages. Exhaustive. */
const IS_OS_TYPE = { apk: true, deb: true, rpm: true, npm: false, python: false, 'java-archive': false, 'go-module': false, gem: false, 'php-composer': false, 'rust-crate': false, dotnet: false };
const OS_TYPES = new Set(Object.keys(IS_OS_TYPE).filter((t) => IS_OS_TYPE[t]));
/** The paths that identify a language package on disk: its metadata file, and its metadata directory. */
function ownershipKeys(pkg) {
    const keys = [];
    for (const loc of pkg.locations) {
        keys.push(loc.path);
        const dir = dirname(loc.path);
        const lower = dir.toLowerCase();
        // The metadata directory for dist-info/egg-info, and the package directory for package.json/gemspec-less
        // layouts; an archive or binary is identified by the file itself.
        if (lower.endsWith('.dist-info') || lower.endsWith('.egg-info') || loc.path.endsWith('/package.json'))
            keys.push(dir);
    }
    return keys;
}
/**
 * Sets `ownedBy` on every language package whose metadata file or directory an OS package's `metadata.files`
 * lists. Returns the packages it changed. The first OS package (in input order) that owns a package wins.
 */
function applyOwnership(packages) {
    const owner = new Map();
    for (const pkg of packages) {
        if (!OS_TYPES.has(pkg.type))
            continue;
        const files = pkg.metadata?.files;
        if (!Array.isArray(files))
            continue;
        for (const f of files) {
            if (typeof f !== 'string')
                continue;
            const path = f.length > 1 && f.endsWith('/') ? f.slice(0, -1) : f;
            if (!owner.has(path))
                owner.set(path, pkg.id);
        }
    }
    const changed = [];
    if (owner.size === 0)
        return changed;
    for (const pkg of packages) {
        if (OS_TYPES.has(pkg.type))
            continue;
        for (const key of ownershipKeys(pkg)) {
            const id = owner.get(key);
            if (id !== undefined) {
                pkg.ownedBy = id;
                changed.push(pkg);
                break;
            }
        }
    }
    return changed;
}

;// CONCATENATED MODULE: ./src/catalog/run.ts





/** The catalogers an image scan runs: those tagged `image`, or every one when none is tagged. */
function selectCatalogers(tag = 'image', all = CATALOGERS) {
    const tagged = all.filter((c) => c.tags.includes(tag));
    return tagged.length ? tagged : [...all];
}
/**
 * Every file the catalogers (and distro detection) need, for the image's single pass. A language cataloger's
 * buffered manifests are kept in every layer's version, so that a package's origin is the first layer that wrote
 * its manifest as it is now (`manifestOrigin`); streamed files (binaries, through sinks) are not. Package databases
 * (`database: true`) get `maxDatabaseBytes` as their cap instead of the per-file cap.
 */
function catalogRequests(catalogers, options = {}) {
    const capBytes = options.maxDatabaseBytes ?? DEFAULT_MAX_DATABASE_BYTES;
    return [
        ...detect/* DISTRO_REQUESTS */.vX,
        ...catalogers.flatMap((c) => (c.tags.includes('language') ? c.requests.map((r) => (r.sink || r.everyLayer ? r : { ...r, everyLayer: true })) : c.requests)),
    ].map((r) => (r.database ? { ...r, capBytes } : r));
}
/**
 * The content cap of a known package database (dpkg status and status.d, apk installed, the rpmdbs): larger than
 * the per-file cap, as a RHEL rpmdb can exceed 64 MiB, and still bounded (each layer's version is kept).
 */
const DEFAULT_MAX_DATABASE_BYTES = 512 * 1024 * 1024;
/**
 * Runs catalogers over a FileView. A cataloger that throws is recorded as failed with its reason and the others go
 * on; unknowns it reports make it `partial`. Language packages whose files an OS package owns are marked `ownedBy`.
 */
async function runCatalogers(view, options) {
    const distro = (0,detect/* detectDistro */.T9)(view);
    const packages = [];
    const unknowns = [];
    const plugins = [];
    let done = 0;
    for (const c of options.catalogers) {
        (0,errors/* throwIfAborted */.Te)(options.signal);
        options.logger.progress?.({ task: 'catalog', label: `cataloguing: ${c.id}`, done: done++, total: options.catalogers.length, unit: 'items' });
        try {
            const r = await c.catalog({ view, ...(distro ? { distro } : {}), logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
            packages.push(...(c.tags.includes('language') ? r.packages.map((p) => withOrigin(p, p.locations[0] ? manifestOrigin(view, p.locations[0].path) : undefined)) : r.packages));
            unknowns.push(...r.unknowns);
            plugins.push({
                id: c.id,
                version: c.version,
                status: r.unknowns.length ? 'partial' : 'succeeded',
                ...(r.unknowns.length ? { reason: `${r.unknowns.length} file(s) could not be read` } : {}),
            });
        }
        catch (e) {
            if (options.signal?.aborted)
                throw e;
            options.logger.warning(`cataloger ${c.id} failed: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            plugins.push({ id: c.id, version: c.version, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
        }
    }
    options.logger.progress?.({ task: 'catalog', label: '', end: true });
    applyOwnership(packages);
    return { ...(distro ? { distro } : {}), packages, unknowns, plugins };
}

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
        const path = normalizeEntryName(raw.name);
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
        const base = basename(path);
        if (base.startsWith(WHITEOUT)) {
            if (base === OPAQUE) {
                r.opaqueDirs.push(dirname(path));
                r.stats.opaque++;
            }
            else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
                const dir = dirname(path);
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
            const target = normalizeEntryName(raw.linkname);
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
const tar_parser_BLOCK = 512;
const META_LIMIT = 1 << 20; // PAX and GNU long-name records larger than this are refused.
class TarParser {
    onEntry;
    #state = 'header';
    #header = Buffer.alloc(tar_parser_BLOCK);
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
                    const take = Math.min(tar_parser_BLOCK - this.#headerFill, len - pos);
                    if (this.#headerFill === 0 && take === tar_parser_BLOCK) {
                        // Fast path: the whole header is inside this chunk.
                        this.#onHeader(chunk.subarray(pos, pos + tar_parser_BLOCK));
                    }
                    else {
                        chunk.copy(this.#header, this.#headerFill, pos, pos + take);
                        this.#headerFill += take;
                        if (this.#headerFill === tar_parser_BLOCK) {
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
        this.#padding = (tar_parser_BLOCK - (dataSize % tar_parser_BLOCK)) % tar_parser_BLOCK;
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
        this.#padding = (tar_parser_BLOCK - (meta.size % tar_parser_BLOCK)) % tar_parser_BLOCK;
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
    for (let i = 0; i < tar_parser_BLOCK; i += 4) {
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
    for (let i = 0; i < tar_parser_BLOCK; i++)
        unsigned += block[i];
    for (let i = 148; i < 156; i++)
        unsigned += 32 - block[i];
    if (stored === unsigned)
        return;
    let signed = 0;
    for (let i = 0; i < tar_parser_BLOCK; i++) {
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
        const name = normalizeEntryName(h.name);
        if (name === null)
            return null;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? resolveLinkTarget(name, h.linkname) : normalizeEntryName(h.linkname);
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
        const name = resolveName(normalizeEntryName(entryName) ?? entryName);
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
    const configName = resolveName(normalizeEntryName(e.Config) ?? e.Config);
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
        const name = normalizeEntryName(h.name);
        if (name === null)
            return null;
        if (members.has(name) || links.has(name))
            usable = false;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? resolveLinkTarget(name, h.linkname) : normalizeEntryName(h.linkname);
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
            const name = resolveName(normalizeEntryName(entryName) ?? entryName);
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
    const { connectRegistry } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(100), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 89100));
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
    const { Agent, errors: undiciErrors, request } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
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
                const target = resolveLinkTarget(candidate, this.#files.linkOf(candidate) ?? '');
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
        const re = compileGlob(pattern);
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
    await directory_walk(root, '', collector);
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
async function directory_walk(root, rel, collector) {
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
            await directory_walk(root, relPath, collector);
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
            globs: (request.globs ?? []).map(compileGlob),
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

// EXTERNAL MODULE: ./src/output/list.ts + 8 modules
var list = __webpack_require__(36054);
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
var version_list = __webpack_require__(29561);
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
    return (ctx.compareVersions ?? version_list/* compareForPackageType */.Xl)(type, a, b);
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
            gate = findGate(r.gate);
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
        if (typeof i.gate === 'string' && !findGate(i.gate) && !EOL_GATES[i.gate.toLowerCase()]) {
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
    return GATES.map((g) => g.name);
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
    return buildBundle(structuredClone(doc), `policies/${name}.json`);
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
    return loadBundleFile(value);
}

;// CONCATENATED MODULE: ./src/policy/match.ts

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
        return (0,policy_params/* reMatch */.$D)(pattern.slice('regexp:'.length), value);
    if (!pattern.includes('*'))
        return pattern === value;
    const re = new RegExp(`^${pattern.split('*').map(match_escapeRegex).join('.*')}$`, 's');
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
function match_escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
    const mapping = bundle.mappings.find((m) => selects(m, target));
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
    const denied = bundle.denylisted_images.find((r) => selects(r, target));
    const allowed = denied ? undefined : bundle.allowlisted_images.find((r) => selects(r, target));
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
    const gate = findGate(rule.gate);
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
    return matchesPattern(item.trigger_id, triggerId);
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
            const gate = findGate(rule.gate);
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
;// CONCATENATED MODULE: ./src/version-info.ts
/** The tool's version, kept in step with package.json by a test. */
const VERSION = '0.1.0';

// EXTERNAL MODULE: ./src/scan/config.ts
var scan_config = __webpack_require__(19087);
// EXTERNAL MODULE: ./src/baseline/delta.ts
var delta = __webpack_require__(89041);
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
    const outputs = deps.render === false ? [] : (0,list/* parseOutputSpecs */.L)(config.outputs.length ? config.outputs : ['table']);
    const policy = config.policyPath;
    const bundle = deps.bundle ?? (await resolvePolicy(policy && !Object.hasOwn(BUNDLED_POLICIES, policy) ? at(policy) : policy));
    const dockerfile = config.dockerfilePath ? await readDockerfile(at(config.dockerfilePath)) : undefined;
    // Modules a plain scan does not need are loaded only when their option is used (memory at every image size).
    const complianceInput = config.complianceSummaries || config.complianceStore ? await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(263)]).then(__webpack_require__.bind(__webpack_require__, 3263)) : undefined;
    const compliance = config.complianceSummaries ? await Promise.all(config.complianceSummaries.map((p) => complianceInput.readComplianceSummary(p, at(p)))) : undefined;
    // `sbom:PATH`: the packages come from an SBOM and there is no file view, so the file-based gates say they cannot check.
    let view;
    let image;
    let catalog;
    if (deps.sbom) {
        ({ image, catalog } = (0,read/* sbomInputOf */.Rw)(deps.sbom, config.image));
    }
    else if ((0,read/* isSbomReference */.HX)(config.image)) {
        ({ image, catalog } = await (0,read/* sbomInput */.OM)(at(config.image.slice(read/* SBOM_SCHEME */.cA.length)), config.image));
    }
    else {
        const catalogers = selectCatalogers('image');
        view = await loadImage(config.image, {
            ...config.source,
            env: deps.env,
            logger,
            requests: [...catalogRequests(catalogers, { maxDatabaseBytes: config.maxDatabaseBytes ?? Math.max(DEFAULT_MAX_DATABASE_BYTES, config.maxFileBytes ?? 0) }), ...policyFileRequests(bundle)],
            ...(config.maxFileBytes ? { maxFileBytes: config.maxFileBytes } : {}),
            ...(config.layerCache ? { layerCache: { cache: new (await __webpack_require__.e(/* import() */ 769).then(__webpack_require__.bind(__webpack_require__, 55769))).LayerCache(at(config.layerCache.dir), config.layerCache.maxBytes), salt: analysisSalt(catalogers) } } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        image = view.metadata;
        logger.info(`read ${image.reference}: ${image.layers.length} layers, ${view.size} paths`);
        catalog = await runCatalogers(view, { catalogers, logger, ...(deps.signal ? { signal: deps.signal } : {}) });
    }
    logger.info(`catalogued ${catalog.packages.length} packages${catalog.distro ? ` on ${catalog.distro.prettyName ?? catalog.distro.id}` : ''}`);
    const catalogGaps = catalogGapsOf(catalog.unknowns);
    for (const line of catalogGapWarnings(catalogGaps))
        logger.warning(line);
    const vulns = config.vulnerabilities.enabled
        ? await (deps.vulnerabilities ?? (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(353), __webpack_require__.e(976), __webpack_require__.e(731)]).then(__webpack_require__.bind(__webpack_require__, 58731))).vulnerabilityStage).run({ packages: catalog.packages, ...(catalog.distro ? { distro: catalog.distro } : {}), options: config.vulnerabilities, env: deps.env, logger, now: now(), ...(deps.signal ? { signal: deps.signal } : {}) })
        : undefined;
    const mapping = dockerfile ? (await __webpack_require__.e(/* import() */ 208).then(__webpack_require__.bind(__webpack_require__, 83208))).mapLayersToDockerfile(image.layers, image.config.history ?? [], dockerfile.text) : undefined;
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
            ? { compliance: [...complianceInput.complianceFor(image, compliance ?? [], logger), ...(config.complianceStore ? await complianceInput.storedCompliance(config.complianceStore, image, logger, deps.signal) : [])] }
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
    const { sbom: _sbom, ...rescanDeps } = deps;
    const report = !config.baseline ? built : await (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 6321))).applyBaseline(built, config.baseline, {
        logger,
        at,
        rescan: async (ref) => (await runScan({ ...rescanConfig, image: ref, outputs: [] }, { ...rescanDeps, render: false })).report,
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
    const store = config.store ? await (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(158)]).then(__webpack_require__.bind(__webpack_require__, 44158))).pushEvaluation(config.store, report, at, logger, deps.signal) : undefined;
    // A failed push has been warned about; with failOnError it also fails a run that would pass (the caller says why).
    if (store && store.status !== 'pushed' && config.store?.failOnError && (outcome === 'go' || outcome === 'warn'))
        outcome = 'remote-error';
    return { report, outcome, written, ...(store ? { store } : {}) };
}
/** The layer cache's part of the analysis version that the requests do not show: the tool's and the catalogers' versions. */
function analysisSalt(catalogers) {
    return [`portcullis@${VERSION}`, ...catalogers.map((c) => `${c.id}@${c.version}`)].join(',');
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
    return { schemaVersion: '1', tool: { name: 'portcullis', version: VERSION }, ...parts };
}


/***/ })

};
