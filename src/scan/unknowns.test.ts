import { describe, expect, it } from 'vitest';
import type { Unknown } from '../model/index.js';
import { catalogGapsOf, catalogGapWarnings, unknownsSummary } from './unknowns.js';

describe('unknowns on stderr', () => {
  const db: Unknown = { stage: 'apk/installed', path: '/lib/apk/db/installed', reason: 'file is 9 bytes, over the 4-byte content cap', packageDatabase: 'apk' };
  const unknowns: Unknown[] = [
    db,
    { stage: 'image', path: '/lib/apk/db/installed', reason: 'file is 9 bytes, over the 4-byte content cap (requested by apk/installed)' },
    { stage: 'image', path: '/x', reason: 'entry name "../x" climbs out of the image root; ignored' },
    { stage: 'dpkg/status', path: '/usr/share/doc/bash/copyright', reason: 'over the cap' },
    { stage: 'match', path: '/lib/apk/db/installed', reason: 'no data' },
    { stage: 'match', reason: 'no data' },
    { stage: 'sbom', reason: 'no purl' },
  ];

  it('one summary line counts every unknown by kind', () => {
    expect(unknownsSummary(unknowns)).toBe('7 unknowns: 1 unreadable package database, 2 unreadable files, 1 image entry ignored, 2 packages not matched, 1 SBOM entry skipped; see the report');
    expect(unknownsSummary([db])).toBe('1 unknown: 1 unreadable package database; see the report');
    expect(unknownsSummary([])).toBeUndefined();
  });

  it('each unreadable package database has its own warning', () => {
    expect(catalogGapsOf(unknowns)).toEqual([db]);
    expect(catalogGapWarnings([db])).toEqual(['package database /lib/apk/db/installed (apk) could not be read: file is 9 bytes, over the 4-byte content cap; its packages are missing from the catalog']);
  });
});
