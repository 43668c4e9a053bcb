/**
 * An interning set of paths kept outside the JS heap: each distinct path gets a small integer id, from 0 up, that it
 * keeps for the store's life. The paths' UTF-8 bytes are packed end to end in one growable buffer, and an
 * open-addressing hash table in an Int32Array maps a path to its id. A million paths are a few typed arrays, not a
 * million strings that survive every young-generation collection (which is what made V8 grow its new space, and so
 * the process's peak RSS, with the file count). Strings are made only when a path is asked for (`pathOf`).
 *
 * Exact for every JS string: a string that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot
 * represent) is kept in a small side map instead, so that two different strings never share an id.
 */
export class PathStore {
  /** The UTF-8 bytes of every path, end to end. */
  #bytes = new Uint8Array(1 << 16);
  /** #bytes as a Buffer, to decode a path without making a Buffer object for it. */
  #view = Buffer.from(this.#bytes.buffer);
  #byteLength = 0;
  /** Where path `id` starts in #bytes; `#starts[id + 1]` is where it ends. */
  #starts = new Uint32Array(1024);
  #hashes = new Uint32Array(1024);
  #count = 0;
  /** Open addressing, linear probing: id + 1 per cell, 0 for an empty one; at most half full. */
  #table = new Int32Array(2048);
  #mask = 2047;
  /** Ill-formed strings (lone surrogates), which have no UTF-8 form: their ids, and back. */
  readonly #odd = new Map<string, number>();
  readonly #oddById = new Map<number, string>();
  /** Scratch for encoding a non-ASCII string. */
  #scratch = Buffer.allocUnsafe(1024);

  /** How many distinct paths were interned. Ids are 0 … size - 1. */
  get size(): number {
    return this.#count;
  }

  /** The id of `path`, interning it when it is new. */
  intern(path: string): number {
    if (isAscii(path)) {
      // The common case, hashed once for the lookup and the insertion.
      const hash = hashAscii(path);
      const found = this.#findAscii(path, hash);
      if (found >= 0) return found;
      const length = path.length;
      this.#reserveBytes(length);
      const bytes = this.#bytes;
      const at = this.#byteLength;
      for (let i = 0; i < length; i++) bytes[at + i] = path.charCodeAt(i);
      this.#byteLength += length;
      const id = this.#newId(hash, this.#byteLength);
      this.#insert(id, hash);
      return id;
    }
    const found = this.find(path);
    if (found >= 0) return found;
    if (LONE_SURROGATE.test(path)) {
      const id = this.#newId(0, 0);
      this.#odd.set(path, id);
      this.#oddById.set(id, path);
      return id;
    }
    const length = this.#encode(path);
    this.#reserveBytes(length);
    this.#bytes.set(this.#scratch.subarray(0, length), this.#byteLength);
    this.#byteLength += length;
    const hash = hashBytes(this.#scratch, 0, length);
    const id = this.#newId(hash, this.#byteLength);
    this.#insert(id, hash);
    return id;
  }

  /** The id of `path`, or -1 when it was never interned. */
  find(path: string): number {
    if (isAscii(path)) return this.#findAscii(path, hashAscii(path));
    if (LONE_SURROGATE.test(path)) return this.#odd.get(path) ?? -1;
    const length = this.#encode(path);
    const scratch = this.#scratch;
    const hash = hashBytes(scratch, 0, length);
    for (let cell = hash & this.#mask; ; cell = (cell + 1) & this.#mask) {
      const v = this.#table[cell]!;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.#hashes[id] === hash && this.#equalsBytes(id, scratch, length)) return id;
    }
  }

  #findAscii(path: string, hash: number): number {
    for (let cell = hash & this.#mask; ; cell = (cell + 1) & this.#mask) {
      const v = this.#table[cell]!;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.#hashes[id] === hash && this.#equalsAscii(id, path)) return id;
    }
  }

  /** The path of an id this store gave. */
  pathOf(id: number): string {
    if (id < 0 || id >= this.#count) throw new RangeError(`path id ${id} out of range`);
    const start = this.#starts[id]!;
    const end = this.#starts[id + 1]!;
    if (start === end) {
      const odd = this.#oddById.get(id);
      if (odd !== undefined) return odd;
    }
    return this.#view.toString('utf8', start, end);
  }

  /** The UTF-8 length of `pathOf(id)` (0 for an ill-formed one). */
  byteLengthOf(id: number): number {
    return this.#starts[id + 1]! - this.#starts[id]!;
  }

  /** Bytes held in the typed arrays, for the benches. */
  get heldBytes(): number {
    return this.#bytes.byteLength + this.#starts.byteLength + this.#hashes.byteLength + this.#table.byteLength;
  }

  #newId(hash: number, end: number): number {
    const id = this.#count++;
    if (id + 1 >= this.#starts.length) {
      this.#starts = grow32(this.#starts, this.#starts.length * 2);
      this.#hashes = grow32(this.#hashes, this.#starts.length);
    }
    this.#hashes[id] = hash;
    // An ill-formed string takes no bytes: its end is its start.
    this.#starts[id + 1] = end === 0 ? this.#byteLength : end;
    return id;
  }

  #insert(id: number, hash: number): void {
    if ((this.#count - this.#odd.size) * 2 > this.#table.length) this.#rehash(this.#table.length * 2);
    const table = this.#table;
    let cell = hash & this.#mask;
    while (table[cell] !== 0) cell = (cell + 1) & this.#mask;
    table[cell] = id + 1;
  }

  #rehash(cells: number): void {
    const table = new Int32Array(cells);
    const mask = cells - 1;
    for (let id = 0; id < this.#count; id++) {
      if (this.#starts[id] === this.#starts[id + 1] && this.#oddById.has(id)) continue;
      let cell = this.#hashes[id]! & mask;
      while (table[cell] !== 0) cell = (cell + 1) & mask;
      table[cell] = id + 1;
    }
    this.#table = table;
    this.#mask = mask;
  }

  #reserveBytes(more: number): void {
    const need = this.#byteLength + more;
    if (need <= this.#bytes.length) return;
    let cap = this.#bytes.length * 2;
    while (cap < need) cap *= 2;
    const bytes = new Uint8Array(cap);
    bytes.set(this.#bytes.subarray(0, this.#byteLength));
    this.#bytes = bytes;
    this.#view = Buffer.from(bytes.buffer);
  }

  /** Encodes a string into the scratch buffer, returning its UTF-8 length. */
  #encode(path: string): number {
    const most = path.length * 3;
    if (most > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(Math.max(most, this.#scratch.length * 2));
    return this.#scratch.write(path, 0, 'utf8');
  }

  #equalsAscii(id: number, path: string): boolean {
    const start = this.#starts[id]!;
    if (this.#starts[id + 1]! - start !== path.length) return false;
    const bytes = this.#bytes;
    for (let i = path.length - 1; i >= 0; i--) if (bytes[start + i] !== path.charCodeAt(i)) return false;
    return true;
  }

  #equalsBytes(id: number, other: Uint8Array, length: number): boolean {
    const start = this.#starts[id]!;
    if (this.#starts[id + 1]! - start !== length) return false;
    const bytes = this.#bytes;
    for (let i = length - 1; i >= 0; i--) if (bytes[start + i] !== other[i]) return false;
    return true;
  }
}

/** A surrogate that is not half of a pair (in `u` mode a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// FNV-1a over the UTF-8 bytes (for an ASCII string, its char codes are its bytes), then a final mix.
function hashAscii(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function grow32(a: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(length);
  b.set(a);
  return b;
}
