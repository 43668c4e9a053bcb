/**
 * The notification outbox. Notifications are written in the same transaction as the evaluation that causes them
 * (so none is lost between the two), one row per subscription and event, keyed by an idempotency key that is also
 * in the payload (a receiver drops repeats). A deliverer sends what is due: it leases a row (`locked_until`), posts
 * it, and records the attempt; a failure is retried with exponential backoff until `maxAttempts` (sooner given up
 * when the channel says retrying cannot help, later when it says when to come back). A process that dies
 * mid-delivery leaves the lease to expire, and the next deliverer (after a restart) sends it again: delivery is at
 * least once. How each channel kind sends is the SENDERS table.
 */

import { createHash, createHmac, randomUUID } from 'node:crypto';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { matchesPattern } from '../policy/match.js';
import type { SqlDb, SqlExecutor } from '../store/db.js';
import type { EvaluationRecord } from '../store/repo.js';
import type { EvaluationDiff } from '../store/evaluation-diff.js';
import type { JobQueue } from '../store/jobs/queue.js';
import { GITHUB_API_URL, sendGitHubIssue, type GitHubContext, type SendResult } from './github-issue.js';
import { Subscriptions, type Channel, type NotificationEvent, type Subscription } from './subscriptions.js';

export type { SendResult } from './github-issue.js';

export const SIGNATURE_HEADER = 'x-portcullis-signature';

export interface NotificationPayload {
  event: NotificationEvent;
  idempotency_key: string;
  created_at: string;
  subscription_id: string;
  image: { repository: string | null; tag: string | null; manifest_digest: string };
  evaluation: { id: string; reason: string; previous_id: string | null; previous_image_digest: string | null };
  decision: { before: string | null; after: string };
  vulnerabilities: EvaluationDiff['vulnerabilities'];
  triggers: EvaluationDiff['triggers'];
}

/** The events an evaluation gives rise to. */
export function eventsOf(record: EvaluationRecord, previous: EvaluationRecord | undefined): NotificationEvent[] {
  const d = record.diff;
  const events: NotificationEvent[] = [];
  if (record.reason === 'push' || record.reason === 'watch') events.push('analysis_update');
  if (previous && previous.image_digest !== record.image_digest) events.push('tag_update');
  if (d && (d.vulnerabilities.added.length || d.vulnerabilities.removed.length)) events.push('vuln_update');
  if (d && d.decision.before !== d.decision.after) events.push('policy_eval');
  return events;
}

function selects(sub: Subscription, record: EvaluationRecord): boolean {
  if (sub.filter.repository && !matchesPattern(sub.filter.repository, record.repository ?? '')) return false;
  if (sub.filter.tag && !matchesPattern(sub.filter.tag, record.tag ?? '')) return false;
  return true;
}

/** The evaluation hook: enqueues, in the evaluation's transaction, one notification per subscription and event. */
export function outboxHook(): (tx: SqlExecutor, record: EvaluationRecord, previous: EvaluationRecord | undefined) => Promise<void> {
  return async (tx, record, previous) => {
    const events = eventsOf(record, previous);
    if (!events.length) return;
    const subs = (await new Subscriptions(tx).list(tx)).filter((s) => selects(s, record));
    const now = new Date().toISOString();
    for (const sub of subs) {
      for (const event of sub.events.filter((e) => events.includes(e))) {
        const key = createHash('sha256').update(`${sub.id}\n${event}\n${record.id}`).digest('hex');
        const payload: NotificationPayload = {
          event,
          idempotency_key: key,
          created_at: now,
          subscription_id: sub.id,
          image: { repository: record.repository, tag: record.tag, manifest_digest: record.image_digest },
          evaluation: { id: record.id, reason: record.reason, previous_id: previous?.id ?? null, previous_image_digest: previous?.image_digest ?? null },
          decision: record.diff?.decision ?? { before: previous?.decision ?? null, after: record.decision },
          vulnerabilities: record.diff?.vulnerabilities ?? { added: [], removed: [] },
          triggers: record.diff?.triggers ?? { added: [], removed: [] },
        };
        await tx.query(
          `INSERT INTO notifications (id, idempotency_key, subscription_id, event, evaluation_id, payload, state, attempts, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
          [randomUUID(), key, sub.id, event, record.id, JSON.stringify(payload), now],
        );
      }
    }
  };
}

export function sign(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

type PostChannel = Extract<Channel, { kind: 'webhook' | 'slack' }>;

/** The body a channel receives: the payload itself for a webhook; a short text for Slack. */
export function bodyFor(channel: PostChannel, payload: NotificationPayload): string {
  if (channel.kind === 'webhook') return JSON.stringify(payload);
  const name = `${payload.image.repository ?? payload.image.manifest_digest}${payload.image.tag ? `:${payload.image.tag}` : ''}`;
  const added = payload.vulnerabilities.added.map((v) => v.id);
  const removed = payload.vulnerabilities.removed.map((v) => v.id);
  const parts = [
    `*${payload.event}* ${name} (${payload.image.manifest_digest.slice(0, 19)}…): ${payload.decision.before ?? 'none'} → ${payload.decision.after} (${payload.evaluation.reason})`,
    ...(added.length ? [`new: ${added.slice(0, 20).join(', ')}${added.length > 20 ? ` and ${added.length - 20} more` : ''}`] : []),
    ...(removed.length ? [`gone: ${removed.slice(0, 20).join(', ')}${removed.length > 20 ? ` and ${removed.length - 20} more` : ''}`] : []),
  ];
  return JSON.stringify({ text: parts.join('\n') });
}

export interface DelivererOptions {
  db: SqlDb;
  logger?: Logger;
  /** How often the outbox is polled when idle. */
  pollMs?: number;
  /** The first retry waits this long; each next one twice as long, up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  maxAttempts?: number;
  /** Per request. */
  timeoutMs?: number;
  /** How long a row is leased to one delivery before another may take it (a dead process's lease expires). */
  leaseMs?: number;
  fetch?: typeof fetch;
  /** Where `github_issue.token_env` is read at delivery (default: the process's environment). */
  env?: NodeJS.ProcessEnv;
  /** GitHub's REST API (default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3). */
  githubApiUrl?: string;
  /**
   * Replicas (a store on PostgreSQL): each due notification is sent to this queue (pg-boss, one queued delivery
   * per notification) and delivered by whichever replica takes it; without it, this process delivers them itself.
   * The row's lease stays the guard against sending one twice at once.
   */
  queue?: JobQueue;
}

interface SendContext {
  fetch: typeof fetch;
  timeoutMs: number;
  signal: AbortSignal;
  github: GitHubContext;
}

type Sender<K extends Channel['kind']> = (channel: Extract<Channel, { kind: K }>, payload: NotificationPayload, ctx: SendContext) => Promise<SendResult>;

/** A webhook or Slack: one POST of the body; any non-2xx answer and any network error is retried. */
async function post(channel: PostChannel, payload: NotificationPayload, ctx: SendContext): Promise<SendResult> {
  const body = bodyFor(channel, payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'portcullis-store',
    'x-portcullis-event': payload.event,
    'x-portcullis-delivery': payload.idempotency_key,
    'idempotency-key': payload.idempotency_key,
  };
  if (channel.kind === 'webhook' && channel.secret) headers[SIGNATURE_HEADER] = sign(channel.secret, body);
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(ctx.timeoutMs), ctx.signal]);
    const res = await ctx.fetch(channel.url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, error: res.status < 200 || res.status >= 300 ? `HTTP ${res.status}` : null };
  } catch (e) {
    return { status: null, error: getErrorMessage(e) };
  }
}

/** How each kind of channel sends one notification. */
const SENDERS: { [K in Channel['kind']]: Sender<K> } = {
  webhook: post,
  slack: post,
  github_issue: (channel, payload, ctx) => sendGitHubIssue(channel, payload, ctx.github),
};

/** Where a channel sends, for log lines (never a secret). */
const WHERE: { [K in Channel['kind']]: (channel: Extract<Channel, { kind: K }>) => string } = {
  webhook: (c) => new URL(c.url).host,
  slack: (c) => new URL(c.url).host,
  github_issue: (c) => `GitHub ${c.repository}`,
};

function send(channel: Channel, payload: NotificationPayload, ctx: SendContext): Promise<SendResult> {
  return (SENDERS[channel.kind] as Sender<Channel['kind']>)(channel, payload, ctx);
}

function destination(channel: Channel): string {
  return (WHERE[channel.kind] as (c: Channel) => string)(channel);
}

export interface NotificationRecord {
  id: string;
  idempotency_key: string;
  subscription_id: string;
  event: NotificationEvent;
  evaluation_id: string | null;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  payload: NotificationPayload;
  /**
   * Every attempt: `delivered`, `failed` (an HTTP error status or a network error), `in_flight`, or `interrupted`
   * (the process sending it stopped before it knew the outcome; the notification was sent again).
   */
  attempt_log: { attempt: number; started_at: string; outcome: AttemptOutcome; status: number | null; error: string | null; duration_ms: number | null }[];
}

export async function listNotifications(db: SqlDb, filter: { subscription_id?: string; state?: string; limit?: number } = {}): Promise<NotificationRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const k of ['subscription_id', 'state'] as const) {
    if (filter[k]) {
      params.push(filter[k]);
      where.push(`${k} = $${params.length}`);
    }
  }
  params.push(Math.min(Math.max(filter.limit ?? 500, 1), 5000));
  const rows = await db.query(
    `SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const out: NotificationRecord[] = [];
  for (const r of rows) {
    const attempts = await db.query('SELECT attempt, started_at, outcome, status, error, duration_ms FROM notification_attempts WHERE notification_id = $1 ORDER BY attempt', [r.id]);
    out.push({
      id: String(r.id),
      idempotency_key: String(r.idempotency_key),
      subscription_id: String(r.subscription_id),
      event: String(r.event) as NotificationEvent,
      evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null,
      state: String(r.state) as NotificationRecord['state'],
      attempts: Number(r.attempts),
      next_attempt_at: String(r.next_attempt_at),
      last_error: r.last_error ? String(r.last_error) : null,
      created_at: String(r.created_at),
      delivered_at: r.delivered_at ? String(r.delivered_at) : null,
      payload: JSON.parse(String(r.payload)) as NotificationPayload,
      attempt_log: attempts.map((a) => ({
        attempt: Number(a.attempt),
        started_at: String(a.started_at),
        outcome: String(a.outcome) as AttemptOutcome,
        status: a.status === null || a.status === undefined ? null : Number(a.status),
        error: a.error ? String(a.error) : null,
        duration_ms: a.duration_ms === null || a.duration_ms === undefined ? null : Number(a.duration_ms),
      })),
    });
  }
  return out;
}

export type AttemptOutcome = 'delivered' | 'failed' | 'in_flight' | 'interrupted';

export class Deliverer {
  readonly #db: SqlDb;
  readonly #logger: Logger;
  readonly #o: Required<Omit<DelivererOptions, 'db' | 'logger' | 'fetch' | 'env' | 'githubApiUrl' | 'queue'>>;
  readonly #queue: JobQueue | undefined;
  #working: Promise<void> | undefined;
  readonly #fetch: typeof fetch;
  readonly #env: NodeJS.ProcessEnv;
  readonly #githubApiUrl: string;
  /** Issue numbers learned by the github_issue channel (a cache, checked at each use). */
  readonly #knownIssues = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  #wake = false;
  readonly #abort = new AbortController();

  constructor(options: DelivererOptions) {
    this.#db = options.db;
    this.#logger = options.logger ?? silentLogger;
    this.#fetch = options.fetch ?? fetch;
    this.#env = options.env ?? process.env;
    this.#githubApiUrl = options.githubApiUrl ?? GITHUB_API_URL;
    this.#queue = options.queue;
    this.#o = {
      pollMs: options.pollMs ?? 1000,
      baseBackoffMs: options.baseBackoffMs ?? 5000,
      maxBackoffMs: options.maxBackoffMs ?? 3_600_000,
      maxAttempts: options.maxAttempts ?? 10,
      timeoutMs: options.timeoutMs ?? 10_000,
      leaseMs: options.leaseMs ?? 60_000,
    };
  }

  start(): void {
    this.#stopped = false;
    if (this.#queue && !this.#working) {
      this.#working = this.#queue
        .work('notify-deliver', async ({ id }) => {
          if (!this.#stopped) await this.#deliver(id);
        })
        .catch((e: unknown) => this.#logger.warning(`notifications: cannot take deliveries: ${getErrorMessage(e)}`));
    }
    this.#schedule(0);
  }

  /** Asks for a pass soon (a new notification was written). */
  kick(): void {
    if (this.#running) this.#wake = true;
    else this.#schedule(0);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.runOnce()
        .then(() => undefined)
        .catch((e: unknown) => this.#logger.warning(`notifications: ${getErrorMessage(e)}`))
        .finally(() => {
          this.#running = undefined;
          const again = this.#wake;
          this.#wake = false;
          this.#schedule(again ? 0 : this.#o.pollMs);
        });
    }, ms);
    this.#timer.unref?.();
  }

  /** Stops polling and waits for the deliveries in flight (their outcome is recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    await this.#working;
  }

  /**
   * One pass: every due notification, leased and sent. Returns how many were attempted. With a queue (replicas),
   * each is sent to the queue instead (a notification already queued is not queued again); returns how many.
   */
  async runOnce(): Promise<number> {
    const now = new Date();
    const due = await this.#db.query<{ id: string; subscription_id: string }>(
      `SELECT id, subscription_id FROM notifications WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
       ORDER BY created_at, id LIMIT 100`,
      [now.toISOString()],
    );
    let n = 0;
    for (const { id, subscription_id } of due) {
      if (this.#stopped) break;
      if (this.#queue) {
        // One subscription's deliveries one at a time across the replicas, as in one process.
        await this.#queue.send('notify-deliver', { id: String(id) }, { singletonKey: String(id), group: String(subscription_id) });
        n++;
      } else if (await this.#deliver(id)) n++;
    }
    return n;
  }

  async #deliver(id: string): Promise<boolean> {
    const now = new Date();
    const lease = new Date(now.getTime() + this.#o.leaseMs).toISOString();
    // The lease is taken with a conditional update, so two deliverers never send one row at the same time, and only
    // once the row is due (a delivery queued while the previous attempt ran waits out that attempt's backoff); the
    // attempt is counted and logged before the request, so one cut short by a dying process still shows.
    const attemptId = randomUUID();
    const row = await this.#db.transaction(async (tx) => {
      const claimed = await tx.query<{ id: string; attempts: number; payload: string; subscription_id: string }>(
        `UPDATE notifications SET locked_until = $1, attempts = attempts + 1 WHERE id = $2 AND state = 'pending' AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3)
         RETURNING id, attempts, payload, subscription_id`,
        [lease, id, now.toISOString()],
      );
      if (!claimed[0]) return undefined;
      await tx.query(`UPDATE notification_attempts SET outcome = 'interrupted' WHERE notification_id = $1 AND outcome = 'in_flight'`, [id]);
      await tx.query(`INSERT INTO notification_attempts (id, notification_id, attempt, started_at, outcome) VALUES ($1, $2, $3, $4, 'in_flight')`, [
        attemptId,
        id,
        Number(claimed[0].attempts),
        now.toISOString(),
      ]);
      return claimed[0];
    });
    if (!row) return false;
    const attempt = Number(row.attempts);
    const sub = await new Subscriptions(this.#db).get(row.subscription_id);
    if (!sub) {
      await this.#db.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, ['the subscription was deleted', id]);
      await this.#db.query(`UPDATE notification_attempts SET outcome = 'failed', error = $1 WHERE id = $2`, ['the subscription was deleted', attemptId]);
      return false;
    }
    const payload = JSON.parse(row.payload) as NotificationPayload;
    const started = now.getTime();
    const ctx: SendContext = {
      fetch: this.#fetch,
      timeoutMs: this.#o.timeoutMs,
      signal: this.#abort.signal,
      github: { fetch: this.#fetch, env: this.#env, apiUrl: this.#githubApiUrl, timeoutMs: this.#o.timeoutMs, signal: this.#abort.signal, known: this.#knownIssues, db: this.#db },
    };
    const { status, error, retry } = await send(sub.channel, payload, ctx);
    const duration = Date.now() - started;
    const finished = new Date().toISOString();
    await this.#db.transaction(async (tx) => {
      await tx.query('UPDATE notification_attempts SET outcome = $1, status = $2, error = $3, duration_ms = $4 WHERE id = $5', [
        error ? 'failed' : 'delivered',
        status,
        error,
        duration,
        attemptId,
      ]);
      if (!error) {
        await tx.query(`UPDATE notifications SET state = 'delivered', delivered_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2`, [finished, id]);
      } else if (attempt >= this.#o.maxAttempts || retry === 'never') {
        await tx.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, [error, id]);
      } else {
        const backoff = Math.min(this.#o.maxBackoffMs, this.#o.baseBackoffMs * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
        // A channel that says when to come back (GitHub's Retry-After) is not asked sooner.
        const next = new Date(Date.now() + Math.max(backoff, typeof retry === 'number' ? retry : 0)).toISOString();
        await tx.query(`UPDATE notifications SET last_error = $1, next_attempt_at = $2, locked_until = NULL WHERE id = $3`, [error, next, id]);
      }
    });
    if (error) this.#logger.warning(`notification ${id} (${payload.event}) to ${destination(sub.channel)}: attempt ${attempt} failed${retry === 'never' ? ' (not retried)' : ''}: ${error}`);
    return true;
  }
}
