/**
 * Go binaries: the modules compiled into each executable, from its embedded build info.
 *
 * Go binaries are often tens of megabytes and an image can hold many; buffering them whole would hold all of
 * them in memory until cataloging. So the request streams every executable through a GoBuildInfoSink, which
 * looks at the first bytes (non-binaries are dropped at once) and keeps only the build-info windows.
 */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import type { FileRequest } from '../../image/file-request.js';
import { purl } from '../purl.js';
import { catalogUnknown, languagePackage } from '../npm/language-package.js';
import { GoBuildInfoSink, type GoBuildInfo, type GoModule, type GoSinkResult } from './buildinfo.js';

const ID = 'golang/binary';

/** Regular files that are executable (or Windows executables), and large enough to be a linked binary. */
export function isCandidateExecutable(path: string, entry: { type: string; mode: number; size: number }): boolean {
  if (entry.type !== 'file' || entry.size < 1024) return false;
  if ((entry.mode & 0o111) !== 0) return true;
  const lower = path.toLowerCase();
  return lower.endsWith('.exe') || lower.endsWith('.dll') || lower.endsWith('.so');
}

export function goPurl(path: string, version: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0
    ? purl({ type: 'golang', namespace: path.slice(0, slash), name: path.slice(slash + 1), version })
    : purl({ type: 'golang', name: path, version });
}

/** One package per module: the main module, each dependency (as replaced), and the Go standard library. */
export function goPackages(view: CatalogContext['view'] | undefined, path: string, info: GoBuildInfo, foundBy = ID): Package[] {
  const common = {
    goVersion: info.goVersion,
    mainModule: info.main?.path ?? info.path,
    ...(info.settings.GOARCH ? { goArch: info.settings.GOARCH } : {}),
    ...(info.settings.GOOS ? { goOS: info.settings.GOOS } : {}),
  };
  const out: Package[] = [];
  const add = (m: GoModule, kind: 'main' | 'dependency'): void => {
    // A replacement is what was compiled in; one by a local directory (`=> ../x`) keeps the module's own path.
    const local = m.replace !== undefined && isLocalPath(m.replace.path);
    const effective = m.replace ? { path: local ? m.path : m.replace.path, version: m.replace.version, sum: m.replace.sum } : m;
    const name = effective.path;
    out.push(
      languagePackage(view, {
        type: 'go-module',
        name,
        version: effective.version,
        purl: goPurl(name, effective.version),
        path,
        foundBy,
        metadata: {
          ...common,
          kind,
          ...(effective.sum ? { h1Digest: effective.sum } : {}),
          ...(m.replace ? { replaces: `${m.path}@${m.version}` } : {}),
          ...(kind === 'main' ? { buildSettings: info.settings } : {}),
        },
      }),
    );
  };
  if (info.main?.path) add(info.main, 'main');
  for (const d of info.deps) add(d, 'dependency');
  if (info.goVersion) {
    out.push(
      languagePackage(view, {
        type: 'go-module',
        name: 'stdlib',
        version: info.goVersion,
        purl: purl({ type: 'golang', name: 'stdlib', version: info.goVersion }),
        path,
        foundBy,
        metadata: { ...common, kind: 'stdlib' },
      }),
    );
  }
  return out;
}

function isLocalPath(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p.startsWith('/');
}

export const GO_BINARY_REQUEST: FileRequest = { id: ID, filter: isCandidateExecutable, sink: () => new GoBuildInfoSink() };

export const goBinaryCataloger: Cataloger = {
  id: ID,
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'go'],
  description: 'Go modules compiled into binaries (embedded build info; ELF, PE and Mach-O)',
  requests: [GO_BINARY_REQUEST],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of ctx.view.capturedPaths()) {
      const r = ctx.view.sinkResult(ID, path) as GoSinkResult | undefined;
      if (!r) continue;
      if (r.error) unknowns.push(catalogUnknown(ctx.view, ID, path, r.error, 'go-module'));
      if (r.info) packages.push(...goPackages(ctx.view, path, r.info));
    }
    return Promise.resolve({ packages, unknowns });
  },
};
