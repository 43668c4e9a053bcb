import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { itUnless } from '../../test/helpers/skip.js';
import type { SqlDb } from './db.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { defaultSqliteEngine, openSqlite, SQL_JS_FALLBACK_WARNING, type SqliteEngine } from './sqlite.js';
import { loadNodeSqlite, nodeHasSqlite } from './sqlite-node.js';
import { NODE24, nodeWithSqlite, PROJECT_ROOT, runProbe, startProbe, type CommitMeasure } from './sqlite-probe.js';
import { createToken, scopesOf } from './tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'portcullis-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => join(dir, `${name}-${n++}.sqlite`);

/** The Node that runs the node:sqlite checks: this one when it has node:sqlite, else Node 24 from node_modules. */
const SQLITE_NODE = nodeWithSqlite();
const noSqliteNode = SQLITE_NODE ? undefined : `neither this Node (${process.version}) nor ${NODE24} has node:sqlite`;

describe('engine choice', () => {
  it('is node:sqlite from Node 22.13 / 23.4, sql.js before', () => {
    expect(['20.18.0', '22.12.0', '23.3.0'].map((v) => nodeHasSqlite(v))).toEqual([false, false, false]);
    expect(['22.13.0', '23.4.0', '24.0.0', '24.22.3'].map((v) => nodeHasSqlite(v))).toEqual([true, true, true, true]);
    expect(defaultSqliteEngine()).toBe(nodeHasSqlite() ? 'node:sqlite' : 'sql.js');
    // On Node 20 node:sqlite is never loaded.
    expect(loadNodeSqlite() !== undefined).toBe(nodeHasSqlite());
  });

  it('warns once, in one line, to the logger it is given, when it falls back to sql.js for a file', async () => {
    const lines: string[] = [];
    const logger = { warning: (m: string) => lines.push(m) };
    const a = await openSqlite(fresh('warn'), { logger });
    const b = await openSqlite(fresh('warn'), { logger });
    await a.close();
    await b.close();
    if (nodeHasSqlite()) expect(lines).toEqual([]);
    else {
      // Once per process, and only to a logger (serve's): the second open says nothing.
      expect(lines).toEqual([SQL_JS_FALLBACK_WARNING]);
      expect(SQL_JS_FALLBACK_WARNING).toMatch(/rewrites the whole database file on every commit; Node >= 22.13 \(24 recommended\)/);
      expect(SQL_JS_FALLBACK_WARNING).not.toContain('\n');
    }
  });
});

/** The store's SQL contract, run against `engine` in this process. */
function contract(engine: SqliteEngine): void {
  const open = (path?: string) => openSqlite(path, { engine });

  it('runs every migration once, and again none', async () => {
    const path = fresh(`migrate-${engine}`);
    const db = await open(path);
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    await db.close();
    const again = await open(path);
    expect(await migrate(again)).toEqual([]);
    expect((await again.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    await again.close();
  });

  it('binds $n in any order, and the same values the same way on both engines', async () => {
    const db = await open(undefined);
    try {
      await db.query('CREATE TABLE v (t TEXT, i INTEGER, r REAL, b BLOB, j TEXT)');
      await db.query('INSERT INTO v (j, i, t, r, b) VALUES ($5, $2, $1, $3, $4)', ['text', 7, 1.5, new Uint8Array([1, 2, 3]), { a: 1 }]);
      await db.query('INSERT INTO v (t, i, r, b, j) VALUES ($1, $2, $3, $4, $5)', [3, true, null, undefined, 10n]);
      const rows = await db.query('SELECT t, typeof(t) AS tt, i, r, b, j FROM v ORDER BY rowid');
      expect(rows[0]).toEqual({ t: 'text', tt: 'text', i: 7, r: 1.5, b: new Uint8Array([1, 2, 3]), j: '{"a":1}' });
      // An integer into a TEXT column is "3" (not "3.0"); a boolean is 1.
      expect(rows[1]).toEqual({ t: '3', tt: 'text', i: 1, r: null, b: null, j: '10' });
      expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
      expect(await db.query('SELECT $2 AS second, $1 AS first, $1 AS again', ['a', 'b'])).toEqual([{ second: 'b', first: 'a', again: 'a' }]);
      expect(await db.query('INSERT INTO v (t) VALUES ($1) RETURNING t', ['back'])).toEqual([{ t: 'back' }]);
    } finally {
      await db.close();
    }
  });

  it('rolls a failed transaction back, and stays usable', async () => {
    const db = await open(fresh(`rollback-${engine}`));
    try {
      await migrate(db);
      await createToken(db, 'kept', ['push']);
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO tokens (id, hash, name, scopes, created_at) VALUES ('x', 'h1', 'gone', '[]', 'now')`);
          await tx.query(`INSERT INTO tokens (id, hash, name, scopes, created_at) VALUES ('x', 'h2', 'dup', '[]', 'now')`);
        }),
      ).rejects.toThrow(/UNIQUE/);
      await expect(db.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
      expect((await db.query<{ name: string }>('SELECT name FROM tokens')).map((r) => r.name)).toEqual(['kept']);
      // Foreign keys are enforced.
      await expect(
        db.query(`INSERT INTO compliance_checks (id, check_type, image_digest, result_file_id, created_at) VALUES ('c', 't', 'd', 'missing', 'now')`),
      ).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.close();
    }
  });

  it('runs concurrent transactions of one connection one after the other', async () => {
    const db = await open(fresh(`serial-${engine}`));
    try {
      await db.query('CREATE TABLE c (n INTEGER NOT NULL)');
      const bump = () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number | null }>('SELECT max(n) AS n FROM c');
          await new Promise((r) => setTimeout(r, 5));
          await tx.query('INSERT INTO c (n) VALUES ($1)', [Number(row?.n ?? 0) + 1]);
        });
      await Promise.all([bump(), bump(), bump(), db.query('INSERT INTO c (n) VALUES (100)')]);
      expect((await db.query<{ n: number }>('SELECT n FROM c ORDER BY n')).map((r) => r.n)).toEqual([1, 2, 3, 100]);
    } finally {
      await db.close();
    }
  });

  it('keeps what was committed across a reopen, in a file readable by its owner only', async () => {
    const path = join(dir, `sub-${engine}`, 'deeper', 'store.sqlite');
    const db = await open(path);
    await migrate(db);
    const t = await createToken(db, 'durable', ['read']);
    await db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, `sub-${engine}`)).mode & 0o777).toBe(0o700);
    const again = await open(path);
    expect(await scopesOf(again, t.token)).toEqual(['read']);
    await again.close();
  });

  it('refuses a file that is not a database, in one line', async () => {
    const path = fresh(`garbage-${engine}`);
    writeFileSync(path, 'this is not a database, and it is longer than one hundred bytes so that SQLite reads its header and refuses it.\n');
    await expect(open(path)).rejects.toThrow(/^cannot open the SQLite store .*: (file is not a database|.*not a database.*)$/);
  });

  it('two connections on one file: each sees what the other wrote, and neither write is lost', async () => {
    const path = fresh(`shared-${engine}`);
    const server = await open(path);
    await migrate(server);
    const tool = await open(path);
    const a = await createToken(tool, 'made-by-tool', ['push']);
    expect(await scopesOf(server, a.token)).toEqual(['push']);
    const b = await createToken(server, 'made-by-server', ['read']);
    expect(await scopesOf(tool, b.token)).toEqual(['read']);
    await server.close();
    await tool.close();
    const reopened = await open(path);
    expect((await reopened.query<{ name: string }>('SELECT name FROM tokens ORDER BY name')).map((r) => r.name)).toEqual(['made-by-server', 'made-by-tool']);
    await reopened.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
}

const inProcess: SqliteEngine[] = nodeHasSqlite() ? ['node:sqlite', 'sql.js'] : ['sql.js'];
for (const engine of inProcess) describe(`store SQL contract on ${engine} (Node ${process.version})`, () => contract(engine));

if (!nodeHasSqlite()) {
  // This Node has no node:sqlite: the same contract, run by vitest under Node 24 (this file, the in-process suite).
  itUnless(noSqliteNode, 'store SQL contract on node:sqlite, run under Node 24', async () => {
    const { stdout } = await promisify(execFile)(
      SQLITE_NODE!,
      ['node_modules/vitest/vitest.mjs', 'run', 'src/store/sqlite.test.ts', '-t', 'store SQL contract on node:sqlite \\(Node'],
      { cwd: PROJECT_ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, maxBuffer: 16 << 20 },
    );
    const passed = /Tests\s+(\d+) passed/.exec(stdout);
    expect(Number(passed?.[1] ?? 0)).toBeGreaterThanOrEqual(7);
    expect(stdout).not.toMatch(/\d+ failed/);
  }, { timeout: 180_000 });
}

describe('sql.js (the fallback engine)', () => {
  it('takes over a lock left by a process that died', async () => {
    const path = fresh('stale');
    writeFileSync(`${path}.lock`, '999999999');
    const db = await openSqlite(path, { engine: 'sql.js' });
    await migrate(db);
    expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).length).toBe(MIGRATIONS.length);
    await db.close();
  });

  it('rewrites the whole file on every commit: a new inode, and the file size written per commit', { timeout: 60_000 }, async () => {
    // The measure the node:sqlite test below uses, shown to fail for sql.js.
    const m = await runProbe<CommitMeasure>(process.execPath, { action: 'measure', engine: 'sql.js', path: fresh('sqljs-measure'), prefillBytes: 1_000_000, commits: 10 });
    expect(m.inodeUnchanged).toBe(false);
    expect(m.bytesWrittenPerCommit).toBeGreaterThan(m.fileBytes * 0.9);
  });
});

/** Under Node 24 (this one, or spawned from node_modules when this Node is 20): node:sqlite writes pages. */
describe('node:sqlite writes pages and shares the file with other processes', () => {
  itUnless(noSqliteNode, 'after 50 small commits the file is the same inode, and each commit wrote a few pages, not the file', async () => {
    const m = await runProbe<CommitMeasure>(SQLITE_NODE!, { action: 'measure', engine: 'node:sqlite', path: fresh('node-measure'), prefillBytes: 2_000_000, commits: 50 });
    expect(m.engine).toBe('node:sqlite');
    expect(m.node).toMatch(/^v(2[2-9]|[3-9]\d)\./);
    expect(m.fileBytes).toBeGreaterThan(2_000_000);
    expect(m.inodeUnchanged).toBe(true);
    // A commit appends its changed pages (4 KiB each, with a 24-byte frame header) to the log: under 64 KiB, where
    // sql.js writes the whole 2 MB file.
    expect(m.bytesWrittenPerCommit).toBeLessThan(64 * 1024);
    expect(m.walBytes).toBeGreaterThan(0);
    expect(m.walBytes).toBeLessThan(m.commits * 64 * 1024);
  }, { timeout: 60_000 });

  itUnless(noSqliteNode, 'a second process reads while the first holds a write, waits for its lock instead of failing, and sees what it committed', async () => {
    const path = fresh('two-processes');
    const writer = startProbe(SQLITE_NODE!, { action: 'hold-write', path });
    const wl = writer.lines[Symbol.asyncIterator]();
    expect((await wl.next()).value).toEqual({ state: 'holding' });

    const reader = startProbe(SQLITE_NODE!, { action: 'read-then-write', path, name: 'from-reader' });
    const rl = reader.lines[Symbol.asyncIterator]();
    // It reads without waiting (WAL), the committed row only.
    expect((await rl.next()).value).toEqual({ state: 'read', names: ['first'] });
    // Its write waits for the writer's transaction.
    await new Promise((r) => setTimeout(r, 400));
    writeFileSync(`${path}.release`, '');
    const committed = (await wl.next()).value as { state: string; walBytes: number };
    expect(committed.state).toBe('committed');
    expect(committed.walBytes).toBeGreaterThan(0);
    const wrote = (await rl.next()).value as { state: string; waitedMs: number };
    expect(wrote.state).toBe('wrote');
    expect(wrote.waitedMs).toBeGreaterThan(300);
    await reader.done;

    // While the writer still has the store open (its commits in the -wal, not yet in the file), a third process sees them.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const seen = await runProbe<{ names: string[]; journalMode: string }>(SQLITE_NODE!, { action: 'reopen', path, engine: 'node:sqlite' });
    expect(seen.names).toEqual(['first', 'from-reader', 'second']);
    expect(seen.journalMode).toBe('wal');
    writeFileSync(`${path}.close`, '');
    expect((await wl.next()).value).toEqual({ state: 'closed' });
    await writer.done;
    // The last connection closed: the log was checkpointed into the file.
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
  }, { timeout: 60_000 });

  itUnless(noSqliteNode, 'a file written by sql.js opens with node:sqlite (same format and migrations), and back with sql.js', async () => {
    const path = fresh('cross');
    const old: SqlDb = await openSqlite(path, { engine: 'sql.js' });
    await migrate(old);
    await old.query('CREATE TABLE probe_names (name TEXT PRIMARY KEY)');
    await old.query('INSERT INTO probe_names (name) VALUES ($1)', ['by-sql.js']);
    await old.close();
    const ino = statSync(path).ino;

    const byNode = await runProbe<{ applied: number[]; names: string[]; journalMode: string; versions: number[] }>(SQLITE_NODE!, {
      action: 'reopen',
      path,
      engine: 'node:sqlite',
      add: 'by-node',
    });
    expect(byNode).toEqual({ applied: [], names: ['by-node', 'by-sql.js'], journalMode: 'wal', versions: MIGRATIONS.map((m) => m.version) });
    expect(statSync(path).ino).toBe(ino);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // Back on sql.js (Node 20, say): the WAL-mode header, its log checkpointed, is read.
    const back = await openSqlite(path, { engine: 'sql.js' });
    expect((await back.query<{ name: string }>('SELECT name FROM probe_names ORDER BY name')).map((r) => r.name)).toEqual(['by-node', 'by-sql.js']);
    await back.query('INSERT INTO probe_names (name) VALUES ($1)', ['by-sql.js-again']);
    await back.close();
    const again = await runProbe<{ names: string[] }>(SQLITE_NODE!, { action: 'reopen', path, engine: 'node:sqlite' });
    expect(again.names).toEqual(['by-node', 'by-sql.js', 'by-sql.js-again']);
  }, { timeout: 60_000 });

  itUnless(noSqliteNode, 'sql.js refuses a file whose -wal still holds commits, in one line', async () => {
    const path = fresh('live-wal');
    const writer = startProbe(SQLITE_NODE!, { action: 'hold-write', path });
    const wl = writer.lines[Symbol.asyncIterator]();
    expect((await wl.next()).value).toEqual({ state: 'holding' });
    writeFileSync(`${path}.release`, '');
    expect(((await wl.next()).value as { state: string }).state).toBe('committed');
    try {
      await expect(openSqlite(path, { engine: 'sql.js' })).rejects.toThrow(/^cannot open the SQLite store .*-wal holds commits of the page-writing engine \(node:sqlite\)[^\n]*Node >= 22\.13$/);
    } finally {
      writeFileSync(`${path}.close`, '');
      await writer.done;
    }
  }, { timeout: 60_000 });
});
