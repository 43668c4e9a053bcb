/** PHP packages installed by Composer: `vendor/composer/installed.json`, format v1 (an array) and v2 (`{packages}`). */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { basename } from '../../image/paths.js';
import { purl } from '../purl.js';
import { catalogUnknown, errorMessage, languagePackage } from '../npm/language-package.js';
import { isRecord, npmLicenses } from '../npm/package-json.js';
import { ImageError } from '../../common/errors.js';
import { parseJson } from '../../common/json.js';

export interface ComposerPackage {
  name: string;
  version: string;
  licenses: string[];
  authors: string[];
  dev: boolean;
  homepage?: string;
}

/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely); returns null for JSON that
 * is not a Composer installed.json. Only strings count as names (of packages, dev packages and authors).
 */
export function parseComposerInstalled(text: string): ComposerPackage[] | null {
  const doc = parseJson(text, { what: 'installed.json', errorClass: ImageError });
  const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.packages) ? doc.packages : null;
  if (!list) return null;
  const devNames = new Set(isRecord(doc) && Array.isArray(doc['dev-package-names']) ? doc['dev-package-names'].filter((n): n is string => typeof n === 'string') : []);
  const out: ComposerPackage[] = [];
  for (const raw of list) {
    if (!isRecord(raw) || typeof raw.name !== 'string' || typeof raw.version !== 'string') continue;
    const p: ComposerPackage = {
      name: raw.name,
      version: raw.version,
      licenses: npmLicenses(raw.license),
      authors: Array.isArray(raw.authors) ? raw.authors.filter(isRecord).flatMap((a) => (typeof a.name === 'string' && a.name ? [a.name] : [])) : [],
      dev: devNames.has(raw.name),
    };
    if (typeof raw.homepage === 'string') p.homepage = raw.homepage;
    out.push(p);
  }
  return out;
}

/** `vendor/name` → namespace `vendor`, name `name` (the purl spec's composer type). */
export function composerPurl(name: string, version: string): string {
  const slash = name.indexOf('/');
  return slash > 0
    ? purl({ type: 'composer', namespace: name.slice(0, slash), name: name.slice(slash + 1), version })
    : purl({ type: 'composer', name, version });
}

export const phpComposerInstalledCataloger: Cataloger = {
  id: 'php/composer-installed',
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'php'],
  description: 'PHP packages installed by Composer (installed.json v1 and v2)',
  requests: [{ id: 'php/composer-installed', globs: ['**/installed.json'], maxBytes: 32 * 1024 * 1024 }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of ctx.view.capturedPaths()) {
      if (basename(path) !== 'installed.json') continue;
      const r = ctx.view.read(path);
      if (!r.ok) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'php-composer'));
        continue;
      }
      try {
        const list = parseComposerInstalled(r.data.toString('utf8'));
        for (const p of list ?? []) {
          packages.push(
            languagePackage(ctx.view, {
              type: 'php-composer',
              name: p.name,
              version: p.version,
              purl: composerPurl(p.name, p.version),
              path,
              foundBy: this.id,
              licenses: p.licenses,
              metadata: {
                ...(p.authors.length ? { authors: p.authors } : {}),
                ...(p.homepage ? { homepage: p.homepage } : {}),
                ...(p.dev ? { dev: true } : {}),
              },
            }),
          );
        }
      } catch (e) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid installed.json: ${errorMessage(e)}`, 'php-composer'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};
