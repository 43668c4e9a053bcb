import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import type { Finding } from '../model/finding.js';
import { applyIgnores, parseIgnoreFile } from './ignore.js';
import { applyVex, parseOpenVex } from './vex.js';

const finding = (id: string, name: string, version: string, aliases: string[] = [], type = 'npm'): Finding => ({
  id,
  aliases,
  packageId: `${type}:${name}@${version}`,
  packageName: name,
  packageType: type,
  installedVersion: version,
  purl: `pkg:${type}/${name}@${version}`,
  locations: [],
  fix: { state: 'fixed', versions: [] },
  severity: 'High',
  cvss: [],
  nvdCvss: [],
  severitySource: 'none',
  references: [],
  dataSource: 'osv:npm',
  matchedBy: 'ecosystem:npm',
});

const findings = [
  finding('CVE-2021-1', 'lodash', '4.17.20', ['GHSA-abcd-1234-wxyz']),
  finding('CVE-2021-2', 'express', '4.16.0'),
  finding('CVE-2022-3', 'minimist', '1.2.0'),
  finding('CVE-2022-3', 'other', '1.0.0'),
];

describe('.portcullis-ignore.yaml', () => {
  const yaml = `
ignore:
  - id: CVE-2021-1
    reason: not reachable
    expires: 2030-01-01
  - id: GHSA-*            # an alias glob
    package: pkg:npm/lodash
    reason: duplicate
  - id: CVE-2022-*
    package: minimist
    reason: dev only
  - id: CVE-2021-2
    reason: expired exception
    expires: 2020-06-30
  - id: CVE-1999-*
    reason: matches nothing
`;
  it('applies id, alias globs and package names or purls; reports expired and unused entries', () => {
    const rules = parseIgnoreFile(yaml, 'ignore.yaml');
    const out = applyIgnores(findings, rules, new Date('2024-01-01T00:00:00Z'));
    expect(out.kept.map((f) => `${f.id} ${f.packageName}`)).toEqual(['CVE-2021-2 express', 'CVE-2022-3 other']);
    expect(out.ignored.map((i) => `${i.finding.packageName} ${i.rule.index}`)).toEqual(['lodash 1', 'minimist 3']);
    expect(out.expired.map((r) => r.id)).toEqual(['CVE-2021-2']);
    expect(out.unused.map((r) => r.id)).toEqual(['GHSA-*', 'CVE-1999-*']);
  });

  it('an entry lasts through its expiry day (UTC), then stops applying', () => {
    const rules = parseIgnoreFile('- id: CVE-2021-2\n  reason: r\n  expires: "2024-03-01"\n');
    expect(applyIgnores(findings, rules, new Date('2024-03-01T23:00:00Z')).ignored).toHaveLength(1);
    const later = applyIgnores(findings, rules, new Date('2024-03-02T00:00:01Z'));
    expect(later.ignored).toHaveLength(0);
    expect(later.expired).toHaveLength(1);
  });

  it('a purl with a version pins that version', () => {
    const rules = parseIgnoreFile('- id: CVE-2021-1\n  package: pkg:npm/lodash@4.17.19\n  reason: r\n');
    expect(applyIgnores(findings, rules).ignored).toHaveLength(0);
  });

  it('rejects entries without an id or a reason, and bad dates, with the entry number', () => {
    expect(() => parseIgnoreFile('ignore:\n  - reason: x\n', 'f.yaml')).toThrow(new ConfigurationError('f.yaml: entry 1 has no "id"'));
    expect(() => parseIgnoreFile('ignore:\n  - id: CVE-1\n', 'f.yaml')).toThrow(/entry 1 \(CVE-1\) has no "reason"/);
    expect(() => parseIgnoreFile('ignore:\n  - id: CVE-1\n    reason: r\n    expires: soon\n', 'f.yaml')).toThrow(/"expires" is not a date/);
  });
});

describe('OpenVEX input', () => {
  const doc = (statements: unknown[]) => JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'x', author: 'me', timestamp: '2024-01-01T00:00:00Z', version: 1, statements });

  it('not_affected and fixed statements remove the named findings for the named packages only', () => {
    const st = parseOpenVex(
      doc([
        { vulnerability: { name: 'CVE-2021-1' }, products: [{ '@id': 'pkg:npm/lodash@4.17.20' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
        { vulnerability: { name: 'GHSA-none', aliases: ['CVE-2022-3'] }, products: [{ '@id': 'pkg:oci/app', subcomponents: [{ '@id': 'pkg:npm/minimist' }] }], status: 'fixed' },
        { vulnerability: { name: 'CVE-2021-2' }, products: [{ '@id': 'pkg:npm/express@4.16.0' }], status: 'under_investigation' },
      ]),
      'app.vex.json',
    );
    const out = applyVex(findings, st);
    expect(out.kept.map((f) => `${f.id} ${f.packageName}`)).toEqual(['CVE-2021-2 express', 'CVE-2022-3 other']);
    expect(out.suppressed.map((s) => [s.finding.packageName, s.statement.status, s.statement.justification ?? null])).toEqual([
      ['lodash', 'not_affected', 'vulnerable_code_not_in_execute_path'],
      ['minimist', 'fixed', null],
    ]);
  });

  it('an image product without subcomponents covers every package; the latest statement wins', () => {
    const st = parseOpenVex(
      doc([
        { vulnerability: { name: 'CVE-2022-3' }, products: [{ '@id': 'pkg:oci/app@sha256%3Aabc' }], status: 'not_affected', justification: 'component_not_present', timestamp: '2024-01-01T00:00:00Z' },
        { vulnerability: { name: 'CVE-2022-3' }, products: [{ '@id': 'pkg:npm/other@1.0.0' }], status: 'affected', timestamp: '2024-02-01T00:00:00Z' },
      ]),
      'v.json',
    );
    const out = applyVex(findings, st);
    expect(out.suppressed.map((s) => s.finding.packageName)).toEqual(['minimist']);
    expect(out.kept.map((f) => f.packageName)).toContain('other');
  });

  it('a product that is some other package does not cover this one', () => {
    const st = parseOpenVex(doc([{ vulnerability: 'CVE-2021-2', products: ['pkg:npm/unrelated@1.0.0'], status: 'not_affected' }]), 'v.json');
    expect(applyVex(findings, st).suppressed).toEqual([]);
  });

  it('rejects documents that are not OpenVEX, and unknown statuses', () => {
    expect(() => parseOpenVex('{"statements": []}', 'v.json')).toThrow(/not an OpenVEX document/);
    expect(() => parseOpenVex(doc([{ vulnerability: 'CVE-1', products: [], status: 'maybe' }]), 'v.json')).toThrow(/statement 1: unknown status "maybe"/);
  });
});
