export const id = 701;
export const ids = [701,681];
export const modules = {

/***/ 22681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sbomCommand: () => (/* binding */ sbomCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/run.ts + 33 modules
var run = __webpack_require__(33338);
// EXTERNAL MODULE: ./src/image/open.ts + 20 modules
var image_open = __webpack_require__(59030);
// EXTERNAL MODULE: ./src/output/list.ts + 10 modules
var list = __webpack_require__(20571);
// EXTERNAL MODULE: ./src/version-info.ts
var version_info = __webpack_require__(7720);
// EXTERNAL MODULE: ./src/sbom/read.ts + 7 modules
var read = __webpack_require__(22138);
;// CONCATENATED MODULE: ./src/sbom/generate.ts
/**
 * `portcullis sbom`: an image (or an SBOM, to convert it) cataloged into a ScanReport with no findings and no policy,
 * and rendered by one of the SBOM formats.
 */






/** The names `sbom -o` accepts, and the output format each one is. */
const SBOM_OUTPUTS = {
    'cyclonedx-json': 'cyclonedx',
    cyclonedx: 'cyclonedx',
    cdx: 'cyclonedx',
    'spdx-json': 'spdx',
    spdx: 'spdx',
    'portcullis-json': 'json',
    json: 'json',
};
function sbomOutputFormat(name) {
    const id = SBOM_OUTPUTS[name.trim().toLowerCase()];
    if (!id)
        throw new errors/* ConfigurationError */.j1(`-o must be one of cyclonedx-json, spdx-json, portcullis-json (or ${Object.keys(SBOM_OUTPUTS).filter((k) => !k.includes('-')).join(', ')}), got "${name}"`);
    return list/* OUTPUT_FORMATS */.D.get(id);
}
/** Reads and catalogs `ref` (or reads the SBOM `sbom:PATH`) into a report with decision GO and no findings. */
async function buildSbomReport(ref, options) {
    const { logger } = options;
    let part;
    if ((0,read/* isSbomReference */.HX)(ref)) {
        const path = ref.slice(read/* SBOM_SCHEME */.cA.length);
        const { image, catalog } = await (0,read/* sbomInput */.OM)(options.resolvePath ? options.resolvePath(path) : path, ref);
        part = { image, ...(catalog.distro ? { distro: catalog.distro } : {}), packages: catalog.packages, unknowns: catalog.unknowns, plugins: catalog.plugins };
    }
    else {
        const catalogers = (0,run/* selectCatalogers */.Ap)('image');
        const view = await (0,image_open/* loadImage */.yt)(ref, { ...options.source, requests: (0,run/* catalogRequests */._z)(catalogers), ...(options.signal ? { signal: options.signal } : {}) });
        const catalog = await (0,run/* runCatalogers */.X0)(view, { catalogers, logger, ...(options.signal ? { signal: options.signal } : {}) });
        part = {
            image: view.metadata,
            ...(catalog.distro ? { distro: catalog.distro } : {}),
            packages: catalog.packages,
            unknowns: [...view.unknowns, ...catalog.unknowns],
            plugins: catalog.plugins,
        };
    }
    logger.info(`catalogued ${part.packages.length} packages${part.distro ? ` on ${part.distro.prettyName ?? part.distro.id}` : ''}`);
    return {
        schemaVersion: '1',
        tool: { name: 'portcullis', version: version_info/* VERSION */.x },
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        ...part,
        findings: [],
        decision: 'GO',
    };
}

// EXTERNAL MODULE: ./src/cli/source-options.ts
var source_options = __webpack_require__(90166);
;// CONCATENATED MODULE: ./src/cli/commands/sbom.ts





/** `FORMAT[=PATH]`, as `scan -o` takes it. */
function splitOutput(value) {
    const i = value.indexOf('=');
    if (i < 0)
        return [value, undefined];
    const path = value.slice(i + 1);
    if (path === '')
        throw new errors/* ConfigurationError */.j1(`-o ${value}: the path after "=" is empty`);
    return [value.slice(0, i), path];
}
const sbomCommand = {
    id: 'sbom',
    register(program, ctx) {
        (0,source_options/* addSourceOptions */.F6)(program
            .command('sbom')
            .description('catalog an image and write its SBOM (CycloneDX 1.6, SPDX 2.3 or Portcullis JSON); sbom:PATH converts an SBOM')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH')
            .option('-o, --output <format[=path]>', 'cyclonedx-json, spdx-json or portcullis-json (aliases: cyclonedx, spdx, json); =PATH writes it to a file, as scan -o does', 'cyclonedx-json')
            .option('--file <path>', 'write the SBOM to this file instead of standard output')).action(async (ref, opts) => {
            const [formatName, outputPath] = splitOutput(String(opts.output));
            if (outputPath !== undefined && typeof opts.file === 'string')
                throw new errors/* ConfigurationError */.j1('give the file as -o FORMAT=PATH or --file PATH, not both');
            if (outputPath !== undefined)
                opts.file = outputPath;
            const format = sbomOutputFormat(formatName);
            const source = await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx);
            const report = await buildSbomReport(ref, { source, logger: ctx.logger, resolvePath: (p) => (0,external_node_path_.resolve)(p) });
            const rendered = format.render(report, {});
            const text = typeof rendered === 'string' ? rendered : rendered.toString('utf8');
            if (typeof opts.file === 'string') {
                const path = (0,external_node_path_.resolve)(opts.file);
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
                await (0,promises_.writeFile)(path, text);
                ctx.logger.info(`wrote ${format.id} SBOM (${report.packages.length} packages) to ${opts.file}`);
            }
            else {
                ctx.out(text);
            }
        });
    },
};


/***/ }),

/***/ 92701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLI_COMMANDS: () => (/* binding */ CLI_COMMANDS)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/baseline/delta.ts
var baseline_delta = __webpack_require__(89041);
// EXTERNAL MODULE: ./src/baseline/render.ts
var render = __webpack_require__(58995);
;// CONCATENATED MODULE: ./src/baseline/compare.ts
/**
 * `portcullis compare BASE NEW`: what changed between two scans, packages added, removed and changed (with the
 * Dockerfile line that brought each in, when NEW was scanned with its Dockerfile), findings added and fixed, and the
 * decision before and after. Pure: the command scans or reads the two reports; this compares and renders them.
 */


const label = (r) => r.image.repoTags[0] ?? r.image.reference;
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
function originLine(report, p) {
    const layer = p.locations[0]?.provenance?.layerIndex;
    const o = layer === undefined ? undefined : report.dockerfile?.origins.find((x) => x.layerIndex === layer);
    return { ...(o?.line !== undefined ? { line: o.line } : {}), ...(o?.instruction ? { instruction: o.instruction } : {}) };
}
function byName(packages) {
    const out = new Map();
    for (const p of packages) {
        const k = `${p.type}\u0000${p.name}`;
        const list = out.get(k);
        if (list)
            list.push(p);
        else
            out.set(k, [p]);
    }
    return out;
}
const versions = (list) => [...new Set((list ?? []).map((p) => p.version))].sort();
function findingChange(report, f) {
    const { line } = originLine(report, f);
    return { id: f.id, aliases: f.aliases, severity: f.severity, packageType: f.packageType, packageName: f.packageName, installedVersion: f.installedVersion, fix: f.fix, ...(line !== undefined ? { line } : {}) };
}
function compareReports(base, next) {
    const before = byName(base.packages);
    const after = byName(next.packages);
    const added = [];
    const removed = [];
    const changed = [];
    for (const [k, list] of after) {
        const old = before.get(k);
        const first = list[0];
        const where = { ...originLine(next, first), ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) };
        if (!old)
            added.push({ type: first.type, name: first.name, before: [], after: versions(list), ...where });
        else if (versions(old).join('\u0000') !== versions(list).join('\u0000'))
            changed.push({ type: first.type, name: first.name, before: versions(old), after: versions(list), ...where });
    }
    for (const [k, list] of before) {
        if (after.has(k))
            continue;
        const first = list[0];
        removed.push({ type: first.type, name: first.name, before: versions(list), after: [], ...(first.locations[0]?.path ? { path: first.locations[0].path } : {}) });
    }
    const order = (a, b) => cmp(a.type, b.type) || cmp(a.name, b.name);
    const delta = (0,baseline_delta/* applyDelta */.TM)(next, base, { source: label(base), kind: 'report' }, 'all');
    const sev = (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || cmp(a.id, b.id) || cmp(a.packageName, b.packageName);
    const side = (r) => ({ reference: r.image.reference, label: label(r), ...(r.image.manifestDigest ? { manifestDigest: r.image.manifestDigest } : {}), decision: r.decision, packages: r.packages.length, findings: r.findings.length });
    return {
        base: side(base),
        new: side(next),
        packages: { added: added.sort(order), removed: removed.sort(order), changed: changed.sort(order) },
        findings: {
            added: delta.findings.filter((f) => f.baseline === 'new').map((f) => findingChange(next, f)).sort(sev),
            fixed: delta.baseline.fixed.findings.map((f) => findingChange(base, f)).sort(sev),
            existing: delta.baseline.counts.findings.existing,
        },
        decision: { before: base.decision, after: next.decision, newOnly: delta.baseline.newDecision },
    };
}
const vtext = (v) => v.join(', ') || '-';
const fixText = (f) => (f.fix.state === 'fixed' ? f.fix.versions.join(', ') : f.fix.state);
const lineText = (c) => (c.line !== undefined ? `line ${c.line}${c.instruction ? `: ${c.instruction}` : ''}` : '');
function headline(c) {
    const p = c.packages;
    return `packages +${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed; findings +${c.findings.added.length} new, -${c.findings.fixed.length} fixed (${c.findings.existing} in both); decision ${c.decision.before} → ${c.decision.after} (new only: ${c.decision.newOnly})`;
}
/** Columns padded to their widest cell. */
function columns(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}
function renderComparisonText(c) {
    const out = [`${c.base.label} → ${c.new.label}`, headline(c)];
    const p = c.packages;
    const pkgRows = [
        ...p.added.map((x) => ['+', x.type, x.name, '', vtext(x.after), lineText(x)]),
        ...p.removed.map((x) => ['-', x.type, x.name, vtext(x.before), '', '']),
        ...p.changed.map((x) => ['~', x.type, x.name, vtext(x.before), vtext(x.after), lineText(x)]),
    ];
    if (pkgRows.length)
        out.push('', 'PACKAGES', ...columns([['', 'TYPE', 'NAME', 'BEFORE', 'AFTER', 'DOCKERFILE'], ...pkgRows]));
    const fRows = [
        ...c.findings.added.map((f) => ['+', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
        ...c.findings.fixed.map((f) => ['-', f.severity, f.id, f.packageName, f.installedVersion, fixText(f)]),
    ];
    if (fRows.length)
        out.push('', 'FINDINGS', ...columns([['', 'SEVERITY', 'VULNERABILITY', 'PACKAGE', 'VERSION', 'FIXED IN'], ...fRows]));
    return `${out.join('\n')}\n`;
}
function md(s) {
    return s.replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
function renderComparisonMarkdown(c) {
    const p = c.packages;
    const out = [
        `### Compare ${(0,render/* codeSpan */.SS)(c.base.label)} → ${(0,render/* codeSpan */.SS)(c.new.label)}`,
        '',
        `| | Before | After |`,
        '|---|---|---|',
        `| Decision | ${c.decision.before} | **${c.decision.after}** (new only: **${c.decision.newOnly}**) |`,
        `| Packages | ${c.base.packages} | ${c.new.packages} (+${p.added.length} added, -${p.removed.length} removed, ~${p.changed.length} changed) |`,
        `| Findings | ${c.base.findings} | ${c.new.findings} (+${c.findings.added.length} new, -${c.findings.fixed.length} fixed) |`,
    ];
    if (p.added.length + p.removed.length + p.changed.length) {
        out.push('', '**Packages**', '', '| | Type | Name | Before | After | Dockerfile |', '|---|---|---|---|---|---|');
        for (const x of p.added)
            out.push(`| + | ${x.type} | ${md(x.name)} | | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
        for (const x of p.removed)
            out.push(`| - | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | | |`);
        for (const x of p.changed)
            out.push(`| ~ | ${x.type} | ${md(x.name)} | ${md(vtext(x.before))} | ${md(vtext(x.after))} | ${md(lineText(x))} |`);
    }
    if (c.findings.added.length + c.findings.fixed.length) {
        out.push('', '**Findings**', '', '| | Severity | Vulnerability | Package | Version | Fixed in |', '|---|---|---|---|---|---|');
        for (const f of c.findings.added)
            out.push(`| + new | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
        for (const f of c.findings.fixed)
            out.push(`| - fixed | ${f.severity} | ${md(f.id)} | ${md(f.packageName)} | ${md(f.installedVersion)} | ${md(fixText(f))} |`);
    }
    return `${out.join('\n')}\n`;
}
function renderComparisonJson(c) {
    return `${JSON.stringify(c, null, 2)}\n`;
}
const COMPARISON_FORMATS = { table: renderComparisonText, markdown: renderComparisonMarkdown, json: renderComparisonJson };

// EXTERNAL MODULE: ./src/baseline/load.ts
var load = __webpack_require__(47663);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/scan/pipeline.ts + 11 modules
var pipeline = __webpack_require__(96153);
// EXTERNAL MODULE: ./src/cli/source-options.ts
var source_options = __webpack_require__(90166);
;// CONCATENATED MODULE: ./src/cli/commands/compare.ts






const FORMATS = Object.keys(COMPARISON_FORMATS);
/** A previous JSON report when `arg` is a file holding one; undefined for an image reference. */
async function reportAt(arg) {
    let text;
    try {
        text = await (0,promises_.readFile)(arg, 'utf8');
    }
    catch {
        return undefined;
    }
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        throw new common_errors/* ConfigurationError */.j1(`${arg} is a file but not JSON: give a Portcullis JSON report (scan -o json) or an image reference`);
    }
    if (!(0,load/* isScanReport */.wW)(doc))
        throw new common_errors/* ConfigurationError */.j1(`${arg} is not a Portcullis JSON report (scan -o json); scan an SBOM as sbom:${arg}`);
    return doc;
}
const compareCommand = {
    id: 'compare',
    register(program, ctx) {
        (0,source_options/* addVulnerabilityDataOptions */.w7)((0,source_options/* addSourceOptions */.F6)(program
            .command('compare')
            .description('compare two images or two JSON reports: packages added, removed and changed, findings new and fixed, the decision before and after')
            .argument('<base>', 'the baseline: an image reference (as scan takes) or a Portcullis JSON report')
            .argument('<new>', 'the image or report to compare with it')
            .option('-o, --output <format>', `${FORMATS.join(', ')}`, 'table')
            .option('--policy <path>', 'policy bundle for the images scanned (default: the bundled default policy)')
            .option('--dockerfile <path>', 'the Dockerfile that built NEW (packages and findings get its lines)'))).action(async (base, next, opts) => {
            const format = String(opts.output);
            if (!FORMATS.includes(format))
                throw new common_errors/* ConfigurationError */.j1(`-o must be one of ${FORMATS.join(', ')}, got "${String(opts.output)}"`);
            const source = await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx);
            const { env: _env, logger: _logger, maxFileBytes, ...sourceRest } = source;
            const vulnerabilities = (0,source_options/* vulnerabilityDataFrom */.JS)(opts, ctx.env, sourceRest);
            const scan = async (ref, dockerfile) => {
                const config = {
                    image: ref,
                    source: sourceRest,
                    ...(maxFileBytes ? { maxFileBytes } : {}),
                    ...(dockerfile && typeof opts.dockerfile === 'string' ? { dockerfilePath: opts.dockerfile } : {}),
                    ...(typeof opts.policy === 'string' ? { policyPath: opts.policy } : {}),
                    failOn: 'never',
                    outputs: ['json'],
                    vulnerabilities,
                };
                return (await (0,pipeline/* runScan */.H)(config, { env: ctx.env, logger: ctx.logger })).report;
            };
            const before = (await reportAt(base)) ?? (await scan(base, false));
            const after = (await reportAt(next)) ?? (await scan(next, true));
            ctx.out(COMPARISON_FORMATS[format](compareReports(before, after)));
        });
    },
};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/publish/compliance.ts
var publish_compliance = __webpack_require__(65348);
// EXTERNAL MODULE: ./src/publish/target.ts
var publish_target = __webpack_require__(47018);
// EXTERNAL MODULE: ./src/cli/commands/push.ts
var push = __webpack_require__(58485);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/image/open.ts + 20 modules
var image_open = __webpack_require__(59030);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
;// CONCATENATED MODULE: ./src/compliance/xccdf.ts
/** Reads an XCCDF result file (as `oscap xccdf eval --results` writes it) and derives the outcome. */


const RULE_RESULTS = ['pass', 'fail', 'error', 'unknown', 'notapplicable', 'notchecked', 'notselected', 'informational', 'fixed'];
const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
function xccdf_text(v) {
    if (typeof v === 'string' || typeof v === 'number')
        return String(v);
    if (v && typeof v === 'object' && '#text' in v)
        return String(v['#text']);
    return undefined;
}
/** Walks to the first element named `name` (namespace prefixes removed), depth-first. */
function find(node, name) {
    if (!node || typeof node !== 'object')
        return undefined;
    if (Array.isArray(node)) {
        for (const n of node) {
            const f = find(n, name);
            if (f)
                return f;
        }
        return undefined;
    }
    const obj = node;
    if (name in obj)
        return asArray(obj[name])[0];
    for (const [k, v] of Object.entries(obj)) {
        if (k.startsWith('@_') || k === '#text')
            continue;
        const f = find(v, name);
        if (f)
            return f;
    }
    return undefined;
}
function collectRules(node, out) {
    if (!node || typeof node !== 'object')
        return;
    if (Array.isArray(node)) {
        for (const n of node)
            collectRules(n, out);
        return;
    }
    const obj = node;
    for (const r of asArray(obj.Rule)) {
        const id = r['@_id'];
        if (typeof id === 'string') {
            const title = xccdf_text(asArray(r.title)[0]);
            out.set(id, { ...(title ? { title } : {}), ...(typeof r['@_severity'] === 'string' ? { severity: r['@_severity'] } : {}) });
        }
    }
    for (const g of asArray(obj.Group))
        collectRules(g, out);
}
function parseXccdfResults(xml) {
    const parser = new XMLParser/* default */.A({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        removeNSPrefix: true,
        // Large result files: no entity expansion beyond XML's own.
        processEntities: false,
        isArray: (name) => name === 'rule-result' || name === 'Rule' || name === 'Group' || name === 'TestResult' || name === 'title',
    });
    let doc;
    try {
        doc = parser.parse(typeof xml === 'string' ? xml : xml.toString('utf8'));
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`the XCCDF results are not XML: ${error instanceof Error ? error.message : String(error)}`);
    }
    const testResult = find(doc, 'TestResult');
    if (!testResult)
        throw new common_errors/* ConfigurationError */.j1('the XCCDF results have no TestResult');
    const benchmark = find(doc, 'Benchmark');
    const rules = new Map();
    if (benchmark)
        collectRules(benchmark, rules);
    const counts = Object.fromEntries(RULE_RESULTS.map((r) => [r, 0]));
    const failed = [];
    for (const rr of asArray(testResult['rule-result'])) {
        const result = xccdf_text(rr.result);
        if (!result || !RULE_RESULTS.includes(result))
            continue;
        counts[result]++;
        if (result === 'fail' || result === 'error' || result === 'unknown') {
            const id = String(rr['@_idref']);
            const meta = rules.get(id);
            failed.push({ id, result, ...(typeof rr['@_severity'] === 'string' ? { severity: rr['@_severity'] } : meta?.severity ? { severity: meta.severity } : {}), ...(meta?.title ? { title: meta.title } : {}) });
        }
    }
    const checked = counts.pass + counts.fail + counts.error + counts.unknown + counts.fixed + counts.informational;
    let result;
    let reason;
    if (checked === 0) {
        result = 'error';
        reason = `nothing was checked: ${counts.notapplicable} rule(s) not applicable, ${counts.notchecked} not checked`;
    }
    else if (counts.fail > 0) {
        result = 'fail';
        reason = `${counts.fail} rule(s) failed, ${counts.pass} passed`;
    }
    else if (counts.error + counts.unknown > 0) {
        result = 'error';
        reason = `${counts.error} rule(s) errored and ${counts.unknown} gave unknown; ${counts.pass} passed`;
    }
    else {
        result = 'pass';
        reason = `all ${counts.pass + counts.fixed} applicable rule(s) passed`;
    }
    const profile = find(testResult, 'profile');
    const bVersion = benchmark ? xccdf_text(asArray(benchmark.version)[0]) : undefined;
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

;// CONCATENATED MODULE: ./src/compliance/oscap.ts
/**
 * Runs OpenSCAP (`oscap-chroot ROOT xccdf eval`) on an unpacked root file system with SCAP Security Guide content,
 * and derives the outcome from the XCCDF results (see xccdf.ts: nothing applicable is an error, never a pass).
 *
 * Content: `--datastream` when given; otherwise `ssg-<id><version>-ds.xml` for the image's distro. Debian's
 * `ssg-debian` ships Debian 10 and 11 only; for a newer Debian the Debian 11 content is used with its CPE
 * `cpe:/o:debian:debian_linux:11` remapped to the generic "installed OS is Debian" check, and that mapping is
 * recorded in the summary (shared/docs/real-parts.md: without it every rule is `notapplicable`).
 */





const SSG_CONTENT_DIR = '/usr/share/xml/scap/ssg/content';
function parseOsRelease(text) {
    const values = new Map();
    for (const line of text.split('\n')) {
        const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (m)
            values.set(m[1], m[2].replace(/^["']|["']$/g, ''));
    }
    const id = values.get('ID');
    if (!id)
        return undefined;
    return { id, ...(values.get('VERSION_ID') ? { versionId: values.get('VERSION_ID') } : {}), ...(values.get('PRETTY_NAME') ? { prettyName: values.get('PRETTY_NAME') } : {}) };
}
const GENERIC_DEBIAN_DEF = 'oval:ssg-installed_OS_is_debian:def:1';
/**
 * Writes a copy of `ssg-<content>-cpe-dictionary.xml` (and its `-cpe-oval.xml` beside it) into `workDir`, with the
 * check of `cpe` pointed at `definition`. Throws when the dictionary has no such CPE or the OVAL no such definition.
 */
function remapCpe(contentDir, contentName, cpe, definition, workDir) {
    const dictName = `ssg-${contentName}-cpe-dictionary.xml`;
    const ovalName = `ssg-${contentName}-cpe-oval.xml`;
    const dict = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(contentDir, dictName), 'utf8');
    const oval = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(contentDir, ovalName), 'utf8');
    if (!oval.includes(`id="${definition}"`))
        throw new common_errors/* ConfigurationError */.j1(`${ovalName} has no OVAL definition ${definition} to remap ${cpe} to`);
    const itemRe = new RegExp(`(<cpe-dict:cpe-item name="${cpe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">[\\s\\S]*?<cpe-dict:check [^>]*>)([^<]+)(</cpe-dict:check>)`);
    if (!itemRe.test(dict))
        throw new common_errors/* ConfigurationError */.j1(`${dictName} has no CPE ${cpe} with a check`);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(workDir, dictName), dict.replace(itemRe, `$1${definition}$3`));
    (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(contentDir, ovalName), (0,external_node_path_.join)(workDir, ovalName));
    return (0,external_node_path_.join)(workDir, dictName);
}
/** Picks the SSG content for the image's OS, remapping a newer Debian onto the newest Debian content there is. */
function selectContent(os, workDir, contentDir = SSG_CONTENT_DIR) {
    if (!os)
        throw new common_errors/* ConfigurationError */.j1('the image has no /etc/os-release, so no SCAP content can be chosen; give --datastream');
    const major = (os.versionId ?? '').split('.')[0] ?? '';
    const exact = (0,external_node_path_.join)(contentDir, `ssg-${os.id}${major}-ds.xml`);
    if ((0,external_node_fs_.existsSync)(exact))
        return { datastream: exact };
    if (os.id === 'debian' && /^\d+$/.test(major)) {
        const available = (0,external_node_fs_.existsSync)(contentDir)
            ? (0,external_node_fs_.readdirSync)(contentDir)
                .map((n) => /^ssg-debian(\d+)-ds\.xml$/.exec(n)?.[1])
                .filter((v) => v !== undefined)
                .map(Number)
                .filter((v) => v < Number(major))
                .sort((a, b) => b - a)
            : [];
        const newest = available[0];
        if (newest !== undefined) {
            const cpe = `cpe:/o:debian:debian_linux:${newest}`;
            const cpeDictionary = remapCpe(contentDir, `debian${newest}`, cpe, GENERIC_DEBIAN_DEF, workDir);
            return {
                datastream: (0,external_node_path_.join)(contentDir, `ssg-debian${newest}-ds.xml`),
                cpeDictionary,
                mapping: {
                    image: `debian ${os.versionId ?? major}`,
                    content: `ssg-debian${newest}`,
                    cpe,
                    remappedTo: GENERIC_DEBIAN_DEF,
                    reason: `no SCAP Security Guide content for Debian ${major} in ${contentDir}; the Debian ${newest} rules are evaluated with their platform check widened to any Debian`,
                },
            };
        }
    }
    throw new common_errors/* ConfigurationError */.j1(`no SCAP Security Guide content for ${os.id} ${os.versionId ?? ''} in ${contentDir} (apt-get install ssg-debian, ssg-debderived, …); give --datastream`.replace('  ', ' '));
}
/** Runs `oscap-chroot` and parses the results. Exit codes: 0 all passed, 2 some failed, 1 an error. */
async function runOscapChroot(options) {
    if (process.getuid?.() !== 0)
        throw new common_errors/* ConfigurationError */.j1('oscap-chroot needs root (it reads the unpacked tree as its owners)');
    const results = (0,external_node_path_.join)(options.outDir, 'oscap-results.xml');
    const arf = (0,external_node_path_.join)(options.outDir, 'oscap-results-arf.xml');
    const report = (0,external_node_path_.join)(options.outDir, 'oscap-report.html');
    const args = [options.root, 'xccdf', 'eval', '--profile', options.profile, '--results', results, '--results-arf', arf, '--report', report];
    if (options.cpeDictionary)
        args.push('--cpe', options.cpeDictionary);
    args.push(options.datastream);
    const command = options.command ?? 'oscap-chroot';
    options.logger.debug(`${command} ${args.join(' ')}`);
    const { code, stderr } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
        let err = '';
        child.stderr.on('data', (c) => {
            if (err.length < 64 * 1024)
                err += c.toString();
        });
        child.on('error', (e) => reject(e.code === 'ENOENT' ? new common_errors/* ConfigurationError */.j1(`${command} is not installed (apt-get install openscap-utils openscap-scanner)`) : e));
        child.on('close', (c, signal) => resolve({ code: c ?? (signal ? 128 : 1), stderr: err }));
    });
    if (code !== 0 && code !== 2) {
        const firstLine = stderr.split('\n').find((l) => l.trim()) ?? '';
        throw new common_errors/* ConfigurationError */.j1(`oscap failed (exit ${code}) on ${(0,external_node_path_.basename)(options.datastream)} profile ${options.profile}: ${firstLine}`);
    }
    if (!(0,external_node_fs_.existsSync)(results))
        throw new common_errors/* ConfigurationError */.j1(`oscap exited ${code} but wrote no results in ${(0,external_node_path_.dirname)(results)}`);
    return { results, arf, report, exitCode: code, stderr, summary: parseXccdfResults((0,external_node_fs_.readFileSync)(results)) };
}

;// CONCATENATED MODULE: ./src/compliance/rootfs.ts
/**
 * Unpacks an image's squashed root file system to a directory, for tools that need a real tree (oscap-chroot).
 * Content streams through a ContentSink into staging files during the single pass over the layers; the tree is
 * then built from the squashed view. Safe by construction:
 * - no entry is written through a symlink: an entry under a path that the image makes a symlink is refused;
 * - paths are the view's normalised absolute paths, and each is checked to stay under the root;
 * - device nodes and FIFOs are not created; hardlinks only to regular files already unpacked;
 * - symlinks are created as they are (they resolve inside the chroot) and never followed here.
 */


const ROOTFS_REQUEST_ID = 'compliance/rootfs';
class StagingSink {
    path;
    #fd;
    constructor(path) {
        this.path = path;
        this.#fd = (0,external_node_fs_.openSync)(path, 'wx', 0o600);
    }
    write(chunk) {
        let off = 0;
        while (off < chunk.length)
            off += (0,external_node_fs_.writeSync)(this.#fd, chunk, off);
    }
    end() {
        (0,external_node_fs_.closeSync)(this.#fd);
        return this.path;
    }
}
/** The request that streams every regular file into `stagingDir` (one file per layer version). */
function rootfsRequest(stagingDir) {
    let n = 0;
    (0,external_node_fs_.mkdirSync)(stagingDir, { recursive: true, mode: 0o700 });
    return {
        id: ROOTFS_REQUEST_ID,
        filter: () => true,
        sink: () => new StagingSink((0,external_node_path_.join)(stagingDir, String(n++))),
    };
}
function inside(root, path) {
    // normalize, not resolve: ncc's asset relocator rewrites resolve(root, …) into a path of the build machine.
    const target = (0,external_node_path_.normalize)(`${root}${external_node_path_.sep}.${path}`);
    const rel = (0,external_node_path_.relative)(root, target);
    if (rel === '' || rel.startsWith('..') || rel.split(external_node_path_.sep).includes('..'))
        return undefined;
    return target;
}
/** Builds the tree under `root` (which must exist and be empty) from the view and the staged content. */
function unpackView(view, root, options = {}) {
    const summary = { root, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, skipped: [] };
    const owners = options.owners ?? process.getuid?.() === 0;
    const links = new Set();
    const dirModes = [];
    const hardlinks = [];
    const skip = (e, reason) => summary.skipped.push({ path: e.path, reason });
    const setOwner = (dest, e) => {
        if (owners)
            (0,external_node_fs_.lchownSync)(dest, e.uid, e.gid);
    };
    for (const e of view.list()) {
        const dest = inside(root, e.path);
        if (!dest) {
            skip(e, 'path leaves the root');
            continue;
        }
        // Refuse anything whose parent the image made a symlink: writing there would follow it.
        const parts = e.path.split('/').filter(Boolean);
        let viaLink;
        for (let i = 1; i < parts.length; i++) {
            const ancestor = `/${parts.slice(0, i).join('/')}`;
            if (links.has(ancestor)) {
                viaLink = ancestor;
                break;
            }
        }
        if (viaLink) {
            skip(e, `under ${viaLink}, a symlink`);
            continue;
        }
        try {
            switch (e.type) {
                case 'dir':
                    (0,external_node_fs_.mkdirSync)(dest, { recursive: true, mode: 0o700 });
                    dirModes.push([dest, e.mode]);
                    setOwner(dest, e);
                    summary.dirs++;
                    break;
                case 'file': {
                    const staged = view.sinkResult(ROOTFS_REQUEST_ID, e.path);
                    if (typeof staged !== 'string') {
                        skip(e, 'content was not captured');
                        break;
                    }
                    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dest, '..'), { recursive: true, mode: 0o755 });
                    (0,external_node_fs_.renameSync)(staged, dest);
                    (0,external_node_fs_.chmodSync)(dest, e.mode & 0o7777);
                    setOwner(dest, e);
                    // chown clears set-id bits; put them back.
                    if (owners && e.mode & 0o6000)
                        (0,external_node_fs_.chmodSync)(dest, e.mode & 0o7777);
                    summary.files++;
                    break;
                }
                case 'symlink':
                    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dest, '..'), { recursive: true, mode: 0o755 });
                    (0,external_node_fs_.symlinkSync)(e.linkTarget ?? '', dest);
                    setOwner(dest, e);
                    links.add(e.path);
                    summary.symlinks++;
                    break;
                case 'hardlink':
                    // After every regular file exists: the target may sort after the link.
                    hardlinks.push([e, dest]);
                    break;
                default:
                    skip(e, `${e.type} device or FIFO: not created`);
            }
        }
        catch (error) {
            skip(e, error instanceof Error ? error.message : String(error));
        }
    }
    for (const [e, dest] of hardlinks) {
        const target = view.get(e.linkTarget ?? '');
        const targetDest = e.linkTarget ? inside(root, e.linkTarget) : undefined;
        if (!target || target.type !== 'file' || !targetDest || [...links].some((l) => e.linkTarget.startsWith(`${l}/`))) {
            skip(e, `hardlink to ${e.linkTarget ?? '?'}, which is not an unpacked regular file`);
            continue;
        }
        try {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dest, '..'), { recursive: true, mode: 0o755 });
            (0,external_node_fs_.linkSync)(targetDest, dest);
            summary.hardlinks++;
        }
        catch (error) {
            skip(e, error instanceof Error ? error.message : String(error));
        }
    }
    // Directory modes last and deepest first, so a read-only directory did not block its own content.
    for (const [dest, mode] of dirModes.reverse())
        (0,external_node_fs_.chmodSync)(dest, mode & 0o7777);
    for (const s of summary.skipped)
        options.logger?.debug(`rootfs: skipped ${s.path}: ${s.reason}`);
    return summary;
}
/** Removes staged files that no squashed entry used (overwritten or deleted in a later layer). */
function removeStaging(stagingDir) {
    rmSync(stagingDir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/compliance/check.ts
/** `portcullis compliance oscap`: unpack the image, run OpenSCAP, derive the outcome, keep the files. */






/** Reads the image once, streaming every regular file to `work/staging`, and builds the tree at `work/rootfs`. */
async function unpackImage(ref, work, source, logger, signal) {
    const staging = (0,external_node_path_.join)(work, 'staging');
    const root = (0,external_node_path_.join)(work, 'rootfs');
    (0,external_node_fs_.mkdirSync)(root, { mode: 0o755 });
    const view = await (0,image_open/* loadImage */.yt)(ref, {
        ...source,
        requests: [rootfsRequest(staging), { id: 'compliance/os-release', paths: ['/etc/os-release', '/usr/lib/os-release'] }],
        ...(signal ? { signal } : {}),
    });
    try {
        const unpacked = unpackView(view, root, { logger });
        logger.info(`unpacked ${unpacked.files} files, ${unpacked.dirs} directories, ${unpacked.symlinks} symlinks (${unpacked.skipped.length} entries skipped)`);
        return { view, unpacked, root };
    }
    finally {
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
    }
}
async function runOscapCheck(options) {
    const startTime = new Date().toISOString();
    const outDir = (0,external_node_path_.resolve)(options.outDir);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-oscap-'));
    try {
        const { view, unpacked, root } = await unpackImage(options.ref, work, options.source, options.logger, options.signal);
        const os = parseOsRelease(view.readText('/etc/os-release') ?? view.readText('/usr/lib/os-release') ?? '');
        const content = options.datastream ? { datastream: (0,external_node_path_.resolve)(options.datastream) } : selectContent(os, work, options.contentDir ?? SSG_CONTENT_DIR);
        if ('mapping' in content && content.mapping)
            options.logger.warning(`content mapping: ${content.mapping.reason}`);
        const run = await runOscapChroot({
            root,
            datastream: content.datastream,
            profile: options.profile,
            ...('cpeDictionary' in content && content.cpeDictionary ? { cpeDictionary: content.cpeDictionary } : {}),
            outDir,
            logger: options.logger,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        const m = view.metadata;
        const summaryPath = (0,external_node_path_.join)(outDir, 'oscap-summary.json');
        const summary = {
            check_type: 'oscap',
            image: { reference: m.reference, ...(m.manifestDigest ? { digest: m.manifestDigest } : {}), ...(m.repoTags[0] ? { tag: m.repoTags[0] } : {}) },
            profile: options.profile,
            datastream: {
                path: content.datastream,
                ...(run.summary.benchmark.id ? { benchmark: run.summary.benchmark.id } : {}),
                ...(run.summary.benchmark.version ? { version: run.summary.benchmark.version } : {}),
            },
            ...('mapping' in content && content.mapping ? { contentMapping: content.mapping } : {}),
            result: run.summary.result,
            reason: run.summary.reason,
            counts: run.summary.counts,
            failed: run.summary.failed,
            oscapExitCode: run.exitCode,
            start_time: startTime,
            end_time: new Date().toISOString(),
            unpack: { files: unpacked.files, dirs: unpacked.dirs, symlinks: unpacked.symlinks, hardlinks: unpacked.hardlinks, skipped: unpacked.skipped.length },
            files: { results: run.results, arf: run.arf, report: run.report, summary: summaryPath },
        };
        (0,external_node_fs_.writeFileSync)(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
        return summary;
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/compliance/command.ts








/**
 * `portcullis compliance oscap REF --profile P [--datastream DS]`. Exit codes follow the outcome table: 0 when
 * every applicable rule passed, 1 (STOP) when one failed, 3 when nothing was checked or oscap failed.
 */
function registerOscap(compliance, ctx) {
    (0,push/* addTargetOptions */.Bs)((0,source_options/* addSourceOptions */.F6)(compliance
        .command('oscap')
        .description('unpack the image safely, run OpenSCAP (oscap-chroot) with SCAP Security Guide content, write the results and HTML report, and push them when a store is configured')
        .argument('<ref>', 'image reference (as for image inspect)')
        .requiredOption('--profile <id>', 'XCCDF profile, e.g. xccdf_org.ssgproject.content_profile_standard')
        .option('--datastream <file>', 'SCAP source datastream (default: the ssg content for the image\'s OS)')
        .option('--output-dir <dir>', 'where the results, ARF, HTML report and summary go', 'portcullis-oscap')
        .option('--pod <name>', 'pod, for the pushed check')
        .option('--namespace <name>', 'namespace, for the pushed check')
        .option('--api <v1|v2|auto>', 'runtime-compliance API version to push to', 'auto')
        .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning (as on scan)')), { timeout: false }).action(async (ref, opts) => {
        const api = opts.api;
        if (!['v1', 'v2', 'auto'].includes(api))
            throw new common_errors/* ConfigurationError */.j1(`--api "${opts.api}": use v1, v2 or auto`);
        const target = (0,publish_target/* targetFrom */.C)({ ...opts, timeout: undefined }, ctx.env);
        const summary = await runOscapCheck({
            ref,
            profile: opts.profile,
            ...(opts.datastream ? { datastream: opts.datastream } : {}),
            outDir: opts.outputDir,
            source: await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx),
            logger: ctx.logger,
        });
        const c = summary.counts;
        ctx.logger.info(`oscap ${summary.result}: ${summary.reason} (pass ${c.pass}, fail ${c.fail}, error ${c.error}, notapplicable ${c.notapplicable})`);
        ctx.out(`${JSON.stringify(summary, null, 2)}\n`);
        if (target) {
            if (!summary.image.digest)
                throw new common_errors/* ConfigurationError */.j1('the image has no manifest digest to push the check under');
            try {
                const res = await (0,publish_compliance/* pushCompliance */.On)(target, {
                    check_type: 'oscap',
                    image_digest: summary.image.digest,
                    result: summary.result,
                    ...(opts.pod ? { pod: opts.pod } : {}),
                    ...(opts.namespace ? { namespace: opts.namespace } : {}),
                    ...(summary.image.tag ? { image_tag: summary.image.tag } : {}),
                    start_time: summary.start_time,
                    end_time: summary.end_time,
                }, {
                    result_file: { name: (0,external_node_path_.basename)(summary.files.arf), data: await (0,promises_.readFile)(summary.files.arf), contentType: 'application/xml' },
                    report_file: { name: (0,external_node_path_.basename)(summary.files.report), data: await (0,promises_.readFile)(summary.files.report), contentType: 'text/html' },
                }, { api });
                ctx.logger.info(`pushed the check through the ${res.api} API (files ${Object.values(res.check.compliance_file_ids ?? {}).join(', ')})`);
            }
            catch (error) {
                if (opts.storeFailOnError || !(error instanceof common_errors/* RemoteError */.Hi))
                    throw error;
                // Never silent: the files stay in --output-dir for `portcullis compliance push`.
                ctx.logger.warning(`compliance push failed: ${(0,common_errors/* getErrorMessage */.u1)(error)}; the files are in ${opts.outputDir} (push them with portcullis compliance push)`);
            }
        }
        if (summary.result === 'error')
            throw new common_errors/* ConfigurationError */.j1(`compliance check did not run: ${summary.reason}`);
        ctx.outcome = summary.result === 'fail' ? 'stop' : 'go';
    });
}

;// CONCATENATED MODULE: ./src/cli/commands/compliance.ts







const CONTENT_TYPES = { '.xml': 'application/xml', '.html': 'text/html', '.htm': 'text/html', '.json': 'application/json', '.txt': 'text/plain' };
async function readComplianceFile(path, what) {
    try {
        return { name: (0,external_node_path_.basename)(path), data: await (0,promises_.readFile)(path), contentType: CONTENT_TYPES[(0,external_node_path_.extname)(path).toLowerCase()] ?? 'application/octet-stream' };
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`cannot read the ${what} ${path}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
}
function parseApi(v) {
    if (v !== 'v1' && v !== 'v2' && v !== 'auto')
        throw new common_errors/* ConfigurationError */.j1(`--api "${v}": use v1, v2 or auto`);
    return v;
}
const complianceCommand = {
    id: 'compliance',
    register(program, ctx) {
        const compliance = program.command('compliance').description("runtime compliance: run OpenSCAP on an image, push checks to Anchore's runtime-compliance API or our store");
        (0,push/* addTargetOptions */.Bs)(compliance
            .command('push')
            .description("send one check as multipart/form-data with exactly the fields of Anchore's runtime-compliance API")
            .option('--check-type <type>', 'check_type (required), e.g. oscap')
            .option('--image-digest <digest>', 'image_digest (required)')
            .option('--result <result>', 'result: pass or fail')
            .option('--pod <name>', 'pod')
            .option('--namespace <name>', 'namespace')
            .option('--image-tag <repo:tag>', 'image_tag')
            .option('--start-time <rfc3339>', 'start_time')
            .option('--end-time <rfc3339>', 'end_time')
            .option('--result-file <file>', 'result_file (e.g. the XCCDF or ARF results)')
            .option('--report-file <file>', 'report_file (e.g. the HTML report)')
            .option('--api <v1|v2|auto>', 'v1: /v1/enterprise/runtime_compliance; v2: /v2/runtime-compliance; auto: v2, then v1 on 404', 'auto')).action(async (opts) => {
            if (opts.result !== undefined && opts.result !== 'pass' && opts.result !== 'fail')
                throw new common_errors/* ConfigurationError */.j1(`--result "${opts.result}": use pass or fail`);
            const check = {
                ...(opts.checkType ? { check_type: opts.checkType } : {}),
                ...(opts.imageDigest ? { image_digest: opts.imageDigest } : {}),
                ...(opts.result ? { result: opts.result } : {}),
                ...(opts.pod ? { pod: opts.pod } : {}),
                ...(opts.namespace ? { namespace: opts.namespace } : {}),
                ...(opts.imageTag ? { image_tag: opts.imageTag } : {}),
                ...(opts.startTime ? { start_time: opts.startTime } : {}),
                ...(opts.endTime ? { end_time: opts.endTime } : {}),
            };
            const valid = (0,publish_compliance/* validateComplianceCheck */.k5)(check);
            const api = parseApi(opts.api);
            const target = (0,publish_target/* targetFrom */.C)(opts, ctx.env);
            if (!target)
                throw new common_errors/* ConfigurationError */.j1('no server configured: give --store-url or PORTCULLIS_STORE_URL');
            const files = {};
            if (opts.resultFile)
                files.result_file = await readComplianceFile(opts.resultFile, 'result file');
            if (opts.reportFile)
                files.report_file = await readComplianceFile(opts.reportFile, 'report file');
            const res = await (0,publish_compliance/* pushCompliance */.On)(target, valid, files, { api });
            ctx.logger.info(`pushed the ${valid.check_type} check through the ${res.api} API`);
            ctx.out(`${JSON.stringify(res.check, null, 2)}\n`);
        });
        registerOscap(compliance, ctx);
    },
};

// EXTERNAL MODULE: ./src/vulndb/artifact.ts
var artifact = __webpack_require__(3427);
// EXTERNAL MODULE: ./src/vulndb/compiled.ts
var compiled = __webpack_require__(92210);
// EXTERNAL MODULE: ./src/vulndb/list.ts + 24 modules
var list = __webpack_require__(94399);
// EXTERNAL MODULE: ./src/vulndb/update.ts
var update = __webpack_require__(23744);
// EXTERNAL MODULE: ./src/vulndb/providers/osv-bucket.ts
var osv_bucket = __webpack_require__(46703);
// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
;// CONCATENATED MODULE: ./src/cli/commands/db.ts









const collect = (value, previous = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
function positiveNumber(name, value, fallback) {
    if (value === undefined)
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
        throw new common_errors/* ConfigurationError */.j1(`--${name} must be a non-negative number, got "${String(value)}"`);
    return n;
}
/**
 * What `db update` with no source named does. A database that has sources fetched from a URL: refresh those (unchanged
 * data costs a 304). A fresh machine (no database): the compiled database from DEFAULT_DB_REPOSITORY, which holds every
 * source in one download, unless a bucket mirror was named (--db-url, PORTCULLIS_DB_URL): then the ecosystems must be
 * named (undefined: nothing to do, and the caller says how to name them).
 */
function defaultUpdatePlan(meta, bucketNamed) {
    if (!meta)
        return bucketNamed ? undefined : { kind: 'repository', repository: artifact/* DEFAULT_DB_REPOSITORY */.ax };
    const remote = meta.segments.filter((s) => s.provider === 'osv-bucket' || (s.provider === 'alpine-secdb' && !s.location.startsWith('/')));
    const ecosystems = [...new Set(remote.filter((s) => s.provider === 'osv-bucket').map((s) => s.id.slice('osv-bucket:'.length)))];
    const branches = remote.filter((s) => s.provider === 'alpine-secdb').map((s) => s.id.slice('alpine-secdb:'.length));
    if (ecosystems.length || branches.length)
        return { kind: 'refresh', ecosystems, branches };
    // A database that came whole from a registry (db update --db-repository, db import FILE.pcdb.gz): refresh it the same way.
    if (meta.compiled?.repository)
        return { kind: 'repository', repository: meta.compiled.repository };
    return undefined;
}
const dbCommand = {
    id: 'db',
    register(program, ctx) {
        const db = program.command('db').description('the local vulnerability database: update it, import data for air-gapped use, show its status');
        const cacheDirOf = (opts) => (typeof opts.dbCacheDir === 'string' ? opts.dbCacheDir : (0,store/* defaultCacheDir */.$g)(ctx.env));
        const CACHE_DIR_HELP = 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)';
        const registryFlags = (cmd) => cmd
            .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME; docker credentials otherwise)')
            .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
            .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
            .option('--ca-file <pem>', 'extra CA certificates for registries');
        const artifactOptions = async (opts) => {
            const { timeout: _t, retries: _r, ...flags } = opts;
            const reg = await (0,source_options/* registryOptionsFrom */.us)(flags, ctx.env, ctx.stdin);
            return {
                ...(reg.credentials ? { credentials: reg.credentials } : {}),
                ...(reg.insecureRegistries ? { insecureRegistries: reg.insecureRegistries } : {}),
                ...(reg.caFile ? { caFile: reg.caFile } : {}),
                timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000,
                retries: Math.floor(positiveNumber('retries', opts.retries, 3)),
                env: ctx.env,
                logger: ctx.logger,
            };
        };
        db.command('build')
            .description('run providers into a fresh database and write it as ONE compiled, deterministic file (for db push)')
            .requiredOption('--source <KIND:PATH|URL...>', 'a provider and where its data is: osv-local:./osv, osv-bucket:https://…, nvd:PATH, kev:URL (repeatable)', collect)
            .requiredOption('-o, --output <file>', 'the compiled file to write')
            .option('--ecosystem <name...>', 'OSV ecosystems for osv-bucket sources', collect)
            .option('--built-at <iso>', 'the build time written into the file (default: the newest `modified` of the records)')
            .option('--timeout <seconds>', 'time-out of each request', '60')
            .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
            .action(async (opts) => {
            let builtAt;
            if (typeof opts.builtAt === 'string') {
                builtAt = new Date(opts.builtAt);
                if (Number.isNaN(builtAt.getTime()))
                    throw new common_errors/* ConfigurationError */.j1(`--built-at must be an ISO date, got "${opts.builtAt}"`);
            }
            const common = {
                timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000,
                retries: Math.floor(positiveNumber('retries', opts.retries, 3)),
                ...(opts.ecosystem ? { ecosystems: opts.ecosystem } : {}),
            };
            const sources = opts.source.map((s) => (0,compiled/* parseBuildSource */.$r)(s, common));
            const result = await (0,compiled/* buildCompiled */.Uz)({ sources, logger: ctx.logger, ...(builtAt ? { builtAt } : {}) });
            const output = opts.output;
            const tmp = `${output}.${process.pid}.tmp`;
            try {
                (0,external_node_fs_.writeFileSync)(tmp, result.bytes);
                (0,external_node_fs_.renameSync)(tmp, output);
            }
            catch (error) {
                throw new common_errors/* ConfigurationError */.j1(`cannot write ${output}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
            }
            for (const s of result.header.sources)
                ctx.out(`${s.id}: ${s.records} records${s.skipped ? `, ${s.skipped} skipped` : ''}\n`);
            const e = result.header.enrichment;
            if (e.fetched)
                ctx.out(`enrichment: kept ${e.kept} of ${e.fetched} ids referenced by a record (${e.keptBytes} of ${e.fetchedBytes} bytes)\n`);
            ctx.out(`Wrote ${output}: ${result.bytes.length} bytes, schema ${result.header.schemaVersion}, built ${result.header.builtAt}, sha256:${result.checksum}\n`);
        });
        registryFlags(db
            .command('push')
            .description('publish a compiled database (db build) as an OCI artifact: registry:HOST/REPOSITORY:TAG')
            .argument('<file>', 'the compiled database file')
            .argument('<ref>', 'registry:HOST/REPOSITORY:TAG'))
            .option('--timeout <seconds>', 'time-out of each request', '60')
            .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
            .action(async (file, ref, opts) => {
            let bytes;
            try {
                bytes = (0,external_node_fs_.readFileSync)(file);
            }
            catch (error) {
                throw new common_errors/* ConfigurationError */.j1(`cannot read ${file}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
            }
            const r = await (0,artifact/* pushCompiled */.Kn)(bytes, file, ref, await artifactOptions(opts));
            ctx.out(`Pushed ${r.reference}@${r.manifestDigest} (layer ${r.layerDigest}, ${r.bytes} bytes${r.uploaded ? '' : ', already there'})\n`);
        });
        registryFlags(db.command('update'))
            .description(`fetch the compiled database from an OCI registry (--db-repository, default ${artifact/* DEFAULT_DB_REPOSITORY */.ax}, or $PORTCULLIS_DB_REPOSITORY; one request when unchanged), or OSV data from the bucket layout (<url>/<Ecosystem>/all.zip) and Alpine secdb (unchanged data costs a 304)`)
            .option('--db-repository [ref]', `OCI repository of the compiled database (bare flag: ${artifact/* DEFAULT_DB_REPOSITORY */.ax}; or $PORTCULLIS_DB_REPOSITORY)`)
            .option('--ecosystem <name...>', `OSV ecosystems to fetch (Debian, Alpine, npm, PyPI, Go, Maven…); default: those already in the database, or on a fresh machine the compiled database (${artifact/* DEFAULT_DB_REPOSITORY */.ax})`, collect)
            .option('--alpine-secdb <branch...>', 'also fetch Alpine secdb for these branches (v3.20)', collect)
            .option('--db-url <url>', `base URL of the OSV bucket layout (default ${osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP}, or $PORTCULLIS_DB_URL)`)
            .option('--secdb-url <url>', 'base URL of Alpine secdb (default https://secdb.alpinelinux.org)')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .option('--timeout <seconds>', 'time-out of each request', '60')
            .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
            .action(async (opts) => {
            const cacheDir = cacheDirOf(opts);
            let repository = opts.dbRepository === true ? artifact/* DEFAULT_DB_REPOSITORY */.ax : (opts.dbRepository ?? (opts.ecosystem || opts.alpineSecdb || opts.dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
            const plan = repository || opts.ecosystem || opts.alpineSecdb ? undefined : defaultUpdatePlan((0,store/* readMetadata */._6)(cacheDir), Boolean(opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL));
            if (plan?.kind === 'repository') {
                repository = plan.repository;
                ctx.logger.info(`No vulnerability database in ${cacheDir} yet and no --ecosystem: fetching the compiled database ${repository} (every source: OSV, the distros' feeds, NVD, KEV, EPSS). --ecosystem NAME fetches single OSV ecosystems instead.`);
            }
            if (repository) {
                if (opts.ecosystem || opts.alpineSecdb || opts.dbUrl)
                    throw new common_errors/* ConfigurationError */.j1('--db-repository replaces the whole database; do not combine it with --ecosystem, --alpine-secdb or --db-url');
                const r = await (0,artifact/* updateFromRepository */.GO)(cacheDir, repository, await artifactOptions(opts));
                ctx.out(r.unchanged
                    ? `${r.reference}: not modified (${r.manifestDigest})\n`
                    : `${r.reference}: ${r.manifestDigest}, ${r.bytes} bytes, built ${r.metadata.compiled?.builtAt ?? '?'}, ${r.metadata.segments.length} source(s)\nDatabase updated in ${cacheDir}\n`);
                return;
            }
            const url = opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL ?? osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP;
            const common = { timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000, retries: Math.floor(positiveNumber('retries', opts.retries, 3)) };
            let ecosystems = opts.ecosystem ?? [];
            let branches = opts.alpineSecdb ?? [];
            if (ecosystems.length === 0 && branches.length === 0 && plan?.kind === 'refresh') {
                ({ ecosystems, branches } = plan);
                ctx.logger.info(`Refreshing the sources already in ${cacheDir}: ${[...ecosystems, ...branches.map((b) => `Alpine secdb ${b}`)].join(', ')}`);
            }
            if (ecosystems.length === 0 && branches.length === 0) {
                throw new common_errors/* ConfigurationError */.j1(`Nothing to update in ${cacheDir}: name the ecosystems with --ecosystem (for example --ecosystem Debian --ecosystem npm), or fetch the compiled database with --db-repository`);
            }
            const requests = [];
            if (ecosystems.length)
                requests.push({ provider: 'osv-bucket', options: { ...common, url, ecosystems } });
            if (branches.length) {
                requests.push({ provider: 'alpine-secdb', options: { ...common, ecosystems: branches, ...(opts.secdbUrl ? { url: opts.secdbUrl } : {}) } });
            }
            const result = await (0,update/* updateDatabase */.X)({ cacheDir, requests, logger: ctx.logger });
            for (const b of result.batches) {
                ctx.out(b.notModified ? `${b.id}: not modified\n` : `${b.id}: ${b.records} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
            }
            ctx.out(`Database updated in ${cacheDir}\n`);
        });
        db.command('import')
            .description('import local vulnerability data for air-gapped use: a compiled database (db build), a folder or zip of OSV records (the bucket layout works), or any provider\'s local files with --kind (nvd, kev, epss, alpine-secdb, amazon, rhel, oracle, sles, mariner, photon, wolfi, chainguard)')
            .argument('<path>', 'a .pcdb.gz file from db build, or a folder / file of the kind\'s data')
            .option('--kind <provider>', 'what the data is: compiled, or a provider id (default: compiled for *.pcdb.gz, else osv-local)')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .action(async (path, opts) => {
            const cacheDir = cacheDirOf(opts);
            const kind = typeof opts.kind === 'string' ? opts.kind : /\.pcdb(\.gz)?$/.test(path) ? 'compiled' : 'osv-local';
            if (kind === 'compiled') {
                let bytes;
                try {
                    bytes = (0,external_node_fs_.readFileSync)(path);
                }
                catch (e) {
                    throw new common_errors/* ConfigurationError */.j1(`Cannot read the compiled database ${path}: ${(0,common_errors/* getErrorMessage */.u1)(e)}`);
                }
                const { metadata } = (0,compiled/* openCompiled */.SJ)(bytes, cacheDir);
                for (const s of metadata.segments)
                    ctx.out(`${s.id}: ${s.records} records\n`);
                ctx.out(`Database updated in ${cacheDir}\n`);
                return;
            }
            if (!list/* VULNERABILITY_PROVIDERS */.I.find(kind))
                throw new common_errors/* ConfigurationError */.j1(`--kind must be compiled or one of ${list/* VULNERABILITY_PROVIDERS */.I.ids().join(', ')}, got "${kind}"`);
            const result = await (0,update/* updateDatabase */.X)({ cacheDir, requests: [{ provider: kind, options: { path } }], logger: ctx.logger });
            for (const b of result.batches)
                ctx.out(`${b.id}: ${b.records ?? 0} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
            ctx.out(`Database updated in ${cacheDir}\n`);
        });
        db.command('status')
            .description('show the sources, their fetch times and record counts, and whether the data is stale')
            .option('--db-cache-dir <dir>', CACHE_DIR_HELP)
            .option('--max-db-age <days>', 'data older than this is stale', String(store/* DEFAULT_MAX_AGE_DAYS */.xp))
            .option('--fail-on-stale-db', 'exit with an error when the data is stale or missing')
            .option('--json', 'print JSON')
            .action((opts) => {
            const cacheDir = cacheDirOf(opts);
            const maxAgeDays = positiveNumber('max-db-age', opts.maxDbAge, store/* DEFAULT_MAX_AGE_DAYS */.xp);
            const meta = (0,store/* readMetadata */._6)(cacheDir);
            const status = (0,store/* dataStatus */.TW)(meta, { maxAgeDays });
            if (opts.json) {
                ctx.out(`${JSON.stringify({ cacheDir, schemaVersion: meta?.schemaVersion ?? null, updatedAt: meta?.updatedAt ?? null, maxAgeDays, ...status, details: meta?.segments ?? [] }, null, 2)}\n`);
            }
            else if (!meta) {
                ctx.out(`No vulnerability database in ${cacheDir}\n`);
            }
            else {
                const lines = [`Database:   ${cacheDir} (schema ${meta.schemaVersion}, updated ${meta.updatedAt})`, 'Sources:'];
                for (const s of meta.segments) {
                    lines.push(`  ${s.id}  ${s.records} records (${(0,store/* sourceEcosystems */.f1)(s).join(', ') || 'none'})  fetched ${s.fetchedAt}${s.skipped ? `  ${s.skipped} skipped` : ''}`);
                }
                lines.push(`Age:        ${status.ageDays ?? '?'} day(s) (stale after ${maxAgeDays})`);
                ctx.out(`${lines.join('\n')}\n`);
            }
            if (status.stale) {
                const msg = meta ? `Vulnerability data is ${status.ageDays} day(s) old (more than ${maxAgeDays}); run "portcullis db update"` : 'No vulnerability data; run "portcullis db update"';
                if (opts.failOnStaleDb)
                    throw new common_errors/* ConfigurationError */.j1(msg);
                ctx.logger.warning(msg);
            }
        });
    },
};

// EXTERNAL MODULE: ./src/image/manifest.ts
var manifest = __webpack_require__(20596);
;// CONCATENATED MODULE: ./src/cli/commands/image.ts




const imageCommand = {
    id: 'image',
    register(program, ctx) {
        const image = program.command('image').description('read an image without running it: inspect its metadata and files');
        (0,source_options/* addSourceOptions */.F6)(image
            .command('inspect')
            .description('print the manifest and config digests, the platform, and the layers with sizes and history')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, or a bare NAME')
            .option('--json', 'print JSON instead of text')).action(async (ref, opts) => {
            const view = await (0,image_open/* loadImage */.yt)(ref, await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx));
            const m = view.metadata;
            const layers = m.layers.map((l) => ({
                index: l.index,
                digest: l.digest,
                diffId: l.diffId,
                mediaType: l.mediaType,
                size: l.size,
                uncompressedSize: view.stats.layers[l.index]?.tarBytes ?? null,
                entries: view.stats.layers[l.index]?.entries ?? null,
                createdBy: l.history?.created_by ?? null,
                historyIndex: l.historyIndex ?? null,
            }));
            if (opts.json) {
                ctx.out(`${JSON.stringify({
                    reference: m.reference,
                    source: m.source,
                    manifestDigest: m.manifestDigest ?? null,
                    manifestMediaType: m.manifestMediaType ?? null,
                    indexDigest: m.indexDigest ?? null,
                    configDigest: m.configDigest,
                    platform: m.platform,
                    repoTags: m.repoTags,
                    created: m.config.created ?? null,
                    config: m.config.config ?? {},
                    layers,
                    history: m.config.history ?? [],
                    files: view.size,
                    unknowns: view.unknowns,
                }, null, 2)}\n`);
                return;
            }
            const lines = [
                `Reference:  ${m.reference}`,
                `Source:     ${m.source}`,
                `Manifest:   ${m.manifestDigest ?? '(none: from a docker archive)'}${m.manifestMediaType ? ` (${m.manifestMediaType})` : ''}`,
                ...(m.indexDigest ? [`Index:      ${m.indexDigest}`] : []),
                `Config:     ${m.configDigest}`,
                `Platform:   ${(0,manifest/* formatPlatform */.Bq)(m.platform)}`,
                ...(m.repoTags.length ? [`Tags:       ${m.repoTags.join(', ')}`] : []),
                `Files:      ${view.size} paths in the squashed view`,
                `Layers:     ${m.layers.length}`,
            ];
            for (const l of layers) {
                lines.push(`  [${l.index}] ${l.digest}  ${formatBytes(l.size)} stored, ${formatBytes(l.uncompressedSize ?? 0)} tar, ${l.entries} entries`);
                lines.push(`      diff_id ${l.diffId}`);
                if (l.createdBy)
                    lines.push(`      created by: ${oneLine(l.createdBy)}`);
            }
            if (view.unknowns.length) {
                lines.push(`Unknowns:   ${view.unknowns.length}`);
                for (const u of view.unknowns)
                    lines.push(`  ${u.path ?? ''}: ${u.reason}`);
            }
            ctx.out(`${lines.join('\n')}\n`);
        });
        (0,source_options/* addSourceOptions */.F6)(image
            .command('ls-files')
            .description('list the squashed file view, each path with the layer that last wrote it')
            .argument('<ref>', 'image reference (see `portcullis image inspect --help`)')
            .option('--layer <n>', 'list only the entries that layer N (0-based) wrote and that survive in the squashed view')
            .option('--json', 'print JSON lines instead of text')).action(async (ref, opts) => {
            const view = await (0,image_open/* loadImage */.yt)(ref, await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx));
            let entries = view.list();
            if (opts.layer !== undefined) {
                const n = Number(opts.layer);
                if (!Number.isInteger(n) || n < 0 || n >= view.metadata.layers.length) {
                    throw new common_errors/* ConfigurationError */.j1(`--layer must be a layer index from 0 to ${view.metadata.layers.length - 1}, got "${String(opts.layer)}"`);
                }
                entries = entries.filter((e) => e.provenance.layerIndex === n);
            }
            const out = [];
            for (const e of entries) {
                if (opts.json)
                    out.push(JSON.stringify(e));
                else
                    out.push(`${modeString(e)} ${String(e.size).padStart(10)}  L${e.provenance.layerIndex}  ${e.path}${e.linkTarget !== undefined ? ` -> ${e.linkTarget}` : ''}`);
            }
            ctx.out(out.length ? `${out.join('\n')}\n` : '');
        });
    },
};
function modeString(e) {
    const t = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' }[e.type];
    const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (1 << (8 - i)) ? c : '-')).join('');
    return t + bits;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

// EXTERNAL MODULE: ./src/cli/commands/scan.ts
var scan = __webpack_require__(59744);
// EXTERNAL MODULE: ./src/cli/commands/sbom.ts + 1 modules
var sbom = __webpack_require__(22681);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/policy/bundle.ts + 1 modules
var policy_bundle = __webpack_require__(45566);
;// CONCATENATED MODULE: ./src/policy/convert.ts

const r = (gate, trigger, params = {}) => ({ gate, trigger, params });
const convert_list = (v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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
                out.push(r('dockerfile', 'exposed_ports', { ports: convert_list(p.DENIEDPORTS).join(','), type: 'blacklist' }));
            if (p.ALLOWEDPORTS)
                out.push(r('dockerfile', 'exposed_ports', { ports: convert_list(p.ALLOWEDPORTS).join(','), type: 'whitelist' }));
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
        PKGNAMEMATCH: needs('BLACKLIST_NAMEMATCH', (v) => convert_list(v).map((name) => r('packages', 'blacklist', { name }))),
        PKGFULLMATCH: needs('BLACKLIST_FULLMATCH', (v) => convert_list(v).map((nv) => nameVersion(nv)).map(({ name, version }) => r('packages', 'blacklist', { name, ...(version ? { version } : {}) }))),
    },
    PKGCHECK: {
        PKGNOTPRESENT: (p) => {
            const out = [];
            for (const name of convert_list(p.PKGNAMEMATCH))
                out.push(r('packages', 'required_package', { name }));
            for (const nv of convert_list(p.PKGFULLMATCH)) {
                const { name, version } = nameVersion(nv);
                out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'exact' } : {}) }));
            }
            for (const nv of convert_list(p.PKGVERSMATCH)) {
                const { name, version } = nameVersion(nv);
                out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'minimum' } : {}) }));
            }
            return out.length > 0 ? out : 'needs PKGNAMEMATCH, PKGFULLMATCH or PKGVERSMATCH';
        },
        VERIFY: () => [r('packages', 'verify')],
    },
    LICBLACKLIST: {
        LICFULLMATCH: needs('LICBLACKLIST_FULLMATCH', (v) => [r('licenses', 'blacklist_exact_match', { licenses: convert_list(v).join(',') })]),
        LICSUBMATCH: needs('LICBLACKLIST_SUBMATCH', (v) => [r('licenses', 'blacklist_partial_match', { licenses: convert_list(v).join(',') })]),
    },
    FILECHECK: {
        CONTENTMATCH: (p) => (p.FILECHECK_CONTENTREGEXP ? convert_list(p.FILECHECK_CONTENTREGEXP).map((regex_name) => r('files', 'content_regex_match', { regex_name })) : [r('files', 'content_regex_match')]),
        FILENAMEMATCH: needs('FILECHECK_NAMEREGEXP', (v) => convert_list(v).map((regex) => r('files', 'name_match', { regex }))),
        SUIDSGIDCHECK: () => [r('files', 'suid_or_guid_set')],
    },
    SECRETCHECK: {
        CONTENTMATCH: (p) => (p.SECRETCHECK_CONTENTREGEXP ? convert_list(p.SECRETCHECK_CONTENTREGEXP).map((n) => r('secret_scans', 'content_regex_checks', { content_regex_name: n })) : [r('secret_scans', 'content_regex_checks')]),
        FILENAMEMATCH: needs('SECRETCHECK_NAMEREGEXP', (v) => convert_list(v).map((regex) => r('files', 'name_match', { regex }))),
    },
    FILEPARSE_PASSWD: {
        FILENOTSTORED: () => [r('passwd_file', 'content_not_available')],
        USERNAMEMATCH: needs('USERNAMEBLACKLIST', (v) => [r('passwd_file', 'blacklist_usernames', { user_names: convert_list(v).join(',') })]),
        USERIDMATCH: needs('USERIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_userids', { user_ids: convert_list(v).join(',') })]),
        GROUPIDMATCH: needs('GROUPIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_groupids', { group_ids: convert_list(v).join(',') })]),
        SHELLMATCH: needs('SHELLBLACKLIST', (v) => [r('passwd_file', 'blacklist_shells', { shells: convert_list(v).join(',') })]),
        PENTRYMATCH: needs('PENTRYBLACKLIST', (v) => convert_list(v).map((entry) => r('passwd_file', 'blacklist_full_entry', { entry }))),
    },
    GEMCHECK: {
        GEMNOTLATEST: () => [r('ruby_gems', 'newer_version_found_in_feed')],
        GEMNOTOFFICIAL: () => [r('ruby_gems', 'not_found_in_feed')],
        GEMBADVERSION: () => [r('ruby_gems', 'version_not_found_in_feed')],
        GEMNOFEED: () => [r('ruby_gems', 'feed_data_unavailable')],
        GEMPKGNAMEMATCH: needs('BLACKLIST_GEMNAMEMATCH', (v) => convert_list(v).map((name) => r('ruby_gems', 'blacklist', { name }))),
        GEMPKGFULLMATCH: needs('BLACKLIST_GEMFULLMATCH', (v) => convert_list(v).map(nameVersion).map(({ name, version }) => r('ruby_gems', 'blacklist', { name, ...(version ? { version } : {}) }))),
    },
    NPMCHECK: {
        NPMNOTLATEST: () => [r('npms', 'newer_version_in_feed')],
        NPMNOTOFFICIAL: () => [r('npms', 'unknown_in_feeds')],
        NPMBADVERSION: () => [r('npms', 'version_not_in_feeds')],
        NPMNOFEED: () => [r('npms', 'feed_data_unavailable')],
        NPMPKGNAMEMATCH: needs('BLACKLIST_NPMNAMEMATCH', (v) => convert_list(v).map((name) => r('npms', 'blacklisted_name_version', { name }))),
        NPMPKGFULLMATCH: needs('BLACKLIST_NPMFULLMATCH', (v) => convert_list(v).map(nameVersion).map(({ name, version }) => r('npms', 'blacklisted_name_version', { name, ...(version ? { version } : {}) }))),
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
        throw new common_errors/* ConfigurationError */.j1(`${source}: no Anchore 1.x policy lines (GATE:TRIGGER:ACTION[:PARAMS]) found`);
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
        throw new common_errors/* ConfigurationError */.j1(`unknown gate ${JSON.stringify(gateName)}; known gates: ${gates_list/* GATES */.J.map((g) => g.name).join(', ')}`);
    if (!triggerName)
        return `${gate.name}: ${gate.description}\n${gate.triggers.map((t) => triggerText(t, true)).join('\n')}\n`;
    const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, triggerName);
    if (!trigger)
        throw new common_errors/* ConfigurationError */.j1(`unknown trigger ${JSON.stringify(triggerName)} for gate ${gate.name}; known triggers: ${gate.triggers.map((t) => t.name).join(', ')}`);
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
        throw new common_errors/* ConfigurationError */.j1(`cannot read ${path}: ${e.message}`, { cause: e });
    }
}
function serialise(doc, format) {
    if (format === 'yaml')
        return (0,js_yaml/* dump */.Bh)(doc, { lineWidth: 160, noRefs: true });
    if (format === 'json')
        return `${JSON.stringify(doc, null, 2)}\n`;
    throw new common_errors/* ConfigurationError */.j1(`--format must be json or yaml, got ${JSON.stringify(format)}`);
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

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/store/files.ts
/**
 * Where the store keeps files (compliance results and reports, reports, SBOMs, SARIF). Ids are generated by the
 * store, never taken from a client, so a file name can never steer a path; the client's name is only metadata.
 */




const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Files in a directory, `<dir>/<id[0..2]>/<id>`, each written to a temp name, fsynced, then renamed. */
class DirectoryFileStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    get label() {
        return this.dir;
    }
    #path(id) {
        if (!ID_RE.test(id))
            throw new Error(`bad file id ${JSON.stringify(id)}`);
        return (0,external_node_path_.join)(this.dir, id.slice(0, 2), id);
    }
    async put(data) {
        const id = (0,external_node_crypto_.randomUUID)();
        const path = this.#path(id);
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, id.slice(0, 2)), { recursive: true, mode: 0o700 });
        const tmp = `${path}.tmp`;
        const fh = await (0,promises_.open)(tmp, 'wx', 0o600);
        try {
            await fh.writeFile(data);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,promises_.rename)(tmp, path);
        return { id, size: data.length, sha256: (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex') };
    }
    async get(id) {
        if (!ID_RE.test(id))
            return undefined;
        const path = this.#path(id);
        try {
            await (0,promises_.stat)(path);
        }
        catch {
            return undefined;
        }
        return (0,external_node_fs_.createReadStream)(path);
    }
    async delete(id) {
        if (!ID_RE.test(id))
            return;
        await (0,promises_.rm)(this.#path(id), { force: true });
    }
}

;// CONCATENATED MODULE: ./src/store/migrations.ts
/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction that also records it in
 * `schema_migrations`; a database newer than this build is refused. Append new versions; never edit old ones.
 */

const MIGRATIONS = [
    {
        version: 1,
        name: 'tokens, files, runtime compliance checks, evaluations',
        statements: [
            `CREATE TABLE tokens (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, scopes TEXT NOT NULL,
        created_at TEXT NOT NULL, revoked_at TEXT)`,
            `CREATE TABLE files (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL,
        sha256 TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE compliance_checks (
        id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE, check_type TEXT NOT NULL, image_digest TEXT NOT NULL,
        result TEXT, pod TEXT, namespace TEXT, image_tag TEXT, start_time TEXT, end_time TEXT,
        result_file_id TEXT REFERENCES files(id), report_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
            `CREATE INDEX compliance_checks_digest ON compliance_checks (image_digest, created_at)`,
            `CREATE TABLE evaluations (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, image_digest TEXT NOT NULL,
        repository TEXT, tag TEXT, commit_sha TEXT, pipeline_run TEXT, decision TEXT NOT NULL, counts TEXT NOT NULL,
        report_file_id TEXT NOT NULL REFERENCES files(id), sbom_file_id TEXT REFERENCES files(id),
        sarif_file_id TEXT REFERENCES files(id), created_at TEXT NOT NULL)`,
            `CREATE INDEX evaluations_digest ON evaluations (image_digest, created_at)`,
            `CREATE INDEX evaluations_repo_tag ON evaluations (repository, tag, created_at)`,
        ],
    },
    {
        version: 2,
        name: 're-evaluation (reason, bundle, difference), policies, jobs, subscriptions, notification outbox',
        statements: [
            `ALTER TABLE evaluations ADD COLUMN reason TEXT NOT NULL DEFAULT 'push'`,
            `ALTER TABLE evaluations ADD COLUMN policy_name TEXT`,
            `ALTER TABLE evaluations ADD COLUMN bundle_id TEXT`,
            `ALTER TABLE evaluations ADD COLUMN bundle_digest TEXT`,
            `ALTER TABLE evaluations ADD COLUMN summary TEXT`,
            `ALTER TABLE evaluations ADD COLUMN diff TEXT`,
            `ALTER TABLE evaluations ADD COLUMN previous_id TEXT`,
            `CREATE TABLE bundles (digest TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE policies (
        name TEXT PRIMARY KEY, bundle_digest TEXT NOT NULL REFERENCES bundles(digest), updated_at TEXT NOT NULL)`,
            `CREATE TABLE jobs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT, state TEXT NOT NULL, counts TEXT NOT NULL,
        error TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`,
            `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY, events TEXT NOT NULL, filter_repository TEXT, filter_tag TEXT, channel TEXT NOT NULL,
        config TEXT NOT NULL, created_at TEXT NOT NULL)`,
            `CREATE TABLE notifications (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, subscription_id TEXT NOT NULL, event TEXT NOT NULL,
        evaluation_id TEXT, payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL,
        locked_until TEXT, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT)`,
            `CREATE INDEX notifications_due ON notifications (state, next_attempt_at)`,
            `CREATE TABLE notification_attempts (
        id TEXT PRIMARY KEY, notification_id TEXT NOT NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL,
        outcome TEXT NOT NULL, status INTEGER, error TEXT, duration_ms INTEGER)`,
            `CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id, attempt)`,
        ],
    },
    {
        version: 3,
        name: 'registry watches',
        statements: [
            `CREATE TABLE watches (
        id TEXT PRIMARY KEY, repository TEXT NOT NULL, tags TEXT NOT NULL, interval_text TEXT NOT NULL, interval_ms BIGINT NOT NULL,
        policy TEXT, created_at TEXT NOT NULL, last_polled_at TEXT, last_error TEXT, next_poll_at TEXT NOT NULL, locked_until TEXT)`,
            `CREATE UNIQUE INDEX watches_repository_tags ON watches (repository, tags)`,
            `CREATE INDEX watches_due ON watches (next_poll_at)`,
            `CREATE TABLE watch_tags (
        watch_id TEXT NOT NULL REFERENCES watches(id), tag TEXT NOT NULL, digest TEXT NOT NULL, evaluation_id TEXT,
        seen_at TEXT NOT NULL, PRIMARY KEY (watch_id, tag))`,
        ],
    },
];
/** Applies the pending migrations; returns the versions applied. */
async function migrate(db, migrations = MIGRATIONS) {
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((await db.query('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const ahead = [...applied].filter((v) => v > newest);
    if (ahead.length) {
        throw new common_errors/* ConfigurationError */.j1(`${db.label} has schema version ${Math.max(...ahead)}, newer than this portcullis knows (${newest}); upgrade portcullis`);
    }
    const done = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(m.version))
            continue;
        await db.transaction(async (tx) => {
            for (const s of m.statements)
                await tx.query(s);
            await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        });
        done.push(m.version);
    }
    return done;
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/store/postgres.ts
/** PostgreSQL through `pg` (pure JS). */



/** The URL without its user info: the credentials never reach a message or the startup line. */
function redact(url) {
    try {
        return (0,http/* redactUrl */.BO)(url);
    }
    catch {
        return 'postgres';
    }
}
class PostgresDb {
    label;
    pool;
    dialect = 'postgres';
    constructor(label, pool) {
        this.label = label;
        this.pool = pool;
    }
    async query(sql, params = []) {
        const res = await this.pool.query(sql, params);
        return res.rows;
    }
    async transaction(fn) {
        const client = await this.pool.connect();
        try {
            await client.query('BEGIN');
            const tx = {
                dialect: 'postgres',
                query: async (sql, params = []) => (await client.query(sql, params)).rows,
            };
            const result = await fn(tx);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        finally {
            client.release();
        }
    }
    async close() {
        await this.pool.end();
    }
}
async function openPostgres(url) {
    const pool = new esm/* default.Pool */.Ay.Pool({ connectionString: url, max: 10 });
    pool.on('error', () => undefined);
    try {
        await pool.query('SELECT 1');
    }
    catch (error) {
        await pool.end().catch(() => undefined);
        throw new common_errors/* ConfigurationError */.j1(`cannot connect to PostgreSQL ${redact(url)}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return new PostgresDb(redact(url), pool);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
;// CONCATENATED MODULE: ./src/store/s3-files.ts
/**
 * Files in S3-compatible object storage (`@aws-sdk/client-s3`): `s3://bucket/prefix`, with an optional endpoint
 * for MinIO and friends (path-style addressing then). Credentials come from the SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). Ids are generated by the store.
 */



const s3_files_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function parseS3Url(url) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`"${url}" is not s3://BUCKET[/PREFIX]`);
    const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
    return { bucket: m[1], prefix: prefix ? `${prefix}/` : '' };
}
class S3FileStore {
    location;
    #client;
    constructor(location, options = {}) {
        this.location = location;
        this.#client = new dist_cjs/* S3Client */.YxF({
            region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
            // S3-compatible servers do not all speak the SDK's default flexible checksums.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        });
    }
    get label() {
        return `s3://${this.location.bucket}/${this.location.prefix}`;
    }
    #key(id) {
        return `${this.location.prefix}${id}`;
    }
    async put(data) {
        const id = (0,external_node_crypto_.randomUUID)();
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
        await this.#client.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: this.location.bucket, Key: this.#key(id), Body: data, ContentLength: data.length }));
        return { id, size: data.length, sha256 };
    }
    async get(id) {
        if (!s3_files_ID_RE.test(id))
            return undefined;
        try {
            const res = await this.#client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.location.bucket, Key: this.#key(id) }));
            return res.Body;
        }
        catch (error) {
            if (error.name === 'NoSuchKey')
                return undefined;
            throw error;
        }
    }
    async delete(id) {
        if (!s3_files_ID_RE.test(id))
            return;
        await this.#client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.location.bucket, Key: this.#key(id) }));
    }
    destroy() {
        this.#client.destroy();
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/store/sqlite.ts
/**
 * SQLite through sql.js (WASM, no native addon). The whole database is in memory and written to its file after
 * every committed transaction (write a temp file, fsync, rename), so what a request acknowledged survives a crash.
 * One process owns the file; operations are serialised.
 */




let sqlJs;
function loadSqlJs() {
    // The inline build carries its WASM inside the JS file, so the bundle needs no side file. It is loaded on first use.
    // Its Node branch sets `module.exports` after undefining `module`, relying on a `typeof module` test that bundlers
    // (ncc/webpack) rewrite to `true`; so it is initialised through its non-Node branch, which it picks when
    // `process.type` is "renderer", and which needs nothing but the inlined bytes and globalThis.crypto.
    sqlJs ??= __webpack_require__.e(/* import() */ 865).then(__webpack_require__.t.bind(__webpack_require__, 28865, 23)).then(async (m) => {
        const proc = process;
        const had = Object.prototype.hasOwnProperty.call(proc, 'type');
        const previous = proc.type;
        proc.type = 'renderer';
        try {
            return await m.default();
        }
        finally {
            if (had)
                proc.type = previous;
            else
                delete proc.type;
        }
    });
    return sqlJs;
}
function bindable(params) {
    const out = {};
    params.forEach((v, i) => {
        let b;
        if (v === undefined || v === null)
            b = null;
        else if (typeof v === 'boolean')
            b = v ? 1 : 0;
        else if (typeof v === 'bigint')
            b = Number(v);
        else if (typeof v === 'string' || typeof v === 'number' || v instanceof Uint8Array)
            b = v;
        else
            b = JSON.stringify(v);
        out[`$${i + 1}`] = b;
    });
    return out;
}
class SqliteDb {
    label;
    SQL;
    db;
    path;
    dialect = 'sqlite';
    #queue = Promise.resolve();
    #closed = false;
    /** What the file was when this process last read or wrote it (inode, size, mtime). */
    #stamp;
    constructor(label, SQL, db, path) {
        this.label = label;
        this.SQL = SQL;
        this.db = db;
        this.path = path;
        this.#stamp = this.#currentStamp();
    }
    #currentStamp() {
        if (!this.path)
            return undefined;
        try {
            const st = (0,external_node_fs_.statSync)(this.path);
            return `${st.ino}:${st.size}:${st.mtimeMs}`;
        }
        catch {
            return undefined;
        }
    }
    /** Another process (`portcullis serve token create` while the store runs) may have written the file: reload it. */
    #refresh() {
        const stamp = this.#currentStamp();
        if (!this.path || stamp === undefined || stamp === this.#stamp)
            return;
        const fresh = new this.SQL.Database((0,external_node_fs_.readFileSync)(this.path));
        this.db.close();
        this.db = fresh;
        this.db.exec('PRAGMA foreign_keys = ON');
        this.#stamp = stamp;
    }
    /** An exclusive lock file around each write, so two processes never write from stale copies. */
    async #locked(fn) {
        if (!this.path)
            return fn();
        const lock = `${this.path}.lock`;
        for (let i = 0;; i++) {
            try {
                const fd = (0,external_node_fs_.openSync)(lock, 'wx', 0o600);
                (0,external_node_fs_.writeSync)(fd, String(process.pid));
                (0,external_node_fs_.closeSync)(fd);
                break;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
                if (!lockHolderAlive(lock)) {
                    (0,external_node_fs_.rmSync)(lock, { force: true });
                    continue;
                }
                if (i > 500)
                    throw new common_errors/* ConfigurationError */.j1(`${lock} is held by a running process; is another portcullis writing this store?`);
                await (0,external_node_timers_promises_.setTimeout)(20);
            }
        }
        try {
            this.#refresh();
            return await fn();
        }
        finally {
            (0,external_node_fs_.rmSync)(lock, { force: true });
        }
    }
    #run(sql, params) {
        const stmt = this.db.prepare(sql);
        try {
            if (params.length)
                stmt.bind(bindable(params));
            const rows = [];
            while (stmt.step())
                rows.push(stmt.getAsObject());
            return rows;
        }
        finally {
            stmt.free();
        }
    }
    #persist() {
        if (!this.path)
            return;
        const data = this.db.export();
        const tmp = `${this.path}.tmp`;
        // The store holds token hashes and every pushed report: readable by its owner only (0600, in a 0700 directory).
        const fd = (0,external_node_fs_.openSync)(tmp, 'w', 0o600);
        try {
            (0,external_node_fs_.writeSync)(fd, data);
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.renameSync)(tmp, this.path);
        this.#stamp = this.#currentStamp();
    }
    #serial(fn) {
        const next = this.#queue.then(() => {
            if (this.#closed)
                throw new Error(`${this.label} is closed`);
            return fn();
        });
        this.#queue = next.catch(() => undefined);
        return next;
    }
    query(sql, params = []) {
        if (/^\s*select\b/i.test(sql)) {
            return this.#serial(() => {
                this.#refresh();
                return this.#run(sql, params);
            });
        }
        // A write outside a transaction is durable on return too.
        return this.#serial(() => this.#locked(() => {
            const rows = this.#run(sql, params);
            if (this.db.getRowsModified() > 0)
                this.#persist();
            return rows;
        }));
    }
    transaction(fn) {
        return this.#serial(() => this.#locked(async () => {
            this.db.exec('BEGIN');
            const tx = { dialect: 'sqlite', query: async (sql, params = []) => this.#run(sql, params) };
            try {
                const result = await fn(tx);
                this.db.exec('COMMIT');
                this.#persist();
                return result;
            }
            catch (error) {
                try {
                    this.db.exec('ROLLBACK');
                }
                catch {
                    // the failed statement may already have ended it
                }
                throw error;
            }
        }));
    }
    close() {
        return this.#serial(() => {
            this.#closed = true;
            this.db.close();
        });
    }
}
function lockHolderAlive(lock) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(lock, 'utf8');
    }
    catch {
        return true; // gone or being replaced: try again
    }
    if (text === '') {
        // Created, its pid not yet written: alive unless it has stayed empty for long.
        try {
            return Date.now() - (0,external_node_fs_.statSync)(lock).mtimeMs < 5000;
        }
        catch {
            return true;
        }
    }
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Opens (or creates) the SQLite file; without a path, an in-memory database. */
async function openSqlite(path) {
    const SQL = await loadSqlJs();
    let db;
    try {
        if (path)
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
        db = path && (0,external_node_fs_.existsSync)(path) ? new SQL.Database((0,external_node_fs_.readFileSync)(path)) : new SQL.Database();
        db.exec('PRAGMA foreign_keys = ON');
        db.exec('SELECT count(*) FROM sqlite_master');
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`cannot open the SQLite store ${path ?? ':memory:'}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return new SqliteDb(path ?? ':memory:', SQL, db, path);
}

;// CONCATENATED MODULE: ./src/store/open.ts
/** Opens the store's database (SQLite file by default, PostgreSQL for a postgres:// URL) and its file directory. */






async function openDatabase(location) {
    const url = location.database ?? (0,external_node_path_.join)(location.dataDir, 'store.sqlite');
    const db = /^postgres(ql)?:\/\//.test(url) ? await openPostgres(url) : await openSqlite((0,external_node_path_.resolve)(url));
    try {
        await migrate(db);
    }
    catch (error) {
        await db.close();
        throw error;
    }
    return db;
}
async function openStore(location) {
    const db = await openDatabase(location);
    const files = location.filesDir?.startsWith('s3://')
        ? new S3FileStore(parseS3Url(location.filesDir), location.s3)
        : new DirectoryFileStore(location.filesDir ?? (0,external_node_path_.join)(location.dataDir, 'files'));
    return { db, files };
}

// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
// EXTERNAL MODULE: ./node_modules/@fastify/multipart/index.js
var multipart = __webpack_require__(99138);
var multipart_default = /*#__PURE__*/__webpack_require__.n(multipart);
// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
;// CONCATENATED MODULE: ./src/store/page.ts
/** The store's one web page: each image's latest decision, findings counts and compliance results, with links. */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'];
function renderPage(latest, compliance) {
    const latestCompliance = new Map();
    for (const c of compliance)
        if (!latestCompliance.has(c.image_digest))
            latestCompliance.set(c.image_digest, c);
    const rows = latest.map((e) => {
        const c = latestCompliance.get(e.image_digest);
        const counts = SEVERITIES.map((s) => `<td class="n">${e.counts.findings[s] ?? 0}</td>`).join('');
        const files = [
            `<a href="/v2/evaluations/${e.id}/files/report">report</a>`,
            e.files.sbom ? `<a href="/v2/evaluations/${e.id}/files/sbom">sbom</a>` : '',
            e.files.sarif ? `<a href="/v2/evaluations/${e.id}/files/sarif">sarif</a>` : '',
        ].filter(Boolean).join(' ');
        const comp = c
            ? `<span class="c-${esc(c.result ?? 'none')}">${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</span> ${Object.entries(c.compliance_file_ids)
                .map(([k, id]) => `<a href="/v2/runtime-compliance/result/${esc(id)}">${esc(k.replace('_file', ''))}</a>`)
                .join(' ')}`
            : '—';
        return `<tr data-digest="${esc(e.image_digest)}"><td>${esc(e.repository ?? '(untagged)')}${e.tag ? `:${esc(e.tag)}` : ''}</td><td class="digest">${esc(e.image_digest.slice(0, 19))}…</td><td class="d-${esc(e.decision)}">${esc(e.decision)}</td>${counts}<td>${esc(e.created_at)}</td><td>${files}</td><td class="compliance">${comp}</td></tr>`;
    });
    const orphan = compliance.filter((c) => !latest.some((e) => e.image_digest === c.image_digest));
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portcullis store</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}
.n{text-align:right}.d-STOP,.c-fail{color:#b00;font-weight:bold}.d-WARN{color:#a60}.d-GO,.c-pass{color:#070}.digest{font-family:monospace}</style></head>
<body><h1>Portcullis store</h1>
<h2>Images: latest evaluation</h2>
<table id="images"><thead><tr><th>Image</th><th>Digest</th><th>Decision</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>Evaluated</th><th>Files</th><th>Compliance</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="12">No evaluations yet.</td></tr>'}</tbody></table>
<h2>Compliance checks without an evaluation</h2>
<ul id="orphans">${orphan.map((c) => `<li>${esc(c.image_digest)} ${esc(c.check_type)}: ${esc(c.result ?? 'no result')}</li>`).join('') || '<li>None.</li>'}</ul>
</body></html>
`;
}

;// CONCATENATED MODULE: ./src/store/evaluation-diff.ts
/**
 * What an evaluation found, reduced to what a difference needs (the vulnerabilities by id and package, the fired
 * triggers), and the difference between two evaluations: what a re-evaluation record and a notification carry.
 */
const REASONS = (/* unused pure expression or super */ null && (['push', 'data_update', 'policy_change', 'watch']));
const evaluation_diff_text = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** The summary of a Portcullis ScanReport (already shape-checked by summariseReport). */
function summariseFindings(report) {
    const r = (report ?? {});
    const vulns = new Map();
    for (const f of Array.isArray(r.findings) ? r.findings : []) {
        const v = {
            id: evaluation_diff_text(f?.id),
            aliases: Array.isArray(f?.aliases) ? f.aliases.filter((a) => typeof a === 'string') : [],
            package: `${evaluation_diff_text(f?.packageName)}@${evaluation_diff_text(f?.installedVersion)}`,
            ...(typeof f?.severity === 'string' ? { severity: f.severity } : {}),
        };
        vulns.set(vulnKey(v), v);
    }
    const triggers = new Map();
    for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
        const key = `${evaluation_diff_text(f?.gate)}/${evaluation_diff_text(f?.trigger)}/${evaluation_diff_text(f?.trigger_id)}`;
        triggers.set(key, {
            key,
            action: evaluation_diff_text(f?.action),
            ...(typeof f?.message === 'string' ? { message: f.message.slice(0, 500) } : {}),
            ...(f?.carried_over && typeof f.carried_over === 'object' ? { carried_over: true } : {}),
        });
    }
    return { vulnerabilities: [...vulns.values()].sort(byKey(vulnKey)), triggers: [...triggers.values()].sort(byKey((t) => t.key)) };
}
function vulnKey(v) {
    return `${v.id}\u0000${v.package}`;
}
function byKey(key) {
    return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
function minus(a, b, key) {
    const have = new Set(b.map(key));
    return a.filter((x) => !have.has(key(x)));
}
/** The difference from `before` (none: the first evaluation, everything is added) to `after`. */
function diffEvaluations(before, after) {
    const b = before?.summary ?? { vulnerabilities: [], triggers: [] };
    // A trigger whose action changed (an allowlist, a new rule action) counts as removed and added. A carried-over
    // trigger (carry-over.ts) keeps its key and action, so it is neither removed nor added.
    const triggerKey = (t) => `${t.key}\u0000${t.action}`;
    return {
        decision: { before: before?.decision ?? null, after: after.decision },
        vulnerabilities: { added: minus(after.summary.vulnerabilities, b.vulnerabilities, vulnKey), removed: minus(b.vulnerabilities, after.summary.vulnerabilities, vulnKey) },
        triggers: { added: minus(after.summary.triggers, b.triggers, triggerKey), removed: minus(b.triggers, after.summary.triggers, triggerKey) },
    };
}
function diffIsEmpty(d) {
    return d.decision.before === d.decision.after && !d.vulnerabilities.added.length && !d.vulnerabilities.removed.length && !d.triggers.added.length && !d.triggers.removed.length;
}

;// CONCATENATED MODULE: ./src/store/repo.ts
/** The store's records: runtime-compliance checks and evaluations, over any SqlDb and FileStore. */


const COMPLIANCE_COLUMNS = 'id, check_type, image_digest, result, pod, namespace, image_tag, start_time, end_time, result_file_id, report_file_id, created_at';
const EVALUATION_COLUMNS = 'id, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts, report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, previous_id, diff';
function str(v) {
    return v === null || v === undefined ? undefined : String(v);
}
function toCompliance(r) {
    const ids = {};
    if (r.result_file_id)
        ids.result_file = String(r.result_file_id);
    if (r.report_file_id)
        ids.report_file = String(r.report_file_id);
    const out = {
        id: String(r.id),
        check_type: String(r.check_type),
        image_digest: String(r.image_digest),
        compliance_file_ids: ids,
        created_at: String(r.created_at),
    };
    for (const k of ['result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time']) {
        const v = str(r[k]);
        if (v !== undefined)
            out[k] = v;
    }
    return out;
}
function toEvaluation(r) {
    return {
        id: String(r.id),
        image_digest: String(r.image_digest),
        repository: str(r.repository) ?? null,
        tag: str(r.tag) ?? null,
        commit: str(r.commit_sha) ?? null,
        pipeline_run: str(r.pipeline_run) ?? null,
        decision: String(r.decision),
        counts: JSON.parse(String(r.counts)),
        files: { report: String(r.report_file_id), sbom: str(r.sbom_file_id) ?? null, sarif: str(r.sarif_file_id) ?? null },
        created_at: String(r.created_at),
        reason: (str(r.reason) ?? 'push'),
        policy_name: str(r.policy_name) ?? null,
        bundle_id: str(r.bundle_id) ?? null,
        bundle_digest: str(r.bundle_digest) ?? null,
        previous_id: str(r.previous_id) ?? null,
        diff: r.diff ? JSON.parse(String(r.diff)) : null,
    };
}
/** A timestamp that sorts as text: always UTC with milliseconds. */
function isoNow() {
    return new Date().toISOString();
}
function normaliseTime(v) {
    return new Date(v).toISOString();
}
class StoreRepo {
    db;
    files;
    #hooks = [];
    constructor(db, files) {
        this.db = db;
        this.files = files;
    }
    /** Runs `hook` in the transaction of every new evaluation (the notification outbox). */
    onEvaluation(hook) {
        this.#hooks.push(hook);
    }
    async readFile(id) {
        const stream = await this.files.get(id);
        if (!stream)
            return undefined;
        const chunks = [];
        for await (const c of stream)
            chunks.push(c);
        return Buffer.concat(chunks);
    }
    /** The stored summary of an evaluation; one stored before summaries existed is summarised from its report. */
    async #summaryOf(q, id) {
        const rows = await q.query('SELECT summary, report_file_id FROM evaluations WHERE id = $1', [id]);
        const r = rows[0];
        if (!r)
            return { vulnerabilities: [], triggers: [] };
        if (r.summary)
            return JSON.parse(r.summary);
        const data = await this.readFile(r.report_file_id);
        try {
            return summariseFindings(data ? JSON.parse(data.toString('utf8')) : undefined);
        }
        catch {
            return { vulnerabilities: [], triggers: [] };
        }
    }
    /** The evaluation a new one of this image is compared with: the image's newest, else its tag's newest. */
    async #previous(q, digest, repository, tag) {
        const same = await q.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE image_digest = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [digest]);
        if (same[0])
            return toEvaluation(same[0]);
        if (!repository)
            return undefined;
        const tagged = await q.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE repository = $1 AND COALESCE(tag, '') = $2 ORDER BY created_at DESC, id DESC LIMIT 1`, [repository, tag ?? '']);
        return tagged[0] ? toEvaluation(tagged[0]) : undefined;
    }
    async #putFile(tx, f, created) {
        const blob = await this.files.put(f.data);
        created.push(blob.id);
        await tx.query('INSERT INTO files (id, name, content_type, size, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            blob.id,
            f.name,
            f.contentType,
            blob.size,
            blob.sha256,
            isoNow(),
        ]);
        return blob.id;
    }
    /**
     * Files are written (and fsynced) first, then the rows in one transaction; when the transaction fails or the
     * idempotency key already exists, the new files are removed. Returns the record and whether it already existed.
     */
    async #ingest(insert, existing) {
        const created = [];
        try {
            const record = await this.db.transaction(async (tx) => insert(tx, (f) => this.#putFile(tx, f, created)));
            if (record !== undefined)
                return { record, duplicate: false };
        }
        catch (error) {
            await Promise.all(created.map((id) => this.files.delete(id)));
            // Two concurrent pushes with one key: the loser's unique violation means the winner has it.
            const found = await existing();
            if (found !== undefined)
                return { record: found, duplicate: true };
            throw error;
        }
        await Promise.all(created.map((id) => this.files.delete(id)));
        const found = await existing();
        if (found === undefined)
            throw new Error('idempotent insert found neither a new nor an existing row');
        return { record: found, duplicate: true };
    }
    async createCompliance(input) {
        const key = input.idempotencyKey;
        const existing = async () => {
            if (!key)
                return undefined;
            const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE idempotency_key = $1`, [key]);
            return rows[0] ? toCompliance(rows[0]) : undefined;
        };
        if (key) {
            const found = await existing();
            if (found)
                return { record: found, duplicate: true };
        }
        return this.#ingest(async (tx, putFile) => {
            const id = (0,external_node_crypto_.randomUUID)();
            const resultId = input.result_file ? await putFile(input.result_file) : null;
            const reportId = input.report_file ? await putFile(input.report_file) : null;
            const rows = await tx.query(`INSERT INTO compliance_checks (id, idempotency_key, check_type, image_digest, result, pod, namespace, image_tag, start_time,
           end_time, result_file_id, report_file_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COMPLIANCE_COLUMNS}`, [
                id,
                key ?? null,
                input.check_type,
                input.image_digest,
                input.result ?? null,
                input.pod ?? null,
                input.namespace ?? null,
                input.image_tag ?? null,
                input.start_time ? normaliseTime(input.start_time) : null,
                input.end_time ? normaliseTime(input.end_time) : null,
                resultId,
                reportId,
                isoNow(),
            ]);
            return rows[0] ? toCompliance(rows[0]) : undefined;
        }, existing);
    }
    async listCompliance(filter = {}) {
        const where = [];
        const params = [];
        const add = (sql, v) => {
            params.push(v);
            where.push(sql.replace('?', `$${params.length}`));
        };
        if (filter.image_digest)
            add('image_digest = ?', filter.image_digest);
        if (filter.namespace)
            add('namespace = ?', filter.namespace);
        if (filter.pod)
            add('pod = ?', filter.pod);
        if (filter.check_type)
            add('check_type = ?', filter.check_type);
        if (filter.since)
            add('COALESCE(start_time, created_at) >= ?', normaliseTime(filter.since));
        if (filter.until)
            add('COALESCE(start_time, created_at) <= ?', normaliseTime(filter.until));
        params.push(Math.min(Math.max(filter.limit ?? 1000, 1), 10_000));
        const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
        return rows.map(toCompliance);
    }
    async getCompliance(id) {
        const rows = await this.db.query(`SELECT ${COMPLIANCE_COLUMNS} FROM compliance_checks WHERE id = $1`, [id]);
        return rows[0] ? toCompliance(rows[0]) : undefined;
    }
    async getFile(id) {
        const rows = await this.db.query('SELECT id, name, content_type, size, sha256, created_at FROM files WHERE id = $1', [id]);
        const r = rows[0];
        if (!r)
            return undefined;
        const stream = await this.files.get(id);
        if (!stream)
            return undefined;
        return {
            meta: {
                id: String(r.id),
                name: String(r.name),
                content_type: String(r.content_type),
                size: Number(r.size),
                sha256: String(r.sha256),
                created_at: String(r.created_at),
            },
            stream,
        };
    }
    async ingestEvaluation(input) {
        const existing = async () => {
            const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE idempotency_key = $1`, [input.idempotencyKey]);
            return rows[0] ? toEvaluation(rows[0]) : undefined;
        };
        const found = await existing();
        if (found)
            return { record: found, duplicate: true };
        const summary = summariseFindings(input.parsedReport ?? JSON.parse(input.report.data.toString('utf8')));
        return this.#ingest(async (tx, putFile) => {
            const reportId = await putFile(input.report);
            const sbomId = input.sbom ? await putFile(input.sbom) : (input.sbomFileId ?? null);
            const sarifId = input.sarif ? await putFile(input.sarif) : null;
            const previous = await this.#previous(tx, input.image_digest, input.repository, input.tag);
            const diff = diffEvaluations(previous ? { decision: previous.decision, summary: await this.#summaryOf(tx, previous.id) } : undefined, { decision: input.decision, summary });
            const rows = await tx.query(`INSERT INTO evaluations (id, idempotency_key, image_digest, repository, tag, commit_sha, pipeline_run, decision, counts,
           report_file_id, sbom_file_id, sarif_file_id, created_at, reason, policy_name, bundle_id, bundle_digest, summary, diff, previous_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${EVALUATION_COLUMNS}`, [
                (0,external_node_crypto_.randomUUID)(),
                input.idempotencyKey,
                input.image_digest,
                input.repository ?? null,
                input.tag ?? null,
                input.commit ?? null,
                input.pipeline_run ?? null,
                input.decision,
                JSON.stringify(input.counts),
                reportId,
                sbomId,
                sarifId,
                isoNow(),
                input.reason ?? 'push',
                input.policy_name ?? null,
                input.bundle_id ?? bundleIdOf(input.parsedReport) ?? null,
                input.bundle_digest ?? null,
                JSON.stringify(summary),
                JSON.stringify(diff),
                previous?.id ?? null,
            ]);
            const record = rows[0] ? toEvaluation(rows[0]) : undefined;
            if (record)
                for (const hook of this.#hooks)
                    await hook(tx, record, previous);
            return record;
        }, existing);
    }
    /** The newest evaluation of each stored image (by digest) that has an SBOM to re-evaluate. */
    async latestPerImage() {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE e.sbom_file_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM evaluations n WHERE n.image_digest = e.image_digest AND n.sbom_file_id IS NOT NULL
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY e.image_digest`);
        return rows.map(toEvaluation);
    }
    async listEvaluations(filter = {}) {
        const where = [];
        const params = [];
        for (const k of ['image_digest', 'repository', 'tag']) {
            const v = filter[k];
            if (v) {
                params.push(v);
                where.push(`${k} = $${params.length}`);
            }
        }
        params.push(Math.min(Math.max(filter.limit ?? 1000, 1), 10_000));
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
        return rows.map(toEvaluation);
    }
    /** The newest evaluation of each repository and tag (an untagged image counts by its digest). */
    async latestEvaluations() {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE NOT EXISTS (
         SELECT 1 FROM evaluations n
         WHERE COALESCE(n.repository, n.image_digest) = COALESCE(e.repository, e.image_digest)
           AND COALESCE(n.tag, '') = COALESCE(e.tag, '')
           AND (n.created_at > e.created_at OR (n.created_at = e.created_at AND n.id > e.id)))
       ORDER BY COALESCE(repository, image_digest), COALESCE(tag, '')`);
        return rows.map(toEvaluation);
    }
    async getEvaluation(id) {
        return this.#getEvaluation(id);
    }
    async #getEvaluation(id) {
        const rows = await this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluations WHERE id = $1`, [id]);
        return rows[0] ? toEvaluation(rows[0]) : undefined;
    }
}
function bundleIdOf(report) {
    const p = report?.policy;
    return typeof p?.bundle_id === 'string' ? p.bundle_id : undefined;
}

;// CONCATENATED MODULE: ./src/store/tokens.ts
/** Bearer tokens with scopes (`push`, `read`, `admin`: policies, subscriptions, refreshes). Only a SHA-256 of each token is stored; the token is shown once. */


const SCOPES = ['push', 'read', 'admin'];
const PREFIX = 'pcs_';
function hashToken(token) {
    return (0,external_node_crypto_.createHash)('sha256').update(token).digest('hex');
}
function parseScopes(text) {
    const scopes = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (scopes.length === 0)
        throw new common_errors/* ConfigurationError */.j1(`give at least one scope (${SCOPES.join(', ')})`);
    for (const s of scopes) {
        if (!SCOPES.includes(s))
            throw new common_errors/* ConfigurationError */.j1(`unknown scope "${s}"; known: ${SCOPES.join(', ')}`);
    }
    return [...new Set(scopes)];
}
async function createToken(db, name, scopes) {
    const token = `${PREFIX}${(0,external_node_crypto_.randomBytes)(32).toString('base64url')}`;
    const info = { id: (0,external_node_crypto_.randomUUID)(), name, scopes, created_at: new Date().toISOString(), revoked_at: null };
    await db.query('INSERT INTO tokens (id, hash, name, scopes, created_at) VALUES ($1, $2, $3, $4, $5)', [
        info.id,
        hashToken(token),
        name,
        scopes.join(','),
        info.created_at,
    ]);
    return { token, info };
}
/** Revokes by id or by name; returns how many were revoked. */
async function revokeToken(db, idOrName) {
    const rows = await db.query('SELECT id FROM tokens WHERE (id = $1 OR name = $1) AND revoked_at IS NULL', [idOrName]);
    for (const r of rows)
        await db.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [new Date().toISOString(), r.id]);
    return rows.length;
}
async function listTokens(db) {
    const rows = await db.query('SELECT id, name, scopes, created_at, revoked_at FROM tokens ORDER BY created_at, id');
    return rows.map((r) => ({ ...r, scopes: r.scopes.split(',') }));
}
/** The scopes of a live token, or undefined for an unknown or revoked one. */
async function scopesOf(db, token) {
    const rows = await db.query('SELECT scopes FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
    return rows[0] ? rows[0].scopes.split(',') : undefined;
}

// EXTERNAL MODULE: ./src/policy/bundled.ts + 5 modules
var policy_bundled = __webpack_require__(72116);
;// CONCATENATED MODULE: ./src/store/policies.ts
/**
 * The store's policy bundles: named (`PUT /v2/policies/{name}`, `serve policy set NAME FILE`), each name pointing at
 * a bundle document kept by its sha256, so every evaluation can say which bundle decided it.
 *
 * The bundle that re-evaluates an image: the store policy named as the image's last evaluation's bundle id (the id
 * the pipeline's bundle carried), else the store policy `default`, else the bundled `default` policy.
 */




const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
function bundleDigest(content) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(content).digest('hex')}`;
}
/** Checks a bundle document (JSON or YAML) the way `scan --policy` would; returns its canonical JSON text. */
function checkedBundle(text, source) {
    const doc = (0,policy_bundle/* parseDocument */.Tp)(text, source);
    const bundle = (0,policy_bundle/* buildBundle */.bS)(doc, source);
    return { content: JSON.stringify(doc), bundle };
}
class PolicyStore {
    db;
    #cache = new Map();
    constructor(db) {
        this.db = db;
    }
    /** Stores the bundle under `name`; returns the policy and whether the bundle changed. */
    async set(name, text, source = `policy ${name}`) {
        const { content, bundle } = checkedBundle(text, source);
        const digest = bundleDigest(content);
        const now = isoNow();
        const changed = await this.db.transaction(async (tx) => {
            await tx.query('INSERT INTO bundles (digest, content, created_at) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING', [digest, content, now]);
            const before = await tx.query('SELECT bundle_digest FROM policies WHERE name = $1', [name]);
            if (before[0]?.bundle_digest === digest)
                return false;
            if (before[0])
                await tx.query('UPDATE policies SET bundle_digest = $1, updated_at = $2 WHERE name = $3', [digest, now, name]);
            else
                await tx.query('INSERT INTO policies (name, bundle_digest, updated_at) VALUES ($1, $2, $3)', [name, digest, now]);
            return true;
        });
        const row = (await this.list()).find((p) => p.name === name);
        this.#cache.set(digest, { name, digest, content, bundle });
        return { policy: row, changed };
    }
    async list() {
        const rows = await this.db.query('SELECT p.name, p.bundle_digest, p.updated_at, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest ORDER BY p.name');
        return rows.map((r) => ({ name: r.name, bundle_digest: r.bundle_digest, updated_at: r.updated_at, bundle_id: JSON.parse(r.content).id }));
    }
    async get(name, q = this.db) {
        const rows = await q.query('SELECT p.bundle_digest, b.content FROM policies p JOIN bundles b ON b.digest = p.bundle_digest WHERE p.name = $1', [name]);
        const r = rows[0];
        if (!r)
            return undefined;
        const cached = this.#cache.get(r.bundle_digest);
        if (cached && cached.name === name)
            return cached;
        const resolved = { name, digest: r.bundle_digest, content: r.content, bundle: (0,policy_bundle/* loadBundle */.po)(r.content, `policy ${name}`) };
        this.#cache.set(r.bundle_digest, resolved);
        return resolved;
    }
    async delete(name) {
        const rows = await this.db.query('DELETE FROM policies WHERE name = $1 RETURNING name', [name]);
        return rows.length > 0;
    }
    /** The bundle an image is re-evaluated with (see the file comment). */
    async resolve(evaluation) {
        for (const name of [evaluation.policy_name, evaluation.bundle_id, 'default']) {
            if (!name || !NAME_RE.test(name))
                continue;
            const found = await this.get(name);
            if (found)
                return found;
        }
        const content = JSON.stringify(policy_bundled/* BUNDLED_POLICIES */.Yy.default);
        const digest = bundleDigest(content);
        let bundled = this.#cache.get(digest);
        if (!bundled) {
            bundled = { name: 'bundled:default', digest, content, bundle: (0,policy_bundle/* loadBundle */.po)(content, 'the bundled default policy') };
            this.#cache.set(digest, bundled);
        }
        return bundled;
    }
}

;// CONCATENATED MODULE: ./src/store/carry-over.ts
/**
 * A store re-evaluation reads the stored SBOM, not the image: it has no file view, no Dockerfile, no compliance or
 * malware results. The gates that need them cannot be evaluated again, so their results are carried over, unchanged,
 * from the evaluation that had the image (the push, or the carried-over results of a previous re-evaluation), and
 * the decision is the worst of the fresh and the carried triggers. Whatever the fresh SBOM evaluation fired for those
 * gates (a "cannot check" trigger such as `dockerfile/no_dockerfile_provided`) is dropped: it would duplicate or
 * replace the carried result. Never a silent GO for want of the image.
 */

/** Gates every trigger of which needs the image (its files, its Dockerfile, a compliance or malware scan). */
const IMAGE_ONLY_GATES = new Set(['dockerfile', 'files', 'passwd_file', 'retrieved_files', 'secret_scans', 'malware', 'compliance']);
/** Triggers of otherwise SBOM-evaluable gates that need the image's files. */
const IMAGE_ONLY_TRIGGERS = new Set(['packages/verify']);
/** True when the trigger cannot be evaluated from an SBOM (canonical gate and trigger names). */
function needsImage(gate, trigger) {
    const g = gate.toLowerCase();
    return IMAGE_ONLY_GATES.has(g) || IMAGE_ONLY_TRIGGERS.has(`${g}/${trigger.toLowerCase()}`);
}
/** A fingerprint of the bundle's rules that need the image, so a policy change can tell whether they changed. */
function imageOnlyRulesDigest(bundle) {
    const rules = bundle.rule_sets
        .flatMap((rs) => rs.rules.map((r) => ({ rs: rs.id, r })))
        .filter(({ r }) => needsImage(r.gate, r.trigger))
        .map(({ rs, r }) => JSON.stringify([rs, r.id, r.gate, r.trigger, r.action, Object.entries(r.rawParams).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
        .sort();
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(rules.join('\n')).digest('hex')}`;
}
/** The evaluation notes this module writes (problem types in `policy.evaluation_problems`). */
const CARRIED_OVER_NOTE = 'carried_over';
const CARRIED_RULES_CHANGED_NOTE = 'carried_over_rules_changed';
const RULES_RE = /image-only rules (sha256:[0-9a-f]{64})/;
const RANK = { stop: 0, warn: 1, go: 2 };
const isAction = (v) => v === 'stop' || v === 'warn' || v === 'go';
function worst(actions) {
    let w = 'go';
    for (const a of actions)
        if (RANK[a] < RANK[w])
            w = a;
    return w;
}
/** The image-only triggers of a stored report, each marked with the evaluation it was decided in. */
function carriedTriggers(previous) {
    const policy = previous.report?.policy;
    const findings = Array.isArray(policy?.findings) ? policy.findings : [];
    const evaluatedAt = String(previous.report.createdAt ?? previous.created_at);
    return findings
        .filter((f) => f && typeof f.gate === 'string' && typeof f.trigger === 'string' && isAction(f.action) && needsImage(f.gate, f.trigger))
        .map((f) => ({ ...f, carried_over: f.carried_over ?? { evaluation_id: previous.id, evaluated_at: evaluatedAt } }));
}
/**
 * The fresh report of the SBOM with the image-only results of `previous` put back: the fresh image-only triggers
 * dropped, the carried ones added unchanged (marked `carried_over`), the decision the worst of both (an image
 * allowlist or denylist of the bundle still decides alone, as in the policy evaluation), and a note saying so.
 */
function applyCarryOver(fresh, previous, options) {
    // Nothing to carry from an evaluation without a policy result: the fresh one stands as it is.
    if (!fresh.policy || !hasPolicy(previous.report))
        return fresh;
    const carried = carriedTriggers(previous);
    const rulesDigest = imageOnlyRulesDigest(options.bundle);
    const kept = fresh.policy.findings.filter((f) => !needsImage(f.gate, f.trigger));
    const dropped = fresh.policy.findings.length - kept.length;
    const findings = [...kept, ...carried];
    const reason = fresh.policy.final_action_reason;
    const finalAction = reason === 'denylisted' ? 'stop' : reason === 'allowlisted' ? 'go' : worst(findings.map((f) => f.action));
    const notes = [];
    const origins = [...new Set(carried.map((f) => f.carried_over.evaluation_id))];
    notes.push({
        severity: 'info',
        problem_type: CARRIED_OVER_NOTE,
        details: `re-evaluated from the SBOM, without the image: ${carried.length} trigger(s) of gates that need the image's files or Dockerfile carried over unchanged` +
            (origins.length ? ` from evaluation ${origins.join(', ')}` : '') +
            `, ${dropped} fired from the SBOM for those gates dropped; image-only rules ${rulesDigest}`,
    });
    if (options.policyChange) {
        const before = previousRulesDigest(previous.report);
        if (before !== rulesDigest) {
            notes.push({
                severity: 'warn',
                problem_type: CARRIED_RULES_CHANGED_NOTE,
                details: (before === undefined
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
function hasPolicy(report) {
    const policy = report?.policy;
    return typeof policy === 'object' && policy !== null && Array.isArray(policy.findings);
}
/** The image-only rules fingerprint a previous re-evaluation recorded in its note (undefined for a push). */
function previousRulesDigest(report) {
    const problems = report?.policy?.evaluation_problems;
    if (!Array.isArray(problems))
        return undefined;
    for (const p of problems) {
        if (p?.problem_type === CARRIED_OVER_NOTE && typeof p.details === 'string') {
            const m = RULES_RE.exec(p.details);
            if (m)
                return m[1];
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/store/refresh.ts
/**
 * The store's vulnerability data refresh: what `portcullis db update` does with the same sources and options
 * (`--db-repository`: the compiled database from a registry; `--db-url`: the OSV bucket layout, refreshing the
 * ecosystems already in the database), and whether the data changed.
 */






/** What identifies the data (not when it was last confirmed unchanged). */
function dataFingerprint(meta) {
    if (!meta)
        return 'none';
    return JSON.stringify({
        compiled: meta.compiled?.checksum ?? null,
        segments: meta.segments.map((s) => [s.id, s.records, s.bytes, s.data, s.index, s.etag ?? null, s.lastModified ?? null, s.highWater ?? null]).sort(),
    });
}
async function refreshVulnerabilityData(options) {
    const { cacheDir, logger } = options;
    const before = dataFingerprint((0,store/* readMetadata */._6)(cacheDir));
    let repository = options.dbRepository;
    const plan = repository ? undefined : defaultUpdatePlan((0,store/* readMetadata */._6)(cacheDir), Boolean(options.dbUrl));
    if (plan?.kind === 'repository')
        repository = plan.repository;
    if (repository) {
        const r = await (0,artifact/* updateFromRepository */.GO)(cacheDir, repository, { env: options.env, logger, ...options.registry }, options.signal);
        logger.info(`store: vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
    }
    else {
        if (plan?.kind !== 'refresh') {
            throw new common_errors/* ConfigurationError */.j1(`no vulnerability database in ${cacheDir} to refresh from ${options.dbUrl ?? osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP}: run "portcullis db update --db-cache-dir ${cacheDir} --ecosystem NAME" once, or give --db-repository`);
        }
        const requests = [];
        const url = options.dbUrl ?? osv_bucket/* DEFAULT_OSV_BUCKET_URL */.qP;
        if (plan.ecosystems.length)
            requests.push({ provider: 'osv-bucket', options: { url, ecosystems: plan.ecosystems } });
        if (plan.branches.length)
            requests.push({ provider: 'alpine-secdb', options: { ecosystems: plan.branches } });
        await (0,update/* updateDatabase */.X)({ cacheDir, requests, logger, ...(options.signal ? { signal: options.signal } : {}) });
    }
    const after = dataFingerprint((0,store/* readMetadata */._6)(cacheDir));
    return { changed: after !== before, fingerprint: after };
}

;// CONCATENATED MODULE: ./src/store/reevaluate.ts
/**
 * Re-evaluation: every stored image's latest SBOM is scanned again, through the same pipeline as `portcullis scan
 * sbom:FILE` (the same matcher, the same policy evaluation), with the store's vulnerability database (offline: the
 * refresh is the store's own job) and the store's bundle for the image. Each result is a new evaluation record with
 * its reason and its difference from the previous one. Jobs are recorded in `jobs`, so `GET /v2/jobs/{id}` can say
 * how far one got; one runs at a time, in order. The results of gates that need the image (its files, its
 * Dockerfile) cannot come from the SBOM: they are carried over from the evaluation re-evaluated (carry-over.ts).
 */












const EMPTY_COUNTS = { images: 0, reevaluated: 0, changed: 0, failed: 0 };
function toJob(r) {
    return {
        id: String(r.id),
        kind: String(r.kind),
        reason: String(r.reason),
        detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
        state: String(r.state),
        counts: JSON.parse(String(r.counts)),
        error: r.error === null || r.error === undefined ? null : String(r.error),
        created_at: String(r.created_at),
        started_at: r.started_at ? String(r.started_at) : null,
        finished_at: r.finished_at ? String(r.finished_at) : null,
    };
}
class Reevaluator {
    options;
    #db;
    #repo;
    #policies;
    #logger;
    #env;
    #queue = Promise.resolve();
    #closed = false;
    /** The policies' bundle digests as last seen, to notice a change made by another process (`serve policy set`). */
    #known;
    constructor(options) {
        this.options = options;
        this.#db = options.db;
        this.#repo = options.repo;
        this.#policies = options.policies;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#env = options.env ?? process.env;
    }
    /** Jobs a previous process left running or queued did not finish: they are marked failed (start a new one). */
    async recover() {
        const rows = await this.#db.query(`SELECT id FROM jobs WHERE state IN ('queued', 'running')`);
        for (const r of rows) {
            await this.#db.query(`UPDATE jobs SET state = 'failed', error = $1, finished_at = $2 WHERE id = $3`, ['interrupted: the store stopped before the job finished', isoNow(), r.id]);
        }
        return rows.length;
    }
    async getJob(id) {
        const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
        return rows[0] ? toJob(rows[0]) : undefined;
    }
    /** Queues a data refresh, then (when the data changed) a re-evaluation of every image. Returns the job at once. */
    async startRefresh() {
        return this.#enqueue('refresh', 'data_update', null, async (job) => {
            const { changed, fingerprint } = await refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
            await this.#db.query('UPDATE jobs SET detail = $1 WHERE id = $2', [changed ? 'data changed' : 'data unchanged', job.id]);
            this.#logger.info(`store: vulnerability data ${changed ? 'changed' : 'unchanged'} (${fingerprint.length > 80 ? 'refreshed' : fingerprint})`);
            if (changed)
                await this.#reevaluateAll(job, 'data_update');
        });
    }
    /** Queues a re-evaluation of the images the policy `name` decides (after it changed). */
    async startPolicyChange(name) {
        return this.#enqueue('reevaluate', 'policy_change', `policy ${name}`, (job) => this.#reevaluateAll(job, 'policy_change', name));
    }
    /**
     * Compares the stored policies with those last seen, and queues a policy_change re-evaluation for each new or
     * changed one. The first call only takes the snapshot. Returns the jobs started, by policy name.
     */
    async checkPolicyChanges() {
        const now = new Map((await this.#policies.list()).map((p) => [p.name, p.bundle_digest]));
        const started = new Map();
        const known = this.#known;
        this.#known = now;
        if (!known)
            return started;
        for (const [name, digest] of now) {
            if (known.get(name) !== digest)
                started.set(name, await this.startPolicyChange(name));
        }
        return started;
    }
    /** Resolves when every queued job has finished. */
    async idle() {
        let q;
        do {
            q = this.#queue;
            await q;
        } while (q !== this.#queue);
    }
    async close() {
        this.#closed = true;
        await this.idle();
    }
    async #enqueue(kind, reason, detail, run) {
        const job = { id: (0,external_node_crypto_.randomUUID)(), kind, reason, detail, state: 'queued', counts: { ...EMPTY_COUNTS }, error: null, created_at: isoNow(), started_at: null, finished_at: null };
        await this.#db.query('INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            job.id,
            kind,
            reason,
            detail,
            'queued',
            JSON.stringify(job.counts),
            job.created_at,
        ]);
        this.#queue = this.#queue.then(async () => {
            if (this.#closed)
                return;
            await this.#db.query(`UPDATE jobs SET state = 'running', started_at = $1 WHERE id = $2`, [isoNow(), job.id]);
            try {
                await run(job);
                await this.#db.query(`UPDATE jobs SET state = 'succeeded', counts = $1, finished_at = $2 WHERE id = $3`, [JSON.stringify(job.counts), isoNow(), job.id]);
            }
            catch (error) {
                this.#logger.warning(`store: job ${job.id} (${kind}) failed: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
                await this.#db
                    .query(`UPDATE jobs SET state = 'failed', counts = $1, error = $2, finished_at = $3 WHERE id = $4`, [JSON.stringify(job.counts), (0,common_errors/* getErrorMessage */.u1)(error).slice(0, 2000), isoNow(), job.id])
                    .catch(() => undefined);
            }
        });
        return job;
    }
    async #reevaluateAll(job, reason, policyName) {
        const latest = await this.#repo.latestPerImage();
        const work = [];
        for (const ev of latest) {
            const bundle = await this.#policies.resolve(ev);
            if (policyName === undefined || bundle.name === policyName)
                work.push({ ev, bundle });
        }
        job.counts.images = work.length;
        await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(job.counts), job.id]);
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-reeval-'));
        const bundleFiles = new Map();
        try {
            for (const { ev, bundle } of work) {
                if (this.#closed)
                    throw new Error('the store is stopping');
                try {
                    let bundlePath = bundleFiles.get(bundle.digest);
                    if (!bundlePath) {
                        bundlePath = (0,external_node_path_.join)(dir, `bundle-${bundleFiles.size}.json`);
                        await (0,promises_.writeFile)(bundlePath, bundle.content);
                        bundleFiles.set(bundle.digest, bundlePath);
                    }
                    const record = await this.reevaluate(ev, bundle, bundlePath, reason, `${job.id}:${ev.image_digest}`, dir);
                    job.counts.reevaluated++;
                    if (record.diff && !diffIsEmpty(record.diff))
                        job.counts.changed++;
                }
                catch (error) {
                    job.counts.failed++;
                    this.#logger.warning(`store: re-evaluating ${ev.image_digest} failed: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
                }
                if ((job.counts.reevaluated + job.counts.failed) % 50 === 0)
                    await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(job.counts), job.id]);
            }
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    /** Scans the evaluation's SBOM again with today's data and `bundle`, and stores the result as a new evaluation. */
    async reevaluate(ev, bundle, bundlePath, reason, key, dir) {
        if (!ev.files.sbom)
            throw new Error('the evaluation has no SBOM');
        const sbom = await this.#repo.readFile(ev.files.sbom);
        if (!sbom)
            throw new Error(`the SBOM file ${ev.files.sbom} is missing`);
        const sbomPath = (0,external_node_path_.join)(dir, `${(0,external_node_crypto_.randomUUID)()}.json`);
        await (0,promises_.writeFile)(sbomPath, sbom);
        try {
            const config = {
                image: `sbom:${sbomPath}`,
                source: {},
                policyPath: bundlePath,
                failOn: 'never',
                outputs: ['json'],
                vulnerabilities: { enabled: true, cacheDir: this.options.data.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
            };
            const { report: fresh } = await (0,pipeline/* runScan */.H)(config, { env: this.#env, logger: common_logger/* silentLogger */.qq, cwd: dir });
            // The SBOM has no file view and no Dockerfile: the results of the gates that need them come from the
            // evaluation that had the image (see carry-over.ts), never dropped to GO.
            const previousReport = await this.#repo.readFile(ev.files.report);
            if (!previousReport)
                throw new Error(`the report file ${ev.files.report} is missing`);
            let previous;
            try {
                previous = JSON.parse(previousReport.toString('utf8'));
            }
            catch (error) {
                throw new Error(`the report file ${ev.files.report} is not JSON: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
            const report = applyCarryOver(fresh, { id: ev.id, created_at: ev.created_at, report: previous }, { bundle: bundle.bundle, policyChange: reason === 'policy_change' });
            const summary = summariseReport(report);
            const data = Buffer.from(JSON.stringify(report));
            const { record } = await this.#repo.ingestEvaluation({
                image_digest: ev.image_digest,
                ...(ev.repository ? { repository: ev.repository } : {}),
                ...(ev.tag ? { tag: ev.tag } : {}),
                ...(ev.commit ? { commit: ev.commit } : {}),
                ...(ev.pipeline_run ? { pipeline_run: ev.pipeline_run } : {}),
                decision: summary.decision,
                counts: summary.counts,
                report: { name: 'portcullis-report.json', contentType: 'application/json', data },
                sbomFileId: ev.files.sbom,
                idempotencyKey: `${reason}:${key}`,
                reason,
                policy_name: bundle.name,
                ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
                bundle_digest: bundle.digest,
                parsedReport: report,
            });
            return record;
        }
        finally {
            await (0,promises_.rm)(sbomPath, { force: true });
        }
    }
}

// EXTERNAL MODULE: ./src/image/registry/connect.ts + 3 modules
var connect = __webpack_require__(89100);
// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
// EXTERNAL MODULE: ./src/output/list.ts + 10 modules
var output_list = __webpack_require__(20571);
// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
// EXTERNAL MODULE: ./src/scan/store-push.ts
var store_push = __webpack_require__(65561);
;// CONCATENATED MODULE: ./src/store/watch.ts
/**
 * Watch mode: the store polls registries for new digests of subscribed tags (`POST /v2/watches`) and analyses each
 * new one itself, through the same pipeline as `portcullis scan registry:REF` (layers streamed, one analysis at a
 * time in a process, so memory stays bounded), evaluates it with the mapped bundle (policies.ts), and stores it
 * with the reason `watch`; the evaluation's transaction enqueues `analysis_update` and, when the tag moved,
 * `tag_update` notifications (notify/outbox.ts). A poll that fails is recorded on the watch (`last_error`,
 * `last_polled_at`) and tried again at the next interval; it never stops the server. A watch being polled is
 * leased (`locked_until`), so two processes over one database do not poll it at once.
 */
















const DEFAULT_MIN_INTERVAL_MS = 10_000;
const MAX_INTERVAL_MS = 7 * 86_400_000;
/** Tags a watch analyses at most per poll (the rest wait for the next poll). */
const MAX_TAGS_PER_POLL = 100;
class WatchError extends Error {
}
/** `30s`, `5m`, `6h`, `1d`. */
function parseWatchInterval(text, minMs = DEFAULT_MIN_INTERVAL_MS) {
    const m = /^(\d{1,9})\s*(s|m|h|d)$/i.exec(text.trim());
    if (!m)
        throw new WatchError(`interval "${text}" is not an interval (e.g. 30s, 5m, 6h, 1d)`);
    const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2].toLowerCase()];
    if (ms < minMs)
        throw new WatchError(`interval "${text}" is under this store's minimum of ${minMs / 1000} seconds`);
    if (ms > MAX_INTERVAL_MS)
        throw new WatchError(`interval "${text}" is over 7 days`);
    return ms;
}
/** Checks a `POST /v2/watches` body; every problem is one line. */
function parseWatch(body, minIntervalMs = DEFAULT_MIN_INTERVAL_MS) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new WatchError('the body must be a JSON object with repository, tags and interval');
    const b = body;
    const unknown = Object.keys(b).filter((k) => !['repository', 'tags', 'interval', 'policy'].includes(k));
    if (unknown.length)
        throw new WatchError(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (expected repository, tags, interval, policy)`);
    if (typeof b.repository !== 'string' || !b.repository.trim())
        throw new WatchError('repository is required: "registry/name"');
    const text = b.repository.trim();
    if (text.includes('@') || text.slice(text.lastIndexOf('/') + 1).includes(':'))
        throw new WatchError(`repository "${text}" must have neither a tag nor a digest (the tags go in "tags")`);
    let repository;
    try {
        const name = (0,reference/* parseRegistryName */.O8)(text);
        repository = `${name.registry}/${name.repository}`;
    }
    catch (error) {
        throw new WatchError((0,common_errors/* getErrorMessage */.u1)(error));
    }
    const tags = b.tags === undefined ? 'latest' : b.tags;
    if (typeof tags !== 'string' || !tags.trim() || tags.length > 256)
        throw new WatchError('tags must be a tag or a pattern of at most 256 characters ("*" matches anything)');
    if (tags.startsWith('regexp:')) {
        try {
            new RegExp(tags.slice('regexp:'.length));
        }
        catch (error) {
            throw new WatchError(`tags: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
        }
    }
    else if (!/^[A-Za-z0-9_.*-]+$/.test(tags)) {
        throw new WatchError(`tags "${tags}" may hold only tag characters (A-Z a-z 0-9 _ . -) and "*", or start with "regexp:"`);
    }
    if (typeof b.interval !== 'string')
        throw new WatchError('interval is required (e.g. "5m")');
    const interval_ms = parseWatchInterval(b.interval, minIntervalMs);
    if (b.policy !== undefined && b.policy !== null && (typeof b.policy !== 'string' || !NAME_RE.test(b.policy)))
        throw new WatchError('policy must be a store policy name');
    return { repository, tags: tags.trim(), interval: b.interval.trim(), interval_ms, policy: typeof b.policy === 'string' ? b.policy : null };
}
function isPattern(tags) {
    return tags.startsWith('regexp:') || tags.includes('*');
}
function toWatch(r, tags) {
    const s = (v) => (v === null || v === undefined ? null : String(v));
    return {
        id: String(r.id),
        repository: String(r.repository),
        tags: String(r.tags),
        interval: String(r.interval_text),
        interval_ms: Number(r.interval_ms),
        policy: s(r.policy),
        created_at: String(r.created_at),
        last_polled_at: s(r.last_polled_at),
        last_error: s(r.last_error),
        next_poll_at: String(r.next_poll_at),
        tag_state: tags,
    };
}
class Watcher {
    options;
    #db;
    #logger;
    #env;
    #abort = new AbortController();
    minIntervalMs;
    #timer;
    #running;
    #closed = false;
    #warnedNoData = false;
    constructor(options) {
        this.options = options;
        this.#db = options.db;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#env = options.env ?? process.env;
        this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    }
    async create(spec) {
        const existing = await this.#db.query('SELECT id FROM watches WHERE repository = $1 AND tags = $2', [spec.repository, spec.tags]);
        if (existing[0])
            return { watch: (await this.get(String(existing[0].id))), created: false };
        const id = (0,external_node_crypto_.randomUUID)();
        const now = isoNow();
        await this.#db.query('INSERT INTO watches (id, repository, tags, interval_text, interval_ms, policy, created_at, next_poll_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)', [id, spec.repository, spec.tags, spec.interval, spec.interval_ms, spec.policy, now]);
        this.kick();
        return { watch: (await this.get(id)), created: true };
    }
    async list() {
        const rows = await this.#db.query('SELECT * FROM watches ORDER BY created_at, id');
        const out = [];
        for (const r of rows)
            out.push(toWatch(r, await this.#tags(String(r.id))));
        return out;
    }
    async get(id) {
        const rows = await this.#db.query('SELECT * FROM watches WHERE id = $1', [id]);
        return rows[0] ? toWatch(rows[0], await this.#tags(id)) : undefined;
    }
    async delete(id) {
        const rows = await this.#db.transaction(async (tx) => {
            await tx.query('DELETE FROM watch_tags WHERE watch_id = $1', [id]);
            return tx.query('DELETE FROM watches WHERE id = $1 RETURNING id', [id]);
        });
        return rows.length > 0;
    }
    async #tags(id) {
        const rows = await this.#db.query('SELECT tag, digest, evaluation_id, seen_at FROM watch_tags WHERE watch_id = $1 ORDER BY tag', [id]);
        return rows.map((r) => ({ tag: String(r.tag), digest: String(r.digest), evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null, seen_at: String(r.seen_at) }));
    }
    start() {
        if (this.#closed || this.#timer)
            return;
        this.#schedule(0);
    }
    /** Looks for due watches now (after a watch is created). */
    kick() {
        if (this.#closed || !this.#timer || this.#running)
            return;
        this.#schedule(0);
    }
    #schedule(ms) {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#running = this.pollDue()
                .then(() => undefined)
                .catch((e) => this.#logger.warning(`store: watch poll loop: ${(0,common_errors/* getErrorMessage */.u1)(e)}`))
                .finally(() => {
                this.#running = undefined;
                if (!this.#closed)
                    this.#schedule(this.options.tickMs ?? 1000);
            });
        }, ms);
        this.#timer.unref();
    }
    async close() {
        this.#closed = true;
        clearTimeout(this.#timer);
        this.#abort.abort(new Error('the store is stopping'));
        await this.#running;
    }
    /** Polls every due watch, one after the other. Answers how many were polled. */
    async pollDue() {
        const now = isoNow();
        const due = await this.#db.query('SELECT id FROM watches WHERE next_poll_at <= $1 ORDER BY next_poll_at, id', [now]);
        let polled = 0;
        for (const { id } of due) {
            if (this.#closed)
                break;
            const until = this.#leaseUntil();
            const leased = await this.#db.query('UPDATE watches SET locked_until = $1 WHERE id = $2 AND next_poll_at <= $3 AND (locked_until IS NULL OR locked_until < $3) RETURNING id', [until, id, isoNow()]);
            if (!leased[0])
                continue;
            const watch = await this.get(String(id));
            if (!watch)
                continue;
            await this.poll(watch);
            polled++;
        }
        return polled;
    }
    /** One poll: the matching tags, their digests, an analysis of each new one. Failures land on the watch. */
    async poll(watch) {
        const errors = [];
        try {
            const name = (0,reference/* parseRegistryName */.O8)(`${watch.repository}:latest`);
            const client = await (0,connect.connectRegistry)(name, { ...this.#registryOptions(), env: this.#env, logger: this.#logger });
            try {
                const signal = this.#abort.signal;
                let tags = isPattern(watch.tags) ? (await client.listTags(signal)).filter((t) => (0,match/* matchesPattern */.MT)(watch.tags, t)).sort() : [watch.tags];
                if (tags.length > MAX_TAGS_PER_POLL) {
                    errors.push(`${tags.length} tags match; ${MAX_TAGS_PER_POLL} are looked at per poll`);
                    tags = tags.slice(0, MAX_TAGS_PER_POLL);
                }
                const known = new Map(watch.tag_state.map((t) => [t.tag, t.digest]));
                for (const tag of tags) {
                    if (this.#closed)
                        break;
                    try {
                        const { digest } = await client.getManifest(tag, manifest/* ACCEPTED_MANIFEST_TYPES */.ke, signal);
                        if (known.get(tag) === digest)
                            continue;
                        await this.#db.query('UPDATE watches SET locked_until = $1 WHERE id = $2', [this.#leaseUntil(), watch.id]);
                        this.#logger.info(`store: watch ${watch.id}: ${watch.repository}:${tag} is now ${digest}; analysing it`);
                        const record = await this.#analyse(watch, tag, digest);
                        await this.#db.query('DELETE FROM watch_tags WHERE watch_id = $1 AND tag = $2', [watch.id, tag]);
                        await this.#db.query('INSERT INTO watch_tags (watch_id, tag, digest, evaluation_id, seen_at) VALUES ($1, $2, $3, $4, $5)', [watch.id, tag, digest, record.id, isoNow()]);
                    }
                    catch (error) {
                        if (this.#closed)
                            throw error;
                        errors.push(`${tag}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
                    }
                }
            }
            finally {
                await client.close();
            }
        }
        catch (error) {
            errors.push((0,common_errors/* getErrorMessage */.u1)(error));
        }
        if (this.#closed) {
            // Stopping: the interrupted poll is not a failure of the watch; the next process polls it at once.
            await this.#db.query('UPDATE watches SET locked_until = NULL WHERE id = $1', [watch.id]).catch(() => undefined);
            return;
        }
        if (errors.length)
            this.#logger.warning(`store: watch ${watch.id} (${watch.repository} ${watch.tags}): ${errors.join('; ')}`);
        const now = Date.now();
        await this.#db
            .query('UPDATE watches SET last_polled_at = $1, last_error = $2, next_poll_at = $3, locked_until = NULL WHERE id = $4', [
            new Date(now).toISOString(),
            errors.length ? errors.join('; ').slice(0, 2000) : null,
            new Date(now + watch.interval_ms).toISOString(),
            watch.id,
        ])
            .catch((e) => this.#logger.warning(`store: watch ${watch.id}: cannot record the poll: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
    }
    #leaseUntil() {
        return new Date(Date.now() + (this.options.leaseMs ?? 600_000)).toISOString();
    }
    #registryOptions() {
        const r = this.options.registry ?? {};
        return {
            ...(r.dockerConfigDir ? { dockerConfigDir: r.dockerConfigDir } : {}),
            ...(r.credentials ? { credentials: r.credentials } : {}),
            ...(r.insecureRegistries ? { insecureRegistries: r.insecureRegistries } : {}),
            ...(r.caFile ? { caFile: r.caFile } : {}),
            ...(r.timeoutMs !== undefined ? { timeoutMs: r.timeoutMs } : {}),
            ...(r.retries !== undefined ? { retries: r.retries } : {}),
        };
    }
    /** The bundle for a watched image: the watch's policy, else the one mapped from the tag's last evaluation. */
    async #bundle(watch, tag) {
        if (watch.policy) {
            const found = await this.options.policies.get(watch.policy);
            if (!found)
                throw new Error(`the watch's policy "${watch.policy}" is not in the store`);
            return found;
        }
        const last = (await this.options.repo.listEvaluations({ repository: watch.repository, tag, limit: 1 }))[0];
        return this.options.policies.resolve(last ?? { policy_name: null, bundle_id: null });
    }
    async #analyse(watch, tag, digest) {
        const bundle = await this.#bundle(watch, tag);
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-watch-'));
        try {
            const bundlePath = (0,external_node_path_.join)(dir, 'bundle.json');
            await (0,promises_.writeFile)(bundlePath, bundle.content);
            if (!this.options.cacheDir && !this.#warnedNoData) {
                this.#warnedNoData = true;
                this.#logger.warning('store: no vulnerability database is configured (serve --db-cache-dir); watched images are analysed without vulnerability matching');
            }
            const config = {
                image: `registry:${watch.repository}:${tag}@${digest}`,
                source: this.#registryOptions(),
                policyPath: bundlePath,
                failOn: 'never',
                outputs: ['json'],
                vulnerabilities: { enabled: Boolean(this.options.cacheDir), cacheDir: this.options.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
            };
            const { report } = await (0,pipeline/* runScan */.H)(config, { env: this.#env, logger: common_logger/* silentLogger */.qq, cwd: dir, signal: this.#abort.signal });
            const imageDigest = (0,store_push/* storeDigest */.s)(report.image);
            if (!imageDigest)
                throw new Error('the analysed image has no digest');
            const render = (format) => {
                const content = output_list/* OUTPUT_FORMATS */.D.get(format).render(report, {});
                return Buffer.isBuffer(content) ? content : Buffer.from(content);
            };
            const data = render('json');
            const summary = summariseReport(JSON.parse(data.toString('utf8')));
            const { record, duplicate } = await this.options.repo.ingestEvaluation({
                image_digest: imageDigest,
                repository: watch.repository,
                tag,
                decision: summary.decision,
                counts: summary.counts,
                report: { name: 'portcullis-report.json', contentType: 'application/json', data },
                sbom: { name: 'portcullis.cdx.json', contentType: 'application/json', data: render('cyclonedx') },
                idempotencyKey: `watch:${watch.id}:${tag}:${digest}`,
                reason: 'watch',
                policy_name: bundle.name,
                ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
                bundle_digest: bundle.digest,
                parsedReport: summary.parsed,
            });
            if (!duplicate)
                this.options.onEvaluation?.(record);
            return record;
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./src/notify/subscriptions.ts
/**
 * Subscriptions: which events of which images go where. A webhook (signed with the subscription's secret), a
 * Slack-compatible incoming webhook, or a GitHub issue per image (not delivered yet: refused at creation).
 */

const EVENTS = ['vuln_update', 'policy_eval', 'tag_update', 'analysis_update'];
/** A subscription as the API shows it: the webhook secret is never given back. */
function publicSubscription(s) {
    const { channel, ...rest } = s;
    if (channel.kind === 'webhook')
        return { ...rest, webhook: { url: channel.url, secret_set: channel.secret !== undefined } };
    return { ...rest, slack: { url: channel.url } };
}
class SubscriptionError extends Error {
}
function checkUrl(v, what) {
    if (typeof v !== 'string')
        throw new SubscriptionError(`${what}.url is required`);
    let u;
    try {
        u = new URL(v);
    }
    catch {
        throw new SubscriptionError(`${what}.url "${v.slice(0, 100)}" is not a URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new SubscriptionError(`${what}.url must be http or https`);
    if (u.username || u.password)
        throw new SubscriptionError(`${what}.url must not carry credentials`);
    return u.toString();
}
function checkGlob(v, what) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string' || v.length > 512 || [...v].some((c) => c.charCodeAt(0) < 0x20))
        throw new SubscriptionError(`${what} must be a glob of at most 512 printable characters`);
    return v;
}
/** Validates a `POST /v2/subscriptions` body. */
function parseSubscription(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new SubscriptionError('the body must be a JSON object');
    const b = body;
    const known = ['events', 'filter', 'webhook', 'slack', 'github_issue'];
    const unknown = Object.keys(b).filter((k) => !known.includes(k));
    if (unknown.length)
        throw new SubscriptionError(`unknown field "${unknown[0]}"; known: ${known.join(', ')}`);
    if (!Array.isArray(b.events) || b.events.length === 0)
        throw new SubscriptionError(`events must be a non-empty list of ${EVENTS.join(', ')}`);
    for (const e of b.events) {
        if (!EVENTS.includes(e))
            throw new SubscriptionError(`unknown event "${String(e)}"; known: ${EVENTS.join(', ')}`);
    }
    const f = (b.filter ?? {});
    if (typeof f !== 'object' || Array.isArray(f))
        throw new SubscriptionError('filter must be an object with repository and tag globs');
    const filter = { ...opt('repository', checkGlob(f.repository, 'filter.repository')), ...opt('tag', checkGlob(f.tag, 'filter.tag')) };
    const channels = ['webhook', 'slack', 'github_issue'].filter((k) => b[k] !== undefined);
    if (channels.length !== 1)
        throw new SubscriptionError('give exactly one of webhook, slack, github_issue');
    let channel;
    if (b.github_issue !== undefined)
        throw new SubscriptionError('github_issue subscriptions are not supported yet; use a webhook or slack');
    if (b.webhook !== undefined) {
        const w = b.webhook;
        const url = checkUrl(w?.url, 'webhook');
        if (w.secret !== undefined && (typeof w.secret !== 'string' || w.secret.length < 16 || w.secret.length > 256))
            throw new SubscriptionError('webhook.secret must be 16–256 characters');
        channel = { kind: 'webhook', url, ...(typeof w.secret === 'string' ? { secret: w.secret } : {}) };
    }
    else {
        channel = { kind: 'slack', url: checkUrl(b.slack?.url, 'slack') };
    }
    return { events: [...new Set(b.events)], filter, channel };
}
function toSubscription(r) {
    return {
        id: String(r.id),
        events: String(r.events).split(','),
        filter: { ...opt('repository', r.filter_repository ? String(r.filter_repository) : undefined), ...opt('tag', r.filter_tag ? String(r.filter_tag) : undefined) },
        channel: JSON.parse(String(r.config)),
        created_at: String(r.created_at),
    };
}
class Subscriptions {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(s) {
        const sub = { ...s, id: (0,external_node_crypto_.randomUUID)(), created_at: new Date().toISOString() };
        await this.db.query('INSERT INTO subscriptions (id, events, filter_repository, filter_tag, channel, config, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            sub.id,
            sub.events.join(','),
            sub.filter.repository ?? null,
            sub.filter.tag ?? null,
            sub.channel.kind,
            JSON.stringify(sub.channel),
            sub.created_at,
        ]);
        return sub;
    }
    async list(q = this.db) {
        return (await q.query('SELECT * FROM subscriptions ORDER BY created_at, id')).map(toSubscription);
    }
    async get(id) {
        const rows = await this.db.query('SELECT * FROM subscriptions WHERE id = $1', [id]);
        return rows[0] ? toSubscription(rows[0]) : undefined;
    }
    async delete(id) {
        return (await this.db.query('DELETE FROM subscriptions WHERE id = $1 RETURNING id', [id])).length > 0;
    }
}
function opt(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/notify/outbox.ts
/**
 * The notification outbox. Notifications are written in the same transaction as the evaluation that causes them
 * (so none is lost between the two), one row per subscription and event, keyed by an idempotency key that is also
 * in the payload (a receiver drops repeats). A deliverer sends what is due: it leases a row (`locked_until`), posts
 * it, and records the attempt; a failure is retried with exponential backoff until `maxAttempts`. A process that
 * dies mid-delivery leaves the lease to expire, and the next deliverer (after a restart) sends it again: delivery is
 * at least once.
 */





const SIGNATURE_HEADER = 'x-portcullis-signature';
/** The events an evaluation gives rise to. */
function eventsOf(record, previous) {
    const d = record.diff;
    const events = [];
    if (record.reason === 'push' || record.reason === 'watch')
        events.push('analysis_update');
    if (previous && previous.image_digest !== record.image_digest)
        events.push('tag_update');
    if (d && (d.vulnerabilities.added.length || d.vulnerabilities.removed.length))
        events.push('vuln_update');
    if (d && d.decision.before !== d.decision.after)
        events.push('policy_eval');
    return events;
}
function selects(sub, record) {
    if (sub.filter.repository && !(0,match/* matchesPattern */.MT)(sub.filter.repository, record.repository ?? ''))
        return false;
    if (sub.filter.tag && !(0,match/* matchesPattern */.MT)(sub.filter.tag, record.tag ?? ''))
        return false;
    return true;
}
/** The evaluation hook: enqueues, in the evaluation's transaction, one notification per subscription and event. */
function outboxHook() {
    return async (tx, record, previous) => {
        const events = eventsOf(record, previous);
        if (!events.length)
            return;
        const subs = (await new Subscriptions(tx).list(tx)).filter((s) => selects(s, record));
        const now = new Date().toISOString();
        for (const sub of subs) {
            for (const event of sub.events.filter((e) => events.includes(e))) {
                const key = (0,external_node_crypto_.createHash)('sha256').update(`${sub.id}\n${event}\n${record.id}`).digest('hex');
                const payload = {
                    event,
                    idempotency_key: key,
                    created_at: now,
                    subscription_id: sub.id,
                    image: { repository: record.repository, tag: record.tag, manifest_digest: record.image_digest },
                    evaluation: { id: record.id, reason: record.reason, previous_id: previous?.id ?? null, previous_image_digest: previous?.image_digest ?? null },
                    decision: record.diff?.decision ?? { before: previous?.decision ?? null, after: record.decision },
                    vulnerabilities: record.diff?.vulnerabilities ?? { added: [], removed: [] },
                    triggers: record.diff?.triggers ?? { added: [], removed: [] },
                };
                await tx.query(`INSERT INTO notifications (id, idempotency_key, subscription_id, event, evaluation_id, payload, state, attempts, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING`, [(0,external_node_crypto_.randomUUID)(), key, sub.id, event, record.id, JSON.stringify(payload), now]);
            }
        }
    };
}
function sign(secret, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/** The body a channel receives: the payload itself for a webhook; a short text for Slack. */
function bodyFor(channel, payload) {
    if (channel.kind === 'webhook')
        return JSON.stringify(payload);
    const name = `${payload.image.repository ?? payload.image.manifest_digest}${payload.image.tag ? `:${payload.image.tag}` : ''}`;
    const added = payload.vulnerabilities.added.map((v) => v.id);
    const removed = payload.vulnerabilities.removed.map((v) => v.id);
    const parts = [
        `*${payload.event}* ${name} (${payload.image.manifest_digest.slice(0, 19)}…): ${payload.decision.before ?? 'none'} → ${payload.decision.after} (${payload.evaluation.reason})`,
        ...(added.length ? [`new: ${added.slice(0, 20).join(', ')}${added.length > 20 ? ` and ${added.length - 20} more` : ''}`] : []),
        ...(removed.length ? [`gone: ${removed.slice(0, 20).join(', ')}${removed.length > 20 ? ` and ${removed.length - 20} more` : ''}`] : []),
    ];
    return JSON.stringify({ text: parts.join('\n') });
}
async function listNotifications(db, filter = {}) {
    const where = [];
    const params = [];
    for (const k of ['subscription_id', 'state']) {
        if (filter[k]) {
            params.push(filter[k]);
            where.push(`${k} = $${params.length}`);
        }
    }
    params.push(Math.min(Math.max(filter.limit ?? 500, 1), 5000));
    const rows = await db.query(`SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
    const out = [];
    for (const r of rows) {
        const attempts = await db.query('SELECT attempt, started_at, outcome, status, error, duration_ms FROM notification_attempts WHERE notification_id = $1 ORDER BY attempt', [r.id]);
        out.push({
            id: String(r.id),
            idempotency_key: String(r.idempotency_key),
            subscription_id: String(r.subscription_id),
            event: String(r.event),
            evaluation_id: r.evaluation_id ? String(r.evaluation_id) : null,
            state: String(r.state),
            attempts: Number(r.attempts),
            next_attempt_at: String(r.next_attempt_at),
            last_error: r.last_error ? String(r.last_error) : null,
            created_at: String(r.created_at),
            delivered_at: r.delivered_at ? String(r.delivered_at) : null,
            payload: JSON.parse(String(r.payload)),
            attempt_log: attempts.map((a) => ({
                attempt: Number(a.attempt),
                started_at: String(a.started_at),
                outcome: String(a.outcome),
                status: a.status === null || a.status === undefined ? null : Number(a.status),
                error: a.error ? String(a.error) : null,
                duration_ms: a.duration_ms === null || a.duration_ms === undefined ? null : Number(a.duration_ms),
            })),
        });
    }
    return out;
}
class Deliverer {
    #db;
    #logger;
    #o;
    #fetch;
    #timer;
    #running;
    #stopped = false;
    #wake = false;
    #abort = new AbortController();
    constructor(options) {
        this.#db = options.db;
        this.#logger = options.logger ?? common_logger/* silentLogger */.qq;
        this.#fetch = options.fetch ?? fetch;
        this.#o = {
            pollMs: options.pollMs ?? 1000,
            baseBackoffMs: options.baseBackoffMs ?? 5000,
            maxBackoffMs: options.maxBackoffMs ?? 3_600_000,
            maxAttempts: options.maxAttempts ?? 10,
            timeoutMs: options.timeoutMs ?? 10_000,
            leaseMs: options.leaseMs ?? 60_000,
        };
    }
    start() {
        this.#stopped = false;
        this.#schedule(0);
    }
    /** Asks for a pass soon (a new notification was written). */
    kick() {
        if (this.#running)
            this.#wake = true;
        else
            this.#schedule(0);
    }
    #schedule(ms) {
        if (this.#stopped)
            return;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#running = this.runOnce()
                .then(() => undefined)
                .catch((e) => this.#logger.warning(`notifications: ${(0,common_errors/* getErrorMessage */.u1)(e)}`))
                .finally(() => {
                this.#running = undefined;
                const again = this.#wake;
                this.#wake = false;
                this.#schedule(again ? 0 : this.#o.pollMs);
            });
        }, ms);
        this.#timer.unref?.();
    }
    /** Stops polling and waits for the deliveries in flight (their outcome is recorded). */
    async stop() {
        this.#stopped = true;
        clearTimeout(this.#timer);
        await this.#running;
    }
    /** One pass: every due notification, leased and sent. Returns how many were attempted. */
    async runOnce() {
        const now = new Date();
        const due = await this.#db.query(`SELECT id FROM notifications WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
       ORDER BY created_at, id LIMIT 100`, [now.toISOString()]);
        let n = 0;
        for (const { id } of due) {
            if (this.#stopped)
                break;
            if (await this.#deliver(id))
                n++;
        }
        return n;
    }
    async #deliver(id) {
        const now = new Date();
        const lease = new Date(now.getTime() + this.#o.leaseMs).toISOString();
        // The lease is taken with a conditional update, so two deliverers never send one row at the same time; the
        // attempt is counted and logged before the request, so one cut short by a dying process still shows.
        const attemptId = (0,external_node_crypto_.randomUUID)();
        const row = await this.#db.transaction(async (tx) => {
            const claimed = await tx.query(`UPDATE notifications SET locked_until = $1, attempts = attempts + 1 WHERE id = $2 AND state = 'pending' AND (locked_until IS NULL OR locked_until < $3)
         RETURNING id, attempts, payload, subscription_id`, [lease, id, now.toISOString()]);
            if (!claimed[0])
                return undefined;
            await tx.query(`UPDATE notification_attempts SET outcome = 'interrupted' WHERE notification_id = $1 AND outcome = 'in_flight'`, [id]);
            await tx.query(`INSERT INTO notification_attempts (id, notification_id, attempt, started_at, outcome) VALUES ($1, $2, $3, $4, 'in_flight')`, [
                attemptId,
                id,
                Number(claimed[0].attempts),
                now.toISOString(),
            ]);
            return claimed[0];
        });
        if (!row)
            return false;
        const attempt = Number(row.attempts);
        const sub = await new Subscriptions(this.#db).get(row.subscription_id);
        if (!sub) {
            await this.#db.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, ['the subscription was deleted', id]);
            await this.#db.query(`UPDATE notification_attempts SET outcome = 'failed', error = $1 WHERE id = $2`, ['the subscription was deleted', attemptId]);
            return false;
        }
        const payload = JSON.parse(row.payload);
        const body = bodyFor(sub.channel, payload);
        const headers = {
            'content-type': 'application/json',
            'user-agent': 'portcullis-store',
            'x-portcullis-event': payload.event,
            'x-portcullis-delivery': payload.idempotency_key,
            'idempotency-key': payload.idempotency_key,
        };
        if (sub.channel.kind === 'webhook' && sub.channel.secret)
            headers[SIGNATURE_HEADER] = sign(sub.channel.secret, body);
        const started = now.getTime();
        let status = null;
        let error = null;
        try {
            const signal = AbortSignal.any([AbortSignal.timeout(this.#o.timeoutMs), this.#abort.signal]);
            const res = await this.#fetch(sub.channel.url, { method: 'POST', headers, body, signal, redirect: 'manual' });
            status = res.status;
            await res.arrayBuffer().catch(() => undefined);
            if (status < 200 || status >= 300)
                error = `HTTP ${status}`;
        }
        catch (e) {
            error = (0,common_errors/* getErrorMessage */.u1)(e);
        }
        const duration = Date.now() - started;
        const finished = new Date().toISOString();
        await this.#db.transaction(async (tx) => {
            await tx.query('UPDATE notification_attempts SET outcome = $1, status = $2, error = $3, duration_ms = $4 WHERE id = $5', [
                error ? 'failed' : 'delivered',
                status,
                error,
                duration,
                attemptId,
            ]);
            if (!error) {
                await tx.query(`UPDATE notifications SET state = 'delivered', delivered_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2`, [finished, id]);
            }
            else if (attempt >= this.#o.maxAttempts) {
                await tx.query(`UPDATE notifications SET state = 'failed', last_error = $1, locked_until = NULL WHERE id = $2`, [error, id]);
            }
            else {
                const wait = Math.min(this.#o.maxBackoffMs, this.#o.baseBackoffMs * 2 ** (attempt - 1));
                const next = new Date(Date.now() + wait * (0.8 + Math.random() * 0.4)).toISOString();
                await tx.query(`UPDATE notifications SET last_error = $1, next_attempt_at = $2, locked_until = NULL WHERE id = $3`, [error, next, id]);
            }
        });
        if (error)
            this.#logger.warning(`notification ${id} (${payload.event}) to ${new URL(sub.channel.url).host}: attempt ${attempt} failed: ${error}`);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/store/server.ts
/**
 * `portcullis serve`: the store's HTTP API (Fastify).
 * - Anchore's runtime-compliance API, at both its v1 (`/v1/enterprise/runtime_compliance`) and v2
 *   (`/v2/runtime-compliance`) paths, same fields and shapes, plus filters and a get-by-id.
 * - Evaluations: ingest (idempotent), list per image, latest per image and tag, get with the SBOM and SARIF.
 * - Re-evaluation: policies (`PUT /v2/policies/{name}`), data refreshes (`POST /v2/admin/refresh`), jobs, and each
 *   image's evaluations with their reason and difference.
 * - Subscriptions and the notification outbox (`/v2/subscriptions`, `/v2/notifications`).
 * - Registry watches (`/v2/watches`): the store polls tags and analyses new digests itself (watch.ts).
 * - Bearer tokens with scopes `push`, `read` and `admin`; size limits with clear 4xx answers; a small web page.
 */
















const DEFAULT_LIMITS = { maxFileBytes: 50 * 1024 * 1024, maxFieldBytes: 4096, maxBodyBytes: 1024 * 1024 };
const DEFAULT_TIMEOUTS = { headersMs: 30_000, requestMs: 300_000, idleMs: 60_000, keepAliveMs: 5_000 };
const SERVICES = new WeakMap();
function storeServices(app) {
    const s = SERVICES.get(app);
    if (!s)
        throw new Error('not a store server');
    return s;
}
class HttpError extends Error {
    statusCode;
    constructor(statusCode, message) {
        super(message);
        this.statusCode = statusCode;
    }
}
const COMPLIANCE_BASES = ['/v1/enterprise/runtime_compliance', '/v2/runtime-compliance'];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RESULTS = ['pass', 'fail', 'error'];
/** A client's file name, reduced to a safe base name for metadata and Content-Disposition; never used as a path. */
function safeFileName(name, fallback) {
    const base = (name ?? '').split(/[\\/]/).pop() ?? '';
    const cleaned = base.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '').slice(0, 128);
    return cleaned || fallback;
}
async function readForm(req, allowed, limits) {
    if (!req.isMultipart())
        throw new HttpError(415, 'expected multipart/form-data');
    try {
        return await readParts(req, allowed, limits);
    }
    catch (error) {
        // A body that is not well-formed multipart (no closing boundary, a bad part header, …) is the client's fault:
        // busboy's errors carry no status, and would otherwise be a 500 with a stack in the log.
        if (error instanceof HttpError || error.statusCode !== undefined)
            throw error;
        throw new HttpError(400, `malformed multipart/form-data body: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
    }
}
async function readParts(req, allowed, limits) {
    const fields = new Map();
    const files = new Map();
    for await (const part of req.parts({ limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes, files: allowed.files.length, fields: allowed.fields.length + 2 } })) {
        const name = part.fieldname;
        if (part.type === 'file') {
            if (!allowed.files.includes(name)) {
                part.file.resume();
                throw new HttpError(400, allowed.fields.includes(name) ? `${name} must be a text field, not a file` : `unknown file field "${name}"; allowed: ${allowed.files.join(', ')}`);
            }
            if (files.has(name))
                throw new HttpError(400, `${name} given twice`);
            const data = await part.toBuffer();
            files.set(name, { name: safeFileName(part.filename, name), contentType: part.mimetype || 'application/octet-stream', data });
        }
        else {
            if (!allowed.fields.includes(name)) {
                throw new HttpError(400, allowed.files.includes(name) ? `${name} must be a file part, not a text field` : `unknown field "${name}"; allowed: ${[...allowed.fields, ...allowed.files].join(', ')}`);
            }
            if (fields.has(name))
                throw new HttpError(400, `${name} given twice`);
            if (part.valueTruncated)
                throw new HttpError(413, `${name} is over ${limits.maxFieldBytes} bytes`);
            fields.set(name, String(part.value));
        }
    }
    return { fields, files };
}
function requireDigest(v, name = 'image_digest') {
    if (!v)
        throw new HttpError(400, `${name} is required`);
    if (!publish_compliance/* DIGEST_RE */.Vt.test(v))
        throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not a digest (algorithm:hex)`);
    return v;
}
function optionalTime(v, name) {
    if (v === undefined || v === '')
        return undefined;
    if (!(0,publish_compliance/* isDateTime */.Ar)(v))
        throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not an RFC 3339 date-time`);
    return v;
}
function optionalText(v, name, max = 253) {
    if (v === undefined || v === '')
        return undefined;
    if (v.length > max || [...v].some((c) => c.charCodeAt(0) < 0x20))
        throw new HttpError(400, `${name} must be at most ${max} printable characters`);
    return v;
}
function parseJsonFile(f, what) {
    try {
        return JSON.parse(f.data.toString('utf8'));
    }
    catch (error) {
        throw new HttpError(400, `${what} is not JSON: ${(0,common_errors/* getErrorMessage */.u1)(error)}`);
    }
}
/** Splits `registry/repo:tag` at the tag's colon (not a registry port's). */
function splitTag(ref) {
    const at = ref.indexOf('@');
    const noDigest = at >= 0 ? ref.slice(0, at) : ref;
    const colon = noDigest.lastIndexOf(':');
    if (colon > noDigest.lastIndexOf('/'))
        return { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
    return { repository: noDigest };
}
/** Checks the report is a Portcullis ScanReport and derives what the lists show. */
function summariseReport(report) {
    const r = report;
    if (!r || typeof r !== 'object' || r.schemaVersion !== '1')
        throw new HttpError(400, 'report is not a Portcullis ScanReport (schemaVersion "1")');
    if (r.decision !== 'GO' && r.decision !== 'WARN' && r.decision !== 'STOP')
        throw new HttpError(400, 'report.decision must be GO, WARN or STOP');
    const findings = {};
    for (const f of Array.isArray(r.findings) ? r.findings : []) {
        const s = typeof f?.severity === 'string' ? f.severity : 'Unknown';
        findings[s] = (findings[s] ?? 0) + 1;
    }
    const policy = { stop: 0, warn: 0, go: 0 };
    for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
        if (f.action === 'stop' || f.action === 'warn' || f.action === 'go')
            policy[f.action]++;
    }
    const tags = Array.isArray(r.image?.repoTags) ? r.image.repoTags.filter((t) => typeof t === 'string') : [];
    return {
        decision: r.decision,
        counts: { packages: Array.isArray(r.packages) ? r.packages.length : 0, findings, policy },
        ...(tags[0] ? { repoTag: tags[0] } : {}),
        parsed: report,
    };
}
function evaluationKey(fields, files) {
    const h = (b) => (b ? (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex') : '');
    const parts = [
        fields.get('image_digest') ?? '',
        fields.get('image_tag') ?? '',
        fields.get('commit') ?? '',
        fields.get('pipeline_run') ?? '',
        h(files.get('report')?.data),
        h(files.get('sbom')?.data),
        h(files.get('sarif')?.data),
    ];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex');
}
function idempotencyHeader(req) {
    const v = req.headers['idempotency-key'];
    if (v === undefined)
        return undefined;
    const s = Array.isArray(v) ? v[0] ?? '' : v;
    if (!/^[A-Za-z0-9._:-]{1,128}$/.test(s))
        throw new HttpError(400, 'Idempotency-Key must be 1–128 characters of A-Z a-z 0-9 . _ : -');
    return s;
}
async function buildStoreServer(options) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const logger = options.logger ?? common_logger/* silentLogger */.qq;
    const repo = new StoreRepo(options.db, options.files);
    const policies = new PolicyStore(options.db);
    repo.onEvaluation(outboxHook());
    const reevaluator = new Reevaluator({ db: options.db, repo, policies, data: options.data ?? { cacheDir: '' }, logger, ...(options.env ? { env: options.env } : {}) });
    await reevaluator.recover();
    await reevaluator.checkPolicyChanges();
    const deliverer = options.notifications === false ? undefined : new Deliverer({ db: options.db, logger, ...options.notifications });
    const subscriptions = new Subscriptions(options.db);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    // Node checks the headers and request time-outs every connectionsCheckingInterval (30 s by default): often enough
    // here that a time-out means what it says.
    const serverTimeouts = {
        headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(timeouts.headersMs / 2))),
    };
    const app = fastify_default()({
        http: serverTimeouts,
        logger: false,
        bodyLimit: limits.maxBodyBytes,
        routerOptions: { maxParamLength: 200 },
        connectionTimeout: timeouts.idleMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert, ...serverTimeouts } } : {}),
    });
    await app.register((multipart_default()), { limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes }, throwFileSizeLimit: true });
    app.setErrorHandler((error, _req, reply) => {
        let status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
        let message = error.message;
        if (error.code === 'FST_REQ_FILE_TOO_LARGE')
            message = `a file is over the ${limits.maxFileBytes}-byte limit`;
        if (error.code === 'FST_FILES_LIMIT')
            message = 'too many files in the form';
        if (error.code === 'FST_FIELDS_LIMIT' || error.code === 'FST_PARTS_LIMIT')
            message = 'too many fields in the form';
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
            message = `the body is over the ${limits.maxBodyBytes}-byte limit`;
        if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
            status = 415;
            message = 'expected multipart/form-data';
        }
        if (status >= 500) {
            logger.error(`store: ${error.stack ?? error.message}`);
            message = 'internal error';
        }
        void reply.status(status).send({ code: status, message });
    });
    const watchOptions = options.watch === false ? {} : (options.watch ?? {});
    const watcher = new Watcher({
        db: options.db,
        repo,
        policies,
        cacheDir: options.data?.cacheDir ?? '',
        logger,
        ...(options.env ? { env: options.env } : {}),
        ...watchOptions,
        onEvaluation: () => deliverer?.kick(),
    });
    SERVICES.set(app, { repo, policies, reevaluator, deliverer, watcher });
    if (options.watch !== false)
        watcher.start();
    deliverer?.start();
    const policyTimer = setInterval(() => {
        reevaluator.checkPolicyChanges().catch((e) => logger.warning(`store: checking policies: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
    }, options.policyPollMs ?? 5000);
    policyTimer.unref();
    app.addHook('onClose', async () => {
        clearInterval(policyTimer);
        await deliverer?.stop();
        await watcher.close();
        await reevaluator.close();
    });
    app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.setNotFoundHandler((req, reply) => {
        void reply.status(404).send({ code: 404, message: `no route ${req.method} ${req.url.split('?')[0]}` });
    });
    const needs = (scope) => async (req, reply) => {
        if (scope === 'read' && options.openRead)
            return;
        const header = req.headers.authorization ?? '';
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m) {
            void reply.header('www-authenticate', 'Bearer').status(401).send({ code: 401, message: 'a bearer token is required' });
            return reply;
        }
        const scopes = await scopesOf(options.db, m[1]);
        if (!scopes) {
            void reply.header('www-authenticate', 'Bearer error="invalid_token"').status(401).send({ code: 401, message: 'unknown or revoked token' });
            return reply;
        }
        if (!scopes.includes(scope)) {
            void reply.status(403).send({ code: 403, message: `this token lacks the "${scope}" scope` });
            return reply;
        }
        return undefined;
    };
    const sendFile = async (reply, id) => {
        const file = UUID_RE.test(id) ? await repo.getFile(id) : undefined;
        if (!file)
            throw new HttpError(404, 'No runtime compliance results found');
        return reply
            .header('content-type', file.meta.content_type)
            .header('content-length', String(file.meta.size))
            .header('content-disposition', `attachment; filename="${safeFileName(file.meta.name, 'file')}"`)
            .header('x-content-type-options', 'nosniff')
            // Uploaded HTML (an OpenSCAP report) is shown sandboxed: no script runs with the store's origin.
            .header('content-security-policy', 'sandbox')
            .header('etag', `"${file.meta.sha256}"`)
            .send(file.stream);
    };
    app.get('/healthz', async () => ({ status: 'ok' }));
    for (const base of COMPLIANCE_BASES) {
        app.post(base, { onRequest: needs('push') }, async (req, reply) => {
            const key = idempotencyHeader(req);
            const form = await readForm(req, { fields: ['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'], files: ['result_file', 'report_file'] }, limits);
            const f = form.fields;
            const checkType = f.get('check_type');
            if (!checkType)
                throw new HttpError(400, 'check_type is required');
            if (!/^[a-z0-9_-]{1,64}$/.test(checkType))
                throw new HttpError(400, 'check_type must be 1–64 characters of a-z 0-9 _ -');
            const result = f.get('result') || undefined;
            if (result !== undefined && !RESULTS.includes(result))
                throw new HttpError(400, `result must be one of ${RESULTS.join(', ')}`);
            const input = {
                check_type: checkType,
                image_digest: requireDigest(f.get('image_digest')),
                ...(result ? { result } : {}),
                ...server_opt('pod', optionalText(f.get('pod'), 'pod')),
                ...server_opt('namespace', optionalText(f.get('namespace'), 'namespace')),
                ...server_opt('image_tag', optionalText(f.get('image_tag'), 'image_tag', 512)),
                ...server_opt('start_time', optionalTime(f.get('start_time'), 'start_time')),
                ...server_opt('end_time', optionalTime(f.get('end_time'), 'end_time')),
                ...server_opt('result_file', form.files.get('result_file')),
                ...server_opt('report_file', form.files.get('report_file')),
                ...server_opt('idempotencyKey', key),
            };
            const { record, duplicate } = await repo.createCompliance(input);
            return reply.status(duplicate ? 200 : 200).send(record);
        });
        app.get(base, { onRequest: needs('read') }, async (req, reply) => {
            const q = req.query;
            const list = await repo.listCompliance({
                ...server_opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
                ...server_opt('namespace', q.namespace),
                ...server_opt('pod', q.pod),
                ...server_opt('check_type', q.check_type),
                ...server_opt('since', optionalTime(q.since ?? q.start_time, 'since')),
                ...server_opt('until', optionalTime(q.until ?? q.end_time, 'until')),
                ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
            });
            // Anchore answers 404 when there are none.
            if (list.length === 0)
                return reply.status(404).send({ code: 404, message: 'No runtime compliance checks found' });
            return list;
        });
        app.get(`${base}/result/:fileId`, { onRequest: needs('read') }, async (req, reply) => sendFile(reply, req.params.fileId));
        app.get(`${base}/:id`, { onRequest: needs('read') }, async (req) => {
            const id = req.params.id;
            const rec = UUID_RE.test(id) ? await repo.getCompliance(id) : undefined;
            if (!rec)
                throw new HttpError(404, 'No runtime compliance check found');
            return rec;
        });
    }
    app.post('/v2/evaluations', { onRequest: needs('push') }, async (req, reply) => {
        const header = idempotencyHeader(req);
        const form = await readForm(req, { fields: ['image_digest', 'image_tag', 'commit', 'pipeline_run'], files: ['report', 'sbom', 'sarif'] }, limits);
        const digest = requireDigest(form.fields.get('image_digest'));
        const reportFile = form.files.get('report');
        if (!reportFile)
            throw new HttpError(400, 'report is required (the JSON ScanReport)');
        const summary = summariseReport(parseJsonFile(reportFile, 'report'));
        const sbom = form.files.get('sbom');
        if (sbom)
            parseJsonFile(sbom, 'sbom');
        const sarif = form.files.get('sarif');
        if (sarif) {
            const s = parseJsonFile(sarif, 'sarif');
            if (s?.version !== '2.1.0')
                throw new HttpError(400, 'sarif must be SARIF 2.1.0 (version "2.1.0")');
        }
        const imageTag = optionalText(form.fields.get('image_tag'), 'image_tag', 512) ?? summary.repoTag;
        const split = imageTag ? splitTag(imageTag) : undefined;
        const { record, duplicate } = await repo.ingestEvaluation({
            image_digest: digest,
            ...server_opt('repository', split?.repository),
            ...server_opt('tag', split?.tag),
            ...server_opt('commit', optionalText(form.fields.get('commit'), 'commit', 128)),
            ...server_opt('pipeline_run', optionalText(form.fields.get('pipeline_run'), 'pipeline_run', 512)),
            decision: summary.decision,
            counts: summary.counts,
            report: { ...reportFile, contentType: 'application/json' },
            ...server_opt('sbom', sbom ? { ...sbom, contentType: 'application/json' } : undefined),
            ...server_opt('sarif', sarif ? { ...sarif, contentType: 'application/sarif+json' } : undefined),
            idempotencyKey: header ?? evaluationKey(form.fields, form.files),
            parsedReport: summary.parsed,
        });
        if (!duplicate)
            deliverer?.kick();
        return reply.status(duplicate ? 200 : 201).send(record);
    });
    app.get('/v2/evaluations', { onRequest: needs('read') }, async (req) => {
        const q = req.query;
        return repo.listEvaluations({
            ...server_opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
            ...server_opt('repository', q.repository),
            ...server_opt('tag', q.tag),
            ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
        });
    });
    app.get('/v2/evaluations/latest', { onRequest: needs('read') }, async () => repo.latestEvaluations());
    app.get('/v2/images/:digest/evaluations', { onRequest: needs('read') }, async (req) => repo.listEvaluations({ image_digest: requireDigest(req.params.digest) }));
    app.get('/v2/evaluations/:id', { onRequest: needs('read') }, async (req) => {
        const id = req.params.id;
        const rec = UUID_RE.test(id) ? await repo.getEvaluation(id) : undefined;
        if (!rec)
            throw new HttpError(404, 'No evaluation found');
        const q = req.query;
        const links = {
            report: `/v2/evaluations/${rec.id}/files/report`,
            ...(rec.files.sbom ? { sbom: `/v2/evaluations/${rec.id}/files/sbom` } : {}),
            ...(rec.files.sarif ? { sarif: `/v2/evaluations/${rec.id}/files/sarif` } : {}),
        };
        if (q.embed !== 'true')
            return { ...rec, links };
        const embed = async (fileId) => {
            if (!fileId)
                return null;
            const f = await repo.getFile(fileId);
            if (!f)
                return null;
            const chunks = [];
            for await (const c of f.stream)
                chunks.push(c);
            return JSON.parse(Buffer.concat(chunks).toString('utf8'));
        };
        return { ...rec, links, sbom: await embed(rec.files.sbom), sarif: await embed(rec.files.sarif) };
    });
    app.get('/v2/evaluations/:id/files/:kind', { onRequest: needs('read') }, async (req, reply) => {
        const { id, kind } = req.params;
        if (kind !== 'report' && kind !== 'sbom' && kind !== 'sarif')
            throw new HttpError(404, `no file "${kind}"; files: report, sbom, sarif`);
        const rec = UUID_RE.test(id) ? await repo.getEvaluation(id) : undefined;
        const fileId = rec?.files[kind];
        if (!fileId)
            throw new HttpError(404, `No ${kind} for this evaluation`);
        return sendFile(reply, fileId);
    });
    app.put('/v2/policies/:name', { onRequest: needs('admin') }, async (req, reply) => {
        const name = req.params.name;
        if (!NAME_RE.test(name))
            throw new HttpError(400, 'a policy name is 1–128 characters of A-Z a-z 0-9 . _ - (starting with a letter or digit)');
        const text = typeof req.body === 'string' ? req.body : req.body === undefined ? '' : JSON.stringify(req.body);
        if (!text.trim())
            throw new HttpError(400, 'the body must be a policy bundle (JSON or YAML)');
        let result;
        try {
            result = await policies.set(name, text, `policy ${name}`);
        }
        catch (error) {
            if (error instanceof policy_bundle/* PolicyValidationError */.e9 || error instanceof common_errors/* ConfigurationError */.j1)
                throw new HttpError(400, (0,common_errors/* getErrorMessage */.u1)(error).split('\n').slice(0, 20).join('\n'));
            throw error;
        }
        const job = result.changed ? (await reevaluator.checkPolicyChanges()).get(name) : undefined;
        return reply.status(200).send({ ...result.policy, changed: result.changed, ...(job ? { job: { id: job.id, href: `/v2/jobs/${job.id}` } } : {}) });
    });
    app.get('/v2/policies', { onRequest: needs('read') }, async () => policies.list());
    app.get('/v2/policies/:name', { onRequest: needs('read') }, async (req) => {
        const found = await policies.get(req.params.name);
        if (!found)
            throw new HttpError(404, 'No policy with this name');
        return { name: found.name, bundle_digest: found.digest, bundle: JSON.parse(found.content) };
    });
    app.post('/v2/admin/refresh', { onRequest: needs('admin') }, async (_req, reply) => {
        if (!options.data?.cacheDir)
            throw new HttpError(409, 'this store has no vulnerability database configured (serve --db-cache-dir)');
        const job = await reevaluator.startRefresh();
        return reply.status(202).header('location', `/v2/jobs/${job.id}`).send({ id: job.id, state: job.state, href: `/v2/jobs/${job.id}` });
    });
    app.get('/v2/jobs/:id', { onRequest: needs('read') }, async (req) => {
        const id = req.params.id;
        const job = UUID_RE.test(id) ? await reevaluator.getJob(id) : undefined;
        if (!job)
            throw new HttpError(404, 'No job found');
        return job;
    });
    app.post('/v2/subscriptions', { onRequest: needs('admin') }, async (req, reply) => {
        let parsed;
        try {
            parsed = parseSubscription(req.body);
        }
        catch (error) {
            if (error instanceof SubscriptionError)
                throw new HttpError(400, error.message);
            throw error;
        }
        return reply.status(201).send(publicSubscription(await subscriptions.create(parsed)));
    });
    app.get('/v2/subscriptions', { onRequest: needs('admin') }, async () => (await subscriptions.list()).map(publicSubscription));
    app.get('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req) => {
        const id = req.params.id;
        const sub = UUID_RE.test(id) ? await subscriptions.get(id) : undefined;
        if (!sub)
            throw new HttpError(404, 'No subscription found');
        return publicSubscription(sub);
    });
    app.delete('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req, reply) => {
        const id = req.params.id;
        if (!UUID_RE.test(id) || !(await subscriptions.delete(id)))
            throw new HttpError(404, 'No subscription found');
        return reply.status(204).send();
    });
    app.post('/v2/watches', { onRequest: needs('admin') }, async (req, reply) => {
        let spec;
        try {
            spec = parseWatch(req.body, watcher.minIntervalMs);
        }
        catch (error) {
            if (error instanceof WatchError)
                throw new HttpError(400, error.message);
            throw error;
        }
        const { watch, created } = await watcher.create(spec);
        if (!created)
            return reply.status(409).header('location', `/v2/watches/${watch.id}`).send({ code: 409, message: `a watch of ${watch.repository} tags ${watch.tags} exists: ${watch.id}`, id: watch.id });
        return reply.status(201).header('location', `/v2/watches/${watch.id}`).send(watch);
    });
    app.get('/v2/watches', { onRequest: needs('admin') }, async () => watcher.list());
    app.get('/v2/watches/:id', { onRequest: needs('admin') }, async (req) => {
        const id = req.params.id;
        const watch = UUID_RE.test(id) ? await watcher.get(id) : undefined;
        if (!watch)
            throw new HttpError(404, 'No watch found');
        return watch;
    });
    app.delete('/v2/watches/:id', { onRequest: needs('admin') }, async (req, reply) => {
        const id = req.params.id;
        if (!UUID_RE.test(id) || !(await watcher.delete(id)))
            throw new HttpError(404, 'No watch found');
        return reply.status(204).send();
    });
    app.get('/v2/notifications', { onRequest: needs('admin') }, async (req) => {
        const q = req.query;
        if (q.state && !['pending', 'delivered', 'failed'].includes(q.state))
            throw new HttpError(400, 'state must be pending, delivered or failed');
        return listNotifications(options.db, {
            ...server_opt('subscription_id', q.subscription_id),
            ...server_opt('state', q.state),
            ...server_opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
        });
    });
    app.get('/', { onRequest: needs('read') }, async (_req, reply) => {
        const latest = await repo.latestEvaluations();
        const compliance = await repo.listCompliance({ limit: 1000 });
        return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(renderPage(latest, compliance));
    });
    return app;
}
function server_opt(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/cli/commands/serve.ts











function serve_location(opts, ctx) {
    return {
        dataDir: opts.dataDir,
        ...((opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE) ? { database: opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE } : {}),
        ...(opts.filesDir ? { filesDir: opts.filesDir } : {}),
        s3: { ...(opts.s3Endpoint ? { endpoint: opts.s3Endpoint } : {}), ...(opts.s3Region ? { region: opts.s3Region } : {}) },
    };
}
function addStoreOptions(cmd) {
    return cmd
        .option('--data-dir <dir>', 'where the SQLite file and the files live', 'portcullis-store')
        .option('--database <url-or-path>', 'a postgres:// URL, or a SQLite file (default: DATA_DIR/store.sqlite; env PORTCULLIS_STORE_DATABASE)')
        .option('--files-dir <dir-or-s3-url>', 'where uploaded files go: a directory, or s3://BUCKET/PREFIX (default: DATA_DIR/files)')
        .option('--s3-endpoint <url>', 'S3-compatible endpoint (MinIO, …); path-style addressing. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY')
        .option('--s3-region <region>', 'S3 region (default AWS_REGION or us-east-1)');
}
function parseListen(text) {
    const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
    const port = m ? Number(m[3]) : NaN;
    if (!m || !(port >= 0 && port < 65536))
        throw new common_errors/* ConfigurationError */.j1(`--listen "${text}" is not HOST:PORT or PORT`);
    return { host: m[1] || m[2] || '127.0.0.1', port };
}
function parseBytes(text, flag) {
    const m = /^(\d+)\s*(k|m|g)?i?b?$/i.exec(text.trim());
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is not a size (e.g. 50MB, 512KB, 1048576)`);
    const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
    return Number(m[1]) * unit;
}
async function readTls(certFile, keyFile) {
    if (!certFile && !keyFile)
        return undefined;
    if (!certFile || !keyFile)
        throw new common_errors/* ConfigurationError */.j1('--tls-cert and --tls-key go together');
    const read = async (file, flag, marker) => {
        let data;
        try {
            data = await (0,promises_.readFile)(file);
        }
        catch (error) {
            throw new common_errors/* ConfigurationError */.j1(`${flag}: cannot read ${file}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
        }
        if (!marker.test(data.toString('latin1')))
            throw new common_errors/* ConfigurationError */.j1(`${flag}: ${file} is not a PEM file`);
        return data;
    };
    const cert = await read(certFile, '--tls-cert', /-----BEGIN CERTIFICATE-----/);
    const key = await read(keyFile, '--tls-key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    try {
        (0,external_node_tls_.createSecureContext)({ cert, key });
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`--tls-cert / --tls-key: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return { cert, key };
}
/** `90s`, `30m`, `6h`, `1d` (at least 10 seconds). */
function parseInterval(text, flag) {
    const m = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
    if (!m)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is not an interval (e.g. 30m, 6h, 1d)`);
    const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2].toLowerCase()];
    if (ms < 10_000)
        throw new common_errors/* ConfigurationError */.j1(`${flag} "${text}" is under 10 seconds`);
    return ms;
}
/**
 * `--registry-credentials FILE`: a docker config.json for the store's registry watches. The credential lookup reads
 * DIR/config.json, so a file by another name is reached through a private directory holding a symlink to it (the
 * file stays where it is, and an update to it is seen).
 */
async function registryCredentialsDir(file) {
    const path = (0,external_node_path_.resolve)(file);
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new common_errors/* ConfigurationError */.j1(`--registry-credentials: cannot read ${file} as a docker config.json: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new common_errors/* ConfigurationError */.j1(`--registry-credentials: ${file} is not a docker config.json (a JSON object with "auths")`);
    if ((0,external_node_path_.basename)(path) === 'config.json')
        return (0,external_node_path_.dirname)(path);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'portcullis-registry-credentials-'));
    await (0,promises_.symlink)(path, (0,external_node_path_.join)(dir, 'config.json'));
    return dir;
}
function isLoopback(host) {
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
const serveCommand = {
    id: 'serve',
    register(program, ctx) {
        const serve = addStoreOptions(program
            .command('serve')
            .description("run the central store: Anchore's runtime-compliance API, evaluations, and a small web page")
            .option('--listen <host:port>', 'address to listen on', '127.0.0.1:8228')
            .option('--max-file-size <size>', 'largest accepted file', `${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024}MB`)
            .option('--open-read', 'serve reads (lists, files, the page) without a token; pushes still need one')
            .option('--tls-cert <pem>', 'serve HTTPS directly with this certificate (chain) file; with --tls-key')
            .option('--tls-key <pem>', 'the private key of --tls-cert')
            .option('--db-refresh <interval>', 'refresh the vulnerability database this often (30m, 6h, 1d) and re-evaluate every stored image when it changed')
            .option('--db-cache-dir <dir>', 'the store\'s vulnerability database (default: as db update, $PORTCULLIS_CACHE_DIR or ~/.cache/portcullis)')
            .option('--db-url <url>', 'refresh from the OSV bucket layout at this URL, as db update --db-url (or $PORTCULLIS_DB_URL)')
            .option('--db-repository [ref]', `refresh the compiled database from this OCI repository, as db update --db-repository (bare flag: ${artifact/* DEFAULT_DB_REPOSITORY */.ax})`)
            .option('--insecure-registry <host...>', 'plain-http registries for --db-repository and watches (localhost is always plain http)')
            .option('--registry-credentials <file>', 'a docker config.json with the credentials for watched registries (default: DOCKER_CONFIG or ~/.docker)')).action(async (opts) => {
            const { host, port } = parseListen(opts.listen);
            const refreshMs = opts.dbRefresh ? parseInterval(opts.dbRefresh, '--db-refresh') : undefined;
            const dbUrl = opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL;
            const dbRepository = opts.dbRepository === true ? artifact/* DEFAULT_DB_REPOSITORY */.ax : (opts.dbRepository ?? (dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
            if (dbUrl && dbRepository)
                throw new common_errors/* ConfigurationError */.j1('--db-repository replaces the whole database; do not combine it with --db-url');
            const data = {
                cacheDir: opts.dbCacheDir ?? (0,store/* defaultCacheDir */.$g)(ctx.env),
                ...(dbUrl ? { dbUrl } : {}),
                ...(dbRepository ? { dbRepository } : {}),
                ...(opts.insecureRegistry ? { registry: { insecureRegistries: opts.insecureRegistry } } : {}),
            };
            const tls = await readTls(opts.tlsCert, opts.tlsKey);
            const dockerConfigDir = opts.registryCredentials ? await registryCredentialsDir(opts.registryCredentials) : undefined;
            const watch = { registry: { ...(dockerConfigDir ? { dockerConfigDir } : {}), ...(opts.insecureRegistry ? { insecureRegistries: opts.insecureRegistry } : {}) } };
            const maxFileBytes = parseBytes(opts.maxFileSize, '--max-file-size');
            if (opts.openRead) {
                ctx.logger.warning('--open-read: anyone who can reach this address can read every stored report, SBOM, SARIF and compliance file without a token');
            }
            const { db, files } = await openStore(serve_location(opts, ctx));
            const app = await buildStoreServer({ db, files, logger: ctx.logger, env: ctx.env, data, openRead: Boolean(opts.openRead), limits: { maxFileBytes }, watch, ...(tls ? { tls } : {}) });
            try {
                await app.listen({ host, port });
            }
            catch (error) {
                await db.close();
                throw new common_errors/* ConfigurationError */.j1(`cannot listen on ${opts.listen}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
            const addr = app.server.address();
            const actual = typeof addr === 'object' && addr ? addr.port : port;
            ctx.logger.info(`portcullis store listening on ${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actual} (database ${db.label}, files ${files.label})`);
            if (!tls && !isLoopback(host)) {
                ctx.logger.warning(`serving plain HTTP on ${host}: tokens and reports cross the network in clear; put it behind a TLS proxy or give --tls-cert and --tls-key`);
            }
            let refreshTimer;
            if (refreshMs) {
                ctx.logger.info(`refreshing the vulnerability database in ${data.cacheDir} every ${opts.dbRefresh}`);
                const { reevaluator } = storeServices(app);
                const tick = () => void reevaluator.startRefresh().catch((e) => ctx.logger.warning(`store: cannot start a refresh: ${(0,common_errors/* getErrorMessage */.u1)(e)}`));
                tick();
                refreshTimer = setInterval(tick, refreshMs);
            }
            await new Promise((resolve) => {
                const stop = () => resolve();
                process.once('SIGINT', stop);
                process.once('SIGTERM', stop);
            });
            clearInterval(refreshTimer);
            ctx.logger.info('stopping: finishing requests in flight');
            await app.close();
            await db.close();
        });
        const policy = serve.command('policy').description('manage the store\'s policy bundles (a change re-evaluates the images the policy decides)');
        policy
            .command('set')
            .description('store a bundle (JSON or YAML) under NAME; a running serve notices the change and re-evaluates')
            .argument('<name>')
            .argument('<file>')
            .action(async (name, file, _o, cmd) => {
            const opts = cmd.optsWithGlobals();
            let text;
            try {
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (error) {
                throw new common_errors/* ConfigurationError */.j1(`cannot read policy bundle ${file}: ${(0,common_errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const { policy: p, changed } = await new PolicyStore(db).set(name, text, file);
                ctx.out(`${changed ? 'set' : 'unchanged'} policy ${p.name}: bundle ${p.bundle_id} ${p.bundle_digest}\n`);
            }
            finally {
                await db.close();
            }
        });
        policy
            .command('list')
            .description('list the stored policies')
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                for (const p of await new PolicyStore(db).list())
                    ctx.out(`${p.name}  ${p.bundle_id}  ${p.bundle_digest}  ${p.updated_at}\n`);
            }
            finally {
                await db.close();
            }
        });
        // The store options are `serve`'s own (commander gives a parent's options to it wherever they appear), so the
        // token commands read them with optsWithGlobals.
        const token = serve.command('token').description('manage the bearer tokens of the store (with serve\'s --data-dir / --database)');
        token
            .command('create')
            .description('create a token and print it once (only its hash is stored)')
            .requiredOption('--name <name>', 'what the token is for (e.g. ci-main)')
            .option('--scope <scopes>', 'comma-separated: push, read, admin (policies, subscriptions, refreshes)', 'push')
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const scopes = parseScopes(opts.scope);
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const { token: secret, info } = await createToken(db, opts.name, scopes);
                ctx.logger.info(`created token ${info.id} "${info.name}" with scopes ${info.scopes.join(', ')}`);
                ctx.out(`${secret}\n`);
            }
            finally {
                await db.close();
            }
        });
        token
            .command('revoke')
            .description('revoke a token by id or name')
            .argument('<id-or-name>')
            .action(async (idOrName, _o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                const n = await revokeToken(db, idOrName);
                if (n === 0)
                    throw new common_errors/* ConfigurationError */.j1(`no live token with id or name "${idOrName}"`);
                ctx.out(`revoked ${n} token${n === 1 ? '' : 's'}\n`);
            }
            finally {
                await db.close();
            }
        });
        token
            .command('list')
            .description('list tokens (never their secrets)')
            .action(async (_o, cmd) => {
            const opts = cmd.optsWithGlobals();
            const db = await openDatabase(serve_location(opts, ctx));
            try {
                for (const t of await listTokens(db))
                    ctx.out(`${t.id}  ${t.name}  ${t.scopes.join(',')}  ${t.revoked_at ? `revoked ${t.revoked_at}` : 'live'}\n`);
            }
            finally {
                await db.close();
            }
        });
    },
};

// EXTERNAL MODULE: ./src/version/list.ts + 13 modules
var version_list = __webpack_require__(29561);
// EXTERNAL MODULE: ./src/version/scheme.ts
var version_scheme = __webpack_require__(83401);
;// CONCATENATED MODULE: ./src/cli/commands/version.ts



const SYMBOL = { [-1]: '<', 0: '=', 1: '>' };
/** One line per scheme: id, aliases, description. */
function describeSchemes() {
    const schemes = version_list/* VERSION_SCHEMES */.OE.all();
    const width = Math.max(...schemes.map((s) => s.id.length));
    return schemes
        .map((s) => `  ${s.id.padEnd(width)}  ${s.description ?? ''}${s.aliases.length ? ` (aliases: ${s.aliases.join(', ')})` : ''}`)
        .join('\n');
}
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/** Compares `A B` pairs, one per line; a bad line is a ConfigurationError naming its line number. */
function compareBatch(scheme, text) {
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const fields = lines[i].trim().split(/\s+/).filter((f) => f !== '');
        if (fields.length !== 2) {
            throw new common_errors/* ConfigurationError */.j1(`line ${i + 1}: expected two versions "A B", found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
        }
        try {
            out.push(SYMBOL[scheme.compare(fields[0], fields[1])]);
        }
        catch (error) {
            if (error instanceof version_scheme/* InvalidVersionError */.eV)
                throw new common_errors/* ConfigurationError */.j1(`line ${i + 1}: ${error.message}`, { cause: error });
            throw error;
        }
    }
    return out.length ? `${out.join('\n')}\n` : '';
}
function resolveScheme(name, ctx) {
    const scheme = (0,version_list/* getScheme */.my)(name);
    if (scheme.fallback)
        ctx.logger.warning(`"${scheme.id}" is the fallback scheme: its order is a guess, not an ecosystem's rule`);
    return scheme;
}
const versionCommand = {
    id: 'version',
    register(program, ctx) {
        const version = program
            .command('version')
            .description('compare versions the way the matcher does ("why didn\'t this match?")')
            .addHelpText('after', () => `\nVersion schemes:\n${describeSchemes()}\n`);
        version
            .command('compare')
            .description('compare A with B in SCHEME and print <, = or >; with --batch, read "A B" pairs from stdin')
            .argument('<scheme>', 'a version scheme id or alias (see below)')
            .argument('[a]', 'the first version')
            .argument('[b]', 'the second version')
            .option('--batch', 'read "A B" pairs from stdin, one per line, and print one result per line')
            .addHelpText('after', () => `\nVersion schemes:\n${describeSchemes()}\n`)
            .action(async (schemeName, a, b, opts) => {
            const scheme = resolveScheme(schemeName, ctx);
            if (opts.batch) {
                if (a !== undefined)
                    throw new common_errors/* ConfigurationError */.j1('with --batch, give only the scheme: the pairs come from stdin');
                ctx.out(compareBatch(scheme, await readAll(ctx.stdin)));
                return;
            }
            if (a === undefined || b === undefined)
                throw new common_errors/* ConfigurationError */.j1('version compare needs SCHEME A B (or --batch)');
            ctx.out(`${SYMBOL[scheme.compare(a, b)]}\n`);
        });
        version
            .command('schemes')
            .description('list the version schemes and their aliases')
            .action(() => {
            ctx.out(`${describeSchemes()}\n`);
        });
    },
};

;// CONCATENATED MODULE: ./src/cli/list.ts










/** Every top-level command, in `--help` order. */
const CLI_COMMANDS = [scan.scanCommand, compareCommand, sbom.sbomCommand, imageCommand, versionCommand, dbCommand, policyCommand, push/* pushCommand */.Wf, complianceCommand, serveCommand];


/***/ })

};
