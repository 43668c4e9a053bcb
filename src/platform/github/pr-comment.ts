/**
 * The sticky PR comment: one comment per image and platform, found again by a hidden marker and updated in place,
 * so a pull request carries the latest result instead of one comment per push.
 */

import type { ScanReport } from '../../model/index.js';
import { GITHUB_COMMENT_MAX_CHARS, imageRepository, platformText, type RenderOptions } from '../../output/format.js';
import { OUTPUT_FORMATS } from '../../output/list.js';
import type { GitHubApi, IssueComment, RepoRef } from './api.js';

/** The hidden marker: the image's repository (without tag or digest, so the next push finds it) and platform. */
export function commentMarker(report: ScanReport): string {
  const key = `${imageRepository(report)} ${platformText(report)}`.replace(/--/g, '-');
  return `<!-- portcullis:comment ${key} -->`;
}

export type CommentOptions = Pick<RenderOptions, 'severityCutoff' | 'onlyFixed' | 'checkoutRoot' | 'workingDirectory' | 'sourceUrl'> & {
  /** The workflow run: where the full report (and the run's artifacts) is linked. */
  runUrl?: string;
};

/**
 * The comment's body: the marker, then the markdown report (decision, findings, policy triggers) in the same report
 * scope as the summary and the SARIF, fitted to GitHub's 65,536 characters by shrinking its tables' caps, so that
 * the findings table is always there; the tables' "N more" lines and the last line link the run.
 */
export function commentBody(report: ScanReport, options: CommentOptions): string {
  const marker = commentMarker(report);
  const markdown = OUTPUT_FORMATS.get('markdown').render(report, {
    ...(options.severityCutoff ? { severityCutoff: options.severityCutoff } : {}),
    ...(options.onlyFixed ? { onlyFixed: true } : {}),
    ...(options.checkoutRoot ? { checkoutRoot: options.checkoutRoot } : {}),
    ...(options.workingDirectory ? { workingDirectory: options.workingDirectory } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    ...(options.runUrl ? { reportUrl: options.runUrl } : {}),
    maxChars: GITHUB_COMMENT_MAX_CHARS - marker.length - 1,
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  return `${marker}\n${String(markdown)}`;
}

export interface CommentResult {
  action: 'created' | 'updated';
  comment: IssueComment;
}

export async function upsertStickyComment(api: GitHubApi, repo: RepoRef, issueNumber: number, marker: string, body: string): Promise<CommentResult> {
  const existing = await api.findIssueComment(repo, issueNumber, (c) => (c.body ?? '').includes(marker));
  if (existing) return { action: 'updated', comment: await api.updateIssueComment(repo, existing.id, body) };
  return { action: 'created', comment: await api.createIssueComment(repo, issueNumber, body) };
}
