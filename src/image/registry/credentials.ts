import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import type { RegistryCredentials } from '../source.js';
import { DOCKER_HUB, DOCKER_HUB_AUTH_KEY } from './reference.js';

/** Credentials for one registry: a user and password, or an OAuth2 refresh ("identity") token. */
export type ResolvedCredentials =
  | { kind: 'basic'; username: string; password: string; from: string }
  | { kind: 'identity-token'; token: string; from: string };

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export interface CredentialLookup {
  explicit?: RegistryCredentials;
  /** DOCKER_CONFIG or an explicit directory; `~/.docker` otherwise. */
  dockerConfigDir?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

/** The directory holding docker's config.json. */
export function dockerConfigDir(lookup: Pick<CredentialLookup, 'dockerConfigDir' | 'env'>): string {
  return lookup.dockerConfigDir ?? lookup.env.DOCKER_CONFIG ?? join(lookup.env.HOME ?? homedir(), '.docker');
}

/**
 * Finds credentials for `registry` (`docker.io`, `host:port`): explicit ones first (flags, environment), then
 * docker's config.json: a `credHelpers` entry, the `credsStore`, then `auths`. Undefined means anonymous.
 * Secrets never reach the logger or an error message.
 */
export async function resolveCredentials(registry: string, lookup: CredentialLookup): Promise<ResolvedCredentials | undefined> {
  if (lookup.explicit) return { kind: 'basic', ...lookup.explicit, from: 'the given credentials' };
  const dir = dockerConfigDir(lookup);
  const file = join(dir, 'config.json');
  const config = await readDockerConfig(file);
  if (!config) return undefined;
  const keys = authKeys(registry);
  const helper = keys.map((k) => config.credHelpers?.[k]).find((h) => typeof h === 'string' && h !== '');
  if (helper) {
    lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${helper} (credHelpers in ${file})`);
    return runCredentialHelper(helper, serverUrlFor(registry), lookup.env, `credHelpers in ${file}`);
  }
  if (config.credsStore) {
    lookup.logger.debug(`registry ${registry}: asking credential helper docker-credential-${config.credsStore} (credsStore in ${file})`);
    const found = await runCredentialHelper(config.credsStore, serverUrlFor(registry), lookup.env, `credsStore in ${file}`);
    if (found) return found;
  }
  const entry = findAuthEntry(config, keys);
  if (!entry) return undefined;
  const from = `auths in ${file}`;
  if (entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken, from };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i <= 0) throw new ConfigurationError(`the "auth" value for ${registry} in ${file} is not base64 of user:password`);
    return { kind: 'basic', username: decoded.slice(0, i), password: decoded.slice(i + 1), from };
  }
  if (entry.username && entry.password) return { kind: 'basic', username: entry.username, password: entry.password, from };
  return undefined;
}

async function readDockerConfig(file: string): Promise<DockerConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw new ConfigurationError(`cannot read docker config ${file}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
    return doc as DockerConfigFile;
  } catch (e) {
    throw new ConfigurationError(`docker config ${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/** The names a registry may be filed under in config.json. */
function authKeys(registry: string): string[] {
  if (registry === DOCKER_HUB) return [DOCKER_HUB_AUTH_KEY, 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1'];
  return [registry];
}

function findAuthEntry(config: DockerConfigFile, keys: string[]): NonNullable<DockerConfigFile['auths']>[string] | undefined {
  const auths = config.auths ?? {};
  for (const k of keys) if (auths[k]) return auths[k];
  // docker also accepts keys written as URLs: https://host:port/v1/, http://host:port
  for (const [k, v] of Object.entries(auths)) {
    const host = k.replace(/^https?:\/\//, '').split('/')[0];
    if (host && keys.includes(host)) return v;
  }
  return undefined;
}

/** What docker passes to credential helpers: Docker Hub's v1 URL, else host[:port]. */
export function serverUrlFor(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
}

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Runs `docker-credential-<name> get` with the server URL on stdin; stdout is `{"Username", "Secret"}`. A helper that
 * says "credentials not found" means anonymous; one that is missing or fails is a clear error.
 */
export async function runCredentialHelper(name: string, serverUrl: string, env: NodeJS.ProcessEnv, from: string): Promise<ResolvedCredentials | undefined> {
  if (!HELPER_NAME.test(name)) throw new ConfigurationError(`invalid credential helper name "${name}" (${from})`);
  const program = `docker-credential-${name}`;
  const { code, stdout, stderr, spawnError } = await new Promise<{ code: number | null; stdout: string; stderr: string; spawnError?: NodeJS.ErrnoException }>((resolve) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => resolve({ code: null, stdout: '', stderr: '', spawnError: e }));
    child.on('close', (c) => resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {});
    child.stdin.end(serverUrl);
  });
  if (spawnError) {
    if (spawnError.code === 'ENOENT') {
      throw new ConfigurationError(`credential helper ${program} (${from}) is not installed or not on PATH`);
    }
    throw new ConfigurationError(`cannot run credential helper ${program} (${from}): ${spawnError.message}`);
  }
  if (code !== 0) {
    const said = (stdout.trim() || stderr.trim()).split('\n')[0]?.slice(0, 200) ?? '';
    if (/credentials not found/i.test(said)) return undefined;
    throw new ConfigurationError(`credential helper ${program} (${from}) failed for ${serverUrl} with exit code ${String(code)}${said ? `: ${said}` : ''}`);
  }
  let doc: { Username?: unknown; Secret?: unknown };
  try {
    doc = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
  } catch {
    throw new ConfigurationError(`credential helper ${program} (${from}) printed something that is not JSON for ${serverUrl}`);
  }
  if (typeof doc.Secret !== 'string' || doc.Secret === '') return undefined;
  const username = typeof doc.Username === 'string' ? doc.Username : '';
  if (username === '<token>') return { kind: 'identity-token', token: doc.Secret, from: `${program} (${from})` };
  return { kind: 'basic', username, password: doc.Secret, from: `${program} (${from})` };
}
