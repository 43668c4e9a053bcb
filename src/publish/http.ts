/** The HTTP client every sink shares: auth, an account header, a timeout, and precise errors. */

import { getErrorMessage, RemoteError } from '../common/errors.js';

export type HttpAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export interface HttpTarget {
  /** Base URL of the server (`https://anchore.example:8228`, `http://127.0.0.1:8080`). Paths are appended. */
  url: string;
  auth?: HttpAuth;
  /** Anchore's `x-anchore-account` header. */
  account?: string;
  /** Per-request timeout, in ms (30 s by default). */
  timeoutMs?: number;
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

/** Sends one request; network failures become RemoteError without a status. Never throws on an HTTP status. */
export async function send(
  target: HttpTarget,
  method: string,
  path: string,
  init: { body?: FormData | string | Uint8Array; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<HttpResponse> {
  const url = joinUrl(target.url, path);
  const timeout = AbortSignal.timeout(target.timeoutMs ?? 30_000);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...authHeaders(target), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal,
    });
  } catch (error) {
    throw new RemoteError(`${method} ${url}: ${getErrorMessage(error)}`, { cause: error });
  }
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
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
  return new RemoteError(`${method} ${joinUrl(target.url, path)}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`, { status: res.status });
}
