import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkRequest } from './action-github-server.js';

/** The stand-in validates against GitHub's description, so it must reject what GitHub would. */
describe('the OpenAPI check of the local GitHub API', () => {
  const sarif = gzipSync('{}').toString('base64');

  it('accepts a well-formed SARIF upload and comment calls', () => {
    expect(checkRequest('POST', '/repos/acme/app/code-scanning/sarifs', {}, { commit_sha: 'a'.repeat(40), ref: 'refs/pull/7/merge', sarif })).toEqual({
      operationId: 'code-scanning/upload-sarif',
      problems: [],
    });
    expect(checkRequest('GET', '/repos/acme/app/issues/7/comments', { per_page: '100' }, undefined)).toEqual({ operationId: 'issues/list-comments', problems: [] });
    expect(checkRequest('PATCH', '/repos/acme/app/issues/comments/12', {}, { body: 'x' }).problems).toEqual([]);
  });

  it('rejects a bad commit sha, an unknown field, a missing field', () => {
    expect(checkRequest('POST', '/repos/acme/app/code-scanning/sarifs', {}, { commit_sha: 'abc', ref: 'refs/heads/main', sarif }).problems.join()).toMatch(/commit_sha/);
    expect(checkRequest('POST', '/repos/acme/app/code-scanning/sarifs', {}, { commit_sha: 'a'.repeat(40), ref: 'refs/heads/main', sarif, extra: 1 }).problems.join()).toMatch(/additional properties/);
    expect(checkRequest('POST', '/repos/acme/app/issues/7/comments', {}, {}).problems.join()).toMatch(/must have required property 'body'/);
  });

  it('rejects a path or method that is not an operation, and bad parameters', () => {
    expect(checkRequest('PUT', '/repos/acme/app/issues/7/comments', {}, { body: 'x' }).problems).toEqual(['PUT /repos/acme/app/issues/7/comments is not an operation of the GitHub REST API']);
    expect(checkRequest('GET', '/repos/acme/app/pulls/7/sticky', {}, undefined).problems).toHaveLength(1);
    expect(checkRequest('GET', '/repos/acme/app/issues/seven/comments', {}, undefined).problems.join()).toMatch(/path parameter issue_number=seven/);
    expect(checkRequest('GET', '/repos/acme/app/issues/7/comments', { per_page: '100', sort: 'x' }, undefined).problems).toEqual(['issues/list-comments: unknown query parameter sort']);
  });
});
