import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './shared.js';
import { FAIL_ON_SKIP_VARIABLE, skipDecision } from './skip.js';

describe('skipDecision', () => {
  it('runs what can run, whatever the variable says', () => {
    expect(skipDecision('x', undefined, {})).toEqual({ kind: 'run' });
    expect(skipDecision('x', undefined, { [FAIL_ON_SKIP_VARIABLE]: '1' })).toEqual({ kind: 'run' });
  });

  it('skips with the reason in the name, or fails with it under PORTCULLIS_FAIL_ON_SKIP=1', () => {
    expect(skipDecision('suite', 'podman is not installed', {})).toEqual({ kind: 'skip', title: 'suite (skipped: podman is not installed)' });
    expect(skipDecision('suite', 'podman is not installed', { [FAIL_ON_SKIP_VARIABLE]: '0' }).kind).toBe('skip');
    expect(skipDecision('suite', 'podman is not installed', { [FAIL_ON_SKIP_VARIABLE]: '1' })).toEqual({
      kind: 'fail',
      title: 'suite (cannot run: podman is not installed)',
      message: 'cannot run: podman is not installed; PORTCULLIS_FAIL_ON_SKIP=1 forbids skipping',
    });
  });
});

/*
 * The helpers inside a real vitest run: a fixture test file using describeShared, itShared and itUnless, run by a
 * nested vitest with ../shared pointed at a folder that does not exist, with and without the variable.
 */
describe('describeShared, itShared, itUnless and skipUnless in a vitest run without ../shared', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-skip-'));
    const helpers = join(PROJECT_ROOT, 'test/helpers');
    writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.check.ts'] } };\n");
    writeFileSync(
      join(dir, 'fixture.check.ts'),
      [
        `import { readFileSync } from 'node:fs';`,
        `import { describe, expect, it } from 'vitest';`,
        `import { describeShared, itShared, sharedPath } from '${helpers}/shared.ts';`,
        `import { itUnless, skipUnless } from '${helpers}/skip.ts';`,
        `describeShared('reads a shared file', () => {`,
        `  it('has the file', () => expect(readFileSync(sharedPath('fixtures/x'), 'utf8')).toBe('x'));`,
        `});`,
        `describe('mostly local', () => {`,
        `  it('runs', () => expect(1 + 1).toBe(2));`,
        `  itShared('one shared case', () => expect(readFileSync(sharedPath('fixtures/y'))).toBeDefined());`,
        `  itUnless('the frobnicator is not installed', 'needs a tool', () => {});`,
        `  it.for(['zstd'])('in-test check %s', (_c, ctx) => { skipUnless(ctx, 'the widget is absent'); expect.unreachable(); });`,
        `});`,
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  interface Result {
    status: number | null;
    tests: { title: string; status: string; failureMessages: string[] }[];
  }
  const run = (extraEnv: Record<string, string>): Result => {
    const out = join(dir, `result-${Object.keys(extraEnv).length}.json`);
    const env: NodeJS.ProcessEnv = { ...process.env, PORTCULLIS_SHARED_DIR: join(dir, 'no-shared'), ...extraEnv };
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    if (!(FAIL_ON_SKIP_VARIABLE in extraEnv)) delete env[FAIL_ON_SKIP_VARIABLE];
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile=${out}`], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const json = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] };
    return { status: r.status, tests: json.testResults.flatMap((f) => f.assertionResults).map((t) => ({ title: t.fullName, status: t.status, failureMessages: t.failureMessages })) };
  };

  it('without the variable: green, the shared suite and cases skipped, each naming what is missing', () => {
    const r = run({});
    expect(r.status).toBe(0);
    const missing = `${join(dir, 'no-shared')} is absent`;
    expect(r.tests.map((t) => [t.title, t.status])).toEqual([
      [`reads a shared file (skipped: ${missing} (it holds the shared fixtures, schemas and advisory data)) has the file`, 'skipped'],
      ['mostly local runs', 'passed'],
      [`mostly local one shared case (skipped: ${missing} (it holds the shared fixtures, schemas and advisory data))`, 'skipped'],
      ['mostly local needs a tool (skipped: the frobnicator is not installed)', 'skipped'],
      ['mostly local in-test check zstd', 'skipped'],
    ]);
  });

  it('with PORTCULLIS_FAIL_ON_SKIP=1: red, every would-be skip a failure with its reason, the rest still runs', () => {
    const r = run({ [FAIL_ON_SKIP_VARIABLE]: '1' });
    expect(r.status).toBe(1);
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'passed', 'failed', 'failed', 'failed']);
    expect(r.tests[0]!.title).toMatch(/^reads a shared file \(cannot run: .* is absent/);
    expect(r.tests[0]!.failureMessages[0]).toMatch(/cannot run: .*no-shared is absent .*PORTCULLIS_FAIL_ON_SKIP=1 forbids skipping/);
    expect(r.tests[3]!.failureMessages[0]).toContain('cannot run: the frobnicator is not installed; PORTCULLIS_FAIL_ON_SKIP=1 forbids skipping');
    expect(r.tests[4]!.failureMessages[0]).toContain('cannot run: the widget is absent; PORTCULLIS_FAIL_ON_SKIP=1 forbids skipping');
  });
});
