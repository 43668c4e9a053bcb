/**
 * `portcullis serve`: the store's HTTP API (Fastify).
 * - Anchore's runtime-compliance API, at both its v1 (`/v1/enterprise/runtime_compliance`) and v2
 *   (`/v2/runtime-compliance`) paths, same fields and shapes, plus filters and a get-by-id.
 * - Evaluations: ingest (idempotent), list per image, latest per image and tag, get with the SBOM and SARIF.
 * - Re-evaluation: policies (`PUT /v2/policies/{name}`), data refreshes (`POST /v2/admin/refresh`), jobs, and each
 *   image's evaluations with their reason and difference.
 * - Subscriptions and the notification outbox (`/v2/subscriptions`, `/v2/notifications`).
 * - Registry watches (`/v2/watches`): the store polls tags and analyses new digests itself (watch.ts).
 * - Bearer tokens with scopes `push`, `read` and `admin`; size limits with clear 4xx answers; a small web page.
 */

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { createHash } from 'node:crypto';
import type { Logger } from '../common/logger.js';
import { silentLogger } from '../common/logger.js';
import { getErrorMessage } from '../common/errors.js';
import { DIGEST_RE, isDateTime } from '../publish/compliance.js';
import type { SqlDb } from './db.js';
import type { FileStore } from './files.js';
import { registerWebPages } from './web-routes.js';
import { complianceRepository, complianceVisible, StoreRepo, splitTag, type EvaluationCounts, type IncomingFile, type RepositoryScope } from './repo.js';
import { accessOf, repositoryAllowed, type Scope } from './tokens.js';
import { NAME_RE, PolicyStore } from './policies.js';
import { Reevaluator, type ReevaluatorOptions } from './reevaluate.js';
import { parseWatch, WatchError, Watcher, type WatcherOptions } from './watch.js';
import { openJobQueue, type JobQueueSettings } from './jobs/open-queue.js';
import { Deliverer, listNotifications, outboxHook, type DelivererOptions } from '../notify/outbox.js';
import { parseSubscription, publicSubscription, SubscriptionError, Subscriptions } from '../notify/subscriptions.js';
import { PolicyValidationError } from '../policy/bundle.js';
import { ConfigurationError } from '../common/errors.js';

export interface StoreLimits {
  /** Per uploaded file, bytes. */
  maxFileBytes: number;
  /** Per text field, bytes. */
  maxFieldBytes: number;
  /** Non-multipart bodies, bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxFileBytes: 50 * 1024 * 1024, maxFieldBytes: 4096, maxBodyBytes: 1024 * 1024 };

/** Time limits that keep a slow or stalled client from holding a connection (Node's http.Server settings). */
export interface StoreTimeouts {
  /** The request's headers must arrive within this (Slowloris). */
  headersMs: number;
  /** The whole request, body included, within this (a 50 MB upload at 2 Mbit/s takes 200 s). */
  requestMs: number;
  /** A socket with no traffic is closed after this. */
  idleMs: number;
  /** A kept-alive connection waits this long for its next request. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: StoreTimeouts = { headersMs: 30_000, requestMs: 300_000, idleMs: 60_000, keepAliveMs: 5_000 };

export interface StoreServerOptions {
  db: SqlDb;
  files: FileStore;
  timeouts?: Partial<StoreTimeouts>;
  /** A direct HTTPS listener (PEM key and certificate); without it, plain HTTP (run it behind a TLS proxy). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  limits?: Partial<StoreLimits>;
  /** Let reads (lists, files, the page) through without a token. Pushes always need one. */
  openRead?: boolean;
  logger?: Logger;
  /** The store's vulnerability database and where refreshes get data; without it, refreshes are refused (409). */
  data?: ReevaluatorOptions['data'];
  env?: NodeJS.ProcessEnv;
  /** The notification deliverer's settings (backoff, attempts, time-outs); `false`: no deliverer in this process. */
  notifications?: Partial<Omit<DelivererOptions, 'db' | 'logger'>> | false;
  /** How often policies changed by another process (`serve policy set`) are looked for; default 5 s. */
  policyPollMs?: number;
  /** Registry watches: registry settings, minimum interval, poll tick; `false`: no polling in this process. */
  watch?: Partial<Pick<WatcherOptions, 'registry' | 'minIntervalMs' | 'tickMs' | 'leaseMs'>> | false;
  /**
   * The background jobs' queue (pg-boss on PostgreSQL, in-process on SQLite: jobs/open-queue.ts) and the lease of a
   * job's row (default 30 s): how soon another replica may take over a job whose replica was killed; the images per
   * re-evaluation batch (default 50).
   */
  jobs?: JobQueueSettings & { leaseMs?: number; batchSize?: number };
}

/** The background parts of a store server, for the serve command (scheduled refreshes) and tests. */
export interface StoreServices {
  repo: StoreRepo;
  policies: PolicyStore;
  reevaluator: Reevaluator;
  deliverer: Deliverer | undefined;
  watcher: Watcher;
}

const SERVICES = new WeakMap<FastifyInstance, StoreServices>();

export function storeServices(app: FastifyInstance): StoreServices {
  const s = SERVICES.get(app);
  if (!s) throw new Error('not a store server');
  return s;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The repository globs of the token a request was let in with (none: every repository). Set by the auth hook. */
const REQUEST_SCOPE = new WeakMap<FastifyRequest, string[]>();

/** What a request may see: pass it to the repo's lists and gets (a scoped token's images only). */
export function repositoryScopeOf(req: FastifyRequest): RepositoryScope {
  return { repositories: REQUEST_SCOPE.get(req) ?? [] };
}

/** A scoped token pushes only for images whose repository matches one of its globs: else one 403 line. */
function checkPushScope(req: FastifyRequest, repository: string | undefined, what: string): void {
  const globs = REQUEST_SCOPE.get(req) ?? [];
  if (repositoryAllowed(globs, repository)) return;
  const allowed = `this token pushes only to repositories matching ${globs.join(', ')}`;
  throw new HttpError(403, repository ? `${allowed}; ${what} is for "${repository}"` : `${allowed}; ${what} names no repository (give image_tag)`);
}

const COMPLIANCE_BASES = ['/v1/enterprise/runtime_compliance', '/v2/runtime-compliance'] as const;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RESULTS = ['pass', 'fail', 'error'];

interface ParsedForm {
  fields: Map<string, string>;
  files: Map<string, IncomingFile>;
}

/** A client's file name, reduced to a safe base name for metadata and Content-Disposition; never used as a path. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '').slice(0, 128);
  return cleaned || fallback;
}

async function readForm(req: FastifyRequest, allowed: { fields: readonly string[]; files: readonly string[] }, limits: StoreLimits): Promise<ParsedForm> {
  if (!req.isMultipart()) throw new HttpError(415, 'expected multipart/form-data');
  try {
    return await readParts(req, allowed, limits);
  } catch (error) {
    // A body that is not well-formed multipart (no closing boundary, a bad part header, …) is the client's fault:
    // busboy's errors carry no status, and would otherwise be a 500 with a stack in the log.
    if (error instanceof HttpError || (error as { statusCode?: number }).statusCode !== undefined) throw error;
    throw new HttpError(400, `malformed multipart/form-data body: ${getErrorMessage(error)}`);
  }
}

async function readParts(req: FastifyRequest, allowed: { fields: readonly string[]; files: readonly string[] }, limits: StoreLimits): Promise<ParsedForm> {
  const fields = new Map<string, string>();
  const files = new Map<string, IncomingFile>();
  for await (const part of req.parts({ limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes, files: allowed.files.length, fields: allowed.fields.length + 2 } })) {
    const name = part.fieldname;
    if (part.type === 'file') {
      if (!allowed.files.includes(name)) {
        part.file.resume();
        throw new HttpError(400, allowed.fields.includes(name) ? `${name} must be a text field, not a file` : `unknown file field "${name}"; allowed: ${allowed.files.join(', ')}`);
      }
      if (files.has(name)) throw new HttpError(400, `${name} given twice`);
      const data = await part.toBuffer();
      files.set(name, { name: safeFileName(part.filename, name), contentType: part.mimetype || 'application/octet-stream', data });
    } else {
      if (!allowed.fields.includes(name)) {
        throw new HttpError(400, allowed.files.includes(name) ? `${name} must be a file part, not a text field` : `unknown field "${name}"; allowed: ${[...allowed.fields, ...allowed.files].join(', ')}`);
      }
      if (fields.has(name)) throw new HttpError(400, `${name} given twice`);
      if (part.valueTruncated) throw new HttpError(413, `${name} is over ${limits.maxFieldBytes} bytes`);
      fields.set(name, String(part.value));
    }
  }
  return { fields, files };
}

function requireDigest(v: string | undefined, name = 'image_digest'): string {
  if (!v) throw new HttpError(400, `${name} is required`);
  if (!DIGEST_RE.test(v)) throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not a digest (algorithm:hex)`);
  return v;
}

function optionalTime(v: string | undefined, name: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!isDateTime(v)) throw new HttpError(400, `${name} "${v.slice(0, 100)}" is not an RFC 3339 date-time`);
  return v;
}

function optionalText(v: string | undefined, name: string, max = 253): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (v.length > max || [...v].some((c) => c.charCodeAt(0) < 0x20)) throw new HttpError(400, `${name} must be at most ${max} printable characters`);
  return v;
}

function parseJsonFile(f: IncomingFile, what: string): unknown {
  try {
    return JSON.parse(f.data.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `${what} is not JSON: ${getErrorMessage(error)}`);
  }
}

export { splitTag };

interface ReportShape {
  schemaVersion?: unknown;
  decision?: unknown;
  image?: { repoTags?: unknown; reference?: unknown };
  packages?: unknown;
  findings?: { severity?: unknown }[];
  policy?: { findings?: { action?: unknown }[] };
}

/** Checks the report is a Portcullis ScanReport and derives what the lists show. */
export function summariseReport(report: unknown): { decision: string; counts: EvaluationCounts; repoTag?: string; parsed: unknown } {
  const r = report as ReportShape;
  if (!r || typeof r !== 'object' || r.schemaVersion !== '1') throw new HttpError(400, 'report is not a Portcullis ScanReport (schemaVersion "1")');
  if (r.decision !== 'GO' && r.decision !== 'WARN' && r.decision !== 'STOP') throw new HttpError(400, 'report.decision must be GO, WARN or STOP');
  const findings: Record<string, number> = {};
  for (const f of Array.isArray(r.findings) ? r.findings : []) {
    const s = typeof f?.severity === 'string' ? f.severity : 'Unknown';
    findings[s] = (findings[s] ?? 0) + 1;
  }
  const policy = { stop: 0, warn: 0, go: 0 };
  for (const f of Array.isArray(r.policy?.findings) ? r.policy.findings : []) {
    if (f.action === 'stop' || f.action === 'warn' || f.action === 'go') policy[f.action]++;
  }
  const tags = Array.isArray(r.image?.repoTags) ? (r.image.repoTags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  return {
    decision: r.decision,
    counts: { packages: Array.isArray(r.packages) ? r.packages.length : 0, findings, policy },
    ...(tags[0] ? { repoTag: tags[0] } : {}),
    parsed: report,
  };
}

function evaluationKey(fields: Map<string, string>, files: Map<string, IncomingFile>): string {
  const h = (b?: Buffer) => (b ? createHash('sha256').update(b).digest('hex') : '');
  const parts = [
    fields.get('image_digest') ?? '',
    fields.get('image_tag') ?? '',
    fields.get('commit') ?? '',
    fields.get('pipeline_run') ?? '',
    h(files.get('report')?.data),
    h(files.get('sbom')?.data),
    h(files.get('sarif')?.data),
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

function idempotencyHeader(req: FastifyRequest): string | undefined {
  const v = req.headers['idempotency-key'];
  if (v === undefined) return undefined;
  const s = Array.isArray(v) ? v[0] ?? '' : v;
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(s)) throw new HttpError(400, 'Idempotency-Key must be 1–128 characters of A-Z a-z 0-9 . _ : -');
  return s;
}

export async function buildStoreServer(options: StoreServerOptions): Promise<FastifyInstance> {
  const limits: StoreLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? silentLogger;
  const repo = new StoreRepo(options.db, options.files);
  const policies = new PolicyStore(options.db);
  repo.onEvaluation(outboxHook());
  // pg-boss on PostgreSQL (replicas share the work), the in-process queue on SQLite; a store on PostgreSQL on a
  // Node.js older than pg-boss needs refuses here, in one line.
  const { leaseMs: jobLeaseMs, batchSize, ...queueSettings } = options.jobs ?? {};
  const queue = await openJobQueue(options.db, queueSettings, logger);
  const shared = queue.kind === 'pg-boss' ? { queue } : {};
  const reevaluator = new Reevaluator({ db: options.db, repo, policies, data: options.data ?? { cacheDir: '' }, logger, queue, ...(jobLeaseMs ? { leaseMs: jobLeaseMs } : {}), ...(batchSize ? { batchSize } : {}), ...(options.env ? { env: options.env } : {}) });
  await reevaluator.recover();
  await reevaluator.checkPolicyChanges();
  const deliverer = options.notifications === false ? undefined : new Deliverer({ db: options.db, logger, ...options.notifications, ...shared });
  const subscriptions = new Subscriptions(options.db);
  const timeouts: StoreTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  // Node checks the headers and request time-outs every connectionsCheckingInterval (30 s by default): often enough
  // here that a time-out means what it says.
  const serverTimeouts = {
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(timeouts.headersMs / 2))),
  };
  const app = Fastify({
    http: serverTimeouts,
    logger: false,
    bodyLimit: limits.maxBodyBytes,
    routerOptions: { maxParamLength: 200 },
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert, ...serverTimeouts } } : {}),
  }) as unknown as FastifyInstance;
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes }, throwFileSizeLimit: true });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    let status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
    let message = error.message;
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') message = `a file is over the ${limits.maxFileBytes}-byte limit`;
    if (error.code === 'FST_FILES_LIMIT') message = 'too many files in the form';
    if (error.code === 'FST_FIELDS_LIMIT' || error.code === 'FST_PARTS_LIMIT') message = 'too many fields in the form';
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `the body is over the ${limits.maxBodyBytes}-byte limit`;
    if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      message = 'expected multipart/form-data';
    }
    if (status >= 500) {
      logger.error(`store: ${error.stack ?? error.message}`);
      message = 'internal error';
    }
    void reply.status(status).send({ code: status, message });
  });
  const watchOptions = options.watch === false ? {} : (options.watch ?? {});
  const watcher = new Watcher({
    db: options.db,
    repo,
    policies,
    cacheDir: options.data?.cacheDir ?? '',
    logger,
    ...(options.env ? { env: options.env } : {}),
    ...watchOptions,
    ...shared,
    onEvaluation: () => deliverer?.kick(),
  });
  SERVICES.set(app, { repo, policies, reevaluator, deliverer, watcher });
  if (options.watch !== false) watcher.start();
  deliverer?.start();
  const policyTimer = setInterval(() => {
    reevaluator.checkPolicyChanges().catch((e: unknown) => logger.warning(`store: checking policies: ${getErrorMessage(e)}`));
    // The lease sweep: a job whose process stopped renewing it and that nothing retries is failed as interrupted.
    reevaluator.recover().catch((e: unknown) => logger.warning(`store: sweeping jobs: ${getErrorMessage(e)}`));
  }, options.policyPollMs ?? 5000);
  policyTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(policyTimer);
    await reevaluator.close();
    await deliverer?.stop();
    await watcher.close();
    await queue.close();
  });
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ code: 404, message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });

  const needs = (scope: Scope) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (scope === 'read' && options.openRead) return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      void reply.header('www-authenticate', 'Bearer').status(401).send({ code: 401, message: 'a bearer token is required' });
      return reply;
    }
    const access = await accessOf(options.db, m[1]!);
    const scopes = access?.scopes;
    if (!scopes) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"').status(401).send({ code: 401, message: 'unknown or revoked token' });
      return reply;
    }
    if (!scopes.includes(scope)) {
      void reply.status(403).send({ code: 403, message: `this token lacks the "${scope}" scope` });
      return reply;
    }
    if (access.repositories.length) REQUEST_SCOPE.set(req, access.repositories);
    return undefined;
  };

  const sendFile = async (reply: FastifyReply, id: string, scope: RepositoryScope = {}) => {
    const file = UUID_RE.test(id) && (await repo.fileVisible(id, scope)) ? await repo.getFile(id) : undefined;
    if (!file) throw new HttpError(404, 'No runtime compliance results found');
    return reply
      .header('content-type', file.meta.content_type)
      .header('content-length', String(file.meta.size))
      .header('content-disposition', `attachment; filename="${safeFileName(file.meta.name, 'file')}"`)
      .header('x-content-type-options', 'nosniff')
      // Uploaded HTML (an OpenSCAP report) is shown sandboxed: no script runs with the store's origin.
      .header('content-security-policy', 'sandbox')
      .header('etag', `"${file.meta.sha256}"`)
      .send(file.stream);
  };

  app.get('/healthz', async () => ({ status: 'ok' }));

  for (const base of COMPLIANCE_BASES) {
    app.post(base, { onRequest: needs('push') }, async (req, reply) => {
      const key = idempotencyHeader(req);
      const form = await readForm(req, { fields: ['check_type', 'image_digest', 'result', 'pod', 'namespace', 'image_tag', 'start_time', 'end_time'], files: ['result_file', 'report_file'] }, limits);
      const f = form.fields;
      const checkType = f.get('check_type');
      if (!checkType) throw new HttpError(400, 'check_type is required');
      if (!/^[a-z0-9_-]{1,64}$/.test(checkType)) throw new HttpError(400, 'check_type must be 1–64 characters of a-z 0-9 _ -');
      const result = f.get('result') || undefined;
      if (result !== undefined && !RESULTS.includes(result)) throw new HttpError(400, `result must be one of ${RESULTS.join(', ')}`);
      const input = {
        check_type: checkType,
        image_digest: requireDigest(f.get('image_digest')),
        ...(result ? { result } : {}),
        ...opt('pod', optionalText(f.get('pod'), 'pod')),
        ...opt('namespace', optionalText(f.get('namespace'), 'namespace')),
        ...opt('image_tag', optionalText(f.get('image_tag'), 'image_tag', 512)),
        ...opt('start_time', optionalTime(f.get('start_time'), 'start_time')),
        ...opt('end_time', optionalTime(f.get('end_time'), 'end_time')),
        ...opt('result_file', form.files.get('result_file')),
        ...opt('report_file', form.files.get('report_file')),
        ...opt('idempotencyKey', key),
      };
      checkPushScope(req, complianceRepository(input), 'this compliance check');
      const { record, duplicate } = await repo.createCompliance(input);
      if (duplicate && !complianceVisible(repositoryScopeOf(req), record)) throw new HttpError(409, 'this Idempotency-Key is already used by another push');
      return reply.status(duplicate ? 200 : 200).send(record);
    });

    app.get(base, { onRequest: needs('read') }, async (req, reply) => {
      const q = req.query as Record<string, string | undefined>;
      const list = await repo.listCompliance({
        ...opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
        ...opt('namespace', q.namespace),
        ...opt('pod', q.pod),
        ...opt('check_type', q.check_type),
        ...opt('since', optionalTime(q.since ?? q.start_time, 'since')),
        ...opt('until', optionalTime(q.until ?? q.end_time, 'until')),
        ...opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
        ...repositoryScopeOf(req),
      });
      // Anchore answers 404 when there are none.
      if (list.length === 0) return reply.status(404).send({ code: 404, message: 'No runtime compliance checks found' });
      return list;
    });

    app.get(`${base}/result/:fileId`, { onRequest: needs('read') }, async (req, reply) => sendFile(reply, (req.params as { fileId: string }).fileId, repositoryScopeOf(req)));

    app.get(`${base}/:id`, { onRequest: needs('read') }, async (req) => {
      const id = (req.params as { id: string }).id;
      const rec = UUID_RE.test(id) ? await repo.getVisibleCompliance(id, repositoryScopeOf(req)) : undefined;
      if (!rec) throw new HttpError(404, 'No runtime compliance check found');
      return rec;
    });
  }

  app.post('/v2/evaluations', { onRequest: needs('push') }, async (req, reply) => {
    const header = idempotencyHeader(req);
    const form = await readForm(req, { fields: ['image_digest', 'image_tag', 'commit', 'pipeline_run'], files: ['report', 'sbom', 'sarif'] }, limits);
    const digest = requireDigest(form.fields.get('image_digest'));
    const reportFile = form.files.get('report');
    if (!reportFile) throw new HttpError(400, 'report is required (the JSON ScanReport)');
    const summary = summariseReport(parseJsonFile(reportFile, 'report'));
    const sbom = form.files.get('sbom');
    if (sbom) parseJsonFile(sbom, 'sbom');
    const sarif = form.files.get('sarif');
    if (sarif) {
      const s = parseJsonFile(sarif, 'sarif') as { version?: unknown };
      if (s?.version !== '2.1.0') throw new HttpError(400, 'sarif must be SARIF 2.1.0 (version "2.1.0")');
    }
    const imageTag = optionalText(form.fields.get('image_tag'), 'image_tag', 512) ?? summary.repoTag;
    const split = imageTag ? splitTag(imageTag) : undefined;
    checkPushScope(req, split?.repository, 'this evaluation');
    const { record, duplicate } = await repo.ingestEvaluation({
      image_digest: digest,
      ...opt('repository', split?.repository),
      ...opt('tag', split?.tag),
      ...opt('commit', optionalText(form.fields.get('commit'), 'commit', 128)),
      ...opt('pipeline_run', optionalText(form.fields.get('pipeline_run'), 'pipeline_run', 512)),
      decision: summary.decision,
      counts: summary.counts,
      report: { ...reportFile, contentType: 'application/json' },
      ...opt('sbom', sbom ? { ...sbom, contentType: 'application/json' } : undefined),
      ...opt('sarif', sarif ? { ...sarif, contentType: 'application/sarif+json' } : undefined),
      idempotencyKey: header ?? evaluationKey(form.fields, form.files),
      parsedReport: summary.parsed,
    });
    if (duplicate && !repositoryAllowed(repositoryScopeOf(req).repositories ?? [], record.repository)) throw new HttpError(409, 'this Idempotency-Key is already used by another push');
    if (!duplicate) deliverer?.kick();
    return reply.status(duplicate ? 200 : 201).send(record);
  });

  app.get('/v2/evaluations', { onRequest: needs('read') }, async (req) => {
    const q = req.query as Record<string, string | undefined>;
    return repo.listEvaluations({
      ...opt('image_digest', q.image_digest ? requireDigest(q.image_digest) : undefined),
      ...opt('repository', q.repository),
      ...opt('tag', q.tag),
      ...opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
      ...repositoryScopeOf(req),
    });
  });

  app.get('/v2/evaluations/latest', { onRequest: needs('read') }, async (req) => repo.latestEvaluations(repositoryScopeOf(req)));

  app.get('/v2/images/:digest/evaluations', { onRequest: needs('read') }, async (req) => {
    const scope = repositoryScopeOf(req);
    const list = await repo.listEvaluations({ image_digest: requireDigest((req.params as { digest: string }).digest), ...scope });
    // A scoped token is told nothing of an image outside its repositories: the same 404 as for an unknown one.
    if (list.length === 0 && scope.repositories?.length) throw new HttpError(404, 'No image found');
    return list;
  });

  app.get('/v2/evaluations/:id', { onRequest: needs('read') }, async (req) => {
    const id = (req.params as { id: string }).id;
    const rec = UUID_RE.test(id) ? await repo.getEvaluation(id, repositoryScopeOf(req)) : undefined;
    if (!rec) throw new HttpError(404, 'No evaluation found');
    const q = req.query as Record<string, string | undefined>;
    const links = {
      report: `/v2/evaluations/${rec.id}/files/report`,
      ...(rec.files.sbom ? { sbom: `/v2/evaluations/${rec.id}/files/sbom` } : {}),
      ...(rec.files.sarif ? { sarif: `/v2/evaluations/${rec.id}/files/sarif` } : {}),
    };
    if (q.embed !== 'true') return { ...rec, links };
    const embed = async (fileId: string | null) => {
      if (!fileId) return null;
      const f = await repo.getFile(fileId);
      if (!f) return null;
      const chunks: Buffer[] = [];
      for await (const c of f.stream) chunks.push(c as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    };
    return { ...rec, links, sbom: await embed(rec.files.sbom), sarif: await embed(rec.files.sarif) };
  });

  app.get('/v2/evaluations/:id/files/:kind', { onRequest: needs('read') }, async (req, reply) => {
    const { id, kind } = req.params as { id: string; kind: string };
    if (kind !== 'report' && kind !== 'sbom' && kind !== 'sarif') throw new HttpError(404, `no file "${kind}"; files: report, sbom, sarif`);
    const rec = UUID_RE.test(id) ? await repo.getEvaluation(id, repositoryScopeOf(req)) : undefined;
    const fileId = rec?.files[kind];
    if (!fileId) throw new HttpError(404, `No ${kind} for this evaluation`);
    return sendFile(reply, fileId);
  });

  app.put('/v2/policies/:name', { onRequest: needs('admin') }, async (req, reply) => {
    const name = (req.params as { name: string }).name;
    if (!NAME_RE.test(name)) throw new HttpError(400, 'a policy name is 1–128 characters of A-Z a-z 0-9 . _ - (starting with a letter or digit)');
    const text = typeof req.body === 'string' ? req.body : req.body === undefined ? '' : JSON.stringify(req.body);
    if (!text.trim()) throw new HttpError(400, 'the body must be a policy bundle (JSON or YAML)');
    let result;
    try {
      result = await policies.set(name, text, `policy ${name}`);
    } catch (error) {
      if (error instanceof PolicyValidationError || error instanceof ConfigurationError) throw new HttpError(400, getErrorMessage(error).split('\n').slice(0, 20).join('\n'));
      throw error;
    }
    const job = result.changed ? (await reevaluator.checkPolicyChanges()).get(name) : undefined;
    return reply.status(200).send({ ...result.policy, changed: result.changed, ...(job ? { job: { id: job.id, href: `/v2/jobs/${job.id}` } } : {}) });
  });

  app.get('/v2/policies', { onRequest: needs('read') }, async () => policies.list());

  app.get('/v2/policies/:name', { onRequest: needs('read') }, async (req) => {
    const found = await policies.get((req.params as { name: string }).name);
    if (!found) throw new HttpError(404, 'No policy with this name');
    return { name: found.name, bundle_digest: found.digest, bundle: JSON.parse(found.content) as unknown };
  });

  app.post('/v2/admin/refresh', { onRequest: needs('admin') }, async (_req, reply) => {
    if (!options.data?.cacheDir) throw new HttpError(409, 'this store has no vulnerability database configured (serve --db-cache-dir)');
    const job = await reevaluator.startRefresh();
    return reply.status(202).header('location', `/v2/jobs/${job.id}`).send({ id: job.id, state: job.state, href: `/v2/jobs/${job.id}` });
  });

  app.get('/v2/jobs/:id', { onRequest: needs('read') }, async (req) => {
    const id = (req.params as { id: string }).id;
    const job = UUID_RE.test(id) ? await reevaluator.getJob(id) : undefined;
    if (!job) throw new HttpError(404, 'No job found');
    return job;
  });

  app.post('/v2/subscriptions', { onRequest: needs('admin') }, async (req, reply) => {
    let parsed;
    try {
      parsed = parseSubscription(req.body);
    } catch (error) {
      if (error instanceof SubscriptionError) throw new HttpError(400, error.message);
      throw error;
    }
    return reply.status(201).send(publicSubscription(await subscriptions.create(parsed)));
  });

  app.get('/v2/subscriptions', { onRequest: needs('admin') }, async () => (await subscriptions.list()).map(publicSubscription));

  app.get('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req) => {
    const id = (req.params as { id: string }).id;
    const sub = UUID_RE.test(id) ? await subscriptions.get(id) : undefined;
    if (!sub) throw new HttpError(404, 'No subscription found');
    return publicSubscription(sub);
  });

  app.delete('/v2/subscriptions/:id', { onRequest: needs('admin') }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID_RE.test(id) || !(await subscriptions.delete(id))) throw new HttpError(404, 'No subscription found');
    return reply.status(204).send();
  });

  app.post('/v2/watches', { onRequest: needs('admin') }, async (req, reply) => {
    let spec;
    try {
      spec = parseWatch(req.body, watcher.minIntervalMs);
    } catch (error) {
      if (error instanceof WatchError) throw new HttpError(400, error.message);
      throw error;
    }
    const { watch, created } = await watcher.create(spec);
    if (!created) return reply.status(409).header('location', `/v2/watches/${watch.id}`).send({ code: 409, message: `a watch of ${watch.repository} tags ${watch.tags} exists: ${watch.id}`, id: watch.id });
    return reply.status(201).header('location', `/v2/watches/${watch.id}`).send(watch);
  });

  app.get('/v2/watches', { onRequest: needs('admin') }, async () => watcher.list());

  app.get('/v2/watches/:id', { onRequest: needs('admin') }, async (req) => {
    const id = (req.params as { id: string }).id;
    const watch = UUID_RE.test(id) ? await watcher.get(id) : undefined;
    if (!watch) throw new HttpError(404, 'No watch found');
    return watch;
  });

  app.delete('/v2/watches/:id', { onRequest: needs('admin') }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID_RE.test(id) || !(await watcher.delete(id))) throw new HttpError(404, 'No watch found');
    return reply.status(204).send();
  });

  app.get('/v2/notifications', { onRequest: needs('admin') }, async (req) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.state && !['pending', 'delivered', 'failed'].includes(q.state)) throw new HttpError(400, 'state must be pending, delivered or failed');
    const globs = repositoryScopeOf(req).repositories ?? [];
    return (
      await listNotifications(options.db, {
        ...opt('subscription_id', q.subscription_id),
        ...opt('state', q.state),
        ...opt('limit', q.limit ? Number.parseInt(q.limit, 10) || undefined : undefined),
      })
    ).filter((n) => repositoryAllowed(globs, n.payload.image.repository));
  });

  // The web pages (web-routes.ts): every page request goes through needs('read') and its repository scope.
  await registerWebPages(app, { repo, db: options.db, readCheck: needs('read'), scopeOf: repositoryScopeOf, openRead: options.openRead === true });

  return app;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
