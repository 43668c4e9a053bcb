/**
 * CycloneDX JSON (1.4 to 1.7) back into the package model. Reads, beside the standard fields (name, group, version,
 * purl, licences):
 * - Portcullis's own properties (`portcullis:package:*`, `portcullis:location:N:*`, `portcullis:image:*`);
 * - syft's (`syft:package:type`, `syft:package:foundBy`, `syft:location:N:path`, `syft:metadata:source`,
 *   `sourceVersion`, `originPackage`, `sourceRpm`, `epoch`, `architecture`/`arch`; the operating-system component's
 *   `syft:distro:*`), as anchore/syft's syft/format/cyclonedxjson/testdata/snapshot/*.golden show them;
 * - trivy's (`aquasecurity:trivy:SrcName`, `SrcVersion`, `SrcRelease`, `SrcEpoch`, `FilePath`; on the
 *   image `RepoTag`, `RepoDigest`, `ImageID`; the operating-system component named by trivy's OS family), as
 *   aquasecurity/trivy's integration/testdata/fixtures/sbom/*-cyclonedx.json show them;
 * - cdxgen's `SrcFile` (the file a package was found in).
 */

import type { Distro, Package, PackageLocation, Platform, Unknown } from '../model/index.js';
import { normaliseDistro } from './distro.js';
import { distroFromPackages, inferOwnership, SBOM_STAGE, splitLicenseExpression, toPackage, type SbomDocument, type SbomImage } from './document.js';
import { isOsPackageType } from '../match/target.js';
import { sourceOfRpmFile } from './purl-parse.js';
import { asArray, asRecord, asString, type JsonObject } from './json.js';

interface Property {
  name: string;
  value: string;
}

/** A component's properties, read in one pass: the named ones in document order, and the first value of each name. */
interface Properties {
  readonly list: readonly Property[];
  /** The value of the first property of each name (possibly empty): what a search from the start finds. */
  readonly first: ReadonlyMap<string, string>;
}

function propertiesOf(c: JsonObject): Properties {
  const list: Property[] = [];
  const first = new Map<string, string>();
  const raw = c.properties;
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const p = asRecord(item);
      const name = p && asString(p.name);
      if (!name) continue;
      const value = asString(p.value) ?? '';
      list.push({ name, value });
      if (!first.has(name)) first.set(name, value);
    }
  }
  return { list, first };
}

/** The first value of a property, under the Portcullis name or syft's: the first property of a name, when not empty. */
function prop(props: Properties, ...names: string[]): string | undefined {
  for (const n of names) {
    const value = props.first.get(n);
    if (value) return value;
  }
  return undefined;
}

function licensesOf(c: JsonObject): string[] {
  const out: string[] = [];
  const raw = c.licenses;
  if (!Array.isArray(raw)) return out;
  for (const item of raw) {
    const entry = asRecord(item);
    if (!entry) continue;
    const expression = asString(entry.expression);
    if (expression) {
      for (const part of splitLicenseExpression(expression)) out.push(part);
      continue;
    }
    const license = asRecord(entry.license);
    const text = asString(license?.id) ?? asString(license?.name);
    if (text) out.push(text);
  }
  return out;
}

const LOCATION = /^(?:portcullis|syft):location:(\d+):(\w+)$/;

/** The fields of one `…:location:N:*` group that are read (a group with other fields only still counts as given). */
interface LocationFields {
  path?: string;
  layerIndex?: string;
  layerDigest?: string;
  diffId?: string;
}

/** `portcullis:location:N:path` (or syft's) with, when all are given, the layer it came from. */
function locationsOf(props: Properties): PackageLocation[] {
  const byIndex = new Map<number, LocationFields>();
  for (const p of props.list) {
    // Every name the pattern matches has this in it; most names have not, and skip the pattern.
    if (!p.name.includes(':location:')) continue;
    const m = LOCATION.exec(p.name);
    if (!m) continue;
    const i = Number(m[1]);
    let f = byIndex.get(i);
    if (!f) byIndex.set(i, (f = {}));
    // A later property of the same index and field replaces an earlier one.
    const field = m[2];
    if (field === 'path' || field === 'layerIndex' || field === 'layerDigest' || field === 'diffId') f[field] = p.value;
  }
  if (byIndex.size === 0) {
    // trivy's FilePath (relative to the image root) and cdxgen's SrcFile: one path, no layer index.
    const file = prop(props, 'aquasecurity:trivy:FilePath', 'SrcFile');
    return file ? [{ path: file.startsWith('/') ? file : `/${file}` }] : [];
  }
  const groups = byIndex.size === 1 ? [...byIndex.values()] : [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  const out: PackageLocation[] = [];
  for (const f of groups) {
    if (!f.path) continue;
    const layerIndex = f.layerIndex !== undefined ? Number(f.layerIndex) : NaN;
    out.push(
      Number.isInteger(layerIndex) && f.layerDigest && f.diffId
        ? { path: f.path, provenance: { layerIndex, layerDigest: f.layerDigest, diffId: f.diffId } }
        : { path: f.path },
    );
  }
  return out;
}

function platformOf(text: string | undefined): Platform | undefined {
  const [os, architecture, variant] = (text ?? '').split('/');
  if (!os || !architecture) return undefined;
  return { os, architecture, ...(variant ? { variant } : {}) };
}

function imageOf(metadata: JsonObject | undefined): SbomImage {
  const c = asRecord(metadata?.component);
  if (!c) return {};
  const props = propertiesOf(c);
  const name = prop(props, 'portcullis:image:reference') ?? asString(c.name);
  const version = asString(c.version);
  const configDigest = prop(props, 'portcullis:image:configDigest', 'aquasecurity:trivy:ImageID');
  const platform = platformOf(prop(props, 'portcullis:image:platform'));
  const repoDigests = props.list.filter((p) => p.name === 'portcullis:image:repoDigest' || p.name === 'aquasecurity:trivy:RepoDigest').map((p) => p.value);
  const repoTags = props.list.filter((p) => p.name === 'aquasecurity:trivy:RepoTag').map((p) => p.value);
  const digest = version && /^sha256:[0-9a-f]{64}$/.test(version) && version !== configDigest ? version : undefined;
  return {
    ...(name ? { name: repoTags[0] ?? name } : {}),
    ...(repoTags.length ? { repoTags } : {}),
    ...(digest ? { manifestDigest: digest } : {}),
    ...(configDigest ? { configDigest } : {}),
    ...(platform ? { platform } : {}),
    ...(repoDigests.length ? { repoDigests } : {}),
  };
}

/**
 * Every component, nested ones included (CycloneDX allows components inside components), each before those it
 * holds. The recursion is bounded by the document's depth, which parseSbom checked.
 */
function flatten(components: unknown, out: JsonObject[] = []): JsonObject[] {
  if (!Array.isArray(components)) return out;
  for (const item of components) {
    const c = asRecord(item);
    if (!c) continue;
    out.push(c);
    flatten(c.components, out);
  }
  return out;
}

/**
 * The operating-system component: syft names it by os-release ID and adds `syft:distro:*` properties; trivy names
 * it by its OS family (`redhat`, `alma`, `amazon`) with the release it read (`12.5`, `2 (Karoo)`).
 */
function distroOf(c: JsonObject): Distro | undefined {
  const props = propertiesOf(c);
  const name = prop(props, 'syft:distro:id') ?? asString(c.name);
  if (!name) return undefined;
  const versionId = prop(props, 'syft:distro:versionID') ?? asString(c.version);
  const prettyName = prop(props, 'syft:distro:prettyName') ?? asString(c.description);
  const versionCodename = prop(props, 'syft:distro:versionCodename');
  const idLike = props.list.filter((p) => /^syft:distro:idLike:\d+$/.test(p.name)).map((p) => p.value);
  return normaliseDistro(name, versionId, {
    ...(prettyName ? { prettyName } : {}),
    ...(versionCodename ? { versionCodename } : {}),
    ...(idLike.length ? { idLike } : {}),
  });
}

/** `[epoch:]version[-release]` from trivy's split source fields. */
function trivySourceVersion(props: Properties): string | undefined {
  const version = prop(props, 'aquasecurity:trivy:SrcVersion');
  if (!version) return undefined;
  const release = prop(props, 'aquasecurity:trivy:SrcRelease');
  const epoch = prop(props, 'aquasecurity:trivy:SrcEpoch');
  return `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
}

/** The source package a component's properties name: Portcullis's, syft's metadata, or trivy's Src* fields. */
function sourceOf(props: Properties): { sourceName: string | undefined; sourceVersion: string | undefined } {
  const ours = prop(props, 'portcullis:package:sourceName');
  if (ours) return { sourceName: ours, sourceVersion: prop(props, 'portcullis:package:sourceVersion') };
  const trivy = prop(props, 'aquasecurity:trivy:SrcName');
  if (trivy) return { sourceName: trivy, sourceVersion: trivySourceVersion(props) };
  const srpm = prop(props, 'syft:metadata:sourceRpm');
  const fromRpm = srpm ? sourceOfRpmFile(srpm) : undefined;
  if (fromRpm) return { sourceName: fromRpm.name, sourceVersion: fromRpm.version };
  return { sourceName: prop(props, 'syft:metadata:source', 'syft:metadata:originPackage'), sourceVersion: prop(props, 'syft:metadata:sourceVersion') };
}

/**
 * cdxgen drops trivy's properties from OS package components and adds, for each binary built from a differently
 * named source, a copy named after the source, tagged `source`, whose identity evidence names the binary
 * (CycloneDX/cdxgen lib/managers/binary.js, "Many vulnerability databases … track vulnerabilities based on source
 * package names"). That copy is not an installed package: it gives its binary's source package.
 */
function cdxgenSourceSibling(c: JsonObject): { binary: string; source: { name: string; version: string } } | undefined {
  if (!Array.isArray(c.tags) || !c.tags.includes('source')) return undefined;
  const evidence = asRecord(c.evidence);
  const identities = Array.isArray(evidence?.identity) ? evidence.identity : [evidence?.identity];
  const binary = identities
    .map(asRecord)
    .flatMap((i) => asArray(i?.methods).map(asRecord))
    .map((m) => asString(m?.value))
    .find((v) => v !== undefined);
  const name = asString(c.name);
  const version = asString(c.version);
  return binary && name && version ? { binary, source: { name, version } } : undefined;
}

function writtenByPortcullis(doc: JsonObject): boolean {
  const tools = asRecord(doc.metadata)?.tools;
  const list = Array.isArray(tools) ? tools : asArray(asRecord(tools)?.components);
  return list.some((t) => asString(asRecord(t)?.name) === 'portcullis');
}

/** Types that are never packages: the image itself, files, services' data. */
const NOT_PACKAGES = new Set(['container', 'file', 'data', 'machine-learning-model', 'cryptographic-asset', 'platform', 'device', 'firmware']);

export function readCycloneDx(doc: JsonObject): SbomDocument {
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  const cdxgenSources = new Map<string, { name: string; version: string }>();
  let distro: Distro | undefined;
  for (const c of flatten(doc.components)) {
    const kind = asString(c.type) ?? 'library';
    if (kind === 'operating-system') {
      distro ??= distroOf(c);
      continue;
    }
    const purl = asString(c.purl);
    if (NOT_PACKAGES.has(kind) && !purl) continue;
    const sibling = cdxgenSourceSibling(c);
    if (sibling) {
      cdxgenSources.set(sibling.binary, sibling.source);
      continue;
    }
    const props = propertiesOf(c);
    const name = asString(c.name);
    const group = asString(c.group);
    const label = `component "${(group && name ? `${group}/${name}` : (group ?? name)) || asString(c['bom-ref']) || '?'}"`;
    const { sourceName, sourceVersion } = sourceOf(props);
    // Fields the document does not give are undefined, which toPackage reads as absent.
    const r = toPackage(
      {
        id: asString(c['bom-ref']),
        type: prop(props, 'portcullis:package:type', 'syft:package:type'),
        // Scoped npm and composer names, and Go module paths, may come as group + name.
        name: name && group && /^pkg:(npm|composer|golang)\//.test(purl ?? '') && !name.includes('/') ? `${group}/${name}` : name,
        version: asString(c.version),
        purl: purl ?? '',
        licenses: licensesOf(c),
        locations: locationsOf(props),
        epoch: prop(props, 'syft:metadata:epoch'),
        foundBy: prop(props, 'portcullis:package:foundBy', 'syft:package:foundBy'),
        sourceName,
        sourceVersion,
        arch: prop(props, 'portcullis:package:arch', 'syft:metadata:architecture', 'syft:metadata:arch'),
        ownedBy: prop(props, 'portcullis:package:ownedBy'),
      },
      'cyclonedx',
      label,
    );
    if ('package' in r) packages.push(r.package);
    else unknowns.push(r.unknown);
  }
  // bom-refs are unique in a valid document; a duplicate would make two packages one, so it gets a suffix.
  const seen = new Map<string, number>();
  for (const p of packages) {
    const n = seen.get(p.id) ?? 0;
    seen.set(p.id, n + 1);
    if (n > 0) {
      unknowns.push({ stage: SBOM_STAGE, reason: `bom-ref "${p.id}" appears more than once; the copies are kept as separate packages` });
      p.id = `${p.id}#${n}`;
    }
  }
  for (const p of packages) {
    const src = cdxgenSources.get(p.name);
    if (src && isOsPackageType(p.type)) p.source = src;
  }
  // An SBOM of a host or root filesystem may describe the operating system itself as its metadata component.
  const described = asRecord(asRecord(doc.metadata)?.component);
  if (described && asString(described.type) === 'operating-system') distro ??= distroOf(described);
  distro ??= distroFromPackages(packages);
  // Portcullis writes ownership itself (`portcullis:package:ownedBy`): what it does not say is not there.
  if (!writtenByPortcullis(doc)) inferOwnership(packages);
  return {
    format: 'cyclonedx',
    specVersion: asString(doc.specVersion) ?? '',
    packages,
    ...(distro ? { distro } : {}),
    image: imageOf(asRecord(doc.metadata)),
    unknowns,
  };
}
