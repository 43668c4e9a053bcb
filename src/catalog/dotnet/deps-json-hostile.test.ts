/** Regression tests for inputs found by `npm run fuzz` (target dotnet-deps-json): they must not crash the parser. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageError } from '../../common/errors.js';
import { silentLogger } from '../../common/logger.js';
import { viewFromDirectory } from '../../image/directory.js';
import { dotnetDepsJsonCataloger, parseDepsJson } from './deps-json.js';

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('deps.json hostile input', () => {
  it('refuses deeply nested text with an ImageError instead of overflowing the stack', () => {
    const text = `{"targets":{"t":{"a/1":{"dependencies":{"b":${deep(100_000)}}}}},"libraries":{}}`;
    expect(() => parseDepsJson(text)).toThrow(ImageError);
    expect(() => parseDepsJson(text)).toThrow(/deps\.json is nested too deeply/);
  });
  it('skips a dependency whose version is not a string (objects that String() cannot convert, a nested array)', () => {
    // String({"toString":1,"valueOf":1}) throws "Cannot convert object to primitive value".
    const raw =
      '{"targets":{"t":{"a/1.0":{"dependencies":{"b":"2.0","c":{"__proto__":null},"d":{"toString":1,"valueOf":1},"e":[[["x"]]]}}}},' +
      '"libraries":{"a/1.0":{"type":"package"}}}';
    expect(parseDepsJson(raw)).toEqual([{ name: 'a', version: '1.0', kind: 'package', dependsOn: ['b/2.0'] }]);
  });
  it('the cataloger records the deeply nested file as an unknown for the dotnet database, with a meaningful reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deps-json-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'app.deps.json'), `{"libraries":${deep(5000)}}`);
    const view = await viewFromDirectory(dir, { requests: dotnetDepsJsonCataloger.requests });
    const r = await dotnetDepsJsonCataloger.catalog({ view, logger: silentLogger });
    expect(r.packages).toEqual([]);
    expect(r.unknowns).toHaveLength(1);
    expect(r.unknowns[0]).toMatchObject({ path: '/app.deps.json', packageDatabase: 'dotnet' });
    expect(r.unknowns[0]!.reason).toMatch(/^invalid deps\.json: deps\.json is nested too deeply/);
    expect(r.unknowns[0]!.reason).not.toMatch(/RangeError|TypeError|call stack/);
  });
});
