export const id = 68;
export const ids = [68];
export const modules = {

/***/ 10068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   imageCommand: () => (/* binding */ imageCommand)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71922);
/* harmony import */ var _image_open_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21321);
/* harmony import */ var _image_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20596);
/* harmony import */ var _source_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90166);




const imageCommand = {
    id: 'image',
    register(program, ctx) {
        const image = program.command('image').description('read an image without running it: inspect its metadata and files');
        (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .addSourceOptions */ .F6)(image
            .command('inspect')
            .description('print the manifest and config digests, the platform, and the layers with sizes and history')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, or a bare NAME')
            .option('--json', 'print JSON instead of text')).action(async (ref, opts) => {
            const view = await (0,_image_open_js__WEBPACK_IMPORTED_MODULE_1__/* .loadImage */ .yt)(ref, await (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .buildSourceOptions */ .Qv)(opts, ctx));
            const m = view.metadata;
            const layers = m.layers.map((l) => ({
                index: l.index,
                digest: l.digest,
                diffId: l.diffId,
                mediaType: l.mediaType,
                size: l.size,
                uncompressedSize: view.stats.layers[l.index]?.tarBytes ?? null,
                entries: view.stats.layers[l.index]?.entries ?? null,
                createdBy: l.history?.created_by ?? null,
                historyIndex: l.historyIndex ?? null,
            }));
            if (opts.json) {
                ctx.out(`${JSON.stringify({
                    reference: m.reference,
                    source: m.source,
                    manifestDigest: m.manifestDigest ?? null,
                    manifestMediaType: m.manifestMediaType ?? null,
                    indexDigest: m.indexDigest ?? null,
                    configDigest: m.configDigest,
                    platform: m.platform,
                    repoTags: m.repoTags,
                    created: m.config.created ?? null,
                    config: m.config.config ?? {},
                    layers,
                    history: m.config.history ?? [],
                    files: view.size,
                    unknowns: view.unknowns,
                }, null, 2)}\n`);
                return;
            }
            const lines = [
                `Reference:  ${m.reference}`,
                `Source:     ${m.source}`,
                `Manifest:   ${m.manifestDigest ?? '(none: from a docker archive)'}${m.manifestMediaType ? ` (${m.manifestMediaType})` : ''}`,
                ...(m.indexDigest ? [`Index:      ${m.indexDigest}`] : []),
                `Config:     ${m.configDigest}`,
                `Platform:   ${(0,_image_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlatform */ .Bq)(m.platform)}`,
                ...(m.repoTags.length ? [`Tags:       ${m.repoTags.join(', ')}`] : []),
                `Files:      ${view.size} paths in the squashed view`,
                `Layers:     ${m.layers.length}`,
            ];
            for (const l of layers) {
                lines.push(`  [${l.index}] ${l.digest}  ${formatBytes(l.size)} stored, ${formatBytes(l.uncompressedSize ?? 0)} tar, ${l.entries} entries`);
                lines.push(`      diff_id ${l.diffId}`);
                if (l.createdBy)
                    lines.push(`      created by: ${oneLine(l.createdBy)}`);
            }
            if (view.unknowns.length) {
                lines.push(`Unknowns:   ${view.unknowns.length}`);
                for (const u of view.unknowns)
                    lines.push(`  ${u.path ?? ''}: ${u.reason}`);
            }
            ctx.out(`${lines.join('\n')}\n`);
        });
        (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .addSourceOptions */ .F6)(image
            .command('ls-files')
            .description('list the squashed file view, each path with the layer that last wrote it')
            .argument('<ref>', 'image reference (see `portcullis image inspect --help`)')
            .option('--layer <n>', 'list only the entries that layer N (0-based) wrote and that survive in the squashed view')
            .option('--json', 'print JSON lines instead of text')).action(async (ref, opts) => {
            const view = await (0,_image_open_js__WEBPACK_IMPORTED_MODULE_1__/* .loadImage */ .yt)(ref, await (0,_source_options_js__WEBPACK_IMPORTED_MODULE_3__/* .buildSourceOptions */ .Qv)(opts, ctx));
            let entries = view.list();
            if (opts.layer !== undefined) {
                const n = Number(opts.layer);
                if (!Number.isInteger(n) || n < 0 || n >= view.metadata.layers.length) {
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--layer must be a layer index from 0 to ${view.metadata.layers.length - 1}, got "${String(opts.layer)}"`);
                }
                entries = entries.filter((e) => e.provenance.layerIndex === n);
            }
            const out = [];
            for (const e of entries) {
                if (opts.json)
                    out.push(JSON.stringify(e));
                else
                    out.push(`${modeString(e)} ${String(e.size).padStart(10)}  L${e.provenance.layerIndex}  ${e.path}${e.linkTarget !== undefined ? ` -> ${e.linkTarget}` : ''}`);
            }
            ctx.out(out.length ? `${out.join('\n')}\n` : '');
        });
    },
};
function modeString(e) {
    const t = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' }[e.type];
    const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (1 << (8 - i)) ? c : '-')).join('');
    return t + bits;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}


/***/ })

};
