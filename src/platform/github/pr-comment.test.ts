import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/index.js';
import { GITHUB_COMMENT_MAX_CHARS } from '../../output/format.js';
import { sampleReport as shared } from '../../output/testdata/report.js';
import { fakeGitHubApi } from '../../../test/helpers/fake-platform.js';
import { commentBody, commentMarker, upsertStickyComment } from './pr-comment.js';

const sampleReport = () => structuredClone(shared());
const REPO = { owner: 'acme', repo: 'app' };

describe('the sticky PR comment', () => {
  it('is marked by the image repository and platform, not the tag, so the next push finds it', () => {
    const a = sampleReport();
    const b = sampleReport();
    b.image.repoTags = ['localhost/fixtures/dockerfile-app:1.4.3'];
    expect(commentMarker(a)).toBe('<!-- portcullis:comment localhost/fixtures/dockerfile-app linux/amd64 -->');
    expect(commentMarker(b)).toBe(commentMarker(a));
    b.image.platform = { os: 'linux', architecture: 'arm64', variant: 'v8' };
    expect(commentMarker(b)).not.toBe(commentMarker(a));
  });

  it('starts with the marker, holds the markdown report and links the run', () => {
    const body = commentBody(sampleReport(), { runUrl: 'https://github.com/acme/app/actions/runs/1' });
    expect(body.startsWith(`${commentMarker(sampleReport())}\n## 🛑 Portcullis: STOP`)).toBe(true);
    expect(body).toContain('CVE-2021-44906');
    expect(body.trimEnd().endsWith('[Workflow run](https://github.com/acme/app/actions/runs/1)')).toBe(true);
  });

  it('stays within 65,536 characters for a huge report, and says what it left out', () => {
    const r = sampleReport();
    const f = r.findings[0]!;
    r.findings = Array.from({ length: 5000 }, (_, i): Finding => ({ ...f, id: `CVE-2099-${10000 + i}`, summary: 'x'.repeat(200) }));
    r.policy!.findings = Array.from({ length: 3000 }, (_, i) => ({ ...r.policy!.findings[0]!, trigger_id: `t${i}`, message: `message ${i} ${'y'.repeat(150)}` }));
    const body = commentBody(r, { runUrl: 'https://github.com/acme/app/actions/runs/1' });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(body).toMatch(/more (policy triggers|findings) not shown/);
    expect(body).toContain('[Workflow run]');
  });

  it('is created once, then updated in place; other comments are left alone', async () => {
    const api = fakeGitHubApi();
    await api.createIssueComment(REPO, 7, 'LGTM');
    const marker = commentMarker(sampleReport());
    const first = await upsertStickyComment(api, REPO, 7, marker, `${marker}\nfirst`);
    const second = await upsertStickyComment(api, REPO, 7, marker, `${marker}\nsecond`);
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', comment: { id: first.comment.id } });
    expect([...api.comments.values()].map((c) => c.body)).toEqual(['LGTM', `${marker}\nsecond`]);
    // Another image's comment on the same PR is a different sticky comment.
    const other = await upsertStickyComment(api, REPO, 7, '<!-- portcullis:comment other linux/amd64 -->', 'other');
    expect(other.action).toBe('created');
    expect(api.comments.size).toBe(3);
  });
});
