import { Registry } from '../plugin/registry.js';
import type { ImageSource } from './source.js';
import { ociDirSource } from './sources/oci-dir.js';
import { dockerArchiveSource, ociArchiveSource } from './sources/archive-file.js';
import { registrySource } from './sources/registry.js';
import { dockerDaemonSource } from './sources/docker-daemon.js';

/** Every image source. A bare name (no scheme) tries BARE_NAME_ORDER in turn. */
export const IMAGE_SOURCES: readonly ImageSource[] = [ociDirSource, ociArchiveSource, dockerArchiveSource, registrySource, dockerDaemonSource];

export const imageSourceRegistry = new Registry<ImageSource>('image source', IMAGE_SOURCES);

/** Sources tried, in order, for a reference without a scheme. */
export const BARE_NAME_ORDER: readonly string[] = ['docker', 'registry'];
