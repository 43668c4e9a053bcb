/** Parsers for npm's package-lock.json (v1/v2/v3), yarn.lock (v1 and berry) and pnpm-lock.yaml (v5 to v9). */
import { loadAll } from 'js-yaml';
import { ImageError } from '../../common/errors.js';
import { parseJson } from '../../common/json.js';
import { isRecord, npmLicenses } from './package-json.js';

export interface LockEntry {
  name: string;
  version: string;
  licenses: string[];
}

export interface LockOptions {
  /** Report dev-only dependencies too (default false: they are not part of what ships). */
  includeDev?: boolean;
  /** The project's package.json beside the lockfile, used by yarn.lock to tell dev-only entries apart. */
  packageJson?: string;
}

// ---------------------------------------------------------------------------------------------- package-lock.json

export function parsePackageLock(text: string, options: LockOptions = {}): LockEntry[] {
  const doc = parseJson(text, { what: 'package-lock.json', errorClass: ImageError });
  if (!isRecord(doc)) throw new Error('package-lock.json is not a JSON object');
  const out = new EntrySet();
  if (isRecord(doc.packages)) {
    // lockfileVersion 2 and 3: a flat map from install path to entry; "" is the root project.
    for (const [key, raw] of Object.entries(doc.packages)) {
      if (!isRecord(raw)) continue;
      if (raw.dev === true && !options.includeDev) continue;
      if (raw.link === true) continue; // a workspace link; its target is listed under its own path
      const name = typeof raw.name === 'string' ? raw.name : key === '' ? '' : nameFromInstallPath(key);
      const version = typeof raw.version === 'string' ? raw.version : '';
      if (!name || !version) continue;
      const alias = parseAlias(version);
      out.add(alias?.name ?? name, alias?.version ?? version, npmLicenses(raw.license, raw.licenses));
    }
    return out.entries();
  }
  if (isRecord(doc.dependencies)) {
    // lockfileVersion 1: nested `dependencies`; the root project is not an entry.
    const walk = (deps: Record<string, unknown>): void => {
      for (const [name, raw] of Object.entries(deps)) {
        if (!isRecord(raw)) continue;
        if (raw.dev === true && !options.includeDev) continue;
        const version = typeof raw.version === 'string' ? raw.version : '';
        if (version) {
          const alias = parseAlias(version);
          out.add(alias?.name ?? name, alias?.version ?? version, []);
        }
        if (isRecord(raw.dependencies)) walk(raw.dependencies);
      }
    };
    walk(doc.dependencies);
    return out.entries();
  }
  return [];
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromInstallPath(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return i < 0 ? '' : key.slice(i + 'node_modules/'.length);
}

/** `npm:@scope/real@1.2.3` (an npm alias) → the real name and version. */
function parseAlias(version: string): { name: string; version: string } | undefined {
  if (!version.startsWith('npm:')) return undefined;
  const spec = version.slice(4);
  const at = spec.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

// ------------------------------------------------------------------------------------------------------ yarn.lock

interface YarnBlock {
  specs: string[];
  version: string;
  resolved?: string;
  dependencies: string[]; // as specs, `name@range`
}

export function parseYarnLock(text: string, options: LockOptions = {}): LockEntry[] {
  const berry = /^__metadata:/m.test(text);
  const blocks = berry ? berryBlocks(text) : yarnV1Blocks(text);
  const keep = options.includeDev ? undefined : prodClosure(blocks, options.packageJson, berry);
  const out = new EntrySet();
  for (const b of blocks) {
    if (keep && !keep.has(b)) continue;
    const name = (!berry && b.resolved && nameFromRegistryUrl(b.resolved)) || specName(b.specs[0] ?? '');
    if (name && b.version) out.add(name, b.version, []);
  }
  return out.entries();
}

function yarnV1Blocks(text: string): YarnBlock[] {
  const blocks: YarnBlock[] = [];
  let current: YarnBlock | undefined;
  let inDeps = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (indent === 0) {
      if (!body.endsWith(':')) throw new Error(`yarn.lock: unexpected line "${body.slice(0, 60)}"`);
      current = { specs: splitSpecs(body.slice(0, -1)), version: '', dependencies: [] };
      blocks.push(current);
      inDeps = false;
      continue;
    }
    if (!current) throw new Error(`yarn.lock: field outside an entry: "${body.slice(0, 60)}"`);
    if (indent === 2) {
      inDeps = body === 'dependencies:' || body === 'optionalDependencies:';
      const [key, value] = splitField(body);
      if (key === 'version') current.version = value;
      else if (key === 'resolved') current.resolved = value;
    } else if (inDeps) {
      const [key, value] = splitField(body);
      current.dependencies.push(`${key}@${value}`);
    }
  }
  return blocks;
}

function berryBlocks(text: string): YarnBlock[] {
  // `json: true` lets a duplicated key (seen in real lockfiles) override instead of failing.
  const docs = loadAll(text, null, { json: true });
  const doc = docs[0];
  if (!isRecord(doc)) throw new Error('yarn.lock is not a YAML mapping');
  const blocks: YarnBlock[] = [];
  for (const [key, raw] of Object.entries(doc)) {
    if (key === '__metadata' || !isRecord(raw)) continue;
    const deps = isRecord(raw.dependencies) ? raw.dependencies : {};
    blocks.push({
      specs: splitSpecs(key),
      version: scalarText(raw.version) ?? '',
      dependencies: Object.entries(deps).flatMap(([n, r]) => {
        const range = scalarText(r);
        if (range === undefined) return [];
        return [/^[a-z]+:/.test(range) ? `${n}@${range}` : `${n}@npm:${range}`];
      }),
    });
  }
  return blocks;
}

/** `"a@^1", a@~1.2` → [`a@^1`, `a@~1.2`]. */
function splitSpecs(header: string): string[] {
  return header
    .split(',')
    .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

function splitField(body: string): [string, string] {
  const m = /^("[^"]*"|\S+?):?\s+(.*)$/.exec(body);
  if (!m) return [body.replace(/:$/, ''), ''];
  return [m[1]!.replace(/^"(.*)"$/, '$1'), m[2]!.trim().replace(/^"(.*)"$/, '$1')];
}

/** `@scope/name@^1.0` → `@scope/name`. */
function specName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}

/** `https://registry.yarnpkg.com/@scope/name/-/name-1.0.0.tgz#sha` → `@scope/name`. */
function nameFromRegistryUrl(url: string): string | undefined {
  const i = url.indexOf('/-/');
  if (i < 0) return undefined;
  const segments = url.slice(0, i).split('/');
  const last = segments[segments.length - 1];
  const prev = segments[segments.length - 2];
  if (!last) return undefined;
  const scope = prev?.startsWith('@') ? decodeUriSegment(prev) : '';
  const name = decodeUriSegment(last);
  if (scope === undefined || name === undefined) return undefined;
  return scope ? `${scope}/${name}` : name;
}

/** decodeURIComponent, or undefined for a malformed escape (`%zz`): such a URL names no package. */
function decodeUriSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The blocks reachable from the project's non-dev dependencies, when a package.json beside the lockfile declares
 * devDependencies; undefined (keep everything) otherwise.
 */
function prodClosure(blocks: YarnBlock[], packageJson: string | undefined, berry: boolean): Set<YarnBlock> | undefined {
  if (!packageJson) return undefined;
  let manifest: unknown;
  try {
    manifest = parseJson(packageJson, { what: 'package.json', errorClass: ImageError });
  } catch {
    return undefined;
  }
  if (!isRecord(manifest) || !isRecord(manifest.devDependencies)) return undefined;
  const bySpec = new Map<string, YarnBlock>();
  for (const b of blocks) for (const s of b.specs) bySpec.set(s, b);
  const roots: string[] = [];
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = manifest[field];
    if (!isRecord(deps)) continue;
    for (const [n, r] of Object.entries(deps)) {
      const range = scalarText(r);
      if (range === undefined) continue;
      roots.push(berry && !/^[a-z]+:/.test(range) ? `${n}@npm:${range}` : `${n}@${range}`);
    }
  }
  const keep = new Set<YarnBlock>();
  // The workspace (root project) itself ships.
  for (const b of blocks) if (b.specs.some((s) => s.includes('@workspace:'))) keep.add(b);
  const queue = [...roots];
  while (queue.length > 0) {
    const b = bySpec.get(queue.pop()!);
    if (!b || keep.has(b)) continue;
    keep.add(b);
    queue.push(...b.dependencies);
  }
  return keep;
}

// ------------------------------------------------------------------------------------------------- pnpm-lock.yaml

export function parsePnpmLock(text: string, options: LockOptions = {}): LockEntry[] {
  const out = new EntrySet();
  let docs: unknown[];
  try {
    docs = loadAll(text);
  } catch (e) {
    throw new Error(`pnpm-lock.yaml is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  let sawLockfile = false;
  for (const doc of docs) {
    if (!isRecord(doc)) continue;
    if (doc.lockfileVersion === undefined) continue;
    sawLockfile = true;
    const major = Number.parseFloat(scalarText(doc.lockfileVersion) ?? '');
    // Direct dependencies of the project(s): v5 `dependencies: {name: version}`, v6 `{name: {version}}`, v9 importers.
    const importers: Record<string, unknown>[] = [doc];
    if (isRecord(doc.importers)) for (const imp of Object.values(doc.importers)) if (isRecord(imp)) importers.push(imp);
    for (const imp of importers) {
      // Dev dependencies are known from the `dev: true` flag of their `packages` entries (as syft reads them).
      for (const field of ['dependencies', 'optionalDependencies']) {
        const deps = imp[field];
        if (!isRecord(deps)) continue;
        for (const [name, raw] of Object.entries(deps)) {
          const v = isRecord(raw) ? raw.version : raw;
          if (typeof v !== 'string' && typeof v !== 'number') continue;
          const version = stripPeerSuffix(String(v), major);
          if (version.startsWith('link:') || version.startsWith('file:')) continue;
          out.add(name, version, []);
        }
      }
    }
    if (isRecord(doc.packages)) {
      for (const [key, raw] of Object.entries(doc.packages)) {
        if (isRecord(raw) && raw.dev === true && !options.includeDev) continue;
        const parsed = parsePnpmKey(key, major);
        if (!parsed) continue;
        const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : parsed.name;
        const version = isRecord(raw) && typeof raw.version === 'string' ? raw.version : parsed.version;
        out.add(name, version, []);
      }
    }
  }
  if (!sawLockfile) throw new Error('pnpm-lock.yaml has no lockfileVersion');
  return out.entries();
}

/** v5 `/name/1.0.0_peer@1`, v6 `/name@1.0.0(peer@1)`, v9 `name@1.0.0(peer@1)` → name and version. */
function parsePnpmKey(key: string, major: number): { name: string; version: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  if (major < 6 && !/^(@[^/]+\/)?[^/@]+@/.test(k)) {
    const slash = k.lastIndexOf('/');
    if (slash <= 0) return undefined;
    return { name: k.slice(0, slash), version: stripPeerSuffix(k.slice(slash + 1), major) };
  }
  k = k.replace(/\(.*$/, '');
  const at = k.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: k.slice(0, at), version: k.slice(at + 1) };
}

function stripPeerSuffix(version: string, major: number): string {
  const v = version.replace(/\(.*$/, '');
  return major < 6 ? v.replace(/_.*$/, '') : v;
}

// -------------------------------------------------------------------------------------------------------- helpers

/** A string or number as text; undefined for any other value (never stringified: it may be nested arbitrarily). */
function scalarText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

class EntrySet {
  readonly #map = new Map<string, LockEntry>();
  add(name: string, version: string, licenses: string[]): void {
    const key = `${name}@${version}`;
    const existing = this.#map.get(key);
    if (existing) {
      if (existing.licenses.length === 0) existing.licenses = licenses;
      return;
    }
    this.#map.set(key, { name, version, licenses });
  }
  entries(): LockEntry[] {
    return [...this.#map.values()];
  }
}
