/**
 * Issue 16 §1, "a gap the policy can see", through the CLI (`runProgram`, in process): a package database that
 * cannot be read is an unknown with its reason, a warning on stderr, and a `packages/catalog_incomplete` trigger
 * (STOP with `strict`, WARN with `default`); every unknown is counted in one summary line. The images are built
 * with the project's image builder, so nothing here needs ../shared.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/cli/program.js';
import type { CliContext } from '../../src/cli/command.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import type { ScanReport } from '../../src/model/index.js';
import { ImageWorkspace, type FileSpec } from '../helpers/image-builder.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());

const ALPINE_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n';

/** An apk database of `n` packages (the `P:`/`V:`/`A:` stanzas of lib/apk/db/installed). */
function apkDatabase(n: number): string {
  return Array.from({ length: n }, (_, i) => `C:Q1${'a'.repeat(27)}=\nP:pkg${i}\nV:1.${i}-r0\nA:x86_64\nL:MIT\nT:package ${i}\n`).join('\n');
}

function pipMetadata(padding: number): string {
  return `Metadata-Version: 2.1\nName: pip\nVersion: 23.0\nSummary: The PyPA recommended tool\nLicense: MIT\n\n${'x'.repeat(padding)}\n`;
}

function image(files: FileSpec[]): string {
  return ws.write({ layers: [{ files: [{ path: 'etc/os-release', content: ALPINE_RELEASE }, ...files], createdBy: 'ADD rootfs /' }] }, 'oci-dir').ref;
}

async function scan(...argv: string[]): Promise<{ report: ScanReport; warnings: string[]; outcome: string }> {
  const chunks: string[] = [];
  const logger = createRecordingLogger();
  const ctx: CliContext = { logger, out: (t) => void chunks.push(t), stdin: Readable.from([]), env: {}, outcome: 'go' };
  await runProgram(['scan', ...argv, '--no-vulnerabilities', '--fail-on', 'never', '-o', 'json'], ctx);
  return { report: JSON.parse(chunks.join('')) as ScanReport, warnings: logger.lines.filter((l) => l.level === 'warning').map((l) => l.message), outcome: ctx.outcome };
}

const catalogIncomplete = (r: ScanReport) => (r.policy?.findings ?? []).filter((f) => f.gate === 'packages' && f.trigger === 'catalog_incomplete');

describe('an apk database over the package-database cap', () => {
  const ref = image([{ path: 'lib/apk/db/installed', content: apkDatabase(14) }]);

  it('within the cap: 14 packages, no unknown, no trigger', async () => {
    const { report, warnings } = await scan(ref, '--policy', 'strict');
    expect(report.packages.filter((p) => p.type === 'apk')).toHaveLength(14);
    expect(catalogIncomplete(report)).toEqual([]);
    expect(warnings.filter((w) => w.includes('package database'))).toEqual([]);
  });

  it('over it (--max-database-bytes 1024): 0 packages, an unknown, a warning, and STOP with strict', async () => {
    const { report, warnings } = await scan(ref, '--policy', 'strict', '--max-database-bytes', '1024');
    expect(report.packages.filter((p) => p.type === 'apk')).toHaveLength(0);
    const gap = report.unknowns.find((u) => u.packageDatabase === 'apk');
    expect(gap).toMatchObject({ path: '/lib/apk/db/installed', reason: expect.stringMatching(/over the 1024-byte content cap/) as unknown });
    expect(warnings).toContainEqual(expect.stringMatching(/^package database \/lib\/apk\/db\/installed \(apk\) could not be read: .*file is \d+ bytes, over the 1024-byte content cap.*; its packages are missing from the catalog$/));
    // The one summary line counts every unknown; the database is reported once (by its cataloger, not also by the image).
    expect(report.unknowns).toHaveLength(1);
    expect(warnings).toContainEqual('1 unknown: 1 unreadable package database; see the report');
    const fired = catalogIncomplete(report);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ action: 'stop', trigger_id: '/lib/apk/db/installed' });
    expect(report.decision).toBe('STOP');
  });

  it('WARN with the default policy', async () => {
    const { report } = await scan(ref, '--max-database-bytes', '1024');
    expect(catalogIncomplete(report).map((f) => f.action)).toEqual(['warn']);
  });

  it('--max-file-bytes alone does not lower the package-database cap', async () => {
    const { report } = await scan(ref, '--policy', 'strict', '--max-file-bytes', '1024');
    expect(report.packages.filter((p) => p.type === 'apk')).toHaveLength(14);
    expect(catalogIncomplete(report)).toEqual([]);
  });

  it('refuses a bad --max-database-bytes with a one-line configuration error', async () => {
    await expect(scan(ref, '--max-database-bytes', '0')).rejects.toThrow('--max-database-bytes must be a positive integer, got "0"');
  });
});

describe("pip's METADATA past --max-file-bytes", () => {
  const ref = image([
    { path: 'usr/lib/python3.12/site-packages/pip-23.0.dist-info/METADATA', content: pipMetadata(8000) },
    { path: 'usr/lib/python3.12/site-packages/pip-23.0.dist-info/RECORD', content: 'pip/__init__.py,,\n' },
  ]);

  it('is catalogued within the cap', async () => {
    const { report } = await scan(ref, '--policy', 'strict');
    expect(report.packages.map((p) => p.name)).toContain('pip');
  });

  it('past it, pip is gone but the gap is an unknown, a warning and a trigger (STOP strict, WARN default)', async () => {
    const strict = await scan(ref, '--policy', 'strict', '--max-file-bytes', '4096');
    expect(strict.report.packages.map((p) => p.name)).not.toContain('pip');
    const path = '/usr/lib/python3.12/site-packages/pip-23.0.dist-info/METADATA';
    expect(strict.report.unknowns).toContainEqual(expect.objectContaining({ path, packageDatabase: 'python' }));
    expect(strict.warnings).toContainEqual(expect.stringContaining(`package database ${path} (python) could not be read`));
    expect(catalogIncomplete(strict.report)).toEqual([expect.objectContaining({ action: 'stop', trigger_id: path })]);
    const def = await scan(ref, '--max-file-bytes', '4096');
    expect(catalogIncomplete(def.report)).toEqual([expect.objectContaining({ action: 'warn', trigger_id: path })]);
  });
});

describe('the unknowns in the other report formats', () => {
  it('the table ends with the summary line, and SARIF carries it as a notification and the list as a run property', async () => {
    const ref = image([{ path: 'lib/apk/db/installed', content: apkDatabase(3) }]);
    const chunks: string[] = [];
    const ctx: CliContext = { logger: createRecordingLogger(), out: (t) => void chunks.push(t), stdin: Readable.from([]), env: {}, outcome: 'go' };
    const sarif = ws.file('out/report.sarif', '');
    await runProgram(['scan', ref, '--no-vulnerabilities', '--fail-on', 'never', '--max-database-bytes', '16', '-o', 'table', '-o', `sarif=${sarif}`], ctx);
    expect(chunks.join('').trimEnd().split('\n').at(-1)).toBe('1 unknown: 1 unreadable package database; see the JSON report.');
    const run = (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[]; properties: { unknowns: unknown[] } }[] }).runs[0]!;
    expect(run.invocations[0]!.toolExecutionNotifications.find((n) => n.descriptor.id === 'portcullis/unknowns')?.message.text).toBe('1 unknown: 1 unreadable package database; see the run property "unknowns"');
    expect(run.properties.unknowns).toEqual([expect.objectContaining({ path: '/lib/apk/db/installed', packageDatabase: 'apk' })]);
  });
});
