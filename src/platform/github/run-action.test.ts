import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import type { Decision, ScanReport } from '../../model/index.js';
import { parseOutputSpecs } from '../../output/list.js';
import { sampleReport as shared } from '../../output/testdata/report.js';
import { outcomeOf, type ScanConfig } from '../../scan/config.js';
import type { ScanDeps, ScanResult } from '../../scan/pipeline.js';
import { fakeGitHubApi, fakePlatform, type FakeGitHubApi } from '../../../test/helpers/fake-platform.js';
import { planOutputs, runAction, type ActionDeps } from './run-action.js';

const sampleReport = () => structuredClone(shared());
const SHA = 'c0ffee'.padEnd(40, '0');

/** A scan that renders the sample report through the real formats, as the pipeline does (without writing files). */
function fakeScan(report: ScanReport | (() => never), seen: { config?: ScanConfig; deps?: ScanDeps } = {}) {
  return async (config: ScanConfig, deps: ScanDeps): Promise<ScanResult> => {
    seen.config = config;
    seen.deps = deps;
    if (typeof report === 'function') report();
    const r = report as ScanReport;
    deps.logger.info('scanning');
    const written = parseOutputSpecs(config.outputs).map((s) => {
      const content = s.format.render(r, { ...(config.severityCutoff ? { severityCutoff: config.severityCutoff } : {}) });
      return { format: s.format.id, ...(s.path ? { path: isAbsolute(s.path) ? s.path : resolve(deps.cwd ?? '.', s.path) } : {}), content };
    });
    return { report: r, outcome: outcomeOf(r.decision, config.failOn), written };
  };
}

function withDecision(decision: Decision): ScanReport {
  const r = sampleReport();
  r.decision = decision;
  r.policy!.final_action = decision.toLowerCase() as 'go';
  if (decision !== 'STOP') r.policy!.findings = r.policy!.findings.filter((p) => p.action !== 'stop');
  if (decision === 'GO') r.policy!.findings = r.policy!.findings.filter((p) => p.action !== 'warn');
  return r;
}

interface Setup {
  inputs?: Record<string, string>;
  event?: object;
  env?: Record<string, string>;
  report?: ScanReport | (() => never);
  api?: FakeGitHubApi;
}

function setup(s: Setup = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'action-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(s.event ?? {}));
  const inputs: Record<string, string> = { image: 'oci-dir:layout:app', dockerfile: 'Dockerfile', 'github-token': 'ghs_token', ...s.inputs };
  const platform = fakePlatform();
  const api = s.api ?? fakeGitHubApi();
  const seen: { config?: ScanConfig; deps?: ScanDeps } = {};
  const masked: string[] = [];
  const apiCalls: { token: string; url: string }[] = [];
  const deps: ActionDeps = {
    platform,
    env: {
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_EVENT_NAME: s.event ? 'pull_request' : 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: SHA,
      GITHUB_REF: s.event ? 'refs/pull/7/merge' : 'refs/heads/main',
      GITHUB_WORKSPACE: join(dir, 'ws'),
      RUNNER_TEMP: join(dir, 'tmp'),
      HOME: dir,
      ...s.env,
    },
    getInput: (name) => inputs[name] ?? '',
    setSecret: (x) => masked.push(x),
    scan: fakeScan(s.report ?? sampleReport(), seen),
    api: (token, url) => {
      apiCalls.push({ token, url });
      return api;
    },
    now: () => new Date('2026-11-23T08:30:00Z'),
  };
  return { deps, platform, api, seen, masked, apiCalls, dir };
}

const PR_EVENT = { pull_request: { number: 7, head: { repo: { full_name: 'acme/app' } } } };
const FORK_EVENT = { pull_request: { number: 7, head: { repo: { full_name: 'mallory/app' } } } };

describe('runAction: a STOP', () => {
  it('sets the outputs, writes the summary, annotates the Dockerfile and fails with a clear message', async () => {
    const { deps, platform, seen, dir } = setup({ inputs: { 'registry-username': 'bot', 'registry-password': 'pw', platform: 'linux/arm64/v8' } });
    expect(await runAction(deps)).toBe('stop');

    expect(platform.outputs).toEqual({
      decision: 'STOP',
      critical: '1',
      high: '4',
      medium: '1',
      low: '1',
      findings: '9',
      'sarif-file': join(dir, 'tmp', 'portcullis', 'portcullis.sarif'),
      'json-report': join(dir, 'tmp', 'portcullis', 'portcullis-report.json'),
      sbom: '',
    });
    expect(platform.summaries).toHaveLength(1);
    expect(platform.summaries[0]).toMatch(/^## 🛑 Portcullis: STOP for `localhost\/fixtures\/dockerfile-app:1\.4\.2`/);

    const errors = platform.annotations.filter((a) => a.level === 'error');
    expect(errors[0]).toMatchObject({ file: 'Dockerfile', line: 29, title: 'Critical CVE-2021-44906 (minimist)' });
    expect(errors.length).toBeLessThanOrEqual(9);

    expect(platform.concluded).toEqual({
      outcome: 'stop',
      message:
        'Portcullis: STOP for localhost/fixtures/dockerfile-app:1.4.2: 1 policy trigger stop it: vulnerabilities package (rule rule-vuln-critical). 9 vulnerabilities (1 critical, 4 high).',
    });

    // What the scan was asked for: the inputs, the Action's own reports, a table for the log.
    expect(seen.config).toMatchObject({
      image: 'oci-dir:layout:app',
      dockerfilePath: 'Dockerfile',
      failOn: 'stop',
      color: false,
      source: { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, credentials: { username: 'bot', password: 'pw' } },
      vulnerabilities: { enabled: true, offline: false, cacheDir: join(dir, '.cache', 'portcullis') },
    });
    expect(seen.config!.outputs).toEqual([`sarif=${join(dir, 'tmp', 'portcullis', 'portcullis.sarif')}`, `json=${join(dir, 'tmp', 'portcullis', 'portcullis-report.json')}`, 'table']);
    expect(seen.deps!.cwd).toBe(join(dir, 'ws'));
    // The table goes to the log.
    expect(platform.logged('info').some((l) => l.includes('CVE-2021-44906'))).toBe(true);
  });

  it('passes with fail-on never, and says so', async () => {
    const { deps, platform } = setup({ inputs: { 'fail-on': 'never' } });
    expect(await runAction(deps)).toBe('go');
    expect(platform.outputs.decision).toBe('STOP');
    expect(platform.concluded!.message).toMatch(/^Portcullis: STOP for .* fail-on is "never", so the step passes\.$/);
  });
});

describe('runAction: WARN and GO', () => {
  it('WARN is a warning, not a failure', async () => {
    const { deps, platform } = setup({ report: withDecision('WARN') });
    expect(await runAction(deps)).toBe('warn');
    expect(platform.concluded!.message).toBe(
      'Portcullis: WARN for localhost/fixtures/dockerfile-app:1.4.2: 2 policy warnings: dockerfile instruction (rule rule-healthcheck); dockerfile effective_user (rule rule-user). 9 vulnerabilities (1 critical, 4 high). fail-on is "stop", so the step passes.',
    );
    // One warning slot is kept for the conclusion.
    expect(platform.annotations.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(9);
  });

  it('WARN fails with fail-on warn', async () => {
    const { deps, platform } = setup({ report: withDecision('WARN'), inputs: { 'fail-on': 'warn' } });
    expect(await runAction(deps)).toBe('stop');
    expect(platform.concluded!.message).toMatch(/fail-on is "warn", so the step fails\.$/);
  });

  it('GO passes', async () => {
    const { deps, platform } = setup({ report: withDecision('GO') });
    expect(await runAction(deps)).toBe('go');
    expect(platform.concluded).toEqual({ outcome: 'go', message: 'Portcullis: GO for localhost/fixtures/dockerfile-app:1.4.2. 9 vulnerabilities (1 critical, 4 high).' });
  });
});

describe('runAction: errors never end as a bare stack trace', () => {
  it('a bad input fails before the scan, with the input named', async () => {
    const { deps, platform, seen } = setup({ inputs: { 'fail-on': 'sometimes' } });
    expect(await runAction(deps)).toBe('configuration-error');
    expect(seen.config).toBeUndefined();
    expect(platform.concluded!.message).toBe('Portcullis: configuration error: input fail-on must be one of stop, warn, never, got "sometimes"');
    expect(platform.summaries).toEqual(['## ❌ Portcullis: error\n\nconfiguration error: input fail-on must be one of stop, warn, never, got "sometimes"\n']);
    expect(platform.outputs).toEqual({});
  });

  it('a configuration error from the scan is the error outcome with its message', async () => {
    const { deps, platform } = setup({
      report: () => {
        throw new ConfigurationError('cannot open oci-dir:layout:app: no such directory');
      },
    });
    expect(await runAction(deps)).toBe('configuration-error');
    expect(platform.concluded!.message).toBe('Portcullis: configuration error: cannot open oci-dir:layout:app: no such directory');
  });

  it('a remote failure is its own kind: the remote-error outcome (exit 3), "remote error:", no URL credentials', async () => {
    const { deps, platform } = setup({
      report: () => {
        throw new RemoteError('GET https://ci:s3cret@mirror.example/osv/npm/all.zip failed after 4 attempt(s): HTTP 503', { status: 503 });
      },
    });
    expect(await runAction(deps)).toBe('remote-error');
    expect(platform.concluded!.message).toBe('Portcullis: remote error: GET https://mirror.example/osv/npm/all.zip failed after 4 attempt(s): HTTP 503');
  });

  it('an internal fault says it is a bug; the stack goes to the debug log only', async () => {
    const { deps, platform } = setup({
      report: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    expect(await runAction(deps)).toBe('internal-error');
    expect(platform.concluded!.message).toMatch(/^Portcullis: internal error: Cannot read properties of undefined \(reading 'x'\)\. This is a bug/);
    expect(platform.logged('debug').some((l) => l.startsWith('TypeError') && l.includes('run-action.test.ts'))).toBe(true);
    expect(platform.logged('error')).toEqual([]);
  });

  it('masks the registry password', async () => {
    const { deps, masked } = setup({ inputs: { 'registry-username': 'u', 'registry-password': 'hunter2' } });
    await runAction(deps);
    expect(masked).toContain('hunter2');
  });
});

describe('runAction: the PR comment', () => {
  it('is created on the first run and updated in place on the next', async () => {
    const api = fakeGitHubApi();
    const first = setup({ event: PR_EVENT, inputs: { 'comment-on-pr': 'true' }, api, env: { GITHUB_API_URL: 'http://127.0.0.1:9/api', GITHUB_RUN_ID: '5' } });
    await runAction(first.deps);
    expect(first.apiCalls).toEqual([{ token: 'ghs_token', url: 'http://127.0.0.1:9/api' }]);
    const second = setup({ event: PR_EVENT, inputs: { 'comment-on-pr': 'true' }, api, report: withDecision('GO') });
    await runAction(second.deps);
    expect(api.calls).toEqual(['find acme/app#7', 'create acme/app#7', 'find acme/app#7', 'update acme/app comment 100']);
    const [comment] = [...api.comments.values()];
    expect(comment!.body).toMatch(/^<!-- portcullis:comment localhost\/fixtures\/dockerfile-app linux\/amd64 -->\n## ✅ Portcullis: GO/);
    expect(second.platform.logged('info')).toContain('comment-on-pr: updated comment 100');
  });

  it('is skipped with a notice on a fork', async () => {
    const { deps, platform, api } = setup({ event: FORK_EVENT, inputs: { 'comment-on-pr': 'true' } });
    await runAction(deps);
    expect(api.calls).toEqual([]);
    expect(platform.annotations.find((a) => a.level === 'notice' && a.title === 'Portcullis: no PR comment')?.message).toContain('from a fork');
  });

  it('is skipped outside pull requests', async () => {
    const { deps, platform, api } = setup({ inputs: { 'comment-on-pr': 'true' } });
    await runAction(deps);
    expect(api.calls).toEqual([]);
    expect(platform.logged('info')).toContain('comment-on-pr: this is a push event, not a pull request; no comment');
  });

  it('a refused comment is a warning naming the permission, and does not change the outcome', async () => {
    const api = fakeGitHubApi();
    api.failWith = 403;
    const { deps, platform } = setup({ event: PR_EVENT, inputs: { 'comment-on-pr': 'true' }, api, report: withDecision('GO') });
    expect(await runAction(deps)).toBe('go');
    expect(platform.logged('warning')).toEqual(['comment-on-pr: HTTP 403. The job needs "permissions: pull-requests: write".']);
  });
});

describe('runAction: the SARIF upload', () => {
  it('uploads the rendered SARIF for the commit and ref', async () => {
    const { deps, api } = setup({ event: PR_EVENT, inputs: { 'upload-sarif': 'true' } });
    await runAction(deps);
    expect(api.uploads).toHaveLength(1);
    const u = api.uploads[0]!;
    expect(u).toMatchObject({ owner: 'acme', repo: 'app', commit_sha: SHA, ref: 'refs/pull/7/merge' });
    const sarif = JSON.parse(gunzipSync(Buffer.from(u.sarif, 'base64')).toString('utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('a refused upload fails the step after every report is out, naming the permission', async () => {
    const api = fakeGitHubApi();
    api.failWith = 403;
    const { deps, platform } = setup({ inputs: { 'upload-sarif': 'true' }, api, report: withDecision('GO') });
    expect(await runAction(deps)).toBe('remote-error');
    expect(platform.summaries).toHaveLength(1);
    expect(platform.outputs.decision).toBe('GO');
    expect(platform.concluded!.message).toMatch(/^Portcullis: GO for .*\. But the SARIF upload failed: HTTP 403\. The job needs "permissions: security-events: write"/);
  });

  it('is skipped with a notice on a fork', async () => {
    const { deps, platform, api } = setup({ event: FORK_EVENT, inputs: { 'upload-sarif': 'true' }, report: withDecision('GO') });
    expect(await runAction(deps)).toBe('go');
    expect(api.calls).toEqual([]);
    expect(platform.annotations.some((a) => a.title === 'Portcullis: no SARIF upload')).toBe(true);
  });
});

describe('runAction: annotation budget and switches', () => {
  it('counts the scan warnings against the 10-warning limit and turns the excess into log lines', async () => {
    const { deps, platform } = setup({ report: withDecision('WARN') });
    const scan = deps.scan;
    deps.scan = async (config, d) => {
      for (let i = 0; i < 5; i++) d.logger.warning(`stale data ${i}`);
      return scan(config, d);
    };
    await runAction(deps);
    expect(platform.logged('warning')).toEqual(['stale data 0', 'stale data 1', 'stale data 2']);
    expect(platform.logged('info')).toContain('warning: stale data 4');
    // 3 scan warnings + annotations + 1 conclusion ≤ 10.
    expect(platform.annotations.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(6);
  });

  it('a job summary that cannot be written is a warning; the decision still rules', async () => {
    const { deps, platform } = setup({ report: withDecision('GO') });
    platform.summary = async () => {
      throw new Error('EACCES: permission denied');
    };
    expect(await runAction(deps)).toBe('go');
    expect(platform.logged('warning')).toEqual(['summary: the job summary could not be written: EACCES: permission denied']);
  });

  it('annotations: false and summary: false turn them off', async () => {
    const { deps, platform } = setup({ inputs: { annotations: 'false', summary: 'false' } });
    await runAction(deps);
    expect(platform.annotations).toEqual([]);
    expect(platform.summaries).toEqual([]);
    expect(platform.concluded!.outcome).toBe('stop');
  });
});

describe('runAction: the store push', () => {
  it('hands the scan the store, its masked token and the run keys; no store input, no push', async () => {
    const { deps, seen, masked } = setup({ inputs: { 'store-url': 'https://store.example/', 'store-token': 'pcs_tok' }, env: { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' } });
    await runAction(deps);
    expect(masked).toContain('pcs_tok');
    expect(seen.config!.store).toEqual({
      target: { url: 'https://store.example/', auth: { kind: 'bearer', token: 'pcs_tok' } },
      spoolDir: '.portcullis/spool',
      failOnError: false,
      commit: SHA,
      pipelineRun: 'github:acme/app/42/2',
    });
    const none = setup();
    await runAction(none.deps);
    expect(none.seen.config!.store).toBeUndefined();
  });

  it('takes the token from PORTCULLIS_STORE_TOKEN when the input is empty; a bad URL is a configuration error', async () => {
    const { deps, seen } = setup({ inputs: { 'store-url': 'http://127.0.0.1:8080' }, env: { PORTCULLIS_STORE_TOKEN: 'from-env', PORTCULLIS_SPOOL_DIR: '/var/spool/p' } });
    await runAction(deps);
    expect(seen.config!.store).toMatchObject({ target: { auth: { kind: 'bearer', token: 'from-env' } }, spoolDir: '/var/spool/p' });
    const bad = setup({ inputs: { 'store-url': 'ftp://store' } });
    expect(await runAction(bad.deps)).toBe('configuration-error');
    expect(bad.platform.concluded!.message).toBe('Portcullis: configuration error: store URL "ftp://store" must be http or https');
  });

  it('with store-fail-on-error, a push the scan could not make is named in the conclusion', async () => {
    const { deps, platform } = setup({ inputs: { 'store-url': 'http://127.0.0.1:9', 'store-fail-on-error': 'true' }, report: withDecision('GO') });
    const scan = deps.scan;
    deps.scan = async (config, d) => ({ ...(await scan(config, d)), outcome: 'remote-error', store: { status: 'spooled', spoolPath: '/s/x.json', error: 'connection refused' } });
    expect(await runAction(deps)).toBe('remote-error');
    expect(platform.concluded!.message).toMatch(/^Portcullis: GO for .*\. But the store push failed: connection refused\.$/);
  });
});

describe('planOutputs', () => {
  const ctx = { eventName: 'push', apiUrl: 'x', runnerTemp: '/rt' };
  const inputs = (extra: object) => ({ image: 'x', failOn: 'stop' as const, onlyFixed: false, dbCache: true, offline: false, outputs: [], uploadSarif: false, commentOnPr: false, summary: true, annotations: true, ...extra });

  it("keeps the user's outputs and adds only what is missing", () => {
    expect(planOutputs(inputs({ outputs: ['json=out/r.json', 'cyclonedx=out/sbom.cdx.json', 'md'] }), ctx)).toEqual({
      outputs: ['json=out/r.json', 'cyclonedx=out/sbom.cdx.json', 'md', 'sarif=/rt/portcullis/portcullis.sarif'],
      sbomFormat: 'cyclonedx',
    });
    expect(planOutputs(inputs({ sarifFile: 'results.sarif' }), ctx).outputs).toEqual(['sarif=results.sarif', 'json=/rt/portcullis/portcullis-report.json', 'table']);
    expect(planOutputs(inputs({ sarifFile: 'a.sarif', outputs: ['sarif=a.sarif'] }), ctx).outputs).toEqual(['sarif=a.sarif', 'json=/rt/portcullis/portcullis-report.json', 'table']);
  });

  it('an unknown format is a configuration error naming the known ones', () => {
    expect(() => planOutputs(inputs({ outputs: ['html=x.html'] }), ctx)).toThrow(/^Unknown output format "html"\. Known: .*sarif/);
  });
});
