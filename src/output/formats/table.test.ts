import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../model/index.js';
import { sampleReport } from '../testdata/report.js';
import { tableFormat, wrapText } from './table.js';

const render = (report: ScanReport, width?: number, color = false): string => String(tableFormat.render(report, { ...(width ? { width } : {}), color }));
// eslint-disable-next-line no-control-regex
const visible = (line: string): number => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

describe('table: fits the terminal', () => {
  for (const width of [80, 120]) {
    it(`matches testdata/snapshot/table-${width}.txt, no line wider than ${width}`, async () => {
      const text = render(sampleReport(), width);
      await expect(text).toMatchFileSnapshot(`../testdata/snapshot/table-${width}.txt`);
      const wide = text.split('\n').filter((l) => visible(l) > width);
      expect(wide).toEqual([]);
    });
  }

  it('keeps every finding and the whole policy message, wrapped, at 80 columns', () => {
    const text = render(sampleReport(), 80);
    for (const f of sampleReport().findings) expect(text).toContain(f.id);
    const joined = text.replace(/\s+/g, ' ');
    expect(joined).toContain("Dockerfile directive 'HEALTHCHECK' not found, matching condition 'not_exists' check");
  });

  it('cuts a long package name with an ellipsis; colour does not count towards the width', () => {
    const report = sampleReport();
    report.findings[0]!.packageName = '@an-organisation-with-a-long-name/a-package-with-an-even-longer-name';
    const text = render(report, 80, true);
    expect(text).toMatch(/@an-o\S*…/);
    expect(text).not.toContain('a-package-with-an-even-longer-name');
    expect(text.split('\n').filter((l) => visible(l) > 80)).toEqual([]);
    expect(text).toContain('\u001b[1;31mCritical');
  });

  it('leaves the rule id (a 36-character UUID in Anchore bundles) to the JSON report', () => {
    const report = sampleReport();
    const uuid = '5f0c3a7e-2b1d-4c8e-9a6f-0d3e2b1c4a5f';
    for (const p of report.policy!.findings) p.rule_id = uuid;
    expect(render(report, 200)).not.toContain(uuid);
    expect(render(report)).not.toContain(uuid);
    expect(render(report)).not.toMatch(/\bRULE\b/);
  });

  it('without a width (a file), nothing is cut or wrapped', () => {
    const report = sampleReport();
    report.findings[0]!.packageName = 'x'.repeat(150);
    expect(render(report)).toContain('x'.repeat(150));
  });
});

describe('wrapText', () => {
  it('breaks at spaces, and inside a word longer than the width', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('/srv/app/node_modules/minimist/package.json', 20)).toEqual(['/srv/app/node_module', 's/minimist/package.j', 'son']);
    expect(wrapText('short', 80)).toEqual(['short']);
  });
});
