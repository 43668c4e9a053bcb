/**
 * The per-layer analysis cache (issue 17) end to end: a scan's every report is the same with no cache, a cold cache
 * and a warm one; a corrupt entry changes nothing; two scans at once share a cache; the cache stays within its
 * bound; a registry scan downloads only the layers whose analysis is not cached.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import { LayerCache } from '../../src/image/layer-cache/store.js';
import { archiveBytesRead, indexArchiveFile } from '../../src/image/sources/archive-index.js';
import type { ScanReport } from '../../src/model/index.js';
import { OUTPUT_FORMATS } from '../../src/output/list.js';
import type { ScanConfig } from '../../src/scan/config.js';
import { runScan } from '../../src/scan/pipeline.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import { ImageWorkspace, pseudoRandomBytes, type ImageSpec } from '../helpers/image-builder.js';
import { startHttpServer, type TestServer } from '../helpers/registry/http-server.js';
import { proxyTo } from '../helpers/registry/layout-registry.js';
import { missingTools, skopeoPush, startRegistry, type RunningRegistry } from '../helpers/registry/real-services.js';
import { describeShared, PROJECT_ROOT, sharedEntries, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';

const LAYOUT = sharedPath('fixtures/images/debian-fixtures.oci');
const NOW = new Date('2026-12-01T00:00:00Z');
const FORMATS = OUTPUT_FORMATS.ids();
const CLI = join(PROJECT_ROOT, 'src/entrypoints/cli.ts');
const run = promisify(execFile);

const record = (id: string, ecosystem: string, name: string, fixed: string): OsvRecord => ({
  id,
  modified: '2026-11-22T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
});
/** Findings on the OS, npm and PyPI packages of the shared images, so that every format has some. */
const RECORDS = [record('DSA-9005-1', 'Debian:12', 'openssl', '3.0.21-1~deb12u1'), record('GHSA-9006-0000-0000', 'npm', 'lodash', '4.17.22'), record('PYSEC-9007-1', 'PyPI', 'pip', '23.3')];

/** Every ref name of the shared layout (images and indexes). */
const REFS = sharedEntries(() =>
  (JSON.parse(readFileSync(join(LAYOUT, 'index.json'), 'utf8')) as { manifests: { annotations?: Record<string, string> }[] }).manifests
    .map((m) => m.annotations?.['org.opencontainers.image.ref.name'])
    .filter((n): n is string => typeof n === 'string'),
);

const work = mkdtempSync(join(tmpdir(), 'portcullis-layer-cache-it-'));
const dbDir = join(work, 'db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function config(image: string, out: string, layerCache?: ScanConfig['layerCache'], vulnerabilities = true): ScanConfig {
  return {
    image,
    source: {},
    failOn: 'never',
    outputs: FORMATS.map((f) => `${f}=${join(out, `report.${f}`)}`),
    vulnerabilities: { enabled: vulnerabilities, cacheDir: dbDir, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] },
    ...(layerCache ? { layerCache } : {}),
  };
}

/** Scans with a pinned clock; answers every rendered report by format, and the cache's log lines. */
async function scan(image: string, layerCache?: ScanConfig['layerCache'], vulnerabilities = true): Promise<{ outputs: Record<string, string>; report: ScanReport; cacheLines: string[] }> {
  const out = mkdtempSync(join(work, 'out-'));
  const logger = createRecordingLogger();
  const result = await runScan(config(image, out, layerCache, vulnerabilities), { env: {}, logger, now: () => NOW, cwd: work });
  const outputs: Record<string, string> = {};
  for (const w of result.written) outputs[w.format] = typeof w.content === 'string' ? w.content : w.content.toString('utf8');
  return { outputs, report: result.report, cacheLines: logger.lines.filter((l) => l.message.startsWith('layer-cache:')).map((l) => `${l.level}: ${l.message}`) };
}

/** A JSON report without what may differ between two runs: the time it was made and the policy's evaluation time. */
function comparable(json: string): unknown {
  const doc = JSON.parse(json) as Record<string, unknown> & { policy?: Record<string, unknown> };
  delete doc.createdAt;
  delete doc.cache;
  if (doc.policy) delete doc.policy.evaluation_time;
  return doc;
}

describeShared('layer cache: the reports of every shared image, in every format', () => {
  beforeAll(() => seedDatabase(dbDir, RECORDS, NOW));
  const shared = join(work, 'shared-cache');

  it.each(REFS)('%s: no cache, a cold cache, a warm cache and a cache warmed by the other images give the same bytes', async (ref) => {
    const image = `oci-dir:${LAYOUT}:${ref}`;
    const dir = join(work, `cache-${ref}`);
    const none = await scan(image);
    const cold = await scan(image, { dir });
    const warm = await scan(image, { dir });
    const mixed = await scan(image, { dir: shared });
    expect(Object.keys(none.outputs).sort()).toEqual([...FORMATS].sort());
    for (const f of FORMATS) {
      expect(cold.outputs[f], `${ref} ${f}, cold`).toBe(none.outputs[f]);
      expect(warm.outputs[f], `${ref} ${f}, warm`).toBe(none.outputs[f]);
      expect(mixed.outputs[f], `${ref} ${f}, shared cache`).toBe(none.outputs[f]);
    }
    const n = none.report.image.layers.length;
    expect(none.cacheLines).toEqual([]);
    expect(cold.cacheLines).toEqual([`info: layer-cache: 0 of ${n} layers from the cache in ${dir}, ${n} read`]);
    // two refs of the layout can share a layer; within one image each layer is read once
    expect(warm.cacheLines).toEqual([`info: layer-cache: ${n} of ${n} layers from the cache in ${dir}, 0 read`]);
  });

  it('the shared image set has findings and packages to compare (the comparison is not vacuous)', async () => {
    const r = await scan(`oci-dir:${LAYOUT}:app`, { dir: shared });
    expect(r.report.packages.length).toBeGreaterThan(100);
    expect(r.report.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['DSA-9005-1', 'GHSA-9006-0000-0000', 'PYSEC-9007-1']));
    expect(r.report.unknowns.length).toBeGreaterThanOrEqual(0);
  });

  it('a corrupt entry: one info line, the same report, and the entry rewritten', async () => {
    const dir = join(work, 'cache-corrupt');
    const image = `oci-dir:${LAYOUT}:app`;
    const none = await scan(image);
    await scan(image, { dir });
    const names = readdirSync(dir).filter((n) => n.endsWith('.layer')).sort();
    const biggest = names.map((n) => ({ n, bytes: readFileSync(join(dir, n)) })).sort((a, b) => b.bytes.length - a.bytes.length)[0]!;
    const flipped = Buffer.from(biggest.bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    writeFileSync(join(dir, biggest.n), flipped);
    const again = await scan(image, { dir });
    for (const f of FORMATS) expect(again.outputs[f], f).toBe(none.outputs[f]);
    expect(again.cacheLines).toEqual([
      expect.stringMatching(/^info: layer-cache: ignoring the cached analysis of layer \d \(sha256:[0-9a-f]{64}\): checksum mismatch; reading the layer$/),
      `info: layer-cache: 4 of 5 layers from the cache in ${dir}, 1 read`,
    ]);
    expect(readFileSync(join(dir, biggest.n)).equals(biggest.bytes)).toBe(true);
  });

  it('eviction: the cache stays within --layer-cache-max-size, least recently used first, and results do not change', async () => {
    const dir = join(work, 'cache-evict');
    const image = `oci-dir:${LAYOUT}:app`;
    const none = await scan(image, undefined, false);
    const probe = join(work, 'cache-evict-probe');
    await scan(image, { dir: probe }, false);
    const sizes = (await new LayerCache(probe).list()).entries.map((e) => e.bytes).sort((a, b) => b - a);
    const bound = sizes[0]! + sizes[1]! + 1000; // room for the two largest entries, not for all five
    const bounded = await scan(image, { dir, maxBytes: bound }, false);
    const after = await new LayerCache(dir).list();
    expect(after.totalBytes).toBeLessThanOrEqual(bound);
    expect(after.entries.length).toBeLessThan(5);
    expect(after.entries.length).toBeGreaterThan(0);
    const again = await scan(image, { dir, maxBytes: bound }, false);
    expect(again.cacheLines.at(-1)).toMatch(new RegExp(`^info: layer-cache: ${after.entries.length} of 5 layers from the cache`));
    for (const f of FORMATS) {
      expect(bounded.outputs[f], f).toBe(none.outputs[f]);
      expect(again.outputs[f], f).toBe(none.outputs[f]);
    }
    expect((await new LayerCache(dir).list()).totalBytes).toBeLessThanOrEqual(bound);
  });

  it('two concurrent CLI scans on one empty cache: both succeed with the report of a scan without cache, and the cache is whole', async () => {
    const dir = join(work, 'cache-concurrent');
    const image = `oci-dir:${LAYOUT}:app`;
    const env = { ...process.env, PORTCULLIS_CACHE_DIR: dbDir, NO_COLOR: '1' };
    const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', CLI, 'scan', image, '--offline', '--fail-on', 'never', ...args], { env, cwd: PROJECT_ROOT, maxBuffer: 64 << 20, timeout: 240_000 });
    const outs = ['a', 'b', 'none', 'warm'].map((n) => join(work, `concurrent-${n}.json`));
    const [a, b] = await Promise.all([cli(['--layer-cache', dir, '-o', `json=${outs[0]}`]), cli(['--layer-cache', dir, '-o', `json=${outs[1]}`])]);
    await cli(['--no-layer-cache', '-o', `json=${outs[2]}`]);
    const warm = await cli(['--layer-cache', dir, '-o', `json=${outs[3]}`]);
    const reports = outs.map((p) => comparable(readFileSync(p, 'utf8')));
    expect(reports[0]).toEqual(reports[2]);
    expect(reports[1]).toEqual(reports[2]);
    expect(reports[3]).toEqual(reports[2]);
    for (const r of [a, b]) expect(r.stderr).toMatch(/layer-cache: \d of 5 layers from the cache/);
    expect(warm.stderr).toContain('layer-cache: 5 of 5 layers from the cache');
    expect(warm.stderr).not.toContain('ignoring');
    expect(readdirSync(dir).filter((n) => !n.endsWith('.layer'))).toEqual([]); // no temporary file left
    expect(readdirSync(dir)).toHaveLength(5);
    // --no-layer-cache wrote nothing under PORTCULLIS_CACHE_DIR
    expect(readdirSync(dbDir)).not.toContain('layers');
  }, 300_000);
});

/** Where the layer members of an archive file lie, from its index (the test's own reading of it, not counted). */
function layerMembers(path: string, report: ScanReport): { bytes: number; count: number } {
  const fd = openSync(path, 'r');
  const before = archiveBytesRead();
  try {
    const index = indexArchiveFile(fd)!;
    const digests = new Set(report.image.layers.map((l) => l.digest));
    let bytes = 0;
    let count = 0;
    for (const [name, m] of index.members) {
      const digest = /^\/blobs\/sha256\/([0-9a-f]{64})$/.exec(name)?.[1];
      if (digest ? digests.has(`sha256:${digest}`) : /\.tar$/.test(name) && name !== '/layer.tar' && digests.has(`sha256:${name.slice(1, -4)}`)) {
        bytes += m.size;
        count++;
      }
    }
    return { bytes, count };
  } finally {
    closeSync(fd);
    archiveBytesCorrection += archiveBytesRead() - before;
  }
}
let archiveBytesCorrection = 0;

/** Scans an archive file and counts the bytes read from it. */
async function scanCounted(image: string, layerCache?: ScanConfig['layerCache']): Promise<Awaited<ReturnType<typeof scan>> & { bytesRead: number }> {
  const before = archiveBytesRead() - archiveBytesCorrection;
  const r = await scan(image, layerCache);
  return { ...r, bytesRead: archiveBytesRead() - archiveBytesCorrection - before };
}

const MINI = sharedEntries(() => readdirSync(sharedPath('fixtures/images/mini')).filter((n) => n.endsWith('.tar')).sort());
const workspace = new ImageWorkspace();
afterAll(() => workspace.cleanup());

describeShared('layer cache: archive files are read by offsets, and only the layers not cached', () => {
  beforeAll(() => seedDatabase(dbDir, RECORDS, NOW));

  it.each(MINI)('mini/%s: no cache, cold, warm and a bare path give the same bytes; warm reads no cached layer body', async (name) => {
    const path = sharedPath('fixtures/images/mini', name);
    const scheme = name.includes('docker') ? 'docker-archive' : 'oci-archive';
    const dir = join(work, `cache-mini-${name}`);
    const none = await scan(`${scheme}:${path}`);
    const cold = await scanCounted(`${scheme}:${path}`, { dir });
    const warm = await scanCounted(`${scheme}:${path}`, { dir });
    const bare = await scanCounted(path, { dir });
    const bareNone = await scan(path);
    for (const f of FORMATS) {
      expect(cold.outputs[f], `${name} ${f}, cold`).toBe(none.outputs[f]);
      expect(warm.outputs[f], `${name} ${f}, warm`).toBe(none.outputs[f]);
      expect(bare.outputs[f], `${name} ${f}, bare path`).toBe(bareNone.outputs[f]);
    }
    const n = none.report.image.layers.length;
    expect(n).toBeGreaterThan(1);
    expect(cold.cacheLines).toEqual([`info: layer-cache: 0 of ${n} layers from the cache in ${dir}, ${n} read`]);
    expect(warm.cacheLines).toEqual([`info: layer-cache: ${n} of ${n} layers from the cache in ${dir}, 0 read`]);
    expect(bare.cacheLines).toEqual([`info: layer-cache: ${n} of ${n} layers from the cache in ${dir}, 0 read`]);
    const layers = layerMembers(path, none.report);
    expect(layers.count).toBe(n);
    const size = statSync(path).size;
    // cold: every layer body once, plus headers and JSON; warm: headers, JSON and 4 bytes of each layer (its magic)
    expect(cold.bytesRead).toBeGreaterThanOrEqual(layers.bytes);
    expect(cold.bytesRead).toBeLessThanOrEqual(size);
    expect(warm.bytesRead).toBeLessThanOrEqual(size - layers.bytes + 4 * n);
    expect(bare.bytesRead).toBe(warm.bytesRead);
    console.log(`${name}: ${size} bytes, layers ${layers.bytes}; read cold ${cold.bytesRead}, warm ${warm.bytesRead}`);
  });

  it.each(['docker-archive', 'docker25-archive', 'oci-archive'] as const)('%s with only the top layer changed: only that layer is read, and the reports match a scan without cache', async (kind) => {
    // `docker save` writes its layers uncompressed (a legacy archive's gzip layer has no digest to look up unread)
    const base = (top: string): ImageSpec => ({
      compression: kind === 'docker-archive' ? 'none' : 'gzip',
      layers: [
        { files: [{ path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.20.0\n' }, { path: 'lib/big.bin', content: pseudoRandomBytes(600_000, 3) }], compression: 'none' },
        { files: [{ path: 'usr/share/data.bin', content: pseudoRandomBytes(400_000, 4) }] },
        { files: [{ path: 'app/top.txt', content: top }, { path: 'app/pad.bin', content: pseudoRandomBytes(50_000, top.length) }] },
      ],
    });
    const first = workspace.write(base('v1'), kind);
    const second = workspace.write(base('version 2'), kind);
    const dir = join(work, `cache-top-${kind}`);
    await scanCounted(first.ref, { dir });
    const none = await scan(second.ref);
    const changed = await scanCounted(second.ref, { dir });
    for (const f of FORMATS) expect(changed.outputs[f], `${kind} ${f}`).toBe(none.outputs[f]);
    expect(changed.cacheLines).toEqual([`info: layer-cache: 2 of 3 layers from the cache in ${dir}, 1 read`]);
    const top = second.built.layers[2]!.stored.length;
    const all = layerMembers(second.path, none.report);
    expect(all.count).toBe(3);
    expect(changed.bytesRead).toBeGreaterThanOrEqual(top);
    expect(changed.bytesRead).toBeLessThanOrEqual(statSync(second.path).size - all.bytes + top + 4 * 3);
  });

  it('a corrupt body of a layer that is not cached is still an error; a compressed archive keeps the streaming read', async () => {
    const spec: ImageSpec = { compression: 'gzip', layers: [{ files: [{ path: 'a', content: 'a' }] }, { files: [{ path: 'b', content: pseudoRandomBytes(2000, 9) }] }] };
    const dir = join(work, 'cache-corrupt-archive');
    const good = workspace.write(spec, 'oci-archive');
    await scan(good.ref, { dir });
    const bad = workspace.write({ ...spec, layers: [spec.layers[0]!, { files: [{ path: 'b', content: pseudoRandomBytes(2000, 10) }] }], corrupt: { flipLayerByte: { layer: 1 } } }, 'oci-archive');
    await expect(scan(bad.ref, { dir })).rejects.toThrow(/layer 1/);
    await expect(scan(bad.ref)).rejects.toThrow(/layer 1/);
    const gz = workspace.file('img.tar.gz', gzipSync(readFileSync(good.path)));
    const messages = async (ref: string, layerCache?: ScanConfig['layerCache']) => scan(ref, layerCache).then(() => 'ok', (e: Error) => e.message);
    expect(await messages(`oci-archive:${gz}`, { dir })).toBe(await messages(`oci-archive:${gz}`));
  });
});

const skipRegistry = missingTools('docker-registry', 'skopeo');
describeUnless(skipRegistry, 'layer cache: a registry scan downloads only the layers it has not analysed', () => {
  let registry: RunningRegistry;
  let proxy: TestServer;
  let manifests: Record<string, { config: { digest: string }; layers: { digest: string }[] }>;
  beforeAll(async () => {
    registry = await startRegistry();
    await skopeoPush(LAYOUT, 'app-l4', `${registry.addr}/fixtures/app:l4`);
    await skopeoPush(LAYOUT, 'app', `${registry.addr}/fixtures/app:latest`);
    proxy = await startHttpServer(proxyTo(`http://${registry.addr}`));
    const index = JSON.parse(readFileSync(join(LAYOUT, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
    const blob = (d: string) => JSON.parse(readFileSync(join(LAYOUT, 'blobs', ...d.split(':')), 'utf8')) as (typeof manifests)[string];
    manifests = Object.fromEntries(['app-l4', 'app'].map((r) => [r, blob(index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === r)!.digest)]));
  }, 180_000);
  afterAll(async () => {
    await proxy?.close();
    registry?.stop();
  });

  const blobGets = (from: number) =>
    proxy.requests
      .slice(from)
      .filter((r) => r.method === 'GET' && r.url.includes('/blobs/'))
      .map((r) => r.url.replace(/^.*\/blobs\//, ''));

  it('app after app-l4: the config and the new top layer only; then app again: the config only; the reports match the layout\'s', async () => {
    const dir = join(work, 'cache-registry');
    const first = proxy.requests.length;
    await scan(`registry:${proxy.hostPort}/fixtures/app:l4`, { dir }, false);
    expect(blobGets(first).sort()).toEqual([manifests['app-l4']!.config.digest, ...manifests['app-l4']!.layers.map((l) => l.digest)].sort());

    const second = proxy.requests.length;
    const app = await scan(`registry:${proxy.hostPort}/fixtures/app:latest`, { dir }, false);
    const top = manifests.app!.layers.at(-1)!.digest;
    expect(manifests['app-l4']!.layers.map((l) => l.digest)).not.toContain(top);
    expect(blobGets(second)).toEqual([manifests.app!.config.digest, top]);
    expect(app.cacheLines).toEqual([`info: layer-cache: 4 of 5 layers from the cache in ${dir}, 1 read`]);

    const third = proxy.requests.length;
    const again = await scan(`registry:${proxy.hostPort}/fixtures/app:latest`, { dir }, false);
    expect(blobGets(third)).toEqual([manifests.app!.config.digest]);
    expect(again.outputs.json).toBe(app.outputs.json);

    // the same packages, files and unknowns as reading the layout without a cache
    const layout = await scan(`oci-dir:${LAYOUT}:app`, undefined, false);
    expect(app.report.packages).toEqual(layout.report.packages);
    expect(app.report.unknowns).toEqual(layout.report.unknowns);
    expect(app.report.image.layers).toEqual(layout.report.image.layers);
  }, 240_000);
});
