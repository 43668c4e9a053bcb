/** Pure data types describing a container image. No I/O, no imports from the rest of src. */

import type { PackageType } from './package.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** An OCI content descriptor, as it appears in manifests and indexes. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

/** One entry of the image config's `history`. */
export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The subset of the OCI/Docker image config that Portcullis reads. Unknown fields are kept in `raw`. */
export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  config?: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
    Volumes?: Record<string, unknown> | null;
    StopSignal?: string;
    Healthcheck?: unknown;
  };
  rootfs: { type: string; diff_ids: string[] };
  history?: HistoryEntry[];
}

export interface LayerInfo {
  /** 0-based position in the manifest. */
  index: number;
  /** Digest of the blob as stored (compressed or not). */
  digest: string;
  /** Digest of the uncompressed tar (the config's rootfs.diff_ids entry). */
  diffId: string;
  mediaType: string;
  /** Size of the stored blob in bytes. */
  size: number;
  /** The history entry that created this layer (empty_layer entries skipped), when the config has one. */
  history?: HistoryEntry;
  /** Index of that entry in the config's `history` array. */
  historyIndex?: number;
}

/** Everything known about an image before its layers are read. */
export interface ImageMetadata {
  /** The reference the user gave. */
  reference: string;
  /** The source id that opened it (`oci-dir`, `registry`, …). */
  source: string;
  /** Digest of the manifest that was selected, when the source has one. */
  manifestDigest?: string;
  manifestMediaType?: string;
  /** Digest of the index the manifest was selected from, if any. */
  indexDigest?: string;
  configDigest: string;
  platform: Platform;
  layers: LayerInfo[];
  config: ImageConfig;
  repoTags: string[];
  repoDigests: string[];
}

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** Where a file in the squashed view came from: the layer that last wrote it, and that layer's history entry. */
export interface FileProvenance {
  layerIndex: number;
  layerDigest: string;
  diffId: string;
  historyIndex?: number;
  createdBy?: string;
}

export interface FileEntry {
  /** Absolute, normalised path inside the image (`/etc/os-release`). */
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime?: number;
  /** For symlinks: the link text as stored. For hardlinks: the absolute path of the target. */
  linkTarget?: string;
  provenance: FileProvenance;
}

/**
 * Something inside the image that could not be read: data, not a failure of the scan.
 * `stage` says who found it (`image`, `catalog/dpkg`, …).
 */
export interface Unknown {
  stage: string;
  reason: string;
  path?: string;
  layerDigest?: string;
  /** Set when the file is a package database (or manifest) of this type: its packages are missing from the catalog. */
  packageDatabase?: PackageType;
}
