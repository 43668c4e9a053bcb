import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../test/helpers/vulndb.js';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import type { Distro, Package } from '../model/index.js';
import { pkg } from '../policy/test-support.js';
import { writeDatabase } from '../vulndb/store.js';
import { dataGaps, vulnerabilityStage } from './vulnerabilities.js';

const DEBIAN: Distro = { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' };
const packages: Package[] = [pkg('curl', '7.88.1-10'), pkg('openssl', '3.0.11-1'), pkg('lodash', '4.17.21', { type: 'npm', purl: 'pkg:npm/lodash@4.17.21' })];
const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'portcullis-vstage-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const options = (cacheDir: string, offline = true) => ({ enabled: true, cacheDir, offline, maxAgeDays: 100_000, failOnStale: false, vex: [] });

describe('dataGaps: what could not be checked, never silent', () => {
  it('counts OS and language packages whose ecosystem has no records, by ecosystem', () => {
    const gaps = dataGaps(packages, DEBIAN, new Set(['debian:11']));
    expect(gaps).toEqual([
      { kind: 'no-distro-data', message: '2 package(s) not checked: the vulnerability database has no Debian:12 records', ecosystem: 'Debian:12', packages: 2 },
      { kind: 'no-ecosystem-data', message: '1 package(s) not checked: the vulnerability database has no npm records', ecosystem: 'npm', packages: 1 },
    ]);
  });

  it('is empty when every ecosystem is covered', () => {
    expect(dataGaps(packages, DEBIAN, new Set(['debian:12', 'npm']))).toEqual([]);
  });

  it('an unknown distro release is a gap for its OS packages', () => {
    const gaps = dataGaps(packages, { id: 'exotic-linux', versionId: '1', prettyName: 'Exotic 1' }, new Set(['npm']));
    expect(gaps).toEqual([{ kind: 'unknown-distro', message: '2 OS package(s) not checked: no vulnerability data source is known for Exotic 1 (exotic-linux 1)', packages: 2 }]);
  });

  it('no database at all: every checkable package is a gap; a failed source is said too', () => {
    expect(dataGaps(packages, DEBIAN, undefined, ['HTTP 503'])).toEqual([
      { kind: 'source-failed', message: 'a vulnerability data source failed: HTTP 503' },
      { kind: 'no-data', message: '3 package(s) not checked: there is no vulnerability database', packages: 3 },
    ]);
  });
});

describe('the vulnerability stage', () => {
  it('offline with no database is a configuration error that names --no-vulnerabilities', async () => {
    const cacheDir = tmp();
    const run = vulnerabilityStage.run({ packages, distro: DEBIAN, options: options(cacheDir), logger: createRecordingLogger(), now: new Date() });
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(/offline mode and no vulnerability database in .*--no-vulnerabilities/);
  });

  it('offline with an empty database is the same error', async () => {
    const cacheDir = tmp();
    writeDatabase(cacheDir, [{ id: 'osv-local:empty', provider: 'osv-local', kind: 'osv', location: 'x', fetchedAt: new Date().toISOString(), notModified: false, records: [], skipped: [] }]);
    await expect(vulnerabilityStage.run({ packages, distro: DEBIAN, options: options(cacheDir), logger: createRecordingLogger(), now: new Date() })).rejects.toThrow(/vulnerability database in .* is empty/);
  });

  it('a distro without data: one stderr line, the gap in the status, and the policy told', async () => {
    const cacheDir = tmp();
    seedDatabase(cacheDir, [{ id: 'GHSA-x', modified: '2026-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'other' } }] }]);
    const logger = createRecordingLogger();
    const out = await vulnerabilityStage.run({ packages, distro: DEBIAN, options: options(cacheDir), logger, now: new Date() });
    expect(out.policyStatus.distroDataAvailable).toBe(false);
    expect(out.status.gaps).toEqual([expect.objectContaining({ kind: 'no-distro-data', ecosystem: 'Debian:12', packages: 2 })]);
    const warnings = logger.lines.filter((l) => l.level === 'warning' && /not every package/.test(l.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('2 package(s) not checked: the vulnerability database has no Debian:12 records');
  });
});
