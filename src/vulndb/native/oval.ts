import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SkippedInput } from '../provider.js';

/**
 * A small reader of OVAL definition documents (OVAL 5, https://oval.mitre.org/language/version5.11/) as the
 * distributions publish them for patch / vulnerability data: Oracle ELSA, SUSE, CBL-Mariner / Azure Linux. It keeps
 * what the converters need: each definition's metadata (title, platforms, references, severity, CVEs, dates), its
 * criteria tree, and the `rpminfo` tests, objects (package name) and states (`evr` / `version` / `arch`).
 *
 * The document is parsed once. Criteria trees are converted and walked iteratively, at most
 * `OVAL_MAX_CRITERIA_DEPTH` levels deep (a deeper definition is skipped with a reason); the XML parser itself
 * refuses documents nested more than `OVAL_MAX_NESTED_TAGS` deep.
 */

export const OVAL_MAX_CRITERIA_DEPTH = 40;
export const OVAL_MAX_NESTED_TAGS = 100;

/** The whole document is not OVAL, or is not well-formed XML. */
export class OvalFormatError extends Error {
  override name = 'OvalFormatError';
}

export interface OvalCriterion {
  kind: 'criterion';
  testRef: string;
  comment: string;
  negate: boolean;
}

export interface OvalCriteria {
  kind: 'criteria';
  /** `AND` (OVAL's default), `OR`, `ONE`, `XOR`, upper-cased. */
  operator: string;
  negate: boolean;
  children: OvalNode[];
}

export type OvalNode = OvalCriterion | OvalCriteria;

export interface OvalReference {
  source: string;
  refId: string;
  refUrl?: string;
}

export interface OvalCve {
  /** The element's text (`CVE-2021-29154`; SUSE also writes `CVE-2010-1323 at NVD`). */
  text: string;
  /** The CVE id found in the text, upper-cased. */
  id?: string;
  href?: string;
  /** `7/CVSS:3.1/AV:L/…` or a bare vector, as published. */
  cvss3?: string;
  cvss2?: string;
  impact?: string;
}

export interface OvalDefinition {
  id: string;
  version: string;
  class: string;
  title: string;
  platforms: string[];
  references: OvalReference[];
  description?: string;
  severity?: string;
  cves: OvalCve[];
  /** `YYYY-MM-DD` or a date-time, as written. */
  issued?: string;
  updated?: string;
  /** Elements outside the standard `advisory` (Mariner: `patchable`, `advisory_id`, `advisory_date`). */
  extra: Record<string, string>;
  criteria?: OvalCriteria;
}

export interface OvalTest {
  id: string;
  comment?: string;
  objectRef?: string;
  stateRefs: string[];
}

export interface OvalStateField {
  operation: string;
  value: string;
  datatype?: string;
}

export interface OvalState {
  id: string;
  evr?: OvalStateField;
  version?: OvalStateField;
  release?: OvalStateField;
  arch?: OvalStateField;
  signatureKeyid?: OvalStateField;
}

export interface OvalDocument {
  generator: { productName?: string; productVersion?: string; schemaVersion?: string; timestamp?: string };
  definitions: OvalDefinition[];
  tests: Map<string, OvalTest>;
  objects: Map<string, { id: string; name?: string }>;
  states: Map<string, OvalState>;
  /** Definitions that could not be read (no id, criteria too deep), with why. */
  skipped: SkippedInput[];
}

const ARRAYS = new Set([
  'definition',
  'platform',
  'reference',
  'cve',
  'criteria',
  'criterion',
  'extend_definition',
  'rpminfo_test',
  'rpminfo_object',
  'rpminfo_state',
  'state',
  'states',
  'tests',
  'objects',
]);

type XmlNode = Record<string, unknown>;

const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The text of an element (`<x>text</x>`, or `#text` beside attributes), trimmed; undefined when empty. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return text(v['#text']);
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const v = node[`@${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const CVE_ID = /\bCVE-\d{4}-\d{4,}\b/i;

/**
 * Parses an OVAL definitions document. Throws OvalFormatError when the text is not well-formed XML or has no
 * `oval_definitions` root; a definition that cannot be read is listed in `skipped` and the rest are kept.
 */
export function parseOval(xml: string, where: string): OvalDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new OvalFormatError(`${where}: not well-formed XML (line ${valid.err.line}, col ${valid.err.col}: ${valid.err.msg})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: OVAL_MAX_NESTED_TAGS,
    isArray: (name) => ARRAYS.has(name),
  });
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (error) {
    throw new OvalFormatError(`${where}: unreadable XML (${error instanceof Error ? error.message : String(error)})`);
  }
  const root = isNode(tree) ? tree.oval_definitions : undefined;
  if (!isNode(root)) throw new OvalFormatError(`${where}: not an OVAL definitions document (no <oval_definitions> root)`);

  const gen = isNode(root.generator) ? root.generator : {};
  const generator: OvalDocument['generator'] = {};
  const productName = text(gen.product_name);
  const productVersion = text(gen.product_version);
  const schemaVersion = text(gen.schema_version);
  const timestamp = text(gen.timestamp);
  if (productName) generator.productName = productName;
  if (productVersion) generator.productVersion = productVersion;
  if (schemaVersion) generator.schemaVersion = schemaVersion;
  if (timestamp) generator.timestamp = timestamp;

  const doc: OvalDocument = { generator, definitions: [], tests: new Map(), objects: new Map(), states: new Map(), skipped: [] };
  const defsNode = isNode(root.definitions) ? root.definitions : undefined;
  list(defsNode?.definition).forEach((d, i) => {
    const r = readDefinition(d, `${where} definition[${i}]`);
    if ('reason' in r) doc.skipped.push(r);
    else doc.definitions.push(r);
  });

  // Tests, objects and states sit in <tests>, <objects>, <states> (SUSE's files also use <state>).
  for (const section of [...list(root.tests), ...list(root.objects), ...list(root.states), ...list(root.state)]) {
    if (!isNode(section)) continue;
    for (const t of list(section.rpminfo_test)) {
      const id = attr(t, 'id');
      if (!id || !isNode(t)) continue;
      const test: OvalTest = { id, stateRefs: [] };
      const comment = attr(t, 'comment');
      if (comment) test.comment = comment;
      const obj = Array.isArray(t.object) ? t.object[0] : t.object;
      const objectRef = attr(obj, 'object_ref');
      if (objectRef) test.objectRef = objectRef;
      for (const s of list(t.state)) {
        const ref = attr(s, 'state_ref');
        if (ref) test.stateRefs.push(ref);
      }
      doc.tests.set(id, test);
    }
    for (const o of list(section.rpminfo_object)) {
      const id = attr(o, 'id');
      if (!id || !isNode(o)) continue;
      const name = text(o.name);
      doc.objects.set(id, name ? { id, name } : { id });
    }
    for (const s of list(section.rpminfo_state)) {
      const id = attr(s, 'id');
      if (!id || !isNode(s)) continue;
      const state: OvalState = { id };
      const evr = stateField(s.evr);
      const version = stateField(s.version);
      const release = stateField(s.release);
      const arch = stateField(s.arch);
      const signatureKeyid = stateField(s.signature_keyid);
      if (evr) state.evr = evr;
      if (version) state.version = version;
      if (release) state.release = release;
      if (arch) state.arch = arch;
      if (signatureKeyid) state.signatureKeyid = signatureKeyid;
      doc.states.set(id, state);
    }
  }
  return doc;
}

function stateField(v: unknown): OvalStateField | undefined {
  const value = text(v);
  if (value === undefined) return undefined;
  const f: OvalStateField = { operation: attr(v, 'operation') ?? 'equals', value };
  const datatype = attr(v, 'datatype');
  if (datatype) f.datatype = datatype;
  return f;
}

const METADATA_KNOWN = new Set(['title', 'affected', 'reference', 'description', 'advisory', 'severity']);

function readDefinition(d: unknown, where: string): OvalDefinition | SkippedInput {
  const id = attr(d, 'id');
  if (!isNode(d) || !id) return { where, reason: 'a definition without an id' };
  const at = `${where} ${id}`;
  const meta = isNode(d.metadata) ? d.metadata : {};
  const def: OvalDefinition = {
    id,
    version: attr(d, 'version') ?? '0',
    class: attr(d, 'class') ?? '',
    title: text(meta.title) ?? '',
    platforms: [],
    references: [],
    cves: [],
    extra: {},
  };
  for (const a of list(meta.affected)) {
    if (!isNode(a)) continue;
    for (const p of list(a.platform)) {
      const t = text(p);
      if (t) def.platforms.push(t);
    }
  }
  for (const r of list(meta.reference)) {
    const refId = attr(r, 'ref_id');
    if (!refId) continue;
    const ref: OvalReference = { source: attr(r, 'source') ?? '', refId };
    const refUrl = attr(r, 'ref_url');
    if (refUrl) ref.refUrl = refUrl;
    def.references.push(ref);
  }
  const description = text(meta.description);
  if (description) def.description = description;
  const advisory = Array.isArray(meta.advisory) ? meta.advisory[0] : meta.advisory;
  const adv = isNode(advisory) ? advisory : {};
  const severity = text(adv.severity) ?? text(meta.severity);
  if (severity) def.severity = severity;
  const issued = attr(adv.issued, 'date');
  const updated = attr(adv.updated, 'date');
  if (issued) def.issued = issued;
  if (updated) def.updated = updated;
  for (const c of list(adv.cve)) {
    const t = text(c);
    if (!t) continue;
    const cve: OvalCve = { text: t };
    const m = CVE_ID.exec(t);
    if (m) cve.id = m[0].toUpperCase();
    for (const k of ['href', 'cvss3', 'cvss2', 'impact'] as const) {
      const v = attr(c, k);
      if (v) cve[k] = v;
    }
    def.cves.push(cve);
  }
  for (const [k, v] of Object.entries(meta)) {
    if (METADATA_KNOWN.has(k) || k.startsWith('@')) continue;
    const t = text(v);
    if (t) def.extra[k] = t;
  }
  const top = list(d.criteria)[0];
  if (top !== undefined) {
    const criteria = readCriteria(top);
    if (typeof criteria === 'string') return { where: at, reason: criteria };
    def.criteria = criteria;
  }
  return def;
}

/** Converts a `<criteria>` element into a tree, iteratively, refusing trees deeper than OVAL_MAX_CRITERIA_DEPTH. */
function readCriteria(top: unknown): OvalCriteria | string {
  const make = (n: unknown): OvalCriteria => ({
    kind: 'criteria',
    operator: (attr(n, 'operator') ?? 'AND').toUpperCase(),
    negate: attr(n, 'negate') === 'true',
    children: [],
  });
  const root = make(top);
  const stack: { xml: unknown; node: OvalCriteria; depth: number }[] = [{ xml: top, node: root, depth: 1 }];
  while (stack.length > 0) {
    const { xml, node, depth } = stack.pop()!;
    if (!isNode(xml)) continue;
    for (const c of list(xml.criterion)) {
      node.children.push({
        kind: 'criterion',
        testRef: attr(c, 'test_ref') ?? '',
        comment: attr(c, 'comment') ?? '',
        negate: attr(c, 'negate') === 'true',
      });
    }
    for (const sub of list(xml.criteria)) {
      if (depth + 1 > OVAL_MAX_CRITERIA_DEPTH) return `criteria nested deeper than ${OVAL_MAX_CRITERIA_DEPTH} levels`;
      const child = make(sub);
      node.children.push(child);
      stack.push({ xml: sub, node: child, depth: depth + 1 });
    }
  }
  return root;
}

/** A package criterion with the context criteria (platform, arch, module, signing key…) that gate it. */
export interface GatedCriterion {
  criterion: OvalCriterion;
  context: OvalCriterion[];
}

/**
 * The package criteria of a tree, each with the criteria that gate it: `isContext` tells which criteria are
 * conditions (a platform "is installed", an arch, a module, "is signed with") rather than package tests. In an
 * AND, the context criteria among its children (directly, or as an OR of context criteria only: one platform of a
 * list) gate every package criterion below the AND; an OR passes its inherited context to each branch. Negated
 * criteria are ignored. Iterative.
 */
export function gatedCriteria(root: OvalCriteria, isContext: (c: OvalCriterion) => boolean): GatedCriterion[] {
  const out: GatedCriterion[] = [];
  const stack: { node: OvalCriteria; inherited: OvalCriterion[] }[] = [{ node: root, inherited: [] }];
  while (stack.length > 0) {
    const { node, inherited } = stack.pop()!;
    if (node.negate) continue;
    const local: OvalCriterion[] = [];
    const pureContext = new Set<OvalCriteria>();
    if (node.operator === 'AND') {
      for (const c of node.children) {
        if (c.kind === 'criterion' && !c.negate && isContext(c)) local.push(c);
        else if (c.kind === 'criteria' && !c.negate && c.children.length > 0 && c.children.every((g) => g.kind === 'criterion' && !g.negate && isContext(g))) {
          pureContext.add(c);
          for (const g of c.children) local.push(g as OvalCriterion);
        }
      }
    }
    const context = local.length > 0 ? [...inherited, ...local] : inherited;
    const subtrees: OvalCriteria[] = [];
    for (const c of node.children) {
      if (c.kind === 'criterion') {
        if (!c.negate && !isContext(c)) out.push({ criterion: c, context });
      } else if (!pureContext.has(c)) subtrees.push(c);
    }
    for (let i = subtrees.length - 1; i >= 0; i--) stack.push({ node: subtrees[i]!, inherited: context });
  }
  return out;
}

/** The package a `rpminfo_test` looks at and the state it compares with, when the document has them. */
export interface RpmTestInfo {
  name: string;
  states: OvalState[];
}

export function rpmTest(doc: OvalDocument, testRef: string): RpmTestInfo | undefined {
  const test = doc.tests.get(testRef);
  if (!test?.objectRef) return undefined;
  const name = doc.objects.get(test.objectRef)?.name;
  if (!name) return undefined;
  const states = test.stateRefs.map((r) => doc.states.get(r)).filter((s): s is OvalState => s !== undefined);
  return { name, states };
}

/**
 * OVAL's operation names. Some generators write the position in OVAL's OperationEnumeration instead of its name
 * (SUSE's data has `operation="6"` on an `evr`, "less than"), counted from 1 as the schema lists them.
 */
const OPERATIONS = [
  'equals',
  'not equal',
  'case insensitive equals',
  'case insensitive not equal',
  'greater than',
  'less than',
  'greater than or equal',
  'less than or equal',
  'bitwise and',
  'bitwise or',
  'pattern match',
  'subset of',
  'superset of',
];

export function operationName(op: string): string {
  const t = op.trim().toLowerCase();
  if (/^\d+$/.test(t)) return OPERATIONS[Number(t) - 1] ?? t;
  return t;
}

/** An rpm `[epoch:]version[-release]` as the feeds write it (no spaces, no empty parts). */
export const RPM_EVR = /^(?:\d+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?$/;

/** The document's date (the generator's timestamp) as an ISO date-time, else the definition's own dates. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = value.trim();
  const day = /^(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (day) return `${day[1]}T00:00:00Z`;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** `7/CVSS:3.1/AV:…` (SUSE, Oracle) or a bare vector → the vector, when it is a CVSS v3 vector. */
export function cvss3Vector(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const i = value.indexOf('CVSS:3');
  if (i < 0) return undefined;
  const v = value.slice(i).trim();
  return /^CVSS:3\.[01]\/[A-Z]+:[A-Z]/.test(v) ? v : undefined;
}

/** The vendor word as a rating (`MODERATE` → `Moderate`, `n/a` → `Negligible`); undefined when it is none of them. */
export function vendorSeverity(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = value.trim().toLowerCase();
  const known: Record<string, string> = {
    'n/a': 'Negligible',
    none: 'Negligible',
    negligible: 'Negligible',
    low: 'Low',
    moderate: 'Moderate',
    medium: 'Medium',
    important: 'Important',
    high: 'High',
    critical: 'Critical',
  };
  return known[t];
}

/** The latest of several dates (ISO date-times from `isoDate`), or undefined when there is none. */
export function latestDate(...dates: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && (!best || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}
