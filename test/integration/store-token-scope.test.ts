/**
 * Tokens scoped to repository globs (issue 19 §4): over the real store, on SQLite and on a real PostgreSQL, team A's
 * token pushes through the real clients (the store sink, the compliance client) only for team A's repositories,
 * lists only team A's images, and gets the same 404 for team B's image (and for an untagged one) as for one that
 * does not exist; an unscoped read token sees everything.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import { pushCompliance, type RuntimeComplianceCheck } from '../../src/publish/compliance.js';
import type { HttpTarget } from '../../src/publish/http.js';
import { makePayload, type EvaluationPayload } from '../../src/publish/sink.js';
import { storeSinkKind } from '../../src/publish/store-sink.js';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import type { EvaluationRecord } from '../../src/store/repo.js';
import { buildStoreServer } from '../../src/store/server.js';
import { listenStore, SQL_BACKENDS, stopPostgres } from '../../src/store/testing/bucket.js';
import { makeReport, randomDigest, SBOM } from '../../src/store/testing/fixtures.js';
import { createToken } from '../../src/store/tokens.js';
import { describeUnless } from '../helpers/skip.js';

const A_GLOB = 'registry.example/team-a/*';
const B_GLOB = 'registry.example/team-b/*';

afterAll(() => stopPostgres());

for (const backend of SQL_BACKENDS) {
  describeUnless(backend.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `tokens scoped to repositories (${backend.name})`, () => {
    let dir: string;
    let db: SqlDb;
    let app: FastifyInstance;
    let url: string;
    const tokens = { teamA: '', teamB: '', reader: '', pusher: '' };
    const digest = { a: randomDigest(), a2: randomDigest(), b: randomDigest(), untagged: randomDigest(), unknown: randomDigest() };
    const ids = { a: '', b: '', untagged: '' };
    const checks: Record<'a' | 'b', RuntimeComplianceCheck> = {} as Record<'a' | 'b', RuntimeComplianceCheck>;

    const target = (token: string): HttpTarget => ({ url, auth: { kind: 'bearer', token }, retries: 0 });
    const get = async (path: string, token: string) => {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text };
    };
    const payload = (d: string, imageTag: string | undefined, run: string): EvaluationPayload =>
      makePayload({
        imageDigest: d,
        ...(imageTag ? { imageTag } : {}),
        commit: 'b'.repeat(40),
        pipelineRun: run,
        report: { name: 'report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(makeReport({ digest: d, ...(imageTag ? { repoTag: imageTag } : {}) }))) },
        sbom: { name: 'sbom.cdx.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(SBOM)) },
      });
    const push = async (token: string, p: EvaluationPayload) => storeSinkKind.create(target(token)).push(p, { logger: createRecordingLogger() });
    const repositories = (list: unknown) => (list as EvaluationRecord[]).map((e) => e.repository);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-token-scope-it-'));
      db = await openDatabase({ dataDir: dir, database: await backend.database(dir) });
      tokens.teamA = (await createToken(db, 'team-a-ci', ['push', 'read'], [A_GLOB])).token;
      tokens.teamB = (await createToken(db, 'team-b-ci', ['push', 'read'], [B_GLOB])).token;
      tokens.reader = (await createToken(db, 'security', ['read'])).token;
      tokens.pusher = (await createToken(db, 'platform', ['push'])).token;
      app = await buildStoreServer({ db, files: new DirectoryFileStore(join(dir, 'files')), env: {}, notifications: false, watch: false });
      url = await listenStore(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('each team pushes its own images (evaluations with SBOMs, compliance checks); an unscoped push token pushes an untagged one', async () => {
      ids.a = (await push(tokens.teamA, payload(digest.a, 'registry.example/team-a/app:1', 'a-1'))).id;
      ids.b = (await push(tokens.teamB, payload(digest.b, 'registry.example/team-b/app:1', 'b-1'))).id;
      ids.untagged = (await push(tokens.pusher, payload(digest.untagged, undefined, 'u-1'))).id;
      checks.a = (await pushCompliance(target(tokens.teamA), { check_type: 'oscap', image_digest: digest.a, image_tag: 'registry.example/team-a/app:1', result: 'pass' }, { result_file: { name: 'results.xml', contentType: 'application/xml', data: Buffer.from('<a/>') } }, { api: 'v2' })).check;
      checks.b = (await pushCompliance(target(tokens.teamB), { check_type: 'oscap', image_digest: digest.b, image_tag: 'registry.example/team-b/app:1', result: 'fail' }, { result_file: { name: 'results.xml', contentType: 'application/xml', data: Buffer.from('<b/>') } }, { api: 'v2' })).check;
      expect(Object.values(ids).every(Boolean)).toBe(true);
    });

    it("team A's token cannot push team B's image, nor one with no repository: 403 naming the repository and the token's globs", async () => {
      await expect(push(tokens.teamA, payload(digest.b, 'registry.example/team-b/app:2', 'a-2'))).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(new RegExp(`: HTTP 403: this token pushes only to repositories matching registry\\.example/team-a/\\*; this evaluation is for "registry\\.example/team-b/app"$`)),
      });
      await expect(push(tokens.teamA, payload(randomDigest(), undefined, 'a-3'))).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/HTTP 403: this token pushes only to repositories matching registry\.example\/team-a\/\*; this evaluation names no repository \(give image_tag\)$/),
      });
      await expect(pushCompliance(target(tokens.teamA), { check_type: 'oscap', image_digest: digest.b, image_tag: 'registry.example/team-b/app:1', result: 'pass' }, {}, { api: 'v2' })).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/this token pushes only to repositories matching registry\.example\/team-a\/\*; this compliance check is for "registry\.example\/team-b\/app"$/),
      });
      // A look-alike repository is not team A's: the glob is anchored.
      await expect(push(tokens.teamA, payload(randomDigest(), 'evil.example/registry.example/team-a/app:1', 'a-4'))).rejects.toMatchObject({ status: 403 });
      // Replaying team B's idempotency key under team A's repository gives nothing of B's back.
      const replay = { ...payload(digest.a2, 'registry.example/team-a/app:2', 'a-5'), idempotencyKey: payload(digest.b, 'registry.example/team-b/app:1', 'b-1').idempotencyKey };
      await expect(push(tokens.teamA, replay)).rejects.toMatchObject({ status: 409 });
      // Nothing of those reached the store.
      const all = await get('/v2/evaluations', tokens.reader);
      expect((all.json as EvaluationRecord[]).map((e) => e.pipeline_run).sort()).toEqual(['a-1', 'b-1', 'u-1']);
    });

    it("team A's lists show only team A's images, however they are asked for", async () => {
      expect(repositories((await get('/v2/evaluations', tokens.teamA)).json)).toEqual(['registry.example/team-a/app']);
      expect(repositories((await get('/v2/evaluations/latest', tokens.teamA)).json)).toEqual(['registry.example/team-a/app']);
      expect((await get('/v2/evaluations?repository=registry.example/team-b/app', tokens.teamA)).json).toEqual([]);
      expect((await get(`/v2/evaluations?image_digest=${digest.b}`, tokens.teamA)).json).toEqual([]);
      expect((await get(`/v2/evaluations?image_digest=${digest.untagged}`, tokens.teamA)).json).toEqual([]);
      // The newest evaluation is team B's; a limit of one still gives team A's.
      const limited = (await get('/v2/evaluations?limit=1', tokens.teamA)).json as EvaluationRecord[];
      expect(limited.map((e) => e.id)).toEqual([ids.a]);
      expect(repositories((await get('/v2/evaluations', tokens.teamB)).json)).toEqual(['registry.example/team-b/app']);
      const compliance = await get('/v2/runtime-compliance', tokens.teamA);
      expect((compliance.json as RuntimeComplianceCheck[]).map((c) => c.image_tag)).toEqual(['registry.example/team-a/app:1']);
      // Anchore's answer for "none": the same 404 as for a digest nobody pushed.
      const foreign = await get(`/v2/runtime-compliance?image_digest=${digest.b}`, tokens.teamA);
      const none = await get(`/v2/runtime-compliance?image_digest=${digest.unknown}`, tokens.teamA);
      expect(foreign.status).toBe(404);
      expect(foreign.json).toEqual(none.json);
    });

    it("team A's direct reads of team B's image (and of an untagged one) are 404, exactly as for what does not exist", async () => {
      const unknownImage = await get(`/v2/images/${digest.unknown}/evaluations`, tokens.teamA);
      expect(unknownImage.status).toBe(404);
      for (const d of [digest.b, digest.untagged]) {
        const r = await get(`/v2/images/${d}/evaluations`, tokens.teamA);
        expect(r.status).toBe(404);
        expect(r.json).toEqual(unknownImage.json);
      }
      const unknownId = await get('/v2/evaluations/00000000-0000-4000-8000-000000000000', tokens.teamA);
      expect(unknownId.status).toBe(404);
      for (const id of [ids.b, ids.untagged]) {
        for (const path of [`/v2/evaluations/${id}`, `/v2/evaluations/${id}?embed=true`]) {
          const r = await get(path, tokens.teamA);
          expect(r.status).toBe(404);
          expect(r.json).toEqual(unknownId.json);
        }
        for (const kind of ['report', 'sbom']) {
          const r = await get(`/v2/evaluations/${id}/files/${kind}`, tokens.teamA);
          expect(r.status).toBe(404);
          expect(r.json).toEqual({ code: 404, message: `No ${kind} for this evaluation` });
        }
      }
      expect((await get(`/v2/runtime-compliance/${checks.b.id}`, tokens.teamA)).status).toBe(404);
      const resultFile = checks.b.compliance_file_ids?.result_file;
      expect(resultFile).toBeTruthy();
      const r = await get(`/v2/runtime-compliance/result/${resultFile}`, tokens.teamA);
      expect(r.status).toBe(404);
      expect(r.json).toEqual((await get('/v2/runtime-compliance/result/00000000-0000-4000-8000-000000000000', tokens.teamA)).json);
      // Its own image, read the same ways, is there.
      expect(((await get(`/v2/images/${digest.a}/evaluations`, tokens.teamA)).json as EvaluationRecord[]).map((e) => e.id)).toEqual([ids.a]);
      expect((await get(`/v2/evaluations/${ids.a}?embed=true`, tokens.teamA)).json).toMatchObject({ id: ids.a, sbom: SBOM });
      expect((await get(`/v2/evaluations/${ids.a}/files/report`, tokens.teamA)).status).toBe(200);
      expect((await get(`/v2/runtime-compliance/${checks.a.id}`, tokens.teamA)).status).toBe(200);
      expect((await get(`/v2/runtime-compliance/result/${checks.a.compliance_file_ids!.result_file}`, tokens.teamA)).text).toBe('<a/>');
    });

    it('an unscoped read token sees both teams and the untagged image', async () => {
      expect(repositories((await get('/v2/evaluations', tokens.reader)).json).sort()).toEqual([null, 'registry.example/team-a/app', 'registry.example/team-b/app']);
      expect((await get('/v2/evaluations/latest', tokens.reader)).json).toHaveLength(3);
      for (const [d, id] of [[digest.a, ids.a], [digest.b, ids.b], [digest.untagged, ids.untagged]] as const) {
        expect(((await get(`/v2/images/${d}/evaluations`, tokens.reader)).json as EvaluationRecord[]).map((e) => e.id)).toEqual([id]);
        expect((await get(`/v2/evaluations/${id}/files/sbom`, tokens.reader)).status).toBe(200);
      }
      expect(((await get('/v2/runtime-compliance', tokens.reader)).json as RuntimeComplianceCheck[]).map((c) => c.image_tag).sort()).toEqual([
        'registry.example/team-a/app:1',
        'registry.example/team-b/app:1',
      ]);
      expect((await get(`/v2/runtime-compliance/result/${checks.b.compliance_file_ids!.result_file}`, tokens.reader)).text).toBe('<b/>');
      // An image nobody pushed is still an empty list for an unscoped token, as before.
      expect((await get(`/v2/images/${digest.unknown}/evaluations`, tokens.reader)).json).toEqual([]);
    });
  });
}
