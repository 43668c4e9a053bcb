import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeUnless, itUnless } from './skip.js';
import type { TestOptions } from 'vitest';

/** The project root, and `../shared` beside it (fixtures, schemas, advisories, scripts). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.PORTCULLIS_SHARED_DIR ?? resolve(PROJECT_ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED_DIR, 'fixtures'));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** Why a test needing ../shared cannot run here, or undefined when it can. */
export function sharedBlocker(): string | undefined {
  return HAS_SHARED ? undefined : `${SHARED_DIR} is absent (it holds the shared fixtures, schemas and advisory data)`;
}

/**
 * `describe` that skips, saying why, when ../shared is absent (a user's fresh clone); a failure instead under
 * PORTCULLIS_FAIL_ON_SKIP=1 (.ci/run). The body runs while collecting even when skipped: it must read shared files
 * only inside hooks and tests, never in the body itself.
 */
export function describeShared(name: string, fn: () => void): void {
  describeUnless(sharedBlocker(), name, fn);
}

/** `it` that needs ../shared, inside a suite that mostly does not. */
export function itShared(name: string, fn: () => unknown, options?: TestOptions): void {
  itUnless(sharedBlocker(), name, fn, options);
}

/** Lists a shared directory while collecting (one test per file): empty when ../shared is absent. */
export function sharedEntries(list: () => string[]): string[] {
  return HAS_SHARED ? list() : [];
}
