import type { Logger } from '../common/logger.js';
import type { Cvss, Finding, FixState, Severity } from '../model/finding.js';
import type { Unknown } from '../model/image.js';
import type { Distro, Package } from '../model/package.js';
import { baseEcosystem, type OsvAffected, type OsvRecord } from '../vulndb/osv.js';
import { packageKey } from '../vulndb/names.js';
import type { StoredRecord } from '../vulndb/store.js';
import type { VersionScheme } from '../version/scheme.js';
import { describeHit, evaluateAffected } from './ranges.js';
import { cvssOf, decideSeverity, sourceRatingOf } from './severity.js';
import { targetFor, type MatchTarget } from './target.js';

/** Where records come from: the opened database, or an in-memory list in tests. */
export interface VulnerabilityLookup {
  lookup(ecosystem: string, name: string): StoredRecord[];
}

export interface MatchOptions {
  distro?: Distro | undefined;
  logger?: Logger | undefined;
}

export interface MatchResult {
  findings: Finding[];
  /** Packages that could not be matched (an unreadable version, an unknown distro release). */
  unknowns: Unknown[];
  stats: { packages: number; looked: number; skipped: number; findings: number };
}

/** One record that affects one package, before alias merging. */
interface Hit {
  record: OsvRecord;
  affected: OsvAffected;
  dataSource: string;
  fixed: string[];
  fixState: FixState;
  how: string;
}

/**
 * Matches packages against the vulnerability data. One finding per vulnerability per package: records that are
 * aliases of each other (`aliases`, or a single `upstream` id such as ALPINE-CVE-x → CVE-x) are merged, shown under
 * a CVE id where there is one. Withdrawn records are ignored.
 */
export function matchPackages(db: VulnerabilityLookup, packages: readonly Package[], options: MatchOptions = {}): MatchResult {
  const findings: Finding[] = [];
  const unknowns: Unknown[] = [];
  let looked = 0;
  let skipped = 0;
  for (const pkg of packages) {
    const t = targetFor(pkg, options.distro);
    if (!('target' in t)) {
      skipped++;
      options.logger?.debug(`match: ${t.skip}`);
      if (t.unknown) unknowns.push({ stage: 'match', reason: t.skip, ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}) });
      continue;
    }
    const target = t.target;
    if (!target.scheme.isValid(target.version)) {
      skipped++;
      unknowns.push({
        stage: 'match',
        reason: `${pkg.name}: version "${target.version}" is not a valid ${target.scheme.id} version; not matched`,
        ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}),
      });
      continue;
    }
    looked++;
    const hits = hitsFor(db.lookup(target.ecosystem, target.name), target, options.logger);
    findings.push(...mergeHits(hits, pkg, target));
  }
  return { findings, unknowns, stats: { packages: packages.length, looked, skipped, findings: findings.length } };
}

function hitsFor(stored: StoredRecord[], target: MatchTarget, logger: Logger | undefined): Hit[] {
  const key = packageKey(target.ecosystem, target.name);
  const hits: Hit[] = [];
  for (const { record, source } of stored) {
    if (record.withdrawn) continue;
    for (const affected of record.affected ?? []) {
      const p = affected.package;
      if (!p || packageKey(p.ecosystem, p.name) !== key) continue;
      const verdict = evaluateAffected(affected, target.version, target.scheme);
      for (const problem of verdict.problems) logger?.debug(`match: ${record.id}: ${problem}`);
      if (!verdict.affected) continue;
      const fixed = verdict.hits.map((h) => h.interval?.fixed).filter((f): f is string => f !== undefined);
      hits.push({
        record,
        affected,
        dataSource: source.kind === 'alpine-secdb' ? 'alpine-secdb' : `osv:${baseEcosystem(p.ecosystem)}`,
        fixed,
        fixState: fixed.length > 0 ? 'fixed' : noFixState(affected),
        how: verdict.hits.map(describeHit).join(', '),
      });
    }
  }
  return hits;
}

const WONT_FIX = /\b(wont[-_ ]?fix|won't fix|will not (be )?fix|no[-_]dsa|ignored|end[-_ ]of[-_ ]life|unimportant)\b/i;

/**
 * No fixed version: "won't fix" when the data says so (a `fix_state`, Debian's `urgency: unimportant`, or a
 * `no-dsa` / `ignored` / `end-of-life` note in `ecosystem_specific` or `database_specific`), "not fixed" otherwise.
 */
function noFixState(affected: OsvAffected): FixState {
  for (const obj of [affected.ecosystem_specific, affected.database_specific, ...(affected.ranges ?? []).map((r) => r.database_specific)]) {
    if (!obj) continue;
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== 'string') continue;
      if (/^(fix_?state|status|urgency|note|notes|resolution)$/i.test(k) && WONT_FIX.test(v)) return 'wont-fix';
    }
  }
  return 'not-fixed';
}

function idsOf(record: OsvRecord): string[] {
  return [record.id, ...(record.aliases ?? []), ...(record.upstream?.length === 1 ? record.upstream : [])];
}

function preferredId(ids: Iterable<string>, own: string): string {
  const list = [...ids].sort();
  return list.find((i) => i.startsWith('CVE-')) ?? list.find((i) => i.startsWith('GHSA-')) ?? own;
}

function mergeHits(hits: Hit[], pkg: Package, target: MatchTarget): Finding[] {
  if (hits.length === 0) return [];
  // Union-find over ids: two hits are one vulnerability when they share an id.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const h of hits) {
    const ids = idsOf(h.record);
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) {
      const a = find(ids[0]!);
      const b = find(id);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const root = find(h.record.id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(h);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) out.push(toFinding(group, pkg, target));
  return out;
}

function toFinding(group: Hit[], pkg: Package, target: MatchTarget): Finding {
  group.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const ids = new Set<string>();
  const related = new Set<string>();
  for (const h of group) {
    for (const id of idsOf(h.record)) ids.add(id);
    for (const u of h.record.upstream ?? []) related.add(u);
  }
  const id = preferredId(ids, group[0]!.record.id);
  const aliases = [...new Set([...ids, ...related])].filter((x) => x !== id).sort();
  const primary = group.find((h) => h.record.id === id) ?? group[0]!;
  const cvss: Cvss[] = [];
  const seenVectors = new Set<string>();
  const ratings: Severity[] = [];
  for (const h of group) {
    for (const c of cvssOf(h.record, h.affected, h.dataSource)) {
      if (!seenVectors.has(c.vector)) {
        seenVectors.add(c.vector);
        cvss.push(c);
      }
    }
    const r = sourceRatingOf(h.record, h.affected);
    if (r) ratings.push(r);
  }
  const fixedVersions = sortVersions([...new Set(group.flatMap((h) => h.fixed))], target.scheme);
  const state: FixState = fixedVersions.length > 0 ? 'fixed' : group.some((h) => h.fixState === 'wont-fix') ? 'wont-fix' : 'not-fixed';
  const references = [...new Set(group.flatMap((h) => (h.record.references ?? []).map((r) => r.url)))];
  const published = group.map((h) => h.record.published).filter((x): x is string => !!x).sort()[0];
  const modified = group.map((h) => h.record.modified).filter((x): x is string => !!x).sort().at(-1);
  const summary = primary.record.summary ?? group.find((h) => h.record.summary)?.record.summary;
  const versionNote = target.version === pkg.version ? '' : ` at ${target.version}`;
  return {
    id,
    aliases,
    packageId: pkg.id,
    packageName: pkg.name,
    packageType: pkg.type,
    installedVersion: pkg.version,
    ...(pkg.purl ? { purl: pkg.purl } : {}),
    locations: pkg.locations,
    fix: { state, versions: fixedVersions },
    severity: decideSeverity(cvss, ratings),
    severitySource: 'none',
    cvss,
    nvdCvss: [],
    ...(summary ? { summary } : {}),
    references,
    ...(published ? { published } : {}),
    ...(modified ? { modified } : {}),
    dataSource: [...new Set(group.map((h) => h.dataSource))].join(', '),
    matchedBy: `${target.via}${versionNote}: ${group.map((h) => `${h.record.id} ${h.how}`).join('; ')}`,
  };
}

function sortVersions(list: string[], scheme: VersionScheme): string[] {
  return list.sort((a, b) => {
    try {
      return scheme.compare(a, b);
    } catch {
      return a < b ? -1 : a > b ? 1 : 0;
    }
  });
}
