/**
 * Subscriptions: which events of which images go where. A webhook (signed with the subscription's secret), a
 * Slack-compatible incoming webhook, or a GitHub issue per image (github-issue.ts), with a token the store process
 * reads from the environment variable the subscription names (it must be set when the subscription is created).
 */

import { randomUUID } from 'node:crypto';
import type { SqlDb } from '../store/db.js';

export const EVENTS = ['vuln_update', 'policy_eval', 'tag_update', 'analysis_update'] as const;
export type NotificationEvent = (typeof EVENTS)[number];

export interface GitHubIssueConfig {
  kind: 'github_issue';
  /** `owner/name`. */
  repository: string;
  /** The store process's environment variable that holds the token (never the token itself). */
  token_env: string;
  /** The store's public URL, for the link to the evaluation in the issue. */
  store_url?: string;
}

export type Channel = { kind: 'webhook'; url: string; secret?: string } | { kind: 'slack'; url: string } | GitHubIssueConfig;

export interface Subscription {
  id: string;
  events: NotificationEvent[];
  filter: { repository?: string; tag?: string };
  channel: Channel;
  created_at: string;
}

/** A subscription as the API shows it: the webhook secret is never given back. */
export function publicSubscription(s: Subscription): Record<string, unknown> {
  const { channel, ...rest } = s;
  switch (channel.kind) {
    case 'webhook':
      return { ...rest, webhook: { url: channel.url, secret_set: channel.secret !== undefined } };
    case 'slack':
      return { ...rest, slack: { url: channel.url } };
    case 'github_issue': {
      const { kind: _kind, ...config } = channel;
      return { ...rest, github_issue: config };
    }
  }
}

export class SubscriptionError extends Error {}

function checkUrl(v: unknown, what: string, field = 'url'): string {
  if (typeof v !== 'string') throw new SubscriptionError(`${what}.${field} is required`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new SubscriptionError(`${what}.${field} "${v.slice(0, 100)}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SubscriptionError(`${what}.${field} must be http or https`);
  if (u.username || u.password) throw new SubscriptionError(`${what}.${field} must not carry credentials`);
  return u.toString();
}

const GITHUB_REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** `github_issue`: the repository, and the environment variable with the token, which must be set in `env` now. */
function parseGitHubIssue(v: unknown, env: NodeJS.ProcessEnv): GitHubIssueConfig {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new SubscriptionError('github_issue must be an object with repository and token_env');
  const g = v as Record<string, unknown>;
  const known = ['repository', 'token_env', 'store_url'];
  const unknown = Object.keys(g).filter((k) => !known.includes(k));
  if (unknown.length) throw new SubscriptionError(`unknown field "github_issue.${unknown[0]}"; known: ${known.join(', ')}`);
  if (typeof g.repository !== 'string' || !GITHUB_REPOSITORY_RE.test(g.repository) || /\/\.\.?$/.test(g.repository)) {
    throw new SubscriptionError('github_issue.repository must be a GitHub repository as "owner/name"');
  }
  if (typeof g.token_env !== 'string' || !ENV_NAME_RE.test(g.token_env)) throw new SubscriptionError('github_issue.token_env must be the name of an environment variable of the store process');
  if (!env[g.token_env]) throw new SubscriptionError(`github_issue.token_env: the environment variable ${g.token_env} is not set in the store process`);
  return {
    kind: 'github_issue',
    repository: g.repository,
    token_env: g.token_env,
    ...(g.store_url !== undefined ? { store_url: checkUrl(g.store_url, 'github_issue', 'store_url') } : {}),
  };
}

function checkGlob(v: unknown, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > 512 || [...v].some((c) => c.charCodeAt(0) < 0x20)) throw new SubscriptionError(`${what} must be a glob of at most 512 printable characters`);
  return v;
}

/** Validates a `POST /v2/subscriptions` body; `env` is the store process's environment (for `github_issue.token_env`). */
export function parseSubscription(body: unknown, env: NodeJS.ProcessEnv = process.env): Omit<Subscription, 'id' | 'created_at'> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SubscriptionError('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const known = ['events', 'filter', 'webhook', 'slack', 'github_issue'];
  const unknown = Object.keys(b).filter((k) => !known.includes(k));
  if (unknown.length) throw new SubscriptionError(`unknown field "${unknown[0]}"; known: ${known.join(', ')}`);
  if (!Array.isArray(b.events) || b.events.length === 0) throw new SubscriptionError(`events must be a non-empty list of ${EVENTS.join(', ')}`);
  for (const e of b.events) {
    if (!(EVENTS as readonly unknown[]).includes(e)) throw new SubscriptionError(`unknown event "${String(e)}"; known: ${EVENTS.join(', ')}`);
  }
  const f = (b.filter ?? {}) as Record<string, unknown>;
  if (typeof f !== 'object' || Array.isArray(f)) throw new SubscriptionError('filter must be an object with repository and tag globs');
  const filter = { ...opt('repository', checkGlob(f.repository, 'filter.repository')), ...opt('tag', checkGlob(f.tag, 'filter.tag')) };
  const channels = ['webhook', 'slack', 'github_issue'].filter((k) => b[k] !== undefined);
  if (channels.length !== 1) throw new SubscriptionError('give exactly one of webhook, slack, github_issue');
  let channel: Channel;
  if (b.github_issue !== undefined) {
    channel = parseGitHubIssue(b.github_issue, env);
  } else if (b.webhook !== undefined) {
    const w = b.webhook as Record<string, unknown>;
    const url = checkUrl(w?.url, 'webhook');
    if (w.secret !== undefined && (typeof w.secret !== 'string' || w.secret.length < 16 || w.secret.length > 256)) throw new SubscriptionError('webhook.secret must be 16–256 characters');
    channel = { kind: 'webhook', url, ...(typeof w.secret === 'string' ? { secret: w.secret } : {}) };
  } else {
    channel = { kind: 'slack', url: checkUrl((b.slack as Record<string, unknown>)?.url, 'slack') };
  }
  return { events: [...new Set(b.events as NotificationEvent[])], filter, channel };
}

type Raw = Record<string, unknown>;

function toSubscription(r: Raw): Subscription {
  return {
    id: String(r.id),
    events: String(r.events).split(',') as NotificationEvent[],
    filter: { ...opt('repository', r.filter_repository ? String(r.filter_repository) : undefined), ...opt('tag', r.filter_tag ? String(r.filter_tag) : undefined) },
    channel: JSON.parse(String(r.config)) as Channel,
    created_at: String(r.created_at),
  };
}

export class Subscriptions {
  constructor(readonly db: Pick<SqlDb, 'query'>) {}

  async create(s: Omit<Subscription, 'id' | 'created_at'>): Promise<Subscription> {
    const sub: Subscription = { ...s, id: randomUUID(), created_at: new Date().toISOString() };
    await this.db.query('INSERT INTO subscriptions (id, events, filter_repository, filter_tag, channel, config, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      sub.id,
      sub.events.join(','),
      sub.filter.repository ?? null,
      sub.filter.tag ?? null,
      sub.channel.kind,
      JSON.stringify(sub.channel),
      sub.created_at,
    ]);
    return sub;
  }

  async list(q: Pick<SqlDb, 'query'> = this.db): Promise<Subscription[]> {
    return (await q.query('SELECT * FROM subscriptions ORDER BY created_at, id')).map(toSubscription);
  }

  async get(id: string): Promise<Subscription | undefined> {
    const rows = await this.db.query('SELECT * FROM subscriptions WHERE id = $1', [id]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM subscriptions WHERE id = $1 RETURNING id', [id])).length > 0;
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
