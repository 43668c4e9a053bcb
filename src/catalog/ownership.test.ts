import { describe, expect, it } from 'vitest';
import type { Package } from '../model/index.js';
import { applyOwnership, ownershipKeys } from './ownership.js';

function pkg(type: Package['type'], name: string, path: string, files?: string[]): Package {
  return {
    id: `${type}:${name}`,
    type,
    name,
    version: '1',
    purl: `pkg:${type}/${name}@1`,
    licenses: [],
    locations: [{ path }],
    foundBy: 'test',
    ...(files ? { metadata: { files } } : {}),
  };
}

describe('ownership of language packages by OS packages', () => {
  it('an egg-info directory listed by a deb owns the python package found in it', () => {
    const deb = pkg('deb', 'python3-requests', '/var/lib/dpkg/status', [
      '/usr/lib/python3/dist-packages/requests',
      '/usr/lib/python3/dist-packages/requests-2.28.1.egg-info',
      '/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO',
    ]);
    const requests = pkg('python', 'requests', '/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO');
    const venvPip = pkg('python', 'pip', '/opt/venv/lib/python3.11/site-packages/pip-23.0.1.dist-info/METADATA');
    const changed = applyOwnership([deb, requests, venvPip]);
    expect(changed).toEqual([requests]);
    expect(requests.ownedBy).toBe('deb:python3-requests');
    expect(venvPip.ownedBy).toBeUndefined();
  });

  it('matches on the directory alone (dpkg lists directories) and on the metadata file alone (apk lists files)', () => {
    const deb = pkg('deb', 'python3-yaml', '/var/lib/dpkg/status', ['/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/']);
    const yaml = pkg('python', 'PyYAML', '/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA');
    const apk = pkg('apk', 'py3-six', '/lib/apk/db/installed', ['/usr/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA']);
    const six = pkg('python', 'six', '/usr/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA');
    const npmOwned = pkg('npm', 'npm', '/usr/share/nodejs/npm/package.json');
    const node = pkg('deb', 'npm', '/var/lib/dpkg/status', ['/usr/share/nodejs/npm']);
    applyOwnership([deb, yaml, apk, six, npmOwned, node]);
    expect(yaml.ownedBy).toBe('deb:python3-yaml');
    expect(six.ownedBy).toBe('apk:py3-six');
    expect(npmOwned.ownedBy).toBe('deb:npm');
  });

  it('does not take a sibling directory or a parent directory for the package', () => {
    const deb = pkg('deb', 'python3', '/var/lib/dpkg/status', ['/usr/lib/python3/dist-packages', '/usr/lib/python3/dist-packages/foo']);
    const p = pkg('python', 'foo', '/usr/lib/python3/dist-packages/foo-1.dist-info/METADATA');
    expect(applyOwnership([deb, p])).toEqual([]);
    expect(p.ownedBy).toBeUndefined();
    expect(ownershipKeys(pkg('java-archive', 'x', '/opt/x.jar'))).toEqual(['/opt/x.jar']);
  });

  it('packages without any OS file lists are left alone, and OS packages are never owned', () => {
    const a = pkg('deb', 'a', '/var/lib/dpkg/status');
    const b = pkg('deb', 'b', '/var/lib/dpkg/status', ['/var/lib/dpkg/status']);
    expect(applyOwnership([a, b])).toEqual([]);
    expect(a.ownedBy).toBeUndefined();
  });
});
