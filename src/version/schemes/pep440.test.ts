import { describe, expect, it } from 'vitest';
import { parsePep440, pep440Scheme } from './pep440.js';

/** The ordering example of PEP 440 ("Summary of permitted suffixes and relative ordering"), strictly increasing. */
const PEP_CHAIN = [
  '1.dev0',
  '1.0.dev456',
  '1.0a1',
  '1.0a2.dev456',
  '1.0a12.dev456',
  '1.0a12',
  '1.0b1.dev456',
  '1.0b2',
  '1.0b2.post345.dev456',
  '1.0b2.post345',
  '1.0rc1.dev456',
  '1.0rc1',
  '1.0',
  '1.0+abc.5',
  '1.0+abc.7',
  '1.0+5',
  '1.0.post456.dev34',
  '1.0.post456',
  '1.0.15',
  '1.1.dev1',
];

const EQUAL: [string, string][] = [
  ['1.0', '1.0.0'],
  ['1.0a1', '1.0-alpha-1'],
  ['1.0a1', '1.0.A.1'],
  ['1.0c1', '1.0rc1'],
  ['1.0pre1', '1.0rc1'],
  ['1.0-1', '1.0.post1'],
  ['1.0.rev1', '1.0.post1'],
  ['1.0.post', '1.0.post0'],
  ['v1.0', '1.0'],
  ['0!1.0', '1.0'],
  ['1.0+ubuntu-1', '1.0+ubuntu.1'],
];

describe('pep440 scheme', () => {
  it('follows the PEP 440 ordering example', () => {
    for (let i = 0; i + 1 < PEP_CHAIN.length; i++) {
      expect([PEP_CHAIN[i], pep440Scheme.compare(PEP_CHAIN[i]!, PEP_CHAIN[i + 1]!)]).toEqual([PEP_CHAIN[i], -1]);
    }
    const shuffled = [...PEP_CHAIN].reverse();
    expect(shuffled.sort(pep440Scheme.compare)).toEqual(PEP_CHAIN);
  });

  it.each(EQUAL)('%s = %s (normalisation)', (a, b) => {
    expect(pep440Scheme.compare(a, b)).toBe(0);
  });

  it('epochs dominate', () => {
    expect(pep440Scheme.compare('1!0.1', '2024.1')).toBe(1);
  });

  it('reads non-PEP 440 strings as legacy versions, below every PEP 440 one', () => {
    expect(parsePep440('2.0-linux').legacy).toBe(true);
    expect(pep440Scheme.compare('2.0-linux', '0.0.1')).toBe(-1);
    expect(pep440Scheme.compare('0.1-bulbasaur', '0.1-charmander')).toBe(-1);
    expect(pep440Scheme.isValid('')).toBe(false);
  });
});
