import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import type { Cvss } from '../model/finding.js';
import type { Package } from '../model/package.js';
import { MemoryEnrichment, type NvdEntry } from '../vulndb/enrichment.js';
import { MemoryLookup } from '../vulndb/memory.js';
import type { OsvRecord } from '../vulndb/osv.js';
import { readJsonEntries } from '../vulndb/zip.js';
import { matchPackages } from './matcher.js';
import { bestNvdCvss, decideFindingSeverity, scoreVector } from './severity.js';

const V31_CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V31_MED = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N';
const nvd = (vector: string, type: 'Primary' | 'Secondary' = 'Primary', source = 'nvd@nist.gov'): Cvss => ({ ...scoreVector(vector, source)!, type });

/** A tiny parse of a CVE API 2.0 item (the importer is src/vulndb/providers/nvd.ts; this keeps the test independent). */
function nvdEntry(cve: { metrics?: Record<string, { source: string; type: 'Primary' | 'Secondary'; cvssData: { vectorString: string } }[]> }): NvdEntry {
  const cvss: Cvss[] = [];
  for (const list of Object.values(cve.metrics ?? {})) for (const m of list) {
    const c = scoreVector(m.cvssData.vectorString, m.source);
    if (c) cvss.push({ ...c, type: m.type });
  }
  return { cvss };
}

function pkg(type: Package['type'], name: string, version: string, extra: Partial<Package> = {}): Package {
  return { id: `${type}:${name}@${version}`, type, name, version, purl: `pkg:${type}/${name}@${version}`, licenses: [], locations: [{ path: `/x/${name}` }], foundBy: 'test', ...extra };
}
const lookup = (records: OsvRecord[]) => new MemoryLookup([{ id: 'mem', kind: 'osv', records }]);

describe('decideFindingSeverity: the precedence rules', () => {
  const ratings = [{ severity: 'Low' as const, dataSource: 'osv:Ubuntu' }];
  it('OS packages: the distro rating, then NVD, then the record\'s CVSS', () => {
    expect(decideFindingSeverity({ packageType: 'deb', ratings, cvss: [scoreVector(V31_CRIT, 'osv:Ubuntu')!], nvdCvss: [nvd(V31_CRIT)] })).toEqual({ severity: 'Low', source: 'vendor:osv:Ubuntu' });
    expect(decideFindingSeverity({ packageType: 'rpm', ratings: [], cvss: [scoreVector(V31_MED, 'osv:Red Hat')!], nvdCvss: [nvd(V31_CRIT)] })).toEqual({ severity: 'Critical', source: 'nvd' });
    expect(decideFindingSeverity({ packageType: 'apk', ratings: [], cvss: [scoreVector(V31_MED, 'osv:Alpine')!], nvdCvss: [] })).toEqual({ severity: 'Medium', source: 'cvss:osv:Alpine' });
  });
  it('language packages: the advisory label, then the record\'s CVSS, then NVD', () => {
    const gh = [{ severity: 'Medium' as const, dataSource: 'osv:PyPI' }];
    expect(decideFindingSeverity({ packageType: 'python', ratings: gh, cvss: [scoreVector(V31_CRIT, 'osv:PyPI')!], nvdCvss: [] })).toEqual({ severity: 'Medium', source: 'vendor:osv:PyPI' });
    expect(decideFindingSeverity({ packageType: 'npm', ratings: [], cvss: [scoreVector(V31_MED, 'osv:npm')!], nvdCvss: [nvd(V31_CRIT)] })).toEqual({ severity: 'Medium', source: 'cvss:osv:npm' });
    expect(decideFindingSeverity({ packageType: 'go-module', ratings: [], cvss: [], nvdCvss: [nvd(V31_CRIT)] })).toEqual({ severity: 'Critical', source: 'nvd' });
  });
  it('Unknown only when nothing rates it; the highest of several vendor ratings', () => {
    expect(decideFindingSeverity({ packageType: 'deb', ratings: [], cvss: [], nvdCvss: [] })).toEqual({ severity: 'Unknown', source: 'none' });
    expect(decideFindingSeverity({ packageType: 'deb', ratings: [{ severity: 'Low', dataSource: 'a' }, { severity: 'High', dataSource: 'b' }], cvss: [], nvdCvss: [] })).toEqual({ severity: 'High', source: 'vendor:b' });
  });
  it('NVD: Primary before Secondary, then the newest CVSS version, then the highest score', () => {
    const secondary = nvd(V31_CRIT, 'Secondary', 'cna@example.org');
    const primaryV2 = nvd('AV:N/AC:M/Au:N/C:N/I:P/A:N');
    const primaryV31 = nvd(V31_MED);
    expect(bestNvdCvss([secondary, primaryV2, primaryV31])).toBe(primaryV31);
    expect(bestNvdCvss([secondary, primaryV2])).toBe(primaryV2);
    expect(bestNvdCvss([secondary])).toBe(secondary);
  });
});

describeShared('severity, NVD, KEV and EPSS on real records', () => {
  let nvdPage: NvdEntry;
  beforeAll(() => {
    const page = JSON.parse(readFileSync(sharedPath('vulndata/vunnel-provider-fixtures/nvd/single-entry.json'), 'utf8')) as { vulnerabilities: { cve: { id: string } }[] };
    nvdPage = nvdEntry(page.vulnerabilities[0]!.cve as never);
  });

  it('vunnel nvd/single-entry.json (CVE-2022-1576: v3.1 6.5 and v2 4.3, both Primary): the newest version decides, Medium', () => {
    expect(nvdPage.cvss.map((c) => [c.version, c.baseScore, c.type])).toEqual([['3.1', 6.5, 'Primary'], ['2.0', 4.3, 'Primary']]);
    expect(decideFindingSeverity({ packageType: 'deb', ratings: [], cvss: [], nvdCvss: nvdPage.cvss })).toEqual({ severity: 'Medium', source: 'nvd' });
  });

  it('Alpine musl ALPINE-CVE-2019-14697 (no severity in the record): Unknown alone; with NVD 9.8 Critical via nvd, and KEV / EPSS joined through upstream', () => {
    const rec = JSON.parse(readFileSync(sharedPath('vulndata/osv/Alpine/ALPINE-CVE-2019-14697.json'), 'utf8')) as OsvRecord;
    expect(rec.severity ?? []).toEqual([]);
    const musl = [pkg('apk', 'musl', '1.1.18-r3', { source: { name: 'musl', version: '1.1.18-r3' } })];
    const distro = { id: 'alpine', versionId: '3.7.1' };
    const alone = matchPackages(lookup([rec]), musl, { distro }).findings;
    expect(alone.map((f) => [f.id, f.severity, f.severitySource, f.nvdCvss])).toEqual([['CVE-2019-14697', 'Unknown', 'none', []]]);
    const enrichment = new MemoryEnrichment([
      { id: 'CVE-2019-14697', nvd: { cvss: [nvd(V31_CRIT)] } },
      { id: 'cve-2019-14697', kev: { dateAdded: '2024-01-01' } },
      { id: 'CVE-2019-14697', epss: { score: 0.12, percentile: 0.9 } },
    ]);
    const [f] = matchPackages(lookup([rec]), musl, { distro, enrichment }).findings;
    expect(f).toMatchObject({ id: 'CVE-2019-14697', severity: 'Critical', severitySource: 'nvd', cvss: [], kev: { dateAdded: '2024-01-01' }, epss: { score: 0.12, percentile: 0.9 } });
    expect(f!.nvdCvss.map((c) => c.baseScore)).toEqual([9.8]);
    // The lookup's own `enrichment` method is used when no option is given (the database has one).
    const withMethod = Object.assign(lookup([rec]), { enrichment: (id: string) => enrichment.enrichment(id) });
    expect(matchPackages(withMethod, musl, { distro }).findings[0]!.severitySource).toBe('nvd');
  });

  it('vunnel alma ALSA-2023:5259 ("Moderate: mariadb:10.3 …"): the summary rating wins over NVD, and NVD / EPSS join through `related`', () => {
    const rec = JSON.parse(readFileSync(sharedPath('vulndata/vunnel-provider-fixtures/alma/osv-database/advisories/almalinux8/ALSA-2023:5259.json'), 'utf8')) as OsvRecord;
    const enrichment = new MemoryEnrichment([
      { id: 'CVE-2022-32084', nvd: { cvss: [nvd(V31_CRIT)] }, epss: { score: 0.01, percentile: 0.5 } },
      { id: 'CVE-2022-32091', epss: { score: 0.03, percentile: 0.7 } },
    ]);
    const mariadb = [pkg('rpm', 'mariadb', '3:10.3.28-1.module_el8.3.0+2177+7adc332a', { source: { name: 'mariadb', version: '3:10.3.28-1.module_el8.3.0+2177+7adc332a' } })];
    const found = matchPackages(lookup([rec]), mariadb, { distro: { id: 'almalinux', versionId: '8.8' }, enrichment }).findings;
    const f = found.find((x) => x.id === 'ALSA-2023:5259' || x.aliases.includes('ALSA-2023:5259'))!;
    expect(f).toMatchObject({ severity: 'Medium', severitySource: 'vendor:osv:AlmaLinux', epss: { score: 0.03 } });
    expect(f.nvdCvss.map((c) => c.baseScore)).toEqual([9.8]);
  });

  it('a Debian DSA/DLA (no severity, one upstream CVE) + NVD → NVD decides', () => {
    const all = readJsonEntries(readFileSync(sharedPath('vulndata/osv/Debian/all.zip')), 'Debian').map((x) => JSON.parse(x.text) as OsvRecord);
    const rec = all.find((r) => !r.severity?.length && r.upstream?.length === 1 && r.affected?.some((a) => a.package?.ecosystem === 'Debian:11' && !a.ecosystem_specific && a.ranges?.[0]?.events.some((e) => e.fixed && /^[1-9]/.test(e.fixed))))!;
    expect(rec).toBeDefined();
    const a = rec.affected!.find((x) => x.package?.ecosystem === 'Debian:11')!;
    const cve = rec.upstream![0]!;
    const p = pkg('deb', a.package!.name, '0.0.1-1', { source: { name: a.package!.name, version: '0.0.1-1' } });
    const distro = { id: 'debian', versionId: '11' };
    expect(matchPackages(lookup([rec]), [p], { distro }).findings[0]).toMatchObject({ id: cve, severity: 'Unknown', severitySource: 'none' });
    const enrichment = new MemoryEnrichment([{ id: cve, nvd: { cvss: [nvd(V31_MED), nvd(V31_CRIT, 'Secondary', 'cna@example.org')] } }]);
    const [f] = matchPackages(lookup([rec]), [p], { distro, enrichment }).findings;
    expect(f).toMatchObject({ id: cve, severity: 'Medium', severitySource: 'nvd', cvss: [] });
    expect(f!.nvdCvss).toHaveLength(2);
  });

  it('vunnel github:npm GHSA-mh6f-8j2x-4483 (label Critical; its CVSS 4.0 vector scores lower): the label wins, as GitHub shows it', () => {
    const adv = (JSON.parse(readFileSync(sharedPath('vulndata/vunnel-provider-fixtures/github/snapshots/github:npm/ghsa-mh6f-8j2x-4483.json'), 'utf8')) as {
      item: { Advisory: { ghsaId: string; Severity: string; cvss_severities: { vector: string }[]; FixedIn: { name: string; identifier: string }[] } };
    }).item.Advisory;
    const fixedIn = adv.FixedIn.find((x) => x.name === 'event-stream')!;
    const rec: OsvRecord = {
      id: adv.ghsaId,
      modified: '2024-01-01T00:00:00Z',
      severity: adv.cvss_severities.map((c) => ({ type: c.vector.startsWith('CVSS:4.0') ? 'CVSS_V4' : 'CVSS_V3', score: c.vector })),
      database_specific: { severity: adv.Severity },
      affected: [{ package: { ecosystem: 'npm', name: 'event-stream' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: fixedIn.identifier }] }] }],
    };
    const v4 = scoreVector(adv.cvss_severities.find((c) => c.vector.startsWith('CVSS:4.0'))!.vector)!;
    expect(v4.baseScore).toBeLessThan(9);
    const [f] = matchPackages(lookup([rec]), [pkg('npm', 'event-stream', '3.3.6')]).findings;
    expect(f).toMatchObject({ id: 'GHSA-mh6f-8j2x-4483', severity: 'Critical', severitySource: 'vendor:osv:npm' });
    expect(f!.cvss.map((c) => c.version)).toEqual(['3.1', '4.0']);
    // Without the label, the record's own CVSS (newest version) decides.
    const [g] = matchPackages(lookup([{ ...rec, database_specific: {} }]), [pkg('npm', 'event-stream', '3.3.6')]).findings;
    expect(g).toMatchObject({ severitySource: 'cvss:osv:npm' });
  });
});
