import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { itUnless } from '../../../test/helpers/skip.js';
import { dpkgScheme } from './dpkg.js';
// mulberry32, seeded, so that the generated pairs are the same on every run.
import { rng } from '../../../fuzz/mutate.js';

/*
 * Differential test against the real `dpkg --compare-versions` on generated pairs. The pairs come from a seeded
 * generator (the same pairs on every run); two bash loops run dpkg over halves of the list.
 */

/** 2,000 pairs by default; the nightly CI run asks for more (PORTCULLIS_DPKG_PAIRS=10000, .github/workflows/ci.yml). */
const PAIRS = pairCount(process.env.PORTCULLIS_DPKG_PAIRS);
const HAS_DPKG = spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status === 0;

function pairCount(value: string | undefined): number {
  if (value === undefined || value === '') return 2_000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100) throw new Error(`PORTCULLIS_DPKG_PAIRS must be an integer >= 100, got ${JSON.stringify(value)}`);
  return n;
}


const DIGITS = '0123456789';
const UPSTREAM = '0123456789001aabzAZ..++~~';
const REVISION = '0123456789abz.+~';

function generator(seed: number): { version(): string; mutate(v: string): string } {
  const r = rng(seed);
  const pick = (alphabet: string): string => alphabet[Math.floor(r() * alphabet.length)]!;
  const run = (alphabet: string, min: number, max: number): string => {
    const n = min + Math.floor(r() * (max - min + 1));
    let s = '';
    for (let i = 0; i < n; i++) s += pick(alphabet);
    return s;
  };
  const version = (): string => {
    const epoch = r() < 0.15 ? `${run(DIGITS, 1, 2)}:` : '';
    let upstream = pick(DIGITS) + run(UPSTREAM, 0, 7);
    if (r() < 0.1) upstream += `-${pick(DIGITS)}`; // a hyphen inside upstream needs a revision
    const needsRevision = upstream.includes('-');
    const revision = needsRevision || r() < 0.5 ? `-${run(REVISION, 1, 5)}` : '';
    return epoch + upstream + revision;
  };
  const mutate = (v: string): string => {
    const roll = r();
    if (roll < 0.25) return v + pick('~+.0a1');
    if (roll < 0.5) {
      const at = 1 + Math.floor(r() * Math.max(1, v.length - 1));
      const c = v[at];
      if (c === undefined || c === '-' || c === ':') return v + pick('0123456789');
      return v.slice(0, at) + pick('0123456789~+.a') + v.slice(at + 1);
    }
    if (roll < 0.65) return v.includes(':') ? v : `0:${v}`;
    if (roll < 0.8) return v.replace(/(\d+)/, (d) => `0${d}`);
    return v;
  };
  return { version, mutate };
}

function generatePairs(count: number, seed: number): [string, string][] {
  const g = generator(seed);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const a = g.version();
    const b = pairs.length % 5 < 3 ? g.mutate(a) : g.version();
    // Mutations can produce what dpkg rejects (an empty revision, a trailing hyphen); keep only valid pairs.
    if (dpkgScheme.isValid(a) && dpkgScheme.isValid(b) && !/\s/.test(a + b)) pairs.push([a, b]);
  }
  return pairs;
}

const LOOP = `while read -r a b; do
  if dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then echo "<";
  elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo "=";
  else echo ">"; fi
done < "$1"`;

function runDpkg(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', LOOP, 'dpkg-loop', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter((l) => l !== '')) : reject(new Error(`bash exited ${code}`))));
  });
}

const SYMBOL = { [-1]: '<', 0: '=', 1: '>' } as const;

describe('dpkg scheme against dpkg --compare-versions', () => {
  itUnless(HAS_DPKG ? undefined : 'dpkg is not installed (apt-get install dpkg)', `agrees with dpkg on ${PAIRS} generated pairs`, async () => {
    const pairs = generatePairs(PAIRS, 0x5eed);
    // The generator must produce all three outcomes in useful numbers, or the test proves little.
    const ours = pairs.map(([a, b]) => SYMBOL[dpkgScheme.compare(a, b)]);
    for (const s of ['<', '=', '>']) expect(ours.filter((x) => x === s).length).toBeGreaterThan(PAIRS / 50);

    const dir = mkdtempSync(join(tmpdir(), 'portcullis-dpkg-'));
    try {
      const half = Math.ceil(pairs.length / 2);
      const files = [pairs.slice(0, half), pairs.slice(half)].map((part, i) => {
        const file = join(dir, `pairs-${i}.txt`);
        writeFileSync(file, part.map(([a, b]) => `${a} ${b}\n`).join(''));
        return file;
      });
      const results = (await Promise.all(files.map(runDpkg))).flat();
      expect(results).toHaveLength(pairs.length);
      const mismatches = pairs.flatMap(([a, b], i) => (results[i] === ours[i] ? [] : [`${a} ${results[i]} ${b} (we said ${ours[i]})`]));
      expect(mismatches.slice(0, 20)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 300_000 });
});
