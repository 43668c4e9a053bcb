/** Pure data types for catalogued packages. */

import type { FileProvenance } from './image.js';

export type PackageType =
  | 'apk'
  | 'deb'
  | 'rpm'
  | 'npm'
  | 'python'
  | 'java-archive'
  | 'go-module'
  | 'gem'
  | 'php-composer'
  | 'rust-crate'
  | 'dotnet';

export interface PackageLocation {
  path: string;
  provenance?: FileProvenance;
}

export interface Package {
  /** Stable id within one scan (type + name + version + first location). */
  id: string;
  type: PackageType;
  name: string;
  version: string;
  purl: string;
  /** SPDX expressions where possible, the raw text otherwise. */
  licenses: string[];
  /**
   * The licence names as the package's own metadata writes them, where `licenses` maps them to SPDX (Debian
   * copyright short names: `GPL-2+`, `BSD-2-clause`). Absent when `licenses` is already as written. The policy
   * `licenses` gate matches these, as Anchore does.
   */
  declaredLicenses?: string[];
  locations: PackageLocation[];
  /** The cataloger id that found it (`dpkg/status`). */
  foundBy: string;
  /** Source or origin package for distro packages (dpkg Source:, apk origin, rpm sourcerpm). */
  source?: { name: string; version?: string };
  arch?: string;
  /** Id of the OS package that owns this package's files, if any. */
  ownedBy?: string;
  /** Ecosystem-specific details. */
  metadata?: Record<string, unknown>;
}

export interface Distro {
  id: string;
  versionId?: string;
  /**
   * VERSION_ID as os-release writes it (`12`), when `versionId` is refined from another file (Debian's
   * `/etc/debian_version`: `12.7`). Anchore's `distro_version`, which the policy `metadata` gate compares.
   */
  releaseVersionId?: string;
  versionCodename?: string;
  prettyName?: string;
  idLike?: string[];
  cpeName?: string;
}
