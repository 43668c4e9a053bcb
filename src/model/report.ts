/** The scan report: what every output format renders. Pure data. */

import type { Finding } from './finding.js';
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
}
