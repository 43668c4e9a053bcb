/**
 * The few GitHub REST calls the Action makes, behind an interface (the unit tests record them; the end-to-end test
 * checks the real client's requests against GitHub's OpenAPI description).
 */

import { getOctokit } from '@actions/github';
import { defaults as actionsOctokitDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RemoteError, getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';

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
  /** The checkout as a file URI: GitHub makes absolute artifact URIs under it relative to the repository. */
  checkout_uri?: string;
  /** When the analysis began (ISO 8601). */
  started_at?: string;
  tool_name?: string;
}

/** GitHub's answer to `GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}`. */
export interface SarifProcessing {
  status: 'pending' | 'complete' | 'failed';
  /** What went wrong while processing (GitHub's `errors`). */
  errors: string[];
}

export interface GitHubApi {
  /** The first comment that `match` accepts, reading page by page and stopping there. */
  findIssueComment(repo: RepoRef, issueNumber: number, match: (c: IssueComment) => boolean): Promise<IssueComment | undefined>;
  createIssueComment(repo: RepoRef, issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  uploadSarif(repo: RepoRef, upload: SarifUpload): Promise<{ id?: string; url?: string }>;
  /** Where GitHub is with an uploaded SARIF. */
  sarifProcessing(repo: RepoRef, sarifId: string): Promise<SarifProcessing>;
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
  /**
   * Where the client's warnings go: the rate-limit ones above and octokit's own log (`log.warn`, `log.error`: a
   * deprecated endpoint, say). console.warn by default; the Action passes its run logger, so that they count against
   * the step's annotation budget.
   */
  warn?: (message: string) => void;
  /** Where octokit's `log.debug` and `log.info` go (nowhere by default). */
  debug?: (message: string) => void;
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
  const debug = options.debug ?? (() => {});
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      // octokit's own log (console.warn and console.error by default, which would bypass the step's budget). The
      // request layer reads it from `request.log`; `request` replaces @actions/github's (a shallow merge), so its proxy
      // settings are carried over.
      log: { debug, info: debug, warn, error: warn },
      request: { ...actionsOctokitDefaults.request, log: { debug, info: debug, warn, error: warn } },
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
    sarifProcessing: (repo, sarifId) =>
      call('reading the SARIF processing status', async () => {
        const { data } = await octokit.rest.codeScanning.getSarif({ ...repo, sarif_id: sarifId });
        return { status: data.processing_status ?? 'pending', errors: [...(data.errors ?? [])] };
      }),
  };
}

/**
 * The client as the Action makes it for a run: every warning of the client and its libraries (rate limits,
 * deprecations) goes through the run's logger, so it counts against the step's annotation budget; its debug lines
 * go to the debug log.
 */
export function octokitApiForRun(token: string, apiUrl: string, logger: Logger): GitHubApi {
  return octokitApi(token, apiUrl, { warn: (m) => logger.warning(m), debug: (m) => logger.debug(m) });
}
