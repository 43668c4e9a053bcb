import { Command, CommanderError } from 'commander';
import { ConfigurationError } from '../common/errors.js';
import type { CliCommand, CliContext } from './command.js';
import { installOptionRules } from './options.js';
import { VERSION } from '../version-info.js';

/**
 * The commands whose module alone is loaded when the command line names them (`portcullis scan …`): a scan or an
 * SBOM then does not load the store server, the compliance runner or the other commands' dependencies, which are
 * memory that every scan would hold for nothing. Each is the same object as its entry in `CLI_COMMANDS` (list.ts,
 * the registry; program.test.ts checks it). Any other command line loads every command.
 */
export const LAZY_COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  sbom: async () => (await import('./commands/sbom.js')).sbomCommand,
};

/** The commands a command line needs: the one it names when that one is lazy, else every command. */
export async function commandsFor(argv: readonly string[]): Promise<readonly CliCommand[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const lazy = first !== undefined && Object.hasOwn(LAZY_COMMANDS, first) ? LAZY_COMMANDS[first] : undefined;
  return lazy ? [await lazy()] : (await import('./list.js')).CLI_COMMANDS;
}

/** Builds the `portcullis` program with `commands` (CLI_COMMANDS for all). Errors from commander itself become configuration errors. */
export function buildProgram(ctx: CliContext, commands: readonly CliCommand[]): Command {
  const program = new Command('portcullis')
    .description('Portcullis: a container-image gate for CI. Reads an image without running it, without a server and without a Docker engine.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print debug logs to stderr')
    .option('-q, --quiet', 'no progress and no info lines on stderr (warnings and errors still go)')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => {} });
  for (const c of commands) c.register(program, ctx);
  for (const sub of allCommands(program)) {
    sub.exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => {} });
    installOptionRules(sub, ctx);
  }
  return program;
}

/** Runs the program; returns normally for success and `--help`, throws ConfigurationError for usage errors. */
export async function runProgram(argv: readonly string[], ctx: CliContext): Promise<void> {
  const program = buildProgram(ctx, await commandsFor(argv));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return;
      if (error.code === 'commander.executeSubCommandAsync') throw error;
      throw new ConfigurationError(error.message.replace(/^error: /, ''), { cause: error });
    }
    throw error;
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
