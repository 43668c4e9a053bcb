/**
 * Large real images (a piece of `npm run bench` when they exist; also runs alone: `npx tsx bench/big-images.ts`).
 * The images are built by `npx tsx scripts/build-bench-images.ts` (debootstrap from the Debian archive, python3,
 * ruby, a JRE, real npm trees, Go) under PORTCULLIS_BENCH_IMAGES (default ~/.cache/portcullis-bench), never
 * committed. Per image, alternating with Node's gunzip floor of the same layers (medians of BENCH_ROUNDS, default 3):
 * - sbom: read with every cataloger's requests, catalog, render CycloneDX (`buildSbomReport`), time / floor;
 * - scan: `runScan` offline with the shared vulnerability data when ../shared is there (else without matching);
 * - the peak RSS of a process doing only that one (target < 256 MB at every size), and its CPU time against the
 *   floor's (user + system of every thread, which the load of other processes skews less than the wall time);
 * - the squash alone: the layer results of M plus a top layer of 500, 1,000 or 2,000 whiteouts, or of 300,000
 *   small files, squashed in memory, against M's (target: 2,000 whiteouts add at most 5% to the scan).
 * BIG_IMAGES=XS,M picks images. BENCH_BASELINE=DIR (a copy of another commit's tree, e.g. `git archive HEAD src bench
 * policies test/helpers package.json tsconfig.json | tar -x -C DIR`, with a node_modules link) runs that tree's sbom
 * and scan too, alternating with this one's in the same rounds, so that before and after see the same load.
 * BENCH_CHILD=bundle (default) runs each child as users run the CLI, bundled (by esbuild, into the tree's .tmp/);
 * BENCH_CHILD=tsx under tsx's loader. BENCH_DETAIL=1 adds the memory breakdown at each child's peak RSS; BENCH_HEAP=off
 * runs this tree's children without the entries' V8 heap settings (src/entrypoints/heap-tuning.ts).
 * Not a test: nothing here passes or fails.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import { silentLogger } from '../src/common/logger.js';
import { RequestMatcher } from '../src/image/file-request.js';
import { FileView } from '../src/image/file-view.js';
import { readLayer, type LayerReadResult } from '../src/image/layer-reader.js';
import { buildMetadata, type ImageManifest } from '../src/image/manifest.js';
import type { ImageConfig } from '../src/model/index.js';
import { tuneHeap } from '../src/entrypoints/heap-tuning.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import { gunzipFloor, median } from './floor.js';

export const BENCH_IMAGES_DIR = process.env.PORTCULLIS_BENCH_IMAGES ?? join(homedir(), '.cache', 'portcullis-bench');
const IMAGES = join(BENCH_IMAGES_DIR, 'images');
const SIZES = ['XS', 'S', 'M', 'L', 'M-300k'];
const SYNTHETIC = ['M-wh500', 'M-wh1000', 'M-wh2000', 'M-300k'];
const CHILD = '--big-images-child';
const NOW = new Date('2026-12-01T00:00:00Z');

const layoutOf = (name: string): string => join(IMAGES, `${name}.oci`);
const refOf = (name: string): string => `oci-dir:${layoutOf(name)}:bench`;

interface Measured {
  ms: number;
  maxRssMb: number;
  packages?: number;
  /** CPU time of the child's work (user + system, every thread of the process). */
  cpuMs?: number;
  detail?: Record<string, number>;
}

async function child(mode: string, name: string, dbDir?: string): Promise<void> {
  // As the CLI's and the Action's entries do before anything else (BENCH_HEAP=off to see what that does).
  if (process.env.BENCH_HEAP !== 'off') tuneHeap();
  const sampler = memorySampler();
  // The modules are loaded before the clock starts: under tsx, loading them is transpiling, not reading the image.
  // Only the mode's own modules, as `portcullis sbom` and `portcullis scan` load only their command's.
  const { buildSbomReport, sbomOutputFormat } = mode === 'sbom' ? await import('../src/sbom/generate.js') : ({} as never);
  const { runScan } = mode === 'sbom' ? ({} as never) : await import('../src/scan/pipeline.js');
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let packages: number;
  if (mode === 'sbom') {
    const report = await buildSbomReport(refOf(name), { source: { env: {}, logger: silentLogger }, logger: silentLogger });
    const rendered = sbomOutputFormat('cyclonedx-json').render(report, {});
    packages = report.packages.length + (rendered.length > 0 ? 0 : 1);
  } else {
    const work = mkdtempSync(join(tmpdir(), 'portcullis-big-scan-'));
    try {
      const r = await runScan(
        {
          image: refOf(name),
          source: {},
          failOn: 'never',
          outputs: [`json=${join(work, 'report.json')}`],
          vulnerabilities: dbDir ? { enabled: true, cacheDir: dbDir, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] } : { enabled: false, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] },
        },
        { env: {}, logger: silentLogger, now: () => NOW, cwd: work },
      );
      packages = r.report.packages.length;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, packages, ...sampler.stop() }));
}

/**
 * Samples process.memoryUsage() every 20 ms (BENCH_DETAIL=1): the breakdown at the sample of the highest RSS, and the
 * RSS right after the imports, to tell what the peak is made of (heap, new space, buffers).
 */
function memorySampler(): { stop(): { detail?: Record<string, number> } } {
  if (process.env.BENCH_DETAIL !== '1') return { stop: () => ({}) };
  const mb = (n: number): number => Math.round(n / 1e5) / 10;
  let peak: Record<string, number> = { rss: 0 };
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss / 1e6 <= peak.rss!) return;
    const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    peak = { rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), newSpace: mb(newSpace?.space_size ?? 0) };
  };
  const timer = setInterval(sample, 20);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { detail: peak };
    },
  };
}

const BASELINE = process.env.BENCH_BASELINE;

async function inChild(...args: string[]): Promise<Measured> {
  return inTree(fileURLToPath(import.meta.url), ...args);
}

/**
 * What the RSS child runs (BENCH_CHILD): `bundle` (default), the child bundled from the tree's sources into the tree's
 * .tmp/ by esbuild, as users run the bundled dist/cli (no transpiler in the process); `tsx`, the TypeScript under
 * tsx's loader (its transpiler and source maps add to the RSS). BENCH_NODE_FLAGS adds node flags to every child.
 */
const CHILD_KIND = process.env.BENCH_CHILD ?? 'bundle';
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const bundles = new Map<string, Promise<string>>();

function bundled(script: string): Promise<string> {
  let out = bundles.get(script);
  if (!out) {
    // .tmp/bench-child/ is as deep under the tree as test/helpers/, so the paths the sources derive stay right.
    const outdir = join(dirname(dirname(script)), '.tmp', 'bench-child');
    out = import('esbuild').then(async ({ build }) => {
      rmSync(outdir, { recursive: true, force: true });
      await build({ entryPoints: [script], outdir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', outExtension: { '.js': '.mjs' }, logLevel: 'error' });
      return join(outdir, 'big-images.mjs');
    });
    bundles.set(script, out);
  }
  return out;
}

async function inTree(script: string, ...args: string[]): Promise<Measured> {
  const argv = CHILD_KIND === 'tsx' ? ['--import', 'tsx', script] : [await bundled(script)];
  const { stdout } = await promisify(execFile)(process.execPath, [...NODE_FLAGS, ...argv, CHILD, ...args], {
    maxBuffer: 1 << 24,
    // The baseline tree finds ../shared where this one does.
    env: { ...process.env, PORTCULLIS_SHARED_DIR: process.env.PORTCULLIS_SHARED_DIR ?? SHARED_DIR },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

/** Reads an image's layers into layer results (no requests), as the squash receives them. */
async function layerResults(name: string): Promise<{ metadata: ReturnType<typeof buildMetadata>; layers: LayerReadResult[] }> {
  const layout = layoutOf(name);
  const blob = (d: string): string => join(layout, 'blobs', ...d.split(':'));
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(await readFile(blob(index.manifests[0]!.digest), 'utf8')) as ImageManifest;
  const config = JSON.parse(await readFile(blob(manifest.config.digest), 'utf8')) as ImageConfig;
  const metadata = buildMetadata({ reference: name, source: 'bench', manifest, config });
  const matcher = new RequestMatcher([]);
  const layers: LayerReadResult[] = [];
  for (const [i, l] of manifest.layers.entries()) {
    layers.push(await readLayer(createReadStream(blob(l.digest)), { matcher, maxFileBytes: 1 << 20, label: `layer ${i}`, expectedDigest: l.digest }));
  }
  return { metadata, layers };
}

/** The squash of M and of each synthetic image over M, in this process: median ms of `rounds`. */
async function squashCosts(rounds: number): Promise<[string, string][]> {
  const base = await layerResults('M');
  const time = (metadata: typeof base.metadata, layers: LayerReadResult[]): number => {
    const ms: number[] = [];
    for (let i = 0; i < rounds * 2 + 1; i++) {
      const start = performance.now();
      FileView.squash(metadata, layers);
      ms.push(performance.now() - start);
    }
    return median(ms.map((x) => ({ ms: x }))).ms;
  };
  const mMs = time(base.metadata, base.layers);
  const rows: [string, string][] = [['squash M (in memory)', `${mMs.toFixed(0)} ms`]];
  for (const name of SYNTHETIC) {
    if (!existsSync(layoutOf(name))) continue;
    const top = await layerResults(name);
    const layers = [...base.layers, top.layers[top.layers.length - 1]!];
    const ms = time(top.metadata, layers);
    const what = top.layers.at(-1)!.stats;
    rows.push([`squash ${name}`, `${ms.toFixed(0)} ms (+${(ms - mMs).toFixed(0)} ms; top layer ${what.whiteouts} whiteouts, ${what.entries - what.whiteouts} entries)`]);
  }
  return rows;
}

/** Every figure, as table rows; empty when the images have not been built. */
export async function benchBigImages(rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<[string, string][]> {
  const wanted = process.env.BIG_IMAGES?.split(',') ?? [...SIZES, ...SYNTHETIC.filter((s) => !SIZES.includes(s))];
  const present = wanted.filter((s) => existsSync(layoutOf(s)));
  if (present.length === 0) return [['big images', `skipped: none under ${IMAGES} (npx tsx scripts/build-bench-images.ts)`]];
  let dbDir: string | undefined;
  const { HAS_SHARED, sharedPath } = await import('../test/helpers/shared.js');
  if (HAS_SHARED) {
    const { VULNERABILITY_PROVIDERS } = await import('../src/vulndb/list.js');
    const { writeDatabase } = await import('../src/vulndb/store.js');
    dbDir = mkdtempSync(join(tmpdir(), 'portcullis-big-db-'));
    const batches = await VULNERABILITY_PROVIDERS.get('osv-local').fetch({ path: sharedPath('vulndata/osv') }, { logger: silentLogger, previous: new Map(), now: () => NOW });
    writeDatabase(dbDir, batches, NOW);
  }
  const rows: [string, string][] = [];
  const sbomMs = new Map<string, { sbom: number; scan: number; sbomCpu: number; scanCpu: number }>();
  try {
    for (const name of present) {
      await gunzipFloor(layoutOf(name), 'bench'); // warm the page cache
      const floors: { ms: number; bytes: number; cpuMs: number }[] = [];
      const sboms: Measured[] = [];
      const scans: Measured[] = [];
      const base = { sboms: [] as Measured[], scans: [] as Measured[] };
      const baseScript = BASELINE === undefined ? undefined : join(BASELINE, 'bench', 'big-images.ts');
      const dbArgs = dbDir ? [dbDir] : [];
      for (let i = 0; i < rounds; i++) {
        sboms.push(await inChild('sbom', name));
        if (baseScript) base.sboms.push(await inTree(baseScript, 'sbom', name));
        floors.push(await gunzipFloor(layoutOf(name), 'bench'));
        scans.push(await inChild('scan', name, ...dbArgs));
        if (baseScript) base.scans.push(await inTree(baseScript, 'scan', name, ...dbArgs));
        floors.push(await gunzipFloor(layoutOf(name), 'bench'));
      }
      const floor = median(floors);
      const sbom = median(sboms);
      const scan = median(scans);
      const cpuMedian = (xs: Measured[]): number => median(xs.map((x) => ({ ms: x.cpuMs ?? NaN }))).ms;
      const rss = (xs: Measured[]): string => Math.max(...xs.map((x) => x.maxRssMb)).toFixed(0);
      // The median CPU time, which the load of other processes skews less than the wall time.
      const floorCpu = median(floors.map((f) => ({ ms: f.cpuMs }))).ms;
      sbomMs.set(name, { sbom: sbom.ms / floor.ms, scan: scan.ms / floor.ms, sbomCpu: cpuMedian(sboms) / floorCpu, scanCpu: cpuMedian(scans) / floorCpu });
      const cpu = (xs: Measured[]): string => {
        const c = xs.map((x) => x.cpuMs).filter((x): x is number => x !== undefined);
        return c.length ? `cpu ${(median(c.map((ms) => ({ ms }))).ms / floorCpu).toFixed(2)}x` : 'cpu n/a';
      };
      rows.push([
        `${name}: ${(floor.bytes / 1e6).toFixed(0)} MB of tar`,
        `floor ${floor.ms.toFixed(0)} ms (cpu ${floorCpu.toFixed(0)} ms); sbom ${sbom.ms.toFixed(0)} ms = ${(sbom.ms / floor.ms).toFixed(2)}x, ${rss(sboms)} MB, ${cpu(sboms)}; scan ${scan.ms.toFixed(0)} ms = ${(scan.ms / floor.ms).toFixed(2)}x, ${rss(scans)} MB, ${cpu(scans)} (${scan.packages} packages)`,
      ]);
      const detail = (xs: Measured[]): string => JSON.stringify(xs.reduce((a, b) => (b.maxRssMb > a.maxRssMb ? b : a)).detail ?? {});
      if (process.env.BENCH_DETAIL === '1') rows.push([`${name} at peak RSS (MB)`, `sbom ${detail(sboms)}; scan ${detail(scans)}`]);
      if (baseScript) {
        const [bs, bc] = [median(base.sboms), median(base.scans)];
        rows.push([`${name} baseline`, `sbom ${bs.ms.toFixed(0)} ms = ${(bs.ms / floor.ms).toFixed(2)}x, ${rss(base.sboms)} MB, ${cpu(base.sboms)}; scan ${bc.ms.toFixed(0)} ms = ${(bc.ms / floor.ms).toFixed(2)}x, ${rss(base.scans)} MB, ${cpu(base.scans)} (${bc.packages} packages)`]);
      }
    }
    // Each image against its own floor, measured alternately, so that a load that changes between images skews neither.
    const m = sbomMs.get('M');
    if (m !== undefined) {
      for (const name of SYNTHETIC) {
        const r = sbomMs.get(name);
        if (r === undefined) continue;
        const target = name === 'M-wh2000' ? ' (target <= 1.05x)' : '';
        rows.push([`${name} / M (each / its floor)`, `sbom ${(r.sbom / m.sbom).toFixed(3)}x, scan ${(r.scan / m.scan).toFixed(3)}x${target}; in cpu time: sbom ${(r.sbomCpu / m.sbomCpu).toFixed(3)}x, scan ${(r.scanCpu / m.scanCpu).toFixed(3)}x`]);
      }
      rows.push(...(await squashCosts(rounds)));
    }
  } finally {
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  }
  return rows.map(([k, v]) => [`big ${k}`, v]);
}

if (process.argv[2] === CHILD) {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchBigImages();
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}
