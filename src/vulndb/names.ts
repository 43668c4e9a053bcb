/**
 * Keys of the database index: one ecosystem and one package name, normalised the way each ecosystem compares
 * names, so that the importer and the matcher agree without either knowing the other.
 */

/**
 * One key per distro release, whichever way a feed spells it (osv.dev, or our converters of native feeds):
 * - `Debian:12` → `debian:12`; `Alpine:v3.20` → `alpine:v3.20`; language ecosystems lower-cased (`PyPI` → `pypi`);
 * - Ubuntu: `Ubuntu:22.04:LTS`, `Ubuntu:Pro:22.04:LTS` and `Ubuntu:22.04` → `ubuntu:22.04` (the support level does
 *   not change what is installed);
 * - Red Hat CPE streams: `Red Hat:enterprise_linux:9::appstream` (and `::baseos`, `::crb`…) and `Red Hat:9` →
 *   `red hat:9`; the extended streams keep their minor and name: `Red Hat:rhel_eus:8.6::appstream` →
 *   `red hat:8.6+eus` (likewise `aus`, `e4s`, `tus`, `els`), never used for a plain image; other Red Hat products
 *   (`Red Hat:openshift:4.14::el9`) are only lower-cased;
 * - SUSE and openSUSE products: lower-cased, spaces collapsed, a leading `SUSE ` / `openSUSE ` of the product
 *   dropped (`SUSE:SUSE Linux Enterprise Server 15 SP5` = `SUSE:Linux Enterprise Server 15 SP5`);
 * - Azure Linux: `Azure Linux:3.0`, `Azure Linux:3`, `CBL-Mariner:2.0`, `Mariner:2.0` → `azure linux:<major>`;
 * - Photon OS: `Photon OS:4` and `Photon OS:4.0` → `photon os:4.0`.
 */
export function ecosystemKey(ecosystem: string): string {
  const lower = ecosystem.trim().toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) return lower;
  const base = lower.slice(0, colon).trim();
  const rest = lower.slice(colon + 1).trim();
  switch (base) {
    case 'ubuntu': {
      const m = /(\d+\.\d+)/.exec(rest);
      return m ? `ubuntu:${m[1]}` : lower;
    }
    case 'red hat':
      return `red hat:${redHatStream(rest)}`;
    case 'suse':
    case 'opensuse': {
      const product = rest.replace(/\s+/g, ' ').replace(/^(suse|opensuse) /, '');
      return `${base}:${product}`;
    }
    case 'azure linux':
    case 'cbl-mariner':
    case 'mariner': {
      const m = /^(\d+)(?:\.\d+)*$/.exec(rest);
      return m ? `azure linux:${m[1]}` : `${base}:${rest}`;
    }
    case 'photon os': {
      const m = /^(\d+)(?:\.(\d+))?$/.exec(rest);
      return m ? `photon os:${m[1]}.${m[2] ?? '0'}` : `${base}:${rest}`;
    }
    default:
      return lower;
  }
}

/** `enterprise_linux:9::appstream` → `9`; `rhel_eus:8.6::baseos` → `8.6+eus`; `9` → `9`; anything else as it is. */
function redHatStream(rest: string): string {
  if (/^\d+(\.\d+)*$/.test(rest)) return rest.split('.')[0]!;
  if (/^\d+(\.\d+)*\+[a-z0-9]+$/.test(rest)) return rest; // already a key: `8.6+eus`
  const m = /^([a-z0-9_]+):([0-9.]+)(?::|$)/.exec(rest);
  if (!m) return rest;
  const [, product, version] = m;
  if (product === 'enterprise_linux' || product === 'rhel') return version!.split('.')[0]!;
  const stream = /^rhel_([a-z0-9]+)$/.exec(product!);
  if (stream) return `${version}+${stream[1]}`;
  return rest;
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
