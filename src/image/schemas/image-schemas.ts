/**
 * The shapes of the JSON documents an image is made of, as JSON Schemas (draft-07) covering the fields Portcullis
 * reads; other fields stay open (annotations, extensions). Written from the OCI image spec
 * (https://github.com/opencontainers/image-spec: descriptor.md, manifest.md, image-index.md, config.md) and
 * Docker's `docker save` layout (moby image/tarexport: manifest.json is a list of {Config, RepoTags, Layers}).
 * Compiled once, at first use, by src/common/json.ts.
 */
import { shapeChecker } from '../../common/json.js';

/** The grammar of a digest (image-spec descriptor.md); which algorithms are supported is checked where it is used. */
const digest = { type: 'string', pattern: '^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const nullableStringMap = { type: ['object', 'null'], additionalProperties: { type: 'string' } };
const strings = { type: 'array', items: { type: 'string' } };
const nullableStrings = { type: ['array', 'null'], items: { type: 'string' } };

const platform = {
  type: 'object',
  properties: {
    os: { type: 'string' },
    architecture: { type: 'string' },
    variant: { type: 'string' },
    'os.version': { type: 'string' },
    'os.features': strings,
  },
  required: ['os', 'architecture'],
};

const descriptor = {
  type: 'object',
  properties: {
    mediaType: { type: 'string' },
    digest,
    size: { type: 'integer', minimum: 0 },
    urls: strings,
    annotations: stringMap,
    platform,
  },
  required: ['digest', 'size'],
};

export const MANIFEST_SCHEMA = {
  type: 'object',
  properties: {
    schemaVersion: { type: 'integer' },
    mediaType: { type: 'string' },
    config: descriptor,
    layers: { type: 'array', items: descriptor },
    annotations: stringMap,
  },
  required: ['config', 'layers'],
};

export const INDEX_SCHEMA = {
  type: 'object',
  properties: {
    schemaVersion: { type: 'integer' },
    mediaType: { type: 'string' },
    manifests: { type: 'array', items: descriptor },
    annotations: stringMap,
  },
  required: ['manifests'],
};

const history = {
  type: 'object',
  properties: {
    created: { type: 'string' },
    created_by: { type: 'string' },
    author: { type: 'string' },
    comment: { type: 'string' },
    empty_layer: { type: 'boolean' },
  },
};

export const CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    architecture: { type: 'string' },
    os: { type: 'string' },
    variant: { type: 'string' },
    created: { type: 'string' },
    author: { type: 'string' },
    config: {
      type: ['object', 'null'],
      properties: {
        User: { type: 'string' },
        Env: nullableStrings,
        Entrypoint: nullableStrings,
        Cmd: nullableStrings,
        WorkingDir: { type: 'string' },
        Labels: nullableStringMap,
        ExposedPorts: { type: ['object', 'null'] },
        Volumes: { type: ['object', 'null'] },
        StopSignal: { type: 'string' },
      },
    },
    rootfs: {
      type: 'object',
      properties: { type: { type: 'string' }, diff_ids: { type: 'array', items: digest } },
      required: ['diff_ids'],
    },
    history: { type: 'array', items: history },
  },
  required: ['rootfs'],
};

export const DOCKER_ARCHIVE_MANIFEST_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      Config: { type: 'string' },
      RepoTags: nullableStrings,
      Layers: strings,
    },
    required: ['Config', 'Layers'],
  },
};

export const checkManifestShape = shapeChecker(MANIFEST_SCHEMA);
export const checkIndexShape = shapeChecker(INDEX_SCHEMA);
export const checkConfigShape = shapeChecker(CONFIG_SCHEMA);
export const checkDockerArchiveManifestShape = shapeChecker(DOCKER_ARCHIVE_MANIFEST_SCHEMA);
