/** .NET dependencies of a built application: `*.deps.json` (the `libraries` map, edges from `targets`). */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { purl } from '../purl.js';
import { catalogUnknown, errorMessage, languagePackage } from '../npm/language-package.js';
import { isRecord } from '../npm/package-json.js';
import { ImageError } from '../../common/errors.js';
import { parseJson } from '../../common/json.js';

export interface DotnetLibrary {
  name: string;
  version: string;
  /** `project` or `package`. */
  kind: string;
  sha512?: string;
  path?: string;
  /** `Name/version` of the libraries this one depends on. */
  dependsOn: string[];
}

/** Library types that are not packages: reference assemblies are facades of the framework, not shipped code. */
const NOT_PACKAGES = new Set(['referenceassembly', 'reference']);

/**
 * Throws an ImageError on text that is not JSON (or is nested too deeply to walk safely) and an Error on JSON
 * without a `libraries` object. A dependency whose version is not a string is skipped.
 */
export function parseDepsJson(text: string): DotnetLibrary[] {
  const doc = parseJson(text, { what: 'deps.json', errorClass: ImageError });
  if (!isRecord(doc) || !isRecord(doc.libraries)) throw new Error('not a deps.json: no "libraries" object');
  const deps = new Map<string, Set<string>>();
  if (isRecord(doc.targets)) {
    for (const target of Object.values(doc.targets)) {
      if (!isRecord(target)) continue;
      for (const [key, entry] of Object.entries(target)) {
        if (!isRecord(entry) || !isRecord(entry.dependencies)) continue;
        const set = deps.get(key) ?? new Set<string>();
        for (const [n, v] of Object.entries(entry.dependencies)) if (typeof v === 'string') set.add(`${n}/${v}`);
        deps.set(key, set);
      }
    }
  }
  const out: DotnetLibrary[] = [];
  for (const [key, raw] of Object.entries(doc.libraries)) {
    if (!isRecord(raw)) continue;
    const kind = typeof raw.type === 'string' ? raw.type : '';
    if (NOT_PACKAGES.has(kind.toLowerCase())) continue;
    const slash = key.lastIndexOf('/');
    if (slash <= 0) continue;
    const lib: DotnetLibrary = { name: key.slice(0, slash), version: key.slice(slash + 1), kind, dependsOn: [...(deps.get(key) ?? [])] };
    if (typeof raw.sha512 === 'string' && raw.sha512) lib.sha512 = raw.sha512;
    if (typeof raw.path === 'string') lib.path = raw.path;
    out.push(lib);
  }
  return out;
}

export const dotnetDepsJsonCataloger: Cataloger = {
  id: 'dotnet/deps-json',
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'dotnet'],
  description: '.NET application dependencies (*.deps.json)',
  requests: [{ id: 'dotnet/deps-json', globs: ['**/*.deps.json'], maxBytes: 32 * 1024 * 1024 }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of ctx.view.capturedPaths()) {
      if (!path.endsWith('.deps.json')) continue;
      const r = ctx.view.read(path);
      if (!r.ok) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'dotnet'));
        continue;
      }
      try {
        for (const lib of parseDepsJson(r.data.toString('utf8'))) {
          packages.push(
            languagePackage(ctx.view, {
              type: 'dotnet',
              name: lib.name,
              version: lib.version,
              purl: purl({ type: 'nuget', name: lib.name, version: lib.version }),
              path,
              foundBy: this.id,
              metadata: {
                kind: lib.kind,
                ...(lib.sha512 ? { sha512: lib.sha512 } : {}),
                ...(lib.path ? { path: lib.path } : {}),
                ...(lib.dependsOn.length ? { dependsOn: lib.dependsOn } : {}),
              },
            }),
          );
        }
      } catch (e) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, `invalid deps.json: ${errorMessage(e)}`, 'dotnet'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};
