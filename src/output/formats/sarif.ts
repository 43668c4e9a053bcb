/**
 * SARIF 2.1.0 for GitHub code scanning. Findings are placed on the Dockerfile line of the instruction that created
 * the layer holding the package's file (base-image layers on the FROM line); the path inside the image is a logical
 * location. The file is kept within GitHub's limits, and what was grouped or trimmed is said in the run's
 * notifications. Artifact URIs are relative to the checkout root (`%SRCROOT%`, given in `originalUriBaseIds`), as
 * GitHub code scanning expects. A vulnerabilities-gate trigger about a finding that has its own result is folded into
 * that result (one alert per problem); other policy triggers are results on the line they are about.
 */

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { triggerPackageName, vulnerabilityTriggerId } from '../../policy/gates/vulnerabilities/vulnerabilities.js';
import { unknownsSummary } from './unknowns.js';
import { repositoryNames, stableTriggerId } from '../../baseline/identity.js';
import type { BaselineState, Finding, PackageLocation, PolicyFindingRecord, ScanReport, Severity } from '../../model/index.js';
import {
  GITHUB_SARIF_LIMITS,
  compareFindings,
  fromLine,
  imageLabel,
  imageRepository,
  originOf,
  platformText,
  scopedFindings,
  severityRank,
  type OutputFormat,
  type RenderOptions,
  type SarifLimits,
} from '../format.js';

type Level = 'error' | 'warning' | 'note';

/** The `@types/sarif` shapes, with the members this writer always sets made required. */
type SarifLocation = Sarif.Location & { physicalLocation: Sarif.PhysicalLocation & { artifactLocation: Sarif.ArtifactLocation; region: Sarif.Region } };
type SarifResult = Omit<Sarif.Result, 'locations'> & { ruleId: string; ruleIndex: number; level: Level; locations: SarifLocation[]; partialFingerprints: Record<string, string>; properties: Sarif.PropertyBag };
type SarifRule = Sarif.ReportingDescriptor & { properties: Sarif.PropertyBag & { tags: string[]; 'security-severity': string } };

/** Results carry their sort key so that trimming drops the least severe. */
interface Candidate {
  result: SarifResult;
  /** 0 policy STOP, 1 policy WARN, 2 + severity rank for vulnerabilities. */
  priority: number;
  finding?: Finding;
  /** Every finding the result stands for (one, or a group). */
  findings: readonly Finding[];
}

/** The base id every artifact URI is relative to: the repository checkout (codeql-action's name for it). */
export const SRCROOT = '%SRCROOT%';
export const INFORMATION_URI = 'https://github.com/portcullis/portcullis';

/**
 * Whether a trigger of each gate concerns security (GitHub then ranks its alerts by `security-severity` and lists them
 * under security). Keyed by every gate of src/policy/gates/list.ts; a gate missing here (a plugin's) is not security.
 */
export const SECURITY_GATES: Readonly<Record<string, boolean>> = {
  always: false,
  dockerfile: true,
  files: true,
  ruby_gems: true,
  metadata: false,
  licenses: false,
  malware: true,
  npms: true,
  packages: true,
  passwd_file: true,
  retrieved_files: true,
  secret_scans: true,
  vulnerabilities: true,
  compliance: true,
};
/** A policy rule's `security-severity` by the strongest action it took in the report: STOP high, WARN medium. */
const POLICY_SECURITY_SEVERITY = { stop: '8.0', warn: '5.5' } as const;

const LEVEL: Record<Severity, Level> = { Critical: 'error', High: 'error', Medium: 'warning', Low: 'note', Negligible: 'note', Unknown: 'note' };
/** GitHub's bands: ≥9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low. */
const BAND: Record<Severity, [number, number, number] | undefined> = {
  Critical: [9.0, 10.0, 9.5],
  High: [7.0, 8.9, 8.0],
  Medium: [4.0, 6.9, 5.5],
  Low: [0.1, 3.9, 2.0],
  Negligible: [0.1, 3.9, 0.5],
  Unknown: undefined,
};
const FINGERPRINT_KEY = 'portcullisFinding/v1';
const MAX_TAGS = 20;

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** SARIF's `baselineState` of a result (§3.27.24) from the report's own marks: `new`, or `unchanged` (existing). */
function baselineState(states: readonly (BaselineState | undefined)[]): { baselineState?: 'new' | 'unchanged' } {
  if (states.every((s) => s === undefined)) return {};
  return { baselineState: states.includes('new') ? 'new' : 'unchanged' };
}

/**
 * The repository part of every partial fingerprint: the image's repository, but for an image read from a file (an
 * OCI layout, an archive) the scheme and the file's base name, not its path, which changes with the CI workspace.
 */
export function fingerprintRepository(report: ScanReport): string {
  if (!report.image.repoTags[0] && /^(oci-dir|oci-archive|docker-archive|tarball|dir):/.test(report.image.reference)) return repositoryNames(report.image)[0] ?? imageRepository(report);
  return imageRepository(report);
}
/**
 * The trigger ids a vulnerabilities-gate trigger about this finding can have: `<vulnerability>+<package part>`, with the
 * id the gate uses (a GHSA for language packages) or the finding's id or any alias (a bundle evaluated elsewhere).
 */
export function findingTriggerIds(f: Finding): string[] {
  const pkg = triggerPackageName(f);
  return [...new Set([vulnerabilityTriggerId(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}

const encodeUri = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/**
 * Where the writer puts a file of the checkout: `path` (relative to `cwd`, or absolute) made relative to `checkoutRoot`,
 * forward slashes, URI-encoded, against `%SRCROOT%`. A file outside the checkout keeps its absolute `file:` URI.
 */
export function artifactLocation(path: string, checkoutRoot: string, cwd = process.cwd()): Sarif.ArtifactLocation {
  const abs = resolve(cwd, path);
  const rel = relative(resolve(cwd, checkoutRoot), abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: encodeUri(rel.split(sep).join('/')), uriBaseId: SRCROOT };
}

/** The `originalUriBaseIds` entry for the checkout root: an absolute `file:` URI ending in a slash (SARIF §3.14.14). */
export function checkoutRootUri(checkoutRoot: string, cwd = process.cwd()): string {
  const href = pathToFileURL(resolve(cwd, checkoutRoot)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * The numeric string GitHub ranks by: the CVSS score when it agrees with the severity, the band's middle otherwise.
 * An Unknown severity takes the highest CVSS score, or 0.0 without one (as grype's SARIF presenter does).
 */
export function securitySeverity(severity: Severity, cvssScores: readonly number[]): string {
  const band = BAND[severity];
  if (!band) return (cvssScores.length ? Math.max(...cvssScores) : 0).toFixed(1);
  const inBand = cvssScores.filter((s) => s >= band[0] && s <= band[1]);
  return (inBand.length > 0 ? Math.max(...inBand) : band[2]).toFixed(1);
}

function mdEscape(s: string): string {
  return s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

class SarifBuilder {
  readonly rules: SarifRule[] = [];
  readonly #ruleIndex = new Map<string, number>();
  readonly repo: string;
  /** The repository the fingerprints are keyed by (see fingerprintRepository). */
  readonly fingerprintRepo: string;
  readonly label: string;

  readonly #byId = new Map<string, Finding[]>();
  readonly #policyActions = new Map<string, 'stop' | 'warn'>();

  constructor(
    readonly report: ScanReport,
    findings: readonly Finding[],
    readonly checkoutRoot: string,
    readonly cwd: string,
  ) {
    for (const p of report.policy?.findings ?? []) {
      if (p.action !== 'stop' && p.action !== 'warn') continue;
      const id = `policy/${p.gate}/${p.trigger}`;
      if (this.#policyActions.get(id) !== 'stop') this.#policyActions.set(id, p.action);
    }
    for (const f of findings) {
      const list = this.#byId.get(f.id);
      if (list) list.push(f);
      else this.#byId.set(f.id, [f]);
    }
    this.repo = imageRepository(report);
    this.fingerprintRepo = fingerprintRepository(report);
    this.label = imageLabel(report);
  }

  ruleIndex(id: string, make: () => SarifRule): number {
    let i = this.#ruleIndex.get(id);
    if (i === undefined) {
      i = this.rules.length;
      this.rules.push(make());
      this.#ruleIndex.set(id, i);
    }
    return i;
  }

  /** The Dockerfile as an artifact location of the checkout. */
  dockerfileArtifact(path: string): Sarif.ArtifactLocation {
    return artifactLocation(path, this.checkoutRoot, this.cwd);
  }

  /** A path inside the image, where there is no Dockerfile to place it on (relative to the checkout, as GitHub needs). */
  imageArtifact(path: string): Sarif.ArtifactLocation {
    return { uri: encodeUri(path.replace(/^\/+/, '')), uriBaseId: SRCROOT };
  }

  /** Where results go when nothing better is known: the FROM line, or the image itself when there is no Dockerfile. */
  fallbackLocation(): SarifLocation {
    const df = this.report.dockerfile;
    if (df) return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: fromLine(this.report) ?? 1 } } };
    return { physicalLocation: { artifactLocation: this.imageArtifact(this.repo.replace(/[^A-Za-z0-9._/-]/g, '-')), region: { startLine: 1 } } };
  }

  locationOf(loc: PackageLocation): SarifLocation {
    const df = this.report.dockerfile;
    const origin = originOf(this.report, loc);
    const layer = loc.provenance?.layerDigest;
    const logical = [{ name: loc.path, fullyQualifiedName: `${this.label}${layer ? `@${layer}` : ''}:${loc.path}`, kind: 'resource' }];
    if (df) {
      const region = origin?.line !== undefined ? { startLine: origin.line, ...(origin.endLine && origin.endLine > origin.line ? { endLine: origin.endLine } : {}) } : { startLine: fromLine(this.report) ?? 1 };
      const how = origin?.base ? 'base image layer' : origin?.instruction ? `layer ${origin.layerIndex}: ${origin.instruction}` : 'layer not matched to an instruction';
      return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region }, logicalLocations: logical, message: { text: `${loc.path} (${how})` } };
    }
    return { physicalLocation: { artifactLocation: this.imageArtifact(loc.path), region: { startLine: 1 } }, logicalLocations: logical };
  }

  locationsOf(findings: readonly Finding[]): SarifLocation[] {
    const seen = new Set<string>();
    const out: SarifLocation[] = [];
    for (const f of findings) {
      for (const loc of f.locations) {
        const l = this.locationOf(loc);
        const key = JSON.stringify([l.physicalLocation, loc.path]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(l);
      }
    }
    return out.length > 0 ? out : [this.fallbackLocation()];
  }

  vulnerabilityRule(id: string): number {
    return this.ruleIndex(id, () => {
      const same = this.#byId.get(id) ?? [];
      const severity = same.map((f) => f.severity).sort((a, b) => severityRank(a) - severityRank(b))[0] ?? 'Unknown';
      const scores = same.flatMap((f) => f.cvss.map((c) => c.baseScore));
      const cvss = same.flatMap((f) => f.cvss).sort((a, b) => b.baseScore - a.baseScore)[0];
      const summary = same.find((f) => f.summary)?.summary ?? `${id} in ${same[0]?.packageName ?? 'a package'}`;
      const refs = [...new Set(same.flatMap((f) => f.references))];
      const aliases = [...new Set(same.flatMap((f) => f.aliases))];
      const ecosystems = [...new Set(same.map((f) => f.packageType))].sort();
      const sev = securitySeverity(severity, scores);
      const rows = same.map((f) => `| ${mdEscape(f.packageName)} | ${mdEscape(f.installedVersion)} | ${mdEscape(f.fix.versions.join(', ') || f.fix.state)} | ${f.packageType} |`);
      const markdown = [
        `**${id}**${aliases.length ? ` (${aliases.map(mdEscape).join(', ')})` : ''} · severity **${severity}**${cvss ? ` · CVSS ${cvss.version} ${cvss.baseScore.toFixed(1)} \`${cvss.vector}\`` : ''}`,
        '',
        mdEscape(summary),
        '',
        ...exploitLines(same).flatMap((l) => [mdEscape(l), '']),
        '| Package | Installed | Fixed in | Type |',
        '|---|---|---|---|',
        ...rows,
        ...(refs.length ? ['', '**References**', '', ...refs.map((r) => `- ${r}`)] : []),
      ].join('\n');
      const text = [`${id} (${severity}): ${summary}`, ...exploitLines(same), ...same.map((f) => `${f.packageName} ${f.installedVersion}: fixed in ${f.fix.versions.join(', ') || f.fix.state}`), ...refs].join('\n');
      return {
        id,
        name: id.replace(/[^A-Za-z0-9]/g, ''),
        shortDescription: { text: `${id} ${severity} vulnerability in ${[...new Set(same.map((f) => f.packageName))].join(', ')}`.slice(0, 1000) },
        fullDescription: { text: summary },
        ...(refs[0] ? { helpUri: refs[0] } : {}),
        help: { text, markdown },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: {
          'security-severity': sev,
          tags: ['security', 'vulnerability', severity.toLowerCase(), ...ecosystems].slice(0, MAX_TAGS),
          precision: 'very-high',
        },
      };
    });
  }

  vulnerabilityResult(f: Finding): Candidate {
    const ruleIndex = this.vulnerabilityRule(f.id);
    const origin = originOf(this.report, f.locations[0]);
    const fixed = f.fix.state === 'fixed' && f.fix.versions.length ? `Fixed in ${f.fix.versions.join(', ')}.` : `No fix (${f.fix.state}).`;
    const where = origin ? (origin.base ? ' From the base image (FROM line).' : ` Introduced by line ${origin.line}: ${origin.instruction ?? ''}.`) : '';
    return {
      priority: 2 + severityRank(f.severity),
      finding: f,
      findings: [f],
      result: {
        ruleId: f.id,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: `${f.packageName} ${f.installedVersion} (${f.packageType}) in image ${this.label} is affected by ${f.id} (${f.severity}). ${fixed}${where}`.trim() },
        locations: this.locationsOf([f]),
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, f.id, f.packageType, f.packageName, f.locations[0]?.path ?? ''].join('\u0000')) },
        ...baselineState([f.baseline]),
        properties: {
          ...(f.baseline ? { baseline: f.baseline } : {}),
          package: f.packageName,
          installedVersion: f.installedVersion,
          ...(f.purl ? { purl: f.purl } : {}),
          fixState: f.fix.state,
          severitySource: f.severitySource,
          kev: f.kev !== undefined,
          ...(f.kev ? { kevDateAdded: f.kev.dateAdded } : {}),
          ...(f.epss ? { epss: f.epss.score, epssPercentile: f.epss.percentile } : {}),
        },
      },
    };
  }

  policyResult(p: PolicyFindingRecord): Candidate {
    const id = `policy/${p.gate}/${p.trigger}`;
    const security = SECURITY_GATES[p.gate] === true;
    const ruleIndex = this.ruleIndex(id, () => ({
      id,
      name: `Policy${p.gate.replace(/(^|[-_])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase())}${p.trigger.replace(/(^|[-_])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase())}`,
      shortDescription: { text: `Policy gate ${p.gate}, trigger ${p.trigger}` },
      fullDescription: { text: `A rule of policy bundle "${this.report.policy?.bundle_name ?? ''}" fired: gate ${p.gate}, trigger ${p.trigger}.` },
      help: {
        text: p.recommendation || `Gate ${p.gate}, trigger ${p.trigger}.`,
        markdown: `Policy gate \`${p.gate}\`, trigger \`${p.trigger}\`.${p.recommendation ? `\n\n**Recommendation:** ${mdEscape(p.recommendation)}` : ''}`,
      },
      defaultConfiguration: { level: this.#policyActions.get(id) === 'stop' ? 'error' : 'warning' },
      properties: { 'security-severity': POLICY_SECURITY_SEVERITY[this.#policyActions.get(id) ?? 'warn'], tags: [...(security ? ['security'] : []), 'policy', p.gate] },
    }));
    const df = this.report.dockerfile;
    let location: SarifLocation | undefined;
    // A vulnerabilities trigger about a finding out of the report scope: on that finding's line.
    const about = p.gate === 'vulnerabilities' ? this.report.findings.find((f) => findingTriggerIds(f).includes(p.trigger_id)) : undefined;
    if (p.location?.line !== undefined && df) {
      location = { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: p.location.line } } };
    } else if (about?.locations[0]) {
      location = this.locationOf(about.locations[0]);
    } else if (p.location?.path) {
      const pkgLoc = this.report.packages.flatMap((x) => x.locations).find((l) => l.path === p.location?.path);
      location = this.locationOf(pkgLoc ?? { path: p.location.path });
    }
    return {
      priority: p.action === 'stop' ? 0 : 1,
      findings: [],
      result: {
        ruleId: id,
        ruleIndex,
        level: p.action === 'stop' ? 'error' : 'warning',
        message: { text: `${p.action.toUpperCase()}: ${p.message} (policy "${this.report.policy?.bundle_name ?? ''}", rule ${p.rule_id}, image ${this.label})` },
        locations: [location ?? this.fallbackLocation()],
        // The trigger's stable identity, not its id where that hashes a measured value (src/baseline/identity.ts).
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, p.gate, p.trigger, stableTriggerId(p), p.rule_id].join('\u0000')) },
        ...baselineState([p.baseline]),
        properties: { ...(p.baseline ? { baseline: p.baseline } : {}), gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, action: p.action },
      },
    };
  }

  /** One result per vulnerability id, for runs over the result limit. */
  groupedResult(id: string, group: readonly Finding[], maxLocations: number): Candidate {
    const ruleIndex = this.vulnerabilityRule(id);
    const worst = [...group].sort(compareFindings)[0]!;
    const names = group.map((f) => `${f.packageName} ${f.installedVersion}`);
    const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? `, and ${names.length - 10} more` : '');
    return {
      priority: 2 + severityRank(worst.severity),
      finding: worst,
      findings: group,
      result: {
        ruleId: id,
        ruleIndex,
        level: LEVEL[worst.severity],
        message: { text: `${id} (${worst.severity}) affects ${group.length} packages in image ${this.label}: ${shown}.` },
        locations: this.locationsOf(group).slice(0, maxLocations),
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, id, 'grouped'].join('\u0000')) },
        ...baselineState(group.map((f) => f.baseline)),
        properties: { ...(group.some((f) => f.baseline) ? { baseline: group.some((f) => f.baseline === 'new') ? 'new' : 'existing', newPackages: group.filter((f) => f.baseline === 'new').length } : {}), packages: group.length },
      },
    };
  }

  /**
   * Puts a vulnerabilities-gate verdict on the result of the finding it is about, instead of a second alert: the
   * result's level is raised to the action's (STOP error, WARN at least warning), it sorts with the policy results,
   * and it carries the trigger in `properties.policy` and the tags `policy` and `policy-stop` / `policy-warn`.
   */
  foldPolicy(c: Candidate, p: PolicyFindingRecord): void {
    const action = p.action as 'stop' | 'warn';
    const r = c.result;
    if (action === 'stop') r.level = 'error';
    else if (r.level === 'note') r.level = 'warning';
    c.priority = Math.min(c.priority, action === 'stop' ? 0 : 1);
    const verdicts = (r.properties.policy as unknown[] | undefined) ?? [];
    verdicts.push({ action, gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, policyId: p.policy_id, message: p.message, ...(p.recommendation ? { recommendation: p.recommendation } : {}), ...(p.baseline ? { baseline: p.baseline } : {}) });
    const tags = new Set([...((r.properties.tags as string[] | undefined) ?? []), 'policy', `policy-${action}`]);
    r.properties = { ...r.properties, policy: verdicts, tags: [...tags] };
    r.message = { text: `${r.message.text ?? ''} Policy "${this.report.policy?.bundle_name ?? ''}": ${action.toUpperCase()} by rule ${p.rule_id} (${p.gate} ${p.trigger}).${p.recommendation ? ` ${p.recommendation}` : ''}` };
  }
}

type Notification = Sarif.Notification & { level: 'warning' | 'note'; descriptor: { id: string } };

function sarifDocument(report: ScanReport, builder: SarifBuilder, candidates: readonly Candidate[], notifications: readonly Notification[]): Sarif.Log {
  const used = new Set(candidates.map((c) => c.result.ruleId));
  const rules = builder.rules.filter((r) => used.has(r.id));
  const newIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = candidates.map((c) => ({ ...c.result, ruleIndex: newIndex.get(c.result.ruleId)! }));
  const platform = platformText(report);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Portcullis', informationUri: INFORMATION_URI, version: report.tool.version, semanticVersion: report.tool.version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: checkoutRootUri(builder.checkoutRoot, builder.cwd) } },
        automationDetails: { id: `portcullis/container/${builder.repo.replace(/[^A-Za-z0-9._/-]/g, '-')}/${platform}/` },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: [...notifications] } : {}) }],
        results,
        properties: {
          image: builder.label,
          reference: report.image.reference,
          ...(report.image.manifestDigest ? { manifestDigest: report.image.manifestDigest } : {}),
          configDigest: report.image.configDigest,
          repoTags: report.image.repoTags,
          repoDigests: report.image.repoDigests,
          platform,
          decision: report.decision,
          ...(report.baseline ? { baseline: baselineProperty(report) } : {}),
          ...(report.dockerfile ? { dockerfile: report.dockerfile.path } : {}),
          ...(report.vulnerabilityData?.gaps?.length ? { vulnerabilityDataGaps: report.vulnerabilityData.gaps.map((g) => g.message) } : {}),
          ...(report.unknowns.length ? { unknowns: report.unknowns.map((u) => ({ stage: u.stage, ...(u.path ? { path: u.path } : {}), reason: u.reason, ...(u.packageDatabase ? { packageDatabase: u.packageDatabase } : {}) })) } : {}),
        },
      },
    ],
  };
}

/** The run's `baseline` property: the delta's counts and decisions, and what was fixed (absent results are not emitted). */
function baselineProperty(report: ScanReport): Record<string, unknown> {
  const b = report.baseline!;
  return {
    source: b.source,
    kind: b.kind,
    image: b.image.repoTags[0] ?? b.image.reference,
    ...(b.image.manifestDigest ? { manifestDigest: b.image.manifestDigest } : {}),
    decision: b.decision,
    newDecision: b.newDecision,
    failScope: b.failScope,
    counts: b.counts,
    fixed: {
      findings: b.fixed.findings.map((f) => ({ id: f.id, package: f.packageName, installedVersion: f.installedVersion })),
      triggers: b.fixed.triggers.map((p) => ({ gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, action: p.action })),
    },
  };
}

const serialize = (doc: Sarif.Log): string => `${JSON.stringify(doc, null, 2)}\n`;

export function renderSarif(report: ScanReport, options: RenderOptions): string {
  const limits: SarifLimits = options.sarifLimits ?? GITHUB_SARIF_LIMITS;
  const findings = scopedFindings(report, options);
  const cwd = options.workingDirectory ?? process.cwd();
  const builder = new SarifBuilder(report, findings, options.checkoutRoot ?? cwd, cwd);
  const notifications: Notification[] = [];
  const note = (id: string, text: string): void => {
    notifications.push({ level: 'warning', descriptor: { id: `portcullis/${id}` }, message: { text } });
  };

  const triggers = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
  let vulns = findings.map((f) => builder.vulnerabilityResult(f));

  if (triggers.length + vulns.length > limits.maxResultsPerRun) {
    const byId = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byId.get(f.id);
      if (list) list.push(f);
      else byId.set(f.id, [f]);
    }
    vulns = [...byId.entries()].map(([id, group]) => (group.length === 1 ? builder.vulnerabilityResult(group[0]!) : builder.groupedResult(id, group, limits.maxLocationsPerResult)));
    vulns.sort((a, b) => a.priority - b.priority || compareFindings(a.finding!, b.finding!));
    note('grouped', `${findings.length} findings are more than GitHub's ${limits.maxResultsPerRun} results per run: they are grouped into one result per vulnerability id (${vulns.length} results).`);
  }

  // One alert per problem: a vulnerabilities trigger about a finding with its own result goes on that result.
  const byTrigger = new Map<string, Candidate[]>();
  for (const c of vulns) {
    for (const key of new Set(c.findings.flatMap(findingTriggerIds))) {
      const list = byTrigger.get(key);
      if (list) list.push(c);
      else byTrigger.set(key, [c]);
    }
  }
  const policy: Candidate[] = [];
  for (const p of triggers) {
    const own = p.gate === 'vulnerabilities' ? byTrigger.get(p.trigger_id) : undefined;
    if (own) for (const c of own) builder.foldPolicy(c, p);
    else policy.push(builder.policyResult(p));
  }
  policy.sort((a, b) => a.priority - b.priority);

  let trimmedLocations = 0;
  for (const c of [...policy, ...vulns]) {
    if (c.result.locations.length > limits.maxLocationsPerResult) {
      trimmedLocations++;
      c.result.locations = c.result.locations.slice(0, limits.maxLocationsPerResult);
    }
  }
  if (trimmedLocations > 0) note('locations-trimmed', `${trimmedLocations} results had more than ${limits.maxLocationsPerResult} locations; only the first ${limits.maxLocationsPerResult} are kept.`);

  // Stable: results carrying a STOP, then a WARN (policy results before folded ones), then the rest by severity.
  let kept = [...policy, ...vulns].sort((a, b) => Math.min(a.priority, 2) - Math.min(b.priority, 2));
  if (kept.length > limits.maxResultsPerRun) {
    const dropped = kept.slice(limits.maxResultsPerRun);
    kept = kept.slice(0, limits.maxResultsPerRun);
    note('results-trimmed', `${dropped.length} results over GitHub's ${limits.maxResultsPerRun} results per run were left out, the least severe first (the most severe left out: ${dropped[0]!.result.ruleId}).`);
  }

  // Every unknown, counted by kind; the list is the run property `unknowns`.
  const unknowns = unknownsSummary(report.unknowns, 'the run property "unknowns"');
  if (unknowns) note('unknowns', unknowns);
  let text = serialize(sarifDocument(report, builder, kept, notifications));
  let gz = gzipSync(text).length;
  const total = kept.length;
  while (gz > limits.maxGzipBytes && kept.length > 0) {
    const target = Math.max(0, Math.min(kept.length - 1, Math.floor((kept.length * limits.maxGzipBytes * 0.9) / gz)));
    kept = kept.slice(0, target);
    const sizeNote: Notification = {
      level: 'warning',
      descriptor: { id: 'portcullis/size-trimmed' },
      message: { text: `The SARIF file was over GitHub's ${limits.maxGzipBytes} bytes gzipped: ${total - kept.length} of ${total} results were left out, the least severe first. The JSON report has them all.` },
    };
    text = serialize(sarifDocument(report, builder, kept, [...notifications.filter((n) => n.descriptor.id !== 'portcullis/size-trimmed'), sizeNote]));
    gz = gzipSync(text).length;
  }
  return text;
}

export const sarifFormat: OutputFormat = {
  id: 'sarif',
  version: 1,
  aliases: ['sarif-json'],
  mediaType: 'application/sarif+json',
  defaultFileName: 'portcullis.sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning, with findings on the Dockerfile lines that introduced them',
  render: renderSarif,
};

/** The rule help's KEV / EPSS / severity-source lines for the findings of one id. */
function exploitLines(same: readonly Finding[]): string[] {
  const out: string[] = [];
  const kev = same.find((f) => f.kev)?.kev;
  if (kev) out.push(`In CISA's Known Exploited Vulnerabilities catalog since ${kev.dateAdded}${kev.dueDate ? ` (due ${kev.dueDate})` : ''}.`);
  const epss = same.map((f) => f.epss).filter((e) => e !== undefined).sort((a, b) => b.score - a.score)[0];
  if (epss) out.push(`EPSS ${(epss.score * 100).toFixed(2)}% (percentile ${(epss.percentile * 100).toFixed(0)}).`);
  const sources = [...new Set(same.map((f) => f.severitySource))];
  if (sources.length) out.push(`Severity from ${sources.join(', ')}.`);
  return out;
}
