import { readFile } from 'node:fs/promises';
import { load as loadYaml } from 'js-yaml';
import { ConfigurationError } from '../common/errors.js';
import { DEFAULT_MAX_JSON_DEPTH, jsonDepth, parseJson } from '../common/json.js';
import { findParam, findTrigger, type Gate, type ParamValue } from './gate.js';
import { EOL_GATES } from './gates/eol.js';
import { findGate, GATES } from './gates/list.js';
import type {
  Action,
  Allowlist,
  AllowlistItem,
  BundleFormat,
  ImageSelectionRule,
  MappingRule,
  PolicyBundle,
  PolicyRule,
  RuleSet,
} from './model.js';
import { checkParamValue, parseParamValue, regexError } from './params.js';

/** One problem in a bundle, at a JSON path (`$.policies[0].rules[2].params[1].value`). */
export interface BundleProblem {
  path: string;
  message: string;
}

/** A bundle that does not load. It never half-loads: every problem is listed, and nothing is evaluated. */
export class PolicyValidationError extends ConfigurationError {
  override name = 'PolicyValidationError';
  constructor(
    readonly source: string,
    readonly problems: readonly BundleProblem[],
  ) {
    // The first line stands alone (CLIs print only it); the full list follows.
    super(
      `${source}: invalid policy bundle: ${problems[0]?.path}: ${problems[0]?.message}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '') +
        `\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
}

/** Parses JSON or YAML text (YAML is a superset; JSON is tried first for its precise errors). */
export function parseDocument(text: string, source: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return parseJson(text, { what: source });
  }
  // YAML's parser recurses per level of nesting: the same bound is checked on its flow and block structure first.
  const depth = yamlDepth(text, DEFAULT_MAX_JSON_DEPTH);
  if (depth > DEFAULT_MAX_JSON_DEPTH) throw new ConfigurationError(`${source} is nested too deeply (more than ${DEFAULT_MAX_JSON_DEPTH} levels)`);
  try {
    return loadYaml(text, { filename: source });
  } catch (e) {
    throw new ConfigurationError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
}

/**
 * An upper bound on a YAML document's nesting, without parsing it: the deepest flow nesting (`[`, `{`) and, per
 * line, the indentation plus the compact `- ` sequence starts, since each block level needs one of them.
 */
export function yamlDepth(text: string, stopAbove: number): number {
  let max = jsonDepth(text, stopAbove);
  for (const line of text.split('\n')) {
    const m = /^([ \t]*)((?:-[ \t]+)*)/.exec(line)!;
    const depth = m[1]!.length + (m[2]!.match(/-/g)?.length ?? 0);
    if (depth > max) max = depth;
    if (max > stopAbove) break;
  }
  return max;
}

export async function loadBundleFile(path: string): Promise<PolicyBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read policy bundle ${path}: ${(e as Error).message}`, { cause: e });
  }
  return loadBundle(text, path);
}

export function loadBundle(text: string, source = 'bundle'): PolicyBundle {
  return buildBundle(parseDocument(text, source), source);
}

/** Validates and normalises a parsed document. Throws PolicyValidationError listing every problem. */
export function buildBundle(doc: unknown, source = 'bundle'): PolicyBundle {
  const { bundle, problems } = checkBundle(doc);
  if (problems.length > 0 || !bundle) throw new PolicyValidationError(source, problems);
  return bundle;
}

/** Every problem of a document, and the bundle when there are none. */
export function checkBundle(doc: unknown): { bundle?: PolicyBundle; problems: BundleProblem[] } {
  const v = new Validator();
  const bundle = v.bundle(doc);
  return v.problems.length > 0 ? { problems: v.problems } : { bundle, problems: [] };
}

/** Bundle keys of each format, and the keys that mark a format. */
const V1_KEYS = {
  bundle: ['id', 'name', 'comment', 'version', 'policies', 'whitelists', 'mappings', 'whitelisted_images', 'blacklisted_images', 'description', 'last_updated'],
};
const V2_MARKERS = ['rule_sets', 'allowlists', 'allowlisted_images', 'denylisted_images', 'source_mappings', 'sbom_mappings'];
const V1_MARKERS = ['policies', 'whitelists', 'whitelisted_images', 'blacklisted_images'];

const V2_SCHEMA = {
  policy: { required: ['id', 'name', 'version', 'rule_sets', 'mappings'], optional: ['description', 'allowlists', 'allowlisted_images', 'denylisted_images', 'source_mappings', 'sbom_mappings', 'last_updated'] },
  ruleSet: { required: ['id', 'name', 'version', 'rules'], optional: ['description', 'artifact_type', 'last_updated'] },
  rule: { required: ['id', 'gate', 'trigger', 'action', 'params'], optional: ['description', 'recommendation'] },
  param: { required: ['name', 'value'], optional: [] },
  allowlist: { required: ['id', 'name', 'version', 'items'], optional: ['description', 'last_updated'] },
  item: { required: ['id', 'gate', 'trigger_id'], optional: ['expires_on', 'description'] },
  mapping: { required: ['id', 'name', 'registry', 'repository', 'image', 'rule_set_ids', 'allowlist_ids'], optional: ['description'] },
  selection: { required: ['id', 'name', 'registry', 'repository', 'image'], optional: ['description'] },
  imageRef: { required: ['type', 'value'], optional: [] },
} as const;

const V1_SCHEMA = {
  policy: { required: ['id', 'rules'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
  rule: { required: ['gate', 'trigger', 'action'], optional: ['id', 'params', 'comment', 'description', 'recommendation'] },
  param: { required: ['name', 'value'], optional: [] },
  whitelist: { required: ['id', 'items'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
  item: { required: ['gate', 'trigger_id'], optional: ['id', 'expires_on', 'comment', 'description'] },
  mapping: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'policy_id', 'policy_ids', 'whitelist_ids', 'comment', 'description'] },
  selection: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'comment', 'description'] },
  imageRef: { required: ['type', 'value'], optional: [] },
} as const;

/** Anchore's swagger pattern for expires_on (RFC 3339 date-time). */
const EXPIRES_ON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}|:\d+)?$/;

type Obj = Record<string, unknown>;

class Validator {
  readonly problems: BundleProblem[] = [];
  format: BundleFormat = 'v1';

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  bundle(doc: unknown): PolicyBundle | undefined {
    if (!isObj(doc)) {
      this.problem('$', `a policy bundle must be an object, got ${kind(doc)}`);
      return undefined;
    }
    const hasV2 = V2_MARKERS.filter((k) => k in doc);
    const hasV1 = V1_MARKERS.filter((k) => k in doc);
    if (hasV2.length > 0 && hasV1.length > 0) {
      this.problem('$', `mixes v1 keys (${hasV1.join(', ')}) with Enterprise v2 keys (${hasV2.join(', ')}); use one format`);
      return undefined;
    }
    this.format = hasV2.length > 0 || (hasV1.length === 0 && doc.version !== '1_0' && 'version' in doc) ? 'v2' : 'v1';
    return this.format === 'v1' ? this.v1(doc) : this.v2(doc);
  }

  // ---- v1 ---------------------------------------------------------------------------------------------------

  v1(doc: Obj): PolicyBundle | undefined {
    this.keys('$', doc, ['id', 'version', 'policies', 'mappings'], V1_KEYS.bundle, false);
    if ('version' in doc && doc.version !== '1_0') this.problem('$.version', `unsupported bundle version ${JSON.stringify(doc.version)}; v1 bundles use "1_0"`);
    const ruleSets = this.list(doc, 'policies', '$', (p, path) => this.v1Policy(p, path));
    const allowlists = this.list(doc, 'whitelists', '$', (w, path) => this.v1Whitelist(w, path));
    const mappings = this.list(doc, 'mappings', '$', (m, path) => this.v1Mapping(m, path));
    const allowed = this.list(doc, 'whitelisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
    const denied = this.list(doc, 'blacklisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
    return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'policies', 'whitelists', 'policy_ids', 'whitelist_ids', typeof doc.comment === 'string' ? doc.comment : undefined);
  }

  v1Policy(p: Obj, path: string): RuleSet {
    this.keys(path, p, V1_SCHEMA.policy.required, [...V1_SCHEMA.policy.required, ...V1_SCHEMA.policy.optional], false);
    if ('version' in p && p.version !== '1_0') this.problem(`${path}.version`, `unsupported policy version ${JSON.stringify(p.version)}; use "1_0"`);
    const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, false));
    this.duplicates(rules, `${path}.rules`, (r) => r.id);
    return { id: str(p.id), name: str(p.name ?? p.id), ...optDescription(p), rules };
  }

  v1Whitelist(w: Obj, path: string): Allowlist {
    this.keys(path, w, V1_SCHEMA.whitelist.required, [...V1_SCHEMA.whitelist.required, ...V1_SCHEMA.whitelist.optional], false);
    if ('version' in w && w.version !== '1_0') this.problem(`${path}.version`, `unsupported whitelist version ${JSON.stringify(w.version)}; use "1_0"`);
    const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V1_SCHEMA.item, false));
    this.duplicates(items, `${path}.items`, (i) => i.id || undefined);
    return { id: str(w.id), name: str(w.name ?? w.id), ...optDescription(w), items };
  }

  v1Mapping(m: Obj, path: string): MappingRule {
    const sel = this.selection(m, path, V1_SCHEMA.mapping, false);
    let ruleSetIds: string[] = [];
    const hasOne = 'policy_id' in m;
    const hasMany = 'policy_ids' in m;
    if (hasOne && hasMany) this.problem(path, 'has both policy_id and policy_ids; use one');
    else if (!hasOne && !hasMany) this.problem(path, 'has neither policy_id nor policy_ids');
    else if (hasOne) {
      if (typeof m.policy_id !== 'string') this.problem(`${path}.policy_id`, `must be a string, got ${kind(m.policy_id)}`);
      else ruleSetIds = [m.policy_id];
    } else ruleSetIds = this.stringList(m.policy_ids, `${path}.policy_ids`);
    // Anchore crashes when whitelist_ids is missing; an absent list means "no allowlists".
    const allowlistIds = 'whitelist_ids' in m ? this.stringList(m.whitelist_ids, `${path}.whitelist_ids`) : [];
    return { ...sel, rule_set_ids: ruleSetIds, allowlist_ids: allowlistIds };
  }

  // ---- v2 ---------------------------------------------------------------------------------------------------

  v2(doc: Obj): PolicyBundle | undefined {
    this.keys('$', doc, V2_SCHEMA.policy.required, [...V2_SCHEMA.policy.required, ...V2_SCHEMA.policy.optional], true);
    if ('version' in doc && typeof doc.version !== 'string') this.problem('$.version', `must be a string, got ${kind(doc.version)}`);
    if ('version' in doc && doc.version === '1_0') this.problem('$.version', 'version "1_0" is the v1 format, but the bundle uses Enterprise v2 keys');
    if (typeof doc.name === 'string' && doc.name === '') this.problem('$.name', 'must not be empty');
    const ruleSets = this.list(doc, 'rule_sets', '$', (p, path) => {
      this.keys(path, p, V2_SCHEMA.ruleSet.required, [...V2_SCHEMA.ruleSet.required, ...V2_SCHEMA.ruleSet.optional], true);
      if ('artifact_type' in p && p.artifact_type !== 'image') this.problem(`${path}.artifact_type`, `only "image" rule sets can be evaluated on an image, got ${JSON.stringify(p.artifact_type)}`);
      const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, true));
      this.duplicates(rules, `${path}.rules`, (r) => r.id);
      return { id: str(p.id), name: str(p.name), ...optDescription(p), rules } satisfies RuleSet;
    });
    const allowlists = this.list(doc, 'allowlists', '$', (w, path) => {
      this.keys(path, w, V2_SCHEMA.allowlist.required, [...V2_SCHEMA.allowlist.required, ...V2_SCHEMA.allowlist.optional], true);
      const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V2_SCHEMA.item, true));
      this.duplicates(items, `${path}.items`, (i) => i.id);
      return { id: str(w.id), name: str(w.name), ...optDescription(w), items } satisfies Allowlist;
    });
    const mappings = this.list(doc, 'mappings', '$', (m, path) => {
      const sel = this.selection(m, path, V2_SCHEMA.mapping, true);
      return { ...sel, rule_set_ids: this.stringList(m.rule_set_ids, `${path}.rule_set_ids`), allowlist_ids: this.stringList(m.allowlist_ids, `${path}.allowlist_ids`) };
    });
    const allowed = this.list(doc, 'allowlisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
    const denied = this.list(doc, 'denylisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
    if (Array.isArray(doc.source_mappings) && doc.source_mappings.length > 0) this.problem('$.source_mappings', 'source mappings evaluate source repositories, not images; remove them for an image gate');
    return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'rule_sets', 'allowlists', 'rule_set_ids', 'allowlist_ids', typeof doc.description === 'string' ? doc.description : undefined);
  }

  // ---- shared -----------------------------------------------------------------------------------------------

  finish(
    doc: Obj,
    ruleSets: RuleSet[],
    allowlists: Allowlist[],
    mappings: MappingRule[],
    allowed: ImageSelectionRule[],
    denied: ImageSelectionRule[],
    rsKey: string,
    alKey: string,
    rsRef: string,
    alRef: string,
    description: string | undefined,
  ): PolicyBundle | undefined {
    this.duplicates(ruleSets, `$.${rsKey}`, (r) => r.id);
    this.duplicates(allowlists, `$.${alKey}`, (a) => a.id);
    this.duplicates(mappings, '$.mappings', (m) => m.id);
    const rsIds = new Set(ruleSets.map((r) => r.id));
    const alIds = new Set(allowlists.map((a) => a.id));
    mappings.forEach((m, i) => {
      const raw = (doc.mappings as unknown[])[i];
      const refKey = this.format === 'v1' && typeof raw === 'object' && raw !== null && 'policy_id' in raw ? 'policy_id' : rsRef;
      m.rule_set_ids.forEach((id, j) => {
        if (!rsIds.has(id)) this.problem(`$.mappings[${i}].${refKey}${refKey === 'policy_id' ? '' : `[${j}]`}`, `refers to ${rsKey === 'policies' ? 'policy' : 'rule set'} ${JSON.stringify(id)}, which is not in $.${rsKey}`);
      });
      m.allowlist_ids.forEach((id, j) => {
        if (!alIds.has(id)) this.problem(`$.mappings[${i}].${alRef}[${j}]`, `refers to ${alKey === 'whitelists' ? 'whitelist' : 'allowlist'} ${JSON.stringify(id)}, which is not in $.${alKey}`);
      });
    });
    if (this.problems.length > 0) return undefined;
    return {
      format: this.format,
      id: str(doc.id),
      name: str(doc.name ?? doc.id),
      ...(description !== undefined ? { description } : {}),
      version: str(doc.version ?? (this.format === 'v1' ? '1_0' : '2_0')),
      rule_sets: ruleSets,
      allowlists,
      mappings,
      allowlisted_images: allowed,
      denylisted_images: denied,
      source: doc,
    };
  }

  rule(r: Obj, path: string, strict: boolean): PolicyRule {
    const schema = strict ? V2_SCHEMA.rule : V1_SCHEMA.rule;
    this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
    if ('id' in r && typeof r.id !== 'string') this.problem(`${path}.id`, `must be a string, got ${kind(r.id)}`);
    const action = this.action(r.action, `${path}.action`);
    let gate: Gate | undefined;
    let triggerName = str(r.trigger).toLowerCase();
    if (typeof r.gate !== 'string') {
      if ('gate' in r) this.problem(`${path}.gate`, `must be a string, got ${kind(r.gate)}`);
    } else {
      gate = findGate(r.gate);
      if (!gate) {
        const eol = EOL_GATES[r.gate.toLowerCase()];
        this.problem(
          `${path}.gate`,
          eol
            ? `gate ${JSON.stringify(r.gate)} has been End-of-Lifed by Anchore${eol.supersededBy ? `; use the ${JSON.stringify(eol.supersededBy)} gate` : ''} (\`portcullis policy convert\` migrates 1.x policies)`
            : `unknown gate ${JSON.stringify(r.gate)}; known gates: ${knownGates().join(', ')}`,
        );
      }
    }
    const rawParams: Record<string, string> = {};
    const params: Record<string, ParamValue> = {};
    if (typeof r.trigger !== 'string') {
      if ('trigger' in r) this.problem(`${path}.trigger`, `must be a string, got ${kind(r.trigger)}`);
    } else if (gate) {
      const trigger = findTrigger(gate, r.trigger);
      if (!trigger) {
        this.problem(`${path}.trigger`, `unknown trigger ${JSON.stringify(r.trigger)} for gate ${gate.name}; known triggers: ${gate.triggers.map((t) => t.name).join(', ')}`);
      } else {
        triggerName = trigger.name;
        const written = new Map<string, string>();
        const paramsIn = r.params ?? [];
        if (!Array.isArray(paramsIn)) this.problem(`${path}.params`, `must be a list of {name, value}, got ${kind(paramsIn)}`);
        else {
          paramsIn.forEach((p: unknown, i: number) => {
            const pp = `${path}.params[${i}]`;
            if (!isObj(p)) return this.problem(pp, `must be an object {name, value}, got ${kind(p)}`);
            this.keys(pp, p, ['name', 'value'], ['name', 'value'], strict);
            if (typeof p.name !== 'string') return;
            const spec = findParam(trigger, p.name);
            if (!spec) {
              const names = trigger.params.map((s) => s.name);
              return this.problem(`${pp}.name`, `unknown param ${JSON.stringify(p.name)} for ${gate!.name}/${trigger.name}; ${names.length ? `known params: ${names.join(', ')}` : 'it takes no params'}`);
            }
            if (written.has(spec.name)) return this.problem(`${pp}.name`, `duplicate param ${JSON.stringify(spec.name)} (also at ${written.get(spec.name)})`);
            written.set(spec.name, pp);
            if ('value' in p) rawParams[spec.name] = p.value as string;
          });
          for (const spec of trigger.params) {
            const at = written.get(spec.name);
            const value = rawParams[spec.name];
            if (at === undefined || value === undefined) {
              if (spec.required) this.problem(`${path}.params`, `missing required param ${JSON.stringify(spec.name)} for ${gate.name}/${trigger.name}`);
              else if (spec.default !== undefined) params[spec.name] = parseParamValue(spec, spec.default);
              continue;
            }
            const err = checkParamValue(spec, value, rawParams);
            if (err) this.problem(`${at}.value`, `param ${spec.name} ${err}`);
            else params[spec.name] = parseParamValue(spec, value);
          }
          for (const err of trigger.validate?.(rawParams) ?? []) this.problem(`${path}.params`, err);
        }
      }
    }
    return {
      id: typeof r.id === 'string' ? r.id : '',
      gate: gate?.name ?? str(r.gate).toLowerCase(),
      trigger: triggerName,
      action: action ?? 'stop',
      params,
      rawParams,
      ...(typeof r.recommendation === 'string' ? { recommendation: r.recommendation } : {}),
      ...optDescription(r),
    };
  }

  action(value: unknown, path: string): Action | undefined {
    if (typeof value !== 'string' || !['go', 'warn', 'stop'].includes(value.toLowerCase())) {
      if (value !== undefined) this.problem(path, `must be one of GO, WARN, STOP, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value.toLowerCase() as Action;
  }

  item(i: Obj, path: string, schema: { required: readonly string[]; optional: readonly string[] }, strict: boolean): AllowlistItem {
    this.keys(path, i, schema.required, [...schema.required, ...schema.optional], strict);
    this.typed(i, path, ['id', 'gate', 'trigger_id', 'description', 'comment']);
    if (typeof i.gate === 'string' && !findGate(i.gate) && !EOL_GATES[i.gate.toLowerCase()]) {
      this.problem(`${path}.gate`, `unknown gate ${JSON.stringify(i.gate)}; the item would never match`);
    }
    if (typeof i.trigger_id === 'string') this.pattern(i.trigger_id, `${path}.trigger_id`);
    let expires: Date | undefined;
    if (i.expires_on !== undefined && i.expires_on !== null) {
      const raw = i.expires_on instanceof Date ? i.expires_on.toISOString() : i.expires_on;
      if (typeof raw !== 'string' || !EXPIRES_ON.test(raw) || Number.isNaN(Date.parse(raw))) {
        this.problem(`${path}.expires_on`, `must be an RFC 3339 date-time such as "2025-01-31T00:00:00Z", got ${JSON.stringify(raw)}`);
      } else expires = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw.replace(/:\d+$/, '')}Z`);
    }
    return {
      id: typeof i.id === 'string' ? i.id : '',
      gate: str(i.gate).toLowerCase(),
      trigger_id: str(i.trigger_id),
      ...(expires ? { expires_on: expires } : {}),
      ...optDescription(i),
    };
  }

  selection(r: Obj, path: string, schema: { required: readonly string[]; optional: readonly string[] }, strict: boolean): ImageSelectionRule {
    this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
    this.typed(r, path, ['id', 'name', 'registry', 'repository', 'description', 'comment']);
    for (const k of ['registry', 'repository'] as const) if (typeof r[k] === 'string') this.pattern(r[k], `${path}.${k}`);
    let image: ImageSelectionRule['image'] = { type: 'tag', value: '*' };
    if ('image' in r) {
      if (!isObj(r.image)) this.problem(`${path}.image`, `must be an object {type, value}, got ${kind(r.image)}`);
      else {
        this.keys(`${path}.image`, r.image, ['type', 'value'], ['type', 'value'], strict);
        const t = r.image.type;
        if (t !== undefined && !['tag', 'digest', 'id'].includes(t as string)) this.problem(`${path}.image.type`, `must be one of "tag", "digest", "id", got ${JSON.stringify(t)}`);
        if (r.image.value !== undefined && typeof r.image.value !== 'string') this.problem(`${path}.image.value`, `must be a string, got ${kind(r.image.value)}`);
        else if (t === 'tag' && typeof r.image.value === 'string') this.pattern(r.image.value, `${path}.image.value`);
        image = { type: (t as 'tag') ?? 'tag', value: str(r.image.value) };
      }
    }
    return {
      ...(typeof r.id === 'string' ? { id: r.id } : {}),
      name: str(r.name ?? r.id ?? ''),
      registry: str(r.registry),
      repository: str(r.repository),
      image,
    };
  }

  pattern(value: string, path: string): void {
    if (value.startsWith('regexp:')) {
      const err = regexError(value.slice('regexp:'.length));
      if (err) this.problem(path, `invalid regular expression after "regexp:": ${err}`);
    }
  }

  stringList(value: unknown, path: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(path, `must be a list of ids, got ${kind(value)}`);
      return [];
    }
    return value.flatMap((v, i) => {
      if (typeof v !== 'string') {
        this.problem(`${path}[${i}]`, `must be a string id, got ${kind(v)}`);
        return [];
      }
      return [v];
    });
  }

  list<T>(parent: Obj, key: string, path: string, each: (item: Obj, path: string) => T): T[] {
    const value = parent[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(`${path}.${key}`, `must be a list, got ${kind(value)}`);
      return [];
    }
    return value.flatMap((item, i) => {
      const p = `${path}.${key}[${i}]`;
      if (!isObj(item)) {
        this.problem(p, `must be an object, got ${kind(item)}`);
        return [];
      }
      if ('id' in item && typeof item.id !== 'string') this.problem(`${p}.id`, `must be a string, got ${kind(item.id)}`);
      return [each(item, p)];
    });
  }

  keys(path: string, obj: Obj, required: readonly string[], allowed: readonly string[], rejectUnknown: boolean): void {
    for (const k of required) if (!(k in obj)) this.problem(path, `missing required key ${JSON.stringify(k)}`);
    if (!rejectUnknown) return;
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.problem(`${path}.${k}`, `unknown key ${JSON.stringify(k)} (Enterprise v2 objects allow no extra keys)`);
    }
  }

  typed(obj: Obj, path: string, keys: readonly string[]): void {
    for (const k of keys) if (k in obj && obj[k] !== null && typeof obj[k] !== 'string') this.problem(`${path}.${k}`, `must be a string, got ${kind(obj[k])}`);
  }

  duplicates<T>(items: readonly T[], path: string, idOf: (t: T) => string | undefined): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined || id === '') return;
      const first = seen.get(id);
      if (first !== undefined) this.problem(`${path}[${i}].id`, `duplicate id ${JSON.stringify(id)} (first at ${path}[${first}])`);
      else seen.set(id, i);
    });
  }
}

function knownGates(): string[] {
  return GATES.map((g) => g.name);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function optDescription(o: Obj): { description?: string } {
  const d = o.description ?? o.comment;
  return typeof d === 'string' ? { description: d } : {};
}
