/** Installed Python distributions: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO` and `*.egg-info` files. */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { basename, dirname, normalizeEntryName } from '../../image/paths.js';
import { purl } from '../purl.js';
import { catalogUnknown, errorMessage, languagePackage } from '../npm/language-package.js';
import { normalizePythonName, parseCoreMetadata, parseInstalledFiles, parseRecord, vcsUrl } from './metadata.js';

/** The metadata file of an installed distribution (directory names are matched case-insensitively). */
export function isPythonMetadataPath(path: string): boolean {
  const base = basename(path);
  if (base === 'METADATA') return dirname(path).toLowerCase().endsWith('dist-info');
  if (base === 'PKG-INFO') return dirname(path).toLowerCase().endsWith('egg-info');
  return base.toLowerCase().endsWith('.egg-info');
}

const SIDECARS = new Set(['RECORD', 'installed-files.txt', 'direct_url.json']);

/** A file next to the metadata that the cataloger reads: the file list and the VCS origin. */
export function isPythonSidecarPath(path: string): boolean {
  if (!SIDECARS.has(basename(path))) return false;
  const dir = dirname(path).toLowerCase();
  return dir.endsWith('dist-info') || dir.endsWith('egg-info');
}

export const pythonInstalledCataloger: Cataloger = {
  id: 'python/installed',
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'python'],
  description: 'installed Python distributions (dist-info and egg-info, system-wide and in virtualenvs)',
  requests: [
    {
      id: 'python/installed',
      filter: (path, entry) => entry.type === 'file' && (isPythonMetadataPath(path) || isPythonSidecarPath(path)),
      maxBytes: 16 * 1024 * 1024,
    },
  ],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    const view = ctx.view;
    for (const path of view.capturedPaths().filter(isPythonMetadataPath)) {
      const r = view.read(path);
      if (!r.ok) {
        unknowns.push(catalogUnknown(view, this.id, path, r.reason, 'python'));
        continue;
      }
      if (r.data.length === 0) continue; // an empty egg-info file declares nothing
      try {
        const meta = parseCoreMetadata(r.data.toString('utf8'));
        if (!meta) {
          unknowns.push(catalogUnknown(view, this.id, path, 'python metadata without a Name header', 'python'));
          continue;
        }
        // The interpreter's own `Python-X.Y.egg-info` (lib-dynload) describes CPython itself, not a pypi package.
        if (meta.name === 'Python' && basename(path).startsWith('Python-') && basename(path).endsWith('.egg-info')) continue;
        const isDir = basename(path) === 'METADATA' || basename(path) === 'PKG-INFO';
        const infoDir = isDir ? dirname(path) : undefined;
        const sitePackages = dirname(infoDir ?? path);
        const files = infoDir ? listFiles(view, infoDir, sitePackages, (file, reason) => unknowns.push(catalogUnknown(view, this.id, file, reason, 'python'))) : [];
        const directUrl = infoDir ? view.readText(`${infoDir}/direct_url.json`) : undefined;
        const vcs = directUrl ? vcsUrl(directUrl) : undefined;
        packages.push(
          languagePackage(view, {
            type: 'python',
            name: meta.name,
            version: meta.version,
            purl: purl({ type: 'pypi', name: normalizePythonName(meta.name), version: meta.version, qualifiers: { vcs_url: vcs } }),
            path,
            foundBy: this.id,
            licenses: meta.licenses,
            metadata: {
              kind: infoDir?.toLowerCase().endsWith('dist-info') ? 'dist-info' : 'egg-info',
              sitePackages,
              ...(infoDir ? { metadataDir: infoDir } : {}),
              ...(meta.author ? { author: meta.author } : {}),
              ...(meta.homePage ? { homePage: meta.homePage } : {}),
              ...(files.length ? { files } : {}),
              ...(vcs ? { vcsUrl: vcs } : {}),
            },
          }),
        );
      } catch (e) {
        unknowns.push(catalogUnknown(view, this.id, path, `unreadable python metadata: ${errorMessage(e)}`, 'python'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};

/** RECORD paths are relative to site-packages; installed-files.txt paths to the egg-info directory. */
function listFiles(view: CatalogContext['view'], infoDir: string, sitePackages: string, unreadable: (path: string, reason: string) => void): string[] {
  const recordPath = `${infoDir}/RECORD`;
  const record = view.readText(recordPath);
  // A RECORD that exists but could not be read (over the cap): the package's files are not known (a catalog gap).
  if (record === undefined && view.get(recordPath, { follow: true })) {
    const r = view.read(recordPath);
    if (!r.ok) unreadable(recordPath, r.reason);
  }
  const installed = view.readText(`${infoDir}/installed-files.txt`);
  const out: string[] = [];
  if (record !== undefined) for (const p of parseRecord(record)) out.push(absolute(sitePackages, p));
  else if (installed !== undefined) for (const p of parseInstalledFiles(installed)) out.push(absolute(infoDir, p));
  return out.filter((p): p is string => p !== '');
}

function absolute(base: string, rel: string): string {
  return normalizeEntryName(rel.startsWith('/') ? rel : `${base}/${rel}`) ?? '';
}
