import type { ImageMetadata } from '../model/index.js';
import { DEFAULT_MAX_FILE_BYTES } from './directory.js';
import { RequestMatcher, type FileRequest } from './file-request.js';
import { FileView } from './file-view.js';
import { readLayer } from './layer-reader.js';
import { fileStream, statInput } from './sources/file-helpers.js';

/**
 * A FileView of one root-file-system tarball (gzip, zstd or plain), as a one-layer image: e.g. an Alpine
 * minirootfs. Streamed once, never extracted.
 */
export async function viewFromTarball(path: string, options: { requests?: readonly FileRequest[]; maxFileBytes?: number } = {}): Promise<FileView> {
  await statInput(path, 'file', 'tarball');
  const result = await readLayer(fileStream(path), {
    matcher: new RequestMatcher(options.requests ?? []),
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    label: `tarball ${path}`,
  });
  const metadata: ImageMetadata = {
    reference: `tarball:${path}`,
    source: 'tarball',
    configDigest: '',
    platform: { os: 'linux', architecture: 'unknown' },
    layers: [{ index: 0, digest: result.digest, diffId: result.diffId, mediaType: 'application/vnd.oci.image.layer.v1.tar', size: result.storedBytes }],
    config: { architecture: 'unknown', os: 'linux', rootfs: { type: 'layers', diff_ids: [result.diffId] } },
    repoTags: [],
    repoDigests: [],
  };
  return FileView.squash(metadata, [result]);
}
