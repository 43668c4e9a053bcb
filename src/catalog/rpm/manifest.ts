import type { Package, Unknown } from '../../model/index.js';
import type { Cataloger, CatalogContext, CatalogResult } from '../cataloger.js';
import { dbLocation, dbUnknown, readIfPresent } from '../distro/os-package.js';
import { RPM_DB_PATHS, rpmPackage } from './cataloger.js';
import type { RpmPackageInfo } from './header.js';

export const RPM_MANIFEST_PATH = '/var/lib/rpmmanifest/container-manifest-2';
const ID = 'rpm/manifest';

/**
 * CBL-Mariner distroless images have no rpm database, only a text manifest: one package a line, tab-separated
 * name, version-release, install time, build time, vendor, epoch or `(none)`, size, arch, 0, source rpm.
 */
export function parseRpmManifest(text: string): { infos: RpmPackageInfo[]; errors: string[] } {
  const infos: RpmPackageInfo[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const f = line.split('\t');
    if (f.length < 10) {
      errors.push(`line ${i + 1} has ${f.length} fields, not 10`);
      return;
    }
    const vr = f[1]!;
    const dash = vr.lastIndexOf('-');
    if (dash <= 0 || dash === vr.length - 1) {
      errors.push(`line ${i + 1}: version "${vr}" has no release`);
      return;
    }
    const info: RpmPackageInfo = { name: f[0]!, version: vr.slice(0, dash), release: vr.slice(dash + 1), files: [] };
    if (/^\d+$/.test(f[5]!)) info.epoch = Number(f[5]); // "(none)" and unparsable epochs mean no epoch
    if (f[4]) info.vendor = f[4];
    if (/^\d+$/.test(f[6]!)) info.size = Number(f[6]);
    if (f[7]) info.arch = f[7];
    if (f[9] && f[9] !== '(none)') info.sourceRpm = f[9];
    infos.push(info);
  });
  return { infos, errors };
}

export const rpmManifestCataloger: Cataloger = {
  id: ID,
  version: 0,
  description: 'RPM packages from the CBL-Mariner distroless manifest, when the image has no rpm database',
  tags: ['image', 'directory', 'installed', 'os', 'rpm'],
  requests: [{ id: ID, paths: [RPM_MANIFEST_PATH], database: true }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const { view } = ctx;
    if (RPM_DB_PATHS.some((p) => view.get(p, { follow: true }))) return Promise.resolve({ packages: [], unknowns: [] });
    const { text, reason } = readIfPresent(view, RPM_MANIFEST_PATH);
    const unknowns: Unknown[] = [];
    if (text === undefined) return Promise.resolve({ packages: [], unknowns: reason ? [dbUnknown(view, ID, RPM_MANIFEST_PATH, reason, 'rpm')] : [] });
    const { infos, errors } = parseRpmManifest(text);
    if (errors.length > 0) unknowns.push(dbUnknown(view, ID, RPM_MANIFEST_PATH, `malformed rpm manifest: ${errors[0]}`, 'rpm'));
    const location = dbLocation(view, RPM_MANIFEST_PATH);
    const packages: Package[] = infos.map((info) => rpmPackage(info, ctx.distro, RPM_MANIFEST_PATH, location, ID));
    return Promise.resolve({ packages, unknowns });
  },
};
