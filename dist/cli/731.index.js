export const id = 731;
export const ids = [731];
export const modules = {

/***/ 58731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dataGaps: () => (/* binding */ dataGaps),
  openVulnerabilityData: () => (/* binding */ openVulnerabilityData),
  openedDatabaseStage: () => (/* binding */ openedDatabaseStage),
  vulnerabilityStage: () => (/* binding */ vulnerabilityStage)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/match/ignore.ts



function parseIgnoreFile(text, where = '.portcullis-ignore.yaml') {
    let doc;
    try {
        doc = (0,js_yaml/* load */.Hh)(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${where}: not valid YAML (${(0,errors/* getErrorMessage */.u1)(error).split('\n')[0]})`);
    }
    if (doc === undefined || doc === null)
        return [];
    const list = Array.isArray(doc) ? doc : doc.ignore ?? doc.ignores;
    if (!Array.isArray(list))
        throw new errors/* ConfigurationError */.j1(`${where}: expected a list under "ignore"`);
    return list.map((raw, i) => {
        const at = `${where}: entry ${i + 1}`;
        if (typeof raw !== 'object' || raw === null)
            throw new errors/* ConfigurationError */.j1(`${at} is not a mapping`);
        const r = raw;
        const id = r.id ?? r.vulnerability;
        if (typeof id !== 'string' || id.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} has no "id"`);
        if (typeof r.reason !== 'string' || r.reason.trim() === '')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}) has no "reason"`);
        const pkg = r.package ?? r.purl;
        if (pkg !== undefined && typeof pkg !== 'string')
            throw new errors/* ConfigurationError */.j1(`${at} (${id}): "package" must be a name or a purl`);
        let expires;
        if (r.expires !== undefined) {
            // YAML reads an unquoted date as a Date.
            const d = r.expires instanceof Date ? r.expires : typeof r.expires === 'string' ? new Date(r.expires) : undefined;
            if (!d || Number.isNaN(d.getTime()))
                throw new errors/* ConfigurationError */.j1(`${at} (${id}): "expires" is not a date (YYYY-MM-DD)`);
            expires = r.expires instanceof Date ? d.toISOString().slice(0, 10) : String(r.expires);
        }
        return { id: id.trim(), ...(pkg ? { package: pkg.trim() } : {}), reason: r.reason.trim(), ...(expires ? { expires } : {}), index: i + 1 };
    });
}
function loadIgnoreFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read ignore file ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseIgnoreFile(text, path);
}
/** `*` any run, `?` one character; everything else literal; case-insensitive. */
function globToRegExp(glob) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** True when an entry's date has passed: a date-only `expires` lasts through that whole day (UTC). */
function isExpired(rule, now) {
    if (!rule.expires)
        return false;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(rule.expires);
    const end = dateOnly ? Date.parse(`${rule.expires}T23:59:59.999Z`) : Date.parse(rule.expires);
    return now.getTime() > end;
}
/** Whether a rule's `package` (name or purl) names the finding's package. */
function packageMatches(spec, finding) {
    if (!spec.startsWith('pkg:'))
        return spec === finding.packageName;
    if (!finding.purl)
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(finding.purl);
    if (want.base.toLowerCase() !== have.base.toLowerCase())
        return false;
    if (want.version !== undefined && want.version !== have.version)
        return false;
    return true;
}
/** `pkg:type/ns/name@version?q#s` → base `pkg:type/ns/name` and the decoded version. */
function splitPurl(p) {
    const noSub = p.split('#', 1)[0].split('?', 1)[0];
    const at = noSub.lastIndexOf('@');
    const slash = noSub.lastIndexOf('/');
    if (at > slash)
        return { base: noSub.slice(0, at), version: decodeURIComponent(noSub.slice(at + 1)) };
    return { base: noSub };
}
function applyIgnores(findings, rules, now = new Date()) {
    const active = rules.filter((r) => !isExpired(r, now));
    const expired = rules.filter((r) => isExpired(r, now));
    const patterns = new Map(active.map((r) => [r, globToRegExp(r.id)]));
    const used = new Set();
    const kept = [];
    const ignored = [];
    for (const f of findings) {
        const ids = [f.id, ...f.aliases];
        const rule = active.find((r) => ids.some((id) => patterns.get(r).test(id)) && (!r.package || packageMatches(r.package, f)));
        if (rule) {
            used.add(rule);
            ignored.push({ finding: f, rule });
        }
        else
            kept.push(f);
    }
    return { kept, ignored, expired, unused: active.filter((r) => !used.has(r)) };
}

// EXTERNAL MODULE: ./src/vulndb/osv.ts
var osv = __webpack_require__(48173);
// EXTERNAL MODULE: ./src/vulndb/names.ts
var names = __webpack_require__(59289);
;// CONCATENATED MODULE: ./src/match/ranges.ts
const KIND_ORDER = { introduced: 0, fixed: 1, last_affected: 1, limit: 2 };
function eventOf(e) {
    if (e.introduced !== undefined)
        return { kind: 'introduced', version: e.introduced };
    if (e.fixed !== undefined)
        return { kind: 'fixed', version: e.fixed };
    if (e.last_affected !== undefined)
        return { kind: 'last_affected', version: e.last_affected };
    if (e.limit !== undefined)
        return { kind: 'limit', version: e.limit };
    return undefined;
}
/**
 * The intervals of one ECOSYSTEM or SEMVER range, per the OSV spec: events are sorted by version (`introduced: 0`
 * first; at equal versions `introduced` before `fixed`/`last_affected`, so `[x, x)` is empty), then each
 * `introduced` opens an interval (when none is open) and the next `fixed` or `last_affected` closes it; an interval
 * left open runs to the end. `limit` events bound the whole range: a version must be below one of them (`limit: *`
 * means no bound). Throws InvalidVersionError if an event's version is invalid in the scheme.
 */
function rangeIntervals(range, scheme) {
    const events = range.events.map(eventOf).filter((e) => e !== undefined);
    const limits = events.filter((e) => e.kind === 'limit' && e.version !== '*').map((e) => e.version);
    const points = events.filter((e) => e.kind !== 'limit');
    const isZero = (e) => e.kind === 'introduced' && e.version === '0';
    points.sort((a, b) => {
        if (isZero(a) !== isZero(b))
            return isZero(a) ? -1 : 1;
        if (isZero(a))
            return 0;
        const c = scheme.compare(a.version, b.version);
        return c !== 0 ? c : KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    });
    for (const l of limits)
        scheme.parse(l);
    for (const e of points)
        if (!isZero(e))
            scheme.parse(e.version);
    const intervals = [];
    let open;
    for (const e of points) {
        if (e.kind === 'introduced') {
            if (!open)
                open = e.version === '0' ? {} : { introduced: e.version };
        }
        else if (open) {
            intervals.push(e.kind === 'fixed' ? { ...open, fixed: e.version } : { ...open, lastAffected: e.version });
            open = undefined;
        }
    }
    if (open)
        intervals.push(open);
    return { intervals, limits };
}
function inInterval(version, i, scheme) {
    if (i.introduced !== undefined && scheme.compare(version, i.introduced) < 0)
        return false;
    if (i.fixed !== undefined && scheme.compare(version, i.fixed) >= 0)
        return false;
    if (i.lastAffected !== undefined && scheme.compare(version, i.lastAffected) > 0)
        return false;
    return true;
}
/**
 * Whether `version` is affected by one `affected` entry: listed in `versions`, or inside an ECOSYSTEM or SEMVER
 * range. GIT ranges (commits, not versions) and unknown range types are ignored. The installed version must be
 * valid in the scheme (the caller checks); a range whose own versions are invalid is skipped and reported.
 */
function evaluateAffected(affected, version, scheme) {
    const verdict = { affected: false, hits: [], problems: [] };
    for (const range of affected.ranges ?? []) {
        if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER')
            continue;
        let parsed;
        try {
            parsed = rangeIntervals(range, scheme);
        }
        catch (error) {
            verdict.problems.push(error instanceof Error ? error.message : String(error));
            continue;
        }
        if (parsed.limits.length > 0 && !parsed.limits.some((l) => scheme.compare(version, l) < 0))
            continue;
        for (const interval of parsed.intervals) {
            if (inInterval(version, interval, scheme))
                verdict.hits.push({ interval, type: range.type });
        }
    }
    if (verdict.hits.length === 0 && affected.versions?.length) {
        const listed = affected.versions.find((v) => v === version || (scheme.isValid(v) && scheme.compare(v, version) === 0));
        if (listed !== undefined)
            verdict.hits.push({ listed, type: 'versions' });
    }
    verdict.affected = verdict.hits.length > 0;
    return verdict;
}
/** `[4.17.15, 4.17.19)`, `[0, 1.2.3]`, `listed 2.0.1`: how a hit reads in `matchedBy`. */
function describeHit(hit) {
    if (hit.listed !== undefined)
        return `version listed (${hit.listed})`;
    const i = hit.interval ?? {};
    const from = i.introduced ?? '0';
    if (i.fixed !== undefined)
        return `${hit.type} [${from}, ${i.fixed})`;
    if (i.lastAffected !== undefined)
        return `${hit.type} [${from}, ${i.lastAffected}]`;
    return `${hit.type} [${from}, ∞)`;
}

// EXTERNAL MODULE: ./src/match/severity.ts
var severity = __webpack_require__(37794);
// EXTERNAL MODULE: ./src/vulndb/enrichment.ts
var enrichment = __webpack_require__(55972);
// EXTERNAL MODULE: ./src/match/target.ts
var target = __webpack_require__(64020);
;// CONCATENATED MODULE: ./src/match/matcher.ts






/** The join a match uses: the option, else the lookup's own `enrichment` method. */
function enrichmentOf(db, options) {
    if (options.enrichment)
        return options.enrichment;
    const e = db.enrichment;
    return typeof e === 'function' ? { enrichment: (id) => e.call(db, id) } : undefined;
}
/**
 * Matches packages against the vulnerability data. One finding per vulnerability per package: records that are
 * aliases of each other (`aliases`, or a single `upstream` id such as ALPINE-CVE-x or DEBIAN-CVE-x → CVE-x) are
 * merged, shown under a CVE id where there is one. A package may have several targets (an rpm by binary and by
 * source name; SUSE's product and modules): their hits are merged the same way, and one record found through two
 * targets counts once. Withdrawn records are ignored.
 */
function matchPackages(db, packages, options = {}) {
    const findings = [];
    const unknowns = [];
    let looked = 0;
    let skipped = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, options.distro);
        if (!('targets' in t)) {
            skipped++;
            options.logger?.debug(`match: ${t.skip}`);
            if (t.unknown)
                unknowns.push({ stage: 'match', reason: t.skip, ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}) });
            continue;
        }
        const valid = t.targets.filter((target) => target.scheme.isValid(target.version));
        if (valid.length === 0) {
            skipped++;
            const target = t.targets[0];
            unknowns.push({
                stage: 'match',
                reason: `${pkg.name}: version "${target.version}" is not a valid ${target.scheme.id} version; not matched`,
                ...(pkg.locations[0] ? { path: pkg.locations[0].path } : {}),
            });
            continue;
        }
        looked++;
        const hits = [];
        const targetOf = new Map();
        const seen = new Set();
        for (const target of valid) {
            for (const hit of hitsFor(forBinary(db.lookup(target.ecosystem, target.name), target), target, options.logger, pkg.arch)) {
                // The same record found through the binary and the source name, or through a product and its module.
                // By id, not identity: the database may parse a record again, and `forBinary` copies the ones it narrows.
                const key = `${hit.dataSource}\u0000${hit.record.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                hits.push(hit);
                targetOf.set(hit, target);
            }
        }
        findings.push(...mergeHits(hits, pkg, (h) => targetOf.get(h) ?? valid[0], enrichmentOf(db, options)));
    }
    return { findings, unknowns, stats: { packages: packages.length, looked, skipped, findings: findings.length } };
}
/**
 * For a lookup by source rpm name: drops the affected entries whose `ecosystem_specific.binaries` (SUSE and
 * openSUSE records list the binary rpms the fix ships in that product) do not name the installed binary. Entries
 * without such a list, and lookups by the package's own name, are kept as they are.
 */
function forBinary(stored, target) {
    const binary = target.binary;
    if (binary === undefined)
        return stored;
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const out = [];
    for (const s of stored) {
        const affected = s.record.affected ?? [];
        const keep = affected.filter((a) => !a.package || (0,names/* packageKey */.MO)(a.package.ecosystem, a.package.name) !== key || listsBinary(a, binary) !== false);
        if (keep.length === affected.length)
            out.push(s);
        else if (keep.length > 0)
            out.push({ ...s, record: { ...s.record, affected: keep } });
    }
    return out;
}
/** True or false when the entry lists its binaries (`[{"krb5-libs": "1.0-1"}]`, `[{binary_name: …}]`, `["…"]`); undefined when not. */
function listsBinary(affected, binary) {
    const list = affected.ecosystem_specific?.binaries;
    if (!Array.isArray(list) || list.length === 0)
        return undefined;
    const names = new Set();
    for (const item of list) {
        if (typeof item === 'string')
            names.add(item);
        else if (item && typeof item === 'object') {
            const o = item;
            if (typeof o.binary_name === 'string')
                names.add(o.binary_name);
            else
                for (const k of Object.keys(o))
                    names.add(k);
        }
    }
    return names.has(binary);
}
/**
 * An entry scoped to other architectures (`ecosystem_specific.arch`, as Oracle's per-arch ELSA fixes are) does not
 * apply to this package; `noarch` packages and packages of unknown arch take every entry.
 */
function archApplies(affected, arch) {
    const want = affected.ecosystem_specific?.arch;
    if (!arch || arch === 'noarch' || want === undefined)
        return true;
    const list = Array.isArray(want) ? want : [want];
    return list.some((a) => a === arch || a === 'noarch');
}
function hitsFor(stored, target, logger, arch) {
    const key = (0,names/* packageKey */.MO)(target.ecosystem, target.name);
    const hits = [];
    for (const { record, source } of stored) {
        if (record.withdrawn)
            continue;
        for (const affected of record.affected ?? []) {
            const p = affected.package;
            if (!p || (0,names/* packageKey */.MO)(p.ecosystem, p.name) !== key)
                continue;
            if (!archApplies(affected, arch))
                continue;
            const verdict = evaluateAffected(affected, target.version, target.scheme);
            for (const problem of verdict.problems)
                logger?.debug(`match: ${record.id}: ${problem}`);
            if (!verdict.affected)
                continue;
            const fixed = verdict.hits.map((h) => h.interval?.fixed).filter((f) => f !== undefined);
            hits.push({
                record,
                affected,
                dataSource: source.kind === 'alpine-secdb' ? 'alpine-secdb' : `osv:${(0,osv/* baseEcosystem */.sz)(p.ecosystem)}`,
                fixed,
                fixState: fixed.length > 0 ? 'fixed' : noFixState(affected),
                how: verdict.hits.map(describeHit).join(', '),
            });
        }
    }
    return hits;
}
const WONT_FIX = /\b(wont[-_ ]?fix|won't fix|will not (be )?fix|no[-_]dsa|ignored|end[-_ ]of[-_ ]life|unimportant)\b/i;
/**
 * No fixed version: "won't fix" when the data says so (a `fix_state`, Debian's `urgency: unimportant`, or a
 * `no-dsa` / `ignored` / `end-of-life` note in `ecosystem_specific` or `database_specific`), "not fixed" otherwise.
 */
function noFixState(affected) {
    for (const obj of [affected.ecosystem_specific, affected.database_specific, ...(affected.ranges ?? []).map((r) => r.database_specific)]) {
        if (!obj)
            continue;
        for (const [k, v] of Object.entries(obj)) {
            if (typeof v !== 'string')
                continue;
            if (/^(fix_?state|status|urgency|note|notes|resolution)$/i.test(k) && WONT_FIX.test(v))
                return 'wont-fix';
        }
    }
    return 'not-fixed';
}
function idsOf(record) {
    return [record.id, ...(record.aliases ?? []), ...(record.upstream?.length === 1 ? record.upstream : [])];
}
function preferredId(ids, own) {
    const list = [...ids].sort();
    return list.find((i) => i.startsWith('CVE-')) ?? list.find((i) => i.startsWith('GHSA-')) ?? own;
}
function mergeHits(hits, pkg, targetOf, join) {
    if (hits.length === 0)
        return [];
    // Union-find over ids: two hits are one vulnerability when they share an id.
    const parent = new Map();
    const find = (x) => {
        let r = x;
        while (parent.get(r) !== r)
            r = parent.get(r);
        parent.set(x, r);
        return r;
    };
    for (const h of hits) {
        const ids = idsOf(h.record);
        for (const id of ids)
            if (!parent.has(id))
                parent.set(id, id);
        for (const id of ids.slice(1)) {
            const a = find(ids[0]);
            const b = find(id);
            if (a !== b)
                parent.set(b, a);
        }
    }
    // An advisory about several CVEs (a DSA/DLA, an ALSA listing them in `upstream`) joins the per-CVE findings of
    // the same package (osv.dev's DEBIAN-CVE-x records) instead of standing beside them as a second finding; with no
    // per-CVE finding it stands alone.
    const joins = new Map();
    for (const h of hits) {
        const upstream = h.record.upstream ?? [];
        if (upstream.length < 2)
            continue;
        const own = find(h.record.id);
        const roots = [...new Set(upstream.filter((u) => parent.has(u)).map(find))].filter((r) => r !== own);
        const othersInOwn = hits.some((o) => o !== h && find(o.record.id) === own);
        if (roots.length > 0 && !othersInOwn)
            joins.set(h, roots);
    }
    const groups = new Map();
    const add = (root, h) => {
        let g = groups.get(root);
        if (!g)
            groups.set(root, (g = []));
        g.push(h);
    };
    for (const h of hits)
        for (const root of joins.get(h) ?? [find(h.record.id)])
            add(root, h);
    const out = [];
    for (const group of groups.values())
        out.push(toFinding(group, pkg, groupTarget(group, targetOf), join));
    return out;
}
/** The target a finding is shown under: its first hit's, with every lookup that found it in `via`. */
function groupTarget(group, targetOf) {
    const targets = [...new Set(group.map(targetOf))];
    const first = targets[0];
    if (targets.length === 1)
        return first;
    const vias = [...new Set(targets.map((t) => t.via))];
    return { ...first, via: vias.join(' and ') };
}
function toFinding(group, pkg, target, join) {
    group.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
    const ids = new Set();
    const related = new Set();
    for (const h of group) {
        for (const id of idsOf(h.record))
            ids.add(id);
        for (const u of h.record.upstream ?? [])
            related.add(u);
    }
    const id = preferredId(ids, group[0].record.id);
    const aliases = [...new Set([...ids, ...related])].filter((x) => x !== id).sort();
    const primary = group.find((h) => h.record.id === id) ?? group[0];
    const cvss = [];
    const seenVectors = new Set();
    const ratings = [];
    for (const h of group) {
        for (const c of (0,severity/* cvssOf */.bW)(h.record, h.affected, h.dataSource)) {
            if (!seenVectors.has(c.vector)) {
                seenVectors.add(c.vector);
                cvss.push(c);
            }
        }
        const r = (0,severity/* sourceRatingOf */.Y1)(h.record, h.affected);
        if (r)
            ratings.push({ severity: r, dataSource: h.dataSource });
    }
    const { nvdCvss, kev, epss } = joined(group, join);
    const decided = (0,severity/* decideFindingSeverity */.pe)({ packageType: pkg.type, ratings, cvss, nvdCvss });
    const fixedVersions = sortVersions([...new Set(group.flatMap((h) => h.fixed))], target.scheme);
    const state = fixedVersions.length > 0 ? 'fixed' : group.some((h) => h.fixState === 'wont-fix') ? 'wont-fix' : 'not-fixed';
    const references = [...new Set(group.flatMap((h) => (h.record.references ?? []).map((r) => r.url)))];
    const published = group.map((h) => h.record.published).filter((x) => !!x).sort()[0];
    const modified = group.map((h) => h.record.modified).filter((x) => !!x).sort().at(-1);
    const summary = primary.record.summary ?? group.find((h) => h.record.summary)?.record.summary;
    const versionNote = target.version === pkg.version ? '' : ` at ${target.version}`;
    return {
        id,
        aliases,
        packageId: pkg.id,
        packageName: pkg.name,
        packageType: pkg.type,
        installedVersion: pkg.version,
        ...(pkg.purl ? { purl: pkg.purl } : {}),
        locations: pkg.locations,
        fix: { state, versions: fixedVersions },
        severity: decided.severity,
        severitySource: decided.source,
        cvss,
        nvdCvss,
        ...(kev ? { kev } : {}),
        ...(epss ? { epss } : {}),
        ...(summary ? { summary } : {}),
        references,
        ...(published ? { published } : {}),
        ...(modified ? { modified } : {}),
        dataSource: [...new Set(group.map((h) => h.dataSource))].join(', '),
        matchedBy: `${target.via}${versionNote}: ${group.map((h) => `${h.record.id} ${h.how}`).join('; ')}`,
    };
}
/**
 * NVD's CVSS, KEV and EPSS of a finding, joined through every record's id, aliases, upstream and related CVE ids
 * (`joinIds`): NVD's vectors of every id (without duplicates), KEV of the first id in the catalog, the highest EPSS.
 */
function joined(group, join) {
    const nvdCvss = [];
    if (!join)
        return { nvdCvss };
    const ids = [...new Set(group.flatMap((h) => (0,enrichment/* joinIds */.VS)(h.record)))].sort();
    const seen = new Set();
    let kev;
    let epss;
    for (const id of ids) {
        const e = join.enrichment(id);
        if (!e)
            continue;
        for (const c of e.nvd?.cvss ?? []) {
            const key = `${c.source ?? ''}\u0000${c.type ?? ''}\u0000${c.vector}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            nvdCvss.push(c);
        }
        if (e.kev && !kev)
            kev = e.kev;
        if (e.epss && (!epss || e.epss.score > epss.score))
            epss = e.epss;
    }
    return { nvdCvss, ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
}
function sortVersions(list, scheme) {
    return list.sort((a, b) => {
        try {
            return scheme.compare(a, b);
        }
        catch {
            return a < b ? -1 : a > b ? 1 : 0;
        }
    });
}

// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(29927);
;// CONCATENATED MODULE: ./src/match/vex.ts




const STATUSES = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);
const component = {
    anyOf: [
        { type: 'string' },
        {
            type: 'object',
            properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } } },
        },
    ],
};
/**
 * The shape of the fields Portcullis reads, after the OpenVEX spec (github.com/openvex/spec, OPENVEX-SPEC.md:
 * a document has `@context` and `statements`; a statement has `vulnerability`, `status`, optional `products` with
 * `subcomponents`, `justification`, `impact_statement`, `timestamp`). A string vulnerability or product (older
 * documents) is accepted.
 */
const OPENVEX_SCHEMA = {
    type: 'object',
    properties: {
        '@context': { type: 'string' },
        timestamp: { type: 'string' },
        statements: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    vulnerability: {
                        anyOf: [
                            { type: 'string' },
                            { type: 'object', properties: { name: { type: 'string' }, '@id': { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } } } },
                        ],
                    },
                    products: {
                        type: 'array',
                        items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { '@id': { type: 'string' }, identifiers: { type: 'object', properties: { purl: { type: 'string' } } }, subcomponents: { type: 'array', items: component } } }] },
                    },
                    status: { type: 'string' },
                    justification: { type: 'string' },
                    impact_statement: { type: 'string' },
                    timestamp: { type: 'string' },
                },
                required: ['vulnerability', 'status'],
            },
        },
    },
    required: ['statements'],
};
const checkOpenVexShape = (0,json/* shapeChecker */.Dr)(OPENVEX_SCHEMA);
function parseOpenVex(text, where) {
    // Depth-guarded: a document nested deeper than 512 levels is refused before any walk.
    const d = (0,json/* parseJson */.qF)(text, { what: where });
    if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d['@context'] !== 'string' || !d['@context'].includes('openvex')) {
        throw new errors/* ConfigurationError */.j1(`${where}: not an OpenVEX document (no openvex @context)`);
    }
    if (!Array.isArray(d.statements))
        throw new errors/* ConfigurationError */.j1(`${where}: OpenVEX document without "statements"`);
    (0,json/* assertShape */.kl)(checkOpenVexShape, d, `${where}: OpenVEX document`);
    const docTime = typeof d.timestamp === 'string' ? d.timestamp : undefined;
    return d.statements.map((raw, i) => {
        const s = raw;
        const at = `${where}: statement ${i + 1}`;
        const status = s.status;
        if (typeof status !== 'string' || !STATUSES.has(status))
            throw new errors/* ConfigurationError */.j1(`${at}: unknown status "${String(status)}"`);
        const v = s.vulnerability;
        let vulnerability;
        if (typeof v === 'string')
            vulnerability = [v];
        else if (v && typeof v === 'object') {
            const o = v;
            vulnerability = [o.name, o['@id'], ...(Array.isArray(o.aliases) ? o.aliases : [])].filter((x) => typeof x === 'string' && !x.startsWith('http'));
        }
        else
            vulnerability = [];
        if (vulnerability.length === 0)
            throw new errors/* ConfigurationError */.j1(`${at}: no vulnerability name`);
        const products = [];
        const subcomponents = [];
        for (const p of Array.isArray(s.products) ? s.products : []) {
            const id = productPurl(p);
            if (id)
                products.push(id);
            for (const sub of Array.isArray(p?.subcomponents) ? p.subcomponents : []) {
                const sid = productPurl(sub);
                if (sid)
                    subcomponents.push(sid);
            }
        }
        const ts = typeof s.timestamp === 'string' ? s.timestamp : docTime;
        return {
            vulnerability,
            products,
            subcomponents,
            status: status,
            ...(typeof s.justification === 'string' ? { justification: s.justification } : {}),
            ...(typeof s.impact_statement === 'string' ? { impactStatement: s.impact_statement } : {}),
            ...(ts ? { timestamp: ts } : {}),
            document: where,
            order: i,
        };
    });
}
function productPurl(p) {
    if (typeof p === 'string')
        return p;
    if (!p || typeof p !== 'object')
        return undefined;
    const o = p;
    const ids = o.identifiers;
    if (typeof ids?.purl === 'string')
        return ids.purl;
    return typeof o['@id'] === 'string' ? o['@id'] : undefined;
}
function loadOpenVex(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Cannot read VEX document ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return parseOpenVex(text, path);
}
function purlCovers(spec, purl) {
    if (!purl || !spec.startsWith('pkg:'))
        return false;
    const want = splitPurl(spec);
    const have = splitPurl(purl);
    return want.base.toLowerCase() === have.base.toLowerCase() && (want.version === undefined || want.version === have.version);
}
const IMAGE_PURL = /^pkg:(oci|docker)\//i;
function statementCovers(s, f) {
    const ids = new Set([f.id, ...f.aliases]);
    if (!s.vulnerability.some((v) => ids.has(v)))
        return false;
    if (s.subcomponents.length > 0)
        return s.subcomponents.some((c) => purlCovers(c, f.purl));
    if (s.products.length === 0)
        return true;
    // A product that is the image itself covers everything in it.
    return s.products.some((p) => purlCovers(p, f.purl) || IMAGE_PURL.test(p));
}
function applyVex(findings, statements) {
    const ordered = [...statements].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || 0);
    const kept = [];
    const suppressed = [];
    for (const f of findings) {
        let last;
        for (const s of ordered)
            if (statementCovers(s, f))
                last = s;
        if (last && (last.status === 'not_affected' || last.status === 'fixed'))
            suppressed.push({ finding: f, statement: last });
        else
            kept.push(f);
    }
    return { kept, suppressed };
}

// EXTERNAL MODULE: ./src/vulndb/store.ts
var store = __webpack_require__(90976);
;// CONCATENATED MODULE: ./src/scan/vulnerabilities.ts







/**
 * The OSV database stage: refresh the ecosystems the image needs (unless offline; a failed refresh keeps the
 * previous data and says so), match, then apply ignores and VEX. Missing data is never a silent GO: every package
 * that could not be checked for want of data is counted in a gap (one stderr line, every report format), and the
 * policy is told when the distro's data is unavailable (`vulnerability_data_unavailable`). An empty or missing
 * database in offline mode is a configuration error: the user asked for local data only, and there is none.
 */
const vulnerabilityStage = {
    async run(input) {
        const { options, logger } = input;
        const cacheDir = options.cacheDir ?? (0,store/* defaultCacheDir */.$g)(input.env ?? process.env);
        const ecosystems = (0,target/* bucketEcosystemsFor */.Th)(input.packages, input.distro);
        const plugins = [];
        if (!options.offline && options.dbRepository) {
            try {
                // The update modules (and their HTTP client) are loaded only when the data is refreshed, not offline.
                const { updateFromRepository } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3427));
                const r = await updateFromRepository(cacheDir, options.dbRepository, { env: input.env ?? process.env, logger, ...(options.dbRegistry?.insecureRegistries ? { insecureRegistries: options.dbRegistry.insecureRegistries } : {}), ...(options.dbRegistry?.caFile ? { caFile: options.dbRegistry.caFile } : {}) }, input.signal);
                logger.info(`vulnerability database ${r.reference}: ${r.unchanged ? 'not modified' : `updated to ${r.manifestDigest}`}`);
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                logger.warning((0,errors/* getErrorMessage */.u1)(e));
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        else if (!options.offline && ecosystems.length) {
            try {
                const { updateDatabase } = await __webpack_require__.e(/* import() */ 363).then(__webpack_require__.bind(__webpack_require__, 23744));
                await updateDatabase({
                    cacheDir,
                    requests: [{ provider: 'osv-bucket', options: { ecosystems, ...(options.dbUrl ? { url: options.dbUrl } : {}) } }],
                    logger,
                    now: () => input.now,
                    ...(input.signal ? { signal: input.signal } : {}),
                });
                plugins.push({ id: 'vulndb/update', version: 0, status: 'succeeded' });
            }
            catch (e) {
                // updateDatabase has logged the failure and kept the previous database.
                plugins.push({ id: 'vulndb/update', version: 0, status: 'failed', reason: (0,errors/* getErrorMessage */.u1)(e) });
            }
        }
        const data = openVulnerabilityData(cacheDir, logger);
        try {
            return matchWithData(input, plugins, data);
        }
        finally {
            data.db?.close();
        }
    },
};
function openVulnerabilityData(cacheDir, logger) {
    let meta;
    let db;
    try {
        meta = (0,store/* readMetadata */._6)(cacheDir);
        if (meta)
            db = store/* VulnerabilityDatabase */.oz.open(cacheDir);
    }
    catch (e) {
        logger.warning(`cannot open the vulnerability database in ${cacheDir}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
    }
    return { cacheDir, meta, db };
}
/**
 * A vulnerability stage over a database opened once by its caller (the store's re-evaluation job scans every stored
 * SBOM with it): the same matching, ignores, VEX, status and gaps as `vulnerabilityStage`, without a refresh (the
 * caller owns the data; it never refreshes under an open database) and without reopening the database per scan.
 * `input.options.cacheDir` is not read: the data is the one given. The caller closes the database.
 */
function openedDatabaseStage(data) {
    return { run: async (input) => matchWithData(input, [], data) };
}
function matchWithData(input, plugins, data) {
    const { options, logger } = input;
    const { cacheDir, meta, db } = data;
    const lookup = db ?? { lookup: () => [] };
    const totalRecords = (meta?.segments ?? []).reduce((n, s) => n + s.records, 0);
    if (options.offline && (!db || totalRecords === 0)) {
        throw new errors/* ConfigurationError */.j1(`offline mode and ${db ? 'the vulnerability database in ' + cacheDir + ' is empty' : 'no vulnerability database in ' + cacheDir}: run "portcullis db update" or "portcullis db import PATH" first, or pass --no-vulnerabilities to scan without vulnerability data`);
    }
    const matched = matchPackages(lookup, input.packages, { distro: input.distro, logger, enrichment: db });
    let findings = matched.findings;
    if (options.ignoreFile) {
        const outcome = applyIgnores(findings, loadIgnoreFile(options.ignoreFile), input.now);
        findings = outcome.kept;
        for (const r of outcome.expired)
            logger.warning(`ignore entry ${r.index} (${r.id}) expired on ${r.expires}; it no longer applies`);
        for (const r of outcome.unused)
            logger.warning(`ignore entry ${r.index} (${r.id}) matched no finding`);
        if (outcome.ignored.length)
            logger.info(`${outcome.ignored.length} finding(s) ignored by ${options.ignoreFile}`);
    }
    for (const vex of options.vex) {
        const outcome = applyVex(findings, loadOpenVex(vex));
        findings = outcome.kept;
        if (outcome.suppressed.length)
            logger.info(`${outcome.suppressed.length} finding(s) suppressed by VEX ${vex}`);
    }
    plugins.push({ id: 'match/osv', version: 0, status: db ? (matched.unknowns.length ? 'partial' : 'succeeded') : 'failed', ...(db ? {} : { reason: 'no vulnerability data' }) });
    const status = (0,store/* dataStatus */.TW)(meta, { maxAgeDays: options.maxAgeDays, now: input.now, offline: options.offline });
    if (status.stale && db) {
        const msg = `vulnerability data is ${status.ageDays ?? '?'} days old (more than ${options.maxAgeDays})`;
        if (options.failOnStale)
            throw new errors/* ConfigurationError */.j1(`${msg}; update it with "portcullis db update"`);
        logger.warning(msg);
    }
    const namespace = (0,target/* distroEcosystem */.m1)(input.distro);
    const covered = new Set((meta?.segments ?? []).flatMap((s) => Object.keys(s.ecosystems)).map(names/* ecosystemKey */.i9));
    const failed = plugins.filter((p) => p.status === 'failed' && p.id === 'vulndb/update');
    const gaps = dataGaps(input.packages, input.distro, db ? covered : undefined, failed.map((p) => p.reason ?? 'failed'));
    if (gaps.length)
        logger.warning(`not every package could be checked for vulnerabilities: ${gaps.map((g) => g.message).join('; ')}`);
    const oldest = status.sources.map((s) => Date.parse(s.fetchedAt ?? '')).filter((t) => !Number.isNaN(t));
    return {
        findings,
        status: { ...status, gaps },
        policyStatus: {
            // Anchore's namespace names: `debian:12`, `alpine:3.20`.
            ...(namespace ? { namespace: namespace.toLowerCase().replace(':v', ':') } : {}),
            distroDataAvailable: distroCovered(input.distro, covered),
            ...(oldest.length ? { lastSync: new Date(Math.min(...oldest)) } : {}),
        },
        plugins,
        unknowns: matched.unknowns,
    };
}
/** The distro's data is there when any of its ecosystems (a SUSE product or one of its modules) has records. */
function distroCovered(distro, covered) {
    const r = (0,target/* distroEcosystems */.fO)(distro);
    return 'ecosystems' in r && r.ecosystems.some((e) => covered.has((0,names/* ecosystemKey */.i9)(e)));
}
const OS_PACKAGE_TYPES = target/* OS_PACKAGE_TYPE_SET */.oQ; // derived from the exhaustive table in match/target.ts
/**
 * What could not be checked for want of data: OS packages of an unknown distro release, packages of an ecosystem
 * the database has no records for (`covered`: the database's ecosystem keys; undefined: there is no database), and
 * sources that failed to refresh. Packages skipped for other reasons (no version, owned by an OS package) are the
 * matcher's unknowns, not gaps.
 */
function dataGaps(packages, distro, covered, failures = []) {
    const gaps = failures.map((reason) => ({ kind: 'source-failed', message: `a vulnerability data source failed: ${reason}` }));
    let unknownDistro = 0;
    const missing = new Map();
    let checkable = 0;
    for (const pkg of packages) {
        const t = (0,target/* targetFor */.x1)(pkg, distro);
        if (!('targets' in t)) {
            if (t.unknown && OS_PACKAGE_TYPES.has(pkg.type))
                unknownDistro++;
            continue;
        }
        checkable++;
        if (t.targets.some((x) => covered?.has((0,names/* ecosystemKey */.i9)(x.ecosystem))))
            continue;
        const key = (0,names/* ecosystemKey */.i9)(t.targets[0].ecosystem);
        const m = missing.get(key) ?? { ecosystem: t.targets[0].ecosystem, os: OS_PACKAGE_TYPES.has(pkg.type), packages: 0 };
        m.packages++;
        missing.set(key, m);
    }
    if (unknownDistro > 0) {
        const name = distro ? `${distro.prettyName ?? distro.id}${distro.versionId ? ` (${distro.id} ${distro.versionId})` : ''}` : 'an undetected distro';
        gaps.push({ kind: 'unknown-distro', message: `${unknownDistro} OS package(s) not checked: no vulnerability data source is known for ${name}`, packages: unknownDistro });
    }
    if (!covered) {
        if (checkable > 0)
            gaps.push({ kind: 'no-data', message: `${checkable} package(s) not checked: there is no vulnerability database`, packages: checkable });
        return gaps;
    }
    for (const m of [...missing.values()].sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1))) {
        gaps.push({
            kind: m.os ? 'no-distro-data' : 'no-ecosystem-data',
            message: `${m.packages} package(s) not checked: the vulnerability database has no ${m.ecosystem} records`,
            ecosystem: m.ecosystem,
            packages: m.packages,
        });
    }
    return gaps;
}


/***/ })

};
