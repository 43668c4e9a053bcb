/**
 * `portcullis scan` (the committed bundle, bin/portcullis.js → dist/cli) with the store option and compliance
 * summaries: a real in-process store on loopback, a synthetic image written to disk, the exit codes, what arrived in
 * the store, the spool when the store is down, and a bundle whose compliance gate STOPs on a failed OpenSCAP check.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IMAGE } from '../../examples/demo-image.js';
import { startTestStore, type TestStore } from '../../src/store/testing/in-process.js';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { seedDatabase } from '../helpers/vulndb.js';

const BIN = join(PROJECT_ROOT, 'bin/portcullis.js');
const GO_POLICY = join(PROJECT_ROOT, 'integrations/testdata/policies/go.json');

let dir: string;
let ref: string;
let store: TestStore;
let digest: string;

/** Runs the CLI without blocking this process's event loop (the store answers from it). */
function portcullis(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, PORTCULLIS_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

async function evaluations(): Promise<{ id: string; image_digest: string; commit: string | null; pipeline_run: string | null; decision: string; files: Record<string, string | null> }[]> {
  const res = await fetch(`${store.url}/v2/evaluations?image_digest=${digest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function complianceBundle(trigger: 'check_failed' | 'check_missing'): string {
  const path = join(dir, `compliance-${trigger}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      id: 'compliance-e2e',
      name: 'compliance e2e',
      version: '1_0',
      policies: [{ id: 'p', name: 'p', version: '1_0', rules: [{ id: 'oscap-failed', gate: 'compliance', trigger, action: 'STOP', params: [{ name: 'max_age_days', value: '7' }] }] }],
      whitelists: [],
      mappings: [{ id: 'm', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p'], whitelist_ids: [] }],
    }),
  );
  return path;
}

function summary(name: string, result: string, imageDigest = digest): string {
  const now = new Date().toISOString();
  // The fields `portcullis compliance oscap` writes that the scan reads (see src/compliance/check.ts).
  writeFileSync(join(dir, name), JSON.stringify({ check_type: 'oscap', image: { reference: ref, digest: imageDigest }, profile: 'standard', result, reason: 'r', counts: { pass: 1, fail: result === 'fail' ? 1 : 0 }, start_time: now, end_time: now }));
  return name;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-scan-store-'));
  writeOciLayout(join(dir, 'image.oci'), buildImage(DEMO_IMAGE));
  ref = `oci-dir:${join(dir, 'image.oci')}:demo`;
  seedDatabase(join(dir, 'cache'));
  store = await startTestStore();
  const first = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '-o', 'json=digest.json']);
  expect(first.status, first.stderr).toBe(0);
  digest = (JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8')) as { image: { manifestDigest: string } }).image.manifestDigest;
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('portcullis scan --store-url', () => {
  it('pushes the evaluation once, keyed by digest, commit and run, with the SBOM and SARIF; the token is never printed', async () => {
    const r = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '-o', 'json=report.json', '--store-url', store.url], {
      PORTCULLIS_STORE_TOKEN: store.tokens.push,
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '99',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/pushed to store: [0-9a-f-]{36}\n/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(store.tokens.push);
    const list = await evaluations();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ image_digest: digest, commit: 'a'.repeat(40), pipeline_run: 'github:acme/app/99/1', decision: 'GO' });
    expect(list[0]!.files.sbom).toBeTruthy();
    expect(list[0]!.files.sarif).toBeTruthy();
    // What arrived is the report the scan wrote (the same evaluation, all of it).
    const pushed = await fetch(`${store.url}/v2/evaluations/${list[0]!.id}/files/report`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
    const report = (await pushed.json()) as { image: { manifestDigest: string }; decision: string; createdAt: string };
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as typeof report;
    expect(report).toEqual(written);
  });

  it('a store that is down: a warning, the payload spooled (without credentials), exit code unchanged', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const r = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '--store-url', down, '--store-token', 'pcs_never_shown']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: push to store failed: .*; spooled to .*\.portcullis\/spool\/store-[0-9a-f]+\.json \(retry with portcullis push --retry-spooled\)/);
    expect(r.stderr).not.toContain('pcs_never_shown');
    const spooled = readdirSync(join(dir, '.portcullis/spool'));
    expect(spooled).toHaveLength(1);
    expect(readFileSync(join(dir, '.portcullis/spool', spooled[0]!), 'utf8')).not.toContain('pcs_never_shown');
  });

  it('--store-fail-on-error: a failed push is exit 3 with one error line, after the reports are written', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const r = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '-o', 'json=failed-push.json', '--store-url', down, '--store-fail-on-error', '--spool-dir', 'spool-fail']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/\nportcullis: remote error: the evaluation was not pushed to the store \(--store-fail-on-error\): .+\n$/);
    expect(JSON.parse(readFileSync(join(dir, 'failed-push.json'), 'utf8'))).toMatchObject({ decision: 'GO' });
    expect(readdirSync(join(dir, 'spool-fail'))).toHaveLength(1);
    const noStore = await portcullis(['scan', ref, '--offline', '--store-fail-on-error']);
    expect(noStore.status).toBe(3);
    expect(noStore.stderr).toContain('portcullis: configuration error: --store-fail-on-error needs a store: give --store-url or PORTCULLIS_STORE_URL');
  });

  it('a token without the push scope is refused: spooled, never silent; the next run pushes the spooled one first', async () => {
    const before = (await evaluations()).length;
    const r = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '--store-url', store.url, '--spool-dir', 'spool-scope'], { PORTCULLIS_STORE_TOKEN: store.tokens.read });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: push to store failed: .*403/);
    expect(readdirSync(join(dir, 'spool-scope'))).toHaveLength(1);
    expect(await evaluations()).toHaveLength(before);

    const again = await portcullis(['scan', ref, '--offline', '--policy', GO_POLICY, '--store-url', store.url, '--spool-dir', 'spool-scope'], { PORTCULLIS_STORE_TOKEN: store.tokens.push });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/pushed spooled .*spool-scope\/store-[0-9a-f]+\.json to store: [0-9a-f-]{36}\n(.*\n)*pushed to store: [0-9a-f-]{36}\n/);
    expect(await evaluations()).toHaveLength(before + 2);
    expect(readdirSync(join(dir, 'spool-scope'))).toEqual([]);
  });
});

describe('portcullis scan --compliance-summary and the compliance gate', () => {
  it('a failed OpenSCAP check STOPs through a bundle with compliance/check_failed', async () => {
    const r = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '--compliance-summary', summary('oscap-fail.json', 'fail'), '-o', 'json=compliance.json']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'compliance.json'), 'utf8')) as { decision: string; policy: { findings: { gate: string; trigger: string; trigger_id: string; action: string; message: string }[]; evaluation_problems: unknown[] } };
    expect(report.decision).toBe('STOP');
    expect(report.policy.findings).toHaveLength(1);
    expect(report.policy.findings[0]).toMatchObject({ gate: 'compliance', trigger: 'check_failed', trigger_id: 'oscap+fail', action: 'stop' });
    expect(report.policy.findings[0]!.message).toMatch(/^Compliance check failed: check_type=oscap result=fail source=oscap-fail\.json time=/);
    expect(report.policy.evaluation_problems).toEqual([]);
  });

  it('a passing check is GO; several summaries are read; a bad file is a one-line error', async () => {
    const pass = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '--compliance-summary', summary('oscap-pass.json', 'pass')]);
    expect(pass.status, pass.stderr).toBe(0);
    const both = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '--compliance-summary', 'oscap-pass.json', '--compliance-summary', 'oscap-fail.json']);
    expect(both.status).toBe(1);
    writeFileSync(join(dir, 'not-a-summary.json'), '{"profile":"x"}');
    const bad = await portcullis(['scan', ref, '--offline', '--compliance-summary', 'not-a-summary.json']);
    expect(bad.status).toBe(3);
    expect(bad.stderr.trim().split('\n').at(-1)).toBe('portcullis: configuration error: compliance summary not-a-summary.json has no check_type and result; give the oscap-summary.json written by portcullis compliance oscap');
  });

  it("a summary for another image is not counted (with a warning), so check_missing STOPs; none at all says so too", async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    const r = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_missing'), '--compliance-summary', summary('oscap-other.json', 'pass', other), '-o', 'json=missing.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`warning: compliance summary oscap-other.json is for image ${other}, not the scanned ${digest}; it is not counted`);
    const report = JSON.parse(readFileSync(join(dir, 'missing.json'), 'utf8')) as { policy: { findings: { trigger_id: string; message: string }[] } };
    expect(report.policy.findings.map((f) => [f.trigger_id, f.message])).toEqual([['oscap+missing', 'No oscap compliance check found for the image within the last 7 day(s)']]);

    const none = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '-o', 'json=none.json']);
    expect(none.status).toBe(0);
    const noneReport = JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8')) as { policy: { evaluation_problems: { problem_type: string }[] } };
    expect(noneReport.policy.evaluation_problems.map((p) => p.problem_type)).toEqual(['compliance_data_unavailable']);
  });
});

describe('portcullis scan --compliance-from-store', () => {
  async function pushCheck(result: string, end: Date): Promise<string> {
    const form = new FormData();
    form.append('check_type', 'oscap');
    form.append('image_digest', digest);
    form.append('result', result);
    form.append('start_time', new Date(end.getTime() - 60_000).toISOString());
    form.append('end_time', end.toISOString());
    const res = await fetch(`${store.url}/v2/runtime-compliance`, { method: 'POST', body: form, headers: { authorization: `Bearer ${store.tokens.push}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { id: string }).id;
  }

  it("the store's latest check of the image decides: a failed one STOPs, a newer pass is GO", async () => {
    const args = ['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '--compliance-from-store', '--store-url', store.url, '--spool-dir', 'spool-compliance', '-o', 'json=from-store.json'];
    const env = { PORTCULLIS_STORE_TOKEN: store.tokens.both };
    const failed = await pushCheck('fail', new Date(Date.now() - 3600_000));
    const stop = await portcullis(args, env);
    expect(stop.status, stop.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'from-store.json'), 'utf8')) as { policy: { findings: { trigger_id: string; message: string }[] } };
    expect(report.policy.findings.map((f) => f.trigger_id)).toEqual(['oscap+fail']);
    expect(report.policy.findings[0]!.message).toContain(`source=${store.url}/v2/runtime-compliance/${failed} `);

    await pushCheck('pass', new Date());
    const go = await portcullis(args, env);
    expect(go.status, go.stderr).toBe(0);
    expect(go.stderr).toMatch(/compliance: oscap check [0-9a-f-]{36} from the store: pass\n/);
  });

  it('a store that refuses the lookup is an error, never a silent GO; --compliance-from-store needs a store', async () => {
    const r = await portcullis(['scan', ref, '--offline', '--policy', complianceBundle('check_failed'), '--compliance-from-store', '--store-url', store.url], { PORTCULLIS_STORE_TOKEN: store.tokens.push });
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^portcullis: remote error: GET http:\/\/127\.0\.0\.1:\d+\/v2\/runtime-compliance\?image_digest=sha256%3A[0-9a-f]{64}: HTTP 403/);
    const none = await portcullis(['scan', ref, '--offline', '--compliance-from-store']);
    expect(none.status).toBe(3);
    expect(none.stderr).toContain('portcullis: configuration error: --compliance-from-store needs a store: give --store-url or PORTCULLIS_STORE_URL');
  });
});
