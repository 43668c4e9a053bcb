import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { ConfigurationError, getErrorMessage } from '../common/errors.js';
import type { Finding } from '../model/finding.js';

/**
 * `.portcullis-ignore.yaml`:
 *
 * ```yaml
 * ignore:
 *   - id: CVE-2023-1234          # a vulnerability id or alias, or a glob (`CVE-2023-*`, `GHSA-????-*`)
 *     package: lodash            # optional: a package name, or a purl (`pkg:npm/lodash`, with `@version` to pin one)
 *     reason: not reachable      # required
 *     expires: 2025-06-30        # optional: the entry stops applying after this day (UTC)
 * ```
 * A top-level list is accepted too.
 */
export interface IgnoreRule {
  id: string;
  package?: string;
  reason: string;
  expires?: string;
  /** 1-based position in the file, for messages. */
  index: number;
}

export interface IgnoreOutcome {
  kept: Finding[];
  ignored: { finding: Finding; rule: IgnoreRule }[];
  /** Entries past their `expires` date: they no longer apply. */
  expired: IgnoreRule[];
  /** Entries in force that matched no finding. */
  unused: IgnoreRule[];
}

export function parseIgnoreFile(text: string, where = '.portcullis-ignore.yaml'): IgnoreRule[] {
  let doc: unknown;
  try {
    doc = loadYaml(text);
  } catch (error) {
    throw new ConfigurationError(`${where}: not valid YAML (${getErrorMessage(error).split('\n')[0]})`);
  }
  if (doc === undefined || doc === null) return [];
  const list = Array.isArray(doc) ? doc : (doc as Record<string, unknown>).ignore ?? (doc as Record<string, unknown>).ignores;
  if (!Array.isArray(list)) throw new ConfigurationError(`${where}: expected a list under "ignore"`);
  return list.map((raw, i) => {
    const at = `${where}: entry ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) throw new ConfigurationError(`${at} is not a mapping`);
    const r = raw as Record<string, unknown>;
    const id = r.id ?? r.vulnerability;
    if (typeof id !== 'string' || id.trim() === '') throw new ConfigurationError(`${at} has no "id"`);
    if (typeof r.reason !== 'string' || r.reason.trim() === '') throw new ConfigurationError(`${at} (${id}) has no "reason"`);
    const pkg = r.package ?? r.purl;
    if (pkg !== undefined && typeof pkg !== 'string') throw new ConfigurationError(`${at} (${id}): "package" must be a name or a purl`);
    let expires: string | undefined;
    if (r.expires !== undefined) {
      // YAML reads an unquoted date as a Date.
      const d = r.expires instanceof Date ? r.expires : typeof r.expires === 'string' ? new Date(r.expires) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw new ConfigurationError(`${at} (${id}): "expires" is not a date (YYYY-MM-DD)`);
      expires = r.expires instanceof Date ? d.toISOString().slice(0, 10) : String(r.expires);
    }
    return { id: id.trim(), ...(pkg ? { package: pkg.trim() } : {}), reason: r.reason.trim(), ...(expires ? { expires } : {}), index: i + 1 };
  });
}

export function loadIgnoreFile(path: string): IgnoreRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read ignore file ${path}: ${getErrorMessage(error)}`);
  }
  return parseIgnoreFile(text, path);
}

/** `*` any run, `?` one character; everything else literal; case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** True when an entry's date has passed: a date-only `expires` lasts through that whole day (UTC). */
export function isExpired(rule: Pick<IgnoreRule, 'expires'>, now: Date): boolean {
  if (!rule.expires) return false;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(rule.expires);
  const end = dateOnly ? Date.parse(`${rule.expires}T23:59:59.999Z`) : Date.parse(rule.expires);
  return now.getTime() > end;
}

/** Whether a rule's `package` (name or purl) names the finding's package. */
export function packageMatches(spec: string, finding: Pick<Finding, 'packageName' | 'purl' | 'installedVersion'>): boolean {
  if (!spec.startsWith('pkg:')) return spec === finding.packageName;
  if (!finding.purl) return false;
  const want = splitPurl(spec);
  const have = splitPurl(finding.purl);
  if (want.base.toLowerCase() !== have.base.toLowerCase()) return false;
  if (want.version !== undefined && want.version !== have.version) return false;
  return true;
}

/** `pkg:type/ns/name@version?q#s` → base `pkg:type/ns/name` and the decoded version. */
export function splitPurl(p: string): { base: string; version?: string } {
  const noSub = p.split('#', 1)[0]!.split('?', 1)[0]!;
  const at = noSub.lastIndexOf('@');
  const slash = noSub.lastIndexOf('/');
  if (at > slash) return { base: noSub.slice(0, at), version: decodeURIComponent(noSub.slice(at + 1)) };
  return { base: noSub };
}

export function applyIgnores(findings: readonly Finding[], rules: readonly IgnoreRule[], now: Date = new Date()): IgnoreOutcome {
  const active = rules.filter((r) => !isExpired(r, now));
  const expired = rules.filter((r) => isExpired(r, now));
  const patterns = new Map(active.map((r) => [r, globToRegExp(r.id)]));
  const used = new Set<IgnoreRule>();
  const kept: Finding[] = [];
  const ignored: IgnoreOutcome['ignored'] = [];
  for (const f of findings) {
    const ids = [f.id, ...f.aliases];
    const rule = active.find((r) => ids.some((id) => patterns.get(r)!.test(id)) && (!r.package || packageMatches(r.package, f)));
    if (rule) {
      used.add(rule);
      ignored.push({ finding: f, rule });
    } else kept.push(f);
  }
  return { kept, ignored, expired, unused: active.filter((r) => !used.has(r)) };
}
