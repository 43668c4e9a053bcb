/**
 * dpkg's status database (`/var/lib/dpkg/status`, and one file per package in distroless `status.d/`):
 * blank-line-separated stanzas of `Field: value` lines, continued by lines that start with a space or a tab.
 */
import { providerIndex } from '../distro/os-package.js';

export interface DpkgRecord {
  name: string;
  /** Empty when the stanza has no Version (as syft does). */
  version: string;
  arch?: string;
  /** The `Source:` name, when the field is present. */
  sourceName?: string;
  /** The `(version)` after the source name, when present. */
  sourceVersion?: string;
  /** The Status field; absent in distroless `status.d` files. */
  status?: string;
  maintainer?: string;
  /** In KiB. */
  installedSize?: number;
  multiArch?: string;
  description?: string;
  depends: string[];
  preDepends: string[];
  provides: string[];
  /** Conffile paths from the stanza's `Conffiles:` field. */
  conffiles: string[];
}

export interface DpkgParseResult {
  records: DpkgRecord[];
  errors: string[];
}

export function parseDpkgStatus(text: string): DpkgParseResult {
  const records: DpkgRecord[] = [];
  const errors: string[] = [];
  let fields = new Map<string, string>();
  let lastKey: string | undefined;
  let broken = false;
  let start = 1;
  const finish = (): void => {
    if (fields.size > 0 && !broken) {
      const record = toRecord(fields);
      if (record) records.push(record);
    }
    fields = new Map();
    lastKey = undefined;
    broken = false;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') {
      finish();
      start = i + 2;
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lastKey === undefined) {
        if (!broken) errors.push(`line ${i + 1}: a continuation line with no field before it`);
        broken = true;
        continue;
      }
      fields.set(lastKey, `${fields.get(lastKey)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
      if (!broken) errors.push(`stanza at line ${start}: line ${i + 1} is not a "Field: value" line: ${JSON.stringify(line.slice(0, 60))}`);
      broken = true;
      continue;
    }
    lastKey = line.slice(0, colon).toLowerCase();
    fields.set(lastKey, line.slice(colon + 1).trim());
  }
  finish();
  return { records, errors };
}

function toRecord(f: Map<string, string>): DpkgRecord | undefined {
  const name = f.get('package')?.trim();
  if (!name) return undefined; // an empty `Package:` stanza is skipped
  const r: DpkgRecord = {
    name,
    version: f.get('version')?.trim() ?? '',
    depends: splitRelations(f.get('depends')),
    preDepends: splitRelations(f.get('pre-depends')),
    provides: splitRelations(f.get('provides')),
    conffiles: (f.get('conffiles') ?? '')
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .filter((p) => p.startsWith('/')),
  };
  const arch = f.get('architecture')?.trim();
  if (arch) r.arch = arch;
  const source = f.get('source')?.trim();
  if (source) {
    const m = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(source);
    if (m) {
      r.sourceName = m[1]!;
      if (m[2]) r.sourceVersion = m[2].trim();
    }
  }
  const status = f.get('status');
  if (status !== undefined) r.status = status.trim();
  const maintainer = f.get('maintainer');
  if (maintainer) r.maintainer = maintainer;
  const size = parseInstalledSize(f.get('installed-size'));
  if (size !== undefined) r.installedSize = size;
  const multiArch = f.get('multi-arch');
  if (multiArch) r.multiArch = multiArch;
  const description = f.get('description');
  if (description) r.description = description;
  return r;
}

/** `Installed-Size` is KiB; a unit suffix (`4KB`, `4 KiB`, `2MB`) is accepted, an unknown unit is not. */
export function parseInstalledSize(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const bytesPer: Record<string, number> = { '': 1024, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };
  const mult = bytesPer[unit];
  if (mult === undefined) return undefined;
  return Math.round((n * mult) / 1024);
}

/** `a (>= 1), b | c:any` → [`a (>= 1)`, `b | c:any`]: one entry per relation, alternatives kept together. */
function splitRelations(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/\n/g, ' ')
    .split(',')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Installed means the Status' third word is `installed`; distroless `status.d` stanzas have no Status at all. */
export function isInstalled(record: DpkgRecord): boolean {
  if (record.status === undefined) return true;
  return record.status.split(/\s+/)[2] === 'installed';
}

/**
 * Resolves Depends and Pre-Depends to the installed packages that satisfy them, by name or through a Provides
 * virtual name. Every installed alternative of `a | b` counts. Returns, per package name, the names it depends on.
 */
export function resolveDpkgDependencies(records: readonly DpkgRecord[]): Map<string, string[]> {
  const providers = providerIndex(records, (r) => r.name, (r) => r.provides.map(relationName));
  const out = new Map<string, string[]>();
  for (const r of records) {
    const deps = new Set(out.get(r.name) ?? []);
    for (const relation of [...r.preDepends, ...r.depends]) {
      for (const alt of relation.split('|')) {
        for (const name of providers.get(relationName(alt)) ?? []) if (name !== r.name) deps.add(name);
      }
    }
    out.set(r.name, [...deps].sort());
  }
  return out;
}

function relationName(relation: string): string {
  const name = relation.trim().split(/[\s(]/)[0] ?? '';
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}
