import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileType, ImageMetadata } from '../model/index.js';
import { FileView } from './file-view.js';
import { compileGlob } from './paths.js';
import type { CapturedContent, LayerEntry, LayerResult } from './layer-collector.js';

/**
 * The squash against a reference model that states the rules plainly (every deletion a scan over every path), over
 * random layer stacks: whiteouts of files and of directories, opaque directories, directories replaced by files and
 * back, directories only implied by their entries, hardlinks to files of other layers, and files kept in every
 * layer's version.
 */

interface Op {
  kind: 'file' | 'dir' | 'hardlink' | 'whiteout' | 'opaque';
  path: string;
  target?: string;
  captured?: 'content' | 'every' | 'unknown';
}

const metadataOf = (n: number): ImageMetadata => ({ layers: Array.from({ length: n }, (_, i) => ({ index: i, digest: `sha256:${i}`, diffId: `sha256:d${i}` })) }) as unknown as ImageMetadata;

function layerOf(ops: readonly Op[], seed: number): LayerResult {
  const r: LayerResult = { entries: new Map(), whiteouts: [], opaqueDirs: [], contents: new Map(), unknowns: [], stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 } };
  for (const [i, op] of ops.entries()) {
    if (op.kind === 'whiteout') r.whiteouts.push(op.path);
    else if (op.kind === 'opaque') r.opaqueDirs.push(op.path);
    else {
      const type: FileType = op.kind;
      const e: LayerEntry = { path: op.path, type, mode: 0o644, uid: 0, gid: 0, size: type === 'file' ? 3 : 0, mtime: seed * 1000 + i };
      if (op.target) e.linkTarget = op.target;
      // As the collector does: a later entry for the same path replaces the earlier one, and moves to the end.
      r.entries.delete(op.path);
      r.entries.set(op.path, e);
      r.contents.delete(op.path);
      if (type === 'file' && op.captured) {
        const content: CapturedContent =
          op.captured === 'unknown' ? { kind: 'unknown', reason: `too big ${seed}/${i}` } : { kind: 'content', data: Buffer.from(`${seed}/${i}`), ...(op.captured === 'every' ? { everyLayer: true as const } : {}) };
        r.contents.set(op.path, content);
      }
    }
  }
  return r;
}

/** The reference: a flat map of paths, each deletion a scan of every path. */
class Model {
  readonly files = new Map<string, { type: FileType; layer: number; linkTarget?: string; mtime: number }>();
  readonly contents = new Map<string, CapturedContent>();
  readonly versions = new Map<string, { layer: number; deleted: boolean; data?: string }[]>();

  constructor(layers: readonly LayerResult[]) {
    layers.forEach((l, i) => this.#apply(l, i));
  }

  exists(path: string): boolean {
    if (path === '/') return true;
    if (this.files.has(path)) return true;
    for (const k of this.files.keys()) if (k.startsWith(`${path}/`)) return true;
    return false;
  }

  #record(path: string, v: { layer: number; deleted: boolean; data?: string }): void {
    const list = this.versions.get(path);
    if (!list) this.versions.set(path, [v]);
    else if (list.at(-1)!.layer === v.layer) list[list.length - 1] = v;
    else list.push(v);
  }

  #drop(path: string, layer: number): void {
    if (this.versions.has(path) && this.files.has(path)) this.#record(path, { layer, deleted: true });
    this.files.delete(path);
    this.contents.delete(path);
  }

  #dropUnder(dir: string, layer: number): void {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) this.#drop(k, layer);
  }

  #apply(l: LayerResult, layer: number): void {
    for (const d of l.opaqueDirs) this.#dropUnder(d, layer);
    for (const w of l.whiteouts) {
      this.#drop(w, layer);
      this.#dropUnder(w, layer);
    }
    for (const e of l.entries.values()) {
      if (this.files.get(e.path)?.type === 'dir' && e.type !== 'dir') this.#dropUnder(e.path, layer);
      this.files.set(e.path, { type: e.type, layer, mtime: e.mtime, ...(e.linkTarget ? { linkTarget: e.linkTarget } : {}) });
      const c = l.contents.get(e.path);
      if (c) this.contents.set(e.path, c);
      else this.contents.delete(e.path);
      if (c?.everyLayer || this.versions.has(e.path)) {
        let data: string | undefined;
        const captured = e.type === 'hardlink' ? this.contents.get(e.linkTarget!) : e.type === 'file' ? c : undefined;
        if (captured?.kind === 'content') data = captured.data.toString();
        this.#record(e.path, { layer, deleted: false, ...(data !== undefined ? { data } : {}) });
      }
    }
  }

  /** What `read` returns, as data or undefined. */
  read(path: string): string | undefined {
    let entry = this.files.get(path);
    let at = path;
    if (entry?.type === 'hardlink') {
      at = entry.linkTarget!;
      entry = this.files.get(at) ?? entry;
    }
    if (!entry || (entry.type !== 'file' && entry.type !== 'hardlink')) return undefined;
    const c = this.contents.get(at) ?? this.contents.get(path);
    return c?.kind === 'content' ? c.data.toString() : undefined;
  }
}

/** Compares the squash with the model, copying the layers' entries and (on fresh layers) adopting them as readImage does. */
function compare(build: () => LayerResult[], probes: readonly string[]): void {
  compareOne(build(), probes, false);
  compareOne(build(), probes, true);
}

function compareOne(layers: readonly LayerResult[], probes: readonly string[], adopt: boolean): void {
  const model = new Model(layers);
  const view = FileView.squash(metadataOf(layers.length), layers, { adopt });
  const expected = [...model.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  expect(view.list().map((e) => [e.path, e.type, e.provenance.layerIndex, e.mtime, e.linkTarget])).toEqual(expected.map(([p, f]) => [p, f.type, f.layer, f.mtime, f.linkTarget]));
  expect(view.size).toBe(model.files.size);
  // A glob walks only its literal leading directories' subtree: the same entries as a filter over every path.
  for (const pattern of GLOBS) {
    const re = compileGlob(pattern);
    expect(view.glob(pattern).map((e) => e.path), `glob ${pattern}`).toEqual(expected.map(([p]) => p).filter((p) => re.test(p)));
  }
  expect(view.capturedPaths()).toEqual([...model.contents.keys()].sort());
  expect(view.versionedPaths()).toEqual([...model.versions.keys()].sort());
  for (const p of probes) {
    // A path under p resolves exactly when p exists, as an entry or as a directory its entries imply.
    expect(view.resolve(`${p}/probe`) !== undefined, `exists ${p}`).toBe(model.exists(p));
    const r = view.read(p);
    expect(r.ok ? r.data.toString() : undefined, `read ${p}`).toBe(model.read(p));
    expect(
      view.versions(p).map((v) => ({ layer: v.layerIndex, deleted: v.deleted, ...(!v.deleted && v.read.ok ? { data: v.read.data.toString() } : {}) })),
      `versions ${p}`,
    ).toEqual(model.versions.get(p) ?? []);
  }
  const unknownPaths = view.unknowns.map((u) => u.path).sort();
  expect(unknownPaths).toEqual([...model.contents].filter(([p, c]) => c.kind === 'unknown' && model.files.has(p)).map(([p]) => p).sort());
}

// A small universe of names, so that layers collide: the same paths written, deleted, replaced.
const NAMES = ['a', 'b', 'c', 'x'];
const pathArb = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('file' as const), path: pathArb, captured: fc.constantFrom(undefined, 'content' as const, 'every' as const, 'unknown' as const) }).map(({ captured, ...o }) => (captured ? { ...o, captured } : o)) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('dir' as const), path: pathArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hardlink' as const), path: pathArb, target: pathArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('whiteout' as const), path: pathArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('opaque' as const), path: fc.oneof({ weight: 6, arbitrary: pathArb }, { weight: 1, arbitrary: fc.constant('/') }) }) },
);
const stackArb = fc.array(fc.array(opArb, { maxLength: 25 }), { minLength: 1, maxLength: 10 });

function allPaths(maxDepth: number): string[] {
  const out: string[] = [];
  const walk = (prefix: string, depth: number): void => {
    if (depth === maxDepth) return;
    for (const n of NAMES) {
      out.push(`${prefix}/${n}`);
      walk(`${prefix}/${n}`, depth + 1);
    }
  };
  walk('', 0);
  return out;
}
const PROBES = allPaths(4);
const GLOBS = ['**', '/a/**', 'a/*', '/a/b/*', '/a/{b,x}/*', '/a/**/c', '/*/b', '/a/b', 'a/b/c/x', '/x/?', '/usr/lib/**', '/usr/*/p1/*', '/usr/share/p2/d1*/*'];

describe('FileView.squash against a reference model', () => {
  it('random layer stacks: the same entries, contents, versions, implied directories and reads', () => {
    fc.assert(
      fc.property(stackArb, (stack) => {
        compare(() => stack.map((ops, i) => layerOf(ops, i)), PROBES);
      }),
      { numRuns: 400 },
    );
  });

  it('a whiteout of a file keeps its siblings; of the last entry under an implied directory removes that directory', () => {
    const layers = [layerOf([{ kind: 'file', path: '/a/b/c' }, { kind: 'file', path: '/a/x' }], 0), layerOf([{ kind: 'whiteout', path: '/a/b/c' }], 1)];
    compare(() => layers.map((l) => ({ ...l, entries: new Map([...l.entries].map(([k, e]) => [k, { ...e }])) })), ['/a', '/a/b', '/a/x', '/a/b/c']);
    const view = FileView.squash(metadataOf(2), layers);
    expect(view.resolve('/a/b/probe')).toBeUndefined();
    expect(view.resolve('/a/probe')).toBe('/a/probe');
  });

  it('at scale: 12 layers of thousands of entries, 2,000 whiteouts, opaque directories and hardlinks across layers', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const path = (): string => `/usr/${['lib', 'share', 'bin'][rand(3)]}/p${rand(60)}/${['d', 'e'][rand(2)]}${rand(20)}${rand(4) === 0 ? `/f${rand(10)}` : ''}`;
    const stack: Op[][] = [];
    const written: string[] = [];
    for (let l = 0; l < 12; l++) {
      const ops: Op[] = [];
      for (let i = 0; i < 3000; i++) {
        const p = path();
        const k = rand(20);
        if (k < 12) ops.push({ kind: 'file', path: p, ...(k === 0 ? { captured: 'every' as const } : k === 1 ? { captured: 'content' as const } : {}) });
        else if (k < 15) ops.push({ kind: 'dir', path: p });
        else if (written.length > 0 && k < 17) ops.push({ kind: 'hardlink', path: p, target: written[rand(written.length)]! });
        else if (k < 19) ops.push({ kind: 'whiteout', path: rand(2) ? p : p.slice(0, p.lastIndexOf('/')) });
        else ops.push({ kind: 'opaque', path: p.slice(0, p.indexOf('/', 5)) });
        written.push(p);
      }
      stack.push(ops);
    }
    // The top layer: 2,000 whiteouts, as `npm prune` or `apt-get purge` leave them.
    stack.push(Array.from({ length: 2000 }, (_, i) => ({ kind: 'whiteout' as const, path: written[(i * 7919) % written.length]! })));
    const probes = [...new Set(written.filter((_, i) => i % 5 === 0).flatMap((p) => [p, p.slice(0, p.lastIndexOf('/'))]))];
    compare(() => stack.map((ops, i) => layerOf(ops, i)), probes);
  });
});
