/**
 * A small Anchore v2 bundle for tests: one rule set mapped to every image, no allowlists. `STOP_ON_ANY_VULNERABILITY`
 * is the rule the shared-image tests gate on (every package type, severity low and up).
 */

export interface TestRule {
  id: string;
  gate: string;
  trigger: string;
  action: 'STOP' | 'WARN' | 'GO';
  params?: { name: string; value: string }[];
}

export const STOP_ON_ANY_VULNERABILITY: TestRule = {
  id: 'vulns',
  gate: 'vulnerabilities',
  trigger: 'package',
  action: 'STOP',
  params: [
    { name: 'package_type', value: 'all' },
    { name: 'severity_comparison', value: '>=' },
    { name: 'severity', value: 'low' },
  ],
};

/** A bundle `id` whose one rule set (`rs`) holds `rules` and applies to every image. */
export function testPolicyBundle(id: string, name: string, rules: readonly TestRule[]): Record<string, unknown> {
  return {
    id,
    name,
    version: '2_0',
    rule_sets: [{ id: 'rs', name: 'rules', version: '2_0', artifact_type: 'image', rules: rules.map((r) => ({ params: [], ...r })) }],
    mappings: [{ id: 'm', name: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, rule_set_ids: ['rs'], allowlist_ids: [] }],
    allowlists: [],
    allowlisted_images: [],
    denylisted_images: [],
  };
}
