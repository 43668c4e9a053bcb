/** Uploads SARIF through the code-scanning API: gzip, then base64, with the commit and ref it concerns. */

import { gzipSync } from 'node:zlib';
import { ConfigurationError } from '../../common/errors.js';
import { GITHUB_SARIF_LIMITS } from '../../output/format.js';
import type { GitHubApi, RepoRef, SarifUpload } from './api.js';

export function sarifUploadBody(sarif: string | Buffer, commitSha: string, ref: string): SarifUpload {
  const gz = gzipSync(typeof sarif === 'string' ? Buffer.from(sarif, 'utf8') : sarif, { level: 9 });
  if (gz.length > GITHUB_SARIF_LIMITS.maxGzipBytes) {
    throw new ConfigurationError(`the SARIF is ${gz.length} bytes gzipped, over GitHub's ${GITHUB_SARIF_LIMITS.maxGzipBytes}-byte limit; narrow it with severity-cutoff or only-fixed`);
  }
  return { commit_sha: commitSha, ref, sarif: gz.toString('base64'), tool_name: 'Portcullis' };
}

export async function uploadSarif(api: GitHubApi, repo: RepoRef, sarif: string | Buffer, commitSha: string, ref: string): Promise<{ id?: string; url?: string }> {
  return api.uploadSarif(repo, sarifUploadBody(sarif, commitSha, ref));
}
