/**
 * The SBOM formats end to end on the shared mini image: catalog → write CycloneDX 1.6, SPDX 2.3 and Portcullis JSON
 * (schema-valid) → read each back → the same packages, as far as each format carries them; then `portcullis sbom`
 * itself, and `scan sbom:PATH` matching and evaluating the policy without the image.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STOP_ON_ANY_VULNERABILITY, testPolicyBundle } from '../../test/helpers/policy-bundle.js';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import type { CliContext } from '../cli/command.js';
import { runProgram } from '../cli/program.js';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger, silentLogger } from '../common/logger.js';
import type { Finding, Package, ScanReport } from '../model/index.js';
import { combinedExpression } from '../output/formats/sbom-common.js';
import { schemaErrors } from '../output/testdata/validate.js';
import type { ScanConfig } from '../scan/config.js';
import { runScan } from '../scan/pipeline.js';
import { updateDatabase } from '../vulndb/update.js';
import type { SbomDocument } from './document.js';
import { buildSbomReport, sbomOutputFormat } from './generate.js';
import { loadSbom } from './read.js';

const MINI = `oci-dir:${sharedPath('fixtures/images/mini/debian-app-mini.oci')}:app`;
const FORMATS = ['cyclonedx-json', 'spdx-json', 'portcullis-json'] as const;
const NOW = new Date('2026-12-01T00:00:00Z');

async function cli(args: string[]): Promise<{ out: string; error?: unknown }> {
  let out = '';
  const ctx: CliContext = { logger: createRecordingLogger(), out: (s) => void (out += s), stdin: Readable.from([]), env: {}, outcome: 'go' };
  try {
    await runProgram(args, ctx);
    return { out };
  } catch (error) {
    return { out, error };
  }
}

/** What every format carries for a package. */
const core = (p: Package) => ({ id: p.id, type: p.type, name: p.name, version: p.version, purl: p.purl, foundBy: p.foundBy, source: p.source, paths: p.locations.map((l) => l.path) });
/** Licences as the SBOM writers express them: one SPDX expression, or (CycloneDX only) the distinct names. */
const licenceText = (licenses: readonly string[]): string => combinedExpression(licenses) ?? [...new Set(licenses)].sort().join(' | ');

describeShared('SBOM round trip on the mini image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-sbom-rt-'));
  let report: ScanReport;
  const files: Record<string, string> = {};
  const docs: Record<string, SbomDocument> = {};
  beforeAll(async () => {
    report = await buildSbomReport(MINI, { source: { env: {}, logger: silentLogger }, logger: silentLogger, now: () => NOW });
    for (const f of FORMATS) {
      files[f] = join(dir, `app.${f}.json`);
      writeFileSync(files[f], sbomOutputFormat(f).render(report, {}));
      docs[f] = await loadSbom(files[f]);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catalogs the mini image: 137 deb, 54 npm, 10 Python packages, decision GO, no findings, no policy', () => {
    const counts: Record<string, number> = {};
    for (const p of report.packages) counts[p.type] = (counts[p.type] ?? 0) + 1;
    expect(counts).toEqual({ deb: 137, npm: 54, python: 10 });
    expect(report).toMatchObject({ decision: 'GO', findings: [], createdAt: NOW.toISOString() });
    expect(report.policy).toBeUndefined();
  });

  it('writes schema-valid CycloneDX 1.6 and SPDX 2.3', () => {
    expect(schemaErrors('cyclonedx-1.6', JSON.parse(readFileSync(files['cyclonedx-json']!, 'utf8')))).toEqual([]);
    expect(schemaErrors('spdx-2.3', JSON.parse(readFileSync(files['spdx-json']!, 'utf8')))).toEqual([]);
  });

  it('Portcullis JSON gives back every package exactly, with the distro and the image', () => {
    const doc = docs['portcullis-json']!;
    expect(doc.packages).toEqual(report.packages);
    expect(doc.distro).toEqual(report.distro);
    expect(doc.image).toMatchObject({ manifestDigest: report.image.manifestDigest, configDigest: report.image.configDigest, platform: report.image.platform, config: report.image.config });
    expect(doc.unknowns).toEqual([]);
  });

  it.each(['cyclonedx-json', 'spdx-json'])('%s gives back the same packages: type, name, version, purl, finder, source, paths', (f) => {
    const doc = docs[f]!;
    expect(doc.unknowns).toEqual([]);
    expect(doc.packages.map(core)).toEqual(report.packages.map(core));
    expect(doc.packages.filter((p) => p.type === 'deb').every((p) => p.source?.version)).toBe(true);
  });

  it('CycloneDX gives back every licence list and arch; SPDX every licence list that is an SPDX expression', () => {
    const cdx = docs['cyclonedx-json']!.packages;
    const spdx = docs['spdx-json']!.packages;
    report.packages.forEach((p, i) => {
      expect(licenceText(cdx[i]!.licenses), p.id).toBe(licenceText(p.licenses));
      expect(cdx[i]!.arch, p.id).toBe(p.arch);
      if (combinedExpression(p.licenses)) expect(licenceText(spdx[i]!.licenses), p.id).toBe(licenceText(p.licenses));
      else expect(spdx[i]!.licenses, p.id).toEqual([]);
    });
    // Not vacuous: most packages have expressible licences.
    expect(report.packages.filter((p) => combinedExpression(p.licenses)).length).toBeGreaterThan(100);
  });

  it('every format gives back the distro (SPDX: from the purls) and the image digests', () => {
    expect(docs['cyclonedx-json']!.distro).toMatchObject({ id: 'debian', versionId: report.distro!.versionId });
    expect(docs['spdx-json']!.distro).toEqual({ id: 'debian', versionId: '12' });
    for (const f of FORMATS) expect(docs[f]!.image, f).toMatchObject({ manifestDigest: report.image.manifestDigest, configDigest: report.image.configDigest });
  });

  it('`portcullis sbom` writes each format to --file or standard output; an SBOM converts to another format', async () => {
    const path = join(dir, 'cli', 'out.spdx.json');
    expect((await cli(['sbom', MINI, '-o', 'spdx-json', '--file', path])).error).toBeUndefined();
    const written = JSON.parse(readFileSync(path, 'utf8')) as { spdxVersion: string; packages: unknown[] };
    expect(written.spdxVersion).toBe('SPDX-2.3');
    expect(written.packages).toHaveLength(202); // the image and its 201 packages
    const stdout = await cli(['sbom', `sbom:${files['portcullis-json']}`, '-o', 'cyclonedx']);
    expect(stdout.error).toBeUndefined();
    const cdx = JSON.parse(stdout.out) as { specVersion: string; components: { type: string }[] };
    expect(schemaErrors('cyclonedx-1.6', cdx)).toEqual([]);
    expect(cdx.components.filter((c) => c.type === 'library')).toHaveLength(201);
  });

  it('`portcullis sbom -o` names the formats it writes when given another', async () => {
    const r = await cli(['sbom', MINI, '-o', 'sarif']);
    expect(r.error).toBeInstanceOf(ConfigurationError);
    expect((r.error as Error).message).toMatch(/^-o must be one of cyclonedx-json, spdx-json, portcullis-json .*got "sarif"/);
  });
});

describeShared('scan sbom:PATH: matching and policy without the image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-sbom-scan-'));
  const cacheDir = join(dir, 'db');
  const sboms: Record<string, string> = {};
  let imageScan: ScanReport;
  const policyPath = join(dir, 'policy.json');
  const config = (image: string): ScanConfig => ({
    image,
    source: {},
    policyPath,
    failOn: 'stop',
    outputs: ['json'],
    vulnerabilities: { enabled: true, cacheDir, offline: true, maxAgeDays: 100_000, failOnStale: false, vex: [] },
  });
  const scan = async (image: string): Promise<ScanReport> => (await runScan(config(image), { env: {}, logger: silentLogger, now: () => NOW, cwd: dir })).report;
  const key = (f: Finding): string => `${f.id} ${f.packageName}@${f.installedVersion}`;

  beforeAll(async () => {
    await updateDatabase({ cacheDir, logger: silentLogger, requests: [{ provider: 'osv-local', options: { path: sharedPath('vulndata/osv') } }] });
    writeFileSync(
      policyPath,
      JSON.stringify(
        testPolicyBundle('sbom-test', 'sbom test', [STOP_ON_ANY_VULNERABILITY, { id: 'pem', gate: 'files', trigger: 'name_match', action: 'WARN', params: [{ name: 'regex', value: '.*\\.pem' }] }]),
      ),
    );
    imageScan = await scan(MINI);
    const report = await buildSbomReport(MINI, { source: { env: {}, logger: silentLogger }, logger: silentLogger, now: () => NOW });
    for (const f of FORMATS) {
      sboms[f] = join(dir, `app.${f}.json`);
      writeFileSync(sboms[f], sbomOutputFormat(f).render(report, {}));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the image scan itself finds vulnerabilities and STOPs (the baseline)', () => {
    // The shared advisories give this image one finding: pip in the virtualenv (not owned by a deb package).
    expect(imageScan.findings.map(key)).toContain('CVE-2023-5752 pip@23.0.1');
    expect(imageScan.decision).toBe('STOP');
  });

  it('Portcullis JSON: the same findings and decision as scanning the image', async () => {
    const r = await scan(`sbom:${sboms['portcullis-json']}`);
    expect(r.image).toMatchObject({ source: 'sbom', layers: [], reference: `sbom:${sboms['portcullis-json']}` });
    expect(r.findings.map(key).sort()).toEqual(imageScan.findings.map(key).sort());
    expect(r.decision).toBe('STOP');
  });

  it.each(['cyclonedx-json', 'spdx-json'])('%s: the same findings on every package the distro does not own, and the same decision', async (f) => {
    const r = await scan(`sbom:${sboms[f]}`);
    const owned = new Set(imageScan.packages.filter((p) => p.ownedBy).map((p) => `${p.name}@${p.version}`));
    const notOwned = (x: Finding) => !owned.has(`${x.packageName}@${x.installedVersion}`);
    expect(r.findings.filter(notOwned).map(key).sort()).toEqual(imageScan.findings.filter(notOwned).map(key).sort());
    expect(r.decision).toBe('STOP');
  });

  it('the file-based gate says it could not check, instead of passing silently', async () => {
    const image = imageScan.policy!.evaluation_problems.filter((p) => p.problem_type === 'files_unavailable');
    expect(image).toEqual([]);
    const r = await scan(`sbom:${sboms['spdx-json']}`);
    expect(r.policy!.evaluation_problems.filter((p) => p.problem_type === 'files_unavailable')).toHaveLength(1);
  });

  it('an unreadable SBOM is a configuration error', async () => {
    await expect(scan('sbom:absent.json')).rejects.toThrow(/^cannot read SBOM .*absent\.json/);
  });
});
