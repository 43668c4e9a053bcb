import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/index.js';
import { GITHUB_COMMENT_MAX_CHARS } from '../../output/format.js';
import { sampleReport as shared } from '../../output/testdata/report.js';
import { fakeGitHubApi } from '../../../test/helpers/fake-platform.js';
import { commentBody, commentMarker, upsertStickyComment } from './pr-comment.js';

const sampleReport = () => structuredClone(shared());
const REPO = { owner: 'acme', repo: 'app' };
const RUN = 'https://github.com/acme/app/actions/runs/1';

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

  it('starts with the marker and the decision, holds the findings and links the run', () => {
    const body = commentBody(sampleReport(), { runUrl: RUN });
    expect(body.startsWith(`${commentMarker(sampleReport())}\n## 🛑 STOP: \`localhost/fixtures/dockerfile-app:1.4.2\``)).toBe(true);
    expect(body).toContain('manifest `sha256:ed4f088a9f65ecc114bab26ff29326e69b2e4391470441d136c77e7a4beb8264`');
    expect(body).toContain('CVE-2021-44906');
    expect(body.trimEnd().endsWith(`[Workflow run](${RUN}) · the full report is the JSON report (and the SARIF) that the step wrote.`)).toBe(true);
  });

  it('links each finding to its Dockerfile line when the source URL is known', () => {
    const body = commentBody(sampleReport(), { runUrl: RUN, sourceUrl: 'https://github.com/acme/app/blob/0123abc', checkoutRoot: '.' });
    expect(body).toContain('[Dockerfile:29](https://github.com/acme/app/blob/0123abc/fixtures/dockerfile-app/Dockerfile#L29)');
    expect(body).toContain('[Dockerfile:3](https://github.com/acme/app/blob/0123abc/fixtures/dockerfile-app/Dockerfile#L3) (base)');
  });

  it('a report of 2,000 findings: within 65,536 characters, with the findings table header and its top rows', () => {
    const r = sampleReport();
    const f = r.findings[0]!;
    const severities = ['Critical', 'High', 'Medium', 'Low'] as const;
    r.findings = Array.from({ length: 2000 }, (_, i): Finding => ({ ...f, id: `CVE-2099-${10000 + i}`, severity: severities[i % 4]!, packageName: `pkg-${i}`, summary: 'x'.repeat(200) }));
    const body = commentBody(r, { runUrl: RUN });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    const lines = body.split('\n');
    const header = lines.indexOf('| Severity | Vulnerability | Package | Installed | Fixed in | Dockerfile |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 2]).toMatch(/^\| 🟥\u00a0Critical \| CVE-2099-10000 · EPSS 0\.7% \| `pkg-0` \(npm\) \|/);
    expect(lines[header + 3]).toMatch(/^\| 🟥\u00a0Critical \| CVE-2099-10004 /);
    expect(body).toContain(`_1,975 more findings not shown: the JSON report and the SARIF have them all ([workflow run](${RUN}))._`);
  });

  it('shrinks the tables\' caps to fit 65,536 characters, the findings table last, instead of cutting the text', () => {
    const r = sampleReport();
    const f = r.findings[0]!;
    // Rows as long as a cell allows (`@x` escapes to 9 characters), and thousands of them: the default caps do not fit.
    r.findings = Array.from({ length: 5000 }, (_, i): Finding => ({ ...f, id: `CVE-2099-${10000 + i}-${'i'.repeat(90)}`, packageName: `p${i}-${'n'.repeat(300)}`, installedVersion: 'v'.repeat(300), fix: { state: 'fixed', versions: ['w'.repeat(300)] } }));
    r.policy!.findings = Array.from({ length: 3000 }, (_, i) => ({ ...r.policy!.findings[1]!, trigger_id: `t${i}`, gate: 'g'.repeat(300), message: `message ${i} ${'@y'.repeat(200)}`, rule_id: 'r'.repeat(300) }));
    r.unknowns = Array.from({ length: 500 }, (_, i) => ({ stage: 's'.repeat(300), reason: '@z'.repeat(200), path: `/p/${i}/${'q'.repeat(300)}`, packageDatabase: 'npm' }));
    const body = commentBody(r, { runUrl: RUN });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS - 4000); // filled, not halved
    const findingRows = body.split('\n').filter((l) => l.startsWith('| 🟥\u00a0Critical | CVE-2099-')).length;
    const triggerRows = body.split('\n').filter((l) => l.startsWith('| WARN | ggg')).length;
    expect(findingRows).toBeGreaterThanOrEqual(5);
    expect(triggerRows).toBeLessThan(25);
    expect(body).toContain(`_${(5000 - findingRows).toLocaleString('en-US')} more findings not shown`);
    expect(body).toContain(`_${(3000 - triggerRows).toLocaleString('en-US')} more policy triggers not shown`);
    expect(body).not.toContain('Cut to fit');
    expect(body.trimEnd().endsWith('that the step wrote.')).toBe(true);
  });

  it('applies the report scope: no finding below the severity cutoff, the same decision', () => {
    const body = commentBody(sampleReport(), { severityCutoff: 'High' });
    expect(body).toContain('## 🛑 STOP');
    expect(body).toContain('5 vulnerabilities in the report scope (of 9)');
    for (const id of ['CVE-2024-29041', 'CVE-2024-13176', 'CVE-2005-2541', 'CVE-2019-1010022']) expect(body).not.toContain(id);
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
