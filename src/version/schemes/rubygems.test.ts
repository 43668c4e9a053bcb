import { describe, expect, it } from 'vitest';
import { parseGem, rubygemsScheme } from './rubygems.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.0.0.pre', '<', '1.0.0'],
  ['1.0.0-rc1', '<', '1.0.0'],
  ['1.0.0-rc1', '=', '1.0.0.pre.rc1'],
  ['1.0.a', '<', '1.0'],
  ['1.0.a', '<', '1.0.b'],
  ['1.0', '=', '1.0.0'],
  ['1.0.0.1', '>', '1.0'],
  ['1.10', '>', '1.9'],
  ['2.0.0.rc1', '<', '2.0.0.rc2'],
  ['3.2.1.beta', '>', '3.2.1.alpha'],
  ['1.0.A', '<', '1.0.a'],
];

describe('rubygems scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(rubygemsScheme.compare(a, b)).toBe(want);
    expect(rubygemsScheme.compare(b, a)).toBe(-want || 0);
  });

  it('drops trailing zeros of the release and of the pre-release part', () => {
    expect(parseGem('1.0.0.a.0')).toEqual([{ n: '1' }, 'a']);
    expect(parseGem('')).toEqual([]);
  });

  it.each(['a', '1..2', '1.0-', '1 2'])('rejects %j', (text) => {
    expect(rubygemsScheme.isValid(text)).toBe(false);
  });
});
