import { Registry } from '../plugin/registry.js';
import type { VulnerabilityProvider } from './provider.js';
import { alpineSecdbProvider } from './providers/alpine-secdb.js';
import { osvBucketProvider } from './providers/osv-bucket.js';
import { osvLocalProvider } from './providers/osv-local.js';

/** Every vulnerability data provider. The only place a provider is wired in. */
export const VULNERABILITY_PROVIDERS = new Registry<VulnerabilityProvider>('vulnerability data provider', [
  osvBucketProvider,
  osvLocalProvider,
  alpineSecdbProvider,
]);
