/**
 * What makes a finding or a policy trigger "the same" in two scans: the keys the delta matches on. Pure functions.
 *
 * - A finding: (package type, package name, installed version, vulnerability id), under every id it has (its id and
 *   its aliases), so a baseline that named it by its CVE matches a scan that names it by a GHSA, and back.
 * - A trigger: gate, trigger and trigger id. Anchore's default trigger id is md5(gate + trigger + message); the
 *   message is stable for every gate but `metadata`, whose message quotes the image's measured value (its size, its
 *   layer count), and the evaluation-error triggers, whose message quotes the error: those fire at most once per rule,
 *   so they are keyed by gate, trigger and rule id instead. A vulnerabilities-gate id `<vulnerability>+<package>` is
 *   matched under every id of the finding it is about (a GHSA now, a CVE in the baseline).
 */

import type { Finding, ImageMetadata, PolicyFindingRecord } from '../model/index.js';
import { triggerPackageName, vulnerabilityTriggerId } from '../policy/gates/vulnerabilities/vulnerabilities.js';

const MD5_ID = /^[0-9a-f]{32}$/;
/** Gates whose default-id message carries a value measured on the image, not a fact about it. */
const MEASURED_MESSAGE_GATES = new Set(['metadata']);
const EVALUATION_ERROR = 'Trigger could not be evaluated:';

/** Every key a finding matches under: one per vulnerability id it has. */
export function findingKeys(f: Finding): string[] {
  const pkg = `${f.packageType}\u0000${f.packageName}\u0000${f.installedVersion}`;
  return [...new Set([f.id, ...f.aliases])].map((id) => `${pkg}\u0000${id.toUpperCase()}`);
}

/** The trigger ids a vulnerabilities-gate trigger about this finding may carry (its id or an alias, with the package). */
export function triggerIdsOfFinding(f: Finding): string[] {
  const pkg = triggerPackageName(f);
  return [...new Set([vulnerabilityTriggerId(f), ...[f.id, ...f.aliases].map((id) => `${id}+${pkg}`)])];
}

/** The findings of a report by the trigger ids that can be about them. */
export function findingsByTriggerId(findings: readonly Finding[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of findings) for (const id of triggerIdsOfFinding(f)) if (!out.has(id)) out.set(id, f);
  return out;
}

/**
 * The one stable identity of a trigger (no alias expansion): `gate/trigger/trigger_id`, or `gate/trigger/rule:<id>`
 * where the default id hashes a measured value or an error.
 */
export function triggerIdentity(p: PolicyFindingRecord): string {
  return `${p.gate.toLowerCase()}/${p.trigger.toLowerCase()}/${stableTriggerId(p)}`;
}

/** The trigger id, or `rule:<rule id>` where the default id hashes a measured value or an error message. */
export function stableTriggerId(p: PolicyFindingRecord): string {
  if (MD5_ID.test(p.trigger_id) && (MEASURED_MESSAGE_GATES.has(p.gate.toLowerCase()) || p.message.startsWith(EVALUATION_ERROR))) return `rule:${p.rule_id}`;
  return p.trigger_id;
}

/** Every key a trigger matches under: its identity, and for a vulnerabilities trigger the same under each id of its finding. */
export function triggerKeys(p: PolicyFindingRecord, byTriggerId: ReadonlyMap<string, Finding>): string[] {
  const identity = triggerIdentity(p);
  const plus = p.trigger_id.indexOf('+');
  if (p.gate.toLowerCase() !== 'vulnerabilities' || plus <= 0) return [identity];
  const f = byTriggerId.get(p.trigger_id);
  if (!f) return [identity];
  const base = `${p.gate.toLowerCase()}/${p.trigger.toLowerCase()}`;
  const pkg = p.trigger_id.slice(plus + 1);
  return [...new Set([identity, ...[f.id, ...f.aliases].map((id) => `${base}/${id}+${pkg}`)])];
}

const SCHEME = /^(oci-dir|oci-archive|docker-archive|tarball|dir|sbom|registry|docker):/;
const PATH_SCHEMES = new Set(['oci-dir', 'oci-archive', 'docker-archive', 'tarball', 'dir', 'sbom']);

/** `ghcr.io/o/app:1.2@sha256:…` → `ghcr.io/o/app`; Docker Hub's implied parts dropped (`docker.io/library/x` → `x`). */
export function repositoryOfName(name: string): string {
  const noDigest = name.replace(/@sha256:[0-9a-f]+$/i, '');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '').toLowerCase();
}

/**
 * The names an image's repository goes by: its tags' repositories, and one from the reference the user gave (for a
 * file, the scheme and the file's base name, so that the same build output in another workspace is the same).
 * An SBOM that names no image has none.
 */
export function repositoryNames(image: Pick<ImageMetadata, 'reference' | 'repoTags'>): string[] {
  const names = new Set(image.repoTags.map(repositoryOfName));
  const m = SCHEME.exec(image.reference);
  const rest = m ? image.reference.slice(m[0].length) : image.reference;
  if (m && PATH_SCHEMES.has(m[1]!)) {
    if (m[1] !== 'sbom') {
      const path = rest.split(':')[0]!.replace(/\/+$/, '');
      const base = path.split('/').pop();
      if (base) names.add(`${m[1]}:${base}`);
    }
  } else if (rest) {
    names.add(repositoryOfName(rest));
  }
  return [...names];
}
