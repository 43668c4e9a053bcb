import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileType, ImageMetadata } from '../model/index.js';
import { ImageError } from '../common/errors.js';
import { RequestMatcher, type FileRequest } from './file-request.js';
import { FileView } from './file-view.js';
import { LayerCollector } from './layer-collector.js';

export interface DirectoryViewOptions {
  requests?: readonly FileRequest[];
  maxFileBytes?: number;
}

/**
 * A FileView of a directory on disk, as a one-layer image. For cataloger tests on real package databases, and
 * for the `dir:` scan of an unpacked root file system. Symlinks are recorded, never followed on the host.
 */
export async function viewFromDirectory(root: string, options: DirectoryViewOptions = {}): Promise<FileView> {
  const rootStat = await lstat(root).catch((e: unknown) => {
    throw new ImageError(`cannot read directory ${root}: ${(e as Error).message}`, { cause: e });
  });
  if (!rootStat.isDirectory()) throw new ImageError(`${root} is not a directory`);
  const collector = new LayerCollector(new RequestMatcher(options.requests ?? []), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, undefined);
  await walk(root, '', collector);
  const metadata: ImageMetadata = {
    reference: `dir:${root}`,
    source: 'dir',
    configDigest: '',
    platform: { os: 'linux', architecture: 'unknown' },
    layers: [{ index: 0, digest: '', diffId: '', mediaType: 'directory', size: 0 }],
    config: { architecture: 'unknown', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
    repoTags: [],
    repoDigests: [],
  };
  return FileView.squash(metadata, [collector.result]);
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

async function walk(root: string, rel: string, collector: LayerCollector): Promise<void> {
  const names = (await readdir(join(root, rel))).sort();
  for (const name of names) {
    const relPath = rel ? `${rel}/${name}` : name;
    const full = join(root, relPath);
    const st = await lstat(full);
    const type: FileType = st.isDirectory()
      ? 'dir'
      : st.isSymbolicLink()
        ? 'symlink'
        : st.isFile()
          ? 'file'
          : st.isCharacterDevice()
            ? 'char'
            : st.isBlockDevice()
              ? 'block'
              : 'fifo';
    const sink = collector.add({
      name: relPath,
      type,
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      size: type === 'file' ? st.size : 0,
      mtime: Math.floor(st.mtimeMs / 1000),
      linkname: type === 'symlink' ? await readlink(full) : '',
    });
    if (sink) {
      for await (const chunk of createReadStream(full)) sink.data(chunk as Buffer);
      sink.end();
    }
    if (type === 'dir') await walk(root, relPath, collector);
  }
}
