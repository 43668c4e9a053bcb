export const id = 966;
export const ids = [966];
export const modules = {

/***/ 25966:
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
// EXTERNAL MODULE: ./src/common/zip.ts
var common_zip = __webpack_require__(64074);
;// CONCATENATED MODULE: ./src/vulndb/zip.ts

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
        zip = new common_zip/* ZipReader */.z(buf);
    }
    catch (error) {
        if (error instanceof common_zip/* ZipError */.W)
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
                throw new common_zip/* ZipError */.W(`${entry.name} inflates to ${bytes.length} bytes, not the ${entry.size} its header declares`);
        }
        catch (error) {
            if (!(error instanceof common_zip/* ZipError */.W))
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
        const it = iterateJsonEntries((0,external_node_fs_.readFileSync)(file), file);
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
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
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

;// CONCATENATED MODULE: ./src/vulndb/providers/osv-bucket.ts




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
            const sameUrl = (0,vulndb_http/* sameLocation */.It)(prev?.location, url);
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
            const res = await (0,vulndb_http/* sourceGet */.a6)(url, prev, options, ctx);
            const fetchedAt = ctx.now().toISOString();
            const state = { id, provider: 'osv-bucket', kind: 'osv', location: url, fetchedAt };
            if (res.status === 404)
                throw new errors/* RemoteError */.Hi(`${url}: HTTP 404 (is "${ecosystem}" an OSV ecosystem name, spelled as osv.dev does?)`, { status: 404 });
            if (res.status === 304) {
                ctx.logger.debug(`${url}: not modified`);
                out.push({ ...state, etag: res.etag ?? prev?.etag, lastModified: res.lastModified ?? prev?.lastModified, notModified: true });
                continue;
            }
            // The central directory is read at the first step (a corrupt one fails the source); entries then inflate
            // one at a time, and a bad one is skipped and counted.
            const entries = iterateJsonEntries(res.body, url);
            let step;
            try {
                step = entries.next();
            }
            catch (error) {
                throw new errors/* RemoteError */.Hi((0,errors/* getErrorMessage */.u1)(error), { cause: error });
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
                    records.push((0,osv/* parseOsvRecord */.x4)(text, where));
                }
                catch (error) {
                    skipped.push({ where, reason: (0,errors/* getErrorMessage */.u1)(error) });
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
    const csv = await (0,vulndb_http/* conditionalGet */.fl)(`${dir}/modified_id.csv`, http);
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
            const res = await (0,vulndb_http/* conditionalGet */.fl)(url, http);
            if (res.status !== 200) {
                failed = `${url}: HTTP ${res.status}`;
                return;
            }
            try {
                const record = (0,osv/* parseOsvRecord */.x4)(res.body.toString('utf8'), url);
                if (record.id !== id)
                    throw new Error(`its id is ${record.id}`);
                fetched.set(id, record);
            }
            catch (error) {
                failed = `${url}: ${(0,errors/* getErrorMessage */.u1)(error)}`;
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
    osvBucketProvider,
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


/***/ })

};
