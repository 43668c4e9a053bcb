import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { headerValue, httpRequest, isTimeoutError, redactUrl, RetriesExhausted, withRetries, describeNetworkError } from '../common/http.js';
import { RemoteError } from '../common/errors.js';
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

/**
 * A GET with `If-None-Match` / `If-Modified-Since`, through the shared HTTP module: retried with exponential
 * back-off on 429, 5xx, time-outs and network errors (Retry-After honoured), redirects followed (the Authorization
 * header kept on the same origin only), credentials in the URL sent as Basic auth and never shown. 404 is an answer
 * (the ecosystem is not in the bucket); any other status is a RemoteError.
 */
export async function conditionalGet(url: string, options: ConditionalGetOptions = {}): Promise<ConditionalGetResult> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shown = redactUrl(url);
  const headers: Record<string, string> = { ...options.headers };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const attempt = async () => {
    // The time-out covers the whole exchange, body included, for each attempt.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const res = await httpRequest(url, { headers, signal, timeoutMs });
    const bytes = res.statusCode === 200 ? await readWithProgress(res.body, headerValue(res.headers['content-length']), shown, options.logger) : undefined;
    return { ...res, bytes };
  };
  let res: Awaited<ReturnType<typeof attempt>>;
  try {
    res = await withRetries(attempt, { retries, backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS, maxRetryAfterMs: MAX_WAIT_MS, signal: options.signal, logger: options.logger, what: `GET ${shown}` });
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) throw error;
    const why = isTimeoutError(error) ? `timed out after ${timeoutMs} ms` : describeNetworkError(error, timeoutMs);
    throw new RemoteError(`GET ${shown} failed after ${error.attempts} attempt(s): ${why}`, { cause: error.cause });
  }
  const etag = headerValue(res.headers.etag);
  const lastModified = headerValue(res.headers['last-modified']);
  const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  if (res.statusCode === 200) return { status: 200, body: res.bytes!, ...validators };
  await res.body.dump().catch(() => undefined);
  if (res.statusCode === 304) return { status: 304, ...validators };
  if (res.statusCode === 404) return { status: 404 };
  if (res.statusCode === 429 || res.statusCode >= 500) {
    throw new RemoteError(`GET ${shown} failed after ${res.attempts} attempt(s): HTTP ${res.statusCode}`, { status: res.statusCode });
  }
  throw new RemoteError(`GET ${shown}: HTTP ${res.statusCode}`, { status: res.statusCode });
}

/** The whole body; with a logger that draws progress, the bytes so far against Content-Length, as they come. */
async function readWithProgress(body: AsyncIterable<Buffer> & { arrayBuffer(): Promise<ArrayBuffer> }, length: string | undefined, shown: string, logger: Logger | undefined): Promise<Buffer> {
  if (!logger?.progress) return Buffer.from(await body.arrayBuffer());
  const total = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  const task = `download:${shown}`;
  const label = `downloading ${shown.replace(/^https?:\/\/[^/]+\//, '')}`;
  const chunks: Buffer[] = [];
  let done = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      done += chunk.length;
      logger.progress({ task, label, done, ...(total !== undefined ? { total } : {}), unit: 'bytes' });
    }
  } finally {
    logger.progress({ task, label, end: true });
  }
  return Buffer.concat(chunks);
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

/** The location a source state keeps on disk: a URL without its credentials (a path as it is). */
export function storedLocation(location: string): string {
  return redactUrl(location);
}

/** Whether a stored state's location is this URL (the stored one has no credentials). */
export function sameLocation(stored: string | undefined, url: string): stored is string {
  return stored !== undefined && (stored === url || stored === storedLocation(url));
}

/**
 * A provider's conditional GET: the stored source's validators are sent only when it was fetched from this same URL
 * (a stored state from another URL is not a valid condition for this one); time-out, retries and back-off come from
 * the provider options, the signal and logger from the fetch context.
 */
export function sourceGet(url: string, prev: SourceState | undefined, options: ProviderOptions, ctx: FetchContext, extra: Pick<ConditionalGetOptions, 'headers'> = {}): Promise<ConditionalGetResult> {
  const same = sameLocation(prev?.location, url);
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
