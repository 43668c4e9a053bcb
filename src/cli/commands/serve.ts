import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import type { Command } from 'commander';
import { ConfigurationError, getErrorMessage } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import { openDatabase, openStore, type StoreLocation } from '../../store/open.js';
import { buildStoreServer, DEFAULT_LIMITS } from '../../store/server.js';
import { createToken, listTokens, parseScopes, revokeToken } from '../../store/tokens.js';

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
        .option('--tls-key <pem>', 'the private key of --tls-cert'),
    ).action(async (opts: StoreOpts & { listen: string; maxFileSize: string; openRead?: boolean; tlsCert?: string; tlsKey?: string }) => {
      const { host, port } = parseListen(opts.listen);
      const tls = await readTls(opts.tlsCert, opts.tlsKey);
      const maxFileBytes = parseBytes(opts.maxFileSize, '--max-file-size');
      if (opts.openRead) {
        ctx.logger.warning('--open-read: anyone who can reach this address can read every stored report, SBOM, SARIF and compliance file without a token');
      }
      const { db, files } = await openStore(location(opts, ctx));
      const app = await buildStoreServer({ db, files, logger: ctx.logger, openRead: Boolean(opts.openRead), limits: { maxFileBytes }, ...(tls ? { tls } : {}) });
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
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      ctx.logger.info('stopping: finishing requests in flight');
      await app.close();
      await db.close();
    });

    // The store options are `serve`'s own (commander gives a parent's options to it wherever they appear), so the
    // token commands read them with optsWithGlobals.
    const token = serve.command('token').description('manage the bearer tokens of the store (with serve\'s --data-dir / --database)');
    token
      .command('create')
      .description('create a token and print it once (only its hash is stored)')
      .requiredOption('--name <name>', 'what the token is for (e.g. ci-main)')
      .option('--scope <scopes>', 'comma-separated: push, read', 'push')
      .action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<StoreOpts & { name: string; scope: string }>();
        const scopes = parseScopes(opts.scope);
        const db = await openDatabase(location(opts, ctx));
        try {
          const { token: secret, info } = await createToken(db, opts.name, scopes);
          ctx.logger.info(`created token ${info.id} "${info.name}" with scopes ${info.scopes.join(', ')}`);
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
          for (const t of await listTokens(db)) ctx.out(`${t.id}  ${t.name}  ${t.scopes.join(',')}  ${t.revoked_at ? `revoked ${t.revoked_at}` : 'live'}\n`);
        } finally {
          await db.close();
        }
      });
  },
};
