export const id = 100;
export const ids = [100];
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


/***/ })

};
