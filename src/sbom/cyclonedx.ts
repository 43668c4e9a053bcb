/**
 * CycloneDX JSON (1.4 to 1.7) back into the package model. Reads Portcullis's own properties (`portcullis:package:*`,
 * `portcullis:location:N:*`) and syft's (`syft:package:*`, `syft:location:N:path`, `syft:metadata:source*`); any
 * other producer gives what the standard fields carry: name, version, purl, licences.
 */

import type { Distro, Package, PackageLocation, Platform, Unknown } from '../model/index.js';
import { distroFromPackages, SBOM_STAGE, splitLicenseExpression, toPackage, type SbomDocument, type SbomImage } from './document.js';
import { asArray, asRecord, asString, compact, type JsonObject } from './json.js';

interface Property {
  name: string;
  value: string;
}

function propertiesOf(c: JsonObject): Property[] {
  return asArray(c.properties)
    .map(asRecord)
    .filter((p): p is JsonObject => p !== undefined)
    .map((p) => ({ name: asString(p.name) ?? '', value: asString(p.value) ?? '' }))
    .filter((p) => p.name !== '');
}

/** The first value of a property, under the Portcullis name or syft's. */
function prop(props: readonly Property[], ...names: string[]): string | undefined {
  for (const n of names) {
    const hit = props.find((p) => p.name === n);
    if (hit?.value) return hit.value;
  }
  return undefined;
}

function licensesOf(c: JsonObject): string[] {
  const out: string[] = [];
  for (const entry of asArray(c.licenses).map(asRecord)) {
    if (!entry) continue;
    const expression = asString(entry.expression);
    if (expression) {
      out.push(...splitLicenseExpression(expression));
      continue;
    }
    const license = asRecord(entry.license);
    const text = asString(license?.id) ?? asString(license?.name);
    if (text) out.push(text);
  }
  return out;
}

/** `portcullis:location:N:path` (or syft's) with, when all are given, the layer it came from. */
function locationsOf(props: readonly Property[]): PackageLocation[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const p of props) {
    const m = /^(?:portcullis|syft):location:(\d+):(\w+)$/.exec(p.name);
    if (!m) continue;
    const i = Number(m[1]);
    byIndex.set(i, { ...byIndex.get(i), [m[2]!]: p.value });
  }
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(([, f]) => f.path)
    .map(([, f]) => {
      const layerIndex = f.layerIndex !== undefined ? Number(f.layerIndex) : NaN;
      const provenance =
        Number.isInteger(layerIndex) && f.layerDigest && f.diffId
          ? { provenance: { layerIndex, layerDigest: f.layerDigest, diffId: f.diffId } }
          : {};
      return { path: f.path!, ...provenance };
    });
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
  const configDigest = prop(props, 'portcullis:image:configDigest');
  const platform = platformOf(prop(props, 'portcullis:image:platform'));
  const repoDigests = props.filter((p) => p.name === 'portcullis:image:repoDigest').map((p) => p.value);
  const digest = version && /^sha256:[0-9a-f]{64}$/.test(version) && version !== configDigest ? version : undefined;
  return {
    ...(name ? { name } : {}),
    ...(digest ? { manifestDigest: digest } : {}),
    ...(configDigest ? { configDigest } : {}),
    ...(platform ? { platform } : {}),
    ...(repoDigests.length ? { repoDigests } : {}),
  };
}

/** Every component, nested ones included (CycloneDX allows components inside components). */
function flatten(components: unknown): JsonObject[] {
  return asArray(components)
    .map(asRecord)
    .filter((c): c is JsonObject => c !== undefined)
    .flatMap((c) => [c, ...flatten(c.components)]);
}

function distroOf(c: JsonObject): Distro | undefined {
  const id = asString(c.name)?.toLowerCase();
  if (!id) return undefined;
  const versionId = asString(c.version);
  const prettyName = asString(c.description);
  return { id, ...(versionId ? { versionId } : {}), ...(prettyName ? { prettyName } : {}) };
}

/** Types that are never packages: the image itself, files, services' data. */
const NOT_PACKAGES = new Set(['container', 'file', 'data', 'machine-learning-model', 'cryptographic-asset', 'platform', 'device', 'firmware']);

export function readCycloneDx(doc: JsonObject): SbomDocument {
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  let distro: Distro | undefined;
  for (const c of flatten(doc.components)) {
    const kind = asString(c.type) ?? 'library';
    if (kind === 'operating-system') {
      distro ??= distroOf(c);
      continue;
    }
    const purl = asString(c.purl);
    if (NOT_PACKAGES.has(kind) && !purl) continue;
    const props = propertiesOf(c);
    const name = asString(c.name);
    const group = asString(c.group);
    const label = `component "${[group, name].filter(Boolean).join('/') || asString(c['bom-ref']) || '?'}"`;
    const r = toPackage(
      compact({
        id: asString(c['bom-ref']),
        type: prop(props, 'portcullis:package:type', 'syft:package:type'),
        // Scoped npm and composer names, and Go module paths, may come as group + name.
        name: name && group && /^pkg:(npm|composer|golang)\//.test(purl ?? '') && !name.includes('/') ? `${group}/${name}` : name,
        version: asString(c.version),
        purl: purl ?? '',
        licenses: licensesOf(c),
        locations: locationsOf(props),
        foundBy: prop(props, 'portcullis:package:foundBy', 'syft:package:foundBy'),
        sourceName: prop(props, 'portcullis:package:sourceName', 'syft:metadata:source'),
        sourceVersion: prop(props, 'portcullis:package:sourceVersion', 'syft:metadata:sourceVersion'),
        arch: prop(props, 'portcullis:package:arch', 'syft:metadata:architecture'),
        ownedBy: prop(props, 'portcullis:package:ownedBy'),
      }),
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
  distro ??= distroFromPackages(packages);
  return {
    format: 'cyclonedx',
    specVersion: asString(doc.specVersion) ?? '',
    packages,
    ...(distro ? { distro } : {}),
    image: imageOf(asRecord(doc.metadata)),
    unknowns,
  };
}
