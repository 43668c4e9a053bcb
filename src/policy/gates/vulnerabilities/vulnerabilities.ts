import { isOsPackageType } from '../../../match/target.js';
import type { Finding, PackageType } from '../../../model/index.js';
import { COMPARISONS, type Gate, type ParamSpec, type Params } from '../../gate.js';
import { reMatch } from '../../params.js';
import { cmp } from '../metadata/metadata.js';
import { cvss3Scores } from './cvss.js';

export const SEVERITIES = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'] as const;
/** Anchore's package type name for each of ours; exhaustive, so that a new type cannot be classed by accident. */
const ANCHORE_PACKAGE_TYPE: Readonly<Record<PackageType, string>> = {
  deb: 'dpkg',
  rpm: 'rpm',
  apk: 'apkg',
  npm: 'npm',
  python: 'python',
  'java-archive': 'java',
  gem: 'gem',
  'go-module': 'go',
  'php-composer': 'composer',
  dotnet: 'nuget',
  'rust-crate': 'rust',
};

/** Anchore's package type name and class for one of our package types (OS or not, from the matcher's own table). */
export function anchorePackageType(type: string): { pkgType: string; os: boolean } {
  const pkgType = Object.hasOwn(ANCHORE_PACKAGE_TYPE, type) ? ANCHORE_PACKAGE_TYPE[type as PackageType] : type;
  return { pkgType, os: isOsPackageType(type) };
}

/** The package part of a vulnerability trigger id (reference §0.7). */
export function triggerPackageName(f: Finding): string {
  const { os, pkgType } = anchorePackageType(f.packageType);
  if (os) return f.packageName;
  const loc = f.locations[0]?.path;
  if (loc) {
    const parts = loc.split('/').filter(Boolean);
    if ((pkgType === 'java' || pkgType === 'gem') && parts.length > 0) return parts[parts.length - 1]!;
    if (pkgType === 'npm' && parts.length > 1) return parts[parts.length - 2]!;
  }
  return `${f.packageName}-${f.installedVersion}`;
}

/**
 * The vulnerability id Anchore puts in trigger ids and messages. Anchore Engine's grype matches language packages
 * against GitHub's advisories under their GHSA ids (`GHSA-…+package`), where Portcullis's finding id prefers the
 * CVE alias; OS packages keep the distro feed's id (a CVE for Debian, Alpine, Red Hat).
 */
export function anchoreVulnerabilityId(f: Finding): string {
  if (anchorePackageType(f.packageType).os) return f.id;
  if (f.id.startsWith('GHSA-')) return f.id;
  const ghsa = f.aliases.filter((a) => a.startsWith('GHSA-')).sort()[0];
  return ghsa ?? f.id;
}

/** The `package` trigger's id: `<vulnerability>+<package part>` (reference §0.7). */
export function vulnerabilityTriggerId(f: Finding): string {
  return `${anchoreVulnerabilityId(f)}+${triggerPackageName(f)}`;
}

/** A number as Python's str(float) writes it: `7.5`, `5.0`, `-1.0`. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export function severityRank(s: string | undefined): number {
  const i = SEVERITIES.indexOf((s ?? 'unknown').toLowerCase() as (typeof SEVERITIES)[number]);
  return i < 0 ? 0 : i;
}

const cmpParam = (name: string, what: string): ParamSpec => ({
  name,
  description: `The type of comparison to perform for ${what} evaluation.`,
  type: 'enum',
  required: false,
  allowed: COMPARISONS,
  default: '>=',
  example: '>',
});
const scoreParam = (name: string, what: string): ParamSpec => ({
  name,
  description: `${what} score to compare against.`,
  type: 'float',
  required: false,
  example: '5.0',
});
const vendorOnly: ParamSpec = {
  name: 'vendor_only',
  description: 'If True, an available fix for this CVE must not be explicitly marked as wont be addressed by the vendor',
  type: 'boolean',
  required: false,
  default: 'true',
  example: 'true',
};

const SCORES = [
  ['cvss_v3_base_score', 'nvd', 'base', 'CVSSv3 Base'],
  ['cvss_v3_exploitability_score', 'nvd', 'exploitability', 'CVSSv3 Exploitability'],
  ['cvss_v3_impact_score', 'nvd', 'impact', 'CVSSv3 Impact'],
  ['vendor_cvss_v3_base_score', 'vendor', 'base', 'Vendor CVSSv3 Base'],
  ['vendor_cvss_v3_exploitability_score', 'vendor', 'exploitability', 'Vendor CVSSv3 Exploitability'],
  ['vendor_cvss_v3_impact_score', 'vendor', 'impact', 'Vendor CVSSv3 Impact'],
] as const;

/**
 * The max v3 score of a kind: `nvd` over NVD's metrics joined by CVE id (`nvdCvss`), `vendor` over the matched
 * records' own vectors (`cvss`); -1.0 when there is none (as Anchore).
 */
function maxScore(f: Finding, source: 'nvd' | 'vendor', kind: 'base' | 'exploitability' | 'impact'): number {
  let best = -1;
  for (const c of source === 'nvd' ? (f.nvdCvss ?? []) : f.cvss) {
    if (!c.version.startsWith('3')) continue;
    const v = kind === 'base' ? c.baseScore : cvss3Scores(c.vector)?.[kind];
    if (v !== undefined && v > best) best = v;
  }
  return best;
}

const DAY = 86_400_000;

export const vulnerabilitiesGate: Gate = {
  name: 'vulnerabilities',
  description: 'CVE/Vulnerability checks.',
  triggers: [
    {
      name: 'package',
      description: 'Triggers if a found vulnerability in an image meets the comparison criteria.',
      params: [
        { name: 'package_type', description: 'Only trigger for specific package type.', type: 'enum', required: true, allowed: ['all', 'os', 'non-os'], example: 'all' },
        { name: 'severity_comparison', description: 'The type of comparison to perform for severity evaluation.', type: 'enum', required: false, allowed: COMPARISONS, default: '>', example: '>' },
        { name: 'severity', description: 'Severity to compare against.', type: 'enum', required: false, allowed: SEVERITIES, default: 'unknown', example: 'high' },
        cmpParam('cvss_v3_base_score_comparison', 'CVSS v3 base score'),
        scoreParam('cvss_v3_base_score', 'CVSS v3 base'),
        cmpParam('cvss_v3_exploitability_score_comparison', 'CVSS v3 exploitability sub score'),
        scoreParam('cvss_v3_exploitability_score', 'CVSS v3 exploitability sub'),
        cmpParam('cvss_v3_impact_score_comparison', 'CVSS v3 impact sub score'),
        scoreParam('cvss_v3_impact_score', 'CVSS v3 impact sub'),
        { name: 'fix_available', description: 'If present, the fix availability for the vulnerability record must match the value of this parameter.', type: 'boolean', required: false, example: 'true' },
        vendorOnly,
        { name: 'max_days_since_creation', description: 'If provided, this CVE must be older than the days provided to trigger. Portcullis uses the advisory publication date.', type: 'integer', required: false, example: '7' },
        { name: 'max_days_since_fix', description: 'If provided (only evaluated when fix_available option is also set to true), the fix first observed time must be older than days provided, to trigger. Portcullis uses the advisory modification date, or its publication date.', type: 'integer', required: false, example: '30' },
        cmpParam('vendor_cvss_v3_base_score_comparison', 'vendor CVSS v3 base score'),
        scoreParam('vendor_cvss_v3_base_score', 'Vendor CVSS v3 base'),
        cmpParam('vendor_cvss_v3_exploitability_score_comparison', 'vendor CVSS v3 exploitability sub score'),
        scoreParam('vendor_cvss_v3_exploitability_score', 'Vendor CVSS v3 exploitability sub'),
        cmpParam('vendor_cvss_v3_impact_score_comparison', 'vendor CVSS v3 impact sub score'),
        scoreParam('vendor_cvss_v3_impact_score', 'Vendor CVSS v3 impact sub'),
        {
          name: 'epss_score_comparison',
          description: 'Portcullis extension (not in Anchore): the type of comparison to perform for the EPSS score evaluation.',
          type: 'enum',
          required: false,
          allowed: COMPARISONS,
          default: '>=',
          example: '>=',
        },
        {
          name: 'epss_score',
          description: 'Portcullis extension (not in Anchore): FIRST EPSS score (probability of exploitation in the next 30 days, 0 to 1) to compare against; -1 when the CVE has no EPSS score.',
          type: 'float',
          required: false,
          example: '0.1',
        },
        {
          name: 'epss_percentile_comparison',
          description: 'Portcullis extension (not in Anchore): the type of comparison to perform for the EPSS percentile evaluation.',
          type: 'enum',
          required: false,
          allowed: COMPARISONS,
          default: '>=',
          example: '>=',
        },
        {
          name: 'epss_percentile',
          description: 'Portcullis extension (not in Anchore): FIRST EPSS percentile (0 to 1) to compare against; -1 when the CVE has no EPSS score.',
          type: 'float',
          required: false,
          example: '0.95',
        },
        { name: 'package_path_exclude', description: 'The regex to evaluate against the package path to exclude vulnerabilities (non-OS packages only).', type: 'string', required: false, regex: true, example: '.*test\\.jar*' },
      ],
      evaluate: ({ ctx, params }) => ctx.findings.filter((f) => packageMatches(f, params, ctx.now)).map((f) => ({ message: packageMessage(f, params), triggerId: vulnerabilityTriggerId(f) })),
    },
    {
      name: 'stale_feed_data',
      description: "Triggers if the CVE data for the image's distro is older than the window specified by the parameter MAXAGE (unit is number of days).",
      params: [{ name: 'max_days_since_sync', description: 'Fire the trigger if the last sync was more than this number of days ago.', type: 'integer', required: true, example: '10' }],
      evaluate: ({ ctx, params }) => {
        const max = params.max_days_since_sync as number;
        const last = ctx.vulnData?.lastSync;
        if (last && ctx.now.getTime() - last.getTime() <= max * DAY) return [];
        return [{ message: `The vulnerability feed for this image distro is older than MAXAGE (${max}) days` }];
      },
    },
    {
      name: 'vulnerability_data_unavailable',
      description:
        "Triggers if vulnerability data is unavailable for the image's distro packages such as rpms or dpkg. Non-OS packages like npms and java are not considered in this evaluation",
      params: [],
      evaluate: ({ ctx }) => {
        if (ctx.vulnData?.distroDataAvailable) return [];
        const ns = ctx.vulnData?.namespace ?? (ctx.distro ? `${ctx.distro.id}:${ctx.distro.versionId ?? ''}` : 'unknown');
        return [{ message: `Distro-specific feed data not found for distro namespace: ${ns}. Cannot perform CVE scan OS/distro packages` }];
      },
    },
    {
      name: 'kev_list',
      aliases: ['kev list'],
      description:
        "Triggers if a found vulnerability is in CISA's Known Exploited Vulnerabilities (KEV) catalog (Anchore Enterprise's `kev list` trigger, which has no parameters). The message is Portcullis' own: Anchore does not publish its text.",
      params: [],
      evaluate: ({ ctx }) =>
        ctx.findings
          .filter((f) => f.kev)
          .map((f) => ({
            message: `${f.severity.toUpperCase()} Vulnerability ${anchoreVulnerabilityId(f)} in ${anchorePackageType(f.packageType).os ? 'os' : 'non-os'} package type (${anchorePackageType(f.packageType).pkgType}) - ${anchorePackageType(f.packageType).os ? f.packageName : (f.locations[0]?.path ?? f.packageName)} is in the CISA KEV catalog (added ${f.kev!.dateAdded}${f.kev!.dueDate ? `, due ${f.kev!.dueDate}` : ''}${f.kev!.knownRansomwareCampaignUse === 'Known' ? ', known ransomware campaign use' : ''})`,
            triggerId: vulnerabilityTriggerId(f),
          })),
    },
    {
      name: 'blacklist',
      aliases: ['denylist'],
      description: 'Triggers if any of a list of specified vulnerabilities has been detected in the image.',
      params: [
        { name: 'vulnerability_ids', description: 'List of vulnerability IDs, will cause the trigger to fire if any are detected.', type: 'string-list', required: true, example: 'CVE-2019-1234' },
        vendorOnly,
      ],
      evaluate: ({ ctx, params }) => {
        const wanted = params.vulnerability_ids as string[];
        const found = wanted.filter((id) => ctx.findings.some((f) => (f.id === id || f.aliases.includes(id)) && !(params.vendor_only && f.fix.state === 'wont-fix')));
        return found.length > 0 ? [{ message: `Blacklisted vulnerabilities detected: ${pyList(found)}` }] : [];
      },
    },
  ],
};

/** A Python list repr of strings: `['CVE-1', 'CVE-2']`. */
export function pyList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

function packageMatches(f: Finding, p: Params, now: Date): boolean {
  const { os } = anchorePackageType(f.packageType);
  if (p.package_type === 'os' && !os) return false;
  if (p.package_type === 'non-os' && os) return false;
  if (!os && typeof p.package_path_exclude === 'string' && f.locations.some((l) => reMatch(p.package_path_exclude as string, l.path))) return false;
  if (!cmp(p.severity_comparison as string, severityRank(f.severity), severityRank(p.severity as string))) return false;
  if (p.vendor_only && f.fix.state === 'wont-fix') return false;
  const fixed = f.fix.versions.length > 0;
  if (p.fix_available !== undefined && fixed !== p.fix_available) return false;
  if (typeof p.max_days_since_creation === 'number') {
    const created = f.published ? Date.parse(f.published) : Number.NaN;
    if (Number.isNaN(created) || now.getTime() - created <= p.max_days_since_creation * DAY) return false;
  }
  if (p.fix_available === true && typeof p.max_days_since_fix === 'number') {
    const seen = Date.parse(f.modified ?? f.published ?? '');
    if (Number.isNaN(seen) || now.getTime() - seen <= p.max_days_since_fix * DAY) return false;
  }
  for (const [name, source, kind] of SCORES) {
    const want = p[name];
    if (typeof want !== 'number') continue;
    if (!cmp(p[`${name}_comparison`] as string, maxScore(f, source, kind), want)) return false;
  }
  if (typeof p.epss_score === 'number' && !cmp(p.epss_score_comparison as string, f.epss?.score ?? -1, p.epss_score)) return false;
  if (typeof p.epss_percentile === 'number' && !cmp(p.epss_percentile_comparison as string, f.epss?.percentile ?? -1, p.epss_percentile)) return false;
  return true;
}

/** Anchore's message (reference §1.3.1), reproduced exactly for the parts the reference gives. */
function packageMessage(f: Finding, p: Params): string {
  const { os, pkgType } = anchorePackageType(f.packageType);
  const pkgname = os ? f.packageName : (f.locations[0]?.path ?? f.packageName);
  const fixMsg = f.fix.versions.length > 0 ? `(fixed in: ${f.fix.versions.join(', ')})` : '';
  // Each part is `(name=value name=value)`, space-separated, a value shown only when Python finds it truthy (0.0 is
  // not); the time part gives the date compared (anchore-engine gates/vulnerabilities.py VulnerabilityMatchTrigger).
  const tuples = (source: 'nvd' | 'vendor') =>
    SCORES.filter(([n, s]) => s === source && typeof p[n] === 'number')
      .map(([n, s, k]) => [n, maxScore(f, s, k)] as const)
      .filter(([, v]) => v !== 0)
      .map(([n, v]) => `${n}=${pyFloat(v)}`);
  const part = (items: string[]) => (items.length > 0 ? `(${items.join(' ')})` : '');
  const scoreMsg = part(tuples('nvd'));
  const vendorMsg = part(tuples('vendor'));
  const times: string[] = [];
  if (typeof p.max_days_since_creation === 'number' && f.published) times.push(`max_days_since_creation=${f.published.slice(0, 10)}`);
  if (p.fix_available === true && typeof p.max_days_since_fix === 'number' && (f.modified ?? f.published)) times.push(`max_days_since_fix=${(f.modified ?? f.published)!.slice(0, 10)}`);
  const timeMsg = part(times);
  const link = f.references[0] ?? 'N/A';
  return `${f.severity.toUpperCase()} Vulnerability found in ${os ? 'os' : 'non-os'} package type (${pkgType}) - ${pkgname} ${fixMsg}${scoreMsg}${timeMsg}${vendorMsg}(${anchoreVulnerabilityId(f)} - ${link})`;
}
