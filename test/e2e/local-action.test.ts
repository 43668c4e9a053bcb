/**
 * The Action under GitHub's own local runner harness, @github/local-action (`local-action run DIR ENTRY .env`): it
 * reads action.yml, loads the inputs and the GITHUB_* variables from a .env file, imports the entry and calls its
 * exported `run()`. Two entries:
 * - the committed bundle, dist/action/index.js, which the runner starts (its @actions/* are bundled in, so they
 *   write the workflow commands and GITHUB_OUTPUT themselves);
 * - the source entry, src/entrypoints/action.ts, where local-action replaces @actions/core with its own stubs (the
 *   outputs it prints in its "Action Outputs" table).
 * Importing either must not start a second run by itself: the outputs and the summary are written once.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IMAGE } from '../../examples/demo-image.js';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { seedDatabase } from '../helpers/vulndb.js';

const LOCAL_ACTION = join(PROJECT_ROOT, 'node_modules/@github/local-action/bin/local-action.js');
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

let root: string;
let ws: string;
let runs = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'local-action-'));
  ws = join(root, 'workspace');
  mkdirSync(ws);
  writeOciLayout(join(ws, 'image'), buildImage(DEMO_IMAGE));
  writeFileSync(join(ws, 'Dockerfile'), 'FROM debian:12\nRUN rm /etc/motd\nCOPY app/ /app\nCMD ["node", "/app/index.js"]\n');
  seedDatabase(join(root, 'cache'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface LocalRun {
  status: number | null;
  log: string;
  outputFile: string;
  summary: string;
}

/**
 * `local-action run PROJECT_ROOT ENTRY .env`, with the runner's variables only from the .env file. It runs in the
 * project (it starts `npm exec tsx` there); the Action's relative paths are relative to GITHUB_WORKSPACE, as on a runner.
 */
function localAction(entry: string, inputs: Record<string, string>): LocalRun {
  const dir = join(root, `run-${++runs}`);
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const vars: Record<string, string> = {
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: join(dir, 'tmp'),
    PORTCULLIS_CACHE_DIR: join(root, 'cache'),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const envFile = join(dir, '.env');
  writeFileSync(envFile, Object.entries(vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n');
  // This test may itself run on a GitHub runner: none of its variables may leak into the run under test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k)));
  const r = spawnSync(process.execPath, [LOCAL_ACTION, 'run', PROJECT_ROOT, entry, envFile], { cwd: PROJECT_ROOT, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, log: `${r.stdout}\n${r.stderr}`, outputFile: readFileSync(files.output, 'utf8'), summary: readFileSync(files.summary, 'utf8') };
}

// The image by absolute path: local-action runs in the project, not in the workspace (a runner's working directory).
const INPUTS = {
  get image() {
    return `oci-dir:${join(ws, 'image')}:demo`;
  },
  dockerfile: 'Dockerfile',
  policy: join(PROJECT_ROOT, 'test/fixtures/policies/always-stop.yaml'),
  offline: 'true',
  'fail-on': 'stop',
};

describe('@github/local-action drives the Action through its exported run()', () => {
  it('the committed bundle: a STOP with its outputs, one summary, and the failed step (exit 1)', () => {
    const r = localAction(join(PROJECT_ROOT, 'dist/action/index.js'), INPUTS);
    expect(r.log).not.toContain('does not export a run() function');
    expect(r.status, r.log).toBe(1);
    // The bundle's own @actions/core wrote GITHUB_OUTPUT, once per output.
    expect(r.outputFile.match(/^decision<</gm)).toHaveLength(1);
    expect(r.outputFile).toMatch(/^decision<<(.+)\nSTOP\n\1$/m);
    expect(r.summary.match(/^## 🛑 STOP: /gm)).toHaveLength(1);
    expect(r.log).toMatch(/^::error::Portcullis: STOP for oci-dir:.*image:demo: /m);
    // No Actions cache service here: one info line each, never a warning.
    expect(r.log).toContain('db-cache: the Actions cache service is not available here');
    expect(r.log).not.toMatch(/^::warning::.*cache/im);
  });

  it('the source entry, with local-action stubbing @actions/core: the outputs in its table', () => {
    const r = localAction(join(PROJECT_ROOT, 'src/entrypoints/action.ts'), INPUTS);
    expect(r.status, r.log.slice(-4000)).toBe(1);
    const outputs = r.log.slice(r.log.indexOf('Action Outputs'));
    expect(outputs).toMatch(/│ 'decision'\s*│ 'STOP'\s*│/);
    expect(outputs).toMatch(/│ 'sarif'\s*│ '.*portcullis\.sarif'\s*│/);
    expect(r.summary.match(/^## 🛑 STOP: /gm)).toHaveLength(1);
  });

  it('a bad input is one clear error and exit 3', () => {
    const r = localAction(join(PROJECT_ROOT, 'src/entrypoints/action.ts'), { ...INPUTS, 'fail-on': 'sometimes' });
    expect(r.status).toBe(3);
    expect(r.log).toContain('::error::Portcullis: configuration error: input fail-on must be one of stop, warn, never, got "sometimes"');
  });
});
