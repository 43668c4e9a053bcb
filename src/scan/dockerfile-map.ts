/**
 * Maps image layers to the Dockerfile instructions that created them.
 *
 * Every builder (BuildKit, buildah, the classic builder) writes one history entry per instruction of the built stage,
 * oldest first, after the base image's entries. The entries are aligned with the instructions of the final stage (and
 * of the stages it is built `FROM`), by keyword and, for RUN and COPY, by text. Entries before the aligned part belong
 * to the base image: their layers map to the root stage's FROM line.
 */

import { DockerfileParser } from 'dockerfile-ast';
import type { HistoryEntry, LayerInfo, LayerOrigin } from '../model/index.js';

/** A LayerOrigin with the instruction's last line and how the mapping was made. */
export interface DockerfileLayerOrigin extends LayerOrigin {
  /** 1-based last line of the instruction (continuations), or of the stage for a squashed layer. */
  endLine?: number;
  /** The layer holds the changes of several instructions (`--squash`, buildah without `--layers`). */
  squashed?: boolean;
}

export interface DockerfileInstruction {
  keyword: string;
  /** Arguments with continuations joined and flags removed, as written. */
  args: string;
  flags: string[];
  /** 1-based first and last line. */
  line: number;
  endLine: number;
}

export interface DockerfileStage {
  /** Index of the stage in the Dockerfile (0-based). */
  index: number;
  name?: string;
  /** The image or stage named by FROM. */
  from: string;
  /** The FROM instruction's arguments, as written. */
  fromText: string;
  fromLine: number;
  instructions: DockerfileInstruction[];
}

export interface DockerfileMapping {
  origins: DockerfileLayerOrigin[];
  /** The stage whose FROM names the base image (the root of the final stage's chain). */
  baseFromLine?: number;
  squashed: boolean;
  /** History entries paired with an instruction, out of the instructions of the stage chain. */
  matched: number;
  instructions: number;
}

const METADATA_ONLY = new Set(['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME']);
const KEYWORDS = new Set([...METADATA_ONLY, 'ADD', 'COPY', 'FROM', 'RUN', 'WORKDIR']);
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Parses a Dockerfile into stages. Parser directives, comments and continuations are handled by dockerfile-ast. */
export function parseDockerfileStages(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  for (const ins of DockerfileParser.parse(text).getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase();
    const range = ins.getRange();
    const raw = (ins.getRawArgumentsContent() ?? '')
      .replace(/\r?\n[ \t]*#[^\n]*/g, '')
      .replace(/\\\r?\n/g, '');
    const flags = 'getFlags' in ins && typeof ins.getFlags === 'function' ? (ins.getFlags() as { toString(): string }[]).map((f) => f.toString()) : [];
    const instruction: DockerfileInstruction = { keyword, args: raw.trim(), flags, line: range.start.line + 1, endLine: range.end.line + 1 };
    if (keyword === 'FROM') {
      const tokens = instruction.args.split(/\s+/).filter((t) => t && !t.startsWith('--'));
      const asAt = tokens.findIndex((t) => t.toUpperCase() === 'AS');
      const stage: DockerfileStage = { index: stages.length, from: tokens[0] ?? '', fromText: collapse(instruction.args), fromLine: instruction.line, instructions: [] };
      if (asAt > 0 && tokens[asAt + 1]) stage.name = tokens[asAt + 1]!.toLowerCase();
      stages.push(stage);
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The final stage and the stages it is built FROM, root first. */
function stageChain(stages: DockerfileStage[]): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  let current: DockerfileStage | undefined = stages[stages.length - 1];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const ref = current.from.toLowerCase();
    const before = stages.slice(0, current.index);
    current = before.find((s) => s.name === ref) ?? (/^\d+$/.test(ref) ? before[Number(ref)] : undefined);
  }
  return chain;
}

interface ParsedEntry {
  keyword: string;
  /** The RUN command or the COPY/ADD arguments, when the entry has them. */
  text?: string;
}

/** Reads the keyword (and RUN/COPY text) of a history entry in BuildKit's, buildah's or the classic builder's format. */
export function classifyHistoryEntry(createdBy: string | undefined): ParsedEntry {
  let s = (createdBy ?? '').trim().replace(/\s+# buildkit$/, '');
  if (NOP.test(s)) {
    s = s.replace(NOP, '');
    const m = /^([A-Z]+)\b\s*(.*)$/s.exec(s);
    if (m && KEYWORDS.has(m[1]!)) return { keyword: m[1]!, text: m[2]! };
    return { keyword: 'UNKNOWN' };
  }
  const m = /^([A-Z]+)\s+(.*)$/s.exec(s);
  if (m && KEYWORDS.has(m[1]!) && m[1] !== 'RUN') return { keyword: m[1]!, text: m[2]! };
  if (m && m[1] === 'RUN') s = m[2]!;
  return { keyword: 'RUN', text: runCommand(s) };
}

/** The command of a RUN entry: after `/bin/sh -c ` (shell form), else after the `|N k=v` build-arg prefix. */
function runCommand(s: string): string {
  const shell = s.indexOf('/bin/sh -c ');
  if (shell >= 0) return s.slice(shell + '/bin/sh -c '.length);
  return s.replace(/^\|\d+ (?:\S+=\S* )*/, '');
}

function sameKeyword(entry: string, ins: string): boolean {
  if (entry === ins) return true;
  // A classic ADD of a local file is recorded as COPY by some builders and the other way round.
  return (entry === 'ADD' || entry === 'COPY') && (ins === 'ADD' || ins === 'COPY');
}

function pairScore(entry: ParsedEntry, ins: DockerfileInstruction): number {
  if (!sameKeyword(entry.keyword, ins.keyword)) return Number.NEGATIVE_INFINITY;
  let score = 2;
  if (entry.text !== undefined && (ins.keyword === 'RUN' || ins.keyword === 'COPY' || ins.keyword === 'ADD')) {
    const a = collapse(entry.text);
    const b = collapse(ins.args);
    if (a === b || (ins.keyword === 'RUN' && a.length > 0 && (a.includes(b) || b.includes(a)))) score += 1;
  }
  return score;
}

/**
 * Aligns the history with the instructions: entries before the alignment are free (they are the base image's), an
 * instruction without an entry or an entry without an instruction costs 1, a pair gains 2 (3 when the text agrees).
 * Returns, for each history entry, the index of its instruction or -1.
 */
function align(entries: ParsedEntry[], instructions: DockerfileInstruction[]): { pairOf: number[]; firstPaired: number } {
  const n = entries.length;
  const m = instructions.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let b = 1; b <= m; b++) {
    score[0]![b] = -b;
    move[0]![b] = 2;
  }
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const pair = score[a - 1]![b - 1]! + pairScore(entries[a - 1]!, instructions[b - 1]!);
      const skipEntry = score[a - 1]![b]! - 1;
      const skipIns = score[a]![b - 1]! - 1;
      let best = pair;
      let mv = 0;
      if (skipEntry > best) [best, mv] = [skipEntry, 1];
      if (skipIns > best) [best, mv] = [skipIns, 2];
      score[a]![b] = best;
      move[a]![b] = mv;
    }
  }
  const pairOf = new Array<number>(n).fill(-1);
  let a = n;
  let b = m;
  let firstPaired = n;
  while (a > 0 && b > 0) {
    const mv = move[a]![b];
    if (mv === 0) {
      pairOf[a - 1] = b - 1;
      firstPaired = a - 1;
      a--;
      b--;
    } else if (mv === 1) a--;
    else b--;
  }
  return { pairOf, firstPaired };
}

function describeInstruction(ins: DockerfileInstruction): string {
  const text = collapse(`${ins.keyword} ${[...ins.flags, ins.args].join(' ')}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Computes, for every layer, the Dockerfile line of the instruction that created it. `history` is the image
 * config's full history (with empty_layer entries); each layer's `historyIndex` points into it.
 */
export function mapLayersToDockerfile(layers: readonly LayerInfo[], history: readonly HistoryEntry[], dockerfileText: string): DockerfileMapping {
  const stages = parseDockerfileStages(dockerfileText);
  const chain = stageChain(stages);
  const root = chain[0];
  const instructions = chain.flatMap((s) => s.instructions);
  const entries = history.map((h) => classifyHistoryEntry(h.created_by));
  const { pairOf, firstPaired } = align(entries, instructions);
  const matched = pairOf.filter((p) => p >= 0).length;

  const final = chain[chain.length - 1];
  const stageStart = final?.instructions[0]?.line;
  const stageEnd = final?.instructions[final.instructions.length - 1]?.endLine;
  const layerEntries = layers.map((l) => l.historyIndex).filter((i): i is number => i !== undefined && i >= firstPaired);
  const squashed =
    layerEntries.some((i) => pairOf[i]! >= 0 && METADATA_ONLY.has(instructions[pairOf[i]!]!.keyword)) ||
    (layerEntries.length === 1 &&
      history.filter((h, i) => i >= firstPaired && h.empty_layer === true && pairOf[i]! >= 0 && ['RUN', 'COPY', 'ADD'].includes(instructions[pairOf[i]!]!.keyword)).length >= 2);

  const origins = layers.map((layer): DockerfileLayerOrigin => {
    const hi = layer.historyIndex;
    if (hi === undefined || instructions.length === 0 || !root) return { layerIndex: layer.index };
    if (hi < firstPaired) return { layerIndex: layer.index, line: root.fromLine, instruction: `FROM ${root.fromText}`, base: true };
    const p = pairOf[hi]!;
    if (squashed && stageStart !== undefined) {
      return { layerIndex: layer.index, line: stageStart, endLine: stageEnd ?? stageStart, instruction: 'squashed stage', squashed: true };
    }
    if (p < 0) return { layerIndex: layer.index };
    const ins = instructions[p]!;
    return { layerIndex: layer.index, line: ins.line, endLine: ins.endLine, instruction: describeInstruction(ins) };
  });
  return { origins, ...(root ? { baseFromLine: root.fromLine } : {}), squashed, matched, instructions: instructions.length };
}
