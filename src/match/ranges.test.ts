import { describe, expect, it } from 'vitest';
import { getScheme } from '../version/list.js';
import type { OsvAffected } from '../vulndb/osv.js';
import { evaluateAffected, rangeIntervals } from './ranges.js';

const semver = getScheme('semver');
const pep440 = getScheme('pep440');

const affected = (events: OsvAffected['ranges'], versions?: string[]): OsvAffected => ({
  package: { ecosystem: 'PyPI', name: 'x' },
  ranges: events,
  ...(versions ? { versions } : {}),
});
const isAffected = (a: OsvAffected, v: string, scheme = pep440): boolean => evaluateAffected(a, v, scheme).affected;

describe('OSV range evaluation', () => {
  it('introduced/fixed: the fixed version and above are not affected, the introduced one is', () => {
    const a = affected([{ type: 'ECOSYSTEM', events: [{ introduced: '1.2' }, { fixed: '1.4.1' }] }]);
    expect(['1.1', '1.2', '1.3.9', '1.4.0', '1.4.1', '2.0'].map((v) => isAffected(a, v))).toEqual([false, true, true, true, false, false]);
  });

  it('last_affected includes that version and nothing above it', () => {
    const a = affected([{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '2.0.3' }] }]);
    // 2.0.3.post1 sorts above 2.0.3 in PEP 440, so it is past the last affected version
    expect(['0.1', '2.0.3', '2.0.3.post1', '2.0.4'].map((v) => isAffected(a, v))).toEqual([true, true, false, false]);
  });

  it('multi-range records: several intervals in one range, and several ranges', () => {
    const oneRange = affected([{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.5' }, { introduced: '1.1.0' }, { fixed: '1.1.2' }] }]);
    expect(['1.0.4', '1.0.5', '1.0.9', '1.1.0', '1.1.1', '1.1.2'].map((v) => isAffected(oneRange, v))).toEqual([true, false, false, true, true, false]);
    const twoRanges = affected([
      { type: 'SEMVER', events: [{ introduced: '2.2.6' }, { fixed: '2.47.0' }] },
      { type: 'SEMVER', events: [{ introduced: '2.51.1' }, { last_affected: '2.67.0' }] },
    ]);
    expect(['2.2.5', '2.2.6', '2.46.9', '2.47.0', '2.51.0', '2.51.1', '2.67.0', '2.67.1'].map((v) => isAffected(twoRanges, v, semver))).toEqual([
      false, true, true, false, false, true, true, false,
    ]);
  });

  it('events are order-independent (sorted by version before evaluation)', () => {
    const a = affected([{ type: 'SEMVER', events: [{ fixed: '1.1.2' }, { introduced: '1.1.0' }, { fixed: '1.0.5' }, { introduced: '0' }] }]);
    expect(rangeIntervals(a.ranges![0]!, semver).intervals).toEqual([{ fixed: '1.0.5' }, { introduced: '1.1.0', fixed: '1.1.2' }]);
    expect(isAffected(a, '1.0.7', semver)).toBe(false);
    expect(isAffected(a, '1.1.1', semver)).toBe(true);
  });

  it('an introduced without an end runs to the end; introduced == fixed is empty', () => {
    expect(isAffected(affected([{ type: 'SEMVER', events: [{ introduced: '3.0.0' }] }]), '99.0.0', semver)).toBe(true);
    expect(isAffected(affected([{ type: 'SEMVER', events: [{ introduced: '3.0.0' }, { fixed: '3.0.0' }] }]), '3.0.0', semver)).toBe(false);
  });

  it('limit bounds the range: versions at or above every limit are not affected', () => {
    const a = affected([{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }]);
    expect(['0.9.0', '1.5.0', '2.0.0', '3.0.0'].map((v) => isAffected(a, v, semver))).toEqual([false, true, false, false]);
    const star = affected([{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { limit: '*' }] }]);
    expect(isAffected(star, '9.0.0', semver)).toBe(true);
  });

  it('versions lists count on their own, and GIT ranges are ignored', () => {
    const a = affected([{ type: 'GIT', repo: 'https://example.invalid/x', events: [{ introduced: '0' }, { fixed: 'abc' }] }], ['1.0', '1.1']);
    expect(isAffected(a, '1.1')).toBe(true);
    expect(isAffected(a, '1.1.0')).toBe(true); // PEP 440 equality
    expect(isAffected(a, '1.2')).toBe(false);
    expect(evaluateAffected(a, '1.1', pep440).hits[0]).toEqual({ listed: '1.1', type: 'versions' });
  });

  it('a range with a version its scheme cannot read is skipped and reported, the others still count', () => {
    const a = affected([
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 'not a version!!' }] },
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] },
    ]);
    const v = evaluateAffected(a, '1.0.0', semver);
    expect(v.affected).toBe(true);
    expect(v.problems).toHaveLength(1);
    expect(v.hits).toEqual([{ interval: { fixed: '2.0.0' }, type: 'SEMVER' }]);
  });
});
