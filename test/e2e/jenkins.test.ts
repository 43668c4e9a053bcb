// The Jenkins shared-library step (integrations/jenkins/vars/portcullisScan.groovy) under Debian's `groovy`, with the
// pipeline steps stubbed by integrations/jenkins/test/harness.groovy: the exact commands, the published reports and
// the build result for each exit code; then real runs of the CLI on the shared mini image.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStore, type TestStore } from '../../src/store/testing/in-process.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { CLI_COMMAND, MINI_DOCKER_ARCHIVE, TEST_POLICIES, e2eBlocker, onPath } from './ci-wrappers.js';

const STEP = join(PROJECT_ROOT, 'integrations/jenkins/vars/portcullisScan.groovy');
const HARNESS = join(PROJECT_ROOT, 'integrations/jenkins/test/harness.groovy');

interface Call {
  step: string;
  args: unknown;
}
interface Outcome {
  name: string;
  result: 'SUCCESS' | 'UNSTABLE' | 'FAILURE';
  returned: { decision: string; exitCode: number; reportDir: string; reports: Record<string, string> } | null;
  thrown: string | null;
  calls: Call[];
}
interface Scenario {
  name: string;
  params?: Record<string, unknown>;
  status?: number;
  files?: Record<string, string>;
  warningsNg?: boolean;
  credentials?: Record<string, [string, string] | [string]>;
  real?: boolean;
  workDir?: string;
  parse?: string;
}

/** Debian's groovy needs a JAVA_HOME that exists; /usr/lib/jvm/default-java is absent without default-jre. */
function javaEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (env.JAVA_HOME && existsSync(env.JAVA_HOME)) return env;
  for (const home of ['/usr/lib/jvm/default-java', '/usr/lib/jvm/java-17-openjdk-amd64']) {
    if (existsSync(home)) return { ...env, JAVA_HOME: home };
  }
  return env;
}

/** Runs the harness without blocking this process's event loop (an in-process store may have to answer the CLI). */
async function runHarness(dir: string, scenarios: Scenario[]): Promise<Map<string, Outcome>> {
  const input = join(dir, `scenarios-${scenarios[0]?.name ?? 'none'}.json`);
  const output = join(dir, `results-${scenarios[0]?.name ?? 'none'}.json`);
  writeFileSync(input, JSON.stringify(scenarios));
  const run = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('groovy', [HARNESS, STEP, input, output], { env: javaEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
  if (run.status !== 0) throw new Error(`groovy harness failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(readFileSync(output, 'utf8')) as Outcome[];
  return new Map(results.map((r) => [r.name, r]));
}

const steps = (o: Outcome): string[] => o.calls.map((c) => c.step);
const argsOf = (o: Outcome, step: string): unknown[] => o.calls.filter((c) => c.step === step).map((c) => c.args);
const shScript = (o: Outcome): string => (argsOf(o, 'sh')[0] as { script: string }).script;

const REPORTS = 'portcullis-reports';
const DEFAULT_OUTPUTS =
  `--output table --output json=${REPORTS}/portcullis-report.json --output sarif=${REPORTS}/portcullis.sarif ` +
  `--output junit=${REPORTS}/portcullis-junit.xml --output cyclonedx=${REPORTS}/portcullis.cdx.json`;
const script = (cli: string, args: string, dir = REPORTS, stderr = `${REPORTS}/portcullis-stderr.log`): string =>
  [`mkdir -p ${dir}`, `${cli} ${args} 2>${stderr}; rc=$?`, `cat ${stderr} >&2`, 'exit $rc'].join('\n');

const STUBBED: Scenario[] = [
  { name: 'go', params: { image: 'docker-archive:build/app.tar' }, status: 0 },
  { name: 'warn', params: { image: 'registry:example.com/app:1' }, status: 2 },
  { name: 'stop', params: { image: 'registry:example.com/app:1', policy: 'policy.json' }, status: 1 },
  { name: 'stop-fail-on-warn', params: { image: 'app:1', failOn: 'warn' }, status: 1 },
  {
    name: 'error',
    params: { image: 'docker-archive:missing.tar' },
    status: 3,
    files: { [`${REPORTS}/portcullis-stderr.log`]: 'reading the image\nportcullis: error: cannot open missing.tar: no such file\n' },
  },
  { name: 'not-installed', params: { image: 'app:1' }, status: 127 },
  {
    name: 'all-params',
    params: {
      image: 'oci-dir:/images/my layout:app',
      dockerfile: 'docker/Dockerfile',
      policy: '.portcullis/policy.yaml',
      failOn: 'warn',
      outputs: ['sarif', 'gitlab=out/gl.json', 'table', 'spdx'],
      severityCutoff: 'high',
      onlyFixed: true,
      platform: 'linux/arm64/v8',
      offline: true,
      dbUrl: 'https://mirror.example/osv',
      dbCacheDir: '/var/cache/portcullis',
      ignoreFile: ".portcullis-ignore.yaml",
      extraArgs: ['--max-db-age', '3'],
      installation: "/opt/tools/it's portcullis",
      reportDir: 'scan out',
    },
    status: 0,
  },
  { name: 'cli-command', params: { image: 'app:1', cliCommand: 'node /opt/portcullis/dist/cli/index.js', outputs: 'json' }, status: 0 },
  {
    name: 'credentials',
    params: { image: 'registry:registry.example.com/team/app:1', registryCredentialsId: 'registry-creds' },
    credentials: { 'registry-creds': ['robot', 's3cret-pa55'] },
    status: 0,
  },
  { name: 'credentials-missing', params: { image: 'registry:r.example/app:1', registryCredentialsId: 'nope' }, status: 0 },
  {
    name: 'store',
    params: { image: 'app:1', storeUrl: 'https://store.example/portcullis', storeCredentialsId: 'store-token', storeFailOnError: true },
    credentials: { 'store-token': ['pcs_s3cret'] },
    status: 0,
  },
  {
    name: 'store-and-registry',
    params: { image: 'registry:r.example/app:1', registryCredentialsId: 'registry-creds', storeUrl: 'http://store:8080', storeCredentialsId: 'store-token' },
    credentials: { 'registry-creds': ['robot', 's3cret-pa55'], 'store-token': ['pcs_s3cret'] },
    status: 0,
  },
  { name: 'store-url-only', params: { image: 'app:1', storeUrl: 'http://store:8080' }, status: 0 },
  { name: 'store-token-without-url', params: { image: 'app:1', storeCredentialsId: 'store-token' }, status: 0 },
  {
    name: 'store-push-failed',
    params: { image: 'app:1', storeUrl: 'http://store:8080', storeFailOnError: true },
    status: 3,
    files: {
      [`${REPORTS}/portcullis-stderr.log`]:
        'warning: push to store failed: POST http://store:8080/v2/evaluations: connect ECONNREFUSED; spooled to .portcullis/spool/store-ab.json (retry with portcullis push --retry-spooled)\n' +
        'decision: GO\nportcullis: error: the evaluation was not pushed to the store (--store-fail-on-error): connect ECONNREFUSED\n',
    },
  },
  { name: 'no-warnings-ng', params: { image: 'app:1' }, status: 2, warningsNg: false },
  { name: 'no-publishing', params: { image: 'app:1', publishJunit: false, archiveReports: false, recordSarif: false }, status: 0 },
  { name: 'no-image', params: { policy: 'p.json' }, status: 0 },
  { name: 'unknown-param', params: { image: 'app:1', failon: 'warn' }, status: 0 },
  { name: 'bad-fail-on', params: { image: 'app:1', failOn: 'sometimes' }, status: 0 },
  { name: 'bad-format', params: { image: 'app:1', outputs: ['sarif', 'html'] }, status: 0 },
  { name: 'example-jenkinsfile', parse: join(PROJECT_ROOT, 'integrations/jenkins/Jenkinsfile') },
];

const groovyBlocker = onPath('groovy') ? undefined : 'groovy is not installed (apt-get install groovy default-jre-headless)';
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portcullis-jenkins-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeUnless(groovyBlocker, 'Jenkins step portcullisScan (pipeline steps stubbed)', () => {
  let out: Map<string, Outcome>;
  const get = (name: string): Outcome => {
    const o = out.get(name);
    if (!o) throw new Error(`no result for scenario ${name}`);
    return o;
  };
  beforeAll(async () => {
    out = await runHarness(work, STUBBED);
  });

  it('GO: runs the exact command, publishes JUnit, archives the reports, records the SARIF, leaves SUCCESS', () => {
    const o = get('go');
    expect(o.result).toBe('SUCCESS');
    expect(o.thrown).toBeNull();
    expect(argsOf(o, 'sh')).toEqual([
      {
        script: script('npx --yes portcullis', `scan docker-archive:build/app.tar --fail-on stop ${DEFAULT_OUTPUTS}`),
        returnStatus: true,
        label: 'portcullis scan',
        env: [],
      },
    ]);
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'recordIssues', 'echo']);
    expect(argsOf(o, 'junit')).toEqual([{ testResults: `${REPORTS}/portcullis-junit.xml`, allowEmptyResults: true, skipMarkingBuildUnstable: true }]);
    expect(argsOf(o, 'archiveArtifacts')).toEqual([
      {
        artifacts: `${REPORTS}/portcullis-report.json,${REPORTS}/portcullis.sarif,${REPORTS}/portcullis-junit.xml,${REPORTS}/portcullis.cdx.json`,
        allowEmptyArchive: true,
        fingerprint: false,
      },
    ]);
    expect(argsOf(o, 'recordIssues')).toEqual([
      { tools: [{ tool: 'sarif', pattern: `${REPORTS}/portcullis.sarif`, id: 'portcullis', name: 'Portcullis' }], skipPublishingChecks: true },
    ]);
    expect(o.returned).toEqual({
      decision: 'GO',
      exitCode: 0,
      reportDir: REPORTS,
      reports: {
        json: `${REPORTS}/portcullis-report.json`,
        sarif: `${REPORTS}/portcullis.sarif`,
        junit: `${REPORTS}/portcullis-junit.xml`,
        cyclonedx: `${REPORTS}/portcullis.cdx.json`,
      },
    });
  });

  it('WARN (exit 2): publishes first, then marks the build UNSTABLE and returns the decision', () => {
    const o = get('warn');
    expect(o.result).toBe('UNSTABLE');
    expect(o.thrown).toBeNull();
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'recordIssues', 'unstable']);
    expect(argsOf(o, 'unstable')).toEqual(['Portcullis: policy decision WARN for registry:example.com/app:1']);
    expect(o.returned?.decision).toBe('WARN');
    expect(o.returned?.exitCode).toBe(2);
  });

  it('STOP (exit 1): publishes first, then fails the build with error', () => {
    const o = get('stop');
    expect(o.result).toBe('FAILURE');
    expect(shScript(o)).toBe(script('npx --yes portcullis', `scan registry:example.com/app:1 --policy policy.json --fail-on stop ${DEFAULT_OUTPUTS}`));
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'recordIssues', 'error']);
    expect(o.thrown).toBe('Portcullis: policy decision STOP for registry:example.com/app:1');
    expect(get('stop-fail-on-warn').thrown).toBe('Portcullis: policy decision WARN or STOP (failOn: warn) for app:1');
    expect(get('stop-fail-on-warn').result).toBe('FAILURE');
    expect(shScript(get('stop-fail-on-warn'))).toContain(' --fail-on warn ');
  });

  it('error (exit 3): FAILURE with the CLI message, and nothing published', () => {
    const o = get('error');
    expect(o.result).toBe('FAILURE');
    expect(steps(o)).toEqual(['sh', 'readFile', 'error']);
    expect(argsOf(o, 'readFile')).toEqual([`${REPORTS}/portcullis-stderr.log`]);
    expect(o.thrown).toBe('Portcullis: the scan failed (exit code 3): portcullis: error: cannot open missing.tar: no such file');
  });

  it('a CLI that is not on the agent (exit 127) fails the build and says how to install it', () => {
    const o = get('not-installed');
    expect(o.result).toBe('FAILURE');
    expect(o.thrown).toBe('Portcullis: the scan failed (exit code 127): no output from the CLI (is it installed on the agent? see cliCommand / installation)');
  });

  it('passes every parameter through, quoting what the shell would split', () => {
    const o = get('all-params');
    expect(o.result).toBe('SUCCESS');
    expect(shScript(o)).toBe(
      script(
        `node '/opt/tools/it'"'"'s portcullis/dist/cli/index.js'`,
        "scan 'oci-dir:/images/my layout:app' --dockerfile docker/Dockerfile --policy .portcullis/policy.yaml --fail-on warn " +
          "--output table --output 'sarif=scan out/portcullis.sarif' --output gitlab=out/gl.json --output 'spdx=scan out/portcullis.spdx.json' " +
          '--severity-cutoff high --only-fixed --platform linux/arm64/v8 --offline --db-url https://mirror.example/osv ' +
          '--db-cache-dir /var/cache/portcullis --ignore-file .portcullis-ignore.yaml --max-db-age 3',
        "'scan out'",
        "'scan out/portcullis-stderr.log'",
      ),
    );
    expect(steps(o)).toEqual(['sh', 'archiveArtifacts', 'recordIssues', 'echo']);
    expect(argsOf(o, 'archiveArtifacts')).toEqual([
      { artifacts: 'scan out/portcullis.sarif,out/gl.json,scan out/portcullis.spdx.json', allowEmptyArchive: true, fingerprint: false },
    ]);
  });

  it('the shell really splits the quoted command into the intended arguments', () => {
    const o = get('all-params');
    // Run the generated command line with a stand-in CLI that prints its arguments one per line.
    const argv = spawnSync('sh', ['-c', shScript(o).split('\n')[1]!.replace(/^node '.*?index\.js' /, 'printf "%s\\n" ').replace(/ 2>.*$/, '')], {
      encoding: 'utf8',
    });
    expect(argv.stdout.split('\n').slice(0, 3)).toEqual(['scan', 'oci-dir:/images/my layout:app', '--dockerfile']);
    expect(argv.stdout).toContain('\nsarif=scan out/portcullis.sarif\n');
  });

  it('cliCommand replaces the default npx command; a single output is accepted as a string', () => {
    const o = get('cli-command');
    expect(shScript(o)).toBe(
      script('node /opt/portcullis/dist/cli/index.js', `scan app:1 --fail-on stop --output table --output json=${REPORTS}/portcullis-report.json`),
    );
    expect(steps(o)).toEqual(['sh', 'archiveArtifacts', 'echo']);
  });

  it('registry credentials come only through withCredentials(usernamePassword), as environment variables', () => {
    const o = get('credentials');
    expect(steps(o)).toEqual(['withCredentials', 'sh', 'junit', 'archiveArtifacts', 'recordIssues', 'echo']);
    expect(argsOf(o, 'withCredentials')).toEqual([
      [
        {
          kind: 'usernamePassword',
          credentialsId: 'registry-creds',
          usernameVariable: 'PORTCULLIS_REGISTRY_USERNAME',
          passwordVariable: 'PORTCULLIS_REGISTRY_PASSWORD',
        },
      ],
    ]);
    const sh = argsOf(o, 'sh')[0] as { script: string; env: string[] };
    expect(sh.env).toEqual(['PORTCULLIS_REGISTRY_PASSWORD', 'PORTCULLIS_REGISTRY_USERNAME']);
    expect(sh.script).not.toContain('s3cret');
    expect(sh.script).not.toContain('robot');
    expect(o.result).toBe('SUCCESS');
    const missing = get('credentials-missing');
    expect(missing.result).toBe('SUCCESS');
    expect(missing.thrown).toBe("Could not find credentials entry with ID 'nope'");
    expect(steps(missing)).toEqual(['withCredentials']);
  });

  it('the store: --store-url and --store-fail-on-error on the command line, the token only as PORTCULLIS_STORE_TOKEN', () => {
    const o = get('store');
    expect(o.result).toBe('SUCCESS');
    expect(steps(o)).toEqual(['withCredentials', 'sh', 'junit', 'archiveArtifacts', 'recordIssues', 'echo']);
    expect(argsOf(o, 'withCredentials')).toEqual([[{ kind: 'string', credentialsId: 'store-token', variable: 'PORTCULLIS_STORE_TOKEN' }]]);
    expect(argsOf(o, 'sh')).toEqual([
      {
        script: script('npx --yes portcullis', `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} --store-url https://store.example/portcullis --store-fail-on-error`),
        returnStatus: true,
        label: 'portcullis scan',
        env: ['PORTCULLIS_STORE_TOKEN'],
      },
    ]);
    expect(shScript(o)).not.toContain('pcs_s3cret');

    const both = get('store-and-registry');
    expect(both.result).toBe('SUCCESS');
    expect(argsOf(both, 'withCredentials')).toEqual([
      [
        { kind: 'usernamePassword', credentialsId: 'registry-creds', usernameVariable: 'PORTCULLIS_REGISTRY_USERNAME', passwordVariable: 'PORTCULLIS_REGISTRY_PASSWORD' },
        { kind: 'string', credentialsId: 'store-token', variable: 'PORTCULLIS_STORE_TOKEN' },
      ],
    ]);
    expect((argsOf(both, 'sh')[0] as { env: string[] }).env).toEqual(['PORTCULLIS_REGISTRY_PASSWORD', 'PORTCULLIS_REGISTRY_USERNAME', 'PORTCULLIS_STORE_TOKEN']);
    expect(shScript(both)).toContain(' --store-url http://store:8080 2>');

    // Without a credential the CLI may still take PORTCULLIS_STORE_TOKEN from the agent's environment.
    const urlOnly = get('store-url-only');
    expect(steps(urlOnly)[0]).toBe('sh');
    expect(shScript(urlOnly)).toBe(script('npx --yes portcullis', `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} --store-url http://store:8080`));

    const orphan = get('store-token-without-url');
    expect(orphan.result).toBe('FAILURE');
    expect(orphan.thrown).toBe('portcullisScan: storeCredentialsId and storeFailOnError need storeUrl (the Portcullis store to push to)');
    expect(steps(orphan)).toEqual(['error']);
  });

  it('a failed push with storeFailOnError (exit 3) fails the build with the CLI message', () => {
    const o = get('store-push-failed');
    expect(o.result).toBe('FAILURE');
    expect(o.thrown).toBe('Portcullis: the scan failed (exit code 3): portcullis: error: the evaluation was not pushed to the store (--store-fail-on-error): connect ECONNREFUSED');
  });

  it('without the warnings-ng plugin the SARIF is archived, not recorded, and the result is unchanged', () => {
    const o = get('no-warnings-ng');
    expect(o.result).toBe('UNSTABLE');
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'unstable']);
    expect(argsOf(o, 'echo')).toEqual(['Portcullis: the warnings-ng plugin is not installed; the SARIF report is archived but not recorded']);
  });

  it('the example Jenkinsfile is valid Groovy', () => {
    expect(get('example-jenkinsfile')).toMatchObject({ result: 'PARSED' });
  });

  it('publishing can be switched off step by step', () => {
    expect(steps(get('no-publishing'))).toEqual(['sh', 'echo']);
  });

  it('bad parameters fail the build before anything runs', () => {
    const cases: Record<string, string> = {
      'no-image': 'portcullisScan: the image parameter is required (e.g. image: "docker-archive:app.tar")',
      'unknown-param': 'portcullisScan: unknown parameter(s) failon; known: ',
      'bad-fail-on': 'portcullisScan: failOn must be stop, warn or never, got "sometimes"',
      'bad-format': 'portcullisScan: unknown output format "html"; known: json, sarif, junit, cyclonedx, spdx, gitlab, markdown, table',
    };
    for (const [name, message] of Object.entries(cases)) {
      const o = get(name);
      expect(o.result, name).toBe('FAILURE');
      expect(o.thrown, name).toContain(message);
      expect(steps(o), name).toEqual(['error']);
    }
  });
});

const blocker = groovyBlocker ?? e2eBlocker();
if (blocker) console.warn(`jenkins end-to-end cases skipped: ${blocker}`);

describeUnless(blocker, 'Jenkins step portcullisScan running the real CLI on the shared mini image', () => {
  let out: Map<string, Outcome>;
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore();
    seedDatabase(join(work, 'db'));
    const scenario = (name: string, params: Record<string, unknown>, extra: Partial<Scenario> = {}): Scenario => {
      const workDir = join(work, name);
      spawnSync('mkdir', ['-p', workDir]);
      return { name, real: true, workDir, params: { cliCommand: CLI_COMMAND, offline: true, ...params }, ...extra };
    };
    out = await runHarness(work, [
      scenario('real-warn', {
        image: `docker-archive:${MINI_DOCKER_ARCHIVE}`,
        policy: join(TEST_POLICIES, 'warn.json'),
        dbCacheDir: join(work, 'db'),
      }),
      scenario('real-error', { image: `docker-archive:${join(work, 'no-such.tar')}` }),
      scenario(
        'real-store',
        { image: `docker-archive:${MINI_DOCKER_ARCHIVE}`, policy: join(TEST_POLICIES, 'warn.json'), dbCacheDir: join(work, 'db'), storeUrl: store.url, storeCredentialsId: 'portcullis-store' },
        { credentials: { 'portcullis-store': [store.tokens.push] } },
      ),
    ]);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('storeUrl and storeCredentialsId: the evaluation arrives in the store once, and the token is not in the log', async () => {
    const o = out.get('real-store')!;
    const sh = argsOf(o, 'sh')[0] as { exitCode: number; stdout: string; stderr: string; env: string[] };
    expect(sh.exitCode, sh.stderr).toBe(2);
    expect(o.result).toBe('UNSTABLE');
    expect(sh.env).toEqual(['PORTCULLIS_STORE_TOKEN']);
    expect(sh.stderr).toMatch(/pushed to store: [0-9a-f-]{36}\n/);
    expect(`${sh.stdout}${sh.stderr}`).not.toContain(store.tokens.push);
    // A `docker save` archive has no manifest digest: the evaluation is keyed by the config digest (the image id).
    const report = JSON.parse(readFileSync(join(work, 'real-store', o.returned!.reports.json!), 'utf8')) as { image: { configDigest: string } };
    const res = await fetch(`${store.url}/v2/evaluations?image_digest=${report.image.configDigest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
    const list = (await res.json()) as { decision: string; repository: string; tag: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ decision: 'WARN', repository: 'docker.io/fixtures/debian-app-mini', tag: 'latest' });
  });

  it('WARN: the build is UNSTABLE, and every report it publishes exists and parses', () => {
    const o = out.get('real-warn')!;
    const sh = argsOf(o, 'sh')[0] as { exitCode: number; stdout: string; stderr: string };
    expect(sh.exitCode, sh.stderr).toBe(2);
    expect(o.result).toBe('UNSTABLE');
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'recordIssues', 'unstable']);
    const dir = join(work, 'real-warn');
    const reports = o.returned!.reports;
    const report = JSON.parse(readFileSync(join(dir, reports.json!), 'utf8')) as { policy?: { final_action?: string } };
    expect(report.policy?.final_action).toBe('warn');
    const sarif = JSON.parse(readFileSync(join(dir, reports.sarif!), 'utf8')) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    const sbom = JSON.parse(readFileSync(join(dir, reports.cyclonedx!), 'utf8')) as { bomFormat: string; components: unknown[] };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.length).toBeGreaterThan(100);
    expect(readFileSync(join(dir, reports.junit!), 'utf8')).toMatch(/<testsuites[\s>]/);
    // the table went to the console, the log lines to stderr (shown after the command)
    expect(sh.stdout.length).toBeGreaterThan(0);
  });

  it('error: the build FAILS with the CLI message', () => {
    const o = out.get('real-error')!;
    expect(o.result).toBe('FAILURE');
    expect(o.thrown).toMatch(/^Portcullis: the scan failed \(exit code 3\): portcullis: image error: .*no-such\.tar does not exist$/);
    expect(steps(o)).toEqual(['sh', 'readFile', 'error']);
  });
});
