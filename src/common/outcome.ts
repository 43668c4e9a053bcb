import { errorKindOf } from './errors.js';

/** Every way a run can end. */
export type Outcome = 'go' | 'stop' | 'warn' | 'configuration-error' | 'remote-error' | 'internal-error';

/** The one table that maps outcomes to exit codes. The Action, the CLI and the CI wrappers all rely on it. */
export const EXIT_CODES: Readonly<Record<Outcome, number>> = Object.freeze({
  go: 0,
  stop: 1,
  warn: 2,
  'configuration-error': 3,
  'remote-error': 3,
  'internal-error': 3,
});

/** The outcome of a thrown error: an ImageError is the user's input, so a configuration error. */
export function outcomeOfError(error: unknown): Outcome {
  switch (errorKindOf(error)) {
    case 'configuration':
    case 'image':
      return 'configuration-error';
    case 'remote':
      return 'remote-error';
    case 'internal':
      return 'internal-error';
  }
}

/** Whether an outcome fails the run because of an error (not a STOP). */
export function isErrorOutcome(outcome: Outcome): boolean {
  return outcome === 'configuration-error' || outcome === 'remote-error' || outcome === 'internal-error';
}

export function exitCodeOf(outcome: Outcome): number {
  return EXIT_CODES[outcome];
}
