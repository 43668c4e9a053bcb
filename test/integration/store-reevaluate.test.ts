/**
 * The store keeps results current: a pipeline pushes (through the real client) an evaluation of an SBOM; the
 * store's vulnerability data is refreshed from an OSV bucket over HTTP that gained a record, and a bundle is
 * replaced; each time the store re-matches and re-evaluates the stored SBOM through the scan pipeline and records a
 * new evaluation with its reason and difference. On SQLite and on a real PostgreSQL.
 */

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { openDatabase } from '../../src/store/open.js';
import { buildStoreServer } from '../../src/store/server.js';
import { createToken } from '../../src/store/tokens.js';
import type { EvaluationRecord } from '../../src/store/repo.js';
import { listenStore, lodashRecord, OsvBucket, scanAndPush, seedFromBucket, SQL_BACKENDS, stopPostgres, waitFor, writeSbom } from '../../src/store/testing/bucket.js';
import { BUNDLED_POLICIES } from '../../src/policy/bundled.js';
import { describeUnless } from '../helpers/skip.js';
import { runScan } from '../../src/scan/pipeline.js';
import { silentLogger } from '../../src/common/logger.js';
import type { ScanReport } from '../../src/model/index.js';

const DIGEST_A = `sha256:${'a1'.repeat(32)}`;
const DIGEST_B = `sha256:${'b2'.repeat(32)}`;
const DIGEST_C = `sha256:${'c3'.repeat(32)}`;
const DEMO_DOCKERFILE = join(import.meta.dirname, '../../examples/demo.Dockerfile');
/** STOP on an exposed port 22 (the demo Dockerfile's EXPOSE 22), WARN on high vulnerabilities and on no Dockerfile. */
const EXPOSE_22_BUNDLE = `
id: expose-22
name: STOP on an exposed ssh port
version: "2_0"
rule_sets:
  - id: rs
    name: rules
    version: "2_0"
    artifact_type: image
    rules:
      - { id: ssh, gate: dockerfile, trigger: exposed_ports, action: STOP, params: [{ name: ports, value: "22" }, { name: type, value: denylist }] }
      - { id: nodf, gate: dockerfile, trigger: no_dockerfile_provided, action: WARN, params: [] }
      - { id: high, gate: vulnerabilities, trigger: package, action: WARN, params: [{ name: package_type, value: all }, { name: severity_comparison, value: ">=" }, { name: severity, value: high }] }
allowlists: []
mappings:
  - { id: all, name: all, registry: "*", repository: "*", image: { type: tag, value: "*" }, rule_set_ids: [rs], allowlist_ids: [] }
`;
const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19', { aliases: ['CVE-2019-10744'] });
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });

afterAll(() => stopPostgres());

for (const backend of SQL_BACKENDS) {
  describeUnless(backend.available ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)', `re-evaluation (${backend.name})`, () => {
    let dir: string;
    let bucket: OsvBucket;
    let db: SqlDb;
    let app: FastifyInstance;
    let url: string;
    let database: string;
    const tokens = { push: '', read: '', admin: '' };
    const storeCache = () => join(dir, 'store-vulndb');

    const api = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': typeof body === 'string' ? 'application/yaml' : 'application/json' } : {}) },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
    };
    const job = async (id: string) =>
      waitFor(`job ${id}`, async () => {
        const j = (await api('GET', `/v2/jobs/${id}`, tokens.read)).json as { state: string };
        return j.state === 'succeeded' || j.state === 'failed' ? (j as unknown as { state: string; counts: Record<string, number>; detail: string | null; error: string | null }) : undefined;
      });
    const history = async (digest: string) => (await api('GET', `/v2/images/${digest}/evaluations`, tokens.read)).json as unknown as EvaluationRecord[];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'portcullis-reeval-it-'));
      bucket = new OsvBucket();
      bucket.setRecords([OLD]);
      await bucket.start();
      // The pipeline's own database, seeded once; the store's, seeded the way `db update --db-url` does.
      await seedFromBucket(join(dir, 'ci-vulndb'), bucket.url);
      cpSync(join(dir, 'ci-vulndb'), storeCache(), { recursive: true });
      database = await backend.database(dir);
      db = await openDatabase({ dataDir: dir, database });
      tokens.push = (await createToken(db, 'ci', ['push'])).token;
      tokens.read = (await createToken(db, 'reader', ['read'])).token;
      tokens.admin = (await createToken(db, 'ops', ['admin'])).token;
      app = await buildStoreServer({ db, files: new DirectoryFileStore(join(dir, 'files')), data: { cacheDir: storeCache(), dbUrl: bucket.url }, env: {}, notifications: false });
      url = await listenStore(app);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      await bucket?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('records the pushed evaluation with reason push, its bundle id and its difference from nothing', async () => {
      const report = await scanAndPush(writeSbom(dir, 'registry.example/team/app:1', DIGEST_A, [['lodash', '4.17.20'], ['left-pad', '1.3.0']]), {
        store: url,
        token: tokens.push,
        cacheDir: join(dir, 'ci-vulndb'),
        spoolDir: join(dir, 'spool'),
      });
      expect(report.findings).toEqual([]);
      const [ev] = await history(DIGEST_A);
      expect(ev).toMatchObject({ reason: 'push', repository: 'registry.example/team/app', tag: '1', bundle_id: (BUNDLED_POLICIES.default as { id: string }).id, bundle_digest: null, previous_id: null });
      expect(ev!.diff!.decision).toEqual({ before: null, after: report.decision });
      expect(ev!.diff!.vulnerabilities).toEqual({ added: [], removed: [] });
    });

    it('an admin refresh whose data did not change re-evaluates nothing', async () => {
      expect((await api('POST', '/v2/admin/refresh', tokens.read)).status).toBe(403);
      const started = await api('POST', '/v2/admin/refresh', tokens.admin);
      expect(started.status).toBe(202);
      const done = await job(String(started.json!.id));
      expect(done).toMatchObject({ state: 'succeeded', detail: 'data unchanged', counts: { images: 0, reevaluated: 0, changed: 0, failed: 0 } });
      expect(await history(DIGEST_A)).toHaveLength(1);
    });

    it('a refresh that brings a new record re-evaluates the stored SBOM: data_update, the new vulnerability (the CVE, with the GHSA as alias), → STOP', async () => {
      const before = (await history(DIGEST_A))[0]!;
      bucket.setRecords([OLD, NEW]);
      const started = await api('POST', '/v2/admin/refresh', tokens.admin);
      expect(started.status).toBe(202);
      const done = await job(String(started.json!.id));
      expect(done).toMatchObject({ state: 'succeeded', detail: 'data changed', counts: { images: 1, reevaluated: 1, changed: 1, failed: 0 } });
      const [latest, pushed] = await history(DIGEST_A);
      expect(pushed!.id).toBe(before.id);
      expect(latest).toMatchObject({ reason: 'data_update', decision: 'STOP', previous_id: before.id, policy_name: 'bundled:default', repository: 'registry.example/team/app', tag: '1' });
      expect(latest!.bundle_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(latest!.files.sbom).toBe(before.files.sbom);
      expect(latest!.diff!.decision).toEqual({ before: before.decision, after: 'STOP' });
      expect(latest!.diff!.vulnerabilities.added).toEqual([{ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], package: 'lodash@4.17.20', severity: 'Critical' }]);
      expect(latest!.diff!.vulnerabilities.removed).toEqual([]);
      expect(latest!.diff!.triggers.added.map((t) => t.action)).toContain('stop');
      // The stored report is the scan pipeline's own report of the SBOM with the store's data.
      const report = (await (await fetch(`${url}/v2/evaluations/${latest!.id}/files/report`, { headers: { authorization: `Bearer ${tokens.read}` } })).json()) as { findings: { id: string }[]; decision: string };
      expect(report.findings.map((f) => f.id)).toEqual(['CVE-2021-23337']);
    });

    it('a second image pushed later is re-evaluated too, and a bundle change re-evaluates with reason policy_change', async () => {
      await scanAndPush(writeSbom(dir, 'registry.example/team/api:2', DIGEST_B, [['express', '4.0.0']]), { store: url, token: tokens.push, cacheDir: join(dir, 'ci-vulndb'), spoolDir: join(dir, 'spool') });
      // The store's `default` policy: the bundled one, with the high-severity rule turned from STOP into WARN.
      const bundle = structuredClone(BUNDLED_POLICIES.default) as { id: string; policies: { rules: { action: string; gate: string; params?: { name: string; value: string }[] }[] }[] };
      for (const r of bundle.policies[0]!.rules) if (r.gate === 'vulnerabilities' && r.action === 'STOP') r.action = 'WARN';
      expect((await api('PUT', '/v2/policies/default', tokens.push, bundle)).status).toBe(403);
      expect((await api('PUT', '/v2/policies/default', tokens.admin, { nonsense: true })).status).toBe(400);
      const put = await api('PUT', '/v2/policies/default', tokens.admin, bundle);
      expect(put.status).toBe(200);
      expect(put.json).toMatchObject({ name: 'default', changed: true, bundle_id: bundle.id });
      const done = await job(String((put.json!.job as { id: string }).id));
      expect(done).toMatchObject({ state: 'succeeded', counts: { images: 2, reevaluated: 2, failed: 0 } });
      const [latest, dataUpdate] = await history(DIGEST_A);
      expect(latest).toMatchObject({ reason: 'policy_change', policy_name: 'default', bundle_digest: put.json!.bundle_digest, previous_id: dataUpdate!.id });
      expect(latest!.diff!.decision).toEqual({ before: 'STOP', after: 'WARN' });
      expect(latest!.diff!.vulnerabilities).toEqual({ added: [], removed: [] });
      expect(latest!.diff!.triggers.removed.some((t) => t.action === 'stop')).toBe(true);
      expect(latest!.diff!.triggers.added.some((t) => t.action === 'warn')).toBe(true);
      expect((await history(DIGEST_B))[0]).toMatchObject({ reason: 'policy_change', policy_name: 'default' });
      // Putting the same bundle again changes nothing and starts nothing.
      const again = await api('PUT', '/v2/policies/default', tokens.admin, bundle);
      expect(again.json).toMatchObject({ changed: false });
      expect(again.json!.job).toBeUndefined();
    });

    it('a bundle changed by another process (serve policy set) is noticed and re-evaluated', async () => {
      const other = await openDatabase({ dataDir: dir, database });
      try {
        const { PolicyStore } = await import('../../src/store/policies.js');
        await new PolicyStore(other).set('default', JSON.stringify(BUNDLED_POLICIES.default));
      } finally {
        await other.close();
      }
      const { storeServices } = await import('../../src/store/server.js');
      await storeServices(app).reevaluator.checkPolicyChanges();
      await storeServices(app).reevaluator.idle();
      const [latest] = await history(DIGEST_A);
      expect(latest).toMatchObject({ reason: 'policy_change', decision: 'STOP' });
      expect(latest!.diff!.decision).toEqual({ before: 'WARN', after: 'STOP' });
    });

    it('an image pushed with a Dockerfile STOP (exposed port 22) still STOPs on it after a data refresh: carried over, not listed as removed', async () => {
      // The store policy named as the pushed bundle's id decides the image's re-evaluations (no image is decided by it yet).
      const put = await api('PUT', '/v2/policies/expose-22', tokens.admin, EXPOSE_22_BUNDLE);
      expect(put.status).toBe(200);
      if (put.json!.job) await job(String((put.json!.job as { id: string }).id));
      const bundlePath = join(dir, 'expose-22.yaml');
      writeFileSync(bundlePath, EXPOSE_22_BUNDLE);
      // The pipeline: the SBOM with its Dockerfile and bundle, pushed through the real client.
      const result = await runScan(
        {
          image: `sbom:${writeSbom(dir, 'registry.example/team/ssh:1', DIGEST_C, [['lodash', '4.17.20']])}`,
          source: {},
          dockerfilePath: DEMO_DOCKERFILE,
          policyPath: bundlePath,
          failOn: 'never',
          outputs: ['json'],
          vulnerabilities: { enabled: true, cacheDir: join(dir, 'ci-vulndb'), offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
          store: { target: { url, auth: { kind: 'bearer', token: tokens.push }, retries: 0 }, spoolDir: join(dir, 'spool'), failOnError: true },
        },
        { env: {}, logger: silentLogger },
      );
      expect(result.store?.status).toBe('pushed');
      expect(result.report.decision).toBe('STOP');
      const ssh = result.report.policy!.findings.filter((f) => f.gate === 'dockerfile');
      expect(ssh.map((f) => [f.trigger, f.action])).toEqual([['exposed_ports', 'stop']]);
      const [pushed] = await history(DIGEST_C);
      expect(pushed).toMatchObject({ reason: 'push', decision: 'STOP', bundle_id: 'expose-22' });

      // New data: a record that lodash@4.17.20 is affected by (WARN under this bundle).
      bucket.setRecords([OLD, NEW, lodashRecord('GHSA-0000-new0-0003', '4.17.22', { aliases: ['CVE-2026-0003'] })]);
      const done = await job(String((await api('POST', '/v2/admin/refresh', tokens.admin)).json!.id));
      expect(done).toMatchObject({ state: 'succeeded', detail: 'data changed', counts: { failed: 0 } });
      const [latest] = await history(DIGEST_C);
      expect(latest).toMatchObject({ reason: 'data_update', decision: 'STOP', policy_name: 'expose-22', previous_id: pushed!.id });
      expect(latest!.diff!.decision).toEqual({ before: 'STOP', after: 'STOP' });
      expect(latest!.diff!.vulnerabilities.added.map((v) => v.id)).toContain('CVE-2026-0003');
      expect(latest!.diff!.triggers.removed).toEqual([]);
      expect(latest!.diff!.triggers.added.every((t) => t.key.startsWith('vulnerabilities/'))).toBe(true);
      // The stored report: the trigger as pushed, marked carried over; no "no Dockerfile" trigger from the SBOM.
      const report = (await (await fetch(`${url}/v2/evaluations/${latest!.id}/files/report`, { headers: { authorization: `Bearer ${tokens.read}` } })).json()) as ScanReport;
      const carried = report.policy!.findings.filter((f) => f.gate === 'dockerfile');
      expect(carried).toEqual([{ ...ssh[0], carried_over: { evaluation_id: pushed!.id, evaluated_at: result.report.createdAt } }]);
      expect(report.policy!.evaluation_problems.some((p) => p.problem_type === 'carried_over')).toBe(true);
      expect(report.decision).toBe('STOP');
    });

    it('jobs and evaluations answer 404 and 400 clearly', async () => {
      expect((await api('GET', '/v2/jobs/00000000-0000-4000-8000-000000000000', tokens.read)).status).toBe(404);
      expect((await api('GET', '/v2/images/not-a-digest/evaluations', tokens.read)).json).toMatchObject({ code: 400 });
      expect((await api('PUT', '/v2/policies/..bad', tokens.admin, {})).status).toBe(400);
    });
  });
}

