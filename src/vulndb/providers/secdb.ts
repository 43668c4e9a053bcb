import type { OsvAffected, OsvRecord } from '../osv.js';
import type { SkippedInput } from '../provider.js';

/**
 * Alpine's secdb (https://secdb.alpinelinux.org/<branch>/<repo>.json, and the YAML it is made from):
 * `{ distroversion, reponame, packages: [{ pkg: { name, secfixes: { <fixed version>: [ids] } } }] }`.
 * `pkg.name` is the origin (source) package.
 */
export interface SecdbDocument {
  distroversion: string;
  reponame?: string;
  packages: { pkg: { name: string; secfixes?: Record<string, (string | null)[] | null> | null } }[];
}

export function isSecdbDocument(value: unknown): value is SecdbDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.distroversion === 'string' && Array.isArray(v.packages);
}

const CVE = /^CVE-\d{4}-\d{4,}$/;

/**
 * What differs between the secdb feeds (Alpine, Wolfi, Chainguard): the record ids, the ecosystem, the purl,
 * the advisory page and which vulnerability ids count.
 */
export interface SecdbFlavour {
  /** Record id = prefix + vulnerability id (`ALPINE-CVE-…`, `WOLFI-CVE-…`). */
  idPrefix: string;
  ecosystem(doc: SecdbDocument): string;
  purl(name: string): string;
  advisoryUrl(id: string): string;
  /** The ids that make a record (Alpine: CVE ids only; Wolfi and Chainguard also write GHSA ids). */
  ids: RegExp;
}

/** Alpine's secdb, as osv.dev converts it. */
export const ALPINE_SECDB: SecdbFlavour = {
  idPrefix: 'ALPINE-',
  ecosystem: (doc) => `Alpine:${doc.distroversion}`,
  purl: (name) => `pkg:apk/alpine/${name}?arch=source`,
  advisoryUrl: (cve) => `https://security.alpinelinux.org/vuln/${cve}`,
  ids: CVE,
};

/**
 * Turns secdb documents into OSV records, as osv.dev's Alpine converter does: one record per CVE, `ALPINE-<CVE>`
 * with `upstream: [CVE]`, one `affected` entry per (origin package, branch, fixed version) with the ECOSYSTEM
 * events `introduced 0`, `fixed <version>`, ecosystem `Alpine:<branch>`.
 * - Every whitespace-separated token of an entry that is a well-formed CVE id counts (`CVE-2018-3639 XSA-263`).
 * - Entries with no CVE id (`XSA-207`, `CVE 2018-16859`) are skipped, and reported.
 * - Fixed version `0` means the branch was never affected: no entry.
 */
export function secdbToOsv(
  docs: readonly { doc: SecdbDocument; where: string }[],
  modified: string,
  flavour: SecdbFlavour = ALPINE_SECDB,
): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const byCve = new Map<string, OsvAffected[]>();
  const seen = new Set<string>();
  const skipped: SkippedInput[] = [];
  for (const { doc, where } of docs) {
    const ecosystem = flavour.ecosystem(doc);
    for (const entry of doc.packages) {
      const name = entry?.pkg?.name;
      if (typeof name !== 'string' || name === '') {
        skipped.push({ where, reason: 'a package without a name' });
        continue;
      }
      for (const [fixed, ids] of Object.entries(entry.pkg.secfixes ?? {})) {
        for (const raw of ids ?? []) {
          const text = String(raw ?? '');
          const cves = text.split(/\s+/).filter((t) => flavour.ids.test(t));
          if (cves.length === 0) {
            skipped.push({ where, reason: `${name} ${fixed}: "${text}" names no ${flavour.ids === CVE ? 'CVE' : 'vulnerability id'}` });
            continue;
          }
          if (fixed === '0') continue;
          for (const cve of cves) {
            const key = `${cve}\u0000${ecosystem}\u0000${name}\u0000${fixed}`;
            if (seen.has(key)) continue;
            seen.add(key);
            let list = byCve.get(cve);
            if (!list) byCve.set(cve, (list = []));
            list.push({
              package: { ecosystem, name, purl: flavour.purl(name) },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
            });
          }
        }
      }
    }
  }
  const records: OsvRecord[] = [];
  for (const [cve, affected] of byCve) {
    records.push({
      schema_version: '1.7.5',
      id: `${flavour.idPrefix}${cve}`,
      modified,
      upstream: [cve],
      affected,
      references: [{ type: 'ADVISORY', url: flavour.advisoryUrl(cve) }],
    });
  }
  return { records, skipped };
}
