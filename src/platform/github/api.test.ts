import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../common/errors.js';
import { octokitApi } from './api.js';

// The retry rules are @octokit/plugin-retry's (github.com/octokit/plugin-retry.js, src/index.ts: doNotRetry
// 400, 401, 403, 404, 410, 422, 451 in v8; retries 3; the n-th retry waits n² · retryAfterBaseValue).
// The rate-limit rules are @octokit/plugin-throttling's (github.com/octokit/plugin-throttling.js, src/index.ts: a 403
// or 429 whose message says "secondary rate" waits `retry-after` (60 s when absent); one with
// `x-ratelimit-remaining: 0` waits until `x-ratelimit-reset`; the handler's `true` retries it).
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
});

interface Answer {
  status: number;
  headers?: Record<string, string>;
  message?: string;
}

async function github(answers: (number | Answer)[]): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    const raw = answers[Math.min(hits.length - 1, answers.length - 1)]!;
    const a: Answer = typeof raw === 'number' ? { status: raw } : raw;
    res
      .writeHead(a.status, { 'content-type': 'application/json', ...a.headers })
      .end(JSON.stringify(a.status < 300 ? { id: 'sarif-1', url: 'https://api/x' } : { message: a.message ?? `status ${a.status}` }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const upload = { commit_sha: 'a'.repeat(40), ref: 'refs/heads/main', sarif: 'H4sI' };

describe('octokitApi retries (@octokit/plugin-retry)', () => {
  it('a 502 and a 503 are retried; the third answer is taken', async () => {
    const gh = await github([502, 503, 202]);
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10 });
    expect(await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload)).toEqual({ id: 'sarif-1', url: 'https://api/x' });
    expect(gh.hits).toEqual(Array(3).fill('POST /repos/acme/app/code-scanning/sarifs'));
  });

  it('a 403 is not retried, and is a RemoteError with its status', async () => {
    const gh = await github([403]);
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10 });
    const error = await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).status).toBe(403);
    expect(gh.hits).toHaveLength(1);
  });

  it('gives up after the retries, as a RemoteError naming the call', async () => {
    const gh = await github([500]);
    const api = octokitApi('t0ken', gh.url, { retries: 2, retryAfterBaseMs: 10 });
    const error = await api.createIssueComment({ owner: 'acme', repo: 'app' }, 7, 'hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as Error).message).toMatch(/^GitHub API: creating the pull request comment failed \(HTTP 500\)/);
    expect(gh.hits).toHaveLength(3);
  });
});

const secondary: Answer = { status: 403, headers: { 'retry-after': '2' }, message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' };

describe('octokitApi rate limits (@octokit/plugin-throttling)', () => {
  it('a secondary rate limit is retried once after its retry-after, with a warning', async () => {
    const gh = await github([secondary, 202]);
    const warnings: string[] = [];
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10, warn: (m) => warnings.push(m) });
    expect(await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload)).toEqual({ id: 'sarif-1', url: 'https://api/x' });
    expect(gh.hits).toHaveLength(2);
    expect(warnings).toEqual([`GitHub API: secondary rate limit hit by POST /repos/{owner}/{repo}/code-scanning/sarifs; retrying in 2 s`]);
  });

  it('a second secondary rate limit in a row fails the call as a RemoteError with the 403', async () => {
    const gh = await github([secondary]);
    const warnings: string[] = [];
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10, warn: (m) => warnings.push(m) });
    const error = await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).status).toBe(403);
    expect(gh.hits).toHaveLength(2);
    expect(warnings[1]).toMatch(/not retrying \(GitHub asks to wait 2 s\)$/);
  });

  it('an exhausted quota whose reset is beyond maxRateLimitWaitSeconds is not waited for', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const gh = await github([{ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, message: 'API rate limit exceeded' }, 202]);
    const warnings: string[] = [];
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10, maxRateLimitWaitSeconds: 60, warn: (m) => warnings.push(m) });
    const error = await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload).catch((e: unknown) => e);
    expect((error as RemoteError).status).toBe(403);
    expect(gh.hits).toHaveLength(1);
    expect(warnings[0]).toMatch(/^GitHub API: rate limit hit by POST .*; not retrying \(GitHub asks to wait 36\d\d s\)$/);
  });

  it('an exhausted quota that resets soon is waited for once', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    const gh = await github([{ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } }, 202]);
    const api = octokitApi('t0ken', gh.url, { retries: 0, retryAfterBaseMs: 10, warn: () => {} });
    expect(await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload)).toEqual({ id: 'sarif-1', url: 'https://api/x' });
    expect(gh.hits).toHaveLength(2);
  });

  it("octokit's own warnings (a deprecated endpoint) go to `warn`, not to the console", async () => {
    const gh = await github([{ status: 202, headers: { deprecation: 'true', sunset: 'Wed, 31 Mar 2027 00:00:00 GMT' } }]);
    const warnings: string[] = [];
    const original = console.warn;
    const consoled: unknown[] = [];
    console.warn = (...args: unknown[]) => void consoled.push(args);
    try {
      const api = octokitApi('t0ken', gh.url, { warn: (m) => warnings.push(m) });
      await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload);
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([expect.stringMatching(/^\[@octokit\/request\] "POST .*\/code-scanning\/sarifs" is deprecated\. It is scheduled to be removed on Wed, 31 Mar 2027/)]);
    expect(consoled).toEqual([]);
  });

  it('a 410 is not retried (new in plugin-retry 8)', async () => {
    const gh = await github([410, 202]);
    const api = octokitApi('t0ken', gh.url, { retryAfterBaseMs: 10 });
    const error = await api.uploadSarif({ owner: 'acme', repo: 'app' }, upload).catch((e: unknown) => e);
    expect((error as RemoteError).status).toBe(410);
    expect(gh.hits).toHaveLength(1);
  });
});
