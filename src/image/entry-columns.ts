import type { FileType } from '../model/index.js';

/** The file types, by their code in a type column. */
export const FILE_TYPES: readonly FileType[] = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo'];
const TYPE_CODE: ReadonlyMap<string, number> = new Map(FILE_TYPES.map((t, i) => [t, i]));

export function fileTypeCode(type: string, path: string): number {
  const code = TYPE_CODE.get(type);
  if (code === undefined) throw new Error(`${path}: unknown file type "${type}"`);
  return code;
}

/** The numbers of an entry, in this order: mode, uid, gid, size, mtime. */
export const ENTRY_NUMS = 5;

/**
 * Per-slot entry metadata in columns: a type code and the five numbers of an entry, each as a 32-bit unsigned
 * integer (what nearly every mode, owner, size and mtime is), and exactly, in a side map, any that is not (a size
 * over 4 GiB, a fractional or negative mtime, an absent one). ~25 bytes a slot instead of an object.
 */
export class EntryColumns {
  #types = new Uint8Array(256);
  #nums = new Uint32Array(256 * ENTRY_NUMS);
  /** `slot * ENTRY_NUMS + field` to a value the Uint32 column cannot hold (undefined included). */
  readonly #wide = new Map<number, number | undefined>();

  /** Makes room for `slot` (slots are used from 0 up). */
  ensure(slot: number): void {
    if (slot < this.#types.length) return;
    let cap = this.#types.length;
    while (cap <= slot) cap *= 2;
    const types = new Uint8Array(cap);
    types.set(this.#types);
    this.#types = types;
    const nums = new Uint32Array(cap * ENTRY_NUMS);
    nums.set(this.#nums);
    this.#nums = nums;
  }

  type(slot: number): number {
    return this.#types[slot]!;
  }

  write(slot: number, type: number, mode: number, uid: number, gid: number, size: number, mtime: number | undefined): void {
    this.#types[slot] = type;
    const n = slot * ENTRY_NUMS;
    this.#num(n, mode);
    this.#num(n + 1, uid);
    this.#num(n + 2, gid);
    this.#num(n + 3, size);
    this.#num(n + 4, mtime);
  }

  /** A number written at `slot`: 0 mode, 1 uid, 2 gid, 3 size, 4 mtime. */
  num(slot: number, field: number): number | undefined {
    const i = slot * ENTRY_NUMS + field;
    const v = this.#nums[i]!;
    // Only a slot holding a wide value can say 0xffffffff (a narrow 0xffffffff is stored wide too).
    return v === 0xffffffff && this.#wide.has(i) ? this.#wide.get(i) : v;
  }

  #num(i: number, v: number | undefined): void {
    if (v !== undefined && v >>> 0 === v && v !== 0xffffffff && (v !== 0 || 1 / v > 0)) {
      this.#nums[i] = v;
      if (this.#wide.size > 0) this.#wide.delete(i);
    } else {
      this.#nums[i] = 0xffffffff;
      this.#wide.set(i, v);
    }
  }
}
