/**
 * Unpacks an image's squashed root file system to a directory, for tools that need a real tree (oscap-chroot).
 * Content streams through a ContentSink into staging files during the single pass over the layers; the tree is
 * then built from the squashed view. Safe by construction:
 * - no entry is written through a symlink: an entry under a path that the image makes a symlink is refused;
 * - paths are the view's normalised absolute paths, and each is checked to stay under the root;
 * - device nodes and FIFOs are not created; hardlinks only to regular files already unpacked;
 * - symlinks are created as they are (they resolve inside the chroot) and never followed here.
 */

import { closeSync, linkSync, lchownSync, mkdirSync, openSync, renameSync, symlinkSync, writeSync, chmodSync, rmSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import type { Logger } from '../common/logger.js';
import type { ContentSink, FileRequest } from '../image/file-request.js';
import type { FileView } from '../image/file-view.js';
import type { FileEntry } from '../model/index.js';

export const ROOTFS_REQUEST_ID = 'compliance/rootfs';

export interface UnpackSummary {
  root: string;
  files: number;
  dirs: number;
  symlinks: number;
  hardlinks: number;
  /** Entries not created, with why (device nodes, escapes, missing content). */
  skipped: { path: string; reason: string }[];
}

class StagingSink implements ContentSink {
  readonly #fd: number;
  constructor(readonly path: string) {
    this.#fd = openSync(path, 'wx', 0o600);
  }
  write(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) off += writeSync(this.#fd, chunk, off);
  }
  end(): string {
    closeSync(this.#fd);
    return this.path;
  }
}

/** The request that streams every regular file into `stagingDir` (one file per layer version). */
export function rootfsRequest(stagingDir: string): FileRequest {
  let n = 0;
  mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  return {
    id: ROOTFS_REQUEST_ID,
    filter: () => true,
    sink: () => new StagingSink(join(stagingDir, String(n++))),
  };
}

function inside(root: string, path: string): string | undefined {
  // normalize, not resolve: ncc's asset relocator rewrites resolve(root, …) into a path of the build machine.
  const target = normalize(`${root}${sep}.${path}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return undefined;
  return target;
}

/** Builds the tree under `root` (which must exist and be empty) from the view and the staged content. */
export function unpackView(view: FileView, root: string, options: { owners?: boolean; logger?: Logger } = {}): UnpackSummary {
  const summary: UnpackSummary = { root, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, skipped: [] };
  const owners = options.owners ?? process.getuid?.() === 0;
  const links = new Set<string>();
  const dirModes: [string, number][] = [];
  const hardlinks: [FileEntry, string][] = [];
  const skip = (e: FileEntry, reason: string) => summary.skipped.push({ path: e.path, reason });
  const setOwner = (dest: string, e: FileEntry) => {
    if (owners) lchownSync(dest, e.uid, e.gid);
  };

  for (const e of view.list()) {
    const dest = inside(root, e.path);
    if (!dest) {
      skip(e, 'path leaves the root');
      continue;
    }
    // Refuse anything whose parent the image made a symlink: writing there would follow it.
    const parts = e.path.split('/').filter(Boolean);
    let viaLink: string | undefined;
    for (let i = 1; i < parts.length; i++) {
      const ancestor = `/${parts.slice(0, i).join('/')}`;
      if (links.has(ancestor)) {
        viaLink = ancestor;
        break;
      }
    }
    if (viaLink) {
      skip(e, `under ${viaLink}, a symlink`);
      continue;
    }
    try {
      switch (e.type) {
        case 'dir':
          mkdirSync(dest, { recursive: true, mode: 0o700 });
          dirModes.push([dest, e.mode]);
          setOwner(dest, e);
          summary.dirs++;
          break;
        case 'file': {
          const staged = view.sinkResult(ROOTFS_REQUEST_ID, e.path);
          if (typeof staged !== 'string') {
            skip(e, 'content was not captured');
            break;
          }
          mkdirSync(join(dest, '..'), { recursive: true, mode: 0o755 });
          renameSync(staged, dest);
          chmodSync(dest, e.mode & 0o7777);
          setOwner(dest, e);
          // chown clears set-id bits; put them back.
          if (owners && e.mode & 0o6000) chmodSync(dest, e.mode & 0o7777);
          summary.files++;
          break;
        }
        case 'symlink':
          mkdirSync(join(dest, '..'), { recursive: true, mode: 0o755 });
          symlinkSync(e.linkTarget ?? '', dest);
          setOwner(dest, e);
          links.add(e.path);
          summary.symlinks++;
          break;
        case 'hardlink':
          // After every regular file exists: the target may sort after the link.
          hardlinks.push([e, dest]);
          break;
        default:
          skip(e, `${e.type} device or FIFO: not created`);
      }
    } catch (error) {
      skip(e, error instanceof Error ? error.message : String(error));
    }
  }
  for (const [e, dest] of hardlinks) {
    const target = view.get(e.linkTarget ?? '');
    const targetDest = e.linkTarget ? inside(root, e.linkTarget) : undefined;
    if (!target || target.type !== 'file' || !targetDest || [...links].some((l) => e.linkTarget!.startsWith(`${l}/`))) {
      skip(e, `hardlink to ${e.linkTarget ?? '?'}, which is not an unpacked regular file`);
      continue;
    }
    try {
      mkdirSync(join(dest, '..'), { recursive: true, mode: 0o755 });
      linkSync(targetDest, dest);
      summary.hardlinks++;
    } catch (error) {
      skip(e, error instanceof Error ? error.message : String(error));
    }
  }
  // Directory modes last and deepest first, so a read-only directory did not block its own content.
  for (const [dest, mode] of dirModes.reverse()) chmodSync(dest, mode & 0o7777);
  for (const s of summary.skipped) options.logger?.debug(`rootfs: skipped ${s.path}: ${s.reason}`);
  return summary;
}

/** Removes staged files that no squashed entry used (overwritten or deleted in a later layer). */
export function removeStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
}

