import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from './bundle.js';
import { assertLegacyPolicy, convertLegacyPolicy } from './convert.js';
import { evaluatePolicy } from './evaluate.js';
import { context, finding, image } from './test-support.js';

const td = (name: string) => readFileSync(join(import.meta.dirname, 'testdata/legacy', name), 'utf8');

describe('policy convert (Anchore 1.x)', () => {
  const result = convertLegacyPolicy(td('anchore_gate.policy'), td('anchore_global.whitelist'));
  const bundle = buildBundle(result.bundle, 'converted');
  const rules = bundle.rule_sets[0]!.rules;

  it('converts every line with a modern equivalent into a rule that loads', () => {
    expect(rules.map((r) => `${r.id} ${r.gate}/${r.trigger} ${r.action} ${JSON.stringify(r.rawParams)}`)).toEqual([
      'dockerfilecheck-nofrom dockerfile/instruction stop {"instruction":"FROM","check":"not_exists"}',
      'dockerfilecheck-notag dockerfile/instruction stop {"instruction":"FROM","check":"like","value":"^(?:\\\\S*/)?[^:/@\\\\s]+(?::latest)?(?:\\\\s.*)?$"}',
      'dockerfilecheck-fromscratch dockerfile/instruction go {"instruction":"FROM","check":"=","value":"scratch"}',
      'dockerfilecheck-sudo dockerfile/instruction go {"instruction":"RUN","check":"like","value":".*\\\\bsudo\\\\b.*"}',
      'dockerfilecheck-expose dockerfile/exposed_ports stop {"ports":"22","type":"blacklist"}',
      'anchoresec-vulnunknown vulnerabilities/package go {"package_type":"all","severity_comparison":"=","severity":"unknown"}',
      'anchoresec-vulnlow vulnerabilities/package go {"package_type":"all","severity_comparison":"=","severity":"low"}',
      'anchoresec-vulnmedium vulnerabilities/package warn {"package_type":"all","severity_comparison":"=","severity":"medium"}',
      'anchoresec-vulnhigh vulnerabilities/package stop {"package_type":"all","severity_comparison":"=","severity":"high"}',
      'anchoresec-vulncritical vulnerabilities/package stop {"package_type":"all","severity_comparison":"=","severity":"critical"}',
      'anchoresec-unsupporteddistro vulnerabilities/vulnerability_data_unavailable warn {}',
      'dockerfilecheck-nohealthcheck dockerfile/instruction warn {"instruction":"HEALTHCHECK","check":"not_exists"}',
      'pkgblacklist-pkgnamematch-1 packages/blacklist stop {"name":"openssh-server"}',
      'pkgblacklist-pkgnamematch-2 packages/blacklist stop {"name":"foolib"}',
      'pkgblacklist-pkgfullmatch packages/blacklist warn {"name":"bash","version":"5.0"}',
      'fileparse_passwd-usernamematch passwd_file/blacklist_usernames warn {"user_names":"ftp,games"}',
      'anchoresec-feedoutofdate vulnerabilities/stale_feed_data warn {"max_days_since_sync":"5"}',
      'licblacklist-licsubmatch licenses/blacklist_partial_match warn {"licenses":"AGPL"}',
    ]);
  });

  it('lists the gates with no modern equivalent instead of dropping them', () => {
    expect(result.unconverted.map((u) => `${u.line} ${u.text.split(':').slice(0, 2).join(':')}`)).toEqual([
      '7 PKGDIFF:PKGADD',
      '8 PKGDIFF:PKGDEL',
      '9 PKGDIFF:PKGVERSIONDIFF',
      '10 SUIDDIFF:SUIDMODEDIFF',
      '11 SUIDDIFF:SUIDFILEADD',
      '12 SUIDDIFF:SUIDFILEDEL',
      '25 IMAGECHECK:BASEOUTOFDATE',
      '5 PKGDIFF abcdef',
    ]);
    expect(result.unconverted[0]!.reason).toMatch(/no modern gate/);
    expect((result.bundle as { comment: string }).comment).toMatch(/^Not converted: line 7 "PKGDIFF:PKGADD:WARN"/);
  });

  it('converts the whitelist; a CVE-only ANCHORESEC item still matches every package', () => {
    expect(bundle.allowlists[0]!.items.map((i) => `${i.gate} ${i.trigger_id}`)).toEqual(['vulnerabilities CVE-2015-5180+*', 'vulnerabilities CVE-2016-2779+util-linux', 'dockerfile 2b4f2b6b6c0f8d3d0b0e6b7f0c2a1d9e']);
    expect(result.notes).toEqual([expect.stringMatching(/md5 trigger ids .* will not match/)]);
    const e = evaluatePolicy(bundle, context({ image: image({ history: ['FROM scratch'] }), findings: [finding('CVE-2015-5180', 'libc6', { severity: 'High' }), finding('CVE-2016-2779', 'util-linux', { severity: 'High' })] }), { tag: 'app:1' });
    expect(e.findings.filter((f) => f.gate === 'vulnerabilities').map((f) => f.allowlisted)).toEqual([true, true]);
  });

  it('reports malformed lines and overrides, and refuses a file with no policy line', () => {
    const r = convertLegacyPolicy('NOTALINE\nANCHORESEC:VULNHIGH:BLOCK\nANCHORESEC:VULNHIGH:WARN\nANCHORESEC:VULNHIGH:STOP\nDOCKERFILECHECK:EXPOSE:STOP\nDOCKERFILECHECK:EXPOSE:STOP:22\n');
    expect(r.unconverted.map((u) => `${u.line}: ${u.reason}`)).toEqual(['1: not a GATE:TRIGGER:ACTION[:PARAMS] line', '2: action must be GO, WARN or STOP, got "BLOCK"', '6: param "22" is not NAME=VALUE', '5: needs ALLOWEDPORTS or DENIEDPORTS']);
    expect(r.notes).toEqual(['line 4: ANCHORESEC:VULNHIGH overrides line 3, as in Anchore 1.x']);
    expect(() => assertLegacyPolicy('# nothing\n', 'empty.policy')).toThrow(/empty\.policy: no Anchore 1\.x policy lines/);
  });
});
