import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Package } from '../model/package.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { MemoryLookup } from '../vulndb/memory.js';
import type { OsvRecord } from '../vulndb/osv.js';
import { readJsonEntries } from '../vulndb/zip.js';
import { matchPackages } from './matcher.js';
import { decideSeverity, scoreVector } from './severity.js';

function pkg(type: Package['type'], name: string, version: string, extra: Partial<Package> = {}): Package {
  return { id: `${type}:${name}@${version}`, type, name, version, purl: `pkg:${type}/${name}@${version}`, licenses: [], locations: [{ path: `/x/${name}` }], foundBy: 'test', ...extra };
}
const rec = (id: string, extra: Partial<OsvRecord>, ecosystem = 'PyPI', name = 'demo'): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }],
  ...extra,
});
const lookup = (records: OsvRecord[]) => new MemoryLookup([{ id: 'mem', kind: 'osv', records }]);

describe('matching semantics on synthetic records', () => {
  it('merges aliases into one finding under the CVE id, listing the others', () => {
    const db = lookup([
      rec('PYSEC-1', { aliases: ['CVE-2024-1', 'GHSA-aaaa'], references: [{ type: 'WEB', url: 'https://a' }], published: '2024-02-01T00:00:00Z' }),
      rec('GHSA-aaaa', { aliases: ['CVE-2024-1'], references: [{ type: 'WEB', url: 'https://b' }], published: '2024-01-15T00:00:00Z', summary: 'demo bug' }),
      rec('PYSEC-2', { aliases: ['CVE-2024-2'] }),
    ]);
    const { findings } = matchPackages(db, [pkg('python', 'Demo', '1.0')]);
    expect(findings.map((f) => [f.id, f.aliases])).toEqual([
      ['CVE-2024-1', ['GHSA-aaaa', 'PYSEC-1']],
      ['CVE-2024-2', ['PYSEC-2']],
    ]);
    expect(findings[0]).toMatchObject({ references: ['https://b', 'https://a'], published: '2024-01-15T00:00:00Z', summary: 'demo bug', fix: { state: 'fixed', versions: ['2.0'] } });
  });

  it('ignores withdrawn records, and packages owned by an OS package', () => {
    const db = lookup([rec('PYSEC-W', { withdrawn: '2024-01-02T00:00:00Z' }), rec('PYSEC-3', {})]);
    expect(matchPackages(db, [pkg('python', 'demo', '1.0')]).findings.map((f) => f.id)).toEqual(['PYSEC-3']);
    expect(matchPackages(db, [pkg('python', 'demo', '1.0', { ownedBy: 'deb:python3-demo' })]).findings).toEqual([]);
  });

  it('fix states: fixed, not fixed (no fixed event), won\'t fix (the data says so)', () => {
    const open = { affected: [{ package: { ecosystem: 'Debian:12', name: 'src' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] };
    const wont = { affected: [{ package: { ecosystem: 'Debian:12', name: 'src' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], ecosystem_specific: { urgency: 'unimportant' } }] };
    const db = lookup([rec('DEB-1', open), rec('DEB-2', wont)]);
    const { findings } = matchPackages(db, [pkg('deb', 'libsrc1', '1.0-1', { source: { name: 'src', version: '1.0-1' } })], { distro: { id: 'debian', versionId: '12' } });
    expect(findings.map((f) => [f.id, f.fix.state, f.severity])).toEqual([
      ['DEB-1', 'not-fixed', 'Unknown'],
      ['DEB-2', 'wont-fix', 'Negligible'],
    ]);
    expect(findings[0]!.matchedBy).toBe('distro:Debian:12 via source src: DEB-1 ECOSYSTEM [0, ∞)');
  });

  it('OS packages without a known distro release are unknowns, not silently clean', () => {
    const r = matchPackages(lookup([]), [pkg('deb', 'bash', '5.2')], {});
    expect(r.unknowns).toHaveLength(1);
    expect(r.unknowns[0]!.reason).toMatch(/distro release is unknown/);
  });

  it('an installed version its scheme cannot read is an unknown', () => {
    const r = matchPackages(lookup([]), [pkg('go-module', 'example.com/m', 'vnot-a-version')]);
    expect(r.unknowns[0]!.reason).toMatch(/not a valid semver version/);
  });

  it('severity precedence: the newest CVSS version decides, then the source rating, then Unknown', () => {
    const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    const v2 = 'AV:N/AC:L/Au:N/C:P/I:P/A:P';
    const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N';
    expect(scoreVector(v31)).toEqual({ version: '3.1', vector: v31, baseScore: 9.8 });
    expect(scoreVector(v2)).toEqual({ version: '2.0', vector: v2, baseScore: 7.5 });
    expect(scoreVector('CVSS:3.1/AV:N')).toBeUndefined();
    const c31 = scoreVector(v31)!;
    const c2 = scoreVector(v2)!;
    const c40 = scoreVector(v40)!;
    expect(decideSeverity([c2, c31], ['Low'])).toBe('Critical');
    expect(decideSeverity([c2], ['Critical'])).toBe('High');
    expect(c40.baseScore).toBeLessThan(7);
    expect(decideSeverity([c31, c40], [])).toBe(decideSeverity([c40], []));
    expect(decideSeverity([], ['Medium', 'High'])).toBe('High');
    expect(decideSeverity([], [])).toBe('Unknown');
    const db = lookup([rec('GHSA-x', { severity: [{ type: 'CVSS_V3', score: v31 }], database_specific: { severity: 'LOW' } }), rec('GHSA-y', { database_specific: { severity: 'MODERATE' } })]);
    const f = matchPackages(db, [pkg('python', 'demo', '1.0')]).findings;
    expect(f.map((x) => [x.id, x.severity, x.cvss.map((c) => c.baseScore)])).toEqual([
      // GitHub's label wins over a vector that disagrees with it, as github.com shows it.
      ['GHSA-x', 'Low', [9.8]],
      ['GHSA-y', 'Medium', []],
    ]);
  });
});

describeShared('synthetic PyPI and Go packages against the real records', () => {
  let db: MemoryLookup;
  let byId: Map<string, OsvRecord>;
  beforeAll(() => {
    const records = ['PyPI', 'Go'].flatMap((e) => readJsonEntries(readFileSync(sharedPath('vulndata/osv', e, 'all.zip')), e).map((x) => JSON.parse(x.text) as OsvRecord));
    byId = new Map(records.map((r) => [r.id, r]));
    db = lookup(records);
  });
  const ids = (p: Package): string[] => matchPackages(db, [p]).findings.flatMap((f) => [f.id, ...f.aliases]);

  it('PYSEC-2021-76 (aiohttp, fixed 3.7.4): inside and outside, with a non-canonical name', () => {
    expect(ids(pkg('python', 'aiohttp', '3.7.3'))).toContain('PYSEC-2021-76');
    expect(ids(pkg('python', 'AioHTTP', '3.7.3'))).toContain('PYSEC-2021-76');
    expect(ids(pkg('python', 'aiohttp', '3.7.4'))).not.toContain('PYSEC-2021-76');
    expect(ids(pkg('python', 'aiohttp', '3.7.4.post0'))).not.toContain('PYSEC-2021-76');
  });

  it('the PyPI last_affected record: affected up to and including it, not after', () => {
    const r = [...byId.values()].find((x) => x.id.startsWith('PYSEC') && x.affected?.some((a) => a.ranges?.some((g) => g.events.some((e) => e.last_affected))))!;
    const a = r.affected!.find((x) => x.ranges?.some((g) => g.events.some((e) => e.last_affected)))!;
    const last = a.ranges!.flatMap((g) => g.events).find((e) => e.last_affected)!.last_affected!;
    const name = a.package!.name;
    expect(ids(pkg('python', name, last))).toContain(r.id);
    const after = `${last}.post1`;
    expect(ids(pkg('python', name, after))).not.toContain(r.id);
  });

  it('GO-2022-0969 (stdlib, multi-range: fixed 1.18.6 and 1.19.1)', () => {
    const r = byId.get('GO-2022-0969')!;
    const events = r.affected![0]!.ranges![0]!.events;
    expect(events).toEqual(expect.arrayContaining([{ fixed: '1.18.6' }, { fixed: '1.19.1' }]));
    const at = (v: string) => ids(pkg('go-module', 'stdlib', v)).includes('GO-2022-0969');
    expect(['go1.18.5', 'go1.18.6', 'go1.19.0', 'go1.19.1', 'go1.20.0'].map(at)).toEqual([true, false, true, false, false]);
    const f = matchPackages(db, [pkg('go-module', 'stdlib', 'go1.19.0')]).findings.find((x) => x.aliases.includes('GO-2022-0969'))!;
    expect(f).toMatchObject({ id: 'CVE-2022-27664', fix: { state: 'fixed', versions: ['1.19.1'] }, dataSource: 'osv:Go' });
    expect(f.matchedBy).toBe('ecosystem:Go at 1.19.0: GO-2022-0969 SEMVER [1.19.0-0, 1.19.1)');
  });

  it('Go modules are matched by module path with their v-prefixed versions', () => {
    const r = [...byId.values()].find((x) => x.affected?.some((a) => a.package?.name === 'golang.org/x/text'))!;
    const a = r.affected!.find((x) => x.package?.name === 'golang.org/x/text')!;
    const fixed = a.ranges![0]!.events.find((e) => e.fixed)!.fixed!;
    expect(ids(pkg('go-module', 'golang.org/x/text', 'v0.0.1'))).toContain(r.id);
    expect(ids(pkg('go-module', 'golang.org/x/text', `v${fixed}`))).not.toContain(r.id);
  });
});

describe('architecture-scoped entries (Oracle per-arch ELSA fixes)', () => {
  it('an entry scoped to aarch64 does not apply to an x86_64 package, and applies to an aarch64 one', () => {
    const record = {
      id: 'ELSA-2099-0001',
      modified: '2099-01-01T00:00:00Z',
      affected: [
        { package: { ecosystem: 'Oracle Linux:8', name: 'rsyslog' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:8.2102.0-15.el8' }] }], ecosystem_specific: { arch: ['aarch64'] } },
        { package: { ecosystem: 'Oracle Linux:8', name: 'rsyslog' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:8.2102.0-10.el8' }] }], ecosystem_specific: { arch: ['x86_64'] } },
      ],
    };
    const db = new MemoryLookup([{ id: 'oracle', kind: 'native', records: [record] }]);
    const rpm = (arch: string) => ({ id: `rpm:rsyslog@${arch}`, type: 'rpm' as const, name: 'rsyslog', version: '8.2102.0-12.el8', arch, purl: 'pkg:rpm/ol/rsyslog', licenses: [], locations: [], foundBy: 'test', metadata: { epoch: 0 } });
    const distro = { id: 'ol', versionId: '8.9' };
    expect(matchPackages(db, [rpm('x86_64')], { distro }).findings).toEqual([]);
    expect(matchPackages(db, [rpm('aarch64')], { distro }).findings.map((f) => f.fix.versions)).toEqual([['0:8.2102.0-15.el8']]);
  });
});
