import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { OsvRecord } from '../osv.js';
import type { SourceBatch } from '../provider.js';
import { photonProvider } from '../providers/photon.js';
import { convertPhoton } from './photon.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'photon', ...p);
const ctx = { logger: silentLogger, previous: new Map(), now: () => new Date('2026-01-01T00:00:00Z') };
/** The vendor's word (wiki) or the score band ↔ vunnel's Severity. */
const VUNNEL_SEVERITY: Record<string, string> = { Critical: 'Critical', Important: 'High', High: 'High', Moderate: 'Medium', Medium: 'Medium', Low: 'Low' };

interface Vuln {
  Name: string;
  Severity: string;
  FixedIn: { Name: string; Version: string; VendorAdvisory?: { AdvisorySummary: { ID: string; Link: string }[] } }[];
}

describeShared('photon against vunnel snapshots', () => {
  it('every snapshot: each FixedIn is an affected entry of Photon OS:<X.0>, same fix, same severity, same advisory', async () => {
    const batches = (await photonProvider.fetch({ path: FIX('input') }, ctx)) as (SourceBatch & { notModified: false })[];
    expect(batches.map((b) => b.id.split(':').slice(0, 2).join(':'))).toEqual(['photon:1.0', 'photon:4.0']);
    const counts: Record<string, number> = {};
    for (const release of ['1.0', '4.0']) {
      const batch = batches.find((b) => b.id.startsWith(`photon:${release}:`))!;
      counts[release] = batch.records.length;
      const dir = FIX('snapshots', `photon:${release}`);
      for (const f of readdirSync(dir)) {
        const v = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { item: { Vulnerability: Vuln } }).item.Vulnerability;
        const r = batch.records.find((x) => x.id === v.Name) as OsvRecord;
        expect(r, v.Name).toBeDefined();
        const sev = r.database_specific?.severity as string | undefined;
        expect(sev ? VUNNEL_SEVERITY[sev] : 'Unknown', v.Name).toBe(v.Severity);
        for (const fi of v.FixedIn) {
          const a = r.affected!.find((x) => x.package?.name === fi.Name && x.package.ecosystem === `Photon OS:${release}`)!;
          expect(a, `${v.Name} ${fi.Name}`).toBeDefined();
          const events = a.ranges![0]!.events;
          if (fi.Version === 'None') {
            expect(events).toEqual([{ introduced: '0' }]);
            expect(a.database_specific?.fix_state).toBe('not-fixed');
          } else expect(events).toEqual([{ introduced: '0' }, { fixed: fi.Version }]);
          for (const adv of fi.VendorAdvisory?.AdvisorySummary ?? []) {
            expect(a.database_specific?.advisories).toContain(adv.ID);
            expect(r.references?.map((x) => x.url)).toContain(adv.Link);
          }
        }
      }
    }
    expect(counts).toEqual({ '1.0': 2, '4.0': 4 });
    const b4 = batches[1]!;
    // BDSA ids are not CVEs: skipped with the reason; "Not Affected" httpd is no entry
    expect(b4.skipped).toEqual([{ where: expect.stringContaining('cve_data_photon4.0.json[6]') as string, reason: '"BDSA-2025-0719" is not a CVE id' }]);
    const r44487 = b4.records.find((r) => r.id === 'CVE-2023-44487')!;
    expect(r44487.affected!.map((a) => a.package!.name)).toEqual(['nghttp2']);
    expect(r44487.modified).toBe('2023-10-15T00:00:00Z');
    expect(r44487.database_specific?.severity).toBe('Important');
  });
});

describe('photon bad input', () => {
  const opts = { release: '4.0', inputDate: '2024-01-01T00:00:00.000Z' };
  it('malformed JSON is one skip', () => {
    expect(convertPhoton('[{"cve_id":', 'x.json', opts)).toEqual({ records: [], skipped: [{ where: 'x.json', reason: expect.stringMatching(/^unreadable JSON/) as string }] });
  });
  it('an entry without a package, or with a bad version, is skipped; the rest is kept', () => {
    const text = JSON.stringify([
      { cve_id: 'CVE-2024-0001', cve_score: 5, res_ver: '1.0-1.ph4', status: 'Fixed' },
      { cve_id: 'CVE-2024-0002', pkg: 'zlib', cve_score: 5, res_ver: 'one point two', status: 'Fixed' },
      { cve_id: 'CVE-2024-0003', pkg: 'zlib', cve_score: 9.1, res_ver: '1.3-2.ph4', status: 'Fixed' },
      42,
    ]);
    const out = convertPhoton(text, 'x.json', opts);
    expect(out.records.map((r) => [r.id, r.modified, r.database_specific?.severity])).toEqual([['CVE-2024-0003', '2024-01-01T00:00:00.000Z', 'Critical']]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['CVE-2024-0001: no package name', 'CVE-2024-0002 zlib: "one point two" is not an rpm version', 'not an object']);
  });
});
