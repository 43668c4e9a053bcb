import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { composerPurl, parseComposerInstalled, phpComposerInstalledCataloger } from './composer-installed.js';

describe('composer installed.json parsing', () => {
  it('returns null for JSON of another shape, throws for non-JSON', () => {
    expect(parseComposerInstalled('{"foo": 1}')).toBeNull();
    expect(() => parseComposerInstalled('bogus')).toThrow();
    expect(composerPurl('behat/mink', 'v1.8.1')).toBe('pkg:composer/behat/mink@v1.8.1');
  });
});

describeShared('php/composer-installed on the syft fixtures (EXPECTED.md)', () => {
  it('v1 and v2 each give asm89/stack-cors 1.3.0 and behat/mink v1.8.1; the bogus file is an unknown', async () => {
    const root = sharedPath('fixtures/catalogers/php/syft');
    const view = await viewFromDirectory(root, { requests: phpComposerInstalledCataloger.requests });
    const r = await phpComposerInstalledCataloger.catalog({ view, logger: silentLogger });
    for (const v of ['composer_1', 'composer_2']) {
      const path = `/vendor/${v}/installed.json`;
      expect(r.packages.filter((p) => p.locations[0]!.path === path).map((p) => p.purl)).toEqual([
        'pkg:composer/asm89/stack-cors@1.3.0',
        'pkg:composer/behat/mink@v1.8.1',
      ]);
    }
    expect(r.packages).toHaveLength(4);
    expect(r.packages[0]!.licenses).toEqual(['MIT']);
    expect(r.unknowns.map((u) => u.path)).toEqual(['/glob-paths/src/installed.json']);
  });
});
