import type { Command } from 'commander';
import { ConfigurationError } from '../common/errors.js';
import { parsePlatform } from '../image/manifest.js';
import type { SourceOptions } from '../image/source.js';
import type { ScanConfig } from '../scan/config.js';
import { DEFAULT_DB_REPOSITORY } from '../vulndb/artifact.js';
import type { CliContext } from './command.js';

/** The options every image-reading command shares. */
export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--platform <os/arch[/variant]>', "platform to pick from a multi-platform image (default: the host's)")
    .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME)')
    .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
    .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
    .option('--ca-file <pem>', 'extra CA certificates for registries')
    .option('--timeout <seconds>', 'per-request timeout for registries and the daemon', '60')
    .option('--retries <n>', 'retries with backoff on registry 429/5xx answers and network errors', '3')
    .option('--max-file-bytes <n>', 'content kept in memory per file; larger files become unknowns');
}

/** Turns shared flags, standard input and the environment into SourceOptions fields. */
export async function registryOptionsFrom(
  opts: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream,
): Promise<Partial<SourceOptions> & { maxFileBytes?: number }> {
  const out: Partial<SourceOptions> & { maxFileBytes?: number } = {};
  const username = (opts.registryUsername as string | undefined) ?? env.PORTCULLIS_REGISTRY_USERNAME;
  let password = env.PORTCULLIS_REGISTRY_PASSWORD;
  if (opts.registryPasswordStdin) {
    if (!username) throw new ConfigurationError('--registry-password-stdin needs --registry-username (or PORTCULLIS_REGISTRY_USERNAME)');
    password = (await readAll(stdin)).replace(/\r?\n$/, '');
    if (!password) throw new ConfigurationError('--registry-password-stdin: standard input was empty');
  }
  if (username && !password) throw new ConfigurationError('a registry user name was given without a password (use --registry-password-stdin or PORTCULLIS_REGISTRY_PASSWORD)');
  if (username && password) out.credentials = { username, password };
  if (Array.isArray(opts.insecureRegistry)) out.insecureRegistries = opts.insecureRegistry as string[];
  if (typeof opts.caFile === 'string') out.caFile = opts.caFile;
  if (opts.timeout !== undefined) {
    const t = Number(opts.timeout);
    if (!Number.isFinite(t) || t <= 0) throw new ConfigurationError(`--timeout must be a positive number of seconds, got "${String(opts.timeout)}"`);
    out.timeoutMs = t * 1000;
  }
  if (opts.retries !== undefined) {
    const r = Number(opts.retries);
    if (!Number.isInteger(r) || r < 0) throw new ConfigurationError(`--retries must be a whole number, got "${String(opts.retries)}"`);
    out.retries = r;
  }
  if (opts.maxFileBytes !== undefined) {
    const n = Number(opts.maxFileBytes);
    if (!Number.isInteger(n) || n <= 0) throw new ConfigurationError(`--max-file-bytes must be a positive integer, got "${String(opts.maxFileBytes)}"`);
    out.maxFileBytes = n;
  }
  return out;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** SourceOptions (and the content cap) from a command's parsed options and the CLI context. */
export async function buildSourceOptions(opts: Record<string, unknown>, ctx: CliContext): Promise<SourceOptions & { maxFileBytes?: number }> {
  return {
    ...(await registryOptionsFrom(opts, ctx.env, ctx.stdin)),
    ...(typeof opts.platform === 'string' ? { platform: parsePlatform(opts.platform) } : {}),
    env: ctx.env,
    logger: ctx.logger,
  };
}

/**
 * The vulnerability-data options of a command that scans (`compare`), named and described as `scan` names them:
 * `--no-vulnerabilities`, `--offline`, `--db-repository`, `--db-cache-dir`, `--db-url`, `--max-db-age`,
 * `--fail-on-stale-db`.
 */
export function addVulnerabilityDataOptions(cmd: Command): Command {
  return cmd
    .option('--no-vulnerabilities', 'skip vulnerability matching (the policy sees no vulnerability data)')
    .option('--offline', 'never download vulnerability data; use the local database only (no database then is an error)')
    .option('--db-repository [ref]', `refresh the vulnerability database from this OCI repository (a compiled database pushed with db push; bare flag: ${DEFAULT_DB_REPOSITORY}; env PORTCULLIS_DB_REPOSITORY) instead of the OSV bucket`)
    .option('--db-cache-dir <dir>', 'where the vulnerability database lives (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)')
    .option('--db-url <url>', 'base URL of the OSV bucket layout (<url>/<Ecosystem>/all.zip; or $PORTCULLIS_DB_URL)')
    .option('--max-db-age <days>', 'vulnerability data older than this warns', '7')
    .option('--fail-on-stale-db', 'stale vulnerability data is an error instead of a warning');
}

/** ScanConfig.vulnerabilities from the options addVulnerabilityDataOptions declares (no ignore file, no VEX). */
export function vulnerabilityDataFrom(opts: Record<string, unknown>, env: NodeJS.ProcessEnv, source: Pick<SourceOptions, 'insecureRegistries' | 'caFile'>): ScanConfig['vulnerabilities'] {
  const maxAge = Number(opts.maxDbAge ?? 7);
  if (!Number.isFinite(maxAge) || maxAge < 0) throw new ConfigurationError(`--max-db-age must be a number of days, got "${String(opts.maxDbAge)}"`);
  return {
    enabled: opts.vulnerabilities !== false,
    ...(typeof opts.dbCacheDir === 'string' ? { cacheDir: opts.dbCacheDir } : {}),
    ...(typeof opts.dbUrl === 'string' || env.PORTCULLIS_DB_URL ? { dbUrl: (opts.dbUrl as string | undefined) ?? env.PORTCULLIS_DB_URL! } : {}),
    ...(opts.dbRepository !== undefined || env.PORTCULLIS_DB_REPOSITORY ? { dbRepository: opts.dbRepository === true ? DEFAULT_DB_REPOSITORY : ((opts.dbRepository as string | undefined) ?? env.PORTCULLIS_DB_REPOSITORY!) } : {}),
    dbRegistry: { ...(source.insecureRegistries ? { insecureRegistries: [...source.insecureRegistries] } : {}), ...(source.caFile ? { caFile: source.caFile } : {}) },
    offline: Boolean(opts.offline),
    maxAgeDays: maxAge,
    failOnStale: Boolean(opts.failOnStaleDb),
    vex: [],
  };
}
