/** Reads an XCCDF result file (as `oscap xccdf eval --results` writes it) and derives the outcome. */

import { XMLParser } from 'fast-xml-parser';
import { ConfigurationError } from '../common/errors.js';

export const RULE_RESULTS = ['pass', 'fail', 'error', 'unknown', 'notapplicable', 'notchecked', 'notselected', 'informational', 'fixed'] as const;
export type RuleResult = (typeof RULE_RESULTS)[number];

export interface FailedRule {
  id: string;
  result: 'fail' | 'error' | 'unknown';
  severity?: string;
  title?: string;
}

export interface XccdfSummary {
  benchmark: { id?: string; version?: string };
  profile?: string;
  testResultId?: string;
  startTime?: string;
  endTime?: string;
  counts: Record<RuleResult, number>;
  /** pass: every applicable rule passed; fail: at least one failed; error: nothing applicable, or errors. */
  result: 'pass' | 'fail' | 'error';
  reason: string;
  failed: FailedRule[];
}

type Node = Record<string, unknown>;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function text(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return String((v as Node)['#text']);
  return undefined;
}

/** Walks to the first element named `name` (namespace prefixes removed), depth-first. */
function find(node: unknown, name: string): Node | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = find(n, name);
      if (f) return f;
    }
    return undefined;
  }
  const obj = node as Node;
  if (name in obj) return asArray(obj[name] as Node | Node[])[0];
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@_') || k === '#text') continue;
    const f = find(v, name);
    if (f) return f;
  }
  return undefined;
}

function collectRules(node: unknown, out: Map<string, { title?: string; severity?: string }>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectRules(n, out);
    return;
  }
  const obj = node as Node;
  for (const r of asArray(obj.Rule as Node | Node[] | undefined)) {
    const id = r['@_id'];
    if (typeof id === 'string') {
      const title = text(asArray(r.title as unknown[])[0]);
      out.set(id, { ...(title ? { title } : {}), ...(typeof r['@_severity'] === 'string' ? { severity: r['@_severity'] } : {}) });
    }
  }
  for (const g of asArray(obj.Group as Node | Node[] | undefined)) collectRules(g, out);
}

export function parseXccdfResults(xml: string | Buffer): XccdfSummary {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Large result files: no entity expansion beyond XML's own.
    processEntities: false,
    isArray: (name) => name === 'rule-result' || name === 'Rule' || name === 'Group' || name === 'TestResult' || name === 'title',
  });
  let doc: unknown;
  try {
    doc = parser.parse(typeof xml === 'string' ? xml : xml.toString('utf8'));
  } catch (error) {
    throw new ConfigurationError(`the XCCDF results are not XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const testResult = find(doc, 'TestResult');
  if (!testResult) throw new ConfigurationError('the XCCDF results have no TestResult');
  const benchmark = find(doc, 'Benchmark');
  const rules = new Map<string, { title?: string; severity?: string }>();
  if (benchmark) collectRules(benchmark, rules);
  const counts = Object.fromEntries(RULE_RESULTS.map((r) => [r, 0])) as Record<RuleResult, number>;
  const failed: FailedRule[] = [];
  for (const rr of asArray(testResult['rule-result'] as Node[] | undefined)) {
    const result = text(rr.result) as RuleResult | undefined;
    if (!result || !(RULE_RESULTS as readonly string[]).includes(result)) continue;
    counts[result]++;
    if (result === 'fail' || result === 'error' || result === 'unknown') {
      const id = String(rr['@_idref']);
      const meta = rules.get(id);
      failed.push({ id, result, ...(typeof rr['@_severity'] === 'string' ? { severity: rr['@_severity'] } : meta?.severity ? { severity: meta.severity } : {}), ...(meta?.title ? { title: meta.title } : {}) });
    }
  }
  const checked = counts.pass + counts.fail + counts.error + counts.unknown + counts.fixed + counts.informational;
  let result: XccdfSummary['result'];
  let reason: string;
  if (checked === 0) {
    result = 'error';
    reason = `nothing was checked: ${counts.notapplicable} rule(s) not applicable, ${counts.notchecked} not checked`;
  } else if (counts.fail > 0) {
    result = 'fail';
    reason = `${counts.fail} rule(s) failed, ${counts.pass} passed`;
  } else if (counts.error + counts.unknown > 0) {
    result = 'error';
    reason = `${counts.error} rule(s) errored and ${counts.unknown} gave unknown; ${counts.pass} passed`;
  } else {
    result = 'pass';
    reason = `all ${counts.pass + counts.fixed} applicable rule(s) passed`;
  }
  const profile = find(testResult, 'profile');
  const bVersion = benchmark ? text(asArray(benchmark.version as unknown[])[0]) : undefined;
  return {
    benchmark: { ...(benchmark && typeof benchmark['@_id'] === 'string' ? { id: benchmark['@_id'] } : {}), ...(bVersion ? { version: bVersion } : {}) },
    ...(profile && typeof profile['@_idref'] === 'string' ? { profile: profile['@_idref'] } : {}),
    ...(typeof testResult['@_id'] === 'string' ? { testResultId: testResult['@_id'] } : {}),
    ...(typeof testResult['@_start-time'] === 'string' ? { startTime: testResult['@_start-time'] } : {}),
    ...(typeof testResult['@_end-time'] === 'string' ? { endTime: testResult['@_end-time'] } : {}),
    counts,
    result,
    reason,
    failed,
  };
}
