import { writeDatabase } from '../../src/vulndb/store.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';

/**
 * A small live vulnerability database in `cacheDir` (PORTCULLIS_CACHE_DIR), for tests that scan `--offline`: an
 * offline scan with no database is a configuration error (exit 3), so such tests seed one. The records name
 * packages no test image has unless `records` says otherwise.
 */
export function seedDatabase(cacheDir: string, records: readonly OsvRecord[] = SEED_RECORDS, now = new Date()): void {
  writeDatabase(cacheDir, [
    { id: 'osv-local:seed', provider: 'osv-local', kind: 'osv', location: 'seed', fetchedAt: now.toISOString(), notModified: false, records: [...records], skipped: [] },
  ], now);
}

/** One record per ecosystem the test images use (Debian:12, npm, PyPI), none of them matching those images. */
export const SEED_RECORDS: readonly OsvRecord[] = [
  { id: 'DSA-0000-1', modified: '2026-11-22T00:00:00Z', affected: [{ package: { ecosystem: 'Debian:12', name: 'portcullis-seed' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-1' }] }] }] },
  { id: 'GHSA-0000-0000-0000', modified: '2026-11-22T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'portcullis-seed' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] },
  { id: 'PYSEC-0000-0', modified: '2026-11-22T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'portcullis-seed' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] },
];
