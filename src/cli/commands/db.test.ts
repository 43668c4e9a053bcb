import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { createRecordingLogger } from '../../common/logger.js';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import type { CliContext } from '../command.js';
import { runProgram } from '../program.js';
import { DEFAULT_DB_REPOSITORY } from '../../vulndb/artifact.js';
import type { DatabaseMetadata } from '../../vulndb/store.js';
import { defaultUpdatePlan } from './db.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; error?: unknown; warnings: string[] }> {
  let out = '';
  const logger = createRecordingLogger();
  const ctx: CliContext = { logger, out: (s) => void (out += s), stdin: Readable.from([]), env, outcome: 'go' };
  const warnings = (): string[] => logger.lines.filter((l) => l.level === 'warning').map((l) => l.message);
  try {
    await runProgram(args, ctx);
    return { out, warnings: warnings() };
  } catch (error) {
    return { out, error, warnings: warnings() };
  }
}

describeShared('portcullis db', () => {
  let server: Server;
  let base: string;
  let cache: string;
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'portcullis-dbcli-'));
    // A static server rooted at vulndata/osv: the bucket layout as it is on disk.
    server = createServer((req, res) => {
      const file = sharedPath('vulndata/osv', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      try {
        const st = statSync(file);
        const etag = `"${st.size}-${st.mtimeMs}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { etag });
        createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(cache, { recursive: true, force: true });
  });

  it('update, a conditional re-update, import, and status', async () => {
    const none = await run(['db', 'status', '--db-cache-dir', cache]);
    expect(none.out).toBe(`No vulnerability database in ${cache}\n`);
    expect(none.warnings).toEqual(['No vulnerability data; run "portcullis db update"']);
    const failing = await run(['db', 'status', '--db-cache-dir', cache, '--fail-on-stale-db']);
    expect(failing.error).toBeInstanceOf(ConfigurationError);
    // The old names still work, hidden from --help, and say which name to use.
    const old = await run(['db', 'status', '--cache-dir', cache, '--fail-on-stale', '--max-age-days', '3']);
    expect(old.error).toBeInstanceOf(ConfigurationError);
    expect(old.warnings).toEqual(expect.arrayContaining(['--cache-dir is deprecated; use --db-cache-dir', '--fail-on-stale is deprecated; use --fail-on-stale-db', '--max-age-days is deprecated; use --max-db-age']));

    // A bucket mirror named but no ecosystem, on a fresh machine: the error says how to name them.
    const nothing = await run(['db', 'update', '--db-cache-dir', cache], { PORTCULLIS_DB_URL: base });
    expect((nothing.error as Error).message).toMatch(/Nothing to update in .*: name the ecosystems with --ecosystem/);

    const up = await run(['db', 'update', '--ecosystem', 'npm', '--db-url', base, '--db-cache-dir', cache]);
    expect(up.error).toBeUndefined();
    expect(up.out).toBe(`osv-bucket:npm: 467 records\nDatabase updated in ${cache}\n`);
    // No --ecosystem: the sources already in the database are refreshed; unchanged data costs a 304.
    const again = await run(['db', 'update', '--db-cache-dir', cache], { PORTCULLIS_DB_URL: base });
    expect(again.out).toBe(`osv-bucket:npm: not modified\nDatabase updated in ${cache}\n`);

    const imp = await run(['db', 'import', sharedPath('vulndata/alpine-secdb/v3.9'), '--db-cache-dir', cache]);
    expect(imp.error).toBeUndefined();
    expect(imp.out).toMatch(/^alpine-secdb:\/.*alpine-secdb\/v3\.9: \d+ records, \d+ skipped\n/);

    const status = await run(['db', 'status', '--db-cache-dir', cache, '--json']);
    const json = JSON.parse(status.out) as { schemaVersion: number; stale: boolean; ageDays: number; sources: { id: string; records: number }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.stale).toBe(false);
    expect(json.ageDays).toBe(0);
    expect(json.sources.map((s) => s.id)).toEqual(['osv-bucket:npm', `alpine-secdb:${sharedPath('vulndata/alpine-secdb/v3.9')}`]);
    const text = await run(['db', 'status', '--db-cache-dir', cache]);
    expect(text.out).toMatch(/osv-bucket:npm {2}467 records \(npm\) {2}fetched /);
    expect(text.warnings).toEqual([]);
  });

  it('a failed update says the previous database is kept', async () => {
    const r = await run(['db', 'update', '--ecosystem', 'NoSuch', '--db-url', base, '--db-cache-dir', cache, '--retries', '0']);
    expect((r.error as Error).message).toMatch(/HTTP 404.*; the previous database \(updated .*\) is kept$/);
  });
  it('db build writes one deterministic file; db push and db update --db-repository refuse bad input clearly', async () => {
    const out = join(cache, 'npm.pcdb.gz');
    const args = ['db', 'build', '--source', `osv-local:${sharedPath('vulndata/osv/npm')}`, '--built-at', '2026-12-01T00:00:00Z', '--output', out];
    const b = await run(args);
    expect(b.error).toBeUndefined();
    expect(b.out).toMatch(/^osv-local:.*npm: 467 records\nWrote .*npm\.pcdb\.gz: \d+ bytes, schema 1, built 2026-12-01T00:00:00\.000Z, sha256:[a-f0-9]{64}\n$/);
    const first = readFileSync(out);
    expect((await run(args)).error).toBeUndefined();
    expect(readFileSync(out).equals(first)).toBe(true);

    expect(((await run(['db', 'build', '--source', 'nope:/x', '--output', out])).error as Error).message).toMatch(/unknown provider "nope"/);
    expect(((await run(['db', 'build', '--source', 'osv-local:/x', '--built-at', 'yesterday', '--output', out])).error as Error).message).toMatch(/--built-at must be an ISO date/);
    const junk = join(cache, 'junk.gz');
    writeFileSync(junk, 'not a database');
    const push = await run(['db', 'push', junk, 'registry:127.0.0.1:1/x/vulndb:v1']);
    expect(push.error).toBeInstanceOf(ConfigurationError);
    expect((push.error as Error).message).toMatch(/junk\.gz is not a usable compiled vulnerability database: it does not gunzip/);
    const both = await run(['db', 'update', '--db-repository', '127.0.0.1:1/x/vulndb:v1', '--ecosystem', 'npm', '--db-cache-dir', cache]);
    expect((both.error as Error).message).toMatch(/--db-repository replaces the whole database/);
    const down = await run(['db', 'update', '--db-cache-dir', cache, '--retries', '0'], { PORTCULLIS_DB_REPOSITORY: '127.0.0.1:1/x/vulndb:v1' });
    expect(down.error).toBeInstanceOf(RemoteError);
    expect((down.error as Error).message).toMatch(/^Vulnerability database update from 127\.0\.0\.1:1\/x\/vulndb:v1 failed: cannot reach .*; the previous database \(updated .*\) is kept$/);
  });
});

describe('db update with no source named', () => {
  const meta = (segments: Partial<DatabaseMetadata['segments'][number]>[], compiled?: DatabaseMetadata['compiled']): DatabaseMetadata =>
    ({ schemaVersion: 1, updatedAt: '2026-12-01T00:00:00Z', segments, ...(compiled ? { compiled } : {}) }) as DatabaseMetadata;

  it('on a fresh machine fetches the compiled database (every source in one download), unless a bucket mirror is named', () => {
    expect(defaultUpdatePlan(undefined, false)).toEqual({ kind: 'repository', repository: DEFAULT_DB_REPOSITORY });
    expect(defaultUpdatePlan(undefined, true)).toBeUndefined();
  });

  it('refreshes the sources a database already has: bucket ecosystems, remote secdb branches, or the registry it came from', () => {
    const m = meta([
      { id: 'osv-bucket:npm', provider: 'osv-bucket', location: 'https://x/npm/all.zip' },
      { id: 'alpine-secdb:v3.20', provider: 'alpine-secdb', location: 'https://secdb/v3.20' },
      { id: 'alpine-secdb:/local', provider: 'alpine-secdb', location: '/local' },
    ]);
    expect(defaultUpdatePlan(m, false)).toEqual({ kind: 'refresh', ecosystems: ['npm'], branches: ['v3.20'] });
    expect(defaultUpdatePlan(meta([], { builtAt: 'x', checksum: 'y', repository: 'registry.example/vulndb:v1' }), false)).toEqual({ kind: 'repository', repository: 'registry.example/vulndb:v1' });
    expect(defaultUpdatePlan(meta([{ id: 'osv-local:/x', provider: 'osv-local', location: '/x' }]), false)).toBeUndefined();
  });
});
