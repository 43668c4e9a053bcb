import { describe, expect, it } from 'vitest';
import { mavenScheme } from './maven.js';

/** Strictly increasing, from Maven's ComparableVersion documentation and tests. */
const CHAIN = [
  '1-alpha',
  '1-alpha-1',
  '1-alpha-2',
  '1-beta-1',
  '1-milestone-1',
  '1-rc-1',
  '1-SNAPSHOT',
  '1',
  '1-sp',
  '1-sp-1',
  '1-abc',
  '1-xyz',
  '1-1',
  '1.0.1',
  '1.1',
  '1.1.0.1',
  '1.2',
  '1.10',
  '2-alpha',
];

describe('maven scheme', () => {
  it('orders qualifiers alpha < beta < milestone < rc < snapshot < release < sp < other < numbers', () => {
    for (let i = 0; i + 1 < CHAIN.length; i++) {
      expect([CHAIN[i], mavenScheme.compare(CHAIN[i]!, CHAIN[i + 1]!)]).toEqual([CHAIN[i], -1]);
    }
  });

  it.each([
    ['1', '1.0.0'],
    ['1.0-final', '1'],
    ['1-GA', '1'],
    ['1.RELEASE', '1'],
    ['1cr1', '1-rc-1'],
    ['1a1', '1-alpha-1'],
    ['1.0.0-SNAPSHOT', '1-snapshot'],
    ['01.002', '1.2'],
  ])('%s = %s', (a, b) => {
    expect(mavenScheme.compare(a, b)).toBe(0);
  });

  it('handles numbers beyond 64 bits', () => {
    expect(mavenScheme.compare('123456789012345678901', '123456789012345678900')).toBe(1);
  });
});
