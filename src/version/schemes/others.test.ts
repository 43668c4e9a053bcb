import { describe, expect, it } from 'vitest';
import { cranScheme } from './cran.js';
import { fuzzyScheme } from './fuzzy.js';
import { hackageScheme } from './hackage.js';

describe('cran scheme', () => {
  it('compares numbers split at . and -, the longer greater', () => {
    expect(cranScheme.compare('1.0-1', '1.0.1')).toBe(0);
    expect(cranScheme.compare('0.9', '0.75')).toBe(-1);
    expect(cranScheme.compare('1.0', '1.0-0')).toBe(-1);
    expect(cranScheme.isValid('1.0a')).toBe(false);
  });
});

describe('hackage scheme', () => {
  it('compares dotted numbers, the longer greater', () => {
    expect(hackageScheme.compare('1.0', '1')).toBe(1);
    expect(hackageScheme.compare('0.10', '0.9.9')).toBe(1);
    expect(hackageScheme.isValid('1-0')).toBe(false);
  });
});

describe('fuzzy fallback', () => {
  it('says it is a fallback', () => {
    expect(fuzzyScheme.fallback).toBe(true);
  });

  it('orders numbers numerically and words before numbers', () => {
    expect(fuzzyScheme.compare('1.10', '1.9')).toBe(1);
    expect(fuzzyScheme.compare('1.0rc1', '1.0')).toBe(-1);
    expect(fuzzyScheme.compare('1.0', '1.0.1')).toBe(-1);
    expect(fuzzyScheme.compare('v1.0', '1.0.0')).toBe(0);
    expect(fuzzyScheme.compare('1.0-beta', '1.0-alpha')).toBe(1);
    expect(fuzzyScheme.isValid('...')).toBe(false);
  });
});
