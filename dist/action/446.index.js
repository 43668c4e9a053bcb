export const id = 446;
export const ids = [446];
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
/* harmony export */   lz: () => (/* binding */ deltaLine)
/* harmony export */ });
/* unused harmony export codeSpan */
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

/***/ 22836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T9: () => (/* binding */ detectDistro),
/* harmony export */   ZW: () => (/* binding */ ALPINE_PRERELEASE),
/* harmony export */   sE: () => (/* binding */ distroQualifier),
/* harmony export */   vX: () => (/* binding */ DISTRO_REQUESTS)
/* harmony export */ });
/* unused harmony exports OS_RELEASE_PATHS, BUSYBOX_PATH, APK_REPOSITORIES, DISTRO_FILE_REQUEST, BUSYBOX_REQUEST, parseOsRelease, parseSystemReleaseCpe, parseRedhatRelease, refineAlpineBranch, BusyboxBannerSink */
const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'];
const BUSYBOX_PATH = '/bin/busybox';
const ALPINE_RELEASE = '/etc/alpine-release';
const DEBIAN_VERSION = '/etc/debian_version';
const REDHAT_RELEASE = '/etc/redhat-release';
const SYSTEM_RELEASE_CPE = '/etc/system-release-cpe';
/** Alpine's package repositories: the branch (`v3.21`, `edge`) of an image whose VERSION_ID is a prerelease. */
const APK_REPOSITORIES = '/etc/apk/repositories';
const BUSYBOX_REQUEST_ID = 'distro/busybox';
/** The small release files, read whole (each is capped at 64 KiB). */
const DISTRO_FILE_REQUEST = {
    id: 'distro/release-files',
    paths: [...OS_RELEASE_PATHS, ALPINE_RELEASE, DEBIAN_VERSION, REDHAT_RELEASE, SYSTEM_RELEASE_CPE, APK_REPOSITORIES],
    maxBytes: 64 * 1024,
};
/** The busybox binary streams through a scanner that keeps only its version banner, never the binary. */
const BUSYBOX_REQUEST = {
    id: BUSYBOX_REQUEST_ID,
    paths: [BUSYBOX_PATH],
    sink: () => new BusyboxBannerSink(),
};
/** Everything `detectDistro` reads; the scan adds these to its requests before the pass over the layers. */
const DISTRO_REQUESTS = [DISTRO_FILE_REQUEST, BUSYBOX_REQUEST];
/**
 * Identifies the distro, in this order: `/etc/os-release`, `/usr/lib/os-release`, `/etc/alpine-release`,
 * `/etc/debian_version`, `/etc/system-release-cpe`, `/etc/redhat-release`, then a busybox-only image's banner.
 * A Debian os-release is refined by `/etc/debian_version` (13 → 13.5, keeping 13 as `releaseVersionId`; distroless
 * images have no VERSION_ID).
 */
function detectDistro(view) {
    for (const path of OS_RELEASE_PATHS) {
        const text = view.readText(path);
        if (text === undefined)
            continue;
        const release = parseOsRelease(text, path);
        if (!release)
            continue;
        if (release.id === 'debian')
            refineDebian(release, view.readText(DEBIAN_VERSION));
        if (release.id === 'alpine' && release.versionId === undefined) {
            const v = firstLine(view.readText(ALPINE_RELEASE));
            if (v)
                release.versionId = v;
        }
        if (release.id === 'alpine')
            refineAlpineBranch(release, view.readText(APK_REPOSITORIES));
        return release;
    }
    const alpine = firstLine(view.readText(ALPINE_RELEASE));
    if (alpine) {
        const release = { id: 'alpine', versionId: alpine, name: 'Alpine Linux', source: ALPINE_RELEASE };
        refineAlpineBranch(release, view.readText(APK_REPOSITORIES));
        return release;
    }
    const debian = firstLine(view.readText(DEBIAN_VERSION));
    if (debian && /^\d+(\.\d+)*$/.test(debian))
        return { id: 'debian', versionId: debian, name: 'Debian GNU/Linux', source: DEBIAN_VERSION };
    const cpe = view.readText(SYSTEM_RELEASE_CPE);
    const fromCpe = cpe === undefined ? undefined : parseSystemReleaseCpe(cpe);
    if (fromCpe)
        return fromCpe;
    const redhat = view.readText(REDHAT_RELEASE);
    const fromRedhat = redhat === undefined ? undefined : parseRedhatRelease(redhat);
    if (fromRedhat)
        return fromRedhat;
    const banner = busyboxVersion(view);
    if (banner)
        return { id: 'busybox', versionId: banner, name: 'BusyBox', prettyName: `BusyBox v${banner}`, source: BUSYBOX_PATH };
    return undefined;
}
/** Parses os-release (`KEY=value`, shell-style quoting). Returns undefined when the file has no fields at all. */
function parseOsRelease(text, source = '/etc/os-release') {
    const fields = new Map();
    for (const raw of text.split(/\r?\n|\r/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
            continue;
        fields.set(key, unquote(line.slice(eq + 1).trim()));
    }
    if (fields.size === 0)
        return undefined;
    const get = (k) => {
        const v = fields.get(k);
        return v === undefined || v === '' ? undefined : v;
    };
    const out = { id: (get('ID') ?? '').toLowerCase(), source };
    const set = (key, value) => {
        if (value !== undefined)
            out[key] = value;
    };
    set('versionId', get('VERSION_ID'));
    set('versionCodename', get('VERSION_CODENAME'));
    set('prettyName', get('PRETTY_NAME'));
    const idLike = get('ID_LIKE')?.split(/\s+/).filter(Boolean);
    set('idLike', idLike && idLike.length > 0 ? idLike : undefined);
    set('cpeName', get('CPE_NAME'));
    set('name', get('NAME'));
    set('version', get('VERSION'));
    set('variantId', get('VARIANT_ID'));
    set('buildId', get('BUILD_ID'));
    return out;
}
/** `cpe:/o:centos:linux:6:GA` → centos 6. A CPE without a numeric version is not a release. */
function parseSystemReleaseCpe(text) {
    const cpe = firstLine(text);
    if (!cpe)
        return undefined;
    let vendor;
    let version;
    const uri = /^cpe:\/o:([^:]+):([^:]+):([^:]+)/.exec(cpe);
    const fs = /^cpe:2\.3:o:([^:]+):([^:]+):([^:]+)/.exec(cpe);
    const m = uri ?? fs;
    if (m) {
        vendor = m[1];
        version = m[3];
    }
    if (!vendor || !version || !/^\d+(\.\d+)*$/.test(version))
        return undefined;
    const id = vendor.toLowerCase();
    return { id, versionId: version, name: id, prettyName: id, idLike: [id], cpeName: cpe, source: SYSTEM_RELEASE_CPE };
}
/** `CentOS release 5.7 (Final)`, `Red Hat Enterprise Linux release 8.10 (Ootpa)`. */
function parseRedhatRelease(text) {
    const line = firstLine(text);
    if (!line)
        return undefined;
    const m = /^(.+?)\s+release\s+(\d+(?:\.\d+)*)\b/.exec(line);
    if (!m)
        return undefined;
    const name = m[1];
    const lower = name.toLowerCase();
    const id = REDHAT_NAMES.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? lower.split(/\s+/)[0];
    return { id, versionId: m[2], name, prettyName: line, source: REDHAT_RELEASE };
}
const REDHAT_NAMES = [
    ['red hat enterprise linux', 'rhel'],
    ['centos', 'centos'],
    ['rocky', 'rocky'],
    ['almalinux', 'almalinux'],
    ['scientific', 'scientific'],
    ['fedora', 'fedora'],
    ['oracle linux', 'ol'],
    ['amazon linux', 'amzn'],
];
/** `3.21.0_alpha20240807`, `3.17_alpha20220715`, `3.20.0_rc1`, `_git…`: a build from edge or a release candidate. */
const ALPINE_PRERELEASE = /_(alpha|beta|pre|rc|git|cvs|svn)\d*/;
/**
 * An Alpine prerelease (edge images say `VERSION_ID=3.21.0_alpha20240807`, `PRETTY_NAME="Alpine Linux edge"`) takes
 * its branch from the repository URLs (`…/alpine/edge/main` → `edge`, `…/alpine/v3.21/main` → `v3.21`) into
 * `versionCodename`, which os-release leaves empty on Alpine. Without a repository naming a branch it is edge, as
 * grype decides for a version it cannot read. A release (`3.20.3`) is left alone: its VERSION_ID says the branch.
 */
function refineAlpineBranch(release, repositories) {
    if (!ALPINE_PRERELEASE.test(release.versionId ?? ''))
        return;
    const branches = new Set();
    for (const raw of (repositories ?? '').split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('@'))
            continue; // `@tag url`: pinned, not the system's
        const m = /\/(edge|v\d+\.\d+)\/[^/\s]+\/?$/.exec(line);
        if (m)
            branches.add(m[1]);
    }
    // Edge wins over a stable branch listed beside it: the edge packages are the newer ones installed.
    release.versionCodename = branches.has('edge') || branches.size !== 1 ? 'edge' : [...branches][0];
}
/**
 * The point release of `/etc/debian_version` refines os-release's VERSION_ID (`12` → `12.7`), which is kept as
 * `releaseVersionId`: Anchore's `distro_version` is VERSION_ID, or the major of `/etc/debian_version` where
 * os-release has none (anchore-engine `anchore_engine/analyzers/utils.py` `get_distro_from_squashtar`).
 */
function refineDebian(release, debianVersion) {
    const point = firstLine(debianVersion);
    if (!point || !/^\d+(\.\d+)*$/.test(point))
        return; // `bookworm/sid` on testing: keep os-release's value
    const osRelease = release.versionId;
    if (osRelease !== undefined && point !== osRelease && !point.startsWith(`${osRelease}.`))
        return;
    release.versionId = point;
    const anchore = osRelease ?? /^(\d+)\./.exec(point)?.[1];
    if (anchore !== undefined && anchore !== point)
        release.releaseVersionId = anchore;
}
function busyboxVersion(view) {
    const resolved = view.resolve(BUSYBOX_PATH, { follow: true });
    if (resolved === undefined)
        return undefined;
    const entry = view.get(resolved);
    const contentPath = entry?.type === 'hardlink' && entry.linkTarget ? entry.linkTarget : resolved;
    const fromSink = view.sinkResult(BUSYBOX_REQUEST_ID, contentPath);
    if (typeof fromSink === 'string')
        return fromSink;
    // A view built without the sink (content buffered by another request) still works.
    const read = view.read(BUSYBOX_PATH);
    if (!read.ok)
        return undefined;
    const sink = new BusyboxBannerSink();
    sink.write(read.data);
    return sink.end();
}
const BANNER = Buffer.from('BusyBox v');
const VERSION_CHARS = /^[0-9][0-9.]*[0-9]/;
/** Finds the first `BusyBox v1.2.3` across chunk boundaries, keeping only a short tail between chunks. */
class BusyboxBannerSink {
    #tail = Buffer.alloc(0);
    #found;
    write(chunk) {
        if (this.#found !== undefined)
            return;
        const data = this.#tail.length ? Buffer.concat([this.#tail, chunk]) : chunk;
        let at = data.indexOf(BANNER);
        while (at >= 0) {
            const after = data.subarray(at + BANNER.length, at + BANNER.length + 32).toString('latin1');
            // Wait for more data when the version might run on into the next chunk.
            if (at + BANNER.length + 32 > data.length) {
                this.#tail = Buffer.from(data.subarray(at));
                return;
            }
            const m = VERSION_CHARS.exec(after);
            if (m) {
                this.#found = m[0];
                return;
            }
            at = data.indexOf(BANNER, at + 1);
        }
        this.#tail = Buffer.from(data.subarray(Math.max(0, data.length - BANNER.length - 32)));
    }
    end() {
        if (this.#found === undefined && this.#tail.length) {
            const at = this.#tail.indexOf(BANNER);
            if (at >= 0)
                this.#found = VERSION_CHARS.exec(this.#tail.subarray(at + BANNER.length).toString('latin1'))?.[0];
        }
        return this.#found;
    }
}
function firstLine(text) {
    const line = text?.split(/\r?\n/)[0]?.trim();
    return line ? line : undefined;
}
function unquote(value) {
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
        return value.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
        return value.slice(1, -1);
    return value;
}
/** The purl `distro` qualifier: `debian-12`, `alpine-3.20.3`, `rhel-8.10`. Debian point releases are cut to the major. */
function distroQualifier(distro) {
    if (!distro?.id)
        return undefined;
    if (!distro.versionId)
        return distro.id;
    const version = distro.id === 'debian' ? distro.versionId.split('.')[0] : distro.versionId;
    return `${distro.id}-${version}`;
}


/***/ }),

/***/ 92502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ QUALIFIER_KEY),
/* harmony export */   EV: () => (/* binding */ purl),
/* harmony export */   M9: () => (/* binding */ normalisePurlNames),
/* harmony export */   "do": () => (/* binding */ PURL_TYPE)
/* harmony export */ });
/* unused harmony export encodePurlComponent */
/**
 * The purl type each package type is written with. Exhaustive: a new package type must name its purl type here,
 * and the SBOM reader (src/sbom/purl-parse.ts) reads purls back through the inverse of this table.
 */
const PURL_TYPE = {
    apk: 'apk',
    deb: 'deb',
    rpm: 'rpm',
    npm: 'npm',
    python: 'pypi',
    'java-archive': 'maven',
    'go-module': 'golang',
    gem: 'gem',
    'php-composer': 'composer',
    'rust-crate': 'cargo',
    dotnet: 'nuget',
};
function purl(parts) {
    const type = parts.type.toLowerCase();
    if (!/^[a-z][a-z0-9.+-]*$/.test(type))
        throw new Error(`invalid purl type "${parts.type}"`);
    if (parts.name === '')
        throw new Error('a purl needs a name');
    const names = normalisePurlNames(type, segments(parts.namespace).join('/') || undefined, parts.name);
    let out = `pkg:${type}/`;
    const namespace = segments(names.namespace);
    if (namespace.length > 0)
        out += `${namespace.map(encodePurlComponent).join('/')}/`;
    out += encodePurlComponent(names.name);
    if (parts.version !== undefined && parts.version !== '')
        out += `@${encodePurlComponent(parts.version)}`;
    const qualifiers = Object.entries(parts.qualifiers ?? {})
        .filter((e) => e[1] !== undefined && e[1] !== '')
        .map(([k, v]) => {
        const key = k.toLowerCase();
        if (!QUALIFIER_KEY.test(key))
            throw new Error(`invalid purl qualifier key "${k}"`);
        return [key, v];
    })
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (qualifiers.length > 0)
        out += `?${qualifiers.map(([k, v]) => `${k}=${encodePurlComponent(v)}`).join('&')}`;
    const subpath = segments(parts.subpath).filter((s) => s !== '.' && s !== '..');
    if (subpath.length > 0)
        out += `#${subpath.map(encodePurlComponent).join('/')}`;
    return out;
}
/** Percent-encodes UTF-8 bytes of everything except the unreserved characters `A-Za-z0-9.-_~` and the colon. */
function encodePurlComponent(value) {
    let out = '';
    for (const byte of Buffer.from(value, 'utf8')) {
        const c = String.fromCharCode(byte);
        out += UNRESERVED.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
const UNRESERVED = /^[A-Za-z0-9._~:-]$/;
/** A qualifier key: ASCII letters, digits, `.`, `-`, `_`, not starting with a digit (purl-spec). */
const QUALIFIER_KEY = /^[a-z._-][a-z0-9._-]*$/;
function segments(value) {
    return (value ?? '').split('/').filter((s) => s !== '');
}
/**
 * Type-specific normalisation of a purl's namespace and name, from the purl-spec type definitions
 * (package-url/purl-spec, types/<type>-definition.json: `case_sensitive: false`, `normalization_rules`). Types not
 * listed are case-sensitive and kept as written. Applied when a purl is built and when one is read.
 */
const NORMALISE = {
    apk: { namespace: lower, name: lower },
    deb: { namespace: lower, name: lower },
    alpm: { namespace: lower, name: lower },
    rpm: { namespace: lower },
    composer: { namespace: lower, name: lower },
    hex: { namespace: lower, name: lower },
    bitbucket: { namespace: lower, name: lower },
    github: { namespace: lower, name: lower },
    pypi: { name: (s) => s.toLowerCase().replace(/_/g, '-') },
    pub: { name: lower },
};
function lower(s) {
    return s.toLowerCase();
}
/** The namespace and name as purl-spec's normalisation for the type writes them. */
function normalisePurlNames(type, namespace, name) {
    const rule = Object.hasOwn(NORMALISE, type) ? NORMALISE[type] : undefined;
    const ns = namespace && rule?.namespace ? rule.namespace(namespace) : namespace;
    return { ...(ns ? { namespace: ns } : {}), name: rule?.name ? rule.name(name) : name };
}


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


/***/ }),

/***/ 20596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   KP: () => (/* binding */ buildMetadata),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   ke: () => (/* binding */ ACCEPTED_MANIFEST_TYPES),
/* harmony export */   mI: () => (/* binding */ MediaTypes),
/* harmony export */   md: () => (/* binding */ selectPlatform),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ol: () => (/* binding */ hostPlatform)
/* harmony export */ });
/* unused harmony export formatPlatform */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29927);
/* harmony import */ var _schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85246);



const MediaTypes = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
};
const LAYER_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.oci.image.layer.v1.tar+gzip',
    'application/vnd.oci.image.layer.v1.tar+zstd',
    'application/vnd.oci.image.layer.nondistributable.v1.tar',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
    'application/vnd.docker.image.rootfs.diff.tar',
    'application/vnd.docker.image.rootfs.diff.tar.gzip',
    'application/vnd.docker.image.rootfs.diff.tar.zstd',
    'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
]);
const ACCEPTED_MANIFEST_TYPES = [MediaTypes.ociIndex, MediaTypes.dockerList, MediaTypes.ociManifest, MediaTypes.dockerManifest];
/**
 * Classifies a manifest document. `declaredType` is the Content-Type or descriptor media type, when known
 * (umoci writes manifests without a `mediaType` field, so the shape decides then). Schema 1 and unknown media
 * types are refused with a clear message.
 */
function parseManifest(bytes, declaredType, what) {
    const doc = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes, { what, errorClass: _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8 });
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is not a JSON object`);
    const type = (typeof doc.mediaType === 'string' ? doc.mediaType : undefined) ?? cleanType(declaredType);
    if (doc.schemaVersion === 1 || type === MediaTypes.dockerSchema1 || type === MediaTypes.dockerSchema1Signed) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is a Docker schema 1 manifest, which is deprecated and not supported; re-push the image with a current Docker or skopeo`);
    }
    if (type === MediaTypes.ociIndex || type === MediaTypes.dockerList || (!type && Array.isArray(doc.manifests))) {
        if (!Array.isArray(doc.manifests))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is an index without "manifests"`);
        (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkIndexShape */ .os, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
        return { kind: 'index', index: doc, mediaType: type ?? MediaTypes.ociIndex };
    }
    if (type === MediaTypes.ociManifest || type === MediaTypes.dockerManifest || (!type && doc.config && Array.isArray(doc.layers))) {
        const m = doc;
        if (!m.config || !Array.isArray(m.layers))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is missing its config or layers`);
        (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkManifestShape */ .xP, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
        return { kind: 'manifest', manifest: m, mediaType: type ?? MediaTypes.ociManifest };
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} has an unsupported media type "${type ?? '(none)'}"; expected an OCI or Docker v2 manifest or index`);
}
function cleanType(t) {
    return t?.split(';')[0]?.trim() || undefined;
}
/** The platform of the machine running Portcullis, in OCI terms. */
function hostPlatform() {
    const arch = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
    const p = { os: 'linux', architecture: arch[process.arch] ?? process.arch };
    if (p.architecture === 'arm64')
        p.variant = 'v8';
    return p;
}
/** Parses `os/arch[/variant]`. */
function parsePlatform(text) {
    const parts = text.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`invalid platform "${text}": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
    }
    return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}
function formatPlatform(p) {
    if (!p)
        return 'unknown';
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/**
 * Picks the manifest for `wanted` from an index. Attestation manifests (`unknown/unknown`) are skipped. A missing
 * variant matches any (arm64 images often omit `v8`). When nothing matches, the error lists what is there.
 */
function selectPlatform(index, wanted, what) {
    const candidates = index.manifests.filter((d) => d.platform && !(d.platform.os === 'unknown' && d.platform.architecture === 'unknown') && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const matches = candidates.filter((d) => d.platform.os === wanted.os &&
        d.platform.architecture === wanted.architecture &&
        (!wanted.variant || !d.platform.variant || d.platform.variant === wanted.variant));
    const exact = matches.find((d) => d.platform.variant === wanted.variant);
    const chosen = exact ?? matches[0];
    if (!chosen) {
        const there = candidates.map((d) => formatPlatform(d.platform)).join(', ') || '(none)';
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} has no image for platform ${formatPlatform(wanted)}; platforms available: ${there}`);
    }
    return chosen;
}
function parseConfig(bytes, what) {
    const doc = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes, { what, errorClass: _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8 });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.rootfs || !Array.isArray(doc.rootfs.diff_ids)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`${what} is not an image config (no rootfs.diff_ids)`);
    }
    (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .assertShape */ .kl)(_schemas_image_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .checkConfigShape */ .q7, doc, what, _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8);
    return doc;
}
/**
 * Joins a manifest and its config into ImageMetadata: one LayerInfo per layer with its diff_id and the history
 * entry that created it (entries marked empty_layer are skipped when pairing).
 */
function buildMetadata(args) {
    const { manifest, config } = args;
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`image config lists ${diffIds.length} diff_ids but the manifest has ${manifest.layers.length} layers`);
    }
    const history = config.history ?? [];
    const layerHistory = [];
    history.forEach((h, i) => {
        if (!h.empty_layer)
            layerHistory.push(i);
    });
    const pairHistory = layerHistory.length === manifest.layers.length;
    const layers = manifest.layers.map((d, index) => {
        if (d.mediaType && !LAYER_MEDIA_TYPES.has(d.mediaType)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ImageError */ .C8(`layer ${index} (${d.digest}) has unsupported media type "${d.mediaType}"`);
        }
        const hi = pairHistory ? layerHistory[index] : undefined;
        return {
            index,
            digest: d.digest,
            diffId: diffIds[index],
            mediaType: d.mediaType ?? 'application/vnd.oci.image.layer.v1.tar',
            size: d.size,
            ...(hi !== undefined ? { history: history[hi], historyIndex: hi } : {}),
        };
    });
    return {
        reference: args.reference,
        source: args.source,
        ...(args.manifestDigest ? { manifestDigest: args.manifestDigest } : {}),
        ...(args.manifestMediaType ? { manifestMediaType: args.manifestMediaType } : {}),
        ...(args.indexDigest ? { indexDigest: args.indexDigest } : {}),
        configDigest: args.manifest.config.digest,
        platform: { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) },
        layers,
        config,
        repoTags: args.repoTags ?? [],
        repoDigests: args.repoDigests ?? [],
    };
}


/***/ }),

/***/ 85246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   os: () => (/* binding */ checkIndexShape),
/* harmony export */   q7: () => (/* binding */ checkConfigShape),
/* harmony export */   tR: () => (/* binding */ checkDockerArchiveManifestShape),
/* harmony export */   xP: () => (/* binding */ checkManifestShape)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA, INDEX_SCHEMA, CONFIG_SCHEMA, DOCKER_ARCHIVE_MANIFEST_SCHEMA */
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29927);
/**
 * The shapes of the JSON documents an image is made of, as JSON Schemas (draft-07) covering the fields Portcullis
 * reads; other fields stay open (annotations, extensions). Written from the OCI image spec
 * (https://github.com/opencontainers/image-spec: descriptor.md, manifest.md, image-index.md, config.md) and
 * Docker's `docker save` layout (moby image/tarexport: manifest.json is a list of {Config, RepoTags, Layers}).
 * Compiled once, at first use, by src/common/json.ts.
 */

/** The grammar of a digest (image-spec descriptor.md); which algorithms are supported is checked where it is used. */
const digest = { type: 'string', pattern: '^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const nullableStringMap = { type: ['object', 'null'], additionalProperties: { type: 'string' } };
const strings = { type: 'array', items: { type: 'string' } };
const nullableStrings = { type: ['array', 'null'], items: { type: 'string' } };
const platform = {
    type: 'object',
    properties: {
        os: { type: 'string' },
        architecture: { type: 'string' },
        variant: { type: 'string' },
        'os.version': { type: 'string' },
        'os.features': strings,
    },
    required: ['os', 'architecture'],
};
const descriptor = {
    type: 'object',
    properties: {
        mediaType: { type: 'string' },
        digest,
        size: { type: 'integer', minimum: 0 },
        urls: strings,
        annotations: stringMap,
        platform,
    },
    required: ['digest', 'size'],
};
const MANIFEST_SCHEMA = {
    type: 'object',
    properties: {
        schemaVersion: { type: 'integer' },
        mediaType: { type: 'string' },
        config: descriptor,
        layers: { type: 'array', items: descriptor },
        annotations: stringMap,
    },
    required: ['config', 'layers'],
};
const INDEX_SCHEMA = {
    type: 'object',
    properties: {
        schemaVersion: { type: 'integer' },
        mediaType: { type: 'string' },
        manifests: { type: 'array', items: descriptor },
        annotations: stringMap,
    },
    required: ['manifests'],
};
const history = {
    type: 'object',
    properties: {
        created: { type: 'string' },
        created_by: { type: 'string' },
        author: { type: 'string' },
        comment: { type: 'string' },
        empty_layer: { type: 'boolean' },
    },
};
const CONFIG_SCHEMA = {
    type: 'object',
    properties: {
        architecture: { type: 'string' },
        os: { type: 'string' },
        variant: { type: 'string' },
        created: { type: 'string' },
        author: { type: 'string' },
        config: {
            type: ['object', 'null'],
            properties: {
                User: { type: 'string' },
                Env: nullableStrings,
                Entrypoint: nullableStrings,
                Cmd: nullableStrings,
                WorkingDir: { type: 'string' },
                Labels: nullableStringMap,
                ExposedPorts: { type: ['object', 'null'] },
                Volumes: { type: ['object', 'null'] },
                StopSignal: { type: 'string' },
            },
        },
        rootfs: {
            type: 'object',
            properties: { type: { type: 'string' }, diff_ids: { type: 'array', items: digest } },
            required: ['diff_ids'],
        },
        history: { type: 'array', items: history },
    },
    required: ['rootfs'],
};
const DOCKER_ARCHIVE_MANIFEST_SCHEMA = {
    type: 'array',
    items: {
        type: 'object',
        properties: {
            Config: { type: 'string' },
            RepoTags: nullableStrings,
            Layers: strings,
        },
        required: ['Config', 'Layers'],
    },
};
const checkManifestShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(MANIFEST_SCHEMA);
const checkIndexShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(INDEX_SCHEMA);
const checkConfigShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(CONFIG_SCHEMA);
const checkDockerArchiveManifestShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(DOCKER_ARCHIVE_MANIFEST_SCHEMA);


/***/ }),

/***/ 64020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ll: () => (/* binding */ OS_PACKAGE_TYPE),
/* harmony export */   PH: () => (/* binding */ isOsPackageType),
/* harmony export */   Th: () => (/* binding */ bucketEcosystemsFor),
/* harmony export */   fO: () => (/* binding */ distroEcosystems),
/* harmony export */   m1: () => (/* binding */ distroEcosystem),
/* harmony export */   oQ: () => (/* binding */ OS_PACKAGE_TYPE_SET),
/* harmony export */   x1: () => (/* binding */ targetFor)
/* harmony export */ });
/* unused harmony exports MATCHED_DISTROS, rpmEpochOf */
/* harmony import */ var _catalog_distro_detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22836);
/* harmony import */ var _version_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29561);
/* harmony import */ var _version_schemes_rpm_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68438);



const major = (d) => /^(\d+)/.exec(d.versionId ?? '')?.[1];
const majorMinor = (d) => {
    const m = /^(\d+)\.(\d+)/.exec(d.versionId ?? '');
    return m ? [m[1], m[2]] : undefined;
};
const noRelease = (d) => `${d.id} has no VERSION_ID`;
const byMajor = (prefix) => (d) => {
    const m = major(d);
    return m ? [`${prefix}:${m}`] : noRelease(d);
};
/** Debian codenames for an os-release without VERSION_ID (testing images); osv.dev names releases by number. */
const DEBIAN_CODENAMES = {
    squeeze: '6',
    wheezy: '7',
    jessie: '8',
    stretch: '9',
    buster: '10',
    bullseye: '11',
    bookworm: '12',
    trixie: '13',
    forky: '14',
    duke: '15',
};
function debian(d) {
    const m = major(d);
    if (m)
        return [`Debian:${m}`];
    const code = d.versionCodename?.toLowerCase();
    if (code === 'sid' || code === 'unstable')
        return 'Debian sid (unstable) has no release data';
    const n = code ? DEBIAN_CODENAMES[code] : undefined;
    return n ? [`Debian:${n}`] : noRelease(d);
}
/**
 * Alpine: `Alpine:v<X.Y>`. An edge image (a prerelease VERSION_ID such as `3.21.0_alpha20240807`) is matched
 * against `Alpine:edge`, the branch the detector read from `/etc/apk/repositories` (`versionCodename`), as grype
 * does (its `alpine:edge` namespace, fed by secdb's edge branch; osv.dev has no Alpine:edge, so only an
 * alpine-secdb import covers it). A prerelease whose repositories name a release branch (`v3.21`) uses that branch.
 */
function alpine(d) {
    const branch = d.versionCodename?.toLowerCase();
    if (branch === 'edge')
        return ['Alpine:edge'];
    if (branch && /^v\d+\.\d+$/.test(branch))
        return [`Alpine:${branch}`];
    if (_catalog_distro_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .ALPINE_PRERELEASE */ .ZW.test(d.versionId ?? ''))
        return ['Alpine:edge'];
    const mm = majorMinor(d);
    return mm ? [`Alpine:v${mm[0]}.${mm[1]}`] : noRelease(d);
}
/**
 * SUSE Linux Enterprise: the product and, from 15 on, the modules every installation has (Basesystem) or that a
 * server image has (Server Applications), for the same service pack: SUSE files a package fix under the module
 * that ships it. The Server's LTSS stream of that service pack too (`15 SP3-LTSS`: fixes after general support).
 * VERSION_ID `15.5` → `15 SP5`; `15` → `15`.
 */
function suse(product, modules, ltss = false) {
    return (d) => {
        const m = /^(\d+)(?:\.(\d+))?/.exec(d.versionId ?? '');
        if (!m)
            return noRelease(d);
        const release = m[2] && m[2] !== '0' ? `${m[1]} SP${m[2]}` : m[1];
        const products = [`${product} ${release}`, ...(ltss ? [`${product} ${release}-LTSS`] : []), ...(Number(m[1]) >= 15 ? modules.map((x) => `${x} ${release}`) : [])];
        return products.map((p) => `SUSE:SUSE Linux Enterprise ${p}`);
    };
}
/** openEuler: `openEuler:22.03-LTS-SP1` from VERSION_ID 22.03 and the `(LTS-SP1)` of PRETTY_NAME / VERSION. */
function openEuler(d) {
    const mm = majorMinor(d);
    if (!mm)
        return noRelease(d);
    const qualifier = /\((LTS(?:-SP\d+)?)\)/i.exec(d.prettyName ?? '')?.[1]?.toUpperCase();
    return [`openEuler:${mm[0]}.${mm[1]}${qualifier ? `-${qualifier}` : ''}`];
}
/** Keyed by os-release ID (lower-cased). A distro not listed here gets no OS matching, and its packages say so. */
const DISTROS = {
    debian: { ecosystems: debian, osvBucket: true },
    ubuntu: {
        ecosystems: (d) => {
            const mm = majorMinor(d);
            return mm ? [`Ubuntu:${mm[0]}.${mm[1]}`] : noRelease(d);
        },
        osvBucket: true,
    },
    alpine: { ecosystems: alpine, osvBucket: true },
    rhel: { ecosystems: byMajor('Red Hat'), osvBucket: true },
    centos: { ecosystems: byMajor('Red Hat'), osvBucket: true },
    almalinux: { ecosystems: byMajor('AlmaLinux'), osvBucket: true },
    rocky: { ecosystems: byMajor('Rocky Linux'), osvBucket: true },
    ol: { ecosystems: byMajor('Oracle Linux'), osvBucket: false },
    amzn: {
        ecosystems: (d) => {
            const v = d.versionId ?? '';
            return ['2', '2022', '2023'].includes(v) ? [`Amazon Linux:${v}`] : `Amazon Linux ${v || '(no VERSION_ID)'} has no advisory data (ALAS covers 2, 2022 and 2023)`;
        },
        osvBucket: false,
    },
    sles: { ecosystems: suse('Server', ['Module for Basesystem', 'Module for Server Applications'], true), osvBucket: true },
    sles_sap: {
        ecosystems: suse('Server for SAP Applications', ['Module for Basesystem', 'Module for Server Applications']),
        osvBucket: true,
    },
    sled: { ecosystems: suse('Desktop', ['Module for Basesystem', 'Module for Desktop Applications']), osvBucket: true },
    'opensuse-leap': {
        ecosystems: (d) => {
            const mm = majorMinor(d);
            return mm ? [`openSUSE:openSUSE Leap ${mm[0]}.${mm[1]}`] : noRelease(d);
        },
        osvBucket: true,
    },
    'opensuse-tumbleweed': { ecosystems: () => ['openSUSE:openSUSE Tumbleweed'], osvBucket: true },
    photon: {
        ecosystems: (d) => {
            const m = /^(\d+)(?:\.(\d+))?/.exec(d.versionId ?? '');
            return m ? [`Photon OS:${m[1]}.${m[2] ?? '0'}`] : noRelease(d);
        },
        osvBucket: true,
    },
    mariner: { ecosystems: byMajor('Azure Linux'), osvBucket: true },
    azurelinux: { ecosystems: byMajor('Azure Linux'), osvBucket: true },
    wolfi: { ecosystems: () => ['Wolfi'], osvBucket: true },
    chainguard: { ecosystems: () => ['Chainguard'], osvBucket: true },
    mageia: { ecosystems: byMajor('Mageia'), osvBucket: true },
    openeuler: { ecosystems: openEuler, osvBucket: true },
};
/** The distro ids with OS matching, for documentation and tests. */
const MATCHED_DISTROS = Object.keys(DISTROS);
/** The ecosystems a distro release is matched against: one for most, several for SUSE (product and modules). */
function distroEcosystems(distro) {
    if (!distro)
        return { reason: 'the distro release is unknown' };
    const rule = Object.hasOwn(DISTROS, distro.id.toLowerCase()) ? DISTROS[distro.id.toLowerCase()] : undefined;
    if (!rule)
        return { reason: `no vulnerability data source is known for distro "${distro.id}"` };
    const r = rule.ecosystems(distro);
    return typeof r === 'string' ? { reason: r } : { ecosystems: r, osvBucket: rule.osvBucket };
}
/**
 * The main OSV ecosystem of a distro release (`Debian:12`, `Ubuntu:22.04`, `Alpine:v3.20`, `Red Hat:9`; for SUSE
 * the product, not its modules). Undefined when the distro or its release is not known.
 */
function distroEcosystem(distro) {
    const r = distroEcosystems(distro);
    return 'ecosystems' in r ? r.ecosystems[0] : undefined;
}
/** The bucket folders (`Debian`, `npm`, `PyPI`) a set of packages needs: what `db update` fetches for an image. */
function bucketEcosystemsFor(packages, distro) {
    const d = distroEcosystems(distro);
    const distroInBucket = 'ecosystems' in d && d.osvBucket;
    const out = new Set();
    for (const p of packages) {
        const r = targetFor(p, distro);
        if (!('targets' in r))
            continue;
        if (OS_TYPE[p.type] !== undefined && !distroInBucket)
            continue;
        for (const t of r.targets)
            out.add(t.ecosystem.split(':', 1)[0]);
    }
    return [...out].sort();
}
const RULES = {
    apk: { os: 'apk' },
    deb: { os: 'deb' },
    rpm: { os: 'rpm' },
    npm: { language: 'npm' },
    python: { language: 'PyPI' },
    'go-module': { language: 'Go' },
    'java-archive': { language: 'Maven' },
    gem: { language: 'RubyGems' },
    'rust-crate': { language: 'crates.io' },
    'php-composer': { language: 'Packagist' },
    dotnet: { language: 'NuGet' },
};
const OS_TYPE = Object.fromEntries(Object.entries(RULES).map(([type, rule]) => [type, 'os' in rule ? rule.os : undefined]));
/**
 * True for the package types matched by distro release (deb, apk, rpm), false for language packages: derived from
 * the exhaustive RULES, so a new package type is classed once, here. Use this rather than a list of OS types.
 */
const OS_PACKAGE_TYPE = Object.fromEntries(Object.entries(RULES).map(([type, rule]) => [type, 'os' in rule]));
/** The OS package types as a set of strings (a finding's `packageType`), derived from OS_PACKAGE_TYPE. */
const OS_PACKAGE_TYPE_SET = new Set(Object.entries(OS_PACKAGE_TYPE).filter(([, os]) => os).map(([type]) => type));
/** True when `type` is an OS package type; false for a language type and for a string that is no package type. */
function isOsPackageType(type) {
    return Object.hasOwn(OS_PACKAGE_TYPE, type) && OS_PACKAGE_TYPE[type];
}
/**
 * Decides how a package is matched:
 * - deb and apk packages by the distro release and their source / origin name and source version: distro
 *   advisories name source packages, and their fixed versions are source versions;
 * - rpm packages twice, as grype's rpm matcher does: by the binary name with the binary's full EVR (epoch
 *   included), and by the source rpm's name with the source version carrying the binary's epoch (Red Hat, SUSE,
 *   Mageia, openEuler and Azure Linux name source rpms; AlmaLinux, Rocky, Oracle, Amazon and Photon name
 *   binaries). A version in the data without an epoch is read with the package's epoch (`rpmSchemeAssumingEpoch`);
 * - language packages by ecosystem and name (Maven as `group:artifact`);
 * - a language package owned by an OS package (`ownedBy`) only through that OS package: the distro may have
 *   backported fixes without changing the upstream version the language metadata shows.
 */
function targetFor(pkg, distro) {
    const rule = RULES[pkg.type];
    if ('os' in rule) {
        const d = distroEcosystems(distro);
        if (!('ecosystems' in d)) {
            return { skip: `${pkg.type} package ${pkg.name}: ${d.reason}, so distro advisories cannot be matched`, unknown: true };
        }
        const targets = d.ecosystems.flatMap((ecosystem) => (rule.os === 'rpm' ? rpmTargets(pkg, ecosystem) : [sourceTarget(pkg, ecosystem)]));
        return { targets };
    }
    if (pkg.ownedBy)
        return { skip: `${pkg.name} is owned by ${pkg.ownedBy}: matched through the distro only` };
    const ecosystem = rule.language;
    let name = pkg.name;
    let version = pkg.version;
    if (ecosystem === 'Maven') {
        const group = typeof pkg.metadata?.groupId === 'string' ? pkg.metadata.groupId : mavenGroupFromPurl(pkg.purl);
        if (!group)
            return { skip: `Maven package ${pkg.name} has no groupId` };
        name = `${group}:${pkg.name}`;
    }
    if (ecosystem === 'Go') {
        if (version === '' || version === '(devel)')
            return { skip: `Go module ${pkg.name} has no release version (${version || 'none'})` };
        version = version.replace(/^(v|go)(?=\d)/, '');
    }
    if (version === '')
        return { skip: `${pkg.name} has no version` };
    const { scheme } = (0,_version_list_js__WEBPACK_IMPORTED_MODULE_1__/* .schemeForEcosystem */ .H_)(ecosystem);
    return { targets: [{ ecosystem, name, version, scheme, via: `ecosystem:${ecosystem}` }] };
}
function sourceTarget(pkg, ecosystem) {
    const name = pkg.source?.name ?? pkg.name;
    const version = pkg.source?.version ?? pkg.version;
    const { scheme } = (0,_version_list_js__WEBPACK_IMPORTED_MODULE_1__/* .schemeForEcosystem */ .H_)(ecosystem);
    const via = name === pkg.name ? `distro:${ecosystem} via ${name}` : `distro:${ecosystem} via source ${name}`;
    return { ecosystem, name, version, scheme, via };
}
/** The package's epoch: `metadata.epoch` (the rpm database's), else the version's `N:` prefix, else none (`0`). */
function rpmEpochOf(pkg) {
    const meta = pkg.metadata?.epoch;
    if (typeof meta === 'number' && Number.isInteger(meta) && meta >= 0)
        return String(meta);
    if (typeof meta === 'string' && /^\d+$/.test(meta))
        return meta;
    try {
        const v = (0,_version_schemes_rpm_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRpm */ .Hx)(pkg.version);
        return v.epochGiven ? v.epoch : '0';
    }
    catch {
        return '0';
    }
}
const hasEpoch = (version) => /^\d*:/.test(version.trim());
function rpmTargets(pkg, ecosystem) {
    const epoch = rpmEpochOf(pkg);
    // An rpm's versions are rpm versions whatever the ecosystem's registered scheme.
    const scheme = (0,_version_schemes_rpm_js__WEBPACK_IMPORTED_MODULE_2__/* .rpmSchemeAssumingEpoch */ .j5)(epoch);
    const withEpoch = (v) => (hasEpoch(v) || epoch === '0' ? v : `${epoch}:${v}`);
    const binary = { ecosystem, name: pkg.name, version: withEpoch(pkg.version), scheme, via: `distro:${ecosystem} via ${pkg.name}` };
    const src = pkg.source;
    if (!src || src.name === pkg.name || src.name === '')
        return [binary];
    const source = {
        ecosystem,
        name: src.name,
        version: withEpoch(src.version ?? pkg.version),
        scheme,
        via: `distro:${ecosystem} via source ${src.name}`,
        binary: pkg.name,
    };
    return [binary, source];
}
function mavenGroupFromPurl(p) {
    const m = /^pkg:maven\/([^@?#]+)\/[^/@?#]+/.exec(p);
    return m ? decodeURIComponent(m[1]).replace(/\//g, '.') : undefined;
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
/* harmony export */   tR: () => (/* binding */ GITHUB_COMMENT_MAX_CHARS),
/* harmony export */   td: () => (/* binding */ scopedFindings),
/* harmony export */   ti: () => (/* binding */ reportScope),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* unused harmony exports cmp, inReportScope, findingTriggerIds */
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

/***/ 24711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jd: () => (/* binding */ checkoutRootUri),
/* harmony export */   tm: () => (/* binding */ sarifFormat)
/* harmony export */ });
/* unused harmony exports SRCROOT, INFORMATION_URI, SECURITY_GATES, fingerprintRepository, findingTriggerIds, artifactLocation, securitySeverity, renderSarif */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41589);
/* harmony import */ var _unknowns_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(84315);
/* harmony import */ var _baseline_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(79733);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(77550);
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
const hash = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s).digest('hex').slice(0, 32);
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
        return (0,_baseline_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryNames */ .L0)(report.image)[0] ?? (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .imageRepository */ .an)(report);
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .imageRepository */ .an)(report);
}
/**
 * The trigger ids a vulnerabilities-gate trigger about this finding can have: `<vulnerability>+<package part>`, with the
 * id the gate uses (a GHSA for language packages) or the finding's id or any alias (a bundle evaluated elsewhere).
 */
function findingTriggerIds(f) {
    const pkg = (0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_4__/* .triggerPackageName */ ._F)(f);
    return [...new Set([(0,_policy_gates_vulnerabilities_vulnerabilities_js__WEBPACK_IMPORTED_MODULE_4__/* .vulnerabilityTriggerId */ .GT)(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}
const encodeUri = (p) => p.split('/').map(encodeURIComponent).join('/');
/**
 * Where the writer puts a file of the checkout: `path` (relative to `cwd`, or absolute) made relative to `checkoutRoot`,
 * forward slashes, URI-encoded, against `%SRCROOT%`. A file outside the checkout keeps its absolute `file:` URI.
 */
function artifactLocation(path, checkoutRoot, cwd = process.cwd()) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, checkoutRoot), abs);
    if (rel === '' || rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        return { uri: (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(abs).href };
    return { uri: encodeUri(rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/')), uriBaseId: SRCROOT };
}
/** The `originalUriBaseIds` entry for the checkout root: an absolute `file:` URI ending in a slash (SARIF §3.14.14). */
function checkoutRootUri(checkoutRoot, cwd = process.cwd()) {
    const href = (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, checkoutRoot)).href;
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
        this.repo = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .imageRepository */ .an)(report);
        this.fingerprintRepo = fingerprintRepository(report);
        this.label = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .imageLabel */ .ec)(report);
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
            return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .fromLine */ .j6)(this.report) ?? 1 } } };
        return { physicalLocation: { artifactLocation: this.imageArtifact(this.repo.replace(/[^A-Za-z0-9._/-]/g, '-')), region: { startLine: 1 } } };
    }
    locationOf(loc) {
        const df = this.report.dockerfile;
        const origin = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .originOf */ .yv)(this.report, loc);
        const layer = loc.provenance?.layerDigest;
        const logical = [{ name: loc.path, fullyQualifiedName: `${this.label}${layer ? `@${layer}` : ''}:${loc.path}`, kind: 'resource' }];
        if (df) {
            const region = origin?.line !== undefined ? { startLine: origin.line, ...(origin.endLine && origin.endLine > origin.line ? { endLine: origin.endLine } : {}) } : { startLine: (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .fromLine */ .j6)(this.report) ?? 1 };
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
            const severity = same.map((f) => f.severity).sort((a, b) => (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .severityRank */ .qs)(a) - (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .severityRank */ .qs)(b))[0] ?? 'Unknown';
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
        const origin = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .originOf */ .yv)(this.report, f.locations[0]);
        const fixed = f.fix.state === 'fixed' && f.fix.versions.length ? `Fixed in ${f.fix.versions.join(', ')}.` : `No fix (${f.fix.state}).`;
        const where = origin ? (origin.base ? ' From the base image (FROM line).' : ` Introduced by line ${origin.line}: ${origin.instruction ?? ''}.`) : '';
        return {
            priority: 2 + (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .severityRank */ .qs)(f.severity),
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
                partialFingerprints: { [FINGERPRINT_KEY]: hash([this.fingerprintRepo, p.gate, p.trigger, (0,_baseline_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .stableTriggerId */ .P)(p), p.rule_id].join('\u0000')) },
                ...baselineState([p.baseline]),
                properties: { ...(p.baseline ? { baseline: p.baseline } : {}), gate: p.gate, trigger: p.trigger, triggerId: p.trigger_id, ruleId: p.rule_id, action: p.action },
            },
        };
    }
    /** One result per vulnerability id, for runs over the result limit. */
    groupedResult(id, group, maxLocations) {
        const ruleIndex = this.vulnerabilityRule(id);
        const worst = [...group].sort(_format_js__WEBPACK_IMPORTED_MODULE_7__/* .compareFindings */ .Eg)[0];
        const names = group.map((f) => `${f.packageName} ${f.installedVersion}`);
        const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? `, and ${names.length - 10} more` : '');
        return {
            priority: 2 + (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .severityRank */ .qs)(worst.severity),
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
    const platform = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .platformText */ .VQ)(report);
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
    const limits = options.sarifLimits ?? _format_js__WEBPACK_IMPORTED_MODULE_7__/* .GITHUB_SARIF_LIMITS */ .RC;
    const findings = (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .scopedFindings */ .td)(report, options);
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
        vulns.sort((a, b) => a.priority - b.priority || (0,_format_js__WEBPACK_IMPORTED_MODULE_7__/* .compareFindings */ .Eg)(a.finding, b.finding));
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
    const unknowns = (0,_unknowns_js__WEBPACK_IMPORTED_MODULE_5__/* .unknownsSummary */ ._)(report.unknowns, 'the run property "unknowns"');
    if (unknowns)
        note('unknowns', unknowns);
    let text = serialize(sarifDocument(report, builder, kept, notifications));
    let gz = (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.gzipSync)(text).length;
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
        gz = (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.gzipSync)(text).length;
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

/***/ 36054:
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

// EXTERNAL MODULE: ./src/output/formats/sarif.ts
var sarif = __webpack_require__(24711);
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
    sarif/* sarifFormat */.tm,
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


/***/ }),

/***/ 42348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ Registry)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

/**
 * An ordered, explicit registry of one kind of plugin. Built from a literal list in that kind's `list.ts`;
 * duplicate ids are rejected when the list is built, and unknown ids given by a user are configuration errors.
 */
class Registry {
    kind;
    #byId = new Map();
    #aliases = new Map();
    constructor(kind, plugins, aliasesOf = () => []) {
        this.kind = kind;
        for (const p of plugins) {
            if (this.#byId.has(p.id) || this.#aliases.has(p.id))
                throw new Error(`Duplicate ${kind} id "${p.id}"`);
            this.#byId.set(p.id, p);
        }
        for (const p of plugins) {
            for (const alias of aliasesOf(p)) {
                if (this.#byId.has(alias) || this.#aliases.has(alias))
                    throw new Error(`Duplicate ${kind} alias "${alias}"`);
                this.#aliases.set(alias, p.id);
            }
        }
    }
    all() {
        return [...this.#byId.values()];
    }
    ids() {
        return [...this.#byId.keys()];
    }
    find(idOrAlias) {
        return this.#byId.get(idOrAlias) ?? this.#byId.get(this.#aliases.get(idOrAlias) ?? '');
    }
    /** Looks a plugin up by id or alias; an unknown name is the user's mistake and says what exists. */
    get(idOrAlias) {
        const p = this.find(idOrAlias);
        if (!p) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Unknown ${this.kind} "${idOrAlias}". Known: ${[...this.#byId.keys(), ...this.#aliases.keys()].sort().join(', ')}`);
        }
        return p;
    }
}


/***/ }),

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


/***/ }),

/***/ 22138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cA: () => (/* binding */ SBOM_SCHEME),
  HX: () => (/* binding */ isSbomReference),
  rl: () => (/* binding */ parseSbom),
  OM: () => (/* binding */ sbomInput),
  Rw: () => (/* binding */ sbomInputOf)
});

// UNUSED EXPORTS: loadSbom, sbomImageMetadata

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/json.ts
var common_json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/sbom/distro.ts
/**
 * The distro an SBOM describes, as os-release would say it (`ID`, `VERSION_ID`), so that OS packages read from an
 * SBOM match the same distro advisories as the image they came from. Producers name distros three ways:
 * - syft: the os-release ID and VERSION_ID (`debian`, `12`; `rhel`, `9.4`), plus `syft:distro:*` properties;
 * - trivy: its OS family (`redhat`, `alma`, `amazon`, `oracle`, `cbl-mariner`, `opensuse.leap`, `suse linux
 *   enterprise server`) and the release it read (`12.5`, `2 (Karoo)`), in the operating-system component and in the
 *   purls' `distro` qualifier (`redhat-8`; for apk only the release, `3.14.2`);
 * - osv-scalibr and purl-spec's examples: a codename (`distro=bookworm`, `distro=jessie`).
 */
/** trivy's OS family names (pkg/fanal/types/const.go) → os-release ID. Names not listed are already an ID. */
const TRIVY_FAMILY = {
    redhat: 'rhel',
    alma: 'almalinux',
    amazon: 'amzn',
    oracle: 'ol',
    'cbl-mariner': 'mariner',
    'opensuse.leap': 'opensuse-leap',
    'opensuse.tumbleweed': 'opensuse-tumbleweed',
    opensuse: 'opensuse-leap',
    'suse linux enterprise server': 'sles',
    'suse linux enterprise desktop': 'sled',
    'suse linux enterprise micro': 'sle-micro',
    'sles-sap': 'sles_sap',
};
/** Release codenames → VERSION_ID, for a purl `distro=bookworm` (purl-spec's deb examples, osv-scalibr). */
const CODENAMES = {
    buster: { id: 'debian', versionId: '10' },
    bullseye: { id: 'debian', versionId: '11' },
    bookworm: { id: 'debian', versionId: '12' },
    trixie: { id: 'debian', versionId: '13' },
    forky: { id: 'debian', versionId: '14' },
    stretch: { id: 'debian', versionId: '9' },
    jessie: { id: 'debian', versionId: '8' },
    xenial: { id: 'ubuntu', versionId: '16.04' },
    bionic: { id: 'ubuntu', versionId: '18.04' },
    focal: { id: 'ubuntu', versionId: '20.04' },
    jammy: { id: 'ubuntu', versionId: '22.04' },
    kinetic: { id: 'ubuntu', versionId: '22.10' },
    lunar: { id: 'ubuntu', versionId: '23.04' },
    mantic: { id: 'ubuntu', versionId: '23.10' },
    noble: { id: 'ubuntu', versionId: '24.04' },
    oracular: { id: 'ubuntu', versionId: '24.10' },
    plucky: { id: 'ubuntu', versionId: '25.04' },
    questing: { id: 'ubuntu', versionId: '25.10' },
};
/** An os-release ID for a name a producer gives (an ID, or trivy's family). */
function osReleaseId(name) {
    const n = name.trim().toLowerCase();
    return Object.hasOwn(TRIVY_FAMILY, n) ? TRIVY_FAMILY[n] : n;
}
/**
 * VERSION_ID from a release as a producer writes it: trivy's Amazon Linux release is `2 (Karoo)` or
 * `2023.6.20241010` where os-release says `2` and `2023`.
 */
function versionIdOf(id, version) {
    const v = version?.trim();
    if (!v)
        return undefined;
    if (id === 'amzn')
        return /^(\d+)/.exec(v)?.[1] ?? v;
    return v.replace(/\s+\(.*\)$/, '');
}
/**
 * A distro from an id-or-family and a release. A Debian point release (trivy reads `/etc/debian_version`: `12.7`)
 * keeps its major as `releaseVersionId`, what os-release's VERSION_ID says, as the image's own detection does
 * (src/catalog/distro/detect.ts).
 */
function normaliseDistro(name, version, extra = {}) {
    const id = osReleaseId(name);
    const versionId = versionIdOf(id, version);
    const point = id === 'debian' ? /^(\d+)\.\d+/.exec(versionId ?? '')?.[1] : undefined;
    return { id, ...(versionId ? { versionId } : {}), ...(point ? { releaseVersionId: point } : {}), ...extra };
}
/**
 * The distro a purl's `distro` qualifier names (`debian-12`, `redhat-8`, `alpine-3.20.3`, `3.14.2`, `bookworm`),
 * the namespace standing in for the id where the qualifier gives only a release or a codename. Undefined when the
 * purl names no distro.
 */
function distroOfPurl(p) {
    const q = p.qualifiers.distro?.trim();
    const ns = p.namespace?.toLowerCase();
    if (!q)
        return undefined;
    const code = q.toLowerCase();
    if (Object.hasOwn(CODENAMES, code))
        return { ...CODENAMES[code], versionCodename: code };
    // Only a release (trivy's apk purls): the namespace is the id.
    if (/^\d/.test(q))
        return ns ? normaliseDistro(ns, q) : undefined;
    const m = /^(.*?)-(\d.*)$/.exec(q);
    if (m)
        return normaliseDistro(m[1], m[2]);
    // A codename not in the table: keep it as the codename of the namespace's distro.
    if (ns && osReleaseId(ns) !== osReleaseId(q))
        return { id: osReleaseId(ns), versionCodename: code };
    return { id: osReleaseId(q) };
}

// EXTERNAL MODULE: ./src/catalog/purl.ts
var purl = __webpack_require__(92502);
// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
;// CONCATENATED MODULE: ./src/sbom/purl-parse.ts
/**
 * Reading package URLs back (the inverse of src/catalog/purl.ts), for SBOM input: the purl is the one field every
 * SBOM format carries for a package, so the package type, the distro and the source package are recovered from it.
 */


const decode = (s) => {
    // Without a '%' there is nothing to decode (decodeURIComponent would give the text back unchanged).
    if (!s.includes('%'))
        return s;
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
};
const TYPE = /^[a-z][a-z0-9.+-]*$/;
/**
 * Parses `pkg:type/namespace/name@version?qualifiers#subpath` as purl-spec's "how to parse" says
 * (docs/specification/how-to-parse.md); undefined when the text is not a purl. Lenient where real SBOMs differ from
 * the canonical form, and says so in src/sbom/purl-parse.test.ts: every percent-encoding is decoded (`1%3A2.3` and
 * `1:2.3` are the same version), an unencoded `@` in an npm scope is a namespace, upper-case qualifier keys are
 * lower-cased, and a type's namespace requirement is not enforced.
 */
function parsePurl(text) {
    const m = /^pkg:\/*([^/]*)\/(.*)$/i.exec(text.trim());
    if (!m)
        return undefined;
    const type = m[1].toLowerCase();
    if (!TYPE.test(type))
        return undefined;
    let rest = m[2];
    let subpath;
    const hash = rest.indexOf('#');
    if (hash >= 0) {
        subpath = rest
            .slice(hash + 1)
            .split('/')
            .filter((s) => s && s !== '.' && s !== '..')
            .map(decode)
            .join('/');
        rest = rest.slice(0, hash);
    }
    const qualifiers = {};
    const q = rest.indexOf('?');
    if (q >= 0) {
        for (const pair of rest.slice(q + 1).split('&')) {
            if (pair === '')
                continue;
            const eq = pair.indexOf('=');
            const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
            if (!purl/* QUALIFIER_KEY */.$8.test(key))
                return undefined;
            const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
            if (value !== '')
                qualifiers[key] = value;
        }
        rest = rest.slice(0, q);
    }
    let version;
    const at = rest.lastIndexOf('@');
    // An `@` before the last '/' is an unencoded npm scope (`pkg:npm/@scope/name`), not a version.
    if (at > rest.lastIndexOf('/')) {
        version = decode(rest.slice(at + 1));
        rest = rest.slice(0, at);
    }
    // `ns/name/@1.0`: the name before the version is empty.
    if (rest.endsWith('/'))
        return undefined;
    const segments = rest.split('/').filter(Boolean).map(decode);
    const rawName = segments.pop();
    if (!rawName)
        return undefined;
    const { namespace, name } = (0,purl/* normalisePurlNames */.M9)(type, segments.length ? segments.join('/') : undefined, rawName);
    return {
        type,
        ...(namespace ? { namespace } : {}),
        name,
        ...(version ? { version } : {}),
        qualifiers,
        ...(subpath ? { subpath } : {}),
    };
}
/** Purl type → package type: the inverse of PURL_TYPE (src/catalog/purl.ts), which is exhaustive. */
const TYPE_BY_PURL_TYPE = new Map(Object.entries(purl/* PURL_TYPE */["do"]).map(([type, purlType]) => [purlType, type]));
const PACKAGE_TYPES = new Set(Object.keys(purl/* PURL_TYPE */["do"]));
/** The package type of a purl type; undefined for a type Portcullis does not catalog (`cocoapods`, `github`, `generic`). */
function packageTypeOfPurl(p) {
    return TYPE_BY_PURL_TYPE.get(p.type);
}
/** True for the strings that are a PackageType (`deb`, `java-archive`, …). */
function isPackageType(s) {
    return s !== undefined && PACKAGE_TYPES.has(s);
}
/**
 * Whether a package type's name includes the purl namespace, as the catalogers write names: npm and composer keep
 * their scope or vendor (`@babel/core`, `symfony/console`), Go its module path; Maven's group is metadata, the
 * name is the artifact. Exhaustive.
 */
const NAME_HAS_NAMESPACE = {
    apk: false,
    deb: false,
    rpm: false,
    npm: true,
    python: false,
    'java-archive': false,
    'go-module': true,
    gem: false,
    'php-composer': true,
    'rust-crate': false,
    dotnet: false,
};
/** The package name as the catalogers write it (see NAME_HAS_NAMESPACE). */
function packageNameOfPurl(p) {
    const type = packageTypeOfPurl(p);
    return p.namespace && type && NAME_HAS_NAMESPACE[type] ? `${p.namespace}/${p.name}` : p.name;
}
/**
 * The source (origin) package of an OS package, from the purl's qualifiers:
 * - `upstream=NAME` or `upstream=NAME@VERSION` (deb, apk: Portcullis and syft; the binary is its own source when
 *   absent), `upstream=NAME-V-R.src.rpm` (rpm);
 * - osv-scalibr's `source` and `sourceversion` (deb), `origin` (apk), `sourcerpm` (rpm).
 * A deb or apk source without its own version has the binary's.
 */
function sourceOfPurl(p, version) {
    const q = p.qualifiers;
    const type = packageTypeOfPurl(p);
    if (!type)
        return undefined;
    switch (type) {
        case 'deb':
        case 'apk': {
            const upstream = q.upstream ?? q.source ?? q.origin;
            if (!upstream)
                return { name: p.name, version };
            const at = upstream.indexOf('@');
            if (at > 0)
                return { name: upstream.slice(0, at), version: upstream.slice(at + 1) };
            return { name: upstream, version: q.sourceversion ?? version };
        }
        case 'rpm': {
            const srpm = q.upstream ?? q.sourcerpm;
            return srpm ? (sourceOfRpmFile(srpm) ?? { name: srpm }) : undefined;
        }
        case 'npm':
        case 'python':
        case 'java-archive':
        case 'go-module':
        case 'gem':
        case 'php-composer':
        case 'rust-crate':
        case 'dotnet':
            return undefined;
        default:
            return (0,errors/* assertNever */.xb)(type, 'package type');
    }
}
/** `openssl-1.1.1k-9.el8_7.src.rpm` → openssl, 1.1.1k-9.el8_7. */
function sourceOfRpmFile(file) {
    const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
    return m ? { name: m[1], version: `${m[2]}-${m[3]}` } : undefined;
}

;// CONCATENATED MODULE: ./src/sbom/document.ts
/** What an SBOM read back gives: the package model, and what the document says about the image and its distro. */




const SBOM_STAGE = 'sbom';
/** The id the catalogers give a package: `type:name@version`, then its first path. */
function packageId(type, name, version, firstPath) {
    return `${type}:${name}@${version}${firstPath ? `:${firstPath}` : ''}`;
}
/**
 * A licence expression split at its top-level ANDs, back into the list the SBOM writers joined
 * (`(A OR B) AND C` → `A OR B`, `C`). A single licence stays as it is.
 */
function splitLicenseExpression(expression) {
    const s = expression.trim();
    // Most are one licence: nothing to split.
    if (!s.includes(' AND ')) {
        const one = unwrap(s);
        return one ? [one] : [];
    }
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (depth === 0 && s.startsWith(' AND ', i)) {
            parts.push(s.slice(start, i));
            start = i + 5;
            i += 4;
        }
    }
    parts.push(s.slice(start));
    return parts.map((p) => unwrap(p.trim())).filter(Boolean);
}
/** Drops one pair of parentheses around the whole text. */
function unwrap(s) {
    if (!s.startsWith('(') || !s.endsWith(')'))
        return s;
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
        if (s[i] === '(')
            depth++;
        else if (s[i] === ')')
            depth--;
        if (depth === 0 && i < s.length - 1)
            return s; // `(A) OR (B)`: the first group closes early.
    }
    return s.slice(1, -1).trim();
}
/** The package types whose versions carry an epoch that a purl may write apart, as an `epoch` qualifier. Exhaustive. */
const HAS_EPOCH = {
    apk: false,
    deb: true,
    rpm: true,
    npm: false,
    python: false,
    'java-archive': false,
    'go-module': false,
    gem: false,
    'php-composer': false,
    'rust-crate': false,
    dotnet: false,
};
const EPOCH = /^\d+:/;
/**
 * The installed version. For OS packages the purl's version, with the epoch put back where a producer writes it as
 * a qualifier (trivy: `pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?epoch=1`, component version `1.0.2k-16.el7`;
 * syft: `?epoch=1` beside the version `1:1.1.1k-9.el8_7`): the distro's advisories compare `epoch:version-release`.
 * A document version that is the purl's with an epoch wins. Language packages: the document's version, else the
 * purl's.
 */
function versionOf(type, f, parsed, os) {
    if (!os)
        return f.version || parsed.version || '';
    const base = parsed.version || f.version || '';
    if (!base || EPOCH.test(base))
        return base;
    if (f.version && EPOCH.test(f.version) && f.version.replace(EPOCH, '') === base)
        return f.version;
    const epoch = f.epoch ?? parsed.qualifiers.epoch;
    return HAS_EPOCH[type] && epoch && /^\d+$/.test(epoch) && epoch !== '0' ? `${epoch}:${base}` : base;
}
/**
 * Builds a Package from what a format carries, or an Unknown saying why it cannot be one. The type comes from the
 * document when it states one Portcullis knows, else from the purl; the source package from the document, else the
 * purl's qualifiers (OS packages only).
 */
function toPackage(f, format, label) {
    const parsed = parsePurl(f.purl);
    if (!parsed)
        return { unknown: { stage: SBOM_STAGE, reason: `${label}: no package URL ("${f.purl}"), so it is not a package Portcullis can match` } };
    const type = isPackageType(f.type) && purl/* PURL_TYPE */["do"][f.type] === parsed.type ? f.type : packageTypeOfPurl(parsed);
    if (!type)
        return { unknown: { stage: SBOM_STAGE, reason: `${label} (${f.purl}): ${uncatalogued(parsed.type)} not cataloged by Portcullis, so it is not checked for vulnerabilities` } };
    const os = target/* OS_PACKAGE_TYPE */.Ll[type];
    const name = f.name || packageNameOfPurl(parsed);
    const version = versionOf(type, f, parsed, os);
    const purlSource = sourceOfPurl(parsed, version);
    let source = purlSource;
    if (f.sourceName) {
        const v = f.sourceVersion ?? (purlSource?.name === f.sourceName ? purlSource.version : undefined);
        source = { name: f.sourceName, ...(v ? { version: v } : {}) };
    }
    const arch = f.arch ?? parsed.qualifiers.arch;
    return {
        package: {
            id: f.id || packageId(type, name, version, f.locations[0]?.path),
            type,
            name,
            version,
            purl: f.purl,
            licenses: f.licenses,
            locations: f.locations,
            foundBy: f.foundBy ?? `sbom/${format}`,
            ...(source ? { source } : {}),
            ...(arch ? { arch } : {}),
            ...(f.ownedBy ? { ownedBy: f.ownedBy } : {}),
        },
    };
}
/** Ecosystem names for the purl types an SBOM may hold that Portcullis does not catalog, for the unknown's text. */
const UNCATALOGUED = {
    cocoapods: 'CocoaPods',
    conan: 'Conan',
    hex: 'Hex',
    pub: 'Pub (Dart)',
    dart: 'Pub (Dart)',
    swift: 'Swift',
    conda: 'Conda',
    cran: 'CRAN',
    hackage: 'Hackage',
    bitnami: 'Bitnami',
    github: 'GitHub',
    generic: 'generic',
    alpm: 'Arch Linux (alpm)',
    luarocks: 'LuaRocks',
    cpan: 'CPAN',
};
function uncatalogued(purlType) {
    return Object.hasOwn(UNCATALOGUED, purlType) ? `${UNCATALOGUED[purlType]} packages (purl type "${purlType}") are` : `purl type "${purlType}" is`;
}
/**
 * Directories only Debian's package manager writes (Debian Python policy 2.5: `/usr/lib/python3/dist-packages` is
 * for Debian packages, pip installs to `/usr/local`; likewise the nodejs, ruby and php policy directories).
 */
const DEB_OWNED_DIRS = [
    '/usr/lib/python3/dist-packages/',
    '/usr/share/nodejs/',
    '/usr/lib/nodejs/',
    '/usr/lib/ruby/vendor_ruby/',
    '/usr/share/rubygems-integration/',
    '/usr/share/php/',
];
/**
 * Marks the language packages an OS package owns when the SBOM does not say so (syft's CycloneDX carries no
 * ownership; an image scan finds it from dpkg's file lists): on an SBOM with deb packages, a language package found
 * in a directory only dpkg writes is owned by the deb whose name is `python3-NAME` / `node-NAME` / `ruby-NAME` /
 * `php-NAME` when there is one, else by "dpkg" (the directory is named). Such packages are matched through the
 * distro, as on the image. Returns how many it marked.
 */
function inferOwnership(packages) {
    const debs = new Map(packages.filter((p) => p.type === 'deb').map((p) => [p.name, p.id]));
    if (debs.size === 0)
        return 0;
    let marked = 0;
    for (const p of packages) {
        if (target/* OS_PACKAGE_TYPE */.Ll[p.type] || p.ownedBy)
            continue;
        const path = p.locations[0]?.path;
        const dir = path ? DEB_OWNED_DIRS.find((d) => path.startsWith(d)) : undefined;
        if (!path || !dir)
            continue;
        const short = p.name.toLowerCase().replace(/^.*\//, '').replace(/_/g, '-');
        const guess = ['python3-', 'node-', 'ruby-', 'php-'].map((prefix) => debs.get(`${prefix}${short}`)).find((id) => id !== undefined);
        p.ownedBy = guess ?? `dpkg (${dir.slice(0, -1)})`;
        marked++;
    }
    return marked;
}
/** The distro the OS packages' purls name, when the document does not say (SPDX has no operating-system element). */
function distroFromPackages(packages) {
    let fromNamespace;
    for (const p of packages) {
        if (!target/* OS_PACKAGE_TYPE */.Ll[p.type])
            continue;
        const parsed = parsePurl(p.purl);
        if (!parsed)
            continue;
        const d = distroOfPurl(parsed);
        if (d)
            return d;
        if (parsed.namespace)
            fromNamespace ??= { id: osReleaseId(parsed.namespace) };
    }
    return fromNamespace;
}

;// CONCATENATED MODULE: ./src/sbom/json.ts
/** Defensive reading of untyped JSON (an SBOM from any producer): wrong shapes read as absent, never throw. */
function asRecord(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function asArray(v) {
    return Array.isArray(v) ? v : [];
}
/** A non-empty string, else undefined. */
function asString(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** The object without its undefined fields (for exact optional properties). */
function compact(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/sbom/cyclonedx.ts
/**
 * CycloneDX JSON (1.4 to 1.7) back into the package model. Reads, beside the standard fields (name, group, version,
 * purl, licences):
 * - Portcullis's own properties (`portcullis:package:*`, `portcullis:location:N:*`, `portcullis:image:*`);
 * - syft's (`syft:package:type`, `syft:package:foundBy`, `syft:location:N:path`, `syft:metadata:source`,
 *   `sourceVersion`, `originPackage`, `sourceRpm`, `epoch`, `architecture`/`arch`; the operating-system component's
 *   `syft:distro:*`), as anchore/syft's syft/format/cyclonedxjson/testdata/snapshot/*.golden show them;
 * - trivy's (`aquasecurity:trivy:SrcName`, `SrcVersion`, `SrcRelease`, `SrcEpoch`, `FilePath`; on the
 *   image `RepoTag`, `RepoDigest`, `ImageID`; the operating-system component named by trivy's OS family), as
 *   aquasecurity/trivy's integration/testdata/fixtures/sbom/*-cyclonedx.json show them;
 * - cdxgen's `SrcFile` (the file a package was found in).
 */





function propertiesOf(c) {
    const list = [];
    const first = new Map();
    const raw = c.properties;
    if (Array.isArray(raw)) {
        for (const item of raw) {
            const p = asRecord(item);
            const name = p && asString(p.name);
            if (!name)
                continue;
            const value = asString(p.value) ?? '';
            list.push({ name, value });
            if (!first.has(name))
                first.set(name, value);
        }
    }
    return { list, first };
}
/** The first value of a property, under the Portcullis name or syft's: the first property of a name, when not empty. */
function prop(props, ...names) {
    for (const n of names) {
        const value = props.first.get(n);
        if (value)
            return value;
    }
    return undefined;
}
function licensesOf(c) {
    const out = [];
    const raw = c.licenses;
    if (!Array.isArray(raw))
        return out;
    for (const item of raw) {
        const entry = asRecord(item);
        if (!entry)
            continue;
        const expression = asString(entry.expression);
        if (expression) {
            for (const part of splitLicenseExpression(expression))
                out.push(part);
            continue;
        }
        const license = asRecord(entry.license);
        const text = asString(license?.id) ?? asString(license?.name);
        if (text)
            out.push(text);
    }
    return out;
}
const LOCATION = /^(?:portcullis|syft):location:(\d+):(\w+)$/;
/** `portcullis:location:N:path` (or syft's) with, when all are given, the layer it came from. */
function locationsOf(props) {
    const byIndex = new Map();
    for (const p of props.list) {
        // Every name the pattern matches has this in it; most names have not, and skip the pattern.
        if (!p.name.includes(':location:'))
            continue;
        const m = LOCATION.exec(p.name);
        if (!m)
            continue;
        const i = Number(m[1]);
        let f = byIndex.get(i);
        if (!f)
            byIndex.set(i, (f = {}));
        // A later property of the same index and field replaces an earlier one.
        const field = m[2];
        if (field === 'path' || field === 'layerIndex' || field === 'layerDigest' || field === 'diffId')
            f[field] = p.value;
    }
    if (byIndex.size === 0) {
        // trivy's FilePath (relative to the image root) and cdxgen's SrcFile: one path, no layer index.
        const file = prop(props, 'aquasecurity:trivy:FilePath', 'SrcFile');
        return file ? [{ path: file.startsWith('/') ? file : `/${file}` }] : [];
    }
    const groups = byIndex.size === 1 ? [...byIndex.values()] : [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
    const out = [];
    for (const f of groups) {
        if (!f.path)
            continue;
        const layerIndex = f.layerIndex !== undefined ? Number(f.layerIndex) : NaN;
        out.push(Number.isInteger(layerIndex) && f.layerDigest && f.diffId
            ? { path: f.path, provenance: { layerIndex, layerDigest: f.layerDigest, diffId: f.diffId } }
            : { path: f.path });
    }
    return out;
}
function platformOf(text) {
    const [os, architecture, variant] = (text ?? '').split('/');
    if (!os || !architecture)
        return undefined;
    return { os, architecture, ...(variant ? { variant } : {}) };
}
function imageOf(metadata) {
    const c = asRecord(metadata?.component);
    if (!c)
        return {};
    const props = propertiesOf(c);
    const name = prop(props, 'portcullis:image:reference') ?? asString(c.name);
    const version = asString(c.version);
    const configDigest = prop(props, 'portcullis:image:configDigest', 'aquasecurity:trivy:ImageID');
    const platform = platformOf(prop(props, 'portcullis:image:platform'));
    const repoDigests = props.list.filter((p) => p.name === 'portcullis:image:repoDigest' || p.name === 'aquasecurity:trivy:RepoDigest').map((p) => p.value);
    const repoTags = props.list.filter((p) => p.name === 'aquasecurity:trivy:RepoTag').map((p) => p.value);
    const digest = version && /^sha256:[0-9a-f]{64}$/.test(version) && version !== configDigest ? version : undefined;
    return {
        ...(name ? { name: repoTags[0] ?? name } : {}),
        ...(repoTags.length ? { repoTags } : {}),
        ...(digest ? { manifestDigest: digest } : {}),
        ...(configDigest ? { configDigest } : {}),
        ...(platform ? { platform } : {}),
        ...(repoDigests.length ? { repoDigests } : {}),
    };
}
/**
 * Every component, nested ones included (CycloneDX allows components inside components), each before those it
 * holds. The recursion is bounded by the document's depth, which parseSbom checked.
 */
function flatten(components, out = []) {
    if (!Array.isArray(components))
        return out;
    for (const item of components) {
        const c = asRecord(item);
        if (!c)
            continue;
        out.push(c);
        flatten(c.components, out);
    }
    return out;
}
/**
 * The operating-system component: syft names it by os-release ID and adds `syft:distro:*` properties; trivy names
 * it by its OS family (`redhat`, `alma`, `amazon`) with the release it read (`12.5`, `2 (Karoo)`).
 */
function distroOf(c) {
    const props = propertiesOf(c);
    const name = prop(props, 'syft:distro:id') ?? asString(c.name);
    if (!name)
        return undefined;
    const versionId = prop(props, 'syft:distro:versionID') ?? asString(c.version);
    const prettyName = prop(props, 'syft:distro:prettyName') ?? asString(c.description);
    const versionCodename = prop(props, 'syft:distro:versionCodename');
    const idLike = props.list.filter((p) => /^syft:distro:idLike:\d+$/.test(p.name)).map((p) => p.value);
    return normaliseDistro(name, versionId, {
        ...(prettyName ? { prettyName } : {}),
        ...(versionCodename ? { versionCodename } : {}),
        ...(idLike.length ? { idLike } : {}),
    });
}
/** `[epoch:]version[-release]` from trivy's split source fields. */
function trivySourceVersion(props) {
    const version = prop(props, 'aquasecurity:trivy:SrcVersion');
    if (!version)
        return undefined;
    const release = prop(props, 'aquasecurity:trivy:SrcRelease');
    const epoch = prop(props, 'aquasecurity:trivy:SrcEpoch');
    return `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
}
/** The source package a component's properties name: Portcullis's, syft's metadata, or trivy's Src* fields. */
function sourceOf(props) {
    const ours = prop(props, 'portcullis:package:sourceName');
    if (ours)
        return { sourceName: ours, sourceVersion: prop(props, 'portcullis:package:sourceVersion') };
    const trivy = prop(props, 'aquasecurity:trivy:SrcName');
    if (trivy)
        return { sourceName: trivy, sourceVersion: trivySourceVersion(props) };
    const srpm = prop(props, 'syft:metadata:sourceRpm');
    const fromRpm = srpm ? sourceOfRpmFile(srpm) : undefined;
    if (fromRpm)
        return { sourceName: fromRpm.name, sourceVersion: fromRpm.version };
    return { sourceName: prop(props, 'syft:metadata:source', 'syft:metadata:originPackage'), sourceVersion: prop(props, 'syft:metadata:sourceVersion') };
}
/**
 * cdxgen drops trivy's properties from OS package components and adds, for each binary built from a differently
 * named source, a copy named after the source, tagged `source`, whose identity evidence names the binary
 * (CycloneDX/cdxgen lib/managers/binary.js, "Many vulnerability databases … track vulnerabilities based on source
 * package names"). That copy is not an installed package: it gives its binary's source package.
 */
function cdxgenSourceSibling(c) {
    if (!Array.isArray(c.tags) || !c.tags.includes('source'))
        return undefined;
    const evidence = asRecord(c.evidence);
    const identities = Array.isArray(evidence?.identity) ? evidence.identity : [evidence?.identity];
    const binary = identities
        .map(asRecord)
        .flatMap((i) => asArray(i?.methods).map(asRecord))
        .map((m) => asString(m?.value))
        .find((v) => v !== undefined);
    const name = asString(c.name);
    const version = asString(c.version);
    return binary && name && version ? { binary, source: { name, version } } : undefined;
}
function writtenByPortcullis(doc) {
    const tools = asRecord(doc.metadata)?.tools;
    const list = Array.isArray(tools) ? tools : asArray(asRecord(tools)?.components);
    return list.some((t) => asString(asRecord(t)?.name) === 'portcullis');
}
/** Types that are never packages: the image itself, files, services' data. */
const NOT_PACKAGES = new Set(['container', 'file', 'data', 'machine-learning-model', 'cryptographic-asset', 'platform', 'device', 'firmware']);
function readCycloneDx(doc) {
    const packages = [];
    const unknowns = [];
    const cdxgenSources = new Map();
    let distro;
    for (const c of flatten(doc.components)) {
        const kind = asString(c.type) ?? 'library';
        if (kind === 'operating-system') {
            distro ??= distroOf(c);
            continue;
        }
        const purl = asString(c.purl);
        if (NOT_PACKAGES.has(kind) && !purl)
            continue;
        const sibling = cdxgenSourceSibling(c);
        if (sibling) {
            cdxgenSources.set(sibling.binary, sibling.source);
            continue;
        }
        const props = propertiesOf(c);
        const name = asString(c.name);
        const group = asString(c.group);
        const label = `component "${(group && name ? `${group}/${name}` : (group ?? name)) || asString(c['bom-ref']) || '?'}"`;
        const { sourceName, sourceVersion } = sourceOf(props);
        // Fields the document does not give are undefined, which toPackage reads as absent.
        const r = toPackage({
            id: asString(c['bom-ref']),
            type: prop(props, 'portcullis:package:type', 'syft:package:type'),
            // Scoped npm and composer names, and Go module paths, may come as group + name.
            name: name && group && /^pkg:(npm|composer|golang)\//.test(purl ?? '') && !name.includes('/') ? `${group}/${name}` : name,
            version: asString(c.version),
            purl: purl ?? '',
            licenses: licensesOf(c),
            locations: locationsOf(props),
            epoch: prop(props, 'syft:metadata:epoch'),
            foundBy: prop(props, 'portcullis:package:foundBy', 'syft:package:foundBy'),
            sourceName,
            sourceVersion,
            arch: prop(props, 'portcullis:package:arch', 'syft:metadata:architecture', 'syft:metadata:arch'),
            ownedBy: prop(props, 'portcullis:package:ownedBy'),
        }, 'cyclonedx', label);
        if ('package' in r)
            packages.push(r.package);
        else
            unknowns.push(r.unknown);
    }
    // bom-refs are unique in a valid document; a duplicate would make two packages one, so it gets a suffix.
    const seen = new Map();
    for (const p of packages) {
        const n = seen.get(p.id) ?? 0;
        seen.set(p.id, n + 1);
        if (n > 0) {
            unknowns.push({ stage: SBOM_STAGE, reason: `bom-ref "${p.id}" appears more than once; the copies are kept as separate packages` });
            p.id = `${p.id}#${n}`;
        }
    }
    for (const p of packages) {
        const src = cdxgenSources.get(p.name);
        if (src && (0,target/* isOsPackageType */.PH)(p.type))
            p.source = src;
    }
    // An SBOM of a host or root filesystem may describe the operating system itself as its metadata component.
    const described = asRecord(asRecord(doc.metadata)?.component);
    if (described && asString(described.type) === 'operating-system')
        distro ??= distroOf(described);
    distro ??= distroFromPackages(packages);
    // Portcullis writes ownership itself (`portcullis:package:ownedBy`): what it does not say is not there.
    if (!writtenByPortcullis(doc))
        inferOwnership(packages);
    return {
        format: 'cyclonedx',
        specVersion: asString(doc.specVersion) ?? '',
        packages,
        ...(distro ? { distro } : {}),
        image: imageOf(asRecord(doc.metadata)),
        unknowns,
    };
}

;// CONCATENATED MODULE: ./src/sbom/portcullis-json.ts
/**
 * Portcullis JSON (the `json` output: a whole ScanReport) back into the package model. Nothing is lost: packages,
 * distro and image metadata are taken as written. Findings and the policy result are not read; a scan of the SBOM
 * makes its own.
 */



function isPackage(p) {
    return (isPackageType(asString(p.type)) &&
        typeof p.id === 'string' &&
        typeof p.name === 'string' &&
        typeof p.version === 'string' &&
        typeof p.purl === 'string' &&
        Array.isArray(p.licenses) &&
        Array.isArray(p.locations));
}
function readPortcullisJson(doc) {
    const packages = [];
    const unknowns = [];
    asArray(doc.packages).forEach((raw, i) => {
        const p = asRecord(raw);
        if (p && isPackage(p))
            packages.push({ ...p, foundBy: asString(p.foundBy) ?? 'sbom/portcullis-json' });
        else
            unknowns.push({ stage: SBOM_STAGE, reason: `packages[${i}] is not a package (it needs type, id, name, version, purl, licenses and locations)` });
    });
    const d = asRecord(doc.distro);
    const distro = d && asString(d.id) ? d : undefined;
    const image = asRecord(doc.image) ?? {};
    const repoTags = asArray(image.repoTags).filter((x) => typeof x === 'string');
    const repoDigests = asArray(image.repoDigests).filter((x) => typeof x === 'string');
    const platform = asRecord(image.platform);
    const config = asRecord(image.config);
    return {
        format: 'portcullis-json',
        specVersion: asString(doc.schemaVersion) ?? '',
        packages,
        ...(distro ? { distro } : {}),
        image: compact({
            name: repoTags[0] ?? asString(image.reference),
            manifestDigest: asString(image.manifestDigest),
            configDigest: asString(image.configDigest),
            platform: platform && asString(platform.os) && asString(platform.architecture) ? platform : undefined,
            repoTags,
            repoDigests,
            config: config && asRecord(config.rootfs) ? config : undefined,
        }),
        unknowns,
    };
}

;// CONCATENATED MODULE: ./src/sbom/spdx.ts
/**
 * SPDX 2.2/2.3 JSON back into the package model. A package is an element with a purl external reference; the
 * described element (the image) and the operating-system element (`primaryPackagePurpose: OPERATING-SYSTEM`, or
 * trivy's `SPDXRef-OperatingSystem-*`) are not packages. Reads:
 * - the `sourceInfo` and `comment` that Portcullis writes (`found by ID at PATHS`, `source package NAME VERSION`);
 * - syft's `sourceInfo` (`acquired package info from …: PATHS`) and its `OTHER` relationships commented
 *   `ownership-by-file-overlap` (the OS package that owns a language package);
 * - trivy's `sourceInfo` (`built package from: NAME VERSION`) and its `Key: value` attribution texts and annotation
 *   comments (`SrcName`, `SrcVersion`, `SrcRelease`, `SrcEpoch`), as aquasecurity/trivy's
 *   integration/testdata/fixtures/sbom/centos-7-spdx.json shows them.
 */




const NO_VALUE = new Set(['NOASSERTION', 'NONE']);
function spdx_licensesOf(p) {
    for (const field of ['licenseDeclared', 'licenseConcluded']) {
        const v = asString(p[field]);
        if (v && !NO_VALUE.has(v))
            return splitLicenseExpression(v);
    }
    return [];
}
function purlOf(p) {
    for (const ref of asArray(p.externalRefs).map(asRecord)) {
        if (asString(ref?.referenceType) === 'purl')
            return asString(ref?.referenceLocator);
    }
    return undefined;
}
/** The finder and paths from `sourceInfo`. */
function origin(p) {
    const info = asString(p.sourceInfo) ?? '';
    const ours = /^found by (\S+) at (.*)$/s.exec(info);
    if (ours)
        return { foundBy: ours[1], paths: ours[2] === 'an unknown path' ? [] : ours[2].split(', ') };
    const syft = /^acquired package info from [^:]*: (.*)$/s.exec(info);
    if (syft)
        return { paths: syft[1].split(', ').filter((s) => s.startsWith('/')) };
    return { paths: [] };
}
/** trivy's `Key: value` attribution texts and annotation comments, by key. */
function trivyFields(p) {
    const texts = [
        ...asArray(p.attributionTexts).filter((x) => typeof x === 'string'),
        ...asArray(p.annotations)
            .map((a) => asString(asRecord(a)?.comment))
            .filter((x) => x !== undefined),
    ];
    const out = new Map();
    for (const t of texts) {
        const m = /^(\w+): (.+)$/s.exec(t);
        if (m && !out.has(m[1]))
            out.set(m[1], m[2].trim());
    }
    return out;
}
/**
 * The source package: Portcullis's comment (`source package NAME [VERSION]`), trivy's Src* fields, or trivy's
 * `sourceInfo` (`built package from: NAME VERSION`).
 */
function spdx_sourceOf(p) {
    const m = /^source package (\S+)(?: (\S+))?$/.exec(asString(p.comment) ?? '');
    if (m)
        return compact({ name: m[1], version: m[2] });
    const t = trivyFields(p);
    const name = t.get('SrcName');
    if (name) {
        const v = t.get('SrcVersion');
        const release = t.get('SrcRelease');
        const epoch = t.get('SrcEpoch');
        return compact({ name, version: v ? `${epoch && epoch !== '0' ? `${epoch}:` : ''}${v}${release ? `-${release}` : ''}` : undefined });
    }
    const built = /^built package from: (\S+)(?: (\S+))?$/.exec(asString(p.sourceInfo) ?? '');
    return built ? compact({ name: built[1], version: built[2] }) : {};
}
/** The OS package that owns each language package, from syft's `ownership-by-file-overlap` relationships. */
function owners(doc) {
    const out = new Map();
    for (const r of asArray(doc.relationships).map(asRecord)) {
        if (!r || asString(r.relationshipType) !== 'OTHER' || !/^ownership-by-file-overlap/.test(asString(r.comment) ?? ''))
            continue;
        const owner = asString(r.spdxElementId);
        const owned = asString(r.relatedSpdxElement);
        if (owner && owned && !out.has(owned))
            out.set(owned, owner);
    }
    return out;
}
const isOperatingSystem = (p) => asString(p.primaryPackagePurpose) === 'OPERATING-SYSTEM' || (/^SPDXRef-OperatingSystem-/.test(asString(p.SPDXID) ?? '') && !purlOf(p));
function describedIds(doc) {
    const ids = new Set(asArray(doc.documentDescribes).filter((x) => typeof x === 'string'));
    for (const r of asArray(doc.relationships).map(asRecord)) {
        if (!r)
            continue;
        const type = asString(r.relationshipType);
        if (type === 'DESCRIBES' && asString(r.spdxElementId) === asString(doc.SPDXID))
            ids.add(asString(r.relatedSpdxElement) ?? '');
        if (type === 'DESCRIBED_BY' && asString(r.relatedSpdxElement) === asString(doc.SPDXID))
            ids.add(asString(r.spdxElementId) ?? '');
    }
    return ids;
}
function spdx_imageOf(doc, root) {
    if (!root)
        return {};
    const version = asString(root.versionInfo);
    const comment = /^image (.+), config (sha256:[0-9a-f]{64})$/.exec(asString(root.comment) ?? '');
    const configDigest = comment?.[2];
    const digest = version && /^sha256:[0-9a-f]{64}$/.test(version) && version !== configDigest ? version : undefined;
    return compact({ name: comment?.[1] ?? asString(doc.name) ?? asString(root.name), manifestDigest: digest, configDigest });
}
function readSpdx(doc) {
    const elements = asArray(doc.packages)
        .map(asRecord)
        .filter((p) => p !== undefined);
    const described = describedIds(doc);
    const isImage = (p) => asString(p.primaryPackagePurpose) === 'CONTAINER' || (described.has(asString(p.SPDXID) ?? '') && !purlOf(p));
    const root = elements.find((p) => asString(p.primaryPackagePurpose) === 'CONTAINER') ?? elements.find(isImage);
    const packages = [];
    const unknowns = [];
    const bySpdxId = new Map();
    let distro;
    for (const p of elements) {
        if (p === root || isImage(p))
            continue;
        if (isOperatingSystem(p)) {
            const name = asString(p.name);
            if (name)
                distro ??= normaliseDistro(name, asString(p.versionInfo));
            continue;
        }
        const { foundBy, paths: found } = origin(p);
        // trivy: the file a language package was found in, as a `FilePath:` annotation (relative to the image root).
        const file = trivyFields(p).get('FilePath');
        const paths = found.length || !file ? found : [file.startsWith('/') ? file : `/${file}`];
        const source = spdx_sourceOf(p);
        const r = toPackage(compact({
            name: asString(p.name),
            version: asString(p.versionInfo),
            purl: purlOf(p) ?? '',
            licenses: spdx_licensesOf(p),
            locations: paths.map((path) => ({ path })),
            foundBy,
            sourceName: source.name,
            sourceVersion: source.version,
        }), 'spdx', `package "${asString(p.name) ?? asString(p.SPDXID) ?? '?'}"`);
        if ('package' in r) {
            packages.push(r.package);
            const spdxId = asString(p.SPDXID);
            if (spdxId)
                bySpdxId.set(spdxId, r.package);
        }
        else
            unknowns.push(r.unknown);
    }
    for (const [owned, owner] of owners(doc)) {
        const pkg = bySpdxId.get(owned);
        const by = bySpdxId.get(owner);
        if (pkg && by && !(0,target/* isOsPackageType */.PH)(pkg.type) && (0,target/* isOsPackageType */.PH)(by.type))
            pkg.ownedBy = by.id;
    }
    inferOwnership(packages);
    distro ??= distroFromPackages(packages);
    return {
        format: 'spdx',
        specVersion: asString(doc.spdxVersion) ?? '',
        packages,
        ...(distro ? { distro } : {}),
        image: spdx_imageOf(doc, root),
        unknowns,
    };
}

;// CONCATENATED MODULE: ./src/sbom/read.ts
/**
 * SBOM input: `sbom:PATH` names a CycloneDX, SPDX or Portcullis JSON document to use in place of an image. The
 * format is recognised from the content. The result stands in for the image read and the catalog: a synthetic
 * ImageMetadata without layers, and the packages.
 */







/** The reference prefix that names an SBOM file. */
const SBOM_SCHEME = 'sbom:';
function isSbomReference(ref) {
    return ref.startsWith(SBOM_SCHEME);
}
/**
 * Parses an SBOM document; `label` names it in errors. Not JSON, nested deeper than DEFAULT_MAX_JSON_DEPTH, or no
 * known format, is a ConfigurationError. The depth is measured on the parsed value (V8's JSON.parse does not
 * recurse, so parsing deep text is safe; the walks after it are what the bound protects), which costs a tenth of
 * a scan of every character; a deep value that a repeated key replaced is not there to walk, so not refused. Text
 * that fails to parse is measured as text, so that too deep is said first, as before.
 */
function parseSbom(text, label) {
    let json;
    try {
        json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    catch (e) {
        if ((0,common_json/* jsonDepth */.QV)(text, common_json/* DEFAULT_MAX_JSON_DEPTH */.kF) > common_json/* DEFAULT_MAX_JSON_DEPTH */.kF)
            throw tooDeep(label);
        throw new errors/* ConfigurationError */.j1(`${label} is not JSON: ${(0,errors/* getErrorMessage */.u1)(e)} (SBOM input reads CycloneDX JSON, SPDX JSON or Portcullis JSON)`, { cause: e });
    }
    if ((0,common_json/* jsonValueDepth */.XT)(json, common_json/* DEFAULT_MAX_JSON_DEPTH */.kF) > common_json/* DEFAULT_MAX_JSON_DEPTH */.kF)
        throw tooDeep(label);
    const doc = asRecord(json);
    if (doc && asString(doc.bomFormat) === 'CycloneDX')
        return readCycloneDx(doc);
    if (doc && /^SPDX-2\./.test(asString(doc.spdxVersion) ?? ''))
        return readSpdx(doc);
    if (doc && asString(asRecord(doc.tool)?.name) === 'portcullis' && Array.isArray(doc.packages))
        return readPortcullisJson(doc);
    if (doc && /^SPDX-/.test(asString(doc.spdxVersion) ?? '')) {
        throw new errors/* ConfigurationError */.j1(`${label} is ${asString(doc.spdxVersion)}; SBOM input reads SPDX 2.x JSON`);
    }
    throw new errors/* ConfigurationError */.j1(`${label} is not a CycloneDX, SPDX 2.x or Portcullis JSON document (no bomFormat "CycloneDX", spdxVersion "SPDX-2.x", or tool.name "portcullis")`);
}
function tooDeep(label) {
    return new errors/* ConfigurationError */.j1(`${label} is nested too deeply (more than ${common_json/* DEFAULT_MAX_JSON_DEPTH */.kF} levels of arrays and objects)`);
}
/** Reads and parses the SBOM at `path`. */
async function loadSbom(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read SBOM ${path}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
    return parseSbom(text, `SBOM ${path}`);
}
/** A name that is an image tag (`debian:12`, `ghcr.io/o/app:1@sha256:…`), not a reference with a scheme or a path. */
const TAG = /^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const SCHEMES = /^(oci-dir|oci-archive|docker-archive|registry|docker|tarball|dir|sbom):/;
/** The image as far as the SBOM describes it: no layers, no files. */
function sbomImageMetadata(doc, reference) {
    const img = doc.image;
    const platform = img.platform ?? { os: 'linux', architecture: 'unknown' };
    const repoTags = img.repoTags ?? (img.name && TAG.test(img.name) && !SCHEMES.test(img.name) ? [img.name] : []);
    return {
        reference,
        source: 'sbom',
        ...(img.manifestDigest ? { manifestDigest: img.manifestDigest } : {}),
        configDigest: img.configDigest ?? '',
        platform,
        layers: [],
        config: img.config ?? { architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [] } },
        repoTags,
        repoDigests: img.repoDigests ?? [],
    };
}
/** What a scan of `sbom:PATH` uses in place of reading and cataloging an image. */
async function sbomInput(path, reference) {
    return sbomInputOf(await loadSbom(path), reference);
}
/** The same, from an SBOM document already parsed (`reference` names the image in the report). */
function sbomInputOf(document, reference) {
    const unknowns = document.unknowns;
    return {
        image: sbomImageMetadata(document, reference),
        catalog: {
            ...(document.distro ? { distro: document.distro } : {}),
            packages: document.packages,
            unknowns,
            plugins: [
                {
                    id: `sbom/${document.format}`,
                    version: 1,
                    status: unknowns.length ? 'partial' : 'succeeded',
                    ...(unknowns.length ? { reason: `${unknowns.length} element(s) are not packages Portcullis models` } : {}),
                },
            ],
        },
        document,
    };
}


/***/ }),

/***/ 29561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xl: () => (/* binding */ compareForPackageType),
  H_: () => (/* binding */ schemeForEcosystem)
});

// UNUSED EXPORTS: VERSION_SCHEMES, getScheme, knownEcosystems, schemeForPackageType

// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: ./src/version/scheme.ts
var scheme = __webpack_require__(83401);
;// CONCATENATED MODULE: ./src/version/schemes/apk.ts

const SUFFIXES = [
    ['alpha', 0],
    ['beta', 1],
    ['pre', 2],
    ['rc', 3],
    ['cvs', 5],
    ['svn', 6],
    ['git', 7],
    ['hg', 8],
    ['p', 9],
];
const NO_SUFFIX = { weight: 4, number: '0' };
function isLowerHex(c) {
    return (0,scheme/* isDigitCode */.l5)(c) || (c >= 97 && c <= 102);
}
function digitsEnd(s, from) {
    let i = from;
    while (i < s.length && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(i)))
        i++;
    return i;
}
function parseApk(input) {
    const s = input.trim();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    let pos = 0;
    const numbers = [];
    // Digit runs, each optionally followed by one '.'.
    for (;;) {
        const end = digitsEnd(s, pos);
        if (end === pos)
            break;
        numbers.push(s.slice(pos, end));
        pos = end;
        if (s.charCodeAt(pos) !== 46)
            break;
        pos++;
        if (!(0,scheme/* isDigitCode */.l5)(s.charCodeAt(pos))) {
            numbers.push('');
            break;
        }
    }
    let letter = '';
    const lc = s.charCodeAt(pos);
    if (lc >= 97 && lc <= 122) {
        letter = s[pos];
        pos++;
    }
    const suffixes = [];
    suffixLoop: while (s.charCodeAt(pos) === 95) {
        for (const [name, weight] of SUFFIXES) {
            if (s.startsWith(name, pos + 1)) {
                const start = pos + 1 + name.length;
                const end = digitsEnd(s, start);
                suffixes.push({ weight, number: s.slice(start, end) || '0' });
                pos = end;
                continue suffixLoop;
            }
        }
        break;
    }
    if (s.charCodeAt(pos) === 126 && isLowerHex(s.charCodeAt(pos + 1))) {
        pos++;
        while (isLowerHex(s.charCodeAt(pos)))
            pos++;
    }
    let release = '0';
    let invalid = false;
    if (pos < s.length) {
        if (s.charCodeAt(pos) === 45 && s.charCodeAt(pos + 1) === 114) {
            const end = digitsEnd(s, pos + 2);
            release = s.slice(pos + 2, end) || '0';
            pos = end;
        }
        else {
            invalid = true;
        }
    }
    return { original: s, invalid, numbers, letter, suffixes, release, remainder: s.slice(pos) };
}
function compareNumber(a, b, index) {
    if (a === '' || b === '')
        return a === b ? 0 : a === '' ? -1 : 1;
    const x = a || '0';
    const y = b || '0';
    // Later components with a leading zero compare as text; a missing component counts as "0", under the
    // same rule (so `1` = `1.0` < `1.00`, not `1` = `1.00` too: equality stays transitive). Texts starting with 0
    // sort below every number that does not, so the two rules together are one total order.
    if (index > 0 && (x.charCodeAt(0) === 48 || y.charCodeAt(0) === 48))
        return (0,scheme/* compareStrings */.Kt)(x, y);
    return (0,scheme/* compareDigits */.oY)(x, y);
}
function tailKey(v) {
    return !v.invalid || v.remainder.charCodeAt(0) === 45 ? '' : v.remainder;
}
function compareApk(a, b) {
    const n = Math.max(a.numbers.length, b.numbers.length);
    for (let i = 0; i < n; i++) {
        const c = compareNumber(a.numbers[i], b.numbers[i], i);
        if (c !== 0)
            return c;
    }
    if (a.letter !== b.letter) {
        if (a.letter === '')
            return -1;
        if (b.letter === '')
            return 1;
        return (0,scheme/* compareStrings */.Kt)(a.letter, b.letter);
    }
    const m = Math.max(a.suffixes.length, b.suffixes.length);
    for (let i = 0; i < m; i++) {
        const sa = a.suffixes[i] ?? NO_SUFFIX;
        const sb = b.suffixes[i] ?? NO_SUFFIX;
        if (sa.weight !== sb.weight)
            return sa.weight < sb.weight ? -1 : 1;
        const c = (0,scheme/* compareDigits */.oY)(sa.number, sb.number);
        if (c !== 0)
            return c;
    }
    const r = (0,scheme/* compareDigits */.oY)(a.release, b.release);
    if (r !== 0)
        return r;
    if (a.remainder === '' && b.remainder !== '')
        return 1;
    if (a.remainder !== '' && b.remainder === '')
        return -1;
    // Two leftovers compare as text, except a tail at a `-` (after a release, `-r0-1`, or a bad one, `--ruff1`),
    // which apk ignores (counted as "").
    return (0,scheme/* compareStrings */.Kt)(tailKey(a), tailKey(b));
}
const apkScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'apk',
    version: 1,
    aliases: ['alpine', 'wolfi', 'chainguard'],
    description: 'Alpine apk versions: numbers, a letter, _alpha/_beta/_pre/_rc < release < _cvs/_svn/_git/_hg/_p, -rN',
    parse: parseApk,
    compare: compareApk,
});

;// CONCATENATED MODULE: ./src/version/schemes/composer.ts

/*
 * Composer/Packagist versions, ordered like PHP's version_compare (which Composer's Comparator uses) after
 * dropping a leading `v`: `-`, `_` and `+` become `.`, a `.` is put between digits and non-digits, then the parts
 * compare pairwise. Numbers compare numerically; words by their stability flag:
 *   unknown < dev < alpha = a < beta = b < RC = rc < # (a number) < pl = p
 * A number against a word counts as `#`. When one version runs out, a remaining number makes the longer version
 * greater; a remaining word is compared with `#` (so `1.0-beta` < `1.0` < `1.0-p1`).
 */
const FORMS = [
    ['dev', 0],
    ['alpha', 1],
    ['a', 1],
    ['beta', 2],
    ['b', 2],
    ['RC', 3],
    ['rc', 3],
    ['#', 4],
    ['pl', 5],
    ['p', 5],
];
const NUMBER_FORM = 4;
function formOrder(word) {
    for (const [name, order] of FORMS)
        if (word.startsWith(name))
            return order;
    return -1;
}
function isSpecial(c) {
    return c === 45 || c === 95 || c === 43; // - _ +
}
/** PHP's canonical form, split at dots. */
function parseComposer(input) {
    let s = input.trim();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    if ((s[0] === 'v' || s[0] === 'V') && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(1)))
        s = s.slice(1);
    const parts = [];
    let current = '';
    let currentIsDigit = false;
    const flush = () => {
        if (current === '')
            return;
        parts.push(currentIsDigit ? { num: current } : { word: current, order: formOrder(current) });
        current = '';
    };
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 46 || isSpecial(c)) {
            flush();
            continue;
        }
        const digit = (0,scheme/* isDigitCode */.l5)(c);
        if (current !== '' && digit !== currentIsDigit)
            flush();
        currentIsDigit = digit;
        current += s[i];
    }
    flush();
    if (parts.length === 0)
        throw new scheme/* VersionSyntaxError */.q9('no version parts');
    return parts;
}
function orderOf(p) {
    return 'num' in p ? NUMBER_FORM : p.order;
}
function cmp(x, y) {
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Compares the parts of `a` from `i` with "#N#" (a lone number form), as PHP does for a longer version's tail. */
function compareTail(a, i) {
    const first = a[i];
    if ('num' in first)
        return 1;
    const c = cmp(first.order, NUMBER_FORM);
    if (c !== 0)
        return c;
    // Equal to "#": whatever follows makes it longer.
    if (i + 1 >= a.length)
        return 0;
    return compareTail(a, i + 1);
}
function compareComposer(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        let c;
        if ('num' in x && 'num' in y)
            c = (0,scheme/* compareDigits */.oY)(x.num, y.num);
        else
            c = cmp(orderOf(x), orderOf(y));
        if (c !== 0)
            return c;
    }
    if (a.length > n)
        return compareTail(a, n);
    if (b.length > n)
        return (-compareTail(b, n) || 0);
    return 0;
}
const composerScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'composer',
    version: 1,
    aliases: ['packagist', 'php'],
    description: "Composer/Packagist versions, as PHP version_compare with stability flags (dev < alpha < beta < RC < release < pl)",
    parse: parseComposer,
    compare: compareComposer,
});

;// CONCATENATED MODULE: ./src/version/schemes/numeric.ts

/** Splits a version made only of numbers and the given separators; throws on anything else. */
function parseNumbers(input, separators) {
    const s = input.trim();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    const out = [];
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
        if (i < s.length && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(i)))
            continue;
        if (i < s.length && !separators.includes(s[i]))
            throw new scheme/* VersionSyntaxError */.q9(`unexpected "${s[i]}" at offset ${i}`);
        if (i === start)
            throw new scheme/* VersionSyntaxError */.q9(`empty component at offset ${i}`);
        out.push(s.slice(start, i));
        start = i + 1;
    }
    return out;
}
/** Component by component, numerically; when one is a prefix of the other, the longer one is greater. */
function compareNumberLists(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = (0,scheme/* compareDigits */.oY)(a[i], b[i]);
        if (c !== 0)
            return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

;// CONCATENATED MODULE: ./src/version/schemes/cran.ts


const cranScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'cran',
    version: 1,
    aliases: ['r'],
    description: 'R/CRAN package versions: numbers separated by . or -, compared numerically; longer is greater',
    parse: (text) => parseNumbers(text, '.-'),
    compare: compareNumberLists,
});

;// CONCATENATED MODULE: ./src/version/schemes/dpkg.ts

/** Parses like dpkg's parseversion: its hard errors are errors here; its warnings (odd characters) are accepted. */
function parseDpkg(input) {
    const text = input.trim();
    if (text === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13)
            throw new scheme/* VersionSyntaxError */.q9('version string has embedded spaces');
    }
    let epoch = '0';
    let rest = text;
    const colon = text.indexOf(':');
    if (colon >= 0) {
        epoch = text.slice(0, colon);
        if (epoch === '')
            throw new scheme/* VersionSyntaxError */.q9('epoch in version is empty');
        for (let i = 0; i < epoch.length; i++) {
            if (!(0,scheme/* isDigitCode */.l5)(epoch.charCodeAt(i)))
                throw new scheme/* VersionSyntaxError */.q9('epoch in version is not number');
        }
        if ((0,scheme/* compareDigits */.oY)(epoch, '2147483647') > 0)
            throw new scheme/* VersionSyntaxError */.q9('epoch in version is too big');
        rest = text.slice(colon + 1);
        if (rest === '')
            throw new scheme/* VersionSyntaxError */.q9('nothing after colon in version number');
    }
    const dash = rest.lastIndexOf('-');
    let upstream = rest;
    let revision = '';
    if (dash >= 0) {
        upstream = rest.slice(0, dash);
        revision = rest.slice(dash + 1);
        if (revision === '')
            throw new scheme/* VersionSyntaxError */.q9('revision number is empty');
    }
    if (upstream === '')
        throw new scheme/* VersionSyntaxError */.q9('version number is empty');
    return { epoch, upstream, revision };
}
/** dpkg's character order: `~` first (even before the end), then the end, then letters, then everything else. */
function order(c) {
    if ((0,scheme/* isDigitCode */.l5)(c))
        return 0;
    if ((0,scheme/* isLetterCode */.aU)(c))
        return c;
    if (c === 126)
        return -1;
    if (Number.isNaN(c))
        return 0;
    return c + 256;
}
/** dpkg's verrevcmp: alternating non-digit and digit runs. */
function verrevcmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let firstDiff = 0;
        while ((i < a.length && !(0,scheme/* isDigitCode */.l5)(a.charCodeAt(i))) || (j < b.length && !(0,scheme/* isDigitCode */.l5)(b.charCodeAt(j)))) {
            const ac = order(a.charCodeAt(i));
            const bc = order(b.charCodeAt(j));
            if (ac !== bc)
                return ac < bc ? -1 : 1;
            i++;
            j++;
        }
        while (a.charCodeAt(i) === 48)
            i++;
        while (b.charCodeAt(j) === 48)
            j++;
        while ((0,scheme/* isDigitCode */.l5)(a.charCodeAt(i)) && (0,scheme/* isDigitCode */.l5)(b.charCodeAt(j))) {
            if (firstDiff === 0)
                firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if ((0,scheme/* isDigitCode */.l5)(a.charCodeAt(i)))
            return 1;
        if ((0,scheme/* isDigitCode */.l5)(b.charCodeAt(j)))
            return -1;
        if (firstDiff !== 0)
            return firstDiff < 0 ? -1 : 1;
    }
    return 0;
}
function compareDpkg(a, b) {
    if (a.epoch !== b.epoch) {
        const e = (0,scheme/* compareDigits */.oY)(a.epoch, b.epoch);
        if (e !== 0)
            return e;
    }
    return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}
const dpkgScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'dpkg',
    version: 1,
    aliases: ['deb', 'debian', 'ubuntu'],
    description: 'Debian and Ubuntu package versions (epoch, upstream, revision; ~ sorts first), as dpkg --compare-versions',
    parse: parseDpkg,
    compare: compareDpkg,
});

;// CONCATENATED MODULE: ./src/version/schemes/fuzzy.ts

function parseFuzzy(input) {
    let s = input.trim().toLowerCase();
    if (s.length > 1 && s[0] === 'v' && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(1)))
        s = s.slice(1);
    const tokens = [];
    let i = 0;
    while (i < s.length) {
        const c = s.charCodeAt(i);
        let j = i + 1;
        if ((0,scheme/* isDigitCode */.l5)(c)) {
            while (j < s.length && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(j)))
                j++;
            tokens.push({ num: s.slice(i, j) });
        }
        else if ((0,scheme/* isLetterCode */.aU)(c)) {
            while (j < s.length && (0,scheme/* isLetterCode */.aU)(s.charCodeAt(j)))
                j++;
            tokens.push({ word: s.slice(i, j) });
        }
        i = j;
    }
    if (tokens.length === 0)
        throw new scheme/* VersionSyntaxError */.q9('no digits or letters');
    return tokens;
}
const ZERO = { num: '0' };
function compareFuzzy(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i] ?? ZERO;
        const y = b[i] ?? ZERO;
        if ('num' in x && 'num' in y) {
            const c = (0,scheme/* compareDigits */.oY)(x.num, y.num);
            if (c !== 0)
                return c;
        }
        else if ('word' in x && 'word' in y) {
            const c = (0,scheme/* compareStrings */.Kt)(x.word, y.word);
            if (c !== 0)
                return c;
        }
        else
            return 'num' in x ? 1 : -1;
    }
    return 0;
}
const fuzzyScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'fuzzy',
    version: 1,
    aliases: ['unknown'],
    description: 'Fallback guess for unknown ecosystems: numbers and words, words before numbers (never chosen silently)',
    fallback: true,
    parse: parseFuzzy,
    compare: compareFuzzy,
});

;// CONCATENATED MODULE: ./src/version/schemes/hackage.ts


const hackageScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'hackage',
    version: 1,
    aliases: ['haskell', 'pvp'],
    description: 'Haskell/Hackage (PVP) versions: dotted numbers compared numerically; longer is greater',
    parse: (text) => parseNumbers(text, '.'),
    compare: compareNumberLists,
});

;// CONCATENATED MODULE: ./src/version/schemes/maven.ts

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_KEY = String(QUALIFIERS.indexOf(''));
function stringItem(text, followedByDigit) {
    let value = text;
    if (followedByDigit && value.length === 1) {
        if (value === 'a')
            value = 'alpha';
        else if (value === 'b')
            value = 'beta';
        else if (value === 'm')
            value = 'milestone';
    }
    value = ALIASES[value] ?? value;
    const index = QUALIFIERS.indexOf(value);
    return { kind: 'str', value, key: index < 0 ? `${QUALIFIERS.length}-${value}` : String(index) };
}
function intItem(text) {
    let i = 0;
    while (i < text.length - 1 && text.charCodeAt(i) === 48)
        i++;
    return { kind: 'int', value: text.slice(i) };
}
function parseItem(isDigit, text) {
    return isDigit ? intItem(text) : stringItem(text, false);
}
const maven_ZERO = { kind: 'int', value: '0' };
function isNull(item) {
    switch (item.kind) {
        case 'int':
            return item.value === '0';
        case 'str':
            return item.value === '';
        case 'list':
            return item.items.length === 0;
    }
}
/**
 * Drops trailing null items, as ComparableVersion does. In a nested (`-`) list, a leading null qualifier followed by
 * another `-` list is a no-op too (`1-ga-1` = `1-1`, as the Maven version-order spec trims nulls at each hyphen).
 */
function normalize(items, nested) {
    for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isNull(item))
            items.splice(i, 1);
        else if (item.kind !== 'list')
            break;
    }
    if (nested && items.length === 1 && items[0].kind === 'list') {
        const inner = items[0].items;
        items.length = 0;
        for (const item of inner)
            items.push(item);
    }
}
function parseMaven(input) {
    const v = input.trim().toLowerCase();
    if (v === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    const root = [];
    let list = root;
    const stack = [root];
    const open = () => {
        const sub = [];
        list.push({ kind: 'list', items: sub });
        list = sub;
        stack.push(sub);
    };
    let isDigit = false;
    let start = 0;
    for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c === 46 || c === 45) {
            list.push(i === start ? maven_ZERO : parseItem(isDigit, v.slice(start, i)));
            start = i + 1;
            if (c === 45)
                open();
        }
        else if ((0,scheme/* isDigitCode */.l5)(c)) {
            if (!isDigit && i > start) {
                list.push(stringItem(v.slice(start, i), true));
                start = i;
                open();
            }
            isDigit = true;
        }
        else {
            if (isDigit && i > start) {
                list.push(parseItem(true, v.slice(start, i)));
                start = i;
                open();
            }
            isDigit = false;
        }
    }
    if (v.length > start)
        list.push(parseItem(isDigit, v.slice(start)));
    while (stack.length > 0)
        normalize(stack.pop(), stack.length > 0);
    return { kind: 'list', items: root };
}
/**
 * Item comparison for two items that are not both lists (lists are walked by compareMaven); `b` undefined means
 * "nothing there" (the other version is shorter). A list against nothing, an int or a string is decided here.
 */
function compareLeaf(a, b) {
    switch (a.kind) {
        case 'int':
            if (b === undefined)
                return a.value === '0' ? 0 : 1;
            if (b.kind === 'int')
                return (0,scheme/* compareDigits */.oY)(a.value, b.value);
            return 1;
        case 'str':
            if (b === undefined)
                return (0,scheme/* compareStrings */.Kt)(a.key, RELEASE_KEY);
            if (b.kind === 'int')
                return -1;
            if (b.kind === 'str')
                return (0,scheme/* compareStrings */.Kt)(a.key, b.key);
            return -1;
        case 'list':
            if (b === undefined || b.kind === 'list')
                throw new Error('compareLeaf: two lists are walked by compareMaven');
            return b.kind === 'int' ? -1 : 1;
    }
}
/**
 * ComparableVersion's order. Nested lists (one per `-` or digit/letter transition) are walked with an explicit
 * stack, not by recursion, so a 100 KB version (50,000 levels of nesting) compares without overflowing the stack.
 */
function compareMaven(a, b) {
    const stack = [];
    // Compares x with y (y undefined: nothing there) under `sign`; answers a decided result, or 0 after pushing a frame.
    const pair = (x, y, sign) => {
        if (x.kind === 'list' && (y === undefined || y.kind === 'list')) {
            stack.push({ xs: x.items, ys: y?.items, i: 0, sign });
            return 0;
        }
        return (sign * compareLeaf(x, y));
    };
    let c = pair(a, b, 1);
    while (c === 0 && stack.length > 0) {
        const f = stack[stack.length - 1];
        const n = f.ys === undefined ? f.xs.length : Math.max(f.xs.length, f.ys.length);
        if (f.i >= n) {
            stack.pop();
            continue;
        }
        const l = f.xs[f.i];
        const r = f.ys?.[f.i];
        f.i++;
        if (l === undefined)
            c = r === undefined ? 0 : pair(r, undefined, (-f.sign));
        else
            c = pair(l, r, f.sign);
    }
    return c;
}
const mavenScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'maven',
    version: 1,
    aliases: ['java'],
    description: 'Maven versions, as ComparableVersion: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final < sp',
    parse: parseMaven,
    compare: compareMaven,
});

;// CONCATENATED MODULE: ./src/version/schemes/nuget.ts

function parseNuget(input) {
    let s = input.trim();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    if (s[0] === 'v' || s[0] === 'V')
        s = s.slice(1);
    const plus = s.indexOf('+');
    if (plus >= 0)
        s = s.slice(0, plus);
    const dash = s.indexOf('-');
    const core = dash < 0 ? s : s.slice(0, dash);
    const label = dash < 0 ? '' : s.slice(dash + 1);
    const nums = core.split('.');
    if (nums.length > 4)
        throw new scheme/* VersionSyntaxError */.q9('more than four numeric parts');
    for (const n of nums)
        if (!(0,scheme/* isAllDigits */.IK)(n))
            throw new scheme/* VersionSyntaxError */.q9(`"${n}" is not a number`);
    if (dash >= 0 && label === '')
        throw new scheme/* VersionSyntaxError */.q9('empty release label');
    const labels = label === '' ? [] : label.toUpperCase().split('.');
    if (labels.some((l) => l === ''))
        throw new scheme/* VersionSyntaxError */.q9('empty release label');
    return { parts: [nums[0], nums[1] ?? '0', nums[2] ?? '0', nums[3] ?? '0'], labels };
}
function compareNuget(a, b) {
    for (let i = 0; i < 4; i++) {
        const c = (0,scheme/* compareDigits */.oY)(a.parts[i], b.parts[i]);
        if (c !== 0)
            return c;
    }
    if (a.labels.length === 0 || b.labels.length === 0) {
        return a.labels.length === b.labels.length ? 0 : a.labels.length === 0 ? 1 : -1;
    }
    const n = Math.min(a.labels.length, b.labels.length);
    for (let i = 0; i < n; i++) {
        const x = a.labels[i];
        const y = b.labels[i];
        if (x === y)
            continue;
        const xn = (0,scheme/* isAllDigits */.IK)(x);
        const yn = (0,scheme/* isAllDigits */.IK)(y);
        if (xn && yn) {
            const c = (0,scheme/* compareDigits */.oY)(x, y);
            if (c !== 0)
                return c;
        }
        else if (xn)
            return -1;
        else if (yn)
            return 1;
        else
            return x < y ? -1 : 1;
    }
    return a.labels.length === b.labels.length ? 0 : a.labels.length < b.labels.length ? -1 : 1;
}
const nugetScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'nuget',
    version: 1,
    aliases: ['dotnet'],
    description: 'NuGet versions: four numeric parts, case-insensitive release labels, metadata ignored',
    parse: parseNuget,
    compare: compareNuget,
});

;// CONCATENATED MODULE: ./src/version/schemes/pep440.ts

const PRE_KINDS = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };
class Reader {
    s;
    pos = 0;
    constructor(s) {
        this.s = s;
    }
    get done() {
        return this.pos >= this.s.length;
    }
    peek(offset = 0) {
        return this.s.charCodeAt(this.pos + offset);
    }
    digits() {
        const start = this.pos;
        while ((0,scheme/* isDigitCode */.l5)(this.peek()))
            this.pos++;
        return this.pos > start ? this.s.slice(start, this.pos) : undefined;
    }
    letters() {
        const start = this.pos;
        while ((0,scheme/* isLetterCode */.aU)(this.peek()))
            this.pos++;
        return this.s.slice(start, this.pos);
    }
    /** Skips one optional `.`, `-` or `_`. */
    sep() {
        const c = this.peek();
        if (c === 46 || c === 45 || c === 95) {
            this.pos++;
            return true;
        }
        return false;
    }
}
/** Reads `[sep] word [sep] [number]` when the word is one of `words`; restores the position otherwise. */
function marker(r, words) {
    const start = r.pos;
    r.sep();
    const word = r.letters();
    if (word === '' || !words(word)) {
        r.pos = start;
        return undefined;
    }
    const afterWord = r.pos;
    r.sep();
    const n = r.digits();
    if (n === undefined)
        r.pos = afterWord;
    return { word, n: n ?? '0' };
}
function parseModern(s) {
    const r = new Reader(s);
    if (r.peek() === 118)
        r.pos++; // v
    let epoch = '0';
    let first = r.digits();
    if (first === undefined)
        return undefined;
    if (r.peek() === 33) {
        // `!`
        r.pos++;
        epoch = first;
        first = r.digits();
        if (first === undefined)
            return undefined;
    }
    const release = [first];
    while (r.peek() === 46 && (0,scheme/* isDigitCode */.l5)(r.peek(1))) {
        r.pos++;
        release.push(r.digits());
    }
    while (release.length > 1 && /^0+$/.test(release[release.length - 1]))
        release.pop();
    if (release.length === 1 && /^0+$/.test(release[0]))
        release[0] = '0';
    let pre;
    const p = marker(r, (w) => w in PRE_KINDS);
    if (p)
        pre = { kind: PRE_KINDS[p.word], n: p.n };
    let post;
    const start = r.pos;
    if (r.peek() === 45 && (0,scheme/* isDigitCode */.l5)(r.peek(1))) {
        r.pos++;
        post = r.digits();
    }
    else {
        r.pos = start;
        const m = marker(r, (w) => w === 'post' || w === 'rev' || w === 'r');
        if (m)
            post = m.n;
    }
    let dev;
    const d = marker(r, (w) => w === 'dev');
    if (d)
        dev = d.n;
    let local;
    if (r.peek() === 43) {
        r.pos++;
        const text = s.slice(r.pos);
        if (text === '')
            return undefined;
        local = [];
        for (const seg of text.split(/[-_.]/)) {
            if (seg === '' || !/^[a-z0-9]+$/.test(seg))
                return undefined;
            local.push(/^[0-9]+$/.test(seg) ? { num: seg } : { word: seg });
        }
        r.pos = s.length;
    }
    if (!r.done)
        return undefined;
    return { legacy: false, epoch, release, pre, post, dev, local };
}
const LEGACY_REPLACEMENTS = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };
/** packaging's former LegacyVersion key: numbers zero-padded to 8, words prefixed with `*`, then `*final`. */
function parseLegacy(s) {
    const raw = [];
    let i = 0;
    let other = '';
    const flushOther = () => {
        if (other !== '')
            raw.push(other);
        other = '';
    };
    while (i < s.length) {
        const c = s.charCodeAt(i);
        let j = i;
        if ((0,scheme/* isDigitCode */.l5)(c)) {
            while ((0,scheme/* isDigitCode */.l5)(s.charCodeAt(j)))
                j++;
        }
        else if (c >= 97 && c <= 122) {
            while (s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122)
                j++;
        }
        else if (c === 46 || c === 45) {
            j = i + 1;
        }
        else {
            other += s[i];
            i++;
            continue;
        }
        flushOther();
        raw.push(s.slice(i, j));
        i = j;
    }
    flushOther();
    const parts = [];
    for (const piece of [...raw, '*final-sentinel']) {
        let part;
        if (piece === '*final-sentinel')
            part = '*final';
        else {
            const mapped = LEGACY_REPLACEMENTS[piece] ?? piece;
            if (mapped === '' || mapped === '.')
                continue;
            part = (0,scheme/* isDigitCode */.l5)(mapped.charCodeAt(0)) ? mapped.padStart(8, '0') : '*' + mapped;
        }
        if (part.startsWith('*')) {
            if (part < '*final')
                while (parts.length > 0 && parts[parts.length - 1] === '*final-')
                    parts.pop();
            while (parts.length > 0 && parts[parts.length - 1] === '00000000')
                parts.pop();
        }
        parts.push(part);
    }
    return { legacy: true, parts };
}
function parsePep440(input) {
    const s = input.trim().toLowerCase();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    return parseModern(s) ?? parseLegacy(s);
}
/** Compares optional numbers where "absent" sorts before (`low`) or after (`high`) any present value. */
function compareOptional(a, b, absent) {
    if (a === undefined || b === undefined) {
        if (a === b)
            return 0;
        const aAbsent = a === undefined;
        return (absent === 'low') === aAbsent ? -1 : 1;
    }
    return (0,scheme/* compareDigits */.oY)(a, b);
}
function compareLocal(a, b) {
    if (a === undefined || b === undefined)
        return a === b ? 0 : a === undefined ? -1 : 1;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        if ('num' in x && 'num' in y) {
            const c = (0,scheme/* compareDigits */.oY)(x.num, y.num);
            if (c !== 0)
                return c;
        }
        else if ('num' in x)
            return 1;
        else if ('num' in y)
            return -1;
        else {
            const c = (0,scheme/* compareStrings */.Kt)(x.word, y.word);
            if (c !== 0)
                return c;
        }
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function comparePre(a, b) {
    // No pre-release: a dev release alone sorts before any pre-release; a final release after them.
    const rank = (v) => (v.pre ? 1 : v.post === undefined && v.dev !== undefined ? 0 : 2);
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb)
        return ra < rb ? -1 : 1;
    if (a.pre && b.pre) {
        if (a.pre.kind !== b.pre.kind)
            return a.pre.kind < b.pre.kind ? -1 : 1;
        return (0,scheme/* compareDigits */.oY)(a.pre.n, b.pre.n);
    }
    return 0;
}
function comparePep440(a, b) {
    if (a.legacy || b.legacy) {
        if (!a.legacy)
            return 1;
        if (!b.legacy)
            return -1;
        const n = Math.min(a.parts.length, b.parts.length);
        for (let i = 0; i < n; i++) {
            const c = (0,scheme/* compareStrings */.Kt)(a.parts[i], b.parts[i]);
            if (c !== 0)
                return c;
        }
        return a.parts.length === b.parts.length ? 0 : a.parts.length < b.parts.length ? -1 : 1;
    }
    const e = (0,scheme/* compareDigits */.oY)(a.epoch, b.epoch);
    if (e !== 0)
        return e;
    const n = Math.max(a.release.length, b.release.length);
    for (let i = 0; i < n; i++) {
        const c = (0,scheme/* compareDigits */.oY)(a.release[i] ?? '0', b.release[i] ?? '0');
        if (c !== 0)
            return c;
    }
    return (comparePre(a, b) ||
        compareOptional(a.post, b.post, 'low') ||
        compareOptional(a.dev, b.dev, 'high') ||
        compareLocal(a.local, b.local));
}
const pep440Scheme = (0,scheme/* defineScheme */.XZ)({
    id: 'pep440',
    version: 1,
    aliases: ['pypi', 'python'],
    description: 'Python PEP 440 versions (epoch, pre/post/dev releases, local versions); legacy versions sort first',
    parse: parsePep440,
    compare: comparePep440,
});

;// CONCATENATED MODULE: ./src/version/schemes/semver.ts

function parseSemver(input) {
    let s = input.trim();
    if (s === '')
        throw new scheme/* VersionSyntaxError */.q9('version string is empty');
    if (s[0] === 'v' || s[0] === 'V')
        s = s.slice(1);
    const nums = [];
    let pos = 0;
    let build = '';
    for (;;) {
        let end = pos;
        while (end < s.length && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(end)))
            end++;
        const next = s.charCodeAt(end);
        if (nums.length >= 3 && (end === pos || (end < s.length && next !== 46 && next !== 45 && next !== 43))) {
            // `1.2.3.Final`, `1.2.3.4rc`: what follows the last dot is build metadata.
            const plus = s.indexOf('+', pos);
            build = plus < 0 ? s.slice(pos) : s.slice(pos, plus) + '.' + s.slice(plus + 1);
            pos = s.length;
            break;
        }
        if (end === pos)
            throw new scheme/* VersionSyntaxError */.q9(nums.length === 0 ? 'it does not start with a number' : `expected a number at offset ${pos}`);
        nums.push(s.slice(pos, end));
        pos = end;
        if (s.charCodeAt(pos) !== 46)
            break;
        pos++;
    }
    let pre = '';
    if (pos < s.length) {
        const c = s[pos];
        if (c === '-') {
            const plus = s.indexOf('+', pos);
            pre = plus < 0 ? s.slice(pos + 1) : s.slice(pos + 1, plus);
            if (pre === '')
                throw new scheme/* VersionSyntaxError */.q9('empty pre-release');
            if (plus >= 0)
                build = s.slice(plus + 1);
        }
        else if (c === '+') {
            build = s.slice(pos + 1);
        }
        else {
            throw new scheme/* VersionSyntaxError */.q9(`unexpected "${c}" at offset ${pos}`);
        }
    }
    return {
        major: nums[0],
        minor: nums[1] ?? '0',
        patch: nums[2] ?? '0',
        ...(nums.length > 3 ? { extra: nums.slice(3) } : {}),
        pre: pre === '' ? [] : pre.split('.'),
        build: build === '' ? [] : build.split('.'),
    };
}
/** SemVer 2.0 identifier lists: numeric identifiers numerically and below alphanumeric ones; a shorter prefix first. */
function compareIdentifiers(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        if (x === y)
            continue;
        const xn = (0,scheme/* isAllDigits */.IK)(x);
        const yn = (0,scheme/* isAllDigits */.IK)(y);
        if (xn && yn) {
            const c = (0,scheme/* compareDigits */.oY)(x, y);
            if (c !== 0)
                return c;
        }
        else if (xn)
            return -1;
        else if (yn)
            return 1;
        else
            return (0,scheme/* compareStrings */.Kt)(x, y);
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function compareSemverCore(a, b) {
    const c = (0,scheme/* compareDigits */.oY)(a.major, b.major) || (0,scheme/* compareDigits */.oY)(a.minor, b.minor) || (0,scheme/* compareDigits */.oY)(a.patch, b.patch);
    if (c !== 0 || (a.extra === undefined && b.extra === undefined))
        return c;
    // Components after the third, a missing one counting as 0 (a loop: a 100 KB version has 50,000 of them).
    const x = a.extra ?? [];
    const y = b.extra ?? [];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (0,scheme/* compareDigits */.oY)(x[i] ?? '0', y[i] ?? '0');
        if (d !== 0)
            return d;
    }
    return 0;
}
function compareSemver(a, b) {
    const core = compareSemverCore(a, b);
    if (core !== 0)
        return core;
    if (a.pre.length === 0 || b.pre.length === 0) {
        return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
    }
    return compareIdentifiers(a.pre, b.pre);
}
const semverScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'semver',
    version: 1,
    aliases: ['npm', 'go', 'golang', 'cargo', 'crates.io', 'hex'],
    description: 'SemVer 2.0 (npm, Go modules with v prefix and +incompatible, crates.io, Hex); build metadata ignored',
    parse: parseSemver,
    compare: compareSemver,
});

;// CONCATENATED MODULE: ./src/version/schemes/pub.ts


/** Dart's pub: SemVer, except that build metadata orders too: none first, then as pre-release identifiers do. */
function comparePub(a, b) {
    const c = compareSemver(a, b);
    if (c !== 0)
        return c;
    if (a.build.length === 0 || b.build.length === 0) {
        return a.build.length === b.build.length ? 0 : a.build.length === 0 ? -1 : 1;
    }
    return compareIdentifiers(a.build, b.build);
}
const pubScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'pub',
    version: 1,
    aliases: ['dart'],
    description: 'Dart pub versions: SemVer with build metadata ordered after the release',
    parse: parseSemver,
    compare: comparePub,
});

// EXTERNAL MODULE: ./src/version/schemes/rpm.ts
var rpm = __webpack_require__(68438);
;// CONCATENATED MODULE: ./src/version/schemes/rubygems.ts

function isNumberSegment(s) {
    return typeof s !== 'string';
}
function isValidGemVersion(s) {
    // Gem::Version's pattern, [0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?, widened to let letters
    // follow the first number directly (`1beta`), which advisories contain.
    let i = 0;
    const n = s.length;
    const alnum = (c) => (0,scheme/* isDigitCode */.l5)(c) || (0,scheme/* isLetterCode */.aU)(c);
    if (!(0,scheme/* isDigitCode */.l5)(s.charCodeAt(0)))
        return false;
    while (i < n && alnum(s.charCodeAt(i)))
        i++;
    while (s.charCodeAt(i) === 46) {
        const start = ++i;
        while (i < n && alnum(s.charCodeAt(i)))
            i++;
        if (i === start)
            return false;
    }
    if (i === n)
        return true;
    if (s.charCodeAt(i) !== 45)
        return false;
    i++;
    for (;;) {
        const start = i;
        while (i < n && (alnum(s.charCodeAt(i)) || s.charCodeAt(i) === 45))
            i++;
        if (i === start)
            return false;
        if (i === n)
            return true;
        if (s.charCodeAt(i) !== 46)
            return false;
        i++;
    }
}
function isZero(s) {
    return isNumberSegment(s) && /^0+$/.test(s.n);
}
function parseGem(input) {
    let s = input.trim();
    if (s === '')
        s = '0';
    if (!isValidGemVersion(s))
        throw new scheme/* VersionSyntaxError */.q9('not a Gem::Version (digits, then dot-separated letters and digits)');
    s = s.replaceAll('-', '.pre.');
    const segments = [];
    let i = 0;
    while (i < s.length) {
        const c = s.charCodeAt(i);
        let j = i + 1;
        if ((0,scheme/* isDigitCode */.l5)(c)) {
            while (j < s.length && (0,scheme/* isDigitCode */.l5)(s.charCodeAt(j)))
                j++;
            segments.push({ n: s.slice(i, j) });
        }
        else if ((0,scheme/* isLetterCode */.aU)(c)) {
            while (j < s.length && (0,scheme/* isLetterCode */.aU)(s.charCodeAt(j)))
                j++;
            segments.push(s.slice(i, j));
        }
        i = j;
    }
    // Canonical segments: drop trailing zeros of the numeric part and of the part from the first letters on.
    const firstString = segments.findIndex((x) => !isNumberSegment(x));
    const release = firstString < 0 ? segments : segments.slice(0, firstString);
    const pre = firstString < 0 ? [] : segments.slice(firstString);
    while (release.length > 0 && isZero(release[release.length - 1]))
        release.pop();
    while (pre.length > 0 && isZero(pre[pre.length - 1]))
        pre.pop();
    return [...release, ...pre];
}
const rubygems_ZERO = { n: '0' };
function compareGem(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i] ?? rubygems_ZERO;
        const y = b[i] ?? rubygems_ZERO;
        const xn = isNumberSegment(x);
        const yn = isNumberSegment(y);
        if (xn && yn) {
            const c = (0,scheme/* compareDigits */.oY)(x.n, y.n);
            if (c !== 0)
                return c;
        }
        else if (!xn && !yn) {
            const c = (0,scheme/* compareStrings */.Kt)(x, y);
            if (c !== 0)
                return c;
        }
        else
            return xn ? 1 : -1;
    }
    return 0;
}
const rubygemsScheme = (0,scheme/* defineScheme */.XZ)({
    id: 'rubygems',
    version: 1,
    aliases: ['gem', 'ruby'],
    description: 'RubyGems versions, as Gem::Version: letters mark pre-releases, trailing zeros ignored',
    parse: parseGem,
    compare: compareGem,
});

;// CONCATENATED MODULE: ./src/version/list.ts














/** Every version scheme. The only place a scheme is wired in. */
const VERSION_SCHEMES = new registry/* Registry */.O('version scheme', [
    dpkgScheme,
    rpm/* rpmScheme */["do"],
    apkScheme,
    semverScheme,
    pep440Scheme,
    mavenScheme,
    rubygemsScheme,
    nugetScheme,
    composerScheme,
    pubScheme,
    cranScheme,
    hackageScheme,
    fuzzyScheme,
], (s) => s.aliases);
/** Looks a scheme up by id or alias; an unknown name is a ConfigurationError listing the known ones. */
function getScheme(idOrAlias) {
    return VERSION_SCHEMES.get(idOrAlias.toLowerCase());
}
/** The scheme for each package type the catalogers produce. Exhaustive: a new type must be mapped here. */
const BY_PACKAGE_TYPE = {
    apk: apkScheme,
    deb: dpkgScheme,
    rpm: rpm/* rpmScheme */["do"],
    npm: semverScheme,
    python: pep440Scheme,
    'java-archive': mavenScheme,
    'go-module': semverScheme,
    gem: rubygemsScheme,
    'php-composer': composerScheme,
    'rust-crate': semverScheme,
    dotnet: nugetScheme,
};
function schemeForPackageType(type) {
    return BY_PACKAGE_TYPE[type];
}
/**
 * OSV ecosystem names (the part before the first `:`, so `Debian:12`, `Alpine:v3.20` and
 * `Red Hat:enterprise_linux:9::appstream` all work), compared case-insensitively.
 */
const ECOSYSTEMS = [
    ['Debian', dpkgScheme],
    ['Ubuntu', dpkgScheme],
    ['Alpine', apkScheme],
    ['Wolfi', apkScheme],
    ['Chainguard', apkScheme],
    ['Alpaquita', apkScheme],
    ['MinimOS', apkScheme],
    ['Red Hat', rpm/* rpmScheme */["do"]],
    ['AlmaLinux', rpm/* rpmScheme */["do"]],
    ['Rocky Linux', rpm/* rpmScheme */["do"]],
    ['Oracle Linux', rpm/* rpmScheme */["do"]],
    ['Amazon Linux', rpm/* rpmScheme */["do"]],
    ['openSUSE', rpm/* rpmScheme */["do"]],
    ['SUSE', rpm/* rpmScheme */["do"]],
    ['Mageia', rpm/* rpmScheme */["do"]],
    ['Photon OS', rpm/* rpmScheme */["do"]],
    ['openEuler', rpm/* rpmScheme */["do"]],
    ['Azure Linux', rpm/* rpmScheme */["do"]],
    ['npm', semverScheme],
    ['Go', semverScheme],
    ['crates.io', semverScheme],
    ['Hex', semverScheme],
    ['Bitnami', semverScheme],
    ['SwiftURL', semverScheme],
    ['PyPI', pep440Scheme],
    ['Maven', mavenScheme],
    ['RubyGems', rubygemsScheme],
    ['NuGet', nugetScheme],
    ['Packagist', composerScheme],
    ['Pub', pubScheme],
    ['CRAN', cranScheme],
    ['Hackage', hackageScheme],
];
const BY_ECOSYSTEM = new Map(ECOSYSTEMS.map(([name, scheme]) => [name.toLowerCase(), scheme]));
function schemeForEcosystem(ecosystem) {
    const colon = ecosystem.indexOf(':');
    const base = (colon < 0 ? ecosystem : ecosystem.slice(0, colon)).trim().toLowerCase();
    const scheme = BY_ECOSYSTEM.get(base);
    if (scheme)
        return { scheme, fallback: false };
    return {
        scheme: fuzzyScheme,
        fallback: true,
        reason: `no version scheme is known for ecosystem "${ecosystem}"; versions are compared with the fuzzy fallback`,
    };
}
/** The OSV ecosystem names mapped to a scheme, for documentation and tests. */
function knownEcosystems() {
    return ECOSYSTEMS.map(([ecosystem, scheme]) => ({ ecosystem, scheme: scheme.id }));
}
/**
 * Version ordering by package type: the scheme the matcher uses for that type. A type with no scheme falls back,
 * explicitly, to `fuzzy`.
 */
function compareForPackageType(packageType, a, b) {
    const scheme = BY_PACKAGE_TYPE[packageType] ?? getScheme('fuzzy');
    return scheme.compare(a, b);
}


/***/ }),

/***/ 83401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ isAllDigits),
/* harmony export */   Kt: () => (/* binding */ compareStrings),
/* harmony export */   XZ: () => (/* binding */ defineScheme),
/* harmony export */   aU: () => (/* binding */ isLetterCode),
/* harmony export */   l5: () => (/* binding */ isDigitCode),
/* harmony export */   oY: () => (/* binding */ compareDigits),
/* harmony export */   q9: () => (/* binding */ VersionSyntaxError)
/* harmony export */ });
/* unused harmony exports InvalidVersionError, sign */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

/**
 * A version that its scheme cannot read. It is a ConfigurationError because, at the CLI, the version is user input;
 * a matcher that meets one inside an image catches it and records the package as an Unknown.
 */
class InvalidVersionError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
    scheme;
    text;
    reason;
    name = 'InvalidVersionError';
    constructor(scheme, text, reason) {
        super(`Invalid ${scheme} version "${text}": ${reason}`);
        this.scheme = scheme;
        this.text = text;
        this.reason = reason;
    }
}
/** Thrown by a scheme's parser; `defineScheme` turns it into an InvalidVersionError naming the scheme and text. */
class VersionSyntaxError extends Error {
    name = 'VersionSyntaxError';
}
const CACHE_LIMIT = 20_000;
/** Builds a scheme from a parser and a comparator, with a bounded parse cache (comparisons are a hot path). */
function defineScheme(spec) {
    const cache = new Map();
    const lookup = (text) => {
        let entry = cache.get(text);
        if (entry === undefined) {
            try {
                entry = { ok: true, value: spec.parse(text) };
            }
            catch (error) {
                if (!(error instanceof VersionSyntaxError))
                    throw error;
                entry = { ok: false, reason: error.message };
            }
            if (cache.size >= CACHE_LIMIT)
                cache.clear();
            cache.set(text, entry);
        }
        return entry;
    };
    const parse = (text) => {
        const entry = lookup(text);
        if (!entry.ok)
            throw new InvalidVersionError(spec.id, text, entry.reason);
        return entry.value;
    };
    return {
        id: spec.id,
        version: spec.version,
        aliases: spec.aliases,
        description: spec.description,
        fallback: spec.fallback ?? false,
        parse,
        isValid: (text) => lookup(text).ok,
        compare: (a, b) => (a === b ? 0 : spec.compare(parse(a), parse(b))),
        compareParsed: spec.compare,
    };
}
/** Helpers shared by the schemes. */
function sign(n) {
    return n < 0 ? -1 : n > 0 ? 1 : 0;
}
function isDigitCode(c) {
    return c >= 48 && c <= 57;
}
/** True for a non-empty string of ASCII digits. */
function isAllDigits(s) {
    if (s === '')
        return false;
    for (let i = 0; i < s.length; i++)
        if (!isDigitCode(s.charCodeAt(i)))
            return false;
    return true;
}
function isLetterCode(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** Compares two strings of ASCII digits numerically, any length (leading zeros allowed). */
function compareDigits(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length - 1 && a.charCodeAt(i) === 48)
        i++;
    while (j < b.length - 1 && b.charCodeAt(j) === 48)
        j++;
    const la = a.length - i;
    const lb = b.length - j;
    if (la !== lb)
        return la < lb ? -1 : 1;
    for (; i < a.length; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d !== 0)
            return d < 0 ? -1 : 1;
    }
    return 0;
}
/** Plain code-unit comparison (Java's String.compareTo, C's strcmp on ASCII). */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 68438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hx: () => (/* binding */ parseRpm),
/* harmony export */   "do": () => (/* binding */ rpmScheme),
/* harmony export */   j5: () => (/* binding */ rpmSchemeAssumingEpoch)
/* harmony export */ });
/* unused harmony exports rpmvercmp, compareRpm */
/* harmony import */ var _scheme_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83401);

/**
 * Reads `[epoch:]version[-release]`. Only an all-digit prefix before the first `:` is an epoch (rpm's own
 * parseEVR); a version such as `2.0:beta` with a non-numeric prefix keeps its colon in the version.
 */
function parseRpm(input, defaultEpoch = '0') {
    const text = input.trim();
    if (text === '')
        throw new _scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .VersionSyntaxError */ .q9('version string is empty');
    let epoch = defaultEpoch;
    let epochGiven = false;
    let rest = text;
    const colon = text.indexOf(':');
    if (colon >= 0 && /^\d*$/.test(text.slice(0, colon))) {
        epoch = text.slice(0, colon) || '0';
        epochGiven = true;
        rest = text.slice(colon + 1);
    }
    const dash = rest.lastIndexOf('-');
    if (dash < 0)
        return { epoch, epochGiven, version: rest, release: undefined };
    return { epoch, epochGiven, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}
const TILDE = 126;
const CARET = 94;
function isAlnum(c) {
    return (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigitCode */ .l5)(c) || (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isLetterCode */ .aU)(c);
}
/** rpm's rpmvercmp, with `~` (sorts before anything, even the end) and `^` (sorts after the end, before anything else). */
function rpmvercmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    const la = a.length;
    const lb = b.length;
    while (i < la || j < lb) {
        while (i < la && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET)
            i++;
        while (j < lb && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET)
            j++;
        const ca = i < la ? a.charCodeAt(i) : -1;
        const cb = j < lb ? b.charCodeAt(j) : -1;
        if (ca === TILDE || cb === TILDE) {
            if (ca !== TILDE)
                return 1;
            if (cb !== TILDE)
                return -1;
            i++;
            j++;
            continue;
        }
        if (ca === CARET || cb === CARET) {
            if (ca === -1)
                return -1;
            if (cb === -1)
                return 1;
            if (ca !== CARET)
                return 1;
            if (cb !== CARET)
                return -1;
            i++;
            j++;
            continue;
        }
        if (ca === -1 || cb === -1)
            break;
        const numeric = (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigitCode */ .l5)(ca);
        const test = numeric ? _scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigitCode */ .l5 : _scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isLetterCode */ .aU;
        const si = i;
        const sj = j;
        while (i < la && test(a.charCodeAt(i)))
            i++;
        while (j < lb && test(b.charCodeAt(j)))
            j++;
        const sa = a.slice(si, i);
        const sb = b.slice(sj, j);
        // Segments of different kinds: a number is newer than letters.
        if (sb === '')
            return numeric ? 1 : -1;
        const rc = numeric ? (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .compareDigits */ .oY)(sa, sb) : (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .compareStrings */ .Kt)(sa, sb);
        if (rc !== 0)
            return rc;
    }
    const restA = i < la;
    const restB = j < lb;
    if (!restA && !restB)
        return 0;
    return restA ? 1 : -1;
}
/** rpm's full EVR comparison: epoch (numerically), then version, then release, each with rpmvercmp. */
function compareRpm(a, b) {
    const e = compareDigitsOrVercmp(a.epoch, b.epoch);
    if (e !== 0)
        return e;
    const v = rpmvercmp(a.version, b.version);
    if (v !== 0)
        return v;
    if (a.release === undefined)
        return b.release === undefined ? 0 : -1;
    if (b.release === undefined)
        return 1;
    return rpmvercmp(a.release, b.release);
}
const rpmScheme = (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .defineScheme */ .XZ)({
    id: 'rpm',
    version: 1,
    aliases: ['redhat', 'rhel', 'red-hat'],
    description: 'RPM versions (Red Hat, AlmaLinux, Rocky, SUSE, …): epoch, rpmvercmp with ~ and ^',
    parse: parseRpm,
    compare: compareRpm,
});
function compareDigitsOrVercmp(a, b) {
    return (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isAllDigits */ .IK)(a) && (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .isAllDigits */ .IK)(b) ? (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .compareDigits */ .oY)(a, b) : rpmvercmp(a, b);
}
const ASSUMING = new Map();
/**
 * The rpm scheme for matching one installed package whose epoch is `epoch`: a version written without an epoch
 * (most advisories write `3.0.7-28.el9`, not `1:3.0.7-28.el9`) is read as having the package's epoch. This is
 * grype's rule (its rpm comparison ignores the epoch unless both sides state one): advisories and source rpm
 * names leave the epoch out even when the package has one, and comparing `1:3.0.7-27.el9` with `0:3.0.7-28.el9`
 * would call every epoch package fixed (or, the other way round, affected forever).
 */
function rpmSchemeAssumingEpoch(epoch) {
    const e = epoch === '' ? '0' : epoch;
    if (e === '0')
        return rpmScheme;
    let scheme = ASSUMING.get(e);
    if (!scheme) {
        scheme = (0,_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .defineScheme */ .XZ)({
            id: 'rpm',
            version: 1,
            aliases: [],
            description: `RPM versions, a missing epoch read as ${e}`,
            parse: (text) => parseRpm(text, e),
            compare: compareRpm,
        });
        if (ASSUMING.size > 64)
            ASSUMING.clear();
        ASSUMING.set(e, scheme);
    }
    return scheme;
}


/***/ })

};
