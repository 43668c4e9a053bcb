import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { compileGlob } from '../../image/paths.js';
import { silentLogger } from '../../common/logger.js';
import { GEMSPEC_GLOBS, parseGemspec, rubyGemspecCataloger } from './gemspec.js';

const RB = (...p: string[]): string => sharedPath('fixtures/catalogers/ruby/syft', ...p);

describe('ruby gemspec selection and parsing', () => {
  it('selects installed specifications at any depth', () => {
    const g = compileGlob(GEMSPEC_GLOBS[0]);
    expect(g.test('/usr/local/bundle/specifications/rack-2.2.8.gemspec')).toBe(true);
    expect(g.test('/x/specifications/pkg/nested.gemspec')).toBe(true);
    expect(g.test('/src/app.gemspec')).toBe(false);
  });
  it('reads single-quoted values, Gem::Version and unknown interpolations', () => {
    expect(parseGemspec("s.name = 'x'\ns.version = Gem::Version.new(\"1.0\")\ns.homepage = \"a#{foo}b\"")).toMatchObject({
      name: 'x',
      version: '1.0',
      homepage: 'ab',
    });
    expect(parseGemspec('bogus')).toBeNull();
  });
});

describeShared('ruby/gemspec on the syft fixtures (EXPECTED.md)', () => {
  it('bundler.gemspec', () => {
    const s = parseGemspec(readFileSync(RB('bundler.gemspec'), 'utf8'))!;
    expect(s).toMatchObject({ name: 'bundler', version: '2.1.4', licenses: ['MIT'], homepage: 'https://bundler.io', files: ['exe/bundle', 'exe/bundler'] });
    expect(s.authors).toHaveLength(15);
    expect(s.authors[0]).toBe('André Arko');
    expect(s.authors[4]).toBe('David Rodríguez');
    expect(s.authors[14]).toBe('Yehuda Katz');
  });
  it('formatador.gemspec resolves #{s.name}', () => {
    const s = parseGemspec(readFileSync(RB('formatador.gemspec'), 'utf8'))!;
    expect(s).toMatchObject({ name: 'formatador', version: '1.1.0', homepage: 'https://github.com/geemus/formatador' });
  });
  it('the cataloger reads only specifications/ and turns bogus files into unknowns', async () => {
    const view = await viewFromDirectory(RB(), { requests: rubyGemspecCataloger.requests });
    const r = await rubyGemspecCataloger.catalog({ view, logger: silentLogger });
    expect(r.packages).toEqual([]);
    expect(r.unknowns.map((u) => u.path)).toEqual(['/glob-paths/specifications/pkg/nested.gemspec', '/glob-paths/specifications/root.gemspec']);
  });
});
