import { describe, expect, it } from 'vitest';
import { RequestMatcher } from './file-request.js';
import { basename, compileGlob, dirname, normalizeEntryName, resolveLinkTarget } from './paths.js';

describe('normalizeEntryName', () => {
  it.each([
    ['etc/passwd', '/etc/passwd'],
    ['./etc/passwd', '/etc/passwd'],
    ['/etc/passwd', '/etc/passwd'],
    ['etc//x/./y/', '/etc/x/y'],
    ['a/b/../c', '/a/c'],
    ['./', '/'],
    ['..', null],
    ['../etc/passwd', null],
    ['a/../../etc/passwd', null],
    ['/../etc', null],
  ])('%s → %s', (input, want) => {
    expect(normalizeEntryName(input)).toBe(want);
  });
});

describe('resolveLinkTarget', () => {
  it.each([
    ['/bin/sh', 'busybox', '/bin/busybox'],
    ['/bin/sh', '/usr/bin/dash', '/usr/bin/dash'],
    ['/usr/lib/x/libz.so', '../../../../../../etc/passwd', '/etc/passwd'],
    ['/a', '..', '/'],
    ['/etc/alt', './z/../y', '/etc/y'],
  ])('%s -> %s resolves to %s', (link, target, want) => {
    expect(resolveLinkTarget(link, target)).toBe(want);
  });

  it('splits dirname and basename', () => {
    expect([dirname('/a/b/c'), dirname('/a'), basename('/a/b/c')]).toEqual(['/a/b', '/', 'c']);
  });
});

describe('compileGlob', () => {
  const cases: [string, string[], string[]][] = [
    ['**/package.json', ['/package.json', '/app/package.json', '/a/node_modules/b/package.json'], ['/app/package.json.bak', '/app/xpackage.json']],
    ['/etc/*-release', ['/etc/os-release', '/etc/lsb-release'], ['/etc/sub/os-release', '/etc/release']],
    ['usr/lib/os-release', ['/usr/lib/os-release'], ['/usr/lib/os-releases']],
    ['/var/lib/dpkg/status.d/*', ['/var/lib/dpkg/status.d/base'], ['/var/lib/dpkg/status.d/a/b']],
    ['/lib/apk/db/installed?', ['/lib/apk/db/installedX'], ['/lib/apk/db/installed', '/lib/apk/db/installed/x']],
    ['/usr/{lib,lib64}/python3*/**/METADATA', ['/usr/lib/python3.11/site-packages/x.dist-info/METADATA', '/usr/lib64/python3/METADATA'], ['/usr/share/python3/METADATA']],
    ['/opt/**', ['/opt/a', '/opt/a/b/c'], ['/optx']],
    ['/a.b+c(d)', ['/a.b+c(d)'], ['/aXb+c(d)']],
  ];
  it.each(cases)('%s', (glob, yes, no) => {
    const re = compileGlob(glob);
    for (const p of yes) expect(re.test(p), `${glob} should match ${p}`).toBe(true);
    for (const p of no) expect(re.test(p), `${glob} should not match ${p}`).toBe(false);
  });
});

describe('RequestMatcher', () => {
  const entry = { type: 'file' as const, mode: 0o755, size: 2_000_000 };

  it('returns every request that matches by path, glob or filter', () => {
    const m = new RequestMatcher([
      { id: 'exact', paths: ['/etc/os-release'] },
      { id: 'glob', globs: ['/etc/*-release'] },
      { id: 'big-exec', filter: (_p, e) => (e.mode & 0o111) !== 0 && e.size > 1_000_000 },
    ]);
    expect(m.empty).toBe(false);
    expect(m.match('/etc/os-release', { ...entry, mode: 0o644 }).map((c) => c.request.id)).toEqual(['exact', 'glob']);
    expect(m.match('/usr/bin/node', entry).map((c) => c.request.id)).toEqual(['big-exec']);
    expect(m.match('/etc/passwd', { ...entry, mode: 0o644 })).toEqual([]);
  });

  it('is empty without requests', () => {
    expect(new RequestMatcher([]).empty).toBe(true);
  });
});
