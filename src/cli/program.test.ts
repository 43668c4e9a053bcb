import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../common/logger.js';
import type { CliContext } from './command.js';
import { CLI_COMMANDS, loadCliCommands } from './list.js';
import { buildProgram, commandsFor, runProgram } from './program.js';

const ctxOf = (out: (s: string) => void = () => {}): CliContext => ({ logger: createRecordingLogger(), out, stdin: Readable.from([]), env: {}, outcome: 'go' });

describe('lazily loaded commands', () => {
  it('each registry entry loads one command that registers a top-level command of its name, in --help order', async () => {
    for (const entry of CLI_COMMANDS) {
      expect(buildProgram(ctxOf(), [await entry.load()]).commands.map((c) => c.name()), entry.name).toEqual([entry.name]);
    }
    expect(buildProgram(ctxOf(), await loadCliCommands()).commands.map((c) => c.name())).toEqual(CLI_COMMANDS.map((c) => c.name));
  });

  it('a command line that names a command gets that command only, after global options too; any other gets every command', async () => {
    const loaded = async (name: string) => CLI_COMMANDS.find((c) => c.name === name)!.load();
    expect(await commandsFor(['scan', 'oci-dir:x'])).toEqual([await loaded('scan')]);
    expect(await commandsFor(['--debug', '-q', 'sbom', 'x'])).toEqual([await loaded('sbom')]);
    expect(await commandsFor(['image', 'inspect', 'scan'])).toEqual([await loaded('image')]);
    const all = await loadCliCommands();
    expect(await commandsFor(['--help'])).toEqual(all);
    expect(await commandsFor(['help', 'scan'])).toEqual(all);
    expect(await commandsFor(['toString'])).toEqual(all);
  });

  it('the help of a lazily loaded command is the one the whole program gives', async () => {
    let lazy = '';
    await runProgram(['scan', '--help'], ctxOf((s) => void (lazy += s)));
    const full = buildProgram(ctxOf(), await loadCliCommands()).commands.find((c) => c.name() === 'scan')!.helpInformation();
    expect(lazy).toBe(full);
    expect(lazy).toContain('Usage: portcullis scan [options] <ref>');
  });
});
