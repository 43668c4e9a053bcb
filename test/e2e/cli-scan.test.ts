/**
 * The `portcullis` command as users and the CI wrappers run it: the committed bundle (bin/portcullis.js →
 * dist/cli), a real image written to disk, exit codes, and the reports it writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, writeOciLayout } from '../helpers/image-builder.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { DEMO_IMAGE } from '../../examples/demo-image.js';

const BIN = join(PROJECT_ROOT, 'bin/portcullis.js');
const POLICIES = join(PROJECT_ROOT, 'test/fixtures/policies');
let dir: string;
let ref: string;

function portcullis(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, PORTCULLIS_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-e2e-'));
  writeOciLayout(join(dir, 'image.oci'), buildImage(DEMO_IMAGE));
  ref = `oci-dir:${join(dir, 'image.oci')}:demo`;
  // --offline needs a database: an empty one is an error (tested below).
  seedDatabase(join(dir, 'cache'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    'FROM debian:12\nENV NODE_ENV=production\nRUN rm /etc/motd\nCOPY app/ /app\nCMD ["node", "/app/index.js"]\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('portcullis scan: exit codes', () => {
  it.each([
    ['go', 0],
    ['warn', 2],
    ['stop', 1],
  ])('a policy that decides %s exits %i', (decision, code) => {
    const r = portcullis(['scan', ref, '--offline', '--policy', join(POLICIES, `always-${decision}.yaml`)]);
    expect(r.stderr).toContain(`decision: ${decision.toUpperCase()}`);
    expect(r.status).toBe(code);
  });

  it('--fail-on warn makes WARN fail (exit 1); --fail-on never reports STOP but exits 0', () => {
    expect(portcullis(['scan', ref, '--offline', '--policy', join(POLICIES, 'always-warn.yaml'), '--fail-on', 'warn']).status).toBe(1);
    const never = portcullis(['scan', ref, '--offline', '--policy', join(POLICIES, 'always-stop.yaml'), '--fail-on', 'never']);
    expect(never.status).toBe(0);
    expect(never.stderr).toContain('decision: STOP');
  });

  it('the bundled default policy WARNs on a missing HEALTHCHECK and STOPs on exposed port 22', () => {
    const r = portcullis(['scan', ref, '--offline', '-o', 'json=report.json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.decision).toBe('STOP');
    const fired = report.policy.findings.map((f: { gate: string; trigger: string; action: string }) => `${f.gate}/${f.trigger}:${f.action}`);
    expect(fired).toContain('dockerfile/exposed_ports:stop');
    expect(fired).toContain('dockerfile/instruction:warn');
  });
});

describe('portcullis scan: reports', () => {
  it('writes every requested report, even when the decision is STOP, and maps layers to Dockerfile lines', () => {
    const r = portcullis([
      'scan', ref, '--offline', '--dockerfile', 'Dockerfile', '--policy', join(POLICIES, 'always-stop.yaml'),
      '-o', 'json=out/report.json', '-o', 'sarif=out/report.sarif', '-o', 'junit=out/junit.xml', '-o', 'cyclonedx=out/sbom.json', '-o', 'table',
    ]);
    expect(r.status).toBe(1);
    for (const f of ['report.json', 'report.sarif', 'junit.xml', 'sbom.json']) expect(existsSync(join(dir, 'out', f))).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(report.packages.map((p: { name: string; version: string }) => `${p.name}@${p.version}`).sort()).toEqual([
      'libssl3@3.0.11-1~deb12u2',
      'lodash@4.17.15',
      'openssh-server@1:9.2p1-2+deb12u2',
      'zlib1g@1:1.2.13.dfsg-1',
    ]);
    // Layer 0 is the base image (FROM line 1); layer 1 is `RUN rm /etc/motd` (line 3); layer 2 is COPY (line 4).
    expect(report.dockerfile.origins.map((o: { layerIndex: number; line: number }) => [o.layerIndex, o.line])).toEqual([
      [0, 1],
      [1, 3],
      [2, 4],
    ]);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('STOP');
  });
});

describe('portcullis: errors are one line and exit 3', () => {
  it.each([
    ['a missing image', ['scan', 'oci-dir:/nonexistent/layout', '--offline'], /OCI layout \/nonexistent\/layout does not exist/],
    ['an invalid policy', ['scan', 'REF', '--offline', '--policy', 'bad.yaml'], /policy|bundle/i],
    ['offline with no vulnerability database', ['scan', 'REF', '--offline', '--db-cache-dir', 'no-such-cache'], /offline mode and no vulnerability database in no-such-cache: .* or pass --no-vulnerabilities/],
    ['a bad --fail-on', ['scan', 'REF', '--fail-on', 'sometimes'], /--fail-on must be one of stop, warn, never/],
    ['an unknown output format', ['scan', 'REF', '-o', 'pdf'], /Unknown output format "pdf"/],
    ['an unknown option', ['scan', 'REF', '--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  ])('%s', (_name, args, message) => {
    writeFileSync(join(dir, 'bad.yaml'), 'id: x\nversion: "2_0"\nrule_sets: [{ id: rs, rules: [{ id: r, gate: nosuchgate, trigger: t, action: STOP }] }]\n');
    const r = portcullis(args.map((a) => (a === 'REF' ? ref : a)));
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('portcullis:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^portcullis: (configuration|image) error: /);
    expect(lines[0]).toMatch(message);
  });

  it('--no-vulnerabilities scans offline without a database (and the policy is told there is no data)', () => {
    const r = portcullis(['scan', ref, '--offline', '--no-vulnerabilities', '--db-cache-dir', 'no-such-cache', '-o', 'json=novuln.json']);
    expect(r.status, r.stderr).toBe(1); // the default policy still STOPs on port 22
    const report = JSON.parse(readFileSync(join(dir, 'novuln.json'), 'utf8')) as { findings: unknown[]; policy: { findings: { trigger: string }[] } };
    expect(report.findings).toEqual([]);
    expect(report.policy.findings.map((f) => f.trigger)).toContain('vulnerability_data_unavailable');
  });

  it('--help works on every command and exits 0', () => {
    for (const args of [['--help'], ['scan', '--help'], ['image', '--help'], ['image', 'inspect', '--help'], ['db', '--help'], ['policy', '--help'], ['version', '--help']]) {
      const r = portcullis(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: portcullis');
    }
  });
});
