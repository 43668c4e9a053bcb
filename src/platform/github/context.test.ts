import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubContext, readEvent, repositoryPath } from './context.js';

const BASE = { GITHUB_REPOSITORY: 'acme/app', GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/pull/7/merge', GITHUB_RUN_ID: '99' };

describe('githubContext', () => {
  it('reads the repository, the pull request and the run link', () => {
    const ctx = githubContext(BASE, { pull_request: { number: 7, head: { repo: { full_name: 'acme/app' } } } });
    expect(ctx).toEqual({
      eventName: 'pull_request',
      repository: { owner: 'acme', repo: 'app' },
      sha: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/acme/app/actions/runs/99',
      sourceUrl: `https://github.com/acme/app/blob/${'a'.repeat(40)}`,
      pullRequest: { number: 7, fromFork: false },
    });
  });

  it('tells a fork (or a deleted one) from a branch of the same repository', () => {
    expect(githubContext(BASE, { pull_request: { number: 7, head: { repo: { full_name: 'someone/app' } } } }).pullRequest).toEqual({ number: 7, fromFork: true });
    expect(githubContext(BASE, { pull_request: { number: 7, head: { repo: null } } }).pullRequest?.fromFork).toBe(true);
    expect(githubContext(BASE, { pull_request: { number: 7, head: { repo: { full_name: 'ACME/App' } } } }).pullRequest?.fromFork).toBe(false);
  });

  it('uses GITHUB_API_URL and GITHUB_SERVER_URL (Enterprise Server) without a trailing slash', () => {
    const ctx = githubContext({ ...BASE, GITHUB_API_URL: 'http://127.0.0.1:8080/api/v3/', GITHUB_SERVER_URL: 'http://127.0.0.1:8080/' }, {});
    expect(ctx.apiUrl).toBe('http://127.0.0.1:8080/api/v3');
    expect(ctx.runUrl).toBe('http://127.0.0.1:8080/acme/app/actions/runs/99');
    expect(ctx.sourceUrl).toBe(`http://127.0.0.1:8080/acme/app/blob/${'a'.repeat(40)}`);
  });

  it('reads the event file, and treats a missing or broken one as empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctx-'));
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 3, head: { repo: { full_name: 'acme/app' } } } }));
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(githubContext({ ...BASE, GITHUB_EVENT_PATH: join(dir, 'event.json') }).pullRequest).toEqual({ number: 3, fromFork: false });
    expect(readEvent(join(dir, 'bad.json'))).toEqual({});
    expect(readEvent(join(dir, 'absent.json'))).toEqual({});
    expect(githubContext({ GITHUB_EVENT_NAME: 'push' }).pullRequest).toBeUndefined();
  });
});

describe('repositoryPath', () => {
  it('makes absolute paths relative to the workspace', () => {
    expect(repositoryPath('/home/runner/work/app/app/docker/Dockerfile', '/home/runner/work/app/app')).toBe('docker/Dockerfile');
    expect(repositoryPath('./Dockerfile', '/w')).toBe('Dockerfile');
    expect(repositoryPath('Dockerfile', undefined)).toBe('Dockerfile');
  });
});
