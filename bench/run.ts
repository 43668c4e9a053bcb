/**
 * `npm run bench`: one table, from one run. Not a test: nothing here passes or fails.
 * - image: the squashed file view of debian-fixtures.oci ref `app` (every layer streamed once, digests checked),
 *   against the floor of Node's own zlib gunzipping the same layers, and the peak RSS of a process doing only that;
 * - catalog: reading `app` with every cataloger's requests, then cataloging, against the same floor (bench/catalog.ts);
 * - vulnerability data: importing every shared OSV record, opening the database, matching `app`'s packages
 *   (bench/vulndb.ts);
 * - the compiled database: db build, file size, db update from a local registry cold and warm (bench/vulndb-artifact.ts);
 * - full size: importing 200,000 npm records, and a scan with a full-size database against the shared data alone
 *   (bench/vulndb-scale.ts);
 * - the layer cache: `app`'s image stage cold, warm, and with only the top layer changed (after `app-l4`), against
 *   the floor, and the cache's size per shared image (bench/layer-cache.ts);
 * - big images: real Debian images XS to L and the whiteout / small-file variants of M, when they have been built
 *   (`npx tsx scripts/build-bench-images.ts`; else one row saying so) (bench/big-images.ts).
 * Each timed pair alternates with the floor and keeps medians (BENCH_ROUNDS, default 3).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { silentLogger } from '../src/common/logger.js';
import { loadImage } from '../src/image/open.js';
import { benchBigImages } from './big-images.js';
import { benchCatalog } from './catalog.js';
import { benchColdStart } from './cold-start.js';
import { benchLayerCache } from './layer-cache.js';
import { againstFloor, LAYOUT } from './floor.js';
import { benchVulndb } from './vulndb.js';
import { benchVulndbArtifact } from './vulndb-artifact.js';
import { benchVulndbScale } from './vulndb-scale.js';
import { benchStoreReevaluate } from './store-reevaluate.js';
import { benchStorePush } from './store-push.js';

const CHILD_FLAG = '--view-bench-child';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function viewOnce(): Promise<{ ms: number; paths: number }> {
  const start = performance.now();
  const view = await loadImage(`oci-dir:${LAYOUT}:app`, { env: process.env, logger: silentLogger });
  return { ms: performance.now() - start, paths: view.size };
}

async function benchView(): Promise<[string, string][]> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, CHILD_FLAG, String(ROUNDS)], { maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as Awaited<ReturnType<typeof againstFloor<{ ms: number; paths: number }>>>;
  return [
    ['image', `debian-fixtures.oci:app, 5 gzip layers, ${(r.floor.bytes / 1e6).toFixed(1)} MB uncompressed`],
    ['squashed file view', `${r.work.ms.toFixed(0)} ms (${r.work.paths} paths; sha256 of blobs and diff_ids checked; median of ${ROUNDS})`],
    ['gunzip floor (node:zlib)', `${r.floor.ms.toFixed(0)} ms`],
    ['ratio view / floor', `${(r.work.ms / r.floor.ms).toFixed(2)} (target <= 1.3)`],
    ['view peak RSS', `${r.peakRssMb.toFixed(0)} MB (target <= 200; a process doing only this)`],
  ];
}

async function vulndbRows(): Promise<[string, string][]> {
  const b = await benchVulndb();
  if (!b) return [['vulnerability data', 'skipped: ../shared/vulndata/osv is absent']];
  return [
    ['vulndb import', `${b.records} records in ${b.importMs.toFixed(0)} ms = ${b.recordsPerSecond.toFixed(0)} records/s (target >= 10000)`],
    ['vulndb open', `${b.openMs.toFixed(1)} ms (target <= 300)`],
    ['vulndb match', `${b.packages} packages in ${b.matchMs.toFixed(1)} ms, ${b.findings} findings (target <= 100)`],
  ];
}

if (process.argv[2] === CHILD_FLAG) {
  console.log(JSON.stringify(await againstFloor(Number(process.argv[3] ?? 3), viewOnce)));
} else if (!existsSync(LAYOUT)) {
  console.log(`bench skipped: ${LAYOUT} is absent (it comes with ../shared)`);
} else {
  const rows: [string, string][] = [...(await benchView()), ...(await benchCatalog()), ...(await vulndbRows()), ...(await benchVulndbArtifact()), ...(await benchVulndbScale()), ...(await benchLayerCache()), ...(await benchBigImages()), ...(await benchColdStart()), ...(await benchStoreReevaluate()), ...(await benchStorePush()), ...(await (await import('./store-sqlite.js')).benchStoreSqlite()), ['node', process.version]];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}
