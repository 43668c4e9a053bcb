import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import type { CliContext } from './command.js';
import { runProgram } from './program.js';
import { installSecretOptions } from './secret-options.js';

function ctxWith(stdin = ''): CliContext & { logger: ReturnType<typeof createRecordingLogger> } {
  return { logger: createRecordingLogger(), out: () => {}, stdin: Readable.from([Buffer.from(stdin)]), env: {}, outcome: 'go' };
}

async function run(args: string[], stdin = ''): Promise<{ opts: Record<string, unknown>; warnings: string[]; error?: unknown }> {
  const ctx = ctxWith(stdin);
  let seen: Record<string, unknown> = {};
  const cmd = new Command('push')
    .exitOverride()
    .option('--store-token <token>')
    .option('--password <password>')
    .option('--registry-password-stdin')
    .option('--webhook-secret <s>')
    .action((opts: Record<string, unknown>) => {
      seen = opts;
    });
  installSecretOptions(cmd, ctx);
  try {
    await cmd.parseAsync(args, { from: 'user' });
  } catch (error) {
    return { opts: seen, warnings: ctx.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message), error };
  }
  return { opts: seen, warnings: ctx.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message) };
}

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
    expect(ctx.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)[0]).toMatch(/^--store-token on the command line is insecure/);
    let help = '';
    await runProgram(['scan', '--help'], { ...ctxWith(), out: (s) => void (help += s) });
    expect(help).toContain('--store-token-stdin');
    help = '';
    await runProgram(['push', '--help'], { ...ctxWith(), out: (s) => void (help += s) });
    expect(help).toContain('--password-stdin');
  });
});
