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
