import { describe, expect, it } from 'vitest';
import { composerScheme, parseComposer } from './composer.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  ['1.0.0-dev', '<', '1.0.0-alpha1'],
  ['1.0.0-alpha1', '<', '1.0.0-beta1'],
  ['1.0.0-beta1', '<', '1.0.0-RC1'],
  ['1.0.0-RC1', '<', '1.0.0'],
  ['1.0.0', '<', '1.0.0-pl1'],
  ['1.0.0-p1', '=', '1.0.0-pl1'],
  ['v2.1.0', '=', '2.1.0'],
  ['2.1.0', '<', '2.1.0.1'],
  ['2.1.0-beta', '<', '2.1.0'],
  ['2.1', '<', '2.1.0'],
  ['5.4.10', '>', '5.4.9'],
  ['dev-main', '<', '0.0.1'],
  ['1.0.0-unknown', '<', '1.0.0-dev'],
];

describe('composer scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(composerScheme.compare(a, b)).toBe(want);
    expect(composerScheme.compare(b, a)).toBe(-want || 0);
  });

  it('canonicalises like PHP: separators to dots, dots between digits and letters', () => {
    expect(parseComposer('1.0rc1_2+x')).toEqual([{ num: '1' }, { num: '0' }, { word: 'rc', order: 3 }, { num: '1' }, { num: '2' }, { word: 'x', order: -1 }]);
    expect(composerScheme.isValid('...')).toBe(false);
  });
});
