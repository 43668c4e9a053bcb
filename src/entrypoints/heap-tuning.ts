import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * The V8 heap settings of a `portcullis` process (the CLI's and the Action's entries call tuneHeap first), each
 * measured by the bench of large images (bench/big-images.ts), not guessed. They are set at run time because the
 * Action's runner starts `node dist/action/index.js` with no flags of ours; a process started with a flag of its own
 * for the same setting keeps it.
 *
 * Measured and not set: `--external-memory-accounted-in-global-limit` (V8 13.6, Node 24; Node 20's V8 refuses it)
 * halves the full collections that the short-lived buffers of a layer's bytes (the blob's chunks, zlib's 256 KB
 * output chunks) start, ~10–15% of the CPU time of an sbom or a scan of M or L, but adds 20–60 MB of peak RSS, as
 * more of those buffers are freed later.
 */
export function tuneHeap(): void {
  boundYoungGeneration();
}

/**
 * The most V8's young generation (its new space: two semi-spaces) may grow to, in MB. Node 24's V8 lets it grow to
 * 128 MB under a steady allocation rate (Node 20's stops at 32 MB); that was 50–80 MB of the peak RSS of a scan of
 * the L image and none of its speed: scavenges of a small new space are cheap, because what outlives one (a layer's
 * columns, the file view) is kept outside the JS heap.
 */
export const YOUNG_GENERATION_MB = 16;

/**
 * Stops the young generation from growing past `limitMb`. `--max-semi-space-size` is read only when the heap is
 * set up, so the growth is stopped instead: while a collection finds the new space one doubling from the bound, its
 * growth factor is 1 (V8 reads that flag each time it would grow the space), and 2 again if V8 has shrunk it (an
 * idle spell) so that it may grow back.
 */
export function boundYoungGeneration(limitMb = YOUNG_GENERATION_MB): void {
  if (ownFlag(/--(max|min)-semi-space-size|--semi-space-growth-factor/)) return;
  const limit = limitMb * 1024 * 1024;
  const newSpace = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  let bounded = false;
  const check = (): void => {
    // The space doubles when it grows: it may grow only while doubling stays within the bound.
    const atBound = newSpace() * 2 > limit;
    if (atBound === bounded) return;
    bounded = atBound;
    setFlagsFromString(atBound ? '--semi-space-growth-factor=1' : '--semi-space-growth-factor=2');
  };
  check();
  const observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  // The observer must not keep the process alive.
  (observer as unknown as { unref?: () => void }).unref?.();
}

function ownFlag(flag: RegExp): boolean {
  return flag.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
}
