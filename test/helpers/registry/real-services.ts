import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { HAS_SHARED, sharedPath } from '../shared.js';

const run = promisify(execFile);

/** Whether a program is on PATH. */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v "$1"`, 'sh', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why a real-part suite must skip, or undefined when it can run. */
export function missingTools(...tools: string[]): string | undefined {
  if (!HAS_SHARED) return 'the shared fixtures and scripts (../shared) are absent';
  const missing = tools.filter((t) => !hasCommand(t));
  return missing.length ? `${missing.join(', ')} not installed (apt-get install docker-registry apache2-utils skopeo podman)` : undefined;
}

function parseVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Z_]+)=(\S+)/g)) out[m[1]!] = m[2]!;
  return out;
}

function stopProcess(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(pid);
  } catch {
    // already gone
  }
}

export interface RunningRegistry {
  /** `127.0.0.1:PORT` */
  addr: string;
  stop(): void;
}

/** Starts a real Docker Distribution registry with ../shared/scripts/start-registry.sh (basic auth with `htpasswd`). */
export async function startRegistry(htpasswd?: { user: string; pass: string }): Promise<RunningRegistry> {
  const args = htpasswd ? ['--htpasswd', `${htpasswd.user}:${htpasswd.pass}`] : [];
  const { stdout } = await run(sharedPath('scripts/start-registry.sh'), args, { timeout: 60_000 });
  const v = parseVars(stdout);
  const pid = Number(v.REGISTRY_PID);
  if (!v.REGISTRY_ADDR || !pid) throw new Error(`start-registry.sh printed no address: ${stdout}`);
  return {
    addr: v.REGISTRY_ADDR,
    stop() {
      stopProcess(pid);
      if (v.REGISTRY_WORKDIR?.startsWith('/tmp/')) rmSync(v.REGISTRY_WORKDIR, { recursive: true, force: true });
    },
  };
}

/** Pushes `oci:<layout>:<ref>` to `docker://<dest>` with skopeo over plain http (all platforms of an index). */
export async function skopeoPush(layout: string, ref: string, dest: string, creds?: { user: string; pass: string }): Promise<void> {
  const args = ['copy', '--quiet', '--all', '--dest-tls-verify=false', ...(creds ? ['--dest-creds', `${creds.user}:${creds.pass}`] : []), `oci:${layout}:${ref}`, `docker://${dest}`];
  await run('skopeo', args, { timeout: 120_000 });
}

export interface RunningDockerApi {
  /** `unix:///tmp/docker-api.XXXX/docker.sock` */
  dockerHost: string;
  /** Names printed by `podman load` ("Loaded image: NAME"). */
  loaded: string[];
  stop(): Promise<void>;
}

/** Starts podman's Docker Engine API with ../shared/scripts/start-docker-api.sh, loading archives first. */
export async function startDockerApi(load: string[]): Promise<RunningDockerApi> {
  const before = await podmanImageNames();
  const { stdout, stderr } = await run(sharedPath('scripts/start-docker-api.sh'), load.flatMap((a) => ['--load', a]), { timeout: 180_000 });
  const v = parseVars(stdout);
  const pid = Number(v.DOCKER_API_PID);
  if (!v.DOCKER_HOST || !pid) throw new Error(`start-docker-api.sh printed no DOCKER_HOST: ${stdout} ${stderr}`);
  const loaded = [...stderr.matchAll(/Loaded image(?:\(s\))?:\s*(\S+)/g)].map((m) => m[1]!);
  return {
    dockerHost: v.DOCKER_HOST,
    loaded,
    async stop() {
      stopProcess(pid);
      if (v.DOCKER_API_WORKDIR?.startsWith('/tmp/')) rmSync(v.DOCKER_API_WORKDIR, { recursive: true, force: true });
      // remove only what this run added to podman's storage
      for (const name of loaded) if (!before.has(name)) await run('podman', ['rmi', '--force', name]).catch(() => {});
    },
  };
}

async function podmanImageNames(): Promise<Set<string>> {
  try {
    const { stdout } = await run('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { timeout: 60_000 });
    return new Set(stdout.split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}
