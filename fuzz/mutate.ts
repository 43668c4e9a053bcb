/**
 * Deterministic mutation of seed inputs. Input `i` of a target is a pure function of (run seed, target name, i), so
 * the parent process can rebuild the input a worker was running when it hung or died, and `--seed` replays a run.
 */

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string, for per-target and per-input seeds. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export type Random = () => number;
const int = (r: Random, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const INTERESTING_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x2f, 0x30, 0x39, 0x3a, 0x3d, 0x5b, 0x5d, 0x7b, 0x7d, 0x5c, 0x2e, 0x2d, 0x7e];
const INTERESTING_INTS = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff];
const TOKENS = ['\n', '\r\n', ':', '=', ' ', '"', "'", '{', '}', '[', ']', ',', '\\', '\\u0000', '%', '%zz', '..', '../', '/', '*', '~', '-', '+', '0', '-1', '1e999', '9'.repeat(40), 'NaN', 'null', 'true', '\t', '\u0000', '\uFEFF', '\uD800', '<', '>', '<!--', ']]>', '&', '&#0;'];

/** One byte-level mutation (binary formats and text alike). */
function mutateBytes(r: Random, d: Buffer, others: readonly Buffer[]): Buffer {
  const len = d.length;
  const at = len ? int(r, len) : 0;
  switch (int(r, 12)) {
    case 0: {
      if (!len) return Buffer.from([int(r, 256)]);
      const out = Buffer.from(d);
      out[at] = out[at]! ^ (1 << int(r, 8));
      return out;
    }
    case 1: {
      if (!len) return Buffer.from([pick(r, INTERESTING_BYTES)]);
      const out = Buffer.from(d);
      out[at] = pick(r, INTERESTING_BYTES);
      return out;
    }
    case 2: {
      // An interesting integer, 2/4/8 bytes, either endianness (sizes, offsets, counts in binary headers).
      if (len < 8) return d;
      const out = Buffer.from(d);
      const p = int(r, len - 8);
      const v = pick(r, INTERESTING_INTS);
      const width = pick(r, [2, 4, 8]);
      const little = r() < 0.5;
      if (width === 2) out[little ? 'writeUInt16LE' : 'writeUInt16BE'](v & 0xffff, p);
      else if (width === 4) out[little ? 'writeUInt32LE' : 'writeUInt32BE'](v >>> 0, p);
      else if (little) out.writeBigUInt64LE(BigInt(v) << BigInt(int(r, 33)), p);
      else out.writeBigUInt64BE(BigInt(v), p);
      return out;
    }
    case 3: {
      const n = 1 + int(r, Math.max(1, Math.min(64, len >> 2)));
      return Buffer.concat([d.subarray(0, at), d.subarray(Math.min(len, at + n))]);
    }
    case 4: {
      const n = 1 + int(r, 16);
      const ins = Buffer.alloc(n);
      for (let i = 0; i < n; i++) ins[i] = r() < 0.5 ? int(r, 256) : pick(r, INTERESTING_BYTES);
      return Buffer.concat([d.subarray(0, at), ins, d.subarray(at)]);
    }
    case 5: {
      // Duplicate a chunk, sometimes many times (grows lists, lines, records).
      const n = 1 + int(r, Math.max(1, Math.min(512, len - at)));
      const chunk = d.subarray(at, at + n);
      const times = r() < 0.2 ? 1 + int(r, 200) : 1;
      return Buffer.concat([d.subarray(0, at + n), ...Array<Buffer>(times).fill(chunk), d.subarray(at + n)]);
    }
    case 6:
      // Truncate.
      return d.subarray(0, at);
    case 7: {
      const tok = Buffer.from(pick(r, TOKENS));
      return Buffer.concat([d.subarray(0, at), tok, d.subarray(at)]);
    }
    case 8: {
      // Splice with another seed.
      if (!others.length) return d;
      const o = pick(r, others);
      const from = o.length ? int(r, o.length) : 0;
      return Buffer.concat([d.subarray(0, at), o.subarray(from, from + 1 + int(r, 4096)), d.subarray(at + int(r, 64))]);
    }
    case 9: {
      // Overwrite a run with one byte value.
      const out = Buffer.from(d);
      out.fill(pick(r, INTERESTING_BYTES), at, Math.min(len, at + 1 + int(r, 32)));
      return out;
    }
    case 10: {
      // A long run: 10k digits, letters or nesting brackets.
      const unit = pick(r, ['9', 'a', '[', '{"a":', '.', '-', '0.', '~', ' ', '\n']);
      return Buffer.concat([d.subarray(0, at), Buffer.from(unit.repeat(1 + int(r, 20_000))), d.subarray(at)]);
    }
    default: {
      // Text lines: duplicate, drop or swap a line.
      const lines = d.toString('latin1').split('\n');
      if (lines.length < 2) return d;
      const i = int(r, lines.length);
      const j = int(r, lines.length);
      const roll = r();
      if (roll < 0.33) lines.splice(i, 1);
      else if (roll < 0.66) lines.splice(i, 0, lines[j]!);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const deep = (n: number, open: string, close: string, inner: string): string => open.repeat(n) + inner + close.repeat(n);

/** A structural JSON mutation: a node replaced by a value of another shape, a key dropped, a list grown. */
function mutateJson(r: Random, text: string): string | undefined {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  const nodes: { parent: Json[] | Record<string, Json>; key: string | number }[] = [];
  const walk = (v: Json, depth: number): void => {
    if (depth > 64 || nodes.length > 20_000) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        nodes.push({ parent: v, key: i });
        walk(x, depth + 1);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        nodes.push({ parent: v, key: k });
        walk(v[k]!, depth + 1);
      }
    }
  };
  walk(doc, 0);
  const SENTINEL = '\u0000DEEP\u0000';
  const replacement = (): Json => {
    switch (int(r, 13)) {
      case 0: return null;
      case 1: return pick(r, [0, -1, 7, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308]);
      case 2: return '';
      case 3: return pick(r, ['x'.repeat(100_000), '../../etc/passwd', '%', 'a\u0000b', '\uD800', '9'.repeat(400), 'sha256:', '1.2.3.4.5.6']);
      case 4: return [];
      case 5: return {};
      case 6: return [null];
      case 7: return true;
      case 8: return { length: 1e9 } as unknown as Json;
      case 9: return SENTINEL;
      case 10: return Array.from({ length: 1 + int(r, 3) }, () => null);
      case 11: return ['__proto__', 'constructor'][int(r, 2)]!;
      default: return 7;
    }
  };
  if (!nodes.length) return JSON.stringify(replacement());
  const n = pick(r, nodes);
  const roll = r();
  if (roll < 0.6) (n.parent as Record<string, Json>)[n.key as string] = replacement();
  else if (roll < 0.8) {
    if (Array.isArray(n.parent)) n.parent.splice(n.key as number, 1);
    else delete n.parent[n.key as string];
  } else if (Array.isArray(n.parent)) {
    const v = n.parent[n.key as number]!;
    n.parent.push(...Array<Json>(1 + int(r, 50)).fill(v));
  } else {
    (n.parent as Record<string, Json>)[pick(r, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])] = replacement();
  }
  return JSON.stringify(doc).replace(JSON.stringify(SENTINEL), deep(5_000 + int(r, 10_000), '[', ']', '1'));
}

export type InputKind = 'bytes' | 'text' | 'json';

/** Input `index` of a target: a seed, with 1–4 stacked mutations. Pure in (runSeed, target, index). */
export function makeInput(runSeed: number, target: string, index: number, seeds: readonly Buffer[], kind: InputKind): Buffer {
  const r = rng(hash(`${runSeed}:${target}:${index}`));
  const seed = seeds.length ? pick(r, seeds) : Buffer.alloc(0);
  // Every few hundred inputs, the seed as it is (a sanity run: seeds themselves must not crash).
  if (index % 500 === 0) return seed;
  let d = seed;
  const rounds = 1 + int(r, 4);
  for (let i = 0; i < rounds; i++) {
    if (kind === 'json' && r() < 0.6) {
      let m: string | undefined;
      try {
        m = mutateJson(r, d.toString('utf8'));
      } catch {
        // A document already nested too deep for JSON.stringify (an earlier round): mutate its bytes instead.
        m = undefined;
      }
      if (m !== undefined) {
        d = Buffer.from(m);
        continue;
      }
    }
    d = mutateBytes(r, d, seeds);
    if (d.length > 16 << 20) d = d.subarray(0, 16 << 20);
  }
  return d;
}
