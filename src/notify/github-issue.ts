/**
 * The `github_issue` channel: one issue per image (repository and manifest digest) and subscription, in a GitHub
 * repository, kept through the REST API.
 *
 * - The issue carries the label `portcullis` and, at the very end of its body, one hidden marker
 *   (`<!-- portcullis-issue {...} -->`) with a hash of the subscription and the image, the time of the state the body
 *   shows, and the idempotency keys (shortened) of the notifications it has taken. The issue is found again by
 *   listing the repository's open issues with that label (`GET /repos/{owner}/{repo}/issues`, which reads the
 *   issues themselves, not the search index that lags behind), oldest first.
 * - The store keeps each issue's number (table `github_issues`, keyed as the marker is: subscription, image repository
 *   and digest), so after a restart the next notification goes straight to its issue. A stored number is checked
 *   against the issue at each use (still open, the same marker); when it is missing (an issue opened before the table
 *   existed, or one whose answer was lost) or stale, the listing finds the issue and the number is stored again.
 * - The first notification of an image opens the issue; each later one adds a comment with the event and rewrites
 *   the body to the newest state (a late retry of an older notification adds its comment but leaves the newer state).
 * - Delivery is at least once, as for every channel (outbox.ts): a notification whose key is already in the marker
 *   is not sent again, and one whose issue was opened but whose answer was lost finds that issue at its retry.
 * - GitHub's errors go to the attempt log with GitHub's message. 5xx, 408, 409 and network errors are retried with
 *   the outbox's backoff; 429 and rate-limit 403s no sooner than GitHub says (`Retry-After`, else
 *   `x-ratelimit-reset`, else a minute); any other 4xx (401, 403, 404, 410, 422) is final.
 * - Bodies and comments stay under GitHub's 65,536 characters: lists are cut with "and N more".
 */

import { createHash } from 'node:crypto';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { SqlDb } from '../store/db.js';
import type { NotificationPayload } from './outbox.js';
import type { GitHubIssueConfig } from './subscriptions.js';

export const GITHUB_API_URL = 'https://api.github.com';
export const ISSUE_LABEL = 'portcullis';

/**
 * `serve --github-api-url URL`: GitHub's REST API root (GitHub Enterprise Server: `https://HOST/api/v3`). http or
 * https, with no credentials (the token comes from `token_env`), no query and no fragment; given without its
 * trailing slash.
 */
export function parseGitHubApiUrl(text: string, flag = '--github-api-url'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(`${flag} is not a URL (e.g. https://github.example.com/api/v3)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(`${flag} must be an http or https URL, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new ConfigurationError(`${flag} must not hold credentials; the token comes from the subscription's token_env`);
  if (url.search || url.hash) throw new ConfigurationError(`${flag} must not have a query or a fragment`);
  return url.href.replace(/\/+$/, '');
}
/** GitHub refuses longer issue and comment bodies (422 "body is too long"). */
export const BODY_LIMIT = 65_536;
const TITLE_LIMIT = 256;
/** Notification keys remembered in the marker (the newest). */
const KEPT_KEYS = 100;
const PER_PAGE = 100;
const MAX_PAGES = 100;
/** GitHub's advice for a secondary rate limit that says nothing about when: wait at least a minute. */
const RATE_LIMIT_DEFAULT_MS = 60_000;

/** One delivery's outcome. `retry`: `never` for a final failure; a number: wait at least this many ms. */
export interface SendResult {
  status: number | null;
  error: string | null;
  retry?: 'never' | number;
}

export interface GitHubContext {
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  apiUrl: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** `owner/name#marker` → issue number: learned from listings, always checked against the issue before use. */
  known: Map<string, number>;
  /** The store, where issue numbers are kept across restarts (table `github_issues`); without it, memory only. */
  db?: SqlDb;
}

/** What names an image's issue for one subscription: the parts of its marker. */
export interface IssueKey {
  subscription_id: string;
  /** The image's repository; '' when it has none (as in the marker). */
  image_repository: string;
  image_digest: string;
}

export function issueKey(payload: Pick<NotificationPayload, 'subscription_id' | 'image'>): IssueKey {
  return { subscription_id: payload.subscription_id, image_repository: payload.image.repository ?? '', image_digest: payload.image.manifest_digest };
}

/** The issue numbers the store keeps: one row per (subscription, image repository, digest). */
export class StoredIssueNumbers {
  constructor(private readonly db: SqlDb) {}

  /** The stored number of this image's issue in `repository`, if any. */
  async get(key: IssueKey, repository: string): Promise<number | undefined> {
    const rows = await this.db.query<{ github_repository: string; issue_number: number | string }>(
      'SELECT github_repository, issue_number FROM github_issues WHERE subscription_id = $1 AND image_repository = $2 AND image_digest = $3',
      [key.subscription_id, key.image_repository, key.image_digest],
    );
    const row = rows[0];
    return row && row.github_repository === repository ? Number(row.issue_number) : undefined;
  }

  async set(key: IssueKey, repository: string, issue: number): Promise<void> {
    await this.db.query(
      `INSERT INTO github_issues (subscription_id, image_repository, image_digest, github_repository, issue_number, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (subscription_id, image_repository, image_digest)
       DO UPDATE SET github_repository = excluded.github_repository, issue_number = excluded.issue_number, updated_at = excluded.updated_at`,
      [key.subscription_id, key.image_repository, key.image_digest, repository, issue, new Date().toISOString()],
    );
  }

  /** Forgets a number that no longer holds (the issue was closed, deleted or lost its marker). */
  async forget(key: IssueKey, issue: number): Promise<void> {
    await this.db.query('DELETE FROM github_issues WHERE subscription_id = $1 AND image_repository = $2 AND image_digest = $3 AND issue_number = $4', [
      key.subscription_id,
      key.image_repository,
      key.image_digest,
      issue,
    ]);
  }
}

interface IssueJson {
  number: number;
  state?: string;
  body?: string | null;
  labels?: (string | { name?: string })[];
  pull_request?: unknown;
}

export interface IssueMarker {
  /** The image and subscription: `imageMarker`. */
  image: string;
  /** `created_at` of the notification whose state the body shows. */
  at: string;
  /** Shortened idempotency keys of the notifications this issue has taken, oldest first. */
  delivered: string[];
}

class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retry: SendResult['retry'],
  ) {
    super(message);
  }
}

/** The hash that names an image's issue for one subscription. */
export function imageMarker(payload: Pick<NotificationPayload, 'subscription_id' | 'image'>): string {
  return createHash('sha256').update(`${payload.subscription_id}\n${payload.image.repository ?? ''}\n${payload.image.manifest_digest}`).digest('hex').slice(0, 32);
}

const shortKey = (key: string): string => key.slice(0, 32);

const MARKER_RE = /<!-- portcullis-issue (\{[^<>]*\}) -->\s*$/;

/** The marker at the end of an issue body, if it has a well-formed one. */
export function parseMarker(body: string | null | undefined): IssueMarker | undefined {
  const m = MARKER_RE.exec(body ?? '');
  if (!m) return undefined;
  try {
    const j = JSON.parse(m[1]!) as Partial<IssueMarker>;
    if (typeof j.image !== 'string' || typeof j.at !== 'string' || !Array.isArray(j.delivered) || !j.delivered.every((k) => typeof k === 'string')) return undefined;
    return { image: j.image, at: j.at, delivered: j.delivered };
  } catch {
    return undefined;
  }
}

function renderMarker(m: IssueMarker): string {
  return `<!-- portcullis-issue ${JSON.stringify({ image: m.image, at: m.at, delivered: m.delivered.slice(-KEPT_KEYS) })} -->`;
}

/** Room kept at the end of a body for the longest marker, so that adding keys never takes it over the limit. */
const MARKER_ROOM = renderMarker({ image: '0'.repeat(32), at: '0'.repeat(40), delivered: Array.from({ length: KEPT_KEYS }, () => '0'.repeat(32)) }).length + 2;

/** Inline code that nothing in it can break out of (no backticks, no newlines), so no mention or markup works. */
function code(s: string, max = 300): string {
  const t = s.replace(/[`\r\n\t]/g, ' ').slice(0, max);
  return `\`${t || ' '}\``;
}

function imageName(p: NotificationPayload): string {
  const repo = p.image.repository ?? p.image.manifest_digest;
  return p.image.tag ? `${repo}:${p.image.tag}` : repo;
}

export function issueTitle(p: NotificationPayload): string {
  const t = `Portcullis ${p.decision.after}: ${imageName(p)} (${p.image.manifest_digest.slice(0, 19)})`;
  return t.length > TITLE_LIMIT ? `${t.slice(0, TITLE_LIMIT - 1)}…` : t;
}

function evaluationLink(p: NotificationPayload, channel: GitHubIssueConfig): string {
  const path = `/v2/evaluations/${encodeURIComponent(p.evaluation.id)}`;
  return channel.store_url ? `[${code(p.evaluation.id)}](${channel.store_url.replace(/\/+$/, '')}${path})` : `${code(`GET ${path}`)} on the store`;
}

function decisionText(p: NotificationPayload): string {
  return `${p.decision.before ?? 'none'} → **${p.decision.after}**`;
}

/** The lists of a payload, each cut at `cap` entries. */
function sections(p: NotificationPayload, cap: number, heading: string): string[] {
  const list = <T>(title: string, items: readonly T[], line: (x: T) => string): string[] => {
    if (!items.length) return [];
    const shown = items.slice(0, cap).map(line);
    const more = items.length - shown.length;
    return ['', `${heading} ${title} (${items.length})`, '', ...shown, ...(more > 0 ? [`- and ${more} more`] : [])];
  };
  const vuln = (v: NotificationPayload['vulnerabilities']['added'][number]): string => {
    const aliases = v.aliases.slice(0, 10).map((a) => code(a, 100));
    const moreAliases = v.aliases.length - aliases.length;
    return `- ${code(v.id, 100)}${aliases.length ? ` (${aliases.join(', ')}${moreAliases > 0 ? ` and ${moreAliases} more` : ''})` : ''} in ${code(v.package, 200)}${v.severity ? `, ${code(v.severity, 20)}` : ''}`;
  };
  const trigger = (t: NotificationPayload['triggers']['added'][number]): string => `- ${code(t.key, 200)} ${code(t.action, 20)}${t.message ? `: ${code(t.message, 300)}` : ''}`;
  return [
    ...list('Vulnerabilities added', p.vulnerabilities.added, vuln),
    ...list('Vulnerabilities removed', p.vulnerabilities.removed, vuln),
    ...list('Triggers added', p.triggers.added, trigger),
    ...list('Triggers removed', p.triggers.removed, trigger),
  ];
}

/** The longest rendering (lists cut at 100, 50, … 0 entries) that fits in `limit` characters. */
function fit(render: (cap: number) => string, limit: number): string {
  for (const cap of [100, 50, 20, 10, 5, 1, 0]) {
    const text = render(cap);
    if (text.length <= limit) return text;
  }
  return render(0).slice(0, limit);
}

function facts(p: NotificationPayload, channel: GitHubIssueConfig): string[] {
  return [
    `- **Event:** ${code(p.event)}, reason ${code(p.evaluation.reason)}, at ${p.created_at}`,
    `- **Image:** ${code(p.image.repository ?? '(none)')}`,
    `- **Tag:** ${code(p.image.tag ?? '(none)')}`,
    `- **Manifest digest:** ${code(p.image.manifest_digest)}`,
    `- **Decision:** ${decisionText(p)}`,
    `- **Evaluation:** ${evaluationLink(p, channel)}`,
  ];
}

/** The issue body: the image's newest state, then the marker. */
export function issueBody(p: NotificationPayload, channel: GitHubIssueConfig, marker: IssueMarker): string {
  const tail = `\n\n${renderMarker(marker)}`;
  return (
    fit(
      (cap) =>
        [
          `Portcullis keeps this issue up to date for one image of the store; each later notification adds a comment.`,
          '',
          ...facts(p, channel),
          ...sections(p, cap, '###'),
        ].join('\n'),
      BODY_LIMIT - MARKER_ROOM,
    ) + tail
  );
}

/** A comment for one notification on an existing issue. */
export function commentBody(p: NotificationPayload, channel: GitHubIssueConfig): string {
  const tail = `\n\n<!-- portcullis-notification ${shortKey(p.idempotency_key)} -->`;
  return fit((cap) => [`**${p.event}**: ${decisionText(p)}`, '', ...facts(p, channel), ...sections(p, cap, '####')].join('\n'), BODY_LIMIT - tail.length) + tail;
}

function retryAfterMs(status: number, headers: Headers, message: string, now: number): SendResult['retry'] {
  const after = headers.get('retry-after');
  const afterMs = after !== null && /^\d+$/.test(after.trim()) ? Number(after) * 1000 : after ? Math.max(0, Date.parse(after) - now) || undefined : undefined;
  const exhausted = headers.get('x-ratelimit-remaining') === '0';
  const reset = Number(headers.get('x-ratelimit-reset'));
  const resetMs = exhausted && Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
  const rateLimited = status === 429 || (status === 403 && (afterMs !== undefined || exhausted || /rate limit/i.test(message)));
  if (rateLimited) return afterMs ?? resetMs ?? RATE_LIMIT_DEFAULT_MS;
  if (status >= 500 || status === 408 || status === 409) return afterMs;
  return 'never';
}

function githubMessage(json: unknown, text: string): string {
  if (json && typeof json === 'object') {
    const j = json as { message?: unknown; errors?: unknown };
    const errors = Array.isArray(j.errors)
      ? j.errors
          .map((e: unknown) => {
            if (typeof e === 'string') return e;
            const x = (e ?? {}) as Record<string, unknown>;
            return typeof x.message === 'string' ? x.message : [x.resource, x.field, x.code].filter((v) => typeof v === 'string').join(' ');
          })
          .filter(Boolean)
      : [];
    if (typeof j.message === 'string') return `${j.message}${errors.length ? ` (${errors.join('; ')})` : ''}`;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'no message';
}

class GitHubClient {
  readonly stored: StoredIssueNumbers | undefined;

  constructor(
    readonly ctx: GitHubContext,
    readonly token: string,
    readonly repository: string,
  ) {
    this.stored = ctx.db ? new StoredIssueNumbers(ctx.db) : undefined;
  }

  async call<T>(method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: T }> {
    const url = new URL(`${this.ctx.apiUrl.replace(/\/+$/, '')}/repos/${this.repository}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const signals = [AbortSignal.timeout(this.ctx.timeoutMs), ...(this.ctx.signal ? [this.ctx.signal] : [])];
    const res = await this.ctx.fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'portcullis-store',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.any(signals),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const message = githubMessage(json, text);
      throw new GitHubApiError(res.status, `GitHub answered ${res.status} to ${method} /repos/${this.repository}${path}: ${message}`.slice(0, 1000), retryAfterMs(res.status, res.headers, message, Date.now()));
    }
    return { status: res.status, json: json as T };
  }

  /** Issue `number` if it is still this image's open issue; undefined if not (closed, gone, another marker). */
  async #check(number: number, image: string): Promise<{ issue: IssueJson; marker: IssueMarker } | undefined> {
    try {
      const { json } = await this.call<IssueJson>('GET', `/issues/${number}`);
      const marker = parseMarker(json.body);
      if (json.state === 'open' && marker?.image === image) return { issue: json, marker };
    } catch (e) {
      if (!(e instanceof GitHubApiError) || (e.status !== 404 && e.status !== 410)) throw e;
    }
    return undefined;
  }

  /**
   * The open issue with this marker: the stored number if it still holds, else the one remembered from a listing,
   * else the oldest listed. The number found is stored.
   */
  async find(image: string, key: IssueKey): Promise<{ issue: IssueJson; marker: IssueMarker } | undefined> {
    const stored = await this.stored?.get(key, this.repository);
    if (stored !== undefined) {
      const found = await this.#check(stored, image);
      if (found) return found;
      await this.stored!.forget(key, stored);
    }
    const found = await this.#findListed(image);
    // Not stored (a database error) is no loss: the listing finds it again next time.
    if (found) await this.stored?.set(key, this.repository, found.issue.number).catch(() => undefined);
    return found;
  }

  async #findListed(image: string): Promise<{ issue: IssueJson; marker: IssueMarker } | undefined> {
    const cacheKey = (m: string) => `${this.repository}#${m}`;
    const known = this.ctx.known.get(cacheKey(image));
    if (known !== undefined) {
      const found = await this.#check(known, image);
      if (found) return found;
      this.ctx.known.delete(cacheKey(image));
    }
    let found: { issue: IssueJson; marker: IssueMarker } | undefined;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { json } = await this.call<IssueJson[]>('GET', '/issues', {
        state: 'open',
        labels: ISSUE_LABEL,
        sort: 'created',
        direction: 'asc',
        per_page: String(PER_PAGE),
        page: String(page),
      });
      if (!Array.isArray(json)) throw new Error(`GitHub's list of issues of ${this.repository} is not a list`);
      for (const issue of json) {
        if (issue.pull_request) continue;
        const marker = parseMarker(issue.body);
        if (!marker) continue;
        if (!this.ctx.known.has(cacheKey(marker.image))) this.ctx.known.set(cacheKey(marker.image), issue.number);
        if (!found && marker.image === image) found = { issue, marker };
      }
      if (found || json.length < PER_PAGE) return found;
    }
    throw new Error(`more than ${MAX_PAGES * PER_PAGE} open issues labelled ${ISSUE_LABEL} in ${this.repository}`);
  }
}

/** Delivers one notification to its image's issue. */
export async function sendGitHubIssue(channel: GitHubIssueConfig, payload: NotificationPayload, ctx: GitHubContext): Promise<SendResult> {
  const token = ctx.env[channel.token_env];
  if (!token) return { status: null, error: `the environment variable ${channel.token_env} (github_issue.token_env) is not set in the store process` };
  const client = new GitHubClient(ctx, token, channel.repository);
  const image = imageMarker(payload);
  const key = shortKey(payload.idempotency_key);
  try {
    const found = await client.find(image, issueKey(payload));
    if (!found) {
      const marker: IssueMarker = { image, at: payload.created_at, delivered: [key] };
      const { status, json } = await client.call<IssueJson>('POST', '/issues', {}, { title: issueTitle(payload), body: issueBody(payload, channel, marker), labels: [ISSUE_LABEL] });
      if (typeof json?.number === 'number') {
        ctx.known.set(`${channel.repository}#${image}`, json.number);
        // Not stored (a database error) is no loss: the next notification finds the issue by its marker.
        await client.stored?.set(issueKey(payload), channel.repository, json.number).catch(() => undefined);
      }
      return { status, error: null };
    }
    const { issue, marker } = found;
    if (marker.delivered.includes(key)) return { status: 200, error: null };
    await client.call('POST', `/issues/${issue.number}/comments`, {}, { body: commentBody(payload, channel) });
    const delivered = [...marker.delivered, key];
    const newer = payload.created_at >= marker.at;
    const update = newer
      ? { title: issueTitle(payload), body: issueBody(payload, channel, { image, at: payload.created_at, delivered }) }
      : { body: (issue.body ?? '').replace(MARKER_RE, renderMarker({ ...marker, delivered })) };
    const { status } = await client.call('PATCH', `/issues/${issue.number}`, {}, update);
    return { status, error: null };
  } catch (e) {
    if (e instanceof GitHubApiError) return { status: e.status, error: e.message, ...(e.retry !== undefined ? { retry: e.retry } : {}) };
    return { status: null, error: getErrorMessage(e) };
  }
}
