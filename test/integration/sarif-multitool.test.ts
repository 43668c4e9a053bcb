/**
 * Microsoft's SARIF multitool, with GitHub's ingestion rules (`validate --rule-kind "Sarif;Gh"`, as issue 14 asks),
 * must find no error and no warning in any SARIF Portcullis writes: every SARIF golden, the file the CLI writes for a
 * real scan of a shared image, and that report rendered against a checkout root (`%SRCROOT%`-relative URIs).
 * Tool: @microsoft/sarif-multitool (npm), https://github.com/microsoft/sarif-sdk/blob/main/docs/multitool-usage.md.
 * The binary is node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool, or $PORTCULLIS_SARIF_MULTITOOL.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { runProgram } from '../../src/cli/program.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import type { ScanReport } from '../../src/model/index.js';
import { renderSarif } from '../../src/output/formats/sarif.js';
import { REDACTED_VERSION } from '../../src/output/testdata/redact.js';
import { VERSION } from '../../src/version-info.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import { PROJECT_ROOT, sharedBlocker, sharedPath } from '../helpers/shared.js';
import { multitoolBlocker, multitoolValidate, type MultitoolProblem } from '../helpers/sarif-multitool.js';
import { describeUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';

const toolBlocker = multitoolBlocker;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-sarif-mt-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Problem = MultitoolProblem;

/** Runs `validate --rule-kind "Sarif;Gh"` on one file; the problems it reports, as "LEVEL RULE: text". */
function validate(file: string): { errors: Problem[]; warnings: Problem[] } {
  const out = join(dir, `${relative(dir, file).replace(/[^A-Za-z0-9.]/g, '_')}.validation.sarif`);
  const problems = multitoolValidate(file, out);
  return { errors: problems.filter((p) => p.level === 'error'), warnings: problems.filter((p) => p.level === 'warning') };
}

function goldens(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile() && e.name.endsWith('.sarif') && e.parentPath.includes('testdata'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describeUnless(toolBlocker, 'SARIF multitool (Sarif;Gh): the goldens', () => {
  it('every SARIF golden has 0 errors and 0 warnings', () => {
    const files = goldens(join(PROJECT_ROOT, 'src'));
    expect(files.length).toBeGreaterThan(0);
    for (const golden of files) {
      // The goldens redact the version; the multitool wants a numeric one (SARIF2005), as the CLI writes.
      const file = join(dir, relative(PROJECT_ROOT, golden).replace(/\//g, '_'));
      writeFileSync(file, readFileSync(golden, 'utf8').split(REDACTED_VERSION).join(VERSION));
      expect(validate(file), relative(PROJECT_ROOT, golden)).toEqual({ errors: [], warnings: [] });
    }
  }, 300_000);
});

/** Records for packages of dockerfile-app (package.json pins lodash 4.17.15, express 4.16.0; apt installs curl). */
const RECORDS: OsvRecord[] = [
  {
    id: 'GHSA-9100-0000-0000',
    aliases: ['CVE-2099-9100'],
    modified: '2026-11-22T00:00:00Z',
    summary: 'A test advisory for lodash',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }],
  },
  { id: 'GHSA-9101-0000-0000', modified: '2026-11-22T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'express' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.20.0' }] }] }] },
  { id: 'DSA-9102-1', modified: '2026-11-22T00:00:00Z', affected: [{ package: { ecosystem: 'Debian:12', name: 'curl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '99.0-1' }] }] }] },
];

describeUnless(toolBlocker ?? sharedBlocker(), 'SARIF multitool (Sarif;Gh): a real scan of dockerfile-app', () => {
  const image = `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:dockerfile-app-buildah-layers`;
  const dockerfile = sharedPath('fixtures/images/dockerfile-app/context/Dockerfile');
  let sarifFile: string;
  let report: ScanReport;

  beforeAll(async () => {
    const cache = join(dir, 'cache');
    seedDatabase(cache, RECORDS);
    sarifFile = join(dir, 'scan.sarif');
    const ctx: CliContext = { logger: createRecordingLogger(), out: () => undefined, stdin: Readable.from([]), env: { PORTCULLIS_CACHE_DIR: cache }, outcome: 'go' };
    await runProgram(['scan', image, '--offline', '--dockerfile', dockerfile, '-o', `sarif=${sarifFile}`, '-o', `json=${join(dir, 'scan.json')}`], ctx);
    report = JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8')) as ScanReport;
  }, 300_000);

  it('the SARIF the CLI writes has 0 errors and 0 warnings', () => {
    const doc = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; properties: { policy?: unknown[] } }[] }[] };
    const results = doc.runs[0]!.results;
    // The scan found what the records were chosen for, and the default bundle's STOP sits on the lodash result.
    expect(results.some((r) => r.ruleId === 'DSA-9102-1')).toBe(true);
    expect(results.find((r) => r.ruleId === 'CVE-2099-9100')?.properties.policy).toHaveLength(1);
    expect(validate(sarifFile)).toEqual({ errors: [], warnings: [] });
  }, 120_000);

  it('rendered against a checkout root, its URIs are %SRCROOT%-relative, with 0 errors and 0 warnings', () => {
    const checkout = dirname(dirname(dockerfile));
    const file = join(dir, 'checkout.sarif');
    const text = renderSarif(report, { checkoutRoot: checkout });
    writeFileSync(file, text);
    const run = (JSON.parse(text) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] }).runs[0]!;
    const uris = new Set(run.results.flatMap((r) => r.locations.map((l) => JSON.stringify(l.physicalLocation.artifactLocation))));
    expect([...uris]).toEqual([JSON.stringify({ uri: 'context/Dockerfile', uriBaseId: '%SRCROOT%' })]);
    expect(validate(file)).toEqual({ errors: [], warnings: [] });
  }, 120_000);
});
