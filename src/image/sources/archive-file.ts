import { splitPathAndRef } from '../reference.js';
import type { ImageArchive, ImageSource } from '../source.js';
import { ARCHIVE_FILE } from './archive-index.js';
import { fileStream, pathExists, statInput } from './file-helpers.js';

/** `docker-archive:PATH[:TAG]`: `docker save` output, legacy or Docker ≥25 layout, read in one pass. */
export const dockerArchiveSource: ImageSource = {
  id: 'docker-archive',
  version: 0,
  schemes: ['docker-archive'],
  description: 'a `docker save` tarball (legacy or Docker ≥25 layout): docker-archive:PATH[:TAG]',
  open: (ref) => openArchive(ref.location, ref.raw, 'docker-archive', 'docker archive'),
};

/** `oci-archive:PATH[:REF]`: a tar of an OCI image layout, read in one pass. */
export const ociArchiveSource: ImageSource = {
  id: 'oci-archive',
  version: 0,
  schemes: ['oci-archive'],
  description: 'a tar of an OCI image layout: oci-archive:PATH[:REF]',
  open: (ref) => openArchive(ref.location, ref.raw, 'oci-archive', 'OCI archive'),
};

async function openArchive(location: string, raw: string, source: string, what: string): Promise<ImageArchive> {
  const { path, ref } = splitPathAndRef(location, pathExists);
  await statInput(path, 'file', what);
  const archive: ImageArchive = {
    kind: 'archive',
    label: `${what} ${path}`,
    reference: raw,
    source,
    ...(ref !== undefined ? { refName: ref } : {}),
    open: async () => fileStream(path),
    close: async () => {},
  };
  // A file on disk can be read by offsets: with a layer cache, only the layers it lacks are read (archive-index.ts).
  return Object.assign(archive, { [ARCHIVE_FILE]: path });
}
