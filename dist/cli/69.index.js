export const id = 69;
export const ids = [69];
export const modules = {

/***/ 13069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareBatch: () => (/* binding */ compareBatch),
/* harmony export */   describeSchemes: () => (/* binding */ describeSchemes),
/* harmony export */   versionCommand: () => (/* binding */ versionCommand)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _version_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29561);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83401);



const SYMBOL = { [-1]: '<', 0: '=', 1: '>' };
/** One line per scheme: id, aliases, description. */
function describeSchemes() {
    const schemes = _version_list_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION_SCHEMES */ .OE.all();
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
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`line ${i + 1}: expected two versions "A B", found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
        }
        try {
            out.push(SYMBOL[scheme.compare(fields[0], fields[1])]);
        }
        catch (error) {
            if (error instanceof _version_scheme_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidVersionError */ .eV)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`line ${i + 1}: ${error.message}`, { cause: error });
            throw error;
        }
    }
    return out.length ? `${out.join('\n')}\n` : '';
}
function resolveScheme(name, ctx) {
    const scheme = (0,_version_list_js__WEBPACK_IMPORTED_MODULE_1__/* .getScheme */ .my)(name);
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
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('with --batch, give only the scheme: the pairs come from stdin');
                ctx.out(compareBatch(scheme, await readAll(ctx.stdin)));
                return;
            }
            if (a === undefined || b === undefined)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('version compare needs SCHEME A B (or --batch)');
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


/***/ })

};
