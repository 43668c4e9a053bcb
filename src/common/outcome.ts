import { ConfigurationError } from './errors.js';

/** Every way a run can end. */
export type Outcome = 'go' | 'stop' | 'warn' | 'configuration-error' | 'internal-error';

/** The one table that maps outcomes to exit codes. The Action, the CLI and the CI wrappers all rely on it. */
export const EXIT_CODES: Readonly<Record<Outcome, number>> = Object.freeze({
  go: 0,
  stop: 1,
  warn: 2,
  'configuration-error': 3,
  'internal-error': 3,
});

export function outcomeOfError(error: unknown): Outcome {
  return error instanceof ConfigurationError ? 'configuration-error' : 'internal-error';
}

export function exitCodeOf(outcome: Outcome): number {
  return EXIT_CODES[outcome];
}
