/** Regression tests for inputs found by `npm run fuzz` (target php-composer): they must not crash the parser. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageError } from '../../common/errors.js';
import { silentLogger } from '../../common/logger.js';
import { viewFromDirectory } from '../../image/directory.js';
import { parseComposerInstalled, phpComposerInstalledCataloger } from './composer-installed.js';

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('composer installed.json hostile input', () => {
  it('refuses deeply nested text (in dev-package-names, authors or license) with an ImageError', () => {
    for (const text of [
      `{"packages":[],"dev-package-names":[${deep(100_000)}]}`,
      `[{"name":"a/b","version":"1.0","authors":[{"name":${deep(100_000)}}]}]`,
      `[{"name":"a/b","version":"1.0","license":${deep(100_000)}}]`,
    ]) {
      expect(() => parseComposerInstalled(text)).toThrow(ImageError);
      expect(() => parseComposerInstalled(text)).toThrow(/installed\.json is nested too deeply/);
    }
  });
  it('reads only strings as names: non-string dev names, author names and nested licence arrays are skipped', () => {
    const text = JSON.stringify({
      packages: [{ name: 'a/b', version: '1.0', license: ['MIT', [['GPL-2.0']]], authors: [{ name: [['x']] }, { name: 'Ann' }, { name: 7 }] }],
      'dev-package-names': [['a/b'], 'c/d'],
    });
    expect(parseComposerInstalled(text)).toEqual([{ name: 'a/b', version: '1.0', licenses: ['MIT'], authors: ['Ann'], dev: false }]);
  });
  it('the cataloger records the deeply nested file as an unknown for the php-composer database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'composer-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'vendor/composer'), { recursive: true });
    writeFileSync(join(dir, 'vendor/composer/installed.json'), `[{"name":"a/b","version":"1","license":${deep(5000)}}]`);
    const view = await viewFromDirectory(dir, { requests: phpComposerInstalledCataloger.requests });
    const r = await phpComposerInstalledCataloger.catalog({ view, logger: silentLogger });
    expect(r.packages).toEqual([]);
    expect(r.unknowns).toHaveLength(1);
    expect(r.unknowns[0]).toMatchObject({ path: '/vendor/composer/installed.json', packageDatabase: 'php-composer' });
    expect(r.unknowns[0]!.reason).toMatch(/^invalid installed\.json: installed\.json is nested too deeply/);
  });
});
