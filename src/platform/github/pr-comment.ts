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

/** The comment's body: the marker, the markdown report fitted to GitHub's limit, a link to the run. */
export function commentBody(report: ScanReport, options: Pick<RenderOptions, 'severityCutoff' | 'onlyFixed'> & { runUrl?: string }): string {
  const marker = commentMarker(report);
  const footer = options.runUrl ? `\n[Workflow run](${options.runUrl})\n` : '';
  const budget = GITHUB_COMMENT_MAX_CHARS - marker.length - footer.length - 2;
  // The markdown budget is in bytes; a character is at least one byte, so the comment stays within the limit.
  const markdown = OUTPUT_FORMATS.get('markdown').render(report, {
    ...(options.severityCutoff ? { severityCutoff: options.severityCutoff } : {}),
    ...(options.onlyFixed ? { onlyFixed: true } : {}),
    maxBytes: budget,
    topFindings: 30,
  });
  return `${marker}\n${String(markdown)}${footer}`;
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
