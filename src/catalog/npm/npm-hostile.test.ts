/** Regression tests for inputs found by `npm run fuzz` (npm-package-json, npm-yarn-lock, php-composer targets). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageError } from '../../common/errors.js';
import { silentLogger } from '../../common/logger.js';
import { viewFromDirectory } from '../../image/directory.js';
import { npmInstalledCataloger } from './catalogers.js';
import { parsePackageLock, parseYarnLock } from './lockfiles.js';
import { npmLicenses, parsePackageJson } from './package-json.js';

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm parsers on hostile input', () => {
  it('package.json nested too deeply is an ImageError, not a stack overflow in the licence walk', () => {
    const text = `{"name":"a","version":"1.0.0","license":${deep(100_000)}}`;
    expect(() => parsePackageJson(text)).toThrow(ImageError);
    expect(() => parsePackageJson(text)).toThrow(/package\.json is nested too deeply/);
  });
  it('npmLicenses walks arrays one level deep only, so any value shape is safe; flat arrays still read', () => {
    let nested: unknown = 'GPL-2.0';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(npmLicenses(['MIT', nested])).toEqual(['MIT']);
    expect(npmLicenses([{ type: 'MIT' }, 'ISC'])).toEqual(['MIT', 'ISC']);
    expect(npmLicenses(undefined, [{ type: 'BSD-3-Clause' }])).toEqual(['BSD-3-Clause']);
  });
  it('package-lock.json nested too deeply is an ImageError', () => {
    expect(() => parsePackageLock(`{"packages":${deep(100_000)}}`)).toThrow(/package-lock\.json is nested too deeply/);
  });
  it('a yarn.lock resolved URL with a malformed escape (%zz) falls back to the spec name instead of throwing URIError', () => {
    const text = ['a@^1.0.0:', '  version "1.0.0"', '  resolved "https://registry.yarnpkg.com/%zz/-/a-1.0.0.tgz#abc"', ''].join('\n');
    expect(parseYarnLock(text)).toEqual([{ name: 'a', version: '1.0.0', licenses: [] }]);
    const scoped = ['"@s/b@^2":', '  version "2.0.0"', '  resolved "https://registry.yarnpkg.com/@s%zz/b/-/b-2.0.0.tgz"', ''].join('\n');
    expect(parseYarnLock(scoped)).toEqual([{ name: '@s/b', version: '2.0.0', licenses: [] }]);
    // A well-formed escape is still decoded.
    const good = ['"@s/b@^2":', '  version "2.0.0"', '  resolved "https://registry.yarnpkg.com/@s%2Dx/b/-/b-2.0.0.tgz"', ''].join('\n');
    expect(parseYarnLock(good)).toEqual([{ name: '@s-x/b', version: '2.0.0', licenses: [] }]);
  });
  it('a berry yarn.lock whose version or dependency range is a nested sequence skips it instead of stringifying it', () => {
    const nested = `${'['.repeat(50)}1${']'.repeat(50)}`;
    const text = ['__metadata:', '  version: 6', '"a@npm:^1":', `  version: ${nested}`, '"b@npm:^2":', '  version: 2.0.0', '  dependencies:', `    c: ${nested}`, ''].join('\n');
    expect(parseYarnLock(text, { includeDev: true })).toEqual([{ name: 'b', version: '2.0.0', licenses: [] }]);
  });
  it('the installed cataloger records a deeply nested package.json as an unknown for the npm database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-hostile-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'node_modules/a'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/a/package.json'), `{"name":"a","version":"1.0.0","license":${deep(5000)}}`);
    const view = await viewFromDirectory(dir, { requests: npmInstalledCataloger.requests });
    const r = await npmInstalledCataloger.catalog({ view, logger: silentLogger });
    expect(r.packages).toEqual([]);
    expect(r.unknowns).toHaveLength(1);
    expect(r.unknowns[0]).toMatchObject({ path: '/node_modules/a/package.json', packageDatabase: 'npm' });
    expect(r.unknowns[0]!.reason).toMatch(/^invalid package\.json: package\.json is nested too deeply/);
  });
});
