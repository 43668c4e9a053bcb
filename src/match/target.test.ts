import { describe, expect, it } from 'vitest';
import { PURL_TYPE } from '../catalog/purl.js';
import { isOsPackageType, OS_PACKAGE_TYPE, OS_PACKAGE_TYPE_SET } from './target.js';

describe('the package type classes', () => {
  it('class every package type (the keys of the exhaustive purl table) as OS or language, deb, apk and rpm as OS', () => {
    expect(Object.keys(OS_PACKAGE_TYPE).sort()).toEqual(Object.keys(PURL_TYPE).sort());
    expect([...OS_PACKAGE_TYPE_SET].sort()).toEqual(['apk', 'deb', 'rpm']);
    expect(isOsPackageType('rpm')).toBe(true);
    expect(isOsPackageType('npm')).toBe(false);
    expect(isOsPackageType('cocoapods')).toBe(false);
    expect(isOsPackageType('constructor')).toBe(false);
  });
});
