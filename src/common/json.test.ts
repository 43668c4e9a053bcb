import { describe, expect, it } from 'vitest';
import { ConfigurationError, ImageError } from './errors.js';
import { assertShape, jsonDepth, parseJson, shapeChecker } from './json.js';

describe('jsonDepth', () => {
  it('counts nesting, skipping brackets inside strings and escaped quotes', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('["[[[[", "\\"[[[", {"k\\\\": "]]]"}]')).toBe(2);
  });
  it('stops early once past the bound, without recursion, on a 10 MB document', () => {
    const deep = '['.repeat(5_000_000) + ']'.repeat(5_000_000);
    expect(jsonDepth(deep, 512)).toBe(513);
    expect(jsonDepth(deep)).toBe(5_000_000);
  });
});

describe('parseJson', () => {
  it('parses, drops a byte-order mark, and reads Buffers as UTF-8', () => {
    expect(parseJson('\ufeff{"a":[1]}', { what: 'x' })).toEqual({ a: [1] });
    expect(parseJson(Buffer.from('["é"]'), { what: 'x' })).toEqual(['é']);
  });
  it('refuses 10,000 levels with a one-line error of the chosen class', () => {
    const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(() => parseJson(deep, { what: 'policy.json' })).toThrow(ConfigurationError);
    expect(() => parseJson(deep, { what: 'policy.json' })).toThrow(/^policy\.json is nested too deeply \(more than 512 levels of arrays and objects\)$/);
    expect(() => parseJson(deep, { what: 'c', errorClass: ImageError })).toThrow(ImageError);
    expect(parseJson('[[[1]]]', { what: 'x', maxDepth: 3 })).toEqual([[[1]]]);
    expect(() => parseJson('[[[[1]]]]', { what: 'x', maxDepth: 3 })).toThrow(/more than 3 levels/);
  });
  it('names the input when the text is not JSON', () => {
    expect(() => parseJson('{nope', { what: 'sbom.json' })).toThrow(/^sbom\.json is not valid JSON: /);
  });
});

describe('shapeChecker', () => {
  const check = shapeChecker({ type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, kind: { enum: ['a', 'b'] } }, required: ['name'] });
  it('answers the first problem with its JSON pointer', () => {
    expect(check({ name: 'x', tags: ['a'] })).toBeUndefined();
    expect(check({ name: 7 })).toBe('/name must be string');
    expect(check({ name: 'x', tags: ['a', null] })).toBe('/tags/1 must be string');
    expect(check({})).toBe('(top level) must have the field "name"');
    expect(check({ name: 'x', kind: 'c' })).toBe('/kind must be one of "a", "b"');
  });
  it('assertShape throws the chosen class with "<what> is malformed: …"', () => {
    expect(() => assertShape(check, { name: 1 }, 'doc', ImageError)).toThrow(ImageError);
    expect(() => assertShape(check, { name: 1 }, 'doc')).toThrow(/^doc is malformed: \/name must be string$/);
  });
});
