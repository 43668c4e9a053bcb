import type { Logger } from '../../common/logger.js';
import type { RegistryCredentials } from '../source.js';
import { RegistryClient } from './client.js';
import { resolveCredentials } from './credentials.js';
import type { RegistryName } from './reference.js';

/** What a caller knows about reaching a registry: credentials, TLS and retry settings (image sources, db push/update). */
export interface RegistryConnectOptions {
  credentials?: RegistryCredentials | undefined;
  dockerConfigDir?: string | undefined;
  insecureRegistries?: readonly string[] | undefined;
  caFile?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  retryBaseMs?: number | undefined;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

/**
 * A registry client for one repository, with credentials looked up only when the registry asks: the explicit ones,
 * else docker's config (`auths`, `credHelpers`, `credsStore`). `push` asks for pull,push tokens.
 */
export function connectRegistry(name: RegistryName, options: RegistryConnectOptions, push = false): Promise<RegistryClient> {
  return RegistryClient.create({
    name,
    ...(push ? { push } : {}),
    credentials: () =>
      resolveCredentials(name.registry, {
        ...(options.credentials ? { explicit: options.credentials } : {}),
        ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
        env: options.env,
        logger: options.logger,
      }),
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
    ...(options.caFile ? { caFile: options.caFile } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    logger: options.logger,
  });
}
