/**
 * The layer cache's serialisation: any value built of plain objects, arrays, Maps, Sets, Buffers (and Uint8Arrays),
 * strings, numbers (NaN, ±Infinity and -0 included), booleans, null, undefined, bigints and Dates round-trips, so
 * that a field added to `LayerResult` (or a sink's result) later is kept without a change here. Anything else (a
 * function, a class instance, a symbol) is refused: such a result is not cached at all.
 *
 * The value becomes a JSON skeleton `[shapes, root]` in which every array is tagged by its first element, so that no
 * data can be mistaken for a tag: `["o", shape, …values]` a plain object whose keys are `shapes[shape]` (each set of
 * keys is written once, however many objects have it), `["a", …items]` an array, `["m", k1, v1, …]` a Map, `["s", …]`
 * a Set, `["b", offset, length]` a Buffer whose bytes follow the JSON (read back without a copy), `["u"]` undefined,
 * `["f", "NaN"]` a number JSON cannot hold, `["n", "123"]` a bigint, `["d", iso]` a Date.
 */

/** A value the codec cannot represent. */
export class UncacheableError extends Error {
  override name = 'UncacheableError';
}

/** A cache body that does not decode. */
export class CorruptEntryError extends Error {
  override name = 'CorruptEntryError';
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Encodes `value` into one body: a 4-byte big-endian JSON length, the JSON skeleton, then the bytes of every Buffer. */
export function encodeValue(value: unknown): Buffer {
  const blobs: Uint8Array[] = [];
  let offset = 0;
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const enc = (v: unknown, where: string): Json => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (Number.isNaN(v)) return ['f', 'NaN'];
        if (v === Infinity) return ['f', 'Infinity'];
        if (v === -Infinity) return ['f', '-Infinity'];
        if (Object.is(v, -0)) return ['f', '-0'];
        return v;
      case 'undefined':
        return ['u'];
      case 'bigint':
        return ['n', v.toString()];
      case 'object': {
        if (v === null) return null;
        if (Array.isArray(v)) return ['a', ...v.map((x, i) => enc(x, `${where}[${i}]`))];
        if (v instanceof Uint8Array) {
          blobs.push(v);
          const ref: Json = ['b', offset, v.length];
          offset += v.length;
          return ref;
        }
        if (v instanceof Map) {
          const out: Json[] = ['m'];
          for (const [k, x] of v) out.push(enc(k, `${where} key`), enc(x, `${where}.get(${String(k)})`));
          return out;
        }
        if (v instanceof Set) return ['s', ...[...v].map((x) => enc(x, `${where} item`))];
        if (v instanceof Date) return ['d', Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()];
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new UncacheableError(`${where} is a ${(v as object).constructor?.name ?? 'non-plain'} object`);
        const keys = Object.keys(v);
        const id = keys.join('\u0000');
        let shape = shapeIds.get(id);
        if (shape === undefined) {
          shape = shapes.length;
          shapes.push(keys);
          shapeIds.set(id, shape);
        }
        const out: Json[] = ['o', shape];
        for (const k of keys) out.push(enc((v as Record<string, unknown>)[k], `${where}.${k}`));
        return out;
      }
      default:
        throw new UncacheableError(`${where} is a ${typeof v}`);
    }
  };
  const root = enc(value, 'value');
  const json = Buffer.from(JSON.stringify([shapes, root]), 'utf8');
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(json.length, 0);
  return Buffer.concat([head, json, ...blobs], 4 + json.length + offset);
}

/** Decodes a body made by `encodeValue`. Buffers are views into `body`. A body that does not decode is a CorruptEntryError. */
export function decodeValue(body: Buffer): unknown {
  if (body.length < 4) throw new CorruptEntryError('the body is shorter than its length field');
  const jsonLength = body.readUInt32BE(0);
  if (4 + jsonLength > body.length) throw new CorruptEntryError('the body is shorter than its JSON');
  let skeleton: Json;
  try {
    skeleton = JSON.parse(body.toString('utf8', 4, 4 + jsonLength)) as Json;
  } catch (e) {
    throw new CorruptEntryError(`the body's JSON does not parse (${(e as Error).message})`);
  }
  const blobs = body.subarray(4 + jsonLength);
  if (!Array.isArray(skeleton) || skeleton.length !== 2 || !Array.isArray(skeleton[0])) throw new CorruptEntryError('the body is not a [shapes, value] pair');
  const shapes = skeleton[0];
  for (const shape of shapes) {
    if (!Array.isArray(shape) || shape.some((k) => typeof k !== 'string')) throw new CorruptEntryError('an object shape is not a list of keys');
  }
  const dec = (j: Json): unknown => {
    if (j === null || typeof j !== 'object') return j;
    if (!Array.isArray(j)) throw new CorruptEntryError('an untagged object');
    switch (j[0]) {
      case 'o': {
        const keys = shapes[j[1] as number] as string[] | undefined;
        if (!keys || keys.length !== j.length - 2) throw new CorruptEntryError('an object does not fit its shape');
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          // An own "__proto__" key stays a key (assigning it would set the prototype).
          if (k === '__proto__') Object.defineProperty(out, k, { value: dec(j[i + 2]!), enumerable: true, writable: true, configurable: true });
          else out[k] = dec(j[i + 2]!);
        }
        return out;
      }
      case 'a':
        return j.slice(1).map(dec);
      case 'm': {
        if (j.length % 2 !== 1) throw new CorruptEntryError('a Map has an odd number of items');
        const m = new Map<unknown, unknown>();
        for (let i = 1; i < j.length; i += 2) m.set(dec(j[i]!), dec(j[i + 1]!));
        return m;
      }
      case 's':
        return new Set(j.slice(1).map(dec));
      case 'b': {
        const [, off, len] = j as [string, unknown, unknown];
        if (typeof off !== 'number' || typeof len !== 'number' || !Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > blobs.length) {
          throw new CorruptEntryError('a Buffer reference points outside the body');
        }
        return blobs.subarray(off, off + len);
      }
      case 'u':
        return undefined;
      case 'f':
        if (j[1] === 'NaN') return NaN;
        if (j[1] === 'Infinity') return Infinity;
        if (j[1] === '-Infinity') return -Infinity;
        if (j[1] === '-0') return -0;
        throw new CorruptEntryError(`unknown number tag ${JSON.stringify(j[1])}`);
      case 'n':
        if (typeof j[1] !== 'string' || !/^-?\d+$/.test(j[1])) throw new CorruptEntryError('a bigint is not a number');
        return BigInt(j[1]);
      case 'd':
        return new Date(j[1] === 'invalid' ? NaN : String(j[1]));
      default:
        throw new CorruptEntryError(`unknown tag ${JSON.stringify(j[0])}`);
    }
  };
  return dec(skeleton[1]!);
}
