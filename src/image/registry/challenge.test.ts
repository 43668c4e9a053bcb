import { describe, expect, it } from 'vitest';
import { parseChallenges } from './challenge.js';

describe('parseChallenges', () => {
  it("parses Docker Hub's bearer challenge", () => {
    expect(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' } },
    ]);
  });

  it('parses a basic challenge, several challenges, unquoted and escaped values', () => {
    expect(parseChallenges('Basic realm="fixture-registry"')).toEqual([{ scheme: 'basic', params: { realm: 'fixture-registry' } }]);
    expect(parseChallenges(['Basic realm=a', 'Bearer realm="b\\"c", Service=s'])).toEqual([
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'bearer', params: { realm: 'b"c', service: 's' } },
    ]);
    expect(parseChallenges('Bearer realm="https://x/token",scope="repository:a/b:pull,push"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://x/token', scope: 'repository:a/b:pull,push' } },
    ]);
  });

  it('gives nothing for an absent header', () => {
    expect(parseChallenges(undefined)).toEqual([]);
    expect(parseChallenges('')).toEqual([]);
  });
});
