/**
 * A row lease, the one mechanism the store's background work shares (the outbox's and the watches' `locked_until`,
 * the `jobs` rows' and their batches'): a process works on a row only while `locked_until` is in the future and holds the value it
 * wrote there; it renews the lease while it works, and a process that died stops renewing, so its lease expires
 * and another process may take the row. Every write the holder makes after it is conditional on still holding it.
 */

import type { SqlDb } from '../db.js';

export function leaseUntil(leaseMs: number, now = Date.now()): string {
  return new Date(now + leaseMs).toISOString();
}

/** Renews `table`'s row `id` lease every third of `leaseMs` while work runs; notices when it was taken over. */
export class RowLease {
  #until: string;
  #lost = false;
  #timer: NodeJS.Timeout | undefined;
  #renewing: Promise<void> = Promise.resolve();

  constructor(
    readonly db: SqlDb,
    readonly table: 'jobs' | 'job_batches' | 'watches' | 'notifications',
    readonly id: string,
    until: string,
    readonly leaseMs: number,
  ) {
    this.#until = until;
  }

  /** The value in `locked_until` while this process holds the row. */
  get until(): string {
    return this.#until;
  }

  get lost(): boolean {
    return this.#lost;
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.#renewing = this.#renewing.then(async () => void (await this.renew())).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    this.#timer.unref();
  }

  async renew(): Promise<boolean> {
    if (this.#lost) return false;
    const next = leaseUntil(this.leaseMs);
    const rows = await this.db.query(`UPDATE ${this.table} SET locked_until = $1 WHERE id = $2 AND locked_until = $3 RETURNING id`, [next, this.id, this.#until]);
    if (rows[0]) this.#until = next;
    else this.#lost = true;
    return !this.#lost;
  }

  /** Stops renewing (waiting for a renewal in flight): afterwards `until` is what the row holds, unless `lost`. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#renewing;
  }
}
