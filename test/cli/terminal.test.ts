/**
 * The CLI at a terminal, from source (tsx), as a person runs it: progress on stderr when it is a terminal (a real pty,
 * through util-linux `script`) and never when piped or with --quiet; NO_COLOR and FORCE_COLOR; the table's width; and
 * a reader that closes the pipe early (`| head -1`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { PROJECT_ROOT, sharedBlocker, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { DEMO_IMAGE } from '../../examples/demo-image.js';

const ESC = String.fromCharCode(0x1b);

const CLI = ['--import', 'tsx', join(PROJECT_ROOT, 'src/entrypoints/cli.ts')];
const POLICIES = join(PROJECT_ROOT, 'test/fixtures/policies');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const ERASE_LINE = '\r\u001b[2K';

let dir: string;
let ref: string;
let cache: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-terminal-'));
  writeOciLayout(join(dir, 'image.oci'), buildImage(DEMO_IMAGE));
  ref = `oci-dir:${join(dir, 'image.oci')}:demo`;
  cache = join(dir, 'cache');
  seedDatabase(cache);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const command = (args: readonly string[]): string => [process.execPath, ...CLI, ...args].map(quote).join(' ');

/** A clean environment: no CI colour variables leak in; the layer cache and the database stay in the test's folder. */
function envOf(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: dir, XDG_CACHE_HOME: join(dir, 'xdg'), PORTCULLIS_CACHE_DIR: cache, TERM: 'xterm', ...extra };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line asynchronously (a server in this process may have to answer it). */
function sh(line: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', line], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** On a pty: stdout and stderr are both the terminal, so they arrive merged in `stdout`. */
const onTty = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => sh(`script -qfec ${quote(command(args))} /dev/null`, envOf(env));
const piped = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => sh(command(args), envOf(env));

const scanArgs = (...more: string[]): string[] => ['scan', ref, '--offline', '--db-cache-dir', cache, ...more];

describeUnless(hasScript ? undefined : 'util-linux script is not installed (apt-get install bsdutils)', 'progress on a terminal', () => {
  it('a scan on a pty shows the layers read and the catalog, in place, and clears the line', async () => {
    const r = await onTty(scanArgs('-o', `json=${join(dir, 'tty.json')}`));
    expect(r.status, r.stdout).toBe(1); // the default policy STOPs the demo image (port 22)
    expect(r.stdout).toContain(`${ERASE_LINE}\u001b[36m[....................]  0/3  reading layers of oci-dir:`);
    expect(r.stdout).toContain(`${ERASE_LINE}\u001b[36m[####################]  3/3  reading layers of oci-dir:`);
    expect(r.stdout).toMatch(/\[[#.]{20}\] {2}\d+\/\d+ {2}cataloguing: dpkg\/status/);
    // Every log line starts on a clean line: the progress line is erased before it.
    expect(r.stdout).toContain(`${ERASE_LINE}catalogued 4 packages`);
    // No progress text is left on a line of its own: each is erased or overwritten.
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.includes('cataloguing:') && !l.includes(`${ERASE_LINE}catalogued`))).toEqual([]);
    expect(r.stdout).toContain('decision: STOP');
  });

  it('piped: no progress and no escape codes at all', async () => {
    const r = await piped(scanArgs('-o', 'table'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('decision: STOP');
    expect(r.stderr).not.toContain('reading layers');
    expect(r.stderr).not.toContain('\u001b[');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--quiet on a terminal: no progress and no info lines; warnings still go', async () => {
    const r = await onTty(scanArgs('--quiet', '-o', `json=${join(dir, 'quiet.json')}`));
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('reading layers');
    expect(r.stdout).not.toContain(ERASE_LINE);
    expect(r.stdout).not.toContain('decision: STOP');
    expect(JSON.parse(readFileSync(join(dir, 'quiet.json'), 'utf8')).decision).toBe('STOP');
  });

  it('NO_COLOR: a table on a terminal has no colour, and the progress line none either', async () => {
    const colour = await onTty(scanArgs());
    expect(colour.stdout).toContain('\u001b[1;31mSTOP');
    const plain = await onTty(scanArgs(), { NO_COLOR: '1' });
    expect(plain.stdout).toContain('STOP  ');
    expect(plain.stdout).not.toContain('\u001b[1;31m');
    expect(plain.stdout).not.toContain('\u001b[36m');
    // progress itself stays: it is not colour
    expect(plain.stdout).toMatch(new RegExp(String.raw`\r${ESC}\[2K\[[#.]{20}\] {2}\d/3 {2}reading layers of`));
  });
});

describe('colour when piped', () => {
  it('FORCE_COLOR colours a piped table (and wins over NO_COLOR, as in Node); FORCE_COLOR=0 does not', async () => {
    expect((await piped(scanArgs(), { FORCE_COLOR: '1' })).stdout).toContain('\u001b[1;31mSTOP\u001b[0m');
    expect((await piped(scanArgs(), { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).toContain('\u001b[1;31mSTOP');
    expect((await piped(scanArgs(), { FORCE_COLOR: '0' })).stdout).not.toContain('\u001b[');
    // --no-color beats FORCE_COLOR: the flag is the user's word for this run.
    expect((await piped(scanArgs('--no-color'), { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });
});

describe('the table fits the terminal', () => {
  const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));
  it('COLUMNS=80 (and 80 when unknown), COLUMNS=120', async () => {
    const policy = ['--policy', join(POLICIES, 'always-stop.yaml')];
    const at80 = await piped(scanArgs(...policy), { COLUMNS: '80' });
    const unknown = await piped(scanArgs(...policy));
    const at120 = await piped(scanArgs(...policy), { COLUMNS: '120' });
    const at40 = await piped(scanArgs(...policy), { COLUMNS: '40' });
    expect(widest(at80.stdout)).toBeLessThanOrEqual(80);
    expect(unknown.stdout).toBe(at80.stdout);
    expect(widest(at120.stdout)).toBeLessThanOrEqual(120);
    expect(widest(at120.stdout)).toBeGreaterThan(80);
    expect(widest(at40.stdout)).toBeLessThanOrEqual(40);
  });
});

describe('a reader that closes the pipe early', () => {
  it('`| head -1` on a large output: exit 0, no stack trace', async () => {
    const r = await sh(`${command(['policy', 'schema'])} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`, envOf());
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toContain('exit=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('`scan … -o table | head -1`: GO exits 0; a STOP still exits 1 because it is a STOP, never because of the pipe', async () => {
    const go = await sh(`${command(scanArgs('-o', 'table', '--policy', join(POLICIES, 'always-go.yaml')))} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`, envOf());
    expect(go.stdout).toMatch(/^GO {2}/);
    expect(go.stderr).toContain('exit=0');
    expect(go.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
    // The reader is gone before the table is written: the write fails with EPIPE for certain.
    const gone = await sh(`${command(scanArgs('-o', 'table', '--policy', join(POLICIES, 'always-go.yaml')))} | true; echo "exit=\${PIPESTATUS[0]}" >&2`, envOf());
    expect(gone.stderr).toContain('exit=0');
    expect(gone.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
    const stop = await sh(`${command(scanArgs('-o', 'table', '--policy', join(POLICIES, 'always-stop.yaml')))} | true; echo "exit=\${PIPESTATUS[0]}" >&2`, envOf());
    expect(stop.stderr).toContain('decision: STOP');
    expect(stop.stderr).toContain('exit=1');
    expect(stop.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
  });
});

describeUnless(hasScript ? sharedBlocker() : 'util-linux script is not installed (apt-get install bsdutils)', 'db update progress on a terminal', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // The bucket layout from ../shared, with a Content-Length, sent in small pieces so that the download takes a while.
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let body: Buffer;
      try {
        body = readFileSync(sharedPath('vulndata/osv', path));
      } catch {
        return void res.writeHead(404).end();
      }
      res.writeHead(200, { 'content-length': String(body.length) });
      let at = 0;
      const next = (): void => {
        if (at >= body.length) return void res.end();
        res.write(body.subarray(at, at + 64 * 1024));
        at += 64 * 1024;
        setTimeout(next, 30);
      };
      next();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('the download shows bytes against its size, then the import; piped, nothing', async () => {
    const db = join(dir, 'db-tty');
    const tty = await onTty(['db', 'update', '--ecosystem', 'npm', '--db-cache-dir', db], { PORTCULLIS_DB_URL: base });
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toMatch(/\[[#.]{20}\] {2}[\d.]+ KiB of 434\.5 KiB {2}downloading npm\/all\.zip/);
    expect(tty.stdout).toMatch(/importing \d+ records into /);
    expect(tty.stdout).toContain('osv-bucket:npm: 467 records');
    const quiet = await piped(['db', 'update', '--ecosystem', 'npm', '--db-cache-dir', join(dir, 'db-piped')], { PORTCULLIS_DB_URL: base });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).not.toContain('downloading');
    expect(quiet.stderr).not.toContain('\u001b[');
  });
});
