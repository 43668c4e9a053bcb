import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../common/logger.js';
import type { CliContext } from './command.js';
import { CLI_COMMANDS } from './list.js';
import { buildProgram, commandsFor, LAZY_COMMANDS, runProgram } from './program.js';

const ctxOf = (out: (s: string) => void = () => {}): CliContext => ({ logger: createRecordingLogger(), out, stdin: Readable.from([]), env: {}, outcome: 'go' });

describe('lazily loaded commands', () => {
  it('each lazy command is the registry entry of that name, registering a command of that name', async () => {
    const names = new Map(CLI_COMMANDS.map((c) => [buildProgram(ctxOf(), [c]).commands.map((s) => s.name()).join(','), c]));
    for (const [name, load] of Object.entries(LAZY_COMMANDS)) expect(await load(), name).toBe(names.get(name));
  });

  it('a command line that names a lazy command gets that command only, after global options too; any other gets every command', async () => {
    expect(await commandsFor(['scan', 'oci-dir:x'])).toEqual([await LAZY_COMMANDS.scan!()]);
    expect(await commandsFor(['--debug', '-q', 'sbom', 'x'])).toEqual([await LAZY_COMMANDS.sbom!()]);
    expect(await commandsFor(['image', 'inspect', 'scan'])).toBe(CLI_COMMANDS);
    expect(await commandsFor(['--help'])).toBe(CLI_COMMANDS);
    expect(await commandsFor(['toString'])).toBe(CLI_COMMANDS);
  });

  it('the help of a lazily loaded command is the one the whole program gives', async () => {
    let lazy = '';
    await runProgram(['scan', '--help'], ctxOf((s) => void (lazy += s)));
    const full = buildProgram(ctxOf(), CLI_COMMANDS).commands.find((c) => c.name() === 'scan')!.helpInformation();
    expect(lazy).toBe(full);
    expect(lazy).toContain('Usage: portcullis scan [options] <ref>');
  });
});
