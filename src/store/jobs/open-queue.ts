/** Chooses the store's job queue: pg-boss for a store on PostgreSQL (replicas), the in-process queue for SQLite. */

import type { Logger } from '../../common/logger.js';
import type { SqlDb } from '../db.js';
import { postgresUrlOf } from '../postgres.js';
import { LocalJobQueue } from './local.js';
import type { JobQueue } from './queue.js';

export interface JobQueueSettings {
  /** pg-boss's heartbeat, in seconds (>= 10): how soon a killed replica's job is retried elsewhere. */
  heartbeatSeconds?: number;
  /** How often pg-boss looks for jobs whose heartbeat stopped, in seconds. */
  superviseSeconds?: number;
  /** How often an idle replica looks for jobs, in seconds (>= 0.5). */
  pollingSeconds?: number;
}

export async function openJobQueue(db: SqlDb, settings: JobQueueSettings = {}, logger?: Logger): Promise<JobQueue> {
  if (db.dialect !== 'postgres') return new LocalJobQueue();
  const connectionString = postgresUrlOf(db);
  if (!connectionString) throw new Error(`${db.label}: the job queue needs the store's connection URL`);
  const { PgBossJobQueue } = await import('./pg-boss.js');
  return PgBossJobQueue.open({ connectionString, ...settings, ...(logger ? { logger } : {}) });
}
