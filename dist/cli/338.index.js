export const id = 338;
export const ids = [338];
export const modules = {

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


/***/ })

};
