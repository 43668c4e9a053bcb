import type { OsvAffected, OsvEvent, OsvRecord, OsvReference, OsvSeverity } from '../osv.js';
import type { SkippedInput } from '../provider.js';
import {
  cvss3Vector,
  gatedCriteria,
  isoDate,
  latestDate,
  operationName,
  parseOval,
  RPM_EVR,
  rpmTest,
  vendorSeverity,
  type OvalCriterion,
  type OvalDefinition,
  type OvalDocument,
} from './oval.js';

/**
 * SUSE's OVAL (https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.server.15.xml.gz and the
 * other product files) as OSV records, one per definition (a CVE in the vulnerability files, an advisory in the
 * `-patch` files):
 * - ecosystem `SUSE:<product>` for the operating-system products an image can be (`SUSE Linux Enterprise Server
 *   15 SP1`, `… Server for SAP Applications 15`, `… Desktop 15 SP3`), from the "<product> is installed" criteria
 *   gating each package. Module and extension products (`Module for Basesystem 15`…) are not images and are left
 *   out, as vunnel does. A support variant (`15 SP1-LTSS`, `15 SP1-BCL`) counts as its base release; when a CVE
 *   has several groups for one release, the plain release (`sles-release`) wins over LTSS (`sles-ltss-release`),
 *   which wins over other variants (vunnel's rule), and groups of the same rank are merged;
 * - package name and version from the `rpminfo` test (object `name`, state `evr` "less than" → `fixed`; "less
 *   than or equal" → `last_affected`; `version` "equals 0", SUSE's "is not affected", → `fixed: "0"`, no version
 *   affected, with `database_specific.fix_state: not-affected`); without the test, from the criterion comment
 *   (`krb5-1.15.2-4.25 is installed`);
 * - vendor severity (`Moderate`, `Important`…) in `database_specific.severity`, SUSE's CVSS v3 vectors (not the
 *   NVD ones SUSE quotes) in `severity`;
 * - `modified`: the latest of the document's timestamp and the definition's issued / updated dates.
 */
export function convertSuseOval(xmlText: string, where: string): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const doc = parseOval(xmlText, where);
  const skipped: SkippedInput[] = [...doc.skipped];
  const records: OsvRecord[] = [];
  const seen = new Set<string>();
  const docDate = isoDate(doc.generator.timestamp);
  for (const def of doc.definitions) {
    const r = convertDefinition(doc, def, `${where} ${def.id}`, docDate, skipped);
    if (!r || r.affected?.length === 0) continue; // nothing for an image product (a module-only CVE): no record, as vunnel
    if (seen.has(r.id)) {
      skipped.push({ where: `${where} ${def.id}`, reason: `${r.id} comes twice; the first definition is kept` });
      continue;
    }
    seen.add(r.id);
    records.push(r);
  }
  return { records, skipped };
}

/** Packages: one token, then "is installed" (name-version-release) or "is not affected". */
const PACKAGE = /^(\S+) is (installed|not affected)$/;
const PRODUCT = /^(SUSE Linux Enterprise (?:Server for SAP Applications|Server|Desktop) \d+(?: SP\d+)?)(?:-(\S+))? is installed$/;
const RECORD_ID = /^(CVE-\d{4}-\d{4,}|(?:open)?SUSE-[A-Za-z]+-\d{4}:\d+-\d+)$/;

const isContext = (c: OvalCriterion): boolean => !PACKAGE.test(c.comment);

interface Pkg {
  name: string;
  events: OsvEvent[];
  notAffected: boolean;
}

function convertDefinition(doc: OvalDocument, def: OvalDefinition, at: string, docDate: string | undefined, skipped: SkippedInput[]): OsvRecord | undefined {
  const id = def.title.trim();
  if (!RECORD_ID.test(id)) {
    skipped.push({ where: at, reason: `title "${id.slice(0, 80)}" is not a CVE or SUSE advisory id` });
    return undefined;
  }
  if (!def.criteria) {
    skipped.push({ where: at, reason: `${id}: a definition without criteria` });
    return undefined;
  }
  const published = isoDate(def.issued);
  const modified = latestDate(docDate, published, isoDate(def.updated));
  if (!modified) {
    skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor issued / updated dates)` });
    return undefined;
  }

  // product → rank → packages (name + events, deduplicated)
  const byProduct = new Map<string, { rank: number; pkgs: Map<string, Pkg>; variants: Set<string> }>();
  for (const { criterion, context } of gatedCriteria(def.criteria, isContext)) {
    const products = context
      .map((c) => ({ c, m: PRODUCT.exec(c.comment) }))
      .filter((x): x is { c: OvalCriterion; m: RegExpExecArray } => x.m !== null);
    if (products.length === 0) continue; // a module or another product: not an image
    const pkg = packageOf(doc, criterion, id, at, skipped);
    if (!pkg) continue;
    for (const { c, m } of products) {
      const product = m[1]!;
      const variant = m[2];
      const release = rpmTest(doc, c.testRef)?.name;
      const rank = release ? (/ltss/i.test(release) ? 1 : 0) : variant === undefined ? 0 : /^LTSS$/i.test(variant) ? 1 : 2;
      let slot = byProduct.get(product);
      if (!slot || rank < slot.rank) byProduct.set(product, (slot = { rank, pkgs: new Map(), variants: new Set() }));
      if (rank > slot.rank) continue;
      slot.variants.add(variant ?? '');
      slot.pkgs.set(`${pkg.name}\u0000${JSON.stringify(pkg.events)}`, pkg);
    }
  }

  const affected: OsvAffected[] = [];
  for (const product of [...byProduct.keys()].sort()) {
    const slot = byProduct.get(product)!;
    const pkgs = [...slot.pkgs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const p of pkgs) {
      const specific: Record<string, unknown> = {};
      if (p.notAffected) specific.fix_state = 'not-affected';
      else if (!p.events.some((e) => e.fixed !== undefined)) specific.fix_state = 'not-fixed';
      const variants = [...slot.variants].filter((v) => v !== '');
      if (variants.length > 0) specific.product_variants = variants.sort();
      affected.push({
        package: { ecosystem: `SUSE:${product}`, name: p.name },
        ranges: [{ type: 'ECOSYSTEM', events: p.events }],
        ...(Object.keys(specific).length > 0 ? { database_specific: specific } : {}),
      });
    }
  }

  const cves = [...new Set([...def.cves.map((c) => c.id), ...def.references.filter((r) => r.source === 'CVE').map((r) => CVE.exec(r.refId)?.[0])])].filter(
    (c): c is string => c !== undefined,
  );
  const others = cves.filter((c) => c !== id);
  const vectors: OsvSeverity[] = [
    ...new Set(def.cves.filter((c) => !/nvd\.nist\.gov/.test(c.href ?? '') && !/\bat NVD\b/.test(c.text)).map((c) => cvss3Vector(c.cvss3))),
  ]
    .filter((v): v is string => v !== undefined)
    .map((score) => ({ type: 'CVSS_V3', score }));
  const severity = vendorSeverity(def.severity);
  const references: OsvReference[] = [];
  const suseCve = def.references.find((r) => r.source === 'SUSE CVE' && r.refUrl);
  if (suseCve?.refUrl) references.push({ type: 'ADVISORY', url: suseCve.refUrl });
  for (const r of def.references) {
    if (r === suseCve || !r.refUrl) continue;
    references.push({ type: r.source === 'SUSE-SU' ? 'ADVISORY' : 'WEB', url: r.refUrl });
  }
  if (references.length === 0 && id.startsWith('CVE-')) references.push({ type: 'ADVISORY', url: `https://www.suse.com/security/cve/${id}/` });
  const advisories = def.references.filter((r) => r.source === 'SUSE-SU').map((r) => r.refId);
  return {
    schema_version: '1.7.5',
    id,
    modified,
    ...(published ? { published } : {}),
    ...(others.length === 1 && !id.startsWith('CVE-') ? { aliases: others } : others.length > 0 ? { related: others } : {}),
    ...(def.description ? { details: def.description } : {}),
    ...(vectors.length > 0 ? { severity: vectors } : {}),
    affected,
    references,
    database_specific: {
      ...(severity ? { severity } : {}),
      source: 'suse-oval',
      oval_id: def.id,
      ...(advisories.length > 0 ? { advisories } : {}),
    },
  };
}

const CVE = /\bCVE-\d{4}-\d{4,}\b/;

/** The package a criterion tests and its events, from the rpminfo test or, without it, from the comment. */
function packageOf(doc: OvalDocument, c: OvalCriterion, id: string, at: string, skipped: SkippedInput[]): Pkg | undefined {
  const m = PACKAGE.exec(c.comment)!;
  const notAffectedComment = m[2] === 'not affected';
  const test = rpmTest(doc, c.testRef);
  if (test) {
    const state = test.states.find((s) => s.evr) ?? test.states.find((s) => s.version);
    const field = state?.evr ?? state?.version;
    if (!field) {
      skipped.push({ where: at, reason: `${id}: ${test.name}: test ${c.testRef} has no evr or version state` });
      return undefined;
    }
    const op = operationName(field.operation);
    if (!state?.evr && op === 'equals' && field.value === '0') return { name: test.name, events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
    if (!state?.evr || !RPM_EVR.test(field.value)) {
      skipped.push({ where: at, reason: `${id}: ${test.name}: "${field.value}" (${op}) is not an rpm version` });
      return undefined;
    }
    if (op === 'less than') return { name: test.name, events: [{ introduced: '0' }, { fixed: field.value }], notAffected: false };
    if (op === 'less than or equal') return { name: test.name, events: [{ introduced: '0' }, { last_affected: field.value }], notAffected: false };
    skipped.push({ where: at, reason: `${id}: ${test.name}: evr operation "${field.operation}" is not "less than"` });
    return undefined;
  }
  if (notAffectedComment) return { name: m[1]!, events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
  const nvr = /^(.+)-([^-]+-[^-]+)$/.exec(m[1]!);
  if (!nvr || !RPM_EVR.test(nvr[2]!)) {
    skipped.push({ where: at, reason: `${id}: "${c.comment}" names no package version, and test ${c.testRef || '(none)'} is not in the document` });
    return undefined;
  }
  return { name: nvr[1]!, events: [{ introduced: '0' }, { fixed: nvr[2]! }], notAffected: false };
}
