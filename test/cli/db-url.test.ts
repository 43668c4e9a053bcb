/**
 * PORTCULLIS_DB_URL names a mirror of the OSV bucket layout for `scan` as it does for `db update`: the scan's refresh
 * of the ecosystems the image needs goes to the mirror, and --db-url beats the variable. Real servers on free ports
 * serve ../shared's bucket layout; each records what it was asked for.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { readMetadata } from '../../src/vulndb/store.js';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { describeShared, sharedPath } from '../helpers/shared.js';
import { DEMO_IMAGE } from '../../examples/demo-image.js';

interface Mirror {
  url: string;
  asked: string[];
  server: Server;
}

async function mirror(): Promise<Mirror> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    asked.push(path);
    try {
      const file = sharedPath('vulndata/osv', path);
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, server };
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ out: string; warnings: string[]; outcome: string }> {
  let out = '';
  const logger = createRecordingLogger();
  const ctx: CliContext = { logger, out: (s) => void (out += s), stdin: Readable.from([]), env, outcome: 'go' };
  await runProgram(args, ctx);
  return { out, warnings: logger.lines.filter((l) => l.level === 'warning').map((l) => l.message), outcome: ctx.outcome };
}

describeShared('PORTCULLIS_DB_URL', () => {
  let dir: string;
  let ref: string;
  let a: Mirror;
  let b: Mirror;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-db-url-'));
    writeOciLayout(join(dir, 'image.oci'), buildImage(DEMO_IMAGE));
    ref = `oci-dir:${join(dir, 'image.oci')}:demo`;
    [a, b] = await Promise.all([mirror(), mirror()]);
  });
  afterAll(async () => {
    await Promise.all([a, b].map((m) => new Promise((r) => m.server.close(r))));
    rmSync(dir, { recursive: true, force: true });
  });

  const envOf = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ HOME: dir, XDG_CACHE_HOME: join(dir, 'xdg'), ...extra });
  const scan = (cache: string, ...more: string[]): string[] => ['scan', ref, '--db-cache-dir', cache, '--no-layer-cache', '--fail-on', 'never', '-o', `json=${join(cache, 'report.json')}`, ...more];

  it('scan refreshes from the mirror the variable names, as db update does', async () => {
    const updated = join(dir, 'by-update');
    const up = await run(['db', 'update', '--ecosystem', 'npm', '--db-cache-dir', updated], envOf({ PORTCULLIS_DB_URL: a.url }));
    expect(up.out).toContain('osv-bucket:npm: 467 records');
    expect(a.asked).toEqual(['/npm/all.zip']);

    a.asked.length = 0;
    const cache = join(dir, 'by-scan');
    const r = await run(scan(cache), envOf({ PORTCULLIS_DB_URL: a.url }));
    // The demo image has Debian 12 packages and an npm application: both ecosystems come from the mirror.
    expect([...a.asked].sort()).toEqual(['/Debian/all.zip', '/npm/all.zip']);
    expect(r.warnings.filter((w) => /refresh|fetch|download|cannot/i.test(w))).toEqual([]);
    const segments = readMetadata(cache)!.segments.map((s) => ({ id: s.id, location: s.location }));
    expect(segments).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'osv-bucket:npm', location: expect.stringContaining(a.url) })]));
    // The data is used: the old lodash of the demo application matches records the mirror served.
    const report = JSON.parse(readFileSync(join(cache, 'report.json'), 'utf8')) as { findings: { packageName?: string; package?: { name: string } }[] };
    expect(report.findings.some((f) => (f.package?.name ?? f.packageName) === 'lodash')).toBe(true);
  });

  it('--db-url beats PORTCULLIS_DB_URL on scan', async () => {
    a.asked.length = 0;
    b.asked.length = 0;
    await run(scan(join(dir, 'flag-wins'), '--db-url', b.url), envOf({ PORTCULLIS_DB_URL: a.url }));
    expect(a.asked).toEqual([]);
    expect([...b.asked].sort()).toEqual(['/Debian/all.zip', '/npm/all.zip']);
  });
});
