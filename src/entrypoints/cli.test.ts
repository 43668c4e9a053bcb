import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI's main from source (tsx, resolved from the project root), so this checks the code, not the committed bundle.
const dir = mkdtempSync(join(tmpdir(), 'portcullis-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), ...args], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('portcullis: one stderr line whose prefix says whose fault it is, exit 3', () => {
  it('configuration error', () => {
    const r = cli(['scan', 'x', '--fail-on', 'sometimes']);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^portcullis: configuration error: .*--fail-on must be one of stop, warn, never/);
  });

  it('remote error, without the credentials of the URL', () => {
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ image: { manifestDigest: `sha256:${'a'.repeat(64)}` } }));
    const r = cli(['push', '--report', join(dir, 'r.json'), '--spool-dir', join(dir, 'spool'), '--store-url', 'http://ci:s3cret@127.0.0.1:9', '--fail-on-error', '--timeout', '2']);
    expect(r.status).toBe(3);
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^portcullis: remote error: push failed \(spooled to .*\): POST http:\/\/127\.0\.0\.1:9\/v2\/evaluations: /);
    expect(r.stderr).not.toContain('s3cret');
  });
});
