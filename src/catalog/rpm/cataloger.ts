import type { Distro, Package, Unknown } from '../../model/index.js';
import type { Cataloger, CatalogContext, CatalogResult } from '../cataloger.js';
import { distroQualifier } from '../distro/detect.js';
import { dbLocation, dbUnknown, osPackageId } from '../distro/os-package.js';
import { gapUnknowns, packageOrigins, withOrigin } from '../package-origin.js';
import { purl } from '../purl.js';
import { isBerkeleyHash, readBdbHashValues } from './bdb.js';
import { readRpmPackage, rpmVersionString, type RpmPackageInfo } from './header.js';
import { isNdb, readNdbBlobs } from './ndb.js';
import { SqliteFile, isSqlite } from './sqlite.js';

const ID = 'rpm/db';
const DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm', '/usr/share/rpm'];
/** In one directory, the newest format wins: rpm reads only one, and a migration may leave the old one behind. */
const FILES = ['rpmdb.sqlite', 'Packages.db', 'Packages'];
export const RPM_DB_PATHS = DIRS.flatMap((d) => FILES.map((f) => `${d}/${f}`));

export const rpmCataloger: Cataloger = {
  id: ID,
  version: 0,
  description: 'RPM packages from the rpm database: BerkeleyDB Packages, rpmdb.sqlite and ndb Packages.db',
  tags: ['image', 'directory', 'installed', 'os', 'rpm'],
  // Every layer's version of the databases: the layer that introduced each package is found by comparing them.
  requests: [{ id: ID, paths: RPM_DB_PATHS, everyLayer: true, database: true }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    return Promise.resolve(catalogRpm(ctx));
  },
};

function catalogRpm(ctx: CatalogContext): CatalogResult {
  const { view } = ctx;
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  const readDirs = new Set<string>();
  const seen = new Set<string>();
  const keyOf = new Map<Package, string>();
  for (const dir of DIRS) {
    const realDir = view.resolve(dir, { follow: true });
    if (realDir === undefined || readDirs.has(realDir)) continue;
    for (const file of FILES) {
      const path = `${dir}/${file}`;
      if (!view.get(path, { follow: true })) continue;
      readDirs.add(realDir);
      const read = view.read(path);
      if (!read.ok) {
        unknowns.push(dbUnknown(view, ID, path, read.reason, 'rpm'));
        break;
      }
      const { infos, errors } = readDatabase(read.data);
      if (errors.length > 0) {
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : '';
        unknowns.push(dbUnknown(view, ID, path, `${errors[0]}${more}`, 'rpm'));
      }
      const location = dbLocation(view, path);
      for (const info of infos) {
        const key = rpmKey(info);
        if (seen.has(key)) continue;
        seen.add(key);
        packages.push(rpmPackage(info, ctx.distro, path, location));
        keyOf.set(packages[packages.length - 1]!, key);
      }
      break;
    }
  }
  // Each layer's databases, read with the same rules (per real directory, the newest format that exists then).
  const dirs = [...new Set(DIRS.map((d) => view.resolve(d, { follow: true }) ?? d))];
  const history = dirs.flatMap((d) => FILES.map((f) => `${d}/${f}`));
  const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
    const keys: string[] = [];
    for (const dir of dirs) {
      for (const file of FILES) {
        const r = snapshot.read(`${dir}/${file}`);
        if (r === undefined) continue;
        if (!r.ok) return { reason: r.reason };
        for (const info of readDatabase(r.data).infos) keys.push(rpmKey(info));
        break;
      }
    }
    return { keys };
  });
  const rpmdb = packages[0]?.locations[0]?.path ?? RPM_DB_PATHS[0]!;
  unknowns.push(...gapUnknowns(ID, rpmdb, gaps, origins));
  return { packages: packages.map((p) => withOrigin(p, origins.get(keyOf.get(p)!))), unknowns };
}

function rpmKey(info: RpmPackageInfo): string {
  return `${info.name}\0${rpmVersionString(info)}\0${info.arch ?? ''}`;
}

/** Reads every package of a database file, whatever its format. Problems are returned, never thrown. */
export function readDatabase(data: Buffer): { infos: RpmPackageInfo[]; errors: string[] } {
  const errors: string[] = [];
  let blobs: Buffer[];
  try {
    if (isSqlite(data)) {
      const db = new SqliteFile(data);
      const root = db.tableRoot('Packages');
      if (root === undefined) return { infos: [], errors: ['rpmdb.sqlite has no Packages table'] };
      blobs = [];
      for (const row of db.rows(root)) {
        const blob = row.values[1];
        if (Buffer.isBuffer(blob)) blobs.push(blob);
        else errors.push(`Packages row ${row.rowid} has no header blob`);
      }
    } else if (isNdb(data)) {
      const r = readNdbBlobs(data);
      blobs = r.blobs;
      errors.push(...r.errors);
    } else if (isBerkeleyHash(data)) {
      // Key 0 holds a 4-byte record counter, not a header.
      blobs = readBdbHashValues(data).filter((b) => b.length > 8);
    } else {
      return { infos: [], errors: ['not an rpm database: neither BerkeleyDB hash, SQLite nor ndb'] };
    }
  } catch (e) {
    return { infos: [], errors: [`unreadable rpm database: ${(e as Error).message}`] };
  }
  const infos: RpmPackageInfo[] = [];
  for (const blob of blobs) {
    try {
      const info = readRpmPackage(blob);
      if (info.name === 'gpg-pubkey') continue; // imported signing keys, not packages
      infos.push(info);
    } catch (e) {
      errors.push(`bad package header: ${(e as Error).message}`);
    }
  }
  return { infos, errors };
}

/** `util-linux-2.32.1-42.el8_8.src.rpm` → util-linux, 2.32.1-42.el8_8. */
export function parseSourceRpm(sourceRpm: string): { name: string; version: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
  return m ? { name: m[1]!, version: `${m[2]}-${m[3]}` } : undefined;
}

export function rpmPurl(info: Pick<RpmPackageInfo, 'name' | 'epoch' | 'version' | 'release' | 'arch' | 'sourceRpm'>, distro: Distro | undefined): string {
  return purl({
    type: 'rpm',
    namespace: distro?.id ? distro.id : undefined,
    name: info.name,
    version: info.release ? `${info.version}-${info.release}` : info.version,
    qualifiers: {
      arch: info.arch,
      distro: distroQualifier(distro),
      epoch: info.epoch !== undefined ? String(info.epoch) : undefined,
      upstream: info.sourceRpm,
    },
  });
}

/** One rpm header's package: shared by the database cataloger and the distroless manifest cataloger. */
export function rpmPackage(info: RpmPackageInfo, distro: Distro | undefined, dbPath: string, location: Package['locations'][number], foundBy = ID): Package {
  const version = rpmVersionString(info);
  const source = info.sourceRpm ? parseSourceRpm(info.sourceRpm) : undefined;
  return {
    id: osPackageId('rpm', info.name, version, dbPath),
    type: 'rpm',
    name: info.name,
    version,
    purl: rpmPurl(info, distro),
    licenses: info.license ? [info.license] : [],
    locations: [location],
    foundBy,
    ...(source ? { source } : {}),
    ...(info.arch ? { arch: info.arch } : {}),
    metadata: {
      ...(info.epoch !== undefined ? { epoch: info.epoch } : {}),
      version: info.version,
      release: info.release,
      ...(info.sourceRpm !== undefined ? { sourceRpm: info.sourceRpm } : {}),
      ...(info.license !== undefined ? { license: info.license } : {}),
      ...(info.vendor !== undefined ? { vendor: info.vendor } : {}),
      ...(info.modularityLabel !== undefined ? { modularityLabel: info.modularityLabel } : {}),
      ...(info.size !== undefined ? { size: info.size } : {}),
      ...(info.sigMd5 !== undefined ? { sigMd5: info.sigMd5 } : {}),
      files: info.files,
    },
  };
}
