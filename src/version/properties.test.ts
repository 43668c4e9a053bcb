import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERSION_SCHEMES } from './list.js';
import type { VersionScheme } from './scheme.js';
import type { ApkVersion } from './schemes/apk.js';

/*
 * Order laws for every scheme, on version-like strings built from each scheme's own vocabulary:
 * reflexivity, antisymmetry (compare(a, b) = -compare(b, a)) and transitivity (sorting is consistent).
 *
 * Three reference orders are not transitive everywhere, and the vocabularies avoid those corners on purpose
 * (fast-check found each of them):
 * - apk: two unreadable versions compare as strings (`10_pa` < `1_pa`), readable ones by number;
 * - maven: ComparableVersion puts `10.x` < `10rc` < `10` < `10.x` (a `.qualifier` against a `-qualifier` list);
 * - composer: PHP's version_compare makes `1.0` = `1#` = `1` but `1.0` > `1`.
 */

const VOCABULARY: Record<string, string[]> = {
  dpkg: ['0', '1', '2', '10', '.', '~', '+', 'a', 'b', '-1', '1:'],
  rpm: ['0', '1', '2', '10', '.', '~', '^', 'a', 'b', '-1', '_'],
  apk: ['0', '1', '2', '10', '.', 'a', '_rc', '_p', '_alpha', '-r1', '_git'],
  semver: ['0', '1', '2', '10', '.', '-', 'alpha', 'rc', '+', 'b'],
  pep440: ['0', '1', '2', '10', '.', 'a', 'rc', 'post', 'dev', '+', '!', '-'],
  maven: ['0', '1', '2', '10', '.', '-alpha', '-rc', '-sp', '-snapshot', '-ga', '-x', '-'],
  rubygems: ['0', '1', '2', '10', '.', 'a', 'pre', '-'],
  nuget: ['0', '1', '2', '10', '.', '-', 'Beta', 'rc', '+'],
  composer: ['0', '1', '2', '10', '.', '-', 'dev', 'beta', 'RC', 'p'],
  pub: ['0', '1', '2', '10', '.', '-', 'alpha', '+', 'b'],
  cran: ['0', '1', '2', '10', '.', '-'],
  hackage: ['0', '1', '2', '10', '.'],
  fuzzy: ['0', '1', '2', '10', '.', '-', 'rc', 'b', '+'],
};

function versions(scheme: VersionScheme): fc.Arbitrary<string> {
  const words = VOCABULARY[scheme.id] ?? ['0', '1', '.'];
  return fc
    .array(fc.constantFrom(...words), { minLength: 0, maxLength: 6 })
    .map((parts) => `1${parts.join('')}`)
    .filter((v) => scheme.isValid(v) && (scheme.id !== 'apk' || !(scheme.parse(v) as ApkVersion).invalid));
}

describe('order laws', () => {
  it('covers every registered scheme', () => {
    expect(VERSION_SCHEMES.ids().filter((id) => !(id in VOCABULARY))).toEqual([]);
  });

  for (const scheme of VERSION_SCHEMES.all()) {
    describe(scheme.id, () => {
      it('is reflexive and antisymmetric', () => {
        fc.assert(
          fc.property(versions(scheme), versions(scheme), (a, b) => {
            expect(scheme.compare(a, a)).toBe(0);
            expect(scheme.compare(a, b)).toBe(-scheme.compare(b, a) || 0);
          }),
          { seed: 440, numRuns: 300 },
        );
      });

      it('is transitive (a sorted list is ordered pairwise)', () => {
        fc.assert(
          fc.property(fc.array(versions(scheme), { minLength: 3, maxLength: 8 }), (list) => {
            const sorted = [...list].sort(scheme.compare);
            for (let i = 0; i < sorted.length; i++) {
              for (let j = i + 1; j < sorted.length; j++) expect(scheme.compare(sorted[i]!, sorted[j]!)).toBeLessThanOrEqual(0);
            }
          }),
          { seed: 440, numRuns: 200 },
        );
      });
    });
  }
});
