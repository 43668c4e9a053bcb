/**
 * Re-evaluation: every stored image's latest SBOM is scanned again, through the same pipeline as `portcullis scan
 * sbom:FILE` (the same matcher, the same policy evaluation), with the store's vulnerability database (offline: the
 * refresh is the store's own job) and the store's bundle for the image. Each result is a new evaluation record with
 * its reason and its difference from the previous one. Jobs are recorded in `jobs`, so `GET /v2/jobs/{id}` can say
 * how far one got; one runs at a time per process, in order. A re-evaluation is split into batches (`job_batches`,
 * queue `store-batch`) that whichever replica takes them runs, each leased and retried like a job; the job waits
 * for its batches and sums their counts. The embedded store runs its batches in the process, by the same path.
 * The results of gates that need the image (its files, its Dockerfile) cannot come from the SBOM: they are carried
 * over from the evaluation re-evaluated (carry-over.ts).
 */

import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { runScan } from '../scan/pipeline.js';
import { openedDatabaseStage, openVulnerabilityData, type OpenedVulnerabilityData, type VulnerabilityStage } from '../scan/vulnerabilities.js';
import type { ScanConfig } from '../scan/config.js';
import { parseSbom } from '../sbom/read.js';
import { loadBundle } from '../policy/bundle.js';
import { readMetadata } from '../vulndb/store.js';
import type { SqlDb } from './db.js';
import { applyCarryOver, readCarryOverReport } from './carry-over.js';
import type { EvaluationReason } from './evaluation-diff.js';
import { diffIsEmpty } from './evaluation-diff.js';
import type { PolicyStore, ResolvedBundle } from './policies.js';
import { dataFingerprint, refreshVulnerabilityData, type DataRefreshOptions } from './refresh.js';
import { isoNow, type EvaluationInput, type EvaluationRecord, type StoreRepo } from './repo.js';
import { summariseReport } from './server.js';
import { LocalJobQueue } from './jobs/local.js';
import { leaseUntil, RowLease } from './jobs/lease.js';
import type { JobQueue, QueuedWork } from './jobs/queue.js';

export interface JobCounts {
  images: number;
  reevaluated: number;
  changed: number;
  failed: number;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  id: string;
  kind: 'refresh' | 'reevaluate';
  reason: EvaluationReason;
  detail: string | null;
  state: JobState;
  counts: JobCounts;
  /** For a refresh: whether the data changed (re-evaluation runs only then). */
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface ReevaluatorOptions {
  db: SqlDb;
  repo: StoreRepo;
  policies: PolicyStore;
  /** The store's vulnerability database, and where a refresh gets new data. */
  data: Omit<DataRefreshOptions, 'logger' | 'signal' | 'env'>;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Where jobs wait and run: pg-boss for a store on PostgreSQL (replicas), else the in-process queue (default). */
  queue?: JobQueue;
  /** How long a job's row is leased to the process running (or sending) it; renewed every third of it. Default 30 s. */
  leaseMs?: number;
  /** Images per batch (a batch is stored in one transaction and run by one replica). Default 50. */
  batchSize?: number;
  /** Attempts of a batch (the first and its retries) before it is failed, and its job with it. Default 3. */
  batchAttempts?: number;
  /** How often a job waiting for its batches looks at them (a batch finishing in this process wakes it). Default 1 s. */
  batchPollMs?: number;
  /** This process, as batch rows and log lines name it. Default `host:pid`. */
  runner?: string;
}

/** What a batch keeps of each evaluation it re-evaluates, and the bundle that evaluation resolved to when the job was split. */
export type BatchItem = Pick<EvaluationRecord, 'id' | 'image_digest' | 'repository' | 'tag' | 'commit' | 'pipeline_run' | 'files' | 'created_at' | 'policy_name' | 'bundle_id'> & {
  bundle: { name: string; digest: string };
};

/** A job id made from `parts`: every replica asking for the same work (one policy change, one scheduled refresh) gets one job. */
function jobIdOf(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Images per batch: re-evaluations stored per transaction, and the unit of work a replica takes. */
const BATCH = 50;
/** How long this process keeps its database open after its last batch, for the next batch of the same data. */
const DATA_IDLE_MS = 5_000;
/** Images re-evaluated at once within a batch. */
const IN_FLIGHT = 4;

const EMPTY_COUNTS: JobCounts = { images: 0, reevaluated: 0, changed: 0, failed: 0 };

function toJob(r: Record<string, unknown>): JobRecord {
  return {
    id: String(r.id),
    kind: String(r.kind) as JobRecord['kind'],
    reason: String(r.reason) as EvaluationReason,
    detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
    state: String(r.state) as JobState,
    counts: JSON.parse(String(r.counts)) as JobCounts,
    error: r.error === null || r.error === undefined ? null : String(r.error),
    created_at: String(r.created_at),
    started_at: r.started_at ? String(r.started_at) : null,
    finished_at: r.finished_at ? String(r.finished_at) : null,
  };
}

export class Reevaluator {
  readonly #db: SqlDb;
  readonly #repo: StoreRepo;
  readonly #policies: PolicyStore;
  readonly #logger: Logger;
  readonly #env: NodeJS.ProcessEnv;
  readonly #jobs: JobQueue;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #batchAttempts: number;
  readonly #batchPollMs: number;
  readonly #runner: string;
  /** This process's open vulnerability database, and the job data (fingerprint) it was opened for. */
  #data: { wanted: string; opened: OpenedVulnerabilityData; stage: VulnerabilityStage } | undefined;
  #dataIdle: NodeJS.Timeout | undefined;
  #lock: Promise<unknown> = Promise.resolve();
  /** Jobs here waiting for their batches, woken when a batch finishes here. */
  readonly #wake = new Set<() => void>();
  /** Bundles by policy name and digest, as batches resolve them. */
  readonly #bundles = new Map<string, ResolvedBundle>();
  /** The queue's worker for store jobs, registered at construction. */
  readonly #working: Promise<void>;
  readonly #ownsQueue: boolean;
  /** Jobs this process queued and has not seen finish (idle()). */
  readonly #sent = new Set<string>();
  #closed = false;
  /** The policies' bundle digests as last seen, to notice a change made by another process (`serve policy set`). */
  #known: Map<string, string> | undefined;

  constructor(readonly options: ReevaluatorOptions) {
    this.#db = options.db;
    this.#repo = options.repo;
    this.#policies = options.policies;
    this.#logger = options.logger ?? silentLogger;
    this.#env = options.env ?? process.env;
    this.#jobs = options.queue ?? new LocalJobQueue();
    this.#ownsQueue = !options.queue;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#batchSize = Math.max(1, options.batchSize ?? BATCH);
    this.#batchAttempts = Math.max(1, options.batchAttempts ?? 3);
    this.#batchPollMs = Math.max(10, options.batchPollMs ?? 1000);
    this.#runner = options.runner ?? `${hostname()}:${process.pid}`;
    this.#working = Promise.all([this.#jobs.work('store-job', (work) => this.#run(work.id)), this.#jobs.work('store-batch', (work) => this.#runBatch(work.id))])
      .then(() => undefined)
      .catch((e: unknown) => this.#logger.warning(`store: cannot take jobs: ${getErrorMessage(e)}`));
  }

  /**
   * The lease sweep, at startup and then periodically: a queued or running job whose lease expired (its process
   * stopped renewing it) and that the queue will not run or retry is failed as interrupted (start a new one). A job
   * another replica runs, or that pg-boss will retry, is left alone (a job waiting for its batches holds its lease
   * while it waits, wherever they run). Batches of a finished job that nothing will run are failed too. Returns how
   * many jobs were failed.
   */
  async recover(): Promise<number> {
    const now = isoNow();
    const rows = await this.#db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $1)`, [now]);
    let failed = 0;
    for (const r of rows) {
      if (await this.#jobs.pending('store-job', String(r.id))) continue;
      const done = await this.#db.query(
        `UPDATE jobs SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
         WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2) RETURNING id`,
        ['interrupted: the store stopped before the job finished', isoNow(), r.id],
      );
      failed += done.length;
    }
    const orphans = await this.#db.query<{ id: string }>(
      `SELECT b.id FROM job_batches b JOIN jobs j ON j.id = b.job_id
       WHERE b.state IN ('queued', 'running') AND j.state IN ('succeeded', 'failed') AND (b.locked_until IS NULL OR b.locked_until < $1)`,
      [now],
    );
    for (const r of orphans) {
      if (await this.#jobs.pending('store-batch', String(r.id))) continue;
      await this.#db.query(
        `UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
         WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2)`,
        ['interrupted: its job finished before the batch did', isoNow(), r.id],
      );
    }
    return failed;
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /**
   * Queues a data refresh, then (when the data changed) a re-evaluation of every image. Returns the job at once.
   * `every`: a scheduled refresh (`serve --db-refresh`); replicas ticking in the same interval get one job.
   */
  async startRefresh(schedule: { every?: number } = {}): Promise<JobRecord> {
    const id = schedule.every ? jobIdOf('refresh', String(schedule.every), String(Math.floor(Date.now() / schedule.every))) : randomUUID();
    return this.#enqueue(id, 'refresh', 'data_update', null);
  }

  /** Refreshes this replica's data (its open database closed first, batches here waiting); records whether it changed. */
  async #refresh(job: JobRecord): Promise<{ changed: boolean; fingerprint: string }> {
    const { changed, fingerprint } = await this.#exclusive(async () => {
      this.#dropData();
      return refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
    });
    if (changed || job.detail !== 'data changed') await this.#db.query('UPDATE jobs SET detail = $1 WHERE id = $2', [changed ? 'data changed' : 'data unchanged', job.id]);
    this.#logger.info(`store: vulnerability data ${changed ? 'changed' : 'unchanged'} (${fingerprint.length > 80 ? 'refreshed' : fingerprint})`);
    return { changed, fingerprint };
  }

  /**
   * Queues a re-evaluation of the images the policy `name` decides (after it changed). `change`: the change seen
   * (bundle digest and time), so replicas that all notice it queue one job.
   */
  async startPolicyChange(name: string, change?: { digest: string; updated_at: string }): Promise<JobRecord> {
    const id = change ? jobIdOf('policy_change', name, change.digest, change.updated_at) : randomUUID();
    return this.#enqueue(id, 'reevaluate', 'policy_change', `policy ${name}`);
  }

  /**
   * Compares the stored policies with those last seen, and queues a policy_change re-evaluation for each new or
   * changed one. The first call only takes the snapshot. Returns the jobs started, by policy name.
   */
  async checkPolicyChanges(): Promise<Map<string, JobRecord>> {
    const policies = await this.#policies.list();
    const now = new Map(policies.map((p) => [p.name, p.bundle_digest]));
    const started = new Map<string, JobRecord>();
    const known = this.#known;
    this.#known = now;
    if (!known) return started;
    for (const [name, digest] of now) {
      const updated_at = policies.find((p) => p.name === name)!.updated_at;
      if (known.get(name) !== digest) started.set(name, await this.startPolicyChange(name, { digest, updated_at }));
    }
    return started;
  }

  /** Resolves when every job this process queued has finished, here or (pg-boss) on another replica. */
  async idle(): Promise<void> {
    await this.#working;
    for (;;) {
      await this.#jobs.idle();
      if (this.#closed || !this.#sent.size) return;
      const ids = [...this.#sent];
      const open = await this.#db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
      const still = new Set(open.map((r) => String(r.id)));
      for (const id of ids) if (!still.has(id)) this.#sent.delete(id);
      if (!this.#sent.size) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Stops taking jobs; a job waiting here for its batches stops waiting and is left to its lease (and pg-boss's
   * retry); a batch running here finishes, one not started is left to the queue.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#working;
    if (this.#ownsQueue) await this.#jobs.close();
    else await this.#jobs.idle();
    await this.#exclusive(async () => this.#dropData());
  }

  /**
   * Records the job (`queued`, leased to this process until the queue has it) and sends it to the queue. A job
   * with this id already recorded (another replica queued the same work) is answered as it stands.
   */
  async #enqueue(id: string, kind: JobRecord['kind'], reason: EvaluationReason, detail: string | null): Promise<JobRecord> {
    const job: JobRecord = { id, kind, reason, detail, state: 'queued', counts: { ...EMPTY_COUNTS }, error: null, created_at: isoNow(), started_at: null, finished_at: null };
    const inserted = await this.#db.query(
      'INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at, locked_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id',
      [job.id, kind, reason, detail, 'queued', JSON.stringify(job.counts), job.created_at, leaseUntil(this.#leaseMs)],
    );
    if (!inserted[0]) return (await this.getJob(id)) ?? job;
    this.#sent.add(job.id);
    await this.#jobs.send('store-job', { id: job.id }, { jobId: job.id });
    return job;
  }

  /**
   * Runs the job `id` for the queue: takes its lease (a queued job, or a running one whose process stopped renewing
   * it), runs it with a fresh count, and records the outcome only while still holding the lease, so a job is never
   * completed twice. A job finished already is done; one another process holds is left to it (pg-boss asks again
   * later). A re-evaluation is split into batches (`job_batches`, once: a re-run finds them) that any replica runs
   * (`store-batch`); the job waits for them, holding its lease, and sums their counts. A re-run of a half-done batch
   * stores nothing twice: each image's new evaluation has the key `reason:job:digest`, and ingest answers a stored
   * key with the stored evaluation.
   */
  async #run(id: string): Promise<void> {
    if (this.#closed) {
      if (this.#jobs.kind === 'local') return;
      throw new Error('the store is stopping');
    }
    const now = isoNow();
    const until = leaseUntil(this.#leaseMs);
    const claimed = await this.#db.query(
      `UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, $1), locked_until = $2, attempts = attempts + 1, counts = $3
       WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND (locked_until IS NULL OR locked_until < $1))) RETURNING *`,
      [now, until, JSON.stringify(EMPTY_COUNTS), id],
    );
    if (!claimed[0]) {
      const row = await this.getJob(id);
      if (!row || row.state === 'succeeded' || row.state === 'failed') return;
      throw new Error(`job ${id} is running in another process`);
    }
    const job = toJob(claimed[0]);
    const attempt = Number(claimed[0].attempts);
    this.#logger.info(`store: job ${id} (${job.kind}) started${attempt > 1 ? ' again' : ''} on ${this.#runner}${attempt > 1 ? ` (attempt ${attempt}): the process running it stopped` : ''}`);
    const lease = new RowLease(this.#db, 'jobs', id, until, this.#leaseMs);
    lease.start();
    let failure: unknown;
    let ok = false;
    try {
      const split = await this.#db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM job_batches WHERE job_id = $1', [id]);
      if (Number(split[0]?.n ?? 0) > 0) {
        // A re-run: the batches were made by an earlier run; those not finished are sent again (a batch queued
        // already is not queued twice).
        const open = await this.#db.query<{ id: string }>(`SELECT id FROM job_batches WHERE job_id = $1 AND state IN ('queued', 'running') ORDER BY seq`, [id]);
        await this.#jobs.sendAll('store-batch', open.map((r) => ({ work: { id: String(r.id) }, jobId: String(r.id) })));
        await this.#awaitBatches(job, lease);
      } else if (job.kind === 'refresh') {
        // An earlier run that refreshed and stopped before its batches existed said so in `detail`.
        const earlier = job.detail === 'data changed';
        const { changed, fingerprint } = await this.#refresh(job);
        if (changed || earlier) {
          await this.#split(job, 'data_update', fingerprint);
          await this.#awaitBatches(job, lease);
        }
      } else {
        await this.#split(job, job.reason, this.#localFingerprint(), job.detail?.startsWith('policy ') ? job.detail.slice('policy '.length) : undefined);
        await this.#awaitBatches(job, lease);
      }
      ok = true;
    } catch (error) {
      failure = error;
    } finally {
      await lease.stop();
    }
    if (!ok && this.#closed) {
      // Stopping: the job is not a failure; its lease is given up at once, for pg-boss to run it on another replica
      // (the in-process queue's job is failed as interrupted by the next sweep, as nothing retries it).
      await this.#db.query('UPDATE jobs SET locked_until = $1 WHERE id = $2 AND locked_until = $3', [isoNow(), id, lease.until]).catch(() => undefined);
      throw failure;
    }
    if (!ok) this.#logger.warning(`store: job ${id} (${job.kind}) failed: ${getErrorMessage(failure)}`);
    const finished = await this.#db
      .query(
        ok
          ? `UPDATE jobs SET state = 'succeeded', counts = $1, finished_at = $2, locked_until = NULL WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`
          : `UPDATE jobs SET state = 'failed', counts = $1, finished_at = $2, locked_until = NULL, error = $5 WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`,
        [JSON.stringify(job.counts), isoNow(), id, lease.until, ...(ok ? [] : [getErrorMessage(failure).slice(0, 2000)])],
      )
      .catch((e: unknown) => {
        this.#logger.warning(`store: job ${id}: cannot record its outcome: ${getErrorMessage(e)}`);
        return undefined;
      });
    // The job's batches are done: this replica's open database is closed now, not when it idles.
    await this.#exclusive(async () => this.#dropData());
    if (!finished) return;
    if (finished[0] && ok) this.#logger.info(`store: job ${id} (${job.kind}) succeeded`);
    if (!finished[0]) this.#logger.warning(`store: job ${id} (${job.kind}) was taken over by another process before it finished here; its outcome is theirs`);
  }

  /**
   * Splits the re-evaluation into batches: every stored image's latest evaluation (those the policy `policyName`
   * decides, for a policy change), with the bundle it resolves to, `#batchSize` per batch. The batches and the job's
   * image count and data fingerprint are recorded in one transaction, then sent to the queue.
   */
  async #split(job: JobRecord, reason: EvaluationReason, fingerprint: string, policyName?: string): Promise<void> {
    const latest = await this.#repo.latestPerImage();
    const work: BatchItem[] = [];
    // Many images resolve to one bundle: resolved once per (policy name, bundle id) in the job.
    const resolved = new Map<string, ResolvedBundle>();
    for (const ev of latest) {
      const key = JSON.stringify([ev.policy_name, ev.bundle_id]);
      let bundle = resolved.get(key);
      if (!bundle) resolved.set(key, (bundle = await this.#policies.resolve(ev)));
      if (policyName !== undefined && bundle.name !== policyName) continue;
      this.#bundles.set(`${bundle.name}\n${bundle.digest}`, bundle);
      const { id, image_digest, repository, tag, commit, pipeline_run, files, created_at, policy_name, bundle_id } = ev;
      work.push({ id, image_digest, repository, tag, commit, pipeline_run, files, created_at, policy_name, bundle_id, bundle: { name: bundle.name, digest: bundle.digest } });
    }
    job.counts.images = work.length;
    const now = isoNow();
    const batches: { id: string; work: QueuedWork; jobId: string }[] = [];
    await this.#db.transaction(async (tx) => {
      for (let at = 0, seq = 0; at < work.length; at += this.#batchSize, seq++) {
        const items = work.slice(at, at + this.#batchSize);
        const id = jobIdOf(job.id, 'batch', String(seq));
        await tx.query(`INSERT INTO job_batches (id, job_id, seq, items, state, counts, created_at) VALUES ($1, $2, $3, $4, 'queued', $5, $6) ON CONFLICT (id) DO NOTHING`, [
          id,
          job.id,
          seq,
          JSON.stringify(items),
          JSON.stringify({ ...EMPTY_COUNTS, images: items.length }),
          now,
        ]);
        batches.push({ id, work: { id }, jobId: id });
      }
      await tx.query('UPDATE jobs SET counts = $1, data_fingerprint = $2 WHERE id = $3', [JSON.stringify(job.counts), fingerprint, job.id]);
    });
    this.#logger.info(`store: job ${job.id}: ${work.length} images in ${batches.length} batches of up to ${this.#batchSize}`);
    await this.#jobs.sendAll('store-batch', batches);
  }

  /**
   * Waits, holding the job's lease, until every batch of `job` has finished (here or on another replica), keeping
   * the job's counts the sum of its batches'. A batch whose queue job is gone while its row is unfinished (its
   * replica died on its last attempt, or it was never queued) is failed, so the wait ends. Throws when a batch failed.
   */
  async #awaitBatches(job: JobRecord, lease: RowLease): Promise<void> {
    let seen = '';
    let movedAt = Date.now();
    for (;;) {
      if (this.#closed) throw new Error('the store is stopping');
      if (lease.lost) throw new Error('its lease was lost (another process took the job over)');
      const rows = await this.#db.query<Record<string, unknown>>('SELECT id, seq, state, counts, error, attempts, locked_until FROM job_batches WHERE job_id = $1 ORDER BY seq', [job.id]);
      const counts: JobCounts = { ...EMPTY_COUNTS };
      for (const r of rows) {
        const c = JSON.parse(String(r.counts)) as JobCounts;
        counts.images += c.images;
        counts.reevaluated += c.reevaluated;
        counts.changed += c.changed;
        counts.failed += c.failed;
      }
      job.counts = counts;
      const open = rows.filter((r) => r.state === 'queued' || r.state === 'running');
      if (!open.length) {
        const failed = rows.filter((r) => r.state === 'failed');
        if (failed.length) {
          const first = failed[0]!;
          throw new Error(`${failed.length} of ${rows.length} batches failed; batch ${Number(first.seq) + 1}: ${String(first.error ?? 'failed')}`);
        }
        return;
      }
      await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(counts), job.id]);
      const now = isoNow();
      const state = rows.map((r) => `${String(r.state)}/${String(r.attempts)}`).join(',');
      if (state !== seen) [seen, movedAt] = [state, Date.now()];
      // A running batch whose lease expired is asked about at once; a queued one only when nothing moved for a lease.
      const stalled = Date.now() - movedAt > this.#leaseMs;
      for (const r of open) {
        const expired = r.locked_until === null || r.locked_until === undefined ? stalled : String(r.locked_until) < now;
        if (!expired || (r.state === 'queued' && !stalled)) continue;
        if (await this.#jobs.pending('store-batch', String(r.id))) continue;
        await this.#db.query(
          `UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
           WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2)`,
          [`lost after ${String(r.attempts)} attempt(s): its process stopped and the queue will not run it again`, now, r.id],
        );
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#wake.delete(done);
          resolve();
        };
        const timer = setTimeout(done, this.#batchPollMs);
        this.#wake.add(done);
      });
    }
  }

  /**
   * Runs the batch `id` for the queue: takes its lease as a job's is taken, re-evaluates its images with this
   * replica's vulnerability data (opened once for the job's data and kept while batches of it run here, brought to
   * the job's data first when it is behind), and records its counts while still holding the lease. A batch that
   * fails is retried (pg-boss, on any replica; the in-process queue, here) until its `batchAttempts`-th attempt,
   * then failed with its error, which fails the job.
   */
  async #runBatch(id: string): Promise<void> {
    if (this.#closed) {
      if (this.#jobs.kind === 'local') return;
      throw new Error('the store is stopping');
    }
    const now = isoNow();
    const until = leaseUntil(this.#leaseMs);
    const claimed = await this.#db.query(
      `UPDATE job_batches SET state = 'running', runner = $1, started_at = COALESCE(started_at, $2), locked_until = $3, attempts = attempts + 1
       WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND (locked_until IS NULL OR locked_until < $2))) RETURNING id, job_id, seq, items, attempts`,
      [this.#runner, now, until, id],
    );
    if (!claimed[0]) {
      const row = await this.#db.query<{ state: string }>('SELECT state FROM job_batches WHERE id = $1', [id]);
      if (!row[0] || row[0].state === 'succeeded' || row[0].state === 'failed') return;
      throw new Error(`batch ${id} is running in another process`);
    }
    const jobId = String(claimed[0].job_id);
    const name = `batch ${Number(claimed[0].seq) + 1} of job ${jobId}`;
    const attempt = Number(claimed[0].attempts);
    const items = JSON.parse(String(claimed[0].items)) as BatchItem[];
    const counts: JobCounts = { ...EMPTY_COUNTS, images: items.length };
    const lease = new RowLease(this.#db, 'job_batches', id, until, this.#leaseMs);
    const parent = (await this.#db.query<{ state: string; reason: string; data_fingerprint: string | null }>('SELECT state, reason, data_fingerprint FROM jobs WHERE id = $1', [jobId]))[0];
    if (parent?.state !== 'running') {
      await this.#db.query(`UPDATE job_batches SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL WHERE id = $3 AND locked_until = $4`, [
        `not run: its job is ${parent?.state ?? 'gone'}`,
        isoNow(),
        id,
        until,
      ]);
      return;
    }
    this.#logger.info(`store: ${name} started on ${this.#runner}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
    lease.start();
    let failure: unknown;
    let ok = false;
    try {
      await this.#withData(parent.data_fingerprint, (vulnerabilities) => this.#evaluate(jobId, parent.reason as EvaluationReason, items, vulnerabilities, counts));
      ok = !lease.lost;
      if (!ok) failure = new Error('its lease was lost (another process took the batch over)');
    } catch (error) {
      failure = error;
    } finally {
      await lease.stop();
    }
    const message = getErrorMessage(failure).slice(0, 1500);
    const last = attempt >= this.#batchAttempts;
    if (!ok && (!last || this.#closed)) {
      // Retried: the lease is given up at once, and the row queued again for whoever runs it next.
      const released = await this.#db.query(`UPDATE job_batches SET state = 'queued', locked_until = NULL, error = $1 WHERE id = $2 AND state = 'running' AND locked_until = $3 RETURNING id`, [
        message,
        id,
        lease.until,
      ]);
      if (!released[0]) return;
      this.#logger.warning(`store: ${name} failed on ${this.#runner} (attempt ${attempt} of ${this.#batchAttempts}), to be retried: ${message}`);
      if (this.#jobs.kind === 'pg-boss') throw failure;
      if (!this.#closed) await this.#jobs.send('store-batch', { id }, { jobId: id });
      return;
    }
    const finished = await this.#db.query(
      ok
        ? `UPDATE job_batches SET state = 'succeeded', counts = $1, finished_at = $2, locked_until = NULL, error = NULL, items = '[]' WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`
        : `UPDATE job_batches SET state = 'failed', counts = $1, finished_at = $2, locked_until = NULL, error = $5 WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`,
      [JSON.stringify(counts), isoNow(), id, lease.until, ...(ok ? [] : [`failed after ${attempt} attempts: ${message}`])],
    );
    for (const wake of [...this.#wake]) wake();
    if (!finished[0]) this.#logger.warning(`store: ${name} was taken over by another process before it finished on ${this.#runner}; its outcome is theirs`);
    else if (ok) this.#logger.info(`store: ${name} succeeded on ${this.#runner}: ${counts.reevaluated} re-evaluated, ${counts.changed} changed, ${counts.failed} failed`);
    else this.#logger.warning(`store: ${name} failed on ${this.#runner} after ${attempt} attempts: ${message}`);
  }

  /** Re-evaluates a batch's images (a few in flight at once) and stores them together; counts what it did in `counts`. */
  async #evaluate(jobId: string, reason: EvaluationReason, items: BatchItem[], vulnerabilities: VulnerabilityStage, counts: JobCounts): Promise<void> {
    // A few images in flight at once, so one's file reads and writes overlap another's matching; stored in order.
    const inputs: (EvaluationInput | undefined)[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i]!;
        try {
          inputs[i] = await this.reevaluate(item, await this.#bundleOf(item), { reason, key: `${jobId}:${item.image_digest}`, vulnerabilities });
        } catch (error) {
          counts.failed++;
          this.#logger.warning(`store: re-evaluating ${item.image_digest} failed: ${getErrorMessage(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
    await this.#store(
      counts,
      items.flatMap((item, i) => (inputs[i] ? [{ item, input: inputs[i] }] : [])),
    );
  }

  /** The bundle an item was resolved to when the job was split (by name and digest: a later change is another job's). */
  async #bundleOf(item: BatchItem): Promise<ResolvedBundle> {
    const key = `${item.bundle.name}\n${item.bundle.digest}`;
    const cached = this.#bundles.get(key);
    if (cached) return cached;
    let bundle = await this.#policies.resolve(item);
    if (bundle.name !== item.bundle.name || bundle.digest !== item.bundle.digest) {
      const rows = await this.#db.query<{ content: string }>('SELECT content FROM bundles WHERE digest = $1', [item.bundle.digest]);
      if (!rows[0]) throw new Error(`the bundle ${item.bundle.digest} of policy ${item.bundle.name} is no longer stored`);
      bundle = { name: item.bundle.name, digest: item.bundle.digest, content: rows[0].content, bundle: loadBundle(rows[0].content, `policy ${item.bundle.name}`) };
    }
    if (this.#bundles.size > 256) this.#bundles.clear();
    this.#bundles.set(key, bundle);
    return bundle;
  }

  /** Runs `fn` alone among this replica's uses of its vulnerability data (batches, the refresh that rewrites it). */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(fn, fn);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `fn` with this replica's database opened for the job's data `wanted` (its fingerprint): the one open
   * already when it was opened for that data, else opened now, after a refresh when this replica's data is not the
   * job's (another replica refreshed its own copy). Kept open for the next batch; closed once batches stop coming.
   */
  async #withData<T>(wanted: string | null, fn: (stage: VulnerabilityStage) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      clearTimeout(this.#dataIdle);
      try {
        return await fn(await this.#dataFor(wanted ?? ''));
      } finally {
        this.#dataIdle = setTimeout(() => void this.#exclusive(async () => this.#dropData()), DATA_IDLE_MS);
        this.#dataIdle.unref();
      }
    });
  }

  async #dataFor(wanted: string): Promise<VulnerabilityStage> {
    if (this.#data && this.#data.wanted === wanted) return this.#data.stage;
    this.#dropData();
    const { cacheDir } = this.options.data;
    if (wanted && dataFingerprint(readMetadata(cacheDir)) !== wanted) {
      this.#logger.info(`store: the vulnerability data in ${cacheDir} is not the job's; refreshing it first`);
      const { fingerprint } = await refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
      if (fingerprint !== wanted) this.#logger.warning(`store: the vulnerability data in ${cacheDir} still differs from the job's after a refresh (its source changed since); re-evaluating with it`);
    }
    let problem = '';
    const opened = openVulnerabilityData(cacheDir, { ...silentLogger, warning: (m: string) => void (problem = m) });
    if (!opened.db) throw new Error(problem || `no vulnerability database in ${cacheDir}`);
    this.#data = { wanted, opened, stage: openedDatabaseStage(opened) };
    return this.#data.stage;
  }

  /** This replica's data as a policy change's batches are to use it ('': whatever each replica has, when unreadable here). */
  #localFingerprint(): string {
    try {
      return dataFingerprint(readMetadata(this.options.data.cacheDir));
    } catch {
      return '';
    }
  }

  #dropData(): void {
    clearTimeout(this.#dataIdle);
    this.#data?.opened.db?.close();
    this.#data = undefined;
  }

  /** Stores a batch of new evaluations in one transaction; when that fails, each on its own (one bad row fails alone). */
  async #store(counts: JobCounts, batch: { item: BatchItem; input: EvaluationInput }[]): Promise<void> {
    if (!batch.length) return;
    let records: { record: EvaluationRecord }[] | undefined;
    try {
      records = await this.#repo.ingestEvaluations(batch.map((b) => b.input));
    } catch (error) {
      this.#logger.warning(`store: storing ${batch.length} re-evaluations together failed (${getErrorMessage(error)}); storing them one by one`);
    }
    for (const [i, { item, input }] of batch.entries()) {
      try {
        const record = records?.[i]?.record ?? (await this.#repo.ingestEvaluation(input)).record;
        counts.reevaluated++;
        if (record.diff && !diffIsEmpty(record.diff)) counts.changed++;
      } catch (error) {
        counts.failed++;
        this.#logger.warning(`store: re-evaluating ${item.image_digest} failed: ${getErrorMessage(error)}`);
      }
    }
  }

  /**
   * Scans the evaluation's SBOM again with today's data and `bundle` (the scan pipeline, with the job's open
   * database as its vulnerability stage, the SBOM and the bundle passed in parsed, no output rendered), and returns
   * the new evaluation to store. Of the previous report only what carry-over uses is read (carry-over.ts).
   */
  async reevaluate(ev: Omit<BatchItem, 'bundle'>, bundle: ResolvedBundle, at: { reason: EvaluationReason; key: string; vulnerabilities: VulnerabilityStage }): Promise<EvaluationInput> {
    const { reason, key } = at;
    if (!ev.files.sbom) throw new Error('the evaluation has no SBOM');
    const sbom = await this.#repo.readFile(ev.files.sbom);
    if (!sbom) throw new Error(`the SBOM file ${ev.files.sbom} is missing`);
    const config: ScanConfig = {
      // Names the image in the report (the SBOM's own name and tags still come first).
      image: `sbom:${ev.files.sbom}`,
      source: {},
      failOn: 'never',
      outputs: [],
      vulnerabilities: { enabled: true, cacheDir: this.options.data.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
    };
    const document = parseSbom(sbom.toString('utf8'), `the SBOM file ${ev.files.sbom}`);
    const { report: fresh } = await runScan(config, { env: this.#env, logger: silentLogger, vulnerabilities: at.vulnerabilities, sbom: document, bundle: bundle.bundle, render: false });
    // The SBOM has no file view and no Dockerfile: the results of the gates that need them come from the
    // evaluation that had the image (see carry-over.ts), never dropped to GO.
    const previousReport = await this.#repo.readFile(ev.files.report);
    if (!previousReport) throw new Error(`the report file ${ev.files.report} is missing`);
    const previous = readCarryOverReport(previousReport, `the report file ${ev.files.report}`);
    const report = applyCarryOver(fresh, { id: ev.id, created_at: ev.created_at, report: previous }, { bundle: bundle.bundle, policyChange: reason === 'policy_change' });
    const summary = summariseReport(report);
    const data = Buffer.from(JSON.stringify(report));
    return {
      image_digest: ev.image_digest,
      ...(ev.repository ? { repository: ev.repository } : {}),
      ...(ev.tag ? { tag: ev.tag } : {}),
      ...(ev.commit ? { commit: ev.commit } : {}),
      ...(ev.pipeline_run ? { pipeline_run: ev.pipeline_run } : {}),
      decision: summary.decision,
      counts: summary.counts,
      report: { name: 'portcullis-report.json', contentType: 'application/json', data },
      sbomFileId: ev.files.sbom,
      idempotencyKey: `${reason}:${key}`,
      reason,
      policy_name: bundle.name,
      ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
      bundle_digest: bundle.digest,
      parsedReport: report,
    };
  }
}
