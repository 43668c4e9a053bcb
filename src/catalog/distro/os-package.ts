import type { FileView } from '../../image/file-view.js';
import type { PackageLocation, PackageType, Unknown } from '../../model/index.js';

/** Helpers shared by the OS package catalogers (apk, dpkg, rpm). */

/** A stable id within one scan: type, name, version and the database that listed the package. */
export function osPackageId(type: PackageType, name: string, version: string, dbPath: string): string {
  return `${type}:${name}@${version}:${dbPath}`;
}

/** The database's location, with the provenance of the layer that last wrote it. */
export function dbLocation(view: FileView, path: string): PackageLocation {
  const provenance = view.get(path, { follow: true })?.provenance;
  return provenance ? { path, provenance } : { path };
}

/** `packageDatabase`: the file is the package database of that type, whose packages are missing (a catalog gap). */
export function dbUnknown(view: FileView, stage: string, path: string, reason: string, packageDatabase?: PackageType): Unknown {
  const layerDigest = view.get(path, { follow: true })?.provenance.layerDigest;
  return { stage, path, reason, ...(layerDigest ? { layerDigest } : {}), ...(packageDatabase ? { packageDatabase } : {}) };
}

/** Joins a database-relative path (`usr/bin/x`, `./usr/bin/x`, `/usr/bin/x`) into an absolute image path. */
export function absolutePath(path: string): string {
  const trimmed = path.replace(/^\.?\/+/, '');
  return `/${trimmed}`;
}

/** Files that exist in the view but whose content was not captured are reported; missing files are not. */
export function readIfPresent(view: FileView, path: string): { text?: string; reason?: string } {
  if (!view.get(path, { follow: true })) return {};
  const r = view.read(path);
  return r.ok ? { text: r.data.toString('utf8') } : { reason: r.reason };
}

/** Package names by what satisfies a dependency on them: each package's own name and each name it provides. */
export function providerIndex<R>(records: readonly R[], name: (r: R) => string, provides: (r: R) => Iterable<string>): Map<string, Set<string>> {
  const providers = new Map<string, Set<string>>();
  const add = (key: string, pkg: string): void => {
    let set = providers.get(key);
    if (!set) providers.set(key, (set = new Set()));
    set.add(pkg);
  };
  for (const r of records) {
    add(name(r), name(r));
    for (const p of provides(r)) add(p, name(r));
  }
  return providers;
}
