/**
 * `npm run bench`: one run of each measurement, printed as a table. Not a test: nothing here passes or fails.
 * - the squashed file view of debian-fixtures.oci ref `app` (every layer streamed once, digests checked);
 * - the floor: Node's own zlib gunzipping the same layer blobs and nothing else;
 * - their ratio, and the process's peak RSS.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { loadImage } from '../src/image/open.js';
import { silentLogger } from '../src/common/logger.js';
import { SHARED_DIR } from '../test/helpers/shared.js';

const layout = join(SHARED_DIR, 'fixtures/images/debian-fixtures.oci');
if (!existsSync(layout)) {
  console.log(`bench skipped: ${layout} is absent (it comes with ../shared)`);
  process.exit(0);
}

async function gunzipFloor(): Promise<{ ms: number; bytes: number }> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const desc = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === 'app')!;
  const blob = (d: string) => join(layout, 'blobs', ...d.split(':'));
  const manifest = JSON.parse(await readFile(blob(desc.digest), 'utf8')) as { layers: { digest: string }[] };
  let bytes = 0;
  const start = performance.now();
  for (const l of manifest.layers) {
    await pipeline(
      createReadStream(blob(l.digest), { highWaterMark: 256 * 1024 }),
      createGunzip({ chunkSize: 256 * 1024 }),
      new Writable({
        write(chunk: Buffer, _e, cb) {
          bytes += chunk.length;
          cb();
        },
      }),
    );
  }
  return { ms: performance.now() - start, bytes };
}

async function squashedView(): Promise<{ ms: number; paths: number }> {
  const start = performance.now();
  const view = await loadImage(`oci-dir:${layout}:app`, { env: process.env, logger: silentLogger });
  return { ms: performance.now() - start, paths: view.size };
}

// Warm the page cache once so both measurements read from memory, as a CI runner reading a just-built image does.
// Then alternate the two measurements and keep the median of each, so that a noisy neighbour skews neither.
await gunzipFloor();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const views: { ms: number; paths: number }[] = [];
const floors: { ms: number; bytes: number }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  views.push(await squashedView());
  floors.push(await gunzipFloor());
}
const median = <T extends { ms: number }>(xs: T[]): T => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)]!;
const view = median(views);
const floor = median(floors);
const rssMb = process.resourceUsage().maxRSS / 1024;

const rows: [string, string][] = [
  ['image', `debian-fixtures.oci:app (5 gzip layers, ${(floor.bytes / 1e6).toFixed(1)} MB uncompressed)`],
  ['rounds', `${ROUNDS} (median of each shown)`],
  ['squashed file view', `${view.ms.toFixed(0)} ms (${view.paths} paths, sha256 of blobs and diff_ids checked)`],
  ['gunzip floor (node:zlib)', `${floor.ms.toFixed(0)} ms`],
  ['ratio view / floor', `${(view.ms / floor.ms).toFixed(2)} (target <= 1.3)`],
  ['peak RSS', `${rssMb.toFixed(0)} MB (target <= 200)`],
  ['node', process.version],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
