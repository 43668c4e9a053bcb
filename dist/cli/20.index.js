export const id = 20;
export const ids = [20];
export const modules = {

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


/***/ })

};
