import { getErrorMessage } from '../../common/errors.js';
import type { OsvAffected, OsvRecord, OsvSeverity } from '../osv.js';
import type { SkippedInput } from '../provider.js';

/**
 * Red Hat's per-CVE security data (https://access.redhat.com/hydra/rest/securitydata/cve/CVE-….json):
 * `{ name, threat_severity, public_date, cvss3: { cvss3_scoring_vector }, details, affected_release: [{ cpe,
 * advisory, release_date, package: "name-epoch:version-release" }], package_state: [{ cpe, package_name,
 * fix_state }] }`.
 */
interface RhCve {
  name?: unknown;
  threat_severity?: unknown;
  public_date?: unknown;
  cvss3?: { cvss3_scoring_vector?: unknown } | null;
  details?: unknown;
  bugzilla?: { description?: unknown; url?: unknown } | null;
  affected_release?: unknown;
  package_state?: unknown;
}

const CVE = /^CVE-\d{4}-\d{4,}$/;
/** `cpe:/o:redhat:enterprise_linux:9`, `cpe:/a:redhat:enterprise_linux:8::appstream` → `9`, `8`. */
const MAIN_CPE = /^cpe:\/[ao]:redhat:enterprise_linux:(\d+)(?::|$)/;
/** `cpe:/a:redhat:rhel_eus:8.6` → `8.6` (Extended Update Support). */
const EUS_CPE = /^cpe:\/[ao]:redhat:rhel_eus:(\d+\.\d+)(?::|$)/;
/** `thunderbird-0:102.15.1-1.el7_9` → name, `0:102.15.1-1.el7_9`. */
const NEVR = /^(.+)-((?:\d+:)?[^-:\s]+-[^-:\s]+)$/;

/** The stream a CPE names: `Red Hat:9`, `Red Hat:8.6+eus`; undefined for other products (extras, AUS, TUS, E4S…). */
export function redHatEcosystem(cpe: string): string | undefined {
  const main = MAIN_CPE.exec(cpe);
  if (main) return `Red Hat:${main[1]!}`;
  const eus = EUS_CPE.exec(cpe);
  if (eus) return `Red Hat:${eus[1]!}+eus`;
  return undefined;
}

/** Red Hat's fix states → the contract's `fix_state`; undefined: not affected (no entry). */
function fixState(state: string): 'wont-fix' | 'not-fixed' | undefined {
  const s = state.trim().toLowerCase();
  if (s === 'not affected') return undefined;
  if (s === 'will not fix' || s === 'out of support scope') return 'wont-fix';
  return 'not-fixed'; // Affected, Fix deferred, Under investigation
}

const iso = (v: unknown): string | undefined => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined);

/**
 * One CVE's security data as one OSV record (id = the CVE):
 * - `affected_release` of RHEL main streams (`enterprise_linux:N` → `Red Hat:N`) and EUS streams (`rhel_eus:X.Y` →
 *   `Red Hat:X.Y+eus`): `introduced 0`, `fixed <epoch:version-release>`, the RHSA in `database_specific.advisory`;
 *   other products (extras, Oracle Java, Satellite, AUS/TUS/E4S) are left out, as vunnel does;
 * - `package_state` of those streams: "Not affected" → no entry; "Will not fix" / "Out of support scope" →
 *   `introduced 0` only, `fix_state: wont-fix`; "Affected" and the rest → `fix_state: not-fixed`. A package that
 *   has a fix in a stream is not also listed unfixed there. `module:stream/name` → `ecosystem_specific.module`;
 *   flatpak and container names (`firefox:flatpak/firefox`) are left out;
 * - `threat_severity` (`Important`) in `database_specific.severity`, the CVSS v3 vector in `severity`;
 * - `published` = `public_date`; `modified` = the latest of `public_date` and the fixes' release dates.
 */
export function convertRhelCve(text: string, where: string): { records: OsvRecord[]; skipped: SkippedInput[] } {
  let doc: RhCve;
  try {
    doc = JSON.parse(text) as RhCve;
  } catch (error) {
    return { records: [], skipped: [{ where, reason: `unreadable JSON: ${getErrorMessage(error)}` }] };
  }
  if (typeof doc !== 'object' || doc === null || typeof doc.name !== 'string' || !CVE.test(doc.name)) {
    return { records: [], skipped: [{ where, reason: 'not a Red Hat CVE document (no CVE "name")' }] };
  }
  const cve = doc.name;
  const skipped: SkippedInput[] = [];
  const affected: OsvAffected[] = [];
  const fixedKeys = new Set<string>();
  const seen = new Set<string>();
  const dates: string[] = [];
  const published = iso(doc.public_date);
  if (published) dates.push(published);

  const releases = Array.isArray(doc.affected_release) ? (doc.affected_release as unknown[]) : [];
  for (const raw of releases) {
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as { cpe?: unknown; package?: unknown; advisory?: unknown; release_date?: unknown };
    const ecosystem = typeof r.cpe === 'string' ? redHatEcosystem(r.cpe) : undefined;
    if (!ecosystem) continue;
    const pkg = typeof r.package === 'string' ? r.package.trim() : '';
    const m = NEVR.exec(pkg);
    if (!m || m[1]!.includes(':') || m[1]!.includes('/')) {
      skipped.push({ where, reason: `${cve}: ${ecosystem}: "${pkg || String(r.package)}" is not a package name-version (advisory ${String(r.advisory)})` });
      continue;
    }
    const [, name, evr] = m as unknown as [string, string, string];
    const key = `${ecosystem}\u0000${name}\u0000${evr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fixedKeys.add(`${ecosystem}\u0000${name}`);
    const date = iso(r.release_date);
    if (date) dates.push(date);
    const advisory = typeof r.advisory === 'string' ? r.advisory : undefined;
    affected.push({
      package: { ecosystem, name },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: evr }] }],
      ...(advisory ? { database_specific: { advisory, advisory_url: `https://access.redhat.com/errata/${advisory}` } } : {}),
    });
  }

  const states = Array.isArray(doc.package_state) ? (doc.package_state as unknown[]) : [];
  for (const raw of states) {
    if (typeof raw !== 'object' || raw === null) continue;
    const s = raw as { cpe?: unknown; package_name?: unknown; fix_state?: unknown };
    const ecosystem = typeof s.cpe === 'string' ? redHatEcosystem(s.cpe) : undefined;
    if (!ecosystem) continue;
    const full = typeof s.package_name === 'string' ? s.package_name.trim() : '';
    if (!full) {
      skipped.push({ where, reason: `${cve}: ${ecosystem}: a package state without a package name` });
      continue;
    }
    const state = fixState(typeof s.fix_state === 'string' ? s.fix_state : 'Affected');
    if (!state) continue;
    let name = full;
    let module: string | undefined;
    const mod = /^([^:/\s]+:[^/\s]+)\/(.+)$/.exec(full);
    if (mod) {
      if (/flatpak|container|image/i.test(mod[1]!)) continue;
      module = mod[1];
      name = mod[2]!;
    } else if (/[:/]/.test(full)) continue; // container images (`rhel8/…`), not rpms
    const key = `${ecosystem}\u0000${name}`;
    if (!module && fixedKeys.has(key)) continue;
    const dup = `${key}\u0000${module ?? ''}\u0000state`;
    if (seen.has(dup)) continue;
    seen.add(dup);
    affected.push({
      package: { ecosystem, name },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
      ...(module ? { ecosystem_specific: { module } } : {}),
      database_specific: { fix_state: state, red_hat_state: String(s.fix_state) },
    });
  }

  const modified = dates.sort().at(-1);
  if (!modified) return { records: [], skipped: [...skipped, { where, reason: `${cve}: no date (public_date, release_date)` }] };
  const vector = typeof doc.cvss3?.cvss3_scoring_vector === 'string' ? doc.cvss3.cvss3_scoring_vector : undefined;
  const severity: OsvSeverity[] = vector && /^CVSS:3\.[01]\//.test(vector) ? [{ type: 'CVSS_V3', score: vector }] : [];
  const threat = typeof doc.threat_severity === 'string' && doc.threat_severity ? doc.threat_severity : undefined;
  const details = Array.isArray(doc.details) ? (doc.details as unknown[]).filter((d): d is string => typeof d === 'string').join('\n\n') : undefined;
  const summary = typeof doc.bugzilla?.description === 'string' ? doc.bugzilla.description.trim() : undefined;
  const advisories = [...new Set(affected.map((a) => a.database_specific?.advisory).filter((a): a is string => typeof a === 'string'))].sort();
  const record: OsvRecord = {
    schema_version: '1.7.5',
    id: cve,
    modified,
    ...(published ? { published } : {}),
    ...(summary ? { summary } : {}),
    ...(details ? { details } : {}),
    ...(severity.length > 0 ? { severity } : {}),
    affected,
    references: [
      { type: 'ADVISORY', url: `https://access.redhat.com/security/cve/${cve}` },
      ...advisories.map((a) => ({ type: 'ADVISORY', url: `https://access.redhat.com/errata/${a}` })),
    ],
    database_specific: { ...(threat ? { severity: threat } : {}), source: 'rhel' },
  };
  return { records: [record], skipped };
}
