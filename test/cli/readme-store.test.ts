/**
 * The README's store walkthrough works when pasted as written. The shell block between `<!-- store-walkthrough -->`
 * and `<!-- /store-walkthrough -->` runs in bash, in a fresh folder holding an image as `app.tar` (the README's
 * premise), with only the substitution the README itself offers: a free port in place of 8228. `portcullis` is
 * this checkout's CLI from source (a `portcullis` early on PATH runs `node --import tsx src/entrypoints/cli.ts`). The environment points the scan's vulnerability refresh at a local mirror of the
 * OSV bucket layout (PORTCULLIS_DB_URL), so that nothing is fetched from the internet.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildImage, dockerArchiveTar } from '../helpers/image-builder.js';
import { describeShared, PROJECT_ROOT, sharedPath } from '../helpers/shared.js';
import { DEMO_IMAGE } from '../../examples/demo-image.js';
import { SQL_JS_FALLBACK_WARNING } from '../../src/store/sqlite.js';
import { nodeHasSqlite } from '../../src/store/sqlite-node.js';

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The code block between the markers, as it is written. */
export function walkthroughBlock(readme: string): string {
  const m = /<!-- store-walkthrough -->\s*```(?:sh|bash)\n([\s\S]*?)```\s*<!-- \/store-walkthrough -->/.exec(readme);
  if (!m) throw new Error('README.md has no ```sh block between <!-- store-walkthrough --> and <!-- /store-walkthrough -->');
  return m[1]!;
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the shell, and the store it started
      } catch {
        /* gone already */
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

it('the README has the walkthrough block, with the commands the issue names', () => {
  const block = walkthroughBlock(README);
  for (const step of ['portcullis serve', 'portcullis serve token create', 'portcullis scan app.tar', 'portcullis push', 'curl', 'kill %1']) expect(block).toContain(step);
});

describeShared('the README store walkthrough, pasted as written', () => {
  let dir: string;
  let mirror: Server;
  let mirrorUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-readme-store-'));
    mirror = createServer((req, res) => {
      try {
        const file = sharedPath('vulndata/osv', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!statSync(file).isFile()) throw new Error('not a file');
        res.writeHead(200).end(readFileSync(file));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => mirror.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serve, token create, scan with a push, push, the web page, kill: each does what the README says', async () => {
    const work = join(dir, 'work');
    const bin = join(dir, 'bin');
    mkdirSync(work);
    mkdirSync(bin);
    // The user's image, saved as Docker ≥ 25 saves it.
    writeFileSync(join(work, 'app.tar'), dockerArchiveTar(buildImage({ ...DEMO_IMAGE, repoTags: ['registry.example/app:1.0'] }), 'docker25'));
    const cli = join(PROJECT_ROOT, 'src/entrypoints/cli.ts');
    // `portcullis` on PATH, as `npm link` or an install puts it: here this checkout's CLI from source.
    writeFileSync(join(bin, 'portcullis'), `#!/bin/sh\nexec '${process.execPath}' --import '${join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')}' '${cli}' "$@"\n`);
    chmodSync(join(bin, 'portcullis'), 0o755);

    const port = await freePort();
    const block = walkthroughBlock(README).replaceAll('8228', String(port));
    // After the block: wait for the store to end (kill %1 stops it), and say how it ended.
    const script = `${block}\nwait\necho "store exited $?" >&2\n`;
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: dir,
      XDG_CACHE_HOME: join(dir, 'xdg'),
      PORTCULLIS_DB_URL: mirrorUrl,
      TERM: 'dumb',
    };
    const r = await bash(script, work, env, 150_000);
    const transcript = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    expect(r.timedOut, transcript).toBe(false);

    // serve: it listened where the block said, on SQLite in ./portcullis-store.
    expect(r.stderr, transcript).toContain(`portcullis store listening on http://127.0.0.1:${port}`);
    expect(existsSync(join(work, 'portcullis-store', 'store.sqlite'))).toBe(true);
    // scan: the report was written, and the push succeeded (--store-fail-on-error would have said otherwise).
    const report = JSON.parse(readFileSync(join(work, 'portcullis.json'), 'utf8')) as { decision: string; image: { manifestDigest?: string; configDigest: string } };
    expect(report.decision).toBe('STOP'); // the demo image exposes port 22 and has High vulnerabilities
    expect(r.stderr).not.toMatch(/portcullis: (configuration|remote|internal|image) error/);
    // The one warning the store may give: on a Node without node:sqlite (20), that it runs on sql.js; the README says so.
    const engineWarning = `warning: ${SQL_JS_FALLBACK_WARNING}`;
    expect(r.stderr.split('\n').filter((l) => l === engineWarning)).toHaveLength(nodeHasSqlite() ? 0 : 1);
    expect(r.stderr.split('\n').filter((l) => l !== engineWarning).join('\n')).not.toMatch(/warning: .*(push|spool|store)/i);
    // push: the report again, keyed as the scan keyed it (a docker save image: by its config digest).
    const pushed = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { status: string; image_digest?: string };
    expect(pushed, transcript).toMatchObject({ status: 'pushed' });
    expect(r.stderr).not.toContain('curl:'); // the wait loop is quiet while the store starts
    // The web page: the image, its decision.
    const page = readFileSync(join(work, 'store.html'), 'utf8');
    expect(page).toContain('<title>Portcullis store</title>');
    expect(page).toContain('registry.example/app:1.0');
    expect(page).toContain(`data-digest="${report.image.manifestDigest ?? report.image.configDigest}"`);
    expect(page).toMatch(/class="d-STOP">STOP</);
    // kill %1: the store stopped on SIGTERM, finishing what was in flight.
    expect(r.stderr).toContain('stopping: finishing requests in flight');
    expect(r.stderr).toMatch(/store exited \d+/);
  }, 180_000);
});
