/**
 * The apk `installed` database: blank-line-separated stanzas of `X:value` lines (P name, V version, o origin,
 * A arch, L license, D depends, p provides, F directory, R file in the last F directory, and more).
 */
import { providerIndex } from '../distro/os-package.js';

export interface ApkRecord {
  name: string;
  version: string;
  origin?: string;
  arch?: string;
  /** The raw `L:` value. */
  license?: string;
  description?: string;
  url?: string;
  maintainer?: string;
  size?: number;
  installedSize?: number;
  checksum?: string;
  commit?: string;
  buildTime?: number;
  depends: string[];
  provides: string[];
  /** Owned files, absolute. */
  files: string[];
}

export interface ApkParseResult {
  records: ApkRecord[];
  /** Problems: a line that is not `X:value`, a stanza without `P:`. */
  errors: string[];
}

export function parseApkDb(text: string): ApkParseResult {
  const records: ApkRecord[] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  let current: ApkRecord | undefined;
  let stanzaStart = 0;
  let stanzaHasFields = false;
  let dir = '';
  const finish = (): void => {
    if (current) records.push(current);
    else if (stanzaHasFields) errors.push(`stanza at line ${stanzaStart} has no P: (name) field`);
    current = undefined;
    stanzaHasFields = false;
    dir = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') {
      finish();
      continue;
    }
    if (!stanzaHasFields && !current) stanzaStart = i + 1;
    if (line.length < 2 || line[1] !== ':' || !/[A-Za-z]/.test(line[0]!)) {
      errors.push(`line ${i + 1} is not a "X:value" field: ${JSON.stringify(line.slice(0, 60))}`);
      continue;
    }
    const key = line[0]!;
    const value = line.slice(2);
    stanzaHasFields = true;
    if (key === 'P') {
      if (current && current.name === '') {
        current.name = value; // fields before P: (C: often comes first) belong to this record
        continue;
      }
      if (current) {
        // A new P: without a blank line: the previous stanza ends here.
        records.push(current);
        dir = '';
      }
      current = { name: value, version: '', depends: [], provides: [], files: [] };
      continue;
    }
    if (!current) {
      current = { name: '', version: '', depends: [], provides: [], files: [] };
    }
    applyField(current, key, value, () => dir, (d) => (dir = d));
  }
  finish();
  const named = records.filter((r) => {
    if (r.name !== '') return true;
    errors.push('stanza has no P: (name) field');
    return false;
  });
  return { records: named, errors };
}

function applyField(r: ApkRecord, key: string, value: string, getDir: () => string, setDir: (d: string) => void): void {
  switch (key) {
    case 'V':
      r.version = value;
      break;
    case 'o':
      if (value) r.origin = value;
      break;
    case 'A':
      if (value) r.arch = value;
      break;
    case 'L':
      if (value) r.license = value;
      break;
    case 'T':
      r.description = value;
      break;
    case 'U':
      r.url = value;
      break;
    case 'm':
      r.maintainer = value;
      break;
    case 'S':
      r.size = toInt(value);
      break;
    case 'I':
      r.installedSize = toInt(value);
      break;
    case 'C':
      r.checksum = value;
      break;
    case 'c':
      r.commit = value;
      break;
    case 't':
      r.buildTime = toInt(value);
      break;
    case 'D':
      r.depends = splitWords(value);
      break;
    case 'p':
      r.provides = splitWords(value);
      break;
    case 'F':
      setDir(value);
      break;
    case 'R': {
      const dir = getDir();
      r.files.push(dir ? `/${dir}/${value}` : `/${value}`);
      break;
    }
    default:
      // a:, M:, Z:, r:, i:, k:, q:, s:, … are tolerated and not kept.
      break;
  }
}

/**
 * `L:` is a list of licences separated by spaces in older databases (`MIT BSD GPL2+`), and an SPDX expression in
 * newer ones (`MPL-2.0 AND MIT`). An expression stays whole; a list is split.
 */
export function apkLicenses(raw: string | undefined): string[] {
  if (!raw) return [];
  const words = splitWords(raw);
  if (words.some((w) => /^(AND|OR|WITH)$/i.test(w) || w.includes('('))) return [raw.trim()];
  return words;
}

function splitWords(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

function toInt(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Resolves each record's `D:` entries to the installed packages that satisfy them: by name, or by a `p:`
 * provide (`so:libc.musl-x86_64.so.1`, `/bin/sh`, `cmd:sh`). Conflicts (`!x`) are not dependencies.
 * Returns the names each package depends on, sorted.
 */
export function resolveApkDependencies(records: readonly ApkRecord[]): Map<string, string[]> {
  const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(stripConstraint));
  const out = new Map<string, string[]>();
  for (const r of records) {
    const deps = new Set<string>();
    for (const d of r.depends) {
      if (d.startsWith('!')) continue;
      for (const name of providers.get(stripConstraint(d)) ?? []) if (name !== r.name) deps.add(name);
    }
    out.set(r.name, [...deps].sort());
  }
  return out;
}

function stripConstraint(dep: string): string {
  const m = /^([^=<>~]+)/.exec(dep);
  return m ? m[1]! : dep;
}
