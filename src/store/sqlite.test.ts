import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrations.js';
import { openSqlite } from './sqlite.js';
import { createToken, scopesOf } from './tokens.js';

describe('SQLite store file shared by two processes (serve, and serve token create)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each sees what the other wrote, and neither write is lost', async () => {
    const path = join(dir, 'store.sqlite');
    const server = await openSqlite(path);
    await migrate(server);
    const tool = await openSqlite(path);
    const a = await createToken(tool, 'made-by-tool', ['push']);
    expect(await scopesOf(server, a.token)).toEqual(['push']);
    const b = await createToken(server, 'made-by-server', ['read']);
    expect(await scopesOf(tool, b.token)).toEqual(['read']);
    await server.close();
    await tool.close();
    const reopened = await openSqlite(path);
    expect((await reopened.query<{ name: string }>('SELECT name FROM tokens ORDER BY name')).map((r) => r.name)).toEqual(['made-by-server', 'made-by-tool']);
    await reopened.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const path = join(dir, 'stale.sqlite');
    writeFileSync(`${path}.lock`, '999999999');
    const db = await openSqlite(path);
    await migrate(db);
    expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).length).toBe(MIGRATIONS.length);
    await db.close();
  });
});
