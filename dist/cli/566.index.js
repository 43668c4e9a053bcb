export const id = 566;
export const ids = [566];
export const modules = {

/***/ 45566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e9: () => (/* binding */ PolicyValidationError),
  bS: () => (/* binding */ buildBundle),
  Jp: () => (/* binding */ checkBundle),
  po: () => (/* binding */ loadBundle),
  Du: () => (/* binding */ loadBundleFile),
  Tp: () => (/* binding */ parseDocument)
});

// UNUSED EXPORTS: yamlDepth

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
// EXTERNAL MODULE: ./src/policy/gate.ts
var policy_gate = __webpack_require__(55375);
;// CONCATENATED MODULE: ./src/policy/gates/eol.ts
const EOL_GATES = {
    anchoresec: { supersededBy: 'vulnerabilities', triggers: ['vulnlow', 'vulnmedium', 'vulnhigh', 'vulncritical', 'vulnunknown', 'feedoutofdate', 'unsupporteddistro'] },
    dockerfilecheck: { supersededBy: 'dockerfile', triggers: ['directivecheck', 'effectiveuser', 'expose', 'nofrom', 'fromscratch', 'notag', 'sudo', 'volumepresent', 'nohealthcheck', 'nodockerfile'] },
    pkgblacklist: { supersededBy: 'packages', triggers: ['pkgfullmatch', 'pkgnamematch'] },
    pkgcheck: { supersededBy: 'packages', triggers: ['pkgnotpresent', 'verify'] },
    pkgdiff: { triggers: ['pkgversiondiff', 'pkgadd', 'pkgdel', 'pkgdiff'] },
    suiddiff: { triggers: ['suidmodediff', 'suidfileadd', 'suidfiledel', 'suiddiff'] },
    imagecheck: { triggers: ['baseoutofdate'] },
    filecheck: { supersededBy: 'files', triggers: ['contentmatch', 'filenamematch', 'suidsgidcheck'] },
    fileparse_passwd: { supersededBy: 'passwd_file', triggers: ['filenotstored', 'usernamematch', 'useridmatch', 'groupidmatch', 'shellmatch', 'pentrymatch'] },
    gemcheck: { supersededBy: 'ruby_gems', triggers: ['gemnotlatest', 'gemnotofficial', 'gembadversion', 'gempkgfullmatch', 'gempkgnamematch', 'gemnofeed'] },
    npmcheck: { supersededBy: 'npms', triggers: ['npmnotlatest', 'npmnotofficial', 'npmbadversion', 'npmpkgfullmatch', 'npmpkgnamematch', 'npmnofeed'] },
    licblacklist: { supersededBy: 'licenses', triggers: ['licfullmatch', 'licsubmatch'] },
    metadatacheck: { supersededBy: 'metadata', triggers: ['attributecheck'] },
    secretcheck: { supersededBy: 'secret_scans', triggers: ['contentmatch', 'filenamematch'] },
};

// EXTERNAL MODULE: ./src/policy/gates/list.ts + 16 modules
var list = __webpack_require__(79975);
// EXTERNAL MODULE: ./src/policy/params.ts
var policy_params = __webpack_require__(76734);
;// CONCATENATED MODULE: ./src/policy/bundle.ts








/** A bundle that does not load. It never half-loads: every problem is listed, and nothing is evaluated. */
class PolicyValidationError extends errors/* ConfigurationError */.j1 {
    source;
    problems;
    name = 'PolicyValidationError';
    constructor(source, problems) {
        // The first line stands alone (CLIs print only it); the full list follows.
        super(`${source}: invalid policy bundle: ${problems[0]?.path}: ${problems[0]?.message}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '') +
            `\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        this.source = source;
        this.problems = problems;
    }
}
/** Parses JSON or YAML text (YAML is a superset; JSON is tried first for its precise errors). */
function parseDocument(text, source) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        return (0,json/* parseJson */.qF)(text, { what: source });
    }
    // YAML's parser recurses per level of nesting: the same bound is checked on its flow and block structure first.
    const depth = yamlDepth(text, json/* DEFAULT_MAX_JSON_DEPTH */.kF);
    if (depth > json/* DEFAULT_MAX_JSON_DEPTH */.kF)
        throw new errors/* ConfigurationError */.j1(`${source} is nested too deeply (more than ${json/* DEFAULT_MAX_JSON_DEPTH */.kF} levels)`);
    try {
        return (0,js_yaml/* load */.Hh)(text, { filename: source });
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${source}: not valid YAML: ${e.message.split('\n')[0]}`, { cause: e });
    }
}
/**
 * An upper bound on a YAML document's nesting, without parsing it: the deepest flow nesting (`[`, `{`) and, per
 * line, the indentation plus the compact `- ` sequence starts, since each block level needs one of them.
 */
function yamlDepth(text, stopAbove) {
    let max = (0,json/* jsonDepth */.QV)(text, stopAbove);
    for (const line of text.split('\n')) {
        const m = /^([ \t]*)((?:-[ \t]+)*)/.exec(line);
        const depth = m[1].length + (m[2].match(/-/g)?.length ?? 0);
        if (depth > max)
            max = depth;
        if (max > stopAbove)
            break;
    }
    return max;
}
async function loadBundleFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read policy bundle ${path}: ${e.message}`, { cause: e });
    }
    return loadBundle(text, path);
}
function loadBundle(text, source = 'bundle') {
    return buildBundle(parseDocument(text, source), source);
}
/** Validates and normalises a parsed document. Throws PolicyValidationError listing every problem. */
function buildBundle(doc, source = 'bundle') {
    const { bundle, problems } = checkBundle(doc);
    if (problems.length > 0 || !bundle)
        throw new PolicyValidationError(source, problems);
    return bundle;
}
/** Every problem of a document, and the bundle when there are none. */
function checkBundle(doc) {
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
};
const V1_SCHEMA = {
    policy: { required: ['id', 'rules'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
    rule: { required: ['gate', 'trigger', 'action'], optional: ['id', 'params', 'comment', 'description', 'recommendation'] },
    param: { required: ['name', 'value'], optional: [] },
    whitelist: { required: ['id', 'items'], optional: ['name', 'comment', 'version', 'description', 'last_updated'] },
    item: { required: ['gate', 'trigger_id'], optional: ['id', 'expires_on', 'comment', 'description'] },
    mapping: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'policy_id', 'policy_ids', 'whitelist_ids', 'comment', 'description'] },
    selection: { required: ['registry', 'repository', 'image'], optional: ['id', 'name', 'comment', 'description'] },
    imageRef: { required: ['type', 'value'], optional: [] },
};
/** Anchore's swagger pattern for expires_on (RFC 3339 date-time). */
const EXPIRES_ON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}|:\d+)?$/;
class Validator {
    problems = [];
    format = 'v1';
    problem(path, message) {
        this.problems.push({ path, message });
    }
    bundle(doc) {
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
    v1(doc) {
        this.keys('$', doc, ['id', 'version', 'policies', 'mappings'], V1_KEYS.bundle, false);
        if ('version' in doc && doc.version !== '1_0')
            this.problem('$.version', `unsupported bundle version ${JSON.stringify(doc.version)}; v1 bundles use "1_0"`);
        const ruleSets = this.list(doc, 'policies', '$', (p, path) => this.v1Policy(p, path));
        const allowlists = this.list(doc, 'whitelists', '$', (w, path) => this.v1Whitelist(w, path));
        const mappings = this.list(doc, 'mappings', '$', (m, path) => this.v1Mapping(m, path));
        const allowed = this.list(doc, 'whitelisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
        const denied = this.list(doc, 'blacklisted_images', '$', (r, path) => this.selection(r, path, V1_SCHEMA.selection, false));
        return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'policies', 'whitelists', 'policy_ids', 'whitelist_ids', typeof doc.comment === 'string' ? doc.comment : undefined);
    }
    v1Policy(p, path) {
        this.keys(path, p, V1_SCHEMA.policy.required, [...V1_SCHEMA.policy.required, ...V1_SCHEMA.policy.optional], false);
        if ('version' in p && p.version !== '1_0')
            this.problem(`${path}.version`, `unsupported policy version ${JSON.stringify(p.version)}; use "1_0"`);
        const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, false));
        this.duplicates(rules, `${path}.rules`, (r) => r.id);
        return { id: str(p.id), name: str(p.name ?? p.id), ...optDescription(p), rules };
    }
    v1Whitelist(w, path) {
        this.keys(path, w, V1_SCHEMA.whitelist.required, [...V1_SCHEMA.whitelist.required, ...V1_SCHEMA.whitelist.optional], false);
        if ('version' in w && w.version !== '1_0')
            this.problem(`${path}.version`, `unsupported whitelist version ${JSON.stringify(w.version)}; use "1_0"`);
        const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V1_SCHEMA.item, false));
        this.duplicates(items, `${path}.items`, (i) => i.id || undefined);
        return { id: str(w.id), name: str(w.name ?? w.id), ...optDescription(w), items };
    }
    v1Mapping(m, path) {
        const sel = this.selection(m, path, V1_SCHEMA.mapping, false);
        let ruleSetIds = [];
        const hasOne = 'policy_id' in m;
        const hasMany = 'policy_ids' in m;
        if (hasOne && hasMany)
            this.problem(path, 'has both policy_id and policy_ids; use one');
        else if (!hasOne && !hasMany)
            this.problem(path, 'has neither policy_id nor policy_ids');
        else if (hasOne) {
            if (typeof m.policy_id !== 'string')
                this.problem(`${path}.policy_id`, `must be a string, got ${kind(m.policy_id)}`);
            else
                ruleSetIds = [m.policy_id];
        }
        else
            ruleSetIds = this.stringList(m.policy_ids, `${path}.policy_ids`);
        // Anchore crashes when whitelist_ids is missing; an absent list means "no allowlists".
        const allowlistIds = 'whitelist_ids' in m ? this.stringList(m.whitelist_ids, `${path}.whitelist_ids`) : [];
        return { ...sel, rule_set_ids: ruleSetIds, allowlist_ids: allowlistIds };
    }
    // ---- v2 ---------------------------------------------------------------------------------------------------
    v2(doc) {
        this.keys('$', doc, V2_SCHEMA.policy.required, [...V2_SCHEMA.policy.required, ...V2_SCHEMA.policy.optional], true);
        if ('version' in doc && typeof doc.version !== 'string')
            this.problem('$.version', `must be a string, got ${kind(doc.version)}`);
        if ('version' in doc && doc.version === '1_0')
            this.problem('$.version', 'version "1_0" is the v1 format, but the bundle uses Enterprise v2 keys');
        if (typeof doc.name === 'string' && doc.name === '')
            this.problem('$.name', 'must not be empty');
        const ruleSets = this.list(doc, 'rule_sets', '$', (p, path) => {
            this.keys(path, p, V2_SCHEMA.ruleSet.required, [...V2_SCHEMA.ruleSet.required, ...V2_SCHEMA.ruleSet.optional], true);
            if ('artifact_type' in p && p.artifact_type !== 'image')
                this.problem(`${path}.artifact_type`, `only "image" rule sets can be evaluated on an image, got ${JSON.stringify(p.artifact_type)}`);
            const rules = this.list(p, 'rules', path, (r, rp) => this.rule(r, rp, true));
            this.duplicates(rules, `${path}.rules`, (r) => r.id);
            return { id: str(p.id), name: str(p.name), ...optDescription(p), rules };
        });
        const allowlists = this.list(doc, 'allowlists', '$', (w, path) => {
            this.keys(path, w, V2_SCHEMA.allowlist.required, [...V2_SCHEMA.allowlist.required, ...V2_SCHEMA.allowlist.optional], true);
            const items = this.list(w, 'items', path, (i, ip) => this.item(i, ip, V2_SCHEMA.item, true));
            this.duplicates(items, `${path}.items`, (i) => i.id);
            return { id: str(w.id), name: str(w.name), ...optDescription(w), items };
        });
        const mappings = this.list(doc, 'mappings', '$', (m, path) => {
            const sel = this.selection(m, path, V2_SCHEMA.mapping, true);
            return { ...sel, rule_set_ids: this.stringList(m.rule_set_ids, `${path}.rule_set_ids`), allowlist_ids: this.stringList(m.allowlist_ids, `${path}.allowlist_ids`) };
        });
        const allowed = this.list(doc, 'allowlisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
        const denied = this.list(doc, 'denylisted_images', '$', (r, path) => this.selection(r, path, V2_SCHEMA.selection, true));
        if (Array.isArray(doc.source_mappings) && doc.source_mappings.length > 0)
            this.problem('$.source_mappings', 'source mappings evaluate source repositories, not images; remove them for an image gate');
        return this.finish(doc, ruleSets, allowlists, mappings, allowed, denied, 'rule_sets', 'allowlists', 'rule_set_ids', 'allowlist_ids', typeof doc.description === 'string' ? doc.description : undefined);
    }
    // ---- shared -----------------------------------------------------------------------------------------------
    finish(doc, ruleSets, allowlists, mappings, allowed, denied, rsKey, alKey, rsRef, alRef, description) {
        this.duplicates(ruleSets, `$.${rsKey}`, (r) => r.id);
        this.duplicates(allowlists, `$.${alKey}`, (a) => a.id);
        this.duplicates(mappings, '$.mappings', (m) => m.id);
        const rsIds = new Set(ruleSets.map((r) => r.id));
        const alIds = new Set(allowlists.map((a) => a.id));
        mappings.forEach((m, i) => {
            const raw = doc.mappings[i];
            const refKey = this.format === 'v1' && typeof raw === 'object' && raw !== null && 'policy_id' in raw ? 'policy_id' : rsRef;
            m.rule_set_ids.forEach((id, j) => {
                if (!rsIds.has(id))
                    this.problem(`$.mappings[${i}].${refKey}${refKey === 'policy_id' ? '' : `[${j}]`}`, `refers to ${rsKey === 'policies' ? 'policy' : 'rule set'} ${JSON.stringify(id)}, which is not in $.${rsKey}`);
            });
            m.allowlist_ids.forEach((id, j) => {
                if (!alIds.has(id))
                    this.problem(`$.mappings[${i}].${alRef}[${j}]`, `refers to ${alKey === 'whitelists' ? 'whitelist' : 'allowlist'} ${JSON.stringify(id)}, which is not in $.${alKey}`);
            });
        });
        if (this.problems.length > 0)
            return undefined;
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
    rule(r, path, strict) {
        const schema = strict ? V2_SCHEMA.rule : V1_SCHEMA.rule;
        this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
        if ('id' in r && typeof r.id !== 'string')
            this.problem(`${path}.id`, `must be a string, got ${kind(r.id)}`);
        const action = this.action(r.action, `${path}.action`);
        let gate;
        let triggerName = str(r.trigger).toLowerCase();
        if (typeof r.gate !== 'string') {
            if ('gate' in r)
                this.problem(`${path}.gate`, `must be a string, got ${kind(r.gate)}`);
        }
        else {
            gate = (0,list/* findGate */.Z)(r.gate);
            if (!gate) {
                const eol = EOL_GATES[r.gate.toLowerCase()];
                this.problem(`${path}.gate`, eol
                    ? `gate ${JSON.stringify(r.gate)} has been End-of-Lifed by Anchore${eol.supersededBy ? `; use the ${JSON.stringify(eol.supersededBy)} gate` : ''} (\`portcullis policy convert\` migrates 1.x policies)`
                    : `unknown gate ${JSON.stringify(r.gate)}; known gates: ${knownGates().join(', ')}`);
            }
        }
        const rawParams = {};
        const params = {};
        if (typeof r.trigger !== 'string') {
            if ('trigger' in r)
                this.problem(`${path}.trigger`, `must be a string, got ${kind(r.trigger)}`);
        }
        else if (gate) {
            const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, r.trigger);
            if (!trigger) {
                this.problem(`${path}.trigger`, `unknown trigger ${JSON.stringify(r.trigger)} for gate ${gate.name}; known triggers: ${gate.triggers.map((t) => t.name).join(', ')}`);
            }
            else {
                triggerName = trigger.name;
                const written = new Map();
                const paramsIn = r.params ?? [];
                if (!Array.isArray(paramsIn))
                    this.problem(`${path}.params`, `must be a list of {name, value}, got ${kind(paramsIn)}`);
                else {
                    paramsIn.forEach((p, i) => {
                        const pp = `${path}.params[${i}]`;
                        if (!isObj(p))
                            return this.problem(pp, `must be an object {name, value}, got ${kind(p)}`);
                        this.keys(pp, p, ['name', 'value'], ['name', 'value'], strict);
                        if (typeof p.name !== 'string')
                            return;
                        const spec = (0,policy_gate/* findParam */.tv)(trigger, p.name);
                        if (!spec) {
                            const names = trigger.params.map((s) => s.name);
                            return this.problem(`${pp}.name`, `unknown param ${JSON.stringify(p.name)} for ${gate.name}/${trigger.name}; ${names.length ? `known params: ${names.join(', ')}` : 'it takes no params'}`);
                        }
                        if (written.has(spec.name))
                            return this.problem(`${pp}.name`, `duplicate param ${JSON.stringify(spec.name)} (also at ${written.get(spec.name)})`);
                        written.set(spec.name, pp);
                        if ('value' in p)
                            rawParams[spec.name] = p.value;
                    });
                    for (const spec of trigger.params) {
                        const at = written.get(spec.name);
                        const value = rawParams[spec.name];
                        if (at === undefined || value === undefined) {
                            if (spec.required)
                                this.problem(`${path}.params`, `missing required param ${JSON.stringify(spec.name)} for ${gate.name}/${trigger.name}`);
                            else if (spec.default !== undefined)
                                params[spec.name] = (0,policy_params/* parseParamValue */.G5)(spec, spec.default);
                            continue;
                        }
                        const err = (0,policy_params/* checkParamValue */.H5)(spec, value, rawParams);
                        if (err)
                            this.problem(`${at}.value`, `param ${spec.name} ${err}`);
                        else
                            params[spec.name] = (0,policy_params/* parseParamValue */.G5)(spec, value);
                    }
                    for (const err of trigger.validate?.(rawParams) ?? [])
                        this.problem(`${path}.params`, err);
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
    action(value, path) {
        if (typeof value !== 'string' || !['go', 'warn', 'stop'].includes(value.toLowerCase())) {
            if (value !== undefined)
                this.problem(path, `must be one of GO, WARN, STOP, got ${JSON.stringify(value)}`);
            return undefined;
        }
        return value.toLowerCase();
    }
    item(i, path, schema, strict) {
        this.keys(path, i, schema.required, [...schema.required, ...schema.optional], strict);
        this.typed(i, path, ['id', 'gate', 'trigger_id', 'description', 'comment']);
        if (typeof i.gate === 'string' && !(0,list/* findGate */.Z)(i.gate) && !EOL_GATES[i.gate.toLowerCase()]) {
            this.problem(`${path}.gate`, `unknown gate ${JSON.stringify(i.gate)}; the item would never match`);
        }
        if (typeof i.trigger_id === 'string')
            this.pattern(i.trigger_id, `${path}.trigger_id`);
        let expires;
        if (i.expires_on !== undefined && i.expires_on !== null) {
            const raw = i.expires_on instanceof Date ? i.expires_on.toISOString() : i.expires_on;
            if (typeof raw !== 'string' || !EXPIRES_ON.test(raw) || Number.isNaN(Date.parse(raw))) {
                this.problem(`${path}.expires_on`, `must be an RFC 3339 date-time such as "2025-01-31T00:00:00Z", got ${JSON.stringify(raw)}`);
            }
            else
                expires = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw.replace(/:\d+$/, '')}Z`);
        }
        return {
            id: typeof i.id === 'string' ? i.id : '',
            gate: str(i.gate).toLowerCase(),
            trigger_id: str(i.trigger_id),
            ...(expires ? { expires_on: expires } : {}),
            ...optDescription(i),
        };
    }
    selection(r, path, schema, strict) {
        this.keys(path, r, schema.required, [...schema.required, ...schema.optional], strict);
        this.typed(r, path, ['id', 'name', 'registry', 'repository', 'description', 'comment']);
        for (const k of ['registry', 'repository'])
            if (typeof r[k] === 'string')
                this.pattern(r[k], `${path}.${k}`);
        let image = { type: 'tag', value: '*' };
        if ('image' in r) {
            if (!isObj(r.image))
                this.problem(`${path}.image`, `must be an object {type, value}, got ${kind(r.image)}`);
            else {
                this.keys(`${path}.image`, r.image, ['type', 'value'], ['type', 'value'], strict);
                const t = r.image.type;
                if (t !== undefined && !['tag', 'digest', 'id'].includes(t))
                    this.problem(`${path}.image.type`, `must be one of "tag", "digest", "id", got ${JSON.stringify(t)}`);
                if (r.image.value !== undefined && typeof r.image.value !== 'string')
                    this.problem(`${path}.image.value`, `must be a string, got ${kind(r.image.value)}`);
                else if (t === 'tag' && typeof r.image.value === 'string')
                    this.pattern(r.image.value, `${path}.image.value`);
                image = { type: t ?? 'tag', value: str(r.image.value) };
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
    pattern(value, path) {
        if (value.startsWith('regexp:')) {
            const err = (0,policy_params/* regexError */.ur)(value.slice('regexp:'.length));
            if (err)
                this.problem(path, `invalid regular expression after "regexp:": ${err}`);
        }
    }
    stringList(value, path) {
        if (value === undefined)
            return [];
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
    list(parent, key, path, each) {
        const value = parent[key];
        if (value === undefined || value === null)
            return [];
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
            if ('id' in item && typeof item.id !== 'string')
                this.problem(`${p}.id`, `must be a string, got ${kind(item.id)}`);
            return [each(item, p)];
        });
    }
    keys(path, obj, required, allowed, rejectUnknown) {
        for (const k of required)
            if (!(k in obj))
                this.problem(path, `missing required key ${JSON.stringify(k)}`);
        if (!rejectUnknown)
            return;
        for (const k of Object.keys(obj)) {
            if (!allowed.includes(k))
                this.problem(`${path}.${k}`, `unknown key ${JSON.stringify(k)} (Enterprise v2 objects allow no extra keys)`);
        }
    }
    typed(obj, path, keys) {
        for (const k of keys)
            if (k in obj && obj[k] !== null && typeof obj[k] !== 'string')
                this.problem(`${path}.${k}`, `must be a string, got ${kind(obj[k])}`);
    }
    duplicates(items, path, idOf) {
        const seen = new Map();
        items.forEach((item, i) => {
            const id = idOf(item);
            if (id === undefined || id === '')
                return;
            const first = seen.get(id);
            if (first !== undefined)
                this.problem(`${path}[${i}].id`, `duplicate id ${JSON.stringify(id)} (first at ${path}[${first}])`);
            else
                seen.set(id, i);
        });
    }
}
function knownGates() {
    return list/* GATES */.J.map((g) => g.name);
}
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function kind(v) {
    if (v === null)
        return 'null';
    if (v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
function str(v) {
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}
function optDescription(o) {
    const d = o.description ?? o.comment;
    return typeof d === 'string' ? { description: d } : {};
}


/***/ }),

/***/ 79975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ GATES),
  Z: () => (/* binding */ findGate)
});

;// CONCATENATED MODULE: ./src/policy/gates/always/always.ts
const alwaysGate = {
    name: 'always',
    description: 'Triggers that fire unconditionally if present in policy, useful for things like testing and blacklisting.',
    triggers: [
        {
            name: 'always',
            description: 'Fires if present in a policy being evaluated. Useful for things like blacklisting images or testing mappings and whitelists by using this trigger in combination with policy mapping rules.',
            params: [],
            evaluate: () => [{ message: 'Unconditional trigger match', triggerId: 'always' }],
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/compliance/compliance.ts
/**
 * A Portcullis extension (Anchore has no such gate): compliance checks of the image, such as the OpenSCAP runs of
 * `portcullis compliance oscap`, fed to the scan with `--compliance-summary FILE` or read from a store
 * (`--compliance-from-store`). Trigger ids are
 * `<check_type>+<result>` (`oscap+fail`, `oscap+error`, `oscap+missing`), so an allowlist can accept one.
 * Without compliance data in the context, `check_failed` and `check_error` cannot fire and say so in the evaluation
 * problems; `check_missing` fires.
 */
const PARAMS = [
    { name: 'check_type', description: 'The compliance check type, as the runtime-compliance API names it.', type: 'string', required: false, default: 'oscap', example: 'oscap' },
    {
        name: 'max_age_days',
        description: 'Only checks that ended within this many days count (by end_time, else start_time). All checks count when absent.',
        type: 'integer',
        required: false,
        example: '7',
    },
];
const DAY_MS = 86_400_000;
function checkTypeOf(run) {
    return String(run.params.check_type ?? 'oscap').trim().toLowerCase();
}
/** The checks of the wanted type and age, or undefined (with a problem) when the context has no compliance data. */
function relevantChecks(run, problemWhenAbsent) {
    const type = checkTypeOf(run);
    const all = run.ctx.compliance;
    if (!all) {
        if (problemWhenAbsent) {
            run.problem({
                problem_type: 'compliance_data_unavailable',
                details: 'no compliance check results were given to the scan (--compliance-summary FILE or --compliance-from-store), so this trigger cannot fire',
            });
        }
        return undefined;
    }
    const ofType = all.filter((c) => c.check_type.trim().toLowerCase() === type);
    const maxAge = run.params.max_age_days;
    if (maxAge === undefined)
        return ofType;
    const oldest = run.ctx.now.getTime() - maxAge * DAY_MS;
    const out = [];
    let stale = 0;
    for (const c of ofType) {
        const when = c.end_time ?? c.start_time;
        const t = when === undefined ? NaN : Date.parse(when);
        if (Number.isNaN(t)) {
            run.problem({ problem_type: 'compliance_check_time_unknown', details: `the ${type} check from ${c.source} has no valid end_time or start_time and was not counted (max_age_days=${maxAge})` });
        }
        else if (t < oldest)
            stale++;
        else
            out.push(c);
    }
    if (stale > 0) {
        run.problem({ severity: 'info', problem_type: 'compliance_check_stale', details: `${stale} ${type} check(s) older than ${maxAge} day(s) were not counted` });
    }
    return out;
}
function describeCheck(c) {
    const when = c.end_time ?? c.start_time;
    return `source=${c.source}${when ? ` time=${when}` : ''}`;
}
function resultTrigger(name, description, matches, verb) {
    return {
        name,
        description,
        params: PARAMS,
        evaluate: (run) => {
            const checks = relevantChecks(run, true);
            if (!checks)
                return [];
            const type = checkTypeOf(run);
            if (checks.length === 0) {
                run.problem({ severity: 'info', problem_type: 'compliance_check_missing', details: `no ${type} check was found, so this trigger cannot fire (check_missing fires for that)` });
                return [];
            }
            return checks
                .filter((c) => matches(c.result.trim().toLowerCase()))
                .map((c) => {
                const result = c.result.trim().toLowerCase();
                return { message: `Compliance check ${verb}: check_type=${type} result=${result} ${describeCheck(c)}`, triggerId: `${type}+${result}` };
            });
        },
    };
}
const complianceGate = {
    name: 'compliance',
    description: 'Portcullis extension: checks the results of compliance checks (such as OpenSCAP) run on the image',
    triggers: [
        resultTrigger('check_failed', 'Triggers for each compliance check of the given type whose result is fail.', (r) => r === 'fail', 'failed'),
        {
            name: 'check_missing',
            description: 'Triggers if no compliance check of the given type (within max_age_days, when given) was found for the image.',
            params: PARAMS,
            evaluate: (run) => {
                const checks = relevantChecks(run, false);
                if (checks && checks.length > 0)
                    return [];
                const type = checkTypeOf(run);
                const age = run.params.max_age_days;
                return [{ message: `No ${type} compliance check found for the image${age === undefined ? '' : ` within the last ${age} day(s)`}`, triggerId: `${type}+missing` }];
            },
        },
        resultTrigger('check_error', 'Triggers for each compliance check of the given type that did not complete: result error (nothing was checked, or the checker failed) or any result other than pass or fail.', (r) => r !== 'pass' && r !== 'fail', 'did not complete'),
    ],
};

;// CONCATENATED MODULE: ./src/policy/context.ts
const memos = new WeakMap();
/** Computes a derived value once per context (a parsed Dockerfile, the passwd entries). */
function memo(ctx, key, compute) {
    let m = memos.get(ctx);
    if (!m)
        memos.set(ctx, (m = new Map()));
    if (!m.has(key))
        m.set(key, compute());
    return m.get(key);
}

// EXTERNAL MODULE: ./src/policy/params.ts
var policy_params = __webpack_require__(76734);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/policy/gates/dockerfile/parse.ts

/**
 * Parses an actual Dockerfile with the maintained `dockerfile-ast` parser. The arguments are joined as Anchore
 * joins them (anchore-engine gates/dockerfile.py `DockerfileGate.prepare_context`): each physical line stripped,
 * comment lines dropped, a trailing backslash removed, the pieces concatenated; so messages, and their md5 ids,
 * are Anchore's (`apt-get update && apt-get install` for a line continued after `update \`).
 */
function parseDockerfile(text) {
    const df = main.DockerfileParser.parse(text);
    const physical = text.split(/\r?\n/);
    return df.getInstructions().map((i) => {
        const { start, end } = i.getRange();
        const keyword = i.getKeyword();
        return { directive: keyword.toUpperCase(), args: anchoreJoin(physical.slice(start.line, end.line + 1), keyword), line: start.line + 1 };
    });
}
function anchoreJoin(lines, keyword) {
    let buf = '';
    for (const raw of lines) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        buf += line.endsWith('\\') ? line.slice(0, -1) : line;
    }
    const at = buf.toUpperCase().startsWith(keyword.toUpperCase()) ? keyword.length : 0;
    return buf.slice(at).trim();
}
const DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'];
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const SHELL_RUN = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/s;
/**
 * Rebuilds a Dockerfile from the image history, as Anchore's "guessed" mode does: it starts with `FROM scratch`
 * (the history does not record the base image; anchore-engine `anchore_engine/util/docker.py`
 * `_infer_dockerfile`), `#(nop)` entries give their directive, BuildKit entries start with it, and any other
 * command is a RUN. Instructions that leave no history but are in the image config (USER, EXPOSE, HEALTHCHECK)
 * are added from it. An image always has a guessed Dockerfile, as in Anchore.
 */
function guessDockerfile(image) {
    const history = image.config.history ?? [];
    const lines = [{ directive: 'FROM', args: 'scratch' }];
    for (const h of history) {
        const createdBy = h.created_by?.trim();
        if (!createdBy)
            continue;
        const l = guessLine(createdBy);
        if (l)
            lines.push(l);
    }
    const cfg = image.config.config ?? {};
    const has = (d) => lines.some((l) => l.directive === d);
    if (cfg.User && !has('USER'))
        lines.push({ directive: 'USER', args: cfg.User });
    const ports = Object.keys(cfg.ExposedPorts ?? {});
    if (ports.length > 0 && !has('EXPOSE'))
        lines.push({ directive: 'EXPOSE', args: ports.join(' ') });
    if (cfg.Healthcheck && !has('HEALTHCHECK')) {
        const test = cfg.Healthcheck.Test ?? [];
        lines.push({ directive: 'HEALTHCHECK', args: test[0] === 'NONE' ? 'NONE' : `CMD ${test.slice(1).join(' ')}` });
    }
    return { mode: 'guessed', lines };
}
function guessLine(createdBy) {
    let s = createdBy.replace(/\s+# buildkit$/, '');
    if (NOP.test(s))
        s = s.replace(NOP, '');
    else {
        const run = SHELL_RUN.exec(s);
        if (run)
            return { directive: 'RUN', args: run[1].trim() };
    }
    const m = /^([A-Z]+)(?:\s+(.*))?$/s.exec(s);
    if (m && DIRECTIVES.includes(m[1])) {
        let args = (m[2] ?? '').trim();
        if (m[1] === 'RUN')
            args = SHELL_RUN.exec(args)?.[1]?.trim() ?? args.replace(/^\|\d+ (?:\S+=\S* )*/, '');
        if (m[1] === 'EXPOSE')
            args = args.replace(/^map\[(.*)\]$/, '$1').replace(/:\{\}/g, '');
        return { directive: m[1], args };
    }
    return { directive: 'RUN', args: s };
}
/** The Dockerfile the gates see: the actual one when given, otherwise the guessed one. */
function dockerfileFor(image, actual) {
    if (actual !== undefined)
        return { mode: 'actual', lines: parseDockerfile(actual) };
    return guessDockerfile(image);
}

;// CONCATENATED MODULE: ./src/policy/gates/dockerfile/dockerfile.ts



const dockerfile_DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'];
const CHECKS = ['=', '!=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'];
const NEEDS_VALUE = new Set(['=', '!=', 'like', 'not_like', 'in', 'not_in']);
const actualOnly = {
    name: 'actual_dockerfile_only',
    description: 'Only evaluate against a user-provided dockerfile, skip evaluation on inferred/guessed dockerfiles. Default is False.',
    type: 'boolean',
    required: false,
    default: 'false',
    example: 'true',
};
const listType = {
    name: 'type',
    description: 'Whether the list is an allowed list (whitelist) or a denied list (blacklist). The v2 words allowlist and denylist are accepted.',
    type: 'enum',
    required: true,
    allowed: ['whitelist', 'blacklist', 'allowlist', 'denylist'],
    example: 'blacklist',
};
/** The Dockerfile in use for this evaluation, parsed once. */
function dockerfileOf(run) {
    return memo(run.ctx, 'dockerfile', () => dockerfileFor(run.ctx.image, run.ctx.dockerfile?.text));
}
/** Whether a trigger should look at this Dockerfile; reports why not when it cannot. */
function usable(run, actualOnlyParam) {
    const df = dockerfileOf(run);
    if (df.mode === 'unknown') {
        run.problem({ problem_type: 'dockerfile_unavailable', details: 'no Dockerfile was given and none could be reconstructed from the image history; the trigger cannot fire' });
        return undefined;
    }
    if (actualOnlyParam && df.mode !== 'actual')
        return undefined;
    return df;
}
const isDenied = (t) => t === 'blacklist' || t === 'denylist';
/**
 * The user of a USER line: Anchore's `\s*USER\s+\[?([^\]]+)\]?\s*` strips brackets (`USER [app]` is `app`;
 * anchore-engine tests/integration/.../gates/test_dockerfile.py). Unlike Anchore, a `:group` part is dropped,
 * so `USER root:root` is root. No USER line: root.
 */
function effectiveUser(args) {
    const bare = (args ?? 'root').trim().replace(/^\[([^\]]+)\]$/, '$1');
    return bare.split(':')[0].trim() || 'root';
}
const dockerfileGate = {
    name: 'dockerfile',
    description: 'Checks against the content of a dockerfile if provided, or a guessed dockerfile based on docker layer history if the dockerfile is not provided.',
    triggers: [
        {
            name: 'instruction',
            description: 'Triggers if any directives in the list are found to match the described condition in the dockerfile.',
            params: [
                actualOnly,
                {
                    name: 'instruction',
                    description: 'The Dockerfile instruction to check. Anchore accepts upper case only; Portcullis accepts any case (its own documented example `from` fails in Anchore).',
                    type: 'enum',
                    required: true,
                    allowed: dockerfile_DIRECTIVES,
                    caseInsensitive: true,
                    example: 'FROM',
                },
                { name: 'check', description: 'The type of check to perform.', type: 'enum', required: true, allowed: CHECKS, example: '=' },
                { name: 'value', description: 'The value to check the dockerfile instruction against (a regex for like / not_like, a comma list for in / not_in).', type: 'string', required: false, example: 'scratch' },
            ],
            evaluate: (run) => {
                const df = usable(run, run.params.actual_dockerfile_only === true);
                if (!df)
                    return [];
                const directive = run.params.instruction;
                const check = run.params.check;
                const value = run.params.value;
                // Anchore loads a rule whose check needs a value without one, and it never fires (gates/dockerfile.py).
                if (NEEDS_VALUE.has(check) && value === undefined) {
                    run.problem({ problem_type: 'missing_param', details: `check ${check} needs a value; the rule cannot fire` });
                    return [];
                }
                const lines = df.lines.filter((l) => l.directive === directive);
                if (check === 'not_exists') {
                    return lines.length === 0 ? [{ message: `Dockerfile directive '${directive}' not found, matching condition 'not_exists' check` }] : [];
                }
                const list = () => (value ?? '').split(',').map((s) => s.trim());
                const hit = (args) => {
                    switch (check) {
                        case 'exists':
                            return true;
                        case '=':
                            return args === value;
                        case '!=':
                            return args !== value;
                        case 'like':
                            return (0,policy_params/* reMatch */.$D)(value ?? '', args);
                        case 'not_like':
                            return !(0,policy_params/* reMatch */.$D)(value ?? '', args);
                        case 'in':
                            return list().includes(args);
                        case 'not_in':
                            return !list().includes(args);
                        default:
                            return false;
                    }
                };
                return lines
                    .filter((l) => hit(l.args))
                    .map((l) => ({
                    message: `Dockerfile directive '${directive}' check '${check}' matched against '${value ?? ''}' for line '${l.args}'`,
                    ...(df.mode === 'actual' && l.line ? { location: { line: l.line } } : {}),
                }));
            },
        },
        {
            name: 'effective_user',
            description: 'Checks if the effective user matches the provided user names, either as a whitelist or blacklist depending on the type parameter setting.',
            params: [{ name: 'users', description: 'User names to check against as the effective user (last user entry) in the images history.', type: 'string-list', required: true, example: 'root,docker' }, listType],
            evaluate: (run) => {
                const df = usable(run, false);
                if (!df)
                    return [];
                const userLines = df.lines.filter((l) => l.directive === 'USER');
                const last = userLines[userLines.length - 1];
                const user = effectiveUser(last?.args);
                const users = run.params.users;
                const location = df.mode === 'actual' && last?.line ? { location: { line: last.line } } : {};
                if (isDenied(run.params.type))
                    return users.includes(user) ? [{ message: `User ${user} found as effective user, which is explicity not allowed`, ...location }] : [];
                return users.includes(user) ? [] : [{ message: `User ${user} found as effective user, which is not on the allowed list`, ...location }];
            },
        },
        {
            name: 'exposed_ports',
            description: 'Evaluates the set of ports exposed. Allows configuring whitelist or blacklist behavior. If type=whitelist, then any ports found exposed that are not in the list will cause the trigger to fire. If type=blacklist, then any ports exposed that are in the list will cause the trigger to fire.',
            params: [actualOnly, { name: 'ports', description: 'List of port numbers.', type: 'integer-list', required: true, example: '80,8080,8088' }, listType],
            evaluate: (run) => {
                const df = usable(run, run.params.actual_dockerfile_only === true);
                if (!df)
                    return [];
                // Anchore (gates/dockerfile.py ExposedPortsTrigger) works per EXPOSE line on its tokens as written: a listed
                // port matches `p`, `p/tcp` or `p/udp`, and the message names the token (`22/tcp`).
                const ports = run.params.ports.map(String);
                const denied = isDenied(run.params.type);
                const out = [];
                for (const l of df.lines.filter((x) => x.directive === 'EXPOSE')) {
                    const tokens = l.args.split(/\s+/).filter(Boolean);
                    const at = df.mode === 'actual' && l.line ? { location: { line: l.line } } : {};
                    if (denied) {
                        for (const p of ports) {
                            const token = [p, `${p}/tcp`, `${p}/udp`].find((t) => tokens.includes(t));
                            if (token)
                                out.push({ message: `Dockerfile exposes port (${token}) which is in policy file DENIEDPORTS list`, ...at });
                        }
                    }
                    else {
                        for (const token of tokens.filter((t) => !ports.some((p) => t === p || t === `${p}/tcp` || t === `${p}/udp`))) {
                            out.push({ message: `Dockerfile exposes port (${token}) which is not in policy file ALLOWEDPORTS list`, ...at });
                        }
                    }
                }
                return out;
            },
        },
        {
            name: 'no_dockerfile_provided',
            description: 'Triggers if anchore analysis was performed without supplying the actual image Dockerfile.',
            params: [],
            evaluate: (run) => (dockerfileOf(run).mode === 'actual' ? [] : [{ message: 'Image was not analyzed with an actual Dockerfile' }]),
        },
    ],
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/policy/gates/content-scan.ts

/**
 * The default secret regexes (a private key needs its base64 body: programs such as libssh2 carry the bare header), under Anchore's default names. Anchore leaves their text to the analyzer config;
 * these are Portcullis's own, documented in policies/README.md.
 */
const DEFAULT_SECRET_REGEXES = [
    { name: 'AWS_ACCESS_KEY', regex: '(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])' },
    { name: 'AWS_SECRET_KEY', regex: '(?i)aws_?secret_?access_?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])' },
    { name: 'PRIV_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
    { name: 'DOCKER_AUTH', regex: '"auths"\\s*:\\s*\\{[\\s\\S]*?"auth"\\s*:\\s*"[A-Za-z0-9+/=]{8,}"' },
    { name: 'API_KEY', regex: '(?i)api[-_]?key["\']?\\s*[:=]+\\s*["\']?[A-Za-z0-9_\\-]{20,60}(?![A-Za-z0-9_\\-])' },
];
/**
 * Anchore's default `secret_search` entries, as its analyzer config writes them (anchore-engine
 * `anchore_engine/conf/analyzer_config.yaml`). Findings quote these texts (`regexp=NAME=<regex>`) so that their
 * md5 trigger ids are Anchore's; detection uses the regexes above, under the same names (policies/README.md).
 */
const ANCHORE_SECRET_SEARCH = {
    AWS_ACCESS_KEY: '(?i).*aws_access_key_id( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9]).*',
    AWS_SECRET_KEY: '(?i).*aws_secret_access_key( *=+ *).*(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=]).*',
    PRIV_KEY: '(?i)-+BEGIN(.*)PRIVATE KEY-+',
    DOCKER_AUTH: '(?i).*"auth": *".+"',
    API_KEY: '(?i).*api(-|_)key( *=+ *).*(?<![A-Z0-9])[A-Z0-9]{20,60}(?![A-Z0-9]).*',
};
/** The default content-search regexes of the files gate (Anchore ships none enabled). */
const DEFAULT_CONTENT_REGEXES = [
    { name: 'PASSWORD_ASSIGNMENT', regex: '(?i)(?:password|passwd|pwd)\\s*[:=]\\s*["\']?[^\\s"\']{4,}' },
    { name: 'PRIVATE_KEY', regex: '-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}' },
    { name: 'URL_WITH_CREDENTIALS', regex: '\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s:@]+@' },
];
/** Files larger than this are not searched (documented default). */
const CONTENT_SCAN_MAX_BYTES = 1024 * 1024;
const SKIPPED = /^\/(?:proc|sys|dev)\//;
/**
 * A request that streams every regular file up to the cap through the regexes during the image pass; the
 * content is not kept. Each file's result is the list of regex names that matched.
 */
function contentScanRequest(id, regexes, maxBytes = CONTENT_SCAN_MAX_BYTES) {
    const compiled = regexes.map((r) => ({ name: r.name, re: withFlags((0,policy_params/* compileRegex */.DL)(r.regex), 'm') }));
    return {
        id,
        filter: (path, e) => e.type === 'file' && e.size > 0 && e.size <= maxBytes && !SKIPPED.test(path),
        sink: () => {
            const chunks = [];
            let size = 0;
            return {
                write(chunk) {
                    if (size < maxBytes)
                        chunks.push(chunk);
                    size += chunk.length;
                },
                end() {
                    const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('latin1');
                    return compiled.filter((c) => c.re.test(text)).map((c) => c.name);
                },
            };
        },
    };
}
/** The files whose content matched, with the names that matched, sorted by path. */
function contentScanResults(files, id) {
    const out = [];
    for (const path of files.capturedPaths()) {
        const r = files.sinkResult(id, path);
        if (Array.isArray(r) && r.length > 0)
            out.push({ path, names: r });
    }
    return out;
}
function withFlags(re, extra) {
    return new RegExp(re.source, [...new Set((re.flags + extra).split(''))].join(''));
}

;// CONCATENATED MODULE: ./src/policy/gates/files/files.ts



const CONTENT_SEARCH_REQUEST_ID = 'gate/files/content_search';
const checksumRequestId = (filename) => `gate/files/checksum:${filename}`;
/** The content-search regexes: the defaults, plus a rule's `regex_name` when it is not a default name. */
function contentRegexes(extra) {
    const out = [...DEFAULT_CONTENT_REGEXES];
    if (extra !== undefined && !out.some((r) => r.name === extra) && (0,policy_params/* regexError */.ur)(extra) === undefined)
        out.push({ name: extra, regex: extra });
    return out;
}
function sha256Request(filename) {
    return {
        id: checksumRequestId(filename),
        paths: [filename],
        sink: () => {
            const h = (0,external_node_crypto_.createHash)('sha256');
            return { write: (c) => void h.update(c), end: () => h.digest('hex') };
        },
    };
}
/** Python's oct(): `0o777`. */
const pyOct = (mode) => `0o${mode.toString(8)}`;
const filesGate = {
    name: 'files',
    description: 'Checks against files in the analyzed image including file content, file names, and filesystem attributes.',
    triggers: [
        {
            name: 'content_regex_match',
            description: 'Triggers for each file where the content search analyzer has found a match using configured regexes in the analyzer_config.yaml "content_search" section. If the parameter is set, the trigger will only fire for files that matched the named regex. Refer to your analyzer_config.yaml for the regex values.',
            params: [
                {
                    name: 'regex_name',
                    description: `Regex string that also appears in the FILECHECK_CONTENTMATCH analyzer parameter in analyzer configuration, to limit the check to. If set, will only fire trigger when the specific named regex was found in a file. Default names: ${DEFAULT_CONTENT_REGEXES.map((r) => r.name).join(', ')}; any other value is searched for as a regex.`,
                    type: 'string',
                    required: false,
                    regex: true,
                    example: '.*password.*',
                },
            ],
            // One shared scan: every rule's extra regex joins the same request.
            requests: (params) => [contentScanRequest(`${CONTENT_SEARCH_REQUEST_ID}:${params.regex_name ?? ''}`, contentRegexes(params.regex_name))],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
                    return [];
                }
                const name = params.regex_name;
                const regexes = contentRegexes(name);
                if (name !== undefined && !regexes.some((r) => r.name === name)) {
                    // Anchore compares regex_name with the configured names and regexes as strings; this one is neither.
                    problem({ problem_type: 'unknown_regex_name', details: `regex_name ${JSON.stringify(name)} is not a configured content regex name and does not compile as a regex (${(0,policy_params/* regexError */.ur)(name)}); it matches nothing` });
                    return [];
                }
                return contentScanResults(ctx.files, `${CONTENT_SEARCH_REQUEST_ID}:${name ?? ''}`).flatMap((h) => h.names
                    .filter((n) => name === undefined || n === name)
                    .map((n) => {
                    const r = regexes.find((x) => x.name === n);
                    const decoded = r.name === r.regex ? r.regex : `${r.name}=${r.regex}`;
                    return { message: `File content analyzer found regexp match in container: file=${h.path} regexp=${decoded}`, location: { path: h.path } };
                }));
            },
        },
        {
            name: 'name_match',
            description: 'Triggers if a file exists in the container that has a filename that matches the provided regex. This does have a performance impact on policy evaluation.',
            params: [{ name: 'regex', description: 'Regex to apply to file names for match.', type: 'string', required: true, regex: true, example: '.*\\.pem' }],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const regex = params.regex;
                return ctx.files
                    .list()
                    .filter((e) => (0,policy_params/* reMatch */.$D)(regex, e.path))
                    .map((e) => ({ message: `Application of regex matched file found in container: file=${e.path} regexp=${regex}`, location: { path: e.path } }));
            },
        },
        {
            name: 'attribute_match',
            description: 'Triggers if a filename exists in the container that has attributes that match those which are provided . This check has a performance impact on policy evaluation.',
            params: [
                { name: 'filename', description: 'Filename to check against provided checksum.', type: 'string', required: true, example: '/etc/passwd' },
                { name: 'checksum_algorithm', description: 'Checksum algorithm', type: 'enum', required: false, allowed: ['sha256'], default: 'sha256', example: 'sha256' },
                { name: 'checksum', description: 'Checksum of file.', type: 'string', required: false, example: '832cd0f75b227d13aac82b1f70b7f90191a4186c151f9db50851d209c45ede11' },
                { name: 'checksum_match', description: 'Checksum operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
                {
                    name: 'mode',
                    description: 'File mode of file (octal).',
                    type: 'string',
                    required: false,
                    example: '00644',
                    validate: (v) => (/^[0-7]{1,6}$/.test(v.trim()) ? undefined : `must be an octal file mode such as 00644, got ${JSON.stringify(v)}`),
                },
                { name: 'mode_op', description: 'File mode operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
                { name: 'skip_missing', description: 'If set to true, do not fire this trigger if the file is not present. If set to false, fire this trigger ignoring the other parameter settings.', type: 'boolean', required: false, default: 'true', example: 'true' },
            ],
            requests: (params) => (typeof params.checksum === 'string' ? [sha256Request(params.filename)] : []),
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const filename = params.filename;
                const entry = ctx.files.get(filename, { follow: true });
                // Anchore's texts (anchore-engine gates/files.py FileAttributeMatchTrigger, asserted in tests/unit/.../gates/test_files.py).
                if (!entry)
                    return params.skip_missing ? [] : [{ message: `filename=${filename} and skip_missing=False`, location: { path: filename } }];
                const parts = [`filename=${filename}`];
                if (typeof params.checksum === 'string') {
                    const resolved = ctx.files.resolve(filename, { follow: true }) ?? filename;
                    let actual = ctx.files.sinkResult(checksumRequestId(filename), resolved) ?? ctx.files.sinkResult(checksumRequestId(filename), filename);
                    if (typeof actual !== 'string') {
                        const r = ctx.files.read(filename);
                        actual = r.ok ? (0,external_node_crypto_.createHash)('sha256').update(r.data).digest('hex') : undefined;
                    }
                    if (typeof actual !== 'string') {
                        problem({ problem_type: 'file_content_unavailable', details: `the content of ${filename} was not captured; its checksum cannot be checked` });
                        return [];
                    }
                    const equal = actual.toLowerCase() === params.checksum.toLowerCase();
                    if (equal !== (params.checksum_match === 'equals'))
                        return [];
                    parts.push(`and checksum=${actual} op=${params.checksum_match} specified_checksum=${params.checksum}`);
                }
                if (typeof params.mode === 'string') {
                    const want = Number.parseInt(params.mode, 8) & 0o7777;
                    const equal = (entry.mode & 0o7777) === want;
                    if (equal !== (params.mode_op === 'equals'))
                        return [];
                    parts.push(`and mode=${pyOct(entry.mode & 0o7777)} op=${params.mode_op} specified_mode=${pyOct(want)}`);
                }
                // Neither a checksum nor a mode to compare: nothing to report, as in Anchore.
                if (parts.length === 1)
                    return [];
                return [{ message: parts.join(' '), location: { path: filename } }];
            },
        },
        {
            name: 'suid_or_guid_set',
            description: 'Fires for each file found to have suid or sgid bit set.',
            params: [],
            evaluate: ({ ctx, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                return ctx.files
                    .list()
                    .filter((e) => e.type !== 'symlink' && (e.mode & 0o6000) !== 0)
                    .map((e) => ({ message: `SUID or SGID found set on file ${e.path}. Mode: 0o${(e.mode & 0o7777).toString(8)}`, location: { path: e.path } }));
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/licenses/licenses.ts
/**
 * The licence names Anchore's gate compares: the package's licence field split on whitespace
 * (anchore-engine `gates/licenses.py` `LicensesGate.prepare_context`: `pkg.license.split()`), from the names as
 * the package writes them (`declaredLicenses`: Debian's `GPL-2+`, `BSD-2-clause`) where the catalog mapped them to
 * SPDX. Each name once per package.
 */
function declaredLicenseNames(p) {
    return [...new Set((p.declaredLicenses ?? p.licenses).flatMap((l) => l.split(/\s+/)).filter((l) => l !== ''))];
}
/** The SPDX licence strings of a package, plus each identifier inside an SPDX expression (`MIT OR GPL-2.0-only`). */
function licenseTerms(p) {
    const out = new Set();
    for (const l of p.licenses) {
        out.add(l);
        for (const id of l.replace(/[()]/g, ' ').split(/\s+(?:AND|OR|WITH)\s+|\s+/))
            if (id && !['AND', 'OR', 'WITH'].includes(id))
                out.add(id);
    }
    return [...out];
}
/** Names as written first, then (with `match_spdx`) the SPDX forms not already among them. */
function namesOf(p, spdx) {
    const names = declaredLicenseNames(p);
    if (!spdx)
        return names;
    return [...new Set([...names, ...licenseTerms(p)])];
}
/** `pkg(lic)` for every (package, licence, wanted value) that hits, in that order, as Anchore lists them. */
function offenders(pkgs, spdx, wanted, hit, perValue) {
    const out = [];
    for (const p of pkgs) {
        for (const l of namesOf(p, spdx)) {
            if (perValue)
                for (const w of wanted)
                    if (hit(l, w))
                        out.push(`${p.name}(${l})`);
            if (!perValue && wanted.some((w) => hit(l, w)))
                out.push(`${p.name}(${l})`);
        }
    }
    return out;
}
const matchSpdx = {
    name: 'match_spdx',
    description: 'Portcullis extension (not in Anchore): also match the SPDX form of each licence (GPL-2.0-or-later for Debian\'s GPL-2+) and each id inside an SPDX expression. Default false: licences are matched as the package writes them, as Anchore does.',
    type: 'boolean',
    required: false,
    default: 'false',
    example: 'true',
};
const licensesGate = {
    name: 'licenses',
    description: 'License checks against found software licenses in the container image',
    triggers: [
        {
            name: 'blacklist_exact_match',
            aliases: ['denylist_exact_match'],
            description: 'Triggers if the evaluated image has a package installed with software distributed under the specified (exact match) license(s).',
            params: [{ name: 'licenses', description: 'List of license names to blacklist exactly.', type: 'string-list', required: true, example: 'GPLv2+,GPL-3+,BSD-2-clause' }, matchSpdx],
            evaluate: ({ ctx, params }) => {
                const found = offenders(ctx.packages, params.match_spdx === true, params.licenses, (l, w) => l === w, false);
                return found.length > 0 ? [{ message: `LICFULLMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
            },
        },
        {
            name: 'blacklist_partial_match',
            aliases: ['denylist_partial_match'],
            description: 'triggers if the evaluated image has a package installed with software distributed under the specified (substring match) license(s)',
            params: [{ name: 'licenses', description: 'List of strings to do substring match for blacklist.', type: 'string-list', required: true, example: 'LGPL,BSD' }, matchSpdx],
            evaluate: ({ ctx, params }) => {
                // One entry per matching value, as Anchore's loop over the values does.
                const found = offenders(ctx.packages, params.match_spdx === true, params.licenses, (l, w) => l.includes(w), true);
                return found.length > 0 ? [{ message: `LICSUBMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/malware/malware.ts

/**
 * Portcullis runs no malware scanner itself. A scan result can be put in the context (`ctx.malware`); without one,
 * `scans` cannot fire and says so in the evaluation problems, and `scan_not_run` fires.
 */
const malwareGate = {
    name: 'malware',
    description: 'Checks for malware scan findings in the image',
    triggers: [
        {
            name: 'scans',
            description: 'Triggers if any malware scanner has found any matches in the image.',
            params: [],
            evaluate: ({ ctx, problem }) => {
                if (!ctx.malware) {
                    problem({ problem_type: 'malware_scan_unavailable', details: 'no malware scanner ran on this image, so this trigger cannot fire' });
                    return [];
                }
                const scanner = ctx.malware.scanner;
                return ctx.malware.findings.map((f) => ({
                    message: `Malware scan finding: scanner=${scanner} file=${f.path} signature=${f.signature}`,
                    triggerId: `${scanner}+${f.signature}+${md5(f.path)}`,
                }));
            },
        },
        {
            name: 'scan_not_run',
            description: 'Triggers if no malware scan has been run on the image.',
            params: [],
            evaluate: ({ ctx }) => (ctx.malware ? [] : [{ message: 'No malware scans found for image' }]),
        },
    ],
};
function md5(s) {
    return (0,external_node_crypto_.createHash)('md5').update(s).digest('hex');
}

// EXTERNAL MODULE: ./src/policy/gates/metadata/metadata.ts
var metadata = __webpack_require__(68402);
// EXTERNAL MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts + 1 modules
var vulnerabilities = __webpack_require__(41589);
;// CONCATENATED MODULE: ./src/policy/gates/feed-gate.ts

/** Installed versions by package name, in catalog order, each once (Anchore's name → versions listing). */
function listing(pkgs) {
    const out = new Map();
    for (const p of pkgs) {
        const versions = out.get(p.name) ?? [];
        if (!versions.includes(p.version))
            versions.push(p.version);
        out.set(p.name, versions);
    }
    return out;
}
function feedGate(spec) {
    const pkgs = (run) => run.ctx.packages.filter((p) => p.type === spec.packageType);
    const feed = (run) => {
        const f = run.ctx.feeds?.[spec.feedKey];
        if (!f)
            run.problem({ problem_type: 'feed_unavailable', details: `no ${spec.label.toLowerCase()} feed data is available; the trigger cannot fire` });
        return f;
    };
    const P = spec.label;
    return {
        name: spec.gate,
        description: spec.description,
        triggers: [
            {
                name: spec.names.newer,
                description: spec.descriptions.newer,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run))].flatMap(([name, versions]) => {
                        const latest = f.latest(name);
                        if (latest === undefined)
                            return [];
                        return versions.filter((v) => v !== latest).map((v) => ({ message: `${spec.notLatestPrefix}Package (${name}) version (${v}) installed but is not the latest version (${latest})` }));
                    });
                },
            },
            {
                name: spec.names.notFound,
                description: spec.descriptions.notFound,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run)).keys()].flatMap((name) => (f.versions(name) === undefined ? [{ message: `${P}NOTOFFICIAL Package (${name}) in container but not in official ${P} feed.` }] : []));
                },
            },
            {
                name: spec.names.badVersion,
                description: spec.descriptions.badVersion,
                params: [],
                evaluate: (run) => {
                    const f = feed(run);
                    if (!f)
                        return [];
                    return [...listing(pkgs(run))].flatMap(([name, installed]) => {
                        const versions = f.versions(name);
                        if (versions === undefined)
                            return [];
                        // The feed's versions as a Python list repr, as Anchore formats them.
                        return installed.filter((v) => !versions.includes(v)).map((v) => ({ message: `${P}BADVERSION Package (${name}) version (${v}) installed but version is not in the official feed for this package (${(0,vulnerabilities/* pyList */._r)(versions)})` }));
                    });
                },
            },
            {
                name: spec.names.deny,
                aliases: [spec.names.denyV2],
                description: spec.descriptions.deny,
                params: [
                    { name: 'name', description: `${P} package name to blacklist.`, type: 'string', required: true, example: 'time_diff' },
                    { name: 'version', description: `${P} package version to blacklist specifically.`, type: 'string', required: false, example: '0.2.9' },
                ],
                evaluate: (run) => {
                    const name = run.params.name;
                    const version = run.params.version;
                    // Once per rule, as Anchore's blacklist triggers fire (gems.py BlacklistedGemTrigger, npms.py PkgMatchTrigger).
                    const installed = listing(pkgs(run)).get(name);
                    if (!installed)
                        return [];
                    if (version === undefined)
                        return [{ message: `${spec.denyPrefix}${name}` }];
                    return installed.includes(version) ? [{ message: `${spec.denyPrefix}${name}-${version}` }] : [];
                },
            },
            {
                name: spec.names.unavailable,
                description: spec.descriptions.unavailable,
                params: [],
                evaluate: (run) => (run.ctx.feeds?.[spec.feedKey] || pkgs(run).length === 0 ? [] : [{ message: spec.unavailableMessage }]),
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/policy/gates/npms/npms.ts

const npmsGate = feedGate({
    gate: 'npms',
    description: 'NPM Checks',
    packageType: 'npm',
    feedKey: 'npm',
    label: 'NPM',
    names: { newer: 'newer_version_in_feed', notFound: 'unknown_in_feeds', badVersion: 'version_not_in_feeds', deny: 'blacklisted_name_version', denyV2: 'denylisted_name_version', unavailable: 'feed_data_unavailable' },
    descriptions: {
        newer: 'Triggers if an installed NPM is not the latest version according to NPM data feed.',
        notFound: 'Triggers if an installed NPM is not in the official NPM database, according to NPM data feed.',
        badVersion: 'Triggers if an installed NPM version is not listed in the official NPM feed as a valid version.',
        deny: 'Triggers if the evaluated image has an NPM package installed that matches the name and optionally a version specified in the parameters.',
        unavailable: 'Triggers if the engine does not have access to the NPM data feed.',
    },
    notLatestPrefix: 'NPMNOTLATEST ',
    denyPrefix: 'NPM Package is blacklisted: ',
    unavailableMessage: 'NPM packages are present but the anchore npm feed is not available - will be unable to perform checks that require feed data',
});

// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
// EXTERNAL MODULE: ./src/version/list.ts + 13 modules
var list = __webpack_require__(29561);
;// CONCATENATED MODULE: ./src/policy/gates/packages/packages.ts


/** Every package type, for `catalog_incomplete`'s `package_types` (exhaustive: a new type must be listed here). */
const PACKAGE_TYPES = {
    apk: true,
    deb: true,
    rpm: true,
    npm: true,
    python: true,
    'java-archive': true,
    'go-module': true,
    gem: true,
    'php-composer': true,
    'rust-crate': true,
    dotnet: true,
};
function osPackages(ctx) {
    return ctx.packages.filter((p) => (0,target/* isOsPackageType */.PH)(p.type));
}
function compare(ctx, type, a, b) {
    return (ctx.compareVersions ?? list/* compareForPackageType */.Xl)(type, a, b);
}
/** A package's file list as the cataloger records it (`metadata.files`: paths, or objects with a `path`). */
function packageFiles(meta) {
    const files = meta?.files;
    if (!Array.isArray(files))
        return undefined;
    return files.flatMap((f) => (typeof f === 'string' ? [f] : typeof f === 'object' && f !== null && typeof f.path === 'string' ? [f.path] : []));
}
/**
 * The version without its release, as Anchore's `version` column holds it for rpm (`1.0.2k` of `1:1.0.2k-19.el7`)
 * and apk (`1.2.3` of `1.2.3-r0`); a deb version is kept whole (Anchore's deb release is "N/A").
 */
function versionWithoutRelease(type, version) {
    if (type !== 'rpm' && type !== 'apk')
        return undefined;
    const dash = version.lastIndexOf('-');
    const noRelease = dash > 0 ? version.slice(0, dash) : version;
    return type === 'rpm' ? noRelease.replace(/^\d+:/, '') : noRelease;
}
const packagesGate = {
    name: 'packages',
    description: 'Distro package checks',
    triggers: [
        {
            name: 'required_package',
            description: 'Triggers if the specified package and optionally a specific version is not found in the image.',
            params: [
                { name: 'name', description: 'Name of package that must be found installed in image.', type: 'string', required: true, example: 'libssl' },
                { name: 'version', description: 'Optional version of package for exact version match.', type: 'string', required: false, example: '1.10.3rc3' },
                { name: 'version_match_type', description: 'The type of comparison to use for version if a version is provided.', type: 'enum', required: false, allowed: ['exact', 'minimum'], default: 'exact', example: 'exact' },
            ],
            evaluate: ({ ctx, params }) => {
                const name = params.name;
                const version = params.version;
                // Every package, as Anchore's loader (engine/loaders.py) puts language packages in the same table.
                const found = ctx.packages.filter((p) => p.name === name);
                if (found.length === 0)
                    return [{ message: `Required input package (${name}${version ? `,${version}` : ''}) is not present in container image` }];
                if (!version)
                    return [];
                if (params.version_match_type === 'minimum') {
                    return found.some((p) => compare(ctx, p.type, p.version, version) >= 0)
                        ? []
                        : found.map((p) => ({ message: `Required min-version input package (${name}) is present (${p.version}), but is lower version than what is specified in policy (${version})` }));
                }
                if (found.some((p) => p.version === version))
                    return [];
                // Anchore's message repeats the package name where the version belongs; kept so trigger ids match.
                return found.map((p) => ({ message: `Required input package (${name}) is present (${p.version}), but not at the version specified in policy (${name})` }));
            },
        },
        {
            name: 'verify',
            description: 'Check package integrity against package db in the image. Triggers for changes or removal or content in all or the selected "dirs" parameter if provided, and can filter type of check with the "check_only" parameter.',
            params: [
                { name: 'only_packages', description: 'List of package names to limit verification.', type: 'string-list', required: false, example: 'libssl,openssl' },
                { name: 'only_directories', description: 'List of directories to limit checks so as to avoid checks on all dir.', type: 'string-list', required: false, example: '/usr,/var/lib' },
                { name: 'check', description: 'Check to perform instead of all.', type: 'enum', required: false, allowed: ['changed', 'missing'], example: 'changed' },
            ],
            evaluate: ({ ctx, params, problem }) => {
                const only = params.only_packages;
                const dirs = params.only_directories;
                if (params.check !== 'missing')
                    problem({ problem_type: 'verify_changed_unsupported', details: 'the "changed" check needs file digests from the package database, which Portcullis does not collect yet; only missing files are verified' });
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
                    return [];
                }
                const out = [];
                let withLists = 0;
                for (const p of osPackages(ctx)) {
                    if (only && !only.includes(p.name))
                        continue;
                    const files = packageFiles(p.metadata);
                    if (!files)
                        continue;
                    withLists++;
                    for (const path of files) {
                        if (dirs && !dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : `${d}/`)))
                            continue;
                        if (params.check !== 'changed' && !ctx.files.get(path)) {
                            out.push({ message: `VERIFY check against package db for package '${p.name}' failed on entry '${path}' with status: 'missing'`, location: { path } });
                        }
                    }
                }
                if (withLists === 0)
                    problem({ problem_type: 'verify_no_file_lists', details: 'no package in the image has a recorded file list; nothing was verified' });
                return out;
            },
        },
        {
            // A Portcullis extension (Anchore has no such trigger): the catalog Anchore's engine builds has no notion of an
            // unreadable database, so a bundle using this trigger loads only in Portcullis.
            name: 'catalog_incomplete',
            description: 'Portcullis extension (not in Anchore): triggers once per package database the scan could not read (over the content cap, truncated or corrupt: a dpkg status, an apk or rpm database, python METADATA/RECORD, package.json or a lockfile, a gemspec, composer installed.json, a .NET deps.json, a Java archive, Go or Rust build info). Its packages are missing from the catalog, so no other trigger sees them. The trigger id is the database\'s path.',
            params: [
                {
                    name: 'package_types',
                    description: `Only these package types (comma-separated: ${Object.keys(PACKAGE_TYPES).join(', ')}). Default: every type.`,
                    type: 'string-list',
                    required: false,
                    example: 'rpm,deb,apk',
                    validate: (value) => {
                        const bad = value.split(',').map((t) => t.trim()).filter((t) => t !== '' && !Object.hasOwn(PACKAGE_TYPES, t));
                        return bad.length ? `unknown package type${bad.length > 1 ? 's' : ''} ${bad.map((t) => JSON.stringify(t)).join(', ')} (known: ${Object.keys(PACKAGE_TYPES).join(', ')})` : undefined;
                    },
                },
            ],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.catalogGaps) {
                    problem({ problem_type: 'catalog_gaps_unavailable', details: 'the scan did not say which package databases it could not read; the trigger cannot fire' });
                    return [];
                }
                const only = params.package_types;
                const seen = new Set();
                const out = [];
                for (const u of ctx.catalogGaps) {
                    if (!u.packageDatabase || (only && !only.includes(u.packageDatabase)))
                        continue;
                    const path = u.path ?? `(${u.stage})`;
                    // One item per database, whatever the number of problems the cataloger found in it.
                    if (seen.has(path))
                        continue;
                    seen.add(path);
                    out.push({
                        message: `Package database ${path} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`,
                        triggerId: path,
                        ...(u.path ? { location: { path: u.path } } : {}),
                    });
                }
                return out;
            },
        },
        {
            name: 'blacklist',
            aliases: ['denylist'],
            description: 'Triggers if the evaluated image has a package installed that matches the named package optionally with a specific version as well.',
            params: [
                { name: 'name', description: 'Package name to blacklist.', type: 'string', required: true, example: 'openssh-server' },
                { name: 'version', description: 'Specific version of package to blacklist.', type: 'string', required: false, example: '1.0.1' },
            ],
            evaluate: ({ ctx, params }) => {
                const name = params.name;
                const version = params.version;
                // Every package, as in Anchore (a bundle's blacklist of `lodash` fires on the npm package).
                return ctx.packages.flatMap((p) => {
                    if (p.name !== name)
                        return [];
                    if (version === undefined)
                        return [{ message: `Package is blacklisted: ${p.name}` }];
                    if (p.version === version)
                        return [{ message: `Package is blacklisted: ${p.name}-${p.version}` }];
                    // Anchore compares its `version` column, which for rpm and apk has no release; the message shows it.
                    const upstream = versionWithoutRelease(p.type, p.version);
                    return upstream === version ? [{ message: `Package is blacklisted: ${p.name}-${upstream}` }] : [];
                });
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/passwd-file/passwd-file.ts

const PASSWD = '/etc/passwd';
const REQUEST = { id: 'gate/passwd_file', paths: [PASSWD] };
/** The entries of /etc/passwd, or undefined (with a problem) when its content was not captured. */
function entries(run) {
    const text = memo(run.ctx, 'passwd', () => run.ctx.files?.readText(PASSWD));
    if (text === undefined) {
        run.problem({ problem_type: 'passwd_unavailable', details: `${PASSWD} is not present or was not read; the trigger cannot fire` });
        return undefined;
    }
    return text
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((line) => {
        const f = line.split(':');
        return { line, user: f[0] ?? '', uid: f[2] ?? '', gid: f[3] ?? '', shell: f[6] ?? '' };
    });
}
function denyTrigger(name, v2, description, param, field, word) {
    return {
        name,
        aliases: [v2],
        description,
        params: [{ ...param, required: true }],
        requests: () => [REQUEST],
        evaluate: (run) => {
            const list = run.params[param.name].map(String);
            return (entries(run) ?? []).filter((e) => list.includes(e[field])).map((e) => ({ message: `Blacklisted ${word} '${e[field]}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
        },
    };
}
const passwdFileGate = {
    name: 'passwd_file',
    description: 'Content checks for /etc/passwd for things like usernames, group ids, shells, or full entries.',
    triggers: [
        {
            name: 'content_not_available',
            description: 'Triggers if the /etc/passwd file is not present/stored in the evaluated image.',
            params: [],
            requests: () => [REQUEST],
            evaluate: ({ ctx }) => (ctx.files?.readText(PASSWD) === undefined ? [{ message: 'Cannot locate /etc/passwd in image stored files archive: check analyzer settings.' }] : []),
        },
        denyTrigger('blacklist_usernames', 'denylist_usernames', 'Triggers if specified username is found in the /etc/passwd file', { name: 'user_names', aliases: ['usernameblacklist'], description: 'List of usernames that will cause the trigger to fire if found in /etc/passwd.', type: 'string-list', example: 'daemon,ftp' }, 'user', 'user'),
        denyTrigger('blacklist_userids', 'denylist_userids', 'Triggers if specified user id is found in the /etc/passwd file', { name: 'user_ids', aliases: ['useridblacklist'], description: 'List of userids (numeric) that will cause the trigger to fire if found in /etc/passwd.', type: 'integer-list', example: '0,1' }, 'uid', 'uid'),
        denyTrigger('blacklist_groupids', 'denylist_groupids', 'Triggers if specified group id is found in the /etc/passwd file', { name: 'group_ids', aliases: ['groupidblacklist'], description: 'List of groupids (numeric) that will cause the trigger ot fire if found in /etc/passwd.', type: 'integer-list', example: '999,20' }, 'gid', 'gid'),
        denyTrigger('blacklist_shells', 'denylist_shells', 'Triggers if specified login shell for any user is found in the /etc/passwd file', { name: 'shells', aliases: ['shellblacklist'], description: 'List of shell commands to blacklist.', type: 'string-list', example: '/bin/bash,/bin/zsh' }, 'shell', 'shell'),
        {
            name: 'blacklist_full_entry',
            aliases: ['denylist_full_entry'],
            description: 'Triggers if entire specified passwd entry is found in the /etc/passwd file.',
            params: [{ name: 'entry', aliases: ['pentryblacklist'], description: 'Full entry to match in /etc/passwd.', type: 'string', required: true, example: 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin' }],
            requests: () => [REQUEST],
            evaluate: (run) => {
                const entry = run.params.entry;
                return (entries(run) ?? []).filter((e) => e.line === entry).map((e) => ({ message: `Blacklisted pentry '${entry}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/retrieved-files/retrieved-files.ts

const request = (path) => ({ id: `gate/retrieved_files:${path}`, paths: [path] });
function content(run, path) {
    return run.ctx.files?.readText(path);
}
const retrievedFilesGate = {
    name: 'retrieved_files',
    description: 'Checks against content and/or presence of files retrieved at analysis time from an image',
    triggers: [
        {
            name: 'content_not_available',
            description: 'Triggers if the specified file is not present/stored in the evaluated image.',
            params: [{ name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' }],
            requests: (params) => [request(params.path)],
            evaluate: (run) => {
                const path = run.params.path;
                return content(run, path) === undefined ? [{ message: 'Cannot locate file in the image analysis', location: { path } }] : [];
            },
        },
        {
            name: 'content_regex',
            description: 'Evaluation of regex on retrieved file content',
            params: [
                { name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' },
                { name: 'regex', description: 'The regex to evaluate against the content of the file', type: 'string', required: true, regex: true, example: '.*SSlEnabled.*' },
                { name: 'check', description: 'The type of check to perform with the regex', type: 'enum', required: true, allowed: ['match', 'no_match'], example: 'match' },
            ],
            requests: (params) => [request(params.path)],
            evaluate: (run) => {
                const path = run.params.path;
                const regex = run.params.regex;
                const check = run.params.check;
                const text = content(run, path);
                if (text === undefined) {
                    run.problem({ problem_type: 'file_content_unavailable', details: `${path} is not present or was not read; the trigger cannot fire` });
                    return [];
                }
                const matched = text.split(/\s+/).some((tok) => tok !== '' && (0,policy_params/* reMatch */.$D)(regex, tok));
                if (matched !== (check === 'match'))
                    return [];
                return [{ message: `Content regex '${regex}' check '${check}' found in retrieved file '${path}'`, triggerId: `${run.ruleId}+file://${path}`, location: { path } }];
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/ruby-gems/ruby-gems.ts

const rubyGemsGate = feedGate({
    gate: 'ruby_gems',
    description: 'Ruby Gem Checks',
    packageType: 'gem',
    feedKey: 'gem',
    label: 'GEM',
    names: { newer: 'newer_version_found_in_feed', notFound: 'not_found_in_feed', badVersion: 'version_not_found_in_feed', deny: 'blacklist', denyV2: 'denylist', unavailable: 'feed_data_unavailable' },
    descriptions: {
        newer: 'Triggers if an installed GEM is not the latest version according to GEM data feed.',
        notFound: 'Triggers if an installed GEM is not in the official GEM database, according to GEM data feed.',
        badVersion: 'Triggers if an installed GEM version is not listed in the official GEM feed as a valid version.',
        deny: 'Triggers if the evaluated image has a GEM package installed that matches the specified name and version.',
        unavailable: 'Triggers if anchore does not have access to the GEM data feed.',
    },
    notLatestPrefix: '',
    denyPrefix: 'Gem Package is blacklisted: ',
    unavailableMessage: 'Gem packages are present but the anchore gem feed is not available - will be unable to perform checks that require feed data',
});

;// CONCATENATED MODULE: ./src/policy/gates/secret-scans/secret-scans.ts


const SECRET_SCAN_REQUEST_ID = 'gate/secret_scans';
const secretScansGate = {
    name: 'secret_scans',
    description: 'Checks for secrets and content found in the image using configured regexes found in the "secret_search" section of analyzer_config.yaml.',
    triggers: [
        {
            name: 'content_regex_checks',
            description: 'Triggers if the secret content search analyzer has found any matches with the configured and named regexes. Checks can be configured to trigger if a match is found or is not found (selected using match_type parameter). Matches are filtered by the content_regex_name and filename_regex if they are set. The content_regex_name should be a value from the "secret_search" section of the analyzer_config.yaml.',
            params: [
                {
                    name: 'content_regex_name',
                    description: `Name of content regexps configured in the analyzer that match if found in the image, instead of matching all. Names available by default are: ['${DEFAULT_SECRET_REGEXES.map((r) => r.name).join("', '")}']`,
                    type: 'string',
                    required: false,
                    example: 'AWS_ACCESS_KEY',
                },
                { name: 'filename_regex', description: 'Regexp to filter the content matched files by.', type: 'string', required: false, regex: true, example: '/etc/.*' },
                { name: 'match_type', description: 'Set to define the type of match - trigger if match is found (default) or not found.', type: 'enum', required: false, allowed: ['notfound', 'found'], default: 'found', example: 'found' },
            ],
            requests: () => [contentScanRequest(SECRET_SCAN_REQUEST_ID, DEFAULT_SECRET_REGEXES)],
            evaluate: ({ ctx, params, problem }) => {
                if (!ctx.files) {
                    problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
                    return [];
                }
                const name = params.content_regex_name;
                if (name !== undefined && !DEFAULT_SECRET_REGEXES.some((r) => r.name === name)) {
                    // Anchore loads any name (its all-rules test bundle has `test-regex`); a name not configured matches nothing.
                    problem({ problem_type: 'unknown_regex_name', details: `content_regex_name ${JSON.stringify(name)} is not one of the secret regexes (${DEFAULT_SECRET_REGEXES.map((r) => r.name).join(', ')}); it matches nothing` });
                }
                const fileRe = params.filename_regex;
                const hits = contentScanResults(ctx.files, SECRET_SCAN_REQUEST_ID)
                    .filter((h) => fileRe === undefined || (0,policy_params/* reMatch */.$D)(fileRe, h.path))
                    .flatMap((h) => h.names.filter((n) => name === undefined || n === name).map((n) => ({ path: h.path, name: n })));
                if (params.match_type === 'notfound') {
                    return hits.length === 0
                        ? [{ message: `Secret content search analyzer did not find regexp match in container: filename_regex=${fileRe ?? '*'} content_regex_name=${name ?? 'all'}` }]
                        : [];
                }
                return hits.map((h) => {
                    const regex = ANCHORE_SECRET_SEARCH[h.name] ?? DEFAULT_SECRET_REGEXES.find((r) => r.name === h.name).regex;
                    return { message: `Secret content search analyzer found regexp match in container: file=${h.path} regexp=${h.name}=${regex}`, location: { path: h.path } };
                });
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/policy/gates/list.ts














/** Every gate of the engine, in Anchore's order. */
const GATES = [
    alwaysGate,
    dockerfileGate,
    filesGate,
    rubyGemsGate,
    metadata/* metadataGate */.l3,
    licensesGate,
    malwareGate,
    npmsGate,
    packagesGate,
    passwdFileGate,
    retrievedFilesGate,
    secretScansGate,
    vulnerabilities/* vulnerabilitiesGate */.uF,
    complianceGate,
];
/** Case-insensitive gate lookup. `gems` is accepted for `ruby_gems` (the name Anchore's EOL table uses). */
function findGate(name) {
    const n = name.toLowerCase();
    return GATES.find((g) => g.name === n) ?? (n === 'gems' ? rubyGemsGate : undefined);
}


/***/ })

};
