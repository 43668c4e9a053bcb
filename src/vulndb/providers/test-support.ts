import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { silentLogger } from '../../common/logger.js';
import type { FetchContext, SourceState } from '../provider.js';

/**
 * What a provider test needs: temp folders and local servers removed after each test, and a fetch context at a
 * fixed time with the given stored sources. Call once at the top of a test file.
 */
export function providerTestKit(prefix: string, now: Date): { tmp: () => string; servers: Server[]; ctx: (previous?: readonly SourceState[]) => FetchContext } {
  const dirs: string[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  return {
    tmp: () => {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    servers,
    ctx: (previous = []) => ({ logger: silentLogger, previous: new Map(previous.map((s) => [s.id, s])), now: () => now }),
  };
}
