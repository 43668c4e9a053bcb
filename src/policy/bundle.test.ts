import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { checkBundle, loadBundle, loadBundleFile, PolicyValidationError } from './bundle.js';

const td = (name: string) => join(import.meta.dirname, 'testdata', name);
const problemsOf = (name: string) => {
  const { problems } = checkBundle(JSON.parse(readFileSync(td(name), 'utf8')));
  return problems;
};

describe('loading v1 bundles', () => {
  it('normalises a v1 bundle into rule sets, allowlists and mappings', async () => {
    const b = await loadBundleFile(td('v1-valid.json'));
    expect(b.format).toBe('v1');
    expect(b.rule_sets.map((r) => r.id)).toEqual(['base', 'strict']);
    expect(b.allowlists[0]!.items.map((i) => i.gate)).toEqual(['vulnerabilities', 'vulnerabilities']);
    expect(b.allowlists[0]!.items[1]!.expires_on?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(b.mappings[0]!.rule_set_ids).toEqual(['strict', 'base']);
    // policy_id (legacy single id) and a missing whitelist_ids are accepted
    expect(b.mappings[1]!.rule_set_ids).toEqual(['base']);
    expect(b.mappings[1]!.allowlist_ids).toEqual([]);
    expect(b.denylisted_images).toHaveLength(1);
  });

  it('lower-cases gate, trigger and action names and parses params with their defaults', async () => {
    const b = await loadBundleFile(td('v1-valid.json'));
    const [port, hc, always] = b.rule_sets[0]!.rules;
    expect(port!.params).toEqual({ ports: [22], type: 'blacklist', actual_dockerfile_only: false });
    expect(hc!.action).toBe('warn');
    expect(always).toMatchObject({ gate: 'always', trigger: 'always', action: 'go', params: {} });
    const vuln = b.rule_sets[1]!.rules[0]!;
    expect(vuln.params).toMatchObject({ package_type: 'all', severity: 'high', severity_comparison: '>=', vendor_only: true });
  });

  it('accepts an exported bundle whose rules have no params list (Anchore would crash)', () => {
    const b = loadBundle(JSON.stringify({ id: 'x', version: '1_0', policies: [{ id: 'p', version: '1_0', rules: [{ id: 'r', gate: 'always', trigger: 'always', action: 'STOP' }] }], mappings: [] }));
    expect(b.rule_sets[0]!.rules[0]!.params).toEqual({});
  });
});

describe('loading Enterprise v2 policies', () => {
  it('loads YAML with v2 names and denylist trigger wording', () => {
    const b = loadBundle(readFileSync(td('v2-valid.yaml'), 'utf8'), 'v2-valid.yaml');
    expect(b.format).toBe('v2');
    expect(b.version).toBe('2_0');
    const [r1, r2] = b.rule_sets[0]!.rules;
    expect(r1).toMatchObject({ gate: 'vulnerabilities', trigger: 'blacklist', recommendation: 'Upgrade the package.' });
    expect(r1!.params.vulnerability_ids).toEqual(['CVE-2023-0001', 'CVE-2023-0002']);
    expect(r2).toMatchObject({ trigger: 'blacklist_usernames', params: { user_names: ['ftp'] } });
    expect(b.allowlisted_images[0]!.repository).toBe('trusted/*');
  });
});

describe('validation lists every problem with its JSON path', () => {
  it('v1: unknown gate/trigger/param, wrong types, missing values, bad dates, duplicates, missing refs', () => {
    const problems = problemsOf('v1-invalid.json');
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message);
    expect(at('$.policies[0].rules[0].gate')[0]).toMatch(/unknown gate "nosuchgate"; known gates: always, dockerfile/);
    expect(at('$.policies[0].rules[1].trigger')[0]).toMatch(/unknown trigger "nosuchtrigger" for gate dockerfile/);
    expect(at('$.policies[0].rules[2].params[0].value')[0]).toMatch(/param ports must be a comma-separated list of integers/);
    expect(at('$.policies[0].rules[2].params[2].name')[0]).toMatch(/unknown param "colour" for dockerfile\/exposed_ports/);
    expect(at('$.policies[0].rules[3].action')[0]).toMatch(/must be one of GO, WARN, STOP, got "BLOCK"/);
    expect(at('$.policies[0].rules[3].params')[0]).toMatch(/missing required param "package_type"/);
    expect(at('$.policies[0].rules[4].params')[0]).toMatch(/missing required param "regex" for files\/name_match/);
    expect(at('$.policies[0].rules[5].params[0].value')[0]).toMatch(/must be a string \(Anchore param values are strings\), got number 2/);
    expect(at('$.policies[0].rules[5].id')[0]).toMatch(/duplicate id "r5" \(first at \$\.policies\[0\]\.rules\[4\]\)/);
    expect(at('$.policies[0].rules[6].gate')[0]).toMatch(/End-of-Lifed.*"vulnerabilities" gate/);
    expect(at('$.policies[1].version')[0]).toMatch(/unsupported policy version "2_0"/);
    expect(at('$.policies[1].id')[0]).toMatch(/duplicate id "p1"/);
    expect(at('$.whitelists[0].items[0].expires_on')[0]).toMatch(/RFC 3339 date-time.*"tomorrow"/);
    expect(at('$.whitelists[0].items[1].trigger_id')[0]).toMatch(/invalid regular expression after "regexp:"/);
    expect(at('$.mappings[0]')[0]).toMatch(/both policy_id and policy_ids/);
    expect(at('$.mappings[1].image.type')[0]).toMatch(/"tag", "digest", "id", got "label"/);
    expect(at('$.mappings[1].policy_ids[0]')[0]).toMatch(/refers to policy "missing"/);
    expect(at('$.mappings[1].whitelist_ids[0]')[0]).toMatch(/refers to whitelist "nowl"/);
    expect(problems).toHaveLength(18);
  });

  it('v2: unknown keys anywhere and missing required keys are errors', () => {
    const problems = problemsOf('v2-invalid.json');
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.colour', message: expect.stringMatching(/unknown key "colour"/) },
        { path: '$.rule_sets[0].rules[0].severity', message: expect.stringMatching(/unknown key "severity"/) },
        { path: '$.rule_sets[0].rules[1]', message: 'missing required key "params"' },
        { path: '$.allowlists[0].items[0].why', message: expect.stringMatching(/unknown key "why"/) },
        { path: '$.mappings[0]', message: 'missing required key "allowlist_ids"' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('a bundle never half-loads: loading throws a ConfigurationError naming each path', () => {
    let error: unknown;
    try {
      loadBundle(readFileSync(td('v1-invalid.json'), 'utf8'), 'v1-invalid.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe('v1-invalid.json: invalid policy bundle: $.policies[0].rules[0].gate: unknown gate "nosuchgate"; known gates: always, dockerfile, files, ruby_gems, metadata, licenses, malware, npms, packages, passwd_file, retrieved_files, secret_scans, vulnerabilities, compliance (and 17 more problems)');
    expect(message).toContain('  $.mappings[1].policy_ids[0]: refers to policy "missing"');
  });

  it('rejects a document mixing the two formats, a non-object, and bad JSON or YAML', () => {
    expect(checkBundle({ id: 'x', policies: [], rule_sets: [] }).problems[0]!.message).toMatch(/mixes v1 keys/);
    expect(checkBundle([]).problems).toEqual([{ path: '$', message: 'a policy bundle must be an object, got a list' }]);
    expect(() => loadBundle('{"id": ', 'b.json')).toThrow(/b\.json is not valid JSON/);
    expect(() => loadBundle('id: [unclosed', 'b.yaml')).toThrow(/b\.yaml: not valid YAML/);
    expect(checkBundle({ id: 'x', version: '0_9', policies: [], mappings: [] }).problems[0]).toEqual({ path: '$.version', message: 'unsupported bundle version "0_9"; v1 bundles use "1_0"' });
  });

  it('checks cross-param rules and linked validators', () => {
    const rule = (gate: string, trigger: string, params: Record<string, string>) => ({
      id: 'x',
      version: '1_0',
      policies: [{ id: 'p', rules: [{ id: 'r', gate, trigger, action: 'STOP', params: Object.entries(params).map(([name, value]) => ({ name, value })) }] }],
      mappings: [],
    });
    // Anchore loads `check "="` without a value; the rule never fires (anchore-engine gates/dockerfile.py).
    expect(checkBundle(rule('dockerfile', 'instruction', { instruction: 'USER', check: '=' })).problems).toEqual([]);
    // Anchore rejects its own documented example `from`; Portcullis accepts any case.
    expect(checkBundle(rule('dockerfile', 'instruction', { instruction: 'from', check: 'exists' })).problems).toEqual([]);
    expect(checkBundle(rule('metadata', 'attribute', { attribute: 'size', check: '>', value: 'huge' })).problems[0]!.message).toMatch(/must be a size such as/);
    expect(checkBundle(rule('metadata', 'attribute', { attribute: 'size', check: '>', value: '10mb' })).problems).toEqual([]);
    expect(checkBundle(rule('passwd_file', 'blacklist_usernames', { usernameblacklist: 'ftp' })).problems).toEqual([]);
    // Anchore loads any content_regex_name (its all-rules test bundle has `test-regex`); it matches nothing.
    expect(checkBundle(rule('secret_scans', 'content_regex_checks', { content_regex_name: 'NOPE' })).problems).toEqual([]);
  });
});

describe('hostile bundles are refused with one line, never a crash (issue 16 §2, fuzz findings)', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  it('refuses JSON nested 10,000 levels deep', () => {
    const text = `{"id":"x","version":"1_0","policies":${deep(10_000)}}`;
    expect(() => loadBundle(text, 'deep.json')).toThrow(ConfigurationError);
    expect(() => loadBundle(text, 'deep.json')).toThrow(/deep\.json is nested too deeply \(more than 512 levels/);
  });
  it('refuses YAML nested 10,000 levels deep, in flow and in block style', () => {
    expect(() => loadBundle(`id: x\npolicies: ${deep(10_000)}\n`, 'deep.yaml')).toThrow(/deep\.yaml is nested too deeply/);
    const block = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(() => loadBundle(`id: x\npolicies:\n${block}\n`, 'block.yaml')).toThrow(/block\.yaml is nested too deeply/);
    expect(() => loadBundle(`id: x\npolicies:\n${'- '.repeat(1_000)}x\n`, 'seq.yaml')).toThrow(/seq\.yaml is nested too deeply/);
  });
  it('a v1 mapping that is not an object is a problem at its path, not a TypeError', () => {
    const text = JSON.stringify({ id: 'b', version: '1_0', policies: [{ id: 'p', version: '1_0', rules: [] }], mappings: [true] });
    let error: unknown;
    try {
      loadBundle(text, 'b.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    expect((error as Error).message).toMatch(/\$\.mappings\[0\]/);
  });
});
