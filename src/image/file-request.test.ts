import { describe, expect, it } from 'vitest';
import { literalEnds, RequestMatcher, type FileRequest } from './file-request.js';
import { compileGlob } from './paths.js';

const file = { type: 'file' as const, mode: 0o644, size: 10 };

describe('literalEnds', () => {
  it('gives the text before the first wildcard and after the last', () => {
    expect(literalEnds('/var/lib/dpkg/info/*.list')).toEqual({ head: '/var/lib/dpkg/info/', tail: '.list' });
    expect(literalEnds('**/*.deps.json')).toEqual({ head: '/', tail: '.deps.json' });
    expect(literalEnds('/var/lib/dpkg/status.d/*')).toEqual({ head: '/var/lib/dpkg/status.d/', tail: '' });
    expect(literalEnds('/a/?b/c*d')).toEqual({ head: '/a/', tail: 'd' });
  });

  it('gives nothing for braces, which make alternatives', () => {
    expect(literalEnds('**/*.{jar,war}')).toEqual({ head: '', tail: '' });
    expect(literalEnds('/x/{a,b}*')).toEqual({ head: '', tail: '' });
  });
});

describe('RequestMatcher', () => {
  const globs = ['/var/lib/dpkg/info/*.list', '**/*.deps.json', '/var/lib/dpkg/status.d/*', '**/specifications/**/*.gemspec', '/a/?b/c*d', '**/*.{jar,war}', '/x/{a,b}*', '/l{it/*'];
  const paths = [
    '/var/lib/dpkg/info/bash.list',
    '/var/lib/dpkg/info/bash.list.bak',
    '/var/lib/dpkg/info/sub/bash.list',
    '/app/bin/x.deps.json',
    '/x.deps.json',
    '/app/x.deps.jsonx',
    '/var/lib/dpkg/status.d/base',
    '/var/lib/dpkg/status.d/',
    '/usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.gemspec',
    '/usr/lib/ruby/gems/3.1.0/specifications/rake.gemspec',
    '/a/xb/cd',
    '/a/xb/c-long-d',
    '/a/b/cd',
    '/opt/app.jar',
    '/opt/app.war',
    '/opt/app.ear',
    '/x/a1',
    '/x/b',
    '/x/c',
    '/l{it/z',
    '/lit/z',
  ];

  it('matches exactly what each glob’s regex matches (the literal ends only skip the regex)', () => {
    for (const glob of globs) {
      const matcher = new RequestMatcher([{ id: glob, globs: [glob] }]);
      const re = compileGlob(glob);
      for (const path of paths) expect([glob, path, matcher.match(path, file).length === 1]).toEqual([glob, path, re.test(path)]);
    }
  });

  it('returns each matching request once, in declaration order, with exact paths and filters', () => {
    const requests: FileRequest[] = [
      { id: 'filter', filter: (p) => p.endsWith('.so') },
      { id: 'list', globs: ['/var/lib/dpkg/info/*.list', '/var/lib/dpkg/info/b*'] },
      { id: 'exact', paths: ['/var/lib/dpkg/info/bash.list'] },
    ];
    const matcher = new RequestMatcher(requests);
    expect(matcher.match('/var/lib/dpkg/info/bash.list', file).map((c) => c.request.id)).toEqual(['list', 'exact']);
    expect(matcher.match('/usr/lib/x.so', file).map((c) => c.request.id)).toEqual(['filter']);
    expect(matcher.match('/usr/lib/x.list', file)).toEqual([]);
  });
});
