/**
 * Catalog figures (a piece of `npm run bench`; also runs alone: `npx tsx bench/catalog.ts`):
 * - catalog: debian-fixtures.oci ref `app` read in one pass with every cataloger's file requests, then cataloged;
 * - the floor: Node's own zlib gunzipping the same layer blobs and nothing else (as bench/run.ts measures it);
 * - their ratio (target <= 1.5), and the peak RSS of a process that does only this (target <= 256 MB).
 * The measurement runs in a child process of its own, so that its peak RSS is not another bench's.
 * Not a test: nothing here passes or fails.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { catalogRequests, runCatalogers, selectCatalogers } from '../src/catalog/run.js';
import { silentLogger } from '../src/common/logger.js';
import { loadImage } from '../src/image/open.js';
import { againstFloor, LAYOUT } from './floor.js';
const CHILD_FLAG = '--catalog-bench-child';

export interface CatalogBench {
  rounds: number;
  catalogMs: number;
  floorMs: number;
  ratio: number;
  uncompressedBytes: number;
  paths: number;
  packages: number;
  peakRssMb: number;
}

async function catalogApp(): Promise<{ ms: number; paths: number; packages: number }> {
  const catalogers = selectCatalogers('image');
  const start = performance.now();
  const view = await loadImage(`oci-dir:${LAYOUT}:app`, { env: process.env, logger: silentLogger, requests: catalogRequests(catalogers) });
  const result = await runCatalogers(view, { catalogers, logger: silentLogger });
  return { ms: performance.now() - start, paths: view.size, packages: result.packages.length };
}

/** The measurement itself: the catalog of `app` against the gunzip floor, median of each. */
async function measure(rounds: number): Promise<CatalogBench> {
  const r = await againstFloor(rounds, catalogApp);
  return {
    rounds,
    catalogMs: r.work.ms,
    floorMs: r.floor.ms,
    ratio: r.work.ms / r.floor.ms,
    uncompressedBytes: r.floor.bytes,
    paths: r.work.paths,
    packages: r.work.packages,
    peakRssMb: r.peakRssMb,
  };
}

/** Runs the measurement in a child process (its own peak RSS). Undefined when ../shared is absent. */
export async function runCatalogBench(rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<CatalogBench | undefined> {
  if (!existsSync(LAYOUT)) return undefined;
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, CHILD_FLAG, String(rounds)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as CatalogBench;
}

/** The figures as table rows, `[label, value]`, as bench/run.ts prints them. Empty when ../shared is absent. */
export async function benchCatalog(): Promise<[string, string][]> {
  const b = await runCatalogBench();
  if (!b) return [['catalog', `skipped: ${LAYOUT} is absent (it comes with ../shared)`]];
  return [
    ['catalog app (read + catalog)', `${b.catalogMs.toFixed(0)} ms (${b.packages} packages, ${b.paths} paths; median of ${b.rounds})`],
    ['gunzip floor, same run', `${b.floorMs.toFixed(0)} ms (${(b.uncompressedBytes / 1e6).toFixed(1)} MB uncompressed)`],
    ['ratio catalog / floor', `${b.ratio.toFixed(2)} (target <= 1.5)`],
    ['catalog peak RSS', `${b.peakRssMb.toFixed(0)} MB (target <= 256; a process doing only this)`],
  ];
}

if (process.argv[2] === CHILD_FLAG) {
  console.log(JSON.stringify(await measure(Number(process.argv[3] ?? 3))));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCatalog();
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}
