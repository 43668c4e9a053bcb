import type { Logger } from '../common/logger.js';
import type { Cvss, EpssScore, Finding, FixState, KevStatus } from '../model/finding.js';
import type { Unknown } from '../model/image.js';
import type { Distro, Package } from '../model/package.js';
import { baseEcosystem, type OsvAffected, type OsvRecord } from '../vulndb/osv.js';
import { packageKey } from '../vulndb/names.js';
import type { StoredRecord } from '../vulndb/store.js';
import type { VersionScheme } from '../version/scheme.js';
import { describeHit, evaluateAffected } from './ranges.js';
import { cvssOf, decideFindingSeverity, sourceRatingOf, type VendorRating } from './severity.js';
import { joinIds, type EnrichmentLookup } from '../vulndb/enrichment.js';
import { targetFor, type MatchTarget } from './target.js';

/** Where records come from: the opened database, or an in-memory list in tests. */
export interface VulnerabilityLookup {
  lookup(ecosystem: string, name: string): StoredRecord[];
}

export interface MatchOptions {
  distro?: Distro | undefined;
  logger?: Logger | undefined;
  /**
   * NVD / KEV / EPSS data joined by CVE id. Without it, the lookup itself when it has an `enrichment` method (the
   * database does); without either, findings have no NVD CVSS, KEV or EPSS.
   */
  enrichment?: EnrichmentLookup | undefined;
}

/** The join a match uses: the option, else the lookup's own `enrichment` method. */
export function enrichmentOf(db: VulnerabilityLookup, options: MatchOptions): EnrichmentLookup | undefined {
  if (options.enrichment) return options.enrichment;
  const e = (db as Partial<EnrichmentLookup>).enrichment;
  return typeof e === 'function' ? { enrichment: (id) => e.call(db, id) } : undefined;
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
 * aliases of each other (`aliases`, or a single `upstream` id such as ALPINE-CVE-x or DEBIAN-CVE-x → CVE-x) are
 * merged, shown under a CVE id where there is one. A package may have several targets (an rpm by binary and by
 * source name; SUSE's product and modules): their hits are merged the same way, and one record found through two
 * targets counts once. Withdrawn records are ignored.
 */
export function matchPackages(db: VulnerabilityLookup, packages: readonly Package[], options: MatchOptions = {}): MatchResult {
  const findings: Finding[] = [];
  const unknowns: Unknown[] = [];
  let looked = 0;
  let skipped = 0;
  for (const pkg of packages) {
    const t = targetFor(pkg, options.distro);
    if (!('targets' in t)) {
      skipped++;
      options.logger?.debug(`match: ${t.skip}`);
      if (t.unknown) unknowns.push({ stage: 'match', reason: t.skip, ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}) });
      continue;
    }
    const valid = t.targets.filter((target) => target.scheme.isValid(target.version));
    if (valid.length === 0) {
      skipped++;
      const target = t.targets[0]!;
      unknowns.push({
        stage: 'match',
        reason: `${pkg.name}: version "${target.version}" is not a valid ${target.scheme.id} version; not matched`,
        ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}),
      });
      continue;
    }
    looked++;
    const hits: Hit[] = [];
    const targetOf = new Map<Hit, MatchTarget>();
    const seen = new Set<string>();
    for (const target of valid) {
      for (const hit of hitsFor(forBinary(db.lookup(target.ecosystem, target.name), target), target, options.logger, pkg.arch)) {
        // The same record found through the binary and the source name, or through a product and its module.
        // By id, not identity: the database may parse a record again, and `forBinary` copies the ones it narrows.
        const key = `${hit.dataSource}\u0000${hit.record.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(hit);
        targetOf.set(hit, target);
      }
    }
    findings.push(...mergeHits(hits, pkg, (h) => targetOf.get(h) ?? valid[0]!, enrichmentOf(db, options)));
  }
  return { findings, unknowns, stats: { packages: packages.length, looked, skipped, findings: findings.length } };
}

/**
 * For a lookup by source rpm name: drops the affected entries whose `ecosystem_specific.binaries` (SUSE and
 * openSUSE records list the binary rpms the fix ships in that product) do not name the installed binary. Entries
 * without such a list, and lookups by the package's own name, are kept as they are.
 */
function forBinary(stored: StoredRecord[], target: MatchTarget): StoredRecord[] {
  const binary = target.binary;
  if (binary === undefined) return stored;
  const key = packageKey(target.ecosystem, target.name);
  const out: StoredRecord[] = [];
  for (const s of stored) {
    const affected = s.record.affected ?? [];
    const keep = affected.filter((a) => !a.package || packageKey(a.package.ecosystem, a.package.name) !== key || listsBinary(a, binary) !== false);
    if (keep.length === affected.length) out.push(s);
    else if (keep.length > 0) out.push({ ...s, record: { ...s.record, affected: keep } });
  }
  return out;
}

/** True or false when the entry lists its binaries (`[{"krb5-libs": "1.0-1"}]`, `[{binary_name: …}]`, `["…"]`); undefined when not. */
function listsBinary(affected: OsvAffected, binary: string): boolean | undefined {
  const list = affected.ecosystem_specific?.binaries;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const names = new Set<string>();
  for (const item of list) {
    if (typeof item === 'string') names.add(item);
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      if (typeof o.binary_name === 'string') names.add(o.binary_name);
      else for (const k of Object.keys(o)) names.add(k);
    }
  }
  return names.has(binary);
}

/**
 * An entry scoped to other architectures (`ecosystem_specific.arch`, as Oracle's per-arch ELSA fixes are) does not
 * apply to this package; `noarch` packages and packages of unknown arch take every entry.
 */
function archApplies(affected: OsvAffected, arch: string | undefined): boolean {
  const want = affected.ecosystem_specific?.arch;
  if (!arch || arch === 'noarch' || want === undefined) return true;
  const list = Array.isArray(want) ? want : [want];
  return list.some((a) => a === arch || a === 'noarch');
}

function hitsFor(stored: StoredRecord[], target: MatchTarget, logger: Logger | undefined, arch?: string): Hit[] {
  const key = packageKey(target.ecosystem, target.name);
  const hits: Hit[] = [];
  for (const { record, source } of stored) {
    if (record.withdrawn) continue;
    for (const affected of record.affected ?? []) {
      const p = affected.package;
      if (!p || packageKey(p.ecosystem, p.name) !== key) continue;
      if (!archApplies(affected, arch)) continue;
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

function mergeHits(hits: Hit[], pkg: Package, targetOf: (h: Hit) => MatchTarget, join?: EnrichmentLookup): Finding[] {
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
  // An advisory about several CVEs (a DSA/DLA, an ALSA listing them in `upstream`) joins the per-CVE findings of
  // the same package (osv.dev's DEBIAN-CVE-x records) instead of standing beside them as a second finding; with no
  // per-CVE finding it stands alone.
  const joins = new Map<Hit, string[]>();
  for (const h of hits) {
    const upstream = h.record.upstream ?? [];
    if (upstream.length < 2) continue;
    const own = find(h.record.id);
    const roots = [...new Set(upstream.filter((u) => parent.has(u)).map(find))].filter((r) => r !== own);
    const othersInOwn = hits.some((o) => o !== h && find(o.record.id) === own);
    if (roots.length > 0 && !othersInOwn) joins.set(h, roots);
  }
  const groups = new Map<string, Hit[]>();
  const add = (root: string, h: Hit): void => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(h);
  };
  for (const h of hits) for (const root of joins.get(h) ?? [find(h.record.id)]) add(root, h);
  const out: Finding[] = [];
  for (const group of groups.values()) out.push(toFinding(group, pkg, groupTarget(group, targetOf), join));
  return out;
}

/** The target a finding is shown under: its first hit's, with every lookup that found it in `via`. */
function groupTarget(group: readonly Hit[], targetOf: (h: Hit) => MatchTarget): MatchTarget {
  const targets = [...new Set(group.map(targetOf))];
  const first = targets[0]!;
  if (targets.length === 1) return first;
  const vias = [...new Set(targets.map((t) => t.via))];
  return { ...first, via: vias.join(' and ') };
}

function toFinding(group: Hit[], pkg: Package, target: MatchTarget, join?: EnrichmentLookup): Finding {
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
  const ratings: VendorRating[] = [];
  for (const h of group) {
    for (const c of cvssOf(h.record, h.affected, h.dataSource)) {
      if (!seenVectors.has(c.vector)) {
        seenVectors.add(c.vector);
        cvss.push(c);
      }
    }
    const r = sourceRatingOf(h.record, h.affected);
    if (r) ratings.push({ severity: r, dataSource: h.dataSource });
  }
  const { nvdCvss, kev, epss } = joined(group, join);
  const decided = decideFindingSeverity({ packageType: pkg.type, ratings, cvss, nvdCvss });
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
    severity: decided.severity,
    severitySource: decided.source,
    cvss,
    nvdCvss,
    ...(kev ? { kev } : {}),
    ...(epss ? { epss } : {}),
    ...(summary ? { summary } : {}),
    references,
    ...(published ? { published } : {}),
    ...(modified ? { modified } : {}),
    dataSource: [...new Set(group.map((h) => h.dataSource))].join(', '),
    matchedBy: `${target.via}${versionNote}: ${group.map((h) => `${h.record.id} ${h.how}`).join('; ')}`,
  };
}

/**
 * NVD's CVSS, KEV and EPSS of a finding, joined through every record's id, aliases, upstream and related CVE ids
 * (`joinIds`): NVD's vectors of every id (without duplicates), KEV of the first id in the catalog, the highest EPSS.
 */
function joined(group: readonly Hit[], join: EnrichmentLookup | undefined): { nvdCvss: Cvss[]; kev?: KevStatus; epss?: EpssScore } {
  const nvdCvss: Cvss[] = [];
  if (!join) return { nvdCvss };
  const ids = [...new Set(group.flatMap((h) => joinIds(h.record)))].sort();
  const seen = new Set<string>();
  let kev: KevStatus | undefined;
  let epss: EpssScore | undefined;
  for (const id of ids) {
    const e = join.enrichment(id);
    if (!e) continue;
    for (const c of e.nvd?.cvss ?? []) {
      const key = `${c.source ?? ''}\u0000${c.type ?? ''}\u0000${c.vector}`;
      if (seen.has(key)) continue;
      seen.add(key);
      nvdCvss.push(c);
    }
    if (e.kev && !kev) kev = e.kev;
    if (e.epss && (!epss || e.epss.score > epss.score)) epss = e.epss;
  }
  return { nvdCvss, ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
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
