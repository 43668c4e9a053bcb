// Writes policies/schema/bundle.schema.json from the gate definitions. Run: npx tsx scripts/gen-policy-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleSchemaText } from '../src/policy/schema.js';

const target = fileURLToPath(new URL('../policies/schema/bundle.schema.json', import.meta.url));
writeFileSync(target, bundleSchemaText());
process.stdout.write(`wrote ${target}\n`);
