/** The parts of the runner's environment and event payload that the Action uses, read once into plain data. */

import { readFileSync } from 'node:fs';
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

export interface PullRequestInfo {
  number: number;
  /** The head repository is not the base repository (a fork), so a `pull_request` token cannot write. */
  fromFork: boolean;
}

export interface GitHubContext {
  eventName: string;
  /** `owner/repo`. */
  repository?: { owner: string; repo: string };
  sha?: string;
  ref?: string;
  workspace?: string;
  apiUrl: string;
  /** A link to this run, for the PR comment. */
  runUrl?: string;
  /** The repository's files at the scanned commit (`https://github.com/OWNER/REPO/blob/SHA`): Dockerfile lines link under it. */
  sourceUrl?: string;
  pullRequest?: PullRequestInfo;
  /** RUNNER_TEMP: where reports go when no path is given. */
  runnerTemp?: string;
}

interface EventPayload {
  pull_request?: { number?: number; head?: { repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

export function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

export function githubContext(env: NodeJS.ProcessEnv, event: EventPayload = readEvent(env.GITHUB_EVENT_PATH)): GitHubContext {
  const full = env.GITHUB_REPOSITORY ?? event.repository?.full_name;
  const [owner, repo] = (full ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = event.pull_request;
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const ctx: GitHubContext = {
    eventName,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
  };
  if (owner && repo) ctx.repository = { owner, repo };
  if (env.GITHUB_SHA) ctx.sha = env.GITHUB_SHA;
  if (env.GITHUB_REF) ctx.ref = env.GITHUB_REF;
  if (env.GITHUB_WORKSPACE) ctx.workspace = env.GITHUB_WORKSPACE;
  if (env.RUNNER_TEMP) ctx.runnerTemp = env.RUNNER_TEMP;
  if (full && env.GITHUB_RUN_ID) ctx.runUrl = `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (full && env.GITHUB_SHA) ctx.sourceUrl = `${serverUrl}/${full}/blob/${env.GITHUB_SHA}`;
  if (pr && typeof pr.number === 'number') {
    const head = pr.head?.repo?.full_name;
    // A deleted fork has no head repository: treat it as a fork.
    ctx.pullRequest = { number: pr.number, fromFork: !head || (full !== undefined && head.toLowerCase() !== full.toLowerCase()) };
  }
  return ctx;
}

/**
 * A path as annotations want it, agreeing with the SARIF's artifact URIs: `path` (relative to `cwd`, or absolute)
 * made relative to the repository root `checkoutRoot`, with forward slashes; undefined for a file outside the
 * checkout (GitHub could not place it). Without a root, the path as given, normalized.
 */
export function repositoryPath(path: string, checkoutRoot: string | undefined, cwd: string = checkoutRoot ?? process.cwd()): string | undefined {
  if (!checkoutRoot) return normalize(path).split(sep).join('/');
  const rel = relative(resolve(cwd, checkoutRoot), resolve(cwd, path));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
