import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../model/index.js';
import { sampleReport } from '../testdata/report.js';
import { code, digestText, renderMarkdown, text } from './markdown.js';

const RUN = 'https://github.com/acme/app/actions/runs/7';

/** A report whose findings are `n` copies of the Critical one, with the severities cycled. */
function bigReport(n: number): ScanReport {
  const r = sampleReport();
  const f = r.findings[0]!;
  const severities = ['Critical', 'High', 'Medium', 'Low', 'Negligible'] as const;
  r.findings = Array.from({ length: n }, (_, i): Finding => ({ ...f, id: `CVE-2099-${String(i).padStart(5, '0')}`, severity: severities[i % severities.length]!, packageName: `pkg-${i}` }));
  return r;
}

describe('markdown: what comes first', () => {
  it('leads with the decision, the image and its digest; then the findings; then the policy triggers', () => {
    const md = renderMarkdown(sampleReport(), { reportUrl: RUN });
    const lines = md.split('\n');
    expect(lines[0]).toBe('## 🛑 STOP: `localhost/fixtures/dockerfile-app:1.4.2`');
    expect(lines[2]).toBe(
      '**Portcullis failed**: policy Portcullis default bundle → **STOP** (1 STOP trigger, 2 WARN triggers) · 9 vulnerabilities: **1 Critical**, **4 High**, 1 Medium, 1 Low, 1 Negligible, 1 Unknown',
    );
    expect(lines.slice(4, 6)).toEqual([
      '**Digest:** manifest `sha256:ed4f088a9f65ecc114bab26ff29326e69b2e4391470441d136c77e7a4beb8264`\\',
      '**Platform:** linux/amd64 · **source:** oci-dir',
    ]);
    const at = (s: string) => md.indexOf(s);
    expect(at('### Findings')).toBeGreaterThan(at('**Digest:**'));
    expect(at('### Policy:')).toBeGreaterThan(at('### Findings'));
    expect(at('### Not fully read')).toBeGreaterThan(at('### Policy:'));
  });

  it('lists the findings a policy rule fired on first, then the rest most severe first, with package, version, fix and Dockerfile line', () => {
    const r = sampleReport();
    // A WARN rule on the Medium express finding: it comes right after the STOP one, before the High ones.
    r.policy!.findings.push({ ...r.policy!.findings[0]!, trigger_id: 'GHSA-rv95-896h-c2vc+express', action: 'warn', rule_action: 'warn', rule_id: 'rule-vuln-medium' });
    const rows = renderMarkdown(r, {})
      .split('\n')
      .filter((l) => /^\| \S+\u00a0(Critical|High|Medium|Low|Negligible|Unknown) \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[1]!.split(' ')[0])).toEqual(['CVE-2021-44906', 'CVE-2024-29041', 'CVE-2021-23337', 'CVE-2022-24999', 'CVE-2023-38545', 'CVE-2023-38545', 'CVE-2024-13176', 'CVE-2005-2541', 'CVE-2019-1010022']);
    expect(rows[0]).toBe('| 🟥\u00a0Critical | CVE-2021-44906 · EPSS 0.7% | `minimist` (npm) | `1.2.0` | `1.2.6` | Dockerfile:29 | **STOP** |');
    expect(rows[1]).toContain('| `express` (npm) | `4.16.0` | `4.19.2` | Dockerfile:29 | **WARN** |');
    expect(rows[4]).toBe('| 🟧\u00a0High | CVE-2023-38545 · **KEV** · EPSS 26.3% | `curl` (deb) | `7.88.1-10+deb12u15` | not fixed | Dockerfile:14 | allowlisted (STOP) |');
    expect(rows[8]).toContain('| Dockerfile:3 (base) |');
  });

  it('links Dockerfile lines under the source URL, by the path relative to the checkout root', () => {
    const r = sampleReport();
    r.dockerfile!.path = '/work/repo/docker/app/Dockerfile';
    r.dockerfile!.origins[4]!.endLine = 30;
    const md = renderMarkdown(r, { sourceUrl: 'https://github.com/acme/app/blob/abc123/', checkoutRoot: '/work/repo' });
    expect(md).toContain('| [Dockerfile:29](https://github.com/acme/app/blob/abc123/docker/app/Dockerfile#L29-L30) |');
    expect(md).toContain('| [Dockerfile:34](https://github.com/acme/app/blob/abc123/docker/app/Dockerfile#L34) | rule-user |');
    // Outside the checkout there is nothing to link to: the line is named, not linked.
    const outside = renderMarkdown(r, { sourceUrl: 'https://github.com/acme/app/blob/abc123', checkoutRoot: '/elsewhere' });
    expect(outside).toContain('| Dockerfile:29 |');
    expect(outside).not.toContain('](https://github.com/acme/app/blob/');
  });

  it('shows a digest for every source: manifest and index, or the image ID where the source has no manifest digest', () => {
    const r = sampleReport();
    expect(digestText(r)).toBe('manifest `sha256:ed4f088a9f65ecc114bab26ff29326e69b2e4391470441d136c77e7a4beb8264`');
    r.image = { ...r.image, source: 'registry', indexDigest: 'sha256:df81a0a9a598b60e3e17bf9847af50c9288b69ae7418c4996c7ab60d48aba405' };
    expect(digestText(r)).toBe('manifest `sha256:ed4f088a9f65ecc114bab26ff29326e69b2e4391470441d136c77e7a4beb8264` · index `sha256:df81a0a9a598b60e3e17bf9847af50c9288b69ae7418c4996c7ab60d48aba405`');
    const { manifestDigest: _m, indexDigest: _i, ...archive } = r.image;
    r.image = { ...archive, source: 'docker-archive' };
    expect(digestText(r)).toBe('image ID `sha256:ae2e9d5a7066a5ac5a365bc914b2d3a6656e91094bf03972992a26f6766c20bd` (the docker-archive source has no manifest digest)');
    r.image = { ...r.image, source: 'dir', configDigest: '' };
    expect(digestText(r)).toBe('none (the dir source has no digest)');
    expect(renderMarkdown(r, {})).toContain('\n**Digest:** none (the dir source has no digest)\\\n');
  });
});

describe('markdown: caps and budget', () => {
  it('caps the findings table at 25 rows by default, says how many more, and links the run', () => {
    const md = renderMarkdown(bigReport(2000), { reportUrl: RUN });
    const rows = md.split('\n').filter((l) => l.includes('| CVE-2099-'));
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatch(/^\| 🟥\u00a0Critical \| CVE-2099-00000 /);
    expect(rows.slice(0, 5).every((l) => l.startsWith('| 🟥\u00a0Critical'))).toBe(true); // 400 Critical: the top rows are all Critical
    expect(md).toContain(`_1,975 more findings not shown: the JSON report and the SARIF have them all ([workflow run](${RUN}))._`);
    expect(md).toContain('2,000 vulnerabilities in the report scope');
    expect(md.trimEnd().endsWith(`[Workflow run](${RUN}) · the full report is the JSON report (and the SARIF) that the step wrote.`)).toBe(true);
  });

  it('caps the policy-trigger and unknowns tables too', () => {
    const r = sampleReport();
    r.policy!.findings = Array.from({ length: 60 }, (_, i) => ({ ...r.policy!.findings[1]!, trigger_id: `t${i}`, message: `m${i}` }));
    r.unknowns = Array.from({ length: 30 }, (_, i) => ({ stage: 'image', reason: `r${i}` }));
    const md = renderMarkdown(r, { maxTableRows: 10 });
    expect(md.split('\n').filter((l) => l.startsWith('| WARN | dockerfile instruction | m'))).toHaveLength(10);
    expect(md).toContain('_50 more policy triggers not shown: the JSON report and the SARIF have them all._');
    expect(md).toContain('_20 more unknowns not shown');
  });

  it('within a small budget the triggers shrink before the findings, and the findings table stays', () => {
    const r = bigReport(500);
    r.policy!.findings = Array.from({ length: 500 }, (_, i) => ({ ...r.policy!.findings[1]!, trigger_id: `t${i}`, message: `message ${i} ${'m'.repeat(200)}` }));
    const md = renderMarkdown(r, { maxBytes: 9_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(9_000);
    const findings = md.split('\n').filter((l) => l.includes('| CVE-2099-')).length;
    const triggers = md.split('\n').filter((l) => l.startsWith('| WARN | dockerfile instruction')).length;
    expect(findings).toBe(25);
    expect(triggers).toBeGreaterThanOrEqual(5);
    expect(triggers).toBeLessThan(25);
    expect(md).toContain('| Severity | Vulnerability | Package | Installed | Fixed in | Dockerfile |');
    expect(md).toContain(`_${500 - triggers} more policy triggers not shown`);
    // Smaller still: the findings go down to 5, and the triggers and unknowns to none before the findings go below 5.
    const small = renderMarkdown(r, { maxBytes: 2_000 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(2_000);
    const rows = small.split('\n').filter((l) => l.includes('| CVE-2099-')).length;
    expect(rows).toBeGreaterThanOrEqual(1);
    expect(rows).toBeLessThanOrEqual(5);
    expect(small.split('\n').filter((l) => l.startsWith('| WARN | dockerfile instruction') || l.startsWith('| catalog/npm'))).toHaveLength(0);
    expect(small).toContain('| Severity | Vulnerability | Package | Installed | Fixed in | Dockerfile |');
    expect(small).toContain(`_${500 - rows} more findings not shown`);
  });

  it('a budget smaller than the header itself is cut, and says so (never over the budget)', () => {
    const md = renderMarkdown(sampleReport(), { maxChars: 300 });
    expect(md.length).toBeLessThanOrEqual(300);
    expect(md).toContain('_Cut to fit the size limit._');
  });
});

describe('markdown escaping', () => {
  it('text: Markdown-active characters are escaped, one line, no mentions or issue links', () => {
    expect(text('a|b')).toBe('a\\|b');
    expect(text('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(text('*em* _u_ [l](x) ~~s~~ `c` $x$ &lt;')).toBe('\\*em\\* \\_u\\_ \\[l\\](x) \\~\\~s\\~\\~ \\`c\\` \\$x\\$ \\&lt;');
    expect(text('two\nlines\r\nhere')).toBe('two lines here');
    expect(text('back\\slash')).toBe('back\\\\slash');
    expect(text('@babel/core #12')).toBe('@&#8203;babel/core \\#&#8203;12');
  });

  it('text: web addresses become autolinks, without the escapes and the punctuation after them', () => {
    expect(text('(see https://nvd.nist.gov/vuln/detail/CVE-2021-44906).')).toBe('(see <https://nvd.nist.gov/vuln/detail/CVE-2021-44906>).');
    expect(text('https://x.test/a_b?c=1&d=(2) next')).toBe('<https://x.test/a_b?c=1&d=(2)> next');
    expect(text('https://x.test/a|b')).toBe('<https://x.test/a>\\|b');
  });

  it('code: a fence longer than the backticks inside, padding where needed, pipes escaped in tables', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('`tick`')).toBe('`` `tick` ``');
    expect(code('a``b')).toBe('```a``b```');
    expect(code(' lead')).toBe('`  lead `');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('a|b', false)).toBe('`a|b`');
    expect(code('one\ntwo')).toBe('`one two`');
    expect(code('')).toBe('');
  });

  it('nasty package names and versions stay inside their cells', () => {
    const r = sampleReport();
    const nasty = ['a|b', '`x`', '<img src=x onerror=alert(1)>', 'new\nline', '@scope/pkg', 'trail\\'];
    r.findings = nasty.map((n, i) => ({ ...r.findings[0]!, id: `CVE-2099-${i}`, packageName: n, installedVersion: n, fix: { state: 'fixed', versions: [n] } }));
    r.policy = undefined;
    const rows = renderMarkdown(r, {})
      .split('\n')
      .filter((l) => l.includes('| CVE-2099-'));
    expect(rows).toHaveLength(nasty.length);
    // Every row has the header's 6 cells: no pipe broke out of a cell, no newline split a row.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(rows[0]).toContain('| `a\\|b` (npm) | `a\\|b` | `a\\|b` |');
    expect(rows[1]).toContain('| `` `x` `` (npm) |');
    expect(rows[2]).toContain('| `<img src=x onerror=alert(1)>` (npm) |');
    expect(rows[3]).toContain('| `new line` (npm) |');
    expect(rows[4]).toContain('| `@scope/pkg` (npm) |');
    expect(rows[5]).toContain('| `trail\\` (npm) |');
  });
});
