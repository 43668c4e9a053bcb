import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { createRecordingLogger } from '../common/logger.js';
import { openDatabase } from './open.js';
import { scopesOf } from './tokens.js';
import { existsSync, writeFileSync } from 'node:fs';
import { parseInterval } from '../cli/commands/serve.js';
import { BUNDLED_POLICIES } from '../policy/bundled.js';

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
    await expect(run(['serve', 'token', 'create', '--data-dir', dir, '--name', 'x', '--scope', 'root'])).rejects.toThrow(/unknown scope "root"; known: push, read, admin/);
  });

  it('refuses a bad listen address', async () => {
    await expect(run(['serve', '--data-dir', dir, '--listen', 'nowhere'])).rejects.toThrow(/--listen "nowhere" is not HOST:PORT or PORT/);
  });

  it('refuses a --github-api-url that is not http(s) or holds credentials, before opening the store', async () => {
    await expect(run(['serve', '--data-dir', join(dir, 'never'), '--github-api-url', 'ftp://ghe.example/api/v3'])).rejects.toThrow('--github-api-url must be an http or https URL, not ftp');
    await expect(run(['serve', '--data-dir', join(dir, 'never'), '--github-api-url', 'https://u:p@ghe.example/api/v3'])).rejects.toThrow(/^--github-api-url must not hold credentials/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('serve policy set stores a bundle by digest, says when it is unchanged, and refuses a bad one', async () => {
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(BUNDLED_POLICIES.strict));
    const id = (BUNDLED_POLICIES.strict as { id: string }).id;
    expect(await run(['serve', 'policy', 'set', '--data-dir', dir, 'default', file])).toMatch(new RegExp(`^set policy default: bundle ${id} sha256:[0-9a-f]{64}\n$`));
    expect(await run(['serve', 'policy', 'set', '--data-dir', dir, 'default', file])).toMatch(/^unchanged policy default/);
    expect(await run(['serve', 'policy', 'list', '--data-dir', dir])).toMatch(new RegExp(`^default  ${id}  sha256:`));
    writeFileSync(file, '{"id": 1}');
    await expect(run(['serve', 'policy', 'set', '--data-dir', dir, 'default', file])).rejects.toThrow(/bundle\.json/);
    await expect(run(['serve', 'policy', 'set', '--data-dir', dir, 'default', join(dir, 'missing.json')])).rejects.toThrow(/cannot read policy bundle .*missing\.json/);
  });

  it('reads --db-refresh intervals and refuses bad ones', () => {
    expect(parseInterval('30m', '--db-refresh')).toBe(1_800_000);
    expect(parseInterval('6h', '--db-refresh')).toBe(21_600_000);
    expect(() => parseInterval('soon', '--db-refresh')).toThrow('--db-refresh "soon" is not an interval (e.g. 30m, 6h, 1d)');
    expect(() => parseInterval('5s', '--db-refresh')).toThrow('--db-refresh "5s" is under 10 seconds');
  });
});
