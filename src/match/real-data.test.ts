import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../common/logger.js';
import type { Finding } from '../model/finding.js';
import type { Distro, Package } from '../model/package.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { getScheme } from '../version/list.js';
import type { VersionScheme } from '../version/scheme.js';
import type { OsvEvent, OsvRecord } from '../vulndb/osv.js';
import { VulnerabilityDatabase } from '../vulndb/store.js';
import { updateDatabase } from '../vulndb/update.js';
import { readJsonEntries } from '../vulndb/zip.js';
import { matchPackages } from './matcher.js';

const apk = getScheme('apk');

function pkg(type: Package['type'], name: string, version: string, extra: Partial<Package> = {}): Package {
  return { id: `${type}:${name}@${version}`, type, name, version, purl: `pkg:${type}/${name}@${version}`, licenses: [], locations: [], foundBy: 'test', ...extra };
}

/** The OSV spec's own evaluation (sort the events, walk them), written apart from the matcher's intervals. */
function specAffected(version: string, record: OsvRecord, ecosystem: string, name: string, scheme: VersionScheme, norm = (n: string) => n): boolean {
  for (const a of record.affected ?? []) {
    if (a.package?.ecosystem !== ecosystem || norm(a.package.name) !== norm(name)) continue;
    if (a.versions?.includes(version)) return true;
    for (const r of a.ranges ?? []) {
      if (r.type === 'GIT') continue;
      const key = (e: OsvEvent): string => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
      const events = r.events.filter((e) => e.limit === undefined);
      events.sort((x, y) => (x.introduced === '0' ? -1 : y.introduced === '0' ? 1 : scheme.compare(key(x), key(y))));
      let vulnerable = false;
      for (const e of events) {
        if (e.introduced !== undefined && (e.introduced === '0' || scheme.compare(e.introduced, version) <= 0)) vulnerable = true;
        else if (e.fixed !== undefined && scheme.compare(e.fixed, version) <= 0) vulnerable = false;
        else if (e.last_affected !== undefined && scheme.compare(e.last_affected, version) < 0) vulnerable = false;
      }
      if (vulnerable) return true;
    }
  }
  return false;
}

function idsOf(f: Finding): Set<string> {
  return new Set([f.id, ...f.aliases]);
}

describeShared('matching with the real shared data', () => {
  let cacheDir: string;
  let db: VulnerabilityDatabase;
  let secdbDb: VulnerabilityDatabase;
  let secdbCache: string;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'portcullis-match-'));
    await updateDatabase({
      cacheDir,
      logger: silentLogger,
      requests: ['npm', 'PyPI', 'Debian', 'Alpine'].map((e) => ({ provider: 'osv-local', options: { path: sharedPath('vulndata/osv', e) } })),
    });
    db = VulnerabilityDatabase.open(cacheDir);
    secdbCache = mkdtempSync(join(tmpdir(), 'portcullis-secdb-'));
    await updateDatabase({ cacheDir: secdbCache, logger: silentLogger, requests: [{ provider: 'alpine-secdb', options: { path: sharedPath('vulndata/alpine-secdb/v3.9') } }] });
    secdbDb = VulnerabilityDatabase.open(secdbCache);
  }, 120_000);

  afterAll(() => {
    db?.close();
    secdbDb?.close();
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(secdbCache, { recursive: true, force: true });
  });

  // --- Alpine 3.9 ---------------------------------------------------------------------------------------------
  const alpineDistro: Distro = { id: 'alpine', versionId: '3.9.6' };
  const alpinePackages = (): Package[] =>
    readFileSync(sharedPath('fixtures/rootfs/alpine/ground-truth/alpine-minirootfs-3.9.6-x86_64.apk.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([name, version, origin]) => pkg('apk', name!, version!, { source: { name: origin!, version: version! } }));

  /** Straight from the raw secdb YAML: (package, CVE) pairs whose fixed version is above the installed version. */
  function expectedFromSecdb(packages: Package[]): Set<string> {
    const fixes = new Map<string, { fixed: string; ids: string[] }[]>();
    for (const repo of ['main', 'community']) {
      const doc = loadYaml(readFileSync(sharedPath(`vulndata/alpine-secdb/v3.9/${repo}.yaml`), 'utf8'), { schema: FAILSAFE_SCHEMA }) as {
        packages: { pkg: { name: string; secfixes?: Record<string, string[]> } }[];
      };
      for (const { pkg: p } of doc.packages) {
        const list = fixes.get(p.name) ?? [];
        for (const [fixed, ids] of Object.entries(p.secfixes ?? {})) list.push({ fixed, ids });
        fixes.set(p.name, list);
      }
    }
    const out = new Set<string>();
    for (const p of packages) {
      for (const { fixed, ids } of fixes.get(p.source!.name) ?? []) {
        if (fixed === '0' || apk.compare(p.version, fixed) >= 0) continue;
        for (const id of ids) for (const token of id.split(/\s+/)) if (/^CVE-\d{4}-\d{4,}$/.test(token)) out.add(`${p.name} ${token}`);
      }
    }
    return out;
  }

  it('the Alpine 3.9.6 rootfs against v3.9 secdb gives exactly the advisories fixed above the installed versions', () => {
    const packages = alpinePackages();
    expect(packages).toHaveLength(14);
    const expected = expectedFromSecdb(packages);
    for (const source of [secdbDb, db]) {
      const { findings, unknowns } = matchPackages(source, packages, { distro: alpineDistro });
      expect(unknowns).toEqual([]);
      expect(new Set(findings.map((f) => `${f.packageName} ${f.id}`))).toEqual(expected);
    }
    // 3.9.6 is the last 3.9 release: every fix in the v3.9 data is already installed.
    expect(expected.size).toBe(0);
  });

  it('the same packages at older versions get exactly the fixes above them, merged across secdb and OSV', () => {
    const older: Record<string, string> = { musl: '1.1.20-r4', 'musl-utils': '1.1.20-r4', busybox: '1.29.3-r9', 'libcrypto1.1': '1.1.1a-r1', 'libssl1.1': '1.1.1c-r0' };
    const packages = alpinePackages().map((p) => (older[p.name] ? { ...p, version: older[p.name]!, source: { name: p.source!.name, version: older[p.name]! } } : p));
    const expected = expectedFromSecdb(packages);
    expect(expected).toContain('musl CVE-2019-14697');
    expect(expected).toContain('libssl1.1 CVE-2019-1549');
    expect(expected).toContain('busybox CVE-2019-5747');
    expect(expected).not.toContain('libssl1.1 CVE-2019-1543');
    const { findings } = matchPackages(secdbDb, packages, { distro: alpineDistro });
    expect(new Set(findings.map((f) => `${f.packageName} ${f.id}`))).toEqual(expected);
    const musl = findings.find((f) => f.packageName === 'musl')!;
    expect(musl).toMatchObject({ id: 'CVE-2019-14697', aliases: ['ALPINE-CVE-2019-14697'], fix: { state: 'fixed', versions: ['1.1.20-r5'] }, dataSource: 'alpine-secdb' });
    expect(musl.matchedBy).toContain('distro:Alpine:v3.9 via musl');
    // The OSV conversion of the same secdb gives the same set, except the versions osv.dev refuses (none here).
    const viaOsv = matchPackages(db, packages, { distro: alpineDistro }).findings;
    expect(new Set(viaOsv.map((f) => `${f.packageName} ${f.id}`))).toEqual(expected);
  });

  // --- The Debian app image --------------------------------------------------------------------------------------
  const gt = (file: string): string[][] =>
    readFileSync(sharedPath('fixtures/images/ground-truth', file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
  const debianDistro: Distro = { id: 'debian', versionId: '12', versionCodename: 'bookworm' };
  const debs = (): Package[] => gt('app.dpkg.tsv').map(([name, version, arch, source, sourceVersion]) => pkg('deb', name!, version!, { arch: arch!, source: { name: source!, version: sourceVersion! } }));
  const npms = (): Package[] =>
    gt('app.npm-installed.tsv').map(([path, spec]) => {
      const at = spec!.lastIndexOf('@');
      return pkg('npm', spec!.slice(0, at), spec!.slice(at + 1), { locations: [{ path: `${path}/package.json` }] });
    });
  const pythons = (): Package[] =>
    gt('app.python.tsv').map(([prefix, name, version, path]) =>
      pkg('python', name!, version!, { locations: [{ path: path! }], ...(prefix === '/usr' ? { ownedBy: `deb:python3-${name!.toLowerCase()}` } : {}) }),
    );

  function rawRecords(ecosystem: string): OsvRecord[] {
    return readJsonEntries(readFileSync(sharedPath('vulndata/osv', ecosystem, 'all.zip')), ecosystem).map((e) => JSON.parse(e.text) as OsvRecord);
  }

  /** Per package: the raw record ids that affect it by the spec's evaluation; and checks the findings cover exactly those. */
  function checkAgainstRaw(findings: Finding[], packages: Package[], records: OsvRecord[], ecosystem: string, scheme: VersionScheme, norm?: (n: string) => string): number {
    let total = 0;
    for (const p of packages) {
      const expected = records.filter((r) => !r.withdrawn && specAffected(p.version, r, ecosystem, p.name, scheme, norm)).map((r) => r.id);
      const mine = findings.filter((f) => f.packageId === p.id);
      for (const id of expected) expect(mine.filter((f) => idsOf(f).has(id)), `${p.name}@${p.version} ${id}`).toHaveLength(1);
      for (const f of mine) expect(expected.some((id) => idsOf(f).has(id)), `${p.name}@${p.version} ${f.id} is not in the raw data`).toBe(true);
      total += expected.length;
    }
    return total;
  }

  it('npm: the installed packages get exactly the raw records that cover them; lodash 4.17.15 is gone, so ECO-516 is not reported', () => {
    const packages = npms();
    expect(packages).toHaveLength(54);
    const { findings } = matchPackages(db, packages, { distro: debianDistro });
    const npmRecords = rawRecords('npm');
    const total = checkAgainstRaw(findings, packages, npmRecords, 'npm', getScheme('semver'));
    // The security-wg data ends in 2020 and the app's versions are past its ranges.
    expect(total).toBe(0);
    expect(findings).toEqual([]);
    // Older versions of the same packages: the same independent check, with findings this time.
    const older = [pkg('npm', 'lodash', '4.17.4'), pkg('npm', 'express', '4.4.0'), pkg('npm', 'serve-static', '1.7.1'), pkg('npm', 'send', '0.11.0'), pkg('npm', 'ms', '0.7.0')];
    const olderFindings = matchPackages(db, older).findings;
    expect(checkAgainstRaw(olderFindings, older, npmRecords, 'npm', getScheme('semver'))).toBe(6);
    expect(olderFindings.find((f) => f.packageName === 'lodash' && f.id === 'CVE-2018-3721')).toMatchObject({
      aliases: ['x_NSWG-ECO-368'],
      fix: { state: 'fixed', versions: ['4.17.5'] },
      dataSource: 'osv:npm',
    });
    const lodash = packages.find((p) => p.name === 'lodash')!;
    expect(lodash.version).toBe('4.17.21');
    const eco516 = npmRecords.find((r) => r.id === 'x_NSWG-ECO-516')!;
    expect(specAffected('4.17.15', eco516, 'npm', 'lodash', getScheme('semver'))).toBe(true);
    expect(findings.filter((f) => f.packageName === 'lodash')).toEqual([]);
    // The overwritten 4.17.15 would have matched: the trap is real.
    expect(matchPackages(db, [pkg('npm', 'lodash', '4.17.15')]).findings.map((f) => f.aliases.concat(f.id))).toContainEqual(expect.arrayContaining(['x_NSWG-ECO-516']));
    for (const f of olderFindings) expect(f.matchedBy).toMatch(/^ecosystem:npm: x_NSWG-ECO-\d+ SEMVER \[/);
  });

  it('PyPI: dpkg-owned Python packages are not matched against PyPI, the venv pip is', () => {
    const packages = pythons();
    const { findings } = matchPackages(db, packages, { distro: debianDistro });
    const owned = packages.filter((p) => p.ownedBy);
    expect(owned).toHaveLength(8);
    expect(findings.filter((f) => owned.some((p) => p.id === f.packageId))).toEqual([]);
    const pep503 = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');
    const pypi = rawRecords('PyPI');
    const venv = packages.filter((p) => !p.ownedBy);
    const total = checkAgainstRaw(findings, venv, pypi, 'PyPI', getScheme('pep440'), pep503);
    expect(findings.filter((f) => f.packageName === 'pip').length).toBeGreaterThan(0);
    expect(findings).toHaveLength(total); // PyPI records here are one per vulnerability: no merging needed
    // The trap is real: the owned packages would match if they were not owned (requests 2.28.1 has fixes upstream).
    const unowned = owned.map((p) => ({ ...p, ownedBy: undefined }) as Package);
    expect(matchPackages(db, unowned).findings.some((f) => f.packageName === 'requests')).toBe(true);
  });

  it('Debian: the packages are matched by source name on Debian:12; the 2023-04 data has no Debian 12 advisories', () => {
    const packages = debs();
    expect(packages).toHaveLength(137);
    const { findings, unknowns } = matchPackages(db, packages, { distro: debianDistro });
    expect(unknowns).toEqual([]);
    const debian = rawRecords('Debian');
    const dpkg = getScheme('dpkg');
    let expected = 0;
    for (const p of packages) for (const r of debian) if (specAffected(p.source!.version!, r, 'Debian:12', p.source!.name, dpkg)) expected++;
    expect(findings).toHaveLength(expected);
    expect(expected).toBe(0);
    // The same packages on Debian 11 meet the bullseye advisories, by source name and source version.
    const on11 = matchPackages(db, packages, { distro: { id: 'debian', versionId: '11' } }).findings;
    let expected11 = 0;
    for (const p of packages) for (const r of debian) if (specAffected(p.source!.version!, r, 'Debian:11', p.source!.name, dpkg)) expected11++;
    expect(expected11).toBe(0); // bookworm versions are above every bullseye fix
    expect(on11).toHaveLength(0);
  });

  it('Debian: an older openssl on Debian 11 gets DSA-4963-1, with its CVEs listed', () => {
    const openssl = pkg('deb', 'libssl1.1', '1.1.1k-1', { source: { name: 'openssl', version: '1.1.1k-1' } });
    const { findings } = matchPackages(db, [openssl], { distro: { id: 'debian', versionId: '11.6' } });
    const dsa = findings.find((f) => f.id === 'DSA-4963-1')!;
    expect(dsa).toBeDefined();
    expect(dsa.aliases).toEqual(expect.arrayContaining(['CVE-2021-3711', 'CVE-2021-3712']));
    expect(dsa.fix).toEqual({ state: 'fixed', versions: ['1.1.1k-1+deb11u1'] });
    expect(dsa.matchedBy).toContain('distro:Debian:11 via source openssl');
    expect(dsa.dataSource).toBe('osv:Debian');
  });
});
