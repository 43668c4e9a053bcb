export const id = 599;
export const ids = [599];
export const modules = {

/***/ 3599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PgBossJobQueue: () => (/* binding */ PgBossJobQueue)
});

// UNUSED EXPORTS: PG_STORE_MIN_NODE, checkNodeForPostgresStore, nodeRunsPostgresStore

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/logger.ts
var common_logger = __webpack_require__(49353);
;// CONCATENATED MODULE: ./src/store/jobs/queue.ts
/**
 * The store's background work as jobs on a queue: data refreshes and re-evaluations (`store-job`), the batches a
 * re-evaluation is split into (`store-batch`, run by whichever replica takes each), watch polls (`watch-poll`) and
 * notification deliveries (`notify-deliver`). The queue only triggers and schedules the work; the
 * rows the work is about stay the truth and the guard against doing it twice: a `jobs` row, a watch and an outbox
 * row are each leased (`locked_until`) by the process working on it, and a lease that was not renewed expires.
 *
 * Two implementations, chosen explicitly by the store (open-queue.ts), none loaded by an import's side effect:
 * - `local` (local.ts): in the process, for the embedded store (SQLite, one process). What it holds is lost when
 *   the process stops, so a job it held is failed as interrupted once its lease expires (nothing retries it).
 * - `pg-boss` (pg-boss.ts): jobs in the store's PostgreSQL, for several `serve` replicas. Each job runs on one
 *   replica; a job whose replica died (its heartbeat stopped) is retried on another one.
 */
const QUEUE_NAMES = ['store-job', 'store-batch', 'watch-poll', 'notify-deliver'];

;// CONCATENATED MODULE: ./src/store/jobs/pg-boss.ts
/**
 * The queue of a store on PostgreSQL: pg-boss (a job queue in the same database, so no new server), for several
 * `serve` replicas. Each job is fetched by one replica; while it runs, pg-boss's heartbeat says the replica is alive,
 * and a job whose heartbeat stopped (the replica was killed) is retried on another replica. pg-boss is loaded only
 * here, with a dynamic import, and only after the Node.js version check (pg-boss 12 needs Node.js 22.12).
 */



/** The Node.js that pg-boss 12 (the queue of a store on PostgreSQL) declares it needs. */
const PG_STORE_MIN_NODE = '22.12.0';
function atLeast(version, min) {
    const a = version.replace(/^v/, '').split('.').map(Number);
    const b = min.split('.').map(Number);
    for (let i = 0; i < 3; i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
}
/** Whether this Node.js (or `version`) runs a store on PostgreSQL. */
function nodeRunsPostgresStore(version = process.versions.node) {
    return atLeast(version, PG_STORE_MIN_NODE);
}
/** A store on PostgreSQL refuses to start on an older Node.js: one line naming both versions. */
function checkNodeForPostgresStore(version = process.versions.node) {
    if (!nodeRunsPostgresStore(version)) {
        throw new errors/* ConfigurationError */.j1(`a store on PostgreSQL needs Node.js ${PG_STORE_MIN_NODE} or newer (its job queue, pg-boss 12, does); this is Node.js ${version.replace(/^v/, '')} (a SQLite store runs on it)`);
    }
}
/**
 * Jobs running at once per replica: one of each, as in the embedded store (the github_issue channel finds or opens
 * one issue per image, which two concurrent deliveries of one subscription would both open; a re-evaluation's
 * batches spread over the replicas, one at a time on each, as a batch is CPU-bound and keeps a few images in flight). Across replicas a
 * subscription's deliveries are grouped (groupConcurrency 1).
 */
const CONCURRENCY = { 'store-job': 1, 'store-batch': 1, 'watch-poll': 1, 'notify-deliver': 1 };
class PgBossJobQueue {
    boss;
    options;
    kind = 'pg-boss';
    #running = new Set();
    #closed = false;
    constructor(boss, options) {
        this.boss = boss;
        this.options = options;
    }
    static async open(options) {
        checkNodeForPostgresStore();
        const logger = options.logger ?? common_logger/* silentLogger */.qq;
        const { PgBoss } = await __webpack_require__.e(/* import() */ 233).then(__webpack_require__.bind(__webpack_require__, 85233));
        const supervise = options.superviseSeconds ?? 10;
        const boss = new PgBoss({
            connectionString: options.connectionString,
            schema: 'pgboss',
            max: 4,
            application_name: 'portcullis-store',
            superviseIntervalSeconds: supervise,
            monitorIntervalSeconds: supervise,
            schedule: false,
        });
        boss.on('error', (error) => logger.warning(`store: job queue: ${(0,errors/* getErrorMessage */.u1)(error)}`));
        try {
            await boss.start();
            const heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 30);
            const base = { heartbeatSeconds, expireInSeconds: 12 * 3600, deleteAfterSeconds: 7 * 86_400 };
            const queues = {
                // A refresh or re-evaluation killed with its replica runs again elsewhere (it is idempotent, reevaluate.ts).
                'store-job': { ...base, policy: 'standard', retryLimit: options.retryLimit ?? 5, retryDelay: 1 },
                // A re-evaluation's batch: retried on any replica after its replica died or it failed (reevaluate.ts counts
                // its attempts on its row and fails it after its own limit, which stays within this one).
                'store-batch': { ...base, policy: 'standard', retryLimit: options.retryLimit ?? 5, retryDelay: 1 },
                // One queued and one running poll per watch, one delivery per notification: the watch's next_poll_at and
                // the outbox's own backoff decide when they run again, so pg-boss does not retry them.
                'watch-poll': { ...base, policy: 'stately', retryLimit: 0 },
                'notify-deliver': { ...base, policy: 'stately', retryLimit: 0 },
            };
            for (const name of QUEUE_NAMES) {
                try {
                    await boss.createQueue(name, queues[name]);
                }
                catch (error) {
                    // Another replica created it at the same moment.
                    if (!(await boss.getQueue(name)))
                        throw error;
                }
            }
        }
        catch (error) {
            await boss.stop({ graceful: false, close: true }).catch(() => undefined);
            throw new errors/* ConfigurationError */.j1(`cannot start the store's job queue (pg-boss) on PostgreSQL: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
        }
        return new PgBossJobQueue(boss, options);
    }
    async work(name, handler) {
        const pollingIntervalSeconds = this.options.pollingSeconds ?? 1;
        const grouped = name === 'notify-deliver' ? { groupConcurrency: 1 } : {};
        // pg-boss's worker waits its polling interval after every fetch of a batch of one, so a queue of short jobs
        // (deliveries of a few milliseconds) would drain at one job per interval. After each job, the worker is woken
        // to fetch again at once (each queue has one worker per replica, CONCURRENCY); only a fetch that finds nothing
        // waits the interval.
        const worker = {};
        worker.id = await this.boss.work(name, { batchSize: 1, localConcurrency: CONCURRENCY[name], pollingIntervalSeconds, ...grouped }, async (jobs) => {
            for (const job of jobs) {
                const run = handler(job.data);
                this.#running.add(run);
                try {
                    await run;
                }
                finally {
                    this.#running.delete(run);
                }
            }
            if (worker.id !== undefined && !this.#closed)
                this.boss.notifyWorker(worker.id);
        });
    }
    async send(name, work, options = {}) {
        if (this.#closed)
            return;
        await this.boss.send(name, work, {
            ...(options.jobId ? { id: options.jobId } : {}),
            ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
            ...(options.group !== undefined ? { group: { id: options.group } } : {}),
        });
    }
    async sendAll(name, jobs) {
        if (this.#closed)
            return;
        for (let at = 0; at < jobs.length; at += 500)
            await this.boss.insert(name, jobs.slice(at, at + 500).map((j) => ({ id: j.jobId, data: j.work })));
    }
    async pending(name, jobId) {
        const found = await this.boss.findJobs(name, { id: jobId });
        return found.some((j) => j.state === 'created' || j.state === 'retry' || j.state === 'active');
    }
    async idle() {
        while (this.#running.size)
            await Promise.allSettled([...this.#running]);
    }
    async close() {
        this.#closed = true;
        // Graceful: the jobs running here finish (or give up, as the store stops) before the pool closes.
        await this.boss.stop({ graceful: true, timeout: 30_000, close: true }).catch(() => undefined);
        await this.idle();
    }
}


/***/ })

};
