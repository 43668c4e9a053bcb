import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeShared, PROJECT_ROOT, sharedPath } from '../../test/helpers/shared.js';
import { catalogRequests, runCatalogers, selectCatalogers } from '../catalog/run.js';
import { silentLogger } from '../common/logger.js';
import type { FileView } from '../image/file-view.js';
import { loadImage } from '../image/open.js';
import type { Distro, Package } from '../model/index.js';
import { buildBundle, loadBundleFile } from './bundle.js';
import type { PolicyContext } from './context.js';
import { templateBundle } from './describe.js';
import { evaluatePolicy, renderTable, type PolicyEvaluation } from './evaluate.js';
import type { PolicyBundle } from './model.js';
import { policyFileRequests } from './requests.js';

const POLICIES = join(PROJECT_ROOT, 'policies');
const NAMES = ['default', 'strict', 'dockerfile-best-practices', 'secrets', 'licenses'];

describe('bundled policies', () => {
  it('are exactly the documented set, each described in policies/README.md', () => {
    expect(readdirSync(POLICIES).filter((f) => f.endsWith('.json')).sort()).toEqual(NAMES.map((n) => `${n}.json`).sort());
    const readme = readFileSync(join(POLICIES, 'README.md'), 'utf8');
    for (const n of NAMES) expect(readme).toContain(`\`${n}.json\``);
  });

  it.each(NAMES)('%s validates', async (name) => {
    const b = await loadBundleFile(join(POLICIES, `${name}.json`));
    expect(b.rule_sets[0]!.rules.length).toBeGreaterThan(0);
  });

  it("default is Anchore Engine's default bundle: same ids, rules and params", async () => {
    const b = await loadBundleFile(join(POLICIES, 'default.json'));
    expect(b.id).toBe('2c53a13c-1765-11e8-82ef-23527761d060');
    expect(b.rule_sets[0]!.rules.map((r) => [r.id, r.gate, r.trigger, r.action, r.rawParams])).toEqual([
      ['ce7b8000-829b-4c27-8122-69cd59018400', 'dockerfile', 'exposed_ports', 'stop', { ports: '22', type: 'blacklist' }],
      ['312d9e41-1c05-4e2f-ad89-b7d34b0855bb', 'dockerfile', 'instruction', 'warn', { instruction: 'HEALTHCHECK', check: 'not_exists' }],
      ['6b5c14e7-a6f7-48cc-99d2-959273a2c6fa', 'vulnerabilities', 'stale_feed_data', 'warn', { max_days_since_sync: '2' }],
      ['3e79ea94-18c4-4d26-9e29-3b9172a62c2e', 'vulnerabilities', 'vulnerability_data_unavailable', 'warn', {}],
      ['6063fdde-b1c5-46af-973a-915739451ac4', 'vulnerabilities', 'package', 'warn', { package_type: 'all', severity_comparison: '=', severity: 'medium' }],
      ['b30e8abc-444f-45b1-8a37-55be1b8c8bb5', 'vulnerabilities', 'package', 'stop', { package_type: 'all', severity_comparison: '>', severity: 'medium' }],
      // Portcullis's own rule (issue 16): an unreadable package database WARNs.
      ['catalog-incomplete', 'packages', 'catalog_incomplete', 'warn', {}],
    ]);
  });

  it('the template shows every gate, trigger and param, and loads', () => {
    const b = buildBundle(templateBundle(), 'template');
    expect(b.rule_sets[0]!.rules).toHaveLength(45);
    expect(new Set(b.rule_sets[0]!.rules.map((r) => r.gate)).size).toBe(14);
  });
});

interface Scanned {
  view: FileView;
  packages: Package[];
  distro?: Distro;
}

async function scan(ref: string, bundles: PolicyBundle[]): Promise<Scanned> {
  const catalogers = selectCatalogers('image');
  const requests = [...catalogRequests(catalogers), ...bundles.flatMap(policyFileRequests)];
  const view = await loadImage(`oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:${ref}`, { env: {}, logger: silentLogger, requests });
  const cat = await runCatalogers(view, { catalogers, logger: silentLogger });
  return { view, packages: cat.packages, ...(cat.distro ? { distro: cat.distro } : {}) };
}

function ctxOf(s: Scanned): PolicyContext {
  return {
    image: s.view.metadata,
    files: s.view,
    packages: s.packages,
    findings: [],
    ...(s.distro ? { distro: s.distro } : {}),
    vulnData: { namespace: 'debian:12', distroDataAvailable: true, lastSync: new Date('2026-01-01T00:00:00Z') },
    now: new Date('2026-01-02T00:00:00Z'),
  };
}

function bundleFromRules(rules: { gate: string; trigger: string; params: Record<string, string> }[]): PolicyBundle {
  return buildBundle({
    id: 'b',
    version: '1_0',
    policies: [{ id: 'p', version: '1_0', rules: rules.map((r, i) => ({ id: `r${i}`, gate: r.gate, trigger: r.trigger, action: 'STOP', params: Object.entries(r.params).map(([name, value]) => ({ name, value })) })) }],
    whitelists: [],
    mappings: [{ id: 'm', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p'], whitelist_ids: [] }],
  });
}

const summary = (e: PolicyEvaluation) => e.findings.filter((f) => f.action !== 'go').map((f) => `${f.action} ${f.rule_id}`);

describeShared('bundled policies on the shared Debian images', () => {
  const bundles = new Map<string, PolicyBundle>();
  let app: Scanned;
  let dockerfileApp: Scanned;
  beforeAll(async () => {
    for (const n of NAMES) bundles.set(n, await loadBundleFile(join(POLICIES, `${n}.json`)));
    app = await scan('app', [...bundles.values()]);
    dockerfileApp = await scan('dockerfile-app-buildkit', [...bundles.values()]);
  });
  const run = (name: string, s: Scanned, tag: string) => evaluatePolicy(bundles.get(name)!, ctxOf(s), { tag });

  it('default: no HEALTHCHECK gives WARN on app; fresh data and no findings give nothing else', () => {
    const e = run('default', app, 'localhost/fixtures/app:latest');
    expect(e.final_action).toBe('warn');
    expect(summary(e)).toEqual(['warn 312d9e41-1c05-4e2f-ad89-b7d34b0855bb']);
    expect(renderTable(e)).toContain("dockerfile   instruction   Dockerfile directive 'HEALTHCHECK' not found, matching condition 'not_exists' check   warn");
  });

  it('default: stale or missing vulnerability data gives WARN', () => {
    const e = evaluatePolicy(bundles.get('default')!, { ...ctxOf(app), vulnData: { namespace: 'debian:12', distroDataAvailable: false } }, { tag: 'app:1' });
    expect(summary(e).sort()).toEqual(['warn 312d9e41-1c05-4e2f-ad89-b7d34b0855bb', 'warn 3e79ea94-18c4-4d26-9e29-3b9172a62c2e', 'warn 6b5c14e7-a6f7-48cc-99d2-959273a2c6fa']);
  });

  it('strict: the root user of app STOPs, the non-root dockerfile-app does not', () => {
    expect(summary(run('strict', app, 'app:1'))).toContain('stop root-user');
    const e = run('strict', dockerfileApp, 'app:1');
    expect(summary(e)).not.toContain('stop root-user');
    expect(e.findings.some((f) => f.rule_id === 'secrets')).toBe(false);
  });

  it('dockerfile-best-practices: checks the guessed Dockerfile and the image files', () => {
    const e = run('dockerfile-best-practices', dockerfileApp, 'app:1');
    const stops = summary(e).filter((s) => s.startsWith('stop'));
    expect(stops).toEqual([]);
    expect(summary(e)).toContain('warn cis-4.6-healthcheck');
    expect(e.findings.find((f) => f.rule_id === 'dockerfile-given')?.message).toBe('Image was not analyzed with an actual Dockerfile');
    // Debian ships setuid binaries (su, mount, passwd…); CIS 4.8 warns about them.
    expect(e.findings.filter((f) => f.rule_id === 'cis-4.8-setuid-files').map((f) => f.location?.path)).toContain('/usr/bin/su');
    expect(summary(run('dockerfile-best-practices', app, 'app:1'))).toContain('stop cis-4.1-non-root-user');
  });

  it('secrets: the fixture images carry no secrets', () => {
    const e = run('secrets', app, 'app:1');
    expect(e.final_action).toBe('go');
    expect(e.evaluation_problems).toEqual([]);
  });

  it("Anchore's documented licences example and distro_version match the Debian image as Anchore would", () => {
    // anchore-engine gates/licenses.py example `GPLv2+,GPL-3+,BSD-2-clause`: Debian's copyright names, as written.
    const rules = bundleFromRules([
      { gate: 'licenses', trigger: 'blacklist_exact_match', params: { licenses: 'GPLv2+,GPL-3+,BSD-2-clause' } },
      { gate: 'metadata', trigger: 'attribute', params: { attribute: 'distro_version', check: '=', value: '12' } },
    ]);
    const e = evaluatePolicy(rules, ctxOf(app), { tag: 'app:1' });
    const lic = e.findings.find((f) => f.gate === 'licenses')!.message;
    expect(lic).toMatch(/^LICFULLMATCH Packages are installed that have blacklisted licenses: .*bash\(GPL-3\+\)/);
    expect(new Set([...lic.matchAll(/(?:: |, )([^(,]+)\(/g)].map((m) => m[1])).size).toBe(42); // of 137 dpkg packages; 1 when SPDX ids were matched
    expect(app.distro).toMatchObject({ versionId: '12.15', releaseVersionId: '12' });
    expect(e.findings.find((f) => f.gate === 'metadata')!.message).toBe("Attribute check for attribute: 'distro_version' check: '=' check_value: '12' matched image value: '12'");
  });

  it('licenses: a Debian image is full of GPL packages, so the copyleft example STOPs and names them', () => {
    const e = run('licenses', app, 'app:1');
    expect(e.final_action).toBe('stop');
    const strong = e.findings.find((f) => f.rule_id === 'strong-copyleft')!;
    // Debian's names as written (bash's copyright says GPL-3+), and with match_spdx their SPDX forms too.
    expect(strong.message).toMatch(/^LICFULLMATCH Packages are installed that have blacklisted licenses: .*bash\(GPL-3\+\), .*bash\(GPL-3\.0-or-later\)/);
  });
});
