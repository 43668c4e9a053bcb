/** A Platform that records everything, and an in-memory GitHub API, for unit tests of the CI adapters. */

import { RemoteError } from '../../src/common/errors.js';
import type { Logger } from '../../src/common/logger.js';
import type { Outcome } from '../../src/common/outcome.js';
import type { GitHubApi, IssueComment, RepoRef, SarifProcessing, SarifUpload } from '../../src/platform/github/api.js';
import type { Annotation, Platform } from '../../src/platform/platform.js';

export interface FakePlatform extends Platform {
  lines: { level: keyof Logger; message: string }[];
  annotations: Annotation[];
  summaries: string[];
  outputs: Record<string, string>;
  concluded?: { outcome: Outcome; message: string };
  /** Log lines of one level. */
  logged(level: keyof Logger): string[];
}

export function fakePlatform(): FakePlatform {
  const lines: FakePlatform['lines'] = [];
  const rec = (level: keyof Logger) => (message: string) => void lines.push({ level, message });
  const p: FakePlatform = {
    lines,
    annotations: [],
    summaries: [],
    outputs: {},
    logger: { debug: rec('debug'), info: rec('info'), warning: rec('warning'), error: rec('error') },
    annotate(a) {
      p.annotations.push(a);
    },
    async summary(markdown) {
      p.summaries.push(markdown);
    },
    setOutputs(outputs) {
      Object.assign(p.outputs, outputs);
    },
    conclude(outcome, message) {
      if (p.concluded) throw new Error(`concluded twice: ${p.concluded.outcome} then ${outcome}`);
      p.concluded = { outcome, message };
    },
    logged: (level) => lines.filter((l) => l.level === level).map((l) => l.message),
  };
  return p;
}


export interface FakeGitHubApi extends GitHubApi {
  comments: Map<number, IssueComment & { issue: number }>;
  uploads: (SarifUpload & RepoRef)[];
  calls: string[];
  /** HTTP status to fail every call with, to test the error paths. */
  failWith?: number;
  /** What successive SARIF status reads answer (the last one repeats); `complete` when empty. A number is an HTTP error. */
  processing: (SarifProcessing | number)[];
}

/** An in-memory GitHub: comments per issue, SARIF uploads recorded. */
export function fakeGitHubApi(): FakeGitHubApi {
  let next = 100;
  const api: FakeGitHubApi = {
    comments: new Map(),
    uploads: [],
    calls: [],
    processing: [],
    async findIssueComment(repo, issue, match) {
      api.calls.push(`find ${repo.owner}/${repo.repo}#${issue}`);
      if (api.failWith) throw new RemoteError(`HTTP ${api.failWith}`, { status: api.failWith });
      return [...api.comments.values()].find((c) => c.issue === issue && match(c));
    },
    async createIssueComment(repo, issue, body) {
      api.calls.push(`create ${repo.owner}/${repo.repo}#${issue}`);
      const c = { id: next++, issue, body };
      api.comments.set(c.id, c);
      return c;
    },
    async updateIssueComment(repo, id, body) {
      api.calls.push(`update ${repo.owner}/${repo.repo} comment ${id}`);
      const c = api.comments.get(id);
      if (!c) throw new RemoteError('Not Found', { status: 404 });
      c.body = body;
      return c;
    },
    async uploadSarif(repo, upload) {
      api.calls.push(`upload ${repo.owner}/${repo.repo}`);
      if (api.failWith) throw new RemoteError(`HTTP ${api.failWith}`, { status: api.failWith });
      api.uploads.push({ ...repo, ...upload });
      return { id: `sarif-${api.uploads.length}` };
    },
    async sarifProcessing(repo, sarifId) {
      api.calls.push(`status ${repo.owner}/${repo.repo} ${sarifId}`);
      const step = api.processing.length > 1 ? api.processing.shift()! : (api.processing[0] ?? { status: 'complete', errors: [] });
      if (typeof step === 'number') throw new RemoteError(`HTTP ${step}`, { status: step });
      return step;
    },
  };
  return api;
}
