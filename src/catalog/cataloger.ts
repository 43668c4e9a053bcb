import type { Logger } from '../common/logger.js';
import type { Distro, Package, Unknown } from '../model/index.js';
import type { Plugin } from '../plugin/plugin.js';
import type { FileRequest } from '../image/file-request.js';
import type { FileView } from '../image/file-view.js';

/** Selection tags, as in syft: image scans run the `image`-tagged catalogers. */
export type CatalogTag = 'image' | 'directory' | 'installed' | 'declared' | 'os' | 'language' | (string & {});

export interface CatalogContext {
  view: FileView;
  /** The detected distro, when the os-release cataloger found one (OS catalogers use it for purls). */
  distro?: Distro;
  logger: Logger;
  signal?: AbortSignal;
}

export interface CatalogResult {
  packages: Package[];
  /** Files that could not be read or parsed: data, and the scan goes on. */
  unknowns: Unknown[];
}

/**
 * A cataloger never does its own I/O: it declares the files it needs (read in the image's single pass) and
 * then reads them from the FileView.
 */
export interface Cataloger extends Plugin {
  readonly tags: readonly CatalogTag[];
  /** The paths and globs whose content this cataloger reads. */
  readonly requests: readonly FileRequest[];
  catalog(ctx: CatalogContext): Promise<CatalogResult>;
}
