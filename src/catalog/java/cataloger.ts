/** The Java archive cataloger: jar, war, ear and Jenkins plugins anywhere in the image, nested archives included. */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { purl } from '../purl.js';
import { catalogUnknown, languagePackage } from '../npm/language-package.js';
import { isJavaArchiveName, parseJavaArchive, type ArchiveOptions, type JavaArtifact } from './archive.js';

export function mavenPurl(a: Pick<JavaArtifact, 'groupId' | 'artifactId' | 'version'>): string {
  return purl({ type: 'maven', namespace: a.groupId, name: a.artifactId, version: a.version });
}

export function artifactPackages(view: CatalogContext['view'] | undefined, path: string, artifacts: JavaArtifact[], foundBy: string): Package[] {
  return artifacts.map((a) => {
    const pkg = languagePackage(view, {
      type: 'java-archive',
      name: a.artifactId,
      version: a.version,
      purl: mavenPurl(a),
      path,
      foundBy,
      licenses: a.licenses,
      metadata: {
        kind: a.kind,
        groupId: a.groupId,
        artifactId: a.artifactId,
        virtualPath: a.virtualPath,
        source: a.source,
        ...(a.depth > 0 ? { nestingDepth: a.depth } : {}),
        ...(a.name ? { pomName: a.name } : {}),
        ...(a.parentArtifact ? { parentArtifact: a.parentArtifact } : {}),
      },
    });
    pkg.id = `java-archive:${a.groupId}:${a.artifactId}@${a.version}:${a.virtualPath}`;
    return pkg;
  });
}

export function createJavaArchiveCataloger(options: ArchiveOptions = {}): Cataloger {
  return {
    id: 'java/archive',
    version: 0,
    tags: ['image', 'directory', 'installed', 'language', 'java'],
    description: 'Java archives (jar, war, ear, hpi/jpi) and the archives nested in them',
    requests: [{ id: 'java/archive', filter: (path, entry) => entry.type === 'file' && isJavaArchiveName(path) }],
    catalog(ctx: CatalogContext): Promise<CatalogResult> {
      const packages: Package[] = [];
      const unknowns: Unknown[] = [];
      for (const path of ctx.view.capturedPaths()) {
        if (!isJavaArchiveName(path)) continue;
        const r = ctx.view.read(path);
        if (!r.ok) {
          unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'java-archive'));
          continue;
        }
        const { artifacts, problems } = parseJavaArchive(r.data, path, options);
        packages.push(...artifactPackages(ctx.view, path, artifacts, this.id));
        for (const p of problems) unknowns.push({ ...catalogUnknown(ctx.view, this.id, path, p.reason, 'java-archive'), path: p.virtualPath });
      }
      return Promise.resolve({ packages, unknowns });
    },
  };
}

export const javaArchiveCataloger: Cataloger = createJavaArchiveCataloger();
