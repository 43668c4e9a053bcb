import { rmSync } from 'node:fs';
import { mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { Command } from 'commander';
import { ConfigurationError, getErrorMessage } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import { openDatabase, openStore, type StoreLocation } from '../../store/open.js';
import { buildStoreServer, DEFAULT_LIMITS, storeServices } from '../../store/server.js';
import { PolicyStore } from '../../store/policies.js';
import { DEFAULT_DB_REPOSITORY } from '../../vulndb/artifact.js';
import { defaultCacheDir } from '../../vulndb/store.js';
import { GITHUB_API_URL, parseGitHubApiUrl } from '../../notify/github-issue.js';
import { checkTokenAccess, createToken, listTokens, parseRepositoryGlobs, parseScopes, revokeToken } from '../../store/tokens.js';

interface StoreOpts {
  dataDir: string;
  database?: string;
  filesDir?: string;
  s3Endpoint?: string;
  s3Region?: string;
}

function location(opts: StoreOpts, ctx: CliContext): StoreLocation {
  return {
    dataDir: opts.dataDir,
    ...((opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE) ? { database: opts.database ?? ctx.env.PORTCULLIS_STORE_DATABASE } : {}),
    ...(opts.filesDir ? { filesDir: opts.filesDir } : {}),
    s3: { ...(opts.s3Endpoint ? { endpoint: opts.s3Endpoint } : {}), ...(opts.s3Region ? { region: opts.s3Region } : {}) },
  };
}

function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'where the SQLite file and the files live', 'portcullis-store')
    .option('--database <url-or-path>', 'a postgres:// URL, or a SQLite file (default: DATA_DIR/store.sqlite; env PORTCULLIS_STORE_DATABASE)')
    .option('--files-dir <dir-or-s3-url>', 'where uploaded files go: a directory, or s3://BUCKET/PREFIX (default: DATA_DIR/files)')
    .option('--s3-endpoint <url>', 'S3-compatible endpoint (MinIO, …); path-style addressing. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY')
    .option('--s3-region <region>', 'S3 region (default AWS_REGION or us-east-1)');
}

function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 0 && port < 65536)) throw new ConfigurationError(`--listen "${text}" is not HOST:PORT or PORT`);
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

function parseBytes(text: string, flag: string): number {
  const m = /^(\d+)\s*(k|m|g)?i?b?$/i.exec(text.trim());
  if (!m) throw new ConfigurationError(`${flag} "${text}" is not a size (e.g. 50MB, 512KB, 1048576)`);
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Number(m[1]) * unit;
}

async function readTls(certFile: string | undefined, keyFile: string | undefined): Promise<{ cert: Buffer; key: Buffer } | undefined> {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new ConfigurationError('--tls-cert and --tls-key go together');
  const read = async (file: string, flag: string, marker: RegExp): Promise<Buffer> => {
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new ConfigurationError(`${flag}: cannot read ${file}: ${getErrorMessage(error)}`, { cause: error });
    }
    if (!marker.test(data.toString('latin1'))) throw new ConfigurationError(`${flag}: ${file} is not a PEM file`);
    return data;
  };
  const cert = await read(certFile, '--tls-cert', /-----BEGIN CERTIFICATE-----/);
  const key = await read(keyFile, '--tls-key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new ConfigurationError(`--tls-cert / --tls-key: ${getErrorMessage(error)}`, { cause: error });
  }
  return { cert, key };
}

/** `90s`, `30m`, `6h`, `1d` (at least 10 seconds). */
export function parseInterval(text: string, flag: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
  if (!m) throw new ConfigurationError(`${flag} "${text}" is not an interval (e.g. 30m, 6h, 1d)`);
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
  if (ms < 10_000) throw new ConfigurationError(`${flag} "${text}" is under 10 seconds`);
  return ms;
}

/**
 * `--registry-credentials FILE`: a docker config.json for the store's registry watches. The credential lookup reads
 * DIR/config.json, so a file by another name is reached through a private directory holding a symlink to it (the
 * file stays where it is, and an update to it is seen).
 */
async function registryCredentialsDir(file: string): Promise<{ dir: string; temporary: boolean }> {
  const path = resolvePath(file);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`--registry-credentials: cannot read ${file} as a docker config.json: ${getErrorMessage(error)}`, { cause: error });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigurationError(`--registry-credentials: ${file} is not a docker config.json (a JSON object with "auths")`);
  if (basename(path) === 'config.json') return { dir: dirname(path), temporary: false };
  const dir = await mkdtemp(join(tmpdir(), 'portcullis-registry-credentials-'));
  await symlink(path, join(dir, 'config.json'));
  return { dir, temporary: true };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export const serveCommand: CliCommand = {
  id: 'serve',
  register(program: Command, ctx: CliContext) {
    const serve = addStoreOptions(
      program
        .command('serve')
        .description("run the central store: Anchore's runtime-compliance API, evaluations, and a small web page")
        .option('--listen <host:port>', 'address to listen on', '127.0.0.1:8228')
        .option('--max-file-size <size>', 'largest accepted file', `${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024}MB`)
        .option('--open-read', 'serve reads (lists, files, the page) without a token; pushes still need one')
        .option('--tls-cert <pem>', 'serve HTTPS directly with this certificate (chain) file; with --tls-key')
        .option('--tls-key <pem>', 'the private key of --tls-cert')
        .option('--db-refresh <interval>', 'refresh the vulnerability database this often (30m, 6h, 1d) and re-evaluate every stored image when it changed')
        .option('--db-cache-dir <dir>', 'the store\'s vulnerability database (default: as db update, $PORTCULLIS_CACHE_DIR or ~/.cache/portcullis)')
        .option('--db-url <url>', 'refresh from the OSV bucket layout at this URL, as db update --db-url (or $PORTCULLIS_DB_URL)')
        .option('--db-repository [ref]', `refresh the compiled database from this OCI repository, as db update --db-repository (bare flag: ${DEFAULT_DB_REPOSITORY})`)
        .option('--insecure-registry <host...>', 'plain-http registries for --db-repository and watches (localhost is always plain http)')
        .option('--registry-credentials <file>', 'a docker config.json with the credentials for watched registries (default: DOCKER_CONFIG or ~/.docker)')
        .option('--github-api-url <url>', "GitHub's REST API for github_issue subscriptions (GitHub Enterprise Server: https://HOST/api/v3)", GITHUB_API_URL),
    ).action(async (opts: StoreOpts & { listen: string; maxFileSize: string; openRead?: boolean; tlsCert?: string; tlsKey?: string; dbRefresh?: string; dbCacheDir?: string; dbUrl?: string; dbRepository?: string | true; insecureRegistry?: string[]; registryCredentials?: string; githubApiUrl: string }) => {
      const { host, port } = parseListen(opts.listen);
      const githubApiUrl = parseGitHubApiUrl(opts.githubApiUrl);
      const refreshMs = opts.dbRefresh ? parseInterval(opts.dbRefresh, '--db-refresh') : undefined;
      const dbUrl = opts.dbUrl ?? ctx.env.PORTCULLIS_DB_URL;
      const dbRepository = opts.dbRepository === true ? DEFAULT_DB_REPOSITORY : (opts.dbRepository ?? (dbUrl ? undefined : ctx.env.PORTCULLIS_DB_REPOSITORY));
      if (dbUrl && dbRepository) throw new ConfigurationError('--db-repository replaces the whole database; do not combine it with --db-url');
      const data = {
        cacheDir: opts.dbCacheDir ?? defaultCacheDir(ctx.env),
        ...(dbUrl ? { dbUrl } : {}),
        ...(dbRepository ? { dbRepository } : {}),
        ...(opts.insecureRegistry ? { registry: { insecureRegistries: opts.insecureRegistry } } : {}),
      };
      const tls = await readTls(opts.tlsCert, opts.tlsKey);
      const credentials = opts.registryCredentials ? await registryCredentialsDir(opts.registryCredentials) : undefined;
      // The private directory holding the symlink goes when the server stops, whichever way it stops.
      const removeCredentialsDir = () => {
        if (credentials?.temporary) rmSync(credentials.dir, { recursive: true, force: true });
      };
      process.once('exit', removeCredentialsDir);
      const dockerConfigDir = credentials?.dir;
      const watch = { registry: { ...(dockerConfigDir ? { dockerConfigDir } : {}), ...(opts.insecureRegistry ? { insecureRegistries: opts.insecureRegistry } : {}) } };
      const maxFileBytes = parseBytes(opts.maxFileSize, '--max-file-size');
      if (opts.openRead) {
        ctx.logger.warning('--open-read: anyone who can reach this address can read every stored report, SBOM, SARIF and compliance file without a token');
      }
      // Only the server says when its SQLite engine rewrites the whole file per commit; a one-shot token command does not.
      const { db, files } = await openStore({ ...location(opts, ctx), logger: ctx.logger });
      const app = await buildStoreServer({ db, files, logger: ctx.logger, env: ctx.env, data, openRead: Boolean(opts.openRead), limits: { maxFileBytes }, watch, notifications: { githubApiUrl }, ...(tls ? { tls } : {}) });
      try {
        await app.listen({ host, port });
      } catch (error) {
        await db.close();
        throw new ConfigurationError(`cannot listen on ${opts.listen}: ${getErrorMessage(error)}`, { cause: error });
      }
      const addr = app.server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      ctx.logger.info(`portcullis store listening on ${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actual} (database ${db.label}, files ${files.label})`);
      if (!tls && !isLoopback(host)) {
        ctx.logger.warning(`serving plain HTTP on ${host}: tokens and reports cross the network in clear; put it behind a TLS proxy or give --tls-cert and --tls-key`);
      }
      let refreshTimer: NodeJS.Timeout | undefined;
      if (refreshMs) {
        ctx.logger.info(`refreshing the vulnerability database in ${data.cacheDir} every ${opts.dbRefresh}`);
        const { reevaluator } = storeServices(app);
        const tick = () => void reevaluator.startRefresh({ every: refreshMs }).catch((e: unknown) => ctx.logger.warning(`store: cannot start a refresh: ${getErrorMessage(e)}`));
        tick();
        refreshTimer = setInterval(tick, refreshMs);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      clearInterval(refreshTimer);
      ctx.logger.info('stopping: finishing requests in flight');
      await app.close();
      await db.close();
      removeCredentialsDir();
    });

    const policy = serve.command('policy').description('manage the store\'s policy bundles (a change re-evaluates the images the policy decides)');
    policy
      .command('set')
      .description('store a bundle (JSON or YAML) under NAME; a running serve notices the change and re-evaluates')
      .argument('<name>')
      .argument('<file>')
      .action(async (name: string, file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts>();
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new ConfigurationError(`cannot read policy bundle ${file}: ${getErrorMessage(error)}`, { cause: error });
        }
        const db = await openDatabase(location(opts, ctx));
        try {
          const { policy: p, changed } = await new PolicyStore(db).set(name, text, file);
          ctx.out(`${changed ? 'set' : 'unchanged'} policy ${p.name}: bundle ${p.bundle_id} ${p.bundle_digest}\n`);
        } finally {
          await db.close();
        }
      });
    policy
      .command('list')
      .description('list the stored policies')
      .action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts>();
        const db = await openDatabase(location(opts, ctx));
        try {
          for (const p of await new PolicyStore(db).list()) ctx.out(`${p.name}  ${p.bundle_id}  ${p.bundle_digest}  ${p.updated_at}\n`);
        } finally {
          await db.close();
        }
      });

    // The store options are `serve`'s own (commander gives a parent's options to it wherever they appear), so the
    // token commands read them with optsWithGlobals.
    const token = serve.command('token').description('manage the bearer tokens of the store (with serve\'s --data-dir / --database)');
    token
      .command('create')
      .description('create a token and print it once (only its hash is stored)')
      .requiredOption('--name <name>', 'what the token is for (e.g. ci-main)')
      .option('--scope <scopes>', 'comma-separated: push, read, admin (policies, subscriptions, refreshes)', 'push')
      .option(
        '--repository <globs>',
        'only images whose repository matches one of these globs (repeatable or comma-separated, e.g. registry.example/team-a/*); not with admin',
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts & { name: string; scope: string; repository?: string[] }>();
        const scopes = parseScopes(opts.scope);
        const repositories = parseRepositoryGlobs(opts.repository ?? []);
        checkTokenAccess(scopes, repositories);
        const db = await openDatabase(location(opts, ctx));
        try {
          const { token: secret, info } = await createToken(db, opts.name, scopes, repositories);
          ctx.logger.info(`created token ${info.id} "${info.name}" with scopes ${info.scopes.join(', ')}${info.repositories.length ? ` for repositories ${info.repositories.join(', ')}` : ''}`);
          ctx.out(`${secret}\n`);
        } finally {
          await db.close();
        }
      });
    token
      .command('revoke')
      .description('revoke a token by id or name')
      .argument('<id-or-name>')
      .action(async (idOrName: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts>();
        const db = await openDatabase(location(opts, ctx));
        try {
          const n = await revokeToken(db, idOrName);
          if (n === 0) throw new ConfigurationError(`no live token with id or name "${idOrName}"`);
          ctx.out(`revoked ${n} token${n === 1 ? '' : 's'}\n`);
        } finally {
          await db.close();
        }
      });
    token
      .command('list')
      .description('list tokens (never their secrets)')
      .action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts>();
        const db = await openDatabase(location(opts, ctx));
        try {
          for (const t of await listTokens(db)) {
            ctx.out(`${t.id}  ${t.name}  ${t.scopes.join(',')}  ${t.revoked_at ? `revoked ${t.revoked_at}` : 'live'}  ${t.repositories.length ? `repositories ${t.repositories.join(',')}` : 'all repositories'}\n`);
          }
        } finally {
          await db.close();
        }
      });
  },
};
