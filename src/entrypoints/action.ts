/**
 * The Action's entry: wiring only. `run()` is exported so that a harness (GitHub's @github/local-action) can import
 * the module and drive it; the module runs it by itself only when it is the program (`node dist/action/index.js`, as
 * the runner starts it). runAction concludes the step itself (outputs, reports, annotations, the outcome).
 *
 * Cold start: this module loads only @actions/core and the platform; the run, the scan, the GitHub client and the
 * Actions cache (with its storage SDK) are imported when first used (separate chunks of the bundle), so a step pays
 * for what its run needs: no octokit without comment-on-pr or upload-sarif, no cache library without the service.
 */

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as core from '@actions/core';
import { getErrorMessage } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { exitCodeOf, type Outcome } from '../common/outcome.js';
import type { GitHubApi } from '../platform/github/api.js';
import type { CacheBackend } from '../platform/github/db-cache.js';
import { githubPlatform } from '../platform/github/github-platform.js';
import { inputsFromEnv } from '../platform/github/inputs.js';
import { tuneHeap } from './heap-tuning.js';

/** A GitHub client whose module (octokit and its plugins) is imported on the first call. */
export function lazyGitHubApi(load: () => Promise<GitHubApi>): GitHubApi {
  let api: Promise<GitHubApi> | undefined;
  const get = (): Promise<GitHubApi> => (api ??= load());
  return {
    findIssueComment: async (repo, issue, match) => (await get()).findIssueComment(repo, issue, match),
    createIssueComment: async (repo, issue, body) => (await get()).createIssueComment(repo, issue, body),
    updateIssueComment: async (repo, id, body) => (await get()).updateIssueComment(repo, id, body),
    uploadSarif: async (repo, upload) => (await get()).uploadSarif(repo, upload),
    sarifProcessing: async (repo, id) => (await get()).sarifProcessing(repo, id),
  };
}

/** A cache backend whose module (@actions/cache and its storage SDK) is imported on the first call. */
export function lazyCacheBackend(load: () => Promise<CacheBackend>): CacheBackend {
  let backend: Promise<CacheBackend> | undefined;
  const get = (): Promise<CacheBackend> => (backend ??= load());
  return {
    available: async () => (await get()).available(),
    restore: async (paths, key, restoreKeys) => (await get()).restore(paths, key, restoreKeys),
    save: async (paths, key) => (await get()).save(paths, key),
  };
}

/** Runs the Action in this process, from its environment (INPUT_*, GITHUB_*); resolves with the outcome, never rejects. */
export async function run(): Promise<Outcome> {
  try {
    const { runAction } = await import('../platform/github/run-action.js');
    return await runAction({
      platform: githubPlatform(),
      env: process.env,
      getInput: inputsFromEnv(process.env),
      setSecret: (s) => core.setSecret(s),
      scan: async (config, deps) => (await import('../scan/pipeline.js')).runScan(config, deps),
      // The GitHub client's own warnings (rate limits, deprecations) go through the run's logger, so they count
      // against the step's annotation budget like the scan's.
      api: (token: string, apiUrl: string, logger: Logger) => lazyGitHubApi(async () => (await import('../platform/github/api.js')).octokitApiForRun(token, apiUrl, logger)),
      cache: lazyCacheBackend(async () => (await import('../platform/github/db-cache.js')).actionsCache),
    });
  } catch (error) {
    core.setFailed(`Portcullis: internal error: ${getErrorMessage(error)}`);
    process.exitCode = exitCodeOf('internal-error');
    return 'internal-error';
  }
}

/** Whether this module is the program node was started with (not imported by a harness or a benchmark). */
export function isMainModule(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  try {
    return pathToFileURL(realpathSync(argv1)).href === moduleUrl;
  } catch {
    return false;
  }
}

if (isMainModule(import.meta.url)) {
  tuneHeap();
  void run();
}
