/** Pure data types for vulnerability findings. */

import type { PackageLocation } from './package.js';

export type Severity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Negligible' | 'Unknown';

export interface Cvss {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  baseScore: number;
  source?: string;
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
  cvss: Cvss[];
  summary?: string;
  references: string[];
  published?: string;
  modified?: string;
  /** Where the record came from (`osv:Debian`, `alpine-secdb`). */
  dataSource: string;
  /** How it matched (`distro:Debian:12 via source curl`, `ecosystem:npm`). */
  matchedBy: string;
}
