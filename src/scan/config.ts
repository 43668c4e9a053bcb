import { ConfigurationError } from '../common/errors.js';
import type { Outcome } from '../common/outcome.js';
import type { SourceOptions } from '../image/source.js';
import type { Decision, Severity } from '../model/index.js';

/** When the run fails: on STOP only (default), on WARN or STOP, or never (report only). */
export type FailOn = 'stop' | 'warn' | 'never';

export const FAIL_ON_VALUES: readonly FailOn[] = ['stop', 'warn', 'never'];

/** Everything a scan needs, parsed once from flags or Action inputs. No CI knowledge. */
export interface ScanConfig {
  image: string;
  source: Omit<SourceOptions, 'env' | 'logger'>;
  maxFileBytes?: number;
  /** The Dockerfile that built the image, for the dockerfile gate and for mapping findings to lines. */
  dockerfilePath?: string;
  /** A policy bundle file, or a bundled policy's name (`default`, `strict`, …); `default` when absent. */
  policyPath?: string;
  failOn: FailOn;
  /** `FORMAT[=PATH]` values. */
  outputs: string[];
  /** Report scope: what is shown (the fail scope is the policy's). */
  severityCutoff?: Severity;
  onlyFixed?: boolean;
  color?: boolean;
  vulnerabilities: {
    /** False skips matching entirely (the policy then sees no vulnerability data). */
    enabled: boolean;
    cacheDir?: string;
    dbUrl?: string;
    offline: boolean;
    /** Data older than this warns. */
    maxAgeDays: number;
    /** Stale data fails the scan instead of warning. */
    failOnStale: boolean;
    ignoreFile?: string;
    vex: string[];
  };
}

/** The one place a decision and `--fail-on` become an outcome (and so, through EXIT_CODES, an exit code). */
export function outcomeOf(decision: Decision, failOn: FailOn): Outcome {
  if (failOn === 'never' || decision === 'GO') return 'go';
  if (decision === 'STOP') return 'stop';
  return failOn === 'warn' ? 'stop' : 'warn';
}

export function parseFailOn(value: string): FailOn {
  const v = value.trim().toLowerCase() as FailOn;
  if (!FAIL_ON_VALUES.includes(v)) throw new ConfigurationError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got "${value}"`);
  return v;
}

const SEVERITY_NAMES: Record<string, Severity> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  negligible: 'Negligible',
  unknown: 'Unknown',
};

export function parseSeverity(value: string, flag = '--severity-cutoff'): Severity {
  const s = SEVERITY_NAMES[value.trim().toLowerCase()];
  if (!s) throw new ConfigurationError(`${flag} must be one of ${Object.keys(SEVERITY_NAMES).join(', ')}, got "${value}"`);
  return s;
}
