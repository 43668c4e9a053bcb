import { describe, expect, it } from 'vitest';
import { encodePurlComponent, purl, PURL_TYPE } from './purl.js';

describe('purl', () => {
  it('builds the Debian example of the issue', () => {
    expect(
      purl({ type: 'deb', namespace: 'debian', name: 'libssl3', version: '3.0.20-1~deb12u2', qualifiers: { distro: 'debian-12', arch: 'amd64' } }),
    ).toBe('pkg:deb/debian/libssl3@3.0.20-1~deb12u2?arch=amd64&distro=debian-12');
  });

  it('keeps an epoch colon as it is (purl-spec: ":" shall not be percent-encoded), encodes a plus and an @', () => {
    expect(purl({ type: 'deb', name: 'zlib1g', version: '1:1.3.dfsg-3.1ubuntu2.1', qualifiers: { upstream: 'zlib', arch: 'amd64' } })).toBe(
      'pkg:deb/zlib1g@1:1.3.dfsg-3.1ubuntu2.1?arch=amd64&upstream=zlib',
    );
    expect(purl({ type: 'apk', namespace: 'alpine', name: 'g++', version: '13.2.1_git20231014-r0' })).toBe(
      'pkg:apk/alpine/g%2B%2B@13.2.1_git20231014-r0',
    );
    expect(purl({ type: 'deb', namespace: 'debian', name: 'bash', version: '5.2.15-2+b13', qualifiers: { upstream: 'bash@5.2.15-2' } })).toBe(
      'pkg:deb/debian/bash@5.2.15-2%2Bb13?upstream=bash%405.2.15-2',
    );
  });

  it('sorts qualifiers, lower-cases keys and type, drops empty values', () => {
    expect(purl({ type: 'RPM', name: 'vim', version: '9.0-1.cm2', qualifiers: { upstream: 'vim-9.0-1.cm2.src.rpm', Epoch: '2', arch: 'x86_64', distro: undefined, x: '' } })).toBe(
      'pkg:rpm/vim@9.0-1.cm2?arch=x86_64&epoch=2&upstream=vim-9.0-1.cm2.src.rpm',
    );
  });

  it('encodes namespace segments one by one, and the subpath without . and ..', () => {
    expect(purl({ type: 'npm', namespace: '@xmldom', name: 'xmldom', version: '0.7.5' })).toBe('pkg:npm/%40xmldom/xmldom@0.7.5');
    expect(purl({ type: 'golang', namespace: 'github.com/a b/c', name: 'd', subpath: '/./x/../y z/' })).toBe('pkg:golang/github.com/a%20b/c/d#x/y%20z');
  });

  it('encodes non-ASCII as UTF-8 bytes and refuses a bad type or an empty name', () => {
    expect(encodePurlComponent('é/?#:')).toBe('%C3%A9%2F%3F%23:');
    expect(() => purl({ type: '1x', name: 'a' })).toThrow(/type/);
    expect(() => purl({ type: 'npm', name: '' })).toThrow(/name/);
    expect(() => purl({ type: 'npm', name: 'a', qualifiers: { 'in production': 'true' } })).toThrow(/qualifier key/);
  });

  it("applies purl-spec's type normalisation to names (types/<type>-definition.json), and maps every package type", () => {
    expect(purl({ type: 'pypi', name: 'Django_Allauth', version: '1' })).toBe('pkg:pypi/django-allauth@1');
    expect(purl({ type: 'deb', namespace: 'Debian', name: 'Curl' })).toBe('pkg:deb/debian/curl');
    expect(purl({ type: 'npm', name: 'Left-Pad' })).toBe('pkg:npm/Left-Pad');
    expect(PURL_TYPE).toEqual({ apk: 'apk', deb: 'deb', rpm: 'rpm', npm: 'npm', python: 'pypi', 'java-archive': 'maven', 'go-module': 'golang', gem: 'gem', 'php-composer': 'composer', 'rust-crate': 'cargo', dotnet: 'nuget' });
  });
});
