/**
 * The compiled database: `db build` of the shared data (OSV + the NVD/KEV/EPSS fixture samples), its file size and
 * size on disk once unpacked, then `db update --db-repository` from a local Docker Distribution registry, cold and
 * warm, with the requests counted through a forwarding proxy. Skipped without ../shared or docker-registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/common/logger.js';
import { pushCompiled, updateFromRepository } from '../src/vulndb/artifact.js';
import { buildCompiled, parseBuildSource } from '../src/vulndb/compiled.js';
import { HAS_SHARED, sharedPath } from '../test/helpers/shared.js';
import { hasCommand } from '../test/helpers/registry/real-services.js';

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

export async function benchVulndbArtifact(): Promise<[string, string][]> {
  if (!HAS_SHARED) return [['vulndb artifact', 'skipped: ../shared is absent']];
  const f = (p: string): string => sharedPath('vulndata/vunnel-provider-fixtures', p);
  const sources = [`osv-local:${sharedPath('vulndata/osv')}`, `nvd:${f('nvd/full-page.json')}`, `kev:${f('kev/valid-catalog-1.json')}`, `epss:${f('epss/example-1.csv')}`].map((s) => parseBuildSource(s));
  const t0 = performance.now();
  const built = await buildCompiled({ sources, logger: silentLogger, builtAt: new Date('2026-12-01T00:00:00Z') });
  const buildMs = performance.now() - t0;
  const records = built.header.sources.reduce((n, s) => n + (s.kind === 'osv' || s.kind === 'alpine-secdb' ? s.records : 0), 0);
  const e = built.header.enrichment;
  const rows: [string, string][] = [
    ['db build', `${records} records + ${e.fetched} enrichment ids in ${buildMs.toFixed(0)} ms`],
    ['compiled file', `${(built.bytes.length / 1e6).toFixed(2)} MB (gzip -9); enrichment kept ${e.kept}/${e.fetched} ids, ${e.keptBytes}/${e.fetchedBytes} bytes`],
  ];
  if (!hasCommand('docker-registry')) return [...rows, ['db update (registry)', 'skipped: docker-registry is not installed']];
  const out = execFileSync(sharedPath('scripts/start-registry.sh'), { encoding: 'utf8' });
  const vars = Object.fromEntries([...out.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const target = vars.REGISTRY_ADDR!;
  let count = 0;
  const proxy = createServer((req, res) => {
    count++;
    const up = httpRequest({ host: '127.0.0.1', port: Number(target.split(':')[1]), method: req.method, path: req.url, headers: { ...req.headers, host: target } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const addr = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const cache = mkdtempSync(join(tmpdir(), 'portcullis-bench-db-'));
  try {
    const opts = { env: process.env, logger: silentLogger };
    const ref = `${addr}/bench/vulndb:v1`;
    await pushCompiled(built.bytes, 'bench', ref, opts);
    count = 0;
    const c0 = performance.now();
    await updateFromRepository(cache, ref, opts);
    const coldMs = performance.now() - c0;
    const coldRequests = count;
    count = 0;
    const w0 = performance.now();
    await updateFromRepository(cache, ref, opts);
    const warmMs = performance.now() - w0;
    rows.push(
      ['db update cold', `${coldRequests} requests, ${coldMs.toFixed(0)} ms (manifest + layer, sha256 checked, unpacked, swapped)`],
      ['db update warm', `${count} request(s), ${warmMs.toFixed(0)} ms (manifest digest unchanged)`],
      ['database on disk', `${(dirBytes(join(cache, 'vulndb')) / 1e6).toFixed(1)} MB`],
    );
  } finally {
    await new Promise((r) => proxy.close(r));
    try {
      process.kill(Number(vars.REGISTRY_PID));
    } catch {
      // gone
    }
    if (vars.REGISTRY_WORKDIR?.startsWith('/tmp/')) rmSync(vars.REGISTRY_WORKDIR, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  return rows;
}
