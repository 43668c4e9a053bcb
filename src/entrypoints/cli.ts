#!/usr/bin/env node
import { runProgram } from '../cli/program.js';
import type { CliContext } from '../cli/command.js';
import { ERROR_PREFIXES, errorKindOf, getErrorMessage } from '../common/errors.js';
import { createConsoleLogger } from '../common/logger.js';
import { exitCodeOf, outcomeOfError } from '../common/outcome.js';
import { redactSecrets } from '../common/logger.js';
import { wantsColor, wantsProgress } from '../common/progress.js';
import { tuneHeap } from './heap-tuning.js';

/**
 * A reader that goes away (`portcullis … | head -1`) closes the pipe: the next write fails with EPIPE. That is the
 * reader's choice, not an error: output stops, nothing is printed, and the exit code stays the command's own (0, or
 * the decision's for a scan: a STOP is still exit 1, and never because of the pipe). Without this, Node would throw
 * the EPIPE as an uncaught error: a stack trace and exit 1, which reads as STOP.
 */
let stdoutClosed = false;
const isBrokenPipe = (error: unknown): boolean => ['EPIPE', 'ERR_STREAM_DESTROYED'].includes((error as { code?: string } | null)?.code ?? '');
process.stdout.on('error', (error) => {
  if (!isBrokenPipe(error)) throw error;
  stdoutClosed = true;
});
process.stderr.on('error', (error) => {
  if (!isBrokenPipe(error)) throw error;
});

async function main(): Promise<number> {
  // V8's heap settings for reading large images (src/entrypoints/heap-tuning.ts).
  tuneHeap();
  const argv = process.argv.slice(2);
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const logger = createConsoleLogger({
    debug: argv.includes('--debug'),
    quiet,
    progress: wantsProgress(process.stderr, process.env, quiet),
    color: wantsColor(process.stderr, process.env),
  });
  const ctx: CliContext = {
    logger,
    out: (s) => {
      if (!stdoutClosed) process.stdout.write(s);
    },
    stdin: process.stdin,
    env: process.env,
    outcome: 'go',
  };
  try {
    await runProgram(argv, ctx);
    logger.stopProgress();
    return exitCodeOf(ctx.outcome);
  } catch (error) {
    logger.stopProgress();
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
