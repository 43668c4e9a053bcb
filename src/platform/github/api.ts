/**
 * The few GitHub REST calls the Action makes, behind an interface (the unit tests record them; the end-to-end test
 * checks the real client's requests against GitHub's OpenAPI description).
 */

import { getOctokit } from '@actions/github';
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

/** The real client: octokit from @actions/github, against GITHUB_API_URL (GitHub Enterprise Server included). */
export function octokitApi(token: string, apiUrl: string): GitHubApi {
  const octokit = getOctokit(token, { baseUrl: apiUrl });
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
