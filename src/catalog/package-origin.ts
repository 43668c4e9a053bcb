/**
 * Which layer introduced each package. The layer that last wrote a package database (`/var/lib/dpkg/status`) is not
 * the one that installed every package in it: each `apt-get install` rewrites the whole file. A package's origin is
 * the first layer of its current, unbroken presence in the database: the OS catalogers compare the database of every
 * layer (requested with `FileRequest.everyLayer`, so the image is still read once) and an upgrade, or a removal and a
 * later re-install, moves the origin to the layer that did it. A language package's manifest is its own file, so its
 * origin is the layer that wrote that manifest, or the first of the layers that wrote the very same bytes since.
 */

import type { FileView, FileVersion, ReadResult } from '../image/file-view.js';
import type { FileProvenance, Package, Unknown } from '../model/index.js';

/** The database files as they were at the end of one layer. */
export interface DatabaseSnapshot {
  layerIndex: number;
  /** A file's content at the end of this layer: what `FileView.read` would give, or undefined when it did not exist. */
  read(path: string): ReadResult | undefined;
}

/** The package keys a snapshot holds, or why the snapshot cannot be read (its state is then unknown). */
export type SnapshotKeys = { keys: Iterable<string> } | { reason: string };

export interface PackageOrigins {
  /** Key → the layer that introduced it, for the keys present in the last snapshot. */
  origins: Map<string, FileProvenance>;
  /** Layers whose databases could not be read: packages first seen after one may have come in it or before. */
  gaps: { layerIndex: number; reason: string }[];
}

/**
 * Replays the databases at `paths` layer by layer. `keysAt` reads one snapshot the way the cataloger reads the
 * squashed view (same format rules) and returns its package keys (`name\0version\0arch`). Only layers that
 * changed one of the files are snapshots; a key gets the layer where it appears, and loses it where it disappears.
 */
export function packageOrigins(view: FileView, paths: readonly string[], keysAt: (snapshot: DatabaseSnapshot) => SnapshotKeys): PackageOrigins {
  const byLayer = new Map<number, [string, FileVersion][]>();
  for (const path of new Set(paths)) {
    for (const v of view.versions(path)) {
      const list = byLayer.get(v.layerIndex);
      if (list) list.push([path, v]);
      else byLayer.set(v.layerIndex, [[path, v]]);
    }
  }
  const state = new Map<string, FileVersion>();
  const origins = new Map<string, FileProvenance>();
  const gaps: PackageOrigins['gaps'] = [];
  for (const layerIndex of [...byLayer.keys()].sort((a, b) => a - b)) {
    const changed = byLayer.get(layerIndex)!;
    for (const [path, v] of changed) state.set(path, v);
    const provenance = changed[0]![1].provenance;
    const snapshot: DatabaseSnapshot = {
      layerIndex,
      read(path) {
        const v = state.get(path);
        return v === undefined || v.deleted ? undefined : v.read;
      },
    };
    const r = keysAt(snapshot);
    if ('reason' in r) {
      gaps.push({ layerIndex, reason: r.reason });
      continue;
    }
    const now = new Set(r.keys);
    for (const key of origins.keys()) if (!now.has(key)) origins.delete(key);
    for (const key of now) if (!origins.has(key)) origins.set(key, provenance);
  }
  return { origins, gaps };
}

/** The package with its first location (the database) carrying the provenance of the layer that introduced it. */
export function withOrigin(pkg: Package, provenance: FileProvenance | undefined): Package {
  const [first, ...rest] = pkg.locations;
  if (!first || !provenance) return pkg;
  return { ...pkg, locations: [{ ...first, provenance }, ...rest] };
}

/**
 * One unknown per unreadable layer database whose gap leaves some package's origin open: the origin given is the
 * first layer where the package was seen, and it may have come in earlier.
 */
export function gapUnknowns(stage: string, path: string, gaps: PackageOrigins['gaps'], origins: PackageOrigins['origins']): Unknown[] {
  const out: Unknown[] = [];
  for (const gap of gaps) {
    const after = [...origins.values()].filter((p) => p.layerIndex > gap.layerIndex).length;
    if (after === 0) continue;
    out.push({
      stage,
      path,
      reason: `the package database of layer ${gap.layerIndex} could not be read (${gap.reason}); ${after} package(s) first seen after it may have come in earlier`,
    });
  }
  return out;
}

/**
 * The origin of a package found in its own manifest file (package.json, METADATA, a .gemspec): the layer that
 * wrote the manifest as it is now, moved back over the layers below that wrote the very same bytes (a `COPY . .`
 * that rewrites an unchanged file does not introduce the package). Any difference, or a deletion in between, stops
 * the walk: the later layer then brought this version. Files without kept versions keep their provenance.
 */
export function manifestOrigin(view: FileView, path: string): FileProvenance | undefined {
  const versions = view.versions(path);
  const last = versions[versions.length - 1];
  if (!last || last.deleted || !last.read.ok) return undefined;
  const data = last.read.data;
  let origin = last.provenance;
  for (let i = versions.length - 2; i >= 0; i--) {
    const v = versions[i]!;
    if (v.deleted || !v.read.ok || !v.read.data.equals(data)) break;
    origin = v.provenance;
  }
  return origin;
}
