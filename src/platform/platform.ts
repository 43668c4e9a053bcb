/**
 * What a CI adapter does for a run, and nothing more: where log lines go, annotations, the run's summary page, the
 * step's outputs, and how the run ends. The scan knows nothing of this; the adapters (GitHub, GitLab, Jenkins, the
 * local terminal) implement it, and the tests use a fake that records everything.
 */

import type { Logger } from '../common/logger.js';
import type { Outcome } from '../common/outcome.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** A message attached to a file line (or to the run, without a file). */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** Relative to the repository root. */
  file?: string;
  /** 1-based. */
  line?: number;
  endLine?: number;
}

export interface Platform {
  readonly logger: Logger;
  annotate(annotation: Annotation): void;
  /** Appends markdown to the run's summary page. */
  summary(markdown: string): Promise<void>;
  setOutputs(outputs: Readonly<Record<string, string>>): void;
  /** Ends the run: GO and WARN pass (WARN visibly), STOP and errors fail with the message. */
  conclude(outcome: Outcome, message: string): void;
}
