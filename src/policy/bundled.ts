import defaultJson from '../../policies/default.json' with { type: 'json' };
import dockerfileJson from '../../policies/dockerfile-best-practices.json' with { type: 'json' };
import licensesJson from '../../policies/licenses.json' with { type: 'json' };
import secretsJson from '../../policies/secrets.json' with { type: 'json' };
import strictJson from '../../policies/strict.json' with { type: 'json' };
import { ConfigurationError } from '../common/errors.js';
import { buildBundle, loadBundleFile } from './bundle.js';
import type { PolicyBundle } from './model.js';

/** The bundles in `policies/`, embedded (so they ship inside the built action), by name. */
export const BUNDLED_POLICIES: Readonly<Record<string, unknown>> = {
  default: defaultJson,
  strict: strictJson,
  'dockerfile-best-practices': dockerfileJson,
  secrets: secretsJson,
  licenses: licensesJson,
};

/** A bundled policy by name (`default`, `strict`, …). */
export function bundledPolicy(name: string): PolicyBundle {
  const doc = BUNDLED_POLICIES[name];
  if (!doc) throw new ConfigurationError(`unknown bundled policy "${name}"; bundled: ${Object.keys(BUNDLED_POLICIES).join(', ')}`);
  return buildBundle(structuredClone(doc), `policies/${name}.json`);
}

/**
 * The `--policy` value: a bundled policy name, or a file (JSON or YAML). Without one, the default bundle, which
 * behaves as Anchore Engine's default.
 */
export async function resolvePolicy(value: string | undefined): Promise<PolicyBundle> {
  if (value === undefined || value === '') return bundledPolicy('default');
  if (Object.hasOwn(BUNDLED_POLICIES, value)) return bundledPolicy(value);
  return loadBundleFile(value);
}
