/**
 * Shared parts of the store integration tests: an OSV bucket served over HTTP whose data the test changes, a
 * pipeline that scans an SBOM and pushes to the store through the real client, and the two SQL backends.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../common/logger.js';
import type { OsvRecord } from '../../vulndb/osv.js';
import { runScan } from '../../scan/pipeline.js';
import type { ScanReport } from '../../model/index.js';
import { updateDatabase } from '../../vulndb/update.js';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from './postgres-server.js';
import { nodeRunsPostgresStore } from '../jobs/pg-boss.js';

/** An OSV bucket (`/<Ecosystem>/all.zip`) whose npm records the test sets; ETags make an unchanged refresh a 304. */
export class OsvBucket {
  #server: Server | undefined;
  #zip = Buffer.alloc(0);
  #dir = mkdtempSync(join(tmpdir(), 'portcullis-osv-bucket-'));
  url = '';
  requests = 0;

  setRecords(records: readonly OsvRecord[]): void {
    const work = join(this.#dir, String(Date.now()) + Math.random().toString(16).slice(2));
    mkdirSync(work, { recursive: true });
    for (const r of records) writeFileSync(join(work, `${r.id}.json`), JSON.stringify(r));
    execFileSync('zip', ['-q', '-X', join(work, 'all.zip'), ...records.map((r) => `${r.id}.json`)], { cwd: work });
    this.#zip = readFileSync(join(work, 'all.zip'));
  }

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      this.requests++;
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/npm/all.zip') return void res.writeHead(404).end();
      const etag = `"${createHash('sha256').update(this.#zip).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { etag, 'content-type': 'application/zip', 'content-length': this.#zip.length }).end(this.#zip);
    });
    this.#server.listen(0, '127.0.0.1');
    await new Promise((r) => this.#server!.once('listening', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((r) => (this.#server ? this.#server.close(r) : r(undefined)));
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

export function lodashRecord(id: string, fixed: string, options: { aliases?: string[]; cvss?: string } = {}): OsvRecord {
  return {
    id,
    modified: '2026-11-30T00:00:00Z',
    ...(options.aliases ? { aliases: options.aliases } : {}),
    affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }] }],
    severity: [{ type: 'CVSS_V3', score: options.cvss ?? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  } as OsvRecord;
}

/** `db update --db-url URL --ecosystem npm`, the way a store operator seeds the store's database once. */
export async function seedFromBucket(cacheDir: string, url: string): Promise<void> {
  await updateDatabase({ cacheDir, requests: [{ provider: 'osv-bucket', options: { url, ecosystems: ['npm'] } }], logger: silentLogger });
}

/** A CycloneDX SBOM of one image (`name:tag`, `digest`) with the given npm packages. */
export function writeSbom(dir: string, name: string, digest: string, packages: [string, string][]): string {
  const path = join(dir, `${createHash('sha256').update(name + digest).digest('hex').slice(0, 12)}.cdx.json`);
  writeFileSync(
    path,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'container', name, version: digest, properties: [{ name: 'aquasecurity:trivy:RepoTag', value: name }] } },
      components: packages.map(([n, v]) => ({ type: 'library', name: n, version: v, purl: `pkg:npm/${n}@${v}` })),
    }),
  );
  return path;
}

/** What a pipeline does: scan the SBOM with its own (offline) database and push the evaluation to the store. */
export async function scanAndPush(sbomPath: string, options: { store: string; token: string; cacheDir: string; spoolDir: string }): Promise<ScanReport> {
  const result = await runScan(
    {
      image: `sbom:${sbomPath}`,
      source: {},
      failOn: 'never',
      outputs: ['json'],
      vulnerabilities: { enabled: true, cacheDir: options.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
      store: { target: { url: options.store, auth: { kind: 'bearer', token: options.token }, retries: 0 }, spoolDir: options.spoolDir, failOnError: true },
    },
    { env: {}, logger: silentLogger },
  );
  if (result.store?.status !== 'pushed') throw new Error(`push failed: ${JSON.stringify(result.store)}`);
  return result.report;
}

export interface SqlBackend {
  name: string;
  available: boolean;
  database(dir: string): Promise<string>;
}

let pg: PostgresServer | undefined;
let pgCount = 0;

/**
 * The backends the store tests run on. A store on PostgreSQL needs the Node.js that pg-boss 12, its job queue, needs
 * (22.12): under an older Node the postgres backend is not offered at all (neither run nor counted as skipped).
 * .ci/run runs the whole suite on Node 20 and on Node 24, so the postgres cases still run in CI, in the Node 24
 * pass; test/integration/store-replicas.test.ts checks, in the Node 20 pass, that `serve` refuses PostgreSQL there.
 */
export const SQL_BACKENDS: SqlBackend[] = (
  [
  { name: 'sqlite', available: true, database: async (dir) => join(dir, 'store.sqlite') },
  {
    name: 'postgres',
    available: POSTGRES_BIN !== undefined,
    async database() {
      pg ??= await startPostgres();
      const name = `store_it_${process.pid}_${++pgCount}`;
      pg.createDatabase(name);
      return pg.url(name);
    },
  },
  ] satisfies SqlBackend[]
).filter((b) => b.name !== 'postgres' || nodeRunsPostgresStore());

export function stopPostgres(): void {
  pg?.stop();
  pg = undefined;
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Listens on a free loopback port (or `port`: a store restarted at the same address) and gives the store's base URL. */
export async function listenStore(app: { listen(o: { host: string; port: number }): Promise<unknown>; server: { address(): AddressInfo | string | null } }, port = 0): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  const addr = app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

/** One JSON call to the store's API, with a bearer token when one is given: the status and the parsed body. */
export async function storeApi(url: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
