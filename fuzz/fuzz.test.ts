import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, ImageError } from '../src/common/errors.js';
import { TarFormatError } from '../src/image/tar/tar-parser.js';
import { PROJECT_ROOT } from '../test/helpers/shared.js';
import { makeInput } from './mutate.js';
import { parseArgs } from './run.js';
import { isDocumented, PropertyViolation, TARGETS } from './targets.js';
import { crashKey } from './worker.js';

describe('fuzz inputs', () => {
  const seeds = [Buffer.from('Package: a\nVersion: 1\n\n'), Buffer.from('{"a":[1,2,{"b":null}]}')];

  it('input i is a pure function of (seed, target, i): the same run replays exactly', () => {
    for (const i of [1, 2, 77, 1234]) {
      expect(makeInput(5, 't', i, seeds, 'json').equals(makeInput(5, 't', i, seeds, 'json'))).toBe(true);
    }
    const distinct = new Set(Array.from({ length: 200 }, (_, i) => makeInput(5, 't', i + 1, seeds, 'text').toString('latin1')));
    expect(distinct.size).toBeGreaterThan(150);
    expect(makeInput(6, 't', 3, seeds, 'text').equals(makeInput(5, 't', 3, seeds, 'text')) && makeInput(6, 't', 4, seeds, 'text').equals(makeInput(5, 't', 4, seeds, 'text'))).toBe(false);
  });

  it('every 500th input is a seed unchanged (seeds must not crash either)', () => {
    expect(seeds.some((s) => s.equals(makeInput(5, 't', 1000, seeds, 'text')))).toBe(true);
  });
});

describe('what counts as a crash', () => {
  const plain = { plainErrorIsUnknown: true } as const;
  it('ConfigurationError and its kinds, and a target\'s documented errors, are not crashes', () => {
    expect(isDocumented({}, new ConfigurationError('x'))).toBe(true);
    expect(isDocumented({}, new ImageError('x'))).toBe(true);
    expect(isDocumented({ documented: [TarFormatError] }, new TarFormatError('x'))).toBe(true);
    expect(isDocumented(plain, new Error('not a deps.json'))).toBe(true);
  });

  it('TypeError, RangeError, a plain Error where none is documented, a broken property, a thrown string are crashes', () => {
    expect(isDocumented(plain, new TypeError('x'))).toBe(false);
    expect(isDocumented(plain, new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isDocumented({}, new Error('x'))).toBe(false);
    expect(isDocumented(plain, new PropertyViolation('x'))).toBe(false);
    expect(isDocumented(plain, 'x')).toBe(false);
  });

  it('crashes are deduplicated by name and first project frame', () => {
    const a = new TypeError('a');
    a.stack = 'TypeError: a\n    at f (node:internal/x:1:1)\n    at parse (file:///w/src/catalog/x.ts:10:5)\n    at run (file:///w/fuzz/targets.ts:1:1)';
    const b = new TypeError('other text');
    b.stack = 'TypeError: other text\n    at g (node:internal/y:2:2)\n    at parse (file:///w/src/catalog/x.ts:10:5)';
    expect(crashKey(a).key).toBe('TypeError @ parse (src/catalog/x.ts:10:5)');
    expect(crashKey(b).key).toBe(crashKey(a).key);
  });

  it('every target has seeds (from ../shared or the repository), and target names are unique', () => {
    expect(new Set(TARGETS.map((t) => t.name)).size).toBe(TARGETS.length);
    const withoutSeeds = TARGETS.filter((t) => t.seeds().length === 0).map((t) => t.name);
    // Without ../shared some targets have only shared seeds; with it, every one has some.
    if (existsSync(join(PROJECT_ROOT, '../shared/fixtures')) && !process.env.PORTCULLIS_SHARED_DIR) expect(withoutSeeds).toEqual([]);
  });
});

describe('npm run fuzz', () => {
  const out = mkdtempSync(join(tmpdir(), 'portcullis-fuzz-test-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('parses its options and refuses bad ones', () => {
    expect(parseArgs(['--seconds', '5', '--seed', '9', '--target', 'tar', '--target', 'sbom'])).toMatchObject({ seconds: 5, seed: 9, targets: ['tar', 'sbom'] });
    expect(() => parseArgs(['--seconds', 'soon'])).toThrow('--seconds takes a positive number, got "soon"');
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });

  it('finds the self-test target\'s crash and hang within its time, saves both inputs outside the repository, exits 1', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'fuzz/run.ts'), '--seconds', '5', '--seed', '3', '--target', 'selftest', '--per-input-ms', '200', '--out', out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORTCULLIS_FUZZ_SELFTEST: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^selftest +\d+ inputs +3 seeds +2 crash\(es\)$/m);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { seed: number; targets: { name: string; runs: number; crashes: { name: string; file: string }[] }[] };
    expect(summary.seed).toBe(3);
    const crashes = summary.targets[0]!.crashes;
    expect(crashes.map((c) => c.name).sort()).toEqual(['Hang', 'TypeError']);
    for (const c of crashes) expect(existsSync(c.file) && c.file.startsWith(out)).toBe(true);
    expect(readFileSync(crashes.find((c) => c.name === 'Hang')!.file, 'latin1')).toContain('hang');
  });
});
