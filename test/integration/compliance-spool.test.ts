/**
 * `compliance push` spools as evaluation pushes do, over the real store server and the real CLI (its exit codes and
 * its stderr): with the store down, each check and its files are spooled with one warning line naming the file
 * (exit 0, or 3 with --store-fail-on-error); once the store is up on the same address, the next push delivers them
 * first, each exactly once (the idempotency key), and `portcullis push --retry-spooled` delivers them too. A spool
 * file that cannot be read back is reported in one line and kept.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../src/store/db.js';
import { DirectoryFileStore } from '../../src/store/files.js';
import { migrate } from '../../src/store/migrations.js';
import { buildStoreServer } from '../../src/store/server.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { createToken } from '../../src/store/tokens.js';
import { listenStore, storeApi } from '../../src/store/testing/bucket.js';
import { randomDigest } from '../../src/store/testing/fixtures.js';
import { Spool } from '../../src/publish/spool.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from source, in its own process: the exit code is the one a pipeline sees. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/entrypoints/cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

describe('compliance push: spool and retry over the real store', () => {
  let dir: string;
  let db: SqlDb;
  let app: FastifyInstance | undefined;
  let url = '';
  let token: string;
  let env: Record<string, string>;
  let spoolDir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-compliance-spool-'));
    spoolDir = join(dir, 'spool');
    db = await openSqlite(undefined);
    await migrate(db);
    token = (await createToken(db, 'ci', ['push', 'read'])).token;
    // The store's address: taken by a first start, then the store is stopped (down) until startStore.
    await startStore();
    await app!.close();
    app = undefined;
    env = { PORTCULLIS_STORE_URL: url, PORTCULLIS_STORE_TOKEN: token, PORTCULLIS_SPOOL_DIR: spoolDir };
    writeFileSync(join(dir, 'results.xml'), '<TestResult id="spooled"/>');
    writeFileSync(join(dir, 'report.html'), '<html>report</html>');
  });

  afterAll(async () => {
    await app?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startStore = async () => {
    app = await buildStoreServer({ db, files: new DirectoryFileStore(join(dir, 'files')), env: {} });
    // Up again on the same address, where the pipeline's spool says the checks go.
    url = await listenStore(app, url ? Number(new URL(url).port) : 0);
  };
  const rowsFor = async (digest: string) =>
    db.query<{ id: string; result: string | null; result_file_id: string | null }>('SELECT * FROM compliance_checks WHERE image_digest = $1', [digest]);
  const spooled = () => (existsSync(spoolDir) ? readdirSync(spoolDir).sort() : []);

  const d1 = randomDigest();
  const d2 = randomDigest();
  const d3 = randomDigest();
  const d4 = randomDigest();
  const check = (digest: string, extra: string[] = []) => [
    'compliance', 'push', '--check-type', 'oscap', '--image-digest', digest, '--result', 'fail',
    '--result-file', join(dir, 'results.xml'), '--report-file', join(dir, 'report.html'), '--api', 'v2', '--timeout', '2', ...extra,
  ];

  it('store down: the check and its files are spooled, one warning line names the file, exit 0 (3 with --store-fail-on-error)', async () => {
    const soft = await cli(check(d1), env);
    expect(soft.code).toBe(0);
    const out = JSON.parse(soft.stdout) as { status: string; spoolPath: string; error: string };
    expect(out).toMatchObject({ status: 'spooled', error: expect.stringMatching(/ECONNREFUSED|refused/i) });
    const warnings = lines(soft.stderr).filter((l) => /compliance push failed/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`spooled to ${out.spoolPath} (retried by the next push, or portcullis push --retry-spooled)`);
    expect(existsSync(out.spoolPath)).toBe(true);
    const text = readFileSync(out.spoolPath, 'utf8');
    expect(text).not.toContain(token);
    // The files themselves are in the spool, not a path to them: the pipeline's workspace may be gone by the retry.
    expect(text).toContain(Buffer.from('<TestResult id="spooled"/>').toString('base64'));

    const hard = await cli(check(d2, ['--store-fail-on-error']), env);
    expect(hard.code).toBe(3);
    expect(lines(hard.stderr).some((l) => /spooled to .*compliance-[a-f0-9]{64}\.json/.test(l))).toBe(true);
    expect(spooled()).toHaveLength(2);
    expect(spooled().every((n) => /^compliance-[a-f0-9]{64}\.json$/.test(n))).toBe(true);
  });

  it('store up: the next compliance push delivers what was spooled first, exactly once; a corrupt spool file is reported in one line and kept', async () => {
    writeFileSync(join(spoolDir, 'compliance-corrupt.json'), '{"version": 1, "kind": "compliance", "sink": "compl');
    await startStore();
    const run = await cli(check(d3), env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ check_type: 'oscap', image_digest: d3 });
    const corrupt = lines(run.stderr).filter((l) => l.includes('compliance-corrupt.json'));
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]).toMatch(/spool: cannot read .*compliance-corrupt\.json, kept and not retried/);
    expect(lines(run.stderr).filter((l) => /pushed spooled/.test(l))).toHaveLength(2);
    for (const digest of [d1, d2, d3]) {
      const rows = await rowsFor(digest);
      expect(rows, digest).toHaveLength(1);
      expect(rows[0]!.result).toBe('fail');
    }
    // The spooled file reached the store byte for byte.
    const [row] = await rowsFor(d1);
    const got = (await storeApi(url, 'GET', `/v2/runtime-compliance/${row!.id}`, token)).json as { compliance_file_ids: Record<string, string> };
    const file = await fetch(`${env.PORTCULLIS_STORE_URL}/v2/runtime-compliance/result/${got.compliance_file_ids.result_file}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await file.text()).toBe('<TestResult id="spooled"/>');
    // Only the corrupt file is left: kept, not deleted.
    expect(spooled()).toEqual(['compliance-corrupt.json']);

    // A second run sends nothing twice.
    const again = await cli(check(d3), env);
    expect(again.code).toBe(0);
    for (const digest of [d1, d2, d3]) expect(await rowsFor(digest)).toHaveLength(1);
  });

  it('a check that reached the store before its push was spooled (the answer was lost) is not duplicated by the retry, and push --retry-spooled delivers checks too', async () => {
    const files = { result_file: { name: 'results.xml', data: readFileSync(join(dir, 'results.xml')), contentType: 'application/xml' } };
    const spool = new Spool(spoolDir);
    // d1 is in the store already; d4 is not.
    await spool.putCompliance(env.PORTCULLIS_STORE_URL!, { api: 'v2', check: { check_type: 'oscap', image_digest: d1, result: 'fail' }, files: { ...files, report_file: { name: 'report.html', data: readFileSync(join(dir, 'report.html')), contentType: 'text/html' } } }, 'lost answer');
    await spool.putCompliance(env.PORTCULLIS_STORE_URL!, { api: 'auto', check: { check_type: 'oscap', image_digest: d4, result: 'pass' }, files }, 'lost answer');
    const run = await cli(['push', '--retry-spooled'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { pushed: { sink: string }[]; failed: unknown[] };
    expect(out.pushed.map((p) => p.sink)).toEqual(['compliance', 'compliance']);
    expect(out.failed).toEqual([]);
    expect(await rowsFor(d1)).toHaveLength(1);
    expect(await rowsFor(d4)).toHaveLength(1);
    expect(spooled()).toEqual(['compliance-corrupt.json']);
  });

  it('a check meant for another server stays spooled for it', async () => {
    const spool = new Spool(spoolDir);
    const other = await spool.putCompliance('http://127.0.0.1:1', { api: 'v2', check: { check_type: 'oscap', image_digest: randomDigest() }, files: {} }, 'down');
    const run = await cli(check(randomDigest()), env);
    expect(run.code).toBe(0);
    expect(existsSync(other)).toBe(true);
  });
});
