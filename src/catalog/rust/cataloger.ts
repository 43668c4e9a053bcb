/**
 * The crates compiled into Rust binaries built with cargo-auditable. Like Go binaries, executables are streamed
 * through a sink (AuditableSink) rather than buffered: only the compressed dependency list is kept.
 */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { purl } from '../purl.js';
import { catalogUnknown, languagePackage } from '../npm/language-package.js';
import { isCandidateExecutable } from '../golang/cataloger.js';
import { AuditableSink, type AuditableCrate, type AuditableSinkResult } from './auditable.js';

const ID = 'rust/cargo-auditable';

export function cratePackages(view: CatalogContext['view'] | undefined, path: string, crates: AuditableCrate[]): Package[] {
  return crates.map((c) =>
    languagePackage(view, {
      type: 'rust-crate',
      name: c.name,
      version: c.version,
      purl: purl({ type: 'cargo', name: c.name, version: c.version }),
      path,
      foundBy: ID,
      metadata: {
        source: c.source,
        kind: c.kind,
        ...(c.root ? { root: true } : {}),
        ...(c.dependencies.length ? { dependsOn: c.dependencies.map((i) => crates[i] && `${crates[i].name}@${crates[i].version}`).filter(Boolean) } : {}),
      },
    }),
  );
}

export const rustAuditableCataloger: Cataloger = {
  id: ID,
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'rust'],
  description: 'Rust crates compiled into binaries built with cargo-auditable (.dep-v0)',
  requests: [{ id: ID, filter: isCandidateExecutable, sink: () => new AuditableSink() }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of ctx.view.capturedPaths()) {
      const r = ctx.view.sinkResult(ID, path) as AuditableSinkResult | undefined;
      if (!r) continue;
      if (r.error) unknowns.push(catalogUnknown(ctx.view, ID, path, r.error, 'rust-crate'));
      if (r.crates) packages.push(...cratePackages(ctx.view, path, r.crates));
    }
    return Promise.resolve({ packages, unknowns });
  },
};
