import { describe, expect, it } from 'vitest';
import { parseRpm, rpmScheme, rpmvercmp } from './rpm.js';

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
    expect(parseRpm('2:1.2.3-4.el9')).toEqual({ epoch: '2', version: '1.2.3', release: '4.el9' });
    expect(parseRpm('1.2')).toEqual({ epoch: '0', version: '1.2', release: undefined });
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
