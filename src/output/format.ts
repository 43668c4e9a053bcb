/** The output format contract, and the helpers every format shares (report scope, severity order, origins). */

import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, LayerOrigin, PackageLocation, PolicyFindingRecord, ScanReport, Severity } from '../model/index.js';
import type { Plugin } from '../plugin/plugin.js';
import { triggerPackageName, vulnerabilityTriggerId } from '../policy/gates/vulnerabilities/vulnerabilities.js';

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
  /** Table: the terminal's width in columns; long cells wrap or are cut to fit. No limit when absent (a file). */
  width?: number;
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
  /** Markdown: the size budget in characters (a PR comment's 65,536), besides `maxBytes`. */
  maxChars?: number;
  /** Markdown: how many findings the findings table lists at most (25 by default); fewer when the budget asks. */
  topFindings?: number;
  /** Markdown: how many rows the policy-trigger and unknowns tables list at most (25 by default). */
  maxTableRows?: number;
  /** Markdown: where the full report is (the workflow run, with the JSON and SARIF among its artifacts). */
  reportUrl?: string;
  /**
   * Markdown: the URL of the checkout's files at the scanned commit (`https://github.com/OWNER/REPO/blob/SHA`); the
   * Dockerfile lines are linked under it, by the Dockerfile's path relative to `checkoutRoot`.
   */
  sourceUrl?: string;
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

/** Whether a finding is in the report scope (`severityCutoff`, `onlyFixed`). */
export function inReportScope(f: Finding, options: Pick<RenderOptions, 'severityCutoff' | 'onlyFixed'>): boolean {
  const cutoff = options.severityCutoff ? severityRank(options.severityCutoff) : SEVERITIES.length;
  return severityRank(f.severity) <= cutoff && (!options.onlyFixed || f.fix.state === 'fixed');
}

/** The findings in the report scope, sorted. */
export function scopedFindings(report: ScanReport, options: Pick<RenderOptions, 'severityCutoff' | 'onlyFixed'>): Finding[] {
  return report.findings.filter((f) => inReportScope(f, options)).sort(compareFindings);
}

/**
 * The trigger ids a vulnerabilities-gate trigger about this finding may carry: Anchore's (`GHSA-…+pkg` for language
 * packages), and the finding's id or an alias with the package (reports written before that).
 */
export function findingTriggerIds(f: Finding): string[] {
  const pkg = triggerPackageName(f);
  return [...new Set([vulnerabilityTriggerId(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}

/**
 * What the user is shown of a report: the one scope that every format applies to findings (SARIF, the markdown
 * summary and PR comment, table, JUnit, GitLab, the SBOMs' vulnerabilities, JSON, annotations), through
 * `scopedFindings`. The scope leaves the policy alone: the decision is the policy's, unchanged by the scope, and its
 * fired triggers stay visible as the reasons for it, even one about a finding outside the scope (SARIF makes that
 * trigger a policy result of its own; the markdown lists it among the triggers, not among the findings).
 */
export interface ReportScope {
  /** The findings in scope, most severe first (`compareFindings`). */
  findings: Finding[];
  /** The policy records about a finding (vulnerabilities gate), in the policy's order. */
  triggersOf(f: Finding): PolicyFindingRecord[];
  /** Whether a policy record is a vulnerabilities-gate trigger about findings that are all outside the scope. */
  outOfScope(p: PolicyFindingRecord): boolean;
}

export function reportScope(report: ScanReport, options: Pick<RenderOptions, 'severityCutoff' | 'onlyFixed'>): ReportScope {
  const findings = scopedFindings(report, options);
  const vuln = new Map<string, PolicyFindingRecord[]>();
  for (const p of report.policy?.findings ?? []) {
    if (p.gate !== 'vulnerabilities') continue;
    const list = vuln.get(p.trigger_id);
    if (list) list.push(p);
    else vuln.set(p.trigger_id, [p]);
  }
  const triggersOf = (f: Finding): PolicyFindingRecord[] => [...new Set(findingTriggerIds(f).flatMap((id) => vuln.get(id) ?? []))];
  const shown = new Set(findings.flatMap(triggersOf));
  const about = findings.length === report.findings.length ? shown : new Set(report.findings.flatMap(triggersOf));
  return { findings, triggersOf, outOfScope: (p) => about.has(p) && !shown.has(p) };
}

/**
 * The report with only the findings in scope (what the full-report formats render). The policy evaluation is kept
 * whole: it is the record of the decision, which the scope does not change.
 */
export function scopedReport(report: ScanReport, options: RenderOptions): ScanReport {
  if (!options.severityCutoff && !options.onlyFixed) return report;
  return { ...report, findings: scopedFindings(report, options) };
}

/**
 * A path of the checkout as the repository names it (forward slashes, relative to `checkoutRoot`), or undefined
 * when it lies outside the checkout.
 */
export function repositoryPath(path: string, checkoutRoot: string, cwd = process.cwd()): string | undefined {
  const rel = relative(resolve(cwd, checkoutRoot), resolve(cwd, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
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
