/**
 * A store re-evaluation reads the stored SBOM, not the image: it has no file view, no Dockerfile, no compliance or
 * malware results. The gates that need them cannot be evaluated again, so their results are carried over, unchanged,
 * from the evaluation that had the image (the push, or the carried-over results of a previous re-evaluation), and
 * the decision is the worst of the fresh and the carried triggers. Whatever the fresh SBOM evaluation fired for those
 * gates (a "cannot check" trigger such as `dockerfile/no_dockerfile_provided`) is dropped: it would duplicate or
 * replace the carried result. Never a silent GO for want of the image.
 */

import { createHash } from 'node:crypto';
import type { PolicyFindingRecord, PolicyResult, ScanReport } from '../model/index.js';
import type { PolicyBundle } from '../policy/model.js';

/** Gates every trigger of which needs the image (its files, its Dockerfile, a compliance or malware scan). */
const IMAGE_ONLY_GATES: ReadonlySet<string> = new Set(['dockerfile', 'files', 'passwd_file', 'retrieved_files', 'secret_scans', 'malware', 'compliance']);
/** Triggers of otherwise SBOM-evaluable gates that need the image's files. */
const IMAGE_ONLY_TRIGGERS: ReadonlySet<string> = new Set(['packages/verify']);

/** True when the trigger cannot be evaluated from an SBOM (canonical gate and trigger names). */
export function needsImage(gate: string, trigger: string): boolean {
  const g = gate.toLowerCase();
  return IMAGE_ONLY_GATES.has(g) || IMAGE_ONLY_TRIGGERS.has(`${g}/${trigger.toLowerCase()}`);
}

/** A fingerprint of the bundle's rules that need the image, so a policy change can tell whether they changed. */
export function imageOnlyRulesDigest(bundle: PolicyBundle): string {
  const rules = bundle.rule_sets
    .flatMap((rs) => rs.rules.map((r) => ({ rs: rs.id, r })))
    .filter(({ r }) => needsImage(r.gate, r.trigger))
    .map(({ rs, r }) => JSON.stringify([rs, r.id, r.gate, r.trigger, r.action, Object.entries(r.rawParams).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .sort();
  return `sha256:${createHash('sha256').update(rules.join('\n')).digest('hex')}`;
}

/** The evaluation notes this module writes (problem types in `policy.evaluation_problems`). */
export const CARRIED_OVER_NOTE = 'carried_over';
export const CARRIED_RULES_CHANGED_NOTE = 'carried_over_rules_changed';
const RULES_RE = /image-only rules (sha256:[0-9a-f]{64})/;

export interface PreviousEvaluation {
  id: string;
  created_at: string;
  /** Its stored report (a Portcullis ScanReport). */
  report: unknown;
}

export interface CarryOverOptions {
  /** The bundle the re-evaluation used. */
  bundle: PolicyBundle;
  /** `policy_change`: say when the image-only rules changed (or may have), since carried results cannot follow. */
  policyChange: boolean;
}

/** The only fields of a stored report carry-over reads (`policy`: its triggers and notes; `createdAt`). */
export const CARRY_OVER_FIELDS = ['policy', 'createdAt'] as const;

/**
 * The previous report as carry-over needs it, read narrowly from the stored file: only the top-level `policy` and
 * `createdAt` are parsed (a report of a thousand packages is about 1 MB, its policy result about 1 kB). The rest is
 * scanned for its structure only, without building it: stored reports were parsed when they were stored (a push)
 * or written by the store (a re-evaluation). What the scan cannot take apart is parsed whole; a file that is not a
 * JSON object is an error naming `what`.
 */
export function readCarryOverReport(data: Uint8Array, what: string): { policy?: unknown; createdAt?: unknown } {
  const fields = topLevelJsonFields(data, CARRY_OVER_FIELDS);
  if (fields) return fields;
  // Not an object, or broken: JSON.parse says where.
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  } catch (error) {
    throw new Error(`${what} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${what} is not a JSON object (${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed})`);
  const { policy, createdAt } = parsed as { policy?: unknown; createdAt?: unknown };
  return { ...(policy !== undefined ? { policy } : {}), ...(createdAt !== undefined ? { createdAt } : {}) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The values of the named keys of a JSON object (UTF-8 bytes), each parsed alone; the other values are skipped by
 * one flat pass over the bytes (strings with their escapes, nesting counted, no recursion, nothing built). A key
 * that appears twice gives its last value, as JSON.parse does; a key written with escapes is decoded before it is
 * compared. Undefined when the bytes are not one object with balanced nesting (the caller parses them whole for the
 * error), or when a wanted value is not JSON.
 */
export function topLevelJsonFields<K extends string>(data: Uint8Array, keys: readonly K[]): Partial<Record<K, unknown>> | undefined {
  const wanted = new Set<string>(keys);
  const n = data.length;
  let i = 0;
  if (n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  while (i < n && isSpace(data[i]!)) i++;
  if (data[i] !== 0x7b) return undefined;
  i++;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const spans: [K, number, number][] = [];
  let depth = 1;
  let expectKey = true;
  let key: string | undefined;
  let valueStart = -1;
  const endValue = (end: number) => {
    if (key !== undefined && valueStart >= 0) spans.push([key as K, valueStart, end]);
    key = undefined;
    valueStart = -1;
  };
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (; i < n; i++) {
    const c = data[i]!;
    if (c === QUOTE) {
      const start = i;
      // The closing quote (found natively): the next one not escaped by an odd run of backslashes.
      for (;;) {
        i = bytes.indexOf(QUOTE, i + 1);
        if (i < 0) return undefined;
        let k = i - 1;
        while (data[k] === BACKSLASH) k--;
        if ((i - 1 - k) % 2 === 0) break;
      }
      if (depth === 1 && expectKey) {
        expectKey = false;
        const raw = data.subarray(start + 1, i);
        let name: string;
        try {
          name = raw.includes(BACKSLASH) ? (JSON.parse(decoder.decode(data.subarray(start, i + 1))) as string) : decoder.decode(raw);
        } catch {
          return undefined;
        }
        key = wanted.has(name) ? name : undefined;
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) {
        endValue(i);
        break;
      }
    } else if (depth === 1) {
      if (c === COLON) valueStart = key === undefined ? -1 : i + 1;
      else if (c === COMMA) {
        endValue(i);
        expectKey = true;
      }
    }
  }
  if (depth !== 0) return undefined;
  for (i++; i < n; i++) if (!isSpace(data[i]!)) return undefined;
  const out: Partial<Record<K, unknown>> = {};
  for (const [k, from, to] of spans) {
    try {
      out[k] = JSON.parse(decoder.decode(data.subarray(from, to)));
    } catch {
      return undefined;
    }
  }
  return out;
}

const RANK = { stop: 0, warn: 1, go: 2 } as const;
type Action = keyof typeof RANK;
const isAction = (v: unknown): v is Action => v === 'stop' || v === 'warn' || v === 'go';

function worst(actions: Iterable<Action>): Action {
  let w: Action = 'go';
  for (const a of actions) if (RANK[a] < RANK[w]) w = a;
  return w;
}

/** The image-only triggers of a stored report, each marked with the evaluation it was decided in. */
export function carriedTriggers(previous: PreviousEvaluation): PolicyFindingRecord[] {
  const policy = (previous.report as { policy?: { findings?: unknown } } | undefined)?.policy;
  const findings = Array.isArray(policy?.findings) ? (policy.findings as PolicyFindingRecord[]) : [];
  const evaluatedAt = String((previous.report as { createdAt?: unknown }).createdAt ?? previous.created_at);
  return findings
    .filter((f) => f && typeof f.gate === 'string' && typeof f.trigger === 'string' && isAction(f.action) && needsImage(f.gate, f.trigger))
    .map((f) => ({ ...f, carried_over: f.carried_over ?? { evaluation_id: previous.id, evaluated_at: evaluatedAt } }));
}

/**
 * The fresh report of the SBOM with the image-only results of `previous` put back: the fresh image-only triggers
 * dropped, the carried ones added unchanged (marked `carried_over`), the decision the worst of both (an image
 * allowlist or denylist of the bundle still decides alone, as in the policy evaluation), and a note saying so.
 */
export function applyCarryOver(fresh: ScanReport, previous: PreviousEvaluation, options: CarryOverOptions): ScanReport {
  // Nothing to carry from an evaluation without a policy result: the fresh one stands as it is.
  if (!fresh.policy || !hasPolicy(previous.report)) return fresh;
  const carried = carriedTriggers(previous);
  const rulesDigest = imageOnlyRulesDigest(options.bundle);
  const kept = fresh.policy.findings.filter((f) => !needsImage(f.gate, f.trigger));
  const dropped = fresh.policy.findings.length - kept.length;
  const findings = [...kept, ...carried];
  const reason = fresh.policy.final_action_reason;
  const finalAction: Action = reason === 'denylisted' ? 'stop' : reason === 'allowlisted' ? 'go' : worst(findings.map((f) => f.action));
  const notes: PolicyResult['evaluation_problems'] = [];
  const origins = [...new Set(carried.map((f) => f.carried_over!.evaluation_id))];
  notes.push({
    severity: 'info',
    problem_type: CARRIED_OVER_NOTE,
    details:
      `re-evaluated from the SBOM, without the image: ${carried.length} trigger(s) of gates that need the image's files or Dockerfile carried over unchanged` +
      (origins.length ? ` from evaluation ${origins.join(', ')}` : '') +
      `, ${dropped} fired from the SBOM for those gates dropped; image-only rules ${rulesDigest}`,
  });
  if (options.policyChange) {
    const before = previousRulesDigest(previous.report);
    if (before !== rulesDigest) {
      notes.push({
        severity: 'warn',
        problem_type: CARRIED_RULES_CHANGED_NOTE,
        details:
          (before === undefined
            ? 'the bundle changed and the rules the image-only results were decided with are not known to the store'
            : 'the bundle changed its rules for gates that need the image') +
          ': the carried-over results cannot be recomputed from the SBOM and are kept as they were; scan and push the image again to apply the new rules',
      });
    }
  }
  const decision = finalAction === 'stop' ? 'STOP' : finalAction === 'warn' ? 'WARN' : 'GO';
  return {
    ...fresh,
    decision,
    policy: { ...fresh.policy, final_action: finalAction, findings, evaluation_problems: [...fresh.policy.evaluation_problems, ...notes] },
  };
}

function hasPolicy(report: unknown): boolean {
  const policy = (report as { policy?: unknown } | undefined)?.policy;
  return typeof policy === 'object' && policy !== null && Array.isArray((policy as { findings?: unknown }).findings);
}

/** The image-only rules fingerprint a previous re-evaluation recorded in its note (undefined for a push). */
function previousRulesDigest(report: unknown): string | undefined {
  const problems = (report as { policy?: { evaluation_problems?: unknown } } | undefined)?.policy?.evaluation_problems;
  if (!Array.isArray(problems)) return undefined;
  for (const p of problems as { problem_type?: unknown; details?: unknown }[]) {
    if (p?.problem_type === CARRIED_OVER_NOTE && typeof p.details === 'string') {
      const m = RULES_RE.exec(p.details);
      if (m) return m[1];
    }
  }
  return undefined;
}
