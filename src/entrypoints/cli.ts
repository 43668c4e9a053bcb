#!/usr/bin/env node
import { runProgram } from '../cli/program.js';
import type { CliContext } from '../cli/command.js';
import { ERROR_PREFIXES, errorKindOf, getErrorMessage } from '../common/errors.js';
import { createConsoleLogger } from '../common/logger.js';
import { exitCodeOf, outcomeOfError } from '../common/outcome.js';
import { redactSecrets } from '../common/logger.js';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const ctx: CliContext = {
    logger: createConsoleLogger({ debug: argv.includes('--debug') }),
    out: (s) => void process.stdout.write(s),
    stdin: process.stdin,
    env: process.env,
    outcome: 'go',
  };
  try {
    await runProgram(argv, ctx);
    return exitCodeOf(ctx.outcome);
  } catch (error) {
    // One line that says whose fault it is: `portcullis: configuration error: …`, `image error`, `remote error`,
    // `internal error` (the stack then goes to --debug only). A URL's credentials never reach it.
    const outcome = outcomeOfError(error);
    const prefix = ERROR_PREFIXES[errorKindOf(error)];
    process.stderr.write(`portcullis: ${prefix}: ${redactSecrets(getErrorMessage(error).split('\n')[0]!)}\n`);
    if (outcome === 'internal-error' && error instanceof Error && error.stack) ctx.logger.debug(redactSecrets(error.stack));
    return exitCodeOf(outcome);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`portcullis: internal error: ${redactSecrets(getErrorMessage(error))}\n`);
    process.exitCode = 3;
  },
);
