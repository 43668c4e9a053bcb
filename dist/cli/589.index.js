export const id = 589;
export const ids = [589];
export const modules = {

/***/ 55375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ COMPARISONS),
/* harmony export */   Ob: () => (/* binding */ findTrigger),
/* harmony export */   tv: () => (/* binding */ findParam)
/* harmony export */ });
function findTrigger(gate, name) {
    const n = name.toLowerCase();
    return gate.triggers.find((t) => t.name === n || (t.aliases ?? []).includes(n));
}
function findParam(trigger, name) {
    const n = name.toLowerCase();
    return trigger.params.find((p) => p.name === n || (p.aliases ?? []).includes(n));
}
/** Shared enum lists. */
const COMPARISONS = ['=', '!=', '<', '>', '<=', '>='];


/***/ }),

/***/ 68402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l3: () => (/* binding */ metadataGate),
/* harmony export */   r2: () => (/* binding */ cmp)
/* harmony export */ });
/* unused harmony exports parseSize, imageAttribute */
/* harmony import */ var _params_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76734);

const ATTRIBUTES = ['size', 'architecture', 'os_type', 'distro', 'distro_version', 'like_distro', 'layer_count'];
const CHECKS = ['=', '!=', '>', '<', '>=', '<=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'];
const SIZE = /^([0-9]+)([kmgt]b)?$/;
const NUMERIC = new Set(['size', 'layer_count']);
/** `10mb` → bytes, 1024-based as Anchore's convert_bytes_size. */
function parseSize(value) {
    const m = SIZE.exec(value.trim().toLowerCase());
    if (!m)
        return Number.NaN;
    const mult = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[m[2]] ?? 1;
    return Number(m[1]) * mult;
}
/** The image's value for an attribute, as a string (undefined when unknown). */
function imageAttribute(ctx, attribute) {
    switch (attribute) {
        case 'size':
            return String(ctx.image.layers.reduce((n, l) => n + l.size, 0));
        case 'architecture':
            return ctx.image.config.architecture || ctx.image.platform.architecture || undefined;
        case 'os_type':
            return ctx.image.config.os || ctx.image.platform.os || undefined;
        case 'distro':
            return ctx.distro?.id;
        case 'distro_version':
            // Anchore's distro_version is os-release's VERSION_ID (`12`), not the point release Portcullis matches with.
            return ctx.distro?.releaseVersionId ?? ctx.distro?.versionId;
        case 'like_distro':
            return ctx.distro?.idLike?.join(',') ?? ctx.distro?.id;
        case 'layer_count':
            return String(ctx.image.layers.length);
        default:
            return undefined;
    }
}
const metadataGate = {
    name: 'metadata',
    description: 'Checks against image metadata, such as size, OS, distro, architecture, etc.',
    triggers: [
        {
            name: 'attribute',
            description: 'Triggers if a named image metadata value matches the given condition.',
            params: [
                { name: 'attribute', description: 'Attribute name to be checked.', type: 'enum', required: true, allowed: ATTRIBUTES, example: 'size' },
                { name: 'check', description: 'The operation to perform the evaluation.', type: 'enum', required: true, allowed: CHECKS, example: '>' },
                {
                    name: 'value',
                    description: 'Value used in comparison. For size, a byte count with an optional kb/mb/gb/tb suffix (1024-based); for layer_count, an integer.',
                    type: 'string',
                    required: false,
                    example: '1073741824',
                    validate: (value, params) => {
                        const needsValue = !['exists', 'not_exists'].includes(params.check ?? '');
                        if (!needsValue || ['in', 'not_in', 'like', 'not_like'].includes(params.check ?? ''))
                            return undefined;
                        if (params.attribute === 'size' && !SIZE.test(value.trim().toLowerCase()))
                            return `must be a size such as 1073741824 or 500mb for attribute size, got ${JSON.stringify(value)}`;
                        if (params.attribute === 'layer_count' && !/^\s*\d+\s*$/.test(value))
                            return `must be an integer for attribute layer_count, got ${JSON.stringify(value)}`;
                        return undefined;
                    },
                },
            ],
            evaluate: ({ ctx, params, problem }) => {
                const attribute = params.attribute;
                const check = params.check;
                const value = params.value;
                // Anchore returns without firing when the check needs a value and has none (or an empty one).
                if (!value && !['exists', 'not_exists'].includes(check)) {
                    problem({ problem_type: 'missing_param', details: `check ${check} needs a value; the rule cannot fire` });
                    return [];
                }
                const image = imageAttribute(ctx, attribute);
                const fired = compare(attribute, check, image, value ?? '');
                return fired ? [{ message: attributeMessage(attribute, check, value, image) }] : [];
            },
        },
    ],
};
/**
 * Anchore's text (anchore-engine `gates/image_metadata.py`): the check value as compared (a size in bytes, a
 * layer count as an integer), empty when there is none; the image value as Python formats it, `None` when absent
 * (asserted in anchore-engine `tests/unit/.../gates/test_image_metadata.py`).
 */
function attributeMessage(attribute, check, value, image) {
    let shown = value ?? '';
    if (value && attribute === 'size')
        shown = String(parseSize(value));
    else if (value && attribute === 'layer_count')
        shown = String(Number.parseInt(value.trim(), 10));
    return `Attribute check for attribute: '${attribute}' check: '${check}' check_value: '${shown}' matched image value: '${image ?? 'None'}'`;
}
function compare(attribute, check, image, value) {
    // Python truthiness, as Anchore's bool(x): a size or layer count of 0 does not exist.
    const present = image !== undefined && image !== '' && !(NUMERIC.has(attribute) && Number(image) === 0);
    if (check === 'exists')
        return present;
    if (check === 'not_exists')
        return !present;
    if (image === undefined)
        return false;
    const list = () => value.split(',').map((s) => s.trim());
    switch (check) {
        case 'like':
            return (0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .reMatch */ .$D)(value, image);
        case 'not_like':
            return !(0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .reMatch */ .$D)(value, image);
        case 'in':
            return list().includes(image);
        case 'not_in':
            return !list().includes(image);
    }
    if (NUMERIC.has(attribute)) {
        const a = Number(image);
        const b = attribute === 'size' ? parseSize(value) : Number(value);
        return cmp(check, a, b);
    }
    return cmp(check, image, value);
}
function cmp(op, a, b) {
    switch (op) {
        case '=':
            return a === b;
        case '!=':
            return a !== b;
        case '>':
            return a > b;
        case '<':
            return a < b;
        case '>=':
            return a >= b;
        case '<=':
            return a <= b;
        default:
            return false;
    }
}


/***/ }),

/***/ 41589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _r: () => (/* binding */ pyList),
  _F: () => (/* binding */ triggerPackageName),
  uF: () => (/* binding */ vulnerabilitiesGate),
  GT: () => (/* binding */ vulnerabilityTriggerId)
});

// UNUSED EXPORTS: SEVERITIES, anchorePackageType, anchoreVulnerabilityId, pyFloat, severityRank

// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
// EXTERNAL MODULE: ./src/policy/gate.ts
var gate = __webpack_require__(55375);
// EXTERNAL MODULE: ./src/policy/params.ts
var params = __webpack_require__(76734);
// EXTERNAL MODULE: ./src/policy/gates/metadata/metadata.ts
var metadata = __webpack_require__(68402);
;// CONCATENATED MODULE: ./src/policy/gates/vulnerabilities/cvss.ts
const W = {
    AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
    AC: { L: 0.77, H: 0.44 },
    UI: { N: 0.85, R: 0.62 },
    CIA: { H: 0.56, L: 0.22, N: 0 },
};
function cvss3Scores(vector) {
    const m = new Map();
    for (const part of vector.split('/')) {
        const [k, v] = part.split(':');
        if (k && v)
            m.set(k, v);
    }
    const av = W.AV[m.get('AV')];
    const ac = W.AC[m.get('AC')];
    const ui = W.UI[m.get('UI')];
    const scope = m.get('S');
    const c = W.CIA[m.get('C')];
    const i = W.CIA[m.get('I')];
    const a = W.CIA[m.get('A')];
    const prRaw = m.get('PR');
    if ([av, ac, ui, c, i, a].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C') || !prRaw)
        return undefined;
    const changed = scope === 'C';
    const pr = prRaw === 'N' ? 0.85 : prRaw === 'L' ? (changed ? 0.68 : 0.62) : prRaw === 'H' ? (changed ? 0.5 : 0.27) : undefined;
    if (pr === undefined)
        return undefined;
    const iss = 1 - (1 - c) * (1 - i) * (1 - a);
    const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
    const exploitability = 8.22 * av * ac * pr * ui;
    const base = impact <= 0 ? 0 : roundUp(changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10));
    return { base, exploitability: round1(exploitability), impact: round1(Math.max(impact, 0)) };
}
function roundUp(x) {
    const n = Math.round(x * 100000);
    return n % 10000 === 0 ? n / 100000 : (Math.floor(n / 10000) + 1) / 10;
}
function round1(x) {
    return Math.round(x * 10) / 10;
}

;// CONCATENATED MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts





const SEVERITIES = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];
/** Anchore's package type name for each of ours; exhaustive, so that a new type cannot be classed by accident. */
const ANCHORE_PACKAGE_TYPE = {
    deb: 'dpkg',
    rpm: 'rpm',
    apk: 'apkg',
    npm: 'npm',
    python: 'python',
    'java-archive': 'java',
    gem: 'gem',
    'go-module': 'go',
    'php-composer': 'composer',
    dotnet: 'nuget',
    'rust-crate': 'rust',
};
/** Anchore's package type name and class for one of our package types (OS or not, from the matcher's own table). */
function anchorePackageType(type) {
    const pkgType = Object.hasOwn(ANCHORE_PACKAGE_TYPE, type) ? ANCHORE_PACKAGE_TYPE[type] : type;
    return { pkgType, os: (0,target/* isOsPackageType */.PH)(type) };
}
/** The package part of a vulnerability trigger id (reference §0.7). */
function triggerPackageName(f) {
    const { os, pkgType } = anchorePackageType(f.packageType);
    if (os)
        return f.packageName;
    const loc = f.locations[0]?.path;
    if (loc) {
        const parts = loc.split('/').filter(Boolean);
        if ((pkgType === 'java' || pkgType === 'gem') && parts.length > 0)
            return parts[parts.length - 1];
        if (pkgType === 'npm' && parts.length > 1)
            return parts[parts.length - 2];
    }
    return `${f.packageName}-${f.installedVersion}`;
}
/**
 * The vulnerability id Anchore puts in trigger ids and messages. Anchore Engine's grype matches language packages
 * against GitHub's advisories under their GHSA ids (`GHSA-…+package`), where Portcullis's finding id prefers the
 * CVE alias; OS packages keep the distro feed's id (a CVE for Debian, Alpine, Red Hat).
 */
function anchoreVulnerabilityId(f) {
    if (anchorePackageType(f.packageType).os)
        return f.id;
    if (f.id.startsWith('GHSA-'))
        return f.id;
    const ghsa = f.aliases.filter((a) => a.startsWith('GHSA-')).sort()[0];
    return ghsa ?? f.id;
}
/** The `package` trigger's id: `<vulnerability>+<package part>` (reference §0.7). */
function vulnerabilityTriggerId(f) {
    return `${anchoreVulnerabilityId(f)}+${triggerPackageName(f)}`;
}
/** A number as Python's str(float) writes it: `7.5`, `5.0`, `-1.0`. */
function pyFloat(n) {
    return Number.isInteger(n) ? `${n}.0` : String(n);
}
function severityRank(s) {
    const i = SEVERITIES.indexOf((s ?? 'unknown').toLowerCase());
    return i < 0 ? 0 : i;
}
const cmpParam = (name, what) => ({
    name,
    description: `The type of comparison to perform for ${what} evaluation.`,
    type: 'enum',
    required: false,
    allowed: gate/* COMPARISONS */.F,
    default: '>=',
    example: '>',
});
const scoreParam = (name, what) => ({
    name,
    description: `${what} score to compare against.`,
    type: 'float',
    required: false,
    example: '5.0',
});
const vendorOnly = {
    name: 'vendor_only',
    description: 'If True, an available fix for this CVE must not be explicitly marked as wont be addressed by the vendor',
    type: 'boolean',
    required: false,
    default: 'true',
    example: 'true',
};
const SCORES = [
    ['cvss_v3_base_score', 'nvd', 'base', 'CVSSv3 Base'],
    ['cvss_v3_exploitability_score', 'nvd', 'exploitability', 'CVSSv3 Exploitability'],
    ['cvss_v3_impact_score', 'nvd', 'impact', 'CVSSv3 Impact'],
    ['vendor_cvss_v3_base_score', 'vendor', 'base', 'Vendor CVSSv3 Base'],
    ['vendor_cvss_v3_exploitability_score', 'vendor', 'exploitability', 'Vendor CVSSv3 Exploitability'],
    ['vendor_cvss_v3_impact_score', 'vendor', 'impact', 'Vendor CVSSv3 Impact'],
];
/**
 * The max v3 score of a kind: `nvd` over NVD's metrics joined by CVE id (`nvdCvss`), `vendor` over the matched
 * records' own vectors (`cvss`); -1.0 when there is none (as Anchore).
 */
function maxScore(f, source, kind) {
    let best = -1;
    for (const c of source === 'nvd' ? (f.nvdCvss ?? []) : f.cvss) {
        if (!c.version.startsWith('3'))
            continue;
        const v = kind === 'base' ? c.baseScore : cvss3Scores(c.vector)?.[kind];
        if (v !== undefined && v > best)
            best = v;
    }
    return best;
}
const DAY = 86_400_000;
const vulnerabilitiesGate = {
    name: 'vulnerabilities',
    description: 'CVE/Vulnerability checks.',
    triggers: [
        {
            name: 'package',
            description: 'Triggers if a found vulnerability in an image meets the comparison criteria.',
            params: [
                { name: 'package_type', description: 'Only trigger for specific package type.', type: 'enum', required: true, allowed: ['all', 'os', 'non-os'], example: 'all' },
                { name: 'severity_comparison', description: 'The type of comparison to perform for severity evaluation.', type: 'enum', required: false, allowed: gate/* COMPARISONS */.F, default: '>', example: '>' },
                { name: 'severity', description: 'Severity to compare against.', type: 'enum', required: false, allowed: SEVERITIES, default: 'unknown', example: 'high' },
                cmpParam('cvss_v3_base_score_comparison', 'CVSS v3 base score'),
                scoreParam('cvss_v3_base_score', 'CVSS v3 base'),
                cmpParam('cvss_v3_exploitability_score_comparison', 'CVSS v3 exploitability sub score'),
                scoreParam('cvss_v3_exploitability_score', 'CVSS v3 exploitability sub'),
                cmpParam('cvss_v3_impact_score_comparison', 'CVSS v3 impact sub score'),
                scoreParam('cvss_v3_impact_score', 'CVSS v3 impact sub'),
                { name: 'fix_available', description: 'If present, the fix availability for the vulnerability record must match the value of this parameter.', type: 'boolean', required: false, example: 'true' },
                vendorOnly,
                { name: 'max_days_since_creation', description: 'If provided, this CVE must be older than the days provided to trigger. Portcullis uses the advisory publication date.', type: 'integer', required: false, example: '7' },
                { name: 'max_days_since_fix', description: 'If provided (only evaluated when fix_available option is also set to true), the fix first observed time must be older than days provided, to trigger. Portcullis uses the advisory modification date, or its publication date.', type: 'integer', required: false, example: '30' },
                cmpParam('vendor_cvss_v3_base_score_comparison', 'vendor CVSS v3 base score'),
                scoreParam('vendor_cvss_v3_base_score', 'Vendor CVSS v3 base'),
                cmpParam('vendor_cvss_v3_exploitability_score_comparison', 'vendor CVSS v3 exploitability sub score'),
                scoreParam('vendor_cvss_v3_exploitability_score', 'Vendor CVSS v3 exploitability sub'),
                cmpParam('vendor_cvss_v3_impact_score_comparison', 'vendor CVSS v3 impact sub score'),
                scoreParam('vendor_cvss_v3_impact_score', 'Vendor CVSS v3 impact sub'),
                {
                    name: 'epss_score_comparison',
                    description: 'Portcullis extension (not in Anchore): the type of comparison to perform for the EPSS score evaluation.',
                    type: 'enum',
                    required: false,
                    allowed: gate/* COMPARISONS */.F,
                    default: '>=',
                    example: '>=',
                },
                {
                    name: 'epss_score',
                    description: 'Portcullis extension (not in Anchore): FIRST EPSS score (probability of exploitation in the next 30 days, 0 to 1) to compare against; -1 when the CVE has no EPSS score.',
                    type: 'float',
                    required: false,
                    example: '0.1',
                },
                {
                    name: 'epss_percentile_comparison',
                    description: 'Portcullis extension (not in Anchore): the type of comparison to perform for the EPSS percentile evaluation.',
                    type: 'enum',
                    required: false,
                    allowed: gate/* COMPARISONS */.F,
                    default: '>=',
                    example: '>=',
                },
                {
                    name: 'epss_percentile',
                    description: 'Portcullis extension (not in Anchore): FIRST EPSS percentile (0 to 1) to compare against; -1 when the CVE has no EPSS score.',
                    type: 'float',
                    required: false,
                    example: '0.95',
                },
                { name: 'package_path_exclude', description: 'The regex to evaluate against the package path to exclude vulnerabilities (non-OS packages only).', type: 'string', required: false, regex: true, example: '.*test\\.jar*' },
            ],
            evaluate: ({ ctx, params }) => ctx.findings.filter((f) => packageMatches(f, params, ctx.now)).map((f) => ({ message: packageMessage(f, params), triggerId: vulnerabilityTriggerId(f) })),
        },
        {
            name: 'stale_feed_data',
            description: "Triggers if the CVE data for the image's distro is older than the window specified by the parameter MAXAGE (unit is number of days).",
            params: [{ name: 'max_days_since_sync', description: 'Fire the trigger if the last sync was more than this number of days ago.', type: 'integer', required: true, example: '10' }],
            evaluate: ({ ctx, params }) => {
                const max = params.max_days_since_sync;
                const last = ctx.vulnData?.lastSync;
                if (last && ctx.now.getTime() - last.getTime() <= max * DAY)
                    return [];
                return [{ message: `The vulnerability feed for this image distro is older than MAXAGE (${max}) days` }];
            },
        },
        {
            name: 'vulnerability_data_unavailable',
            description: "Triggers if vulnerability data is unavailable for the image's distro packages such as rpms or dpkg. Non-OS packages like npms and java are not considered in this evaluation",
            params: [],
            evaluate: ({ ctx }) => {
                if (ctx.vulnData?.distroDataAvailable)
                    return [];
                const ns = ctx.vulnData?.namespace ?? (ctx.distro ? `${ctx.distro.id}:${ctx.distro.versionId ?? ''}` : 'unknown');
                return [{ message: `Distro-specific feed data not found for distro namespace: ${ns}. Cannot perform CVE scan OS/distro packages` }];
            },
        },
        {
            name: 'kev_list',
            aliases: ['kev list'],
            description: "Triggers if a found vulnerability is in CISA's Known Exploited Vulnerabilities (KEV) catalog (Anchore Enterprise's `kev list` trigger, which has no parameters). The message is Portcullis' own: Anchore does not publish its text.",
            params: [],
            evaluate: ({ ctx }) => ctx.findings
                .filter((f) => f.kev)
                .map((f) => ({
                message: `${f.severity.toUpperCase()} Vulnerability ${anchoreVulnerabilityId(f)} in ${anchorePackageType(f.packageType).os ? 'os' : 'non-os'} package type (${anchorePackageType(f.packageType).pkgType}) - ${anchorePackageType(f.packageType).os ? f.packageName : (f.locations[0]?.path ?? f.packageName)} is in the CISA KEV catalog (added ${f.kev.dateAdded}${f.kev.dueDate ? `, due ${f.kev.dueDate}` : ''}${f.kev.knownRansomwareCampaignUse === 'Known' ? ', known ransomware campaign use' : ''})`,
                triggerId: vulnerabilityTriggerId(f),
            })),
        },
        {
            name: 'blacklist',
            aliases: ['denylist'],
            description: 'Triggers if any of a list of specified vulnerabilities has been detected in the image.',
            params: [
                { name: 'vulnerability_ids', description: 'List of vulnerability IDs, will cause the trigger to fire if any are detected.', type: 'string-list', required: true, example: 'CVE-2019-1234' },
                vendorOnly,
            ],
            evaluate: ({ ctx, params }) => {
                const wanted = params.vulnerability_ids;
                const found = wanted.filter((id) => ctx.findings.some((f) => (f.id === id || f.aliases.includes(id)) && !(params.vendor_only && f.fix.state === 'wont-fix')));
                return found.length > 0 ? [{ message: `Blacklisted vulnerabilities detected: ${pyList(found)}` }] : [];
            },
        },
    ],
};
/** A Python list repr of strings: `['CVE-1', 'CVE-2']`. */
function pyList(items) {
    return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}
function packageMatches(f, p, now) {
    const { os } = anchorePackageType(f.packageType);
    if (p.package_type === 'os' && !os)
        return false;
    if (p.package_type === 'non-os' && os)
        return false;
    if (!os && typeof p.package_path_exclude === 'string' && f.locations.some((l) => (0,params/* reMatch */.$D)(p.package_path_exclude, l.path)))
        return false;
    if (!(0,metadata/* cmp */.r2)(p.severity_comparison, severityRank(f.severity), severityRank(p.severity)))
        return false;
    if (p.vendor_only && f.fix.state === 'wont-fix')
        return false;
    const fixed = f.fix.versions.length > 0;
    if (p.fix_available !== undefined && fixed !== p.fix_available)
        return false;
    if (typeof p.max_days_since_creation === 'number') {
        const created = f.published ? Date.parse(f.published) : Number.NaN;
        if (Number.isNaN(created) || now.getTime() - created <= p.max_days_since_creation * DAY)
            return false;
    }
    if (p.fix_available === true && typeof p.max_days_since_fix === 'number') {
        const seen = Date.parse(f.modified ?? f.published ?? '');
        if (Number.isNaN(seen) || now.getTime() - seen <= p.max_days_since_fix * DAY)
            return false;
    }
    for (const [name, source, kind] of SCORES) {
        const want = p[name];
        if (typeof want !== 'number')
            continue;
        if (!(0,metadata/* cmp */.r2)(p[`${name}_comparison`], maxScore(f, source, kind), want))
            return false;
    }
    if (typeof p.epss_score === 'number' && !(0,metadata/* cmp */.r2)(p.epss_score_comparison, f.epss?.score ?? -1, p.epss_score))
        return false;
    if (typeof p.epss_percentile === 'number' && !(0,metadata/* cmp */.r2)(p.epss_percentile_comparison, f.epss?.percentile ?? -1, p.epss_percentile))
        return false;
    return true;
}
/** Anchore's message (reference §1.3.1), reproduced exactly for the parts the reference gives. */
function packageMessage(f, p) {
    const { os, pkgType } = anchorePackageType(f.packageType);
    const pkgname = os ? f.packageName : (f.locations[0]?.path ?? f.packageName);
    const fixMsg = f.fix.versions.length > 0 ? `(fixed in: ${f.fix.versions.join(', ')})` : '';
    // Each part is `(name=value name=value)`, space-separated, a value shown only when Python finds it truthy (0.0 is
    // not); the time part gives the date compared (anchore-engine gates/vulnerabilities.py VulnerabilityMatchTrigger).
    const tuples = (source) => SCORES.filter(([n, s]) => s === source && typeof p[n] === 'number')
        .map(([n, s, k]) => [n, maxScore(f, s, k)])
        .filter(([, v]) => v !== 0)
        .map(([n, v]) => `${n}=${pyFloat(v)}`);
    const part = (items) => (items.length > 0 ? `(${items.join(' ')})` : '');
    const scoreMsg = part(tuples('nvd'));
    const vendorMsg = part(tuples('vendor'));
    const times = [];
    if (typeof p.max_days_since_creation === 'number' && f.published)
        times.push(`max_days_since_creation=${f.published.slice(0, 10)}`);
    if (p.fix_available === true && typeof p.max_days_since_fix === 'number' && (f.modified ?? f.published))
        times.push(`max_days_since_fix=${(f.modified ?? f.published).slice(0, 10)}`);
    const timeMsg = part(times);
    const link = f.references[0] ?? 'N/A';
    return `${f.severity.toUpperCase()} Vulnerability found in ${os ? 'os' : 'non-os'} package type (${pkgType}) - ${pkgname} ${fixMsg}${scoreMsg}${timeMsg}${vendorMsg}(${anchoreVulnerabilityId(f)} - ${link})`;
}


/***/ }),

/***/ 76734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ reMatch),
/* harmony export */   DL: () => (/* binding */ compileRegex),
/* harmony export */   G5: () => (/* binding */ parseParamValue),
/* harmony export */   H5: () => (/* binding */ checkParamValue),
/* harmony export */   ur: () => (/* binding */ regexError)
/* harmony export */ });
const INTEGER = /^\s*\d+\s*$/;
const FLOAT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const STRING_LIST = /^\s*[^,]*[^,\s][^,]*(,\s*[^,]*[^,\s][^,]*)*\s*$/;
const INTEGER_LIST = /^\s*\d+\s*(,\s*\d+\s*)*$/;
/** Checks one raw (string) param value against its spec. Returns a problem text, or undefined when valid. */
function checkParamValue(spec, value, rawParams) {
    if (typeof value !== 'string')
        return `must be a string (Anchore param values are strings), got ${describeType(value)}`;
    switch (spec.type) {
        case 'string':
            break;
        case 'enum': {
            const allowed = spec.allowed ?? [];
            const ok = spec.caseInsensitive ? allowed.some((a) => a.toLowerCase() === value.toLowerCase()) : allowed.includes(value);
            if (!ok)
                return `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`;
            break;
        }
        case 'boolean':
            if (!['true', 'false'].includes(value.toLowerCase()))
                return `must be "true" or "false", got ${JSON.stringify(value)}`;
            break;
        case 'integer':
            if (!INTEGER.test(value))
                return `must be a non-negative integer, got ${JSON.stringify(value)}`;
            break;
        case 'float':
            if (!FLOAT.test(value))
                return `must be a number, got ${JSON.stringify(value)}`;
            break;
        case 'string-list':
            if (!STRING_LIST.test(value))
                return `must be a comma-separated list of non-empty items, got ${JSON.stringify(value)}`;
            break;
        case 'integer-list':
            if (!INTEGER_LIST.test(value))
                return `must be a comma-separated list of integers, got ${JSON.stringify(value)}`;
            break;
    }
    // Regex params are not compiled here: Anchore loads a bundle whose regex does not compile (its own all-rules test
    // bundle has `*\.pem`), and the rule fails when it runs, as an evaluation problem (evaluate.ts runRule).
    return spec.validate?.(value, rawParams);
}
/** Parses a validated raw value. */
function parseParamValue(spec, value) {
    switch (spec.type) {
        case 'boolean':
            return value.toLowerCase() === 'true';
        case 'integer':
            return Number.parseInt(value.trim(), 10);
        case 'float':
            return Number.parseFloat(value.trim());
        case 'string-list':
            return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
        case 'integer-list':
            return value.split(',').map((s) => Number.parseInt(s.trim(), 10));
        case 'enum':
            if (spec.caseInsensitive)
                return spec.allowed?.find((a) => a.toLowerCase() === value.toLowerCase()) ?? value;
            return value;
        default:
            return value;
    }
}
/** The compile error of a regex (JavaScript syntax, which accepts the common subset of Python's `re`). */
function regexError(source) {
    try {
        compileRegex(source);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}
/**
 * Compiles a bundle regex. Python's leading inline flags (`(?i)`, `(?s)`, `(?m)`), common in Anchore bundles, become
 * JavaScript flags. `anchor` wraps the pattern for Python's `re.match` (anchored at the start only).
 */
function compileRegex(source, options = {}) {
    let flags = '';
    let body = source;
    const m = /^\(\?([ims]+)\)/.exec(body);
    if (m) {
        flags = [...new Set(m[1].split(''))].join('');
        body = body.slice(m[0].length);
    }
    if (options.anchor === 'start')
        body = `^(?:${body})`;
    else if (options.anchor === 'both')
        body = `^(?:${body})$`;
    return new RegExp(body, flags);
}
const cache = new Map();
/** Python's `re.match`: anchored at the start only. */
function reMatch(pattern, text) {
    let re = cache.get(pattern);
    if (!re) {
        re = compileRegex(pattern, { anchor: 'start' });
        cache.set(pattern, re);
    }
    return re.test(text);
}
function describeType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}


/***/ })

};
