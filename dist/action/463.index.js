export const id = 463;
export const ids = [463];
export const modules = {

/***/ 89100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectRegistry: () => (/* binding */ connectRegistry)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/image/registry/challenge.ts
/**
 * Parses a `WWW-Authenticate` header (RFC 7235), which may hold several challenges separated by commas. Scheme
 * names are lower-cased; parameter names too; quoted values are unescaped.
 */
function parseChallenges(header) {
    if (header === undefined)
        return [];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const out = [];
    let i = 0;
    const skip = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === ','))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < text.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z/]/.test(text[i]))
            i++;
        return text.slice(start, i);
    };
    while (i < text.length) {
        skip();
        const name = token();
        if (name === '') {
            i++;
            continue;
        }
        let j = i;
        while (j < text.length && text[j] === ' ')
            j++;
        if (text[j] === '=' && out.length > 0) {
            // a parameter of the current challenge
            i = j + 1;
            while (i < text.length && text[i] === ' ')
                i++;
            let value = '';
            if (text[i] === '"') {
                i++;
                while (i < text.length && text[i] !== '"') {
                    if (text[i] === '\\' && i + 1 < text.length)
                        i++;
                    value += text[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < text.length && text[i] !== ',' && text[i] !== ' ')
                    i++;
                value = text.slice(start, i);
            }
            out[out.length - 1].params[name.toLowerCase()] = value;
        }
        else {
            out.push({ scheme: name.toLowerCase(), params: {} });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
;// CONCATENATED MODULE: ./src/image/registry/client.ts








const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
const MAX_RETRY_AFTER_MS = 60_000;
/** Manifests and indexes above this size are refused (the distribution spec suggests 4 MiB). */
const MAX_MANIFEST_BYTES = 4 << 20;
/**
 * Talks the OCI distribution API v2 to one repository of one registry: manifests and blobs, anonymous, basic or
 * bearer-token authentication (from the `WWW-Authenticate` challenge), retries with exponential backoff on 429, 5xx
 * and network errors (honouring Retry-After), and a per-request time-out. Every error names the registry and the
 * repository; no secret is ever logged or put in a message.
 */
class RegistryClient {
    #name;
    #base;
    #agent;
    #options;
    #timeoutMs;
    #retries;
    #retryBaseMs;
    #authorization;
    #credentials = null;
    constructor(options, agent) {
        this.#options = options;
        this.#name = options.name;
        this.#base = `${(0,reference/* registryScheme */.FG)(options.name.endpoint, options.insecureRegistries)}://${options.name.endpoint}/v2/${options.name.repository}`;
        this.#agent = agent;
        this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.#retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
        this.#retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    }
    static async create(options) {
        let ca;
        if (options.caFile) {
            const pem = await (0,promises_.readFile)(options.caFile, 'utf8').catch((e) => {
                throw new errors/* ConfigurationError */.j1(`cannot read the CA bundle ${options.caFile}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
            });
            if (!pem.includes('-----BEGIN CERTIFICATE-----'))
                throw new errors/* ConfigurationError */.j1(`the CA bundle ${options.caFile} holds no PEM certificate`);
            ca = [...external_node_tls_.rootCertificates, pem];
        }
        // The shared HTTP module's pool: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, the time-outs, the CA bundle.
        const agent = (0,http/* createDispatcher */.SM)({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ca });
        return new RegistryClient(options, agent);
    }
    /** `registry R (repository X)`, for messages. */
    get where() {
        return `registry ${this.#name.registry} (repository ${this.#name.repository})`;
    }
    /** The base URL, `http(s)://host/v2/<repository>`. */
    get baseUrl() {
        return this.#base;
    }
    /** Fetches a manifest or index by tag or digest. A digest reference is verified against the bytes. */
    async getManifest(reference, accept, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        const shown = reference.includes(':') ? `${this.#name.registry}/${this.#name.repository}@${reference}` : `${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#get(`manifests/${reference}`, { accept: accept.join(', '), what: `manifest ${shown}`, signal });
        const bytes = await this.#readBody(res, MAX_MANIFEST_BYTES, `manifest ${shown}`);
        const contentType = headerValue(res.headers['content-type'])?.split(';')[0]?.trim() || undefined;
        const pinned = reference.includes(':') ? reference : undefined;
        const advertised = headerValue(res.headers['docker-content-digest']);
        const algorithm = (pinned ?? advertised ?? 'sha256:').split(':')[0];
        const digest = digestOf(bytes, algorithm, `manifest ${shown}`);
        if (pinned && digest !== pinned) {
            throw new errors/* ImageError */.C8(`digest mismatch for manifest ${shown}: ${this.where} sent content that hashes to ${digest}`);
        }
        return { bytes, contentType, digest, ...(advertised ? { advertised } : {}) };
    }
    /** The repository's tags (`GET tags/list`), following `Link` pagination, at most `max` of them. */
    async listTags(signal, max = 10_000) {
        const tags = [];
        let path = 'tags/list?n=1000';
        while (path && tags.length < max) {
            const res = await this.#get(path, { what: 'tag list', signal });
            const link = headerValue(res.headers.link);
            const body = await this.#readBody(res, MAX_MANIFEST_BYTES, 'tag list');
            let doc;
            try {
                doc = JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list with something that is not JSON`);
            }
            if (doc.tags !== null && doc.tags !== undefined && !Array.isArray(doc.tags))
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list without a tags array`);
            for (const t of doc.tags ?? [])
                if (typeof t === 'string' && SAFE_TAG.test(t) && tags.length < max)
                    tags.push(t);
            const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
            const nextUrl = next ? new URL(next, `${this.#base}/`) : undefined;
            // Only a next page of this repository's own tag list is followed.
            path = nextUrl && `${nextUrl.origin}${nextUrl.pathname}` === `${this.#base}/tags/list` ? `tags/list${nextUrl.search}` : undefined;
        }
        return tags;
    }
    /** Fetches a small blob (a config) whole, and checks its digest. */
    async getBlobBytes(digest, maxBytes, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const bytes = await this.#readBody(res, maxBytes, `${what} blob ${digest}`);
        const actual = digestOf(bytes, digest.split(':')[0], `${what} blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`digest mismatch for ${what} blob ${digest} from ${this.where}: its content hashes to ${actual}`);
        return bytes;
    }
    /** Streams a blob; the caller checks its digest while reading. Errors while streaming name the blob and registry. */
    async openBlob(digest, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        res.body.on('error', (e) => out.destroy(this.#networkError(e, `${what} blob ${digest}`, 1)));
        out.on('close', () => {
            if (!res.body.destroyed)
                res.body.destroy();
        });
        res.body.pipe(out);
        return out;
    }
    /** Whether the repository holds this blob (HEAD). */
    async hasBlob(digest, signal) {
        checkDigest(digest, 'blob');
        const what = `blob ${digest}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/${digest}`, undefined, signal, { method: 'HEAD' }));
        await res.body.dump().catch(() => { });
        if (res.statusCode === 200)
            return true;
        if (res.statusCode === 404)
            return false;
        throw await this.#failure(res, `HEAD ${what}`);
    }
    /**
     * Uploads a blob in one piece (POST to start the upload, then a monolithic PUT with `?digest=`), unless the
     * repository already has it. Answers whether it was uploaded.
     */
    async pushBlob(bytes, digest, signal) {
        checkDigest(digest, 'blob');
        const actual = digestOf(bytes, digest.split(':')[0], `blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`blob ${digest}: its content hashes to ${actual}`);
        if (await this.hasBlob(digest, signal))
            return false;
        const what = `upload of blob ${digest}`;
        const start = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/uploads/`, undefined, signal, { method: 'POST', body: Buffer.alloc(0) }));
        if (start.statusCode !== 202)
            throw await this.#failure(start, `start of the ${what}`);
        await start.body.dump().catch(() => { });
        const location = headerValue(start.headers.location);
        if (!location)
            throw new errors/* RemoteError */.Hi(`${this.where} started the ${what} without a Location header`);
        const target = new URL(location, `${this.#base}/`);
        target.searchParams.set('digest', digest);
        const put = await this.#withRetries(what, signal, () => this.#authorizedRequest(target.toString(), undefined, signal, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
            body: bytes,
        }));
        if (put.statusCode !== 201)
            throw await this.#failure(put, what);
        await put.body.dump().catch(() => { });
        return true;
    }
    /** PUTs a manifest under a tag (or its digest); answers the digest of the bytes. */
    async putManifest(reference, bytes, mediaType, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        if (bytes.length > MAX_MANIFEST_BYTES)
            throw new errors/* ImageError */.C8(`the manifest for ${this.where} is larger than ${MAX_MANIFEST_BYTES} bytes`);
        const what = `manifest ${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/manifests/${reference}`, undefined, signal, { method: 'PUT', headers: { 'content-type': mediaType }, body: bytes }));
        if (res.statusCode !== 201 && res.statusCode !== 200)
            throw await this.#failure(res, `PUT ${what}`);
        await res.body.dump().catch(() => { });
        return digestOf(bytes, 'sha256', what);
    }
    /** The error for an unexpected answer to a push request. */
    async #failure(res, what) {
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 401)
            return this.#unauthorized(detail);
        if (status === 403)
            return new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may push to this repository`, { status });
        return new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Ends every connection, including a blob stream that a failed reader left open. */
    async close() {
        await this.#agent.destroy().catch(() => { });
    }
    async #get(path, args) {
        const url = `${this.#base}/${path}`;
        const res = await this.#withRetries(args.what, args.signal, () => this.#authorizedRequest(url, args.accept, args.signal));
        if (res.statusCode === 200)
            return res;
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 404) {
            const kind = path.startsWith('manifests/') ? 'manifest unknown' : path.startsWith('tags/') ? 'repository unknown' : 'blob unknown';
            throw new errors/* RemoteError */.Hi(`${kind}: ${args.what.replace(/^(manifest|.* blob) /, '')} not found in ${this.where}${detail ? ` (${detail})` : ''}`, { status });
        }
        if (status === 403) {
            throw new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${args.what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may pull this repository`, { status });
        }
        if (status === 401) {
            // #authorizedRequest already handled the challenge; a 401 here means the credentials were not accepted
            throw await this.#unauthorized(detail);
        }
        throw new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${args.what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Sends a request (GET unless told), answering one authentication challenge when the registry asks. */
    async #authorizedRequest(url, accept, signal, init = {}) {
        const headers = { ...(init.headers ?? {}) };
        if (accept)
            headers.accept = accept;
        const send = () => this.#send(url, {
            method: init.method ?? 'GET',
            headers: { ...headers, ...(this.#authorization ? { authorization: this.#authorization } : {}) },
            ...(init.body !== undefined ? { body: init.body } : {}),
            signal,
        });
        let res = await send();
        if (res.statusCode !== 401)
            return res;
        const challenges = parseChallenges(res.headers['www-authenticate']);
        await res.body.dump().catch(() => { });
        const authorization = await this.#answerChallenge(challenges, signal);
        if (authorization === undefined)
            throw await this.#unauthorized('');
        this.#authorization = authorization;
        res = await send();
        return res;
    }
    /** The Authorization header for a challenge, fetching a bearer token when that is what is asked. */
    async #answerChallenge(challenges, signal) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const creds = await this.#lookupCredentials();
        if (bearer)
            return `Bearer ${await this.#fetchToken(bearer, creds, signal)}`;
        if (basic || challenges.length === 0) {
            if (!creds)
                return undefined;
            if (creds.kind !== 'basic')
                throw new errors/* ConfigurationError */.j1(`${this.where} asks for basic authentication, but the credentials (${creds.from}) are an identity token`);
            return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        }
        throw new errors/* RemoteError */.Hi(`${this.where} asks for an unsupported authentication scheme "${challenges[0].scheme}"`, { status: 401 });
    }
    async #lookupCredentials() {
        if (this.#credentials === null) {
            this.#credentials = await this.#options.credentials();
            this.#options.logger.debug(`${this.where}: ${this.#credentials ? `using credentials from ${this.#credentials.from}` : 'no credentials found; trying anonymously'}`);
        }
        return this.#credentials;
    }
    /** Gets a token from the challenge's realm: GET with basic credentials, or the OAuth2 refresh-token POST. */
    async #fetchToken(challenge, creds, signal) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge without a realm`, { status: 401 });
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge with an invalid realm "${realm}"`, { status: 401 });
        }
        const service = challenge.params.service;
        const scope = this.#options.push ? `repository:${this.#name.repository}:pull,push` : (challenge.params.scope ?? `repository:${this.#name.repository}:pull`);
        const what = `a token from ${realmUrl.origin}${realmUrl.pathname}`;
        const res = await this.#withRetries(what, signal, async () => {
            if (creds?.kind === 'identity-token') {
                const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'portcullis', scope });
                if (service)
                    form.set('service', service);
                return this.#send(realmUrl.toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal });
            }
            const url = new URL(realmUrl);
            if (service)
                url.searchParams.set('service', service);
            url.searchParams.set('scope', scope);
            const headers = creds ? { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } : {};
            return this.#send(url.toString(), { method: 'GET', headers, signal });
        });
        if (res.statusCode === 401 || res.statusCode === 403) {
            await res.body.dump().catch(() => { });
            throw await this.#unauthorized(`the token server ${realmUrl.origin} answered HTTP ${res.statusCode}`);
        }
        if (res.statusCode !== 200) {
            const detail = await errorDetail(res);
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered HTTP ${res.statusCode}${detail ? `: ${detail}` : ''}`, { status: res.statusCode });
        }
        const body = await this.#readBody(res, 1 << 20, what);
        let doc;
        try {
            doc = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered with something that is not JSON`);
        }
        const token = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' && doc.access_token ? doc.access_token : undefined;
        if (!token)
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered without a token`);
        return token;
    }
    async #unauthorized(detail) {
        const creds = await this.#lookupCredentials().catch(() => undefined);
        const tail = detail ? ` (${detail})` : '';
        if (!creds) {
            return new errors/* RemoteError */.Hi(`authentication required for ${this.where}${tail}: no credentials were found; use --registry-username with PORTCULLIS_REGISTRY_PASSWORD, or docker login`, { status: 401 });
        }
        return new errors/* RemoteError */.Hi(`credentials rejected for ${this.where}${tail}; they came from ${creds.from}`, { status: 401 });
    }
    /** One HTTP exchange through the shared HTTP module, following redirects (dropping Authorization when the origin changes). */
    async #send(url, init) {
        return (0,http/* httpRequest */.aj)(url, { ...init, dispatcher: this.#agent, timeoutMs: this.#timeoutMs });
    }
    /** Runs `fn`, retrying 429, 5xx and network errors with exponential backoff (or Retry-After), through the shared HTTP module. */
    async #withRetries(what, signal, fn) {
        let res;
        try {
            res = await (0,http/* withRetries */.LH)(fn, { retries: this.#retries, backoffMs: this.#retryBaseMs, maxRetryAfterMs: MAX_RETRY_AFTER_MS, signal, logger: this.#options.logger, what: `${this.where}: ${what}` });
        }
        catch (e) {
            if (e instanceof http/* RetriesExhausted */.w1)
                throw this.#networkError(e.cause, what, e.attempts);
            throw e;
        }
        if (res.statusCode !== 429 && res.statusCode < 500)
            return res;
        const detail = await errorDetail(res);
        const attempts = res.attempts;
        const kind = res.statusCode === 429 ? 'rate-limited the request (HTTP 429)' : `answered HTTP ${res.statusCode}`;
        throw new errors/* RemoteError */.Hi(`${this.where} ${kind} for ${what}${detail ? `: ${detail}` : ''}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, {
            status: res.statusCode,
        });
    }
    #networkError(e, what, attempts) {
        if (e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi)
            return e;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
        if ((0,http/* isTimeoutError */.c8)(e)) {
            return new errors/* RemoteError */.Hi(`${this.where} did not answer within ${(0,http/* formatMs */._V)(this.#timeoutMs)} for ${what}${tries}`, { cause: e });
        }
        return new errors/* RemoteError */.Hi(`cannot reach ${this.where} at ${this.#base.replace(/\/v2\/.*$/, '')} for ${what}: ${(0,http/* describeNetworkError */.gl)(e, this.#timeoutMs)}${tries}`, { cause: e });
    }
    async #readBody(res, maxBytes, what) {
        const chunks = [];
        let total = 0;
        try {
            for await (const chunk of res.body) {
                total += chunk.length;
                if (total > maxBytes) {
                    res.body.destroy();
                    throw new errors/* ImageError */.C8(`${what} from ${this.where} is larger than ${maxBytes} bytes; refusing it`);
                }
                chunks.push(chunk);
            }
        }
        catch (e) {
            throw this.#networkError(e, what, 1);
        }
        return Buffer.concat(chunks);
    }
}
const SAFE_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SAFE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function checkDigest(digest, what) {
    if (!SAFE_DIGEST.test(digest))
        throw new errors/* ImageError */.C8(`${what} has an invalid digest "${digest}"`);
}
function digestOf(bytes, algorithm, what) {
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        throw new errors/* ImageError */.C8(`${what} uses an unsupported digest algorithm "${algorithm}"`);
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
/** The registry's own words, from its JSON error body (`{"errors":[{"code","message"}]}`), short. */
async function errorDetail(res) {
    let text;
    try {
        let total = 0;
        const chunks = [];
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > 64 * 1024) {
                res.body.destroy();
                break;
            }
            chunks.push(chunk);
        }
        text = Buffer.concat(chunks).toString('utf8');
    }
    catch {
        return '';
    }
    try {
        const doc = JSON.parse(text);
        if (Array.isArray(doc.errors) && doc.errors.length > 0) {
            return doc.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
        }
        if (typeof doc.message === 'string')
            return doc.message.slice(0, 300);
    }
    catch {
        // not JSON
    }
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
/** Retry-After as seconds or an HTTP date (the shared HTTP module's reading). */
function retryAfterMs(value, now = Date.now()) {
    return retryAfterHeaderMs(value, now);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/image/registry/credentials.ts






/** The directory holding docker's config.json. */
function dockerConfigDir(lookup) {
    return lookup.dockerConfigDir ?? lookup.env.DOCKER_CONFIG ?? (0,external_node_path_.join)(lookup.env.HOME ?? (0,external_node_os_.homedir)(), '.docker');
}
/**
 * Finds credentials for `registry` (`docker.io`, `host:port`): explicit ones first (flags, environment), then
 * docker's config.json: a `credHelpers` entry, the `credsStore`, then `auths`. Undefined means anonymous.
 * Secrets never reach the logger or an error message.
 */
async function resolveCredentials(registry, lookup) {
    if (lookup.explicit)
        return { kind: 'basic', ...lookup.explicit, from: 'the given credentials' };
    const dir = dockerConfigDir(lookup);
    const file = (0,external_node_path_.join)(dir, 'config.json');
    const config = await readDockerConfig(file);
    if (!config)
        return undefined;
    const keys = authKeys(registry);
    const helper = keys.map((k) => config.credHelpers?.[k]).find((h) => typeof h === 'string' && h !== '');
    if (helper) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${helper} (credHelpers in ${file})`);
        return runCredentialHelper(helper, serverUrlFor(registry), lookup.env, `credHelpers in ${file}`);
    }
    if (config.credsStore) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${config.credsStore} (credsStore in ${file})`);
        const found = await runCredentialHelper(config.credsStore, serverUrlFor(registry), lookup.env, `credsStore in ${file}`);
        if (found)
            return found;
    }
    const entry = findAuthEntry(config, keys);
    if (!entry)
        return undefined;
    const from = `auths in ${file}`;
    if (entry.identitytoken)
        return { kind: 'identity-token', token: entry.identitytoken, from };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        if (i <= 0)
            throw new errors/* ConfigurationError */.j1(`the "auth" value for ${registry} in ${file} is not base64 of user:password`);
        return { kind: 'basic', username: decoded.slice(0, i), password: decoded.slice(i + 1), from };
    }
    if (entry.username && entry.password)
        return { kind: 'basic', username: entry.username, password: entry.password, from };
    return undefined;
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* ConfigurationError */.j1(`cannot read docker config ${file}: ${e.message}`, { cause: e });
    }
    try {
        const doc = JSON.parse(text);
        if (!doc || typeof doc !== 'object' || Array.isArray(doc))
            throw new Error('not a JSON object');
        return doc;
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`docker config ${file} is not valid JSON: ${e.message}`, { cause: e });
    }
}
/** The names a registry may be filed under in config.json. */
function authKeys(registry) {
    if (registry === reference/* DOCKER_HUB */.Xb)
        return [reference/* DOCKER_HUB_AUTH_KEY */.s1, 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1'];
    return [registry];
}
function findAuthEntry(config, keys) {
    const auths = config.auths ?? {};
    for (const k of keys)
        if (auths[k])
            return auths[k];
    // docker also accepts keys written as URLs: https://host:port/v1/, http://host:port
    for (const [k, v] of Object.entries(auths)) {
        const host = k.replace(/^https?:\/\//, '').split('/')[0];
        if (host && keys.includes(host))
            return v;
    }
    return undefined;
}
/** What docker passes to credential helpers: Docker Hub's v1 URL, else host[:port]. */
function serverUrlFor(registry) {
    return registry === reference/* DOCKER_HUB */.Xb ? reference/* DOCKER_HUB_AUTH_KEY */.s1 : registry;
}
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Runs `docker-credential-<name> get` with the server URL on stdin; stdout is `{"Username", "Secret"}`. A helper that
 * says "credentials not found" means anonymous; one that is missing or fails is a clear error.
 */
async function runCredentialHelper(name, serverUrl, env, from) {
    if (!HELPER_NAME.test(name))
        throw new errors/* ConfigurationError */.j1(`invalid credential helper name "${name}" (${from})`);
    const program = `docker-credential-${name}`;
    const { code, stdout, stderr, spawnError } = await new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        child.on('error', (e) => resolve({ code: null, stdout: '', stderr: '', spawnError: e }));
        child.on('close', (c) => resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { });
        child.stdin.end(serverUrl);
    });
    if (spawnError) {
        if (spawnError.code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) is not installed or not on PATH`);
        }
        throw new errors/* ConfigurationError */.j1(`cannot run credential helper ${program} (${from}): ${spawnError.message}`);
    }
    if (code !== 0) {
        const said = (stdout.trim() || stderr.trim()).split('\n')[0]?.slice(0, 200) ?? '';
        if (/credentials not found/i.test(said))
            return undefined;
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) failed for ${serverUrl} with exit code ${String(code)}${said ? `: ${said}` : ''}`);
    }
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) printed something that is not JSON for ${serverUrl}`);
    }
    if (typeof doc.Secret !== 'string' || doc.Secret === '')
        return undefined;
    const username = typeof doc.Username === 'string' ? doc.Username : '';
    if (username === '<token>')
        return { kind: 'identity-token', token: doc.Secret, from: `${program} (${from})` };
    return { kind: 'basic', username, password: doc.Secret, from: `${program} (${from})` };
}

;// CONCATENATED MODULE: ./src/image/registry/connect.ts


/**
 * A registry client for one repository, with credentials looked up only when the registry asks: the explicit ones,
 * else docker's config (`auths`, `credHelpers`, `credsStore`). `push` asks for pull,push tokens.
 */
function connectRegistry(name, options, push = false) {
    return RegistryClient.create({
        name,
        ...(push ? { push } : {}),
        credentials: () => resolveCredentials(name.registry, {
            ...(options.credentials ? { explicit: options.credentials } : {}),
            ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
            env: options.env,
            logger: options.logger,
        }),
        ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
        ...(options.caFile ? { caFile: options.caFile } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
        ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
        logger: options.logger,
    });
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

/***/ 2463:
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/common/zip.ts
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
                out = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: Math.max(1, maxBytes + 1) });
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
        zip = new ZipReader(data);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/image/layer-cache/codec.ts
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

;// CONCATENATED MODULE: ./src/image/layer-cache/key.ts

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
    const h = (0,external_node_crypto_.createHash)('sha256');
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
    return (0,external_node_crypto_.createHash)('sha256').update(`${LAYER_CACHE_FORMAT}\n${version}\n${diffId}`).digest('hex');
}

;// CONCATENATED MODULE: ./src/image/layer-cache/store.ts






/** What a cache holds at most unless told (`--layer-cache-max-size`). */
const DEFAULT_LAYER_CACHE_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** The first bytes of every entry. */
const store_MAGIC = Buffer.from('portcullis layer cache\n', 'ascii');
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
        return join(env.PORTCULLIS_CACHE_DIR, 'layers');
    if (env.XDG_CACHE_HOME)
        return join(env.XDG_CACHE_HOME, 'portcullis', 'layers');
    return join(env.HOME ?? homedir(), '.cache', 'portcullis', 'layers');
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
        return (0,external_node_path_.join)(this.dir, `${key}.layer`);
    }
    /** Looks an entry up. An entry that is there but fails a check is `corrupt`, with why; the caller reads the layer. */
    async get(key, diffId) {
        const path = this.pathOf(key);
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(path);
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
            value = decodeValue(checked);
        }
        catch (e) {
            this.stats.rejected++;
            return { kind: 'corrupt', reason: e.message };
        }
        this.stats.hits++;
        this.stats.bytesRead += bytes.length;
        // The access time is what eviction goes by (mounts with noatime or relatime would not keep it).
        const now = new Date();
        await (0,promises_.stat)(path)
            .then((s) => (0,promises_.utimes)(path, now, s.mtime))
            .catch(() => { });
        return { kind: 'hit', value, bytes: bytes.length };
    }
    /** Writes an entry atomically (temporary file, fsync, rename). Answers the entry's size. Throws UncacheableError for a value the codec refuses. */
    async put(key, diffId, value) {
        const body = encodeValue(value);
        const header = Buffer.from(`${JSON.stringify({ format: LAYER_CACHE_FORMAT, key, diffId, bodyBytes: body.length, sha256: (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') })}\n`, 'utf8');
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const temp = (0,external_node_path_.join)(this.dir, `${TEMP_PREFIX}${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        const handle = await (0,promises_.open)(temp, 'wx', 0o600);
        try {
            await handle.writev([store_MAGIC, header, body]);
            await handle.sync();
        }
        catch (e) {
            await handle.close().catch(() => { });
            await (0,promises_.unlink)(temp).catch(() => { });
            throw e;
        }
        await handle.close();
        try {
            await (0,promises_.rename)(temp, this.pathOf(key));
        }
        catch (e) {
            await (0,promises_.unlink)(temp).catch(() => { });
            throw e;
        }
        const size = store_MAGIC.length + header.length + body.length;
        this.stats.written++;
        this.stats.bytesWritten += size;
        return size;
    }
    /** Every entry with its size and access time, and the total. */
    async list() {
        let names;
        try {
            names = await (0,promises_.readdir)(this.dir);
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
            const s = await (0,promises_.stat)((0,external_node_path_.join)(this.dir, name)).catch(() => undefined);
            if (!s?.isFile())
                continue;
            if (!isEntry) {
                if (now - s.mtimeMs > STALE_TEMP_MS)
                    await (0,promises_.unlink)((0,external_node_path_.join)(this.dir, name)).catch(() => { });
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
                await (0,promises_.unlink)((0,external_node_path_.join)(this.dir, e.name));
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
    if (bytes.length < store_MAGIC.length || !bytes.subarray(0, store_MAGIC.length).equals(store_MAGIC))
        return 'not a Portcullis layer-cache entry';
    const eol = bytes.indexOf(0x0a, store_MAGIC.length);
    if (eol < 0)
        return 'truncated header';
    let header;
    try {
        header = JSON.parse(bytes.toString('utf8', store_MAGIC.length, eol));
    }
    catch {
        return 'unreadable header';
    }
    if (header === null || typeof header !== 'object')
        return 'unreadable header';
    if (header.format !== LAYER_CACHE_FORMAT)
        return `cache format ${String(header.format)}, not ${LAYER_CACHE_FORMAT}`;
    if (header.key !== key || header.diffId !== diffId)
        return 'the entry is for another layer or analysis';
    const body = bytes.subarray(eol + 1);
    if (body.length !== header.bodyBytes)
        return `truncated or padded: the header says ${String(header.bodyBytes)} bytes, the body has ${body.length}`;
    if ((0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') !== header.sha256)
        return 'checksum mismatch';
    return body;
}

// EXTERNAL MODULE: ./src/image/manifest.ts
var image_manifest = __webpack_require__(20596);
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

;// CONCATENATED MODULE: ./src/image/layer-collector.ts

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
    result = {
        entries: new Map(),
        whiteouts: [],
        opaqueDirs: [],
        contents: new Map(),
        unknowns: [],
        stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    };
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
        r.entries.delete(path);
        r.entries.set(path, entry);
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
    return { ...collector.result, digest, diffId, compression, storedBytes, tarBytes };
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
    /** Globs with a wildcard in their last segment, and requests with a filter: tested for every path. */
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
                    this.#generic.push([c, c.globs[i]]);
                else
                    push(this.#byBasename, last, [c, c.globs[i]]);
            });
            if (c.request.filter)
                this.#generic.push([c, undefined]);
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
        for (const [c, re] of this.#generic) {
            if (re ? re.test(path) : c.request.filter(path, entry))
                (hits ??= new Set()).add(c);
        }
        // In declaration order, each request once.
        return hits ? this.#compiled.filter((c) => hits.has(c)) : NO_MATCH;
    }
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const NO_MATCH = [];

;// CONCATENATED MODULE: ./src/image/file-view.ts

/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
const DOT_SEGMENT = /\/\.{1,2}(\/|$)|\/\//;
/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
class file_view_FileView {
    metadata;
    #files = new Map();
    #contents = new Map();
    /** Every layer's version of the files requested with `everyLayer`, lowest layer first. */
    #versions = new Map();
    /** The provenance of the layer being applied (for the versions its deletions record). */
    #applying;
    /** SquashOptions.adopt. */
    #adopt = false;
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
    static builder(metadata, options = {}) {
        const view = new file_view_FileView(metadata);
        view.#adopt = options.adopt === true;
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
            const layerDigest = this.#files.get(path)?.provenance.layerDigest;
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
            if (options.follow && this.#files.get(candidate)?.type === 'symlink')
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
            const entry = this.#files.get(candidate);
            const isLast = pending.length === 0;
            if (entry?.type === 'symlink' && (!isLast || follow)) {
                if (++hops > MAX_SYMLINK_HOPS)
                    return undefined;
                const target = resolveLinkTarget(candidate, entry.linkTarget ?? '');
                pending = [...target.split('/').filter(Boolean), ...pending];
                current = '';
                continue;
            }
            if (!entry && !isLast && !this.#hasChildren(candidate))
                return undefined;
            current = candidate;
        }
        return current === '' ? '/' : current;
    }
    /** Every entry, sorted by path. */
    list() {
        return [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
        const seen = new Set();
        const stack = [literal === 0 ? '/' : `/${segments.slice(0, literal).join('/')}`];
        for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
            for (const child of this.#children.get(dir) ?? []) {
                if (seen.has(child))
                    continue; // a path deleted and written again is linked twice
                seen.add(child);
                const entry = this.#files.get(child);
                if (entry && re.test(child))
                    found.push(entry);
                if (this.#children.has(child))
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
        return [...this.#contents.keys()].sort();
    }
    #apply(layer, provenance) {
        this.#applying = provenance;
        for (const dir of layer.opaqueDirs)
            this.#deleteChildren(dir);
        for (const path of layer.whiteouts) {
            this.#delete(path);
            this.#deleteChildren(path);
        }
        for (const e of layer.entries.values()) {
            const previous = this.#files.get(e.path);
            if (previous?.type === 'dir' && e.type !== 'dir')
                this.#deleteChildren(e.path);
            const entry = this.#adopt ? adopted(e, provenance) : {
                path: e.path,
                type: e.type,
                mode: e.mode,
                uid: e.uid,
                gid: e.gid,
                size: e.size,
                mtime: e.mtime,
                ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
                provenance,
            };
            this.#files.set(e.path, entry);
            if (!previous)
                this.#link(e.path);
            const content = layer.contents.get(e.path);
            if (content)
                this.#contents.set(e.path, content);
            else
                this.#contents.delete(e.path);
            if (content?.everyLayer || this.#versions.has(e.path)) {
                this.#record(e.path, { layerIndex: provenance.layerIndex, provenance, deleted: false, read: this.#readVersion(entry, content) });
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
    #delete(path) {
        if (this.#applying && this.#versions.has(path) && this.#files.has(path)) {
            this.#record(path, { layerIndex: this.#applying.layerIndex, provenance: this.#applying, deleted: true });
        }
        this.#files.delete(path);
        this.#contents.delete(path);
    }
    /**
     * Deletes everything under `dir` (not `dir` itself): O(its descendants and the stale links among them), through
     * the children index. The index entries of the descendants go with it.
     */
    #deleteChildren(dir) {
        const children = this.#children.get(dir);
        if (!children)
            return;
        this.#children.delete(dir);
        for (const child of children) {
            this.#delete(child);
            this.#deleteChildren(child);
        }
    }
    /**
     * The children index: a directory's path ('/' for the root) to the paths linked under it, as entries or as
     * directories the tar implies by holding entries under it without one of their own. Links are only ever added
     * (a deletion leaves its link behind, stale, and a path deleted and written again is linked twice), so that a
     * squash step costs O(1) per entry; what is live is decided by #files, and a directory's list is compacted when
     * its existence is asked for. Invariant: every key's path is in its parent's list, and every path in #files is
     * in its parent's list; so walking the lists from a directory reaches every live path under it.
     */
    #children = new Map();
    /** Links a new entry's path into the index, with every ancestor not linked yet: O(1) once the parent is. */
    #link(path) {
        for (let child = path; child !== '/';) {
            const parent = parentOf(child);
            const list = this.#children.get(parent);
            if (list) {
                list.push(child);
                return;
            }
            this.#children.set(parent, [child]);
            if (this.#files.has(parent))
                return;
            child = parent;
        }
    }
    /**
     * Whether a path that has no entry of its own exists as a directory implied by live entries under it. Dead links
     * at the end of its list are dropped on the way (and a list left empty), so each is paid for once.
     */
    #hasChildren(dir) {
        const list = this.#children.get(dir);
        if (!list)
            return false;
        // A dead child's own list is gone with it (#hasChildren deletes an empty list), so dropping it keeps the invariant.
        while (list.length > 0 && !this.#files.has(list[list.length - 1]) && !this.#hasChildren(list[list.length - 1]))
            list.pop();
        if (list.length === 0)
            this.#children.delete(dir);
        return list.length > 0;
    }
}
/** A layer's entry made the view's own (SquashOptions.adopt). */
function adopted(e, provenance) {
    const entry = e;
    entry.provenance = provenance;
    return entry;
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
        this.#version = analysisVersion(requests, maxFileBytes, option.salt ?? '');
        this.#logger = logger;
    }
    /** The cached analysis of `layer`, made to look as a fresh read of this image's blob would; undefined to read it. */
    async lookup(layer) {
        if (!layer.diffId)
            return undefined;
        const found = await this.#cache.get(entryKey(layer.diffId, this.#version), layer.diffId);
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
        const key = entryKey(archiveId(opened, platform), this.#version);
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
        const key = entryKey(archiveId(opened, platform), this.#version);
        this.#pending.push(this.#cache.put(key, opened.identity.imageId, { metadata }).then(() => { }, (e) => this.#logger.info(`layer-cache: the metadata of ${opened.label} not cached: ${e.message}`)));
    }
    /** Queues the write of a freshly read layer's analysis (awaited by `finish`). */
    save(layer, result) {
        this.#read++;
        if (!layer.diffId || result.diffId !== layer.diffId)
            return;
        const key = entryKey(layer.diffId, this.#version);
        this.#pending.push(this.#cache.put(key, layer.diffId, result).then(() => { }, (e) => {
            const why = e instanceof UncacheableError ? `its analysis cannot be cached (${e.message})` : e.message;
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
// EXTERNAL MODULE: ./src/baseline/identity.ts
var identity = __webpack_require__(79733);
;// CONCATENATED MODULE: ./src/baseline/delta.ts
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
    const baseFindings = keySet(baseline.findings.map(identity/* findingKeys */.ux));
    const nowFindings = keySet(current.findings.map(identity/* findingKeys */.ux));
    const findings = current.findings.map((f) => ({ ...f, baseline: hasAny(baseFindings, (0,identity/* findingKeys */.ux)(f)) ? 'existing' : 'new' }));
    const fixedFindings = baseline.findings.filter((f) => !hasAny(nowFindings, (0,identity/* findingKeys */.ux)(f))).map((f) => ({ ...f, baseline: 'fixed' }));
    const baseIndex = (0,identity/* findingsByTriggerId */.TS)(baseline.findings);
    const nowIndex = (0,identity/* findingsByTriggerId */.TS)(current.findings);
    const baseTriggers = keySet((baseline.policy?.findings ?? []).map((p) => (0,identity/* triggerKeys */.fQ)(p, baseIndex)));
    const nowTriggers = keySet((current.policy?.findings ?? []).map((p) => (0,identity/* triggerKeys */.fQ)(p, nowIndex)));
    const triggers = (current.policy?.findings ?? []).map((p) => ({ ...p, baseline: hasAny(baseTriggers, (0,identity/* triggerKeys */.fQ)(p, nowIndex)) ? 'existing' : 'new' }));
    const fixedTriggers = (baseline.policy?.findings ?? []).filter((p) => !hasAny(nowTriggers, (0,identity/* triggerKeys */.fQ)(p, baseIndex))).map((p) => ({ ...p, baseline: 'fixed' }));
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

// EXTERNAL MODULE: ./src/baseline/load.ts
var load = __webpack_require__(47663);
// EXTERNAL MODULE: ./src/baseline/render.ts
var render = __webpack_require__(58995);
;// CONCATENATED MODULE: ./src/baseline/stage.ts
/**
 * The scan's baseline step (after the policy evaluation, before the outputs): load the baseline, check that it is of
 * the same repository, mark the delta. A baseline that cannot be read, or of another repository, is an error, unless
 * it is optional: then a warning, and the exit code comes from every trigger (`--fail-scope all`).
 */





const FAIL_SCOPES = (/* unused pure expression or super */ null && (['all', 'new']));
function parseFailScope(value) {
    const v = value.trim().toLowerCase();
    if (!FAIL_SCOPES.includes(v))
        throw new ConfigurationError(`--fail-scope must be one of ${FAIL_SCOPES.join(', ')}, got "${value}"`);
    return v;
}
/** Fails when both images name their repository and no name is shared. */
function checkSameRepository(current, baseline, source) {
    const now = (0,identity/* repositoryNames */.L0)(current.image);
    const then = (0,identity/* repositoryNames */.L0)(baseline.image);
    if (now.length === 0 || then.length === 0 || then.some((n) => now.includes(n)))
        return;
    throw new errors/* ConfigurationError */.j1(`baseline ${source} is of ${then[0]}, not of the scanned ${now[0]}: a baseline must be an earlier scan of the same repository`);
}
/** The report with its delta against the baseline, or (optional baseline that failed) the report as it was. */
async function applyBaseline(report, config, ctx) {
    if (!config)
        return report;
    let marked;
    try {
        const loaded = await (0,load/* loadBaseline */.oU)(config.ref, { ...ctx, repoTags: report.image.repoTags, ...(config.store ? { store: config.store } : {}), ...(config.baseBranch ? { baseBranch: config.baseBranch } : {}) });
        checkSameRepository(report, loaded.report, loaded.source);
        marked = applyDelta(report, loaded.report, loaded, config.failScope);
    }
    catch (e) {
        if (!config.optional || !(e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi))
            throw e;
        ctx.logger.warning(`baseline: ${(0,errors/* getErrorMessage */.u1)(e)}; --baseline-optional: the scan goes on without a baseline, failing on every trigger (--fail-scope all)`);
        return report;
    }
    ctx.logger.info(`baseline: ${(0,render/* deltaLine */.lz)(marked)}`);
    return marked;
}

// EXTERNAL MODULE: ./src/publish/http.ts
var http = __webpack_require__(62211);
;// CONCATENATED MODULE: ./src/publish/compliance.ts
/**
 * Anchore's runtime-compliance API (Enterprise 3.1–4.x, and our store): `multipart/form-data` with exactly the
 * fields of `add_runtime_compliance_check`. `check_type` and `image_digest` are required.
 */



const COMPLIANCE_TEXT_FIELDS = (/* unused pure expression or super */ null && (['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time']));
const COMPLIANCE_FILE_FIELDS = (/* unused pure expression or super */ null && (['result_file', 'report_file']));
const COMPLIANCE_PATHS = {
    v1: '/v1/enterprise/runtime_compliance',
    v2: '/v2/runtime-compliance',
};
/** An OCI digest: sha256 or sha512 in lowercase hex, or another registered-style algorithm with a long encoding. */
const DIGEST_RE = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}|(?!sha256:|sha512:)[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,})$/;
/** Checks the fields before anything is sent; each problem is one precise ConfigurationError. */
function validateComplianceCheck(check) {
    if (!check.check_type)
        throw new ConfigurationError('check_type is required (e.g. --check-type oscap)');
    if (!check.image_digest)
        throw new ConfigurationError('image_digest is required (e.g. --image-digest sha256:…)');
    if (!DIGEST_RE.test(check.image_digest)) {
        throw new ConfigurationError(`image_digest "${check.image_digest}" is not a digest (algorithm:hex, e.g. sha256:…)`);
    }
    for (const key of ['start_time', 'end_time']) {
        const v = check[key];
        if (v !== undefined && !isDateTime(v))
            throw new ConfigurationError(`${key} "${v}" is not an RFC 3339 date-time (e.g. 2021-03-22T15:12:24Z)`);
    }
    return check;
}
function isDateTime(v) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
}
/** Builds the form: the text fields that are set, in Anchore's order, then the files. */
function buildComplianceForm(check, files = {}) {
    const form = new FormData();
    for (const key of COMPLIANCE_TEXT_FIELDS) {
        const v = check[key];
        if (v !== undefined && v !== '')
            form.append(key, v);
    }
    for (const key of COMPLIANCE_FILE_FIELDS) {
        const f = files[key];
        if (f)
            form.append(key, new Blob([new Uint8Array(f.data)], { type: f.contentType ?? 'application/octet-stream' }), f.name);
    }
    return form;
}
/**
 * A digest of every field and file: sent as `Idempotency-Key`, so that our store keeps one check when a push is
 * retried. Anchore ignores the header.
 */
function complianceKey(check, files = {}) {
    const h = createHash('sha256');
    for (const key of COMPLIANCE_TEXT_FIELDS)
        h.update(`${key}=${check[key] ?? ''}\n`);
    for (const key of COMPLIANCE_FILE_FIELDS)
        h.update(`${key}=${files[key] ? createHash('sha256').update(files[key].data).digest('hex') : ''}\n`);
    return h.digest('hex');
}
/**
 * Sends one check. With `auto`, tries v2 and falls back to v1 on a 404 (the v2 path is absent on Enterprise 3.x);
 * a 404 on both means the server has no runtime-compliance API (Enterprise ≥ 5 removed it).
 */
async function pushCompliance(target, check, files = {}, options = {}) {
    const api = options.api ?? 'auto';
    const order = api === 'auto' ? ['v2', 'v1'] : [api];
    validateComplianceCheck(check);
    for (const version of order) {
        const path = COMPLIANCE_PATHS[version];
        // A FormData body is consumed by a request, so each attempt builds its own.
        const res = await send(target, 'POST', path, {
            body: buildComplianceForm(check, files),
            headers: { 'idempotency-key': complianceKey(check, files) },
            ...(options.signal ? { signal: options.signal } : {}),
        });
        if (res.status === 404 && api === 'auto' && version === 'v2')
            continue;
        if (res.status === 404) {
            const e = statusError('POST', target, path, res);
            e.message += ' (no runtime-compliance API here: Anchore Enterprise ≥ 5 removed it)';
            throw e;
        }
        if (res.status < 200 || res.status >= 300)
            throw statusError('POST', target, path, res);
        return { api: version, check: res.json() };
    }
    throw new Error('unreachable');
}

;// CONCATENATED MODULE: ./src/publish/anchore-import-sink.ts
/**
 * Pushes an evaluation's SBOM to Anchore Enterprise ≥ 5 through its image import API: `POST /v2/imports/images`,
 * then `…/{operation}/sbom` (and `…/image-config` when the report carries the config), then `POST /v2/images`
 * with `source.import`. Anchore computes the policy result itself; nobody uploads one.
 */


class AnchoreImportSink {
    target;
    id = 'anchore-enterprise';
    constructor(target) {
        this.target = target;
    }
    async #post(path, body, ctx, ok = [200, 201]) {
        const res = await (0,http/* send */.tN)(this.target, 'POST', path, {
            body,
            headers: { 'content-type': 'application/json' },
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (!ok.includes(res.status))
            throw (0,http/* statusError */.$C)('POST', this.target, path, res);
        return res.json();
    }
    async push(payload, ctx) {
        if (!payload.sbom)
            throw new errors/* ConfigurationError */.j1('Anchore Enterprise import needs an SBOM (--sbom, Syft JSON as anchorectl sends it)');
        const op = await this.#post('/v2/imports/images', '{}', ctx);
        if (!op.uuid)
            throw new errors/* ConfigurationError */.j1('Anchore Enterprise answered the import request without an operation uuid');
        const base = `/v2/imports/images/${encodeURIComponent(op.uuid)}`;
        ctx.logger.debug(`anchore import operation ${op.uuid}`);
        const contents = {};
        contents.sbom = (await this.#post(`${base}/sbom`, payload.sbom.data.toString('utf8'), ctx)).digest;
        const config = imageConfigOf(payload.report.data);
        if (config)
            contents.image_config = (await this.#post(`${base}/image-config`, config, ctx)).digest;
        const annotations = { 'portcullis.idempotency-key': payload.idempotencyKey };
        if (payload.commit)
            annotations['portcullis.commit'] = payload.commit;
        if (payload.pipelineRun)
            annotations['portcullis.pipeline-run'] = payload.pipelineRun;
        const request = {
            source: {
                import: {
                    operation_uuid: op.uuid,
                    digest: payload.imageDigest,
                    ...(payload.imageTag ? { tags: [payload.imageTag] } : {}),
                    contents,
                },
            },
            annotations,
        };
        // Anchore keys images by digest: adding the same digest again updates it rather than duplicating it.
        const added = await this.#post('/v2/images?force=true&auto_subscribe=false', JSON.stringify(request), ctx);
        const record = Array.isArray(added) ? added[0] : added;
        const digest = typeof record?.image_digest === 'string' ? record.image_digest : payload.imageDigest;
        return { sink: this.id, id: digest, duplicate: false, url: `${this.target.url.replace(/\/+$/, '')}/v2/images/${digest}` };
    }
}
/** The image config from the JSON report, re-serialised, when the report has it. */
function imageConfigOf(report) {
    try {
        const parsed = JSON.parse(report.toString('utf8'));
        return parsed.image?.config ? JSON.stringify(parsed.image.config) : undefined;
    }
    catch {
        return undefined;
    }
}
const anchoreImportSinkKind = {
    id: 'anchore-enterprise',
    version: 1,
    aliases: ['anchore'],
    requires: ['network'],
    description: 'Anchore Enterprise ≥ 5: the SBOM through the image import API (/v2/imports/images, then POST /v2/images)',
    create: (target) => new AnchoreImportSink(target),
};

// EXTERNAL MODULE: ./src/publish/store-sink.ts
var store_sink = __webpack_require__(67408);
;// CONCATENATED MODULE: ./src/publish/list.ts



/** Every kind of result sink, by id (`--sink`). */
const RESULT_SINKS = new registry/* Registry */.O('result sink', [store_sink/* storeSinkKind */.L2, anchoreImportSinkKind], (s) => s.aliases);

;// CONCATENATED MODULE: ./src/publish/sink.ts
/** The result-sink contract: where an evaluation is pushed after the scan (our store, Anchore Enterprise). */

function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** The idempotency key: a digest of the key fields and of every file's content. */
function idempotencyKeyOf(p) {
    const parts = [
        p.imageDigest,
        p.imageTag ?? '',
        p.commit ?? '',
        p.pipelineRun ?? '',
        sha256(p.report.data),
        p.sbom ? sha256(p.sbom.data) : '',
        p.sarif ? sha256(p.sarif.data) : '',
    ];
    return sha256(parts.join('\n'));
}
function makePayload(p) {
    return { ...p, idempotencyKey: idempotencyKeyOf(p) };
}

;// CONCATENATED MODULE: ./src/publish/spool.ts
/**
 * The spool: a payload whose push failed is written to disk and pushed again on the next run, or by
 * `portcullis push --retry-spooled`. Credentials are never written; the retry uses the sink configured then.
 * Its idempotency key is kept, so a payload that did reach the server before the failure is not duplicated.
 */




const toSpooled = (f) => ({ name: f.name, contentType: f.contentType, base64: f.data.toString('base64') });
const fromSpooled = (f) => ({ name: f.name, contentType: f.contentType, data: Buffer.from(f.base64, 'base64') });
class Spool {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    #fileName(sink, key) {
        return `${sink.replace(/[^a-z0-9-]/gi, '_')}-${key.replace(/[^a-f0-9]/gi, '').slice(0, 64)}.json`;
    }
    /** Writes (or rewrites) the payload atomically; returns its path. */
    async put(sink, url, payload, error, attempts = 1) {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const { report, sbom, sarif, ...rest } = payload;
        const record = {
            version: 1,
            sink,
            url,
            spooledAt: new Date().toISOString(),
            attempts,
            lastError: error,
            payload: { ...rest, report: toSpooled(report), ...(sbom ? { sbom: toSpooled(sbom) } : {}), ...(sarif ? { sarif: toSpooled(sarif) } : {}) },
        };
        const path = (0,external_node_path_.join)(this.dir, this.#fileName(sink, payload.idempotencyKey));
        const tmp = `${path}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(tmp, JSON.stringify(record));
        await (0,promises_.rename)(tmp, path);
        return path;
    }
    /** Every spooled payload, oldest first. Unreadable files are reported and skipped. */
    async list(logger) {
        let names;
        try {
            names = (await (0,promises_.readdir)(this.dir)).filter((n) => n.endsWith('.json')).sort();
        }
        catch {
            return [];
        }
        const out = [];
        for (const name of names) {
            const path = (0,external_node_path_.join)(this.dir, name);
            try {
                const record = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
                if (record.version !== 1)
                    throw new Error(`unknown spool record version ${String(record.version)}`);
                const { report, sbom, sarif, ...rest } = record.payload;
                out.push({
                    path,
                    record,
                    payload: { ...rest, report: fromSpooled(report), ...(sbom ? { sbom: fromSpooled(sbom) } : {}), ...(sarif ? { sarif: fromSpooled(sarif) } : {}) },
                });
            }
            catch (error) {
                logger?.warning(`spool: skipping ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
            }
        }
        return out.sort((a, b) => a.record.spooledAt.localeCompare(b.record.spooledAt));
    }
    async remove(path) {
        await (0,promises_.rm)(path, { force: true });
    }
}
/** Pushes; on failure warns and spools. Never throws for a remote failure: the caller decides whether it fails the build. */
async function publish(sink, payload, options) {
    try {
        const receipt = await sink.push(payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
        options.logger.info(`pushed to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
        return { status: 'pushed', receipt };
    }
    catch (error) {
        const message = (0,common_logger/* redactSecrets */.fp)((0,errors/* getErrorMessage */.u1)(error));
        const spoolPath = await options.spool.put(sink.id, options.url, payload, message);
        options.logger.warning(`push to ${sink.id} failed: ${message}; spooled to ${spoolPath} (retry with portcullis push --retry-spooled)`);
        return { status: 'spooled', spoolPath, error: message };
    }
}
/** Pushes every spooled payload meant for this sink and URL; a success removes it, a failure keeps it. */
async function retrySpooled(sink, options) {
    const pushed = [];
    const failed = [];
    for (const entry of await options.spool.list(options.logger)) {
        if (entry.record.sink !== sink.id || entry.record.url !== options.url)
            continue;
        try {
            const receipt = await sink.push(entry.payload, { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
            await options.spool.remove(entry.path);
            pushed.push(receipt);
            options.logger.info(`pushed spooled ${entry.path} to ${sink.id}: ${receipt.id}${receipt.duplicate ? ' (already there)' : ''}`);
        }
        catch (error) {
            const message = (0,common_logger/* redactSecrets */.fp)((0,errors/* getErrorMessage */.u1)(error));
            await options.spool.put(entry.record.sink, entry.record.url, entry.payload, message, entry.record.attempts + 1);
            failed.push({ path: entry.path, error: message });
            options.logger.warning(`spooled ${entry.path} still fails: ${message}`);
        }
    }
    return { pushed, failed };
}

;// CONCATENATED MODULE: ./src/scan/store-push.ts






/** The digest a store keys the image by: the manifest digest, or the config digest (image id) of a `docker save` image. */
function storeDigest(image) {
    return image.manifestDigest ?? (DIGEST_RE.test(image.configDigest) ? image.configDigest : undefined);
}
/**
 * Pushes the evaluation to our store as `portcullis push` does: what earlier runs spooled first, then the JSON
 * report, the SBOM (CycloneDX) and the SARIF, all unscoped. A failure warns and spools; it never throws.
 */
async function pushEvaluation(store, report, at, logger, signal) {
    // An image read from `docker save` has no manifest digest until it is pushed: its config digest (the image id) keys it then.
    const imageDigest = storeDigest(report.image);
    if (imageDigest && !report.image.manifestDigest)
        logger.info(`store: the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}`);
    if (!imageDigest) {
        const error = 'the image has no digest to key the evaluation by';
        logger.warning(`store: ${error}; nothing was pushed`);
        return { status: 'skipped', error };
    }
    const sink = RESULT_SINKS.get('store').create(store.target);
    const options = { spool: new Spool(at(store.spoolDir)), url: store.target.url, logger, ...(signal ? { signal } : {}) };
    const file = (format, name, contentType) => {
        const content = list/* OUTPUT_FORMATS */.D.get(format).render(report, {});
        return { name, data: Buffer.isBuffer(content) ? content : Buffer.from(content), contentType };
    };
    const payload = makePayload({
        imageDigest,
        ...(report.image.repoTags[0] ? { imageTag: report.image.repoTags[0] } : {}),
        ...(store.commit ? { commit: store.commit } : {}),
        ...(store.pipelineRun ? { pipelineRun: store.pipelineRun } : {}),
        report: file('json', 'portcullis-report.json', 'application/json'),
        sbom: file('cyclonedx', 'portcullis.cdx.json', 'application/json'),
        sarif: file('sarif', 'portcullis.sarif', 'application/sarif+json'),
    });
    try {
        // What earlier runs spooled goes first, so the store sees evaluations in order.
        await retrySpooled(sink, options);
        return await publish(sink, payload, options);
    }
    catch (e) {
        // Remote failures are spooled by publish; what is left (an unwritable spool directory) must not lose the reports.
        const error = `the push failed and could not be spooled: ${(0,errors/* getErrorMessage */.u1)(e)}`;
        logger.warning(`store: ${error}`);
        return { status: 'skipped', error };
    }
}

;// CONCATENATED MODULE: ./src/scan/compliance-input.ts





/** Reads an `oscap-summary.json` (`portcullis compliance oscap`); `shown` is the path as the user gave it. */
async function readComplianceSummary(shown, path) {
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read compliance summary ${shown}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
    const s = (data ?? {});
    if (typeof s.check_type !== 'string' || !s.check_type || typeof s.result !== 'string' || !s.result) {
        throw new errors/* ConfigurationError */.j1(`compliance summary ${shown} has no check_type and result; give the oscap-summary.json written by portcullis compliance oscap`);
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
    const digest = storeDigest(image);
    if (!digest)
        throw new errors/* ConfigurationError */.j1('--compliance-from-store: the image has no digest to look its compliance checks up by');
    const path = `${COMPLIANCE_PATHS.v2}?image_digest=${encodeURIComponent(digest)}`;
    const res = await (0,http/* send */.tN)(target, 'GET', path, signal ? { signal } : {});
    if (res.status === 404) {
        logger.info(`compliance: the store has no compliance check for ${digest}`);
        return [];
    }
    if (res.status !== 200)
        throw (0,http/* statusError */.$C)('GET', target, path, res);
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
            source: `${base}${COMPLIANCE_PATHS.v2}/${r.id}`,
        };
    });
}

;// CONCATENATED MODULE: ./src/scan/dockerfile-map.ts
/**
 * Maps image layers to the Dockerfile instructions that created them.
 *
 * Every builder (BuildKit, buildah, the classic builder) writes one history entry per instruction of the built stage,
 * oldest first, after the base image's entries. The entries are aligned with the instructions of the final stage (and
 * of the stages it is built `FROM`), by keyword and, for RUN and COPY, by text. Entries before the aligned part belong
 * to the base image: their layers map to the root stage's FROM line.
 */

const METADATA_ONLY = new Set(['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME']);
const KEYWORDS = new Set([...METADATA_ONLY, 'ADD', 'COPY', 'FROM', 'RUN', 'WORKDIR']);
const dockerfile_map_NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const collapse = (s) => s.replace(/\s+/g, ' ').trim();
/** Parses a Dockerfile into stages. Parser directives, comments and continuations are handled by dockerfile-ast. */
function parseDockerfileStages(text) {
    const stages = [];
    for (const ins of main.DockerfileParser.parse(text).getInstructions()) {
        const keyword = ins.getKeyword().toUpperCase();
        const range = ins.getRange();
        const raw = (ins.getRawArgumentsContent() ?? '')
            .replace(/\r?\n[ \t]*#[^\n]*/g, '')
            .replace(/\\\r?\n/g, '');
        const flags = 'getFlags' in ins && typeof ins.getFlags === 'function' ? ins.getFlags().map((f) => f.toString()) : [];
        const instruction = { keyword, args: raw.trim(), flags, line: range.start.line + 1, endLine: range.end.line + 1 };
        if (keyword === 'FROM') {
            const tokens = instruction.args.split(/\s+/).filter((t) => t && !t.startsWith('--'));
            const asAt = tokens.findIndex((t) => t.toUpperCase() === 'AS');
            const stage = { index: stages.length, from: tokens[0] ?? '', fromText: collapse(instruction.args), fromLine: instruction.line, instructions: [] };
            if (asAt > 0 && tokens[asAt + 1])
                stage.name = tokens[asAt + 1].toLowerCase();
            stages.push(stage);
        }
        else if (stages.length > 0) {
            stages[stages.length - 1].instructions.push(instruction);
        }
    }
    return stages;
}
/** The final stage and the stages it is built FROM, root first. */
function stageChain(stages) {
    const chain = [];
    let current = stages[stages.length - 1];
    while (current && !chain.includes(current)) {
        chain.unshift(current);
        const ref = current.from.toLowerCase();
        const before = stages.slice(0, current.index);
        current = before.find((s) => s.name === ref) ?? (/^\d+$/.test(ref) ? before[Number(ref)] : undefined);
    }
    return chain;
}
/** Reads the keyword (and RUN/COPY text) of a history entry in BuildKit's, buildah's or the classic builder's format. */
function classifyHistoryEntry(createdBy) {
    let s = (createdBy ?? '').trim().replace(/\s+# buildkit$/, '');
    if (dockerfile_map_NOP.test(s)) {
        s = s.replace(dockerfile_map_NOP, '');
        const m = /^([A-Z]+)\b\s*(.*)$/s.exec(s);
        if (m && KEYWORDS.has(m[1]))
            return { keyword: m[1], text: m[2] };
        return { keyword: 'UNKNOWN' };
    }
    const m = /^([A-Z]+)\s+(.*)$/s.exec(s);
    if (m && KEYWORDS.has(m[1]) && m[1] !== 'RUN')
        return { keyword: m[1], text: m[2] };
    if (m && m[1] === 'RUN')
        s = m[2];
    return { keyword: 'RUN', text: runCommand(s) };
}
/** The command of a RUN entry: after `/bin/sh -c ` (shell form), else after the `|N k=v` build-arg prefix. */
function runCommand(s) {
    const shell = s.indexOf('/bin/sh -c ');
    if (shell >= 0)
        return s.slice(shell + '/bin/sh -c '.length);
    return s.replace(/^\|\d+ (?:\S+=\S* )*/, '');
}
function sameKeyword(entry, ins) {
    if (entry === ins)
        return true;
    // A classic ADD of a local file is recorded as COPY by some builders and the other way round.
    return (entry === 'ADD' || entry === 'COPY') && (ins === 'ADD' || ins === 'COPY');
}
/** An exec-form argument list (`["/bin/x", "-y"]`) as the words BuildKit and the classic builder record. */
function execWords(args) {
    if (!args.startsWith('['))
        return undefined;
    try {
        const parsed = JSON.parse(args);
        return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed.join(' ') : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether a history entry's text agrees with the instruction's: true, false, or undefined when the entry says
 * nothing checkable (metadata instructions, a COPY in JSON form).
 * - RUN: the collapsed command equals (or contains, or is contained in) the collapsed arguments, or their exec words;
 * - COPY/ADD in BuildKit's format: the literal sources and destination end the entry (flags such as `--from` may
 *   be left out); in buildah's and the classic builder's `file:<hash> in <dest>` format: the destination agrees.
 */
function textAgrees(entry, ins) {
    if (entry.text === undefined)
        return undefined;
    const a = collapse(entry.text);
    if (ins.keyword === 'RUN') {
        const candidates = [collapse(ins.args), ...[execWords(ins.args)].filter((w) => w !== undefined).map(collapse)];
        return candidates.some((b) => a === b || (a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a))));
    }
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD')
        return undefined;
    const b = collapse(ins.args);
    if (b.startsWith('['))
        return undefined;
    const hashed = /^(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(a);
    if (hashed)
        return hashed[1] === b.split(' ').pop();
    return a === b || a.endsWith(` ${b}`);
}
function pairScore(entry, ins) {
    if (!sameKeyword(entry.keyword, ins.keyword))
        return Number.NEGATIVE_INFINITY;
    return textAgrees(entry, ins) === true ? 3 : 2;
}
/** Instructions whose history entry a builder may leave out (older BuildKit wrote no ARG entries). */
const MAY_LACK_ENTRY = METADATA_ONLY;
/** Why the Dockerfile does not fit the aligned history, or undefined when it does. */
function misfit(entries, instructions, pairOf, firstPaired) {
    if (instructions.length === 0)
        return 'it has no instruction after FROM';
    if (firstPaired >= entries.length)
        return `none of the image's ${entries.length} history entries pairs with one of its ${instructions.length} instructions`;
    const paired = new Set(pairOf.filter((p) => p >= 0));
    const missing = instructions.filter((ins, i) => !paired.has(i) && !MAY_LACK_ENTRY.has(ins.keyword));
    if (missing.length > 0) {
        return `${missing.length} instruction(s) have no entry in the image history (first: line ${missing[0].line} ${describeInstruction(missing[0])})`;
    }
    const extra = pairOf.map((p, i) => (i >= firstPaired && p < 0 ? i : -1)).filter((i) => i >= 0);
    if (extra.length > 0)
        return `${extra.length} history entr${extra.length === 1 ? 'y has' : 'ies have'} no instruction (first: entry ${extra[0]})`;
    for (let i = firstPaired; i < entries.length; i++) {
        const ins = instructions[pairOf[i]];
        if (textAgrees(entries[i], ins) === false)
            return `line ${ins.line} ${describeInstruction(ins)} differs from history entry ${i}`;
    }
    return undefined;
}
/**
 * Aligns the history with the instructions: entries before the alignment are free (they are the base image's), an
 * instruction without an entry or an entry without an instruction costs 1, a pair gains 2 (3 when the text agrees).
 * Returns, for each history entry, the index of its instruction or -1.
 */
function align(entries, instructions) {
    const n = entries.length;
    const m = instructions.length;
    const score = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    const move = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let b = 1; b <= m; b++) {
        score[0][b] = -b;
        move[0][b] = 2;
    }
    for (let a = 1; a <= n; a++) {
        for (let b = 1; b <= m; b++) {
            const pair = score[a - 1][b - 1] + pairScore(entries[a - 1], instructions[b - 1]);
            const skipEntry = score[a - 1][b] - 1;
            const skipIns = score[a][b - 1] - 1;
            let best = pair;
            let mv = 0;
            if (skipEntry > best)
                [best, mv] = [skipEntry, 1];
            if (skipIns > best)
                [best, mv] = [skipIns, 2];
            score[a][b] = best;
            move[a][b] = mv;
        }
    }
    const pairOf = new Array(n).fill(-1);
    let a = n;
    let b = m;
    let firstPaired = n;
    while (a > 0 && b > 0) {
        const mv = move[a][b];
        if (mv === 0) {
            pairOf[a - 1] = b - 1;
            firstPaired = a - 1;
            a--;
            b--;
        }
        else if (mv === 1)
            a--;
        else
            b--;
    }
    return { pairOf, firstPaired };
}
function describeInstruction(ins) {
    const text = collapse(`${ins.keyword} ${[...ins.flags, ins.args].join(' ')}`);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
/**
 * Computes, for every layer, the Dockerfile line of the instruction that created it. `history` is the image
 * config's full history (with empty_layer entries); each layer's `historyIndex` points into it.
 */
function mapLayersToDockerfile(layers, history, dockerfileText) {
    const stages = parseDockerfileStages(dockerfileText);
    const chain = stageChain(stages);
    const root = chain[0];
    const instructions = chain.flatMap((s) => s.instructions);
    const entries = history.map((h) => classifyHistoryEntry(h.created_by));
    const { pairOf, firstPaired } = align(entries, instructions);
    const matched = pairOf.filter((p) => p >= 0).length;
    const mismatch = misfit(entries, instructions, pairOf, firstPaired);
    if (mismatch !== undefined) {
        return {
            origins: layers.map((l) => ({ layerIndex: l.index })),
            ...(root ? { baseFromLine: root.fromLine } : {}),
            squashed: false,
            matched,
            instructions: instructions.length,
            fits: false,
            mismatch: `the Dockerfile does not fit the image's history: ${mismatch}`,
        };
    }
    const final = chain[chain.length - 1];
    const stageStart = final?.instructions[0]?.line;
    const stageEnd = final?.instructions[final.instructions.length - 1]?.endLine;
    const layerEntries = layers.map((l) => l.historyIndex).filter((i) => i !== undefined && i >= firstPaired);
    const squashed = layerEntries.some((i) => pairOf[i] >= 0 && METADATA_ONLY.has(instructions[pairOf[i]].keyword)) ||
        (layerEntries.length === 1 &&
            history.filter((h, i) => i >= firstPaired && h.empty_layer === true && pairOf[i] >= 0 && ['RUN', 'COPY', 'ADD'].includes(instructions[pairOf[i]].keyword)).length >= 2);
    const origins = layers.map((layer) => {
        const hi = layer.historyIndex;
        if (hi === undefined || instructions.length === 0 || !root)
            return { layerIndex: layer.index };
        if (hi < firstPaired)
            return { layerIndex: layer.index, line: root.fromLine, instruction: `FROM ${root.fromText}`, base: true };
        const p = pairOf[hi];
        if (squashed && stageStart !== undefined) {
            return { layerIndex: layer.index, line: stageStart, endLine: stageEnd ?? stageStart, instruction: 'squashed stage', squashed: true };
        }
        if (p < 0)
            return { layerIndex: layer.index };
        const ins = instructions[p];
        return { layerIndex: layer.index, line: ins.line, endLine: ins.endLine, instruction: describeInstruction(ins) };
    });
    return { origins, ...(root ? { baseFromLine: root.fromLine } : {}), squashed, matched, instructions: instructions.length, fits: true };
}

;// CONCATENATED MODULE: ./src/match/ignore.ts



function parseIgnoreFile(text, where = '.portcullis-ignore.yaml') {
    let doc;
    try {
        doc = (0,js_yaml/* load */.Hh)(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${where}: not valid YAML (${(0,errors/* getErrorMessage */.u1)(error).split('\n')[0]})`);
    }
    if (doc === undefined || doc === null)
        return [];
    const list = Array.isArray(doc) ? doc : doc.ignore ?? doc.ignores;
    if (!Array.isArray(list))
        throw new errors/* ConfigurationError */.j1(`${where}: expected a list under "ignore"`);
    return list.map((raw, i) => {
        const at = `${where}: entry ${i + 1}`;
        if (typeof raw !== 'object' || raw === null)
            throw new errors/* ConfigurationError */.j1(`${at} is not a mapping`);
        const r = raw;
        const id = r.id ?? r.vulnerability;
        if (typeof id !== 'string' || id.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} has no "id"`);
        if (typeof r.reason !== 'string' || r.reason.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}) has no "reason"`);
        const pkg = r.package ?? r.purl;
        if (pkg !== undefined && typeof pkg !== 'string')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}): "package" must be a name or a purl`);
        let expires;
        if (r.expires !== undefined) {
            // YAML reads an unquoted date as a Date.
            const d = r.expires instanceof Date ? r.expires : typeof r.expires === 'string' ? new Date(r.expires) : undefined;
            if (!d || Number.isNaN(d.getTime()))
                throw new errors/* ConfigurationError */.j1(`${at} (${id}): "expires" is not a date (YYYY-MM-DD)`);
            expires = r.expires instanceof Date ? d.toISOString().slice(0, 10) : String(r.expires);
        }
        return { id: id.trim(), ...(pkg ? { package: pkg.trim() } : {}), reason: r.reason.trim(), ...(expires ? { expires } : {}), index: i + 1 };
    });
}
function loadIgnoreFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read ignore file ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseIgnoreFile(text, path);
}
/** `*` any run, `?` one character; everything else literal; case-insensitive. */
function globToRegExp(glob) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** True when an entry's date has passed: a date-only `expires` lasts through that whole day (UTC). */
function isExpired(rule, now) {
    if (!rule.expires)
        return false;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(rule.expires);
    const end = dateOnly ? Date.parse(`${rule.expires}T23:59:59.999Z`) : Date.parse(rule.expires);
    return now.getTime() > end;
}
/** Whether a rule's `package` (name or purl) names the finding's package. */
function packageMatches(spec, finding) {
    if (!spec.startsWith('pkg:'))
        return spec === finding.packageName;
    if (!finding.purl)
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(finding.purl);
    if (want.base.toLowerCase() !== have.base.toLowerCase())
        return false;
    if (want.version !== undefined && want.version !== have.version)
        return false;
    return true;
}
/** `pkg:type/ns/name@version?q#s` → base `pkg:type/ns/name` and the decoded version. */
function splitPurl(p) {
    const noSub = p.split('#', 1)[0].split('?', 1)[0];
    const at = noSub.lastIndexOf('@');
    const slash = noSub.lastIndexOf('/');
    if (at > slash)
        return { base: noSub.slice(0, at), version: decodeURIComponent(noSub.slice(at + 1)) };
    return { base: noSub };
}
function applyIgnores(findings, rules, now = new Date()) {
    const active = rules.filter((r) => !isExpired(r, now));
    const expired = rules.filter((r) => isExpired(r, now));
    const patterns = new Map(active.map((r) => [r, globToRegExp(r.id)]));
    const used = new Set();
    const kept = [];
    const ignored = [];
    for (const f of findings) {
        const ids = [f.id, ...f.aliases];
        const rule = active.find((r) => ids.some((id) => patterns.get(r).test(id)) && (!r.package || packageMatches(r.package, f)));
        if (rule) {
            used.add(rule);
            ignored.push({ finding: f, rule });
        }
        else
            kept.push(f);
    }
    return { kept, ignored, expired, unused: active.filter((r) => !used.has(r)) };
}

// EXTERNAL MODULE: ./src/vulndb/osv.ts
var osv = __webpack_require__(48173);
// EXTERNAL MODULE: ./src/vulndb/names.ts
var names = __webpack_require__(59289);
;// CONCATENATED MODULE: ./src/match/ranges.ts
const KIND_ORDER = { introduced: 0, fixed: 1, last_affected: 1, limit: 2 };
function eventOf(e) {
    if (e.introduced !== undefined)
        return { kind: 'introduced', version: e.introduced };
    if (e.fixed !== undefined)
        return { kind: 'fixed', version: e.fixed };
    if (e.last_affected !== undefined)
        return { kind: 'last_affected', version: e.last_affected };
    if (e.limit !== undefined)
        return { kind: 'limit', version: e.limit };
    return undefined;
}
/**
 * The intervals of one ECOSYSTEM or SEMVER range, per the OSV spec: events are sorted by version (`introduced: 0`
 * first; at equal versions `introduced` before `fixed`/`last_affected`, so `[x, x)` is empty), then each
 * `introduced` opens an interval (when none is open) and the next `fixed` or `last_affected` closes it; an interval
 * left open runs to the end. `limit` events bound the whole range: a version must be below one of them (`limit: *`
 * means no bound). Throws InvalidVersionError if an event's version is invalid in the scheme.
 */
function rangeIntervals(range, scheme) {
    const events = range.events.map(eventOf).filter((e) => e !== undefined);
    const limits = events.filter((e) => e.kind === 'limit' && e.version !== '*').map((e) => e.version);
    const points = events.filter((e) => e.kind !== 'limit');
    const isZero = (e) => e.kind === 'introduced' && e.version === '0';
    points.sort((a, b) => {
        if (isZero(a) !== isZero(b))
            return isZero(a) ? -1 : 1;
        if (isZero(a))
            return 0;
        const c = scheme.compare(a.version, b.version);
        return c !== 0 ? c : KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    });
    for (const l of limits)
        scheme.parse(l);
    for (const e of points)
        if (!isZero(e))
            scheme.parse(e.version);
    const intervals = [];
    let open;
    for (const e of points) {
        if (e.kind === 'introduced') {
            if (!open)
                open = e.version === '0' ? {} : { introduced: e.version };
        }
        else if (open) {
            intervals.push(e.kind === 'fixed' ? { ...open, fixed: e.version } : { ...open, lastAffected: e.version });
            open = undefined;
        }
    }
    if (open)
        intervals.push(open);
    return { intervals, limits };
}
function inInterval(version, i, scheme) {
    if (i.introduced !== undefined && scheme.compare(version, i.introduced) < 0)
        return false;
    if (i.fixed !== undefined && scheme.compare(version, i.fixed) >= 0)
        return false;
    if (i.lastAffected !== undefined && scheme.compare(version, i.lastAffected) > 0)
        return false;
    return true;
}
/**
 * Whether `version` is affected by one `affected` entry: listed in `versions`, or inside an ECOSYSTEM or SEMVER
 * range. GIT ranges (commits, not versions) and unknown range types are ignored. The installed version must be
 * valid in the scheme (the caller checks); a range whose own versions are invalid is skipped and reported.
 */
function evaluateAffected(affected, version, scheme) {
    const verdict = { affected: false, hits: [], problems: [] };
    for (const range of affected.ranges ?? []) {
        if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER')
            continue;
        let parsed;
        try {
            parsed = rangeIntervals(range, scheme);
        }
        catch (error) {
            verdict.problems.push(error instanceof Error ? error.message : String(error));
            continue;
        }
        if (parsed.limits.length > 0 && !parsed.limits.some((l) => scheme.compare(version, l) < 0))
            continue;
        for (const interval of parsed.intervals) {
            if (inInterval(version, interval, scheme))
                verdict.hits.push({ interval, type: range.type });
        }
    }
    if (verdict.hits.length === 0 && affected.versions?.length) {
        const listed = affected.versions.find((v) => v === version || (scheme.isValid(v) && scheme.compare(v, version) === 0));
        if (listed !== undefined)
            verdict.hits.push({ listed, type: 'versions' });
    }
    verdict.affected = verdict.hits.length > 0;
    return verdict;
}
/** `[4.17.15, 4.17.19)`, `[0, 1.2.3]`, `listed 2.0.1`: how a hit reads in `matchedBy`. */
function describeHit(hit) {
    if (hit.listed !== undefined)
        return `version listed (${hit.listed})`;
    const i = hit.interval ?? {};
    const from = i.introduced ?? '0';
    if (i.fixed !== undefined)
        return `${hit.type} [${from}, ${i.fixed})`;
    if (i.lastAffected !== undefined)
        return `${hit.type} [${from}, ${i.lastAffected}]`;
    return `${hit.type} [${from}, ∞)`;
}

// EXTERNAL MODULE: ./node_modules/ae-cvss-calculator/dist/ae-cvss-calculator.js
var ae_cvss_calculator = __webpack_require__(44353);
var ae_cvss_calculator_default = /*#__PURE__*/__webpack_require__.n(ae_cvss_calculator);
;// CONCATENATED MODULE: ./src/match/severity.ts


// A CommonJS (UMD) package: Node's ESM loader puts its exports on `default`, a bundler on the namespace itself.
const cvss = ((ae_cvss_calculator_default()) ?? ae_cvss_calculator);
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss;
/**
 * Scores one CVSS vector with ae-cvss-calculator (v2, v3.0, v3.1, v4.0). Undefined when the vector is malformed or
 * its base metrics are incomplete.
 */
function scoreVector(vector, source) {
    const v = vector.trim();
    try {
        let version;
        let baseScore;
        if (v.startsWith('CVSS:4.0/')) {
            version = '4.0';
            const c = new Cvss4P0(v);
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.1/')) {
            version = '3.1';
            const c = new Cvss3P1(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.0/')) {
            version = '3.0';
            const c = new Cvss3P0(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (/^(\(?AV:)/.test(v)) {
            version = '2.0';
            const c = new Cvss2(v.replace(/^\(|\)$/g, ''));
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else
            return undefined;
        if (typeof baseScore !== 'number' || Number.isNaN(baseScore))
            return undefined;
        return { version, vector: v, baseScore, ...(source ? { source } : {}) };
    }
    catch {
        return undefined;
    }
}
/** The qualitative rating of a base score, per the scale of its CVSS version (v2 has no Critical and no None). */
function severityOfScore(c) {
    const s = c.baseScore;
    if (c.version === '2.0')
        return s >= 7 ? 'High' : s >= 4 ? 'Medium' : 'Low';
    if (s >= 9)
        return 'Critical';
    if (s >= 7)
        return 'High';
    if (s >= 4)
        return 'Medium';
    if (s > 0)
        return 'Low';
    return 'Negligible';
}
const VERSION_RANK = { '2.0': 0, '3.0': 1, '3.1': 2, '4.0': 3 };
const RATINGS = {
    critical: 'Critical',
    high: 'High',
    important: 'High',
    moderate: 'Medium',
    medium: 'Medium',
    low: 'Low',
    negligible: 'Negligible',
    unimportant: 'Negligible',
    none: 'Negligible',
};
/** A source's own word for severity (GHSA `MODERATE`, Ubuntu `negligible`, Debian urgency `unimportant`, `low**`). */
function ratingOf(text) {
    if (typeof text !== 'string')
        return undefined;
    return RATINGS[text.trim().toLowerCase().replace(/\*+$/, '')];
}
function cvssEntries(list, source) {
    const out = [];
    for (const s of list ?? []) {
        if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
            const c = scoreVector(s.score, source);
            if (c)
                out.push(c);
        }
    }
    return out;
}
/** Every scorable CVSS vector of a record and of the matched `affected` entry, without duplicates. */
function cvssOf(record, affected, source) {
    const all = [...cvssEntries(record.severity, source), ...cvssEntries(affected?.severity, source)];
    const seen = new Set();
    return all.filter((c) => (seen.has(c.vector) ? false : (seen.add(c.vector), true)));
}
/** The source's own rating, from the matched `affected` entry first, then the record. */
function sourceRatingOf(record, affected) {
    const places = [affected?.ecosystem_specific, affected?.database_specific, record.database_specific];
    for (const p of places) {
        if (!p)
            continue;
        const r = ratingOf(p.severity) ?? ratingOf(p.urgency) ?? ratingOf(p.priority);
        if (r)
            return r;
    }
    for (const s of [...(affected?.severity ?? []), ...(record.severity ?? [])]) {
        if (s.type === 'Ubuntu') {
            const r = ratingOf(s.score);
            if (r)
                return r;
        }
    }
    // osv.dev's AlmaLinux and Rocky records carry Red Hat's rating only in the summary: "Moderate: avahi security update".
    if (/^(ALSA|RLSA|ALBA|ALEA|RXSA)-/.test(record.id) && typeof record.summary === 'string') {
        const m = /^\s*(Critical|Important|Moderate|Low)\s*:/i.exec(record.summary);
        if (m)
            return ratingOf(m[1]);
    }
    return undefined;
}
/**
 * The severity precedence rule:
 * 1. CVSS vectors (from `severity` of the record and of the matched `affected` entry, of every merged record) are
 *    scored with ae-cvss-calculator. The newest CVSS version present decides (4.0 > 3.1 > 3.0 > 2.0); among vectors
 *    of that version the highest base score decides; the rating is that version's qualitative scale.
 * 2. Without a scorable vector: the source's own rating (`ecosystem_specific` / `database_specific` `severity`,
 *    `urgency` or `priority`, or an `Ubuntu` severity entry), the highest among merged records.
 * 3. Otherwise `Unknown`.
 */
function decideSeverity(cvssList, sourceRatings) {
    if (cvssList.length > 0) {
        const best = [...cvssList].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
        return severityOfScore(best);
    }
    const order = ['Critical', 'High', 'Medium', 'Low', 'Negligible'];
    for (const s of order)
        if (sourceRatings.includes(s))
            return s;
    return 'Unknown';
}
const SEVERITY_ORDER = (/* unused pure expression or super */ null && (['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown']));
/** Package types whose records come from a distro (their rating is the distro's own, as grype and trivy use it). */
const OS_PACKAGE_TYPES = target/* OS_PACKAGE_TYPE_SET */.oQ; // derived from the exhaustive table in target.ts
/** The best of a set of vectors: the newest CVSS version, then the highest base score. */
function bestCvss(list) {
    return [...list].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
}
/** NVD's deciding vector: its Primary metrics (NVD's own) first, else the Secondary ones (a CNA's); then `bestCvss`. */
function bestNvdCvss(list) {
    const primary = list.filter((c) => c.type !== 'Secondary');
    return bestCvss(primary.length > 0 ? primary : list);
}
const severity_RANK = { Critical: 5, High: 4, Medium: 3, Low: 2, Negligible: 1, Unknown: 0 };
/**
 * The severity precedence (README, "Severity"), as grype and trivy decide it:
 * - OS packages (deb, apk, rpm): the distro's own rating, then NVD's CVSS, then the record's CVSS.
 * - Language packages: the advisory's own label (GHSA's wins over a vector that disagrees), then the record's
 *   CVSS, then NVD's.
 * Among ratings the highest wins; among vectors the newest CVSS version, then the highest base score (NVD:
 * Primary metrics first). `source` is `vendor:<data source>`, `cvss:<data source>`, `nvd` or `none` (Unknown).
 */
function decideFindingSeverity(input) {
    const vendor = () => {
        const best = [...input.ratings].filter((r) => r.severity !== 'Unknown').sort((a, b) => severity_RANK[b.severity] - severity_RANK[a.severity])[0];
        return best ? { severity: best.severity, source: `vendor:${best.dataSource}` } : undefined;
    };
    const record = () => {
        const best = bestCvss(input.cvss);
        return best ? { severity: severityOfScore(best), source: `cvss:${best.source ?? 'record'}` } : undefined;
    };
    const nvd = () => {
        const best = bestNvdCvss(input.nvdCvss);
        return best ? { severity: severityOfScore(best), source: 'nvd' } : undefined;
    };
    const order = OS_PACKAGE_TYPES.has(input.packageType) ? [vendor, nvd, record] : [vendor, record, nvd];
    for (const step of order) {
        const r = step();
        if (r)
            return r;
    }
    return { severity: 'Unknown', source: 'none' };
}

// EXTERNAL MODULE: ./src/vulndb/enrichment.ts
var enrichment = __webpack_require__(55972);
;// CONCATENATED MODULE: ./src/match/matcher.ts






/** The join a match uses: the option, else the lookup's own `enrichment` method. */
function enrichmentOf(db, options) {
    if (options.enrichment)
        return options.enrichment;
    const e = db.enrichment;
    return typeof e === 'function' ? { enrichment: (id) => e.call(db, id) } : undefined;
}
/**
 * Matches packages against the vulnerability data. One finding per vulnerability per package: records that are
 * aliases of each other (`aliases`, or a single `upstream` id such as ALPINE-CVE-x or DEBIAN-CVE-x → CVE-x) are
 * merged, shown under a CVE id where there is one. A package may have several targets (an rpm by binary and by
 * source name; SUSE's product and modules): their hits are merged the same way, and one record found through two
 * targets counts once. Withdrawn records are ignored.
 */
function matchPackages(db, packages, options = {}) {
    const findings = [];
    const unknowns = [];
    let looked = 0;
    let skipped = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, options.distro);
        if (!('targets' in t)) {
            skipped++;
            options.logger?.debug(`match: ${t.skip}`);
            if (t.unknown)
                unknowns.push({ stage: 'match', reason: t.skip, ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}) });
            continue;
        }
        const valid = t.targets.filter((target) => target.scheme.isValid(target.version));
        if (valid.length === 0) {
            skipped++;
            const target = t.targets[0];
            unknowns.push({
                stage: 'match',
                reason: `${pkg.name}: version "${target.version}" is not a valid ${target.scheme.id} version; not matched`,
                ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}),
            });
            continue;
        }
        looked++;
        const hits = [];
        const targetOf = new Map();
        const seen = new Set();
        for (const target of valid) {
            for (const hit of hitsFor(forBinary(db.lookup(target.ecosystem, target.name), target), target, options.logger, pkg.arch)) {
                // The same record found through the binary and the source name, or through a product and its module.
                // By id, not identity: the database may parse a record again, and `forBinary` copies the ones it narrows.
                const key = `${hit.dataSource}\u0000${hit.record.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                hits.push(hit);
                targetOf.set(hit, target);
            }
        }
        findings.push(...mergeHits(hits, pkg, (h) => targetOf.get(h) ?? valid[0], enrichmentOf(db, options)));
    }
    return { findings, unknowns, stats: { packages: packages.length, looked, skipped, findings: findings.length } };
}
/**
 * For a lookup by source rpm name: drops the affected entries whose `ecosystem_specific.binaries` (SUSE and
 * openSUSE records list the binary rpms the fix ships in that product) do not name the installed binary. Entries
 * without such a list, and lookups by the package's own name, are kept as they are.
 */
function forBinary(stored, target) {
    const binary = target.binary;
    if (binary === undefined)
        return stored;
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const out = [];
    for (const s of stored) {
        const affected = s.record.affected ?? [];
        const keep = affected.filter((a) => !a.package || (0,names/* packageKey */.MO)(a.package.ecosystem, a.package.name) !== key || listsBinary(a, binary) !== false);
        if (keep.length === affected.length)
            out.push(s);
        else if (keep.length > 0)
            out.push({ ...s, record: { ...s.record, affected: keep } });
    }
    return out;
}
/** True or false when the entry lists its binaries (`[{"krb5-libs": "1.0-1"}]`, `[{binary_name: …}]`, `["…"]`); undefined when not. */
function listsBinary(affected, binary) {
    const list = affected.ecosystem_specific?.binaries;
    if (!Array.isArray(list) || list.length === 0)
        return undefined;
    const names = new Set();
    for (const item of list) {
        if (typeof item === 'string')
            names.add(item);
        else if (item && typeof item === 'object') {
            const o = item;
            if (typeof o.binary_name === 'string')
                names.add(o.binary_name);
            else
                for (const k of Object.keys(o))
                    names.add(k);
        }
    }
    return names.has(binary);
}
/**
 * An entry scoped to other architectures (`ecosystem_specific.arch`, as Oracle's per-arch ELSA fixes are) does not
 * apply to this package; `noarch` packages and packages of unknown arch take every entry.
 */
function archApplies(affected, arch) {
    const want = affected.ecosystem_specific?.arch;
    if (!arch || arch === 'noarch' || want === undefined)
        return true;
    const list = Array.isArray(want) ? want : [want];
    return list.some((a) => a === arch || a === 'noarch');
}
function hitsFor(stored, target, logger, arch) {
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const hits = [];
    for (const { record, source } of stored) {
        if (record.withdrawn)
            continue;
        for (const affected of record.affected ?? []) {
            const p = affected.package;
            if (!p || (0,names/* packageKey */.MO)(p.ecosystem, p.name) !== key)
                continue;
            if (!archApplies(affected, arch))
                continue;
            const verdict = evaluateAffected(affected, target.version, target.scheme);
            for (const problem of verdict.problems)
                logger?.debug(`match: ${record.id}: ${problem}`);
            if (!verdict.affected)
                continue;
            const fixed = verdict.hits.map((h) => h.interval?.fixed).filter((f) => f !== undefined);
            hits.push({
                record,
                affected,
                dataSource: source.kind === 'alpine-secdb' ? 'alpine-secdb' : `osv:${(0,osv/* baseEcosystem */.sz)(p.ecosystem)}`,
                fixed,
                fixState: fixed.length > 0 ? 'fixed' : noFixState(affected),
                how: verdict.hits.map(describeHit).join(', '),
            });
        }
    }
    return hits;
}
const WONT_FIX = /\b(wont[-_ ]?fix|won't fix|will not (be )?fix|no[-_]dsa|ignored|end[-_ ]of[-_ ]life|unimportant)\b/i;
/**
 * No fixed version: "won't fix" when the data says so (a `fix_state`, Debian's `urgency: unimportant`, or a
 * `no-dsa` / `ignored` / `end-of-life` note in `ecosystem_specific` or `database_specific`), "not fixed" otherwise.
 */
function noFixState(affected) {
    for (const obj of [affected.ecosystem_specific, affected.database_specific, ...(affected.ranges ?? []).map((r) => r.database_specific)]) {
        if (!obj)
            continue;
        for (const [k, v] of Object.entries(obj)) {
            if (typeof v !== 'string')
                continue;
            if (/^(fix_?state|status|urgency|note|notes|resolution)$/i.test(k) && WONT_FIX.test(v))
                return 'wont-fix';
        }
    }
    return 'not-fixed';
}
function idsOf(record) {
    return [record.id, ...(record.aliases ?? []), ...(record.upstream?.length === 1 ? record.upstream : [])];
}
function preferredId(ids, own) {
    const list = [...ids].sort();
    return list.find((i) => i.startsWith('CVE-')) ?? list.find((i) => i.startsWith('GHSA-')) ?? own;
}
function mergeHits(hits, pkg, targetOf, join) {
    if (hits.length === 0)
        return [];
    // Union-find over ids: two hits are one vulnerability when they share an id.
    const parent = new Map();
    const find = (x) => {
        let r = x;
        while (parent.get(r) !== r)
            r = parent.get(r);
        parent.set(x, r);
        return r;
    };
    for (const h of hits) {
        const ids = idsOf(h.record);
        for (const id of ids)
            if (!parent.has(id))
                parent.set(id, id);
        for (const id of ids.slice(1)) {
            const a = find(ids[0]);
            const b = find(id);
            if (a !== b)
                parent.set(b, a);
        }
    }
    // An advisory about several CVEs (a DSA/DLA, an ALSA listing them in `upstream`) joins the per-CVE findings of
    // the same package (osv.dev's DEBIAN-CVE-x records) instead of standing beside them as a second finding; with no
    // per-CVE finding it stands alone.
    const joins = new Map();
    for (const h of hits) {
        const upstream = h.record.upstream ?? [];
        if (upstream.length < 2)
            continue;
        const own = find(h.record.id);
        const roots = [...new Set(upstream.filter((u) => parent.has(u)).map(find))].filter((r) => r !== own);
        const othersInOwn = hits.some((o) => o !== h && find(o.record.id) === own);
        if (roots.length > 0 && !othersInOwn)
            joins.set(h, roots);
    }
    const groups = new Map();
    const add = (root, h) => {
        let g = groups.get(root);
        if (!g)
            groups.set(root, (g = []));
        g.push(h);
    };
    for (const h of hits)
        for (const root of joins.get(h) ?? [find(h.record.id)])
            add(root, h);
    const out = [];
    for (const group of groups.values())
        out.push(toFinding(group, pkg, groupTarget(group, targetOf), join));
    return out;
}
/** The target a finding is shown under: its first hit's, with every lookup that found it in `via`. */
function groupTarget(group, targetOf) {
    const targets = [...new Set(group.map(targetOf))];
    const first = targets[0];
    if (targets.length === 1)
        return first;
    const vias = [...new Set(targets.map((t) => t.via))];
    return { ...first, via: vias.join(' and ') };
}
function toFinding(group, pkg, target, join) {
    group.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
    const ids = new Set();
    const related = new Set();
    for (const h of group) {
        for (const id of idsOf(h.record))
            ids.add(id);
        for (const u of h.record.upstream ?? [])
            related.add(u);
    }
    const id = preferredId(ids, group[0].record.id);
    const aliases = [...new Set([...ids, ...related])].filter((x) => x !== id).sort();
    const primary = group.find((h) => h.record.id === id) ?? group[0];
    const cvss = [];
    const seenVectors = new Set();
    const ratings = [];
    for (const h of group) {
        for (const c of cvssOf(h.record, h.affected, h.dataSource)) {
            if (!seenVectors.has(c.vector)) {
                seenVectors.add(c.vector);
                cvss.push(c);
            }
        }
        const r = sourceRatingOf(h.record, h.affected);
        if (r)
            ratings.push({ severity: r, dataSource: h.dataSource });
    }
    const { nvdCvss, kev, epss } = joined(group, join);
    const decided = decideFindingSeverity({ packageType: pkg.type, ratings, cvss, nvdCvss });
    const fixedVersions = sortVersions([...new Set(group.flatMap((h) => h.fixed))], target.scheme);
    const state = fixedVersions.length > 0 ? 'fixed' : group.some((h) => h.fixState === 'wont-fix') ? 'wont-fix' : 'not-fixed';
    const references = [...new Set(group.flatMap((h) => (h.record.references ?? []).map((r) => r.url)))];
    const published = group.map((h) => h.record.published).filter((x) => !!x).sort()[0];
    const modified = group.map((h) => h.record.modified).filter((x) => !!x).sort().at(-1);
    const summary = primary.record.summary ?? group.find((h) => h.record.summary)?.record.summary;
    const versionNote = target.version === pkg.version ? '' : ` at ${target.version}`;
    return {
        id,
        aliases,
        packageId: pkg.id,
        packageName: pkg.name,
        packageType: pkg.type,
        installedVersion: pkg.version,
        ...(pkg.purl ? { purl: pkg.purl } : {}),
        locations: pkg.locations,
        fix: { state, versions: fixedVersions },
        severity: decided.severity,
        severitySource: decided.source,
        cvss,
        nvdCvss,
        ...(kev ? { kev } : {}),
        ...(epss ? { epss } : {}),
        ...(summary ? { summary } : {}),
        references,
        ...(published ? { published } : {}),
        ...(modified ? { modified } : {}),
        dataSource: [...new Set(group.map((h) => h.dataSource))].join(', '),
        matchedBy: `${target.via}${versionNote}: ${group.map((h) => `${h.record.id} ${h.how}`).join('; ')}`,
    };
}
/**
 * NVD's CVSS, KEV and EPSS of a finding, joined through every record's id, aliases, upstream and related CVE ids
 * (`joinIds`): NVD's vectors of every id (without duplicates), KEV of the first id in the catalog, the highest EPSS.
 */
function joined(group, join) {
    const nvdCvss = [];
    if (!join)
        return { nvdCvss };
    const ids = [...new Set(group.flatMap((h) => (0,enrichment/* joinIds */.VS)(h.record)))].sort();
    const seen = new Set();
    let kev;
    let epss;
    for (const id of ids) {
        const e = join.enrichment(id);
        if (!e)
            continue;
        for (const c of e.nvd?.cvss ?? []) {
            const key = `${c.source ?? ''}\u0000${c.type ?? ''}\u0000${c.vector}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            nvdCvss.push(c);
        }
        if (e.kev && !kev)
            kev = e.kev;
        if (e.epss && (!epss || e.epss.score > epss.score))
            epss = e.epss;
    }
    return { nvdCvss, ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
}
function sortVersions(list, scheme) {
    return list.sort((a, b) => {
        try {
            return scheme.compare(a, b);
        }
        catch {
            return a < b ? -1 : a > b ? 1 : 0;
        }
    });
}

;// CONCATENATED MODULE: ./src/match/vex.ts




const STATUSES = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);
const component = {
    anyOf: [
        { type: 'string' },
        {
            type: 'object',
            properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } } },
        },
    ],
};
/**
 * The shape of the fields Portcullis reads, after the OpenVEX spec (github.com/openvex/spec, OPENVEX-SPEC.md:
 * a document has `@context` and `statements`; a statement has `vulnerability`, `status`, optional `products` with
 * `subcomponents`, `justification`, `impact_statement`, `timestamp`). A string vulnerability or product (older
 * documents) is accepted.
 */
const OPENVEX_SCHEMA = {
    type: 'object',
    properties: {
        '@context': { type: 'string' },
        timestamp: { type: 'string' },
        statements: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    vulnerability: {
                        anyOf: [
                            { type: 'string' },
                            { type: 'object', properties: { name: { type: 'string' }, '@id': { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } } } },
                        ],
                    },
                    products: {
                        type: 'array',
                        items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } }, subcomponents: { type: 'array', items: component } } }] },
                    },
                    status: { type: 'string' },
                    justification: { type: 'string' },
                    impact_statement: { type: 'string' },
                    timestamp: { type: 'string' },
                },
                required: ['vulnerability', 'status'],
            },
        },
    },
    required: ['statements'],
};
const checkOpenVexShape = (0,json/* shapeChecker */.Dr)(OPENVEX_SCHEMA);
function parseOpenVex(text, where) {
    // Depth-guarded: a document nested deeper than 512 levels is refused before any walk.
    const d = (0,json/* parseJson */.qF)(text, { what: where });
    if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d['@context'] !== 'string' || !d['@context'].includes('openvex')) {
        throw new errors/* ConfigurationError */.j1(`${where}: not an OpenVEX document (no openvex @context)`);
    }
    if (!Array.isArray(d.statements))
        throw new errors/* ConfigurationError */.j1(`${where}: OpenVEX document without "statements"`);
    (0,json/* assertShape */.kl)(checkOpenVexShape, d, `${where}: OpenVEX document`);
    const docTime = typeof d.timestamp === 'string' ? d.timestamp : undefined;
    return d.statements.map((raw, i) => {
        const s = raw;
        const at = `${where}: statement ${i + 1}`;
        const status = s.status;
        if (typeof status !== 'string' || !STATUSES.has(status))
            throw new errors/* ConfigurationError */.j1(`${at}: unknown status "${String(status)}"`);
        const v = s.vulnerability;
        let vulnerability;
        if (typeof v === 'string')
            vulnerability = [v];
        else if (v && typeof v === 'object') {
            const o = v;
            vulnerability = [o.name, o['@id'], ...(Array.isArray(o.aliases) ? o.aliases : [])].filter((x) => typeof x === 'string' && !x.startsWith('http'));
        }
        else
            vulnerability = [];
        if (vulnerability.length === 0)
            throw new errors/* ConfigurationError */.j1(`${at}: no vulnerability name`);
        const products = [];
        const subcomponents = [];
        for (const p of Array.isArray(s.products) ? s.products : []) {
            const id = productPurl(p);
            if (id)
                products.push(id);
            for (const sub of Array.isArray(p?.subcomponents) ? p.subcomponents : []) {
                const sid = productPurl(sub);
                if (sid)
                    subcomponents.push(sid);
            }
        }
        const ts = typeof s.timestamp === 'string' ? s.timestamp : docTime;
        return {
            vulnerability,
            products,
            subcomponents,
            status: status,
            ...(typeof s.justification === 'string' ? { justification: s.justification } : {}),
            ...(typeof s.impact_statement === 'string' ? { impactStatement: s.impact_statement } : {}),
            ...(ts ? { timestamp: ts } : {}),
            document: where,
            order: i,
        };
    });
}
function productPurl(p) {
    if (typeof p === 'string')
        return p;
    if (!p || typeof p !== 'object')
        return undefined;
    const o = p;
    const ids = o.identifiers;
    if (typeof ids?.purl === 'string')
        return ids.purl;
    return typeof o['@id'] === 'string' ? o['@id'] : undefined;
}
function loadOpenVex(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read VEX document ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseOpenVex(text, path);
}
function purlCovers(spec, purl) {
    if (!purl || !spec.startsWith('pkg:'))
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(purl);
    return want.base.toLowerCase() === have.base.toLowerCase() && (want.version === undefined || want.version === have.version);
}
const IMAGE_PURL = /^pkg:(oci|docker)\//i;
function statementCovers(s, f) {
    const ids = new Set([f.id, ...f.aliases]);
    if (!s.vulnerability.some((v) => ids.has(v)))
        return false;
    if (s.subcomponents.length > 0)
        return s.subcomponents.some((c) => purlCovers(c, f.purl));
    if (s.products.length === 0)
        return true;
    // A product that is the image itself covers everything in it.
    return s.products.some((p) => purlCovers(p, f.purl) || IMAGE_PURL.test(p));
}
function applyVex(findings, statements) {
    const ordered = [...statements].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || 0);
    const kept = [];
    const suppressed = [];
    for (const f of findings) {
        let last;
        for (const s of ordered)
            if (statementCovers(s, f))
                last = s;
        if (last && (last.status === 'not_affected' || last.status === 'fixed'))
            suppressed.push({ finding: f, statement: last });
        else
            kept.push(f);
    }
    return { kept, suppressed };
}

// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
// EXTERNAL MODULE: ./src/vulndb/http.ts
var vulndb_http = __webpack_require__(6729);
;// CONCATENATED MODULE: ./src/vulndb/local-files.ts



/** A local vulnerability data path, resolved: a file or a folder; one that does not exist is a ConfigurationError. */
function dataPath(path) {
    const root = (0,external_node_path_.resolve)(path);
    try {
        return { root, isDir: (0,external_node_fs_.statSync)(root).isDirectory() };
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Vulnerability data path not found: ${path}`);
    }
}
/** A folder's entries, sorted by name (so that imports are deterministic). */
function sortedEntries(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** The data files under a path (a file, or a folder at any depth), sorted; `accept` picks them by name. */
function localFeedFiles(path, accept) {
    const { root, isDir } = dataPath(path);
    if (!isDir)
        return { root, files: [root], isDir: false };
    const files = [];
    const walk = (dir) => {
        for (const e of sortedEntries(dir)) {
            const p = (0,external_node_path_.join)(dir, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile() && accept(e.name))
                files.push(p);
        }
    };
    walk(root);
    return { root, files, isDir: true };
}

;// CONCATENATED MODULE: ./src/vulndb/zip.ts

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
class CorruptArchiveError extends Error {
    name = 'CorruptArchiveError';
}
/**
 * The largest inflated entry read from a data zip, whatever its header declares. The largest record in osv.dev's
 * buckets is well under 2 MiB; an entry over this is skipped (a 400 KB zip cannot make the import hold 400 MB).
 */
const MAX_ZIP_ENTRY_BYTES = 16 * 1024 * 1024;
/**
 * Reads the `.json` entries of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), one at
 * a time, in central-directory order, as text, with the shared zip reader (node:zlib inflates: fast on many small
 * entries). An entry that cannot be read (over `maxEntryBytes`, corrupt data, a size other than the declared one)
 * is yielded with the reason it is skipped; a central directory that cannot be read is a CorruptArchiveError.
 */
function* iterateJsonEntries(data, where, maxEntryBytes = MAX_ZIP_ENTRY_BYTES) {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let zip;
    try {
        zip = new ZipReader(buf);
    }
    catch (error) {
        if (error instanceof ZipError)
            throw new CorruptArchiveError(`${where}: corrupt archive: ${error.message}`, { cause: error });
        throw error;
    }
    for (const entry of zip.entries) {
        if (!entry.name.endsWith('.json'))
            continue;
        let bytes;
        try {
            bytes = zip.read(entry, maxEntryBytes);
            if (bytes.length !== entry.size)
                throw new ZipError(`${entry.name} inflates to ${bytes.length} bytes, not the ${entry.size} its header declares`);
        }
        catch (error) {
            if (!(error instanceof ZipError))
                throw error;
            yield { name: entry.name, skipped: `unreadable zip entry: ${error.message}` };
            continue;
        }
        yield { name: entry.name, text: bytes.toString('utf8') };
    }
}
/** Every readable `.json` entry of a zip, as text (entries that cannot be read are left out). */
function readJsonEntries(data, where) {
    const out = [];
    for (const e of iterateJsonEntries(data, where))
        if (e.skipped === undefined)
            out.push({ name: e.name, text: e.text });
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/providers/secdb.ts
function isSecdbDocument(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const v = value;
    return typeof v.distroversion === 'string' && Array.isArray(v.packages);
}
const CVE = /^CVE-\d{4}-\d{4,}$/;
/** Alpine's secdb, as osv.dev converts it. */
const ALPINE_SECDB = {
    idPrefix: 'ALPINE-',
    ecosystem: (doc) => `Alpine:${doc.distroversion}`,
    purl: (name) => `pkg:apk/alpine/${name}?arch=source`,
    advisoryUrl: (cve) => `https://security.alpinelinux.org/vuln/${cve}`,
    ids: CVE,
};
/**
 * Turns secdb documents into OSV records, as osv.dev's Alpine converter does: one record per CVE, `ALPINE-<CVE>`
 * with `upstream: [CVE]`, one `affected` entry per (origin package, branch, fixed version) with the ECOSYSTEM
 * events `introduced 0`, `fixed <version>`, ecosystem `Alpine:<branch>`.
 * - Every whitespace-separated token of an entry that is a well-formed CVE id counts (`CVE-2018-3639 XSA-263`).
 * - Entries with no CVE id (`XSA-207`, `CVE 2018-16859`) are skipped, and reported.
 * - Fixed version `0` means the branch was never affected: no entry.
 */
function secdbToOsv(docs, modified, flavour = ALPINE_SECDB) {
    const byCve = new Map();
    const seen = new Set();
    const skipped = [];
    for (const { doc, where } of docs) {
        const ecosystem = flavour.ecosystem(doc);
        for (const entry of doc.packages) {
            const name = entry?.pkg?.name;
            if (typeof name !== 'string' || name === '') {
                skipped.push({ where, reason: 'a package without a name' });
                continue;
            }
            for (const [fixed, ids] of Object.entries(entry.pkg.secfixes ?? {})) {
                for (const raw of ids ?? []) {
                    const text = String(raw ?? '');
                    const cves = text.split(/\s+/).filter((t) => flavour.ids.test(t));
                    if (cves.length === 0) {
                        skipped.push({ where, reason: `${name} ${fixed}: "${text}" names no ${flavour.ids === CVE ? 'CVE' : 'vulnerability id'}` });
                        continue;
                    }
                    if (fixed === '0')
                        continue;
                    for (const cve of cves) {
                        const key = `${cve}\u0000${ecosystem}\u0000${name}\u0000${fixed}`;
                        if (seen.has(key))
                            continue;
                        seen.add(key);
                        let list = byCve.get(cve);
                        if (!list)
                            byCve.set(cve, (list = []));
                        list.push({
                            package: { ecosystem, name, purl: flavour.purl(name) },
                            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
                        });
                    }
                }
            }
        }
    }
    const records = [];
    for (const [cve, affected] of byCve) {
        records.push({
            schema_version: '1.7.5',
            id: `${flavour.idPrefix}${cve}`,
            modified,
            upstream: [cve],
            affected,
            references: [{ type: 'ADVISORY', url: flavour.advisoryUrl(cve) }],
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/local.ts









/**
 * Reads a folder or a file for vulnerability data: OSV records (`.json` files and zips of them, such as osv.dev's
 * `all.zip`) and Alpine secdb documents (`.json`, `.yaml`, `.yml`). In a folder holding an `all.zip`, the zip is
 * read and the `.json` files beside it are not (in the bucket layout they are the same records). Files that are
 * neither are skipped and listed; a corrupt zip or a path that does not exist is a ConfigurationError.
 */
function scanLocal(path) {
    const { root, isDir } = dataPath(path);
    const scan = { root, osv: [], secdb: [], skipped: [] };
    if (isDir)
        local_walk(root, scan);
    else
        readFile(root, scan, true);
    return scan;
}
function local_walk(dir, scan) {
    const entries = sortedEntries(dir);
    const hasAllZip = entries.some((e) => e.isFile() && e.name === 'all.zip');
    for (const e of entries) {
        const full = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            local_walk(full, scan);
        else if (e.isFile()) {
            if (hasAllZip && e.name.endsWith('.json'))
                continue;
            readFile(full, scan, false);
        }
    }
}
function readFile(file, scan, explicit) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.zip')) {
        // The central directory is read at the first step, so that a corrupt one is a ConfigurationError; the entries
        // then inflate one at a time (a bad entry is skipped and listed).
        const it = iterateJsonEntries((0,external_node_fs_.readFileSync)(file), file);
        let step;
        try {
            step = it.next();
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        for (; !step.done; step = it.next()) {
            const e = step.value;
            if (e.skipped !== undefined)
                scan.skipped.push({ where: `${file}!${e.name}`, reason: e.skipped });
            else
                addJson(e.text, `${file}!${e.name}`, scan);
        }
    }
    else if (lower.endsWith('.json')) {
        addJson((0,external_node_fs_.readFileSync)(file, 'utf8'), file, scan);
    }
    else if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
        let doc;
        try {
            doc = (0,js_yaml/* load */.Hh)((0,external_node_fs_.readFileSync)(file, 'utf8'), { schema: js_yaml/* FAILSAFE_SCHEMA */.uH });
        }
        catch (error) {
            scan.skipped.push({ where: file, reason: `unreadable YAML: ${(0,errors/* getErrorMessage */.u1)(error)}` });
            return;
        }
        if (isSecdbDocument(doc))
            scan.secdb.push({ doc, where: file });
        else
            scan.skipped.push({ where: file, reason: 'not an Alpine secdb document' });
    }
    else if (explicit) {
        throw new errors/* ConfigurationError */.j1(`Not a vulnerability data file (expected .zip, .json, .yaml): ${file}`);
    }
}
function addJson(text, where, scan) {
    let value;
    try {
        value = (0,json/* parseJson */.qF)(text, { what: 'the record' });
    }
    catch (error) {
        scan.skipped.push({ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` });
        return;
    }
    if (isSecdbDocument(value)) {
        scan.secdb.push({ doc: value, where });
        return;
    }
    if (typeof value !== 'object' || value === null || !('id' in value)) {
        scan.skipped.push({ where, reason: 'not an OSV record' });
        return;
    }
    try {
        // Slimmed at once (the database drops `details` and `credits`): a large import does not hold the long texts.
        scan.osv.push((0,osv/* slimRecord */.V6)((0,osv/* asOsvRecord */.W1)(value, where)));
    }
    catch (error) {
        scan.skipped.push({ where, reason: (0,errors/* getErrorMessage */.u1)(error) });
    }
}

;// CONCATENATED MODULE: ./src/vulndb/providers/alpine-secdb.ts




const DEFAULT_SECDB_URL = 'https://secdb.alpinelinux.org';
const REPOS = ['main', 'community'];
/**
 * Alpine's secdb as a native provider. With `path`: the secdb files of a folder or one file (`alpine-secdb:<path>`).
 * Otherwise, for each branch in `ecosystems` (`v3.20`): `<url>/<branch>/{main,community}.json`
 * (`alpine-secdb:v3.20`); a repository the server does not have (404) is skipped, `community` being absent on
 * old branches. Conditional requests use the stored `main.json` validators.
 */
const alpineSecdbProvider = {
    id: 'alpine-secdb',
    version: 1,
    description: 'Alpine secdb (secdb.alpinelinux.org JSON, or the YAML files) turned into OSV records',
    async fetch(options, ctx) {
        if (options.path) {
            const scan = scanLocal(options.path);
            if (scan.secdb.length === 0)
                throw new errors/* ConfigurationError */.j1(`No Alpine secdb documents in ${options.path}`);
            const fetchedAt = ctx.now().toISOString();
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            return [
                {
                    id: `alpine-secdb:${scan.root}`,
                    provider: 'alpine-secdb',
                    kind: 'alpine-secdb',
                    location: scan.root,
                    fetchedAt,
                    notModified: false,
                    records,
                    skipped: [...scan.skipped, ...skipped],
                },
            ];
        }
        const base = (options.url ?? DEFAULT_SECDB_URL).replace(/\/+$/, '');
        const out = [];
        for (const branch of options.ecosystems ?? []) {
            const id = `alpine-secdb:${branch}`;
            const location = `${base}/${branch}`;
            const prev = ctx.previous.get(id);
            const docs = [];
            let validators = {};
            let unchanged = true;
            for (const repo of REPOS) {
                const url = `${location}/${repo}.json`;
                const conditional = repo === 'main' && prev?.location === location;
                const res = await (0,vulndb_http/* conditionalGet */.fl)(url, {
                    etag: conditional ? prev?.etag : undefined,
                    lastModified: conditional ? prev?.lastModified : undefined,
                    timeoutMs: options.timeoutMs,
                    retries: options.retries,
                    backoffMs: options.backoffMs,
                    signal: ctx.signal,
                    logger: ctx.logger,
                });
                if (res.status === 404) {
                    if (repo === 'main')
                        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${branch}" an Alpine branch such as v3.20?)`, { status: 404 });
                    continue;
                }
                if (res.status === 304) {
                    validators = { ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}) };
                    break; // main unchanged: the branch is taken as unchanged (secdb regenerates both together)
                }
                unchanged = false;
                if (repo === 'main')
                    validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
                let doc;
                try {
                    doc = JSON.parse(res.body.toString('utf8'));
                }
                catch (error) {
                    throw new errors/* RemoteError */.Hi(`${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
                }
                if (!isSecdbDocument(doc))
                    throw new errors/* RemoteError */.Hi(`${url}: not an Alpine secdb document`);
                docs.push({ doc, where: url });
            }
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'alpine-secdb', kind: 'alpine-secdb', location, fetchedAt, ...validators };
            if (unchanged) {
                out.push({ ...state, notModified: true });
                continue;
            }
            const { records, skipped } = secdbToOsv(docs, fetchedAt);
            out.push({ ...state, notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/amazon.ts
const ALAS_ID = /^ALAS\d*-\d{4}-\d+$/;
const amazon_CVE = /CVE-\d{4}-\d{4,}/g;
const RELEASES = new Set(['2', '2022', '2023']);
const decode = (s) => s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);?/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
const tag = (xml, name) => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
    return m ? decode(m[1]).trim() : undefined;
};
function rfc822(text) {
    if (!text)
        return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
/** The items of an ALAS RSS document; an item without an ALAS id or a link is skipped with the reason. */
function parseAlasRss(xml, where) {
    if (!/<rss[\s>]/.test(xml) || !/<channel[\s>]/.test(xml))
        return { items: [], skipped: [{ where, reason: 'not an RSS document (no <rss><channel>)' }] };
    const items = [];
    const skipped = [];
    const blocks = xml.match(/<item(?:\s[^>]*)?>[\s\S]*?<\/item>/g) ?? [];
    const opened = (xml.match(/<item[\s>]/g) ?? []).length;
    if (opened > blocks.length)
        skipped.push({ where, reason: `${opened - blocks.length} <item> element(s) not closed` });
    blocks.forEach((block, i) => {
        const at = `${where} item ${i + 1}`;
        const title = tag(block, 'title') ?? '';
        const m = /^(ALAS\d*-\d{4}-\d+)\s*(?:\((\w+)\))?\s*:?\s*(.*)$/.exec(title);
        const link = tag(block, 'link') ?? tag(block, 'guid');
        if (!m || !ALAS_ID.test(m[1])) {
            skipped.push({ where: at, reason: `no ALAS id in the title "${title.slice(0, 80)}"` });
            return;
        }
        if (!link || !/^https?:\/\//.test(link)) {
            skipped.push({ where: at, reason: `${m[1]}: no advisory link` });
            return;
        }
        const release = /\/AL(2|2022|2023)\//.exec(link)?.[1];
        const published = rfc822(tag(block, 'pubDate'));
        const modified = rfc822(tag(block, 'lastBuildDate')) ?? published;
        items.push({
            id: m[1],
            ...(m[2] ? { severity: capital(m[2]) } : {}),
            ...(m[3] ? { package: m[3].trim() } : {}),
            cves: [...new Set((tag(block, 'description') ?? '').match(amazon_CVE) ?? [])],
            ...(published ? { published } : {}),
            ...(modified ? { modified } : {}),
            link,
            ...(release ? { release } : {}),
        });
    });
    return { items, skipped };
}
/**
 * `name-[epoch:]version-release.arch` → its parts; undefined when the text is not a NEVRA.
 * Amazon writes the epoch before the version (`1:2.3-4.amzn2.x86_64`) or before the name (`1:name-2.3-…`).
 */
function parseNevra(text) {
    let s = text.trim();
    let epoch;
    const lead = /^(\d+):(.*)$/.exec(s);
    if (lead) {
        epoch = lead[1];
        s = lead[2];
    }
    const dot = s.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    const arch = s.slice(dot + 1);
    const nvr = s.slice(0, dot);
    const r = nvr.lastIndexOf('-');
    if (r <= 0)
        return undefined;
    const v = nvr.lastIndexOf('-', r - 1);
    if (v <= 0)
        return undefined;
    const name = nvr.slice(0, v);
    let version = nvr.slice(v + 1, r);
    const release = nvr.slice(r + 1);
    const ev = /^(\d+):(.+)$/.exec(version);
    if (ev) {
        epoch = ev[1];
        version = ev[2];
    }
    if (!name || !version || !release || !/^[A-Za-z0-9_]+$/.test(arch) || /\s/.test(nvr))
        return undefined;
    return { name, ...(epoch ? { epoch } : {}), version, release, arch };
}
/** The fields of an advisory page; `packages` is empty when the page has no "New Packages" list. */
function parseAlasPage(html, where, skipped) {
    const sevBlock = /<b>\s*Severity:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const sevWord = sevBlock ? /\b(Critical|Important|Medium|Moderate|Low)\b/i.exec(decode(sevBlock.replace(/<[^>]*>/g, ' ')))?.[1] : undefined;
    const refs = /<div id=['"]references['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '';
    const cves = [...new Set(refs.match(amazon_CVE) ?? [])];
    const overviewHtml = /Issue Overview:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? /<div id=['"]issue_overview['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const overview = overviewHtml
        ? decode(overviewHtml.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ' '))
            .replace(/^\s*Issue Overview:\s*/i, '')
            .replace(/[ \t]+/g, ' ')
            .replace(/\s*\n\s*/g, '\n')
            .trim()
        : undefined;
    const list = /New Packages:\s*(?:<\/b>)?\s*<pre>([\s\S]*?)<\/pre>/i.exec(html)?.[1];
    const byKey = new Map();
    if (list !== undefined) {
        for (const rawLine of decode(list.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')).split('\n')) {
            const line = rawLine.trim();
            if (!line)
                continue;
            if (/^[A-Za-z0-9_]+:$/.test(line))
                continue; // an architecture heading; each NEVRA names its own
            const n = parseNevra(line);
            if (!n) {
                skipped.push({ where, reason: `"${line.slice(0, 100)}" is not a package NEVRA` });
                continue;
            }
            const evr = `${n.epoch ? `${n.epoch}:` : ''}${n.version}-${n.release}`;
            const key = `${n.name}\u0000${evr}`;
            let e = byKey.get(key);
            if (!e)
                byKey.set(key, (e = { name: n.name, evr, arches: [] }));
            if (!e.arches.includes(n.arch))
                e.arches.push(n.arch);
        }
    }
    const packages = [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.evr < b.evr ? -1 : a.evr > b.evr ? 1 : 0));
    return { ...(sevWord ? { severity: capital(sevWord) } : {}), cves, ...(overview ? { overview } : {}), packages };
}
/**
 * An ALAS RSS feed and its advisory pages as OSV records, one per advisory (id = the ALAS id):
 * ecosystem `Amazon Linux:<2|2022|2023>`, one `affected` entry per package name of "New Packages" (binaries and the source rpm, as vunnel) with
 * `introduced 0`, `fixed [epoch:]version-release` (and `ecosystem_specific.arches`); the CVEs in `aliases` (one)
 * or `related` (several); the vendor's severity (`Important`) in `database_specific.severity`; `published` =
 * `pubDate`, `modified` = `lastBuildDate` (else `pubDate`). Items of Amazon Linux 1, items without a page or a
 * date, and pages without a package list are skipped with the reason.
 */
function convertAmazon(input, where) {
    const { items, skipped } = parseAlasRss(input.rss, where);
    const records = [];
    const seen = new Set();
    for (const item of items) {
        const at = `${where} ${item.id}`;
        const release = item.release ?? input.release;
        if (!release || !RELEASES.has(release)) {
            skipped.push({ where: at, reason: `${item.link} is not an Amazon Linux 2, 2022 or 2023 advisory` });
            continue;
        }
        if (seen.has(item.id))
            continue;
        const html = input.pages.get(item.id);
        if (html === undefined) {
            skipped.push({ where: at, reason: 'no advisory page' });
            continue;
        }
        if (!item.modified) {
            skipped.push({ where: at, reason: 'no date (pubDate / lastBuildDate)' });
            continue;
        }
        const page = parseAlasPage(html, `${at} page`, skipped);
        if (page.packages.length === 0) {
            skipped.push({ where: at, reason: 'the advisory page lists no new packages' });
            continue;
        }
        seen.add(item.id);
        const ecosystem = `Amazon Linux:${release}`;
        const affected = page.packages.map((p) => ({
            package: { ecosystem, name: p.name, purl: `pkg:rpm/amazon/${p.name}?distro=amzn-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: p.evr }] }],
            ecosystem_specific: { arches: p.arches },
        }));
        const cves = [...new Set([...item.cves, ...page.cves])].sort();
        const severity = page.severity ?? item.severity;
        records.push({
            schema_version: '1.7.5',
            id: item.id,
            modified: item.modified,
            ...(item.published ? { published: item.published } : {}),
            ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
            ...(item.package ? { summary: `${item.package} security update` } : {}),
            ...(page.overview ? { details: page.overview } : {}),
            affected,
            references: [{ type: 'ADVISORY', url: item.link }, ...cves.map((c) => ({ type: 'WEB', url: `https://alas.aws.amazon.com/cve/html/${c}.html` }))],
            database_specific: { ...(severity ? { severity } : {}), source: 'amazon' },
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/amazon.ts






const ALAS_BASE = 'https://alas.aws.amazon.com';
const DEFAULT_RELEASES = ['2', '2023'];
/** At most this many advisory pages are fetched per feed (the AL2 feed lists about 2,500). */
const MAX_ALAS_PAGES = 10_000;
function alasRssUrl(release) {
    if (!/^(2|2022|2023)$/.test(release))
        throw new errors/* ConfigurationError */.j1(`amazon: "${release}" is not an Amazon Linux release (2, 2022 or 2023)`);
    return `${ALAS_BASE}/AL${release}/alas.rss`;
}
const isRssName = (n) => /(^|_)rss\.xml$|\.rss$|^alas.*\.xml$/i.test(n);
/** The advisory pages of a local RSS file: the folder `<stem>_html` beside `<stem>_rss.xml`, else the RSS's folder. */
function localPages(rssFile) {
    const stem = (0,external_node_path_.basename)(rssFile).replace(/_?rss\.xml$|\.rss$|\.xml$/i, '');
    const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)(rssFile), `${stem}_html`);
    const dir = stem && (0,external_node_fs_.existsSync)(beside) && (0,external_node_fs_.statSync)(beside).isDirectory() ? beside : (0,external_node_path_.dirname)(rssFile);
    const pages = new Map();
    for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const id = e.name.replace(/\.html?$/i, '');
        if (e.isFile() && /^ALAS\d*-\d{4}-\d+$/.test(id))
            pages.set(id, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, e.name), 'utf8'));
    }
    return pages;
}
/**
 * Amazon Linux ALAS. With `path`: an RSS file (`2023_rss.xml`, `alas.rss`) or a folder of them, each with its
 * advisory pages in `<stem>_html/ALAS-…` beside it (else in its own folder); one source per RSS file. Otherwise,
 * for `url` (an RSS URL) or each release in `ecosystems` (2, 2022, 2023; default 2 and 2023): a conditional GET
 * of the RSS, then each advisory page it lists, one after the other (at most MAX_ALAS_PAGES); a page that fails
 * is skipped with the reason. An unchanged RSS (304) keeps the stored records.
 */
const amazonProvider = {
    id: 'amazon',
    version: 1,
    description: 'Amazon Linux ALAS (RSS and advisory pages) turned into OSV records (Amazon Linux:2|2022|2023)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, isRssName);
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j1(`amazon: no ALAS RSS file (*_rss.xml, *.rss) in ${options.path}`);
            return files.map((f) => {
                const { records, skipped } = convertAmazon({ rss: (0,external_node_fs_.readFileSync)(f, 'utf8'), pages: localPages(f) }, f);
                ctx.logger.info(`amazon:${f}: ${records.length} records`);
                return { id: `amazon:${f}`, provider: 'amazon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const urls = options.url ? [options.url] : (options.ecosystems?.length ? options.ecosystems : DEFAULT_RELEASES).map(alasRssUrl);
        const out = [];
        const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
        for (const url of urls) {
            const release = /\/AL(2|2022|2023)\//.exec(url)?.[1];
            const id = release && !options.url ? `amazon:${release}` : `amazon:${url}`;
            const prev = ctx.previous.get(id);
            const conditional = prev?.location === url;
            const res = await (0,vulndb_http/* conditionalGet */.fl)(url, { ...http, etag: conditional ? prev.etag : undefined, lastModified: conditional ? prev.lastModified : undefined });
            const state = { id, provider: 'amazon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const rss = res.body.toString('utf8');
            const { items } = parseAlasRss(rss, url);
            if (!/<rss[\s>]/.test(rss))
                throw new errors/* RemoteError */.Hi(`${url}: not an RSS document`);
            const pages = new Map();
            const pageSkips = [];
            let fetched = 0;
            for (const item of items) {
                if (pages.has(item.id))
                    continue;
                if (fetched >= MAX_ALAS_PAGES) {
                    pageSkips.push({ where: item.link, reason: `not fetched: more than ${MAX_ALAS_PAGES} advisory pages` });
                    continue;
                }
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                fetched++;
                try {
                    const page = await (0,vulndb_http/* conditionalGet */.fl)(item.link, http);
                    if (page.status === 200)
                        pages.set(item.id, page.body.toString('utf8'));
                    else
                        pageSkips.push({ where: item.link, reason: `advisory page: HTTP ${page.status}` });
                }
                catch (error) {
                    if (ctx.signal?.aborted)
                        throw error;
                    pageSkips.push({ where: item.link, reason: `advisory page: ${error instanceof Error ? error.message : String(error)}` });
                }
            }
            const { records, skipped } = convertAmazon({ rss, pages, ...(release ? { release } : {}) }, url);
            ctx.logger.info(`${id}: ${records.length} records (${fetched} pages)`);
            out.push({
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped: [...pageSkips, ...skipped],
            });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/providers/wolfi.ts






/** The fixed date used when an HTTP answer has no Last-Modified (the secdb carries no date of its own). */
const NO_DATE = '1970-01-01T00:00:00.000Z';
/** Wolfi and Chainguard write CVE and GHSA ids in their secdb. */
const APK_IDS = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;
function apkFlavour(ecosystem) {
    const lower = ecosystem.toLowerCase();
    return {
        idPrefix: `${ecosystem.toUpperCase()}-`,
        ecosystem: () => ecosystem,
        purl: (name) => `pkg:apk/${lower}/${name}`,
        advisoryUrl: (id) => `https://images.chainguard.dev/security/${id}`,
        ids: APK_IDS,
    };
}
const WOLFI_FEED = {
    id: 'wolfi',
    description: 'Wolfi secdb (packages.wolfi.dev/os/security.json) turned into OSV records (ecosystem Wolfi)',
    defaultUrl: 'https://packages.wolfi.dev/os/security.json',
    flavour: apkFlavour('Wolfi'),
};
const CHAINGUARD_FEED = {
    id: 'chainguard',
    description: 'Chainguard secdb (packages.cgr.dev/chainguard/security.json) turned into OSV records (ecosystem Chainguard)',
    defaultUrl: 'https://packages.cgr.dev/chainguard/security.json',
    flavour: apkFlavour('Chainguard'),
};
/**
 * An apk secdb as Wolfi and Chainguard publish it: `{ apkurl, archs, reponame, urlprefix, packages }`, with no
 * `distroversion` (both are rolling). A `packages` list is all it takes.
 */
function parseApkSecdb(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { error: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` };
    }
    if (typeof value !== 'object' || value === null || !Array.isArray(value.packages)) {
        return { error: `${where}: not an apk secdb document (no "packages" list)` };
    }
    const v = value;
    const packages = v.packages.filter((p) => typeof p === 'object' && p !== null);
    return {
        doc: {
            distroversion: typeof v.distroversion === 'string' ? v.distroversion : 'rolling',
            ...(typeof v.reponame === 'string' ? { reponame: v.reponame } : {}),
            packages,
        },
    };
}
/** Converts one or more secdb texts; a document that does not parse is skipped with its reason. */
function convertApkSecdb(inputs, modified, flavour) {
    const docs = [];
    const skipped = [];
    for (const { text, where } of inputs) {
        const parsed = parseApkSecdb(text, where);
        if ('error' in parsed)
            skipped.push({ where, reason: parsed.error });
        else
            docs.push({ doc: parsed.doc, where });
    }
    const out = secdbToOsv(docs, modified, flavour);
    return { records: out.records, skipped: [...skipped, ...out.skipped] };
}
/**
 * A provider for a rolling apk secdb. With `path`: the file, or every `.json` file of a folder (source
 * `<id>:<path>`, `modified` = the newest file's mtime). Otherwise a conditional GET of `url` (default: the feed's
 * security.json; source `<id>:<url>`), `modified` = the answer's Last-Modified.
 */
function apkSecdbProvider(feed) {
    return {
        id: feed.id,
        version: 1,
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path) {
                const { files } = localFeedFiles(options.path, (name) => name.toLowerCase().endsWith('.json'));
                if (files.length === 0)
                    throw new errors/* ConfigurationError */.j1(`${feed.id}: no .json secdb file in ${options.path}`);
                const mtime = Math.max(...files.map((f) => (0,external_node_fs_.statSync)(f).mtimeMs));
                const inputs = files.map((f) => ({ text: (0,external_node_fs_.readFileSync)(f, 'utf8'), where: f }));
                const { records, skipped } = convertApkSecdb(inputs, new Date(mtime).toISOString(), feed.flavour);
                const location = (0,external_node_path_.resolve)(options.path);
                ctx.logger.info(`${feed.id}:${location}: ${records.length} records`);
                return [
                    { id: `${feed.id}:${location}`, provider: feed.id, kind: 'native', location, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped },
                ];
            }
            const url = options.url ?? feed.defaultUrl;
            const id = `${feed.id}:${url}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const base = { id, provider: feed.id, kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                return [{ ...base, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true }];
            }
            const parsed = parseApkSecdb(res.body.toString('utf8'), url);
            if ('error' in parsed)
                throw new errors/* RemoteError */.Hi(`${url}: ${parsed.error}`);
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const modified = Number.isNaN(at) ? NO_DATE : new Date(at).toISOString();
            const { records, skipped } = secdbToOsv([{ doc: parsed.doc, where: url }], modified, feed.flavour);
            ctx.logger.info(`${id}: ${records.length} records`);
            return [
                {
                    ...base,
                    ...(res.etag ? { etag: res.etag } : {}),
                    ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                    notModified: false,
                    records,
                    skipped,
                },
            ];
        },
    };
}
const wolfiProvider = apkSecdbProvider(WOLFI_FEED);

;// CONCATENATED MODULE: ./src/vulndb/providers/chainguard.ts

/**
 * Chainguard's secdb (`packages.cgr.dev/chainguard/security.json`), ecosystem `Chainguard`. Chainguard's OSV
 * feed (`CGA-…` records, already in ecosystem `Chainguard`) imports through `osv-local` / an OSV URL instead.
 */
const chainguardProvider = apkSecdbProvider(CHAINGUARD_FEED);

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/vulndb/native/epss.ts



/**
 * FIRST's EPSS scores CSV (`epss_scores-current.csv.gz`, gzip or plain): a first line
 * `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000`, the header `cve,epss,percentile`, then one
 * row per CVE. Read line by line: the real file has ~300,000 rows.
 */
class EpssFormatError extends Error {
    name = 'EpssFormatError';
}
const EPSS_HEADER = 'cve,epss,percentile';
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** The `#key:value,key:value` comment line; a missing or undated one is an EpssFormatError. */
function parseEpssComment(line, where) {
    if (!line.startsWith('#'))
        throw new EpssFormatError(`${where}: not an EPSS scores file (the first line is not "#model_version:…,score_date:…")`);
    const fields = new Map();
    for (const part of line.slice(1).split(',')) {
        const at = part.indexOf(':');
        if (at > 0)
            fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const date = fields.get('score_date');
    if (!date)
        throw new EpssFormatError(`${where}: the first line has no score_date (${JSON.stringify(line.slice(0, 100))})`);
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date)?.[1];
    if (!day || Number.isNaN(Date.parse(day)))
        throw new EpssFormatError(`${where}: score_date ${JSON.stringify(date)} is not a date`);
    const modelVersion = fields.get('model_version');
    return { ...(modelVersion ? { modelVersion } : {}), scoreDate: day };
}
/** One data row, or why it is not one. */
function epssRecordOf(line, date) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3)
        return `${cells.length} columns, not 3`;
    const [cve, epss, percentile] = cells;
    const id = cve.toUpperCase();
    if (!CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(cve)}`;
    if (!NUMBER.test(epss) || !NUMBER.test(percentile))
        return `${id}: epss ${JSON.stringify(epss)} or percentile ${JSON.stringify(percentile)} is not a number`;
    const score = Number(epss);
    const pct = Number(percentile);
    if (score > 1 || pct > 1)
        return `${id}: epss ${epss} or percentile ${percentile} is not within 0..1`;
    return { id, epss: { score, percentile: pct, date } };
}
/**
 * Streams an EPSS CSV (a Buffer or a byte stream, gzip or not). A wrong header line or a missing score date is an
 * EpssFormatError; a bad row is skipped with its line number.
 */
async function readEpss(input, where) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    const records = [];
    const skipped = [];
    let lineNo = 0;
    let meta;
    let headerSeen = false;
    let rest = '';
    const take = (raw) => {
        lineNo++;
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!meta) {
            meta = parseEpssComment(line.replace(/^\uFEFF/, '').trim(), where);
            return;
        }
        if (!headerSeen) {
            if (line.trim().toLowerCase() !== EPSS_HEADER) {
                throw new EpssFormatError(`${where}: line ${lineNo} is ${JSON.stringify(line.slice(0, 100))}, not the header "${EPSS_HEADER}"`);
            }
            headerSeen = true;
            return;
        }
        if (line.trim() === '')
            return;
        const r = epssRecordOf(line, meta.scoreDate);
        if (typeof r === 'string')
            skipped.push({ where: `${where}:${lineNo}`, reason: r });
        else
            records.push(r);
    };
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            const text = rest + decoder.write(chunk);
            let start = 0;
            for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                take(text.slice(start, nl));
                start = nl + 1;
            }
            rest = text.slice(start);
        }
        rest += decoder.end();
        if (rest !== '')
            take(rest);
    }
    catch (error) {
        if (error instanceof EpssFormatError)
            throw error;
        throw new EpssFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!meta)
        throw new EpssFormatError(`${where}: empty file`);
    if (!headerSeen)
        throw new EpssFormatError(`${where}: no "${EPSS_HEADER}" header line`);
    return { records, skipped, scoreDate: meta.scoreDate, ...(meta.modelVersion ? { modelVersion: meta.modelVersion } : {}) };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/epss.ts





const DEFAULT_EPSS_URL = 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz';
/**
 * FIRST's EPSS scores as enrichment (`epss` score, percentile and date on findings, joined by CVE id).
 * `path`: one scores file, `.csv` or `.csv.gz` (`epss:<path>`). Otherwise `url` (default the current scores),
 * fetched conditionally on the stored ETag / Last-Modified (`epss:first`). The CSV is read line by line.
 */
const epssProvider = {
    id: 'epss',
    version: 1,
    requires: ['network'],
    description: "FIRST's EPSS scores (CSV, gzip or plain), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path) {
            const file = (0,external_node_path_.resolve)(options.path);
            let isFile;
            try {
                isFile = (0,external_node_fs_.statSync)(file).isFile();
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`EPSS scores file not found: ${options.path}`);
            }
            if (!isFile)
                throw new errors/* ConfigurationError */.j1(`EPSS: ${options.path} is not a file (pass the .csv or .csv.gz scores file)`);
            let scores;
            try {
                scores = await readEpss((0,external_node_fs_.createReadStream)(file), file);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
            }
            ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${file}`);
            return [
                {
                    id: `epss:${file}`,
                    provider: 'epss',
                    kind: 'epss',
                    location: file,
                    fetchedAt: ctx.now().toISOString(),
                    notModified: false,
                    records: [],
                    enrichments: scores.records,
                    skipped: scores.skipped,
                },
            ];
        }
        const url = options.url ?? DEFAULT_EPSS_URL;
        const id = 'epss:first';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'epss', kind: 'epss', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not an EPSS scores URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            const etag = res.etag ?? prev?.etag;
            const lastModified = res.lastModified ?? prev?.lastModified;
            return [{ ...state, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), notModified: true }];
        }
        let scores;
        try {
            scores = await readEpss(res.body, url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${url}`);
        return [
            {
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records: [],
                enrichments: scores.records,
                skipped: scores.skipped,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/kev.ts
/**
 * CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`): `{title, catalogVersion,
 * dateReleased, count, vulnerabilities: [{cveID, dateAdded, dueDate, knownRansomwareCampaignUse,
 * vulnerabilityName, requiredAction, …}]}`. A single entry (one `{cveID, …}` object) is read as a catalog of one.
 */
class KevFormatError extends Error {
    name = 'KevFormatError';
}
const kev_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kev_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Whether a parsed JSON document is a KEV catalog or a single KEV entry. */
function isKevDocument(doc) {
    if (!isObject(doc))
        return false;
    const list = doc.vulnerabilities;
    if (Array.isArray(list))
        return list.length === 0 ? 'catalogVersion' in doc : list.some((v) => isObject(v) && 'cveID' in v);
    return typeof doc.cveID === 'string';
}
/** One catalog entry as an enrichment record, or why it is not one (no CVE id, no `dateAdded` day). */
function kevRecordOf(entry) {
    if (!isObject(entry))
        return 'not an object';
    const id = kev_text(entry.cveID)?.toUpperCase();
    if (!id || !kev_CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(entry.cveID ?? null)}`;
    const dateAdded = kev_text(entry.dateAdded);
    if (!dateAdded || !DAY.test(dateAdded))
        return `${id}: dateAdded ${JSON.stringify(entry.dateAdded ?? null)} is not a YYYY-MM-DD day`;
    const kev = { dateAdded };
    const dueDate = kev_text(entry.dueDate);
    const ransomware = kev_text(entry.knownRansomwareCampaignUse);
    const name = kev_text(entry.vulnerabilityName);
    const action = kev_text(entry.requiredAction);
    if (dueDate)
        kev.dueDate = dueDate;
    if (ransomware)
        kev.knownRansomwareCampaignUse = ransomware;
    if (name)
        kev.vulnerabilityName = name;
    if (action)
        kev.requiredAction = action;
    return { id, kev };
}
/** Reads a catalog (or a single entry); a document that is neither is a KevFormatError. Bad entries are skipped. */
function parseKevCatalog(doc, where) {
    if (!isKevDocument(doc))
        throw new KevFormatError(`${where}: not a CISA KEV catalog (no "vulnerabilities" list of {cveID, …})`);
    const d = doc;
    const entries = Array.isArray(d.vulnerabilities) ? d.vulnerabilities : [d];
    const byId = new Map();
    const skipped = [];
    entries.forEach((entry, i) => {
        const r = kevRecordOf(entry);
        if (typeof r === 'string')
            skipped.push({ where: `${where} vulnerabilities[${i}]`, reason: r });
        else
            byId.set(r.id, r);
    });
    const out = { records: [...byId.values()], skipped };
    const version = kev_text(d.catalogVersion);
    if (version)
        out.catalogVersion = version;
    if (typeof d.count === 'number')
        out.count = d.count;
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/providers/kev.ts





const DEFAULT_KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
/**
 * CISA's Known Exploited Vulnerabilities catalog as enrichment (`kev` status on findings, joined by CVE id).
 * `path`: the catalog file, or a folder of catalogs / single entries (`kev:<path>`). Otherwise `url` (default
 * CISA's feed), fetched conditionally on the stored ETag / Last-Modified (`kev:cisa`).
 */
const kevProvider = {
    id: 'kev',
    version: 1,
    requires: ['network'],
    description: "CISA's Known Exploited Vulnerabilities catalog (JSON), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path)
            return [fetchLocal(options.path, ctx)];
        const url = options.url ?? DEFAULT_KEV_URL;
        const id = 'kev:cisa';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'kev', kind: 'kev', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not a KEV catalog URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            return [{ ...state, ...validators(res.etag ?? prev?.etag, res.lastModified ?? prev?.lastModified), notModified: true }];
        }
        let catalog;
        try {
            catalog = parseKevCatalog(JSON.parse(res.body.toString('utf8')), url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi(error instanceof KevFormatError ? error.message : `${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`, { cause: error });
        }
        ctx.logger.info(`kev: ${catalog.records.length} CVEs from ${url}${catalog.catalogVersion ? ` (catalog ${catalog.catalogVersion})` : ''}`);
        return [{ ...state, ...validators(res.etag, res.lastModified), notModified: false, records: [], enrichments: catalog.records, skipped: catalog.skipped }];
    },
};
function validators(etag, lastModified) {
    return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
function fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, (name) => name.toLowerCase().endsWith('.json'));
    const byId = new Map();
    const skipped = [];
    let documents = 0;
    for (const file of files) {
        let doc;
        try {
            doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            if (!isDir)
                throw new errors/* ConfigurationError */.j1(`${file}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
            skipped.push({ where: file, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            continue;
        }
        if (isDir && !isKevDocument(doc)) {
            skipped.push({ where: file, reason: 'not a CISA KEV catalog or entry' });
            continue;
        }
        try {
            const catalog = parseKevCatalog(doc, file);
            for (const r of catalog.records)
                byId.set(r.id, r);
            skipped.push(...catalog.skipped);
            documents++;
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No CISA KEV catalog in ${path}`);
    ctx.logger.info(`kev: ${byId.size} CVEs from ${root}`);
    return {
        id: `kev:${root}`,
        provider: 'kev',
        kind: 'kev',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: [...byId.values()],
        skipped,
    };
}

// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
;// CONCATENATED MODULE: ./src/vulndb/native/oval.ts

/**
 * A small reader of OVAL definition documents (OVAL 5, https://oval.mitre.org/language/version5.11/) as the
 * distributions publish them for patch / vulnerability data: Oracle ELSA, SUSE, CBL-Mariner / Azure Linux. It keeps
 * what the converters need: each definition's metadata (title, platforms, references, severity, CVEs, dates), its
 * criteria tree, and the `rpminfo` tests, objects (package name) and states (`evr` / `version` / `arch`).
 *
 * The document is parsed once. Criteria trees are converted and walked iteratively, at most
 * `OVAL_MAX_CRITERIA_DEPTH` levels deep (a deeper definition is skipped with a reason); the XML parser itself
 * refuses documents nested more than `OVAL_MAX_NESTED_TAGS` deep.
 */
const OVAL_MAX_CRITERIA_DEPTH = 40;
const OVAL_MAX_NESTED_TAGS = 100;
/** The whole document is not OVAL, or is not well-formed XML. */
class OvalFormatError extends Error {
    name = 'OvalFormatError';
}
const ARRAYS = new Set([
    'definition',
    'platform',
    'reference',
    'cve',
    'criteria',
    'criterion',
    'extend_definition',
    'rpminfo_test',
    'rpminfo_object',
    'rpminfo_state',
    'state',
    'states',
    'tests',
    'objects',
]);
const isNode = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const oval_list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** The text of an element (`<x>text</x>`, or `#text` beside attributes), trimmed; undefined when empty. */
function oval_text(v) {
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (isNode(v))
        return oval_text(v['#text']);
    if (Array.isArray(v))
        return oval_text(v[0]);
    return undefined;
}
function attr(node, name) {
    if (!isNode(node))
        return undefined;
    const v = node[`@${name}`];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
const oval_CVE_ID = /\bCVE-\d{4}-\d{4,}\b/i;
/**
 * Parses an OVAL definitions document. Throws OvalFormatError when the text is not well-formed XML or has no
 * `oval_definitions` root; a definition that cannot be read is listed in `skipped` and the rest are kept.
 */
function parseOval(xml, where) {
    const valid = fxp/* XMLValidator */.iI.validate(xml);
    if (valid !== true) {
        throw new OvalFormatError(`${where}: not well-formed XML (line ${valid.err.line}, col ${valid.err.col}: ${valid.err.msg})`);
    }
    const parser = new XMLParser/* default */.A({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        removeNSPrefix: true,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: true,
        processEntities: true,
        htmlEntities: true,
        ignoreDeclaration: true,
        ignorePiTags: true,
        maxNestedTags: OVAL_MAX_NESTED_TAGS,
        isArray: (name) => ARRAYS.has(name),
    });
    let tree;
    try {
        tree = parser.parse(xml);
    }
    catch (error) {
        throw new OvalFormatError(`${where}: unreadable XML (${error instanceof Error ? error.message : String(error)})`);
    }
    const root = isNode(tree) ? tree.oval_definitions : undefined;
    if (!isNode(root))
        throw new OvalFormatError(`${where}: not an OVAL definitions document (no <oval_definitions> root)`);
    const gen = isNode(root.generator) ? root.generator : {};
    const generator = {};
    const productName = oval_text(gen.product_name);
    const productVersion = oval_text(gen.product_version);
    const schemaVersion = oval_text(gen.schema_version);
    const timestamp = oval_text(gen.timestamp);
    if (productName)
        generator.productName = productName;
    if (productVersion)
        generator.productVersion = productVersion;
    if (schemaVersion)
        generator.schemaVersion = schemaVersion;
    if (timestamp)
        generator.timestamp = timestamp;
    const doc = { generator, definitions: [], tests: new Map(), objects: new Map(), states: new Map(), skipped: [] };
    const defsNode = isNode(root.definitions) ? root.definitions : undefined;
    oval_list(defsNode?.definition).forEach((d, i) => {
        const r = readDefinition(d, `${where} definition[${i}]`);
        if ('reason' in r)
            doc.skipped.push(r);
        else
            doc.definitions.push(r);
    });
    // Tests, objects and states sit in <tests>, <objects>, <states> (SUSE's files also use <state>).
    for (const section of [...oval_list(root.tests), ...oval_list(root.objects), ...oval_list(root.states), ...oval_list(root.state)]) {
        if (!isNode(section))
            continue;
        for (const t of oval_list(section.rpminfo_test)) {
            const id = attr(t, 'id');
            if (!id || !isNode(t))
                continue;
            const test = { id, stateRefs: [] };
            const comment = attr(t, 'comment');
            if (comment)
                test.comment = comment;
            const obj = Array.isArray(t.object) ? t.object[0] : t.object;
            const objectRef = attr(obj, 'object_ref');
            if (objectRef)
                test.objectRef = objectRef;
            for (const s of oval_list(t.state)) {
                const ref = attr(s, 'state_ref');
                if (ref)
                    test.stateRefs.push(ref);
            }
            doc.tests.set(id, test);
        }
        for (const o of oval_list(section.rpminfo_object)) {
            const id = attr(o, 'id');
            if (!id || !isNode(o))
                continue;
            const name = oval_text(o.name);
            doc.objects.set(id, name ? { id, name } : { id });
        }
        for (const s of oval_list(section.rpminfo_state)) {
            const id = attr(s, 'id');
            if (!id || !isNode(s))
                continue;
            const state = { id };
            const evr = stateField(s.evr);
            const version = stateField(s.version);
            const release = stateField(s.release);
            const arch = stateField(s.arch);
            const signatureKeyid = stateField(s.signature_keyid);
            if (evr)
                state.evr = evr;
            if (version)
                state.version = version;
            if (release)
                state.release = release;
            if (arch)
                state.arch = arch;
            if (signatureKeyid)
                state.signatureKeyid = signatureKeyid;
            doc.states.set(id, state);
        }
    }
    return doc;
}
function stateField(v) {
    const value = oval_text(v);
    if (value === undefined)
        return undefined;
    const f = { operation: attr(v, 'operation') ?? 'equals', value };
    const datatype = attr(v, 'datatype');
    if (datatype)
        f.datatype = datatype;
    return f;
}
const METADATA_KNOWN = new Set(['title', 'affected', 'reference', 'description', 'advisory', 'severity']);
function readDefinition(d, where) {
    const id = attr(d, 'id');
    if (!isNode(d) || !id)
        return { where, reason: 'a definition without an id' };
    const at = `${where} ${id}`;
    const meta = isNode(d.metadata) ? d.metadata : {};
    const def = {
        id,
        version: attr(d, 'version') ?? '0',
        class: attr(d, 'class') ?? '',
        title: oval_text(meta.title) ?? '',
        platforms: [],
        references: [],
        cves: [],
        extra: {},
    };
    for (const a of oval_list(meta.affected)) {
        if (!isNode(a))
            continue;
        for (const p of oval_list(a.platform)) {
            const t = oval_text(p);
            if (t)
                def.platforms.push(t);
        }
    }
    for (const r of oval_list(meta.reference)) {
        const refId = attr(r, 'ref_id');
        if (!refId)
            continue;
        const ref = { source: attr(r, 'source') ?? '', refId };
        const refUrl = attr(r, 'ref_url');
        if (refUrl)
            ref.refUrl = refUrl;
        def.references.push(ref);
    }
    const description = oval_text(meta.description);
    if (description)
        def.description = description;
    const advisory = Array.isArray(meta.advisory) ? meta.advisory[0] : meta.advisory;
    const adv = isNode(advisory) ? advisory : {};
    const severity = oval_text(adv.severity) ?? oval_text(meta.severity);
    if (severity)
        def.severity = severity;
    const issued = attr(adv.issued, 'date');
    const updated = attr(adv.updated, 'date');
    if (issued)
        def.issued = issued;
    if (updated)
        def.updated = updated;
    for (const c of oval_list(adv.cve)) {
        const t = oval_text(c);
        if (!t)
            continue;
        const cve = { text: t };
        const m = oval_CVE_ID.exec(t);
        if (m)
            cve.id = m[0].toUpperCase();
        for (const k of ['href', 'cvss3', 'cvss2', 'impact']) {
            const v = attr(c, k);
            if (v)
                cve[k] = v;
        }
        def.cves.push(cve);
    }
    for (const [k, v] of Object.entries(meta)) {
        if (METADATA_KNOWN.has(k) || k.startsWith('@'))
            continue;
        const t = oval_text(v);
        if (t)
            def.extra[k] = t;
    }
    const top = oval_list(d.criteria)[0];
    if (top !== undefined) {
        const criteria = readCriteria(top);
        if (typeof criteria === 'string')
            return { where: at, reason: criteria };
        def.criteria = criteria;
    }
    return def;
}
/** Converts a `<criteria>` element into a tree, iteratively, refusing trees deeper than OVAL_MAX_CRITERIA_DEPTH. */
function readCriteria(top) {
    const make = (n) => ({
        kind: 'criteria',
        operator: (attr(n, 'operator') ?? 'AND').toUpperCase(),
        negate: attr(n, 'negate') === 'true',
        children: [],
    });
    const root = make(top);
    const stack = [{ xml: top, node: root, depth: 1 }];
    while (stack.length > 0) {
        const { xml, node, depth } = stack.pop();
        if (!isNode(xml))
            continue;
        for (const c of oval_list(xml.criterion)) {
            node.children.push({
                kind: 'criterion',
                testRef: attr(c, 'test_ref') ?? '',
                comment: attr(c, 'comment') ?? '',
                negate: attr(c, 'negate') === 'true',
            });
        }
        for (const sub of oval_list(xml.criteria)) {
            if (depth + 1 > OVAL_MAX_CRITERIA_DEPTH)
                return `criteria nested deeper than ${OVAL_MAX_CRITERIA_DEPTH} levels`;
            const child = make(sub);
            node.children.push(child);
            stack.push({ xml: sub, node: child, depth: depth + 1 });
        }
    }
    return root;
}
/**
 * The package criteria of a tree, each with the criteria that gate it: `isContext` tells which criteria are
 * conditions (a platform "is installed", an arch, a module, "is signed with") rather than package tests. In an
 * AND, the context criteria among its children (directly, or as an OR of context criteria only: one platform of a
 * list) gate every package criterion below the AND; an OR passes its inherited context to each branch. Negated
 * criteria are ignored. Iterative.
 */
function gatedCriteria(root, isContext) {
    const out = [];
    const stack = [{ node: root, inherited: [] }];
    while (stack.length > 0) {
        const { node, inherited } = stack.pop();
        if (node.negate)
            continue;
        const local = [];
        const pureContext = new Set();
        if (node.operator === 'AND') {
            for (const c of node.children) {
                if (c.kind === 'criterion' && !c.negate && isContext(c))
                    local.push(c);
                else if (c.kind === 'criteria' && !c.negate && c.children.length > 0 && c.children.every((g) => g.kind === 'criterion' && !g.negate && isContext(g))) {
                    pureContext.add(c);
                    for (const g of c.children)
                        local.push(g);
                }
            }
        }
        const context = local.length > 0 ? [...inherited, ...local] : inherited;
        const subtrees = [];
        for (const c of node.children) {
            if (c.kind === 'criterion') {
                if (!c.negate && !isContext(c))
                    out.push({ criterion: c, context });
            }
            else if (!pureContext.has(c))
                subtrees.push(c);
        }
        for (let i = subtrees.length - 1; i >= 0; i--)
            stack.push({ node: subtrees[i], inherited: context });
    }
    return out;
}
function rpmTest(doc, testRef) {
    const test = doc.tests.get(testRef);
    if (!test?.objectRef)
        return undefined;
    const name = doc.objects.get(test.objectRef)?.name;
    if (!name)
        return undefined;
    const states = test.stateRefs.map((r) => doc.states.get(r)).filter((s) => s !== undefined);
    return { name, states };
}
/**
 * OVAL's operation names. Some generators write the position in OVAL's OperationEnumeration instead of its name
 * (SUSE's data has `operation="6"` on an `evr`, "less than"), counted from 1 as the schema lists them.
 */
const OPERATIONS = [
    'equals',
    'not equal',
    'case insensitive equals',
    'case insensitive not equal',
    'greater than',
    'less than',
    'greater than or equal',
    'less than or equal',
    'bitwise and',
    'bitwise or',
    'pattern match',
    'subset of',
    'superset of',
];
function operationName(op) {
    const t = op.trim().toLowerCase();
    if (/^\d+$/.test(t))
        return OPERATIONS[Number(t) - 1] ?? t;
    return t;
}
/** An rpm `[epoch:]version[-release]` as the feeds write it (no spaces, no empty parts). */
const RPM_EVR = /^(?:\d+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?$/;
/** The document's date (the generator's timestamp) as an ISO date-time, else the definition's own dates. */
function isoDate(value) {
    if (!value)
        return undefined;
    const t = value.trim();
    const day = /^(\d{4}-\d{2}-\d{2})$/.exec(t);
    if (day)
        return `${day[1]}T00:00:00Z`;
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
    if (Number.isNaN(ms))
        return undefined;
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
/** `7/CVSS:3.1/AV:…` (SUSE, Oracle) or a bare vector → the vector, when it is a CVSS v3 vector. */
function cvss3Vector(value) {
    if (!value)
        return undefined;
    const i = value.indexOf('CVSS:3');
    if (i < 0)
        return undefined;
    const v = value.slice(i).trim();
    return /^CVSS:3\.[01]\/[A-Z]+:[A-Z]/.test(v) ? v : undefined;
}
/** The vendor word as a rating (`MODERATE` → `Moderate`, `n/a` → `Negligible`); undefined when it is none of them. */
function vendorSeverity(value) {
    if (!value)
        return undefined;
    const t = value.trim().toLowerCase();
    const known = {
        'n/a': 'Negligible',
        none: 'Negligible',
        negligible: 'Negligible',
        low: 'Low',
        moderate: 'Moderate',
        medium: 'Medium',
        important: 'Important',
        high: 'High',
        critical: 'Critical',
    };
    return known[t];
}
/** The latest of several dates (ISO date-times from `isoDate`), or undefined when there is none. */
function latestDate(...dates) {
    let best;
    for (const d of dates)
        if (d && (!best || Date.parse(d) > Date.parse(best)))
            best = d;
    return best;
}

;// CONCATENATED MODULE: ./src/vulndb/native/mariner-oval.ts

/**
 * CBL-Mariner and Azure Linux OVAL (https://github.com/microsoft/AzureLinuxVulnerabilityData: `cbl-mariner-2.0-oval.xml`,
 * `azurelinux-3.0-oval.xml`) as OSV records, one per CVE (the feed has one definition per CVE and package; the
 * definitions of one CVE are merged):
 * - ecosystem `Azure Linux:<major>` (CBL-Mariner 2.0 → `Azure Linux:2`). The document does not name its release:
 *   it is read from the file name (`…-2.0-oval.xml`, as vunnel does) unless `release` is given;
 * - each package's range from its `rpminfo` tests (object `name`, state `evr`): "less than" → `fixed`, "less than
 *   or equal" → `last_affected` (no fix yet, `database_specific.fix_state: not-fixed`), "greater than" /
 *   "greater than or equal" → `introduced` (OSV has no exclusive lower bound: "greater than" includes the bound);
 *   without the tests, from the criterion comments ("Package golang is earlier than 1.20.7-1, …");
 * - definitions whose `patchable` is "Not Applicable" (the CVE no longer or never applied) are left out, as vunnel;
 * - vendor severity (`Critical`, `High`, `Medium`, `Low`) in `database_specific.severity` (the highest of the merged
 *   definitions; an `affected` entry carries its own when it differs);
 * - `modified`: the latest of the document's timestamp and the definitions' `advisory_date`.
 */
function convertMarinerOval(xmlText, where, options = {}) {
    const doc = parseOval(xmlText, where);
    const release = options.release ?? marinerReleaseOf(where);
    const major = release ? /^(\d+)(?:\.\d+)*$/.exec(release)?.[1] : undefined;
    if (!major) {
        throw new OvalFormatError(`${where}: cannot tell the Azure Linux / CBL-Mariner release (name the file like azurelinux-3.0-oval.xml or cbl-mariner-2.0-oval.xml)`);
    }
    const ecosystem = `Azure Linux:${major}`;
    const skipped = [...doc.skipped];
    const docDate = isoDate(doc.generator.timestamp);
    const byCve = new Map();
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        if (/^not applicable$/i.test(def.extra.patchable ?? ''))
            continue;
        const id = def.references.find((r) => r.source === 'CVE' && mariner_oval_CVE.test(r.refId))?.refId ?? CVE_IN.exec(def.title)?.[0];
        if (!id) {
            skipped.push({ where: at, reason: `no CVE id (title "${def.title.slice(0, 80)}")` });
            continue;
        }
        if (!def.criteria) {
            skipped.push({ where: at, reason: `${id}: a definition without criteria` });
            continue;
        }
        const severity = vendorSeverity(def.severity);
        const affected = affectedOf(doc, def.criteria, ecosystem, id, at, skipped);
        if (affected.length === 0)
            continue;
        const advisoryDate = isoDate(def.extra.advisory_date);
        const rank = mariner_oval_RANK[severity ?? ''] ?? 0;
        let slot = byCve.get(id);
        if (!slot) {
            const url = def.references.find((r) => r.refId === id)?.refUrl ?? `https://nvd.nist.gov/vuln/detail/${id}`;
            slot = {
                rank,
                dates: [],
                record: {
                    schema_version: '1.7.5',
                    id,
                    modified: '',
                    ...(def.description ? { details: def.description } : {}),
                    affected: [],
                    references: [{ type: 'ADVISORY', url }],
                    database_specific: { ...(severity ? { severity } : {}), source: 'mariner-oval', oval_ids: [] },
                },
            };
            byCve.set(id, slot);
        }
        slot.dates.push(advisoryDate);
        const db = slot.record.database_specific;
        db.oval_ids.push(def.id);
        if (rank > slot.rank && severity) {
            slot.rank = rank;
            db.severity = severity;
        }
        for (const a of affected) {
            const specific = { ...a.database_specific };
            if (severity)
                specific.severity = severity;
            if (def.extra.advisory_id)
                specific.advisory_id = def.extra.advisory_id;
            if (def.extra.patchable)
                specific.patchable = def.extra.patchable;
            slot.record.affected.push({ ...a, database_specific: specific });
        }
    }
    const records = [];
    for (const { record, dates } of byCve.values()) {
        const modified = latestDate(docDate, ...dates);
        if (!modified) {
            skipped.push({ where, reason: `${record.id}: no date (neither the document's timestamp nor an advisory_date)` });
            continue;
        }
        record.modified = modified;
        const recordSeverity = record.database_specific?.severity;
        for (const a of record.affected ?? []) {
            if (a.database_specific && a.database_specific.severity === recordSeverity)
                delete a.database_specific.severity;
        }
        records.push(record);
    }
    return { records, skipped };
}
const mariner_oval_CVE = /^CVE-\d{4}-\d{4,}$/;
const CVE_IN = /\bCVE-\d{4}-\d{4,}\b/;
const mariner_oval_RANK = { Negligible: 1, Low: 2, Medium: 3, Moderate: 3, High: 4, Important: 4, Critical: 5 };
/** `…/cbl-mariner-2.0-oval.xml` → `2.0`; `azurelinux-3.0-oval.xml.gz` → `3.0`. */
function marinerReleaseOf(where) {
    return /(\d+\.\d+)-oval\.xml(?:\.gz)?$/i.exec(where.split(/[?#]/, 1)[0])?.[1];
}
const COMMENTS = [
    { re: /^Package (\S+) is earlier than (\S+?),? (?:affected by|$)/, op: 'less than' },
    { re: /^Package (\S+) is installed with version (\S+) or earlier/, op: 'less than or equal' },
    { re: /^Package (\S+) is greater than or equal to (\S+?),? /, op: 'greater than or equal' },
    { re: /^Package (\S+) is greater than (\S+?),? /, op: 'greater than' },
];
/** One package test: its name, operation and version, from the rpminfo test, else from the comment. */
function testOf(doc, c) {
    const t = rpmTest(doc, c.testRef);
    if (t) {
        const evr = t.states.find((s) => s.evr)?.evr;
        if (!evr)
            return `${t.name}: test ${c.testRef} has no evr state`;
        return { name: t.name, op: operationName(evr.operation), value: evr.value };
    }
    for (const { re, op } of COMMENTS) {
        const m = re.exec(`${c.comment} `);
        if (m)
            return { name: m[1], op, value: m[2] };
    }
    return `"${c.comment}": test ${c.testRef || '(none)'} is not in the document and the comment names no version`;
}
function affectedOf(doc, criteria, ecosystem, id, at, skipped) {
    // The AND of a definition's tests bounds one package; group the bounds by package name.
    const bounds = new Map();
    const stack = [criteria];
    while (stack.length > 0) {
        const node = stack.pop();
        for (const c of node.children) {
            if (c.kind === 'criteria') {
                stack.push(c);
                continue;
            }
            const t = testOf(doc, c);
            if (typeof t === 'string') {
                skipped.push({ where: at, reason: `${id}: ${t}` });
                continue;
            }
            let b = bounds.get(t.name);
            if (!b)
                bounds.set(t.name, (b = {}));
            if (!RPM_EVR.test(t.value)) {
                skipped.push({ where: at, reason: `${id}: ${t.name}: "${t.value}" is not an rpm version` });
                b.bad = true;
                continue;
            }
            if (t.op === 'less than')
                b.upper = { kind: 'fixed', value: t.value };
            else if (t.op === 'less than or equal')
                b.upper = { kind: 'last_affected', value: t.value };
            else if (t.op === 'greater than' || t.op === 'greater than or equal')
                b.lower = t.value;
            else {
                skipped.push({ where: at, reason: `${id}: ${t.name}: evr operation "${t.op}" is not a bound` });
                b.bad = true;
            }
        }
    }
    const out = [];
    for (const [name, b] of [...bounds].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) {
        if (b.bad)
            continue;
        if (!b.upper) {
            skipped.push({ where: at, reason: `${id}: ${name}: no upper bound ("less than" or "less than or equal")` });
            continue;
        }
        const events = [{ introduced: b.lower ?? '0' }, b.upper.kind === 'fixed' ? { fixed: b.upper.value } : { last_affected: b.upper.value }];
        out.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events }],
            ...(b.upper.kind === 'last_affected' ? { database_specific: { fix_state: 'not-fixed' } } : {}),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/native/oracle-oval.ts

/**
 * Oracle Linux ELSA OVAL (https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2 and the yearly
 * `com.oracle.elsa-YYYY.xml.bz2`, decompressed) as OSV records, one per ELSA:
 * - ecosystem `Oracle Linux:<major>` from the "Oracle Linux N is installed" criterion gating each package;
 * - one `affected` entry per binary package and fixed EVR, read from the criterion comments "NAME is earlier than
 *   EVR" (as Oracle writes them, and as vunnel reads them: the tests need not be in the document);
 * - per-architecture fixes (`Oracle Linux arch is aarch64` branches): when the fixed versions of a package differ
 *   between architectures, each entry carries `ecosystem_specific.arch`; when every version covers the same
 *   architectures, the entries carry none (vunnel's rule);
 * - ksplice fixes (a release containing `ksplice`, gated by "NAME is ksplice-based") are left out, as vunnel
 *   does: matching them needs the running kernel's ksplice state. The ELSA itself is kept;
 * - `Module NAME:STREAM is enabled` → `ecosystem_specific.module`;
 * - vendor severity (`IMPORTANT` → `Important`) in `database_specific.severity`, the CVEs in `aliases` (one) or
 *   `related` (several), the CVSS v3 vector in `severity` when the ELSA is about one CVE;
 * - `modified`: the later of the document's generator timestamp and the ELSA's issue date; `published`: the issue
 *   date.
 * When an ELSA comes twice, the definition with the higher `version` wins.
 */
function convertOracleOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const byId = new Map();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        const r = convertDefinition(def, at, docDate, skipped);
        if (!r)
            continue;
        const version = Number(def.version) || 0;
        const old = byId.get(r.id);
        if (old && old.version >= version)
            continue;
        byId.set(r.id, { version, record: r });
    }
    return { records: [...byId.values()].map((v) => v.record), skipped };
}
const INSTALLED = /^Oracle Linux (\d+)\b.*\bis installed$/;
const EARLIER = /^(\S+) is earlier than (.+)$/;
const ARCH = /^Oracle Linux arch is (\S+)$/;
const MODULE = /^Module (\S+) is enabled$/;
const KSPLICE_BASED = / is ksplice-based$/;
const ELSA_ID = /^ELSA-\d{4}-\d+$/;
const isContext = (c) => !EARLIER.test(c.comment);
function convertDefinition(def, at, docDate, skipped) {
    const ref = def.references.find((r) => r.source.toLowerCase() === 'elsa');
    const titleId = /^\s*(ELSA-\d{4}-\d+)/.exec(def.title)?.[1];
    const id = ref?.refId ?? titleId;
    if (!id || !ELSA_ID.test(id)) {
        skipped.push({ where: at, reason: `no ELSA id (title "${def.title.slice(0, 80)}")` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published);
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor an issue date)` });
        return undefined;
    }
    // (ecosystem, name, module) → version → arches (undefined: not arch-gated)
    const found = new Map();
    let packages = 0;
    for (const { criterion, context } of gatedCriteria(def.criteria, isContext)) {
        const m = EARLIER.exec(criterion.comment);
        const name = m[1];
        const evr = m[2].trim();
        packages++;
        let major;
        let arch;
        let module;
        let ksplice = false;
        for (const c of context) {
            const inst = INSTALLED.exec(c.comment);
            if (inst)
                major = inst[1];
            const a = ARCH.exec(c.comment);
            if (a)
                arch = a[1];
            const mod = MODULE.exec(c.comment);
            if (mod)
                module = mod[1];
            if (KSPLICE_BASED.test(c.comment))
                ksplice = true;
        }
        if (!major) {
            skipped.push({ where: at, reason: `${id}: ${name} is not gated by an "Oracle Linux N is installed" criterion` });
            continue;
        }
        if (!RPM_EVR.test(evr)) {
            skipped.push({ where: at, reason: `${id}: ${name}: "${evr}" is not an rpm version` });
            continue;
        }
        if (ksplice || /ksplice/.test(evr.slice(evr.lastIndexOf('-') + 1)))
            continue;
        const key = `${major}\u0000${name}\u0000${module ?? ''}`;
        let entry = found.get(key);
        if (!entry) {
            entry = { ecosystem: `Oracle Linux:${major}`, name, ...(module ? { module } : {}), versions: new Map() };
            found.set(key, entry);
        }
        let arches = entry.versions.get(evr);
        if (!arches)
            entry.versions.set(evr, (arches = new Set()));
        arches.add(arch);
    }
    if (packages === 0)
        skipped.push({ where: at, reason: `${id}: no "NAME is earlier than VERSION" criterion` });
    const affected = [];
    for (const e of [...found.values()].sort((a, b) => cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.module ?? '', b.module ?? ''))) {
        const archSets = new Set([...e.versions.values()].map((s) => [...s].map((x) => x ?? '').sort().join(',')));
        const byArch = archSets.size > 1;
        const rows = [];
        for (const [fixed, arches] of e.versions) {
            if (byArch)
                for (const a of arches)
                    rows.push(a ? { fixed, arch: a } : { fixed });
            else
                rows.push({ fixed });
        }
        rows.sort((a, b) => cmp(a.arch ?? '', b.arch ?? '') || cmp(a.fixed, b.fixed));
        for (const row of rows) {
            const specific = {};
            if (row.arch)
                specific.arch = row.arch;
            if (e.module)
                specific.module = e.module;
            affected.push({
                package: { ecosystem: e.ecosystem, name: e.name },
                ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: row.fixed }] }],
                ...(Object.keys(specific).length > 0 ? { ecosystem_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set(def.cves.map((c) => c.id).filter((c) => c !== undefined))];
    for (const r of def.references) {
        if (r.source.toUpperCase() === 'CVE' && /^CVE-\d{4}-\d{4,}$/i.test(r.refId) && !cves.includes(r.refId.toUpperCase()))
            cves.push(r.refId.toUpperCase());
    }
    const severity = vendorSeverity(def.severity) ?? vendorSeverity(/\((\w+)\)\s*$/.exec(def.title)?.[1]);
    const vectors = cves.length === 1 ? [...new Set(def.cves.map((c) => cvss3Vector(c.cvss3)).filter((v) => v !== undefined))].map((score) => ({ type: 'CVSS_V3', score })) : [];
    const url = ref?.refUrl ?? `https://linux.oracle.com/errata/${id}.html`;
    const summary = def.title.replace(/^\s*ELSA-\d{4}-\d+:\s*/, '').replace(/\s+/g, ' ').trim();
    const record = {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
        ...(summary ? { summary } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url },
            ...cves.map((c) => ({ type: 'WEB', url: def.cves.find((x) => x.id === c)?.href ?? `https://linux.oracle.com/cve/${c}.html` })),
        ],
        database_specific: { ...(severity ? { severity } : {}), source: 'oracle-oval', oval_id: def.id },
    };
    return record;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/vulndb/native/suse-oval.ts

/**
 * SUSE's OVAL (https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.server.15.xml.gz and the
 * other product files) as OSV records, one per definition (a CVE in the vulnerability files, an advisory in the
 * `-patch` files):
 * - ecosystem `SUSE:<product>` for the operating-system products an image can be (`SUSE Linux Enterprise Server
 *   15 SP1`, `… Server for SAP Applications 15`, `… Desktop 15 SP3`), from the "<product> is installed" criteria
 *   gating each package. Module and extension products (`Module for Basesystem 15`…) are not images and are left
 *   out, as vunnel does. A support variant (`15 SP1-LTSS`, `15 SP1-BCL`) counts as its base release; when a CVE
 *   has several groups for one release, the plain release (`sles-release`) wins over LTSS (`sles-ltss-release`),
 *   which wins over other variants (vunnel's rule), and groups of the same rank are merged;
 * - package name and version from the `rpminfo` test (object `name`, state `evr` "less than" → `fixed`; "less
 *   than or equal" → `last_affected`; `version` "equals 0", SUSE's "is not affected", → `fixed: "0"`, no version
 *   affected, with `database_specific.fix_state: not-affected`); without the test, from the criterion comment
 *   (`krb5-1.15.2-4.25 is installed`);
 * - vendor severity (`Moderate`, `Important`…) in `database_specific.severity`, SUSE's CVSS v3 vectors (not the
 *   NVD ones SUSE quotes) in `severity`;
 * - `modified`: the latest of the document's timestamp and the definition's issued / updated dates.
 */
function convertSuseOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const records = [];
    const seen = new Set();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const r = suse_oval_convertDefinition(doc, def, `${where} ${def.id}`, docDate, skipped);
        if (!r || r.affected?.length === 0)
            continue; // nothing for an image product (a module-only CVE): no record, as vunnel
        if (seen.has(r.id)) {
            skipped.push({ where: `${where} ${def.id}`, reason: `${r.id} comes twice; the first definition is kept` });
            continue;
        }
        seen.add(r.id);
        records.push(r);
    }
    return { records, skipped };
}
/** Packages: one token, then "is installed" (name-version-release) or "is not affected". */
const PACKAGE = /^(\S+) is (installed|not affected)$/;
const PRODUCT = /^(SUSE Linux Enterprise (?:Server for SAP Applications|Server|Desktop) \d+(?: SP\d+)?)(?:-(\S+))? is installed$/;
const RECORD_ID = /^(CVE-\d{4}-\d{4,}|(?:open)?SUSE-[A-Za-z]+-\d{4}:\d+-\d+)$/;
const suse_oval_isContext = (c) => !PACKAGE.test(c.comment);
function suse_oval_convertDefinition(doc, def, at, docDate, skipped) {
    const id = def.title.trim();
    if (!RECORD_ID.test(id)) {
        skipped.push({ where: at, reason: `title "${id.slice(0, 80)}" is not a CVE or SUSE advisory id` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published, isoDate(def.updated));
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor issued / updated dates)` });
        return undefined;
    }
    // product → rank → packages (name + events, deduplicated)
    const byProduct = new Map();
    for (const { criterion, context } of gatedCriteria(def.criteria, suse_oval_isContext)) {
        const products = context
            .map((c) => ({ c, m: PRODUCT.exec(c.comment) }))
            .filter((x) => x.m !== null);
        if (products.length === 0)
            continue; // a module or another product: not an image
        const pkg = packageOf(doc, criterion, id, at, skipped);
        if (!pkg)
            continue;
        for (const { c, m } of products) {
            const product = m[1];
            const variant = m[2];
            const release = rpmTest(doc, c.testRef)?.name;
            const rank = release ? (/ltss/i.test(release) ? 1 : 0) : variant === undefined ? 0 : /^LTSS$/i.test(variant) ? 1 : 2;
            let slot = byProduct.get(product);
            if (!slot || rank < slot.rank)
                byProduct.set(product, (slot = { rank, pkgs: new Map(), variants: new Set() }));
            if (rank > slot.rank)
                continue;
            slot.variants.add(variant ?? '');
            slot.pkgs.set(`${pkg.name}\u0000${JSON.stringify(pkg.events)}`, pkg);
        }
    }
    const affected = [];
    for (const product of [...byProduct.keys()].sort()) {
        const slot = byProduct.get(product);
        const pkgs = [...slot.pkgs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const p of pkgs) {
            const specific = {};
            if (p.notAffected)
                specific.fix_state = 'not-affected';
            else if (!p.events.some((e) => e.fixed !== undefined))
                specific.fix_state = 'not-fixed';
            const variants = [...slot.variants].filter((v) => v !== '');
            if (variants.length > 0)
                specific.product_variants = variants.sort();
            affected.push({
                package: { ecosystem: `SUSE:${product}`, name: p.name },
                ranges: [{ type: 'ECOSYSTEM', events: p.events }],
                ...(Object.keys(specific).length > 0 ? { database_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set([...def.cves.map((c) => c.id), ...def.references.filter((r) => r.source === 'CVE').map((r) => suse_oval_CVE.exec(r.refId)?.[0])])].filter((c) => c !== undefined);
    const others = cves.filter((c) => c !== id);
    const vectors = [
        ...new Set(def.cves.filter((c) => !/nvd\.nist\.gov/.test(c.href ?? '') && !/\bat NVD\b/.test(c.text)).map((c) => cvss3Vector(c.cvss3))),
    ]
        .filter((v) => v !== undefined)
        .map((score) => ({ type: 'CVSS_V3', score }));
    const severity = vendorSeverity(def.severity);
    const references = [];
    const suseCve = def.references.find((r) => r.source === 'SUSE CVE' && r.refUrl);
    if (suseCve?.refUrl)
        references.push({ type: 'ADVISORY', url: suseCve.refUrl });
    for (const r of def.references) {
        if (r === suseCve || !r.refUrl)
            continue;
        references.push({ type: r.source === 'SUSE-SU' ? 'ADVISORY' : 'WEB', url: r.refUrl });
    }
    if (references.length === 0 && id.startsWith('CVE-'))
        references.push({ type: 'ADVISORY', url: `https://www.suse.com/security/cve/${id}/` });
    const advisories = def.references.filter((r) => r.source === 'SUSE-SU').map((r) => r.refId);
    return {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(others.length === 1 && !id.startsWith('CVE-') ? { aliases: others } : others.length > 0 ? { related: others } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references,
        database_specific: {
            ...(severity ? { severity } : {}),
            source: 'suse-oval',
            oval_id: def.id,
            ...(advisories.length > 0 ? { advisories } : {}),
        },
    };
}
const suse_oval_CVE = /\bCVE-\d{4}-\d{4,}\b/;
/** The package a criterion tests and its events, from the rpminfo test or, without it, from the comment. */
function packageOf(doc, c, id, at, skipped) {
    const m = PACKAGE.exec(c.comment);
    const notAffectedComment = m[2] === 'not affected';
    const test = rpmTest(doc, c.testRef);
    if (test) {
        const state = test.states.find((s) => s.evr) ?? test.states.find((s) => s.version);
        const field = state?.evr ?? state?.version;
        if (!field) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: test ${c.testRef} has no evr or version state` });
            return undefined;
        }
        const op = operationName(field.operation);
        if (!state?.evr && op === 'equals' && field.value === '0')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
        if (!state?.evr || !RPM_EVR.test(field.value)) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: "${field.value}" (${op}) is not an rpm version` });
            return undefined;
        }
        if (op === 'less than')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: field.value }], notAffected: false };
        if (op === 'less than or equal')
            return { name: test.name, events: [{ introduced: '0' }, { last_affected: field.value }], notAffected: false };
        skipped.push({ where: at, reason: `${id}: ${test.name}: evr operation "${field.operation}" is not "less than"` });
        return undefined;
    }
    if (notAffectedComment)
        return { name: m[1], events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
    const nvr = /^(.+)-([^-]+-[^-]+)$/.exec(m[1]);
    if (!nvr || !RPM_EVR.test(nvr[2])) {
        skipped.push({ where: at, reason: `${id}: "${c.comment}" names no package version, and test ${c.testRef || '(none)'} is not in the document` });
        return undefined;
    }
    return { name: nvr[1], events: [{ introduced: '0' }, { fixed: nvr[2] }], notAffected: false };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/native-oval.ts









const ORACLE_OVAL_URL = 'https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2';
const SUSE_OVAL_BASE = 'https://ftp.suse.com/pub/projects/security/oval';
const AZURE_LINUX_OVAL_BASE = 'https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main';
/** The largest text V8 makes a string of (2^29 - 24 characters); a bigger document must be split (yearly files). */
const MAX_TEXT = 0x1fffffe8;
/** `15` → SUSE's SLES 15 file; `15-sp5`-like values are not files SUSE publishes (one file per major). */
function suseOvalUrl(major) {
    if (!/^\d+$/.test(major))
        throw new errors/* ConfigurationError */.j1(`sles: "${major}" is not a SUSE Linux Enterprise Server major release such as 15`);
    return `${SUSE_OVAL_BASE}/suse.linux.enterprise.server.${major}.xml.gz`;
}
/** `2.0` → `cbl-mariner-2.0-oval.xml`; `3.0` and later → `azurelinux-3.0-oval.xml`. */
function azureLinuxOvalUrl(release) {
    const m = /^(\d+)(?:\.0)?$/.exec(release.trim());
    if (!m)
        throw new errors/* ConfigurationError */.j1(`mariner: "${release}" is not an Azure Linux / CBL-Mariner release such as 2.0 or 3.0`);
    const major = Number(m[1]);
    return major < 3 ? `${AZURE_LINUX_OVAL_BASE}/cbl-mariner-${major}.0-oval.xml` : `${AZURE_LINUX_OVAL_BASE}/azurelinux-${major}.0-oval.xml`;
}
const FEEDS = {
    oracle: {
        id: 'oracle',
        description: 'Oracle Linux ELSA OVAL (com.oracle.elsa-*.xml, decompressed) turned into OSV records (Oracle Linux:<major>)',
        convert: convertOracleOval,
        noDefault: `Oracle publishes its OVAL only as .bz2 (${ORACLE_OVAL_URL}), which Node cannot decompress: decompress it (bunzip2 -k) and give the .xml as the path, or serve it as .xml / .xml.gz and give that url`,
    },
    sles: {
        id: 'sles',
        description: "SUSE Linux Enterprise OVAL (ftp.suse.com suse.linux.enterprise.server.<major>.xml.gz) turned into OSV records (SUSE:<product>)",
        convert: convertSuseOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['15']).map(suseOvalUrl),
    },
    mariner: {
        id: 'mariner',
        description: 'Azure Linux / CBL-Mariner OVAL (AzureLinuxVulnerabilityData) turned into OSV records (Azure Linux:<major>)',
        convert: convertMarinerOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['2.0', '3.0']).map(azureLinuxOvalUrl),
    },
};
const isOvalFileName = (name) => /\.xml(\.gz)?$/i.test(name);
function bz2Error(what) {
    return new errors/* ConfigurationError */.j1(`${what} is bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k) and use the .xml, or a .xml.gz`);
}
/** The document's text: gunzipped when it starts with the gzip magic; a bzip2 file is refused. */
function ovalText(bytes, where) {
    let data = bytes;
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
        try {
            data = (0,external_node_zlib_.gunzipSync)(data);
        }
        catch (error) {
            throw new OvalFormatError(`${where}: corrupt gzip data (${(0,errors/* getErrorMessage */.u1)(error)})`);
        }
    }
    if (data.length >= 3 && data.toString('latin1', 0, 3) === 'BZh')
        throw bz2Error(where);
    if (data.length > MAX_TEXT) {
        throw new OvalFormatError(`${where}: ${data.length} bytes is more than one document can be read as (${MAX_TEXT}); use the yearly / per-release files`);
    }
    return data.toString('utf8');
}
/**
 * A native OVAL feed as a provider (`oracle`, `sles`, `mariner`):
 * - `path`: an OVAL file (`.xml`, `.xml.gz`) or a folder of them, one source `<id>:<path>`; a `.bz2` is refused
 *   with how to decompress it. In a folder, a file that is not OVAL is skipped and listed.
 * - `url`: one document (`.xml`, or gzip, by name or content), fetched with a conditional GET; one source
 *   `<id>:<url>`; 304 keeps the stored records.
 * - neither: `sles` fetches `suse.linux.enterprise.server.<major>.xml.gz` for each major in `ecosystems` (default
 *   15), `mariner` `cbl-mariner-2.0-oval.xml` / `azurelinux-3.0-oval.xml` for each release in `ecosystems`
 *   (default 2.0 and 3.0), one source per URL; `oracle` has no usable default (Oracle publishes only .bz2).
 */
function createOvalProvider(id) {
    const feed = FEEDS[id];
    return {
        id: feed.id,
        version: 1,
        requires: ['network'],
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path)
                return [native_oval_fetchLocal(feed, options.path, ctx)];
            if (options.url)
                return [await fetchUrl(feed, options.url, options, ctx)];
            if (!feed.defaultUrls)
                throw new errors/* ConfigurationError */.j1(`${feed.id}: no url or path given. ${feed.noDefault ?? ''}`.trim());
            const out = [];
            for (const url of feed.defaultUrls(options.ecosystems ?? [])) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                out.push(await fetchUrl(feed, url, options, ctx));
            }
            return out;
        },
    };
}
function native_oval_fetchLocal(feed, path, ctx) {
    if (/\.bz2$/i.test(path))
        throw bz2Error(path);
    const { root, files, isDir } = localFeedFiles(path, (name) => isOvalFileName(name) || /\.xml\.bz2$/i.test(name));
    const records = [];
    const skipped = [];
    const seen = new Set();
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        if (/\.bz2$/i.test(file)) {
            skipped.push({ where: file, reason: 'bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k)' });
            continue;
        }
        let result;
        try {
            result = feed.convert(ovalText((0,external_node_fs_.readFileSync)(file), file), file);
        }
        catch (error) {
            if (isDir && error instanceof OvalFormatError) {
                skipped.push({ where: file, reason: error.message.replace(`${file}: `, '') });
                continue;
            }
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        documents++;
        for (const r of result.records) {
            if (seen.has(r.id)) {
                skipped.push({ where: file, reason: `${r.id} is also in an earlier file; the first is kept` });
                continue;
            }
            seen.add(r.id);
            records.push(r);
        }
        skipped.push(...result.skipped);
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No ${feed.id} OVAL documents (.xml, .xml.gz) in ${path}${skipped.length > 0 ? ` (${skipped[0].where}: ${skipped[0].reason})` : ''}`);
    ctx.logger.info(`${feed.id}: ${records.length} records from ${documents} OVAL file(s) in ${root}`);
    return { id: `${feed.id}:${root}`, provider: feed.id, kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped };
}
async function fetchUrl(feed, url, options, ctx) {
    let pathname;
    try {
        pathname = new URL(url).pathname;
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${feed.id}: not a URL: ${url}`);
    }
    if (/\.bz2$/i.test(pathname))
        throw bz2Error(url);
    const id = `${feed.id}:${url}`;
    const prev = ctx.previous.get(id);
    const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
    if (res.status === 404)
        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (no ${feed.id} OVAL document there)`, { status: 404 });
    const validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const state = { id, provider: feed.id, kind: 'native', location: url, fetchedAt: ctx.now().toISOString() };
    if (res.status === 304) {
        return { ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), ...validators, notModified: true };
    }
    let result;
    try {
        result = feed.convert(ovalText(res.body, url), url);
    }
    catch (error) {
        if (error instanceof OvalFormatError)
            throw new errors/* RemoteError */.Hi(error.message, { cause: error });
        throw error;
    }
    ctx.logger.info(`${feed.id}: ${result.records.length} records from ${url}`);
    return { ...state, ...validators, notModified: false, records: result.records, skipped: result.skipped };
}
const oracleOvalProvider = createOvalProvider('oracle');
const slesOvalProvider = createOvalProvider('sles');
const marinerOvalProvider = createOvalProvider('mariner');

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/vulndb/native/nvd.ts




/**
 * NVD's CVE API 2.0 JSON: API pages (`{resultsPerPage, startIndex, totalResults, vulnerabilities: [{cve}]}`) and the
 * yearly feed files `nvdcve-2.0-YYYY.json.gz` (the same `vulnerabilities` shape), with their `.meta` files.
 * A feed file is streamed: each `vulnerabilities[]` element is cut out of the byte stream and parsed on its own, and
 * only the kept fields (CVSS, dates, status, a short description) survive it.
 */
/** The metric lists kept, in the order their metrics are listed in an entry. */
const NVD_METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'];
const NVD_DESCRIPTION_MAX = 500;
const nvd_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const VERSIONS = new Set(['2.0', '3.0', '3.1', '4.0']);
const KEY_VERSION = {
    cvssMetricV40: '4.0',
    cvssMetricV31: '3.1',
    cvssMetricV30: '3.0',
    cvssMetricV2: '2.0',
};
/** A parse failure of a whole NVD document or feed file (the provider names it a ConfigurationError or RemoteError). */
class NvdFormatError extends Error {
    name = 'NvdFormatError';
}
function nvd_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function nvd_str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** Shortens a description to `max` characters (the last one an ellipsis when cut). */
function shortDescription(text, max = NVD_DESCRIPTION_MAX) {
    const t = text.trim();
    return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
/**
 * One `vulnerabilities[]` element (`{cve: {...}}`, or the bare `cve` object) as an enrichment record. Every CVSS
 * metric is kept, scored with the project's calculator (NVD's `baseScore` when the vector does not score); a metric
 * without a usable vector and score is dropped with a reason. A Rejected CVE is kept, with its status.
 */
function nvdRecordOf(item, where) {
    const cve = nvd_isObject(item) && nvd_isObject(item.cve) ? item.cve : item;
    if (!nvd_isObject(cve))
        return { skipped: [{ where, reason: 'not an NVD CVE object' }] };
    const id = nvd_str(cve.id)?.trim().toUpperCase();
    if (!id || !nvd_CVE_ID.test(id))
        return { skipped: [{ where, reason: `not a CVE id: ${JSON.stringify(cve.id ?? null)}` }] };
    const skipped = [];
    const cvss = [];
    const metrics = nvd_isObject(cve.metrics) ? cve.metrics : {};
    for (const key of NVD_METRIC_KEYS) {
        const list = metrics[key];
        if (list === undefined)
            continue;
        if (!Array.isArray(list)) {
            skipped.push({ where: `${where} ${id} ${key}`, reason: 'not a list' });
            continue;
        }
        list.forEach((metric, i) => {
            const c = metricOf(metric, key);
            if (typeof c === 'string')
                skipped.push({ where: `${where} ${id} ${key}[${i}]`, reason: c });
            else
                cvss.push(c);
        });
    }
    const entry = { cvss };
    const published = nvd_str(cve.published);
    const lastModified = nvd_str(cve.lastModified);
    const vulnStatus = nvd_str(cve.vulnStatus);
    if (published)
        entry.published = published;
    if (lastModified)
        entry.lastModified = lastModified;
    if (vulnStatus)
        entry.vulnStatus = vulnStatus;
    const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions : [];
    const english = descriptions.find((d) => nvd_isObject(d) && d.lang === 'en' && typeof d.value === 'string' && d.value.trim() !== '');
    if (english)
        entry.description = shortDescription(english.value);
    return { record: { id, nvd: entry }, skipped };
}
/** One CVSS metric as a `Cvss`, or why it is not one. */
function metricOf(metric, key) {
    if (!nvd_isObject(metric) || !nvd_isObject(metric.cvssData))
        return 'no cvssData';
    const data = metric.cvssData;
    const vector = nvd_str(data.vectorString)?.trim();
    if (!vector)
        return 'no vectorString';
    const source = nvd_str(metric.source);
    const type = metric.type === 'Primary' || metric.type === 'Secondary' ? metric.type : undefined;
    let c = scoreVector(vector, source);
    if (!c) {
        const version = typeof data.version === 'string' && VERSIONS.has(data.version) ? data.version : KEY_VERSION[key];
        const score = data.baseScore;
        if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10)
            return `vector ${vector} does not score and there is no baseScore`;
        c = { version, vector, baseScore: score, ...(source ? { source } : {}) };
    }
    return type ? { ...c, type } : c;
}
/**
 * Collects the records of one source, one per CVE id: when an id comes twice (overlapping pages, a year file and a
 * page), the entry modified last wins.
 */
class NvdCollector {
    #byId = new Map();
    skipped = [];
    add(item, where) {
        const { record, skipped } = nvdRecordOf(item, where);
        for (const s of skipped)
            this.skipped.push(s);
        if (!record)
            return;
        const old = this.#byId.get(record.id);
        if (old && (old.nvd?.lastModified ?? '') > (record.nvd?.lastModified ?? ''))
            return;
        this.#byId.set(record.id, record);
    }
    get size() {
        return this.#byId.size;
    }
    records() {
        return [...this.#byId.values()];
    }
}
/**
 * Cuts the elements of one top-level array (`"vulnerabilities": [...]` of the top object) out of a JSON byte stream,
 * chunk by chunk, and hands each element's text on. Structural characters are ASCII, so bytes are scanned as they
 * come; an element split across chunks is joined before it is decoded.
 */
class JsonArrayItems {
    key;
    onItem;
    #depth = 0;
    #inString = false;
    #escape = false;
    #expectKey = false;
    #keyParts;
    #lastKey;
    #inTarget = false;
    #itemParts;
    #found = false;
    #items = 0;
    constructor(key, onItem) {
        this.key = key;
        this.onItem = onItem;
    }
    write(chunk) {
        let depth = this.#depth;
        let inString = this.#inString;
        let escape = this.#escape;
        let keyStart = this.#keyParts ? 0 : -1;
        let itemStart = this.#itemParts ? 0 : -1;
        const n = chunk.length;
        for (let i = 0; i < n; i++) {
            const b = chunk[i];
            if (inString) {
                if (escape)
                    escape = false;
                else if (b === 0x5c)
                    escape = true;
                else if (b === 0x22) {
                    inString = false;
                    if (keyStart >= 0) {
                        this.#keyParts.push(chunk.subarray(keyStart, i));
                        this.#lastKey = Buffer.concat(this.#keyParts).toString('utf8');
                        this.#keyParts = undefined;
                        keyStart = -1;
                    }
                }
                continue;
            }
            switch (b) {
                case 0x22: // "
                    inString = true;
                    if (depth === 1 && this.#expectKey) {
                        this.#keyParts = [];
                        keyStart = i + 1;
                    }
                    break;
                case 0x7b: // {
                case 0x5b: // [
                    if (depth === 1 && b === 0x5b && !this.#expectKey && this.#lastKey === this.key) {
                        this.#inTarget = true;
                        this.#found = true;
                    }
                    else if (depth === 2 && this.#inTarget) {
                        this.#itemParts = [];
                        itemStart = i;
                    }
                    depth++;
                    if (depth === 1)
                        this.#expectKey = b === 0x7b;
                    break;
                case 0x7d: // }
                case 0x5d: // ]
                    depth--;
                    if (depth < 0)
                        throw new NvdFormatError('unbalanced JSON: a closing bracket without an opening one');
                    if (depth === 2 && this.#inTarget && itemStart >= 0) {
                        this.#itemParts.push(chunk.subarray(itemStart, i + 1));
                        const text = Buffer.concat(this.#itemParts).toString('utf8');
                        this.#itemParts = undefined;
                        itemStart = -1;
                        this.onItem(text, this.#items++);
                    }
                    else if (depth === 1 && this.#inTarget)
                        this.#inTarget = false;
                    break;
                case 0x2c: // ,
                    if (depth === 1)
                        this.#expectKey = true;
                    break;
                case 0x3a: // :
                    if (depth === 1)
                        this.#expectKey = false;
                    break;
                default:
            }
        }
        if (keyStart >= 0)
            this.#keyParts.push(chunk.subarray(keyStart));
        if (itemStart >= 0)
            this.#itemParts.push(chunk.subarray(itemStart));
        this.#depth = depth;
        this.#inString = inString;
        this.#escape = escape;
    }
    /** Whether the array was there; throws on a truncated document. */
    end() {
        if (this.#depth !== 0 || this.#inString)
            throw new NvdFormatError('truncated JSON (the document ends inside a value)');
        return { found: this.#found, items: this.#items };
    }
}
/** Parses a `.meta` file (`key:value` lines, CRLF or LF); a missing `lastModifiedDate` or `sha256` is an error. */
function parseNvdMeta(text, where) {
    const fields = new Map();
    for (const line of text.split(/\r?\n/)) {
        const at = line.indexOf(':');
        if (at > 0)
            fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    const lastModifiedDate = fields.get('lastModifiedDate');
    const sha256 = fields.get('sha256')?.toLowerCase();
    if (!lastModifiedDate)
        throw new NvdFormatError(`${where}: not an NVD .meta file (no lastModifiedDate)`);
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256))
        throw new NvdFormatError(`${where}: not an NVD .meta file (no sha256)`);
    const num = (k) => {
        const v = fields.get(k);
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
    };
    const meta = { lastModifiedDate, sha256 };
    const size = num('size');
    const gzSize = num('gzSize');
    const zipSize = num('zipSize');
    if (size !== undefined)
        meta.size = size;
    if (gzSize !== undefined)
        meta.gzSize = gzSize;
    if (zipSize !== undefined)
        meta.zipSize = zipSize;
    return meta;
}
/**
 * Streams one NVD document (a feed file, gzip or not, or an API page) into `collector`. With `meta`, the
 * uncompressed bytes must have its sha256 (and size): a mismatch is an error naming the file. A document without
 * a top-level `vulnerabilities` list is an error too.
 */
async function readNvdDocument(input, where, collector, meta) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const splitter = new JsonArrayItems('vulnerabilities', (text, index) => {
        let item;
        try {
            item = JSON.parse(text);
        }
        catch (error) {
            collector.skipped.push({ where: `${where} vulnerabilities[${index}]`, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            return;
        }
        collector.add(item, where);
    });
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            hash.update(chunk);
            size += chunk.length;
            splitter.write(chunk);
        }
    }
    catch (error) {
        if (error instanceof NvdFormatError)
            throw new NvdFormatError(`${where}: ${error.message}`);
        throw new NvdFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    const sha256 = hash.digest('hex');
    if (meta && sha256 !== meta.sha256) {
        throw new NvdFormatError(`${where}: sha256 ${sha256} does not match the .meta file's ${meta.sha256} (a corrupt or partial download?)`);
    }
    if (meta?.size !== undefined && size !== meta.size) {
        throw new NvdFormatError(`${where}: ${size} bytes uncompressed, the .meta file says ${meta.size}`);
    }
    let end;
    try {
        end = splitter.end();
    }
    catch (error) {
        throw new NvdFormatError(`${where}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    if (!end.found)
        throw new NvdFormatError(`${where}: not an NVD CVE API 2.0 document (no top-level "vulnerabilities" list)`);
    return { cves: end.items, sha256, size };
}
/** Parses one (small) API page; its entries go to `collector`. */
function readNvdPage(text, where, collector) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        throw new NvdFormatError(`${where}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!nvd_isObject(doc) || !Array.isArray(doc.vulnerabilities) || typeof doc.totalResults !== 'number') {
        throw new NvdFormatError(`${where}: not a CVE API 2.0 page (no "totalResults" and "vulnerabilities")`);
    }
    doc.vulnerabilities.forEach((item) => collector.add(item, where));
    return {
        resultsPerPage: typeof doc.resultsPerPage === 'number' ? doc.resultsPerPage : doc.vulnerabilities.length,
        startIndex: typeof doc.startIndex === 'number' ? doc.startIndex : 0,
        totalResults: doc.totalResults,
        count: doc.vulnerabilities.length,
    };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/nvd.ts







const DEFAULT_NVD_FEED_URL = 'https://nvd.nist.gov/feeds/json/cve/2.0';
const NVD_API_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0';
/** The first year of NVD's yearly feeds (`nvdcve-2.0-2002.json.gz` also holds 1999–2001). */
const NVD_FIRST_YEAR = 2002;
const NVD_PAGE_SIZE = 2000;
/** NVD's public rate limits: 5 requests in 30 s without an API key, 50 with one. */
const NVD_DELAY_MS = 6_000;
const NVD_DELAY_WITH_KEY_MS = 600;
/** Whether a URL is the CVE API (`…/rest/json/cves/2.0`) rather than a feed folder. */
function isNvdApiUrl(url) {
    try {
        return /\/rest\/json\/cves\//.test(new URL(url).pathname);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Not a URL: ${url}`);
    }
}
/** The years to fetch: `ecosystems` (`2023`, `2024`), else 2002 to this year. */
function nvdYears(ecosystems, now) {
    const current = now.getUTCFullYear();
    if (!ecosystems || ecosystems.length === 0) {
        return Array.from({ length: current - NVD_FIRST_YEAR + 1 }, (_, i) => String(NVD_FIRST_YEAR + i));
    }
    for (const y of ecosystems) {
        if (!/^\d{4}$/.test(y) || Number(y) < NVD_FIRST_YEAR || Number(y) > current) {
            throw new errors/* ConfigurationError */.j1(`NVD feed year "${y}" is not a year from ${NVD_FIRST_YEAR} to ${current}`);
        }
    }
    return [...new Set(ecosystems)].sort();
}
const isNvdFileName = (name) => /\.json(\.gz)?$/i.test(name);
/** `nvdcve-2.0-2024.json.gz` → `nvdcve-2.0-2024.meta` beside it. */
function metaPathOf(file) {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${(0,external_node_path_.basename)(file).replace(/\.json(\.gz)?$/i, '')}.meta`);
}
/**
 * NVD's CVE data (CVE API 2.0 JSON) as enrichment: every CVSS metric (v2, v3.0, v3.1, v4.0; Primary and Secondary,
 * with their source), dates, status and the English description, joined to findings by CVE id.
 * - `path`: a `.json` / `.json.gz` file or a folder of them (yearly feed files, API pages); a feed file's `.meta`
 *   beside it is verified. One source, `nvd:<path>`.
 * - `url` = a feed folder (default https://nvd.nist.gov/feeds/json/cve/2.0): `nvdcve-2.0-YYYY.json.gz` for each year
 *   in `ecosystems` (default 2002 to this year), one source per year (`nvd:2024`). The `.meta` is fetched first;
 *   when its `lastModifiedDate` is the stored one, the year is not downloaded again.
 * - `url` = the CVE API (https://services.nvd.nist.gov/rest/json/cves/2.0): every CVE, 2000 a page, with the
 *   `apiKey` header from `NVD_API_KEY` when set, paced to NVD's rate limits. One source, `nvd:api`.
 */
function createNvdProvider(deps = {}) {
    const sleep = deps.sleep ?? ((ms, signal) => (0,external_node_timers_promises_.setTimeout)(ms, undefined, { signal }));
    return {
        id: 'nvd',
        version: 1,
        requires: ['network'],
        description: "NVD's CVE data (CVE API 2.0 pages or the yearly nvdcve-2.0 feeds): CVSS v2/v3/v4, joined by CVE id",
        async fetch(options, ctx) {
            if (options.path)
                return [await nvd_fetchLocal(options.path, ctx)];
            const url = (options.url ?? DEFAULT_NVD_FEED_URL).replace(/\/+$/, '');
            const env = deps.env ?? process.env;
            if (isNvdApiUrl(url)) {
                if (options.ecosystems?.length)
                    ctx.logger.warning('nvd: years (ecosystems) apply to the yearly feeds; the API fetches every CVE');
                return [await fetchApi(url, options, ctx, env.NVD_API_KEY?.trim() || undefined, sleep)];
            }
            const out = [];
            const thisYear = String(ctx.now().getUTCFullYear());
            for (const year of nvdYears(options.ecosystems, ctx.now())) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                const batch = await fetchYear(url, year, options, ctx, year === thisYear);
                if (batch)
                    out.push(batch);
            }
            return out;
        },
    };
}
const nvdProvider = createNvdProvider();
function httpOptions(options, ctx, extra = {}) {
    return { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger, ...extra };
}
async function nvd_fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, isNvdFileName);
    const collector = new NvdCollector();
    const skippedFiles = [];
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const metaPath = metaPathOf(file);
        let meta;
        try {
            if ((0,external_node_fs_.existsSync)(metaPath))
                meta = parseNvdMeta((0,external_node_fs_.readFileSync)(metaPath, 'utf8'), metaPath);
            await readNvdDocument((0,external_node_fs_.createReadStream)(file), file, collector, meta);
            documents++;
        }
        catch (error) {
            const notNvd = error instanceof NvdFormatError && /not an NVD CVE API 2\.0 document/.test(error.message);
            if (isDir && notNvd)
                skippedFiles.push({ where: file, reason: 'not an NVD CVE API 2.0 document' });
            else
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No NVD CVE API 2.0 documents (.json, .json.gz) in ${path}`);
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${documents} file(s) in ${root}`);
    return {
        id: `nvd:${root}`,
        provider: 'nvd',
        kind: 'nvd',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: [...skippedFiles, ...collector.skipped],
    };
}
/** One year's feed; undefined when this year's file is not published yet (early January). */
async function fetchYear(base, year, options, ctx, isThisYear) {
    const id = `nvd:${year}`;
    const name = `nvdcve-2.0-${year}.json.gz`;
    const location = `${base}/${name}`;
    const metaUrl = `${base}/nvdcve-2.0-${year}.meta`;
    const prev = ctx.previous.get(id);
    const metaRes = await (0,vulndb_http/* conditionalGet */.fl)(metaUrl, httpOptions(options, ctx));
    if (metaRes.status === 404 && isThisYear) {
        ctx.logger.warning(`${metaUrl}: HTTP 404; NVD has no ${year} feed yet, skipped`);
        return undefined;
    }
    if (metaRes.status === 404)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: HTTP 404 (is ${base} an NVD 2.0 feed folder with year ${year}?)`, { status: 404 });
    if (metaRes.status === 304)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: unexpected HTTP 304 to an unconditional request`);
    let meta;
    try {
        meta = parseNvdMeta(metaRes.body.toString('utf8'), metaUrl);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
    }
    const state = { id, provider: 'nvd', kind: 'nvd', location, lastModified: meta.lastModifiedDate };
    if (prev && prev.location === location && prev.lastModified === meta.lastModifiedDate) {
        ctx.logger.debug(`${name}: unchanged since ${meta.lastModifiedDate}`);
        return { ...state, fetchedAt: ctx.now().toISOString(), notModified: true };
    }
    const res = await (0,vulndb_http/* conditionalGet */.fl)(location, httpOptions(options, ctx));
    if (res.status !== 200)
        throw new errors/* RemoteError */.Hi(`${location}: HTTP ${res.status} after its .meta was served`, res.status === 404 ? { status: 404 } : {});
    const collector = new NvdCollector();
    try {
        await readNvdDocument(res.body, name, collector, meta);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi(`${location}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${name} (modified ${meta.lastModifiedDate})`);
    return { ...state, fetchedAt: ctx.now().toISOString(), notModified: false, records: [], enrichments: collector.records(), skipped: collector.skipped };
}
async function fetchApi(url, options, ctx, apiKey, sleep) {
    const collector = new NvdCollector();
    const delay = apiKey ? NVD_DELAY_WITH_KEY_MS : NVD_DELAY_MS;
    const headers = apiKey ? { apiKey } : undefined;
    let startIndex = 0;
    let total;
    for (let request = 0; total === undefined || startIndex < total; request++) {
        if (request > 0)
            await sleep(delay, ctx.signal);
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const pageUrl = new URL(url);
        pageUrl.searchParams.set('startIndex', String(startIndex));
        pageUrl.searchParams.set('resultsPerPage', String(NVD_PAGE_SIZE));
        const res = await (0,vulndb_http/* conditionalGet */.fl)(pageUrl.toString(), httpOptions(options, ctx, { headers }));
        if (res.status !== 200)
            throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: HTTP ${res.status}`, res.status === 404 ? { status: 404 } : {});
        let page;
        try {
            page = readNvdPage(res.body.toString('utf8'), pageUrl.toString(), collector);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        total = page.totalResults;
        if (page.count === 0) {
            if (startIndex < total)
                throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: an empty page at ${startIndex} of ${total} results`);
            break;
        }
        startIndex += page.count;
        ctx.logger.debug(`nvd: ${startIndex}/${total} CVEs`);
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${url}`);
    return {
        id: 'nvd:api',
        provider: 'nvd',
        kind: 'nvd',
        location: url,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: collector.skipped,
    };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/osv-bucket.ts




const DEFAULT_OSV_BUCKET_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Above this many changed records, an incremental update fetches all.zip instead. */
const MAX_INCREMENTAL_RECORDS = 2000;
const INCREMENTAL_CONCURRENCY = 8;
/**
 * osv.dev's public bucket layout: `<base>/<Ecosystem>/all.zip`, one source per ecosystem (`osv-bucket:npm`).
 * Requests are conditional on the stored ETag / Last-Modified, so an unchanged ecosystem costs one 304.
 * A corrupt zip or any failure after the retries fails the whole fetch (the database keeps its previous state).
 */
const osvBucketProvider = {
    id: 'osv-bucket',
    version: 1,
    requires: ['network'],
    description: "osv.dev's bucket layout over HTTP(S): <base>/<Ecosystem>/all.zip",
    async fetch(options, ctx) {
        const base = (options.url ?? DEFAULT_OSV_BUCKET_URL).replace(/\/+$/, '');
        const ecosystems = options.ecosystems ?? [];
        if (ecosystems.length === 0)
            return [];
        const out = [];
        for (const ecosystem of ecosystems) {
            const id = `osv-bucket:${ecosystem}`;
            const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
            const prev = ctx.previous.get(id);
            // A stored state from another URL is not a valid condition for this one.
            const sameUrl = (0,vulndb_http/* sameLocation */.It)(prev?.location, url);
            if (sameUrl && prev?.highWater) {
                const stored = ctx.previousRecords?.(id);
                if (stored) {
                    const inc = await incremental(base, ecosystem, prev.highWater, stored, options, ctx);
                    if (inc) {
                        out.push(inc.notModified ? { ...prev, fetchedAt: ctx.now().toISOString(), notModified: true } : { ...prev, ...inc.batch, fetchedAt: ctx.now().toISOString() });
                        continue;
                    }
                }
            }
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'osv-bucket', kind: 'osv', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
            if (res.status === 304) {
                ctx.logger.debug(`${url}: not modified`);
                out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true });
                continue;
            }
            // The central directory is read at the first step (a corrupt one fails the source); entries then inflate
            // one at a time, and a bad one is skipped and counted.
            const entries = iterateJsonEntries(res.body, url);
            let step;
            try {
                step = entries.next();
            }
            catch (error) {
                throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
            }
            const records = [];
            const skipped = [];
            for (; !step.done; step = entries.next()) {
                const { name, text, skipped: why } = step.value;
                const where = `${url}!${name}`;
                if (why !== undefined) {
                    skipped.push({ where, reason: why });
                    continue;
                }
                try {
                    records.push((0,osv/* parseOsvRecord */.x4)(text, where));
                }
                catch (error) {
                    skipped.push({ where, reason: (0,errors/* getErrorMessage */.u1)(error) });
                }
            }
            ctx.logger.info(`${ecosystem}: ${records.length} records from ${url}`);
            const highWater = newestModified(records);
            out.push({
                ...state,
                ...(highWater ? { highWater } : {}),
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped,
            });
        }
        return out;
    },
};
function newestModified(records) {
    let newest;
    for (const r of records)
        if (typeof r.modified === 'string' && !Number.isNaN(Date.parse(r.modified)) && (!newest || Date.parse(r.modified) > Date.parse(newest)))
            newest = r.modified;
    return newest;
}
/**
 * The bucket's incremental path: `<Ecosystem>/modified_id.csv` (newest first, `<modified>,<ID>`), then
 * `<Ecosystem>/<ID>.json` for each id modified after the high-water mark, merged over the stored records.
 * Undefined means "fetch all.zip": no index, more than MAX_INCREMENTAL_RECORDS changed, or anything inconsistent.
 */
async function incremental(base, ecosystem, highWater, stored, options, ctx) {
    const dir = `${base}/${encodeURIComponent(ecosystem)}`;
    const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
    const fallback = (why) => {
        ctx.logger.info(`${ecosystem}: ${why}; fetching all.zip`);
        return undefined;
    };
    const mark = Date.parse(highWater);
    if (Number.isNaN(mark))
        return fallback(`the stored high-water mark "${highWater}" is not a date`);
    const csv = await (0,vulndb_http/* conditionalGet */.fl)(`${dir}/modified_id.csv`, http);
    if (csv.status !== 200)
        return fallback(`no ${dir}/modified_id.csv (HTTP ${csv.status})`);
    const changed = [];
    let previousTime = Infinity;
    let newest;
    for (const line of csv.body.toString('utf8').split('\n')) {
        if (line.trim() === '')
            continue;
        const comma = line.indexOf(',');
        const modified = line.slice(0, comma).trim();
        const id = line.slice(comma + 1).trim();
        const t = Date.parse(modified);
        if (comma <= 0 || !id || Number.isNaN(t) || !/^[A-Za-z0-9._:-]+$/.test(id))
            return fallback(`modified_id.csv has a bad line "${line.slice(0, 80)}"`);
        if (t > previousTime)
            return fallback('modified_id.csv is not newest first');
        previousTime = t;
        newest ??= modified;
        if (t <= mark)
            break;
        changed.push({ id, modified });
        if (changed.length > MAX_INCREMENTAL_RECORDS)
            return fallback(`more than ${MAX_INCREMENTAL_RECORDS} records changed`);
    }
    if (!newest)
        return fallback('modified_id.csv is empty');
    if (changed.length === 0) {
        ctx.logger.debug(`${ecosystem}: nothing modified after ${highWater}`);
        return { notModified: true };
    }
    const fetched = new Map();
    let failed;
    let next = 0;
    const worker = async () => {
        while (next < changed.length && !failed) {
            const { id } = changed[next++];
            const url = `${dir}/${encodeURIComponent(id)}.json`;
            const res = await (0,vulndb_http/* conditionalGet */.fl)(url, http);
            if (res.status !== 200) {
                failed = `${url}: HTTP ${res.status}`;
                return;
            }
            try {
                const record = (0,osv/* parseOsvRecord */.x4)(res.body.toString('utf8'), url);
                if (record.id !== id)
                    throw new Error(`its id is ${record.id}`);
                fetched.set(id, record);
            }
            catch (error) {
                failed = `${url}: ${(0,errors/* getErrorMessage */.u1)(error)}`;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(INCREMENTAL_CONCURRENCY, changed.length) }, worker));
    if (failed)
        return fallback(failed);
    const records = stored.filter((r) => !fetched.has(r.id));
    records.push(...fetched.values());
    ctx.logger.info(`${ecosystem}: ${fetched.size} record(s) modified after ${highWater}, ${records.length} in all`);
    return { notModified: false, batch: { notModified: false, records, skipped: [], highWater: newest } };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/osv-local.ts



/**
 * Local data for air-gapped use: a folder (any depth) or a file of OSV records, osv.dev zips, or Alpine secdb
 * documents. OSV records become the source `osv-local:<path>`; secdb documents found on the way become
 * `alpine-secdb:<path>`, so each is labelled with its own feed.
 */
const osvLocalProvider = {
    id: 'osv-local',
    version: 1,
    description: 'local folders and zips of OSV records (and Alpine secdb files found among them)',
    fetch(options, ctx) {
        if (!options.path)
            throw new errors/* ConfigurationError */.j1('osv-local needs a path');
        const scan = scanLocal(options.path);
        const fetchedAt = ctx.now().toISOString();
        const out = [];
        if (scan.osv.length > 0 || scan.secdb.length === 0) {
            out.push({
                id: `osv-local:${scan.root}`,
                provider: 'osv-local',
                kind: 'osv',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records: scan.osv,
                skipped: scan.skipped,
            });
        }
        if (scan.secdb.length > 0) {
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            out.push({
                id: `alpine-secdb:${scan.root}`,
                provider: 'alpine-secdb',
                kind: 'alpine-secdb',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records,
                skipped: scan.osv.length > 0 ? skipped : [...scan.skipped, ...skipped],
            });
        }
        for (const b of out)
            if (!b.notModified)
                ctx.logger.info(`${b.id}: ${b.records.length} records`);
        return Promise.resolve(out);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/photon.ts

const photon_CVE = /^CVE-\d{4}-\d{4,}$/;
/** An rpm version-release, optionally with an epoch: `7.88.1-4.ph4`. */
const RPM_VR = /^(\d+:)?[^\s:-]+-[^\s:-]+$/;
const WIKI_BASE = 'https://github.com/vmware/photon/wiki';
/** The release of a `cve_data_photon4.0.json` file name. */
function photonReleaseOf(where) {
    return /cve_data_photon(\d+\.\d+)\.json/i.exec(where)?.[1];
}
/** Parses one wiki advisory; undefined when it is not one (no `Advisory Id`). */
function parsePhotonAdvisory(markdown, fileName) {
    const field = (label) => new RegExp(`^${label}\\s*:\\s*(.+?)\\s*$`, 'm').exec(markdown)?.[1];
    const id = field('Advisory Id');
    const release = field('Affected Release');
    if (!id || !/^PHSA-/.test(id) || !release)
        return undefined;
    const issued = field('Issue date');
    const page = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
    const items = new Map();
    let section;
    const body = markdown.slice(markdown.search(/^## Affected Packages/m) >= 0 ? markdown.search(/^## Affected Packages/m) : 0);
    for (const line of body.split(/\r?\n/)) {
        const h = /^###\s+(\w+)/.exec(line);
        if (h) {
            section = h[1];
            continue;
        }
        if (/^##\s/.test(line) && !/Affected Packages/.test(line))
            break;
        const m = /^(\S+)\s+-\s+\[(.*)\]\s*$/.exec(line.trim());
        if (!m)
            continue;
        for (const cve of m[2].match(/CVE-\d{4}-\d{4,}/g) ?? [])
            items.set(`${cve}\u0000${m[1]}`, section);
    }
    return { id, release, ...(issued && /^\d{4}-\d\d-\d\d$/.test(issued) ? { issued } : {}), url: `${WIKI_BASE}/${page}`, items };
}
/** A CVSS base score as a severity word (NVD's v3 bands, as vunnel does). */
function scoreWord(score) {
    if (score >= 9)
        return 'Critical';
    if (score >= 7)
        return 'High';
    if (score >= 4)
        return 'Medium';
    if (score > 0)
        return 'Low';
    return 'None';
}
/**
 * One Photon CVE file as OSV records, one per CVE (id = the CVE), ecosystem `Photon OS:<X.0>`, binary names:
 * - `status: Fixed` with a `res_ver` → `introduced 0`, `fixed res_ver`; `Fixed` without a usable `res_ver`
 *   (`NA`), or any other affected status → `introduced 0` only and `database_specific.fix_state` `not-fixed`
 *   (`wont-fix` for a "Won't Fix" status); `Not Affected` → no entry.
 * - vendor severity: the wiki advisory's section word (`Important`) when an advisory lists the (CVE, package),
 *   else the CVSS score's band (`High`); the score in `database_specific.cvss_score`.
 * - `published` / `modified`: the earliest / latest issue date of the advisories naming the CVE, else `inputDate`.
 * Non-CVE ids (`BDSA-…`) and entries without a package are skipped with a reason.
 */
function convertPhoton(text, where, options) {
    const skipped = [];
    const release = options.release ?? photonReleaseOf(where);
    if (!release)
        return { records: [], skipped: [{ where, reason: 'no Photon release (expected a cve_data_photon<X.0>.json file name)' }] };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (!Array.isArray(value))
        return { records: [], skipped: [{ where, reason: 'not a Photon CVE list (expected a JSON array)' }] };
    const advisories = (options.advisories ?? []).filter((a) => a.release === release);
    const ecosystem = `Photon OS:${release}`;
    const byCve = new Map();
    const seen = new Set();
    value.forEach((raw, i) => {
        const at = `${where}[${i}]`;
        if (typeof raw !== 'object' || raw === null) {
            skipped.push({ where: at, reason: 'not an object' });
            return;
        }
        const e = raw;
        const cve = typeof e.cve_id === 'string' ? e.cve_id.trim() : '';
        const name = typeof e.pkg === 'string' ? e.pkg.trim() : '';
        if (!photon_CVE.test(cve)) {
            skipped.push({ where: at, reason: `"${String(e.cve_id)}" is not a CVE id` });
            return;
        }
        if (!name) {
            skipped.push({ where: at, reason: `${cve}: no package name` });
            return;
        }
        const status = typeof e.status === 'string' ? e.status.trim() : '';
        if (/^not affected$/i.test(status))
            return;
        const resVer = typeof e.res_ver === 'string' ? e.res_ver.trim() : '';
        const fixed = /^fixed$/i.test(status) && RPM_VR.test(resVer) ? resVer : undefined;
        if (/^fixed$/i.test(status) && resVer && !/^(NA|None)$/i.test(resVer) && !fixed) {
            skipped.push({ where: at, reason: `${cve} ${name}: "${resVer}" is not an rpm version` });
            return;
        }
        const key = `${cve}\u0000${name}\u0000${fixed ?? ''}`;
        if (seen.has(key))
            return;
        seen.add(key);
        let rec = byCve.get(cve);
        if (!rec)
            byCve.set(cve, (rec = { affected: [], words: new Set(), phsa: [] }));
        if (typeof e.cve_score === 'number' && Number.isFinite(e.cve_score))
            rec.score = Math.max(rec.score ?? 0, e.cve_score);
        const phsa = advisories.filter((a) => a.items.has(`${cve}\u0000${name}`));
        for (const a of phsa) {
            if (!rec.phsa.includes(a))
                rec.phsa.push(a);
            const word = a.items.get(`${cve}\u0000${name}`);
            if (word)
                rec.words.add(word);
        }
        const fixState = fixed ? undefined : /won'?t fix/i.test(status) ? 'wont-fix' : 'not-fixed';
        rec.affected.push({
            package: { ecosystem, name, purl: `pkg:rpm/photon/${name}?distro=photon-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: fixed ? [{ introduced: '0' }, { fixed }] : [{ introduced: '0' }] }],
            ...(fixState || phsa.length > 0
                ? { database_specific: { ...(fixState ? { fix_state: fixState } : {}), ...(phsa.length > 0 ? { advisories: phsa.map((a) => a.id) } : {}) } }
                : {}),
        });
    });
    const records = [];
    for (const [cve, rec] of byCve) {
        const dates = rec.phsa.map((a) => a.issued).filter((d) => d !== undefined).sort();
        const published = dates[0] ? `${dates[0]}T00:00:00Z` : undefined;
        const modified = dates.length > 0 ? `${dates[dates.length - 1]}T00:00:00Z` : options.inputDate;
        const word = photon_RANK.find((w) => rec.words.has(w)) ?? (rec.score !== undefined ? scoreWord(rec.score) : undefined);
        const fixState = rec.affected.every((a) => a.database_specific?.fix_state) ? rec.affected[0].database_specific.fix_state : undefined;
        records.push({
            schema_version: '1.7.5',
            id: cve,
            modified,
            ...(published ? { published } : {}),
            affected: rec.affected,
            references: [
                ...rec.phsa.map((a) => ({ type: 'ADVISORY', url: a.url })),
                { type: 'WEB', url: `https://www.cve.org/CVERecord?id=${cve}` },
            ],
            database_specific: {
                ...(word && word !== 'None' ? { severity: word } : {}),
                ...(rec.score !== undefined ? { cvss_score: rec.score } : {}),
                ...(fixState ? { fix_state: fixState } : {}),
                source: 'photon',
            },
        });
    }
    return { records, skipped };
}
/** The wiki's words, most severe first (a CVE in two sections takes the worse). */
const photon_RANK = ['Critical', 'Important', 'High', 'Moderate', 'Medium', 'Low'];

;// CONCATENATED MODULE: ./src/vulndb/providers/photon.ts






const PHOTON_CVE_BASE = 'https://packages.vmware.com/photon/photon_cve_metadata';
const photon_DEFAULT_RELEASES = ['3.0', '4.0', '5.0'];
const photon_NO_DATE = '1970-01-01T00:00:00.000Z';
/**
 * Photon OS: with `path`, a `cve_data_photon<X.0>.json` file or a folder of them, with the photon wiki's
 * `Security-Update-*.md` advisories anywhere in the folder (they give PHSA ids, dates and the vendor's severity
 * words); one source per release, `photon:<X.0>:<path>`. Otherwise, for each release in `ecosystems` (default
 * 3.0, 4.0, 5.0), a conditional GET of `<url>/cve_data_photon<X.0>.json` (`photon:<X.0>`); `modified` then is
 * the answer's Last-Modified.
 */
const photonProvider = {
    id: 'photon',
    version: 1,
    description: 'Photon OS CVE metadata (cve_data_photon<X.0>.json, and the wiki advisories) turned into OSV records (Photon OS:<X.0>)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, () => true);
            const advisories = [];
            for (const f of files.filter((x) => /\.md$/i.test(x))) {
                const a = parsePhotonAdvisory((0,external_node_fs_.readFileSync)(f, 'utf8'), (0,external_node_path_.basename)(f));
                if (a)
                    advisories.push(a);
            }
            const data = files.filter((f) => photonReleaseOf((0,external_node_path_.basename)(f)) !== undefined);
            if (data.length === 0)
                throw new errors/* ConfigurationError */.j1(`photon: no cve_data_photon<X.0>.json file in ${options.path}`);
            return data.map((f) => {
                const release = photonReleaseOf((0,external_node_path_.basename)(f));
                const { records, skipped } = convertPhoton((0,external_node_fs_.readFileSync)(f, 'utf8'), f, { release, advisories, inputDate: (0,external_node_fs_.statSync)(f).mtime.toISOString() });
                ctx.logger.info(`photon:${release}: ${records.length} records`);
                return { id: `photon:${release}:${f}`, provider: 'photon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const base = (options.url ?? PHOTON_CVE_BASE).replace(/\/+$/, '');
        const out = [];
        for (const release of options.ecosystems?.length ? options.ecosystems : photon_DEFAULT_RELEASES) {
            if (!/^\d+\.\d+$/.test(release))
                throw new errors/* ConfigurationError */.j1(`photon: "${release}" is not a Photon OS release such as 4.0`);
            const url = `${base}/cve_data_photon${release}.json`;
            const id = `photon:${release}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const state = { id, provider: 'photon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${release}" a Photon OS release?)`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const { records, skipped } = convertPhoton(res.body.toString('utf8'), url, { release, inputDate: Number.isNaN(at) ? photon_NO_DATE : new Date(at).toISOString() });
            ctx.logger.info(`${id}: ${records.length} records`);
            out.push({ ...state, ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}), notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/rhel-security-data.ts

const rhel_security_data_CVE = /^CVE-\d{4}-\d{4,}$/;
/** `cpe:/o:redhat:enterprise_linux:9`, `cpe:/a:redhat:enterprise_linux:8::appstream` → `9`, `8`. */
const MAIN_CPE = /^cpe:\/[ao]:redhat:enterprise_linux:(\d+)(?::|$)/;
/** `cpe:/a:redhat:rhel_eus:8.6` → `8.6` (Extended Update Support). */
const EUS_CPE = /^cpe:\/[ao]:redhat:rhel_eus:(\d+\.\d+)(?::|$)/;
/** `thunderbird-0:102.15.1-1.el7_9` → name, `0:102.15.1-1.el7_9`. */
const NEVR = /^(.+)-((?:\d+:)?[^-:\s]+-[^-:\s]+)$/;
/** The stream a CPE names: `Red Hat:9`, `Red Hat:8.6+eus`; undefined for other products (extras, AUS, TUS, E4S…). */
function redHatEcosystem(cpe) {
    const main = MAIN_CPE.exec(cpe);
    if (main)
        return `Red Hat:${main[1]}`;
    const eus = EUS_CPE.exec(cpe);
    if (eus)
        return `Red Hat:${eus[1]}+eus`;
    return undefined;
}
/** Red Hat's fix states → the contract's `fix_state`; undefined: not affected (no entry). */
function fixState(state) {
    const s = state.trim().toLowerCase();
    if (s === 'not affected')
        return undefined;
    if (s === 'will not fix' || s === 'out of support scope')
        return 'wont-fix';
    return 'not-fixed'; // Affected, Fix deferred, Under investigation
}
const iso = (v) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined);
/**
 * One CVE's security data as one OSV record (id = the CVE):
 * - `affected_release` of RHEL main streams (`enterprise_linux:N` → `Red Hat:N`) and EUS streams (`rhel_eus:X.Y` →
 *   `Red Hat:X.Y+eus`): `introduced 0`, `fixed <epoch:version-release>`, the RHSA in `database_specific.advisory`;
 *   other products (extras, Oracle Java, Satellite, AUS/TUS/E4S) are left out, as vunnel does;
 * - `package_state` of those streams: "Not affected" → no entry; "Will not fix" / "Out of support scope" →
 *   `introduced 0` only, `fix_state: wont-fix`; "Affected" and the rest → `fix_state: not-fixed`. A package that
 *   has a fix in a stream is not also listed unfixed there. `module:stream/name` → `ecosystem_specific.module`;
 *   flatpak and container names (`firefox:flatpak/firefox`) are left out;
 * - `threat_severity` (`Important`) in `database_specific.severity`, the CVSS v3 vector in `severity`;
 * - `published` = `public_date`; `modified` = the latest of `public_date` and the fixes' release dates.
 */
function convertRhelCve(text, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (typeof doc !== 'object' || doc === null || typeof doc.name !== 'string' || !rhel_security_data_CVE.test(doc.name)) {
        return { records: [], skipped: [{ where, reason: 'not a Red Hat CVE document (no CVE "name")' }] };
    }
    const cve = doc.name;
    const skipped = [];
    const affected = [];
    const fixedKeys = new Set();
    const seen = new Set();
    const dates = [];
    const published = iso(doc.public_date);
    if (published)
        dates.push(published);
    const releases = Array.isArray(doc.affected_release) ? doc.affected_release : [];
    for (const raw of releases) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const r = raw;
        const ecosystem = typeof r.cpe === 'string' ? redHatEcosystem(r.cpe) : undefined;
        if (!ecosystem)
            continue;
        const pkg = typeof r.package === 'string' ? r.package.trim() : '';
        const m = NEVR.exec(pkg);
        if (!m || m[1].includes(':') || m[1].includes('/')) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: "${pkg || String(r.package)}" is not a package name-version (advisory ${String(r.advisory)})` });
            continue;
        }
        const [, name, evr] = m;
        const key = `${ecosystem}\u0000${name}\u0000${evr}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        fixedKeys.add(`${ecosystem}\u0000${name}`);
        const date = iso(r.release_date);
        if (date)
            dates.push(date);
        const advisory = typeof r.advisory === 'string' ? r.advisory : undefined;
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: evr }] }],
            ...(advisory ? { database_specific: { advisory, advisory_url: `https://access.redhat.com/errata/${advisory}` } } : {}),
        });
    }
    const states = Array.isArray(doc.package_state) ? doc.package_state : [];
    for (const raw of states) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const s = raw;
        const ecosystem = typeof s.cpe === 'string' ? redHatEcosystem(s.cpe) : undefined;
        if (!ecosystem)
            continue;
        const full = typeof s.package_name === 'string' ? s.package_name.trim() : '';
        if (!full) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: a package state without a package name` });
            continue;
        }
        const state = fixState(typeof s.fix_state === 'string' ? s.fix_state : 'Affected');
        if (!state)
            continue;
        let name = full;
        let module;
        const mod = /^([^:/\s]+:[^/\s]+)\/(.+)$/.exec(full);
        if (mod) {
            if (/flatpak|container|image/i.test(mod[1]))
                continue;
            module = mod[1];
            name = mod[2];
        }
        else if (/[:/]/.test(full))
            continue; // container images (`rhel8/…`), not rpms
        const key = `${ecosystem}\u0000${name}`;
        if (!module && fixedKeys.has(key))
            continue;
        const dup = `${key}\u0000${module ?? ''}\u0000state`;
        if (seen.has(dup))
            continue;
        seen.add(dup);
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
            ...(module ? { ecosystem_specific: { module } } : {}),
            database_specific: { fix_state: state, red_hat_state: String(s.fix_state) },
        });
    }
    const modified = dates.sort().at(-1);
    if (!modified)
        return { records: [], skipped: [...skipped, { where, reason: `${cve}: no date (public_date, release_date)` }] };
    const vector = typeof doc.cvss3?.cvss3_scoring_vector === 'string' ? doc.cvss3.cvss3_scoring_vector : undefined;
    const severity = vector && /^CVSS:3\.[01]\//.test(vector) ? [{ type: 'CVSS_V3', score: vector }] : [];
    const threat = typeof doc.threat_severity === 'string' && doc.threat_severity ? doc.threat_severity : undefined;
    const details = Array.isArray(doc.details) ? doc.details.filter((d) => typeof d === 'string').join('\n\n') : undefined;
    const summary = typeof doc.bugzilla?.description === 'string' ? doc.bugzilla.description.trim() : undefined;
    const advisories = [...new Set(affected.map((a) => a.database_specific?.advisory).filter((a) => typeof a === 'string'))].sort();
    const record = {
        schema_version: '1.7.5',
        id: cve,
        modified,
        ...(published ? { published } : {}),
        ...(summary ? { summary } : {}),
        ...(details ? { details } : {}),
        ...(severity.length > 0 ? { severity } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url: `https://access.redhat.com/security/cve/${cve}` },
            ...advisories.map((a) => ({ type: 'ADVISORY', url: `https://access.redhat.com/errata/${a}` })),
        ],
        database_specific: { ...(threat ? { severity: threat } : {}), source: 'rhel' },
    };
    return { records: [record], skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/rhel.ts





const isCveFile = (name) => /^CVE-\d{4}-\d{4,}(\.json)?$/i.test(name);
/**
 * Red Hat's per-CVE security data (the Security Data API's `cve/CVE-….json` documents, as vunnel keeps them in
 * `input/cve/full/`), from a local file or folder: one source `rhel:<path>`, one record per CVE in `Red Hat:<major>`
 * and `Red Hat:<x.y>+eus`. Fetching the API itself (one request per CVE) is not done: download the documents
 * (vunnel, or the API) and give their folder as `path`.
 */
const rhelProvider = {
    id: 'rhel',
    version: 1,
    description: "Red Hat per-CVE security data (Security Data API CVE documents, local) turned into OSV records (Red Hat:<major>, Red Hat:<x.y>+eus)",
    fetch(options, ctx) {
        if (!options.path) {
            throw new errors/* ConfigurationError */.j1('rhel: give a path to a folder of Red Hat security data CVE documents (CVE-YYYY-NNNN.json); fetching the Security Data API per CVE is not supported');
        }
        const { root, files } = localFeedFiles(options.path, isCveFile);
        if (files.length === 0)
            throw new errors/* ConfigurationError */.j1(`rhel: no CVE-YYYY-NNNN(.json) document in ${options.path}`);
        const records = [];
        const skipped = [];
        const ids = new Set();
        for (const f of files) {
            const out = convertRhelCve((0,external_node_fs_.readFileSync)(f, 'utf8'), f);
            skipped.push(...out.skipped);
            for (const r of out.records) {
                if (ids.has(r.id)) {
                    skipped.push({ where: f, reason: `${r.id} comes twice (${(0,external_node_path_.basename)(f)}); the first is kept` });
                    continue;
                }
                ids.add(r.id);
                records.push(r);
            }
        }
        ctx.logger.info(`rhel:${root}: ${records.length} records`);
        return Promise.resolve([{ id: `rhel:${root}`, provider: 'rhel', kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped }]);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/list.ts













/** Every vulnerability data provider. The only place a provider is wired in. */
const list_VULNERABILITY_PROVIDERS = new registry/* Registry */.O('vulnerability data provider', [
    osvBucketProvider,
    osvLocalProvider,
    alpineSecdbProvider,
    nvdProvider,
    kevProvider,
    epssProvider,
    oracleOvalProvider,
    slesOvalProvider,
    marinerOvalProvider,
    amazonProvider,
    photonProvider,
    wolfiProvider,
    chainguardProvider,
    rhelProvider,
]);

// EXTERNAL MODULE: ./src/vulndb/provider.ts
var provider = __webpack_require__(61295);
;// CONCATENATED MODULE: ./src/vulndb/update.ts




/**
 * Fetches every requested source, then writes the new database in one step. If any fetch or the write fails, the
 * previous database stays live; the error says so (and names the previous database's date).
 */
async function updateDatabase(options) {
    const now = options.now ?? (() => new Date());
    let previousMeta;
    try {
        previousMeta = (0,store/* readMetadata */._6)(options.cacheDir);
    }
    catch (error) {
        options.logger.warning(`${(0,errors/* getErrorMessage */.u1)(error)}; building a new one`);
    }
    const previous = new Map((previousMeta?.segments ?? []).map((s) => [s.id, s]));
    const batches = [];
    try {
        for (const [i, req] of options.requests.entries()) {
            const provider = list_VULNERABILITY_PROVIDERS.get(req.provider);
            options.logger.progress?.({ task: 'update', label: `fetching ${req.provider}${req.options.ecosystems?.length ? ` (${req.options.ecosystems.join(', ')})` : ''}`, done: i, total: options.requests.length, unit: 'items' });
            const previousRecords = (id) => (previous.has(id) ? (0,store/* readSourceRecords */.K3)(options.cacheDir, id) : undefined);
            batches.push(...(await provider.fetch(req.options, { logger: options.logger, previous, previousRecords, now, ...(options.signal ? { signal: options.signal } : {}) })));
        }
        for (const b of batches) {
            if (b.notModified || b.skipped.length === 0)
                continue;
            const first = b.skipped[0];
            options.logger.warning(`${b.id}: skipped ${b.skipped.length} bad record(s), e.g. ${first.where}: ${first.reason}`);
        }
        options.logger.progress?.({ task: 'update', label: `importing ${batches.reduce((n, b) => n + (b.notModified ? 0 : b.records.length), 0)} records into ${options.cacheDir}` });
        const { metadata } = (0,store/* writeDatabase */.tW)(options.cacheDir, batches, now());
        options.logger.progress?.({ task: 'update', label: '', end: true });
        return {
            metadata,
            batches: batches.map((b) => (b.notModified ? { id: b.id, notModified: true } : { id: b.id, notModified: false, records: provider/* ENRICHMENT_KINDS */.U.has(b.kind) ? (b.enrichments?.length ?? 0) : b.records.length, skipped: b.skipped.length })),
        };
    }
    catch (error) {
        options.logger.progress?.({ task: 'update', label: '', end: true });
        const kept = previousMeta
            ? `the previous database (updated ${previousMeta.updatedAt}, ${previousMeta.segments.length} source(s)) is kept`
            : 'there is no previous database';
        const message = `Vulnerability data update failed: ${(0,errors/* getErrorMessage */.u1)(error)}; ${kept}`;
        options.logger.error(message);
        if (error instanceof errors/* RemoteError */.Hi)
            throw new errors/* RemoteError */.Hi(message, { cause: error, ...(error.status !== undefined ? { status: error.status } : {}) });
        if (error instanceof errors/* ConfigurationError */.j1)
            throw new errors/* ConfigurationError */.j1(message, { cause: error });
        throw new Error(message, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/image/registry/connect.ts + 3 modules
var connect = __webpack_require__(89100);
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
            files: bodies.map(({ name, body }) => ({ name, bytes: body.length, sha256: compiled_sha256(body) })),
        };
        const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => b.body)]);
        const checksum = compiled_sha256(content);
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
function compiled_sha256(bytes) {
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
    const checksum = compiled_sha256(content);
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
        if (body.length !== f.bytes || compiled_sha256(body) !== f.sha256)
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
    return (0,registry_reference/* parseRegistryName */.O8)(ref.replace(/^registry:/, ''));
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
    const shown = (0,registry_reference/* formatRegistryName */.sM)(name);
    const kept = previous ? `the previous database (updated ${previous.updatedAt}${previous.compiled?.manifestDigest ? `, ${previous.compiled.manifestDigest}` : ''}) is kept` : 'there is no previous database';
    const client = await clientFor(name, options, false);
    try {
        const got = await client.getManifest((0,registry_reference/* manifestReference */.Tn)(name), [OCI_MANIFEST_TYPE], signal);
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

;// CONCATENATED MODULE: ./src/scan/vulnerabilities.ts









/**
 * The OSV database stage: refresh the ecosystems the image needs (unless offline; a failed refresh keeps the
 * previous data and says so), match, then apply ignores and VEX. Missing data is never a silent GO: every package
 * that could not be checked for want of data is counted in a gap (one stderr line, every report format), and the
 * policy is told when the distro's data is unavailable (`vulnerability_data_unavailable`). An empty or missing
 * database in offline mode is a configuration error: the user asked for local data only, and there is none.
 */
const vulnerabilityStage = {
    async run(input) {
        const { options, logger } = input;
        const cacheDir = options.cacheDir ?? (0,store/* defaultCacheDir */.$g)(input.env ?? process.env);
        const ecosystems = (0,target/* bucketEcosystemsFor */.Th)(input.packages, input.distro);
        const plugins = [];
        if (!options.offline && options.dbRepository) {
            try {
                const r = await updateFromRepository(cacheDir, options.dbRepository, { env: input.env ?? process.env, logger, ...(options.dbRegistry?.insecureRegistries ? { insecureRegistries: options.dbRegistry.insecureRegistries } : {}), ...(options.dbRegistry?.caFile ? { caFile: options.dbRegistry.caFile } : {}) }, input.signal);
                logger.info(`vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                logger.warning((0,errors/* getErrorMessage */.u1)(e));
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        else if (!options.offline && ecosystems.length) {
            try {
                await updateDatabase({
                    cacheDir,
                    requests: [{ provider: 'osv-bucket', options: { ecosystems, ...(options.dbUrl ? { url: options.dbUrl } : {}) } }],
                    logger,
                    now: () => input.now,
                    ...(input.signal ? { signal: input.signal } : {}),
                });
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                // updateDatabase has logged the failure and kept the previous database.
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        let meta;
        let lookup = { lookup: () => [] };
        let db;
        try {
            meta = (0,store/* readMetadata */._6)(cacheDir);
            if (meta) {
                db = store/* VulnerabilityDatabase */.oz.open(cacheDir);
                lookup = db;
            }
        }
        catch (e) {
            logger.warning(`cannot open the vulnerability database in ${cacheDir}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
        const totalRecords = (meta?.segments ?? []).reduce((n, s) => n + s.records, 0);
        if (options.offline && (!db || totalRecords === 0)) {
            db?.close();
            throw new errors/* ConfigurationError */.j1(`offline mode and ${db ? 'the vulnerability database in ' + cacheDir + ' is empty' : 'no vulnerability database in ' + cacheDir}: run "portcullis db update" or "portcullis db import PATH" first, or pass --no-vulnerabilities to scan without vulnerability data`);
        }
        try {
            const matched = matchPackages(lookup, input.packages, { distro: input.distro, logger, enrichment: db });
            let findings = matched.findings;
            if (options.ignoreFile) {
                const outcome = applyIgnores(findings, loadIgnoreFile(options.ignoreFile), input.now);
                findings = outcome.kept;
                for (const r of outcome.expired)
                    logger.warning(`ignore entry ${r.index} (${r.id}) expired on ${r.expires}; it no longer applies`);
                for (const r of outcome.unused)
                    logger.warning(`ignore entry ${r.index} (${r.id}) matched no finding`);
                if (outcome.ignored.length)
                    logger.info(`${outcome.ignored.length} finding(s) ignored by ${options.ignoreFile}`);
            }
            for (const vex of options.vex) {
                const outcome = applyVex(findings, loadOpenVex(vex));
                findings = outcome.kept;
                if (outcome.suppressed.length)
                    logger.info(`${outcome.suppressed.length} finding(s) suppressed by VEX ${vex}`);
            }
            plugins.push({ id: 'match/osv', version: 0, status: db ? (matched.unknowns.length ? 'partial' : 'succeeded') : 'failed', ...(db ? {} : { reason: 'no vulnerability data' }) });
            const status = (0,store/* dataStatus */.TW)(meta, { maxAgeDays: options.maxAgeDays, now: input.now, offline: options.offline });
            if (status.stale && db) {
                const msg = `vulnerability data is ${status.ageDays ?? '?'} days old (more than ${options.maxAgeDays})`;
                if (options.failOnStale)
                    throw new errors/* ConfigurationError */.j1(`${msg}; update it with "portcullis db update"`);
                logger.warning(msg);
            }
            const namespace = (0,target/* distroEcosystem */.m1)(input.distro);
            const covered = new Set((meta?.segments ?? []).flatMap((s) => Object.keys(s.ecosystems)).map(names/* ecosystemKey */.i9));
            const failed = plugins.filter((p) => p.status === 'failed' && p.id === 'vulndb/update');
            const gaps = dataGaps(input.packages, input.distro, db ? covered : undefined, failed.map((p) => p.reason ?? 'failed'));
            if (gaps.length)
                logger.warning(`not every package could be checked for vulnerabilities: ${gaps.map((g) => g.message).join('; ')}`);
            const oldest = status.sources.map((s) => Date.parse(s.fetchedAt ?? '')).filter((t) => !Number.isNaN(t));
            return {
                findings,
                status: { ...status, gaps },
                policyStatus: {
                    // Anchore's namespace names: `debian:12`, `alpine:3.20`.
                    ...(namespace ? { namespace: namespace.toLowerCase().replace(':v', ':') } : {}),
                    distroDataAvailable: distroCovered(input.distro, covered),
                    ...(oldest.length ? { lastSync: new Date(Math.min(...oldest)) } : {}),
                },
                plugins,
                unknowns: matched.unknowns,
            };
        }
        finally {
            db?.close();
        }
    },
};
/** The distro's data is there when any of its ecosystems (a SUSE product or one of its modules) has records. */
function distroCovered(distro, covered) {
    const r = (0,target/* distroEcosystems */.fO)(distro);
    return 'ecosystems' in r && r.ecosystems.some((e) => covered.has((0,names/* ecosystemKey */.i9)(e)));
}
const vulnerabilities_OS_PACKAGE_TYPES = target/* OS_PACKAGE_TYPE_SET */.oQ; // derived from the exhaustive table in match/target.ts
/**
 * What could not be checked for want of data: OS packages of an unknown distro release, packages of an ecosystem
 * the database has no records for (`covered`: the database's ecosystem keys; undefined: there is no database), and
 * sources that failed to refresh. Packages skipped for other reasons (no version, owned by an OS package) are the
 * matcher's unknowns, not gaps.
 */
function dataGaps(packages, distro, covered, failures = []) {
    const gaps = failures.map((reason) => ({ kind: 'source-failed', message: `a vulnerability data source failed: ${reason}` }));
    let unknownDistro = 0;
    const missing = new Map();
    let checkable = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, distro);
        if (!('targets' in t)) {
            if (t.unknown && vulnerabilities_OS_PACKAGE_TYPES.has(pkg.type))
                unknownDistro++;
            continue;
        }
        checkable++;
        if (t.targets.some((x) => covered?.has((0,names/* ecosystemKey */.i9)(x.ecosystem))))
            continue;
        const key = (0,names/* ecosystemKey */.i9)(t.targets[0].ecosystem);
        const m = missing.get(key) ?? { ecosystem: t.targets[0].ecosystem, os: vulnerabilities_OS_PACKAGE_TYPES.has(pkg.type), packages: 0 };
        m.packages++;
        missing.set(key, m);
    }
    if (unknownDistro > 0) {
        const name = distro ? `${distro.prettyName ?? distro.id}${distro.versionId ? ` (${distro.id} ${distro.versionId})` : ''}` : 'an undetected distro';
        gaps.push({ kind: 'unknown-distro', message: `${unknownDistro} OS package(s) not checked: no vulnerability data source is known for ${name}`, packages: unknownDistro });
    }
    if (!covered) {
        if (checkable > 0)
            gaps.push({ kind: 'no-data', message: `${checkable} package(s) not checked: there is no vulnerability database`, packages: checkable });
        return gaps;
    }
    for (const m of [...missing.values()].sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1))) {
        gaps.push({
            kind: m.os ? 'no-distro-data' : 'no-ecosystem-data',
            message: `${m.packages} package(s) not checked: the vulnerability database has no ${m.ecosystem} records`,
            ecosystem: m.ecosystem,
            packages: m.packages,
        });
    }
    return gaps;
}

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
    const outputs = (0,list/* parseOutputSpecs */.L)(config.outputs.length ? config.outputs : ['table']);
    const policy = config.policyPath;
    const bundle = await resolvePolicy(policy && !Object.hasOwn(BUNDLED_POLICIES, policy) ? at(policy) : policy);
    const dockerfile = config.dockerfilePath ? await readDockerfile(at(config.dockerfilePath)) : undefined;
    const compliance = config.complianceSummaries ? await Promise.all(config.complianceSummaries.map((p) => readComplianceSummary(p, at(p)))) : undefined;
    // `sbom:PATH`: the packages come from an SBOM and there is no file view, so the file-based gates say they cannot check.
    let view;
    let image;
    let catalog;
    if ((0,read/* isSbomReference */.HX)(config.image)) {
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
            ...(config.layerCache ? { layerCache: { cache: new LayerCache(at(config.layerCache.dir), config.layerCache.maxBytes), salt: analysisSalt(catalogers) } } : {}),
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
    const stage = deps.vulnerabilities ?? vulnerabilityStage;
    const vulns = config.vulnerabilities.enabled
        ? await stage.run({ packages: catalog.packages, ...(catalog.distro ? { distro: catalog.distro } : {}), options: config.vulnerabilities, env: deps.env, logger, now: now(), ...(deps.signal ? { signal: deps.signal } : {}) })
        : undefined;
    const mapping = dockerfile ? mapLayersToDockerfile(image.layers, image.config.history ?? [], dockerfile.text) : undefined;
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
            ? { compliance: [...complianceFor(image, compliance ?? [], logger), ...(config.complianceStore ? await storedCompliance(config.complianceStore, image, logger, deps.signal) : [])] }
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
    const report = await applyBaseline(built, config.baseline, {
        logger,
        at,
        rescan: async (ref) => (await runScan({ ...rescanConfig, image: ref, outputs: ['json'] }, deps)).report,
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
    let outcome = (0,scan_config/* outcomeOf */.sG)(gatingDecision(report), config.failOn);
    const store = config.store ? await pushEvaluation(config.store, report, at, logger, deps.signal) : undefined;
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
