import { describe, expect, it } from 'vitest';
import { context, evalRule, pkg } from '../../test-support.js';

const pkgs = [pkg('bash', '5', { licenses: ['GPL-3.0-or-later'] }), pkg('libc6', '2', { licenses: ['LGPL-2.1-or-later', 'GPL-2.0-only'] }), pkg('zlib1g', '1', { licenses: ['Zlib'] }), pkg('dual', '1', { type: 'npm', licenses: ['(MIT OR GPL-2.0-only)'] })];
const messages = (trigger: string, licenses: string) => evalRule('licenses', trigger, { licenses }, context({ packages: pkgs })).findings.map((f) => f.message);

describe('licenses', () => {
  it('blacklist_exact_match fires once listing every offender, matching ids inside SPDX expressions', () => {
    expect(messages('blacklist_exact_match', 'GPL-2.0-only,Zlib')).toEqual(['LICFULLMATCH Packages are installed that have blacklisted licenses: libc6(GPL-2.0-only), zlib1g(Zlib), dual(GPL-2.0-only)']);
    expect(messages('blacklist_exact_match', 'GPL')).toEqual([]);
  });

  it('blacklist_partial_match (v2: denylist_partial_match) matches substrings of license strings', () => {
    expect(messages('denylist_partial_match', 'GPL')).toEqual(['LICSUBMATCH Packages are installed that have blacklisted licenses: bash(GPL-3.0-or-later), libc6(LGPL-2.1-or-later), libc6(GPL-2.0-only), dual((MIT OR GPL-2.0-only))']);
    expect(messages('blacklist_partial_match', 'Apache')).toEqual([]);
  });
});
