import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { dump as dumpYaml } from 'js-yaml';
import type { CliCommand, CliContext } from '../command.js';
import { ConfigurationError } from '../../common/errors.js';
import { buildBundle, checkBundle, parseDocument, PolicyValidationError } from '../../policy/bundle.js';
import { assertLegacyPolicy, convertLegacyPolicy } from '../../policy/convert.js';
import { describePolicy, policySpec, templateBundle } from '../../policy/describe.js';
import { bundleSchemaText } from '../../policy/schema.js';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

function serialise(doc: unknown, format: string): string {
  if (format === 'yaml') return dumpYaml(doc, { lineWidth: 160, noRefs: true });
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  throw new ConfigurationError(`--format must be json or yaml, got ${JSON.stringify(format)}`);
}

/** `portcullis policy validate|describe|template|schema|convert`. */
export const policyCommand: CliCommand = {
  id: 'policy',
  register(program: Command, ctx: CliContext) {
    const policy = program.command('policy').description('check, explain and write Anchore-compatible policy bundles (v1 "1_0" or Enterprise v2, JSON or YAML)');

    policy
      .command('validate')
      .description('check a bundle; every problem is listed with its JSON path (exit 3 when there are any)')
      .argument('<file>', 'the bundle, JSON or YAML')
      .option('--json', 'print the problems as JSON')
      .action(async (file: string, opts: { json?: boolean }) => {
        const doc = parseDocument(await readText(file), file);
        const { bundle, problems } = checkBundle(doc);
        if (opts.json) ctx.out(`${JSON.stringify({ file, valid: problems.length === 0, format: bundle?.format ?? null, problems }, null, 2)}\n`);
        if (problems.length > 0 || !bundle) {
          if (!opts.json) ctx.out(problems.map((p) => `${file}: ${p.path}: ${p.message}\n`).join(''));
          throw new PolicyValidationError(file, problems);
        }
        if (!opts.json) {
          const rules = bundle.rule_sets.reduce((n, r) => n + r.rules.length, 0);
          ctx.out(`${file}: valid ${bundle.format} bundle "${bundle.name}": ${bundle.rule_sets.length} ${bundle.format === 'v1' ? 'policies' : 'rule sets'}, ${rules} rules, ${bundle.allowlists.length} ${bundle.format === 'v1' ? 'whitelists' : 'allowlists'}, ${bundle.mappings.length} mappings\n`);
        }
      });

    policy
      .command('describe')
      .description('describe the gates, their triggers and params (types, allowed values, defaults)')
      .argument('[gate]', 'a gate name')
      .argument('[trigger]', 'a trigger of that gate')
      .option('--json', "print the spec as JSON (the shape of Anchore's /system/policy_spec)")
      .action((gate: string | undefined, trigger: string | undefined, opts: { json?: boolean }) => {
        if (opts.json) {
          const spec = policySpec() as { name: string; triggers: { name: string; aliases?: string[] }[] }[];
          describePolicy(gate, trigger); // validates the names
          const g = gate ? spec.filter((s) => s.name === gate.toLowerCase() || (gate.toLowerCase() === 'gems' && s.name === 'ruby_gems')) : spec;
          const out = trigger ? g.map((s) => ({ ...s, triggers: s.triggers.filter((t) => t.name === trigger.toLowerCase() || t.aliases?.includes(trigger.toLowerCase())) })) : g;
          ctx.out(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        ctx.out(describePolicy(gate, trigger));
      });

    policy
      .command('template')
      .description('print a bundle that shows every gate, trigger and param')
      .option('--format <format>', 'json or yaml', 'json')
      .action((opts: { format: string }) => {
        ctx.out(serialise(templateBundle(), opts.format));
      });

    policy
      .command('schema')
      .description('print the JSON Schema of policy bundles (generated from the gate definitions)')
      .action(() => {
        ctx.out(bundleSchemaText());
      });

    policy
      .command('convert')
      .description('convert an Anchore 1.x policy file (GATE:TRIGGER:ACTION[:PARAMS] lines) and whitelist into a v1 bundle')
      .argument('<file>', 'the 1.x policy file (e.g. anchore_gate.policy)')
      .option('--whitelist <file>', 'the 1.x whitelist file ("GATE TRIGGER_ID" per line)')
      .option('--format <format>', 'json or yaml', 'json')
      .option('-o, --output <file>', 'write the bundle to a file instead of standard output')
      .action(async (file: string, opts: { whitelist?: string; format: string; output?: string }) => {
        const text = await readText(file);
        assertLegacyPolicy(text, file);
        const result = convertLegacyPolicy(text, opts.whitelist ? await readText(opts.whitelist) : undefined);
        buildBundle(result.bundle, `${file} (converted)`); // the converted bundle must load
        for (const u of result.unconverted) ctx.logger.warning(`${u.line > 0 ? `line ${u.line}: ` : ''}not converted: ${u.text}: ${u.reason}`);
        for (const n of result.notes) ctx.logger.warning(n);
        const body = serialise(result.bundle, opts.format);
        if (opts.output) await writeFile(opts.output, body);
        else ctx.out(body);
      });
  },
};
