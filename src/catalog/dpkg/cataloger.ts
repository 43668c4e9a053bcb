import type { FileView } from '../../image/file-view.js';
import type { Distro, Package, Unknown } from '../../model/index.js';
import type { Cataloger, CatalogContext, CatalogResult } from '../cataloger.js';
import { distroQualifier } from '../distro/detect.js';
import { absolutePath, dbLocation, dbUnknown, osPackageId, readIfPresent } from '../distro/os-package.js';
import { gapUnknowns, packageOrigins, withOrigin } from '../package-origin.js';
import { purl } from '../purl.js';
import { parseDebianCopyright, parseDebianCopyrightNames } from './copyright.js';
import { isInstalled, parseDpkgStatus, resolveDpkgDependencies, type DpkgRecord } from './parse.js';

export const DPKG_STATUS_PATH = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d';
const INFO = '/var/lib/dpkg/info';
const ID = 'dpkg/status';

/** Files in `status.d/` beside the per-package stanzas that are not databases. */
const NOT_A_STATUS_FILE = /\.(md5sums|conffiles|list|preinst|postinst|prerm|postrm|config|templates|triggers|shlibs|symbols)$/;

export const dpkgCataloger: Cataloger = {
  id: ID,
  version: 0,
  description: 'Debian and Ubuntu packages from the dpkg status database (and distroless status.d)',
  tags: ['image', 'directory', 'installed', 'os', 'dpkg', 'deb'],
  requests: [
    // The databases in every layer's version: the layer that introduced each package is found by comparing them.
    { id: ID, paths: [DPKG_STATUS_PATH], globs: [`${STATUS_D}/*`], everyLayer: true, database: true },
    { id: ID, globs: [`${INFO}/*.list`, `${INFO}/*.md5sums`, `${INFO}/*.conffiles`] },
    { id: ID, globs: ['/usr/share/doc/*/copyright'], maxBytes: 1024 * 1024 },
  ],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    return Promise.resolve(catalogDpkg(ctx));
  },
};

function catalogDpkg(ctx: CatalogContext): CatalogResult {
  const { view } = ctx;
  const packages: Package[] = [];
  const unknowns: Unknown[] = [];
  const isStatusD = (path: string): boolean => path.startsWith(`${STATUS_D}/`) && !path.slice(STATUS_D.length + 1).includes('/') && !NOT_A_STATUS_FILE.test(path);
  const databases = [DPKG_STATUS_PATH, ...view.glob(`${STATUS_D}/*`).filter((e) => e.type !== 'dir' && isStatusD(e.path)).map((e) => e.path)];
  for (const dbPath of databases) {
    const { text, reason } = readIfPresent(view, dbPath);
    if (text === undefined) {
      if (reason) unknowns.push(dbUnknown(view, ID, dbPath, reason, 'deb'));
      continue;
    }
    const parsed = parseDpkgStatus(text);
    if (parsed.errors.length > 0) {
      const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
      unknowns.push(dbUnknown(view, ID, dbPath, `malformed dpkg status file: ${parsed.errors[0]}${more}`, 'deb'));
    }
    const installed = parsed.records.filter(isInstalled);
    const deps = resolveDpkgDependencies(installed);
    const location = dbLocation(view, dbPath);
    const distroless = dbPath !== DPKG_STATUS_PATH;
    for (const r of installed) {
      packages.push(toPackage(view, r, ctx.distro, dbPath, location, deps.get(r.name) ?? [], distroless, unknowns));
    }
  }
  // Every database that existed in some layer: a package may move from one to another (status.d rewritten).
  const history = [DPKG_STATUS_PATH, ...view.versionedPaths().filter(isStatusD)];
  const { origins, gaps } = packageOrigins(view, history, (snapshot) => {
    const keys: string[] = [];
    for (const path of history) {
      const r = snapshot.read(path);
      if (r === undefined) continue;
      if (!r.ok) return { reason: r.reason };
      for (const rec of parseDpkgStatus(r.data.toString('utf8')).records) if (isInstalled(rec)) keys.push(dpkgKey(rec));
    }
    return { keys };
  });
  unknowns.push(...gapUnknowns(ID, DPKG_STATUS_PATH, gaps, origins));
  return { packages: packages.map((p) => withOrigin(p, origins.get(dpkgKey({ name: p.name, version: p.version, arch: p.arch })))), unknowns };
}

function dpkgKey(r: Pick<DpkgRecord, 'name' | 'version' | 'arch'>): string {
  return `${r.name}\0${r.version}\0${r.arch ?? ''}`;
}

export function debPurl(r: Pick<DpkgRecord, 'name' | 'version' | 'arch' | 'sourceName' | 'sourceVersion'>, distro: Distro | undefined): string {
  const upstream = r.sourceName ? (r.sourceVersion ? `${r.sourceName}@${r.sourceVersion}` : r.sourceName) : undefined;
  return purl({
    type: 'deb',
    namespace: distro?.id ? distro.id : undefined,
    name: r.name,
    version: r.version,
    qualifiers: { arch: r.arch, distro: distroQualifier(distro), upstream },
  });
}

function toPackage(
  view: FileView,
  r: DpkgRecord,
  distro: Distro | undefined,
  dbPath: string,
  location: Package['locations'][number],
  dependsOn: string[],
  distroless: boolean,
  unknowns: Unknown[],
): Package {
  const copyrightPath = `/usr/share/doc/${r.name}/copyright`;
  const copyright = readIfPresent(view, copyrightPath);
  if (copyright.reason) unknowns.push(dbUnknown(view, ID, copyrightPath, copyright.reason));
  const declared = copyright.text === undefined ? [] : parseDebianCopyrightNames(copyright.text);
  const licenses = copyright.text === undefined ? [] : parseDebianCopyright(copyright.text);
  const files = ownedFiles(view, r, distroless);
  return {
    id: osPackageId('deb', r.name, r.version, dbPath),
    type: 'deb',
    name: r.name,
    version: r.version,
    purl: debPurl(r, distro),
    licenses,
    ...(declared.length > 0 ? { declaredLicenses: declared } : {}),
    // The database first; then the package's own file list, whose layer is the one that installed the package.
    locations: files.from[0] ? [location, dbLocation(view, files.from[0])] : [location],
    foundBy: ID,
    source: { name: r.sourceName ?? r.name, version: r.sourceVersion ?? r.version },
    ...(r.arch ? { arch: r.arch } : {}),
    metadata: {
      ...(r.sourceName !== undefined ? { sourceName: r.sourceName } : {}),
      ...(r.sourceVersion !== undefined ? { sourceVersion: r.sourceVersion } : {}),
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.maintainer !== undefined ? { maintainer: r.maintainer } : {}),
      ...(r.installedSize !== undefined ? { installedSize: r.installedSize } : {}),
      ...(r.multiArch !== undefined ? { multiArch: r.multiArch } : {}),
      depends: r.depends,
      preDepends: r.preDepends,
      provides: r.provides,
      dependsOn,
      ...(copyright.text !== undefined ? { copyrightPath } : {}),
      filesFrom: files.from,
      files: files.paths,
    },
  };
}

/**
 * Owned files: `info/<pkg>[:arch].list` (without its directories), or, where there is no list (distroless, some
 * minimal images), the `md5sums` and `conffiles` entries.
 */
function ownedFiles(view: FileView, r: DpkgRecord, distroless: boolean): { paths: string[]; from: string[] } {
  const bases = distroless ? [`${STATUS_D}/${r.name}`] : [...(r.arch ? [`${INFO}/${r.name}:${r.arch}`] : []), `${INFO}/${r.name}`];
  for (const base of bases) {
    const list = view.readText(`${base}.list`);
    if (list === undefined) continue;
    // Directories are listed too: drop those that hold other listed paths, or that are directories in the image.
    const listed = list
      .split('\n')
      .map((l) => l.trim())
      .filter((p) => p !== '' && p !== '/.' && p !== '/')
      .sort();
    const paths = listed.filter((p, i) => !listed[i + 1]?.startsWith(`${p}/`) && view.get(p)?.type !== 'dir');
    return { paths, from: [`${base}.list`] };
  }
  const paths = new Set<string>();
  const from: string[] = [];
  for (const base of bases) {
    const md5 = view.readText(`${base}.md5sums`);
    if (md5 === undefined) continue;
    from.push(`${base}.md5sums`);
    for (const line of md5.split('\n')) {
      const m = /^[0-9a-fA-F]+\s+(.+)$/.exec(line.trim());
      if (m) paths.add(absolutePath(m[1]!));
    }
    break;
  }
  for (const base of bases) {
    const conf = view.readText(`${base}.conffiles`);
    if (conf === undefined) continue;
    from.push(`${base}.conffiles`);
    for (const line of conf.split('\n')) if (line.trim().startsWith('/')) paths.add(line.trim());
    break;
  }
  for (const c of r.conffiles) paths.add(c);
  return { paths: [...paths].sort(), from };
}
