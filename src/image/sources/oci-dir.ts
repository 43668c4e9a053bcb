import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageError } from '../../common/errors.js';
import { buildMetadata, hostPlatform } from '../manifest.js';
import { blobPath, isDigest, resolveOciLayout } from '../oci-layout.js';
import { splitPathAndRef } from '../reference.js';
import type { ImageSource, LayeredImage } from '../source.js';
import { fileStream, pathExists, statInput } from './file-helpers.js';

/** `oci-dir:PATH[:REF]`: an OCI image layout directory. */
export const ociDirSource: ImageSource = {
  id: 'oci-dir',
  version: 0,
  schemes: ['oci-dir', 'oci'],
  description: 'an OCI image layout directory: oci-dir:PATH[:REF]',
  async open(ref, options): Promise<LayeredImage> {
    const { path, ref: refName } = splitPathAndRef(ref.location, pathExists);
    await statInput(path, 'dir', 'OCI layout');
    const label = `OCI layout ${path}`;
    const indexJson = await readFile(join(path, 'index.json')).catch((e: unknown) => {
      throw new ImageError(`${label} has no readable index.json (${(e as Error).message})`, { cause: e });
    });
    const store = {
      get: async (digest: string) => (isDigest(digest) ? readFile(join(path, blobPath(digest))).catch(() => undefined) : undefined),
    };
    const resolved = await resolveOciLayout({
      indexJson,
      store,
      ...(refName !== undefined ? { refName } : {}),
      platform: options.platform ?? hostPlatform(),
      label,
    });
    const metadata = buildMetadata({
      reference: ref.raw,
      source: 'oci-dir',
      manifest: resolved.manifest,
      manifestDigest: resolved.manifestDigest,
      manifestMediaType: resolved.manifestMediaType,
      ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
      config: resolved.config,
    });
    return {
      kind: 'layered',
      metadata,
      async blob(layer) {
        if (!isDigest(layer.digest)) throw new ImageError(`${label}: layer ${layer.index} has an invalid digest "${layer.digest}"`);
        const file = join(path, blobPath(layer.digest));
        await statInput(file, 'file', `${label}: layer ${layer.index} blob`).catch((e: unknown) => {
          throw new ImageError(`${label}: layer ${layer.index} blob ${layer.digest} is missing`, { cause: e });
        });
        return fileStream(file);
      },
      async close() {},
    };
  },
};
