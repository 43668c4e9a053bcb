/** Installed gems: `specifications/*.gemspec`, the normalised Ruby files RubyGems writes at install time. */
import type { Package, Unknown } from '../../model/index.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../cataloger.js';
import { purl } from '../purl.js';
import { catalogUnknown, errorMessage, languagePackage } from '../npm/language-package.js';

export interface GemSpec {
  name: string;
  version: string;
  licenses: string[];
  authors: string[];
  homepage?: string;
  files: string[];
}

/** Reads the `s.field = value` assignments of a gemspec; returns null when it names no gem. */
export function parseGemspec(text: string): GemSpec | null {
  const fields = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\w+\.(\w+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.replace(/\s+if\s+\w+\.respond_to\?.*$/, '');
    fields.set(m[1]!, stringLiterals(value));
  }
  const name = fields.get('name')?.[0];
  if (!name) return null;
  const version = fields.get('version')?.[0] ?? '';
  const interpolate = (s: string): string =>
    s.replace(/#\{\s*\w+\.(\w+)\s*\}/g, (_, f: string) => (f === 'name' ? name : f === 'version' ? version : '')).replace(/#\{[^}]*\}/g, '');
  const spec: GemSpec = {
    name,
    version,
    licenses: [...(fields.get('licenses') ?? []), ...(fields.get('license') ?? [])].map(interpolate),
    authors: (fields.get('authors') ?? fields.get('author') ?? []).map(interpolate),
    files: (fields.get('files') ?? []).map(interpolate),
  };
  const homepage = fields.get('homepage')?.[0];
  if (homepage) spec.homepage = interpolate(homepage);
  return spec;
}

/** Every double- or single-quoted string literal in a Ruby expression, unescaped. */
function stringLiterals(expr: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
  for (let m = re.exec(expr); m; m = re.exec(expr)) {
    if (m[1] !== undefined) out.push(unescapeDouble(m[1]));
    else out.push(m[2]!.replace(/\\(['\\])/g, '$1'));
  }
  return out;
}

function unescapeDouble(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    if (esc.startsWith('u{')) return String.fromCodePoint(Number.parseInt(esc.slice(2, -1), 16));
    if (esc.length === 5 && esc[0] === 'u') return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', '"': '"', '\\': '\\', '#': '#' } as Record<string, string>)[esc] ?? esc;
  });
}

export const GEMSPEC_GLOBS = ['**/specifications/**/*.gemspec'] as const;

export const rubyGemspecCataloger: Cataloger = {
  id: 'ruby/gemspec',
  version: 0,
  tags: ['image', 'directory', 'installed', 'language', 'ruby'],
  description: 'installed Ruby gems (specifications/*.gemspec)',
  requests: [{ id: 'ruby/gemspec', globs: GEMSPEC_GLOBS, maxBytes: 4 * 1024 * 1024 }],
  catalog(ctx: CatalogContext): Promise<CatalogResult> {
    const packages: Package[] = [];
    const unknowns: Unknown[] = [];
    for (const path of ctx.view.capturedPaths()) {
      if (!path.endsWith('.gemspec') || !path.split('/').includes('specifications')) continue;
      const r = ctx.view.read(path);
      if (!r.ok) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, r.reason, 'gem'));
        continue;
      }
      try {
        const spec = parseGemspec(r.data.toString('utf8'));
        if (!spec) {
          unknowns.push(catalogUnknown(ctx.view, this.id, path, 'gemspec without a name', 'gem'));
          continue;
        }
        packages.push(
          languagePackage(ctx.view, {
            type: 'gem',
            name: spec.name,
            version: spec.version,
            purl: purl({ type: 'gem', name: spec.name, version: spec.version }),
            path,
            foundBy: this.id,
            licenses: spec.licenses,
            metadata: {
              ...(spec.authors.length ? { authors: spec.authors } : {}),
              ...(spec.homepage ? { homepage: spec.homepage } : {}),
              ...(spec.files.length ? { files: spec.files } : {}),
            },
          }),
        );
      } catch (e) {
        unknowns.push(catalogUnknown(ctx.view, this.id, path, `unreadable gemspec: ${errorMessage(e)}`, 'gem'));
      }
    }
    return Promise.resolve({ packages, unknowns });
  },
};
