import type { Command } from 'commander';
import type { Logger } from '../common/logger.js';
import type { Outcome } from '../common/outcome.js';

/** What every CLI command gets: where to write, where to log, and how to report its outcome. */
export interface CliContext {
  logger: Logger;
  /** Writes to standard output (the command's result). */
  out(text: string): void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Set by a command whose result is a decision (GO/WARN/STOP); defaults to 'go'. */
  outcome: Outcome;
}

/** A top-level CLI command group. Registered explicitly in `list.ts`. */
export interface CliCommand {
  id: string;
  register(program: Command, ctx: CliContext): void;
}
