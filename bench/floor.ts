/** What the benches share: the gunzip floor of the shared `app` image, and a median. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { SHARED_DIR } from '../test/helpers/shared.js';

export const LAYOUT = join(SHARED_DIR, 'fixtures/images/debian-fixtures.oci');

/** Node's own zlib gunzipping an image's layer blobs (the `app` image unless told), one after another, and nothing else. */
export async function gunzipFloor(layout = LAYOUT, ref = 'app'): Promise<{ ms: number; bytes: number; cpuMs: number }> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const desc = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === ref)!;
  const blob = (d: string): string => join(layout, 'blobs', ...d.split(':'));
  const manifest = JSON.parse(await readFile(blob(desc.digest), 'utf8')) as { layers: { digest: string }[] };
  let bytes = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpu0);
  // The CPU time of the whole process (zlib inflates on the thread pool), which other processes' load skews less.
  return { ms: performance.now() - start, bytes, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median<T extends { ms: number }>(xs: readonly T[]): T {
  return [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)]!;
}

/**
 * Warms the page cache, then alternates `work` and the floor `rounds` times and keeps the median of each, so that
 * a noisy neighbour skews neither. Returns the peak RSS of this process too.
 */
export async function againstFloor<T extends { ms: number }>(rounds: number, work: () => Promise<T>): Promise<{ work: T; floor: { ms: number; bytes: number }; peakRssMb: number }> {
  await gunzipFloor();
  const works: T[] = [];
  const floors: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    works.push(await work());
    floors.push(await gunzipFloor());
  }
  return { work: median(works), floor: median(floors), peakRssMb: process.resourceUsage().maxRSS / 1024 };
}
