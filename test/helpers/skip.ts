/**
 * Skips that say why, and that CI can forbid. A suite needing something the machine may lack (../shared, podman, a
 * registry, PostgreSQL, Chromium, groovy, oscap …) goes through `describeUnless` / `itUnless` with the reason it
 * cannot run (or undefined when it can). Without the thing the suite is skipped with the reason in its name; with
 * PORTCULLIS_FAIL_ON_SKIP=1 (set by .ci/run, which installs everything) it is instead one failing test that names the
 * reason, so that a CI run cannot be green while testing nothing.
 */
import { describe, it, type TestContext, type TestOptions } from 'vitest';

export const FAIL_ON_SKIP_VARIABLE = 'PORTCULLIS_FAIL_ON_SKIP';

export type SkipDecision = { kind: 'run' } | { kind: 'skip'; title: string } | { kind: 'fail'; title: string; message: string };

/** What to do with a test or suite called `name` that cannot run for `blocker` (undefined: it can run). */
export function skipDecision(name: string, blocker: string | undefined, env: NodeJS.ProcessEnv = process.env): SkipDecision {
  if (blocker === undefined) return { kind: 'run' };
  if (env[FAIL_ON_SKIP_VARIABLE] === '1') {
    return { kind: 'fail', title: `${name} (cannot run: ${blocker})`, message: `cannot run: ${blocker}; ${FAIL_ON_SKIP_VARIABLE}=1 forbids skipping` };
  }
  return { kind: 'skip', title: `${name} (skipped: ${blocker})` };
}

const failing = (message: string) => (): never => {
  throw new Error(message);
};

/**
 * `describe` that runs when `blocker` is undefined. Otherwise the suite is collected as skipped, with the reason in
 * its name (so `fn` must not read what is missing while collecting: read it in hooks or tests), or, under
 * PORTCULLIS_FAIL_ON_SKIP=1, replaced by one failing test (then `fn` is not called at all).
 */
export function describeUnless(blocker: string | undefined, name: string, fn: () => void): void {
  const d = skipDecision(name, blocker);
  if (d.kind === 'run') describe(name, fn);
  else if (d.kind === 'skip') describe.skip(d.title, fn);
  else describe(d.title, () => it('runs', failing(d.message)));
}

/** `it` that runs when `blocker` is undefined; otherwise skipped with the reason, or failing under PORTCULLIS_FAIL_ON_SKIP=1. */
export function itUnless(blocker: string | undefined, name: string, fn: () => unknown, options?: TestOptions): void {
  const d = skipDecision(name, blocker);
  if (d.kind === 'run') it(name, options ?? {}, fn);
  else if (d.kind === 'skip') it.skip(d.title, fn);
  else it(d.title, failing(d.message));
}

/**
 * Inside a test (or one case of `it.for`): skips the rest, with the reason, when `blocker` is set; throws instead under
 * PORTCULLIS_FAIL_ON_SKIP=1. Never a silent early `return`, which would count as a pass.
 */
export function skipUnless(ctx: Pick<TestContext, 'skip'>, blocker: string | undefined): void {
  const d = skipDecision('this case', blocker);
  if (d.kind === 'fail') throw new Error(d.message);
  if (d.kind === 'skip') ctx.skip(`skipped: ${blocker}`);
}
