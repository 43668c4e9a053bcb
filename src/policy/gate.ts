import type { FileRequest } from '../image/file-request.js';
import type { PolicyContext } from './context.js';

/**
 * The gate contract. A gate is a named group of triggers; a trigger checks one condition against the evaluation
 * context and fires zero or more items. Param values in bundles are always strings; each ParamSpec says how the
 * string is validated and what it parses to.
 */
export type ParamType = 'string' | 'enum' | 'boolean' | 'integer' | 'float' | 'string-list' | 'integer-list';

export interface ParamSpec {
  /** Lower-case name as written in bundles. */
  name: string;
  description: string;
  type: ParamType;
  required: boolean;
  /** The value used when the param is absent (documented; the trigger also sees it). */
  default?: string;
  /** For `enum`: the allowed values. */
  allowed?: readonly string[];
  /** Enum values compared case-insensitively (Anchore is case-sensitive; see the param's description). */
  caseInsensitive?: boolean;
  /** Other accepted names (1.x names, v2 wording). */
  aliases?: readonly string[];
  example?: string;
  /**
   * The value is a regular expression (Python `re` syntax; the common subset runs). It is not compiled at load, as
   * in Anchore: a regex that does not compile is an evaluation problem of its rule.
   */
  regex?: boolean;
  /**
   * Extra check, given the raw value and the rule's other raw params (by canonical name). Returns a problem text or
   * undefined. Used for linked validators (metadata `value` depends on `attribute`).
   */
  validate?: (value: string, params: Readonly<Record<string, string>>) => string | undefined;
}

/** Parsed param values, by canonical name. Lists are arrays, booleans and numbers are parsed. */
export type ParamValue = string | boolean | number | string[] | number[];
export type Params = Readonly<Record<string, ParamValue | undefined>>;

/** One match of a trigger. `triggerId` defaults to md5(gate + trigger + message), as Anchore does. */
export interface FiredItem {
  message: string;
  triggerId?: string;
  /** Where the match is, when it has a place: a file in the image, or a line of the actual Dockerfile. */
  location?: { path?: string; line?: number };
}

/** A problem found while evaluating (not a match): a trigger that cannot fire, missing data, an expired item. */
export interface EvaluationProblem {
  severity: 'error' | 'warn' | 'info';
  problem_type: string;
  details: string;
}

export interface TriggerRun {
  ctx: PolicyContext;
  params: Params;
  /** The id of the rule being evaluated (used by retrieved_files trigger ids). */
  ruleId: string;
  /** Reports a problem; the evaluation continues. */
  problem(problem: Omit<EvaluationProblem, 'severity'> & { severity?: EvaluationProblem['severity'] }): void;
}

export interface Trigger {
  /** Canonical (Anchore Engine, v1) name, lower-case. */
  name: string;
  /** Accepted other names, e.g. the v2 "denylist" wording. */
  aliases?: readonly string[];
  description: string;
  params: readonly ParamSpec[];
  /** Cross-param checks at load time (e.g. "value is required for check ="). Returns problem texts. */
  validate?(rawParams: Readonly<Record<string, string>>): string[];
  /** What the trigger needs from the image for these params, collected in the single image pass. */
  requests?(params: Params): FileRequest[];
  evaluate(run: TriggerRun): FiredItem[];
}

export interface Gate {
  name: string;
  description: string;
  triggers: readonly Trigger[];
}

export function findTrigger(gate: Gate, name: string): Trigger | undefined {
  const n = name.toLowerCase();
  return gate.triggers.find((t) => t.name === n || (t.aliases ?? []).includes(n));
}

export function findParam(trigger: Trigger, name: string): ParamSpec | undefined {
  const n = name.toLowerCase();
  return trigger.params.find((p) => p.name === n || (p.aliases ?? []).includes(n));
}

/** Shared enum lists. */
export const COMPARISONS = ['=', '!=', '<', '>', '<=', '>='] as const;
