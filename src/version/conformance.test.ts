import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, HAS_SHARED, sharedPath } from '../../test/helpers/shared.js';
import { getScheme } from './list.js';
import type { Comparison } from './scheme.js';

/*
 * The version-ordering corpora in ../shared/fixtures/versions (from osv-scalibr's semantic testdata; see its README):
 * one `A <op> B` per line, split on single spaces into exactly three pieces; blank lines and lines starting with
 * `# ` or `// ` are comments. Every line must hold, both ways round, through `compare` and through `compareParsed`.
 */

const CORPUS_DIR = sharedPath('fixtures', 'versions');

/** Corpus file prefix → scheme id. Every corpus file must be covered. */
const SCHEME_BY_PREFIX: Record<string, string> = {
  alpine: 'apk',
  cran: 'cran',
  debian: 'dpkg',
  hackage: 'hackage',
  maven: 'maven',
  nuget: 'nuget',
  packagist: 'composer',
  pub: 'pub',
  pypi: 'pep440',
  redhat: 'rpm',
  rubygems: 'rubygems',
  semver: 'semver',
};

const OPS: Record<string, Comparison> = { '<': -1, '=': 0, '>': 1 };

function corpusFiles(): string[] {
  return HAS_SHARED ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
}

describeShared('version scheme conformance (../shared/fixtures/versions)', () => {
  const files = corpusFiles();
  let total = 0;

  it('maps every corpus file to a scheme', () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    const unmapped = files.filter((f) => !(f.replace(/-versions(-generated)?\.txt$/, '') in SCHEME_BY_PREFIX));
    expect(unmapped).toEqual([]);
  });

  it.each(files)('%s: every line holds', (file) => {
    const scheme = getScheme(SCHEME_BY_PREFIX[file.replace(/-versions(-generated)?\.txt$/, '')]!);
    const failures: string[] = [];
    let checked = 0;
    readFileSync(`${CORPUS_DIR}/${file}`, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '' || line.startsWith('# ') || line.startsWith('// ')) return;
        const pieces = line.split(' ');
        const want = OPS[pieces[1] ?? ''];
        if (pieces.length !== 3 || want === undefined) {
          failures.push(`${index + 1}: malformed line "${line}"`);
          return;
        }
        const [a, , b] = pieces as [string, string, string];
        checked++;
        try {
          const forward = scheme.compare(a, b);
          const backward = scheme.compare(b, a);
          const parsed = scheme.compareParsed(scheme.parse(a), scheme.parse(b));
          if (forward !== want || backward !== -want || parsed !== want) {
            failures.push(`${index + 1}: ${line} (got ${forward}, reversed ${backward}, parsed ${parsed})`);
          }
        } catch (error) {
          failures.push(`${index + 1}: ${line} threw ${String(error)}`);
        }
      });
    total += checked;
    expect(checked).toBeGreaterThan(0);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('checked the whole corpus', () => {
    // 36,843 comparison lines at the time of writing; the test reports the figure.
    expect(total).toBeGreaterThan(30_000);
    console.info(`version corpus: ${total} comparison lines checked in ${files.length} files`);
  });
});
