import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { OUTPUT_FORMATS, parseOutputSpecs } from './list.js';
import { renderMarkdown } from './formats/markdown.js';
import { sampleReport } from './testdata/report.js';

describe('parseOutputSpecs', () => {
  it('reads repeated FORMAT[=PATH] values, aliases included', () => {
    const specs = parseOutputSpecs(['table', 'sarif=out/scan.sarif', 'cyclonedx-json=sbom.json', 'md=summary=1.md']);
    expect(specs.map((s) => [s.format.id, s.path])).toEqual([
      ['table', undefined],
      ['sarif', 'out/scan.sarif'],
      ['cyclonedx', 'sbom.json'],
      ['markdown', 'summary=1.md'],
    ]);
  });

  it('rejects an unknown format and lists the known ones', () => {
    expect(() => parseOutputSpecs(['html=x.html'])).toThrow(ConfigurationError);
    expect(() => parseOutputSpecs(['html=x.html'])).toThrow(/Unknown output format "html". Known: .*cyclonedx.*gitlab.*json.*junit.*markdown.*sarif.*spdx.*table/);
  });

  it('rejects an empty path, two outputs on standard output and two outputs to one file', () => {
    expect(() => parseOutputSpecs(['json='])).toThrow(/empty path/);
    expect(() => parseOutputSpecs(['json', 'table'])).toThrow(/only one --output may go to standard output/);
    expect(() => parseOutputSpecs(['json=a', 'sarif=a'])).toThrow(/both write a/);
    expect(() => parseOutputSpecs(['=a'])).toThrow(/names no format/);
  });

  it('every format declares a media type and a default file name', () => {
    for (const f of OUTPUT_FORMATS.all()) {
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(f.defaultFileName).toMatch(/^[a-z0-9.-]+$/);
    }
  });
});

describe('markdown size budget', () => {
  it('stays within the budget and says how many rows were left out', () => {
    const report = sampleReport();
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...report.findings[0]!, id: `CVE-2099-${i}`, packageName: `pkg-${i}` }));
    const out = renderMarkdown({ ...report, findings: many }, { maxBytes: 65_536, topFindings: 5_000 });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(65_536);
    expect(out).toMatch(/_[\d,]+ more findings not shown: the JSON report and the SARIF have them all\._/);
    const shown = out.split('\n').filter((l) => l.startsWith('| 🟥\u00a0Critical | CVE-2099-')).length;
    expect(out).toContain(`_${(5_000 - shown).toLocaleString('en-US')} more findings not shown`);
  });

  it('fits GitHub 1 MiB summary limit by default', () => {
    const report = sampleReport();
    const many = Array.from({ length: 40_000 }, (_, i) => ({ ...report.findings[0]!, id: `CVE-2099-${i}`, packageName: `pkg-${i}` }));
    const out = renderMarkdown({ ...report, findings: many }, { topFindings: 40_000 });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.byteLength(out)).toBeGreaterThan(900 * 1024);
  });
});
