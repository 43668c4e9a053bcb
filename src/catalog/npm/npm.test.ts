import { readFileSync } from 'node:fs';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { compileGlob } from '../../image/paths.js';
import { parsePackageJson } from './package-json.js';
import { parsePackageLock, parsePnpmLock, parseYarnLock } from './lockfiles.js';
import {
  INSTALLED_GLOBS,
  LOCKFILE_GLOBS,
  isInstalledManifest,
  npmInstalledCataloger,
  npmLockfileCataloger,
  npmPurl,
} from './catalogers.js';

const JS = (...p: string[]): string => sharedPath('fixtures/catalogers/javascript/syft', ...p);
const read = (...p: string[]): string => readFileSync(JS(...p), 'utf8');
const ids = (entries: { name: string; version: string }[]): string[] => entries.map((e) => `${e.name}@${e.version}`).sort();

describe('npm file selection', () => {
  const installed = INSTALLED_GLOBS.map(compileGlob);
  const matches = (p: string): boolean => installed.some((g) => g.test(p));
  it('selects package.json of package directories at any depth, and nothing else', () => {
    expect(matches('/app/node_modules/express/package.json')).toBe(true);
    expect(matches('/app/node_modules/@xmldom/xmldom/package.json')).toBe(true);
    expect(matches('/app/node_modules/raw-body/node_modules/http-errors/package.json')).toBe(true);
    expect(matches('/app/package.json')).toBe(false);
    expect(matches('/app/node_modules/date-fns/esm/package.json')).toBe(false);
    expect(isInstalledManifest('/app/node_modules/date-fns/esm/package.json')).toBe(false);
    expect(isInstalledManifest('/app/node_modules/.bin/package.json')).toBe(false);
    expect(isInstalledManifest('/app/node_modules/@s/x/package.json')).toBe(true);
  });
  it('selects lockfiles anywhere', () => {
    const g = LOCKFILE_GLOBS.map(compileGlob);
    for (const p of ['/src/package-lock.json', '/yarn.lock', '/a/b/pnpm-lock.yaml']) expect(g.some((r) => r.test(p))).toBe(true);
    expect(g.some((r) => r.test('/src/package.json'))).toBe(false);
  });
  it('encodes npm scopes in purls', () => {
    expect(npmPurl('@actions/core', '1.6.0')).toBe('pkg:npm/%40actions/core@1.6.0');
    expect(npmPurl('lodash', '4.17.21')).toBe('pkg:npm/lodash@4.17.21');
  });
});

describeShared('npm parsers on the syft fixtures (EXPECTED.md)', () => {
  it('package.json variants', () => {
    expect(parsePackageJson(read('pkg-json/package.json'))).toMatchObject({ name: 'npm', version: '6.14.6', licenses: ['Artistic-2.0'] });
    expect(parsePackageJson(read('pkg-json/package-license-object.json'))?.licenses).toEqual(['ISC']);
    expect(parsePackageJson(read('pkg-json/package-license-objects.json'))?.licenses).toEqual(['MIT', 'Apache-2.0']);
    expect(parsePackageJson(read('pkg-json/package-private.json'))?.private).toBe(true);
    expect(parsePackageJson(read('pkg-json/package-no-license.json'))?.licenses).toEqual([]);
    expect(parsePackageJson(read('pkg-json/package-malformed-license.json'))?.name).toBe('npm');
    expect(parsePackageJson(read('pkg-json/package-partial.json'))).toBeNull();
    expect(parsePackageJson(read('pkg-json/package-nested-author.json'))?.author).toBeTruthy();
    expect(() => parsePackageJson(read('corrupt/package.json'))).toThrow();
  });

  it('package-lock v1, v2, v3, aliases, array licences', () => {
    expect(ids(parsePackageLock(read('pkg-lock/package-lock.json')))).toEqual(
      ['@actions/core@1.6.0', 'ansi-regex@3.0.0', 'cowsay@1.4.0', 'get-stdin@5.0.1', 'is-fullwidth-code-point@2.0.0', 'minimist@0.0.10',
        'optimist@0.6.1', 'string-width@2.1.1', 'strip-ansi@4.0.0', 'strip-eof@1.0.0', 'wordwrap@0.0.3'].sort(),
    );
    expect(ids(parsePackageLock(read('pkg-lock/nested-package-lock-1.json')))).toEqual(
      ['duplicate@1.0.0', 'middle@1.0.0', 'parent@1.0.0', 'shared@0.5.0', 'shared@1.0.0', 'shared@2.0.0'],
    );
    expect(ids(parsePackageLock(read('pkg-lock/package-lock-2.json')))).toEqual(
      ['@types/prop-types@15.7.5', '@types/react@18.0.17', '@types/scheduler@0.16.2', 'csstype@3.1.0', 'npm@6.14.6'],
    );
    expect(ids(parsePackageLock(read('pkg-lock/package-lock-3.json')))).toEqual(
      ['@types/prop-types@15.7.5', '@types/react@18.0.20', '@types/scheduler@0.16.2', 'csstype@3.1.1', 'lock-v3-fixture@1.0.0'],
    );
    expect(ids(parsePackageLock(read('pkg-lock/alias-package-lock-1.json')))).toEqual(
      ['@bundled-es-modules/chai@4.2.2', 'case@1.6.2', 'case@1.6.3'],
    );
    expect(ids(parsePackageLock(read('pkg-lock/alias-package-lock-2.json')))).toEqual(
      ['@bundled-es-modules/chai@4.2.2', 'alias-check@1.0.0', 'case@1.6.2', 'case@1.6.3'],
    );
    const arr = parsePackageLock(read('pkg-lock/array-license-package-lock.json'));
    expect(ids(arr)).toEqual(['pause-stream@0.0.11', 'through@2.3.8', 'tmp@1.0.0']);
    expect(arr.find((e) => e.name === 'pause-stream')?.licenses).toEqual(['MIT', 'Apache2']);
    expect(() => parsePackageLock(read('corrupt/package-lock.json'))).toThrow();
  });

  it('yarn.lock v1, berry, duplicates and dev dependencies', () => {
    const nine = ['@babel/code-frame@7.10.4', '@types/minimatch@3.0.3', '@types/qs@6.9.4', 'ajv@6.12.3', 'asn1.js@4.10.1', 'atob@2.1.2',
      'aws-sdk@2.706.0', 'jhipster-core@7.3.4'];
    expect(ids(parseYarnLock(read('yarn/yarn.lock')))).toEqual([...nine, 'something-i-made-up@7.7.7'].sort());
    expect(ids(parseYarnLock(read('yarn-berry/yarn.lock')))).toEqual([...nine, 'c0n-fab_u.laTION@7.7.7'].sort());
    expect(ids(parseYarnLock(read('yarn-v1-deps/yarn.lock')))).toEqual([...nine, 'something-i-made-up@7.7.7'].sort());
    expect(ids(parseYarnLock(read('yarn-dups/yarn.lock')))).toEqual(
      ['@4lolo/resize-observer-polyfill@1.5.2', 'async@0.9.2', 'async@3.2.3', 'merge-objects@1.0.5', 'should-type@1.3.0'],
    );
    expect(ids(parseYarnLock(read('yarn-berry-dups/yarn.lock')))).toEqual(['async@0.9.2', 'async@3.2.6']);
    for (const dir of ['yarn-dev-deps', 'yarn-berry-dev-deps']) {
      const packageJson = read(dir, 'package.json');
      expect(ids(parseYarnLock(read(dir, 'yarn.lock'), { packageJson }))).toEqual(['prod-pkg@1.0.0', 'shared-pkg@1.0.0']);
      expect(ids(parseYarnLock(read(dir, 'yarn.lock'), { packageJson, includeDev: true }))).toEqual(
        ['dev-only-transitive@1.0.0', 'dev-pkg@1.0.0', 'prod-pkg@1.0.0', 'shared-pkg@1.0.0'],
      );
    }
    expect(ids(parseYarnLock(read('yarn-remote/yarn.lock')))).toContain('@babel/code-frame@7.10.4');
  });

  it('pnpm-lock v5, v6, v9, peer suffixes, snapshots, multi-document', () => {
    expect(ids(parsePnpmLock(read('pnpm/pnpm-lock.yaml')))).toEqual(['nanoid@3.3.4', 'picocolors@1.0.0', 'source-map-js@1.0.2']);
    expect(ids(parsePnpmLock(read('pnpm/pnpm-lock.yaml'), { includeDev: true }))).toEqual(
      ['@bcoe/v8-coverage@0.2.3', 'nanoid@3.3.4', 'picocolors@1.0.0', 'source-map-js@1.0.2'],
    );
    expect(ids(parsePnpmLock(read('pnpm-v6/pnpm-lock.yaml')))).toEqual(
      ['@babel/core@7.21.4', '@testing-library/jest-dom@5.16.5', '@testing-library/react@13.4.0', '@testing-library/user-event@13.5.0',
        '@types/eslint@8.37.0', 'react-dom@18.2.0', 'react@18.2.0', 'read-cache@1.0.0', 'schema-utils@3.1.2', 'web-vitals@2.1.4'],
    );
    expect(ids(parsePnpmLock(read('pnpm-v5-peer-suffix/pnpm-lock.yaml')))).toEqual(['acorn-jsx@5.3.2', 'acorn@8.8.0', 'webpack-cli@4.10.0']);
    expect(ids(parsePnpmLock(read('pnpm-v9/pnpm-lock.yaml')))).toEqual(
      ['@babel/core@7.24.7', '@babel/helper-plugin-utils@7.24.7', 'is-positive@3.1.0', 'rollup@4.18.0'],
    );
    expect(ids(parsePnpmLock(read('pnpm-v9-snapshots/pnpm-lock.yaml')))).toEqual(
      ['cross-spawn@7.0.6', 'isexe@2.0.0', 'path-key@3.1.1', 'shebang-command@2.0.0', 'shebang-regex@3.0.0', 'which@2.0.2'],
    );
    expect(ids(parsePnpmLock(read('pnpm-multi-doc/pnpm-lock.yaml')))).toEqual(
      ['@pnpm/exe.linux-x64@12.0.0-rc.3', 'minimist@1.2.0', 'pnpm@12.0.0-rc.3'],
    );
    expect(() => parsePnpmLock(read('corrupt/pnpm-lock.yaml'))).toThrow();
  });
});

describeShared('npm catalogers over a FileView', () => {
  const ctx = async (root: string) => ({
    view: await viewFromDirectory(root, { requests: [...npmInstalledCataloger.requests, ...npmLockfileCataloger.requests] }),
    logger: silentLogger,
  });
  const tmp = mkdtempSync(join(tmpdir(), 'npm-cat-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('catalogs every lockfile of the fixture tree with no node_modules, and corrupt ones become unknowns', async () => {
    const c = await ctx(JS());
    const result = await npmLockfileCataloger.catalog(c);
    expect(result.unknowns.map((u) => u.path).sort()).toEqual(
      ['/corrupt/package-lock.json', '/corrupt/pnpm-lock.yaml', '/glob-paths/src/package-lock.json', '/glob-paths/src/pnpm-lock.yaml', '/glob-paths/src/yarn.lock'],
    );
    const core = result.packages.find((p) => p.name === '@actions/core');
    expect(core).toMatchObject({ version: '1.6.0', purl: 'pkg:npm/%40actions/core@1.6.0', foundBy: 'npm/lockfile', type: 'npm' });
    expect(core?.locations[0]?.path).toBe('/pkg-lock/package-lock.json');
    // yarn-dev-deps has its package.json beside the lockfile: dev-only entries are left out
    const devDir = result.packages.filter((p) => p.locations[0]?.path === '/yarn-dev-deps/yarn.lock').map((p) => p.name).sort();
    expect(devDir).toEqual(['prod-pkg', 'shared-pkg']);
  });

  it('installed packages win over a lockfile beside node_modules; nested duplicates are kept', async () => {
    const root = join(tmp, 'proj');
    mkdirSync(join(root, 'app/node_modules/@s/a'), { recursive: true });
    mkdirSync(join(root, 'app/node_modules/b/node_modules/a'), { recursive: true });
    mkdirSync(join(root, 'app/node_modules/b/esm'), { recursive: true });
    writeFileSync(join(root, 'app/package.json'), JSON.stringify({ name: 'root-app', version: '1.0.0' }));
    writeFileSync(join(root, 'app/node_modules/@s/a/package.json'), JSON.stringify({ name: '@s/a', version: '1.0.0', license: 'MIT' }));
    writeFileSync(join(root, 'app/node_modules/b/package.json'), JSON.stringify({ name: 'b', version: '2.0.0' }));
    writeFileSync(join(root, 'app/node_modules/b/esm/package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(root, 'app/node_modules/b/node_modules/a/package.json'), JSON.stringify({ name: 'a', version: '0.1.0' }));
    writeFileSync(join(root, 'app/node_modules/b/package-lock.json'), read('pkg-lock/package-lock-2.json'));
    cpSync(JS('pkg-lock/package-lock.json'), join(root, 'app/package-lock.json'));
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'app/node_modules/bad-json.txt'), '');
    mkdirSync(join(root, 'app/node_modules/broken'));
    writeFileSync(join(root, 'app/node_modules/broken/package.json'), '{"name": ');
    cpSync(JS('pkg-lock/package-lock-3.json'), join(root, 'other/package-lock.json'));
    const c = await ctx(root);
    const installed = await npmInstalledCataloger.catalog(c);
    expect(installed.packages.map((p) => `${p.name}@${p.version} ${p.locations[0]?.path}`).sort()).toEqual([
      '@s/a@1.0.0 /app/node_modules/@s/a/package.json',
      'a@0.1.0 /app/node_modules/b/node_modules/a/package.json',
      'b@2.0.0 /app/node_modules/b/package.json',
    ]);
    expect(installed.packages.find((p) => p.name === '@s/a')?.licenses).toEqual(['MIT']);
    expect(installed.unknowns).toHaveLength(1);
    expect(installed.unknowns[0]).toMatchObject({ path: '/app/node_modules/broken/package.json', stage: 'catalog/npm/installed' });
    const locked = await npmLockfileCataloger.catalog(c);
    expect(new Set(locked.packages.map((p) => p.locations[0]?.path))).toEqual(new Set(['/other/package-lock.json']));
    expect(locked.packages).toHaveLength(5);
  });
});
