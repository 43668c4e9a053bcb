import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { OsvAffected } from '../osv.js';
import type { SourceBatch } from '../provider.js';
import { rhelProvider } from '../providers/rhel.js';
import { convertRhelCve, redHatEcosystem } from './rhel-security-data.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'rhel', ...p);
const ctx = { logger: silentLogger, previous: new Map(), now: () => new Date('2026-01-01T00:00:00Z') };
/** Red Hat's threat severity ↔ vunnel's Severity. */
const VUNNEL_SEVERITY: Record<string, string> = { Critical: 'Critical', Important: 'High', Moderate: 'Medium', Low: 'Low' };

interface Vuln {
  Name: string;
  Severity: string;
  CVSS: { vector_string: string; version: string }[];
  FixedIn: { Name: string; Version: string; Module?: string | null; VendorAdvisory?: { NoAdvisory?: boolean; AdvisorySummary?: { ID: string }[] } }[];
}

const eventsOf = (a: OsvAffected): unknown => a.ranges?.[0]?.events;

describeShared('rhel security data against vunnel snapshots', () => {
  it('every snapshot (rhel:5..9, 8.6+eus, 9.0+eus): each FixedIn is an affected entry, same fix or fix state, same severity', async () => {
    const [batch] = (await rhelProvider.fetch({ path: FIX('oval', 'input', 'cve', 'full') }, ctx)) as [SourceBatch & { notModified: false }];
    expect(batch.records).toHaveLength(20);
    const counts: Record<string, number> = {};
    for (const stream of readdirSync(FIX('snapshots'))) {
      const ecosystem = `Red Hat:${stream.replace(/^rhel:/, '')}`;
      const dir = FIX('snapshots', stream);
      counts[stream] = 0;
      for (const f of readdirSync(dir)) {
        const v = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { item: { Vulnerability: Vuln } }).item.Vulnerability;
        const r = batch.records.find((x) => x.id === v.Name)!;
        expect(r, v.Name).toBeDefined();
        expect(VUNNEL_SEVERITY[r.database_specific?.severity as string] ?? 'Unknown', v.Name).toBe(v.Severity);
        const v3 = v.CVSS.find((c) => c.version.startsWith('3'));
        if (v3) expect(r.severity).toEqual([{ type: 'CVSS_V3', score: v3.vector_string }]);
        for (const fi of v.FixedIn) {
          const entries = r.affected!.filter(
            (a) => a.package?.ecosystem === ecosystem && a.package.name === fi.Name && (a.ecosystem_specific?.module ?? null) === (fi.Module || null),
          );
          const what = `${stream} ${v.Name} ${fi.Name} ${fi.Version}`;
          if (fi.Version === '0') expect(entries, what).toEqual([]); // not affected
          else if (fi.Version === 'None') {
            expect(entries.map(eventsOf), what).toEqual([[{ introduced: '0' }]]);
            expect(['wont-fix', 'not-fixed']).toContain(entries[0]!.database_specific?.fix_state);
          } else {
            expect(entries.map(eventsOf), what).toContainEqual([{ introduced: '0' }, { fixed: fi.Version }]);
            const ids = fi.VendorAdvisory?.AdvisorySummary?.map((a) => a.ID) ?? [];
            if (ids.length > 0) expect(ids).toContain(entries.find((e) => (eventsOf(e) as { fixed?: string }[])[1]?.fixed === fi.Version)!.database_specific?.advisory);
          }
          counts[stream]++;
        }
      }
    }
    expect(counts).toMatchObject({ 'rhel:8.6+eus': 9, 'rhel:9.0+eus': 9 });
    const webp = batch.records.find((r) => r.id === 'CVE-2023-4863')!;
    expect(webp.affected!.filter((a) => a.package!.ecosystem === 'Red Hat:6')).toEqual([
      { package: { ecosystem: 'Red Hat:6', name: 'firefox' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], database_specific: { fix_state: 'wont-fix', red_hat_state: 'Out of support scope' } },
    ]);
    // every record's ecosystems are contract ones
    for (const r of batch.records) for (const a of r.affected!) expect(a.package!.ecosystem).toMatch(/^Red Hat:\d+(\.\d+\+eus)?$/);
    expect(webp.modified).toBe('2023-09-20T00:00:00.000Z');
  });
});

describe('rhel security data bad input', () => {
  it('malformed JSON, a non-CVE document: one skip each', () => {
    expect(convertRhelCve('{"name": "CVE-', 'a').skipped[0]!.reason).toMatch(/^unreadable JSON/);
    expect(convertRhelCve('{"name": "RHSA-2023:1"}', 'b')).toEqual({ records: [], skipped: [{ where: 'b', reason: 'not a Red Hat CVE document (no CVE "name")' }] });
  });
  it('a package without a version is skipped; the rest is kept', () => {
    const doc = {
      name: 'CVE-2024-0001',
      threat_severity: 'Moderate',
      public_date: '2024-01-02T00:00:00Z',
      affected_release: [
        { cpe: 'cpe:/o:redhat:enterprise_linux:9', advisory: 'RHSA-2024:1', release_date: '2024-02-01T00:00:00Z', package: 'zlib' },
        { cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream', advisory: 'RHSA-2024:2', release_date: '2024-02-03T00:00:00Z', package: 'curl-0:7.76.1-26.el9_3.2' },
      ],
      package_state: [{ cpe: 'cpe:/o:redhat:enterprise_linux:8', package_name: 'curl', fix_state: 'Affected' }],
    };
    const out = convertRhelCve(JSON.stringify(doc), 'c');
    expect(out.skipped.map((s) => s.reason)).toEqual(['CVE-2024-0001: Red Hat:9: "zlib" is not a package name-version (advisory RHSA-2024:1)']);
    expect(out.records[0]!.affected!.map((a) => [a.package!.ecosystem, a.package!.name, eventsOf(a), a.database_specific?.fix_state])).toEqual([
      ['Red Hat:9', 'curl', [{ introduced: '0' }, { fixed: '0:7.76.1-26.el9_3.2' }], undefined],
      ['Red Hat:8', 'curl', [{ introduced: '0' }], 'not-fixed'],
    ]);
    expect(out.records[0]!.modified).toBe('2024-02-03T00:00:00.000Z');
  });
  it('streams: main and EUS only', () => {
    expect(['cpe:/o:redhat:enterprise_linux:7', 'cpe:/a:redhat:rhel_eus:8.6', 'cpe:/a:redhat:rhel_aus:8.2', 'cpe:/a:redhat:rhel_extras:6'].map(redHatEcosystem)).toEqual([
      'Red Hat:7',
      'Red Hat:8.6+eus',
      undefined,
      undefined,
    ]);
  });
});
