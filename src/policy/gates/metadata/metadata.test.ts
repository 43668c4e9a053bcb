import { describe, expect, it } from 'vitest';
import { context, evalRule, image } from '../../test-support.js';
import { parseSize } from './metadata.js';

const ctx = context({ distro: { id: 'debian', versionId: '12', idLike: [] }, image: image() }); // layers total 3048 bytes, 2 layers
const fired = (params: Record<string, string>) => evalRule('metadata', 'attribute', params, ctx).findings.map((f) => f.message);

describe('metadata/attribute', () => {
  it.each([
    [{ attribute: 'size', check: '>', value: '2kb' }, true],
    [{ attribute: 'size', check: '>', value: '3kb' }, false],
    [{ attribute: 'size', check: '<=', value: '3048' }, true],
    [{ attribute: 'layer_count', check: '=', value: '2' }, true],
    [{ attribute: 'layer_count', check: '>', value: '10' }, false],
    [{ attribute: 'architecture', check: '=', value: 'amd64' }, true],
    [{ attribute: 'architecture', check: 'in', value: 'arm64, amd64' }, true],
    [{ attribute: 'os_type', check: 'not_in', value: 'linux' }, false],
    [{ attribute: 'distro', check: 'like', value: 'deb.*' }, true],
    [{ attribute: 'distro', check: 'not_like', value: 'deb.*' }, false],
    [{ attribute: 'distro_version', check: '!=', value: '11' }, true],
    [{ attribute: 'distro', check: 'exists' }, true],
    [{ attribute: 'distro', check: 'not_exists' }, false],
  ])('%j fires: %s', (params, want) => {
    expect(fired(params).length > 0).toBe(want);
  });

  it("reproduces Anchore's message", () => {
    expect(fired({ attribute: 'layer_count', check: '=', value: '2' })).toEqual(["Attribute check for attribute: 'layer_count' check: '=' check_value: '2' matched image value: '2'"]);
  });

  it('missing distro counts as not existing', () => {
    expect(evalRule('metadata', 'attribute', { attribute: 'distro', check: 'not_exists' }, context()).findings).toHaveLength(1);
  });

  it('parses 1024-based size suffixes', () => {
    expect(parseSize('10mb')).toBe(10 * 1024 * 1024);
    expect(parseSize('1GB')).toBe(1024 ** 3);
    expect(parseSize('12')).toBe(12);
    expect(parseSize('x')).toBeNaN();
  });
});
