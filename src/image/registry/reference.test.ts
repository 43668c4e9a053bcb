import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../common/errors.js';
import { formatRegistryName, parseRegistryName, registryScheme } from './reference.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseRegistryName', () => {
  it.each([
    ['alpine', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' }],
    ['alpine:3.20', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['bitnami/redis:7', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'bitnami/redis', tag: '7' }],
    ['docker.io/alpine', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' }],
    ['index.docker.io/library/alpine:1', { registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: '1' }],
    ['ghcr.io/o/r/s:v1.2_x', { registry: 'ghcr.io', endpoint: 'ghcr.io', repository: 'o/r/s', tag: 'v1.2_x' }],
    ['localhost/app', { registry: 'localhost', endpoint: 'localhost', repository: 'app', tag: 'latest' }],
    ['127.0.0.1:5000/team/app:dev', { registry: '127.0.0.1:5000', endpoint: '127.0.0.1:5000', repository: 'team/app', tag: 'dev' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', endpoint: '[::1]:5000', repository: 'app', tag: 'latest' }],
    [`ghcr.io/o/r@${D}`, { registry: 'ghcr.io', endpoint: 'ghcr.io', repository: 'o/r', digest: D }],
    [`ghcr.io/o/r:v1@${D}`, { registry: 'ghcr.io', endpoint: 'ghcr.io', repository: 'o/r', tag: 'v1', digest: D }],
  ])('%s', (input, expected) => {
    expect(parseRegistryName(input)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['Alpine', 'lowercase'],
    ['ghcr.io/o/r@sha256:abc', 'not a digest'],
    ['alpine:bad tag', 'not a valid tag'],
    ['ghcr.io/', 'repository is empty'],
    ['ghcr.io/o//r', 'not a valid repository path component'],
  ])('refuses %j', (input, why) => {
    expect(() => parseRegistryName(input)).toThrow(ConfigurationError);
    expect(() => parseRegistryName(input)).toThrow(why);
  });

  it('formats names back as users write them', () => {
    expect(formatRegistryName(parseRegistryName('alpine'))).toBe('docker.io/library/alpine:latest');
    expect(formatRegistryName(parseRegistryName(`ghcr.io/o/r:v1@${D}`))).toBe(`ghcr.io/o/r@${D}`);
  });
});

describe('registryScheme', () => {
  it('uses plain http only for loopback and the listed insecure registries', () => {
    expect(registryScheme('localhost:5000')).toBe('http');
    expect(registryScheme('127.0.0.1:5000')).toBe('http');
    expect(registryScheme('[::1]:5000')).toBe('http');
    expect(registryScheme('ghcr.io')).toBe('https');
    expect(registryScheme('reg.internal:5000', ['reg.internal:5000'])).toBe('http');
    expect(registryScheme('reg.internal:5000', ['reg.internal'])).toBe('http');
    expect(registryScheme('reg.internal:5000', ['other:5000'])).toBe('https');
    expect(registryScheme('localhost.evil.com')).toBe('https');
  });
});
