import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../common/json.js';
import { jsonValueDepth } from './json.js';

const PEERS = join(import.meta.dirname, 'testdata', 'peers');

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
    const files = readdirSync(PEERS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(PEERS, f), 'utf8');
      expect([f, jsonValueDepth(JSON.parse(text))]).toEqual([f, jsonDepth(text)]);
    }
  });
});
