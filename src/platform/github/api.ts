/**
 * The few GitHub REST calls the Action makes, behind an interface (the unit tests record them; the end-to-end test
 * checks the real client's requests against GitHub's OpenAPI description).
 */

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RemoteError, getErrorMessage } from '../../common/errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
}

export interface SarifUpload {
  commit_sha: string;
  ref: string;
  /** gzip, then base64. */
  sarif: string;
  tool_name?: string;
}

export interface GitHubApi {
  /** The first comment that `match` accepts, reading page by page and stopping there. */
  findIssueComment(repo: RepoRef, issueNumber: number, match: (c: IssueComment) => boolean): Promise<IssueComment | undefined>;
  createIssueComment(repo: RepoRef, issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  uploadSarif(repo: RepoRef, upload: SarifUpload): Promise<{ id?: string; url?: string }>;
}

export interface OctokitRetryOptions {
  /** Retries after the first attempt (3 by default). */
  retries?: number;
  /** The n-th retry waits n² times this, in ms (1 s by default, as @octokit/plugin-retry does). */
  retryAfterBaseMs?: number;
  /**
   * A rate-limited request (primary or secondary limit) is retried once if GitHub asks to wait at most this many
   * seconds (60 by default); a longer wait fails the call instead of holding the CI job.
   */
  maxRateLimitWaitSeconds?: number;
  /** Where the rate-limit warnings go (console.warn by default; the Action passes core.warning). */
  warn?: (message: string) => void;
}

/**
 * The real client: octokit from @actions/github, against GITHUB_API_URL (GitHub Enterprise Server included), with
 * @octokit/plugin-retry: 5xx answers and network errors are retried (not 400, 401, 403, 404, 410, 422, 451), and
 * @octokit/plugin-throttling: writes are spaced out as GitHub asks integrators to, and a 403/429 that is a rate limit
 * (`x-ratelimit-remaining: 0`, or a "secondary rate limit" message) is retried once after its `retry-after`, when
 * that wait is short (the plugin order and the retry-once rule follow octokit.js, src/octokit.ts).
 */
export function octokitApi(token: string, apiUrl: string, options: OctokitRetryOptions = {}): GitHubApi {
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const again = retryCount === 0 && retryAfter <= maxWait;
      warn(`GitHub API: ${kind} hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : `not retrying (GitHub asks to wait ${retryAfter} s)`}`);
      return again;
    };
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseMs ?? 1000 },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...(options.retryAfterBaseMs !== undefined ? { retryAfterBaseValue: options.retryAfterBaseMs } : {}),
      },
    },
    retry,
    throttling,
  );
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const status = (e as { status?: number }).status;
      throw new RemoteError(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${getErrorMessage(e)}`, { cause: e, ...(status ? { status } : {}) });
    }
  };
  return {
    findIssueComment: (repo, issueNumber, match) =>
      call('listing the pull request comments', async () => {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 })) {
          const hit = page.data.find((c) => match({ id: c.id, ...(c.body ? { body: c.body } : {}) }));
          if (hit) return { id: hit.id, ...(hit.body ? { body: hit.body } : {}), html_url: hit.html_url };
        }
        return undefined;
      }),
    createIssueComment: (repo, issueNumber, body) =>
      call('creating the pull request comment', async () => {
        const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
        return { id: data.id, html_url: data.html_url };
      }),
    updateIssueComment: (repo, commentId, body) =>
      call('updating the pull request comment', async () => {
        const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
        return { id: data.id, html_url: data.html_url };
      }),
    uploadSarif: (repo, upload) =>
      call('uploading the SARIF to code scanning', async () => {
        const { data } = await octokit.rest.codeScanning.uploadSarif({ ...repo, ...upload });
        return { ...(data.id ? { id: data.id } : {}), ...(data.url ? { url: data.url } : {}) };
      }),
  };
}
