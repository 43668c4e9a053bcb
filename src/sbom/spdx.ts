/**
 * SPDX 2.2/2.3 JSON back into the package model. A package is an element with a purl external reference; the
 * described element (the image) and the operating-system element (`primaryPackagePurpose: OPERATING-SYSTEM`, or
 * trivy's `SPDXRef-OperatingSystem-*`) are not packages. Reads:
 * - the `sourceInfo` and `comment` that Portcullis writes (`found by ID at PATHS`, `source package NAME VERSION`);
 * - syft's `sourceInfo` (`acquired package info from …: PATHS`) and its `OTHER` relationships commented
 *   `ownership-by-file-overlap` (the OS package that owns a language package);
 * - trivy's `sourceInfo` (`built package from: NAME VERSION`) and its `Key: value` attribution texts and annotation
 *   comments (`SrcName`, `SrcVersion`, `SrcRelease`, `SrcEpoch`), as aquasecurity/trivy's
 *   integration/testdata/fixtures/sbom/centos-7-spdx.json shows them.
 */

import type { Distro, Package, Unknown } from '../model/index.js';
import { isOsPackageType } from '../match/target.js';
import { normaliseDistro } from './distro.js';
import { distroFromPackages, inferOwnership, splitLicenseExpression, toPackage, type SbomDocument, type SbomImage } from './document.js';
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

/** trivy's `Key: value` attribution texts and annotation comments, by key. */
function trivyFields(p: JsonObject): Map<string, string> {
  const texts = [
    ...asArray(p.attributionTexts).filter((x): x is string => typeof x === 'string'),
    ...asArray(p.annotations)
      .map((a) => asString(asRecord(a)?.comment))
      .filter((x): x is string => x !== undefined),
  ];
  const out = new Map<string, string>();
  for (const t of texts) {
    const m = /^(\w+): (.+)$/s.exec(t);
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/**
 * The source package: Portcullis's comment (`source package NAME [VERSION]`), trivy's Src* fields, or trivy's
 * `sourceInfo` (`built package from: NAME VERSION`).
 */
function sourceOf(p: JsonObject): { name?: string; version?: string } {
  const m = /^source package (\S+)(?: (\S+))?$/.exec(asString(p.comment) ?? '');
  if (m) return compact({ name: m[1], version: m[2] });
  const t = trivyFields(p);
  const name = t.get('SrcName');
  if (name) {
    const v = t.get('SrcVersion');
    const release = t.get('SrcRelease');
    const epoch = t.get('SrcEpoch');
    return compact({ name, version: v ? `${epoch && epoch !== '0' ? `${epoch}:` : ''}${v}${release ? `-${release}` : ''}` : undefined });
  }
  const built = /^built package from: (\S+)(?: (\S+))?$/.exec(asString(p.sourceInfo) ?? '');
  return built ? compact({ name: built[1], version: built[2] }) : {};
}

/** The OS package that owns each language package, from syft's `ownership-by-file-overlap` relationships. */
function owners(doc: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of asArray(doc.relationships).map(asRecord)) {
    if (!r || asString(r.relationshipType) !== 'OTHER' || !/^ownership-by-file-overlap/.test(asString(r.comment) ?? '')) continue;
    const owner = asString(r.spdxElementId);
    const owned = asString(r.relatedSpdxElement);
    if (owner && owned && !out.has(owned)) out.set(owned, owner);
  }
  return out;
}

const isOperatingSystem = (p: JsonObject): boolean => asString(p.primaryPackagePurpose) === 'OPERATING-SYSTEM' || (/^SPDXRef-OperatingSystem-/.test(asString(p.SPDXID) ?? '') && !purlOf(p));

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
  const bySpdxId = new Map<string, Package>();
  let distro: Distro | undefined;
  for (const p of elements) {
    if (p === root || isImage(p)) continue;
    if (isOperatingSystem(p)) {
      const name = asString(p.name);
      if (name) distro ??= normaliseDistro(name, asString(p.versionInfo));
      continue;
    }
    const { foundBy, paths: found } = origin(p);
    // trivy: the file a language package was found in, as a `FilePath:` annotation (relative to the image root).
    const file = trivyFields(p).get('FilePath');
    const paths = found.length || !file ? found : [file.startsWith('/') ? file : `/${file}`];
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
    if ('package' in r) {
      packages.push(r.package);
      const spdxId = asString(p.SPDXID);
      if (spdxId) bySpdxId.set(spdxId, r.package);
    } else unknowns.push(r.unknown);
  }
  for (const [owned, owner] of owners(doc)) {
    const pkg = bySpdxId.get(owned);
    const by = bySpdxId.get(owner);
    if (pkg && by && !isOsPackageType(pkg.type) && isOsPackageType(by.type)) pkg.ownedBy = by.id;
  }
  inferOwnership(packages);
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
