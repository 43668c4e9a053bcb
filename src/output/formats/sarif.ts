/**
 * SARIF 2.1.0 for GitHub code scanning. Findings are placed on the Dockerfile line of the instruction that created
 * the layer holding the package's file (base-image layers on the FROM line); the path inside the image is a logical
 * location. The file is kept within GitHub's limits, and what was grouped or trimmed is said in the run's
 * notifications.
 */

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding, PackageLocation, PolicyFindingRecord, ScanReport, Severity } from '../../model/index.js';
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

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } };
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { 'security-severity'?: string; tags: string[]; precision?: string; 'problem.severity'?: string };
}

/** Results carry their sort key so that trimming drops the least severe. */
interface Candidate {
  result: SarifResult;
  /** 0 policy STOP, 1 policy WARN, 2 + severity rank for vulnerabilities. */
  priority: number;
  finding?: Finding;
}

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
const uriOfPath = (p: string): string => p.replace(/^\/+/, '');

/** The numeric string GitHub ranks by: the CVSS score when it agrees with the severity, the band's middle otherwise. */
export function securitySeverity(severity: Severity, cvssScores: readonly number[]): string | undefined {
  const band = BAND[severity];
  if (!band) return undefined;
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
  readonly label: string;

  readonly #byId = new Map<string, Finding[]>();

  constructor(
    readonly report: ScanReport,
    findings: readonly Finding[],
  ) {
    for (const f of findings) {
      const list = this.#byId.get(f.id);
      if (list) list.push(f);
      else this.#byId.set(f.id, [f]);
    }
    this.repo = imageRepository(report);
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

  /** Where results go when nothing better is known: the FROM line, or the image itself when there is no Dockerfile. */
  fallbackLocation(): SarifLocation {
    const df = this.report.dockerfile;
    if (df) return { physicalLocation: { artifactLocation: { uri: df.path }, region: { startLine: fromLine(this.report) ?? 1 } } };
    return { physicalLocation: { artifactLocation: { uri: this.repo.replace(/[^A-Za-z0-9._/-]/g, '-') }, region: { startLine: 1 } } };
  }

  locationOf(loc: PackageLocation): SarifLocation {
    const df = this.report.dockerfile;
    const origin = originOf(this.report, loc);
    const layer = loc.provenance?.layerDigest;
    const logical = [{ name: loc.path, fullyQualifiedName: `${this.label}${layer ? `@${layer}` : ''}:${loc.path}`, kind: 'resource' }];
    if (df) {
      const region = origin?.line !== undefined ? { startLine: origin.line, ...(origin.endLine && origin.endLine > origin.line ? { endLine: origin.endLine } : {}) } : { startLine: fromLine(this.report) ?? 1 };
      const how = origin?.base ? 'base image layer' : origin?.instruction ? `layer ${origin.layerIndex}: ${origin.instruction}` : 'layer not matched to an instruction';
      return { physicalLocation: { artifactLocation: { uri: df.path }, region }, logicalLocations: logical, message: { text: `${loc.path} (${how})` } };
    }
    return { physicalLocation: { artifactLocation: { uri: uriOfPath(loc.path) }, region: { startLine: 1 } }, logicalLocations: logical };
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
          ...(sev ? { 'security-severity': sev } : {}),
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
      result: {
        ruleId: f.id,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: `${f.packageName} ${f.installedVersion} (${f.packageType}) in image ${this.label} is affected by ${f.id} (${f.severity}). ${fixed}${where}`.trim() },
        locations: this.locationsOf([f]),
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.repo, f.id, f.packageType, f.packageName, f.locations[0]?.path ?? ''].join('\u0000')) },
        properties: {
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
    const ruleIndex = this.ruleIndex(id, () => ({
      id,
      name: `Policy${p.gate.replace(/(^|[-_])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase())}${p.trigger.replace(/(^|[-_])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase())}`,
      shortDescription: { text: `Policy gate ${p.gate}, trigger ${p.trigger}` },
      fullDescription: { text: `A rule of policy bundle "${this.report.policy?.bundle_name ?? ''}" fired: gate ${p.gate}, trigger ${p.trigger}.` },
      help: {
        text: p.recommendation || `Gate ${p.gate}, trigger ${p.trigger}.`,
        markdown: `Policy gate \`${p.gate}\`, trigger \`${p.trigger}\`.${p.recommendation ? `\n\n**Recommendation:** ${mdEscape(p.recommendation)}` : ''}`,
      },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['policy', p.gate] },
    }));
    const df = this.report.dockerfile;
    let location: SarifLocation | undefined;
    if (p.location?.line !== undefined && df) {
      location = { physicalLocation: { artifactLocation: { uri: df.path }, region: { startLine: p.location.line } } };
    } else if (p.location?.path) {
      const pkgLoc = this.report.packages.flatMap((x) => x.locations).find((l) => l.path === p.location?.path);
      location = this.locationOf(pkgLoc ?? { path: p.location.path });
    }
    return {
      priority: p.action === 'stop' ? 0 : 1,
      result: {
        ruleId: id,
        ruleIndex,
        level: p.action === 'stop' ? 'error' : 'warning',
        message: { text: `${p.action.toUpperCase()}: ${p.message} (policy "${this.report.policy?.bundle_name ?? ''}", rule ${p.rule_id}, image ${this.label})` },
        locations: [location ?? this.fallbackLocation()],
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.repo, p.gate, p.trigger, p.trigger_id, p.rule_id].join('\u0000')) },
        properties: { gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, action: p.action },
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
      result: {
        ruleId: id,
        ruleIndex,
        level: LEVEL[worst.severity],
        message: { text: `${id} (${worst.severity}) affects ${group.length} packages in image ${this.label}: ${shown}.` },
        locations: this.locationsOf(group).slice(0, maxLocations),
        partialFingerprints: { [FINGERPRINT_KEY]: hash([this.repo, id, 'grouped'].join('\u0000')) },
        properties: { packages: group.length },
      },
    };
  }
}

interface Notification {
  level: 'warning' | 'note';
  descriptor: { id: string };
  message: { text: string };
}

function sarifDocument(report: ScanReport, builder: SarifBuilder, candidates: readonly Candidate[], notifications: readonly Notification[]): object {
  const used = new Set(candidates.map((c) => c.result.ruleId));
  const rules = builder.rules.filter((r) => used.has(r.id));
  const newIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = candidates.map((c) => ({ ...c.result, ruleIndex: newIndex.get(c.result.ruleId)! }));
  const platform = platformText(report);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Portcullis', version: report.tool.version, semanticVersion: report.tool.version, rules } },
        automationDetails: { id: `portcullis/container/${builder.repo.replace(/[^A-Za-z0-9._/-]/g, '-')}/${platform}/` },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
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
          ...(report.dockerfile ? { dockerfile: report.dockerfile.path } : {}),
          ...(report.vulnerabilityData?.gaps?.length ? { vulnerabilityDataGaps: report.vulnerabilityData.gaps.map((g) => g.message) } : {}),
        },
      },
    ],
  };
}

const serialize = (doc: object): string => `${JSON.stringify(doc, null, 2)}\n`;

export function renderSarif(report: ScanReport, options: RenderOptions): string {
  const limits: SarifLimits = options.sarifLimits ?? GITHUB_SARIF_LIMITS;
  const findings = scopedFindings(report, options);
  const builder = new SarifBuilder(report, findings);
  const notifications: Notification[] = [];
  const note = (id: string, text: string): void => {
    notifications.push({ level: 'warning', descriptor: { id: `portcullis/${id}` }, message: { text } });
  };

  const policy = (report.policy?.findings ?? [])
    .filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'))
    .map((p) => builder.policyResult(p))
    .sort((a, b) => a.priority - b.priority);
  let vulns = findings.map((f) => builder.vulnerabilityResult(f));

  if (policy.length + vulns.length > limits.maxResultsPerRun) {
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

  let trimmedLocations = 0;
  for (const c of [...policy, ...vulns]) {
    if (c.result.locations.length > limits.maxLocationsPerResult) {
      trimmedLocations++;
      c.result.locations = c.result.locations.slice(0, limits.maxLocationsPerResult);
    }
  }
  if (trimmedLocations > 0) note('locations-trimmed', `${trimmedLocations} results had more than ${limits.maxLocationsPerResult} locations; only the first ${limits.maxLocationsPerResult} are kept.`);

  let kept = [...policy, ...vulns];
  if (kept.length > limits.maxResultsPerRun) {
    const dropped = kept.slice(limits.maxResultsPerRun);
    kept = kept.slice(0, limits.maxResultsPerRun);
    note('results-trimmed', `${dropped.length} results over GitHub's ${limits.maxResultsPerRun} results per run were left out, the least severe first (the most severe left out: ${dropped[0]!.result.ruleId}).`);
  }

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
