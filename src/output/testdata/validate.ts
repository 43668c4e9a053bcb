/** Schema validation of rendered outputs against ../shared/schemas (read at test time, never copied). */

import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { sharedPath } from '../../../test/helpers/shared.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
// ajv-draft-04 likewise.
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as typeof Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: unknown) => void;

const load = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(sharedPath('schemas', rel), 'utf8')) as Record<string, unknown>;

export type SchemaName = 'sarif' | 'gitlab' | 'cyclonedx-1.6' | 'spdx-2.3';

const cache = new Map<SchemaName, ValidateFunction>();

function compile(name: SchemaName): ValidateFunction {
  if (name === 'sarif') {
    // The schema's `language` pattern is not valid with the u flag.
    const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(load('sarif/sarif-2.1.0-rtm.5.json'));
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // ajv-formats has no iri-reference (CycloneDX); an IRI reference holds no whitespace.
  ajv.addFormat('iri-reference', /^\S*$/u);
  if (name === 'cyclonedx-1.6') {
    // bom-1.6 refers to its neighbours by file name, relative to its own $id.
    for (const f of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json', 'cryptography-defs.SNAPSHOT.schema.json']) {
      ajv.addSchema({ ...load(`cyclonedx/${f}`), $id: `http://cyclonedx.org/schema/${f}` });
    }
    return ajv.compile(load('cyclonedx/bom-1.6.SNAPSHOT.schema.json'));
  }
  if (name === 'gitlab') return ajv.compile(load('gitlab/container-scanning-report-format-15.0.7.json'));
  return ajv.compile(load('spdx/spdx-2.3-schema.json'));
}

/** The schema errors of a document, as readable lines (empty when valid). */
export function schemaErrors(name: SchemaName, doc: unknown): string[] {
  let v = cache.get(name);
  if (!v) {
    v = compile(name);
    cache.set(name, v);
  }
  if (v(doc)) return [];
  return (v.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
