export const id = 208;
export const ids = [208];
export const modules = {

/***/ 83208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   classifyHistoryEntry: () => (/* binding */ classifyHistoryEntry),
/* harmony export */   mapLayersToDockerfile: () => (/* binding */ mapLayersToDockerfile),
/* harmony export */   parseDockerfileStages: () => (/* binding */ parseDockerfileStages)
/* harmony export */ });
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78390);
/**
 * Maps image layers to the Dockerfile instructions that created them.
 *
 * Every builder (BuildKit, buildah, the classic builder) writes one history entry per instruction of the built stage,
 * oldest first, after the base image's entries. The entries are aligned with the instructions of the final stage (and
 * of the stages it is built `FROM`), by keyword and, for RUN and COPY, by text. Entries before the aligned part belong
 * to the base image: their layers map to the root stage's FROM line.
 */

const METADATA_ONLY = new Set(['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME']);
const KEYWORDS = new Set([...METADATA_ONLY, 'ADD', 'COPY', 'FROM', 'RUN', 'WORKDIR']);
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const collapse = (s) => s.replace(/\s+/g, ' ').trim();
/** Parses a Dockerfile into stages. Parser directives, comments and continuations are handled by dockerfile-ast. */
function parseDockerfileStages(text) {
    const stages = [];
    for (const ins of dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(text).getInstructions()) {
        const keyword = ins.getKeyword().toUpperCase();
        const range = ins.getRange();
        const raw = (ins.getRawArgumentsContent() ?? '')
            .replace(/\r?\n[ \t]*#[^\n]*/g, '')
            .replace(/\\\r?\n/g, '');
        const flags = 'getFlags' in ins && typeof ins.getFlags === 'function' ? ins.getFlags().map((f) => f.toString()) : [];
        const instruction = { keyword, args: raw.trim(), flags, line: range.start.line + 1, endLine: range.end.line + 1 };
        if (keyword === 'FROM') {
            const tokens = instruction.args.split(/\s+/).filter((t) => t && !t.startsWith('--'));
            const asAt = tokens.findIndex((t) => t.toUpperCase() === 'AS');
            const stage = { index: stages.length, from: tokens[0] ?? '', fromText: collapse(instruction.args), fromLine: instruction.line, instructions: [] };
            if (asAt > 0 && tokens[asAt + 1])
                stage.name = tokens[asAt + 1].toLowerCase();
            stages.push(stage);
        }
        else if (stages.length > 0) {
            stages[stages.length - 1].instructions.push(instruction);
        }
    }
    return stages;
}
/** The final stage and the stages it is built FROM, root first. */
function stageChain(stages) {
    const chain = [];
    let current = stages[stages.length - 1];
    while (current && !chain.includes(current)) {
        chain.unshift(current);
        const ref = current.from.toLowerCase();
        const before = stages.slice(0, current.index);
        current = before.find((s) => s.name === ref) ?? (/^\d+$/.test(ref) ? before[Number(ref)] : undefined);
    }
    return chain;
}
/** Reads the keyword (and RUN/COPY text) of a history entry in BuildKit's, buildah's or the classic builder's format. */
function classifyHistoryEntry(createdBy) {
    let s = (createdBy ?? '').trim().replace(/\s+# buildkit$/, '');
    if (NOP.test(s)) {
        s = s.replace(NOP, '');
        const m = /^([A-Z]+)\b\s*(.*)$/s.exec(s);
        if (m && KEYWORDS.has(m[1]))
            return { keyword: m[1], text: m[2] };
        return { keyword: 'UNKNOWN' };
    }
    const m = /^([A-Z]+)\s+(.*)$/s.exec(s);
    if (m && KEYWORDS.has(m[1]) && m[1] !== 'RUN')
        return { keyword: m[1], text: m[2] };
    if (m && m[1] === 'RUN')
        s = m[2];
    return { keyword: 'RUN', text: runCommand(s) };
}
/** The command of a RUN entry: after `/bin/sh -c ` (shell form), else after the `|N k=v` build-arg prefix. */
function runCommand(s) {
    const shell = s.indexOf('/bin/sh -c ');
    if (shell >= 0)
        return s.slice(shell + '/bin/sh -c '.length);
    return s.replace(/^\|\d+ (?:\S+=\S* )*/, '');
}
function sameKeyword(entry, ins) {
    if (entry === ins)
        return true;
    // A classic ADD of a local file is recorded as COPY by some builders and the other way round.
    return (entry === 'ADD' || entry === 'COPY') && (ins === 'ADD' || ins === 'COPY');
}
/** An exec-form argument list (`["/bin/x", "-y"]`) as the words BuildKit and the classic builder record. */
function execWords(args) {
    if (!args.startsWith('['))
        return undefined;
    try {
        const parsed = JSON.parse(args);
        return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed.join(' ') : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether a history entry's text agrees with the instruction's: true, false, or undefined when the entry says
 * nothing checkable (metadata instructions, a COPY in JSON form).
 * - RUN: the collapsed command equals (or contains, or is contained in) the collapsed arguments, or their exec words;
 * - COPY/ADD in BuildKit's format: the literal sources and destination end the entry (flags such as `--from` may
 *   be left out); in buildah's and the classic builder's `file:<hash> in <dest>` format: the destination agrees.
 */
function textAgrees(entry, ins) {
    if (entry.text === undefined)
        return undefined;
    const a = collapse(entry.text);
    if (ins.keyword === 'RUN') {
        const candidates = [collapse(ins.args), ...[execWords(ins.args)].filter((w) => w !== undefined).map(collapse)];
        return candidates.some((b) => a === b || (a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a))));
    }
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD')
        return undefined;
    const b = collapse(ins.args);
    if (b.startsWith('['))
        return undefined;
    const hashed = /^(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(a);
    if (hashed)
        return hashed[1] === b.split(' ').pop();
    return a === b || a.endsWith(` ${b}`);
}
function pairScore(entry, ins) {
    if (!sameKeyword(entry.keyword, ins.keyword))
        return Number.NEGATIVE_INFINITY;
    return textAgrees(entry, ins) === true ? 3 : 2;
}
/** Instructions whose history entry a builder may leave out (older BuildKit wrote no ARG entries). */
const MAY_LACK_ENTRY = METADATA_ONLY;
/** Why the Dockerfile does not fit the aligned history, or undefined when it does. */
function misfit(entries, instructions, pairOf, firstPaired) {
    if (instructions.length === 0)
        return 'it has no instruction after FROM';
    if (firstPaired >= entries.length)
        return `none of the image's ${entries.length} history entries pairs with one of its ${instructions.length} instructions`;
    const paired = new Set(pairOf.filter((p) => p >= 0));
    const missing = instructions.filter((ins, i) => !paired.has(i) && !MAY_LACK_ENTRY.has(ins.keyword));
    if (missing.length > 0) {
        return `${missing.length} instruction(s) have no entry in the image history (first: line ${missing[0].line} ${describeInstruction(missing[0])})`;
    }
    const extra = pairOf.map((p, i) => (i >= firstPaired && p < 0 ? i : -1)).filter((i) => i >= 0);
    if (extra.length > 0)
        return `${extra.length} history entr${extra.length === 1 ? 'y has' : 'ies have'} no instruction (first: entry ${extra[0]})`;
    for (let i = firstPaired; i < entries.length; i++) {
        const ins = instructions[pairOf[i]];
        if (textAgrees(entries[i], ins) === false)
            return `line ${ins.line} ${describeInstruction(ins)} differs from history entry ${i}`;
    }
    return undefined;
}
/**
 * Aligns the history with the instructions: entries before the alignment are free (they are the base image's), an
 * instruction without an entry or an entry without an instruction costs 1, a pair gains 2 (3 when the text agrees).
 * Returns, for each history entry, the index of its instruction or -1.
 */
function align(entries, instructions) {
    const n = entries.length;
    const m = instructions.length;
    const score = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    const move = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let b = 1; b <= m; b++) {
        score[0][b] = -b;
        move[0][b] = 2;
    }
    for (let a = 1; a <= n; a++) {
        for (let b = 1; b <= m; b++) {
            const pair = score[a - 1][b - 1] + pairScore(entries[a - 1], instructions[b - 1]);
            const skipEntry = score[a - 1][b] - 1;
            const skipIns = score[a][b - 1] - 1;
            let best = pair;
            let mv = 0;
            if (skipEntry > best)
                [best, mv] = [skipEntry, 1];
            if (skipIns > best)
                [best, mv] = [skipIns, 2];
            score[a][b] = best;
            move[a][b] = mv;
        }
    }
    const pairOf = new Array(n).fill(-1);
    let a = n;
    let b = m;
    let firstPaired = n;
    while (a > 0 && b > 0) {
        const mv = move[a][b];
        if (mv === 0) {
            pairOf[a - 1] = b - 1;
            firstPaired = a - 1;
            a--;
            b--;
        }
        else if (mv === 1)
            a--;
        else
            b--;
    }
    return { pairOf, firstPaired };
}
function describeInstruction(ins) {
    const text = collapse(`${ins.keyword} ${[...ins.flags, ins.args].join(' ')}`);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
/**
 * Computes, for every layer, the Dockerfile line of the instruction that created it. `history` is the image
 * config's full history (with empty_layer entries); each layer's `historyIndex` points into it.
 */
function mapLayersToDockerfile(layers, history, dockerfileText) {
    const stages = parseDockerfileStages(dockerfileText);
    const chain = stageChain(stages);
    const root = chain[0];
    const instructions = chain.flatMap((s) => s.instructions);
    const entries = history.map((h) => classifyHistoryEntry(h.created_by));
    const { pairOf, firstPaired } = align(entries, instructions);
    const matched = pairOf.filter((p) => p >= 0).length;
    const mismatch = misfit(entries, instructions, pairOf, firstPaired);
    if (mismatch !== undefined) {
        return {
            origins: layers.map((l) => ({ layerIndex: l.index })),
            ...(root ? { baseFromLine: root.fromLine } : {}),
            squashed: false,
            matched,
            instructions: instructions.length,
            fits: false,
            mismatch: `the Dockerfile does not fit the image's history: ${mismatch}`,
        };
    }
    const final = chain[chain.length - 1];
    const stageStart = final?.instructions[0]?.line;
    const stageEnd = final?.instructions[final.instructions.length - 1]?.endLine;
    const layerEntries = layers.map((l) => l.historyIndex).filter((i) => i !== undefined && i >= firstPaired);
    const squashed = layerEntries.some((i) => pairOf[i] >= 0 && METADATA_ONLY.has(instructions[pairOf[i]].keyword)) ||
        (layerEntries.length === 1 &&
            history.filter((h, i) => i >= firstPaired && h.empty_layer === true && pairOf[i] >= 0 && ['RUN', 'COPY', 'ADD'].includes(instructions[pairOf[i]].keyword)).length >= 2);
    const origins = layers.map((layer) => {
        const hi = layer.historyIndex;
        if (hi === undefined || instructions.length === 0 || !root)
            return { layerIndex: layer.index };
        if (hi < firstPaired)
            return { layerIndex: layer.index, line: root.fromLine, instruction: `FROM ${root.fromText}`, base: true };
        const p = pairOf[hi];
        if (squashed && stageStart !== undefined) {
            return { layerIndex: layer.index, line: stageStart, endLine: stageEnd ?? stageStart, instruction: 'squashed stage', squashed: true };
        }
        if (p < 0)
            return { layerIndex: layer.index };
        const ins = instructions[p];
        return { layerIndex: layer.index, line: ins.line, endLine: ins.endLine, instruction: describeInstruction(ins) };
    });
    return { origins, ...(root ? { baseFromLine: root.fromLine } : {}), squashed, matched, instructions: instructions.length, fits: true };
}


/***/ })

};
