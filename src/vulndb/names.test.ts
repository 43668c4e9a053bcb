import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { ecosystemKey, packageKey } from './names.js';

/** Every `"ecosystem": "…"` string in the JSON files under a folder of ../shared. */
function ecosystemsUnder(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) for (const m of readFileSync(p, 'utf8').matchAll(/"ecosystem":\s*"([^"]*)"/g)) out.add(m[1]!);
    }
  };
  walk(dir);
  return out;
}

describeShared('ecosystemKey on the ecosystem strings the real feeds write', () => {
  const vunnel = (p: string) => ecosystemsUnder(sharedPath('vulndata/vunnel-provider-fixtures', p));
  const keys = (set: Set<string>) => [...new Set([...set].map(ecosystemKey))].sort();

  it('Ubuntu (vunnel ubuntu/osv and osv-esm-cases): LTS and Pro spellings fold to one key per release', () => {
    const found = new Set([...vunnel('ubuntu/osv'), ...vunnel('ubuntu/osv-esm-cases'), ...vunnel('ubuntu/snapshots')]);
    expect(found).toContain('Ubuntu:22.04:LTS');
    expect(found).toContain('Ubuntu:Pro:16.04:LTS');
    expect(found).toContain('Ubuntu:25.10');
    const ubuntu = [...found].filter((e) => e.startsWith('Ubuntu'));
    for (const e of ubuntu) expect(ecosystemKey(e)).toMatch(/^ubuntu:\d\d\.\d\d$/);
    expect(ecosystemKey('Ubuntu:Pro:16.04:LTS')).toBe(ecosystemKey('Ubuntu:16.04:LTS'));
    expect(ecosystemKey('Ubuntu:22.04:LTS')).toBe(ecosystemKey('Ubuntu:22.04'));
  });

  it('AlmaLinux, Rocky Linux, Chainguard, Wolfi and GitHub (vunnel alma, rocky, chainguard/input/osv, github) are only lower-cased', () => {
    expect(keys(vunnel('alma'))).toEqual(['almalinux:8', 'almalinux:9']);
    expect(keys(vunnel('rocky'))).toEqual(['rocky linux:8', 'rocky linux:9']);
    expect(keys(vunnel('chainguard/input/osv'))).toEqual(['chainguard', 'wolfi']);
    expect(keys(vunnel('github'))).toEqual(['java', 'npm']);
  });

  it('the ecosystem names osv.dev documents (schemas/osv/ecosystems.json) keep their base', () => {
    const doc = JSON.parse(readFileSync(sharedPath('schemas/osv/ecosystems.json'), 'utf8')) as Record<string, string>;
    for (const base of Object.keys(doc)) expect(ecosystemKey(base)).toBe(base.toLowerCase());
    // The examples its descriptions give.
    expect(doc['Red Hat']).toContain('Red Hat:rhel_aus:8.4::appstream');
    expect(ecosystemKey('Red Hat:rhel_aus:8.4::appstream')).toBe('red hat:8.4+aus');
    expect(doc['Ubuntu']).toContain('Ubuntu:Pro:18.04:LTS');
    expect(ecosystemKey('Ubuntu:Pro:18.04:LTS')).toBe('ubuntu:18.04');
    expect(doc['Photon OS']).toContain('Photon OS:3.0');
    expect(ecosystemKey('Photon OS:3.0')).toBe('photon os:3.0');
    expect(doc['Mageia']).toContain('Mageia:9');
    expect(ecosystemKey('Mageia:9')).toBe('mageia:9');
  });

  it('Red Hat CPE streams as the CSAF advisories name them (vunnel rhel/csaf RHSA-2024:0811, RHSA-2024:6163)', () => {
    const cpes = new Set<string>();
    for (const f of ['advisories/rhsa-2024_0811.json', 'advisories/2024/rhsa-2024_6163.json']) {
      for (const m of readFileSync(sharedPath('vulndata/vunnel-provider-fixtures/rhel/csaf', f), 'utf8').matchAll(/"cpe:\/[ao]:redhat:([^"]+)"/g)) cpes.add(`Red Hat:${m[1]}`);
    }
    expect([...cpes].map((c) => [c, ecosystemKey(c)]).sort()).toEqual([
      ['Red Hat:enterprise_linux:8::baseos', 'red hat:8'],
      ['Red Hat:enterprise_linux:9::appstream', 'red hat:9'],
      ['Red Hat:enterprise_linux:9::baseos', 'red hat:9'],
      ['Red Hat:enterprise_linux:9::crb', 'red hat:9'],
      ['Red Hat:rhel_eus:8.6::baseos', 'red hat:8.6+eus'],
      ['Red Hat:rhel_eus:8.8::baseos', 'red hat:8.8+eus'],
      ['Red Hat:rhel_eus:9.0::appstream', 'red hat:9.0+eus'],
      ['Red Hat:rhel_eus:9.0::baseos', 'red hat:9.0+eus'],
      ['Red Hat:rhel_eus:9.2::appstream', 'red hat:9.2+eus'],
      ['Red Hat:rhel_eus:9.2::baseos', 'red hat:9.2+eus'],
    ]);
  });
});

describe('ecosystemKey: the contract spellings', () => {
  it('Red Hat: native `Red Hat:<major>`, osv.dev streams, extended streams, other products', () => {
    expect(ecosystemKey('Red Hat:9')).toBe('red hat:9');
    expect(ecosystemKey('Red Hat:enterprise_linux:9::appstream')).toBe('red hat:9');
    expect(ecosystemKey('Red Hat:enterprise_linux:8')).toBe('red hat:8');
    expect(ecosystemKey('Red Hat:rhel_e4s:8.6::appstream')).toBe('red hat:8.6+e4s');
    expect(ecosystemKey('Red Hat:rhel_tus:8.4::baseos')).toBe('red hat:8.4+tus');
    expect(ecosystemKey('Red Hat:8.6+eus')).toBe('red hat:8.6+eus');
    expect(ecosystemKey('Red Hat:openshift:4.14::el9')).toBe('red hat:openshift:4.14::el9');
  });

  it('SUSE and openSUSE products: case, spacing and a leading SUSE / openSUSE do not matter', () => {
    const k = 'suse:linux enterprise server 15 sp5';
    expect(ecosystemKey('SUSE:SUSE Linux Enterprise Server 15 SP5')).toBe(k);
    expect(ecosystemKey('SUSE:Linux Enterprise Server 15 SP5')).toBe(k);
    expect(ecosystemKey('SUSE:Linux  Enterprise Server 15 sp5')).toBe(k);
    expect(ecosystemKey('SUSE:Linux Enterprise Module for Basesystem 15 SP5')).toBe('suse:linux enterprise module for basesystem 15 sp5');
    expect(ecosystemKey('openSUSE:openSUSE Leap 15.5')).toBe('opensuse:leap 15.5');
    expect(ecosystemKey('openSUSE:Leap 15.5')).toBe('opensuse:leap 15.5');
    expect(ecosystemKey('openSUSE:openSUSE Tumbleweed')).toBe(ecosystemKey('openSUSE:Tumbleweed'));
  });

  it('Azure Linux / CBL-Mariner and Photon OS releases', () => {
    expect(ecosystemKey('Azure Linux:3.0')).toBe('azure linux:3');
    expect(ecosystemKey('Azure Linux:3')).toBe('azure linux:3');
    expect(ecosystemKey('CBL-Mariner:2.0')).toBe('azure linux:2');
    expect(ecosystemKey('Mariner:2.0')).toBe('azure linux:2');
    expect(ecosystemKey('Photon OS:4')).toBe('photon os:4.0');
    expect(ecosystemKey('Photon OS:4.0')).toBe('photon os:4.0');
  });

  it('everything else is lower-cased; package keys use the folded ecosystem', () => {
    expect(ecosystemKey('Debian:12')).toBe('debian:12');
    expect(ecosystemKey('Alpine:v3.20')).toBe('alpine:v3.20');
    expect(ecosystemKey('PyPI')).toBe('pypi');
    expect(ecosystemKey('openEuler:22.03-LTS-SP1')).toBe('openeuler:22.03-lts-sp1');
    expect(packageKey('Red Hat:enterprise_linux:9::baseos', 'sudo')).toBe(packageKey('Red Hat:9', 'sudo'));
  });
});
