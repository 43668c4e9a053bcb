import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { ConfigurationError } from '../../common/errors.js';
import { createRecordingLogger } from '../../common/logger.js';
import { exitCodeOf, outcomeOfError } from '../../common/outcome.js';
import { buildBundle } from '../../policy/bundle.js';
import { bundleSchemaText } from '../../policy/schema.js';
import type { CliContext } from '../command.js';
import { runProgram } from '../program.js';

const TESTDATA = join(import.meta.dirname, '../../policy/testdata');

async function run(args: string[]): Promise<{ out: string; error?: unknown; warnings: string[] }> {
  let out = '';
  const logger = createRecordingLogger();
  const ctx: CliContext = { logger, out: (s) => void (out += s), stdin: Readable.from([]), env: {}, outcome: 'go' };
  try {
    await runProgram(args, ctx);
    return { out, warnings: logger.lines.filter((l) => l.level === 'warning').map((l) => l.message) };
  } catch (error) {
    return { out, error, warnings: logger.lines.filter((l) => l.level === 'warning').map((l) => l.message) };
  }
}

describe('portcullis policy', () => {
  it('validate: a valid bundle prints a summary', async () => {
    const r = await run(['policy', 'validate', join(TESTDATA, 'v2-valid.yaml')]);
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/v2-valid\.yaml: valid v2 bundle "Test v2 policy": 1 rule sets, 2 rules, 1 allowlists, 1 mappings\n$/);
  });

  it('validate: every problem with its JSON path, then exit 3', async () => {
    const file = join(TESTDATA, 'v1-invalid.json');
    const r = await run(['policy', 'validate', file]);
    expect(r.error).toBeInstanceOf(ConfigurationError);
    expect(exitCodeOf(outcomeOfError(r.error))).toBe(3);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe(`${file}: $.policies[0].rules[0].gate: unknown gate "nosuchgate"; known gates: always, dockerfile, files, ruby_gems, metadata, licenses, malware, npms, packages, passwd_file, retrieved_files, secret_scans, vulnerabilities, compliance`);
    const json = await run(['policy', 'validate', '--json', file]);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, format: null, problems: expect.arrayContaining([{ path: '$.mappings[1].whitelist_ids[0]', message: 'refers to whitelist "nowl", which is not in $.whitelists' }]) });
  });

  it('validate: an unreadable file is a configuration error', async () => {
    const r = await run(['policy', 'validate', '/nonexistent/bundle.json']);
    expect(r.error).toBeInstanceOf(ConfigurationError);
    expect((r.error as Error).message).toMatch(/^cannot read \/nonexistent\/bundle\.json/);
  });

  it('describe: all gates, one gate, one trigger, and unknown names', async () => {
    const all = (await run(['policy', 'describe'])).out;
    expect(all).toMatch(/^always: Triggers that fire unconditionally/);
    expect(all).toContain('vulnerabilities: CVE/Vulnerability checks.');
    const one = (await run(['policy', 'describe', 'passwd_file', 'denylist_usernames'])).out;
    expect(one).toContain('blacklist_usernames (also: denylist_usernames)');
    expect(one).toContain('user_names (string-list, required)');
    expect(one).toContain('aliases: usernameblacklist');
    const vuln = (await run(['policy', 'describe', 'vulnerabilities', 'package'])).out;
    expect(vuln).toContain('severity (enum, optional, default "unknown")\n        Severity to compare against.\n        allowed: unknown, negligible, low, medium, high, critical');
    expect((await run(['policy', 'describe', 'nope'])).error).toBeInstanceOf(ConfigurationError);
    expect(((await run(['policy', 'describe', 'files', 'nope'])).error as Error).message).toMatch(/unknown trigger "nope" for gate files; known triggers: content_regex_match, name_match/);
    const json = JSON.parse((await run(['policy', 'describe', '--json', 'always'])).out);
    expect(json).toEqual([{ name: 'always', description: expect.any(String), state: 'active', triggers: [expect.objectContaining({ name: 'always', parameters: [] })] }]);
  });

  it('template: prints a bundle with every trigger, as JSON or YAML, that loads', async () => {
    const json = JSON.parse((await run(['policy', 'template'])).out);
    expect(buildBundle(json).rule_sets[0]!.rules).toHaveLength(45);
    const yaml = loadYaml((await run(['policy', 'template', '--format', 'yaml'])).out);
    expect(yaml).toEqual(json);
    expect((await run(['policy', 'template', '--format', 'xml'])).error).toBeInstanceOf(ConfigurationError);
  });

  it('schema: prints the generated schema', async () => {
    expect((await run(['policy', 'schema'])).out).toBe(bundleSchemaText());
  });

  it('convert: writes the v1 bundle and warns about what it could not convert', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portcullis-convert-'));
    const out = join(dir, 'bundle.json');
    const r = await run(['policy', 'convert', join(TESTDATA, 'legacy/anchore_gate.policy'), '--whitelist', join(TESTDATA, 'legacy/anchore_global.whitelist'), '-o', out]);
    expect(r.error).toBeUndefined();
    const bundle = buildBundle(JSON.parse(await readFile(out, 'utf8')));
    expect(bundle.rule_sets[0]!.rules).toHaveLength(18);
    expect(r.warnings).toContain('line 7: not converted: PKGDIFF:PKGADD:WARN: compares packages with the base image; no modern gate does');
    expect(r.warnings.filter((w) => w.includes('not converted'))).toHaveLength(8);
  });
});
