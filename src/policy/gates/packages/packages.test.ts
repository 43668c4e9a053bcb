import { describe, expect, it } from 'vitest';
import { context, evalRule, pkg, viewOf } from '../../test-support.js';
import { compareForPackageType } from '../../../version/list.js';

const pkgs = [pkg('openssl', '3.0.11-1~deb12u2'), pkg('bash', '5.2.15-2+b2'), pkg('left-pad', '1.3.0', { type: 'npm' })];
const messages = (trigger: string, params: Record<string, string>) => evalRule('packages', trigger, params, context({ packages: pkgs })).findings.map((f) => f.message);

describe('packages', () => {
  it.each([
    [{ name: 'curl' }, ['Required input package (curl) is not present in container image']],
    [{ name: 'curl', version: '8.0' }, ['Required input package (curl,8.0) is not present in container image']],
    [{ name: 'left-pad' }, []], // every package counts, as in Anchore's loader (engine/loaders.py)
    [{ name: 'bash' }, []],
    [{ name: 'bash', version: '5.2.15-2+b2' }, []],
    [{ name: 'bash', version: '5.1' }, ['Required input package (bash) is present (5.2.15-2+b2), but not at the version specified in policy (bash)']],
    [{ name: 'openssl', version: '3.0.10-1', version_match_type: 'minimum' }, []],
    [{ name: 'openssl', version: '3.0.11-1~deb12u2', version_match_type: 'minimum' }, []],
    [{ name: 'openssl', version: '3.0.13-1', version_match_type: 'minimum' }, ['Required min-version input package (openssl) is present (3.0.11-1~deb12u2), but is lower version than what is specified in policy (3.0.13-1)']],
  ])('required_package %j', (params, want) => {
    expect(messages('required_package', params)).toEqual(want);
  });

  it.each([
    [{ name: 'bash' }, ['Package is blacklisted: bash']],
    [{ name: 'left-pad', version: '1.3.0' }, ['Package is blacklisted: left-pad-1.3.0']], // language packages too, as in Anchore
    [{ name: 'bash', version: '5.2.15-2+b2' }, ['Package is blacklisted: bash-5.2.15-2+b2']],
    [{ name: 'bash', version: '5.2' }, []],
    [{ name: 'left-pad' }, ['Package is blacklisted: left-pad']],
  ])('blacklist %j', (params, want) => {
    expect(messages('blacklist', params)).toEqual(want);
    expect(messages('denylist', params)).toEqual(want);
  });

  it('verify reports files from the package database missing in the image, and what it cannot check', async () => {
    const files = await viewOf({ 'bin/bash': '#!', 'usr/share/doc/bash/copyright': 'c' });
    const withList = pkg('bash', '5', { metadata: { files: ['/bin/bash', { path: '/usr/bin/bashbug' }, '/usr/share/doc/bash/copyright'] } });
    const e = evalRule('packages', 'verify', { check: 'missing', only_directories: '/usr' }, context({ packages: [withList], files }));
    expect(e.findings.map((f) => f.message)).toEqual(["VERIFY check against package db for package 'bash' failed on entry '/usr/bin/bashbug' with status: 'missing'"]);
    const all = evalRule('packages', 'verify', {}, context({ packages: [withList, pkg('zlib1g', '1')], files }));
    expect(all.findings).toHaveLength(1);
    expect(all.evaluation_problems.map((p) => p.problem_type)).toEqual(['verify_changed_unsupported']);
  });
});

describe('version ordering for deb packages (the matcher\'s dpkg scheme)', () => {
  it.each([
    ['1.0', '<', '1.0.1'],
    ['1.0~rc1', '<', '1.0'],
    ['1:0.9', '>', '2.0'],
    ['3.0.11-1~deb12u2', '<', '3.0.11-1'],
    ['1.2-10', '>', '1.2-9'],
    ['1.0a', '>', '1.0'],
    ['2.0', '=', '2.0'],
  ])('%s %s %s', (a, op, b) => {
    expect(Math.sign(compareForPackageType('deb', a, b))).toBe(op === '<' ? -1 : op === '>' ? 1 : 0);
  });
});

describe('packages/catalog_incomplete (a Portcullis extension)', () => {
  const gap = (path: string, type: 'rpm' | 'python' | 'deb', reason = 'file is 9 bytes, over the 4-byte content cap') => ({ stage: 'catalog/x', path, reason, packageDatabase: type });
  const gaps = [gap('/var/lib/rpm/rpmdb.sqlite', 'rpm'), gap('/var/lib/rpm/rpmdb.sqlite', 'rpm', 'a second problem in the same file'), gap('/site/pip.dist-info/METADATA', 'python'), { stage: 'image', path: '/etc/motd', reason: 'not a database' }];
  const run = (params: Record<string, string>, catalogGaps = gaps) => evalRule('packages', 'catalog_incomplete', params, context({ catalogGaps }));

  it('fires once per unreadable database, with the path as a stable trigger id and the reason in the message', () => {
    const e = run({});
    expect(e.findings.map((f) => f.trigger_id)).toEqual(['/var/lib/rpm/rpmdb.sqlite', '/site/pip.dist-info/METADATA']);
    expect(e.findings[0]!.message).toBe('Package database /var/lib/rpm/rpmdb.sqlite (rpm) could not be read: file is 9 bytes, over the 4-byte content cap; its packages are missing from the catalog');
    expect(run({}, []).findings).toEqual([]);
  });

  it('package_types limits it to those types, and an unknown type is refused at load', () => {
    expect(run({ package_types: 'python,deb' }).findings.map((f) => f.trigger_id)).toEqual(['/site/pip.dist-info/METADATA']);
    expect(() => run({ package_types: 'rpm,pypi' })).toThrow(/unknown package type "pypi"/);
  });

  it('without catalog gap data (a hand-built context) it cannot fire, and says so', () => {
    const e = evalRule('packages', 'catalog_incomplete', {}, context());
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems.map((p) => p.problem_type)).toEqual(['catalog_gaps_unavailable']);
  });
});
