import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The project root, and `../shared` beside it (fixtures, schemas, advisories, scripts). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.PORTCULLIS_SHARED_DIR ?? resolve(PROJECT_ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED_DIR, 'fixtures'));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** `describe` that skips, saying why, when ../shared is absent (a user's fresh clone). */
export function describeShared(name: string, fn: () => void): void {
  if (HAS_SHARED) describe(name, fn);
  else describe.skip(`${name} (skipped: ${SHARED_DIR} is absent; it holds the shared fixtures)`, fn);
}
