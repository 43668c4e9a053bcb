export const id = 557;
export const ids = [557];
export const modules = {

/***/ 79733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L0: () => (/* binding */ repositoryNames),
/* harmony export */   P: () => (/* binding */ stableTriggerId),
/* harmony export */   TS: () => (/* binding */ findingsByTriggerId),
/* harmony export */   fQ: () => (/* binding */ triggerKeys),
/* harmony export */   ux: () => (/* binding */ findingKeys)
/* harmony export */ });
/* unused harmony exports triggerIdsOfFinding, triggerIdentity, repositoryOfName */
/* harmony import */ var _policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41589);
/**
 * What makes a finding or a policy trigger "the same" in two scans: the keys the delta matches on. Pure functions.
 *
 * - A finding: (package type, package name, installed version, vulnerability id), under every id it has (its id and
 *   its aliases), so a baseline that named it by its CVE matches a scan that names it by a GHSA, and back.
 * - A trigger: gate, trigger and trigger id. Anchore's default trigger id is md5(gate + trigger + message); the
 *   message is stable for every gate but `metadata`, whose message quotes the image's measured value (its size, its
 *   layer count), and the evaluation-error triggers, whose message quotes the error: those fire at most once per rule,
 *   so they are keyed by gate, trigger and rule id instead. A vulnerabilities-gate id `<vulnerability>+<package>` is
 *   matched under every id of the finding it is about (a GHSA now, a CVE in the baseline).
 */

const MD5_ID = /^[0-9a-f]{32}$/;
/** Gates whose default-id message carries a value measured on the image, not a fact about it. */
const MEASURED_MESSAGE_GATES = new Set(['metadata']);
const EVALUATION_ERROR = 'Trigger could not be evaluated:';
/** Every key a finding matches under: one per vulnerability id it has. */
function findingKeys(f) {
    const pkg = `${f.packageType}\u0000${f.packageName}\u0000${f.installedVersion}`;
    return [...new Set([f.id, ...f.aliases])].map((id) => `${pkg}\u0000${id.toUpperCase()}`);
}
/** The trigger ids a vulnerabilities-gate trigger about this finding may carry (its id or an alias, with the package). */
function triggerIdsOfFinding(f) {
    const pkg = (0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerPackageName */ ._F)(f);
    return [...new Set([(0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_0__/* .vulnerabilityTriggerId */ .GT)(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}
/** The findings of a report by the trigger ids that can be about them. */
function findingsByTriggerId(findings) {
    const out = new Map();
    for (const f of findings)
        for (const id of triggerIdsOfFinding(f))
            if (!out.has(id))
                out.set(id, f);
    return out;
}
/**
 * The one stable identity of a trigger (no alias expansion): `gate/trigger/trigger_id`, or `gate/trigger/rule:<id>`
 * where the default id hashes a measured value or an error.
 */
function triggerIdentity(p) {
    return `${p.gate.toLowerCase()}/${p.trigger.toLowerCase()}/${stableTriggerId(p)}`;
}
/** The trigger id, or `rule:<rule id>` where the default id hashes a measured value or an error message. */
function stableTriggerId(p) {
    if (MD5_ID.test(p.trigger_id) && (MEASURED_MESSAGE_GATES.has(p.gate.toLowerCase()) || p.message.startsWith(EVALUATION_ERROR)))
        return `rule:${p.rule_id}`;
    return p.trigger_id;
}
/** Every key a trigger matches under: its identity, and for a vulnerabilities trigger the same under each id of its finding. */
function triggerKeys(p, byTriggerId) {
    const identity = triggerIdentity(p);
    const plus = p.trigger_id.indexOf('+');
    if (p.gate.toLowerCase() !== 'vulnerabilities' || plus <= 0)
        return [identity];
    const f = byTriggerId.get(p.trigger_id);
    if (!f)
        return [identity];
    const base = `${p.gate.toLowerCase()}/${p.trigger.toLowerCase()}`;
    const pkg = p.trigger_id.slice(plus + 1);
    return [...new Set([identity, ...[f.id, ...f.aliases].map((id) => `${base}/${id}+${pkg}`)])];
}
const SCHEME = /^(oci-dir|oci-archive|docker-archive|tarball|dir|sbom|registry|docker):/;
const PATH_SCHEMES = new Set(['oci-dir', 'oci-archive', 'docker-archive', 'tarball', 'dir', 'sbom']);
/** `ghcr.io/o/app:1.2@sha256:…` → `ghcr.io/o/app`; Docker Hub's implied parts dropped (`docker.io/library/x` → `x`). */
function repositoryOfName(name) {
    const noDigest = name.replace(/@sha256:[0-9a-f]+$/i, '');
    const colon = noDigest.lastIndexOf(':');
    const repo = colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
    return repo.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '').toLowerCase();
}
/**
 * The names an image's repository goes by: its tags' repositories, and one from the reference the user gave (for a
 * file, the scheme and the file's base name, so that the same build output in another workspace is the same).
 * An SBOM that names no image has none.
 */
function repositoryNames(image) {
    const names = new Set(image.repoTags.map(repositoryOfName));
    const m = SCHEME.exec(image.reference);
    const rest = m ? image.reference.slice(m[0].length) : image.reference;
    if (m && PATH_SCHEMES.has(m[1])) {
        if (m[1] !== 'sbom') {
            const path = rest.split(':')[0].replace(/\/+$/, '');
            const base = path.split('/').pop();
            if (base)
                names.add(`${m[1]}:${base}`);
        }
    }
    else if (rest) {
        names.add(repositoryOfName(rest));
    }
    return [...names];
}


/***/ }),

/***/ 58995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F_: () => (/* binding */ deltaCounts),
/* harmony export */   G8: () => (/* binding */ renderDeltaMarkdown),
/* harmony export */   II: () => (/* binding */ renderDeltaText),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   lz: () => (/* binding */ deltaLine)
/* harmony export */ });
/**
 * The delta against the baseline as people read it, for the formats and surfaces that show it (the table, the
 * Markdown summary and PR comment, the Action's summary, the CI wrappers' logs): a one-line form, plain text, and a
 * Markdown section. Each returns '' for a report without a baseline, so callers need no test of their own.
 */
const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
const bySeverity = (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.packageName < b.packageName ? -1 : a.packageName > b.packageName ? 1 : 0);
const byAction = (a, b) => (a.action === b.action ? 0 : a.action === 'stop' ? -1 : b.action === 'stop' ? 1 : a.action === 'warn' ? -1 : 1);
function baselineName(b) {
    return b.image.repoTags[0] ?? b.image.reference;
}
function kindText(b) {
    return b.kind === 'report' ? 'JSON report' : b.kind === 'sbom' ? 'SBOM, scanned with today\'s data' : 'the store\'s latest evaluation';
}
/** `+N new, -M fixed`: the headline of the delta, findings first. */
function deltaCounts(b) {
    return `+${b.counts.findings.new} new, -${b.counts.findings.fixed} fixed`;
}
/** One line: `+1 new, -0 fixed findings; +1 new triggers (1 STOP); decision WARN → STOP; new only: STOP`. */
function deltaLine(report) {
    const b = report.baseline;
    if (!b)
        return '';
    const t = b.counts.triggers;
    const acts = [t.newStop ? `${t.newStop} STOP` : '', t.newWarn ? `${t.newWarn} WARN` : ''].filter(Boolean).join(', ');
    return `${deltaCounts(b)} findings; +${t.new} new, -${t.fixed} fixed policy triggers${acts ? ` (${acts})` : ''}; decision ${b.decision} → ${report.decision}; new only: ${b.newDecision}${b.failScope === 'new' ? ' (the exit code, --fail-scope new)' : ''}`;
}
const findingText = (f) => `${f.severity} ${f.id} ${f.packageName} ${f.installedVersion}${f.fix.state === 'fixed' && f.fix.versions.length ? ` (fixed in ${f.fix.versions.join(', ')})` : ''}`;
const triggerText = (p) => `${p.action.toUpperCase()} ${p.gate}/${p.trigger}: ${p.message}`;
function listed(items, max, line, more) {
    return [...items.slice(0, max).map(line), ...(items.length > max ? [more(items.length - max)] : [])];
}
/** Plain text for the table and logs: the counts, the decisions, and short lists of what is new and what was fixed. */
function renderDeltaText(report, options = {}) {
    const b = report.baseline;
    if (!b)
        return '';
    const max = options.maxRows ?? 10;
    const t = b.counts.triggers;
    const newFindings = report.findings.filter((f) => f.baseline === 'new').sort(bySeverity);
    const newTriggers = (report.policy?.findings ?? []).filter((p) => p.baseline === 'new' && p.action !== 'go').sort(byAction);
    const lines = [
        `Against the baseline ${baselineName(b)} (${kindText(b)}: ${b.source})`,
        `  findings: ${deltaCounts(b)}, ${b.counts.findings.existing} existing`,
        `  policy triggers: +${t.new} new (${t.newStop} STOP, ${t.newWarn} WARN), -${t.fixed} fixed, ${t.existing} existing`,
        `  decision: ${b.decision} → ${report.decision}; new only: ${b.newDecision}${b.failScope === 'new' ? ' (the exit code: --fail-scope new)' : ''}`,
    ];
    if (newFindings.length)
        lines.push('  new findings:', ...listed(newFindings, max, (f) => `    + ${findingText(f)}`, (n) => `    … and ${n} more`));
    if (newTriggers.length)
        lines.push('  new STOP/WARN triggers:', ...listed(newTriggers, max, (p) => `    + ${triggerText(p)}`, (n) => `    … and ${n} more`));
    if (b.fixed.findings.length)
        lines.push('  fixed since the baseline:', ...listed([...b.fixed.findings].sort(bySeverity), max, (f) => `    - ${findingText(f)}`, (n) => `    … and ${n} more`));
    return `${lines.join('\n')}\n`;
}
/** A cell's text at most this long (a trigger's message can run long; the JSON report has it whole). */
const MAX_CELL = 240;
/** Escapes text for a Markdown table cell or inline text, cut to MAX_CELL characters. */
function md(s) {
    const one = s.replace(/\r?\n/g, ' ');
    const cut = one.length > MAX_CELL ? `${one.slice(0, MAX_CELL - 1)}…` : one;
    return cut.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
}
/** Text as an inline code span: no escapes inside one (they would show), so a backtick becomes a quote. */
function codeSpan(s) {
    return `\`${s.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}
/** A Markdown section (the job summary, the PR comment): counts, decisions before → after, new and fixed lists. */
function renderDeltaMarkdown(report, options = {}) {
    const b = report.baseline;
    if (!b)
        return '';
    const max = options.maxRows ?? 10;
    const h = '#'.repeat(options.headingLevel ?? 3);
    const t = b.counts.triggers;
    const newFindings = report.findings.filter((f) => f.baseline === 'new').sort(bySeverity);
    const newTriggers = (report.policy?.findings ?? []).filter((p) => p.baseline === 'new' && p.action !== 'go').sort(byAction);
    const fixed = [...b.fixed.findings].sort(bySeverity);
    const findingRow = (f) => `| ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state)} |`;
    const findingTable = (list) => ['| Severity | Vulnerability | Package | Version | Fixed in |', '|---|---|---|---|---|', ...listed(list, max, findingRow, (n) => `| | … and ${n} more | | | |`)];
    const out = [
        `${h} Against the baseline`,
        '',
        `**${deltaCounts(b)}** findings (${b.counts.findings.existing} existing) · policy triggers **+${t.new} new** (${t.newStop} STOP, ${t.newWarn} WARN), **-${t.fixed} fixed**, ${t.existing} existing`,
        '',
        '| | Baseline | This change |',
        '|---|---|---|',
        `| Decision | ${b.decision} | **${report.decision}** |`,
        `| New only | | **${b.newDecision}**${b.failScope === 'new' ? ' (the exit code: `--fail-scope new`)' : ''} |`,
        '',
        `Baseline: ${codeSpan(baselineName(b))}${b.image.manifestDigest ? ` (\`${b.image.manifestDigest.slice(0, 19)}…\`)` : ''}, ${kindText(b)} ${md(b.source)}, ${b.createdAt}.`,
    ];
    if (newFindings.length)
        out.push('', `**New findings (${newFindings.length})**`, '', ...findingTable(newFindings));
    if (newTriggers.length) {
        out.push('', `**New STOP/WARN triggers (${newTriggers.length})**`, '', '| Action | Gate | Trigger | Detail |', '|---|---|---|---|');
        out.push(...listed(newTriggers, max, (p) => `| ${p.action.toUpperCase()} | ${md(p.gate)} | ${md(p.trigger)} | ${md(p.message)} |`, (n) => `| | | | … and ${n} more |`));
    }
    if (fixed.length)
        out.push('', `<details><summary>Fixed since the baseline (${fixed.length})</summary>`, '', ...findingTable(fixed), '', '</details>');
    return `${out.join('\n')}\n`;
}


/***/ }),

/***/ 77550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   Qr: () => (/* binding */ GITHUB_SUMMARY_MAX_BYTES),
/* harmony export */   RC: () => (/* binding */ GITHUB_SARIF_LIMITS),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   VQ: () => (/* binding */ platformText),
/* harmony export */   Zj: () => (/* binding */ scopedReport),
/* harmony export */   _Y: () => (/* binding */ stableJson),
/* harmony export */   an: () => (/* binding */ imageRepository),
/* harmony export */   ec: () => (/* binding */ imageLabel),
/* harmony export */   j6: () => (/* binding */ fromLine),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   tN: () => (/* binding */ dataWarning),
/* harmony export */   td: () => (/* binding */ scopedFindings),
/* harmony export */   ti: () => (/* binding */ reportScope),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* unused harmony exports GITHUB_COMMENT_MAX_CHARS, cmp, inReportScope, findingTriggerIds */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41589);
/** The output format contract, and the helpers every format shares (report scope, severity order, origins). */


const GITHUB_SARIF_LIMITS = { maxResultsPerRun: 25_000, maxLocationsPerResult: 1_000, maxGzipBytes: 10 * 1024 * 1024 };
/** GitHub's job summary limit (1 MiB per step); a PR comment holds 65,536 characters. */
const GITHUB_SUMMARY_MAX_BYTES = 1024 * 1024;
const GITHUB_COMMENT_MAX_CHARS = 65_536;
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
/** 0 for Critical … 5 for Unknown. */
function severityRank(s) {
    const i = SEVERITIES.indexOf(s);
    return i < 0 ? SEVERITIES.length : i;
}
/** Most severe first, then by id, package name, version and first path: a total, stable order. */
function compareFindings(a, b) {
    return (severityRank(a.severity) - severityRank(b.severity) ||
        cmp(a.id, b.id) ||
        cmp(a.packageName, b.packageName) ||
        cmp(a.installedVersion, b.installedVersion) ||
        cmp(a.locations[0]?.path ?? '', b.locations[0]?.path ?? '') ||
        cmp(a.packageId, b.packageId));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Whether a finding is in the report scope (`severityCutoff`, `onlyFixed`). */
function inReportScope(f, options) {
    const cutoff = options.severityCutoff ? severityRank(options.severityCutoff) : SEVERITIES.length;
    return severityRank(f.severity) <= cutoff && (!options.onlyFixed || f.fix.state === 'fixed');
}
/** The findings in the report scope, sorted. */
function scopedFindings(report, options) {
    return report.findings.filter((f) => inReportScope(f, options)).sort(compareFindings);
}
/**
 * The trigger ids a vulnerabilities-gate trigger about this finding may carry: Anchore's (`GHSA-…+pkg` for language
 * packages), and the finding's id or an alias with the package (reports written before that).
 */
function findingTriggerIds(f) {
    const pkg = (0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__/* .triggerPackageName */ ._F)(f);
    return [...new Set([(0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_1__/* .vulnerabilityTriggerId */ .GT)(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}
function reportScope(report, options) {
    const findings = scopedFindings(report, options);
    const vuln = new Map();
    for (const p of report.policy?.findings ?? []) {
        if (p.gate !== 'vulnerabilities')
            continue;
        const list = vuln.get(p.trigger_id);
        if (list)
            list.push(p);
        else
            vuln.set(p.trigger_id, [p]);
    }
    const triggersOf = (f) => [...new Set(findingTriggerIds(f).flatMap((id) => vuln.get(id) ?? []))];
    const shown = new Set(findings.flatMap(triggersOf));
    const about = findings.length === report.findings.length ? shown : new Set(report.findings.flatMap(triggersOf));
    return { findings, triggersOf, outOfScope: (p) => about.has(p) && !shown.has(p) };
}
/**
 * The report with only the findings in scope (what the full-report formats render). The policy evaluation is kept
 * whole: it is the record of the decision, which the scope does not change.
 */
function scopedReport(report, options) {
    if (!options.severityCutoff && !options.onlyFixed)
        return report;
    return { ...report, findings: scopedFindings(report, options) };
}
/**
 * A path of the checkout as the repository names it (forward slashes, relative to `checkoutRoot`), or undefined
 * when it lies outside the checkout.
 */
function repositoryPath(path, checkoutRoot, cwd = process.cwd()) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, checkoutRoot), (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, path));
    if (rel === '' || rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel))
        return undefined;
    return rel.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}
function countBySeverity(findings) {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    for (const f of findings)
        counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    return counts;
}
/** The Dockerfile origin of a file in the image, through the layer that last wrote it. */
function originOf(report, location) {
    const layerIndex = location?.provenance?.layerIndex;
    if (layerIndex === undefined || !report.dockerfile)
        return undefined;
    const origin = report.dockerfile.origins.find((o) => o.layerIndex === layerIndex);
    return origin?.line !== undefined ? origin : undefined;
}
/** The FROM line of the Dockerfile (where base-image findings and image-wide results go). */
function fromLine(report) {
    return report.dockerfile?.origins.find((o) => o.base && o.line !== undefined)?.line;
}
/** `linux/amd64`, `linux/arm64/v8`. */
function platformText(report) {
    const p = report.image.platform;
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** The image's name without tag or digest, from its first tag or the reference the user gave. */
function imageRepository(report) {
    const name = report.image.repoTags[0] ?? report.image.reference;
    const noDigest = name.replace(/@sha256:[0-9a-f]+$/i, '');
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** How the image is named to people: its first tag, else the reference; with the digest when known. */
function imageLabel(report) {
    return report.image.repoTags[0] ?? report.image.reference;
}
/** JSON with a fixed key order for the top level (as listed) and sorted keys below it. */
function stableJson(value, topLevelOrder = [], indent = 2) {
    const sortDeep = (v) => {
        if (Array.isArray(v))
            return v.map(sortDeep);
        if (v && typeof v === 'object') {
            const o = v;
            return Object.fromEntries(Object.keys(o)
                .filter((k) => o[k] !== undefined)
                .sort()
                .map((k) => [k, sortDeep(o[k])]));
        }
        return v;
    };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const o = value;
        const keys = [...topLevelOrder.filter((k) => k in o), ...Object.keys(o).filter((k) => !topLevelOrder.includes(k)).sort()];
        const ordered = Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, sortDeep(o[k])]));
        return `${JSON.stringify(ordered, null, indent)}\n`;
    }
    return `${JSON.stringify(sortDeep(value), null, indent)}\n`;
}
/** The warning a report's vulnerability data deserves, if any: none at all, or stale. */
function dataWarning(report) {
    const vd = report.vulnerabilityData;
    if (!vd)
        return undefined;
    if (vd.sources.length === 0)
        return 'no vulnerability data was available, so no package was checked (run "portcullis db update")';
    if (vd.stale)
        return `the vulnerability data is stale (${vd.ageDays ?? '?'} days old)`;
    return undefined;
}


/***/ }),

/***/ 84315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ unknownsSummary),
/* harmony export */   f: () => (/* binding */ unknownLine)
/* harmony export */ });
const KIND_LABEL = {
    database: ['unreadable package database', 'unreadable package databases'],
    file: ['unreadable file', 'unreadable files'],
    entry: ['image entry ignored', 'image entries ignored'],
    match: ['package not matched', 'packages not matched'],
    sbom: ['SBOM entry skipped', 'SBOM entries skipped'],
    other: ['other', 'other'],
};
function kindOf(u) {
    if (u.packageDatabase !== undefined)
        return 'database';
    if (u.stage === 'image')
        return /content cap|could not be read|unreadable/.test(u.reason) ? 'file' : 'entry';
    if (u.stage === 'match')
        return 'match';
    if (u.stage === 'sbom')
        return 'sbom';
    // Catalogers: `catalog/<id>` (language) or the cataloger id (dpkg, apk, rpm…): a file they could not use.
    if (u.stage.startsWith('catalog/') || u.path !== undefined)
        return 'file';
    return 'other';
}
/** `5 unknowns: 1 unreadable package database, 3 unreadable files, 1 package not matched; see the report`. */
function unknownsSummary(unknowns, see = 'the report') {
    if (unknowns.length === 0)
        return undefined;
    const counts = new Map();
    for (const u of unknowns)
        counts.set(kindOf(u), (counts.get(kindOf(u)) ?? 0) + 1);
    const parts = Object.keys(KIND_LABEL).flatMap((k) => {
        const n = counts.get(k);
        return n ? [`${n} ${KIND_LABEL[k][n === 1 ? 0 : 1]}`] : [];
    });
    return `${unknowns.length} unknown${unknowns.length === 1 ? '' : 's'}: ${parts.join(', ')}; see ${see}`;
}
/** `/lib/apk/db/installed (apk package database): reason [stage]`. */
function unknownLine(u) {
    const what = u.packageDatabase ? ` (${u.packageDatabase} package database)` : '';
    return `${u.path ?? '(no path)'}${what}: ${u.reason} [${u.stage}]`;
}


/***/ }),

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ OUTPUT_FORMATS),
  L: () => (/* binding */ parseOutputSpecs)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: ./src/output/formats/unknowns.ts
var formats_unknowns = __webpack_require__(84315);
// EXTERNAL MODULE: ./src/output/format.ts
var format = __webpack_require__(77550);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/output/formats/sbom-common.ts
/** What the SBOM formats share: licence expressions and document ids. */

const SIMPLE_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;
const EXPRESSION = /^[A-Za-z0-9.+:()\s-]+$/;
/** True when the text looks like an SPDX expression (ids joined by AND/OR/WITH), not free text. */
function isLicenseExpression(s) {
    const t = s.trim();
    if (!t || !EXPRESSION.test(t))
        return false;
    const tokens = t.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
    return tokens.every((tok, i) => (i % 2 === 1 ? /^(AND|OR|WITH)$/.test(tok) : SIMPLE_ID.test(tok) || tok.startsWith('LicenseRef-'))) && tokens.length % 2 === 1;
}
/** The licences of a package as one SPDX expression, when all of them are expressions. */
function combinedExpression(licenses) {
    const unique = [...new Set(licenses.map((l) => l.trim()).filter(Boolean))];
    if (unique.length === 0 || !unique.every(isLicenseExpression))
        return undefined;
    return unique.length === 1 ? unique[0] : unique.map((l) => (/\s/.test(l) ? `(${l})` : l)).join(' AND ');
}
/** A UUID (version 5 layout) derived from the text: the same input gives the same document id. */
function uuidFrom(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

;// CONCATENATED MODULE: ./src/output/formats/cyclonedx.ts
/**
 * CycloneDX 1.6 JSON: the image as the main component, the OS and every package as components, and the findings in
 * the report scope as vulnerabilities. Written directly (no library), and validated against the 1.6 schema in tests.
 */



const SEVERITY = { Critical: 'critical', High: 'high', Medium: 'medium', Low: 'low', Negligible: 'info', Unknown: 'unknown' };
const METHOD = { '2.0': 'CVSSv2', '3.0': 'CVSSv3', '3.1': 'CVSSv31', '4.0': 'CVSSv4' };
function licenses(p) {
    if (p.licenses.length === 0)
        return undefined;
    const expression = combinedExpression(p.licenses);
    if (expression)
        return [{ expression }];
    return [...new Set(p.licenses)].map((name) => ({ license: { name } }));
}
function component(p) {
    const lic = licenses(p);
    return {
        'bom-ref': p.id,
        type: 'library',
        name: p.name,
        version: p.version,
        purl: p.purl,
        ...(lic ? { licenses: lic } : {}),
        properties: [
            { name: 'portcullis:package:type', value: p.type },
            { name: 'portcullis:package:foundBy', value: p.foundBy },
            ...(p.source ? [{ name: 'portcullis:package:sourceName', value: p.source.name }] : []),
            ...(p.arch ? [{ name: 'portcullis:package:arch', value: p.arch }] : []),
            ...p.locations.map((l, i) => ({ name: `portcullis:location:${i}:path`, value: l.path })),
            ...p.locations.flatMap((l, i) => (l.provenance ? [{ name: `portcullis:location:${i}:layerDigest`, value: l.provenance.layerDigest }] : [])),
        ],
    };
}
function vulnerability(f, known) {
    if (!known.has(f.packageId))
        return undefined;
    const ratings = f.cvss.length
        ? f.cvss.map((c) => ({ ...(c.source ? { source: { name: c.source } } : {}), score: c.baseScore, severity: SEVERITY[f.severity], method: METHOD[c.version] ?? 'other', vector: c.vector }))
        : [{ severity: SEVERITY[f.severity] }];
    return {
        'bom-ref': `${f.id}:${f.packageId}`,
        id: f.id,
        source: { name: f.dataSource },
        ratings,
        ...(f.summary ? { description: f.summary } : {}),
        ...(f.fix.state === 'fixed' && f.fix.versions.length ? { recommendation: `Upgrade ${f.packageName} to ${f.fix.versions.join(' or ')}.` } : {}),
        ...(f.references.length ? { advisories: f.references.map((url) => ({ url })) } : {}),
        ...(f.published ? { published: f.published } : {}),
        ...(f.aliases.length ? { references: f.aliases.map((id) => ({ id, source: { name: id.startsWith('GHSA-') ? 'GitHub' : 'alias' } })) } : {}),
        affects: [{ ref: f.packageId, versions: [{ version: f.installedVersion, status: 'affected' }] }],
    };
}
const cyclonedxFormat = {
    id: 'cyclonedx',
    version: 1,
    aliases: ['cyclonedx-json', 'cdx'],
    mediaType: 'application/vnd.cyclonedx+json; version=1.6',
    defaultFileName: 'portcullis.cdx.json',
    description: 'CycloneDX 1.6 JSON SBOM, with the findings as vulnerabilities',
    render(report, options) {
        const imageRef = 'image';
        const d = report.distro;
        const known = new Set(report.packages.map((p) => p.id));
        const doc = {
            bomFormat: 'CycloneDX',
            specVersion: '1.6',
            serialNumber: `urn:uuid:${uuidFrom([report.image.configDigest, report.image.manifestDigest ?? '', report.createdAt].join('\u0000'))}`,
            version: 1,
            metadata: {
                timestamp: report.createdAt,
                tools: { components: [{ type: 'application', name: 'portcullis', version: report.tool.version }] },
                component: {
                    'bom-ref': imageRef,
                    type: 'container',
                    name: (0,format/* imageRepository */.an)(report),
                    version: report.image.manifestDigest ?? report.image.configDigest,
                    properties: [
                        { name: 'portcullis:image:reference', value: (0,format/* imageLabel */.ec)(report) },
                        { name: 'portcullis:image:configDigest', value: report.image.configDigest },
                        { name: 'portcullis:image:platform', value: [report.image.platform.os, report.image.platform.architecture, report.image.platform.variant].filter(Boolean).join('/') },
                        ...report.image.repoDigests.map((value) => ({ name: 'portcullis:image:repoDigest', value })),
                    ],
                },
                // What could not be read (a package database there means its packages are missing from this SBOM).
                ...(report.unknowns.length ? { properties: report.unknowns.map((u) => ({ name: 'portcullis:unknown', value: (0,formats_unknowns/* unknownLine */.f)(u) })) } : {}),
            },
            components: [
                ...(d ? [{ 'bom-ref': `os:${d.id}`, type: 'operating-system', name: d.id, ...(d.versionId ? { version: d.versionId } : {}), ...(d.prettyName ? { description: d.prettyName } : {}) }] : []),
                ...report.packages.map(component),
            ],
            dependencies: [{ ref: imageRef, dependsOn: [...(d ? [`os:${d.id}`] : []), ...report.packages.map((p) => p.id)] }],
            vulnerabilities: (0,format/* scopedFindings */.td)(report, options)
                .map((f) => vulnerability(f, known))
                .filter((v) => v !== undefined),
        };
        return (0,format/* stableJson */._Y)(doc, ['bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components', 'dependencies', 'vulnerabilities']);
    },
};

// EXTERNAL MODULE: ./src/baseline/render.ts
var render = __webpack_require__(58995);
;// CONCATENATED MODULE: ./src/output/formats/gitlab.ts
/** GitLab's container-scanning report, schema 15.0.7. */




const SCHEMA_VERSION = '15.0.7';
const gitlab_SEVERITY = { Critical: 'Critical', High: 'High', Medium: 'Medium', Low: 'Low', Negligible: 'Info', Unknown: 'Unknown' };
const URL = /^(https?|ftp):\/\/.+/;
/** yyyy-mm-ddThh:mm:ss, as the schema wants. */
function gitlabTime(iso) {
    return new Date(iso).toISOString().slice(0, 19);
}
function identifier(id) {
    if (/^CVE-\d+-\d+$/i.test(id))
        return { type: 'cve', name: id, value: id, url: `https://nvd.nist.gov/vuln/detail/${id}` };
    if (/^GHSA-/i.test(id))
        return { type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${id}` };
    return { type: id.split('-')[0].toLowerCase() || 'id', name: id, value: id };
}
function gitlab_vulnerability(report, f, os, image) {
    const fix = f.fix.state === 'fixed' && f.fix.versions.length ? `Upgrade ${f.packageName} to ${f.fix.versions.join(' or ')}.` : undefined;
    const cvss = f.cvss.filter((c) => c.version !== '4.0' && c.vector.length >= 16).map((c) => ({ vendor: c.source ?? 'unknown', vector: c.version === '2.0' ? c.vector.replace(/^CVSS:2\.0\//, '') : c.vector }));
    return {
        id: uuidFrom([(0,format/* imageLabel */.ec)(report), f.id, f.packageType, f.packageName, f.installedVersion, f.locations[0]?.path ?? ''].join('\u0000')),
        name: f.id,
        description: [f.summary ?? `${f.id} in ${f.packageName}`, ...exploitNotes(f)].join(' ').slice(0, 1_048_576),
        severity: gitlab_SEVERITY[f.severity],
        ...(fix ? { solution: fix } : {}),
        identifiers: [identifier(f.id), ...f.aliases.map(identifier)],
        ...(cvss.length ? { cvss_vectors: cvss.slice(0, 10) } : {}),
        links: f.references.filter((r) => URL.test(r)).map((url) => ({ url })),
        // Against the scan's baseline (`--baseline`): a text detail, where the 15.0.7 schema allows named fields.
        ...(f.baseline ? { details: { baseline: { type: 'text', name: 'Baseline', value: f.baseline === 'new' ? 'new (not in the baseline)' : 'existing (also in the baseline)' } } } : {}),
        location: {
            dependency: { package: { name: f.packageName }, version: f.installedVersion },
            operating_system: os,
            image,
        },
    };
}
/** KEV, EPSS and where the severity came from, as sentences of the description (the 15.0.7 schema has no field for them). */
function exploitNotes(f) {
    return [
        ...(f.kev ? [`In CISA KEV since ${f.kev.dateAdded}.`] : []),
        ...(f.epss ? [`EPSS ${(f.epss.score * 100).toFixed(2)}% (percentile ${(f.epss.percentile * 100).toFixed(0)}).`] : []),
        `Severity source: ${f.severitySource}.`,
    ];
}
const gitlabFormat = {
    id: 'gitlab',
    version: 1,
    aliases: ['gitlab-container-scanning'],
    mediaType: 'application/json',
    defaultFileName: 'gl-container-scanning-report.json',
    description: `GitLab container-scanning report (schema ${SCHEMA_VERSION})`,
    render(report, options) {
        const d = report.distro;
        const os = d ? [d.id, d.versionId ?? d.versionCodename].filter(Boolean).join(' ') : 'unknown';
        const image = (0,format/* imageLabel */.ec)(report);
        const time = gitlabTime(report.createdAt);
        const scanner = { id: 'portcullis', name: 'Portcullis', version: report.tool.version, vendor: { name: 'Portcullis' } };
        const messages = [
            ...((0,format/* dataWarning */.tN)(report) ? [{ level: 'warn', value: `Warning: ${(0,format/* dataWarning */.tN)(report)}.` }] : []),
            ...(report.vulnerabilityData?.gaps ?? []).map((g) => ({ level: 'warn', value: `Not checked: ${g.message}.` })),
            ...(report.unknowns.length ? [{ level: 'warn', value: `${(0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'the Portcullis JSON report')}.` }] : []),
            ...report.unknowns.filter((u) => u.packageDatabase).map((u) => ({ level: 'warn', value: `Not read: ${(0,formats_unknowns/* unknownLine */.f)(u)}.` })),
            ...(report.policy ? [{ level: 'info', value: `Policy ${report.policy.bundle_name}: ${report.policy.final_action.toUpperCase()} (decision ${report.decision}).` }] : []),
            ...(report.baseline ? [{ level: 'info', value: `Against the baseline ${report.baseline.image.repoTags[0] ?? report.baseline.image.reference}: ${(0,render/* deltaLine */.lz)(report)}.` }] : []),
        ];
        const doc = {
            version: SCHEMA_VERSION,
            scan: {
                analyzer: scanner,
                scanner,
                type: 'container_scanning',
                start_time: time,
                end_time: time,
                status: 'success',
                ...(messages.length ? { messages } : {}),
            },
            vulnerabilities: (0,format/* scopedFindings */.td)(report, options).map((f) => gitlab_vulnerability(report, f, os, image)),
            remediations: [],
        };
        return (0,format/* stableJson */._Y)(doc, ['version', 'scan', 'vulnerabilities', 'remediations']);
    },
};

;// CONCATENATED MODULE: ./src/output/formats/json.ts

/** The order of ScanReport's top-level keys in the file (nested keys are sorted). */
const TOP_LEVEL = [
    'schemaVersion',
    'tool',
    'createdAt',
    'decision',
    'baseline',
    'image',
    'distro',
    'vulnerabilityData',
    'policy',
    'dockerfile',
    'packages',
    'findings',
    'unknowns',
    'plugins',
];
/** The full ScanReport (findings limited to the report scope), with a stable key order. */
const jsonFormat = {
    id: 'json',
    version: 1,
    aliases: [],
    mediaType: 'application/json',
    defaultFileName: 'portcullis-report.json',
    description: 'the full scan report: image, packages, findings, policy result and the data age',
    render: (report, options) => (0,format/* stableJson */._Y)((0,format/* scopedReport */.Zj)(report, options), TOP_LEVEL),
};

;// CONCATENATED MODULE: ./src/output/formats/junit.ts
/**
 * JUnit XML for the test views of Jenkins and GitLab: one testcase per fired policy trigger (plus the final decision)
 * and one per finding. STOP triggers and findings fail; WARN triggers pass with their message in system-out;
 * allowlisted triggers are skipped.
 */



/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
function xml(s) {
    return s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
/** `[new] ` / `[existing] ` before a case's message, against the scan's baseline (nothing without one). */
function mark(state) {
    return state ? `[${state}] ` : '';
}
/** The case's line saying where it stands against the baseline. */
function baselineNote(state) {
    return state === 'new' ? '\nBaseline: new (not in the baseline)' : state === 'existing' ? '\nBaseline: existing (also in the baseline)' : '';
}
function suite(name, cases) {
    const failures = cases.filter((c) => c.failed).length;
    const skipped = cases.filter((c) => c.skipped).length;
    const lines = [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`];
    for (const c of cases) {
        if (c.body)
            lines.push(`    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}">`, c.body, '    </testcase>');
        else
            lines.push(`    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"/>`);
    }
    lines.push('  </testsuite>');
    return lines.join('\n');
}
const junitFormat = {
    id: 'junit',
    version: 1,
    aliases: ['junit-xml'],
    mediaType: 'application/xml',
    defaultFileName: 'portcullis-junit.xml',
    description: 'JUnit XML: a testcase per fired policy trigger and per finding',
    render(report, options) {
        const image = (0,format/* imageLabel */.ec)(report);
        const suites = [];
        let tests = 0;
        let failures = 0;
        const policy = report.policy;
        if (policy) {
            const cases = [
                {
                    classname: 'policy',
                    name: `final action for ${image}`,
                    failed: policy.final_action === 'stop',
                    skipped: false,
                    body: policy.final_action === 'stop' ? `      <failure message="${xml(`policy ${policy.bundle_name}: STOP`)}" type="STOP">${xml(`${policy.findings.filter((f) => f.action === 'stop').length} STOP triggers fired (${policy.final_action_reason})`)}</failure>` : '',
                },
            ];
            for (const p of policy.findings) {
                const text = `${p.message}${p.recommendation ? `\nRecommendation: ${p.recommendation}` : ''}${baselineNote(p.baseline)}`;
                const base = { classname: `policy.${p.gate}`, name: `${p.gate}/${p.trigger} ${p.rule_id} ${p.trigger_id}` };
                if (p.allowlisted)
                    cases.push({ ...base, failed: false, skipped: true, body: `      <skipped message="${xml(`allowlisted by ${p.allowlist_match?.name ?? p.allowlist_match?.id ?? 'an allowlist'}`)}"/>` });
                else if (p.action === 'stop')
                    cases.push({ ...base, failed: true, skipped: false, body: `      <failure message="${xml(`${mark(p.baseline)}${p.message}`)}" type="STOP">${xml(text)}</failure>` });
                else
                    cases.push({ ...base, failed: false, skipped: false, body: `      <system-out>${xml(`${mark(p.baseline)}${p.action.toUpperCase()}: ${text}`)}</system-out>` });
            }
            suites.push(suite(`policy ${policy.bundle_name} (${image})`, cases));
            tests += cases.length;
            failures += cases.filter((c) => c.failed).length;
        }
        const findings = (0,format/* scopedFindings */.td)(report, options);
        const cases = findings.map((f) => {
            const fix = f.fix.state === 'fixed' ? `fixed in ${f.fix.versions.join(', ')}` : `no fix (${f.fix.state})`;
            const exploit = [f.kev ? `in CISA KEV since ${f.kev.dateAdded}` : '', f.epss ? `EPSS ${(f.epss.score * 100).toFixed(2)}% (percentile ${(f.epss.percentile * 100).toFixed(0)})` : '', `severity source ${f.severitySource}`].filter(Boolean).join('; ');
            const detail = [`${f.id} (${f.severity}) in ${f.packageName} ${f.installedVersion} (${f.packageType}), ${fix}`, exploit, f.summary ?? '', ...f.locations.map((l) => `at ${l.path}`), ...f.references, baselineNote(f.baseline).trim()].filter(Boolean).join('\n');
            return {
                classname: `vulnerabilities.${f.packageType}`,
                name: `${f.id} ${f.packageName}@${f.installedVersion}`,
                failed: true,
                skipped: false,
                body: `      <failure message="${xml(`${mark(f.baseline)}${f.severity}: ${f.summary ?? f.id}`)}" type="${f.severity}">${xml(detail)}</failure>`,
            };
        });
        // What could not be checked for want of data: skipped cases, one line each.
        for (const g of report.vulnerabilityData?.gaps ?? []) {
            cases.push({ classname: 'vulnerabilities.data', name: `not checked: ${g.ecosystem ?? g.kind}`, failed: false, skipped: true, body: `      <skipped message="${xml(g.message)}"/>` });
        }
        suites.push(suite(`vulnerabilities (${image})`, cases));
        tests += cases.length;
        failures += cases.filter((c) => c.failed).length;
        // Against the baseline: the new-only decision (fails on a new STOP), and a passing case per fixed finding.
        const b = report.baseline;
        if (b) {
            const delta = [
                {
                    classname: 'baseline',
                    name: `new-only decision for ${image}`,
                    failed: b.newDecision === 'STOP',
                    skipped: false,
                    body: b.newDecision === 'STOP' ? `      <failure message="${xml(`new-only decision: STOP (${b.counts.triggers.newStop} new STOP triggers)`)}" type="STOP">${xml((0,render/* renderDeltaText */.II)(report))}</failure>` : `      <system-out>${xml((0,render/* renderDeltaText */.II)(report))}</system-out>`,
                },
                ...b.fixed.findings.map((f) => ({ classname: `baseline.fixed.${f.packageType}`, name: `${f.id} ${f.packageName}@${f.installedVersion}`, failed: false, skipped: false, body: `      <system-out>${xml(`[fixed] ${f.id} (${f.severity}) in ${f.packageName} ${f.installedVersion}: in the baseline, not in this scan`)}</system-out>` })),
            ];
            suites.push(suite(`baseline (${image} against ${b.image.repoTags[0] ?? b.image.reference})`, delta));
            tests += delta.length;
            failures += delta.filter((c) => c.failed).length;
        }
        // What could not be read: a skipped case each (a package database's gap fails through its policy trigger).
        if (report.unknowns.length) {
            const unread = report.unknowns.map((u) => ({ classname: `unknowns.${u.stage}`, name: `not read: ${u.path ?? u.stage}`, failed: false, skipped: true, body: `      <skipped message="${xml((0,formats_unknowns/* unknownLine */.f)(u))}"/>` }));
            suites.push(suite(`unknowns (${image}): ${(0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'the skipped cases') ?? ''}`, unread));
            tests += unread.length;
        }
        return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="portcullis" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
    },
};

;// CONCATENATED MODULE: ./src/output/formats/table.ts
/** A table for the terminal, most severe first, in colour only when asked. */



const COLOURS = {
    Critical: '\u001b[1;31m',
    High: '\u001b[31m',
    Medium: '\u001b[33m',
    Low: '\u001b[36m',
    Negligible: '\u001b[2m',
    Unknown: '\u001b[2m',
    STOP: '\u001b[1;31m',
    WARN: '\u001b[1;33m',
    GO: '\u001b[1;32m',
};
const RESET = '\u001b[0m';
/** Colour is wanted on a TTY unless NO_COLOR is set; FORCE_COLOR forces it (the rules: `common/progress.ts`). */

/** Terminal columns a text takes: one per code point (the table holds no wide characters). */
const widthOf = (s) => [...s].length;
function cut(text, width) {
    const chars = [...text];
    return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
/** Breaks a text into lines of at most `width` columns, at spaces where it can, inside a word where it must. */
function wrapText(text, width) {
    if (width <= 0 || widthOf(text) <= width)
        return [text];
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        let w = word;
        while (widthOf(w) > width) {
            const room = line === '' ? width : width - widthOf(line) - 1;
            if (room >= Math.min(8, width)) {
                const chars = [...w];
                lines.push(line === '' ? chars.slice(0, room).join('') : `${line} ${chars.slice(0, room).join('')}`);
                w = chars.slice(room).join('');
                line = '';
            }
            else {
                lines.push(line);
                line = '';
            }
        }
        if (line === '')
            line = w;
        else if (widthOf(line) + 1 + widthOf(w) <= width)
            line = `${line} ${w}`;
        else {
            lines.push(line);
            line = w;
        }
    }
    lines.push(line);
    return lines;
}
/**
 * Fits the columns into `width`, in steps, each taken only when the last did not fit: the widest column that can
 * give way gives one column at a time, down to its minimum; then columns empty in every row (`optional`) go; then
 * the gaps between columns narrow from two spaces to one; then every column but the first may shrink to 3, its
 * title cut too. No limit: the natural widths.
 */
function layout(columns, rows, width) {
    let keep = columns.map((_c, i) => i);
    const natural = columns.map((c, i) => Math.max(widthOf(c.title), ...rows.map((r) => widthOf(r[i] ?? ''))));
    if (!width)
        return { keep, widths: natural, gap: 2 };
    const shrink = (min, gap) => {
        const widths = keep.map((i) => natural[i]);
        let over = widths.reduce((a, b) => a + b, 0) + gap * (keep.length - 1) - width;
        while (over > 0) {
            let best = -1;
            for (let k = 0; k < widths.length; k++)
                if (widths[k] > min[k] && (best < 0 || widths[k] > widths[best]))
                    best = k;
            if (best < 0)
                break;
            widths[best]--;
            over--;
        }
        return { widths, over };
    };
    const mins = () => keep.map((i) => (columns[i].fit === 'keep' ? natural[i] : Math.min(natural[i], Math.max(widthOf(columns[i].title), columns[i].min ?? 4))));
    let fit = shrink(mins(), 2);
    if (fit.over <= 0)
        return { keep, widths: fit.widths, gap: 2 };
    keep = keep.filter((i) => !columns[i].optional || rows.some((r) => (r[i] ?? '') !== ''));
    fit = shrink(mins(), 2);
    if (fit.over <= 0)
        return { keep, widths: fit.widths, gap: 2 };
    fit = shrink(mins(), 1);
    if (fit.over <= 0)
        return { keep, widths: fit.widths, gap: 1 };
    fit = shrink(keep.map((i, k) => (k === 0 ? natural[i] : Math.min(natural[i], 3))), 1);
    return { keep, widths: fit.widths, gap: 1 };
}
function grid(columns, rows, width, paint) {
    const { keep, widths, gap } = layout(columns, rows, width);
    const pad = (text, w) => text + ' '.repeat(Math.max(0, w - widthOf(text)));
    const render = (all, row) => {
        const pieces = keep.map((i, k) => {
            const c = all[i] ?? '';
            const w = widths[k];
            if (widthOf(c) <= w)
                return [c];
            return columns[i].fit === 'wrap' && row >= 0 ? wrapText(c, w) : [cut(c, w)];
        });
        const height = Math.max(...pieces.map((p) => p.length));
        const lines = [];
        for (let l = 0; l < height; l++) {
            lines.push(pieces
                .map((p, k) => {
                const text = p[l] ?? '';
                const padded = k === pieces.length - 1 ? text : pad(text, widths[k]);
                return row < 0 || text === '' ? padded : paint(row, keep[k], padded);
            })
                .join(' '.repeat(gap))
                .trimEnd());
        }
        return lines;
    };
    return [...render(columns.map((c) => c.title), -1), ...rows.flatMap((r, i) => render(r, i))];
}
/** A fix state in words, with a space, so that a narrow column wraps it between them. */
const FIX_STATE = { 'not-fixed': 'not fixed', 'wont-fix': "won't fix", unknown: 'unknown' };
const FINDING_COLUMNS = [
    { title: 'SEVERITY', fit: 'keep' },
    { title: 'ID', fit: 'keep' },
    { title: 'PACKAGE', fit: 'cut', min: 7 },
    { title: 'INSTALLED', fit: 'cut', min: 9 },
    { title: 'FIXED IN', fit: 'wrap', min: 8 },
    { title: 'TYPE', fit: 'keep' },
    { title: 'KEV', fit: 'keep', optional: true },
    { title: 'EPSS', fit: 'keep', optional: true },
    { title: 'DOCKERFILE', fit: 'wrap', min: 10, optional: true },
];
/** The policy's fired triggers. The rule's id (a 36-character UUID in most bundles) is in the JSON report only. */
const POLICY_COLUMNS = [
    { title: 'ACTION', fit: 'keep' },
    { title: 'TRIGGER', fit: 'wrap', min: 12 },
    { title: 'MESSAGE', fit: 'wrap', min: 20 },
];
const tableFormat = {
    id: 'table',
    version: 1,
    aliases: ['text'],
    mediaType: 'text/plain',
    defaultFileName: 'portcullis.txt',
    description: 'a table for the terminal, most severe first',
    render(report, options) {
        const colour = (key, text) => (options.color ? `${COLOURS[key]}${text}${RESET}` : text);
        const findings = (0,format/* scopedFindings */.td)(report, options);
        const counts = (0,format/* countBySeverity */.Ot)(findings);
        const width = options.width && options.width > 0 ? options.width : undefined;
        const prose = (text) => (width ? wrapText(text, width) : [text]);
        const out = [];
        const [first, ...rest] = prose(`${report.decision}  ${(0,format/* imageLabel */.ec)(report)} (${(0,format/* platformText */.VQ)(report)})  ${report.packages.length} packages, ${findings.length} vulnerabilities`);
        out.push(`${colour(report.decision, report.decision)}${first.slice(report.decision.length)}`, ...rest);
        out.push(...prose(format/* SEVERITIES */.oC.map((s) => `${s}: ${counts[s]}`).join('  ')));
        const warning = (0,format/* dataWarning */.tN)(report);
        if (warning)
            out.push(...prose(`warning: ${warning}`));
        for (const g of report.vulnerabilityData?.gaps ?? [])
            out.push(...prose(`not checked: ${g.message}`));
        // Against the baseline (`--baseline`): the delta's headline here, its lists after the policy.
        if (report.baseline)
            out.push(...prose(`baseline: ${(0,render/* deltaLine */.lz)(report)}`));
        out.push('');
        if (findings.length) {
            const rows = findings.map((f) => {
                const o = (0,format/* originOf */.yv)(report, f.locations[0]);
                const fix = f.fix.state === 'fixed' ? f.fix.versions.join(', ') : `(${FIX_STATE[f.fix.state]})`;
                return [f.severity, f.id, f.packageName, f.installedVersion, fix, f.packageType, f.kev ? '✓' : '', epssText(f), o ? (o.base ? `FROM (line ${o.line})` : `line ${o.line}`) : ''];
            });
            out.push(...grid(FINDING_COLUMNS, rows, width, (r, c, t) => (c === 0 ? colour(findings[r].severity, t) : t)));
        }
        else
            out.push('No vulnerabilities in the report scope.');
        const fired = report.policy?.findings ?? [];
        if (report.policy) {
            out.push('', ...prose(`Policy ${report.policy.bundle_name}: ${report.policy.final_action.toUpperCase()}`));
            if (fired.length) {
                const order = (a) => (a === 'stop' ? 0 : a === 'warn' ? 1 : 2);
                const sorted = [...fired].sort((a, b) => order(a.action) - order(b.action));
                const rows = sorted.map((p) => [p.allowlisted ? 'GO (allowlisted)' : p.action.toUpperCase(), `${p.gate}/${p.trigger}`, p.message]);
                out.push(...grid(POLICY_COLUMNS, rows, width, (r, c, t) => {
                    const a = sorted[r];
                    return c === 0 && !a.allowlisted && a.action !== 'go' ? colour(a.action === 'stop' ? 'STOP' : 'WARN', t) : t;
                }));
            }
        }
        const delta = (0,render/* renderDeltaText */.II)(report);
        if (delta)
            out.push('', ...delta.trimEnd().split('\n').flatMap(prose));
        const unknowns = (0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'the JSON report');
        if (unknowns)
            out.push('', ...prose(`${unknowns}.`));
        return `${out.join('\n')}\n`;
    },
};
/** EPSS as a percentage of probability (`26.3%`), empty when the CVE has no score. */
function epssText(f) {
    return f.epss ? `${(f.epss.score * 100).toFixed(f.epss.score < 0.001 ? 2 : 1)}%` : '';
}

;// CONCATENATED MODULE: ./src/output/formats/markdown.ts
/**
 * Markdown for the GitHub job summary and the PR comment. It leads with the decision and the image (with its digest,
 * whatever the source), then the findings that decide it (those a policy rule fired on first, most severe first, each
 * with its Dockerfile line), then the policy triggers and what could not be read. Every table is capped, says how
 * many rows it leaves out and links the full report; within a size budget (GitHub's 1 MiB summary, a comment's 65,536
 * characters) the caps shrink, the findings table last, so that its header and first rows are always there.
 */




const ICON = { GO: '✅', WARN: '⚠️', STOP: '🛑' };
const VERDICT = { GO: 'passed', WARN: 'passed with warnings', STOP: 'failed' };
const SEVERITY_ICON = { Critical: '🟥', High: '🟧', Medium: '🟨', Low: '🟦', Negligible: '⬜', Unknown: '⬜' };
/** Default caps: rows of the findings table, and of the policy-trigger and unknowns tables. */
const DEFAULT_TOP_FINDINGS = 25;
const DEFAULT_TABLE_ROWS = 25;
/** Longest cell text kept (before escaping), so that one row cannot eat the budget. */
const MAX_CELL = 240;
/** Data-gap lines kept in the header. */
const MAX_GAPS = 10;
/** Text cut to `max` characters, with an ellipsis. */
function clip(s, max = MAX_CELL) {
    const chars = [...s];
    return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
/** A web address in running text; it ends before a space, a pipe, angle brackets or quotes. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>|"`\\]+/g;
/**
 * Plain text for a paragraph or a table cell: one line, every Markdown-active character backslash-escaped (so a
 * package called `a|b` or `<script>` is text, not a column break or HTML), `@` and `#` kept from becoming mentions
 * and issue links (a zero-width space after them, as bots do), and web addresses as `<…>` autolinks (GFM's bare-URL
 * autolinks would swallow the escapes).
 */
function markdown_text(s) {
    const one = s.replace(/\r\n|\r|\n/g, ' ');
    let out = '';
    let at = 0;
    for (const m of one.matchAll(URL_IN_TEXT)) {
        // Trailing sentence punctuation, and a closing parenthesis the address did not open, are not part of it.
        let url = m[0];
        while (/[.,;:!?']$/.test(url) || (url.endsWith(')') && count(url, '(') < count(url, ')')))
            url = url.slice(0, -1);
        out += escapeText(one.slice(at, m.index)) + `<${url}>`;
        at = m.index + url.length;
    }
    return out + escapeText(one.slice(at));
}
const count = (s, c) => s.split(c).length - 1;
function escapeText(s) {
    return s.replace(/[\\`*_{}[\]<>#+!|~&$]/g, (c) => `\\${c}`).replace(/([@#])(?=[\p{L}\p{N}])/gu, '$1&#8203;');
}
/**
 * A code span holding `s` verbatim: one line, a fence longer than any run of backticks inside, padded when the text
 * starts or ends with a backtick or a space. In a table cell (`inTable`) a pipe is escaped as `\|`, which GFM's table
 * parser turns back into `|` before the span is read.
 */
function code(s, inTable = true) {
    let body = s.replace(/\r\n|\r|\n/g, ' ');
    if (body === '')
        return '';
    if (inTable)
        body = body.replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A link; the URL's spaces and parentheses percent-encoded so that it cannot end early. */
function markdown_link(label, url) {
    return `[${label}](${url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
function dockerfileRef(report, options) {
    const df = report.dockerfile;
    if (!df)
        return undefined;
    const cwd = options.workingDirectory ?? process.cwd();
    const repoPath = (0,format/* repositoryPath */.SH)(df.path, options.checkoutRoot ?? cwd, cwd);
    // The label is the file's name (`Dockerfile:12`); the link has the whole path.
    const name = df.path.split(/[\\/]/).pop() || df.path;
    const url = repoPath && options.sourceUrl ? `${options.sourceUrl.replace(/\/+$/, '')}/${repoPath.split('/').map(encodeURIComponent).join('/')}` : undefined;
    return { name, ...(url ? { url } : {}) };
}
/** `Dockerfile:12`, linked to the line (or the lines of a continued instruction) where the URL is known. */
function lineRef(ref, line, endLine) {
    const label = markdown_text(`${ref.name}:${line}`);
    if (!ref.url)
        return label;
    return markdown_link(label, `${ref.url}#L${line}${endLine !== undefined && endLine > line ? `-L${endLine}` : ''}`);
}
/** The image's digest, whatever the source: the manifest's (and the index's), else the config's (an image ID). */
function digestText(report, inTable = true) {
    const img = report.image;
    const parts = [];
    if (img.manifestDigest)
        parts.push(`manifest ${code(img.manifestDigest, inTable)}`);
    if (img.indexDigest)
        parts.push(`index ${code(img.indexDigest, inTable)}`);
    if (!parts.length && img.configDigest)
        parts.push(`image ID ${code(img.configDigest, inTable)} (the ${markdown_text(img.source)} source has no manifest digest)`);
    if (!parts.length)
        parts.push(`none (the ${markdown_text(img.source)} source has no digest)`);
    return parts.join(' · ');
}
const ACTION_RANK = { stop: 0, warn: 1, go: 2 };
/** How a finding sorts by the policy: 0 a STOP trigger fired on it, 1 a WARN, 2 none (or only allowlisted ones). */
function decisiveRank(triggers) {
    return Math.min(2, ...triggers.filter((t) => !t.allowlisted).map((t) => ACTION_RANK[t.action]));
}
/** Renders the job summary / PR comment markdown within `maxBytes` (and `maxChars`, when given). */
function renderMarkdown(report, options) {
    const scope = (0,format/* reportScope */.ti)(report, options);
    const findings = scope.findings;
    const where = `the JSON report and the SARIF have them all${options.reportUrl ? ` (${markdown_link('workflow run', options.reportUrl)})` : ''}`;
    const df = dockerfileRef(report, options);
    // 1. The decision, the image and its digest.
    const head = [];
    head.push(`## ${ICON[report.decision]} ${report.decision}: ${code((0,format/* imageLabel */.ec)(report), false)}`, '');
    const counts = (0,format/* countBySeverity */.Ot)(findings);
    const bySeverity = format/* SEVERITIES */.oC.filter((s) => counts[s] > 0).map((s) => (s === 'Critical' || s === 'High' ? `**${plural(counts[s], s, s)}**` : plural(counts[s], s, s)));
    const fired = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
    const stops = fired.filter((p) => p.action === 'stop').length;
    const warns = fired.length - stops;
    const policy = report.policy;
    const because = policy
        ? `policy ${markdown_text(policy.bundle_name)} → **${policy.final_action.toUpperCase()}** (${[stops ? plural(stops, 'STOP trigger') : '', warns ? plural(warns, 'WARN trigger') : ''].filter(Boolean).join(', ') || 'no trigger fired'})`
        : 'no policy evaluated';
    const inScope = findings.length !== report.findings.length ? ` in the report scope (of ${report.findings.length.toLocaleString('en-US')})` : '';
    head.push(`**Portcullis ${VERDICT[report.decision]}**: ${because} · ${plural(findings.length, 'vulnerability', 'vulnerabilities')}${inScope}${bySeverity.length ? `: ${bySeverity.join(', ')}` : ''}${report.baseline ? ` · against the baseline: **${(0,render/* deltaCounts */.F_)(report.baseline)}**, new only → **${report.baseline.newDecision}**` : ''}`, '');
    // Lines, not a table: a digest does not wrap, and a table cell holding one would scroll sideways.
    head.push(`**Digest:** ${digestText(report, false)}\\`, `**Platform:** ${markdown_text((0,format/* platformText */.VQ)(report))} · **source:** ${markdown_text(report.image.source)}`, '');
    const facts = [report.distro?.prettyName ? markdown_text(report.distro.prettyName) : undefined, plural(report.packages.length, 'package')];
    const vd = report.vulnerabilityData;
    if (vd) {
        const age = vd.ageDays !== undefined ? `${vd.ageDays} day${vd.ageDays === 1 ? '' : 's'} old` : 'age unknown';
        facts.push(`vulnerability data: ${vd.sources.map((s) => markdown_text(s.id)).join(', ') || 'none'}, ${age}${vd.stale ? ' — **stale**' : ''}${vd.offline ? ' (offline)' : ''}`);
    }
    head.push(facts.filter(Boolean).join(' · '), '');
    const gaps = vd?.gaps ?? [];
    for (const g of gaps.slice(0, MAX_GAPS))
        head.push(`> **Not checked:** ${markdown_text(clip(g.message))}`, '');
    if (gaps.length > MAX_GAPS)
        head.push(`> … and ${plural(gaps.length - MAX_GAPS, 'more gap')}: ${where}.`, '');
    // Against the baseline (`--baseline`): what this change brings in and what it fixed, before the full lists.
    const delta = (0,render/* renderDeltaMarkdown */.G8)(report, { headingLevel: 3 });
    if (delta)
        head.push(delta.trimEnd(), '');
    const sections = [];
    // 2. The findings that decide it.
    const decisive = findings
        .map((f, i) => {
        const triggers = scope.triggersOf(f);
        return { f, i, triggers, rank: decisiveRank(triggers) };
    })
        .sort((a, b) => a.rank - b.rank || a.i - b.i);
    const hasPolicyColumn = decisive.some((d) => d.triggers.length > 0);
    const findingRow = ({ f, triggers }) => {
        const origin = (0,format/* originOf */.yv)(report, f.locations[0]);
        const line = origin && df ? `${lineRef(df, origin.line, origin.endLine)}${origin.base ? ' (base)' : ''}` : origin ? `line ${origin.line}${origin.base ? ' (base)' : ''}` : '';
        const fix = f.fix.state === 'fixed' && f.fix.versions.length ? code(clip(f.fix.versions.join(', '))) : markdown_text(f.fix.state === 'fixed' ? 'fixed' : f.fix.state.replace('-', ' '));
        const exploit = [f.kev ? '**KEV**' : '', f.epss ? `EPSS ${epssText(f)}` : ''].filter(Boolean).join(' · ');
        const id = `${markdown_text(clip(f.id, 80))}${exploit ? ` · ${exploit}` : ''}${f.baseline === 'new' ? ' · **new**' : ''}`;
        const pkg = `${code(clip(f.packageName))} ${markdown_text(`(${f.packageType})`)}`;
        const verdict = triggers.map((t) => (t.allowlisted ? `allowlisted (${t.rule_action.toUpperCase()})` : `**${t.action.toUpperCase()}**`));
        const cells = [`${SEVERITY_ICON[f.severity]}\u00a0${f.severity}`, id, pkg, code(clip(f.installedVersion)), fix, line];
        if (hasPolicyColumn)
            cells.push([...new Set(verdict)].join(', '));
        return `| ${cells.join(' | ')} |`;
    };
    const findingHeader = ['Severity', 'Vulnerability', 'Package', 'Installed', 'Fixed in', 'Dockerfile', ...(hasPolicyColumn ? ['Policy'] : [])];
    const order = decisive.some((d) => d.rank < 2) ? 'those a policy rule fired on first, most severe first' : 'most severe first';
    sections.push({
        title: [
            `### Findings`,
            '',
            ...(findings.length
                ? [`${plural(findings.length, 'vulnerability', 'vulnerabilities')} in the report scope, ${order}.`, '', `| ${findingHeader.join(' | ')} |`, `|${findingHeader.map(() => '---').join('|')}|`]
                : ['No vulnerabilities in the report scope.']),
        ],
        rows: decisive.map(findingRow),
        more: (shown) => (shown < findings.length ? `_${plural(findings.length - shown, 'more finding')} not shown: ${where}._` : undefined),
        cap: options.topFindings ?? DEFAULT_TOP_FINDINGS,
    });
    // 3. The policy triggers.
    if (policy) {
        const records = [...policy.findings].sort((a, b) => ACTION_RANK[a.action] - ACTION_RANK[b.action]);
        const triggerRow = (p) => {
            const action = `${p.allowlisted ? `${p.rule_action.toUpperCase()} → GO (allowlisted: ${markdown_text(clip(p.allowlist_match?.name ?? '', 80))})` : p.action.toUpperCase()}${p.baseline === 'new' ? ' (**new**)' : ''}`;
            const line = p.location?.line !== undefined && df && !(p.location.path ?? '').startsWith('/') ? lineRef(df, p.location.line) : p.location?.path ? code(clip(p.location.path)) : '';
            // A trigger about a finding the report scope leaves out is still a reason for the decision: listed, and said so.
            const note = scope.outOfScope(p) ? ' _(the finding is outside the report scope)_' : '';
            return `| ${action} | ${markdown_text(clip(`${p.gate} ${p.trigger}`))} | ${markdown_text(clip(p.message))}${note} | ${line} | ${markdown_text(clip(p.rule_id))} |`;
        };
        sections.push({
            title: [
                `### Policy: ${markdown_text(policy.bundle_name)} → ${policy.final_action.toUpperCase()}`,
                '',
                ...(records.length ? ['| Action | Gate, trigger | Message | Where | Rule |', '|---|---|---|---|---|'] : ['No trigger fired.']),
            ],
            rows: records.map(triggerRow),
            more: (shown) => (shown < records.length ? `_${plural(records.length - shown, 'more policy trigger')} not shown: ${where}._` : undefined),
            cap: options.maxTableRows ?? DEFAULT_TABLE_ROWS,
        });
    }
    // 4. What could not be read.
    if (report.unknowns.length) {
        sections.push({
            title: ['### Not fully read', '', `${(0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'below')}.`, '', '| Stage | Path | Package database | Reason |', '|---|---|---|---|'],
            rows: report.unknowns.map((u) => `| ${markdown_text(clip(u.stage))} | ${u.path ? code(clip(u.path)) : ''} | ${markdown_text(clip(u.packageDatabase ?? ''))} | ${markdown_text(clip(u.reason))} |`),
            more: (shown) => (shown < report.unknowns.length ? `_${plural(report.unknowns.length - shown, 'more unknown')} not shown: ${where}._` : undefined),
            cap: options.maxTableRows ?? DEFAULT_TABLE_ROWS,
        });
    }
    const footer = options.reportUrl ? ['---', '', `${markdown_link('Workflow run', options.reportUrl)} · the full report is the JSON report (and the SARIF) that the step wrote.`] : [];
    return fit(head, sections, footer, options);
}
/**
 * Joins the parts, shrinking the caps until the text fits the budget: first the unknowns and the policy triggers
 * (down to 5 rows), then the findings (down to 5), then the unknowns and triggers to none, then the findings to 1.
 */
function fit(head, sections, footer, options) {
    const maxBytes = options.maxBytes ?? format/* GITHUB_SUMMARY_MAX_BYTES */.Qr;
    const maxChars = options.maxChars ?? Infinity;
    const join = (caps) => {
        const out = [...head];
        sections.forEach((s, i) => {
            out.push(...s.title, ...s.rows.slice(0, caps[i]));
            const more = s.more(Math.min(caps[i], s.rows.length));
            if (more)
                out.push('', more);
            out.push('');
        });
        out.push(...footer);
        return `${out.join('\n').trimEnd()}\n`;
    };
    const fits = (t) => t.length <= maxChars && Buffer.byteLength(t) <= maxBytes;
    const caps = sections.map((s) => Math.max(0, Math.min(s.cap, s.rows.length)));
    let textOut = join(caps);
    if (fits(textOut))
        return textOut;
    const findingsIndex = 0;
    const others = sections.map((_, i) => i).filter((i) => i !== findingsIndex).reverse();
    const stages = [...others.map((i) => [i, 5]), [findingsIndex, 5], ...others.map((i) => [i, 0]), [findingsIndex, 1]];
    for (const [i, floor] of stages) {
        if (caps[i] <= floor)
            continue;
        // The largest cap at or above the floor that fits (binary search: the size grows with the cap).
        let lo = floor;
        let hi = caps[i];
        const at = (n) => join(caps.map((c, j) => (j === i ? n : c)));
        if (!fits(at(lo))) {
            caps[i] = lo;
            continue;
        }
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits(at(mid)))
                lo = mid;
            else
                hi = mid - 1;
        }
        caps[i] = lo;
        textOut = join(caps);
        if (fits(textOut))
            return textOut;
    }
    textOut = join(caps);
    if (fits(textOut))
        return textOut;
    // Only a budget smaller than the header gets here: cut it, and say so.
    const note = '\n\n_Cut to fit the size limit._\n';
    let cut = textOut.slice(0, Math.max(0, Math.min(maxChars, maxBytes) - note.length));
    while (!fits(cut + note))
        cut = cut.slice(0, -16);
    return cut + note;
}
const markdownFormat = {
    id: 'markdown',
    version: 1,
    aliases: ['md'],
    mediaType: 'text/markdown',
    defaultFileName: 'portcullis.md',
    description: 'markdown for the job summary and the PR comment, within GitHub size limits',
    render: renderMarkdown,
};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts + 1 modules
var vulnerabilities = __webpack_require__(41589);
// EXTERNAL MODULE: ./src/baseline/identity.ts
var identity = __webpack_require__(79733);
;// CONCATENATED MODULE: ./src/output/formats/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning. Findings are placed on the Dockerfile line of the instruction that created
 * the layer holding the package's file (base-image layers on the FROM line); the path inside the image is a logical
 * location. The file is kept within GitHub's limits, and what was grouped or trimmed is said in the run's
 * notifications. Artifact URIs are relative to the checkout root (`%SRCROOT%`, given in `originalUriBaseIds`), as
 * GitHub code scanning expects. A vulnerabilities-gate trigger about a finding that has its own result is folded into
 * that result (one alert per problem); other policy triggers are results on the line they are about.
 */








/** The base id every artifact URI is relative to: the repository checkout (codeql-action's name for it). */
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/portcullis/portcullis';
/**
 * Whether a trigger of each gate concerns security (GitHub then ranks its alerts by `security-severity` and lists them
 * under security). Keyed by every gate of src/policy/gates/list.ts; a gate missing here (a plugin's) is not security.
 */
const SECURITY_GATES = {
    always: false,
    dockerfile: true,
    files: true,
    ruby_gems: true,
    metadata: false,
    licenses: false,
    malware: true,
    npms: true,
    packages: true,
    passwd_file: true,
    retrieved_files: true,
    secret_scans: true,
    vulnerabilities: true,
    compliance: true,
};
/** A policy rule's `security-severity` by the strongest action it took in the report: STOP high, WARN medium. */
const POLICY_SECURITY_SEVERITY = { stop: '8.0', warn: '5.5' };
const LEVEL = { Critical: 'error', High: 'error', Medium: 'warning', Low: 'note', Negligible: 'note', Unknown: 'note' };
/** GitHub's bands: ≥9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low. */
const BAND = {
    Critical: [9.0, 10.0, 9.5],
    High: [7.0, 8.9, 8.0],
    Medium: [4.0, 6.9, 5.5],
    Low: [0.1, 3.9, 2.0],
    Negligible: [0.1, 3.9, 0.5],
    Unknown: undefined,
};
const FINGERPRINT_KEY = 'portcullisFinding/v1';
const MAX_TAGS = 20;
const hash = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex').slice(0, 32);
/** SARIF's `baselineState` of a result (§3.27.24) from the report's own marks: `new`, or `unchanged` (existing). */
function baselineState(states) {
    if (states.every((s) => s === undefined))
        return {};
    return { baselineState: states.includes('new') ? 'new' : 'unchanged' };
}
/**
 * The repository part of every partial fingerprint: the image's repository, but for an image read from a file (an
 * OCI layout, an archive) the scheme and the file's base name, not its path, which changes with the CI workspace.
 */
function fingerprintRepository(report) {
    if (!report.image.repoTags[0] && /^(oci-dir|oci-archive|docker-archive|tarball|dir):/.test(report.image.reference))
        return (0,identity/* repositoryNames */.L0)(report.image)[0] ?? (0,format/* imageRepository */.an)(report);
    return (0,format/* imageRepository */.an)(report);
}
/**
 * The trigger ids a vulnerabilities-gate trigger about this finding can have: `<vulnerability>+<package part>`, with the
 * id the gate uses (a GHSA for language packages) or the finding's id or any alias (a bundle evaluated elsewhere).
 */
function findingTriggerIds(f) {
    const pkg = (0,vulnerabilities/* triggerPackageName */._F)(f);
    return [...new Set([(0,vulnerabilities/* vulnerabilityTriggerId */.GT)(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}
const encodeUri = (p) => p.split('/').map(encodeURIComponent).join('/');
/**
 * Where the writer puts a file of the checkout: `path` (relative to `cwd`, or absolute) made relative to `checkoutRoot`,
 * forward slashes, URI-encoded, against `%SRCROOT%`. A file outside the checkout keeps its absolute `file:` URI.
 */
function artifactLocation(path, checkoutRoot, cwd = process.cwd()) {
    const abs = (0,external_node_path_.resolve)(cwd, path);
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(cwd, checkoutRoot), abs);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return { uri: (0,external_node_url_.pathToFileURL)(abs).href };
    return { uri: encodeUri(rel.split(external_node_path_.sep).join('/')), uriBaseId: SRCROOT };
}
/** The `originalUriBaseIds` entry for the checkout root: an absolute `file:` URI ending in a slash (SARIF §3.14.14). */
function checkoutRootUri(checkoutRoot, cwd = process.cwd()) {
    const href = (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(cwd, checkoutRoot)).href;
    return href.endsWith('/') ? href : `${href}/`;
}
/**
 * The numeric string GitHub ranks by: the CVSS score when it agrees with the severity, the band's middle otherwise.
 * An Unknown severity takes the highest CVSS score, or 0.0 without one (as grype's SARIF presenter does).
 */
function securitySeverity(severity, cvssScores) {
    const band = BAND[severity];
    if (!band)
        return (cvssScores.length ? Math.max(...cvssScores) : 0).toFixed(1);
    const inBand = cvssScores.filter((s) => s >= band[0] && s <= band[1]);
    return (inBand.length > 0 ? Math.max(...inBand) : band[2]).toFixed(1);
}
function mdEscape(s) {
    return s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
class SarifBuilder {
    report;
    checkoutRoot;
    cwd;
    rules = [];
    #ruleIndex = new Map();
    repo;
    /** The repository the fingerprints are keyed by (see fingerprintRepository). */
    fingerprintRepo;
    label;
    #byId = new Map();
    #policyActions = new Map();
    constructor(report, findings, checkoutRoot, cwd) {
        this.report = report;
        this.checkoutRoot = checkoutRoot;
        this.cwd = cwd;
        for (const p of report.policy?.findings ?? []) {
            if (p.action !== 'stop' && p.action !== 'warn')
                continue;
            const id = `policy/${p.gate}/${p.trigger}`;
            if (this.#policyActions.get(id) !== 'stop')
                this.#policyActions.set(id, p.action);
        }
        for (const f of findings) {
            const list = this.#byId.get(f.id);
            if (list)
                list.push(f);
            else
                this.#byId.set(f.id, [f]);
        }
        this.repo = (0,format/* imageRepository */.an)(report);
        this.fingerprintRepo = fingerprintRepository(report);
        this.label = (0,format/* imageLabel */.ec)(report);
    }
    ruleIndex(id, make) {
        let i = this.#ruleIndex.get(id);
        if (i === undefined) {
            i = this.rules.length;
            this.rules.push(make());
            this.#ruleIndex.set(id, i);
        }
        return i;
    }
    /** The Dockerfile as an artifact location of the checkout. */
    dockerfileArtifact(path) {
        return artifactLocation(path, this.checkoutRoot, this.cwd);
    }
    /** A path inside the image, where there is no Dockerfile to place it on (relative to the checkout, as GitHub needs). */
    imageArtifact(path) {
        return { uri: encodeUri(path.replace(/^\/+/, '')), uriBaseId: SRCROOT };
    }
    /** Where results go when nothing better is known: the FROM line, or the image itself when there is no Dockerfile. */
    fallbackLocation() {
        const df = this.report.dockerfile;
        if (df)
            return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: (0,format/* fromLine */.j6)(this.report) ?? 1 } } };
        return { physicalLocation: { artifactLocation: this.imageArtifact(this.repo.replace(/[^A-Za-z0-9._/-]/g, '-')), region: { startLine: 1 } } };
    }
    locationOf(loc) {
        const df = this.report.dockerfile;
        const origin = (0,format/* originOf */.yv)(this.report, loc);
        const layer = loc.provenance?.layerDigest;
        const logical = [{ name: loc.path, fullyQualifiedName: `${this.label}${layer ? `@${layer}` : ''}:${loc.path}`, kind: 'resource' }];
        if (df) {
            const region = origin?.line !== undefined ? { startLine: origin.line, ...(origin.endLine && origin.endLine > origin.line ? { endLine: origin.endLine } : {}) } : { startLine: (0,format/* fromLine */.j6)(this.report) ?? 1 };
            const how = origin?.base ? 'base image layer' : origin?.instruction ? `layer ${origin.layerIndex}: ${origin.instruction}` : 'layer not matched to an instruction';
            return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region }, logicalLocations: logical, message: { text: `${loc.path} (${how})` } };
        }
        return { physicalLocation: { artifactLocation: this.imageArtifact(loc.path), region: { startLine: 1 } }, logicalLocations: logical };
    }
    locationsOf(findings) {
        const seen = new Set();
        const out = [];
        for (const f of findings) {
            for (const loc of f.locations) {
                const l = this.locationOf(loc);
                const key = JSON.stringify([l.physicalLocation, loc.path]);
                if (seen.has(key))
                    continue;
                seen.add(key);
                out.push(l);
            }
        }
        return out.length > 0 ? out : [this.fallbackLocation()];
    }
    vulnerabilityRule(id) {
        return this.ruleIndex(id, () => {
            const same = this.#byId.get(id) ?? [];
            const severity = same.map((f) => f.severity).sort((a, b) => (0,format/* severityRank */.qs)(a) - (0,format/* severityRank */.qs)(b))[0] ?? 'Unknown';
            const scores = same.flatMap((f) => f.cvss.map((c) => c.baseScore));
            const cvss = same.flatMap((f) => f.cvss).sort((a, b) => b.baseScore - a.baseScore)[0];
            const summary = same.find((f) => f.summary)?.summary ?? `${id} in ${same[0]?.packageName ?? 'a package'}`;
            const refs = [...new Set(same.flatMap((f) => f.references))];
            const aliases = [...new Set(same.flatMap((f) => f.aliases))];
            const ecosystems = [...new Set(same.map((f) => f.packageType))].sort();
            const sev = securitySeverity(severity, scores);
            const rows = same.map((f) => `| ${mdEscape(f.packageName)} | ${mdEscape(f.installedVersion)} | ${mdEscape(f.fix.versions.join(', ') || f.fix.state)} | ${f.packageType} |`);
            const markdown = [
                `**${id}**${aliases.length ? ` (${aliases.map(mdEscape).join(', ')})` : ''} · severity **${severity}**${cvss ? ` · CVSS ${cvss.version} ${cvss.baseScore.toFixed(1)} \`${cvss.vector}\`` : ''}`,
                '',
                mdEscape(summary),
                '',
                ...exploitLines(same).flatMap((l) => [mdEscape(l), '']),
                '| Package | Installed | Fixed in | Type |',
                '|---|---|---|---|',
                ...rows,
                ...(refs.length ? ['', '**References**', '', ...refs.map((r) => `- ${r}`)] : []),
            ].join('\n');
            const text = [`${id} (${severity}): ${summary}`, ...exploitLines(same), ...same.map((f) => `${f.packageName} ${f.installedVersion}: fixed in ${f.fix.versions.join(', ') || f.fix.state}`), ...refs].join('\n');
            return {
                id,
                name: id.replace(/[^A-Za-z0-9]/g, ''),
                shortDescription: { text: `${id} ${severity} vulnerability in ${[...new Set(same.map((f) => f.packageName))].join(', ')}`.slice(0, 1000) },
                fullDescription: { text: summary },
                ...(refs[0] ? { helpUri: refs[0] } : {}),
                help: { text, markdown },
                defaultConfiguration: { level: LEVEL[severity] },
                properties: {
                    'security-severity': sev,
                    tags: ['security', 'vulnerability', severity.toLowerCase(), ...ecosystems].slice(0, MAX_TAGS),
                    precision: 'very-high',
                },
            };
        });
    }
    vulnerabilityResult(f) {
        const ruleIndex = this.vulnerabilityRule(f.id);
        const origin = (0,format/* originOf */.yv)(this.report, f.locations[0]);
        const fixed = f.fix.state === 'fixed' && f.fix.versions.length ? `Fixed in ${f.fix.versions.join(', ')}.` : `No fix (${f.fix.state}).`;
        const where = origin ? (origin.base ? ' From the base image (FROM line).' : ` Introduced by line ${origin.line}: ${origin.instruction ?? ''}.`) : '';
        return {
            priority: 2 + (0,format/* severityRank */.qs)(f.severity),
            finding: f,
            findings: [f],
            result: {
                ruleId: f.id,
                ruleIndex,
                level: LEVEL[f.severity],
                message: { text: `${f.packageName} ${f.installedVersion} (${f.packageType}) in image ${this.label} is affected by ${f.id} (${f.severity}). ${fixed}${where}`.trim() },
                locations: this.locationsOf([f]),
                partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, f.id, f.packageType, f.packageName, f.locations[0]?.path ?? ''].join('\u0000')) },
                ...baselineState([f.baseline]),
                properties: {
                    ...(f.baseline ? { baseline: f.baseline } : {}),
                    package: f.packageName,
                    installedVersion: f.installedVersion,
                    ...(f.purl ? { purl: f.purl } : {}),
                    fixState: f.fix.state,
                    severitySource: f.severitySource,
                    kev: f.kev !== undefined,
                    ...(f.kev ? { kevDateAdded: f.kev.dateAdded } : {}),
                    ...(f.epss ? { epss: f.epss.score, epssPercentile: f.epss.percentile } : {}),
                },
            },
        };
    }
    policyResult(p) {
        const id = `policy/${p.gate}/${p.trigger}`;
        const security = SECURITY_GATES[p.gate] === true;
        const ruleIndex = this.ruleIndex(id, () => ({
            id,
            name: `Policy${p.gate.replace(/(^|[-_])(\w)/g, (_m, _s, c) => c.toUpperCase())}${p.trigger.replace(/(^|[-_])(\w)/g, (_m, _s, c) => c.toUpperCase())}`,
            shortDescription: { text: `Policy gate ${p.gate}, trigger ${p.trigger}` },
            fullDescription: { text: `A rule of policy bundle "${this.report.policy?.bundle_name ?? ''}" fired: gate ${p.gate}, trigger ${p.trigger}.` },
            help: {
                text: p.recommendation || `Gate ${p.gate}, trigger ${p.trigger}.`,
                markdown: `Policy gate \`${p.gate}\`, trigger \`${p.trigger}\`.${p.recommendation ? `\n\n**Recommendation:** ${mdEscape(p.recommendation)}` : ''}`,
            },
            defaultConfiguration: { level: this.#policyActions.get(id) === 'stop' ? 'error' : 'warning' },
            properties: { 'security-severity': POLICY_SECURITY_SEVERITY[this.#policyActions.get(id) ?? 'warn'], tags: [...(security ? ['security'] : []), 'policy', p.gate] },
        }));
        const df = this.report.dockerfile;
        let location;
        // A vulnerabilities trigger about a finding out of the report scope: on that finding's line.
        const about = p.gate === 'vulnerabilities' ? this.report.findings.find((f) => findingTriggerIds(f).includes(p.trigger_id)) : undefined;
        if (p.location?.line !== undefined && df) {
            location = { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: p.location.line } } };
        }
        else if (about?.locations[0]) {
            location = this.locationOf(about.locations[0]);
        }
        else if (p.location?.path) {
            const pkgLoc = this.report.packages.flatMap((x) => x.locations).find((l) => l.path === p.location?.path);
            location = this.locationOf(pkgLoc ?? { path: p.location.path });
        }
        return {
            priority: p.action === 'stop' ? 0 : 1,
            findings: [],
            result: {
                ruleId: id,
                ruleIndex,
                level: p.action === 'stop' ? 'error' : 'warning',
                message: { text: `${p.action.toUpperCase()}: ${p.message} (policy "${this.report.policy?.bundle_name ?? ''}", rule ${p.rule_id}, image ${this.label})` },
                locations: [location ?? this.fallbackLocation()],
                // The trigger's stable identity, not its id where that hashes a measured value (src/baseline/identity.ts).
                partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, p.gate, p.trigger, (0,identity/* stableTriggerId */.P)(p), p.rule_id].join('\u0000')) },
                ...baselineState([p.baseline]),
                properties: { ...(p.baseline ? { baseline: p.baseline } : {}), gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, action: p.action },
            },
        };
    }
    /** One result per vulnerability id, for runs over the result limit. */
    groupedResult(id, group, maxLocations) {
        const ruleIndex = this.vulnerabilityRule(id);
        const worst = [...group].sort(format/* compareFindings */.Eg)[0];
        const names = group.map((f) => `${f.packageName} ${f.installedVersion}`);
        const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? `, and ${names.length - 10} more` : '');
        return {
            priority: 2 + (0,format/* severityRank */.qs)(worst.severity),
            finding: worst,
            findings: group,
            result: {
                ruleId: id,
                ruleIndex,
                level: LEVEL[worst.severity],
                message: { text: `${id} (${worst.severity}) affects ${group.length} packages in image ${this.label}: ${shown}.` },
                locations: this.locationsOf(group).slice(0, maxLocations),
                partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, id, 'grouped'].join('\u0000')) },
                ...baselineState(group.map((f) => f.baseline)),
                properties: { ...(group.some((f) => f.baseline) ? { baseline: group.some((f) => f.baseline === 'new') ? 'new' : 'existing', newPackages: group.filter((f) => f.baseline === 'new').length } : {}), packages: group.length },
            },
        };
    }
    /**
     * Puts a vulnerabilities-gate verdict on the result of the finding it is about, instead of a second alert: the
     * result's level is raised to the action's (STOP error, WARN at least warning), it sorts with the policy results,
     * and it carries the trigger in `properties.policy` and the tags `policy` and `policy-stop` / `policy-warn`.
     */
    foldPolicy(c, p) {
        const action = p.action;
        const r = c.result;
        if (action === 'stop')
            r.level = 'error';
        else if (r.level === 'note')
            r.level = 'warning';
        c.priority = Math.min(c.priority, action === 'stop' ? 0 : 1);
        const verdicts = r.properties.policy ?? [];
        verdicts.push({ action, gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, policyId: p.policy_id, message: p.message, ...(p.recommendation ? { recommendation: p.recommendation } : {}), ...(p.baseline ? { baseline: p.baseline } : {}) });
        const tags = new Set([...(r.properties.tags ?? []), 'policy', `policy-${action}`]);
        r.properties = { ...r.properties, policy: verdicts, tags: [...tags] };
        r.message = { text: `${r.message.text ?? ''} Policy "${this.report.policy?.bundle_name ?? ''}": ${action.toUpperCase()} by rule ${p.rule_id} (${p.gate} ${p.trigger}).${p.recommendation ? ` ${p.recommendation}` : ''}` };
    }
}
function sarifDocument(report, builder, candidates, notifications) {
    const used = new Set(candidates.map((c) => c.result.ruleId));
    const rules = builder.rules.filter((r) => used.has(r.id));
    const newIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = candidates.map((c) => ({ ...c.result, ruleIndex: newIndex.get(c.result.ruleId) }));
    const platform = (0,format/* platformText */.VQ)(report);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'Portcullis', informationUri: INFORMATION_URI, version: report.tool.version, semanticVersion: report.tool.version, rules } },
                originalUriBaseIds: { [SRCROOT]: { uri: checkoutRootUri(builder.checkoutRoot, builder.cwd) } },
                automationDetails: { id: `portcullis/container/${builder.repo.replace(/[^A-Za-z0-9._/-]/g, '-')}/${platform}/` },
                invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: [...notifications] } : {}) }],
                results,
                properties: {
                    image: builder.label,
                    reference: report.image.reference,
                    ...(report.image.manifestDigest ? { manifestDigest: report.image.manifestDigest } : {}),
                    configDigest: report.image.configDigest,
                    repoTags: report.image.repoTags,
                    repoDigests: report.image.repoDigests,
                    platform,
                    decision: report.decision,
                    ...(report.baseline ? { baseline: baselineProperty(report) } : {}),
                    ...(report.dockerfile ? { dockerfile: report.dockerfile.path } : {}),
                    ...(report.vulnerabilityData?.gaps?.length ? { vulnerabilityDataGaps: report.vulnerabilityData.gaps.map((g) => g.message) } : {}),
                    ...(report.unknowns.length ? { unknowns: report.unknowns.map((u) => ({ stage: u.stage, ...(u.path ? { path: u.path } : {}), reason: u.reason, ...(u.packageDatabase ? { packageDatabase: u.packageDatabase } : {}) })) } : {}),
                },
            },
        ],
    };
}
/** The run's `baseline` property: the delta's counts and decisions, and what was fixed (absent results are not emitted). */
function baselineProperty(report) {
    const b = report.baseline;
    return {
        source: b.source,
        kind: b.kind,
        image: b.image.repoTags[0] ?? b.image.reference,
        ...(b.image.manifestDigest ? { manifestDigest: b.image.manifestDigest } : {}),
        decision: b.decision,
        newDecision: b.newDecision,
        failScope: b.failScope,
        counts: b.counts,
        fixed: {
            findings: b.fixed.findings.map((f) => ({ id: f.id, package: f.packageName, installedVersion: f.installedVersion })),
            triggers: b.fixed.triggers.map((p) => ({ gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, action: p.action })),
        },
    };
}
const serialize = (doc) => `${JSON.stringify(doc, null, 2)}\n`;
function renderSarif(report, options) {
    const limits = options.sarifLimits ?? format/* GITHUB_SARIF_LIMITS */.RC;
    const findings = (0,format/* scopedFindings */.td)(report, options);
    const cwd = options.workingDirectory ?? process.cwd();
    const builder = new SarifBuilder(report, findings, options.checkoutRoot ?? cwd, cwd);
    const notifications = [];
    const note = (id, text) => {
        notifications.push({ level: 'warning', descriptor: { id: `portcullis/${id}` }, message: { text } });
    };
    const triggers = (report.policy?.findings ?? []).filter((p) => !p.allowlisted && (p.action === 'stop' || p.action === 'warn'));
    let vulns = findings.map((f) => builder.vulnerabilityResult(f));
    if (triggers.length + vulns.length > limits.maxResultsPerRun) {
        const byId = new Map();
        for (const f of findings) {
            const list = byId.get(f.id);
            if (list)
                list.push(f);
            else
                byId.set(f.id, [f]);
        }
        vulns = [...byId.entries()].map(([id, group]) => (group.length === 1 ? builder.vulnerabilityResult(group[0]) : builder.groupedResult(id, group, limits.maxLocationsPerResult)));
        vulns.sort((a, b) => a.priority - b.priority || (0,format/* compareFindings */.Eg)(a.finding, b.finding));
        note('grouped', `${findings.length} findings are more than GitHub's ${limits.maxResultsPerRun} results per run: they are grouped into one result per vulnerability id (${vulns.length} results).`);
    }
    // One alert per problem: a vulnerabilities trigger about a finding with its own result goes on that result.
    const byTrigger = new Map();
    for (const c of vulns) {
        for (const key of new Set(c.findings.flatMap(findingTriggerIds))) {
            const list = byTrigger.get(key);
            if (list)
                list.push(c);
            else
                byTrigger.set(key, [c]);
        }
    }
    const policy = [];
    for (const p of triggers) {
        const own = p.gate === 'vulnerabilities' ? byTrigger.get(p.trigger_id) : undefined;
        if (own)
            for (const c of own)
                builder.foldPolicy(c, p);
        else
            policy.push(builder.policyResult(p));
    }
    policy.sort((a, b) => a.priority - b.priority);
    let trimmedLocations = 0;
    for (const c of [...policy, ...vulns]) {
        if (c.result.locations.length > limits.maxLocationsPerResult) {
            trimmedLocations++;
            c.result.locations = c.result.locations.slice(0, limits.maxLocationsPerResult);
        }
    }
    if (trimmedLocations > 0)
        note('locations-trimmed', `${trimmedLocations} results had more than ${limits.maxLocationsPerResult} locations; only the first ${limits.maxLocationsPerResult} are kept.`);
    // Stable: results carrying a STOP, then a WARN (policy results before folded ones), then the rest by severity.
    let kept = [...policy, ...vulns].sort((a, b) => Math.min(a.priority, 2) - Math.min(b.priority, 2));
    if (kept.length > limits.maxResultsPerRun) {
        const dropped = kept.slice(limits.maxResultsPerRun);
        kept = kept.slice(0, limits.maxResultsPerRun);
        note('results-trimmed', `${dropped.length} results over GitHub's ${limits.maxResultsPerRun} results per run were left out, the least severe first (the most severe left out: ${dropped[0].result.ruleId}).`);
    }
    // Every unknown, counted by kind; the list is the run property `unknowns`.
    const unknowns = (0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'the run property "unknowns"');
    if (unknowns)
        note('unknowns', unknowns);
    let text = serialize(sarifDocument(report, builder, kept, notifications));
    let gz = (0,external_node_zlib_.gzipSync)(text).length;
    const total = kept.length;
    while (gz > limits.maxGzipBytes && kept.length > 0) {
        const target = Math.max(0, Math.min(kept.length - 1, Math.floor((kept.length * limits.maxGzipBytes * 0.9) / gz)));
        kept = kept.slice(0, target);
        const sizeNote = {
            level: 'warning',
            descriptor: { id: 'portcullis/size-trimmed' },
            message: { text: `The SARIF file was over GitHub's ${limits.maxGzipBytes} bytes gzipped: ${total - kept.length} of ${total} results were left out, the least severe first. The JSON report has them all.` },
        };
        text = serialize(sarifDocument(report, builder, kept, [...notifications.filter((n) => n.descriptor.id !== 'portcullis/size-trimmed'), sizeNote]));
        gz = (0,external_node_zlib_.gzipSync)(text).length;
    }
    return text;
}
const sarifFormat = {
    id: 'sarif',
    version: 1,
    aliases: ['sarif-json'],
    mediaType: 'application/sarif+json',
    defaultFileName: 'portcullis.sarif',
    description: 'SARIF 2.1.0 for GitHub code scanning, with findings on the Dockerfile lines that introduced them',
    render: renderSarif,
};
/** The rule help's KEV / EPSS / severity-source lines for the findings of one id. */
function exploitLines(same) {
    const out = [];
    const kev = same.find((f) => f.kev)?.kev;
    if (kev)
        out.push(`In CISA's Known Exploited Vulnerabilities catalog since ${kev.dateAdded}${kev.dueDate ? ` (due ${kev.dueDate})` : ''}.`);
    const epss = same.map((f) => f.epss).filter((e) => e !== undefined).sort((a, b) => b.score - a.score)[0];
    if (epss)
        out.push(`EPSS ${(epss.score * 100).toFixed(2)}% (percentile ${(epss.percentile * 100).toFixed(0)}).`);
    const sources = [...new Set(same.map((f) => f.severitySource))];
    if (sources.length)
        out.push(`Severity from ${sources.join(', ')}.`);
    return out;
}

;// CONCATENATED MODULE: ./src/output/formats/spdx.ts
/** SPDX 2.3 JSON: the image as the described package, CONTAINS every catalogued package. */




/** SPDX ids allow letters, digits, `.` and `-`; a hash suffix keeps them unique. */
function spdxId(kind, key, name) {
    const safe = name.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 60);
    return `SPDXRef-${kind}-${safe}-${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 12)}`;
}
function spdxPackage(p) {
    return {
        SPDXID: spdxId('Package', p.id, `${p.type}-${p.name}`),
        name: p.name,
        versionInfo: p.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: combinedExpression(p.licenses) ?? 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        sourceInfo: `found by ${p.foundBy} at ${p.locations.map((l) => l.path).join(', ') || 'an unknown path'}`,
        ...(p.source ? { comment: `source package ${p.source.name}${p.source.version ? ` ${p.source.version}` : ''}` } : {}),
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
    };
}
const spdxFormat = {
    id: 'spdx',
    version: 1,
    aliases: ['spdx-json'],
    mediaType: 'application/spdx+json',
    defaultFileName: 'portcullis.spdx.json',
    description: 'SPDX 2.3 JSON SBOM',
    render(report) {
        const imageId = 'SPDXRef-Image';
        const name = (0,format/* imageLabel */.ec)(report);
        const packages = report.packages.map(spdxPackage);
        const doc = {
            spdxVersion: 'SPDX-2.3',
            dataLicense: 'CC0-1.0',
            SPDXID: 'SPDXRef-DOCUMENT',
            name,
            documentNamespace: `https://spdx.org/spdxdocs/portcullis-${(0,format/* imageRepository */.an)(report).replace(/[^A-Za-z0-9.-]/g, '-')}-${uuidFrom([report.image.configDigest, report.createdAt].join('\u0000'))}`,
            creationInfo: { created: report.createdAt.replace(/\.\d+Z$/, 'Z'), creators: [`Tool: portcullis-${report.tool.version}`] },
            // What could not be read (a package database there means its packages are missing from this SBOM).
            ...(report.unknowns.length ? { comment: [(0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'below'), ...report.unknowns.map(formats_unknowns/* unknownLine */.f)].join('\n') } : {}),
            packages: [
                {
                    SPDXID: imageId,
                    name: (0,format/* imageRepository */.an)(report),
                    versionInfo: report.image.manifestDigest ?? report.image.configDigest,
                    downloadLocation: 'NOASSERTION',
                    filesAnalyzed: false,
                    licenseConcluded: 'NOASSERTION',
                    licenseDeclared: 'NOASSERTION',
                    copyrightText: 'NOASSERTION',
                    primaryPackagePurpose: 'CONTAINER',
                    comment: `image ${name}, config ${report.image.configDigest}`,
                },
                ...packages,
            ],
            relationships: [
                { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
                ...packages.map((p) => ({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })),
            ],
        };
        return (0,format/* stableJson */._Y)(doc, ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'documentNamespace', 'creationInfo', 'packages', 'relationships']);
    },
};

;// CONCATENATED MODULE: ./src/output/list.ts










/** Every output format, in `--help` order. */
const OUTPUT_FORMATS = new registry/* Registry */.O('output format', [
    tableFormat,
    jsonFormat,
    sarifFormat,
    markdownFormat,
    junitFormat,
    gitlabFormat,
    cyclonedxFormat,
    spdxFormat,
], (f) => f.aliases);
/**
 * Parses repeated `--output FORMAT[=PATH]` values. An unknown format is a ConfigurationError naming the known ones;
 * so are an empty path, two outputs to the same file and more than one output to standard output.
 */
function parseOutputSpecs(values, registry = OUTPUT_FORMATS) {
    const specs = [];
    for (const value of values) {
        const eq = value.indexOf('=');
        const name = (eq < 0 ? value : value.slice(0, eq)).trim().toLowerCase();
        if (!name)
            throw new errors/* ConfigurationError */.j1(`--output "${value}" names no format; use FORMAT[=PATH] with one of: ${registry.ids().join(', ')}`);
        const format = registry.get(name);
        if (eq < 0) {
            specs.push({ format });
            continue;
        }
        const path = value.slice(eq + 1).trim();
        if (!path)
            throw new errors/* ConfigurationError */.j1(`--output "${value}" has an empty path; use ${name}=PATH, or ${name} alone for standard output`);
        specs.push({ format, path });
    }
    const toStdout = specs.filter((s) => s.path === undefined);
    if (toStdout.length > 1) {
        throw new errors/* ConfigurationError */.j1(`only one --output may go to standard output, got ${toStdout.map((s) => s.format.id).join(' and ')}; give the others a path (FORMAT=PATH)`);
    }
    const seen = new Map();
    for (const s of specs) {
        if (s.path === undefined)
            continue;
        const other = seen.get(s.path);
        if (other)
            throw new errors/* ConfigurationError */.j1(`--output ${other} and ${s.format.id} both write ${s.path}`);
        seen.set(s.path, s.format.id);
    }
    return specs;
}


/***/ })

};
