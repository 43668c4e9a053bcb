/**
 * Vulnerability data figures (a piece of `npm run bench`; also runs alone: `npx tsx bench/vulndb.ts`):
 * - import: every record of ../shared/vulndata/osv (zips read, records written, indexes built), records/s;
 * - open: VulnerabilityDatabase.open on the result (metadata and indexes), ms;
 * - match: the `app` image's packages (137 deb, 54 npm, 10 python, from the ground truth) once the database is open, ms.
 * Not a test: nothing here passes or fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/common/logger.js';
import { matchPackages } from '../src/match/matcher.js';
import type { Package } from '../src/model/package.js';
import { VulnerabilityDatabase } from '../src/vulndb/store.js';
import { updateDatabase } from '../src/vulndb/update.js';
import { SHARED_DIR } from '../test/helpers/shared.js';

export interface VulndbBench {
  records: number;
  importMs: number;
  recordsPerSecond: number;
  openMs: number;
  packages: number;
  matchMs: number;
  findings: number;
}

function appPackages(): Package[] {
  const gt = (f: string) =>
    readFileSync(join(SHARED_DIR, 'fixtures/images/ground-truth', f), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
  const base = (type: Package['type'], name: string, version: string): Package => ({ id: `${type}:${name}@${version}`, type, name, version, purl: '', licenses: [], locations: [], foundBy: 'bench' });
  return [
    ...gt('app.dpkg.tsv').map(([n, v, , s, sv]) => ({ ...base('deb', n!, v!), source: { name: s!, version: sv! } })),
    ...gt('app.npm-installed.tsv').map(([, spec]) => base('npm', spec!.slice(0, spec!.lastIndexOf('@')), spec!.slice(spec!.lastIndexOf('@') + 1))),
    ...gt('app.python.tsv').map(([prefix, n, v]) => ({ ...base('python', n!, v!), ...(prefix === '/usr' ? { ownedBy: `deb:python3-${n!}` } : {}) })),
  ];
}

export async function benchVulndb(): Promise<VulndbBench | undefined> {
  const osv = join(SHARED_DIR, 'vulndata/osv');
  if (!existsSync(osv)) return undefined;
  const cacheDir = mkdtempSync(join(tmpdir(), 'portcullis-bench-vulndb-'));
  try {
    let start = performance.now();
    const r = await updateDatabase({ cacheDir, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: osv } }] });
    const importMs = performance.now() - start;
    const records = r.batches.reduce((n, b) => n + (b.records ?? 0), 0);
    start = performance.now();
    const db = VulnerabilityDatabase.open(cacheDir);
    const openMs = performance.now() - start;
    const packages = appPackages();
    start = performance.now();
    const m = matchPackages(db, packages, { distro: { id: 'debian', versionId: '12' } });
    const matchMs = performance.now() - start;
    db.close();
    return { records, importMs, recordsPerSecond: records / (importMs / 1000), openMs, packages: packages.length, matchMs, findings: m.findings.length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await benchVulndb();
  if (!b) console.log(`vulndb bench skipped: ${SHARED_DIR}/vulndata/osv is absent`);
  else {
    console.log(`vulndb import   ${b.records} records in ${b.importMs.toFixed(0)} ms = ${b.recordsPerSecond.toFixed(0)} records/s (target ≥ 10000)`);
    console.log(`vulndb open     ${b.openMs.toFixed(1)} ms (target ≤ 300)`);
    console.log(`vulndb match    ${b.packages} packages in ${b.matchMs.toFixed(1)} ms, ${b.findings} findings (target ≤ 100)`);
  }
}
