/**
 * Watch mode: the store polls registries for new digests of subscribed tags (`POST /v2/watches`) and analyses each
 * new one itself, through the same pipeline as `portcullis scan registry:REF` (layers streamed, one analysis at a
 * time in a process, so memory stays bounded), evaluates it with the mapped bundle (policies.ts), and stores it
 * with the reason `watch`; the evaluation's transaction enqueues `analysis_update` and, when the tag moved,
 * `tag_update` notifications (notify/outbox.ts). A poll that fails is recorded on the watch (`last_error`,
 * `last_polled_at`) and tried again at the next interval; it never stops the server. A watch being polled is
 * leased (`locked_until`), so two processes over one database do not poll it at once.
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { ACCEPTED_MANIFEST_TYPES } from '../image/manifest.js';
import { connectRegistry } from '../image/registry/connect.js';
import { parseRegistryName } from '../image/registry/reference.js';
import type { RegistryCredentials } from '../image/source.js';
import { OUTPUT_FORMATS } from '../output/list.js';
import { matchesPattern } from '../policy/match.js';
import type { ScanConfig } from '../scan/config.js';
import { runScan } from '../scan/pipeline.js';
import { storeDigest } from '../scan/store-push.js';
import type { SqlDb } from './db.js';
import type { PolicyStore, ResolvedBundle } from './policies.js';
import { NAME_RE } from './policies.js';
import { isoNow, type EvaluationRecord, type StoreRepo } from './repo.js';
import { summariseReport } from './server.js';
import type { JobQueue } from './jobs/queue.js';

export const DEFAULT_MIN_INTERVAL_MS = 10_000;
export const MAX_INTERVAL_MS = 7 * 86_400_000;
/** Tags a watch analyses at most per poll (the rest wait for the next poll). */
export const MAX_TAGS_PER_POLL = 100;

export class WatchError extends Error {}

export interface WatchSpec {
  /** `registry/name`, normalised as docker does (`docker.io/library/alpine`). */
  repository: string;
  /** A tag, or a pattern: `*` matches anything, `regexp:RE` a regular expression (as policy mappings). */
  tags: string;
  interval: string;
  interval_ms: number;
  /** A store policy that decides the watch's images; without it, the mapped bundle (policies.ts). */
  policy: string | null;
}

export interface WatchedTag {
  tag: string;
  digest: string;
  evaluation_id: string | null;
  seen_at: string;
}

export interface WatchRecord extends WatchSpec {
  id: string;
  created_at: string;
  last_polled_at: string | null;
  last_error: string | null;
  next_poll_at: string;
  tag_state: WatchedTag[];
}

/** `30s`, `5m`, `6h`, `1d`. */
export function parseWatchInterval(text: string, minMs = DEFAULT_MIN_INTERVAL_MS): number {
  const m = /^(\d{1,9})\s*(s|m|h|d)$/i.exec(text.trim());
  if (!m) throw new WatchError(`interval "${text}" is not an interval (e.g. 30s, 5m, 6h, 1d)`);
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
  if (ms < minMs) throw new WatchError(`interval "${text}" is under this store's minimum of ${minMs / 1000} seconds`);
  if (ms > MAX_INTERVAL_MS) throw new WatchError(`interval "${text}" is over 7 days`);
  return ms;
}

/** Checks a `POST /v2/watches` body; every problem is one line. */
export function parseWatch(body: unknown, minIntervalMs = DEFAULT_MIN_INTERVAL_MS): WatchSpec {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WatchError('the body must be a JSON object with repository, tags and interval');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !['repository', 'tags', 'interval', 'policy'].includes(k));
  if (unknown.length) throw new WatchError(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (expected repository, tags, interval, policy)`);
  if (typeof b.repository !== 'string' || !b.repository.trim()) throw new WatchError('repository is required: "registry/name"');
  const text = b.repository.trim();
  if (text.includes('@') || text.slice(text.lastIndexOf('/') + 1).includes(':')) throw new WatchError(`repository "${text}" must have neither a tag nor a digest (the tags go in "tags")`);
  let repository: string;
  try {
    const name = parseRegistryName(text);
    repository = `${name.registry}/${name.repository}`;
  } catch (error) {
    throw new WatchError(getErrorMessage(error));
  }
  const tags = b.tags === undefined ? 'latest' : b.tags;
  if (typeof tags !== 'string' || !tags.trim() || tags.length > 256) throw new WatchError('tags must be a tag or a pattern of at most 256 characters ("*" matches anything)');
  if (tags.startsWith('regexp:')) {
    try {
      new RegExp(tags.slice('regexp:'.length));
    } catch (error) {
      throw new WatchError(`tags: ${getErrorMessage(error)}`);
    }
  } else if (!/^[A-Za-z0-9_.*-]+$/.test(tags)) {
    throw new WatchError(`tags "${tags}" may hold only tag characters (A-Z a-z 0-9 _ . -) and "*", or start with "regexp:"`);
  }
  if (typeof b.interval !== 'string') throw new WatchError('interval is required (e.g. "5m")');
  const interval_ms = parseWatchInterval(b.interval, minIntervalMs);
  if (b.policy !== undefined && b.policy !== null && (typeof b.policy !== 'string' || !NAME_RE.test(b.policy))) throw new WatchError('policy must be a store policy name');
  return { repository, tags: tags.trim(), interval: b.interval.trim(), interval_ms, policy: typeof b.policy === 'string' ? b.policy : null };
}

function isPattern(tags: string): boolean {
  return tags.startsWith('regexp:') || tags.includes('*');
}

/** Registry settings for the store's polls and analyses: docker's config.json (per registry), TLS, retries. */
export interface WatchRegistryOptions {
  /** The directory holding the docker config.json to use (serve --registry-credentials); DOCKER_CONFIG or ~/.docker otherwise. */
  dockerConfigDir?: string;
  /** Explicit credentials, for every watched registry (tests, a single-registry store). */
  credentials?: RegistryCredentials;
  insecureRegistries?: readonly string[];
  caFile?: string;
  timeoutMs?: number;
  retries?: number;
}

export interface WatcherOptions {
  db: SqlDb;
  repo: StoreRepo;
  policies: PolicyStore;
  /** The store's vulnerability database (matching is offline: refreshes are the store's own job). */
  cacheDir: string;
  registry?: WatchRegistryOptions;
  minIntervalMs?: number;
  /** How often due watches are looked for; default 1 s. */
  tickMs?: number;
  /**
   * How long a poll is leased to this process (renewed before each analysis); default 10 minutes. A process killed
   * mid-poll leaves the lease to expire; the next poll analyses what it had not stored (evaluations are idempotent).
   */
  leaseMs?: number;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Called after an evaluation is stored (the server kicks the deliverer). */
  onEvaluation?: (record: EvaluationRecord) => void;
  /**
   * Replicas (a store on PostgreSQL): due watches are sent to this queue (pg-boss, one queued poll per watch) and
   * polled by whichever replica takes the job; without it, this process polls them itself.
   */
  queue?: JobQueue;
}

function toWatch(r: Record<string, unknown>, tags: WatchedTag[]): WatchRecord {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    repository: String(r.repository),
    tags: String(r.tags),
    interval: String(r.interval_text),
    interval_ms: Number(r.interval_ms),
    policy: s(r.policy),
    created_at: String(r.created_at),
    last_polled_at: s(r.last_polled_at),
    last_error: s(r.last_error),
    next_poll_at: String(r.next_poll_at),
    tag_state: tags,
  };
}

export class Watcher {
  readonly #db: SqlDb;
  readonly #logger: Logger;
  readonly #env: NodeJS.ProcessEnv;
  readonly #abort = new AbortController();
  readonly minIntervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #closed = false;
  #warnedNoData = false;
  #working: Promise<void> | undefined;

  constructor(readonly options: WatcherOptions) {
    this.#db = options.db;
    this.#logger = options.logger ?? silentLogger;
    this.#env = options.env ?? process.env;
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  }

  async create(spec: WatchSpec): Promise<{ watch: WatchRecord; created: boolean }> {
    const existing = await this.#db.query('SELECT id FROM watches WHERE repository = $1 AND tags = $2', [spec.repository, spec.tags]);
    if (existing[0]) return { watch: (await this.get(String(existing[0].id)))!, created: false };
    const id = randomUUID();
    const now = isoNow();
    await this.#db.query(
      'INSERT INTO watches (id, repository, tags, interval_text, interval_ms, policy, created_at, next_poll_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
      [id, spec.repository, spec.tags, spec.interval, spec.interval_ms, spec.policy, now],
    );
    this.kick();
    return { watch: (await this.get(id))!, created: true };
  }

  async list(): Promise<WatchRecord[]> {
    const rows = await this.#db.query('SELECT * FROM watches ORDER BY created_at, id');
    const out: WatchRecord[] = [];
    for (const r of rows) out.push(toWatch(r, await this.#tags(String(r.id))));
    return out;
  }

  async get(id: string): Promise<WatchRecord | undefined> {
    const rows = await this.#db.query('SELECT * FROM watches WHERE id = $1', [id]);
    return rows[0] ? toWatch(rows[0], await this.#tags(id)) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.#db.transaction(async (tx) => {
      await tx.query('DELETE FROM watch_tags WHERE watch_id = $1', [id]);
      return tx.query('DELETE FROM watches WHERE id = $1 RETURNING id', [id]);
    });
    return rows.length > 0;
  }

  async #tags(id: string): Promise<WatchedTag[]> {
    const rows = await this.#db.query('SELECT tag, digest, evaluation_id, seen_at FROM watch_tags WHERE watch_id = $1 ORDER BY tag', [id]);
    return rows.map((r) => ({ tag: String(r.tag), digest: String(r.digest), evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null, seen_at: String(r.seen_at) }));
  }

  start(): void {
    if (this.#closed || this.#timer) return;
    if (this.options.queue) {
      const queue = this.options.queue;
      this.#working = queue.work('watch-poll', async ({ id }) => void (await this.#leaseAndPoll(id))).catch((e: unknown) => this.#logger.warning(`store: cannot take watch polls: ${getErrorMessage(e)}`));
    }
    this.#schedule(0);
  }

  /** Looks for due watches now (after a watch is created). */
  kick(): void {
    if (this.#closed || !this.#timer || this.#running) return;
    this.#schedule(0);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.pollDue()
        .then(() => undefined)
        .catch((e: unknown) => this.#logger.warning(`store: watch poll loop: ${getErrorMessage(e)}`))
        .finally(() => {
          this.#running = undefined;
          if (!this.#closed) this.#schedule(this.options.tickMs ?? 1000);
        });
    }, ms);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#abort.abort(new Error('the store is stopping'));
    await this.#running;
    await this.#working;
  }

  /**
   * Polls every due watch, one after the other; answers how many were polled. With a queue (replicas), each due
   * watch not leased is sent to it instead (one queued poll per watch), and answers how many were sent.
   */
  async pollDue(): Promise<number> {
    const now = isoNow();
    const due = await this.#db.query('SELECT id FROM watches WHERE next_poll_at <= $1 AND (locked_until IS NULL OR locked_until < $1) ORDER BY next_poll_at, id', [now]);
    let polled = 0;
    for (const { id } of due) {
      if (this.#closed) break;
      if (this.options.queue) await this.options.queue.send('watch-poll', { id: String(id) }, { singletonKey: String(id) });
      else if (!(await this.#leaseAndPoll(String(id)))) continue;
      polled++;
    }
    return polled;
  }

  /** Leases the watch (when it is due and nobody holds it) and polls it. Answers whether it was polled. */
  async #leaseAndPoll(id: string): Promise<boolean> {
    if (this.#closed) return false;
    const until = this.#leaseUntil();
    const leased = await this.#db.query(
      'UPDATE watches SET locked_until = $1 WHERE id = $2 AND next_poll_at <= $3 AND (locked_until IS NULL OR locked_until < $3) RETURNING id',
      [until, id, isoNow()],
    );
    if (!leased[0]) return false;
    const watch = await this.get(id);
    if (!watch) return false;
    await this.poll(watch);
    return true;
  }

  /** One poll: the matching tags, their digests, an analysis of each new one. Failures land on the watch. */
  async poll(watch: WatchRecord): Promise<void> {
    const errors: string[] = [];
    try {
      const name = parseRegistryName(`${watch.repository}:latest`);
      const client = await connectRegistry(name, { ...this.#registryOptions(), env: this.#env, logger: this.#logger });
      try {
        const signal = this.#abort.signal;
        let tags = isPattern(watch.tags) ? (await client.listTags(signal)).filter((t) => matchesPattern(watch.tags, t)).sort() : [watch.tags];
        if (tags.length > MAX_TAGS_PER_POLL) {
          errors.push(`${tags.length} tags match; ${MAX_TAGS_PER_POLL} are looked at per poll`);
          tags = tags.slice(0, MAX_TAGS_PER_POLL);
        }
        const known = new Map(watch.tag_state.map((t) => [t.tag, t.digest]));
        for (const tag of tags) {
          if (this.#closed) break;
          try {
            const { digest } = await client.getManifest(tag, ACCEPTED_MANIFEST_TYPES, signal);
            if (known.get(tag) === digest) continue;
            await this.#db.query('UPDATE watches SET locked_until = $1 WHERE id = $2', [this.#leaseUntil(), watch.id]);
            this.#logger.info(`store: watch ${watch.id}: ${watch.repository}:${tag} is now ${digest}; analysing it`);
            const record = await this.#analyse(watch, tag, digest);
            await this.#db.query('DELETE FROM watch_tags WHERE watch_id = $1 AND tag = $2', [watch.id, tag]);
            await this.#db.query('INSERT INTO watch_tags (watch_id, tag, digest, evaluation_id, seen_at) VALUES ($1, $2, $3, $4, $5)', [watch.id, tag, digest, record.id, isoNow()]);
          } catch (error) {
            if (this.#closed) throw error;
            errors.push(`${tag}: ${getErrorMessage(error)}`);
          }
        }
      } finally {
        await client.close();
      }
    } catch (error) {
      errors.push(getErrorMessage(error));
    }
    if (this.#closed) {
      // Stopping: the interrupted poll is not a failure of the watch; the next process polls it at once.
      await this.#db.query('UPDATE watches SET locked_until = NULL WHERE id = $1', [watch.id]).catch(() => undefined);
      return;
    }
    if (errors.length) this.#logger.warning(`store: watch ${watch.id} (${watch.repository} ${watch.tags}): ${errors.join('; ')}`);
    const now = Date.now();
    await this.#db
      .query('UPDATE watches SET last_polled_at = $1, last_error = $2, next_poll_at = $3, locked_until = NULL WHERE id = $4', [
        new Date(now).toISOString(),
        errors.length ? errors.join('; ').slice(0, 2000) : null,
        new Date(now + watch.interval_ms).toISOString(),
        watch.id,
      ])
      .catch((e: unknown) => this.#logger.warning(`store: watch ${watch.id}: cannot record the poll: ${getErrorMessage(e)}`));
  }

  #leaseUntil(): string {
    return new Date(Date.now() + (this.options.leaseMs ?? 600_000)).toISOString();
  }

  #registryOptions(): WatchRegistryOptions {
    const r = this.options.registry ?? {};
    return {
      ...(r.dockerConfigDir ? { dockerConfigDir: r.dockerConfigDir } : {}),
      ...(r.credentials ? { credentials: r.credentials } : {}),
      ...(r.insecureRegistries ? { insecureRegistries: r.insecureRegistries } : {}),
      ...(r.caFile ? { caFile: r.caFile } : {}),
      ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
      ...(r.retries !== undefined ? { retries: r.retries } : {}),
    };
  }

  /** The bundle for a watched image: the watch's policy, else the one mapped from the tag's last evaluation. */
  async #bundle(watch: WatchRecord, tag: string): Promise<ResolvedBundle> {
    if (watch.policy) {
      const found = await this.options.policies.get(watch.policy);
      if (!found) throw new Error(`the watch's policy "${watch.policy}" is not in the store`);
      return found;
    }
    const last = (await this.options.repo.listEvaluations({ repository: watch.repository, tag, limit: 1 }))[0];
    return this.options.policies.resolve(last ?? { policy_name: null, bundle_id: null });
  }

  async #analyse(watch: WatchRecord, tag: string, digest: string): Promise<EvaluationRecord> {
    const bundle = await this.#bundle(watch, tag);
    const dir = await mkdtemp(join(tmpdir(), 'portcullis-watch-'));
    try {
      const bundlePath = join(dir, 'bundle.json');
      await writeFile(bundlePath, bundle.content);
      if (!this.options.cacheDir && !this.#warnedNoData) {
        this.#warnedNoData = true;
        this.#logger.warning('store: no vulnerability database is configured (serve --db-cache-dir); watched images are analysed without vulnerability matching');
      }
      const config: ScanConfig = {
        image: `registry:${watch.repository}:${tag}@${digest}`,
        source: this.#registryOptions(),
        policyPath: bundlePath,
        failOn: 'never',
        outputs: ['json'],
        vulnerabilities: { enabled: Boolean(this.options.cacheDir), cacheDir: this.options.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
      };
      const { report } = await runScan(config, { env: this.#env, logger: silentLogger, cwd: dir, signal: this.#abort.signal });
      const imageDigest = storeDigest(report.image);
      if (!imageDigest) throw new Error('the analysed image has no digest');
      const render = (format: string): Buffer => {
        const content = OUTPUT_FORMATS.get(format).render(report, {});
        return Buffer.isBuffer(content) ? content : Buffer.from(content);
      };
      const data = render('json');
      const summary = summariseReport(JSON.parse(data.toString('utf8')));
      const { record, duplicate } = await this.options.repo.ingestEvaluation({
        image_digest: imageDigest,
        repository: watch.repository,
        tag,
        decision: summary.decision,
        counts: summary.counts,
        report: { name: 'portcullis-report.json', contentType: 'application/json', data },
        sbom: { name: 'portcullis.cdx.json', contentType: 'application/json', data: render('cyclonedx') },
        idempotencyKey: `watch:${watch.id}:${tag}:${digest}`,
        reason: 'watch',
        policy_name: bundle.name,
        ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
        bundle_digest: bundle.digest,
        parsedReport: summary.parsed,
      });
      if (!duplicate) this.options.onEvaluation?.(record);
      return record;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
