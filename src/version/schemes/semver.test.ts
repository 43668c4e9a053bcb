import { describe, expect, it } from 'vitest';
import { parseSemver, semverScheme } from './semver.js';
import { pubScheme } from './pub.js';

const ORDER: [string, '<' | '=' | '>', string][] = [
  // SemVer 2.0 §11's example chain
  ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
  ['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'],
  ['1.0.0-alpha.beta', '<', '1.0.0-beta'],
  ['1.0.0-beta', '<', '1.0.0-beta.2'],
  ['1.0.0-beta.2', '<', '1.0.0-beta.11'],
  ['1.0.0-beta.11', '<', '1.0.0-rc.1'],
  ['1.0.0-rc.1', '<', '1.0.0'],
  ['1.0.0+build.1', '=', '1.0.0+build.2'],
  // Go
  ['v1.2.3', '=', '1.2.3'],
  ['v2.0.0+incompatible', '=', 'v2.0.0'],
  ['v0.0.0-20191109021931-daa7c04131f5', '<', 'v0.0.0-20200101000000-000000000000'],
  ['v0.0.0-20191109021931-daa7c04131f5', '<', 'v0.0.1'],
  // lenient forms found in advisories
  ['1.2', '=', '1.2.0'],
  ['1', '<', '1.0.1'],
  ['18446744073709551616.0.0', '>', '18446744073709551615.0.0'],
  // A fourth numeric component orders (issue 16 §2), as hashicorp/go-version does (github.com/hashicorp/go-version,
  // version.go: any number of segments, missing ones 0) — grype's semver comparator is built on it.
  ['1.2.3.4', '<', '1.2.3.5'],
  ['1.2.3.4', '>', '1.2.3'],
  ['1.2.3.0', '=', '1.2.3'],
  ['1.2.3.4.1', '>', '1.2.3.4'],
  ['1.2.3.4-rc.1', '<', '1.2.3.4'],
  ['1.2.3.10', '>', '1.2.3.9'],
  ['1.2.3.Final', '=', '1.2.3'],
];

describe('semver scheme', () => {
  it.each(ORDER)('%s %s %s', (a, op, b) => {
    const want = op === '<' ? -1 : op === '=' ? 0 : 1;
    expect(semverScheme.compare(a, b)).toBe(want);
    expect(semverScheme.compare(b, a)).toBe(-want || 0);
  });

  it('parses pre-release and build identifiers', () => {
    expect(parseSemver('v1.2.3-rc.1+meta.7')).toEqual({ major: '1', minor: '2', patch: '3', pre: ['rc', '1'], build: ['meta', '7'] });
  });

  it('a 100 KB version with 50,000 components compares without recursion', () => {
    const long = `1${'.1'.repeat(50_000)}`;
    expect(semverScheme.compare(long, `${long.slice(0, -1)}2`)).toBe(-1);
    expect(semverScheme.compare(long, long)).toBe(0);
  });

  it.each(['', 'abc', '1.x', '1.2.3-', '1..2', '1.2.3 beta'])('rejects %j', (text) => {
    expect(semverScheme.isValid(text)).toBe(false);
  });
});

describe('pub scheme', () => {
  it('orders build metadata after the release, unlike SemVer', () => {
    expect(pubScheme.compare('1.0.0', '1.0.0+1')).toBe(-1);
    expect(pubScheme.compare('1.0.0+2', '1.0.0+10')).toBe(-1);
    expect(semverScheme.compare('1.0.0', '1.0.0+1')).toBe(0);
  });
});
