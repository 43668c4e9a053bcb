import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { createRecordingLogger } from '../common/logger.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { openDatabase } from './open.js';
import { openSqlite } from './sqlite.js';
import { accessOf, checkTokenAccess, createToken, hashToken, listTokens, parseRepositoryGlobs, repositoryAllowed, scopesOf } from './tokens.js';

describe('repository globs of a token', () => {
  it('reads repeated and comma-separated --repository values, trimmed and without repeats', () => {
    expect(parseRepositoryGlobs([])).toEqual([]);
    expect(parseRepositoryGlobs(['registry.example/team-a/*'])).toEqual(['registry.example/team-a/*']);
    expect(parseRepositoryGlobs(['registry.example/team-a/*, registry.example/shared/base', 'registry.example/team-a/*'])).toEqual([
      'registry.example/team-a/*',
      'registry.example/shared/base',
    ]);
  });

  it('refuses an empty glob, a glob with a space or a control character, and a bad regexp: with one line', () => {
    expect(() => parseRepositoryGlobs(['a/*,'])).toThrow('--repository has an empty glob');
    expect(() => parseRepositoryGlobs(['team a/*'])).toThrow('--repository "team a/*" must be a glob of at most 512 printable characters without spaces');
    expect(() => parseRepositoryGlobs(['a\u0007b'])).toThrow(/must be a glob of at most 512 printable characters/);
    expect(() => parseRepositoryGlobs(['x'.repeat(513)])).toThrow(/must be a glob of at most 512/);
    expect(() => parseRepositoryGlobs(['regexp:team-(a'])).toThrow(/^--repository "regexp:team-\(a" is not a valid regular expression: /);
  });

  it('matches as the subscription filter does: * spans anything, other characters are literal, anchored; regexp: too', () => {
    const globs = ['registry.example/team-a/*'];
    expect(repositoryAllowed(globs, 'registry.example/team-a/app')).toBe(true);
    expect(repositoryAllowed(globs, 'registry.example/team-a/sub/app')).toBe(true);
    expect(repositoryAllowed(globs, 'registry.example/team-b/app')).toBe(false);
    expect(repositoryAllowed(globs, 'registry.example/team-a')).toBe(false);
    expect(repositoryAllowed(globs, 'other.example/registry.example/team-a/app')).toBe(false);
    expect(repositoryAllowed(['registry.example/team-a/app'], 'registry.example/team-a/app2')).toBe(false);
    expect(repositoryAllowed(['registry.example/team-?/app'], 'registry.example/team-a/app')).toBe(false);
    expect(repositoryAllowed(['regexp:registry\\.example/team-(a|c)/'], 'registry.example/team-c/x')).toBe(true);
    expect(repositoryAllowed(['a/*', 'b/*'], 'b/x')).toBe(true);
  });

  it('an image with no repository is visible to unscoped tokens only (not even to "*")', () => {
    expect(repositoryAllowed([], null)).toBe(true);
    expect(repositoryAllowed([], 'anything')).toBe(true);
    expect(repositoryAllowed(['*'], null)).toBe(false);
    expect(repositoryAllowed(['*'], undefined)).toBe(false);
    expect(repositoryAllowed(['*'], '')).toBe(false);
    expect(repositoryAllowed(['*'], 'x/y')).toBe(true);
  });

  it('admin tokens are never scoped', () => {
    expect(() => checkTokenAccess(['admin'], ['a/*'])).toThrow('--repository cannot be given with --scope admin: admin tokens are never limited to repositories');
    expect(() => checkTokenAccess(['push', 'admin'], ['a/*'])).toThrow(/--scope admin/);
    expect(() => checkTokenAccess(['admin'], [])).not.toThrow();
    expect(() => checkTokenAccess(['push', 'read'], ['a/*'])).not.toThrow();
  });
});

describe('scoped tokens in the store database (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-tokens-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the globs with the token, gives them back with its scopes, and lists them', async () => {
    const db = await openDatabase({ dataDir: join(dir, 'a') });
    try {
      const scoped = await createToken(db, 'team-a-ci', ['push', 'read'], ['registry.example/team-a/*', 'regexp:registry\\.example/shared/(base|tools)']);
      const open = await createToken(db, 'reader', ['read']);
      expect(await accessOf(db, scoped.token)).toEqual({ scopes: ['push', 'read'], repositories: ['registry.example/team-a/*', 'regexp:registry\\.example/shared/(base|tools)'] });
      expect(await accessOf(db, open.token)).toEqual({ scopes: ['read'], repositories: [] });
      expect(await scopesOf(db, scoped.token)).toEqual(['push', 'read']);
      expect(await accessOf(db, 'pcs_unknown')).toBeUndefined();
      // Listed by creation time, then id: two tokens made in the same millisecond come in either order.
      expect((await listTokens(db)).map((t) => [t.name, t.repositories]).sort()).toEqual([
        ['reader', []],
        ['team-a-ci', ['registry.example/team-a/*', 'regexp:registry\\.example/shared/(base|tools)']],
      ]);
      await expect(createToken(db, 'ops', ['admin'], ['registry.example/team-a/*'])).rejects.toThrow(/--scope admin/);
      expect((await listTokens(db)).map((t) => t.name)).not.toContain('ops');
    } finally {
      await db.close();
    }
  });

  it('migration 4 leaves every existing token unscoped', async () => {
    const path = join(dir, 'old.sqlite');
    const db = await openSqlite(path);
    try {
      const four = MIGRATIONS.findIndex((m) => m.version === 4);
      expect(four).toBeGreaterThan(0);
      expect(await migrate(db, MIGRATIONS.slice(0, four))).toEqual([1, 2, 3]);
      // A token written by a build before repository scopes: no repositories column yet.
      await db.query('INSERT INTO tokens (id, hash, name, scopes, created_at) VALUES ($1, $2, $3, $4, $5)', ['t1', hashToken('pcs_old'), 'old-ci', 'push,read', new Date().toISOString()]);
      await expect(db.query('SELECT repositories FROM tokens')).rejects.toThrow();
      expect(await migrate(db)).toEqual(MIGRATIONS.slice(four).map((m) => m.version));
      expect(await accessOf(db, 'pcs_old')).toEqual({ scopes: ['push', 'read'], repositories: [] });
    } finally {
      await db.close();
    }
  });
});

describe('portcullis serve token create --repository', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-token-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const out: string[] = [];
    const ctx: CliContext = { logger: createRecordingLogger(), out: (s) => void out.push(s), stdin: Readable.from([]), env: {}, outcome: 'go' };
    await runProgram(args, ctx);
    return out.join('');
  };

  it('takes repeated and comma-separated globs, and serve token list shows them', async () => {
    const token = (
      await run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'team-a', '--scope', 'push,read', '--repository', 'registry.example/team-a/*,registry.example/shared/*', '--repository', 'localhost:5000/team-a/*'])
    ).trim();
    expect(token).toMatch(/^pcs_/);
    await run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'everyone', '--scope', 'read']);
    const listed = await run(['serve', 'token', 'list', '--data-dir', dir]);
    expect(listed).toMatch(/ team-a {2}push,read {2}live {2}repositories registry\.example\/team-a\/\*,registry\.example\/shared\/\*,localhost:5000\/team-a\/\*\n/);
    expect(listed).toMatch(/ everyone {2}read {2}live {2}all repositories\n/);
    const db = await openDatabase({ dataDir: dir });
    try {
      expect((await accessOf(db, token))?.repositories).toEqual(['registry.example/team-a/*', 'registry.example/shared/*', 'localhost:5000/team-a/*']);
    } finally {
      await db.close();
    }
  });

  it('refuses --repository with --scope admin, and a bad glob, in one line, creating nothing', async () => {
    await expect(run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'ops', '--scope', 'admin', '--repository', 'registry.example/team-a/*'])).rejects.toThrow(
      '--repository cannot be given with --scope admin: admin tokens are never limited to repositories',
    );
    await expect(run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'bad', '--repository', 'a/*,,b/*'])).rejects.toThrow('--repository has an empty glob');
    const listed = await run(['serve', 'token', 'list', '--data-dir', dir]);
    expect(listed).not.toMatch(/ ops | bad /);
  });
});
