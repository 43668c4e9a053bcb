import { defineScheme, type Comparison } from '../scheme.js';
import { compareIdentifiers, compareSemver, parseSemver, type SemverVersion } from './semver.js';

/** Dart's pub: SemVer, except that build metadata orders too: none first, then as pre-release identifiers do. */
export function comparePub(a: SemverVersion, b: SemverVersion): Comparison {
  const c = compareSemver(a, b);
  if (c !== 0) return c;
  if (a.build.length === 0 || b.build.length === 0) {
    return a.build.length === b.build.length ? 0 : a.build.length === 0 ? -1 : 1;
  }
  return compareIdentifiers(a.build, b.build);
}

export const pubScheme = defineScheme<SemverVersion>({
  id: 'pub',
  version: 1,
  aliases: ['dart'],
  description: 'Dart pub versions: SemVer with build metadata ordered after the release',
  parse: parseSemver,
  compare: comparePub,
});
