import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERSION_SCHEMES } from './list.js';
import type { VersionScheme } from './scheme.js';
import { apkScheme, type ApkVersion } from './schemes/apk.js';

/*
 * Order laws for every scheme, on version-like strings built from each scheme's own vocabulary:
 * reflexivity, antisymmetry (compare(a, b) = -compare(b, a)) and transitivity (sorting is consistent).
 *
 * apk is a total order on everything it accepts, invalid versions included (issue 16 §2): its vocabulary makes
 * unreadable versions too (`x`, `--`, `_q`, `1.` then a letter), and the triple law below covers it.
 *
 * Two reference orders are not transitive everywhere, and the vocabularies avoid those corners on purpose
 * (fast-check found each of them):
 * - maven: ComparableVersion puts `10.x` < `10rc` < `10` < `10.x` (a `.qualifier` against a `-qualifier` list);
 * - composer: PHP's version_compare makes `1.0` = `1#` = `1` but `1.0` > `1`.
 */

const VOCABULARY: Record<string, string[]> = {
  dpkg: ['0', '1', '2', '10', '.', '~', '+', 'a', 'b', '-1', '1:'],
  rpm: ['0', '1', '2', '10', '.', '~', '^', 'a', 'b', '-1', '_'],
  apk: ['0', '1', '2', '10', '00', '01', '.', 'a', 'r', '_rc', '_p', '_alpha', '-r1', '-r', '_git', '_q', 'x', '-', '~ab', ''],
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
    .filter((v) => scheme.isValid(v));
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

      it('is transitive over generated triples (a ≤ b ≤ c ⇒ a ≤ c; a = b = c ⇒ a = c)', () => {
        fc.assert(
          fc.property(versions(scheme), versions(scheme), versions(scheme), (a, b, c) => {
            const ab = scheme.compare(a, b);
            const bc = scheme.compare(b, c);
            if (ab <= 0 && bc <= 0) expect(scheme.compare(a, c)).toBeLessThanOrEqual(0);
            if (ab >= 0 && bc >= 0) expect(scheme.compare(a, c)).toBeGreaterThanOrEqual(0);
            if (ab === 0 && bc === 0) expect(scheme.compare(a, c)).toBe(0);
          }),
          { seed: 440, numRuns: scheme.id === 'apk' ? 3000 : 500 },
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

describe('apk: the cycle of the old order is gone', () => {
  it('10_pa, 1_pa and 2 are ordered, and invalid versions are generated', () => {
    // Before, two invalid versions compared as whole strings: 10_pa < 1_pa < 2 < 10_pa.
    const sorted = ['10_pa', '2', '1_pa'].sort(apkScheme.compare);
    expect(sorted).toEqual(['1_pa', '2', '10_pa']);
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) expect(apkScheme.compare(sorted[i]!, sorted[j]!)).toBe(-1);
    expect((apkScheme.parse('1_q') as ApkVersion).invalid).toBe(true);
  });
});

describe('100 KB versions compare without overflowing the stack (issue 16 §2)', () => {
  const N = 100_000;
  const SHAPES: Record<string, string> = {
    dots: `1${'.1'.repeat(N / 2)}`,
    dashes: `1${'-1'.repeat(N / 2)}`,
    transitions: `1${'a1'.repeat(N / 2)}`,
    mixed: `1${'.a-1'.repeat(N / 4)}`,
    digits: '1'.repeat(N),
    underscores: `1${'_1'.repeat(N / 2)}`,
  };
  for (const scheme of VERSION_SCHEMES.all()) {
    it(scheme.id, () => {
      for (const [shape, v] of Object.entries(SHAPES)) {
        if (!scheme.isValid(v)) continue;
        const w = `${v.slice(0, -1)}2`;
        expect(() => scheme.compare(v, w), `${scheme.id} ${shape}`).not.toThrow();
        expect(scheme.compare(v, v), `${scheme.id} ${shape}`).toBe(0);
      }
    });
  }

  it('maven: a 100 KB version nested 50,000 deep orders by its last item', () => {
    // Each `-` opens a nested list in ComparableVersion (maven-artifact ComparableVersion.parseVersion).
    const v = SHAPES.dashes!;
    expect(VERSION_SCHEMES.get('maven').compare(v, `${v.slice(0, -1)}2`)).toBe(-1);
    expect(VERSION_SCHEMES.get('maven').compare(`${v.slice(0, -1)}2`, v)).toBe(1);
  });
});
