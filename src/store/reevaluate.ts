/**
 * Re-evaluation: every stored image's latest SBOM is scanned again, through the same pipeline as `portcullis scan
 * sbom:FILE` (the same matcher, the same policy evaluation), with the store's vulnerability database (offline: the
 * refresh is the store's own job) and the store's bundle for the image. Each result is a new evaluation record with
 * its reason and its difference from the previous one. Jobs are recorded in `jobs`, so `GET /v2/jobs/{id}` can say
 * how far one got; one runs at a time, in order. The results of gates that need the image (its files, its
 * Dockerfile) cannot come from the SBOM: they are carried over from the evaluation re-evaluated (carry-over.ts).
 */

import { createHash, randomUUID } from 'node:crypto';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { runScan } from '../scan/pipeline.js';
import { openedDatabaseStage, openVulnerabilityData, type VulnerabilityStage } from '../scan/vulnerabilities.js';
import type { ScanConfig } from '../scan/config.js';
import { parseSbom } from '../sbom/read.js';
import type { SqlDb } from './db.js';
import { applyCarryOver, readCarryOverReport } from './carry-over.js';
import type { EvaluationReason } from './evaluation-diff.js';
import { diffIsEmpty } from './evaluation-diff.js';
import type { PolicyStore, ResolvedBundle } from './policies.js';
import { refreshVulnerabilityData, type DataRefreshOptions } from './refresh.js';
import { isoNow, type EvaluationInput, type EvaluationRecord, type StoreRepo } from './repo.js';
import { summariseReport } from './server.js';
import { LocalJobQueue } from './jobs/local.js';
import { leaseUntil, RowLease } from './jobs/lease.js';
import type { JobQueue } from './jobs/queue.js';

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
  /** Where jobs wait and run: pg-boss for a store on PostgreSQL (replicas), else the in-process queue (default). */
  queue?: JobQueue;
  /** How long a job's row is leased to the process running (or sending) it; renewed every third of it. Default 30 s. */
  leaseMs?: number;
}

/** A job id made from `parts`: every replica asking for the same work (one policy change, one scheduled refresh) gets one job. */
function jobIdOf(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
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
  readonly #jobs: JobQueue;
  readonly #leaseMs: number;
  /** The queue's worker for store jobs, registered at construction. */
  readonly #working: Promise<void>;
  readonly #ownsQueue: boolean;
  /** Jobs this process queued and has not seen finish (idle()). */
  readonly #sent = new Set<string>();
  #closed = false;
  /** The policies' bundle digests as last seen, to notice a change made by another process (`serve policy set`). */
  #known: Map<string, string> | undefined;

  constructor(readonly options: ReevaluatorOptions) {
    this.#db = options.db;
    this.#repo = options.repo;
    this.#policies = options.policies;
    this.#logger = options.logger ?? silentLogger;
    this.#env = options.env ?? process.env;
    this.#jobs = options.queue ?? new LocalJobQueue();
    this.#ownsQueue = !options.queue;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#working = this.#jobs.work('store-job', (work) => this.#run(work.id)).catch((e: unknown) => this.#logger.warning(`store: cannot take jobs: ${getErrorMessage(e)}`));
  }

  /**
   * The lease sweep, at startup and then periodically: a queued or running job whose lease expired (its process
   * stopped renewing it) and that the queue will not run or retry is failed as interrupted (start a new one). A job
   * another replica runs, or that pg-boss will retry, is left alone. Returns how many were failed.
   */
  async recover(): Promise<number> {
    const now = isoNow();
    const rows = await this.#db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $1)`, [now]);
    let failed = 0;
    for (const r of rows) {
      if (await this.#jobs.pending('store-job', String(r.id))) continue;
      const done = await this.#db.query(
        `UPDATE jobs SET state = 'failed', error = $1, finished_at = $2, locked_until = NULL
         WHERE id = $3 AND state IN ('queued', 'running') AND (locked_until IS NULL OR locked_until < $2) RETURNING id`,
        ['interrupted: the store stopped before the job finished', isoNow(), r.id],
      );
      failed += done.length;
    }
    return failed;
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /**
   * Queues a data refresh, then (when the data changed) a re-evaluation of every image. Returns the job at once.
   * `every`: a scheduled refresh (`serve --db-refresh`); replicas ticking in the same interval get one job.
   */
  async startRefresh(schedule: { every?: number } = {}): Promise<JobRecord> {
    const id = schedule.every ? jobIdOf('refresh', String(schedule.every), String(Math.floor(Date.now() / schedule.every))) : randomUUID();
    return this.#enqueue(id, 'refresh', 'data_update', null);
  }

  async #refresh(job: JobRecord): Promise<void> {
    const { changed, fingerprint } = await refreshVulnerabilityData({ ...this.options.data, env: this.#env, logger: this.#logger });
    await this.#db.query('UPDATE jobs SET detail = $1 WHERE id = $2', [changed ? 'data changed' : 'data unchanged', job.id]);
    this.#logger.info(`store: vulnerability data ${changed ? 'changed' : 'unchanged'} (${fingerprint.length > 80 ? 'refreshed' : fingerprint})`);
    if (changed) await this.#reevaluateAll(job, 'data_update');
  }

  /**
   * Queues a re-evaluation of the images the policy `name` decides (after it changed). `change`: the change seen
   * (bundle digest and time), so replicas that all notice it queue one job.
   */
  async startPolicyChange(name: string, change?: { digest: string; updated_at: string }): Promise<JobRecord> {
    const id = change ? jobIdOf('policy_change', name, change.digest, change.updated_at) : randomUUID();
    return this.#enqueue(id, 'reevaluate', 'policy_change', `policy ${name}`);
  }

  /**
   * Compares the stored policies with those last seen, and queues a policy_change re-evaluation for each new or
   * changed one. The first call only takes the snapshot. Returns the jobs started, by policy name.
   */
  async checkPolicyChanges(): Promise<Map<string, JobRecord>> {
    const policies = await this.#policies.list();
    const now = new Map(policies.map((p) => [p.name, p.bundle_digest]));
    const started = new Map<string, JobRecord>();
    const known = this.#known;
    this.#known = now;
    if (!known) return started;
    for (const [name, digest] of now) {
      const updated_at = policies.find((p) => p.name === name)!.updated_at;
      if (known.get(name) !== digest) started.set(name, await this.startPolicyChange(name, { digest, updated_at }));
    }
    return started;
  }

  /** Resolves when every job this process queued has finished, here or (pg-boss) on another replica. */
  async idle(): Promise<void> {
    await this.#working;
    for (;;) {
      await this.#jobs.idle();
      if (this.#closed || !this.#sent.size) return;
      const ids = [...this.#sent];
      const open = await this.#db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running') AND id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
      const still = new Set(open.map((r) => String(r.id)));
      for (const id of ids) if (!still.has(id)) this.#sent.delete(id);
      if (!this.#sent.size) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops taking jobs; a job running here stops at its next batch and is left to its lease (and pg-boss's retry). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#working;
    if (this.#ownsQueue) await this.#jobs.close();
    else await this.#jobs.idle();
  }

  /**
   * Records the job (`queued`, leased to this process until the queue has it) and sends it to the queue. A job
   * with this id already recorded (another replica queued the same work) is answered as it stands.
   */
  async #enqueue(id: string, kind: JobRecord['kind'], reason: EvaluationReason, detail: string | null): Promise<JobRecord> {
    const job: JobRecord = { id, kind, reason, detail, state: 'queued', counts: { ...EMPTY_COUNTS }, error: null, created_at: isoNow(), started_at: null, finished_at: null };
    const inserted = await this.#db.query(
      'INSERT INTO jobs (id, kind, reason, detail, state, counts, created_at, locked_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id',
      [job.id, kind, reason, detail, 'queued', JSON.stringify(job.counts), job.created_at, leaseUntil(this.#leaseMs)],
    );
    if (!inserted[0]) return (await this.getJob(id)) ?? job;
    this.#sent.add(job.id);
    await this.#jobs.send('store-job', { id: job.id }, { jobId: job.id });
    return job;
  }

  /**
   * Runs the job `id` for the queue: takes its lease (a queued job, or a running one whose process stopped renewing
   * it), runs it with a fresh count, and records the outcome only while still holding the lease, so a job is never
   * completed twice. A job finished already is done; one another process holds is left to it (pg-boss asks again
   * later). A re-run of a half-done re-evaluation stores nothing twice: each image's new evaluation has the key
   * `reason:job:digest`, and ingest answers a stored key with the stored evaluation.
   */
  async #run(id: string): Promise<void> {
    if (this.#closed) {
      if (this.#jobs.kind === 'local') return;
      throw new Error('the store is stopping');
    }
    const now = isoNow();
    const until = leaseUntil(this.#leaseMs);
    const claimed = await this.#db.query(
      `UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, $1), locked_until = $2, attempts = attempts + 1, counts = $3
       WHERE id = $4 AND (state = 'queued' OR (state = 'running' AND (locked_until IS NULL OR locked_until < $1))) RETURNING *`,
      [now, until, JSON.stringify(EMPTY_COUNTS), id],
    );
    if (!claimed[0]) {
      const row = await this.getJob(id);
      if (!row || row.state === 'succeeded' || row.state === 'failed') return;
      throw new Error(`job ${id} is running in another process`);
    }
    const job = toJob(claimed[0]);
    const attempt = Number(claimed[0].attempts);
    this.#logger.info(`store: job ${id} (${job.kind}) started${attempt > 1 ? ` again (attempt ${attempt}): the process running it stopped` : ''}`);
    const lease = new RowLease(this.#db, 'jobs', id, until, this.#leaseMs);
    lease.start();
    let failure: unknown;
    let ok = false;
    try {
      if (job.kind === 'refresh') await this.#refresh(job);
      else await this.#reevaluateAll(job, job.reason, job.detail?.startsWith('policy ') ? job.detail.slice('policy '.length) : undefined);
      ok = true;
    } catch (error) {
      failure = error;
    } finally {
      await lease.stop();
    }
    if (!ok && this.#closed) {
      // Stopping: the job is not a failure; its lease is given up at once, for pg-boss to run it on another replica
      // (the in-process queue's job is failed as interrupted by the next sweep, as nothing retries it).
      await this.#db.query('UPDATE jobs SET locked_until = $1 WHERE id = $2 AND locked_until = $3', [isoNow(), id, lease.until]).catch(() => undefined);
      throw failure;
    }
    if (!ok) this.#logger.warning(`store: job ${id} (${job.kind}) failed: ${getErrorMessage(failure)}`);
    const finished = await this.#db
      .query(
        ok
          ? `UPDATE jobs SET state = 'succeeded', counts = $1, finished_at = $2, locked_until = NULL WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`
          : `UPDATE jobs SET state = 'failed', counts = $1, finished_at = $2, locked_until = NULL, error = $5 WHERE id = $3 AND state = 'running' AND locked_until = $4 RETURNING id`,
        [JSON.stringify(job.counts), isoNow(), id, lease.until, ...(ok ? [] : [getErrorMessage(failure).slice(0, 2000)])],
      )
      .catch((e: unknown) => {
        this.#logger.warning(`store: job ${id}: cannot record its outcome: ${getErrorMessage(e)}`);
        return undefined;
      });
    if (!finished) return;
    if (finished[0] && ok) this.#logger.info(`store: job ${id} (${job.kind}) succeeded`);
    if (!finished[0]) this.#logger.warning(`store: job ${id} (${job.kind}) was taken over by another process before it finished here; its outcome is theirs`);
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
    // The database is opened once for the whole job (not once per image), and closed when it ends. The bundles
    // are the ones resolved above, passed to the scan already loaded; nothing is written to disk for the scans.
    const data = openVulnerabilityData(this.options.data.cacheDir, silentLogger);
    const vulnerabilities = openedDatabaseStage(data);
    try {
      for (let at = 0; at < work.length; at += BATCH) {
        const slice = work.slice(at, at + BATCH);
        if (this.#closed) throw new Error('the store is stopping');
        // A few images in flight at once, so one's file reads and writes overlap another's matching; stored in order.
        const inputs: (EvaluationInput | undefined)[] = new Array(slice.length);
        let next = 0;
        const worker = async () => {
          for (let i = next++; i < slice.length; i = next++) {
            const { ev, bundle } = slice[i]!;
            try {
              inputs[i] = await this.reevaluate(ev, bundle, { reason, key: `${job.id}:${ev.image_digest}`, vulnerabilities });
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
   * database as its vulnerability stage, the SBOM and the bundle passed in parsed, no output rendered), and returns
   * the new evaluation to store. Of the previous report only what carry-over uses is read (carry-over.ts).
   */
  async reevaluate(ev: EvaluationRecord, bundle: ResolvedBundle, at: { reason: EvaluationReason; key: string; vulnerabilities: VulnerabilityStage }): Promise<EvaluationInput> {
    const { reason, key } = at;
    if (!ev.files.sbom) throw new Error('the evaluation has no SBOM');
    const sbom = await this.#repo.readFile(ev.files.sbom);
    if (!sbom) throw new Error(`the SBOM file ${ev.files.sbom} is missing`);
    const config: ScanConfig = {
      // Names the image in the report (the SBOM's own name and tags still come first).
      image: `sbom:${ev.files.sbom}`,
      source: {},
      failOn: 'never',
      outputs: [],
      vulnerabilities: { enabled: true, cacheDir: this.options.data.cacheDir, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] },
    };
    const document = parseSbom(sbom.toString('utf8'), `the SBOM file ${ev.files.sbom}`);
    const { report: fresh } = await runScan(config, { env: this.#env, logger: silentLogger, vulnerabilities: at.vulnerabilities, sbom: document, bundle: bundle.bundle, render: false });
    // The SBOM has no file view and no Dockerfile: the results of the gates that need them come from the
    // evaluation that had the image (see carry-over.ts), never dropped to GO.
    const previousReport = await this.#repo.readFile(ev.files.report);
    if (!previousReport) throw new Error(`the report file ${ev.files.report} is missing`);
    const previous = readCarryOverReport(previousReport, `the report file ${ev.files.report}`);
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
  }
}
