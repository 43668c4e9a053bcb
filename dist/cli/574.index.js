export const id = 574;
export const ids = [574];
export const modules = {

/***/ 92036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyCommand: () => (/* binding */ policyCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/policy/bundle.ts + 1 modules
var policy_bundle = __webpack_require__(45566);
;// CONCATENATED MODULE: ./src/policy/convert.ts

const r = (gate, trigger, params = {}) => ({ gate, trigger, params });
const list = (v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const nameVersion = (v) => {
    const [name, version] = v.split('|');
    return { name: name.trim(), version: version?.trim() };
};
const sev = (s) => () => [r('vulnerabilities', 'package', { package_type: 'all', severity_comparison: '=', severity: s })];
const needs = (param, build) => (p) => (p[param] === undefined ? `needs the ${param} param` : build(p[param]));
/** 1.x gate → trigger → converter (reference §3.2, mapped onto the engine's gates, §1.3). */
const CONVERTERS = {
    DOCKERFILECHECK: {
        EXPOSE: (p) => {
            const out = [];
            if (p.DENIEDPORTS)
                out.push(r('dockerfile', 'exposed_ports', { ports: list(p.DENIEDPORTS).join(','), type: 'blacklist' }));
            if (p.ALLOWEDPORTS)
                out.push(r('dockerfile', 'exposed_ports', { ports: list(p.ALLOWEDPORTS).join(','), type: 'whitelist' }));
            return out.length > 0 ? out : 'needs ALLOWEDPORTS or DENIEDPORTS';
        },
        NOFROM: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: 'not_exists' })],
        FROMSCRATCH: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: '=', value: 'scratch' })],
        NOTAG: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: 'like', value: '^(?:\\S*/)?[^:/@\\s]+(?::latest)?(?:\\s.*)?$' })],
        SUDO: () => [r('dockerfile', 'instruction', { instruction: 'RUN', check: 'like', value: '.*\\bsudo\\b.*' })],
        VOLUMEPRESENT: () => [r('dockerfile', 'instruction', { instruction: 'VOLUME', check: 'exists' })],
        NOHEALTHCHECK: () => [r('dockerfile', 'instruction', { instruction: 'HEALTHCHECK', check: 'not_exists' })],
        NODOCKERFILE: () => [r('dockerfile', 'no_dockerfile_provided')],
    },
    ANCHORESEC: {
        VULNUNKNOWN: sev('unknown'),
        VULNLOW: sev('low'),
        VULNMEDIUM: sev('medium'),
        VULNHIGH: sev('high'),
        VULNCRITICAL: sev('critical'),
        FEEDOUTOFDATE: (p) => [r('vulnerabilities', 'stale_feed_data', { max_days_since_sync: p.MAXAGE ?? '2' })],
        UNSUPPORTEDDISTRO: () => [r('vulnerabilities', 'vulnerability_data_unavailable')],
    },
    PKGBLACKLIST: {
        PKGNAMEMATCH: needs('BLACKLIST_NAMEMATCH', (v) => list(v).map((name) => r('packages', 'blacklist', { name }))),
        PKGFULLMATCH: needs('BLACKLIST_FULLMATCH', (v) => list(v).map((nv) => nameVersion(nv)).map(({ name, version }) => r('packages', 'blacklist', { name, ...(version ? { version } : {}) }))),
    },
    PKGCHECK: {
        PKGNOTPRESENT: (p) => {
            const out = [];
            for (const name of list(p.PKGNAMEMATCH))
                out.push(r('packages', 'required_package', { name }));
            for (const nv of list(p.PKGFULLMATCH)) {
                const { name, version } = nameVersion(nv);
                out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'exact' } : {}) }));
            }
            for (const nv of list(p.PKGVERSMATCH)) {
                const { name, version } = nameVersion(nv);
                out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'minimum' } : {}) }));
            }
            return out.length > 0 ? out : 'needs PKGNAMEMATCH, PKGFULLMATCH or PKGVERSMATCH';
        },
        VERIFY: () => [r('packages', 'verify')],
    },
    LICBLACKLIST: {
        LICFULLMATCH: needs('LICBLACKLIST_FULLMATCH', (v) => [r('licenses', 'blacklist_exact_match', { licenses: list(v).join(',') })]),
        LICSUBMATCH: needs('LICBLACKLIST_SUBMATCH', (v) => [r('licenses', 'blacklist_partial_match', { licenses: list(v).join(',') })]),
    },
    FILECHECK: {
        CONTENTMATCH: (p) => (p.FILECHECK_CONTENTREGEXP ? list(p.FILECHECK_CONTENTREGEXP).map((regex_name) => r('files', 'content_regex_match', { regex_name })) : [r('files', 'content_regex_match')]),
        FILENAMEMATCH: needs('FILECHECK_NAMEREGEXP', (v) => list(v).map((regex) => r('files', 'name_match', { regex }))),
        SUIDSGIDCHECK: () => [r('files', 'suid_or_guid_set')],
    },
    SECRETCHECK: {
        CONTENTMATCH: (p) => (p.SECRETCHECK_CONTENTREGEXP ? list(p.SECRETCHECK_CONTENTREGEXP).map((n) => r('secret_scans', 'content_regex_checks', { content_regex_name: n })) : [r('secret_scans', 'content_regex_checks')]),
        FILENAMEMATCH: needs('SECRETCHECK_NAMEREGEXP', (v) => list(v).map((regex) => r('files', 'name_match', { regex }))),
    },
    FILEPARSE_PASSWD: {
        FILENOTSTORED: () => [r('passwd_file', 'content_not_available')],
        USERNAMEMATCH: needs('USERNAMEBLACKLIST', (v) => [r('passwd_file', 'blacklist_usernames', { user_names: list(v).join(',') })]),
        USERIDMATCH: needs('USERIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_userids', { user_ids: list(v).join(',') })]),
        GROUPIDMATCH: needs('GROUPIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_groupids', { group_ids: list(v).join(',') })]),
        SHELLMATCH: needs('SHELLBLACKLIST', (v) => [r('passwd_file', 'blacklist_shells', { shells: list(v).join(',') })]),
        PENTRYMATCH: needs('PENTRYBLACKLIST', (v) => list(v).map((entry) => r('passwd_file', 'blacklist_full_entry', { entry }))),
    },
    GEMCHECK: {
        GEMNOTLATEST: () => [r('ruby_gems', 'newer_version_found_in_feed')],
        GEMNOTOFFICIAL: () => [r('ruby_gems', 'not_found_in_feed')],
        GEMBADVERSION: () => [r('ruby_gems', 'version_not_found_in_feed')],
        GEMNOFEED: () => [r('ruby_gems', 'feed_data_unavailable')],
        GEMPKGNAMEMATCH: needs('BLACKLIST_GEMNAMEMATCH', (v) => list(v).map((name) => r('ruby_gems', 'blacklist', { name }))),
        GEMPKGFULLMATCH: needs('BLACKLIST_GEMFULLMATCH', (v) => list(v).map(nameVersion).map(({ name, version }) => r('ruby_gems', 'blacklist', { name, ...(version ? { version } : {}) }))),
    },
    NPMCHECK: {
        NPMNOTLATEST: () => [r('npms', 'newer_version_in_feed')],
        NPMNOTOFFICIAL: () => [r('npms', 'unknown_in_feeds')],
        NPMBADVERSION: () => [r('npms', 'version_not_in_feeds')],
        NPMNOFEED: () => [r('npms', 'feed_data_unavailable')],
        NPMPKGNAMEMATCH: needs('BLACKLIST_NPMNAMEMATCH', (v) => list(v).map((name) => r('npms', 'blacklisted_name_version', { name }))),
        NPMPKGFULLMATCH: needs('BLACKLIST_NPMFULLMATCH', (v) => list(v).map(nameVersion).map(({ name, version }) => r('npms', 'blacklisted_name_version', { name, ...(version ? { version } : {}) }))),
    },
};
/** 1.x gates with no modern equivalent, and why. */
const NO_EQUIVALENT = {
    PKGDIFF: 'compares packages with the base image; no modern gate does',
    SUIDDIFF: 'compares SUID files with the base image; no modern gate does (files/suid_or_guid_set lists SUID files)',
    IMAGECHECK: 'checks whether the base image was updated; no modern gate does',
    METADATACHECK: 'its 1.x params are not documented; write a metadata/attribute rule',
};
const GATE_RENAMES = {
    ANCHORESEC: 'vulnerabilities',
    DOCKERFILECHECK: 'dockerfile',
    PKGBLACKLIST: 'packages',
    PKGCHECK: 'packages',
    FILECHECK: 'files',
    SECRETCHECK: 'secret_scans',
    FILEPARSE_PASSWD: 'passwd_file',
    GEMCHECK: 'ruby_gems',
    NPMCHECK: 'npms',
    LICBLACKLIST: 'licenses',
    METADATACHECK: 'metadata',
};
const ACTIONS = new Set(['GO', 'WARN', 'STOP']);
function convertLegacyPolicy(policyText, whitelistText, options = {}) {
    const unconverted = [];
    const notes = [];
    // One entry per (gate, trigger): a later line overwrites an earlier one, as 1.x did.
    const entries = new Map();
    policyText.split(/\r?\n/).forEach((raw, i) => {
        const text = raw.trim();
        if (text === '' || text.startsWith('#'))
            return;
        const fields = text.split(':');
        if (fields.length < 3) {
            unconverted.push({ line: i + 1, text, reason: 'not a GATE:TRIGGER:ACTION[:PARAMS] line' });
            return;
        }
        const [gate, trigger, action] = fields.map((f) => f.trim().toUpperCase());
        if (!ACTIONS.has(action)) {
            unconverted.push({ line: i + 1, text, reason: `action must be GO, WARN or STOP, got ${JSON.stringify(fields[2])}` });
            return;
        }
        const params = {};
        for (const item of fields.slice(3).join(':').trim().split(/\s+/).filter(Boolean)) {
            const eq = item.indexOf('=');
            if (eq <= 0) {
                unconverted.push({ line: i + 1, text, reason: `param ${JSON.stringify(item)} is not NAME=VALUE` });
                return;
            }
            params[item.slice(0, eq).toUpperCase()] = item.slice(eq + 1);
        }
        const key = `${gate}:${trigger}`;
        if (entries.has(key))
            notes.push(`line ${i + 1}: ${key} overrides line ${entries.get(key).line}, as in Anchore 1.x`);
        entries.set(key, { line: i + 1, text, gate, trigger, action, params });
    });
    const rules = [];
    for (const e of entries.values()) {
        const gateConverters = CONVERTERS[e.gate];
        const converter = gateConverters?.[e.trigger];
        if (!converter) {
            const reason = NO_EQUIVALENT[e.gate] ?? (gateConverters ? `unknown ${e.gate} trigger ${e.trigger}` : `unknown 1.x gate ${e.gate}`);
            unconverted.push({ line: e.line, text: e.text, reason });
            continue;
        }
        const converted = converter(e.params);
        if (typeof converted === 'string') {
            unconverted.push({ line: e.line, text: e.text, reason: converted });
            continue;
        }
        converted.forEach((rule, j) => {
            rules.push({
                id: `${e.gate}-${e.trigger}${converted.length > 1 ? `-${j + 1}` : ''}`.toLowerCase(),
                gate: rule.gate,
                trigger: rule.trigger,
                action: e.action,
                params: Object.entries(rule.params).map(([name, value]) => ({ name, value })),
            });
        });
    }
    const items = [];
    if (whitelistText !== undefined) {
        let mdNote = false;
        whitelistText.split(/\r?\n/).forEach((raw, i) => {
            const text = raw.trim();
            if (text === '' || text.startsWith('#'))
                return;
            const [gate, triggerId, ...rest] = text.split(/\s+/);
            if (!gate || !triggerId || rest.length > 0) {
                unconverted.push({ line: i + 1, text, reason: 'whitelist lines are "GATE TRIGGER_ID"' });
                return;
            }
            const modern = GATE_RENAMES[gate.toUpperCase()];
            if (!modern) {
                unconverted.push({ line: i + 1, text, reason: `1.x gate ${gate} has no modern equivalent` });
                return;
            }
            if (modern !== 'vulnerabilities' && /^[0-9a-f]{32}$/.test(triggerId))
                mdNote = true;
            // 1.x appended `*` to an ANCHORESEC CVE or RHSA id without one (every package); the engine matches ids
            // exactly, so the package part is written out.
            const id = modern === 'vulnerabilities' && /^(CVE|RHSA)/.test(triggerId) && !triggerId.includes('*') && !triggerId.includes('+') ? `${triggerId}+*` : triggerId;
            items.push({ id: `wl-${items.length + 1}`, gate: modern, trigger_id: id });
        });
        if (mdNote)
            notes.push('whitelist items with md5 trigger ids were kept, but 1.x ids hash 1.x gate, trigger and message names and will not match the modern gates; re-create them from an evaluation');
    }
    const id = options.id ?? 'converted-1x-policy';
    return {
        bundle: {
            id,
            version: '1_0',
            name: options.name ?? 'Converted from an Anchore 1.x policy',
            comment: unconverted.length > 0 ? `Not converted: ${unconverted.map((u) => `line ${u.line} "${u.text}" (${u.reason})`).join('; ')}` : 'Converted from an Anchore 1.x policy',
            whitelisted_images: [],
            blacklisted_images: [],
            mappings: [{ id: 'default', name: 'default', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['converted'], whitelist_ids: ['converted'] }],
            whitelists: [{ id: 'converted', name: 'Converted 1.x whitelist', version: '1_0', items }],
            policies: [{ id: 'converted', name: 'Converted 1.x policy', version: '1_0', rules }],
        },
        unconverted,
        notes,
    };
}
/** Throws when a file holds no policy line at all (an empty or wrong file is a user mistake). */
function assertLegacyPolicy(text, source) {
    if (!text.split(/\r?\n/).some((l) => /^\s*[A-Za-z_]+:[A-Za-z_]+:[A-Za-z]+/.test(l))) {
        throw new errors/* ConfigurationError */.j1(`${source}: no Anchore 1.x policy lines (GATE:TRIGGER:ACTION[:PARAMS]) found`);
    }
}

// EXTERNAL MODULE: ./src/policy/gate.ts
var policy_gate = __webpack_require__(55375);
// EXTERNAL MODULE: ./src/policy/gates/list.ts + 16 modules
var gates_list = __webpack_require__(79975);
;// CONCATENATED MODULE: ./src/policy/describe.ts



/** The policy spec, shaped like Anchore's `GET /system/policy_spec` (GateSpec[]), for `policy describe --json`. */
function policySpec() {
    return gates_list/* GATES */.J.map((g) => ({
        name: g.name,
        description: g.description,
        state: 'active',
        triggers: g.triggers.map((t) => ({
            name: t.name,
            ...(t.aliases?.length ? { aliases: t.aliases } : {}),
            description: t.description,
            state: 'active',
            parameters: t.params.map((p) => ({
                name: p.name,
                description: p.description,
                type: p.type,
                required: p.required,
                ...(p.default !== undefined ? { default: p.default } : {}),
                ...(p.allowed ? { allowed_values: p.allowed } : {}),
                ...(p.aliases?.length ? { aliases: p.aliases } : {}),
                ...(p.example !== undefined ? { example: p.example } : {}),
                state: 'active',
            })),
        })),
    }));
}
function paramLine(p) {
    const bits = [p.type, p.required ? 'required' : 'optional'];
    if (p.default !== undefined)
        bits.push(`default ${JSON.stringify(p.default)}`);
    const allowed = p.allowed ? `\n        allowed: ${p.allowed.join(', ')}${p.caseInsensitive ? ' (any case)' : ''}` : '';
    const aliases = p.aliases?.length ? `\n        aliases: ${p.aliases.join(', ')}` : '';
    const example = p.example !== undefined ? `\n        example: ${p.example}` : '';
    return `      ${p.name} (${bits.join(', ')})\n        ${p.description}${allowed}${aliases}${example}`;
}
function triggerText(t, withParams) {
    const names = t.aliases?.length ? `${t.name} (also: ${t.aliases.join(', ')})` : t.name;
    const head = `  ${names}\n    ${t.description}`;
    if (!withParams)
        return `${head}${t.params.length ? `\n    params: ${t.params.map((p) => p.name).join(', ')}` : ''}`;
    return `${head}\n    params:${t.params.length ? `\n${t.params.map(paramLine).join('\n')}` : ' none'}`;
}
/** `policy describe [GATE [TRIGGER]]` as text. Unknown names are configuration errors listing the known ones. */
function describePolicy(gateName, triggerName) {
    if (!gateName)
        return gates_list/* GATES */.J.map((g) => `${g.name}: ${g.description}\n${g.triggers.map((t) => triggerText(t, false)).join('\n')}\n`).join('\n');
    const gate = (0,gates_list/* findGate */.Z)(gateName);
    if (!gate)
        throw new errors/* ConfigurationError */.j1(`unknown gate ${JSON.stringify(gateName)}; known gates: ${gates_list/* GATES */.J.map((g) => g.name).join(', ')}`);
    if (!triggerName)
        return `${gate.name}: ${gate.description}\n${gate.triggers.map((t) => triggerText(t, true)).join('\n')}\n`;
    const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, triggerName);
    if (!trigger)
        throw new errors/* ConfigurationError */.j1(`unknown trigger ${JSON.stringify(triggerName)} for gate ${gate.name}; known triggers: ${gate.triggers.map((t) => t.name).join(', ')}`);
    return `${gate.name}: ${gate.description}\n${triggerText(trigger, true)}\n`;
}
/** A v1 bundle showing every gate, trigger and param (each param set to its example or default). It loads. */
function templateBundle() {
    const rules = gates_list/* GATES */.J.flatMap((g) => g.triggers.map((t) => ({
        id: `${g.name}-${t.name}`.replace(/_/g, '-'),
        gate: g.name,
        trigger: t.name,
        action: 'WARN',
        params: t.params.map((p) => ({ name: p.name, value: p.example ?? p.default ?? '' })),
    })));
    return {
        id: 'portcullis-template',
        version: '1_0',
        name: 'Template: every gate, trigger and param',
        comment: 'Generated by `portcullis policy template`. Every rule shows its params with example values; delete what you do not need.',
        whitelisted_images: [],
        blacklisted_images: [],
        mappings: [{ id: 'default', name: 'default', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['template'], whitelist_ids: ['allowlist'] }],
        whitelists: [{ id: 'allowlist', name: 'Allowlist', version: '1_0', items: [{ id: 'example', gate: 'vulnerabilities', trigger_id: 'CVE-2000-0000+example-package', expires_on: '2030-01-01T00:00:00Z' }] }],
        policies: [{ id: 'template', name: 'Template', version: '1_0', comment: 'one rule per trigger', rules }],
    };
}

;// CONCATENATED MODULE: ./src/policy/schema.ts

const B = '[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]';
function valueSchema(p) {
    const base = { type: 'string', description: p.description };
    switch (p.type) {
        case 'enum':
            return p.caseInsensitive ? { ...base, pattern: `^(${(p.allowed ?? []).map((a) => a.split('').map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('')).join('|')})$` } : { ...base, enum: p.allowed };
        case 'boolean':
            return { ...base, pattern: `^(${B})$` };
        case 'integer':
            return { ...base, pattern: '^\\s*\\d+\\s*$' };
        case 'float':
            return { ...base, pattern: '^\\s*-?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$' };
        case 'integer-list':
            return { ...base, pattern: '^\\s*\\d+\\s*(,\\s*\\d+\\s*)*$' };
        case 'string-list':
            return { ...base, pattern: '^\\s*[^,]*[^,\\s][^,]*(,\\s*[^,]*[^,\\s][^,]*)*\\s*$' };
        default:
            return base;
    }
}
function ruleSchemas(v2) {
    return gates_list/* GATES */.J.flatMap((g) => g.triggers.map((t) => {
        const params = t.params.map((p) => ({
            type: 'object',
            properties: { name: { enum: [p.name, ...(p.aliases ?? [])] }, value: valueSchema(p) },
            required: ['name', 'value'],
            additionalProperties: false,
        }));
        const required = t.params.filter((p) => p.required);
        return {
            title: `${g.name}/${t.name}`,
            description: t.description,
            type: 'object',
            properties: {
                id: { type: 'string' },
                gate: { enum: [g.name, g.name.toUpperCase()] },
                trigger: { enum: [t.name, ...(t.aliases ?? [])] },
                action: { $ref: '#/definitions/action' },
                params: {
                    type: 'array',
                    items: params.length > 0 ? { anyOf: params } : false,
                    ...(required.length > 0 ? { allOf: required.map((p) => ({ contains: { type: 'object', properties: { name: { enum: [p.name, ...(p.aliases ?? [])] } }, required: ['name'] } })) } : {}),
                },
                ...(v2 ? { description: { type: 'string' }, recommendation: { type: 'string' } } : { comment: { type: 'string' }, description: { type: 'string' }, recommendation: { type: 'string' } }),
            },
            required: v2 ? ['id', 'gate', 'trigger', 'action', 'params'] : ['gate', 'trigger', 'action'],
            ...(v2 ? { additionalProperties: false } : {}),
        };
    }));
}
const imageRef = { type: 'object', properties: { type: { enum: ['tag', 'digest', 'id'] }, value: { type: 'string' } }, required: ['type', 'value'], additionalProperties: false };
const selection = (extra, required, closed) => ({
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' }, registry: { type: 'string' }, repository: { type: 'string' }, image: imageRef, description: { type: 'string' }, ...extra },
    required,
    ...(closed ? { additionalProperties: false } : {}),
});
const item = (closed) => ({
    type: 'object',
    properties: { id: { type: 'string' }, gate: { type: 'string' }, trigger_id: { type: 'string' }, expires_on: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}' }, description: { type: 'string' }, ...(closed ? {} : { comment: { type: 'string' } }) },
    required: closed ? ['id', 'gate', 'trigger_id'] : ['gate', 'trigger_id'],
    ...(closed ? { additionalProperties: false } : {}),
});
/** The JSON Schema of policy bundles (v1 and Enterprise v2), generated from the gate definitions. */
function bundleSchema() {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://portcullis.dev/schema/policy-bundle.json',
        title: 'Portcullis policy bundle (Anchore v1 "1_0" or Enterprise v2)',
        description: 'Generated by scripts/gen-policy-schema.ts from src/policy/gates. Do not edit.',
        oneOf: [{ $ref: '#/definitions/v1_bundle' }, { $ref: '#/definitions/v2_policy' }],
        definitions: {
            action: { type: 'string', pattern: '^([Gg][Oo]|[Ww][Aa][Rr][Nn]|[Ss][Tt][Oo][Pp])$' },
            v1_rule: { anyOf: ruleSchemas(false) },
            v2_rule: { anyOf: ruleSchemas(true) },
            v1_bundle: {
                type: 'object',
                properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    comment: { type: 'string' },
                    version: { const: '1_0' },
                    policies: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, comment: { type: 'string' }, version: { const: '1_0' }, rules: { type: 'array', items: { $ref: '#/definitions/v1_rule' } } }, required: ['id', 'rules'] } },
                    whitelists: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, comment: { type: 'string' }, version: { const: '1_0' }, items: { type: 'array', items: item(false) } }, required: ['id', 'items'] } },
                    mappings: { type: 'array', items: selection({ comment: { type: 'string' }, policy_id: { type: 'string' }, policy_ids: { type: 'array', items: { type: 'string' } }, whitelist_ids: { type: 'array', items: { type: 'string' } } }, ['registry', 'repository', 'image'], false) },
                    whitelisted_images: { type: 'array', items: selection({ comment: { type: 'string' } }, ['registry', 'repository', 'image'], false) },
                    blacklisted_images: { type: 'array', items: selection({ comment: { type: 'string' } }, ['registry', 'repository', 'image'], false) },
                },
                required: ['id', 'version', 'policies', 'mappings'],
            },
            v2_policy: {
                type: 'object',
                properties: {
                    id: { type: 'string' },
                    name: { type: 'string', minLength: 1 },
                    description: { type: 'string' },
                    version: { type: 'string', not: { const: '1_0' } },
                    last_updated: { type: 'number' },
                    rule_sets: {
                        type: 'array',
                        items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, version: { type: 'string' }, artifact_type: { const: 'image' }, last_updated: { type: 'number' }, rules: { type: 'array', items: { $ref: '#/definitions/v2_rule' } } }, required: ['id', 'name', 'version', 'rules'], additionalProperties: false },
                    },
                    allowlists: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, version: { type: 'string' }, last_updated: { type: 'number' }, items: { type: 'array', items: item(true) } }, required: ['id', 'name', 'version', 'items'], additionalProperties: false } },
                    mappings: { type: 'array', items: selection({ rule_set_ids: { type: 'array', items: { type: 'string' } }, allowlist_ids: { type: 'array', items: { type: 'string' } } }, ['id', 'name', 'registry', 'repository', 'image', 'rule_set_ids', 'allowlist_ids'], true) },
                    allowlisted_images: { type: 'array', items: selection({}, ['id', 'name', 'registry', 'repository', 'image'], true) },
                    denylisted_images: { type: 'array', items: selection({}, ['id', 'name', 'registry', 'repository', 'image'], true) },
                    source_mappings: { type: 'array', maxItems: 0 },
                    sbom_mappings: { type: 'array' },
                },
                required: ['id', 'name', 'version', 'rule_sets', 'mappings'],
                additionalProperties: false,
            },
        },
    };
}
/** The committed file's text: stable key order, two-space indent, trailing newline. */
function bundleSchemaText() {
    return `${JSON.stringify(bundleSchema(), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/cli/commands/policy.ts







async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read ${path}: ${e.message}`, { cause: e });
    }
}
function serialise(doc, format) {
    if (format === 'yaml')
        return (0,js_yaml/* dump */.Bh)(doc, { lineWidth: 160, noRefs: true });
    if (format === 'json')
        return `${JSON.stringify(doc, null, 2)}\n`;
    throw new errors/* ConfigurationError */.j1(`--format must be json or yaml, got ${JSON.stringify(format)}`);
}
/** `portcullis policy validate|describe|template|schema|convert`. */
const policyCommand = {
    id: 'policy',
    register(program, ctx) {
        const policy = program.command('policy').description('check, explain and write Anchore-compatible policy bundles (v1 "1_0" or Enterprise v2, JSON or YAML)');
        policy
            .command('validate')
            .description('check a bundle; every problem is listed with its JSON path (exit 3 when there are any)')
            .argument('<file>', 'the bundle, JSON or YAML')
            .option('--json', 'print the problems as JSON')
            .action(async (file, opts) => {
            const doc = (0,policy_bundle/* parseDocument */.Tp)(await readText(file), file);
            const { bundle, problems } = (0,policy_bundle/* checkBundle */.Jp)(doc);
            if (opts.json)
                ctx.out(`${JSON.stringify({ file, valid: problems.length === 0, format: bundle?.format ?? null, problems }, null, 2)}\n`);
            if (problems.length > 0 || !bundle) {
                if (!opts.json)
                    ctx.out(problems.map((p) => `${file}: ${p.path}: ${p.message}\n`).join(''));
                throw new policy_bundle/* PolicyValidationError */.e9(file, problems);
            }
            if (!opts.json) {
                const rules = bundle.rule_sets.reduce((n, r) => n + r.rules.length, 0);
                ctx.out(`${file}: valid ${bundle.format} bundle "${bundle.name}": ${bundle.rule_sets.length} ${bundle.format === 'v1' ? 'policies' : 'rule sets'}, ${rules} rules, ${bundle.allowlists.length} ${bundle.format === 'v1' ? 'whitelists' : 'allowlists'}, ${bundle.mappings.length} mappings\n`);
            }
        });
        policy
            .command('describe')
            .description('describe the gates, their triggers and params (types, allowed values, defaults)')
            .argument('[gate]', 'a gate name')
            .argument('[trigger]', 'a trigger of that gate')
            .option('--json', "print the spec as JSON (the shape of Anchore's /system/policy_spec)")
            .action((gate, trigger, opts) => {
            if (opts.json) {
                const spec = policySpec();
                describePolicy(gate, trigger); // validates the names
                const g = gate ? spec.filter((s) => s.name === gate.toLowerCase() || (gate.toLowerCase() === 'gems' && s.name === 'ruby_gems')) : spec;
                const out = trigger ? g.map((s) => ({ ...s, triggers: s.triggers.filter((t) => t.name === trigger.toLowerCase() || t.aliases?.includes(trigger.toLowerCase())) })) : g;
                ctx.out(`${JSON.stringify(out, null, 2)}\n`);
                return;
            }
            ctx.out(describePolicy(gate, trigger));
        });
        policy
            .command('template')
            .description('print a bundle that shows every gate, trigger and param')
            .option('--format <format>', 'json or yaml', 'json')
            .action((opts) => {
            ctx.out(serialise(templateBundle(), opts.format));
        });
        policy
            .command('schema')
            .description('print the JSON Schema of policy bundles (generated from the gate definitions)')
            .action(() => {
            ctx.out(bundleSchemaText());
        });
        policy
            .command('convert')
            .description('convert an Anchore 1.x policy file (GATE:TRIGGER:ACTION[:PARAMS] lines) and whitelist into a v1 bundle')
            .argument('<file>', 'the 1.x policy file (e.g. anchore_gate.policy)')
            .option('--whitelist <file>', 'the 1.x whitelist file ("GATE TRIGGER_ID" per line)')
            .option('--format <format>', 'json or yaml', 'json')
            .option('-o, --output <file>', 'write the bundle to a file instead of standard output')
            .action(async (file, opts) => {
            const text = await readText(file);
            assertLegacyPolicy(text, file);
            const result = convertLegacyPolicy(text, opts.whitelist ? await readText(opts.whitelist) : undefined);
            (0,policy_bundle/* buildBundle */.bS)(result.bundle, `${file} (converted)`); // the converted bundle must load
            for (const u of result.unconverted)
                ctx.logger.warning(`${u.line > 0 ? `line ${u.line}: ` : ''}not converted: ${u.text}: ${u.reason}`);
            for (const n of result.notes)
                ctx.logger.warning(n);
            const body = serialise(result.bundle, opts.format);
            if (opts.output)
                await (0,promises_.writeFile)(opts.output, body);
            else
                ctx.out(body);
        });
    },
};


/***/ }),

/***/ 29927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ shapeChecker),
/* harmony export */   QV: () => (/* binding */ jsonDepth),
/* harmony export */   XT: () => (/* binding */ jsonValueDepth),
/* harmony export */   kF: () => (/* binding */ DEFAULT_MAX_JSON_DEPTH),
/* harmony export */   kl: () => (/* binding */ assertShape),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/**
 * Reading JSON that comes from outside (an image, a VEX document, an OSV record, a policy, an SBOM) safely:
 * - `parseJson` refuses text nested deeper than a bound before parsing it, so that no later walk of the value can
 *   recurse past the stack (the depth is measured by a flat scan of the text, without recursion);
 * - `shapeChecker` compiles a JSON Schema once (ajv) into a check whose failure is one line naming the field by
 *   its JSON pointer (`/layers/0 must be object`), so that a malformed document is a clear error, never a crash.
 *
 * The errors are ConfigurationErrors unless the caller names another class (ImageError for what an image holds).
 */


/** The nesting bound used when the caller does not choose one: far above any real document, far below the stack. */
const DEFAULT_MAX_JSON_DEPTH = 512;
/**
 * The deepest nesting of arrays and objects in JSON text, measured by one flat pass that skips strings (with their
 * escapes). It stops as soon as `stopAbove` is passed and answers that depth, so a huge document costs little.
 * The text need not be valid JSON: the count is what a parser would reach before finding the error.
 */
function jsonDepth(text, stopAbove = Number.POSITIVE_INFINITY) {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c /* \ */)
                i++;
            else if (c === 0x22 /* " */)
                inString = false;
            continue;
        }
        if (c === 0x22)
            inString = true;
        else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
            depth++;
            if (depth > max) {
                max = depth;
                if (max > stopAbove)
                    return max;
            }
        }
        else if (c === 0x5d /* ] */ || c === 0x7d /* } */)
            depth--;
    }
    return max;
}
/**
 * The deepest nesting of arrays and objects in a parsed JSON value (0 for a scalar), walked with a stack of its own
 * (no recursion), stopping as soon as `stopAbove` is passed. For the value of valid JSON text this is the nesting
 * the text has (jsonDepth), unless a repeated key replaced a deeper value, measured on a few
 * thousand containers instead of every character.
 */
function jsonValueDepth(value, stopAbove = Number.POSITIVE_INFINITY) {
    if (value === null || typeof value !== 'object')
        return 0;
    const containers = [value];
    const depths = [1];
    let max = 0;
    while (containers.length > 0) {
        const v = containers.pop();
        const depth = depths.pop();
        if (depth > max) {
            max = depth;
            if (max > stopAbove)
                return max;
        }
        if (Array.isArray(v)) {
            for (const child of v) {
                if (child !== null && typeof child === 'object') {
                    containers.push(child);
                    depths.push(depth + 1);
                }
            }
            continue;
        }
        // A parsed object's keys are all its own (JSON.parse makes plain objects); `for in` allocates no key list.
        for (const key in v) {
            const child = v[key];
            if (child !== null && typeof child === 'object') {
                containers.push(child);
                depths.push(depth + 1);
            }
        }
    }
    return max;
}
/**
 * JSON.parse with a depth guard: text nested deeper than `maxDepth` is refused before it is parsed, with a
 * one-line error; so is text that is not JSON. A Buffer is read as UTF-8 (a leading byte-order mark is dropped).
 */
function parseJson(input, options) {
    const Err = options.errorClass ?? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
    let text = typeof input === 'string' ? input : input.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const depth = jsonDepth(text, maxDepth);
    if (depth > maxDepth)
        throw new Err(`${options.what} is nested too deeply (more than ${maxDepth} levels of arrays and objects)`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Err(`${options.what} is not valid JSON: ${error.message}`, { cause: error });
    }
}
let ajv;
/**
 * Compiles a JSON Schema (draft-07) once into a ShapeCheck. Schemas describe only what Portcullis reads and leave
 * other fields open (OCI and OSV documents carry extensions). Call it at module level or cache the result: each
 * call compiles.
 */
function shapeChecker(schema) {
    ajv ??= new ajv__WEBPACK_IMPORTED_MODULE_1__.Ajv({ allErrors: false, strict: true, allowUnionTypes: true, validateSchema: false });
    let validate;
    return (value) => {
        validate ??= ajv.compile(schema);
        if (validate(value))
            return undefined;
        return describeShapeError(validate.errors?.[0]);
    };
}
/** Checks a value against a compiled shape and throws a one-line error naming the field when it does not fit. */
function assertShape(check, value, what, errorClass = _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) {
    const problem = check(value);
    if (problem !== undefined)
        throw new errorClass(`${what} is malformed: ${problem}`);
}
function describeShapeError(e) {
    if (!e)
        return 'does not match its schema';
    const where = e.instancePath === '' ? '(top level)' : e.instancePath;
    if (e.keyword === 'required')
        return `${where} must have the field "${e.params.missingProperty}"`;
    if (e.keyword === 'enum')
        return `${where} must be one of ${(e.params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    return `${where} ${e.message ?? 'is invalid'}`;
}


/***/ })

};
