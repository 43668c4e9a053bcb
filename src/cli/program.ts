import { Command, CommanderError } from 'commander';
import { ConfigurationError } from '../common/errors.js';
import type { CliCommand, CliContext } from './command.js';
import { installOptionRules } from './options.js';
import { VERSION } from '../version-info.js';
import { CLI_COMMANDS, loadCliCommands } from './list.js';

/** The commands a command line needs: the one it names (first argument that is not an option), else every command. */
export async function commandsFor(argv: readonly string[]): Promise<readonly CliCommand[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = CLI_COMMANDS.find((c) => c.name === first);
  return named ? [await named.load()] : loadCliCommands();
}

/** Builds the `portcullis` program with `commands` (loadCliCommands() for all). Errors from commander itself become configuration errors. */
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
