import { ConfigurationError } from '../../common/errors.js';

/** Docker Hub's canonical name, and the host that actually serves its pulls. */
export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/** The key docker uses for Docker Hub in config.json and with credential helpers. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

/** A registry image name, normalised the way docker does it. */
export interface RegistryName {
  /** The registry as users name it (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  registry: string;
  /** The host[:port] requests go to (`registry-1.docker.io` for Docker Hub). */
  endpoint: string;
  /** The repository path (`library/alpine`). */
  repository: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?$/;

/**
 * Parses `[registry/]repository[:tag][@digest]` like docker: a first component with a dot or a colon, or
 * `localhost`, is the registry; otherwise it is Docker Hub, where one-component names get `library/`. Neither tag
 * nor digest means `latest`; with both, the digest decides what is pulled.
 */
export function parseRegistryName(input: string): RegistryName {
  const text = input.trim();
  const bad = (why: string): ConfigurationError => new ConfigurationError(`invalid image name "${input}": ${why}`);
  if (text === '') throw bad('it is empty');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad(`"${digest}" is not a digest (expected sha256:<64 hex digits>)`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`"${tag}" is not a valid tag`);
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      if (!HOST.test(first)) throw bad(`"${first}" is not a valid registry host`);
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT) registry = DOCKER_HUB;
  if (path === '') throw bad('the repository is empty');
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  for (const part of path.split('/')) {
    if (!COMPONENT.test(part)) {
      throw bad(part.toLowerCase() !== part ? 'repository names must be lowercase' : `"${part}" is not a valid repository path component`);
    }
  }
  if (path.length > 255) throw bad('the repository name is longer than 255 characters');
  const endpoint = registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
  return { registry, endpoint, repository: path, ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}

/** `registry/repository:tag` or `registry/repository@digest`, as users write it. */
export function formatRegistryName(name: RegistryName): string {
  const base = `${name.registry}/${name.repository}`;
  if (name.digest) return `${base}@${name.digest}`;
  return `${base}:${name.tag ?? 'latest'}`;
}

/** What to ask for: the digest when pinned, else the tag. */
export function manifestReference(name: RegistryName): string {
  return name.digest ?? name.tag ?? 'latest';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Splits `host[:port]`, keeping IPv6 brackets. */
export function hostOf(hostPort: string): string {
  if (hostPort.startsWith('[')) return hostPort.slice(0, hostPort.indexOf(']') + 1);
  const i = hostPort.lastIndexOf(':');
  return i >= 0 ? hostPort.slice(0, i) : hostPort;
}

/** Plain http for loopback registries and the ones the user listed as insecure (by host:port or host). */
export function registryScheme(endpoint: string, insecure: readonly string[] = []): 'http' | 'https' {
  const host = hostOf(endpoint).toLowerCase();
  if (LOOPBACK.has(host)) return 'http';
  const wanted = insecure.map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, ''));
  if (wanted.includes(endpoint.toLowerCase()) || wanted.includes(host)) return 'http';
  return 'https';
}
