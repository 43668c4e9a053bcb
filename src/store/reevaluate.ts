/**
 * Re-evaluation: every stored image's latest SBOM is scanned again, through the same pipeline as `portcullis scan
 * sbom:FILE` (the same matcher, the same policy evaluation), with the store's vulnerability database (offline: the
 * refresh is the store's own job) and the store's bundle for the image. Each result is a new evaluation record with
 * its reason and its difference from the previous one. Jobs are recorded in `jobs`, so `GET /v2/jobs/{id}` can say
 * how far one got; one runs at a time, in order. The results of gates that need the image (its files, its
 * Dockerfile) cannot come from the SBOM: they are carried over from the evaluation re-evaluated (carry-over.ts).
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { runScan } from '../scan/pipeline.js';
import { openedDatabaseStage, openVulnerabilityData, type VulnerabilityStage } from '../scan/vulnerabilities.js';
import type { ScanConfig } from '../scan/config.js';
import type { SqlDb } from './db.js';
import { applyCarryOver } from './carry-over.js';
import type { EvaluationReason } from './evaluation-diff.js';
import { diffIsEmpty } from './evaluation-diff.js';
import type { PolicyStore, ResolvedBundle } from './policies.js';
import { refreshVulnerabilityData, type DataRefreshOptions } from './refresh.js';
import { isoNow, type EvaluationInput, type EvaluationRecord, type StoreRepo } from './repo.js';
import { summariseReport } from './server.js';

export interface JobCounts {
  images: number;
  reevaluated: number;
  changed: number;
  failed: number;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  id: string;
  kind: 'refresh' | 'reevaluate';
  reason: EvaluationReason;
  detail: string | null;
  state: JobState;
  counts: JobCounts;
  /** For a refresh: whether the data changed (re-evaluation runs only then). */
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface ReevaluatorOptions {
  db: SqlDb;
  repo: StoreRepo;
  policies: PolicyStore;
  /** The store's vulnerability database, and where a refresh gets new data. */
  data: Omit<DataRefreshOptions, 'logger' | 'signal' | 'env'>;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** Re-evaluations stored per transaction (and per progress update of the job's counts). */
const BATCH = 50;
/** Images re-evaluated at once within a batch. */
const IN_FLIGHT = 4;

const EMPTY_COUNTS: JobCounts = { images: 0, reevaluated: 0, changed: 0, failed: 0 };

function toJob(r: Record<string, unknown>): JobRecord {
  return {
    id: String(r.id),
    kind: String(r.kind) as JobRecord['kind'],
    reason: String(r.reason) as EvaluationReason,
    detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
    state: String(r.state) as JobState,
    counts: JSON.parse(String(r.counts)) as JobCounts,
    error: r.error === null || r.error === undefined ? null : String(r.error),
    created_at: String(r.created_at),
    started_at: r.started_at ? String(r.started_at) : null,
    finished_at: r.finished_at ? String(r.finished_at) : null,
  };
}

export class Reevaluator {
  readonly #db: SqlDb;
  readonly #repo: StoreRepo;
  readonly #policies: PolicyStore;
  readonly #logger: Logger;
  readonly #env: NodeJS.ProcessEnv;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  /** The policies' bundle digests as last seen, to notice a change made by another process (`serve policy set`). */
  #known: Map<string, string> | undefined;

  constructor(readonly options: ReevaluatorOptions) {
    this.#db = options.db;
    this.#repo = options.repo;
    this.#policies = options.policies;
    this.#logger = options.logger ?? silentLogger;
    this.#env = options.env ?? process.env;
  }

  /** Jobs a previous process left running or queued did not finish: they are marked failed (start a new one). */
  async recover(): Promise<number> {
    const rows = await this.#db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running')`);
    for (const r of rows) {
      await this.#db.query(`UPDATE jobs SET state = 'failed', error = $1, finished_at = $2 WHERE id = $3`, ['interrupted: the store stopped before the job finished', isoNow(), r.id]);
    }
    return rows.length;
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Queues a data refresh, then (when the data changed) a re-evaluation of every image. Returns the job at once. */
  async startRefresh(): Promise<JobRecord> {
    return this.#enqueue('refresh', 'data_update', null, async (job) => {
      const { changed, fingerprint } = await refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
      await this.#db.query('UPDATE jobs SET detail = $1 WHERE id = $2', [changed ? 'data changed' : 'data unchanged', job.id]);
      this.#logger.info(`store: vulnerability data ${changed ? 'changed' : 'unchanged'} (${fingerprint.length > 80 ? 'refreshed' : fingerprint})`);
      if (changed) await this.#reevaluateAll(job, 'data_update');
    });
  }

  /** Queues a re-evaluation of the images the policy `name` decides (after it changed). */
  async startPolicyChange(name: string): Promise<JobRecord> {
    return this.#enqueue('reevaluate', 'policy_change', `policy ${name}`, (job) => this.#reevaluateAll(job, 'policy_change', name));
  }

  /**
   * Compares the stored policies with those last seen, and queues a policy_change re-evaluation for each new or
   * changed one. The first call only takes the snapshot. Returns the jobs started, by policy name.
   */
  async checkPolicyChanges(): Promise<Map<string, JobRecord>> {
    const now = new Map((await this.#policies.list()).map((p) => [p.name, p.bundle_digest]));
    const started = new Map<string, JobRecord>();
    const known = this.#known;
    this.#known = now;
    if (!known) return started;
    for (const [name, digest] of now) {
      if (known.get(name) !== digest) started.set(name, await this.startPolicyChange(name));
    }
    return started;
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    let q: Promise<void>;
    do {
      q = this.#queue;
      await q;
    } while (q !== this.#queue);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
  }

  async #enqueue(kind: JobRecord['kind'], reason: EvaluationReason, detail: string | null, run: (job: JobRecord) => Promise<void>): Promise<JobRecord> {
    const job: JobRecord = { id: randomUUID(), kind, reason, detail, state: 'queued', counts: { ...EMPTY_COUNTS }, error: null, created_at: isoNow(), started_at: null, finished_at: null };
    await this.#db.query('INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      job.id,
      kind,
      reason,
      detail,
      'queued',
      JSON.stringify(job.counts),
      job.created_at,
    ]);
    this.#queue = this.#queue.then(async () => {
      if (this.#closed) return;
      await this.#db.query(`UPDATE jobs SET state = 'running', started_at = $1 WHERE id = $2`, [isoNow(), job.id]);
      try {
        await run(job);
        await this.#db.query(`UPDATE jobs SET state = 'succeeded', counts = $1, finished_at = $2 WHERE id = $3`, [JSON.stringify(job.counts), isoNow(), job.id]);
      } catch (error) {
        this.#logger.warning(`store: job ${job.id} (${kind}) failed: ${getErrorMessage(error)}`);
        await this.#db
          .query(`UPDATE jobs SET state = 'failed', counts = $1, error = $2, finished_at = $3 WHERE id = $4`, [JSON.stringify(job.counts), getErrorMessage(error).slice(0, 2000), isoNow(), job.id])
          .catch(() => undefined);
      }
    });
    return job;
  }

  async #reevaluateAll(job: JobRecord, reason: EvaluationReason, policyName?: string): Promise<void> {
    const latest = await this.#repo.latestPerImage();
    const work: { ev: EvaluationRecord; bundle: ResolvedBundle }[] = [];
    // Many images resolve to one bundle: resolved once per (policy name, bundle id) in the job.
    const resolved = new Map<string, ResolvedBundle>();
    for (const ev of latest) {
      const key = JSON.stringify([ev.policy_name, ev.bundle_id]);
      let bundle = resolved.get(key);
      if (!bundle) resolved.set(key, (bundle = await this.#policies.resolve(ev)));
      if (policyName === undefined || bundle.name === policyName) work.push({ ev, bundle });
    }
    job.counts.images = work.length;
    await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(job.counts), job.id]);
    const dir = await mkdtemp(join(tmpdir(), 'portcullis-reeval-'));
    const bundleFiles = new Map<string, string>();
    // The database is opened once for the whole job (not once per image), and closed when it ends.
    const data = openVulnerabilityData(this.options.data.cacheDir, silentLogger);
    const vulnerabilities = openedDatabaseStage(data);
    try {
      for (let at = 0; at < work.length; at += BATCH) {
        const slice = work.slice(at, at + BATCH);
        if (this.#closed) throw new Error('the store is stopping');
        for (const { bundle } of slice) {
          if (bundleFiles.has(bundle.digest)) continue;
          const bundlePath = join(dir, `bundle-${bundleFiles.size}.json`);
          await writeFile(bundlePath, bundle.content);
          bundleFiles.set(bundle.digest, bundlePath);
        }
        // A few images in flight at once, so one's file reads and writes overlap another's matching; stored in order.
        const inputs: (EvaluationInput | undefined)[] = new Array(slice.length);
        let next = 0;
        const worker = async () => {
          for (let i = next++; i < slice.length; i = next++) {
            const { ev, bundle } = slice[i]!;
            try {
              inputs[i] = await this.reevaluate(ev, bundle, { bundlePath: bundleFiles.get(bundle.digest)!, reason, key: `${job.id}:${ev.image_digest}`, dir, vulnerabilities });
            } catch (error) {
              job.counts.failed++;
              this.#logger.warning(`store: re-evaluating ${ev.image_digest} failed: ${getErrorMessage(error)}`);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, slice.length) }, worker));
        const batch = slice.flatMap(({ ev }, i) => (inputs[i] ? [{ ev, input: inputs[i] }] : []));
        await this.#store(job, batch);
        await this.#db.query('UPDATE jobs SET counts = $1 WHERE id = $2', [JSON.stringify(job.counts), job.id]);
      }
    } finally {
      data.db?.close();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Stores a batch of new evaluations in one transaction; when that fails, each on its own (one bad row fails alone). */
  async #store(job: JobRecord, batch: { ev: EvaluationRecord; input: EvaluationInput }[]): Promise<void> {
    if (!batch.length) return;
    let records: { record: EvaluationRecord }[] | undefined;
    try {
      records = await this.#repo.ingestEvaluations(batch.map((b) => b.input));
    } catch (error) {
      this.#logger.warning(`store: storing ${batch.length} re-evaluations together failed (${getErrorMessage(error)}); storing them one by one`);
    }
    for (const [i, { ev, input }] of batch.entries()) {
      try {
        const record = records?.[i]?.record ?? (await this.#repo.ingestEvaluation(input)).record;
        job.counts.reevaluated++;
        if (record.diff && !diffIsEmpty(record.diff)) job.counts.changed++;
      } catch (error) {
        job.counts.failed++;
        this.#logger.warning(`store: re-evaluating ${ev.image_digest} failed: ${getErrorMessage(error)}`);
      }
    }
  }

  /**
   * Scans the evaluation's SBOM again with today's data and `bundle` (the scan pipeline, with the job's open
   * database as its vulnerability stage), and returns the new evaluation to store.
   */
  async reevaluate(ev: EvaluationRecord, bundle: ResolvedBundle, at: { bundlePath: string; reason: EvaluationReason; key: string; dir: string; vulnerabilities: VulnerabilityStage }): Promise<EvaluationInput> {
    const { bundlePath, reason, key, dir } = at;
    if (!ev.files.sbom) throw new Error('the evaluation has no SBOM');
    const sbom = await this.#repo.readFile(ev.files.sbom);
    if (!sbom) throw new Error(`the SBOM file ${ev.files.sbom} is missing`);
    const sbomPath = join(dir, `${randomUUID()}.json`);
    await writeFile(sbomPath, sbom);
    try {
      const config: ScanConfig = {
        image: `sbom:${sbomPath}`,
        source: {},
        policyPath: bundlePath,
        failOn: 'never',
        outputs: ['json'],
        vulnerabilities: { enabled: true, cacheDir: this.options.data.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
      };
      const { report: fresh } = await runScan(config, { env: this.#env, logger: silentLogger, cwd: dir, vulnerabilities: at.vulnerabilities });
      // The SBOM has no file view and no Dockerfile: the results of the gates that need them come from the
      // evaluation that had the image (see carry-over.ts), never dropped to GO.
      const previousReport = await this.#repo.readFile(ev.files.report);
      if (!previousReport) throw new Error(`the report file ${ev.files.report} is missing`);
      let previous: unknown;
      try {
        previous = JSON.parse(previousReport.toString('utf8'));
      } catch (error) {
        throw new Error(`the report file ${ev.files.report} is not JSON: ${getErrorMessage(error)}`, { cause: error });
      }
      const report = applyCarryOver(fresh, { id: ev.id, created_at: ev.created_at, report: previous }, { bundle: bundle.bundle, policyChange: reason === 'policy_change' });
      const summary = summariseReport(report);
      const data = Buffer.from(JSON.stringify(report));
      return {
        image_digest: ev.image_digest,
        ...(ev.repository ? { repository: ev.repository } : {}),
        ...(ev.tag ? { tag: ev.tag } : {}),
        ...(ev.commit ? { commit: ev.commit } : {}),
        ...(ev.pipeline_run ? { pipeline_run: ev.pipeline_run } : {}),
        decision: summary.decision,
        counts: summary.counts,
        report: { name: 'portcullis-report.json', contentType: 'application/json', data },
        sbomFileId: ev.files.sbom,
        idempotencyKey: `${reason}:${key}`,
        reason,
        policy_name: bundle.name,
        ...(report.policy?.bundle_id ? { bundle_id: report.policy.bundle_id } : {}),
        bundle_digest: bundle.digest,
        parsedReport: report,
      };
    } finally {
      await rm(sbomPath, { force: true });
    }
  }
}
