/**
 * `portcullis serve` on a hostile network: malformed multipart is the client's fault (400, nothing in the error log),
 * a client that never finishes its headers is cut off, the database and files are the owner's only, `--open-read`
 * warns, and `--tls-cert/--tls-key` serve HTTPS directly (a self-signed certificate made here with openssl).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import { openStore } from '../../src/store/open.js';
import { buildStoreServer } from '../../src/store/server.js';
import { createToken } from '../../src/store/tokens.js';
import { makeReport, randomDigest } from '../../src/store/testing/fixtures.js';
import { startTestStore, type TestStore } from '../../src/store/testing/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'portcullis-serve-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('malformed multipart is a 400, not a 500 with a stack', () => {
  let store: TestStore;
  const logger = createRecordingLogger();
  beforeAll(async () => {
    store = await startTestStore({ logger });
  });
  afterAll(async () => store.close());

  it.each([
    ['no closing boundary', '--xyz\r\nContent-Disposition: form-data; name="image_digest"\r\n\r\nsha256:abc'],
    ['a part without headers', '--xyz\r\n\r\n\r\n--xyz--\r\n'],
    ['garbage', 'this is not multipart at all'],
  ])('%s', async (_name, body) => {
    const res = await request(`${store.url}/v2/evaluations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${store.tokens.push}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body,
    });
    const answer = (await res.body.json()) as { code: number; message: string };
    expect(res.statusCode).toBe(400);
    expect(answer.code).toBe(400);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('request time-outs', () => {
  it('a client that never finishes its headers is cut off (Slowloris)', async () => {
    const store = await startTestStore({ timeouts: { headersMs: 300, requestMs: 1000 } });
    try {
      const port = Number(new URL(store.url).port);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('still open after 5 s')), 5000).unref();
      });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('the database and files are the owner\'s only', () => {
  it('store.sqlite and every stored file are 0600, their folders 0700', async () => {
    const dataDir = join(dir, 'data');
    const { db, files } = await openStore({ dataDir });
    const { token } = await createToken(db, 'ci', ['push']);
    const app = await buildStoreServer({ db, files });
    try {
      const form = new FormData();
      const digest = randomDigest();
      form.append('image_digest', digest);
      form.append('report', new Blob([JSON.stringify(makeReport({ digest }))], { type: 'application/json' }), 'report.json');
      const res = await app.inject({ method: 'POST', url: '/v2/evaluations', headers: { authorization: `Bearer ${token}` }, payload: form });
      expect(res.statusCode, res.body).toBeLessThan(300);
    } finally {
      await app.close();
      await db.close();
    }
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'store.sqlite'))).toBe(0o600);
    const filesDir = join(dataDir, 'files');
    expect(mode(filesDir)).toBe(0o700);
    const shards = readdirSync(filesDir);
    expect(shards.length).toBeGreaterThan(0);
    for (const shard of shards) {
      expect(mode(join(filesDir, shard))).toBe(0o700);
      for (const f of readdirSync(join(filesDir, shard))) expect(mode(join(filesDir, shard, f))).toBe(0o600);
    }
  });
});

describe('portcullis serve --tls-cert/--tls-key, --open-read', () => {
  it('serves HTTPS with a self-signed certificate, and warns that reads are open', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const logger = createRecordingLogger();
    const ctx: CliContext = { logger, out: () => {}, stdin: process.stdin, env: {}, outcome: 'go' };
    const running = runProgram(['serve', '--data-dir', join(dir, 'tls'), '--listen', '127.0.0.1:0', '--tls-cert', cert, '--tls-key', key, '--open-read'], ctx);
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(logger.lines.map((l) => l.message).join('\n'))?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url).toBeDefined();
    expect(logger.lines.find((l) => l.level === 'warning')?.message).toMatch(/^--open-read: anyone who can reach this address can read every stored report/);
    const agent = new Agent({ connect: { ca: execFileSync('cat', [cert]) } });
    try {
      const res = await request(`${url}/healthz`, { dispatcher: agent });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toEqual({ status: 'ok' });
      // the page is open to read
      const page = await request(`${url}/`, { dispatcher: agent });
      expect(page.statusCode).toBe(200);
      await page.body.dump();
      // a client that does not trust the certificate is refused by TLS itself
      await expect(request(`${url}/healthz`)).rejects.toThrow(/self[- ]signed|certificate/i);
    } finally {
      await agent.close();
      process.emit('SIGINT');
      await running;
    }
  });

  it('refuses half a TLS pair and a file that is not PEM', async () => {
    const ctx: CliContext = { logger: createRecordingLogger(), out: () => {}, stdin: process.stdin, env: {}, outcome: 'go' };
    await expect(runProgram(['serve', '--data-dir', join(dir, 'x'), '--tls-cert', 'c.pem'], ctx)).rejects.toThrow('--tls-cert and --tls-key go together');
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    await expect(runProgram(['serve', '--data-dir', join(dir, 'x'), '--tls-cert', junk, '--tls-key', junk], ctx)).rejects.toThrow(`--tls-cert: ${junk} is not a PEM file`);
  });
});
