/**
 * The distro an SBOM describes, as os-release would say it (`ID`, `VERSION_ID`), so that OS packages read from an
 * SBOM match the same distro advisories as the image they came from. Producers name distros three ways:
 * - syft: the os-release ID and VERSION_ID (`debian`, `12`; `rhel`, `9.4`), plus `syft:distro:*` properties;
 * - trivy: its OS family (`redhat`, `alma`, `amazon`, `oracle`, `cbl-mariner`, `opensuse.leap`, `suse linux
 *   enterprise server`) and the release it read (`12.5`, `2 (Karoo)`), in the operating-system component and in the
 *   purls' `distro` qualifier (`redhat-8`; for apk only the release, `3.14.2`);
 * - osv-scalibr and purl-spec's examples: a codename (`distro=bookworm`, `distro=jessie`).
 */

import type { Distro } from '../model/index.js';
import type { ParsedPurl } from './purl-parse.js';

/** trivy's OS family names (pkg/fanal/types/const.go) → os-release ID. Names not listed are already an ID. */
const TRIVY_FAMILY: Readonly<Record<string, string>> = {
  redhat: 'rhel',
  alma: 'almalinux',
  amazon: 'amzn',
  oracle: 'ol',
  'cbl-mariner': 'mariner',
  'opensuse.leap': 'opensuse-leap',
  'opensuse.tumbleweed': 'opensuse-tumbleweed',
  opensuse: 'opensuse-leap',
  'suse linux enterprise server': 'sles',
  'suse linux enterprise desktop': 'sled',
  'suse linux enterprise micro': 'sle-micro',
  'sles-sap': 'sles_sap',
};

/** Release codenames → VERSION_ID, for a purl `distro=bookworm` (purl-spec's deb examples, osv-scalibr). */
const CODENAMES: Readonly<Record<string, { id: string; versionId: string }>> = {
  buster: { id: 'debian', versionId: '10' },
  bullseye: { id: 'debian', versionId: '11' },
  bookworm: { id: 'debian', versionId: '12' },
  trixie: { id: 'debian', versionId: '13' },
  forky: { id: 'debian', versionId: '14' },
  stretch: { id: 'debian', versionId: '9' },
  jessie: { id: 'debian', versionId: '8' },
  xenial: { id: 'ubuntu', versionId: '16.04' },
  bionic: { id: 'ubuntu', versionId: '18.04' },
  focal: { id: 'ubuntu', versionId: '20.04' },
  jammy: { id: 'ubuntu', versionId: '22.04' },
  kinetic: { id: 'ubuntu', versionId: '22.10' },
  lunar: { id: 'ubuntu', versionId: '23.04' },
  mantic: { id: 'ubuntu', versionId: '23.10' },
  noble: { id: 'ubuntu', versionId: '24.04' },
  oracular: { id: 'ubuntu', versionId: '24.10' },
  plucky: { id: 'ubuntu', versionId: '25.04' },
  questing: { id: 'ubuntu', versionId: '25.10' },
};

/** An os-release ID for a name a producer gives (an ID, or trivy's family). */
export function osReleaseId(name: string): string {
  const n = name.trim().toLowerCase();
  return Object.hasOwn(TRIVY_FAMILY, n) ? TRIVY_FAMILY[n]! : n;
}

/**
 * VERSION_ID from a release as a producer writes it: trivy's Amazon Linux release is `2 (Karoo)` or
 * `2023.6.20241010` where os-release says `2` and `2023`.
 */
function versionIdOf(id: string, version: string | undefined): string | undefined {
  const v = version?.trim();
  if (!v) return undefined;
  if (id === 'amzn') return /^(\d+)/.exec(v)?.[1] ?? v;
  return v.replace(/\s+\(.*\)$/, '');
}

/**
 * A distro from an id-or-family and a release. A Debian point release (trivy reads `/etc/debian_version`: `12.7`)
 * keeps its major as `releaseVersionId`, what os-release's VERSION_ID says, as the image's own detection does
 * (src/catalog/distro/detect.ts).
 */
export function normaliseDistro(name: string, version: string | undefined, extra: Omit<Distro, 'id' | 'versionId'> = {}): Distro {
  const id = osReleaseId(name);
  const versionId = versionIdOf(id, version);
  const point = id === 'debian' ? /^(\d+)\.\d+/.exec(versionId ?? '')?.[1] : undefined;
  return { id, ...(versionId ? { versionId } : {}), ...(point ? { releaseVersionId: point } : {}), ...extra };
}

/**
 * The distro a purl's `distro` qualifier names (`debian-12`, `redhat-8`, `alpine-3.20.3`, `3.14.2`, `bookworm`),
 * the namespace standing in for the id where the qualifier gives only a release or a codename. Undefined when the
 * purl names no distro.
 */
export function distroOfPurl(p: ParsedPurl): Distro | undefined {
  const q = p.qualifiers.distro?.trim();
  const ns = p.namespace?.toLowerCase();
  if (!q) return undefined;
  const code = q.toLowerCase();
  if (Object.hasOwn(CODENAMES, code)) return { ...CODENAMES[code]!, versionCodename: code };
  // Only a release (trivy's apk purls): the namespace is the id.
  if (/^\d/.test(q)) return ns ? normaliseDistro(ns, q) : undefined;
  const m = /^(.*?)-(\d.*)$/.exec(q);
  if (m) return normaliseDistro(m[1]!, m[2]);
  // A codename not in the table: keep it as the codename of the namespace's distro.
  if (ns && osReleaseId(ns) !== osReleaseId(q)) return { id: osReleaseId(ns), versionCodename: code };
  return { id: osReleaseId(q) };
}
