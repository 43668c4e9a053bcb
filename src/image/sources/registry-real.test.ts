import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared.js';
import { describeUnless } from '../../../test/helpers/skip.js';
import { RemoteError } from '../../common/errors.js';
import { openImage } from '../open.js';
import { readImage } from '../read-image.js';
import { writeCredentialHelper } from '../../../test/helpers/registry/credential-helper.js';
import { startHttpServer, type TestServer } from '../../../test/helpers/registry/http-server.js';
import { bearerGate, proxyTo } from '../../../test/helpers/registry/layout-registry.js';
import { fileSummary, testSourceOptions, writeDockerConfig } from '../../../test/helpers/registry/options.js';
import { missingTools, skopeoPush, startRegistry, type RunningRegistry } from '../../../test/helpers/registry/real-services.js';
import type { SourceOptions } from '../source.js';

const MINI = sharedPath('fixtures/images/mini/debian-app-mini.oci');
const FULL = sharedPath('fixtures/images/debian-fixtures.oci');
const ARM64_MANIFEST = 'sha256:0d069b8b9b63f2d47f04fdd2a7060d54a3b741913830dd7ad0c2bb5c48562139';
const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64' };

async function read(ref: string, options: Partial<SourceOptions> = {}): Promise<Awaited<ReturnType<typeof readImage>>> {
  const opts = testSourceOptions({ platform: AMD64, retries: 0, ...options });
  return readImage(await openImage(ref, opts), { platform: opts.platform! });
}

const skipAnonymous = missingTools('docker-registry', 'skopeo');
describeUnless(skipAnonymous, `registry source against a real registry (anonymous)`, () => {
  let registry: RunningRegistry;
  let expectedApp: string[];
  beforeAll(async () => {
    registry = await startRegistry();
    await skopeoPush(MINI, 'app', `${registry.addr}/fixtures/app:1`);
    await skopeoPush(MINI, 'app-multiarch', `${registry.addr}/fixtures/app:multi`);
    expectedApp = fileSummary(await read(`oci-dir:${MINI}:app`));
  });
  afterAll(() => registry?.stop());

  it('reads back the pushed image with the same squashed files as the layout', async () => {
    const view = await read(`registry:${registry.addr}/fixtures/app:1`);
    expect(view.size).toBeGreaterThan(100);
    expect(fileSummary(view)).toEqual(expectedApp);
    expect(view.metadata.repoTags).toEqual([`${registry.addr}/fixtures/app:1`]);
  });

  it('a bare name with a registry host goes to the registry when no daemon has it', async () => {
    const view = await read(`${registry.addr}/fixtures/app:1`, { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(view.metadata.source).toBe('registry');
    expect(fileSummary(view)).toEqual(expectedApp);
  });

  it('multi-arch: --platform linux/arm64 picks arm64; linux/s390x lists the platforms', async () => {
    const arm = await read(`registry:${registry.addr}/fixtures/app:multi`, { platform: ARM64 });
    expect(arm.metadata.manifestDigest).toBe(ARM64_MANIFEST);
    expect(arm.metadata.platform).toMatchObject({ os: 'linux', architecture: 'arm64' });
    expect(fileSummary(arm)).toEqual(fileSummary(await read(`oci-dir:${MINI}:app-multiarch`, { platform: ARM64 })));
    await expect(read(`registry:${registry.addr}/fixtures/app:multi`, { platform: { os: 'linux', architecture: 's390x' } })).rejects.toThrow(
      'no image for platform linux/s390x; platforms available: linux/amd64, linux/arm64/v8',
    );
  });

  it('reads by digest', async () => {
    const view = await read(`registry:${registry.addr}/fixtures/app@${ARM64_MANIFEST}`, { platform: ARM64 });
    expect(view.metadata.manifestDigest).toBe(ARM64_MANIFEST);
  });

  it('an unknown tag and an unknown repository are clear 404s', async () => {
    const err = await read(`registry:${registry.addr}/fixtures/app:nope`).catch((e: unknown) => e);
    expect((err as RemoteError).status).toBe(404);
    expect((err as Error).message).toMatch(new RegExp(`^manifest unknown: ${registry.addr}/fixtures/app:nope not found in registry ${registry.addr} \\(repository fixtures/app\\)`));
    await expect(read(`registry:${registry.addr}/fixtures/other:1`)).rejects.toThrow(`manifest unknown: ${registry.addr}/fixtures/other:1 not found`);
  });

  describe('behind a bearer-token proxy written here', () => {
    let proxy: TestServer;
    let gate: ReturnType<typeof bearerGate>;
    beforeAll(async () => {
      let origin = '';
      gate = bearerGate({ origin: () => origin, user: 'ci-bot', pass: 'bearer-pass' });
      proxy = await startHttpServer(gate.handler, proxyTo(`http://${registry.addr}`));
      origin = proxy.origin;
    });
    afterAll(() => proxy?.close());

    it('obtains a token from the challenge and reads the image', async () => {
      const view = await read(`registry:${proxy.hostPort}/fixtures/app:1`, { credentials: { username: 'ci-bot', password: 'bearer-pass' } });
      expect(fileSummary(view)).toEqual(expectedApp);
      expect(gate.issued.at(-1)).toEqual({ scope: 'repository:fixtures/app:pull', service: 'test-registry', user: 'ci-bot' });
    });

    it('401 without credentials', async () => {
      await expect(read(`registry:${proxy.hostPort}/fixtures/app:1`)).rejects.toThrow(`authentication required for registry ${proxy.hostPort} (repository fixtures/app)`);
    });
  });

  it('the full debian-fixtures image (ref app) reads back equal to the layout', async () => {
    await skopeoPush(FULL, 'app', `${registry.addr}/fixtures/debian:app`);
    const fromRegistry = await read(`registry:${registry.addr}/fixtures/debian:app`);
    const fromLayout = await read(`oci-dir:${FULL}:app`);
    expect(fromRegistry.size).toBeGreaterThan(1000);
    expect(fileSummary(fromRegistry)).toEqual(fileSummary(fromLayout));
  }, 180_000);
});

const skipAuth = missingTools('docker-registry', 'skopeo', 'htpasswd');
describeUnless(skipAuth, `registry source against a real registry with htpasswd basic auth`, () => {
  const creds = { user: 'puller', pass: 'htpass-Secret1' };
  let registry: RunningRegistry;
  let expectedApp: string[];
  let tmp: string;
  beforeAll(async () => {
    registry = await startRegistry(creds);
    await skopeoPush(MINI, 'app', `${registry.addr}/private/app:1`, creds);
    expectedApp = fileSummary(await read(`oci-dir:${MINI}:app`));
    tmp = mkdtempSync(join(tmpdir(), 'portcullis-auth-'));
  });
  afterAll(() => {
    registry?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('401 without credentials, naming the registry and repository', async () => {
    const err = await read(`registry:${registry.addr}/private/app:1`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).status).toBe(401);
    expect((err as Error).message).toMatch(new RegExp(`^authentication required for registry ${registry.addr} \\(repository private/app\\)`));
  });

  it('rejected credentials are named as such, without the secret', async () => {
    const err = await read(`registry:${registry.addr}/private/app:1`, { credentials: { username: 'puller', password: 'wrong-Secret9' } }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`^credentials rejected for registry ${registry.addr} \\(repository private/app\\)`));
    expect((err as Error).message).not.toContain('wrong-Secret9');
  });

  it('works with explicit credentials', async () => {
    const view = await read(`registry:${registry.addr}/private/app:1`, { credentials: { username: creds.user, password: creds.pass } });
    expect(fileSummary(view)).toEqual(expectedApp);
  });

  it('works with an auths entry in $DOCKER_CONFIG/config.json', async () => {
    const dir = join(tmp, 'docker-config');
    writeDockerConfig(dir, { auths: { [registry.addr]: { auth: Buffer.from(`${creds.user}:${creds.pass}`).toString('base64') } } });
    const options = testSourceOptions({ platform: AMD64, env: { ...process.env, DOCKER_CONFIG: dir } });
    delete options.dockerConfigDir;
    const view = await readImage(await openImage(`registry:${registry.addr}/private/app:1`, options));
    expect(fileSummary(view)).toEqual(expectedApp);
    expect(options.logger.lines.some((l) => l.message.includes(`using credentials from auths in ${dir}/config.json`))).toBe(true);
    expect(JSON.stringify(options.logger.lines)).not.toContain(creds.pass);
  });

  it('works with a credHelpers entry and a docker-credential-test program on PATH', async () => {
    const dir = join(tmp, 'helper-config');
    const bin = join(tmp, 'bin');
    writeCredentialHelper(bin, 'test', registry.addr, creds.user, creds.pass);
    writeDockerConfig(dir, { credHelpers: { [registry.addr]: 'test' } });
    const view = await read(`registry:${registry.addr}/private/app:1`, { dockerConfigDir: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(fileSummary(view)).toEqual(expectedApp);
  });

  it('a credHelpers entry whose program is missing is a clear error', async () => {
    const dir = join(tmp, 'missing-helper-config');
    writeDockerConfig(dir, { credHelpers: { [registry.addr]: 'nowhere' } });
    await expect(read(`registry:${registry.addr}/private/app:1`, { dockerConfigDir: dir })).rejects.toThrow(
      /credential helper docker-credential-nowhere \(credHelpers in .*config\.json\) is not installed or not on PATH/,
    );
  });
});

