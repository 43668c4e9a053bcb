/**
 * Ownership of language packages by OS packages. When an OS package (deb, apk, rpm) lists a language package's
 * metadata file, or the directory holding it (a `*.dist-info`/`*.egg-info` directory, a node_modules package
 * directory), among its files, the language package is marked `ownedBy` that OS package: both stay listed, and
 * matching uses the distro's data for it.
 */
import type { Package, PackageType } from '../model/index.js';
import { dirname } from '../image/paths.js';

/** Which package types are OS packages (own files) and which are language packages. Exhaustive. */
const IS_OS_TYPE: Readonly<Record<PackageType, boolean>> = { apk: true, deb: true, rpm: true, npm: false, python: false, 'java-archive': false, 'go-module': false, gem: false, 'php-composer': false, 'rust-crate': false, dotnet: false };
const OS_TYPES: ReadonlySet<PackageType> = new Set((Object.keys(IS_OS_TYPE) as PackageType[]).filter((t) => IS_OS_TYPE[t]));

/** The paths that identify a language package on disk: its metadata file, and its metadata directory. */
export function ownershipKeys(pkg: Package): string[] {
  const keys: string[] = [];
  for (const loc of pkg.locations) {
    keys.push(loc.path);
    const dir = dirname(loc.path);
    const lower = dir.toLowerCase();
    // The metadata directory for dist-info/egg-info, and the package directory for package.json/gemspec-less
    // layouts; an archive or binary is identified by the file itself.
    if (lower.endsWith('.dist-info') || lower.endsWith('.egg-info') || loc.path.endsWith('/package.json')) keys.push(dir);
  }
  return keys;
}

/**
 * Sets `ownedBy` on every language package whose metadata file or directory an OS package's `metadata.files`
 * lists. Returns the packages it changed. The first OS package (in input order) that owns a package wins.
 */
export function applyOwnership(packages: Package[]): Package[] {
  const owner = new Map<string, string>();
  for (const pkg of packages) {
    if (!OS_TYPES.has(pkg.type)) continue;
    const files = pkg.metadata?.files;
    if (!Array.isArray(files)) continue;
    for (const f of files) {
      if (typeof f !== 'string') continue;
      const path = f.length > 1 && f.endsWith('/') ? f.slice(0, -1) : f;
      if (!owner.has(path)) owner.set(path, pkg.id);
    }
  }
  const changed: Package[] = [];
  if (owner.size === 0) return changed;
  for (const pkg of packages) {
    if (OS_TYPES.has(pkg.type)) continue;
    for (const key of ownershipKeys(pkg)) {
      const id = owner.get(key);
      if (id !== undefined) {
        pkg.ownedBy = id;
        changed.push(pkg);
        break;
      }
    }
  }
  return changed;
}
