import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../common/logger.js';
import { RemoteError } from '../common/errors.js';
import { pushCompliance, type ComplianceCheck } from '../publish/compliance.js';
import type { HttpTarget } from '../publish/http.js';
import { makePayload } from '../publish/sink.js';
import { storeSinkKind } from '../publish/store-sink.js';
import type { SqlDb } from './db.js';
import S3rver from 's3rver';
import { DirectoryFileStore, type FileStore } from './files.js';
import { parseS3Url, S3FileStore } from './s3-files.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { openDatabase } from './open.js';
import { buildStoreServer, safeFileName, splitTag } from './server.js';
import { listenStore, storeApi } from './testing/bucket.js';
import { makeReport, randomDigest, SARIF, SBOM } from './testing/fixtures.js';
import { POSTGRES_BIN, startPostgres, type PostgresServer } from './testing/postgres-server.js';
import { nodeRunsPostgresStore } from './jobs/pg-boss.js';
import { createToken, revokeToken } from './tokens.js';
import { describeUnless } from '../../test/helpers/skip.js';

const MAX_FILE = 64 * 1024;

interface Backend {
  name: string;
  available: boolean;
  skipReason?: string;
  database(dir: string): Promise<string>;
  files?(dir: string): Promise<FileStore>;
}

let s3: S3rver | undefined;
let s3Url = '';

let pg: PostgresServer | undefined;
let pgCount = 0;

const BACKENDS: Backend[] = (
  [
  { name: 'sqlite', available: true, database: async (dir) => join(dir, 'store.sqlite') },
  {
    name: 'postgres',
    available: POSTGRES_BIN !== undefined,
    skipReason: 'PostgreSQL is not installed (apt-get install postgresql)',
    async database() {
      pg ??= await startPostgres();
      const name = `store_${process.pid}_${++pgCount}`;
      pg.createDatabase(name);
      return pg.url(name);
    },
  },
  {
    name: 'sqlite with files in S3 (s3rver)',
    available: true,
    database: async (dir) => join(dir, 'store.sqlite'),
    async files(dir) {
      if (!s3) {
        process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
        process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
        s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'portcullis' }] });
        const addr = (await s3.run()) as { port: number };
        s3Url = `http://127.0.0.1:${addr.port}`;
      }
      return new S3FileStore(parseS3Url('s3://portcullis/store/files'), { endpoint: s3Url });
    },
  },
  ] satisfies Backend[]
)
  // A store on PostgreSQL needs Node.js 22.12 (pg-boss 12): the postgres case runs in the Node 24 pass of .ci/run.
  .filter((b) => b.name !== 'postgres' || nodeRunsPostgresStore());

afterAll(async () => {
  pg?.stop();
  await s3?.close();
});

function file(data: string | Buffer, name: string, type = 'application/octet-stream'): [Blob, string] {
  return [new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name];
}

for (const backend of BACKENDS) {
  describeUnless(backend.available ? undefined : backend.skipReason, `store on ${backend.name}`, () => {
    let dir: string;
    let db: SqlDb;
    let files: FileStore;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<'push' | 'read' | 'both' | 'revoked', string> = { push: '', read: '', both: '', revoked: '' };
    const target = (token = tokens.both): HttpTarget => ({ url: base, auth: { kind: 'bearer', token } });
    const req = (path: string, init: RequestInit & { token?: string | null } = {}) => {
      const token = init.token === undefined ? tokens.both : init.token;
      return fetch(`${base}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-store-'));
      db = await openDatabase({ dataDir: dir, database: await backend.database(dir) });
      tokens.push = (await createToken(db, 'ci', ['push'])).token;
      tokens.read = (await createToken(db, 'viewer', ['read'])).token;
      tokens.both = (await createToken(db, 'admin', ['push', 'read'])).token;
      tokens.revoked = (await createToken(db, 'old', ['push', 'read'])).token;
      expect(await revokeToken(db, 'old')).toBe(1);
      files = backend.files ? await backend.files(dir) : new DirectoryFileStore(join(dir, 'files'));
      app = await buildStoreServer({ db, files, limits: { maxFileBytes: MAX_FILE } });
      base = await listenStore(app);
    });

    afterAll(async () => {
      await app?.close();
      await db?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('records its schema version once, and refuses a database newer than it knows', async () => {
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      await expect(migrate(db, [])).rejects.toThrow(/newer than this portcullis knows/);
    });

    describe('runtime compliance', () => {
      const digest = randomDigest();
      const results = '<?xml version="1.0"?><Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2"/>';
      const html = '<html><body><script>alert(1)</script>report</body></html>';

      it.each(['v1', 'v2'] as const)('takes a check with files through the %s path and answers in Anchore\'s shape', async (api) => {
        const check: ComplianceCheck = {
          check_type: 'oscap',
          image_digest: digest,
          result: api === 'v1' ? 'pass' : 'fail',
          pod: `web-${api}`,
          namespace: 'prod',
          image_tag: 'registry.example/web:1.0',
          start_time: api === 'v1' ? '2026-11-01T10:00:00Z' : '2026-11-20T10:00:00Z',
          end_time: api === 'v1' ? '2026-11-01T10:05:00Z' : '2026-11-20T10:05:00Z',
        };
        const res = await pushCompliance(target(tokens.push), check, {
          result_file: { name: 'results.xml', data: Buffer.from(results), contentType: 'application/xml' },
          report_file: { name: 'report.html', data: Buffer.from(html), contentType: 'text/html' },
        }, { api });
        expect(res.api).toBe(api);
        expect(res.check).toMatchObject({ ...check, start_time: new Date(check.start_time!).toISOString(), end_time: new Date(check.end_time!).toISOString() });
        expect(Object.keys(res.check.compliance_file_ids!).sort()).toEqual(['report_file', 'result_file']);

        const got0 = await req(`${api === 'v1' ? '/v1/enterprise/runtime_compliance' : '/v2/runtime-compliance'}/result/${res.check.compliance_file_ids!.report_file}`, { token: tokens.read });
        expect(got0.status).toBe(200);
        expect(got0.headers.get('content-type')).toBe('text/html');
        expect(got0.headers.get('content-security-policy')).toBe('sandbox');
        expect(await got0.text()).toBe(html);
        expect(await storeApi(base, 'GET', `/v2/runtime-compliance/${String(res.check.id)}`, tokens.read)).toEqual({ status: 200, json: res.check });
      });

      it('auto-detects the API: v2 first', async () => {
        const res = await pushCompliance(target(), { check_type: 'oscap', image_digest: randomDigest(), result: 'pass' });
        expect(res.api).toBe('v2');
      });

      it('lists with filters: image digest, namespace, pod and time range; 404 when none', async () => {
        const list = async (q: string) => {
          const r = await storeApi(base, 'GET', `/v2/runtime-compliance?${q}`, tokens.read);
          return r.status === 404 ? 404 : (r.json as { pod: string }[]).map((c) => c.pod).sort();
        };
        expect(await list(`image_digest=${digest}`)).toEqual(['web-v1', 'web-v2']);
        expect(await list(`image_digest=${digest}&pod=web-v1`)).toEqual(['web-v1']);
        expect(await list(`image_digest=${digest}&namespace=prod&since=2026-11-10T00:00:00Z`)).toEqual(['web-v2']);
        expect(await list(`image_digest=${digest}&until=2026-11-10T00:00:00Z`)).toEqual(['web-v1']);
        expect(await list(`image_digest=${digest}&namespace=dev`)).toBe(404);
        expect(await list(`image_digest=${randomDigest()}`)).toBe(404);
        const bad = await req('/v2/runtime-compliance?since=yesterday', { token: tokens.read });
        expect(bad.status).toBe(400);
      });

      it('refuses missing check_type or image_digest, unknown fields, text-for-file and wrong types with 4xx', async () => {
        const post = async (build: (f: FormData) => void, headers: Record<string, string> = {}) => {
          const form = new FormData();
          build(form);
          const r = await req('/v2/runtime-compliance', { method: 'POST', body: form, token: tokens.push, headers });
          return { status: r.status, message: ((await r.json()) as { message: string }).message };
        };
        expect(await post((f) => f.append('image_digest', digest))).toEqual({ status: 400, message: 'check_type is required' });
        expect(await post((f) => f.append('check_type', 'oscap'))).toEqual({ status: 400, message: 'image_digest is required' });
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', 'latest')))).status).toBe(400);
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', digest), f.append('color', 'red')))).message).toMatch(/unknown field "color"/);
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', digest), f.append('result_file', 'text')))).message).toMatch(/result_file must be a file part/);
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', digest), f.append('result', 'maybe')))).status).toBe(400);
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', digest), f.append('start_time', 'noon')))).message).toMatch(/start_time/);
        expect((await post((f) => (f.append('check_type', 'oscap'), f.append('image_digest', digest), f.append('check_type', 'oscap')))).message).toMatch(/given twice/);
        const json = await req('/v2/runtime-compliance', { method: 'POST', body: JSON.stringify({ check_type: 'oscap', image_digest: digest }), token: tokens.push, headers: { 'content-type': 'application/json' } });
        expect(json.status).toBe(415);
        const huge = await req('/v2/evaluations', { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }), token: tokens.push, headers: { 'content-type': 'application/json' } });
        expect(huge.status).toBe(413);
        expect(((await huge.json()) as { message: string }).message).toBe('the body is over the 1048576-byte limit');
      });

      it('refuses an oversized file with 413 and keeps nothing of it', async () => {
        const d = randomDigest();
        const form = new FormData();
        form.append('check_type', 'oscap');
        form.append('image_digest', d);
        form.append('result_file', ...file(Buffer.alloc(MAX_FILE + 1, 'x'), 'big.xml'));
        const r = await req('/v2/runtime-compliance', { method: 'POST', body: form, token: tokens.push });
        expect(r.status).toBe(413);
        expect(((await r.json()) as { message: string }).message).toBe(`a file is over the ${MAX_FILE}-byte limit`);
        expect((await req(`/v2/runtime-compliance?image_digest=${d}`, { token: tokens.read })).status).toBe(404);
      });

      it('never lets a file name steer a path', async () => {
        const form = new FormData();
        form.append('check_type', 'oscap');
        form.append('image_digest', digest);
        form.append('result_file', ...file('x', '../../../../etc/passwd'));
        form.append('report_file', ...file('y', '..\\..\\windows\\evil".html'));
        const r = await req('/v2/runtime-compliance', { method: 'POST', body: form, token: tokens.push });
        expect(r.status).toBe(200);
        const ids = ((await r.json()) as { compliance_file_ids: Record<string, string> }).compliance_file_ids;
        const got = await req(`/v2/runtime-compliance/result/${ids.result_file}`, { token: tokens.read });
        expect(got.headers.get('content-disposition')).toBe('attachment; filename="passwd"');
        const got2 = await req(`/v2/runtime-compliance/result/${ids.report_file}`, { token: tokens.read });
        expect(got2.headers.get('content-disposition')).toBe('attachment; filename="evil_22.html"');
        // every stored file is a uuid under a two-character folder of the files dir
        if (files instanceof DirectoryFileStore) {
          for (const sub of readdirSync(join(dir, 'files'))) {
            expect(sub).toMatch(/^[0-9a-f]{2}$/);
            for (const f of readdirSync(join(dir, 'files', sub))) expect(f).toMatch(/^[0-9a-f-]{36}$/);
          }
        }
        for (const trick of ['..%2F..%2Fstore.sqlite', '%2E%2E', '../files']) {
          const t = await req(`/v2/runtime-compliance/result/${trick}`, { token: tokens.read });
          expect(t.status).toBe(404);
        }
        expect(safeFileName('/abs/.hidden', 'f')).toBe('hidden');
        expect(safeFileName('..', 'f')).toBe('f');
      });
    });

    describe('tokens', () => {
      it('answers 401 without a token, for an unknown one and for a revoked one; 403 when under-scoped', async () => {
        const form = () => {
          const f = new FormData();
          f.append('check_type', 'oscap');
          f.append('image_digest', randomDigest());
          return f;
        };
        const none = await req('/v2/runtime-compliance', { method: 'POST', body: form(), token: null });
        expect(none.status).toBe(401);
        expect(none.headers.get('www-authenticate')).toBe('Bearer');
        expect((await req('/v2/runtime-compliance', { method: 'POST', body: form(), token: 'pcs_forged' })).status).toBe(401);
        expect((await req('/v2/runtime-compliance', { method: 'POST', body: form(), token: tokens.revoked })).status).toBe(401);
        const under = await req('/v2/runtime-compliance', { method: 'POST', body: form(), token: tokens.read });
        expect(under.status).toBe(403);
        expect(((await under.json()) as { message: string }).message).toBe('this token lacks the "push" scope');
        expect((await req('/v2/evaluations', { token: tokens.push })).status).toBe(403);
        expect((await req('/', { token: null })).status).toBe(401);
        await expect(pushCompliance(target(tokens.read), { check_type: 'oscap', image_digest: randomDigest() }, {}, { api: 'v2' })).rejects.toMatchObject({ status: 403 });
      });
    });

    describe('evaluations', () => {
      const digestA = randomDigest();
      const digestB = randomDigest();
      const payload = (digest: string, tag: string, run: string, decision: 'GO' | 'STOP' = 'STOP') =>
        makePayload({
          imageDigest: digest,
          imageTag: tag,
          commit: 'a'.repeat(40),
          pipelineRun: run,
          report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest, decision }))) },
          sbom: { name: 'sbom.cdx.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(SBOM)) },
          sarif: { name: 'results.sarif', contentType: 'application/sarif+json', data: Buffer.from(JSON.stringify(SARIF)) },
        });

      it('ingests idempotently: a retry returns the same record and stores nothing twice', async () => {
        const sink = storeSinkKind.create(target(tokens.push));
        const p = payload(digestA, 'registry.example:5000/team/app:1.0', 'run-1');
        const first = await sink.push(p, { logger: createRecordingLogger() });
        const again = await sink.push(p, { logger: createRecordingLogger() });
        expect(first.duplicate).toBe(false);
        expect(again).toEqual({ ...first, duplicate: true });
        const list = (await storeApi(base, 'GET', `/v2/images/${digestA}/evaluations`, tokens.read)).json as { id: string; repository: string; tag: string; decision: string; counts: unknown; commit: string; pipeline_run: string }[];
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({ id: first.id, repository: 'registry.example:5000/team/app', tag: '1.0', decision: 'STOP', commit: 'a'.repeat(40), pipeline_run: 'run-1' });
        expect(list[0]!.counts).toEqual({ packages: 0, findings: { High: 1, Low: 2 }, policy: { stop: 0, warn: 0, go: 0 } });
      });

      it('gets one with its SBOM and SARIF, and serves each file', async () => {
        const sink = storeSinkKind.create(target(tokens.push));
        const r = await sink.push(payload(digestA, 'registry.example:5000/team/app:1.0', 'run-2'), { logger: createRecordingLogger() });
        const got = (await storeApi(base, 'GET', `/v2/evaluations/${r.id}?embed=true`, tokens.read)).json as Record<string, unknown>;
        expect(got.sbom).toEqual(SBOM);
        expect(got.sarif).toEqual(SARIF);
        expect(got.links).toEqual({ report: `/v2/evaluations/${r.id}/files/report`, sbom: `/v2/evaluations/${r.id}/files/sbom`, sarif: `/v2/evaluations/${r.id}/files/sarif` });
        const report = await storeApi(base, 'GET', `/v2/evaluations/${r.id}/files/report`, tokens.read);
        expect((report.json as { image: { manifestDigest: string } }).image.manifestDigest).toBe(digestA);
        expect((await req(`/v2/evaluations/${r.id}/files/secrets`, { token: tokens.read })).status).toBe(404);
        expect((await req(`/v2/evaluations/not-an-id`, { token: tokens.read })).status).toBe(404);
      });

      it('lists the latest evaluation per image and tag', async () => {
        const sink = storeSinkKind.create(target(tokens.push));
        await sink.push(payload(digestB, 'registry.example:5000/team/app:1.0', 'run-3', 'GO'), { logger: createRecordingLogger() });
        await sink.push(payload(digestB, 'registry.example:5000/team/app:2.0', 'run-4', 'GO'), { logger: createRecordingLogger() });
        const latest = (await storeApi(base, 'GET', '/v2/evaluations/latest', tokens.read)).json as { repository: string; tag: string; image_digest: string; pipeline_run: string }[];
        const rows = latest.filter((e) => e.repository === 'registry.example:5000/team/app');
        expect(rows.map((e) => [e.tag, e.image_digest, e.pipeline_run])).toEqual([
          ['1.0', digestB, 'run-3'],
          ['2.0', digestB, 'run-4'],
        ]);
      });

      it('refuses a report that is not a ScanReport, bad SARIF and a missing report', async () => {
        const post = async (parts: [string, string | [Blob, string]][]) => {
          const form = new FormData();
          for (const [k, v] of parts) {
            if (typeof v === 'string') form.append(k, v);
            else form.append(k, ...v);
          }
          const r = await req('/v2/evaluations', { method: 'POST', body: form, token: tokens.push });
          return { status: r.status, message: ((await r.json()) as { message: string }).message };
        };
        const report = JSON.stringify(makeReport({ digest: digestA }));
        expect(await post([['image_digest', digestA]])).toEqual({ status: 400, message: 'report is required (the JSON ScanReport)' });
        expect(await post([['report', file(report, 'r.json')]])).toEqual({ status: 400, message: 'image_digest is required' });
        expect((await post([['image_digest', digestA], ['report', file('{"hello":1}', 'r.json')]])).message).toMatch(/not a Portcullis ScanReport/);
        expect((await post([['image_digest', digestA], ['report', file('<xml/>', 'r.json')]])).message).toMatch(/report is not JSON/);
        expect((await post([['image_digest', digestA], ['report', file(report, 'r.json')], ['sarif', file('{"version":"1.0"}', 's.sarif')]])).message).toMatch(/SARIF 2.1.0/);
      });

      it('splits tags at the tag colon, not a registry port', () => {
        expect(splitTag('localhost:5000/a/b:1')).toEqual({ repository: 'localhost:5000/a/b', tag: '1' });
        expect(splitTag('localhost:5000/a/b')).toEqual({ repository: 'localhost:5000/a/b' });
        expect(splitTag('a/b:1@sha256:abc')).toEqual({ repository: 'a/b', tag: '1' });
      });
    });

    it('load: 200 pushes from 20 concurrent clients, each retried once, stores exactly 200', async () => {
      const sink = storeSinkKind.create(target(tokens.push));
      const digest = randomDigest();
      const all = Array.from({ length: 200 }, (_, i) =>
        makePayload({
          imageDigest: digest,
          imageTag: 'registry.example/load:1',
          pipelineRun: `load-${i}`,
          report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest }))) },
        }),
      );
      const ids = new Set<string>();
      let duplicates = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: 20 }, async (_, client) => {
          for (let i = client; i < all.length; i += 20) {
            const a = await sink.push(all[i]!, { logger: createRecordingLogger() });
            const b = await sink.push(all[i]!, { logger: createRecordingLogger() });
            expect(b.id).toBe(a.id);
            ids.add(a.id);
            if (b.duplicate) duplicates++;
          }
        }),
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stderr.write(`load on ${backend.name}: 400 requests (200 pushes + 200 retries) from 20 clients in ${ms.toFixed(0)} ms\n`);
      expect(ids.size).toBe(200);
      expect(duplicates).toBe(200);
      const stored = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM evaluations WHERE image_digest = $1', [digest]);
      expect(Number(stored[0]!.n)).toBe(200);
    });

    it('a push to a stopped store is a RemoteError', async () => {
      await expect(pushCompliance({ url: 'http://127.0.0.1:1', timeoutMs: 2000 }, { check_type: 'oscap', image_digest: randomDigest() })).rejects.toBeInstanceOf(RemoteError);
    });
  });
}
