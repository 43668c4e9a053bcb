import type { Unknown } from '../../model/index.js';

/**
 * How every report format (and the scan's stderr line) words the unknowns: one summary by kind, and one line per
 * unknown. A package database that could not be read is its own kind: its packages are missing from the catalog.
 */

/** The kinds of unknown in the summary line, in its order. */
type UnknownKind = 'database' | 'file' | 'entry' | 'match' | 'sbom' | 'other';

const KIND_LABEL: Readonly<Record<UnknownKind, readonly [one: string, many: string]>> = {
  database: ['unreadable package database', 'unreadable package databases'],
  file: ['unreadable file', 'unreadable files'],
  entry: ['image entry ignored', 'image entries ignored'],
  match: ['package not matched', 'packages not matched'],
  sbom: ['SBOM entry skipped', 'SBOM entries skipped'],
  other: ['other', 'other'],
};

function kindOf(u: Unknown): UnknownKind {
  if (u.packageDatabase !== undefined) return 'database';
  if (u.stage === 'image') return /content cap|could not be read|unreadable/.test(u.reason) ? 'file' : 'entry';
  if (u.stage === 'match') return 'match';
  if (u.stage === 'sbom') return 'sbom';
  // Catalogers: `catalog/<id>` (language) or the cataloger id (dpkg, apk, rpm…): a file they could not use.
  if (u.stage.startsWith('catalog/') || u.path !== undefined) return 'file';
  return 'other';
}

/** `5 unknowns: 1 unreadable package database, 3 unreadable files, 1 package not matched; see the report`. */
export function unknownsSummary(unknowns: readonly Unknown[], see = 'the report'): string | undefined {
  if (unknowns.length === 0) return undefined;
  const counts = new Map<UnknownKind, number>();
  for (const u of unknowns) counts.set(kindOf(u), (counts.get(kindOf(u)) ?? 0) + 1);
  const parts = (Object.keys(KIND_LABEL) as UnknownKind[]).flatMap((k) => {
    const n = counts.get(k);
    return n ? [`${n} ${KIND_LABEL[k][n === 1 ? 0 : 1]}`] : [];
  });
  return `${unknowns.length} unknown${unknowns.length === 1 ? '' : 's'}: ${parts.join(', ')}; see ${see}`;
}

/** `/lib/apk/db/installed (apk package database): reason [stage]`. */
export function unknownLine(u: Unknown): string {
  const what = u.packageDatabase ? ` (${u.packageDatabase} package database)` : '';
  return `${u.path ?? '(no path)'}${what}: ${u.reason} [${u.stage}]`;
}
