/**
 * One fuzz target in a child process (started by fuzz/run.ts). Before each input it writes the input's index and
 * start time to the progress file, so that the parent can see a hang, kill this process and rebuild the input.
 * argv: target, run seed, first index, deadline (epoch ms), progress file, output folder, per-input bound (ms).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeInput } from './mutate.js';
import { isDocumented, TARGETS } from './targets.js';

export interface CrashMessage {
  type: 'crash';
  key: string;
  name: string;
  message: string;
  top: string;
  index: number;
  file: string;
}
export interface DoneMessage {
  type: 'done';
  runs: number;
  counts: Record<string, number>;
  slow: number;
}

/** The first stack frame inside the project (else the first frame): where the crash happened. */
export function stackTop(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack.split('\n').filter((l) => l.trimStart().startsWith('at '));
  const ours = frames.find((l) => l.includes('/src/')) ?? frames[0] ?? '(no stack)';
  return ours.trim().replace(/^at /, '').replace(/file:\/\/\/?[^\s)]*?\/(src|node_modules)\//, '$1/');
}

export function crashKey(error: unknown): { name: string; message: string; top: string; key: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  const top = stackTop(error);
  return { name, message, top, key: `${name} @ ${top}` };
}

const send = (m: CrashMessage | DoneMessage): void => void process.send!(m);

async function main(): Promise<void> {
  const [name, seedArg, startArg, deadlineArg, progressFile, outDir, boundArg] = process.argv.slice(2) as [string, string, string, string, string, string, string];
  // Whole stacks, so that a stack overflow inside a builtin (String() of a nested array) still names its caller.
  Error.stackTraceLimit = Infinity;
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name}`);
  const runSeed = Number(seedArg);
  const deadline = Number(deadlineArg);
  const bound = Number(boundArg);
  const seeds = target.seeds();
  const progress = openSync(progressFile, 'r+');
  const cell = new Float64Array(2);
  const scratch = mkdtempSync(join(tmpdir(), 'portcullis-fuzz-scratch-'));
  const counts: Record<string, number> = {};
  let runs = 0;
  let slow = 0;
  try {
    for (let i = Number(startArg); Date.now() < deadline; i++) {
      let input: Buffer;
      try {
        input = makeInput(runSeed, name, i, seeds, target.kind);
      } catch {
        continue; // the mutator's own limit (never the target's fault); the next index is another input
      }
      cell[0] = i;
      cell[1] = Date.now();
      writeSync(progress, Buffer.from(cell.buffer), 0, 16, 0);
      const t0 = performance.now();
      let failure: { error: unknown } | undefined;
      try {
        await target.run(input, scratch);
      } catch (error) {
        if (!isDocumented(target, error)) failure = { error };
      }
      runs++;
      const ms = performance.now() - t0;
      if (!failure && ms > bound) {
        slow++;
        failure = { error: Object.assign(new Error(`took ${ms.toFixed(0)} ms (bound ${bound} ms) on a ${input.length}-byte input`), { name: 'Slow', stack: 'Slow\n    at (slow input)' }) };
      }
      if (failure) {
        const k = crashKey(failure.error);
        counts[k.key] = (counts[k.key] ?? 0) + 1;
        if (counts[k.key] === 1) {
          const dir = join(outDir, name);
          mkdirSync(dir, { recursive: true });
          const file = join(dir, `${createHash('sha256').update(k.key).digest('hex').slice(0, 12)}-${i}.bin`);
          writeFileSync(file, input);
          send({ type: 'crash', ...k, index: i, file });
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  send({ type: 'done', runs, counts, slow });
}

if (process.send && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.disconnect?.(),
    (error: unknown) => {
      console.error(error);
      process.exit(70);
    },
  );
}
