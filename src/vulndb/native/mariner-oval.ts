import type { OsvAffected, OsvEvent, OsvRecord } from '../osv.js';
import type { SkippedInput } from '../provider.js';
import { isoDate, latestDate, operationName, OvalFormatError, parseOval, RPM_EVR, rpmTest, vendorSeverity, type OvalCriteria, type OvalCriterion, type OvalDocument } from './oval.js';

/**
 * CBL-Mariner and Azure Linux OVAL (https://github.com/microsoft/AzureLinuxVulnerabilityData: `cbl-mariner-2.0-oval.xml`,
 * `azurelinux-3.0-oval.xml`) as OSV records, one per CVE (the feed has one definition per CVE and package; the
 * definitions of one CVE are merged):
 * - ecosystem `Azure Linux:<major>` (CBL-Mariner 2.0 → `Azure Linux:2`). The document does not name its release:
 *   it is read from the file name (`…-2.0-oval.xml`, as vunnel does) unless `release` is given;
 * - each package's range from its `rpminfo` tests (object `name`, state `evr`): "less than" → `fixed`, "less than
 *   or equal" → `last_affected` (no fix yet, `database_specific.fix_state: not-fixed`), "greater than" /
 *   "greater than or equal" → `introduced` (OSV has no exclusive lower bound: "greater than" includes the bound);
 *   without the tests, from the criterion comments ("Package golang is earlier than 1.20.7-1, …");
 * - definitions whose `patchable` is "Not Applicable" (the CVE no longer or never applied) are left out, as vunnel;
 * - vendor severity (`Critical`, `High`, `Medium`, `Low`) in `database_specific.severity` (the highest of the merged
 *   definitions; an `affected` entry carries its own when it differs);
 * - `modified`: the latest of the document's timestamp and the definitions' `advisory_date`.
 */
export function convertMarinerOval(xmlText: string, where: string, options: { release?: string } = {}): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const doc = parseOval(xmlText, where);
  const release = options.release ?? marinerReleaseOf(where);
  const major = release ? /^(\d+)(?:\.\d+)*$/.exec(release)?.[1] : undefined;
  if (!major) {
    throw new OvalFormatError(`${where}: cannot tell the Azure Linux / CBL-Mariner release (name the file like azurelinux-3.0-oval.xml or cbl-mariner-2.0-oval.xml)`);
  }
  const ecosystem = `Azure Linux:${major}`;
  const skipped: SkippedInput[] = [...doc.skipped];
  const docDate = isoDate(doc.generator.timestamp);
  const byCve = new Map<string, { record: OsvRecord; rank: number; dates: (string | undefined)[] }>();
  for (const def of doc.definitions) {
    const at = `${where} ${def.id}`;
    if (/^not applicable$/i.test(def.extra.patchable ?? '')) continue;
    const id = def.references.find((r) => r.source === 'CVE' && CVE.test(r.refId))?.refId ?? CVE_IN.exec(def.title)?.[0];
    if (!id) {
      skipped.push({ where: at, reason: `no CVE id (title "${def.title.slice(0, 80)}")` });
      continue;
    }
    if (!def.criteria) {
      skipped.push({ where: at, reason: `${id}: a definition without criteria` });
      continue;
    }
    const severity = vendorSeverity(def.severity);
    const affected = affectedOf(doc, def.criteria, ecosystem, id, at, skipped);
    if (affected.length === 0) continue;
    const advisoryDate = isoDate(def.extra.advisory_date);
    const rank = RANK[severity ?? ''] ?? 0;
    let slot = byCve.get(id);
    if (!slot) {
      const url = def.references.find((r) => r.refId === id)?.refUrl ?? `https://nvd.nist.gov/vuln/detail/${id}`;
      slot = {
        rank,
        dates: [],
        record: {
          schema_version: '1.7.5',
          id,
          modified: '',
          ...(def.description ? { details: def.description } : {}),
          affected: [],
          references: [{ type: 'ADVISORY', url }],
          database_specific: { ...(severity ? { severity } : {}), source: 'mariner-oval', oval_ids: [] as string[] },
        },
      };
      byCve.set(id, slot);
    }
    slot.dates.push(advisoryDate);
    const db = slot.record.database_specific!;
    (db.oval_ids as string[]).push(def.id);
    if (rank > slot.rank && severity) {
      slot.rank = rank;
      db.severity = severity;
    }
    for (const a of affected) {
      const specific: Record<string, unknown> = { ...a.database_specific };
      if (severity) specific.severity = severity;
      if (def.extra.advisory_id) specific.advisory_id = def.extra.advisory_id;
      if (def.extra.patchable) specific.patchable = def.extra.patchable;
      slot.record.affected!.push({ ...a, database_specific: specific });
    }
  }
  const records: OsvRecord[] = [];
  for (const { record, dates } of byCve.values()) {
    const modified = latestDate(docDate, ...dates);
    if (!modified) {
      skipped.push({ where, reason: `${record.id}: no date (neither the document's timestamp nor an advisory_date)` });
      continue;
    }
    record.modified = modified;
    const recordSeverity = record.database_specific?.severity;
    for (const a of record.affected ?? []) {
      if (a.database_specific && a.database_specific.severity === recordSeverity) delete a.database_specific.severity;
    }
    records.push(record);
  }
  return { records, skipped };
}

const CVE = /^CVE-\d{4}-\d{4,}$/;
const CVE_IN = /\bCVE-\d{4}-\d{4,}\b/;
const RANK: Record<string, number> = { Negligible: 1, Low: 2, Medium: 3, Moderate: 3, High: 4, Important: 4, Critical: 5 };

/** `…/cbl-mariner-2.0-oval.xml` → `2.0`; `azurelinux-3.0-oval.xml.gz` → `3.0`. */
export function marinerReleaseOf(where: string): string | undefined {
  return /(\d+\.\d+)-oval\.xml(?:\.gz)?$/i.exec(where.split(/[?#]/, 1)[0]!)?.[1];
}

const COMMENTS: { re: RegExp; op: string }[] = [
  { re: /^Package (\S+) is earlier than (\S+?),? (?:affected by|$)/, op: 'less than' },
  { re: /^Package (\S+) is installed with version (\S+) or earlier/, op: 'less than or equal' },
  { re: /^Package (\S+) is greater than or equal to (\S+?),? /, op: 'greater than or equal' },
  { re: /^Package (\S+) is greater than (\S+?),? /, op: 'greater than' },
];

/** One package test: its name, operation and version, from the rpminfo test, else from the comment. */
function testOf(doc: OvalDocument, c: OvalCriterion): { name: string; op: string; value: string } | string {
  const t = rpmTest(doc, c.testRef);
  if (t) {
    const evr = t.states.find((s) => s.evr)?.evr;
    if (!evr) return `${t.name}: test ${c.testRef} has no evr state`;
    return { name: t.name, op: operationName(evr.operation), value: evr.value };
  }
  for (const { re, op } of COMMENTS) {
    const m = re.exec(`${c.comment} `);
    if (m) return { name: m[1]!, op, value: m[2]! };
  }
  return `"${c.comment}": test ${c.testRef || '(none)'} is not in the document and the comment names no version`;
}

function affectedOf(
  doc: OvalDocument,
  criteria: OvalCriteria,
  ecosystem: string,
  id: string,
  at: string,
  skipped: SkippedInput[],
): OsvAffected[] {
  // The AND of a definition's tests bounds one package; group the bounds by package name.
  const bounds = new Map<string, { lower?: string; upper?: { kind: 'fixed' | 'last_affected'; value: string }; bad?: boolean }>();
  const stack: OvalCriteria[] = [criteria];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const c of node.children) {
      if (c.kind === 'criteria') {
        stack.push(c);
        continue;
      }
      const t = testOf(doc, c);
      if (typeof t === 'string') {
        skipped.push({ where: at, reason: `${id}: ${t}` });
        continue;
      }
      let b = bounds.get(t.name);
      if (!b) bounds.set(t.name, (b = {}));
      if (!RPM_EVR.test(t.value)) {
        skipped.push({ where: at, reason: `${id}: ${t.name}: "${t.value}" is not an rpm version` });
        b.bad = true;
        continue;
      }
      if (t.op === 'less than') b.upper = { kind: 'fixed', value: t.value };
      else if (t.op === 'less than or equal') b.upper = { kind: 'last_affected', value: t.value };
      else if (t.op === 'greater than' || t.op === 'greater than or equal') b.lower = t.value;
      else {
        skipped.push({ where: at, reason: `${id}: ${t.name}: evr operation "${t.op}" is not a bound` });
        b.bad = true;
      }
    }
  }
  const out: OsvAffected[] = [];
  for (const [name, b] of [...bounds].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) {
    if (b.bad) continue;
    if (!b.upper) {
      skipped.push({ where: at, reason: `${id}: ${name}: no upper bound ("less than" or "less than or equal")` });
      continue;
    }
    const events: OsvEvent[] = [{ introduced: b.lower ?? '0' }, b.upper.kind === 'fixed' ? { fixed: b.upper.value } : { last_affected: b.upper.value }];
    out.push({
      package: { ecosystem, name },
      ranges: [{ type: 'ECOSYSTEM', events }],
      ...(b.upper.kind === 'last_affected' ? { database_specific: { fix_state: 'not-fixed' } } : {}),
    });
  }
  return out;
}
