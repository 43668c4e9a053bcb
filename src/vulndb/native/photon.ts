import { getErrorMessage } from '../../common/errors.js';
import type { OsvAffected, OsvRecord } from '../osv.js';
import type { SkippedInput } from '../provider.js';

/**
 * Photon OS CVE metadata (https://packages.vmware.com/photon/photon_cve_metadata/cve_data_photon<X.0>.json):
 * a list of `{ cve_id, pkg, cve_score, aff_ver, res_ver, status }`, one per (CVE, binary package), and the
 * advisories of the photon wiki (`Security-Update-<X.0>-<n>.md`: `Advisory Id`, `Issue date`, then
 * `### <Severity>` sections listing `pkg - ['[CVE-…](…)']`).
 */
export interface PhotonEntry {
  cve_id?: unknown;
  pkg?: unknown;
  cve_score?: unknown;
  aff_ver?: unknown;
  res_ver?: unknown;
  status?: unknown;
}

/** One PHSA advisory of the wiki. */
export interface PhotonAdvisory {
  id: string;
  release: string;
  issued?: string;
  url: string;
  /** `cve\u0000pkg` → the vendor's severity word of that section (`Important`). */
  items: Map<string, string | undefined>;
}

const CVE = /^CVE-\d{4}-\d{4,}$/;
/** An rpm version-release, optionally with an epoch: `7.88.1-4.ph4`. */
const RPM_VR = /^(\d+:)?[^\s:-]+-[^\s:-]+$/;
const WIKI_BASE = 'https://github.com/vmware/photon/wiki';

/** The release of a `cve_data_photon4.0.json` file name. */
export function photonReleaseOf(where: string): string | undefined {
  return /cve_data_photon(\d+\.\d+)\.json/i.exec(where)?.[1];
}

/** Parses one wiki advisory; undefined when it is not one (no `Advisory Id`). */
export function parsePhotonAdvisory(markdown: string, fileName: string): PhotonAdvisory | undefined {
  const field = (label: string): string | undefined => new RegExp(`^${label}\\s*:\\s*(.+?)\\s*$`, 'm').exec(markdown)?.[1];
  const id = field('Advisory Id');
  const release = field('Affected Release');
  if (!id || !/^PHSA-/.test(id) || !release) return undefined;
  const issued = field('Issue date');
  const page = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  const items = new Map<string, string | undefined>();
  let section: string | undefined;
  const body = markdown.slice(markdown.search(/^## Affected Packages/m) >= 0 ? markdown.search(/^## Affected Packages/m) : 0);
  for (const line of body.split(/\r?\n/)) {
    const h = /^###\s+(\w+)/.exec(line);
    if (h) {
      section = h[1];
      continue;
    }
    if (/^##\s/.test(line) && !/Affected Packages/.test(line)) break;
    const m = /^(\S+)\s+-\s+\[(.*)\]\s*$/.exec(line.trim());
    if (!m) continue;
    for (const cve of m[2]!.match(/CVE-\d{4}-\d{4,}/g) ?? []) items.set(`${cve}\u0000${m[1]!}`, section);
  }
  return { id, release, ...(issued && /^\d{4}-\d\d-\d\d$/.test(issued) ? { issued } : {}), url: `${WIKI_BASE}/${page}`, items };
}

/** A CVSS base score as a severity word (NVD's v3 bands, as vunnel does). */
function scoreWord(score: number): string {
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  if (score > 0) return 'Low';
  return 'None';
}

export interface PhotonOptions {
  /** `4.0`; by default read from the file name. */
  release?: string;
  /** The wiki's advisories (any release; those of other releases are ignored). */
  advisories?: readonly PhotonAdvisory[];
  /** `modified` of a record no advisory dates: the input's date (ISO). */
  inputDate: string;
}

/**
 * One Photon CVE file as OSV records, one per CVE (id = the CVE), ecosystem `Photon OS:<X.0>`, binary names:
 * - `status: Fixed` with a `res_ver` → `introduced 0`, `fixed res_ver`; `Fixed` without a usable `res_ver`
 *   (`NA`), or any other affected status → `introduced 0` only and `database_specific.fix_state` `not-fixed`
 *   (`wont-fix` for a "Won't Fix" status); `Not Affected` → no entry.
 * - vendor severity: the wiki advisory's section word (`Important`) when an advisory lists the (CVE, package),
 *   else the CVSS score's band (`High`); the score in `database_specific.cvss_score`.
 * - `published` / `modified`: the earliest / latest issue date of the advisories naming the CVE, else `inputDate`.
 * Non-CVE ids (`BDSA-…`) and entries without a package are skipped with a reason.
 */
export function convertPhoton(text: string, where: string, options: PhotonOptions): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const skipped: SkippedInput[] = [];
  const release = options.release ?? photonReleaseOf(where);
  if (!release) return { records: [], skipped: [{ where, reason: 'no Photon release (expected a cve_data_photon<X.0>.json file name)' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], skipped: [{ where, reason: `unreadable JSON: ${getErrorMessage(error)}` }] };
  }
  if (!Array.isArray(value)) return { records: [], skipped: [{ where, reason: 'not a Photon CVE list (expected a JSON array)' }] };

  const advisories = (options.advisories ?? []).filter((a) => a.release === release);
  const ecosystem = `Photon OS:${release}`;
  const byCve = new Map<string, { affected: OsvAffected[]; score?: number; words: Set<string>; phsa: PhotonAdvisory[] }>();
  const seen = new Set<string>();
  value.forEach((raw: unknown, i) => {
    const at = `${where}[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      skipped.push({ where: at, reason: 'not an object' });
      return;
    }
    const e = raw as PhotonEntry;
    const cve = typeof e.cve_id === 'string' ? e.cve_id.trim() : '';
    const name = typeof e.pkg === 'string' ? e.pkg.trim() : '';
    if (!CVE.test(cve)) {
      skipped.push({ where: at, reason: `"${String(e.cve_id)}" is not a CVE id` });
      return;
    }
    if (!name) {
      skipped.push({ where: at, reason: `${cve}: no package name` });
      return;
    }
    const status = typeof e.status === 'string' ? e.status.trim() : '';
    if (/^not affected$/i.test(status)) return;
    const resVer = typeof e.res_ver === 'string' ? e.res_ver.trim() : '';
    const fixed = /^fixed$/i.test(status) && RPM_VR.test(resVer) ? resVer : undefined;
    if (/^fixed$/i.test(status) && resVer && !/^(NA|None)$/i.test(resVer) && !fixed) {
      skipped.push({ where: at, reason: `${cve} ${name}: "${resVer}" is not an rpm version` });
      return;
    }
    const key = `${cve}\u0000${name}\u0000${fixed ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    let rec = byCve.get(cve);
    if (!rec) byCve.set(cve, (rec = { affected: [], words: new Set(), phsa: [] }));
    if (typeof e.cve_score === 'number' && Number.isFinite(e.cve_score)) rec.score = Math.max(rec.score ?? 0, e.cve_score);
    const phsa = advisories.filter((a) => a.items.has(`${cve}\u0000${name}`));
    for (const a of phsa) {
      if (!rec.phsa.includes(a)) rec.phsa.push(a);
      const word = a.items.get(`${cve}\u0000${name}`);
      if (word) rec.words.add(word);
    }
    const fixState = fixed ? undefined : /won'?t fix/i.test(status) ? 'wont-fix' : 'not-fixed';
    rec.affected.push({
      package: { ecosystem, name, purl: `pkg:rpm/photon/${name}?distro=photon-${release}` },
      ranges: [{ type: 'ECOSYSTEM', events: fixed ? [{ introduced: '0' }, { fixed }] : [{ introduced: '0' }] }],
      ...(fixState || phsa.length > 0
        ? { database_specific: { ...(fixState ? { fix_state: fixState } : {}), ...(phsa.length > 0 ? { advisories: phsa.map((a) => a.id) } : {}) } }
        : {}),
    });
  });

  const records: OsvRecord[] = [];
  for (const [cve, rec] of byCve) {
    const dates = rec.phsa.map((a) => a.issued).filter((d): d is string => d !== undefined).sort();
    const published = dates[0] ? `${dates[0]}T00:00:00Z` : undefined;
    const modified = dates.length > 0 ? `${dates[dates.length - 1]!}T00:00:00Z` : options.inputDate;
    const word = RANK.find((w) => rec.words.has(w)) ?? (rec.score !== undefined ? scoreWord(rec.score) : undefined);
    const fixState = rec.affected.every((a) => a.database_specific?.fix_state) ? rec.affected[0]!.database_specific!.fix_state : undefined;
    records.push({
      schema_version: '1.7.5',
      id: cve,
      modified,
      ...(published ? { published } : {}),
      affected: rec.affected,
      references: [
        ...rec.phsa.map((a) => ({ type: 'ADVISORY', url: a.url })),
        { type: 'WEB', url: `https://www.cve.org/CVERecord?id=${cve}` },
      ],
      database_specific: {
        ...(word && word !== 'None' ? { severity: word } : {}),
        ...(rec.score !== undefined ? { cvss_score: rec.score } : {}),
        ...(fixState ? { fix_state: fixState } : {}),
        source: 'photon',
      },
    });
  }
  return { records, skipped };
}

/** The wiki's words, most severe first (a CVE in two sections takes the worse). */
const RANK = ['Critical', 'Important', 'High', 'Moderate', 'Medium', 'Low'];
