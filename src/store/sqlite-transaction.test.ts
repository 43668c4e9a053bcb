import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteEngine } from './sqlite.js';
import { nodeHasSqlite } from './sqlite-node.js';
import { SerialQueue } from './sqlite-transaction.js';

const dir = mkdtempSync(join(tmpdir(), 'portcullis-sqlite-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// node:sqlite needs Node >= 22.13: under Node 20 only sql.js runs here (sqlite.test.ts runs node:sqlite in a Node 24 child).
const ENGINES: SqliteEngine[] = ['sql.js', ...(nodeHasSqlite() ? (['node:sqlite'] as const) : [])];

describe.each(ENGINES)('one transaction loop for both engines (%s)', (engine) => {
  it('commits what the callback wrote, durably; rolls all of it back when the callback or a statement fails', async () => {
    const path = join(dir, `${engine.replace(':', '-')}.sqlite`);
    const db = await openSqlite(path, { engine });
    await db.query('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    expect(
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['a', 1]);
        await tx.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['b', 2]);
        return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM t'))[0]!.n;
      }),
    ).toBe(2);
    const size = statSync(path).size;
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['c', 3]);
        throw new Error('the callback failed');
      }),
    ).rejects.toThrow('the callback failed');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE t SET v = 10 WHERE k = $1', ['a']);
        await tx.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['b', 20]); // a duplicate key
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.query('SELECT k, v FROM t ORDER BY k')).toEqual([
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
    ]);
    if (engine === 'sql.js') expect(statSync(path).size).toBe(size);
    // The connection is usable after a rollback, and another process (here: another connection) sees the commit.
    await db.transaction((tx) => tx.query('INSERT INTO t (k, v) VALUES ($1, $2)', ['d', 4]));
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(`${path} is closed`);
    const again = await openSqlite(path, { engine });
    expect((await again.query('SELECT k FROM t ORDER BY k')).map((r) => r.k)).toEqual(['a', 'b', 'd']);
    await again.close();
  });
});

describe('SerialQueue', () => {
  it('runs one operation at a time in order, goes on after a failure, and refuses work after close', async () => {
    const q = new SerialQueue('test.sqlite');
    const order: string[] = [];
    const slow = q.run(async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('slow');
    });
    const failed = q.run(() => {
      order.push('fails');
      throw new Error('boom');
    });
    const fast = q.run(() => order.push('fast'));
    await expect(failed).rejects.toThrow('boom');
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow', 'fails', 'fast']);
    expect(await q.close(() => 'closed')).toBe('closed');
    await expect(q.run(() => 1)).rejects.toThrow('test.sqlite is closed');
  });
});
