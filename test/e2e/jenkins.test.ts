// The Jenkins shared-library step (integrations/jenkins/vars/portcullisScan.groovy) under Debian's `groovy`, with the
// pipeline steps stubbed by integrations/jenkins/test/harness.groovy: the exact commands, the published reports and
// the build result for each exit code; scripts run as Jenkins runs them (`sh -xe script.sh > log 2>&1`) and checked
// for every line the CLI printed; every step call checked against the plugins' real parameter names
// (integrations/jenkins/test/step-signatures.json); then real runs of the CLI on the shared mini image.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** the named parameters the step was called with */
  names: string[] | null;
}
interface SymbolCall {
  symbol: string;
  args: Record<string, unknown>;
}
interface Outcome {
  name: string;
  result: 'SUCCESS' | 'UNSTABLE' | 'FAILURE';
  returned: {
    decision: string;
    exitCode: number;
    reportDir: string;
    reports: Record<string, string>;
    scans: { image: string; decision: string; exitCode: number; reportDir: string; reports: Record<string, string> }[];
  } | null;
  thrown: string | null;
  calls: Call[];
  symbols: SymbolCall[];
}
interface Scenario {
  name: string;
  params?: Record<string, unknown>;
  status?: number;
  statuses?: number[];
  env?: Record<string, string>;
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

const REPORTS = 'portcullis-reports';
const outputs = (dir: string, q = (p: string): string => p): string =>
  `--output table --output ${q(`json=${dir}/portcullis-report.json`)} --output ${q(`sarif=${dir}/portcullis.sarif`)} ` +
  `--output ${q(`junit=${dir}/portcullis-junit.xml`)} --output ${q(`cyclonedx=${dir}/portcullis.cdx.json`)} --output ${q(`markdown=${dir}/portcullis.md`)}`;
const DEFAULT_OUTPUTS = outputs(REPORTS);
const DEFAULT_IMAGE = 'ghcr.io/OWNER/portcullis:0.1.0';
const CONTAINER_ENV = [
  'PORTCULLIS_REGISTRY_USERNAME', 'PORTCULLIS_REGISTRY_PASSWORD', 'PORTCULLIS_STORE_TOKEN', 'PORTCULLIS_DB_URL', 'PORTCULLIS_DB_REPOSITORY',
  'PORTCULLIS_SPOOL_DIR', 'GIT_COMMIT', 'BUILD_TAG', 'CHANGE_TARGET', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'NO_COLOR', 'FORCE_COLOR',
];
const dockerRun = (image = DEFAULT_IMAGE, runtime = 'docker'): string =>
  `${runtime} run --rm -u "$(id -u):$(id -g)" -v "$PWD:$PWD" -w "$PWD" ${CONTAINER_ENV.map((e) => `-e ${e}`).join(' ')} ${image}`;
/** The caches the container mode keeps in the workspace. */
const CONTAINER_CACHES = '--db-cache-dir .portcullis-cache --layer-cache .portcullis-cache/layers';
const quoteSh = (s: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`);
/** The script the step hands to `sh` (see scanScript in the step): -e safe, stderr tee'd to the console and a file. */
const script = (cli: string, args: string, how: string, dir = REPORTS, npm?: string): string =>
  [
    `mkdir -p ${quoteSh(dir)}`,
    '{ {',
    '  rc=0',
    ...(npm ? [`  npm install --prefix .portcullis-cli --no-save --no-audit --no-fund --ignore-scripts portcullis@${npm} >&2 || rc=125`] : []),
    `  if [ "$rc" = 0 ]; then ${cli} ${args} || rc=$?; fi`,
    `  case "$rc" in 125|126|127) echo ${quoteSh(`portcullis: install error: the CLI could not be run from ${how}`)} "(exit $rc); the image was not scanned" >&2; rc=3;; esac`,
    `  echo "$rc" > ${quoteSh(`${dir}/portcullis-exit-code`)}`,
    `} 2>&1 1>&3 3>&- | tee ${quoteSh(`${dir}/portcullis-stderr.log`)} >&2; } 3>&1`,
    `exit "$(cat ${quoteSh(`${dir}/portcullis-exit-code`)})"`,
  ].join('\n');
const IN_IMAGE = `the image ${DEFAULT_IMAGE} (docker run)`;
/** The line of the script that runs the CLI. */
const cliLine = (o: Outcome, n = 0): string => (argsOf(o, 'sh')[n] as { script: string }).script.split('\n').find((l) => l.includes('|| rc=$?'))!.trim();
const runs = (cli: string, args: string): string => `if [ "$rc" = 0 ]; then ${cli} ${args} || rc=$?; fi`;

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
  {
    name: 'error-go-on',
    params: { image: 'docker-archive:missing.tar', failOnError: false },
    status: 3,
    files: { [`${REPORTS}/portcullis-stderr.log`]: 'portcullis: image error: missing.tar does not exist\n' },
  },
  { name: 'stop-go-on', params: { image: 'app:1', failOnError: false }, status: 1 },
  { name: 'no-output', params: { image: 'app:1', cliPath: '/opt/portcullis/bin/portcullis' }, status: 3 },
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
      layerCacheDir: 'caches/layers',
      layerCacheMaxSize: '512M',
      ignoreFile: '.portcullis-ignore.yaml',
      baseline: 'store:',
      failScope: 'new',
      baselineOptional: true,
      extraArgs: ['--max-db-age', '3'],
      installation: "/opt/tools/it's portcullis",
      reportDir: 'scan out',
    },
    status: 0,
  },
  { name: 'no-layer-cache', params: { image: 'app:1', cliPath: 'portcullis', layerCache: false, layerCacheMaxSize: '1G' }, status: 0 },
  { name: 'baseline-file', params: { image: 'app:1', baseline: 'main/portcullis-report.json' }, status: 0 },
  { name: 'cli-command', params: { image: 'app:1', cliCommand: 'node /opt/portcullis/dist/cli/index.js', outputs: 'json' }, status: 0 },
  { name: 'cli-path', params: { image: 'app:1', cliPath: '/opt/port cullis/bin/portcullis', outputs: 'json' }, status: 0 },
  { name: 'cli-image', params: { image: 'app:1', cliImage: 'registry.example/tools/portcullis:0.1.0@sha256:' + 'a'.repeat(64), containerRuntime: 'podman', containerArgs: ['-v', '/run/podman/podman.sock:/run/podman/podman.sock'], outputs: 'json' }, status: 0 },
  { name: 'npm', params: { image: 'app:1', npmVersion: '0.1.0', outputs: 'json' }, status: 0 },
  { name: 'npm-range', params: { image: 'app:1', npmVersion: '^0.1.0' }, status: 0 },
  { name: 'npm-latest', params: { image: 'app:1', npmVersion: 'latest' }, status: 0 },
  { name: 'two-sources', params: { image: 'app:1', cliPath: 'portcullis', npmVersion: '0.1.0' }, status: 0 },
  { name: 'runtime-without-image', params: { image: 'app:1', cliPath: 'portcullis', containerRuntime: 'podman' }, status: 0 },
  {
    name: 'images',
    params: {
      images: [
        { image: 'docker-archive:build/api.tar', dockerfile: 'api/Dockerfile' },
        { image: 'registry:r.example/team/worker:1', dockerfile: 'worker/Dockerfile', platform: 'linux/arm64', name: 'worker' },
      ],
      policy: 'policy.json',
      cliPath: 'portcullis',
    },
    statuses: [0, 2],
  },
  {
    name: 'images-stop-and-error',
    params: { images: ['docker-archive:a.tar', 'docker-archive:b.tar', 'docker-archive:c.tar'], cliPath: 'portcullis' },
    statuses: [1, 3, 0],
    files: { [`${REPORTS}/b.tar/portcullis-stderr.log`]: 'portcullis: image error: b.tar does not exist\n' },
  },
  { name: 'images-same-name', params: { images: ['docker-archive:x/a.tar', 'docker-archive:x_a.tar'] }, status: 0 },
  { name: 'images-and-image', params: { image: 'app:1', images: ['app:2'] }, status: 0 },
  { name: 'images-shared-dockerfile', params: { images: ['app:2'], dockerfile: 'Dockerfile' }, status: 0 },
  { name: 'images-bad-key', params: { images: [{ image: 'app:2', policy: 'p.json' }] }, status: 0 },
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
  { name: 'bad-fail-scope', params: { image: 'app:1', baseline: 'store:', failScope: 'changed' }, status: 0 },
  { name: 'fail-scope-without-baseline', params: { image: 'app:1', failScope: 'new' }, status: 0 },
  { name: 'bad-format', params: { image: 'app:1', outputs: ['sarif', 'html'] }, status: 0 },
  { name: 'example-jenkinsfile', parse: join(PROJECT_ROOT, 'integrations/jenkins/Jenkinsfile') },
];

const groovyBlocker = onPath('groovy') ? undefined : 'groovy is not installed (apt-get install groovy default-jre-headless)';
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portcullis-jenkins-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every scenario's outcome, stubbed and real: the signature check reads them all. */
const allOutcomes: Outcome[] = [];

describeUnless(groovyBlocker, 'Jenkins step portcullisScan (pipeline steps stubbed)', () => {
  let out: Map<string, Outcome>;
  const get = (name: string): Outcome => {
    const o = out.get(name);
    if (!o) throw new Error(`no result for scenario ${name}`);
    return o;
  };
  beforeAll(async () => {
    out = await runHarness(work, STUBBED);
    allOutcomes.push(...out.values());
  });

  it('GO: runs the CLI in the Portcullis image of this release, publishes JUnit, archives the reports and the summary, records the SARIF', () => {
    const o = get('go');
    expect(o.result).toBe('SUCCESS');
    expect(o.thrown).toBeNull();
    expect(argsOf(o, 'sh')).toEqual([
      {
        script: script(dockerRun(), `scan docker-archive:build/app.tar --fail-on stop ${DEFAULT_OUTPUTS} ${CONTAINER_CACHES}`, IN_IMAGE),
        returnStatus: true,
        label: 'portcullis scan',
        env: [],
      },
    ]);
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'echo']);
    expect(argsOf(o, 'junit')).toEqual([{ testResults: `${REPORTS}/portcullis-junit.xml`, allowEmptyResults: true, skipMarkingBuildUnstable: true }]);
    expect(argsOf(o, 'archiveArtifacts')).toEqual([
      {
        artifacts: `${REPORTS}/portcullis-report.json,${REPORTS}/portcullis.sarif,${REPORTS}/portcullis-junit.xml,${REPORTS}/portcullis.cdx.json,${REPORTS}/portcullis.md`,
        allowEmptyArchive: true,
        fingerprint: false,
      },
    ]);
    expect(argsOf(o, 'echo')).toEqual([`Portcullis: the summary is archived with the build's artifacts: ${REPORTS}/portcullis.md`, 'Portcullis: GO for docker-archive:build/app.tar']);
    expect(argsOf(o, 'recordIssues')).toEqual([{ tools: [{ tool: 'sarif', pattern: `${REPORTS}/portcullis.sarif`, id: 'portcullis', name: 'Portcullis' }], skipPublishingChecks: true }]);
    expect(o.returned).toMatchObject({
      decision: 'GO',
      exitCode: 0,
      reportDir: REPORTS,
      reports: { json: `${REPORTS}/portcullis-report.json`, markdown: `${REPORTS}/portcullis.md` },
    });
    expect(o.returned?.scans).toHaveLength(1);
  });

  it('WARN (exit 2): publishes first, then marks the build UNSTABLE and returns the decision', () => {
    const o = get('warn');
    expect(o.result).toBe('UNSTABLE');
    expect(o.thrown).toBeNull();
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'unstable']);
    expect(argsOf(o, 'unstable')).toEqual(['Portcullis: policy decision WARN for registry:example.com/app:1']);
    expect(o.returned?.decision).toBe('WARN');
    expect(o.returned?.exitCode).toBe(2);
  });

  it('STOP (exit 1): publishes first, then fails the build with error', () => {
    const o = get('stop');
    expect(o.result).toBe('FAILURE');
    expect(cliLine(o)).toBe(runs(dockerRun(), `scan registry:example.com/app:1 --policy policy.json --fail-on stop ${DEFAULT_OUTPUTS} ${CONTAINER_CACHES}`));
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'error']);
    expect(o.thrown).toBe('Portcullis: policy decision STOP for registry:example.com/app:1');
    expect(get('stop-fail-on-warn').thrown).toBe('Portcullis: policy decision WARN or STOP (failOn: warn) for app:1');
    expect(get('stop-fail-on-warn').result).toBe('FAILURE');
    expect(cliLine(get('stop-fail-on-warn'))).toContain(' --fail-on warn ');
  });

  it('error (exit 3): FAILURE with the CLI message, and nothing published', () => {
    const o = get('error');
    expect(o.result).toBe('FAILURE');
    expect(steps(o)).toEqual(['sh', 'readFile', 'error']);
    expect(argsOf(o, 'readFile')).toEqual([`${REPORTS}/portcullis-stderr.log`]);
    expect(o.thrown).toBe('Portcullis: the scan failed (exit code 3): portcullis: error: cannot open missing.tar: no such file');
    expect(get('no-output').thrown).toBe('Portcullis: the scan failed (exit code 3): no output from the CLI (is it installed on the agent? see cliImage / cliPath / npmVersion)');
  });

  it('failOnError: false (Anchore\'s bailOnPluginFail): an error leaves the build result alone and says so; a STOP still fails', () => {
    const o = get('error-go-on');
    expect(o.result).toBe('SUCCESS');
    expect(o.thrown).toBeNull();
    expect(steps(o)).toEqual(['sh', 'readFile', 'echo']);
    expect(argsOf(o, 'echo')).toEqual([
      'Portcullis: the scan failed (exit code 3): portcullis: image error: missing.tar does not exist; failOnError: false, so the build goes on without a decision for docker-archive:missing.tar',
    ]);
    expect(o.returned).toMatchObject({ decision: 'ERROR', exitCode: 3 });
    const stop = get('stop-go-on');
    expect(stop.result).toBe('FAILURE');
    expect(stop.thrown).toBe('Portcullis: policy decision STOP for app:1');
  });

  it('passes every parameter through (layer cache, baseline included), quoting what the shell would split', () => {
    const o = get('all-params');
    expect(o.result).toBe('SUCCESS');
    expect((argsOf(o, 'sh')[0] as { script: string }).script).toBe(
      script(
        `node '/opt/tools/it'"'"'s portcullis/dist/cli/index.js'`,
        "scan 'oci-dir:/images/my layout:app' --dockerfile docker/Dockerfile --policy .portcullis/policy.yaml --fail-on warn " +
          "--output table --output 'sarif=scan out/portcullis.sarif' --output gitlab=out/gl.json --output 'spdx=scan out/portcullis.spdx.json' " +
          '--severity-cutoff high --only-fixed --platform linux/arm64/v8 --offline --db-url https://mirror.example/osv ' +
          '--db-cache-dir /var/cache/portcullis --layer-cache caches/layers --layer-cache-max-size 512M --ignore-file .portcullis-ignore.yaml ' +
          '--baseline store: --fail-scope new --baseline-optional --max-db-age 3',
        "installation /opt/tools/it's portcullis",
        'scan out',
      ),
    );
    expect(steps(o)).toEqual(['sh', 'archiveArtifacts', 'recordIssues', 'echo']);
    expect(argsOf(o, 'archiveArtifacts')).toEqual([
      { artifacts: 'scan out/portcullis.sarif,out/gl.json,scan out/portcullis.spdx.json', allowEmptyArchive: true, fingerprint: false },
    ]);
    expect(cliLine(get('no-layer-cache'))).toBe(runs('portcullis', `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} --no-layer-cache`));
    expect(cliLine(get('baseline-file'))).toBe(runs(dockerRun(), `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} ${CONTAINER_CACHES} --baseline main/portcullis-report.json`));
  });

  it('the shell really splits the quoted command into the intended arguments', () => {
    const o = get('all-params');
    // Run the generated command line with a stand-in CLI that prints its arguments one per line.
    const line = cliLine(o).replace(/^if \[ "\$rc" = 0 \]; then node '.*?index\.js' /, 'printf "%s\\n" ').replace(/ \|\| rc=\$\?; fi$/, '');
    const argv = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
    expect(argv.stdout.split('\n').slice(0, 3)).toEqual(['scan', 'oci-dir:/images/my layout:app', '--dockerfile']);
    expect(argv.stdout).toContain('\nsarif=scan out/portcullis.sarif\n');
    expect(argv.stdout.trimEnd().split('\n').slice(-4)).toEqual(['--fail-scope', 'new', '--baseline-optional', '--max-db-age', '3'].slice(-4));
  });

  it('how the CLI is run: cliCommand, cliPath (quoted), cliImage with another runtime, npm at an exact version', () => {
    expect(cliLine(get('cli-command'))).toBe(runs('node /opt/portcullis/dist/cli/index.js', `scan app:1 --fail-on stop --output table --output json=${REPORTS}/portcullis-report.json`));
    expect(steps(get('cli-command'))).toEqual(['sh', 'archiveArtifacts', 'echo']);
    expect(cliLine(get('cli-path'))).toBe(runs("'/opt/port cullis/bin/portcullis'", `scan app:1 --fail-on stop --output table --output json=${REPORTS}/portcullis-report.json`));
    const image = `registry.example/tools/portcullis:0.1.0@sha256:${'a'.repeat(64)}`;
    expect(cliLine(get('cli-image'))).toBe(
      runs(
        dockerRun(`-v /run/podman/podman.sock:/run/podman/podman.sock ${image}`, 'podman'),
        `scan app:1 --fail-on stop --output table --output json=${REPORTS}/portcullis-report.json ${CONTAINER_CACHES}`,
      ),
    );
    const npm = (argsOf(get('npm'), 'sh')[0] as { script: string }).script;
    expect(npm).toBe(
      script('.portcullis-cli/node_modules/.bin/portcullis', `scan app:1 --fail-on stop --output table --output json=${REPORTS}/portcullis-report.json`, 'portcullis@0.1.0 from npm', REPORTS, '0.1.0'),
    );
    expect(npm).not.toMatch(/npx|--yes/);
  });

  it('a CLI source that is not exact, or two of them, fails before anything runs', () => {
    const cases: Record<string, string> = {
      'npm-range': 'portcullisScan: npmVersion must be an exact version such as 1.2.3, got "^0.1.0"',
      'npm-latest': 'portcullisScan: npmVersion must be an exact version such as 1.2.3, got "latest"',
      'two-sources': 'portcullisScan: give one of cliImage, cliPath, cliCommand, installation, npmVersion, not cliPath and npmVersion',
      'runtime-without-image': 'portcullisScan: containerRuntime and containerArgs apply to the container image, not to cliPath',
    };
    for (const [name, message] of Object.entries(cases)) {
      expect(get(name).thrown, name).toBe(message);
      expect(steps(get(name)), name).toEqual(['error']);
    }
  });

  it('several images, each with its own Dockerfile: one scan each, in its own report folder, published together, the worst result wins', () => {
    const o = get('images');
    expect(o.result).toBe('UNSTABLE');
    expect(steps(o)).toEqual(['sh', 'sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'echo', 'unstable']);
    const sh = argsOf(o, 'sh') as { label: string }[];
    expect(sh.map((s) => s.label)).toEqual(['portcullis scan docker-archive:build/api.tar', 'portcullis scan registry:r.example/team/worker:1']);
    expect(cliLine(o, 0)).toBe(runs('portcullis', `scan docker-archive:build/api.tar --dockerfile api/Dockerfile --policy policy.json --fail-on stop ${outputs(`${REPORTS}/build_api.tar`)}`));
    expect(cliLine(o, 1)).toBe(
      runs('portcullis', `scan registry:r.example/team/worker:1 --dockerfile worker/Dockerfile --policy policy.json --fail-on stop ${outputs(`${REPORTS}/worker`)} --platform linux/arm64`),
    );
    expect(argsOf(o, 'junit')).toEqual([
      { testResults: `${REPORTS}/build_api.tar/portcullis-junit.xml,${REPORTS}/worker/portcullis-junit.xml`, allowEmptyResults: true, skipMarkingBuildUnstable: true },
    ]);
    expect((argsOf(o, 'recordIssues')[0] as { tools: { pattern: string }[] }).tools[0]!.pattern).toBe(`${REPORTS}/build_api.tar/portcullis.sarif,${REPORTS}/worker/portcullis.sarif`);
    expect(argsOf(o, 'unstable')).toEqual(['Portcullis: policy decision WARN for registry:r.example/team/worker:1']);
    expect(o.returned?.decision).toBe('WARN');
    expect(o.returned?.scans.map((x) => [x.image, x.decision, x.reportDir])).toEqual([
      ['docker-archive:build/api.tar', 'GO', `${REPORTS}/build_api.tar`],
      ['registry:r.example/team/worker:1', 'WARN', `${REPORTS}/worker`],
    ]);

    const bad = get('images-stop-and-error');
    expect(bad.result).toBe('FAILURE');
    expect(steps(bad)).toEqual(['sh', 'sh', 'sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'echo', 'readFile', 'error']);
    expect(bad.thrown).toBe(
      'Portcullis: policy decision STOP for docker-archive:a.tar\nPortcullis: the scan failed (exit code 3): portcullis: image error: b.tar does not exist (docker-archive:b.tar)',
    );
    // the failed image has no reports to publish; the two others do
    expect((argsOf(bad, 'junit')[0] as { testResults: string }).testResults).toBe(`${REPORTS}/a.tar/portcullis-junit.xml,${REPORTS}/c.tar/portcullis-junit.xml`);
  });

  it('several images: bad lists fail before anything runs', () => {
    const cases: Record<string, string> = {
      'images-same-name': 'portcullisScan: two images would share the report folder "x_a.tar"; give them a name',
      'images-and-image': 'portcullisScan: give image or images, not both',
      'images-shared-dockerfile': 'portcullisScan: with images, give each image its own dockerfile inside its entry',
      'images-bad-key': 'portcullisScan: images[0]: unknown key(s) policy; known: image, dockerfile, platform, name',
    };
    for (const [name, message] of Object.entries(cases)) {
      expect(get(name).thrown, name).toBe(message);
      expect(steps(get(name)), name).toEqual(['error']);
    }
  });

  it('registry credentials come only through withCredentials(usernamePassword), as environment variables', () => {
    const o = get('credentials');
    expect(steps(o)).toEqual(['withCredentials', 'sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'echo']);
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
    // into the container by name only
    expect(sh.script).toContain(' -e PORTCULLIS_REGISTRY_USERNAME -e PORTCULLIS_REGISTRY_PASSWORD ');
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
    expect(steps(o)).toEqual(['withCredentials', 'sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'echo']);
    expect(argsOf(o, 'withCredentials')).toEqual([[{ kind: 'string', credentialsId: 'store-token', variable: 'PORTCULLIS_STORE_TOKEN' }]]);
    expect(argsOf(o, 'sh')).toEqual([
      {
        script: script(dockerRun(), `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} ${CONTAINER_CACHES} --store-url https://store.example/portcullis --store-fail-on-error`, IN_IMAGE),
        returnStatus: true,
        label: 'portcullis scan',
        env: ['PORTCULLIS_STORE_TOKEN'],
      },
    ]);
    expect(cliLine(o)).not.toContain('pcs_s3cret');

    const both = get('store-and-registry');
    expect(both.result).toBe('SUCCESS');
    expect(argsOf(both, 'withCredentials')).toEqual([
      [
        { kind: 'usernamePassword', credentialsId: 'registry-creds', usernameVariable: 'PORTCULLIS_REGISTRY_USERNAME', passwordVariable: 'PORTCULLIS_REGISTRY_PASSWORD' },
        { kind: 'string', credentialsId: 'store-token', variable: 'PORTCULLIS_STORE_TOKEN' },
      ],
    ]);
    expect((argsOf(both, 'sh')[0] as { env: string[] }).env).toEqual(['PORTCULLIS_REGISTRY_PASSWORD', 'PORTCULLIS_REGISTRY_USERNAME', 'PORTCULLIS_STORE_TOKEN']);
    expect(cliLine(both)).toContain(' --store-url http://store:8080 || rc=$?');

    // Without a credential the CLI may still take PORTCULLIS_STORE_TOKEN from the agent's environment.
    const urlOnly = get('store-url-only');
    expect(steps(urlOnly)[0]).toBe('sh');
    expect(cliLine(urlOnly)).toBe(runs(dockerRun(), `scan app:1 --fail-on stop ${DEFAULT_OUTPUTS} ${CONTAINER_CACHES} --store-url http://store:8080`));

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
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'echo', 'unstable']);
    expect(argsOf(o, 'echo')[1]).toBe('Portcullis: the warnings-ng plugin is not installed; the SARIF report is archived but not recorded');
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
      'bad-fail-scope': 'portcullisScan: failScope must be all or new, got "changed"',
      'fail-scope-without-baseline': "portcullisScan: failScope: 'new' and baselineOptional need baseline (a previous JSON report, an SBOM or store:)",
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

// --- scripts run as Jenkins runs them: `sh -xe script.sh.copy > jenkins-log.txt 2>&1` ---------------------------

/**
 * A stand-in CLI: prints to stdout and stderr, checks that its first stderr line is already in the console log while
 * it still runs (the output streams live), prints a warning last, and exits with $FAKE_EXIT.
 */
const FAKE_CLI = [
  '#!/bin/sh',
  'echo "fake: stdout first line"',
  'echo "warning: no vulnerability data for ecosystem Alpine:v3.20" >&2',
  'live=no',
  'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do',
  '  if grep -q "^warning: no vulnerability data" "$HARNESS_LOG_FILE" 2>/dev/null; then live=yes; break; fi',
  '  sleep 0.1',
  'done',
  'echo "fake: live=$live"',
  'echo "warning: push to store failed: connect ECONNREFUSED; spooled" >&2',
  'if [ "${FAKE_EXIT:-0}" = 3 ]; then echo "portcullis: remote error: the registry said 503" >&2; fi',
  'exit "${FAKE_EXIT:-0}"',
  '',
].join('\n');
const FAKE_LINES = ['fake: stdout first line', 'warning: no vulnerability data for ecosystem Alpine:v3.20', 'fake: live=yes', 'warning: push to store failed: connect ECONNREFUSED; spooled'];

/** A stand-in `docker`: records its arguments and the environment names it was asked to pass, then runs the CLI after the image name. */
const FAKE_DOCKER = [
  '#!/bin/sh',
  'printf "%s\\n" "$@" > "$FAKE_DOCKER_ARGS"',
  'if [ -n "${FAKE_DOCKER_EXIT:-}" ]; then echo "Unable to find image \'$FAKE_IMAGE\' locally" >&2; echo "docker: Error response from daemon: pull access denied" >&2; exit "$FAKE_DOCKER_EXIT"; fi',
  'while [ $# -gt 0 ] && [ "$1" != "$FAKE_IMAGE" ]; do shift; done',
  'shift',
  'exec $REAL_CLI "$@"',
  '',
].join('\n');

/** The lines of `expected` that are not in `log`, in order: a lost line fails the test. */
function lostLines(log: string, expected: string[]): string[] {
  const lines = log.split('\n');
  return expected.filter((e) => !lines.includes(e));
}

describeUnless(groovyBlocker, 'Jenkins step portcullisScan: scripts run with `sh -xe` as Jenkins runs them, no line lost', () => {
  let out: Map<string, Outcome>;
  let bin: string;
  beforeAll(async () => {
    bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'fake-portcullis'), FAKE_CLI);
    writeFileSync(join(bin, 'docker'), FAKE_DOCKER);
    chmodSync(join(bin, 'fake-portcullis'), 0o755);
    chmodSync(join(bin, 'docker'), 0o755);
    const scenario = (name: string, params: Record<string, unknown>, env: Record<string, string> = {}): Scenario => {
      const workDir = join(work, name);
      mkdirSync(workDir, { recursive: true });
      return { name, real: true, workDir, params: { image: 'docker-archive:app.tar', outputs: 'json', ...params }, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ...env } };
    };
    const fake = join(bin, 'fake-portcullis');
    out = await runHarness(work, [
      ...[0, 1, 2, 3].map((code) => scenario(`xe-${code}`, { cliPath: fake }, { FAKE_EXIT: String(code) })),
      scenario('xe-docker', { cliImage: 'registry.example/portcullis:test' }, { FAKE_IMAGE: 'registry.example/portcullis:test', REAL_CLI: fake, FAKE_EXIT: '2', FAKE_DOCKER_ARGS: join(work, 'docker-args.txt'), GIT_COMMIT: 'abc123' }),
      scenario('xe-docker-pull-fails', { cliImage: 'registry.example/portcullis:test' }, { FAKE_IMAGE: 'registry.example/portcullis:test', FAKE_DOCKER_EXIT: '125', FAKE_DOCKER_ARGS: join(work, 'docker-args-2.txt') }),
      scenario('xe-docker-pull-fails-go-on', { cliImage: 'registry.example/portcullis:test', failOnError: false }, { FAKE_IMAGE: 'registry.example/portcullis:test', FAKE_DOCKER_EXIT: '125', FAKE_DOCKER_ARGS: join(work, 'docker-args-3.txt') }),
      scenario('xe-not-installed', { cliPath: join(work, 'nowhere/portcullis') }),
      scenario('xe-npm-fails', { npmVersion: '0.0.0-no-such-version' }, { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_cache: join(work, 'npm-cache') }),
    ]);
    allOutcomes.push(...out.values());
  }, 120_000);
  const sh = (name: string): { exitCode: number; log: string } => argsOf(out.get(name)!, 'sh')[0] as { exitCode: number; log: string };

  it('the harness runs the script as durable-task does: a copy of script.sh, `sh -xe`, stdout and stderr into one log', () => {
    const log = sh('xe-0').log;
    // -x traces every command, as the Jenkins console shows them
    expect(log).toMatch(/^\+ mkdir -p portcullis-reports$/m);
    expect(existsSync(join(work, 'xe-0@tmp/durable-1/script.sh.copy'))).toBe(true);
  });

  it('every line the CLI printed reaches the console, live, whatever it exits with, and the exit code is kept', () => {
    for (const code of [0, 1, 2, 3]) {
      const { exitCode, log } = sh(`xe-${code}`);
      expect(exitCode, log).toBe(code);
      expect(lostLines(log, FAKE_LINES), `exit ${code}:\n${log}`).toEqual([]);
    }
    expect(out.get('xe-0')!.result).toBe('SUCCESS');
    expect(out.get('xe-1')!.result).toBe('FAILURE');
    expect(out.get('xe-2')!.result).toBe('UNSTABLE');
    expect(out.get('xe-3')!.thrown).toBe('Portcullis: the scan failed (exit code 3): portcullis: remote error: the registry said 503');
  });

  it('the check fails on a lost line: the old script (stderr to a file, `cat` after) loses the warnings under -xe', () => {
    const dir = join(work, 'old-script');
    mkdirSync(dir, { recursive: true });
    const old = [`mkdir -p r`, `${join(bin, 'fake-portcullis')} scan x 2>r/stderr.log; rc=$?`, 'cat r/stderr.log >&2', 'exit $rc'].join('\n');
    writeFileSync(join(dir, 'script.sh'), old);
    const run = spawnSync('sh', ['-c', `sh -xe script.sh > log.txt 2>&1`], { cwd: dir, env: { ...process.env, FAKE_EXIT: '2', HARNESS_LOG_FILE: join(dir, 'log.txt') } });
    expect(run.status).toBe(2);
    const lost = lostLines(readFileSync(join(dir, 'log.txt'), 'utf8'), FAKE_LINES);
    expect(lost).toContain('warning: push to store failed: connect ECONNREFUSED; spooled');
    expect(lost).toContain('fake: live=yes');
  });

  it('the default: the CLI runs in the container image, the workspace mounted at its own path, the environment passed by name', () => {
    const { exitCode, log } = sh('xe-docker');
    expect(exitCode).toBe(2);
    expect(lostLines(log, FAKE_LINES)).toEqual([]);
    const args = readFileSync(join(work, 'docker-args.txt'), 'utf8').trimEnd().split('\n');
    const ws = join(work, 'xe-docker');
    expect(args.slice(0, 8)).toEqual(['run', '--rm', '-u', `${process.getuid!()}:${process.getgid!()}`, '-v', `${ws}:${ws}`, '-w', ws]);
    expect(args).toContain('GIT_COMMIT');
    expect(args.join(' ')).not.toContain('abc123');
    expect(args.slice(args.indexOf('registry.example/portcullis:test') + 1, args.indexOf('registry.example/portcullis:test') + 3)).toEqual(['scan', 'docker-archive:app.tar']);
    expect(args).toEqual(expect.arrayContaining(['--db-cache-dir', '.portcullis-cache', '--layer-cache', '.portcullis-cache/layers']));
    expect(out.get('xe-docker')!.result).toBe('UNSTABLE');
  });

  it('a CLI that cannot be had (the image does not pull, the path does not exist, npm fails) is exit 3 with an install error, never a STOP', () => {
    const pull = out.get('xe-docker-pull-fails')!;
    expect(sh('xe-docker-pull-fails').exitCode).toBe(3);
    expect(lostLines(sh('xe-docker-pull-fails').log, ['docker: Error response from daemon: pull access denied'])).toEqual([]);
    expect(pull.result).toBe('FAILURE');
    expect(pull.thrown).toBe(
      'Portcullis: the scan failed (exit code 3): portcullis: install error: the CLI could not be run from the image registry.example/portcullis:test (docker run) (exit 125); the image was not scanned',
    );
    const goOn = out.get('xe-docker-pull-fails-go-on')!;
    expect(goOn.result).toBe('SUCCESS');
    expect(argsOf(goOn, 'echo')[0]).toMatch(/^Portcullis: the scan failed \(exit code 3\): portcullis: install error: .*; failOnError: false, so the build goes on/);

    const missing = out.get('xe-not-installed')!;
    expect(sh('xe-not-installed').exitCode).toBe(3);
    expect(missing.thrown).toMatch(/^Portcullis: the scan failed \(exit code 3\): portcullis: install error: the CLI could not be run from cliPath .*nowhere\/portcullis \(exit 127\); the image was not scanned$/);

    const npm = out.get('xe-npm-fails')!;
    if (onPath('npm')) {
      expect(sh('xe-npm-fails').exitCode, sh('xe-npm-fails').log).toBe(3);
      expect(npm.thrown).toBe(
        'Portcullis: the scan failed (exit code 3): portcullis: install error: the CLI could not be run from portcullis@0.0.0-no-such-version from npm (exit 125); the image was not scanned',
      );
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
      mkdirSync(workDir, { recursive: true });
      return { name, real: true, workDir, params: { cliCommand: CLI_COMMAND, offline: true, ...params }, ...extra };
    };
    out = await runHarness(work, [
      scenario('real-warn', {
        image: `docker-archive:${MINI_DOCKER_ARCHIVE}`,
        policy: join(TEST_POLICIES, 'warn.json'),
        dbCacheDir: join(work, 'db'),
        layerCacheDir: 'layer-cache',
      }),
      scenario('real-error', { image: `docker-archive:${join(work, 'no-such.tar')}` }),
      scenario(
        'real-store',
        { image: `docker-archive:${MINI_DOCKER_ARCHIVE}`, policy: join(TEST_POLICIES, 'warn.json'), dbCacheDir: join(work, 'db'), storeUrl: store.url, storeCredentialsId: 'portcullis-store' },
        { credentials: { 'portcullis-store': [store.tokens.push] } },
      ),
    ]);
    allOutcomes.push(...out.values());
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('storeUrl and storeCredentialsId: the evaluation arrives in the store once, and the token is not in the log', async () => {
    const o = out.get('real-store')!;
    const sh = argsOf(o, 'sh')[0] as { exitCode: number; log: string; env: string[] };
    expect(sh.exitCode, sh.log).toBe(2);
    expect(o.result).toBe('UNSTABLE');
    expect(sh.env).toEqual(['PORTCULLIS_STORE_TOKEN']);
    expect(sh.log).toMatch(/pushed to store: [0-9a-f-]{36}\n/);
    expect(sh.log).not.toContain(store.tokens.push);
    // A `docker save` archive has no manifest digest: the evaluation is keyed by the config digest (the image id).
    const report = JSON.parse(readFileSync(join(work, 'real-store', o.returned!.reports.json!), 'utf8')) as { image: { configDigest: string } };
    const res = await fetch(`${store.url}/v2/evaluations?image_digest=${report.image.configDigest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
    const list = (await res.json()) as { decision: string; repository: string; tag: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ decision: 'WARN', repository: 'docker.io/fixtures/debian-app-mini', tag: 'latest' });
  });

  it('WARN: the build is UNSTABLE, every report it publishes exists and parses, the summary is Markdown, the layer cache a workspace folder', () => {
    const o = out.get('real-warn')!;
    const sh = argsOf(o, 'sh')[0] as { exitCode: number; log: string };
    expect(sh.exitCode, sh.log).toBe(2);
    expect(o.result).toBe('UNSTABLE');
    expect(steps(o)).toEqual(['sh', 'junit', 'archiveArtifacts', 'echo', 'recordIssues', 'unstable']);
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
    expect(readFileSync(join(dir, reports.markdown!), 'utf8')).toMatch(/WARN/);
    // the layer cache is a workspace folder the CLI was given (whether it fills it for an archive is the CLI's business)
    expect(cliLine(o)).toContain(' --layer-cache layer-cache ');
    // the table and the CLI's log lines are both in the console log; the CLI's stderr is also kept in the report folder
    expect(sh.log).toMatch(/\+ tee portcullis-reports\/portcullis-stderr\.log/);
    const stderr = readFileSync(join(dir, 'portcullis-reports/portcullis-stderr.log'), 'utf8');
    expect(lostLines(sh.log, stderr.split('\n').filter(Boolean))).toEqual([]);
  });

  it('error: the build FAILS with the CLI message', () => {
    const o = out.get('real-error')!;
    expect(o.result).toBe('FAILURE');
    expect(o.thrown).toMatch(/^Portcullis: the scan failed \(exit code 3\): portcullis: image error: .*no-such\.tar does not exist$/);
    expect(steps(o)).toEqual(['sh', 'readFile', 'error']);
    expect((argsOf(o, 'sh')[0] as { log: string }).log).toMatch(/portcullis: image error: .*no-such\.tar does not exist/);
  });
});

// --- every step call against the plugins' real parameter names ---------------------------------------------------

interface Signature {
  required: string[];
  optional: string[];
  sources: string[];
}
const SIGNATURES = JSON.parse(readFileSync(join(PROJECT_ROOT, 'integrations/jenkins/test/step-signatures.json'), 'utf8')) as {
  steps: Record<string, Signature>;
  symbols: Record<string, Signature>;
};

/** What is wrong with one call's parameter names against a signature: unknown names, missing required ones. */
function signatureProblems(what: string, names: string[], sig: Signature | undefined): string[] {
  if (!sig) return [`${what}: no signature on file`];
  const allowed = new Set([...sig.required, ...sig.optional]);
  return [
    ...names.filter((n) => !allowed.has(n)).map((n) => `${what}: "${n}" is not a parameter (known: ${[...allowed].join(', ')})`),
    ...sig.required.filter((n) => !names.includes(n)).map((n) => `${what}: required "${n}" is missing`),
  ];
}

describeUnless(groovyBlocker, 'Jenkins step portcullisScan: every pipeline step call against the plugins\' real parameter names', () => {
  const checked = ['sh', 'junit', 'archiveArtifacts', 'recordIssues', 'withCredentials'];
  const symbols = ['sarif', 'usernamePassword', 'string'];

  it('the signatures on file name their source by URL and commit', () => {
    for (const [name, sig] of [...Object.entries(SIGNATURES.steps), ...Object.entries(SIGNATURES.symbols)]) {
      expect(sig.sources.length, name).toBeGreaterThan(0);
      for (const url of sig.sources) expect(url, name).toMatch(/^https:\/\/github\.com\/jenkinsci\/[\w.-]+\/blob\/[0-9a-f]{40}\/\S+\.java$/);
    }
    expect(Object.keys(SIGNATURES.steps).sort()).toEqual([...checked].sort());
    expect(Object.keys(SIGNATURES.symbols).sort()).toEqual([...symbols].sort());
  });

  it('the check catches a wrong name and a missing required one', () => {
    expect(signatureProblems('junit', ['testResults', 'allowEmptyResult'], SIGNATURES.steps.junit)).toEqual([
      expect.stringMatching(/^junit: "allowEmptyResult" is not a parameter/),
    ]);
    expect(signatureProblems('archiveArtifacts', ['allowEmptyArchive'], SIGNATURES.steps.archiveArtifacts)).toEqual(['archiveArtifacts: required "artifacts" is missing']);
    expect(signatureProblems('sarif', ['pattern', 'toolName'], SIGNATURES.symbols.sarif)).toHaveLength(1);
  });

  it('every call the step made in every scenario (stubbed, `sh -xe`, and the real CLI when it runs) uses only real parameter names, and each is exercised', () => {
    expect(allOutcomes.length).toBeGreaterThan(40);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const o of allOutcomes) {
      for (const c of o.calls) {
        if (!checked.includes(c.step)) continue;
        seen.add(c.step);
        problems.push(...signatureProblems(`${o.name}: ${c.step}`, c.names ?? [], SIGNATURES.steps[c.step]));
      }
      for (const s of o.symbols ?? []) {
        seen.add(s.symbol);
        problems.push(...signatureProblems(`${o.name}: ${s.symbol}`, Object.keys(s.args), SIGNATURES.symbols[s.symbol]));
      }
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([...checked, ...symbols].sort());
  });

  it('the step file calls no other map-argument step than those checked', () => {
    const source = readFileSync(STEP, 'utf8');
    // a call with named arguments, or withCredentials(bindings) { ... }
    const called = new Set([...source.matchAll(/\b([a-z][A-Za-z]*)\((?:[a-z][A-Za-z]*: |bindings\) \{)/g)].map((m) => m[1]!));
    expect([...called].sort()).toEqual([...checked, ...symbols].sort());
  });
});
