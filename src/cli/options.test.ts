import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import type { CliContext } from './command.js';
import { runProgram } from './program.js';
import { installOptionRules } from './options.js';

function ctxWith(stdin = ''): CliContext & { logger: ReturnType<typeof createRecordingLogger> } {
  return { logger: createRecordingLogger(), out: () => {}, stdin: Readable.from([Buffer.from(stdin)]), env: {}, outcome: 'go' };
}

const warningsOf = (ctx: ReturnType<typeof ctxWith>): string[] => ctx.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message);

async function run(args: string[], stdin = ''): Promise<{ opts: Record<string, unknown>; warnings: string[]; error?: unknown }> {
  const ctx = ctxWith(stdin);
  let seen: Record<string, unknown> = {};
  // Standing where the old names existed: `db status` (the aliases are added on the commands that had them).
  const cmd = new Command('portcullis')
    .command('db')
    .command('status')
    .exitOverride()
    .option('--store-token <token>')
    .option('--password <password>')
    .option('--registry-password-stdin')
    .option('--webhook-secret <s>')
    .option('--db-cache-dir <dir>')
    .option('--max-db-age <days>', 'age', '7')
    .option('--fail-on-stale-db')
    .action((opts: Record<string, unknown>) => {
      seen = opts;
    });
  installOptionRules(cmd, ctx);
  try {
    await cmd.parseAsync(args, { from: 'user' });
  } catch (error) {
    return { opts: seen, warnings: warningsOf(ctx), error };
  }
  return { opts: seen, warnings: warningsOf(ctx) };
}

describe('deprecated aliases: one name per option', () => {
  it('an old name gives its value to the canonical option and warns with the name to use', async () => {
    const r = await run(['--cache-dir', '/c', '--max-age-days', '3', '--fail-on-stale']);
    expect(r.error).toBeUndefined();
    expect(r.opts).toMatchObject({ dbCacheDir: '/c', maxDbAge: '3', failOnStaleDb: true });
    expect(r.warnings).toEqual(['--cache-dir is deprecated; use --db-cache-dir', '--max-age-days is deprecated; use --max-db-age', '--fail-on-stale is deprecated; use --fail-on-stale-db']);
  });

  it('the canonical flag wins over its alias; without either, the default stays and nothing warns', async () => {
    expect((await run(['--max-db-age', '9', '--max-age-days', '3'])).opts.maxDbAge).toBe('9');
    const none = await run([]);
    expect(none.opts.maxDbAge).toBe('7');
    expect(none.warnings).toEqual([]);
  });

  it('an alias exists only on the commands that had the old name, and never shows in --help', async () => {
    const ctx = ctxWith();
    const bare = installOptionRules(new Command('portcullis').command('db').command('status').exitOverride().configureOutput({ writeErr: () => {} }).action(() => {}), ctx);
    await expect(bare.parseAsync(['--cache-dir', '/c'], { from: 'user' })).rejects.toThrow(/unknown option '--cache-dir'/);
    // scan always said --db-cache-dir: the old db spelling is no option there.
    await expect(runProgram(['scan', 'x', '--cache-dir', '/c'], ctxWith())).rejects.toThrow(/unknown option '--cache-dir'/);
    // push said --fail-on-error, compliance oscap --fail-on-push-error: both are scan's --store-fail-on-error now.
    const push = ctxWith();
    await runProgram(['push', '--fail-on-error'], push).catch(() => {});
    expect(warningsOf(push)).toContain('--fail-on-error is deprecated; use --store-fail-on-error');
    let help = '';
    await runProgram(['db', 'status', '--help'], { ...ctxWith(), out: (s) => void (help += s) });
    expect(help).toContain('--db-cache-dir');
    expect(help).not.toMatch(/--cache-dir|--max-age-days|--fail-on-stale\b(?!-db)/);
  });
});

describe('secrets on the command line (as docker login --password-stdin)', () => {
  it('a token given as a flag works, and warns naming the variable and the -stdin twin', async () => {
    const r = await run(['--store-token', 't0ken']);
    expect(r.opts.storeToken).toBe('t0ken');
    expect(r.warnings).toEqual([
      '--store-token on the command line is insecure (other users see it in the process list; it stays in shell history and CI logs); use PORTCULLIS_STORE_TOKEN or --store-token-stdin',
    ]);
    expect(r.warnings.join('')).not.toContain('t0ken');
  });

  it('--password-stdin and --store-token-stdin read standard input (one trailing newline dropped), without a warning', async () => {
    const r = await run(['--password-stdin'], 'hunter2\n');
    expect(r.opts.password).toBe('hunter2');
    expect(r.warnings).toEqual([]);
    const t = await run(['--store-token-stdin'], 'abc');
    expect(t.opts.storeToken).toBe('abc');
  });

  it('any flag whose name says secret warns too, pointing at the environment', async () => {
    const r = await run(['--webhook-secret', 's']);
    expect(r.warnings).toEqual([expect.stringMatching(/^--webhook-secret on the command line is insecure .*; use the environment or standard input$/)]);
  });

  it('refuses a flag with its -stdin twin, two readers of standard input, and empty input', async () => {
    expect((await run(['--store-token', 'x', '--store-token-stdin'], 'y')).error).toBeInstanceOf(ConfigurationError);
    const two = await run(['--registry-password-stdin', '--password-stdin'], 'y');
    expect((two.error as Error).message).toBe('only one option can read standard input, got --registry-password-stdin and --password-stdin');
    expect(((await run(['--store-token-stdin'], '')).error as Error).message).toBe('--store-token-stdin: standard input was empty');
  });

  it('the real push and scan commands have the twins and warn', async () => {
    const ctx = ctxWith();
    await runProgram(['push', '--store-token', 'abc'], ctx);
    expect(warningsOf(ctx)[0]).toMatch(/^--store-token on the command line is insecure/);
    let help = '';
    await runProgram(['scan', '--help'], { ...ctxWith(), out: (s) => void (help += s) });
    expect(help).toContain('--store-token-stdin');
    help = '';
    await runProgram(['push', '--help'], { ...ctxWith(), out: (s) => void (help += s) });
    expect(help).toContain('--password-stdin');
  });
});
