/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction that also records it in
 * `schema_migrations`; a database newer than this build is refused. Append new versions; never edit old ones.
 */

import { ConfigurationError } from '../common/errors.js';
import type { SqlDb } from './db.js';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tokens, files, runtime compliance checks, evaluations',
    statements: [
      `CREATE TABLE tokens (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, scopes TEXT NOT NULL,
        created_at TEXT NOT NULL, revoked_at TEXT)`,
      `CREATE TABLE files (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL,
        sha256 TEXT NOT NULL, created_at TEXT NOT NULL)`,
      `CREATE TABLE compliance_checks (
        id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE, check_type TEXT NOT NULL, image_digest TEXT NOT NULL,
        result TEXT, pod TEXT, namespace TEXT, image_tag TEXT, start_time TEXT, end_time TEXT,
        result_file_id TEXT REFERENCES files(id), report_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
      `CREATE INDEX compliance_checks_digest ON compliance_checks (image_digest, created_at)`,
      `CREATE TABLE evaluations (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, image_digest TEXT NOT NULL,
        repository TEXT, tag TEXT, commit_sha TEXT, pipeline_run TEXT, decision TEXT NOT NULL, counts TEXT NOT NULL,
        report_file_id TEXT NOT NULL REFERENCES files(id), sbom_file_id TEXT REFERENCES files(id),
        sarif_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
      `CREATE INDEX evaluations_digest ON evaluations (image_digest, created_at)`,
      `CREATE INDEX evaluations_repo_tag ON evaluations (repository, tag, created_at)`,
    ],
  },
  {
    version: 2,
    name: 're-evaluation (reason, bundle, difference), policies, jobs, subscriptions, notification outbox',
    statements: [
      `ALTER TABLE evaluations ADD COLUMN reason TEXT NOT NULL DEFAULT 'push'`,
      `ALTER TABLE evaluations ADD COLUMN policy_name TEXT`,
      `ALTER TABLE evaluations ADD COLUMN bundle_id TEXT`,
      `ALTER TABLE evaluations ADD COLUMN bundle_digest TEXT`,
      `ALTER TABLE evaluations ADD COLUMN summary TEXT`,
      `ALTER TABLE evaluations ADD COLUMN diff TEXT`,
      `ALTER TABLE evaluations ADD COLUMN previous_id TEXT`,
      `CREATE TABLE bundles (digest TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TEXT NOT NULL)`,
      `CREATE TABLE policies (
        name TEXT PRIMARY KEY, bundle_digest TEXT NOT NULL REFERENCES bundles(digest), updated_at TEXT NOT NULL)`,
      `CREATE TABLE jobs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT, state TEXT NOT NULL, counts TEXT NOT NULL,
        error TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`,
      `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY, events TEXT NOT NULL, filter_repository TEXT, filter_tag TEXT, channel TEXT NOT NULL,
        config TEXT NOT NULL, created_at TEXT NOT NULL)`,
      `CREATE TABLE notifications (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, subscription_id TEXT NOT NULL, event TEXT NOT NULL,
        evaluation_id TEXT, payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL,
        locked_until TEXT, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT)`,
      `CREATE INDEX notifications_due ON notifications (state, next_attempt_at)`,
      `CREATE TABLE notification_attempts (
        id TEXT PRIMARY KEY, notification_id TEXT NOT NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL,
        outcome TEXT NOT NULL, status INTEGER, error TEXT, duration_ms INTEGER)`,
      `CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id, attempt)`,
    ],
  },
  {
    version: 3,
    name: 'registry watches',
    statements: [
      `CREATE TABLE watches (
        id TEXT PRIMARY KEY, repository TEXT NOT NULL, tags TEXT NOT NULL, interval_text TEXT NOT NULL, interval_ms BIGINT NOT NULL,
        policy TEXT, created_at TEXT NOT NULL, last_polled_at TEXT, last_error TEXT, next_poll_at TEXT NOT NULL, locked_until TEXT)`,
      `CREATE UNIQUE INDEX watches_repository_tags ON watches (repository, tags)`,
      `CREATE INDEX watches_due ON watches (next_poll_at)`,
      `CREATE TABLE watch_tags (
        watch_id TEXT NOT NULL REFERENCES watches(id), tag TEXT NOT NULL, digest TEXT NOT NULL, evaluation_id TEXT,
        seen_at TEXT NOT NULL, PRIMARY KEY (watch_id, tag))`,
    ],
  },
  {
    version: 4,
    name: 'tokens scoped to repository globs',
    // A JSON array of globs; NULL (every existing token): every repository.
    statements: [`ALTER TABLE tokens ADD COLUMN repositories TEXT`],
  },
  {
    version: 5,
    name: 'github_issue channel: issue numbers',
    // Keyed as the marker is (subscription, image repository or '', digest); a missing row is found by listing.
    statements: [
      `CREATE TABLE github_issues (
        subscription_id TEXT NOT NULL, image_repository TEXT NOT NULL, image_digest TEXT NOT NULL,
        github_repository TEXT NOT NULL, issue_number BIGINT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, image_repository, image_digest))`,
    ],
  },
  {
    version: 6,
    name: 'jobs leased like the outbox and the watches',
    // locked_until: the process running (or sending) the job holds it until then, and renews it; attempts: runs started.
    statements: [`ALTER TABLE jobs ADD COLUMN locked_until TEXT`, `ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`],
  },
  {
    version: 7,
    name: 're-evaluation batches, run by any replica',
    // A re-evaluation job's images split into batches (items: the evaluations to re-evaluate, with the bundle each
    // was resolved to; emptied once the batch succeeded), each leased and retried like a job; runner: the process
    // that last took it. The job's
    // data_fingerprint: the vulnerability data its batches are to run with (a replica behind it catches up).
    statements: [
      `CREATE TABLE job_batches (
        id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES jobs(id), seq INTEGER NOT NULL, items TEXT NOT NULL,
        state TEXT NOT NULL, counts TEXT NOT NULL, error TEXT, runner TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`,
      `CREATE UNIQUE INDEX job_batches_job_seq ON job_batches (job_id, seq)`,
      `CREATE INDEX job_batches_state ON job_batches (state)`,
      `ALTER TABLE jobs ADD COLUMN data_fingerprint TEXT`,
    ],
  },
];

/** Applies the pending migrations; returns the versions applied. */
export async function migrate(db: SqlDb, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = [...applied].filter((v) => v > newest);
  if (ahead.length) {
    throw new ConfigurationError(`${db.label} has schema version ${Math.max(...ahead)}, newer than this portcullis knows (${newest}); upgrade portcullis`);
  }
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const s of m.statements) await tx.query(s);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    });
    done.push(m.version);
  }
  return done;
}
