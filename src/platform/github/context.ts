/** The parts of the runner's environment and event payload that the Action uses, read once into plain data. */

import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

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
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
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
  if (pr && typeof pr.number === 'number') {
    const head = pr.head?.repo?.full_name;
    // A deleted fork has no head repository: treat it as a fork.
    ctx.pullRequest = { number: pr.number, fromFork: !head || (full !== undefined && head.toLowerCase() !== full.toLowerCase()) };
  }
  return ctx;
}

/** A path as annotations and SARIF want it: relative to the workspace, with forward slashes. */
export function repositoryPath(path: string, workspace: string | undefined): string {
  const rel = isAbsolute(path) && workspace ? relative(workspace, path) : path;
  return rel.split('\\').join('/').replace(/^\.\//, '');
}
