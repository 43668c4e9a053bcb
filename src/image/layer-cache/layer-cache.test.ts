import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorruptEntryError, decodeValue, encodeValue, UncacheableError } from './codec.js';
import { analysisVersion, entryKey } from './key.js';
import { defaultLayerCacheDir, LayerCache, parseSize } from './store.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'portcullis-layer-cache-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const KEY = 'a'.repeat(64);
const DIFF = `sha256:${'1'.repeat(64)}`;

describe('codec', () => {
  it('round-trips every kind of value a layer analysis holds, an added optional field included', () => {
    const value = {
      entries: new Map([
        ['/etc/os-release', { path: '/etc/os-release', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 10, mtime: 1 }],
        ['/bin/sh', { path: '/bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 2, linkTarget: 'dash', addedLater: { nested: [1, 'two'] } }],
      ]),
      contents: new Map<string, unknown>([
        ['/etc/os-release', { kind: 'content', data: Buffer.from('ID=debian\n'), everyLayer: true }],
        ['/usr/bin/app', { kind: 'sinks-only', sinks: new Map<string, unknown>([['go', { format: 'elf', info: { goVersion: 'go1.22' } }], ['busybox', undefined], ['secrets', ['AWS_KEY']]]) }],
      ]),
      numbers: [0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 53],
      odd: { missing: undefined, big: 12345678901234567890n, when: new Date('2026-01-02T03:04:05.000Z'), set: new Set(['x', 'y']), empty: Buffer.alloc(0) },
      arrays: [['a', 'm'], ['u'], []],
      tricky: JSON.parse('{"__proto__": {"polluted": true}, "o": 1}') as unknown,
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.numbers[1], -0)).toBe(true);
    expect(Number.isNaN(back.numbers[3])).toBe(true);
    expect(back.odd).toHaveProperty('missing');
    expect(back.odd.missing).toBeUndefined();
    expect((back.contents.get('/usr/bin/app') as { sinks: Map<string, unknown> }).sinks.has('busybox')).toBe(true);
    expect(Buffer.isBuffer((back.contents.get('/etc/os-release') as { data: Buffer }).data)).toBe(true);
    expect((back.contents.get('/etc/os-release') as { data: Buffer }).data.toString()).toBe('ID=debian\n');
    expect(back.arrays).toEqual([['a', 'm'], ['u'], []]);
    // a Uint8Array comes back as a Buffer of the same bytes
    expect(decodeValue(encodeValue({ bytes: new Uint8Array([1, 2, 3]) }))).toEqual({ bytes: Buffer.from([1, 2, 3]) });
    // an own __proto__ key stays data and pollutes nothing
    expect(Object.getPrototypeOf(back.tricky)).toBe(Object.prototype);
    expect(Object.keys(back.tricky as object)).toEqual(['__proto__', 'o']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses functions, symbols and class instances', () => {
    expect(() => encodeValue({ f: () => 1 })).toThrow(UncacheableError);
    expect(() => encodeValue({ s: Symbol('x') })).toThrow(UncacheableError);
    class Thing {
      x = 1;
    }
    expect(() => encodeValue({ contents: new Map([['/p', new Thing()]]) })).toThrow(/Thing/);
  });

  it('detects bodies that do not decode', () => {
    const good = encodeValue({ data: Buffer.from('abc') });
    expect(() => decodeValue(good.subarray(0, 2))).toThrow(CorruptEntryError);
    expect(() => decodeValue(good.subarray(0, good.length - 1))).toThrow('outside the body');
    const json = Buffer.from(JSON.stringify([[], ['x', 1]]));
    const bad = Buffer.concat([Buffer.from([0, 0, 0, json.length]), json]);
    expect(() => decodeValue(bad)).toThrow('unknown tag');
  });
});

describe('analysisVersion and entryKey', () => {
  const base = [{ id: 'dpkg/status', paths: ['/var/lib/dpkg/status'], database: true, capBytes: 100 }, { id: 'npm', globs: ['**/package.json'], filter: () => true }];
  const v = analysisVersion(base, 64, 'salt');
  it('is stable for the same requests, and differs when anything that shapes the analysis differs', () => {
    expect(analysisVersion(base.map((r) => ({ ...r })), 64, 'salt')).toBe(v);
    const variants = [
      analysisVersion(base, 65, 'salt'),
      analysisVersion(base, 64, 'other-salt'),
      analysisVersion([base[0]!, { ...base[1]!, globs: ['**/package.jsonx'] }], 64, 'salt'),
      analysisVersion([{ ...base[0]!, capBytes: 101 }, base[1]!], 64, 'salt'),
      analysisVersion([base[0]!, { ...base[1]!, filter: () => false }], 64, 'salt'),
      analysisVersion([base[0]!, { ...base[1]!, everyLayer: true }], 64, 'salt'),
      analysisVersion([base[1]!, base[0]!], 64, 'salt'),
      analysisVersion([base[0]!], 64, 'salt'),
    ];
    expect(new Set([v, ...variants]).size).toBe(variants.length + 1);
    expect(entryKey(DIFF, v)).toMatch(/^[0-9a-f]{64}$/);
    expect(entryKey(DIFF, v)).not.toBe(entryKey(`sha256:${'2'.repeat(64)}`, v));
    expect(entryKey(DIFF, v)).not.toBe(entryKey(DIFF, variants[0]!));
  });
});

describe('LayerCache', () => {
  it('writes an entry and reads it back; a missing entry is absent', async () => {
    const cache = new LayerCache(join(tempDir(), 'nested', 'layers'));
    expect(await cache.get(KEY, DIFF)).toEqual({ kind: 'absent' });
    const size = await cache.put(KEY, DIFF, { hello: Buffer.from('world') });
    const got = await cache.get(KEY, DIFF);
    expect(got.kind).toBe('hit');
    expect(got.kind === 'hit' && (got.value as { hello: Buffer }).hello.toString()).toBe('world');
    expect(statSync(cache.pathOf(KEY)).size).toBe(size);
    expect(readdirSync(cache.dir)).toEqual([`${KEY}.layer`]); // no temporary file left
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, written: 1, rejected: 0 });
  });

  it('a truncated, altered, foreign or alien entry is not trusted, and says why', async () => {
    const cache = new LayerCache(tempDir());
    await cache.put(KEY, DIFF, { data: Buffer.from('x'.repeat(1000)) });
    const good = readFileSync(cache.pathOf(KEY));
    const cases: [Buffer, RegExp][] = [
      [good.subarray(0, good.length - 10), /truncated/],
      [Buffer.concat([good, Buffer.from('extra')]), /truncated or padded/],
      [Buffer.from(good).fill(0x41, good.length - 20, good.length - 19), /checksum mismatch/],
      [Buffer.from('hello, not an entry'), /not a Portcullis layer-cache entry/],
      [good.subarray(0, 30), /truncated header/],
      [Buffer.alloc(0), /not a Portcullis layer-cache entry/],
    ];
    for (const [bytes, why] of cases) {
      writeFileSync(cache.pathOf(KEY), bytes);
      const got = await cache.get(KEY, DIFF);
      expect(got.kind).toBe('corrupt');
      expect(got.kind === 'corrupt' && got.reason).toMatch(why);
    }
    // another key's entry under this name, and this entry asked for another diff_id: foreign
    const other = 'b'.repeat(64);
    await cache.put(other, DIFF, { data: 1 });
    writeFileSync(cache.pathOf(KEY), readFileSync(cache.pathOf(other)));
    expect(await cache.get(KEY, DIFF)).toEqual({ kind: 'corrupt', reason: 'the entry is for another layer or analysis' });
    expect(await cache.get(other, `sha256:${'9'.repeat(64)}`)).toEqual({ kind: 'corrupt', reason: 'the entry is for another layer or analysis' });
    expect(cache.stats.rejected).toBe(cases.length + 2);
  });

  it('concurrent writers and readers of one key: every read is absent or whole, never torn', async () => {
    const cache = new LayerCache(tempDir());
    const payload = (n: number) => ({ n, data: Buffer.alloc(256 * 1024, n) });
    const ops: Promise<unknown>[] = [];
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      ops.push(cache.put(KEY, DIFF, payload(i)));
      ops.push(
        cache.get(KEY, DIFF).then((r) => {
          seen.push(r.kind);
          if (r.kind === 'hit') {
            const v = r.value as { n: number; data: Buffer };
            expect(v.data.every((b) => b === v.n)).toBe(true);
          }
        }),
      );
    }
    await Promise.all(ops);
    expect(seen.filter((k) => k === 'corrupt')).toEqual([]);
    expect(readdirSync(cache.dir)).toEqual([`${KEY}.layer`]);
  });

  it('evicts the least recently used entries down to its bound; a hit makes an entry recent', async () => {
    const dir = tempDir();
    const entrySize = await new LayerCache(tempDir()).put(KEY, DIFF, { data: Buffer.alloc(1000, 0) });
    const bound = 2 * entrySize + 10;
    const cache = new LayerCache(dir, bound);
    const keys = ['1', '2', '3', '4'].map((c) => c.repeat(64));
    const t0 = Date.now() / 1000 - 1000;
    for (const [i, k] of keys.entries()) {
      await cache.put(k, DIFF, { data: Buffer.alloc(1000, i) });
      utimesSync(cache.pathOf(k), t0 + i, t0 + i); // written in this order, long ago
    }
    // the oldest is used now: it becomes the most recent
    expect((await cache.get(keys[0]!, DIFF)).kind).toBe('hit');
    writeFileSync(join(dir, '.tmp-1-stale'), 'left by a crash');
    utimesSync(join(dir, '.tmp-1-stale'), t0 - 7200, t0 - 7200);
    const { removed } = await cache.evict();
    expect(removed).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([`${keys[0]}.layer`, `${keys[3]}.layer`]);
    expect((await cache.list()).totalBytes).toBeLessThanOrEqual(bound);
    // within the bound: nothing goes
    expect(await cache.evict()).toEqual({ removed: 0, bytes: 0 });
  });

  it('defaultLayerCacheDir and parseSize', () => {
    expect(defaultLayerCacheDir({ PORTCULLIS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c/layers');
    expect(defaultLayerCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/portcullis/layers');
    expect(defaultLayerCacheDir({ HOME: '/h' })).toBe('/h/.cache/portcullis/layers');
    expect(parseSize('512M')).toBe(512 * 2 ** 20);
    expect(parseSize('2G')).toBe(2 * 2 ** 30);
    expect(parseSize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parseSize('10kb')).toBe(10 * 1024);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('lots')).toBeUndefined();
    expect(parseSize('-1G')).toBeUndefined();
  });
});
