/** Where pushes go, from flags and the environment (the CI wrappers pass `store-url`/`store-token` as env). */

import { ConfigurationError } from '../common/errors.js';
import { redactUrl } from '../common/http.js';
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
    throw new ConfigurationError(`store URL "${redactUrl(url)}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigurationError(`store URL "${redactUrl(url)}" must be http or https`);
  // `https://user:pass@host` means Basic auth; the URL kept (in messages, logs and the spool) has no credentials.
  const inUrl = parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : undefined;
  const token = flags.storeToken ?? env.PORTCULLIS_STORE_TOKEN;
  let username = flags.username ?? env.PORTCULLIS_STORE_USERNAME ?? env.ANCHORECTL_USERNAME;
  let password = flags.password ?? env.PORTCULLIS_STORE_PASSWORD ?? env.ANCHORECTL_PASSWORD;
  if (inUrl) {
    if (token || username) throw new ConfigurationError('the store URL holds credentials: give them there or as a token / username, not both');
    ({ username, password } = inUrl);
  }
  if (token && username) throw new ConfigurationError('give a store token or a username and password, not both');
  if (username && !password) throw new ConfigurationError('a store username needs a password (PORTCULLIS_STORE_PASSWORD)');
  const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new ConfigurationError(`--timeout "${flags.timeout}" is not a number of seconds`);
  const account = flags.account ?? env.PORTCULLIS_STORE_ACCOUNT;
  return {
    url: inUrl ? redactUrl(url) : url,
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
