import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import type { PackageType } from '../model/package.js';
import { getScheme, knownEcosystems, schemeForEcosystem, schemeForPackageType, VERSION_SCHEMES } from './list.js';

describe('version scheme registry', () => {
  it('registers one scheme per ecosystem family, with kebab-case ids', () => {
    expect(VERSION_SCHEMES.ids()).toEqual(['dpkg', 'rpm', 'apk', 'semver', 'pep440', 'maven', 'rubygems', 'nuget', 'composer', 'pub', 'cran', 'hackage', 'fuzzy']);
    for (const id of VERSION_SCHEMES.ids()) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('finds schemes by alias, case-insensitively', () => {
    expect(getScheme('deb').id).toBe('dpkg');
    expect(getScheme('PyPI').id).toBe('pep440');
    expect(getScheme('packagist').id).toBe('composer');
    expect(getScheme('crates.io').id).toBe('semver');
  });

  it('rejects an unknown scheme with a ConfigurationError listing the known ones', () => {
    expect(() => getScheme('cobol')).toThrow(ConfigurationError);
    expect(() => getScheme('cobol')).toThrow(/Unknown version scheme "cobol"\. Known: .*dpkg.*pep440/);
  });

  it('marks only the fuzzy scheme as a fallback', () => {
    expect(VERSION_SCHEMES.all().filter((s) => s.fallback).map((s) => s.id)).toEqual(['fuzzy']);
  });
});

describe('schemeForEcosystem', () => {
  it.each([
    ['Debian:12', 'dpkg'],
    ['Ubuntu:22.04:LTS', 'dpkg'],
    ['Alpine:v3.20', 'apk'],
    ['npm', 'semver'],
    ['PyPI', 'pep440'],
    ['Go', 'semver'],
    ['crates.io', 'semver'],
    ['Maven', 'maven'],
    ['RubyGems', 'rubygems'],
    ['NuGet', 'nuget'],
    ['Packagist', 'composer'],
    ['Red Hat:enterprise_linux:9::appstream', 'rpm'],
    ['AlmaLinux:9', 'rpm'],
    ['Rocky Linux:9', 'rpm'],
    ['Pub', 'pub'],
    ['CRAN', 'cran'],
    ['Hackage', 'hackage'],
  ])('%s → %s', (ecosystem, id) => {
    const found = schemeForEcosystem(ecosystem);
    expect(found.scheme.id).toBe(id);
    expect(found.fallback).toBe(false);
  });

  it('falls back to fuzzy for an unknown ecosystem, and says so', () => {
    const found = schemeForEcosystem('GIT');
    expect(found.scheme.id).toBe('fuzzy');
    expect(found.fallback).toBe(true);
    expect(found.fallback && found.reason).toContain('"GIT"');
  });

  it('lists the ecosystems it knows with their OSV spelling', () => {
    expect(knownEcosystems()).toContainEqual({ ecosystem: 'Rocky Linux', scheme: 'rpm' });
  });
});

describe('schemeForPackageType', () => {
  it.each([
    ['apk', 'apk'],
    ['deb', 'dpkg'],
    ['rpm', 'rpm'],
    ['npm', 'semver'],
    ['python', 'pep440'],
    ['java-archive', 'maven'],
    ['go-module', 'semver'],
    ['gem', 'rubygems'],
    ['php-composer', 'composer'],
    ['rust-crate', 'semver'],
    ['dotnet', 'nuget'],
  ] as [PackageType, string][])('%s → %s', (type, id) => {
    expect(schemeForPackageType(type).id).toBe(id);
  });
});
