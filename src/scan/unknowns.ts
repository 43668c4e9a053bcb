import type { Unknown } from '../model/index.js';

export { unknownsSummary } from '../output/formats/unknowns.js';

/**
 * What the scan says on stderr about its unknowns: one warning per package database that could not be read (its
 * packages are missing, so the policy's `packages/catalog_incomplete` trigger sees it too), and one summary line
 * for every unknown, by kind. The unknowns themselves are in every report.
 */

/** The unknowns that are package databases Portcullis could not read: the catalog is incomplete there. */
export function catalogGapsOf(unknowns: readonly Unknown[]): Unknown[] {
  return unknowns.filter((u) => u.packageDatabase !== undefined);
}

export function catalogGapWarnings(gaps: readonly Unknown[]): string[] {
  return gaps.map((u) => `package database ${u.path ?? '(no path)'} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`);
}
