import { ConfigurationError } from '../common/errors.js';
import type { Outcome } from '../common/outcome.js';
import type { SourceOptions } from '../image/source.js';
import type { Decision, Severity } from '../model/index.js';
import type { HttpTarget } from '../publish/http.js';
import type { BaselineConfig } from '../baseline/stage.js';

/** When the run fails: on STOP only (default), on WARN or STOP, or never (report only). */
export type FailOn = 'stop' | 'warn' | 'never';

export const FAIL_ON_VALUES: readonly FailOn[] = ['stop', 'warn', 'never'];

/** Everything a scan needs, parsed once from flags or Action inputs. No CI knowledge. */
export interface ScanConfig {
  image: string;
  source: Omit<SourceOptions, 'env' | 'logger'>;
  maxFileBytes?: number;
  /** The content cap of known package databases (default 512 MiB, or maxFileBytes when that is larger). */
  maxDatabaseBytes?: number;
  /**
   * The per-layer analysis cache (`--layer-cache DIR`, `--layer-cache-max-size`): layers analysed before under the
   * same requests are not read again (nor downloaded). Absent: no cache (the CLI's default is under the XDG cache).
   */
  layerCache?: { dir: string; maxBytes?: number };
  /** The Dockerfile that built the image, for the dockerfile gate and for mapping findings to lines. */
  dockerfilePath?: string;
  /**
   * The repository checkout (codeql-action/upload-sarif's `checkout_path`): SARIF artifact URIs are relative to it.
   * The scan's working directory when absent.
   */
  checkoutRoot?: string;
  /** A policy bundle file, or a bundled policy's name (`default`, `strict`, …); `default` when absent. */
  policyPath?: string;
  failOn: FailOn;
  /** `FORMAT[=PATH]` values. */
  outputs: string[];
  /** Report scope: what is shown (the fail scope is the policy's). */
  severityCutoff?: Severity;
  onlyFixed?: boolean;
  color?: boolean;
  /** The terminal's width, for the table written to standard output (one written to a file has no limit). */
  width?: number;
  vulnerabilities: {
    /** False skips matching entirely (the policy then sees no vulnerability data). */
    enabled: boolean;
    cacheDir?: string;
    dbUrl?: string;
    /**
     * An OCI repository holding the compiled database (`db push`): when set, the scan refreshes from it (one manifest
     * request when unchanged) instead of the OSV bucket. Its registry is reached with docker credentials only.
     */
    dbRepository?: string;
    /** Registry settings for `dbRepository` (plain-http hosts, extra CAs). */
    dbRegistry?: { insecureRegistries?: string[]; caFile?: string };
    offline: boolean;
    /** Data older than this warns. */
    maxAgeDays: number;
    /** Stale data fails the scan instead of warning. */
    failOnStale: boolean;
    ignoreFile?: string;
    vex: string[];
  };
  /** `oscap-summary.json` files written by `portcullis compliance oscap`, for the policy's compliance gate. */
  complianceSummaries?: string[];
  /**
   * Read the image's compliance checks from this store's runtime-compliance API (read scope): the latest of each
   * check type, for the compliance gate. A store that cannot answer is an error, never a silent GO.
   */
  complianceStore?: HttpTarget;
  /** Push the evaluation (JSON report, SBOM, SARIF) to our store once the reports are written. */
  store?: StorePushConfig;
  /** `--baseline`, `--fail-scope`, `--baseline-optional`: the delta against a previous scan (src/baseline). */
  baseline?: BaselineConfig;
}

/** Where and how the scan pushes its evaluation (the same path as `portcullis push`). */
export interface StorePushConfig {
  target: HttpTarget;
  /** Where a failed push waits for the next run or `portcullis push --retry-spooled`. */
  spoolDir: string;
  /** A failed push fails the run (error outcome) instead of warning. */
  failOnError: boolean;
  /** Keys of the evaluation, from the caller (the CI's environment); the pipeline knows no CI. */
  commit?: string;
  pipelineRun?: string;
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
