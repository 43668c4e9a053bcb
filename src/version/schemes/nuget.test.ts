import { describe, expect, it } from 'vitest';
import { nugetScheme } from './nuget.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.0', '=', '1.0.0.0'],
  ['1.0.0.1', '>', '1.0'],
  ['1.0.0-alpha', '<', '1.0.0'],
  ['1.0.0-ALPHA', '=', '1.0.0-alpha'],
  ['1.0.0-alpha.2', '<', '1.0.0-alpha.10'],
  ['1.0.0-alpha.2', '<', '1.0.0-alpha.a'],
  ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
  ['1.0.0+build', '=', '1.0.0'],
  ['6.0.0-preview.7.21377.19', '<', '6.0.0-rc.1.21451.13'],
  ['4.7.0.1', '<', '4.7.1'],
];

describe('nuget scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(nugetScheme.compare(a, b)).toBe(want);
    expect(nugetScheme.compare(b, a)).toBe(-want || 0);
  });

  it.each(['', '1.2.3.4.5', '1.a', '1.0-', '1.0-a..b'])('rejects %j', (text) => {
    expect(nugetScheme.isValid(text)).toBe(false);
  });
});
