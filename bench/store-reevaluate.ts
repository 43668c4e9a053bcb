/**
 * The store's re-evaluation after a vulnerability-data update (a piece of `npm run bench`; also runs alone:
 * `npx tsx bench/store-reevaluate.ts [N]`, N stored images, default 10,000 or $BENCH_REEVAL_IMAGES):
 * - seed: the shared images (debian-fixtures.oci minbase, app-l2, app-l3, app-l4, app) are scanned once with the
 *   shared OSV data; each of the N stored images is one of them, varied (its own manifest digest, repository and tag;
 *   about 5% of its packages dropped, one to three npm packages added), stored as a pipeline's push would be (the
 *   report and the CycloneDX SBOM, reason `push`);
 * - update: the store's database is the shared OSV data plus an npm segment from an OSV bucket served here over
 *   HTTP; the bucket gains a lodash record, and the store's refresh job (`POST /v2/admin/refresh`'s job) refreshes
 *   it and re-evaluates every stored image, in a process of its own;
 * - figures: that job's time (refresh included), images/s, images/s per core (÷ the machine's cores, and per
 *   CPU-second of the store process), peak RSS of that process (target >= 60 images/s/core, < 512 MB).
 * On SQLite (the engine src/store/sqlite.ts gives) and on a real PostgreSQL (src/store/testing/postgres-server.ts)
 * when installed, there also with two `serve` replicas (pg-boss; the refresh job runs on one of them, its batches of
 * 50 images on both, each replica's count of batches printed; Node >= 22.13 for the replicas).
 * $BENCH_REEVAL_REPLICAS=0 leaves the replicas out, `only` runs only them.
 * $BENCH_REEVAL_CPU_PROF=DIR writes a V8 CPU profile of each re-evaluating process to DIR (not the replicas).
 * Not a test: nothing here passes or fails. Skipped without ../shared.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { silentLogger } from '../src/common/logger.js';
import type { Package, ScanReport } from '../src/model/index.js';
import { OUTPUT_FORMATS } from '../src/output/list.js';
import { runScan } from '../src/scan/pipeline.js';
import { openDatabase, openStore } from '../src/store/open.js';
import { PolicyStore } from '../src/store/policies.js';
import { Reevaluator } from '../src/store/reevaluate.js';
import { StoreRepo, type EvaluationInput } from '../src/store/repo.js';
import { summariseReport } from '../src/store/server.js';
import { lodashRecord, OsvBucket, seedFromBucket } from '../src/store/testing/bucket.js';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from '../src/store/testing/postgres-server.js';
import { updateDatabase } from '../src/vulndb/update.js';
import { HAS_SHARED, sharedPath } from '../test/helpers/shared.js';

const CHILD = '--store-reevaluate-child';
const REFS = ['minbase', 'app-l2', 'app-l3', 'app-l4', 'app'];
const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19', { aliases: ['CVE-2019-10744'] });
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });
const SEED_BATCH = 200;

export interface ReevaluateFigures {
  backend: string;
  images: number;
  reevaluated: number;
  changed: number;
  failed: number;
  seedMs: number;
  jobMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function hash(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('/')).digest().readUInt32BE(0);
}

/** Image `i`: base `REFS[i % 5]` with its own digest, repository and tag, ~5% of its packages dropped, 1-3 npm packages added. */
export function variant(base: ScanReport, i: number): ScanReport {
  const digest = `sha256:${createHash('sha256').update(`bench-image-${i}`).digest('hex')}`;
  const tag = `registry.example/team-${i % 20}/svc-${i}:${1 + (i % 5)}`;
  const template = base.packages.find((p) => p.type === 'npm') ?? base.packages[0]!;
  const extra = (name: string, version: string): Package => ({ ...template, id: `npm:${name}@${version}`, type: 'npm', name, version, purl: `pkg:npm/${name}@${version}` });
  const added = [extra('lodash', `4.17.${i % 22}`), ...(i % 3 > 0 ? [extra(`bench-extra-${i % 97}`, `1.0.${i % 7}`)] : []), ...(i % 3 > 1 ? [extra('minimist', `1.2.${i % 9}`)] : [])];
  const kept = base.packages.filter((p, j) => p.name === 'lodash' || hash(i, j) % 20 !== 0);
  const ids = new Set(kept.map((p) => p.id));
  return {
    ...base,
    image: { ...base.image, reference: tag, manifestDigest: digest, repoTags: [tag], repoDigests: [] },
    packages: [...kept.filter((p) => p.name !== 'lodash'), ...added],
    findings: base.findings.filter((f) => ids.has(f.packageId) && f.packageName !== 'lodash'),
  };
}

interface Prepared {
  dir: string;
  cacheDir: string;
  bucket: OsvBucket;
  seedMs: number;
}

/** The store's database, the base reports, and N stored images in `database`. */
async function prepare(n: number, database: string | undefined): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-bench-reeval-'));
  const cacheDir = join(dir, 'vulndb');
  await updateDatabase({ cacheDir, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: sharedPath('vulndata/osv') } }] });
  const bucket = new OsvBucket();
  bucket.setRecords([OLD]);
  await bucket.start();
  await seedFromBucket(cacheDir, bucket.url);
  const layout = sharedPath('fixtures/images/debian-fixtures.oci');
  const bases: ScanReport[] = [];
  for (const ref of REFS) {
    const config = { image: `oci-dir:${layout}:${ref}`, source: {}, failOn: 'never' as const, outputs: ['json'], vulnerabilities: { enabled: true, cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] } };
    bases.push((await runScan(config, { env: {}, logger: silentLogger })).report);
  }
  const start = performance.now();
  const { db, files } = await openStore({ dataDir: dir, ...(database ? { database } : {}) });
  try {
    const repo = new StoreRepo(db, files);
    for (let at = 0; at < n; at += SEED_BATCH) {
      const batch: EvaluationInput[] = [];
      for (let i = at; i < Math.min(n, at + SEED_BATCH); i++) {
        const report = variant(bases[i % bases.length]!, i);
        const summary = summariseReport(report);
        const render = (format: string) => Buffer.from(OUTPUT_FORMATS.get(format).render(report, {}) as string);
        const [repository, tag] = [report.image.repoTags[0]!.slice(0, report.image.repoTags[0]!.lastIndexOf(':')), report.image.repoTags[0]!.split(':').pop()!];
        batch.push({
          image_digest: report.image.manifestDigest!,
          repository,
          tag,
          decision: summary.decision,
          counts: summary.counts,
          report: { name: 'portcullis-report.json', contentType: 'application/json', data: render('json') },
          sbom: { name: 'portcullis.cdx.json', contentType: 'application/json', data: render('cyclonedx') },
          idempotencyKey: `bench-seed-${i}`,
          reason: 'push',
          parsedReport: report,
        });
      }
      await repo.ingestEvaluations(batch);
    }
  } finally {
    await db.close();
  }
  return { dir, cacheDir, bucket, seedMs: performance.now() - start };
}

/** In the child: the store's refresh job, as `serve` runs it, timed. */
async function child(dir: string, cacheDir: string, dbUrl: string, database: string): Promise<void> {
  const { db, files } = await openStore({ dataDir: dir, ...(database ? { database } : {}) });
  const repo = new StoreRepo(db, files);
  const reevaluator = new Reevaluator({ db, repo, policies: new PolicyStore(db), data: { cacheDir, dbUrl }, env: {}, logger: silentLogger });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const job = await reevaluator.startRefresh();
  await reevaluator.idle();
  const jobMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const done = await reevaluator.getJob(job.id);
  await db.close();
  if (done?.state !== 'succeeded') throw new Error(`the job ${done?.state ?? 'vanished'}: ${done?.error ?? ''}`);
  console.log(JSON.stringify({ ...done.counts, jobMs, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * Two `serve` replicas (the real CLI, each its own process, pg-boss) over the seeded PostgreSQL store: the refresh
 * is asked of the first (`POST /v2/admin/refresh`) and runs as one job on whichever replica takes it, its batches on
 * both; timed until `GET /v2/jobs/{id}` says it succeeded. CPU and peak RSS of each replica from /proc, its batches
 * from the batch rows (each names the process that ran it).
 */
async function runReplicas(n: number, database: () => string): Promise<ReevaluateFigures & { replicas: { cpuMs: number; maxRssMb: number; batches: number }[] }> {
  const { cpuMsOf, peakRssMbOf, startReplica, stopReplica, storeNode } = await import('./store-push.js');
  const node = storeNode();
  if (!node) throw new Error('no Node >= 22.13 for the replicas');
  const url = database();
  const p = await prepare(n, url);
  const replicas: Awaited<ReturnType<typeof startReplica>>[] = [];
  try {
    p.bucket.setRecords([OLD, NEW]);
    const env = { ...process.env, HOME: p.dir };
    const store = ['--database', url, '--data-dir', p.dir];
    for (let k = 0; k < 2; k++) replicas.push(await startReplica(node, [...store, '--db-cache-dir', p.cacheDir, '--db-url', p.bucket.url], env));
    const cli = fileURLToPath(new URL('../src/entrypoints/cli.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(node, ['--import', 'tsx', cli, 'serve', 'token', 'create', ...store, '--name', 'bench-admin', '--scope', 'admin,read'], { env, maxBuffer: 1 << 20 });
    const token = stdout.trim().split('\n').pop()!.trim();
    const headers = { authorization: `Bearer ${token}` };
    const cpu0 = replicas.map((r) => cpuMsOf(r.child.pid!));
    const start = performance.now();
    const res = await fetch(`${replicas[0]!.url}/v2/admin/refresh`, { method: 'POST', headers });
    const { id } = (await res.json()) as { id: string };
    if (res.status !== 202 || !id) throw new Error(`POST /v2/admin/refresh answered ${res.status}`);
    let job: { state: string; error?: string | null; counts: { images: number; reevaluated: number; changed: number; failed: number } };
    for (;;) {
      job = (await (await fetch(`${replicas[1]!.url}/v2/jobs/${id}`, { headers })).json()) as typeof job;
      if (job.state === 'succeeded' || job.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const jobMs = performance.now() - start;
    if (job.state !== 'succeeded') throw new Error(`the job failed: ${job.error ?? ''}`);
    const ran = new Map<string, number>();
    const db = await openDatabase({ dataDir: p.dir, database: url });
    try {
      for (const r of await db.query<{ runner: string; n: number | string }>('SELECT runner, COUNT(*) AS n FROM job_batches WHERE job_id = $1 GROUP BY runner', [id])) ran.set(String(r.runner), Number(r.n));
    } finally {
      await db.close();
    }
    const batchesOf = (pid: number) => [...ran].reduce((a, [runner, k]) => a + (runner.endsWith(`:${pid}`) ? k : 0), 0);
    const each = replicas.map((r, k) => ({ cpuMs: cpuMsOf(r.child.pid!) - cpu0[k]!, maxRssMb: peakRssMbOf(r.child.pid!), batches: batchesOf(r.child.pid!) }));
    return {
      backend: 'postgres, 2 serve replicas',
      seedMs: p.seedMs,
      ...job.counts,
      jobMs,
      cpuMs: each.reduce((a, r) => a + r.cpuMs, 0),
      maxRssMb: Math.max(...each.map((r) => r.maxRssMb)),
      replicas: each,
    };
  } finally {
    await Promise.all(replicas.map(stopReplica));
    await p.bucket.stop();
    rmSync(p.dir, { recursive: true, force: true });
  }
}

async function runBackend(backend: string, n: number, database: () => string | undefined): Promise<ReevaluateFigures> {
  const url = database();
  const p = await prepare(n, url);
  try {
    p.bucket.setRecords([OLD, NEW]);
    const prof = process.env.BENCH_REEVAL_CPU_PROF;
    const args = [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), '--import', 'tsx', fileURLToPath(import.meta.url), CHILD, p.dir, p.cacheDir, p.bucket.url, url ?? ''];
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as Omit<ReevaluateFigures, 'backend' | 'seedMs'>;
    return { backend, seedMs: p.seedMs, ...r };
  } finally {
    await p.bucket.stop();
    rmSync(p.dir, { recursive: true, force: true });
  }
}

export async function benchStoreReevaluate(n = Number(process.env.BENCH_REEVAL_IMAGES ?? 10_000)): Promise<[string, string][]> {
  if (!HAS_SHARED || !existsSync(sharedPath('vulndata/osv'))) return [['store re-evaluation', 'skipped: ../shared is absent']];
  const cores = availableParallelism();
  const figures: ReevaluateFigures[] = process.env.BENCH_REEVAL_REPLICAS === 'only' ? [] : [await runBackend('sqlite', n, () => undefined)];
  const replicaNotes: string[] = [];
  if (POSTGRES_BIN) {
    let pg: PostgresServer | undefined;
    try {
      pg = await startPostgres();
      const server = pg;
      if (process.env.BENCH_REEVAL_REPLICAS !== 'only') {
        figures.push(
          await runBackend('postgres', n, () => {
            server.createDatabase('bench_reevaluate');
            return server.url('bench_reevaluate');
          }),
        );
      }
      if (process.env.BENCH_REEVAL_REPLICAS !== '0') {
        const r = await runReplicas(n, () => {
          server.createDatabase('bench_reevaluate_replicas');
          return server.url('bench_reevaluate_replicas');
        });
        figures.push(r);
        replicaNotes.push(
          `per replica: ${r.replicas.map((x, k) => `replica ${k + 1} ${x.batches} batches, ${(x.cpuMs / 1000).toFixed(1)} CPU-s, peak RSS ${x.maxRssMb.toFixed(0)} MB`).join('; ')} (one job, its batches run by both)`,
        );
      }
    } finally {
      pg?.stop();
    }
  }
  const rows: [string, string][] = [];
  for (const f of figures) {
    const perSecond = f.reevaluated / (f.jobMs / 1000);
    rows.push([
      `store re-evaluation (${f.backend})`,
      `${f.reevaluated}/${f.images} images (${f.changed} changed, ${f.failed} failed) in ${(f.jobMs / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} images/s, ` +
        `${(perSecond / cores).toFixed(0)} images/s/core (÷ ${cores} cores; ${(f.reevaluated / (f.cpuMs / 1000)).toFixed(0)} per CPU-second of the store process${f.backend.includes('replicas') ? 'es' : ''}) (target >= 60), ` +
        `peak RSS ${f.maxRssMb.toFixed(0)} MB (target < 512); seeding took ${(f.seedMs / 1000).toFixed(1)} s`,
    ]);
  }
  for (const note of replicaNotes) rows.push(['store re-evaluation (2 replicas)', note]);
  return rows;
}

if (process.argv[2] === CHILD) {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6] ?? '');
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  for (const [k, v] of await benchStoreReevaluate(n)) console.log(`${k}  ${v}`);
}
