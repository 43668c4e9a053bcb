import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { isKevDocument, parseKevCatalog } from './kev.js';

const KEV = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', 'kev', ...p);
const json = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

interface KevSnapshot {
  cveID: string;
  dateAdded: string;
  dueDate: string;
  knownRansomwareCampaignUse: string;
  vulnerabilityName: string;
  requiredAction: string;
}

describeShared('CISA KEV catalog (vunnel fixtures)', () => {
  it("valid-catalog-1.json: every entry's fields match vunnel's snapshots", () => {
    const catalog = parseKevCatalog(json(KEV('valid-catalog-1.json')), 'valid-catalog-1.json');
    expect(catalog).toMatchObject({ catalogVersion: '2025.02.19', count: 1273, skipped: [] });
    expect(catalog.records).toHaveLength(3);
    const dir = KEV('snapshots', 'valid-catalog-1');
    const snaps = readdirSync(dir).map((f) => (json(join(dir, f)) as { item: KevSnapshot }).item);
    expect(snaps).toHaveLength(3);
    for (const s of snaps) {
      expect(catalog.records.find((r) => r.id === s.cveID), s.cveID).toEqual({
        id: s.cveID,
        kev: {
          dateAdded: s.dateAdded,
          dueDate: s.dueDate,
          knownRansomwareCampaignUse: s.knownRansomwareCampaignUse,
          vulnerabilityName: s.vulnerabilityName,
          requiredAction: s.requiredAction,
        },
      });
    }
  });

  it('single-entry/example1.json: one entry is a catalog of one', () => {
    const doc = json(KEV('single-entry', 'example1.json'));
    expect(isKevDocument(doc)).toBe(true);
    expect(parseKevCatalog(doc, 'example1.json').records).toEqual([
      expect.objectContaining({ id: 'CVE-2025-0108', kev: expect.objectContaining({ dateAdded: '2025-02-18', dueDate: '2025-03-11', knownRansomwareCampaignUse: 'Unknown' }) }),
    ]);
  });

  it('a bad entry is skipped with a reason; a document that is not a catalog is an error', () => {
    const doc = json(KEV('valid-catalog-1.json')) as { vulnerabilities: Record<string, unknown>[] };
    doc.vulnerabilities[1] = { ...doc.vulnerabilities[1], dateAdded: '18 Feb 2025' };
    doc.vulnerabilities.push({ cveID: 'not-a-cve', dateAdded: '2025-01-01' });
    const catalog = parseKevCatalog(doc, 'kev.json');
    expect(catalog.records.map((r) => r.id)).toEqual(['CVE-2025-0108', 'CVE-2024-57727']);
    expect(catalog.skipped).toEqual([
      { where: 'kev.json vulnerabilities[1]', reason: 'CVE-2024-53704: dateAdded "18 Feb 2025" is not a YYYY-MM-DD day' },
      { where: 'kev.json vulnerabilities[3]', reason: 'not a CVE id: "not-a-cve"' },
    ]);
    const nvdPage = json(sharedPath('vulndata', 'vunnel-provider-fixtures', 'nvd', 'single-entry.json'));
    expect(isKevDocument(nvdPage)).toBe(false);
    expect(() => parseKevCatalog(nvdPage, 'nvd.json')).toThrow(/^nvd\.json: not a CISA KEV catalog/);
  });
});
