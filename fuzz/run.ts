/**
 * `npm run fuzz`: bounded mutation fuzzing of every input parser (fuzz/targets.ts). Not a test: it prints what it
 * ran and what broke, and exits 1 when something did.
 *
 *   npm run fuzz -- [--seconds N] [--seed S] [--target NAME]... [--per-input-ms N] [--out DIR] [--list]
 *
 * The time (default 60 s) is shared evenly by the selected targets, which run one after the other, each in a child
 * process. A crash is a thrown error that the entry point is not documented to throw (ConfigurationError and its
 * kinds, plus each parser's own "bad file" errors, which its caller records as an unknown), a broken property
 * (version comparison not antisymmetric), an input that takes longer than --per-input-ms (default 2000; the child is
 * killed when it hangs), or a child that dies (out of memory). Crashes are deduplicated by error name and top stack
 * frame; the first input of each is written under --out (default $TMPDIR/portcullis-fuzz-<seed>), outside the
 * repository. The same --seed replays the same inputs.
 */
import { fork } from 'node:child_process';
import { mkdirSync, openSync, readSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeInput } from './mutate.js';
import { TARGETS, type FuzzTarget } from './targets.js';
import type { CrashMessage, DoneMessage } from './worker.js';

interface Options {
  seconds: number;
  seed: number;
  targets: string[];
  perInputMs: number;
  out: string | undefined;
  list: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { seconds: 60, seed: Date.now() % 1_000_000, targets: [], perInputMs: 2000, out: undefined, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (v: string): number => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} takes a positive number, got "${v}"`);
      return n;
    };
    if (a === '--seconds') o.seconds = num(value());
    else if (a === '--seed') o.seed = Math.floor(num(value()));
    else if (a === '--target') o.targets.push(value());
    else if (a === '--per-input-ms') o.perInputMs = num(value());
    else if (a === '--out') o.out = value();
    else if (a === '--list') o.list = true;
    else throw new Error(`unknown option ${a} (see fuzz/run.ts)`);
  }
  return o;
}

type Crash = Omit<CrashMessage, 'type'>;

interface TargetReport {
  name: string;
  runs: number;
  seeds: number;
  crashes: Map<string, { first: Crash; count: number }>;
}

/** How long one input may run before the child is killed (it reports inputs over the bound itself). */
const hangMs = (o: Options): number => 2 * o.perInputMs + 500;

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** Runs one target until `deadline`, restarting its child after a hang or a death. */
async function fuzzTarget(target: FuzzTarget, o: Options, out: string, deadline: number): Promise<TargetReport> {
  const report: TargetReport = { name: target.name, runs: 0, seeds: 0, crashes: new Map() };
  const progressFile = join(out, `.progress-${target.name}`);
  let seeds: Buffer[] | undefined;
  const record = (c: Crash, count = 1): void => {
    const seen = report.crashes.get(c.key);
    if (seen) seen.count += count;
    else report.crashes.set(c.key, { first: c, count });
  };
  let start = 0;
  while (Date.now() < deadline) {
    writeFileSync(progressFile, Buffer.alloc(16));
    const child = fork(WORKER, [target.name, String(o.seed), String(start), String(deadline), progressFile, out, String(o.perInputMs)], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=1536'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    let done: DoneMessage | undefined;
    child.on('message', (m: CrashMessage | DoneMessage) => {
      if (m.type === 'crash') record(m);
      else done = m;
    });
    const fd = openSync(progressFile, 'r');
    const cell = new Float64Array(2);
    let hung: number | undefined;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((settle) => child.on('exit', (code, signal) => settle({ code, signal })));
    const timer = setInterval(() => {
      readSync(fd, Buffer.from(cell.buffer), 0, 16, 0);
      const [index, since] = [cell[0]!, cell[1]!];
      // A hang: the same input for well over the bound.
      if (since > 0 && Date.now() - since > hangMs(o) && hung === undefined) {
        hung = index;
        child.kill('SIGKILL');
      }
    }, 100);
    const { code, signal } = await exited;
    clearInterval(timer);
    readSync(fd, Buffer.from(cell.buffer), 0, 16, 0);
    closeSync(fd);
    if (done) {
      report.runs += done.runs;
      for (const [key, n] of Object.entries(done.counts)) {
        const seen = report.crashes.get(key);
        // The child sent the first of each (already counted).
        if (seen) seen.count += n - 1;
      }
      break;
    }
    // Hung or died: rebuild the input it was on, save it, go on after it.
    const index = hung ?? cell[0]!;
    seeds ??= target.seeds();
    const input = makeInput(o.seed, target.name, index, seeds, target.kind);
    mkdirSync(join(out, target.name), { recursive: true });
    const file = join(out, target.name, `${hung !== undefined ? 'hang' : 'died'}-${index}.bin`);
    writeFileSync(file, input);
    const why = hung !== undefined ? `no answer within ${hangMs(o)} ms` : `child exited (code ${code}, signal ${signal}): ${stderr.trim().split('\n').pop() ?? ''}`;
    const name = hung !== undefined ? 'Hang' : 'Died';
    record({ key: `${name} @ ${target.name}`, name, message: `${why} on a ${input.length}-byte input`, top: target.name, index, file });
    report.runs += Math.max(0, index - start) + 1;
    start = index + 1;
  }
  rmSync(progressFile, { force: true });
  report.seeds = (seeds ?? target.seeds()).length;
  return report;
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (o.list) {
    for (const t of TARGETS) console.log(t.name);
    return 0;
  }
  const selected = o.targets.length ? TARGETS.filter((t) => o.targets.includes(t.name)) : TARGETS;
  const unknown = o.targets.filter((n) => !TARGETS.some((t) => t.name === n));
  if (unknown.length) throw new Error(`unknown target(s) ${unknown.join(', ')}; --list shows them`);
  const out = o.out ?? join(tmpdir(), `portcullis-fuzz-${o.seed}`);
  mkdirSync(out, { recursive: true });
  console.log(`fuzz: ${selected.length} targets, ${o.seconds} s, seed ${o.seed}, per-input bound ${o.perInputMs} ms, crashing inputs in ${out}`);
  const reports: TargetReport[] = [];
  const end = Date.now() + o.seconds * 1000;
  for (const [i, t] of selected.entries()) {
    const share = (end - Date.now()) / (selected.length - i);
    const r = await fuzzTarget(t, o, out, Date.now() + Math.max(200, share));
    reports.push(r);
    const crashes = [...r.crashes.values()];
    console.log(`${t.name.padEnd(22)} ${String(r.runs).padStart(9)} inputs  ${String(r.seeds).padStart(3)} seeds  ${crashes.length ? `${crashes.length} crash(es)` : 'ok'}`);
    for (const c of crashes) console.log(`    ${c.first.name}: ${c.first.message}\n      at ${c.first.top} (${c.count}x; first input ${c.first.file})`);
  }
  const total = reports.reduce((n, r) => n + r.runs, 0);
  const unique = reports.reduce((n, r) => n + r.crashes.size, 0);
  console.log(`fuzz: ${total} inputs, ${unique} distinct crash(es) in ${reports.filter((r) => r.crashes.size).length} target(s)`);
  writeFileSync(
    join(out, 'summary.json'),
    `${JSON.stringify({ seed: o.seed, seconds: o.seconds, targets: reports.map((r) => ({ name: r.name, runs: r.runs, seeds: r.seeds, crashes: [...r.crashes.values()].map((c) => ({ ...c.first, count: c.count })) })) }, null, 2)}\n`,
  );
  return unique ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
