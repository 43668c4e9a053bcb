export const id = 513;
export const ids = [513];
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

/***/ 33338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B4: () => (/* binding */ DEFAULT_MAX_DATABASE_BYTES),
  _z: () => (/* binding */ catalogRequests),
  X0: () => (/* binding */ runCatalogers),
  Ap: () => (/* binding */ selectCatalogers)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/distro/detect.ts
var detect = __webpack_require__(22836);
// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
;// CONCATENATED MODULE: ./src/catalog/distro/os-package.ts
/** Helpers shared by the OS package catalogers (apk, dpkg, rpm). */
/** A stable id within one scan: type, name, version and the database that listed the package. */
function osPackageId(type, name, version, dbPath) {
    return `${type}:${name}@${version}:${dbPath}`;
}
/** The database's location, with the provenance of the layer that last wrote it. */
function dbLocation(view, path) {
    const provenance = view.get(path, { follow: true })?.provenance;
    return provenance ? { path, provenance } : { path };
}
/** `packageDatabase`: the file is the package database of that type, whose packages are missing (a catalog gap). */
function dbUnknown(view, stage, path, reason, packageDatabase) {
    const layerDigest = view.get(path, { follow: true })?.provenance.layerDigest;
    return { stage, path, reason, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}
/** Joins a database-relative path (`usr/bin/x`, `./usr/bin/x`, `/usr/bin/x`) into an absolute image path. */
function absolutePath(path) {
    const trimmed = path.replace(/^\.?\/+/, '');
    return `/${trimmed}`;
}
/** Files that exist in the view but whose content was not captured are reported; missing files are not. */
function readIfPresent(view, path) {
    if (!view.get(path, { follow: true }))
        return {};
    const r = view.read(path);
    return r.ok ? { text: r.data.toString('utf8') } : { reason: r.reason };
}
/** Package names by what satisfies a dependency on them: each package's own name and each name it provides. */
function providerIndex(records, name, provides) {
    const providers = new Map();
    const add = (key, pkg) => {
        let set = providers.get(key);
        if (!set)
            providers.set(key, (set = new Set()));
        set.add(pkg);
    };
    for (const r of records) {
        add(name(r), name(r));
        for (const p of provides(r))
            add(p, name(r));
    }
    return providers;
}

;// CONCATENATED MODULE: ./src/catalog/package-origin.ts
/**
 * Which layer introduced each package. The layer that last wrote a package database (`/var/lib/dpkg/status`) is not
 * the one that installed every package in it: each `apt-get install` rewrites the whole file. A package's origin is
 * the first layer of its current, unbroken presence in the database: the OS catalogers compare the database of every
 * layer (requested with `FileRequest.everyLayer`, so the image is still read once) and an upgrade, or a removal and a
 * later re-install, moves the origin to the layer that did it. A language package's manifest is its own file, so its
 * origin is the layer that wrote that manifest, or the first of the layers that wrote the very same bytes since.
 */
/**
 * Replays the databases at `paths` layer by layer. `keysAt` reads one snapshot the way the cataloger reads the
 * squashed view (same format rules) and returns its package keys (`name\0version\0arch`). Only layers that
 * changed one of the files are snapshots; a key gets the layer where it appears, and loses it where it disappears.
 */
function packageOrigins(view, paths, keysAt) {
    const byLayer = new Map();
    for (const path of new Set(paths)) {
        for (const v of view.versions(path)) {
            const list = byLayer.get(v.layerIndex);
            if (list)
                list.push([path, v]);
            else
                byLayer.set(v.layerIndex, [[path, v]]);
        }
    }
    const state = new Map();
    const origins = new Map();
    const gaps = [];
    for (const layerIndex of [...byLayer.keys()].sort((a, b) => a - b)) {
        const changed = byLayer.get(layerIndex);
        for (const [path, v] of changed)
            state.set(path, v);
        const provenance = changed[0][1].provenance;
        const snapshot = {
            layerIndex,
            read(path) {
                const v = state.get(path);
                return v === undefined || v.deleted ? undefined : v.read;
            },
        };
        const r = keysAt(snapshot);
        if ('reason' in r) {
            gaps.push({ layerIndex, reason: r.reason });
            continue;
        }
        const now = new Set(r.keys);
        for (const key of origins.keys())
            if (!now.has(key))
                origins.delete(key);
        for (const key of now)
            if (!origins.has(key))
                origins.set(key, provenance);
    }
    return { origins, gaps };
}
/** The package with its first location (the database) carrying the provenance of the layer that introduced it. */
function withOrigin(pkg, provenance) {
    const [first, ...rest] = pkg.locations;
    if (!first || !provenance)
        return pkg;
    return { ...pkg, locations: [{ ...first, provenance }, ...rest] };
}
/**
 * One unknown per unreadable layer database whose gap leaves some package's origin open: the origin given is the
 * first layer where the package was seen, and it may have come in earlier.
 */
function gapUnknowns(stage, path, gaps, origins) {
    const out = [];
    for (const gap of gaps) {
        const after = [...origins.values()].filter((p) => p.layerIndex > gap.layerIndex).length;
        if (after === 0)
            continue;
        out.push({
            stage,
            path,
            reason: `the package database of layer ${gap.layerIndex} could not be read (${gap.reason}); ${after} package(s) first seen after it may have come in earlier`,
        });
    }
    return out;
}
/**
 * The origin of a package found in its own manifest file (package.json, METADATA, a .gemspec): the layer that
 * wrote the manifest as it is now, moved back over the layers below that wrote the very same bytes (a `COPY . .`
 * that rewrites an unchanged file does not introduce the package). Any difference, or a deletion in between, stops
 * the walk: the later layer then brought this version. Files without kept versions keep their provenance.
 */
function manifestOrigin(view, path) {
    const versions = view.versions(path);
    const last = versions[versions.length - 1];
    if (!last || last.deleted || !last.read.ok)
        return undefined;
    const data = last.read.data;
    let origin = last.provenance;
    for (let i = versions.length - 2; i >= 0; i--) {
        const v = versions[i];
        if (v.deleted || !v.read.ok || !v.read.data.equals(data))
            break;
        origin = v.provenance;
    }
    return origin;
}

// EXTERNAL MODULE: ./src/catalog/purl.ts
var purl = __webpack_require__(92502);
;// CONCATENATED MODULE: ./src/catalog/apk/parse.ts
/**
 * The apk `installed` database: blank-line-separated stanzas of `X:value` lines (P name, V version, o origin,
 * A arch, L license, D depends, p provides, F directory, R file in the last F directory, and more).
 */

function parseApkDb(text) {
    const records = [];
    const errors = [];
    const lines = text.split('\n');
    let current;
    let stanzaStart = 0;
    let stanzaHasFields = false;
    let dir = '';
    const finish = () => {
        if (current)
            records.push(current);
        else if (stanzaHasFields)
            errors.push(`stanza at line ${stanzaStart} has no P: (name) field`);
        current = undefined;
        stanzaHasFields = false;
        dir = '';
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line === '') {
            finish();
            continue;
        }
        if (!stanzaHasFields && !current)
            stanzaStart = i + 1;
        if (line.length < 2 || line[1] !== ':' || !/[A-Za-z]/.test(line[0])) {
            errors.push(`line ${i + 1} is not a "X:value" field: ${JSON.stringify(line.slice(0, 60))}`);
            continue;
        }
        const key = line[0];
        const value = line.slice(2);
        stanzaHasFields = true;
        if (key === 'P') {
            if (current && current.name === '') {
                current.name = value; // fields before P: (C: often comes first) belong to this record
                continue;
            }
            if (current) {
                // A new P: without a blank line: the previous stanza ends here.
                records.push(current);
                dir = '';
            }
            current = { name: value, version: '', depends: [], provides: [], files: [] };
            continue;
        }
        if (!current) {
            current = { name: '', version: '', depends: [], provides: [], files: [] };
        }
        applyField(current, key, value, () => dir, (d) => (dir = d));
    }
    finish();
    const named = records.filter((r) => {
        if (r.name !== '')
            return true;
        errors.push('stanza has no P: (name) field');
        return false;
    });
    return { records: named, errors };
}
function applyField(r, key, value, getDir, setDir) {
    switch (key) {
        case 'V':
            r.version = value;
            break;
        case 'o':
            if (value)
                r.origin = value;
            break;
        case 'A':
            if (value)
                r.arch = value;
            break;
        case 'L':
            if (value)
                r.license = value;
            break;
        case 'T':
            r.description = value;
            break;
        case 'U':
            r.url = value;
            break;
        case 'm':
            r.maintainer = value;
            break;
        case 'S':
            r.size = toInt(value);
            break;
        case 'I':
            r.installedSize = toInt(value);
            break;
        case 'C':
            r.checksum = value;
            break;
        case 'c':
            r.commit = value;
            break;
        case 't':
            r.buildTime = toInt(value);
            break;
        case 'D':
            r.depends = splitWords(value);
            break;
        case 'p':
            r.provides = splitWords(value);
            break;
        case 'F':
            setDir(value);
            break;
        case 'R': {
            const dir = getDir();
            r.files.push(dir ? `/${dir}/${value}` : `/${value}`);
            break;
        }
        default:
            // a:, M:, Z:, r:, i:, k:, q:, s:, … are tolerated and not kept.
            break;
    }
}
/**
 * `L:` is a list of licences separated by spaces in older databases (`MIT BSD GPL2+`), and an SPDX expression in
 * newer ones (`MPL-2.0 AND MIT`). An expression stays whole; a list is split.
 */
function apkLicenses(raw) {
    if (!raw)
        return [];
    const words = splitWords(raw);
    if (words.some((w) => /^(AND|OR|WITH)$/i.test(w) || w.includes('(')))
        return [raw.trim()];
    return words;
}
function splitWords(value) {
    return value.split(/\s+/).filter(Boolean);
}
function toInt(value) {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) ? n : undefined;
}
/**
 * Resolves each record's `D:` entries to the installed packages that satisfy them: by name, or by a `p:`
 * provide (`so:libc.musl-x86_64.so.1`, `/bin/sh`, `cmd:sh`). Conflicts (`!x`) are not dependencies.
 * Returns the names each package depends on, sorted.
 */
function resolveApkDependencies(records) {
    const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(stripConstraint));
    const out = new Map();
    for (const r of records) {
        const deps = new Set();
        for (const d of r.depends) {
            if (d.startsWith('!'))
                continue;
            for (const name of providers.get(stripConstraint(d)) ?? [])
                if (name !== r.name)
                    deps.add(name);
        }
        out.set(r.name, [...deps].sort());
    }
    return out;
}
function stripConstraint(dep) {
    const m = /^([^=<>~]+)/.exec(dep);
    return m ? m[1] : dep;
}

;// CONCATENATED MODULE: ./src/catalog/apk/cataloger.ts





const APK_DB_PATH = '/lib/apk/db/installed';
const ID = 'apk/installed';
const apkCataloger = {
    id: ID,
    version: 0,
    description: 'Alpine and Wolfi packages from the apk database (/lib/apk/db/installed)',
    tags: ['image', 'directory', 'installed', 'os', 'apk'],
    // Every layer's version of the database: the layer that introduced each package is found by comparing them.
    requests: [{ id: ID, paths: [APK_DB_PATH], everyLayer: true, database: true }],
    catalog(ctx) {
        return Promise.resolve(catalogApk(ctx));
    },
};
function catalogApk(ctx) {
    const { view } = ctx;
    const { text, reason } = readIfPresent(view, APK_DB_PATH);
    if (text === undefined)
        return { packages: [], unknowns: reason ? [dbUnknown(view, ID, APK_DB_PATH, reason, 'apk')] : [] };
    const parsed = parseApkDb(text);
    const unknowns = [];
    if (parsed.errors.length > 0) {
        const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
        unknowns.push(dbUnknown(view, ID, APK_DB_PATH, `malformed apk database: ${parsed.errors[0]}${more}`, 'apk'));
    }
    const location = dbLocation(view, APK_DB_PATH);
    const deps = resolveApkDependencies(parsed.records);
    const { origins, gaps } = packageOrigins(view, [APK_DB_PATH], (snapshot) => {
        const r = snapshot.read(APK_DB_PATH);
        if (r === undefined)
            return { keys: [] };
        if (!r.ok)
            return { reason: r.reason };
        return { keys: parseApkDb(r.data.toString('utf8')).records.map(apkKey) };
    });
    unknowns.push(...gapUnknowns(ID, APK_DB_PATH, gaps, origins));
    const packages = parsed.records.map((r) => withOrigin(toPackage(r, ctx.distro, location, deps.get(r.name) ?? []), origins.get(apkKey(r))));
    return { packages, unknowns };
}
function apkKey(r) {
    return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}
function apkPurl(r, distro) {
    return (0,purl/* purl */.EV)({
        type: 'apk',
        namespace: distro?.id ? distro.id : undefined,
        name: r.name,
        version: r.version,
        qualifiers: {
            arch: r.arch,
            distro: (0,detect/* distroQualifier */.sE)(distro),
            upstream: r.origin && r.origin !== r.name ? r.origin : undefined,
        },
    });
}
function toPackage(r, distro, location, dependsOn) {
    return {
        id: osPackageId('apk', r.name, r.version, APK_DB_PATH),
        type: 'apk',
        name: r.name,
        version: r.version,
        purl: apkPurl(r, distro),
        licenses: apkLicenses(r.license),
        locations: [location],
        foundBy: ID,
        ...(r.origin ? { source: { name: r.origin, version: r.version } } : {}),
        ...(r.arch ? { arch: r.arch } : {}),
        metadata: {
            ...(r.origin !== undefined ? { origin: r.origin } : {}),
            ...(r.license !== undefined ? { license: r.license } : {}),
            ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
            ...(r.description !== undefined ? { description: r.description } : {}),
            ...(r.url !== undefined ? { url: r.url } : {}),
            ...(r.size !== undefined ? { size: r.size } : {}),
            ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
            ...(r.checksum !== undefined ? { checksum: r.checksum } : {}),
            ...(r.commit !== undefined ? { commit: r.commit } : {}),
            depends: r.depends,
            provides: r.provides,
            dependsOn,
            files: r.files,
        },
    };
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/copyright.ts
/**
 * Licences from a Debian `copyright` file, cheaply: the `License:` fields of a machine-readable (DEP-5) file,
 * first line only, each short name mapped to SPDX where there is a clear equivalent and kept as written
 * otherwise. Free-form copyright files give nothing.
 */
function parseDebianCopyright(text) {
    return dedupe(parseDebianCopyrightNames(text).map(toSpdxExpression));
}
/**
 * The same `License:` fields as written (`GPL-2+`, `BSD-2-clause`, `GPL-2+ or Artistic`), each once, in file
 * order: the names Anchore's licenses gate matches (anchore-engine
 * `tests/unit/anchore_engine/services/policy_engine/engine/policy/gates/test_licenses.py`).
 */
function parseDebianCopyrightNames(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^License:[ \t]*(\S.*?)\s*$/i.exec(line);
        if (!m)
            continue;
        if (m[1].toLowerCase() === 'none')
            continue;
        out.push(m[1]);
    }
    return dedupe(out);
}
function dedupe(values) {
    return [...new Set(values.filter((v) => v !== ''))];
}
/** `GPL-2+ or Artistic` → `GPL-2.0-or-later OR Artistic-1.0-Perl`; a name with no SPDX equivalent stays as written. */
function toSpdxExpression(value) {
    const parts = value.trim().split(/\s+(or|and)\s+/i);
    let out = '';
    for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 1)
            out += ` ${parts[i].toUpperCase()} `;
        else
            out += toSpdxId(parts[i].replace(/,$/, ''));
    }
    return out;
}
function toSpdxId(name) {
    const trimmed = name.trim();
    const withException = /^(.+?)\s+with\s+(.+?)\s+exception$/i.exec(trimmed);
    if (withException)
        return `${toSpdxId(withException[1])} WITH ${withException[2]}-exception`;
    return DEP5_TO_SPDX.get(trimmed.toLowerCase()) ?? trimmed;
}
const DEP5_TO_SPDX = new Map([
    ...gnu('gpl', 'GPL', ['1', '2', '3']),
    ...gnu('lgpl', 'LGPL', ['2', '2.1', '3']),
    ...gnu('agpl', 'AGPL', ['3']),
    ...gnu('gfdl', 'GFDL', ['1.1', '1.2', '1.3']),
    ['apache-2', 'Apache-2.0'],
    ['apache-2.0', 'Apache-2.0'],
    ['artistic', 'Artistic-1.0-Perl'],
    ['artistic-2.0', 'Artistic-2.0'],
    ['bsd-2-clause', 'BSD-2-Clause'],
    ['bsd-3-clause', 'BSD-3-Clause'],
    ['bsd-4-clause', 'BSD-4-Clause'],
    ['expat', 'MIT'],
    ['mit', 'MIT'],
    ['isc', 'ISC'],
    ['zlib', 'Zlib'],
    ['mpl-1.1', 'MPL-1.1'],
    ['mpl-2.0', 'MPL-2.0'],
    ['cc0-1.0', 'CC0-1.0'],
    ['psf-2', 'PSF-2.0'],
    ['python-2.0', 'Python-2.0'],
    ['openssl', 'OpenSSL'],
    ['curl', 'curl'],
    ['x11', 'X11'],
    ['unicode-dfs-2016', 'Unicode-DFS-2016'],
    ['bsl-1.0', 'BSL-1.0'],
]);
function gnu(prefix, spdx, versions) {
    const out = [];
    for (const v of versions) {
        const full = v.includes('.') ? v : `${v}.0`;
        out.push([`${prefix}-${v}`, `${spdx}-${full}-only`], [`${prefix}-${v}+`, `${spdx}-${full}-or-later`]);
        if (full !== v)
            out.push([`${prefix}-${full}`, `${spdx}-${full}-only`], [`${prefix}-${full}+`, `${spdx}-${full}-or-later`]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/parse.ts
/**
 * dpkg's status database (`/var/lib/dpkg/status`, and one file per package in distroless `status.d/`):
 * blank-line-separated stanzas of `Field: value` lines, continued by lines that start with a space or a tab.
 */

function parseDpkgStatus(text) {
    const records = [];
    const errors = [];
    let fields = new Map();
    let lastKey;
    let broken = false;
    let start = 1;
    const finish = () => {
        if (fields.size > 0 && !broken) {
            const record = toRecord(fields);
            if (record)
                records.push(record);
        }
        fields = new Map();
        lastKey = undefined;
        broken = false;
    };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.trim() === '') {
            finish();
            start = i + 2;
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (lastKey === undefined) {
                if (!broken)
                    errors.push(`line ${i + 1}: a continuation line with no field before it`);
                broken = true;
                continue;
            }
            fields.set(lastKey, `${fields.get(lastKey)}\n${line.slice(1)}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
            if (!broken)
                errors.push(`stanza at line ${start}: line ${i + 1} is not a "Field: value" line: ${JSON.stringify(line.slice(0, 60))}`);
            broken = true;
            continue;
        }
        lastKey = line.slice(0, colon).toLowerCase();
        fields.set(lastKey, line.slice(colon + 1).trim());
    }
    finish();
    return { records, errors };
}
function toRecord(f) {
    const name = f.get('package')?.trim();
    if (!name)
        return undefined; // an empty `Package:` stanza is skipped
    const r = {
        name,
        version: f.get('version')?.trim() ?? '',
        depends: splitRelations(f.get('depends')),
        preDepends: splitRelations(f.get('pre-depends')),
        provides: splitRelations(f.get('provides')),
        conffiles: (f.get('conffiles') ?? '')
            .split('\n')
            .map((l) => l.trim().split(/\s+/)[0] ?? '')
            .filter((p) => p.startsWith('/')),
    };
    const arch = f.get('architecture')?.trim();
    if (arch)
        r.arch = arch;
    const source = f.get('source')?.trim();
    if (source) {
        const m = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(source);
        if (m) {
            r.sourceName = m[1];
            if (m[2])
                r.sourceVersion = m[2].trim();
        }
    }
    const status = f.get('status');
    if (status !== undefined)
        r.status = status.trim();
    const maintainer = f.get('maintainer');
    if (maintainer)
        r.maintainer = maintainer;
    const size = parseInstalledSize(f.get('installed-size'));
    if (size !== undefined)
        r.installedSize = size;
    const multiArch = f.get('multi-arch');
    if (multiArch)
        r.multiArch = multiArch;
    const description = f.get('description');
    if (description)
        r.description = description;
    return r;
}
/** `Installed-Size` is KiB; a unit suffix (`4KB`, `4 KiB`, `2MB`) is accepted, an unknown unit is not. */
function parseInstalledSize(value) {
    if (!value)
        return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    const bytesPer = { '': 1024, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };
    const mult = bytesPer[unit];
    if (mult === undefined)
        return undefined;
    return Math.round((n * mult) / 1024);
}
/** `a (>= 1), b | c:any` → [`a (>= 1)`, `b | c:any`]: one entry per relation, alternatives kept together. */
function splitRelations(value) {
    if (!value)
        return [];
    return value
        .replace(/\n/g, ' ')
        .split(',')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
}
/** Installed means the Status' third word is `installed`; distroless `status.d` stanzas have no Status at all. */
function isInstalled(record) {
    if (record.status === undefined)
        return true;
    return record.status.split(/\s+/)[2] === 'installed';
}
/**
 * Resolves Depends and Pre-Depends to the installed packages that satisfy them, by name or through a Provides
 * virtual name. Every installed alternative of `a | b` counts. Returns, per package name, the names it depends on.
 */
function resolveDpkgDependencies(records) {
    const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(relationName));
    const out = new Map();
    for (const r of records) {
        const deps = new Set(out.get(r.name) ?? []);
        for (const relation of [...r.preDepends, ...r.depends]) {
            for (const alt of relation.split('|')) {
                for (const name of providers.get(relationName(alt)) ?? [])
                    if (name !== r.name)
                        deps.add(name);
            }
        }
        out.set(r.name, [...deps].sort());
    }
    return out;
}
function relationName(relation) {
    const name = relation.trim().split(/[\s(]/)[0] ?? '';
    const colon = name.indexOf(':');
    return colon >= 0 ? name.slice(0, colon) : name;
}

;// CONCATENATED MODULE: ./src/catalog/dpkg/cataloger.ts






const DPKG_STATUS_PATH = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d';
const INFO = '/var/lib/dpkg/info';
const cataloger_ID = 'dpkg/status';
/** Files in `status.d/` beside the per-package stanzas that are not databases. */
const NOT_A_STATUS_FILE = /\.(md5sums|conffiles|list|preinst|postinst|prerm|postrm|config|templates|triggers|shlibs|symbols)$/;
const dpkgCataloger = {
    id: cataloger_ID,
    version: 0,
    description: 'Debian and Ubuntu packages from the dpkg status database (and distroless status.d)',
    tags: ['image', 'directory', 'installed', 'os', 'dpkg', 'deb'],
    requests: [
        // The databases in every layer's version: the layer that introduced each package is found by comparing them.
        { id: cataloger_ID, paths: [DPKG_STATUS_PATH], globs: [`${STATUS_D}/*`], everyLayer: true, database: true },
        { id: cataloger_ID, globs: [`${INFO}/*.list`, `${INFO}/*.md5sums`, `${INFO}/*.conffiles`] },
        { id: cataloger_ID, globs: ['/usr/share/doc/*/copyright'], maxBytes: 1024 * 1024 },
    ],
    catalog(ctx) {
        return Promise.resolve(catalogDpkg(ctx));
    },
};
function catalogDpkg(ctx) {
    const { view } = ctx;
    const packages = [];
    const unknowns = [];
    const isStatusD = (path) => path.startsWith(`${STATUS_D}/`) && !path.slice(STATUS_D.length + 1).includes('/') && !NOT_A_STATUS_FILE.test(path);
    const databases = [DPKG_STATUS_PATH, ...view.glob(`${STATUS_D}/*`).filter((e) => e.type !== 'dir' && isStatusD(e.path)).map((e) => e.path)];
    for (const dbPath of databases) {
        const { text, reason } = readIfPresent(view, dbPath);
        if (text === undefined) {
            if (reason)
                unknowns.push(dbUnknown(view, cataloger_ID, dbPath, reason, 'deb'));
            continue;
        }
        const parsed = parseDpkgStatus(text);
        if (parsed.errors.length > 0) {
            const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
            unknowns.push(dbUnknown(view, cataloger_ID, dbPath, `malformed dpkg status file: ${parsed.errors[0]}${more}`, 'deb'));
        }
        const installed = parsed.records.filter(isInstalled);
        const deps = resolveDpkgDependencies(installed);
        const location = dbLocation(view, dbPath);
        const distroless = dbPath !== DPKG_STATUS_PATH;
        for (const r of installed) {
            packages.push(cataloger_toPackage(view, r, ctx.distro, dbPath, location, deps.get(r.name) ?? [], distroless, unknowns));
        }
    }
    // Every database that existed in some layer: a package may move from one to another (status.d rewritten).
    const history = [DPKG_STATUS_PATH, ...view.versionedPaths().filter(isStatusD)];
    const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
        const keys = [];
        for (const path of history) {
            const r = snapshot.read(path);
            if (r === undefined)
                continue;
            if (!r.ok)
                return { reason: r.reason };
            for (const rec of parseDpkgStatus(r.data.toString('utf8')).records)
                if (isInstalled(rec))
                    keys.push(dpkgKey(rec));
        }
        return { keys };
    });
    unknowns.push(...gapUnknowns(cataloger_ID, DPKG_STATUS_PATH, gaps, origins));
    return { packages: packages.map((p) => withOrigin(p, origins.get(dpkgKey({ name: p.name, version: p.version, arch: p.arch })))), unknowns };
}
function dpkgKey(r) {
    return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}
function debPurl(r, distro) {
    const upstream = r.sourceName ? (r.sourceVersion ? `${r.sourceName}@${r.sourceVersion}` : r.sourceName) : undefined;
    return (0,purl/* purl */.EV)({
        type: 'deb',
        namespace: distro?.id ? distro.id : undefined,
        name: r.name,
        version: r.version,
        qualifiers: { arch: r.arch, distro: (0,detect/* distroQualifier */.sE)(distro), upstream },
    });
}
function cataloger_toPackage(view, r, distro, dbPath, location, dependsOn, distroless, unknowns) {
    const copyrightPath = `/usr/share/doc/${r.name}/copyright`;
    const copyright = readIfPresent(view, copyrightPath);
    if (copyright.reason)
        unknowns.push(dbUnknown(view, cataloger_ID, copyrightPath, copyright.reason));
    const declared = copyright.text === undefined ? [] : parseDebianCopyrightNames(copyright.text);
    const licenses = copyright.text === undefined ? [] : parseDebianCopyright(copyright.text);
    const files = ownedFiles(view, r, distroless);
    return {
        id: osPackageId('deb', r.name, r.version, dbPath),
        type: 'deb',
        name: r.name,
        version: r.version,
        purl: debPurl(r, distro),
        licenses,
        ...(declared.length > 0 ? { declaredLicenses: declared } : {}),
        // The database first; then the package's own file list, whose layer is the one that installed the package.
        locations: files.from[0] ? [location, dbLocation(view, files.from[0])] : [location],
        foundBy: cataloger_ID,
        source: { name: r.sourceName ?? r.name, version: r.sourceVersion ?? r.version },
        ...(r.arch ? { arch: r.arch } : {}),
        metadata: {
            ...(r.sourceName !== undefined ? { sourceName: r.sourceName } : {}),
            ...(r.sourceVersion !== undefined ? { sourceVersion: r.sourceVersion } : {}),
            ...(r.status !== undefined ? { status: r.status } : {}),
            ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
            ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
            ...(r.multiArch !== undefined ? { multiArch: r.multiArch } : {}),
            depends: r.depends,
            preDepends: r.preDepends,
            provides: r.provides,
            dependsOn,
            ...(copyright.text !== undefined ? { copyrightPath } : {}),
            filesFrom: files.from,
            files: files.paths,
        },
    };
}
/**
 * Owned files: `info/<pkg>[:arch].list` (without its directories), or, where there is no list (distroless, some
 * minimal images), the `md5sums` and `conffiles` entries.
 */
function ownedFiles(view, r, distroless) {
    const bases = distroless ? [`${STATUS_D}/${r.name}`] : [...(r.arch ? [`${INFO}/${r.name}:${r.arch}`] : []), `${INFO}/${r.name}`];
    for (const base of bases) {
        const list = view.readText(`${base}.list`);
        if (list === undefined)
            continue;
        // Directories are listed too: drop those that hold other listed paths, or that are directories in the image.
        const listed = list
            .split('\n')
            .map((l) => l.trim())
            .filter((p) => p !== '' && p !== '/.' && p !== '/')
            .sort();
        const paths = listed.filter((p, i) => !listed[i + 1]?.startsWith(`${p}/`) && view.get(p)?.type !== 'dir');
        return { paths, from: [`${base}.list`] };
    }
    const paths = new Set();
    const from = [];
    for (const base of bases) {
        const md5 = view.readText(`${base}.md5sums`);
        if (md5 === undefined)
            continue;
        from.push(`${base}.md5sums`);
        for (const line of md5.split('\n')) {
            const m = /^[0-9a-fA-F]+\s+(.+)$/.exec(line.trim());
            if (m)
                paths.add(absolutePath(m[1]));
        }
        break;
    }
    for (const base of bases) {
        const conf = view.readText(`${base}.conffiles`);
        if (conf === undefined)
            continue;
        from.push(`${base}.conffiles`);
        for (const line of conf.split('\n'))
            if (line.trim().startsWith('/'))
                paths.add(line.trim());
        break;
    }
    for (const c of r.conffiles)
        paths.add(c);
    return { paths: [...paths].sort(), from };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/bdb.ts
/**
 * Reads the values of a Berkeley DB hash database (rpm ≤ 4.15's `/var/lib/rpm/Packages`): every value on the
 * hash pages, whether stored on the page (H_KEYDATA) or on a chain of overflow pages (H_OFFPAGE). Read-only,
 * in memory, both byte orders.
 */
const HASH_MAGIC = 0x061561;
const P_HASH = 13;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
const PAGE_HEADER = 26;
class BdbError extends Error {
    name = 'BdbError';
}
function isBerkeleyHash(data) {
    return data.length >= 512 && (data.readUInt32LE(12) === HASH_MAGIC || data.readUInt32BE(12) === HASH_MAGIC);
}
function readBdbHashValues(data) {
    if (!isBerkeleyHash(data))
        throw new BdbError('not a Berkeley DB hash database (bad magic)');
    const le = data.readUInt32LE(12) === HASH_MAGIC;
    const u32 = (at) => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
    const u16 = (at) => (le ? data.readUInt16LE(at) : data.readUInt16BE(at));
    const pageSize = u32(20);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
        throw new BdbError(`bad page size ${pageSize}`);
    const lastPage = u32(32);
    const pages = Math.min(lastPage + 1, Math.floor(data.length / pageSize));
    if (pages < lastPage + 1)
        throw new BdbError(`truncated: the metadata page says ${lastPage + 1} pages, the file holds ${pages}`);
    const overflow = (first, total) => {
        const out = Buffer.allocUnsafe(total);
        let filled = 0;
        let pgno = first;
        let hops = 0;
        while (filled < total) {
            if (pgno === 0 || pgno >= pages || ++hops > pages)
                throw new BdbError(`broken overflow chain at page ${pgno}`);
            const base = pgno * pageSize;
            if (data[base + 25] !== P_OVERFLOW)
                throw new BdbError(`page ${pgno} is not an overflow page`);
            const len = u16(base + 22); // hf_offset holds the byte count on overflow pages
            const take = Math.min(len, total - filled, pageSize - PAGE_HEADER);
            data.copy(out, filled, base + PAGE_HEADER, base + PAGE_HEADER + take);
            filled += take;
            pgno = u32(base + 16);
            if (take === 0)
                throw new BdbError(`empty overflow page ${pgno}`);
        }
        return out;
    };
    const values = [];
    for (let pgno = 1; pgno < pages; pgno++) {
        const base = pgno * pageSize;
        const type = data[base + 25];
        if (type !== P_HASH && type !== P_HASH_UNSORTED)
            continue;
        const entries = u16(base + 20);
        if (PAGE_HEADER + entries * 2 > pageSize)
            throw new BdbError(`page ${pgno} claims ${entries} entries`);
        // Entries alternate key, value; each index slot is an offset within the page, items packed from the end.
        for (let i = 1; i < entries; i += 2) {
            const offset = u16(base + PAGE_HEADER + i * 2);
            const prev = u16(base + PAGE_HEADER + (i - 1) * 2);
            if (offset >= pageSize)
                throw new BdbError(`page ${pgno}: item offset ${offset} is past the page`);
            const itemType = data[base + offset];
            if (itemType === H_OFFPAGE) {
                const first = u32(base + offset + 4);
                const total = u32(base + offset + 8);
                values.push(overflow(first, total));
            }
            else if (itemType === H_KEYDATA) {
                const end = Math.min(prev, pageSize);
                if (end <= offset)
                    throw new BdbError(`page ${pgno}: bad item bounds`);
                values.push(Buffer.from(data.subarray(base + offset + 1, base + end)));
            }
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/header.ts
/**
 * An RPM header blob as the package databases store it (no lead, no magic): `il` and `dl` (big-endian int32),
 * `il` index entries of 16 bytes (tag, type, offset, count), then `dl` bytes of data.
 */
const TAG = {
    NAME: 1000,
    VERSION: 1001,
    RELEASE: 1002,
    EPOCH: 1003,
    SUMMARY: 1004,
    SIZE: 1009,
    VENDOR: 1011,
    LICENSE: 1014,
    ARCH: 1022,
    OLDFILENAMES: 1027,
    FILEMODES: 1030,
    SOURCERPM: 1044,
    DIRINDEXES: 1116,
    BASENAMES: 1117,
    DIRNAMES: 1118,
    LONGSIZE: 5009,
    MODULARITYLABEL: 5096,
    SIGMD5: 261,
};
const TYPE = { CHAR: 1, INT8: 2, INT16: 3, INT32: 4, INT64: 5, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 };
class RpmHeaderError extends Error {
    name = 'RpmHeaderError';
}
class RpmHeader {
    #entries = new Map();
    #data;
    constructor(blob) {
        if (blob.length < 8)
            throw new RpmHeaderError(`header blob of ${blob.length} bytes is too short`);
        const il = blob.readUInt32BE(0);
        const dl = blob.readUInt32BE(4);
        const dataStart = 8 + il * 16;
        if (il === 0 || il > 0xffff || dataStart + dl > blob.length) {
            throw new RpmHeaderError(`header blob claims ${il} entries and ${dl} data bytes, but has ${blob.length} bytes`);
        }
        this.#data = blob.subarray(dataStart, dataStart + dl);
        for (let i = 0; i < il; i++) {
            const at = 8 + i * 16;
            const tag = blob.readUInt32BE(at);
            const type = blob.readUInt32BE(at + 4);
            const offset = blob.readInt32BE(at + 8);
            const count = blob.readUInt32BE(at + 12);
            if (offset < 0 || offset > dl)
                throw new RpmHeaderError(`tag ${tag}: data offset ${offset} is outside the ${dl}-byte data store`);
            this.#entries.set(tag, { type, offset, count });
        }
    }
    has(tag) {
        return this.#entries.has(tag);
    }
    string(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return undefined;
        if (e.type === TYPE.STRING || e.type === TYPE.I18NSTRING || e.type === TYPE.STRING_ARRAY)
            return this.#strings(e, 1)[0];
        return undefined;
    }
    strings(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return [];
        if (e.type !== TYPE.STRING_ARRAY && e.type !== TYPE.STRING && e.type !== TYPE.I18NSTRING)
            return [];
        return this.#strings(e, e.type === TYPE.STRING ? 1 : e.count);
    }
    numbers(tag) {
        const e = this.#entries.get(tag);
        if (!e)
            return [];
        const size = e.type === TYPE.INT8 || e.type === TYPE.CHAR ? 1 : e.type === TYPE.INT16 ? 2 : e.type === TYPE.INT32 ? 4 : e.type === TYPE.INT64 ? 8 : 0;
        if (size === 0)
            return [];
        if (e.offset + size * e.count > this.#data.length)
            throw new RpmHeaderError(`tag ${tag}: ${e.count} values overrun the data store`);
        const out = [];
        for (let i = 0; i < e.count; i++) {
            const at = e.offset + i * size;
            out.push(size === 1 ? this.#data.readUInt8(at) : size === 2 ? this.#data.readUInt16BE(at) : size === 4 ? this.#data.readUInt32BE(at) : Number(this.#data.readBigUInt64BE(at)));
        }
        return out;
    }
    number(tag) {
        return this.numbers(tag)[0];
    }
    hex(tag) {
        const e = this.#entries.get(tag);
        if (!e || e.type !== TYPE.BIN)
            return undefined;
        if (e.offset + e.count > this.#data.length)
            throw new RpmHeaderError(`tag ${tag}: binary value overruns the data store`);
        return this.#data.subarray(e.offset, e.offset + e.count).toString('hex');
    }
    #strings(e, count) {
        const out = [];
        let at = e.offset;
        for (let i = 0; i < count; i++) {
            const end = this.#data.indexOf(0, at);
            if (end < 0)
                throw new RpmHeaderError('unterminated string in the header data store');
            out.push(this.#data.toString('utf8', at, end));
            at = end + 1;
        }
        return out;
    }
}
/** The fields Portcullis keeps from one header. Throws RpmHeaderError on a malformed blob. */
function readRpmPackage(blob) {
    const h = new RpmHeader(blob);
    const name = h.string(TAG.NAME);
    if (!name)
        throw new RpmHeaderError('header has no name');
    const info = { name, version: h.string(TAG.VERSION) ?? '', release: h.string(TAG.RELEASE) ?? '', files: fileNames(h) };
    const epoch = h.number(TAG.EPOCH);
    if (epoch !== undefined)
        info.epoch = epoch;
    const set = (key, value) => {
        if (value !== undefined && value !== '' && value !== '(none)')
            info[key] = value;
    };
    set('arch', h.string(TAG.ARCH));
    set('sourceRpm', h.string(TAG.SOURCERPM));
    set('license', h.string(TAG.LICENSE));
    set('vendor', h.string(TAG.VENDOR));
    set('summary', h.string(TAG.SUMMARY));
    set('size', h.number(TAG.LONGSIZE) ?? h.number(TAG.SIZE));
    set('modularityLabel', h.string(TAG.MODULARITYLABEL));
    set('sigMd5', h.hex(TAG.SIGMD5));
    return info;
}
function fileNames(h) {
    const basenames = h.strings(TAG.BASENAMES);
    if (basenames.length === 0)
        return h.strings(TAG.OLDFILENAMES);
    const dirnames = h.strings(TAG.DIRNAMES);
    const indexes = h.numbers(TAG.DIRINDEXES);
    const modes = h.numbers(TAG.FILEMODES);
    const out = [];
    basenames.forEach((b, i) => {
        // Directories are owned too, but only files say which package a language package's files belong to.
        if (((modes[i] ?? 0) & 0o170000) === 0o040000)
            return;
        out.push(`${dirnames[indexes[i] ?? -1] ?? ''}${b}`);
    });
    return out;
}
/** `[epoch:]version-release`, the form rpm prints and matching compares. */
function rpmVersionString(p) {
    const vr = p.release ? `${p.version}-${p.release}` : p.version;
    return p.epoch !== undefined ? `${p.epoch}:${vr}` : vr;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/ndb.ts
/**
 * Reads the header blobs of rpm's native `ndb` package database (`Packages.db`, SUSE): a 32-byte header
 * (`RpmP`, version, generation, slot page count, …), then 16-byte slots (`Slot`, package index, block offset,
 * block count), each pointing at a blob (`BlbS`, package index, checksum, length, then the header). Little-endian;
 * blocks are 16 bytes, slot pages 4096 bytes.
 */
class NdbError extends Error {
    name = 'NdbError';
}
const HEADER_MAGIC = 0x506d7052; // 'RpmP'
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const PAGE = 4096;
const BLOCK = 16;
function isNdb(data) {
    return data.length >= 32 && data.readUInt32LE(0) === HEADER_MAGIC;
}
function readNdbBlobs(data) {
    if (!isNdb(data))
        throw new NdbError('not an rpm ndb database (bad magic)');
    const version = data.readUInt32LE(4);
    if (version !== 0)
        throw new NdbError(`unsupported ndb version ${version}`);
    const slotPages = data.readUInt32LE(12);
    if (slotPages === 0 || slotPages * PAGE > data.length)
        throw new NdbError(`bad slot page count ${slotPages}`);
    const blobs = [];
    const errors = [];
    const slots = (slotPages * PAGE) / 16 - 2;
    for (let i = 0; i < slots; i++) {
        const at = 32 + i * 16;
        if (data.readUInt32LE(at) !== SLOT_MAGIC) {
            errors.push(`slot ${i} has a bad magic`);
            continue;
        }
        const pkgIndex = data.readUInt32LE(at + 4);
        if (pkgIndex === 0)
            continue; // a free slot
        const offset = data.readUInt32LE(at + 8) * BLOCK;
        if (offset + 16 > data.length) {
            errors.push(`slot ${i}: blob offset ${offset} is past the end`);
            continue;
        }
        if (data.readUInt32LE(offset) !== BLOB_MAGIC || data.readUInt32LE(offset + 4) !== pkgIndex) {
            errors.push(`slot ${i}: no blob for package ${pkgIndex} at offset ${offset}`);
            continue;
        }
        const len = data.readUInt32LE(offset + 12);
        if (offset + 16 + len > data.length) {
            errors.push(`slot ${i}: blob of ${len} bytes is truncated`);
            continue;
        }
        blobs.push(data.subarray(offset + 16, offset + 16 + len));
    }
    return { blobs, errors };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/sqlite.ts
/**
 * A minimal read-only SQLite reader: enough to walk a table b-tree (rpm ≥ 4.16's `rpmdb.sqlite`, table
 * `Packages(hnum INTEGER PRIMARY KEY, blob BLOB)`). It reads the database file only; a `-wal` file's
 * uncheckpointed pages are not applied.
 */
class SqliteError extends Error {
    name = 'SqliteError';
}
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
function isSqlite(data) {
    return data.length >= 100 && data.subarray(0, 16).equals(MAGIC);
}
class SqliteFile {
    data;
    pageSize;
    #usable;
    #pages;
    constructor(data) {
        this.data = data;
        if (!isSqlite(data))
            throw new SqliteError('not an SQLite 3 database (bad header)');
        const raw = data.readUInt16BE(16);
        this.pageSize = raw === 1 ? 65536 : raw;
        if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
            throw new SqliteError(`bad page size ${raw}`);
        this.#usable = this.pageSize - data[20];
        // The file format requires at least 480 usable bytes a page (https://www.sqlite.org/fileformat.html, 1.3.4).
        if (this.#usable < 480)
            throw new SqliteError(`bad reserved space ${data[20]} for page size ${this.pageSize}`);
        this.#pages = Math.floor(data.length / this.pageSize);
        if (data.readUInt32BE(56) > 1)
            throw new SqliteError('only UTF-8 databases are read');
    }
    /** The root page of a table, from sqlite_schema. */
    tableRoot(name) {
        for (const { values } of this.rows(1)) {
            if (values[0] === 'table' && typeof values[1] === 'string' && values[1].toLowerCase() === name.toLowerCase()) {
                const root = values[3];
                return typeof root === 'number' ? root : typeof root === 'bigint' ? Number(root) : undefined;
            }
        }
        return undefined;
    }
    /** Every row of the table b-tree rooted at `root`, in rowid order. */
    *rows(root) {
        const stack = [root];
        const seen = new Set();
        while (stack.length > 0) {
            const pgno = stack.pop();
            if (seen.has(pgno))
                throw new SqliteError(`b-tree loop at page ${pgno}`);
            seen.add(pgno);
            const page = this.#page(pgno);
            const h = pgno === 1 ? 100 : 0;
            const type = page[h];
            const cells = page.readUInt16BE(h + 3);
            const cellArray = h + (type === 0x05 ? 12 : 8);
            if (cellArray + cells * 2 > page.length)
                throw new SqliteError(`corrupt sqlite page ${pgno}: ${cells} cell pointers do not fit in the ${page.length}-byte page`);
            if (type === 0x05) {
                const children = [];
                for (let i = 0; i < cells; i++)
                    children.push(u32(page, pgno, u16(page, pgno, h + 12 + i * 2, `cell pointer ${i}`), `cell ${i}`));
                children.push(page.readUInt32BE(h + 8));
                for (let i = children.length - 1; i >= 0; i--)
                    stack.push(children[i]);
            }
            else if (type === 0x0d) {
                for (let i = 0; i < cells; i++) {
                    let at = u16(page, pgno, h + 8 + i * 2, `cell pointer ${i}`);
                    const [payloadSize, n1] = cellVarint(page, pgno, at, i);
                    at += n1;
                    const [rowid, n2] = cellVarint(page, pgno, at, i);
                    at += n2;
                    yield { rowid: Number(rowid), values: decodeRecord(this.#payload(page, pgno, at, payloadSize)) };
                }
            }
            else {
                throw new SqliteError(`page ${pgno} is not a table b-tree page (type ${type})`);
            }
        }
    }
    #page(pgno) {
        if (pgno < 1 || pgno > this.#pages)
            throw new SqliteError(`page ${pgno} is outside the ${this.#pages}-page file`);
        return this.data.subarray((pgno - 1) * this.pageSize, pgno * this.pageSize);
    }
    #payload(page, pgno, at, rawSize) {
        // A payload cannot be larger than the file that holds it: a bigger size is corruption, not an allocation.
        if (rawSize > BigInt(this.data.length))
            throw new SqliteError(`corrupt sqlite page ${pgno}: payload size ${rawSize} exceeds the file`);
        const size = Number(rawSize);
        const u = this.#usable;
        const x = u - 35;
        if (size <= x) {
            if (at + size > page.length)
                throw new SqliteError(`corrupt sqlite page ${pgno}: payload at offset ${at} runs past the page`);
            return page.subarray(at, at + size);
        }
        const m = Math.floor(((u - 12) * 32) / 255) - 23;
        const k = m + ((size - m) % (u - 4));
        const local = k <= x ? k : m;
        const next0 = u32(page, pgno, at + local, 'overflow page number');
        const out = Buffer.allocUnsafe(size);
        page.copy(out, 0, at, at + local);
        let filled = local;
        let next = next0;
        let hops = 0;
        while (filled < size) {
            if (next === 0 || ++hops > this.#pages)
                throw new SqliteError('broken overflow chain');
            const ov = this.#page(next);
            const take = Math.min(u - 4, size - filled);
            ov.copy(out, filled, 4, 4 + take);
            filled += take;
            next = ov.readUInt32BE(0);
        }
        return out;
    }
}
/** A big-endian 16-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u16(page, pgno, at, what) {
    if (at + 2 > page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
    return page.readUInt16BE(at);
}
/** A big-endian 32-bit field of a page, or "corrupt sqlite page N" when it lies past the page's end. */
function u32(page, pgno, at, what) {
    if (at + 4 > page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: ${what} at offset ${at} is past the ${page.length}-byte page`);
    return page.readUInt32BE(at);
}
function cellVarint(page, pgno, at, cell) {
    if (at >= page.length)
        throw new SqliteError(`corrupt sqlite page ${pgno}: cell ${cell} at offset ${at} is past the ${page.length}-byte page`);
    return varint(page, at);
}
function varint(buf, at) {
    let value = 0n;
    for (let i = 0; i < 9; i++) {
        const byte = buf[at + i];
        if (byte === undefined)
            throw new SqliteError('truncated varint');
        if (i === 8)
            return [(value << 8n) | BigInt(byte), 9];
        value = (value << 7n) | BigInt(byte & 0x7f);
        if ((byte & 0x80) === 0)
            return [value, i + 1];
    }
    return [value, 9];
}
function decodeRecord(payload) {
    const [headerSize, n] = varint(payload, 0);
    const types = [];
    let at = n;
    while (at < Number(headerSize)) {
        const [t, m] = varint(payload, at);
        types.push(Number(t));
        at += m;
    }
    const values = [];
    let body = Number(headerSize);
    for (const t of types) {
        if (t === 0)
            values.push(null);
        else if (t >= 1 && t <= 6) {
            const len = [0, 1, 2, 3, 4, 6, 8][t];
            if (body + len > payload.length)
                throw new SqliteError('record overruns its payload');
            values.push(len <= 6 ? payload.readIntBE(body, len) : payload.readBigInt64BE(body));
            body += len;
        }
        else if (t === 7) {
            if (body + 8 > payload.length)
                throw new SqliteError('record overruns its payload');
            values.push(payload.readDoubleBE(body));
            body += 8;
        }
        else if (t === 8 || t === 9)
            values.push(t - 8);
        else if (t >= 12) {
            const len = Math.floor((t - 12) / 2);
            if (body + len > payload.length)
                throw new SqliteError('record overruns its payload');
            const bytes = payload.subarray(body, body + len);
            values.push(t % 2 === 0 ? bytes : bytes.toString('utf8'));
            body += len;
        }
        else
            throw new SqliteError(`reserved serial type ${t}`);
    }
    return values;
}

;// CONCATENATED MODULE: ./src/catalog/rpm/cataloger.ts








const rpm_cataloger_ID = 'rpm/db';
const DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm', '/usr/share/rpm'];
/** In one directory, the newest format wins: rpm reads only one, and a migration may leave the old one behind. */
const FILES = ['rpmdb.sqlite', 'Packages.db', 'Packages'];
const RPM_DB_PATHS = DIRS.flatMap((d) => FILES.map((f) => `${d}/${f}`));
const rpmCataloger = {
    id: rpm_cataloger_ID,
    version: 0,
    description: 'RPM packages from the rpm database: BerkeleyDB Packages, rpmdb.sqlite and ndb Packages.db',
    tags: ['image', 'directory', 'installed', 'os', 'rpm'],
    // Every layer's version of the databases: the layer that introduced each package is found by comparing them.
    requests: [{ id: rpm_cataloger_ID, paths: RPM_DB_PATHS, everyLayer: true, database: true }],
    catalog(ctx) {
        return Promise.resolve(catalogRpm(ctx));
    },
};
function catalogRpm(ctx) {
    const { view } = ctx;
    const packages = [];
    const unknowns = [];
    const readDirs = new Set();
    const seen = new Set();
    const keyOf = new Map();
    for (const dir of DIRS) {
        const realDir = view.resolve(dir, { follow: true });
        if (realDir === undefined || readDirs.has(realDir))
            continue;
        for (const file of FILES) {
            const path = `${dir}/${file}`;
            if (!view.get(path, { follow: true }))
                continue;
            readDirs.add(realDir);
            const read = view.read(path);
            if (!read.ok) {
                unknowns.push(dbUnknown(view, rpm_cataloger_ID, path, read.reason, 'rpm'));
                break;
            }
            const { infos, errors } = readDatabase(read.data);
            if (errors.length > 0) {
                const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
                unknowns.push(dbUnknown(view, rpm_cataloger_ID, path, `${errors[0]}${more}`, 'rpm'));
            }
            const location = dbLocation(view, path);
            for (const info of infos) {
                const key = rpmKey(info);
                if (seen.has(key))
                    continue;
                seen.add(key);
                packages.push(rpmPackage(info, ctx.distro, path, location));
                keyOf.set(packages[packages.length - 1], key);
            }
            break;
        }
    }
    // Each layer's databases, read with the same rules (per real directory, the newest format that exists then).
    const dirs = [...new Set(DIRS.map((d) => view.resolve(d, { follow: true }) ?? d))];
    const history = dirs.flatMap((d) => FILES.map((f) => `${d}/${f}`));
    const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
        const keys = [];
        for (const dir of dirs) {
            for (const file of FILES) {
                const r = snapshot.read(`${dir}/${file}`);
                if (r === undefined)
                    continue;
                if (!r.ok)
                    return { reason: r.reason };
                for (const info of readDatabase(r.data).infos)
                    keys.push(rpmKey(info));
                break;
            }
        }
        return { keys };
    });
    const rpmdb = packages[0]?.locations[0]?.path ?? RPM_DB_PATHS[0];
    unknowns.push(...gapUnknowns(rpm_cataloger_ID, rpmdb, gaps, origins));
    return { packages: packages.map((p) => withOrigin(p, origins.get(keyOf.get(p)))), unknowns };
}
function rpmKey(info) {
    return `${info.name}\0${rpmVersionString(info)}\0${info.arch ?? ''}`;
}
/** Reads every package of a database file, whatever its format. Problems are returned, never thrown. */
function readDatabase(data) {
    const errors = [];
    let blobs;
    try {
        if (isSqlite(data)) {
            const db = new SqliteFile(data);
            const root = db.tableRoot('Packages');
            if (root === undefined)
                return { infos: [], errors: ['rpmdb.sqlite has no Packages table'] };
            blobs = [];
            for (const row of db.rows(root)) {
                const blob = row.values[1];
                if (Buffer.isBuffer(blob))
                    blobs.push(blob);
                else
                    errors.push(`Packages row ${row.rowid} has no header blob`);
            }
        }
        else if (isNdb(data)) {
            const r = readNdbBlobs(data);
            blobs = r.blobs;
            errors.push(...r.errors);
        }
        else if (isBerkeleyHash(data)) {
            // Key 0 holds a 4-byte record counter, not a header.
            blobs = readBdbHashValues(data).filter((b) => b.length > 8);
        }
        else {
            return { infos: [], errors: ['not an rpm database: neither BerkeleyDB hash, SQLite nor ndb'] };
        }
    }
    catch (e) {
        return { infos: [], errors: [`unreadable rpm database: ${e.message}`] };
    }
    const infos = [];
    for (const blob of blobs) {
        try {
            const info = readRpmPackage(blob);
            if (info.name === 'gpg-pubkey')
                continue; // imported signing keys, not packages
            infos.push(info);
        }
        catch (e) {
            errors.push(`bad package header: ${e.message}`);
        }
    }
    return { infos, errors };
}
/** `util-linux-2.32.1-42.el8_8.src.rpm` → util-linux, 2.32.1-42.el8_8. */
function parseSourceRpm(sourceRpm) {
    const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
    return m ? { name: m[1], version: `${m[2]}-${m[3]}` } : undefined;
}
function rpmPurl(info, distro) {
    return (0,purl/* purl */.EV)({
        type: 'rpm',
        namespace: distro?.id ? distro.id : undefined,
        name: info.name,
        version: info.release ? `${info.version}-${info.release}` : info.version,
        qualifiers: {
            arch: info.arch,
            distro: (0,detect/* distroQualifier */.sE)(distro),
            epoch: info.epoch !== undefined ? String(info.epoch) : undefined,
            upstream: info.sourceRpm,
        },
    });
}
/** One rpm header's package: shared by the database cataloger and the distroless manifest cataloger. */
function rpmPackage(info, distro, dbPath, location, foundBy = rpm_cataloger_ID) {
    const version = rpmVersionString(info);
    const source = info.sourceRpm ? parseSourceRpm(info.sourceRpm) : undefined;
    return {
        id: osPackageId('rpm', info.name, version, dbPath),
        type: 'rpm',
        name: info.name,
        version,
        purl: rpmPurl(info, distro),
        licenses: info.license ? [info.license] : [],
        locations: [location],
        foundBy,
        ...(source ? { source } : {}),
        ...(info.arch ? { arch: info.arch } : {}),
        metadata: {
            ...(info.epoch !== undefined ? { epoch: info.epoch } : {}),
            version: info.version,
            release: info.release,
            ...(info.sourceRpm !== undefined ? { sourceRpm: info.sourceRpm } : {}),
            ...(info.license !== undefined ? { license: info.license } : {}),
            ...(info.vendor !== undefined ? { vendor: info.vendor } : {}),
            ...(info.modularityLabel !== undefined ? { modularityLabel: info.modularityLabel } : {}),
            ...(info.size !== undefined ? { size: info.size } : {}),
            ...(info.sigMd5 !== undefined ? { sigMd5: info.sigMd5 } : {}),
            files: info.files,
        },
    };
}

;// CONCATENATED MODULE: ./src/catalog/rpm/manifest.ts


const RPM_MANIFEST_PATH = '/var/lib/rpmmanifest/container-manifest-2';
const manifest_ID = 'rpm/manifest';
/**
 * CBL-Mariner distroless images have no rpm database, only a text manifest: one package a line, tab-separated
 * name, version-release, install time, build time, vendor, epoch or `(none)`, size, arch, 0, source rpm.
 */
function parseRpmManifest(text) {
    const infos = [];
    const errors = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '')
            return;
        const f = line.split('\t');
        if (f.length < 10) {
            errors.push(`line ${i + 1} has ${f.length} fields, not 10`);
            return;
        }
        const vr = f[1];
        const dash = vr.lastIndexOf('-');
        if (dash <= 0 || dash === vr.length - 1) {
            errors.push(`line ${i + 1}: version "${vr}" has no release`);
            return;
        }
        const info = { name: f[0], version: vr.slice(0, dash), release: vr.slice(dash + 1), files: [] };
        if (/^\d+$/.test(f[5]))
            info.epoch = Number(f[5]); // "(none)" and unparsable epochs mean no epoch
        if (f[4])
            info.vendor = f[4];
        if (/^\d+$/.test(f[6]))
            info.size = Number(f[6]);
        if (f[7])
            info.arch = f[7];
        if (f[9] && f[9] !== '(none)')
            info.sourceRpm = f[9];
        infos.push(info);
    });
    return { infos, errors };
}
const rpmManifestCataloger = {
    id: manifest_ID,
    version: 0,
    description: 'RPM packages from the CBL-Mariner distroless manifest, when the image has no rpm database',
    tags: ['image', 'directory', 'installed', 'os', 'rpm'],
    requests: [{ id: manifest_ID, paths: [RPM_MANIFEST_PATH], database: true }],
    catalog(ctx) {
        const { view } = ctx;
        if (RPM_DB_PATHS.some((p) => view.get(p, { follow: true })))
            return Promise.resolve({ packages: [], unknowns: [] });
        const { text, reason } = readIfPresent(view, RPM_MANIFEST_PATH);
        const unknowns = [];
        if (text === undefined)
            return Promise.resolve({ packages: [], unknowns: reason ? [dbUnknown(view, manifest_ID, RPM_MANIFEST_PATH, reason, 'rpm')] : [] });
        const { infos, errors } = parseRpmManifest(text);
        if (errors.length > 0)
            unknowns.push(dbUnknown(view, manifest_ID, RPM_MANIFEST_PATH, `malformed rpm manifest: ${errors[0]}`, 'rpm'));
        const location = dbLocation(view, RPM_MANIFEST_PATH);
        const packages = infos.map((info) => rpmPackage(info, ctx.distro, RPM_MANIFEST_PATH, location, manifest_ID));
        return Promise.resolve({ packages, unknowns });
    },
};

// EXTERNAL MODULE: ./src/image/paths.ts
var paths = __webpack_require__(80469);
;// CONCATENATED MODULE: ./src/catalog/npm/language-package.ts
/** A Package located at `path`, with its provenance taken from the view when the view knows the path. */
function languagePackage(view, input) {
    const provenance = view?.get(input.path)?.provenance;
    const pkg = {
        id: `${input.type}:${input.name}@${input.version}:${input.path}`,
        type: input.type,
        name: input.name,
        version: input.version,
        purl: input.purl,
        licenses: language_package_dedupe((input.licenses ?? []).map(toSpdx).filter((l) => l !== '')),
        locations: [{ path: input.path, ...(provenance ? { provenance } : {}) }],
        foundBy: input.foundBy,
    };
    if (input.metadata && Object.keys(input.metadata).length > 0)
        pkg.metadata = input.metadata;
    return pkg;
}
/** `packageDatabase`: the file lists packages of that type, which are missing from the catalog (a catalog gap). */
function catalogUnknown(view, foundBy, path, reason, packageDatabase) {
    const layerDigest = view?.get(path)?.provenance.layerDigest;
    return { stage: `catalog/${foundBy}`, reason, path, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
function language_package_dedupe(items) {
    return [...new Set(items)];
}
/** Common licence names (lower-cased, punctuation-trimmed) and their SPDX ids. */
const SPDX_ALIASES = {
    'apache 2.0': 'Apache-2.0',
    'apache 2': 'Apache-2.0',
    'apache-2': 'Apache-2.0',
    'apache license 2.0': 'Apache-2.0',
    'apache license, version 2.0': 'Apache-2.0',
    'apache license version 2.0': 'Apache-2.0',
    'the apache software license, version 2.0': 'Apache-2.0',
    'the apache license, version 2.0': 'Apache-2.0',
    'apache-2.0 license': 'Apache-2.0',
    'mit license': 'MIT',
    'the mit license': 'MIT',
    'new bsd license': 'BSD-3-Clause',
    'bsd 3-clause': 'BSD-3-Clause',
    '3-clause bsd license': 'BSD-3-Clause',
    'bsd-3': 'BSD-3-Clause',
    'bsd 2-clause': 'BSD-2-Clause',
    'simplified bsd license': 'BSD-2-Clause',
    'isc license': 'ISC',
    'isc license (iscl)': 'ISC',
    'mozilla public license 2.0': 'MPL-2.0',
    'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
    'mpl 2.0': 'MPL-2.0',
    'psf license': 'PSF-2.0',
    'python software foundation license': 'PSF-2.0',
    'unlicense': 'Unlicense',
    'the unlicense': 'Unlicense',
    'artistic-2.0': 'Artistic-2.0',
    'eclipse public license - v 1.0': 'EPL-1.0',
    'eclipse public license 2.0': 'EPL-2.0',
    'zlib license': 'Zlib',
    'ruby': 'Ruby',
};
/** SPDX ids known to be valid, used to fix their case (`mit` → `MIT`). */
const KNOWN_IDS = [
    'MIT', 'ISC', 'Apache-2.0', 'Apache-1.1', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-3-Clause-Clear', '0BSD', 'GPL-2.0', 'GPL-3.0',
    'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0', 'LGPL-2.0-only',
    'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MPL-2.0', 'MPL-1.1', 'AGPL-3.0',
    'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Artistic-2.0', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-3.0', 'EPL-1.0',
    'EPL-2.0', 'Zlib', 'PSF-2.0', 'Python-2.0', 'WTFPL', 'BlueOak-1.0.0', 'Ruby', 'BSL-1.0', 'MIT-0', 'OpenSSL', 'X11',
];
const KNOWN_BY_LOWER = new Map(KNOWN_IDS.map((id) => [id.toLowerCase(), id]));
/**
 * Licence text → an SPDX id or expression where it is one or a well-known alias of one, else the trimmed text.
 * `(MIT OR Apache-2.0)` stays an expression; `Apache 2.0` becomes `Apache-2.0`.
 */
function toSpdx(raw) {
    const text = raw.trim();
    if (text === '' || text.toUpperCase() === 'UNKNOWN')
        return '';
    const key = text.toLowerCase().replace(/\s+/g, ' ').replace(/[.;]+$/, '');
    const alias = SPDX_ALIASES[key];
    if (alias)
        return alias;
    const known = KNOWN_BY_LOWER.get(key);
    if (known)
        return known;
    return text;
}

// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/catalog/npm/package-json.ts
/** Parsing of an installed package's `package.json`. */


/**
 * Returns the package a `package.json` declares, or null when it declares none (no name or no version: a partial
 * manifest such as `{"type": "module"}` inside a package). Throws an ImageError on text that is not JSON (or is
 * nested too deeply to walk safely) and an Error on JSON that is not an object.
 */
function parsePackageJson(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'package.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc))
        throw new Error('package.json is not a JSON object');
    const name = typeof doc.name === 'string' ? doc.name.trim() : '';
    const version = typeof doc.version === 'string' ? doc.version.trim() : '';
    if (!name || !version)
        return null;
    const info = { name, version, licenses: npmLicenses(doc.license, doc.licenses) };
    const author = personText(doc.author);
    if (author)
        info.author = author;
    if (typeof doc.homepage === 'string')
        info.homepage = doc.homepage;
    if (doc.private === true)
        info.private = true;
    return info;
}
/**
 * `license` as a string, `{type}`, or an array of either; the legacy `licenses` array of `{type}` objects. Arrays
 * are read one level deep (no manifest nests them), so a value of any shape is walked without recursion.
 */
function npmLicenses(license, licenses) {
    const out = [];
    const one = (v) => {
        if (typeof v === 'string')
            out.push(v.trim());
        else if (isRecord(v) && typeof v.type === 'string')
            out.push(v.type.trim());
    };
    const add = (v) => {
        if (Array.isArray(v))
            v.forEach(one);
        else
            one(v);
    };
    add(license);
    if (out.length === 0)
        add(licenses);
    return out.filter((l) => l !== '');
}
/** `"Name <email> (url)"` or `{name, email, url}` → `"Name <email> (url)"`. */
function personText(v) {
    if (typeof v === 'string')
        return v.trim() || undefined;
    if (!isRecord(v))
        return undefined;
    const parts = [];
    if (typeof v.name === 'string' && v.name)
        parts.push(v.name);
    if (typeof v.email === 'string' && v.email)
        parts.push(`<${v.email}>`);
    if (typeof v.url === 'string' && v.url)
        parts.push(`(${v.url})`);
    return parts.length ? parts.join(' ') : undefined;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/catalog/npm/lockfiles.ts
/** Parsers for npm's package-lock.json (v1/v2/v3), yarn.lock (v1 and berry) and pnpm-lock.yaml (v5 to v9). */




// ---------------------------------------------------------------------------------------------- package-lock.json
function parsePackageLock(text, options = {}) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'package-lock.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc))
        throw new Error('package-lock.json is not a JSON object');
    const out = new EntrySet();
    if (isRecord(doc.packages)) {
        // lockfileVersion 2 and 3: a flat map from install path to entry; "" is the root project.
        for (const [key, raw] of Object.entries(doc.packages)) {
            if (!isRecord(raw))
                continue;
            if (raw.dev === true && !options.includeDev)
                continue;
            if (raw.link === true)
                continue; // a workspace link; its target is listed under its own path
            const name = typeof raw.name === 'string' ? raw.name : key === '' ? '' : nameFromInstallPath(key);
            const version = typeof raw.version === 'string' ? raw.version : '';
            if (!name || !version)
                continue;
            const alias = parseAlias(version);
            out.add(alias?.name ?? name, alias?.version ?? version, npmLicenses(raw.license, raw.licenses));
        }
        return out.entries();
    }
    if (isRecord(doc.dependencies)) {
        // lockfileVersion 1: nested `dependencies`; the root project is not an entry.
        const walk = (deps) => {
            for (const [name, raw] of Object.entries(deps)) {
                if (!isRecord(raw))
                    continue;
                if (raw.dev === true && !options.includeDev)
                    continue;
                const version = typeof raw.version === 'string' ? raw.version : '';
                if (version) {
                    const alias = parseAlias(version);
                    out.add(alias?.name ?? name, alias?.version ?? version, []);
                }
                if (isRecord(raw.dependencies))
                    walk(raw.dependencies);
            }
        };
        walk(doc.dependencies);
        return out.entries();
    }
    return [];
}
/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromInstallPath(key) {
    const i = key.lastIndexOf('node_modules/');
    return i < 0 ? '' : key.slice(i + 'node_modules/'.length);
}
/** `npm:@scope/real@1.2.3` (an npm alias) → the real name and version. */
function parseAlias(version) {
    if (!version.startsWith('npm:'))
        return undefined;
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    if (at <= 0)
        return undefined;
    return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}
function parseYarnLock(text, options = {}) {
    const berry = /^__metadata:/m.test(text);
    const blocks = berry ? berryBlocks(text) : yarnV1Blocks(text);
    const keep = options.includeDev ? undefined : prodClosure(blocks, options.packageJson, berry);
    const out = new EntrySet();
    for (const b of blocks) {
        if (keep && !keep.has(b))
            continue;
        const name = (!berry && b.resolved && nameFromRegistryUrl(b.resolved)) || specName(b.specs[0] ?? '');
        if (name && b.version)
            out.add(name, b.version, []);
    }
    return out.entries();
}
function yarnV1Blocks(text) {
    const blocks = [];
    let current;
    let inDeps = false;
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const indent = line.length - line.trimStart().length;
        const body = line.trim();
        if (indent === 0) {
            if (!body.endsWith(':'))
                throw new Error(`yarn.lock: unexpected line "${body.slice(0, 60)}"`);
            current = { specs: splitSpecs(body.slice(0, -1)), version: '', dependencies: [] };
            blocks.push(current);
            inDeps = false;
            continue;
        }
        if (!current)
            throw new Error(`yarn.lock: field outside an entry: "${body.slice(0, 60)}"`);
        if (indent === 2) {
            inDeps = body === 'dependencies:' || body === 'optionalDependencies:';
            const [key, value] = splitField(body);
            if (key === 'version')
                current.version = value;
            else if (key === 'resolved')
                current.resolved = value;
        }
        else if (inDeps) {
            const [key, value] = splitField(body);
            current.dependencies.push(`${key}@${value}`);
        }
    }
    return blocks;
}
function berryBlocks(text) {
    // `json: true` lets a duplicated key (seen in real lockfiles) override instead of failing.
    const docs = (0,js_yaml/* loadAll */.gh)(text, null, { json: true });
    const doc = docs[0];
    if (!isRecord(doc))
        throw new Error('yarn.lock is not a YAML mapping');
    const blocks = [];
    for (const [key, raw] of Object.entries(doc)) {
        if (key === '__metadata' || !isRecord(raw))
            continue;
        const deps = isRecord(raw.dependencies) ? raw.dependencies : {};
        blocks.push({
            specs: splitSpecs(key),
            version: scalarText(raw.version) ?? '',
            dependencies: Object.entries(deps).flatMap(([n, r]) => {
                const range = scalarText(r);
                if (range === undefined)
                    return [];
                return [/^[a-z]+:/.test(range) ? `${n}@${range}` : `${n}@npm:${range}`];
            }),
        });
    }
    return blocks;
}
/** `"a@^1", a@~1.2` → [`a@^1`, `a@~1.2`]. */
function splitSpecs(header) {
    return header
        .split(',')
        .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
        .filter(Boolean);
}
function splitField(body) {
    const m = /^("[^"]*"|\S+?):?\s+(.*)$/.exec(body);
    if (!m)
        return [body.replace(/:$/, ''), ''];
    return [m[1].replace(/^"(.*)"$/, '$1'), m[2].trim().replace(/^"(.*)"$/, '$1')];
}
/** `@scope/name@^1.0` → `@scope/name`. */
function specName(spec) {
    const at = spec.indexOf('@', 1);
    return at < 0 ? spec : spec.slice(0, at);
}
/** `https://registry.yarnpkg.com/@scope/name/-/name-1.0.0.tgz#sha` → `@scope/name`. */
function nameFromRegistryUrl(url) {
    const i = url.indexOf('/-/');
    if (i < 0)
        return undefined;
    const segments = url.slice(0, i).split('/');
    const last = segments[segments.length - 1];
    const prev = segments[segments.length - 2];
    if (!last)
        return undefined;
    const scope = prev?.startsWith('@') ? decodeUriSegment(prev) : '';
    const name = decodeUriSegment(last);
    if (scope === undefined || name === undefined)
        return undefined;
    return scope ? `${scope}/${name}` : name;
}
/** decodeURIComponent, or undefined for a malformed escape (`%zz`): such a URL names no package. */
function decodeUriSegment(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return undefined;
    }
}
/**
 * The blocks reachable from the project's non-dev dependencies, when a package.json beside the lockfile declares
 * devDependencies; undefined (keep everything) otherwise.
 */
function prodClosure(blocks, packageJson, berry) {
    if (!packageJson)
        return undefined;
    let manifest;
    try {
        manifest = (0,json/* parseJson */.qF)(packageJson, { what: 'package.json', errorClass: errors/* ImageError */.C8 });
    }
    catch {
        return undefined;
    }
    if (!isRecord(manifest) || !isRecord(manifest.devDependencies))
        return undefined;
    const bySpec = new Map();
    for (const b of blocks)
        for (const s of b.specs)
            bySpec.set(s, b);
    const roots = [];
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
        const deps = manifest[field];
        if (!isRecord(deps))
            continue;
        for (const [n, r] of Object.entries(deps)) {
            const range = scalarText(r);
            if (range === undefined)
                continue;
            roots.push(berry && !/^[a-z]+:/.test(range) ? `${n}@npm:${range}` : `${n}@${range}`);
        }
    }
    const keep = new Set();
    // The workspace (root project) itself ships.
    for (const b of blocks)
        if (b.specs.some((s) => s.includes('@workspace:')))
            keep.add(b);
    const queue = [...roots];
    while (queue.length > 0) {
        const b = bySpec.get(queue.pop());
        if (!b || keep.has(b))
            continue;
        keep.add(b);
        queue.push(...b.dependencies);
    }
    return keep;
}
// ------------------------------------------------------------------------------------------------- pnpm-lock.yaml
function parsePnpmLock(text, options = {}) {
    const out = new EntrySet();
    let docs;
    try {
        docs = (0,js_yaml/* loadAll */.gh)(text);
    }
    catch (e) {
        throw new Error(`pnpm-lock.yaml is not valid YAML: ${e.message.split('\n')[0]}`, { cause: e });
    }
    let sawLockfile = false;
    for (const doc of docs) {
        if (!isRecord(doc))
            continue;
        if (doc.lockfileVersion === undefined)
            continue;
        sawLockfile = true;
        const major = Number.parseFloat(scalarText(doc.lockfileVersion) ?? '');
        // Direct dependencies of the project(s): v5 `dependencies: {name: version}`, v6 `{name: {version}}`, v9 importers.
        const importers = [doc];
        if (isRecord(doc.importers))
            for (const imp of Object.values(doc.importers))
                if (isRecord(imp))
                    importers.push(imp);
        for (const imp of importers) {
            // Dev dependencies are known from the `dev: true` flag of their `packages` entries (as syft reads them).
            for (const field of ['dependencies', 'optionalDependencies']) {
                const deps = imp[field];
                if (!isRecord(deps))
                    continue;
                for (const [name, raw] of Object.entries(deps)) {
                    const v = isRecord(raw) ? raw.version : raw;
                    if (typeof v !== 'string' && typeof v !== 'number')
                        continue;
                    const version = stripPeerSuffix(String(v), major);
                    if (version.startsWith('link:') || version.startsWith('file:'))
                        continue;
                    out.add(name, version, []);
                }
            }
        }
        if (isRecord(doc.packages)) {
            for (const [key, raw] of Object.entries(doc.packages)) {
                if (isRecord(raw) && raw.dev === true && !options.includeDev)
                    continue;
                const parsed = parsePnpmKey(key, major);
                if (!parsed)
                    continue;
                const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : parsed.name;
                const version = isRecord(raw) && typeof raw.version === 'string' ? raw.version : parsed.version;
                out.add(name, version, []);
            }
        }
    }
    if (!sawLockfile)
        throw new Error('pnpm-lock.yaml has no lockfileVersion');
    return out.entries();
}
/** v5 `/name/1.0.0_peer@1`, v6 `/name@1.0.0(peer@1)`, v9 `name@1.0.0(peer@1)` → name and version. */
function parsePnpmKey(key, major) {
    let k = key.startsWith('/') ? key.slice(1) : key;
    if (major < 6 && !/^(@[^/]+\/)?[^/@]+@/.test(k)) {
        const slash = k.lastIndexOf('/');
        if (slash <= 0)
            return undefined;
        return { name: k.slice(0, slash), version: stripPeerSuffix(k.slice(slash + 1), major) };
    }
    k = k.replace(/\(.*$/, '');
    const at = k.lastIndexOf('@');
    if (at <= 0)
        return undefined;
    return { name: k.slice(0, at), version: k.slice(at + 1) };
}
function stripPeerSuffix(version, major) {
    const v = version.replace(/\(.*$/, '');
    return major < 6 ? v.replace(/_.*$/, '') : v;
}
// -------------------------------------------------------------------------------------------------------- helpers
/** A string or number as text; undefined for any other value (never stringified: it may be nested arbitrarily). */
function scalarText(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
class EntrySet {
    #map = new Map();
    add(name, version, licenses) {
        const key = `${name}@${version}`;
        const existing = this.#map.get(key);
        if (existing) {
            if (existing.licenses.length === 0)
                existing.licenses = licenses;
            return;
        }
        this.#map.set(key, { name, version, licenses });
    }
    entries() {
        return [...this.#map.values()];
    }
}

;// CONCATENATED MODULE: ./src/catalog/npm/catalogers.ts





function npmPurl(name, version) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'npm', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'npm', name, version });
}
/**
 * Installed packages: `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json` at any
 * depth, so nested duplicates count. Other package.json files inside a package (`esm/package.json` markers,
 * test fixtures) are not packages, and the globs do not capture them; the root project is not under node_modules.
 */
const INSTALLED_GLOBS = ['**/node_modules/*/package.json', '**/node_modules/@*/*/package.json'];
function isInstalledManifest(path) {
    const parts = path.split('/');
    const n = parts.length;
    if (parts[n - 1] !== 'package.json')
        return false;
    if (parts[n - 3] === 'node_modules')
        return !parts[n - 2].startsWith('.') && !parts[n - 2].startsWith('@');
    return parts[n - 4] === 'node_modules' && parts[n - 3].startsWith('@');
}
const npmInstalledCataloger = {
    id: 'npm/installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'npm'],
    description: 'npm packages installed under node_modules (package.json of each package directory)',
    requests: [{ id: 'npm/installed', globs: INSTALLED_GLOBS }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of capturedMatching(ctx.view, isInstalledManifest)) {
            const text = ctx.view.readText(path);
            if (text === undefined) {
                const r = ctx.view.read(path);
                if (!r.ok)
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
                continue;
            }
            try {
                const info = parsePackageJson(text);
                if (!info)
                    continue;
                packages.push(languagePackage(ctx.view, {
                    type: 'npm',
                    name: info.name,
                    version: info.version,
                    purl: npmPurl(info.name, info.version),
                    path,
                    foundBy: this.id,
                    licenses: info.licenses,
                    metadata: {
                        ...(info.author ? { author: info.author } : {}),
                        ...(info.homepage ? { homepage: info.homepage } : {}),
                        ...(info.private ? { private: true } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid package.json: ${errorMessage(e)}`, 'npm'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
const LOCKFILE_GLOBS = ['**/package-lock.json', '**/yarn.lock', '**/pnpm-lock.yaml'];
/** The project manifest beside a yarn.lock, read to tell dev-only dependencies apart. */
const PROJECT_MANIFEST_GLOB = '**/package.json';
/**
 * Lockfiles count only where nothing is installed: a lockfile with a `node_modules` directory beside it is
 * covered by npm/installed, and lockfiles inside node_modules (shipped in a package's tarball) are not installs.
 */
function isCountedLockfile(view, path) {
    if (path.split('/').includes('node_modules'))
        return false;
    const dir = (0,paths/* dirname */.pD)(path);
    const nm = view.get(`${dir === '/' ? '' : dir}/node_modules`, { follow: true });
    return nm === undefined;
}
function parseLockfile(path, text, packageJson) {
    const name = (0,paths/* basename */.P8)(path);
    if (name === 'package-lock.json')
        return parsePackageLock(text);
    if (name === 'yarn.lock')
        return parseYarnLock(text, packageJson === undefined ? {} : { packageJson });
    return parsePnpmLock(text);
}
const npmLockfileCataloger = {
    id: 'npm/lockfile',
    version: 0,
    tags: ['image', 'directory', 'declared', 'language', 'npm'],
    description: 'npm, yarn and pnpm lockfiles of projects with no node_modules installed',
    requests: [
        { id: 'npm/lockfile', globs: LOCKFILE_GLOBS },
        // The project manifests beside a lockfile (no lower cap: the same files are npm/installed's, whose cap must win).
        { id: 'npm/lockfile-manifest', globs: [PROJECT_MANIFEST_GLOB] },
    ],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        const lockNames = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']);
        for (const path of capturedMatching(ctx.view, (p) => lockNames.has((0,paths/* basename */.P8)(p)))) {
            if (!isCountedLockfile(ctx.view, path))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
                continue;
            }
            const dir = (0,paths/* dirname */.pD)(path);
            const manifest = ctx.view.readText(`${dir === '/' ? '' : dir}/package.json`);
            try {
                for (const e of parseLockfile(path, r.data.toString('utf8'), manifest)) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'npm',
                        name: e.name,
                        version: e.version,
                        purl: npmPurl(e.name, e.version),
                        path,
                        foundBy: this.id,
                        licenses: e.licenses,
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid ${(0,paths/* basename */.P8)(path)}: ${errorMessage(e)}`, 'npm'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
/** Captured paths (sorted) that pass `test`. */
function capturedMatching(view, test) {
    return view.capturedPaths().filter(test);
}

;// CONCATENATED MODULE: ./src/catalog/python/metadata.ts
/** Parsing of installed Python distributions' metadata: METADATA / PKG-INFO, RECORD, installed-files.txt. */
/**
 * The core-metadata header block (RFC 822 style; continuation lines start with whitespace). Returns null when the
 * text declares no distribution (no Name header, as in an empty egg-info file).
 */
function parseCoreMetadata(text) {
    const headers = new Map();
    let last;
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break; // the body (long description) follows the first blank line
        if (/^[ \t]/.test(line)) {
            if (last) {
                const values = headers.get(last);
                values[values.length - 1] += `\n${line.trim()}`;
            }
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        last = line.slice(0, colon).trim().toLowerCase();
        const values = headers.get(last) ?? [];
        values.push(line.slice(colon + 1).trim());
        headers.set(last, values);
    }
    const one = (key) => headers.get(key)?.[0];
    const name = one('name');
    if (!name)
        return null;
    const meta = {
        name,
        version: one('version') ?? '',
        licenses: pythonLicenses(one('license-expression'), one('license'), headers.get('classifier') ?? []),
        requiresDist: headers.get('requires-dist') ?? [],
    };
    const author = one('author') ?? one('author-email');
    if (author)
        meta.author = author;
    const home = one('home-page');
    if (home)
        meta.homePage = home;
    const summary = one('summary');
    if (summary)
        meta.summary = summary;
    return meta;
}
/** License-Expression wins; then a short License field (not a pasted licence text); then License classifiers. */
function pythonLicenses(expression, license, classifiers) {
    if (expression)
        return [expression];
    if (license && license.toUpperCase() !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100)
        return [license];
    return classifiers
        .filter((c) => c.startsWith('License ::'))
        .map((c) => c.split('::').pop().trim())
        .filter((l) => l !== '' && l !== 'OSI Approved');
}
/** PEP 503 normalisation, as purls for pypi use: lower case, runs of `-_.` become one `-`. */
function normalizePythonName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** RECORD (CSV: path,hash,size) → the listed paths; malformed lines are skipped. */
function parseRecord(text) {
    const out = [];
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const path = line.startsWith('"') ? /^"((?:[^"]|"")*)"/.exec(line)?.[1]?.replace(/""/g, '"') : line.split(',')[0];
        if (path)
            out.push(path);
    }
    return out;
}
/** installed-files.txt: one path per line, relative to the egg-info directory. */
function parseInstalledFiles(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/** direct_url.json with VCS info → the purl `vcs_url` qualifier (`git+https://…@commit`). */
function vcsUrl(directUrlJson) {
    try {
        const doc = JSON.parse(directUrlJson);
        if (typeof doc.url !== 'string' || !doc.vcs_info || typeof doc.vcs_info.vcs !== 'string')
            return undefined;
        const commit = typeof doc.vcs_info.commit_id === 'string' ? `@${doc.vcs_info.commit_id}` : '';
        return `${doc.vcs_info.vcs}+${doc.url}${commit}`;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/catalog/python/cataloger.ts




/** The metadata file of an installed distribution (directory names are matched case-insensitively). */
function isPythonMetadataPath(path) {
    const base = (0,paths/* basename */.P8)(path);
    if (base === 'METADATA')
        return (0,paths/* dirname */.pD)(path).toLowerCase().endsWith('dist-info');
    if (base === 'PKG-INFO')
        return (0,paths/* dirname */.pD)(path).toLowerCase().endsWith('egg-info');
    return base.toLowerCase().endsWith('.egg-info');
}
const SIDECARS = new Set(['RECORD', 'installed-files.txt', 'direct_url.json']);
/** A file next to the metadata that the cataloger reads: the file list and the VCS origin. */
function isPythonSidecarPath(path) {
    if (!SIDECARS.has((0,paths/* basename */.P8)(path)))
        return false;
    const dir = (0,paths/* dirname */.pD)(path).toLowerCase();
    return dir.endsWith('dist-info') || dir.endsWith('egg-info');
}
const pythonInstalledCataloger = {
    id: 'python/installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'python'],
    description: 'installed Python distributions (dist-info and egg-info, system-wide and in virtualenvs)',
    requests: [
        {
            id: 'python/installed',
            filter: (path, entry) => entry.type === 'file' && (isPythonMetadataPath(path) || isPythonSidecarPath(path)),
            maxBytes: 16 * 1024 * 1024,
        },
    ],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        const view = ctx.view;
        for (const path of view.capturedPaths().filter(isPythonMetadataPath)) {
            const r = view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(view, this.id, path, r.reason, 'python'));
                continue;
            }
            if (r.data.length === 0)
                continue; // an empty egg-info file declares nothing
            try {
                const meta = parseCoreMetadata(r.data.toString('utf8'));
                if (!meta) {
                    unknowns.push(catalogUnknown(view, this.id, path, 'python metadata without a Name header', 'python'));
                    continue;
                }
                // The interpreter's own `Python-X.Y.egg-info` (lib-dynload) describes CPython itself, not a pypi package.
                if (meta.name === 'Python' && (0,paths/* basename */.P8)(path).startsWith('Python-') && (0,paths/* basename */.P8)(path).endsWith('.egg-info'))
                    continue;
                const isDir = (0,paths/* basename */.P8)(path) === 'METADATA' || (0,paths/* basename */.P8)(path) === 'PKG-INFO';
                const infoDir = isDir ? (0,paths/* dirname */.pD)(path) : undefined;
                const sitePackages = (0,paths/* dirname */.pD)(infoDir ?? path);
                const files = infoDir ? listFiles(view, infoDir, sitePackages, (file, reason) => unknowns.push(catalogUnknown(view, this.id, file, reason, 'python'))) : [];
                const directUrl = infoDir ? view.readText(`${infoDir}/direct_url.json`) : undefined;
                const vcs = directUrl ? vcsUrl(directUrl) : undefined;
                packages.push(languagePackage(view, {
                    type: 'python',
                    name: meta.name,
                    version: meta.version,
                    purl: (0,purl/* purl */.EV)({ type: 'pypi', name: normalizePythonName(meta.name), version: meta.version, qualifiers: { vcs_url: vcs } }),
                    path,
                    foundBy: this.id,
                    licenses: meta.licenses,
                    metadata: {
                        kind: infoDir?.toLowerCase().endsWith('dist-info') ? 'dist-info' : 'egg-info',
                        sitePackages,
                        ...(infoDir ? { metadataDir: infoDir } : {}),
                        ...(meta.author ? { author: meta.author } : {}),
                        ...(meta.homePage ? { homePage: meta.homePage } : {}),
                        ...(files.length ? { files } : {}),
                        ...(vcs ? { vcsUrl: vcs } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(view, this.id, path, `unreadable python metadata: ${errorMessage(e)}`, 'python'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};
/** RECORD paths are relative to site-packages; installed-files.txt paths to the egg-info directory. */
function listFiles(view, infoDir, sitePackages, unreadable) {
    const recordPath = `${infoDir}/RECORD`;
    const record = view.readText(recordPath);
    // A RECORD that exists but could not be read (over the cap): the package's files are not known (a catalog gap).
    if (record === undefined && view.get(recordPath, { follow: true })) {
        const r = view.read(recordPath);
        if (!r.ok)
            unreadable(recordPath, r.reason);
    }
    const installed = view.readText(`${infoDir}/installed-files.txt`);
    const out = [];
    if (record !== undefined)
        for (const p of parseRecord(record))
            out.push(absolute(sitePackages, p));
    else if (installed !== undefined)
        for (const p of parseInstalledFiles(installed))
            out.push(absolute(infoDir, p));
    return out.filter((p) => p !== '');
}
function absolute(base, rel) {
    return (0,paths/* normalizeEntryName */.Lw)(rel.startsWith('/') ? rel : `${base}/${rel}`) ?? '';
}

;// CONCATENATED MODULE: ./src/catalog/java/manifest.ts
/** META-INF/MANIFEST.MF: `Key: value` lines, 72-byte continuation lines starting with one space, sections. */
function parseManifest(text) {
    const sections = [];
    let current = {};
    let lastKey;
    const flush = () => {
        if (Object.keys(current).length > 0)
            sections.push(current);
        current = {};
        lastKey = undefined;
    };
    for (const line of text.split(/\r\n|\r|\n/)) {
        if (line.trim() === '') {
            flush();
            continue;
        }
        if (line.startsWith(' ')) {
            if (lastKey !== undefined)
                current[lastKey] += line.slice(1);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = line.slice(0, colon).trim();
        current[lastKey] = line.slice(colon + 1).trim();
    }
    flush();
    const [main = {}, ...rest] = sections;
    return { main, sections: rest };
}

;// CONCATENATED MODULE: ./src/catalog/java/pom.ts
/** pom.properties and the few pom.xml fields the Java cataloger needs. */
/** `key=value` or `key:value` lines (the first separator wins); `#` and `!` start comments. */
function parsePomProperties(text) {
    const props = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const eq = line.indexOf('=');
        const colon = line.indexOf(':');
        const sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
        if (sep <= 0)
            continue;
        props[line.slice(0, sep).trim()] = line.slice(sep + 1).trim();
    }
    const { groupId = '', artifactId = '', version = '', name, ...extra } = props;
    return { groupId, artifactId, version, ...(name !== undefined ? { name } : {}), extra };
}
/**
 * The `<name>` of each `<license>…</license>` block. Blocks are cut with indexOf, not one lazy regex across the
 * text: that regex backtracks over every later `<name>` for each unclosed `<license>` (seconds on 60 KB).
 */
function licenseNames(text) {
    const out = [];
    let from = 0;
    for (;;) {
        const open = text.indexOf('<license>', from);
        if (open < 0)
            break;
        const close = text.indexOf('</license>', open);
        if (close < 0)
            break;
        const m = /<name>([\s\S]*?)<\/name>/.exec(text.slice(open + '<license>'.length, close));
        if (m)
            out.push(xmlText(m[1]));
        from = close + '</license>'.length;
    }
    return out;
}
/** The project coordinates, parent, name and licence names of a pom.xml, without a full XML parser. */
function parsePomXml(text) {
    const noComments = text.replace(/<!--[\s\S]*?-->/g, '');
    const parentBlock = /<parent>([\s\S]*?)<\/parent>/.exec(noComments)?.[1];
    const licenses = licenseNames(noComments);
    // Keep only the project's own top-level fields: drop the blocks that hold other coordinates.
    const top = noComments.replace(/<(parent|dependencies|dependencyManagement|build|profiles|plugins|reporting|modules|licenses|developers|contributors|organization|scm|issueManagement|ciManagement|distributionManagement|mailingLists|repositories|pluginRepositories|properties)>[\s\S]*?<\/\1>/g, '');
    const field = (src, tag) => {
        const m = src === undefined ? null : new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(src);
        return m ? xmlText(m[1]) : '';
    };
    const parent = parentBlock
        ? { groupId: field(parentBlock, 'groupId'), artifactId: field(parentBlock, 'artifactId'), version: field(parentBlock, 'version') }
        : undefined;
    let version = field(top, 'version') || parent?.version || '';
    const groupId = field(top, 'groupId') || parent?.groupId || '';
    // Only the simplest property references are resolved; anything else is not a version.
    version = version.replace(/\$\{(project\.)?parent\.version\}/g, parent?.version ?? '').replace(/\$\{project\.version\}/g, '');
    if (version.includes('${'))
        version = '';
    const project = { groupId, artifactId: field(top, 'artifactId'), version, licenses };
    const name = field(top, 'name');
    if (name)
        project.name = name;
    if (parent)
        project.parent = parent;
    return project;
}
function xmlText(s) {
    return s
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&')
        .trim();
}

// EXTERNAL MODULE: ./src/common/zip.ts
var common_zip = __webpack_require__(64074);
;// CONCATENATED MODULE: ./src/catalog/java/archive.ts
/**
 * Java archives (jar, war, ear, and Jenkins hpi/jpi), including archives nested inside them: the packages they
 * declare through `pom.properties`, `META-INF/maven/<groupId>/<artifactId>/pom.xml` and `MANIFEST.MF`.
 */




const ARCHIVE_EXTENSIONS = ['.jar', '.war', '.ear', '.hpi', '.jpi', '.par', '.sar', '.nar', '.kar', '.rar', '.lpkg', '.far', '.zap'];
function isJavaArchiveName(path) {
    const lower = path.toLowerCase();
    return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
/** `api-all-2.0.0-sources` → name `api-all`, version `2.0.0-sources`: the version starts at the first `-<digit>`. */
function splitArchiveFilename(path) {
    const base = (0,paths/* basename */.P8)(path).replace(/\.[^.]+$/, '');
    const m = /^(.+?)-(\d[^/]*)$/.exec(base);
    return m ? { name: m[1], version: m[2] } : { name: base, version: '' };
}
function parseJavaArchive(data, path, options = {}) {
    const out = { artifacts: [], problems: [] };
    walk(data, path, path, 0, options, out);
    return out;
}
function walk(data, name, virtualPath, depth, options, out) {
    const maxDepth = options.maxDepth ?? 16;
    if (depth > maxDepth) {
        out.problems.push({ virtualPath, reason: `archive nested more than ${maxDepth} levels deep; not read` });
        return;
    }
    let zip;
    try {
        zip = new common_zip/* ZipReader */.z(data);
    }
    catch (e) {
        out.problems.push({ virtualPath, reason: `not a readable java archive: ${e.message}` });
        return;
    }
    const text = (entry) => zip.read(entry, 4 * 1024 * 1024).toString('utf8');
    let manifest;
    const mf = zip.find('META-INF/MANIFEST.MF');
    try {
        if (mf)
            manifest = parseManifest(text(mf));
    }
    catch (e) {
        out.problems.push({ virtualPath, reason: `unreadable MANIFEST.MF: ${e.message}` });
    }
    // An agent's instrumentation module (New Relic weaving) describes the library it instruments, not itself.
    if (manifest?.main['Weave-Classes'] !== undefined)
        return;
    const kind = /\.(hpi|jpi)$/i.test(name) ? 'jenkins-plugin' : 'java-archive';
    const candidates = [];
    const sorted = [...zip.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of sorted) {
        if (e.name !== 'pom.properties' && !e.name.endsWith('/pom.properties'))
            continue;
        try {
            const p = parsePomProperties(text(e));
            if (!p.groupId || !p.artifactId || !p.version)
                continue; // incomplete coordinates identify nothing
            const pomXml = zip.find(e.name.replace(/pom\.properties$/, 'pom.xml'));
            const xml = pomXml ? safe(() => parsePomXml(text(pomXml))) : undefined;
            candidates.push({
                groupId: p.groupId,
                artifactId: p.artifactId,
                version: p.version,
                licenses: xml?.licenses ?? [],
                source: 'pom.properties',
                ...((p.name ?? xml?.name) ? { name: p.name ?? xml?.name } : {}),
            });
        }
        catch (err) {
            out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: err.message });
        }
    }
    if (candidates.length === 0) {
        // No pom.properties: `META-INF/maven/<groupId>/<artifactId>/pom.xml` still names the artifact.
        for (const e of sorted) {
            const m = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.xml$/.exec(e.name);
            if (!m)
                continue;
            const xml = safe(() => parsePomXml(text(e)));
            const version = xml?.version || splitArchiveFilename(name).version || manifestVersion(manifest);
            if (!version)
                continue;
            candidates.push({
                groupId: xml?.groupId || m[1],
                artifactId: xml?.artifactId || m[2],
                version,
                licenses: xml?.licenses ?? [],
                source: 'pom.xml',
                ...(xml?.name ? { name: xml.name } : {}),
            });
        }
    }
    const file = splitArchiveFilename(name);
    const matches = (c) => file.name !== '' && (c.artifactId.startsWith(file.name) || file.name.endsWith(c.artifactId));
    const matching = candidates.filter(matches);
    let main = matching.find((c) => file.name.includes(c.groupId)) ?? matching[0];
    if (!main && candidates.length === 1)
        main = candidates[0];
    if (!main && candidates.length === 0)
        main = fromManifest(manifest, file, options);
    if (main)
        out.artifacts.push({ ...main, virtualPath, depth, kind });
    for (const c of candidates) {
        if (c === main)
            continue;
        out.artifacts.push({
            ...c,
            virtualPath: `${virtualPath}:${c.groupId}:${c.artifactId}`,
            depth,
            kind: 'java-archive',
            ...(main ? { parentArtifact: `${main.groupId}:${main.artifactId}` } : {}),
        });
    }
    for (const e of sorted) {
        if (e.name.endsWith('/') || !isJavaArchiveName(e.name))
            continue;
        let inner;
        try {
            inner = zip.read(e);
        }
        catch (err) {
            out.problems.push({ virtualPath: `${virtualPath}:${e.name}`, reason: err.message });
            continue;
        }
        walk(inner, e.name, `${virtualPath}:${e.name}`, depth + 1, options, out);
    }
}
function manifestVersion(m) {
    const f = m?.main ?? {};
    return f['Implementation-Version'] || f['Specification-Version'] || f['Plugin-Version'] || f['Bundle-Version'] || '';
}
/** The archive's identity from its manifest and file name, when it carries no Maven metadata. */
function fromManifest(manifest, file, options) {
    const f = manifest?.main ?? {};
    const symbolic = (f['Bundle-SymbolicName'] ?? '').split(';')[0].trim();
    const fromManifestName = f['Short-Name'] || f['Extension-Name'] || f['Implementation-Title'] || symbolic;
    const hasManifestIdentity = fromManifestName !== '' && manifestVersion(manifest) !== '';
    if (!hasManifestIdentity && !options.identifyByFilename)
        return undefined;
    const artifactId = (hasManifestIdentity ? file.name || fromManifestName : file.name).trim();
    const version = (file.version || manifestVersion(manifest)).trim();
    if (!artifactId || !version || /\s/.test(artifactId))
        return undefined;
    const groupId = f['Group-Id'] ||
        f['Implementation-Vendor-Id'] ||
        (symbolic.includes('.') && !/\s/.test(symbolic) ? groupFromDotted(symbolic) : '') ||
        (artifactId.includes('.') ? groupFromDotted(artifactId) : artifactId);
    const licenses = f['Bundle-License'] ? [f['Bundle-License']] : [];
    return { groupId, artifactId, version, licenses, source: hasManifestIdentity ? 'manifest' : 'filename' };
}
/** `org.eclipse.sisu.inject` → `org.eclipse.sisu`. */
function groupFromDotted(name) {
    return name.slice(0, name.lastIndexOf('.'));
}
function safe(fn) {
    try {
        return fn();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/catalog/java/cataloger.ts



function mavenPurl(a) {
    return (0,purl/* purl */.EV)({ type: 'maven', namespace: a.groupId, name: a.artifactId, version: a.version });
}
function artifactPackages(view, path, artifacts, foundBy) {
    return artifacts.map((a) => {
        const pkg = languagePackage(view, {
            type: 'java-archive',
            name: a.artifactId,
            version: a.version,
            purl: mavenPurl(a),
            path,
            foundBy,
            licenses: a.licenses,
            metadata: {
                kind: a.kind,
                groupId: a.groupId,
                artifactId: a.artifactId,
                virtualPath: a.virtualPath,
                source: a.source,
                ...(a.depth > 0 ? { nestingDepth: a.depth } : {}),
                ...(a.name ? { pomName: a.name } : {}),
                ...(a.parentArtifact ? { parentArtifact: a.parentArtifact } : {}),
            },
        });
        pkg.id = `java-archive:${a.groupId}:${a.artifactId}@${a.version}:${a.virtualPath}`;
        return pkg;
    });
}
function createJavaArchiveCataloger(options = {}) {
    return {
        id: 'java/archive',
        version: 0,
        tags: ['image', 'directory', 'installed', 'language', 'java'],
        description: 'Java archives (jar, war, ear, hpi/jpi) and the archives nested in them',
        requests: [{ id: 'java/archive', filter: (path, entry) => entry.type === 'file' && isJavaArchiveName(path) }],
        catalog(ctx) {
            const packages = [];
            const unknowns = [];
            for (const path of ctx.view.capturedPaths()) {
                if (!isJavaArchiveName(path))
                    continue;
                const r = ctx.view.read(path);
                if (!r.ok) {
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'java-archive'));
                    continue;
                }
                const { artifacts, problems } = parseJavaArchive(r.data, path, options);
                packages.push(...artifactPackages(ctx.view, path, artifacts, this.id));
                for (const p of problems)
                    unknowns.push({ ...catalogUnknown(ctx.view, this.id, path, p.reason, 'java-archive'), path: p.virtualPath });
            }
            return Promise.resolve({ packages, unknowns });
        },
    };
}
const javaArchiveCataloger = createJavaArchiveCataloger();

;// CONCATENATED MODULE: ./src/catalog/golang/exec-format.ts
/**
 * Just enough of ELF, PE and Mach-O to find sections and map virtual addresses to file offsets, for binaries held
 * in memory. Shared by the Go build-info and Rust cargo-auditable readers. Every header field is bounds-checked
 * before it is read: a truncated or corrupt table answers undefined (not an executable), never a RangeError.
 */
/** The format from the first bytes, or undefined for anything else (scripts, data). */
function sniffExecFormat(head) {
    if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46)
        return 'elf';
    if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a)
        return 'pe';
    if (head.length >= 4) {
        const m = head.readUInt32BE(0);
        if (m === 0xfeedface || m === 0xfeedfacf || m === 0xcefaedfe || m === 0xcffaedfe || m === 0xcafebabe)
            return 'macho';
    }
    return undefined;
}
function exec_format_readExecutable(d) {
    switch (sniffExecFormat(d)) {
        case 'elf':
            return readElf(d);
        case 'pe':
            return readPe(d);
        case 'macho':
            return readMachO(d);
        default:
            return undefined;
    }
}
/** File offset of `size` bytes at virtual address `addr`, or -1 when no section holds them. */
function exec_format_addrToOffset(exe, addr, size) {
    for (const s of exe.sections) {
        if (s.offset === 0 && s.size === 0)
            continue;
        if (addr >= s.addr && addr + size <= s.addr + s.size)
            return s.offset + (addr - s.addr);
    }
    return -1;
}
function exec_format_sectionData(d, exe, name) {
    const s = exe.sections.find((x) => x.name === name);
    if (!s || s.offset + s.size > d.length)
        return undefined;
    return d.subarray(s.offset, s.offset + s.size);
}
function readElf(d) {
    const is64 = d[4] === 2;
    // The ELF header is 52 bytes (32-bit) or 64 bytes (64-bit); a section header is at least 40 or 64 bytes.
    if (d.length < (is64 ? 64 : 52))
        return undefined;
    const le = d[5] === 1;
    const u16 = (o) => (le ? d.readUInt16LE(o) : d.readUInt16BE(o));
    const u32 = (o) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
    const uptr = (o) => (is64 ? Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o)) : u32(o));
    const shoff = uptr(is64 ? 0x28 : 0x20);
    const shentsize = u16(is64 ? 0x3a : 0x2e);
    const shnum = u16(is64 ? 0x3c : 0x30);
    const shstrndx = u16(is64 ? 0x3e : 0x32);
    if (shnum > 0 && shentsize < (is64 ? 64 : 40))
        return undefined;
    const raw = [];
    for (let i = 0; i < shnum; i++) {
        const o = shoff + i * shentsize;
        if (o + shentsize > d.length)
            return undefined;
        raw.push({
            nameOff: u32(o),
            type: u32(o + 4),
            addr: uptr(is64 ? o + 0x10 : o + 0x0c),
            offset: uptr(is64 ? o + 0x18 : o + 0x10),
            size: uptr(is64 ? o + 0x20 : o + 0x14),
        });
    }
    const strtab = raw[shstrndx];
    const name = (off) => {
        if (!strtab)
            return '';
        const start = strtab.offset + off;
        const end = d.indexOf(0, start);
        return d.toString('latin1', start, end < 0 ? start : end);
    };
    const SHT_NOBITS = 8;
    return {
        format: 'elf',
        littleEndian: le,
        ptrSize: is64 ? 8 : 4,
        sections: raw.map((s) => ({ name: name(s.nameOff), addr: s.addr, offset: s.offset, size: s.type === SHT_NOBITS ? 0 : s.size })),
    };
}
function readPe(d) {
    if (d.length < 0x40)
        return undefined;
    const pe = d.readUInt32LE(0x3c);
    // The COFF header (24 bytes with the signature) and the optional header's first 32 bytes (up to the image base).
    if (pe + 24 + 32 > d.length || d.readUInt32LE(pe) !== 0x00004550)
        return undefined;
    const nsections = d.readUInt16LE(pe + 6);
    const optSize = d.readUInt16LE(pe + 20);
    const opt = pe + 24;
    const magic = d.readUInt16LE(opt);
    const is64 = magic === 0x20b;
    const imageBase = is64 ? Number(d.readBigUInt64LE(opt + 24)) : d.readUInt32LE(opt + 28);
    const sections = [];
    let s = opt + optSize;
    for (let i = 0; i < nsections; i++, s += 40) {
        if (s + 40 > d.length)
            return undefined;
        const name = d.toString('latin1', s, s + 8).replace(/\0.*$/, '');
        const virtualSize = d.readUInt32LE(s + 8);
        const rva = d.readUInt32LE(s + 12);
        const rawSize = d.readUInt32LE(s + 16);
        const rawPtr = d.readUInt32LE(s + 20);
        sections.push({ name, addr: imageBase + rva, offset: rawPtr, size: Math.min(virtualSize || rawSize, rawSize) });
    }
    return { format: 'pe', littleEndian: true, ptrSize: is64 ? 8 : 4, sections };
}
/** A Java class file shares the universal magic; its "architecture count" (the class version) is 43 or more. */
const MAX_FAT_ARCHS = 42;
function readMachO(d, nested = false) {
    if (d.length < 4)
        return undefined;
    const m = d.readUInt32BE(0);
    if (m === 0xcafebabe) {
        // Universal binary: read the first architecture (fat_header, then fat_arch entries of 20 bytes).
        if (nested || d.length < 28)
            return undefined;
        const narch = d.readUInt32BE(4);
        if (narch === 0 || narch > MAX_FAT_ARCHS)
            return undefined;
        const off = d.readUInt32BE(16);
        // The slice must start after the header and its arch table and hold at least a Mach-O header.
        if (off < 8 + narch * 20 || off + 28 > d.length)
            return undefined;
        const inner = readMachO(d.subarray(off), true);
        return inner && { ...inner, sections: inner.sections.map((s) => ({ ...s, offset: s.offset + off })) };
    }
    const le = m === 0xcefaedfe || m === 0xcffaedfe;
    const is64 = m === 0xfeedfacf || m === 0xcffaedfe;
    if (!le && !is64 && m !== 0xfeedface)
        return undefined;
    if (d.length < (is64 ? 32 : 28))
        return undefined;
    const u32 = (o) => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
    const u64 = (o) => Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o));
    const ncmds = u32(16);
    let p = is64 ? 32 : 28;
    const sections = [];
    for (let i = 0; i < ncmds; i++) {
        if (p + 8 > d.length)
            return undefined;
        const cmd = u32(p);
        const size = u32(p + 4);
        if (cmd === 0x19 || cmd === 0x1) {
            if (p + (is64 ? 72 : 56) > d.length)
                return undefined;
            const nsects = u32(p + (is64 ? 64 : 48));
            let s = p + (is64 ? 72 : 56);
            for (let j = 0; j < nsects; j++, s += is64 ? 80 : 68) {
                if (s + (is64 ? 80 : 68) > d.length)
                    return undefined;
                const sect = d.toString('latin1', s, s + 16).replace(/\0.*$/, '');
                const seg = d.toString('latin1', s + 16, s + 32).replace(/\0.*$/, '');
                sections.push({
                    name: `${seg},${sect}`,
                    addr: is64 ? u64(s + 32) : u32(s + 32),
                    size: is64 ? u64(s + 40) : u32(s + 36),
                    offset: is64 ? u32(s + 48) : u32(s + 40),
                });
            }
        }
        if (size <= 0)
            return undefined;
        p += size;
    }
    return { format: 'macho', littleEndian: le, ptrSize: is64 ? 8 : 4, sections };
}

;// CONCATENATED MODULE: ./src/catalog/golang/buildinfo.ts

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** The 16-byte markers cmd/go wraps the module information string in. */
const MODINFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MODINFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
/** The text form written by cmd/go (`path`, `mod`, `dep`, `=>`, `build` lines, tab-separated). */
function parseModinfo(text, goVersion = '') {
    const info = { goVersion, path: '', deps: [], settings: {} };
    let last;
    for (const line of stripSentinels(text).split('\n')) {
        const f = line.split('\t');
        const mod = () => ({ path: f[1] ?? '', version: f[2] ?? '', ...(f[3] ? { sum: f[3] } : {}) });
        switch (f[0]) {
            case 'go':
                info.goVersion ||= f[1] ?? '';
                break;
            case 'path':
                info.path = f[1] ?? '';
                break;
            case 'mod':
                info.main = last = mod();
                break;
            case 'dep':
                last = mod();
                info.deps.push(last);
                break;
            case '=>':
                if (last)
                    last.replace = mod();
                break;
            case 'build': {
                const kv = f.slice(1).join('\t');
                const eq = kv.indexOf('=');
                if (eq > 0)
                    info.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
                break;
            }
            default:
                break;
        }
    }
    return info;
}
function stripSentinels(text) {
    const b = Buffer.from(text, 'latin1');
    if (b.length >= 33 && b.subarray(0, 16).equals(MODINFO_START) && b[b.length - 17] === 0x0a) {
        return b.subarray(16, b.length - 16).toString('utf8');
    }
    return Buffer.from(text, 'latin1').toString('utf8');
}
/** Reads the inline (Go ≥ 1.18) form from a buffer that starts at the magic; undefined when it is incomplete. */
function parseInlineBuildInfo(win) {
    if (win.length < 32 || !win.subarray(0, 14).equals(BUILDINFO_MAGIC) || (win[15] & 2) === 0)
        return undefined;
    let p = 32;
    const str = () => {
        const v = uvarint(win, p);
        if (!v)
            return undefined;
        const [len, n] = v;
        if (p + n + len > win.length)
            return undefined;
        const s = win.toString('latin1', p + n, p + n + len);
        p += n + len;
        return s;
    };
    const goVersion = str();
    const modinfo = goVersion === undefined ? undefined : str();
    return goVersion === undefined || modinfo === undefined ? undefined : { goVersion, modinfo };
}
/** Bytes needed from the magic on to hold the whole inline form, once the header and lengths are known. */
function inlineNeeded(win) {
    if (win.length < 33)
        return undefined;
    const a = uvarint(win, 32);
    if (!a)
        return undefined;
    const bAt = 32 + a[1] + a[0];
    const b = uvarint(win, bAt);
    return b ? bAt + b[1] + b[0] : undefined;
}
function uvarint(b, at) {
    let x = 0;
    let shift = 0;
    for (let i = 0; i < 10 && at + i < b.length; i++) {
        const byte = b[at + i];
        x += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80)
            return [x, i + 1];
        shift += 7;
    }
    return undefined;
}
/**
 * Build info from a whole binary in memory: both the inline form and the older pointer form (whose pointers are
 * virtual addresses, mapped through the ELF, PE or Mach-O section table). Undefined when it is not a Go binary.
 */
function parseGoBinary(d) {
    const at = findMagic(d);
    if (at < 0)
        return undefined;
    const win = d.subarray(at);
    const inline = parseInlineBuildInfo(win);
    if (inline)
        return parseModinfo(inline.modinfo, inline.goVersion);
    if (win.length < 32 || (win[15] & 2) !== 0)
        throw new Error('truncated Go build info');
    const exe = readExecutable(d);
    if (!exe)
        throw new Error('Go build info in a file that is not ELF, PE or Mach-O');
    const ptrSize = win[14];
    if (ptrSize !== 4 && ptrSize !== 8)
        throw new Error(`Go build info with pointer size ${ptrSize}`);
    const bigEndian = (win[15] & 1) === 1;
    const readPtr = (o) => {
        if (o < 0 || o + ptrSize > d.length)
            throw new Error(`Go build info pointer at offset ${o} is past the end of the file`);
        return ptrSize === 8 ? Number(bigEndian ? d.readBigUInt64BE(o) : d.readBigUInt64LE(o)) : bigEndian ? d.readUInt32BE(o) : d.readUInt32LE(o);
    };
    const readGoString = (addr) => {
        const hdr = addrToOffset(exe, addr, 2 * ptrSize);
        if (hdr < 0)
            return '';
        const dataAddr = readPtr(hdr);
        const len = readPtr(hdr + ptrSize);
        if (len <= 0 || len > 16 * 1024 * 1024)
            return '';
        const off = addrToOffset(exe, dataAddr, len);
        return off < 0 ? '' : d.toString('latin1', off, off + len);
    };
    const goVersion = readGoString(readPtr(at + 16));
    const modinfo = readGoString(readPtr(at + 16 + ptrSize));
    return parseModinfo(modinfo, goVersion);
}
/** Go aligns the header to 16 bytes inside its section; any occurrence is accepted here. */
function findMagic(d) {
    return d.indexOf(BUILDINFO_MAGIC);
}
const MAX_WINDOW = 16 * 1024 * 1024;
/**
 * Finds the build info while the file streams, keeping only small windows: the header's first bytes (to skip
 * non-binaries at once), the bytes from the magic on (the inline form), and the module information between its
 * markers (which is how the older pointer form is read without random access; its Go version is then unknown).
 */
class GoBuildInfoSink {
    #head = Buffer.alloc(0);
    #format;
    #done = false;
    #carry = Buffer.alloc(0);
    #window;
    #windowDone = false;
    #modinfo;
    #modinfoDone = false;
    #overflow = false;
    write(chunk) {
        if (this.#done)
            return;
        if (this.#format === undefined) {
            this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
            if (this.#head.length < 8)
                return; // the first bytes of a binary hold no build info
            this.#format = sniffExecFormat(this.#head);
            if (!this.#format) {
                this.#done = true; // not a binary: stop looking at once
                return;
            }
        }
        if (this.#window && !this.#windowDone)
            this.#extendWindow(chunk);
        if (this.#modinfo && !this.#modinfoDone)
            this.#extendModinfo(chunk);
        if (!this.#window) {
            const found = findAcross(this.#carry, chunk, BUILDINFO_MAGIC);
            if (found)
                this.#extendWindow(found);
        }
        if (!this.#modinfo) {
            const found = findAcross(this.#carry, chunk, MODINFO_START);
            if (found)
                this.#extendModinfo(found);
        }
        // The last bytes, so that a marker split across two chunks is still found (markers are 16 bytes at most).
        this.#carry = chunk.length >= 15 ? Buffer.from(chunk.subarray(chunk.length - 15)) : Buffer.concat([this.#carry, chunk]).subarray(-15);
        // The inline form is self-contained: once it is complete, the rest of the file is not needed.
        if (this.#windowDone && this.#window && this.#window.length > 15 && (this.#window[15] & 2) !== 0)
            this.#done = true;
    }
    #extendWindow(b) {
        const win = this.#window ? Buffer.concat([this.#window, b]) : Buffer.from(b);
        if (win.length >= 16 && (win[15] & 2) === 0) {
            // The pointer form: keep the 32-byte header; the module text comes from its markers.
            this.#window = win.subarray(0, 32);
            this.#windowDone = win.length >= 32;
            return;
        }
        const needed = inlineNeeded(win);
        if (needed !== undefined && win.length >= needed) {
            this.#window = win.subarray(0, needed);
            this.#windowDone = true;
        }
        else if (win.length > MAX_WINDOW) {
            this.#window = win.subarray(0, 32);
            this.#overflow = true;
            this.#windowDone = true;
        }
        else
            this.#window = win;
    }
    #extendModinfo(b) {
        const all = this.#modinfo ? Buffer.concat([this.#modinfo, b]) : Buffer.from(b);
        const end = all.indexOf(MODINFO_END, Math.max(16, (this.#modinfo?.length ?? 0) - 16));
        if (end >= 0) {
            this.#modinfo = all.subarray(0, end + 16);
            this.#modinfoDone = true;
        }
        else if (all.length > MAX_WINDOW) {
            this.#modinfo = Buffer.alloc(0);
            this.#modinfoDone = true;
        }
        else
            this.#modinfo = all;
    }
    end() {
        if (!this.#format)
            return {};
        const result = { format: this.#format };
        const win = this.#window;
        if (!win)
            return result;
        const inline = parseInlineBuildInfo(win);
        if (inline)
            result.info = parseModinfo(inline.modinfo, inline.goVersion);
        else if (this.#overflow)
            result.error = `Go build info larger than ${MAX_WINDOW} bytes`;
        else if (win.length >= 32 && (win[15] & 2) === 0) {
            const text = this.#modinfo && this.#modinfoDone ? this.#modinfo.toString('latin1') : '';
            result.info = parseModinfo(text);
        }
        else
            result.error = 'truncated Go build info';
        return result;
    }
}
/**
 * Finds `needle` in `carry` + `chunk` without copying the chunk (this runs over every byte of every executable):
 * only a marker straddling the boundary costs a small join.
 */
function findAcross(carry, chunk, needle) {
    if (carry.length) {
        const joint = Buffer.concat([carry, chunk.subarray(0, needle.length - 1)]);
        const at = joint.indexOf(needle);
        if (at >= 0)
            return Buffer.concat([carry.subarray(at), chunk]);
    }
    const at = chunk.indexOf(needle);
    return at >= 0 ? chunk.subarray(at) : undefined;
}

;// CONCATENATED MODULE: ./src/catalog/golang/cataloger.ts



const golang_cataloger_ID = 'golang/binary';
/** Regular files that are executable (or Windows executables), and large enough to be a linked binary. */
function isCandidateExecutable(path, entry) {
    if (entry.type !== 'file' || entry.size < 1024)
        return false;
    if ((entry.mode & 0o111) !== 0)
        return true;
    const lower = path.toLowerCase();
    return lower.endsWith('.exe') || lower.endsWith('.dll') || lower.endsWith('.so');
}
function goPurl(path, version) {
    const slash = path.lastIndexOf('/');
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'golang', namespace: path.slice(0, slash), name: path.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'golang', name: path, version });
}
/** One package per module: the main module, each dependency (as replaced), and the Go standard library. */
function goPackages(view, path, info, foundBy = golang_cataloger_ID) {
    const common = {
        goVersion: info.goVersion,
        mainModule: info.main?.path ?? info.path,
        ...(info.settings.GOARCH ? { goArch: info.settings.GOARCH } : {}),
        ...(info.settings.GOOS ? { goOS: info.settings.GOOS } : {}),
    };
    const out = [];
    const add = (m, kind) => {
        // A replacement is what was compiled in; one by a local directory (`=> ../x`) keeps the module's own path.
        const local = m.replace !== undefined && isLocalPath(m.replace.path);
        const effective = m.replace ? { path: local ? m.path : m.replace.path, version: m.replace.version, sum: m.replace.sum } : m;
        const name = effective.path;
        out.push(languagePackage(view, {
            type: 'go-module',
            name,
            version: effective.version,
            purl: goPurl(name, effective.version),
            path,
            foundBy,
            metadata: {
                ...common,
                kind,
                ...(effective.sum ? { h1Digest: effective.sum } : {}),
                ...(m.replace ? { replaces: `${m.path}@${m.version}` } : {}),
                ...(kind === 'main' ? { buildSettings: info.settings } : {}),
            },
        }));
    };
    if (info.main?.path)
        add(info.main, 'main');
    for (const d of info.deps)
        add(d, 'dependency');
    if (info.goVersion) {
        out.push(languagePackage(view, {
            type: 'go-module',
            name: 'stdlib',
            version: info.goVersion,
            purl: (0,purl/* purl */.EV)({ type: 'golang', name: 'stdlib', version: info.goVersion }),
            path,
            foundBy,
            metadata: { ...common, kind: 'stdlib' },
        }));
    }
    return out;
}
function isLocalPath(p) {
    return p.startsWith('./') || p.startsWith('../') || p.startsWith('/');
}
const GO_BINARY_REQUEST = { id: golang_cataloger_ID, filter: isCandidateExecutable, sink: () => new GoBuildInfoSink() };
const goBinaryCataloger = {
    id: golang_cataloger_ID,
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'go'],
    description: 'Go modules compiled into binaries (embedded build info; ELF, PE and Mach-O)',
    requests: [GO_BINARY_REQUEST],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            const r = ctx.view.sinkResult(golang_cataloger_ID, path);
            if (!r)
                continue;
            if (r.error)
                unknowns.push(catalogUnknown(ctx.view, golang_cataloger_ID, path, r.error, 'go-module'));
            if (r.info)
                packages.push(...goPackages(ctx.view, path, r.info));
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/ruby/gemspec.ts


/** Reads the `s.field = value` assignments of a gemspec; returns null when it names no gem. */
function parseGemspec(text) {
    const fields = new Map();
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*\w+\.(\w+)\s*=\s*(.+)$/.exec(line);
        if (!m)
            continue;
        const value = m[2].replace(/\s+if\s+\w+\.respond_to\?.*$/, '');
        fields.set(m[1], stringLiterals(value));
    }
    const name = fields.get('name')?.[0];
    if (!name)
        return null;
    const version = fields.get('version')?.[0] ?? '';
    const interpolate = (s) => s.replace(/#\{\s*\w+\.(\w+)\s*\}/g, (_, f) => (f === 'name' ? name : f === 'version' ? version : '')).replace(/#\{[^}]*\}/g, '');
    const spec = {
        name,
        version,
        licenses: [...(fields.get('licenses') ?? []), ...(fields.get('license') ?? [])].map(interpolate),
        authors: (fields.get('authors') ?? fields.get('author') ?? []).map(interpolate),
        files: (fields.get('files') ?? []).map(interpolate),
    };
    const homepage = fields.get('homepage')?.[0];
    if (homepage)
        spec.homepage = interpolate(homepage);
    return spec;
}
/** Every double- or single-quoted string literal in a Ruby expression, unescaped. */
function stringLiterals(expr) {
    const out = [];
    const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
    for (let m = re.exec(expr); m; m = re.exec(expr)) {
        if (m[1] !== undefined)
            out.push(unescapeDouble(m[1]));
        else
            out.push(m[2].replace(/\\(['\\])/g, '$1'));
    }
    return out;
}
function unescapeDouble(s) {
    return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, esc) => {
        if (esc.startsWith('u{'))
            return String.fromCodePoint(Number.parseInt(esc.slice(2, -1), 16));
        if (esc.length === 5 && esc[0] === 'u')
            return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
        return { n: '\n', t: '\t', '"': '"', '\\': '\\', '#': '#' }[esc] ?? esc;
    });
}
const GEMSPEC_GLOBS = ['**/specifications/**/*.gemspec'];
const rubyGemspecCataloger = {
    id: 'ruby/gemspec',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'ruby'],
    description: 'installed Ruby gems (specifications/*.gemspec)',
    requests: [{ id: 'ruby/gemspec', globs: GEMSPEC_GLOBS, maxBytes: 4 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if (!path.endsWith('.gemspec') || !path.split('/').includes('specifications'))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'gem'));
                continue;
            }
            try {
                const spec = parseGemspec(r.data.toString('utf8'));
                if (!spec) {
                    unknowns.push(catalogUnknown(ctx.view, this.id, path, 'gemspec without a name', 'gem'));
                    continue;
                }
                packages.push(languagePackage(ctx.view, {
                    type: 'gem',
                    name: spec.name,
                    version: spec.version,
                    purl: (0,purl/* purl */.EV)({ type: 'gem', name: spec.name, version: spec.version }),
                    path,
                    foundBy: this.id,
                    licenses: spec.licenses,
                    metadata: {
                        ...(spec.authors.length ? { authors: spec.authors } : {}),
                        ...(spec.homepage ? { homepage: spec.homepage } : {}),
                        ...(spec.files.length ? { files: spec.files } : {}),
                    },
                }));
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `unreadable gemspec: ${errorMessage(e)}`, 'gem'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/php/composer-installed.ts






/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely); returns null for JSON that
 * is not a Composer installed.json. Only strings count as names (of packages, dev packages and authors).
 */
function parseComposerInstalled(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'installed.json', errorClass: errors/* ImageError */.C8 });
    const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.packages) ? doc.packages : null;
    if (!list)
        return null;
    const devNames = new Set(isRecord(doc) && Array.isArray(doc['dev-package-names']) ? doc['dev-package-names'].filter((n) => typeof n === 'string') : []);
    const out = [];
    for (const raw of list) {
        if (!isRecord(raw) || typeof raw.name !== 'string' || typeof raw.version !== 'string')
            continue;
        const p = {
            name: raw.name,
            version: raw.version,
            licenses: npmLicenses(raw.license),
            authors: Array.isArray(raw.authors) ? raw.authors.filter(isRecord).flatMap((a) => (typeof a.name === 'string' && a.name ? [a.name] : [])) : [],
            dev: devNames.has(raw.name),
        };
        if (typeof raw.homepage === 'string')
            p.homepage = raw.homepage;
        out.push(p);
    }
    return out;
}
/** `vendor/name` → namespace `vendor`, name `name` (the purl spec's composer type). */
function composerPurl(name, version) {
    const slash = name.indexOf('/');
    return slash > 0
        ? (0,purl/* purl */.EV)({ type: 'composer', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
        : (0,purl/* purl */.EV)({ type: 'composer', name, version });
}
const phpComposerInstalledCataloger = {
    id: 'php/composer-installed',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'php'],
    description: 'PHP packages installed by Composer (installed.json v1 and v2)',
    requests: [{ id: 'php/composer-installed', globs: ['**/installed.json'], maxBytes: 32 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if ((0,paths/* basename */.P8)(path) !== 'installed.json')
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'php-composer'));
                continue;
            }
            try {
                const list = parseComposerInstalled(r.data.toString('utf8'));
                for (const p of list ?? []) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'php-composer',
                        name: p.name,
                        version: p.version,
                        purl: composerPurl(p.name, p.version),
                        path,
                        foundBy: this.id,
                        licenses: p.licenses,
                        metadata: {
                            ...(p.authors.length ? { authors: p.authors } : {}),
                            ...(p.homepage ? { homepage: p.homepage } : {}),
                            ...(p.dev ? { dev: true } : {}),
                        },
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid installed.json: ${errorMessage(e)}`, 'php-composer'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/catalog/rust/auditable.ts
/**
 * Rust binaries built with cargo-auditable: the `.dep-v0` section holds zlib-compressed JSON listing every crate
 * compiled in (`{"packages":[{"name","version","source","kind","dependencies","root"}]}`).
 */


const SECTION_NAMES = (/* unused pure expression or super */ null && (['.dep-v0', '__DATA,.dep-v0']));
const MAX_COMPRESSED = 8 * 1024 * 1024;
const MAX_JSON = 64 * 1024 * 1024;
function parseAuditableJson(json) {
    const doc = JSON.parse(json);
    if (!doc || !Array.isArray(doc.packages))
        throw new Error('cargo-auditable data without a "packages" array');
    return doc.packages
        .filter((p) => typeof p === 'object' && p !== null)
        .filter((p) => typeof p.name === 'string' && typeof p.version === 'string')
        .map((p) => ({
        name: p.name,
        version: p.version,
        source: typeof p.source === 'string' ? p.source : 'crates.io',
        kind: typeof p.kind === 'string' ? p.kind : 'runtime',
        root: p.root === true,
        dependencies: Array.isArray(p.dependencies) ? p.dependencies.filter((d) => typeof d === 'number') : [],
    }));
}
function inflateAuditable(compressed) {
    return (0,external_node_zlib_.inflateSync)(compressed, { maxOutputLength: MAX_JSON }).toString('utf8');
}
/** From a whole binary: the named section, inflated. Undefined when the binary has no such section. */
function parseAuditableBinary(d) {
    const exe = readExecutable(d);
    if (!exe)
        return undefined;
    for (const name of SECTION_NAMES) {
        const data = sectionData(d, exe, name);
        if (data)
            return parseAuditableJson(inflateAuditable(data));
    }
    return undefined;
}
const PROBE = 64;
const JSON_START = Buffer.from('{"packages":');
/**
 * Finds the compressed dependency list while the file streams. ELF section headers sit at the end of the file,
 * so the section cannot be located before its bytes pass; instead every zlib stream header (0x78 and a valid
 * flag byte) is probed by inflating its first bytes, and the one that starts `{"packages":` is kept.
 */
class AuditableSink {
    #head = Buffer.alloc(0);
    #format;
    #done = false;
    #carry = Buffer.alloc(0);
    #captured;
    #capturedLength = 0;
    write(chunk) {
        if (this.#done)
            return;
        if (this.#format === undefined) {
            this.#head = Buffer.concat([this.#head, chunk.subarray(0, 8)]);
            if (this.#head.length < 8)
                return;
            this.#format = sniffExecFormat(this.#head);
            if (!this.#format) {
                this.#done = true;
                return;
            }
        }
        if (this.#captured) {
            this.#capture(chunk);
            return;
        }
        const buf = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
        const limit = buf.length - PROBE;
        let i = buf.indexOf(0x78);
        while (i >= 0 && i < limit) {
            const flg = buf[i + 1];
            if ((flg === 0xda || flg === 0x9c || flg === 0x01 || flg === 0x5e) && plausibleDeflate(buf[i + 2]) && probe(buf.subarray(i, i + PROBE))) {
                this.#captured = [];
                this.#capture(buf.subarray(i));
                return;
            }
            i = buf.indexOf(0x78, i + 1);
        }
        this.#carry = Buffer.from(buf.subarray(Math.max(0, limit)));
    }
    #capture(b) {
        const room = MAX_COMPRESSED - this.#capturedLength;
        const part = b.subarray(0, room);
        this.#captured.push(Buffer.from(part));
        this.#capturedLength += part.length;
        if (this.#capturedLength >= MAX_COMPRESSED)
            this.#done = true;
    }
    end() {
        if (!this.#format)
            return {};
        const result = { format: this.#format };
        if (!this.#captured) {
            // The last bytes were never a full probe window: look at them now.
            const tail = this.#carry;
            for (let i = tail.indexOf(0x78); i >= 0 && !this.#captured; i = tail.indexOf(0x78, i + 1)) {
                if (probe(tail.subarray(i)))
                    this.#captured = [tail.subarray(i)];
            }
            if (!this.#captured)
                return result;
        }
        try {
            result.crates = parseAuditableJson(inflateAuditable(Buffer.concat(this.#captured)));
        }
        catch (e) {
            result.error = `unreadable cargo-auditable data: ${e.message}`;
        }
        return result;
    }
}
/**
 * A cheap test of the first deflate block header before paying for an inflate: BTYPE 11 is invalid, and the JSON
 * document, hundreds of bytes of text, is never written as a stored block (BTYPE 00).
 */
function plausibleDeflate(firstByte) {
    const btype = (firstByte >> 1) & 3;
    return btype === 1 || btype === 2;
}
function probe(bytes) {
    // Almost every probe lands on bytes that only look like a zlib header, and zlib throws for them; a thrown
    // error's stack trace costs far more than the inflate, so none is captured here.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        const out = (0,external_node_zlib_.inflateSync)(bytes, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: 4096 });
        return out.length >= JSON_START.length && out.subarray(0, JSON_START.length).equals(JSON_START);
    }
    catch {
        return false;
    }
    finally {
        Error.stackTraceLimit = limit;
    }
}

;// CONCATENATED MODULE: ./src/catalog/rust/cataloger.ts




const rust_cataloger_ID = 'rust/cargo-auditable';
function cratePackages(view, path, crates) {
    return crates.map((c) => languagePackage(view, {
        type: 'rust-crate',
        name: c.name,
        version: c.version,
        purl: (0,purl/* purl */.EV)({ type: 'cargo', name: c.name, version: c.version }),
        path,
        foundBy: rust_cataloger_ID,
        metadata: {
            source: c.source,
            kind: c.kind,
            ...(c.root ? { root: true } : {}),
            ...(c.dependencies.length ? { dependsOn: c.dependencies.map((i) => crates[i] && `${crates[i].name}@${crates[i].version}`).filter(Boolean) } : {}),
        },
    }));
}
const rustAuditableCataloger = {
    id: rust_cataloger_ID,
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'rust'],
    description: 'Rust crates compiled into binaries built with cargo-auditable (.dep-v0)',
    requests: [{ id: rust_cataloger_ID, filter: isCandidateExecutable, sink: () => new AuditableSink() }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            const r = ctx.view.sinkResult(rust_cataloger_ID, path);
            if (!r)
                continue;
            if (r.error)
                unknowns.push(catalogUnknown(ctx.view, rust_cataloger_ID, path, r.error, 'rust-crate'));
            if (r.crates)
                packages.push(...cratePackages(ctx.view, path, r.crates));
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/dotnet/deps-json.ts





/** Library types that are not packages: reference assemblies are facades of the framework, not shipped code. */
const NOT_PACKAGES = new Set(['referenceassembly', 'reference']);
/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely) and an Error on JSON
 * without a `libraries` object. A dependency whose version is not a string is skipped.
 */
function parseDepsJson(text) {
    const doc = (0,json/* parseJson */.qF)(text, { what: 'deps.json', errorClass: errors/* ImageError */.C8 });
    if (!isRecord(doc) || !isRecord(doc.libraries))
        throw new Error('not a deps.json: no "libraries" object');
    const deps = new Map();
    if (isRecord(doc.targets)) {
        for (const target of Object.values(doc.targets)) {
            if (!isRecord(target))
                continue;
            for (const [key, entry] of Object.entries(target)) {
                if (!isRecord(entry) || !isRecord(entry.dependencies))
                    continue;
                const set = deps.get(key) ?? new Set();
                for (const [n, v] of Object.entries(entry.dependencies))
                    if (typeof v === 'string')
                        set.add(`${n}/${v}`);
                deps.set(key, set);
            }
        }
    }
    const out = [];
    for (const [key, raw] of Object.entries(doc.libraries)) {
        if (!isRecord(raw))
            continue;
        const kind = typeof raw.type === 'string' ? raw.type : '';
        if (NOT_PACKAGES.has(kind.toLowerCase()))
            continue;
        const slash = key.lastIndexOf('/');
        if (slash <= 0)
            continue;
        const lib = { name: key.slice(0, slash), version: key.slice(slash + 1), kind, dependsOn: [...(deps.get(key) ?? [])] };
        if (typeof raw.sha512 === 'string' && raw.sha512)
            lib.sha512 = raw.sha512;
        if (typeof raw.path === 'string')
            lib.path = raw.path;
        out.push(lib);
    }
    return out;
}
const dotnetDepsJsonCataloger = {
    id: 'dotnet/deps-json',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'dotnet'],
    description: '.NET application dependencies (*.deps.json)',
    requests: [{ id: 'dotnet/deps-json', globs: ['**/*.deps.json'], maxBytes: 32 * 1024 * 1024 }],
    catalog(ctx) {
        const packages = [];
        const unknowns = [];
        for (const path of ctx.view.capturedPaths()) {
            if (!path.endsWith('.deps.json'))
                continue;
            const r = ctx.view.read(path);
            if (!r.ok) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'dotnet'));
                continue;
            }
            try {
                for (const lib of parseDepsJson(r.data.toString('utf8'))) {
                    packages.push(languagePackage(ctx.view, {
                        type: 'dotnet',
                        name: lib.name,
                        version: lib.version,
                        purl: (0,purl/* purl */.EV)({ type: 'nuget', name: lib.name, version: lib.version }),
                        path,
                        foundBy: this.id,
                        metadata: {
                            kind: lib.kind,
                            ...(lib.sha512 ? { sha512: lib.sha512 } : {}),
                            ...(lib.path ? { path: lib.path } : {}),
                            ...(lib.dependsOn.length ? { dependsOn: lib.dependsOn } : {}),
                        },
                    }));
                }
            }
            catch (e) {
                unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid deps.json: ${errorMessage(e)}`, 'dotnet'));
            }
        }
        return Promise.resolve({ packages, unknowns });
    },
};

;// CONCATENATED MODULE: ./src/catalog/list.ts













/** Every cataloger, in run order. One line per cataloger; nothing registers itself. */
const CATALOGERS = [
    apkCataloger,
    dpkgCataloger,
    rpmCataloger,
    rpmManifestCataloger,
    npmInstalledCataloger,
    npmLockfileCataloger,
    pythonInstalledCataloger,
    javaArchiveCataloger,
    goBinaryCataloger,
    rubyGemspecCataloger,
    phpComposerInstalledCataloger,
    rustAuditableCataloger,
    dotnetDepsJsonCataloger,
];
const catalogerRegistry = new registry/* Registry */.O('cataloger', CATALOGERS);

;// CONCATENATED MODULE: ./src/catalog/ownership.ts

/** Which package types are OS packages (own files) and which are language packages. Exhaustive. */
const IS_OS_TYPE = { apk: true, deb: true, rpm: true, npm: false, python: false, 'java-archive': false, 'go-module': false, gem: false, 'php-composer': false, 'rust-crate': false, dotnet: false };
const OS_TYPES = new Set(Object.keys(IS_OS_TYPE).filter((t) => IS_OS_TYPE[t]));
/** The paths that identify a language package on disk: its metadata file, and its metadata directory. */
function ownershipKeys(pkg) {
    const keys = [];
    for (const loc of pkg.locations) {
        keys.push(loc.path);
        const dir = (0,paths/* dirname */.pD)(loc.path);
        const lower = dir.toLowerCase();
        // The metadata directory for dist-info/egg-info, and the package directory for package.json/gemspec-less
        // layouts; an archive or binary is identified by the file itself.
        if (lower.endsWith('.dist-info') || lower.endsWith('.egg-info') || loc.path.endsWith('/package.json'))
            keys.push(dir);
    }
    return keys;
}
/**
 * Sets `ownedBy` on every language package whose metadata file or directory an OS package's `metadata.files`
 * lists. Returns the packages it changed. The first OS package (in input order) that owns a package wins.
 */
function applyOwnership(packages) {
    const owner = new Map();
    for (const pkg of packages) {
        if (!OS_TYPES.has(pkg.type))
            continue;
        const files = pkg.metadata?.files;
        if (!Array.isArray(files))
            continue;
        for (const f of files) {
            if (typeof f !== 'string')
                continue;
            const path = f.length > 1 && f.endsWith('/') ? f.slice(0, -1) : f;
            if (!owner.has(path))
                owner.set(path, pkg.id);
        }
    }
    const changed = [];
    if (owner.size === 0)
        return changed;
    for (const pkg of packages) {
        if (OS_TYPES.has(pkg.type))
            continue;
        for (const key of ownershipKeys(pkg)) {
            const id = owner.get(key);
            if (id !== undefined) {
                pkg.ownedBy = id;
                changed.push(pkg);
                break;
            }
        }
    }
    return changed;
}

;// CONCATENATED MODULE: ./src/catalog/run.ts





/** The catalogers an image scan runs: those tagged `image`, or every one when none is tagged. */
function selectCatalogers(tag = 'image', all = CATALOGERS) {
    const tagged = all.filter((c) => c.tags.includes(tag));
    return tagged.length ? tagged : [...all];
}
/**
 * Every file the catalogers (and distro detection) need, for the image's single pass. A language cataloger's
 * buffered manifests are kept in every layer's version, so that a package's origin is the first layer that wrote
 * its manifest as it is now (`manifestOrigin`); streamed files (binaries, through sinks) are not. Package databases
 * (`database: true`) get `maxDatabaseBytes` as their cap instead of the per-file cap.
 */
function catalogRequests(catalogers, options = {}) {
    const capBytes = options.maxDatabaseBytes ?? DEFAULT_MAX_DATABASE_BYTES;
    return [
        ...detect/* DISTRO_REQUESTS */.vX,
        ...catalogers.flatMap((c) => (c.tags.includes('language') ? c.requests.map((r) => (r.sink || r.everyLayer ? r : { ...r, everyLayer: true })) : c.requests)),
    ].map((r) => (r.database ? { ...r, capBytes } : r));
}
/**
 * The content cap of a known package database (dpkg status and status.d, apk installed, the rpmdbs): larger than
 * the per-file cap, as a RHEL rpmdb can exceed 64 MiB, and still bounded (each layer's version is kept).
 */
const DEFAULT_MAX_DATABASE_BYTES = 512 * 1024 * 1024;
/**
 * Runs catalogers over a FileView. A cataloger that throws is recorded as failed with its reason and the others go
 * on; unknowns it reports make it `partial`. Language packages whose files an OS package owns are marked `ownedBy`.
 */
async function runCatalogers(view, options) {
    const distro = (0,detect/* detectDistro */.T9)(view);
    const packages = [];
    const unknowns = [];
    const plugins = [];
    let done = 0;
    for (const c of options.catalogers) {
        (0,errors/* throwIfAborted */.Te)(options.signal);
        options.logger.progress?.({ task: 'catalog', label: `cataloguing: ${c.id}`, done: done++, total: options.catalogers.length, unit: 'items' });
        try {
            const r = await c.catalog({ view, ...(distro ? { distro } : {}), logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
            packages.push(...(c.tags.includes('language') ? r.packages.map((p) => withOrigin(p, p.locations[0] ? manifestOrigin(view, p.locations[0].path) : undefined)) : r.packages));
            unknowns.push(...r.unknowns);
            plugins.push({
                id: c.id,
                version: c.version,
                status: r.unknowns.length ? 'partial' : 'succeeded',
                ...(r.unknowns.length ? { reason: `${r.unknowns.length} file(s) could not be read` } : {}),
            });
        }
        catch (e) {
            if (options.signal?.aborted)
                throw e;
            options.logger.warning(`cataloger ${c.id} failed: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            plugins.push({ id: c.id, version: c.version, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
        }
    }
    options.logger.progress?.({ task: 'catalog', label: '', end: true });
    applyOwnership(packages);
    return { ...(distro ? { distro } : {}), packages, unknowns, plugins };
}


/***/ }),

/***/ 90166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F6: () => (/* binding */ addSourceOptions),
/* harmony export */   JS: () => (/* binding */ vulnerabilityDataFrom),
/* harmony export */   Qv: () => (/* binding */ buildSourceOptions),
/* harmony export */   us: () => (/* binding */ registryOptionsFrom),
/* harmony export */   w7: () => (/* binding */ addVulnerabilityDataOptions)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _image_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20596);
/* harmony import */ var _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3427);



/** The options every image-reading command shares. */
function addSourceOptions(cmd) {
    return cmd
        .option('--platform <os/arch[/variant]>', "platform to pick from a multi-platform image (default: the host's)")
        .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME)')
        .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
        .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
        .option('--ca-file <pem>', 'extra CA certificates for registries')
        .option('--timeout <seconds>', 'per-request timeout for registries and the daemon', '60')
        .option('--retries <n>', 'retries with backoff on registry 429/5xx answers and network errors', '3')
        .option('--max-file-bytes <n>', 'content kept in memory per file; larger files become unknowns');
}
/** Turns shared flags, standard input and the environment into SourceOptions fields. */
async function registryOptionsFrom(opts, env, stdin) {
    const out = {};
    const username = opts.registryUsername ?? env.PORTCULLIS_REGISTRY_USERNAME;
    let password = env.PORTCULLIS_REGISTRY_PASSWORD;
    if (opts.registryPasswordStdin) {
        if (!username)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('--registry-password-stdin needs --registry-username (or PORTCULLIS_REGISTRY_USERNAME)');
        password = (await readAll(stdin)).replace(/\r?\n$/, '');
        if (!password)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('--registry-password-stdin: standard input was empty');
    }
    if (username && !password)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a registry user name was given without a password (use --registry-password-stdin or PORTCULLIS_REGISTRY_PASSWORD)');
    if (username && password)
        out.credentials = { username, password };
    if (Array.isArray(opts.insecureRegistry))
        out.insecureRegistries = opts.insecureRegistry;
    if (typeof opts.caFile === 'string')
        out.caFile = opts.caFile;
    if (opts.timeout !== undefined) {
        const t = Number(opts.timeout);
        if (!Number.isFinite(t) || t <= 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--timeout must be a positive number of seconds, got "${String(opts.timeout)}"`);
        out.timeoutMs = t * 1000;
    }
    if (opts.retries !== undefined) {
        const r = Number(opts.retries);
        if (!Number.isInteger(r) || r < 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--retries must be a whole number, got "${String(opts.retries)}"`);
        out.retries = r;
    }
    if (opts.maxFileBytes !== undefined) {
        const n = Number(opts.maxFileBytes);
        if (!Number.isInteger(n) || n <= 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-file-bytes must be a positive integer, got "${String(opts.maxFileBytes)}"`);
        out.maxFileBytes = n;
    }
    return out;
}
async function readAll(stream) {
    const chunks = [];
    for await (const c of stream)
        chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
    return Buffer.concat(chunks).toString('utf8');
}
/** SourceOptions (and the content cap) from a command's parsed options and the CLI context. */
async function buildSourceOptions(opts, ctx) {
    return {
        ...(await registryOptionsFrom(opts, ctx.env, ctx.stdin)),
        ...(typeof opts.platform === 'string' ? { platform: (0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(opts.platform) } : {}),
        env: ctx.env,
        logger: ctx.logger,
    };
}
/**
 * The vulnerability-data options of a command that scans (`compare`), named and described as `scan` names them:
 * `--no-vulnerabilities`, `--offline`, `--db-repository`, `--db-cache-dir`, `--db-url`, `--max-db-age`,
 * `--fail-on-stale-db`.
 */
function addVulnerabilityDataOptions(cmd) {
    return cmd
        .option('--no-vulnerabilities', 'skip vulnerability matching (the policy sees no vulnerability data)')
        .option('--offline', 'never download vulnerability data; use the local database only (no database then is an error)')
        .option('--db-repository [ref]', `refresh the vulnerability database from this OCI repository (a compiled database pushed with db push; bare flag: ${_vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DB_REPOSITORY */ .ax}; env PORTCULLIS_DB_REPOSITORY) instead of the OSV bucket`)
        .option('--db-cache-dir <dir>', 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)')
        .option('--db-url <url>', 'base URL of the OSV bucket layout (<url>/<Ecosystem>/all.zip; or $PORTCULLIS_DB_URL)')
        .option('--max-db-age <days>', 'vulnerability data older than this warns', '7')
        .option('--fail-on-stale-db', 'stale vulnerability data is an error instead of a warning');
}
/** ScanConfig.vulnerabilities from the options addVulnerabilityDataOptions declares (no ignore file, no VEX). */
function vulnerabilityDataFrom(opts, env, source) {
    const maxAge = Number(opts.maxDbAge ?? 7);
    if (!Number.isFinite(maxAge) || maxAge < 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--max-db-age must be a number of days, got "${String(opts.maxDbAge)}"`);
    return {
        enabled: opts.vulnerabilities !== false,
        ...(typeof opts.dbCacheDir === 'string' ? { cacheDir: opts.dbCacheDir } : {}),
        ...(typeof opts.dbUrl === 'string' || env.PORTCULLIS_DB_URL ? { dbUrl: opts.dbUrl ?? env.PORTCULLIS_DB_URL } : {}),
        ...(opts.dbRepository !== undefined || env.PORTCULLIS_DB_REPOSITORY ? { dbRepository: opts.dbRepository === true ? _vulndb_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DB_REPOSITORY */ .ax : (opts.dbRepository ?? env.PORTCULLIS_DB_REPOSITORY) } : {}),
        dbRegistry: { ...(source.insecureRegistries ? { insecureRegistries: [...source.insecureRegistries] } : {}), ...(source.caFile ? { caFile: source.caFile } : {}) },
        offline: Boolean(opts.offline),
        maxAgeDays: maxAge,
        failOnStale: Boolean(opts.failOnStaleDb),
        vex: [],
    };
}


/***/ }),

/***/ 45069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   SM: () => (/* binding */ createDispatcher),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   c8: () => (/* binding */ isTimeoutError),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   w1: () => (/* binding */ RetriesExhausted)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, MAX_REDIRECTS, proxyEnv, sharedDispatcher, splitUrlCredentials, retryAfterMs, isRetryableStatus, readBody */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71922);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49353);
/**
 * The one HTTP module every client uses (registries, the OSV bucket and the other feeds, the store, Anchore): a
 * dispatcher that honours `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (undici's EnvHttpProxyAgent), per-request
 * time-outs, redirects that keep the Authorization header only on the same origin, credentials in a URL used as
 * Basic auth and never shown, and retries with exponential back-off on 429, 5xx and network errors that honour the
 * server's Retry-After.
 */





const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 500;
/** No back-off is longer than this, and a Retry-After longer than MAX_RETRY_AFTER_MS is cut to it. */
const MAX_BACKOFF_MS = 10_000;
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'portcullis';
/** The proxy settings from an environment, lower case first as curl reads them. */
function proxyEnv(env) {
    return {
        httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
        httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
        noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
    };
}
/** A connection pool that goes through the environment's proxy (if any) for every origin NO_PROXY does not exempt. */
function createDispatcher(options = {}) {
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const tls = options.ca ? { ca: options.ca } : {};
    return new undici__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({
        ...proxyEnv(options.env ?? process.env),
        connect: { timeout, ...tls },
        ...(options.ca ? { requestTls: tls } : {}),
        headersTimeout: timeout,
        bodyTimeout: timeout,
    });
}
let shared;
/** The process-wide dispatcher for clients without TLS options of their own, made from process.env on first use. */
function sharedDispatcher() {
    shared ??= createDispatcher();
    return shared;
}
/**
 * A URL without its user info, and the Basic authorization the user info meant (`https://user:pass@host/x`).
 * Percent-escapes in the user info are decoded, as RFC 3986 §3.2.1 writes them.
 */
function splitUrlCredentials(url) {
    const u = new URL(url.toString());
    if (!u.username && !u.password)
        return { url: u.toString() };
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    u.username = '';
    u.password = '';
    return { url: u.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}
/** The URL as it may be shown: no user info. Unparseable text is shown with any `user:pass@` removed. */
function redactUrl(url) {
    try {
        const u = new URL(url.toString());
        if (!u.username && !u.password)
            return url.toString();
        u.username = '';
        u.password = '';
        return u.toString();
    }
    catch {
        return (0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(String(url));
    }
}
/**
 * One HTTP exchange, following redirects. Credentials in the URL become a Basic Authorization header (unless the
 * caller sent one) and are removed from the URL; the Authorization header goes only to the origin it was meant for:
 * a redirect to another origin drops it (as fetch does, WHATWG Fetch §4.4 "HTTP-redirect fetch", step 13).
 */
async function httpRequest(url, init = {}) {
    const split = splitUrlCredentials(url);
    let current = split.url;
    let method = init.method ?? 'GET';
    let headers = { 'user-agent': USER_AGENT, ...lowerKeys(init.headers ?? {}) };
    if (split.authorization && !headers.authorization)
        headers.authorization = split.authorization;
    let body = await bodyOf(init.body, headers);
    const timeout = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (let hop = 0;; hop++) {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__.request)(current, {
            dispatcher: init.dispatcher ?? sharedDispatcher(),
            method,
            headers,
            ...(body !== undefined ? { body } : {}),
            ...(init.signal ? { signal: init.signal } : {}),
            headersTimeout: timeout,
            bodyTimeout: timeout,
        });
        const location = headerValue(res.headers.location);
        if (init.followRedirects === false || ![301, 302, 303, 307, 308].includes(res.statusCode) || !location) {
            return { statusCode: res.statusCode, headers: res.headers, body: res.body, url: redactUrl(current), attempts: 1 };
        }
        await res.body.dump().catch(() => { });
        if (hop >= MAX_REDIRECTS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`too many redirects (more than ${MAX_REDIRECTS}) for ${method} ${redactUrl(url)}`);
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi(`${redactUrl(current)} redirected to a ${next.protocol} URL`);
        if (next.origin !== new URL(current).origin) {
            const { authorization: _dropped, ...rest } = headers;
            headers = rest;
        }
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
            const { 'content-type': _t, 'content-length': _l, ...rest } = headers;
            headers = rest;
        }
        // Credentials a Location carries are not sent: only the user's own URL may say who they are.
        next.username = '';
        next.password = '';
        current = next.toString();
    }
}
async function bodyOf(body, headers) {
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
        return body;
    // A FormData is encoded once, so that a retry or a redirect can send the same bytes again.
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type');
    return Buffer.from(await encoded.arrayBuffer());
}
function lowerKeys(h) {
    return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    const v = headerValue(value)?.trim();
    if (!v)
        return undefined;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const when = Date.parse(v);
    return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}
/** Network errors that outlived the retries; `cause` is the last one. */
class RetriesExhausted extends Error {
    attempts;
    constructor(attempts, cause) {
        super((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(cause), { cause });
        this.attempts = attempts;
    }
}
/** Whether an answer is worth another try: 429 and 5xx (a 501 Not Implemented is not). */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status !== 501);
}
async function withRetries(send, options = {}) {
    const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    const base = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    for (let attempt = 0;; attempt++) {
        let wait;
        let why;
        try {
            const res = await send();
            if (!isRetryableStatus(res.statusCode) || attempt >= retries)
                return { ...res, attempts: attempt + 1 };
            await res.body.dump().catch(() => { });
            const after = retryAfterMs(res.headers['retry-after']);
            if (after !== undefined)
                wait = Math.min(after, options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS);
            why = `HTTP ${res.statusCode}`;
        }
        catch (error) {
            if (options.signal?.aborted || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1 || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi)
                throw error;
            if (attempt >= retries)
                throw new RetriesExhausted(attempt + 1, error);
            why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error);
        }
        wait ??= Math.min(MAX_BACKOFF_MS, base * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        options.logger?.debug(`${options.what ? `${(0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(options.what)}: ` : ''}${(0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(why)}; retry ${attempt + 1}/${retries} in ${Math.round(wait)} ms`);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait, undefined, options.signal ? { signal: options.signal } : {});
    }
}
/** A network error in words: a time-out names the limit, a socket error its code. No credentials. */
function describeNetworkError(error, timeoutMs) {
    const e = error instanceof RetriesExhausted ? error.cause : error;
    if (e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.HeadersTimeoutError || e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.BodyTimeoutError || e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.ConnectTimeoutError) {
        return `no answer within ${formatMs(timeoutMs)}`;
    }
    if (e instanceof DOMException && e.name === 'TimeoutError')
        return `no answer within ${formatMs(timeoutMs)}`;
    const code = e.code ?? e.cause?.code;
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e);
    return (0,_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(code && !message.includes(code) ? `${code}: ${message}` : message);
}
function isTimeoutError(error) {
    const e = error instanceof RetriesExhausted ? error.cause : error;
    return (e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.HeadersTimeoutError ||
        e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.BodyTimeoutError ||
        e instanceof undici__WEBPACK_IMPORTED_MODULE_1__.errors.ConnectTimeoutError ||
        (e instanceof DOMException && e.name === 'TimeoutError'));
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
/** Reads a whole body, refusing more than `maxBytes` (the stream is destroyed then). */
async function readBody(body, maxBytes, tooLarge) {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        total += chunk.length;
        if (total > maxBytes) {
            body.destroy();
            throw tooLarge();
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}


/***/ }),

/***/ 29927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ shapeChecker),
/* harmony export */   QV: () => (/* binding */ jsonDepth),
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

/***/ 64074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ZipError),
/* harmony export */   z: () => (/* binding */ ZipReader)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A small in-memory ZIP reader: the central directory (with ZIP64 sizes and offsets, and data prepended before
 * the archive, as in executable jars), and stored or deflated entries inflated with node:zlib.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
class ZipError extends Error {
    name = 'ZipError';
}
class ZipReader {
    data;
    entries;
    /** Reads the central directory; a corrupt or truncated one is a ZipError (`corrupt archive: …`), never a RangeError. */
    constructor(data) {
        this.data = data;
        try {
            this.entries = readCentralDirectory(data);
        }
        catch (e) {
            if (e instanceof ZipError)
                throw e;
            // A field read past the end of the buffer (node's ERR_OUT_OF_RANGE) or any other slip on hostile bytes.
            throw new ZipError(`corrupt archive: ${e.message}`, { cause: e });
        }
    }
    find(name) {
        return this.entries.find((e) => e.name === name);
    }
    /**
     * The entry's content; refuses output larger than `maxBytes` whatever the header declares (a guard against zip
     * bombs: inflation stops at the cap, so memory stays bounded by it).
     */
    read(entry, maxBytes = 64 * 1024 * 1024) {
        const d = this.data;
        const at = entry.localOffset;
        if (!Number.isSafeInteger(at) || at < 0 || at + 30 > d.length || d.readUInt32LE(at) !== LOCAL)
            throw new ZipError(`${entry.name}: bad local header`);
        const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
        const end = start + entry.compressedSize;
        if (end > d.length)
            throw new ZipError(`${entry.name}: entry data runs past the end of the archive`);
        if (entry.size > maxBytes)
            throw new ZipError(`${entry.name}: ${entry.size} bytes, over the ${maxBytes}-byte limit`);
        const raw = d.subarray(start, end);
        if (entry.method === 0) {
            if (raw.length > maxBytes)
                throw new ZipError(`${entry.name}: ${raw.length} bytes, over the ${maxBytes}-byte limit`);
            return raw;
        }
        if (entry.method === 8) {
            let out;
            try {
                // One byte over the cap tells "too large" apart from "exactly the cap".
                out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync)(raw, { maxOutputLength: Math.max(1, maxBytes + 1) });
            }
            catch (e) {
                const code = e.code;
                if (code === 'ERR_BUFFER_TOO_LARGE')
                    throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`, { cause: e });
                throw new ZipError(`${entry.name}: cannot inflate: ${e.message}`, { cause: e });
            }
            if (out.length > maxBytes)
                throw new ZipError(`${entry.name}: inflates to more than the ${maxBytes}-byte limit`);
            return out;
        }
        throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
    }
}
function readCentralDirectory(d) {
    const eocd = findEocd(d);
    if (eocd < 0)
        throw new ZipError('not a zip archive (no end-of-central-directory record)');
    if (eocd + 22 > d.length)
        throw new ZipError('corrupt archive: truncated end-of-central-directory record');
    let count = d.readUInt16LE(eocd + 10);
    let cdSize = d.readUInt32LE(eocd + 12);
    let cdOffset = d.readUInt32LE(eocd + 16);
    let recordStart = eocd;
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && d.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
        const z = Number(d.readBigUInt64LE(eocd - 20 + 8));
        if (!Number.isSafeInteger(z) || z + 56 > d.length || d.readUInt32LE(z) !== ZIP64_EOCD)
            throw new ZipError('bad ZIP64 end-of-central-directory record');
        count = Number(d.readBigUInt64LE(z + 32));
        cdSize = Number(d.readBigUInt64LE(z + 40));
        cdOffset = Number(d.readBigUInt64LE(z + 48));
        recordStart = z;
    }
    // Bytes prepended to the archive (a launcher script) shift every offset by the same amount.
    const shift = recordStart - cdSize - cdOffset;
    if (shift < 0)
        throw new ZipError('central directory lies outside the archive');
    const entries = [];
    let p = cdOffset + shift;
    for (let i = 0; i < count; i++) {
        if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL)
            throw new ZipError(`bad central directory entry ${i}`);
        const method = d.readUInt16LE(p + 10);
        let compressedSize = d.readUInt32LE(p + 20);
        let size = d.readUInt32LE(p + 24);
        const nameLen = d.readUInt16LE(p + 28);
        const extraLen = d.readUInt16LE(p + 30);
        const commentLen = d.readUInt16LE(p + 32);
        let localOffset = d.readUInt32LE(p + 42);
        if (p + 46 + nameLen + extraLen + commentLen > d.length)
            throw new ZipError(`corrupt archive: central directory entry ${i} runs past the end of the archive`);
        const name = d.toString('utf8', p + 46, p + 46 + nameLen);
        // ZIP64 extra field: the 0xffffffff values follow in order size, compressed size, offset.
        let x = p + 46 + nameLen;
        const xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            if (x + 4 + d.readUInt16LE(x + 2) > xEnd)
                break;
            const id = d.readUInt16LE(x);
            const len = d.readUInt16LE(x + 2);
            if (id === 0x0001) {
                let q = x + 4;
                if (size === 0xffffffff && q + 8 <= x + 4 + len) {
                    size = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
                    compressedSize = Number(d.readBigUInt64LE(q));
                    q += 8;
                }
                if (localOffset === 0xffffffff && q + 8 <= x + 4 + len)
                    localOffset = Number(d.readBigUInt64LE(q));
            }
            x += 4 + len;
        }
        entries.push({ name, method, compressedSize, size, localOffset: localOffset + shift });
        p = xEnd + commentLen;
    }
    return entries;
}
function findEocd(d) {
    if (d.length < 22)
        return -1;
    const min = Math.max(0, d.length - 22 - 0xffff);
    for (let i = d.length - 22; i >= min; i--)
        if (d.readUInt32LE(i) === EOCD)
            return i;
    return -1;
}


/***/ }),

/***/ 21822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ encodeValue),
/* harmony export */   O$: () => (/* binding */ UncacheableError),
/* harmony export */   wz: () => (/* binding */ decodeValue)
/* harmony export */ });
/* unused harmony export CorruptEntryError */
/**
 * The layer cache's serialisation: any value built of plain objects, arrays, Maps, Sets, Buffers (and Uint8Arrays),
 * strings, numbers (NaN, ±Infinity and -0 included), booleans, null, undefined, bigints and Dates round-trips, so
 * that a field added to `LayerResult` (or a sink's result) later is kept without a change here. Anything else (a
 * function, a class instance, a symbol) is refused: such a result is not cached at all.
 *
 * The value becomes a JSON skeleton `[shapes, root]` in which every array is tagged by its first element, so that no
 * data can be mistaken for a tag: `["o", shape, …values]` a plain object whose keys are `shapes[shape]` (each set of
 * keys is written once, however many objects have it), `["a", …items]` an array, `["m", k1, v1, …]` a Map, `["s", …]`
 * a Set, `["b", offset, length]` a Buffer whose bytes follow the JSON (read back without a copy), `["u"]` undefined,
 * `["f", "NaN"]` a number JSON cannot hold, `["n", "123"]` a bigint, `["d", iso]` a Date.
 */
/** A value the codec cannot represent. */
class UncacheableError extends Error {
    name = 'UncacheableError';
}
/** A cache body that does not decode. */
class CorruptEntryError extends Error {
    name = 'CorruptEntryError';
}
/** Encodes `value` into one body: a 4-byte big-endian JSON length, the JSON skeleton, then the bytes of every Buffer. */
function encodeValue(value) {
    const blobs = [];
    let offset = 0;
    const shapes = [];
    const shapeIds = new Map();
    const enc = (v, where) => {
        switch (typeof v) {
            case 'string':
            case 'boolean':
                return v;
            case 'number':
                if (Number.isNaN(v))
                    return ['f', 'NaN'];
                if (v === Infinity)
                    return ['f', 'Infinity'];
                if (v === -Infinity)
                    return ['f', '-Infinity'];
                if (Object.is(v, -0))
                    return ['f', '-0'];
                return v;
            case 'undefined':
                return ['u'];
            case 'bigint':
                return ['n', v.toString()];
            case 'object': {
                if (v === null)
                    return null;
                if (Array.isArray(v))
                    return ['a', ...v.map((x, i) => enc(x, `${where}[${i}]`))];
                if (v instanceof Uint8Array) {
                    blobs.push(v);
                    const ref = ['b', offset, v.length];
                    offset += v.length;
                    return ref;
                }
                if (v instanceof Map) {
                    const out = ['m'];
                    for (const [k, x] of v)
                        out.push(enc(k, `${where} key`), enc(x, `${where}.get(${String(k)})`));
                    return out;
                }
                if (v instanceof Set)
                    return ['s', ...[...v].map((x) => enc(x, `${where} item`))];
                if (v instanceof Date)
                    return ['d', Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()];
                const proto = Object.getPrototypeOf(v);
                if (proto !== Object.prototype && proto !== null)
                    throw new UncacheableError(`${where} is a ${v.constructor?.name ?? 'non-plain'} object`);
                const keys = Object.keys(v);
                const id = keys.join('\u0000');
                let shape = shapeIds.get(id);
                if (shape === undefined) {
                    shape = shapes.length;
                    shapes.push(keys);
                    shapeIds.set(id, shape);
                }
                const out = ['o', shape];
                for (const k of keys)
                    out.push(enc(v[k], `${where}.${k}`));
                return out;
            }
            default:
                throw new UncacheableError(`${where} is a ${typeof v}`);
        }
    };
    const root = enc(value, 'value');
    const json = Buffer.from(JSON.stringify([shapes, root]), 'utf8');
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32BE(json.length, 0);
    return Buffer.concat([head, json, ...blobs], 4 + json.length + offset);
}
/** Decodes a body made by `encodeValue`. Buffers are views into `body`. A body that does not decode is a CorruptEntryError. */
function decodeValue(body) {
    if (body.length < 4)
        throw new CorruptEntryError('the body is shorter than its length field');
    const jsonLength = body.readUInt32BE(0);
    if (4 + jsonLength > body.length)
        throw new CorruptEntryError('the body is shorter than its JSON');
    let skeleton;
    try {
        skeleton = JSON.parse(body.toString('utf8', 4, 4 + jsonLength));
    }
    catch (e) {
        throw new CorruptEntryError(`the body's JSON does not parse (${e.message})`);
    }
    const blobs = body.subarray(4 + jsonLength);
    if (!Array.isArray(skeleton) || skeleton.length !== 2 || !Array.isArray(skeleton[0]))
        throw new CorruptEntryError('the body is not a [shapes, value] pair');
    const shapes = skeleton[0];
    for (const shape of shapes) {
        if (!Array.isArray(shape) || shape.some((k) => typeof k !== 'string'))
            throw new CorruptEntryError('an object shape is not a list of keys');
    }
    const dec = (j) => {
        if (j === null || typeof j !== 'object')
            return j;
        if (!Array.isArray(j))
            throw new CorruptEntryError('an untagged object');
        switch (j[0]) {
            case 'o': {
                const keys = shapes[j[1]];
                if (!keys || keys.length !== j.length - 2)
                    throw new CorruptEntryError('an object does not fit its shape');
                const out = {};
                for (let i = 0; i < keys.length; i++) {
                    const k = keys[i];
                    // An own "__proto__" key stays a key (assigning it would set the prototype).
                    if (k === '__proto__')
                        Object.defineProperty(out, k, { value: dec(j[i + 2]), enumerable: true, writable: true, configurable: true });
                    else
                        out[k] = dec(j[i + 2]);
                }
                return out;
            }
            case 'a':
                return j.slice(1).map(dec);
            case 'm': {
                if (j.length % 2 !== 1)
                    throw new CorruptEntryError('a Map has an odd number of items');
                const m = new Map();
                for (let i = 1; i < j.length; i += 2)
                    m.set(dec(j[i]), dec(j[i + 1]));
                return m;
            }
            case 's':
                return new Set(j.slice(1).map(dec));
            case 'b': {
                const [, off, len] = j;
                if (typeof off !== 'number' || typeof len !== 'number' || !Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > blobs.length) {
                    throw new CorruptEntryError('a Buffer reference points outside the body');
                }
                return blobs.subarray(off, off + len);
            }
            case 'u':
                return undefined;
            case 'f':
                if (j[1] === 'NaN')
                    return NaN;
                if (j[1] === 'Infinity')
                    return Infinity;
                if (j[1] === '-Infinity')
                    return -Infinity;
                if (j[1] === '-0')
                    return -0;
                throw new CorruptEntryError(`unknown number tag ${JSON.stringify(j[1])}`);
            case 'n':
                if (typeof j[1] !== 'string' || !/^-?\d+$/.test(j[1]))
                    throw new CorruptEntryError('a bigint is not a number');
                return BigInt(j[1]);
            case 'd':
                return new Date(j[1] === 'invalid' ? NaN : String(j[1]));
            default:
                throw new CorruptEntryError(`unknown tag ${JSON.stringify(j[0])}`);
        }
    };
    return dec(skeleton[1]);
}


/***/ }),

/***/ 59951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k2: () => (/* binding */ entryKey),
/* harmony export */   tb: () => (/* binding */ LAYER_CACHE_FORMAT),
/* harmony export */   xG: () => (/* binding */ analysisVersion)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Bumped whenever the entry layout, the codec, or what a layer's analysis holds changes in a way a generic
 * round-trip would not cover. Part of every key, so an older entry is never read, only evicted.
 */
const LAYER_CACHE_FORMAT = 1;
/**
 * A version of everything that shapes one layer's analysis, besides the layer's bytes: the cache format, the
 * per-file cap, every request (id, paths, globs, caps, flags, and the source text of its filter and sink, in
 * declaration order), and `salt` (the caller's plugin versions and the tool's version). Two scans whose versions
 * differ never share an entry.
 */
function analysisVersion(requests, maxFileBytes, salt = '') {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    h.update(JSON.stringify({ format: LAYER_CACHE_FORMAT, maxFileBytes, salt }));
    for (const r of requests) {
        h.update('\n');
        h.update(JSON.stringify([
            r.id,
            r.paths ?? [],
            r.globs ?? [],
            r.maxBytes ?? null,
            r.capBytes ?? null,
            Boolean(r.database),
            Boolean(r.everyLayer),
            r.filter ? r.filter.toString() : null,
            r.sink ? r.sink.toString() : null,
        ]));
    }
    return h.digest('hex');
}
/** The entry's key: the layer's diff_id under one analysis version (hex, a file name). */
function entryKey(diffId, version) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${LAYER_CACHE_FORMAT}\n${version}\n${diffId}`).digest('hex');
}


/***/ }),

/***/ 20596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   KP: () => (/* binding */ buildMetadata),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   ke: () => (/* binding */ ACCEPTED_MANIFEST_TYPES),
/* harmony export */   mI: () => (/* binding */ MediaTypes),
/* harmony export */   md: () => (/* binding */ selectPlatform),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ol: () => (/* binding */ hostPlatform)
/* harmony export */ });
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

/***/ 59030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yt: () => (/* binding */ loadImage)
});

// UNUSED EXPORTS: knownSchemes, openImage

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/image/manifest.ts
var image_manifest = __webpack_require__(20596);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/image/oci-layout.ts



const REF_NAME = 'org.opencontainers.image.ref.name';
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;
/**
 * Resolves an OCI layout's `index.json` to one image: by ref name (`org.opencontainers.image.ref.name`), or the
 * only entry when there is one; then through nested indexes by platform. Every blob read is digest-checked.
 */
async function resolveOciLayout(args) {
    const { store, label } = args;
    const top = (0,image_manifest/* parseManifest */.Ng)(args.indexJson, undefined, `${label}: index.json`);
    if (top.kind !== 'index')
        throw new errors/* ImageError */.C8(`${label}: index.json is not an image index`);
    const entries = top.index.manifests;
    let chosen;
    if (args.refName !== undefined) {
        chosen = entries.find((d) => d.annotations?.[REF_NAME] === args.refName) ?? entries.find((d) => d.digest === args.refName);
        if (!chosen) {
            throw new errors/* ImageError */.C8(`${label} has no image with ref "${args.refName}"; refs available: ${refList(entries)}`);
        }
    }
    else if (entries.length === 1) {
        chosen = entries[0];
    }
    else if (entries.length === 0) {
        throw new errors/* ImageError */.C8(`${label}: index.json lists no images`);
    }
    else {
        throw new errors/* ImageError */.C8(`${label} holds ${entries.length} images; name one by appending :REF to the reference (refs available: ${refList(entries)})`);
    }
    return resolveDescriptor(store, chosen, args.platform, label, undefined, 0);
}
async function resolveDescriptor(store, desc, platform, label, indexDigest, depth) {
    if (depth > 4)
        throw new errors/* ImageError */.C8(`${label}: indexes nested too deeply`);
    const bytes = await readVerified(store, desc.digest, label, 'manifest', desc.size);
    const parsed = (0,image_manifest/* parseManifest */.Ng)(bytes, desc.mediaType, `${label}: manifest ${desc.digest}`);
    if (parsed.kind === 'index') {
        const next = (0,image_manifest/* selectPlatform */.md)(parsed.index, platform, `${label}: index ${desc.digest}`);
        return resolveDescriptor(store, next, platform, label, desc.digest, depth + 1);
    }
    const configBytes = await readVerified(store, parsed.manifest.config.digest, label, 'config', parsed.manifest.config.size);
    return {
        manifest: parsed.manifest,
        manifestDigest: desc.digest,
        manifestMediaType: parsed.mediaType,
        ...(indexDigest ? { indexDigest } : {}),
        config: (0,image_manifest/* parseConfig */.o4)(configBytes, `${label}: config ${parsed.manifest.config.digest}`),
    };
}
/** Reads a blob and checks its digest (sha256 or sha512) and, when the descriptor gives it, its size. */
async function readVerified(store, digest, label, what, size) {
    if (!DIGEST.test(digest))
        throw new errors/* ImageError */.C8(`${label}: ${what} has an invalid or unsupported digest "${digest}"`);
    const bytes = await store.get(digest);
    if (!bytes)
        throw new errors/* ImageError */.C8(`${label}: ${what} blob ${digest} is missing`);
    if (size !== undefined && bytes.length !== size) {
        throw new errors/* ImageError */.C8(`${label}: size mismatch for ${what} blob ${digest}: its descriptor says ${size} bytes but the blob has ${bytes.length}`);
    }
    const actual = digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256');
    if (actual !== digest)
        throw new errors/* ImageError */.C8(`${label}: digest mismatch for ${what} blob ${digest}: its content hashes to ${actual}`);
    return bytes;
}
/** The `<algorithm>:<hex>` digest of some bytes (sha256 unless told). */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Path of a blob inside a layout: `blobs/<algorithm>/<hex>`. */
function blobPath(digest) {
    const [alg, hex] = digest.split(':');
    return `blobs/${alg}/${hex}`;
}
function isDigest(s) {
    return DIGEST.test(s);
}
function refList(entries) {
    const refs = entries.map((d) => d.annotations?.[REF_NAME] ?? d.digest);
    return refs.join(', ') || '(none)';
}

;// CONCATENATED MODULE: ./src/image/reference.ts

const SCHEME = /^([a-z][a-z0-9-]*):(.*)$/s;
/**
 * Splits `scheme:location`. A string whose prefix is not one of the known schemes is a bare image name
 * (`alpine:3.20`, `localhost:5000/app:1`), which tries the daemon first and then the registry.
 */
function parseReference(raw, knownSchemes) {
    const input = raw.trim();
    if (input === '')
        throw new errors/* ConfigurationError */.j1('empty image reference');
    const m = SCHEME.exec(input);
    if (m && knownSchemes.includes(m[1])) {
        if (m[2] === '')
            throw new errors/* ConfigurationError */.j1(`image reference "${raw}" has no location after "${m[1]}:"`);
        return { raw, scheme: m[1], location: m[2] };
    }
    return { raw, scheme: undefined, location: input };
}
/**
 * For `oci-dir:PATH[:REF]` and `oci-archive:PATH[:REF]`: the path, and the ref after the last colon when the whole
 * location is not itself an existing path.
 */
function splitPathAndRef(location, exists) {
    if (exists(location))
        return { path: location };
    // The path is the longest prefix, ending before a colon, that exists; the rest is the ref (which may itself
    // hold a colon, as a docker-archive's `repo:tag` does).
    for (let i = location.lastIndexOf(':'); i > 0; i = location.lastIndexOf(':', i - 1)) {
        if (exists(location.slice(0, i)))
            return { path: location.slice(0, i), ref: location.slice(i + 1) };
    }
    const i = location.lastIndexOf(':');
    if (i > 0 && !location.slice(i + 1).includes('/'))
        return { path: location.slice(0, i), ref: location.slice(i + 1) };
    return { path: location };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/image/sources/file-helpers.ts



/** Stats a user-given path, turning "missing" and "wrong kind" into clear image errors. */
async function statInput(path, want, what) {
    let st;
    try {
        st = await (0,promises_.stat)(path);
    }
    catch (e) {
        const code = e.code;
        throw new errors/* ImageError */.C8(code === 'ENOENT' ? `${what} ${path} does not exist` : `cannot read ${what} ${path}: ${e.message}`, { cause: e });
    }
    if (want === 'file' && !st.isFile())
        throw new errors/* ImageError */.C8(`${what} ${path} is not a file`);
    if (want === 'dir' && !st.isDirectory())
        throw new errors/* ImageError */.C8(`${what} ${path} is not a directory (an OCI layout is a directory with index.json and oci-layout)`);
    return st;
}
function fileStream(path, start, end) {
    return (0,external_node_fs_.createReadStream)(path, { highWaterMark: 256 * 1024, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
}
const pathExists = (p) => (0,external_node_fs_.existsSync)(p);

;// CONCATENATED MODULE: ./src/image/sources/oci-dir.ts







/** `oci-dir:PATH[:REF]`: an OCI image layout directory. */
const ociDirSource = {
    id: 'oci-dir',
    version: 0,
    schemes: ['oci-dir', 'oci'],
    description: 'an OCI image layout directory: oci-dir:PATH[:REF]',
    async open(ref, options) {
        const { path, ref: refName } = splitPathAndRef(ref.location, pathExists);
        await statInput(path, 'dir', 'OCI layout');
        const label = `OCI layout ${path}`;
        const indexJson = await (0,promises_.readFile)((0,external_node_path_.join)(path, 'index.json')).catch((e) => {
            throw new errors/* ImageError */.C8(`${label} has no readable index.json (${e.message})`, { cause: e });
        });
        const store = {
            get: async (digest) => (isDigest(digest) ? (0,promises_.readFile)((0,external_node_path_.join)(path, blobPath(digest))).catch(() => undefined) : undefined),
        };
        const resolved = await resolveOciLayout({
            indexJson,
            store,
            ...(refName !== undefined ? { refName } : {}),
            platform: options.platform ?? (0,image_manifest/* hostPlatform */.ol)(),
            label,
        });
        const metadata = (0,image_manifest/* buildMetadata */.KP)({
            reference: ref.raw,
            source: 'oci-dir',
            manifest: resolved.manifest,
            manifestDigest: resolved.manifestDigest,
            manifestMediaType: resolved.manifestMediaType,
            ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
            config: resolved.config,
        });
        return {
            kind: 'layered',
            metadata,
            async blob(layer) {
                if (!isDigest(layer.digest))
                    throw new errors/* ImageError */.C8(`${label}: layer ${layer.index} has an invalid digest "${layer.digest}"`);
                const file = (0,external_node_path_.join)(path, blobPath(layer.digest));
                await statInput(file, 'file', `${label}: layer ${layer.index} blob`).catch((e) => {
                    throw new errors/* ImageError */.C8(`${label}: layer ${layer.index} blob ${layer.digest} is missing`, { cause: e });
                });
                return fileStream(file);
            },
            async close() { },
        };
    },
};

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(68339);
;// CONCATENATED MODULE: ./src/image/decompress.ts



/** Detects the compression of a blob from its first bytes (magic numbers), not from its media type. */
function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
        return 'zstd';
    return 'none';
}
/** Node ≥ 22.15 / 23.8 has zstd in zlib; Node 20 does not, so a pure-JS decoder (fzstd) stands in there. */
const nativeZstd = external_node_zlib_.createZstdDecompress;
function zstdBackend() {
    return nativeZstd ? 'node:zlib' : 'fzstd';
}
function createDecompressor(compression) {
    switch (compression) {
        case 'gzip':
            return external_node_zlib_.createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 1024 * 1024 });
        case 'zstd':
            return nativeZstd ? nativeZstd() : new FzstdTransform();
        case 'none':
            return null;
    }
}
/** A Transform over fzstd's streaming decoder. A stream that ends mid-frame is an error. */
class FzstdTransform extends external_node_stream_.Transform {
    #decoder;
    #ended = false;
    constructor() {
        super();
        this.#decoder = new esm/* Decompress */.YM((chunk, final) => {
            // Copied: the decoder may reuse its window buffer for later output.
            if (chunk.length)
                this.push(Buffer.from(chunk));
            if (final)
                this.#ended = true;
        });
    }
    _transform(chunk, _enc, callback) {
        try {
            this.#decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message}`));
        }
    }
    _flush(callback) {
        try {
            this.#decoder.push(new Uint8Array(0), true);
            if (!this.#ended)
                throw new Error('unexpected end of data');
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message.replace(/^zstd: /, '')}`));
        }
    }
}

// EXTERNAL MODULE: ./src/image/paths.ts
var paths = __webpack_require__(80469);
;// CONCATENATED MODULE: ./src/image/layer-collector.ts

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/**
 * Turns raw entries (from a tar stream or a directory walk) into a LayerResult: normalises names, refuses
 * traversal, records whiteouts, and captures the requested content within the caps.
 */
class layer_collector_LayerCollector {
    matcher;
    maxFileBytes;
    layerDigest;
    result = {
        entries: new Map(),
        whiteouts: [],
        opaqueDirs: [],
        contents: new Map(),
        unknowns: [],
        stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    };
    constructor(matcher, maxFileBytes, layerDigest) {
        this.matcher = matcher;
        this.maxFileBytes = maxFileBytes;
        this.layerDigest = layerDigest;
    }
    /** Adds one entry; returns a sink for its data when the content is wanted. */
    add(raw) {
        const r = this.result;
        r.stats.entries++;
        const path = (0,paths/* normalizeEntryName */.Lw)(raw.name);
        if (path === null) {
            this.#unknown(`entry name "${raw.name}" climbs out of the image root; ignored`, raw.name);
            return null;
        }
        if (path === '/')
            return null;
        if (path.includes(`/${WHITEOUT}${WHITEOUT}`) && !path.endsWith(OPAQUE)) {
            // AUFS bookkeeping (`.wh..wh.plnk/…`, `.wh..wh.aufs`): not part of the file system.
            return null;
        }
        const base = (0,paths/* basename */.P8)(path);
        if (base.startsWith(WHITEOUT)) {
            if (base === OPAQUE) {
                r.opaqueDirs.push((0,paths/* dirname */.pD)(path));
                r.stats.opaque++;
            }
            else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
                const dir = (0,paths/* dirname */.pD)(path);
                r.whiteouts.push(dir === '/' ? `/${base.slice(WHITEOUT.length)}` : `${dir}/${base.slice(WHITEOUT.length)}`);
                r.stats.whiteouts++;
            }
            return null;
        }
        if (raw.type === 'other') {
            this.#unknown(`unsupported tar entry type; ignored`, path);
            return null;
        }
        const entry = {
            path,
            type: raw.type,
            mode: raw.mode & 0o7777,
            uid: raw.uid,
            gid: raw.gid,
            size: raw.type === 'file' ? raw.size : 0,
            mtime: raw.mtime,
        };
        if (raw.type === 'symlink') {
            entry.linkTarget = raw.linkname;
            r.stats.symlinks++;
        }
        else if (raw.type === 'hardlink') {
            const target = (0,paths/* normalizeEntryName */.Lw)(raw.linkname);
            if (target === null) {
                this.#unknown(`hardlink target "${raw.linkname}" climbs out of the image root; ignored`, path);
                return null;
            }
            entry.linkTarget = target;
            r.stats.hardlinks++;
        }
        else if (raw.type === 'dir')
            r.stats.dirs++;
        else if (raw.type === 'file')
            r.stats.files++;
        // A later entry for the same path in the same layer replaces the earlier one.
        r.entries.delete(path);
        r.entries.set(path, entry);
        r.contents.delete(path);
        if (raw.type !== 'file' || this.matcher.empty)
            return null;
        const wanted = this.matcher.match(path, entry);
        if (wanted.length === 0)
            return null;
        return this.#capture(path, raw.size, wanted);
    }
    #capture(path, size, wanted) {
        const buffering = wanted.filter((c) => !c.request.sink);
        const sinks = wanted
            .filter((c) => c.request.sink)
            .map((c) => [c.request.id, c.request.sink(path)]);
        // The content is kept once for every buffering request, so the largest of their caps applies (each bounded by
        // the global cap, or by its own capBytes for package databases): a request with a small maxBytes must not
        // starve another request for the same file.
        const cap = Math.max(0, ...buffering.map((c) => Math.min(c.request.capBytes ?? this.maxFileBytes, c.request.maxBytes ?? Infinity)));
        let buffer = null;
        let filled = 0;
        let overCap = null;
        if (buffering.length > 0) {
            if (size > cap)
                overCap = `file is ${size} bytes, over the ${cap}-byte content cap (requested by ${buffering.map((c) => c.request.id).join(', ')})`;
            else
                buffer = Buffer.allocUnsafe(size);
        }
        const contents = this.result.contents;
        const layered = wanted.some((c) => c.request.everyLayer) ? { everyLayer: true } : {};
        return {
            data(chunk) {
                if (buffer) {
                    chunk.copy(buffer, filled);
                    filled += chunk.length;
                }
                for (const [, s] of sinks)
                    s.write(chunk);
            },
            end() {
                const sinkResults = sinks.length ? new Map(sinks.map(([id, s]) => [id, s.end()])) : undefined;
                if (buffer)
                    contents.set(path, { kind: 'content', data: buffer, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
                else if (overCap)
                    contents.set(path, { kind: 'unknown', reason: overCap, ...(sinkResults ? { sinks: sinkResults } : {}), ...layered });
                else if (sinkResults)
                    contents.set(path, { kind: 'sinks-only', sinks: sinkResults, ...layered });
            },
        };
    }
    #unknown(reason, path) {
        this.result.unknowns.push({ stage: 'image', reason, path, ...(this.layerDigest ? { layerDigest: this.layerDigest } : {}) });
    }
}

;// CONCATENATED MODULE: ./src/image/tar/tar-parser.ts
/**
 * A streaming tar parser: push chunks in, get entries out. Zero-copy for file data (sinks receive subarrays of
 * the chunks pushed in). Supports ustar, GNU long names/links ('L'/'K'), PAX extended headers ('x'/'g'),
 * base-256 sizes, and verifies each header's checksum. It never touches the disk.
 */
class TarFormatError extends Error {
    name = 'TarFormatError';
}
const BLOCK = 512;
const META_LIMIT = 1 << 20; // PAX and GNU long-name records larger than this are refused.
class TarParser {
    onEntry;
    #state = 'header';
    #header = Buffer.alloc(BLOCK);
    #headerFill = 0;
    #remaining = 0; // bytes of entry data still to come
    #padding = 0; // bytes of padding still to skip
    #sink = null;
    #meta = null;
    #globalPax = {};
    #nextPax = null;
    #nextLongName = null;
    #nextLongLink = null;
    #zeroBlocks = 0;
    #entries = 0;
    #offset = 0;
    constructor(onEntry) {
        this.onEntry = onEntry;
    }
    get entries() {
        return this.#entries;
    }
    /** True once the end-of-archive marker (two zero blocks) has been seen. */
    get done() {
        return this.#state === 'done';
    }
    push(chunk) {
        let pos = 0;
        const len = chunk.length;
        while (pos < len) {
            switch (this.#state) {
                case 'header': {
                    const take = Math.min(BLOCK - this.#headerFill, len - pos);
                    if (this.#headerFill === 0 && take === BLOCK) {
                        // Fast path: the whole header is inside this chunk.
                        this.#onHeader(chunk.subarray(pos, pos + BLOCK));
                    }
                    else {
                        chunk.copy(this.#header, this.#headerFill, pos, pos + take);
                        this.#headerFill += take;
                        if (this.#headerFill === BLOCK) {
                            this.#headerFill = 0;
                            this.#onHeader(this.#header);
                        }
                    }
                    pos += take;
                    this.#offset += take;
                    break;
                }
                case 'data':
                case 'meta': {
                    const take = Math.min(this.#remaining, len - pos);
                    const piece = chunk.subarray(pos, pos + take);
                    if (this.#state === 'data')
                        this.#sink?.data(piece);
                    else
                        this.#meta.parts.push(Buffer.from(piece));
                    this.#remaining -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#remaining === 0)
                        this.#finishEntry();
                    break;
                }
                case 'padding': {
                    const take = Math.min(this.#padding, len - pos);
                    this.#padding -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#padding === 0)
                        this.#state = 'header';
                    break;
                }
                case 'done':
                    // Anything after the end marker is ignored (tar writers pad to a record size).
                    return;
            }
        }
    }
    /** Call when the input ends. Throws when the archive stops in the middle of an entry. */
    end() {
        if (this.#state === 'done')
            return;
        if (this.#state === 'header' && this.#headerFill === 0 && this.#meta === null) {
            // Many writers omit the end marker or one of its blocks; a stream that ends on an entry boundary is complete.
            if (this.#entries === 0 && this.#zeroBlocks === 0 && this.#offset === 0) {
                throw new TarFormatError('empty input: not a tar archive');
            }
            this.#state = 'done';
            return;
        }
        const where = this.#state === 'data' || this.#state === 'meta' ? `${this.#remaining} bytes short of the end of an entry` : 'in the middle of a header';
        throw new TarFormatError(`truncated tar archive: input ended ${where} (at byte ${this.#offset})`);
    }
    #onHeader(block) {
        if (isZeroBlock(block)) {
            this.#zeroBlocks++;
            if (this.#zeroBlocks >= 2)
                this.#state = 'done';
            return;
        }
        this.#zeroBlocks = 0;
        verifyChecksum(block, this.#offset);
        const typeflag = block[156] === 0 ? '0' : String.fromCharCode(block[156]);
        const size = readNumber(block, 124, 12);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new TarFormatError(`invalid entry size at byte ${this.#offset}`);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > META_LIMIT)
                throw new TarFormatError(`tar extended header of ${size} bytes is too large`);
            this.#meta = { flag: typeflag, parts: [], size };
            this.#remaining = size;
            this.#state = size > 0 ? 'meta' : 'header';
            if (size === 0)
                this.#finishMeta();
            return;
        }
        const pax = this.#nextPax;
        const header = this.#parseHeader(block, typeflag, size, pax);
        this.#nextPax = null;
        this.#nextLongName = null;
        this.#nextLongLink = null;
        this.#entries++;
        // Only regular files carry data in practice; hardlinks/symlinks/dirs may declare a size, which is skipped.
        const dataSize = header.size;
        this.#sink = null;
        const sink = this.onEntry(header);
        if (header.type === 'file' || header.type === 'other')
            this.#sink = sink;
        else
            sink?.end();
        this.#remaining = dataSize;
        this.#padding = (BLOCK - (dataSize % BLOCK)) % BLOCK;
        if (dataSize === 0)
            this.#finishEntry();
        else
            this.#state = 'data';
    }
    #parseHeader(block, typeflag, size, pax) {
        const magic = block.toString('latin1', 257, 263);
        let name = readString(block, 0, 100);
        if (magic === 'ustar\0') {
            const prefix = readString(block, 345, 155);
            if (prefix)
                name = `${prefix}/${name}`;
        }
        let linkname = readString(block, 157, 100);
        const merged = pax || Object.keys(this.#globalPax).length ? { ...this.#globalPax, ...(pax ?? {}) } : null;
        if (this.#nextLongName !== null)
            name = this.#nextLongName;
        if (this.#nextLongLink !== null)
            linkname = this.#nextLongLink;
        let effectiveSize = size;
        let mtime = readNumber(block, 136, 12);
        let uid = readNumber(block, 108, 8);
        let gid = readNumber(block, 116, 8);
        if (merged) {
            if (merged.path !== undefined)
                name = merged.path;
            if (merged.linkpath !== undefined)
                linkname = merged.linkpath;
            if (merged.size !== undefined)
                effectiveSize = Number(merged.size);
            if (merged.mtime !== undefined)
                mtime = Math.floor(Number(merged.mtime));
            if (merged.uid !== undefined)
                uid = Number(merged.uid);
            if (merged.gid !== undefined)
                gid = Number(merged.gid);
            if (!Number.isSafeInteger(effectiveSize) || effectiveSize < 0)
                throw new TarFormatError(`invalid PAX size for "${name}"`);
        }
        return {
            name,
            type: typeOf(typeflag),
            typeflag,
            mode: readNumber(block, 100, 8),
            uid,
            gid,
            size: effectiveSize,
            mtime,
            linkname,
            uname: readString(block, 265, 32),
            gname: readString(block, 297, 32),
            devmajor: readNumber(block, 329, 8),
            devminor: readNumber(block, 337, 8),
            ...(merged ? { pax: merged } : {}),
        };
    }
    #finishEntry() {
        if (this.#state === 'meta') {
            this.#finishMeta();
            return;
        }
        this.#sink?.end();
        this.#sink = null;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
    #finishMeta() {
        const meta = this.#meta;
        this.#meta = null;
        const body = Buffer.concat(meta.parts);
        switch (meta.flag) {
            case 'x':
                this.#nextPax = { ...(this.#nextPax ?? {}), ...parsePax(body) };
                break;
            case 'g':
                Object.assign(this.#globalPax, parsePax(body));
                break;
            case 'L':
                this.#nextLongName = readString(body, 0, body.length);
                break;
            case 'K':
                this.#nextLongLink = readString(body, 0, body.length);
                break;
        }
        this.#padding = (BLOCK - (meta.size % BLOCK)) % BLOCK;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
}
function typeOf(flag) {
    switch (flag) {
        case '0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '3':
            return 'char';
        case '4':
            return 'block';
        case '5':
            return 'dir';
        case '6':
            return 'fifo';
        default:
            return 'other';
    }
}
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i += 4) {
        if (block.readUInt32LE(i) !== 0)
            return false;
    }
    return true;
}
function verifyChecksum(block, offset) {
    const stored = readNumber(block, 148, 8);
    // The checksum counts its own 8-byte field as spaces. Most writers use unsigned bytes; a few historic ones
    // used signed bytes, which is only worked out when the unsigned sum does not match.
    let unsigned = 0;
    for (let i = 0; i < BLOCK; i++)
        unsigned += block[i];
    for (let i = 148; i < 156; i++)
        unsigned += 32 - block[i];
    if (stored === unsigned)
        return;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 32 : block[i];
        signed += b > 127 ? b - 256 : b;
    }
    if (stored !== signed) {
        throw new TarFormatError(`not a tar archive, or a corrupt one: header checksum mismatch at byte ${offset}`);
    }
}
function readString(buf, start, length) {
    let end = start;
    const max = start + length;
    while (end < max && buf[end] !== 0)
        end++;
    return buf.toString('utf8', start, end);
}
function readNumber(buf, start, length) {
    const first = buf[start];
    if (first & 0x80) {
        // base-256: big-endian two's complement in the remaining bytes (positive values only in practice).
        let value = first & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + buf[i];
        return value;
    }
    let value = 0;
    let seen = false;
    for (let i = start; i < start + length; i++) {
        const c = buf[i];
        if (c === 0 || c === 32) {
            if (seen)
                break;
            continue;
        }
        if (c < 48 || c > 55)
            throw new TarFormatError(`not a tar archive, or a corrupt one: bad octal field`);
        value = value * 8 + (c - 48);
        seen = true;
    }
    return value;
}
function parsePax(body) {
    const out = {};
    let pos = 0;
    while (pos < body.length) {
        const space = body.indexOf(32, pos);
        if (space < 0)
            break;
        const len = Number(body.toString('latin1', pos, space));
        if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length)
            throw new TarFormatError('corrupt PAX extended header');
        const record = body.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/image/layer-reader.ts





/** The algorithm of a `sha256:`/`sha512:` digest; undefined for any other. */
function digestAlgorithmOf(digest) {
    const alg = digest?.slice(0, digest.indexOf(':'));
    return alg === 'sha256' || alg === 'sha512' ? alg : undefined;
}
/**
 * Reads one layer blob in one pass: sha256 of the stored bytes, decompression chosen by magic number (gzip, zstd
 * or none), sha256 of the tar, and the tar parsed into a LayerResult. Nothing is written to disk. Digest mismatches,
 * truncation and corrupt data are ImageErrors that name the layer.
 */
async function readLayer(blob, options) {
    const collector = new layer_collector_LayerCollector(options.matcher, options.maxFileBytes, options.layerDigest);
    const parser = new TarParser((h) => collector.add(h));
    const storedAlg = digestAlgorithmOf(options.expectedDigest) ?? options.digestAlgorithm ?? 'sha256';
    const tarAlg = digestAlgorithmOf(options.expectedDiffId) ?? 'sha256';
    const storedHash = (0,external_node_crypto_.createHash)(storedAlg);
    const tarHash = (0,external_node_crypto_.createHash)(tarAlg);
    let storedBytes = 0;
    const expectedSize = options.expectedSize;
    const overSize = () => {
        if (expectedSize !== undefined && storedBytes > expectedSize) {
            throw new errors/* ImageError */.C8(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob is longer`);
        }
    };
    let tarBytes = 0;
    let compression = 'none';
    const onTar = (chunk) => {
        tarHash.update(chunk);
        tarBytes += chunk.length;
        parser.push(chunk);
    };
    try {
        const it = blob[Symbol.asyncIterator]();
        let head = Buffer.alloc(0);
        // Gather at least 4 bytes to recognise the compression.
        while (head.length < 4) {
            const n = await it.next();
            if (n.done)
                break;
            const chunk = toBuffer(n.value);
            storedHash.update(chunk);
            storedBytes += chunk.length;
            overSize();
            head = head.length ? Buffer.concat([head, chunk]) : chunk;
        }
        compression = sniffCompression(head);
        const decompressor = createDecompressor(compression);
        if (!decompressor) {
            if (head.length)
                onTar(head);
            for (let n = await it.next(); !n.done; n = await it.next()) {
                throwIfAborted(options.signal);
                const chunk = toBuffer(n.value);
                storedHash.update(chunk);
                storedBytes += chunk.length;
                overSize();
                onTar(chunk);
            }
        }
        else {
            // The writer feeds the decompressor while this loop consumes its output. Async iteration lets zlib inflate
            // the next chunk (on the thread pool) while the main thread hashes and parses this one; the readable buffer
            // of the decompressor bounds the memory in between.
            const pump = (async () => {
                if (!decompressor.write(head))
                    await drained(decompressor);
                for (let n = await it.next(); !n.done; n = await it.next()) {
                    if (decompressor.destroyed)
                        return;
                    throwIfAborted(options.signal);
                    const chunk = toBuffer(n.value);
                    storedHash.update(chunk);
                    storedBytes += chunk.length;
                    overSize();
                    if (!decompressor.write(chunk))
                        await drained(decompressor);
                }
                decompressor.end();
            })();
            pump.catch((e) => decompressor.destroy(e));
            try {
                for await (const chunk of decompressor)
                    onTar(chunk);
            }
            catch (e) {
                decompressor.destroy();
                await pump.catch(() => { });
                throw e;
            }
            await pump;
        }
        parser.end();
    }
    catch (e) {
        blob.destroy();
        throw describeFailure(e, compression, options.label);
    }
    const digest = `${storedAlg}:${storedHash.digest('hex')}`;
    const diffId = `${tarAlg}:${tarHash.digest('hex')}`;
    if (expectedSize !== undefined && storedBytes !== expectedSize) {
        throw new errors/* ImageError */.C8(`size mismatch for ${options.label}: the manifest says ${expectedSize} bytes but the blob has ${storedBytes}`);
    }
    if (options.expectedDigest && options.expectedDigest !== digest) {
        throw new errors/* ImageError */.C8(`digest mismatch for ${options.label}: the manifest says ${options.expectedDigest} but the blob's content hashes to ${digest}`);
    }
    if (options.expectedDiffId && options.expectedDiffId !== diffId) {
        throw new errors/* ImageError */.C8(`diff_id mismatch for ${options.label}: the config says ${options.expectedDiffId} but the uncompressed layer hashes to ${diffId}`);
    }
    return { ...collector.result, digest, diffId, compression, storedBytes, tarBytes };
}
function toBuffer(chunk) {
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}
function drained(stream) {
    return new Promise((resolve, reject) => {
        const onDrain = () => {
            stream.off('error', onError);
            resolve();
        };
        const onError = (e) => {
            stream.off('drain', onDrain);
            reject(e);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
    });
}
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
function describeFailure(e, compression, label) {
    if (e instanceof errors/* ImageError */.C8 || e instanceof errors/* RemoteError */.Hi)
        return e;
    const msg = e?.message ?? String(e);
    if (e instanceof TarFormatError)
        return new errors/* ImageError */.C8(`${label}: ${msg}`, { cause: e });
    const code = e.code;
    if (code === 'Z_BUF_ERROR' || /unexpected (end|EOF)/i.test(msg)) {
        return new errors/* ImageError */.C8(`${label}: truncated ${compression} data (${msg})`, { cause: e });
    }
    if (code?.startsWith('Z_') || code?.startsWith('ZSTD_') || /zstd/i.test(msg)) {
        return new errors/* ImageError */.C8(`${label}: corrupt ${compression} data (${msg})`, { cause: e });
    }
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
        return new errors/* ImageError */.C8(`${label}: ${msg}`, { cause: e });
    if (e?.name === 'AbortError')
        return e;
    return e instanceof Error ? e : new Error(msg);
}

// EXTERNAL MODULE: ./src/image/schemas/image-schemas.ts
var image_schemas = __webpack_require__(85246);
;// CONCATENATED MODULE: ./src/image/archive-reader.ts









/** Entries up to this size are kept in memory (manifests, configs, tiny layers); larger ones stream as layers. */
const SMALL_ENTRY = 1 << 20;
/** Checks a layer read from an archive against what the manifest (size, digest) and the config (diff_id) say. */
function checkLayerAgainst(expect, result, label) {
    if (expect.size !== undefined && expect.size !== result.storedBytes) {
        throw new errors/* ImageError */.C8(`size mismatch for ${label}: the manifest says ${expect.size} bytes but the blob has ${result.storedBytes}`);
    }
    if (expect.digest && expect.digest !== result.digest) {
        throw new errors/* ImageError */.C8(`digest mismatch for ${label}: the manifest says ${expect.digest} but the blob's content hashes to ${result.digest}`);
    }
    if (expect.diffId !== result.diffId) {
        throw new errors/* ImageError */.C8(`diff_id mismatch for ${label}: the config says ${expect.diffId} but the uncompressed layer hashes to ${result.diffId}`);
    }
}
/**
 * Reads a whole image archive (`docker save` output in the legacy or the Docker ≥25 layout, or an OCI layout
 * tar) in one pass, whatever the order of its entries. Large entries are read as layers while they stream, keyed
 * by their entry name; small ones are kept. Once the archive ends, the manifest says which candidates are the
 * image's layers and in what order; their digests and diff_ids are checked then.
 */
async function readImageArchive(input, options) {
    const small = new Map();
    const links = new Map();
    const candidates = new Map();
    const pending = [];
    let sawAnyEntry = false;
    let backpressure = null;
    const parser = new TarParser((h) => {
        sawAnyEntry = true;
        const name = (0,paths/* normalizeEntryName */.Lw)(h.name);
        if (name === null)
            return null;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? (0,paths/* resolveLinkTarget */.w0)(name, h.linkname) : (0,paths/* normalizeEntryName */.Lw)(h.linkname);
            if (target)
                links.set(name, target);
            return null;
        }
        if (h.type !== 'file')
            return null;
        if (h.size <= SMALL_ENTRY) {
            const buf = Buffer.allocUnsafe(h.size);
            let filled = 0;
            return {
                data(chunk) {
                    chunk.copy(buf, filled);
                    filled += chunk.length;
                },
                end() {
                    small.set(name, buf);
                },
            };
        }
        const stream = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        stream.on('error', () => { }); // the candidate's own promise carries the failure
        const promise = readLayer(stream, {
            // A content-named blob is hashed with its own algorithm (`blobs/sha512/<hex>`).
            digestAlgorithm: name.startsWith('/blobs/sha512/') ? 'sha512' : 'sha256',
            matcher: options.matcher,
            maxFileBytes: options.maxFileBytes,
            label: `${options.label}: ${name.slice(1)}`,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        // A candidate that is not a layer (an attestation, say) may fail to parse; that only matters if it is used.
        promise.catch(() => { });
        candidates.set(name, { promise });
        pending.push(promise.catch(() => { }));
        return {
            data(chunk) {
                if (!stream.destroyed && !stream.write(chunk))
                    backpressure = stream;
            },
            end() {
                stream.end();
            },
        };
    });
    try {
        for await (const chunk of input) {
            if (options.signal?.aborted)
                throw options.signal.reason;
            parser.push(chunk);
            const bp = backpressure;
            if (bp) {
                backpressure = null;
                if (!bp.destroyed)
                    await drainedOrClosed(bp);
            }
            if (parser.done)
                break;
        }
        parser.end();
    }
    catch (e) {
        if (e instanceof TarFormatError) {
            const what = sawAnyEntry ? e.message : `not an image archive (${e.message})`;
            throw new errors/* ImageError */.C8(`${options.label}: ${what}`, { cause: e });
        }
        throw e;
    }
    await Promise.all(pending);
    const resolveName = (name) => {
        let n = name;
        for (let i = 0; i < 16 && links.has(n); i++)
            n = links.get(n);
        return n;
    };
    const layerResult = async (entryName, expect, index) => {
        const name = resolveName((0,paths/* normalizeEntryName */.Lw)(entryName) ?? entryName);
        const label = `${options.label}: layer ${index} (${entryName})`;
        let result;
        const candidate = candidates.get(name);
        if (candidate) {
            result = await candidate.promise.catch((e) => {
                throw e instanceof errors/* ImageError */.C8 ? new errors/* ImageError */.C8(e.message.replace(`${options.label}: ${name.slice(1)}`, label), { cause: e }) : e;
            });
        }
        else {
            const buf = small.get(name);
            if (!buf)
                throw new errors/* ImageError */.C8(`${options.label}: layer ${index} (${entryName}) is missing from the archive`);
            result = await readLayer(external_node_stream_.Readable.from([buf]), {
                ...(expect.digest ? { expectedDigest: expect.digest } : {}),
                matcher: options.matcher,
                maxFileBytes: options.maxFileBytes,
                label,
                ...(options.signal ? { signal: options.signal } : {}),
            });
        }
        checkLayerAgainst(expect, result, label);
        return result;
    };
    const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
    if (isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive')) {
        return fromOciLayout(small, resolveName, layerResult, options);
    }
    if (small.has('/manifest.json'))
        return fromDockerManifest(small, resolveName, layerResult, options);
    if (!sawAnyEntry)
        throw new errors/* ImageError */.C8(`${options.label}: empty archive`);
    throw new errors/* ImageError */.C8(`${options.label}: not an image archive (no manifest.json, and no index.json with oci-layout)`);
}
async function fromOciLayout(small, resolveName, layerResult, options) {
    const resolved = await resolveOciLayout({
        indexJson: small.get('/index.json'),
        store: { get: async (digest) => small.get(resolveName(`/${blobPath(digest)}`)) },
        ...(options.refName !== undefined ? { refName: options.refName } : {}),
        platform: options.platform,
        label: options.label,
    });
    const metadata = (0,image_manifest/* buildMetadata */.KP)({
        reference: options.reference,
        source: options.source,
        manifest: resolved.manifest,
        manifestDigest: resolved.manifestDigest,
        manifestMediaType: resolved.manifestMediaType,
        ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
        config: resolved.config,
    });
    const layers = [];
    for (const l of metadata.layers)
        layers.push(await layerResult(`/${blobPath(l.digest)}`, { digest: l.digest, diffId: l.diffId, size: l.size }, l.index));
    return { metadata, layers };
}
async function fromDockerManifest(small, resolveName, layerResult, options) {
    const what = `${options.label}: manifest.json`;
    const entries = (0,json/* parseJson */.qF)(small.get('/manifest.json'), { what, errorClass: errors/* ImageError */.C8 });
    (0,json/* assertShape */.kl)(image_schemas/* checkDockerArchiveManifestShape */.tR, entries, what, errors/* ImageError */.C8);
    if (entries.length === 0)
        throw new errors/* ImageError */.C8(`${options.label}: manifest.json lists no images`);
    let entry;
    if (options.refName) {
        entry = entries.find((e) => (e.RepoTags ?? []).some((t) => t === options.refName || t.endsWith(`/${options.refName}`) || t === `docker.io/library/${options.refName}`));
        if (!entry)
            throw new errors/* ImageError */.C8(`${options.label} has no image tagged "${options.refName}"; tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ') || '(none)'}`);
    }
    else if (entries.length === 1)
        entry = entries[0];
    else
        throw new errors/* ImageError */.C8(`${options.label} holds ${entries.length} images; name one by appending :TAG to the reference (tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ')})`);
    const e = entry;
    if (typeof e.Config !== 'string' || !Array.isArray(e.Layers))
        throw new errors/* ImageError */.C8(`${options.label}: manifest.json entry has no Config or Layers`);
    const configName = resolveName((0,paths/* normalizeEntryName */.Lw)(e.Config) ?? e.Config);
    const configBytes = small.get(configName);
    if (!configBytes)
        throw new errors/* ImageError */.C8(`${options.label}: config ${e.Config} is missing from the archive`);
    const config = (0,image_manifest/* parseConfig */.o4)(configBytes, `${options.label}: config ${e.Config}`);
    const configNamed = namedDigest(e.Config);
    const configDigest = digestOf(configBytes, configNamed?.startsWith('sha512:') ? 'sha512' : 'sha256');
    if (configNamed && configNamed !== configDigest) {
        throw new errors/* ImageError */.C8(`${options.label}: digest mismatch for config ${e.Config}: its content hashes to ${configDigest}`);
    }
    if (config.rootfs.diff_ids.length !== e.Layers.length) {
        throw new errors/* ImageError */.C8(`${options.label}: the config lists ${config.rootfs.diff_ids.length} diff_ids but manifest.json has ${e.Layers.length} layers`);
    }
    const layers = [];
    for (let i = 0; i < e.Layers.length; i++) {
        const digest = namedDigest(e.Layers[i]);
        layers.push(await layerResult(e.Layers[i], { ...(digest ? { digest } : {}), diffId: config.rootfs.diff_ids[i] }, i));
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: image_manifest/* MediaTypes */.mI.dockerManifest,
        config: { mediaType: image_manifest/* MediaTypes */.mI.dockerConfig, digest: configDigest, size: configBytes.length },
        layers: layers.map((l) => ({
            mediaType: l.compression === 'gzip' ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : l.compression === 'zstd' ? 'application/vnd.docker.image.rootfs.diff.tar.zstd' : 'application/vnd.docker.image.rootfs.diff.tar',
            digest: l.digest,
            size: l.storedBytes,
        })),
    };
    const metadata = (0,image_manifest/* buildMetadata */.KP)({
        reference: options.reference,
        source: options.source,
        manifest,
        config,
        repoTags: e.RepoTags ?? [],
    });
    return { metadata, layers };
}
function drainedOrClosed(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.once('drain', done);
        stream.once('close', done);
    });
}
const CONTENT_NAMED_BLOB = /^\/?blobs\/(sha256\/[0-9a-f]{64}|sha512\/[0-9a-f]{128})$/;
/** Docker ≥25 names its blobs by content (`blobs/sha256/<hex>`): such a name is a digest to check. */
function namedDigest(name) {
    const m = CONTENT_NAMED_BLOB.exec(name);
    return m ? m[1].replace('/', ':') : undefined;
}

;// CONCATENATED MODULE: ./src/image/sources/archive-index.ts








/**
 * An image archive that is a regular file on disk (`docker-archive:`, `oci-archive:`, a bare path): with a layer
 * cache, it is read by offsets (its members indexed from their headers alone) instead of streamed whole.
 */
const ARCHIVE_FILE = Symbol('portcullis.archive-file');
/** The path of an archive file, when the archive is one. */
function archiveFileOf(opened) {
    const path = opened[ARCHIVE_FILE];
    return typeof path === 'string' ? path : undefined;
}
/** Bytes read from archive files by this module (headers, JSON members, layer bodies), for tests and benchmarks. */
let bytesReadTotal = 0;
function archiveBytesRead() {
    return bytesReadTotal;
}
const archive_index_BLOCK = 512;
const ZEROS = Buffer.alloc(1 << 20);
/**
 * Indexes an uncompressed tar file by reading only its headers (and its PAX / GNU long-name records) through the
 * project's TarParser; each member's body is skipped, not read: the parser is advanced over it with zeros it never
 * hands to anyone. Undefined when the file is not a plain tar this index can stand for (compressed, truncated, corrupt,
 * a name stored twice): the caller then streams it as before, which gives the same errors as ever.
 */
function indexArchiveFile(fd) {
    const size = (0,external_node_fs_.fstatSync)(fd).size;
    const members = new Map();
    const links = new Map();
    const block = Buffer.alloc(archive_index_BLOCK);
    let pos = 0;
    let skip = 0;
    let usable = true;
    const parser = new TarParser((h) => {
        skip = h.size + ((archive_index_BLOCK - (h.size % archive_index_BLOCK)) % archive_index_BLOCK);
        const name = (0,paths/* normalizeEntryName */.Lw)(h.name);
        if (name === null)
            return null;
        if (members.has(name) || links.has(name))
            usable = false;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? (0,paths/* resolveLinkTarget */.w0)(name, h.linkname) : (0,paths/* normalizeEntryName */.Lw)(h.linkname);
            if (target)
                links.set(name, target);
        }
        else if (h.type === 'file')
            members.set(name, { offset: pos, size: h.size });
        return null;
    });
    try {
        while (!parser.done && usable) {
            const n = (0,external_node_fs_.readSync)(fd, block, 0, archive_index_BLOCK, pos);
            bytesReadTotal += n;
            if (n === 0)
                break;
            pos += n;
            parser.push(n === archive_index_BLOCK ? block : block.subarray(0, n));
            if (skip > 0) {
                if (pos + skip > size)
                    return undefined; // a body past the end: the streaming read reports the truncation
                for (let left = skip; left > 0; left -= ZEROS.length)
                    parser.push(left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left));
                pos += skip;
                skip = 0;
            }
        }
        parser.end();
    }
    catch (e) {
        if (e instanceof TarFormatError)
            return undefined;
        throw e;
    }
    return usable && members.size > 0 ? { members, links, size } : undefined;
}
/**
 * Reads an archive file with a layer cache: its members are indexed from their headers, manifest.json / index.json
 * and the config are read from their offsets and checked as the streaming reader checks them (the same code), each
 * layer is looked up by its diff_id, and only the layers the cache lacks are read (by offset range; digest, size and
 * diff_id verified) and written to it. Undefined when the file cannot be read so (see indexArchiveFile): stream it.
 */
async function readIndexedArchive(path, session, options) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const index = indexArchiveFile(fd);
        if (!index)
            return undefined;
        const resolveName = (name) => {
            let n = name;
            for (let i = 0; i < 16 && index.links.has(n); i++)
                n = index.links.get(n);
            return n;
        };
        const small = new SmallMembers(fd, index);
        const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
        const useOci = isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive');
        if (!useOci && !small.has('/manifest.json'))
            return undefined; // not an image archive: the streaming read says so
        const cached = new Set();
        const layerResult = async (entryName, expect, i) => {
            const name = resolveName((0,paths/* normalizeEntryName */.Lw)(entryName) ?? entryName);
            const label = `${options.label}: layer ${i} (${entryName})`;
            const member = index.members.get(name);
            if (!member)
                throw new errors/* ImageError */.C8(`${options.label}: layer ${i} (${entryName}) is missing from the archive`);
            const compression = sniffMember(fd, member);
            // The blob's digest, known without reading it: named by the manifest (OCI, Docker ≥25), or for an uncompressed
            // layer (legacy `docker save`) its diff_id.
            const digest = expect.digest ?? (compression === 'none' ? expect.diffId : undefined);
            const layer = { index: i, digest: digest ?? '', diffId: expect.diffId, mediaType: mediaTypeOf(compression), size: member.size };
            if (digest !== undefined && (expect.size === undefined || expect.size === member.size)) {
                const hit = await session.lookup(layer);
                if (hit && (compression !== 'none' || hit.tarBytes === member.size)) {
                    cached.add(i);
                    return hit;
                }
            }
            const result = await readLayer(memberStream(path, member), {
                ...(member.size <= SMALL_ENTRY && expect.digest ? { expectedDigest: expect.digest } : { digestAlgorithm: name.startsWith('/blobs/sha512/') ? 'sha512' : 'sha256' }),
                matcher: options.matcher,
                maxFileBytes: options.maxFileBytes,
                label,
                ...(options.signal ? { signal: options.signal } : {}),
            });
            checkLayerAgainst(expect, result, label);
            session.save({ ...layer, digest: result.digest, size: result.storedBytes }, result);
            return result;
        };
        const readOptions = {
            label: options.label,
            reference: options.reference,
            source: options.source,
            ...(options.refName !== undefined ? { refName: options.refName } : {}),
            platform: options.platform,
            matcher: options.matcher,
            maxFileBytes: options.maxFileBytes,
            ...(options.signal ? { signal: options.signal } : {}),
        };
        const read = useOci ? await fromOciLayout(small, resolveName, layerResult, readOptions) : await fromDockerManifest(small, resolveName, layerResult, readOptions);
        return { ...read, cached };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * The archive's small members (at most SMALL_ENTRY bytes, as the streaming reader keeps them), read from their
 * offsets when first asked for: the JSON documents the manifest code looks up, never a layer it does not ask for.
 */
class SmallMembers extends Map {
    #fd;
    #index;
    constructor(fd, index) {
        super();
        this.#fd = fd;
        this.#index = index;
    }
    has(name) {
        const m = this.#index.members.get(name);
        return m !== undefined && m.size <= SMALL_ENTRY;
    }
    get(name) {
        if (super.has(name))
            return super.get(name);
        const m = this.#index.members.get(name);
        if (!m || m.size > SMALL_ENTRY)
            return undefined;
        const buf = Buffer.alloc(m.size);
        let filled = 0;
        while (filled < m.size) {
            const n = (0,external_node_fs_.readSync)(this.#fd, buf, filled, m.size - filled, m.offset + filled);
            if (n === 0)
                throw new errors/* ImageError */.C8(`archive member ${name.slice(1)} ends early`);
            filled += n;
        }
        bytesReadTotal += filled;
        super.set(name, buf);
        return buf;
    }
}
/** The compression of a member, from its first 4 bytes (all that is read of a cached layer). */
function sniffMember(fd, member) {
    const head = Buffer.alloc(Math.min(4, member.size));
    const n = head.length > 0 ? (0,external_node_fs_.readSync)(fd, head, 0, head.length, member.offset) : 0;
    bytesReadTotal += n;
    return sniffCompression(head.subarray(0, n));
}
function mediaTypeOf(compression) {
    return compression === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : compression === 'zstd' ? 'application/vnd.oci.image.layer.v1.tar+zstd' : 'application/vnd.oci.image.layer.v1.tar';
}
/** A member's body as a stream, counted. */
function memberStream(path, member) {
    if (member.size === 0)
        return external_node_stream_.Readable.from([Buffer.alloc(0)]);
    const stream = (0,external_node_fs_.createReadStream)(path, { highWaterMark: 256 * 1024, start: member.offset, end: member.offset + member.size - 1 });
    return external_node_stream_.Readable.from((async function* counted() {
        for await (const chunk of stream) {
            bytesReadTotal += chunk.length;
            yield chunk;
        }
    })(), { objectMode: false });
}

;// CONCATENATED MODULE: ./src/image/sources/archive-file.ts



/** `docker-archive:PATH[:TAG]`: `docker save` output, legacy or Docker ≥25 layout, read in one pass. */
const dockerArchiveSource = {
    id: 'docker-archive',
    version: 0,
    schemes: ['docker-archive'],
    description: 'a `docker save` tarball (legacy or Docker ≥25 layout): docker-archive:PATH[:TAG]',
    open: (ref) => openArchive(ref.location, ref.raw, 'docker-archive', 'docker archive'),
};
/** `oci-archive:PATH[:REF]`: a tar of an OCI image layout, read in one pass. */
const ociArchiveSource = {
    id: 'oci-archive',
    version: 0,
    schemes: ['oci-archive'],
    description: 'a tar of an OCI image layout: oci-archive:PATH[:REF]',
    open: (ref) => openArchive(ref.location, ref.raw, 'oci-archive', 'OCI archive'),
};
async function openArchive(location, raw, source, what) {
    const { path, ref } = splitPathAndRef(location, pathExists);
    await statInput(path, 'file', what);
    const archive = {
        kind: 'archive',
        label: `${what} ${path}`,
        reference: raw,
        source,
        ...(ref !== undefined ? { refName: ref } : {}),
        open: async () => fileStream(path),
        close: async () => { },
    };
    // A file on disk can be read by offsets: with a layer cache, only the layers it lacks are read (archive-index.ts).
    return Object.assign(archive, { [ARCHIVE_FILE]: path });
}

// EXTERNAL MODULE: ./src/image/registry/reference.ts
var registry_reference = __webpack_require__(42388);
;// CONCATENATED MODULE: ./src/image/sources/registry.ts



/** Configs above this size are refused. */
const MAX_CONFIG_BYTES = 16 << 20;
const MAX_INDEX_DEPTH = 4;
/** `registry:NAME`: an image pulled over the OCI distribution API v2 (Docker v2 and OCI manifests and indexes). */
const registrySource = {
    id: 'registry',
    version: 0,
    schemes: ['registry'],
    requires: ['network', 'registry'],
    description: 'an image in a registry (OCI distribution API v2): registry:[HOST/]REPOSITORY[:TAG][@DIGEST]',
    open: (ref, options, signal) => openRegistryImage(ref.location, ref.raw, options, { signal }),
};
/** Opens `name` in its registry; `retryBaseMs` is for tests that exercise retries. */
async function openRegistryImage(location, reference, options, extra = {}) {
    const name = (0,registry_reference/* parseRegistryName */.O8)(location);
    // Imported on the first open: the HTTP client (undici) is memory that reading a local image would hold for nothing.
    const { connectRegistry } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89100));
    const client = await connectRegistry(name, { ...options, ...(extra.retryBaseMs !== undefined ? { retryBaseMs: extra.retryBaseMs } : {}) });
    try {
        const resolved = await resolveManifest(client, name, options.platform ?? (0,image_manifest/* hostPlatform */.ol)(), extra.signal);
        const configBytes = await client.getBlobBytes(resolved.manifest.config.digest, MAX_CONFIG_BYTES, 'config', extra.signal);
        checkSize(configBytes, resolved.manifest.config.size, `config ${resolved.manifest.config.digest} from ${client.where}`);
        const config = (0,image_manifest/* parseConfig */.o4)(configBytes, `${(0,registry_reference/* formatRegistryName */.sM)(name)}: config ${resolved.manifest.config.digest}`);
        const topDigest = resolved.indexDigest ?? resolved.manifestDigest;
        const metadata = (0,image_manifest/* buildMetadata */.KP)({
            reference,
            source: 'registry',
            manifest: resolved.manifest,
            manifestDigest: resolved.manifestDigest,
            manifestMediaType: resolved.mediaType,
            ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
            config,
            repoTags: name.tag && !name.digest ? [`${name.registry}/${name.repository}:${name.tag}`] : [],
            repoDigests: [`${name.registry}/${name.repository}@${topDigest}`],
        });
        return {
            kind: 'layered',
            metadata,
            blob: (layer, signal) => client.openBlob(layer.digest, `layer ${layer.index}`, signal ?? extra.signal),
            close: () => client.close(),
        };
    }
    catch (e) {
        await client.close();
        throw e;
    }
}
/** Fetches the named manifest; an index is resolved to the platform's manifest (attestations skipped). */
async function resolveManifest(client, name, platform, signal) {
    let reference = (0,registry_reference/* manifestReference */.Tn)(name);
    let indexDigest;
    let declared;
    let declaredSize;
    for (let depth = 0;; depth++) {
        const fetched = await client.getManifest(reference, image_manifest/* ACCEPTED_MANIFEST_TYPES */.ke, signal);
        const shown = depth === 0 ? (0,registry_reference/* formatRegistryName */.sM)(name) : `${name.registry}/${name.repository}@${reference}`;
        checkSize(fetched.bytes, declaredSize, `manifest ${shown}`);
        const parsed = (0,image_manifest/* parseManifest */.Ng)(fetched.bytes, fetched.contentType ?? declared, `manifest ${shown}`);
        if (fetched.advertised && fetched.advertised.split(':')[0] === fetched.digest.split(':')[0] && fetched.advertised !== fetched.digest) {
            throw new errors/* ImageError */.C8(`digest mismatch for manifest ${shown}: ${client.where} says its digest is ${fetched.advertised} but the content hashes to ${fetched.digest}`);
        }
        if (parsed.kind === 'manifest') {
            return { manifest: parsed.manifest, manifestDigest: fetched.digest, mediaType: parsed.mediaType, ...(indexDigest ? { indexDigest } : {}) };
        }
        if (depth >= MAX_INDEX_DEPTH)
            throw new errors/* ImageError */.C8(`${shown}: indexes nested too deeply`);
        const chosen = (0,image_manifest/* selectPlatform */.md)(parsed.index, platform, `index ${shown}`);
        indexDigest ??= fetched.digest;
        reference = chosen.digest;
        declared = chosen.mediaType;
        declaredSize = chosen.size;
    }
}
/** A blob whose length differs from its descriptor's `size` is refused (OCI image-spec descriptor.md). */
function checkSize(bytes, size, what) {
    if (size !== undefined && bytes.length !== size) {
        throw new errors/* ImageError */.C8(`size mismatch for ${what}: its descriptor says ${size} bytes but it has ${bytes.length}`);
    }
}

;// CONCATENATED MODULE: ./src/image/sources/docker-daemon.ts


const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
const DEFAULT_TIMEOUT_MS = 60_000;
/** Reads DOCKER_HOST (`unix:///path`, `tcp://host:port`); the default socket when it is unset. */
function daemonEndpoint(env) {
    const host = env.DOCKER_HOST?.trim();
    if (!host)
        return { kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, label: `unix://${DEFAULT_DOCKER_SOCKET}` };
    if (host.startsWith('unix://')) {
        const socketPath = host.slice('unix://'.length);
        if (!socketPath.startsWith('/'))
            throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" must name an absolute socket path, e.g. unix:///var/run/docker.sock`);
        return { kind: 'unix', socketPath, label: host };
    }
    if (host.startsWith('tcp://') || host.startsWith('http://')) {
        if (env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0') {
            throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" with DOCKER_TLS_VERIFY (TLS to the daemon) is not supported; use a unix socket`);
        }
        const url = new URL(host.replace(/^tcp:/, 'http:'));
        return { kind: 'tcp', origin: url.origin, label: host };
    }
    throw new errors/* ConfigurationError */.j1(`DOCKER_HOST "${host}" is not supported; use unix:///path/to/docker.sock or tcp://host:port`);
}
/** `docker:NAME`: an image in a Docker Engine (or podman's Docker-compatible API), exported with `GET /images/{name}/get`. */
const dockerDaemonSource = {
    id: 'docker',
    version: 0,
    schemes: ['docker'],
    requires: ['daemon'],
    description: 'an image in the Docker daemon named by DOCKER_HOST (a podman socket works too): docker:NAME[:TAG]',
    open: (ref, options, signal) => openDaemonImage(ref.location, ref.raw, options, signal),
};
async function openDaemonImage(name, reference, options, signal) {
    const imageName = name.trim();
    if (imageName === '' || /[\s?#]/.test(imageName) || imageName.split('/').some((p) => p === '..' || p === '.' || p === '')) {
        throw new errors/* ConfigurationError */.j1(`invalid image name "${name}" for the Docker daemon`);
    }
    const endpoint = daemonEndpoint(options.env);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Imported on the first open: the HTTP client is memory that reading a local image would hold for nothing.
    const { Agent, errors: undiciErrors, request } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
    const daemonError = (e, at, what, ms) => daemonErrorOf(undiciErrors, e, at, what, ms);
    const agent = new Agent({
        connect: endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath, timeout: timeoutMs } : { timeout: timeoutMs },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
    });
    const origin = endpoint.kind === 'unix' ? 'http://localhost' : endpoint.origin;
    // as the docker CLI sends it: slashes, colons and @ kept, anything else escaped
    const path = `/images/${imageName
        .split('/')
        .map((p) => encodeURIComponent(p).replace(/%3A/gi, ':').replace(/%40/g, '@'))
        .join('/')}`;
    let identity;
    const call = async (p, what) => {
        try {
            return await request(`${origin}${p}`, { dispatcher: agent, method: 'GET', ...(signal ? { signal } : {}) });
        }
        catch (e) {
            throw daemonError(e, endpoint, what, timeoutMs);
        }
    };
    try {
        const ping = await call('/_ping', 'ping');
        const pingBody = await ping.body.text().catch(() => '');
        if (ping.statusCode !== 200) {
            throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} answered HTTP ${ping.statusCode} to /_ping${pingBody ? `: ${pingBody.trim().slice(0, 200)}` : ''}`, {
                status: ping.statusCode,
            });
        }
        const inspect = await call(`${path}/json`, `inspecting image ${imageName}`);
        const inspectText = await inspect.body.text().catch(() => '');
        if (inspect.statusCode === 404) {
            throw new errors/* RemoteError */.Hi(`image "${imageName}" not found in the Docker daemon at ${endpoint.label}`, { status: 404 });
        }
        if (inspect.statusCode !== 200) {
            throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} answered HTTP ${inspect.statusCode} for image "${imageName}"${apiMessage(inspectText)}`, { status: inspect.statusCode });
        }
        options.logger.debug(`docker: image ${imageName} found in the daemon at ${endpoint.label}`);
        identity = identityOf(inspectText);
    }
    catch (e) {
        await agent.destroy().catch(() => { });
        throw e;
    }
    let opened = false;
    return {
        kind: 'archive',
        label: `docker image ${imageName} (daemon at ${endpoint.label})`,
        reference,
        source: 'docker',
        ...(identity ? { identity } : {}),
        async open(openSignal) {
            if (opened)
                throw new Error('a docker image archive can only be opened once');
            opened = true;
            let res;
            try {
                res = await request(`${origin}${path}/get`, { dispatcher: agent, method: 'GET', ...((openSignal ?? signal) ? { signal: openSignal ?? signal } : {}) });
            }
            catch (e) {
                throw daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs);
            }
            if (res.statusCode !== 200) {
                const text = await res.body.text().catch(() => '');
                throw new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} could not export image "${imageName}" (HTTP ${res.statusCode})${apiMessage(text)}`, { status: res.statusCode });
            }
            const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
            res.body.on('error', (e) => out.destroy(daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs)));
            out.on('close', () => {
                if (!res.body.destroyed)
                    res.body.destroy();
            });
            res.body.pipe(out);
            return out;
        },
        close: () => agent.destroy().catch(() => { }),
    };
}
const docker_daemon_DIGEST = /^sha(256:[0-9a-f]{64}|512:[0-9a-f]{128})$/;
/** The image id and the layers' diff_ids from `GET /images/{name}/json`, when the answer has them well-formed. */
function identityOf(inspectText) {
    try {
        const doc = JSON.parse(inspectText);
        const layers = doc.RootFS?.Layers;
        const id = typeof doc.Id === 'string' && /^[0-9a-f]{64}$/.test(doc.Id) ? `sha256:${doc.Id}` : doc.Id;
        if (typeof id !== 'string' || !docker_daemon_DIGEST.test(id) || !Array.isArray(layers) || layers.length === 0)
            return undefined;
        if (!layers.every((l) => typeof l === 'string' && docker_daemon_DIGEST.test(l)))
            return undefined;
        return { imageId: id, diffIds: layers };
    }
    catch {
        return undefined;
    }
}
function apiMessage(text) {
    try {
        const doc = JSON.parse(text);
        if (typeof doc.message === 'string')
            return `: ${doc.message.slice(0, 300)}`;
    }
    catch {
        // not JSON
    }
    return text.trim() ? `: ${text.trim().split('\n')[0].slice(0, 200)}` : '';
}
function daemonErrorOf(undiciErrors, e, endpoint, what, timeoutMs) {
    if (e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi)
        return e;
    if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError) {
        return new errors/* RemoteError */.Hi(`the Docker daemon at ${endpoint.label} did not answer within ${timeoutMs / 1000} s (${what})`, { cause: e });
    }
    const code = e.code ?? e.cause?.code;
    if (code === 'ENOENT') {
        return new errors/* RemoteError */.Hi(`no Docker daemon at ${endpoint.label}: the socket does not exist; start the daemon, or point DOCKER_HOST at its socket`, { cause: e });
    }
    if (code === 'ECONNREFUSED')
        return new errors/* RemoteError */.Hi(`no Docker daemon at ${endpoint.label}: the connection was refused`, { cause: e });
    if (code === 'EACCES')
        return new errors/* RemoteError */.Hi(`no access to the Docker daemon at ${endpoint.label}: permission denied on the socket`, { cause: e });
    return new errors/* RemoteError */.Hi(`cannot talk to the Docker daemon at ${endpoint.label} (${what}): ${code ? `${code}: ` : ''}${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
}

;// CONCATENATED MODULE: ./src/image/list.ts





/** Every image source. A bare name (no scheme) tries BARE_NAME_ORDER in turn. */
const IMAGE_SOURCES = [ociDirSource, ociArchiveSource, dockerArchiveSource, registrySource, dockerDaemonSource];
const imageSourceRegistry = new registry/* Registry */.O('image source', IMAGE_SOURCES);
/** Sources tried, in order, for a reference without a scheme. */
const BARE_NAME_ORDER = ['docker', 'registry'];

// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
;// CONCATENATED MODULE: ./src/image/directory.ts







/**
 * A FileView of a directory on disk, as a one-layer image. For cataloger tests on real package databases, and
 * for the `dir:` scan of an unpacked root file system. Symlinks are recorded, never followed on the host.
 */
async function viewFromDirectory(root, options = {}) {
    const rootStat = await lstat(root).catch((e) => {
        throw new ImageError(`cannot read directory ${root}: ${e.message}`, { cause: e });
    });
    if (!rootStat.isDirectory())
        throw new ImageError(`${root} is not a directory`);
    const collector = new LayerCollector(new RequestMatcher(options.requests ?? []), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, undefined);
    await walk(root, '', collector);
    const metadata = {
        reference: `dir:${root}`,
        source: 'dir',
        configDigest: '',
        platform: { os: 'linux', architecture: 'unknown' },
        layers: [{ index: 0, digest: '', diffId: '', mediaType: 'directory', size: 0 }],
        config: { architecture: 'unknown', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
        repoTags: [],
        repoDigests: [],
    };
    return FileView.squash(metadata, [collector.result]);
}
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
async function walk(root, rel, collector) {
    const names = (await readdir(join(root, rel))).sort();
    for (const name of names) {
        const relPath = rel ? `${rel}/${name}` : name;
        const full = join(root, relPath);
        const st = await lstat(full);
        const type = st.isDirectory()
            ? 'dir'
            : st.isSymbolicLink()
                ? 'symlink'
                : st.isFile()
                    ? 'file'
                    : st.isCharacterDevice()
                        ? 'char'
                        : st.isBlockDevice()
                            ? 'block'
                            : 'fifo';
        const sink = collector.add({
            name: relPath,
            type,
            mode: st.mode,
            uid: st.uid,
            gid: st.gid,
            size: type === 'file' ? st.size : 0,
            mtime: Math.floor(st.mtimeMs / 1000),
            linkname: type === 'symlink' ? await readlink(full) : '',
        });
        if (sink) {
            for await (const chunk of createReadStream(full))
                sink.data(chunk);
            sink.end();
        }
        if (type === 'dir')
            await walk(root, relPath, collector);
    }
}

;// CONCATENATED MODULE: ./src/image/file-request.ts

/**
 * Compiles requests once; `match` is called for every regular file in every layer. A glob whose last segment is
 * literal (`package.json`, `METADATA`) is indexed by that base name, so a path only meets the globs that could
 * match it, plus the few whose last segment has a wildcard and the requests with a filter.
 */
class file_request_RequestMatcher {
    #compiled;
    /** Exact paths → the requests that name them. */
    #byPath = new Map();
    /** Literal base name → [request, glob] pairs. */
    #byBasename = new Map();
    /** Globs with a wildcard in their last segment, and requests with a filter: tested for every path. */
    #generic = [];
    constructor(requests) {
        this.#compiled = requests.map((request) => ({
            request,
            paths: new Set(request.paths ?? []),
            globs: (request.globs ?? []).map(paths/* compileGlob */.SO),
        }));
        for (const c of this.#compiled) {
            for (const p of c.paths)
                push(this.#byPath, p, c);
            (c.request.globs ?? []).forEach((glob, i) => {
                const last = glob.slice(glob.lastIndexOf('/') + 1);
                if (/[*?{[]/.test(last) || last === '')
                    this.#generic.push([c, c.globs[i]]);
                else
                    push(this.#byBasename, last, [c, c.globs[i]]);
            });
            if (c.request.filter)
                this.#generic.push([c, undefined]);
        }
    }
    get empty() {
        return this.#compiled.length === 0;
    }
    match(path, entry) {
        let hits;
        const exact = this.#byPath.get(path);
        if (exact)
            hits = new Set(exact);
        const named = this.#byBasename.get(path.slice(path.lastIndexOf('/') + 1));
        if (named)
            for (const [c, re] of named)
                if (re.test(path))
                    (hits ??= new Set()).add(c);
        for (const [c, re] of this.#generic) {
            if (re ? re.test(path) : c.request.filter(path, entry))
                (hits ??= new Set()).add(c);
        }
        // In declaration order, each request once.
        return hits ? this.#compiled.filter((c) => hits.has(c)) : NO_MATCH;
    }
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const NO_MATCH = [];

;// CONCATENATED MODULE: ./src/image/file-view.ts

/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
const DOT_SEGMENT = /\/\.{1,2}(\/|$)|\/\//;
/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
class file_view_FileView {
    metadata;
    #files = new Map();
    #contents = new Map();
    /** Every layer's version of the files requested with `everyLayer`, lowest layer first. */
    #versions = new Map();
    /** The provenance of the layer being applied (for the versions its deletions record). */
    #applying;
    /** SquashOptions.adopt. */
    #adopt = false;
    unknowns = [];
    constructor(metadata) {
        this.metadata = metadata;
    }
    /** Squashes layer results, lowest first, applying whiteouts and opaque directories. */
    static squash(metadata, layers, options = {}) {
        const builder = file_view_FileView.builder(metadata, options);
        for (const layer of layers)
            builder.apply(layer);
        return builder.finish();
    }
    /**
     * Squashes layer by layer as they arrive, lowest first: a reader applies each layer result as soon as the ones
     * below it are applied and then drops it, so that no more than the squashed view and the layers in flight are held.
     */
    static builder(metadata, options = {}) {
        const view = new file_view_FileView(metadata);
        view.#adopt = options.adopt === true;
        let next = 0;
        let done = false;
        return {
            apply(layer) {
                if (done)
                    throw new Error('FileView builder: apply after finish');
                view.#apply(layer, provenanceOf(metadata, next++));
            },
            finish() {
                if (!done)
                    view.#finish();
                done = true;
                return view;
            },
        };
    }
    #finish() {
        this.#applying = undefined;
        // A requested file whose content was not kept (over the cap) is an unknown, if it survives the squash.
        for (const [path, captured] of this.#contents) {
            if (captured.kind !== 'unknown')
                continue;
            const layerDigest = this.#files.get(path)?.provenance.layerDigest;
            this.unknowns.push({ stage: 'image', reason: captured.reason, path, ...(layerDigest ? { layerDigest } : {}) });
        }
    }
    /** The entry at `path`. Symlinks in parent directories are followed; the last component only when asked. */
    get(path, options = {}) {
        const resolved = this.resolve(path, options);
        return resolved === undefined ? undefined : this.#files.get(resolved);
    }
    /**
     * Resolves `path` inside the image: symlinks are followed relative to the image root and never leave it, and
     * loops end after MAX_SYMLINK_HOPS hops. Returns undefined for a dangling path or a loop.
     */
    resolve(path, options = {}) {
        // Fast path for a clean absolute path: its directory is resolved once and remembered (the view never
        // changes), so catalogers that look up thousands of files in the same directories pay for each directory once.
        if (path.length > 1 && path.startsWith('/') && !path.endsWith('/') && !DOT_SEGMENT.test(path)) {
            const i = path.lastIndexOf('/');
            const parent = i === 0 ? '' : this.#resolveDir(path.slice(0, i));
            if (parent === undefined)
                return undefined;
            const candidate = `${parent}/${path.slice(i + 1)}`;
            if (options.follow && this.#files.get(candidate)?.type === 'symlink')
                return this.#walk(candidate, true);
            return candidate;
        }
        return this.#walk(path, options.follow ?? false);
    }
    #dirs = new Map();
    /** A directory's resolved path ('' for the root), or undefined when it does not exist. */
    #resolveDir(dir) {
        if (this.#dirs.has(dir))
            return this.#dirs.get(dir);
        let resolved = this.#walk(dir, true);
        if (resolved === '/')
            resolved = '';
        else if (resolved !== undefined && !this.#files.has(resolved) && !this.#hasChildren(resolved))
            resolved = undefined;
        this.#dirs.set(dir, resolved);
        return resolved;
    }
    #walk(path, follow) {
        let hops = 0;
        let pending = path.split('/').filter(Boolean);
        let current = '';
        while (pending.length > 0) {
            const part = pending.shift();
            if (part === '.')
                continue;
            if (part === '..') {
                current = current.slice(0, current.lastIndexOf('/'));
                continue;
            }
            const candidate = `${current}/${part}`;
            const entry = this.#files.get(candidate);
            const isLast = pending.length === 0;
            if (entry?.type === 'symlink' && (!isLast || follow)) {
                if (++hops > MAX_SYMLINK_HOPS)
                    return undefined;
                const target = (0,paths/* resolveLinkTarget */.w0)(candidate, entry.linkTarget ?? '');
                pending = [...target.split('/').filter(Boolean), ...pending];
                current = '';
                continue;
            }
            if (!entry && !isLast && !this.#hasChildren(candidate))
                return undefined;
            current = candidate;
        }
        return current === '' ? '/' : current;
    }
    /** Every entry, sorted by path. */
    list() {
        return [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    get size() {
        return this.#files.size;
    }
    /** Entries whose literal path matches the glob (no symlink expansion), sorted by path. */
    glob(pattern) {
        const re = (0,paths/* compileGlob */.SO)(pattern);
        // Only the subtree of the pattern's literal leading directories can match: it is walked through the children
        // index, so that `/var/lib/dpkg/status.d/*` costs that directory, not a sorted copy of every entry.
        const segments = (pattern.startsWith('/') ? pattern : `/${pattern}`).split('/').slice(1);
        const literal = segments.findIndex((s) => /[*?{]/.test(s));
        if (literal < 0) {
            const entry = this.#files.get(`/${segments.join('/')}`);
            return entry && re.test(entry.path) ? [entry] : [];
        }
        const found = [];
        const seen = new Set();
        const stack = [literal === 0 ? '/' : `/${segments.slice(0, literal).join('/')}`];
        for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
            for (const child of this.#children.get(dir) ?? []) {
                if (seen.has(child))
                    continue; // a path deleted and written again is linked twice
                seen.add(child);
                const entry = this.#files.get(child);
                if (entry && re.test(child))
                    found.push(entry);
                if (this.#children.has(child))
                    stack.push(child);
            }
        }
        return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /** The captured content of a file; hardlinks and (with follow) symlinks resolve to their targets. */
    read(path) {
        const resolved = this.resolve(path, { follow: true });
        if (resolved === undefined)
            return { ok: false, reason: `${path}: no such file (or a symlink loop)` };
        let entry = this.#files.get(resolved);
        if (!entry)
            return { ok: false, reason: `${path}: no such file` };
        let contentPath = resolved;
        if (entry.type === 'hardlink') {
            contentPath = entry.linkTarget ?? '';
            entry = this.#files.get(contentPath) ?? entry;
        }
        if (entry.type !== 'file' && entry.type !== 'hardlink')
            return { ok: false, reason: `${path}: not a regular file (${entry.type})` };
        const captured = this.#contents.get(contentPath) ?? this.#contents.get(resolved);
        if (!captured)
            return { ok: false, reason: `${path}: content was not captured (no file request matched it)` };
        if (captured.kind === 'unknown')
            return { ok: false, reason: `${path}: ${captured.reason}` };
        if (captured.kind === 'sinks-only')
            return { ok: false, reason: `${path}: content was streamed to a sink, not kept` };
        return { ok: true, data: captured.data, entry };
    }
    /** The content as UTF-8 text, or undefined (the reason is in `read`). */
    readText(path) {
        const r = this.read(path);
        return r.ok ? r.data.toString('utf8') : undefined;
    }
    /** The value a request's ContentSink returned for `path`, if the file streamed through it. */
    sinkResult(requestId, path) {
        const captured = this.#contents.get(path);
        return captured && 'sinks' in captured ? captured.sinks?.get(requestId) : undefined;
    }
    /**
     * Every layer's version of a file requested with `everyLayer`, lowest layer first: one per layer that wrote or
     * deleted it (the state at the end of that layer). Empty for other files. The path is resolved in the squashed
     * view when it exists there (symlinked parents), else taken literally.
     */
    versions(path) {
        const literal = this.#versions.get(path);
        if (literal)
            return literal;
        const resolved = this.resolve(path, { follow: true });
        return (resolved !== undefined ? this.#versions.get(resolved) : undefined) ?? NO_VERSIONS;
    }
    /** Paths with versions kept (`everyLayer`), whether or not they survive the squash, sorted. */
    versionedPaths() {
        return [...this.#versions.keys()].sort();
    }
    /** Paths whose content was captured or streamed, sorted. */
    capturedPaths() {
        return [...this.#contents.keys()].sort();
    }
    #apply(layer, provenance) {
        this.#applying = provenance;
        for (const dir of layer.opaqueDirs)
            this.#deleteChildren(dir);
        for (const path of layer.whiteouts) {
            this.#delete(path);
            this.#deleteChildren(path);
        }
        for (const e of layer.entries.values()) {
            const previous = this.#files.get(e.path);
            if (previous?.type === 'dir' && e.type !== 'dir')
                this.#deleteChildren(e.path);
            const entry = this.#adopt ? adopted(e, provenance) : {
                path: e.path,
                type: e.type,
                mode: e.mode,
                uid: e.uid,
                gid: e.gid,
                size: e.size,
                mtime: e.mtime,
                ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
                provenance,
            };
            this.#files.set(e.path, entry);
            if (!previous)
                this.#link(e.path);
            const content = layer.contents.get(e.path);
            if (content)
                this.#contents.set(e.path, content);
            else
                this.#contents.delete(e.path);
            if (content?.everyLayer || this.#versions.has(e.path)) {
                this.#record(e.path, { layerIndex: provenance.layerIndex, provenance, deleted: false, read: this.#readVersion(entry, content) });
            }
        }
        for (const u of layer.unknowns)
            this.unknowns.push(u);
    }
    /** The content a layer's version of a file has, as `read` would return it at that point of the squash. */
    #readVersion(entry, content) {
        let captured = content;
        if (entry.type === 'hardlink')
            captured = this.#contents.get(entry.linkTarget ?? '');
        else if (entry.type !== 'file')
            return { ok: false, reason: `${entry.path}: not a regular file (${entry.type})` };
        if (!captured)
            return { ok: false, reason: `${entry.path}: content was not captured (no file request matched it)` };
        if (captured.kind === 'unknown')
            return { ok: false, reason: `${entry.path}: ${captured.reason}` };
        if (captured.kind === 'sinks-only')
            return { ok: false, reason: `${entry.path}: content was streamed to a sink, not kept` };
        return { ok: true, data: captured.data, entry };
    }
    #record(path, version) {
        const list = this.#versions.get(path);
        if (!list)
            this.#versions.set(path, [version]);
        // The same layer may delete a file and write it again (a whiteout or an opaque directory, then the entry).
        else if (list[list.length - 1].layerIndex === version.layerIndex)
            list[list.length - 1] = version;
        else
            list.push(version);
    }
    #delete(path) {
        if (this.#applying && this.#versions.has(path) && this.#files.has(path)) {
            this.#record(path, { layerIndex: this.#applying.layerIndex, provenance: this.#applying, deleted: true });
        }
        this.#files.delete(path);
        this.#contents.delete(path);
    }
    /**
     * Deletes everything under `dir` (not `dir` itself): O(its descendants and the stale links among them), through
     * the children index. The index entries of the descendants go with it.
     */
    #deleteChildren(dir) {
        const children = this.#children.get(dir);
        if (!children)
            return;
        this.#children.delete(dir);
        for (const child of children) {
            this.#delete(child);
            this.#deleteChildren(child);
        }
    }
    /**
     * The children index: a directory's path ('/' for the root) to the paths linked under it, as entries or as
     * directories the tar implies by holding entries under it without one of their own. Links are only ever added
     * (a deletion leaves its link behind, stale, and a path deleted and written again is linked twice), so that a
     * squash step costs O(1) per entry; what is live is decided by #files, and a directory's list is compacted when
     * its existence is asked for. Invariant: every key's path is in its parent's list, and every path in #files is
     * in its parent's list; so walking the lists from a directory reaches every live path under it.
     */
    #children = new Map();
    /** Links a new entry's path into the index, with every ancestor not linked yet: O(1) once the parent is. */
    #link(path) {
        for (let child = path; child !== '/';) {
            const parent = parentOf(child);
            const list = this.#children.get(parent);
            if (list) {
                list.push(child);
                return;
            }
            this.#children.set(parent, [child]);
            if (this.#files.has(parent))
                return;
            child = parent;
        }
    }
    /**
     * Whether a path that has no entry of its own exists as a directory implied by live entries under it. Dead links
     * at the end of its list are dropped on the way (and a list left empty), so each is paid for once.
     */
    #hasChildren(dir) {
        const list = this.#children.get(dir);
        if (!list)
            return false;
        // A dead child's own list is gone with it (#hasChildren deletes an empty list), so dropping it keeps the invariant.
        while (list.length > 0 && !this.#files.has(list[list.length - 1]) && !this.#hasChildren(list[list.length - 1]))
            list.pop();
        if (list.length === 0)
            this.#children.delete(dir);
        return list.length > 0;
    }
}
/** A layer's entry made the view's own (SquashOptions.adopt). */
function adopted(e, provenance) {
    const entry = e;
    entry.provenance = provenance;
    return entry;
}
function parentOf(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
const NO_VERSIONS = [];
function provenanceOf(metadata, layerIndex) {
    const layer = metadata.layers[layerIndex];
    return {
        layerIndex,
        layerDigest: layer?.digest ?? '',
        diffId: layer?.diffId ?? '',
        ...(layer?.historyIndex !== undefined ? { historyIndex: layer.historyIndex } : {}),
        ...(layer?.history?.created_by !== undefined ? { createdBy: layer.history.created_by } : {}),
    };
}

// EXTERNAL MODULE: ./src/image/layer-cache/codec.ts
var codec = __webpack_require__(21822);
// EXTERNAL MODULE: ./src/image/layer-cache/key.ts
var layer_cache_key = __webpack_require__(59951);
;// CONCATENATED MODULE: ./src/image/layer-cache/session.ts


/**
 * One image read's use of a layer cache: looks each layer up by its diff_id before the layer is opened, and writes
 * what a fresh read found. A cache problem never changes a result nor fails the read: an untrusted entry is one info
 * line and the layer is read (and its entry rewritten); a failed write is one info line.
 */
class LayerCacheSession {
    #cache;
    #version;
    #logger;
    #pending = [];
    #fromCache = 0;
    #read = 0;
    constructor(option, requests, maxFileBytes, logger) {
        this.#cache = option.cache;
        this.#version = (0,layer_cache_key/* analysisVersion */.xG)(requests, maxFileBytes, option.salt ?? '');
        this.#logger = logger;
    }
    /** The cached analysis of `layer`, made to look as a fresh read of this image's blob would; undefined to read it. */
    async lookup(layer) {
        if (!layer.diffId)
            return undefined;
        const found = await this.#cache.get((0,layer_cache_key/* entryKey */.k2)(layer.diffId, this.#version), layer.diffId);
        if (found.kind === 'hit') {
            const result = asLayerResult(found.value, layer);
            if (typeof result !== 'string') {
                this.#fromCache++;
                return result;
            }
            this.#cache.stats.hits--;
            this.#cache.stats.rejected++;
            this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${result}; reading the layer`);
        }
        else if (found.kind === 'corrupt') {
            this.#logger.info(`layer-cache: ignoring the cached analysis of layer ${layer.index} (${layer.diffId}): ${found.reason}; reading the layer`);
        }
        return undefined;
    }
    /**
     * An archive whose source knows its identity (`docker:`): when the cache holds the metadata of this export and
     * every layer's analysis, answers them, and the archive is not exported. Undefined (nothing counted) otherwise.
     */
    async lookupArchive(opened, platform) {
        const identity = opened.identity;
        if (!identity)
            return undefined;
        const key = (0,layer_cache_key/* entryKey */.k2)(archiveId(opened, platform), this.#version);
        const found = await this.#cache.get(key, identity.imageId);
        if (found.kind === 'corrupt')
            this.#logger.info(`layer-cache: ignoring the cached metadata of ${opened.label}: ${found.reason}; exporting the image`);
        if (found.kind !== 'hit')
            return undefined;
        const metadata = found.value?.metadata;
        if (!metadata || !Array.isArray(metadata.layers) || metadata.layers.map((l) => l.diffId).join('\n') !== identity.diffIds.join('\n'))
            return undefined;
        const layers = [];
        for (const layer of metadata.layers) {
            const hit = await this.lookup(layer);
            if (!hit) {
                this.#fromCache = 0;
                this.#logger.debug(`layer-cache: layer ${layer.index} of ${opened.label} is not cached; exporting the image`);
                return undefined;
            }
            layers.push(hit);
        }
        return { metadata, layers };
    }
    /** After an archive with an identity was read: queues the writes of its metadata and of every layer's analysis. */
    saveArchive(opened, platform, metadata, layers) {
        if (!opened.identity)
            return;
        metadata.layers.forEach((layer, i) => this.save(layer, layers[i]));
        const key = (0,layer_cache_key/* entryKey */.k2)(archiveId(opened, platform), this.#version);
        this.#pending.push(this.#cache.put(key, opened.identity.imageId, { metadata }).then(() => { }, (e) => this.#logger.info(`layer-cache: the metadata of ${opened.label} not cached: ${e.message}`)));
    }
    /** Queues the write of a freshly read layer's analysis (awaited by `finish`). */
    save(layer, result) {
        this.#read++;
        if (!layer.diffId || result.diffId !== layer.diffId)
            return;
        const key = (0,layer_cache_key/* entryKey */.k2)(layer.diffId, this.#version);
        this.#pending.push(this.#cache.put(key, layer.diffId, result).then(() => { }, (e) => {
            const why = e instanceof codec/* UncacheableError */.O$ ? `its analysis cannot be cached (${e.message})` : e.message;
            this.#logger.info(`layer-cache: layer ${layer.index} (${layer.diffId}) not cached: ${why}`);
        }));
    }
    /** Waits for the writes, then evicts down to the cache's size. Never throws. */
    async finish() {
        await Promise.all(this.#pending);
        if (this.#pending.length > 0) {
            try {
                const { removed } = await this.#cache.evict();
                if (removed > 0)
                    this.#logger.debug(`layer-cache: evicted ${removed} least recently used entr${removed === 1 ? 'y' : 'ies'} from ${this.#cache.dir}`);
            }
            catch (e) {
                this.#logger.info(`layer-cache: eviction in ${this.#cache.dir} failed: ${e.message}`);
            }
        }
        this.#logger.info(`layer-cache: ${this.#fromCache} of ${this.#fromCache + this.#read} layers from the cache in ${this.#cache.dir}, ${this.#read} read`);
    }
    /** Drops queued writes' results (the read failed); never throws. */
    async abandon() {
        await Promise.all(this.#pending);
    }
}
/** What names one export of an image: its source, reference, the source's image id and the platform asked for. */
function archiveId(opened, platform) {
    return ['archive', opened.source, opened.reference, opened.refName ?? '', opened.identity?.imageId ?? '', JSON.stringify(platform)].join('\n');
}
/** A decoded entry as the result of reading `layer`, or why it cannot be one. */
function asLayerResult(value, layer) {
    const v = value;
    if (v === null || typeof v !== 'object')
        return 'the entry holds no layer analysis';
    if (!(v.entries instanceof Map) || !(v.contents instanceof Map) || !Array.isArray(v.whiteouts) || !Array.isArray(v.opaqueDirs) || !Array.isArray(v.unknowns) || typeof v.stats !== 'object' || v.stats === null) {
        return 'the entry holds no layer analysis';
    }
    if (v.diffId !== layer.diffId)
        return 'the entry is for another layer';
    const written = v.digest;
    // The same tar can be stored under another blob digest (compressed otherwise): what names this image's blob is ours.
    const unknowns = v.unknowns.map((u) => (written !== undefined && u.layerDigest === written && layer.digest ? { ...u, layerDigest: layer.digest } : u));
    return {
        ...v,
        unknowns,
        digest: layer.digest,
        storedBytes: layer.size,
        ...(written !== layer.digest ? { compression: compressionOf(layer) } : {}),
    };
}
/** How this image stores the layer, when the entry was written from another blob of the same tar. */
function compressionOf(layer) {
    if (/zstd/.test(layer.mediaType))
        return 'zstd';
    if (/gzip/.test(layer.mediaType))
        return 'gzip';
    return 'none';
}

;// CONCATENATED MODULE: ./src/image/read-image.ts









/** Layers read at once: enough to overlap inflating one with parsing another, and no more (memory stays bounded). */
const LAYER_CONCURRENCY = 2;
/**
 * Reads an opened image in one pass and returns its squashed FileView. Each layer is streamed exactly once,
 * never written to disk, with its digests checked as it streams.
 */
async function readImage(opened, options = {}) {
    const matcher = new file_request_RequestMatcher(options.requests ?? []);
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const logger = options.logger ?? common_logger/* silentLogger */.qq;
    try {
        if (opened.kind === 'archive') {
            const platform = options.platform ?? (0,image_manifest/* hostPlatform */.ol)();
            // A streamed archive is read whole, whatever is cached; but one whose source knows the image (`docker:`) is not
            // even exported when the cache holds its metadata and every layer's analysis, and an archive file on disk is
            // read by offsets, only the layers the cache lacks (sources/archive-index.ts).
            const file = archiveFileOf(opened);
            const archiveOptions = {
                label: opened.label,
                reference: opened.reference,
                source: opened.source,
                ...(opened.refName !== undefined ? { refName: opened.refName } : {}),
                platform,
                matcher,
                maxFileBytes,
                ...(options.signal ? { signal: options.signal } : {}),
            };
            const session = options.layerCache && (opened.identity || file !== undefined) ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
            if (session && file !== undefined) {
                // An archive file on disk: indexed from its headers, and only the layers the cache lacks are read.
                logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
                const indexed = await readIndexedArchive(file, session, archiveOptions).catch(async (e) => {
                    await session.abandon();
                    throw e;
                });
                if (indexed) {
                    logger.progress?.({ task: 'layers', label: '', end: true });
                    await session.finish();
                    return squashDropping(indexed.metadata, indexed.layers, indexed.cached);
                }
            }
            const warm = await session?.lookupArchive(opened, platform);
            if (warm) {
                await session.finish();
                return withStats(file_view_FileView.squash(warm.metadata, warm.layers, { adopt: true }), warm.layers, new Set(warm.layers.map((_, i) => i)));
            }
            logger.progress?.({ task: 'layers', label: `reading ${opened.label}` });
            const stream = await opened.open(options.signal);
            const { metadata, layers } = await readImageArchive(stream, archiveOptions);
            logger.progress?.({ task: 'layers', label: '', end: true });
            if (session) {
                session.saveArchive(opened, platform, metadata, layers);
                await session.finish();
            }
            return squashDropping(metadata, layers);
        }
        // Layers stream in manifest order, each exactly once. The next layer starts while the current one finishes
        // (at most LAYER_CONCURRENCY at a time), so the thread pool inflates one while the main thread hashes and
        // parses the other; each result is squashed as soon as the layers below it are, then dropped (only the view
        // and the layers in flight are held, whatever the layer count).
        const layers = opened.metadata.layers;
        const results = new Array(layers.length);
        const summaries = [];
        const squash = file_view_FileView.builder(opened.metadata, { adopt: true });
        const applyReady = () => {
            for (let r = results[summaries.length]; r; r = results[summaries.length]) {
                squash.apply(r);
                results[summaries.length] = undefined;
                summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
            }
        };
        let read = 0;
        const progress = (end) => logger.progress?.({ task: 'layers', label: `reading layers of ${opened.metadata.reference}`, done: read, total: layers.length, unit: 'items', ...(end ? { end } : {}) });
        const cached = new Set();
        const session = options.layerCache ? new LayerCacheSession(options.layerCache, options.requests ?? [], maxFileBytes, logger) : undefined;
        const readOne = async (layer) => {
            const label = `layer ${layer.index} (${layer.digest})`;
            // A layer whose analysis is cached (under the same requests) is not opened: for a registry, not downloaded.
            const hit = await session?.lookup(layer);
            if (hit) {
                logger.debug(`${label}: analysis from the layer cache`);
                cached.add(layer.index);
                return hit;
            }
            const result = await readFresh(layer, label);
            session?.save(layer, result);
            return result;
        };
        const readFresh = async (layer, label) => {
            logger.debug(`reading ${label}`);
            progress();
            return readLayer(await opened.blob(layer, options.signal), {
                matcher,
                maxFileBytes,
                label,
                expectedDigest: layer.digest,
                expectedDiffId: layer.diffId,
                expectedSize: layer.size,
                layerDigest: layer.digest,
                ...(options.signal ? { signal: options.signal } : {}),
            });
        };
        let next = 0;
        const worker = async () => {
            while (next < layers.length) {
                const layer = layers[next++];
                try {
                    results[layer.index] = await readOne(layer);
                    applyReady();
                    read++;
                    progress();
                }
                catch (e) {
                    next = layers.length; // the other worker stops after its current layer
                    throw e;
                }
            }
        };
        try {
            await Promise.all(Array.from({ length: Math.min(LAYER_CONCURRENCY, layers.length) }, worker)).finally(() => progress(true));
        }
        catch (e) {
            await session?.abandon();
            throw e;
        }
        await session?.finish();
        return withStats(squash.finish(), summaries, cached);
    }
    finally {
        await opened.close();
    }
}
/**
 * Squashes an archive's layers (all read before the manifest said their order) in order, dropping each from the
 * array once applied, so that its entry map and the entries the layers above replace become garbage as the squash
 * goes instead of living to its end.
 */
function squashDropping(metadata, layers, cached) {
    const squash = file_view_FileView.builder(metadata, { adopt: true });
    const summaries = [];
    for (let i = 0; i < layers.length; i++) {
        const r = layers[i];
        layers[i] = undefined;
        squash.apply(r);
        summaries.push({ digest: r.digest, compression: r.compression, storedBytes: r.storedBytes, tarBytes: r.tarBytes, stats: { entries: r.stats.entries } });
    }
    return withStats(squash.finish(), summaries, cached);
}
function withStats(view, layers, cached = new Set()) {
    return Object.assign(view, {
        stats: {
            layers: layers.map((l, index) => ({
                index,
                digest: l.digest,
                compression: l.compression,
                storedBytes: l.storedBytes,
                tarBytes: l.tarBytes,
                entries: l.stats.entries,
                ...(cached.has(index) ? { fromCache: true } : {}),
            })),
        },
    });
}

;// CONCATENATED MODULE: ./src/image/sniff.ts
/**
 * A bare path given as an image (`portcullis scan app.tar`): what it is, from its content, not its name. A tar with
 * `manifest.json` is `docker save` output (Docker ≥ 25's has an OCI layout beside it, and the docker-archive reader
 * reads both, keeping the repo tags); a tar with `index.json` or `oci-layout` and no `manifest.json` is an OCI archive;
 * a directory with them is an OCI layout. What is plainly a path but none of these gets an error that names the
 * scheme to use; anything else is left to the bare-name lookup (daemon, then registry).
 */





const MARKERS = new Set(['manifest.json', 'index.json', 'oci-layout']);
/** Looks like a path to a file rather than an image name: a slash, a leading dot, or an archive's extension. */
function looksLikePath(location) {
    return location.includes('/') || location.startsWith('.') || /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd|oci)$/i.test(location);
}
const topLevel = (name) => {
    const n = name.replace(/^\.\//, '');
    return MARKERS.has(n) ? n : undefined;
};
/** The top-level marker files of an uncompressed tar, by walking its headers (data is skipped, not read). */
async function tarMarkers(path) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const found = new Set();
        const header = Buffer.alloc(512);
        let offset = 0;
        let longName;
        for (let i = 0; i < 1_000_000; i++) {
            const { bytesRead } = await fh.read(header, 0, 512, offset);
            if (bytesRead < 512)
                return i === 0 ? undefined : found;
            if (header.every((b) => b === 0))
                break;
            if (i === 0 && header.toString('latin1', 257, 262) !== 'ustar' && !validChecksum(header))
                return undefined;
            const typeflag = String.fromCharCode(header[156]);
            const size = octal(header.subarray(124, 136));
            if (size === undefined)
                return i === 0 ? undefined : found;
            const dataStart = offset + 512;
            let name = cString(header, 0, 100);
            const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
            if (prefix)
                name = `${prefix}/${name}`;
            if (typeflag === 'L') {
                const buf = Buffer.alloc(Math.min(size, 4096));
                await fh.read(buf, 0, buf.length, dataStart);
                longName = cString(buf, 0, buf.length);
            }
            else if (typeflag !== 'x' && typeflag !== 'g') {
                const m = topLevel(longName ?? name);
                if (m)
                    found.add(m);
                longName = undefined;
            }
            offset = dataStart + Math.ceil(size / 512) * 512;
        }
        return found;
    }
    finally {
        await fh.close();
    }
}
/** The top-level marker files of a compressed tar, streaming it through the decompressor and the tar parser. */
async function streamedMarkers(path, compression) {
    const found = new Set();
    const parser = new TarParser((h) => {
        const m = topLevel(h.name);
        if (m)
            found.add(m);
        return null;
    });
    const input = (0,external_node_fs_.createReadStream)(path).pipe(createDecompressor(compression));
    try {
        for await (const chunk of input) {
            parser.push(chunk);
            if (parser.done)
                break;
        }
    }
    catch {
        return found.size ? found : undefined;
    }
    finally {
        input.destroy();
    }
    return found;
}
function validChecksum(h) {
    const stored = octal(h.subarray(148, 156));
    if (stored === undefined)
        return false;
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    return sum === stored;
}
function octal(field) {
    if (field[0] & 0x80) {
        let n = 0;
        for (let i = 1; i < field.length; i++)
            n = n * 256 + field[i];
        return n;
    }
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (text === '')
        return 0;
    return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}
function cString(buf, start, length) {
    const end = buf.indexOf(0, start);
    return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}
function schemeOf(markers) {
    if (markers.has('manifest.json'))
        return 'docker-archive';
    if (markers.has('index.json') || markers.has('oci-layout'))
        return 'oci-archive';
    return undefined;
}
const SCHEMES_HINT = 'docker-archive:PATH (docker save), oci-archive:PATH (a tar of an OCI layout) or oci-dir:PATH (an OCI layout directory)';
/**
 * The scheme a bare location should be read with, when it is a path to an image on disk; undefined when it is not a
 * path (a bare image name). A path that is no image Portcullis can read is a ConfigurationError that says what to do.
 */
async function sniffImagePath(location) {
    let st;
    try {
        st = await (0,promises_.stat)(location);
    }
    catch {
        if (!location.includes(':') && /\.(tar|tar\.gz|tgz|tar\.zst|tar\.zstd)$/i.test(location)) {
            throw new errors/* ConfigurationError */.j1(`${location} does not exist (an image archive is read as ${SCHEMES_HINT})`);
        }
        return undefined;
    }
    if (st.isDirectory()) {
        const has = async (name) => (0,promises_.stat)(`${location}/${name}`).then(() => true, () => false);
        if ((await has('index.json')) || (await has('oci-layout')))
            return 'oci-dir';
        if (!looksLikePath(location))
            return undefined;
        throw new errors/* ConfigurationError */.j1(`${location} is a directory but not an OCI image layout (no index.json or oci-layout); use ${SCHEMES_HINT}`);
    }
    if (!st.isFile())
        return undefined;
    const head = Buffer.alloc(4);
    const fh = await (0,promises_.open)(location, 'r');
    try {
        await fh.read(head, 0, 4, 0);
    }
    finally {
        await fh.close();
    }
    const compression = sniffCompression(head);
    if (compression !== 'none') {
        const scheme = schemeOf((await streamedMarkers(location, compression)) ?? new Set());
        const tool = compression === 'gzip' ? 'gunzip -k' : 'zstd -d';
        throw new errors/* ConfigurationError */.j1(scheme
            ? `${location} is a ${compression}-compressed ${scheme === 'docker-archive' ? 'docker archive' : 'OCI archive'}; image archives are read uncompressed: run "${tool} ${location}" and scan ${scheme}:${location.replace(/\.(gz|tgz|zst|zstd)$/i, (e) => (e.toLowerCase() === '.tgz' ? '.tar' : ''))}`
            : `${location} is ${compression}-compressed and not an image archive; decompress it, then use ${SCHEMES_HINT}`);
    }
    const markers = await tarMarkers(location);
    const scheme = markers ? schemeOf(markers) : undefined;
    if (scheme)
        return scheme;
    if (!looksLikePath(location))
        return undefined;
    throw new errors/* ConfigurationError */.j1(`${location} is ${markers ? 'a tar without manifest.json, index.json or oci-layout' : 'not a tar file'}, so not an image archive; use ${SCHEMES_HINT}, or sbom:PATH for an SBOM`);
}

;// CONCATENATED MODULE: ./src/image/open.ts





function knownSchemes() {
    return IMAGE_SOURCES.flatMap((s) => s.schemes);
}
function sourceForScheme(scheme) {
    const s = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
    if (!s)
        throw new errors/* ConfigurationError */.j1(`unknown image scheme "${scheme}"; known: ${knownSchemes().join(', ')}`);
    return s;
}
/**
 * Opens `scheme:location`. A bare name tries the daemon, then the registry; when every one fails, the error
 * says what each said.
 */
async function openImage(raw, options, signal) {
    const ref = parseReference(raw, knownSchemes());
    if (ref.scheme)
        return sourceForScheme(ref.scheme).open(ref, options, signal);
    // A path on disk (`scan app.tar`, `scan ./layout`) is read by what its content is; see sniff.ts.
    const sniffed = await sniffImagePath(ref.location);
    if (sniffed) {
        options.logger.info(`${ref.location}: reading it as ${sniffed}:${ref.location}`);
        return sourceForScheme(sniffed).open({ ...ref, scheme: sniffed }, options, signal);
    }
    const tried = [];
    for (const scheme of BARE_NAME_ORDER) {
        const source = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
        if (!source)
            continue;
        try {
            return await source.open({ ...ref, scheme }, options, signal);
        }
        catch (e) {
            options.logger.debug(`${scheme}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            tried.push(`${scheme}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
    }
    if (tried.length === 0) {
        throw new errors/* ConfigurationError */.j1(`"${raw}" has no scheme; use one of ${knownSchemes().map((s) => `${s}:`).join(', ')}`);
    }
    throw new errors/* ImageError */.C8(`cannot open image "${raw}": ${tried.join('; ')}`);
}
/** Opens and reads an image in one go. */
async function loadImage(raw, options) {
    const opened = await openImage(raw, options, options.signal);
    return readImage(opened, options);
}


/***/ }),

/***/ 80469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ normalizeEntryName),
/* harmony export */   P8: () => (/* binding */ basename),
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   pD: () => (/* binding */ dirname),
/* harmony export */   w0: () => (/* binding */ resolveLinkTarget)
/* harmony export */ });
/**
 * Paths inside an image are absolute, '/'-separated and normalised. A tar name that would climb out of the
 * image root (`../x`, `a/../../x`) is refused: the caller records it as an unknown.
 */
function normalizeEntryName(name) {
    // Fast path, for nearly every entry: already clean apart from a leading './' or '/' and a trailing '/'.
    let clean = name.startsWith('./') ? name.slice(2) : name.startsWith('/') ? name.slice(1) : name;
    if (clean.endsWith('/'))
        clean = clean.slice(0, -1);
    if (clean !== '' && !clean.includes('//') && !clean.includes('/./') && !clean.includes('..') && !clean.startsWith('./') && !clean.startsWith('/') && clean !== '.' && !clean.endsWith('/.')) {
        return `/${clean}`;
    }
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return null;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return `/${parts.join('/')}`;
}
/** Resolves `target` (a symlink's text) against the directory holding `linkPath`, clamped at the root. */
function resolveLinkTarget(linkPath, target) {
    const base = target.startsWith('/') ? [] : dirname(linkPath).split('/').filter(Boolean);
    for (const part of target.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            base.pop(); // ".." at the root stays at the root, as the kernel does in a chroot
        else
            base.push(part);
    }
    return `/${base.join('/')}`;
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Compiles a glob over absolute image paths once. `**` matches any number of path segments (including none),
 * `*` and `?` stay within one segment, `{a,b}` alternates. A pattern without a leading '/' is anchored at the root.
 */
function compileGlob(glob) {
    const g = glob.startsWith('/') ? glob : `/${glob}`;
    let re = '^';
    for (let i = 0; i < g.length; i++) {
        const c = g[i];
        if (c === '*') {
            if (g[i + 1] === '*') {
                const slashAfter = g[i + 2] === '/';
                re += slashAfter ? '(?:[^/]*/)*' : '.*';
                i += slashAfter ? 2 : 1;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            const close = g.indexOf('}', i);
            if (close < 0)
                re += '\\{';
            else {
                re += `(?:${g.slice(i + 1, close).split(',').map(escapeRegex).join('|')})`;
                i = close;
            }
        }
        else
            re += escapeRegex(c);
    }
    return new RegExp(`${re}$`);
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


/***/ }),

/***/ 89100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectRegistry: () => (/* binding */ connectRegistry)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/http.ts
var http = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/image/registry/challenge.ts
/**
 * Parses a `WWW-Authenticate` header (RFC 7235), which may hold several challenges separated by commas. Scheme
 * names are lower-cased; parameter names too; quoted values are unescaped.
 */
function parseChallenges(header) {
    if (header === undefined)
        return [];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const out = [];
    let i = 0;
    const skip = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === ','))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < text.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z/]/.test(text[i]))
            i++;
        return text.slice(start, i);
    };
    while (i < text.length) {
        skip();
        const name = token();
        if (name === '') {
            i++;
            continue;
        }
        let j = i;
        while (j < text.length && text[j] === ' ')
            j++;
        if (text[j] === '=' && out.length > 0) {
            // a parameter of the current challenge
            i = j + 1;
            while (i < text.length && text[i] === ' ')
                i++;
            let value = '';
            if (text[i] === '"') {
                i++;
                while (i < text.length && text[i] !== '"') {
                    if (text[i] === '\\' && i + 1 < text.length)
                        i++;
                    value += text[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < text.length && text[i] !== ',' && text[i] !== ' ')
                    i++;
                value = text.slice(start, i);
            }
            out[out.length - 1].params[name.toLowerCase()] = value;
        }
        else {
            out.push({ scheme: name.toLowerCase(), params: {} });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/image/registry/reference.ts
var reference = __webpack_require__(42388);
;// CONCATENATED MODULE: ./src/image/registry/client.ts








const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
const MAX_RETRY_AFTER_MS = 60_000;
/** Manifests and indexes above this size are refused (the distribution spec suggests 4 MiB). */
const MAX_MANIFEST_BYTES = 4 << 20;
/**
 * Talks the OCI distribution API v2 to one repository of one registry: manifests and blobs, anonymous, basic or
 * bearer-token authentication (from the `WWW-Authenticate` challenge), retries with exponential backoff on 429, 5xx
 * and network errors (honouring Retry-After), and a per-request time-out. Every error names the registry and the
 * repository; no secret is ever logged or put in a message.
 */
class RegistryClient {
    #name;
    #base;
    #agent;
    #options;
    #timeoutMs;
    #retries;
    #retryBaseMs;
    #authorization;
    #credentials = null;
    constructor(options, agent) {
        this.#options = options;
        this.#name = options.name;
        this.#base = `${(0,reference/* registryScheme */.FG)(options.name.endpoint, options.insecureRegistries)}://${options.name.endpoint}/v2/${options.name.repository}`;
        this.#agent = agent;
        this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.#retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
        this.#retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    }
    static async create(options) {
        let ca;
        if (options.caFile) {
            const pem = await (0,promises_.readFile)(options.caFile, 'utf8').catch((e) => {
                throw new errors/* ConfigurationError */.j1(`cannot read the CA bundle ${options.caFile}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
            });
            if (!pem.includes('-----BEGIN CERTIFICATE-----'))
                throw new errors/* ConfigurationError */.j1(`the CA bundle ${options.caFile} holds no PEM certificate`);
            ca = [...external_node_tls_.rootCertificates, pem];
        }
        // The shared HTTP module's pool: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, the time-outs, the CA bundle.
        const agent = (0,http/* createDispatcher */.SM)({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ca });
        return new RegistryClient(options, agent);
    }
    /** `registry R (repository X)`, for messages. */
    get where() {
        return `registry ${this.#name.registry} (repository ${this.#name.repository})`;
    }
    /** The base URL, `http(s)://host/v2/<repository>`. */
    get baseUrl() {
        return this.#base;
    }
    /** Fetches a manifest or index by tag or digest. A digest reference is verified against the bytes. */
    async getManifest(reference, accept, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        const shown = reference.includes(':') ? `${this.#name.registry}/${this.#name.repository}@${reference}` : `${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#get(`manifests/${reference}`, { accept: accept.join(', '), what: `manifest ${shown}`, signal });
        const bytes = await this.#readBody(res, MAX_MANIFEST_BYTES, `manifest ${shown}`);
        const contentType = headerValue(res.headers['content-type'])?.split(';')[0]?.trim() || undefined;
        const pinned = reference.includes(':') ? reference : undefined;
        const advertised = headerValue(res.headers['docker-content-digest']);
        const algorithm = (pinned ?? advertised ?? 'sha256:').split(':')[0];
        const digest = digestOf(bytes, algorithm, `manifest ${shown}`);
        if (pinned && digest !== pinned) {
            throw new errors/* ImageError */.C8(`digest mismatch for manifest ${shown}: ${this.where} sent content that hashes to ${digest}`);
        }
        return { bytes, contentType, digest, ...(advertised ? { advertised } : {}) };
    }
    /** The repository's tags (`GET tags/list`), following `Link` pagination, at most `max` of them. */
    async listTags(signal, max = 10_000) {
        const tags = [];
        let path = 'tags/list?n=1000';
        while (path && tags.length < max) {
            const res = await this.#get(path, { what: 'tag list', signal });
            const link = headerValue(res.headers.link);
            const body = await this.#readBody(res, MAX_MANIFEST_BYTES, 'tag list');
            let doc;
            try {
                doc = JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list with something that is not JSON`);
            }
            if (doc.tags !== null && doc.tags !== undefined && !Array.isArray(doc.tags))
                throw new errors/* RemoteError */.Hi(`${this.where} answered the tag list without a tags array`);
            for (const t of doc.tags ?? [])
                if (typeof t === 'string' && SAFE_TAG.test(t) && tags.length < max)
                    tags.push(t);
            const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
            const nextUrl = next ? new URL(next, `${this.#base}/`) : undefined;
            // Only a next page of this repository's own tag list is followed.
            path = nextUrl && `${nextUrl.origin}${nextUrl.pathname}` === `${this.#base}/tags/list` ? `tags/list${nextUrl.search}` : undefined;
        }
        return tags;
    }
    /** Fetches a small blob (a config) whole, and checks its digest. */
    async getBlobBytes(digest, maxBytes, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const bytes = await this.#readBody(res, maxBytes, `${what} blob ${digest}`);
        const actual = digestOf(bytes, digest.split(':')[0], `${what} blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`digest mismatch for ${what} blob ${digest} from ${this.where}: its content hashes to ${actual}`);
        return bytes;
    }
    /** Streams a blob; the caller checks its digest while reading. Errors while streaming name the blob and registry. */
    async openBlob(digest, what, signal) {
        checkDigest(digest, what);
        const res = await this.#get(`blobs/${digest}`, { what: `${what} blob ${digest}`, signal });
        const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        res.body.on('error', (e) => out.destroy(this.#networkError(e, `${what} blob ${digest}`, 1)));
        out.on('close', () => {
            if (!res.body.destroyed)
                res.body.destroy();
        });
        res.body.pipe(out);
        return out;
    }
    /** Whether the repository holds this blob (HEAD). */
    async hasBlob(digest, signal) {
        checkDigest(digest, 'blob');
        const what = `blob ${digest}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/${digest}`, undefined, signal, { method: 'HEAD' }));
        await res.body.dump().catch(() => { });
        if (res.statusCode === 200)
            return true;
        if (res.statusCode === 404)
            return false;
        throw await this.#failure(res, `HEAD ${what}`);
    }
    /**
     * Uploads a blob in one piece (POST to start the upload, then a monolithic PUT with `?digest=`), unless the
     * repository already has it. Answers whether it was uploaded.
     */
    async pushBlob(bytes, digest, signal) {
        checkDigest(digest, 'blob');
        const actual = digestOf(bytes, digest.split(':')[0], `blob ${digest}`);
        if (actual !== digest)
            throw new errors/* ImageError */.C8(`blob ${digest}: its content hashes to ${actual}`);
        if (await this.hasBlob(digest, signal))
            return false;
        const what = `upload of blob ${digest}`;
        const start = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/blobs/uploads/`, undefined, signal, { method: 'POST', body: Buffer.alloc(0) }));
        if (start.statusCode !== 202)
            throw await this.#failure(start, `start of the ${what}`);
        await start.body.dump().catch(() => { });
        const location = headerValue(start.headers.location);
        if (!location)
            throw new errors/* RemoteError */.Hi(`${this.where} started the ${what} without a Location header`);
        const target = new URL(location, `${this.#base}/`);
        target.searchParams.set('digest', digest);
        const put = await this.#withRetries(what, signal, () => this.#authorizedRequest(target.toString(), undefined, signal, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
            body: bytes,
        }));
        if (put.statusCode !== 201)
            throw await this.#failure(put, what);
        await put.body.dump().catch(() => { });
        return true;
    }
    /** PUTs a manifest under a tag (or its digest); answers the digest of the bytes. */
    async putManifest(reference, bytes, mediaType, signal) {
        if (!SAFE_DIGEST.test(reference) && !SAFE_TAG.test(reference))
            throw new errors/* ImageError */.C8(`${this.where}: "${reference}" is neither a tag nor a digest`);
        if (bytes.length > MAX_MANIFEST_BYTES)
            throw new errors/* ImageError */.C8(`the manifest for ${this.where} is larger than ${MAX_MANIFEST_BYTES} bytes`);
        const what = `manifest ${this.#name.registry}/${this.#name.repository}:${reference}`;
        const res = await this.#withRetries(what, signal, () => this.#authorizedRequest(`${this.#base}/manifests/${reference}`, undefined, signal, { method: 'PUT', headers: { 'content-type': mediaType }, body: bytes }));
        if (res.statusCode !== 201 && res.statusCode !== 200)
            throw await this.#failure(res, `PUT ${what}`);
        await res.body.dump().catch(() => { });
        return digestOf(bytes, 'sha256', what);
    }
    /** The error for an unexpected answer to a push request. */
    async #failure(res, what) {
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 401)
            return this.#unauthorized(detail);
        if (status === 403)
            return new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may push to this repository`, { status });
        return new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Ends every connection, including a blob stream that a failed reader left open. */
    async close() {
        await this.#agent.destroy().catch(() => { });
    }
    async #get(path, args) {
        const url = `${this.#base}/${path}`;
        const res = await this.#withRetries(args.what, args.signal, () => this.#authorizedRequest(url, args.accept, args.signal));
        if (res.statusCode === 200)
            return res;
        const detail = await errorDetail(res);
        const status = res.statusCode;
        if (status === 404) {
            const kind = path.startsWith('manifests/') ? 'manifest unknown' : path.startsWith('tags/') ? 'repository unknown' : 'blob unknown';
            throw new errors/* RemoteError */.Hi(`${kind}: ${args.what.replace(/^(manifest|.* blob) /, '')} not found in ${this.where}${detail ? ` (${detail})` : ''}`, { status });
        }
        if (status === 403) {
            throw new errors/* RemoteError */.Hi(`access denied: ${this.where} refused ${args.what} (HTTP 403${detail ? `: ${detail}` : ''}); check that these credentials may pull this repository`, { status });
        }
        if (status === 401) {
            // #authorizedRequest already handled the challenge; a 401 here means the credentials were not accepted
            throw await this.#unauthorized(detail);
        }
        throw new errors/* RemoteError */.Hi(`${this.where} answered HTTP ${status} for ${args.what}${detail ? `: ${detail}` : ''}`, { status });
    }
    /** Sends a request (GET unless told), answering one authentication challenge when the registry asks. */
    async #authorizedRequest(url, accept, signal, init = {}) {
        const headers = { ...(init.headers ?? {}) };
        if (accept)
            headers.accept = accept;
        const send = () => this.#send(url, {
            method: init.method ?? 'GET',
            headers: { ...headers, ...(this.#authorization ? { authorization: this.#authorization } : {}) },
            ...(init.body !== undefined ? { body: init.body } : {}),
            signal,
        });
        let res = await send();
        if (res.statusCode !== 401)
            return res;
        const challenges = parseChallenges(res.headers['www-authenticate']);
        await res.body.dump().catch(() => { });
        const authorization = await this.#answerChallenge(challenges, signal);
        if (authorization === undefined)
            throw await this.#unauthorized('');
        this.#authorization = authorization;
        res = await send();
        return res;
    }
    /** The Authorization header for a challenge, fetching a bearer token when that is what is asked. */
    async #answerChallenge(challenges, signal) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const creds = await this.#lookupCredentials();
        if (bearer)
            return `Bearer ${await this.#fetchToken(bearer, creds, signal)}`;
        if (basic || challenges.length === 0) {
            if (!creds)
                return undefined;
            if (creds.kind !== 'basic')
                throw new errors/* ConfigurationError */.j1(`${this.where} asks for basic authentication, but the credentials (${creds.from}) are an identity token`);
            return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        }
        throw new errors/* RemoteError */.Hi(`${this.where} asks for an unsupported authentication scheme "${challenges[0].scheme}"`, { status: 401 });
    }
    async #lookupCredentials() {
        if (this.#credentials === null) {
            this.#credentials = await this.#options.credentials();
            this.#options.logger.debug(`${this.where}: ${this.#credentials ? `using credentials from ${this.#credentials.from}` : 'no credentials found; trying anonymously'}`);
        }
        return this.#credentials;
    }
    /** Gets a token from the challenge's realm: GET with basic credentials, or the OAuth2 refresh-token POST. */
    async #fetchToken(challenge, creds, signal) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge without a realm`, { status: 401 });
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where} sent a Bearer challenge with an invalid realm "${realm}"`, { status: 401 });
        }
        const service = challenge.params.service;
        const scope = this.#options.push ? `repository:${this.#name.repository}:pull,push` : (challenge.params.scope ?? `repository:${this.#name.repository}:pull`);
        const what = `a token from ${realmUrl.origin}${realmUrl.pathname}`;
        const res = await this.#withRetries(what, signal, async () => {
            if (creds?.kind === 'identity-token') {
                const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'portcullis', scope });
                if (service)
                    form.set('service', service);
                return this.#send(realmUrl.toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal });
            }
            const url = new URL(realmUrl);
            if (service)
                url.searchParams.set('service', service);
            url.searchParams.set('scope', scope);
            const headers = creds ? { authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } : {};
            return this.#send(url.toString(), { method: 'GET', headers, signal });
        });
        if (res.statusCode === 401 || res.statusCode === 403) {
            await res.body.dump().catch(() => { });
            throw await this.#unauthorized(`the token server ${realmUrl.origin} answered HTTP ${res.statusCode}`);
        }
        if (res.statusCode !== 200) {
            const detail = await errorDetail(res);
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered HTTP ${res.statusCode}${detail ? `: ${detail}` : ''}`, { status: res.statusCode });
        }
        const body = await this.#readBody(res, 1 << 20, what);
        let doc;
        try {
            doc = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered with something that is not JSON`);
        }
        const token = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' && doc.access_token ? doc.access_token : undefined;
        if (!token)
            throw new errors/* RemoteError */.Hi(`${this.where}: the token server ${realmUrl.origin} answered without a token`);
        return token;
    }
    async #unauthorized(detail) {
        const creds = await this.#lookupCredentials().catch(() => undefined);
        const tail = detail ? ` (${detail})` : '';
        if (!creds) {
            return new errors/* RemoteError */.Hi(`authentication required for ${this.where}${tail}: no credentials were found; use --registry-username with PORTCULLIS_REGISTRY_PASSWORD, or docker login`, { status: 401 });
        }
        return new errors/* RemoteError */.Hi(`credentials rejected for ${this.where}${tail}; they came from ${creds.from}`, { status: 401 });
    }
    /** One HTTP exchange through the shared HTTP module, following redirects (dropping Authorization when the origin changes). */
    async #send(url, init) {
        return (0,http/* httpRequest */.aj)(url, { ...init, dispatcher: this.#agent, timeoutMs: this.#timeoutMs });
    }
    /** Runs `fn`, retrying 429, 5xx and network errors with exponential backoff (or Retry-After), through the shared HTTP module. */
    async #withRetries(what, signal, fn) {
        let res;
        try {
            res = await (0,http/* withRetries */.LH)(fn, { retries: this.#retries, backoffMs: this.#retryBaseMs, maxRetryAfterMs: MAX_RETRY_AFTER_MS, signal, logger: this.#options.logger, what: `${this.where}: ${what}` });
        }
        catch (e) {
            if (e instanceof http/* RetriesExhausted */.w1)
                throw this.#networkError(e.cause, what, e.attempts);
            throw e;
        }
        if (res.statusCode !== 429 && res.statusCode < 500)
            return res;
        const detail = await errorDetail(res);
        const attempts = res.attempts;
        const kind = res.statusCode === 429 ? 'rate-limited the request (HTTP 429)' : `answered HTTP ${res.statusCode}`;
        throw new errors/* RemoteError */.Hi(`${this.where} ${kind} for ${what}${detail ? `: ${detail}` : ''}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, {
            status: res.statusCode,
        });
    }
    #networkError(e, what, attempts) {
        if (e instanceof errors/* ConfigurationError */.j1 || e instanceof errors/* RemoteError */.Hi)
            return e;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
        if ((0,http/* isTimeoutError */.c8)(e)) {
            return new errors/* RemoteError */.Hi(`${this.where} did not answer within ${(0,http/* formatMs */._V)(this.#timeoutMs)} for ${what}${tries}`, { cause: e });
        }
        return new errors/* RemoteError */.Hi(`cannot reach ${this.where} at ${this.#base.replace(/\/v2\/.*$/, '')} for ${what}: ${(0,http/* describeNetworkError */.gl)(e, this.#timeoutMs)}${tries}`, { cause: e });
    }
    async #readBody(res, maxBytes, what) {
        const chunks = [];
        let total = 0;
        try {
            for await (const chunk of res.body) {
                total += chunk.length;
                if (total > maxBytes) {
                    res.body.destroy();
                    throw new errors/* ImageError */.C8(`${what} from ${this.where} is larger than ${maxBytes} bytes; refusing it`);
                }
                chunks.push(chunk);
            }
        }
        catch (e) {
            throw this.#networkError(e, what, 1);
        }
        return Buffer.concat(chunks);
    }
}
const SAFE_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SAFE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function checkDigest(digest, what) {
    if (!SAFE_DIGEST.test(digest))
        throw new errors/* ImageError */.C8(`${what} has an invalid digest "${digest}"`);
}
function digestOf(bytes, algorithm, what) {
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
        throw new errors/* ImageError */.C8(`${what} uses an unsupported digest algorithm "${algorithm}"`);
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
/** The registry's own words, from its JSON error body (`{"errors":[{"code","message"}]}`), short. */
async function errorDetail(res) {
    let text;
    try {
        let total = 0;
        const chunks = [];
        for await (const chunk of res.body) {
            total += chunk.length;
            if (total > 64 * 1024) {
                res.body.destroy();
                break;
            }
            chunks.push(chunk);
        }
        text = Buffer.concat(chunks).toString('utf8');
    }
    catch {
        return '';
    }
    try {
        const doc = JSON.parse(text);
        if (Array.isArray(doc.errors) && doc.errors.length > 0) {
            return doc.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
        }
        if (typeof doc.message === 'string')
            return doc.message.slice(0, 300);
    }
    catch {
        // not JSON
    }
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
/** Retry-After as seconds or an HTTP date (the shared HTTP module's reading). */
function retryAfterMs(value, now = Date.now()) {
    return retryAfterHeaderMs(value, now);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/image/registry/credentials.ts






/** The directory holding docker's config.json. */
function dockerConfigDir(lookup) {
    return lookup.dockerConfigDir ?? lookup.env.DOCKER_CONFIG ?? (0,external_node_path_.join)(lookup.env.HOME ?? (0,external_node_os_.homedir)(), '.docker');
}
/**
 * Finds credentials for `registry` (`docker.io`, `host:port`): explicit ones first (flags, environment), then
 * docker's config.json: a `credHelpers` entry, the `credsStore`, then `auths`. Undefined means anonymous.
 * Secrets never reach the logger or an error message.
 */
async function resolveCredentials(registry, lookup) {
    if (lookup.explicit)
        return { kind: 'basic', ...lookup.explicit, from: 'the given credentials' };
    const dir = dockerConfigDir(lookup);
    const file = (0,external_node_path_.join)(dir, 'config.json');
    const config = await readDockerConfig(file);
    if (!config)
        return undefined;
    const keys = authKeys(registry);
    const helper = keys.map((k) => config.credHelpers?.[k]).find((h) => typeof h === 'string' && h !== '');
    if (helper) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${helper} (credHelpers in ${file})`);
        return runCredentialHelper(helper, serverUrlFor(registry), lookup.env, `credHelpers in ${file}`);
    }
    if (config.credsStore) {
        lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${config.credsStore} (credsStore in ${file})`);
        const found = await runCredentialHelper(config.credsStore, serverUrlFor(registry), lookup.env, `credsStore in ${file}`);
        if (found)
            return found;
    }
    const entry = findAuthEntry(config, keys);
    if (!entry)
        return undefined;
    const from = `auths in ${file}`;
    if (entry.identitytoken)
        return { kind: 'identity-token', token: entry.identitytoken, from };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        if (i <= 0)
            throw new errors/* ConfigurationError */.j1(`the "auth" value for ${registry} in ${file} is not base64 of user:password`);
        return { kind: 'basic', username: decoded.slice(0, i), password: decoded.slice(i + 1), from };
    }
    if (entry.username && entry.password)
        return { kind: 'basic', username: entry.username, password: entry.password, from };
    return undefined;
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* ConfigurationError */.j1(`cannot read docker config ${file}: ${e.message}`, { cause: e });
    }
    try {
        const doc = JSON.parse(text);
        if (!doc || typeof doc !== 'object' || Array.isArray(doc))
            throw new Error('not a JSON object');
        return doc;
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`docker config ${file} is not valid JSON: ${e.message}`, { cause: e });
    }
}
/** The names a registry may be filed under in config.json. */
function authKeys(registry) {
    if (registry === reference/* DOCKER_HUB */.Xb)
        return [reference/* DOCKER_HUB_AUTH_KEY */.s1, 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1'];
    return [registry];
}
function findAuthEntry(config, keys) {
    const auths = config.auths ?? {};
    for (const k of keys)
        if (auths[k])
            return auths[k];
    // docker also accepts keys written as URLs: https://host:port/v1/, http://host:port
    for (const [k, v] of Object.entries(auths)) {
        const host = k.replace(/^https?:\/\//, '').split('/')[0];
        if (host && keys.includes(host))
            return v;
    }
    return undefined;
}
/** What docker passes to credential helpers: Docker Hub's v1 URL, else host[:port]. */
function serverUrlFor(registry) {
    return registry === reference/* DOCKER_HUB */.Xb ? reference/* DOCKER_HUB_AUTH_KEY */.s1 : registry;
}
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Runs `docker-credential-<name> get` with the server URL on stdin; stdout is `{"Username", "Secret"}`. A helper that
 * says "credentials not found" means anonymous; one that is missing or fails is a clear error.
 */
async function runCredentialHelper(name, serverUrl, env, from) {
    if (!HELPER_NAME.test(name))
        throw new errors/* ConfigurationError */.j1(`invalid credential helper name "${name}" (${from})`);
    const program = `docker-credential-${name}`;
    const { code, stdout, stderr, spawnError } = await new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        child.on('error', (e) => resolve({ code: null, stdout: '', stderr: '', spawnError: e }));
        child.on('close', (c) => resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { });
        child.stdin.end(serverUrl);
    });
    if (spawnError) {
        if (spawnError.code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) is not installed or not on PATH`);
        }
        throw new errors/* ConfigurationError */.j1(`cannot run credential helper ${program} (${from}): ${spawnError.message}`);
    }
    if (code !== 0) {
        const said = (stdout.trim() || stderr.trim()).split('\n')[0]?.slice(0, 200) ?? '';
        if (/credentials not found/i.test(said))
            return undefined;
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) failed for ${serverUrl} with exit code ${String(code)}${said ? `: ${said}` : ''}`);
    }
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`credential helper ${program} (${from}) printed something that is not JSON for ${serverUrl}`);
    }
    if (typeof doc.Secret !== 'string' || doc.Secret === '')
        return undefined;
    const username = typeof doc.Username === 'string' ? doc.Username : '';
    if (username === '<token>')
        return { kind: 'identity-token', token: doc.Secret, from: `${program} (${from})` };
    return { kind: 'basic', username, password: doc.Secret, from: `${program} (${from})` };
}

;// CONCATENATED MODULE: ./src/image/registry/connect.ts


/**
 * A registry client for one repository, with credentials looked up only when the registry asks: the explicit ones,
 * else docker's config (`auths`, `credHelpers`, `credsStore`). `push` asks for pull,push tokens.
 */
function connectRegistry(name, options, push = false) {
    return RegistryClient.create({
        name,
        ...(push ? { push } : {}),
        credentials: () => resolveCredentials(name.registry, {
            ...(options.credentials ? { explicit: options.credentials } : {}),
            ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
            env: options.env,
            logger: options.logger,
        }),
        ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
        ...(options.caFile ? { caFile: options.caFile } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
        ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
        logger: options.logger,
    });
}


/***/ }),

/***/ 42388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ registryScheme),
/* harmony export */   O8: () => (/* binding */ parseRegistryName),
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   s1: () => (/* binding */ DOCKER_HUB_AUTH_KEY),
/* harmony export */   sM: () => (/* binding */ formatRegistryName)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_ENDPOINT, hostOf */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);

/** Docker Hub's canonical name, and the host that actually serves its pulls. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/** The key docker uses for Docker Hub in config.json and with credential helpers. */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?$/;
/**
 * Parses `[registry/]repository[:tag][@digest]` like docker: a first component with a dot or a colon, or
 * `localhost`, is the registry; otherwise it is Docker Hub, where one-component names get `library/`. Neither tag
 * nor digest means `latest`; with both, the digest decides what is pulled.
 */
function parseRegistryName(input) {
    const text = input.trim();
    const bad = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`invalid image name "${input}": ${why}`);
    if (text === '')
        throw bad('it is empty');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (expected sha256:<64 hex digits>)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a valid tag`);
    }
    let registry = DOCKER_HUB;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
            if (!HOST.test(first))
                throw bad(`"${first}" is not a valid registry host`);
            registry = first;
            path = rest.slice(slash + 1);
        }
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT)
        registry = DOCKER_HUB;
    if (path === '')
        throw bad('the repository is empty');
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    for (const part of path.split('/')) {
        if (!COMPONENT.test(part)) {
            throw bad(part.toLowerCase() !== part ? 'repository names must be lowercase' : `"${part}" is not a valid repository path component`);
        }
    }
    if (path.length > 255)
        throw bad('the repository name is longer than 255 characters');
    const endpoint = registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
    return { registry, endpoint, repository: path, ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}
/** `registry/repository:tag` or `registry/repository@digest`, as users write it. */
function formatRegistryName(name) {
    const base = `${name.registry}/${name.repository}`;
    if (name.digest)
        return `${base}@${name.digest}`;
    return `${base}:${name.tag ?? 'latest'}`;
}
/** What to ask for: the digest when pinned, else the tag. */
function manifestReference(name) {
    return name.digest ?? name.tag ?? 'latest';
}
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Splits `host[:port]`, keeping IPv6 brackets. */
function hostOf(hostPort) {
    if (hostPort.startsWith('['))
        return hostPort.slice(0, hostPort.indexOf(']') + 1);
    const i = hostPort.lastIndexOf(':');
    return i >= 0 ? hostPort.slice(0, i) : hostPort;
}
/** Plain http for loopback registries and the ones the user listed as insecure (by host:port or host). */
function registryScheme(endpoint, insecure = []) {
    const host = hostOf(endpoint).toLowerCase();
    if (LOOPBACK.has(host))
        return 'http';
    const wanted = insecure.map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, ''));
    if (wanted.includes(endpoint.toLowerCase()) || wanted.includes(host))
        return 'http';
    return 'https';
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

/***/ 37794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ sourceRatingOf),
/* harmony export */   YE: () => (/* binding */ scoreVector),
/* harmony export */   bW: () => (/* binding */ cvssOf),
/* harmony export */   pe: () => (/* binding */ decideFindingSeverity)
/* harmony export */ });
/* unused harmony exports severityOfScore, ratingOf, decideSeverity, SEVERITY_ORDER, OS_PACKAGE_TYPES, bestCvss, bestNvdCvss */
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44353);
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64020);


// A CommonJS (UMD) package: Node's ESM loader puts its exports on `default`, a bundler on the namespace itself.
const cvss = ((ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default()) ?? ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss;
/**
 * Scores one CVSS vector with ae-cvss-calculator (v2, v3.0, v3.1, v4.0). Undefined when the vector is malformed or
 * its base metrics are incomplete.
 */
function scoreVector(vector, source) {
    const v = vector.trim();
    try {
        let version;
        let baseScore;
        if (v.startsWith('CVSS:4.0/')) {
            version = '4.0';
            const c = new Cvss4P0(v);
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.1/')) {
            version = '3.1';
            const c = new Cvss3P1(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (v.startsWith('CVSS:3.0/')) {
            version = '3.0';
            const c = new Cvss3P0(v);
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else if (/^(\(?AV:)/.test(v)) {
            version = '2.0';
            const c = new Cvss2(v.replace(/^\(|\)$/g, ''));
            if (!c.isBaseFullyDefined())
                return undefined;
            baseScore = c.calculateScores().base;
        }
        else
            return undefined;
        if (typeof baseScore !== 'number' || Number.isNaN(baseScore))
            return undefined;
        return { version, vector: v, baseScore, ...(source ? { source } : {}) };
    }
    catch {
        return undefined;
    }
}
/** The qualitative rating of a base score, per the scale of its CVSS version (v2 has no Critical and no None). */
function severityOfScore(c) {
    const s = c.baseScore;
    if (c.version === '2.0')
        return s >= 7 ? 'High' : s >= 4 ? 'Medium' : 'Low';
    if (s >= 9)
        return 'Critical';
    if (s >= 7)
        return 'High';
    if (s >= 4)
        return 'Medium';
    if (s > 0)
        return 'Low';
    return 'Negligible';
}
const VERSION_RANK = { '2.0': 0, '3.0': 1, '3.1': 2, '4.0': 3 };
const RATINGS = {
    critical: 'Critical',
    high: 'High',
    important: 'High',
    moderate: 'Medium',
    medium: 'Medium',
    low: 'Low',
    negligible: 'Negligible',
    unimportant: 'Negligible',
    none: 'Negligible',
};
/** A source's own word for severity (GHSA `MODERATE`, Ubuntu `negligible`, Debian urgency `unimportant`, `low**`). */
function ratingOf(text) {
    if (typeof text !== 'string')
        return undefined;
    return RATINGS[text.trim().toLowerCase().replace(/\*+$/, '')];
}
function cvssEntries(list, source) {
    const out = [];
    for (const s of list ?? []) {
        if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
            const c = scoreVector(s.score, source);
            if (c)
                out.push(c);
        }
    }
    return out;
}
/** Every scorable CVSS vector of a record and of the matched `affected` entry, without duplicates. */
function cvssOf(record, affected, source) {
    const all = [...cvssEntries(record.severity, source), ...cvssEntries(affected?.severity, source)];
    const seen = new Set();
    return all.filter((c) => (seen.has(c.vector) ? false : (seen.add(c.vector), true)));
}
/** The source's own rating, from the matched `affected` entry first, then the record. */
function sourceRatingOf(record, affected) {
    const places = [affected?.ecosystem_specific, affected?.database_specific, record.database_specific];
    for (const p of places) {
        if (!p)
            continue;
        const r = ratingOf(p.severity) ?? ratingOf(p.urgency) ?? ratingOf(p.priority);
        if (r)
            return r;
    }
    for (const s of [...(affected?.severity ?? []), ...(record.severity ?? [])]) {
        if (s.type === 'Ubuntu') {
            const r = ratingOf(s.score);
            if (r)
                return r;
        }
    }
    // osv.dev's AlmaLinux and Rocky records carry Red Hat's rating only in the summary: "Moderate: avahi security update".
    if (/^(ALSA|RLSA|ALBA|ALEA|RXSA)-/.test(record.id) && typeof record.summary === 'string') {
        const m = /^\s*(Critical|Important|Moderate|Low)\s*:/i.exec(record.summary);
        if (m)
            return ratingOf(m[1]);
    }
    return undefined;
}
/**
 * The severity precedence rule:
 * 1. CVSS vectors (from `severity` of the record and of the matched `affected` entry, of every merged record) are
 *    scored with ae-cvss-calculator. The newest CVSS version present decides (4.0 > 3.1 > 3.0 > 2.0); among vectors
 *    of that version the highest base score decides; the rating is that version's qualitative scale.
 * 2. Without a scorable vector: the source's own rating (`ecosystem_specific` / `database_specific` `severity`,
 *    `urgency` or `priority`, or an `Ubuntu` severity entry), the highest among merged records.
 * 3. Otherwise `Unknown`.
 */
function decideSeverity(cvssList, sourceRatings) {
    if (cvssList.length > 0) {
        const best = [...cvssList].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
        return severityOfScore(best);
    }
    const order = ['Critical', 'High', 'Medium', 'Low', 'Negligible'];
    for (const s of order)
        if (sourceRatings.includes(s))
            return s;
    return 'Unknown';
}
const SEVERITY_ORDER = (/* unused pure expression or super */ null && (['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown']));
/** Package types whose records come from a distro (their rating is the distro's own, as grype and trivy use it). */
const OS_PACKAGE_TYPES = _target_js__WEBPACK_IMPORTED_MODULE_1__/* .OS_PACKAGE_TYPE_SET */ .oQ; // derived from the exhaustive table in target.ts
/** The best of a set of vectors: the newest CVSS version, then the highest base score. */
function bestCvss(list) {
    return [...list].sort((a, b) => VERSION_RANK[b.version] - VERSION_RANK[a.version] || b.baseScore - a.baseScore)[0];
}
/** NVD's deciding vector: its Primary metrics (NVD's own) first, else the Secondary ones (a CNA's); then `bestCvss`. */
function bestNvdCvss(list) {
    const primary = list.filter((c) => c.type !== 'Secondary');
    return bestCvss(primary.length > 0 ? primary : list);
}
const RANK = { Critical: 5, High: 4, Medium: 3, Low: 2, Negligible: 1, Unknown: 0 };
/**
 * The severity precedence (README, "Severity"), as grype and trivy decide it:
 * - OS packages (deb, apk, rpm): the distro's own rating, then NVD's CVSS, then the record's CVSS.
 * - Language packages: the advisory's own label (GHSA's wins over a vector that disagrees), then the record's
 *   CVSS, then NVD's.
 * Among ratings the highest wins; among vectors the newest CVSS version, then the highest base score (NVD:
 * Primary metrics first). `source` is `vendor:<data source>`, `cvss:<data source>`, `nvd` or `none` (Unknown).
 */
function decideFindingSeverity(input) {
    const vendor = () => {
        const best = [...input.ratings].filter((r) => r.severity !== 'Unknown').sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
        return best ? { severity: best.severity, source: `vendor:${best.dataSource}` } : undefined;
    };
    const record = () => {
        const best = bestCvss(input.cvss);
        return best ? { severity: severityOfScore(best), source: `cvss:${best.source ?? 'record'}` } : undefined;
    };
    const nvd = () => {
        const best = bestNvdCvss(input.nvdCvss);
        return best ? { severity: severityOfScore(best), source: 'nvd' } : undefined;
    };
    const order = OS_PACKAGE_TYPES.has(input.packageType) ? [vendor, nvd, record] : [vendor, record, nvd];
    for (const step of order) {
        const r = step();
        if (r)
            return r;
    }
    return { severity: 'Unknown', source: 'none' };
}


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

/***/ 20571:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/policy/gates/vulnerabilities/vulnerabilities.ts + 1 modules
var vulnerabilities = __webpack_require__(41589);
;// CONCATENATED MODULE: ./src/output/format.ts
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
    const pkg = (0,vulnerabilities/* triggerPackageName */._F)(f);
    return [...new Set([(0,vulnerabilities/* vulnerabilityTriggerId */.GT)(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
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
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(cwd, checkoutRoot), (0,external_node_path_.resolve)(cwd, path));
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
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
                    name: imageRepository(report),
                    version: report.image.manifestDigest ?? report.image.configDigest,
                    properties: [
                        { name: 'portcullis:image:reference', value: imageLabel(report) },
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
            vulnerabilities: scopedFindings(report, options)
                .map((f) => vulnerability(f, known))
                .filter((v) => v !== undefined),
        };
        return stableJson(doc, ['bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components', 'dependencies', 'vulnerabilities']);
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
        id: uuidFrom([imageLabel(report), f.id, f.packageType, f.packageName, f.installedVersion, f.locations[0]?.path ?? ''].join('\u0000')),
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
        const image = imageLabel(report);
        const time = gitlabTime(report.createdAt);
        const scanner = { id: 'portcullis', name: 'Portcullis', version: report.tool.version, vendor: { name: 'Portcullis' } };
        const messages = [
            ...(dataWarning(report) ? [{ level: 'warn', value: `Warning: ${dataWarning(report)}.` }] : []),
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
            vulnerabilities: scopedFindings(report, options).map((f) => gitlab_vulnerability(report, f, os, image)),
            remediations: [],
        };
        return stableJson(doc, ['version', 'scan', 'vulnerabilities', 'remediations']);
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
    render: (report, options) => stableJson(scopedReport(report, options), TOP_LEVEL),
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
        const image = imageLabel(report);
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
        const findings = scopedFindings(report, options);
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
        const findings = scopedFindings(report, options);
        const counts = countBySeverity(findings);
        const width = options.width && options.width > 0 ? options.width : undefined;
        const prose = (text) => (width ? wrapText(text, width) : [text]);
        const out = [];
        const [first, ...rest] = prose(`${report.decision}  ${imageLabel(report)} (${platformText(report)})  ${report.packages.length} packages, ${findings.length} vulnerabilities`);
        out.push(`${colour(report.decision, report.decision)}${first.slice(report.decision.length)}`, ...rest);
        out.push(...prose(SEVERITIES.map((s) => `${s}: ${counts[s]}`).join('  ')));
        const warning = dataWarning(report);
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
                const o = originOf(report, f.locations[0]);
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
    const repoPath = repositoryPath(df.path, options.checkoutRoot ?? cwd, cwd);
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
    const scope = reportScope(report, options);
    const findings = scope.findings;
    const where = `the JSON report and the SARIF have them all${options.reportUrl ? ` (${markdown_link('workflow run', options.reportUrl)})` : ''}`;
    const df = dockerfileRef(report, options);
    // 1. The decision, the image and its digest.
    const head = [];
    head.push(`## ${ICON[report.decision]} ${report.decision}: ${code(imageLabel(report), false)}`, '');
    const counts = countBySeverity(findings);
    const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => (s === 'Critical' || s === 'High' ? `**${plural(counts[s], s, s)}**` : plural(counts[s], s, s)));
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
    head.push(`**Digest:** ${digestText(report, false)}\\`, `**Platform:** ${markdown_text(platformText(report))} · **source:** ${markdown_text(report.image.source)}`, '');
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
        const origin = originOf(report, f.locations[0]);
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
    const maxBytes = options.maxBytes ?? GITHUB_SUMMARY_MAX_BYTES;
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

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
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
        return (0,identity/* repositoryNames */.L0)(report.image)[0] ?? imageRepository(report);
    return imageRepository(report);
}
/**
 * The trigger ids a vulnerabilities-gate trigger about this finding can have: `<vulnerability>+<package part>`, with the
 * id the gate uses (a GHSA for language packages) or the finding's id or any alias (a bundle evaluated elsewhere).
 */
function sarif_findingTriggerIds(f) {
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
        this.repo = imageRepository(report);
        this.fingerprintRepo = fingerprintRepository(report);
        this.label = imageLabel(report);
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
            return { physicalLocation: { artifactLocation: this.dockerfileArtifact(df.path), region: { startLine: fromLine(this.report) ?? 1 } } };
        return { physicalLocation: { artifactLocation: this.imageArtifact(this.repo.replace(/[^A-Za-z0-9._/-]/g, '-')), region: { startLine: 1 } } };
    }
    locationOf(loc) {
        const df = this.report.dockerfile;
        const origin = originOf(this.report, loc);
        const layer = loc.provenance?.layerDigest;
        const logical = [{ name: loc.path, fullyQualifiedName: `${this.label}${layer ? `@${layer}` : ''}:${loc.path}`, kind: 'resource' }];
        if (df) {
            const region = origin?.line !== undefined ? { startLine: origin.line, ...(origin.endLine && origin.endLine > origin.line ? { endLine: origin.endLine } : {}) } : { startLine: fromLine(this.report) ?? 1 };
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
            const severity = same.map((f) => f.severity).sort((a, b) => severityRank(a) - severityRank(b))[0] ?? 'Unknown';
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
        const origin = originOf(this.report, f.locations[0]);
        const fixed = f.fix.state === 'fixed' && f.fix.versions.length ? `Fixed in ${f.fix.versions.join(', ')}.` : `No fix (${f.fix.state}).`;
        const where = origin ? (origin.base ? ' From the base image (FROM line).' : ` Introduced by line ${origin.line}: ${origin.instruction ?? ''}.`) : '';
        return {
            priority: 2 + severityRank(f.severity),
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
        const about = p.gate === 'vulnerabilities' ? this.report.findings.find((f) => sarif_findingTriggerIds(f).includes(p.trigger_id)) : undefined;
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
        const worst = [...group].sort(compareFindings)[0];
        const names = group.map((f) => `${f.packageName} ${f.installedVersion}`);
        const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? `, and ${names.length - 10} more` : '');
        return {
            priority: 2 + severityRank(worst.severity),
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
    const platform = platformText(report);
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
    const limits = options.sarifLimits ?? GITHUB_SARIF_LIMITS;
    const findings = scopedFindings(report, options);
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
        vulns.sort((a, b) => a.priority - b.priority || compareFindings(a.finding, b.finding));
        note('grouped', `${findings.length} findings are more than GitHub's ${limits.maxResultsPerRun} results per run: they are grouped into one result per vulnerability id (${vulns.length} results).`);
    }
    // One alert per problem: a vulnerabilities trigger about a finding with its own result goes on that result.
    const byTrigger = new Map();
    for (const c of vulns) {
        for (const key of new Set(c.findings.flatMap(sarif_findingTriggerIds))) {
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
        const name = imageLabel(report);
        const packages = report.packages.map(spdxPackage);
        const doc = {
            spdxVersion: 'SPDX-2.3',
            dataLicense: 'CC0-1.0',
            SPDXID: 'SPDXRef-DOCUMENT',
            name,
            documentNamespace: `https://spdx.org/spdxdocs/portcullis-${imageRepository(report).replace(/[^A-Za-z0-9.-]/g, '-')}-${uuidFrom([report.image.configDigest, report.createdAt].join('\u0000'))}`,
            creationInfo: { created: report.createdAt.replace(/\.\d+Z$/, 'Z'), creators: [`Tool: portcullis-${report.tool.version}`] },
            // What could not be read (a package database there means its packages are missing from this SBOM).
            ...(report.unknowns.length ? { comment: [(0,formats_unknowns/* unknownsSummary */._)(report.unknowns, 'below'), ...report.unknowns.map(formats_unknowns/* unknownLine */.f)].join('\n') } : {}),
            packages: [
                {
                    SPDXID: imageId,
                    name: imageRepository(report),
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
        return stableJson(doc, ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'documentNamespace', 'creationInfo', 'packages', 'relationships']);
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
  OM: () => (/* binding */ sbomInput)
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
    const parts = [];
    let depth = 0;
    let start = 0;
    const s = expression.trim();
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
    return asArray(c.properties)
        .map(asRecord)
        .filter((p) => p !== undefined)
        .map((p) => ({ name: asString(p.name) ?? '', value: asString(p.value) ?? '' }))
        .filter((p) => p.name !== '');
}
/** The first value of a property, under the Portcullis name or syft's. */
function prop(props, ...names) {
    for (const n of names) {
        const hit = props.find((p) => p.name === n);
        if (hit?.value)
            return hit.value;
    }
    return undefined;
}
function licensesOf(c) {
    const out = [];
    for (const entry of asArray(c.licenses).map(asRecord)) {
        if (!entry)
            continue;
        const expression = asString(entry.expression);
        if (expression) {
            out.push(...splitLicenseExpression(expression));
            continue;
        }
        const license = asRecord(entry.license);
        const text = asString(license?.id) ?? asString(license?.name);
        if (text)
            out.push(text);
    }
    return out;
}
/** `portcullis:location:N:path` (or syft's) with, when all are given, the layer it came from. */
function locationsOf(props) {
    const byIndex = new Map();
    for (const p of props) {
        const m = /^(?:portcullis|syft):location:(\d+):(\w+)$/.exec(p.name);
        if (!m)
            continue;
        const i = Number(m[1]);
        byIndex.set(i, { ...byIndex.get(i), [m[2]]: p.value });
    }
    if (byIndex.size === 0) {
        // trivy's FilePath (relative to the image root) and cdxgen's SrcFile: one path, no layer index.
        const file = prop(props, 'aquasecurity:trivy:FilePath', 'SrcFile');
        return file ? [{ path: file.startsWith('/') ? file : `/${file}` }] : [];
    }
    return [...byIndex.entries()]
        .sort((a, b) => a[0] - b[0])
        .filter(([, f]) => f.path)
        .map(([, f]) => {
        const layerIndex = f.layerIndex !== undefined ? Number(f.layerIndex) : NaN;
        const provenance = Number.isInteger(layerIndex) && f.layerDigest && f.diffId
            ? { provenance: { layerIndex, layerDigest: f.layerDigest, diffId: f.diffId } }
            : {};
        return { path: f.path, ...provenance };
    });
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
    const repoDigests = props.filter((p) => p.name === 'portcullis:image:repoDigest' || p.name === 'aquasecurity:trivy:RepoDigest').map((p) => p.value);
    const repoTags = props.filter((p) => p.name === 'aquasecurity:trivy:RepoTag').map((p) => p.value);
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
/** Every component, nested ones included (CycloneDX allows components inside components). */
function flatten(components) {
    return asArray(components)
        .map(asRecord)
        .filter((c) => c !== undefined)
        .flatMap((c) => [c, ...flatten(c.components)]);
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
    const idLike = props.filter((p) => /^syft:distro:idLike:\d+$/.test(p.name)).map((p) => p.value);
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
        return compact({ sourceName: ours, sourceVersion: prop(props, 'portcullis:package:sourceVersion') });
    const trivy = prop(props, 'aquasecurity:trivy:SrcName');
    if (trivy)
        return compact({ sourceName: trivy, sourceVersion: trivySourceVersion(props) });
    const srpm = prop(props, 'syft:metadata:sourceRpm');
    const fromRpm = srpm ? sourceOfRpmFile(srpm) : undefined;
    if (fromRpm)
        return { sourceName: fromRpm.name, sourceVersion: fromRpm.version };
    return compact({ sourceName: prop(props, 'syft:metadata:source', 'syft:metadata:originPackage'), sourceVersion: prop(props, 'syft:metadata:sourceVersion') });
}
/**
 * cdxgen drops trivy's properties from OS package components and adds, for each binary built from a differently
 * named source, a copy named after the source, tagged `source`, whose identity evidence names the binary
 * (CycloneDX/cdxgen lib/managers/binary.js, "Many vulnerability databases … track vulnerabilities based on source
 * package names"). That copy is not an installed package: it gives its binary's source package.
 */
function cdxgenSourceSibling(c) {
    if (!asArray(c.tags).includes('source'))
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
        const label = `component "${[group, name].filter(Boolean).join('/') || asString(c['bom-ref']) || '?'}"`;
        const r = toPackage(compact({
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
            ...sourceOf(props),
            arch: prop(props, 'portcullis:package:arch', 'syft:metadata:architecture', 'syft:metadata:arch'),
            ownedBy: prop(props, 'portcullis:package:ownedBy'),
        }), 'cyclonedx', label);
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
/** Parses an SBOM document; `label` names it in errors. Not JSON, or no known format, is a ConfigurationError. */
function parseSbom(text, label) {
    const depth = (0,common_json/* jsonDepth */.QV)(text, common_json/* DEFAULT_MAX_JSON_DEPTH */.kF);
    if (depth > common_json/* DEFAULT_MAX_JSON_DEPTH */.kF)
        throw new errors/* ConfigurationError */.j1(`${label} is nested too deeply (more than ${common_json/* DEFAULT_MAX_JSON_DEPTH */.kF} levels of arrays and objects)`);
    let json;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`${label} is not JSON: ${(0,errors/* getErrorMessage */.u1)(e)} (SBOM input reads CycloneDX JSON, SPDX JSON or Portcullis JSON)`, { cause: e });
    }
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
    const document = await loadSbom(path);
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
  OE: () => (/* binding */ VERSION_SCHEMES),
  Xl: () => (/* binding */ compareForPackageType),
  my: () => (/* binding */ getScheme),
  H_: () => (/* binding */ schemeForEcosystem)
});

// UNUSED EXPORTS: knownEcosystems, schemeForPackageType

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
/* harmony export */   eV: () => (/* binding */ InvalidVersionError),
/* harmony export */   l5: () => (/* binding */ isDigitCode),
/* harmony export */   oY: () => (/* binding */ compareDigits),
/* harmony export */   q9: () => (/* binding */ VersionSyntaxError)
/* harmony export */ });
/* unused harmony export sign */
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


/***/ }),

/***/ 3427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ updateFromRepository),
/* harmony export */   Kn: () => (/* binding */ pushCompiled),
/* harmony export */   ax: () => (/* binding */ DEFAULT_DB_REPOSITORY)
/* harmony export */ });
/* unused harmony exports VULNDB_ARTIFACT_TYPE, VULNDB_LAYER_TYPE, OCI_MANIFEST_TYPE, OCI_EMPTY_TYPE, parseDbRepository, artifactManifest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71922);
/* harmony import */ var _image_registry_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89100);
/* harmony import */ var _image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42388);
/* harmony import */ var _compiled_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92210);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90976);






/**
 * The compiled vulnerability database as an OCI artifact: an image manifest with
 * `artifactType: application/vnd.portcullis.vulndb.v1`, the empty config, and one layer (the compiled file).
 */
const DEFAULT_DB_REPOSITORY = 'ghcr.io/portcullis/vulndb:v1';
const VULNDB_ARTIFACT_TYPE = 'application/vnd.portcullis.vulndb.v1';
const VULNDB_LAYER_TYPE = 'application/vnd.portcullis.vulndb.layer.v1+gzip';
const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
/** A compiled database larger than this is refused. */
const MAX_LAYER_BYTES = 2 ** 31;
/** Strips an optional `registry:` prefix and parses the name. */
function parseDbRepository(ref) {
    return (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRegistryName */ .O8)(ref.replace(/^registry:/, ''));
}
function clientFor(name, options, push) {
    return (0,_image_registry_connect_js__WEBPACK_IMPORTED_MODULE_2__.connectRegistry)(name, options, push);
}
function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** The artifact's manifest for a compiled file (deterministic: the same file gives the same manifest). */
function artifactManifest(file, header) {
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_TYPE,
        artifactType: VULNDB_ARTIFACT_TYPE,
        config: { mediaType: OCI_EMPTY_TYPE, digest: sha256(EMPTY_CONFIG), size: EMPTY_CONFIG.length, data: EMPTY_CONFIG.toString('base64') },
        layers: [{ mediaType: VULNDB_LAYER_TYPE, digest: sha256(file), size: file.length, annotations: { 'org.opencontainers.image.title': 'vulndb.pcdb.gz' } }],
        annotations: { 'org.opencontainers.image.created': header.builtAt, 'io.portcullis.vulndb.schema': String(header.schemaVersion) },
    };
    return Buffer.from(JSON.stringify(manifest));
}
/** Publishes a compiled file (checked first) as the artifact `ref` (`registry:host/repo:tag` or `host/repo:tag`). */
async function pushCompiled(file, what, ref, options, signal) {
    const { header } = (0,_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .readCompiled */ .OR)(file, what);
    const name = parseDbRepository(ref);
    if (name.digest)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`db push needs a tag to push to, not a digest: ${ref}`);
    const client = await clientFor(name, options, true);
    try {
        await client.pushBlob(EMPTY_CONFIG, sha256(EMPTY_CONFIG), signal);
        const layerDigest = sha256(file);
        const uploaded = await client.pushBlob(file, layerDigest, signal);
        const manifest = artifactManifest(file, header);
        const manifestDigest = await client.putManifest((0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestReference */ .Tn)(name), manifest, OCI_MANIFEST_TYPE, signal);
        return { reference: (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRegistryName */ .sM)(name), manifestDigest, layerDigest, bytes: file.length, uploaded };
    }
    finally {
        await client.close();
    }
}
/**
 * `db update --db-repository`: GETs the manifest; when its digest is the one the live database came from, stops
 * there. Otherwise streams the layer (checking its sha256 and size), checks the compiled file and swaps it in.
 * Any failure is a RemoteError that says the previous database is kept (and it is).
 */
async function updateFromRepository(cacheDir, ref, options, signal) {
    let previous;
    try {
        previous = (0,_store_js__WEBPACK_IMPORTED_MODULE_5__/* .readMetadata */ ._6)(cacheDir);
    }
    catch (error) {
        options.logger.warning(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}; replacing it`);
    }
    const name = parseDbRepository(ref);
    const shown = (0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRegistryName */ .sM)(name);
    const kept = previous ? `the previous database (updated ${previous.updatedAt}${previous.compiled?.manifestDigest ? `, ${previous.compiled.manifestDigest}` : ''}) is kept` : 'there is no previous database';
    const client = await clientFor(name, options, false);
    try {
        const got = await client.getManifest((0,_image_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .manifestReference */ .Tn)(name), [OCI_MANIFEST_TYPE], signal);
        if (got.advertised && got.advertised.split(':')[0] === got.digest.split(':')[0] && got.advertised !== got.digest) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`digest mismatch for manifest ${shown}: the registry says ${got.advertised}, its content hashes to ${got.digest}`);
        }
        if (previous?.compiled?.manifestDigest === got.digest) {
            return { reference: shown, manifestDigest: got.digest, unchanged: true, metadata: previous };
        }
        let manifest;
        try {
            manifest = JSON.parse(got.bytes.toString('utf8'));
        }
        catch {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the manifest of ${shown} is not JSON`);
        }
        const layer = manifest.layers?.find((l) => l.mediaType === VULNDB_LAYER_TYPE);
        if (manifest.artifactType !== VULNDB_ARTIFACT_TYPE || !layer?.digest || typeof layer.size !== 'number') {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`${shown} is not a Portcullis vulnerability database (artifactType ${String(manifest.artifactType)}, expected ${VULNDB_ARTIFACT_TYPE} with one ${VULNDB_LAYER_TYPE} layer)`);
        }
        if (layer.size > MAX_LAYER_BYTES)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer of ${shown} is ${layer.size} bytes, more than ${MAX_LAYER_BYTES}`);
        const algorithm = layer.digest.split(':')[0];
        if (algorithm !== 'sha256' && algorithm !== 'sha512')
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer of ${shown} uses an unsupported digest ${layer.digest}`);
        const stream = await client.openBlob(layer.digest, 'vulnerability database', signal);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
        const chunks = [];
        let total = 0;
        for await (const chunk of stream) {
            const c = chunk;
            total += c.length;
            if (total > layer.size) {
                stream.destroy();
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer ${layer.digest} of ${shown} is larger than its manifest says (${layer.size} bytes)`);
            }
            hash.update(c);
            chunks.push(c);
        }
        const actual = `${algorithm}:${hash.digest('hex')}`;
        if (actual !== layer.digest)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`digest mismatch for the database layer of ${shown}: expected ${layer.digest}, the content hashes to ${actual}`);
        if (total !== layer.size)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`the database layer ${layer.digest} of ${shown} is ${total} bytes, its manifest says ${layer.size}`);
        const { metadata } = (0,_compiled_js__WEBPACK_IMPORTED_MODULE_4__/* .openCompiled */ .SJ)(Buffer.concat(chunks), cacheDir, { repository: shown, manifestDigest: got.digest, layerDigest: layer.digest });
        return { reference: shown, manifestDigest: got.digest, unchanged: false, metadata, bytes: total };
    }
    catch (error) {
        const message = `Vulnerability database update from ${shown} failed: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}; ${kept}`;
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(message, { cause: error, ...(error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && error.status !== undefined ? { status: error.status } : {}) });
    }
    finally {
        await client.close();
    }
}


/***/ }),

/***/ 92210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ parseBuildSource),
/* harmony export */   OR: () => (/* binding */ readCompiled),
/* harmony export */   SJ: () => (/* binding */ openCompiled),
/* harmony export */   Uz: () => (/* binding */ buildCompiled)
/* harmony export */ });
/* unused harmony exports COMPILED_MAGIC, COMPILED_FORMAT_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71922);
/* harmony import */ var _enrichment_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(55972);
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94399);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83676);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90976);










/**
 * A compiled vulnerability database: the whole live database (metadata.json and every segment) in ONE file, for
 * shipping (`db build`, `db push`, `db update --db-repository`).
 *
 * Format (version 1), gzip'd with fixed settings (level 9, no name, mtime 0):
 *   line 1: `portcullis-vulndb <format version> sha256:<hex>`: the hex is the sha256 of every byte after this line;
 *   line 2: the header, one JSON object (`CompiledHeader`): schema version, built-at, sources, the files;
 *   then the files' bytes, one after the other, in the header's order.
 * The same inputs give the same bytes: sources and records are sorted, and the only times inside are `--built-at`
 * (default: the newest `modified` among the records) and what the sources say themselves.
 */
const COMPILED_MAGIC = 'portcullis-vulndb';
const COMPILED_FORMAT_VERSION = 1;
const FILE_NAME = /^(metadata\.json|s\d+\.jsonl|s\d+\.idx\.json)$/;
/** Parses `KIND:PATH|URL` (`osv-local:../data/osv`, `osv-bucket:https://…`, `kev:https://…`). */
function parseBuildSource(text, extra = {}) {
    const colon = text.indexOf(':');
    const provider = colon > 0 ? text.slice(0, colon) : '';
    const where = colon > 0 ? text.slice(colon + 1) : '';
    if (!provider || !where)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--source "${text}" is not KIND:PATH or KIND:URL (for example osv-local:./osv or osv-bucket:https://host/bucket)`);
    if (!_list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.find(provider)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--source "${text}": unknown provider "${provider}" (known: ${_list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.ids().join(', ')})`);
    }
    const location = /^https?:\/\//i.test(where) ? { url: where } : { path: where };
    // `--ecosystem` names OSV bucket ecosystems; other providers read `ecosystems` as something else (NVD: years)
    const { ecosystems, ...common } = extra;
    return { provider, options: { ...common, ...(provider === 'osv-bucket' && ecosystems ? { ecosystems } : {}), ...location } };
}
/** Runs every source's provider into a fresh temporary database and packs it into one compiled file. */
async function buildCompiled(options) {
    if (options.sources.length === 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('db build needs at least one --source');
    const fixed = options.builtAt;
    const now = () => fixed ?? new Date(0);
    const batches = [];
    for (const source of options.sources) {
        const provider = _list_js__WEBPACK_IMPORTED_MODULE_6__/* .VULNERABILITY_PROVIDERS */ .I.get(source.provider);
        const got = await provider.fetch(source.options, { logger: options.logger, previous: new Map(), now, ...(options.signal ? { signal: options.signal } : {}) });
        batches.push(...got);
    }
    const full = batches.filter((b) => !b.notModified);
    const ids = new Set();
    let newest = '';
    for (const b of full) {
        if (_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .ENRICHMENT_KINDS */ .U.has(b.kind))
            continue;
        for (const r of b.records) {
            for (const id of (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_9__/* .joinIds */ .VS)(r))
                ids.add(id);
            if (typeof r.modified === 'string' && r.modified > newest)
                newest = r.modified;
        }
    }
    const builtAt = fixed ?? (newest && !Number.isNaN(Date.parse(newest)) ? new Date(newest) : new Date(0));
    const enrichment = { fetched: 0, kept: 0, fetchedBytes: 0, keptBytes: 0 };
    const sorted = full
        .map((b) => {
        const stamped = fixed ? b : { ...b, fetchedAt: b.fetchedAt === new Date(0).toISOString() ? builtAt.toISOString() : b.fetchedAt };
        if (_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .ENRICHMENT_KINDS */ .U.has(b.kind)) {
            const all = b.enrichments ?? [];
            const kept = all.filter((e) => ids.has(e.id.trim().toUpperCase()));
            enrichment.fetched += all.length;
            enrichment.kept += kept.length;
            for (const e of all)
                enrichment.fetchedBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            for (const e of kept)
                enrichment.keptBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
            return { ...stamped, enrichments: [...kept].sort(byId) };
        }
        return { ...stamped, records: [...b.records].sort(byRecord) };
    })
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seen = new Set();
    for (const b of sorted) {
        if (seen.has(b.id))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`db build: two sources are both "${b.id}"; name each source once`);
        seen.add(b.id);
    }
    const temp = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'portcullis-build-'));
    try {
        const { dir, metadata } = (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .writeDatabase */ .tW)(temp, sorted, builtAt);
        const files = ['metadata.json', ...metadata.segments.flatMap((s) => [s.data, s.index])];
        const sources = metadata.segments.map((s) => ({
            id: s.id,
            provider: s.provider,
            kind: s.kind,
            location: s.location,
            fetchedAt: s.fetchedAt,
            ...(s.lastModified ? { lastModified: s.lastModified } : {}),
            ...(s.etag ? { etag: s.etag } : {}),
            records: s.records,
            skipped: s.skipped,
        }));
        const bodies = files.map((name) => ({ name, body: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name)) }));
        const header = {
            formatVersion: COMPILED_FORMAT_VERSION,
            schemaVersion: _store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN,
            builtAt: builtAt.toISOString(),
            sources,
            enrichment,
            files: bodies.map(({ name, body }) => ({ name, bytes: body.length, sha256: sha256(body) })),
        };
        const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => b.body)]);
        const checksum = sha256(content);
        const plain = Buffer.concat([Buffer.from(`${COMPILED_MAGIC} ${COMPILED_FORMAT_VERSION} sha256:${checksum}\n`), content]);
        const bytes = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.gzipSync)(plain, { level: 9, memLevel: 9, strategy: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.Z_DEFAULT_STRATEGY });
        return { bytes, header, checksum };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { recursive: true, force: true });
    }
}
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function byRecord(a, b) {
    if (a.id !== b.id)
        return a.id < b.id ? -1 : 1;
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Reads a compiled file and checks it whole: gzip, the magic line, its checksum, the format and schema versions,
 * each file's size and sha256. Anything wrong is a ConfigurationError naming what (`what` names the file).
 */
function readCompiled(bytes, what) {
    const bad = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what} is not a usable compiled vulnerability database: ${why}`);
    let plain;
    try {
        plain = (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.gunzipSync)(bytes);
    }
    catch (error) {
        throw bad(`it does not gunzip (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    const nl = plain.indexOf(0x0a);
    const first = (nl > 0 ? plain.subarray(0, Math.min(nl, 200)) : plain.subarray(0, 0)).toString('utf8');
    const m = /^portcullis-vulndb (\d+) sha256:([a-f0-9]{64})$/.exec(first);
    if (!m)
        throw bad('it does not start with the portcullis-vulndb line');
    if (Number(m[1]) !== COMPILED_FORMAT_VERSION)
        throw bad(`its format version is ${m[1]}, this Portcullis reads ${COMPILED_FORMAT_VERSION}; update Portcullis`);
    const content = plain.subarray(nl + 1);
    const checksum = sha256(content);
    if (checksum !== m[2])
        throw bad(`its checksum does not match (sha256:${checksum}, expected sha256:${m[2]}); the file is corrupt`);
    const hl = content.indexOf(0x0a);
    let header;
    try {
        header = JSON.parse(content.subarray(0, hl).toString('utf8'));
    }
    catch (error) {
        throw bad(`its header is not JSON (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    if (header.schemaVersion !== _store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN) {
        throw bad(`its database schema version is ${String(header.schemaVersion)}, this Portcullis reads ${_store_js__WEBPACK_IMPORTED_MODULE_8__/* .DB_SCHEMA_VERSION */ .kN}`);
    }
    if (!Array.isArray(header.files) || !header.files.some((f) => f.name === 'metadata.json'))
        throw bad('it lists no metadata.json');
    const files = [];
    let at = hl + 1;
    for (const f of header.files) {
        if (!FILE_NAME.test(f.name))
            throw bad(`it holds a file with an unexpected name "${f.name}"`);
        const body = content.subarray(at, at + f.bytes);
        if (body.length !== f.bytes || sha256(body) !== f.sha256)
            throw bad(`${f.name} does not match its size or sha256`);
        files.push({ name: f.name, body });
        at += f.bytes;
    }
    if (at !== content.length)
        throw bad(`${content.length - at} trailing byte(s) after the last file`);
    return { header, checksum, files };
}
/**
 * Unpacks a compiled file into a new database folder and makes it live. The file is checked whole first; on any
 * failure the half-written folder is removed and the live database is left alone.
 */
function openCompiled(input, cacheDir, origin = {}) {
    let bytes;
    if (typeof input === 'string') {
        try {
            bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(input);
        }
        catch (error) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`cannot read the compiled database ${input}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    else
        bytes = input;
    const what = typeof input === 'string' ? input : (origin.repository ?? 'the compiled database');
    const { header, checksum, files } = readCompiled(bytes, what);
    let metadata;
    try {
        metadata = JSON.parse(files.find((f) => f.name === 'metadata.json').body.toString('utf8'));
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what}: its metadata.json is not JSON (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(error)})`);
    }
    const names = new Set(files.map((f) => f.name));
    for (const s of metadata.segments ?? []) {
        if (!names.has(s.data) || !names.has(s.index))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${what}: source ${s.id} names files that are not inside`);
    }
    metadata = { ...metadata, compiled: { builtAt: header.builtAt, checksum: `sha256:${checksum}`, ...origin } };
    const dir = (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .newDatabaseDir */ .BL)(cacheDir);
    try {
        for (const f of files)
            if (f.name !== 'metadata.json')
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, f.name), f.body);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
        (0,_store_js__WEBPACK_IMPORTED_MODULE_8__/* .activateDatabase */ .ls)(cacheDir, dir);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
    return { metadata, header };
}


/***/ }),

/***/ 55972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ enrichmentKey),
/* harmony export */   VS: () => (/* binding */ joinIds),
/* harmony export */   iZ: () => (/* binding */ mergeEnrichment)
/* harmony export */ });
/* unused harmony export MemoryEnrichment */
/** The index key of an enrichment id. */
function enrichmentKey(id) {
    return `id\u0000${id.trim().toUpperCase()}`;
}
/** Merges enrichments of one id from several sources: a later source's field replaces an earlier one's. */
function mergeEnrichment(into, add) {
    return { ...(into ?? {}), ...(add.nvd ? { nvd: add.nvd } : {}), ...(add.kev ? { kev: add.kev } : {}), ...(add.epss ? { epss: add.epss } : {}) };
}
/** An in-memory enrichment index: for tests, and for data passed in directly. */
class MemoryEnrichment {
    #map = new Map();
    constructor(records) {
        for (const { id, ...rest } of records)
            this.#map.set(enrichmentKey(id), mergeEnrichment(this.#map.get(enrichmentKey(id)), rest));
    }
    enrichment(id) {
        return this.#map.get(enrichmentKey(id));
    }
}
const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
/**
 * The CVE ids through which a record joins NVD, KEV and EPSS: its own id, `aliases`, `upstream` and `related`
 * (upper-cased, sorted, without duplicates). An ALSA advisory joins the CVEs it lists in `related`; a
 * DEBIAN-CVE or ALPINE-CVE record joins its `upstream` CVE.
 */
function joinIds(record) {
    const out = new Set();
    for (const id of [record.id, ...(record.aliases ?? []), ...(record.upstream ?? []), ...(record.related ?? [])]) {
        if (typeof id === 'string' && CVE_ID.test(id.trim()))
            out.add(id.trim().toUpperCase());
    }
    return [...out].sort();
}


/***/ }),

/***/ 6729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ sameLocation),
/* harmony export */   Rd: () => (/* binding */ decodedChunks),
/* harmony export */   a6: () => (/* binding */ sourceGet),
/* harmony export */   bD: () => (/* binding */ storedLocation),
/* harmony export */   fl: () => (/* binding */ conditionalGet)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_BACKOFF_MS */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45069);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);




const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 1_000;
const MAX_WAIT_MS = 30_000;
/**
 * A GET with `If-None-Match` / `If-Modified-Since`, through the shared HTTP module: retried with exponential
 * back-off on 429, 5xx, time-outs and network errors (Retry-After honoured), redirects followed (the Authorization
 * header kept on the same origin only), credentials in the URL sent as Basic auth and never shown. 404 is an answer
 * (the ecosystem is not in the bucket); any other status is a RemoteError.
 */
async function conditionalGet(url, options = {}) {
    const retries = options.retries ?? DEFAULT_RETRIES;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const shown = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url);
    const headers = { ...options.headers };
    if (options.etag)
        headers['if-none-match'] = options.etag;
    if (options.lastModified)
        headers['if-modified-since'] = options.lastModified;
    const attempt = async () => {
        // The time-out covers the whole exchange, body included, for each attempt.
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        const res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpRequest */ .aj)(url, { headers, signal, timeoutMs });
        const bytes = res.statusCode === 200 ? await readWithProgress(res.body, (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers['content-length']), shown, options.logger) : undefined;
        return { ...res, bytes };
    };
    let res;
    try {
        res = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(attempt, { retries, backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS, maxRetryAfterMs: MAX_WAIT_MS, signal: options.signal, logger: options.logger, what: `GET ${shown}` });
    }
    catch (error) {
        if (!(error instanceof _common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .RetriesExhausted */ .w1))
            throw error;
        const why = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .isTimeoutError */ .c8)(error) ? `timed out after ${timeoutMs} ms` : (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .describeNetworkError */ .gl)(error, timeoutMs);
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown} failed after ${error.attempts} attempt(s): ${why}`, { cause: error.cause });
    }
    const etag = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers.etag);
    const lastModified = (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .headerValue */ .Z)(res.headers['last-modified']);
    const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (res.statusCode === 200)
        return { status: 200, body: res.bytes, ...validators };
    await res.body.dump().catch(() => undefined);
    if (res.statusCode === 304)
        return { status: 304, ...validators };
    if (res.statusCode === 404)
        return { status: 404 };
    if (res.statusCode === 429 || res.statusCode >= 500) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown} failed after ${res.attempts} attempt(s): HTTP ${res.statusCode}`, { status: res.statusCode });
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RemoteError */ .Hi(`GET ${shown}: HTTP ${res.statusCode}`, { status: res.statusCode });
}
/** The whole body; with a logger that draws progress, the bytes so far against Content-Length, as they come. */
async function readWithProgress(body, length, shown, logger) {
    if (!logger?.progress)
        return Buffer.from(await body.arrayBuffer());
    const total = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    const task = `download:${shown}`;
    const label = `downloading ${shown.replace(/^https?:\/\/[^/]+\//, '')}`;
    const chunks = [];
    let done = 0;
    try {
        for await (const chunk of body) {
            chunks.push(chunk);
            done += chunk.length;
            logger.progress({ task, label, done, ...(total !== undefined ? { total } : {}), unit: 'bytes' });
        }
    }
    finally {
        logger.progress({ task, label, end: true });
    }
    return Buffer.concat(chunks);
}
/**
 * The bytes of a body or a file stream, gunzipped when they start with the gzip magic (`.json.gz`, `.csv.gz`
 * feeds are served as gzip files, not with a Content-Encoding), else as they are. Streams: nothing is buffered whole.
 */
async function* decodedChunks(input) {
    const iterator = (Buffer.isBuffer(input) ? node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([input]) : input)[Symbol.asyncIterator]();
    const rest = { [Symbol.asyncIterator]: () => iterator };
    const first = await iterator.next();
    if (first.done)
        return;
    const head = Buffer.from(first.value);
    if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
        yield head;
        yield* rest;
        return;
    }
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)();
    const source = node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from((async function* () {
        yield head;
        yield* rest;
    })());
    source.on('error', (error) => gunzip.destroy(error));
    source.pipe(gunzip);
    for await (const chunk of gunzip)
        yield chunk;
}
/** The location a source state keeps on disk: a URL without its credentials (a path as it is). */
function storedLocation(location) {
    return (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(location);
}
/** Whether a stored state's location is this URL (the stored one has no credentials). */
function sameLocation(stored, url) {
    return stored !== undefined && (stored === url || stored === storedLocation(url));
}
/**
 * A provider's conditional GET: the stored source's validators are sent only when it was fetched from this same URL
 * (a stored state from another URL is not a valid condition for this one); time-out, retries and back-off come from
 * the provider options, the signal and logger from the fetch context.
 */
function sourceGet(url, prev, options, ctx, extra = {}) {
    const same = sameLocation(prev?.location, url);
    return conditionalGet(url, {
        etag: same ? prev.etag : undefined,
        lastModified: same ? prev.lastModified : undefined,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        backoffMs: options.backoffMs,
        signal: ctx.signal,
        logger: ctx.logger,
        ...extra,
    });
}


/***/ }),

/***/ 94399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ VULNERABILITY_PROVIDERS)
});

// EXTERNAL MODULE: ./src/plugin/registry.ts
var registry = __webpack_require__(42348);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/vulndb/http.ts
var vulndb_http = __webpack_require__(6729);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/vulndb/local-files.ts



/** A local vulnerability data path, resolved: a file or a folder; one that does not exist is a ConfigurationError. */
function dataPath(path) {
    const root = (0,external_node_path_.resolve)(path);
    try {
        return { root, isDir: (0,external_node_fs_.statSync)(root).isDirectory() };
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Vulnerability data path not found: ${path}`);
    }
}
/** A folder's entries, sorted by name (so that imports are deterministic). */
function sortedEntries(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** The data files under a path (a file, or a folder at any depth), sorted; `accept` picks them by name. */
function localFeedFiles(path, accept) {
    const { root, isDir } = dataPath(path);
    if (!isDir)
        return { root, files: [root], isDir: false };
    const files = [];
    const walk = (dir) => {
        for (const e of sortedEntries(dir)) {
            const p = (0,external_node_path_.join)(dir, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile() && accept(e.name))
                files.push(p);
        }
    };
    walk(root);
    return { root, files, isDir: true };
}

// EXTERNAL MODULE: ./src/vulndb/osv.ts
var osv = __webpack_require__(48173);
// EXTERNAL MODULE: ./src/vulndb/zip.ts
var zip = __webpack_require__(3166);
;// CONCATENATED MODULE: ./src/vulndb/providers/secdb.ts
function isSecdbDocument(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const v = value;
    return typeof v.distroversion === 'string' && Array.isArray(v.packages);
}
const CVE = /^CVE-\d{4}-\d{4,}$/;
/** Alpine's secdb, as osv.dev converts it. */
const ALPINE_SECDB = {
    idPrefix: 'ALPINE-',
    ecosystem: (doc) => `Alpine:${doc.distroversion}`,
    purl: (name) => `pkg:apk/alpine/${name}?arch=source`,
    advisoryUrl: (cve) => `https://security.alpinelinux.org/vuln/${cve}`,
    ids: CVE,
};
/**
 * Turns secdb documents into OSV records, as osv.dev's Alpine converter does: one record per CVE, `ALPINE-<CVE>`
 * with `upstream: [CVE]`, one `affected` entry per (origin package, branch, fixed version) with the ECOSYSTEM
 * events `introduced 0`, `fixed <version>`, ecosystem `Alpine:<branch>`.
 * - Every whitespace-separated token of an entry that is a well-formed CVE id counts (`CVE-2018-3639 XSA-263`).
 * - Entries with no CVE id (`XSA-207`, `CVE 2018-16859`) are skipped, and reported.
 * - Fixed version `0` means the branch was never affected: no entry.
 */
function secdbToOsv(docs, modified, flavour = ALPINE_SECDB) {
    const byCve = new Map();
    const seen = new Set();
    const skipped = [];
    for (const { doc, where } of docs) {
        const ecosystem = flavour.ecosystem(doc);
        for (const entry of doc.packages) {
            const name = entry?.pkg?.name;
            if (typeof name !== 'string' || name === '') {
                skipped.push({ where, reason: 'a package without a name' });
                continue;
            }
            for (const [fixed, ids] of Object.entries(entry.pkg.secfixes ?? {})) {
                for (const raw of ids ?? []) {
                    const text = String(raw ?? '');
                    const cves = text.split(/\s+/).filter((t) => flavour.ids.test(t));
                    if (cves.length === 0) {
                        skipped.push({ where, reason: `${name} ${fixed}: "${text}" names no ${flavour.ids === CVE ? 'CVE' : 'vulnerability id'}` });
                        continue;
                    }
                    if (fixed === '0')
                        continue;
                    for (const cve of cves) {
                        const key = `${cve}\u0000${ecosystem}\u0000${name}\u0000${fixed}`;
                        if (seen.has(key))
                            continue;
                        seen.add(key);
                        let list = byCve.get(cve);
                        if (!list)
                            byCve.set(cve, (list = []));
                        list.push({
                            package: { ecosystem, name, purl: flavour.purl(name) },
                            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
                        });
                    }
                }
            }
        }
    }
    const records = [];
    for (const [cve, affected] of byCve) {
        records.push({
            schema_version: '1.7.5',
            id: `${flavour.idPrefix}${cve}`,
            modified,
            upstream: [cve],
            affected,
            references: [{ type: 'ADVISORY', url: flavour.advisoryUrl(cve) }],
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/local.ts









/**
 * Reads a folder or a file for vulnerability data: OSV records (`.json` files and zips of them, such as osv.dev's
 * `all.zip`) and Alpine secdb documents (`.json`, `.yaml`, `.yml`). In a folder holding an `all.zip`, the zip is
 * read and the `.json` files beside it are not (in the bucket layout they are the same records). Files that are
 * neither are skipped and listed; a corrupt zip or a path that does not exist is a ConfigurationError.
 */
function scanLocal(path) {
    const { root, isDir } = dataPath(path);
    const scan = { root, osv: [], secdb: [], skipped: [] };
    if (isDir)
        walk(root, scan);
    else
        readFile(root, scan, true);
    return scan;
}
function walk(dir, scan) {
    const entries = sortedEntries(dir);
    const hasAllZip = entries.some((e) => e.isFile() && e.name === 'all.zip');
    for (const e of entries) {
        const full = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            walk(full, scan);
        else if (e.isFile()) {
            if (hasAllZip && e.name.endsWith('.json'))
                continue;
            readFile(full, scan, false);
        }
    }
}
function readFile(file, scan, explicit) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.zip')) {
        // The central directory is read at the first step, so that a corrupt one is a ConfigurationError; the entries
        // then inflate one at a time (a bad entry is skipped and listed).
        const it = (0,zip/* iterateJsonEntries */.fn)((0,external_node_fs_.readFileSync)(file), file);
        let step;
        try {
            step = it.next();
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        for (; !step.done; step = it.next()) {
            const e = step.value;
            if (e.skipped !== undefined)
                scan.skipped.push({ where: `${file}!${e.name}`, reason: e.skipped });
            else
                addJson(e.text, `${file}!${e.name}`, scan);
        }
    }
    else if (lower.endsWith('.json')) {
        addJson((0,external_node_fs_.readFileSync)(file, 'utf8'), file, scan);
    }
    else if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
        let doc;
        try {
            doc = (0,js_yaml/* load */.Hh)((0,external_node_fs_.readFileSync)(file, 'utf8'), { schema: js_yaml/* FAILSAFE_SCHEMA */.uH });
        }
        catch (error) {
            scan.skipped.push({ where: file, reason: `unreadable YAML: ${(0,errors/* getErrorMessage */.u1)(error)}` });
            return;
        }
        if (isSecdbDocument(doc))
            scan.secdb.push({ doc, where: file });
        else
            scan.skipped.push({ where: file, reason: 'not an Alpine secdb document' });
    }
    else if (explicit) {
        throw new errors/* ConfigurationError */.j1(`Not a vulnerability data file (expected .zip, .json, .yaml): ${file}`);
    }
}
function addJson(text, where, scan) {
    let value;
    try {
        value = (0,json/* parseJson */.qF)(text, { what: 'the record' });
    }
    catch (error) {
        scan.skipped.push({ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` });
        return;
    }
    if (isSecdbDocument(value)) {
        scan.secdb.push({ doc: value, where });
        return;
    }
    if (typeof value !== 'object' || value === null || !('id' in value)) {
        scan.skipped.push({ where, reason: 'not an OSV record' });
        return;
    }
    try {
        // Slimmed at once (the database drops `details` and `credits`): a large import does not hold the long texts.
        scan.osv.push((0,osv/* slimRecord */.V6)((0,osv/* asOsvRecord */.W1)(value, where)));
    }
    catch (error) {
        scan.skipped.push({ where, reason: (0,errors/* getErrorMessage */.u1)(error) });
    }
}

;// CONCATENATED MODULE: ./src/vulndb/providers/alpine-secdb.ts




const DEFAULT_SECDB_URL = 'https://secdb.alpinelinux.org';
const REPOS = ['main', 'community'];
/**
 * Alpine's secdb as a native provider. With `path`: the secdb files of a folder or one file (`alpine-secdb:<path>`).
 * Otherwise, for each branch in `ecosystems` (`v3.20`): `<url>/<branch>/{main,community}.json`
 * (`alpine-secdb:v3.20`); a repository the server does not have (404) is skipped, `community` being absent on
 * old branches. Conditional requests use the stored `main.json` validators.
 */
const alpineSecdbProvider = {
    id: 'alpine-secdb',
    version: 1,
    description: 'Alpine secdb (secdb.alpinelinux.org JSON, or the YAML files) turned into OSV records',
    async fetch(options, ctx) {
        if (options.path) {
            const scan = scanLocal(options.path);
            if (scan.secdb.length === 0)
                throw new errors/* ConfigurationError */.j1(`No Alpine secdb documents in ${options.path}`);
            const fetchedAt = ctx.now().toISOString();
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            return [
                {
                    id: `alpine-secdb:${scan.root}`,
                    provider: 'alpine-secdb',
                    kind: 'alpine-secdb',
                    location: scan.root,
                    fetchedAt,
                    notModified: false,
                    records,
                    skipped: [...scan.skipped, ...skipped],
                },
            ];
        }
        const base = (options.url ?? DEFAULT_SECDB_URL).replace(/\/+$/, '');
        const out = [];
        for (const branch of options.ecosystems ?? []) {
            const id = `alpine-secdb:${branch}`;
            const location = `${base}/${branch}`;
            const prev = ctx.previous.get(id);
            const docs = [];
            let validators = {};
            let unchanged = true;
            for (const repo of REPOS) {
                const url = `${location}/${repo}.json`;
                const conditional = repo === 'main' && prev?.location === location;
                const res = await (0,vulndb_http/* conditionalGet */.fl)(url, {
                    etag: conditional ? prev?.etag : undefined,
                    lastModified: conditional ? prev?.lastModified : undefined,
                    timeoutMs: options.timeoutMs,
                    retries: options.retries,
                    backoffMs: options.backoffMs,
                    signal: ctx.signal,
                    logger: ctx.logger,
                });
                if (res.status === 404) {
                    if (repo === 'main')
                        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${branch}" an Alpine branch such as v3.20?)`, { status: 404 });
                    continue;
                }
                if (res.status === 304) {
                    validators = { ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}) };
                    break; // main unchanged: the branch is taken as unchanged (secdb regenerates both together)
                }
                unchanged = false;
                if (repo === 'main')
                    validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
                let doc;
                try {
                    doc = JSON.parse(res.body.toString('utf8'));
                }
                catch (error) {
                    throw new errors/* RemoteError */.Hi(`${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
                }
                if (!isSecdbDocument(doc))
                    throw new errors/* RemoteError */.Hi(`${url}: not an Alpine secdb document`);
                docs.push({ doc, where: url });
            }
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'alpine-secdb', kind: 'alpine-secdb', location, fetchedAt, ...validators };
            if (unchanged) {
                out.push({ ...state, notModified: true });
                continue;
            }
            const { records, skipped } = secdbToOsv(docs, fetchedAt);
            out.push({ ...state, notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/amazon.ts
const ALAS_ID = /^ALAS\d*-\d{4}-\d+$/;
const amazon_CVE = /CVE-\d{4}-\d{4,}/g;
const RELEASES = new Set(['2', '2022', '2023']);
const decode = (s) => s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);?/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
const tag = (xml, name) => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
    return m ? decode(m[1]).trim() : undefined;
};
function rfc822(text) {
    if (!text)
        return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
/** The items of an ALAS RSS document; an item without an ALAS id or a link is skipped with the reason. */
function parseAlasRss(xml, where) {
    if (!/<rss[\s>]/.test(xml) || !/<channel[\s>]/.test(xml))
        return { items: [], skipped: [{ where, reason: 'not an RSS document (no <rss><channel>)' }] };
    const items = [];
    const skipped = [];
    const blocks = xml.match(/<item(?:\s[^>]*)?>[\s\S]*?<\/item>/g) ?? [];
    const opened = (xml.match(/<item[\s>]/g) ?? []).length;
    if (opened > blocks.length)
        skipped.push({ where, reason: `${opened - blocks.length} <item> element(s) not closed` });
    blocks.forEach((block, i) => {
        const at = `${where} item ${i + 1}`;
        const title = tag(block, 'title') ?? '';
        const m = /^(ALAS\d*-\d{4}-\d+)\s*(?:\((\w+)\))?\s*:?\s*(.*)$/.exec(title);
        const link = tag(block, 'link') ?? tag(block, 'guid');
        if (!m || !ALAS_ID.test(m[1])) {
            skipped.push({ where: at, reason: `no ALAS id in the title "${title.slice(0, 80)}"` });
            return;
        }
        if (!link || !/^https?:\/\//.test(link)) {
            skipped.push({ where: at, reason: `${m[1]}: no advisory link` });
            return;
        }
        const release = /\/AL(2|2022|2023)\//.exec(link)?.[1];
        const published = rfc822(tag(block, 'pubDate'));
        const modified = rfc822(tag(block, 'lastBuildDate')) ?? published;
        items.push({
            id: m[1],
            ...(m[2] ? { severity: capital(m[2]) } : {}),
            ...(m[3] ? { package: m[3].trim() } : {}),
            cves: [...new Set((tag(block, 'description') ?? '').match(amazon_CVE) ?? [])],
            ...(published ? { published } : {}),
            ...(modified ? { modified } : {}),
            link,
            ...(release ? { release } : {}),
        });
    });
    return { items, skipped };
}
/**
 * `name-[epoch:]version-release.arch` → its parts; undefined when the text is not a NEVRA.
 * Amazon writes the epoch before the version (`1:2.3-4.amzn2.x86_64`) or before the name (`1:name-2.3-…`).
 */
function parseNevra(text) {
    let s = text.trim();
    let epoch;
    const lead = /^(\d+):(.*)$/.exec(s);
    if (lead) {
        epoch = lead[1];
        s = lead[2];
    }
    const dot = s.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    const arch = s.slice(dot + 1);
    const nvr = s.slice(0, dot);
    const r = nvr.lastIndexOf('-');
    if (r <= 0)
        return undefined;
    const v = nvr.lastIndexOf('-', r - 1);
    if (v <= 0)
        return undefined;
    const name = nvr.slice(0, v);
    let version = nvr.slice(v + 1, r);
    const release = nvr.slice(r + 1);
    const ev = /^(\d+):(.+)$/.exec(version);
    if (ev) {
        epoch = ev[1];
        version = ev[2];
    }
    if (!name || !version || !release || !/^[A-Za-z0-9_]+$/.test(arch) || /\s/.test(nvr))
        return undefined;
    return { name, ...(epoch ? { epoch } : {}), version, release, arch };
}
/** The fields of an advisory page; `packages` is empty when the page has no "New Packages" list. */
function parseAlasPage(html, where, skipped) {
    const sevBlock = /<b>\s*Severity:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const sevWord = sevBlock ? /\b(Critical|Important|Medium|Moderate|Low)\b/i.exec(decode(sevBlock.replace(/<[^>]*>/g, ' ')))?.[1] : undefined;
    const refs = /<div id=['"]references['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '';
    const cves = [...new Set(refs.match(amazon_CVE) ?? [])];
    const overviewHtml = /Issue Overview:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? /<div id=['"]issue_overview['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1];
    const overview = overviewHtml
        ? decode(overviewHtml.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ' '))
            .replace(/^\s*Issue Overview:\s*/i, '')
            .replace(/[ \t]+/g, ' ')
            .replace(/\s*\n\s*/g, '\n')
            .trim()
        : undefined;
    const list = /New Packages:\s*(?:<\/b>)?\s*<pre>([\s\S]*?)<\/pre>/i.exec(html)?.[1];
    const byKey = new Map();
    if (list !== undefined) {
        for (const rawLine of decode(list.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')).split('\n')) {
            const line = rawLine.trim();
            if (!line)
                continue;
            if (/^[A-Za-z0-9_]+:$/.test(line))
                continue; // an architecture heading; each NEVRA names its own
            const n = parseNevra(line);
            if (!n) {
                skipped.push({ where, reason: `"${line.slice(0, 100)}" is not a package NEVRA` });
                continue;
            }
            const evr = `${n.epoch ? `${n.epoch}:` : ''}${n.version}-${n.release}`;
            const key = `${n.name}\u0000${evr}`;
            let e = byKey.get(key);
            if (!e)
                byKey.set(key, (e = { name: n.name, evr, arches: [] }));
            if (!e.arches.includes(n.arch))
                e.arches.push(n.arch);
        }
    }
    const packages = [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.evr < b.evr ? -1 : a.evr > b.evr ? 1 : 0));
    return { ...(sevWord ? { severity: capital(sevWord) } : {}), cves, ...(overview ? { overview } : {}), packages };
}
/**
 * An ALAS RSS feed and its advisory pages as OSV records, one per advisory (id = the ALAS id):
 * ecosystem `Amazon Linux:<2|2022|2023>`, one `affected` entry per package name of "New Packages" (binaries and the source rpm, as vunnel) with
 * `introduced 0`, `fixed [epoch:]version-release` (and `ecosystem_specific.arches`); the CVEs in `aliases` (one)
 * or `related` (several); the vendor's severity (`Important`) in `database_specific.severity`; `published` =
 * `pubDate`, `modified` = `lastBuildDate` (else `pubDate`). Items of Amazon Linux 1, items without a page or a
 * date, and pages without a package list are skipped with the reason.
 */
function convertAmazon(input, where) {
    const { items, skipped } = parseAlasRss(input.rss, where);
    const records = [];
    const seen = new Set();
    for (const item of items) {
        const at = `${where} ${item.id}`;
        const release = item.release ?? input.release;
        if (!release || !RELEASES.has(release)) {
            skipped.push({ where: at, reason: `${item.link} is not an Amazon Linux 2, 2022 or 2023 advisory` });
            continue;
        }
        if (seen.has(item.id))
            continue;
        const html = input.pages.get(item.id);
        if (html === undefined) {
            skipped.push({ where: at, reason: 'no advisory page' });
            continue;
        }
        if (!item.modified) {
            skipped.push({ where: at, reason: 'no date (pubDate / lastBuildDate)' });
            continue;
        }
        const page = parseAlasPage(html, `${at} page`, skipped);
        if (page.packages.length === 0) {
            skipped.push({ where: at, reason: 'the advisory page lists no new packages' });
            continue;
        }
        seen.add(item.id);
        const ecosystem = `Amazon Linux:${release}`;
        const affected = page.packages.map((p) => ({
            package: { ecosystem, name: p.name, purl: `pkg:rpm/amazon/${p.name}?distro=amzn-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: p.evr }] }],
            ecosystem_specific: { arches: p.arches },
        }));
        const cves = [...new Set([...item.cves, ...page.cves])].sort();
        const severity = page.severity ?? item.severity;
        records.push({
            schema_version: '1.7.5',
            id: item.id,
            modified: item.modified,
            ...(item.published ? { published: item.published } : {}),
            ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
            ...(item.package ? { summary: `${item.package} security update` } : {}),
            ...(page.overview ? { details: page.overview } : {}),
            affected,
            references: [{ type: 'ADVISORY', url: item.link }, ...cves.map((c) => ({ type: 'WEB', url: `https://alas.aws.amazon.com/cve/html/${c}.html` }))],
            database_specific: { ...(severity ? { severity } : {}), source: 'amazon' },
        });
    }
    return { records, skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/amazon.ts






const ALAS_BASE = 'https://alas.aws.amazon.com';
const DEFAULT_RELEASES = ['2', '2023'];
/** At most this many advisory pages are fetched per feed (the AL2 feed lists about 2,500). */
const MAX_ALAS_PAGES = 10_000;
function alasRssUrl(release) {
    if (!/^(2|2022|2023)$/.test(release))
        throw new errors/* ConfigurationError */.j1(`amazon: "${release}" is not an Amazon Linux release (2, 2022 or 2023)`);
    return `${ALAS_BASE}/AL${release}/alas.rss`;
}
const isRssName = (n) => /(^|_)rss\.xml$|\.rss$|^alas.*\.xml$/i.test(n);
/** The advisory pages of a local RSS file: the folder `<stem>_html` beside `<stem>_rss.xml`, else the RSS's folder. */
function localPages(rssFile) {
    const stem = (0,external_node_path_.basename)(rssFile).replace(/_?rss\.xml$|\.rss$|\.xml$/i, '');
    const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)(rssFile), `${stem}_html`);
    const dir = stem && (0,external_node_fs_.existsSync)(beside) && (0,external_node_fs_.statSync)(beside).isDirectory() ? beside : (0,external_node_path_.dirname)(rssFile);
    const pages = new Map();
    for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const id = e.name.replace(/\.html?$/i, '');
        if (e.isFile() && /^ALAS\d*-\d{4}-\d+$/.test(id))
            pages.set(id, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, e.name), 'utf8'));
    }
    return pages;
}
/**
 * Amazon Linux ALAS. With `path`: an RSS file (`2023_rss.xml`, `alas.rss`) or a folder of them, each with its
 * advisory pages in `<stem>_html/ALAS-…` beside it (else in its own folder); one source per RSS file. Otherwise,
 * for `url` (an RSS URL) or each release in `ecosystems` (2, 2022, 2023; default 2 and 2023): a conditional GET
 * of the RSS, then each advisory page it lists, one after the other (at most MAX_ALAS_PAGES); a page that fails
 * is skipped with the reason. An unchanged RSS (304) keeps the stored records.
 */
const amazonProvider = {
    id: 'amazon',
    version: 1,
    description: 'Amazon Linux ALAS (RSS and advisory pages) turned into OSV records (Amazon Linux:2|2022|2023)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, isRssName);
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j1(`amazon: no ALAS RSS file (*_rss.xml, *.rss) in ${options.path}`);
            return files.map((f) => {
                const { records, skipped } = convertAmazon({ rss: (0,external_node_fs_.readFileSync)(f, 'utf8'), pages: localPages(f) }, f);
                ctx.logger.info(`amazon:${f}: ${records.length} records`);
                return { id: `amazon:${f}`, provider: 'amazon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const urls = options.url ? [options.url] : (options.ecosystems?.length ? options.ecosystems : DEFAULT_RELEASES).map(alasRssUrl);
        const out = [];
        const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
        for (const url of urls) {
            const release = /\/AL(2|2022|2023)\//.exec(url)?.[1];
            const id = release && !options.url ? `amazon:${release}` : `amazon:${url}`;
            const prev = ctx.previous.get(id);
            const conditional = prev?.location === url;
            const res = await (0,vulndb_http/* conditionalGet */.fl)(url, { ...http, etag: conditional ? prev.etag : undefined, lastModified: conditional ? prev.lastModified : undefined });
            const state = { id, provider: 'amazon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const rss = res.body.toString('utf8');
            const { items } = parseAlasRss(rss, url);
            if (!/<rss[\s>]/.test(rss))
                throw new errors/* RemoteError */.Hi(`${url}: not an RSS document`);
            const pages = new Map();
            const pageSkips = [];
            let fetched = 0;
            for (const item of items) {
                if (pages.has(item.id))
                    continue;
                if (fetched >= MAX_ALAS_PAGES) {
                    pageSkips.push({ where: item.link, reason: `not fetched: more than ${MAX_ALAS_PAGES} advisory pages` });
                    continue;
                }
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                fetched++;
                try {
                    const page = await (0,vulndb_http/* conditionalGet */.fl)(item.link, http);
                    if (page.status === 200)
                        pages.set(item.id, page.body.toString('utf8'));
                    else
                        pageSkips.push({ where: item.link, reason: `advisory page: HTTP ${page.status}` });
                }
                catch (error) {
                    if (ctx.signal?.aborted)
                        throw error;
                    pageSkips.push({ where: item.link, reason: `advisory page: ${error instanceof Error ? error.message : String(error)}` });
                }
            }
            const { records, skipped } = convertAmazon({ rss, pages, ...(release ? { release } : {}) }, url);
            ctx.logger.info(`${id}: ${records.length} records (${fetched} pages)`);
            out.push({
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped: [...pageSkips, ...skipped],
            });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/providers/wolfi.ts






/** The fixed date used when an HTTP answer has no Last-Modified (the secdb carries no date of its own). */
const NO_DATE = '1970-01-01T00:00:00.000Z';
/** Wolfi and Chainguard write CVE and GHSA ids in their secdb. */
const APK_IDS = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;
function apkFlavour(ecosystem) {
    const lower = ecosystem.toLowerCase();
    return {
        idPrefix: `${ecosystem.toUpperCase()}-`,
        ecosystem: () => ecosystem,
        purl: (name) => `pkg:apk/${lower}/${name}`,
        advisoryUrl: (id) => `https://images.chainguard.dev/security/${id}`,
        ids: APK_IDS,
    };
}
const WOLFI_FEED = {
    id: 'wolfi',
    description: 'Wolfi secdb (packages.wolfi.dev/os/security.json) turned into OSV records (ecosystem Wolfi)',
    defaultUrl: 'https://packages.wolfi.dev/os/security.json',
    flavour: apkFlavour('Wolfi'),
};
const CHAINGUARD_FEED = {
    id: 'chainguard',
    description: 'Chainguard secdb (packages.cgr.dev/chainguard/security.json) turned into OSV records (ecosystem Chainguard)',
    defaultUrl: 'https://packages.cgr.dev/chainguard/security.json',
    flavour: apkFlavour('Chainguard'),
};
/**
 * An apk secdb as Wolfi and Chainguard publish it: `{ apkurl, archs, reponame, urlprefix, packages }`, with no
 * `distroversion` (both are rolling). A `packages` list is all it takes.
 */
function parseApkSecdb(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { error: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` };
    }
    if (typeof value !== 'object' || value === null || !Array.isArray(value.packages)) {
        return { error: `${where}: not an apk secdb document (no "packages" list)` };
    }
    const v = value;
    const packages = v.packages.filter((p) => typeof p === 'object' && p !== null);
    return {
        doc: {
            distroversion: typeof v.distroversion === 'string' ? v.distroversion : 'rolling',
            ...(typeof v.reponame === 'string' ? { reponame: v.reponame } : {}),
            packages,
        },
    };
}
/** Converts one or more secdb texts; a document that does not parse is skipped with its reason. */
function convertApkSecdb(inputs, modified, flavour) {
    const docs = [];
    const skipped = [];
    for (const { text, where } of inputs) {
        const parsed = parseApkSecdb(text, where);
        if ('error' in parsed)
            skipped.push({ where, reason: parsed.error });
        else
            docs.push({ doc: parsed.doc, where });
    }
    const out = secdbToOsv(docs, modified, flavour);
    return { records: out.records, skipped: [...skipped, ...out.skipped] };
}
/**
 * A provider for a rolling apk secdb. With `path`: the file, or every `.json` file of a folder (source
 * `<id>:<path>`, `modified` = the newest file's mtime). Otherwise a conditional GET of `url` (default: the feed's
 * security.json; source `<id>:<url>`), `modified` = the answer's Last-Modified.
 */
function apkSecdbProvider(feed) {
    return {
        id: feed.id,
        version: 1,
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path) {
                const { files } = localFeedFiles(options.path, (name) => name.toLowerCase().endsWith('.json'));
                if (files.length === 0)
                    throw new errors/* ConfigurationError */.j1(`${feed.id}: no .json secdb file in ${options.path}`);
                const mtime = Math.max(...files.map((f) => (0,external_node_fs_.statSync)(f).mtimeMs));
                const inputs = files.map((f) => ({ text: (0,external_node_fs_.readFileSync)(f, 'utf8'), where: f }));
                const { records, skipped } = convertApkSecdb(inputs, new Date(mtime).toISOString(), feed.flavour);
                const location = (0,external_node_path_.resolve)(options.path);
                ctx.logger.info(`${feed.id}:${location}: ${records.length} records`);
                return [
                    { id: `${feed.id}:${location}`, provider: feed.id, kind: 'native', location, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped },
                ];
            }
            const url = options.url ?? feed.defaultUrl;
            const id = `${feed.id}:${url}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const base = { id, provider: feed.id, kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404`, { status: 404 });
            if (res.status === 304) {
                return [{ ...base, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true }];
            }
            const parsed = parseApkSecdb(res.body.toString('utf8'), url);
            if ('error' in parsed)
                throw new errors/* RemoteError */.Hi(`${url}: ${parsed.error}`);
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const modified = Number.isNaN(at) ? NO_DATE : new Date(at).toISOString();
            const { records, skipped } = secdbToOsv([{ doc: parsed.doc, where: url }], modified, feed.flavour);
            ctx.logger.info(`${id}: ${records.length} records`);
            return [
                {
                    ...base,
                    ...(res.etag ? { etag: res.etag } : {}),
                    ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                    notModified: false,
                    records,
                    skipped,
                },
            ];
        },
    };
}
const wolfiProvider = apkSecdbProvider(WOLFI_FEED);

;// CONCATENATED MODULE: ./src/vulndb/providers/chainguard.ts

/**
 * Chainguard's secdb (`packages.cgr.dev/chainguard/security.json`), ecosystem `Chainguard`. Chainguard's OSV
 * feed (`CGA-…` records, already in ecosystem `Chainguard`) imports through `osv-local` / an OSV URL instead.
 */
const chainguardProvider = apkSecdbProvider(CHAINGUARD_FEED);

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/vulndb/native/epss.ts



/**
 * FIRST's EPSS scores CSV (`epss_scores-current.csv.gz`, gzip or plain): a first line
 * `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000`, the header `cve,epss,percentile`, then one
 * row per CVE. Read line by line: the real file has ~300,000 rows.
 */
class EpssFormatError extends Error {
    name = 'EpssFormatError';
}
const EPSS_HEADER = 'cve,epss,percentile';
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** The `#key:value,key:value` comment line; a missing or undated one is an EpssFormatError. */
function parseEpssComment(line, where) {
    if (!line.startsWith('#'))
        throw new EpssFormatError(`${where}: not an EPSS scores file (the first line is not "#model_version:…,score_date:…")`);
    const fields = new Map();
    for (const part of line.slice(1).split(',')) {
        const at = part.indexOf(':');
        if (at > 0)
            fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const date = fields.get('score_date');
    if (!date)
        throw new EpssFormatError(`${where}: the first line has no score_date (${JSON.stringify(line.slice(0, 100))})`);
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date)?.[1];
    if (!day || Number.isNaN(Date.parse(day)))
        throw new EpssFormatError(`${where}: score_date ${JSON.stringify(date)} is not a date`);
    const modelVersion = fields.get('model_version');
    return { ...(modelVersion ? { modelVersion } : {}), scoreDate: day };
}
/** One data row, or why it is not one. */
function epssRecordOf(line, date) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3)
        return `${cells.length} columns, not 3`;
    const [cve, epss, percentile] = cells;
    const id = cve.toUpperCase();
    if (!CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(cve)}`;
    if (!NUMBER.test(epss) || !NUMBER.test(percentile))
        return `${id}: epss ${JSON.stringify(epss)} or percentile ${JSON.stringify(percentile)} is not a number`;
    const score = Number(epss);
    const pct = Number(percentile);
    if (score > 1 || pct > 1)
        return `${id}: epss ${epss} or percentile ${percentile} is not within 0..1`;
    return { id, epss: { score, percentile: pct, date } };
}
/**
 * Streams an EPSS CSV (a Buffer or a byte stream, gzip or not). A wrong header line or a missing score date is an
 * EpssFormatError; a bad row is skipped with its line number.
 */
async function readEpss(input, where) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    const records = [];
    const skipped = [];
    let lineNo = 0;
    let meta;
    let headerSeen = false;
    let rest = '';
    const take = (raw) => {
        lineNo++;
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!meta) {
            meta = parseEpssComment(line.replace(/^\uFEFF/, '').trim(), where);
            return;
        }
        if (!headerSeen) {
            if (line.trim().toLowerCase() !== EPSS_HEADER) {
                throw new EpssFormatError(`${where}: line ${lineNo} is ${JSON.stringify(line.slice(0, 100))}, not the header "${EPSS_HEADER}"`);
            }
            headerSeen = true;
            return;
        }
        if (line.trim() === '')
            return;
        const r = epssRecordOf(line, meta.scoreDate);
        if (typeof r === 'string')
            skipped.push({ where: `${where}:${lineNo}`, reason: r });
        else
            records.push(r);
    };
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            const text = rest + decoder.write(chunk);
            let start = 0;
            for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                take(text.slice(start, nl));
                start = nl + 1;
            }
            rest = text.slice(start);
        }
        rest += decoder.end();
        if (rest !== '')
            take(rest);
    }
    catch (error) {
        if (error instanceof EpssFormatError)
            throw error;
        throw new EpssFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!meta)
        throw new EpssFormatError(`${where}: empty file`);
    if (!headerSeen)
        throw new EpssFormatError(`${where}: no "${EPSS_HEADER}" header line`);
    return { records, skipped, scoreDate: meta.scoreDate, ...(meta.modelVersion ? { modelVersion: meta.modelVersion } : {}) };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/epss.ts





const DEFAULT_EPSS_URL = 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz';
/**
 * FIRST's EPSS scores as enrichment (`epss` score, percentile and date on findings, joined by CVE id).
 * `path`: one scores file, `.csv` or `.csv.gz` (`epss:<path>`). Otherwise `url` (default the current scores),
 * fetched conditionally on the stored ETag / Last-Modified (`epss:first`). The CSV is read line by line.
 */
const epssProvider = {
    id: 'epss',
    version: 1,
    requires: ['network'],
    description: "FIRST's EPSS scores (CSV, gzip or plain), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path) {
            const file = (0,external_node_path_.resolve)(options.path);
            let isFile;
            try {
                isFile = (0,external_node_fs_.statSync)(file).isFile();
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`EPSS scores file not found: ${options.path}`);
            }
            if (!isFile)
                throw new errors/* ConfigurationError */.j1(`EPSS: ${options.path} is not a file (pass the .csv or .csv.gz scores file)`);
            let scores;
            try {
                scores = await readEpss((0,external_node_fs_.createReadStream)(file), file);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
            }
            ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${file}`);
            return [
                {
                    id: `epss:${file}`,
                    provider: 'epss',
                    kind: 'epss',
                    location: file,
                    fetchedAt: ctx.now().toISOString(),
                    notModified: false,
                    records: [],
                    enrichments: scores.records,
                    skipped: scores.skipped,
                },
            ];
        }
        const url = options.url ?? DEFAULT_EPSS_URL;
        const id = 'epss:first';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'epss', kind: 'epss', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not an EPSS scores URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            const etag = res.etag ?? prev?.etag;
            const lastModified = res.lastModified ?? prev?.lastModified;
            return [{ ...state, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), notModified: true }];
        }
        let scores;
        try {
            scores = await readEpss(res.body, url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        ctx.logger.info(`epss: ${scores.records.length} CVEs scored on ${scores.scoreDate} from ${url}`);
        return [
            {
                ...state,
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records: [],
                enrichments: scores.records,
                skipped: scores.skipped,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/kev.ts
/**
 * CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`): `{title, catalogVersion,
 * dateReleased, count, vulnerabilities: [{cveID, dateAdded, dueDate, knownRansomwareCampaignUse,
 * vulnerabilityName, requiredAction, …}]}`. A single entry (one `{cveID, …}` object) is read as a catalog of one.
 */
class KevFormatError extends Error {
    name = 'KevFormatError';
}
const kev_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kev_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Whether a parsed JSON document is a KEV catalog or a single KEV entry. */
function isKevDocument(doc) {
    if (!isObject(doc))
        return false;
    const list = doc.vulnerabilities;
    if (Array.isArray(list))
        return list.length === 0 ? 'catalogVersion' in doc : list.some((v) => isObject(v) && 'cveID' in v);
    return typeof doc.cveID === 'string';
}
/** One catalog entry as an enrichment record, or why it is not one (no CVE id, no `dateAdded` day). */
function kevRecordOf(entry) {
    if (!isObject(entry))
        return 'not an object';
    const id = kev_text(entry.cveID)?.toUpperCase();
    if (!id || !kev_CVE_ID.test(id))
        return `not a CVE id: ${JSON.stringify(entry.cveID ?? null)}`;
    const dateAdded = kev_text(entry.dateAdded);
    if (!dateAdded || !DAY.test(dateAdded))
        return `${id}: dateAdded ${JSON.stringify(entry.dateAdded ?? null)} is not a YYYY-MM-DD day`;
    const kev = { dateAdded };
    const dueDate = kev_text(entry.dueDate);
    const ransomware = kev_text(entry.knownRansomwareCampaignUse);
    const name = kev_text(entry.vulnerabilityName);
    const action = kev_text(entry.requiredAction);
    if (dueDate)
        kev.dueDate = dueDate;
    if (ransomware)
        kev.knownRansomwareCampaignUse = ransomware;
    if (name)
        kev.vulnerabilityName = name;
    if (action)
        kev.requiredAction = action;
    return { id, kev };
}
/** Reads a catalog (or a single entry); a document that is neither is a KevFormatError. Bad entries are skipped. */
function parseKevCatalog(doc, where) {
    if (!isKevDocument(doc))
        throw new KevFormatError(`${where}: not a CISA KEV catalog (no "vulnerabilities" list of {cveID, …})`);
    const d = doc;
    const entries = Array.isArray(d.vulnerabilities) ? d.vulnerabilities : [d];
    const byId = new Map();
    const skipped = [];
    entries.forEach((entry, i) => {
        const r = kevRecordOf(entry);
        if (typeof r === 'string')
            skipped.push({ where: `${where} vulnerabilities[${i}]`, reason: r });
        else
            byId.set(r.id, r);
    });
    const out = { records: [...byId.values()], skipped };
    const version = kev_text(d.catalogVersion);
    if (version)
        out.catalogVersion = version;
    if (typeof d.count === 'number')
        out.count = d.count;
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/providers/kev.ts





const DEFAULT_KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
/**
 * CISA's Known Exploited Vulnerabilities catalog as enrichment (`kev` status on findings, joined by CVE id).
 * `path`: the catalog file, or a folder of catalogs / single entries (`kev:<path>`). Otherwise `url` (default
 * CISA's feed), fetched conditionally on the stored ETag / Last-Modified (`kev:cisa`).
 */
const kevProvider = {
    id: 'kev',
    version: 1,
    requires: ['network'],
    description: "CISA's Known Exploited Vulnerabilities catalog (JSON), joined by CVE id",
    async fetch(options, ctx) {
        if (options.path)
            return [fetchLocal(options.path, ctx)];
        const url = options.url ?? DEFAULT_KEV_URL;
        const id = 'kev:cisa';
        const prev = ctx.previous.get(id);
        const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
        const state = { id, provider: 'kev', kind: 'kev', location: url, fetchedAt: ctx.now().toISOString() };
        if (res.status === 404)
            throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (not a KEV catalog URL?)`, { status: 404 });
        if (res.status === 304) {
            ctx.logger.debug(`${url}: not modified`);
            return [{ ...state, ...validators(res.etag ?? prev?.etag, res.lastModified ?? prev?.lastModified), notModified: true }];
        }
        let catalog;
        try {
            catalog = parseKevCatalog(JSON.parse(res.body.toString('utf8')), url);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi(error instanceof KevFormatError ? error.message : `${url}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`, { cause: error });
        }
        ctx.logger.info(`kev: ${catalog.records.length} CVEs from ${url}${catalog.catalogVersion ? ` (catalog ${catalog.catalogVersion})` : ''}`);
        return [{ ...state, ...validators(res.etag, res.lastModified), notModified: false, records: [], enrichments: catalog.records, skipped: catalog.skipped }];
    },
};
function validators(etag, lastModified) {
    return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
function fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, (name) => name.toLowerCase().endsWith('.json'));
    const byId = new Map();
    const skipped = [];
    let documents = 0;
    for (const file of files) {
        let doc;
        try {
            doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            if (!isDir)
                throw new errors/* ConfigurationError */.j1(`${file}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
            skipped.push({ where: file, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            continue;
        }
        if (isDir && !isKevDocument(doc)) {
            skipped.push({ where: file, reason: 'not a CISA KEV catalog or entry' });
            continue;
        }
        try {
            const catalog = parseKevCatalog(doc, file);
            for (const r of catalog.records)
                byId.set(r.id, r);
            skipped.push(...catalog.skipped);
            documents++;
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No CISA KEV catalog in ${path}`);
    ctx.logger.info(`kev: ${byId.size} CVEs from ${root}`);
    return {
        id: `kev:${root}`,
        provider: 'kev',
        kind: 'kev',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: [...byId.values()],
        skipped,
    };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
;// CONCATENATED MODULE: ./src/vulndb/native/oval.ts

/**
 * A small reader of OVAL definition documents (OVAL 5, https://oval.mitre.org/language/version5.11/) as the
 * distributions publish them for patch / vulnerability data: Oracle ELSA, SUSE, CBL-Mariner / Azure Linux. It keeps
 * what the converters need: each definition's metadata (title, platforms, references, severity, CVEs, dates), its
 * criteria tree, and the `rpminfo` tests, objects (package name) and states (`evr` / `version` / `arch`).
 *
 * The document is parsed once. Criteria trees are converted and walked iteratively, at most
 * `OVAL_MAX_CRITERIA_DEPTH` levels deep (a deeper definition is skipped with a reason); the XML parser itself
 * refuses documents nested more than `OVAL_MAX_NESTED_TAGS` deep.
 */
const OVAL_MAX_CRITERIA_DEPTH = 40;
const OVAL_MAX_NESTED_TAGS = 100;
/** The whole document is not OVAL, or is not well-formed XML. */
class OvalFormatError extends Error {
    name = 'OvalFormatError';
}
const ARRAYS = new Set([
    'definition',
    'platform',
    'reference',
    'cve',
    'criteria',
    'criterion',
    'extend_definition',
    'rpminfo_test',
    'rpminfo_object',
    'rpminfo_state',
    'state',
    'states',
    'tests',
    'objects',
]);
const isNode = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** The text of an element (`<x>text</x>`, or `#text` beside attributes), trimmed; undefined when empty. */
function oval_text(v) {
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (isNode(v))
        return oval_text(v['#text']);
    if (Array.isArray(v))
        return oval_text(v[0]);
    return undefined;
}
function attr(node, name) {
    if (!isNode(node))
        return undefined;
    const v = node[`@${name}`];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
const oval_CVE_ID = /\bCVE-\d{4}-\d{4,}\b/i;
/**
 * Parses an OVAL definitions document. Throws OvalFormatError when the text is not well-formed XML or has no
 * `oval_definitions` root; a definition that cannot be read is listed in `skipped` and the rest are kept.
 */
function parseOval(xml, where) {
    const valid = fxp/* XMLValidator */.iI.validate(xml);
    if (valid !== true) {
        throw new OvalFormatError(`${where}: not well-formed XML (line ${valid.err.line}, col ${valid.err.col}: ${valid.err.msg})`);
    }
    const parser = new XMLParser/* default */.A({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        removeNSPrefix: true,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: true,
        processEntities: true,
        htmlEntities: true,
        ignoreDeclaration: true,
        ignorePiTags: true,
        maxNestedTags: OVAL_MAX_NESTED_TAGS,
        isArray: (name) => ARRAYS.has(name),
    });
    let tree;
    try {
        tree = parser.parse(xml);
    }
    catch (error) {
        throw new OvalFormatError(`${where}: unreadable XML (${error instanceof Error ? error.message : String(error)})`);
    }
    const root = isNode(tree) ? tree.oval_definitions : undefined;
    if (!isNode(root))
        throw new OvalFormatError(`${where}: not an OVAL definitions document (no <oval_definitions> root)`);
    const gen = isNode(root.generator) ? root.generator : {};
    const generator = {};
    const productName = oval_text(gen.product_name);
    const productVersion = oval_text(gen.product_version);
    const schemaVersion = oval_text(gen.schema_version);
    const timestamp = oval_text(gen.timestamp);
    if (productName)
        generator.productName = productName;
    if (productVersion)
        generator.productVersion = productVersion;
    if (schemaVersion)
        generator.schemaVersion = schemaVersion;
    if (timestamp)
        generator.timestamp = timestamp;
    const doc = { generator, definitions: [], tests: new Map(), objects: new Map(), states: new Map(), skipped: [] };
    const defsNode = isNode(root.definitions) ? root.definitions : undefined;
    list(defsNode?.definition).forEach((d, i) => {
        const r = readDefinition(d, `${where} definition[${i}]`);
        if ('reason' in r)
            doc.skipped.push(r);
        else
            doc.definitions.push(r);
    });
    // Tests, objects and states sit in <tests>, <objects>, <states> (SUSE's files also use <state>).
    for (const section of [...list(root.tests), ...list(root.objects), ...list(root.states), ...list(root.state)]) {
        if (!isNode(section))
            continue;
        for (const t of list(section.rpminfo_test)) {
            const id = attr(t, 'id');
            if (!id || !isNode(t))
                continue;
            const test = { id, stateRefs: [] };
            const comment = attr(t, 'comment');
            if (comment)
                test.comment = comment;
            const obj = Array.isArray(t.object) ? t.object[0] : t.object;
            const objectRef = attr(obj, 'object_ref');
            if (objectRef)
                test.objectRef = objectRef;
            for (const s of list(t.state)) {
                const ref = attr(s, 'state_ref');
                if (ref)
                    test.stateRefs.push(ref);
            }
            doc.tests.set(id, test);
        }
        for (const o of list(section.rpminfo_object)) {
            const id = attr(o, 'id');
            if (!id || !isNode(o))
                continue;
            const name = oval_text(o.name);
            doc.objects.set(id, name ? { id, name } : { id });
        }
        for (const s of list(section.rpminfo_state)) {
            const id = attr(s, 'id');
            if (!id || !isNode(s))
                continue;
            const state = { id };
            const evr = stateField(s.evr);
            const version = stateField(s.version);
            const release = stateField(s.release);
            const arch = stateField(s.arch);
            const signatureKeyid = stateField(s.signature_keyid);
            if (evr)
                state.evr = evr;
            if (version)
                state.version = version;
            if (release)
                state.release = release;
            if (arch)
                state.arch = arch;
            if (signatureKeyid)
                state.signatureKeyid = signatureKeyid;
            doc.states.set(id, state);
        }
    }
    return doc;
}
function stateField(v) {
    const value = oval_text(v);
    if (value === undefined)
        return undefined;
    const f = { operation: attr(v, 'operation') ?? 'equals', value };
    const datatype = attr(v, 'datatype');
    if (datatype)
        f.datatype = datatype;
    return f;
}
const METADATA_KNOWN = new Set(['title', 'affected', 'reference', 'description', 'advisory', 'severity']);
function readDefinition(d, where) {
    const id = attr(d, 'id');
    if (!isNode(d) || !id)
        return { where, reason: 'a definition without an id' };
    const at = `${where} ${id}`;
    const meta = isNode(d.metadata) ? d.metadata : {};
    const def = {
        id,
        version: attr(d, 'version') ?? '0',
        class: attr(d, 'class') ?? '',
        title: oval_text(meta.title) ?? '',
        platforms: [],
        references: [],
        cves: [],
        extra: {},
    };
    for (const a of list(meta.affected)) {
        if (!isNode(a))
            continue;
        for (const p of list(a.platform)) {
            const t = oval_text(p);
            if (t)
                def.platforms.push(t);
        }
    }
    for (const r of list(meta.reference)) {
        const refId = attr(r, 'ref_id');
        if (!refId)
            continue;
        const ref = { source: attr(r, 'source') ?? '', refId };
        const refUrl = attr(r, 'ref_url');
        if (refUrl)
            ref.refUrl = refUrl;
        def.references.push(ref);
    }
    const description = oval_text(meta.description);
    if (description)
        def.description = description;
    const advisory = Array.isArray(meta.advisory) ? meta.advisory[0] : meta.advisory;
    const adv = isNode(advisory) ? advisory : {};
    const severity = oval_text(adv.severity) ?? oval_text(meta.severity);
    if (severity)
        def.severity = severity;
    const issued = attr(adv.issued, 'date');
    const updated = attr(adv.updated, 'date');
    if (issued)
        def.issued = issued;
    if (updated)
        def.updated = updated;
    for (const c of list(adv.cve)) {
        const t = oval_text(c);
        if (!t)
            continue;
        const cve = { text: t };
        const m = oval_CVE_ID.exec(t);
        if (m)
            cve.id = m[0].toUpperCase();
        for (const k of ['href', 'cvss3', 'cvss2', 'impact']) {
            const v = attr(c, k);
            if (v)
                cve[k] = v;
        }
        def.cves.push(cve);
    }
    for (const [k, v] of Object.entries(meta)) {
        if (METADATA_KNOWN.has(k) || k.startsWith('@'))
            continue;
        const t = oval_text(v);
        if (t)
            def.extra[k] = t;
    }
    const top = list(d.criteria)[0];
    if (top !== undefined) {
        const criteria = readCriteria(top);
        if (typeof criteria === 'string')
            return { where: at, reason: criteria };
        def.criteria = criteria;
    }
    return def;
}
/** Converts a `<criteria>` element into a tree, iteratively, refusing trees deeper than OVAL_MAX_CRITERIA_DEPTH. */
function readCriteria(top) {
    const make = (n) => ({
        kind: 'criteria',
        operator: (attr(n, 'operator') ?? 'AND').toUpperCase(),
        negate: attr(n, 'negate') === 'true',
        children: [],
    });
    const root = make(top);
    const stack = [{ xml: top, node: root, depth: 1 }];
    while (stack.length > 0) {
        const { xml, node, depth } = stack.pop();
        if (!isNode(xml))
            continue;
        for (const c of list(xml.criterion)) {
            node.children.push({
                kind: 'criterion',
                testRef: attr(c, 'test_ref') ?? '',
                comment: attr(c, 'comment') ?? '',
                negate: attr(c, 'negate') === 'true',
            });
        }
        for (const sub of list(xml.criteria)) {
            if (depth + 1 > OVAL_MAX_CRITERIA_DEPTH)
                return `criteria nested deeper than ${OVAL_MAX_CRITERIA_DEPTH} levels`;
            const child = make(sub);
            node.children.push(child);
            stack.push({ xml: sub, node: child, depth: depth + 1 });
        }
    }
    return root;
}
/**
 * The package criteria of a tree, each with the criteria that gate it: `isContext` tells which criteria are
 * conditions (a platform "is installed", an arch, a module, "is signed with") rather than package tests. In an
 * AND, the context criteria among its children (directly, or as an OR of context criteria only: one platform of a
 * list) gate every package criterion below the AND; an OR passes its inherited context to each branch. Negated
 * criteria are ignored. Iterative.
 */
function gatedCriteria(root, isContext) {
    const out = [];
    const stack = [{ node: root, inherited: [] }];
    while (stack.length > 0) {
        const { node, inherited } = stack.pop();
        if (node.negate)
            continue;
        const local = [];
        const pureContext = new Set();
        if (node.operator === 'AND') {
            for (const c of node.children) {
                if (c.kind === 'criterion' && !c.negate && isContext(c))
                    local.push(c);
                else if (c.kind === 'criteria' && !c.negate && c.children.length > 0 && c.children.every((g) => g.kind === 'criterion' && !g.negate && isContext(g))) {
                    pureContext.add(c);
                    for (const g of c.children)
                        local.push(g);
                }
            }
        }
        const context = local.length > 0 ? [...inherited, ...local] : inherited;
        const subtrees = [];
        for (const c of node.children) {
            if (c.kind === 'criterion') {
                if (!c.negate && !isContext(c))
                    out.push({ criterion: c, context });
            }
            else if (!pureContext.has(c))
                subtrees.push(c);
        }
        for (let i = subtrees.length - 1; i >= 0; i--)
            stack.push({ node: subtrees[i], inherited: context });
    }
    return out;
}
function rpmTest(doc, testRef) {
    const test = doc.tests.get(testRef);
    if (!test?.objectRef)
        return undefined;
    const name = doc.objects.get(test.objectRef)?.name;
    if (!name)
        return undefined;
    const states = test.stateRefs.map((r) => doc.states.get(r)).filter((s) => s !== undefined);
    return { name, states };
}
/**
 * OVAL's operation names. Some generators write the position in OVAL's OperationEnumeration instead of its name
 * (SUSE's data has `operation="6"` on an `evr`, "less than"), counted from 1 as the schema lists them.
 */
const OPERATIONS = [
    'equals',
    'not equal',
    'case insensitive equals',
    'case insensitive not equal',
    'greater than',
    'less than',
    'greater than or equal',
    'less than or equal',
    'bitwise and',
    'bitwise or',
    'pattern match',
    'subset of',
    'superset of',
];
function operationName(op) {
    const t = op.trim().toLowerCase();
    if (/^\d+$/.test(t))
        return OPERATIONS[Number(t) - 1] ?? t;
    return t;
}
/** An rpm `[epoch:]version[-release]` as the feeds write it (no spaces, no empty parts). */
const RPM_EVR = /^(?:\d+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?$/;
/** The document's date (the generator's timestamp) as an ISO date-time, else the definition's own dates. */
function isoDate(value) {
    if (!value)
        return undefined;
    const t = value.trim();
    const day = /^(\d{4}-\d{2}-\d{2})$/.exec(t);
    if (day)
        return `${day[1]}T00:00:00Z`;
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
    if (Number.isNaN(ms))
        return undefined;
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
/** `7/CVSS:3.1/AV:…` (SUSE, Oracle) or a bare vector → the vector, when it is a CVSS v3 vector. */
function cvss3Vector(value) {
    if (!value)
        return undefined;
    const i = value.indexOf('CVSS:3');
    if (i < 0)
        return undefined;
    const v = value.slice(i).trim();
    return /^CVSS:3\.[01]\/[A-Z]+:[A-Z]/.test(v) ? v : undefined;
}
/** The vendor word as a rating (`MODERATE` → `Moderate`, `n/a` → `Negligible`); undefined when it is none of them. */
function vendorSeverity(value) {
    if (!value)
        return undefined;
    const t = value.trim().toLowerCase();
    const known = {
        'n/a': 'Negligible',
        none: 'Negligible',
        negligible: 'Negligible',
        low: 'Low',
        moderate: 'Moderate',
        medium: 'Medium',
        important: 'Important',
        high: 'High',
        critical: 'Critical',
    };
    return known[t];
}
/** The latest of several dates (ISO date-times from `isoDate`), or undefined when there is none. */
function latestDate(...dates) {
    let best;
    for (const d of dates)
        if (d && (!best || Date.parse(d) > Date.parse(best)))
            best = d;
    return best;
}

;// CONCATENATED MODULE: ./src/vulndb/native/mariner-oval.ts

/**
 * CBL-Mariner and Azure Linux OVAL (https://github.com/microsoft/AzureLinuxVulnerabilityData: `cbl-mariner-2.0-oval.xml`,
 * `azurelinux-3.0-oval.xml`) as OSV records, one per CVE (the feed has one definition per CVE and package; the
 * definitions of one CVE are merged):
 * - ecosystem `Azure Linux:<major>` (CBL-Mariner 2.0 → `Azure Linux:2`). The document does not name its release:
 *   it is read from the file name (`…-2.0-oval.xml`, as vunnel does) unless `release` is given;
 * - each package's range from its `rpminfo` tests (object `name`, state `evr`): "less than" → `fixed`, "less than
 *   or equal" → `last_affected` (no fix yet, `database_specific.fix_state: not-fixed`), "greater than" /
 *   "greater than or equal" → `introduced` (OSV has no exclusive lower bound: "greater than" includes the bound);
 *   without the tests, from the criterion comments ("Package golang is earlier than 1.20.7-1, …");
 * - definitions whose `patchable` is "Not Applicable" (the CVE no longer or never applied) are left out, as vunnel;
 * - vendor severity (`Critical`, `High`, `Medium`, `Low`) in `database_specific.severity` (the highest of the merged
 *   definitions; an `affected` entry carries its own when it differs);
 * - `modified`: the latest of the document's timestamp and the definitions' `advisory_date`.
 */
function convertMarinerOval(xmlText, where, options = {}) {
    const doc = parseOval(xmlText, where);
    const release = options.release ?? marinerReleaseOf(where);
    const major = release ? /^(\d+)(?:\.\d+)*$/.exec(release)?.[1] : undefined;
    if (!major) {
        throw new OvalFormatError(`${where}: cannot tell the Azure Linux / CBL-Mariner release (name the file like azurelinux-3.0-oval.xml or cbl-mariner-2.0-oval.xml)`);
    }
    const ecosystem = `Azure Linux:${major}`;
    const skipped = [...doc.skipped];
    const docDate = isoDate(doc.generator.timestamp);
    const byCve = new Map();
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        if (/^not applicable$/i.test(def.extra.patchable ?? ''))
            continue;
        const id = def.references.find((r) => r.source === 'CVE' && mariner_oval_CVE.test(r.refId))?.refId ?? CVE_IN.exec(def.title)?.[0];
        if (!id) {
            skipped.push({ where: at, reason: `no CVE id (title "${def.title.slice(0, 80)}")` });
            continue;
        }
        if (!def.criteria) {
            skipped.push({ where: at, reason: `${id}: a definition without criteria` });
            continue;
        }
        const severity = vendorSeverity(def.severity);
        const affected = affectedOf(doc, def.criteria, ecosystem, id, at, skipped);
        if (affected.length === 0)
            continue;
        const advisoryDate = isoDate(def.extra.advisory_date);
        const rank = RANK[severity ?? ''] ?? 0;
        let slot = byCve.get(id);
        if (!slot) {
            const url = def.references.find((r) => r.refId === id)?.refUrl ?? `https://nvd.nist.gov/vuln/detail/${id}`;
            slot = {
                rank,
                dates: [],
                record: {
                    schema_version: '1.7.5',
                    id,
                    modified: '',
                    ...(def.description ? { details: def.description } : {}),
                    affected: [],
                    references: [{ type: 'ADVISORY', url }],
                    database_specific: { ...(severity ? { severity } : {}), source: 'mariner-oval', oval_ids: [] },
                },
            };
            byCve.set(id, slot);
        }
        slot.dates.push(advisoryDate);
        const db = slot.record.database_specific;
        db.oval_ids.push(def.id);
        if (rank > slot.rank && severity) {
            slot.rank = rank;
            db.severity = severity;
        }
        for (const a of affected) {
            const specific = { ...a.database_specific };
            if (severity)
                specific.severity = severity;
            if (def.extra.advisory_id)
                specific.advisory_id = def.extra.advisory_id;
            if (def.extra.patchable)
                specific.patchable = def.extra.patchable;
            slot.record.affected.push({ ...a, database_specific: specific });
        }
    }
    const records = [];
    for (const { record, dates } of byCve.values()) {
        const modified = latestDate(docDate, ...dates);
        if (!modified) {
            skipped.push({ where, reason: `${record.id}: no date (neither the document's timestamp nor an advisory_date)` });
            continue;
        }
        record.modified = modified;
        const recordSeverity = record.database_specific?.severity;
        for (const a of record.affected ?? []) {
            if (a.database_specific && a.database_specific.severity === recordSeverity)
                delete a.database_specific.severity;
        }
        records.push(record);
    }
    return { records, skipped };
}
const mariner_oval_CVE = /^CVE-\d{4}-\d{4,}$/;
const CVE_IN = /\bCVE-\d{4}-\d{4,}\b/;
const RANK = { Negligible: 1, Low: 2, Medium: 3, Moderate: 3, High: 4, Important: 4, Critical: 5 };
/** `…/cbl-mariner-2.0-oval.xml` → `2.0`; `azurelinux-3.0-oval.xml.gz` → `3.0`. */
function marinerReleaseOf(where) {
    return /(\d+\.\d+)-oval\.xml(?:\.gz)?$/i.exec(where.split(/[?#]/, 1)[0])?.[1];
}
const COMMENTS = [
    { re: /^Package (\S+) is earlier than (\S+?),? (?:affected by|$)/, op: 'less than' },
    { re: /^Package (\S+) is installed with version (\S+) or earlier/, op: 'less than or equal' },
    { re: /^Package (\S+) is greater than or equal to (\S+?),? /, op: 'greater than or equal' },
    { re: /^Package (\S+) is greater than (\S+?),? /, op: 'greater than' },
];
/** One package test: its name, operation and version, from the rpminfo test, else from the comment. */
function testOf(doc, c) {
    const t = rpmTest(doc, c.testRef);
    if (t) {
        const evr = t.states.find((s) => s.evr)?.evr;
        if (!evr)
            return `${t.name}: test ${c.testRef} has no evr state`;
        return { name: t.name, op: operationName(evr.operation), value: evr.value };
    }
    for (const { re, op } of COMMENTS) {
        const m = re.exec(`${c.comment} `);
        if (m)
            return { name: m[1], op, value: m[2] };
    }
    return `"${c.comment}": test ${c.testRef || '(none)'} is not in the document and the comment names no version`;
}
function affectedOf(doc, criteria, ecosystem, id, at, skipped) {
    // The AND of a definition's tests bounds one package; group the bounds by package name.
    const bounds = new Map();
    const stack = [criteria];
    while (stack.length > 0) {
        const node = stack.pop();
        for (const c of node.children) {
            if (c.kind === 'criteria') {
                stack.push(c);
                continue;
            }
            const t = testOf(doc, c);
            if (typeof t === 'string') {
                skipped.push({ where: at, reason: `${id}: ${t}` });
                continue;
            }
            let b = bounds.get(t.name);
            if (!b)
                bounds.set(t.name, (b = {}));
            if (!RPM_EVR.test(t.value)) {
                skipped.push({ where: at, reason: `${id}: ${t.name}: "${t.value}" is not an rpm version` });
                b.bad = true;
                continue;
            }
            if (t.op === 'less than')
                b.upper = { kind: 'fixed', value: t.value };
            else if (t.op === 'less than or equal')
                b.upper = { kind: 'last_affected', value: t.value };
            else if (t.op === 'greater than' || t.op === 'greater than or equal')
                b.lower = t.value;
            else {
                skipped.push({ where: at, reason: `${id}: ${t.name}: evr operation "${t.op}" is not a bound` });
                b.bad = true;
            }
        }
    }
    const out = [];
    for (const [name, b] of [...bounds].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) {
        if (b.bad)
            continue;
        if (!b.upper) {
            skipped.push({ where: at, reason: `${id}: ${name}: no upper bound ("less than" or "less than or equal")` });
            continue;
        }
        const events = [{ introduced: b.lower ?? '0' }, b.upper.kind === 'fixed' ? { fixed: b.upper.value } : { last_affected: b.upper.value }];
        out.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events }],
            ...(b.upper.kind === 'last_affected' ? { database_specific: { fix_state: 'not-fixed' } } : {}),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/vulndb/native/oracle-oval.ts

/**
 * Oracle Linux ELSA OVAL (https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2 and the yearly
 * `com.oracle.elsa-YYYY.xml.bz2`, decompressed) as OSV records, one per ELSA:
 * - ecosystem `Oracle Linux:<major>` from the "Oracle Linux N is installed" criterion gating each package;
 * - one `affected` entry per binary package and fixed EVR, read from the criterion comments "NAME is earlier than
 *   EVR" (as Oracle writes them, and as vunnel reads them: the tests need not be in the document);
 * - per-architecture fixes (`Oracle Linux arch is aarch64` branches): when the fixed versions of a package differ
 *   between architectures, each entry carries `ecosystem_specific.arch`; when every version covers the same
 *   architectures, the entries carry none (vunnel's rule);
 * - ksplice fixes (a release containing `ksplice`, gated by "NAME is ksplice-based") are left out, as vunnel
 *   does: matching them needs the running kernel's ksplice state. The ELSA itself is kept;
 * - `Module NAME:STREAM is enabled` → `ecosystem_specific.module`;
 * - vendor severity (`IMPORTANT` → `Important`) in `database_specific.severity`, the CVEs in `aliases` (one) or
 *   `related` (several), the CVSS v3 vector in `severity` when the ELSA is about one CVE;
 * - `modified`: the later of the document's generator timestamp and the ELSA's issue date; `published`: the issue
 *   date.
 * When an ELSA comes twice, the definition with the higher `version` wins.
 */
function convertOracleOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const byId = new Map();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const at = `${where} ${def.id}`;
        const r = convertDefinition(def, at, docDate, skipped);
        if (!r)
            continue;
        const version = Number(def.version) || 0;
        const old = byId.get(r.id);
        if (old && old.version >= version)
            continue;
        byId.set(r.id, { version, record: r });
    }
    return { records: [...byId.values()].map((v) => v.record), skipped };
}
const INSTALLED = /^Oracle Linux (\d+)\b.*\bis installed$/;
const EARLIER = /^(\S+) is earlier than (.+)$/;
const ARCH = /^Oracle Linux arch is (\S+)$/;
const MODULE = /^Module (\S+) is enabled$/;
const KSPLICE_BASED = / is ksplice-based$/;
const ELSA_ID = /^ELSA-\d{4}-\d+$/;
const isContext = (c) => !EARLIER.test(c.comment);
function convertDefinition(def, at, docDate, skipped) {
    const ref = def.references.find((r) => r.source.toLowerCase() === 'elsa');
    const titleId = /^\s*(ELSA-\d{4}-\d+)/.exec(def.title)?.[1];
    const id = ref?.refId ?? titleId;
    if (!id || !ELSA_ID.test(id)) {
        skipped.push({ where: at, reason: `no ELSA id (title "${def.title.slice(0, 80)}")` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published);
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor an issue date)` });
        return undefined;
    }
    // (ecosystem, name, module) → version → arches (undefined: not arch-gated)
    const found = new Map();
    let packages = 0;
    for (const { criterion, context } of gatedCriteria(def.criteria, isContext)) {
        const m = EARLIER.exec(criterion.comment);
        const name = m[1];
        const evr = m[2].trim();
        packages++;
        let major;
        let arch;
        let module;
        let ksplice = false;
        for (const c of context) {
            const inst = INSTALLED.exec(c.comment);
            if (inst)
                major = inst[1];
            const a = ARCH.exec(c.comment);
            if (a)
                arch = a[1];
            const mod = MODULE.exec(c.comment);
            if (mod)
                module = mod[1];
            if (KSPLICE_BASED.test(c.comment))
                ksplice = true;
        }
        if (!major) {
            skipped.push({ where: at, reason: `${id}: ${name} is not gated by an "Oracle Linux N is installed" criterion` });
            continue;
        }
        if (!RPM_EVR.test(evr)) {
            skipped.push({ where: at, reason: `${id}: ${name}: "${evr}" is not an rpm version` });
            continue;
        }
        if (ksplice || /ksplice/.test(evr.slice(evr.lastIndexOf('-') + 1)))
            continue;
        const key = `${major}\u0000${name}\u0000${module ?? ''}`;
        let entry = found.get(key);
        if (!entry) {
            entry = { ecosystem: `Oracle Linux:${major}`, name, ...(module ? { module } : {}), versions: new Map() };
            found.set(key, entry);
        }
        let arches = entry.versions.get(evr);
        if (!arches)
            entry.versions.set(evr, (arches = new Set()));
        arches.add(arch);
    }
    if (packages === 0)
        skipped.push({ where: at, reason: `${id}: no "NAME is earlier than VERSION" criterion` });
    const affected = [];
    for (const e of [...found.values()].sort((a, b) => cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.module ?? '', b.module ?? ''))) {
        const archSets = new Set([...e.versions.values()].map((s) => [...s].map((x) => x ?? '').sort().join(',')));
        const byArch = archSets.size > 1;
        const rows = [];
        for (const [fixed, arches] of e.versions) {
            if (byArch)
                for (const a of arches)
                    rows.push(a ? { fixed, arch: a } : { fixed });
            else
                rows.push({ fixed });
        }
        rows.sort((a, b) => cmp(a.arch ?? '', b.arch ?? '') || cmp(a.fixed, b.fixed));
        for (const row of rows) {
            const specific = {};
            if (row.arch)
                specific.arch = row.arch;
            if (e.module)
                specific.module = e.module;
            affected.push({
                package: { ecosystem: e.ecosystem, name: e.name },
                ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: row.fixed }] }],
                ...(Object.keys(specific).length > 0 ? { ecosystem_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set(def.cves.map((c) => c.id).filter((c) => c !== undefined))];
    for (const r of def.references) {
        if (r.source.toUpperCase() === 'CVE' && /^CVE-\d{4}-\d{4,}$/i.test(r.refId) && !cves.includes(r.refId.toUpperCase()))
            cves.push(r.refId.toUpperCase());
    }
    const severity = vendorSeverity(def.severity) ?? vendorSeverity(/\((\w+)\)\s*$/.exec(def.title)?.[1]);
    const vectors = cves.length === 1 ? [...new Set(def.cves.map((c) => cvss3Vector(c.cvss3)).filter((v) => v !== undefined))].map((score) => ({ type: 'CVSS_V3', score })) : [];
    const url = ref?.refUrl ?? `https://linux.oracle.com/errata/${id}.html`;
    const summary = def.title.replace(/^\s*ELSA-\d{4}-\d+:\s*/, '').replace(/\s+/g, ' ').trim();
    const record = {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
        ...(summary ? { summary } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url },
            ...cves.map((c) => ({ type: 'WEB', url: def.cves.find((x) => x.id === c)?.href ?? `https://linux.oracle.com/cve/${c}.html` })),
        ],
        database_specific: { ...(severity ? { severity } : {}), source: 'oracle-oval', oval_id: def.id },
    };
    return record;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/vulndb/native/suse-oval.ts

/**
 * SUSE's OVAL (https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.server.15.xml.gz and the
 * other product files) as OSV records, one per definition (a CVE in the vulnerability files, an advisory in the
 * `-patch` files):
 * - ecosystem `SUSE:<product>` for the operating-system products an image can be (`SUSE Linux Enterprise Server
 *   15 SP1`, `… Server for SAP Applications 15`, `… Desktop 15 SP3`), from the "<product> is installed" criteria
 *   gating each package. Module and extension products (`Module for Basesystem 15`…) are not images and are left
 *   out, as vunnel does. A support variant (`15 SP1-LTSS`, `15 SP1-BCL`) counts as its base release; when a CVE
 *   has several groups for one release, the plain release (`sles-release`) wins over LTSS (`sles-ltss-release`),
 *   which wins over other variants (vunnel's rule), and groups of the same rank are merged;
 * - package name and version from the `rpminfo` test (object `name`, state `evr` "less than" → `fixed`; "less
 *   than or equal" → `last_affected`; `version` "equals 0", SUSE's "is not affected", → `fixed: "0"`, no version
 *   affected, with `database_specific.fix_state: not-affected`); without the test, from the criterion comment
 *   (`krb5-1.15.2-4.25 is installed`);
 * - vendor severity (`Moderate`, `Important`…) in `database_specific.severity`, SUSE's CVSS v3 vectors (not the
 *   NVD ones SUSE quotes) in `severity`;
 * - `modified`: the latest of the document's timestamp and the definition's issued / updated dates.
 */
function convertSuseOval(xmlText, where) {
    const doc = parseOval(xmlText, where);
    const skipped = [...doc.skipped];
    const records = [];
    const seen = new Set();
    const docDate = isoDate(doc.generator.timestamp);
    for (const def of doc.definitions) {
        const r = suse_oval_convertDefinition(doc, def, `${where} ${def.id}`, docDate, skipped);
        if (!r || r.affected?.length === 0)
            continue; // nothing for an image product (a module-only CVE): no record, as vunnel
        if (seen.has(r.id)) {
            skipped.push({ where: `${where} ${def.id}`, reason: `${r.id} comes twice; the first definition is kept` });
            continue;
        }
        seen.add(r.id);
        records.push(r);
    }
    return { records, skipped };
}
/** Packages: one token, then "is installed" (name-version-release) or "is not affected". */
const PACKAGE = /^(\S+) is (installed|not affected)$/;
const PRODUCT = /^(SUSE Linux Enterprise (?:Server for SAP Applications|Server|Desktop) \d+(?: SP\d+)?)(?:-(\S+))? is installed$/;
const RECORD_ID = /^(CVE-\d{4}-\d{4,}|(?:open)?SUSE-[A-Za-z]+-\d{4}:\d+-\d+)$/;
const suse_oval_isContext = (c) => !PACKAGE.test(c.comment);
function suse_oval_convertDefinition(doc, def, at, docDate, skipped) {
    const id = def.title.trim();
    if (!RECORD_ID.test(id)) {
        skipped.push({ where: at, reason: `title "${id.slice(0, 80)}" is not a CVE or SUSE advisory id` });
        return undefined;
    }
    if (!def.criteria) {
        skipped.push({ where: at, reason: `${id}: a definition without criteria` });
        return undefined;
    }
    const published = isoDate(def.issued);
    const modified = latestDate(docDate, published, isoDate(def.updated));
    if (!modified) {
        skipped.push({ where: at, reason: `${id}: no date (neither the document's timestamp nor issued / updated dates)` });
        return undefined;
    }
    // product → rank → packages (name + events, deduplicated)
    const byProduct = new Map();
    for (const { criterion, context } of gatedCriteria(def.criteria, suse_oval_isContext)) {
        const products = context
            .map((c) => ({ c, m: PRODUCT.exec(c.comment) }))
            .filter((x) => x.m !== null);
        if (products.length === 0)
            continue; // a module or another product: not an image
        const pkg = packageOf(doc, criterion, id, at, skipped);
        if (!pkg)
            continue;
        for (const { c, m } of products) {
            const product = m[1];
            const variant = m[2];
            const release = rpmTest(doc, c.testRef)?.name;
            const rank = release ? (/ltss/i.test(release) ? 1 : 0) : variant === undefined ? 0 : /^LTSS$/i.test(variant) ? 1 : 2;
            let slot = byProduct.get(product);
            if (!slot || rank < slot.rank)
                byProduct.set(product, (slot = { rank, pkgs: new Map(), variants: new Set() }));
            if (rank > slot.rank)
                continue;
            slot.variants.add(variant ?? '');
            slot.pkgs.set(`${pkg.name}\u0000${JSON.stringify(pkg.events)}`, pkg);
        }
    }
    const affected = [];
    for (const product of [...byProduct.keys()].sort()) {
        const slot = byProduct.get(product);
        const pkgs = [...slot.pkgs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const p of pkgs) {
            const specific = {};
            if (p.notAffected)
                specific.fix_state = 'not-affected';
            else if (!p.events.some((e) => e.fixed !== undefined))
                specific.fix_state = 'not-fixed';
            const variants = [...slot.variants].filter((v) => v !== '');
            if (variants.length > 0)
                specific.product_variants = variants.sort();
            affected.push({
                package: { ecosystem: `SUSE:${product}`, name: p.name },
                ranges: [{ type: 'ECOSYSTEM', events: p.events }],
                ...(Object.keys(specific).length > 0 ? { database_specific: specific } : {}),
            });
        }
    }
    const cves = [...new Set([...def.cves.map((c) => c.id), ...def.references.filter((r) => r.source === 'CVE').map((r) => suse_oval_CVE.exec(r.refId)?.[0])])].filter((c) => c !== undefined);
    const others = cves.filter((c) => c !== id);
    const vectors = [
        ...new Set(def.cves.filter((c) => !/nvd\.nist\.gov/.test(c.href ?? '') && !/\bat NVD\b/.test(c.text)).map((c) => cvss3Vector(c.cvss3))),
    ]
        .filter((v) => v !== undefined)
        .map((score) => ({ type: 'CVSS_V3', score }));
    const severity = vendorSeverity(def.severity);
    const references = [];
    const suseCve = def.references.find((r) => r.source === 'SUSE CVE' && r.refUrl);
    if (suseCve?.refUrl)
        references.push({ type: 'ADVISORY', url: suseCve.refUrl });
    for (const r of def.references) {
        if (r === suseCve || !r.refUrl)
            continue;
        references.push({ type: r.source === 'SUSE-SU' ? 'ADVISORY' : 'WEB', url: r.refUrl });
    }
    if (references.length === 0 && id.startsWith('CVE-'))
        references.push({ type: 'ADVISORY', url: `https://www.suse.com/security/cve/${id}/` });
    const advisories = def.references.filter((r) => r.source === 'SUSE-SU').map((r) => r.refId);
    return {
        schema_version: '1.7.5',
        id,
        modified,
        ...(published ? { published } : {}),
        ...(others.length === 1 && !id.startsWith('CVE-') ? { aliases: others } : others.length > 0 ? { related: others } : {}),
        ...(def.description ? { details: def.description } : {}),
        ...(vectors.length > 0 ? { severity: vectors } : {}),
        affected,
        references,
        database_specific: {
            ...(severity ? { severity } : {}),
            source: 'suse-oval',
            oval_id: def.id,
            ...(advisories.length > 0 ? { advisories } : {}),
        },
    };
}
const suse_oval_CVE = /\bCVE-\d{4}-\d{4,}\b/;
/** The package a criterion tests and its events, from the rpminfo test or, without it, from the comment. */
function packageOf(doc, c, id, at, skipped) {
    const m = PACKAGE.exec(c.comment);
    const notAffectedComment = m[2] === 'not affected';
    const test = rpmTest(doc, c.testRef);
    if (test) {
        const state = test.states.find((s) => s.evr) ?? test.states.find((s) => s.version);
        const field = state?.evr ?? state?.version;
        if (!field) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: test ${c.testRef} has no evr or version state` });
            return undefined;
        }
        const op = operationName(field.operation);
        if (!state?.evr && op === 'equals' && field.value === '0')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
        if (!state?.evr || !RPM_EVR.test(field.value)) {
            skipped.push({ where: at, reason: `${id}: ${test.name}: "${field.value}" (${op}) is not an rpm version` });
            return undefined;
        }
        if (op === 'less than')
            return { name: test.name, events: [{ introduced: '0' }, { fixed: field.value }], notAffected: false };
        if (op === 'less than or equal')
            return { name: test.name, events: [{ introduced: '0' }, { last_affected: field.value }], notAffected: false };
        skipped.push({ where: at, reason: `${id}: ${test.name}: evr operation "${field.operation}" is not "less than"` });
        return undefined;
    }
    if (notAffectedComment)
        return { name: m[1], events: [{ introduced: '0' }, { fixed: '0' }], notAffected: true };
    const nvr = /^(.+)-([^-]+-[^-]+)$/.exec(m[1]);
    if (!nvr || !RPM_EVR.test(nvr[2])) {
        skipped.push({ where: at, reason: `${id}: "${c.comment}" names no package version, and test ${c.testRef || '(none)'} is not in the document` });
        return undefined;
    }
    return { name: nvr[1], events: [{ introduced: '0' }, { fixed: nvr[2] }], notAffected: false };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/native-oval.ts









const ORACLE_OVAL_URL = 'https://linux.oracle.com/security/oval/com.oracle.elsa-all.xml.bz2';
const SUSE_OVAL_BASE = 'https://ftp.suse.com/pub/projects/security/oval';
const AZURE_LINUX_OVAL_BASE = 'https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main';
/** The largest text V8 makes a string of (2^29 - 24 characters); a bigger document must be split (yearly files). */
const MAX_TEXT = 0x1fffffe8;
/** `15` → SUSE's SLES 15 file; `15-sp5`-like values are not files SUSE publishes (one file per major). */
function suseOvalUrl(major) {
    if (!/^\d+$/.test(major))
        throw new errors/* ConfigurationError */.j1(`sles: "${major}" is not a SUSE Linux Enterprise Server major release such as 15`);
    return `${SUSE_OVAL_BASE}/suse.linux.enterprise.server.${major}.xml.gz`;
}
/** `2.0` → `cbl-mariner-2.0-oval.xml`; `3.0` and later → `azurelinux-3.0-oval.xml`. */
function azureLinuxOvalUrl(release) {
    const m = /^(\d+)(?:\.0)?$/.exec(release.trim());
    if (!m)
        throw new errors/* ConfigurationError */.j1(`mariner: "${release}" is not an Azure Linux / CBL-Mariner release such as 2.0 or 3.0`);
    const major = Number(m[1]);
    return major < 3 ? `${AZURE_LINUX_OVAL_BASE}/cbl-mariner-${major}.0-oval.xml` : `${AZURE_LINUX_OVAL_BASE}/azurelinux-${major}.0-oval.xml`;
}
const FEEDS = {
    oracle: {
        id: 'oracle',
        description: 'Oracle Linux ELSA OVAL (com.oracle.elsa-*.xml, decompressed) turned into OSV records (Oracle Linux:<major>)',
        convert: convertOracleOval,
        noDefault: `Oracle publishes its OVAL only as .bz2 (${ORACLE_OVAL_URL}), which Node cannot decompress: decompress it (bunzip2 -k) and give the .xml as the path, or serve it as .xml / .xml.gz and give that url`,
    },
    sles: {
        id: 'sles',
        description: "SUSE Linux Enterprise OVAL (ftp.suse.com suse.linux.enterprise.server.<major>.xml.gz) turned into OSV records (SUSE:<product>)",
        convert: convertSuseOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['15']).map(suseOvalUrl),
    },
    mariner: {
        id: 'mariner',
        description: 'Azure Linux / CBL-Mariner OVAL (AzureLinuxVulnerabilityData) turned into OSV records (Azure Linux:<major>)',
        convert: convertMarinerOval,
        defaultUrls: (ecosystems) => (ecosystems.length > 0 ? ecosystems : ['2.0', '3.0']).map(azureLinuxOvalUrl),
    },
};
const isOvalFileName = (name) => /\.xml(\.gz)?$/i.test(name);
function bz2Error(what) {
    return new errors/* ConfigurationError */.j1(`${what} is bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k) and use the .xml, or a .xml.gz`);
}
/** The document's text: gunzipped when it starts with the gzip magic; a bzip2 file is refused. */
function ovalText(bytes, where) {
    let data = bytes;
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
        try {
            data = (0,external_node_zlib_.gunzipSync)(data);
        }
        catch (error) {
            throw new OvalFormatError(`${where}: corrupt gzip data (${(0,errors/* getErrorMessage */.u1)(error)})`);
        }
    }
    if (data.length >= 3 && data.toString('latin1', 0, 3) === 'BZh')
        throw bz2Error(where);
    if (data.length > MAX_TEXT) {
        throw new OvalFormatError(`${where}: ${data.length} bytes is more than one document can be read as (${MAX_TEXT}); use the yearly / per-release files`);
    }
    return data.toString('utf8');
}
/**
 * A native OVAL feed as a provider (`oracle`, `sles`, `mariner`):
 * - `path`: an OVAL file (`.xml`, `.xml.gz`) or a folder of them, one source `<id>:<path>`; a `.bz2` is refused
 *   with how to decompress it. In a folder, a file that is not OVAL is skipped and listed.
 * - `url`: one document (`.xml`, or gzip, by name or content), fetched with a conditional GET; one source
 *   `<id>:<url>`; 304 keeps the stored records.
 * - neither: `sles` fetches `suse.linux.enterprise.server.<major>.xml.gz` for each major in `ecosystems` (default
 *   15), `mariner` `cbl-mariner-2.0-oval.xml` / `azurelinux-3.0-oval.xml` for each release in `ecosystems`
 *   (default 2.0 and 3.0), one source per URL; `oracle` has no usable default (Oracle publishes only .bz2).
 */
function createOvalProvider(id) {
    const feed = FEEDS[id];
    return {
        id: feed.id,
        version: 1,
        requires: ['network'],
        description: feed.description,
        async fetch(options, ctx) {
            if (options.path)
                return [native_oval_fetchLocal(feed, options.path, ctx)];
            if (options.url)
                return [await fetchUrl(feed, options.url, options, ctx)];
            if (!feed.defaultUrls)
                throw new errors/* ConfigurationError */.j1(`${feed.id}: no url or path given. ${feed.noDefault ?? ''}`.trim());
            const out = [];
            for (const url of feed.defaultUrls(options.ecosystems ?? [])) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                out.push(await fetchUrl(feed, url, options, ctx));
            }
            return out;
        },
    };
}
function native_oval_fetchLocal(feed, path, ctx) {
    if (/\.bz2$/i.test(path))
        throw bz2Error(path);
    const { root, files, isDir } = localFeedFiles(path, (name) => isOvalFileName(name) || /\.xml\.bz2$/i.test(name));
    const records = [];
    const skipped = [];
    const seen = new Set();
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        if (/\.bz2$/i.test(file)) {
            skipped.push({ where: file, reason: 'bzip2-compressed, which Node cannot decompress: decompress it first (bunzip2 -k)' });
            continue;
        }
        let result;
        try {
            result = feed.convert(ovalText((0,external_node_fs_.readFileSync)(file), file), file);
        }
        catch (error) {
            if (isDir && error instanceof OvalFormatError) {
                skipped.push({ where: file, reason: error.message.replace(`${file}: `, '') });
                continue;
            }
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        documents++;
        for (const r of result.records) {
            if (seen.has(r.id)) {
                skipped.push({ where: file, reason: `${r.id} is also in an earlier file; the first is kept` });
                continue;
            }
            seen.add(r.id);
            records.push(r);
        }
        skipped.push(...result.skipped);
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No ${feed.id} OVAL documents (.xml, .xml.gz) in ${path}${skipped.length > 0 ? ` (${skipped[0].where}: ${skipped[0].reason})` : ''}`);
    ctx.logger.info(`${feed.id}: ${records.length} records from ${documents} OVAL file(s) in ${root}`);
    return { id: `${feed.id}:${root}`, provider: feed.id, kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped };
}
async function fetchUrl(feed, url, options, ctx) {
    let pathname;
    try {
        pathname = new URL(url).pathname;
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${feed.id}: not a URL: ${url}`);
    }
    if (/\.bz2$/i.test(pathname))
        throw bz2Error(url);
    const id = `${feed.id}:${url}`;
    const prev = ctx.previous.get(id);
    const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
    if (res.status === 404)
        throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (no ${feed.id} OVAL document there)`, { status: 404 });
    const validators = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    const state = { id, provider: feed.id, kind: 'native', location: url, fetchedAt: ctx.now().toISOString() };
    if (res.status === 304) {
        return { ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), ...validators, notModified: true };
    }
    let result;
    try {
        result = feed.convert(ovalText(res.body, url), url);
    }
    catch (error) {
        if (error instanceof OvalFormatError)
            throw new errors/* RemoteError */.Hi(error.message, { cause: error });
        throw error;
    }
    ctx.logger.info(`${feed.id}: ${result.records.length} records from ${url}`);
    return { ...state, ...validators, notModified: false, records: result.records, skipped: result.skipped };
}
const oracleOvalProvider = createOvalProvider('oracle');
const slesOvalProvider = createOvalProvider('sles');
const marinerOvalProvider = createOvalProvider('mariner');

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/match/severity.ts
var severity = __webpack_require__(37794);
;// CONCATENATED MODULE: ./src/vulndb/native/nvd.ts




/**
 * NVD's CVE API 2.0 JSON: API pages (`{resultsPerPage, startIndex, totalResults, vulnerabilities: [{cve}]}`) and the
 * yearly feed files `nvdcve-2.0-YYYY.json.gz` (the same `vulnerabilities` shape), with their `.meta` files.
 * A feed file is streamed: each `vulnerabilities[]` element is cut out of the byte stream and parsed on its own, and
 * only the kept fields (CVSS, dates, status, a short description) survive it.
 */
/** The metric lists kept, in the order their metrics are listed in an entry. */
const NVD_METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'];
const NVD_DESCRIPTION_MAX = 500;
const nvd_CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const VERSIONS = new Set(['2.0', '3.0', '3.1', '4.0']);
const KEY_VERSION = {
    cvssMetricV40: '4.0',
    cvssMetricV31: '3.1',
    cvssMetricV30: '3.0',
    cvssMetricV2: '2.0',
};
/** A parse failure of a whole NVD document or feed file (the provider names it a ConfigurationError or RemoteError). */
class NvdFormatError extends Error {
    name = 'NvdFormatError';
}
function nvd_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** Shortens a description to `max` characters (the last one an ellipsis when cut). */
function shortDescription(text, max = NVD_DESCRIPTION_MAX) {
    const t = text.trim();
    return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
/**
 * One `vulnerabilities[]` element (`{cve: {...}}`, or the bare `cve` object) as an enrichment record. Every CVSS
 * metric is kept, scored with the project's calculator (NVD's `baseScore` when the vector does not score); a metric
 * without a usable vector and score is dropped with a reason. A Rejected CVE is kept, with its status.
 */
function nvdRecordOf(item, where) {
    const cve = nvd_isObject(item) && nvd_isObject(item.cve) ? item.cve : item;
    if (!nvd_isObject(cve))
        return { skipped: [{ where, reason: 'not an NVD CVE object' }] };
    const id = str(cve.id)?.trim().toUpperCase();
    if (!id || !nvd_CVE_ID.test(id))
        return { skipped: [{ where, reason: `not a CVE id: ${JSON.stringify(cve.id ?? null)}` }] };
    const skipped = [];
    const cvss = [];
    const metrics = nvd_isObject(cve.metrics) ? cve.metrics : {};
    for (const key of NVD_METRIC_KEYS) {
        const list = metrics[key];
        if (list === undefined)
            continue;
        if (!Array.isArray(list)) {
            skipped.push({ where: `${where} ${id} ${key}`, reason: 'not a list' });
            continue;
        }
        list.forEach((metric, i) => {
            const c = metricOf(metric, key);
            if (typeof c === 'string')
                skipped.push({ where: `${where} ${id} ${key}[${i}]`, reason: c });
            else
                cvss.push(c);
        });
    }
    const entry = { cvss };
    const published = str(cve.published);
    const lastModified = str(cve.lastModified);
    const vulnStatus = str(cve.vulnStatus);
    if (published)
        entry.published = published;
    if (lastModified)
        entry.lastModified = lastModified;
    if (vulnStatus)
        entry.vulnStatus = vulnStatus;
    const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions : [];
    const english = descriptions.find((d) => nvd_isObject(d) && d.lang === 'en' && typeof d.value === 'string' && d.value.trim() !== '');
    if (english)
        entry.description = shortDescription(english.value);
    return { record: { id, nvd: entry }, skipped };
}
/** One CVSS metric as a `Cvss`, or why it is not one. */
function metricOf(metric, key) {
    if (!nvd_isObject(metric) || !nvd_isObject(metric.cvssData))
        return 'no cvssData';
    const data = metric.cvssData;
    const vector = str(data.vectorString)?.trim();
    if (!vector)
        return 'no vectorString';
    const source = str(metric.source);
    const type = metric.type === 'Primary' || metric.type === 'Secondary' ? metric.type : undefined;
    let c = (0,severity/* scoreVector */.YE)(vector, source);
    if (!c) {
        const version = typeof data.version === 'string' && VERSIONS.has(data.version) ? data.version : KEY_VERSION[key];
        const score = data.baseScore;
        if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10)
            return `vector ${vector} does not score and there is no baseScore`;
        c = { version, vector, baseScore: score, ...(source ? { source } : {}) };
    }
    return type ? { ...c, type } : c;
}
/**
 * Collects the records of one source, one per CVE id: when an id comes twice (overlapping pages, a year file and a
 * page), the entry modified last wins.
 */
class NvdCollector {
    #byId = new Map();
    skipped = [];
    add(item, where) {
        const { record, skipped } = nvdRecordOf(item, where);
        for (const s of skipped)
            this.skipped.push(s);
        if (!record)
            return;
        const old = this.#byId.get(record.id);
        if (old && (old.nvd?.lastModified ?? '') > (record.nvd?.lastModified ?? ''))
            return;
        this.#byId.set(record.id, record);
    }
    get size() {
        return this.#byId.size;
    }
    records() {
        return [...this.#byId.values()];
    }
}
/**
 * Cuts the elements of one top-level array (`"vulnerabilities": [...]` of the top object) out of a JSON byte stream,
 * chunk by chunk, and hands each element's text on. Structural characters are ASCII, so bytes are scanned as they
 * come; an element split across chunks is joined before it is decoded.
 */
class JsonArrayItems {
    key;
    onItem;
    #depth = 0;
    #inString = false;
    #escape = false;
    #expectKey = false;
    #keyParts;
    #lastKey;
    #inTarget = false;
    #itemParts;
    #found = false;
    #items = 0;
    constructor(key, onItem) {
        this.key = key;
        this.onItem = onItem;
    }
    write(chunk) {
        let depth = this.#depth;
        let inString = this.#inString;
        let escape = this.#escape;
        let keyStart = this.#keyParts ? 0 : -1;
        let itemStart = this.#itemParts ? 0 : -1;
        const n = chunk.length;
        for (let i = 0; i < n; i++) {
            const b = chunk[i];
            if (inString) {
                if (escape)
                    escape = false;
                else if (b === 0x5c)
                    escape = true;
                else if (b === 0x22) {
                    inString = false;
                    if (keyStart >= 0) {
                        this.#keyParts.push(chunk.subarray(keyStart, i));
                        this.#lastKey = Buffer.concat(this.#keyParts).toString('utf8');
                        this.#keyParts = undefined;
                        keyStart = -1;
                    }
                }
                continue;
            }
            switch (b) {
                case 0x22: // "
                    inString = true;
                    if (depth === 1 && this.#expectKey) {
                        this.#keyParts = [];
                        keyStart = i + 1;
                    }
                    break;
                case 0x7b: // {
                case 0x5b: // [
                    if (depth === 1 && b === 0x5b && !this.#expectKey && this.#lastKey === this.key) {
                        this.#inTarget = true;
                        this.#found = true;
                    }
                    else if (depth === 2 && this.#inTarget) {
                        this.#itemParts = [];
                        itemStart = i;
                    }
                    depth++;
                    if (depth === 1)
                        this.#expectKey = b === 0x7b;
                    break;
                case 0x7d: // }
                case 0x5d: // ]
                    depth--;
                    if (depth < 0)
                        throw new NvdFormatError('unbalanced JSON: a closing bracket without an opening one');
                    if (depth === 2 && this.#inTarget && itemStart >= 0) {
                        this.#itemParts.push(chunk.subarray(itemStart, i + 1));
                        const text = Buffer.concat(this.#itemParts).toString('utf8');
                        this.#itemParts = undefined;
                        itemStart = -1;
                        this.onItem(text, this.#items++);
                    }
                    else if (depth === 1 && this.#inTarget)
                        this.#inTarget = false;
                    break;
                case 0x2c: // ,
                    if (depth === 1)
                        this.#expectKey = true;
                    break;
                case 0x3a: // :
                    if (depth === 1)
                        this.#expectKey = false;
                    break;
                default:
            }
        }
        if (keyStart >= 0)
            this.#keyParts.push(chunk.subarray(keyStart));
        if (itemStart >= 0)
            this.#itemParts.push(chunk.subarray(itemStart));
        this.#depth = depth;
        this.#inString = inString;
        this.#escape = escape;
    }
    /** Whether the array was there; throws on a truncated document. */
    end() {
        if (this.#depth !== 0 || this.#inString)
            throw new NvdFormatError('truncated JSON (the document ends inside a value)');
        return { found: this.#found, items: this.#items };
    }
}
/** Parses a `.meta` file (`key:value` lines, CRLF or LF); a missing `lastModifiedDate` or `sha256` is an error. */
function parseNvdMeta(text, where) {
    const fields = new Map();
    for (const line of text.split(/\r?\n/)) {
        const at = line.indexOf(':');
        if (at > 0)
            fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    const lastModifiedDate = fields.get('lastModifiedDate');
    const sha256 = fields.get('sha256')?.toLowerCase();
    if (!lastModifiedDate)
        throw new NvdFormatError(`${where}: not an NVD .meta file (no lastModifiedDate)`);
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256))
        throw new NvdFormatError(`${where}: not an NVD .meta file (no sha256)`);
    const num = (k) => {
        const v = fields.get(k);
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
    };
    const meta = { lastModifiedDate, sha256 };
    const size = num('size');
    const gzSize = num('gzSize');
    const zipSize = num('zipSize');
    if (size !== undefined)
        meta.size = size;
    if (gzSize !== undefined)
        meta.gzSize = gzSize;
    if (zipSize !== undefined)
        meta.zipSize = zipSize;
    return meta;
}
/**
 * Streams one NVD document (a feed file, gzip or not, or an API page) into `collector`. With `meta`, the
 * uncompressed bytes must have its sha256 (and size): a mismatch is an error naming the file. A document without
 * a top-level `vulnerabilities` list is an error too.
 */
async function readNvdDocument(input, where, collector, meta) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const splitter = new JsonArrayItems('vulnerabilities', (text, index) => {
        let item;
        try {
            item = JSON.parse(text);
        }
        catch (error) {
            collector.skipped.push({ where: `${where} vulnerabilities[${index}]`, reason: `unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})` });
            return;
        }
        collector.add(item, where);
    });
    try {
        for await (const chunk of (0,vulndb_http/* decodedChunks */.Rd)(input)) {
            hash.update(chunk);
            size += chunk.length;
            splitter.write(chunk);
        }
    }
    catch (error) {
        if (error instanceof NvdFormatError)
            throw new NvdFormatError(`${where}: ${error.message}`);
        throw new NvdFormatError(`${where}: unreadable (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    const sha256 = hash.digest('hex');
    if (meta && sha256 !== meta.sha256) {
        throw new NvdFormatError(`${where}: sha256 ${sha256} does not match the .meta file's ${meta.sha256} (a corrupt or partial download?)`);
    }
    if (meta?.size !== undefined && size !== meta.size) {
        throw new NvdFormatError(`${where}: ${size} bytes uncompressed, the .meta file says ${meta.size}`);
    }
    let end;
    try {
        end = splitter.end();
    }
    catch (error) {
        throw new NvdFormatError(`${where}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    if (!end.found)
        throw new NvdFormatError(`${where}: not an NVD CVE API 2.0 document (no top-level "vulnerabilities" list)`);
    return { cves: end.items, sha256, size };
}
/** Parses one (small) API page; its entries go to `collector`. */
function readNvdPage(text, where, collector) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        throw new NvdFormatError(`${where}: unreadable JSON (${(0,errors/* getErrorMessage */.u1)(error)})`);
    }
    if (!nvd_isObject(doc) || !Array.isArray(doc.vulnerabilities) || typeof doc.totalResults !== 'number') {
        throw new NvdFormatError(`${where}: not a CVE API 2.0 page (no "totalResults" and "vulnerabilities")`);
    }
    doc.vulnerabilities.forEach((item) => collector.add(item, where));
    return {
        resultsPerPage: typeof doc.resultsPerPage === 'number' ? doc.resultsPerPage : doc.vulnerabilities.length,
        startIndex: typeof doc.startIndex === 'number' ? doc.startIndex : 0,
        totalResults: doc.totalResults,
        count: doc.vulnerabilities.length,
    };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/nvd.ts







const DEFAULT_NVD_FEED_URL = 'https://nvd.nist.gov/feeds/json/cve/2.0';
const NVD_API_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0';
/** The first year of NVD's yearly feeds (`nvdcve-2.0-2002.json.gz` also holds 1999–2001). */
const NVD_FIRST_YEAR = 2002;
const NVD_PAGE_SIZE = 2000;
/** NVD's public rate limits: 5 requests in 30 s without an API key, 50 with one. */
const NVD_DELAY_MS = 6_000;
const NVD_DELAY_WITH_KEY_MS = 600;
/** Whether a URL is the CVE API (`…/rest/json/cves/2.0`) rather than a feed folder. */
function isNvdApiUrl(url) {
    try {
        return /\/rest\/json\/cves\//.test(new URL(url).pathname);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Not a URL: ${url}`);
    }
}
/** The years to fetch: `ecosystems` (`2023`, `2024`), else 2002 to this year. */
function nvdYears(ecosystems, now) {
    const current = now.getUTCFullYear();
    if (!ecosystems || ecosystems.length === 0) {
        return Array.from({ length: current - NVD_FIRST_YEAR + 1 }, (_, i) => String(NVD_FIRST_YEAR + i));
    }
    for (const y of ecosystems) {
        if (!/^\d{4}$/.test(y) || Number(y) < NVD_FIRST_YEAR || Number(y) > current) {
            throw new errors/* ConfigurationError */.j1(`NVD feed year "${y}" is not a year from ${NVD_FIRST_YEAR} to ${current}`);
        }
    }
    return [...new Set(ecosystems)].sort();
}
const isNvdFileName = (name) => /\.json(\.gz)?$/i.test(name);
/** `nvdcve-2.0-2024.json.gz` → `nvdcve-2.0-2024.meta` beside it. */
function metaPathOf(file) {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${(0,external_node_path_.basename)(file).replace(/\.json(\.gz)?$/i, '')}.meta`);
}
/**
 * NVD's CVE data (CVE API 2.0 JSON) as enrichment: every CVSS metric (v2, v3.0, v3.1, v4.0; Primary and Secondary,
 * with their source), dates, status and the English description, joined to findings by CVE id.
 * - `path`: a `.json` / `.json.gz` file or a folder of them (yearly feed files, API pages); a feed file's `.meta`
 *   beside it is verified. One source, `nvd:<path>`.
 * - `url` = a feed folder (default https://nvd.nist.gov/feeds/json/cve/2.0): `nvdcve-2.0-YYYY.json.gz` for each year
 *   in `ecosystems` (default 2002 to this year), one source per year (`nvd:2024`). The `.meta` is fetched first;
 *   when its `lastModifiedDate` is the stored one, the year is not downloaded again.
 * - `url` = the CVE API (https://services.nvd.nist.gov/rest/json/cves/2.0): every CVE, 2000 a page, with the
 *   `apiKey` header from `NVD_API_KEY` when set, paced to NVD's rate limits. One source, `nvd:api`.
 */
function createNvdProvider(deps = {}) {
    const sleep = deps.sleep ?? ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }));
    return {
        id: 'nvd',
        version: 1,
        requires: ['network'],
        description: "NVD's CVE data (CVE API 2.0 pages or the yearly nvdcve-2.0 feeds): CVSS v2/v3/v4, joined by CVE id",
        async fetch(options, ctx) {
            if (options.path)
                return [await nvd_fetchLocal(options.path, ctx)];
            const url = (options.url ?? DEFAULT_NVD_FEED_URL).replace(/\/+$/, '');
            const env = deps.env ?? process.env;
            if (isNvdApiUrl(url)) {
                if (options.ecosystems?.length)
                    ctx.logger.warning('nvd: years (ecosystems) apply to the yearly feeds; the API fetches every CVE');
                return [await fetchApi(url, options, ctx, env.NVD_API_KEY?.trim() || undefined, sleep)];
            }
            const out = [];
            const thisYear = String(ctx.now().getUTCFullYear());
            for (const year of nvdYears(options.ecosystems, ctx.now())) {
                (0,errors/* throwIfAborted */.Te)(ctx.signal);
                const batch = await fetchYear(url, year, options, ctx, year === thisYear);
                if (batch)
                    out.push(batch);
            }
            return out;
        },
    };
}
const nvdProvider = createNvdProvider();
function httpOptions(options, ctx, extra = {}) {
    return { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger, ...extra };
}
async function nvd_fetchLocal(path, ctx) {
    const { root, files, isDir } = localFeedFiles(path, isNvdFileName);
    const collector = new NvdCollector();
    const skippedFiles = [];
    let documents = 0;
    for (const file of files) {
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const metaPath = metaPathOf(file);
        let meta;
        try {
            if ((0,external_node_fs_.existsSync)(metaPath))
                meta = parseNvdMeta((0,external_node_fs_.readFileSync)(metaPath, 'utf8'), metaPath);
            await readNvdDocument((0,external_node_fs_.createReadStream)(file), file, collector, meta);
            documents++;
        }
        catch (error) {
            const notNvd = error instanceof NvdFormatError && /not an NVD CVE API 2\.0 document/.test(error.message);
            if (isDir && notNvd)
                skippedFiles.push({ where: file, reason: 'not an NVD CVE API 2.0 document' });
            else
                throw new errors/* ConfigurationError */.j1((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
    }
    if (documents === 0)
        throw new errors/* ConfigurationError */.j1(`No NVD CVE API 2.0 documents (.json, .json.gz) in ${path}`);
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${documents} file(s) in ${root}`);
    return {
        id: `nvd:${root}`,
        provider: 'nvd',
        kind: 'nvd',
        location: root,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: [...skippedFiles, ...collector.skipped],
    };
}
/** One year's feed; undefined when this year's file is not published yet (early January). */
async function fetchYear(base, year, options, ctx, isThisYear) {
    const id = `nvd:${year}`;
    const name = `nvdcve-2.0-${year}.json.gz`;
    const location = `${base}/${name}`;
    const metaUrl = `${base}/nvdcve-2.0-${year}.meta`;
    const prev = ctx.previous.get(id);
    const metaRes = await (0,vulndb_http/* conditionalGet */.fl)(metaUrl, httpOptions(options, ctx));
    if (metaRes.status === 404 && isThisYear) {
        ctx.logger.warning(`${metaUrl}: HTTP 404; NVD has no ${year} feed yet, skipped`);
        return undefined;
    }
    if (metaRes.status === 404)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: HTTP 404 (is ${base} an NVD 2.0 feed folder with year ${year}?)`, { status: 404 });
    if (metaRes.status === 304)
        throw new errors/* RemoteError */.Hi(`${metaUrl}: unexpected HTTP 304 to an unconditional request`);
    let meta;
    try {
        meta = parseNvdMeta(metaRes.body.toString('utf8'), metaUrl);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
    }
    const state = { id, provider: 'nvd', kind: 'nvd', location, lastModified: meta.lastModifiedDate };
    if (prev && prev.location === location && prev.lastModified === meta.lastModifiedDate) {
        ctx.logger.debug(`${name}: unchanged since ${meta.lastModifiedDate}`);
        return { ...state, fetchedAt: ctx.now().toISOString(), notModified: true };
    }
    const res = await (0,vulndb_http/* conditionalGet */.fl)(location, httpOptions(options, ctx));
    if (res.status !== 200)
        throw new errors/* RemoteError */.Hi(`${location}: HTTP ${res.status} after its .meta was served`, res.status === 404 ? { status: 404 } : {});
    const collector = new NvdCollector();
    try {
        await readNvdDocument(res.body, name, collector, meta);
    }
    catch (error) {
        throw new errors/* RemoteError */.Hi(`${location}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${name} (modified ${meta.lastModifiedDate})`);
    return { ...state, fetchedAt: ctx.now().toISOString(), notModified: false, records: [], enrichments: collector.records(), skipped: collector.skipped };
}
async function fetchApi(url, options, ctx, apiKey, sleep) {
    const collector = new NvdCollector();
    const delay = apiKey ? NVD_DELAY_WITH_KEY_MS : NVD_DELAY_MS;
    const headers = apiKey ? { apiKey } : undefined;
    let startIndex = 0;
    let total;
    for (let request = 0; total === undefined || startIndex < total; request++) {
        if (request > 0)
            await sleep(delay, ctx.signal);
        (0,errors/* throwIfAborted */.Te)(ctx.signal);
        const pageUrl = new URL(url);
        pageUrl.searchParams.set('startIndex', String(startIndex));
        pageUrl.searchParams.set('resultsPerPage', String(NVD_PAGE_SIZE));
        const res = await (0,vulndb_http/* conditionalGet */.fl)(pageUrl.toString(), httpOptions(options, ctx, { headers }));
        if (res.status !== 200)
            throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: HTTP ${res.status}`, res.status === 404 ? { status: 404 } : {});
        let page;
        try {
            page = readNvdPage(res.body.toString('utf8'), pageUrl.toString(), collector);
        }
        catch (error) {
            throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
        }
        total = page.totalResults;
        if (page.count === 0) {
            if (startIndex < total)
                throw new errors/* RemoteError */.Hi(`${pageUrl.toString()}: an empty page at ${startIndex} of ${total} results`);
            break;
        }
        startIndex += page.count;
        ctx.logger.debug(`nvd: ${startIndex}/${total} CVEs`);
    }
    ctx.logger.info(`nvd: ${collector.size} CVEs from ${url}`);
    return {
        id: 'nvd:api',
        provider: 'nvd',
        kind: 'nvd',
        location: url,
        fetchedAt: ctx.now().toISOString(),
        notModified: false,
        records: [],
        enrichments: collector.records(),
        skipped: collector.skipped,
    };
}

// EXTERNAL MODULE: ./src/vulndb/providers/osv-bucket.ts
var osv_bucket = __webpack_require__(46703);
;// CONCATENATED MODULE: ./src/vulndb/providers/osv-local.ts



/**
 * Local data for air-gapped use: a folder (any depth) or a file of OSV records, osv.dev zips, or Alpine secdb
 * documents. OSV records become the source `osv-local:<path>`; secdb documents found on the way become
 * `alpine-secdb:<path>`, so each is labelled with its own feed.
 */
const osvLocalProvider = {
    id: 'osv-local',
    version: 1,
    description: 'local folders and zips of OSV records (and Alpine secdb files found among them)',
    fetch(options, ctx) {
        if (!options.path)
            throw new errors/* ConfigurationError */.j1('osv-local needs a path');
        const scan = scanLocal(options.path);
        const fetchedAt = ctx.now().toISOString();
        const out = [];
        if (scan.osv.length > 0 || scan.secdb.length === 0) {
            out.push({
                id: `osv-local:${scan.root}`,
                provider: 'osv-local',
                kind: 'osv',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records: scan.osv,
                skipped: scan.skipped,
            });
        }
        if (scan.secdb.length > 0) {
            const { records, skipped } = secdbToOsv(scan.secdb, fetchedAt);
            out.push({
                id: `alpine-secdb:${scan.root}`,
                provider: 'alpine-secdb',
                kind: 'alpine-secdb',
                location: scan.root,
                fetchedAt,
                notModified: false,
                records,
                skipped: scan.osv.length > 0 ? skipped : [...scan.skipped, ...skipped],
            });
        }
        for (const b of out)
            if (!b.notModified)
                ctx.logger.info(`${b.id}: ${b.records.length} records`);
        return Promise.resolve(out);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/photon.ts

const photon_CVE = /^CVE-\d{4}-\d{4,}$/;
/** An rpm version-release, optionally with an epoch: `7.88.1-4.ph4`. */
const RPM_VR = /^(\d+:)?[^\s:-]+-[^\s:-]+$/;
const WIKI_BASE = 'https://github.com/vmware/photon/wiki';
/** The release of a `cve_data_photon4.0.json` file name. */
function photonReleaseOf(where) {
    return /cve_data_photon(\d+\.\d+)\.json/i.exec(where)?.[1];
}
/** Parses one wiki advisory; undefined when it is not one (no `Advisory Id`). */
function parsePhotonAdvisory(markdown, fileName) {
    const field = (label) => new RegExp(`^${label}\\s*:\\s*(.+?)\\s*$`, 'm').exec(markdown)?.[1];
    const id = field('Advisory Id');
    const release = field('Affected Release');
    if (!id || !/^PHSA-/.test(id) || !release)
        return undefined;
    const issued = field('Issue date');
    const page = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
    const items = new Map();
    let section;
    const body = markdown.slice(markdown.search(/^## Affected Packages/m) >= 0 ? markdown.search(/^## Affected Packages/m) : 0);
    for (const line of body.split(/\r?\n/)) {
        const h = /^###\s+(\w+)/.exec(line);
        if (h) {
            section = h[1];
            continue;
        }
        if (/^##\s/.test(line) && !/Affected Packages/.test(line))
            break;
        const m = /^(\S+)\s+-\s+\[(.*)\]\s*$/.exec(line.trim());
        if (!m)
            continue;
        for (const cve of m[2].match(/CVE-\d{4}-\d{4,}/g) ?? [])
            items.set(`${cve}\u0000${m[1]}`, section);
    }
    return { id, release, ...(issued && /^\d{4}-\d\d-\d\d$/.test(issued) ? { issued } : {}), url: `${WIKI_BASE}/${page}`, items };
}
/** A CVSS base score as a severity word (NVD's v3 bands, as vunnel does). */
function scoreWord(score) {
    if (score >= 9)
        return 'Critical';
    if (score >= 7)
        return 'High';
    if (score >= 4)
        return 'Medium';
    if (score > 0)
        return 'Low';
    return 'None';
}
/**
 * One Photon CVE file as OSV records, one per CVE (id = the CVE), ecosystem `Photon OS:<X.0>`, binary names:
 * - `status: Fixed` with a `res_ver` → `introduced 0`, `fixed res_ver`; `Fixed` without a usable `res_ver`
 *   (`NA`), or any other affected status → `introduced 0` only and `database_specific.fix_state` `not-fixed`
 *   (`wont-fix` for a "Won't Fix" status); `Not Affected` → no entry.
 * - vendor severity: the wiki advisory's section word (`Important`) when an advisory lists the (CVE, package),
 *   else the CVSS score's band (`High`); the score in `database_specific.cvss_score`.
 * - `published` / `modified`: the earliest / latest issue date of the advisories naming the CVE, else `inputDate`.
 * Non-CVE ids (`BDSA-…`) and entries without a package are skipped with a reason.
 */
function convertPhoton(text, where, options) {
    const skipped = [];
    const release = options.release ?? photonReleaseOf(where);
    if (!release)
        return { records: [], skipped: [{ where, reason: 'no Photon release (expected a cve_data_photon<X.0>.json file name)' }] };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (!Array.isArray(value))
        return { records: [], skipped: [{ where, reason: 'not a Photon CVE list (expected a JSON array)' }] };
    const advisories = (options.advisories ?? []).filter((a) => a.release === release);
    const ecosystem = `Photon OS:${release}`;
    const byCve = new Map();
    const seen = new Set();
    value.forEach((raw, i) => {
        const at = `${where}[${i}]`;
        if (typeof raw !== 'object' || raw === null) {
            skipped.push({ where: at, reason: 'not an object' });
            return;
        }
        const e = raw;
        const cve = typeof e.cve_id === 'string' ? e.cve_id.trim() : '';
        const name = typeof e.pkg === 'string' ? e.pkg.trim() : '';
        if (!photon_CVE.test(cve)) {
            skipped.push({ where: at, reason: `"${String(e.cve_id)}" is not a CVE id` });
            return;
        }
        if (!name) {
            skipped.push({ where: at, reason: `${cve}: no package name` });
            return;
        }
        const status = typeof e.status === 'string' ? e.status.trim() : '';
        if (/^not affected$/i.test(status))
            return;
        const resVer = typeof e.res_ver === 'string' ? e.res_ver.trim() : '';
        const fixed = /^fixed$/i.test(status) && RPM_VR.test(resVer) ? resVer : undefined;
        if (/^fixed$/i.test(status) && resVer && !/^(NA|None)$/i.test(resVer) && !fixed) {
            skipped.push({ where: at, reason: `${cve} ${name}: "${resVer}" is not an rpm version` });
            return;
        }
        const key = `${cve}\u0000${name}\u0000${fixed ?? ''}`;
        if (seen.has(key))
            return;
        seen.add(key);
        let rec = byCve.get(cve);
        if (!rec)
            byCve.set(cve, (rec = { affected: [], words: new Set(), phsa: [] }));
        if (typeof e.cve_score === 'number' && Number.isFinite(e.cve_score))
            rec.score = Math.max(rec.score ?? 0, e.cve_score);
        const phsa = advisories.filter((a) => a.items.has(`${cve}\u0000${name}`));
        for (const a of phsa) {
            if (!rec.phsa.includes(a))
                rec.phsa.push(a);
            const word = a.items.get(`${cve}\u0000${name}`);
            if (word)
                rec.words.add(word);
        }
        const fixState = fixed ? undefined : /won'?t fix/i.test(status) ? 'wont-fix' : 'not-fixed';
        rec.affected.push({
            package: { ecosystem, name, purl: `pkg:rpm/photon/${name}?distro=photon-${release}` },
            ranges: [{ type: 'ECOSYSTEM', events: fixed ? [{ introduced: '0' }, { fixed }] : [{ introduced: '0' }] }],
            ...(fixState || phsa.length > 0
                ? { database_specific: { ...(fixState ? { fix_state: fixState } : {}), ...(phsa.length > 0 ? { advisories: phsa.map((a) => a.id) } : {}) } }
                : {}),
        });
    });
    const records = [];
    for (const [cve, rec] of byCve) {
        const dates = rec.phsa.map((a) => a.issued).filter((d) => d !== undefined).sort();
        const published = dates[0] ? `${dates[0]}T00:00:00Z` : undefined;
        const modified = dates.length > 0 ? `${dates[dates.length - 1]}T00:00:00Z` : options.inputDate;
        const word = photon_RANK.find((w) => rec.words.has(w)) ?? (rec.score !== undefined ? scoreWord(rec.score) : undefined);
        const fixState = rec.affected.every((a) => a.database_specific?.fix_state) ? rec.affected[0].database_specific.fix_state : undefined;
        records.push({
            schema_version: '1.7.5',
            id: cve,
            modified,
            ...(published ? { published } : {}),
            affected: rec.affected,
            references: [
                ...rec.phsa.map((a) => ({ type: 'ADVISORY', url: a.url })),
                { type: 'WEB', url: `https://www.cve.org/CVERecord?id=${cve}` },
            ],
            database_specific: {
                ...(word && word !== 'None' ? { severity: word } : {}),
                ...(rec.score !== undefined ? { cvss_score: rec.score } : {}),
                ...(fixState ? { fix_state: fixState } : {}),
                source: 'photon',
            },
        });
    }
    return { records, skipped };
}
/** The wiki's words, most severe first (a CVE in two sections takes the worse). */
const photon_RANK = ['Critical', 'Important', 'High', 'Moderate', 'Medium', 'Low'];

;// CONCATENATED MODULE: ./src/vulndb/providers/photon.ts






const PHOTON_CVE_BASE = 'https://packages.vmware.com/photon/photon_cve_metadata';
const photon_DEFAULT_RELEASES = ['3.0', '4.0', '5.0'];
const photon_NO_DATE = '1970-01-01T00:00:00.000Z';
/**
 * Photon OS: with `path`, a `cve_data_photon<X.0>.json` file or a folder of them, with the photon wiki's
 * `Security-Update-*.md` advisories anywhere in the folder (they give PHSA ids, dates and the vendor's severity
 * words); one source per release, `photon:<X.0>:<path>`. Otherwise, for each release in `ecosystems` (default
 * 3.0, 4.0, 5.0), a conditional GET of `<url>/cve_data_photon<X.0>.json` (`photon:<X.0>`); `modified` then is
 * the answer's Last-Modified.
 */
const photonProvider = {
    id: 'photon',
    version: 1,
    description: 'Photon OS CVE metadata (cve_data_photon<X.0>.json, and the wiki advisories) turned into OSV records (Photon OS:<X.0>)',
    async fetch(options, ctx) {
        const fetchedAt = ctx.now().toISOString();
        if (options.path) {
            const { files } = localFeedFiles(options.path, () => true);
            const advisories = [];
            for (const f of files.filter((x) => /\.md$/i.test(x))) {
                const a = parsePhotonAdvisory((0,external_node_fs_.readFileSync)(f, 'utf8'), (0,external_node_path_.basename)(f));
                if (a)
                    advisories.push(a);
            }
            const data = files.filter((f) => photonReleaseOf((0,external_node_path_.basename)(f)) !== undefined);
            if (data.length === 0)
                throw new errors/* ConfigurationError */.j1(`photon: no cve_data_photon<X.0>.json file in ${options.path}`);
            return data.map((f) => {
                const release = photonReleaseOf((0,external_node_path_.basename)(f));
                const { records, skipped } = convertPhoton((0,external_node_fs_.readFileSync)(f, 'utf8'), f, { release, advisories, inputDate: (0,external_node_fs_.statSync)(f).mtime.toISOString() });
                ctx.logger.info(`photon:${release}: ${records.length} records`);
                return { id: `photon:${release}:${f}`, provider: 'photon', kind: 'native', location: f, fetchedAt, notModified: false, records, skipped };
            });
        }
        const base = (options.url ?? PHOTON_CVE_BASE).replace(/\/+$/, '');
        const out = [];
        for (const release of options.ecosystems?.length ? options.ecosystems : photon_DEFAULT_RELEASES) {
            if (!/^\d+\.\d+$/.test(release))
                throw new errors/* ConfigurationError */.j1(`photon: "${release}" is not a Photon OS release such as 4.0`);
            const url = `${base}/cve_data_photon${release}.json`;
            const id = `photon:${release}`;
            const prev = ctx.previous.get(id);
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const state = { id, provider: 'photon', kind: 'native', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${release}" a Photon OS release?)`, { status: 404 });
            if (res.status === 304) {
                out.push({ ...state, ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}), notModified: true });
                continue;
            }
            const at = res.lastModified ? Date.parse(res.lastModified) : NaN;
            const { records, skipped } = convertPhoton(res.body.toString('utf8'), url, { release, inputDate: Number.isNaN(at) ? photon_NO_DATE : new Date(at).toISOString() });
            ctx.logger.info(`${id}: ${records.length} records`);
            out.push({ ...state, ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}), notModified: false, records, skipped });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/vulndb/native/rhel-security-data.ts

const rhel_security_data_CVE = /^CVE-\d{4}-\d{4,}$/;
/** `cpe:/o:redhat:enterprise_linux:9`, `cpe:/a:redhat:enterprise_linux:8::appstream` → `9`, `8`. */
const MAIN_CPE = /^cpe:\/[ao]:redhat:enterprise_linux:(\d+)(?::|$)/;
/** `cpe:/a:redhat:rhel_eus:8.6` → `8.6` (Extended Update Support). */
const EUS_CPE = /^cpe:\/[ao]:redhat:rhel_eus:(\d+\.\d+)(?::|$)/;
/** `thunderbird-0:102.15.1-1.el7_9` → name, `0:102.15.1-1.el7_9`. */
const NEVR = /^(.+)-((?:\d+:)?[^-:\s]+-[^-:\s]+)$/;
/** The stream a CPE names: `Red Hat:9`, `Red Hat:8.6+eus`; undefined for other products (extras, AUS, TUS, E4S…). */
function redHatEcosystem(cpe) {
    const main = MAIN_CPE.exec(cpe);
    if (main)
        return `Red Hat:${main[1]}`;
    const eus = EUS_CPE.exec(cpe);
    if (eus)
        return `Red Hat:${eus[1]}+eus`;
    return undefined;
}
/** Red Hat's fix states → the contract's `fix_state`; undefined: not affected (no entry). */
function fixState(state) {
    const s = state.trim().toLowerCase();
    if (s === 'not affected')
        return undefined;
    if (s === 'will not fix' || s === 'out of support scope')
        return 'wont-fix';
    return 'not-fixed'; // Affected, Fix deferred, Under investigation
}
const iso = (v) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined);
/**
 * One CVE's security data as one OSV record (id = the CVE):
 * - `affected_release` of RHEL main streams (`enterprise_linux:N` → `Red Hat:N`) and EUS streams (`rhel_eus:X.Y` →
 *   `Red Hat:X.Y+eus`): `introduced 0`, `fixed <epoch:version-release>`, the RHSA in `database_specific.advisory`;
 *   other products (extras, Oracle Java, Satellite, AUS/TUS/E4S) are left out, as vunnel does;
 * - `package_state` of those streams: "Not affected" → no entry; "Will not fix" / "Out of support scope" →
 *   `introduced 0` only, `fix_state: wont-fix`; "Affected" and the rest → `fix_state: not-fixed`. A package that
 *   has a fix in a stream is not also listed unfixed there. `module:stream/name` → `ecosystem_specific.module`;
 *   flatpak and container names (`firefox:flatpak/firefox`) are left out;
 * - `threat_severity` (`Important`) in `database_specific.severity`, the CVSS v3 vector in `severity`;
 * - `published` = `public_date`; `modified` = the latest of `public_date` and the fixes' release dates.
 */
function convertRhelCve(text, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        return { records: [], skipped: [{ where, reason: `unreadable JSON: ${(0,errors/* getErrorMessage */.u1)(error)}` }] };
    }
    if (typeof doc !== 'object' || doc === null || typeof doc.name !== 'string' || !rhel_security_data_CVE.test(doc.name)) {
        return { records: [], skipped: [{ where, reason: 'not a Red Hat CVE document (no CVE "name")' }] };
    }
    const cve = doc.name;
    const skipped = [];
    const affected = [];
    const fixedKeys = new Set();
    const seen = new Set();
    const dates = [];
    const published = iso(doc.public_date);
    if (published)
        dates.push(published);
    const releases = Array.isArray(doc.affected_release) ? doc.affected_release : [];
    for (const raw of releases) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const r = raw;
        const ecosystem = typeof r.cpe === 'string' ? redHatEcosystem(r.cpe) : undefined;
        if (!ecosystem)
            continue;
        const pkg = typeof r.package === 'string' ? r.package.trim() : '';
        const m = NEVR.exec(pkg);
        if (!m || m[1].includes(':') || m[1].includes('/')) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: "${pkg || String(r.package)}" is not a package name-version (advisory ${String(r.advisory)})` });
            continue;
        }
        const [, name, evr] = m;
        const key = `${ecosystem}\u0000${name}\u0000${evr}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        fixedKeys.add(`${ecosystem}\u0000${name}`);
        const date = iso(r.release_date);
        if (date)
            dates.push(date);
        const advisory = typeof r.advisory === 'string' ? r.advisory : undefined;
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: evr }] }],
            ...(advisory ? { database_specific: { advisory, advisory_url: `https://access.redhat.com/errata/${advisory}` } } : {}),
        });
    }
    const states = Array.isArray(doc.package_state) ? doc.package_state : [];
    for (const raw of states) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const s = raw;
        const ecosystem = typeof s.cpe === 'string' ? redHatEcosystem(s.cpe) : undefined;
        if (!ecosystem)
            continue;
        const full = typeof s.package_name === 'string' ? s.package_name.trim() : '';
        if (!full) {
            skipped.push({ where, reason: `${cve}: ${ecosystem}: a package state without a package name` });
            continue;
        }
        const state = fixState(typeof s.fix_state === 'string' ? s.fix_state : 'Affected');
        if (!state)
            continue;
        let name = full;
        let module;
        const mod = /^([^:/\s]+:[^/\s]+)\/(.+)$/.exec(full);
        if (mod) {
            if (/flatpak|container|image/i.test(mod[1]))
                continue;
            module = mod[1];
            name = mod[2];
        }
        else if (/[:/]/.test(full))
            continue; // container images (`rhel8/…`), not rpms
        const key = `${ecosystem}\u0000${name}`;
        if (!module && fixedKeys.has(key))
            continue;
        const dup = `${key}\u0000${module ?? ''}\u0000state`;
        if (seen.has(dup))
            continue;
        seen.add(dup);
        affected.push({
            package: { ecosystem, name },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
            ...(module ? { ecosystem_specific: { module } } : {}),
            database_specific: { fix_state: state, red_hat_state: String(s.fix_state) },
        });
    }
    const modified = dates.sort().at(-1);
    if (!modified)
        return { records: [], skipped: [...skipped, { where, reason: `${cve}: no date (public_date, release_date)` }] };
    const vector = typeof doc.cvss3?.cvss3_scoring_vector === 'string' ? doc.cvss3.cvss3_scoring_vector : undefined;
    const severity = vector && /^CVSS:3\.[01]\//.test(vector) ? [{ type: 'CVSS_V3', score: vector }] : [];
    const threat = typeof doc.threat_severity === 'string' && doc.threat_severity ? doc.threat_severity : undefined;
    const details = Array.isArray(doc.details) ? doc.details.filter((d) => typeof d === 'string').join('\n\n') : undefined;
    const summary = typeof doc.bugzilla?.description === 'string' ? doc.bugzilla.description.trim() : undefined;
    const advisories = [...new Set(affected.map((a) => a.database_specific?.advisory).filter((a) => typeof a === 'string'))].sort();
    const record = {
        schema_version: '1.7.5',
        id: cve,
        modified,
        ...(published ? { published } : {}),
        ...(summary ? { summary } : {}),
        ...(details ? { details } : {}),
        ...(severity.length > 0 ? { severity } : {}),
        affected,
        references: [
            { type: 'ADVISORY', url: `https://access.redhat.com/security/cve/${cve}` },
            ...advisories.map((a) => ({ type: 'ADVISORY', url: `https://access.redhat.com/errata/${a}` })),
        ],
        database_specific: { ...(threat ? { severity: threat } : {}), source: 'rhel' },
    };
    return { records: [record], skipped };
}

;// CONCATENATED MODULE: ./src/vulndb/providers/rhel.ts





const isCveFile = (name) => /^CVE-\d{4}-\d{4,}(\.json)?$/i.test(name);
/**
 * Red Hat's per-CVE security data (the Security Data API's `cve/CVE-….json` documents, as vunnel keeps them in
 * `input/cve/full/`), from a local file or folder: one source `rhel:<path>`, one record per CVE in `Red Hat:<major>`
 * and `Red Hat:<x.y>+eus`. Fetching the API itself (one request per CVE) is not done: download the documents
 * (vunnel, or the API) and give their folder as `path`.
 */
const rhelProvider = {
    id: 'rhel',
    version: 1,
    description: "Red Hat per-CVE security data (Security Data API CVE documents, local) turned into OSV records (Red Hat:<major>, Red Hat:<x.y>+eus)",
    fetch(options, ctx) {
        if (!options.path) {
            throw new errors/* ConfigurationError */.j1('rhel: give a path to a folder of Red Hat security data CVE documents (CVE-YYYY-NNNN.json); fetching the Security Data API per CVE is not supported');
        }
        const { root, files } = localFeedFiles(options.path, isCveFile);
        if (files.length === 0)
            throw new errors/* ConfigurationError */.j1(`rhel: no CVE-YYYY-NNNN(.json) document in ${options.path}`);
        const records = [];
        const skipped = [];
        const ids = new Set();
        for (const f of files) {
            const out = convertRhelCve((0,external_node_fs_.readFileSync)(f, 'utf8'), f);
            skipped.push(...out.skipped);
            for (const r of out.records) {
                if (ids.has(r.id)) {
                    skipped.push({ where: f, reason: `${r.id} comes twice (${(0,external_node_path_.basename)(f)}); the first is kept` });
                    continue;
                }
                ids.add(r.id);
                records.push(r);
            }
        }
        ctx.logger.info(`rhel:${root}: ${records.length} records`);
        return Promise.resolve([{ id: `rhel:${root}`, provider: 'rhel', kind: 'native', location: root, fetchedAt: ctx.now().toISOString(), notModified: false, records, skipped }]);
    },
};

;// CONCATENATED MODULE: ./src/vulndb/list.ts













/** Every vulnerability data provider. The only place a provider is wired in. */
const VULNERABILITY_PROVIDERS = new registry/* Registry */.O('vulnerability data provider', [
    osv_bucket/* osvBucketProvider */.El,
    osvLocalProvider,
    alpineSecdbProvider,
    nvdProvider,
    kevProvider,
    epssProvider,
    oracleOvalProvider,
    slesOvalProvider,
    marinerOvalProvider,
    amazonProvider,
    photonProvider,
    wolfiProvider,
    chainguardProvider,
    rhelProvider,
]);


/***/ }),

/***/ 59289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ packageKey),
/* harmony export */   i9: () => (/* binding */ ecosystemKey)
/* harmony export */ });
/* unused harmony export normalizeName */
/**
 * Keys of the database index: one ecosystem and one package name, normalised the way each ecosystem compares
 * names, so that the importer and the matcher agree without either knowing the other.
 */
/**
 * One key per distro release, whichever way a feed spells it (osv.dev, or our converters of native feeds):
 * - `Debian:12` → `debian:12`; `Alpine:v3.20` → `alpine:v3.20`; language ecosystems lower-cased (`PyPI` → `pypi`);
 * - Ubuntu: `Ubuntu:22.04:LTS`, `Ubuntu:Pro:22.04:LTS` and `Ubuntu:22.04` → `ubuntu:22.04` (the support level does
 *   not change what is installed);
 * - Red Hat CPE streams: `Red Hat:enterprise_linux:9::appstream` (and `::baseos`, `::crb`…) and `Red Hat:9` →
 *   `red hat:9`; the extended streams keep their minor and name: `Red Hat:rhel_eus:8.6::appstream` →
 *   `red hat:8.6+eus` (likewise `aus`, `e4s`, `tus`, `els`), never used for a plain image; other Red Hat products
 *   (`Red Hat:openshift:4.14::el9`) are only lower-cased;
 * - SUSE and openSUSE products: lower-cased, spaces collapsed, a leading `SUSE ` / `openSUSE ` of the product
 *   dropped (`SUSE:SUSE Linux Enterprise Server 15 SP5` = `SUSE:Linux Enterprise Server 15 SP5`);
 * - Azure Linux: `Azure Linux:3.0`, `Azure Linux:3`, `CBL-Mariner:2.0`, `Mariner:2.0` → `azure linux:<major>`;
 * - Photon OS: `Photon OS:4` and `Photon OS:4.0` → `photon os:4.0`.
 */
function ecosystemKey(ecosystem) {
    const lower = ecosystem.trim().toLowerCase();
    const colon = lower.indexOf(':');
    if (colon < 0)
        return lower;
    const base = lower.slice(0, colon).trim();
    const rest = lower.slice(colon + 1).trim();
    switch (base) {
        case 'ubuntu': {
            const m = /(\d+\.\d+)/.exec(rest);
            return m ? `ubuntu:${m[1]}` : lower;
        }
        case 'red hat':
            return `red hat:${redHatStream(rest)}`;
        case 'suse':
        case 'opensuse': {
            const product = rest.replace(/\s+/g, ' ').replace(/^(suse|opensuse) /, '');
            return `${base}:${product}`;
        }
        case 'azure linux':
        case 'cbl-mariner':
        case 'mariner': {
            const m = /^(\d+)(?:\.\d+)*$/.exec(rest);
            return m ? `azure linux:${m[1]}` : `${base}:${rest}`;
        }
        case 'photon os': {
            const m = /^(\d+)(?:\.(\d+))?$/.exec(rest);
            return m ? `photon os:${m[1]}.${m[2] ?? '0'}` : `${base}:${rest}`;
        }
        default:
            return lower;
    }
}
/** `enterprise_linux:9::appstream` → `9`; `rhel_eus:8.6::baseos` → `8.6+eus`; `9` → `9`; anything else as it is. */
function redHatStream(rest) {
    if (/^\d+(\.\d+)*$/.test(rest))
        return rest.split('.')[0];
    if (/^\d+(\.\d+)*\+[a-z0-9]+$/.test(rest))
        return rest; // already a key: `8.6+eus`
    const m = /^([a-z0-9_]+):([0-9.]+)(?::|$)/.exec(rest);
    if (!m)
        return rest;
    const [, product, version] = m;
    if (product === 'enterprise_linux' || product === 'rhel')
        return version.split('.')[0];
    const stream = /^rhel_([a-z0-9]+)$/.exec(product);
    if (stream)
        return `${version}+${stream[1]}`;
    return rest;
}
/**
 * Names as the ecosystem compares them: PyPI by PEP 503 (case-folded, runs of `-_.` as one `-`); crates.io,
 * NuGet and Packagist case-insensitively (crates.io also treats `_` as `-`); everything else exactly.
 */
function normalizeName(ecosystem, name) {
    const eco = ecosystemKey(ecosystem);
    const base = eco.split(':', 1)[0];
    switch (base) {
        case 'pypi':
            return name.toLowerCase().replace(/[-_.]+/g, '-');
        case 'crates.io':
            return name.toLowerCase().replace(/_/g, '-');
        case 'nuget':
        case 'packagist':
            return name.toLowerCase();
        default:
            return name;
    }
}
/** The index key for one ecosystem and package name. */
function packageKey(ecosystem, name) {
    return `${ecosystemKey(ecosystem)}\u0000${normalizeName(ecosystem, name)}`;
}


/***/ }),

/***/ 48173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V6: () => (/* binding */ slimRecord),
/* harmony export */   W1: () => (/* binding */ asOsvRecord),
/* harmony export */   sz: () => (/* binding */ baseEcosystem),
/* harmony export */   x4: () => (/* binding */ parseOsvRecord)
/* harmony export */ });
/* unused harmony exports OsvFormatError, OSV_RECORD_SCHEMA */
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29927);

/** A record failed the minimal shape check: it has no id, no `modified`, or a malformed `affected` list. */
class OsvFormatError extends Error {
    name = 'OsvFormatError';
}
const strings = { type: 'array', items: { type: 'string' } };
const severity = { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, score: { type: 'string' } }, required: ['type', 'score'] } };
const event = {
    type: 'object',
    properties: { introduced: { type: 'string' }, fixed: { type: 'string' }, last_affected: { type: 'string' }, limit: { type: 'string' } },
};
/**
 * The shape of the fields Portcullis reads, after the OSV schema (https://github.com/ossf/osv-schema,
 * validation/schema.json: `id` and `modified` required; `package` needs `ecosystem` and `name`; a range needs
 * `type` and `events`). Other fields stay open.
 */
const OSV_RECORD_SCHEMA = {
    type: 'object',
    properties: {
        schema_version: { type: 'string' },
        id: { type: 'string', minLength: 1 },
        modified: { type: 'string' },
        published: { type: 'string' },
        withdrawn: { type: 'string' },
        aliases: strings,
        upstream: strings,
        related: strings,
        summary: { type: 'string' },
        details: { type: 'string' },
        severity,
        affected: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    package: { type: 'object', properties: { ecosystem: { type: 'string' }, name: { type: 'string' }, purl: { type: 'string' } }, required: ['ecosystem', 'name'] },
                    severity,
                    ranges: {
                        type: 'array',
                        items: { type: 'object', properties: { type: { type: 'string' }, repo: { type: 'string' }, events: { type: 'array', items: event } }, required: ['type', 'events'] },
                    },
                    versions: strings,
                    ecosystem_specific: { type: 'object' },
                    database_specific: { type: 'object' },
                },
            },
        },
        references: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, url: { type: 'string' } } } },
        database_specific: { type: 'object' },
    },
    required: ['id', 'modified'],
};
const checkOsvShape = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .shapeChecker */ .Dr)(OSV_RECORD_SCHEMA);
/**
 * Checks the shape of the fields Portcullis reads (OSV_RECORD_SCHEMA) and returns the record typed. A record that
 * does not fit is an OsvFormatError naming the field by its JSON pointer; importers skip it and count it.
 */
function asOsvRecord(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new OsvFormatError(`${where}: not a JSON object`);
    const r = value;
    if (typeof r.id !== 'string' || r.id === '')
        throw new OsvFormatError(`${where}: no "id"`);
    if (typeof r.modified !== 'string')
        throw new OsvFormatError(`${where}: ${r.id} has no "modified"`);
    const problem = checkOsvShape(value);
    if (problem !== undefined)
        throw new OsvFormatError(`${where}: ${r.id} is malformed: ${problem}`);
    return r;
}
/**
 * Parses one OSV record's text with the depth guard (src/common/json.ts) and checks its shape; any failure is an
 * OsvFormatError (the record is skipped by importers).
 */
function parseOsvRecord(text, where) {
    return asOsvRecord((0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, { what: where, errorClass: OsvFormatError }), where);
}
/**
 * The record as stored in the local database: what matching and findings need. `details` and `credits` (the
 * long texts) are dropped to keep the database small; the rest is kept as it came.
 */
function slimRecord(r) {
    const { details: _details, credits: _credits, ...rest } = r;
    return rest;
}
/** The ecosystem as osv.dev's bucket names its folders: the part before the first `:` (`Debian:12` → `Debian`). */
function baseEcosystem(ecosystem) {
    const colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}


/***/ }),

/***/ 83676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ENRICHMENT_KINDS)
/* harmony export */ });
/** Source kinds whose batches carry `enrichments` rather than `records`. */
const ENRICHMENT_KINDS = new Set(['nvd', 'kev', 'epss']);


/***/ }),

/***/ 46703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ osvBucketProvider),
/* harmony export */   qP: () => (/* binding */ DEFAULT_OSV_BUCKET_URL)
/* harmony export */ });
/* unused harmony export MAX_INCREMENTAL_RECORDS */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6729);
/* harmony import */ var _osv_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48173);
/* harmony import */ var _zip_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3166);




const DEFAULT_OSV_BUCKET_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Above this many changed records, an incremental update fetches all.zip instead. */
const MAX_INCREMENTAL_RECORDS = 2000;
const INCREMENTAL_CONCURRENCY = 8;
/**
 * osv.dev's public bucket layout: `<base>/<Ecosystem>/all.zip`, one source per ecosystem (`osv-bucket:npm`).
 * Requests are conditional on the stored ETag / Last-Modified, so an unchanged ecosystem costs one 304.
 * A corrupt zip or any failure after the retries fails the whole fetch (the database keeps its previous state).
 */
const osvBucketProvider = {
    id: 'osv-bucket',
    version: 1,
    requires: ['network'],
    description: "osv.dev's bucket layout over HTTP(S): <base>/<Ecosystem>/all.zip",
    async fetch(options, ctx) {
        const base = (options.url ?? DEFAULT_OSV_BUCKET_URL).replace(/\/+$/, '');
        const ecosystems = options.ecosystems ?? [];
        if (ecosystems.length === 0)
            return [];
        const out = [];
        for (const ecosystem of ecosystems) {
            const id = `osv-bucket:${ecosystem}`;
            const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
            const prev = ctx.previous.get(id);
            // A stored state from another URL is not a valid condition for this one.
            const sameUrl = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sameLocation */ .It)(prev?.location, url);
            if (sameUrl && prev?.highWater) {
                const stored = ctx.previousRecords?.(id);
                if (stored) {
                    const inc = await incremental(base, ecosystem, prev.highWater, stored, options, ctx);
                    if (inc) {
                        out.push(inc.notModified ? { ...prev, fetchedAt: ctx.now().toISOString(), notModified: true } : { ...prev, ...inc.batch, fetchedAt: ctx.now().toISOString() });
                        continue;
                    }
                }
            }
            const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceGet */ .a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'osv-bucket', kind: 'osv', location: url, fetchedAt };
            if (res.status === 404)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
            if (res.status === 304) {
                ctx.logger.debug(`${url}: not modified`);
                out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true });
                continue;
            }
            // The central directory is read at the first step (a corrupt one fails the source); entries then inflate
            // one at a time, and a bad one is skipped and counted.
            const entries = (0,_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .iterateJsonEntries */ .fn)(res.body, url);
            let step;
            try {
                step = entries.next();
            }
            catch (error) {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error), { cause: error });
            }
            const records = [];
            const skipped = [];
            for (; !step.done; step = entries.next()) {
                const { name, text, skipped: why } = step.value;
                const where = `${url}!${name}`;
                if (why !== undefined) {
                    skipped.push({ where, reason: why });
                    continue;
                }
                try {
                    records.push((0,_osv_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOsvRecord */ .x4)(text, where));
                }
                catch (error) {
                    skipped.push({ where, reason: (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error) });
                }
            }
            ctx.logger.info(`${ecosystem}: ${records.length} records from ${url}`);
            const highWater = newestModified(records);
            out.push({
                ...state,
                ...(highWater ? { highWater } : {}),
                ...(res.etag ? { etag: res.etag } : {}),
                ...(res.lastModified ? { lastModified: res.lastModified } : {}),
                notModified: false,
                records,
                skipped,
            });
        }
        return out;
    },
};
function newestModified(records) {
    let newest;
    for (const r of records)
        if (typeof r.modified === 'string' && !Number.isNaN(Date.parse(r.modified)) && (!newest || Date.parse(r.modified) > Date.parse(newest)))
            newest = r.modified;
    return newest;
}
/**
 * The bucket's incremental path: `<Ecosystem>/modified_id.csv` (newest first, `<modified>,<ID>`), then
 * `<Ecosystem>/<ID>.json` for each id modified after the high-water mark, merged over the stored records.
 * Undefined means "fetch all.zip": no index, more than MAX_INCREMENTAL_RECORDS changed, or anything inconsistent.
 */
async function incremental(base, ecosystem, highWater, stored, options, ctx) {
    const dir = `${base}/${encodeURIComponent(ecosystem)}`;
    const http = { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, signal: ctx.signal, logger: ctx.logger };
    const fallback = (why) => {
        ctx.logger.info(`${ecosystem}: ${why}; fetching all.zip`);
        return undefined;
    };
    const mark = Date.parse(highWater);
    if (Number.isNaN(mark))
        return fallback(`the stored high-water mark "${highWater}" is not a date`);
    const csv = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .conditionalGet */ .fl)(`${dir}/modified_id.csv`, http);
    if (csv.status !== 200)
        return fallback(`no ${dir}/modified_id.csv (HTTP ${csv.status})`);
    const changed = [];
    let previousTime = Infinity;
    let newest;
    for (const line of csv.body.toString('utf8').split('\n')) {
        if (line.trim() === '')
            continue;
        const comma = line.indexOf(',');
        const modified = line.slice(0, comma).trim();
        const id = line.slice(comma + 1).trim();
        const t = Date.parse(modified);
        if (comma <= 0 || !id || Number.isNaN(t) || !/^[A-Za-z0-9._:-]+$/.test(id))
            return fallback(`modified_id.csv has a bad line "${line.slice(0, 80)}"`);
        if (t > previousTime)
            return fallback('modified_id.csv is not newest first');
        previousTime = t;
        newest ??= modified;
        if (t <= mark)
            break;
        changed.push({ id, modified });
        if (changed.length > MAX_INCREMENTAL_RECORDS)
            return fallback(`more than ${MAX_INCREMENTAL_RECORDS} records changed`);
    }
    if (!newest)
        return fallback('modified_id.csv is empty');
    if (changed.length === 0) {
        ctx.logger.debug(`${ecosystem}: nothing modified after ${highWater}`);
        return { notModified: true };
    }
    const fetched = new Map();
    let failed;
    let next = 0;
    const worker = async () => {
        while (next < changed.length && !failed) {
            const { id } = changed[next++];
            const url = `${dir}/${encodeURIComponent(id)}.json`;
            const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .conditionalGet */ .fl)(url, http);
            if (res.status !== 200) {
                failed = `${url}: HTTP ${res.status}`;
                return;
            }
            try {
                const record = (0,_osv_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOsvRecord */ .x4)(res.body.toString('utf8'), url);
                if (record.id !== id)
                    throw new Error(`its id is ${record.id}`);
                fetched.set(id, record);
            }
            catch (error) {
                failed = `${url}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}`;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(INCREMENTAL_CONCURRENCY, changed.length) }, worker));
    if (failed)
        return fallback(failed);
    const records = stored.filter((r) => !fetched.has(r.id));
    records.push(...fetched.values());
    ctx.logger.info(`${ecosystem}: ${fetched.size} record(s) modified after ${highWater}, ${records.length} in all`);
    return { notModified: false, batch: { notModified: false, records, skipped: [], highWater: newest } };
}


/***/ }),

/***/ 90976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ defaultCacheDir),
/* harmony export */   BL: () => (/* binding */ newDatabaseDir),
/* harmony export */   K3: () => (/* binding */ readSourceRecords),
/* harmony export */   TW: () => (/* binding */ dataStatus),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   f1: () => (/* binding */ sourceEcosystems),
/* harmony export */   kN: () => (/* binding */ DB_SCHEMA_VERSION),
/* harmony export */   ls: () => (/* binding */ activateDatabase),
/* harmony export */   oz: () => (/* binding */ VulnerabilityDatabase),
/* harmony export */   tW: () => (/* binding */ writeDatabase),
/* harmony export */   xp: () => (/* binding */ DEFAULT_MAX_AGE_DAYS)
/* harmony export */ });
/* unused harmony export dbRoot */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71922);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6729);
/* harmony import */ var _osv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48173);
/* harmony import */ var _enrichment_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(55972);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59289);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83676);









/**
 * The local vulnerability database.
 *
 * Layout, under `<cache dir>/vulndb/`:
 * - `CURRENT`: the name of the live database folder. It is replaced by a rename, so a reader sees either the old
 *   database or the new one, and a failed update leaves the old one live;
 * - `db-XXXXXX/metadata.json`: schema version, and per source its provider, location, fetch time, validators,
 *   record counts (in all and per ecosystem) and skipped inputs;
 * - `db-XXXXXX/s<n>.jsonl`: one source's records, one minified OSV record a line (`details` and `credits` dropped);
 *   for an enrichment source (NVD, KEV, EPSS), one `EnrichmentRecord` a line;
 * - `db-XXXXXX/s<n>.idx.json`: `{ "<ecosystem>\0<name>": [offset, length, offset, length, …] }` into that file
 *   (for an enrichment source, `{ "id\0<CVE id>": [offset, length] }`), split in hashed buckets behind a header
 *   line so that a lookup parses one bucket (see SegmentIndex).
 *
 * Opening reads the metadata and the index headers only; a bucket of an index, and a record, are read and parsed
 * when a package asks for them.
 */
const DB_SCHEMA_VERSION = 1;
const DEFAULT_MAX_AGE_DAYS = 7;
const SKIPPED_EXAMPLES = 20;
/** `$PORTCULLIS_CACHE_DIR`, else `$XDG_CACHE_HOME/portcullis`, else `~/.cache/portcullis`. */
function defaultCacheDir(env = process.env) {
    if (env.PORTCULLIS_CACHE_DIR)
        return env.PORTCULLIS_CACHE_DIR;
    if (env.XDG_CACHE_HOME)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CACHE_HOME, 'portcullis');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache', 'portcullis');
}
/** The folder the database lives in, inside the cache dir: what the Action caches between runs. */
function dbRoot(cacheDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, 'vulndb');
}
function currentDir(cacheDir) {
    const pointer = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dbRoot(cacheDir), 'CURRENT');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(pointer))
        return undefined;
    const name = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(pointer, 'utf8').trim();
    if (!/^db-[A-Za-z0-9_-]+$/.test(name))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database pointer ${pointer} is corrupt; run "portcullis db update"`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dbRoot(cacheDir), name);
}
/** The live database's metadata, or undefined when there is none yet. */
function readMetadata(cacheDir) {
    const dir = currentDir(cacheDir);
    if (!dir)
        return undefined;
    let meta;
    try {
        meta = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'metadata.json'), 'utf8'));
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database in ${dir} is unreadable (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}); run "portcullis db update"`);
    }
    if (meta.schemaVersion !== DB_SCHEMA_VERSION) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The vulnerability database in ${dir} has schema version ${meta.schemaVersion}, this Portcullis reads ${DB_SCHEMA_VERSION}; run "portcullis db update"`);
    }
    return meta;
}
/**
 * A segment's index, read lazily. Version 2 (what `writeSegment` writes): a header line
 * `{"v":2,"buckets":N,"keys":K,"offsets":[…N+1 numbers]}`, then N JSON objects `{key: [offset, length, …]}`, one per
 * bucket (`bucketOf(key, N)`), at those offsets after the header line. Opening the database reads the headers only;
 * a lookup parses the one bucket its key falls in, so open time and memory follow what a scan asks for, not the
 * size of the data. Version 1 (one JSON object, databases written before) is read as a single bucket.
 */
class SegmentIndex {
    path;
    bucketCount;
    offsets;
    base;
    fd;
    #buckets = new Map();
    constructor(path, bucketCount, offsets, base, fd) {
        this.path = path;
        this.bucketCount = bucketCount;
        this.offsets = offsets;
        this.base = base;
        this.fd = fd;
    }
    static open(path) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
        // Version 2 starts with its header line; anything else is a version 1 index, read as one bucket.
        let buf = Buffer.alloc(0);
        let nl = -1;
        for (;;) {
            const chunk = Buffer.allocUnsafe(65536);
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, 0, chunk.length, buf.length);
            buf = Buffer.concat([buf, chunk.subarray(0, n)]);
            if (buf.length >= 6 && buf.subarray(0, 6).toString() !== '{"v":2')
                break;
            nl = buf.indexOf(0x0a);
            if (nl >= 0)
                break;
            if (n === 0) {
                if (buf.length >= 6)
                    throw new Error(`${path}: truncated index header`);
                break;
            }
        }
        if (nl < 0)
            return new SegmentIndex(path, 1, [0, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size], 0, fd);
        const header = JSON.parse(buf.subarray(0, nl).toString('utf8'));
        return new SegmentIndex(path, header.buckets, header.offsets, nl + 1, fd);
    }
    /** The `[offset, length, …]` list of one key, or undefined. */
    get(key) {
        return this.#bucket(this.bucketCount === 1 ? 0 : bucketOf(key, this.bucketCount))[key];
    }
    /** Every key (loads every bucket: for diagnostics and counts, not for scans). */
    allKeys() {
        const out = [];
        for (let b = 0; b < this.bucketCount; b++)
            out.push(...Object.keys(this.#bucket(b)));
        return out;
    }
    #bucket(b) {
        let m = this.#buckets.get(b);
        if (!m) {
            const start = this.offsets[b];
            const length = this.offsets[b + 1] - start;
            const buf = Buffer.allocUnsafe(length);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, buf, 0, length, this.base + start);
            m = length === 0 ? {} : JSON.parse(buf.toString('utf8'));
            this.#buckets.set(b, m);
        }
        return m;
    }
    close() {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(this.fd);
    }
}
/** FNV-1a of the key's UTF-16 code units, modulo the bucket count: the same in the writer and the reader. */
function bucketOf(key, buckets) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
        h ^= key.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0) % buckets;
}
/** About 256 keys a bucket, at most 4,096 buckets. */
function bucketCountFor(keys) {
    return Math.max(1, Math.min(4096, Math.ceil(keys / 256)));
}
/** Serialises an index in version 2 (see SegmentIndex). */
function serialiseIndex(index) {
    const keys = Object.keys(index).sort();
    const n = bucketCountFor(keys.length);
    const buckets = Array.from({ length: n }, () => ({}));
    for (const k of keys)
        buckets[bucketOf(k, n)][k] = index[k];
    const bodies = buckets.map((b) => JSON.stringify(b));
    const offsets = [0];
    for (const body of bodies)
        offsets.push(offsets.at(-1) + Buffer.byteLength(body));
    return `${JSON.stringify({ v: 2, buckets: n, keys: keys.length, offsets })}\n${bodies.join('')}`;
}
class VulnerabilityDatabase {
    dir;
    metadata;
    #segments;
    #recordSegs = [];
    #enrichSegs = [];
    #cache = new Map();
    constructor(dir, metadata) {
        this.dir = dir;
        this.metadata = metadata;
        this.#segments = metadata.segments.map((meta) => ({ meta, path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, meta.data) }));
        metadata.segments.forEach((meta, seg) => {
            this.#segments[seg].index = SegmentIndex.open((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, meta.index));
            (_provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(meta.kind) ? this.#enrichSegs : this.#recordSegs).push(seg);
        });
    }
    #hits(segs, key) {
        const out = [];
        for (const seg of segs) {
            const pairs = this.#segments[seg].index.get(key);
            if (!pairs)
                continue;
            for (let i = 0; i < pairs.length; i += 2)
                out.push({ seg, offset: pairs[i], length: pairs[i + 1] });
        }
        return out;
    }
    #distinctKeys(segs) {
        const keys = new Set();
        for (const seg of segs)
            for (const k of this.#segments[seg].index.allKeys())
                keys.add(k);
        return keys.size;
    }
    /** Opens the live database; a missing one is a ConfigurationError that says how to make one. */
    static open(cacheDir) {
        const meta = readMetadata(cacheDir);
        const dir = currentDir(cacheDir);
        if (!meta || !dir)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`No vulnerability database in ${cacheDir}; run "portcullis db update" or "portcullis db import PATH"`);
        return new VulnerabilityDatabase(dir, meta);
    }
    /** Number of distinct (ecosystem, name) keys in the index. */
    get keyCount() {
        return this.#distinctKeys(this.#recordSegs);
    }
    /** Every record naming this package in this ecosystem (`Debian:12`, `npm`), from every source. */
    lookup(ecosystem, name) {
        const hits = this.#hits(this.#recordSegs, (0,_names_js__WEBPACK_IMPORTED_MODULE_7__/* .packageKey */ .MO)(ecosystem, name));
        if (hits.length === 0)
            return [];
        return hits.map((h) => {
            const seg = this.#segments[h.seg];
            const cacheKey = `${h.seg}:${h.offset}`;
            let record = this.#cache.get(cacheKey);
            if (!record) {
                record = JSON.parse(this.#read(h.seg, h.offset, h.length));
                this.#cache.set(cacheKey, record);
            }
            return { record, source: seg.meta };
        });
    }
    /** NVD, KEV and EPSS data for one id (CVE), merged over the enrichment sources; undefined when none has it. */
    enrichment(id) {
        const hits = this.#hits(this.#enrichSegs, (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .enrichmentKey */ .$c)(id));
        if (hits.length === 0)
            return undefined;
        let out;
        for (const h of hits) {
            const { id: _id, ...rest } = JSON.parse(this.#read(h.seg, h.offset, h.length));
            out = (0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .mergeEnrichment */ .iZ)(out, rest);
        }
        return out;
    }
    /** Number of ids with enrichment data. */
    get enrichmentCount() {
        return this.#distinctKeys(this.#enrichSegs);
    }
    #read(seg, offset, length) {
        const s = this.#segments[seg];
        s.fd ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(s.path, 'r');
        const buf = Buffer.allocUnsafe(length);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(s.fd, buf, 0, length, offset);
        return buf.toString('utf8');
    }
    close() {
        for (const s of this.#segments) {
            if (s.fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(s.fd);
            delete s.fd;
            s.index?.close();
            delete s.index;
        }
    }
}
/**
 * Writes a new database from the previous one and a set of fetched sources, then makes it live. A source in
 * `batches` replaces the stored source with the same id (a not-modified batch keeps its records and takes the new
 * fetch time); every other stored source is kept. Any failure removes the half-written folder and leaves the
 * previous database live.
 */
function writeDatabase(cacheDir, batches, now = new Date()) {
    const root = dbRoot(cacheDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(root, { recursive: true });
    const previousDir = currentDir(cacheDir);
    const previous = previousDir ? readMetadata(cacheDir) : undefined;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'db-'));
    try {
        const segments = [];
        const byId = new Map(batches.map((b) => [b.id, b]));
        let n = 0;
        const reuse = (old, state) => {
            if (!previousDir)
                throw new Error(`no previous database for ${old.id}`);
            const data = `s${n}.jsonl`;
            const index = `s${n}.idx.json`;
            n++;
            linkOrCopy((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(previousDir, old.data), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, data));
            linkOrCopy((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(previousDir, old.index), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, index));
            segments.push({ ...old, ...state, data, index });
        };
        for (const old of previous?.segments ?? []) {
            const batch = byId.get(old.id);
            if (!batch)
                reuse(old, stateOf(old));
            else if (batch.notModified) {
                reuse(old, stateOf(batch));
                byId.delete(old.id);
            }
        }
        for (const batch of byId.values()) {
            if (batch.notModified)
                throw new Error(`${batch.id}: "not modified" but there is no stored copy`);
            segments.push(writeSegment(dir, `s${n++}`, batch));
        }
        const metadata = {
            schemaVersion: DB_SCHEMA_VERSION,
            createdAt: previous?.createdAt ?? now.toISOString(),
            updatedAt: now.toISOString(),
            segments,
        };
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
        activateDatabase(cacheDir, dir);
        return { metadata, dir };
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
}
/** A new, empty database folder beside the live one (made live by `activateDatabase`, or removed by the caller). */
function newDatabaseDir(cacheDir) {
    const root = dbRoot(cacheDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(root, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'db-'));
}
/** Makes a complete database folder (inside the db root) live by replacing `CURRENT`, then removes the previous one. */
function activateDatabase(cacheDir, dir) {
    const root = dbRoot(cacheDir);
    const previousDir = currentDir(cacheDir);
    const tmpPointer = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, `CURRENT.${process.pid}.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir)}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmpPointer, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir)}\n`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmpPointer, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'CURRENT'));
    if (previousDir && previousDir !== dir)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(previousDir, { recursive: true, force: true });
}
function stateOf(s) {
    return {
        id: s.id,
        provider: s.provider,
        kind: s.kind,
        location: (0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .storedLocation */ .bD)(s.location),
        fetchedAt: s.fetchedAt,
        ...(s.etag ? { etag: s.etag } : {}),
        ...(s.lastModified ? { lastModified: s.lastModified } : {}),
        ...(s.highWater ? { highWater: s.highWater } : {}),
    };
}
/** Every stored record of one source of the live database (as stored: slimmed), or undefined when it is not there. */
function readSourceRecords(cacheDir, id) {
    const meta = readMetadata(cacheDir);
    const dir = currentDir(cacheDir);
    const seg = meta?.segments.find((s) => s.id === id);
    if (!dir || !seg || _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(seg.kind))
        return undefined;
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, seg.data), 'utf8');
    return text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l));
}
function linkOrCopy(from, to) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(from, to);
    }
    catch {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.copyFileSync)(from, to);
    }
}
function writeSegment(dir, stem, batch) {
    const index = Object.create(null);
    const ecosystems = {};
    const data = `${stem}.jsonl`;
    const indexName = `${stem}.idx.json`;
    // Lines go to the file in chunks of about 1 MiB: the segment is never held whole as one string.
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, data), 'w');
    let offset = 0;
    let pending = [];
    let pendingBytes = 0;
    const flush = () => {
        if (pending.length)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, pending.join(''));
        pending = [];
        pendingBytes = 0;
    };
    const put = (line, keys) => {
        const length = Buffer.byteLength(line);
        for (const key of keys)
            (index[key] ??= []).push(offset, length);
        pending.push(line, '\n');
        pendingBytes += length + 1;
        offset += length + 1;
        if (pendingBytes >= 1 << 20)
            flush();
    };
    try {
        for (const e of _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? (batch.enrichments ?? []) : [])
            put(JSON.stringify(e), [(0,_enrichment_js__WEBPACK_IMPORTED_MODULE_8__/* .enrichmentKey */ .$c)(e.id)]);
        for (const record of _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? [] : batch.records) {
            const keys = new Set();
            const ecos = new Set();
            for (const a of record.affected ?? []) {
                if (!a.package?.ecosystem || !a.package.name)
                    continue;
                keys.add((0,_names_js__WEBPACK_IMPORTED_MODULE_7__/* .packageKey */ .MO)(a.package.ecosystem, a.package.name));
                ecos.add(a.package.ecosystem);
            }
            put(JSON.stringify((0,_osv_js__WEBPACK_IMPORTED_MODULE_5__/* .slimRecord */ .V6)(record)), keys);
            for (const e of ecos)
                ecosystems[e] = (ecosystems[e] ?? 0) + 1;
        }
        flush();
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, indexName), serialiseIndex(index));
    return {
        ...stateOf(batch),
        records: _provider_js__WEBPACK_IMPORTED_MODULE_6__/* .ENRICHMENT_KINDS */ .U.has(batch.kind) ? (batch.enrichments?.length ?? 0) : batch.records.length,
        ecosystems,
        skipped: batch.skipped.length,
        skippedExamples: batch.skipped.slice(0, SKIPPED_EXAMPLES),
        data,
        index: indexName,
        bytes: offset,
    };
}
/** The ecosystems a source covers, by bucket name (`Debian`, `npm`). */
function sourceEcosystems(meta) {
    return [...new Set(Object.keys(meta.ecosystems).map(_osv_js__WEBPACK_IMPORTED_MODULE_5__/* .baseEcosystem */ .sz))].sort();
}
/** Age and staleness of the data: the age of the oldest source's fetch time, in whole days. */
function dataStatus(meta, options = {}) {
    const now = options.now ?? new Date();
    const maxAge = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
    const sources = (meta?.segments ?? []).map((s) => ({ id: s.id, fetchedAt: s.fetchedAt, records: s.records }));
    const times = sources.map((s) => Date.parse(s.fetchedAt)).filter((t) => !Number.isNaN(t));
    const oldest = times.length ? Math.min(...times) : undefined;
    const ageDays = oldest === undefined ? undefined : Math.floor((now.getTime() - oldest) / 86_400_000);
    return { sources, ...(ageDays !== undefined ? { ageDays } : {}), stale: ageDays === undefined || ageDays > maxAge, offline: options.offline ?? false };
}


/***/ }),

/***/ 3166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fn: () => (/* binding */ iterateJsonEntries)
/* harmony export */ });
/* unused harmony exports CorruptArchiveError, MAX_ZIP_ENTRY_BYTES, readJsonEntries */
/* harmony import */ var _common_zip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64074);

/** A zip archive that cannot be read (truncated, corrupt, not a zip). */
class CorruptArchiveError extends Error {
    name = 'CorruptArchiveError';
}
/**
 * The largest inflated entry read from a data zip, whatever its header declares. The largest record in osv.dev's
 * buckets is well under 2 MiB; an entry over this is skipped (a 400 KB zip cannot make the import hold 400 MB).
 */
const MAX_ZIP_ENTRY_BYTES = 16 * 1024 * 1024;
/**
 * Reads the `.json` entries of a zip held in memory (osv.dev's `all.zip` is flat, one record per entry), one at
 * a time, in central-directory order, as text, with the shared zip reader (node:zlib inflates: fast on many small
 * entries). An entry that cannot be read (over `maxEntryBytes`, corrupt data, a size other than the declared one)
 * is yielded with the reason it is skipped; a central directory that cannot be read is a CorruptArchiveError.
 */
function* iterateJsonEntries(data, where, maxEntryBytes = MAX_ZIP_ENTRY_BYTES) {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let zip;
    try {
        zip = new _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipReader */ .z(buf);
    }
    catch (error) {
        if (error instanceof _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W)
            throw new CorruptArchiveError(`${where}: corrupt archive: ${error.message}`, { cause: error });
        throw error;
    }
    for (const entry of zip.entries) {
        if (!entry.name.endsWith('.json'))
            continue;
        let bytes;
        try {
            bytes = zip.read(entry, maxEntryBytes);
            if (bytes.length !== entry.size)
                throw new _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W(`${entry.name} inflates to ${bytes.length} bytes, not the ${entry.size} its header declares`);
        }
        catch (error) {
            if (!(error instanceof _common_zip_js__WEBPACK_IMPORTED_MODULE_0__/* .ZipError */ .W))
                throw error;
            yield { name: entry.name, skipped: `unreadable zip entry: ${error.message}` };
            continue;
        }
        yield { name: entry.name, text: bytes.toString('utf8') };
    }
}
/** Every readable `.json` entry of a zip, as text (entries that cannot be read are left out). */
function readJsonEntries(data, where) {
    const out = [];
    for (const e of iterateJsonEntries(data, where))
        if (e.skipped === undefined)
            out.push({ name: e.name, text: e.text });
    return out;
}


/***/ })

};
