import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../common/errors.js';
import { pseudoRandomBytes } from '../../../test/helpers/image-builder.js';
import { fakeGitHubApi } from '../../../test/helpers/fake-platform.js';
import { createRecordingLogger } from '../../common/logger.js';
import { sarifUploadBody, uploadSarif } from './sarif-upload.js';

describe('SARIF upload', () => {
  it('sends the SARIF gzipped and base64-encoded, with the commit and ref', async () => {
    const api = fakeGitHubApi();
    const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
    const res = await uploadSarif(api, { owner: 'acme', repo: 'app' }, sarif, { commitSha: 'f'.repeat(40), ref: 'refs/pull/7/merge', checkoutUri: 'file:///w/app/' }, createRecordingLogger());
    expect(res.id).toBe('sarif-1');
    const u = api.uploads[0]!;
    expect(u).toMatchObject({ owner: 'acme', repo: 'app', commit_sha: 'f'.repeat(40), ref: 'refs/pull/7/merge', checkout_uri: 'file:///w/app/', tool_name: 'Portcullis' });
    expect(api.calls).toEqual(['upload acme/app', 'status acme/app sarif-1']);
    expect(gunzipSync(Buffer.from(u.sarif, 'base64')).toString('utf8')).toBe(sarif);
  });

  it('refuses a SARIF over 10 MB gzipped before sending it', () => {
    // Random bytes do not compress: 11 MB stays over the limit.
    const big = pseudoRandomBytes(11 * 1024 * 1024, 7);
    let error: unknown;
    try {
      sarifUploadBody(big, { commitSha: 'f'.repeat(40), ref: 'refs/heads/main', checkoutUri: 'file:///w/' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as Error).message).toMatch(/over GitHub's 10485760-byte upload limit/);
  });
});
