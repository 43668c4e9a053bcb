/**
 * Uploads SARIF through the code-scanning API (gzip, then base64, with the commit, the ref and the checkout it
 * concerns), then waits for GitHub to process it, as github/codeql-action's upload-sarif does: the status is read
 * until it is `complete` or `failed`, for a bounded time. A failed upload or a failed processing is a RemoteError
 * naming GitHub's errors; a processing that takes longer than the wait is a warning (it goes on in the background).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { RemoteError, getErrorMessage } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import { GITHUB_SARIF_LIMITS } from '../../output/format.js';
import type { GitHubApi, RepoRef, SarifUpload } from './api.js';

export interface SarifUploadTarget {
  commitSha: string;
  ref: string;
  /** The checkout's file URI (`checkout_uri`). */
  checkoutUri: string;
  startedAt?: Date;
}

export function sarifUploadBody(sarif: string | Buffer, target: SarifUploadTarget): SarifUpload {
  const gz = gzipSync(typeof sarif === 'string' ? Buffer.from(sarif, 'utf8') : sarif, { level: 9 });
  if (gz.length > GITHUB_SARIF_LIMITS.maxGzipBytes) {
    throw new RemoteError(`the SARIF is ${gz.length} bytes gzipped, over GitHub's ${GITHUB_SARIF_LIMITS.maxGzipBytes}-byte upload limit, so it was not sent; narrow it with severity-cutoff or only-fixed`);
  }
  return {
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: gz.toString('base64'),
    checkout_uri: target.checkoutUri,
    ...(target.startedAt ? { started_at: target.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    tool_name: 'Portcullis',
  };
}

export interface WaitOptions {
  /** How long to wait for processing in all (2 minutes by default, as codeql-action). */
  timeoutMs?: number;
  /** Between two status reads (5 s by default, as codeql-action). */
  intervalMs?: number;
  /** The clock and the pause, for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
}

export interface SarifUploadResult {
  id?: string;
  /** `complete`, or `timed-out` when GitHub had not finished within the wait, or `not-waited` without an id. */
  processing: 'complete' | 'timed-out' | 'not-waited';
}

export const SARIF_WAIT_DEFAULTS = { timeoutMs: 120_000, intervalMs: 5_000 } as const;

export async function uploadSarif(api: GitHubApi, repo: RepoRef, sarif: string | Buffer, target: SarifUploadTarget, logger: Logger, options: WaitOptions = {}): Promise<SarifUploadResult> {
  const res = await api.uploadSarif(repo, sarifUploadBody(sarif, target));
  logger.info(`upload-sarif: uploaded for ${target.ref} at ${target.commitSha}${res.id ? ` (id ${res.id}); waiting for GitHub to process it` : ''}`);
  if (!res.id) return { processing: 'not-waited' };
  return { id: res.id, processing: await waitForProcessing(api, repo, res.id, logger, options) };
}

/** Reads the processing status until it is final or the time is up. A `failed` processing throws a RemoteError with GitHub's errors. */
export async function waitForProcessing(api: GitHubApi, repo: RepoRef, sarifId: string, logger: Logger, options: WaitOptions = {}): Promise<'complete' | 'timed-out'> {
  const timeoutMs = options.timeoutMs ?? SARIF_WAIT_DEFAULTS.timeoutMs;
  const intervalMs = options.intervalMs ?? SARIF_WAIT_DEFAULTS.intervalMs;
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? ((ms: number) => sleep(ms));
  const start = now();
  for (;;) {
    let state: Awaited<ReturnType<GitHubApi['sarifProcessing']>> | undefined;
    try {
      state = await api.sarifProcessing(repo, sarifId);
    } catch (e) {
      // Right after the upload GitHub may not know the id yet: a 404 is read as "pending".
      if ((e as RemoteError).status !== 404) {
        logger.warning(`upload-sarif: the SARIF (id ${sarifId}) was uploaded, but its processing status could not be read: ${getErrorMessage(e)}. GitHub processes it in the background; processing errors are not reported here.`);
        return 'timed-out';
      }
    }
    if (state?.status === 'complete') {
      logger.info(`upload-sarif: GitHub processed the SARIF (id ${sarifId})`);
      return 'complete';
    }
    if (state?.status === 'failed') {
      const errors = state.errors.length ? state.errors.join('; ') : 'GitHub gave no reason';
      throw new RemoteError(`GitHub could not process the uploaded SARIF (id ${sarifId}): ${errors}`);
    }
    logger.debug(`upload-sarif: processing of ${sarifId} is ${state ? state.status : 'not visible yet'}`);
    if (now() - start + intervalMs > timeoutMs) break;
    await pause(intervalMs);
  }
  logger.warning(
    `upload-sarif: GitHub had not finished processing the SARIF (id ${sarifId}) after ${Math.round(timeoutMs / 1000)} s; it goes on in the background, but processing errors are not reported here (see the repository's code scanning page).`,
  );
  return 'timed-out';
}
