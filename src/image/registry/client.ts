import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';
import { ConfigurationError, getErrorMessage, ImageError, RemoteError } from '../../common/errors.js';
import {
  createDispatcher,
  describeNetworkError,
  formatMs,
  httpRequest,
  isTimeoutError,
  RetriesExhausted,
  retryAfterMs as retryAfterHeaderMs,
  withRetries,
  type HttpResponse,
} from '../../common/http.js';
import type { Logger } from '../../common/logger.js';
import { parseChallenges, type AuthChallenge } from './challenge.js';
import type { ResolvedCredentials } from './credentials.js';
import { registryScheme, type RegistryName } from './reference.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
const MAX_RETRY_AFTER_MS = 60_000;
/** Manifests and indexes above this size are refused (the distribution spec suggests 4 MiB). */
export const MAX_MANIFEST_BYTES = 4 << 20;

export interface RegistryClientOptions {
  name: RegistryName;
  /** Looked up only when the registry asks for authentication. */
  credentials: () => Promise<ResolvedCredentials | undefined>;
  insecureRegistries?: readonly string[];
  caFile?: string;
  timeoutMs?: number;
  retries?: number;
  /** First backoff delay; doubled on each retry. */
  retryBaseMs?: number;
  /** Ask for `repository:<name>:pull,push` tokens (for pushBlob / putManifest). */
  push?: boolean;
  logger: Logger;
}

export interface FetchedManifest {
  bytes: Buffer;
  /** The Content-Type, without parameters. */
  contentType: string | undefined;
  /** The digest of the bytes, with the algorithm the reference or the registry used. */
  digest: string;
  /** The Docker-Content-Digest header, when sent (checked by the caller once the manifest is parsed). */
  advertised?: string;
}

/**
 * Talks the OCI distribution API v2 to one repository of one registry: manifests and blobs, anonymous, basic or
 * bearer-token authentication (from the `WWW-Authenticate` challenge), retries with exponential backoff on 429, 5xx
 * and network errors (honouring Retry-After), and a per-request time-out. Every error names the registry and the
 * repository; no secret is ever logged or put in a message.
 */
export class RegistryClient {
  readonly #name: RegistryName;
  readonly #base: string;
  readonly #agent: Dispatcher;
  readonly #options: RegistryClientOptions;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryBaseMs: number;
  #authorization: string | undefined;
  #credentials: ResolvedCredentials | undefined | null = null;

  private constructor(options: RegistryClientOptions, agent: Dispatcher) {
    this.#options = options;
    this.#name = options.name;
    this.#base = `${registryScheme(options.name.endpoint, options.insecureRegistries)}://${options.name.endpoint}/v2/${options.name.repository}`;
    this.#agent = agent;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    this.#retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  }

  static async create(options: RegistryClientOptions): Promise<RegistryClient> {
    let ca: string[] | undefined;
    if (options.caFile) {
      const pem = await readFile(options.caFile, 'utf8').catch((e: unknown) => {
        throw new ConfigurationError(`cannot read the CA bundle ${options.caFile}: ${getErrorMessage(e)}`, { cause: e });
      });
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigurationError(`the CA bundle ${options.caFile} holds no PEM certificate`);
      ca = [...rootCertificates, pem];
    }
    // The shared HTTP module's pool: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, the time-outs, the CA bundle.
    const agent = createDispatcher({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ca });
    return new RegistryClient(options, agent);
  }

  /** `registry R (repository X)`, for messages. */
  get where(): string {
    return `registry ${this.#name.registry} (repository ${this.#name.repository})`;
  }

  /** The base URL, `http(s)://host/v2/<repository>`. */
  get baseUrl(): string {
    return this.#base;
  }

  /** Fetches a manifest or index by tag or digest. A digest reference is verified against the bytes. */
  async getManifest(reference: string, accept: readonly string[], signal?: AbortSignal): Promise<FetchedManifest> {
    if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference)) throw new ImageError(`${this.where}: "${reference}" is neither a tag nor a digest`);
    const shown = reference.includes(':') ? `${this.#name.registry}/${this.#name.repository}@${reference}` : `${this.#name.registry}/${this.#name.repository}:${reference}`;
    const res = await this.#get(`manifests/${reference}`, { accept: accept.join(', '), what: `manifest ${shown}`, signal });
    const bytes = await this.#readBody(res, MAX_MANIFEST_BYTES, `manifest ${shown}`);
    const contentType = headerValue(res.headers['content-type'])?.split(';')[0]?.trim() || undefined;
    const pinned = reference.includes(':') ? reference : undefined;
    const advertised = headerValue(res.headers['docker-content-digest']);
    const algorithm = (pinned ?? advertised ?? 'sha256:').split(':')[0]!;
    const digest = digestOf(bytes, algorithm, `manifest ${shown}`);
    if (pinned && digest !== pinned) {
      throw new ImageError(`digest mismatch for manifest ${shown}: ${this.where} sent content that hashes to ${digest}`);
    }
    return { bytes, contentType, digest, ...(advertised ? { advertised } : {}) };
  }

  /** The repository's tags (`GET tags/list`), following `Link` pagination, at most `max` of them. */
  async listTags(signal?: AbortSignal, max = 10_000): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = 'tags/list?n=1000';
    while (path && tags.length < max) {
      const res = await this.#get(path, { what: 'tag list', signal });
      const link = headerValue(res.headers.link);
      const body = await this.#readBody(res, MAX_MANIFEST_BYTES, 'tag list');
      let doc: { tags?: unknown };
      try {
        doc = JSON.parse(body.toString('utf8')) as { tags?: unknown };
      } catch {
        throw new RemoteError(`${this.where} answered the tag list with something that is not JSON`);
      }
      if (doc.tags !== null && doc.tags !== undefined && !Array.isArray(doc.tags)) throw new RemoteError(`${this.where} answered the tag list without a tags array`);
      for (const t of (doc.tags as unknown[] | null | undefined) ?? []) if (typeof t === 'string' && SAFE_TAG.test(t) && tags.length < max) tags.push(t);
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
      const nextUrl = next ? new URL(next, `${this.#base}/`) : undefined;
      // Only a next page of this repository's own tag list is followed.
      path = nextUrl && `${nextUrl.origin}${nextUrl.pathname}` === `${this.#base}/tags/list` ? `tags/list${nextUrl.search}` : undefined;
    }
    return tags;
  }

  /** Fetches a small blob (a config) whole, and checks its digest. */
  async getBlobBytes(digest: string, maxBytes: number, what: string, signal?: AbortSignal): Promise<Buffer> {
    checkDigest(digest, what);
    const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
    const bytes = await this.#readBody(res, maxBytes, `${what} blob ${digest}`);
    const actual = digestOf(bytes, digest.split(':')[0]!, `${what} blob ${digest}`);
    if (actual !== digest) throw new ImageError(`digest mismatch for ${what} blob ${digest} from ${this.where}: its content hashes to ${actual}`);
    return bytes;
  }

  /** Streams a blob; the caller checks its digest while reading. Errors while streaming name the blob and registry. */
  async openBlob(digest: string, what: string, signal?: AbortSignal): Promise<Readable> {
    checkDigest(digest, what);
    const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
    const out = new PassThrough({ highWaterMark: 1 << 20 });
    res.body.on('error', (e: unknown) => out.destroy(this.#networkError(e, `${what} blob ${digest}`, 1)));
    out.on('close', () => {
      if (!res.body.destroyed) res.body.destroy();
    });
    res.body.pipe(out);
    return out;
  }

  /** Whether the repository holds this blob (HEAD). */
  async hasBlob(digest: string, signal?: AbortSignal): Promise<boolean> {
    checkDigest(digest, 'blob');
    const what = `blob ${digest}`;
    const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/${digest}`, undefined, signal, { method: 'HEAD' }));
    await res.body.dump().catch(() => {});
    if (res.statusCode === 200) return true;
    if (res.statusCode === 404) return false;
    throw await this.#failure(res, `HEAD ${what}`);
  }

  /**
   * Uploads a blob in one piece (POST to start the upload, then a monolithic PUT with `?digest=`), unless the
   * repository already has it. Answers whether it was uploaded.
   */
  async pushBlob(bytes: Buffer, digest: string, signal?: AbortSignal): Promise<boolean> {
    checkDigest(digest, 'blob');
    const actual = digestOf(bytes, digest.split(':')[0]!, `blob ${digest}`);
    if (actual !== digest) throw new ImageError(`blob ${digest}: its content hashes to ${actual}`);
    if (await this.hasBlob(digest, signal)) return false;
    const what = `upload of blob ${digest}`;
    const start = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/uploads/`, undefined, signal, { method: 'POST', body: Buffer.alloc(0) }));
    if (start.statusCode !== 202) throw await this.#failure(start, `start of the ${what}`);
    await start.body.dump().catch(() => {});
    const location = headerValue(start.headers.location);
    if (!location) throw new RemoteError(`${this.where} started the ${what} without a Location header`);
    const target = new URL(location, `${this.#base}/`);
    target.searchParams.set('digest', digest);
    const put = await this.#withRetries(what, signal, () =>
      this.#authorizedRequest(target.toString(), undefined, signal, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
        body: bytes,
      }),
    );
    if (put.statusCode !== 201) throw await this.#failure(put, what);
    await put.body.dump().catch(() => {});
    return true;
  }

  /** PUTs a manifest under a tag (or its digest); answers the digest of the bytes. */
  async putManifest(reference: string, bytes: Buffer, mediaType: string, signal?: AbortSignal): Promise<string> {
    if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference)) throw new ImageError(`${this.where}: "${reference}" is neither a tag nor a digest`);
    if (bytes.length > MAX_MANIFEST_BYTES) throw new ImageError(`the manifest for ${this.where} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    const what = `manifest ${this.#name.registry}/${this.#name.repository}:${reference}`;
    const res = await this.#withRetries(what, signal, () =>
      this.#authorizedRequest(`${this.#base}/manifests/${reference}`, undefined, signal, { method: 'PUT', headers: { 'content-type': mediaType }, body: bytes }),
    );
    if (res.statusCode !== 201 && res.statusCode !== 200) throw await this.#failure(res, `PUT ${what}`);
    await res.body.dump().catch(() => {});
    return digestOf(bytes, 'sha256', what);
  }

  /** The error for an unexpected answer to a push request. */
  async #failure(res: HttpResponse, what: string): Promise<RemoteError> {
    const detail = await errorDetail(res);
    const status = res.statusCode;
    if (status === 401) return this.#unauthorized(detail);
    if (status === 403) return new RemoteError(`access denied: ${this.where} refused ${what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may push to this repository`, { status });
    return new RemoteError(`${this.where} answered HTTP ${status} for ${what}${detail ? `: ${detail}` : ''}`, { status });
  }

  /** Ends every connection, including a blob stream that a failed reader left open. */
  async close(): Promise<void> {
    await this.#agent.destroy().catch(() => {});
  }

  async #get(path: string, args: { accept?: string; what: string; signal?: AbortSignal | undefined }): Promise<HttpResponse> {
    const url = `${this.#base}/${path}`;
    const res = await this.#withRetries(args.what, args.signal, () => this.#authorizedRequest(url, args.accept, args.signal));
    if (res.statusCode === 200) return res;
    const detail = await errorDetail(res);
    const status = res.statusCode;
    if (status === 404) {
      const kind = path.startsWith('manifests/') ? 'manifest unknown' : path.startsWith('tags/') ? 'repository unknown' : 'blob unknown';
      throw new RemoteError(`${kind}: ${args.what.replace(/^(manifest|.* blob) /, '')} not found in ${this.where}${detail ? ` (${detail})` : ''}`, { status });
    }
    if (status === 403) {
      throw new RemoteError(`access denied: ${this.where} refused ${args.what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may pull this repository`, { status });
    }
    if (status === 401) {
      // #authorizedRequest already handled the challenge; a 401 here means the credentials were not accepted
      throw await this.#unauthorized(detail);
    }
    throw new RemoteError(`${this.where} answered HTTP ${status} for ${args.what}${detail ? `: ${detail}` : ''}`, { status });
  }

  /** Sends a request (GET unless told), answering one authentication challenge when the registry asks. */
  async #authorizedRequest(
    url: string,
    accept: string | undefined,
    signal: AbortSignal | undefined,
    init: { method?: HttpMethod; headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (accept) headers.accept = accept;
    const send = (): Promise<HttpResponse> =>
      this.#send(url, {
        method: init.method ?? 'GET',
        headers: { ...headers, ...(this.#authorization ? { authorization: this.#authorization } : {}) },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal,
      });
    let res = await send();
    if (res.statusCode !== 401) return res;
    const challenges = parseChallenges(res.headers['www-authenticate']);
    await res.body.dump().catch(() => {});
    const authorization = await this.#answerChallenge(challenges, signal);
    if (authorization === undefined) throw await this.#unauthorized('');
    this.#authorization = authorization;
    res = await send();
    return res;
  }

  /** The Authorization header for a challenge, fetching a bearer token when that is what is asked. */
  async #answerChallenge(challenges: AuthChallenge[], signal: AbortSignal | undefined): Promise<string | undefined> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    const creds = await this.#lookupCredentials();
    if (bearer) return `Bearer ${await this.#fetchToken(bearer, creds, signal)}`;
    if (basic || challenges.length === 0) {
      if (!creds) return undefined;
      if (creds.kind !== 'basic') throw new ConfigurationError(`${this.where} asks for basic authentication, but the credentials (${creds.from}) are an identity token`);
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    throw new RemoteError(`${this.where} asks for an unsupported authentication scheme "${challenges[0]!.scheme}"`, { status: 401 });
  }

  async #lookupCredentials(): Promise<ResolvedCredentials | undefined> {
    if (this.#credentials === null) {
      this.#credentials = await this.#options.credentials();
      this.#options.logger.debug(`${this.where}: ${this.#credentials ? `using credentials from ${this.#credentials.from}` : 'no credentials found; trying anonymously'}`);
    }
    return this.#credentials;
  }

  /** Gets a token from the challenge's realm: GET with basic credentials, or the OAuth2 refresh-token POST. */
  async #fetchToken(challenge: AuthChallenge, creds: ResolvedCredentials | undefined, signal: AbortSignal | undefined): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw new RemoteError(`${this.where} sent a Bearer challenge without a realm`, { status: 401 });
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new RemoteError(`${this.where} sent a Bearer challenge with an invalid realm "${realm}"`, { status: 401 });
    }
    const service = challenge.params.service;
    const scope = this.#options.push ? `repository:${this.#name.repository}:pull,push` : (challenge.params.scope ?? `repository:${this.#name.repository}:pull`);
    const what = `a token from ${realmUrl.origin}${realmUrl.pathname}`;
    const res = await this.#withRetries(what, signal, async () => {
      if (creds?.kind === 'identity-token') {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'portcullis', scope });
        if (service) form.set('service', service);
        return this.#send(realmUrl.toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal });
      }
      const url = new URL(realmUrl);
      if (service) url.searchParams.set('service', service);
      url.searchParams.set('scope', scope);
      const headers: Record<string, string> = creds ? { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } : {};
      return this.#send(url.toString(), { method: 'GET', headers, signal });
    });
    if (res.statusCode === 401 || res.statusCode === 403) {
      await res.body.dump().catch(() => {});
      throw await this.#unauthorized(`the token server ${realmUrl.origin} answered HTTP ${res.statusCode}`);
    }
    if (res.statusCode !== 200) {
      const detail = await errorDetail(res);
      throw new RemoteError(`${this.where}: the token server ${realmUrl.origin} answered HTTP ${res.statusCode}${detail ? `: ${detail}` : ''}`, { status: res.statusCode });
    }
    const body = await this.#readBody(res, 1 << 20, what);
    let doc: { token?: unknown; access_token?: unknown };
    try {
      doc = JSON.parse(body.toString('utf8')) as { token?: unknown; access_token?: unknown };
    } catch {
      throw new RemoteError(`${this.where}: the token server ${realmUrl.origin} answered with something that is not JSON`);
    }
    const token = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' && doc.access_token ? doc.access_token : undefined;
    if (!token) throw new RemoteError(`${this.where}: the token server ${realmUrl.origin} answered without a token`);
    return token;
  }

  async #unauthorized(detail: string): Promise<RemoteError> {
    const creds = await this.#lookupCredentials().catch(() => undefined);
    const tail = detail ? ` (${detail})` : '';
    if (!creds) {
      return new RemoteError(
        `authentication required for ${this.where}${tail}: no credentials were found; use --registry-username with PORTCULLIS_REGISTRY_PASSWORD, or docker login`,
        { status: 401 },
      );
    }
    return new RemoteError(`credentials rejected for ${this.where}${tail}; they came from ${creds.from}`, { status: 401 });
  }

  /** One HTTP exchange through the shared HTTP module, following redirects (dropping Authorization when the origin changes). */
  async #send(url: string, init: { method: HttpMethod; headers: Record<string, string>; body?: string | Buffer; signal: AbortSignal | undefined }): Promise<HttpResponse> {
    return httpRequest(url, { ...init, dispatcher: this.#agent, timeoutMs: this.#timeoutMs });
  }

  /** Runs `fn`, retrying 429, 5xx and network errors with exponential backoff (or Retry-After), through the shared HTTP module. */
  async #withRetries(what: string, signal: AbortSignal | undefined, fn: () => Promise<HttpResponse>): Promise<HttpResponse> {
    let res: HttpResponse;
    try {
      res = await withRetries(fn, { retries: this.#retries, backoffMs: this.#retryBaseMs, maxRetryAfterMs: MAX_RETRY_AFTER_MS, signal, logger: this.#options.logger, what: `${this.where}: ${what}` });
    } catch (e) {
      if (e instanceof RetriesExhausted) throw this.#networkError(e.cause, what, e.attempts);
      throw e;
    }
    if (res.statusCode !== 429 && res.statusCode < 500) return res;
    const detail = await errorDetail(res);
    const attempts = res.attempts;
    const kind = res.statusCode === 429 ? 'rate-limited the request (HTTP 429)' : `answered HTTP ${res.statusCode}`;
    throw new RemoteError(`${this.where} ${kind} for ${what}${detail ? `: ${detail}` : ''}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, {
      status: res.statusCode,
    });
  }

  #networkError(e: unknown, what: string, attempts: number): Error {
    if (e instanceof ConfigurationError || e instanceof RemoteError) return e;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    if (isTimeoutError(e)) {
      return new RemoteError(`${this.where} did not answer within ${formatMs(this.#timeoutMs)} for ${what}${tries}`, { cause: e });
    }
    return new RemoteError(`cannot reach ${this.where} at ${this.#base.replace(/\/v2\/.*$/, '')} for ${what}: ${describeNetworkError(e, this.#timeoutMs)}${tries}`, { cause: e });
  }

  async #readBody(res: HttpResponse, maxBytes: number, what: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of res.body) {
        total += (chunk as Buffer).length;
        if (total > maxBytes) {
          res.body.destroy();
          throw new ImageError(`${what} from ${this.where} is larger than ${maxBytes} bytes; refusing it`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      throw this.#networkError(e, what, 1);
    }
    return Buffer.concat(chunks);
  }
}

type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT';

const SAFE_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SAFE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function checkDigest(digest: string, what: string): void {
  if (!SAFE_DIGEST.test(digest)) throw new ImageError(`${what} has an invalid digest "${digest}"`);
}

function digestOf(bytes: Buffer, algorithm: string, what: string): string {
  if (algorithm !== 'sha256' && algorithm !== 'sha512') throw new ImageError(`${what} uses an unsupported digest algorithm "${algorithm}"`);
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The registry's own words, from its JSON error body (`{"errors":[{"code","message"}]}`), short. */
async function errorDetail(res: HttpResponse): Promise<string> {
  let text: string;
  try {
    let total = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > 64 * 1024) {
        res.body.destroy();
        break;
      }
      chunks.push(chunk as Buffer);
    }
    text = Buffer.concat(chunks).toString('utf8');
  } catch {
    return '';
  }
  try {
    const doc = JSON.parse(text) as { errors?: { code?: string; message?: string }[]; message?: string };
    if (Array.isArray(doc.errors) && doc.errors.length > 0) {
      return doc.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
    }
    if (typeof doc.message === 'string') return doc.message.slice(0, 300);
  } catch {
    // not JSON
  }
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

/** Retry-After as seconds or an HTTP date (the shared HTTP module's reading). */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  return retryAfterHeaderMs(value, now);
}
