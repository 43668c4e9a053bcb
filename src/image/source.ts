import type { Readable } from 'node:stream';
import type { Logger } from '../common/logger.js';
import type { ImageMetadata, LayerInfo, Platform } from '../model/index.js';
import type { Plugin } from '../plugin/plugin.js';

/** A parsed `scheme:location` reference. */
export interface ImageReference {
  /** What the user typed. */
  raw: string;
  /** The explicit scheme, or undefined for a bare name (daemon first, then registry). */
  scheme: string | undefined;
  location: string;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface SourceOptions {
  /** The platform to select from an index; the host's when absent. */
  platform?: Platform;
  /** Explicit registry credentials (flags or environment); they beat ~/.docker/config.json. */
  credentials?: RegistryCredentials;
  /** Registries (host[:port]) reached over plain http besides localhost. */
  insecureRegistries?: readonly string[];
  /** A PEM bundle of extra CAs for registries. */
  caFile?: string;
  /** Per-request timeout for network sources, in ms. */
  timeoutMs?: number;
  /** Retries on 429/5xx for network sources. */
  retries?: number;
  /** Where docker's config.json lives (DOCKER_CONFIG); ~/.docker by default. */
  dockerConfigDir?: string;
  /** The process environment (DOCKER_HOST and friends). */
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

/**
 * An image whose manifest and config are known before its layers are read: OCI layouts, registries.
 * `blob` returns a layer's stored bytes (compressed or not); the reader checks digests while streaming.
 */
export interface LayeredImage {
  kind: 'layered';
  metadata: ImageMetadata;
  blob(layer: LayerInfo, signal?: AbortSignal): Promise<Readable>;
  close(): Promise<void>;
}

/**
 * A tar of a whole image (docker save output, an OCI layout archive), read in one pass whatever its entry order:
 * layers are read as they come and ordered once the manifest is known.
 */
export interface ImageArchive {
  kind: 'archive';
  /** How to name it in messages (a path, `docker:NAME`). */
  label: string;
  /** The reference the user gave, and the source id, for the metadata. */
  reference: string;
  source: string;
  /** For an OCI archive: the ref to select (`org.opencontainers.image.ref.name`). */
  refName?: string;
  /**
   * What the source knows of the image before exporting it (the Docker daemon's inspect): its id and its layers'
   * diff_ids, in order. A layer cache holding this image's metadata and every layer's analysis stands in for the
   * read, and the archive is not exported at all.
   */
  identity?: { imageId: string; diffIds: readonly string[] };
  /** Opens the byte stream. Called once. */
  open(signal?: AbortSignal): Promise<Readable>;
  close(): Promise<void>;
}

export type OpenedImage = LayeredImage | ImageArchive;

/** A place images come from. Registered in `src/image/list.ts`. */
export interface ImageSource extends Plugin {
  /** Reference schemes this source answers (`oci-dir`, `registry`, …). */
  readonly schemes: readonly string[];
  open(ref: ImageReference, options: SourceOptions, signal?: AbortSignal): Promise<OpenedImage>;
}
