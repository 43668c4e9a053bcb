/** Where pushes go, from flags and the environment (the CI wrappers pass `store-url`/`store-token` as env). */

import { ConfigurationError } from '../common/errors.js';
import type { HttpTarget } from './http.js';

export interface TargetFlags {
  storeUrl?: string;
  storeToken?: string;
  username?: string;
  password?: string;
  account?: string;
  timeout?: string;
}

/** The configured target, or undefined when no URL is set (pushing is optional). */
export function targetFrom(flags: TargetFlags, env: NodeJS.ProcessEnv): HttpTarget | undefined {
  const url = flags.storeUrl ?? env.PORTCULLIS_STORE_URL;
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`store URL "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigurationError(`store URL "${url}" must be http or https`);
  const token = flags.storeToken ?? env.PORTCULLIS_STORE_TOKEN;
  const username = flags.username ?? env.PORTCULLIS_STORE_USERNAME ?? env.ANCHORECTL_USERNAME;
  const password = flags.password ?? env.PORTCULLIS_STORE_PASSWORD ?? env.ANCHORECTL_PASSWORD;
  if (token && username) throw new ConfigurationError('give a store token or a username and password, not both');
  if (username && !password) throw new ConfigurationError('a store username needs a password (PORTCULLIS_STORE_PASSWORD)');
  const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new ConfigurationError(`--timeout "${flags.timeout}" is not a number of seconds`);
  const account = flags.account ?? env.PORTCULLIS_STORE_ACCOUNT;
  return {
    url,
    ...(token ? { auth: { kind: 'bearer' as const, token } } : {}),
    ...(username && password ? { auth: { kind: 'basic' as const, username, password } } : {}),
    ...(account ? { account } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

/** The commit and pipeline run from the CI's environment: GitHub Actions, GitLab CI, Jenkins. */
export function ciKeys(env: NodeJS.ProcessEnv): { commit?: string; pipelineRun?: string } {
  const commit = env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.GIT_COMMIT;
  let pipelineRun: string | undefined;
  if (env.GITHUB_RUN_ID) pipelineRun = `github:${env.GITHUB_REPOSITORY ?? ''}/${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  else if (env.CI_PIPELINE_ID) pipelineRun = `gitlab:${env.CI_PROJECT_PATH ?? ''}/${env.CI_PIPELINE_ID}/${env.CI_JOB_ID ?? ''}`;
  else if (env.BUILD_TAG) pipelineRun = `jenkins:${env.BUILD_TAG}`;
  return { ...(commit ? { commit } : {}), ...(pipelineRun ? { pipelineRun } : {}) };
}
