import type { OsvAffected, OsvRecord, OsvSeverity } from '../osv.js';
import type { SkippedInput } from '../provider.js';
import { cvss3Vector, gatedCriteria, isoDate, latestDate, parseOval, RPM_EVR, vendorSeverity, type OvalCriterion, type OvalDefinition } from './oval.js';

/**
 * Oracle Linux ELSA OVAL (https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2 and the yearly
 * `com.oracle.elsa-YYYY.xml.bz2`, decompressed) as OSV records, one per ELSA:
 * - ecosystem `Oracle Linux:<major>` from the "Oracle Linux N is installed" criterion gating each package;
 * - one `affected` entry per binary package and fixed EVR, read from the criterion comments "NAME is earlier than
 *   EVR" (as Oracle writes them, and as vunnel reads them: the tests need not be in the document);
 * - per-architecture fixes (`Oracle Linux arch is aarch64` branches): when the fixed versions of a package differ
 *   between architectures, each entry carries `ecosystem_specific.arch`; when every version covers the same
 *   architectures, the entries carry none (vunnel's rule);
 * - ksplice fixes (a release containing `ksplice`, gated by "NAME is ksplice-based") are left out, as vunnel
 *   does: matching them needs the running kernel's ksplice state. The ELSA itself is kept;
 * - `Module NAME:STREAM is enabled` → `ecosystem_specific.module`;
 * - vendor severity (`IMPORTANT` → `Important`) in `database_specific.severity`, the CVEs in `aliases` (one) or
 *   `related` (several), the CVSS v3 vector in `severity` when the ELSA is about one CVE;
 * - `modified`: the later of the document's generator timestamp and the ELSA's issue date; `published`: the issue
 *   date.
 * When an ELSA comes twice, the definition with the higher `version` wins.
 */
export function convertOracleOval(xmlText: string, where: string): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const doc = parseOval(xmlText, where);
  const skipped: SkippedInput[] = [...doc.skipped];
  const byId = new Map<string, { version: number; record: OsvRecord }>();
  const docDate = isoDate(doc.generator.timestamp);
  for (const def of doc.definitions) {
    const at = `${where} ${def.id}`;
    const r = convertDefinition(def, at, docDate, skipped);
    if (!r) continue;
    const version = Number(def.version) || 0;
    const old = byId.get(r.id);
    if (old && old.version >= version) continue;
    byId.set(r.id, { version, record: r });
  }
  return { records: [...byId.values()].map((v) => v.record), skipped };
}

const INSTALLED = /^Oracle Linux (\d+)\b.*\bis installed$/;
const EARLIER = /^(\S+) is earlier than (.+)$/;
const ARCH = /^Oracle Linux arch is (\S+)$/;
const MODULE = /^Module (\S+) is enabled$/;
const KSPLICE_BASED = / is ksplice-based$/;
const ELSA_ID = /^ELSA-\d{4}-\d+$/;

const isContext = (c: OvalCriterion): boolean => !EARLIER.test(c.comment);

function convertDefinition(def: OvalDefinition, at: string, docDate: string | undefined, skipped: SkippedInput[]): OsvRecord | undefined {
  const ref = def.references.find((r) => r.source.toLowerCase() === 'elsa');
  const titleId = /^\s*(ELSA-\d{4}-\d+)/.exec(def.title)?.[1];
  const id = ref?.refId ?? titleId;
  if (!id || !ELSA_ID.test(id)) {
    skipped.push({ where: at, reason: `no ELSA id (title "${def.title.slice(0, 80)}")` });
    return undefined;
  }
  if (!def.criteria) {
    skipped.push({ where: at, reason: `${id}: a definition without criteria` });
    return undefined;
  }
  const published = isoDate(def.issued);
  const modified = latestDate(docDate, published);
  if (!modified) {
    skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor an issue date)` });
    return undefined;
  }

  // (ecosystem, name, module) → version → arches (undefined: not arch-gated)
  const found = new Map<string, { ecosystem: string; name: string; module?: string; versions: Map<string, Set<string | undefined>> }>();
  let packages = 0;
  for (const { criterion, context } of gatedCriteria(def.criteria, isContext)) {
    const m = EARLIER.exec(criterion.comment)!;
    const name = m[1]!;
    const evr = m[2]!.trim();
    packages++;
    let major: string | undefined;
    let arch: string | undefined;
    let module: string | undefined;
    let ksplice = false;
    for (const c of context) {
      const inst = INSTALLED.exec(c.comment);
      if (inst) major = inst[1];
      const a = ARCH.exec(c.comment);
      if (a) arch = a[1];
      const mod = MODULE.exec(c.comment);
      if (mod) module = mod[1];
      if (KSPLICE_BASED.test(c.comment)) ksplice = true;
    }
    if (!major) {
      skipped.push({ where: at, reason: `${id}: ${name} is not gated by an "Oracle Linux N is installed" criterion` });
      continue;
    }
    if (!RPM_EVR.test(evr)) {
      skipped.push({ where: at, reason: `${id}: ${name}: "${evr}" is not an rpm version` });
      continue;
    }
    if (ksplice || /ksplice/.test(evr.slice(evr.lastIndexOf('-') + 1))) continue;
    const key = `${major}\u0000${name}\u0000${module ?? ''}`;
    let entry = found.get(key);
    if (!entry) {
      entry = { ecosystem: `Oracle Linux:${major}`, name, ...(module ? { module } : {}), versions: new Map() };
      found.set(key, entry);
    }
    let arches = entry.versions.get(evr);
    if (!arches) entry.versions.set(evr, (arches = new Set()));
    arches.add(arch);
  }
  if (packages === 0) skipped.push({ where: at, reason: `${id}: no "NAME is earlier than VERSION" criterion` });

  const affected: OsvAffected[] = [];
  for (const e of [...found.values()].sort((a, b) => cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.module ?? '', b.module ?? ''))) {
    const archSets = new Set([...e.versions.values()].map((s) => [...s].map((x) => x ?? '').sort().join(',')));
    const byArch = archSets.size > 1;
    const rows: { fixed: string; arch?: string }[] = [];
    for (const [fixed, arches] of e.versions) {
      if (byArch) for (const a of arches) rows.push(a ? { fixed, arch: a } : { fixed });
      else rows.push({ fixed });
    }
    rows.sort((a, b) => cmp(a.arch ?? '', b.arch ?? '') || cmp(a.fixed, b.fixed));
    for (const row of rows) {
      const specific: Record<string, unknown> = {};
      if (row.arch) specific.arch = row.arch;
      if (e.module) specific.module = e.module;
      affected.push({
        package: { ecosystem: e.ecosystem, name: e.name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: row.fixed }] }],
        ...(Object.keys(specific).length > 0 ? { ecosystem_specific: specific } : {}),
      });
    }
  }

  const cves = [...new Set(def.cves.map((c) => c.id).filter((c): c is string => c !== undefined))];
  for (const r of def.references) {
    if (r.source.toUpperCase() === 'CVE' && /^CVE-\d{4}-\d{4,}$/i.test(r.refId) && !cves.includes(r.refId.toUpperCase())) cves.push(r.refId.toUpperCase());
  }
  const severity = vendorSeverity(def.severity) ?? vendorSeverity(/\((\w+)\)\s*$/.exec(def.title)?.[1]);
  const vectors: OsvSeverity[] =
    cves.length === 1 ? [...new Set(def.cves.map((c) => cvss3Vector(c.cvss3)).filter((v): v is string => v !== undefined))].map((score) => ({ type: 'CVSS_V3', score })) : [];
  const url = ref?.refUrl ?? `https://linux.oracle.com/errata/${id}.html`;
  const summary = def.title.replace(/^\s*ELSA-\d{4}-\d+:\s*/, '').replace(/\s+/g, ' ').trim();
  const record: OsvRecord = {
    schema_version: '1.7.5',
    id,
    modified,
    ...(published ? { published } : {}),
    ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
    ...(summary ? { summary } : {}),
    ...(def.description ? { details: def.description } : {}),
    ...(vectors.length > 0 ? { severity: vectors } : {}),
    affected,
    references: [
      { type: 'ADVISORY', url },
      ...cves.map((c) => ({ type: 'WEB', url: def.cves.find((x) => x.id === c)?.href ?? `https://linux.oracle.com/cve/${c}.html` })),
    ],
    database_specific: { ...(severity ? { severity } : {}), source: 'oracle-oval', oval_id: def.id },
  };
  return record;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
