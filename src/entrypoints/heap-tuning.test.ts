import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(join(import.meta.dirname, 'heap-tuning.ts')).href;
const dir = mkdtempSync(join(tmpdir(), 'portcullis-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The new space of a fresh process that churns through short- and medium-lived objects: the median of its sizes over
 * the second half of the run (a scavenge in progress may report a few pages more for a moment).
 */
function newSpaceUnderChurn(bound: boolean, extraArgs: string[] = []): number {
  const script = join(dir, `churn-${bound}-${extraArgs.length}.mts`);
  writeFileSync(
    script,
    `import { getHeapSpaceStatistics } from 'node:v8';
import { boundYoungGeneration } from ${JSON.stringify(MODULE)};
if (${bound}) boundYoungGeneration(16);
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
const sizes: number[] = [];
let keep: object[] = [];
for (let round = 0; round < 300; round++) {
  for (let i = 0; i < 20000; i++) {
    keep.push({ i, s: 'x' + i });
    if (keep.length > 150000) keep = [];
  }
  if (round >= 150) sizes.push(newSpace());
  await new Promise((r) => setImmediate(r));
}
console.log(sizes.sort((a, b) => a - b)[sizes.length >> 1]);
`,
  );
  return Number(execFileSync(process.execPath, [...extraArgs, '--import', 'tsx', script], { encoding: 'utf8' }).trim());
}

describe('boundYoungGeneration', () => {
  it('keeps the new space within the bound where it would otherwise grow past it', () => {
    expect(newSpaceUnderChurn(false)).toBeGreaterThan(16 * 1024 * 1024);
    expect(newSpaceUnderChurn(true)).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('leaves a semi-space size given on the command line alone', () => {
    expect(newSpaceUnderChurn(true, ['--max-semi-space-size=32'])).toBeGreaterThan(16 * 1024 * 1024);
  });
});
