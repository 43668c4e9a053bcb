/**
 * Layer-cache figures (issue 17; a piece of `npm run bench`; also runs alone: `npx tsx bench/layer-cache.ts`).
 * The image stage of a scan (debian-fixtures.oci ref `app` read in one pass with every cataloger's and the default
 * policy's file requests, digests checked) in three states of the cache, alternating in one run with the floor:
 * - cold: an empty cache (every layer read, and its analysis written);
 * - warm: the cache holds `app` (no layer opened);
 * - top layer changed: the cache holds `app-l4`, the same image without the top layer (only that layer read);
 * - the floor: Node's own zlib gunzipping `app`'s layer blobs (bench/floor.ts), and the top layer's blob alone.
 * Each measurement runs in a process of its own (as a CI job's scan does), so its peak RSS is its own. Targets:
 * warm <= 0.15x cold; top layer changed <= 0.15x cold + the top layer's share of the floor; peak RSS no higher than
 * cold. Also the cache's size for each shared image. Not a test: nothing here passes or fails.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { catalogRequests, selectCatalogers } from '../src/catalog/run.js';
import { silentLogger } from '../src/common/logger.js';
import { LayerCache } from '../src/image/layer-cache/store.js';
import { loadImage } from '../src/image/open.js';
import { resolvePolicy } from '../src/policy/bundled.js';
import { policyFileRequests } from '../src/policy/requests.js';
import { gunzipFloor, LAYOUT, median } from './floor.js';

const CHILD_FLAG = '--layer-cache-bench-child';

interface ChildResult {
  ms: number;
  peakRssMb: number;
  fromCache: number;
  layers: number;
}

/** In a child: reads `ref` with the scan's requests through the cache in `dir`. */
async function child(ref: string, dir: string): Promise<ChildResult> {
  const catalogers = selectCatalogers('image');
  const requests = [...catalogRequests(catalogers), ...policyFileRequests(await resolvePolicy(undefined))];
  const start = performance.now();
  const view = await loadImage(`oci-dir:${LAYOUT}:${ref}`, { env: process.env, logger: silentLogger, requests, layerCache: { cache: new LayerCache(dir), salt: 'bench' } });
  const ms = performance.now() - start;
  return { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, fromCache: view.stats.layers.filter((l) => l.fromCache).length, layers: view.stats.layers.length };
}

async function inChild(ref: string, dir: string): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, ref, dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

function manifestOf(ref: string): { layers: { digest: string }[] } {
  const index = JSON.parse(readFileSync(join(LAYOUT, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const desc = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === ref)!;
  return JSON.parse(readFileSync(join(LAYOUT, 'blobs', ...desc.digest.split(':')), 'utf8')) as { layers: { digest: string }[] };
}

/** Gunzipping one blob, and nothing else. */
async function gunzipBlob(digest: string): Promise<number> {
  const start = performance.now();
  await pipeline(
    createReadStream(join(LAYOUT, 'blobs', ...digest.split(':')), { highWaterMark: 256 * 1024 }),
    createGunzip({ chunkSize: 256 * 1024 }),
    new Writable({ write: (_c, _e, cb) => cb() }),
  );
  return performance.now() - start;
}

export interface LayerCacheBench {
  rounds: number;
  coldMs: number;
  warmMs: number;
  topMs: number;
  floorMs: number;
  topFloorMs: number;
  coldRssMb: number;
  warmRssMb: number;
  topRssMb: number;
  warmFromCache: string;
  topFromCache: string;
  sizes: { ref: string; layers: number; bytes: number }[];
}

export async function runLayerCacheBench(rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<LayerCacheBench | undefined> {
  if (!existsSync(LAYOUT)) return undefined;
  const work = mkdtempSync(join(tmpdir(), 'portcullis-bench-layer-cache-'));
  try {
    const appCache = join(work, 'app');
    const l4Cache = join(work, 'app-l4');
    await inChild('app', appCache);
    await inChild('app-l4', l4Cache);
    const top = manifestOf('app').layers.at(-1)!.digest;
    await gunzipFloor(); // the page cache
    const colds: ChildResult[] = [];
    const warms: ChildResult[] = [];
    const tops: ChildResult[] = [];
    const floors: { ms: number }[] = [];
    const topFloors: { ms: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      colds.push(await inChild('app', join(work, `cold-${i}`)));
      floors.push(await gunzipFloor());
      const warm = join(work, `warm-${i}`);
      await cp(appCache, warm, { recursive: true });
      warms.push(await inChild('app', warm));
      topFloors.push({ ms: await gunzipBlob(top) });
      const changed = join(work, `top-${i}`);
      await cp(l4Cache, changed, { recursive: true });
      tops.push(await inChild('app', changed));
      rmSync(join(work, `cold-${i}`), { recursive: true, force: true });
    }
    const refs = (JSON.parse(readFileSync(join(LAYOUT, 'index.json'), 'utf8')) as { manifests: { annotations?: Record<string, string> }[] }).manifests
      .map((m) => m.annotations?.['org.opencontainers.image.ref.name'])
      .filter((n): n is string => typeof n === 'string');
    const sizes: LayerCacheBench['sizes'] = [];
    for (const ref of refs) {
      const dir = join(work, `size-${ref}`);
      const r = await inChild(ref, dir);
      sizes.push({ ref, layers: r.layers, bytes: (await new LayerCache(dir).list()).totalBytes });
    }
    const byMs = (xs: ChildResult[]) => median(xs);
    const peak = (xs: ChildResult[]) => Math.max(...xs.map((x) => x.peakRssMb));
    return {
      rounds,
      coldMs: byMs(colds).ms,
      warmMs: byMs(warms).ms,
      topMs: byMs(tops).ms,
      floorMs: median(floors).ms,
      topFloorMs: median(topFloors).ms,
      coldRssMb: peak(colds),
      warmRssMb: peak(warms),
      topRssMb: peak(tops),
      warmFromCache: `${warms[0]!.fromCache}/${warms[0]!.layers}`,
      topFromCache: `${tops[0]!.fromCache}/${tops[0]!.layers}`,
      sizes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as table rows, `[label, value]`, as bench/run.ts prints them. */
export async function benchLayerCache(): Promise<[string, string][]> {
  const b = await runLayerCacheBench();
  if (!b) return [['layer cache', `skipped: ${LAYOUT} is absent (it comes with ../shared)`]];
  const topTarget = 0.15 * b.coldMs + b.topFloorMs;
  return [
    ['layer cache: cold (app)', `${b.coldMs.toFixed(0)} ms, peak RSS ${b.coldRssMb.toFixed(0)} MB (image stage with the scan's requests; median of ${b.rounds}, a process each)`],
    ['layer cache: warm (app)', `${b.warmMs.toFixed(0)} ms = ${(b.warmMs / b.coldMs).toFixed(3)}x cold (target <= 0.15x), ${b.warmFromCache} layers cached, peak RSS ${b.warmRssMb.toFixed(0)} MB (target <= cold)`],
    [
      'layer cache: top layer changed',
      `${b.topMs.toFixed(0)} ms (app after app-l4, ${b.topFromCache} layers cached; target <= 0.15x cold + top layer's floor = ${topTarget.toFixed(0)} ms), peak RSS ${b.topRssMb.toFixed(0)} MB`,
    ],
    ['layer cache: gunzip floor', `${b.floorMs.toFixed(0)} ms for app's layers, ${b.topFloorMs.toFixed(0)} ms for its top layer (same run)`],
    ['layer cache: size per image', b.sizes.map((s) => `${s.ref} ${(s.bytes / 1e6).toFixed(1)} MB (${s.layers} layers)`).join('; ')],
  ];
}

if (process.argv[2] === CHILD_FLAG) {
  console.log(JSON.stringify(await child(process.argv[3]!, process.argv[4]!)));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchLayerCache();
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}
