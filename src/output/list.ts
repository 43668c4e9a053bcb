import { ConfigurationError } from '../common/errors.js';
import { Registry } from '../plugin/registry.js';
import type { OutputFormat } from './format.js';
import { cyclonedxFormat } from './formats/cyclonedx.js';
import { gitlabFormat } from './formats/gitlab.js';
import { jsonFormat } from './formats/json.js';
import { junitFormat } from './formats/junit.js';
import { markdownFormat } from './formats/markdown.js';
import { sarifFormat } from './formats/sarif.js';
import { spdxFormat } from './formats/spdx.js';
import { tableFormat } from './formats/table.js';

/** Every output format, in `--help` order. */
export const OUTPUT_FORMATS = new Registry<OutputFormat>(
  'output format',
  [
    tableFormat,
    jsonFormat,
    sarifFormat,
    markdownFormat,
    junitFormat,
    gitlabFormat,
    cyclonedxFormat,
    spdxFormat,
  ],
  (f) => f.aliases,
);

export interface OutputSpec {
  format: OutputFormat;
  /** Where to write it; standard output when absent. */
  path?: string;
}

/**
 * Parses repeated `--output FORMAT[=PATH]` values. An unknown format is a ConfigurationError naming the known ones;
 * so are an empty path, two outputs to the same file and more than one output to standard output.
 */
export function parseOutputSpecs(values: readonly string[], registry: Registry<OutputFormat> = OUTPUT_FORMATS): OutputSpec[] {
  const specs: OutputSpec[] = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = (eq < 0 ? value : value.slice(0, eq)).trim().toLowerCase();
    if (!name) throw new ConfigurationError(`--output "${value}" names no format; use FORMAT[=PATH] with one of: ${registry.ids().join(', ')}`);
    const format = registry.get(name);
    if (eq < 0) {
      specs.push({ format });
      continue;
    }
    const path = value.slice(eq + 1).trim();
    if (!path) throw new ConfigurationError(`--output "${value}" has an empty path; use ${name}=PATH, or ${name} alone for standard output`);
    specs.push({ format, path });
  }
  const toStdout = specs.filter((s) => s.path === undefined);
  if (toStdout.length > 1) {
    throw new ConfigurationError(`only one --output may go to standard output, got ${toStdout.map((s) => s.format.id).join(' and ')}; give the others a path (FORMAT=PATH)`);
  }
  const seen = new Map<string, string>();
  for (const s of specs) {
    if (s.path === undefined) continue;
    const other = seen.get(s.path);
    if (other) throw new ConfigurationError(`--output ${other} and ${s.format.id} both write ${s.path}`);
    seen.set(s.path, s.format.id);
  }
  return specs;
}
