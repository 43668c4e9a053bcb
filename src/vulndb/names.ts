/**
 * Keys of the database index: one ecosystem and one package name, normalised the way each ecosystem compares
 * names, so that the importer and the matcher agree without either knowing the other.
 */

/**
 * `Debian:12` → `debian:12`; `Alpine:v3.20` → `alpine:v3.20`; `Ubuntu:22.04:LTS` and `Ubuntu:Pro:22.04:LTS` →
 * `ubuntu:22.04` (osv.dev's Ubuntu names carry the support level, which does not change what is installed);
 * language ecosystems are lower-cased (`PyPI` → `pypi`).
 */
export function ecosystemKey(ecosystem: string): string {
  const lower = ecosystem.trim().toLowerCase();
  if (lower.startsWith('ubuntu:')) {
    const m = /(\d+\.\d+)/.exec(lower);
    if (m) return `ubuntu:${m[1]}`;
  }
  return lower;
}

/**
 * Names as the ecosystem compares them: PyPI by PEP 503 (case-folded, runs of `-_.` as one `-`); crates.io,
 * NuGet and Packagist case-insensitively (crates.io also treats `_` as `-`); everything else exactly.
 */
export function normalizeName(ecosystem: string, name: string): string {
  const eco = ecosystemKey(ecosystem);
  const base = eco.split(':', 1)[0];
  switch (base) {
    case 'pypi':
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    case 'crates.io':
      return name.toLowerCase().replace(/_/g, '-');
    case 'nuget':
    case 'packagist':
      return name.toLowerCase();
    default:
      return name;
  }
}

/** The index key for one ecosystem and package name. */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystemKey(ecosystem)}\u0000${normalizeName(ecosystem, name)}`;
}
