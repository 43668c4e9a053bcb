import { PassThrough, type Readable } from 'node:stream';
import type { Dispatcher, errors as UndiciErrors } from 'undici';
import { ConfigurationError, getErrorMessage, RemoteError } from '../../common/errors.js';
import type { ImageArchive, ImageSource, SourceOptions } from '../source.js';

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
const DEFAULT_TIMEOUT_MS = 60_000;

/** Where the Engine API is: a unix socket, or plain http over tcp. */
export type DaemonEndpoint = { kind: 'unix'; socketPath: string; label: string } | { kind: 'tcp'; origin: string; label: string };

/** Reads DOCKER_HOST (`unix:///path`, `tcp://host:port`); the default socket when it is unset. */
export function daemonEndpoint(env: NodeJS.ProcessEnv): DaemonEndpoint {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return { kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, label: `unix://${DEFAULT_DOCKER_SOCKET}` };
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (!socketPath.startsWith('/')) throw new ConfigurationError(`DOCKER_HOST "${host}" must name an absolute socket path, e.g. unix:///var/run/docker.sock`);
    return { kind: 'unix', socketPath, label: host };
  }
  if (host.startsWith('tcp://') || host.startsWith('http://')) {
    if (env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0') {
      throw new ConfigurationError(`DOCKER_HOST "${host}" with DOCKER_TLS_VERIFY (TLS to the daemon) is not supported; use a unix socket`);
    }
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { kind: 'tcp', origin: url.origin, label: host };
  }
  throw new ConfigurationError(`DOCKER_HOST "${host}" is not supported; use unix:///path/to/docker.sock or tcp://host:port`);
}

/** `docker:NAME`: an image in a Docker Engine (or podman's Docker-compatible API), exported with `GET /images/{name}/get`. */
export const dockerDaemonSource: ImageSource = {
  id: 'docker',
  version: 0,
  schemes: ['docker'],
  requires: ['daemon'],
  description: 'an image in the Docker daemon named by DOCKER_HOST (a podman socket works too): docker:NAME[:TAG]',
  open: (ref, options, signal) => openDaemonImage(ref.location, ref.raw, options, signal),
};

export async function openDaemonImage(name: string, reference: string, options: SourceOptions, signal?: AbortSignal): Promise<ImageArchive> {
  const imageName = name.trim();
  if (imageName === '' || /[\s?#]/.test(imageName) || imageName.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new ConfigurationError(`invalid image name "${name}" for the Docker daemon`);
  }
  const endpoint = daemonEndpoint(options.env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Imported on the first open: the HTTP client is memory that reading a local image would hold for nothing.
  const { Agent, errors: undiciErrors, request } = await import('undici');
  const daemonError = (e: unknown, at: DaemonEndpoint, what: string, ms: number): Error => daemonErrorOf(undiciErrors, e, at, what, ms);
  const agent = new Agent({
    connect: endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath, timeout: timeoutMs } : { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const origin = endpoint.kind === 'unix' ? 'http://localhost' : endpoint.origin;
  // as the docker CLI sends it: slashes, colons and @ kept, anything else escaped
  const path = `/images/${imageName
    .split('/')
    .map((p) => encodeURIComponent(p).replace(/%3A/gi, ':').replace(/%40/g, '@'))
    .join('/')}`;
  let identity: ImageArchive['identity'];
  const call = async (p: string, what: string): Promise<Dispatcher.ResponseData> => {
    try {
      return await request(`${origin}${p}`, { dispatcher: agent, method: 'GET', ...(signal ? { signal } : {}) });
    } catch (e) {
      throw daemonError(e, endpoint, what, timeoutMs);
    }
  };
  try {
    const ping = await call('/_ping', 'ping');
    const pingBody = await ping.body.text().catch(() => '');
    if (ping.statusCode !== 200) {
      throw new RemoteError(`the Docker daemon at ${endpoint.label} answered HTTP ${ping.statusCode} to /_ping${pingBody ? `: ${pingBody.trim().slice(0, 200)}` : ''}`, {
        status: ping.statusCode,
      });
    }
    const inspect = await call(`${path}/json`, `inspecting image ${imageName}`);
    const inspectText = await inspect.body.text().catch(() => '');
    if (inspect.statusCode === 404) {
      throw new RemoteError(`image "${imageName}" not found in the Docker daemon at ${endpoint.label}`, { status: 404 });
    }
    if (inspect.statusCode !== 200) {
      throw new RemoteError(`the Docker daemon at ${endpoint.label} answered HTTP ${inspect.statusCode} for image "${imageName}"${apiMessage(inspectText)}`, { status: inspect.statusCode });
    }
    options.logger.debug(`docker: image ${imageName} found in the daemon at ${endpoint.label}`);
    identity = identityOf(inspectText);
  } catch (e) {
    await agent.destroy().catch(() => {});
    throw e;
  }
  let opened = false;
  return {
    kind: 'archive',
    label: `docker image ${imageName} (daemon at ${endpoint.label})`,
    reference,
    source: 'docker',
    ...(identity ? { identity } : {}),
    async open(openSignal?: AbortSignal): Promise<Readable> {
      if (opened) throw new Error('a docker image archive can only be opened once');
      opened = true;
      let res: Dispatcher.ResponseData;
      try {
        res = await request(`${origin}${path}/get`, { dispatcher: agent, method: 'GET', ...((openSignal ?? signal) ? { signal: openSignal ?? signal } : {}) });
      } catch (e) {
        throw daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs);
      }
      if (res.statusCode !== 200) {
        const text = await res.body.text().catch(() => '');
        throw new RemoteError(`the Docker daemon at ${endpoint.label} could not export image "${imageName}" (HTTP ${res.statusCode})${apiMessage(text)}`, { status: res.statusCode });
      }
      const out = new PassThrough({ highWaterMark: 1 << 20 });
      res.body.on('error', (e: unknown) => out.destroy(daemonError(e, endpoint, `exporting image ${imageName}`, timeoutMs)));
      out.on('close', () => {
        if (!res.body.destroyed) res.body.destroy();
      });
      res.body.pipe(out);
      return out;
    },
    close: () => agent.destroy().catch(() => {}),
  };
}

const DIGEST = /^sha(256:[0-9a-f]{64}|512:[0-9a-f]{128})$/;

/** The image id and the layers' diff_ids from `GET /images/{name}/json`, when the answer has them well-formed. */
export function identityOf(inspectText: string): ImageArchive['identity'] {
  try {
    const doc = JSON.parse(inspectText) as { Id?: unknown; RootFS?: { Layers?: unknown } };
    const layers = doc.RootFS?.Layers;
    const id = typeof doc.Id === 'string' && /^[0-9a-f]{64}$/.test(doc.Id) ? `sha256:${doc.Id}` : doc.Id;
    if (typeof id !== 'string' || !DIGEST.test(id) || !Array.isArray(layers) || layers.length === 0) return undefined;
    if (!layers.every((l): l is string => typeof l === 'string' && DIGEST.test(l))) return undefined;
    return { imageId: id, diffIds: layers };
  } catch {
    return undefined;
  }
}

function apiMessage(text: string): string {
  try {
    const doc = JSON.parse(text) as { message?: unknown };
    if (typeof doc.message === 'string') return `: ${doc.message.slice(0, 300)}`;
  } catch {
    // not JSON
  }
  return text.trim() ? `: ${text.trim().split('\n')[0]!.slice(0, 200)}` : '';
}

function daemonErrorOf(undiciErrors: typeof UndiciErrors, e: unknown, endpoint: DaemonEndpoint, what: string, timeoutMs: number): Error {
  if (e instanceof ConfigurationError || e instanceof RemoteError) return e;
  if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError) {
    return new RemoteError(`the Docker daemon at ${endpoint.label} did not answer within ${timeoutMs / 1000} s (${what})`, { cause: e });
  }
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (code === 'ENOENT') {
    return new RemoteError(`no Docker daemon at ${endpoint.label}: the socket does not exist; start the daemon, or point DOCKER_HOST at its socket`, { cause: e });
  }
  if (code === 'ECONNREFUSED') return new RemoteError(`no Docker daemon at ${endpoint.label}: the connection was refused`, { cause: e });
  if (code === 'EACCES') return new RemoteError(`no access to the Docker daemon at ${endpoint.label}: permission denied on the socket`, { cause: e });
  return new RemoteError(`cannot talk to the Docker daemon at ${endpoint.label} (${what}): ${code ? `${code}: ` : ''}${getErrorMessage(e)}`, { cause: e });
}
