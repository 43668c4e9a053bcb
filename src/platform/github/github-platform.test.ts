import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { githubPlatform } from './github-platform.js';

/** The real @actions/core behind the platform: workflow commands on stdout, GITHUB_OUTPUT, the step summary file. */
describe('githubPlatform', () => {
  let stdout: string[];
  let dir: string;
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY };

  beforeEach(() => {
    stdout = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    dir = mkdtempSync(join(tmpdir(), 'ghp-'));
    writeFileSync(join(dir, 'output'), '');
    writeFileSync(join(dir, 'summary'), '');
    process.env.GITHUB_OUTPUT = join(dir, 'output');
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    for (const [k, v] of [['GITHUB_OUTPUT', saved.output], ['GITHUB_STEP_SUMMARY', saved.summary]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('writes annotations as workflow commands with file, line and an escaped message', () => {
    const p = githubPlatform();
    p.annotate({ level: 'error', title: 'Critical CVE-1: x', message: 'line one\nline two: 100%', file: 'docker/Dockerfile', line: 3, endLine: 5 });
    p.annotate({ level: 'warning', message: 'w' });
    p.annotate({ level: 'notice', title: 'n', message: 'm' });
    expect(stdout.join('')).toBe(
      '::error title=Critical CVE-1%3A x,file=docker/Dockerfile,line=3,endLine=5::line one%0Aline two: 100%25\n::warning::w\n::notice title=n::m\n',
    );
  });

  it('sets outputs in GITHUB_OUTPUT and appends the summary', async () => {
    const p = githubPlatform();
    p.setOutputs({ decision: 'STOP', critical: '2' });
    await p.summary('## Portcullis\n');
    const out = readFileSync(join(dir, 'output'), 'utf8');
    expect(out).toMatch(/^decision<<(ghadelimiter_[0-9a-f-]+)\nSTOP\n\1\ncritical<<(ghadelimiter_[0-9a-f-]+)\n2\n\2\n$/);
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toBe('## Portcullis\n\n');
  });

  it('concludes: STOP fails with exit 1, an error with 3, WARN is a warning that passes', () => {
    githubPlatform().conclude('warn', 'Portcullis: WARN');
    expect(process.exitCode).toBeUndefined();
    githubPlatform().conclude('stop', 'Portcullis: STOP');
    expect(process.exitCode).toBe(1);
    githubPlatform().conclude('configuration-error', 'Portcullis: bad input');
    expect(process.exitCode).toBe(3);
    expect(stdout.join('')).toBe('::warning::Portcullis: WARN\n::error::Portcullis: STOP\n::error::Portcullis: bad input\n');
  });

  it('skips the summary quietly outside a runner', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await githubPlatform().summary('x');
    expect(stdout.join('')).toBe('::debug::GITHUB_STEP_SUMMARY is not set; no job summary\n');
  });
});
