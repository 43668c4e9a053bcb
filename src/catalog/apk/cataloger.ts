import type { Distro, Package, Unknown } from '../../model/index.js';
import type { Cataloger, CatalogContext, CatalogResult } from '../cataloger.js';
import { distroQualifier } from '../distro/detect.js';
import { dbLocation, dbUnknown, osPackageId, readIfPresent } from '../distro/os-package.js';
import { gapUnknowns, packageOrigins, withOrigin } from '../package-origin.js';
import { purl } from '../purl.js';
import { apkLicenses, parseApkDb, resolveApkDependencies, type ApkRecord } from './parse.js';

export const APK_DB_PATH = '/lib/apk/db/installed';
const ID = 'apk/installed';

export const apkCataloger: Cataloger = {
  id: ID,
  version: 0,
  description: 'Alpine and Wolfi packages from the apk database (/lib/apk/db/installed)',
  tags: ['image', 'directory', 'installed', 'os', 'apk'],
  // Every layer's version of the database: the layer that introduced each package is found by comparing them.
  requests: [{ id: ID, paths: [APK_DB_PATH], everyLayer: true, database: true }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    return Promise.resolve(catalogApk(ctx));
  },
};

function catalogApk(ctx: CatalogContext): CatalogResult {
  const { view } = ctx;
  const { text, reason } = readIfPresent(view, APK_DB_PATH);
  if (text === undefined) return { packages: [], unknowns: reason ? [dbUnknown(view, ID, APK_DB_PATH, reason, 'apk')] : [] };
  const parsed = parseApkDb(text);
  const unknowns: Unknown[] = [];
  if (parsed.errors.length > 0) {
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
    unknowns.push(dbUnknown(view, ID, APK_DB_PATH, `malformed apk database: ${parsed.errors[0]}${more}`, 'apk'));
  }
  const location = dbLocation(view, APK_DB_PATH);
  const deps = resolveApkDependencies(parsed.records);
  const { origins, gaps } = packageOrigins(view, [APK_DB_PATH], (snapshot) => {
    const r = snapshot.read(APK_DB_PATH);
    if (r === undefined) return { keys: [] };
    if (!r.ok) return { reason: r.reason };
    return { keys: parseApkDb(r.data.toString('utf8')).records.map(apkKey) };
  });
  unknowns.push(...gapUnknowns(ID, APK_DB_PATH, gaps, origins));
  const packages = parsed.records.map((r) => withOrigin(toPackage(r, ctx.distro, location, deps.get(r.name) ?? []), origins.get(apkKey(r))));
  return { packages, unknowns };
}

function apkKey(r: Pick<ApkRecord, 'name' | 'version' | 'arch'>): string {
  return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}

export function apkPurl(r: Pick<ApkRecord, 'name' | 'version' | 'arch' | 'origin'>, distro: Distro | undefined): string {
  return purl({
    type: 'apk',
    namespace: distro?.id ? distro.id : undefined,
    name: r.name,
    version: r.version,
    qualifiers: {
      arch: r.arch,
      distro: distroQualifier(distro),
      upstream: r.origin && r.origin !== r.name ? r.origin : undefined,
    },
  });
}

function toPackage(r: ApkRecord, distro: Distro | undefined, location: Package['locations'][number], dependsOn: string[]): Package {
  return {
    id: osPackageId('apk', r.name, r.version, APK_DB_PATH),
    type: 'apk',
    name: r.name,
    version: r.version,
    purl: apkPurl(r, distro),
    licenses: apkLicenses(r.license),
    locations: [location],
    foundBy: ID,
    ...(r.origin ? { source: { name: r.origin, version: r.version } } : {}),
    ...(r.arch ? { arch: r.arch } : {}),
    metadata: {
      ...(r.origin !== undefined ? { origin: r.origin } : {}),
      ...(r.license !== undefined ? { license: r.license } : {}),
      ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
      ...(r.description !== undefined ? { description: r.description } : {}),
      ...(r.url !== undefined ? { url: r.url } : {}),
      ...(r.size !== undefined ? { size: r.size } : {}),
      ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
      ...(r.checksum !== undefined ? { checksum: r.checksum } : {}),
      ...(r.commit !== undefined ? { commit: r.commit } : {}),
      depends: r.depends,
      provides: r.provides,
      dependsOn,
      files: r.files,
    },
  };
}
