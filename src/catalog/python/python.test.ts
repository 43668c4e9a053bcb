import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { isPythonMetadataPath, isPythonSidecarPath, pythonInstalledCataloger } from './cataloger.js';
import { normalizePythonName, parseCoreMetadata, parseInstalledFiles, parseRecord } from './metadata.js';
import { readFileSync } from 'node:fs';

const PY = (...p: string[]): string => sharedPath('fixtures/catalogers/python/syft', ...p);

async function catalog(dir: string) {
  const view = await viewFromDirectory(dir, { requests: pythonInstalledCataloger.requests });
  return pythonInstalledCataloger.catalog({ view, logger: silentLogger });
}
const summary = (pkgs: { name: string; version: string; purl: string }[]): string[] =>
  pkgs.map((p) => `${p.name} ${p.version} ${p.purl}`).sort();

describe('python file selection and parsing', () => {
  it('selects metadata files case-insensitively, not wheels or stray files', () => {
    expect(isPythonMetadataPath('/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA')).toBe(true);
    expect(isPythonMetadataPath('/x/site-packages/v.DIST-INFO/METADATA')).toBe(true);
    expect(isPythonMetadataPath('/x/site-packages/y.egg-info/PKG-INFO')).toBe(true);
    expect(isPythonMetadataPath('/x/site-packages/w.EGG-INFO/PKG-INFO')).toBe(true);
    expect(isPythonMetadataPath('/x/site-packages/z.egg-info')).toBe(true);
    expect(isPythonMetadataPath('/usr/share/python-wheels/pip-23.0.1-py3-none-any.whl')).toBe(false);
    expect(isPythonMetadataPath('/x/egg-info/PKG-INFO-INVALID')).toBe(false);
    expect(isPythonMetadataPath('/x/METADATA')).toBe(false);
    expect(isPythonSidecarPath('/x/a.dist-info/RECORD')).toBe(true);
    expect(isPythonSidecarPath('/x/RECORD')).toBe(false);
  });
  it('normalises names for purls', () => {
    expect(normalizePythonName('Pygments')).toBe('pygments');
    expect(normalizePythonName('charset_normalizer')).toBe('charset-normalizer');
    expect(normalizePythonName('zope.Interface__x')).toBe('zope-interface-x');
  });
  it('parses headers with continuation lines, stops at the body, and prefers License-Expression', () => {
    const m = parseCoreMetadata('Name: a\nVersion: 1\nLicense: MIT\nLicense-Expression: MIT OR Apache-2.0\nDescription: x\n  y\n\nName: body\n');
    expect(m).toMatchObject({ name: 'a', version: '1', licenses: ['MIT OR Apache-2.0'] });
    expect(parseCoreMetadata('')).toBeNull();
    expect(parseCoreMetadata('Name: c\nClassifier: License :: OSI Approved :: MIT License\n')?.licenses).toEqual(['MIT License']);
    expect(parseRecord('a/b.py,sha256=x,1\n"we,ird.py",,\n\n')).toEqual(['a/b.py', 'we,ird.py']);
  });
});

describeShared('python/installed on the syft fixtures (EXPECTED.md)', () => {
  const vcs = `pkg:pypi/pygments@2.6.1?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fpython-test%2Ftest.git%40${'a'.repeat(40)}`;
  it('no-version', async () => {
    const r = await catalog(PY('site-packages/no-version'));
    expect(summary(r.packages)).toEqual(['no-version  pkg:pypi/no-version']);
  });
  for (const dir of ['nested', 'uppercase']) {
    it(dir, async () => {
      const r = await catalog(PY('site-packages', dir));
      expect(summary(r.packages)).toEqual([`Pygments 2.6.1 ${vcs}`, 'requests 2.22.0 pkg:pypi/requests@2.22.0']);
      const pyg = r.packages.find((p) => p.name === 'Pygments')!;
      // RECORD paths are relative to site-packages (here /dist-name); one climbing out of the root is dropped
      expect((pyg.metadata?.files as string[])[0]).toBe('/dist-name/Pygments-2.6.1.dist-info/AUTHORS');
      expect(r.packages.find((p) => p.name === 'requests')?.licenses).toEqual(['Apache-2.0']);
      expect(r.unknowns).toEqual([]);
    });
  }
  it('license: two pygments', async () => {
    const r = await catalog(PY('site-packages/license'));
    expect(r.packages.map((p) => `${p.name} ${p.version}`)).toEqual(['Pygments 2.6.1', 'Pygments 2.6.1']);
    expect(r.packages.every((p) => p.licenses.length > 0)).toBe(true);
  });
  it('malformed-record and partial', async () => {
    expect(summary((await catalog(PY('site-packages/malformed-record'))).packages)).toEqual(['Pygments 2.6.1 pkg:pypi/pygments@2.6.1']);
    const partial = await catalog(PY('site-packages'));
    expect(partial.packages.filter((p) => p.locations[0]!.path === '/partial.dist-info/METADATA').map((p) => p.version)).toEqual(['2.6.1']);
  });
  it('installed-files.txt lists paths relative to the egg-info directory', () => {
    const files = parseInstalledFiles(readFileSync(PY('installed-files/installed-files.txt'), 'utf8'));
    expect(files.slice(0, 3)).toEqual(['../__pycache__/dicttoxml.cpython-36.pyc', '../dicttoxml.py', 'PKG-INFO']);
  });
  it('egg-info as a regular file', async () => {
    expect(summary((await catalog(PY('site-packages/test'))).packages)).toEqual(['requests 2.22.0 pkg:pypi/requests@2.22.0']);
  });
  it('the whole syft tree: interpreter egg-info and the empty file yield nothing', async () => {
    const r = await catalog(PY());
    const top = r.packages.filter((p) => !p.locations[0]!.path.slice(1).includes('/'));
    expect(top).toEqual([]);
    expect(r.packages.some((p) => p.name === 'Python')).toBe(false);
    // glob-paths holds tiny placeholder metadata files: each becomes an unknown, never an exception
    expect(r.unknowns.every((u) => u.path!.startsWith('/glob-paths/'))).toBe(true);
    // 1 + 2 + 2 + 2 + 1 + 1 + 1 under site-packages
    expect(r.packages.filter((p) => p.locations[0]!.path.startsWith('/site-packages/'))).toHaveLength(10);
  });
});
