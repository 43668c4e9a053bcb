import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundleFile } from './bundle.js';
import { evaluatePolicy, itemMatches, md5TriggerId, renderTable } from './evaluate.js';
import { matchesPattern, parseImageTag, selects } from './match.js';
import { bundleOf, context, finding, image } from './test-support.js';

const td = (name: string) => join(import.meta.dirname, 'testdata', name);
const noHealthcheck = () => context({ image: image({ history: ['/bin/sh -c #(nop)  EXPOSE 22', '/bin/sh -c apt-get install -y openssh-server'] }) });

describe('image tags and patterns', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'nginx', tag: 'latest' }],
    ['docker.io/library/nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
    ['localhost:5000/team/app:v2', { registry: 'localhost:5000', repository: 'team/app', tag: 'v2' }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['dockerhub/alpine:3', { registry: 'docker.io', repository: 'alpine', tag: '3' }],
    ['quay.io/a/b@sha256:abc', { registry: 'quay.io', repository: 'a/b', tag: '', digest: 'sha256:abc' }],
  ])('parses %s like Anchore (no library/ added)', (tag, want) => {
    expect(parseImageTag(tag)).toEqual(want);
  });

  it('matches * wildcards literally otherwise, and regexp: as a raw regex', () => {
    expect(matchesPattern('*', 'anything/at/all')).toBe(true);
    expect(matchesPattern('prod/*', 'prod/api')).toBe(true);
    expect(matchesPattern('prod/*', 'staging/prod/api')).toBe(false);
    expect(matchesPattern('v1.2', 'v1x2')).toBe(false);
    expect(matchesPattern('regexp:^v[0-9]+$', 'v12')).toBe(true);
    expect(matchesPattern('regexp:^v[0-9]+$', 'v12-rc')).toBe(false);
  });

  it('selects digest and id rules by exact comparison, still requiring registry and repository', () => {
    const rule = { name: 'd', registry: '*', repository: 'app', image: { type: 'digest' as const, value: 'sha256:abc' } };
    expect(selects(rule, { tag: 'app:1', digest: 'sha256:abc' })).toBe(true);
    expect(selects(rule, { tag: 'other:1', digest: 'sha256:abc' })).toBe(false);
    expect(selects(rule, { tag: 'app:1', digest: 'sha256:abd' })).toBe(false);
    expect(selects({ ...rule, image: { type: 'id', value: 'c0ffee' } }, { tag: 'app:1', imageId: 'sha256:c0ffee' })).toBe(true);
  });
});

describe('evaluation', () => {
  it('uses the first matching mapping and runs its policies in order', async () => {
    const b = await loadBundleFile(td('v1-valid.json'));
    const ctx = context({ image: image({ history: ['/bin/sh -c #(nop)  EXPOSE 22'] }), findings: [finding('CVE-2025-0009', 'zlib1g', { severity: 'High' })] });
    const prod = evaluatePolicy(b, ctx, { tag: 'registry.example.com/prod/api:1' });
    expect(prod.matched_mapping_rule?.id).toBe('m-prod');
    expect(prod.findings.map((f) => `${f.policy_id}/${f.rule_id}`)).toEqual(['strict/r-vuln', 'base/r-port', 'base/r-hc', 'base/r-always']);
    const other = evaluatePolicy(b, ctx, { tag: 'docker.io/library/api:1' });
    expect(other.matched_mapping_rule?.id).toBe('m-all');
    expect(other.findings.map((f) => f.rule_id)).toEqual(['r-port', 'r-hc', 'r-always']);
  });

  it('STOP beats WARN beats GO, and GO findings stay in the output', () => {
    const b = bundleOf([
      { gate: 'always', trigger: 'always', action: 'GO' },
      { gate: 'dockerfile', trigger: 'instruction', action: 'WARN', params: { instruction: 'HEALTHCHECK', check: 'not_exists' } },
    ]);
    const warn = evaluatePolicy(b, noHealthcheck(), { tag: 'app:1' });
    expect(warn.final_action).toBe('warn');
    expect(warn.findings.map((f) => f.action)).toEqual(['go', 'warn']);
    const stop = evaluatePolicy(bundleOf([...[{ gate: 'always', trigger: 'always', action: 'STOP' }], { gate: 'always', trigger: 'always', action: 'WARN' }]), noHealthcheck(), { tag: 'app:1' });
    expect(stop.final_action).toBe('stop');
    expect(stop.final_action_reason).toBe('policy_evaluation');
  });

  it('no mapping match gives GO, and says so', () => {
    const b = bundleOf([{ gate: 'always', trigger: 'always' }]);
    b.mappings[0]!.repository = 'only/this';
    const e = evaluatePolicy(b, context(), { tag: 'app:1' });
    expect(e).toMatchObject({ final_action: 'go', image_mapped_to_rule: false, findings: [] });
    expect(e.evaluation_problems).toEqual([{ severity: 'warn', problem_type: 'no_mapping', details: 'no mapping of bundle b1 matches app:1; no policy was evaluated and the result is GO' }]);
  });

  it('an image deny beats an image allow, which beats the policy', () => {
    const sel = (repository: string) => ({ id: repository, name: repository, registry: '*', repository, image: { type: 'tag', value: '*' } });
    const b = bundleOf([{ gate: 'always', trigger: 'always', action: 'STOP' }], { whitelisted_images: [sel('trusted/*')], blacklisted_images: [sel('trusted/bad')] });
    const allowed = evaluatePolicy(b, context(), { tag: 'trusted/good:1' });
    expect(allowed).toMatchObject({ status: 'pass', final_action: 'go', final_action_reason: 'allowlisted', policy_action: 'stop', image_allowlisted: true });
    const denied = evaluatePolicy(b, context(), { tag: 'trusted/bad:1' });
    expect(denied).toMatchObject({ status: 'fail', final_action: 'stop', final_action_reason: 'denylisted', image_denylisted: true, image_allowlisted: false });
    const quiet = bundleOf([{ gate: 'always', trigger: 'always', action: 'GO' }], { blacklisted_images: [sel('*')] });
    expect(evaluatePolicy(quiet, context(), { tag: 'x:1' })).toMatchObject({ final_action: 'stop', final_action_reason: 'denylisted', policy_action: 'go' });
  });

  it('allowlists turn matches into go, keep them flagged, and ignore and report expired items', () => {
    const findings = [finding('CVE-2023-0001', 'openssl', { severity: 'Critical' }), finding('CVE-2023-0002', 'curl', { severity: 'Critical' }), finding('CVE-2023-0003', 'zlib1g', { severity: 'Critical' })];
    const b = bundleOf([{ gate: 'vulnerabilities', trigger: 'package', params: { package_type: 'all', severity: 'high', severity_comparison: '>=' } }], {
      whitelists: [
        {
          id: 'wl',
          name: 'Team',
          version: '1_0',
          items: [
            { id: 'exact', gate: 'VULNERABILITIES', trigger_id: 'CVE-2023-0001+openssl' },
            { id: 'cve-only', gate: 'vulnerabilities', trigger_id: 'CVE-2023-0002' },
            { id: 'old', gate: 'vulnerabilities', trigger_id: 'CVE-2023-0003+*', expires_on: '2025-05-31T23:59:59Z' },
          ],
        },
      ],
    });
    b.mappings[0]!.allowlist_ids = ['wl'];
    const e = evaluatePolicy(b, context({ findings }), { tag: 'app:1' });
    expect(e.findings.map((f) => [f.trigger_id, f.action, f.allowlist_match?.matched_rule_id])).toEqual([
      ['CVE-2023-0001+openssl', 'go', 'exact'],
      // A bare vulnerability id matches no `<vuln>+<package>` trigger id in Anchore Engine (policy/bundles.py
      // ExecutableWhitelistItem.matches: exact or wildcard); Portcullis says so in a problem.
      ['CVE-2023-0002+curl', 'stop', undefined],
      ['CVE-2023-0003+zlib1g', 'stop', undefined],
    ]);
    expect(e.findings[0]!.allowlist_match).toEqual({ id: 'wl', name: 'Team', matched_rule_id: 'exact' });
    expect(e.final_action).toBe('stop');
    expect(e.evaluation_problems).toEqual([
      expect.objectContaining({ problem_type: 'allowlist_item_expired', details: expect.stringContaining('item "old"') }),
      expect.objectContaining({ problem_type: 'allowlist_item_unmatched', details: expect.stringContaining('write CVE-2023-0002+* for every package') }),
    ]);
    // A day earlier the expired item is still active.
    const before = evaluatePolicy(b, context({ findings, now: new Date('2025-05-30T00:00:00Z') }), { tag: 'app:1' });
    expect(before.findings.map((f) => f.action)).toEqual(['go', 'stop', 'go']);
  });

  it('allowlist items match by gate, exact id, wildcard or regexp', () => {
    const item = (trigger_id: string) => ({ id: 'i', gate: 'dockerfile', trigger_id });
    expect(itemMatches(item('abc'), 'DOCKERFILE', 'abc')).toBe(true);
    expect(itemMatches(item('abc'), 'files', 'abc')).toBe(false);
    expect(itemMatches(item('a*'), 'dockerfile', 'abc')).toBe(true);
    expect(itemMatches(item('regexp:^[a-c]+$'), 'dockerfile', 'abc')).toBe(true);
    expect(itemMatches(item('CVE-1'), 'dockerfile', 'CVE-1+x')).toBe(false);
    expect(itemMatches({ ...item('CVE-1'), gate: 'vulnerabilities' }, 'vulnerabilities', 'CVE-1+x')).toBe(false);
    expect(itemMatches({ ...item('CVE-1+*'), gate: 'vulnerabilities' }, 'vulnerabilities', 'CVE-1+x')).toBe(true);
  });

  it("uses Anchore's md5(gate + trigger + message) trigger ids", () => {
    const e = evaluatePolicy(bundleOf([{ gate: 'dockerfile', trigger: 'instruction', params: { instruction: 'HEALTHCHECK', check: 'not_exists' } }]), noHealthcheck(), { tag: 'app:1' });
    const message = "Dockerfile directive 'HEALTHCHECK' not found, matching condition 'not_exists' check";
    expect(e.findings[0]!.message).toBe(message);
    expect(e.findings[0]!.trigger_id).toBe(createHash('md5').update(`dockerfileinstruction${message}`).digest('hex'));
    expect(md5TriggerId('a', 'b', 'c')).toBe('900150983cd24fb0d6963f7d28e17f72'); // md5('abc')
  });

  it('a trigger that throws is reported and fires with its rule action, never a silent GO', () => {
    const e = evaluatePolicy(bundleOf([{ gate: 'vulnerabilities', trigger: 'package', action: 'WARN', params: { package_type: 'all' } }]), context({ findings: null as never }), { tag: 'app:1' });
    expect(e.evaluation_problems[0]).toMatchObject({ severity: 'error', problem_type: 'trigger_evaluation_error' });
    expect(e.final_action).toBe('warn');
    expect(e.findings[0]!.message).toMatch(/^Trigger could not be evaluated: /);
  });

  it('renders the anchore-cli evaluate check --detail table', () => {
    const b = bundleOf([{ gate: 'dockerfile', trigger: 'instruction', action: 'WARN', params: { instruction: 'HEALTHCHECK', check: 'not_exists' } }, { gate: 'always', trigger: 'always' }], {
      whitelists: [{ id: 'wl', name: 'Global', version: '1_0', items: [{ id: 'a', gate: 'always', trigger_id: 'always' }] }],
    });
    b.mappings[0]!.allowlist_ids = ['wl'];
    expect(renderTable(evaluatePolicy(b, noHealthcheck(), { tag: 'app:1' }))).toBe(
      [
        'Gate         Trigger       Detail                                                                                Status',
        "dockerfile   instruction   Dockerfile directive 'HEALTHCHECK' not found, matching condition 'not_exists' check   warn",
        'always       always        Unconditional trigger match                                                           allowlisted(Global)',
        '',
      ].join('\n'),
    );
  });
});
