export const id = 420;
export const ids = [420,18,866];
export const modules = {

/***/ 87420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  complianceCommand: () => (/* binding */ complianceCommand),
  parseApi: () => (/* binding */ parseApi),
  readComplianceFile: () => (/* binding */ readComplianceFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/publish/compliance.ts
var publish_compliance = __webpack_require__(65348);
// EXTERNAL MODULE: ./src/publish/target.ts
var publish_target = __webpack_require__(47018);
// EXTERNAL MODULE: ./src/publish/spool.ts
var spool = __webpack_require__(62744);
// EXTERNAL MODULE: ./src/cli/commands/push.ts
var push = __webpack_require__(58485);
// EXTERNAL MODULE: ./src/cli/source-options.ts
var source_options = __webpack_require__(90166);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/image/open.ts + 22 modules
var image_open = __webpack_require__(21321);
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
        throw new errors/* ConfigurationError */.j1(`the XCCDF results are not XML: ${error instanceof Error ? error.message : String(error)}`);
    }
    const testResult = find(doc, 'TestResult');
    if (!testResult)
        throw new errors/* ConfigurationError */.j1('the XCCDF results have no TestResult');
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
        throw new errors/* ConfigurationError */.j1(`${ovalName} has no OVAL definition ${definition} to remap ${cpe} to`);
    const itemRe = new RegExp(`(<cpe-dict:cpe-item name="${cpe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">[\\s\\S]*?<cpe-dict:check [^>]*>)([^<]+)(</cpe-dict:check>)`);
    if (!itemRe.test(dict))
        throw new errors/* ConfigurationError */.j1(`${dictName} has no CPE ${cpe} with a check`);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(workDir, dictName), dict.replace(itemRe, `$1${definition}$3`));
    (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(contentDir, ovalName), (0,external_node_path_.join)(workDir, ovalName));
    return (0,external_node_path_.join)(workDir, dictName);
}
/** Picks the SSG content for the image's OS, remapping a newer Debian onto the newest Debian content there is. */
function selectContent(os, workDir, contentDir = SSG_CONTENT_DIR) {
    if (!os)
        throw new errors/* ConfigurationError */.j1('the image has no /etc/os-release, so no SCAP content can be chosen; give --datastream');
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
    throw new errors/* ConfigurationError */.j1(`no SCAP Security Guide content for ${os.id} ${os.versionId ?? ''} in ${contentDir} (apt-get install ssg-debian, ssg-debderived, …); give --datastream`.replace('  ', ' '));
}
/** Runs `oscap-chroot` and parses the results. Exit codes: 0 all passed, 2 some failed, 1 an error. */
async function runOscapChroot(options) {
    if (process.getuid?.() !== 0)
        throw new errors/* ConfigurationError */.j1('oscap-chroot needs root (it reads the unpacked tree as its owners)');
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
        child.on('error', (e) => reject(e.code === 'ENOENT' ? new errors/* ConfigurationError */.j1(`${command} is not installed (apt-get install openscap-utils openscap-scanner)`) : e));
        child.on('close', (c, signal) => resolve({ code: c ?? (signal ? 128 : 1), stderr: err }));
    });
    if (code !== 0 && code !== 2) {
        const firstLine = stderr.split('\n').find((l) => l.trim()) ?? '';
        throw new errors/* ConfigurationError */.j1(`oscap failed (exit ${code}) on ${(0,external_node_path_.basename)(options.datastream)} profile ${options.profile}: ${firstLine}`);
    }
    if (!(0,external_node_fs_.existsSync)(results))
        throw new errors/* ConfigurationError */.j1(`oscap exited ${code} but wrote no results in ${(0,external_node_path_.dirname)(results)}`);
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
    (0,push.addTargetOptions)((0,source_options/* addSourceOptions */.F6)(compliance
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
            throw new errors/* ConfigurationError */.j1(`--api "${opts.api}": use v1, v2 or auto`);
        const target = (0,publish_target.targetFrom)({ ...opts, timeout: undefined }, ctx.env);
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
                throw new errors/* ConfigurationError */.j1('the image has no manifest digest to push the check under');
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
                if (opts.storeFailOnError || !(error instanceof errors/* RemoteError */.Hi))
                    throw error;
                // Never silent: the files stay in --output-dir for `portcullis compliance push`.
                ctx.logger.warning(`compliance push failed: ${(0,errors/* getErrorMessage */.u1)(error)}; the files are in ${opts.outputDir} (push them with portcullis compliance push)`);
            }
        }
        if (summary.result === 'error')
            throw new errors/* ConfigurationError */.j1(`compliance check did not run: ${summary.reason}`);
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
        throw new errors/* ConfigurationError */.j1(`cannot read the ${what} ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
}
function parseApi(v) {
    if (v !== 'v1' && v !== 'v2' && v !== 'auto')
        throw new errors/* ConfigurationError */.j1(`--api "${v}": use v1, v2 or auto`);
    return v;
}
const complianceCommand = {
    id: 'compliance',
    register(program, ctx) {
        const compliance = program.command('compliance').description("runtime compliance: run OpenSCAP on an image, push checks to Anchore's runtime-compliance API or our store");
        (0,push.addTargetOptions)(compliance
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
            .option('--api <v1|v2|auto>', 'v1: /v1/enterprise/runtime_compliance; v2: /v2/runtime-compliance; auto: v2, then v1 on 404', 'auto')
            .option('--spool-dir <dir>', 'where failed pushes wait for the next push (env PORTCULLIS_SPOOL_DIR)')
            .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning and spooling only (as on push)')).action(async (opts) => {
            if (opts.result !== undefined && opts.result !== 'pass' && opts.result !== 'fail')
                throw new errors/* ConfigurationError */.j1(`--result "${opts.result}": use pass or fail`);
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
            const target = (0,publish_target.targetFrom)(opts, ctx.env);
            if (!target)
                throw new errors/* ConfigurationError */.j1('no server configured: give --store-url or PORTCULLIS_STORE_URL');
            const files = {};
            if (opts.resultFile)
                files.result_file = await readComplianceFile(opts.resultFile, 'result file');
            if (opts.reportFile)
                files.report_file = await readComplianceFile(opts.reportFile, 'report file');
            const options = { spool: new spool/* Spool */.QX((0,push.spoolDirOf)(opts.spoolDir, ctx.env)), url: target.url, logger: ctx.logger };
            // What earlier pushes spooled goes first, so the server sees the checks in order.
            await (0,spool/* retrySpooledCompliance */.u3)(target, options);
            const res = await (0,spool/* publishCompliance */.L6)(target, { api, check: valid, files }, options);
            if (res.status === 'spooled') {
                ctx.out(`${JSON.stringify(res, null, 2)}\n`);
                if (opts.storeFailOnError)
                    throw new errors/* RemoteError */.Hi(`compliance push failed (spooled to ${res.spoolPath}): ${res.error}`);
                return;
            }
            ctx.logger.info(`pushed the ${valid.check_type} check through the ${res.api} API`);
            ctx.out(`${JSON.stringify(res.check, null, 2)}\n`);
        });
        registerOscap(compliance, ctx);
    },
};


/***/ }),

/***/ 58485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addTargetOptions: () => (/* binding */ addTargetOptions),
/* harmony export */   pushCommand: () => (/* binding */ pushCommand),
/* harmony export */   spoolDirOf: () => (/* binding */ spoolDirOf)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _publish_compliance_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65348);
/* harmony import */ var _publish_list_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65655);
/* harmony import */ var _publish_sink_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22568);
/* harmony import */ var _publish_spool_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62744);
/* harmony import */ var _publish_target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47018);
/* harmony import */ var _scan_store_push_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(65561);









function addTargetOptions(cmd, options = {}) {
    const c = cmd
        .option('--store-url <url>', 'the server (env PORTCULLIS_STORE_URL)')
        .option('--store-token <token>', 'bearer token for our store (env PORTCULLIS_STORE_TOKEN)')
        .option('--username <name>', 'Anchore Enterprise user (env PORTCULLIS_STORE_USERNAME)')
        .option('--password <password>', 'Anchore Enterprise password (env PORTCULLIS_STORE_PASSWORD)')
        .option('--account <account>', 'Anchore account, sent as x-anchore-account (env PORTCULLIS_STORE_ACCOUNT)');
    return options.timeout === false ? c : c.option('--timeout <seconds>', 'per-request timeout', '30');
}
async function readPayloadFile(path, contentType, what) {
    try {
        return { name: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path), data: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path), contentType };
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot read the ${what} ${path}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
}
/**
 * The digest and tag a report keys its evaluation by, as `scan --store-url` keys it (storeDigest): the manifest
 * digest, or for an image read from `docker save` (no manifest digest until it is pushed) its config digest.
 */
function digestFromReport(report) {
    try {
        const r = JSON.parse(report.toString('utf8'));
        const image = r.image ?? {};
        const digest = typeof image.configDigest === 'string' || typeof image.manifestDigest === 'string' ? (0,_scan_store_push_js__WEBPACK_IMPORTED_MODULE_8__.storeDigest)({ configDigest: '', ...image }) : undefined;
        const tag = Array.isArray(image.repoTags) && typeof image.repoTags[0] === 'string' ? image.repoTags[0] : undefined;
        return { ...(digest ? { digest } : {}), ...(digest && !image.manifestDigest ? { fromConfig: true } : {}), ...(tag ? { tag } : {}) };
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`the report is not JSON: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
}
function spoolDirOf(flag, env) {
    return flag ?? env.PORTCULLIS_SPOOL_DIR ?? '.portcullis/spool';
}
const pushCommand = {
    id: 'push',
    register(program, ctx) {
        addTargetOptions(program
            .command('push')
            .description('push an evaluation (JSON report, SBOM, SARIF) to a store, keyed by image digest, commit and pipeline run; idempotent')
            .option('--report <file>', 'the JSON report of the scan')
            .option('--sbom <file>', 'the SBOM (Syft JSON for Anchore Enterprise)')
            .option('--sarif <file>', 'the SARIF file')
            .option('--image-digest <digest>', 'the image digest (default: the report\'s manifest digest)')
            .option('--image-tag <repo:tag>', 'the tag (default: the report\'s first repo tag)')
            .option('--commit <sha>', 'the commit (default: GITHUB_SHA, CI_COMMIT_SHA or GIT_COMMIT)')
            .option('--pipeline-run <id>', 'the pipeline run (default: from the CI environment)')
            .option('--sink <id>', `where to push: ${_publish_list_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_SINKS */ .J.ids().join(', ')}`, 'store')
            .option('--spool-dir <dir>', 'where failed pushes wait (env PORTCULLIS_SPOOL_DIR)')
            .option('--store-fail-on-error', 'fail (exit 3) when the push fails, instead of warning and spooling only (as on scan)')
            .option('--retry-spooled', 'push what earlier failed pushes spooled, and nothing else')).action(async (opts) => {
            const target = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__.targetFrom)(opts, ctx.env);
            const kind = _publish_list_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_SINKS */ .J.get(opts.sink);
            if (!target) {
                if (opts.retrySpooled || opts.storeFailOnError)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('no store configured: give --store-url or PORTCULLIS_STORE_URL');
                ctx.logger.warning('push: no store configured (--store-url or PORTCULLIS_STORE_URL); nothing was pushed');
                return;
            }
            const sink = kind.create(target);
            const spool = new _publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .Spool */ .QX(spoolDirOf(opts.spoolDir, ctx.env));
            const publishOptions = { spool, url: target.url, logger: ctx.logger, target };
            // What earlier runs spooled goes first, so the store sees evaluations in order.
            const retried = await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .retrySpooled */ .nt)(sink, publishOptions);
            if (opts.retrySpooled) {
                ctx.out(`${JSON.stringify({ pushed: retried.pushed, failed: retried.failed }, null, 2)}\n`);
                if (retried.failed.length && opts.storeFailOnError)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`${retried.failed.length} spooled push(es) still fail: ${retried.failed[0].error}`);
                return;
            }
            if (!opts.report)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('push needs --report FILE (or --retry-spooled)');
            const report = await readPayloadFile(opts.report, 'application/json', 'report');
            const fromReport = digestFromReport(report.data);
            const imageDigest = opts.imageDigest ?? fromReport.digest;
            if (!imageDigest)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the report has no image digest; give --image-digest');
            if (!opts.imageDigest && fromReport.fromConfig)
                ctx.logger.info(`the image has no manifest digest; the evaluation is keyed by its config digest ${imageDigest}, as scan does`);
            if (!_publish_compliance_js__WEBPACK_IMPORTED_MODULE_3__/* .DIGEST_RE */ .Vt.test(imageDigest))
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--image-digest "${imageDigest}" is not a digest (algorithm:hex)`);
            const keys = (0,_publish_target_js__WEBPACK_IMPORTED_MODULE_7__.ciKeys)(ctx.env);
            const commit = opts.commit ?? keys.commit;
            const pipelineRun = opts.pipelineRun ?? keys.pipelineRun;
            const imageTag = opts.imageTag ?? fromReport.tag;
            const payload = (0,_publish_sink_js__WEBPACK_IMPORTED_MODULE_5__/* .makePayload */ .r)({
                imageDigest,
                ...(imageTag ? { imageTag } : {}),
                ...(commit ? { commit } : {}),
                ...(pipelineRun ? { pipelineRun } : {}),
                report,
                ...(opts.sbom ? { sbom: await readPayloadFile(opts.sbom, 'application/json', 'SBOM') } : {}),
                ...(opts.sarif ? { sarif: await readPayloadFile(opts.sarif, 'application/sarif+json', 'SARIF') } : {}),
            });
            const result = await (0,_publish_spool_js__WEBPACK_IMPORTED_MODULE_6__/* .publish */ .mk)(sink, payload, publishOptions);
            ctx.out(`${JSON.stringify(result.status === 'pushed' ? { status: 'pushed', ...result.receipt } : result, null, 2)}\n`);
            if (result.status === 'spooled' && opts.storeFailOnError)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`push failed (spooled to ${result.spoolPath}): ${result.error}`);
        });
    },
};


/***/ }),

/***/ 47018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ciKeys: () => (/* binding */ ciKeys),
/* harmony export */   targetFrom: () => (/* binding */ targetFrom)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45069);
/** Where pushes go, from flags and the environment (the CI wrappers pass `store-url`/`store-token` as env). */


/** The configured target, or undefined when no URL is set (pushing is optional). */
function targetFrom(flags, env) {
    const url = flags.storeUrl ?? env.PORTCULLIS_STORE_URL;
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`store URL "${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`store URL "${(0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)}" must be http or https`);
    // `https://user:pass@host` means Basic auth; the URL kept (in messages, logs and the spool) has no credentials.
    const inUrl = parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined;
    const token = flags.storeToken ?? env.PORTCULLIS_STORE_TOKEN;
    let username = flags.username ?? env.PORTCULLIS_STORE_USERNAME ?? env.ANCHORECTL_USERNAME;
    let password = flags.password ?? env.PORTCULLIS_STORE_PASSWORD ?? env.ANCHORECTL_PASSWORD;
    if (inUrl) {
        if (token || username)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('the store URL holds credentials: give them there or as a token / username, not both');
        ({ username, password } = inUrl);
    }
    if (token && username)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('give a store token or a username and password, not both');
    if (username && !password)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a store username needs a password (PORTCULLIS_STORE_PASSWORD)');
    const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--timeout "${flags.timeout}" is not a number of seconds`);
    const account = flags.account ?? env.PORTCULLIS_STORE_ACCOUNT;
    return {
        url: inUrl ? (0,_common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url) : url,
        ...(token ? { auth: { kind: 'bearer', token } } : {}),
        ...(username && password ? { auth: { kind: 'basic', username, password } } : {}),
        ...(account ? { account } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
    };
}
/** The commit and pipeline run from the CI's environment: GitHub Actions, GitLab CI, Jenkins. */
function ciKeys(env) {
    const commit = env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.GIT_COMMIT;
    let pipelineRun;
    if (env.GITHUB_RUN_ID)
        pipelineRun = `github:${env.GITHUB_REPOSITORY ?? ''}/${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
    else if (env.CI_PIPELINE_ID)
        pipelineRun = `gitlab:${env.CI_PROJECT_PATH ?? ''}/${env.CI_PIPELINE_ID}/${env.CI_JOB_ID ?? ''}`;
    else if (env.BUILD_TAG)
        pipelineRun = `jenkins:${env.BUILD_TAG}`;
    return { ...(commit ? { commit } : {}), ...(pipelineRun ? { pipelineRun } : {}) };
}


/***/ })

};
