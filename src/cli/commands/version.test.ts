import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../common/errors.js';
import { createRecordingLogger } from '../../common/logger.js';
import type { CliContext } from '../command.js';
import { runProgram } from '../program.js';

function fakeContext(stdin = ''): CliContext & { output: () => string; logger: ReturnType<typeof createRecordingLogger> } {
  let text = '';
  const logger = createRecordingLogger();
  return {
    logger,
    out: (s) => void (text += s),
    stdin: Readable.from([Buffer.from(stdin)]),
    env: {},
    outcome: 'go',
    output: () => text,
  };
}

async function run(args: string[], stdin = ''): Promise<string> {
  const ctx = fakeContext(stdin);
  await runProgram(args, ctx);
  return ctx.output();
}

describe('portcullis version compare', () => {
  it.each([
    [['dpkg', '1.0~rc1', '1.0'], '<\n'],
    [['deb', '1:0.1', '9.9'], '>\n'],
    [['rpm', '1.0-1.el9', '1.0-1.el9'], '=\n'],
    [['pypi', '1.0.post1', '1.0'], '>\n'],
    [['maven', '1.0-SNAPSHOT', '1.0'], '<\n'],
    [['alpine', '1.2.3_rc1-r0', '1.2.3-r0'], '<\n'],
  ])('%j prints %j', async (args, want) => {
    expect(await run(['version', 'compare', ...args])).toBe(want);
  });

  it('reads pairs from stdin with --batch, one result per line', async () => {
    expect(await run(['version', 'compare', 'semver', '--batch'], '1.0.0 2.0.0\nv1.2.3  1.2.3\r\n2.0.0-rc.1\t1.9.9\n')).toBe('<\n=\n>\n');
    expect(await run(['version', 'compare', 'semver', '--batch'], '')).toBe('');
  });

  it('names the line of a bad batch entry', async () => {
    const batch = run(['version', 'compare', 'semver', '--batch'], '1.0.0 2.0.0\n1.0.0\n');
    await expect(batch).rejects.toThrow(ConfigurationError);
    await expect(run(['version', 'compare', 'semver', '--batch'], '1.0.0 2.0.0\n1.0.0\n')).rejects.toThrow('line 2: expected two versions "A B", found 1 field');
    await expect(run(['version', 'compare', 'semver', '--batch'], '1 2\n3 4\nx.y 1.0\n')).rejects.toThrow('line 3: Invalid semver version "x.y"');
  });

  it('rejects an invalid version and missing operands as configuration errors', async () => {
    await expect(run(['version', 'compare', 'dpkg', '1:', '1'])).rejects.toThrow('Invalid dpkg version "1:": nothing after colon in version number');
    await expect(run(['version', 'compare', 'dpkg', '1'])).rejects.toThrow('version compare needs SCHEME A B');
    await expect(run(['version', 'compare', 'dpkg', '1', '--batch'])).rejects.toThrow('with --batch, give only the scheme');
  });

  it('rejects an unknown scheme, listing the known ones', async () => {
    await expect(run(['version', 'compare', 'cobol', '1', '2'])).rejects.toThrow(/Unknown version scheme "cobol"\. Known: .*apk.*dpkg/);
  });

  it('warns when the fuzzy fallback is chosen', async () => {
    const ctx = fakeContext();
    await runProgram(['version', 'compare', 'fuzzy', '1.0', '1.1'], ctx);
    expect(ctx.output()).toBe('<\n');
    expect(ctx.logger.lines).toContainEqual({ level: 'warning', message: expect.stringContaining('fallback') });
  });

  it('lists the schemes and their aliases in --help', async () => {
    const help = await run(['version', 'compare', '--help']);
    expect(help).toContain('--batch');
    expect(help).toMatch(/dpkg .*aliases: deb, debian, ubuntu/);
    expect(help).toMatch(/composer .*aliases: packagist, php/);
  });
});

describe('portcullis version schemes', () => {
  it('lists every scheme with its aliases', async () => {
    const out = await run(['version', 'schemes']);
    const ids = out.trim().split('\n').map((l) => l.trim().split(/\s+/)[0]);
    expect(ids).toEqual(['dpkg', 'rpm', 'apk', 'semver', 'pep440', 'maven', 'rubygems', 'nuget', 'composer', 'pub', 'cran', 'hackage', 'fuzzy']);
    expect(out).toContain('aliases: pypi, python');
  });
});
