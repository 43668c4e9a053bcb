/**
 * Builders for policy tests: synthetic images, packages, findings and contexts, and a one-rule evaluation that
 * goes through the real loader and evaluator. Used only by tests.
 */
import { mkdtemp, mkdir, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { viewFromDirectory } from '../image/directory.js';
import type { FileView } from '../image/file-view.js';
import type { Finding, ImageMetadata, Package } from '../model/index.js';
import { buildBundle } from './bundle.js';
import type { PolicyContext } from './context.js';
import { evaluatePolicy, type PolicyEvaluation } from './evaluate.js';
import type { PolicyBundle } from './model.js';
import { policyFileRequests } from './requests.js';

export const NOW = new Date('2025-06-01T00:00:00Z');

export function image(over: Partial<ImageMetadata> & { history?: string[]; cfg?: NonNullable<ImageMetadata['config']['config']> } = {}): ImageMetadata {
  const { history, cfg, ...rest } = over;
  return {
    reference: 'docker.io/library/app:1.0',
    source: 'test',
    configDigest: 'sha256:' + 'c'.repeat(64),
    manifestDigest: 'sha256:' + 'd'.repeat(64),
    platform: { os: 'linux', architecture: 'amd64' },
    layers: [
      { index: 0, digest: 'sha256:' + '1'.repeat(64), diffId: 'sha256:' + 'a'.repeat(64), mediaType: 'tar', size: 1000 },
      { index: 1, digest: 'sha256:' + '2'.repeat(64), diffId: 'sha256:' + 'b'.repeat(64), mediaType: 'tar', size: 2048 },
    ],
    config: {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      ...(history ? { history: history.map((created_by) => ({ created_by })) } : {}),
      ...(cfg ? { config: cfg } : {}),
    },
    repoTags: [],
    repoDigests: [],
    ...rest,
  };
}

export function pkg(name: string, version: string, over: Partial<Package> = {}): Package {
  const type = over.type ?? 'deb';
  return { id: `${type}:${name}@${version}`, type, name, version, purl: `pkg:${type}/${name}@${version}`, licenses: [], locations: [{ path: '/var/lib/dpkg/status' }], foundBy: 'test', ...over };
}

export function finding(id: string, packageName: string, over: Partial<Finding> = {}): Finding {
  return {
    id,
    aliases: [],
    packageId: `deb:${packageName}`,
    packageName,
    packageType: 'deb',
    installedVersion: '1.0-1',
    locations: [{ path: '/var/lib/dpkg/status' }],
    fix: { state: 'not-fixed', versions: [] },
    severity: 'Medium',
    cvss: [],
    nvdCvss: [],
    severitySource: 'none',
    references: [`https://security-tracker.debian.org/tracker/${id}`],
    dataSource: 'osv:Debian',
    matchedBy: 'test',
    ...over,
  };
}

export function context(over: Partial<PolicyContext> = {}): PolicyContext {
  return {
    image: image(),
    packages: [],
    findings: [],
    vulnData: { namespace: 'debian:12', distroDataAvailable: true, lastSync: new Date(NOW.getTime() - 3600_000) },
    now: NOW,
    ...over,
  };
}

/** A v1 bundle with one policy holding the given rules, mapped to every image. */
export function bundleOf(rules: { gate: string; trigger: string; action?: string; params?: Record<string, string>; id?: string }[], extra: Record<string, unknown> = {}): PolicyBundle {
  return buildBundle({
    id: 'b1',
    version: '1_0',
    name: 'test',
    policies: [
      {
        id: 'p1',
        version: '1_0',
        name: 'P',
        rules: rules.map((r, i) => ({ id: r.id ?? `r${i + 1}`, gate: r.gate, trigger: r.trigger, action: r.action ?? 'STOP', params: Object.entries(r.params ?? {}).map(([name, value]) => ({ name, value })) })),
      },
    ],
    whitelists: [],
    mappings: [{ id: 'm1', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p1'], whitelist_ids: [] }],
    ...extra,
  });
}

/** Evaluates one rule against a context. */
export function evalRule(gate: string, trigger: string, params: Record<string, string>, ctx: PolicyContext): PolicyEvaluation {
  return evaluatePolicy(bundleOf([{ gate, trigger, params }]), ctx, { tag: 'docker.io/library/app:1.0' });
}

/** Writes files into a temporary directory and returns its FileView, with the bundle's file requests served. */
export async function viewOf(files: Record<string, string | { content: string; mode: number }>, bundle?: PolicyBundle): Promise<FileView> {
  const root = await mkdtemp(join(tmpdir(), 'portcullis-policy-'));
  for (const [path, spec] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, typeof spec === 'string' ? spec : spec.content);
    if (typeof spec !== 'string') await chmod(full, spec.mode);
  }
  return viewFromDirectory(root, { requests: bundle ? policyFileRequests(bundle) : [] });
}
