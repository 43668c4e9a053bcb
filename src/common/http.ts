/**
 * The one HTTP module every client uses (registries, the OSV bucket and the other feeds, the store, Anchore): a
 * dispatcher that honours `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (undici's EnvHttpProxyAgent), per-request
 * time-outs, redirects that keep the Authorization header only on the same origin, credentials in a URL used as
 * Basic auth and never shown, and retries with exponential back-off on 429, 5xx and network errors that honour the
 * server's Retry-After.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { EnvHttpProxyAgent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { ConfigurationError, getErrorMessage, RemoteError } from './errors.js';
import { redactSecrets, type Logger } from './logger.js';

export { redactSecrets };

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 500;
/** No back-off is longer than this, and a Retry-After longer than MAX_RETRY_AFTER_MS is cut to it. */
export const MAX_BACKOFF_MS = 10_000;
export const MAX_RETRY_AFTER_MS = 60_000;
export const MAX_REDIRECTS = 5;
const USER_AGENT = 'portcullis';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface DispatcherOptions {
  /** Connect, headers and body (idle) time-out, in ms. */
  timeoutMs?: number | undefined;
  /** Trusted CAs for TLS (the system's plus the user's, as PEM). */
  ca?: string[] | undefined;
  /** Where the proxy variables are read (process.env by default). */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The proxy settings from an environment, lower case first as curl reads them. */
export function proxyEnv(env: NodeJS.ProcessEnv): { httpProxy: string; httpsProxy: string; noProxy: string } {
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

/** A connection pool that goes through the environment's proxy (if any) for every origin NO_PROXY does not exempt. */
export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tls = options.ca ? { ca: options.ca } : {};
  return new EnvHttpProxyAgent({
    ...proxyEnv(options.env ?? process.env),
    connect: { timeout, ...tls },
    ...(options.ca ? { requestTls: tls } : {}),
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
}

let shared: Dispatcher | undefined;
/** The process-wide dispatcher for clients without TLS options of their own, made from process.env on first use. */
export function sharedDispatcher(): Dispatcher {
  shared ??= createDispatcher();
  return shared;
}

/**
 * A URL without its user info, and the Basic authorization the user info meant (`https://user:pass@host/x`).
 * Percent-escapes in the user info are decoded, as RFC 3986 §3.2.1 writes them.
 */
export function splitUrlCredentials(url: string | URL): { url: string; authorization?: string } {
  const u = new URL(url.toString());
  if (!u.username && !u.password) return { url: u.toString() };
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  u.username = '';
  u.password = '';
  return { url: u.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

/** The URL as it may be shown: no user info. Unparseable text is shown with any `user:pass@` removed. */
export function redactUrl(url: string | URL): string {
  try {
    const u = new URL(url.toString());
    if (!u.username && !u.password) return url.toString();
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return redactSecrets(String(url));
  }
}

export type HttpBody = string | Buffer | Uint8Array | FormData;

export interface HttpRequestInit {
  method?: HttpMethod;
  headers?: Record<string, string>;
  body?: HttpBody | undefined;
  signal?: AbortSignal | undefined;
  /** Headers and body idle time-out for this request, in ms. */
  timeoutMs?: number | undefined;
  dispatcher?: Dispatcher | undefined;
  /** Follow 301/302/303/307/308 (true by default), at most MAX_REDIRECTS hops. */
  followRedirects?: boolean;
}

export interface HttpResponse {
  statusCode: number;
  headers: Dispatcher.ResponseData['headers'];
  body: Dispatcher.ResponseData['body'];
  /** Where the answer came from, after redirects, without credentials. */
  url: string;
  /** How many attempts it took (1 without retries). */
  attempts: number;
}

/**
 * One HTTP exchange, following redirects. Credentials in the URL become a Basic Authorization header (unless the
 * caller sent one) and are removed from the URL; the Authorization header goes only to the origin it was meant for:
 * a redirect to another origin drops it (as fetch does, WHATWG Fetch §4.4 "HTTP-redirect fetch", step 13).
 */
export async function httpRequest(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
  const split = splitUrlCredentials(url);
  let current = split.url;
  let method: HttpMethod = init.method ?? 'GET';
  let headers: Record<string, string> = { 'user-agent': USER_AGENT, ...lowerKeys(init.headers ?? {}) };
  if (split.authorization && !headers.authorization) headers.authorization = split.authorization;
  let body = await bodyOf(init.body, headers);
  const timeout = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (let hop = 0; ; hop++) {
    const res = await request(current, {
      dispatcher: init.dispatcher ?? sharedDispatcher(),
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const location = headerValue(res.headers.location);
    if (init.followRedirects === false || ![301, 302, 303, 307, 308].includes(res.statusCode) || !location) {
      return { statusCode: res.statusCode, headers: res.headers, body: res.body, url: redactUrl(current), attempts: 1 };
    }
    await res.body.dump().catch(() => {});
    if (hop >= MAX_REDIRECTS) throw new RemoteError(`too many redirects (more than ${MAX_REDIRECTS}) for ${method} ${redactUrl(url)}`);
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new RemoteError(`${redactUrl(current)} redirected to a ${next.protocol} URL`);
    if (next.origin !== new URL(current).origin) {
      const { authorization: _dropped, ...rest } = headers;
      headers = rest;
    }
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
      const { 'content-type': _t, 'content-length': _l, ...rest } = headers;
      headers = rest;
    }
    // Credentials a Location carries are not sent: only the user's own URL may say who they are.
    next.username = '';
    next.password = '';
    current = next.toString();
  }
}

async function bodyOf(body: HttpBody | undefined, headers: Record<string, string>): Promise<string | Buffer | Uint8Array | undefined> {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body;
  // A FormData is encoded once, so that a retry or a redirect can send the same bytes again.
  const encoded = new Response(body);
  headers['content-type'] = encoded.headers.get('content-type')!;
  return Buffer.from(await encoded.arrayBuffer());
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = headerValue(value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const when = Date.parse(v);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries?: number | undefined;
  /** Back-off base: attempt n waits base·2ⁿ⁻¹ (±20 %), at most MAX_BACKOFF_MS, unless the server says Retry-After. */
  backoffMs?: number | undefined;
  /** The longest Retry-After honoured (longer ones are cut to it). */
  maxRetryAfterMs?: number | undefined;
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
  /** For the debug line of each retry. */
  what?: string;
}

/** Network errors that outlived the retries; `cause` is the last one. */
export class RetriesExhausted extends Error {
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(getErrorMessage(cause), { cause });
  }
}

/** Whether an answer is worth another try: 429 and 5xx (a 501 Not Implemented is not). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * Runs `send` until it answers something other than 429/5xx, or throws something other than a network error.
 * When the retries run out the last answer is returned as it is (its body unread, `attempts` set), so the caller
 * words the error; the last network error is thrown as RetriesExhausted. Aborting stops the wait at once.
 */
export interface RetryableAnswer {
  statusCode: number;
  headers: Dispatcher.ResponseData['headers'];
  body: { dump(): Promise<unknown> };
  attempts: number;
}

export async function withRetries<R extends RetryableAnswer>(send: () => Promise<R>, options: RetryOptions = {}): Promise<R> {
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const base = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    let wait: number | undefined;
    let why: string;
    try {
      const res = await send();
      if (!isRetryableStatus(res.statusCode) || attempt >= retries) return { ...res, attempts: attempt + 1 };
      await res.body.dump().catch(() => {});
      const after = retryAfterMs(res.headers['retry-after']);
      if (after !== undefined) wait = Math.min(after, options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS);
      why = `HTTP ${res.statusCode}`;
    } catch (error) {
      if (options.signal?.aborted || error instanceof ConfigurationError || error instanceof RemoteError) throw error;
      if (attempt >= retries) throw new RetriesExhausted(attempt + 1, error);
      why = getErrorMessage(error);
    }
    wait ??= Math.min(MAX_BACKOFF_MS, base * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    options.logger?.debug(`${options.what ? `${redactSecrets(options.what)}: ` : ''}${redactSecrets(why)}; retry ${attempt + 1}/${retries} in ${Math.round(wait)} ms`);
    await sleep(wait, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** A network error in words: a time-out names the limit, a socket error its code. No credentials. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error instanceof RetriesExhausted ? error.cause : error;
  if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError) {
    return `no answer within ${formatMs(timeoutMs)}`;
  }
  if (e instanceof DOMException && e.name === 'TimeoutError') return `no answer within ${formatMs(timeoutMs)}`;
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  const message = getErrorMessage(e);
  return redactSecrets(code && !message.includes(code) ? `${code}: ${message}` : message);
}

export function isTimeoutError(error: unknown): boolean {
  const e = error instanceof RetriesExhausted ? error.cause : error;
  return (
    e instanceof undiciErrors.HeadersTimeoutError ||
    e instanceof undiciErrors.BodyTimeoutError ||
    e instanceof undiciErrors.ConnectTimeoutError ||
    (e instanceof DOMException && e.name === 'TimeoutError')
  );
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Reads a whole body, refusing more than `maxBytes` (the stream is destroyed then). */
export async function readBody(body: HttpResponse['body'], maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
