import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { ConfigurationError, getErrorMessage } from '../../common/errors.js';
import { parseJson } from '../../common/json.js';
import { dataPath, sortedEntries } from '../local-files.js';
import { asOsvRecord, slimRecord, type OsvRecord } from '../osv.js';
import type { SkippedInput } from '../provider.js';
import { iterateJsonEntries, type JsonEntry } from '../zip.js';
import { isSecdbDocument, type SecdbDocument } from './secdb.js';

export interface LocalScan {
  root: string;
  osv: OsvRecord[];
  secdb: { doc: SecdbDocument; where: string }[];
  skipped: SkippedInput[];
}

/**
 * Reads a folder or a file for vulnerability data: OSV records (`.json` files and zips of them, such as osv.dev's
 * `all.zip`) and Alpine secdb documents (`.json`, `.yaml`, `.yml`). In a folder holding an `all.zip`, the zip is
 * read and the `.json` files beside it are not (in the bucket layout they are the same records). Files that are
 * neither are skipped and listed; a corrupt zip or a path that does not exist is a ConfigurationError.
 */
export function scanLocal(path: string): LocalScan {
  const { root, isDir } = dataPath(path);
  const scan: LocalScan = { root, osv: [], secdb: [], skipped: [] };
  if (isDir) walk(root, scan);
  else readFile(root, scan, true);
  return scan;
}

function walk(dir: string, scan: LocalScan): void {
  const entries = sortedEntries(dir);
  const hasAllZip = entries.some((e) => e.isFile() && e.name === 'all.zip');
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, scan);
    else if (e.isFile()) {
      if (hasAllZip && e.name.endsWith('.json')) continue;
      readFile(full, scan, false);
    }
  }
}

function readFile(file: string, scan: LocalScan, explicit: boolean): void {
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) {
    // The central directory is read at the first step, so that a corrupt one is a ConfigurationError; the entries
    // then inflate one at a time (a bad entry is skipped and listed).
    const it = iterateJsonEntries(readFileSync(file), file);
    let step: IteratorResult<JsonEntry>;
    try {
      step = it.next();
    } catch (error) {
      throw new ConfigurationError(getErrorMessage(error), { cause: error });
    }
    for (; !step.done; step = it.next()) {
      const e = step.value;
      if (e.skipped !== undefined) scan.skipped.push({ where: `${file}!${e.name}`, reason: e.skipped });
      else addJson(e.text, `${file}!${e.name}`, scan);
    }
  } else if (lower.endsWith('.json')) {
    addJson(readFileSync(file, 'utf8'), file, scan);
  } else if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    let doc: unknown;
    try {
      doc = loadYaml(readFileSync(file, 'utf8'), { schema: FAILSAFE_SCHEMA });
    } catch (error) {
      scan.skipped.push({ where: file, reason: `unreadable YAML: ${getErrorMessage(error)}` });
      return;
    }
    if (isSecdbDocument(doc)) scan.secdb.push({ doc, where: file });
    else scan.skipped.push({ where: file, reason: 'not an Alpine secdb document' });
  } else if (explicit) {
    throw new ConfigurationError(`Not a vulnerability data file (expected .zip, .json, .yaml): ${file}`);
  }
}

function addJson(text: string, where: string, scan: LocalScan): void {
  let value: unknown;
  try {
    value = parseJson(text, { what: 'the record' });
  } catch (error) {
    scan.skipped.push({ where, reason: `unreadable JSON: ${getErrorMessage(error)}` });
    return;
  }
  if (isSecdbDocument(value)) {
    scan.secdb.push({ doc: value, where });
    return;
  }
  if (typeof value !== 'object' || value === null || !('id' in value)) {
    scan.skipped.push({ where, reason: 'not an OSV record' });
    return;
  }
  try {
    // Slimmed at once (the database drops `details` and `credits`): a large import does not hold the long texts.
    scan.osv.push(slimRecord(asOsvRecord(value, where)));
  } catch (error) {
    scan.skipped.push({ where, reason: getErrorMessage(error) });
  }
}
