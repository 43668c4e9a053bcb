export const id = 907;
export const ids = [907];
export const modules = {

/***/ 84907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateFromRepository: () => (/* binding */ updateFromRepository)
});

// UNUSED EXPORTS: DEFAULT_DB_REPOSITORY, OCI_EMPTY_TYPE, OCI_MANIFEST_TYPE, VULNDB_ARTIFACT_TYPE, VULNDB_LAYER_TYPE, artifactManifest, parseDbRepository, pushCompiled

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/image/registry/connect.ts + 3 modules
var connect = __webpack_require__(89100);
// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/vulndb/list.ts + 26 modules
var list = __webpack_require__(25966);
// EXTERNAL MODULE: ./src/vulndb/provider.ts
var provider = __webpack_require__(61295);
// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
;// CONCATENATED MODULE: ./src/vulndb/compiled.ts










/**
 * A compiled vulnerability database: the whole live database (metadata.json and every segment) in ONE file, for
 * shipping (`db build`, `db push`, `db update --db-repository`).
 *
 * Format (version 1), gzip'd with fixed settings (level 9, no name, mtime 0):
 *   line 1: `portcullis-vulndb <format version> sha256:<hex>`: the hex is the sha256 of every byte after this line;
 *   line 2: the header, one JSON object (`CompiledHeader`): schema version, built-at, sources, the files;
 *   then the files' bytes, one after the other, in the header's order.
 * The same inputs give the same bytes: sources and records are sorted, and the only times inside are `--built-at`
 * (default: the newest `modified` among the records) and what the sources say themselves.
 */
const COMPILED_MAGIC = 'portcullis-vulndb';
const COMPILED_FORMAT_VERSION = 1;
const FILE_NAME = /^(metadata\.json|s\d+\.jsonl|s\d+\.idx\.json)$/;
/** Parses `KIND:PATH|URL` (`osv-local:../data/osv`, `osv-bucket:https://…`, `kev:https://…`). */
function parseBuildSource(text, extra = {}) {
    const colon = text.indexOf(':');
    const provider = colon > 0 ? text.slice(0, colon) : '';
    const where = colon > 0 ? text.slice(colon + 1) : '';
    if (!provider || !where)
        throw new ConfigurationError(`--source "${text}" is not KIND:PATH or KIND:URL (for example osv-local:./osv or osv-bucket:https://host/bucket)`);
    if (!VULNERABILITY_PROVIDERS.find(provider)) {
        throw new ConfigurationError(`--source "${text}": unknown provider "${provider}" (known: ${VULNERABILITY_PROVIDERS.ids().join(', ')})`);
    }
    const location = /^https?:\/\//i.test(where) ? { url: where } : { path: where };
    // `--ecosystem` names OSV bucket ecosystems; other providers read `ecosystems` as something else (NVD: years)
    const { ecosystems, ...common } = extra;
    return { provider, options: { ...common, ...(provider === 'osv-bucket' && ecosystems ? { ecosystems } : {}), ...location } };
}
/** Runs every source's provider into a fresh temporary database and packs it into one compiled file. */
async function buildCompiled(options) {
    if (options.sources.length === 0)
        throw new ConfigurationError('db build needs at least one --source');
    const fixed = options.builtAt;
    const now = () => fixed ?? new Date(0);
    const batches = [];
    for (const source of options.sources) {
        const provider = VULNERABILITY_PROVIDERS.get(source.provider);
        const got = await provider.fetch(source.options, { logger: options.logger, previous: new Map(), now, ...(options.signal ? { signal: options.signal } : {}) });
        batches.push(...got);
    }
    const full = batches.filter((b) => !b.notModified);
    const ids = new Set();
    let newest = '';
    for (const b of full) {
        if (ENRICHMENT_KINDS.has(b.kind))
            continue;
        for (const r of b.records) {
            for (const id of joinIds(r))
                ids.add(id);
            if (typeof r.modified === 'string' && r.modified > newest)
                newest = r.modified;
        }
    }
    const builtAt = fixed ?? (newest && !Number.isNaN(Date.parse(newest)) ? new Date(newest) : new Date(0));
    const enrichment = { fetched: 0, kept: 0, fetchedBytes: 0, keptBytes: 0 };
    const sorted = full
        .map((b) => {
        const stamped = fixed ? b : { ...b, fetchedAt: b.fetchedAt === new Date(0).toISOString() ? builtAt.toISOString() : b.fetchedAt };
        if (ENRICHMENT_KINDS.has(b.kind)) {
            const all = b.enrichments ?? [];
            const kept = all.filter((e) => ids.has(e.id.trim().toUpperCase()));
            enrichment.fetched += all.length;
            enrichment.kept += kept.length;
            for (const e of all)
                enrichment.fetchedBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            for (const e of kept)
                enrichment.keptBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            return { ...stamped, enrichments: [...kept].sort(byId) };
        }
        return { ...stamped, records: [...b.records].sort(byRecord) };
    })
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seen = new Set();
    for (const b of sorted) {
        if (seen.has(b.id))
            throw new ConfigurationError(`db build: two sources are both "${b.id}"; name each source once`);
        seen.add(b.id);
    }
    const temp = mkdtempSync(join(tmpdir(), 'portcullis-build-'));
    try {
        const { dir, metadata } = writeDatabase(temp, sorted, builtAt);
        const files = ['metadata.json', ...metadata.segments.flatMap((s) => [s.data, s.index])];
        const sources = metadata.segments.map((s) => ({
            id: s.id,
            provider: s.provider,
            kind: s.kind,
            location: s.location,
            fetchedAt: s.fetchedAt,
            ...(s.lastModified ? { lastModified: s.lastModified } : {}),
            ...(s.etag ? { etag: s.etag } : {}),
            records: s.records,
            skipped: s.skipped,
        }));
        const bodies = files.map((name) => ({ name, body: readFileSync(join(dir, name)) }));
        const header = {
            formatVersion: COMPILED_FORMAT_VERSION,
            schemaVersion: DB_SCHEMA_VERSION,
            builtAt: builtAt.toISOString(),
            sources,
            enrichment,
            files: bodies.map(({ name, body }) => ({ name, bytes: body.length, sha256: sha256(body) })),
        };
        const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => b.body)]);
        const checksum = sha256(content);
        const plain = Buffer.concat([Buffer.from(`${COMPILED_MAGIC} ${COMPILED_FORMAT_VERSION} sha256:${checksum}\n`), content]);
        const bytes = gzipSync(plain, { level: 9, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
        return { bytes, header, checksum };
    }
    finally {
        rmSync(temp, { recursive: true, force: true });
    }
}
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function byRecord(a, b) {
    if (a.id !== b.id)
        return a.id < b.id ? -1 : 1;
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
function sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Reads a compiled file and checks it whole: gzip, the magic line, its checksum, the format and schema versions,
 * each file's size and sha256. Anything wrong is a ConfigurationError naming what (`what` names the file).
 */
function compiled_readCompiled(bytes, what) {
    const bad = (why) => new errors/* ConfigurationError */.j1(`${what} is not a usable compiled vulnerability database: ${why}`);
    let plain;
    try {
        plain = (0,external_node_zlib_.gunzipSync)(bytes);
    }
    catch (error) {
        throw bad(`it does not gunzip (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    const nl = plain.indexOf(0x0a);
    const first = (nl > 0 ? plain.subarray(0, Math.min(nl, 200)) : plain.subarray(0, 0)).toString('utf8');
    const m = /^portcullis-vulndb (\d+) sha256:([a-f0-9]{64})$/.exec(first);
    if (!m)
        throw bad('it does not start with the portcullis-vulndb line');
    if (Number(m[1]) !== COMPILED_FORMAT_VERSION)
        throw bad(`its format version is ${m[1]}, this Portcullis reads ${COMPILED_FORMAT_VERSION}; update Portcullis`);
    const content = plain.subarray(nl + 1);
    const checksum = sha256(content);
    if (checksum !== m[2])
        throw bad(`its checksum does not match (sha256:${checksum}, expected sha256:${m[2]}); the file is corrupt`);
    const hl = content.indexOf(0x0a);
    let header;
    try {
        header = JSON.parse(content.subarray(0, hl).toString('utf8'));
    }
    catch (error) {
        throw bad(`its header is not JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (header.schemaVersion !== store/* DB_SCHEMA_VERSION */.kN) {
        throw bad(`its database schema version is ${String(header.schemaVersion)}, this Portcullis reads ${store/* DB_SCHEMA_VERSION */.kN}`);
    }
    if (!Array.isArray(header.files) || !header.files.some((f) => f.name === 'metadata.json'))
        throw bad('it lists no metadata.json');
    const files = [];
    let at = hl + 1;
    for (const f of header.files) {
        if (!FILE_NAME.test(f.name))
            throw bad(`it holds a file with an unexpected name "${f.name}"`);
        const body = content.subarray(at, at + f.bytes);
        if (body.length !== f.bytes || sha256(body) !== f.sha256)
            throw bad(`${f.name} does not match its size or sha256`);
        files.push({ name: f.name, body });
        at += f.bytes;
    }
    if (at !== content.length)
        throw bad(`${content.length - at} trailing byte(s) after the last file`);
    return { header, checksum, files };
}
/**
 * Unpacks a compiled file into a new database folder and makes it live. The file is checked whole first; on any
 * failure the half-written folder is removed and the live database is left alone.
 */
function openCompiled(input, cacheDir, origin = {}) {
    let bytes;
    if (typeof input === 'string') {
        try {
            bytes = (0,external_node_fs_.readFileSync)(input);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`cannot read the compiled database ${input}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        }
    }
    else
        bytes = input;
    const what = typeof input === 'string' ? input : (origin.repository ?? 'the compiled database');
    const { header, checksum, files } = compiled_readCompiled(bytes, what);
    let metadata;
    try {
        metadata = JSON.parse(files.find((f) => f.name === 'metadata.json').body.toString('utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what}: its metadata.json is not JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    const names = new Set(files.map((f) => f.name));
    for (const s of metadata.segments ?? []) {
        if (!names.has(s.data) || !names.has(s.index))
            throw new errors/* ConfigurationError */.j1(`${what}: source ${s.id} names files that are not inside`);
    }
    metadata = { ...metadata, compiled: { builtAt: header.builtAt, checksum: `sha256:${checksum}`, ...origin } };
    const dir = (0,store/* newDatabaseDir */.BL)(cacheDir);
    try {
        for (const f of files)
            if (f.name !== 'metadata.json')
                (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, f.name), f.body);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
        (0,store/* activateDatabase */.ls)(cacheDir, dir);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
    return { metadata, header };
}

;// CONCATENATED MODULE: ./src/vulndb/artifact.ts






/**
 * The compiled vulnerability database as an OCI artifact: an image manifest with
 * `artifactType: application/vnd.portcullis.vulndb.v1`, the empty config, and one layer (the compiled file).
 */
const DEFAULT_DB_REPOSITORY = 'ghcr.io/portcullis/vulndb:v1';
const VULNDB_ARTIFACT_TYPE = 'application/vnd.portcullis.vulndb.v1';
const VULNDB_LAYER_TYPE = 'application/vnd.portcullis.vulndb.layer.v1+gzip';
const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
/** A compiled database larger than this is refused. */
const MAX_LAYER_BYTES = 2 ** 31;
/** Strips an optional `registry:` prefix and parses the name. */
function parseDbRepository(ref) {
    return (0,reference/* parseRegistryName */.O8)(ref.replace(/^registry:/, ''));
}
function clientFor(name, options, push) {
    return (0,connect.connectRegistry)(name, options, push);
}
function artifact_sha256(bytes) {
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
/** The artifact's manifest for a compiled file (deterministic: the same file gives the same manifest). */
function artifactManifest(file, header) {
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_TYPE,
        artifactType: VULNDB_ARTIFACT_TYPE,
        config: { mediaType: OCI_EMPTY_TYPE, digest: artifact_sha256(EMPTY_CONFIG), size: EMPTY_CONFIG.length, data: EMPTY_CONFIG.toString('base64') },
        layers: [{ mediaType: VULNDB_LAYER_TYPE, digest: artifact_sha256(file), size: file.length, annotations: { 'org.opencontainers.image.title': 'vulndb.pcdb.gz' } }],
        annotations: { 'org.opencontainers.image.created': header.builtAt, 'io.portcullis.vulndb.schema': String(header.schemaVersion) },
    };
    return Buffer.from(JSON.stringify(manifest));
}
/** Publishes a compiled file (checked first) as the artifact `ref` (`registry:host/repo:tag` or `host/repo:tag`). */
async function pushCompiled(file, what, ref, options, signal) {
    const { header } = readCompiled(file, what);
    const name = parseDbRepository(ref);
    if (name.digest)
        throw new ConfigurationError(`db push needs a tag to push to, not a digest: ${ref}`);
    const client = await clientFor(name, options, true);
    try {
        await client.pushBlob(EMPTY_CONFIG, artifact_sha256(EMPTY_CONFIG), signal);
        const layerDigest = artifact_sha256(file);
        const uploaded = await client.pushBlob(file, layerDigest, signal);
        const manifest = artifactManifest(file, header);
        const manifestDigest = await client.putManifest(manifestReference(name), manifest, OCI_MANIFEST_TYPE, signal);
        return { reference: formatRegistryName(name), manifestDigest, layerDigest, bytes: file.length, uploaded };
    }
    finally {
        await client.close();
    }
}
/**
 * `db update --db-repository`: GETs the manifest; when its digest is the one the live database came from, stops
 * there. Otherwise streams the layer (checking its sha256 and size), checks the compiled file and swaps it in.
 * Any failure is a RemoteError that says the previous database is kept (and it is).
 */
async function updateFromRepository(cacheDir, ref, options, signal) {
    let previous;
    try {
        previous = (0,store/* readMetadata */._6)(cacheDir);
    }
    catch (error) {
        options.logger.warning(`${(0,errors/* getErrorMessage */.u1)(error)}; replacing it`);
    }
    const name = parseDbRepository(ref);
    const shown = (0,reference/* formatRegistryName */.sM)(name);
    const kept = previous ? `the previous database (updated ${previous.updatedAt}${previous.compiled?.manifestDigest ? `, ${previous.compiled.manifestDigest}` : ''}) is kept` : 'there is no previous database';
    const client = await clientFor(name, options, false);
    try {
        const got = await client.getManifest((0,reference/* manifestReference */.Tn)(name), [OCI_MANIFEST_TYPE], signal);
        if (got.advertised && got.advertised.split(':')[0] === got.digest.split(':')[0] && got.advertised !== got.digest) {
            throw new errors/* RemoteError */.Hi(`digest mismatch for manifest ${shown}: the registry says ${got.advertised}, its content hashes to ${got.digest}`);
        }
        if (previous?.compiled?.manifestDigest === got.digest) {
            return { reference: shown, manifestDigest: got.digest, unchanged: true, metadata: previous };
        }
        let manifest;
        try {
            manifest = JSON.parse(got.bytes.toString('utf8'));
        }
        catch {
            throw new errors/* RemoteError */.Hi(`the manifest of ${shown} is not JSON`);
        }
        const layer = manifest.layers?.find((l) => l.mediaType === VULNDB_LAYER_TYPE);
        if (manifest.artifactType !== VULNDB_ARTIFACT_TYPE || !layer?.digest || typeof layer.size !== 'number') {
            throw new errors/* RemoteError */.Hi(`${shown} is not a Portcullis vulnerability database (artifactType ${String(manifest.artifactType)}, expected ${VULNDB_ARTIFACT_TYPE} with one ${VULNDB_LAYER_TYPE} layer)`);
        }
        if (layer.size > MAX_LAYER_BYTES)
            throw new errors/* RemoteError */.Hi(`the database layer of ${shown} is ${layer.size} bytes, more than ${MAX_LAYER_BYTES}`);
        const algorithm = layer.digest.split(':')[0];
        if (algorithm !== 'sha256' && algorithm !== 'sha512')
            throw new errors/* RemoteError */.Hi(`the database layer of ${shown} uses an unsupported digest ${layer.digest}`);
        const stream = await client.openBlob(layer.digest, 'vulnerability database', signal);
        const hash = (0,external_node_crypto_.createHash)(algorithm);
        const chunks = [];
        let total = 0;
        for await (const chunk of stream) {
            const c = chunk;
            total += c.length;
            if (total > layer.size) {
                stream.destroy();
                throw new errors/* RemoteError */.Hi(`the database layer ${layer.digest} of ${shown} is larger than its manifest says (${layer.size} bytes)`);
            }
            hash.update(c);
            chunks.push(c);
        }
        const actual = `${algorithm}:${hash.digest('hex')}`;
        if (actual !== layer.digest)
            throw new errors/* RemoteError */.Hi(`digest mismatch for the database layer of ${shown}: expected ${layer.digest}, the content hashes to ${actual}`);
        if (total !== layer.size)
            throw new errors/* RemoteError */.Hi(`the database layer ${layer.digest} of ${shown} is ${total} bytes, its manifest says ${layer.size}`);
        const { metadata } = openCompiled(Buffer.concat(chunks), cacheDir, { repository: shown, manifestDigest: got.digest, layerDigest: layer.digest });
        return { reference: shown, manifestDigest: got.digest, unchanged: false, metadata, bytes: total };
    }
    catch (error) {
        const message = `Vulnerability database update from ${shown} failed: ${(0,errors/* getErrorMessage */.u1)(error)}; ${kept}`;
        throw new errors/* RemoteError */.Hi(message, { cause: error, ...(error instanceof errors/* RemoteError */.Hi && error.status !== undefined ? { status: error.status } : {}) });
    }
    finally {
        await client.close();
    }
}


/***/ })

};
