import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageWorkspace } from '../../../test/helpers/image-builder.js';
import { sharedPath } from '../../../test/helpers/shared.js';
import { describeUnless } from '../../../test/helpers/skip.js';
import { ConfigurationError, RemoteError } from '../../common/errors.js';
import { openImage } from '../open.js';
import { readImage } from '../read-image.js';
import { sendJson, startHttpServer, type TestServer } from '../../../test/helpers/registry/http-server.js';
import { fileSummary, testSourceOptions } from '../../../test/helpers/registry/options.js';
import { missingTools, startDockerApi, type RunningDockerApi } from '../../../test/helpers/registry/real-services.js';
import { daemonEndpoint, DEFAULT_DOCKER_SOCKET } from './docker-daemon.js';

const ARCHIVE = sharedPath('fixtures/images/mini/app-mini.docker-archive.tar');
const AMD64 = { os: 'linux', architecture: 'amd64' };

function withHost(dockerHost: string | undefined, extra: Parameters<typeof testSourceOptions>[0] = {}) {
  const env = { ...process.env };
  if (dockerHost === undefined) delete env.DOCKER_HOST;
  else env.DOCKER_HOST = dockerHost;
  return testSourceOptions({ platform: AMD64, env, ...extra });
}

describe('daemonEndpoint', () => {
  it('reads DOCKER_HOST: default socket, unix, tcp', () => {
    expect(daemonEndpoint({})).toEqual({ kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, label: 'unix:///var/run/docker.sock' });
    expect(daemonEndpoint({ DOCKER_HOST: 'unix:///run/podman/podman.sock' })).toMatchObject({ kind: 'unix', socketPath: '/run/podman/podman.sock' });
    expect(daemonEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).toMatchObject({ kind: 'tcp', origin: 'http://127.0.0.1:2375' });
  });

  it('refuses what it cannot use', () => {
    expect(() => daemonEndpoint({ DOCKER_HOST: 'ssh://me@host' })).toThrow('DOCKER_HOST "ssh://me@host" is not supported');
    expect(() => daemonEndpoint({ DOCKER_HOST: 'unix://docker.sock' })).toThrow('must name an absolute socket path');
    expect(() => daemonEndpoint({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' })).toThrow(ConfigurationError);
  });
});

describe('docker source: no daemon', () => {
  it('a DOCKER_HOST socket that does not exist is a clear error', async () => {
    const err = await openImage('docker:alpine:3.20', withHost('unix:///tmp/portcullis-no-such-dir/docker.sock')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toBe(
      'no Docker daemon at unix:///tmp/portcullis-no-such-dir/docker.sock: the socket does not exist; start the daemon, or point DOCKER_HOST at its socket',
    );
  });

  it('refuses names that would leave the images API', async () => {
    await expect(openImage('docker:../containers/json', withHost('unix:///tmp/x.sock'))).rejects.toThrow('invalid image name "../containers/json"');
  });
});

describe('docker source over tcp, against a small fake Engine API', () => {
  let api: TestServer;
  // The exported image: a `docker save` archive from the project's image builder (nothing from ../shared).
  const ws = new ImageWorkspace();
  let archive: string;
  afterAll(() => ws.cleanup());
  beforeAll(async () => {
    archive = ws.write({ layers: [{ files: [{ path: 'etc/os-release', content: 'ID=debian\n' }] }, { files: [{ path: 'srv/app/server.js', content: 'x', uid: 1000 }] }] }, 'docker-archive').path;
    api = await startHttpServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/_ping') {
        res.end('OK');
      } else if (url === '/images/fixtures/app:1/json') {
        sendJson(res, 200, { Id: 'sha256:x' });
      } else if (url === '/images/fixtures/app:1/get') {
        res.writeHead(200, { 'content-type': 'application/x-tar' });
        createReadStream(archive).pipe(res);
      } else if (url === '/images/fixtures/broken:1/json') {
        sendJson(res, 200, { Id: 'sha256:y' });
      } else if (url === '/images/fixtures/broken:1/get') {
        sendJson(res, 500, { message: 'layer unavailable' });
      } else if (url.endsWith('/json')) {
        sendJson(res, 404, { message: 'No such image' });
      } else return false;
      return true;
    });
  });
  afterAll(() => api?.close());

  it('exports the image and reads it like the docker-archive file', async () => {
    const view = await readImage(await openImage('docker:fixtures/app:1', withHost(`tcp://${api.hostPort}`)));
    const direct = await readImage(await openImage(`docker-archive:${archive}`, testSourceOptions()));
    expect(fileSummary(view)).toEqual(fileSummary(direct));
    expect(view.metadata.source).toBe('docker');
    expect(view.metadata.reference).toBe('docker:fixtures/app:1');
  });

  it('a missing image, and a failed export, are clear errors', async () => {
    await expect(openImage('docker:fixtures/none:1', withHost(`tcp://${api.hostPort}`))).rejects.toThrow(`image "fixtures/none:1" not found in the Docker daemon at tcp://${api.hostPort}`);
    const opened = await openImage('docker:fixtures/broken:1', withHost(`tcp://${api.hostPort}`));
    await expect(readImage(opened)).rejects.toThrow(`the Docker daemon at tcp://${api.hostPort} could not export image "fixtures/broken:1" (HTTP 500): layer unavailable`);
  });
});

const skipPodman = missingTools('podman');
describeUnless(skipPodman, `docker source against podman's Docker Engine API`, () => {
  let api: RunningDockerApi;
  let name: string;
  let expected: string[];
  beforeAll(async () => {
    api = await startDockerApi([ARCHIVE]);
    name = api.loaded[0] ?? 'docker.io/fixtures/debian-app-mini:latest';
    expected = fileSummary(await readImage(await openImage(`docker-archive:${ARCHIVE}`, testSourceOptions())));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('reads the loaded image back, equal to the docker-archive file read directly', async () => {
    const view = await readImage(await openImage(`docker:${name}`, withHost(api.dockerHost)));
    expect(view.size).toBeGreaterThan(100);
    expect(fileSummary(view)).toEqual(expected);
    expect(view.metadata.source).toBe('docker');
    expect(view.metadata.repoTags.length).toBeGreaterThan(0);
  });

  it('a bare name goes to the daemon first', async () => {
    const short = name.replace(/^docker\.io\//, '');
    const view = await readImage(await openImage(short, withHost(api.dockerHost)));
    expect(view.metadata.source).toBe('docker');
    expect(fileSummary(view)).toEqual(expected);
  });

  it('a missing image is a clear error', async () => {
    const err = await openImage('docker:fixtures/not-loaded:9', withHost(api.dockerHost)).catch((e: unknown) => e);
    expect((err as RemoteError).status).toBe(404);
    expect((err as Error).message).toBe(`image "fixtures/not-loaded:9" not found in the Docker daemon at ${api.dockerHost}`);
  });
});

