import type { FileView } from '../image/file-view.js';
import type { Distro, Finding, ImageMetadata, Package, Unknown } from '../model/index.js';

/** How fresh and complete the vulnerability data behind `findings` is. */
export interface VulnDataStatus {
  /** The distro namespace as Anchore names it (`debian:12`, `alpine:3.20`). */
  namespace?: string;
  /** False when there is no vulnerability data for the image's distro (OS packages were not checked). */
  distroDataAvailable: boolean;
  /** When the oldest source used for this image was last synced. Undefined: never / unknown. */
  lastSync?: Date;
}

/** Registry data for one package ecosystem (ruby_gems, npms feed triggers). */
export interface PackageFeed {
  /** Known versions by package name, newest last; a missing name means "not in the official registry". */
  versions(name: string): readonly string[] | undefined;
  latest(name: string): string | undefined;
}

/** One compliance check of the image (an OpenSCAP run, or one recorded in a store's runtime-compliance API). */
export interface ComplianceCheck {
  /** `oscap`, or another check type as the runtime-compliance API names it. */
  check_type: string;
  /** `pass`, `fail` or `error` (a check that did not run or checked nothing). */
  result: string;
  /** ISO 8601 times; `end_time` (or `start_time`) is the check's age for `max_age_days`. */
  start_time?: string;
  end_time?: string;
  /** Where the result came from: a summary file's path, or a store URL. */
  source: string;
}

export interface MalwareScan {
  scanner: string;
  findings: readonly { path: string; signature: string }[];
}

/**
 * Everything the gates read. The scan fills it after the single image pass; tests build it by hand. Each field a
 * gate needs and does not find is an evaluation problem, never a silent GO.
 */
export interface PolicyContext {
  image: ImageMetadata;
  /** The squashed file view, with the content every gate requested (see `policyFileRequests`). */
  files?: FileView;
  packages: readonly Package[];
  /** Package databases that could not be read (unknowns with `packageDatabase`): the catalog is incomplete there. */
  catalogGaps?: readonly Unknown[];
  findings: readonly Finding[];
  distro?: Distro;
  vulnData?: VulnDataStatus;
  /** The Dockerfile the user gave (`--dockerfile`). Without it the dockerfile gate guesses one from the history. */
  dockerfile?: { text: string; path?: string };
  /** The time of evaluation (allowlist expiry, feed age). */
  now: Date;
  malware?: MalwareScan;
  /** Compliance checks of this image (compliance gate). Absent: none was looked for, so the gate cannot check. */
  compliance?: readonly ComplianceCheck[];
  feeds?: { gem?: PackageFeed; npm?: PackageFeed };
  /** Version ordering by package type; the matcher's schemes (src/version) are used when absent. */
  compareVersions?(packageType: string, a: string, b: string): number;
}

const memos = new WeakMap<PolicyContext, Map<string, unknown>>();

/** Computes a derived value once per context (a parsed Dockerfile, the passwd entries). */
export function memo<T>(ctx: PolicyContext, key: string, compute: () => T): T {
  let m = memos.get(ctx);
  if (!m) memos.set(ctx, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
