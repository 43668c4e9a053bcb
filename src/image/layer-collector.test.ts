import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileType } from '../model/index.js';
import { LayerEntryTable, type LayerEntry } from './layer-collector.js';

const entryArb = fc.record({
  path: fc.constantFrom('/a', '/a/b', '/a/b/c', '/é/f', '/x\uD800', '/ l', '/data/f1', '/data/f2'),
  type: fc.constantFrom<FileType>('file', 'dir', 'symlink', 'hardlink'),
  mode: fc.integer({ min: 0, max: 0o7777 }),
  uid: fc.oneof(fc.nat(), fc.constant(0xffffffff), fc.constant(2 ** 40)),
  gid: fc.nat(),
  size: fc.oneof(fc.nat(), fc.constant(5 * 2 ** 30)),
  mtime: fc.oneof(fc.nat(), fc.double({ noNaN: true, min: -1e12, max: 1e12 })),
  link: fc.option(fc.constantFrom('/a', '../b', 'é', ''), { nil: undefined }),
});

describe('LayerEntryTable', () => {
  it('holds what a Map of the same entries holds, in the same order (a later entry replaces and moves to the end)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 400 }), (raw) => {
        const table = new LayerEntryTable();
        const model = new Map<string, LayerEntry>();
        for (const r of raw) {
          const e: LayerEntry = { path: r.path, type: r.type, mode: r.mode, uid: r.uid, gid: r.gid, size: r.size, mtime: r.mtime };
          if (r.link !== undefined) e.linkTarget = r.link;
          table.add(e);
          model.delete(e.path);
          model.set(e.path, e);
        }
        expect(table.size).toBe(model.size);
        expect([...table.values()]).toEqual([...model.values()]);
        expect([...table.toMap()]).toEqual([...model]);
      }),
      { numRuns: 300 },
    );
  });
});
