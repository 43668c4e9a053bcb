import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { ConfigurationError, RemoteError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import { makeReport, randomDigest, SARIF, SBOM } from '../store/testing/fixtures.js';
import { startTestStore, type TestStore } from '../store/testing/in-process.js';
import { anchoreImportSinkKind, importContentsOf } from './anchore-import-sink.js';
import { buildComplianceForm, pushCompliance, validateComplianceCheck } from './compliance.js';
import { makePayload } from './sink.js';
import { publish, retrySpooled, Spool } from './spool.js';
import { storeSinkKind } from './store-sink.js';
import { targetFrom } from './target.js';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A stand-in server that records every request and answers from a handler. */
async function recordingServer(handler: (r: Recorded) => { status: number; body?: unknown }): Promise<{ url: string; requests: Recorded[]; server: Server }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(r);
      const out = handler(r);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, requests, server };
}

async function formOf(r: Recorded): Promise<FormData> {
  return new Request('http://x/', { method: 'POST', headers: { 'content-type': String(r.headers['content-type']) }, body: new Uint8Array(r.body) }).formData();
}

function payloadFor(digest: string, run = 'run-1') {
  return makePayload({
    imageDigest: digest,
    imageTag: 'registry.example/app:1',
    commit: 'b'.repeat(40),
    pipelineRun: run,
    report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest }))) },
    sbom: { name: 'sbom.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(SBOM)) },
    sarif: { name: 'r.sarif', contentType: 'application/sarif+json', data: Buffer.from(JSON.stringify(SARIF)) },
  });
}

describe('runtime-compliance client', () => {
  it('sends exactly the fields of Anchore\'s API, only those set, and the two files', async () => {
    const srv = await recordingServer(() => ({ status: 200, body: { check_type: 'oscap' } }));
    try {
      const digest = randomDigest();
      await pushCompliance(
        { url: srv.url, auth: { kind: 'basic', username: 'admin', password: 'pw' }, account: 'team' },
        { check_type: 'oscap', image_digest: digest, result: 'fail', namespace: 'prod', start_time: '2026-11-29T10:00:00Z' },
        { result_file: { name: 'results.xml', data: Buffer.from('<x/>'), contentType: 'application/xml' }, report_file: { name: 'report.html', data: Buffer.from('<html/>') } },
        { api: 'v1' },
      );
      const r = srv.requests[0]!;
      expect(r.url).toBe('/v1/enterprise/runtime_compliance');
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from('admin:pw').toString('base64')}`);
      expect(r.headers['x-anchore-account']).toBe('team');
      expect(String(r.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
      const form = await formOf(r);
      expect([...form.keys()]).toEqual(['check_type', 'image_digest', 'result', 'namespace', 'start_time', 'result_file', 'report_file']);
      expect(form.get('image_digest')).toBe(digest);
      const f = form.get('result_file') as File;
      expect(f.name).toBe('results.xml');
      expect(await f.text()).toBe('<x/>');
    } finally {
      srv.server.close();
    }
  });

  it('falls back from v2 to v1 on 404, and says the API is gone when both are 404', async () => {
    const v1only = await recordingServer((r) => (r.url.startsWith('/v1/') ? { status: 200, body: { check_type: 'oscap' } } : { status: 404, body: { message: 'not found' } }));
    const none = await recordingServer(() => ({ status: 404, body: { message: 'not found' } }));
    try {
      const check = { check_type: 'oscap', image_digest: randomDigest() };
      expect((await pushCompliance({ url: v1only.url }, check)).api).toBe('v1');
      expect(v1only.requests.map((r) => r.url)).toEqual(['/v2/runtime-compliance', '/v1/enterprise/runtime_compliance']);
      await expect(pushCompliance({ url: none.url }, check)).rejects.toThrow(/HTTP 404: not found \(no runtime-compliance API here: Anchore Enterprise ≥ 5 removed it\)/);
    } finally {
      v1only.server.close();
      none.server.close();
    }
  });

  it('requires check_type and image_digest, and checks digests and times before sending', () => {
    expect(() => validateComplianceCheck({ image_digest: randomDigest() })).toThrow(ConfigurationError);
    expect(() => validateComplianceCheck({ check_type: 'oscap' })).toThrow(/image_digest is required/);
    expect(() => validateComplianceCheck({ check_type: 'oscap', image_digest: 'nginx:latest' })).toThrow(/not a digest/);
    expect(() => validateComplianceCheck({ check_type: 'oscap', image_digest: randomDigest(), end_time: '29/11/2026' })).toThrow(/end_time/);
    expect([...buildComplianceForm({ check_type: 'oscap', image_digest: 'sha256:ab', pod: '' }).keys()]).toEqual(['check_type', 'image_digest']);
  });
});

describe('Anchore Enterprise import sink', () => {
  // The whole exchange is checked against Anchore's API description in test/integration/anchore-enterprise.test.ts.
  it('takes the manifest and config from the Syft SBOM, and refuses a manifest media type Anchore does not accept', () => {
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] };
    const syft = (m: unknown) => ({
      artifacts: [],
      distro: {},
      source: { type: 'image', metadata: { manifest: Buffer.from(JSON.stringify(m)).toString('base64'), config: Buffer.from('{"os":"linux"}').toString('base64') } },
    });
    const p = (sbom: unknown) =>
      makePayload({ imageDigest: randomDigest(), report: { name: 'r.json', contentType: 'application/json', data: Buffer.from('{}') }, sbom: { name: 's.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(sbom)) } });
    const got = importContentsOf(p(syft(manifest)));
    expect(got).toMatchObject({ manifest: { contentType: 'application/vnd.oci.image.manifest.v1+json' }, imageConfig: '{"os":"linux"}' });
    expect(JSON.parse(got.manifest.body)).toEqual(manifest);
    expect(got.fromReport).toBeUndefined();
    expect(() => importContentsOf(p(syft({ ...manifest, mediaType: 'application/vnd.oci.image.index.v1+json' })))).toThrow(
      /manifest media type application\/vnd\.oci\.image\.index\.v1\+json is not one Anchore accepts/,
    );
    expect(() => importContentsOf(p({ artifacts: [], distro: {}, source: { type: 'directory' } }))).toThrow(/needs the image manifest and config/);
  });

  it('needs an SBOM', async () => {
    const p = makePayload({ imageDigest: randomDigest(), report: { name: 'r.json', contentType: 'application/json', data: Buffer.from('{}') } });
    await expect(anchoreImportSinkKind.create({ url: 'http://127.0.0.1:1' }).push(p, { logger: createRecordingLogger() })).rejects.toThrow(/needs an SBOM/);
  });
});

describe('publishing to our store, with the spool', () => {
  let store: TestStore;
  let spoolDir: string;
  beforeAll(async () => {
    store = await startTestStore();
    spoolDir = mkdtempSync(join(tmpdir(), 'portcullis-spool-'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  it('a failed push warns and spools (without credentials); the retry pushes it once and empties the spool', async () => {
    const spool = new Spool(join(spoolDir, 'a'));
    const logger = createRecordingLogger();
    const digest = randomDigest();
    const payload = payloadFor(digest);
    // The store is reachable only later: the first push goes to a closed port.
    const dead = storeSinkKind.create({ url: 'http://127.0.0.1:1', auth: { kind: 'bearer', token: store.tokens.push }, timeoutMs: 2000 });
    const result = await publish(dead, payload, { spool, url: store.url, logger });
    expect(result.status).toBe('spooled');
    expect(logger.lines.find((l) => l.level === 'warning')?.message).toMatch(/push to store failed: .*spooled to .*portcullis push --retry-spooled/);
    const files = readdirSync(spool.dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(spool.dir, files[0]!), 'utf8')).not.toContain(store.tokens.push);

    const live = storeSinkKind.create({ url: store.url, auth: { kind: 'bearer', token: store.tokens.push } });
    // It reached the server once already by another route: the replay must not duplicate it.
    await live.push(payload, { logger });
    const retried = await retrySpooled(live, { spool, url: store.url, logger });
    expect(retried.failed).toEqual([]);
    expect(retried.pushed.map((r) => r.duplicate)).toEqual([true]);
    expect(readdirSync(spool.dir)).toEqual([]);
    const rows = await store.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM evaluations WHERE image_digest = $1', [digest]);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('a retry that still fails keeps the payload and counts the attempt', async () => {
    const spool = new Spool(join(spoolDir, 'b'));
    const logger = createRecordingLogger();
    const sink = storeSinkKind.create({ url: store.url, auth: { kind: 'bearer', token: store.tokens.read } });
    const r = await publish(sink, payloadFor(randomDigest()), { spool, url: store.url, logger });
    expect(r).toMatchObject({ status: 'spooled', error: expect.stringMatching(/HTTP 403: this token lacks the "push" scope/) });
    const again = await retrySpooled(sink, { spool, url: store.url, logger });
    expect(again.failed).toHaveLength(1);
    const [entry] = await spool.list();
    expect(entry!.record.attempts).toBe(2);
  });

  it('reads records written before compliance checks were spooled (no kind); a malformed record is reported in one line and kept', async () => {
    const spool = new Spool(join(spoolDir, 'c'));
    const payload = payloadFor(randomDigest());
    const path = await spool.put('store', store.url, payload, 'down');
    const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete record.kind;
    writeFileSync(path, JSON.stringify(record));
    writeFileSync(join(spool.dir, 'store-bad.json'), JSON.stringify({ ...record, payload: { ...(record.payload as object), report: { name: 'r.json' } } }));
    writeFileSync(join(spool.dir, 'compliance-bad.json'), JSON.stringify({ ...record, kind: 'compliance', compliance: { api: 'v3' } }));
    const logger = createRecordingLogger();
    const { evaluations, compliance } = await spool.read(logger);
    expect(evaluations.map((e) => e.payload.idempotencyKey)).toEqual([payload.idempotencyKey]);
    expect(evaluations[0]!.payload.report.data.equals(payload.report.data)).toBe(true);
    expect(compliance).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      expect.stringMatching(/^spool: cannot read .*compliance-bad\.json, kept and not retried \(fix or delete it\): "compliance\.api" is not v1, v2 or auto$/),
      expect.stringMatching(/^spool: cannot read .*store-bad\.json, kept and not retried \(fix or delete it\): payload\.report is not a spooled file/),
    ]);
    expect(readdirSync(spool.dir).sort()).toEqual(['compliance-bad.json', basename(path), 'store-bad.json'].sort());
  });

  describe('portcullis push', () => {
    const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const out: string[] = [];
      const logger = createRecordingLogger();
      const ctx: CliContext = { logger, out: (s) => void out.push(s), stdin: process.stdin, env, outcome: 'go' };
      await runProgram(args, ctx);
      return { out: out.join(''), logger };
    };

    it('pushes the report, SBOM and SARIF keyed by the report digest and the CI environment', async () => {
      const dir = mkdtempSync(join(spoolDir, 'cli-'));
      const digest = randomDigest();
      writeFileSync(join(dir, 'report.json'), JSON.stringify(makeReport({ digest, repoTag: 'registry.example/cli:7' })));
      writeFileSync(join(dir, 'sbom.json'), JSON.stringify(SBOM));
      writeFileSync(join(dir, 'results.sarif'), JSON.stringify(SARIF));
      const env = { PORTCULLIS_STORE_URL: store.url, PORTCULLIS_STORE_TOKEN: store.tokens.push, GITHUB_SHA: 'c'.repeat(40), GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42', PORTCULLIS_SPOOL_DIR: join(dir, 'spool') };
      const args = ['push', '--report', join(dir, 'report.json'), '--sbom', join(dir, 'sbom.json'), '--sarif', join(dir, 'results.sarif')];
      const first = JSON.parse((await run(args, env)).out) as { status: string; id: string; duplicate: boolean };
      const second = JSON.parse((await run(args, env)).out) as { status: string; id: string; duplicate: boolean };
      expect(first).toMatchObject({ status: 'pushed', duplicate: false });
      expect(second).toMatchObject({ status: 'pushed', duplicate: true, id: first.id });
      const got = (await (await fetch(`${store.url}/v2/evaluations/${first.id}`, { headers: { authorization: `Bearer ${store.tokens.read}` } })).json()) as Record<string, unknown>;
      expect(got).toMatchObject({ image_digest: digest, repository: 'registry.example/cli', tag: '7', commit: 'c'.repeat(40), pipeline_run: 'github:o/r/42/1' });
      expect(got.files).toMatchObject({ sbom: expect.any(String), sarif: expect.any(String) });
    });

    it('warns and spools on failure; fails the build only with --fail-on-error; --retry-spooled pushes it later', async () => {
      const dir = mkdtempSync(join(spoolDir, 'cli-'));
      writeFileSync(join(dir, 'report.json'), JSON.stringify(makeReport({ digest: randomDigest() })));
      const spool = join(dir, 'spool');
      const down = { PORTCULLIS_STORE_URL: 'http://127.0.0.1:1', PORTCULLIS_SPOOL_DIR: spool };
      const soft = await run(['push', '--report', join(dir, 'report.json'), '--timeout', '2'], down);
      expect(JSON.parse(soft.out)).toMatchObject({ status: 'spooled' });
      expect(soft.logger.lines.some((l) => l.level === 'warning' && /spooled to/.test(l.message))).toBe(true);
      await expect(run(['push', '--report', join(dir, 'report.json'), '--fail-on-error', '--timeout', '2'], down)).rejects.toBeInstanceOf(RemoteError);
      expect(readdirSync(spool)).toHaveLength(1);
      // The spool records the URL it was meant for; the retry goes to the same URL, now served.
      const entry = JSON.parse(readFileSync(join(spool, readdirSync(spool)[0]!), 'utf8')) as { url: string };
      entry.url = store.url;
      writeFileSync(join(spool, readdirSync(spool)[0]!), JSON.stringify(entry));
      const retried = await run(['push', '--retry-spooled'], { PORTCULLIS_STORE_URL: store.url, PORTCULLIS_STORE_TOKEN: store.tokens.push, PORTCULLIS_SPOOL_DIR: spool });
      expect((JSON.parse(retried.out) as { pushed: unknown[] }).pushed).toHaveLength(1);
      expect(readdirSync(spool)).toEqual([]);
    });

    it('without a store configured, warns that nothing was pushed', async () => {
      const r = await run(['push', '--report', '/nonexistent.json'], {});
      expect(r.logger.lines).toEqual([{ level: 'warning', message: 'push: no store configured (--store-url or PORTCULLIS_STORE_URL); nothing was pushed' }]);
    });

    it('compliance push sends a check with files to the store, and refuses a missing image digest', async () => {
      const dir = mkdtempSync(join(spoolDir, 'cli-'));
      writeFileSync(join(dir, 'results.xml'), '<TestResult/>');
      const digest = randomDigest();
      const env = { PORTCULLIS_STORE_URL: store.url, PORTCULLIS_STORE_TOKEN: store.tokens.push };
      const r = await run(['compliance', 'push', '--check-type', 'oscap', '--image-digest', digest, '--result', 'pass', '--pod', 'p1', '--result-file', join(dir, 'results.xml'), '--api', 'v1'], env);
      expect(JSON.parse(r.out)).toMatchObject({ check_type: 'oscap', image_digest: digest, result: 'pass', pod: 'p1', compliance_file_ids: { result_file: expect.any(String) } });
      const again = await run(['compliance', 'push', '--check-type', 'oscap', '--image-digest', digest, '--result', 'pass', '--pod', 'p1', '--result-file', join(dir, 'results.xml'), '--api', 'v1'], env);
      expect((JSON.parse(again.out) as { id: string }).id).toBe((JSON.parse(r.out) as { id: string }).id);
      const rows = await store.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM compliance_checks WHERE image_digest = $1', [digest]);
      expect(Number(rows[0]!.n)).toBe(1);
      await expect(run(['compliance', 'push', '--check-type', 'oscap'], env)).rejects.toThrow(/image_digest is required/);
      await expect(run(['compliance', 'push', '--check-type', 'oscap', '--image-digest', digest, '--result', 'ok'], env)).rejects.toThrow(/use pass or fail/);
    });
  });
});

describe('credentials in the store URL', () => {
  it('are Basic auth, kept out of the URL that messages, logs and the spool see', async () => {
    const target = targetFrom({ storeUrl: 'http://ci%40acme:s3cret@127.0.0.1:1/base' }, {})!;
    expect(target.url).toBe('http://127.0.0.1:1/base');
    expect(target.auth).toEqual({ kind: 'basic', username: 'ci@acme', password: 's3cret' });
    expect(() => targetFrom({ storeUrl: 'http://u:p@h', storeToken: 't' }, {})).toThrow(ConfigurationError);
    expect(() => targetFrom({ storeUrl: 'ftp://u:p@h' }, {})).toThrow('store URL "ftp://h/" must be http or https');
  });

  it('a push to a URL with credentials sends them as Basic and never writes them to the spool', async () => {
    const srv = await recordingServer(() => ({ status: 503, body: { message: 'down' } }));
    try {
      const spool = new Spool(mkdtempSync(join(tmpdir(), 'portcullis-spool-creds-')));
      const url = srv.url.replace('http://', 'http://ci:s3cret@');
      const target = targetFrom({ storeUrl: url }, {})!;
      const logger = createRecordingLogger();
      const payload = makePayload({ imageDigest: randomDigest(), report: { name: 'r.json', data: Buffer.from('{}'), contentType: 'application/json' } });
      const result = await publish(storeSinkKind.create(target), payload, { spool, url: target.url, logger });
      expect(result.status).toBe('spooled');
      // retried: an Idempotency-Key makes the POST safe to repeat
      expect(srv.requests.length).toBe(3);
      expect(srv.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`);
      const spooled = readdirSync(spool.dir).map((f) => readFileSync(join(spool.dir, f), 'utf8')).join('');
      expect(spooled).toContain('HTTP 503');
      expect(spooled).not.toContain('s3cret');
      expect(JSON.stringify(logger.lines)).not.toContain('s3cret');
      rmSync(spool.dir, { recursive: true, force: true });
    } finally {
      srv.server.close();
    }
  });
});
