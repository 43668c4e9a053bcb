import { describe, expect, it } from 'vitest';
import { context, evalRule, pkg } from '../../test-support.js';

// Debian packages carry SPDX in `licenses` and the copyright file's names in `declaredLicenses`.
const pkgs = [
  pkg('bash', '5', { licenses: ['GPL-3.0-or-later'], declaredLicenses: ['GPL-3+'] }),
  pkg('libc6', '2', { licenses: ['LGPL-2.1-or-later', 'GPL-2.0-only'], declaredLicenses: ['LGPL-2.1+', 'GPL-2'] }),
  pkg('zlib1g', '1', { licenses: ['Zlib'] }),
  pkg('dual', '1', { type: 'npm', licenses: ['(MIT OR GPL-2.0-only)'] }),
];
const messages = (trigger: string, licenses: string, extra: Record<string, string> = {}) =>
  evalRule('licenses', trigger, { licenses, ...extra }, context({ packages: pkgs })).findings.map((f) => f.message);

describe('licenses', () => {
  it('blacklist_exact_match matches the names as the package writes them, once per rule, listing every offender', () => {
    expect(messages('blacklist_exact_match', 'GPL-2,Zlib')).toEqual(['LICFULLMATCH Packages are installed that have blacklisted licenses: libc6(GPL-2), zlib1g(Zlib)']);
    expect(messages('blacklist_exact_match', 'GPL-2.0-only')).toEqual([]);
    expect(messages('blacklist_exact_match', 'GPL')).toEqual([]);
  });

  it('match_spdx=true also matches the SPDX forms and the ids inside SPDX expressions', () => {
    expect(messages('blacklist_exact_match', 'GPL-2.0-only', { match_spdx: 'true' })).toEqual(['LICFULLMATCH Packages are installed that have blacklisted licenses: libc6(GPL-2.0-only), dual(GPL-2.0-only)']);
  });

  it('blacklist_partial_match (v2: denylist_partial_match) matches substrings of each whitespace-separated name', () => {
    expect(messages('denylist_partial_match', 'GPL')).toEqual([
      'LICSUBMATCH Packages are installed that have blacklisted licenses: bash(GPL-3+), libc6(LGPL-2.1+), libc6(GPL-2), dual(GPL-2.0-only))',
    ]);
    expect(messages('blacklist_partial_match', 'Apache')).toEqual([]);
    // One entry per matching value, as Anchore loops over the values.
    expect(messages('blacklist_partial_match', 'GPL-3,3+')).toEqual(['LICSUBMATCH Packages are installed that have blacklisted licenses: bash(GPL-3+), bash(GPL-3+)']);
  });
});
