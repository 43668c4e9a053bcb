import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeGitHubApi } from '../../test/helpers/fake-platform.js';
import { isMainModule, lazyCacheBackend, lazyGitHubApi, run } from './action.js';

describe('the Action entry', () => {
  it('exports run() for a harness, and importing it starts nothing', () => {
    expect(typeof run).toBe('function');
    // Imported by vitest, not started by node: no run, so no exit code was set.
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('is the main module only when node was started with it, through a symlink too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entry-'));
    const file = join(dir, 'index.js');
    writeFileSync(file, '');
    symlinkSync(file, join(dir, 'link.js'));
    const url = pathToFileURL(file).href;
    expect(isMainModule(url, file)).toBe(true);
    expect(isMainModule(url, join(dir, 'link.js'))).toBe(true);
    expect(isMainModule(url, join(dir, 'other.js'))).toBe(false);
    expect(isMainModule(url, undefined)).toBe(false);
  });

  it('loads the GitHub client and the cache library on first use only, once', async () => {
    let loads = 0;
    const inner = fakeGitHubApi();
    const api = lazyGitHubApi(async () => {
      loads++;
      return inner;
    });
    expect(loads).toBe(0);
    await api.createIssueComment({ owner: 'a', repo: 'b' }, 1, 'x');
    await api.findIssueComment({ owner: 'a', repo: 'b' }, 1, () => true);
    expect(loads).toBe(1);
    expect(inner.calls).toEqual(['create a/b#1', 'find a/b#1']);

    let cacheLoads = 0;
    const cache = lazyCacheBackend(async () => {
      cacheLoads++;
      return { available: () => false, restore: async () => undefined, save: async () => {} };
    });
    expect(cacheLoads).toBe(0);
    expect(await cache.available()).toBe(false);
    expect(await cache.available()).toBe(false);
    expect(cacheLoads).toBe(1);
  });
});
