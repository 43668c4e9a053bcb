/**
 * The in-process queue of the embedded store (SQLite, one process): each queue name runs its jobs one at a time,
 * in the order sent. It holds nothing durable: a job it held when the process stopped is not retried, so its
 * `jobs` row is failed as interrupted once the row's lease expires (reevaluate.ts).
 */

import type { JobQueue, QueuedWork, QueueName, SendOptions, WorkHandler } from './queue.js';

export class LocalJobQueue implements JobQueue {
  readonly kind = 'local' as const;
  readonly #handlers = new Map<QueueName, WorkHandler>();
  readonly #chains = new Map<QueueName, Promise<void>>();
  /** Job ids sent and not finished, and singleton keys queued and not started. */
  readonly #pending = new Map<string, number>();
  readonly #queuedKeys = new Set<string>();
  /** Sent before a handler was registered: run once it is. */
  readonly #early = new Map<QueueName, { work: QueuedWork; options: SendOptions }[]>();
  #closed = false;

  async work(name: QueueName, handler: WorkHandler): Promise<void> {
    if (this.#handlers.has(name)) throw new Error(`a handler for ${name} is registered already`);
    this.#handlers.set(name, handler);
    for (const { work, options } of this.#early.get(name) ?? []) this.#chain(name, work, options);
    this.#early.delete(name);
  }

  async send(name: QueueName, work: QueuedWork, options: SendOptions = {}): Promise<void> {
    if (this.#closed) return;
    const key = options.singletonKey === undefined ? undefined : `${name}\n${options.singletonKey}`;
    if (key !== undefined) {
      if (this.#queuedKeys.has(key)) return;
      this.#queuedKeys.add(key);
    }
    if (options.jobId) this.#pending.set(options.jobId, (this.#pending.get(options.jobId) ?? 0) + 1);
    if (!this.#handlers.has(name)) {
      const early = this.#early.get(name) ?? [];
      early.push({ work, options });
      this.#early.set(name, early);
      return;
    }
    this.#chain(name, work, options);
  }

  async sendAll(name: QueueName, jobs: readonly { work: QueuedWork; jobId: string }[]): Promise<void> {
    for (const { work, jobId } of jobs) await this.send(name, work, { jobId });
  }

  #chain(name: QueueName, work: QueuedWork, options: SendOptions): void {
    const previous = this.#chains.get(name) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (options.singletonKey !== undefined) this.#queuedKeys.delete(`${name}\n${options.singletonKey}`);
      try {
        if (!this.#closed) await this.#handlers.get(name)!(work);
      } catch {
        // The handlers record their own failures on their rows; this queue does not retry.
      } finally {
        if (options.jobId) {
          // A job sent again while it ran (a batch retried here) is still pending.
          const left = (this.#pending.get(options.jobId) ?? 1) - 1;
          if (left > 0) this.#pending.set(options.jobId, left);
          else this.#pending.delete(options.jobId);
        }
      }
    });
    this.#chains.set(name, next);
  }

  async pending(_name: QueueName, jobId: string): Promise<boolean> {
    return this.#pending.has(jobId);
  }

  async idle(): Promise<void> {
    for (;;) {
      const chains = [...this.#chains.values()];
      await Promise.all(chains);
      if (chains.every((c, i) => c === [...this.#chains.values()][i]) && chains.length === this.#chains.size) return;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
  }
}
