import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../test/helpers/shared.js';
import { GATES } from './gates/list.js';
import { bundleSchema, bundleSchemaText } from './schema.js';

describe('bundle JSON Schema', () => {
  it('the committed policies/schema/bundle.schema.json is the generated one (run `npx tsx scripts/gen-policy-schema.ts`)', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'policies/schema/bundle.schema.json'), 'utf8');
    expect(committed === bundleSchemaText(), 'policies/schema/bundle.schema.json drifted from the gate definitions: run `npx tsx scripts/gen-policy-schema.ts`').toBe(true);
  });

  it('has one rule schema per trigger, with its params, enums and required params', () => {
    const defs = (bundleSchema() as { definitions: Record<string, { anyOf: Record<string, unknown>[] }> }).definitions;
    const triggers = GATES.reduce((n, g) => n + g.triggers.length, 0);
    expect(defs.v1_rule!.anyOf).toHaveLength(triggers);
    const ports = defs.v2_rule!.anyOf.find((r) => r.title === 'dockerfile/exposed_ports') as { properties: { params: { items: { anyOf: { properties: { name: { enum: string[] }; value: Record<string, unknown> } }[] }; allOf: unknown[] } }; additionalProperties: boolean };
    expect(ports.additionalProperties).toBe(false);
    expect(ports.properties.params.items.anyOf.map((p) => p.properties.name.enum[0])).toEqual(['actual_dockerfile_only', 'ports', 'type']);
    expect(ports.properties.params.items.anyOf[2]!.properties.value.enum).toEqual(['whitelist', 'blacklist', 'allowlist', 'denylist']);
    expect(ports.properties.params.allOf).toHaveLength(2);
    const ports1 = new RegExp(ports.properties.params.items.anyOf[1]!.properties.value.pattern as string);
    expect(ports1.test('22, 8080')).toBe(true);
    expect(ports1.test('22,abc')).toBe(false);
  });
});
