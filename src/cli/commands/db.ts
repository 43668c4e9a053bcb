import type { Command } from 'commander';
import { ConfigurationError } from '../../common/errors.js';
import type { CliCommand, CliContext } from '../command.js';
import type { UpdateRequest } from '../../vulndb/update.js';
import { updateDatabase } from '../../vulndb/update.js';
import { DEFAULT_OSV_BUCKET_URL } from '../../vulndb/providers/osv-bucket.js';
import { DEFAULT_MAX_AGE_DAYS, dataStatus, defaultCacheDir, readMetadata, sourceEcosystems } from '../../vulndb/store.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

function positiveNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ConfigurationError(`--${name} must be a non-negative number, got "${String(value)}"`);
  return n;
}

export const dbCommand: CliCommand = {
  id: 'db',
  register(program: Command, ctx: CliContext) {
    const db = program.command('db').description('the local vulnerability database: update it, import data for air-gapped use, show its status');
    const cacheDirOf = (opts: Record<string, unknown>): string => (typeof opts.cacheDir === 'string' ? opts.cacheDir : defaultCacheDir(ctx.env));

    db.command('update')
      .description("fetch OSV data from the bucket layout (<url>/<Ecosystem>/all.zip) and Alpine secdb; unchanged data costs a 304")
      .option('--ecosystem <name...>', 'OSV ecosystems to fetch (Debian, Alpine, npm, PyPI, Go, Maven…); default: those already in the database', collect)
      .option('--alpine-secdb <branch...>', 'also fetch Alpine secdb for these branches (v3.20)', collect)
      .option('--db-url <url>', `base URL of the OSV bucket layout (default ${DEFAULT_OSV_BUCKET_URL}, or $PORTCULLIS_DB_URL)`)
      .option('--secdb-url <url>', 'base URL of Alpine secdb (default https://secdb.alpinelinux.org)')
      .option('--cache-dir <dir>', 'cache directory (default $PORTCULLIS_CACHE_DIR, $XDG_CACHE_HOME/portcullis, ~/.cache/portcullis)')
      .option('--timeout <seconds>', 'time-out of each request', '60')
      .option('--retries <n>', 'retries on 429, 5xx and time-outs', '3')
      .action(async (opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        const url = (opts.dbUrl as string | undefined) ?? ctx.env.PORTCULLIS_DB_URL ?? DEFAULT_OSV_BUCKET_URL;
        const common = { timeoutMs: positiveNumber('timeout', opts.timeout, 60) * 1000, retries: Math.floor(positiveNumber('retries', opts.retries, 3)) };
        let ecosystems = (opts.ecosystem as string[] | undefined) ?? [];
        let branches = (opts.alpineSecdb as string[] | undefined) ?? [];
        if (ecosystems.length === 0 && branches.length === 0) {
          const meta = readMetadata(cacheDir);
          const remote = meta?.segments.filter((s) => s.provider === 'osv-bucket' || (s.provider === 'alpine-secdb' && !s.location.startsWith('/'))) ?? [];
          ecosystems = [...new Set(remote.filter((s) => s.provider === 'osv-bucket').flatMap((s) => [s.id.slice('osv-bucket:'.length)]))];
          branches = remote.filter((s) => s.provider === 'alpine-secdb').map((s) => s.id.slice('alpine-secdb:'.length));
          if (ecosystems.length === 0 && branches.length === 0) {
            throw new ConfigurationError('Nothing to update: name the ecosystems with --ecosystem (for example --ecosystem Debian --ecosystem npm)');
          }
        }
        const requests: UpdateRequest[] = [];
        if (ecosystems.length) requests.push({ provider: 'osv-bucket', options: { ...common, url, ecosystems } });
        if (branches.length) {
          requests.push({ provider: 'alpine-secdb', options: { ...common, ecosystems: branches, ...(opts.secdbUrl ? { url: opts.secdbUrl as string } : {}) } });
        }
        const result = await updateDatabase({ cacheDir, requests, logger: ctx.logger });
        for (const b of result.batches) {
          ctx.out(b.notModified ? `${b.id}: not modified\n` : `${b.id}: ${b.records} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
        }
        ctx.out(`Database updated in ${cacheDir}\n`);
      });

    db.command('import')
      .description('import local vulnerability data: a folder or zip of OSV records (the bucket layout works), or Alpine secdb files')
      .argument('<path>', 'folder, .zip, .json or .yaml')
      .option('--cache-dir <dir>', 'cache directory')
      .action(async (path: string, opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        const result = await updateDatabase({ cacheDir, requests: [{ provider: 'osv-local', options: { path } }], logger: ctx.logger });
        for (const b of result.batches) ctx.out(`${b.id}: ${b.records ?? 0} records${b.skipped ? `, ${b.skipped} skipped` : ''}\n`);
        ctx.out(`Database updated in ${cacheDir}\n`);
      });

    db.command('status')
      .description('show the sources, their fetch times and record counts, and whether the data is stale')
      .option('--cache-dir <dir>', 'cache directory')
      .option('--max-age-days <n>', 'data older than this is stale', String(DEFAULT_MAX_AGE_DAYS))
      .option('--fail-on-stale', 'exit with an error when the data is stale or missing')
      .option('--json', 'print JSON')
      .action((opts: Record<string, unknown>) => {
        const cacheDir = cacheDirOf(opts);
        const maxAgeDays = positiveNumber('max-age-days', opts.maxAgeDays, DEFAULT_MAX_AGE_DAYS);
        const meta = readMetadata(cacheDir);
        const status = dataStatus(meta, { maxAgeDays });
        if (opts.json) {
          ctx.out(`${JSON.stringify({ cacheDir, schemaVersion: meta?.schemaVersion ?? null, updatedAt: meta?.updatedAt ?? null, maxAgeDays, ...status, details: meta?.segments ?? [] }, null, 2)}\n`);
        } else if (!meta) {
          ctx.out(`No vulnerability database in ${cacheDir}\n`);
        } else {
          const lines = [`Database:   ${cacheDir} (schema ${meta.schemaVersion}, updated ${meta.updatedAt})`, 'Sources:'];
          for (const s of meta.segments) {
            lines.push(`  ${s.id}  ${s.records} records (${sourceEcosystems(s).join(', ') || 'none'})  fetched ${s.fetchedAt}${s.skipped ? `  ${s.skipped} skipped` : ''}`);
          }
          lines.push(`Age:        ${status.ageDays ?? '?'} day(s) (stale after ${maxAgeDays})`);
          ctx.out(`${lines.join('\n')}\n`);
        }
        if (status.stale) {
          const msg = meta ? `Vulnerability data is ${status.ageDays} day(s) old (more than ${maxAgeDays}); run "portcullis db update"` : 'No vulnerability data; run "portcullis db update"';
          if (opts.failOnStale) throw new ConfigurationError(msg);
          ctx.logger.warning(msg);
        }
      });
  },
};
