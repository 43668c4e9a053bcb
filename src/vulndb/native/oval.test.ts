import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeShared, itShared, sharedPath } from '../../../test/helpers/shared.js';
import { rpmScheme } from '../../version/schemes/rpm.js';
import { evaluateAffected } from '../../match/ranges.js';
import type { OsvAffected, OsvRecord } from '../osv.js';
import { convertMarinerOval, marinerReleaseOf } from './mariner-oval.js';
import { convertOracleOval } from './oracle-oval.js';
import { gatedCriteria, isoDate, operationName, OVAL_MAX_CRITERIA_DEPTH, OvalFormatError, parseOval } from './oval.js';
import { convertSuseOval } from './suse-oval.js';

const FIX = (...p: string[]): string => sharedPath('vulndata', 'vunnel-provider-fixtures', ...p);
const read = (...p: string[]): string => readFileSync(FIX(...p), 'utf8');

interface VunnelFixedIn {
  Name: string;
  Version: string;
  NamespaceName: string;
  VulnerableRange?: string | null;
}
interface VunnelVulnerability {
  Name: string;
  Severity: string;
  NamespaceName: string;
  FixedIn: VunnelFixedIn[];
}

/** Every vunnel snapshot of a provider: `snapshots/<namespace>/<file>.json` → its Vulnerability. */
function snapshots(provider: string): { file: string; v: VunnelVulnerability }[] {
  const root = FIX(provider, 'snapshots');
  const out: { file: string; v: VunnelVulnerability }[] = [];
  for (const ns of readdirSync(root).sort()) {
    for (const f of readdirSync(`${root}/${ns}`).sort()) {
      const doc = JSON.parse(readFileSync(`${root}/${ns}/${f}`, 'utf8')) as { item: { Vulnerability: VunnelVulnerability } };
      out.push({ file: `${ns}/${f}`, v: doc.item.Vulnerability });
    }
  }
  return out;
}

/** vunnel's severity words from the vendor's (oracle and sles providers: moderate → Medium, important → High). */
const VUNNEL_SEVERITY: Record<string, string> = {
  Negligible: 'Negligible',
  Low: 'Low',
  Moderate: 'Medium',
  Medium: 'Medium',
  Important: 'High',
  High: 'High',
  Critical: 'Critical',
};

/** `name fixed-or-last_affected` of each entry of one ecosystem. */
function entries(record: OsvRecord, ecosystem: string): string[] {
  return (record.affected ?? [])
    .filter((a) => a.package?.ecosystem === ecosystem)
    .map((a) => {
      const events = a.ranges?.[0]?.events ?? [];
      const fixed = events.find((e) => e.fixed !== undefined)?.fixed;
      const last = events.find((e) => e.last_affected !== undefined)?.last_affected;
      return fixed !== undefined ? `${a.package!.name} ${fixed}` : `${a.package!.name} <= ${last}`;
    })
    .sort();
}

/** vunnel's FixedIn as the same strings: `Version` "None" with a `<= X` VulnerableRange is an unfixed range up to X. */
function expected(v: VunnelVulnerability): string[] {
  return v.FixedIn.map((f) => {
    if (f.Version === 'None') return `${f.Name} <= ${/^<=\s*(\S+)$/.exec(f.VulnerableRange ?? '')?.[1]}`;
    return `${f.Name} ${f.Version}`;
  }).sort();
}

function byId(records: readonly OsvRecord[], id: string): OsvRecord {
  const r = records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id} among ${records.map((x) => x.id).join(', ')}`);
  return r;
}

const affects = (a: OsvAffected | undefined, version: string): boolean => evaluateAffected(a!, version, rpmScheme).affected;

describe('the OVAL reader', () => {
  it('refuses text that is not well-formed XML, or XML that is not OVAL', () => {
    expect(() => parseOval('<oval_definitions><definitions><definition id="x"></definitions>', 'bad.xml')).toThrow(OvalFormatError);
    expect(() => parseOval('<oval_definitions><definitions><definition id="x"></definitions>', 'bad.xml')).toThrow(/bad\.xml: not well-formed XML \(line 1/);
    expect(() => parseOval('<html><body/></html>', 'page.html')).toThrow(/no <oval_definitions> root/);
    expect(() => parseOval('', 'empty.xml')).toThrow(OvalFormatError);
  });

  it('skips a definition whose criteria nest too deep, keeps the rest; refuses a document nested past the parser limit', () => {
    const deep = (n: number): string =>
      `<definition id="deep" version="1"><metadata><title>ELSA-2020-0001: x (LOW)</title></metadata>${'<criteria operator="AND">'.repeat(n)}<criterion test_ref="t" comment="a is earlier than 0:1-1"/>${'</criteria>'.repeat(n)}</definition>`;
    const ok = '<definition id="ok" version="1"><metadata><title>ok</title></metadata><criteria><criterion test_ref="t" comment="c"/></criteria></definition>';
    const doc = parseOval(`<oval_definitions><definitions>${deep(OVAL_MAX_CRITERIA_DEPTH + 5)}${ok}</definitions></oval_definitions>`, 'deep.xml');
    expect(doc.definitions.map((d) => d.id)).toEqual(['ok']);
    expect(doc.skipped).toEqual([{ where: 'deep.xml definition[0] deep', reason: `criteria nested deeper than ${OVAL_MAX_CRITERIA_DEPTH} levels` }]);
    expect(() => parseOval(`<oval_definitions><definitions>${deep(150)}</definitions></oval_definitions>`, 'deeper.xml')).toThrow(/deeper\.xml: unreadable XML/);
  });

  itShared('gates package criteria by the context criteria of their AND ancestors', () => {
    const doc = parseOval(read('oracle', 'mock_per_arch_data'), 'per-arch');
    const def = doc.definitions.find((d) => d.id.endsWith(':20224803'))!;
    const gated = gatedCriteria(def.criteria!, (c) => !/ is earlier than /.test(c.comment));
    const rsyslog = gated.filter((g) => g.criterion.comment.startsWith('rsyslog is earlier'));
    expect(rsyslog.map((g) => [g.criterion.comment, g.context.map((c) => c.comment).filter((c) => !/signed/.test(c))])).toEqual([
      ['rsyslog is earlier than 0:8.24.0-57.0.4.el7_9.3', ['Oracle Linux 7 is installed', 'Oracle Linux arch is aarch64']],
      ['rsyslog is earlier than 0:8.24.0-57.0.1.el7_9.3', ['Oracle Linux 7 is installed', 'Oracle Linux arch is x86_64']],
    ]);
  });

  it('reads dates and numbered operations', () => {
    expect(isoDate('2007-06-26')).toBe('2007-06-26T00:00:00Z');
    expect(isoDate('2021-07-16T05:18:42')).toBe('2021-07-16T05:18:42Z');
    expect(isoDate('2023-05-11T12:02:01.195098043Z')).toBe('2023-05-11T12:02:01.195Z');
    expect(isoDate('soon')).toBeUndefined();
    expect(operationName('6')).toBe('less than');
    expect(operationName('Less Than')).toBe('less than');
  });
});

describeShared('Oracle ELSA OVAL → OSV (vunnel fixtures)', () => {
  let { records, skipped } = {} as ReturnType<typeof convertOracleOval>;
  beforeAll(() => ({ records, skipped } = convertOracleOval(read('oracle', 'mock_data'), 'mock_data')));

  it('gives, for every vunnel snapshot, the same packages and fixed versions in Oracle Linux:<major>, and the same severity', () => {
    expect(skipped).toEqual([]);
    const snaps = snapshots('oracle');
    expect(snaps.map((s) => s.file)).toEqual(['ol:5/elsa-2007-0057.json', 'ol:6/elsa-2018-4250.json']);
    for (const { file, v } of snaps) {
      const r = byId(records, v.Name);
      const ecosystem = `Oracle Linux:${v.NamespaceName.split(':')[1]}`;
      expect(entries(r, ecosystem), file).toEqual(expected(v));
      expect(VUNNEL_SEVERITY[r.database_specific?.severity as string], file).toBe(v.Severity);
    }
  });

  it('writes the contract: ELSA id, CVEs in related, advisory URL, dates from the document', () => {
    const r = byId(records, 'ELSA-2007-0057');
    expect(r).toMatchObject({
      modified: '2018-10-12T00:00:00Z', // the generator's timestamp, later than the issue date
      published: '2007-06-26T00:00:00Z',
      related: ['CVE-2007-0493', 'CVE-2007-0494'],
      database_specific: { severity: 'Moderate' },
    });
    expect(r.aliases).toBeUndefined();
    expect(r.references?.[0]).toEqual({ type: 'ADVISORY', url: 'http://linux.oracle.com/errata/ELSA-2007-0057.html' });
    const bind = r.affected!.find((a) => a.package?.name === 'bind');
    expect(bind?.ranges).toEqual([{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '30:9.3.3-8.el5' }] }]);
    expect(affects(bind, '30:9.3.3-7.el5')).toBe(true);
    expect(affects(bind, '30:9.3.3-8.el5')).toBe(false);
    expect(records.reduce((n, x) => n + x.affected!.length, 0)).toBe(14);
  });

  it('per-arch data: an arch only when the fixes differ by arch (rsyslog), none when they do not (firefox, osbuild)', () => {
    const out = convertOracleOval(read('oracle', 'mock_per_arch_data'), 'mock_per_arch_data');
    expect(out.skipped).toEqual([]);
    expect(out.records.map((r) => r.id).sort()).toEqual(['ELSA-2022-4803', 'ELSA-2024-2961', 'ELSA-2025-10073']);
    const rsyslog = byId(out.records, 'ELSA-2022-4803').affected!.filter((a) => a.package?.name === 'rsyslog');
    expect(rsyslog.map((a) => [a.package?.ecosystem, a.ecosystem_specific?.arch, a.ranges?.[0]?.events[1]?.fixed])).toEqual([
      ['Oracle Linux:7', 'aarch64', '0:8.24.0-57.0.4.el7_9.3'],
      ['Oracle Linux:7', 'x86_64', '0:8.24.0-57.0.1.el7_9.3'],
    ]);
    const firefox = byId(out.records, 'ELSA-2025-10073');
    expect(firefox.affected).toEqual([
      { package: { ecosystem: 'Oracle Linux:10', name: 'firefox' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:128.12.0-1.0.1.el10_0' }] }] },
    ]);
    const osbuild = byId(out.records, 'ELSA-2024-2961').affected!.filter((a) => a.package?.name === 'osbuild');
    expect(osbuild.map((a) => [a.ecosystem_specific, a.ranges?.[0]?.events[1]?.fixed])).toEqual([
      [undefined, '0:110-1.0.1.el8'],
      [undefined, '0:110-1.el8'],
    ]);
    expect(byId(out.records, 'ELSA-2022-4803').aliases).toEqual(['CVE-2022-24903']);
    expect(byId(out.records, 'ELSA-2022-4803').severity).toEqual([{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' }]);
  });

  it('ksplice fixes are left out (as vunnel), the ELSA is kept', () => {
    const out = convertOracleOval(read('oracle', 'mock_ksplice_data'), 'mock_ksplice_data');
    expect(out.skipped).toEqual([]);
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ id: 'ELSA-2021-9151', affected: [], related: ['CVE-2021-3449', 'CVE-2021-3450'], database_specific: { severity: 'Important' } });
  });

  it('bad input: malformed XML throws; a definition without criteria and an unknown version are skipped with a reason, the rest kept', () => {
    const text = read('oracle', 'mock_data');
    expect(() => convertOracleOval(text.slice(0, 5000), 'cut')).toThrow(OvalFormatError);
    const noCriteria = text.replace(/<criteria operator="AND">\n<criterion test_ref="oval:com.oracle.elsa:tst:20070057001"[\s\S]*?\n<\/criteria>\n<\/criteria>\n<\/criteria>/, '');
    expect(noCriteria).not.toBe(text);
    const a = convertOracleOval(noCriteria, 'no-criteria');
    expect(a.records.map((r) => r.id)).toEqual(['ELSA-2018-4250']);
    expect(a.skipped).toEqual([{ where: 'no-criteria oval:com.oracle.elsa:def:20070057', reason: 'ELSA-2007-0057: a definition without criteria' }]);
    const badVersion = text.replace('comment="bind-sdb is earlier than 30:9.3.3-8.el5"', 'comment="bind-sdb is earlier than version 9 or so"');
    const b = convertOracleOval(badVersion, 'bad-version');
    expect(b.skipped).toEqual([{ where: 'bad-version oval:com.oracle.elsa:def:20070057', reason: 'ELSA-2007-0057: bind-sdb: "version 9 or so" is not an rpm version' }]);
    expect(entries(byId(b.records, 'ELSA-2007-0057'), 'Oracle Linux:5')).toHaveLength(7);
    expect(b.records).toHaveLength(2);
  });
});

describeShared('SUSE OVAL → OSV (vunnel fixtures)', () => {
  let { records, skipped } = {} as ReturnType<typeof convertSuseOval>;
  beforeAll(() => ({ records, skipped } = convertSuseOval(read('sles', 'suse_truncated.xml'), 'suse_truncated.xml')));
  const product = (ns: string): string => {
    const [major, minor] = ns.split(':')[1]!.split('.');
    return `SUSE:SUSE Linux Enterprise Server ${major}${minor && minor !== '0' ? ` SP${minor}` : ''}`;
  };

  it('gives, for every vunnel snapshot, the same packages and fixed versions in SUSE:<product>, and the same severity', () => {
    expect(skipped).toEqual([]);
    const snaps = snapshots('sles');
    expect(snaps).toHaveLength(4);
    for (const { file, v } of snaps) {
      const r = byId(records, v.Name);
      expect(entries(r, product(v.NamespaceName)), file).toEqual(expected(v));
      expect(VUNNEL_SEVERITY[r.database_specific?.severity as string], file).toBe(v.Severity);
    }
  });

  it('writes per-CVE records: SUSE CVSS (not NVD), the SUSE CVE page, module-only CVEs left out, "not affected" never matches', () => {
    expect(records.map((r) => r.id)).toEqual(['CVE-2021-29154', 'CVE-2010-1323', 'CVE-2026-34073']);
    const kernel = byId(records, 'CVE-2021-29154');
    expect(kernel).toMatchObject({
      modified: '2021-07-16T05:18:42Z',
      published: '2021-04-30T00:00:00Z',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H' }],
      database_specific: { severity: 'Important' },
    });
    expect(kernel.references?.[0]).toEqual({ type: 'ADVISORY', url: 'https://www.suse.com/security/cve/CVE-2021-29154' });
    // 15 SP1: sles-release (SP1-BCL) wins over sles-ltss-release (SP1-LTSS), as vunnel
    const sp1 = kernel.affected!.find((a) => a.package?.ecosystem === 'SUSE:SUSE Linux Enterprise Server 15 SP1');
    expect(sp1?.database_specific).toEqual({ product_variants: ['BCL'] });
    expect(byId(records, 'CVE-2010-1323').severity).toBeUndefined(); // only NVD's vector is quoted
    const crypto = byId(records, 'CVE-2026-34073').affected![0]!;
    expect(crypto).toMatchObject({ package: { ecosystem: 'SUSE:SUSE Linux Enterprise Server 15', name: 'python3-cryptography' }, database_specific: { fix_state: 'not-affected' } });
    expect(affects(crypto, '0:3.3.2-1.1')).toBe(false);
    expect(affects(sp1, '0:4.12.14-197.89.1')).toBe(true);
    expect(records.reduce((n, x) => n + x.affected!.length, 0)).toBe(46);
  });

  it('bad input: malformed XML throws; a definition without criteria and an unknown version are skipped with a reason, the rest kept', () => {
    const text = read('sles', 'suse_truncated.xml');
    expect(() => convertSuseOval(text.replace('</definitions>', ''), 'cut')).toThrow(OvalFormatError);
    const noCriteria = text.replace(/<criteria operator="AND">\s*<criteria operator="OR">\s*<criterion test_ref="oval:org.opensuse.security:tst:2009242640"[\s\S]*?python3-cryptography is not affected"\/>\s*<\/criteria>/, '');
    expect(noCriteria).not.toBe(text);
    const a = convertSuseOval(noCriteria, 'no-criteria');
    expect(a.records.map((r) => r.id)).toEqual(['CVE-2021-29154', 'CVE-2010-1323']);
    expect(a.skipped).toEqual([{ where: 'no-criteria oval:org.opensuse.security:def:202634073', reason: 'CVE-2026-34073: a definition without criteria' }]);
    const badVersion = text.replace('<evr datatype="evr_string" operation="less than">0:4.12.14-150.72.1</evr>', '<evr datatype="evr_string" operation="less than">4.12.14 (LTSS)</evr>');
    expect(badVersion).not.toBe(text);
    const b = convertSuseOval(badVersion, 'bad-version');
    expect(b.skipped).toEqual([
      { where: 'bad-version oval:org.opensuse.security:def:202129154', reason: 'CVE-2021-29154: kernel-default: "4.12.14 (LTSS)" (less than) is not an rpm version' },
    ]);
    expect(entries(byId(b.records, 'CVE-2021-29154'), 'SUSE:SUSE Linux Enterprise Server 15')).toEqual([]);
    expect(entries(byId(b.records, 'CVE-2021-29154'), 'SUSE:SUSE Linux Enterprise Server 15 SP1')).toEqual(['kernel-default 0:4.12.14-197.89.2']);
    expect(b.records).toHaveLength(3);
  });
});

describeShared('Azure Linux / CBL-Mariner OVAL → OSV (vunnel fixtures)', () => {
  let mariner = {} as ReturnType<typeof convertMarinerOval>;
  beforeAll(() => (mariner = convertMarinerOval(read('mariner', 'mariner-truncated-2.0-oval.xml'), 'mariner-truncated-2.0-oval.xml')));

  it('gives, for every vunnel snapshot, the same package and fixed version (or unfixed range) in Azure Linux:2, and the same severity', () => {
    expect(mariner.skipped).toEqual([]);
    const snaps = snapshots('mariner');
    expect(snaps).toHaveLength(4);
    for (const { file, v } of snaps) {
      expect(v.NamespaceName).toBe('mariner:2.0');
      const r = byId(mariner.records, v.Name);
      expect(entries(r, 'Azure Linux:2'), file).toEqual(expected(v));
      expect(r.database_specific?.severity, file).toBe(v.Severity);
    }
    // "Not Applicable" (CVE-2023-0687 glibc) is left out, as vunnel
    expect(mariner.records.map((r) => r.id).sort()).toEqual(['CVE-2022-3736', 'CVE-2023-21977', 'CVE-2023-21980', 'CVE-2023-29404']);
  });

  it('bounds: greater than → introduced, less than → fixed, less than or equal → last_affected and not-fixed', () => {
    const golang = byId(mariner.records, 'CVE-2023-29404').affected![0]!;
    expect(golang.ranges).toEqual([{ type: 'ECOSYSTEM', events: [{ introduced: '0:1.19.0.cm2' }, { fixed: '0:1.20.7-1.cm2' }] }]);
    expect(affects(golang, '0:1.18.1-1.cm2')).toBe(false);
    expect(affects(golang, '0:1.20.6-1.cm2')).toBe(true);
    const bind = byId(mariner.records, 'CVE-2022-3736').affected![0]!;
    expect(bind).toMatchObject({ ranges: [{ events: [{ introduced: '0' }, { last_affected: '0:9.16.33-1.cm2' }] }], database_specific: { fix_state: 'not-fixed', patchable: 'false' } });
    expect(byId(mariner.records, 'CVE-2022-3736')).toMatchObject({
      modified: '2023-05-11T12:02:01.195Z',
      references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2022-3736' }],
    });
  });

  it('Azure Linux 3.0: Azure Linux:3, the release from the file name', () => {
    const azl = convertMarinerOval(read('mariner', 'azure-linux-truncated-3.0-oval.xml'), 'azure-linux-truncated-3.0-oval.xml');
    expect(azl.skipped).toEqual([]);
    expect(azl.records.map((r) => [r.id, entries(r, 'Azure Linux:3'), r.database_specific?.severity])).toEqual([
      ['CVE-2024-24258', ['freeglut 0:3.4.0-1.azl3'], 'High'],
      ['CVE-2024-24259', ['freeglut 0:3.4.0-1.azl3'], 'High'],
      ['CVE-2020-27304', ['ceph 0:18.2.1-1.azl3'], 'Critical'],
    ]);
    expect(marinerReleaseOf('https://x/azurelinux-3.0-oval.xml.gz?x=1')).toBe('3.0');
    expect(() => convertMarinerOval(read('mariner', 'azure-linux-truncated-3.0-oval.xml'), 'oval.xml')).toThrow(/cannot tell the Azure Linux \/ CBL-Mariner release/);
    expect(convertMarinerOval(read('mariner', 'azure-linux-truncated-3.0-oval.xml'), 'oval.xml', { release: '3.0' }).records).toHaveLength(3);
  });

  it('bad input: malformed XML throws; a definition without criteria and an unknown version are skipped with a reason, the rest kept', () => {
    const text = read('mariner', 'mariner-truncated-2.0-oval.xml');
    expect(() => convertMarinerOval(text.replace('<states>', '<states'), 'x-2.0-oval.xml')).toThrow(OvalFormatError);
    const noCriteria = text.replace(/<criteria operator="AND">\s*<criterion comment="Package mysql is earlier than 8.0.33-1, affected by CVE-2023-21980"[^>]*\/>\s*<\/criteria>/, '');
    expect(noCriteria).not.toBe(text);
    const a = convertMarinerOval(noCriteria, 'x-2.0-oval.xml');
    expect(a.records.map((r) => r.id).sort()).toEqual(['CVE-2022-3736', 'CVE-2023-21977', 'CVE-2023-29404']);
    expect(a.skipped).toEqual([{ where: 'x-2.0-oval.xml oval:com.microsoft.cbl-mariner:def:26220', reason: 'CVE-2023-21980: a definition without criteria' }]);
    const badVersion = text.replace('operation="less than">0:8.0.33-1.cm2</linux-def:evr>', 'operation="less than">8.0.33 1</linux-def:evr>');
    const b = convertMarinerOval(badVersion, 'x-2.0-oval.xml');
    expect(b.skipped).toEqual([{ where: 'x-2.0-oval.xml oval:com.microsoft.cbl-mariner:def:26178', reason: 'CVE-2023-21977: mysql: "8.0.33 1" is not an rpm version' }]);
    expect(b.records.map((r) => r.id).sort()).toEqual(['CVE-2022-3736', 'CVE-2023-21980', 'CVE-2023-29404']);
  });
});
