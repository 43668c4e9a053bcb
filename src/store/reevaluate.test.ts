/**
 * The re-evaluation job is split into batches (rows in `job_batches`, run here by the in-process queue as replicas
 * run them from pg-boss) that scan every stored SBOM with ONE open vulnerability database per job; what it stores
 * must be what a fresh `runScan` per image (the database opened by the scan itself, as the scan command does) gives,
 * with the same carry-over, and the job's counts the sum of its batches'. A batch failing on every attempt fails
 * its job with its error; the lease sweep leaves a job waiting for its batches alone. A real SQLite store, a real
 * database refreshed from an OSV bucket served over HTTP.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../common/logger.js';
import type { ScanReport } from '../model/index.js';
import { runScan } from '../scan/pipeline.js';
import { VulnerabilityDatabase } from '../vulndb/store.js';
import { applyCarryOver } from './carry-over.js';
import type { SqlDb } from './db.js';
import { DirectoryFileStore } from './files.js';
import { openDatabase } from './open.js';
import { PolicyStore } from './policies.js';
import { Reevaluator } from './reevaluate.js';
import { StoreRepo, type EvaluationRecord } from './repo.js';
import { summariseReport } from './server.js';
import { lodashRecord, OsvBucket, seedFromBucket, writeSbom } from './testing/bucket.js';

const OLD = lodashRecord('GHSA-0000-old0-0001', '4.17.19', { aliases: ['CVE-2019-10744'] });
const NEW = lodashRecord('GHSA-35jh-r3h4-6jhm', '4.17.21', { aliases: ['CVE-2021-23337'] });
const MINIMIST = { ...lodashRecord('GHSA-0000-mini-0001', '1.2.6', { aliases: ['CVE-2021-44906'], cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' }) };
MINIMIST.affected = [{ package: { ecosystem: 'npm', name: 'minimist' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }] }] as typeof MINIMIST.affected;
/** A store policy some images are decided by: WARN on any vulnerability of Medium or more. */
const TEAM_BUNDLE = `
id: team
name: team
version: "2_0"
rule_sets:
  - id: rs
    name: rules
    version: "2_0"
    artifact_type: image
    rules:
      - { id: vuln, gate: vulnerabilities, trigger: package, action: WARN, params: [{ name: package_type, value: all }, { name: severity_comparison, value: ">=" }, { name: severity, value: medium }] }
allowlists: []
mappings:
  - { id: all, name: all, registry: "*", repository: "*", image: { type: tag, value: "*" }, rule_set_ids: [rs], allowlist_ids: [] }
`;
const IMAGES = 7;

/** What a report says that does not depend on when or from which temp file it was made. */
function comparable(report: ScanReport): unknown {
  const { createdAt: _c, ...rest } = report;
  return { ...rest, image: { ...report.image, reference: '(sbom)' }, policy: report.policy ? { ...report.policy, evaluation_time: '(time)' } : undefined };
}

describe('re-evaluation with one shared vulnerability database', () => {
  let dir: string;
  let bucket: OsvBucket;
  let db: SqlDb;
  let repo: StoreRepo;
  let policies: PolicyStore;
  const cacheDir = () => join(dir, 'vulndb');
  const pushed: EvaluationRecord[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-reeval-unit-'));
    bucket = new OsvBucket();
    bucket.setRecords([OLD]);
    await bucket.start();
    await seedFromBucket(cacheDir(), bucket.url);
    db = await openDatabase({ dataDir: dir });
    repo = new StoreRepo(db, new DirectoryFileStore(join(dir, 'files')));
    policies = new PolicyStore(db);
    await policies.set('team', TEAM_BUNDLE);
    // Images that differ: lodash versions on both sides of the new record's fix, minimist or not, two bundles.
    for (let i = 0; i < IMAGES; i++) {
      const digest = `sha256:${String(i).repeat(64).slice(0, 64)}`;
      const packages: [string, string][] = [['lodash', `4.17.${15 + i}`], ['left-pad', '1.3.0'], ...(i % 2 ? ([['minimist', `1.2.${i}`]] as [string, string][]) : [])];
      const sbomPath = writeSbom(dir, `registry.example/team/app-${i}:${i}`, digest, packages);
      const { report } = await runScan(
        { image: `sbom:${sbomPath}`, source: {}, failOn: 'never', outputs: ['json'], vulnerabilities: { enabled: true, cacheDir: cacheDir(), offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] } },
        { env: {}, logger: silentLogger },
      );
      const summary = summariseReport(report);
      const { record } = await repo.ingestEvaluation({
        image_digest: digest,
        repository: `registry.example/team/app-${i}`,
        tag: String(i),
        decision: summary.decision,
        counts: summary.counts,
        report: { name: 'portcullis-report.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(report)) },
        sbom: { name: 'portcullis.cdx.json', contentType: 'application/json', data: readFileSync(sbomPath) },
        idempotencyKey: `push-${i}`,
        ...(i % 3 === 0 ? { bundle_id: 'team' } : {}),
        parsedReport: report,
      });
      pushed.push(record);
    }
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await db?.close();
    await bucket?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function batchesOf(jobId: string): Promise<{ seq: number; state: string; runner: string | null; attempts: number; error: string | null; counts: Record<string, number> }[]> {
    const rows = await db.query('SELECT seq, state, runner, attempts, error, counts FROM job_batches WHERE job_id = $1 ORDER BY seq', [jobId]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      state: String(r.state),
      runner: r.runner === null ? null : String(r.runner),
      attempts: Number(r.attempts),
      error: r.error === null ? null : String(r.error),
      counts: JSON.parse(String(r.counts)) as Record<string, number>,
    }));
  }

  it('opens the database once for the job over its batches, and stores for each image what a fresh runScan of its SBOM gives', async () => {
    bucket.setRecords([OLD, NEW, MINIMIST]);
    const reevaluator = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir(), dbUrl: bucket.url }, env: {}, logger: silentLogger, batchSize: 2 });
    const opened = vi.spyOn(VulnerabilityDatabase, 'open');
    const job = await reevaluator.startRefresh();
    await reevaluator.idle();
    const done = await reevaluator.getJob(job.id);
    expect(opened).toHaveBeenCalledTimes(1);
    opened.mockRestore();
    expect(done).toMatchObject({ state: 'succeeded', detail: 'data changed', counts: { images: IMAGES, reevaluated: IMAGES, failed: 0 } });
    expect(done!.counts.changed).toBeGreaterThan(0);
    // Four batches of up to two, run here; the job's counts are their sum.
    const batches = await batchesOf(job.id);
    expect(batches.map((b) => [b.seq, b.state, b.counts.images, b.attempts, b.runner])).toEqual([0, 1, 2, 3].map((seq) => [seq, 'succeeded', seq < 3 ? 2 : 1, 1, `${hostname()}:${process.pid}`]));
    for (const k of ['images', 'reevaluated', 'changed', 'failed'] as const) expect(batches.reduce((n, b) => n + b.counts[k]!, 0), k).toBe(done!.counts[k]);

    let findings = 0;
    for (const before of pushed) {
      const [latest] = await repo.listEvaluations({ image_digest: before.image_digest, limit: 1 });
      expect(latest).toMatchObject({ reason: 'data_update', previous_id: before.id, policy_name: before.image_digest.startsWith('sha256:0') || before.image_digest.startsWith('sha256:3') || before.image_digest.startsWith('sha256:6') ? 'team' : 'bundled:default' });
      const stored = JSON.parse((await repo.readFile(latest!.files.report))!.toString('utf8')) as ScanReport;
      // The expected result: the scan command's own path (the database opened by the scan), then the same carry-over.
      const bundle = await policies.resolve(before);
      const bundlePath = join(dir, `expected-${before.id}.json`);
      writeFileSync(bundlePath, bundle.content);
      const sbomPath = join(dir, `expected-${before.id}.cdx.json`);
      writeFileSync(sbomPath, (await repo.readFile(before.files.sbom!))!);
      const { report: fresh } = await runScan(
        { image: `sbom:${sbomPath}`, source: {}, policyPath: bundlePath, failOn: 'never', outputs: ['json'], vulnerabilities: { enabled: true, cacheDir: cacheDir(), offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] } },
        { env: {}, logger: silentLogger },
      );
      const previous = JSON.parse((await repo.readFile(before.files.report))!.toString('utf8')) as unknown;
      const expected = applyCarryOver(fresh, { id: before.id, created_at: before.created_at, report: previous }, { bundle: bundle.bundle, policyChange: false });
      expect(comparable(stored)).toEqual(comparable(expected));
      expect(latest!.decision).toBe(expected.decision);
      findings += stored.findings.length;
    }
    // Not a comparison of two empty results: the new data gave findings.
    expect(findings).toBeGreaterThan(IMAGES);
  });

  it('an image whose SBOM file is gone fails alone; the others of its batch are stored', async () => {
    const victim = pushed[2]!;
    await new DirectoryFileStore(join(dir, 'files')).delete(victim.files.sbom!);
    const reevaluator = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir() }, env: {}, logger: silentLogger });
    const job = await reevaluator.startPolicyChange('team');
    await reevaluator.idle();
    const done = await reevaluator.getJob(job.id);
    const team = pushed.filter((_, i) => i % 3 === 0);
    expect(done).toMatchObject({ state: 'succeeded', counts: { images: team.length, reevaluated: team.length, failed: 0 } });
    const all = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir() }, env: {}, logger: silentLogger });
    const j2 = await all.startPolicyChange('bundled:default');
    await all.idle();
    const d2 = await all.getJob(j2.id);
    expect(d2).toMatchObject({ state: 'succeeded', counts: { images: IMAGES - team.length, reevaluated: IMAGES - team.length - 1, failed: 1 } });
    const [victimLatest] = await repo.listEvaluations({ image_digest: victim.image_digest, limit: 1 });
    expect(victimLatest!.reason).toBe('data_update');
    for (const other of pushed.filter((p, i) => i % 3 !== 0 && p !== victim)) {
      const [latest] = await repo.listEvaluations({ image_digest: other.image_digest, limit: 1 });
      expect(latest!.reason).toBe('policy_change');
    }
  });

  it('a batch failing on every attempt is retried, then failed, and fails its job with its error', async () => {
    const reevaluator = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir() }, env: {}, logger: silentLogger, batchSize: 2 });
    // The database cannot be opened: each batch fails before it re-evaluates anything, on every attempt.
    const opened = vi.spyOn(VulnerabilityDatabase, 'open').mockImplementation(() => {
      throw new Error('disk gone');
    });
    const job = await reevaluator.startPolicyChange('team', { digest: 'sha256:failing', updated_at: new Date().toISOString() });
    await reevaluator.idle();
    expect(opened).toHaveBeenCalledTimes(3 * 2);
    opened.mockRestore();
    const done = await reevaluator.getJob(job.id);
    const team = pushed.filter((_, i) => i % 3 === 0).length;
    const batches = await batchesOf(job.id);
    expect(batches.length).toBe(Math.ceil(team / 2));
    expect(done!.state).toBe('failed');
    expect(done!.counts).toEqual({ images: team, reevaluated: 0, changed: 0, failed: 0 });
    for (const k of ['images', 'reevaluated', 'changed', 'failed'] as const) expect(batches.reduce((n, b) => n + b.counts[k]!, 0), k).toBe(done!.counts[k]);
    const failed = batches.filter((b) => b.state === 'failed');
    expect(failed).toHaveLength(batches.length);
    for (const b of failed) expect(b).toMatchObject({ attempts: 3, error: expect.stringMatching(/^failed after 3 attempts: cannot open the vulnerability database in .*: disk gone$/) });
    expect(done!.error).toMatch(new RegExp(`^${failed.length} of ${batches.length} batches failed; batch ${failed[0]!.seq + 1}: failed after 3 attempts: cannot open the vulnerability database in .*: disk gone$`));
    await reevaluator.close();
  });

  it('the lease sweep of another process leaves a job waiting for its batches alone, and fails the batches of a finished job', async () => {
    // Slow batches (each file read waits) and a short lease: the job waits far longer than its lease.
    const reevaluator = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir() }, env: {}, logger: silentLogger, batchSize: 1, leaseMs: 300, batchPollMs: 50 });
    const sweeper = new Reevaluator({ db, repo, policies, data: { cacheDir: cacheDir() }, env: {}, logger: silentLogger, leaseMs: 300 });
    const read = repo.readFile.bind(repo);
    const slow = vi.spyOn(repo, 'readFile').mockImplementation(async (id: string) => {
      await new Promise((r) => setTimeout(r, 200));
      return read(id);
    });
    const job = await reevaluator.startPolicyChange('team', { digest: 'sha256:slow', updated_at: new Date().toISOString() });
    let swept = 0;
    let sweeps = 0;
    for (;;) {
      const state = (await reevaluator.getJob(job.id))!.state;
      if (state === 'succeeded' || state === 'failed') break;
      swept += await sweeper.recover();
      sweeps++;
      await new Promise((r) => setTimeout(r, 100));
    }
    slow.mockRestore();
    const team = pushed.filter((_, i) => i % 3 === 0).length;
    expect(sweeps).toBeGreaterThan(5);
    expect(swept).toBe(0);
    expect(await reevaluator.getJob(job.id)).toMatchObject({ state: 'succeeded', error: null, counts: { images: team, reevaluated: team, failed: 0 } });
    expect((await batchesOf(job.id)).every((b) => b.state === 'succeeded')).toBe(true);

    // A job failed (its process stopped) with a batch still queued that nothing will run: the sweep fails the batch.
    const now = new Date().toISOString();
    await db.query(`INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at, finished_at, error) VALUES ('00000000-0000-4000-a000-00000000dead', 'reevaluate', 'policy_change', NULL, 'failed', '{}', $1, $1, 'interrupted')`, [now]);
    await db.query(`INSERT INTO job_batches (id, job_id, seq, items, state, counts, created_at) VALUES ('00000000-0000-4000-a000-0000000b0000', '00000000-0000-4000-a000-00000000dead', 0, '[]', 'queued', '{}', $1)`, [now]);
    expect(await sweeper.recover()).toBe(0);
    expect(await db.query(`SELECT state, error FROM job_batches WHERE id = '00000000-0000-4000-a000-0000000b0000'`)).toEqual([{ state: 'failed', error: 'interrupted: its job finished before the batch did' }]);
    await reevaluator.close();
    await sweeper.close();
  });
});
