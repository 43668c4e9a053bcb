import { describe, expect, it } from 'vitest';
import { apkScheme, parseApk } from './apk.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.2.3-r0', '<', '1.2.3-r1'],
  ['1.2.3-r9', '<', '1.2.3-r10'],
  ['1.2.3', '=', '1.2.3-r0'],
  ['1.2.3_alpha1', '<', '1.2.3_beta1'],
  ['1.2.3_beta2', '<', '1.2.3_pre1'],
  ['1.2.3_pre1', '<', '1.2.3_rc1'],
  ['1.2.3_rc1', '<', '1.2.3'],
  ['1.2.3', '<', '1.2.3_cvs1'],
  ['1.2.3_cvs1', '<', '1.2.3_svn1'],
  ['1.2.3_svn1', '<', '1.2.3_git1'],
  ['1.2.3_git1', '<', '1.2.3_hg1'],
  ['1.2.3_hg1', '<', '1.2.3_p1'],
  ['1.2.3_p1', '<', '1.2.4'],
  ['1.2.3a', '<', '1.2.3b'],
  ['1.2.3', '<', '1.2.3a'],
  ['1.2.3z', '<', '1.2.4'],
  ['1.1.1k-r0', '<', '1.1.1l-r0'],
  ['1.05', '<', '1.1'],
  ['1.2.10', '>', '1.2.9'],
  ['2.9.14-r0', '<', '2.10.3-r0'],
  ['1.2.3~abc1-r0', '=', '1.2.3-r0'],
  ['1.2', '>', '1.2_foo'],
];

describe('apk scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(apkScheme.compare(a, b)).toBe(want);
    expect(apkScheme.compare(b, a)).toBe(-want || 0);
  });

  it('parses numbers, letter, suffixes, hash and release', () => {
    const v = parseApk('1.2.3b_rc2_p1~c0ffee-r5');
    expect(v).toMatchObject({ invalid: false, numbers: ['1', '2', '3'], letter: 'b', release: '5', remainder: '' });
    expect(v.suffixes).toEqual([
      { weight: 3, number: '2' },
      { weight: 9, number: '1' },
    ]);
  });

  it('marks text it cannot read as invalid and compares two such versions as strings', () => {
    expect(parseApk('1.2_blah').invalid).toBe(true);
    expect(apkScheme.compare('a', 'b')).toBe(-1);
    expect(apkScheme.isValid('')).toBe(false);
  });
});
