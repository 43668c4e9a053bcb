import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ImageError } from './errors.js';
import { assertShape, jsonDepth, jsonValueDepth, parseJson, shapeChecker } from './json.js';

/** Real SBOMs of peer tools (syft, trivy, cdxgen…), the deepest JSON the project reads from outside. */
const PEER_SBOMS = join(import.meta.dirname, '..', 'sbom', 'testdata', 'peers');

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

describe('jsonValueDepth', () => {
  it.each([
    ['1', 0],
    ['"[{"', 0],
    ['[]', 1],
    ['{}', 1],
    ['[[], {"a": [1, {"b": []}]}]', 5],
    ['{"a": "]]]", "b": [["\\"["]]}', 3],
    [`${'['.repeat(1000)}${']'.repeat(1000)}`, 1000],
  ])('%s is %i deep, as its text is', (text, depth) => {
    expect(jsonValueDepth(JSON.parse(text))).toBe(depth);
    expect(jsonDepth(text)).toBe(depth);
  });

  it('stops as soon as the bound is passed', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    expect(jsonValueDepth(deep, 10)).toBe(11);
    expect(jsonValueDepth(deep, 5000)).toBe(5000);
  });

  it("gives every peer tool's SBOM the depth a scan of its text gives", () => {
    const files = readdirSync(PEER_SBOMS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(PEER_SBOMS, f), 'utf8');
      expect([f, jsonValueDepth(JSON.parse(text))]).toEqual([f, jsonDepth(text)]);
    }
  });
});
