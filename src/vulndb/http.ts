import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
import { request } from 'undici';
import { RemoteError, getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { FetchContext, ProviderOptions, SourceState } from './provider.js';

export interface ConditionalGetOptions {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Whole-request time-out (headers and body) in ms. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. */
  retries?: number | undefined;
  /** Back-off base in ms: attempt n waits base·2ⁿ⁻¹ (or the server's Retry-After, capped at 30 s). */
  backoffMs?: number | undefined;
  signal?: AbortSignal | undefined;
  logger?: Logger | undefined;
  /** Extra request headers (NVD's `apiKey`). */
  headers?: Readonly<Record<string, string>> | undefined;
}

export type ConditionalGetResult =
  | { status: 200; body: Buffer; etag?: string; lastModified?: string }
  | { status: 304; etag?: string; lastModified?: string }
  | { status: 404 };

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 1_000;
const MAX_WAIT_MS = 30_000;

class RetryableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * A GET with `If-None-Match` / `If-Modified-Since`, retried with exponential back-off on 429, 5xx, time-outs and
 * network errors. 404 is an answer (the ecosystem is not in the bucket); any other status is a RemoteError.
 */
export async function conditionalGet(url: string, options: ConditionalGetOptions = {}): Promise<ConditionalGetResult> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  let last: RetryableError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const wait = Math.min(last?.retryAfterMs ?? backoff * 2 ** (attempt - 1), MAX_WAIT_MS);
      options.logger?.debug(`${url}: ${last?.message ?? 'failed'}; retry ${attempt}/${retries} in ${wait} ms`);
      await sleep(wait, undefined, { signal: options.signal });
    }
    try {
      return await attemptGet(url, options);
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      last = error;
    }
  }
  throw new RemoteError(`GET ${url} failed after ${retries + 1} attempt(s): ${last?.message ?? 'unknown error'}`, { status: last?.status });
}

async function attemptGet(url: string, options: ConditionalGetOptions): Promise<ConditionalGetResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { 'user-agent': 'portcullis', ...options.headers };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    const res = await request(url, { method: 'GET', headers, signal });
    const etag = header(res.headers.etag);
    const lastModified = header(res.headers['last-modified']);
    if (res.statusCode === 200) {
      const body = Buffer.from(await res.body.arrayBuffer());
      return { status: 200, body, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    }
    await res.body.dump().catch(() => undefined);
    if (res.statusCode === 304) return { status: 304, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (res.statusCode === 404) return { status: 404 };
    if (res.statusCode === 429 || res.statusCode >= 500) {
      throw new RetryableError(`HTTP ${res.statusCode}`, res.statusCode, retryAfter(header(res.headers['retry-after'])));
    }
    throw new RemoteError(`GET ${url}: HTTP ${res.statusCode}`, { status: res.statusCode });
  } catch (error) {
    if (error instanceof RetryableError || error instanceof RemoteError) throw error;
    if (options.signal?.aborted) throw error;
    if (timeout.aborted) throw new RetryableError(`timed out after ${timeoutMs} ms`);
    throw new RetryableError(getErrorMessage(error));
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The bytes of a body or a file stream, gunzipped when they start with the gzip magic (`.json.gz`, `.csv.gz`
 * feeds are served as gzip files, not with a Content-Encoding), else as they are. Streams: nothing is buffered whole.
 */
export async function* decodedChunks(input: Buffer | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = (Buffer.isBuffer(input) ? Readable.from([input]) : input)[Symbol.asyncIterator]();
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const source = Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
  );
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/**
 * A provider's conditional GET: the stored source's validators are sent only when it was fetched from this same URL
 * (a stored state from another URL is not a valid condition for this one); time-out, retries and back-off come from
 * the provider options, the signal and logger from the fetch context.
 */
export function sourceGet(url: string, prev: SourceState | undefined, options: ProviderOptions, ctx: FetchContext, extra: Pick<ConditionalGetOptions, 'headers'> = {}): Promise<ConditionalGetResult> {
  const same = prev?.location === url;
  return conditionalGet(url, {
    etag: same ? prev.etag : undefined,
    lastModified: same ? prev.lastModified : undefined,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    backoffMs: options.backoffMs,
    signal: ctx.signal,
    logger: ctx.logger,
    ...extra,
  });
}
