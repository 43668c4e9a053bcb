/** The HTTP client every sink shares (over src/common/http.ts): auth, an account header, a timeout, retries, and precise errors. */

import { RemoteError } from '../common/errors.js';
import { describeNetworkError, httpRequest, redactUrl, RetriesExhausted, withRetries, type HttpMethod } from '../common/http.js';

export type HttpAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export interface HttpTarget {
  /** Base URL of the server (`https://anchore.example:8228`, `http://127.0.0.1:8080`). Paths are appended. */
  url: string;
  auth?: HttpAuth;
  /** Anchore's `x-anchore-account` header. */
  account?: string;
  /** Per-request timeout, in ms (30 s by default). */
  timeoutMs?: number;
  /** Retries of a repeatable request on 429, 5xx and network errors (2 by default). */
  retries?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = unknown>(): T;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function authHeaders(target: HttpTarget): Record<string, string> {
  const h: Record<string, string> = {};
  if (target.auth?.kind === 'bearer') h.authorization = `Bearer ${target.auth.token}`;
  if (target.auth?.kind === 'basic') {
    h.authorization = `Basic ${Buffer.from(`${target.auth.username}:${target.auth.password}`).toString('base64')}`;
  }
  if (target.account) h['x-anchore-account'] = target.account;
  return h;
}

/**
 * Sends one request through the shared HTTP module (proxy variables, time-out, redirects). Requests that are safe to
 * repeat (GET, HEAD, PUT, or a POST with an Idempotency-Key) are retried on 429, 5xx and network errors, with
 * Retry-After honoured. Network failures become a RemoteError without a status. Never throws on an HTTP status.
 */
export async function send(
  target: HttpTarget,
  method: string,
  path: string,
  init: { body?: FormData | string | Uint8Array; headers?: Record<string, string>; signal?: AbortSignal; retries?: number; backoffMs?: number } = {},
): Promise<HttpResponse> {
  const url = joinUrl(target.url, path);
  const shown = redactUrl(url);
  const timeoutMs = target.timeoutMs ?? 30_000;
  const headers = { ...authHeaders(target), ...init.headers };
  const repeatable = method === 'GET' || method === 'HEAD' || method === 'PUT' || Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');
  const attempt = async () => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const res = await httpRequest(url, { method: method as HttpMethod, headers, body: init.body, signal, timeoutMs });
    return { ...res, bytes: Buffer.from(await res.body.arrayBuffer()), body: { dump: async () => undefined } };
  };
  let res: Awaited<ReturnType<typeof attempt>>;
  try {
    res = await withRetries(attempt, { retries: repeatable ? (init.retries ?? target.retries ?? 2) : 0, backoffMs: init.backoffMs ?? 500, signal: init.signal, what: `${method} ${shown}` });
  } catch (error) {
    if (error instanceof RemoteError) throw error;
    const cause = error instanceof RetriesExhausted ? error.cause : error;
    const tries = error instanceof RetriesExhausted && error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
    throw new RemoteError(`${method} ${shown}: ${describeNetworkError(cause, timeoutMs)}${tries}`, { cause });
  }
  const body = res.bytes;
  const responseHeaders = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) responseHeaders.append(k, one);
  }
  return {
    status: res.statusCode,
    headers: responseHeaders,
    body,
    json<T>() {
      return JSON.parse(body.toString('utf8')) as T;
    },
  };
}

/** A RemoteError for an unexpected status, quoting the server's message when it sent one. */
export function statusError(method: string, target: HttpTarget, path: string, res: HttpResponse): RemoteError {
  let detail = res.body.toString('utf8').slice(0, 300).trim();
  try {
    const parsed = JSON.parse(detail) as { message?: unknown; detail?: unknown };
    if (typeof parsed.message === 'string') detail = parsed.message;
  } catch {
    // keep the raw text
  }
  return new RemoteError(`${method} ${redactUrl(joinUrl(target.url, path))}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`, { status: res.status });
}
