import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { parseRpm, rpmScheme, rpmSchemeAssumingEpoch, rpmvercmp } from './rpm.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.0', '<', '1.0.1'],
  ['1.0~rc1', '<', '1.0'],
  ['1.0~rc1', '<', '1.0~rc2'],
  ['1.0^git1', '>', '1.0'],
  ['1.0^git1', '<', '1.0.1'],
  ['1.0^git1~pre', '<', '1.0^git1'],
  ['1.0a', '<', '1.0.1'],
  ['1.0', '<', '1.0a'],
  ['2.0', '>', '2a'],
  ['1.010', '=', '1.10'],
  ['1_0', '=', '1.0'],
  ['0:1.0-1', '=', '1.0-1'],
  ['1:1.0', '>', '2.0'],
  ['3.10.0-229.el7', '<', '3.10.0-229.1.2.el7'],
  ['2.4.21-9.EL', '<', '2.4.21-9.0.1.EL'],
  ['1.0-1.el8', '<', '1.0-1.el9'],
  ['1.0', '<', '1.0-1'],
];

describe('rpm scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(rpmScheme.compare(a, b)).toBe(want);
    expect(rpmScheme.compare(b, a)).toBe(-want || 0);
  });

  it('reads epoch, version and release', () => {
    expect(parseRpm('2:1.2.3-4.el9')).toEqual({ epoch: '2', epochGiven: true, version: '1.2.3', release: '4.el9' });
    expect(parseRpm('1.2')).toEqual({ epoch: '0', epochGiven: false, version: '1.2', release: undefined });
    // rpm's parseEVR: only digits before the first colon make an epoch.
    expect(parseRpm('1.m+e2:1')).toEqual({ epoch: '0', epochGiven: false, version: '1.m+e2:1', release: undefined });
    expect(parseRpm(':1.0-1')).toEqual({ epoch: '0', epochGiven: true, version: '1.0', release: '1' });
  });

  it('rpmvercmp: numbers beat letters, the longer one wins', () => {
    expect(rpmvercmp('1.a', '1.1')).toBe(-1);
    expect(rpmvercmp('1.0.0', '1.0')).toBe(1);
    expect(rpmvercmp('fc4', 'fc4')).toBe(0);
  });

  it('rejects only the empty string', () => {
    expect(rpmScheme.isValid('')).toBe(false);
    expect(rpmScheme.isValid('anything-goes')).toBe(true);
  });
});

/** rpm's own tests/rpmvercmp.at (rpm-software-management/rpm), the RPMVERCMP(a, b, result) lines: a selection. */
const RPMVERCMP_AT: [string, string, -1 | 0 | 1][] = [
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0.1a', '2.0.1', 1],
  ['5.5p1', '5.5p10', -1],
  ['10xyz', '10.1xyz', -1],
  ['xyz.4', '8', -1],
  ['5.6p1', '6.5p1', -1],
  ['6.0.rc1', '6.0', 1],
  ['10b2', '10a1', 1],
  ['1.0aa', '1.0a', 1],
  ['10.0001', '10.1', 0],
  ['10.0001', '10.0039', -1],
  ['4.999.9', '5.0', -1],
  ['20101121', '20101122', -1],
  ['2_0', '2_0', 0],
  ['2.0', '2_0', 0],
  ['a', 'b', -1],
  ['a+', 'a_', 0],
  ['+', '_', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0arc1', -1],
  ['1.0~rc1~git123', '1.0~rc1', -1],
  ['1.0^', '1.0', 1],
  ['1.0^git1', '1.01', -1],
  ['1.0^20160101', '1.0.1', -1],
  ['1.0^20160101^git1', '1.0^20160101', 1],
  ['1.0~rc1^git1', '1.0~rc1', 1],
  ['1.0^git1~pre', '1.0^git1', -1],
];

describe('rpmvercmp against rpm\'s rpmvercmp.at', () => {
  it.each(RPMVERCMP_AT)('%s vs %s → %i', (a, b, want) => {
    expect(rpmvercmp(a, b)).toBe(want);
    expect(rpmvercmp(b, a)).toBe((-want || 0) as -1 | 0 | 1);
  });
});

describeShared('rpm scheme against the shared conformance file (rpm\'s vectors, via osv-scalibr)', () => {
  it('every comparison in fixtures/versions/redhat-versions.txt holds', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const line of readFileSync(sharedPath('fixtures/versions/redhat-versions.txt'), 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('# ') || line.startsWith('// ')) continue;
      const parts = line.split(' ');
      if (parts.length !== 3) continue;
      const [a, op, b] = parts as [string, '<' | '=' | '>', string];
      const want = op === '<' ? -1 : op === '=' ? 0 : 1;
      n++;
      if (rpmScheme.compare(a, b) !== want || rpmScheme.compare(b, a) !== (-want || 0)) wrong.push(line);
    }
    expect(wrong).toEqual([]);
    expect(n).toBeGreaterThan(150);
  });
});

describe('a missing epoch read as the package\'s (grype\'s rule for matching)', () => {
  it('an advisory without an epoch compares against a package with one on version-release alone', () => {
    const s = rpmSchemeAssumingEpoch('1');
    expect(s.compare('1:3.0.7-27.el9', '3.0.7-28.el9')).toBe(-1);
    expect(s.compare('1:3.0.7-28.el9', '3.0.7-28.el9')).toBe(0);
    expect(s.compare('1:3.0.7-28.el9', '1:3.0.7-28.el9')).toBe(0);
    // An explicit epoch still wins.
    expect(s.compare('1:3.0.7-28.el9', '2:1.0-1')).toBe(-1);
    expect(s.compare('1:3.0.7-28.el9', '0:9.9-1')).toBe(1);
    // The strict scheme reads a missing epoch as 0.
    expect(rpmScheme.compare('1:3.0.7-27.el9', '3.0.7-28.el9')).toBe(1);
    expect(rpmSchemeAssumingEpoch('0')).toBe(rpmScheme);
    expect(rpmSchemeAssumingEpoch('1').id).toBe('rpm');
  });
});
