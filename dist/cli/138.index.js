export const id = 138;
export const ids = [138];
export const modules = {

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


/***/ })

};
