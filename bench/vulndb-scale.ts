/**
 * Vulnerability data at full size (a piece of `npm run bench`; also runs alone: `npx tsx bench/vulndb-scale.ts`):
 * - import: 200,000 npm OSV records (generated: one file each, the shape of real GHSA records) through `osv-local`,
 *   peak RSS of the importing process (target < 700 MB);
 * - scan: the shared `app` image scanned offline (`runScan`) with the shared data alone, then with a full-size
 *   database (the shared data + the 200,000 npm records + 250,000 NVD and EPSS enrichments), time and peak RSS of
 *   each, in processes of their own, alternating (targets: ≤ 1.1x the time, < 256 MB).
 * Not a test: nothing here passes or fails. Skipped without ../shared.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { silentLogger } from '../src/common/logger.js';
import { runScan } from '../src/scan/pipeline.js';
import type { EnrichmentRecord } from '../src/vulndb/enrichment.js';
import { VULNERABILITY_PROVIDERS } from '../src/vulndb/list.js';
import type { OsvRecord } from '../src/vulndb/osv.js';
import type { SourceBatch } from '../src/vulndb/provider.js';
import { writeDatabase } from '../src/vulndb/store.js';
import { HAS_SHARED, sharedPath } from '../test/helpers/shared.js';

const CHILD = '--vulndb-scale-child';
const NPM_RECORDS = 200_000;
const ENRICHMENTS = 250_000;
const ROUNDS = 3;
const NOW = new Date('2026-12-01T00:00:00Z');

function npmRecord(i: number): OsvRecord {
  const cve = `CVE-${2015 + (i % 11)}-${String(100000 + i).padStart(6, '0')}`;
  return {
    schema_version: '1.6.0',
    id: `GHSA-${(i * 7919).toString(36).padStart(4, '0').slice(-4)}-${i.toString(36).padStart(4, '0').slice(-4)}-${(i * 31).toString(36).padStart(4, '0').slice(-4)}`,
    modified: '2026-11-01T00:00:00Z',
    published: '2024-01-01T00:00:00Z',
    aliases: [cve],
    summary: `Prototype pollution in bench-package-${i}`,
    details: 'A crafted payload can add or modify properties of Object.prototype, leading to denial of service or, with other gadgets, code execution. '.repeat(3),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name: `bench-package-${i}`, purl: `pkg:npm/bench-package-${i}` }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${1 + (i % 5)}.2.3` }] }] }],
    references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/${cve}` }, { type: 'WEB', url: `https://github.com/advisories/bench-${i}` }],
    database_specific: { severity: 'HIGH', cwe_ids: ['CWE-1321'], github_reviewed: true },
  };
}

function enrichment(i: number): EnrichmentRecord[] {
  const id = `CVE-${2002 + (i % 24)}-${String(i).padStart(6, '0')}`;
  return [
    { id, nvd: { cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'nvd@nist.gov', type: 'Primary' }], published: '2024-01-01T00:00:00.000', vulnStatus: 'Analyzed' } },
    { id, epss: { score: (i % 1000) / 1000, percentile: (i % 997) / 997, date: '2026-12-01' } },
  ];
}

async function sharedBatches(): Promise<SourceBatch[]> {
  const ctx = { logger: silentLogger, previous: new Map(), now: () => NOW };
  return VULNERABILITY_PROVIDERS.get('osv-local').fetch({ path: sharedPath('vulndata/osv') }, ctx);
}

async function child(mode: string, a: string, b?: string): Promise<void> {
  const start = performance.now();
  if (mode === 'import') {
    const { updateDatabase } = await import('../src/vulndb/update.js');
    await updateDatabase({ cacheDir: b!, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: a } }], now: () => NOW });
  } else {
    const layout = sharedPath('fixtures/images/debian-fixtures.oci');
    const r = await runScan(
      { image: `oci-dir:${layout}:app`, source: {}, failOn: 'never', outputs: ['json'], vulnerabilities: { enabled: true, cacheDir: a, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] } },
      { env: {}, logger: silentLogger, now: () => NOW },
    );
    if (r.report.findings.length === 0 && mode === 'never') throw new Error('unreachable');
  }
  console.log(JSON.stringify({ ms: performance.now() - start, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function inChild(...args: string[]): Promise<{ ms: number; maxRssMb: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; maxRssMb: number };
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

export async function benchVulndbScale(): Promise<[string, string][]> {
  if (!HAS_SHARED) return [['vulndb at full size', 'skipped: ../shared is absent']];
  const work = mkdtempSync(join(tmpdir(), 'portcullis-bench-scale-'));
  try {
    const npmDir = join(work, 'npm');
    mkdirSync(npmDir);
    const records: OsvRecord[] = [];
    for (let i = 0; i < NPM_RECORDS; i++) {
      const r = npmRecord(i);
      records.push(r);
      writeFileSync(join(npmDir, `${r.id}-${i}.json`), JSON.stringify(r));
    }
    const imported = await inChild('import', npmDir, join(work, 'import-cache'));

    const shared = await sharedBatches();
    const small = join(work, 'small');
    writeDatabase(small, shared, NOW);
    const full = join(work, 'full');
    const enrich = Array.from({ length: ENRICHMENTS }, (_, i) => enrichment(i));
    writeDatabase(
      full,
      [
        ...shared,
        { id: 'bench:npm', provider: 'osv-local', kind: 'osv', location: npmDir, fetchedAt: NOW.toISOString(), notModified: false, records, skipped: [] },
        { id: 'bench:nvd', provider: 'nvd', kind: 'nvd', location: 'bench', fetchedAt: NOW.toISOString(), notModified: false, records: [], enrichments: enrich.map((e) => e[0]!), skipped: [] },
        { id: 'bench:epss', provider: 'epss', kind: 'epss', location: 'bench', fetchedAt: NOW.toISOString(), notModified: false, records: [], enrichments: enrich.map((e) => e[1]!), skipped: [] },
      ],
      NOW,
    );
    const s: { ms: number; maxRssMb: number }[] = [];
    const f: { ms: number; maxRssMb: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      s.push(await inChild('scan', small));
      f.push(await inChild('scan', full));
    }
    const sMs = median(s.map((x) => x.ms));
    const fMs = median(f.map((x) => x.ms));
    return [
      ['vulndb import 200k npm', `${NPM_RECORDS} records in ${imported.ms.toFixed(0)} ms, peak RSS ${imported.maxRssMb.toFixed(0)} MB (target < 700)`],
      ['scan, shared data alone', `${sMs.toFixed(0)} ms, peak RSS ${Math.max(...s.map((x) => x.maxRssMb)).toFixed(0)} MB (median of ${ROUNDS})`],
      [
        'scan, full-size database',
        `${fMs.toFixed(0)} ms = ${(fMs / sMs).toFixed(2)}x (target <= 1.1), peak RSS ${Math.max(...f.map((x) => x.maxRssMb)).toFixed(0)} MB (target < 256); +${NPM_RECORDS} npm records, +${ENRICHMENTS} NVD and EPSS ids`,
      ],
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD) {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [k, v] of await benchVulndbScale()) console.log(`${k.padEnd(28)} ${v}`);
}
