/**
 * The store's background work as jobs on a queue: data refreshes and re-evaluations (`store-job`), the batches a
 * re-evaluation is split into (`store-batch`, run by whichever replica takes each), watch polls (`watch-poll`) and
 * notification deliveries (`notify-deliver`). The queue only triggers and schedules the work; the
 * rows the work is about stay the truth and the guard against doing it twice: a `jobs` row, a watch and an outbox
 * row are each leased (`locked_until`) by the process working on it, and a lease that was not renewed expires.
 *
 * Two implementations, chosen explicitly by the store (open-queue.ts), none loaded by an import's side effect:
 * - `local` (local.ts): in the process, for the embedded store (SQLite, one process). What it holds is lost when
 *   the process stops, so a job it held is failed as interrupted once its lease expires (nothing retries it).
 * - `pg-boss` (pg-boss.ts): jobs in the store's PostgreSQL, for several `serve` replicas. Each job runs on one
 *   replica; a job whose replica died (its heartbeat stopped) is retried on another one.
 */

export type QueueName = 'store-job' | 'store-batch' | 'watch-poll' | 'notify-deliver';

export const QUEUE_NAMES: readonly QueueName[] = ['store-job', 'store-batch', 'watch-poll', 'notify-deliver'];

/** Every job carries the id of the row it is about (a `jobs` row, a `job_batches` row, a watch, a notification). */
export interface QueuedWork {
  id: string;
}

export interface SendOptions {
  /**
   * Sending the same key again while a job with it is still queued does nothing (a watch or a notification is
   * queued once, however many replicas notice it is due).
   */
  singletonKey?: string;
  /** The job's own id (a `jobs` row's id), so `pending()` can ask about it. */
  jobId?: string;
  /**
   * Jobs of one group run one at a time across every replica (a subscription's deliveries: the github_issue channel
   * finds or opens one issue per image, which two concurrent deliveries would both open).
   */
  group?: string;
}

export type WorkHandler = (work: QueuedWork) => Promise<void>;

export interface JobQueue {
  readonly kind: 'local' | 'pg-boss';
  /**
   * Runs `handler` for the jobs sent to `name`. A handler that throws has its job retried later by a queue that
   * retries (pg-boss); `local` logs nothing and drops it (the handlers record their own failures).
   */
  work(name: QueueName, handler: WorkHandler): Promise<void>;
  send(name: QueueName, work: QueuedWork, options?: SendOptions): Promise<void>;
  /** Sends many jobs at once (one statement on pg-boss), each with its own id; an id already queued is skipped. */
  sendAll(name: QueueName, jobs: readonly { work: QueuedWork; jobId: string }[]): Promise<void>;
  /** Whether the queue still holds the job sent with `jobId`: queued, running, or waiting to be retried. */
  pending(name: QueueName, jobId: string): Promise<boolean>;
  /** Resolves when the jobs this process is running or holds have finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for those running in this process. */
  close(): Promise<void>;
}
