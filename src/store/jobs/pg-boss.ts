/**
 * The queue of a store on PostgreSQL: pg-boss (a job queue in the same database, so no new server), for several
 * `serve` replicas. Each job is fetched by one replica; while it runs, pg-boss's heartbeat says the replica is alive,
 * and a job whose heartbeat stopped (the replica was killed) is retried on another replica. pg-boss is loaded only
 * here, with a dynamic import, and only after the Node.js version check (pg-boss 12 needs Node.js 22.12).
 */

import { ConfigurationError, getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import { silentLogger } from '../../common/logger.js';
import type { JobQueue, QueuedWork, QueueName, SendOptions, WorkHandler } from './queue.js';
import { QUEUE_NAMES } from './queue.js';

/** The Node.js that pg-boss 12 (the queue of a store on PostgreSQL) declares it needs. */
export const PG_STORE_MIN_NODE = '22.12.0';

function atLeast(version: string, min: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether this Node.js (or `version`) runs a store on PostgreSQL. */
export function nodeRunsPostgresStore(version: string = process.versions.node): boolean {
  return atLeast(version, PG_STORE_MIN_NODE);
}

/** A store on PostgreSQL refuses to start on an older Node.js: one line naming both versions. */
export function checkNodeForPostgresStore(version: string = process.versions.node): void {
  if (!nodeRunsPostgresStore(version)) {
    throw new ConfigurationError(
      `a store on PostgreSQL needs Node.js ${PG_STORE_MIN_NODE} or newer (its job queue, pg-boss 12, does); this is Node.js ${version.replace(/^v/, '')} (a SQLite store runs on it)`,
    );
  }
}

export interface PgBossQueueOptions {
  /** The store's PostgreSQL (its credentials stay inside pg-boss's pool). */
  connectionString: string;
  logger?: Logger;
  /** pg-boss's heartbeat: a running job whose replica has not beaten for this long is retried elsewhere (>= 10). */
  heartbeatSeconds?: number;
  /** How often a replica looks for jobs whose heartbeat stopped (pg-boss's supervise and monitor passes). */
  superviseSeconds?: number;
  /** How often an idle worker looks for new jobs. */
  pollingSeconds?: number;
  /** Runs of a job (a data refresh or a re-evaluation) after the first, when the first died or failed. */
  retryLimit?: number;
}

/**
 * Jobs running at once per replica: one of each, as in the embedded store (the github_issue channel finds or opens
 * one issue per image, which two concurrent deliveries of one subscription would both open; a re-evaluation's
 * batches spread over the replicas, one at a time on each, as a batch is CPU-bound and keeps a few images in flight). Across replicas a
 * subscription's deliveries are grouped (groupConcurrency 1).
 */
const CONCURRENCY: Record<QueueName, number> = { 'store-job': 1, 'store-batch': 1, 'watch-poll': 1, 'notify-deliver': 1 };

interface Boss {
  start(): Promise<unknown>;
  stop(options?: { graceful?: boolean; timeout?: number; close?: boolean }): Promise<void>;
  createQueue(name: string, options?: Record<string, unknown>): Promise<void>;
  getQueue(name: string): Promise<unknown>;
  send(name: string, data: object, options?: Record<string, unknown>): Promise<string | null>;
  insert(name: string, jobs: { id: string; data: object }[]): Promise<string[] | null>;
  work(name: string, options: Record<string, unknown>, handler: (jobs: { id: string; data: QueuedWork }[]) => Promise<void>): Promise<string>;
  findJobs(name: string, options: { id: string }): Promise<{ state: string }[]>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Wakes a worker waiting out its polling interval, so it fetches again at once. */
  notifyWorker(workerId: string): void;
}

export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  private constructor(
    readonly boss: Boss,
    readonly options: PgBossQueueOptions,
  ) {}

  static async open(options: PgBossQueueOptions): Promise<PgBossJobQueue> {
    checkNodeForPostgresStore();
    const logger = options.logger ?? silentLogger;
    const { PgBoss } = await import('pg-boss');
    const supervise = options.superviseSeconds ?? 10;
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: 'pgboss',
      max: 4,
      application_name: 'portcullis-store',
      superviseIntervalSeconds: supervise,
      monitorIntervalSeconds: supervise,
      schedule: false,
    }) as unknown as Boss;
    boss.on('error', (error) => logger.warning(`store: job queue: ${getErrorMessage(error)}`));
    try {
      await boss.start();
      const heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 30);
      const base = { heartbeatSeconds, expireInSeconds: 12 * 3600, deleteAfterSeconds: 7 * 86_400 };
      const queues: Record<QueueName, Record<string, unknown>> = {
        // A refresh or re-evaluation killed with its replica runs again elsewhere (it is idempotent, reevaluate.ts).
        'store-job': { ...base, policy: 'standard', retryLimit: options.retryLimit ?? 5, retryDelay: 1 },
        // A re-evaluation's batch: retried on any replica after its replica died or it failed (reevaluate.ts counts
        // its attempts on its row and fails it after its own limit, which stays within this one).
        'store-batch': { ...base, policy: 'standard', retryLimit: options.retryLimit ?? 5, retryDelay: 1 },
        // One queued and one running poll per watch, one delivery per notification: the watch's next_poll_at and
        // the outbox's own backoff decide when they run again, so pg-boss does not retry them.
        'watch-poll': { ...base, policy: 'stately', retryLimit: 0 },
        'notify-deliver': { ...base, policy: 'stately', retryLimit: 0 },
      };
      for (const name of QUEUE_NAMES) {
        try {
          await boss.createQueue(name, queues[name]);
        } catch (error) {
          // Another replica created it at the same moment.
          if (!(await boss.getQueue(name))) throw error;
        }
      }
    } catch (error) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw new ConfigurationError(`cannot start the store's job queue (pg-boss) on PostgreSQL: ${getErrorMessage(error)}`, { cause: error });
    }
    return new PgBossJobQueue(boss, options);
  }

  async work(name: QueueName, handler: WorkHandler): Promise<void> {
    const pollingIntervalSeconds = this.options.pollingSeconds ?? 1;
    const grouped = name === 'notify-deliver' ? { groupConcurrency: 1 } : {};
    // pg-boss's worker waits its polling interval after every fetch of a batch of one, so a queue of short jobs
    // (deliveries of a few milliseconds) would drain at one job per interval. After each job, the worker is woken
    // to fetch again at once (each queue has one worker per replica, CONCURRENCY); only a fetch that finds nothing
    // waits the interval.
    const worker: { id?: string } = {};
    worker.id = await this.boss.work(name, { batchSize: 1, localConcurrency: CONCURRENCY[name], pollingIntervalSeconds, ...grouped }, async (jobs) => {
      for (const job of jobs) {
        const run = handler(job.data);
        this.#running.add(run);
        try {
          await run;
        } finally {
          this.#running.delete(run);
        }
      }
      if (worker.id !== undefined && !this.#closed) this.boss.notifyWorker(worker.id);
    });
  }

  async send(name: QueueName, work: QueuedWork, options: SendOptions = {}): Promise<void> {
    if (this.#closed) return;
    await this.boss.send(name, work, {
      ...(options.jobId ? { id: options.jobId } : {}),
      ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
      ...(options.group !== undefined ? { group: { id: options.group } } : {}),
    });
  }

  async sendAll(name: QueueName, jobs: readonly { work: QueuedWork; jobId: string }[]): Promise<void> {
    if (this.#closed) return;
    for (let at = 0; at < jobs.length; at += 500) await this.boss.insert(name, jobs.slice(at, at + 500).map((j) => ({ id: j.jobId, data: j.work })));
  }

  async pending(name: QueueName, jobId: string): Promise<boolean> {
    const found = await this.boss.findJobs(name, { id: jobId });
    return found.some((j) => j.state === 'created' || j.state === 'retry' || j.state === 'active');
  }

  async idle(): Promise<void> {
    while (this.#running.size) await Promise.allSettled([...this.#running]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    // Graceful: the jobs running here finish (or give up, as the store stops) before the pool closes.
    await this.boss.stop({ graceful: true, timeout: 30_000, close: true }).catch(() => undefined);
    await this.idle();
  }
}
