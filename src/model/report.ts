/** The scan report: what every output format renders. Pure data. */

import type { BaselineState, Finding } from './finding.js';
import type { ImageMetadata, Unknown } from './image.js';
import type { Distro, Package } from './package.js';

export type Decision = 'GO' | 'WARN' | 'STOP';

/** One fired trigger of the policy evaluation (Anchore's PolicyEvaluationFinding). */
export interface PolicyFindingRecord {
  trigger_id: string;
  gate: string;
  trigger: string;
  /** Anchore's check output. */
  message: string;
  /** The effective action: the rule's, or `go` when allowlisted. */
  action: 'go' | 'warn' | 'stop';
  /** The action the rule asked for, before any allowlist. */
  rule_action: 'go' | 'warn' | 'stop';
  policy_id: string;
  rule_id: string;
  recommendation: string;
  allowlisted: boolean;
  allowlist_match?: { id: string; name: string; matched_rule_id: string };
  /** A file in the image, or a line of the actual Dockerfile, when the match has a place. */
  location?: { path?: string; line?: number };
  /** Against the scan's baseline (`--baseline`); absent without one. See Finding.baseline. */
  baseline?: BaselineState;
  /**
   * Store re-evaluations only (they read the SBOM, not the image): this trigger of a gate that needs the image's
   * files or Dockerfile is carried over unchanged from the evaluation that had the image (src/store/carry-over.ts).
   */
  carried_over?: { evaluation_id: string; evaluated_at: string };
}

export interface PolicyResult {
  bundle_id: string;
  bundle_name: string;
  final_action: 'go' | 'warn' | 'stop';
  final_action_reason: 'policy_evaluation' | 'allowlisted' | 'denylisted';
  image_mapped_to_rule: boolean;
  findings: PolicyFindingRecord[];
  evaluation_problems: { severity: 'error' | 'warn' | 'info'; problem_type: string; details: string }[];
  evaluation_time: string;
}

export interface VulnerabilityDataStatus {
  sources: { id: string; fetchedAt?: string; records: number }[];
  /** Age of the oldest source used, in days. */
  ageDays?: number;
  stale: boolean;
  offline: boolean;
  /**
   * What could not be checked, one line each: a distro with no vulnerability data, a source that failed to load,
   * an empty database. Never empty when some packages went unmatched for want of data (never a silent GO).
   */
  gaps?: VulnerabilityDataGap[];
}

export interface VulnerabilityDataGap {
  /**
   * `no-distro-data`: no records for the image's distro release; `unknown-distro`: the release is not recognised;
   * `no-ecosystem-data`: no records for a language ecosystem the image has packages of; `no-data`: the database is
   * empty or missing; `source-failed`: a source could not be fetched or opened.
   */
  kind: 'no-distro-data' | 'unknown-distro' | 'no-ecosystem-data' | 'no-data' | 'source-failed';
  /** One line for the user. */
  message: string;
  /** The ecosystem concerned (`Amazon Linux:2023`), when there is one. */
  ecosystem?: string;
  /** How many packages went unchecked because of it. */
  packages?: number;
}

/** A mapping from a layer to the Dockerfile instruction that created it. */
export interface LayerOrigin {
  layerIndex: number;
  /** 1-based line of the instruction in the given Dockerfile, or of FROM for base-image layers. */
  line?: number;
  /** Last line of the instruction (continuations), or of the range a squashed layer covers. */
  endLine?: number;
  /** True when one layer holds several instructions (a squashed build). */
  squashed?: boolean;
  instruction?: string;
  /** True when the layer comes from the base image (mapped to the FROM line). */
  base?: boolean;
}

export interface PluginRun {
  id: string;
  version: number;
  status: 'succeeded' | 'partial' | 'failed';
  reason?: string;
}

export interface ScanReport {
  /** Version of this report's JSON shape. */
  schemaVersion: '1';
  tool: { name: 'portcullis'; version: string };
  /** ISO timestamp of the scan. */
  createdAt: string;
  image: ImageMetadata;
  distro?: Distro;
  packages: Package[];
  findings: Finding[];
  unknowns: Unknown[];
  plugins: PluginRun[];
  vulnerabilityData?: VulnerabilityDataStatus;
  policy?: PolicyResult;
  dockerfile?: { path: string; origins: LayerOrigin[] };
  decision: Decision;
  /** The delta against a baseline (`scan --baseline`): absent without one. `decision` stays the full one. */
  baseline?: BaselineSummary;
}

/** What `--fail-scope` the exit code came from: every STOP/WARN trigger, or only the new ones. */
export type FailScope = 'all' | 'new';

/** A scan's delta against its baseline (src/baseline): the counts, the two decisions, and what was fixed. */
export interface BaselineSummary {
  /** The baseline as given: a file path, or the store evaluation's URL. */
  source: string;
  /** `report`: a previous Portcullis JSON report; `sbom`: an SBOM scanned with today's data; `store`: the store's latest evaluation. */
  kind: 'report' | 'sbom' | 'store';
  /** The baseline's image. */
  image: { reference: string; manifestDigest?: string; repoTags: string[] };
  /** When the baseline report was made (for an SBOM: now). */
  createdAt: string;
  /** The baseline's own decision. */
  decision: Decision;
  /** The decision from the new triggers only (what `--fail-scope new` exits on). */
  newDecision: Decision;
  /** The fail scope the exit code was taken from. */
  failScope: FailScope;
  counts: {
    findings: { new: number; existing: number; fixed: number };
    /** Fired triggers; `newStop` / `newWarn`: the new ones whose effective action is STOP / WARN. */
    triggers: { new: number; existing: number; fixed: number; newStop: number; newWarn: number };
  };
  /** What the baseline had and this scan lacks (each marked `baseline: 'fixed'`). */
  fixed: { findings: Finding[]; triggers: PolicyFindingRecord[] };
}
