import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_KINDS, ImageWorkspace, writeTar, type ImageKind } from '../../test/helpers/image-builder.js';
import { ConfigurationError } from '../common/errors.js';
import { createRecordingLogger } from '../common/logger.js';
import { loadImage } from './open.js';
import { sniffImagePath } from './sniff.js';

const ws = new ImageWorkspace();
afterAll(() => ws.cleanup());
const spec = { layers: [{ files: [{ path: 'etc/os-release', content: 'ID=alpine\n' }] }] };
const EXPECTED: Record<ImageKind, string> = { 'oci-dir': 'oci-dir', 'oci-archive': 'oci-archive', 'docker-archive': 'docker-archive', 'docker25-archive': 'docker-archive' };

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('a bare path to an image on disk', () => {
  for (const kind of IMAGE_KINDS) {
    it(`${kind}: recognised by its content and read`, async () => {
      const img = ws.write(spec, kind);
      expect(await sniffImagePath(img.path)).toBe(EXPECTED[kind]);
      const logger = createRecordingLogger();
      const view = await loadImage(img.path, { env: {}, logger, requests: [{ id: 't', globs: ['/etc/**'] }] });
      expect(view.readText('/etc/os-release')).toBe('ID=alpine\n');
      expect(logger.lines.map((l) => l.message)).toContain(`${img.path}: reading it as ${EXPECTED[kind]}:${img.path}`);
    });
  }

  it('a docker archive renamed without its .tar is still recognised (content, not name)', async () => {
    const img = ws.write(spec, 'docker-archive');
    const renamed = ws.file('sub/app-image', readFileSync(img.path));
    expect(await sniffImagePath(renamed)).toBe('docker-archive');
  });

  it('a gzip-compressed archive: the error says to decompress it and which scheme reads it', async () => {
    const img = ws.write(spec, 'docker-archive');
    const gz = ws.file('app.tar.gz', gzipSync(readFileSync(img.path)));
    const e = await errorOf(sniffImagePath(gz));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(`${gz} is a gzip-compressed docker archive; image archives are read uncompressed: run "gunzip -k ${gz}" and scan docker-archive:${gz.replace(/\.gz$/, '')}`);
    const oci = ws.write(spec, 'oci-archive');
    const tgz = ws.file('oci.tgz', gzipSync(readFileSync(oci.path)));
    expect((await errorOf(sniffImagePath(tgz))).message).toMatch(/is a gzip-compressed OCI archive; .* and scan oci-archive:.*oci\.tar$/);
  });

  it('a path that is no image: the error names the schemes', async () => {
    const tar = ws.file('notes.tar', writeTar([{ name: 'README', content: 'hi' }]));
    expect((await errorOf(sniffImagePath(tar))).message).toMatch(/notes\.tar is a tar without manifest\.json, index\.json or oci-layout, so not an image archive; use docker-archive:PATH \(docker save\), oci-archive:PATH/);
    const text = ws.file('plain.tar', 'not a tar at all');
    expect((await errorOf(sniffImagePath(text))).message).toMatch(/plain\.tar is not a tar file/);
    const dir = join(ws.dir, 'empty-dir');
    mkdirSync(dir);
    expect((await errorOf(sniffImagePath(dir))).message).toMatch(/is a directory but not an OCI image layout/);
    expect((await errorOf(sniffImagePath('missing-app.tar'))).message).toMatch(/^missing-app\.tar does not exist \(an image archive is read as docker-archive:PATH/);
  });

  it('an image name is not a path: left to the daemon and the registry', async () => {
    expect(await sniffImagePath('alpine:3.20')).toBeUndefined();
    expect(await sniffImagePath('localhost:5000/app:1.tar')).toBeUndefined();
    // A file named like an image (not a path, not an archive) is not taken for one.
    writeFileSync(join(ws.dir, 'alpine'), 'not an image');
    const cwd = process.cwd();
    process.chdir(ws.dir);
    try {
      expect(await sniffImagePath('alpine')).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });
});
