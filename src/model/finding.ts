/** Pure data types for vulnerability findings. */

import type { PackageLocation } from './package.js';

export type Severity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Negligible' | 'Unknown';

export interface Cvss {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  baseScore: number;
  /** Who scored it: the record's data source (`osv:PyPI`), or NVD's metric source (`nvd@nist.gov`, a CNA's address). */
  source?: string;
  /** NVD's metric type: `Primary` (NVD's own score) or `Secondary` (a CNA's). Only on NVD metrics. */
  type?: 'Primary' | 'Secondary';
}

/** The CVE is in CISA's Known Exploited Vulnerabilities catalog. */
export interface KevStatus {
  dateAdded: string;
  dueDate?: string;
  /** CISA's `knownRansomwareCampaignUse`: `Known` or `Unknown`. */
  knownRansomwareCampaignUse?: string;
  vulnerabilityName?: string;
  requiredAction?: string;
}

/** FIRST's Exploit Prediction Scoring System score of the CVE. */
export interface EpssScore {
  /** Probability of exploitation activity in the next 30 days, 0..1. */
  score: number;
  /** Percentile among all scored CVEs, 0..1. */
  percentile: number;
  /** The day the score was computed (`score_date` of the CSV), YYYY-MM-DD. */
  date?: string;
}

export type FixState = 'fixed' | 'not-fixed' | 'wont-fix' | 'unknown';

export interface Finding {
  /** The preferred id (CVE where there is one). */
  id: string;
  aliases: string[];
  packageId: string;
  packageName: string;
  packageType: string;
  installedVersion: string;
  purl?: string;
  locations: PackageLocation[];
  fix: { state: FixState; versions: string[] };
  severity: Severity;
  /**
   * Where `severity` came from (README, "Severity"): `vendor:<data source>` (a distro's or advisory's own rating),
   * `cvss:<data source>` (the record's CVSS vector), `nvd` (NVD's CVSS, joined by CVE id), or `none` (Unknown).
   */
  severitySource: string;
  /** The vendor's CVSS: vectors of the matched records (`source` = their data source). */
  cvss: Cvss[];
  /** NVD's CVSS for the CVE ids of this finding (Primary and Secondary). */
  nvdCvss: Cvss[];
  kev?: KevStatus;
  epss?: EpssScore;
  summary?: string;
  references: string[];
  published?: string;
  modified?: string;
  /** Where the record came from (`osv:Debian`, `alpine-secdb`). */
  dataSource: string;
  /** How it matched (`distro:Debian:12 via source curl`, `ecosystem:npm`). */
  matchedBy: string;
  /**
   * Against the scan's baseline (`--baseline`): `new` (not in the baseline), `existing` (also there), or `fixed` (in
   * the baseline only: only in `ScanReport.baseline.fixed`). Absent when the scan had no baseline.
   */
  baseline?: BaselineState;
}

/** A finding's or trigger's state against a baseline. */
export type BaselineState = 'new' | 'existing' | 'fixed';
