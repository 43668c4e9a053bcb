import { describe, expect, it } from 'vitest';
import type { ImageMetadata } from '../model/index.js';
import { EntryColumns, fileTypeCode } from './entry-columns.js';
import { RequestMatcher } from './file-request.js';
import { FileView } from './file-view.js';
import { entryTableOf, LayerCollector, LayerEntryTable, type LayerEntry, type LayerResult } from './layer-collector.js';

const metadata = { layers: [{ index: 0, digest: 'sha256:0', diffId: 'sha256:d0' }, { index: 1, digest: 'sha256:1', diffId: 'sha256:d1' }] } as unknown as ImageMetadata;

describe('EntryColumns', () => {
  it('keeps every number exactly: narrow ones in the column, the others (wide, fractional, negative, absent) beside it', () => {
    const c = new EntryColumns();
    const values = [0, 1, 0o755, 65534, 0xfffffffe, 0xffffffff, 2 ** 32, 5 * 2 ** 40, 1747699200.25, -1, -0];
    values.forEach((v, slot) => {
      c.ensure(slot);
      c.write(slot, fileTypeCode('file', '/x'), v, v, v, v, v);
    });
    values.forEach((v, slot) => {
      for (let f = 0; f < 5; f++) expect(Object.is(c.num(slot, f), v)).toBe(true);
    });
    c.ensure(values.length);
    c.write(values.length, fileTypeCode('dir', '/d'), 1, 2, 3, 4, undefined);
    expect(c.num(values.length, 4)).toBeUndefined();
    expect(c.type(values.length)).toBe(fileTypeCode('dir', '/d'));
    // A slot written again with narrow values forgets its wide ones.
    c.write(7, 0, 1, 2, 3, 4, 5);
    expect([0, 1, 2, 3, 4].map((f) => c.num(7, f))).toEqual([1, 2, 3, 4, 5]);
    expect(() => fileTypeCode('socket', '/s')).toThrow('/s: unknown file type "socket"');
  });
});

describe('LayerEntryTable', () => {
  it('iterates as a Map would: a later entry for a path replaces the earlier one and moves to the end', () => {
    const t = new LayerEntryTable();
    const map = new Map<string, LayerEntry>();
    const add = (e: LayerEntry): void => {
      t.add(e);
      map.delete(e.path);
      map.set(e.path, e);
    };
    add({ path: '/a', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 1 });
    add({ path: '/a/l', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 2, linkTarget: '../b' });
    add({ path: '/a/f', type: 'file', mode: 0o644, uid: 1000, gid: 1000, size: 5 * 2 ** 32, mtime: 3.5 });
    add({ path: '/a/l', type: 'file', mode: 0o600, uid: 0, gid: 0, size: 3, mtime: 4 });
    add({ path: '/h', type: 'hardlink', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 5, linkTarget: '/a/f' });
    expect(t.size).toBe(4);
    expect([...t.values()]).toEqual([...map.values()]);
    expect(t.toMap()).toEqual(map);
    expect([...t.toMap().keys()]).toEqual(['/a', '/a/f', '/a/l', '/h']);
  });

  it("a collector's result keeps its entries in columns until its Map is asked for, and squashes the same either way", () => {
    const collect = (): LayerResult => {
      const c = new LayerCollector(new RequestMatcher([]), 1 << 20, undefined);
      c.add({ name: './etc/', type: 'dir', mode: 0o40755, uid: 0, gid: 0, size: 0, mtime: 10, linkname: '' });
      c.add({ name: './etc/os-release', type: 'file', mode: 0o100644, uid: 0, gid: 0, size: 12, mtime: 11, linkname: '' });
      c.add({ name: './bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 12, linkname: 'busybox' });
      c.add({ name: './etc/os-release', type: 'file', mode: 0o100600, uid: 7, gid: 7, size: 13, mtime: 13, linkname: '' });
      return c.result;
    };
    const compact = collect();
    expect(entryTableOf(compact)?.size).toBe(3);
    const viewCompact = FileView.squash(metadata, [compact]);
    expect(entryTableOf(compact)).toBeDefined(); // the squash did not make the Map
    const asked = collect();
    const entries = asked.entries;
    expect(entryTableOf(asked)).toBeUndefined();
    expect([...entries.values()]).toEqual([
      { path: '/etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 10 },
      { path: '/bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 12, linkTarget: 'busybox' },
      { path: '/etc/os-release', type: 'file', mode: 0o600, uid: 7, gid: 7, size: 13, mtime: 13 },
    ]);
    expect(asked.entries).toBe(entries);
    // A spread (the layer cache's decoding) sees the Map too.
    expect({ ...asked }.entries).toBe(entries);
    const viewMap = FileView.squash(metadata, [asked]);
    expect(viewCompact.list()).toEqual(viewMap.list());
    expect(viewCompact.get('/etc/os-release')).toEqual({ path: '/etc/os-release', type: 'file', mode: 0o600, uid: 7, gid: 7, size: 13, mtime: 13, provenance: viewMap.get('/etc/os-release')!.provenance });
  });
});

describe('FileView columns', () => {
  it('gives back what a layer wrote, exactly, around a deletion', () => {
    const layer = (entries: LayerEntry[], whiteouts: string[] = []): LayerResult => ({
      entries: new Map(entries.map((e) => [e.path, e])),
      whiteouts,
      opaqueDirs: [],
      contents: new Map(),
      unknowns: [],
      stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    });
    const big: LayerEntry = { path: '/big', type: 'file', mode: 0o4755, uid: 4294967294, gid: 2 ** 33, size: 6 * 2 ** 32 + 1, mtime: -5.5 };
    const noTime = { path: '/old', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1 } as LayerEntry;
    const v = FileView.squash(metadata, [layer([big, noTime, { path: '/gone', type: 'fifo', mode: 0o600, uid: 0, gid: 0, size: 0, mtime: 1 }]), layer([{ path: '/new', type: 'char', mode: 0o620, uid: 0, gid: 5, size: 0, mtime: 2 }], ['/gone'])]);
    expect(v.get('/big')).toMatchObject({ ...big, provenance: { layerIndex: 0 } });
    expect(v.get('/old')).not.toHaveProperty('mtime');
    expect(v.get('/gone')).toBeUndefined();
    expect(v.get('/new')).toMatchObject({ type: 'char', gid: 5, provenance: { layerIndex: 1 } });
    expect(v.size).toBe(3);
    expect(v.list().map((e) => e.path)).toEqual(['/big', '/new', '/old']);
  });
});
