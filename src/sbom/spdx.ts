/**
 * SPDX 2.2/2.3 JSON back into the package model. A package is an element with a purl external reference; the
 * described element (the image) and OPERATING-SYSTEM elements are not packages. Reads the `sourceInfo` and `comment`
 * that Portcullis writes (`found by ID at PATHS`, `source package NAME VERSION`) and syft's `sourceInfo`
 * (`acquired package info from …: PATHS`).
 */

import type { Distro, Package, Unknown } from '../model/index.js';
import { distroFromPackages, splitLicenseExpression, toPackage, type SbomDocument, type SbomImage } from './document.js';
import { asArray, asRecord, asString, compact, type JsonObject } from './json.js';

const NO_VALUE = new Set(['NOASSERTION', 'NONE']);

function licensesOf(p: JsonObject): string[] {
  for (const field of ['licenseDeclared', 'licenseConcluded']) {
    const v = asString(p[field]);
    if (v && !NO_VALUE.has(v)) return splitLicenseExpression(v);
  }
  return [];
}

function purlOf(p: JsonObject): string | undefined {
  for (const ref of asArray(p.externalRefs).map(asRecord)) {
    if (asString(ref?.referenceType) === 'purl') return asString(ref?.referenceLocator);
  }
  return undefined;
}

/** The finder and paths from `sourceInfo`. */
function origin(p: JsonObject): { foundBy?: string; paths: string[] } {
  const info = asString(p.sourceInfo) ?? '';
  const ours = /^found by (\S+) at (.*)$/s.exec(info);
  if (ours) return { foundBy: ours[1]!, paths: ours[2] === 'an unknown path' ? [] : ours[2]!.split(', ') };
  const syft = /^acquired package info from [^:]*: (.*)$/s.exec(info);
  if (syft) return { paths: syft[1]!.split(', ').filter((s) => s.startsWith('/')) };
  return { paths: [] };
}

/** `source package NAME` or `source package NAME VERSION` (Portcullis's comment). */
function sourceOf(p: JsonObject): { name?: string; version?: string } {
  const m = /^source package (\S+)(?: (\S+))?$/.exec(asString(p.comment) ?? '');
  return m ? compact({ name: m[1], version: m[2] }) : {};
}

function describedIds(doc: JsonObject): Set<string> {
  const ids = new Set(asArray(doc.documentDescribes).filter((x): x is string => typeof x === 'string'));
  for (const r of asArray(doc.relationships).map(asRecord)) {
    if (!r) continue;
    const type = asString(r.relationshipType);
    if (type === 'DESCRIBES' && asString(r.spdxElementId) === asString(doc.SPDXID)) ids.add(asString(r.relatedSpdxElement) ?? '');
    if (type === 'DESCRIBED_BY' && asString(r.relatedSpdxElement) === asString(doc.SPDXID)) ids.add(asString(r.spdxElementId) ?? '');
  }
  return ids;
}

function imageOf(doc: JsonObject, root: JsonObject | undefined): SbomImage {
  if (!root) return {};
  const version = asString(root.versionInfo);
  const comment = /^image (.+), config (sha256:[0-9a-f]{64})$/.exec(asString(root.comment) ?? '');
  const configDigest = comment?.[2];
  const digest = version && /^sha256:[0-9a-f]{64}$/.test(version) && version !== configDigest ? version : undefined;
  return compact({ name: comment?.[1] ?? asString(doc.name) ?? asString(root.name), manifestDigest: digest, configDigest });
}

export function readSpdx(doc: JsonObject): SbomDocument {
  const elements = asArray(doc.packages)
    .map(asRecord)
    .filter((p): p is JsonObject => p !== undefined);
  const described = describedIds(doc);
  const isImage = (p: JsonObject): boolean => asString(p.primaryPackagePurpose) === 'CONTAINER' || (described.has(asString(p.SPDXID) ?? '') && !purlOf(p));
  const root = elements.find((p) => asString(p.primaryPackagePurpose) === 'CONTAINER') ?? elements.find(isImage);
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  let distro: Distro | undefined;
  for (const p of elements) {
    if (p === root || isImage(p)) continue;
    if (asString(p.primaryPackagePurpose) === 'OPERATING-SYSTEM') {
      const id = asString(p.name)?.toLowerCase();
      if (id) distro ??= compact({ id, versionId: asString(p.versionInfo) });
      continue;
    }
    const { foundBy, paths } = origin(p);
    const source = sourceOf(p);
    const r = toPackage(
      compact({
        name: asString(p.name),
        version: asString(p.versionInfo),
        purl: purlOf(p) ?? '',
        licenses: licensesOf(p),
        locations: paths.map((path) => ({ path })),
        foundBy,
        sourceName: source.name,
        sourceVersion: source.version,
      }),
      'spdx',
      `package "${asString(p.name) ?? asString(p.SPDXID) ?? '?'}"`,
    );
    if ('package' in r) packages.push(r.package);
    else unknowns.push(r.unknown);
  }
  distro ??= distroFromPackages(packages);
  return {
    format: 'spdx',
    specVersion: asString(doc.spdxVersion) ?? '',
    packages,
    ...(distro ? { distro } : {}),
    image: imageOf(doc, root),
    unknowns,
  };
}
