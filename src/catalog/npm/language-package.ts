/**
 * Small helpers shared by the language catalogers (npm, python, java, golang, ruby, php, rust, dotnet): building a
 * Package with a stable id and its location, recording Unknowns, and turning licence text into SPDX ids.
 */
import type { Package, PackageType, Unknown } from '../../model/index.js';
import type { FileView } from '../../image/file-view.js';

export interface LanguagePackageInput {
  type: PackageType;
  name: string;
  version: string;
  purl: string;
  /** The metadata file (or directory) that declared the package. */
  path: string;
  foundBy: string;
  licenses?: readonly string[];
  metadata?: Record<string, unknown>;
}

/** A Package located at `path`, with its provenance taken from the view when the view knows the path. */
export function languagePackage(view: FileView | undefined, input: LanguagePackageInput): Package {
  const provenance = view?.get(input.path)?.provenance;
  const pkg: Package = {
    id: `${input.type}:${input.name}@${input.version}:${input.path}`,
    type: input.type,
    name: input.name,
    version: input.version,
    purl: input.purl,
    licenses: dedupe((input.licenses ?? []).map(toSpdx).filter((l) => l !== '')),
    locations: [{ path: input.path, ...(provenance ? { provenance } : {}) }],
    foundBy: input.foundBy,
  };
  if (input.metadata && Object.keys(input.metadata).length > 0) pkg.metadata = input.metadata;
  return pkg;
}

/** `packageDatabase`: the file lists packages of that type, which are missing from the catalog (a catalog gap). */
export function catalogUnknown(view: FileView | undefined, foundBy: string, path: string, reason: string, packageDatabase?: PackageType): Unknown {
  const layerDigest = view?.get(path)?.provenance.layerDigest;
  return { stage: `catalog/${foundBy}`, reason, path, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Common licence names (lower-cased, punctuation-trimmed) and their SPDX ids. */
const SPDX_ALIASES: Record<string, string> = {
  'apache 2.0': 'Apache-2.0',
  'apache 2': 'Apache-2.0',
  'apache-2': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  'apache license, version 2.0': 'Apache-2.0',
  'apache license version 2.0': 'Apache-2.0',
  'the apache software license, version 2.0': 'Apache-2.0',
  'the apache license, version 2.0': 'Apache-2.0',
  'apache-2.0 license': 'Apache-2.0',
  'mit license': 'MIT',
  'the mit license': 'MIT',
  'new bsd license': 'BSD-3-Clause',
  'bsd 3-clause': 'BSD-3-Clause',
  '3-clause bsd license': 'BSD-3-Clause',
  'bsd-3': 'BSD-3-Clause',
  'bsd 2-clause': 'BSD-2-Clause',
  'simplified bsd license': 'BSD-2-Clause',
  'isc license': 'ISC',
  'isc license (iscl)': 'ISC',
  'mozilla public license 2.0': 'MPL-2.0',
  'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
  'mpl 2.0': 'MPL-2.0',
  'psf license': 'PSF-2.0',
  'python software foundation license': 'PSF-2.0',
  'unlicense': 'Unlicense',
  'the unlicense': 'Unlicense',
  'artistic-2.0': 'Artistic-2.0',
  'eclipse public license - v 1.0': 'EPL-1.0',
  'eclipse public license 2.0': 'EPL-2.0',
  'zlib license': 'Zlib',
  'ruby': 'Ruby',
};

/** SPDX ids known to be valid, used to fix their case (`mit` → `MIT`). */
const KNOWN_IDS = [
  'MIT', 'ISC', 'Apache-2.0', 'Apache-1.1', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-3-Clause-Clear', '0BSD', 'GPL-2.0', 'GPL-3.0',
  'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0', 'LGPL-2.0-only',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MPL-2.0', 'MPL-1.1', 'AGPL-3.0',
  'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Artistic-2.0', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-3.0', 'EPL-1.0',
  'EPL-2.0', 'Zlib', 'PSF-2.0', 'Python-2.0', 'WTFPL', 'BlueOak-1.0.0', 'Ruby', 'BSL-1.0', 'MIT-0', 'OpenSSL', 'X11',
];
const KNOWN_BY_LOWER = new Map(KNOWN_IDS.map((id) => [id.toLowerCase(), id]));

/**
 * Licence text → an SPDX id or expression where it is one or a well-known alias of one, else the trimmed text.
 * `(MIT OR Apache-2.0)` stays an expression; `Apache 2.0` becomes `Apache-2.0`.
 */
export function toSpdx(raw: string): string {
  const text = raw.trim();
  if (text === '' || text.toUpperCase() === 'UNKNOWN') return '';
  const key = text.toLowerCase().replace(/\s+/g, ' ').replace(/[.;]+$/, '');
  const alias = SPDX_ALIASES[key];
  if (alias) return alias;
  const known = KNOWN_BY_LOWER.get(key);
  if (known) return known;
  return text;
}
