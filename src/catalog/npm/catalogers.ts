/** The npm catalogers: installed packages under node_modules, and lockfiles where nothing is installed. */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import type { FileView } from '../../image/file-view.js';
import { basename, dirname } from '../../image/paths.js';
import { purl } from '../purl.js';
import { catalogUnknown, errorMessage, languagePackage } from './language-package.js';
import { parsePackageJson } from './package-json.js';
import { parsePackageLock, parsePnpmLock, parseYarnLock, type LockEntry } from './lockfiles.js';

export function npmPurl(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return slash > 0
    ? purl({ type: 'npm', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
    : purl({ type: 'npm', name, version });
}

/**
 * Installed packages: `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json` at any
 * depth, so nested duplicates count. Other package.json files inside a package (`esm/package.json` markers,
 * test fixtures) are not packages, and the globs do not capture them; the root project is not under node_modules.
 */
export const INSTALLED_GLOBS = ['**/node_modules/*/package.json', '**/node_modules/@*/*/package.json'] as const;

export function isInstalledManifest(path: string): boolean {
  const parts = path.split('/');
  const n = parts.length;
  if (parts[n - 1] !== 'package.json') return false;
  if (parts[n - 3] === 'node_modules') return !parts[n - 2]!.startsWith('.') && !parts[n - 2]!.startsWith('@');
  return parts[n - 4] === 'node_modules' && parts[n - 3]!.startsWith('@');
}

export const npmInstalledCataloger: Cataloger = {
  id: 'npm/installed',
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'npm'],
  description: 'npm packages installed under node_modules (package.json of each package directory)',
  requests: [{ id: 'npm/installed', globs: INSTALLED_GLOBS }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of capturedMatching(ctx.view, isInstalledManifest)) {
      const text = ctx.view.readText(path);
      if (text === undefined) {
        const r = ctx.view.read(path);
        if (!r.ok) unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
        continue;
      }
      try {
        const info = parsePackageJson(text);
        if (!info) continue;
        packages.push(
          languagePackage(ctx.view, {
            type: 'npm',
            name: info.name,
            version: info.version,
            purl: npmPurl(info.name, info.version),
            path,
            foundBy: this.id,
            licenses: info.licenses,
            metadata: {
              ...(info.author ? { author: info.author } : {}),
              ...(info.homepage ? { homepage: info.homepage } : {}),
              ...(info.private ? { private: true } : {}),
            },
          }),
        );
      } catch (e) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid package.json: ${errorMessage(e)}`, 'npm'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};

export const LOCKFILE_GLOBS = ['**/package-lock.json', '**/yarn.lock', '**/pnpm-lock.yaml'] as const;

/** The project manifest beside a yarn.lock, read to tell dev-only dependencies apart. */
const PROJECT_MANIFEST_GLOB = '**/package.json';

/**
 * Lockfiles count only where nothing is installed: a lockfile with a `node_modules` directory beside it is
 * covered by npm/installed, and lockfiles inside node_modules (shipped in a package's tarball) are not installs.
 */
export function isCountedLockfile(view: FileView, path: string): boolean {
  if (path.split('/').includes('node_modules')) return false;
  const dir = dirname(path);
  const nm = view.get(`${dir === '/' ? '' : dir}/node_modules`, { follow: true });
  return nm === undefined;
}

export function parseLockfile(path: string, text: string, packageJson?: string): LockEntry[] {
  const name = basename(path);
  if (name === 'package-lock.json') return parsePackageLock(text);
  if (name === 'yarn.lock') return parseYarnLock(text, packageJson === undefined ? {} : { packageJson });
  return parsePnpmLock(text);
}

export const npmLockfileCataloger: Cataloger = {
  id: 'npm/lockfile',
  version: 0,
  tags: ['image', 'directory', 'declared', 'language', 'npm'],
  description: 'npm, yarn and pnpm lockfiles of projects with no node_modules installed',
  requests: [
    { id: 'npm/lockfile', globs: LOCKFILE_GLOBS },
    // The project manifests beside a lockfile (no lower cap: the same files are npm/installed's, whose cap must win).
    { id: 'npm/lockfile-manifest', globs: [PROJECT_MANIFEST_GLOB] },
  ],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    const lockNames = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']);
    for (const path of capturedMatching(ctx.view, (p) => lockNames.has(basename(p)))) {
      if (!isCountedLockfile(ctx.view, path)) continue;
      const r = ctx.view.read(path);
      if (!r.ok) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'npm'));
        continue;
      }
      const dir = dirname(path);
      const manifest = ctx.view.readText(`${dir === '/' ? '' : dir}/package.json`);
      try {
        for (const e of parseLockfile(path, r.data.toString('utf8'), manifest)) {
          packages.push(
            languagePackage(ctx.view, {
              type: 'npm',
              name: e.name,
              version: e.version,
              purl: npmPurl(e.name, e.version),
              path,
              foundBy: this.id,
              licenses: e.licenses,
            }),
          );
        }
      } catch (e) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid ${basename(path)}: ${errorMessage(e)}`, 'npm'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};

/** Captured paths (sorted) that pass `test`. */
export function capturedMatching(view: FileView, test: (path: string) => boolean): string[] {
  return view.capturedPaths().filter(test);
}
