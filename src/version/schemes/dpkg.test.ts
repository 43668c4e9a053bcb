import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../scheme.js';
import { dpkgScheme, parseDpkg } from './dpkg.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.0', '=', '0:1.0'],
  ['1.0', '=', '1.0-0'],
  ['1:0.1', '>', '9.9'],
  ['1.0~rc1', '<', '1.0'],
  ['1.0~~', '<', '1.0~'],
  ['1.0~', '<', '1.0'],
  ['1.0', '<', '1.0+b1'],
  ['1.0', '<', '1.0a'],
  ['1.0+', '<', '1.0.'],
  ['1.0a', '<', '1.0.'],
  ['1.0+', '<', '1.0.'],
  ['1.2.3-1~deb12u1', '<', '1.2.3-1'],
  ['1.2.3-1', '<', '1.2.3-1+deb12u1'],
  ['2.36.1-8+deb11u1', '<', '2.36.1-8+deb11u2'],
  ['1.10', '>', '1.9'],
  ['1.010', '=', '1.10'],
  ['1-2-3', '>', '1-2-2'],
  ['1-2-3', '=', '1-2-03'],
  ['10:1', '>', '9:99'],
  ['1.0-1ubuntu1', '>', '1.0-1'],
  ['3.0.0~alpha1-1', '<', '3.0.0~beta1-1'],
];

describe('dpkg scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(dpkgScheme.compare(a, b)).toBe(want);
    expect(dpkgScheme.compare(b, a)).toBe(-want || 0);
  });

  it('splits epoch, upstream and revision at the first colon and the last hyphen', () => {
    expect(parseDpkg('2:1.2-3-4')).toEqual({ epoch: '2', upstream: '1.2-3', revision: '4' });
    expect(parseDpkg(' 1.0 ')).toEqual({ epoch: '0', upstream: '1.0', revision: '' });
  });

  it.each([
    ['', 'empty'],
    ['1 0', 'embedded spaces'],
    [':1', 'epoch in version is empty'],
    ['a:1', 'not number'],
    ['1:', 'nothing after colon'],
    ['1.0-', 'revision number is empty'],
    ['99999999999:1', 'too big'],
  ])('rejects %j as dpkg does (%s)', (text, reason) => {
    expect(dpkgScheme.isValid(text)).toBe(false);
    expect(() => dpkgScheme.compare(text, '1')).toThrow(InvalidVersionError);
    expect(() => dpkgScheme.parse(text)).toThrow(reason);
  });

  it('accepts what dpkg only warns about', () => {
    expect(dpkgScheme.isValid('abc')).toBe(true);
    expect(dpkgScheme.compare('abc', '1')).toBe(1); // as dpkg: letters sort after the end
  });
});
