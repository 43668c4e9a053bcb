import { describe, expect, it } from 'vitest';
import { purl, type PurlParts } from '../catalog/purl.js';
import { distroOfPurl } from './distro.js';
import { packageNameOfPurl, packageTypeOfPurl, parsePurl, sourceOfPurl } from './purl-parse.js';

describe('parsePurl', () => {
  const cases: [string, PurlParts][] = [
    ['deb with epoch, plus sign and qualifiers', { type: 'deb', namespace: 'debian', name: 'bsdutils', version: '1:2.38.1-5+deb12u3', qualifiers: { arch: 'amd64', distro: 'debian-12', upstream: 'util-linux@2.38.1-5+deb12u3' } }],
    ['scoped npm', { type: 'npm', namespace: '@xmldom', name: 'xmldom', version: '0.7.5' }],
    ['go module path', { type: 'golang', namespace: 'github.com/spf13', name: 'cobra', version: 'v1.8.0' }],
    ['maven', { type: 'maven', namespace: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1' }],
    ['subpath and no version', { type: 'generic', name: 'thing', subpath: 'a/b c' }],
    ['unicode name', { type: 'pypi', name: 'zoë', version: '1.0' }],
  ];
  it.each(cases)('reads back what src/catalog/purl.ts writes: %s', (_label, parts) => {
    const parsed = parsePurl(purl(parts))!;
    expect(parsed.type).toBe(parts.type);
    expect(parsed.namespace).toBe(parts.namespace);
    expect(parsed.name).toBe(parts.name);
    expect(parsed.version).toBe(parts.version);
    expect(parsed.qualifiers).toEqual(parts.qualifiers ?? {});
    expect(parsed.subpath).toBe(parts.subpath);
  });

  it('accepts an unencoded npm scope, and rejects what is not a purl', () => {
    expect(parsePurl('pkg:npm/@babel/core@7.0.0')).toMatchObject({ namespace: '@babel', name: 'core', version: '7.0.0' });
    expect(parsePurl('npm/left-pad@1.0.0')).toBeUndefined();
    expect(parsePurl('pkg:npm')).toBeUndefined();
    expect(parsePurl('pkg:npm/')).toBeUndefined();
  });

  it('maps purl types to package types, and names as the catalogers write them', () => {
    expect(packageTypeOfPurl(parsePurl('pkg:pypi/requests@2.28.1')!)).toBe('python');
    expect(packageTypeOfPurl(parsePurl('pkg:maven/g/a@1')!)).toBe('java-archive');
    expect(packageTypeOfPurl(parsePurl('pkg:github/o/r@1')!)).toBeUndefined();
    expect(packageNameOfPurl(parsePurl('pkg:npm/%40xmldom/xmldom@0.7.5')!)).toBe('@xmldom/xmldom');
    expect(packageNameOfPurl(parsePurl('pkg:golang/github.com/spf13/cobra@v1')!)).toBe('github.com/spf13/cobra');
    expect(packageNameOfPurl(parsePurl('pkg:maven/org.x/core@1')!)).toBe('core');
  });
});

describe('sourceOfPurl and distroOfPurl', () => {
  it('recovers the source package of deb, apk and rpm purls', () => {
    expect(sourceOfPurl(parsePurl('pkg:deb/debian/libcurl4@7.88.1-10?upstream=curl')!, '7.88.1-10')).toEqual({ name: 'curl', version: '7.88.1-10' });
    expect(sourceOfPurl(parsePurl('pkg:deb/debian/libgcc-s1@12.2.0-14?upstream=gcc-12%4012.2.0-14')!, '12.2.0-14')).toEqual({ name: 'gcc-12', version: '12.2.0-14' });
    expect(sourceOfPurl(parsePurl('pkg:deb/debian/bash@5.2.15-2')!, '5.2.15-2')).toEqual({ name: 'bash', version: '5.2.15-2' });
    expect(sourceOfPurl(parsePurl('pkg:apk/alpine/libssl3@3.3.2-r0?upstream=openssl')!, '3.3.2-r0')).toEqual({ name: 'openssl', version: '3.3.2-r0' });
    expect(sourceOfPurl(parsePurl('pkg:rpm/rocky/bash@5.1.8-6.el9?upstream=bash-5.1.8-6.el9.src.rpm')!, '5.1.8-6.el9')).toEqual({ name: 'bash', version: '5.1.8-6.el9' });
    expect(sourceOfPurl(parsePurl('pkg:npm/lodash@4.17.21')!, '4.17.21')).toBeUndefined();
  });

  it('reads the distro qualifier', () => {
    expect(distroOfPurl(parsePurl('pkg:deb/debian/bash@1?distro=debian-12')!)).toEqual({ id: 'debian', versionId: '12' });
    expect(distroOfPurl(parsePurl('pkg:apk/alpine/musl@1?distro=alpine-3.20.3')!)).toEqual({ id: 'alpine', versionId: '3.20.3' });
    expect(distroOfPurl(parsePurl('pkg:rpm/redhat/bash@1?distro=rhel-9.4')!)).toEqual({ id: 'rhel', versionId: '9.4' });
    expect(distroOfPurl(parsePurl('pkg:deb/debian/bash@1?distro=debian')!)).toEqual({ id: 'debian' });
    expect(distroOfPurl(parsePurl('pkg:deb/debian/bash@1')!)).toBeUndefined();
  });
});
