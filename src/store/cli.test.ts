import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { createRecordingLogger } from '../common/logger.js';
import { openDatabase } from './open.js';
import { scopesOf } from './tokens.js';

describe('portcullis serve token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-serve-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const out: string[] = [];
    const ctx: CliContext = { logger: createRecordingLogger(), out: (s) => void out.push(s), stdin: process.stdin, env: {}, outcome: 'go' };
    await runProgram(args, ctx);
    return out.join('');
  };

  it('creates a token with scopes, prints it once, lists it without the secret, and revokes it', async () => {
    const token = (await run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'ci-main', '--scope', 'push,read'])).trim();
    expect(token).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
    const listed = await run(['serve', 'token', 'list', '--data-dir', dir]);
    expect(listed).toMatch(/ci-main {2}push,read {2}live/);
    expect(listed).not.toContain(token);
    let db = await openDatabase({ dataDir: dir });
    expect(await scopesOf(db, token)).toEqual(['push', 'read']);
    await db.close();
    expect(await run(['serve', 'token', 'revoke', '--data-dir', dir, 'ci-main'])).toBe('revoked 1 token\n');
    db = await openDatabase({ dataDir: dir });
    expect(await scopesOf(db, token)).toBeUndefined();
    await db.close();
    await expect(run(['serve', 'token', 'revoke', '--data-dir', dir, 'ci-main'])).rejects.toThrow(/no live token with id or name "ci-main"/);
    await expect(run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'x', '--scope', 'admin'])).rejects.toThrow(/unknown scope "admin"; known: push, read/);
  });

  it('refuses a bad listen address', async () => {
    await expect(run(['serve', '--data-dir', dir, '--listen', 'nowhere'])).rejects.toThrow(/--listen "nowhere" is not HOST:PORT or PORT/);
  });
});
