import { describe, expect, it } from 'vitest';
import { parseWatch, parseWatchInterval, WatchError } from './watch.js';

describe('parseWatchInterval', () => {
  it('reads s, m, h, d, within the minimum and 7 days', () => {
    expect(parseWatchInterval('10s')).toBe(10_000);
    expect(parseWatchInterval('5m')).toBe(300_000);
    expect(parseWatchInterval('6H')).toBe(21_600_000);
    expect(parseWatchInterval('7d')).toBe(604_800_000);
    expect(() => parseWatchInterval('9s')).toThrow('interval "9s" is under this store\'s minimum of 10 seconds');
    expect(() => parseWatchInterval('30s', 60_000)).toThrow('interval "30s" is under this store\'s minimum of 60 seconds');
    expect(() => parseWatchInterval('169h')).toThrow('interval "169h" is over 7 days');
    expect(() => parseWatchInterval('5 minutes')).toThrow(WatchError);
    expect(() => parseWatchInterval('-5m')).toThrow('is not an interval');
  });
});

describe('parseWatch', () => {
  it('normalises the repository as docker does and defaults tags to latest', () => {
    expect(parseWatch({ repository: 'alpine', interval: '1h' })).toEqual({ repository: 'docker.io/library/alpine', tags: 'latest', interval: '1h', interval_ms: 3_600_000, policy: null });
    expect(parseWatch({ repository: '127.0.0.1:5000/team/app', tags: 'v*', interval: '30s', policy: 'prod' })).toMatchObject({
      repository: '127.0.0.1:5000/team/app',
      tags: 'v*',
      policy: 'prod',
    });
    expect(parseWatch({ repository: 'ghcr.io/o/n', tags: 'regexp:^v[0-9]+$', interval: '1d' }).tags).toBe('regexp:^v[0-9]+$');
  });

  it('refuses what it cannot poll, each with one line', () => {
    const bad = (body: unknown) => {
      try {
        parseWatch(body);
      } catch (error) {
        expect(error).toBeInstanceOf(WatchError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad(null)).toBe('the body must be a JSON object with repository, tags and interval');
    expect(bad([])).toBe('the body must be a JSON object with repository, tags and interval');
    expect(bad({ interval: '5m' })).toBe('repository is required: "registry/name"');
    expect(bad({ repository: 'ghcr.io/o/n@sha256:' + 'a'.repeat(64), interval: '5m' })).toMatch(/must have neither a tag nor a digest/);
    expect(bad({ repository: 'localhost:5000/o/n:1', interval: '5m' })).toMatch(/must have neither a tag nor a digest/);
    expect(bad({ repository: 'ghcr.io/O/n', interval: '5m' })).toBe('invalid image name "ghcr.io/O/n": repository names must be lowercase');
    expect(bad({ repository: 'ghcr.io/o/n', tags: '', interval: '5m' })).toMatch(/^tags must be a tag or a pattern/);
    expect(bad({ repository: 'ghcr.io/o/n', tags: 'v1/x', interval: '5m' })).toMatch(/^tags "v1\/x" may hold only tag characters/);
    expect(bad({ repository: 'ghcr.io/o/n', tags: 'regexp:[', interval: '5m' })).toMatch(/^tags: Invalid regular expression/);
    expect(bad({ repository: 'ghcr.io/o/n' })).toBe('interval is required (e.g. "5m")');
    expect(bad({ repository: 'ghcr.io/o/n', interval: 300 })).toBe('interval is required (e.g. "5m")');
    expect(bad({ repository: 'ghcr.io/o/n', interval: '5m', policy: '../x' })).toBe('policy must be a store policy name');
    expect(bad({ repository: 'ghcr.io/o/n', interval: '5m', tag: 'v1' })).toBe('unknown field "tag" (expected repository, tags, interval, policy)');
  });
});
