/**
 * The steps of .github/workflows/vulndb.yml, run here against a real Docker Distribution registry: `db build` from
 * ../shared data, `db push`, then `db update --db-repository` cold and warm, and the failures that must keep the
 * previous database (a tampered blob, a corrupt database behind a valid digest, the registry down).
 * Requests are counted through a small forwarding proxy in front of the registry.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import { RegistryClient } from '../../src/image/registry/client.js';
import { parseRegistryName } from '../../src/image/registry/reference.js';
import { OCI_EMPTY_TYPE, OCI_MANIFEST_TYPE, VULNDB_ARTIFACT_TYPE, VULNDB_LAYER_TYPE } from '../../src/vulndb/artifact.js';
import { missingTools, startRegistry, type RunningRegistry } from '../helpers/registry/real-services.js';
import { PROJECT_ROOT, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';

const CLI = join(PROJECT_ROOT, 'src/entrypoints/cli.ts');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI through its source, asynchronously (the proxy answers from this process). */
function portcullis(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}

interface Proxy {
  addr: string;
  log: string[];
  /** Flip a byte of this blob's body on the way through. */
  tamper?: string;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  const [host, port] = [target.split(':')[0]!, Number(target.split(':')[1])];
  const proxy: Proxy = { addr: '', log: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    proxy.log.push(`${req.method} ${req.url}`);
    const up = httpRequest({ host, port, method: req.method, path: req.url, headers: { ...req.headers, host: target } }, (upRes) => {
      const tamper = proxy.tamper && req.url?.endsWith(`/blobs/${proxy.tamper}`) && req.method === 'GET';
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      if (!tamper) return void upRes.pipe(res);
      let first = true;
      upRes.on('data', (c: Buffer) => {
        if (first && c.length > 100) {
          c = Buffer.from(c);
          c[100] = c[100]! ^ 0xff;
          first = false;
        }
        res.write(c);
      });
      upRes.on('end', () => res.end());
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.addr = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((r) => server.close(() => r()));
  return proxy;
}

const skip = missingTools('docker-registry');
describeUnless(skip, `vulndb artifact against a real registry`, () => {
  let registry: RunningRegistry;
  let proxy: Proxy;
  let dir: string;
  let file: string;
  let ref: string;
  const env = (): NodeJS.ProcessEnv => ({ PORTCULLIS_CACHE_DIR: join(dir, 'cache') });

  beforeAll(async () => {
    registry = await startRegistry();
    proxy = await startProxy(registry.addr);
    dir = mkdtempSync(join(tmpdir(), 'portcullis-vulndb-artifact-'));
    file = join(dir, 'vulndb.pcdb.gz');
    ref = `${proxy.addr}/portcullis/vulndb:v1`;
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds from ../shared data (twice: the same bytes), pushes, updates cold, then warm with one request', async () => {
    const fixtures = sharedPath('vulndata/vunnel-provider-fixtures');
    const build = (out: string): Promise<Run> =>
      portcullis(
        ['db', 'build', '--source', `osv-local:${sharedPath('vulndata/osv')}`, '--source', `kev:${join(fixtures, 'kev/valid-catalog-1.json')}`, '--built-at', '2026-12-01T00:00:00Z', '--output', out],
        env(),
      );
    const b1 = await build(file);
    expect(b1.stderr).not.toMatch(/error/i);
    expect(b1.status).toBe(0);
    expect(b1.stdout).toMatch(/osv-local:.*: \d+ records/);
    expect(b1.stdout).toMatch(/built 2026-12-01T00:00:00.000Z/);
    const b2 = await build(join(dir, 'again.gz'));
    expect(b2.status).toBe(0);
    expect(readFileSync(join(dir, 'again.gz')).equals(readFileSync(file))).toBe(true);

    const push = await portcullis(['db', 'push', file, `registry:${ref}`], env());
    expect(push.stderr).toBe('');
    expect(push.status).toBe(0);
    expect(push.stdout).toMatch(/^Pushed .*@sha256:[a-f0-9]{64} \(layer sha256:[a-f0-9]{64}, \d+ bytes\)/);
    expect(proxy.log.some((l) => l.startsWith('PUT /v2/portcullis/vulndb/manifests/v1'))).toBe(true);

    // the manifest as the registry serves it
    const manifest = JSON.parse(await (await fetch(`http://${registry.addr}/v2/portcullis/vulndb/manifests/v1`, { headers: { accept: OCI_MANIFEST_TYPE } })).text()) as {
      artifactType: string;
      config: { mediaType: string };
      layers: { mediaType: string; digest: string; size: number }[];
      annotations: Record<string, string>;
    };
    expect(manifest.artifactType).toBe(VULNDB_ARTIFACT_TYPE);
    expect(manifest.config.mediaType).toBe(OCI_EMPTY_TYPE);
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([VULNDB_LAYER_TYPE]);
    expect(manifest.layers[0]!.digest).toBe(`sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    expect(manifest.annotations['org.opencontainers.image.created']).toBe('2026-12-01T00:00:00.000Z');
    expect(manifest.annotations['io.portcullis.vulndb.schema']).toBe('1');

    proxy.log.length = 0;
    const cold = await portcullis(['db', 'update', '--db-repository', ref], env());
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(0);
    expect(cold.stdout).toMatch(/Database updated in/);
    expect(proxy.log.map((l) => l.split(' ')[0])).toEqual(['GET', 'GET']);
    const status = await portcullis(['db', 'status', '--json'], env());
    const st = JSON.parse(status.stdout) as { details: { id: string; records: number }[]; updatedAt: string };
    expect(st.updatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(st.details.find((s) => s.id.startsWith('osv-local:'))!.records).toBeGreaterThan(10_000);

    proxy.log.length = 0;
    const warm = await portcullis(['db', 'update', '--db-repository', ref], { ...env() });
    expect(warm.status).toBe(0);
    expect(warm.stdout).toMatch(/not modified/);
    expect(proxy.log).toEqual(['GET /v2/portcullis/vulndb/manifests/v1']);

    // the environment variable works the same
    proxy.log.length = 0;
    const viaEnv = await portcullis(['db', 'update'], { ...env(), PORTCULLIS_DB_REPOSITORY: ref });
    expect(viaEnv.stdout).toMatch(/not modified/);
    expect(proxy.log).toHaveLength(1);
  }, 180_000);

  it('a tampered blob, a corrupt database behind a valid digest and a stopped registry all keep the previous database', async () => {
    const before = readFileSync(join(dir, 'cache/vulndb/CURRENT'), 'utf8');

    // a new artifact (another build time), served with a flipped byte: digest mismatch
    const other = join(dir, 'other.gz');
    const b = await portcullis(['db', 'build', '--source', `osv-local:${sharedPath('vulndata/osv/npm')}`, '--built-at', '2026-12-02T00:00:00Z', '--output', other], env());
    expect(b.status).toBe(0);
    expect((await portcullis(['db', 'push', other, `registry:${proxy.addr}/portcullis/vulndb:tampered`], env())).status).toBe(0);
    proxy.tamper = `sha256:${createHash('sha256').update(readFileSync(other)).digest('hex')}`;
    const tampered = await portcullis(['db', 'update', '--db-repository', `${proxy.addr}/portcullis/vulndb:tampered`], env());
    proxy.tamper = undefined;
    expect(tampered.status).toBe(3);
    expect(tampered.stderr).toMatch(/digest mismatch for the database layer.*; the previous database \(updated 2026-12-01T00:00:00.000Z, sha256:[a-f0-9]{64}\) is kept/);
    expect(readFileSync(join(dir, 'cache/vulndb/CURRENT'), 'utf8')).toBe(before);

    // a layer whose digest is right but whose content is not a compiled database
    const client = await RegistryClient.create({ name: parseRegistryName(`${registry.addr}/portcullis/vulndb:corrupt`), push: true, credentials: () => Promise.resolve(undefined), logger: createRecordingLogger() });
    const junk = gzipSync(Buffer.from('portcullis-vulndb 1 sha256:0000\nnot a database\n'));
    const junkDigest = `sha256:${createHash('sha256').update(junk).digest('hex')}`;
    const empty = Buffer.from('{}');
    const emptyDigest = `sha256:${createHash('sha256').update(empty).digest('hex')}`;
    await client.pushBlob(empty, emptyDigest);
    await client.pushBlob(junk, junkDigest);
    const m = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST_TYPE,
      artifactType: VULNDB_ARTIFACT_TYPE,
      config: { mediaType: OCI_EMPTY_TYPE, digest: emptyDigest, size: 2 },
      layers: [{ mediaType: VULNDB_LAYER_TYPE, digest: junkDigest, size: junk.length }],
    };
    await client.putManifest('corrupt', Buffer.from(JSON.stringify(m)), OCI_MANIFEST_TYPE);
    await client.close();
    const corrupt = await portcullis(['db', 'update', '--db-repository', `${proxy.addr}/portcullis/vulndb:corrupt`], env());
    expect(corrupt.status).toBe(3);
    expect(corrupt.stderr).toMatch(/is not a usable compiled vulnerability database: it does not start with the portcullis-vulndb line; the previous database .* is kept/);
    expect(readFileSync(join(dir, 'cache/vulndb/CURRENT'), 'utf8')).toBe(before);

    // an unknown tag
    const missing = await portcullis(['db', 'update', '--db-repository', `${proxy.addr}/portcullis/vulndb:nope`], env());
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/manifest unknown.*; the previous database .* is kept/);

    // the registry stopped
    registry.stop();
    const down = await portcullis(['db', 'update', '--db-repository', ref, '--retries', '0'], env());
    expect(down.status).toBe(3);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/Vulnerability database update from .* failed: .*; the previous database \(updated 2026-12-01T00:00:00.000Z.* is kept/);
    expect(readFileSync(join(dir, 'cache/vulndb/CURRENT'), 'utf8')).toBe(before);
    const status = await portcullis(['db', 'status', '--json'], env());
    expect((JSON.parse(status.stdout) as { updatedAt: string }).updatedAt).toBe('2026-12-01T00:00:00.000Z');
  }, 180_000);
});

describe('.github/workflows/vulndb.yml', () => {
  it('is daily + manual, may write packages, pins actions by commit and runs the steps tested above', async () => {
    const { load } = await import('js-yaml');
    const wf = load(readFileSync(join(PROJECT_ROOT, '.github/workflows/vulndb.yml'), 'utf8')) as {
      on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; run?: string; env?: Record<string, string> }[] }>;
    };
    expect(wf.on.schedule).toHaveLength(1);
    expect(wf.on.schedule[0]!.cron.split(' ').slice(2)).toEqual(['*', '*', '*']);
    expect('workflow_dispatch' in wf.on).toBe(true);
    expect(wf.permissions.packages).toBe('write');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    for (const s of steps.filter((x) => x.uses)) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/node dist\/cli\/index\.js db build[\s\S]*--output vulndb\.pcdb\.gz/);
    expect(runs).toMatch(/node dist\/cli\/index\.js db push vulndb\.pcdb\.gz "registry:ghcr\.io\/\$\{owner\}\/vulndb:v1"/);
    const push = steps.find((s) => s.run?.includes('db push'))!;
    expect(push.env?.PORTCULLIS_REGISTRY_PASSWORD).toBe('${{ secrets.GITHUB_TOKEN }}');
  });
});

const skipAuth = missingTools('docker-registry', 'htpasswd');
describeUnless(skipAuth, `vulndb artifact with registry authentication`, () => {
  const creds = { user: 'ci', pass: 'fixture-pass' };
  let registry: RunningRegistry;
  let dir: string;
  beforeAll(async () => {
    registry = await startRegistry(creds);
    dir = mkdtempSync(join(tmpdir(), 'portcullis-vulndb-auth-'));
  }, 60_000);
  afterAll(() => {
    registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pushes and pulls with the registry credentials, and says what is missing without them', async () => {
    const env = { PORTCULLIS_CACHE_DIR: join(dir, 'cache'), DOCKER_CONFIG: join(dir, 'no-docker') };
    const file = join(dir, 'db.gz');
    expect((await portcullis(['db', 'build', '--source', `osv-local:${sharedPath('vulndata/osv/npm')}`, '--output', file], env)).status).toBe(0);
    const ref = `${registry.addr}/private/vulndb:v1`;
    const anonymous = await portcullis(['db', 'push', file, `registry:${ref}`], env);
    expect(anonymous.status).toBe(3);
    expect(anonymous.stderr).toMatch(/authentication required for registry .*: no credentials were found/);
    const withCreds = { ...env, PORTCULLIS_REGISTRY_USERNAME: creds.user, PORTCULLIS_REGISTRY_PASSWORD: creds.pass };
    const push = await portcullis(['db', 'push', file, `registry:${ref}`], withCreds);
    expect(push.stderr).toBe('');
    expect(push.status).toBe(0);
    const pull = await portcullis(['db', 'update', '--db-repository', ref], withCreds);
    expect(pull.status).toBe(0);
    expect(pull.stdout).toMatch(/Database updated in/);
    const denied = await portcullis(['db', 'update', '--db-repository', ref], env);
    expect(denied.status).toBe(3);
    expect(denied.stderr).toMatch(/authentication required.*; the previous database .* is kept/);
  }, 120_000);
});
