export const id = 942;
export const ids = [942];
export const modules = {

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


/***/ })

};
