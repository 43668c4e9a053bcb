/**
 * runScan's options for a caller that has its inputs in memory (the store's re-evaluation): an SBOM already parsed,
 * a bundle already loaded, and no outputs rendered. The report must be the one `sbom:PATH` with `--policy FILE`
 * gives, and nothing may be read or written on disk for them.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../common/logger.js';
import type { ScanReport } from '../model/index.js';
import { loadBundle } from '../policy/bundle.js';
import { parseSbom } from '../sbom/read.js';
import type { ScanConfig } from './config.js';
import { runScan } from './pipeline.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'container', name: 'registry.example/team/app:1', version: `sha256:${'a'.repeat(64)}` } },
  components: [
    { type: 'library', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
    { type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' },
  ],
});

/** STOP when no Dockerfile is given (always, for an SBOM), so the bundle used is visible in the decision. */
const STOP_BUNDLE = `
id: stop-nodf
name: stop-nodf
version: "2_0"
rule_sets:
  - id: rs
    name: rules
    version: "2_0"
    artifact_type: image
    rules:
      - { id: nodf, gate: dockerfile, trigger: no_dockerfile_provided, action: STOP, params: [] }
allowlists: []
mappings:
  - { id: all, name: all, registry: "*", repository: "*", image: { type: tag, value: "*" }, rule_set_ids: [rs], allowlist_ids: [] }
`;

const VULNS_OFF: ScanConfig['vulnerabilities'] = { enabled: false, offline: true, maxAgeDays: 36500, failOnStale: false, vex: [] };

/** What does not depend on when the scan ran. */
function comparable(report: ScanReport): unknown {
  const { createdAt: _c, ...rest } = report;
  return { ...rest, policy: report.policy ? { ...report.policy, evaluation_time: '(time)' } : undefined };
}

describe('runScan with inputs in memory', () => {
  let dir: string;
  let sbomPath: string;
  let bundlePath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-scan-options-'));
    sbomPath = join(dir, 'app.cdx.json');
    writeFileSync(sbomPath, SBOM);
    bundlePath = join(dir, 'stop.yaml');
    writeFileSync(bundlePath, STOP_BUNDLE);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a parsed SBOM and a loaded bundle give the report sbom:PATH and the bundle file give, reading neither from disk', async () => {
    const fromDisk = await runScan({ image: `sbom:${sbomPath}`, source: {}, policyPath: bundlePath, failOn: 'never', outputs: ['json'], vulnerabilities: VULNS_OFF }, { env: {}, logger: silentLogger, cwd: dir });
    // The paths named here do not exist: the scan must not look at them.
    const gone = join(dir, 'never-written');
    const inMemory = await runScan(
      { image: `sbom:${sbomPath}`, source: {}, policyPath: join(gone, 'bundle.yaml'), failOn: 'never', outputs: ['json'], vulnerabilities: VULNS_OFF },
      { env: {}, logger: silentLogger, cwd: dir, sbom: parseSbom(SBOM, 'the test SBOM'), bundle: loadBundle(STOP_BUNDLE) },
    );
    expect(fromDisk.report.decision).toBe('STOP');
    expect(fromDisk.report.packages.map((p) => p.name).sort()).toEqual(['left-pad', 'lodash']);
    expect(comparable(inMemory.report)).toEqual(comparable(fromDisk.report));

    // The reference only names the image: an SBOM in memory is scanned whatever it says.
    const named = await runScan({ image: 'sbom:store-file-1234', source: {}, failOn: 'never', outputs: [], vulnerabilities: VULNS_OFF }, { env: {}, logger: silentLogger, cwd: dir, sbom: parseSbom(SBOM, 'the test SBOM'), render: false });
    expect(named.report.image.reference).toBe('sbom:store-file-1234');
    expect(named.report.packages).toHaveLength(2);
    // Without the bundle option, the default policy decides (no STOP for a missing Dockerfile there).
    expect(named.report.policy?.bundle_name).not.toBe('stop-nodf');
  });

  it('render: false renders and writes no output, and the report is the same', async () => {
    const out = join(dir, 'out', 'report.json');
    const rendered = await runScan({ image: `sbom:${sbomPath}`, source: {}, failOn: 'never', outputs: [`json=${out}`, 'table'], vulnerabilities: VULNS_OFF }, { env: {}, logger: silentLogger, cwd: dir });
    expect(rendered.written.map((w) => w.format)).toEqual(['json', 'table']);
    expect(existsSync(out)).toBe(true);
    const onDisk = JSON.parse(readFileSync(out, 'utf8')) as ScanReport;
    rmSync(join(dir, 'out'), { recursive: true, force: true });

    const quiet = await runScan({ image: `sbom:${sbomPath}`, source: {}, failOn: 'never', outputs: [`json=${out}`, 'table'], vulnerabilities: VULNS_OFF }, { env: {}, logger: silentLogger, cwd: dir, render: false });
    expect(quiet.written).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(comparable(quiet.report)).toEqual(comparable(rendered.report));
    expect(comparable(onDisk)).toEqual(comparable(JSON.parse(JSON.stringify(quiet.report)) as ScanReport));
  });

  it("a baseline SBOM is rescanned from its own file, never from the scan's SBOM in memory", async () => {
    const baselinePath = join(dir, 'baseline.cdx.json');
    const before = JSON.parse(SBOM) as { components: { name: string }[] };
    writeFileSync(baselinePath, JSON.stringify({ ...before, components: before.components.filter((c) => c.name !== 'lodash') }));
    const deny = loadBundle(`
id: deny
name: deny
version: "2_0"
rule_sets:
  - id: rs
    name: rules
    version: "2_0"
    artifact_type: image
    rules:
      - { id: deny, gate: packages, trigger: blacklist, action: STOP, params: [{ name: name, value: lodash }] }
allowlists: []
mappings:
  - { id: all, name: all, registry: "*", repository: "*", image: { type: tag, value: "*" }, rule_set_ids: [rs], allowlist_ids: [] }
`);
    const { report } = await runScan(
      { image: 'sbom:in-memory', source: {}, failOn: 'stop', outputs: [], vulnerabilities: VULNS_OFF, baseline: { ref: baselinePath, failScope: 'new', optional: false } },
      { env: {}, logger: silentLogger, cwd: dir, sbom: parseSbom(SBOM, 'the test SBOM'), bundle: deny, render: false },
    );
    const denied = report.policy?.findings.filter((f) => f.trigger === 'blacklist') ?? [];
    expect(denied).toHaveLength(1);
    // The baseline has no lodash: the trigger is new (it would be "existing" had the rescan used the SBOM in memory).
    expect(denied[0]!.baseline).toBe('new');
  });

  it('a bad output spec is still an error with rendering on, and is not parsed with rendering off', async () => {
    const config: ScanConfig = { image: `sbom:${sbomPath}`, source: {}, failOn: 'never', outputs: ['no-such-format'], vulnerabilities: VULNS_OFF };
    await expect(runScan(config, { env: {}, logger: silentLogger, cwd: dir })).rejects.toThrow(/no-such-format/);
    await expect(runScan(config, { env: {}, logger: silentLogger, cwd: dir, render: false })).resolves.toMatchObject({ written: [] });
  });
});
