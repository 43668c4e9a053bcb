import { Registry } from '../plugin/registry.js';
import type { VulnerabilityProvider } from './provider.js';
import { alpineSecdbProvider } from './providers/alpine-secdb.js';
import { amazonProvider } from './providers/amazon.js';
import { chainguardProvider } from './providers/chainguard.js';
import { epssProvider } from './providers/epss.js';
import { kevProvider } from './providers/kev.js';
import { marinerOvalProvider, oracleOvalProvider, slesOvalProvider } from './providers/native-oval.js';
import { nvdProvider } from './providers/nvd.js';
import { osvBucketProvider } from './providers/osv-bucket.js';
import { osvLocalProvider } from './providers/osv-local.js';
import { photonProvider } from './providers/photon.js';
import { rhelProvider } from './providers/rhel.js';
import { wolfiProvider } from './providers/wolfi.js';

/** Every vulnerability data provider. The only place a provider is wired in. */
export const VULNERABILITY_PROVIDERS = new Registry<VulnerabilityProvider>('vulnerability data provider', [
  osvBucketProvider,
  osvLocalProvider,
  alpineSecdbProvider,
  nvdProvider,
  kevProvider,
  epssProvider,
  oracleOvalProvider,
  slesOvalProvider,
  marinerOvalProvider,
  amazonProvider,
  photonProvider,
  wolfiProvider,
  chainguardProvider,
  rhelProvider,
]);
