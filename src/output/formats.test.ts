import { describe, expect, it } from 'vitest';
import { describeShared } from '../../test/helpers/shared.js';
import { VERSION } from '../version-info.js';
import type { RenderOptions } from './format.js';
import { OUTPUT_FORMATS } from './list.js';
import { checkoutRootUri } from './formats/sarif.js';
import { REDACTED_CHECKOUT_URI } from './testdata/redact.js';
import { sampleReport } from './testdata/report.js';
import { schemaErrors, type SchemaName } from './testdata/validate.js';

const EXT: Record<string, string> = { table: 'txt', json: 'json', sarif: 'sarif', markdown: 'md', junit: 'xml', gitlab: 'json', cyclonedx: 'cdx.json', spdx: 'spdx.json' };
const SCHEMA: Record<string, SchemaName> = { sarif: 'sarif', gitlab: 'gitlab', cyclonedx: 'cyclonedx-1.6', spdx: 'spdx-2.3' };

/** The tool version is the only value of the fixture that changes between releases; SARIF's checkout root is the working directory. */
function redact(text: string): string {
  return text.split(VERSION).join('<VERSION>').split(checkoutRootUri(process.cwd())).join(REDACTED_CHECKOUT_URI);
}

function render(id: string, options: RenderOptions = {}): string {
  return OUTPUT_FORMATS.get(id).render(sampleReport(), options).toString();
}

describe('golden outputs of every format', () => {
  it('has a golden file for every registered format', () => {
    expect(OUTPUT_FORMATS.ids().sort()).toEqual(Object.keys(EXT).sort());
  });

  for (const id of Object.keys(EXT)) {
    it(`${id} matches testdata/snapshot/${id}.${EXT[id]}`, async () => {
      await expect(redact(render(id))).toMatchFileSnapshot(`testdata/snapshot/${id}.${EXT[id]}`);
    });
  }

  it('renders the same bytes twice (stable order, no clock)', () => {
    for (const id of OUTPUT_FORMATS.ids()) expect(render(id)).toBe(render(id));
  });

  it('JSON keeps the whole report and a fixed key order', () => {
    const out = render('json');
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['schemaVersion', 'tool', 'createdAt', 'decision']);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(sampleReport())));
  });

  it('applies the report scope (severity cutoff, only fixed) to what is shown', () => {
    const json = JSON.parse(render('json', { severityCutoff: 'High', onlyFixed: true })) as { findings: { id: string }[] };
    expect(json.findings.map((f) => f.id)).toEqual(['CVE-2021-44906', 'CVE-2021-23337', 'CVE-2022-24999']);
    const table = render('table', { severityCutoff: 'Medium' });
    expect(table).toContain('CVE-2024-29041');
    expect(table).not.toContain('CVE-2024-13176');
    const gitlab = JSON.parse(render('gitlab', { severityCutoff: 'Critical' })) as { vulnerabilities: unknown[] };
    expect(gitlab.vulnerabilities).toHaveLength(1);
  });

  it('KEV, EPSS, the severity source and the data gaps reach every human format', () => {
    const table = render('table');
    expect(table).toMatch(/CVE-2023-38545\s+curl .* ✓\s+26\.3%/);
    expect(table).toContain('not checked: no vulnerability data for PyPI: 2 packages not checked');
    expect(render('markdown')).toContain('> **Not checked:** no vulnerability data for PyPI');
    const sarif = JSON.parse(render('sarif')) as { runs: { results: { ruleId: string; properties: Record<string, unknown> }[]; properties: Record<string, unknown> }[] };
    const curl = sarif.runs[0]!.results.find((r) => r.ruleId === 'CVE-2023-38545' && r.properties.package === 'curl')!;
    expect(curl.properties).toMatchObject({ kev: true, kevDateAdded: '2026-01-15', epss: 0.2634, epssPercentile: 0.96, severitySource: 'vendor:osv:Debian' });
    expect(sarif.runs[0]!.properties.vulnerabilityDataGaps).toEqual(['no vulnerability data for PyPI: 2 packages not checked']);
    const gitlab = JSON.parse(render('gitlab')) as { scan: { messages: { value: string }[] } };
    expect(gitlab.scan.messages.map((m) => m.value)).toContain('Not checked: no vulnerability data for PyPI: 2 packages not checked.');
    expect(render('junit')).toContain('<skipped message="no vulnerability data for PyPI: 2 packages not checked"/>');
  });

  it('table: sorted by severity, colour only when asked', () => {
    const plain = render('table');
    expect(plain).not.toContain('\u001b[');
    const order = ['CVE-2021-44906', 'CVE-2021-23337', 'CVE-2024-29041', 'CVE-2024-13176', 'CVE-2005-2541', 'CVE-2019-1010022'].map((id) => plain.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(render('table', { color: true })).toContain('\u001b[1;31mCritical');
  });

  it('junit: a failing testcase per STOP trigger and finding, skipped for allowlisted, passing for WARN', () => {
    const xml = render('junit');
    expect(xml).toMatch(/<testsuites name="portcullis" tests="17" failures="11" errors="0">/);
    expect(xml.match(/<testcase /g)).toHaveLength(17);
    expect(xml.match(/<skipped /g)).toHaveLength(4); // the allowlisted trigger, the data gap and the two unknowns
    expect(xml).toContain('SOCKS5 heap buffer overflow | with &quot;quotes&quot; &amp; &lt;angles&gt;');
  });
});

describeShared('schema validation against ../shared/schemas', () => {
  for (const [id, schema] of Object.entries(SCHEMA)) {
    it(`${id} is valid ${schema}`, () => {
      expect(schemaErrors(schema, JSON.parse(render(id)))).toEqual([]);
    });
  }

  it('an empty report is valid too (no findings, no policy, no Dockerfile)', () => {
    const report = { ...sampleReport(), findings: [], packages: [], unknowns: [], policy: undefined, dockerfile: undefined, distro: undefined };
    for (const [id, schema] of Object.entries(SCHEMA)) {
      expect(schemaErrors(schema, JSON.parse(OUTPUT_FORMATS.get(id).render(report, {}).toString())), id).toEqual([]);
    }
  });

  it('the validator rejects a broken document (the check can fail)', () => {
    const sarif = JSON.parse(render('sarif')) as { runs: { results: { level: string }[] }[] };
    sarif.runs[0]!.results[0]!.level = 'fatal';
    expect(schemaErrors('sarif', sarif).length).toBeGreaterThan(0);
    const gitlab = JSON.parse(render('gitlab')) as { scan: { start_time: string } };
    gitlab.scan.start_time = '2026-11-23T08:30:00.000Z';
    expect(schemaErrors('gitlab', gitlab).length).toBeGreaterThan(0);
  });
});
