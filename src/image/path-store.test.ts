import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathStore } from './path-store.js';

/** Paths over a small alphabet, so that the runs intern the same path again and collide in the table. */
const segment = fc.oneof(
  fc.constantFrom('a', 'b', 'usr', 'lib', 'é', '日本', '😀', '\uD800', '\uDC00', 'x\uD83D', ''),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const pathArb = fc.array(segment, { maxLength: 5 }).map((s) => `/${s.join('/')}`);

describe('PathStore', () => {
  it('gives each distinct string one id for good, and gives it back exactly (property, against a Map)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ op: fc.constant('intern' as const), path: pathArb }), fc.record({ op: fc.constant('find' as const), path: pathArb })), { maxLength: 300 }), (ops) => {
        const store = new PathStore();
        const model = new Map<string, number>();
        for (const { op, path } of ops) {
          if (op === 'intern') {
            const id = store.intern(path);
            if (!model.has(path)) model.set(path, model.size);
            expect(id).toBe(model.get(path));
          } else {
            expect(store.find(path)).toBe(model.get(path) ?? -1);
          }
        }
        expect(store.size).toBe(model.size);
        for (const [path, id] of model) {
          expect(store.pathOf(id)).toBe(path);
          expect(store.find(path)).toBe(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps apart the strings UTF-8 cannot tell apart (lone surrogates and U+FFFD), and the empty string', () => {
    const store = new PathStore();
    const ids = ['\uD800', '\uFFFD', '\uDC00', '', 'a\uD800b', 'a\uFFFDb'].map((p) => store.intern(p));
    expect(new Set(ids).size).toBe(6);
    expect(ids.map((id) => store.pathOf(id))).toEqual(['\uD800', '\uFFFD', '\uDC00', '', 'a\uD800b', 'a\uFFFDb']);
    expect(store.find('\uDBFF')).toBe(-1);
    expect(store.byteLengthOf(ids[1]!)).toBe(3);
  });

  it('grows past its first table, byte buffer and scratch buffer (200,000 paths, one of 5,000 characters)', () => {
    const store = new PathStore();
    const long = `/${'é'.repeat(5000)}`;
    let wrong = 0;
    for (let i = 0; i < 200_000; i++) if (store.intern(`/data/d${i % 300}/f${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(store.intern(long)).toBe(200_000);
    expect(store.find('/data/d7/f7')).toBe(7);
    expect(store.pathOf(199_999)).toBe('/data/d199/f199999');
    expect(store.pathOf(200_000)).toBe(long);
    expect(store.find('/data/d7/f200000')).toBe(-1);
    expect(() => store.pathOf(200_001)).toThrow(RangeError);
  });
});
