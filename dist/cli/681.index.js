export const id = 681;
export const ids = [681];
export const modules = {

/***/ 22681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sbomCommand: () => (/* binding */ sbomCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/run.ts + 33 modules
var run = __webpack_require__(33338);
// EXTERNAL MODULE: ./src/image/open.ts + 22 modules
var image_open = __webpack_require__(21321);
// EXTERNAL MODULE: ./src/output/list.ts + 9 modules
var list = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/version-info.ts
var version_info = __webpack_require__(7720);
// EXTERNAL MODULE: ./src/sbom/read.ts + 7 modules
var read = __webpack_require__(22138);
;// CONCATENATED MODULE: ./src/sbom/generate.ts
/**
 * `portcullis sbom`: an image (or an SBOM, to convert it) cataloged into a ScanReport with no findings and no policy,
 * and rendered by one of the SBOM formats.
 */






/** The names `sbom -o` accepts, and the output format each one is. */
const SBOM_OUTPUTS = {
    'cyclonedx-json': 'cyclonedx',
    cyclonedx: 'cyclonedx',
    cdx: 'cyclonedx',
    'spdx-json': 'spdx',
    spdx: 'spdx',
    'portcullis-json': 'json',
    json: 'json',
};
function sbomOutputFormat(name) {
    const id = SBOM_OUTPUTS[name.trim().toLowerCase()];
    if (!id)
        throw new errors/* ConfigurationError */.j1(`-o must be one of cyclonedx-json, spdx-json, portcullis-json (or ${Object.keys(SBOM_OUTPUTS).filter((k) => !k.includes('-')).join(', ')}), got "${name}"`);
    return list/* OUTPUT_FORMATS */.D.get(id);
}
/** Reads and catalogs `ref` (or reads the SBOM `sbom:PATH`) into a report with decision GO and no findings. */
async function buildSbomReport(ref, options) {
    const { logger } = options;
    let part;
    if ((0,read/* isSbomReference */.HX)(ref)) {
        const path = ref.slice(read/* SBOM_SCHEME */.cA.length);
        const { image, catalog } = await (0,read/* sbomInput */.OM)(options.resolvePath ? options.resolvePath(path) : path, ref);
        part = { image, ...(catalog.distro ? { distro: catalog.distro } : {}), packages: catalog.packages, unknowns: catalog.unknowns, plugins: catalog.plugins };
    }
    else {
        const catalogers = (0,run/* selectCatalogers */.Ap)('image');
        const view = await (0,image_open/* loadImage */.yt)(ref, { ...options.source, requests: (0,run/* catalogRequests */._z)(catalogers), ...(options.signal ? { signal: options.signal } : {}) });
        const catalog = await (0,run/* runCatalogers */.X0)(view, { catalogers, logger, ...(options.signal ? { signal: options.signal } : {}) });
        part = {
            image: view.metadata,
            ...(catalog.distro ? { distro: catalog.distro } : {}),
            packages: catalog.packages,
            unknowns: [...view.unknowns, ...catalog.unknowns],
            plugins: catalog.plugins,
        };
    }
    logger.info(`catalogued ${part.packages.length} packages${part.distro ? ` on ${part.distro.prettyName ?? part.distro.id}` : ''}`);
    return {
        schemaVersion: '1',
        tool: { name: 'portcullis', version: version_info/* VERSION */.x },
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        ...part,
        findings: [],
        decision: 'GO',
    };
}

// EXTERNAL MODULE: ./src/cli/source-options.ts
var source_options = __webpack_require__(90166);
;// CONCATENATED MODULE: ./src/cli/commands/sbom.ts





/** `FORMAT[=PATH]`, as `scan -o` takes it. */
function splitOutput(value) {
    const i = value.indexOf('=');
    if (i < 0)
        return [value, undefined];
    const path = value.slice(i + 1);
    if (path === '')
        throw new errors/* ConfigurationError */.j1(`-o ${value}: the path after "=" is empty`);
    return [value.slice(0, i), path];
}
const sbomCommand = {
    id: 'sbom',
    register(program, ctx) {
        (0,source_options/* addSourceOptions */.F6)(program
            .command('sbom')
            .description('catalog an image and write its SBOM (CycloneDX 1.6, SPDX 2.3 or Portcullis JSON); sbom:PATH converts an SBOM')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, a bare NAME, or sbom:PATH')
            .option('-o, --output <format[=path]>', 'cyclonedx-json, spdx-json or portcullis-json (aliases: cyclonedx, spdx, json); =PATH writes it to a file, as scan -o does', 'cyclonedx-json')
            .option('--file <path>', 'write the SBOM to this file instead of standard output')).action(async (ref, opts) => {
            const [formatName, outputPath] = splitOutput(String(opts.output));
            if (outputPath !== undefined && typeof opts.file === 'string')
                throw new errors/* ConfigurationError */.j1('give the file as -o FORMAT=PATH or --file PATH, not both');
            if (outputPath !== undefined)
                opts.file = outputPath;
            const format = sbomOutputFormat(formatName);
            const source = await (0,source_options/* buildSourceOptions */.Qv)(opts, ctx);
            const report = await buildSbomReport(ref, { source, logger: ctx.logger, resolvePath: (p) => (0,external_node_path_.resolve)(p) });
            const rendered = format.render(report, {});
            const text = typeof rendered === 'string' ? rendered : rendered.toString('utf8');
            if (typeof opts.file === 'string') {
                const path = (0,external_node_path_.resolve)(opts.file);
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
                await (0,promises_.writeFile)(path, text);
                ctx.logger.info(`wrote ${format.id} SBOM (${report.packages.length} packages) to ${opts.file}`);
            }
            else {
                ctx.out(text);
            }
        });
    },
};


/***/ })

};
