import type { ParamValue } from './gate.js';

/**
 * The one internal model both bundle formats load into. Names follow Enterprise v2 (rule sets, allowlists); the
 * format a bundle was written in is kept, so output can use that format's words.
 */
export type Action = 'stop' | 'warn' | 'go';

/** STOP beats WARN beats GO (Anchore's GateAction ordering STOP < WARN < GO, the minimum wins). */
export const ACTION_RANK: Readonly<Record<Action, number>> = { stop: -1, warn: 0, go: 1 };

export function worstAction(actions: Iterable<Action>): Action {
  let worst: Action = 'go';
  for (const a of actions) if (ACTION_RANK[a] < ACTION_RANK[worst]) worst = a;
  return worst;
}

export type BundleFormat = 'v1' | 'v2';

export interface PolicyRule {
  id: string;
  /** Canonical gate and trigger names (lower-case, Anchore Engine names). */
  gate: string;
  trigger: string;
  action: Action;
  /** Parsed params by canonical name, defaults filled in. */
  params: Readonly<Record<string, ParamValue>>;
  /** The params as written (canonical names, raw strings). */
  rawParams: Readonly<Record<string, string>>;
  recommendation?: string;
  description?: string;
}

export interface RuleSet {
  id: string;
  name: string;
  description?: string;
  rules: PolicyRule[];
}

export interface AllowlistItem {
  id: string;
  gate: string;
  trigger_id: string;
  expires_on?: Date;
  description?: string;
}

export interface Allowlist {
  id: string;
  name: string;
  description?: string;
  items: AllowlistItem[];
}

export interface ImageRef {
  type: 'tag' | 'digest' | 'id';
  value: string;
}

export interface ImageSelectionRule {
  id?: string;
  name: string;
  registry: string;
  repository: string;
  image: ImageRef;
}

export interface MappingRule extends ImageSelectionRule {
  rule_set_ids: string[];
  allowlist_ids: string[];
}

export interface PolicyBundle {
  format: BundleFormat;
  id: string;
  name: string;
  description?: string;
  version: string;
  rule_sets: RuleSet[];
  allowlists: Allowlist[];
  mappings: MappingRule[];
  allowlisted_images: ImageSelectionRule[];
  denylisted_images: ImageSelectionRule[];
  /** The document as loaded (for reports that echo the bundle). */
  source: unknown;
}
