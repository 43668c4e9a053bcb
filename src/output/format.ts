/** The output format contract, and the helpers every format shares (report scope, severity order, origins). */

import type { Finding, LayerOrigin, PackageLocation, ScanReport, Severity } from '../model/index.js';
import type { Plugin } from '../plugin/plugin.js';

/** GitHub's code-scanning limits for one SARIF upload (docs.github.com, "SARIF support for code scanning"). */
export interface SarifLimits {
  maxResultsPerRun: number;
  maxLocationsPerResult: number;
  /** Of the gzipped file. */
  maxGzipBytes: number;
}

export const GITHUB_SARIF_LIMITS: SarifLimits = { maxResultsPerRun: 25_000, maxLocationsPerResult: 1_000, maxGzipBytes: 10 * 1024 * 1024 };

/** GitHub's job summary limit (1 MiB per step); a PR comment holds 65,536 characters. */
export const GITHUB_SUMMARY_MAX_BYTES = 1024 * 1024;
export const GITHUB_COMMENT_MAX_CHARS = 65_536;

export interface RenderOptions {
  /**
   * Report scope: what is shown. Findings below this severity are left out (Unknown counts as the lowest).
   * The fail scope (what fails the build) is the policy's business, not the output's.
   */
  severityCutoff?: Severity;
  /** Report scope: only findings with a fix. */
  onlyFixed?: boolean;
  /** ANSI colour, for formats that have it (table). Off unless asked; see `wantsColor`. */
  color?: boolean;
  /** SARIF: the limits to fit (GitHub's by default). */
  sarifLimits?: SarifLimits;
  /**
   * SARIF: the repository checkout root (`actions/checkout`'s `path`, codeql-action/upload-sarif's `checkout_path`).
   * Artifact URIs are made relative to it, against `%SRCROOT%`. Default: `workingDirectory`.
   */
  checkoutRoot?: string;
  /** What a relative path in the report (the Dockerfile's) is relative to: the scan's working directory. Default: the process's. */
  workingDirectory?: string;
  /** Markdown: the size budget in bytes (GitHub's 1 MiB job summary limit by default). */
  maxBytes?: number;
  /** Markdown: how many findings the top-findings table lists at most. */
  topFindings?: number;
}

export interface OutputFormat extends Plugin {
  /** Other names accepted by `--output` (`md`, `cyclonedx-json`). */
  readonly aliases: readonly string[];
  readonly mediaType: string;
  /** The file name used when a format is written to a directory without a name. */
  readonly defaultFileName: string;
  render(report: ScanReport, options: RenderOptions): string | Buffer;
}

export const SEVERITIES: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];

/** 0 for Critical … 5 for Unknown. */
export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

/** Most severe first, then by id, package name, version and first path: a total, stable order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    cmp(a.id, b.id) ||
    cmp(a.packageName, b.packageName) ||
    cmp(a.installedVersion, b.installedVersion) ||
    cmp(a.locations[0]?.path ?? '', b.locations[0]?.path ?? '') ||
    cmp(a.packageId, b.packageId)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The findings in the report scope, sorted. */
export function scopedFindings(report: ScanReport, options: RenderOptions): Finding[] {
  const cutoff = options.severityCutoff ? severityRank(options.severityCutoff) : SEVERITIES.length;
  return report.findings
    .filter((f) => severityRank(f.severity) <= cutoff && (!options.onlyFixed || f.fix.state === 'fixed'))
    .sort(compareFindings);
}

/** The report with only the findings in scope (what the full-report formats render). */
export function scopedReport(report: ScanReport, options: RenderOptions): ScanReport {
  if (!options.severityCutoff && !options.onlyFixed) return report;
  return { ...report, findings: scopedFindings(report, options) };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

/** An origin with the optional last line that `mapLayersToDockerfile` adds. */
export type OriginWithRange = LayerOrigin & { endLine?: number };

/** The Dockerfile origin of a file in the image, through the layer that last wrote it. */
export function originOf(report: ScanReport, location: PackageLocation | undefined): OriginWithRange | undefined {
  const layerIndex = location?.provenance?.layerIndex;
  if (layerIndex === undefined || !report.dockerfile) return undefined;
  const origin = report.dockerfile.origins.find((o) => o.layerIndex === layerIndex);
  return origin?.line !== undefined ? origin : undefined;
}

/** The FROM line of the Dockerfile (where base-image findings and image-wide results go). */
export function fromLine(report: ScanReport): number | undefined {
  return report.dockerfile?.origins.find((o) => o.base && o.line !== undefined)?.line;
}

/** `linux/amd64`, `linux/arm64/v8`. */
export function platformText(report: ScanReport): string {
  const p = report.image.platform;
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The image's name without tag or digest, from its first tag or the reference the user gave. */
export function imageRepository(report: ScanReport): string {
  const name = report.image.repoTags[0] ?? report.image.reference;
  const noDigest = name.replace(/@sha256:[0-9a-f]+$/i, '');
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** How the image is named to people: its first tag, else the reference; with the digest when known. */
export function imageLabel(report: ScanReport): string {
  return report.image.repoTags[0] ?? report.image.reference;
}

/** JSON with a fixed key order for the top level (as listed) and sorted keys below it. */
export function stableJson(value: unknown, topLevelOrder: readonly string[] = [], indent = 2): string {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort()
          .map((k) => [k, sortDeep(o[k])]),
      );
    }
    return v;
  };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const keys = [...topLevelOrder.filter((k) => k in o), ...Object.keys(o).filter((k) => !topLevelOrder.includes(k)).sort()];
    const ordered = Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, sortDeep(o[k])]));
    return `${JSON.stringify(ordered, null, indent)}\n`;
  }
  return `${JSON.stringify(sortDeep(value), null, indent)}\n`;
}

/** The warning a report's vulnerability data deserves, if any: none at all, or stale. */
export function dataWarning(report: ScanReport): string | undefined {
  const vd = report.vulnerabilityData;
  if (!vd) return undefined;
  if (vd.sources.length === 0) return 'no vulnerability data was available, so no package was checked (run "portcullis db update")';
  if (vd.stale) return `the vulnerability data is stale (${vd.ageDays ?? '?'} days old)`;
  return undefined;
}
