import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
import type { CacheBackend } from './db-cache.js';
import { LAYER_CACHE_PREFIX, layerCacheKey, layerCachePrefix } from './layer-cache.js';
import { planOutputs, runAction, type ActionDeps } from './run-action.js';
import { octokitApiForRun } from './api.js';
import { runScan } from '../../scan/pipeline.js';
import { exitCodeOf } from '../../common/outcome.js';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

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
      sarif: join(dir, 'tmp', 'portcullis', 'portcullis.sarif'),
      json: join(dir, 'tmp', 'portcullis', 'portcullis-report.json'),
      sbom: '',
    });
    expect(platform.summaries).toHaveLength(1);
    // The decision first, then why (the policy's verdict), then the findings table, most severe first.
    const summary = platform.summaries[0]!;
    expect(summary.startsWith('## 🛑 STOP: `localhost/fixtures/dockerfile-app:1.4.2`\n\n**Portcullis failed**: policy Portcullis default bundle → **STOP** (1 STOP trigger')).toBe(true);
    expect(summary.indexOf('| 🟥\u00a0Critical | CVE-2021-44906')).toBeGreaterThan(summary.indexOf('### Findings'));
    expect(summary.indexOf('### Findings')).toBeLessThan(summary.indexOf('### Policy:'));

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
    // One comment, now holding the second run's GO.
    expect(comment!.body!.startsWith('<!-- portcullis:comment localhost/fixtures/dockerfile-app linux/amd64 -->\n## ✅ GO: `localhost/fixtures/dockerfile-app:1.4.2`\n\n**Portcullis passed**')).toBe(true);
    expect(comment!.body).not.toContain('🛑');
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

describe('runAction: links in the summary and the comment', () => {
  const ENV = { GITHUB_SERVER_URL: 'https://ghe.example', GITHUB_RUN_ID: '5' };
  const RUN = 'https://ghe.example/acme/app/actions/runs/5';
  const BLOB = `https://ghe.example/acme/app/blob/${SHA}`;

  it('links the Dockerfile lines at the scanned commit, relative to the checkout, and the run', async () => {
    const { deps, platform, api } = setup({ event: PR_EVENT, inputs: { 'comment-on-pr': 'true' }, env: ENV });
    await runAction(deps);
    const [comment] = [...api.comments.values()];
    for (const md of [platform.summaries[0]!, comment!.body!]) {
      expect(md).toContain(`| [Dockerfile:29](${BLOB}/fixtures/dockerfile-app/Dockerfile#L29) |`);
      expect(md).toContain(`[Dockerfile:3](${BLOB}/fixtures/dockerfile-app/Dockerfile#L3) (base)`);
      expect(md).toContain(`[Workflow run](${RUN}) · the full report`);
    }
  });

  it('a checkout in a subfolder (checkout-path): the link is relative to it', async () => {
    const { deps, platform } = setup({ inputs: { 'checkout-path': 'fixtures' }, env: ENV });
    await runAction(deps);
    expect(platform.summaries[0]).toContain(`[Dockerfile:29](${BLOB}/dockerfile-app/Dockerfile#L29)`);
  });

  it('without a commit or a run (outside a runner) there are no links, only the line numbers', async () => {
    const { deps, platform } = setup({ env: { GITHUB_SHA: '', GITHUB_RUN_ID: '' } });
    deps.env = Object.fromEntries(Object.entries(deps.env).filter(([, v]) => v !== ''));
    await runAction(deps);
    expect(platform.summaries[0]).toContain('| Dockerfile:29 |');
    expect(platform.summaries[0]).not.toContain('](http');
  });
});

/** An Actions cache: exact key first, else the newest entry whose key starts with a restore key; records every call. */
function fakeCache(): CacheBackend & { entries: string[]; calls: string[] } {
  const entries: string[] = [];
  const calls: string[] = [];
  return {
    entries,
    calls,
    available: () => true,
    async restore(paths, key, restoreKeys) {
      calls.push(`restore ${paths.join(',')} ${key}`);
      if (entries.includes(key)) return key;
      for (const k of restoreKeys) {
        const hit = entries.filter((e) => e.startsWith(k)).at(-1);
        if (hit) return hit;
      }
      return undefined;
    },
    async save(paths, key) {
      calls.push(`save ${paths.join(',')} ${key}`);
      entries.push(key);
    },
  };
}

describe('runAction: the layer cache in the Actions cache', () => {
  /** A scan that adds one entry to the layer cache folder it is given, as the pipeline's LayerCache does. */
  function addingEntry(deps: ActionDeps, name: string): void {
    const scan = deps.scan;
    deps.scan = async (config, d) => {
      mkdirSync(join(config.vulnerabilities.cacheDir!, 'vulndb'), { recursive: true }); // the data it downloaded
      mkdirSync(config.layerCache!.dir, { recursive: true });
      writeFileSync(join(config.layerCache!.dir, `${name.repeat(64)}.layer`), 'x');
      return scan(config, d);
    };
  }

  it('restores by prefix after the database, gives the scan the folder (1 GiB), saves under the layer digests after the database', async () => {
    const cache = fakeCache();
    const { deps, seen, dir, platform } = setup({ report: withDecision('GO') });
    deps.cache = cache;
    addingEntry(deps, 'a');
    await runAction(deps);
    const layers = join(dir, '.cache', 'portcullis', 'layers');
    expect(seen.config!.layerCache).toEqual({ dir: layers, maxBytes: 1024 ** 3 });
    const digests = sampleReport().image.layers.map((l) => l.digest);
    const key = layerCacheKey('oci-dir:layout:app', digests);
    expect(cache.calls).toEqual([
      `restore ${join(dir, '.cache', 'portcullis', 'vulndb')} portcullis-vulndb-v1-2026-11-23`,
      `restore ${layers} ${layerCachePrefix('oci-dir:layout:app')}`,
      `save ${join(dir, '.cache', 'portcullis', 'vulndb')} portcullis-vulndb-v1-2026-11-23`,
      `save ${layers} ${key}`,
    ]);
    expect(platform.logged('info')).toContain(`layer-cache: saved 1 new layer analysis as ${key}`);

    // The next run of the same image restores that entry; the scan adds nothing, so nothing is saved.
    const next = setup({ report: withDecision('GO') });
    next.deps.cache = cache;
    cache.calls.length = 0;
    await runAction(next.deps);
    expect(next.platform.logged('info')).toContain(`layer-cache: restored layer analyses from ${key}`);
    expect(cache.calls.filter((c) => c.startsWith('save') && c.includes('layers'))).toEqual([]);
  });

  it('another image starts from any image\'s entry (shared base layers); layer-cache: false turns it off', async () => {
    const cache = fakeCache();
    cache.entries.push(`${LAYER_CACHE_PREFIX}0123456789abcdef-ffff`);
    const { deps, platform } = setup({ report: withDecision('GO'), inputs: { image: 'registry:ghcr.io/acme/other:2' } });
    deps.cache = cache;
    await runAction(deps);
    expect(platform.logged('info')).toContain(`layer-cache: restored layer analyses from ${LAYER_CACHE_PREFIX}0123456789abcdef-ffff`);

    const off = setup({ report: withDecision('GO'), inputs: { 'layer-cache': 'false' } });
    const c2 = fakeCache();
    off.deps.cache = c2;
    await runAction(off.deps);
    expect(off.seen.config!.layerCache).toBeUndefined();
    expect(c2.calls.some((c) => c.includes('layers'))).toBe(false);
    expect(readdirSync(off.dir)).not.toContain('layers');
  });

  it('a cache service that fails is one info line per cache, never a warning, and the scan goes on', async () => {
    const { deps, platform } = setup({ report: withDecision('GO'), inputs: { annotations: 'false' } });
    deps.cache = {
      available: () => true,
      restore: () => Promise.reject(new Error('Cache service responded with 503')),
      save: () => Promise.reject(new Error('Cache service responded with 503')),
    };
    addingEntry(deps, 'b');
    expect(await runAction(deps)).toBe('go');
    expect(platform.logged('warning')).toEqual([]);
    expect(platform.annotations).toEqual([]);
    const cacheLines = platform.logged('info').filter((l) => /^(db|layer)-cache:/.test(l));
    expect(cacheLines).toEqual([
      'db-cache: the Actions cache failed, so the vulnerability data is neither restored nor saved in this run: Cache service responded with 503',
      'layer-cache: restore failed, going on without it: Cache service responded with 503',
      'layer-cache: not saved: Cache service responded with 503',
    ]);
    expect(platform.logged('info').some((l) => /saved (the|\d)/.test(l))).toBe(false);
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

  it('an upload GitHub fails (a 502 after the retries) is a remote error (exit 3), not a configuration error', async () => {
    const api = fakeGitHubApi();
    api.failWith = 502;
    const { deps, platform } = setup({ inputs: { 'upload-sarif': 'true' }, api, report: withDecision('GO') });
    const outcome = await runAction(deps);
    expect(outcome).toBe('remote-error');
    expect(exitCodeOf(outcome)).toBe(3);
    expect(platform.concluded!.message).toMatch(/^Portcullis: GO for .*\. But the SARIF upload failed: HTTP 502\.$/);
    // Without a token it is the user's setup: a configuration error.
    const noToken = setup({ inputs: { 'upload-sarif': 'true', 'github-token': '' }, report: withDecision('GO') });
    expect(await runAction(noToken.deps)).toBe('configuration-error');
    expect(noToken.platform.concluded!.message).toMatch(/But the SARIF upload failed: upload-sarif needs github-token\.$/);
  });

  it('a processing GitHub reports "failed" fails the step with its errors, as a remote error', async () => {
    const api = fakeGitHubApi();
    api.processing = [{ status: 'pending', errors: [] }, { status: 'failed', errors: ['locationFromSarifResult: expected artifact location', 'invalid rule id'] }];
    const { deps, platform } = setup({ inputs: { 'upload-sarif': 'true' }, api, report: withDecision('GO') });
    deps.sarifWait = { intervalMs: 1, timeoutMs: 1000 };
    expect(await runAction(deps)).toBe('remote-error');
    expect(api.calls).toEqual(['upload acme/app', 'status acme/app sarif-1', 'status acme/app sarif-1']);
    expect(platform.concluded!.message).toMatch(
      /But the SARIF upload failed: GitHub could not process the uploaded SARIF \(id sarif-1\): locationFromSarifResult: expected artifact location; invalid rule id\.$/,
    );
  });

  it('a processing still pending when the wait is over is one warning; the decision stands', async () => {
    const api = fakeGitHubApi();
    api.processing = [{ status: 'pending', errors: [] }];
    const { deps, platform } = setup({ inputs: { 'upload-sarif': 'true', annotations: 'false' }, api, report: withDecision('GO') });
    let clock = 0;
    deps.sarifWait = { timeoutMs: 120_000, intervalMs: 5_000, now: () => clock, sleep: async (ms) => void (clock += ms) };
    expect(await runAction(deps)).toBe('go');
    // A read every 5 s from 0 s to 120 s, then no more: the next would end past the 2 minutes.
    expect(api.calls.filter((c) => c.startsWith('status'))).toHaveLength(25);
    expect(clock).toBe(120_000);
    expect(platform.logged('warning')).toEqual([
      'upload-sarif: GitHub had not finished processing the SARIF (id sarif-1) after 120 s; it goes on in the background, but processing errors are not reported here (see the repository\'s code scanning page).',
    ]);
    expect(platform.concluded).toEqual({ outcome: 'go', message: 'Portcullis: GO for localhost/fixtures/dockerfile-app:1.4.2. 9 vulnerabilities (1 critical, 4 high).' });
  });

  it('is skipped with a notice on a fork', async () => {
    const { deps, platform, api } = setup({ event: FORK_EVENT, inputs: { 'upload-sarif': 'true' }, report: withDecision('GO') });
    expect(await runAction(deps)).toBe('go');
    expect(api.calls).toEqual([]);
    expect(platform.annotations.some((a) => a.title === 'Portcullis: no SARIF upload')).toBe(true);
  });
});

describe('runAction: offline', () => {
  it('offline with no vulnerability database is an error (exit 3) with the way out, not a passing step', async () => {
    // The real scan, on an SBOM (no image needed), with an empty cache folder.
    const { deps, platform, dir } = setup({ inputs: { image: `sbom:${resolve('src/sbom/testdata/peers/syft-debian.cdx.json')}`, dockerfile: '', offline: 'true' } });
    deps.scan = runScan;
    const outcome = await runAction(deps);
    expect(outcome).toBe('configuration-error');
    expect(exitCodeOf(outcome)).toBe(3);
    expect(platform.concluded!.message).toBe(
      `Portcullis: configuration error: offline mode and no vulnerability database in ${join(dir, '.cache', 'portcullis')}: run "portcullis db update" or "portcullis db import PATH" first, or pass --no-vulnerabilities to scan without vulnerability data`,
    );
    expect(platform.outputs).toEqual({});
    expect(platform.summaries[0]).toMatch(/^## ❌ Portcullis: error\n\nconfiguration error: offline mode and no vulnerability database/);
  });
});

/** A GitHub API that answers every call, each answer marked deprecated: octokit warns once per request. */
async function deprecatedGitHub(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    const headers = { 'content-type': 'application/json', deprecation: 'true', sunset: 'Wed, 31 Mar 2027 00:00:00 GMT' };
    const url = req.url ?? '';
    const body = req.method === 'GET' && url.includes('/comments') ? [] : url.includes('/sarifs/') ? { processing_status: 'complete' } : url.includes('/sarifs') ? { id: 's-1' } : { id: 1, html_url: 'https://x/1' };
    res.writeHead(req.method === 'POST' && url.includes('/sarifs') ? 202 : 200, headers).end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('runAction: annotation budget and switches', () => {
  it("the GitHub client's own warnings count too: at most 10 warnings and 10 errors in the step, whoever emits them", async () => {
    const gh = await deprecatedGitHub();
    try {
      const { deps, platform } = setup({ event: PR_EVENT, inputs: { 'comment-on-pr': 'true', 'upload-sarif': 'true' }, report: withDecision('WARN') });
      deps.api = octokitApiForRun; // the entrypoint's client: real octokit
      deps.env.GITHUB_API_URL = gh.url;
      const scan = deps.scan;
      deps.scan = async (config, d) => {
        for (let i = 0; i < 6; i++) d.logger.warning(`scan warning ${i}`);
        for (let i = 0; i < 12; i++) d.logger.error(`scan error ${i}`);
        return scan(config, d);
      };
      expect(await runAction(deps)).toBe('warn');
      // octokit warned for each of its 4 requests (list, create, upload, status); those lines are in the log.
      const all = platform.lines.map((l) => l.message);
      expect(all.filter((m) => m.includes('[@octokit/request]') && m.includes('is deprecated'))).toHaveLength(4);
      // What GitHub turns into annotations: warning and error lines, annotations, and the conclusion (a warning).
      const warnings = platform.logged('warning').length + platform.annotations.filter((a) => a.level === 'warning').length + 1;
      const errors = platform.logged('error').length + platform.annotations.filter((a) => a.level === 'error').length;
      expect(warnings).toBeLessThanOrEqual(10);
      expect(errors).toBeLessThanOrEqual(10);
      // And what did not become one is counted in a notice.
      expect(platform.annotations.find((a) => a.level === 'notice' && /warnings? .*in the log|more/.test(`${a.title} ${a.message}`))).toBeDefined();
    } finally {
      await gh.close();
    }
  });

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

describe('runAction: the baseline', () => {
  it('hands the scan the baseline, relative to the workspace, with the base branch; store: reads the store-url store', async () => {
    const { deps, seen, dir } = setup({ event: PR_EVENT, inputs: { baseline: 'reports/main.json', 'fail-scope': 'new' }, env: { GITHUB_BASE_REF: 'main' } });
    await runAction(deps);
    expect(seen.config!.baseline).toEqual({ ref: join(dir, 'ws', 'reports', 'main.json'), failScope: 'new', optional: false, baseBranch: 'main' });
    const store = setup({ inputs: { baseline: 'store:', 'store-url': 'https://store.example/', 'store-token': 't' } });
    await runAction(store.deps);
    expect(store.seen.config!.baseline).toMatchObject({ ref: 'store:', failScope: 'all', store: { url: 'https://store.example/', auth: { kind: 'bearer', token: 't' } } });
  });
});

describe('planOutputs', () => {
  const ctx = { eventName: 'push', apiUrl: 'x', runnerTemp: '/rt' };
  const inputs = (extra: object) => ({ image: 'x', failOn: 'stop' as const, onlyFixed: false, dbCache: true, layerCache: true, offline: false, vex: [], outputs: [], uploadSarif: false, commentOnPr: false, summary: true, annotations: true, ...extra });

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
